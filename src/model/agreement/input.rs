//! The input of the agreement statistics: for each document, its length and one [`Layer`] of
//! labelled spans per annotator who annotated it.
//!
//! A document an annotator never annotated has **no layer** for them; that is not the same as an
//! **empty layer** (the annotator read it and marked nothing). An empty layer disagrees with
//! every span the others marked; a missing one takes no part in that document's figures.

use crate::model::library::{DocStatus, StoredDocument};
use crate::model::{Annotation, Label, Span};

/// One labelled span of an annotator's layer.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Unit {
    /// Code point offsets into the document text, half-open.
    pub span: Span,
    /// The label given.
    pub label: Label,
    /// Who said or alleged it, as typed (empty when not given).
    pub speaker: String,
}

impl Unit {
    /// A unit without a speaker.
    pub fn new(start: usize, end: usize, label: Label) -> Self {
        Unit {
            span: Span::new(start, end),
            label,
            speaker: String::new(),
        }
    }

    /// The same unit with `speaker` set.
    pub fn with_speaker(mut self, speaker: &str) -> Self {
        self.speaker = speaker.to_string();
        self
    }
}

impl From<&Annotation> for Unit {
    fn from(a: &Annotation) -> Self {
        Unit {
            span: a.span,
            label: a.label,
            speaker: a.speaker.clone(),
        }
    }
}

/// Everything one annotator marked in one document.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Layer {
    /// The annotator's name; names identify annotators across documents.
    pub annotator: String,
    /// The annotator's spans, in any order.
    pub units: Vec<Unit>,
}

impl Layer {
    /// A layer of `units` by `annotator`.
    pub fn new(annotator: &str, units: Vec<Unit>) -> Self {
        Layer {
            annotator: annotator.to_string(),
            units,
        }
    }
}

/// One document: its length in code points and the layers of the annotators who annotated it.
///
/// Annotator names should be unique within a document; if one occurs twice, only its first
/// layer is used.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct DocLayers {
    /// The length of the document text in code points.
    pub length: usize,
    /// One layer per annotator who annotated this document.
    pub layers: Vec<Layer>,
}

impl DocLayers {
    /// A document of `length` code points with the given layers.
    pub fn new(length: usize, layers: Vec<Layer>) -> Self {
        DocLayers { length, layers }
    }

    /// The layer of `annotator`, if they annotated this document.
    pub fn layer(&self, annotator: &str) -> Option<&Layer> {
        self.layers.iter().find(|l| l.annotator == annotator)
    }

    /// The usable units of `layer` (see [`clip`]), in the order given.
    pub fn units<'a>(&self, layer: &'a Layer) -> impl Iterator<Item = (Span, &'a Unit)> + 'a {
        let length = self.length;
        layer
            .units
            .iter()
            .filter_map(move |u| clip(u.span, length).map(|s| (s, u)))
    }

    /// The usable spans of `layer` with `label`, sorted by start then end.
    pub fn label_spans(&self, layer: &Layer, label: Label) -> Vec<Span> {
        let mut spans: Vec<Span> = self
            .units(layer)
            .filter(|(_, u)| u.label == label)
            .map(|(s, _)| s)
            .collect();
        spans.sort();
        spans
    }
}

/// The part of `span` inside a text of `length` code points, or `None` when nothing is left.
///
/// Every measure ignores units whose clipped span is empty and counts the others by their
/// clipped span.
pub fn clip(span: Span, length: usize) -> Option<Span> {
    let end = span.end.min(length);
    (span.start < end).then_some(Span {
        start: span.start,
        end,
    })
}

/// Every annotator named in `docs`, sorted and without repeats.
pub fn annotators(docs: &[DocLayers]) -> Vec<String> {
    let mut names: Vec<String> = docs
        .iter()
        .flat_map(|d| d.layers.iter().map(|l| l.annotator.clone()))
        .collect();
    names.sort();
    names.dedup();
    names
}

/// Sorted spans merged where they overlap **or touch**: the code points covered.
pub fn coverage(mut spans: Vec<Span>) -> Vec<Span> {
    spans.sort();
    let mut out: Vec<Span> = Vec::with_capacity(spans.len());
    for s in spans {
        match out.last_mut() {
            Some(last) if s.start <= last.end => last.end = last.end.max(s.end),
            _ => out.push(s),
        }
    }
    out
}

/// A stored document's layers for the statistics: the user's own layer (named `own`) when it
/// has annotations or the document is marked done (read, nothing to mark), then every other
/// annotator's layer as brought in (an empty one included: that annotator marked nothing).
pub fn stored_layers(stored: &StoredDocument, own: &str) -> DocLayers {
    let units = |annotations: &[Annotation]| annotations.iter().map(Unit::from).collect();
    let mut layers = Vec::with_capacity(stored.layers.len() + 1);
    if !stored.annotations.is_empty() || stored.info.status == DocStatus::Done {
        layers.push(Layer::new(own, units(&stored.annotations)));
    }
    for layer in &stored.layers {
        if layer.annotator != own {
            layers.push(Layer::new(&layer.annotator, units(&layer.annotations)));
        }
    }
    DocLayers::new(stored.text.chars().count(), layers)
}
