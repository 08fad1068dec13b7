// Cold start benchmark (`make bench`): a fresh browser profile holding the document already (it
// was loaded and saved in an earlier run of the browser), the HTTP cache and the code cache
// deleted, then navigation to the last paragraph in the DOM and every highlight painted. Each
// run is a new browser process on that profile. Prints a table with the breakdown from the
// page's performance timeline; not a test, it asserts nothing.
import { serve } from './serve.mjs';
import fs from 'node:fs';
import path from 'node:path';
import { generate } from './generate.mjs';
import { closeBrowser, freshProfile, removeProfile, startBrowser } from '../own-browser.mjs';

const ROOT = path.resolve(import.meta.dirname, '..', '..');
const DIST = process.env.BENCH_DIST || path.join(ROOT, 'dist');
const PORT = Number(process.env.BENCH_PORT || 8287);
const DEBUG_PORT = Number(process.env.BENCH_DEBUG_PORT || 9334);
const REPS = Number(process.env.BENCH_REPS || 5);
const CASES = (process.env.BENCH_COLD_CASES || '2000:0,20000:0,100000:0,20000:1000')
  .split(',').map((c) => c.split(':').map(Number));
const OUT = path.join(import.meta.dirname, 'results');

const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; };
const fmt = (xs) => `${median(xs).toFixed(0)} (${Math.min(...xs).toFixed(0)}–${Math.max(...xs).toFixed(0)})`;

/** Records in the page when the wasm app has started (boot.js fires the event after its first
 * render), when start-up has read the library, and when the last paragraph and every highlight
 * are painted: checked in every animation frame; the frame that first holds them all is painted
 * right after its callbacks, so a task queued there runs after that paint. Measured in the page,
 * so neither a polling round trip from Node nor an extra frame is counted. */
const TIMELINE = ([paragraphs, highlights]) => {
  addEventListener('TrunkApplicationStarted', () => { window.__started = performance.now(); });
  // When start-up has read the library (the app marks itself ready).
  new MutationObserver((_, observer) => {
    if (document.querySelector('.ct-app[data-ready="true"]')) {
      window.__read = performance.now();
      observer.disconnect();
    }
  }).observe(document, { subtree: true, childList: true, attributes: true });
  const check = () => {
    if (document.querySelectorAll('article p.ct-paragraph').length === paragraphs
      && document.querySelectorAll('article mark').length === highlights) {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => { window.__painted = performance.now(); };
      channel.port2.postMessage(null);
      return;
    }
    requestAnimationFrame(check);
  };
  requestAnimationFrame(check);
};

/** Deletes what a warm start would reuse: the HTTP cache and V8's code cache (compiled wasm). */
async function dropCaches(profile) {
  for (const dir of ['Cache', 'Code Cache', 'GPUCache', 'DawnGraphiteCache', 'DawnWebGPUCache']) {
    // A helper process of the browser closed just before may still be writing its last entry.
    for (let attempt = 0; ; attempt += 1) {
      try {
        fs.rmSync(path.join(profile, 'Default', dir), { recursive: true, force: true, maxRetries: 30 });
        break;
      } catch (error) {
        if (attempt >= 20) throw error;
        await new Promise((r) => setTimeout(r, 250));
      }
    }
  }
}

/** Stores the generated document in the profile, as a user loading the file would, and returns
 * the number of paragraphs and of highlights the app paints for it. */
async function prepare(base, profile, doc) {
  const session = await startBrowser(profile, DEBUG_PORT);
  try {
    const { page } = session;
    await page.goto(base);
    await page.locator('.ct-app[data-ready="true"]').waitFor({ timeout: 30_000 });
    await page.getByRole('button', { name: 'Load article' }).click();
    await page.locator('input[aria-label="Article file"]').setInputFiles({ name: 'bench.claimtag.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(doc)) });
    const paragraphs = doc.document.paragraphs.length;
    await page.waitForFunction((n) => document.querySelectorAll('article p.ct-paragraph').length === n, paragraphs, { timeout: 120_000 });
    await page.locator('.ct-save', { hasText: 'Saved' }).waitFor({ timeout: 60_000 });
    const highlights = await page.evaluate(() => document.querySelectorAll('article mark').length);
    return { paragraphs, highlights };
  } finally {
    await closeBrowser(session);
  }
}

async function coldLoad(base, profile, { paragraphs, highlights }) {
  await dropCaches(profile);
  const session = await startBrowser(profile, DEBUG_PORT);
  try {
    const { page } = session;
    await page.addInitScript(TIMELINE, [paragraphs, highlights]);
    await page.goto(base, { waitUntil: 'commit' });
    await page.waitForFunction(() => window.__painted, null, { timeout: 120_000 });
    return await page.evaluate(() => {
      const resource = (ending) => performance.getEntriesByType('resource').find((r) => r.name.endsWith(ending));
      const wasm = resource('.wasm');
      const js = performance.getEntriesByType('resource').find((r) => /claimtag-[0-9a-f]+\.js$/.test(r.name));
      const nav = performance.getEntriesByType('navigation')[0];
      return {
        total: window.__painted,
        html: nav ? nav.responseEnd : 0,
        js: js ? js.responseEnd : 0,
        wasm: wasm ? wasm.responseEnd : 0,
        prefetched: performance.getEntriesByName('claimtag:prefetched')[0]?.startTime || 0,
        started: window.__started || 0,
        read: window.__read || 0,
      };
    });
  } finally {
    await closeBrowser(session);
  }
}

const server = await serve(DIST, PORT);
const base = `http://127.0.0.1:${PORT}/`;
const rows = [];
try {
  for (const [words, annotations] of CASES) {
    const profile = freshProfile('claimtag-cold');
    try {
      const shape = await prepare(base, profile, generate(words, annotations));
      const runs = [];
      for (let i = 0; i < REPS; i += 1) runs.push(await coldLoad(base, profile, shape));
      rows.push({ words, annotations, ...shape, runs });
    } catch (error) {
      rows.push({ words, annotations, failed: error.message.split('\n')[0] });
    } finally {
      await removeProfile(profile);
    }
  }
} finally {
  server.kill();
}
fs.mkdirSync(OUT, { recursive: true });
fs.writeFileSync(path.join(OUT, 'cold.json'), JSON.stringify(rows, null, 2));

console.log(`\nclaimtag cold start — fresh profile with the document stored, HTTP and code cache deleted; median (min–max) ms of ${REPS} runs from navigation start`);
console.log('| words | annotations | HTML | JS glue | wasm fetched | library prefetched | app started | library read | last paragraph + highlights painted |');
console.log('|---|---|---|---|---|---|---|---|---|');
for (const r of rows) {
  if (r.failed) { console.log(`| ${r.words} | ${r.annotations} | failed: ${r.failed} |`); continue; }
  const col = (key) => fmt(r.runs.map((x) => x[key]));
  console.log(`| ${r.words} | ${r.annotations} (${r.highlights} marks) | ${col('html')} | ${col('js')} | ${col('wasm')} | ${col('prefetched')} | ${col('started')} | ${col('read')} | **${col('total')}** |`);
}
