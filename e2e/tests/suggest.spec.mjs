// Suggestions: S suggests, Tab moves, Y accepts, N rejects, Ctrl+Z undoes each step; the card shows
// each suggestion's confidence and the reason it was suggested; "Accept all" takes a chosen label
// at or above a chosen confidence in one go; only accepted ones are exported (with origin
// "suggestion"), and rejected ones do not come back after a reload.
import { test, expect } from '@playwright/test';
import { AppPage, expectExactOffsets } from './app-page.mjs';

test('suggest, accept, reject, undo and export', async ({ page }, testInfo) => {
  const app = new AppPage(page);
  await app.open();
  const panel = page.getByRole('region', { name: /^Suggestions/ });
  const position = panel.locator('.ct-review__position');
  const items = app.annotations.getByRole('listitem');

  await page.keyboard.press('s');
  await expect(page.getByRole('status')).toContainText('suggestions to review');
  const total = Number(await panel.locator('.ct-sidebar__count').textContent());
  expect(total).toBeGreaterThan(10);
  await expect(app.article.locator('.ct-run--suggestion-current')).not.toHaveCount(0);
  const dashed = await app.article.locator('.ct-run--suggested').first()
    .evaluate((el) => getComputedStyle(el).borderBottomStyle);
  expect(dashed).toBe('dashed');
  await expect(position).toHaveText(`Quote 1 of ${total}`);
  await page.screenshot({ path: testInfo.outputPath('suggested.png') });

  // Tab to the third suggestion, accept it: it becomes an annotation, the next one comes up.
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  await expect(position).toHaveText(`Allegation 3 of ${total}`);
  await expect(panel.getByRole('blockquote')).toContainText('The 46-page report');
  await page.keyboard.press('y');
  await expect(items).toHaveCount(1);
  await expect(position).toHaveText(`Fact 3 of ${total - 1}`);
  await expect(app.article.locator('mark[data-label="allegation"]')).toHaveCount(1);

  // Reject the fact; undo brings it back under review, undo again takes the accept back.
  await page.keyboard.press('n');
  await expect(panel.locator('.ct-sidebar__count')).toHaveText(String(total - 2));
  await page.keyboard.press('Control+z');
  await expect(position).toHaveText(`Fact 3 of ${total - 1}`);
  await page.keyboard.press('Control+z');
  await expect(items).toHaveCount(0);
  await expect(panel.locator('.ct-sidebar__count')).toHaveText(String(total));
  await page.keyboard.press('Control+Shift+z');
  await expect(items).toHaveCount(1);

  // Each card says how sure the rule is and why it suggested it.
  await expect(panel.locator('.ct-review__confidence')).toHaveText(/^\d+% sure$/);
  await expect(panel.locator('.ct-review__reason')).not.toBeEmpty();

  // "Accept all" counts only the chosen label at or above the threshold.
  const threshold = panel.getByRole('slider', { name: 'Least confidence to accept' });
  await panel.getByRole('combobox', { name: 'Label to accept' }).selectOption('FACT');
  await threshold.fill('100');
  await expect(panel.getByRole('button', { name: /^Accept 0 Fact suggestions$/ })).toBeDisabled();

  // Accept every quote at once (threshold 0), reject the current one, then export.
  const quotes = await app.article.locator('.ct-run--suggested-quote.ct-run--suggestion-head').count();
  await panel.getByRole('combobox', { name: 'Label to accept' }).selectOption('QUOTE');
  await threshold.fill('0');
  await panel.getByRole('button', { name: /^Accept \d+ Quote suggestions$/ }).click();
  await expect(items).toHaveCount(1 + quotes);
  await expect(page.getByRole('status')).toContainText(`Accepted ${quotes} suggestions as Quote`);
  const waiting = total - 1 - quotes;
  await expect(panel.locator('.ct-sidebar__count')).toHaveText(String(waiting));
  await page.keyboard.press('n');
  await expect(panel.locator('.ct-sidebar__count')).toHaveText(String(waiting - 1));
  await page.screenshot({ path: testInfo.outputPath('reviewed.png') });

  const { data } = await app.exportNative(testInfo, 'suggested.json');
  expect(data.annotations).toHaveLength(1 + quotes);
  expect(data.annotations.every((a) => a.origin === 'suggestion')).toBe(true);
  expect(JSON.stringify(data)).not.toContain('"suggestions"');
  const hallberg = data.annotations.find((a) => a.text.startsWith('“People were asked to vote'));
  expect(hallberg.speaker).toMatch(/Hallberg$/);
  expect(hallberg.cue).toBe('told');
  expectExactOffsets(data);

  // After a reload the waiting suggestions are still there and the rejected ones stay gone.
  await expect(page.locator('.ct-save')).toHaveText('Saved');
  await page.reload();
  await app.ready();
  await expect(panel.locator('.ct-sidebar__count')).toHaveText(String(waiting - 1));
  await page.locator('body').click({ position: { x: 2, y: 2 } });
  await page.keyboard.press('s');
  await expect(page.getByRole('alert')).toContainText('No new suggestions');
  await page.keyboard.press('Escape');
  await expect(items).toHaveCount(1 + quotes);
  expect(app.errors).toEqual([]);
});

test('Tab leaves controls alone and a click picks a suggestion', async ({ page }) => {
  const app = new AppPage(page);
  await app.open();
  await page.getByRole('button', { name: 'Suggest' }).click();
  const panel = page.getByRole('region', { name: /^Suggestions/ });
  await expect(panel.locator('.ct-review__position')).toContainText('1 of');
  // The focus is on the Suggest button: Tab moves the focus, not the review.
  await page.keyboard.press('Tab');
  await expect(panel.locator('.ct-review__position')).toContainText('1 of');
  // A click on an outlined quote makes it the one under review.
  await app.article.locator('.ct-run--suggested-quote').first().click();
  await expect(panel.locator('.ct-review__position')).toContainText('Quote');
  await panel.getByRole('button', { name: 'Accept', exact: true }).click();
  await expect(app.annotations.getByRole('listitem')).toHaveCount(1);
  expect(app.errors).toEqual([]);
});
