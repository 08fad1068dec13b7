// Team sync benchmark for claimtag (`make bench`): a pouchdb-server (npm, in memory) on
// 127.0.0.1 and the release build, driven in Debian's Chromium with Playwright. Prints a table
// (and writes e2e/bench/results/sync.json):
//   1. first sync of a team database of 1,000 documents of ~5,000 words with 3 annotators'
//      layers each (20 annotations per layer) into an empty browser: from Connect to every
//      document in the library, with the longest task and the tasks over 100 ms meanwhile;
//   2. the time from an annotation made in browser A to its repaint in browser B, which has
//      the same document open (median and range over BENCH_REPS edits).
// Not a test: it asserts nothing, but reports a step that never ends.
//
// Knobs: BENCH_SYNC_DOCS (1000), BENCH_SYNC_WORDS (5000), BENCH_REPS (5), BENCH_PORT (8285),
// BENCH_COUCH_PORT (5992), CHROMIUM.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { generate } from './generate.mjs';

const ROOT = path.resolve(import.meta.dirname, '..', '..');
const DIST = path.join(ROOT, 'dist');
const OUT = path.join(import.meta.dirname, 'results');
const num = (name, fallback) => Number(process.env[name] || fallback);
const PORT = num('BENCH_PORT', 8285);
const COUCH_PORT = num('BENCH_COUCH_PORT', 5992);
const COUCH = `http://127.0.0.1:${COUCH_PORT}`;
const DOCS = num('BENCH_SYNC_DOCS', 1000);
const WORDS = num('BENCH_SYNC_WORDS', 5000);
const REPS = num('BENCH_REPS', 5);
const LAYERS = ['ana', 'bo', 'cy'];
const log = (line) => process.stderr.write(`sync bench: ${line}\n`);
const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; };

async function until(check, ms, what) {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (await check().catch(() => false)) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${what} did not happen within ${ms / 1000} s`);
}

async function couch(pathname, method = 'GET', body) {
  const response = await fetch(`${COUCH}${pathname}`, {
    method, headers: { 'content-type': 'application/json' }, body: body && JSON.stringify(body),
  });
  return response.json();
}

function start(command, args) {
  return spawn(command, args, { stdio: 'ignore', cwd: OUT });
}

/** The team documents of one generated article: its text and three layers. */
function teamDocs(i) {
  const doc = generate(WORDS + (i % 7), 60, i);
  const id = doc.document.id;
  const body = {
    _id: `doc:${id}`, type: 'doc', text: doc.document.text, paragraphs: doc.document.paragraphs,
    meta: { title: `Article ${i + 1}`, source: 'benchmark' }, normalization: [], set_aside: [],
  };
  const layers = LAYERS.map((annotator, k) => ({
    _id: `layer:${id}:${annotator}`, type: 'layer', doc: id, annotator, status: 'done',
    annotations: doc.annotations.filter((_, j) => j % 3 === k).map((a, j) => ({
      id: j + 1, label: a.label, span: { start: a.start, end: a.end }, speaker: '', cue: '', note: '', annotator,
    })),
  }));
  return [body, ...layers];
}

async function seed(db) {
  await couch(`/${db}`, 'PUT');
  for (let i = 0; i < DOCS; i += 50) {
    const docs = [];
    for (let k = i; k < Math.min(DOCS, i + 50); k += 1) docs.push(...teamDocs(k));
    await couch(`/${db}/_bulk_docs`, 'POST', { docs });
  }
}

async function connect(page, db, name) {
  await page.locator('.ct-team').click();
  const dialog = page.getByRole('dialog', { name: 'Team database' });
  await dialog.getByRole('textbox', { name: 'Database URL' }).fill(`${COUCH}/${db}`);
  await dialog.getByRole('textbox', { name: 'Name' }).fill(name);
  await dialog.getByLabel('Password').fill(`${name}-pw`);
  const started = Date.now();
  await dialog.getByRole('button', { name: 'Connect' }).click();
  return { dialog, started };
}

async function openApp(browser) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.addInitScript(() => {
    window.__longTasks = [];
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) window.__longTasks.push(entry.duration);
    }).observe({ type: 'longtask', buffered: true });
  });
  await page.goto(`http://127.0.0.1:${PORT}/`);
  await page.locator('.ct-app[data-ready="true"]').waitFor({ timeout: 30_000 });
  await page.locator('.ct-save', { hasText: 'Saved' }).waitFor();
  return { context, page };
}

