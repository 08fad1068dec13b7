//! Adjudication: several annotators' layers of one document turned, item by item, into a gold
//! layer (an [`AnnotationSet`] whose annotations carry [`Provenance`]).
//!
//! **Items** are made per label. Annotations of all layers with the same label are swept by
//! start; two belong to one [`Item`] when their spans overlap (share at least one code point),
//! and so on transitively (connected components). Annotations with an empty span share no code
//! point and are left out. An item's `extent` is the union of its spans and its `label` that of
//! all its annotations; items come in document order (start, then end, then label). So a QUOTE
//! nested in an ALLEGATION, as every annotator marks it, is two items, each of which can be
//! unanimous and each accepted into the gold layer on its own.
//!
//! **Label disagreements.** When annotators give the same text different labels (ana: FACT,
//! ben: QUOTE), that is two items with overlapping extents, each with the agreement of the
//! annotators who chose its label ([`Agreement::One`] or [`Agreement::Some`]), never
//! unanimous. The adjudicator accepts one and rejects the other; [`overlapping`] finds, for an
//! item, the items of other labels over the same text, so the label confusion stays visible
//! ("also marked as …").
//!
//! **Versions.** The distinct spans of an item (all with its label), ordered by start, longest
//! first. Each lists the annotators who had it, in layer order; its speaker and cue are the
//! most common non-empty values among them (ties: the earliest layer's).
//!
//! **Agreement.** An item is *unanimous* when it has exactly one version and every layer had
//! it exactly once within the item (so no layer marked anything else of that label there, not
//! even a nested span). A layer whose slice is empty read the document and marked nothing: it
//! counts against unanimity. With a single layer, every item whose layer marked it once is
//! unanimous.
//!
//! **Resolution**, read from the gold set: an item is *accepted* when a gold annotation with
//! the item's label overlaps its extent (the first such, in gold order), *rejected* when the
//! gold set's rejection list holds a suggestion with the item's label whose span is the
//! extent, otherwise *open*. Gold annotations of other labels do not count.
//!
//! Nothing here changes the gold set: [`accept`], [`reject`] and [`accept_unanimous`] return
//! the [`Edit`] for the caller to apply and record (undo is applying its inverse).

#[cfg(test)]
mod tests;

use std::cmp::Reverse;

use crate::model::suggest::Suggestion;
use crate::model::{
    Annotation, AnnotationId, AnnotationSet, Article, Edit, EditError, Label, Origin, Provenance,
    Span,
};

/// How many annotators share an item (or a version).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Agreement {
    /// Every annotator has this exact version (for an item: it is unanimous).
    All,
    /// More than one annotator, but not all.
    Some,
    /// One annotator only.
    One,
}

/// One distinct span of an item (with the item's label) and who had it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Version {
    /// Where.
    pub span: Span,
    /// The label (the item's).
    pub label: Label,
    /// The most common non-empty speaker among the annotators who had it (ties: the first
    /// layer's); empty when none gave one.
    pub speaker: String,
    /// The most common non-empty cue, chosen like `speaker`.
    pub cue: String,
    /// The annotators who had it, in layer order.
    pub annotators: Vec<String>,
}

/// A cluster of overlapping annotations with one label from the layers: one decision for the
/// adjudicator.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Item {
    /// The union of the cluster's spans.
    pub extent: Span,
    /// The label of every annotation in the cluster.
    pub label: Label,
    /// The distinct spans, by start, longest first.
    pub versions: Vec<Version>,
    /// How many layers the document has (annotators who read it).
    pub layers: usize,
    /// How many annotations of the layers the cluster holds (a layer may have several).
    pub marks: usize,
}

impl Item {
    /// The item's agreement: [`Agreement::All`] when it is unanimous, otherwise that of its
    /// best version ([`Agreement::Some`] when more than one annotator had it).
    pub fn agreement(&self) -> Agreement {
        if self.is_unanimous() {
            return Agreement::All;
        }
        match self.versions.get(self.best()) {
            Some(v) if v.annotators.len() > 1 => Agreement::Some,
            _ => Agreement::One,
        }
    }

