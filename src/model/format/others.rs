//! Exports other tools read: W3C Web Annotation, doccano JSONL, Label Studio tasks, spaCy /
//! Prodigy JSONL, brat standoff and CSV.
//!
//! Offsets: W3C, spaCy, brat and Label Studio (1.x, checked with 1.23) count Unicode code
//! points, like claimtag. doccano counts what JavaScript counts in its browser front end —
//! UTF-16 code units — so its file carries UTF-16 offsets, or spans after an emoji would land
//! on the wrong characters. The W3C variant for Recogito and the Hypothesis client
//! ([`w3c_utf16`]) counts its positions in UTF-16 too, as those tools do.

use serde_json::{json, Value};

use crate::model::format::context::prefix_suffix;
use crate::model::library::doc_id;
use crate::model::{Annotation, AnnotationSet, Article, Span};

/// The W3C Web Annotation context.
pub const W3C_CONTEXT: &str = "http://www.w3.org/ns/anno.jsonld";

/// Where an annotation's target lives: the article's URL, or a `urn:claimtag:` name.
fn source_iri(article: &Article) -> String {
    article
        .meta
        .canonical_url
        .clone()
        .or_else(|| {
            article
                .meta
                .source
                .clone()
                .filter(|s| s.starts_with("http://") || s.starts_with("https://"))
        })
        .unwrap_or_else(|| format!("urn:claimtag:{}", doc_id(article)))
}

/// A W3C Web Annotation `AnnotationCollection` holding one `AnnotationPage` of every annotation.
pub fn w3c(article: &Article, annotations: &AnnotationSet, generated: &str) -> Value {
    w3c_collection(article, w3c_items(article, annotations), generated)
}

/// The same collection for Recogito and the Hypothesis client, which count
/// `TextPositionSelector` positions in UTF-16 units (the quote selector is the same).
pub fn w3c_utf16(article: &Article, annotations: &AnnotationSet, generated: &str) -> Value {
    let mut items = w3c_items(article, annotations);
    for (item, a) in items.iter_mut().zip(annotations.iter()) {
        let (start, end) = utf16(article, a);
        item["target"]["selector"][1] =
            json!({"type": "TextPositionSelector", "start": start, "end": end});
    }
    w3c_collection(article, items, generated)
}

fn w3c_collection(article: &Article, items: Vec<Value>, generated: &str) -> Value {
    let id = doc_id(article);
    json!({
        "@context": W3C_CONTEXT,
        "id": format!("urn:claimtag:{id}:annotations"),
        "type": "AnnotationCollection",
        "label": article.meta.title,
        "generated": generated,
        "total": items.len(),
        "first": {
            "id": format!("urn:claimtag:{id}:annotations:page1"),
            "type": "AnnotationPage",
            "startIndex": 0,
            "items": items
        }
    })
}

/// The W3C `Annotation`s of a document (without `@context`: they sit in a collection's page),
/// each with the id `urn:claimtag:<document id>:<annotation id>`.
pub fn w3c_items(article: &Article, annotations: &AnnotationSet) -> Vec<Value> {
    let source = source_iri(article);
    let id = doc_id(article);
    annotations
        .iter()
        .map(|a| {
            let (prefix, suffix) = prefix_suffix(article, a.span);
            let mut body = vec![json!({"type": "TextualBody", "purpose": "tagging", "value": a.label.id()})];
            if !a.speaker.is_empty() {
                body.push(json!({"type": "TextualBody", "purpose": "identifying", "value": a.speaker, "format": "text/plain"}));
            }
            if !a.cue.is_empty() {
                body.push(json!({"type": "TextualBody", "purpose": "describing", "value": format!("cue: {}", a.cue), "format": "text/plain"}));
            }
            if !a.note.is_empty() {
                body.push(json!({"type": "TextualBody", "purpose": "commenting", "value": a.note, "format": "text/plain"}));
            }
            let mut annotation = json!({
                "id": format!("urn:claimtag:{id}:{}", a.id),
                "type": "Annotation",
                "motivation": "classifying",
                "body": body,
                "target": {
                    "source": source,
                    "selector": [
                        {"type": "TextQuoteSelector", "exact": article.slice(a.span).unwrap_or_default(), "prefix": prefix, "suffix": suffix},
                        {"type": "TextPositionSelector", "start": a.span.start, "end": a.span.end}
                    ]
                }
            });
            if !a.annotator.is_empty() {
                annotation["creator"] = json!({"type": "Person", "name": a.annotator});
            }
            annotation
        })
        .collect()
}

