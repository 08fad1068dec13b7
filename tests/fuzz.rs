//! Fuzzing the parsers that take outside input — plain-text clean-up, HTML extraction, every
//! import format, corpus files, the selection mapping, anchoring and the suggester — with proptest, for a
//! fixed time per target: `FUZZ_SECONDS` (default 1 in `make test`; `make fuzz` gives each
//! target a minute). A failure prints the shrunk input; crashes found become regression tests
//! in the module that failed. Plus the size limits: 100,000 annotations, deep nesting.
#![cfg(not(target_arch = "wasm32"))]

#[path = "support/html5.rs"]
mod html5;

use std::time::{Duration, Instant};

use proptest::prelude::*;
use proptest::test_runner::{Config, TestCaseError, TestRunner};
use serde_json::{json, Value};

use claimtag::model::corpus::intake::{preview, Intake, Mapping};
use claimtag::model::format::anchor::{anchor, Candidate};
use claimtag::model::format::foreign::read_foreign;
use claimtag::model::format::jsonl::import_corpus;
use claimtag::model::format::native::{export_json, import};
use claimtag::model::ingest::clean_plain_text;
use claimtag::model::ingest::html::extract_article;
use claimtag::model::segment::sentences;
use claimtag::model::suggest::suggest;
use claimtag::model::{Annotation, AnnotationId, AnnotationSet, Article, Label, Span, TextIndex};

/// Runs `test` on inputs from `strategy` until this target's time is up; returns the count.
fn fuzz<S: Strategy>(name: &str, strategy: S, test: impl Fn(S::Value) -> Result<(), TestCaseError>)
where
    S::Value: std::fmt::Debug,
{
    let seconds: f64 = std::env::var("FUZZ_SECONDS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(1.0);
    let budget = Duration::from_secs_f64(seconds);
    let started = Instant::now();
    let mut cases: u64 = 0;
    while cases == 0 || started.elapsed() < budget {
        // A fresh runner (and seed) per round: a runner counts its cases once.
        let mut runner = TestRunner::new(Config {
            cases: 64,
            failure_persistence: None,
            ..Config::default()
        });
        if let Err(failure) = runner.run(&strategy, &test) {
            panic!("fuzz target {name} failed: {failure}");
        }
        cases += 64;
    }
    println!(
        "fuzz {name}: {cases} cases in {:.1} s",
        started.elapsed().as_secs_f64()
    );
}

/// Text that looks like news copy gone wrong: quotes of every kind, apostrophes, emoji, line
/// ends, bidi controls, reporting verbs and figures, and any character at all.
fn newsy() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("“".to_string()),
        Just("”".to_string()),
        Just("‘".to_string()),
        Just("’".to_string()),
        Just("\"".to_string()),
        Just("'".to_string()),
        Just("«".to_string()),
        Just("»".to_string()),
        Just("„".to_string()),
        Just("「".to_string()),
        Just("』".to_string()),
        Just("\r\n".to_string()),
        Just("\n\n".to_string()),
        Just("\n".to_string()),
        Just("👨🏻‍🚒".to_string()),
        Just("\u{202E}".to_string()),
        Just("\u{200B}".to_string()),
        Just(" said ".to_string()),
        Just(" according to ".to_string()),
        Just(", she said. ".to_string()),
        Just("Mr. ".to_string()),
        Just(" 12% ".to_string()),
        Just(" $4 million ".to_string()),
        Just("By Jane Doe".to_string()),
        "[A-Za-z ]{0,12}".prop_map(|s| s),
        any::<char>().prop_map(String::from),
    ];
    prop::collection::vec(piece, 0..80).prop_map(|v| v.concat())
}

/// Tag soup: real and broken tags, attributes, entities, text.
fn soup() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("<p>".to_string()),
        Just("</p>".to_string()),
        Just("<div class=\"content\">".to_string()),
        Just("</div>".to_string()),
        Just("<article>".to_string()),
        Just("<h1>".to_string()),
        Just("</h1>".to_string()),
        Just("<script>x()</script>".to_string()),
        Just("<img src=x onerror=alert(1)>".to_string()),
        Just("<meta property=\"og:title\" content=\"T\">".to_string()),
        Just("<time datetime=\"2024-01-04\">".to_string()),
        Just("<br>".to_string()),
        Just("<b><i>".to_string()),
        Just("&amp;&lt;&#x1F600;&bogus;".to_string()),
        Just("<table><tr><td>".to_string()),
        Just("<!--".to_string()),
        Just("<nav>Home</nav>".to_string()),
        newsy(),
    ];
    prop::collection::vec(piece, 0..60).prop_map(|v| v.concat())
}

