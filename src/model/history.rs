//! [`History`]: the undo and redo stacks of one document's edits.

use crate::model::Edit;

/// Undo and redo stacks. Recording a new edit clears the redo stack.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct History {
    undo: Vec<Edit>,
    redo: Vec<Edit>,
    /// The last recorded edit was recorded with `merge`, so the next mergeable one may fold in.
    merging: bool,
}

impl History {
    /// Records `edit`. With `merge`, a change to the same annotation as the last recorded change
    /// is folded into it, so typing a note is one undo step rather than one per key.
    pub fn record(&mut self, edit: Edit, merge: bool) {
        self.redo.clear();
        if merge && self.merging {
            if let (
                Some(Edit::Change {
                    before,
                    after: last,
                }),
                Edit::Change { after, .. },
            ) = (self.undo.last_mut(), &edit)
            {
                if before.id == after.id {
                    *last = after.clone();
                    return;
                }
            }
        }
        self.undo.push(edit);
        self.merging = merge;
    }

    /// Takes the last edit off the undo stack; the caller applies its inverse.
    pub fn undo(&mut self) -> Option<Edit> {
        let edit = self.undo.pop()?;
        self.merging = false;
        self.redo.push(edit.clone());
        Some(edit)
    }

    /// Takes the last undone edit; the caller applies it again.
    pub fn redo(&mut self) -> Option<Edit> {
        let edit = self.redo.pop()?;
        self.merging = false;
        self.undo.push(edit.clone());
        Some(edit)
    }

    /// True when there is something to undo.
    pub fn can_undo(&self) -> bool {
        !self.undo.is_empty()
    }

    /// True when there is something to redo.
    pub fn can_redo(&self) -> bool {
        !self.redo.is_empty()
    }
}