fn utf16(article: &Article, a: &Annotation) -> (usize, usize) {
    article.utf16_span(a.span).unwrap_or((0, 0))
}

/// One doccano JSONL line: `{"text", "label": [[start, end, "QUOTE"], ...]}` in UTF-16 units.
pub fn doccano(article: &Article, annotations: &AnnotationSet) -> String {
    let labels: Vec<Value> = annotations
        .iter()
        .map(|a| {
            let (start, end) = utf16(article, a);
            json!([start, end, a.label.id()])
        })
        .collect();
    let line = json!({"id": doc_id(article), "text": article.text(), "label": labels});
    format!("{line}\n")
}

/// A Label Studio tasks file (a JSON array with one task) with spans in code points.
pub fn label_studio(article: &Article, annotations: &AnnotationSet) -> Value {
    json!([label_studio_task(article, annotations)])
}

/// One Label Studio task: `data` (text, title, `claimtag_id`) and one annotation whose
/// `result` holds every span, in code points (what Label Studio's labeling UI counts).
pub fn label_studio_task(article: &Article, annotations: &AnnotationSet) -> Value {
    let result: Vec<Value> = annotations
        .iter()
        .map(|a| {
            let (start, end) = (a.span.start, a.span.end);
            json!({
                "id": a.id.to_string(),
                "from_name": "label",
                "to_name": "text",
                "type": "labels",
                "value": {"start": start, "end": end, "text": article.slice(a.span).unwrap_or_default(), "labels": [a.label.id()]}
            })
        })
        .collect();
    json!({
        "data": {"text": article.text(), "title": article.meta.title, "claimtag_id": doc_id(article)},
        "annotations": [{"result": result}]
    })
}

/// One spaCy / Prodigy JSONL line: `{"text", "spans": [{"start", "end", "label"}], "meta"}` in
/// code points (Python `str` offsets, what `Doc.char_span` takes). Overlapping spans are kept;
/// they belong in a `SpanGroup`.
pub fn spacy(article: &Article, annotations: &AnnotationSet) -> String {
    let spans: Vec<Value> = annotations
        .iter()
        .map(|a| {
            let mut span = json!({"start": a.span.start, "end": a.span.end, "label": a.label.id()});
            for (key, value) in [("speaker", &a.speaker), ("cue", &a.cue), ("note", &a.note)] {
                if !value.is_empty() {
                    span[key] = json!(value);
                }
            }
            span
        })
        .collect();
    let line = json!({
        "text": article.text(),
        "spans": spans,
        "meta": {"id": doc_id(article), "title": article.meta.title, "source": article.meta.source, "published": article.meta.published}
    });
    format!("{line}\n")
}

