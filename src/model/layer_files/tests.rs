//! Layer files end to end, on small files written here (an emoji and an astral CJK character
//! before the spans, so code points, UTF-16 units and bytes all differ): every format read
//! into layers, names from the file or asked, merging into stored documents, and the round
//! trip through an export of all layers.

use serde_json::json;

use super::*;
use crate::model::format::jsonl::corpus_jsonl;
use crate::model::format::native::{export, export_json};
use crate::model::layer_choice::{layer_set, LayerChoice};
use crate::model::library::{doc_id, DocInfo, LayerChange, StoreError, StoredDocument};
use crate::model::{AnnotationId, Label, Metadata, ParagraphKind, Span};

const FIRST: &str = "Tide 👍 rose 𠀀 fast.";
const SECOND: &str = "The mayor said “no” today.";

fn article() -> Article {
    Article::from_paragraphs(
        [(FIRST, ParagraphKind::Body), (SECOND, ParagraphKind::Body)],
        Metadata {
            title: "Tide".to_string(),
            ..Metadata::default()
        },
    )
}

/// The code point span of the first `needle` in the article's text.
fn at(article: &Article, needle: &str) -> Span {
    let text = article.text();
    let byte = text.find(needle).expect("needle in text");
    let start = text[..byte].chars().count();
    Span::new(start, start + needle.chars().count())
}

/// The UTF-16 offsets of the first `needle` in `text`.
fn utf16(text: &str, needle: &str) -> (usize, usize) {
    let byte = text.find(needle).expect("needle in text");
    let start = text[..byte].encode_utf16().count();
    (start, start + needle.encode_utf16().count())
}

fn mark(id: u32, span: Span, label: Label, by: &str, speaker: &str) -> Annotation {
    Annotation {
        annotator: by.to_string(),
        speaker: speaker.to_string(),
        ..Annotation::new(AnnotationId(id), label, span)
    }
}

/// A layer's annotations as (label, covered text).
type Marks<'a> = Vec<(Label, &'a str)>;

/// Every layer as (annotator, [(label, covered text)]).
fn texts<'a>(
    article: &'a Article,
    layers: &'a [(Option<String>, Vec<Annotation>)],
) -> Vec<(Option<&'a str>, Marks<'a>)> {
    layers
        .iter()
        .map(|(who, list)| {
            let marks = list
                .iter()
                .map(|a| (a.label, article.slice(a.span).unwrap_or("<outside>")))
                .collect();
            (who.as_deref(), marks)
        })
        .collect()
}

#[test]
fn a_native_file_gives_one_layer_per_annotator() {
    let article = article();
    let rose = at(&article, "rose 𠀀");
    let no = at(&article, "“no”");
    let set = AnnotationSet::from_annotations(vec![
        mark(1, rose, Label::Fact, "ana", ""),
        mark(2, no, Label::Quote, "bo", "mayor"),
        mark(3, rose, Label::Fact, "bo", ""),
    ]);
    let json = export_json(&article, &set, "2026-05-01T00:00:00Z").unwrap();
    let file = read_layer_file("tide.claimtag.json", &json).unwrap();
    assert_eq!(file.format, "claimtag");
    assert_eq!(file.annotators(), ["ana", "bo"]);
    assert!(!file.needs_name());
    let record = &file.records[0];
    assert_eq!(doc_id(&record.article), doc_id(&article));
    assert_eq!(
        texts(&record.article, &record.layers),
        [
            (Some("ana"), vec![(Label::Fact, "rose 𠀀")]),
            (
                Some("bo"),
                vec![(Label::Fact, "rose 𠀀"), (Label::Quote, "“no”")]
            ),
        ]
    );

    // Without annotator fields the file needs a name, which every layer then takes.
    let unnamed = AnnotationSet::from_annotations(vec![mark(1, no, Label::Quote, "", "")]);
    let json = export_json(&article, &unnamed, "now").unwrap();
    let file = read_layer_file("tide.claimtag.json", &json).unwrap();
    assert!(file.needs_name());
    assert!(file.annotators().is_empty());
    let documents = file.named(" cy ", "2026-05-02T00:00:00Z");
    let layer = &documents[0].1[0];
    assert_eq!(layer.annotator, "cy");
    assert_eq!(layer.source, "tide.claimtag.json");
    assert_eq!(layer.added_at, "2026-05-02T00:00:00Z");
    assert_eq!(layer.annotations[0].annotator, "cy");
    assert_eq!(layer.annotations[0].id, AnnotationId(1));
}

