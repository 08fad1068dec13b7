// Corpus benchmark for claimtag (`make bench`): serves the release build on 127.0.0.1, drives
// Debian's Chromium headless with Playwright through the UI a user drives (Load article → Add
// to library, Library, Export), and prints a table (and writes e2e/bench/results/corpus.json):
//   1. importing 1,000 articles of ~800 words from a doccano-style JSONL (time, records per
//      second, the longest task and the tasks over 100 ms during the import);
//   2. a library of 10,000 documents of ~100 words (seeded through the same intake, timed):
//      opening the Library to the first row painted after a reload, a title search, and
//      scrolling the list to its last row;
//   3. 1,000 documents of ~5,000 words with 50 annotations each (imported, timed), exported in
//      every format the export panel offers: click to download, peak JS heap, output size.
// Not a test: it asserts nothing, but it reports UI failures (a step that never ends, a
// console error) in the table and the JSON.
//
// Knobs (defaults are the full sizes): BENCH_PORT, BENCH_REPS (opens of the library, 5),
// BENCH_ROWS (import,library,export), BENCH_CORPUS_DOCS / BENCH_CORPUS_WORDS (1000 / 800),
// BENCH_LIBRARY_DOCS / BENCH_LIBRARY_WORDS (10000 / 100), BENCH_EXPORT_DOCS /
// BENCH_EXPORT_WORDS / BENCH_EXPORT_ANNOTATIONS (1000 / 5000 / 50), BENCH_TIMEOUT_MIN (the
// limit of any one import or export, 20 minutes), CHROMIUM. About 1½ minutes at full sizes
// on the 2-core machine.
import { serve } from './serve.mjs';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';

const ROOT = path.resolve(import.meta.dirname, '..', '..');
const DIST = path.join(ROOT, 'dist');
const OUT = path.join(import.meta.dirname, 'results');
const PORT = Number(process.env.BENCH_PORT || 8284);
const BASE = `http://127.0.0.1:${PORT}/`;
const num = (name, fallback) => Number(process.env[name] || fallback);
const REPS = num('BENCH_REPS', 5);
const ROWS = new Set((process.env.BENCH_ROWS || 'import,library,export').split(','));
const SIZES = {
  import: { docs: num('BENCH_CORPUS_DOCS', 1000), words: num('BENCH_CORPUS_WORDS', 800), labels: 4 },
  library: { docs: num('BENCH_LIBRARY_DOCS', 10000), words: num('BENCH_LIBRARY_WORDS', 100), labels: 2 },
  export: { docs: num('BENCH_EXPORT_DOCS', 1000), words: num('BENCH_EXPORT_WORDS', 5000), labels: num('BENCH_EXPORT_ANNOTATIONS', 50) },
};
const LIMIT_MS = num('BENCH_TIMEOUT_MIN', 20) * 60_000;

const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; };
const stat = (xs) => (xs.length ? { median: median(xs), min: Math.min(...xs), max: Math.max(...xs), n: xs.length } : null);
const fmt = (s) => (s ? `${s.median.toFixed(1)} (${s.min.toFixed(1)}–${s.max.toFixed(1)})` : '–');
const thousands = (n) => n.toLocaleString('en-US');
const log = (line) => process.stderr.write(`corpus bench: ${line}\n`);
const firstLine = (error) => String(error?.message ?? error).split('\n')[0];

// ---------------------------------------------------------------------------------------------
// Generated corpora: deterministic news-like text, a headline as the first line (the intake
// takes the title from it), a few non-ASCII words and emoji, doccano labels in UTF-16 offsets.

