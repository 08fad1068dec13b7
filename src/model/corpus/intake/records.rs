//! One record of a corpus file — a JSON object or a table row — with its fields by name
//! (nested JSON keys as `a.b`), the guess of which field is what, and the metadata a
//! [`Mapping`] gives it.

use std::collections::BTreeMap;
use std::rc::Rc;

use serde_json::Value;

use super::Mapping;
use crate::model::ingest::date::parse_date_line;
use crate::model::Metadata;

/// A record as read from the file, before it is mapped.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Record {
    /// A JSON object (a JSONL line, an item of a JSON array).
    Json(Value),
    /// A table row: the header and the row's values, as many as the header has names.
    Row(Rc<[String]>, Vec<String>),
}

/// How deep nested JSON objects are listed as fields (`a.b.c`).
const FIELD_DEPTH: usize = 3;

/// Most fields a record lists.
const MAX_FIELDS: usize = 200;

/// Where fields of a record's metadata may stand besides the top level.
const META_PREFIXES: [&str; 3] = ["", "meta.", "data."];

/// The value at `key` of a JSON object: the field of that name, else a path `a.b` into nested
/// objects (any dot may be a step).
fn lookup<'v>(value: &'v Value, key: &str) -> Option<&'v Value> {
    if let Some(found) = value.get(key) {
        return Some(found);
    }
    key.match_indices('.').find_map(|(at, _)| {
        let inner = value.get(key.get(..at)?)?;
        lookup(inner, key.get(at + 1..)?)
    })
}

/// A scalar written out: strings as they are, numbers and booleans in JSON notation.
fn scalar(value: &Value) -> Option<String> {
    match value {
        Value::String(s) => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        Value::Bool(b) => Some(b.to_string()),
        _ => None,
    }
}

impl Record {
    /// The JSON object, for a JSON record.
    pub(crate) fn json(&self) -> Option<&Value> {
        match self {
            Record::Json(value) => Some(value),
            Record::Row(..) => None,
        }
    }

    /// The text of field `key` when it is a string (a JSON string, any cell).
    pub(crate) fn text(&self, key: &str) -> Option<&str> {
        match self {
            Record::Json(value) => lookup(value, key)?.as_str(),
            Record::Row(header, values) => values
                .get(header.iter().position(|h| h == key)?)
                .map(String::as_str),
        }
    }

    /// The value of field `key` written out (a string, number or boolean).
    pub(crate) fn get(&self, key: &str) -> Option<String> {
        match self {
            Record::Json(value) => scalar(lookup(value, key)?),
            Record::Row(..) => self.text(key).map(str::to_string),
        }
    }

    /// The names of the record's fields with a scalar value, in the file's order (JSON keys
    /// as serde_json orders them), nested ones as `a.b`.
    pub(crate) fn fields(&self) -> Vec<String> {
        fn walk(value: &Value, prefix: &str, depth: usize, out: &mut Vec<String>) {
            let Some(object) = value.as_object() else {
                return;
            };
            for (key, inner) in object {
                if out.len() >= MAX_FIELDS {
                    return;
                }
                let name = format!("{prefix}{key}");
                match inner {
                    Value::Object(_) if depth < FIELD_DEPTH => {
                        walk(inner, &format!("{name}."), depth + 1, out)
                    }
                    Value::String(_) | Value::Number(_) | Value::Bool(_) => out.push(name),
                    _ => {}
                }
            }
        }
        match self {
            Record::Json(value) => {
                let mut out = Vec::new();
                walk(value, "", 1, &mut out);
                out
            }
            Record::Row(header, _) => header.to_vec(),
        }
    }

    /// Fields kept in [`Metadata::extra`]: every column, or every scalar at the top level or
    /// directly under `meta` or `data`, that is not empty and not in `used`.
    fn extra(&self, used: &[&str]) -> BTreeMap<String, String> {
        let mut out = BTreeMap::new();
        let mut keep = |name: String, value: Option<String>| {
            if let Some(value) = value.filter(|v| !v.trim().is_empty()) {
                if !used.contains(&name.as_str()) {
                    out.insert(name, value);
                }
            }
        };
        match self {
            Record::Row(header, values) => {
                for (name, value) in header.iter().zip(values) {
                    keep(name.clone(), Some(value.clone()));
                }
            }
            Record::Json(value) => {
                for (key, inner) in value.as_object().into_iter().flatten() {
                    if inner.is_object() && (key == "meta" || key == "data") {
                        for (k, v) in inner.as_object().into_iter().flatten() {
                            keep(format!("{key}.{k}"), scalar(v));
                        }
                    } else {
                        keep(key.clone(), scalar(inner));
                    }
                }
            }
        }
        out
    }
}

/// The field of `fields` named one of `names` (ignoring case), at the top level or under one
/// of `prefixes`, in that order of preference.
fn named(fields: &[String], names: &[&str], prefixes: &[&str]) -> Option<String> {
    prefixes.iter().find_map(|prefix| {
        names.iter().find_map(|name| {
            let wanted = format!("{prefix}{name}");
            fields
                .iter()
                .find(|f| f.eq_ignore_ascii_case(&wanted))
                .cloned()
        })
    })
}