#[test]
fn claimtag_jsonl_reads_every_line_and_names_a_bad_one() {
    let article = article();
    let other = Article::from_paragraphs(
        [("Quiet 🌙 day.", ParagraphKind::Body)],
        Metadata::default(),
    );
    let set = AnnotationSet::from_annotations(vec![mark(
        1,
        at(&article, "rose 𠀀"),
        Label::Fact,
        "ana",
        "",
    )]);
    let corpus = corpus_jsonl(&[(article, set), (other, AnnotationSet::new())], "now").unwrap();
    let lines: Vec<&str> = corpus.lines().collect();
    let broken = lines[1].replace("Quiet", "Quite");
    let file_text = format!("{}\n{}\n{}\n", lines[0], broken, lines[1]);
    let file = read_layer_file("library.jsonl", &file_text).unwrap();
    assert_eq!(file.format, "claimtag JSONL");
    assert_eq!(file.records.len(), 2);
    assert_eq!(file.refused.len(), 1);
    assert!(
        file.refused[0].starts_with("Line 2: "),
        "{:?}",
        file.refused
    );
    assert!(file.refused[0].contains("SHA-256"), "{:?}", file.refused);
    // The text nobody marked: one unnamed, empty layer.
    assert_eq!(file.records[1].layers, [(None, Vec::new())]);
    assert!(file.needs_name());
    assert_eq!(file.annotators(), ["ana"]);
    // One line is still claimtag JSONL.
    let one = read_layer_file("library.jsonl", lines[0]).unwrap();
    assert_eq!((one.format, one.records.len()), ("claimtag JSONL", 1));
}

#[test]
fn doccano_lines_take_the_annotator_field_or_ask() {
    let text = format!("{FIRST}\n\n{SECOND}");
    let rose = utf16(&text, "rose 𠀀");
    let no = utf16(&text, "“no”");
    let file_text = format!(
        "{}\n{}\n",
        json!({"text": text, "annotator": "ana", "label": [[rose.0, rose.1, "FACT"], [no.0, no.1, "QUOTE"]]}),
        json!({"text": text, "label": [[no.0, no.1, "QUOTE"]]}),
    );
    let file = read_layer_file("ana.jsonl", &file_text).unwrap();
    assert_eq!(file.format, "doccano JSONL");
    assert_eq!(file.annotators(), ["ana"]);
    assert!(file.needs_name());
    let first = &file.records[0];
    assert_eq!(doc_id(&first.article), doc_id(&article()));
    assert_eq!(
        texts(&first.article, &first.layers),
        [(
            Some("ana"),
            vec![(Label::Fact, "rose 𠀀"), (Label::Quote, "“no”")]
        )]
    );
    // Both lines have the same text: one document, the unnamed line's layer named "bo".
    let documents = file.named("bo", "now");
    assert_eq!(documents.len(), 1);
    let names: Vec<&str> = documents[0]
        .1
        .iter()
        .map(|l| l.annotator.as_str())
        .collect();
    assert_eq!(names, ["ana", "bo"]);
    // Given the name of the named layer, the unnamed line joins it, its repeat kept once.
    let file = read_layer_file("ana.jsonl", &file_text).unwrap();
    let documents = file.named("ana", "now");
    assert_eq!(documents[0].1.len(), 1);
    assert_eq!(documents[0].1[0].annotations.len(), 2);
}

