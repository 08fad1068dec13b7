//! Where the records of a corpus file are: its shape (JSONL, a JSON array or a single JSON
//! object, a CSV/TSV table) and a cursor that steps from one record to the next by byte
//! offset, so reading never goes over the file again. The same cursor counts records cheaply
//! (skimming: JSON is not parsed, table fields are not copied).

use std::rc::Rc;

use serde_json::Value;

use super::delimited::{guess_delimiter, read_row};
use super::records::Record;
use super::CorpusShape;
use crate::model::format::parse_json;

/// One record's place in the file and what was read there.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Raw<'c> {
    /// The file line it begins on (JSONL, tables) or its number (JSON array items), 1-based.
    pub line: usize,
    /// How to name it to the user: `Line 7`, `Row 9`, `Item 3`.
    pub place: String,
    /// Its text in the file (the JSON of a JSON record).
    pub text: &'c str,
    /// The record, or why it could not be read (`None` when only skimmed).
    pub record: Option<Result<Record, String>>,
}

/// How the cursor steps.
#[derive(Debug, Clone, PartialEq)]
enum Steps {
    /// One JSON object a line.
    Jsonl,
    /// Items of a JSON array, or (`single`) one JSON object that is the whole file.
    Array { single: bool },
    /// Table rows under `header`.
    Delimited { delimiter: u8, header: Rc<[String]> },
}

/// A cursor over the records of a file's contents.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Cursor {
    steps: Steps,
    /// Byte offset of what comes next.
    pos: usize,
    /// The file line `pos` is on, 1-based.
    line: usize,
    /// Array items stepped over.
    items: usize,
    /// Nothing more to read.
    finished: bool,
}

/// Whether `text` is exactly one JSON object.
fn is_object(text: &str) -> bool {
    parse_json(text).is_ok_and(|v| v.is_object())
}

/// Says a JSON parse error as briefly as the place allows: on a JSONL line the line number is
/// the file's, so only the column is said.
fn not_json(error: String, one_line: bool) -> String {
    let error = if one_line {
        error.replace(" at line 1 column ", " at column ")
    } else {
        error
    };
    format!("not JSON ({error})")
}

/// A JSON record: an object, or why not.
fn json_record(text: &str, one_line: bool) -> Result<Record, String> {
    match parse_json(text) {
        Ok(value @ Value::Object(_)) => Ok(Record::Json(value)),
        Ok(_) => Err("not a JSON object".to_string()),
        Err(error) => Err(not_json(error, one_line)),
    }
}

/// The header's names: trimmed, `column N` for an empty one, `name (2)` for a repeated one.
fn header_names(fields: Vec<String>) -> Rc<[String]> {
    let mut names: Vec<String> = Vec::with_capacity(fields.len());
    for (i, field) in fields.into_iter().enumerate() {
        let base = match field.trim() {
            "" => format!("column {}", i + 1),
            name => name.to_string(),
        };
        let mut name = base.clone();
        let mut n = 1;
        while names.contains(&name) {
            n += 1;
            name = format!("{base} ({n})");
        }
        names.push(name);
    }
    names.into()
}

/// The end (exclusive) of the JSON value starting at byte `at`: where, outside strings and
/// nested brackets, a `,` or `]` comes, or the end of the text.
fn value_end(bytes: &[u8], at: usize) -> usize {
    let (mut depth, mut in_string, mut escaped) = (0usize, false, false);
    for (i, &b) in bytes.iter().enumerate().skip(at) {
        if in_string {
            match b {
                _ if escaped => escaped = false,
                b'\\' => escaped = true,
                b'"' => in_string = false,
                _ => {}
            }
            continue;
        }
        match b {
            b'"' => in_string = true,
            b'{' | b'[' => depth += 1,
            b'}' | b']' if depth == 0 => return i,
            b'}' | b']' => depth -= 1,
            b',' if depth == 0 => return i,
            _ => {}
        }
    }
    bytes.len()
}

