// Nothing lost: autosave and reload, a new browser context with the same storage, two tabs on
// one document, the library with trash, the annotator name, Export all, and storage failure.
import fs from 'node:fs';
import { test, expect } from '@playwright/test';
import { AppPage } from './app-page.mjs';

const saved = (page) => expect(page.locator('.ct-save')).toHaveText('Saved');

test('annotations survive a reload and a new browser context', async ({ page, browser }, testInfo) => {
  const app = new AppPage(page);
  await app.open();
  await app.dragSelect(app.paragraph('The regional environment agency'), 'The regional', 'agency');
  await page.keyboard.press('f');
  await app.dragSelect(app.paragraph('Until then, the council'), '“They can', 'they like,”');
  await page.keyboard.press('q');
  await page.keyboard.press('Enter');
  await page.keyboard.type('Anneli Voss');
  await page.keyboard.press('Escape');
  await saved(page);

  await page.reload();
  await expect(app.headline).toBeVisible();
  await expect(app.annotations.getByRole('listitem')).toHaveCount(2);
  await expect(app.annotations).toContainText('— Anneli Voss');
  await saved(page);

  const state = await page.context().storageState({ indexedDB: true });
  const statePath = testInfo.outputPath('state.json');
  fs.writeFileSync(statePath, JSON.stringify(state));
  const context = await browser.newContext({ storageState: statePath });
  const again = new AppPage(await context.newPage());
  await again.open();
  await expect(again.annotations.getByRole('listitem')).toHaveCount(2);
  await expect(again.article.locator('mark[data-label="quote"]')).toHaveText('“They can print all the signs they like,”');
  await context.close();
});

test('the library lists, opens, renames, trashes and restores documents; Export all', async ({ page }, testInfo) => {
  const app = new AppPage(page);
  await app.open();
  await page.getByRole('button', { name: 'Library' }).click();
  let library = page.getByRole('dialog', { name: 'Library' });
  await library.getByRole('textbox', { name: 'Annotator name' }).fill('ilse');
  await library.getByRole('button', { name: 'Close' }).click();
  await app.dragSelect(app.paragraph('The regional environment agency'), 'The regional', 'agency');
  await page.keyboard.press('a');
  await saved(page);

  // A second document.
  await page.getByRole('button', { name: 'Load article' }).click();
  const load = page.getByRole('dialog', { name: 'Load article' });
  await load.getByRole('textbox', { name: 'Article text' }).fill('Tram line opens\n\nThe tram opened on Monday with 14 stops.');
  await load.getByRole('button', { name: 'Use this text' }).click();
  await expect(app.headline).toHaveText('Tram line opens');
  await app.dragSelect(app.paragraph('The tram opened'), 'with 14', 'stops.');
  await page.keyboard.press('f');
  await saved(page);

  await page.getByRole('button', { name: 'Library' }).click();
  library = page.getByRole('dialog', { name: 'Library' });
  const docs = library.getByRole('list', { name: 'Documents' });
  await expect(docs.getByRole('listitem')).toHaveCount(2);
  const vellmark = docs.locator('li[data-title^="Vellmark"]');
  await expect(vellmark).toContainText('Allegation 1');
  await vellmark.getByRole('combobox', { name: 'Status' }).selectOption('Done');
  await page.screenshot({ path: testInfo.outputPath('library.png') });

  // Export all: one line per document, the annotator in each annotation.
  const [download] = await Promise.all([page.waitForEvent('download'), library.getByRole('button', { name: 'Export all' }).click()]);
  expect(download.suggestedFilename()).toBe('claimtag-library.claimtag.jsonl');
  const path = testInfo.outputPath('library.jsonl');
  await download.saveAs(path);
  const lines = fs.readFileSync(path, 'utf8').trim().split('\n').map((l) => JSON.parse(l));
  expect(lines.map((l) => l.document.title).sort()).toEqual(['Tram line opens', 'Vellmark council accused of hiding river pollution report']);
  for (const line of lines) for (const a of line.annotations) {
    expect(a.annotator).toBe('ilse');
    expect([...line.document.text].slice(a.start, a.end).join('')).toBe(a.text);
  }

  // Trash and restore the other document; the open one cannot be trashed.
  await expect(docs.locator('li[data-title="Tram line opens"]').getByRole('button', { name: 'Move to trash' })).toBeDisabled();
  await vellmark.getByRole('button', { name: 'Move to trash' }).click();
  const trash = library.getByRole('list', { name: 'Trash' });
  await expect(trash.getByRole('listitem')).toHaveCount(1);
  await expect(docs.getByRole('listitem')).toHaveCount(1);
  await trash.getByRole('button', { name: 'Restore' }).click();
  await expect(docs.getByRole('listitem')).toHaveCount(2);

  // Open it again: its annotation and status are there.
  await docs.locator('li[data-title^="Vellmark"]').getByRole('button', { name: 'Open' }).click();
  await expect(app.headline).toHaveText('Vellmark council accused of hiding river pollution report');
  await expect(app.article.locator('mark[data-label="allegation"]')).toHaveText('The regional environment agency');

  // Loading the same text again opens the stored copy instead of a duplicate.
  await page.getByRole('button', { name: 'Load article' }).click();
  await load.getByRole('textbox', { name: 'Article text' }).fill('Tram line opens\n\nThe tram opened on Monday with 14 stops.');
  await load.getByRole('button', { name: 'Use this text' }).click();
  await expect(page.getByRole('status')).toContainText('already in your library');
  await expect(app.article.locator('mark[data-label="fact"]')).toHaveText('with 14 stops.');
});

