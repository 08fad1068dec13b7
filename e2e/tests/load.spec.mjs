// Loading articles: paste (plain and with the page's HTML), open a file, drop a file, a URL the
// site refuses, and every kind of bad input — which must leave the open article unchanged.
import fs from 'node:fs';
import { test, expect } from '@playwright/test';
import { AppPage } from './app-page.mjs';

const SAMPLE_TITLE = 'Vellmark council accused of hiding river pollution report';

const PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8">
<title>Ferry returns to Lindmark | The Coast Post</title>
<meta property="og:site_name" content="The Coast Post">
<meta name="author" content="Rui Anders">
<meta property="article:published_time" content="2025-06-01T10:00:00Z">
<script>window.__ran = true</script></head>
<body><nav><a href="/">Home</a> <a href="/news">News</a></nav>
<article><h1>Ferry returns to Lindmark</h1>
<p>The ferry to Lindmark resumed on Sunday after nine months, carrying 212 passengers on its first trip, the operator said.</p>
<p>“We have waited long enough,” said Mayor Ines Dahl, who accused the ministry of delaying repairs.</p>
<p dir="rtl">قال رئيس البلدية إن العبارة عادت بعد تسعة أشهر.</p>
<img src="http://127.0.0.1:9/never.png" onerror="window.__ran = true"></article>
<div class="share-tools"><a href="#">Share on X</a></div></body></html>`;

async function openLoad(page) {
  await page.getByRole('button', { name: 'Load article' }).click();
  const dialog = page.getByRole('dialog', { name: 'Load article' });
  await expect(dialog).toBeVisible();
  return dialog;
}

test('paste plain text, and paste a web selection that carries HTML', async ({ page }) => {
  const app = new AppPage(page);
  await app.open();
  let dialog = await openLoad(page);
  await expect(dialog.getByRole('textbox', { name: 'Article text' })).toBeFocused();
  await dialog.getByRole('textbox', { name: 'Article text' }).fill('Tram line opens\n\nThe new tram line opened on Monday 👍 with 14 stops.\r\n\r\nRiders cheered.');
  await dialog.getByRole('button', { name: 'Use this text' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(app.headline).toHaveText('Tram line opens');
  await expect(app.article.locator('p.ct-paragraph')).toHaveCount(2);
  await expect(page.getByRole('status')).toContainText('Opened “Tram line opens”');

  dialog = await openLoad(page);
  const area = dialog.getByRole('textbox', { name: 'Article text' });
  const plain = 'Ferry returns to Lindmark\nThe ferry to Lindmark resumed on Sunday.';
  await area.evaluate((el, [html, plain]) => {
    const data = new DataTransfer();
    data.setData('text/html', html);
    data.setData('text/plain', plain);
    el.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  }, [PAGE, plain]);
  await area.fill(plain);
  await dialog.getByRole('button', { name: 'Use this text' }).click();
  await expect(app.headline).toHaveText('Ferry returns to Lindmark');
  await expect(app.article.locator('p.ct-paragraph')).toHaveCount(3);
  await expect(app.article).toContainText('By Rui Anders');
  await expect(app.article.locator('time')).toHaveAttribute('datetime', '2025-06-01T10:00:00Z');
  await expect(app.article.locator('p.ct-paragraph[dir="auto"]').last()).toHaveJSProperty('dir', 'auto');
  expect(await page.evaluate(() => window.__ran)).toBeUndefined();
  // The browser's parser tried the <img onerror> of the pasted page; the policy refused it.
  expect(app.blocked.every((m) => m.includes('inline event handler'))).toBe(true);
  expect(app.errors).toEqual([]);
});

test('open an HTML file and a windows-1252 text file; edit the metadata', async ({ page }, testInfo) => {
  const app = new AppPage(page);
  await app.open();
  let dialog = await openLoad(page);
  await dialog.locator('input[aria-label="Article file"]').setInputFiles({ name: 'ferry.html', mimeType: 'text/html', buffer: Buffer.from(PAGE) });
  await expect(app.headline).toHaveText('Ferry returns to Lindmark');
  await expect(app.article).toContainText('The Coast Post');
  await expect(app.article.locator('p.ct-paragraph', { hasText: 'Share on X' })).toHaveCount(0);

  // Metadata fields are editable and the headline follows.
  await app.article.getByText('Details, original and set-aside lines').click();
  await app.article.getByRole('textbox', { name: 'Title' }).fill('Ferry back in Lindmark');
  await expect(app.headline).toHaveText('Ferry back in Lindmark');
  await app.article.getByRole('textbox', { name: 'Byline' }).fill('R. Anders');
  await expect(app.article.locator('.ct-article__byline')).toHaveText('By R. Anders');
  await expect(app.article.getByRole('textbox', { name: 'Published' })).toHaveValue('2025-06-01T10:00:00Z');
  await expect(app.article.getByRole('textbox', { name: 'Source' })).toHaveValue('ferry.html');

  dialog = await openLoad(page);
  const latin1 = Buffer.from('Caf\xe9 closes\n\nThe caf\xe9 on the quay closed after 41 years.\n', 'latin1');
  await dialog.locator('input[aria-label="Article file"]').setInputFiles({ name: 'cafe.txt', mimeType: 'text/plain', buffer: latin1 });
  await expect(app.headline).toHaveText('Café closes');
  await expect(page.getByRole('status')).toContainText('windows-1252');
  await page.screenshot({ path: testInfo.outputPath('loaded.png') });
});

test('drop a file anywhere on the page; show and restore set-aside lines', async ({ page }) => {
  const app = new AppPage(page);
  await app.open();
  const text = 'menuicon searchicon shareicon closeicon\n3 Feb, 2025 08:00\nBridge closes for repairs\n\nThe bridge closes on Monday for 12 weeks.\n\nAdvertisement\n\nDetours add 9 minutes.';
  await page.evaluate((text) => {
    const data = new DataTransfer();
    data.items.add(new File([text], 'bridge.txt', { type: 'text/plain' }));
    document.body.dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
  }, text);
  await expect(app.headline).toHaveText('Bridge closes for repairs');
  await expect(app.article.locator('p.ct-paragraph')).toHaveCount(2);
  await app.dragSelect(app.paragraph('Detours add'), 'Detours', 'minutes.');
  await page.keyboard.press('f');

  await app.article.getByText('Details, original and set-aside lines').click();
  const aside = app.article.getByRole('list', { name: 'Set-aside lines' });
  await expect(aside.getByRole('listitem')).toHaveCount(2);
  await app.article.getByText('Show original').click();
  await expect(app.article.locator('pre')).toContainText('menuicon searchicon');
  await aside.getByRole('listitem').filter({ hasText: 'Advertisement' }).getByRole('button', { name: 'Restore' }).click();
  await expect(app.article.locator('p.ct-paragraph')).toHaveCount(3);
  // The annotation still covers the same words after the text grew before it.
  await expect(app.article.locator('mark[data-label="fact"]')).toHaveText('Detours add 9 minutes.');
});

test('a URL the site refuses explains what to do; nothing changes', async ({ page }) => {
  const app = new AppPage(page);
  await app.open();
  const dialog = await openLoad(page);
  await dialog.getByRole('textbox', { name: 'Article URL' }).fill('http://127.0.0.1:9/article');
  await dialog.getByRole('button', { name: 'Fetch' }).click();
  await expect(dialog.getByRole('alert')).toContainText('Save the page');
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(app.headline).toHaveText(SAMPLE_TITLE);
});

test('bad input gets a clear message and the open article stays as it was', async ({ page }, testInfo) => {
  const app = new AppPage(page);
  await app.open();
  await app.dragSelect(app.paragraph('The regional environment agency'), 'The regional', 'agency');
  await page.keyboard.press('f');
  const exported = await (async () => {
    const [download] = await Promise.all([page.waitForEvent('download'), app.exportButton.click()]);
    const path = testInfo.outputPath('good.json');
    await download.saveAs(path);
    return fs.readFileSync(path, 'utf8');
  })();
  const good = JSON.parse(exported);
  const misfit = structuredClone(good);
  misfit.annotations[0].end += 3;
  const cases = [
    ['empty.txt', Buffer.alloc(0), 'is empty'],
    ['photo.txt', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]), 'not text'],
    ['big.txt', Buffer.alloc(21 * 1024 * 1024, 'a'), 'up to 20 MB'],
    ['nobody.html', Buffer.from('<html><head><title>x</title></head><body><script>1</script></body></html>'), 'No article text was found'],
    ['broken.claimtag.json', Buffer.from('{"format": "claimtag", '), 'not a readable claimtag export'],
    ['other.json', Buffer.from('{"text": "a", "label": [[0, 1, "X"]]}'), 'not a claimtag export'],
    ['misfit.claimtag.json', Buffer.from(JSON.stringify(misfit)), 'do not fit the text'],
  ];
  const dialog = await openLoad(page);
  await expect(dialog).toContainText('Loading replaces the open article and its 1 annotation');
  for (const [name, buffer, message] of cases) {
    await dialog.locator('input[aria-label="Article file"]').setInputFiles({ name, mimeType: 'application/octet-stream', buffer });
    await expect(dialog.getByRole('alert')).toContainText(message);
  }
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(app.headline).toHaveText(SAMPLE_TITLE);
  await expect(app.annotations.getByRole('listitem')).toHaveCount(1);

  // The good export reopens with its annotation.
  const again = await openLoad(page);
  await again.locator('input[aria-label="Article file"]').setInputFiles({ name: 'good.claimtag.json', mimeType: 'application/json', buffer: Buffer.from(exported) });
  await expect(app.headline).toHaveText(SAMPLE_TITLE);
  await expect(app.article.locator('mark[data-label="fact"]')).toHaveText('The regional environment agency');
});