/** A deterministic pseudo-random generator, so every run measures the same corpus. */
function rng(seed) {
  let s = seed >>> 0;
  return () => ((s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32);
}

const NAMES = ['Ines Dahl', 'Jonas Hallberg', 'Petra Lindqvist', 'Marit Olsen', 'Sanna Okafor', 'Rui Anders', 'Zoë Brontë', 'Łukasz Żak'];
const PLACES = ['Vellmark', 'Lindmark', 'Eastbank', 'Harwick', 'Malmö', 'Zürich', 'São Tomé', 'Ørsund'];
const TOPICS = ['ferry', 'budget', 'wells', 'inquiry', 'school', 'harbour', 'bridge', 'clinic'];
const VERBS = ['said', 'told reporters', 'alleged', 'claimed', 'wrote'];
const EMOJI = ['📈', '🚢', '👨🏻‍🚒', '🏳️‍🌈'];

function sentence(r, i) {
  const pick = (list) => list[Math.floor(r() * list.length)];
  const n = Math.floor(r() * 9000) + 100;
  switch (i % 6) {
    case 0: return `“We will not accept ${n} more delays in ${pick(PLACES)},” ${pick(NAMES)} ${pick(VERBS)}.`;
    case 1: return `The council spent €${n},000 on the ${pick(TOPICS)} in ${2000 + (n % 25)}, according to records seen by the Courier.`;
    case 2: return `${pick(NAMES)} accused officials of hiding a report about the ${pick(TOPICS)} ${r() < 0.3 ? `${pick(EMOJI)} ` : ''}for ${n % 12} months.`;
    case 3: return `About ${n} people live beside the river, and ${n % 97}% of them rely on its wells.`;
    case 4: return `A naïve café owner in ${pick(PLACES)} said the rôle of the façade committee was never explained.`;
    default: return `Residents said the signs came too late, and the inquiry will report on ${1 + (n % 28)} March.`;
  }
}

/** Record `k` of a corpus: `{id, text, label}` with about `words` words and `labels` spans. */
function record(k, words, labels, seed) {
  const r = rng(seed * 1_000_003 + k);
  const place = PLACES[k % PLACES.length];
  const topic = TOPICS[Math.floor(k / PLACES.length) % TOPICS.length];
  const title = `Dispatch ${String(k).padStart(5, '0')}: ${place} ${topic} report`;
  const paragraphs = [title];
  let count = title.split(' ').length;
  let i = 0;
  while (count < words) {
    const sentences = [];
    for (let s = 0; s < 4 && count < words; s += 1) {
      const line = sentence(r, i++);
      sentences.push(line);
      count += line.split(' ').length;
    }
    paragraphs.push(sentences.join(' '));
  }
  const text = paragraphs.join('\n\n');
  // Spans: `labels` of them, one in each equal run of the body's words, 2 to 12 words long,
  // never overlapping. JS string indices are UTF-16 code units, which is what doccano offsets
  // are here.
  const words_ = [...text.slice(title.length + 2).matchAll(/\S+/g)]
    .map((m) => [title.length + 2 + m.index, title.length + 2 + m.index + m[0].length]);
  const per = Math.max(1, Math.floor(words_.length / Math.max(1, labels)));
  const names = ['FACT', 'ALLEGATION', 'QUOTE'];
  const label = [];
  for (let a = 0; a < labels && (a + 1) * per <= words_.length; a += 1) {
    const first = a * per + Math.floor(r() * Math.max(1, per / 2));
    const last = Math.min((a + 1) * per - 1, first + 1 + Math.floor(r() * 11));
    label.push([words_[first][0], words_[last][1], names[(k + a) % 3]]);
  }
  return { id: `${seed}-${k}`, text, label, title };
}

/** Writes a corpus as JSONL to a temporary file; returns its path, size and titles. */
function writeCorpus(dir, name, { docs, words, labels }, seed) {
  const file = path.join(dir, name);
  const fd = fs.openSync(file, 'w');
  const titles = [];
  let spans = 0;
  try {
    for (let k = 0; k < docs; k += 1) {
      const { title, ...rec } = record(k, words, labels, seed);
      titles.push(title);
      spans += rec.label.length;
      fs.writeSync(fd, `${JSON.stringify(rec)}\n`);
    }
  } finally {
    fs.closeSync(fd);
  }
  return { file, bytes: fs.statSync(file).size, titles, spans };
}

// ---------------------------------------------------------------------------------------------
// The browser and the page.

/** In-page helpers: long tasks, clicks, a bounded wait for a condition and a painted frame, heap sampling. */
const HELPERS = () => {
  window.__longtasks = [];
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) window.__longtasks.push({ start: e.startTime, duration: e.duration });
    }).observe({ entryTypes: ['longtask'] });
  } catch { window.__longtasks = null; }
  window.__clickAt = null;
  document.addEventListener('click', () => { window.__clickAt = performance.now(); }, true);
  /** Resolves with performance.now() once `done()` holds and a frame is painted; null after `limit` ms. */
  window.__until = (done, limit) => new Promise((resolve) => {
    let over = false;
    const finish = (ok) => {
      if (over) return;
      over = true;
      observer.disconnect();
      clearTimeout(timer);
      clearInterval(poll);
      if (!ok) { resolve(null); return; }
      const at = performance.now();
      requestAnimationFrame(() => resolve({ at, painted: performance.now() }));
    };
    const check = () => { try { if (done()) finish(true); } catch { /* not yet */ } };
    const observer = new MutationObserver(check);
    observer.observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true });
    const timer = setTimeout(() => finish(false), limit);
    const poll = setInterval(check, 250);
    check();
  });
  window.__heap = { peak: 0, samples: 0, timer: null };
  window.__heapStart = () => {
    clearInterval(window.__heap.timer);
    const sample = () => {
      window.__heap.samples += 1;
      window.__heap.peak = Math.max(window.__heap.peak, performance.memory.usedJSHeapSize);
    };
    window.__heap.peak = 0;
    window.__heap.samples = 0;
    sample();
    window.__heap.timer = setInterval(sample, 50);
  };
  window.__heapStop = () => {
    clearInterval(window.__heap.timer);
    window.__heap.peak = Math.max(window.__heap.peak, performance.memory.usedJSHeapSize);
    return { peak: window.__heap.peak, samples: window.__heap.samples, now: performance.memory.usedJSHeapSize };
  };
  addEventListener('TrunkApplicationStarted', (e) => { window.__wasm = e.detail.wasm; });
};

