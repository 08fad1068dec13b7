// Hostile input: an XSS corpus placed in every way text reaches the page — pasted text, an HTML
// file, metadata fields, speaker/cue/note, label names in imported files, and every import
// format. Nothing may run (a canary global stays unset, no dialog opens), nothing may become
// markup in the page, and no request may leave the app's origin. Then privacy: a whole session
// makes requests only to the app's own origin, except the one fetch the user asks for.
import { test, expect } from '@playwright/test';
import { AppPage } from './app-page.mjs';

const PAYLOADS = [
  '<script>window.__xss = 1; alert(1)</script>',
  '<img src=x onerror="window.__xss=2;alert(2)">',
  '<svg onload="window.__xss=3"><script>window.__xss=3</script></svg>',
  '<a href="javascript:window.__xss=4">click me</a>',
  '"><iframe src="javascript:top.__xss=5"></iframe>',
  '<body onload=window.__xss=6>',
  '</textarea><script>window.__xss=7</script>',
  '<style>@import "http://evil.example/x.css";</style>',
  '<img src="http://evil.example/pixel.png">',
  '<math><mtext><table><mglyph><style><img src=x onerror=window.__xss=8>',
  '<div style="background:url(http://evil.example/bg.png)">broken <b>markup <i>',
  '{{constructor.constructor("window.__xss=9")()}}',
  'RTL\u202Eoverride\u202C and zero\u200Bwidth\u200D\uFEFF joiners',
];
const HOSTILE = PAYLOADS.join(' ');

/** Watches a page for anything hostile input must never cause. */
function guard(page) {
  const seen = { dialogs: [], foreign: [] };
  page.on('dialog', async (d) => { seen.dialogs.push(d.message()); await d.dismiss(); });
  page.on('request', (r) => {
    const url = new URL(r.url());
    if (!['http:', 'https:'].includes(url.protocol)) return; // blob: downloads, data:
    if (url.origin !== 'http://127.0.0.1:' + (process.env.E2E_PORT || 8181)) seen.foreign.push(r.url());
  });
  return seen;
}

/** Nothing ran, nothing was asked for elsewhere, and no payload became an element. */
async function expectInert(page, app, seen) {
  expect(await page.evaluate(() => window.__xss)).toBeUndefined();
  expect(seen.dialogs).toEqual([]);
  expect(seen.foreign).toEqual([]);
  const injected = await page.evaluate(() => document.querySelectorAll(
    '.ct-app script, .ct-app iframe, .ct-app svg, .ct-app img, .ct-app style, .ct-app math, .ct-app [onerror], .ct-app [onload], .ct-app a[href^="javascript"]',
  ).length);
  expect(injected).toBe(0);
  expect(app.errors).toEqual([]);
}

async function openLoad(page) {
  await page.getByRole('button', { name: 'Load article' }).click();
  return page.getByRole('dialog', { name: 'Load article' });
}

test('pasted text, metadata and annotation fields show hostile strings as text', async ({ page }) => {
  const app = new AppPage(page);
  const seen = guard(page);
  await app.open();
  const dialog = await openLoad(page);
  await dialog.getByRole('textbox', { name: 'Article text' }).fill(`${PAYLOADS[0]} headline\n\n${HOSTILE}\n\nA second paragraph ${PAYLOADS[1]}.`);
  await dialog.getByRole('button', { name: 'Use this text' }).click();
  await expect(app.article).toContainText('<svg onload="window.__xss=3">');
  await expect(app.headline).toContainText('<script>');

  // Metadata fields.
  await page.getByText('Details, original and set-aside lines').click();
  await page.getByRole('textbox', { name: 'Title' }).fill(PAYLOADS[1]);
  await page.getByRole('textbox', { name: 'Byline' }).fill(PAYLOADS[2]);
  await expect(app.headline).toHaveText(PAYLOADS[1]);
  await expect(app.article).toContainText(`By ${PAYLOADS[2]}`);

  // Speaker, cue and note of an annotation.
  await page.evaluate(() => document.activeElement.blur());
  await page.keyboard.press('j');
  await page.keyboard.press('j');
  await page.keyboard.press('q');
  await page.keyboard.press('Enter');
  await page.getByRole('combobox', { name: 'Speaker' }).fill(PAYLOADS[3]);
  await page.getByRole('combobox', { name: 'Cue' }).fill(PAYLOADS[4]);
  await page.getByRole('textbox', { name: 'Note' }).fill(PAYLOADS[6]);
  await page.keyboard.press('Escape');
  await expect(app.annotations).toContainText(PAYLOADS[3]);
  // Suggestions read the hostile text too.
  await page.keyboard.press('s');
  await page.waitForTimeout(300);
  await expectInert(page, app, seen);
});

