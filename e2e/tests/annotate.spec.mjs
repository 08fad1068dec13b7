// Whole flows in Debian's Chromium against the release build: open the sample, tag with a real
// mouse drag and the keyboard, delete, export, and check the exported offsets.
import { test, expect } from '@playwright/test';
import { AppPage, expectExactOffsets } from './app-page.mjs';

test('the sample article opens cleaned up', async ({ page }) => {
  const app = new AppPage(page);
  await app.open();
  await expect(app.headline).toHaveText('Vellmark council accused of hiding river pollution report');
  await expect(page.getByRole('article', { name: 'Vellmark council accused of hiding river pollution report' })).toBeVisible();
  await expect(app.article.locator('time')).toHaveAttribute('datetime', '2026-03-12T09:40');
  await expect(app.article.locator('p.ct-paragraph', { hasText: 'homeicon' })).toHaveCount(0);
  await expect(app.article.locator('p.ct-paragraph')).toHaveCount(15);
  for (const name of ['Fact', 'Allegation', 'Quote']) await expect(app.labelButton(name)).toBeVisible();
  await expect(app.annotations.getByRole('listitem')).toHaveCount(0);
  await page.screenshot({ path: test.info().outputPath('sample.png'), fullPage: false });
  expect(app.errors).toEqual([]);
});

test('drag-select a quote, press Q, export with exact offsets', async ({ page }, testInfo) => {
  const app = new AppPage(page);
  await app.open();

  const quote = '“That is not an oversight. That is a choice.”';
  const paragraph = app.paragraph('That is not an oversight');
  await app.dragSelect(paragraph, '“That is not', 'choice.”');
  expect(await app.selectedText()).toBe(quote);
  await page.keyboard.press('q');

  const mark = app.article.locator('mark[data-label="quote"]');
  await expect(mark).toHaveText(quote);
  await expect(app.annotations.getByRole('listitem')).toHaveCount(1);
  await expect(app.annotations.getByRole('listitem').first()).toContainText('Quote');

  // A FACT tagged with the top-bar button, and an ALLEGATION with "2".
  const facts = app.paragraph('The referendum approved');
  await app.dragSelect(facts, 'About 38,000', 'beside the river.');
  await app.labelButton('Fact').click();
  await expect(app.article.locator('mark[data-label="fact"]')).toHaveText('About 38,000 people live in Vellmark, which draws most of its drinking water from wells beside the river.');
  const accused = app.paragraph('Hallberg also claimed');
  await app.dragSelect(accused, 'a senior official', 'works.');
  await page.keyboard.press('2');
  await expect(app.article.locator('mark[data-label="allegation"]')).toHaveCount(1);
  await expect(app.annotations.getByRole('listitem')).toHaveCount(3);

  // The highlight is painted with the label's style.
  const border = await mark.evaluate((el) => getComputedStyle(el).borderBottomStyle);
  expect(border).toBe('double');
  await page.screenshot({ path: testInfo.outputPath('annotated.png') });

  const { download, data } = await app.exportNative(testInfo, 'export.json');
  expect(download.suggestedFilename()).toBe('vellmark-council-accused-of-hiding-river-pollution-report.claimtag.json');
  expect(data.format).toBe('claimtag');
  expect(data.offsets).toBe('unicode-code-points');
  expect(data.document.title).toBe('Vellmark council accused of hiding river pollution report');
  expect(data.document.published).toBe('2026-03-12T09:40');
  expect(data.annotations.map((a) => a.label).sort()).toEqual(['ALLEGATION', 'FACT', 'QUOTE']);
  expect(data.annotations.find((a) => a.label === 'QUOTE').text).toBe(quote);
  expectExactOffsets(data);
  await expect(page.getByRole('status')).toContainText('Exported 3 annotations');
  expect(app.errors).toEqual([]);
});

test('select and delete an annotation from the keyboard and the list', async ({ page }) => {
  const app = new AppPage(page);
  await app.open();
  const paragraph = app.paragraph('Mayor Petra Lindqvist rejected');
  await app.dragSelect(paragraph, 'Mayor Petra', 'on Wednesday.');
  await page.keyboard.press('f');
  await app.dragSelect(paragraph, '“The idea', 'fairy tale,”');
  await page.keyboard.press('q');
  await expect(app.annotations.getByRole('listitem')).toHaveCount(2);

  // Nested: the quote is not inside the fact here, but both are visible and distinct.
  await expect(app.article.locator('mark')).toHaveCount(2);
  // The newest annotation is current; Delete removes it.
  await page.keyboard.press('Delete');
  await expect(app.annotations.getByRole('listitem')).toHaveCount(1);
  await expect(app.article.locator('mark[data-label="quote"]')).toHaveCount(0);

  // Tagging the same span with the same label again is refused with a message.
  await app.dragSelect(paragraph, 'Mayor Petra', 'on Wednesday.');
  await page.keyboard.press('1');
  await expect(page.getByRole('alert')).toContainText('already marked as Fact');
  await expect(app.annotations.getByRole('listitem')).toHaveCount(1);

  await app.annotations.getByRole('button', { name: 'Delete annotation' }).click();
  await expect(app.annotations.getByRole('listitem')).toHaveCount(0);
  await expect(app.article.locator('mark')).toHaveCount(0);
  expect(app.errors).toEqual([]);
});

test('a drag across paragraphs and across a highlight, tagged from the floating toolbar', async ({ page }, testInfo) => {
  const app = new AppPage(page);
  await app.open();
  const first = app.paragraph('The referendum approved');
  const second = app.paragraph('According to the report, samples');
  await app.dragSelect(first, '53.8 percent', '46.2 percent');
  await page.keyboard.press('f');

  // Start before the highlight, cross it and the paragraph break, end in the next paragraph.
  await app.dragAcross(first, 'approved the extension', second, 'four points');
  const floating = page.getByRole('toolbar', { name: 'Label selection' });
  await expect(floating).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath('floating.png') });
  await floating.getByRole('button', { name: 'Allegation' }).click();
  await expect(floating).toHaveCount(0);

  const { data } = await app.exportNative(testInfo, 'across.json');
  expectExactOffsets(data);
  const across = data.annotations.find((a) => a.label === 'ALLEGATION');
  expect(across.text.startsWith('approved the extension')).toBe(true);
  expect(across.text).toContain('61 percent.');
  expect(across.text).toContain('\n\nAccording to the report');
  expect(across.text.endsWith('four points')).toBe(true);
  // The highlight spans both paragraphs, over the FACT inside it.
  await expect(app.article.locator('mark[data-label="allegation"] mark[data-label="fact"]')).toHaveText('53.8 percent to 46.2 percent');
  expect(await second.locator('mark[data-label="allegation"]').count()).toBeGreaterThan(0);
});
