// Accessibility: axe-core scans of every view in light and dark themes (zero serious or critical
// violations), focus kept inside dialogs and given back, reduced motion, and the live region
// that announces new annotations.
import { test, expect } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { AppPage } from './app-page.mjs';

/** Serious and critical violations on the page as it is now, described for the failure. */
async function seriousViolations(page) {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((v) => ['serious', 'critical'].includes(v.impact))
    .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`);
}

for (const colorScheme of ['light', 'dark']) {
  test(`axe finds no serious violations in any view (${colorScheme})`, async ({ page }, testInfo) => {
    await page.emulateMedia({ colorScheme });
    const app = new AppPage(page);
    await app.open();
    const found = {};

    // Main view, with annotations of every label, the sentence cursor and suggestions.
    await page.keyboard.press('j');
    await page.keyboard.press('f');
    await page.keyboard.press('j');
    await page.keyboard.press('a');
    await page.keyboard.press('j');
    await page.keyboard.press('q');
    await page.keyboard.press('s');
    await expect(page.getByRole('region', { name: /^Suggestions/ })).toBeVisible();
    found.main = await seriousViolations(page);
    await page.screenshot({ path: testInfo.outputPath(`main-${colorScheme}.png`) });
    await page.keyboard.press('Escape');

    // The attribute editor of the current annotation.
    await page.keyboard.press('p');
    await page.keyboard.press('Enter');
    await expect(page.getByRole('combobox', { name: 'Speaker' })).toBeFocused();
    found.editor = await seriousViolations(page);
    await page.keyboard.press('Escape');

    // The shortcuts panel, the load dialog and the library.
    await page.keyboard.press('?');
    await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeVisible();
    found.shortcuts = await seriousViolations(page);
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: 'Load article' }).click();
    await expect(page.getByRole('dialog', { name: 'Load article' })).toBeVisible();
    found.load = await seriousViolations(page);
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: 'Library' }).click();
    await expect(page.getByRole('list', { name: 'Documents' })).toBeVisible();
    found.library = await seriousViolations(page);
    await page.screenshot({ path: testInfo.outputPath(`library-${colorScheme}.png`) });
    await page.keyboard.press('Escape');

    // Add to library: the mapping step of a corpus file, then the result list.
    await page.getByRole('button', { name: 'Load article' }).click();
    await page.locator('input[aria-label="Article file"]').setInputFiles({
      name: 'desk.csv', mimeType: 'text/csv',
      buffer: Buffer.from('id,title,body\n1,One,"First body, with a comma."\n2,Two,Second body.\n3,Three,\n'),
    });
    const intake = page.getByRole('dialog', { name: 'Add to library' });
    await expect(intake.getByRole('table', { name: 'First records' })).toBeVisible();
    found.intake = await seriousViolations(page);
    await page.screenshot({ path: testInfo.outputPath(`intake-${colorScheme}.png`) });
    await intake.getByRole('button', { name: 'Add 3 records to the library' }).click();
    await expect(intake.getByRole('status')).toContainText('Added 2 documents');
    found.intakeResult = await seriousViolations(page);
    await page.screenshot({ path: testInfo.outputPath(`intake-result-${colorScheme}.png`) });

    expect(found).toEqual({ main: [], editor: [], shortcuts: [], load: [], library: [], intake: [], intakeResult: [] });
    expect(app.errors).toEqual([]);
  });
}

test('dialogs keep the focus inside and give it back when they close', async ({ page }) => {
  const app = new AppPage(page);
  await app.open();
  const opener = page.getByRole('button', { name: 'Load article' });
  await opener.focus();
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: 'Load article' });
  await expect(dialog).toBeVisible();
  for (let i = 0; i < 12; i += 1) {
    await page.keyboard.press('Tab');
    expect(await dialog.evaluate((d) => d.contains(document.activeElement))).toBe(true);
  }
  for (let i = 0; i < 12; i += 1) {
    await page.keyboard.press('Shift+Tab');
    expect(await dialog.evaluate((d) => d.contains(document.activeElement))).toBe(true);
  }
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
  await expect(opener).toBeFocused();

  const shortcuts = page.getByRole('button', { name: 'Shortcuts' });
  await shortcuts.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeVisible();
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  expect(await page.getByRole('dialog', { name: 'Keyboard shortcuts' }).evaluate((d) => d.contains(document.activeElement))).toBe(true);
  await page.keyboard.press('Escape');
  await expect(shortcuts).toBeFocused();
  expect(app.errors).toEqual([]);
});

test('reduced motion turns off the flash, and new annotations are announced', async ({ page }) => {
  await page.emulateMedia({ reducedMotion: 'reduce' });
  const app = new AppPage(page);
  await app.open();
  const live = page.locator('[aria-live="polite"][aria-atomic="true"]');
  await page.keyboard.press('j');
  await page.keyboard.press('j');
  await page.keyboard.press('f');
  const mark = app.article.locator('mark.ct-mark--selected').first();
  await expect(mark).toBeVisible();
  expect(await mark.evaluate((el) => getComputedStyle(el).animationName)).toBe('none');
  await expect(live).toHaveText(/^Fact added: Vellmark’s city council has been accused/);
  await page.keyboard.press('q');
  await expect(live).toHaveText(/^Now Quote: Vellmark’s/);
  await page.keyboard.press('Control+z');
  await expect(live).toHaveText(/^Undone: Now Fact: Vellmark’s/);
  // Errors are alerts, which screen readers announce at once.
  await page.keyboard.press('Escape');
  await page.keyboard.press('Escape');
  await page.keyboard.press('w');
  await expect(page.getByRole('alert')).toContainText('Select a word first');

  await page.emulateMedia({ reducedMotion: 'no-preference' });
  await page.keyboard.press('j');
  await page.keyboard.press('a');
  expect(await app.article.locator('mark.ct-mark--selected').first().evaluate((el) => getComputedStyle(el).animationName)).toBe('ct-flash');
  expect(app.errors).toEqual([]);
});