/// brat standoff: the `.txt` (the text) and the `.ann`. A span that crosses a line break is
/// written as fragments (`start end;start end`); speaker, cue and note go in `AnnotatorNotes`.
pub fn brat(article: &Article, annotations: &AnnotationSet) -> (String, String) {
    let mut ann = String::new();
    let mut note_number = 1;
    for (n, a) in annotations.iter().enumerate() {
        let t = n + 1;
        let fragments = line_fragments(article, a.span);
        let offsets: Vec<String> = fragments
            .iter()
            .map(|f| format!("{} {}", f.start, f.end))
            .collect();
        let texts: Vec<&str> = fragments
            .iter()
            .map(|f| article.slice(*f).unwrap_or_default())
            .collect();
        ann.push_str(&format!(
            "T{t}\t{} {}\t{}\n",
            a.label.id(),
            offsets.join(";"),
            texts.join(" ")
        ));
        let notes: Vec<String> = [("speaker", &a.speaker), ("cue", &a.cue), ("note", &a.note)]
            .iter()
            .filter(|(_, v)| !v.is_empty())
            .map(|(k, v)| format!("{k}: {}", v.replace(['\n', '\t'], " ")))
            .collect();
        if !notes.is_empty() {
            ann.push_str(&format!(
                "#{note_number}\tAnnotatorNotes T{t}\t{}\n",
                notes.join("; ")
            ));
            note_number += 1;
        }
    }
    (article.text().to_string(), ann)
}

/// brat's `annotation.conf` for claimtag's files: the three labels as entities. Speaker, cue
/// and note are `AnnotatorNotes` (`#` lines), which need no declaration; overlapping and nested
/// entities are allowed.
pub const BRAT_CONF: &str = "\
# claimtag: FACT / ALLEGATION / QUOTE spans. Speaker, cue and note are AnnotatorNotes (#) lines.
[entities]
FACT
ALLEGATION
QUOTE

[relations]
<OVERLAP>\tArg1:<ENTITY>, Arg2:<ENTITY>, <OVL-TYPE>:<ANY>

[events]

[attributes]
";

/// The pieces of `span` between line breaks, without empty ones.
fn line_fragments(article: &Article, span: Span) -> Vec<Span> {
    let text = article.slice(span).unwrap_or_default();
    let mut fragments = Vec::new();
    let mut start = span.start;
    for (i, c) in text.chars().enumerate() {
        // A CR of a CRLF line end is left out too: brat readers end lines at either.
        if c == '\n' || c == '\r' {
            if span.start + i > start {
                fragments.push(Span::new(start, span.start + i));
            }
            start = span.start + i + 1;
        }
    }
    if span.end > start {
        fragments.push(Span::new(start, span.end));
    }
    fragments
}

/// The header row of [`csv`], with its line ending.
pub const CSV_HEADER: &str = "document_id,title,label,start,end,text,speaker,cue,note,sentence\r\n";

/// CSV, one row per annotation: document id, title, label, start, end, text, speaker, cue,
/// note, and the text of the sentences the annotation touches.
pub fn csv(article: &Article, annotations: &AnnotationSet, sentences: &[Span]) -> String {
    let mut out = String::from(CSV_HEADER);
    out.push_str(&csv_rows(article, annotations, sentences));
    out
}

/// The rows of [`csv`] without the header, each ending in `\r\n`.
pub fn csv_rows(article: &Article, annotations: &AnnotationSet, sentences: &[Span]) -> String {
    let mut out = String::new();
    let id = doc_id(article);
    for a in annotations.iter() {
        let sentence: Vec<&str> = sentences
            .iter()
            .filter(|s| s.overlaps(a.span))
            .map(|s| article.slice(*s).unwrap_or_default())
            .collect();
        let row = [
            id.clone(),
            article.meta.title.clone(),
            a.label.id().to_string(),
            a.span.start.to_string(),
            a.span.end.to_string(),
            article.slice(a.span).unwrap_or_default().to_string(),
            a.speaker.clone(),
            a.cue.clone(),
            a.note.clone(),
            sentence.join(" "),
        ];
        out.push_str(
            &row.iter()
                .map(|cell| csv_cell(cell))
                .collect::<Vec<_>>()
                .join(","),
        );
        out.push_str("\r\n");
    }
    out
}

/// A CSV cell: quoted when needed, and a leading `=`, `+`, `-`, `@` (or tab / carriage return)
/// escaped with an apostrophe so spreadsheets never run it as a formula.
fn csv_cell(value: &str) -> String {
    let guarded = if value.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{value}")
    } else {
        value.to_string()
    };
    if guarded.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", guarded.replace('"', "\"\""))
    } else {
        guarded
    }
}

