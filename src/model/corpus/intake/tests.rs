//! The intake end to end, on small files written for it: every shape, the tools' span formats,
//! mappings, metadata, refusals and limits.

use serde_json::json;

use super::*;
use crate::model::format::jsonl::corpus_jsonl;
use crate::model::{Label, Metadata, Origin, ParagraphKind, Span};

/// The UTF-16 offsets of the first `needle` in `text`, as doccano (and older Label Studio) count.
fn utf16(text: &str, needle: &str) -> (usize, usize) {
    let at = text.find(needle).expect("needle in text");
    let start = text[..at].encode_utf16().count();
    (start, start + needle.encode_utf16().count())
}

fn mapping(text: &str) -> Mapping {
    Mapping {
        text: text.to_string(),
        ..Mapping::default()
    }
}

fn read_all(name: &str, contents: &str, mapping: Mapping) -> Vec<Result<IntakeRecord, Refused>> {
    let mut intake = Intake::new(name, contents.to_string(), mapping).expect("opens");
    let all = intake.next_batch(usize::MAX);
    assert!(intake.done());
    assert!(intake.next_batch(10).is_empty());
    all
}

fn records(results: &[Result<IntakeRecord, Refused>]) -> Vec<&IntakeRecord> {
    results.iter().filter_map(|r| r.as_ref().ok()).collect()
}

fn refusals(results: &[Result<IntakeRecord, Refused>]) -> Vec<&str> {
    results
        .iter()
        .filter_map(|r| r.as_ref().err())
        .map(|r| r.reason.as_str())
        .collect()
}

/// Every annotation as (label, its text in the article).
fn spans(record: &IntakeRecord) -> Vec<(Label, &str)> {
    record
        .annotations
        .iter()
        .map(|a| (a.label, record.article.slice(a.span).unwrap_or("<outside>")))
        .collect()
}

#[test]
fn jsonl_records_become_articles_with_metadata() {
    let file = concat!(
        r#"{"text": "Harbour votes to keep ferry\n\nThe vote was 61%.", "title": "Ferry vote", "id": 1, "meta": {"url": "https://news.example/ferry", "date": "2024-01-04"}, "topic": "transport", "score": 0.5, "tags": ["a"]}"#,
        "\n\n",
        r#"{"text": "A second record with no title, long enough to be cut somewhere past eighty characters for its title.", "id": 2}"#,
        "\n"
    );
    let shown = preview("news.jsonl", file).unwrap();
    assert_eq!(shown.shape, CorpusShape::Jsonl);
    assert_eq!(shown.kind, "JSONL");
    assert_eq!(shown.records, 2);
    assert_eq!(shown.mapping.text, "text");
    assert_eq!(shown.mapping.id.as_deref(), Some("id"));
    assert_eq!(shown.mapping.url.as_deref(), Some("meta.url"));
    assert_eq!(shown.mapping.published.as_deref(), Some("meta.date"));
    assert!(shown.fields.contains(&"meta.url".to_string()));
    assert_eq!(shown.sample.len(), 2);
    assert!(shown.sample[0].contains(&("title".to_string(), "Ferry vote".to_string())));

    let results = read_all("news.jsonl", file, shown.mapping);
    let read = records(&results);
    assert_eq!(read.len(), 2);
    let first = &read[0].article;
    assert_eq!(
        first.text(),
        "Harbour votes to keep ferry\n\nThe vote was 61%."
    );
    assert_eq!(first.paragraphs().len(), 2);
    assert_eq!(first.meta.title, "Ferry vote");
    assert_eq!(first.meta.published.as_deref(), Some("2024-01-04"));
    assert_eq!(
        first.meta.source.as_deref(),
        Some("https://news.example/ferry")
    );
    assert_eq!(
        first.meta.canonical_url.as_deref(),
        Some("https://news.example/ferry")
    );
    let extra: Vec<(&str, &str)> = first
        .meta
        .extra
        .iter()
        .map(|(k, v)| (k.as_str(), v.as_str()))
        .collect();
    assert_eq!(
        extra,
        [("id", "1"), ("score", "0.5"), ("topic", "transport")]
    );
    assert_eq!(read[0].record_id.as_deref(), Some("1"));
    assert_eq!(read[0].line, 1);

    let second = read[1];
    assert_eq!(second.line, 3);
    assert_eq!(
        second.article.meta.title,
        "A second record with no title, long enough to be cut somewhere past eighty…"
    );
    assert_eq!(
        second.article.meta.source.as_deref(),
        Some("news.jsonl#line 3")
    );
}

