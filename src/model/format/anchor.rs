//! Reading annotations made elsewhere (W3C Web Annotation, doccano JSONL, Label Studio JSON)
//! onto the open article. Each is placed by its position when the text there is the quoted
//! text; otherwise by finding the quote, disambiguated by its prefix and suffix. When the quote
//! is missing or ambiguous the annotation is an [`Orphan`] for the user to place or drop —
//! never attached to a look-alike passage.

use serde_json::Value;

use crate::model::format::parse_json;
use crate::model::{Article, Label, Span, TextIndex};

/// An annotation read from another tool's file, before it is placed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Candidate {
    /// Its label.
    pub label: Label,
    /// The quoted text, when the file carries it.
    pub exact: Option<String>,
    /// Text before it, when known.
    pub prefix: String,
    /// Text after it, when known.
    pub suffix: String,
    /// Its position in code points, when the file has one.
    pub position: Option<Span>,
    /// Who said it.
    pub speaker: String,
    /// A note.
    pub note: String,
}

/// An annotation that could not be placed, with why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Orphan {
    /// What was read.
    pub candidate: Candidate,
    /// Why it was not placed.
    pub reason: String,
}

/// Where a candidate goes, or why it goes nowhere.
pub fn anchor(article: &Article, candidate: &Candidate) -> Result<Span, String> {
    let fits = |span: Span| fits(article, candidate, span);
    if let Some(span) = candidate.position.filter(|s| !s.is_empty() && fits(*s)) {
        return Ok(span);
    }
    // A position counted in UTF-16 units (Recogito, Hypothesis), recognised by its quote.
    if let Some(span) = utf16_position(article, candidate).filter(|s| fits(*s)) {
        return Ok(span);
    }
    let Some(exact) = candidate.exact.as_deref().filter(|e| !e.is_empty()) else {
        return Err(
            "its position does not fit this text and it carries no quoted text".to_string(),
        );
    };
    let mut found = occurrences(article.text(), exact);
    if found.is_empty() {
        // Approximate: the same words with other spacing, case or quotation marks.
        found = loose_occurrences(article.text(), exact);
    }
    match found.len() {
        0 => Err(format!("“{}” is not in this text", shorten(exact))),
        1 => Ok(found[0]),
        _ => {
            let scored: Vec<(usize, Span)> = found
                .iter()
                .map(|s| (context_score(article, *s, candidate), *s))
                .collect();
            let best = scored.iter().map(|(score, _)| *score).max().unwrap_or(0);
            let winners: Vec<Span> = scored
                .iter()
                .filter(|(score, _)| *score == best)
                .map(|(_, s)| *s)
                .collect();
            if best > 0 && winners.len() == 1 {
                Ok(winners[0])
            } else {
                Err(format!(
                    "“{}” occurs {} times and its context does not say which",
                    shorten(exact),
                    found.len()
                ))
            }
        }
    }
}

/// Code point spans of every occurrence of `needle` in `text`.
fn occurrences(text: &str, needle: &str) -> Vec<Span> {
    let index = TextIndex::new(text);
    let len = needle.chars().count();
    text.match_indices(needle)
        .map(|(byte, _)| {
            let start = text[..byte].chars().count();
            Span::new(start, start + len)
        })
        .filter(|s| s.end <= index.cp_len())
        .collect()
}

/// A character as loose matching sees it: lower case, typographic quotes and dashes plain.
fn loose(c: char) -> char {
    match c {
        '“' | '”' | '„' | '«' | '»' => '"',
        '‘' | '’' | '‚' => '\'',
        '–' | '—' => '-',
        _ => c.to_lowercase().next().unwrap_or(c),
    }
}

/// Occurrences of `needle` in `text` ignoring case, quote style and runs of whitespace, as
/// code point spans of the real text.
fn loose_occurrences(text: &str, needle: &str) -> Vec<Span> {
    // The text with whitespace runs collapsed, and where each kept character came from.
    let mut folded = Vec::new();
    let mut origin = Vec::new();
    let mut last_space = false;
    for (cp, c) in text.chars().enumerate() {
        let space = c.is_whitespace();
        if !(space && last_space) {
            folded.push(if space { ' ' } else { loose(c) });
            origin.push(cp);
        }
        last_space = space;
    }
    let wanted: Vec<char> = needle
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .chars()
        .map(loose)
        .collect();
    if wanted.is_empty() || wanted.len() > folded.len() {
        return Vec::new();
    }
    (0..=folded.len() - wanted.len())
        .filter(|&i| folded[i..i + wanted.len()] == wanted[..])
        .map(|i| Span::new(origin[i], origin[i + wanted.len() - 1] + 1))
        .collect()
}

