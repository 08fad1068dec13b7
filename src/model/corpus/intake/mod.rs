//! Reading corpus files into documents: JSONL or a JSON array of records (doccano JSONL and
//! Label Studio tasks among them, their spans placed as annotations), and CSV/TSV tables with a
//! header row.
//!
//! The steps the UI takes: [`is_corpus_file`] tells a corpus from a single article by its name
//! and first KB; [`check_corpus_file`] and [`decoding`] look at the bytes before decoding;
//! [`preview`] shows the first records and guesses the [`Mapping`] (which field is the text,
//! the title, ...); [`Intake`] then reads every record with the chosen mapping, a batch at a
//! time, each into an article with its annotations ([`IntakeRecord`]) or a reason it was not
//! read ([`Refused`]).
//!
//! Each record's text becomes an article by the project's text rules (line endings `\n`, no
//! BOM, whitespace around paragraphs removed, nothing inside a paragraph changed); paragraphs
//! are separated by blank lines, or by single line breaks when the text has none. Spans count
//! UTF-16 units over the text the tool saw; they are converted to code points and placed with
//! [`crate::model::format::anchor::anchor`], so every annotation fits the article exactly.

mod delimited;
mod records;
mod source;
mod spans;
mod text;

#[cfg(test)]
mod tests;

use std::collections::{BTreeMap, HashMap};

use crate::model::corpus::listing::thousands;
use crate::model::format::anchor::shorten_to;
use crate::model::format::foreign::doccano_list;
use crate::model::format::native::import;
use crate::model::ingest::encoding::{looks_binary, sniff, Sniffed, MAX_FILE_BYTES};
use crate::model::ingest::load::encoding_remark;
use crate::model::{AnnotationSet, Article};

use records::{guess, metadata, Record};
use source::{Cursor, Raw};

/// Largest corpus file read, in bytes.
pub const MAX_CORPUS_BYTES: usize = 200 * 1024 * 1024;

/// Most records read from one corpus file.
pub const MAX_RECORDS: usize = 100_000;

/// How many records the preview shows.
const SAMPLE: usize = 5;

/// How long a value in the preview may be, in code points.
const SAMPLE_CHARS: usize = 120;

/// How long a title taken from the text may be, in code points.
const TITLE_CHARS: usize = 80;

/// How many records the preview and [`Intake::new`] look at to find the text field.
const LOOK_AHEAD: usize = 20;

/// The shape of a corpus file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CorpusShape {
    /// One JSON object a line.
    Jsonl,
    /// A JSON array of objects (or one JSON object, read as a single record).
    JsonArray,
    /// A table with a header row, fields separated by `delimiter` (`,`, `;` or a tab).
    Delimited {
        /// The field separator.
        delimiter: char,
    },
}

/// Which field becomes what (field names as shown in the preview; nested JSON keys as `a.b`).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Mapping {
    /// The article text.
    pub text: String,
    /// The record's id (kept in [`crate::model::Metadata::extra`] as `id`; ids must not repeat).
    pub id: Option<String>,
    /// The headline.
    pub title: Option<String>,
    /// The article's URL.
    pub url: Option<String>,
    /// The publication date.
    pub published: Option<String>,
    /// Where it came from.
    pub source: Option<String>,
    /// The author line.
    pub byline: Option<String>,
}

/// What the mapping step shows before anything is added.
#[derive(Debug, Clone, PartialEq)]
pub struct Preview {
    /// The file's shape.
    pub shape: CorpusShape,
    /// What the file is, for the user: "doccano JSONL", "Label Studio tasks", "JSONL",
    /// "JSON array", "CSV", "TSV" (or "claimtag JSONL" for a library export).
    pub kind: String,
    /// Every field of the first records, in the file's order.
    pub fields: Vec<String>,
    /// The first records (at most 5): each field with its value shortened to ~120 characters.
    pub sample: Vec<Vec<(String, String)>>,
    /// The guess.
    pub mapping: Mapping,
    /// How many records the file holds (those that will be refused included).
    pub records: usize,
}