/// The guess of which field is what: the text is `text`, `body`, `content` or `article` (at
/// the top level, under `data` or `meta`, or under any object), else the field with the
/// longest values in `sample`; metadata by name (`date` is the publication date, `author` the
/// byline, `headline` the title).
pub(crate) fn guess(fields: &[String], sample: &[Record]) -> Mapping {
    const TEXT: [&str; 4] = ["text", "body", "content", "article"];
    let text = named(fields, &TEXT, &["", "data.", "meta."])
        .or_else(|| {
            TEXT.iter().find_map(|name| {
                fields
                    .iter()
                    .find(|f| {
                        f.rsplit('.')
                            .next()
                            .is_some_and(|last| last.eq_ignore_ascii_case(name))
                    })
                    .cloned()
            })
        })
        .or_else(|| {
            fields
                .iter()
                .map(|f| {
                    let length: usize = sample
                        .iter()
                        .filter_map(|r| r.text(f))
                        .map(|t| t.chars().count())
                        .sum();
                    (length, f)
                })
                .filter(|(length, _)| *length > 0)
                .max_by_key(|(length, _)| *length)
                .map(|(_, f)| f.clone())
        })
        .unwrap_or_default();
    let others: Vec<String> = fields.iter().filter(|f| **f != text).cloned().collect();
    let find = |names: &[&str]| named(&others, names, &META_PREFIXES);
    Mapping {
        id: find(&["id"]),
        title: find(&["title", "headline"]),
        url: find(&["url", "link"]),
        published: find(&["published", "date", "published_at", "publication_date"]),
        source: find(&["source"]),
        byline: find(&["byline", "author"]),
        text,
    }
}

/// The metadata `mapping` gives `record`, with every other field in [`Metadata::extra`], and
/// its id. The title and source are left empty when the record has none.
pub(crate) fn metadata(record: &Record, mapping: &Mapping) -> (Metadata, Option<String>) {
    let value = |key: &Option<String>| {
        key.as_deref()
            .and_then(|k| record.get(k))
            .map(|v| v.trim().to_string())
            .filter(|v| !v.is_empty())
    };
    let id = value(&mapping.id);
    let url = value(&mapping.url);
    let source = value(&mapping.source);
    let published_raw = value(&mapping.published);
    let used: Vec<&str> = [
        &mapping.title,
        &mapping.url,
        &mapping.published,
        &mapping.source,
        &mapping.byline,
    ]
    .into_iter()
    .flatten()
    .map(String::as_str)
    .chain([mapping.text.as_str()])
    .collect();
    let mut extra = record.extra(&used);
    // The id has no field of its own in the metadata: it is kept as `id`.
    if let (Some(key), Some(id)) = (&mapping.id, &id) {
        extra.remove(key);
        extra.insert("id".to_string(), id.clone());
    }
    let meta = Metadata {
        title: value(&mapping.title).unwrap_or_default(),
        published: published_raw.as_deref().and_then(parse_date_line),
        published_raw,
        byline: value(&mapping.byline),
        // A URL is where the article came from; a source named beside it is the publication.
        site_name: url.as_ref().and(source.clone()),
        source: url.clone().or(source),
        canonical_url: url,
        extra,
        ..Metadata::default()
    };
    (meta, id)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn nested_keys_and_dotted_names_are_found() {
        let record = Record::Json(
            json!({"data": {"text": "T", "n": 3}, "a.b": "flat", "meta": {"x": {"y": true}}}),
        );
        assert_eq!(record.text("data.text"), Some("T"));
        assert_eq!(record.get("data.n").as_deref(), Some("3"));
        assert_eq!(record.get("a.b").as_deref(), Some("flat"));
        assert_eq!(record.get("meta.x.y").as_deref(), Some("true"));
        assert_eq!(record.get("data"), None);
        assert_eq!(record.get("data.text.more"), None);
        assert_eq!(record.fields(), ["a.b", "data.n", "data.text", "meta.x.y"]);
    }

    #[test]
    fn guesses_text_and_metadata_by_name_or_length() {
        let header: Rc<[String]> = ["Headline", "Story", "Author", "date", "ID"]
            .map(String::from)
            .into();
        let row = Record::Row(
            header.clone(),
            [
                "Short",
                "A much longer story text",
                "Ana",
                "2024-01-04",
                "7",
            ]
            .map(String::from)
            .to_vec(),
        );
        let mapping = guess(&header, std::slice::from_ref(&row));
        assert_eq!(mapping.text, "Story");
        assert_eq!(mapping.title.as_deref(), Some("Headline"));
        assert_eq!(mapping.byline.as_deref(), Some("Author"));
        assert_eq!(mapping.published.as_deref(), Some("date"));
        assert_eq!(mapping.id.as_deref(), Some("ID"));
        let (meta, id) = metadata(&row, &mapping);
        assert_eq!(id.as_deref(), Some("7"));
        assert_eq!(meta.published.as_deref(), Some("2024-01-04"));
        assert_eq!(meta.extra.get("id").map(String::as_str), Some("7"));
        assert_eq!(meta.extra.len(), 1);

        let task = Record::Json(
            json!({"id": 4, "data": {"text": "x", "url": "https://a.example/"}, "meta": {"source": "Post"}}),
        );
        let mapping = guess(&task.fields(), std::slice::from_ref(&task));
        assert_eq!(mapping.text, "data.text");
        assert_eq!(mapping.url.as_deref(), Some("data.url"));
        let (meta, _) = metadata(&task, &mapping);
        assert_eq!(meta.source.as_deref(), Some("https://a.example/"));
        assert_eq!(meta.site_name.as_deref(), Some("Post"));
    }
}