/** A fresh context and page with the helpers, collecting console errors and page errors. */
async function freshPage(browser, errors) {
  const context = await browser.newContext({ acceptDownloads: true });
  const page = await context.newPage();
  page.setDefaultTimeout(60_000);
  page.on('console', (m) => { if (m.type() === 'error') errors.push(`console: ${m.text()}`); });
  page.on('pageerror', (e) => errors.push(`pageerror: ${firstLine(e)}`));
  page.on('crash', () => errors.push('page crashed'));
  await page.addInitScript(HELPERS);
  await page.goto(BASE);
  await page.locator('.ct-app[data-ready="true"]').waitFor({ timeout: 60_000 });
  return { context, page };
}

/**
 * Adds a corpus file through Load article → Add to library; resolves with the time from the
 * click on "Add N records…" to the "Added" status painted, the long tasks meanwhile and the
 * summary. Throws (with what the dialog shows) when the intake fails or does not end in time.
 */
async function intake(page, corpus, records) {
  const wasmBefore = await page.evaluate(() => (window.__wasm ? window.__wasm.memory.buffer.byteLength / 1e6 : null));
  await page.getByRole('button', { name: 'Load article' }).click();
  await page.getByRole('dialog', { name: 'Load article' }).waitFor();
  await page.locator('input[aria-label="Article file"]').setInputFiles(corpus.file);
  const dialog = page.getByRole('dialog', { name: 'Add to library' });
  const add = dialog.getByRole('button', { name: /^Add [\d,]+ records? to the library$/ });
  await add.waitFor({ timeout: 5 * 60_000 });
  const label = await add.textContent();
  const pending = page.evaluate((limit) => {
    window.__intakeDone = window.__until(() => {
      const s = document.querySelector('[role="dialog"] .ct-job[role="status"], [role="dialog"] .ct-job[role="alert"]');
      return s && s.textContent.trim().length > 0;
    }, limit);
    window.__longtasks = window.__longtasks && [];
  }, LIMIT_MS);
  await pending;
  await add.click();
  const done = await page.evaluate(() => window.__intakeDone);
  if (!done) throw new Error(`the intake did not end within ${LIMIT_MS / 60_000} minutes (${await dialog.textContent().catch(() => '?')})`);
  const result = await page.evaluate(() => {
    const s = document.querySelector('[role="dialog"] .ct-job[role="status"], [role="dialog"] .ct-job[role="alert"]');
    return {
      role: s.getAttribute('role'),
      summary: s.querySelector('.ct-job__title, .ct-notice')?.textContent ?? s.textContent,
      remarks: [...s.querySelectorAll('.ct-load__hint')].map((p) => p.textContent),
      clickAt: window.__clickAt,
      wasm: window.__wasm ? window.__wasm.memory.buffer.byteLength / 1e6 : null,
      longtasks: window.__longtasks,
    };
  });
  const ms = done.painted - result.clickAt;
  if (result.role !== 'status' || !/^Added /.test(result.summary)) throw new Error(`the intake ended with: ${result.summary}`);
  const tasks = result.longtasks ? result.longtasks.filter((t) => t.start >= result.clickAt - 1) : null;
  const m = /^Added ([\d,]+) documents?; ([\d,]+) already in the library; ([\d,]+) refused\./.exec(result.summary);
  const n = (s) => Number(s.replace(/,/g, ''));
  return {
    button: label.trim(), records, file_mb: corpus.bytes / 1e6, spans_in_file: corpus.spans,
    ms, records_per_s: records / (ms / 1000),
    longest_task_ms: tasks ? Math.max(0, ...tasks.map((t) => t.duration)) : null,
    tasks_over_100ms: tasks ? tasks.filter((t) => t.duration > 100).length : null,
    long_tasks: tasks ? tasks.length : null,
    wasm_before_mb: wasmBefore, wasm_after_mb: result.wasm,
    summary: result.summary, remarks: result.remarks,
    added: m ? n(m[1]) : null, already: m ? n(m[2]) : null, refused: m ? n(m[3]) : null,
  };
}