/// One record read into a document.
#[derive(Debug, Clone, PartialEq)]
pub struct IntakeRecord {
    /// The 1-based line of the file it begins on (a JSONL line, a table row's first line), or
    /// its number in a JSON array.
    pub line: usize,
    /// Its article.
    pub article: Article,
    /// The spans it carried that could be placed, as imported annotations.
    pub annotations: AnnotationSet,
    /// Labels that are not FACT, ALLEGATION or QUOTE, each with how many spans carried it.
    pub left_out: BTreeMap<String, usize>,
    /// Spans that could not be placed on the text (offsets outside it, text not found).
    pub not_placed: usize,
    /// Spans that repeat one already placed by the same annotator (same place, same label — an
    /// annotator's span given twice), kept once; different annotators' spans are all kept.
    pub merged: usize,
    /// The record's id, when the mapping names an id field and the record has one.
    pub record_id: Option<String>,
    /// Who the record says annotated it, whether they marked anything or not, in the file's
    /// order, each once (Label Studio's `completed_by` of each annotation that was not
    /// cancelled, and `model_version` of each prediction; doccano's `annotator`). An
    /// annotator here with no annotation read the text and marked nothing.
    pub annotators: Vec<String>,
}

/// A record that could not be read, and why ("Line 7: not JSON (expected value at column
/// 3)", "Line 12: no text under “body”", "Line 30: duplicate id “a-17” (first on line 4)",
/// "Row 9: 3 fields, the header has 4").
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Refused {
    /// Where it is, as in [`IntakeRecord::line`].
    pub line: usize,
    /// Why it was not read, beginning with where it is.
    pub reason: String,
}

/// The limits a file is held to (smaller in tests).
#[derive(Debug, Clone, Copy)]
struct Limits {
    bytes: usize,
    records: usize,
}

const LIMITS: Limits = Limits {
    bytes: MAX_CORPUS_BYTES,
    records: MAX_RECORDS,
};

/// Whether a file (by name and its first few KB) is a corpus file rather than one article.
/// `.jsonl`, `.ndjson`, `.csv` and `.tsv` are — except a JSONL of claimtag exports (Library →
/// Export all), which opens as before; a `.json` is when it is a JSON array of objects or a
/// Label Studio task, but not a claimtag export nor W3C Web Annotation.
pub fn is_corpus_file(name: &str, start: &str) -> bool {
    let lower = name.to_lowercase();
    let head = start.trim_start_matches('\u{feff}').trim_start();
    let first_line = head.lines().next().unwrap_or_default();
    let native = |text: &str| {
        let squeezed: String = text.chars().filter(|c| !c.is_whitespace()).collect();
        squeezed.contains("\"format\":\"claimtag\"")
    };
    if lower.ends_with(".jsonl") || lower.ends_with(".ndjson") {
        return !native(first_line);
    }
    if lower.ends_with(".csv") || lower.ends_with(".tsv") {
        return true;
    }
    if !lower.ends_with(".json") || lower.ends_with(".claimtag.json") || native(head) {
        return false;
    }
    let w3c = ["\"@context\"", "TextQuoteSelector", "TextPositionSelector"]
        .iter()
        .any(|marker| head.contains(marker));
    if w3c {
        return false;
    }
    if let Some(items) = head.strip_prefix('[') {
        return items.trim_start().starts_with('{');
    }
    head.starts_with('{')
        && head.contains("\"data\"")
        && (head.contains("\"annotations\"") || head.contains("\"predictions\""))
}

/// Checks a corpus file's bytes before decoding: not empty, not over [`MAX_CORPUS_BYTES`],
/// text rather than an image or archive.
pub fn check_corpus_file(name: &str, bytes: &[u8]) -> Result<(), String> {
    if bytes.is_empty() {
        return Err(format!("The file “{name}” is empty."));
    }
    if bytes.len() > MAX_CORPUS_BYTES {
        return Err(too_large(name, bytes.len()));
    }
    if looks_binary(bytes) {
        return Err(format!(
            "The file “{name}” is not text (it looks like an image or other binary file). A corpus is a .jsonl, .json, .csv or .tsv file."
        ));
    }
    Ok(())
}

