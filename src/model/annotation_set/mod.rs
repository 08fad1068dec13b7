//! [`AnnotationSet`]: a document's annotations, kept in document order, the suggestions waiting
//! for review and the ones rejected, and the checked edits that change them.

mod review;

use thiserror::Error;

use std::collections::HashSet;

use crate::model::suggest::Suggestion;
use crate::model::{Annotation, AnnotationId, Article, Edit, Label, Span};

/// Why an edit was refused. The set is unchanged whenever one is returned.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum EditError {
    /// The span held nothing but whitespace.
    #[error("The selection is empty: select some words of the article first.")]
    Empty,
    /// The span reaches past the end of the text.
    #[error("The selection lies outside the article text.")]
    OutOfBounds,
    /// The same span already carries the same label.
    #[error("This exact span is already marked as {}.", .0.name())]
    Duplicate(Label),
    /// No annotation has this id (it was deleted meanwhile).
    #[error("Annotation {0} no longer exists.")]
    Missing(AnnotationId),
    /// The suggester found nothing that is not annotated, waiting or rejected already.
    #[error("No new suggestions: everything found is already annotated, waiting for review or rejected.")]
    NothingNew,
}

/// Annotations sorted by start, then longest first, then id: the order the sidebar lists them
/// and the order nested highlights are drawn (outermost first).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AnnotationSet {
    items: Vec<Annotation>,
    next_id: u32,
    /// Suggestions waiting for review, in document order.
    suggestions: Vec<Suggestion>,
    /// Suggestions rejected, never offered again.
    rejected: Vec<Suggestion>,
}

impl AnnotationSet {
    /// An empty set whose first annotation will be `a1`.
    pub fn new() -> Self {
        AnnotationSet {
            items: Vec::new(),
            next_id: 1,
            suggestions: Vec::new(),
            rejected: Vec::new(),
        }
    }

    /// A set of `items` read from a file or the store, sorted once (not one insertion at a
    /// time, so 100,000 annotations in any order take milliseconds); when two share an id, the
    /// first is kept.
    pub fn from_annotations(items: Vec<Annotation>) -> Self {
        let mut seen = HashSet::new();
        let mut items: Vec<Annotation> = items.into_iter().filter(|a| seen.insert(a.id)).collect();
        items.sort_by_key(Self::order_key);
        let next_id = items
            .iter()
            .map(|a| a.id.0.saturating_add(1))
            .max()
            .unwrap_or(1);
        AnnotationSet {
            items,
            next_id,
            suggestions: Vec::new(),
            rejected: Vec::new(),
        }
    }

    /// Marks `span` of `article` with `label`, after trimming whitespace from both ends.
    ///
    /// Overlapping and nested spans are allowed, and so is the same span with another label;
    /// the same span with the same label is refused.
    pub fn add(
        &mut self,
        article: &Article,
        span: Span,
        label: Label,
    ) -> Result<Annotation, EditError> {
        self.add_by(article, span, label, "")
    }

    /// [`AnnotationSet::add`], recording who made the annotation.
    pub fn add_by(
        &mut self,
        article: &Article,
        span: Span,
        label: Label,
        annotator: &str,
    ) -> Result<Annotation, EditError> {
        let span = self.check(article, span, label, None)?;
        let annotation = Annotation {
            annotator: annotator.to_string(),
            ..Annotation::new(AnnotationId(self.next_id), label, span)
        };
        self.insert(annotation.clone());
        Ok(annotation)
    }

    /// Replaces the annotation with `after.id` by `after` (a new label, span or attributes),
    /// with the same checks as [`AnnotationSet::add`]; returns the edit made.
    pub fn change(&mut self, article: &Article, mut after: Annotation) -> Result<Edit, EditError> {
        let before = self
            .get(after.id)
            .cloned()
            .ok_or(EditError::Missing(after.id))?;
        after.span = self.check(article, after.span, after.label, Some(after.id))?;
        if after != before {
            self.remove(after.id);
            self.insert(after.clone());
        }
        Ok(Edit::Change { before, after })
    }

