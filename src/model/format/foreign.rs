//! Reading other tools' files — W3C Web Annotation, doccano JSONL, Label Studio JSON — into
//! [`Candidate`]s to place on the open article ([`read_foreign`]), and the pieces the corpus
//! intake shares: doccano's and Label Studio's span lists, who made them, and what their
//! offsets count ([`Counting`], [`place_foreign`]).

use serde_json::Value;

use crate::model::format::anchor::{shorten, Candidate};
use crate::model::format::parse_json;
use crate::model::{Label, Span, TextIndex};

/// Reads a file of W3C Web Annotation, doccano JSONL or Label Studio JSON into candidates.
pub fn read_foreign(contents: &str) -> Result<Vec<Candidate>, String> {
    let candidates = read_any(contents)?;
    if candidates.len() > MAX_FOREIGN {
        return Err(format!(
            "The file holds {} annotations; claimtag places at most {} from another tool at a time. Split the file and import the parts.",
            candidates.len(),
            MAX_FOREIGN
        ));
    }
    Ok(candidates)
}

/// Most annotations placed from one file of another tool: each is matched against the text,
/// so this bounds the time an import takes.
pub const MAX_FOREIGN: usize = 20_000;

/// Every candidate in a W3C, Label Studio or doccano file.
fn read_any(contents: &str) -> Result<Vec<Candidate>, String> {
    let trimmed = contents.trim_start_matches('\u{feff}').trim();
    if let Ok(value) = parse_json(trimmed) {
        if value.get("@context").is_some() || value.get("type").is_some() {
            return read_w3c(&value);
        }
        if value.is_array() {
            return read_label_studio(&value);
        }
        if doccano_list(&value).is_some() && value.get("text").is_some() {
            return read_doccano_line(&value, 1);
        }
        return Err(
            "This JSON file is not W3C Web Annotation, doccano or Label Studio data.".to_string(),
        );
    }
    // JSONL: doccano, one document per line (all lines are read onto this article).
    let mut out = Vec::new();
    for (n, line) in trimmed
        .lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty())
    {
        let value = parse_json(line).map_err(|e| format!("Line {}: not JSON ({e}).", n + 1))?;
        out.extend(read_doccano_line(&value, n + 1)?);
    }
    Ok(out)
}

/// Converts UTF-16 offsets over `text` (what doccano and older Label Studio count) to code points,
/// with the quoted text they cover.
pub(crate) fn from_utf16(
    text: &str,
    index: &TextIndex,
    start: u64,
    end: u64,
) -> Option<(Span, String)> {
    let (start, end) = (usize::try_from(start).ok()?, usize::try_from(end).ok()?);
    let span = Span::new(
        index.cp_of_utf16(text, start)?,
        index.cp_of_utf16(text, end)?,
    );
    Some((span, index.slice(text, span)?.to_string()))
}

/// What a foreign file's offsets count.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Counting {
    /// UTF-16 code units (doccano).
    Utf16,
    /// Code points (Label Studio 1.x); a span whose stated text shows UTF-16 units (files of
    /// older Label Studio versions) is read in those.
    CodePoints,
}

/// Where a foreign span lies in `text` (code points) and the text it covers, in the unit its
/// file counts; `None` when the offsets fall outside the text.
pub(crate) fn place_foreign(
    text: &str,
    index: &TextIndex,
    found: &ForeignSpan,
) -> Option<(Span, String)> {
    match found.counting {
        Counting::Utf16 => from_utf16(text, index, found.start, found.end),
        Counting::CodePoints => {
            let span = Span::new(
                usize::try_from(found.start).ok()?,
                usize::try_from(found.end).ok()?,
            );
            let covered = index.slice(text, span);
            let stated = found.text.as_deref();
            // An older Label Studio counted UTF-16 units: its stated text says so.
            let as_utf16 = || {
                from_utf16(text, index, found.start, found.end)
                    .filter(|(_, utf16)| Some(utf16.as_str()) == stated)
            };
            match covered {
                Some(covered) if stated.is_none_or(|s| s == covered) => {
                    Some((span, covered.to_string()))
                }
                Some(covered) => as_utf16().or_else(|| Some((span, covered.to_string()))),
                None => as_utf16(),
            }
        }
    }
}

/// A labelled span as doccano or Label Studio writes it, before its label name is checked:
/// offsets into the task's text, counted as `counting` says.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct ForeignSpan {
    /// First offset.
    pub start: u64,
    /// End offset, exclusive.
    pub end: u64,
    /// What the offsets count.
    pub counting: Counting,
    /// The label's name as written.
    pub label: String,
    /// The covered text as the file states it (Label Studio's `value.text`), when it does.
    pub text: Option<String>,
}

