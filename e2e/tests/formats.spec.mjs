// Every export format, downloaded from the menu and checked against the text it points into:
// code points for claimtag, W3C, Label Studio, spaCy, brat and CSV; UTF-16 units for doccano and
// the W3C variant for Recogito / Hypothesis.
import fs from 'node:fs';
import { test, expect } from '@playwright/test';
import { AppPage } from './app-page.mjs';

async function exportAs(page, name, testInfo) {
  await page.getByText('More formats').click();
  const downloads = [];
  page.on('download', (d) => downloads.push(d));
  await page.getByRole('group', { name: 'Export formats' }).getByRole('button', { name }).click();
  await expect.poll(() => downloads.length).toBeGreaterThan(0);
  await page.waitForTimeout(200);
  const files = {};
  for (const d of downloads) {
    const path = testInfo.outputPath(d.suggestedFilename());
    await d.saveAs(path);
    files[d.suggestedFilename()] = fs.readFileSync(path, 'utf8');
  }
  return files;
}

test('each export format lands on the right characters after an emoji', async ({ page }, testInfo) => {
  const app = new AppPage(page);
  await app.open();
  await page.getByRole('button', { name: 'Load article' }).click();
  const load = page.getByRole('dialog', { name: 'Load article' });
  await load.getByRole('textbox', { name: 'Article text' }).fill('Fire crew 👨🏻‍🚒 praised\n\nThe 🏳️‍🌈 parade drew 12,000 people, police said.\n\n“It was =great,” said Ana, who accused the council of delays.');
  await load.getByRole('button', { name: 'Use this text' }).click();
  await app.dragSelect(app.paragraph('parade drew'), 'parade', 'people,');
  await page.keyboard.press('f');
  await app.dragSelect(app.paragraph('It was'), '“It was', 'great,”');
  await page.keyboard.press('q');
  await page.keyboard.press('Enter');
  await page.keyboard.type('Ana');
  await page.keyboard.press('Escape');

  const w3c = JSON.parse(Object.values(await exportAs(page, 'W3C Web Annotation', testInfo))[0]);
  expect(w3c['@context']).toBe('http://www.w3.org/ns/anno.jsonld');
  const text = await page.evaluate(() => [...document.querySelectorAll('article p.ct-paragraph')].map((p) => p.textContent).join('\n\n'));
  const cps = [...text];
  for (const item of w3c.first.items) {
    const [quote, position] = item.target.selector;
    expect(cps.slice(position.start, position.end).join('')).toBe(quote.exact);
  }

  const recogito = JSON.parse(Object.values(await exportAs(page, 'W3C for Recogito / Hypothesis (UTF-16 positions)', testInfo))[0]);
  expect(recogito.first.items).toHaveLength(w3c.first.items.length);
  for (const item of recogito.first.items) {
    const [quote, position] = item.target.selector;
    expect(text.slice(position.start, position.end)).toBe(quote.exact);
  }

  const doccano = JSON.parse(Object.values(await exportAs(page, 'doccano JSONL', testInfo))[0].trim());
  const labels = doccano.label.map(([s, e, l]) => [doccano.text.slice(s, e), l]);
  expect(labels).toEqual([['parade drew 12,000 people,', 'FACT'], ['“It was =great,”', 'QUOTE']]);

  const studio = JSON.parse(Object.values(await exportAs(page, 'Label Studio JSON', testInfo))[0]);
  for (const r of studio[0].annotations[0].result) expect([...studio[0].data.text].slice(r.value.start, r.value.end).join('')).toBe(r.value.text);

  const spacy = JSON.parse(Object.values(await exportAs(page, 'spaCy / Prodigy JSONL', testInfo))[0].trim());
  for (const s of spacy.spans) expect([...spacy.text].slice(s.start, s.end).join('')).not.toBe('');
  expect(spacy.spans.find((s) => s.label === 'QUOTE').speaker).toBe('Ana');

  const brat = await exportAs(page, 'brat standoff', testInfo);
  const names = Object.keys(brat).sort();
  expect(names).toEqual(['fire-crew-praised.ann', 'fire-crew-praised.txt']);
  const bratText = [...brat['fire-crew-praised.txt']];
  for (const line of brat['fire-crew-praised.ann'].trim().split('\n').filter((l) => l.startsWith('T'))) {
    const [, typeAndOffsets, covered] = line.split('\t');
    const [start, end] = typeAndOffsets.split(' ').slice(1).map(Number);
    expect(bratText.slice(start, end).join('')).toBe(covered);
  }
  expect(brat['fire-crew-praised.ann']).toContain('AnnotatorNotes T2\tspeaker: Ana');

  const csv = Object.values(await exportAs(page, 'CSV', testInfo))[0];
  expect(csv.split('\r\n')[0]).toBe('document_id,title,label,start,end,text,speaker,cue,note,sentence');
  expect(csv).toContain('"“It was =great,”"');
});

test('import annotations from doccano and W3C; orphans are placed or dropped by the user', async ({ page }) => {
  const app = new AppPage(page);
  await app.open();
  const text = await page.evaluate(() => [...document.querySelectorAll('article p.ct-paragraph')].map((p) => p.textContent).join('\n\n'));
  const utf16 = (needle) => { const s = text.indexOf(needle); return [s, s + needle.length]; };
  const doccano = JSON.stringify({ text, label: [[...utf16('three times the regional limit'), 'FACT'], [...utf16('“a fairy tale”'), 'QUOTE']] });
  const w3c = JSON.stringify({
    '@context': 'http://www.w3.org/ns/anno.jsonld', type: 'AnnotationCollection',
    first: { type: 'AnnotationPage', items: [
      { type: 'Annotation', body: [{ type: 'TextualBody', purpose: 'tagging', value: 'ALLEGATION' }, { type: 'TextualBody', purpose: 'identifying', value: 'Hallberg' }],
        target: { source: 'urn:x', selector: [{ type: 'TextQuoteSelector', exact: 'deliberately kept the findings in a drawer', prefix: 'officials “', suffix: '” until' }] } },
      { type: 'Annotation', body: { type: 'TextualBody', purpose: 'tagging', value: 'QUOTE' },
        target: { source: 'urn:x', selector: { type: 'TextQuoteSelector', exact: 'a sentence that is not in the article' } } },
    ] },
  });
  const importFile = async (name, contents) => {
    await page.getByRole('button', { name: 'Load article' }).click();
    const dialog = page.getByRole('dialog', { name: 'Load article' });
    await dialog.locator('input[aria-label="Annotation file"]').setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(contents) });
    await expect(dialog).toHaveCount(0);
  };
  await importFile('from-doccano.jsonl', doccano);
  await expect(page.getByRole('status')).toContainText('Imported 2 annotations');
  await expect(app.article.locator('mark[data-label="quote"]')).toHaveText('“a fairy tale”');
  await importFile('from-hypothesis.jsonld', w3c);
  await expect(app.article.locator('mark[data-label="allegation"]')).toHaveText('deliberately kept the findings in a drawer');
  await expect(app.annotations).toContainText('— Hallberg');
  const orphans = page.getByRole('list', { name: 'Not placed' });
  await expect(orphans.getByRole('listitem')).toHaveCount(1);
  await expect(orphans).toContainText('is not in this text');
  await app.dragSelect(app.paragraph('Until then, the council'), '“They can', 'they like,”');
  await orphans.getByRole('button', { name: 'Place at selection' }).click();
  await expect(orphans).toHaveCount(0);
  await expect(app.article.locator('mark[data-label="quote"]')).toHaveCount(2);
  await expect(app.annotations.getByRole('listitem')).toHaveCount(4);
});
