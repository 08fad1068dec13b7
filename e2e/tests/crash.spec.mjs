// A panic in the wasm leaves the app dead; the banner must say so and its "Export all now" must
// still save the work, including the open document's unsaved changes. The panic is triggered
// with Ctrl+Alt+F12, which exists only in debug builds (../dist-debug, served on E2E_PORT + 1).
import fs from 'node:fs';
import { test, expect } from '@playwright/test';
import { AppPage, expectExactOffsets } from './app-page.mjs';

const DEBUG_BUILD = `http://127.0.0.1:${Number(process.env.E2E_PORT || 8181) + 1}/`;

test('a panic shows a banner whose Export all now still saves the work', async ({ page }, testInfo) => {
  const app = new AppPage(page);
  const panics = [];
  page.on('pageerror', (e) => panics.push(String(e)));
  await page.goto(DEBUG_BUILD);
  await app.ready();
  await page.keyboard.press('j');
  await page.keyboard.press('f');
  await expect(app.annotations.getByRole('listitem')).toHaveCount(1);

  await page.keyboard.press('Control+Alt+F12');
  const banner = page.locator('#ct-crash');
  await expect(banner).toHaveAttribute('role', 'alert');
  await expect(banner).toContainText('claimtag stopped because of an internal error');
  await expect(banner).toContainText('crash test requested with Ctrl+Alt+F12');
  await page.screenshot({ path: testInfo.outputPath('crashed.png') });

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    banner.getByRole('link', { name: 'Export all now' }).click(),
  ]);
  expect(download.suggestedFilename()).toBe('claimtag-rescue.jsonl');
  const path = testInfo.outputPath('rescue.jsonl');
  await download.saveAs(path);
  const documents = fs.readFileSync(path, 'utf8').trim().split('\n').map((line) => JSON.parse(line));
  const sample = documents.find((d) => d.document.title === 'Vellmark council accused of hiding river pollution report');
  expect(sample.annotations.map((a) => a.label)).toEqual(['FACT']);
  expectExactOffsets(sample);
  expect(panics.join('\n')).toContain('unreachable');
});
