//! HTML extraction benchmark: runs claimtag's extractor over the Readability test pages
//! (`../shared/corpus/readability-test-pages`, or the folder given as the first argument) and
//! prints the title exact-match rate and the body token F1 against `expected.html`.
//!
//! `make bench-extract` runs it; it is not a test and asserts nothing.

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    native::main();
}

#[cfg(target_arch = "wasm32")]
fn main() {}

#[cfg(not(target_arch = "wasm32"))]
#[path = "../tests/support/html5.rs"]
mod html5;

#[cfg(not(target_arch = "wasm32"))]
mod native {
    use std::collections::HashMap;
    use std::path::{Path, PathBuf};
    use std::time::Instant;

    use claimtag::model::ingest::html::extract_article;

    use super::html5::parse;

    pub fn main() {
        let dir = std::env::args()
            .nth(1)
            .map(PathBuf::from)
            .unwrap_or_else(|| PathBuf::from("../shared/corpus/readability-test-pages"));
        let Ok(entries) = std::fs::read_dir(&dir) else {
            println!("extract_bench: no corpus at {} — skipped", dir.display());
            return;
        };
        let mut pages: Vec<PathBuf> = entries
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.is_dir())
            .collect();
        pages.sort();
        let (mut titles, mut f1s, mut millis, mut failures) =
            (0usize, Vec::new(), Vec::new(), Vec::new());
        for page in &pages {
            let Some((source, expected, expected_title)) = read_page(page) else {
                continue;
            };
            let started = Instant::now();
            let document = parse(&source);
            let article = extract_article(&document, None);
            millis.push(started.elapsed().as_secs_f64() * 1000.0);
            let expected_text = parse(&expected).text();
            let (title, text) = match article {
                Ok(a) => (a.meta.title.clone(), a.text().to_string()),
                Err(_) => (String::new(), String::new()),
            };
            if title.trim() == expected_title.trim() {
                titles += 1;
            }
            let f1 = token_f1(&text, &expected_text);
            if f1 < 0.5 {
                failures.push((
                    page.file_name()
                        .map(|n| n.to_string_lossy().into_owned())
                        .unwrap_or_default(),
                    f1,
                ));
            }
            f1s.push(f1);
        }
        let n = f1s.len();
        if n == 0 {
            println!("extract_bench: no pages read in {}", dir.display());
            return;
        }
        let mean = f1s.iter().sum::<f64>() / n as f64;
        let mut sorted = f1s.clone();
        sorted.sort_by(f64::total_cmp);
        millis.sort_by(f64::total_cmp);
        println!("\nHTML extraction on {} pages ({})", n, dir.display());
        println!("| measure | value |");
        println!("|---|---|");
        println!(
            "| title exact match | {}/{} ({:.1}%) |",
            titles,
            n,
            100.0 * titles as f64 / n as f64
        );
        println!("| body token F1, mean | {mean:.3} |");
        println!("| body token F1, median | {:.3} |", sorted[n / 2]);
        println!("| pages with F1 < 0.5 | {} |", failures.len());
        println!(
            "| extraction time per page, median (ms, native) | {:.2} |",
            millis[n / 2]
        );
        println!(
            "| extraction time per page, max (ms, native) | {:.2} |",
            millis[n - 1]
        );
        for (name, f1) in failures.iter().take(10) {
            println!("  low F1: {name} {f1:.3}");
        }
    }

    fn read_page(page: &Path) -> Option<(String, String, String)> {
        let source = std::fs::read(page.join("source.html")).ok()?;
        let expected = std::fs::read(page.join("expected.html")).ok()?;
        let meta: serde_json::Value =
            serde_json::from_slice(&std::fs::read(page.join("expected-metadata.json")).ok()?)
                .ok()?;
        let title = meta
            .get("title")
            .and_then(|t| t.as_str())
            .unwrap_or_default()
            .to_string();
        Some((
            String::from_utf8_lossy(&source).into_owned(),
            String::from_utf8_lossy(&expected).into_owned(),
            title,
        ))
    }

    /// Token-level F1 of bags of lower-case words.
    fn token_f1(got: &str, expected: &str) -> f64 {
        let bag = |s: &str| {
            let mut map: HashMap<String, usize> = HashMap::new();
            for token in s
                .split(|c: char| !c.is_alphanumeric())
                .filter(|t| !t.is_empty())
            {
                *map.entry(token.to_lowercase()).or_default() += 1;
            }
            map
        };
        let (g, e) = (bag(got), bag(expected));
        let overlap: usize = g
            .iter()
            .map(|(t, n)| (*n).min(*e.get(t).unwrap_or(&0)))
            .sum();
        let (gn, en): (usize, usize) = (g.values().sum(), e.values().sum());
        if gn == 0 || en == 0 || overlap == 0 {
            return if gn == 0 && en == 0 { 1.0 } else { 0.0 };
        }
        let (p, r) = (overlap as f64 / gn as f64, overlap as f64 / en as f64);
        2.0 * p * r / (p + r)
    }
}
