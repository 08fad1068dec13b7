// The keyboard-only workflow, undo/redo and the shortcuts panel, on the sample article.
import { test, expect } from '@playwright/test';
import { AppPage } from './app-page.mjs';

test('annotate the sample without the mouse', async ({ page }, testInfo) => {
  const app = new AppPage(page);
  await app.open();
  const items = app.annotations.getByRole('listitem');
  const cursor = app.article.locator('.ct-run--cursor');

  // J moves the sentence cursor: first the standfirst, then the first body sentence.
  await page.keyboard.press('j');
  await expect(cursor.first()).toContainText('Opposition says officials');
  await page.keyboard.press('j');
  await expect(cursor.first()).toContainText('Vellmark’s city council has been accused');
  await page.keyboard.press('a');
  await expect(items).toHaveCount(1);
  const allegation = app.article.locator('mark[data-label="allegation"]');
  await expect(allegation).toHaveAttribute('data-start', /\d+/);
  expect((await allegation.allTextContents()).join('')).toMatch(/^Vellmark’s city council has been accused.*water treatment plant\.$/);

  // Enter opens the editor with the focus in Speaker; typing fills it; Esc leaves the field.
  await page.keyboard.press('Enter');
  const speaker = page.getByRole('combobox', { name: 'Speaker' });
  await expect(speaker).toBeFocused();
  await page.keyboard.type('Vellmark Courier');
  await page.keyboard.press('Escape');
  await expect(speaker).not.toBeFocused();
  await expect(items.first()).toContainText('— Vellmark Courier');

  // The same key on the current annotation relabels it.
  await page.keyboard.press('f');
  await expect(app.article.locator('mark[data-label="fact"]')).toHaveCount(1);
  await expect(allegation).toHaveCount(0);

  // K/J and tagging a quote sentence; ArrowDown works like J.
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await expect(cursor.first()).toContainText('Councillor Jonas Hallberg');
  await page.keyboard.press('3');
  await expect(items).toHaveCount(2);

  // Boundaries: "," pulls the end of the current annotation back by a word.
  const quoteMark = app.article.locator('mark[data-label="quote"]');
  const endBefore = Number(await quoteMark.first().getAttribute('data-end'));
  await page.keyboard.press(',');
  await expect.poll(async () => Number(await quoteMark.first().getAttribute('data-end'))).toBeLessThan(endBefore);

  // Undo three times: boundary, quote, relabel; redo once brings the quote back.
  await page.keyboard.press('Control+z');
  await expect.poll(async () => Number(await quoteMark.first().getAttribute('data-end'))).toBe(endBefore);
  await page.keyboard.press('Control+z');
  await expect(items).toHaveCount(1);
  await page.keyboard.press('Control+z');
  await expect(app.article.locator('mark[data-label="allegation"]')).toHaveCount(1);
  await page.keyboard.press('Control+Shift+z');
  await expect(app.article.locator('mark[data-label="fact"]')).toHaveCount(1);
  await page.keyboard.press('Control+y');
  await expect(items).toHaveCount(2);
  await expect(page.getByRole('button', { name: 'Redo' })).toBeEnabled();

  // N/P walk the list; Delete removes the current one.
  await page.keyboard.press('Escape');
  await page.keyboard.press('n');
  await expect(app.annotations.locator('[aria-current="true"]')).toContainText('Fact');
  await page.keyboard.press('Delete');
  await expect(items).toHaveCount(1);

  // ? shows every shortcut; Esc closes it.
  await page.keyboard.press('?');
  const dialog = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('row')).toHaveCount(29); // a header row and 28 shortcuts
  await page.screenshot({ path: testInfo.outputPath('shortcuts.png') });
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
  expect(app.errors).toEqual([]);
});

test('undo and redo buttons', async ({ page }) => {
  const app = new AppPage(page);
  await app.open();
  const undo = page.getByRole('button', { name: 'Undo' });
  const redo = page.getByRole('button', { name: 'Redo' });
  await expect(undo).toBeDisabled();
  await app.dragSelect(app.paragraph('The regional environment agency'), 'opened a review', 'lower Sool');
  await page.keyboard.press('f');
  await expect(app.annotations.getByRole('listitem')).toHaveCount(1);
  await undo.click();
  await expect(app.annotations.getByRole('listitem')).toHaveCount(0);
  await redo.click();
  await expect(app.annotations.getByRole('listitem')).toHaveCount(1);
  await expect(redo).toBeDisabled();
});