/** Closes the "Add to library" dialog through "Show the library" (the Library opens). */
async function showLibrary(page) {
  await page.getByRole('dialog', { name: 'Add to library' }).getByRole('button', { name: 'Show the library' }).click();
  await page.getByRole('dialog', { name: 'Library' }).waitFor();
}

// ---------------------------------------------------------------------------------------------
// The rows.

async function importRow(browser, dir) {
  const errors = [];
  const corpus = writeCorpus(dir, 'import.jsonl', SIZES.import, 11);
  const { context, page } = await freshPage(browser, errors);
  try {
    const result = await intake(page, corpus, SIZES.import.docs);
    return { ...SIZES.import, ...result, errors };
  } finally {
    await context.close();
  }
}

async function libraryRow(browser, dir) {
  const errors = [];
  const { docs } = SIZES.library;
  const corpus = writeCorpus(dir, 'library.jsonl', SIZES.library, 23);
  const { context, page } = await freshPage(browser, errors);
  try {
    const seed = await intake(page, corpus, docs);
    log(`  seeded ${thousands(docs)} documents in ${(seed.ms / 1000).toFixed(1)} s`);
    const query = 'harwick bridge';
    const expected = corpus.titles.filter((t) => query.split(' ').every((w) => t.toLowerCase().includes(w))).length;
    const opens = []; const searches = []; const scrolls = []; const firstRows = [];
    let searchShown = null;
    for (let i = 0; i < REPS; i += 1) {
      await page.reload();
      await page.locator('.ct-app[data-ready="true"]').waitFor({ timeout: 60_000 });
      // Open: click to the first row of the list painted.
      await page.evaluate(() => {
        window.__opened = window.__until(() => {
          const li = document.querySelector('[role="dialog"] [aria-label="Documents"] > li');
          return li && li.getBoundingClientRect().height > 0;
        }, 120_000);
      });
      await page.getByRole('button', { name: 'Library', exact: true }).click();
      const opened = await page.evaluate(() => window.__opened);
      if (!opened) throw new Error('the Library list showed no row within 2 minutes');
      const clickAt = await page.evaluate(() => window.__clickAt);
      opens.push(opened.painted - clickAt);
      // The whole list: the documents added and any the app keeps besides (the sample article).
      const total = Number(await page.locator('[aria-label="Documents"] > li').first().getAttribute('aria-setsize'));
      firstRows.push(total);
      // Search: one input event with the query to the narrowed list painted.
      const box = page.getByRole('searchbox', { name: 'Search titles and sources' });
      const searched = await box.evaluate((input, [q, total]) => {
        const p = window.__until(() => {
          const li = document.querySelector('[role="dialog"] [aria-label="Documents"] > li');
          const empty = document.querySelector('[role="dialog"] .ct-corpus__scroller .ct-sidebar__empty');
          return (li && li.getAttribute('aria-setsize') !== String(total)) || !!empty;
        }, 60_000);
        const t0 = performance.now();
        input.value = q;
        input.dispatchEvent(new InputEvent('input', { bubbles: true, data: q, inputType: 'insertText' }));
        return p.then((r) => r && {
          ms: r.painted - t0,
          shown: Number(document.querySelector('[role="dialog"] [aria-label="Documents"] > li')?.getAttribute('aria-setsize') ?? 0),
        });
      }, [query, total]);
      if (!searched) throw new Error(`searching "${query}" did not change the list within a minute`);
      searches.push(searched.ms);
      searchShown = searched.shown;
      // Clear the search again, then scroll the list to its end: to the last row painted.
      const cleared = await box.evaluate((input, total) => {
        const p = window.__until(() => document.querySelector('[role="dialog"] [aria-label="Documents"] > li')?.getAttribute('aria-setsize') === String(total), 60_000);
        input.value = '';
        input.dispatchEvent(new InputEvent('input', { bubbles: true, data: null, inputType: 'deleteContentBackward' }));
        return p;
      }, total);
      if (!cleared) throw new Error('clearing the search did not bring back the whole list within a minute');
      const scrolled = await page.locator('.ct-corpus__scroller').evaluate((scroller, total) => {
        const p = window.__until(() => !!document.querySelector(`[role="dialog"] [aria-label="Documents"] > li[aria-posinset="${total}"]`), 60_000);
        const t0 = performance.now();
        scroller.scrollTop = scroller.scrollHeight;
        return p.then((r) => r && r.painted - t0);
      }, total);
      if (scrolled == null) throw new Error('scrolling to the bottom never rendered the last row');
      scrolls.push(scrolled);
    }
    return {
      ...SIZES.library, seed, query, search_expected: expected, search_shown: searchShown, setsize_on_open: firstRows,
      open_ms: stat(opens), search_ms: stat(searches), scroll_ms: stat(scrolls), errors,
    };
  } finally {
    await context.close();
  }
}

