//! Every annotation of every corpus format read back from the output: the text at its offsets
//! (code points, or UTF-16 units for doccano) is the annotation's text.

use std::collections::HashMap;

use serde_json::Value;

use super::*;

/// Code points of `text` at `start..end`.
fn cp_slice(text: &str, start: usize, end: usize) -> String {
    text.chars().skip(start).take(end - start).collect()
}

/// UTF-16 units of `text` at `start..end`.
fn utf16_slice(text: &str, start: usize, end: usize) -> String {
    let units: Vec<u16> = text.encode_utf16().collect();
    String::from_utf16(&units[start..end]).unwrap()
}

fn num(v: &Value) -> usize {
    v.as_u64().unwrap() as usize
}

/// The texts of every annotation of the corpus by document id, in document order.
fn expected(docs: &[Doc]) -> HashMap<String, (String, Vec<String>)> {
    docs.iter()
        .map(|d| {
            let texts = d
                .annotations
                .iter()
                .map(|a| d.article.slice(a.span).unwrap().to_string())
                .collect();
            (d.info.id.clone(), (d.article.text().to_string(), texts))
        })
        .collect()
}

/// Parses a CSV file (RFC 4180 quoting) into rows of cells.
fn parse_csv(text: &str) -> Vec<Vec<String>> {
    let mut rows = Vec::new();
    let (mut row, mut cell) = (Vec::new(), String::new());
    let mut chars = text.chars().peekable();
    let mut quoted = false;
    while let Some(c) = chars.next() {
        match (quoted, c) {
            (true, '"') if chars.peek() == Some(&'"') => {
                chars.next();
                cell.push('"');
            }
            (true, '"') => quoted = false,
            (true, c) => cell.push(c),
            (false, '"') => quoted = true,
            (false, ',') => row.push(std::mem::take(&mut cell)),
            (false, '\r') => {}
            (false, '\n') => {
                row.push(std::mem::take(&mut cell));
                rows.push(std::mem::take(&mut row));
            }
            (false, c) => cell.push(c),
        }
    }
    rows
}