#[test]
fn a_json_array_is_read_item_by_item() {
    let file = r#"[
      {"body": "First story.", "headline": "One", "author": "Ana"},
      {"body": "Second story.", "headline": "Two"}
    ]"#;
    let shown = preview("stories.json", file).unwrap();
    assert_eq!(shown.shape, CorpusShape::JsonArray);
    assert_eq!(shown.kind, "JSON array");
    assert_eq!(shown.mapping.text, "body");
    assert_eq!(shown.mapping.title.as_deref(), Some("headline"));
    assert_eq!(shown.mapping.byline.as_deref(), Some("author"));
    let results = read_all("stories.json", file, shown.mapping);
    let read = records(&results);
    assert_eq!(read.len(), 2);
    assert_eq!(read[1].line, 2);
    assert_eq!(read[0].article.meta.byline.as_deref(), Some("Ana"));
    assert_eq!(read[1].article.meta.title, "Two");
    assert_eq!(
        read[1].article.meta.source.as_deref(),
        Some("stories.json#item 2")
    );
}

#[test]
fn doccano_utf16_offsets_after_an_emoji_land_exactly() {
    let text = "Fire 👨🏻‍🚒 crew said “no”. Later 🏳️‍🌈 the crew said “no” again.";
    let crew = utf16(text, "crew");
    let quote = utf16(text, "“no”");
    let later = utf16(text, "Later 🏳️‍🌈 the");
    let file = format!(
        "{}\n{}\n",
        json!({"text": text, "label": [[crew.0, crew.1, "FACT"], [quote.0, quote.1, "quote"], [later.0, later.1, "OPINION"], [0, 999, "FACT"], ["bad"], "positive"]}),
        json!({"text": text, "entities": [{"id": 1, "start_offset": later.0, "end_offset": later.1, "label": "Allegation"}]}),
    );
    let shown = preview("d.jsonl", &file).unwrap();
    assert_eq!(shown.kind, "doccano JSONL");
    let results = read_all("d.jsonl", &file, shown.mapping);
    let read = records(&results);
    assert_eq!(
        spans(read[0]),
        [(Label::Fact, "crew"), (Label::Quote, "“no”")]
    );
    assert_eq!(
        read[0].annotations.iter().next().unwrap().span,
        Span::new(10, 14)
    );
    assert_eq!(read[0].left_out.get("OPINION"), Some(&1));
    // Past the end, and an item that is no span; the document label "positive" is no span.
    assert_eq!(read[0].not_placed, 2);
    assert!(read[0]
        .annotations
        .iter()
        .all(|a| a.origin == Origin::Imported));
    assert_eq!(spans(read[1]), [(Label::Allegation, "Later 🏳️‍🌈 the")]);
}

#[test]
fn doccano_annotators_come_from_the_line_or_the_span_and_are_never_merged() {
    let text = "Tide 👍 rose 𠀀 today.";
    let rose = utf16(text, "rose");
    let file = format!(
        "{}\n",
        json!({"text": text, "annotator": "ana", "entities": [
            {"start_offset": rose.0, "end_offset": rose.1, "label": "FACT"},
            {"start_offset": rose.0, "end_offset": rose.1, "label": "FACT"},
            {"start_offset": rose.0, "end_offset": rose.1, "label": "FACT", "user": 7},
            {"start_offset": rose.0, "end_offset": rose.1, "label": "FACT", "annotator": "bo"}
        ]}),
    );
    let shown = preview("d.jsonl", &file).unwrap();
    let results = read_all("d.jsonl", &file, shown.mapping);
    let read = records(&results);
    let annotators: Vec<&str> = read[0]
        .annotations
        .iter()
        .map(|a| a.annotator.as_str())
        .collect();
    assert_eq!(annotators, ["ana", "user 7", "bo"]);
    assert_eq!(spans(read[0]), [(Label::Fact, "rose"); 3]);
    assert_eq!(read[0].merged, 1);
}