impl Cursor {
    /// Finds the shape of `contents` (named `name`) and opens a cursor on its first record;
    /// refuses a table without a header.
    pub(crate) fn open(name: &str, contents: &str) -> Result<(Cursor, CorpusShape), String> {
        let start = contents.len() - contents.trim_start_matches('\u{feff}').len();
        let body = &contents[start..];
        let lower = name.to_lowercase();
        let head = body.trim_start();
        let first_line = head.lines().next().unwrap_or_default();
        let json_name = lower.ends_with(".json");
        let table_name = lower.ends_with(".csv") || lower.ends_with(".tsv");
        let cursor = |steps| Cursor {
            steps,
            pos: start,
            line: 1,
            items: 0,
            finished: false,
        };
        if !table_name && head.starts_with('[') {
            let at = contents.len() - head.len() + 1;
            let mut opened = cursor(Steps::Array { single: false });
            opened.pos = at;
            return Ok((opened, CorpusShape::JsonArray));
        }
        if !table_name && head.starts_with('{') {
            let single = if json_name {
                is_object(head) || !is_object(first_line)
            } else {
                !is_object(first_line) && is_object(head)
            };
            return Ok(if single {
                (cursor(Steps::Array { single }), CorpusShape::JsonArray)
            } else {
                (cursor(Steps::Jsonl), CorpusShape::Jsonl)
            });
        }
        if !table_name
            && [".json", ".jsonl", ".ndjson"]
                .iter()
                .any(|e| lower.ends_with(e))
        {
            return Ok((cursor(Steps::Jsonl), CorpusShape::Jsonl));
        }
        let delimiter = if lower.ends_with(".tsv") {
            b'\t'
        } else {
            guess_delimiter(first_line)
        };
        let mut opened = cursor(Steps::Delimited {
            delimiter,
            header: Rc::from(Vec::new()),
        });
        let header = loop {
            if opened.pos >= contents.len() {
                return Err("The file has no header row naming its columns.".to_string());
            }
            let row = read_row(contents, opened.pos, delimiter, true);
            opened.pos = row.next;
            opened.line += row.newlines;
            if !row.blank {
                break row.fields;
            }
        };
        if header.iter().all(|h| h.trim().is_empty()) {
            return Err("The file has no header row naming its columns.".to_string());
        }
        opened.steps = Steps::Delimited {
            delimiter,
            header: header_names(header),
        };
        Ok((
            opened,
            CorpusShape::Delimited {
                delimiter: char::from(delimiter),
            },
        ))
    }

    /// The header's names, for a table.
    #[cfg(test)]
    pub(crate) fn header(&self) -> Option<&[String]> {
        match &self.steps {
            Steps::Delimited { header, .. } => Some(header),
            _ => None,
        }
    }

    /// Whether every record has been stepped over.
    pub(crate) fn finished(&self) -> bool {
        self.finished
    }

