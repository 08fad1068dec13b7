//! Suggester benchmark: precision and recall per label (exact and overlapping spans) and for
//! speakers on the gold sets in this folder (`suggest_gold.txt`, the development set, and
//! `suggest_heldout.txt`, written after the rules were frozen), then the time to suggest for a
//! 100,000-word document built from those passages; and, when `../shared/corpus/polnear-dev`
//! is there, the real-news figures ([`polnear`]). `--per-article` lists every missed quote,
//! false alarm and wrong speaker on the real news.
//!
//! `make bench` runs it; it is not a test and asserts nothing.

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    native::main();
}

#[cfg(target_arch = "wasm32")]
fn main() {}

#[cfg(not(target_arch = "wasm32"))]
#[path = "suggest_bench_support/polnear.rs"]
mod polnear;

#[cfg(not(target_arch = "wasm32"))]
mod native {
    use std::path::Path;
    use std::time::Instant;

    use claimtag::model::segment::sentences;
    use claimtag::model::suggest::score::{parse_gold, score, Passage};
    use claimtag::model::suggest::suggest;
    use claimtag::model::{Article, Metadata, ParagraphKind};

    const SETS: [(&str, &str); 2] = [
        ("development set", include_str!("suggest_gold.txt")),
        ("held-out set", include_str!("suggest_heldout.txt")),
    ];

    /// Words in the timed document.
    const WORDS: usize = 100_000;
    /// Timed runs; the median is reported.
    const RUNS: usize = 7;

    pub fn main() {
        let mut all: Vec<Passage> = Vec::new();
        for (name, source) in SETS {
            let passages = match parse_gold(source) {
                Ok(passages) => passages,
                Err(e) => {
                    println!("suggest_bench: {name} does not read: {e}");
                    return;
                }
            };
            let report = score(&passages, |a| suggest(a, &sentences(a)));
            println!("\nSuggestions, {name} ({} passages)\n", passages.len());
            println!("{}", report.table());
            all.extend(passages);
        }
        time_long_document(&all);
        let detail = std::env::args().any(|a| a == "--per-article");
        crate::polnear::run(
            Path::new("../shared/corpus/polnear-dev"),
            Path::new("target/polnear-export"),
            detail,
        );
    }

    fn time_long_document(passages: &[Passage]) {
        let mut paragraphs: Vec<&str> = Vec::new();
        let mut words = 0;
        'fill: loop {
            for passage in passages {
                for p in passage.article.paragraphs() {
                    let text = passage.article.slice(p.span).unwrap_or_default();
                    paragraphs.push(text);
                    words += text.split_whitespace().count();
                    if words >= WORDS {
                        break 'fill;
                    }
                }
            }
        }
        let article = Article::from_paragraphs(
            paragraphs.iter().map(|p| (*p, ParagraphKind::Body)),
            Metadata::default(),
        );
        let sentences = sentences(&article);
        let mut times = Vec::new();
        let mut found = 0;
        for _ in 0..RUNS {
            let started = Instant::now();
            found = suggest(&article, &sentences).len();
            times.push(started.elapsed().as_secs_f64() * 1000.0);
        }
        times.sort_by(f64::total_cmp);
        println!(
            "Suggesting for {words} words ({} paragraphs, native release build): median {:.1} ms, worst {:.1} ms, {found} suggestions",
            paragraphs.len(),
            times[RUNS / 2],
            times[RUNS - 1]
        );
    }
}