#[test]
fn label_studio_tasks_bring_annotations_predictions_and_annotators() {
    let text = "The mayor said “we will win”. Rivals alleged fraud.";
    let quote = utf16(text, "“we will win”");
    let alleged = utf16(text, "Rivals alleged fraud.");
    let mayor = utf16(text, "The mayor");
    let result = |span: (usize, usize), label: &str| {
        json!({"from_name": "label", "to_name": "text", "type": "labels",
               "value": {"start": span.0, "end": span.1, "text": label_text(text, span), "labels": [label]}})
    };
    let tasks = json!([
        {"id": 17, "data": {"text": text, "url": "https://news.example/mayor"},
         "annotations": [
            {"completed_by": {"id": 3, "email": "ana@example.org"},
             "result": [result(quote, "QUOTE"), result(mayor, "PERSON"), result(quote, "QUOTE"),
                        {"type": "choices", "value": {"choices": ["ok"]}},
                        {"type": "relation", "from_id": "a", "to_id": "b"}]},
            {"completed_by": 5, "result": [result(alleged, "Allegation")]}
         ],
         "predictions": [
            {"model_version": "tagger-2", "result": [result(quote, "QUOTE"), result(alleged, "FACT")]}
         ]},
        {"id": 18, "data": {"text": "Nothing marked."}}
    ]);
    let file = serde_json::to_string_pretty(&tasks).unwrap();
    assert!(is_corpus_file(
        "project-1.json",
        &file[..file.len().min(4096)]
    ));
    let shown = preview("project-1.json", &file).unwrap();
    assert_eq!(shown.kind, "Label Studio tasks");
    assert_eq!(shown.mapping.text, "data.text");
    assert_eq!(shown.mapping.url.as_deref(), Some("data.url"));
    assert_eq!(shown.mapping.id.as_deref(), Some("id"));
    let results = read_all("project-1.json", &file, shown.mapping);
    let read = records(&results);
    assert_eq!(read.len(), 2);
    let task = read[0];
    // The annotator and the model marking the same quote are two annotations, not one; only
    // ana's own repeat of her quote is kept once.
    assert_eq!(
        spans(task),
        [
            (Label::Quote, "“we will win”"),
            (Label::Quote, "“we will win”"),
            (Label::Allegation, "Rivals alleged fraud."),
            (Label::Fact, "Rivals alleged fraud.")
        ]
    );
    let annotators: Vec<&str> = task
        .annotations
        .iter()
        .map(|a| a.annotator.as_str())
        .collect();
    assert_eq!(
        annotators,
        ["ana@example.org", "tagger-2", "user 5", "tagger-2"]
    );
    assert_eq!(task.left_out.get("PERSON"), Some(&1));
    assert_eq!(task.merged, 1);
    assert_eq!(task.not_placed, 0);
    assert_eq!(task.record_id.as_deref(), Some("17"));
    assert!(read[1].annotations.is_empty());

    // A single task, not in a list.
    let single = serde_json::to_string_pretty(&tasks[0]).unwrap();
    assert!(is_corpus_file("task.json", &single));
    let shown = preview("task.json", &single).unwrap();
    assert_eq!(
        (shown.records, shown.kind.as_str()),
        (1, "Label Studio tasks")
    );
}

/// The text `span` (UTF-16) covers.
fn label_text(text: &str, span: (usize, usize)) -> String {
    let units: Vec<u16> = text.encode_utf16().collect();
    String::from_utf16_lossy(&units[span.0..span.1])
}

