//! [`Edit`]: one reversible change to an [`crate::model::AnnotationSet`], the unit of undo.

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
        }
    }

    /// The annotation the edit leaves behind, if it leaves one.
    pub fn result(&self) -> Option<&Annotation> {
        match self {
            Edit::Add(a) => Some(a),
            Edit::Remove(_) => None,
            Edit::Change { after, .. } => Some(after),
        }
    }
}
