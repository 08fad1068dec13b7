//! The review list of an [`AnnotationSet`]: suggestions offered (only what is new), accepted
//! as annotations, withdrawn, and the ones rejected.

use std::cmp::Reverse;
use std::collections::HashSet;

use super::{AnnotationSet, EditError};
use crate::model::suggest::Suggestion;
use crate::model::{Annotation, Article, Edit, Label, Origin, Span};

impl AnnotationSet {
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

    pub(super) fn insert_suggestion(&mut self, s: &Suggestion) {
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

    pub(super) fn withdraw(&mut self, s: &Suggestion) {
        self.suggestions.retain(|p| p.key() != s.key());
    }

    fn suggestion_order(s: &Suggestion) -> (usize, Reverse<usize>, Label) {
        (s.span.start, Reverse(s.span.end), s.label)
    }
}