#[cfg(test)]
pub(super) mod tests {
    use super::*;
    use crate::model::segment::sentences;
    use crate::model::{Label, Metadata, ParagraphKind};

    /// "Fire 👨🏻‍🚒 crew saved 3 cats." / "“Yes,” =she said." with a FACT, an ALLEGATION and a QUOTE.
    pub(super) fn fixture() -> (Article, AnnotationSet) {
        let article = Article::from_paragraphs(
            [
                ("Fire 👨🏻‍🚒 crew saved 3 cats.", ParagraphKind::Body),
                ("“Yes,” =she said.", ParagraphKind::Body),
            ],
            Metadata {
                title: "Cats".into(),
                source: Some("https://example.org/cats".into()),
                ..Metadata::default()
            },
        );
        let mut set = AnnotationSet::new();
        let fact = set.add(&article, Span::new(10, 28), Label::Fact).unwrap();
        set.change(
            &article,
            Annotation {
                speaker: "Fire service".into(),
                note: "check \"3\"".into(),
                ..fact
            },
        )
        .unwrap();
        set.add(&article, Span::new(30, 36), Label::Quote).unwrap();
        set.add(&article, Span::new(21, 36), Label::Allegation)
            .unwrap();
        (article, set)
    }

    #[test]
    fn w3c_has_both_selectors_and_label_note_speaker_bodies() {
        let (article, set) = fixture();
        let doc = w3c(&article, &set, "2026-11-28T00:00:00Z");
        assert_eq!(doc["@context"], W3C_CONTEXT);
        assert_eq!(doc["type"], "AnnotationCollection");
        let first = &doc["first"]["items"][0];
        assert_eq!(first["target"]["source"], "https://example.org/cats");
        assert_eq!(
            first["target"]["selector"][0]["exact"],
            "crew saved 3 cats."
        );
        assert_eq!(first["target"]["selector"][0]["prefix"], "Fire 👨🏻‍🚒 ");
        assert_eq!(
            first["target"]["selector"][1],
            json!({"type": "TextPositionSelector", "start": 10, "end": 28})
        );
        let purposes: Vec<&str> = first["body"]
            .as_array()
            .unwrap()
            .iter()
            .map(|b| b["purpose"].as_str().unwrap())
            .collect();
        assert_eq!(purposes, ["tagging", "identifying", "commenting"]);
        assert_eq!(doc["total"], 3);
    }

    #[test]
    fn doccano_counts_utf16_units_and_label_studio_code_points() {
        let (article, set) = fixture();
        let line: Value = serde_json::from_str(doccano(&article, &set).trim()).unwrap();
        let text: Vec<u16> = line["text"].as_str().unwrap().encode_utf16().collect();
        // The firefighter emoji is 4 code points but 7 UTF-16 units: "crew" starts at 13, not 10.
        assert_eq!(line["label"][0], json!([13, 31, "FACT"]));
        for span in line["label"].as_array().unwrap() {
            let (s, e) = (
                span[0].as_u64().unwrap() as usize,
                span[1].as_u64().unwrap() as usize,
            );
            assert!(String::from_utf16(&text[s..e]).is_ok());
        }
        // Label Studio 1.x counts code points: "crew" starts at 10.
        let tasks = label_studio(&article, &set);
        let value = &tasks[0]["annotations"][0]["result"][0]["value"];
        assert_eq!(
            (value["start"].as_u64(), value["end"].as_u64()),
            (Some(10), Some(28))
        );
        assert_eq!(value["text"], "crew saved 3 cats.");
        assert_eq!(value["labels"], json!(["FACT"]));
    }

