//! Other annotators' layers of a stored document: bringing one in (added, replaced or
//! unchanged), a document made of layers only, and the check that every layer fits the text.

use super::{AnnotatorLayer, DocInfo, LayerChange, StoreError, StoredDocument};
use crate::model::{Annotation, AnnotationSet, Article};

impl StoredDocument {
    /// A new document for a text the library does not have yet, holding only other
    /// annotators' layers (its own annotations empty). Layers with the same annotator name
    /// are kept as one: the later replaces the earlier, as [`StoredDocument::with_layer`] does.
    pub fn from_layers(info: DocInfo, article: &Article, layers: Vec<AnnotatorLayer>) -> Self {
        layers.into_iter().fold(
            StoredDocument::new(info, article, &AnnotationSet::new()),
            |doc, layer| doc.with_layer(layer).0,
        )
    }

    /// This document with `layer` brought in: a layer of the same annotator is replaced (and
    /// nothing changes when its annotations are the same), else the layer is added after the
    /// others. Every annotation of the layer gets `annotator` set to the layer's name. The
    /// bookkeeping (revision, edited_at) is left to the save.
    pub fn with_layer(&self, mut layer: AnnotatorLayer) -> (StoredDocument, LayerChange) {
        for a in &mut layer.annotations {
            a.annotator.clone_from(&layer.annotator);
        }
        let mut doc = self.clone();
        match doc
            .layers
            .iter_mut()
            .find(|l| l.annotator == layer.annotator)
        {
            Some(old) if old.annotations == layer.annotations => (doc, LayerChange::Unchanged),
            Some(old) => {
                *old = layer;
                (doc, LayerChange::Replaced)
            }
            None => {
                doc.layers.push(layer);
                (doc, LayerChange::Added)
            }
        }
    }

    /// The names of other annotators' layers, in the order they were brought in.
    pub fn layer_names(&self) -> Vec<String> {
        self.layers.iter().map(|l| l.annotator.clone()).collect()
    }

    pub(super) fn layer_names_sorted(&self) -> Vec<String> {
        let mut names = self.layer_names();
        names.sort();
        names.dedup();
        names
    }

    /// Checks that every annotation of the other annotators' layers and of the gold layer lies
    /// inside the text; the first that does not is named with its layer.
    pub fn checked_layers(&self) -> Result<(), StoreError> {
        let length = self.text.chars().count();
        let outside = |a: &&Annotation| a.span.start > a.span.end || a.span.end > length;
        for layer in &self.layers {
            if let Some(a) = layer.annotations.iter().find(outside) {
                return Err(StoreError::Unreadable(format!(
                    "annotation {} of {}'s layer lies outside the text",
                    a.id, layer.annotator
                )));
            }
        }
        if let Some(a) = self.gold.annotations.iter().find(outside) {
            return Err(StoreError::Unreadable(format!(
                "annotation {} of the gold layer lies outside the text",
                a.id
            )));
        }
        Ok(())
    }
}
