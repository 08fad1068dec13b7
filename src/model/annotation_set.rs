//! [`AnnotationSet`]: a document's annotations, kept in document order.

use thiserror::Error;

use crate::model::{Annotation, AnnotationId, Article, Label, Span};

/// Why an annotation could not be added.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum AddError {
    /// The selection held nothing but whitespace.
    #[error("The selection is empty: select some words of the article first.")]
    Empty,
    /// The span reaches past the end of the text.
    #[error("The selection lies outside the article text.")]
    OutOfBounds,
    /// The same span already carries the same label.
    #[error("This exact span is already marked as {}.", .0.name())]
    Duplicate(Label),
}

/// Annotations sorted by start, then longest first, then id: the order the sidebar lists them
/// and the order nested highlights are drawn (outermost first).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AnnotationSet {
    items: Vec<Annotation>,
    next_id: u32,
}

impl AnnotationSet {
    /// An empty set whose first annotation will be `a1`.
    pub fn new() -> Self {
        AnnotationSet {
            items: Vec::new(),
            next_id: 1,
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
    ) -> Result<Annotation, AddError> {
        if span.end > article.cp_len() {
            return Err(AddError::OutOfBounds);
        }
        let span = article.trim_span(span).ok_or(AddError::Empty)?;
        if self
            .items
            .iter()
            .any(|a| a.span == span && a.label == label)
        {
            return Err(AddError::Duplicate(label));
        }
        let annotation = Annotation {
            id: AnnotationId(self.next_id),
            label,
            span,
        };
        self.next_id += 1;
        let at = self
            .items
            .partition_point(|a| Self::order_key(a) < Self::order_key(&annotation));
        self.items.insert(at, annotation);
        Ok(annotation)
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
mod tests {
    use super::*;
    use crate::model::{Metadata, ParagraphKind};

    fn article() -> Article {
        Article::from_paragraphs(
            [("The mayor said “we won” on Monday.", ParagraphKind::Body)],
            Metadata::default(),
        )
    }

    #[test]
    fn keeps_document_order_outermost_first() {
        let article = article();
        let mut set = AnnotationSet::new();
        let quote = set.add(&article, Span::new(15, 23), Label::Quote).unwrap();
        let sentence = set.add(&article, Span::new(0, 34), Label::Fact).unwrap();
        let mayor = set
            .add(&article, Span::new(4, 9), Label::Allegation)
            .unwrap();
        let order: Vec<_> = set.iter().map(|a| a.id).collect();
        assert_eq!(order, [sentence.id, mayor.id, quote.id]);
        assert_eq!(article.slice(quote.span), Some("“we won”"));
        assert_eq!(quote.id.to_string(), "a1");
    }

    #[test]
    fn trims_and_refuses_duplicates_and_blanks() {
        let article = article();
        let mut set = AnnotationSet::new();
        let mayor = set.add(&article, Span::new(3, 10), Label::Fact).unwrap();
        assert_eq!(mayor.span, Span::new(4, 9));
        assert_eq!(
            set.add(&article, Span::new(4, 9), Label::Fact),
            Err(AddError::Duplicate(Label::Fact))
        );
        assert!(set.add(&article, Span::new(4, 9), Label::Quote).is_ok());
        assert_eq!(
            set.add(&article, Span::new(3, 4), Label::Quote),
            Err(AddError::Empty)
        );
        assert_eq!(
            set.add(&article, Span::new(3, 400), Label::Quote),
            Err(AddError::OutOfBounds)
        );
        assert_eq!(set.len(), 2);
    }

    #[test]
    fn removes_by_id_and_never_reuses_ids() {
        let article = article();
        let mut set = AnnotationSet::new();
        let first = set.add(&article, Span::new(0, 3), Label::Fact).unwrap();
        assert_eq!(set.remove(first.id), Some(first));
        assert_eq!(set.remove(first.id), None);
        assert!(set.is_empty());
        let second = set.add(&article, Span::new(0, 3), Label::Fact).unwrap();
        assert_ne!(second.id, first.id);
        assert_eq!(set.get(second.id), Some(&second));
    }
}
