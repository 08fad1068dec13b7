// Label Studio side of the interop check (run by run.py): signs in to the local Label Studio in
// headless Chromium (/usr/bin/chromium, driven by playwright-core from target/interop/node, whose
// path comes in INTEROP_NODE), opens each task's labeling page and reads what the page highlights:
// every region is drawn as one or more <span class="htx-highlight htx-highlight-<region>">
// (nested where regions overlap); the region's characters are the text of its outermost spans,
// in document order, with a line break for each <br> (the page draws line breaks as <br>).
//
// Arguments: base URL, email, password, and a JSON array of {key, url, regions}.
// Prints one JSON line: {key: [[label, text], ...]}.

import { createRequire } from 'node:module';
import { join } from 'node:path';

const require = createRequire(join(process.env.INTEROP_NODE, 'package.json'));
const { chromium } = require('playwright-core');

const [base, email, password, planJson] = process.argv.slice(2);
const plan = JSON.parse(planJson);
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
const out = {};
try {
  const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
  await page.goto(base + '/user/login/');
  await page.fill('input[name=email]', email);
  await page.fill('input[name=password]', password);
  await Promise.all([page.waitForNavigation(), page.click('button[type=submit], input[type=submit]')]);
  for (const { key, url, regions } of plan) {
    await page.goto(url);
    await page.waitForSelector('.htx-highlight', { timeout: 60000 });
    // wait until the page has drawn every region (or stops adding any)
    let last = -1;
    for (let i = 0; i < 30; i++) {
      const n = await page.evaluate(() => new Set([...document.querySelectorAll('.htx-highlight')]
        .map((h) => [...h.classList].find((c) => /^htx-highlight-./.test(c) && c !== 'htx-highlight-last'))).size);
      if (n >= regions || n === last) break;
      last = n;
      await page.waitForTimeout(500);
    }
    out[key] = await page.evaluate(() => {
      // the characters under a fragment: its text nodes, and a line break for each <br> (the
      // page draws the text's line breaks as <br>)
      const chars = (node) => {
        let text = '';
        const walk = document.createTreeWalker(node, NodeFilter.SHOW_TEXT | NodeFilter.SHOW_ELEMENT);
        for (let n = walk.nextNode(); n; n = walk.nextNode()) {
          if (n.nodeType === Node.TEXT_NODE) text += n.data;
          else if (n.tagName === 'BR') text += '\n';
        }
        return text;
      };
      const regions = new Map();
      for (const h of document.querySelectorAll('.htx-highlight')) {
        const id = [...h.classList].find((c) => /^htx-highlight-./.test(c) && c !== 'htx-highlight-last');
        if (!id) continue;
        const region = regions.get(id) || { label: '', text: '', last: null };
        // the label is on some fragment of the region (data-label="1:FACT")
        if (!region.label && h.dataset.label) region.label = h.dataset.label.replace(/^\d+:/, '');
        // a fragment inside another fragment of the same region is already in that one's text
        if (!(h.parentElement && h.parentElement.closest('.' + CSS.escape(id)))) {
          if (region.last) {
            // what the page draws between two fragments of one region (a line break, cut out
            // of the highlight spans) lies inside the region too
            const between = document.createRange();
            between.setStartAfter(region.last);
            between.setEndBefore(h);
            region.text += chars(between.cloneContents());
          }
          region.text += chars(h);
          region.last = h;
        }
        regions.set(id, region);
      }
      return [...regions.values()].map((r) => [r.label, r.text]);
    });
    console.error(`${key}: ${out[key].length} regions drawn`);
    await page.screenshot({ path: join(process.env.INTEROP_NODE, '..', 'logs', `label-studio-${key}.png`) });
  }
} finally {
  await browser.close();
}
console.log(JSON.stringify(out));
