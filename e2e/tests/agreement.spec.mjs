// Several annotators, one gold standard, as a team lead works: two annotators' doccano exports
// of the same three articles brought in as layers, the agreement table read and the report
// exported (its figures checked against hand-computed values), one document adjudicated from
// the keyboard (accept all unanimous, resolve two disagreements, undo one), the gold layer
// exported with exact offsets and provenance; axe scans of both new views in both themes.
import fs from 'node:fs';
import { test, expect } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { AppPage } from './app-page.mjs';

const cps = (s) => [...s];
const sliceCp = (text, start, end) => cps(text).slice(start, end).join('');
/** The code point span of `part` in `text` (its first occurrence). */
function spanOf(text, part) {
  const at = text.indexOf(part);
  if (at < 0) throw new Error(`“${part}” not in the text`);
  const start = cps(text.slice(0, at)).length;
  return [start, start + cps(part).length];
}

// An emoji and an astral CJK character before the spans, so code point offsets matter.
const TEXTS = [
  'Dam opens 🌊\n\nThe dam opened on Monday, officials said. “It is safe for 𠀋 families,” the mayor said.',
  'Port expands\n\nThe port will add three berths by 2028. Critics alleged the tender was rigged. “We welcome it,” a union leader said.',
  'Tram returns 🚋\n\nThe tram returned after two years. “This is the best day for the city,” the director said on Friday.',
];

// ana and bo agree on doc 1; on doc 2 they share the FACT, ana alone has the ALLEGATION and bo
// alone the QUOTE; on doc 3 bo's QUOTE ends three code points early (overlap, not exact).
const ANA = [
  [['The dam opened on Monday', 'FACT'], ['“It is safe for 𠀋 families,”', 'QUOTE']],
  [['The port will add three berths by 2028', 'FACT'], ['the tender was rigged', 'ALLEGATION']],
  [['“This is the best day for the city,”', 'QUOTE']],
];
const BO = [
  [['The dam opened on Monday', 'FACT'], ['“It is safe for 𠀋 families,”', 'QUOTE']],
  [['The port will add three berths by 2028', 'FACT'], ['“We welcome it,”', 'QUOTE']],
  [['“This is the best day for the cit', 'QUOTE']],
];
// Hand-computed: ana 5 spans, bo 5; exact matches 3 (doc 1: 2, doc 2: 1) → F1 = 2·3/10 = 0.6;
// overlap matches 4 (doc 3's quote too, IoU 33/36 ≥ 0.5) → F1 = 2·4/10 = 0.8.
const EXPECTED = { exact: 0.6, overlap: 0.8 };

function doccano(name, marks) {
  return TEXTS.map((text, i) => JSON.stringify({
    text,
    annotator: name,
    label: marks[i].map(([part, label]) => [...spanOf(text, part), label]),
  })).join('\n') + '\n';
}

