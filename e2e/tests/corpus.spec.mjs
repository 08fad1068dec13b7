// The corpus as a user builds it: many files at once, a folder, corpus files (JSONL, CSV) through
// the mapping step with their bad records named, Cancel halfway, the corpus view's filters, Next
// to do through the queue, and the whole dataset exported in every format with offsets checked
// in each file.
import fs from 'node:fs';
import path from 'node:path';
import { test, expect } from '@playwright/test';
import { AppPage } from './app-page.mjs';
import { unzip } from './zip.mjs';

const cps = (s) => [...s];
const sliceCp = (text, start, end) => cps(text).slice(start, end).join('');

async function openLoad(page) {
  await page.getByRole('button', { name: 'Load article' }).click();
  return page.getByRole('dialog', { name: 'Load article' });
}

async function addFiles(page, files) {
  const load = await openLoad(page);
  await load.locator('input[aria-label="Article file"]').setInputFiles(files);
  const intake = page.getByRole('dialog', { name: 'Add to library' });
  await expect(intake).toBeVisible();
  return intake;
}

async function addAndWait(page, files, summary) {
  const intake = await addFiles(page, files);
  await intake.getByRole('button', { name: /^Add \d+ records? to the library$/ }).click();
  await expect(intake.getByRole('status')).toContainText(summary, { timeout: 60_000 });
  return intake;
}

async function openLibrary(page) {
  await page.getByRole('button', { name: 'Library', exact: true }).click();
  const library = page.getByRole('dialog', { name: 'Library' });
  await expect(library.getByRole('list', { name: 'Documents' })).toBeAttached();
  return library;
}

function writeFiles(dir, files) {
  fs.mkdirSync(dir, { recursive: true });
  return Object.entries(files).map(([name, body]) => {
    const file = path.join(dir, name);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, body);
    return file;
  });
}

const article = (title, body) => `${title}\n\n${body}`;

/** Opens the app and waits until the sample article is stored, so the library is settled. */
async function start(page) {
  const app = new AppPage(page);
  await app.open();
  await expect(page.locator('.ct-save')).toHaveText('Saved');
  return app;
}

test('three files at once, then a folder, come in as documents of the library', async ({ page }, testInfo) => {
  const app = await start(page);
  const files = writeFiles(testInfo.outputPath('three'), {
    'tram.txt': article('Tram line opens', 'The tram opened on Monday with 14 stops, the city said.'),
    'bridge.md': article('Bridge closes', 'The bridge closed for repairs costing €2.1 million.'),
    'port.html': '<!doctype html><html><head><title>Port expands</title></head><body><article><h1>Port expands</h1><p>The port will add three berths by 2028, its director said on Friday.</p><p>“We are ready,” she said.</p></article></body></html>',
  });
  const intake = await addFiles(page, files);
  // The focus moves into the dialog, and stays inside as its content changes.
  await expect(intake.getByRole('button', { name: 'Close' })).toBeFocused();
  await expect(intake.getByRole('list', { name: 'Files' }).getByRole('listitem')).toHaveCount(3);
  await intake.getByRole('button', { name: 'Add 3 records to the library' }).click();
  await expect(intake.getByRole('status')).toContainText('Added 3 documents; 0 already in the library; 0 refused.');
  await page.screenshot({ path: testInfo.outputPath('intake-result.png') });
  await intake.getByRole('button', { name: 'Show the library' }).click();
  const library = page.getByRole('dialog', { name: 'Library' });
  const docs = library.getByRole('list', { name: 'Documents' });
  for (const title of ['Tram line opens', 'Bridge closes', 'Port expands']) {
    await expect(docs.locator(`li[data-title="${title}"]`)).toHaveCount(1);
  }
  await library.getByRole('button', { name: 'Close' }).click();

  // A folder, with a subfolder and a hidden file: every article inside comes in once.
  const folder = testInfo.outputPath('folder');
  writeFiles(folder, {
    'a/school.txt': article('School reopens', 'The school reopened after 3 weeks, the head teacher said.'),
    'a/b/museum.txt': article('Museum wins prize', 'The museum won a €50,000 prize on Tuesday.'),
    'tram-again.txt': article('Tram line opens', 'The tram opened on Monday with 14 stops, the city said.'),
  });
  const load = await openLoad(page);
  await load.locator('input[aria-label="Article folder"]').setInputFiles(folder);
  const again = page.getByRole('dialog', { name: 'Add to library' });
  await again.getByRole('button', { name: 'Add 3 records to the library' }).click();
  await expect(again.getByRole('status')).toContainText('Added 2 documents; 1 already in the library; 0 refused.');
  await again.getByText('Already in the library (1)').click();
  await expect(again.getByRole('list', { name: 'Already in the library' })).toContainText('tram-again.txt');
});