test('an HTML file full of hostile markup opens as plain text', async ({ page }) => {
  const app = new AppPage(page);
  const seen = guard(page);
  await app.open();
  const html = `<!doctype html><html><head><title>${PAYLOADS[1]} title</title>
    <meta property="og:site_name" content='${PAYLOADS[0]}'><meta name="author" content="${PAYLOADS[2].replaceAll('"', '&quot;')}">
    <base href="http://evil.example/"><link rel="stylesheet" href="http://evil.example/s.css">
    <script>window.__xss = 'script'</script><script src="http://evil.example/x.js"></script></head>
    <body onload="window.__xss='body'"><article><h1>Hostile ${PAYLOADS[3]}</h1>
    <p>First paragraph with &lt;script&gt;window.__xss=1&lt;/script&gt; escaped, and enough words to be kept as article text.</p>
    <p>${PAYLOADS.slice(1, 11).join(' ')} and more words so the paragraph is long enough to keep.</p>
    <p>${PAYLOADS[12]} closes the hostile article with a last paragraph of ordinary words.</p>
    <iframe src="http://evil.example/frame"></iframe><object data="http://evil.example/o"></object></article></body></html>`;
  const dialog = await openLoad(page);
  await dialog.locator('input[aria-label="Article file"]').setInputFiles({ name: 'hostile.html', mimeType: 'text/html', buffer: Buffer.from(html) });
  await expect(dialog).toHaveCount(0);
  await expect(app.article).toContainText('<script>window.__xss=1</script> escaped');
  await expect(app.headline).toHaveText(`${PAYLOADS[1]} title`);
  await expect(app.article).toContainText(`By ${PAYLOADS[2]}`);
  await expectInert(page, app, seen);
});

test('every import format and hostile label names are refused or shown as text', async ({ page }) => {
  const app = new AppPage(page);
  const seen = guard(page);
  await app.open();
  const text = await page.evaluate(() => [...document.querySelectorAll('article p.ct-paragraph')].map((p) => p.textContent).join('\n\n'));
  const utf16 = (needle) => { const s = text.indexOf(needle); return [s, s + needle.length]; };
  /** Opens `contents` through the file input `input`; returns the messages the app showed. */
  const importFile = async (input, name, contents) => {
    const dialog = await openLoad(page);
    await dialog.locator(`input[aria-label="${input}"]`).setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(contents) });
    await page.waitForTimeout(300);
    const messages = await page.evaluate(() => [...document.querySelectorAll('[role=alert], [role=status]')].map((e) => e.textContent).join(' | '));
    if (await dialog.count()) await page.keyboard.press('Escape');
    return messages;
  };
  // doccano and Label Studio with a hostile label name and a hostile note.
  const doccano = await importFile('Annotation file', 'labels.jsonl', JSON.stringify({ text, label: [[...utf16('a fairy tale'), PAYLOADS[1]], [...utf16('three times the regional limit'), 'FACT']] }));
  expect(doccano).toContain(PAYLOADS[1]);
  await importFile('Annotation file', 'ls.json', JSON.stringify([{ data: { text }, annotations: [{ result: [
    { value: { ...Object.fromEntries([['start', utf16('Hallberg')[0]], ['end', utf16('Hallberg')[1]]]), text: 'Hallberg', labels: [PAYLOADS[0]] } },
    { value: { start: utf16('Orrin & Bask')[0], end: utf16('Orrin & Bask')[1], text: 'Orrin & Bask', labels: ['QUOTE'] }, meta: { text: [PAYLOADS[2]] } },
  ] }] }]));
  // W3C with hostile bodies and selectors.
  await importFile('Annotation file', 'w3c.jsonld', JSON.stringify({
    '@context': 'http://www.w3.org/ns/anno.jsonld', type: 'AnnotationCollection',
    first: { type: 'AnnotationPage', items: [
      { type: 'Annotation', body: [{ type: 'TextualBody', purpose: 'tagging', value: PAYLOADS[4] }], target: { source: 'javascript:alert(1)', selector: { type: 'TextQuoteSelector', exact: PAYLOADS[1] } } },
      { type: 'Annotation', body: [{ type: 'TextualBody', purpose: 'tagging', value: 'QUOTE' }, { type: 'TextualBody', purpose: 'identifying', value: PAYLOADS[2] }, { type: 'TextualBody', purpose: 'commenting', value: PAYLOADS[0] }],
        target: { source: 'urn:x', selector: { type: 'TextQuoteSelector', exact: PAYLOADS[3] } } },
    ] },
  }));
  // A native claimtag file and a JSONL corpus whose text, title, speaker and note are hostile.
  const hostileText = `${HOSTILE}\n\nSecond paragraph.`;
  const cp = [...hostileText];
  const native = {
    format: 'claimtag', version: 1, offsets: 'unicode-code-points',
    document: { title: PAYLOADS[0], text: hostileText, paragraphs: [{ start: 0, end: cp.indexOf('\n'), kind: 'body' }, { start: cp.indexOf('\n') + 2, end: cp.length, kind: 'body' }] },
    annotations: [{ id: 'a1', label: 'QUOTE', start: 0, end: [...PAYLOADS[0]].length, text: PAYLOADS[0], speaker: PAYLOADS[1], cue: PAYLOADS[2], note: PAYLOADS[3] }],
  };
  await importFile('Article file', 'hostile.claimtag.json', JSON.stringify(native));
  await importFile('Article file', 'hostile.jsonl', `${JSON.stringify(native)}\n${JSON.stringify({ ...native, document: { ...native.document, title: PAYLOADS[5] } })}\n`);
  await page.waitForTimeout(300);
  await expectInert(page, app, seen);
});