test('two tabs on the same document never silently overwrite each other', async ({ page }) => {
  const first = new AppPage(page);
  await first.open();
  await first.dragSelect(first.paragraph('The regional environment agency'), 'The regional', 'agency');
  await page.keyboard.press('f');
  await saved(page);

  const other = await page.context().newPage();
  const second = new AppPage(other);
  await second.open();
  await expect(second.annotations.getByRole('listitem')).toHaveCount(1);

  // The second tab saves; the first (with nothing unsaved) follows it.
  await second.dragSelect(second.paragraph('Until then, the council'), 'Until then', 'the works');
  await other.keyboard.press('q');
  await saved(other);
  await expect(first.annotations.getByRole('listitem')).toHaveCount(2);

  // Both edit: whichever saves second is told, and keeps its work visible until it decides.
  await page.bringToFront();
  await first.dragSelect(first.paragraph('The water in Vellmark'), 'The water', 'safe to drink');
  await page.keyboard.press('a');
  await other.bringToFront();
  await second.dragSelect(second.paragraph('Environmental lawyers say'), 'Environmental lawyers', 'the figures');
  await other.keyboard.press('a');
  // Under load the first tab's save can reach the second before its key press: then the second
  // follows it (nothing unsaved there) and its edit lands on top — nothing is lost either way.
  const alerts = async () => (await page.getByRole('alert').count()) + (await other.getByRole('alert').count());
  const settled = async () => {
    if ((await alerts()) > 0) return 'conflict';
    const counts = [await first.annotations.getByRole('listitem').count(), await second.annotations.getByRole('listitem').count()];
    return counts[0] === 4 && counts[1] === 4 ? 'followed' : 'waiting';
  };
  await expect.poll(settled, { timeout: 10_000 }).not.toBe('waiting');
  if ((await settled()) === 'followed') {
    await saved(page);
    await saved(other);
    await expect(first.annotations).toContainText('The water');
    await expect(second.annotations).toContainText('The water');
    expect(await alerts()).toBe(0);
    return;
  }
  expect(await alerts()).toBe(1);
  const loser = (await page.getByRole('alert').count()) > 0 ? page : other;
  await expect(loser.getByRole('alert')).toContainText('Another tab saved newer changes');
  const loserApp = loser === page ? first : second;
  await expect(loserApp.annotations.getByRole('listitem')).toHaveCount(3);
  await loser.getByRole('button', { name: "Keep this tab's version" }).click();
  await saved(loser);
  await expect(loser.getByRole('alert')).toHaveCount(0);
});

