//! The Readability test pages: title exact match and body token F1 against `expected.html`.

use std::path::{Path, PathBuf};
use std::time::Instant;

use claimtag::model::ingest::html::extract_article;

use super::html5::parse;
use super::metrics::token_f1;

/// Runs the extractor over every page folder in `dir` and prints the table; says so and
/// returns when the folder is absent.
pub fn run(dir: &Path) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        println!("extract_bench: no corpus at {} — skipped", dir.display());
        return;
    };
    let mut pages: Vec<PathBuf> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.is_dir())
        .collect();
    pages.sort();
    let (mut titles, mut refused, mut f1s, mut millis) = (0usize, 0usize, Vec::new(), Vec::new());
    let mut wrong_titles = Vec::new();
    let mut site_removed = 0usize;
    for page in &pages {
        let Some((source, expected, expected_title)) = read_page(page) else {
            continue;
        };
        let name = page
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let started = Instant::now();
        let document = parse(&source);
        let article = extract_article(&document, None);
        millis.push(started.elapsed().as_secs_f64() * 1000.0);
        let expected_text = parse(&expected).text();
        let (title, text) = match article {
            Ok(a) => (a.meta.title.clone(), a.text().to_string()),
            Err(_) => {
                refused += 1;
                (String::new(), String::new())
            }
        };
        if title.trim() == expected_title.trim() {
            titles += 1;
        } else if site_name_removed(title.trim(), expected_title.trim()) {
            site_removed += 1;
            wrong_titles.push((name.clone(), title, expected_title));
        } else {
            wrong_titles.push((name.clone(), title, expected_title));
        }
        f1s.push((token_f1(&text, &expected_text), name));
    }
    let n = f1s.len();
    if n == 0 {
        println!("extract_bench: no pages read in {}", dir.display());
        return;
    }
    let mean = f1s.iter().map(|(f, _)| f).sum::<f64>() / n as f64;
    f1s.sort_by(|a, b| a.0.total_cmp(&b.0));
    millis.sort_by(f64::total_cmp);
    println!(
        "\nHTML extraction on {} Readability test pages ({})",
        n,
        dir.display()
    );
    println!("| measure | value |");
    println!("|---|---|");
    println!(
        "| title exact match | {}/{} ({:.1}%) |",
        titles,
        n,
        100.0 * titles as f64 / n as f64
    );
    println!(
        "| title exact match or only a site/section name removed | {}/{} ({:.1}%) |",
        titles + site_removed,
        n,
        100.0 * (titles + site_removed) as f64 / n as f64
    );
    println!("| body token F1, mean | {mean:.3} |");
    println!("| body token F1, median | {:.3} |", f1s[n / 2].0);
    println!("| body token F1, min | {:.3} |", f1s[0].0);
    println!(
        "| pages with F1 < 0.5 | {} |",
        f1s.iter().filter(|(f, _)| *f < 0.5).count()
    );
    println!("| pages refused (no article found) | {refused} |");
    println!(
        "| extraction time per page, median (ms, native) | {:.2} |",
        millis[n / 2]
    );
    println!(
        "| extraction time per page, max (ms, native) | {:.2} |",
        millis[n - 1]
    );
    for (f1, name) in f1s.iter().take(10) {
        println!("  lowest F1: {name} {f1:.3}");
    }
    for (name, got, expected) in wrong_titles.iter().take(20) {
        println!("  title differs: {name}: {got:?} (expected {expected:?})");
    }
}

fn read_page(page: &Path) -> Option<(String, String, String)> {
    let source = std::fs::read(page.join("source.html")).ok()?;
    let expected = std::fs::read(page.join("expected.html")).ok()?;
    let meta: serde_json::Value =
        serde_json::from_slice(&std::fs::read(page.join("expected-metadata.json")).ok()?).ok()?;
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

/// `expected` is `got` followed by a separator and more (`Headline - Site`, `Headline_Site`):
/// claimtag removed a part that Readability keeps.
fn site_name_removed(got: &str, expected: &str) -> bool {
    !got.is_empty()
        && expected.strip_prefix(got).is_some_and(|rest| {
            rest.trim_start()
                .starts_with(['|', '-', '–', '—', '·', '_', '/', '»', ':'])
        })
}
