// Browser benchmark for claimtag (`make bench`): serves the release build on 127.0.0.1, drives
// Debian's Chromium headless with Playwright, and prints a table (and writes JSON) of medians
// and min–max over repeated runs for generated documents of 2k, 20k and 100k words with 0, 1,000
// and 5,000 annotations. Not a test: it asserts nothing.
import { serve } from './serve.mjs';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { chromium } from 'playwright-core';
import { generate } from './generate.mjs';

const ROOT = path.resolve(import.meta.dirname, '..', '..');
const DIST = process.env.BENCH_DIST || path.join(ROOT, 'dist');
const OUT = path.join(import.meta.dirname, 'results');
const PORT = Number(process.env.BENCH_PORT || 8283);
const REPS = Number(process.env.BENCH_REPS || 5);
const CASES = (process.env.BENCH_CASES || '2000:0,2000:1000,20000:0,20000:1000,20000:5000,100000:0,100000:5000')
  .split(',').map((c) => c.split(':').map(Number));

const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; };
const stat = (xs) => ({ median: median(xs), min: Math.min(...xs), max: Math.max(...xs), n: xs.length });
const fmt = (s) => (s ? `${s.median.toFixed(1)} (${s.min.toFixed(1)}–${s.max.toFixed(1)})` : '–');

function bundleSizes() {
  const files = fs.readdirSync(DIST).filter((f) => /\.(wasm|js|css)$/.test(f));
  let raw = 0; let gzip = 0;
  for (const f of files) {
    const bytes = fs.readFileSync(path.join(DIST, f));
    raw += bytes.length;
    gzip += zlib.gzipSync(bytes, { level: 9 }).length;
  }
  return { raw, gzip };
}

/** In-page helpers: run an action, resolve with ms until `done()` holds and a frame is painted. */
const HELPERS = () => {
  window.__timed = (action, done) => new Promise((resolve) => {
    const t0 = performance.now();
    const finish = () => requestAnimationFrame(() => resolve(performance.now() - t0));
    const observer = new MutationObserver(() => { if (done()) { observer.disconnect(); finish(); } });
    observer.observe(document.body, { subtree: true, childList: true, attributes: true });
    action();
    if (done()) { observer.disconnect(); finish(); }
  });
  window.__key = (key, extra = {}) => document.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true, ...extra }));
  window.__selectIn = (index) => {
    const paragraphs = document.querySelectorAll('article p.ct-paragraph');
    const p = paragraphs[index % paragraphs.length];
    const run = [...p.querySelectorAll('.ct-run')].find((r) => r.firstChild.length > 12);
    const range = document.createRange();
    range.setStart(run.firstChild, 1);
    range.setEnd(run.firstChild, 11);
    const selection = getSelection();
    selection.removeAllRanges();
    selection.addRange(range);
  };
  addEventListener('TrunkApplicationStarted', (e) => { window.__wasm = e.detail.wasm; });
};