/// How to decode a corpus file's bytes (a BOM, else UTF-8 when they are valid UTF-8, else
/// windows-1252) and, when that was a guess, the remark to show with the file — the same
/// rules and words as for a single article.
pub fn decoding(bytes: &[u8]) -> (Sniffed, Option<String>) {
    let sniffed = sniff(bytes, false);
    let remark = encoding_remark(&sniffed);
    (sniffed, remark)
}

fn too_large(name: &str, bytes: usize) -> String {
    format!(
        "The file “{name}” is {:.1} MB; claimtag reads corpus files up to {} MB. Split it into parts and add each.",
        bytes as f64 / (1024.0 * 1024.0),
        MAX_CORPUS_BYTES / (1024 * 1024)
    )
}

/// Refuses an empty or over-large file; opens a cursor on its records and counts them.
fn open(
    name: &str,
    contents: &str,
    limits: Limits,
) -> Result<(Cursor, CorpusShape, usize), String> {
    if contents.trim_start_matches('\u{feff}').trim().is_empty() {
        return Err(format!("The file “{name}” is empty."));
    }
    if contents.len() > limits.bytes {
        return Err(too_large(name, contents.len()));
    }
    let (cursor, shape) =
        Cursor::open(name, contents).map_err(|e| format!("The file “{name}”: {e}"))?;
    let total = cursor.count(contents);
    if total == 0 {
        return Err(match shape {
            CorpusShape::Delimited { .. } => {
                format!("The file “{name}” has a header row but no records under it.")
            }
            _ => format!("The file “{name}” holds no records."),
        });
    }
    Ok((cursor, shape, total))
}

/// Whether a JSON record is a claimtag export (a line of Library → Export all).
fn is_native(record: &Record) -> bool {
    record
        .json()
        .and_then(|v| v.get("format"))
        .and_then(|f| f.as_str())
        == Some("claimtag")
}

/// What the file is, for the user, from its shape and first record.
fn kind_of(shape: CorpusShape, first: &Record) -> String {
    let lines = shape == CorpusShape::Jsonl;
    let value = first.json();
    let has = |key: &str| value.and_then(|v| v.get(key)).is_some();
    let kind = match shape {
        CorpusShape::Delimited { delimiter: '\t' } => "TSV",
        CorpusShape::Delimited { .. } => "CSV",
        _ if is_native(first) => "claimtag JSONL",
        _ if value
            .and_then(|v| v.get("data"))
            .is_some_and(|d| d.is_object())
            && (has("annotations") || has("predictions")) =>
        {
            "Label Studio tasks"
        }
        _ if has("text") && value.and_then(doccano_list).is_some() => {
            if lines {
                "doccano JSONL"
            } else {
                "doccano JSON"
            }
        }
        CorpusShape::Jsonl => "JSONL",
        CorpusShape::JsonArray => "JSON array",
    };
    kind.to_string()
}

/// Reads enough of `contents` to show the mapping step; refuses (clear message) an empty
/// file, a file over [`MAX_CORPUS_BYTES`], no header, no records, or a file in which none of
/// the first records has a text field.
pub fn preview(name: &str, contents: &str) -> Result<Preview, String> {
    preview_with(name, contents, LIMITS)
}

