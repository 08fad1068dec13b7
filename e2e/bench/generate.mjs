// Generates news-like claimtag documents for the benchmark: paragraphs of reported speech with
// curly-quoted quotations, figures, some emoji and one right-to-left paragraph, plus a given
// number of annotations (some overlapping), as a valid native .claimtag.json export.
import crypto from 'node:crypto';

const NAMES = ['Ines Dahl', 'Jonas Hallberg', 'Petra Lindqvist', 'Marit Olsen', 'Sanna Okafor', 'Rui Anders'];
const PLACES = ['Vellmark', 'Lindmark', 'Eastbank', 'Harwick', 'the lower Sool'];
const VERBS = ['said', 'told reporters', 'alleged', 'claimed', 'wrote'];
const EMOJI = ['👨🏻‍🚒', '🏳️‍🌈', '📈', '🚢'];

/** A deterministic pseudo-random generator, so every run measures the same documents. */
function rng(seed) {
  let s = seed >>> 0;
  return () => ((s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32);
}

function sentence(r, i) {
  const pick = (list) => list[Math.floor(r() * list.length)];
  const n = Math.floor(r() * 9000) + 100;
  switch (i % 5) {
    case 0: return `“We will not accept ${n} more delays in ${pick(PLACES)},” ${pick(NAMES)} ${pick(VERBS)}.`;
    case 1: return `The council spent €${n},000 on the project in ${2000 + (n % 25)}, according to records seen by the Courier.`;
    case 2: return `${pick(NAMES)} accused officials of hiding a report about ${pick(PLACES)} ${r() < 0.2 ? pick(EMOJI) : ''} for ${n % 12} months.`;
    case 3: return `About ${n} people live beside the river, and ${n % 97}% of them rely on its wells.`;
    default: return `Residents said the signs came too late, and the inquiry will report on ${1 + (n % 28)} March.`;
  }
}

/** A document of about `words` words with `annotations` annotations. */
export function generate(words, annotations, seed = 7) {
  const r = rng(seed + words + annotations);
  const paragraphs = [];
  let count = 0;
  let i = 0;
  while (count < words) {
    if (paragraphs.length === 3) {
      const rtl = 'قال رئيس البلدية إن العبارة عادت بعد تسعة أشهر، وإن الرحلة الأولى حملت مئتي راكب.';
      paragraphs.push(rtl);
      count += rtl.split(' ').length;
      continue;
    }
    const sentences = [];
    for (let k = 0; k < 4; k += 1) sentences.push(sentence(r, i++));
    const p = sentences.join(' ');
    paragraphs.push(p);
    count += p.split(' ').length;
  }
  const text = paragraphs.join('\n\n');
  const cps = [...text];
  let cp = 0;
  const paragraphSpans = paragraphs.map((p) => {
    const span = { start: cp, end: cp + [...p].length, kind: 'body' };
    cp = span.end + 2;
    return span;
  });
  // UTF-16 offset of each code point.
  const utf16 = new Array(cps.length + 1);
  utf16[0] = 0;
  for (let k = 0; k < cps.length; k += 1) utf16[k + 1] = utf16[k] + cps[k].length;
  const labels = ['FACT', 'ALLEGATION', 'QUOTE'];
  const anns = [];
  const seen = new Set();
  for (let k = 0; k < annotations; k += 1) {
    const para = paragraphSpans[Math.floor(r() * paragraphSpans.length)];
    const len = para.end - para.start;
    let start = para.start + Math.floor(r() * Math.max(1, len - 40));
    let end = Math.min(para.end, start + 5 + Math.floor(r() * 60));
    while (start < end && /\s/.test(cps[start])) start += 1;
    while (end > start && /\s/.test(cps[end - 1])) end -= 1;
    const label = labels[k % 3];
    const key = `${start}:${end}:${label}`;
    if (end <= start || seen.has(key)) continue;
    seen.add(key);
    anns.push({
      id: `a${anns.length + 1}`, label, start, end, text: cps.slice(start, end).join(''),
      utf16_start: utf16[start], utf16_end: utf16[end], speaker: '', cue: '', note: '',
    });
  }
  anns.sort((a, b) => a.start - b.start || b.end - a.end);
  const sha = crypto.createHash('sha256').update(text, 'utf8').digest('hex');
  return {
    format: 'claimtag', version: 1, app_version: 'bench', exported_at: '2026-11-28T00:00:00Z',
    offsets: 'unicode-code-points',
    document: {
      id: `doc-${sha.slice(0, 16)}`, text, text_sha256: sha, title: `Benchmark ${words} words, ${annotations} annotations`,
      published: null, published_raw: null, byline: null, source: 'benchmark', site_name: null,
      canonical_url: null, language: null, direction: null, normalization: [], paragraphs: paragraphSpans,
    },
    labels: labels.map((id) => ({ id, definition: id })),
    annotations: anns,
  };
}