    /// How many annotators share version `version`: all layers, several, or one.
    pub fn version_agreement(&self, version: usize) -> Agreement {
        let n = self.versions.get(version).map_or(0, |v| v.annotators.len());
        if n == self.layers && n > 0 {
            Agreement::All
        } else if n > 1 {
            Agreement::Some
        } else {
            Agreement::One
        }
    }

    /// Whether there is exactly one version and every layer had it, exactly once.
    pub fn is_unanimous(&self) -> bool {
        match self.versions.as_slice() {
            [only] => {
                self.layers > 0 && only.annotators.len() == self.layers && self.marks == self.layers
            }
            _ => false,
        }
    }

    /// Index of the version most annotators had (ties: the earliest start, then the first).
    pub fn best(&self) -> usize {
        let mut best = 0;
        for (i, v) in self.versions.iter().enumerate() {
            let b = &self.versions[best];
            if (v.annotators.len(), Reverse(v.span.start))
                > (b.annotators.len(), Reverse(b.span.start))
            {
                best = i;
            }
        }
        best
    }

    /// The version `annotator` had (if several, the first), or `None` when they marked
    /// nothing here.
    pub fn version_of(&self, annotator: &str) -> Option<usize> {
        self.versions
            .iter()
            .position(|v| v.annotators.iter().any(|a| a == annotator))
    }
}

/// The items of `layers` — (annotator, their annotations of the document), one per annotator
/// who read it — in document order (start, then end, then label).
pub fn items(layers: &[(&str, &[Annotation])]) -> Vec<Item> {
    let mut all: Vec<(usize, &Annotation)> = layers
        .iter()
        .enumerate()
        .flat_map(|(i, (_, list))| list.iter().map(move |a| (i, a)))
        .filter(|(_, a)| !a.span.is_empty())
        .collect();
    all.sort_by_key(|(i, a)| (a.label, a.span.start, Reverse(a.span.end), *i));
    let mut out = Vec::new();
    let mut group: Vec<(usize, &Annotation)> = Vec::new();
    let mut end = 0;
    for (i, a) in all {
        if group
            .first()
            .is_some_and(|(_, g)| g.label != a.label || a.span.start >= end)
        {
            out.push(item(&group, layers));
            group.clear();
        }
        end = if group.is_empty() {
            a.span.end
        } else {
            end.max(a.span.end)
        };
        group.push((i, a));
    }
    if !group.is_empty() {
        out.push(item(&group, layers));
    }
    out.sort_by_key(|i| (i.extent.start, i.extent.end, i.label));
    out
}

/// The other items of `items` whose extent overlaps that of item `index` (these have other
/// labels: items of one label never overlap), in the order of `items`; empty when there is no
/// such item.
pub fn overlapping(items: &[Item], index: usize) -> Vec<usize> {
    let Some(me) = items.get(index) else {
        return Vec::new();
    };
    items
        .iter()
        .enumerate()
        .filter(|(i, other)| *i != index && other.extent.overlaps(me.extent))
        .map(|(i, _)| i)
        .collect()
}

/// The item of one cluster (`group`: (layer index, annotation), one label, sorted by start;
/// not empty).
fn item(group: &[(usize, &Annotation)], layers: &[(&str, &[Annotation])]) -> Item {
    let label = group.first().map_or(Label::Fact, |(_, a)| a.label);
    let start = group.iter().map(|(_, a)| a.span.start).min().unwrap_or(0);
    let end = group.iter().map(|(_, a)| a.span.end).max().unwrap_or(start);
    let mut spans: Vec<Span> = group.iter().map(|(_, a)| a.span).collect();
    spans.sort_by_key(|span| (span.start, Reverse(span.end)));
    spans.dedup();
    let versions = spans
        .into_iter()
        .map(|span| {
            let mut had: Vec<(usize, &Annotation)> = group
                .iter()
                .filter(|(_, a)| a.span == span)
                .copied()
                .collect();
            had.sort_by_key(|(i, _)| *i);
            let mut who: Vec<usize> = had.iter().map(|(i, _)| *i).collect();
            who.dedup();
            Version {
                span,
                label,
                speaker: most_common(had.iter().map(|(_, a)| a.speaker.as_str())),
                cue: most_common(had.iter().map(|(_, a)| a.cue.as_str())),
                annotators: who
                    .into_iter()
                    .filter_map(|i| layers.get(i).map(|(name, _)| name.to_string()))
                    .collect(),
            }
        })
        .collect();
    Item {
        extent: Span::new(start, end),
        label,
        versions,
        layers: layers.len(),
        marks: group.len(),
    }
}

