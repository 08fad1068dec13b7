// Nested spans, picking among them, attribute editing, word snapping, search and filter.
import { test, expect } from '@playwright/test';
import { AppPage, expectExactOffsets } from './app-page.mjs';

test('nested spans render in layers and each can be picked', async ({ page }, testInfo) => {
  const app = new AppPage(page);
  await app.open();
  const paragraph = app.paragraph('Councillor Jonas Hallberg');
  // Outer ALLEGATION, inner QUOTE inside it, and a FACT across both.
  await app.dragSelect(paragraph, 'alleged that senior', 'had passed.');
  await page.keyboard.press('a');
  await app.dragSelect(paragraph, '“deliberately', 'drawer”');
  await page.keyboard.press('q');
  await app.dragSelect(paragraph, 'the referendum of', '22 February');
  await page.keyboard.press('f');
  await expect(app.annotations.getByRole('listitem')).toHaveCount(3);

  // The quote's run sits inside the allegation's mark.
  await expect(app.article.locator('mark[data-label="allegation"] mark[data-label="quote"]')).toHaveText('“deliberately kept the findings in a drawer”');
  await expect(app.article.locator('mark[data-label="allegation"] mark[data-label="fact"]')).toHaveText('the referendum of 22 February');
  // The outer underline is lifted below the inner one.
  const lifted = await app.article.locator('mark[data-label="allegation"].ct-mark--lift-1').count();
  expect(lifted).toBeGreaterThan(0);

  // A click on the quote picks the innermost and offers both.
  await app.article.locator('mark[data-label="quote"]').click();
  const picker = page.getByRole('menu', { name: 'Annotations here' });
  await expect(picker).toBeVisible();
  await expect(picker.getByRole('menuitem')).toHaveCount(2);
  await expect(app.annotations.locator('[aria-current="true"]')).toContainText('Quote');
  await page.screenshot({ path: testInfo.outputPath('nested.png') });
  await picker.getByRole('menuitem', { name: /Allegation/ }).click();
  await expect(picker).toHaveCount(0);
  await expect(app.annotations.locator('[aria-current="true"]')).toContainText('Allegation');
  await expect(app.article.locator('mark.ct-mark--selected[data-label="allegation"]').first()).toBeVisible();

  // Edit attributes of the allegation: speaker (with suggestions later), cue, note.
  const editor = page.getByRole('region', { name: 'Edit annotation' });
  await editor.getByRole('combobox', { name: 'Speaker' }).fill('Jonas Hallberg');
  await editor.getByRole('combobox', { name: 'Cue' }).fill('alleged');
  await editor.getByRole('textbox', { name: 'Note' }).fill('Check the cover letter date.');
  await expect(app.annotations.locator('[aria-current="true"]')).toContainText('— Jonas Hallberg');

  // The speaker field suggests names already used.
  await app.annotations.getByRole('listitem').filter({ hasText: 'Quote' }).getByRole('button').first().click();
  await expect(page.locator('#ct-speakers option')).toHaveAttribute('value', 'Jonas Hallberg');

  const { data } = await app.exportNative(testInfo, 'nested.json');
  expectExactOffsets(data);
  expect(data.annotations.map((a) => a.label)).toEqual(['ALLEGATION', 'QUOTE', 'FACT']);
  expect(app.errors).toEqual([]);
});

test('word snapping can be turned off for character-precise spans', async ({ page }) => {
  const app = new AppPage(page);
  await app.open();
  const paragraph = app.paragraph('The regional environment agency');
  // Drag from inside "regional" to inside "environment".
  await app.dragSelect(paragraph, 'gional', 'environ');
  await page.keyboard.press('f');
  await expect(app.article.locator('mark[data-label="fact"]')).toHaveText('regional environment');
  await page.getByRole('button', { name: 'Snap to words' }).click();
  await expect(page.getByRole('button', { name: 'Snap to words' })).toHaveAttribute('aria-pressed', 'false');
  await app.dragSelect(paragraph, 'gional', 'environ');
  await page.keyboard.press('q');
  await expect(app.article.locator('mark[data-label="quote"]')).toHaveText('gional environ');
});

test('search the article and filter the list', async ({ page }) => {
  const app = new AppPage(page);
  await app.open();
  const search = page.getByRole('searchbox', { name: 'Search article' });
  await search.fill('nitrate');
  await expect(app.article.locator('.ct-run--match')).toHaveCount(3);
  await expect(page.locator('.ct-search__status')).toHaveText('1 of 3');
  await search.press('Enter');
  await expect(page.locator('.ct-search__status')).toHaveText('2 of 3');
  await page.getByRole('button', { name: 'Previous match' }).click();
  await expect(page.locator('.ct-search__status')).toHaveText('1 of 3');
  await expect(app.article.locator('.ct-run--current-match')).toHaveText('nitrate');
  await search.fill('zzz-nothing');
  await expect(page.locator('.ct-search__status')).toHaveText('No matches');

  await app.dragSelect(app.paragraph('The regional environment agency'), 'The regional', 'agency');
  await page.keyboard.press('f');
  await app.dragSelect(app.paragraph('The regional environment agency'), 'A spokesperson', 'three months.');
  await page.keyboard.press('q');
  const filter = page.getByRole('group', { name: 'Show labels' });
  await filter.getByRole('button', { name: /Fact 1/ }).click();
  await expect(app.annotations.getByRole('listitem')).toHaveCount(1);
  await expect(app.annotations.getByRole('listitem')).toContainText('Quote');
  await filter.getByRole('button', { name: /Fact 1/ }).click();
  await expect(app.annotations.getByRole('listitem')).toHaveCount(2);
});

test('alt+click puts the sentence cursor on a sentence; guidelines explain the labels', async ({ page }) => {
  const app = new AppPage(page);
  await app.open();
  const word = app.paragraph('The fertiliser company has denied').locator('.ct-run').first();
  await word.click({ modifiers: ['Alt'], position: { x: 30, y: 10 } });
  await expect(app.article.locator('.ct-run--cursor')).toHaveText('The fertiliser company has denied any wrongdoing.');
  await page.keyboard.press('q');
  await expect(app.article.locator('mark[data-label="quote"]')).toHaveText('The fertiliser company has denied any wrongdoing.');

  await page.getByRole('button', { name: 'Guidelines' }).click();
  const dialog = page.getByRole('dialog', { name: 'Annotation guidelines' });
  await expect(dialog).toContainText('ALLEGATION');
  await expect(dialog.getByRole('button', { name: 'Close' })).toBeFocused();
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(dialog).toHaveCount(0);
});