async function seriousViolations(page) {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((v) => ['serious', 'critical'].includes(v.impact))
    .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`);
}

async function openLibrary(page) {
  await page.getByRole('button', { name: 'Library', exact: true }).click();
  const library = page.getByRole('dialog', { name: 'Library' });
  await expect(library.getByRole('list', { name: 'Documents' })).toBeAttached();
  return library;
}

test('two annotators’ files → agreement report → adjudicated gold layer', async ({ page }, testInfo) => {
  const app = new AppPage(page);
  await app.open();
  await expect(page.locator('.ct-save')).toHaveText('Saved');

  // Bring in both annotators' files as layers.
  let library = await openLibrary(page);
  await library.getByRole('button', { name: "Add annotators' files…" }).click();
  const dialog = page.getByRole('dialog', { name: "Add annotators' files" });
  await dialog.locator('input[aria-label="Annotators\' files"]').setInputFiles([
    { name: 'ana.jsonl', mimeType: 'application/jsonl', buffer: Buffer.from(doccano('ana', ANA)) },
    { name: 'bo.jsonl', mimeType: 'application/jsonl', buffer: Buffer.from(doccano('bo', BO)) },
  ]);
  const files = dialog.getByRole('list', { name: 'Chosen files' });
  await expect(files.getByRole('listitem')).toHaveCount(2);
  await expect(files).toContainText('3 documents · ana');
  await dialog.getByRole('button', { name: 'Add layers from 2 files' }).click();
  await expect(dialog.getByRole('status')).toContainText('Added 6 layers; 3 documents new to the library.');
  await dialog.getByRole('button', { name: 'Show agreement' }).click();

  // The agreement table over the whole library.
  const agreement = page.getByRole('dialog', { name: 'Agreement' });
  await agreement.getByRole('radio', { name: 'Whole library' }).check();
  await expect(agreement).toContainText('2 annotators (ana, bo) · 3 documents · 3 annotated by all');
  const pairs = agreement.getByRole('table', { name: /Pairs of annotators/ });
  const row = (name) => pairs.getByRole('row', { name: new RegExp(`^${name}`) });
  await expect(row('Span F1, exact').getByRole('cell').first()).toHaveText(EXPECTED.exact.toFixed(3));
  await expect(row('Span F1, overlap').getByRole('cell').first()).toHaveText(EXPECTED.overlap.toFixed(3));
  await expect(agreement.getByRole('img', { name: /Heat map/ })).toBeVisible();
  for (const colorScheme of ['light', 'dark']) {
    await page.emulateMedia({ colorScheme });
    expect(await seriousViolations(page), `agreement view, ${colorScheme}`).toEqual([]);
    await page.screenshot({ path: testInfo.outputPath(`agreement-${colorScheme}.png`) });
    await agreement.getByRole('img', { name: /Heat map/ }).scrollIntoViewIfNeeded();
    await page.screenshot({ path: testInfo.outputPath(`agreement-charts-${colorScheme}.png`) });
  }
  await page.emulateMedia({ colorScheme: 'light' });

  // The report, as JSON and CSV, carries the same figures.
  const save = async (name) => {
    const [download] = await Promise.all([page.waitForEvent('download'), agreement.getByRole('button', { name }).click()]);
    const file = testInfo.outputPath(download.suggestedFilename());
    await download.saveAs(file);
    return fs.readFileSync(file, 'utf8');
  };
  const report = JSON.parse(await save('Export report (JSON)'));
  expect(report.format).toBe('claimtag-agreement');
  expect(report.annotators).toEqual(['ana', 'bo']);
  const figure = (measure) => report.figures.find((f) => f.measure === measure && f.label === null && f.a === 'ana' && f.b === 'bo');
  expect(figure('span_f1_exact').value).toBeCloseTo(EXPECTED.exact, 10);
  expect(figure('span_f1_exact').matched).toBe(3);
  expect(figure('span_f1_overlap').value).toBeCloseTo(EXPECTED.overlap, 10);
  expect(report.per_document).toHaveLength(3);
  // The lowest-agreement document is the port story (F1 0.5 there).
  expect(report.per_document[0].title).toBe('Port expands');
  const csv = await save('Export report (CSV)');
  expect(csv.split('\n')[0]).toBe('measure,label,annotator_a,annotator_b,value,n,matched,a_spans,b_spans,other');
  expect(csv).toContain('span_f1_overlap,overall,ana,bo,0.8,');

  // The chart opens the lowest-agreement document.
  await agreement.getByRole('button', { name: /Port expands/ }).first().click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Port expands');

  // Adjudicate it from the keyboard.
  const layers = page.getByRole('region', { name: 'Layers' });
  await expect(layers.getByRole('button', { name: /ana · 2/ })).toBeVisible();
  await layers.getByRole('button', { name: 'Adjudicate' }).click();
  const progress = layers.locator('.ct-adjudicate__progress');
  await expect(progress).toHaveText('0 of 2 disagreements resolved · 1 unanimous waiting');
  await page.keyboard.press('u');
  await expect(progress).toHaveText('0 of 2 disagreements resolved');
  await page.keyboard.press('y');
  await expect(progress).toHaveText('1 of 2 disagreements resolved');
  await page.keyboard.press('n');
  await expect(progress).toHaveText('2 of 2 disagreements resolved');
  await page.keyboard.press('Control+z');
  await expect(progress).toHaveText('1 of 2 disagreements resolved');
  await expect(page.locator('.ct-sidebar__title', { hasText: 'Gold annotations' })).toContainText('2');
  for (const colorScheme of ['light', 'dark']) {
    await page.emulateMedia({ colorScheme });
    expect(await seriousViolations(page), `adjudication, ${colorScheme}`).toEqual([]);
    await page.screenshot({ path: testInfo.outputPath(`adjudicate-${colorScheme}.png`) });
  }
  await page.emulateMedia({ colorScheme: 'light' });
  await expect(page.locator('.ct-save')).toHaveText('Saved');

  // Export the gold layer: exact offsets, and where each annotation came from.
  library = await openLibrary(page);
  const exportPanel = library.getByRole('region', { name: 'Export' });
  await exportPanel.getByRole('combobox', { name: 'Layer to export' }).selectOption({ label: 'Gold (adjudicated)' });
  const formats = await exportPanel.getByRole('combobox', { name: 'Export format' }).locator('option').allTextContents();
  await exportPanel.getByRole('combobox', { name: 'Export format' }).selectOption({ label: formats.find((f) => /claimtag/i.test(f)) });
  const [download] = await Promise.all([page.waitForEvent('download'), exportPanel.getByRole('button', { name: 'Export', exact: true }).click()]);
  const file = testInfo.outputPath(download.suggestedFilename());
  await download.saveAs(file);
  const lines = fs.readFileSync(file, 'utf8').trim().split('\n').map((l) => JSON.parse(l));
  const port = lines.find((l) => l.document.title === 'Port expands');
  expect(port.annotations).toHaveLength(2);
  for (const a of port.annotations) expect(sliceCp(port.document.text, a.start, a.end)).toBe(a.text);
  const fact = port.annotations.find((a) => a.label === 'FACT');
  expect(fact.text).toBe('The port will add three berths by 2028');
  expect(fact.adjudicated_from).toEqual({ annotators: ['ana', 'bo'], unanimous: true });
  const other = port.annotations.find((a) => a.label !== 'FACT');
  expect(other.adjudicated_from.unanimous).toBe(false);
  expect(other.adjudicated_from.annotators).toHaveLength(1);
});