async function exportRow(browser, dir) {
  const errors = [];
  const corpus = writeCorpus(dir, 'export.jsonl', SIZES.export, 37);
  const { context, page } = await freshPage(browser, errors);
  const cdp = await context.newCDPSession(page);
  try {
    const seed = await intake(page, corpus, SIZES.export.docs);
    log(`  imported ${thousands(SIZES.export.docs)} documents in ${(seed.ms / 1000).toFixed(1)} s`);
    await showLibrary(page);
    const library = page.getByRole('dialog', { name: 'Library' });
    await library.locator('[aria-label="Documents"] > li').first().waitFor({ timeout: 120_000 });
    // Only the documents imported (the library also holds the sample article): the titles all
    // begin "Dispatch", so searching for it narrows the list to them and "The N shown" exports them.
    const search = library.getByRole('searchbox', { name: 'Search titles and sources' });
    await search.fill('dispatch');
    await library.locator(`[aria-label="Documents"] > li[aria-setsize="${SIZES.export.docs}"]`).first().waitFor({ timeout: 60_000 });
    const region = library.getByRole('region', { name: 'Export' });
    const scopes = region.getByRole('combobox', { name: 'Documents to export' });
    await scopes.selectOption('shown');
    const formats = await region.getByRole('combobox', { name: 'Export format' }).locator('option').allTextContents();
    const scope = await region.getByRole('combobox', { name: 'Documents to export' }).locator('option:checked').textContent();
    const rows = [];
    for (const format of formats) {
      log(`  export ${format}…`);
      const row = { format };
      try {
        await region.getByRole('combobox', { name: 'Export format' }).selectOption({ label: format });
        await cdp.send('HeapProfiler.collectGarbage');
        if (!(await scopes.locator('option:checked').textContent()).startsWith('The ')) throw new Error('the "Documents to export" choice went back to all');
        row.heap_before_mb = await page.evaluate(() => performance.memory.usedJSHeapSize / 1e6);
        row.wasm_before_mb = await page.evaluate(() => (window.__wasm ? window.__wasm.memory.buffer.byteLength / 1e6 : null));
        await page.evaluate(() => { window.__heapStart(); window.__longtasks = window.__longtasks && []; });
        // The download, or the panel's alert (a failed export), whichever comes first; the
        // alert is looked for every 500 ms until the download settles (at most LIMIT_MS).
        let settled = false;
        const download = page.waitForEvent('download', { timeout: LIMIT_MS }).finally(() => { settled = true; });
        download.catch(() => {});
        const failure = (async () => {
          while (!settled) {
            await new Promise((r) => setTimeout(r, 500));
            if (!settled && await region.getByRole('alert').count()) {
              throw new Error(`the export failed: ${await region.getByRole('alert').textContent()}`);
            }
          }
          return download;
        })();
        failure.catch(() => {});
        const t0 = Date.now();
        await region.getByRole('button', { name: 'Export', exact: true }).click();
        const file = await Promise.race([download, failure]);
        row.ms = Date.now() - t0;
        const heap = await page.evaluate(() => window.__heapStop());
        const tasks = await page.evaluate(() => window.__longtasks);
        row.longest_task_ms = tasks ? Math.max(0, ...tasks.map((t) => t.duration)) : null;
        row.tasks_over_100ms = tasks ? tasks.filter((t) => t.duration > 100).length : null;
        row.heap_peak_mb = heap.peak / 1e6;
        row.heap_samples = heap.samples;
        row.wasm_after_mb = await page.evaluate(() => (window.__wasm ? window.__wasm.memory.buffer.byteLength / 1e6 : null));
        row.file = file.suggestedFilename();
        const saved = await file.path();
        row.bytes = fs.statSync(saved).size;
        await file.delete();
        const status = region.getByRole('status');
        await status.waitFor({ timeout: 60_000 });
        row.status = (await status.locator('.ct-job__title').textContent()).trim();
        await region.getByRole('button', { name: 'Done' }).click();
        await region.getByRole('button', { name: 'Export', exact: true }).waitFor();
      } catch (error) {
        row.failed = firstLine(error);
        await page.evaluate(() => window.__heapStop()).catch(() => {});
        log(`  export ${format} failed: ${row.failed}`);
        rows.push(row);
        break; // the panel is in an unknown state: the next formats would measure nothing.
      }
      rows.push(row);
    }
    return { ...SIZES.export, seed, scope: scope.trim(), formats: rows, errors };
  } finally {
    await cdp.detach().catch(() => {});
    await context.close();
  }
}