async function measureCase(browser, base, words, annotations) {
  const doc = generate(words, annotations);
  const paragraphs = doc.document.paragraphs.length;
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.addInitScript(HELPERS);
  await page.goto(base);
  await page.getByRole('heading', { level: 1 }).waitFor();
  await page.getByRole('button', { name: 'Load article' }).click();
  const openStart = Date.now();
  await page.locator('input[aria-label="Article file"]').setInputFiles({ name: 'bench.claimtag.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(doc)) });
  await page.waitForFunction((n) => document.querySelectorAll('article p.ct-paragraph').length === n, paragraphs, { timeout: 120_000 });
  const openMs = Date.now() - openStart;
  await page.locator('.ct-save', { hasText: 'Saved' }).waitFor({ timeout: 60_000 });

  const result = { words, annotations: doc.annotations.length, paragraphs, open_file_ms: openMs };
  // Load to interactive: navigation start to the last paragraph in the DOM and a frame painted,
  // with the document restored from storage.
  const loads = [];
  for (let i = 0; i < Math.min(REPS, 3); i += 1) {
    await page.reload();
    await page.waitForFunction((n) => document.querySelectorAll('article p.ct-paragraph').length === n, paragraphs, { timeout: 120_000, polling: 'raf' });
    loads.push(await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => r(performance.now())))));
  }
  result.load_ms = stat(loads);
  result.memory_mb = await page.evaluate(() => ({
    js_heap: performance.memory ? performance.memory.usedJSHeapSize / 1e6 : null,
    wasm: window.__wasm ? window.__wasm.memory.buffer.byteLength / 1e6 : null,
  }));

  const tag = []; const relabel = []; const del = []; const undo = []; const note = [];
  for (let i = 0; i < REPS; i += 1) {
    const times = await page.evaluate(async (i) => {
      const marks = () => document.querySelectorAll('article mark').length;
      window.__selectIn(7 + i * 13);
      const before = marks();
      const t = {};
      t.tag = await window.__timed(() => window.__key('f'), () => marks() > before);
      t.relabel = await window.__timed(() => window.__key('q'), () => !!document.querySelector('mark.ct-mark--selected[data-label="quote"]'));
      const withIt = marks();
      t.del = await window.__timed(() => window.__key('Delete'), () => marks() < withIt);
      t.undo = await window.__timed(() => window.__key('z', { ctrlKey: true }), () => marks() === withIt);
      return t;
    }, i);
    tag.push(times.tag); relabel.push(times.relabel); del.push(times.del); undo.push(times.undo);
  }
  // Note field: per keystroke, input event to the next painted frame.
  await page.evaluate(() => window.__key('Enter'));
  const area = page.getByRole('textbox', { name: 'Note' });
  if (await area.count()) {
    await area.focus();
    for (let i = 0; i < REPS * 2; i += 1) {
      note.push(await page.evaluate(() => new Promise((resolve) => {
        const field = document.activeElement;
        const t0 = performance.now();
        field.value += 'x';
        field.dispatchEvent(new InputEvent('input', { bubbles: true, data: 'x', inputType: 'insertText' }));
        requestAnimationFrame(() => resolve(performance.now() - t0));
      })));
    }
    await page.evaluate(() => document.activeElement.blur());
  }
  Object.assign(result, { tag_ms: stat(tag), relabel_ms: stat(relabel), delete_ms: stat(del), undo_ms: stat(undo), note_keystroke_ms: note.length ? stat(note) : null });

  // Export: the click handler builds the JSON and hands it to the browser synchronously.
  const exports = [];
  for (let i = 0; i < REPS; i += 1) {
    exports.push(await page.evaluate(() => {
      const button = [...document.querySelectorAll('button')].find((b) => b.textContent === 'Export JSON');
      const t0 = performance.now();
      button.click();
      return performance.now() - t0;
    }));
  }
  result.export_json_ms = stat(exports);
  // Suggest (S): run the suggester over the whole text until the review panel is painted,
  // then undo it for the next run.
  const suggest = [];
  for (let i = 0; i < Math.min(REPS, 3); i += 1) {
    suggest.push(await page.evaluate(() => window.__timed(() => window.__key('s'), () => !!document.querySelector('.ct-review__position'))));
    result.suggestions = Number(await page.locator('.ct-review .ct-sidebar__count').textContent());
    await page.evaluate(() => window.__key('z', { ctrlKey: true }));
    await page.waitForFunction(() => !document.querySelector('.ct-review'));
  }
  result.suggest_ms = stat(suggest);
  // Export all (JSONL corpus) from the library: reads IndexedDB, so it is asynchronous.
  await page.getByRole('button', { name: 'Library' }).click();
  await page.getByRole('list', { name: 'Documents' }).waitFor();
  result.export_jsonl_ms = await page.evaluate(() => new Promise((resolve) => {
    const original = URL.createObjectURL;
    const t0 = performance.now();
    URL.createObjectURL = (blob) => { URL.createObjectURL = original; resolve(performance.now() - t0); return original(blob); };
    [...document.querySelectorAll('button')].find((b) => b.textContent === 'Export all').click();
  }));
  await context.close();
  return result;
}