fn preview_with(name: &str, contents: &str, limits: Limits) -> Result<Preview, String> {
    let (mut cursor, shape, total) = open(name, contents, limits)?;
    let mut sample = Vec::new();
    let mut first_refusal = None;
    let mut looked = 0;
    while sample.len() < SAMPLE && looked < LOOK_AHEAD {
        let Some(raw) = cursor.next(contents, true) else {
            break;
        };
        looked += 1;
        match raw.record {
            Some(Ok(record)) => sample.push(record),
            Some(Err(reason)) => {
                first_refusal.get_or_insert(format!("{}: {reason}", raw.place));
            }
            None => {}
        }
    }
    let Some(first) = sample.first() else {
        return Err(format!(
            "The file “{name}” could not be read: {}.",
            first_refusal.unwrap_or_else(|| "no records".to_string())
        ));
    };
    let kind = kind_of(shape, first);
    let mut fields: Vec<String> = Vec::new();
    for record in &sample {
        for field in record.fields() {
            if !fields.contains(&field) {
                fields.push(field);
            }
        }
    }
    let mapping = guess(&fields, &sample);
    if mapping.text.is_empty() {
        return Err(format!(
            "The file “{name}”: none of the first records has a field with text in it."
        ));
    }
    let sample = sample
        .iter()
        .map(|record| {
            fields
                .iter()
                .filter_map(|f| Some((f.clone(), shorten_to(&record.get(f)?, SAMPLE_CHARS))))
                .collect()
        })
        .collect();
    Ok(Preview {
        shape,
        kind,
        fields,
        sample,
        mapping,
        records: total,
    })
}

/// An incremental reader: the UI calls [`Intake::next_batch`] repeatedly, yielding to the
/// browser between batches. It keeps a byte cursor into the contents, so each batch reads
/// only its own records. Good records are returned even when others are refused.
#[derive(Debug)]
pub struct Intake {
    name: String,
    contents: String,
    mapping: Mapping,
    shape: CorpusShape,
    cursor: Cursor,
    read: usize,
    total: usize,
    /// Ids seen, with the line of the record that had each first.
    ids: HashMap<String, usize>,
}

impl Intake {
    /// Opens `contents` (the file `name`) to read with `mapping`. Refuses an empty file, one
    /// over [`MAX_CORPUS_BYTES`] or with more than [`MAX_RECORDS`] records (counted cheaply,
    /// up front), a table without a header, no records, an empty text field, or a text field
    /// none of the first records has.
    pub fn new(name: &str, contents: String, mapping: Mapping) -> Result<Intake, String> {
        Intake::new_with(name, contents, mapping, LIMITS)
    }

    fn new_with(
        name: &str,
        contents: String,
        mapping: Mapping,
        limits: Limits,
    ) -> Result<Intake, String> {
        let (cursor, shape, total) = open(name, &contents, limits)?;
        if total > limits.records {
            return Err(format!(
                "The file “{name}” holds {} records; claimtag reads at most {} from one file. Split it into parts and add each.",
                thousands(total),
                thousands(limits.records)
            ));
        }
        if mapping.text.trim().is_empty() {
            return Err("Choose the field that holds the article text.".to_string());
        }
        let mut ahead = cursor.clone();
        let mut readable = false;
        let mut has_text = false;
        for _ in 0..LOOK_AHEAD {
            let Some(raw) = ahead.next(&contents, true) else {
                break;
            };
            if let Some(Ok(record)) = raw.record {
                readable = true;
                has_text |= is_native(&record) || record.text(&mapping.text).is_some();
            }
            if has_text {
                break;
            }
        }
        if readable && !has_text {
            return Err(format!(
                "None of the first records has a field “{}”: choose the field that holds the article text.",
                mapping.text
            ));
        }
        Ok(Intake {
            name: name.to_string(),
            contents,
            mapping,
            shape,
            cursor,
            read: 0,
            total,
            ids: HashMap::new(),
        })
    }

    /// Reads up to `max` more records (at least one); an empty list when all are read.
    pub fn next_batch(&mut self, max: usize) -> Vec<Result<IntakeRecord, Refused>> {
        let mut out = Vec::new();
        let reading = Reading {
            name: &self.name,
            mapping: &self.mapping,
            shape: self.shape,
        };
        while out.len() < max.max(1) {
            let Some(raw) = self.cursor.next(&self.contents, true) else {
                break;
            };
            self.read += 1;
            out.push(reading.read(raw, &mut self.ids));
        }
        out
    }