test('a folder and a file dropped on the page come in with every file inside', async ({ page }, testInfo) => {
  await start(page);
  const root = testInfo.outputPath('drop');
  writeFiles(root, {
    'desk/flood.txt': article('Flood warning', 'Rivers rose 2 metres overnight, officials said.'),
    'desk/week 2/strike.txt': article('Strike ends', 'The strike ended after 9 days, the union said.'),
    'desk/.DS_Store': 'hidden',
    'loose.md': article('Harbour dredged', 'The harbour was dredged to 12 metres in March.'),
  });
  // A real drop, as the browser gets it from the desktop: Chromium builds the folder's entries.
  const cdp = await page.context().newCDPSession(page);
  const data = { items: [], files: [path.join(root, 'desk'), path.join(root, 'loose.md')], dragOperationsMask: 1 };
  for (const type of ['dragEnter', 'dragOver', 'drop']) {
    await cdp.send('Input.dispatchDragEvent', { type, x: 400, y: 400, data });
  }
  const intake = page.getByRole('dialog', { name: 'Add to library' });
  const files = intake.getByRole('list', { name: 'Files' });
  await expect(files.getByRole('listitem')).toHaveCount(3);
  await expect(files).toContainText('desk/week 2/strike.txt');
  await intake.getByRole('button', { name: 'Add 3 records to the library' }).click();
  await expect(intake.getByRole('status')).toContainText('Added 3 documents');
});

test('JSONL and CSV go through the mapping step; bad records are named and the rest added', async ({ page }, testInfo) => {
  const app = await start(page);
  const good = 'Mayor 👋 speaks\n\n“We will rebuild,” the mayor said on Monday.';
  const quoteStart = good.indexOf('“');
  const quoteEnd = good.indexOf('”') + 1;
  const jsonl = [
    JSON.stringify({ id: 'n1', text: good, label: [[quoteStart, quoteEnd, 'quote'], [0, 5, 'PERSON']] }),
    '{"id": "n2", "text": "broken',
    JSON.stringify({ id: 'n3', body: 'no text key here' }),
    JSON.stringify({ id: 'n4', text: 'Budget passes\n\nThe budget of $4.5 billion passed 61 to 40.', label: [] }),
    JSON.stringify({ id: 'n1', text: 'Duplicate id\n\nThis record reuses the id n1.', label: [] }),
  ].join('\n');
  // windows-1252 bytes: é is 0xE9, not valid UTF-8.
  const csv = Buffer.concat([
    Buffer.from('id,kicker,headline,body,section\r\n'),
    Buffer.from('c1,Caf'), Buffer.from([0xe9]), Buffer.from(' news,Cafe opens,"The caf'), Buffer.from([0xe9]), Buffer.from(' opened on Main Street, serving 200 guests.",local\r\n'),
    Buffer.from('c2,Rail,Rail fares rise,"Fares rise 5% in May, ""again"", the operator said.",transport\r\n'),
  ]);
  const [jsonlPath, csvPath] = writeFiles(testInfo.outputPath('corpus'), { 'news.jsonl': jsonl, 'desk.csv': csv });
  const intake = await addFiles(page, [jsonlPath, csvPath]);
  const files = intake.getByRole('list', { name: 'Files' });
  const csvRow = files.locator('li[data-name="desk.csv"]');
  await expect(csvRow.getByRole('table', { name: 'First records' })).toContainText('Rail fares rise');
  await expect(csvRow).toContainText('windows-1252');
  await expect(csvRow.getByRole('combobox', { name: 'Text field' })).toHaveValue('body');
  await csvRow.getByRole('combobox', { name: 'Title field' }).selectOption('kicker');
  await expect(files.locator('li[data-name="news.jsonl"]').getByRole('table', { name: 'First records' })).toContainText('We will rebuild');
  await page.screenshot({ path: testInfo.outputPath('mapping-step.png') });
  await intake.getByRole('button', { name: 'Add 7 records to the library' }).click();
  const status = intake.getByRole('status');
  await expect(status).toContainText('Added 4 documents; 0 already in the library; 3 refused.');
  const refused = intake.getByRole('list', { name: 'Refused' });
  await expect(refused).toContainText(/news\.jsonl\s+Line 2:/);
  await expect(refused).toContainText(/news\.jsonl\s+Line 3:/);
  await expect(refused).toContainText(/news\.jsonl\s+Line 5:/);
  await expect(refused).toContainText(/duplicate id/i);
  await expect(status).toContainText('PERSON (1)');
  await page.screenshot({ path: testInfo.outputPath('intake-refused.png') });

  await intake.getByRole('button', { name: 'Show the library' }).click();
  const library = page.getByRole('dialog', { name: 'Library' });
  const docs = library.getByRole('list', { name: 'Documents' });
  await expect(docs.locator('li[data-title="Café news"]')).toHaveCount(1);
  await docs.locator('li[data-title="Mayor 👋 speaks"]').getByRole('button', { name: 'Open' }).click();
  await expect(app.article.locator('mark[data-label="quote"]')).toHaveText('“We will rebuild,”');
});