async function main() {
  fs.mkdirSync(OUT, { recursive: true });
  const servers = [
    start('python3', ['-m', 'http.server', String(PORT), '--bind', '127.0.0.1', '--directory', DIST]),
    start(process.execPath, [path.join(ROOT, 'e2e', 'node_modules', 'pouchdb-server', 'bin', 'pouchdb-server'),
      '--port', String(COUCH_PORT), '--host', '127.0.0.1', '--in-memory', '--no-stdout-logs']),
  ];
  const rows = [];
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: ['--no-sandbox', '--headless', '--disable-gpu', '--disable-dev-shm-usage'],
  });
  try {
    await until(async () => (await fetch(`${COUCH}/`)).ok && (await fetch(`http://127.0.0.1:${PORT}/`)).ok, 30_000, 'the servers starting');
    for (const name of ['alice', 'bob']) {
      await couch(`/_users/org.couchdb.user:${name}`, 'PUT', { name, password: `${name}-pw`, roles: [], type: 'user' });
    }

    // 1. First sync of a large team database.
    log(`seeding ${DOCS} documents × ${LAYERS.length} layers`);
    await seed('big');
    const { context, page } = await openApp(browser);
    const { started } = await connect(page, 'big', 'alice');
    try {
      await until(async () => (await page.locator('.ct-team').textContent()) === 'Team: synced', 30 * 60_000, 'the first sync');
      const ms = Date.now() - started;
      const tasks = await page.evaluate(() => window.__longTasks);
      const count = await page.evaluate(async () => {
        const db = await new Promise((resolve, reject) => {
          const request = indexedDB.open('claimtag');
          request.onsuccess = () => resolve(request.result);
          request.onerror = () => reject(request.error);
        });
        return new Promise((resolve) => {
          const request = db.transaction('summaries').objectStore('summaries').count();
          request.onsuccess = () => resolve(request.result);
        });
      });
      rows.push({
        step: `first sync: ${DOCS} docs × ${WORDS} words × ${LAYERS.length} layers`,
        ms, per_second: (DOCS / (ms / 1000)).toFixed(1), library: count,
        longest_task_ms: Math.round(Math.max(0, ...tasks)), tasks_over_100ms: tasks.filter((t) => t > 100).length,
      });
    } catch (error) {
      rows.push({ step: 'first sync', error: String(error.message).split('\n')[0] });
    }
    await context.close();

    // 2. Edit in A → repaint in B.
    await couch('/small', 'PUT');
    const a = await openApp(browser);
    const b = await openApp(browser);
    for (const [who, name] of [[a, 'alice'], [b, 'bob']]) {
      const { dialog } = await connect(who.page, 'small', name);
      await until(async () => (await who.page.locator('.ct-team').textContent()) === 'Team: synced', 60_000, `${name} connecting`);
      await dialog.getByRole('button', { name: 'Close' }).click();
    }
    // B opens the sample article that A has open too, once A's copy has reached B.
    await a.page.keyboard.press('ArrowDown');
    await a.page.keyboard.press('f');
    const layerChip = b.page.getByRole('region', { name: 'Layers' });
    await until(async () => (await layerChip.textContent()).includes('alice'), 60_000, 'alice\'s layer reaching bob');
    const sentences = await a.page.evaluate(() => document.querySelectorAll('article p').length);
    const delays = [];
    for (let rep = 0; rep < REPS; rep += 1) {
      const before = await layerChip.textContent();
      await a.page.keyboard.press('ArrowDown');
      const t0 = Date.now();
      await a.page.keyboard.press('a');
      await b.page.waitForFunction((text) => document.querySelector('[aria-label="Layers"]')?.textContent !== text, before, { polling: 'raf', timeout: 60_000 });
      delays.push(Date.now() - t0);
    }
    rows.push({ step: `edit in A → repaint in B (${REPS} edits, ${sentences} paragraphs)`, ms: median(delays), min: Math.min(...delays), max: Math.max(...delays) });
    await a.context.close();
    await b.context.close();
  } finally {
    await browser.close();
    for (const server of servers) server.kill();
  }
  fs.writeFileSync(path.join(OUT, 'sync.json'), JSON.stringify(rows, null, 2));
  console.log('\nteam sync (pouchdb-server on 127.0.0.1, release build, headless Chromium)');
  console.log(`${'step'.padEnd(64)} ${'ms'.padStart(9)}  details`);
  for (const row of rows) {
    const { step, ms, error, ...rest } = row;
    const details = error ?? Object.entries(rest).map(([k, v]) => `${k} ${v}`).join(' · ');
    console.log(`${step.padEnd(64)} ${String(ms ?? '–').padStart(9)}  ${details}`);
  }
}

await main();