    /// The next record of `contents`, read (`parse`) or only skimmed; `None` at the end.
    pub(crate) fn next<'c>(&mut self, contents: &'c str, parse: bool) -> Option<Raw<'c>> {
        if self.finished {
            return None;
        }
        let found = match self.steps.clone() {
            Steps::Jsonl => self.next_line(contents, parse),
            Steps::Array { single } => self.next_item(contents, parse, single),
            Steps::Delimited { delimiter, header } => {
                self.next_row(contents, parse, delimiter, &header)
            }
        };
        self.finished |= found.is_none();
        found
    }

    fn next_line<'c>(&mut self, contents: &'c str, parse: bool) -> Option<Raw<'c>> {
        loop {
            let rest = contents.get(self.pos..)?;
            if rest.is_empty() {
                return None;
            }
            let (line, width) = match rest.find('\n') {
                Some(at) => (&rest[..at], at + 1),
                None => (rest, rest.len()),
            };
            let number = self.line;
            self.pos += width;
            self.line += 1;
            let line = line.strip_suffix('\r').unwrap_or(line);
            if line.trim().is_empty() {
                continue;
            }
            return Some(Raw {
                line: number,
                place: format!("Line {number}"),
                text: line,
                record: parse.then(|| json_record(line, true)),
            });
        }
    }

    fn next_item<'c>(&mut self, contents: &'c str, parse: bool, single: bool) -> Option<Raw<'c>> {
        let rest = contents.get(self.pos..)?;
        let text = if single {
            self.finished = true;
            rest.trim()
        } else {
            let at = self.pos + (rest.len() - rest.trim_start().len());
            let end = value_end(contents.as_bytes(), at);
            let text = contents.get(at..end)?.trim_end();
            let comma = contents.as_bytes().get(end) == Some(&b',');
            // `]`, or the end after `[` or a trailing comma: nothing more.
            if text.is_empty() && !comma {
                return None;
            }
            // After the last item (a `]` or the end of the file), the cursor is done.
            self.finished = !comma;
            self.pos = end + 1;
            text
        };
        self.items += 1;
        let number = self.items;
        Some(Raw {
            line: number,
            place: format!("Item {number}"),
            text,
            record: parse.then(|| {
                if text.is_empty() {
                    Err("not JSON (nothing between two commas)".to_string())
                } else {
                    json_record(text, false)
                }
            }),
        })
    }

    fn next_row<'c>(
        &mut self,
        contents: &'c str,
        parse: bool,
        delimiter: u8,
        header: &Rc<[String]>,
    ) -> Option<Raw<'c>> {
        loop {
            if self.pos >= contents.len() {
                return None;
            }
            let start = self.pos;
            let row = read_row(contents, start, delimiter, parse);
            let number = self.line;
            self.pos = row.next;
            self.line += row.newlines;
            if row.blank {
                continue;
            }
            let record = parse.then(|| {
                if row.unclosed {
                    Err("a quoted field is not closed (the file ends inside it)".to_string())
                } else if row.fields.len() != header.len() {
                    let n = row.fields.len();
                    Err(format!(
                        "{n} field{}, the header has {}",
                        if n == 1 { "" } else { "s" },
                        header.len()
                    ))
                } else {
                    Ok(Record::Row(header.clone(), row.fields))
                }
            });
            return Some(Raw {
                line: number,
                place: format!("Row {number}"),
                text: contents.get(start..row.next).unwrap_or_default(),
                record,
            });
        }
    }

    /// How many records follow the cursor, skimming.
    pub(crate) fn count(&self, contents: &str) -> usize {
        let mut skim = self.clone();
        if let Steps::Jsonl = skim.steps {
            return contents
                .get(skim.pos..)
                .unwrap_or_default()
                .lines()
                .filter(|l| !l.trim().is_empty())
                .count();
        }
        let mut n = 0;
        while skim.next(contents, false).is_some() {
            n += 1;
        }
        n
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn places(name: &str, contents: &str) -> Vec<(String, bool)> {
        let Ok((mut cursor, _)) = Cursor::open(name, contents) else {
            return Vec::new();
        };
        let count = cursor.count(contents);
        let mut out = Vec::new();
        while let Some(raw) = cursor.next(contents, true) {
            out.push((raw.place, raw.record.is_some_and(|r| r.is_ok())));
        }
        assert_eq!(out.len(), count, "{contents:?}");
        out
    }

    #[test]
    fn array_items_are_found_without_parsing_the_array() {
        let text = "\u{feff} [ {\"a\": \"x,]}\\\"\"}, {\"b\": [1, {\"c\": 2}]} ,\n{bad} ]";
        assert_eq!(
            places("x.json", text),
            [
                ("Item 1".to_string(), true),
                ("Item 2".to_string(), true),
                ("Item 3".to_string(), false)
            ]
        );
        assert!(places("x.json", "[]").is_empty());
        assert!(places("x.json", "[ ]").is_empty());
        assert_eq!(places("x.json", "[{}, ]").len(), 1);
        assert_eq!(places("x.json", "[{}, {\"a\": ").len(), 2);
        assert!(!places("x.json", "[1, 2]")[0].1);
    }

    #[test]
    fn a_single_object_is_one_record_and_jsonl_lines_are_many() {
        assert_eq!(places("task.json", "{\n \"data\": {}\n}\n").len(), 1);
        assert_eq!(places("x.jsonl", "{}\n\n{}\r\n{}").len(), 3);
        let (_, shape) = Cursor::open("x.jsonl", "{\"a\": 1}\n").unwrap();
        assert_eq!(shape, CorpusShape::Jsonl);
        let (_, shape) = Cursor::open("x.ndjson", "{\n\"a\": 1}\n").unwrap();
        assert_eq!(shape, CorpusShape::JsonArray);
    }

    #[test]
    fn tables_have_a_header_and_rows_by_line() {
        let rows = places("t.csv", "\n\nid,text\n1,\"a\nb\"\n\n2,c\n3\n");
        assert_eq!(
            rows,
            [
                ("Row 4".to_string(), true),
                ("Row 7".to_string(), true),
                ("Row 8".to_string(), false)
            ]
        );
        assert!(Cursor::open("t.csv", "\n \n").is_err());
        assert!(Cursor::open("t.csv", ",,\n1,2,3").is_err());
        let (cursor, _) = Cursor::open("t.tsv", "a\ta\t\n").unwrap();
        assert_eq!(cursor.header().unwrap(), ["a", "a (2)", "column 3"]);
    }
}