#[test]
fn label_studio_keeps_two_annotators_marking_one_span_as_two_layers() {
    let text = format!("{FIRST}\n\n{SECOND}");
    let result = |needle: &str, label: &str| {
        let (start, end) = utf16(&text, needle);
        json!({"from_name": "label", "to_name": "text", "type": "labels",
               "value": {"start": start, "end": end, "text": needle, "labels": [label]}})
    };
    let tasks = json!([
        {"id": 1, "data": {"text": text},
         "annotations": [
            {"completed_by": {"id": 3, "email": "ana@example.org"},
             "result": [result("“no”", "QUOTE"), result("rose 𠀀", "FACT")]},
            {"completed_by": 5, "result": [result("“no”", "QUOTE")]},
            {"completed_by": 6, "result": []},
            {"completed_by": 7, "was_cancelled": true, "result": []}
         ]},
        {"id": 2, "data": {"text": "Nobody 🌙 looked 𠀀 here."}, "annotations": []}
    ]);
    let file_text = serde_json::to_string_pretty(&tasks).unwrap();
    let file = read_layer_file("project.json", &file_text).unwrap();
    assert_eq!(file.format, "Label Studio JSON");
    assert_eq!(file.annotators(), ["ana@example.org", "user 5", "user 6"]);
    assert!(!file.needs_name());
    let task = &file.records[0];
    assert_eq!(
        texts(&task.article, &task.layers),
        [
            (
                Some("ana@example.org"),
                vec![(Label::Fact, "rose 𠀀"), (Label::Quote, "“no”")]
            ),
            (Some("user 5"), vec![(Label::Quote, "“no”")]),
            (Some("user 6"), vec![]),
        ]
    );
    // A task nobody annotated adds its text, with no layer.
    assert!(file.records[1].layers.is_empty());
    let documents = file.named("unused", "now");
    assert_eq!(documents.len(), 2);
    assert_eq!(
        documents[0].1[0].annotations[0].span,
        at(&article(), "rose 𠀀")
    );
    assert!(documents[1].1.is_empty());
}

#[test]
fn all_layers_exported_come_back_as_the_same_layers() {
    let article = article();
    let rose = at(&article, "rose 𠀀");
    let no = at(&article, "“no”");
    let whole = at(&article, "The mayor said “no” today.");
    let own = AnnotationSet::from_annotations(vec![
        mark(1, rose, Label::Fact, "", ""),
        mark(2, no, Label::Quote, "", "the mayor"),
    ]);
    let layers = vec![
        AnnotatorLayer {
            annotator: "ana".to_string(),
            annotations: vec![
                mark(1, rose, Label::Fact, "ana", ""),
                mark(2, whole, Label::Allegation, "ana", "mayor 🎩"),
                mark(3, no, Label::Quote, "ana", "mayor 🎩"),
            ],
            ..AnnotatorLayer::default()
        },
        AnnotatorLayer {
            annotator: "bo".to_string(),
            annotations: vec![mark(1, no, Label::Quote, "bo", "")],
            ..AnnotatorLayer::default()
        },
    ];
    let all = layer_set(&own, "me", &layers, &Default::default(), &LayerChoice::All);
    assert_eq!(all.len(), 6);
    let exported = serde_json::to_string(&export(&article, &all, "now").unwrap()).unwrap();
    let file = read_layer_file("all.claimtag.json", &exported).unwrap();
    assert_eq!(file.annotators(), ["ana", "bo", "me"]);
    let documents = file.named("unused", "later");
    let (back, back_layers) = &documents[0];
    assert_eq!(back.text(), article.text());
    let mine: Vec<Annotation> = own
        .iter()
        .map(|a| Annotation {
            annotator: "me".to_string(),
            ..a.clone()
        })
        .collect();
    let expected = [
        ("me", &mine),
        ("ana", &layers[0].annotations),
        ("bo", &layers[1].annotations),
    ];
    for (name, annotations) in expected {
        let layer = back_layers.iter().find(|l| l.annotator == name).unwrap();
        assert_eq!(&layer.annotations, annotations, "{name}'s layer");
    }
    assert_eq!(back_layers.len(), 3);
}