test('a whole session asks nothing of any other site unless the user fetches a URL', async ({ page }) => {
  const app = new AppPage(page);
  const requests = [];
  page.on('request', (r) => requests.push(r.url()));
  const refused = [];
  page.on('console', (m) => { if (/Content Security Policy/i.test(m.text())) refused.push(m.text()); });
  await app.open();
  // Load, annotate with the keyboard, suggest, export, reload.
  const dialog = await openLoad(page);
  await dialog.getByRole('textbox', { name: 'Article text' }).fill('Tram line opens\n\nThe new tram line opened on Monday with 14 stops, the city said.\n\n“It is a great day,” the mayor said.');
  await dialog.getByRole('button', { name: 'Use this text' }).click();
  await page.keyboard.press('j');
  await page.keyboard.press('f');
  await page.keyboard.press('s');
  await page.keyboard.press('y');
  await app.exportNative(test.info(), 'privacy.json');
  await expect(page.locator('.ct-save')).toHaveText('Saved');
  await page.reload();
  await app.ready();
  await expect(app.headline).toHaveText('Tram line opens');
  // The policy lets the page's one inline script (the library prefetch) run, and nothing was refused.
  expect(await page.evaluate(() => performance.getEntriesByName('claimtag:prefetched').length)).toBe(1);
  expect(refused).toEqual([]);
  const origin = new URL(page.url()).origin;
  const elsewhere = requests.filter((u) => /^https?:/.test(u) && new URL(u).origin !== origin);
  expect(elsewhere).toEqual([]);
  expect(requests.length).toBeGreaterThan(3);

  // The URL loader is the one exception, and only for the address the user typed.
  const load = await openLoad(page);
  await load.getByRole('textbox', { name: 'Article URL' }).fill('http://127.0.0.1:8199/article.html');
  await load.getByRole('button', { name: 'Fetch' }).click();
  await expect(load.getByRole('alert').or(page.getByRole('alert'))).toBeVisible();
  const after = requests.filter((u) => /^https?:/.test(u) && new URL(u).origin !== origin);
  expect(after).toEqual(['http://127.0.0.1:8199/article.html']);
  expect(app.errors.filter((e) => !e.startsWith('Failed to load resource'))).toEqual([]);
});