/** A library of `count` documents of ~5,000 words: time to open the Library list, and to open one. */
async function measureLibrary(browser, base, count) {
  const doc = generate(5000, 50);
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(base);
  await page.locator('.ct-save', { hasText: 'Saved' }).waitFor({ timeout: 60_000 });
  await page.evaluate(async ([doc, count]) => {
    const db = await new Promise((resolve, reject) => {
      const request = indexedDB.open('claimtag');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    const now = new Date().toISOString();
    for (let start = 0; start < count; start += 100) {
      const tx = db.transaction(['documents', 'summaries'], 'readwrite');
      for (let i = start; i < Math.min(count, start + 100); i += 1) {
        const id = `doc-${i.toString(16).padStart(16, '0')}`;
        const info = { id, revision: 1, writer: 'bench', status: 'to_do', added_at: now, edited_at: now, deleted_at: null };
        const meta = { ...doc.meta, title: `${doc.meta.title} #${i}` };
        tx.objectStore('documents').put(JSON.stringify({ schema: 1, ...info, text: doc.text, paragraphs: doc.paragraphs, meta, normalization: [], set_aside: [], original: '', annotations: doc.annotations }), id);
        tx.objectStore('summaries').put(JSON.stringify({ ...info, title: meta.title, source: 'benchmark', counts: [17, 17, 16] }), id);
      }
      await new Promise((resolve) => { tx.oncomplete = resolve; });
    }
  }, [{
    text: doc.document.text, paragraphs: doc.document.paragraphs,
    meta: { title: 'Library document', published: null, published_raw: null, byline: null, source: 'benchmark', site_name: null, canonical_url: null, language: null, direction: null },
    annotations: doc.annotations.map((a, i) => ({ id: i + 1, label: a.label, span: { start: a.start, end: a.end }, speaker: '', cue: '', note: '', annotator: '' })),
  }, count]);
  const lists = []; const opens = [];
  for (let i = 0; i < Math.min(REPS, 3); i += 1) {
    const t0 = Date.now();
    await page.getByRole('button', { name: 'Library' }).click();
    // The list is virtual: it is ready when its progress line counts every document and the
    // rows in view are painted.
    await page.waitForFunction((n) => (document.querySelector('.ct-corpus__progress')?.textContent ?? '').includes(`of ${n.toLocaleString('en-US')}`)
      && document.querySelector('[aria-label="Documents"] > li'), count + 1, { timeout: 60_000, polling: 'raf' });
    lists.push(Date.now() - t0);
    await page.getByRole('searchbox', { name: 'Search titles and sources' }).fill(`#${100 + i}`);
    const t1 = Date.now();
    await page.locator(`[aria-label="Documents"] > li[data-title$="#${100 + i}"]`).getByRole('button', { name: 'Open' }).click();
    await page.waitForFunction((t) => document.querySelector('h1')?.textContent.endsWith(t), `#${100 + i}`, { timeout: 60_000, polling: 'raf' });
    opens.push(Date.now() - t1);
  }
  await context.close();
  return { documents: count, open_list_ms: stat(lists), open_document_ms: stat(opens) };
}

const server = await serve(DIST, PORT);
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--no-sandbox', '--headless', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
    '--no-first-run', '--disable-sync', '--disable-dev-shm-usage', '--enable-precise-memory-info'],
});
const results = { bundle: bundleSizes(), chromium: browser.version(), cases: [] };
try {
  for (const [words, annotations] of CASES) {
    process.stderr.write(`bench: ${words} words, ${annotations} annotations…\n`);
    try {
      results.cases.push(await measureCase(browser, `http://127.0.0.1:${PORT}/`, words, annotations));
    } catch (error) {
      process.stderr.write(`bench: ${words} words, ${annotations} annotations failed: ${error.message.split('\n')[0]}\n`);
      results.cases.push({ words, annotations, failed: error.message.split('\n')[0] });
    }
  }
  const libraryDocs = Number(process.env.BENCH_LIBRARY || 1000);
  if (libraryDocs > 0) {
    process.stderr.write(`bench: library of ${libraryDocs} documents…\n`);
    try {
      results.library = await measureLibrary(browser, `http://127.0.0.1:${PORT}/`, libraryDocs);
    } catch (error) {
      results.library = { documents: libraryDocs, failed: error.message.split('\n')[0] };
    }
  }
} finally {
  await browser.close();
  server.kill();
}
fs.mkdirSync(OUT, { recursive: true });
fs.writeFileSync(path.join(OUT, 'bench.json'), JSON.stringify(results, null, 2));

console.log(`\nclaimtag browser benchmark — Chromium ${results.chromium}, median (min–max) in ms, ${REPS} runs`);
console.log(`bundle (wasm + js + css): ${(results.bundle.raw / 1024).toFixed(0)} KB raw, ${(results.bundle.gzip / 1024).toFixed(0)} KB gzip\n`);
console.log('| words | annotations | load to interactive | tag | relabel | delete | undo | note keystroke | export JSON | export JSONL | suggest (S) | JS heap MB | wasm MB |');
console.log('|---|---|---|---|---|---|---|---|---|---|---|---|---|');
for (const c of results.cases) {
  if (c.failed) { console.log(`| ${c.words} | ${c.annotations} | failed: ${c.failed} |`); continue; }
  console.log(`| ${c.words} | ${c.annotations} | ${fmt(c.load_ms)} | ${fmt(c.tag_ms)} | ${fmt(c.relabel_ms)} | ${fmt(c.delete_ms)} | ${fmt(c.undo_ms)} | ${fmt(c.note_keystroke_ms)} | ${fmt(c.export_json_ms)} | ${c.export_jsonl_ms.toFixed(1)} | ${fmt(c.suggest_ms)} (${c.suggestions}) | ${c.memory_mb.js_heap?.toFixed(1)} | ${c.memory_mb.wasm?.toFixed(1)} |`);
}
if (results.library) {
  const l = results.library;
  console.log(l.failed
    ? `\nlibrary of ${l.documents} documents: failed: ${l.failed}`
    : `\nlibrary of ${l.documents} documents of ~5,000 words: open the list ${fmt(l.open_list_ms)} ms (click to the rows in view painted), open a document from it ${fmt(l.open_document_ms)} ms`);
}
console.log(`\nwritten: ${path.relative(ROOT, path.join(OUT, 'bench.json'))}`);
