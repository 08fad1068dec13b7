//! trafilatura's evaluation corpus: must/must-not snippet precision, recall, accuracy and F1,
//! for claimtag and, when its extractions were saved beforehand
//! (`scripts/trafilatura-baseline.sh`), for trafilatura itself on the same pages.

use std::io::Read;
use std::path::Path;

use claimtag::model::ingest::encoding::sniff;
use claimtag::model::ingest::html::extract_article;
use serde_json::Value;

use super::html5::parse;
use super::metrics::{normalise, Counts};

/// One page of the corpus.
struct Page {
    file: String,
    with: Vec<String>,
    without: Vec<String>,
}

/// Runs the extractor over the corpus in `dir` (and scores the saved trafilatura extractions in
/// `compare`, if any) and prints the table; says so and returns when the corpus is absent.
/// With `dump`, claimtag's extractions are also written there as `<page>.txt`.
pub fn run(dir: &Path, compare: Option<&Path>, dump: Option<&Path>) {
    let Some(pages) = read_index(dir) else {
        println!(
            "extract_bench: no trafilatura corpus at {} — skipped",
            dir.display()
        );
        return;
    };
    let mut body = Counts::default();
    let mut titled = Counts::default();
    let mut theirs = Counts::default();
    let mut their_pages = 0usize;
    let mut refused = Vec::new();
    let mut worst: Vec<(usize, String, Counts, Option<String>)> = Vec::new();
    for page in &pages {
        let (title, text) = match read_html(&dir.join("html").join(&page.file)) {
            Some(html) => match extract_article(&parse(&html), None) {
                Ok(a) => (a.meta.title.clone(), a.text().to_string()),
                Err(_) => {
                    refused.push(page.file.clone());
                    (String::new(), String::new())
                }
            },
            None => {
                refused.push(format!("{} (unreadable)", page.file));
                (String::new(), String::new())
            }
        };
        if let Some(dump) = dump {
            let saved = dump
                .join(page.file.trim_end_matches(".gz"))
                .with_extension("txt");
            if std::fs::create_dir_all(dump)
                .and_then(|()| std::fs::write(saved, &text))
                .is_err()
            {
                println!("extract_bench: could not write into {}", dump.display());
            }
        }
        let text = normalise(&text);
        let counts = Counts::of_page(&text, &page.with, &page.without);
        body.add(counts);
        titled.add(Counts::of_page(
            &normalise(&format!("{title} {text}")),
            &page.with,
            &page.without,
        ));
        let missing = page
            .with
            .iter()
            .find(|s| !text.contains(normalise(s).as_str()))
            .or_else(|| {
                page.without
                    .iter()
                    .find(|s| text.contains(normalise(s).as_str()))
            })
            .cloned();
        worst.push((counts.errors(), page.file.clone(), counts, missing));
        if let Some(compare) = compare {
            let saved = compare
                .join(page.file.trim_end_matches(".gz"))
                .with_extension("txt");
            if let Ok(their_text) = std::fs::read_to_string(saved) {
                their_pages += 1;
                theirs.add(Counts::of_page(
                    &normalise(&their_text),
                    &page.with,
                    &page.without,
                ));
            } else {
                theirs.add(Counts::of_page("", &page.with, &page.without));
            }
        }
    }
    println!(
        "\nHTML extraction on {} pages of trafilatura's evaluation corpus ({})",
        pages.len(),
        dir.display()
    );
    println!("| extractor | precision | recall | accuracy | F1 | TP | FN | FP | TN |");
    println!("|---|---|---|---|---|---|---|---|---|");
    row("claimtag (body)", &body);
    row("claimtag (title + body)", &titled);
    match compare {
        Some(_) if their_pages > 0 => row(
            &format!("trafilatura (saved output of {their_pages} pages)"),
            &theirs,
        ),
        Some(c) => println!(
            "| trafilatura: no saved output in {} | | | | | | | | |",
            c.display()
        ),
        None => {}
    }
    println!("pages refused (no article found): {}", refused.len());
    for file in &refused {
        println!("  refused: {file}");
    }
    worst.sort_by(|a, b| b.0.cmp(&a.0).then_with(|| a.1.cmp(&b.1)));
    for (errors, file, c, example) in worst.iter().take(12).filter(|w| w.0 > 0) {
        println!(
            "  worst: {file}: {errors} wrong (with {}/{}, without found {}/{}) e.g. {:?}",
            c.tp,
            c.tp + c.fn_,
            c.fp,
            c.fp + c.tn,
            example
                .as_deref()
                .map(|e| e.chars().take(60).collect::<String>())
        );
    }
}

fn row(name: &str, c: &Counts) {
    let (p, r, a, f1) = c.scores();
    println!(
        "| {name} | {p:.3} | {r:.3} | {a:.3} | {f1:.3} | {} | {} | {} | {} |",
        c.tp, c.fn_, c.fp, c.tn
    );
}

/// The pages listed in `evaldata.json`, in file order.
fn read_index(dir: &Path) -> Option<Vec<Page>> {
    let index: Value =
        serde_json::from_slice(&std::fs::read(dir.join("evaldata.json")).ok()?).ok()?;
    let strings = |v: Option<&Value>| -> Vec<String> {
        v.and_then(Value::as_array)
            .map(|a| {
                a.iter()
                    .filter_map(Value::as_str)
                    .map(str::to_string)
                    .collect()
            })
            .unwrap_or_default()
    };
    let mut pages: Vec<Page> = index
        .as_object()?
        .values()
        .filter_map(|entry| {
            Some(Page {
                file: entry.get("file")?.as_str()?.to_string(),
                with: strings(entry.get("with")),
                without: strings(entry.get("without")),
            })
        })
        .collect();
    pages.sort_by(|a, b| a.file.cmp(&b.file));
    Some(pages)
}

/// A gzipped page decoded as the app does: claimtag's sniffing picks the encoding (BOM,
/// `<meta charset>`, UTF-8, windows-1252), encoding_rs stands in for the browser's TextDecoder.
fn read_html(path: &Path) -> Option<String> {
    let mut bytes = Vec::new();
    flate2::read::GzDecoder::new(std::fs::File::open(path).ok()?)
        .read_to_end(&mut bytes)
        .ok()?;
    let label = sniff(&bytes, true).label;
    let encoding =
        encoding_rs::Encoding::for_label(label.as_bytes()).unwrap_or(encoding_rs::WINDOWS_1252);
    let (text, _, _) = encoding.decode(&bytes);
    Some(text.into_owned())
}
