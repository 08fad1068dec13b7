// W3C side of the interop check (run by run.py): loads claimtag's W3C Web Annotation exports
// into a minimal page with @recogito/text-annotator (bundled with esbuild, both installed in
// target/interop/node, whose path comes in INTEROP_NODE) in headless Chromium (/usr/bin/chromium,
// driven by playwright-core), and reads which characters each highlight covers: the text of the
// DOM Range the annotator anchored each annotation to.
//
// Argument: a JSON array of {key, file, text}. Prints one JSON line: {key: [[label, text], ...]}.

import { createRequire } from 'node:module';
import { readFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const nodeDir = process.env.INTEROP_NODE;
const require = createRequire(join(nodeDir, 'package.json'));
const esbuild = require('esbuild');
const { chromium } = require('playwright-core');

const plan = JSON.parse(process.argv[2]);
const build = join(nodeDir, 'recogito-page');
mkdirSync(build, { recursive: true });
writeFileSync(join(build, 'entry.js'), `
import { createTextAnnotator, reviveTarget, W3CTextFormat } from '@recogito/text-annotator';
import '@recogito/text-annotator/text-annotator.css';
window.loadW3C = async (text, collection) => {
  const el = document.getElementById('content');
  el.textContent = text;
  const items = collection.first ? collection.first.items : (collection.items || [collection]);
  const source = items.length ? items[0].target.source : 'urn:none';
  const anno = createTextAnnotator(el, { adapter: W3CTextFormat(source, el) });
  anno.setAnnotations(items);
  await new Promise((r) => setTimeout(r, 300));
  return anno.state.store.all().map((a) => {
    const tag = (a.bodies || []).find((b) => b.purpose === 'tagging');
    // the Range the annotator draws the highlight over (the same revival it uses to render)
    const target = reviveTarget(a.target, el);
    const covered = target.selector.map((s) => (s.range ? s.range.toString() : '')).join('');
    return [tag ? tag.value : null, covered];
  });
};
`);
await esbuild.build({
  entryPoints: [join(build, 'entry.js')],
  bundle: true,
  format: 'iife',
  outfile: join(build, 'bundle.js'),
  absWorkingDir: nodeDir,
  nodePaths: [join(nodeDir, 'node_modules')],
  logLevel: 'warning',
});
writeFileSync(join(build, 'index.html'), `<!doctype html><meta charset="utf-8">
<link rel="stylesheet" href="bundle.css"><div id="content" style="white-space: pre-wrap"></div>
<script src="bundle.js"></script>`);

const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
const out = {};
try {
  for (const { key, file, text } of plan) {
    const page = await browser.newPage();
    page.on('pageerror', (e) => console.error(`${key}: page error: ${e.message}`));
    await page.goto('file://' + join(build, 'index.html'));
    out[key] = await page.evaluate(([t, c]) => window.loadW3C(t, c), [text, JSON.parse(readFileSync(file, 'utf8'))]);
    console.error(`${key}: ${out[key].length} highlights`);
    await page.close();
  }
} finally {
  await browser.close();
}
console.log(JSON.stringify(out));