    #[test]
    fn spacy_counts_code_points_and_keeps_overlaps() {
        let (article, set) = fixture();
        let line: Value = serde_json::from_str(spacy(&article, &set).trim()).unwrap();
        assert_eq!(
            line["spans"][0],
            json!({"start": 10, "end": 28, "label": "FACT", "speaker": "Fire service", "note": "check \"3\""})
        );
        assert_eq!(line["spans"].as_array().unwrap().len(), 3);
        assert_eq!(line["meta"]["title"], "Cats");
    }

    #[test]
    fn brat_splits_spans_at_line_breaks_and_notes_attributes() {
        let (article, set) = fixture();
        let (txt, ann) = brat(&article, &set);
        assert_eq!(txt, article.text());
        assert_eq!(
            ann,
            "T1\tFACT 10 28\tcrew saved 3 cats.\n\
             #1\tAnnotatorNotes T1\tspeaker: Fire service; note: check \"3\"\n\
             T2\tALLEGATION 21 28;30 36\t3 cats. “Yes,”\n\
             T3\tQUOTE 30 36\t“Yes,”\n"
        );
    }

    #[test]
    fn brat_leaves_the_cr_of_a_crlf_line_end_out_of_its_fragments() {
        let text = "Rain 🌧 fell.\r\nRoads closed.";
        let paragraphs = vec![crate::model::Paragraph {
            span: Span::new(0, text.chars().count()),
            kind: crate::model::ParagraphKind::Body,
        }];
        let article =
            Article::from_parts(text.to_string(), paragraphs, Metadata::default()).unwrap();
        let mut set = AnnotationSet::new();
        set.add(&article, Span::new(7, 19), Label::Fact).unwrap();
        let (_, ann) = brat(&article, &set);
        assert_eq!(ann, "T1\tFACT 7 12;14 19\tfell. Roads\n");
    }

    #[test]
    fn csv_quotes_cells_and_defuses_formulas() {
        let (article, mut set) = fixture();
        let quote = set.as_slice()[2].clone();
        set.change(
            &article,
            Annotation {
                speaker: "=HYPERLINK(\"x\")".into(),
                ..quote
            },
        )
        .unwrap();
        let out = csv(&article, &set, &sentences(&article));
        let lines: Vec<&str> = out.split("\r\n").collect();
        assert_eq!(
            lines[0],
            "document_id,title,label,start,end,text,speaker,cue,note,sentence"
        );
        assert!(lines[1].contains(",FACT,10,28,crew saved 3 cats.,Fire service,,\"check \"\"3\"\"\",Fire 👨🏻‍🚒 crew saved 3 cats."));
        assert!(
            lines[3].contains(",\"'=HYPERLINK(\"\"x\"\")\","),
            "{}",
            lines[3]
        );
        assert_eq!(csv_cell("-1"), "'-1");
        assert_eq!(csv_cell("plain"), "plain");
    }
}

/// Golden files: the exact output of every format for one small fixture, kept in
/// `src/model/format/golden/`. A change to a format's shape shows up here as a diff to review.
/// `CLAIMTAG_BLESS=1 cargo test golden` rewrites them.
#[cfg(all(test, not(target_arch = "wasm32")))]
mod golden {
    use super::tests::fixture;
    use crate::model::format::{export_files, ExportFormat};
    use crate::model::segment::sentences;

    #[test]
    fn every_format_matches_its_golden_file() {
        let (article, set) = fixture();
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src/model/format/golden");
        for format in ExportFormat::ALL {
            let files = export_files(
                format,
                &article,
                &set,
                &sentences(&article),
                "2026-11-28T00:00:00Z",
            )
            .unwrap();
            for (name, _, contents) in files {
                let path = dir.join(&name);
                if std::env::var_os("CLAIMTAG_BLESS").is_some() {
                    std::fs::write(&path, &contents).unwrap();
                }
                let golden = std::fs::read_to_string(&path)
                    .unwrap_or_else(|_| panic!("missing golden file {name}"));
                assert_eq!(contents, golden, "{name} differs from its golden file");
            }
        }
    }
}