/// How many characters of the candidate's prefix and suffix agree with the text around `span`.
fn context_score(article: &Article, span: Span, candidate: &Candidate) -> usize {
    let before = article
        .slice(Span::new(span.start.saturating_sub(64), span.start))
        .unwrap_or_default();
    let after = article
        .slice(Span::new(span.end, (span.end + 64).min(article.cp_len())))
        .unwrap_or_default();
    let tail = before
        .chars()
        .rev()
        .zip(candidate.prefix.chars().rev())
        .take_while(|(a, b)| a == b)
        .count();
    let head = after
        .chars()
        .zip(candidate.suffix.chars())
        .take_while(|(a, b)| a == b)
        .count();
    tail + head
}

fn shorten(text: &str) -> String {
    shorten_to(text, 60)
}

/// `text` cut to its first `max` code points, with `…` when something was cut.
pub(crate) fn shorten_to(text: &str, max: usize) -> String {
    let short: String = text.chars().take(max).collect();
    if short.len() < text.len() {
        format!("{short}…")
    } else {
        short
    }
}

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

/// The candidate's position read as UTF-16 units, when it has a quote to check it by and the
/// two readings differ.
fn utf16_position(article: &Article, candidate: &Candidate) -> Option<Span> {
    candidate.exact.as_ref()?;
    let position = candidate.position.filter(|s| !s.is_empty())?;
    let text = article.text();
    let index = article.index();
    let span = Span::new(
        index.cp_of_utf16(text, position.start)?,
        index.cp_of_utf16(text, position.end)?,
    );
    (span != position).then_some(span)
}

/// What a candidate's position counted, when the position (not a search for its quote)
/// placed it: `Some(true)` for UTF-16 units, `Some(false)` for code points.
pub fn counted_in_utf16(article: &Article, candidate: &Candidate) -> Option<bool> {
    let fits = |span: Span| !span.is_empty() && fits(article, candidate, span);
    if candidate.position.is_some_and(fits) {
        return Some(false);
    }
    utf16_position(article, candidate)
        .filter(|s| fits(*s))
        .map(|_| true)
}