test('Cancel halfway leaves the library as it was', async ({ page }, testInfo) => {
  const app = await start(page);
  let library = await openLibrary(page);
  const before = await library.getByRole('list', { name: 'Documents' }).getByRole('listitem').count();
  await library.getByRole('button', { name: 'Close' }).click();
  const words = 'The council said the river rose by two metres on Tuesday and the mayor denied it again. ';
  const lines = Array.from({ length: 20_000 }, (_, i) => JSON.stringify({ id: `r${i}`, text: `Record ${i}\n\n${words.repeat(8)}${i}` }));
  const [file] = writeFiles(testInfo.outputPath('big'), { 'big.jsonl': lines.join('\n') });
  const intake = await addFiles(page, [file]);
  await intake.getByRole('button', { name: 'Add 20,000 records to the library' }).click();
  const bar = intake.getByRole('progressbar', { name: 'Progress' });
  await expect.poll(async () => Number(await bar.getAttribute('value')), { timeout: 30_000 }).toBeGreaterThan(0);
  await expect(intake.getByRole('group')).toContainText('per second');
  await page.screenshot({ path: testInfo.outputPath('intake-progress.png') });
  await intake.getByRole('button', { name: 'Cancel', exact: true }).click();
  await expect(intake.getByRole('status')).toContainText('Cancelled: nothing was added', { timeout: 30_000 });
  await intake.getByRole('button', { name: 'Close', exact: true }).first().click();
  library = await openLibrary(page);
  await expect(library.getByRole('list', { name: 'Documents' }).getByRole('listitem')).toHaveCount(before);
});

/** A corpus of three documents with a quote after an emoji, overlapping spans and a speaker. */
async function threeDocuments(page, testInfo) {
  const texts = [
    'Fire crew 👨🏻‍🚒 praised\n\n“It was great,” said Ana, who accused the council of delays.',
    'Council denies delay\n\nThe council denied the delay, saying 12 crews were sent.',
    'Budget vote\n\nThe budget passed 30 to 12 on Friday.',
  ];
  const lines = texts.map((text, i) => {
    const label = [];
    const q = text.indexOf('“');
    if (q >= 0) {
      label.push([q, text.indexOf('”') + 1, 'QUOTE']);
      label.push([text.indexOf('who accused'), text.length - 1, 'ALLEGATION']);
    }
    const n = text.search(/\d/);
    if (n >= 0) label.push([n, text.indexOf(' ', n + 3) > 0 ? text.indexOf(' ', n + 3) : text.length, 'FACT']);
    return JSON.stringify({ id: `d${i}`, text, label });
  });
  const [file] = writeFiles(testInfo.outputPath('three-docs'), { 'three.jsonl': lines.join('\n') });
  const intake = await addAndWait(page, [file], 'Added 3 documents');
  await intake.getByRole('button', { name: 'Show the library' }).click();
}

