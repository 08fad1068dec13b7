// Could the browser's own Intl.Segmenter replace the segmentation tables in the bundle
// (`make bench`)? The same paragraphs, segmented into words and sentences by the tables the app
// ships (unicode-segmentation, UAX #29, through examples/segment_bounds.rs) and by Chromium's
// Intl.Segmenter (ICU), boundary by boundary: the PolNeAR articles when ../shared/corpus is
// there, and invented paragraphs in other scripts. Prints a table and the first differences;
// not a test, it asserts nothing.
import { chromium } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '..', '..');
const CORPUS = path.join(ROOT, '..', 'shared', 'corpus', 'polnear-dev', 'articles');
const REPS = Number(process.env.BENCH_REPS || 5);
const SHOWN = Number(process.env.BENCH_SHOWN || 4);

/** In the page: every paragraph's word and sentence ends (code points) by Intl.Segmenter, and
 * the time one pass over all paragraphs takes (median of `reps`). */
const SEGMENT = ({ paragraphs, reps }) => {
  const segmenters = new Map();
  const segmenter = (lang, granularity) => {
    const key = `${lang}/${granularity}`;
    if (!segmenters.has(key)) segmenters.set(key, new Intl.Segmenter(lang, { granularity }));
    return segmenters.get(key);
  };
  const ends = (text, lang, granularity) => {
    const out = [];
    let at = 0;
    for (const { segment } of segmenter(lang, granularity).segment(text)) {
      at += [...segment].length;
      out.push(at);
    }
    return out;
  };
  const pass = () => paragraphs.map(({ text, lang }) => ({
    words: ends(text, lang, 'word'), sentences: ends(text, lang, 'sentence'),
  }));
  const result = pass();
  const times = [];
  for (let i = 0; i < reps; i += 1) {
    const started = performance.now();
    pass();
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  return { result, ms: times[Math.floor(times.length / 2)], version: navigator.userAgent };
};

/** The boundaries only one side has, as [offset, side]. */
function differences(tables, icu) {
  const a = new Set(tables);
  const b = new Set(icu);
  return [...tables.filter((x) => !b.has(x)).map((x) => [x, 'tables']),
    ...icu.filter((x) => !a.has(x)).map((x) => [x, 'ICU'])].sort((x, y) => x[0] - y[0]);
}

/** A few words either side of code point `at`, with the boundary shown as ‖. */
function context(text, at) {
  const chars = [...text];
  const before = chars.slice(Math.max(0, at - 24), at).join('');
  const after = chars.slice(at, at + 24).join('');
  return `${before}‖${after}`.replaceAll('\n', ' ');
}

async function main() {
  const args = fs.existsSync(CORPUS) ? [CORPUS] : [];
  if (!args.length) console.log(`(no ${CORPUS}: only the invented paragraphs are compared)`);
  const out = execFileSync('cargo', ['run', '--release', '--locked', '--quiet', '--example', 'segment_bounds', '--', ...args],
    { cwd: ROOT, maxBuffer: 256 * 1024 * 1024, stdio: ['ignore', 'pipe', 'inherit'] });
  const paragraphs = out.toString().trim().split('\n').map((line) => JSON.parse(line));
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: ['--no-sandbox', '--headless', '--disable-gpu', '--disable-dev-shm-usage'],
  });
  let icu;
  try {
    const page = await browser.newPage();
    icu = await page.evaluate(SEGMENT, { paragraphs: paragraphs.map(({ text, lang }) => ({ text, lang })), reps: REPS });
  } finally {
    await browser.close();
  }

  // Rows: the English news, then each invented language.
  const groups = new Map();
  paragraphs.forEach((p, i) => {
    const key = p.source === 'invented' ? `invented (${p.lang})` : 'PolNeAR news (en)';
    if (!groups.has(key)) groups.set(key, []);
    groups.get(key).push(i);
  });
  console.log(`\nsegmentation: the bundle's tables (unicode-segmentation) against Intl.Segmenter (${icu.version.match(/Chrom\w+\/[\d.]+/)?.[0] ?? 'Chromium'})`);
  console.log('| paragraphs | chars | granularity | boundaries (tables) | same | only tables | only ICU | paragraphs identical |');
  console.log('|---|---|---|---|---|---|---|---|');
  const shown = [];
  for (const [name, members] of groups) {
    const chars = members.reduce((n, i) => n + [...paragraphs[i].text].length, 0);
    for (const granularity of ['words', 'sentences']) {
      let total = 0, onlyTables = 0, onlyIcu = 0, identical = 0;
      for (const i of members) {
        const tables = paragraphs[i][granularity];
        const diff = differences(tables, icu.result[i][granularity]);
        total += tables.length;
        onlyTables += diff.filter(([, side]) => side === 'tables').length;
        onlyIcu += diff.filter(([, side]) => side === 'ICU').length;
        if (!diff.length) identical += 1;
        for (const [at, side] of diff) {
          if (shown.filter((s) => s.granularity === granularity && s.name === name).length < SHOWN) {
            shown.push({ name, granularity, side, text: context(paragraphs[i].text, at) });
          }
        }
      }
      const same = total - onlyTables;
      console.log(`| ${name}: ${members.length} | ${chars} | ${granularity} | ${total} | ${same} (${(100 * same / total).toFixed(2)}%) | ${onlyTables} | ${onlyIcu} | ${identical} of ${members.length} |`);
    }
  }
  const nativeMs = paragraphs.reduce((n, p) => n + p.micros, 0) / 1000;
  console.log(`\ntime for all ${paragraphs.length} paragraphs, words and sentences: Intl.Segmenter in the page ${icu.ms.toFixed(1)} ms (median of ${REPS}); the tables natively ${nativeMs.toFixed(1)} ms`);
  console.log('\nfirst differences (‖ marks the boundary only one side has):');
  for (const s of shown) console.log(`  ${s.name}, ${s.granularity}, only ${s.side}: ${s.text}`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