/// The span list of a doccano line: `label` (`[[start, end, "LABEL"], ...]`) or `entities`
/// (`[{"start_offset", "end_offset", "label"}, ...]`).
pub(crate) fn doccano_list(value: &Value) -> Option<&Vec<Value>> {
    ["label", "entities"]
        .into_iter()
        .find_map(|key| value.get(key).and_then(Value::as_array))
}

/// One item of a doccano span list, in either form; `None` when it is neither.
pub(crate) fn doccano_span(item: &Value) -> Option<ForeignSpan> {
    let (start, end, label) = if item.is_array() {
        (item.get(0), item.get(1), item.get(2))
    } else {
        (
            item.get("start_offset"),
            item.get("end_offset"),
            item.get("label"),
        )
    };
    Some(ForeignSpan {
        start: start?.as_u64()?,
        end: end?.as_u64()?,
        counting: Counting::Utf16,
        label: label?.as_str()?.to_string(),
        text: None,
    })
}

/// Who made a Label Studio annotation (`completed_by`: a name, an e-mail, a user object or a
/// user number) or prediction (`model_version`).
pub(crate) fn label_studio_author(item: &Value) -> Option<String> {
    let by = item
        .get("completed_by")
        .or_else(|| item.get("model_version"))?;
    let name = match by {
        Value::String(s) => s.clone(),
        Value::Number(n) => format!("user {n}"),
        Value::Object(user) => {
            let full = ["first_name", "last_name"]
                .iter()
                .filter_map(|k| user.get(*k).and_then(Value::as_str))
                .filter(|s| !s.trim().is_empty())
                .collect::<Vec<_>>()
                .join(" ");
            if !full.is_empty() {
                full
            } else if let Some(email) = user.get("email").and_then(Value::as_str) {
                email.to_string()
            } else {
                format!("user {}", user.get("id")?)
            }
        }
        _ => return None,
    };
    (!name.trim().is_empty()).then(|| name.trim().to_string())
}

/// The results of a Label Studio task — of its `annotations` and, when `predictions` is set,
/// its `predictions` — each with who made it.
pub(crate) fn label_studio_results(
    task: &Value,
    predictions: bool,
) -> impl Iterator<Item = (&Value, Option<String>)> {
    let keys: &[&str] = if predictions {
        &["annotations", "predictions"]
    } else {
        &["annotations"]
    };
    keys.iter()
        .filter_map(move |key| task.get(*key).and_then(Value::as_array))
        .flatten()
        .flat_map(|item| {
            let author = label_studio_author(item);
            item.get("result")
                .and_then(Value::as_array)
                .into_iter()
                .flatten()
                .map(move |result| (result, author.clone()))
        })
}

/// One Label Studio result as a span, or what it lacks (`"no value"`, `"no start/end"`,
/// `"no label"`).
pub(crate) fn label_studio_span(result: &Value) -> Result<ForeignSpan, &'static str> {
    let v = result.get("value").ok_or("no value")?;
    let (Some(start), Some(end)) = (
        v.get("start").and_then(Value::as_u64),
        v.get("end").and_then(Value::as_u64),
    ) else {
        return Err("no start/end");
    };
    let label = v
        .pointer("/labels/0")
        .and_then(Value::as_str)
        .ok_or("no label")?;
    Ok(ForeignSpan {
        start,
        end,
        counting: Counting::CodePoints,
        label: label.to_string(),
        text: v.get("text").and_then(Value::as_str).map(str::to_string),
    })
}

fn read_doccano_line(value: &Value, line: usize) -> Result<Vec<Candidate>, String> {
    let text = value
        .get("text")
        .and_then(Value::as_str)
        .ok_or(format!("Line {line}: no \"text\"."))?;
    let labels = doccano_list(value).ok_or(format!("Line {line}: no \"label\" list."))?;
    let index = TextIndex::new(text);
    labels
        .iter()
        .enumerate()
        .map(|(i, item)| {
            let found = doccano_span(item).ok_or_else(|| {
                format!(
                    "Line {line}, label {}: expected [start, end, \"LABEL\"].",
                    i + 1
                )
            })?;
            let name = &found.label;
            let label = Label::parse(name).ok_or(format!(
                "Line {line}, label {}: unknown label “{name}”.",
                i + 1
            ))?;
            let (span, exact) = place_foreign(text, &index, &found).ok_or(format!(
                "Line {line}, label {}: offsets outside the text.",
                i + 1
            ))?;
            Ok(with_context(text, &index, span, exact, label))
        })
        .collect()
}

