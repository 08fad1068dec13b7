// The exports checked against schemas: the native export against schema/claimtag-v1.schema.json,
// and the W3C export against the W3C Web Annotation test suite's "must" assertions (read from
// ../shared when it exists; that part is skipped in a clone without it).
import fs from 'node:fs';
import path from 'node:path';
import { test, expect } from '@playwright/test';
import Ajv from 'ajv';
import AjvDraft04 from 'ajv-draft-04';
import { AppPage } from './app-page.mjs';

const ROOT = path.resolve(import.meta.dirname, '..', '..');
const W3C_SUITE = path.resolve(ROOT, '..', 'shared', 'w3c-web-annotation-tests');

async function annotateSample(page) {
  const app = new AppPage(page);
  await app.open();
  await app.dragSelect(app.paragraph('Councillor Jonas Hallberg'), 'alleged that senior', 'had passed.');
  await page.keyboard.press('a');
  await page.keyboard.press('Enter');
  await page.keyboard.type('Jonas Hallberg');
  await page.keyboard.press('Escape');
  await app.dragSelect(app.paragraph('Councillor Jonas Hallberg'), '“deliberately', 'drawer”');
  await page.keyboard.press('q');
  return app;
}

async function download(page, trigger, testInfo) {
  const [file] = await Promise.all([page.waitForEvent('download'), trigger()]);
  const where = testInfo.outputPath(file.suggestedFilename());
  await file.saveAs(where);
  return JSON.parse(fs.readFileSync(where, 'utf8'));
}

test('the native export validates against its JSON Schema', async ({ page }, testInfo) => {
  const app = await annotateSample(page);
  const data = await download(page, () => app.exportButton.click(), testInfo);
  const schema = JSON.parse(fs.readFileSync(path.join(ROOT, 'schema', 'claimtag-v1.schema.json'), 'utf8'));
  const validate = new Ajv({ allErrors: true }).compile(schema);
  expect(validate(data), JSON.stringify(validate.errors)).toBe(true);
  for (const a of data.annotations) {
    expect(a.origin).toBe('manual');
    expect(Date.parse(a.created)).not.toBeNaN();
    expect(a.modified >= a.created).toBe(true);
  }
  // The schema rejects what the export promises never to contain.
  const broken = structuredClone(data);
  broken.annotations[0].label = 'OPINION';
  expect(validate(broken)).toBe(false);
});

test('the W3C export meets the Web Annotation test suite assertions', async ({ page }, testInfo) => {
  test.skip(!fs.existsSync(W3C_SUITE), 'the W3C test suite is not beside this clone');
  const app = await annotateSample(page);
  await page.getByText('More formats').click();
  const collection = await download(page, () => page.getByRole('group', { name: 'Export formats' }).getByRole('button', { name: 'W3C Web Annotation' }).click(), testInfo);
  const ajv = new AjvDraft04({ allErrors: true, strict: false });
  for (const dir of ['definitions', 'annotations']) {
    for (const name of fs.readdirSync(path.join(W3C_SUITE, dir)).filter((n) => n.endsWith('.json'))) {
      const schema = JSON.parse(fs.readFileSync(path.join(W3C_SUITE, dir, name), 'utf8'));
      if (!ajv.getSchema(schema.id ?? name)) ajv.addSchema(schema, schema.id ?? name);
    }
  }
  const assertions = fs.readdirSync(path.join(W3C_SUITE, 'annotations')).filter((n) => n.endsWith('.json'));
  let checked = 0;
  const failures = [];
  for (const item of collection.first.items) {
    // Each annotation is checked as a standalone document, so it carries the context.
    const annotation = { '@context': collection['@context'], ...item };
    for (const name of assertions) {
      const schema = JSON.parse(fs.readFileSync(path.join(W3C_SUITE, 'annotations', name), 'utf8'));
      if (schema.assertionType !== 'must' || schema.expectedResult !== 'valid') continue;
      const validate = ajv.getSchema(schema.id ?? name);
      checked += 1;
      if (!validate(annotation)) failures.push(`${item.id} ${name}: ${schema.errorMessage}`);
    }
  }
  console.log(`W3C must-assertions checked: ${checked}, failed: ${failures.length}`);
  expect(checked).toBeGreaterThan(0);
  expect(failures).toEqual([]);
});