// ---------------------------------------------------------------------------------------------

const started = Date.now();
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'claimtag-corpus-bench-'));
const server = await serve(DIST, PORT);
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--no-sandbox', '--headless', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
    '--no-first-run', '--disable-sync', '--disable-dev-shm-usage', '--enable-precise-memory-info'],
});
const results = { chromium: browser.version(), reps: REPS, sizes: SIZES, heap: 'performance.memory.usedJSHeapSize sampled every 50 ms by a page interval (after a CDP HeapProfiler.collectGarbage); wasm memory and Blobs are not in it' };
const attempt = async (name, label, fn) => {
  if (!ROWS.has(name)) return;
  log(`${label}…`);
  const t0 = Date.now();
  try {
    results[name] = await fn();
  } catch (error) {
    log(`${label} failed: ${firstLine(error)}`);
    results[name] = { failed: firstLine(error) };
  }
  results[name].wall_s = (Date.now() - t0) / 1000;
};
try {
  await attempt('import', `import ${thousands(SIZES.import.docs)} × ${SIZES.import.words} words`, () => importRow(browser, dir));
  await attempt('library', `library of ${thousands(SIZES.library.docs)} × ${SIZES.library.words} words`, () => libraryRow(browser, dir));
  await attempt('export', `export ${thousands(SIZES.export.docs)} × ${SIZES.export.words} words, ${SIZES.export.labels} annotations each`, () => exportRow(browser, dir));
} finally {
  await browser.close();
  server.kill();
  fs.rmSync(dir, { recursive: true, force: true });
}
results.total_s = (Date.now() - started) / 1000;
fs.mkdirSync(OUT, { recursive: true });
fs.writeFileSync(path.join(OUT, 'corpus.json'), JSON.stringify(results, null, 2));