test('the whole corpus exports in every format with exact offsets', async ({ page }, testInfo) => {
  test.setTimeout(90_000);
  const app = await start(page);
  await threeDocuments(page, testInfo);
  const library = page.getByRole('dialog', { name: 'Library' });
  const exportPanel = library.getByRole('region', { name: 'Export' });
  const save = async (format) => {
    await exportPanel.getByRole('combobox', { name: 'Export format' }).selectOption({ label: format });
    const [download] = await Promise.all([page.waitForEvent('download'), exportPanel.getByRole('button', { name: 'Export', exact: true }).click()]);
    const file = testInfo.outputPath(download.suggestedFilename());
    await download.saveAs(file);
    await expect(exportPanel.getByRole('status')).toContainText('Saved');
    await exportPanel.getByRole('button', { name: 'Done' }).click();
    return { name: download.suggestedFilename(), bytes: fs.readFileSync(file) };
  };
  const formats = await exportPanel.getByRole('combobox', { name: 'Export format' }).locator('option').allTextContents();
  expect(formats.length).toBe(8);

  // Native JSONL: the reference texts, by document id.
  const native = await save(formats.find((f) => /claimtag/i.test(f)));
  const docs = native.bytes.toString('utf8').trim().split('\n').map((l) => JSON.parse(l));
  expect(docs.length).toBe(4); // the sample article and the three added
  const textOf = Object.fromEntries(docs.map((d) => [d.document.id, d.document.text]));
  let checked = 0;
  for (const d of docs) for (const a of d.annotations) {
    expect(sliceCp(d.document.text, a.start, a.end)).toBe(a.text);
    checked += 1;
  }
  expect(checked).toBeGreaterThanOrEqual(4); // quote, allegation and two facts

  const doccano = await save(formats.find((f) => /doccano/i.test(f)));
  for (const line of doccano.bytes.toString('utf8').trim().split('\n').map((l) => JSON.parse(l))) {
    for (const [start, end] of line.label) expect(line.text.slice(start, end).length).toBe(end - start);
    expect(Object.values(textOf)).toContain(line.text);
  }

  const studio = JSON.parse((await save(formats.find((f) => /Label Studio/i.test(f)))).bytes.toString('utf8'));
  expect(studio.length).toBe(4);
  for (const task of studio) for (const ann of task.annotations) for (const r of ann.result) {
    expect([...task.data.text].slice(r.value.start, r.value.end).join('')).toBe(r.value.text);
  }

  const spacy = await save(formats.find((f) => /spaCy/i.test(f)));
  for (const line of spacy.bytes.toString('utf8').trim().split('\n').map((l) => JSON.parse(l))) {
    for (const s of line.spans) expect(s.end).toBeGreaterThan(s.start);
    expect(Object.values(textOf)).toContain(line.text);
  }

  const brat = unzip((await save(formats.find((f) => /brat/i.test(f)))).bytes);
  expect(Object.keys(brat)).toContain('annotation.conf');
  const anns = Object.keys(brat).filter((n) => n.endsWith('.ann'));
  expect(anns.length).toBe(4);
  for (const name of anns) {
    const txt = brat[name.replace(/\.ann$/, '.txt')];
    for (const row of brat[name].split('\n').filter((r) => r.startsWith('T'))) {
      const [, spec, covered] = row.split('\t');
      const [, start, end] = spec.split(' ');
      expect(sliceCp(txt, Number(start), Number(end))).toBe(covered);
    }
  }

  const csv = (await save(formats.find((f) => /CSV/i.test(f)))).bytes.toString('utf8');
  expect(csv.split('\n')[0]).toMatch(/document/i);

  const w3c = JSON.parse((await save(formats.find((f) => /W3C/i.test(f)))).bytes.toString('utf8'));
  expect(w3c.type).toBe('AnnotationCollection');
  expect(w3c.total).toBe(w3c.first.items.length);
  for (const item of w3c.first.items) {
    const quote = item.target.selector.find((s) => s.type === 'TextQuoteSelector');
    const position = item.target.selector.find((s) => s.type === 'TextPositionSelector');
    const text = Object.values(textOf).find((t) => sliceCp(t, position.start, position.end) === quote.exact);
    expect(text).toBeDefined();
  }

  await exportPanel.getByRole('combobox', { name: 'Export format' }).selectOption({ label: formats.find((f) => /package/i.test(f)) });
  await exportPanel.getByRole('spinbutton', { name: 'Train percent' }).fill('50');
  await exportPanel.getByRole('spinbutton', { name: 'Validation percent' }).fill('25');
  await exportPanel.getByRole('spinbutton', { name: 'Test percent' }).fill('25');
  await page.screenshot({ path: testInfo.outputPath('export-panel.png') });
  const [download] = await Promise.all([page.waitForEvent('download'), exportPanel.getByRole('button', { name: 'Export', exact: true }).click()]);
  const pkgFile = testInfo.outputPath(download.suggestedFilename());
  await download.saveAs(pkgFile);
  const pkg = unzip(fs.readFileSync(pkgFile));
  for (const name of ['train.jsonl', 'validation.jsonl', 'test.jsonl', 'README.md', 'claimtag-v1.schema.json']) expect(Object.keys(pkg)).toContain(name);
  const splitLines = ['train.jsonl', 'validation.jsonl', 'test.jsonl'].flatMap((n) => pkg[n].split('\n').filter(Boolean)).map((l) => JSON.parse(l));
  expect(splitLines.length).toBe(4);
  for (const d of splitLines) for (const a of d.annotations) expect(sliceCp(d.document.text, a.start, a.end)).toBe(a.text);
  expect(pkg['README.md']).toMatch(/code point/i);
});