#[test]
fn what_is_no_layer_file_is_refused_clearly() {
    let refused = |name: &str, contents: &str| read_layer_file(name, contents).unwrap_err();
    assert_eq!(
        refused("a.json", "\u{feff} \n "),
        "The file “a.json” is empty."
    );
    assert!(refused("a.jsonl", "not json\n").contains("not JSON"));
    assert!(
        refused("t.csv", "text,title\nTide 👍 rose,T\n").contains("is not an annotator's export")
    );
    let texts = format!("{}\n", json!({"text": "Plain 𠀀 text."}));
    assert!(refused("t.jsonl", &texts).contains("holds texts but no annotations"));
    let article = article();
    let json = export_json(&article, &AnnotationSet::new(), "now").unwrap();
    let damaged = json.replace("Tide 👍", "Tied 👍");
    assert!(refused("x.claimtag.json", &damaged).contains("SHA-256"));
    let all_bad = format!(
        "{}\n{}\n",
        damaged.replace('\n', ""),
        "{\"format\": \"claimtag\"}"
    );
    let message = refused("x.jsonl", &all_bad);
    assert!(
        message.contains("no record could be read (Line 1: "),
        "{message}"
    );
}

#[test]
fn layers_merge_into_stored_documents() {
    let article = article();
    let rose = at(&article, "rose 𠀀");
    let info = DocInfo {
        id: doc_id(&article),
        ..DocInfo::default()
    };
    let layer = |name: &str, label: Label| AnnotatorLayer {
        annotator: name.to_string(),
        annotations: vec![mark(1, rose, label, "", "")],
        source: "f.json".to_string(),
        added_at: "now".to_string(),
    };
    // A text not in the library: a document of layers only.
    let stored = StoredDocument::from_layers(info, &article, vec![layer("ana", Label::Fact)]);
    assert!(stored.annotations.is_empty());
    assert_eq!(stored.layer_names(), ["ana"]);
    assert_eq!(stored.layers[0].annotations[0].annotator, "ana");
    let (stored, change) = stored.with_layer(layer("bo", Label::Fact));
    assert_eq!(change, LayerChange::Added);
    let (same, change) = stored.with_layer(layer("ana", Label::Fact));
    assert_eq!(change, LayerChange::Unchanged);
    assert_eq!(same, stored);
    let (stored, change) = stored.with_layer(layer("ana", Label::Quote));
    assert_eq!(change, LayerChange::Replaced);
    assert_eq!(stored.layer_names(), ["ana", "bo"]);
    assert_eq!(stored.layers[0].annotations[0].label, Label::Quote);
    let summary = stored.summary();
    assert_eq!(summary.layers, ["ana", "bo"]);
    assert_eq!(summary.gold, 0);
    assert!(summary.annotators.is_empty());

    // Stored and read back, the layers open; one outside the text is refused by name.
    let back = StoredDocument::from_json(&stored.to_json()).unwrap();
    assert_eq!(back, stored);
    assert!(back.open().is_ok());
    let (article_back, set) = back.open_layer("me", &LayerChoice::All).unwrap();
    assert_eq!(article_back.text(), article.text());
    assert_eq!(set.len(), 2);
    let mut broken = back.clone();
    broken.layers[1].annotations[0].span = Span::new(3, 999);
    assert_eq!(
        broken.open().map(|_| ()),
        Err(StoreError::Unreadable(
            "annotation a1 of bo's layer lies outside the text".to_string()
        ))
    );
    let mut broken = back;
    broken
        .gold
        .annotations
        .push(mark(4, Span::new(0, 999), Label::Fact, "", ""));
    assert!(
        matches!(broken.checked_layers(), Err(StoreError::Unreadable(m)) if m.contains("gold layer"))
    );
    assert_eq!(broken.summary().gold, 1);
}