/// Any JSON, with keys the importers look for, nested a few levels.
fn json_value() -> impl Strategy<Value = Value> {
    let key = prop_oneof![
        Just("text"),
        Just("label"),
        Just("labels"),
        Just("annotations"),
        Just("document"),
        Just("start"),
        Just("end"),
        Just("format"),
        Just("version"),
        Just("offsets"),
        Just("paragraphs"),
        Just("result"),
        Just("value"),
        Just("data"),
        Just("target"),
        Just("selector"),
        Just("exact"),
        Just("body"),
        Just("type"),
        Just("items"),
        Just("first"),
        Just("@context"),
        Just("purpose"),
    ];
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(|n| json!(n)),
        (0u64..200).prop_map(|n| json!(n)),
        any::<f64>().prop_map(|f| json!(f)),
        newsy().prop_map(Value::String),
        Just(json!("claimtag")),
        Just(json!("QUOTE")),
        Just(json!("TextQuoteSelector")),
    ];
    leaf.prop_recursive(5, 64, 8, move |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..8).prop_map(Value::Array),
            prop::collection::vec((key.clone(), inner), 0..8).prop_map(|pairs| {
                Value::Object(pairs.into_iter().map(|(k, v)| (k.to_string(), v)).collect())
            }),
        ]
    })
}

/// An article from fuzzed text (the clean-up's own output, so any text becomes one).
fn article_of(text: &str) -> Option<Article> {
    clean_plain_text(text, None).ok()
}

/// Every span lies inside the text.
fn spans_fit(
    article: &Article,
    spans: impl IntoIterator<Item = Span>,
) -> Result<(), TestCaseError> {
    for span in spans {
        prop_assert!(article.slice(span).is_some(), "{span:?} outside the text");
    }
    Ok(())
}

#[test]
fn plain_text_cleanup_never_panics_and_keeps_paragraphs_inside_the_text() {
    fuzz("plain-text", newsy(), |text| {
        if let Ok(article) = clean_plain_text(&text, Some("fuzz".into())) {
            spans_fit(&article, article.paragraphs().iter().map(|p| p.span))?;
            spans_fit(&article, sentences(&article))?;
        }
        Ok(())
    });
}

#[test]
fn html_extraction_never_panics() {
    fuzz("html", soup(), |html| {
        if let Ok(article) = extract_article(&html5::parse(&html), None) {
            spans_fit(&article, article.paragraphs().iter().map(|p| p.span))?;
        }
        Ok(())
    });
}

#[test]
fn importers_never_panic_on_any_json() {
    fuzz("imports", json_value(), |value| {
        let text = value.to_string();
        let _ = read_foreign(&text);
        let _ = import_corpus(&format!("{text}\n{text}"));
        if let Ok((article, set)) = import(&text) {
            spans_fit(&article, set.iter().map(|a| a.span))?;
        }
        Ok(())
    });
    fuzz("imports-text", newsy(), |text| {
        let _ = read_foreign(&text);
        let _ = import(&text);
        let _ = import_corpus(&text);
        Ok(())
    });
}

#[test]
fn damaged_native_exports_are_refused_or_still_exact() {
    let strategy = (
        newsy(),
        prop::collection::vec((0usize..400, 0usize..400, 0usize..3), 0..8),
        any::<u64>(),
    );
    fuzz("native-mutations", strategy, |(text, spans, seed)| {
        let Some(article) = article_of(&text) else {
            return Ok(());
        };
        let mut set = AnnotationSet::new();
        for (a, b, label) in &spans {
            let _ = set.add(&article, Span::new(*a, *b), Label::ALL[*label]);
        }
        let Ok(json) = export_json(&article, &set, "2026-01-01T00:00:00Z") else {
            return Ok(());
        };
        let mut value: Value =
            serde_json::from_str(&json).map_err(|e| TestCaseError::fail(e.to_string()))?;
        // Damage one number or string somewhere, chosen by the seed.
        if let Some(list) = value["annotations"].as_array_mut() {
            let at = (seed % 7) as usize % list.len().max(1);
            if let Some(a) = list.get_mut(at) {
                match seed % 4 {
                    0 => a["start"] = json!(seed % 500),
                    1 => a["end"] = json!(seed % 500),
                    2 => a["text"] = json!("something else"),
                    _ => a["label"] = json!("<b>BOLD</b>"),
                }
            }
        }
        if let Ok((back, set)) = import(&value.to_string()) {
            for a in set.iter() {
                prop_assert!(back.slice(a.span).is_some());
            }
        }
        Ok(())
    });
}

