//! [`AnnotationSet`]: a document's annotations, kept in document order, the suggestions waiting
//! for review and the ones rejected, and the checked edits that change them.

use thiserror::Error;

use std::cmp::Reverse;
use std::collections::HashSet;

use crate::model::suggest::Suggestion;
use crate::model::{Annotation, AnnotationId, Article, Edit, Label, Origin, Span};

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

    /// Suggestions waiting for review, in document order.
    pub fn suggestions(&self) -> &[Suggestion] {
        &self.suggestions
    }

    /// Suggestions rejected in this document.
    pub fn rejected(&self) -> &[Suggestion] {
        &self.rejected
    }

    /// Puts on the review list those of `found` that are new: not waiting already, not
    /// rejected before, and not overlapping an annotation with the same label. Returns the
    /// edit made, or [`EditError::NothingNew`].
    pub fn offer(&mut self, found: Vec<Suggestion>) -> Result<Edit, EditError> {
        let known: HashSet<(Label, Span)> = self
            .suggestions
            .iter()
            .chain(&self.rejected)
            .map(Suggestion::key)
            .collect();
        // The furthest end among the first i annotations, to stop looking back early.
        let reach: Vec<usize> = self
            .items
            .iter()
            .scan(0, |max, a| {
                *max = (*max).max(a.span.end);
                Some(*max)
            })
            .collect();
        let fresh: Vec<Suggestion> = found
            .into_iter()
            .filter(|s| !known.contains(&s.key()) && !self.covered(s, &reach))
            .collect();
        if fresh.is_empty() {
            return Err(EditError::NothingNew);
        }
        let edit = Edit::Offer(fresh);
        self.apply(&edit);
        Ok(edit)
    }

    /// Whether an annotation with the suggestion's label overlaps it already; `reach[i]` is
    /// the furthest end among the first `i + 1` annotations.
    fn covered(&self, s: &Suggestion, reach: &[usize]) -> bool {
        let mut i = self.items.partition_point(|a| a.span.start < s.span.end);
        while i > 0 && reach[i - 1] > s.span.start {
            i -= 1;
            let a = &self.items[i];
            if a.label == s.label && a.span.overlaps(s.span) {
                return true;
            }
        }
        false
    }

    /// Accepts `chosen` (suggestions on the list): each becomes an annotation by `annotator`
    /// with its speaker and cue and origin [`Origin::Suggestion`] — unless the same span
    /// already has that label, when it is only taken off the list. One edit for all.
    pub fn accept(
        &mut self,
        article: &Article,
        chosen: Vec<Suggestion>,
        annotator: &str,
    ) -> Result<Edit, EditError> {
        let mut edits = vec![Edit::Withdraw(chosen.clone())];
        for s in &chosen {
            match self.add_by(article, s.span, s.label, annotator) {
                Ok(added) => {
                    let full = Annotation {
                        speaker: s.speaker.clone(),
                        cue: s.cue.clone(),
                        origin: Origin::Suggestion,
                        ..added
                    };
                    self.apply(&Edit::Add(full.clone()));
                    edits.push(Edit::Add(full));
                }
                Err(EditError::Duplicate(_)) => {}
                Err(error) => {
                    // Leave the set as it was: take back what this call added.
                    for e in edits.iter().skip(1).rev() {
                        self.apply(&e.inverse());
                    }
                    return Err(error);
                }
            }
        }
        let edit = Edit::Batch(edits);
        self.apply(&edit);
        Ok(edit)
    }

    fn insert_suggestion(&mut self, s: &Suggestion) {
        let key = Self::suggestion_order(s);
        let at = self
            .suggestions
            .partition_point(|p| Self::suggestion_order(p) < key);
        // The list is kept in this order, which tells keys apart (and `shift` keeps both), so
        // one with the same key would be right here: offering 8,000 is not 8,000 scans.
        if self.suggestions.get(at).is_some_and(|p| p.key() == s.key()) {
            return;
        }
        self.suggestions.insert(at, s.clone());
    }

    fn withdraw(&mut self, s: &Suggestion) {
        self.suggestions.retain(|p| p.key() != s.key());
    }

    fn suggestion_order(s: &Suggestion) -> (usize, Reverse<usize>, Label) {
        (s.span.start, Reverse(s.span.end), s.label)
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
mod tests {
    use super::*;
    use crate::model::{Metadata, ParagraphKind};

    fn article() -> Article {
        Article::from_paragraphs(
            [("The mayor said “we won” on Monday.", ParagraphKind::Body)],
            Metadata::default(),
        )
    }

    fn suggestion(label: Label, start: usize, end: usize) -> Suggestion {
        Suggestion {
            label,
            span: Span::new(start, end),
            speaker: "The mayor".into(),
            cue: "said".into(),
            confidence: 90,
            reason: "test".into(),
        }
    }

    #[test]
    fn offers_only_what_is_new_and_accepts_with_speaker_and_origin() {
        let article = article();
        let mut set = AnnotationSet::new();
        set.add(&article, Span::new(0, 9), Label::Fact).unwrap();
        let found = vec![
            suggestion(Label::Fact, 4, 14),
            suggestion(Label::Quote, 4, 14),
            suggestion(Label::Quote, 16, 22),
        ];
        let offered = set.offer(found.clone()).unwrap();
        assert_eq!(
            offered,
            Edit::Offer(found[1..].to_vec()),
            "the fact overlaps a FACT"
        );
        assert_eq!(set.offer(found.clone()), Err(EditError::NothingNew));
        let accepted = set.accept(&article, vec![found[2].clone()], "ana").unwrap();
        let quote = set
            .iter()
            .find(|a| a.label == Label::Quote)
            .unwrap()
            .clone();
        assert_eq!(
            (quote.speaker.as_str(), quote.cue.as_str(), quote.origin),
            ("The mayor", "said", Origin::Suggestion)
        );
        assert_eq!(article.slice(quote.span), Some("we won"));
        assert_eq!(set.suggestions(), &found[1..2]);
        set.apply(&accepted.inverse());
        assert_eq!(set.len(), 1);
        assert_eq!(set.suggestions(), &found[1..]);
        set.apply(&Edit::Reject(vec![found[1].clone()]));
        assert_eq!(set.rejected(), &found[1..2]);
        assert_eq!(set.offer(found[1..2].to_vec()), Err(EditError::NothingNew));
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
            Err(EditError::Duplicate(Label::Fact))
        );
        assert!(set.add(&article, Span::new(4, 9), Label::Quote).is_ok());
        assert_eq!(
            set.add(&article, Span::new(3, 4), Label::Quote),
            Err(EditError::Empty)
        );
        assert_eq!(
            set.add(&article, Span::new(3, 400), Label::Quote),
            Err(EditError::OutOfBounds)
        );
        assert_eq!(set.len(), 2);
    }

    #[test]
    fn changes_are_checked_like_additions() {
        let article = article();
        let mut set = AnnotationSet::new();
        let fact = set.add(&article, Span::new(4, 9), Label::Fact).unwrap();
        let quote = set.add(&article, Span::new(4, 9), Label::Quote).unwrap();
        let relabelled = Annotation {
            label: Label::Fact,
            ..quote.clone()
        };
        assert_eq!(
            set.change(&article, relabelled),
            Err(EditError::Duplicate(Label::Fact))
        );
        let moved = Annotation {
            span: Span::new(0, 9),
            speaker: "Mayor".into(),
            ..fact.clone()
        };
        let edit = set.change(&article, moved.clone()).unwrap();
        assert_eq!(
            edit,
            Edit::Change {
                before: fact,
                after: moved.clone()
            }
        );
        assert_eq!(set.as_slice()[0], moved);
        assert_eq!(set.speakers(), ["Mayor"]);
        let gone = Annotation::new(AnnotationId(99), Label::Fact, Span::new(0, 3));
        assert_eq!(
            set.change(&article, gone),
            Err(EditError::Missing(AnnotationId(99)))
        );
    }

    #[test]
    fn shifting_moves_what_follows_and_grows_what_spans() {
        let article = article();
        let mut set = AnnotationSet::new();
        let before = set.add(&article, Span::new(0, 3), Label::Fact).unwrap();
        let across = set.add(&article, Span::new(4, 14), Label::Fact).unwrap();
        let after = set.add(&article, Span::new(15, 23), Label::Quote).unwrap();
        set.shift(10, 5);
        assert_eq!(set.get(before.id).unwrap().span, Span::new(0, 3));
        assert_eq!(set.get(across.id).unwrap().span, Span::new(4, 19));
        assert_eq!(set.get(after.id).unwrap().span, Span::new(20, 28));
    }

    #[test]
    fn removes_by_id_and_never_reuses_ids() {
        let article = article();
        let mut set = AnnotationSet::new();
        let first = set.add(&article, Span::new(0, 3), Label::Fact).unwrap();
        assert_eq!(set.remove(first.id), Some(first.clone()));
        assert_eq!(set.remove(first.id), None);
        assert!(set.is_empty());
        let second = set.add(&article, Span::new(0, 3), Label::Fact).unwrap();
        assert_ne!(second.id, first.id);
        assert_eq!(set.get(second.id), Some(&second));
    }

    /// Random editing sessions, undone and redone (native only: proptest does not run in wasm).
    #[cfg(not(target_arch = "wasm32"))]
    mod undo_redo {
        use super::*;
        use crate::model::History;

        /// One step of a random editing session.
        #[derive(Debug, Clone)]
        enum Step {
            Add(usize, usize, u8),
            Remove(usize),
            Relabel(usize, u8),
            Note(usize, String),
        }

        fn label(n: u8) -> Label {
            Label::ALL[n as usize % 3]
        }

        /// Runs `step`, recording what it did in `history`.
        fn run(step: &Step, article: &Article, set: &mut AnnotationSet, history: &mut History) {
            let pick =
                |set: &AnnotationSet, i: usize| set.as_slice().get(i % set.len().max(1)).cloned();
            match step {
                Step::Add(a, b, l) => {
                    if let Ok(added) = set.add(article, Span::new(*a % 35, *b % 35), label(*l)) {
                        history.record(Edit::Add(added), false);
                    }
                }
                Step::Remove(i) => {
                    if let Some(gone) = pick(set, *i).and_then(|a| set.remove(a.id)) {
                        history.record(Edit::Remove(gone), false);
                    }
                }
                Step::Relabel(i, l) => {
                    if let Some(a) = pick(set, *i) {
                        if let Ok(edit) = set.change(
                            article,
                            Annotation {
                                label: label(*l),
                                ..a
                            },
                        ) {
                            history.record(edit, false);
                        }
                    }
                }
                Step::Note(i, note) => {
                    if let Some(a) = pick(set, *i) {
                        if let Ok(edit) = set.change(
                            article,
                            Annotation {
                                note: note.clone(),
                                ..a
                            },
                        ) {
                            history.record(edit, true);
                        }
                    }
                }
            }
        }

        fn step() -> impl proptest::strategy::Strategy<Value = Step> {
            use proptest::prelude::*;
            prop_oneof![
                (0usize..40, 0usize..40, 0u8..3).prop_map(|(a, b, l)| Step::Add(a, b, l)),
                (0usize..10).prop_map(Step::Remove),
                (0usize..10, 0u8..3).prop_map(|(i, l)| Step::Relabel(i, l)),
                (0usize..10, "[a-z]{0,3}").prop_map(|(i, n)| Step::Note(i, n)),
            ]
        }

        proptest::proptest! {
            #[test]
            fn undoing_everything_restores_the_start_and_redo_replays_it(steps in proptest::collection::vec(step(), 0..40)) {
                let article = article();
                let mut set = AnnotationSet::new();
                set.add(&article, Span::new(0, 3), Label::Fact).unwrap();
                let initial = set.clone();
                let mut history = History::default();
                for s in &steps {
                    run(s, &article, &mut set, &mut history);
                }
                let end = set.clone();
                while let Some(edit) = history.undo() {
                    set.apply(&edit.inverse());
                }
                proptest::prop_assert_eq!(set.as_slice(), initial.as_slice());
                while let Some(edit) = history.redo() {
                    set.apply(&edit);
                }
                proptest::prop_assert_eq!(set.as_slice(), end.as_slice());
            }
        }
    }
}