test('when storage is unavailable the app keeps working, says so, and exports', async ({ page }) => {
  await page.addInitScript(() => {
    Object.defineProperty(window, 'indexedDB', { get() { throw new Error('blocked by test'); } });
  });
  const app = new AppPage(page);
  await app.open();
  const banner = page.getByRole('alert');
  await expect(banner).toContainText('Not saved');
  await app.dragSelect(app.paragraph('The regional environment agency'), 'The regional', 'agency');
  await page.keyboard.press('f');
  await expect(app.annotations.getByRole('listitem')).toHaveCount(1);
  const [download] = await Promise.all([page.waitForEvent('download'), banner.getByRole('button', { name: 'Export all now' }).click()]);
  expect(download.suggestedFilename()).toMatch(/\.claimtag\.json$/);
  app.errors = app.errors.filter((e) => !e.includes('blocked by test'));
  expect(app.errors).toEqual([]);
});

test('a full disk (quota exceeded on write) shows the banner, keeps the work, and recovers', async ({ page }) => {
  await page.addInitScript(() => {
    const put = IDBObjectStore.prototype.put;
    IDBObjectStore.prototype.put = function (...args) {
      if (window.__quotaFull) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      return put.apply(this, args);
    };
  });
  const app = new AppPage(page);
  await app.open();
  await saved(page);
  await page.evaluate(() => { window.__quotaFull = true; });
  await app.dragSelect(app.paragraph('The regional environment agency'), 'The regional', 'agency');
  await page.keyboard.press('f');
  const banner = page.getByRole('alert');
  await expect(banner).toContainText('Not saved');
  await expect(banner).toContainText('quota');
  await expect(app.annotations.getByRole('listitem')).toHaveCount(1);
  // Space freed: "Try again" stores the work.
  await page.evaluate(() => { window.__quotaFull = false; });
  await banner.getByRole('button', { name: 'Try again' }).click();
  await saved(page);
  await page.reload();
  await expect(app.annotations.getByRole('listitem')).toHaveCount(1);
  app.errors = app.errors.filter((e) => !e.includes('quota'));
});

test('a JSONL corpus (Export all) opens again into a fresh library', async ({ page, browser }, testInfo) => {
  const app = new AppPage(page);
  await app.open();
  const loadText = async (text) => {
    await page.getByRole('button', { name: 'Load article' }).click();
    const load = page.getByRole('dialog', { name: 'Load article' });
    await load.getByRole('textbox', { name: 'Article text' }).fill(text);
    await load.getByRole('button', { name: 'Use this text' }).click();
  };
  await loadText('Tram line opens\n\nThe tram opened on Monday with 14 stops.');
  await app.dragSelect(app.paragraph('The tram opened'), 'with 14', 'stops.');
  await page.keyboard.press('f');
  await loadText('Bridge closes\n\nThe bridge closes for 12 weeks.');
  await saved(page);
  await page.getByRole('button', { name: 'Library' }).click();
  const library = page.getByRole('dialog', { name: 'Library' });
  await library.locator('li[data-title^="Vellmark"]').getByRole('button', { name: 'Move to trash' }).click();
  await expect(library.getByRole('list', { name: 'Trash' }).getByRole('listitem')).toHaveCount(1);
  const [download] = await Promise.all([page.waitForEvent('download'), library.getByRole('button', { name: 'Export all' }).click()]);
  const corpus = testInfo.outputPath('library.jsonl');
  await download.saveAs(corpus);

  const context = await browser.newContext();
  const fresh = new AppPage(await context.newPage());
  await fresh.open();
  await fresh.page.getByRole('button', { name: 'Load article' }).click();
  await fresh.page.getByRole('dialog', { name: 'Load article' }).locator('input[aria-label="Article file"]').setInputFiles(corpus);
  await expect(fresh.page.getByRole('status')).toContainText('1 more document of the corpus added to the library');
  await expect(fresh.headline).toHaveText('Tram line opens');
  await expect(fresh.article.locator('mark[data-label="fact"]')).toHaveText('with 14 stops.');
  await saved(fresh.page);
  await fresh.page.getByRole('button', { name: 'Library' }).click();
  const docs = fresh.page.getByRole('list', { name: 'Documents' });
  await expect(docs.locator('li[data-title="Bridge closes"]')).toHaveCount(1);
  await expect(docs.locator('li[data-title="Tram line opens"]')).toContainText('Fact 1');
  await context.close();
});