#[test]
fn selection_mapping_round_trips_or_refuses() {
    fuzz("utf16-mapping", (newsy(), 0usize..300), |(text, utf16)| {
        let index = TextIndex::new(&text);
        let boundaries: Vec<usize> = std::iter::once(0)
            .chain(text.chars().scan(0, |n, c| {
                *n += c.len_utf16();
                Some(*n)
            }))
            .collect();
        // Past the end: nothing. Inside a surrogate pair: the start of that character.
        let found = index.cp_of_utf16(&text, utf16);
        prop_assert_eq!(found.is_some(), utf16 <= index.utf16_len());
        if let Some(cp) = found {
            let below = boundaries.iter().rev().find(|&&b| b <= utf16).copied();
            prop_assert_eq!(index.utf16_of_cp(&text, cp), below);
        }
        Ok(())
    });
}

#[test]
fn anchoring_and_suggesting_stay_inside_the_text() {
    let candidate = (
        newsy(),
        newsy(),
        proptest::option::of((0usize..300, 0usize..300)),
    );
    fuzz(
        "anchor",
        (newsy(), candidate),
        |(text, (exact, prefix, position))| {
            let Some(article) = article_of(&text) else {
                return Ok(());
            };
            let candidate = Candidate {
                label: Label::Quote,
                exact: (!exact.is_empty()).then_some(exact),
                prefix,
                suffix: String::new(),
                position: position.map(|(a, b)| Span::new(a, b)),
                speaker: String::new(),
                note: String::new(),
            };
            if let Ok(span) = anchor(&article, &candidate) {
                let found = article.slice(span);
                prop_assert!(found.is_some());
                // Exact, or the approximate match anchoring documents: the same words with
                // other spacing, case or quotation marks.
                if let (Some(exact), Some(found)) = (&candidate.exact, found) {
                    prop_assert_eq!(loosely(found), loosely(exact));
                }
            }
            Ok(())
        },
    );
    fuzz("suggest", newsy(), |text| {
        let Some(article) = article_of(&text) else {
            return Ok(());
        };
        let found = suggest(&article, &sentences(&article));
        spans_fit(&article, found.iter().map(|s| s.span))
    });
}

/// A corpus file: a name of every kind, and contents made of table and JSON pieces, doccano
/// lines and Label Studio tasks with offsets near and past their text, and any JSON.
fn corpus_file() -> impl Strategy<Value = (String, String)> {
    let name = prop::sample::select(vec![
        "c.jsonl", "c.json", "c.csv", "c.tsv", "c.ndjson", "c.txt",
    ]);
    let label = prop::sample::select(vec!["FACT", "quote", "Allegation", "OPINION", ""]);
    let spans = prop::collection::vec((0u64..60, 0u64..60, label), 0..6);
    let doccano = (newsy(), spans.clone()).prop_map(|(text, spans)| {
        let label: Vec<Value> = spans.iter().map(|(s, e, l)| json!([s, e, l])).collect();
        json!({"id": text.len() % 3, "text": text, "label": label}).to_string()
    });
    let label_studio = (newsy(), spans, any::<bool>()).prop_map(|(text, spans, predicted)| {
        let result: Vec<Value> = spans
            .iter()
            .map(|(s, e, l)| json!({"type": "labels", "value": {"start": s, "end": e, "labels": [l]}}))
            .collect();
        let key = if predicted { "predictions" } else { "annotations" };
        json!({"data": {"text": text}, key: [{"completed_by": 1, "result": result}]}).to_string()
    });
    let piece = prop_oneof![
        Just("\"".to_string()),
        Just("\"\"".to_string()),
        Just(",".to_string()),
        Just("\t".to_string()),
        Just("\n".to_string()),
        Just("\r\n".to_string()),
        Just("\u{feff}".to_string()),
        Just("[".to_string()),
        Just("]".to_string()),
        Just("{".to_string()),
        Just("}".to_string()),
        Just("text,id,title\n".to_string()),
        Just("text\tbody\n".to_string()),
        doccano,
        label_studio,
        json_value().prop_map(|v| v.to_string()),
        newsy(),
    ];
    (name, prop::collection::vec(piece, 0..12))
        .prop_map(|(name, pieces)| (name.to_string(), pieces.join("")))
}