/// The most frequent non-empty (trimmed) value; ties go to the one seen first.
fn most_common<'a>(values: impl Iterator<Item = &'a str>) -> String {
    let mut counts: Vec<(&str, usize)> = Vec::new();
    for v in values.map(str::trim).filter(|v| !v.is_empty()) {
        match counts.iter_mut().find(|(seen, _)| *seen == v) {
            Some((_, n)) => *n += 1,
            None => counts.push((v, 1)),
        }
    }
    let mut best: Option<(&str, usize)> = None;
    for (v, n) in counts {
        if best.is_none_or(|(_, m)| n > m) {
            best = Some((v, n));
        }
    }
    best.map(|(v, _)| v.to_string()).unwrap_or_default()
}

/// Where an item stands in the gold set.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Resolution {
    /// Not decided yet.
    Open,
    /// A gold annotation with the item's label (this one, the first in gold order) overlaps
    /// the item.
    Accepted(AnnotationId),
    /// Rejected: nothing of it goes into the gold layer.
    Rejected,
}

/// Where `item` stands in `gold` (see the module notes).
pub fn resolution(item: &Item, gold: &AnnotationSet) -> Resolution {
    if let Some(a) = gold_overlapping(item, gold).next() {
        Resolution::Accepted(a.id)
    } else if rejection(item, gold).is_some() {
        Resolution::Rejected
    } else {
        Resolution::Open
    }
}

/// Gold annotations with the item's label overlapping its extent, in gold order.
fn gold_overlapping<'a>(
    item: &'a Item,
    gold: &'a AnnotationSet,
) -> impl Iterator<Item = &'a Annotation> {
    gold.iter()
        .take_while(|a| a.span.start < item.extent.end)
        .filter(|a| a.label == item.label && a.span.overlaps(item.extent))
}

/// The rejection of the item recorded in `gold` (its label, its extent), if any.
fn rejection<'a>(item: &Item, gold: &'a AnnotationSet) -> Option<&'a Suggestion> {
    gold.rejected()
        .iter()
        .find(|s| s.label == item.label && s.span == item.extent)
}

/// Counts for the adjudication progress bar.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Progress {
    /// Items every annotator marked alike.
    pub unanimous: usize,
    /// Of those, the ones still open.
    pub unanimous_open: usize,
    /// Items that are not unanimous.
    pub disagreements: usize,
    /// Of those, the ones accepted or rejected.
    pub resolved: usize,
}

/// How far adjudicating `items` has come in `gold`.
pub fn progress(items: &[Item], gold: &AnnotationSet) -> Progress {
    let mut p = Progress::default();
    for item in items {
        let open = resolution(item, gold) == Resolution::Open;
        if item.is_unanimous() {
            p.unanimous += 1;
            p.unanimous_open += usize::from(open);
        } else {
            p.disagreements += 1;
            p.resolved += usize::from(!open);
        }
    }
    p
}

/// The gold annotation `id` made by `annotator` from version `version` of `item`, checked
/// against `article`: origin [`Origin::Manual`], `adjudicated_from` set; no timestamps (the
/// caller stamps them).
fn gold_annotation(
    article: &Article,
    item: &Item,
    version: usize,
    annotator: &str,
    id: AnnotationId,
) -> Result<Annotation, EditError> {
    let v = item.versions.get(version).ok_or(EditError::Empty)?;
    if v.span.end > article.cp_len() {
        return Err(EditError::OutOfBounds);
    }
    let mut from = v.annotators.clone();
    from.sort();
    Ok(Annotation {
        speaker: v.speaker.clone(),
        cue: v.cue.clone(),
        annotator: annotator.to_string(),
        origin: Origin::Manual,
        adjudicated_from: Some(Provenance {
            annotators: from,
            unanimous: item.is_unanimous(),
        }),
        ..Annotation::new(id, v.label, v.span)
    })
}

