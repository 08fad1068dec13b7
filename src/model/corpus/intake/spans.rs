//! The labelled spans a record carries — doccano's `label`/`entities`, Label Studio's
//! `annotations[].result[]` and `predictions[].result[]` — placed on the record's article.
//! Offsets are UTF-16 units over the text the tool saw; each span goes through
//! [`anchor`] so it fits the article exactly. Labels other than FACT, ALLEGATION and QUOTE are
//! counted and left out; spans that cannot be placed are counted.

use std::collections::{BTreeMap, HashSet};

use super::records::Record;
use super::text::Layout;
use crate::model::format::anchor::anchor;
use crate::model::format::foreign::{
    doccano_list, doccano_span, label_studio_author, label_studio_results, label_studio_span,
    place_foreign, with_context, ForeignSpan, MAX_FOREIGN,
};
use crate::model::ingest::plain_text::unify_line_endings;
use crate::model::{Annotation, AnnotationId, AnnotationSet, Article, Label, Origin, TextIndex};

/// What became of a record's spans.
#[derive(Debug, Clone, PartialEq, Default)]
pub(crate) struct Placed {
    /// The annotations placed.
    pub annotations: Vec<Annotation>,
    /// Labels that are not claimtag's, with how many spans carried each.
    pub left_out: BTreeMap<String, usize>,
    /// Spans whose offsets or text could not be placed on the article.
    pub not_placed: usize,
    /// Spans identical (same annotator, same place, same label) to one placed already, kept
    /// once. Two annotators marking the same span are never merged: each keeps theirs.
    pub merged: usize,
    /// Who the record says annotated it, marked anything or not, in the file's order, each
    /// once: Label Studio's authors of annotations (not cancelled ones) and predictions,
    /// doccano's `annotator`.
    pub annotators: Vec<String>,
}

/// A span read from the record: where it was, whose text its offsets count in, who made it.
struct Found<'r> {
    span: ForeignSpan,
    over: Option<&'r str>,
    annotator: Option<String>,
}

/// Every span of a doccano line or Label Studio task; `not_placed` counts items that look like
/// spans but are not readable (a doccano item that is not `[start, end, "LABEL"]`, a Label
/// Studio `labels` result without offsets). Document-level labels (doccano's `["LABEL"]`) and
/// other results (choices, relations) are no spans and are passed over.
fn found_spans<'r>(record: &'r Record, value: &serde_json::Value) -> (Vec<Found<'r>>, usize) {
    let mut found = Vec::new();
    let mut unreadable = 0;
    if let Some(list) = doccano_list(value) {
        let over = record.text("text");
        let by_record = doccano_annotator(value, &["annotator"]);
        for item in list {
            match doccano_span(item) {
                Some(span) => found.push(Found {
                    span,
                    over,
                    annotator: doccano_annotator(item, &["annotator", "user"])
                        .or_else(|| by_record.clone()),
                }),
                None => unreadable += usize::from(!item.is_string()),
            }
        }
    }
    let over = record.text("data.text");
    for (result, annotator) in label_studio_results(value, true) {
        match label_studio_span(result) {
            Ok(span) => found.push(Found {
                span,
                over,
                annotator,
            }),
            Err(_) => {
                unreadable +=
                    usize::from(result.get("type").and_then(|t| t.as_str()) == Some("labels"))
            }
        }
    }
    (found, unreadable)
}

/// Who made a doccano line's spans (its `annotator` field), or one span in the object form
/// (its `annotator` or `user` field): a name, or a user number.
fn doccano_annotator(value: &serde_json::Value, keys: &[&str]) -> Option<String> {
    let by = keys.iter().find_map(|key| value.get(*key))?;
    let name = match by {
        serde_json::Value::String(s) => s.trim().to_string(),
        serde_json::Value::Number(n) => format!("user {n}"),
        _ => return None,
    };
    (!name.is_empty()).then_some(name)
}

