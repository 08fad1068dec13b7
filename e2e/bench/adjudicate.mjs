// Adjudication benchmark for claimtag (`make bench`): serves the release build on 127.0.0.1,
// drives Debian's Chromium headless through the UI a team lead uses — Library → Add
// annotators' files (three doccano files of one 20,000-word article, 1,000 spans each), open
// the document, Adjudicate — and prints key press → repaint for the adjudication keys: Tab
// (next disagreement), Y (accept) and N (reject), each from the keydown to the next painted
// frame after the sidebar's progress changed; also the time to bring the files in and to enter
// Adjudicate mode, and the Agreement view over the library (click to the table painted).
// Not a test: it asserts nothing. Knobs: BENCH_PORT, BENCH_WORDS (20000), BENCH_SPANS (1000),
// BENCH_PRESSES (15), CHROMIUM.
import { serve } from './serve.mjs';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';

const ROOT = path.resolve(import.meta.dirname, '..', '..');
const DIST = path.join(ROOT, 'dist');
const PORT = Number(process.env.BENCH_PORT || 8286);
const BASE = `http://127.0.0.1:${PORT}/`;
const WORDS = Number(process.env.BENCH_WORDS || 20000);
const SPANS = Number(process.env.BENCH_SPANS || 1000);
const PRESSES = Number(process.env.BENCH_PRESSES || 15);

const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; };
const fmt = (all) => { const xs = all.filter((x) => !Number.isNaN(x)); return (xs.length ? `${median(xs).toFixed(1)} (${Math.min(...xs).toFixed(1)}–${Math.max(...xs).toFixed(1)})${xs.length < all.length ? `; ${all.length - xs.length} without change` : ''}` : '–'); };