#[test]
fn csv_quotes_bom_crlf_and_tsv() {
    let csv = "\u{feff}id,Headline,text,author,date,url,source,topic\r\n\
        a1,\"Ferry, again\",\"The mayor said \"\"yes\"\".\r\n\r\nA second, quoted paragraph.\",Ana,4 Jan 2024,https://n.example/1,Lindmark Post,transport\r\n\
        a2,Plain,Short text.,,,,,\r\n";
    let shown = preview("rows.csv", csv).unwrap();
    assert_eq!(shown.shape, CorpusShape::Delimited { delimiter: ',' });
    assert_eq!(shown.kind, "CSV");
    assert_eq!(
        shown.fields,
        ["id", "Headline", "text", "author", "date", "url", "source", "topic"]
    );
    assert_eq!(shown.records, 2);
    let m = &shown.mapping;
    assert_eq!(m.text, "text");
    assert_eq!(m.title.as_deref(), Some("Headline"));
    assert_eq!(m.source.as_deref(), Some("source"));
    let results = read_all("rows.csv", csv, shown.mapping);
    let read = records(&results);
    assert_eq!(read.len(), 2);
    let first = &read[0].article;
    assert_eq!(
        first.text(),
        "The mayor said \"yes\".\n\nA second, quoted paragraph."
    );
    assert_eq!(first.meta.title, "Ferry, again");
    assert_eq!(first.meta.byline.as_deref(), Some("Ana"));
    assert_eq!(first.meta.published.as_deref(), Some("2024-01-04"));
    assert_eq!(first.meta.published_raw.as_deref(), Some("4 Jan 2024"));
    assert_eq!(first.meta.source.as_deref(), Some("https://n.example/1"));
    assert_eq!(first.meta.site_name.as_deref(), Some("Lindmark Post"));
    assert_eq!(
        first.meta.extra.iter().collect::<Vec<_>>(),
        [
            (&"id".to_string(), &"a1".to_string()),
            (&"topic".to_string(), &"transport".to_string())
        ]
    );
    assert!(first.normalization.contains(&"line-endings:lf".to_string()));
    assert_eq!((read[0].line, read[1].line), (2, 5));
    assert_eq!(
        read[1].article.meta.source.as_deref(),
        Some("rows.csv#line 5")
    );

    let tsv = "title\tbody\nOne\tText, with a comma.\nTwo\t\"Tab\tinside\"\n";
    let shown = preview("rows.tsv", tsv).unwrap();
    assert_eq!(shown.kind, "TSV");
    assert_eq!(shown.mapping.text, "body");
    let results = read_all("rows.tsv", tsv, shown.mapping);
    let texts: Vec<&str> = records(&results).iter().map(|r| r.article.text()).collect();
    assert_eq!(texts, ["Text, with a comma.", "Tab\tinside"]);
}

#[test]
fn a_row_of_the_wrong_width_or_an_open_quote_is_refused_by_row() {
    let csv = "id,text,title,extra\n1,Good one.,T,x\n2,Short,T\n3,\"Never closed,T,x\n";
    let results = read_all("r.csv", csv, mapping("text"));
    assert_eq!(records(&results).len(), 1);
    assert_eq!(
        refusals(&results),
        [
            "Row 3: 3 fields, the header has 4",
            "Row 4: a quoted field is not closed (the file ends inside it)"
        ]
    );
}

#[test]
fn the_text_may_be_any_field_or_a_nested_one() {
    let file = r#"{"text": "short", "story": "The chosen story text.", "doc": {"content": {"body": "Nested text."}}}"#;
    let by_story = read_all("x.jsonl", file, mapping("story"));
    assert_eq!(
        records(&by_story)[0].article.text(),
        "The chosen story text."
    );
    let nested = read_all("x.jsonl", file, mapping("doc.content.body"));
    assert_eq!(records(&nested)[0].article.text(), "Nested text.");
    // doccano offsets count over "text": with another field chosen, spans are found by quote.
    let text = "Intro.  The vote was 61%.";
    let vote = utf16(text, "The vote was 61%.");
    let file = json!({"text": text, "body": "The vote was 61%. More.", "label": [[vote.0, vote.1, "FACT"]]}).to_string();
    let results = read_all("x.jsonl", &file, mapping("body"));
    assert_eq!(
        spans(records(&results)[0]),
        [(Label::Fact, "The vote was 61%.")]
    );
    assert!(Intake::new("x.jsonl", file, mapping("nowhere"))
        .unwrap_err()
        .contains("“nowhere”"));
}

#[test]
fn spans_survive_trimmed_paragraph_whitespace() {
    let text = "  Headline line  \r\n\r\n\r\n   The crew said “no”.   \r\n";
    let said = utf16(text, "crew said");
    let whole = utf16(text, "Headline line  \r\n\r\n\r\n   The");
    let spaces = utf16(text, "   The");
    let file = json!({"text": text, "label": [[said.0, said.1, "FACT"], [whole.0, whole.1, "QUOTE"], [spaces.0, spaces.1, "ALLEGATION"]]}).to_string();
    let results = read_all("x.jsonl", &file, mapping("text"));
    let read = records(&results)[0];
    assert_eq!(read.article.text(), "Headline line\n\nThe crew said “no”.");
    assert_eq!(
        spans(read),
        [
            (Label::Quote, "Headline line\n\nThe"),
            (Label::Allegation, "The"),
            (Label::Fact, "crew said")
        ]
    );
    assert_eq!(read.article.paragraphs()[1].kind, ParagraphKind::Body);
}