    /// Applies an edit made earlier (for undo, apply its [`Edit::inverse`]).
    pub fn apply(&mut self, edit: &Edit) {
        match edit {
            Edit::Add(a) => {
                self.remove(a.id);
                self.insert(a.clone());
            }
            Edit::Remove(a) => {
                self.remove(a.id);
            }
            Edit::Change { after, .. } => {
                self.remove(after.id);
                self.insert(after.clone());
            }
            Edit::Offer(list) => list.iter().for_each(|s| self.insert_suggestion(s)),
            Edit::Withdraw(list) => list.iter().for_each(|s| self.withdraw(s)),
            Edit::Reject(list) => {
                for s in list {
                    self.withdraw(s);
                    if !self.rejected.iter().any(|r| r.key() == s.key()) {
                        self.rejected.push(s.clone());
                    }
                }
            }
            Edit::Unreject(list) => {
                for s in list {
                    self.rejected.retain(|r| r.key() != s.key());
                    self.insert_suggestion(s);
                }
            }
            Edit::Batch(edits) => edits.iter().for_each(|e| self.apply(e)),
        }
    }

    /// The id the next annotation added will get (ids are never reused), without adding one:
    /// for building an [`Edit::Add`] that the caller applies.
    pub fn next_id(&self) -> AnnotationId {
        AnnotationId(self.next_id)
    }

    /// Removes the annotation with `id`, returning it.
    pub fn remove(&mut self, id: AnnotationId) -> Option<Annotation> {
        let at = self.items.iter().position(|a| a.id == id)?;
        Some(self.items.remove(at))
    }

    /// The annotation with `id`.
    pub fn get(&self, id: AnnotationId) -> Option<&Annotation> {
        self.items.iter().find(|a| a.id == id)
    }

    /// All annotations in document order.
    pub fn iter(&self) -> impl Iterator<Item = &Annotation> {
        self.items.iter()
    }

    /// All annotations in document order, as a slice.
    pub fn as_slice(&self) -> &[Annotation] {
        &self.items
    }

    /// Number of annotations.
    pub fn len(&self) -> usize {
        self.items.len()
    }

    /// True when there are none.
    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }

    /// Moves every annotation and suggestion boundary at or after code point `from` right by `by` (text was
    /// inserted there). A span that contains `from` grows.
    pub fn shift(&mut self, from: usize, by: usize) {
        let spans = self
            .items
            .iter_mut()
            .map(|a| &mut a.span)
            .chain(self.suggestions.iter_mut().map(|s| &mut s.span))
            .chain(self.rejected.iter_mut().map(|s| &mut s.span));
        for span in spans {
            if span.start >= from {
                span.start += by;
            }
            if span.end > from {
                span.end += by;
            }
        }
    }

    /// Speakers already used in this document, sorted and without repeats.
    pub fn speakers(&self) -> Vec<String> {
        let mut names: Vec<String> = self
            .items
            .iter()
            .map(|a| a.speaker.trim())
            .filter(|s| !s.is_empty())
            .map(str::to_string)
            .collect();
        names.sort();
        names.dedup();
        names
    }

    /// The trimmed span, if it is inside the text and not a duplicate of another annotation
    /// than `except`.
    fn check(
        &self,
        article: &Article,
        span: Span,
        label: Label,
        except: Option<AnnotationId>,
    ) -> Result<Span, EditError> {
        if span.end > article.cp_len() {
            return Err(EditError::OutOfBounds);
        }
        let span = article.trim_span(span).ok_or(EditError::Empty)?;
        if self
            .items
            .iter()
            .any(|a| a.span == span && a.label == label && Some(a.id) != except)
        {
            return Err(EditError::Duplicate(label));
        }
        Ok(span)
    }

    fn insert(&mut self, annotation: Annotation) {
        self.next_id = self.next_id.max(annotation.id.0 + 1);
        let key = Self::order_key(&annotation);
        let at = self.items.partition_point(|a| Self::order_key(a) < key);
        self.items.insert(at, annotation);
    }

    fn order_key(a: &Annotation) -> (usize, std::cmp::Reverse<usize>, AnnotationId) {
        (a.span.start, std::cmp::Reverse(a.span.end), a.id)
    }
}

impl Default for AnnotationSet {
    fn default() -> Self {
        Self::new()
    }
}

#[cfg(test)]
mod tests;