// The table: one row per measure.
const lines = [];
const longest = (r) => {
  if (r.longest_task_ms == null) return 'long tasks not observed (no PerformanceObserver)';
  if (r.longest_task_ms === 0) return 'no task over 50 ms';
  return `longest task ${r.longest_task_ms.toFixed(0)} ms, ${r.tasks_over_100ms} over 100 ms`;
};
const importLine = (what, r) => {
  if (!r) return;
  if (r.failed) { lines.push(`| ${what} | failed: ${r.failed} | | |`); return; }
  lines.push(`| ${what} | ${(r.ms / 1000).toFixed(2)} s | ${thousands(Math.round(r.records_per_s))} records/s; ${longest(r)}; ${r.file_mb.toFixed(1)} MB file; wasm memory ${r.wasm_before_mb?.toFixed(0)} → ${r.wasm_after_mb?.toFixed(0)} MB (before the file is read → after) | ${r.summary}${r.remarks.length ? ` ${r.remarks.join(' ')}` : ''} |`);
};
const w = (s) => thousands(s.words);
if (results.import) importLine(`import ${thousands(SIZES.import.docs)} × ${w(SIZES.import)} words (JSONL, ${SIZES.import.labels} labels each)`, results.import);
if (results.library) {
  const l = results.library;
  if (l.failed) lines.push(`| library of ${thousands(SIZES.library.docs)} | failed: ${l.failed} | | |`);
  else {
    importLine(`import ${thousands(l.docs)} × ${w(l)} words (JSONL, ${l.labels} labels each)`, l.seed);
    lines.push(`| open the Library, ${thousands(l.docs)} documents (click to first row painted, after a reload) | ${fmt(l.open_ms)} ms | ${REPS} runs | list of ${l.setsize_on_open[0]} |`);
    lines.push(`| search titles "${l.query}" (input to list painted) | ${fmt(l.search_ms)} ms | ${REPS} runs | ${l.search_shown} shown (${l.search_expected} titles match) |`);
    lines.push(`| scroll the list to the bottom (to last row painted) | ${fmt(l.scroll_ms)} ms | ${REPS} runs | |`);
  }
}
if (results.export) {
  const e = results.export;
  if (e.failed) lines.push(`| export ${thousands(SIZES.export.docs)} × ${w(SIZES.export)} words | failed: ${e.failed} | | |`);
  else {
    importLine(`import ${thousands(e.docs)} × ${w(e)} words (JSONL, ${e.labels} labels each)`, e.seed);
    for (const f of e.formats) {
      if (f.failed) { lines.push(`| export ${f.format} | failed: ${f.failed} | | |`); continue; }
      lines.push(`| export ${f.format} (${e.scope}) | ${(f.ms / 1000).toFixed(2)} s | peak JS heap ${f.heap_peak_mb.toFixed(0)} MB (${f.heap_before_mb.toFixed(0)} before; wasm memory ${f.wasm_before_mb?.toFixed(0)} → ${f.wasm_after_mb?.toFixed(0)} MB); ${longest(f)}; ${(f.bytes / 1e6).toFixed(1)} MB ${f.file} | ${f.status} |`);
    }
  }
}
console.log(`\nclaimtag corpus benchmark — Chromium ${results.chromium}; ${(results.total_s / 60).toFixed(1)} minutes in all`);
console.log(`JS heap: ${results.heap}\n`);
console.log('| measure | time | details | the app said |');
console.log('|---|---|---|---|');
for (const line of lines) console.log(line);
const errors = ['import', 'library', 'export'].flatMap((k) => (results[k]?.errors ?? []).map((e) => `${k}: ${e}`));
if (errors.length) {
  console.log(`\nconsole errors (${errors.length}):`);
  for (const e of errors.slice(0, 30)) console.log(`  ${e}`);
}
console.log(`\nwritten: ${path.relative(ROOT, path.join(OUT, 'corpus.json'))}`);