#[test]
fn a_malformed_line_is_named_and_the_rest_imported() {
    let file = "{\"text\": \"One.\"}\n{\"text\": oops}\n[1]\n{\"title\": \"no text\"}\n{\"text\": \"  \"}\n{\"text\": \"Two.\"}\n";
    let results = read_all("x.jsonl", file, mapping("text"));
    let texts: Vec<&str> = records(&results).iter().map(|r| r.article.text()).collect();
    assert_eq!(texts, ["One.", "Two."]);
    assert_eq!(
        refusals(&results),
        [
            "Line 2: not JSON (expected value at column 10)",
            "Line 3: not a JSON object",
            "Line 4: no text under “text”",
            "Line 5: the text under “text” is empty"
        ]
    );
    let lines: Vec<usize> = results
        .iter()
        .map(|r| match r {
            Ok(record) => record.line,
            Err(refused) => refused.line,
        })
        .collect();
    assert_eq!(lines, [1, 2, 3, 4, 5, 6]);
}

#[test]
fn repeated_ids_are_refused_after_the_first() {
    let file = "id\ttext\na-17\tFirst.\na-18\tSecond.\na-17\tAgain.\n\t No id.\n\t No id either.\n";
    let m = Mapping {
        id: Some("id".into()),
        ..mapping("text")
    };
    let results = read_all("x.tsv", file, m);
    assert_eq!(records(&results).len(), 4);
    assert_eq!(
        refusals(&results),
        ["Row 4: duplicate id “a-17” (first on row 2)"]
    );
    let jsonl = "{\"id\": 1, \"text\": \"a\"}\n{\"id\": 1, \"text\": \"b\"}\n";
    let results = read_all("x.jsonl", jsonl, preview("x.jsonl", jsonl).unwrap().mapping);
    assert_eq!(
        refusals(&results),
        ["Line 2: duplicate id “1” (first on line 1)"]
    );
}

#[test]
fn limits_are_checked_up_front_with_a_clear_message() {
    let small = Limits {
        bytes: 40,
        records: 3,
    };
    let big = format!("text\n{}", "word\n".repeat(8));
    let error = preview_with("big.csv", &big, small).unwrap_err();
    assert!(
        error.starts_with("The file “big.csv” is 0.0 MB; claimtag reads corpus files up to 200 MB"),
        "{error}"
    );
    assert!(Intake::new_with("big.csv", big, mapping("text"), small).is_err());
    let many = "text\na\nb\nc\nd\n".to_string();
    assert_eq!(preview_with("m.csv", &many, small).unwrap().records, 4);
    assert_eq!(
        Intake::new_with("m.csv", many, mapping("text"), small).unwrap_err(),
        "The file “m.csv” holds 4 records; claimtag reads at most 3 from one file. Split it into parts and add each."
    );
    let rows = format!("text\n{}", "x\n".repeat(MAX_RECORDS + 1));
    assert!(Intake::new("rows.csv", rows, mapping("text"))
        .unwrap_err()
        .contains("holds 100,001 records; claimtag reads at most 100,000"));
    assert!(
        check_corpus_file("huge.csv", &vec![b'a'; MAX_CORPUS_BYTES + 1])
            .unwrap_err()
            .contains("200 MB")
    );
}

#[test]
fn empty_headerless_and_recordless_files_are_refused() {
    assert_eq!(
        preview("e.jsonl", "\u{feff} \n\t").unwrap_err(),
        "The file “e.jsonl” is empty."
    );
    assert!(preview("h.csv", ",,\n1,2,3\n")
        .unwrap_err()
        .contains("no header"));
    assert!(preview("h.csv", "id,text\n\n")
        .unwrap_err()
        .contains("no records"));
    assert!(preview("a.json", "[]").unwrap_err().contains("no records"));
    assert!(preview("x.jsonl", "not json\nat all\n")
        .unwrap_err()
        .starts_with("The file “x.jsonl” could not be read: Line 1: not JSON"));
    assert!(preview("n.jsonl", "{\"n\": 1}\n")
        .unwrap_err()
        .contains("none of the first records has a field with text"));
    assert!(Intake::new("x.csv", "text\na\n".to_string(), mapping(" "))
        .unwrap_err()
        .contains("Choose the field"));
}