test('the corpus view filters, sorts and walks the queue with Next to do', async ({ page }, testInfo) => {
  const app = await start(page);
  await threeDocuments(page, testInfo);
  let library = page.getByRole('dialog', { name: 'Library' });
  const docs = library.getByRole('list', { name: 'Documents' });
  await library.getByRole('searchbox', { name: 'Search titles and sources' }).fill('denies');
  await expect(docs.getByRole('listitem')).toHaveCount(1);
  await library.getByRole('searchbox', { name: 'Search titles and sources' }).fill('crews');
  await expect(docs.getByRole('listitem')).toHaveCount(0);
  await library.getByRole('button', { name: 'Search the text too' }).click();
  await expect(docs.getByRole('listitem')).toHaveCount(1);
  await expect(docs.getByRole('listitem')).toHaveAttribute('data-title', 'Council denies delay');
  await library.getByRole('button', { name: /Text holds “crews”/ }).click();
  await library.getByRole('combobox', { name: 'Label filter' }).selectOption({ label: 'Has Quote' });
  await expect(docs.getByRole('listitem')).toHaveCount(1);
  await library.getByRole('combobox', { name: 'Label filter' }).selectOption({ label: 'Any labels' });
  await library.getByRole('combobox', { name: 'Sort by' }).selectOption('Title');
  await expect(docs.getByRole('listitem').first()).toHaveAttribute('data-title', 'Budget vote');
  await expect(library.getByRole('status').first()).toContainText('0 of 4 done');
  await page.screenshot({ path: testInfo.outputPath('corpus-view.png') });
  await library.getByRole('button', { name: 'Close' }).click();

  // Next to do walks the queue in the corpus view's order; Done-and-next marks and moves on.
  const seen = [];
  for (let i = 0; i < 3; i += 1) {
    const before = await app.headline.textContent();
    await page.keyboard.press('Alt+Shift+ArrowRight');
    await expect(app.headline).not.toHaveText(before);
    seen.push(await app.headline.textContent());
  }
  expect(new Set(seen).size).toBe(3);
  await page.keyboard.press('Alt+ArrowLeft');
  await expect(app.headline).toHaveText(seen[1]);
  library = await openLibrary(page);
  await expect(library.getByRole('status').first()).toContainText('of 4 done');
});