/// Who a doccano line or Label Studio task says annotated it (see [`Placed::annotators`]).
fn record_annotators(value: &serde_json::Value) -> Vec<String> {
    let doccano = doccano_list(value).and_then(|_| doccano_annotator(value, &["annotator"]));
    let label_studio = ["annotations", "predictions"]
        .into_iter()
        .filter_map(|key| value.get(key).and_then(serde_json::Value::as_array))
        .flatten()
        .filter(|item| {
            item.get("was_cancelled")
                .and_then(serde_json::Value::as_bool)
                != Some(true)
        })
        .filter_map(label_studio_author);
    let mut names: Vec<String> = Vec::new();
    for name in doccano.into_iter().chain(label_studio) {
        if !names.contains(&name) {
            names.push(name);
        }
    }
    names
}

/// Places the spans of JSON `record` (whose text under the mapping is `raw`) on `article`,
/// built from `raw` with `layout`.
pub(crate) fn place_spans(
    record: &Record,
    raw: &str,
    article: &Article,
    layout: &Layout,
) -> Placed {
    let Some(value) = record.json() else {
        return Placed::default();
    };
    let (found, unreadable) = found_spans(record, value);
    let mut placed = Placed {
        not_placed: unreadable,
        annotators: record_annotators(value),
        ..Placed::default()
    };
    if found.is_empty() {
        return placed;
    }
    let raw_index = TextIndex::new(raw);
    let mut other: Option<(&str, TextIndex)> = None;
    let mut seen = HashSet::new();
    for (n, item) in found.into_iter().enumerate() {
        let Some(label) = Label::parse(&item.span.label) else {
            *placed.left_out.entry(item.span.label).or_default() += 1;
            continue;
        };
        if n >= MAX_FOREIGN {
            placed.not_placed += 1;
            continue;
        }
        let candidate = match item.over.filter(|t| *t != raw) {
            // Offsets over the article's own text: exact positions.
            None => place_foreign(raw, &raw_index, &item.span).and_then(|(span, covered)| {
                let (position, exact) = layout.place(span, &covered)?;
                let mut candidate = with_context(raw, &raw_index, span, exact, label);
                candidate.position = Some(position);
                Some(candidate)
            }),
            // Offsets over another field than the one chosen as the text: found by quote.
            Some(over) => {
                if other.as_ref().is_none_or(|(t, _)| *t != over) {
                    other = Some((over, TextIndex::new(over)));
                }
                other.as_ref().and_then(|(text, index)| {
                    let (span, covered) = place_foreign(text, index, &item.span)?;
                    let exact = unify_line_endings(covered.trim()).0;
                    let mut candidate = with_context(text, index, span, exact, label);
                    candidate.position = None;
                    (!covered.trim().is_empty()).then_some(candidate)
                })
            }
        };
        let Some(mut candidate) = candidate else {
            placed.not_placed += 1;
            continue;
        };
        // Label Studio states the covered text; when the offsets disagree, the text decides.
        if let Some(stated) = item.span.text.as_deref().map(str::trim) {
            let stated = unify_line_endings(stated).0;
            if !stated.is_empty() && candidate.exact.as_deref() != Some(stated.as_str()) {
                candidate.exact = Some(stated);
            }
        }
        let Some(span) = anchor(article, &candidate)
            .ok()
            .and_then(|s| article.trim_span(s))
        else {
            placed.not_placed += 1;
            continue;
        };
        let annotator = item.annotator.unwrap_or_default();
        if !seen.insert((annotator.clone(), span, label)) {
            placed.merged += 1;
            continue;
        }
        let id = AnnotationId(u32::try_from(placed.annotations.len() + 1).unwrap_or(u32::MAX));
        placed.annotations.push(Annotation {
            annotator,
            origin: Origin::Imported,
            ..Annotation::new(id, label, span)
        });
    }
    placed
}

/// The annotations of `placed` as a set.
pub(crate) fn annotation_set(placed: &mut Placed) -> AnnotationSet {
    AnnotationSet::from_annotations(std::mem::take(&mut placed.annotations))
}