fn read_label_studio(value: &Value) -> Result<Vec<Candidate>, String> {
    let mut out = Vec::new();
    for (t, task) in value.as_array().into_iter().flatten().enumerate() {
        let text = task
            .pointer("/data/text")
            .and_then(Value::as_str)
            .ok_or(format!("Task {}: no data.text.", t + 1))?;
        let index = TextIndex::new(text);
        for (r, (result, _)) in label_studio_results(task, false).enumerate() {
            let where_ = || format!("Task {}, result {}", t + 1, r + 1);
            let found = label_studio_span(result).map_err(|e| format!("{}: {e}.", where_()))?;
            let name = &found.label;
            let label =
                Label::parse(name).ok_or(format!("{}: unknown label “{name}”.", where_()))?;
            let (span, exact) = place_foreign(text, &index, &found)
                .ok_or(format!("{}: offsets outside the text.", where_()))?;
            if let Some(claimed) = &found.text {
                if *claimed != exact {
                    return Err(format!(
                        "{}: its offsets cover “{}”, not its text “{}”.",
                        where_(),
                        shorten(&exact),
                        shorten(claimed)
                    ));
                }
            }
            out.push(with_context(text, &index, span, exact, label));
        }
    }
    Ok(out)
}

/// A candidate for `span` of `text` (its quote `exact`), with up to 32 code points of context
/// on each side.
pub(crate) fn with_context(
    text: &str,
    index: &TextIndex,
    span: Span,
    exact: String,
    label: Label,
) -> Candidate {
    let before = index
        .slice(text, Span::new(span.start.saturating_sub(32), span.start))
        .unwrap_or_default();
    let after = index
        .slice(
            text,
            Span::new(span.end, (span.end + 32).min(index.cp_len())),
        )
        .unwrap_or_default();
    Candidate {
        label,
        exact: Some(exact),
        prefix: before.to_string(),
        suffix: after.to_string(),
        position: Some(span),
        speaker: String::new(),
        note: String::new(),
    }
}

fn read_w3c(value: &Value) -> Result<Vec<Candidate>, String> {
    let items: Vec<&Value> =
        if let Some(items) = value.pointer("/first/items").and_then(Value::as_array) {
            items.iter().collect()
        } else if let Some(items) = value.get("items").and_then(Value::as_array) {
            items.iter().collect()
        } else if value.is_array() {
            value.as_array().into_iter().flatten().collect()
        } else {
            vec![value]
        };
    items
        .into_iter()
        .enumerate()
        .map(|(i, item)| {
            let bodies = one_or_many(item.get("body"));
            let body_with = |purpose: &str| {
                with_field(&bodies, "purpose", purpose)
                    .and_then(|b| b.get("value").and_then(Value::as_str))
                    .map(str::to_string)
            };
            let name = body_with("tagging")
                .or_else(|| body_with("classifying"))
                .ok_or(format!(
                    "Annotation {}: no tagging body with a label.",
                    i + 1
                ))?;
            let label = Label::parse(&name)
                .ok_or(format!("Annotation {}: unknown label “{name}”.", i + 1))?;
            let selectors = one_or_many(item.pointer("/target/selector"));
            let of_type = |t: &str| with_field(&selectors, "type", t);
            let quote = of_type("TextQuoteSelector");
            let position = of_type("TextPositionSelector").and_then(|p| {
                let start = usize::try_from(p.get("start")?.as_u64()?).ok()?;
                let end = usize::try_from(p.get("end")?.as_u64()?).ok()?;
                Some(Span::new(start, end))
            });
            let text = |key: &str| {
                quote
                    .and_then(|q| q.get(key))
                    .and_then(Value::as_str)
                    .map(str::to_string)
            };
            if quote.is_none() && position.is_none() {
                return Err(format!(
                    "Annotation {}: no TextQuoteSelector or TextPositionSelector.",
                    i + 1
                ));
            }
            Ok(Candidate {
                label,
                exact: text("exact"),
                prefix: text("prefix").unwrap_or_default(),
                suffix: text("suffix").unwrap_or_default(),
                position,
                speaker: body_with("identifying").unwrap_or_default(),
                note: body_with("commenting").unwrap_or_default(),
            })
        })
        .collect()
}

/// A W3C property that holds one object or a list of them, as a list.
fn one_or_many(value: Option<&Value>) -> Vec<&Value> {
    match value {
        Some(Value::Array(list)) => list.iter().collect(),
        Some(one) => vec![one],
        None => vec![],
    }
}

/// The first of `items` whose `key` is the string `value`.
fn with_field<'v>(items: &[&'v Value], key: &str, value: &str) -> Option<&'v Value> {
    items
        .iter()
        .find(|item| item.get(key).and_then(Value::as_str) == Some(value))
        .copied()
}