/// Whether `span` of the article holds the candidate's quote (any span fits one without).
fn fits(article: &Article, candidate: &Candidate, span: Span) -> bool {
    match (&candidate.exact, article.slice(span)) {
        (Some(exact), Some(found)) => found == exact,
        (None, Some(_)) => true,
        (_, None) => false,
    }
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
            let bodies: Vec<&Value> = match item.get("body") {
                Some(Value::Array(list)) => list.iter().collect(),
                Some(body) => vec![body],
                None => vec![],
            };
            let body_with = |purpose: &str| {
                bodies
                    .iter()
                    .find(|b| b.get("purpose").and_then(Value::as_str) == Some(purpose))
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
            let selectors: Vec<&Value> = match item.pointer("/target/selector") {
                Some(Value::Array(list)) => list.iter().collect(),
                Some(selector) => vec![selector],
                None => vec![],
            };
            let of_type = |t: &str| {
                selectors
                    .iter()
                    .find(|s| s.get("type").and_then(Value::as_str) == Some(t))
                    .copied()
            };
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::format::others::{doccano, label_studio, w3c};
    use crate::model::{Annotation, AnnotationSet, Metadata, ParagraphKind};

    fn article() -> Article {
        Article::from_paragraphs(
            [(
                "Fire 👨🏻‍🚒 crew said “no”. Later the crew said “no” again.",
                ParagraphKind::Body,
            )],
            Metadata::default(),
        )
    }

    fn annotated() -> (Article, AnnotationSet) {
        let article = article();
        let mut set = AnnotationSet::new();
        let quote = set.add(&article, Span::new(20, 24), Label::Quote).unwrap();
        set.change(
            &article,
            Annotation {
                speaker: "crew".into(),
                note: "first".into(),
                ..quote
            },
        )
        .unwrap();
        set.add(&article, Span::new(10, 25), Label::Fact).unwrap();
        (article, set)
    }

    fn placed(article: &Article, candidates: &[Candidate]) -> Vec<(Span, Label)> {
        candidates
            .iter()
            .map(|c| (anchor(article, c).unwrap(), c.label))
            .collect()
    }

    #[test]
    fn every_format_round_trips_onto_the_same_text() {
        let (article, set) = annotated();
        let expected: Vec<(Span, Label)> = set.iter().map(|a| (a.span, a.label)).collect();
        let from_w3c = read_foreign(&w3c(&article, &set, "now").to_string()).unwrap();
        assert_eq!(placed(&article, &from_w3c), expected);
        assert_eq!(from_w3c[1].speaker, "crew");
        assert_eq!(from_w3c[1].note, "first");
        assert_eq!(
            placed(&article, &read_foreign(&doccano(&article, &set)).unwrap()),
            expected
        );
        assert_eq!(
            placed(
                &article,
                &read_foreign(&label_studio(&article, &set).to_string()).unwrap()
            ),
            expected
        );
    }

    #[test]
    fn utf16_offsets_after_an_emoji_land_exactly() {
        let article = article();
        // doccano counts the firefighter as 7 UTF-16 units: "crew" is at 13..17, not 10..14.
        let line =
            serde_json::json!({"text": article.text(), "label": [[13, 17, "FACT"]]}).to_string();
        let candidates = read_foreign(&line).unwrap();
        assert_eq!(candidates[0].exact.as_deref(), Some("crew"));
        assert_eq!(anchor(&article, &candidates[0]), Ok(Span::new(10, 14)));
    }

    #[test]
    fn w3c_positions_in_utf16_units_are_recognised_by_their_quote() {
        let article = article();
        let mut set = AnnotationSet::new();
        set.add(&article, Span::new(10, 14), Label::Fact).unwrap();
        let file = crate::model::format::others::w3c_utf16(&article, &set, "now").to_string();
        let candidates = read_foreign(&file).unwrap();
        assert_eq!(candidates[0].position, Some(Span::new(13, 17)));
        assert_eq!(anchor(&article, &candidates[0]), Ok(Span::new(10, 14)));
        assert_eq!(counted_in_utf16(&article, &candidates[0]), Some(true));
        let plain = w3c(&article, &set, "now").to_string();
        let candidates = read_foreign(&plain).unwrap();
        assert_eq!(counted_in_utf16(&article, &candidates[0]), Some(false));
    }

    #[test]
    fn label_studio_counts_code_points_and_older_files_utf16_by_their_text() {
        let article = article();
        let task = |start: u64, end: u64, text: Option<&str>| {
            let mut value = serde_json::json!({"start": start, "end": end, "labels": ["FACT"]});
            if let Some(text) = text {
                value["text"] = serde_json::json!(text);
            }
            serde_json::json!([{"data": {"text": article.text()}, "annotations": [{"result": [
                {"type": "labels", "from_name": "label", "to_name": "text", "value": value}
            ]}]}])
            .to_string()
        };
        // Label Studio 1.x: code points, "crew" at 10..14, with or without its text.
        for file in [task(10, 14, Some("crew")), task(10, 14, None)] {
            let candidates = read_foreign(&file).unwrap();
            assert_eq!(anchor(&article, &candidates[0]), Ok(Span::new(10, 14)));
        }
        // An older Label Studio's UTF-16 units (13..17) are recognised by the stated text.
        let candidates = read_foreign(&task(13, 17, Some("crew"))).unwrap();
        assert_eq!(anchor(&article, &candidates[0]), Ok(Span::new(10, 14)));
        // Offsets and text that agree in neither unit are refused with both shown.
        assert!(read_foreign(&task(13, 17, Some("boat")))
            .unwrap_err()
            .contains("not its text “boat”"));
    }

    #[test]
    fn moved_text_is_found_by_quote_and_context_and_ambiguity_orphans() {
        let article = article();
        let by_context = Candidate {
            label: Label::Quote,
            exact: Some("“no”".into()),
            prefix: "the crew said ".into(),
            suffix: " again".into(),
            position: Some(Span::new(0, 4)),
            speaker: String::new(),
            note: String::new(),
        };
        assert_eq!(
            article.slice(anchor(&article, &by_context).unwrap()),
            Some("“no”")
        );
        assert_eq!(anchor(&article, &by_context).unwrap().start, 46);
        let ambiguous = Candidate {
            prefix: String::new(),
            suffix: String::new(),
            ..by_context.clone()
        };
        assert!(anchor(&article, &ambiguous)
            .unwrap_err()
            .contains("occurs 2 times"));
        let missing = Candidate {
            exact: Some("yes".into()),
            ..by_context
        };
        assert!(anchor(&article, &missing)
            .unwrap_err()
            .contains("not in this text"));
    }

    #[test]
    fn approximate_matching_tolerates_spacing_case_and_quote_style() {
        let article = article();
        let loose = Candidate {
            label: Label::Quote,
            exact: Some("LATER the  crew said \"no\"".into()),
            prefix: String::new(),
            suffix: String::new(),
            position: None,
            speaker: String::new(),
            note: String::new(),
        };
        let span = anchor(&article, &loose).unwrap();
        assert_eq!(article.slice(span), Some("Later the crew said “no”"));
    }

    #[test]
    fn bad_files_name_the_place_and_the_reason() {
        assert!(
            read_foreign(r#"{"text": "abc", "label": [[0, 2, "OPINION"]]}"#)
                .unwrap_err()
                .contains("unknown label “OPINION”")
        );
        assert!(read_foreign("{\"text\": \"a\", \"label\": []}\nnot json")
            .unwrap_err()
            .starts_with("Line 2"));
        let lying = r#"[{"data": {"text": "abc"}, "annotations": [{"result": [{"value": {"start": 0, "end": 2, "text": "bc", "labels": ["FACT"]}}]}]}]"#;
        assert!(read_foreign(lying).unwrap_err().contains("not its text"));
        assert!(read_foreign(r#"{"hello": 1}"#).is_err());
    }
}

/// Random texts (emoji with ZWJ and skin tones, combining marks, CJK, Arabic, CRLF) with random
/// overlapping annotations survive every format that carries positions.
#[cfg(all(test, not(target_arch = "wasm32")))]
mod round_trips {
    use super::*;
    use crate::model::format::jsonl::corpus_jsonl;
    use crate::model::format::native::{export_json, import};
    use crate::model::format::others::{doccano, label_studio, spacy, w3c};
    use crate::model::ingest::clean_plain_text;
    use crate::model::AnnotationSet;
    use proptest::prelude::*;

    fn piece() -> impl Strategy<Value = &'static str> {
        prop::sample::select(vec![
            "word",
            " ",
            "👨🏻‍🚒",
            "🏳️‍🌈",
            "e\u{301}",
            "北京",
            "مرحبا",
            "\r\n",
            "\n\n",
            "“q”",
            "Ω",
            "é",
            "x",
        ])
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(64))]
        #[test]
        fn every_format_round_trips(pieces in prop::collection::vec(piece(), 3..40), spans in prop::collection::vec((0usize..200, 0usize..200, 0u8..3), 0..12)) {
            let input: String = pieces.concat();
            let Ok(article) = clean_plain_text(&format!("Title here\n\n{input} end"), None) else { return Ok(()); };
            let len = article.cp_len();
            let mut set = AnnotationSet::new();
            for (a, b, l) in spans {
                let _ = set.add(&article, Span::new(a % (len + 1), b % (len + 1)), Label::ALL[l as usize]);
            }
            let expected: Vec<(Span, Label)> = set.iter().map(|a| (a.span, a.label)).collect();

            let (back, back_set) = import(&export_json(&article, &set, "now").unwrap()).unwrap();
            prop_assert_eq!(back.text(), article.text());
            prop_assert_eq!(back_set.as_slice(), set.as_slice());
            let line = corpus_jsonl(&[(article.clone(), set.clone())], "now").unwrap();
            let (_, from_line) = import(line.trim()).unwrap();
            prop_assert_eq!(from_line.as_slice(), set.as_slice());

            for file in [doccano(&article, &set), label_studio(&article, &set).to_string(), w3c(&article, &set, "now").to_string()] {
                let placed: Vec<(Span, Label)> = read_foreign(&file).unwrap().iter().map(|c| (anchor(&article, c).unwrap(), c.label)).collect();
                prop_assert_eq!(&placed, &expected);
            }
            let spacy_line: serde_json::Value = serde_json::from_str(spacy(&article, &set).trim()).unwrap();
            let chars: Vec<char> = article.text().chars().collect();
            for (span, a) in spacy_line["spans"].as_array().unwrap().iter().zip(set.iter()) {
                let (s, e) = (span["start"].as_u64().unwrap() as usize, span["end"].as_u64().unwrap() as usize);
                prop_assert_eq!(chars[s..e].iter().collect::<String>(), article.slice(a.span).unwrap().to_string());
            }
        }
    }
}
