// doccano side of the interop check (run by run.py): signs in to the local doccano in headless
// Chromium (/usr/bin/chromium, playwright-core from target/interop/node, whose path comes in
// INTEROP_NODE) and takes a screenshot of each document's labeling page into
// target/interop/logs/doccano-<n>.png, for a person to look at. doccano draws spans as SVG
// underlines (v-annotator), so the characters under them are read from its span API instead.
//
// Arguments: base URL, username, password, project id, number of documents.

import { createRequire } from 'node:module';
import { join } from 'node:path';

const require = createRequire(join(process.env.INTEROP_NODE, 'package.json'));
const { chromium } = require('playwright-core');

const [base, username, password, project, count] = process.argv.slice(2);
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
try {
  const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
  await page.goto(base + '/auth');
  await page.fill('input[name=username]', username);
  await page.fill('input[name=password]', password);
  await page.keyboard.press('Enter');
  await page.waitForURL((url) => !url.pathname.startsWith('/auth'), { timeout: 60000 });
  for (let n = 1; n <= Number(count); n++) {
    await page.goto(`${base}/projects/${project}/sequence-labeling?page=${n}`);
    await page.waitForTimeout(4000);
    await page.screenshot({ path: join(process.env.INTEROP_NODE, '..', 'logs', `doccano-${n}.png`) });
    console.error(`doccano page ${n}: screenshot taken`);
  }
} finally {
  await browser.close();
}