#[test]
fn batches_give_the_same_records_as_one_read() {
    let mut file = String::new();
    for i in 0..23 {
        if i % 7 == 3 {
            file.push_str("{broken\n");
        } else {
            let text = format!("Story {i} 👍 said “yes”.");
            let (s, e) = utf16(&text, "“yes”");
            file.push_str(&json!({"text": text, "label": [[s, e, "QUOTE"]]}).to_string());
            file.push('\n');
        }
    }
    let all = read_all("b.jsonl", &file, mapping("text"));
    let mut intake = Intake::new("b.jsonl", file, mapping("text")).unwrap();
    assert_eq!(intake.position(), (0, 23));
    let mut batched = Vec::new();
    loop {
        let batch = intake.next_batch(4);
        if batch.is_empty() {
            break;
        }
        assert!(batch.len() <= 4);
        batched.extend(batch);
        assert_eq!(intake.position().0, batched.len());
    }
    assert!(intake.done());
    assert_eq!(batched, all);
    assert_eq!(refusals(&all).len(), 3);
    for record in records(&all) {
        assert_eq!(spans(record), [(Label::Quote, "“yes”")]);
    }
}

#[test]
fn corpus_files_are_told_from_single_articles() {
    assert!(is_corpus_file("a.jsonl", "{\"text\": \"x\"}"));
    assert!(is_corpus_file("a.NDJSON", ""));
    assert!(is_corpus_file("a.csv", "id,text"));
    assert!(is_corpus_file("a.tsv", ""));
    assert!(is_corpus_file("a.json", "\u{feff} [\n  {\"text\": \"x\"}"));
    assert!(!is_corpus_file("a.json", "[1, 2]"));
    assert!(!is_corpus_file("story.claimtag.json", "[{\"text\": 1}]"));
    assert!(!is_corpus_file(
        "story.json",
        "{\n  \"format\": \"claimtag\",\n  \"data\": 1, \"annotations\": []"
    ));
    assert!(!is_corpus_file(
        "library.jsonl",
        "{\"format\":\"claimtag\",\"version\":1}\n"
    ));
    assert!(!is_corpus_file(
        "notes.json",
        "[{\"@context\": \"http://www.w3.org/ns/anno.jsonld\", \"type\": \"Annotation\"}]"
    ));
    assert!(!is_corpus_file(
        "notes.json",
        "{\"@context\": \"http://www.w3.org/ns/anno.jsonld\", \"data\": {}, \"annotations\": []}"
    ));
    assert!(!is_corpus_file("page.html", "<html>"));
    assert!(!is_corpus_file("a.txt", "id,text"));
}

#[test]
fn a_jsonl_of_claimtag_exports_reads_exactly() {
    let article = Article::from_paragraphs(
        [("Tide 👍 rose.", ParagraphKind::Body)],
        Metadata {
            title: "Tide".into(),
            ..Metadata::default()
        },
    );
    let mut set = AnnotationSet::new();
    set.add(&article, Span::new(7, 11), Label::Fact).unwrap();
    let file = corpus_jsonl(&[(article.clone(), set.clone())], "now").unwrap();
    let shown = preview("library.jsonl", &file).unwrap();
    assert_eq!(shown.kind, "claimtag JSONL");
    let results = read_all("library.jsonl", &file, shown.mapping);
    let read = records(&results);
    assert_eq!(read[0].article.text(), article.text());
    assert_eq!(read[0].annotations.as_slice(), set.as_slice());
}

#[test]
fn bytes_are_checked_and_a_guessed_encoding_is_remarked() {
    assert!(check_corpus_file("e.csv", b"")
        .unwrap_err()
        .contains("empty"));
    assert!(check_corpus_file("i.csv", b"\x89PNG\r\n\x1a\n\0\0")
        .unwrap_err()
        .contains("not text"));
    assert_eq!(check_corpus_file("ok.csv", b"id,text\n1,caf\xE9\n"), Ok(()));
    let (sniffed, remark) = decoding(b"id,text\n1,caf\xE9\n");
    assert_eq!(sniffed.label, "windows-1252");
    assert!(remark.unwrap().contains("windows-1252"));
    assert_eq!(decoding("id,text\n1,café\n".as_bytes()).1, None);
}