/// Reads every annotation back from a format's output and checks that the text at its offsets
/// (UTF-16 for doccano) is the annotation's text; returns how many it checked.
pub(super) fn check_offsets_of(format: CorpusFormat, bytes: &[u8], docs: &[Doc]) -> usize {
    let want = expected(docs);
    let text_of = |id: &str| &want[id].0;
    let mut checked = 0;
    let mut check = |id: &str, n: usize, got: String| {
        assert_eq!(got, want[id].1[n], "{format:?} {id} annotation {n}");
        checked += 1;
    };
    let lines = |bytes: &[u8]| -> Vec<Value> {
        std::str::from_utf8(bytes)
            .unwrap()
            .lines()
            .map(|l| serde_json::from_str(l).unwrap())
            .collect()
    };
    let native = |line: &Value, check: &mut dyn FnMut(&str, usize, String)| {
        let id = line["document"]["id"].as_str().unwrap();
        let text = line["document"]["text"].as_str().unwrap();
        for (n, a) in line["annotations"].as_array().unwrap().iter().enumerate() {
            let got = cp_slice(text, num(&a["start"]), num(&a["end"]));
            assert_eq!(got, a["text"].as_str().unwrap());
            let utf16 = utf16_slice(text, num(&a["utf16_start"]), num(&a["utf16_end"]));
            assert_eq!(utf16, got);
            check(id, n, got);
        }
    };
    match format {
        CorpusFormat::Native => lines(bytes).iter().for_each(|l| native(l, &mut check)),
        CorpusFormat::Package => {
            for (name, contents) in unzip(bytes) {
                if name.ends_with(".jsonl") {
                    lines(&contents).iter().for_each(|l| native(l, &mut check));
                }
            }
        }
        CorpusFormat::Doccano => {
            for line in lines(bytes) {
                let (id, text) = (line["id"].as_str().unwrap(), line["text"].as_str().unwrap());
                assert_eq!(text, text_of(id));
                for (n, span) in line["label"].as_array().unwrap().iter().enumerate() {
                    check(id, n, utf16_slice(text, num(&span[0]), num(&span[1])));
                }
            }
        }
        CorpusFormat::LabelStudio => {
            let tasks: Value = serde_json::from_slice(bytes).unwrap();
            for task in tasks.as_array().unwrap() {
                let id = task["data"]["claimtag_id"].as_str().unwrap();
                let text = task["data"]["text"].as_str().unwrap();
                let result = task["annotations"][0]["result"].as_array().unwrap();
                for (n, r) in result.iter().enumerate() {
                    let v = &r["value"];
                    let got = cp_slice(text, num(&v["start"]), num(&v["end"]));
                    assert_eq!(got, v["text"].as_str().unwrap());
                    check(id, n, got);
                }
            }
        }
        CorpusFormat::Spacy => {
            for line in lines(bytes) {
                let id = line["meta"]["id"].as_str().unwrap();
                let text = line["text"].as_str().unwrap();
                for (n, s) in line["spans"].as_array().unwrap().iter().enumerate() {
                    check(id, n, cp_slice(text, num(&s["start"]), num(&s["end"])));
                }
            }
        }
        CorpusFormat::Brat => {
            let entries: HashMap<String, Vec<u8>> = unzip(bytes).into_iter().collect();
            for (name, ann) in &entries {
                let Some(stem) = name.strip_suffix(".ann") else {
                    continue;
                };
                let text = String::from_utf8(entries[&format!("{stem}.txt")].clone()).unwrap();
                let id = want.iter().find(|(_, (t, _))| *t == text).unwrap().0;
                let ann = std::str::from_utf8(ann).unwrap();
                for (n, line) in ann.lines().filter(|l| l.starts_with('T')).enumerate() {
                    let fields: Vec<&str> = line.split('\t').collect();
                    let (_, offsets) = fields[1].split_once(' ').unwrap();
                    let fragments: Vec<(usize, usize)> = offsets
                        .split(';')
                        .map(|f| {
                            let (s, e) = f.split_once(' ').unwrap();
                            (s.parse().unwrap(), e.parse().unwrap())
                        })
                        .collect();
                    let pieces: Vec<String> = fragments
                        .iter()
                        .map(|(s, e)| cp_slice(&text, *s, *e))
                        .collect();
                    assert_eq!(pieces.join(" "), fields[2], "{line}");
                    let (first, last) = (fragments[0].0, fragments[fragments.len() - 1].1);
                    check(id, n, cp_slice(&text, first, last));
                }
            }
        }
        CorpusFormat::Csv => {
            let rows = parse_csv(std::str::from_utf8(bytes).unwrap());
            assert_eq!(
                rows[0][..6],
                ["document_id", "title", "label", "start", "end", "text"]
            );
            let mut seen: HashMap<String, usize> = HashMap::new();
            for row in &rows[1..] {
                let id = row[0].as_str();
                let got = cp_slice(
                    text_of(id),
                    row[3].parse().unwrap(),
                    row[4].parse().unwrap(),
                );
                assert_eq!(got, row[5]);
                let n = seen.entry(id.to_string()).or_default();
                check(id, *n, got);
                *n += 1;
            }
        }
        CorpusFormat::W3c => {
            let collection: Value = serde_json::from_slice(bytes).unwrap();
            let items = collection["first"]["items"].as_array().unwrap();
            assert_eq!(num(&collection["total"]), items.len());
            let mut seen: HashMap<String, usize> = HashMap::new();
            for item in items {
                // urn:claimtag:<document id>:<annotation id>
                let urn = item["id"].as_str().unwrap();
                let id = urn.split(':').nth(2).unwrap();
                let selectors = item["target"]["selector"].as_array().unwrap();
                let position = &selectors[1];
                let got = cp_slice(text_of(id), num(&position["start"]), num(&position["end"]));
                assert_eq!(got, selectors[0]["exact"].as_str().unwrap());
                let n = seen.entry(id.to_string()).or_default();
                check(id, *n, got);
                *n += 1;
            }
        }
    }
    checked
}

#[test]
fn every_formats_offsets_read_back_to_the_annotated_text() {
    let docs = corpus();
    let total: usize = docs.iter().map(|d| d.annotations.len()).sum();
    assert_eq!(total, 8);
    for format in CorpusFormat::ALL {
        let (bytes, _) = write_all(format, Splits::default(), &docs);
        assert_eq!(check_offsets_of(format, &bytes, &docs), total, "{format:?}");
    }
}