    /// Whether every record has been read.
    pub fn done(&self) -> bool {
        self.cursor.finished() || self.read >= self.total
    }

    /// `(records read so far, records in the file)`.
    pub fn position(&self) -> (usize, usize) {
        (self.read, self.total)
    }
}

/// What reading a record needs besides the record.
struct Reading<'a> {
    name: &'a str,
    mapping: &'a Mapping,
    shape: CorpusShape,
}

/// A title from the text: its first line, cut at a word near [`TITLE_CHARS`] code points.
fn title_from(text: &str) -> String {
    let line = text.lines().next().unwrap_or_default().trim();
    if line.chars().count() <= TITLE_CHARS {
        return line.to_string();
    }
    let cut: String = line.chars().take(TITLE_CHARS).collect();
    let at_word = match cut.rfind(char::is_whitespace) {
        Some(at) if at > cut.len() / 2 => &cut[..at],
        _ => cut.as_str(),
    };
    format!("{}…", at_word.trim_end())
}

impl Reading<'_> {
    /// One record into a document, or why not; `ids` holds the ids read so far.
    fn read(
        &self,
        raw: Raw<'_>,
        ids: &mut HashMap<String, usize>,
    ) -> Result<IntakeRecord, Refused> {
        let refuse = |why: String| Refused {
            line: raw.line,
            reason: format!("{}: {why}", raw.place),
        };
        let record = match raw.record {
            Some(Ok(record)) => record,
            Some(Err(why)) => return Err(refuse(why)),
            None => return Err(refuse("not read".to_string())),
        };
        let key = &self.mapping.text;
        let native = is_native(&record);
        let text = if native {
            ""
        } else {
            let text = record
                .text(key)
                .ok_or_else(|| refuse(format!("no text under “{key}”")))?;
            if text.trim().is_empty() {
                return Err(refuse(format!("the text under “{key}” is empty")));
            }
            if text.len() > MAX_FILE_BYTES {
                return Err(refuse(format!(
                    "the text is {:.1} MB; claimtag opens articles up to 20 MB",
                    text.len() as f64 / (1024.0 * 1024.0)
                )));
            }
            text
        };
        let (mut meta, record_id) = metadata(&record, self.mapping);
        if let Some(id) = &record_id {
            if let Some(first) = ids.get(id) {
                let unit = raw.place.split(' ').next().unwrap_or_default();
                return Err(refuse(format!(
                    "duplicate id “{id}” (first on {} {first})",
                    unit.to_lowercase()
                )));
            }
        }
        let done = |article, annotations, placed: spans::Placed| IntakeRecord {
            line: raw.line,
            article,
            annotations,
            left_out: placed.left_out,
            not_placed: placed.not_placed,
            merged: placed.merged,
            record_id: record_id.clone(),
            annotators: placed.annotators,
        };
        let document = if native {
            let (article, annotations) = import(raw.text).map_err(|e| refuse(e.to_string()))?;
            done(article, annotations, spans::Placed::default())
        } else {
            if meta.source.is_none() {
                let unit = match self.shape {
                    CorpusShape::JsonArray => "item",
                    _ => "line",
                };
                meta.source = Some(format!("{}#{unit} {}", self.name, raw.line));
            }
            let (mut article, layout) = text::build_article(text, meta)
                .ok_or_else(|| refuse(format!("the text under “{key}” is empty")))?;
            if article.meta.title.is_empty() {
                article.meta.title = title_from(article.text());
            }
            let mut placed = spans::place_spans(&record, text, &article, &layout);
            let annotations = spans::annotation_set(&mut placed);
            done(article, annotations, placed)
        };
        if let Some(id) = &record_id {
            ids.insert(id.clone(), raw.line);
        }
        Ok(document)
    }
}