function rng(seed) {
  let s = seed >>> 0;
  return () => ((s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32);
}

/** A 20,000-word article: a headline line, then paragraphs of sentences of 10 words. */
function article(words) {
  const pick = rng(7);
  const vocab = ['council', 'river', 'report', 'said', 'the', 'water', 'mayor', 'budget', 'ferry', 'Zoë', 'Łukasz', 'percent', 'inquiry', 'on', 'Monday', 'wells'];
  const sentences = [];
  for (let n = 0; n < words / 10; n += 1) {
    const w = Array.from({ length: 10 }, () => vocab[Math.floor(pick() * vocab.length)]);
    w[0] = w[0][0].toUpperCase() + w[0].slice(1);
    sentences.push(`${w.join(' ')}.`);
  }
  const paragraphs = [];
  for (let i = 0; i < sentences.length; i += 5) paragraphs.push(sentences.slice(i, i + 5).join(' '));
  return `River report 🌊 benchmark\n\n${paragraphs.join('\n\n')}`;
}

/** The sentence spans (code points) of `text`, after its headline. */
function sentenceSpans(text) {
  const cps = [...text];
  const spans = [];
  let start = cps.indexOf('\n') + 2;
  for (let i = start; i < cps.length; i += 1) {
    if (cps[i] === '.') { spans.push([start, i + 1]); start = i + 2; while (cps[start] === '\n') start += 1; }
  }
  return spans;
}

/** An annotator's doccano line: `SPANS` sentences, most shared, some shifted, relabelled or their own. */
function layer(text, spans, name, seed) {
  const pick = rng(seed);
  const labels = ['FACT', 'ALLEGATION', 'QUOTE'];
  const chosen = [];
  for (let i = 0; i < SPANS; i += 1) {
    const own = pick() < 0.1;
    const at = own ? Math.floor(pick() * spans.length) : Math.floor((i * spans.length) / SPANS);
    let [s, e] = spans[at];
    if (pick() < 0.1) e -= 2;
    const label = pick() < 0.08 ? labels[Math.floor(pick() * 3)] : labels[at % 3];
    chosen.push([s, e, label]);
  }
  return `${JSON.stringify({ text, annotator: name, label: chosen })}\n`;
}

/** Presses `key` and resolves with ms from keydown to the frame painted after the progress text changes (or `selector` changes). */
async function timedKey(page, key, selector) {
  const before = await page.locator(selector).textContent();
  await page.evaluate(([sel, was]) => {
    window.__t = new Promise((resolve) => {
      document.addEventListener('keydown', () => {
        const t0 = performance.now();
        const check = () => {
          const now = document.querySelector(sel)?.textContent;
          if (now !== was) requestAnimationFrame(() => resolve(performance.now() - t0));
          else if (performance.now() - t0 > 10_000) resolve(NaN); // nothing changed: reported as NaN
          else setTimeout(check, 0);
        };
        setTimeout(check, 0);
      }, { once: true, capture: true });
    });
  }, [selector, before]);
  await page.keyboard.press(key);
  return page.evaluate(() => window.__t);
}

const server = await serve(DIST, PORT);
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--no-sandbox', '--headless', '--disable-gpu', '--disable-background-networking', '--no-first-run', '--disable-dev-shm-usage'],
});
const result = {};
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await page.goto(BASE);
  await page.locator('.ct-app[data-ready="true"]').waitFor();
  const text = article(WORDS);
  const spans = sentenceSpans(text);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'claimtag-adjudicate-'));
  const files = ['ana', 'bo', 'cy'].map((name, i) => {
    const file = path.join(dir, `${name}.jsonl`);
    fs.writeFileSync(file, layer(text, spans, name, 11 + i));
    return file;
  });
  await page.getByRole('button', { name: 'Library', exact: true }).click();
  await page.getByRole('button', { name: "Add annotators' files…" }).click();
  const dialog = page.getByRole('dialog', { name: "Add annotators' files" });
  await dialog.locator('input[aria-label="Annotators\' files"]').setInputFiles(files);
  await dialog.getByRole('button', { name: 'Add layers from 3 files' }).waitFor();
  let t0 = Date.now();
  await dialog.getByRole('button', { name: 'Add layers from 3 files' }).click();
  await dialog.getByRole('status').filter({ hasText: 'Added 3 layers' }).waitFor({ timeout: 120_000 });
  result.add_ms = Date.now() - t0;

  // The Agreement view over the library.
  await dialog.getByRole('button', { name: 'Show agreement' }).click();
  const agreement = page.getByRole('dialog', { name: 'Agreement' });
  t0 = Date.now();
  await agreement.getByRole('radio', { name: 'Whole library' }).check();
  await agreement.getByRole('table', { name: /Pairs of annotators/ }).waitFor({ timeout: 120_000 });
  result.agreement_ms = Date.now() - t0;
  await agreement.getByRole('button', { name: /River report/ }).first().click();
  await page.getByRole('heading', { level: 1, name: /River report/ }).waitFor();

  const layers = page.getByRole('region', { name: 'Layers' });
  t0 = Date.now();
  await layers.getByRole('button', { name: 'Adjudicate' }).click();
  await layers.locator('.ct-adjudicate__progress').waitFor();
  result.enter_ms = Date.now() - t0;
  result.candidates = await page.locator('.ct-candidate').count();
  const progress = '.ct-adjudicate__progress';
  const current = '.ct-candidate--current';
  result.tab = [];
  result.accept = [];
  result.reject = [];
  for (let i = 0; i < PRESSES; i += 1) {
    result.tab.push(await timedKey(page, 'Tab', current));
    result.accept.push(await timedKey(page, 'y', progress));
    result.tab.push(await timedKey(page, 'Tab', current));
    result.reject.push(await timedKey(page, 'n', progress));
  }
  result.progress = await page.locator(progress).textContent();
} finally {
  await browser.close();
  server.kill();
}

console.log(`\nadjudication: one article of ${WORDS.toLocaleString('en-US')} words, 3 annotators × ${SPANS.toLocaleString('en-US')} spans (doccano files), Chromium headless`);
console.log('| step | ms, median (min–max) |');
console.log('|---|---|');
console.log(`| Add annotators' files (3 files) → result shown | ${result.add_ms} |`);
console.log(`| Agreement view, whole library → table painted | ${result.agreement_ms} |`);
console.log(`| Adjudicate → candidates listed (${result.candidates} disagreements in the list) | ${result.enter_ms} |`);
console.log(`| Tab (next disagreement) → repaint | ${fmt(result.tab)} |`);
console.log(`| Y (accept into gold) → repaint | ${fmt(result.accept)} |`);
console.log(`| N (reject) → repaint | ${fmt(result.reject)} |`);
console.log(`(after the presses: ${result.progress})`);
