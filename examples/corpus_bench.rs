//! Corpus export benchmark: 1,000 synthetic documents of about 5,000 words with 50 annotations
//! each (50,000 in all), written through `CorpusWriter` in every format. Prints the time, the
//! output size and the process's peak resident memory while writing (Linux: `VmHWM`, reset
//! before each format through `/proc/self/clear_refs`; it is a high-water mark, and the corpus
//! itself is resident throughout). The output is counted and dropped, as the app hands each
//! piece to a Blob.
//!
//! `cargo run --release --example corpus_bench`

use std::time::Instant;

use claimtag::model::corpus::export::{CorpusFormat, CorpusWriter, ExportDoc, Splits};
use claimtag::model::library::{doc_id, DocInfo};
use claimtag::model::{
    Annotation, AnnotationId, AnnotationSet, Article, Label, Metadata, ParagraphKind, Span,
};

const DOCUMENTS: usize = 1_000;
const WORDS: usize = 5_000;
const ANNOTATIONS: usize = 50;
const WORDS_PER_PARAGRAPH: usize = 100;

const VOCABULARY: &[&str] = &[
    "the",
    "council",
    "said",
    "on",
    "Tuesday",
    "that",
    "12,000",
    "residents",
    "were",
    "affected",
    "by",
    "flooding",
    "according",
    "to",
    "officials",
    "in",
    "Zürich",
    "and",
    "北京",
    "who",
    "alleged",
    "a",
    "cover-up",
    "“we",
    "acted",
    "quickly,”",
    "mayor",
    "Ana",
    "Ruiz",
    "told",
    "reporters",
    "🙂",
    "naïve",
    "claims",
    "of",
    "€4.5m",
    "spent",
    "👨🏻‍🚒",
    "crews",
    "Москва",
    "reportedly",
    "denied",
    "it",
    "with",
    "figures",
    "showing",
    "61%",
    "support",
    "café",
    "—",
];

/// A small deterministic generator (64-bit LCG).
struct Lcg(u64);

impl Lcg {
    fn next(&mut self, below: usize) -> usize {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        ((self.0 >> 33) % below as u64) as usize
    }
}

struct Doc {
    info: DocInfo,
    article: Article,
    annotations: AnnotationSet,
}

fn document(n: usize, rng: &mut Lcg) -> Doc {
    // Word boundaries in code points, as the paragraphs will be joined ("\n\n").
    let mut paragraphs = Vec::new();
    let mut words = Vec::with_capacity(WORDS);
    let mut cp = 0;
    for p in 0..WORDS / WORDS_PER_PARAGRAPH {
        if p > 0 {
            cp += 2;
        }
        let mut text = String::new();
        if p == 0 {
            text.push_str(&format!("Report {n}:"));
            cp += text.chars().count();
        }
        for _ in 0..WORDS_PER_PARAGRAPH {
            let word = VOCABULARY[rng.next(VOCABULARY.len())];
            if !text.is_empty() {
                text.push(' ');
                cp += 1;
            }
            let len = word.chars().count();
            words.push((cp, cp + len));
            text.push_str(word);
            cp += len;
        }
        paragraphs.push(text);
    }
    let article = Article::from_paragraphs(
        paragraphs.iter().map(|p| (p.as_str(), ParagraphKind::Body)),
        Metadata {
            title: format!("Flooding report {n} — Zürich 🙂"),
            source: Some(format!("https://example.org/news/{n}")),
            ..Metadata::default()
        },
    );
    let annotations = (0..ANNOTATIONS)
        .map(|i| {
            let first = rng.next(words.len() - 30);
            let last = first + 2 + rng.next(25);
            let mut a = Annotation::new(
                AnnotationId(i as u32 + 1),
                Label::ALL[i % 3],
                Span::new(words[first].0, words[last].1),
            );
            if i % 4 == 0 {
                a.speaker = "Ana Ruiz".into();
                a.cue = "said".into();
            }
            a.annotator = ["ilse", "jonas"][i % 2].into();
            a
        })
        .collect();
    Doc {
        info: DocInfo {
            id: doc_id(&article),
            ..DocInfo::default()
        },
        article,
        annotations: AnnotationSet::from_annotations(annotations),
    }
}

/// A field of `/proc/self/status` in MB (Linux only).
fn status_mb(field: &str) -> Option<f64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with(field))?;
    let kb: f64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb / 1024.0)
}

fn main() {
    let started = Instant::now();
    let mut rng = Lcg(2026);
    let docs: Vec<Doc> = (0..DOCUMENTS).map(|n| document(n, &mut rng)).collect();
    let words: usize = docs
        .iter()
        .map(|d| d.article.text().split(' ').count())
        .sum();
    let annotations: usize = docs.iter().map(|d| d.annotations.len()).sum();
    let text_mb: f64 = docs.iter().map(|d| d.article.text().len()).sum::<usize>() as f64 / 1e6;
    println!(
        "corpus: {DOCUMENTS} documents, {words} words, {annotations} annotations, {text_mb:.1} MB of text (built in {:.1} s)",
        started.elapsed().as_secs_f64()
    );
    let resident = status_mb("VmRSS:").unwrap_or(0.0);
    println!("resident before writing: {resident:.0} MB\n");
    println!("| format | write all (ms) | per document (ms) | output (MB) | peak RSS while writing (MB) | above the corpus (MB) |");
    println!("|---|---:|---:|---:|---:|---:|");
    for format in CorpusFormat::ALL {
        // Resets VmHWM to the current RSS (Linux ≥ 4.0); ignored elsewhere.
        let reset = std::fs::write("/proc/self/clear_refs", "5").is_ok();
        let before = status_mb("VmRSS:").unwrap_or(0.0);
        let start = Instant::now();
        let mut writer = CorpusWriter::new(
            format,
            Splits::default(),
            "Bench corpus",
            "2026-11-28T00:00:00Z",
        );
        let mut bytes = 0usize;
        for d in &docs {
            let piece = writer.write(ExportDoc {
                info: &d.info,
                article: &d.article,
                annotations: &d.annotations,
            });
            match piece {
                Ok(piece) => bytes += piece.len(),
                Err(e) => {
                    eprintln!("{format:?}: {e}");
                    return;
                }
            }
        }
        match writer.finish() {
            Ok(end) => bytes += end.len(),
            Err(e) => {
                eprintln!("{format:?}: {e}");
                return;
            }
        }
        let ms = start.elapsed().as_secs_f64() * 1000.0;
        let peak = status_mb("VmHWM:").filter(|_| reset);
        let (peak, above) = match peak {
            Some(p) => (format!("{p:.0}"), format!("{:.0}", p - before)),
            None => ("n/a".into(), "n/a".into()),
        };
        println!(
            "| {} | {ms:.0} | {:.2} | {:.1} | {peak} | {above} |",
            format.name(),
            ms / DOCUMENTS as f64,
            bytes as f64 / 1e6
        );
    }
}