/// Takes version `version` of `item` into `gold`, made by `annotator` (the adjudicator).
///
/// - Open: an [`Edit::Add`] of a new gold annotation with the next free id.
/// - Accepted already: an [`Edit::Change`] of that gold annotation (the one with the item's
///   label) to this version (taking another annotator's boundaries instead); its note and
///   created time are kept. Gold annotations of other labels are left alone.
/// - Rejected: the rejection is taken back and the annotation added, in one [`Edit::Batch`].
///
/// Refused with [`EditError::Empty`] when there is no such version, [`EditError::OutOfBounds`]
/// when it reaches past the text, [`EditError::Duplicate`] when another gold annotation already
/// has this span and label.
pub fn accept(
    gold: &AnnotationSet,
    article: &Article,
    item: &Item,
    version: usize,
    annotator: &str,
) -> Result<Edit, EditError> {
    let current = gold_overlapping(item, gold).next().cloned();
    let id = current.as_ref().map_or_else(|| gold.next_id(), |a| a.id);
    let made = gold_annotation(article, item, version, annotator, id)?;
    if gold
        .iter()
        .any(|a| a.id != id && a.span == made.span && a.label == made.label)
    {
        return Err(EditError::Duplicate(made.label));
    }
    if let Some(before) = current {
        let after = Annotation {
            note: before.note.clone(),
            created: before.created.clone(),
            ..made
        };
        return Ok(Edit::Change { before, after });
    }
    match rejection(item, gold) {
        Some(s) => Ok(Edit::Batch(vec![
            Edit::Unreject(vec![s.clone()]),
            Edit::Withdraw(vec![s.clone()]),
            Edit::Add(made),
        ])),
        None => Ok(Edit::Add(made)),
    }
}

/// Rejects `item`: records it on `gold`'s rejection list (its label, span the extent), after
/// removing every gold annotation with its label that overlaps it when it was accepted (those
/// of other labels stay).
///
/// The edit is an [`Edit::Batch`]: the removals, then [`Edit::Offer`] and [`Edit::Reject`] of
/// the rejection, so that its inverse leaves no suggestion waiting in `gold`. Rejecting an item
/// rejected already gives an empty batch.
pub fn reject(gold: &AnnotationSet, item: &Item) -> Edit {
    let mut edits: Vec<Edit> = gold_overlapping(item, gold)
        .cloned()
        .map(Edit::Remove)
        .collect();
    if edits.is_empty() && rejection(item, gold).is_some() {
        return Edit::Batch(Vec::new());
    }
    let s = Suggestion {
        label: item.label,
        span: item.extent,
        speaker: String::new(),
        cue: String::new(),
        confidence: 0,
        reason: String::new(),
    };
    if rejection(item, gold).is_none() {
        edits.push(Edit::Offer(vec![s.clone()]));
        edits.push(Edit::Reject(vec![s]));
    }
    Edit::Batch(edits)
}

/// Accepts every open unanimous item of `items` (their only version), made by `annotator`, as
/// one [`Edit::Batch`] of additions with consecutive new ids; `None` when there is none.
pub fn accept_unanimous(
    gold: &AnnotationSet,
    article: &Article,
    items: &[Item],
    annotator: &str,
) -> Result<Option<Edit>, EditError> {
    let mut next = gold.next_id().0;
    let mut edits = Vec::new();
    for item in items {
        if item.is_unanimous() && resolution(item, gold) == Resolution::Open {
            let made = gold_annotation(article, item, 0, annotator, AnnotationId(next))?;
            next = next.saturating_add(1);
            edits.push(Edit::Add(made));
        }
    }
    Ok((!edits.is_empty()).then_some(Edit::Batch(edits)))
}