/// Reads a corpus file to the end in small batches: no panic, every annotation lies inside its
/// article, is not empty and exports exactly.
fn read_corpus(name: &str, contents: &str, mapping: Mapping) -> Result<(), TestCaseError> {
    let Ok(mut intake) = Intake::new(name, contents.to_string(), mapping) else {
        return Ok(());
    };
    let total = intake.position().1;
    for _ in 0..=total {
        let batch = intake.next_batch(3);
        if batch.is_empty() {
            break;
        }
        for record in batch.into_iter().flatten() {
            let article = &record.article;
            for a in record.annotations.iter() {
                let text = article.slice(a.span);
                prop_assert!(
                    text.is_some_and(|t| !t.trim().is_empty()),
                    "{a:?} in {:?}",
                    article.text()
                );
            }
            prop_assert!(export_json(article, &record.annotations, "now").is_ok());
        }
    }
    prop_assert!(intake.done());
    prop_assert!(intake.position().0 <= total);
    Ok(())
}

#[test]
fn corpus_intake_never_panics_and_places_spans_exactly() {
    fuzz("corpus-intake", corpus_file(), |(name, contents)| {
        if let Ok(shown) = preview(&name, &contents) {
            read_corpus(&name, &contents, shown.mapping)?;
        }
        for text in ["text", "data.text"] {
            let mapping = Mapping {
                text: text.to_string(),
                id: Some("id".to_string()),
                ..Mapping::default()
            };
            read_corpus(&name, &contents, mapping)?;
        }
        Ok(())
    });
}

/// Text as approximate anchoring compares it: words by single spaces, lower case, plain quotes.
fn loosely(text: &str) -> String {
    let plain: String = text
        .chars()
        .map(|c| match c {
            '“' | '”' | '„' | '«' | '»' => '"',
            '‘' | '’' | '‚' => '\'',
            '–' | '—' => '-',
            c => c.to_lowercase().next().unwrap_or(c),
        })
        .collect();
    plain.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// A native export of `count` annotations, each a word of a long text, in reverse order.
fn big_native(count: usize) -> String {
    let text = "word ".repeat(count).trim_end().to_string();
    let article = Article::from_paragraphs(
        [(text.as_str(), claimtag::model::ParagraphKind::Body)],
        claimtag::model::Metadata::default(),
    );
    let items: Vec<Annotation> = (0..count)
        .rev()
        .map(|i| {
            Annotation::new(
                AnnotationId(i as u32 + 1),
                Label::Fact,
                Span::new(i * 5, i * 5 + 4),
            )
        })
        .collect();
    export_json(&article, &AnnotationSet::from_annotations(items), "now").unwrap_or_default()
}

#[test]
fn a_hundred_thousand_annotations_open_and_more_are_refused_plainly() {
    let started = Instant::now();
    let (_, set) = import(&big_native(100_000)).expect("100,000 annotations open");
    assert_eq!(set.len(), 100_000);
    println!(
        "100,000 annotations imported in {:.2} s",
        started.elapsed().as_secs_f64()
    );
    let error = import(&big_native(100_001)).unwrap_err().to_string();
    assert_eq!(
        error,
        "The file holds 100001 annotations; claimtag opens at most 100,000."
    );

    let text = "w ".repeat(100_000);
    let doccano = json!({ "text": text, "label": (0..100_000).map(|i| json!([i * 2, i * 2 + 1, "FACT"])).collect::<Vec<_>>() });
    let started = Instant::now();
    let error = read_foreign(&doccano.to_string()).unwrap_err();
    assert!(
        error.starts_with("The file holds 100000 annotations; claimtag places at most 20000"),
        "{error}"
    );
    println!(
        "100,000 doccano spans refused in {:.2} s",
        started.elapsed().as_secs_f64()
    );
}

#[test]
fn deeply_nested_json_is_refused_with_a_clear_message() {
    let deep = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
    assert_eq!(
        import(&deep).unwrap_err().to_string(),
        "This file is not a readable claimtag export: it nests data more than 128 levels deep"
    );
    let error = read_foreign(&deep).unwrap_err();
    assert!(
        error.contains("nests data more than 128 levels deep"),
        "{error}"
    );
    assert!(preview("deep.json", &deep)
        .unwrap_err()
        .contains("128 levels deep"));
    let objects = format!("{}1{}", "{\"a\":".repeat(50_000), "}".repeat(50_000));
    assert!(import_corpus(&objects)
        .unwrap_err()
        .contains("128 levels deep"));
}
