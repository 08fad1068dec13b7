//! [`Edit`]: one reversible change to an [`crate::model::AnnotationSet`] (its annotations or its
//! suggestions), the unit of undo.

use crate::model::suggest::Suggestion;
use crate::model::Annotation;

/// A change that can be applied and, through [`Edit::inverse`], taken back.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Edit {
    /// The annotation was added.
    Add(Annotation),
    /// The annotation was removed.
    Remove(Annotation),
    /// The annotation with `before.id` changed from `before` to `after` (label, span or
    /// attributes; the id never changes).
    Change {
        /// As it was.
        before: Annotation,
        /// As it is now.
        after: Annotation,
    },
    /// Suggestions were offered for review.
    Offer(Vec<Suggestion>),
    /// Suggestions were taken off the review list (accepted, or an offer undone).
    Withdraw(Vec<Suggestion>),
    /// Suggestions were rejected: taken off the list and not offered again.
    Reject(Vec<Suggestion>),
    /// Rejections taken back: the suggestions are on the list again.
    Unreject(Vec<Suggestion>),
    /// Several edits made as one step (accepting a suggestion withdraws it and adds an
    /// annotation).
    Batch(Vec<Edit>),
}

impl Edit {
    /// The edit that undoes this one.
    pub fn inverse(&self) -> Edit {
        match self {
            Edit::Add(a) => Edit::Remove(a.clone()),
            Edit::Remove(a) => Edit::Add(a.clone()),
            Edit::Change { before, after } => Edit::Change {
                before: after.clone(),
                after: before.clone(),
            },
            Edit::Offer(s) => Edit::Withdraw(s.clone()),
            Edit::Withdraw(s) => Edit::Offer(s.clone()),
            Edit::Reject(s) => Edit::Unreject(s.clone()),
            Edit::Unreject(s) => Edit::Reject(s.clone()),
            Edit::Batch(edits) => Edit::Batch(edits.iter().rev().map(Edit::inverse).collect()),
        }
    }

    /// The first suggestion the edit puts (back) on the review list, if any: after undoing an
    /// accept or a reject, that is the one to look at again.
    pub fn offered(&self) -> Option<&Suggestion> {
        match self {
            Edit::Offer(s) | Edit::Unreject(s) => s.first(),
            Edit::Batch(edits) => edits.iter().find_map(Edit::offered),
            _ => None,
        }
    }

    /// The annotation the edit leaves behind, if it leaves one (for a batch, the last one).
    pub fn result(&self) -> Option<&Annotation> {
        match self {
            Edit::Add(a) => Some(a),
            Edit::Change { after, .. } => Some(after),
            Edit::Batch(edits) => edits.iter().rev().find_map(Edit::result),
            Edit::Remove(_)
            | Edit::Offer(_)
            | Edit::Withdraw(_)
            | Edit::Reject(_)
            | Edit::Unreject(_) => None,
        }
    }
}
