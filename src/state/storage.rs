//! The storage slice: the open document's library bookkeeping, whether it is safely stored,
//! this tab's id and the annotator name, with [`StorageAction`] (what autosave, start-up and
//! other tabs report, and the user's answers to them) and its pure reducer.

#[cfg(test)]
mod tests;

use std::rc::Rc;

use super::changed;
use crate::model::library::{DocInfo, DocStatus};

/// Where the open document stands with the library.
#[derive(Debug, Clone, PartialEq)]
pub struct Storage {
    /// The open document's library bookkeeping (id, revision, status).
    pub doc: DocInfo,
    /// Written into every new annotation.
    pub annotator: String,
    /// Whether the open document is safely stored.
    pub save: SaveStatus,
    /// The library has been read at start-up (autosave waits for it).
    pub ready: bool,
    /// This tab's id, to tell its own saves from another tab's.
    pub tab: String,
    /// Counts changes to the document, so a save knows whether it saved the latest one.
    pub edits: u64,
    /// The user chose to keep this tab's version: the next save overwrites whatever is stored.
    pub overwrite: bool,
}

/// Whether the open document is safely stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SaveStatus {
    /// Stored as shown.
    Saved,
    /// Changed since the last save; a save is due.
    Pending,
    /// The last save failed for this reason; work is only in memory.
    Failed(String),
    /// Another tab saved newer work of this document (its revision).
    Conflict {
        /// The revision the other tab stored.
        theirs: u64,
    },
}

/// What changes the storage slice.
#[derive(Debug, Clone, PartialEq)]
pub enum StorageAction {
    /// Start-up finished reading the library; the annotator name found there.
    Started {
        /// The stored annotator name.
        annotator: String,
    },
    /// A save of `revision` by this tab succeeded.
    Saved {
        /// The document saved (the open one may have changed since the save began).
        id: String,
        /// The document's [`Storage::edits`] when the save started.
        edits: u64,
        /// The revision now stored.
        revision: u64,
        /// When it was stored.
        edited_at: String,
        /// When the document entered the library.
        added_at: String,
    },
    /// A save failed.
    SaveFailed(String),
    /// Another tab stored newer work of a document, at this revision.
    Conflict {
        /// The document.
        id: String,
        /// The revision the other tab stored.
        theirs: u64,
    },
    /// Keep this tab's version: the next save overwrites the other tab's revision.
    KeepMine,
    /// Try a failed save again.
    RetrySave,
    /// Set the document's status.
    SetStatus(DocStatus),
    /// Set the annotator name.
    SetAnnotator(String),
}

impl Storage {
    /// A document not stored yet, in a tab that has not read the library.
    pub fn new(doc: DocInfo) -> Self {
        Storage {
            doc,
            annotator: String::new(),
            save: SaveStatus::Pending,
            ready: false,
            tab: String::new(),
            edits: 0,
            overwrite: false,
        }
    }

    /// This tab's storage for another document with bookkeeping `doc`, stored as `save` says.
    pub fn open(&self, doc: DocInfo, save: SaveStatus) -> Self {
        Storage {
            save,
            annotator: self.annotator.clone(),
            ready: self.ready,
            tab: self.tab.clone(),
            ..Storage::new(doc)
        }
    }

    /// Counts an edit of the open document: a save is due, unless another tab's newer
    /// version is waiting for the user's answer.
    pub fn count_edit(&mut self) {
        self.edits += 1;
        if !matches!(self.save, SaveStatus::Conflict { .. }) {
            self.save = SaveStatus::Pending;
        }
    }

    /// Applies `action`: the next storage slice (this one when nothing changed).
    pub fn reduce(self: &Rc<Self>, action: StorageAction) -> Rc<Self> {
        match action {
            StorageAction::Started { annotator } => changed(self, |s| {
                s.ready = true;
                s.annotator = annotator;
            }),
            StorageAction::Saved { id, .. } if id != self.doc.id => self.clone(),
            StorageAction::Saved {
                edits,
                revision,
                edited_at,
                added_at,
                ..
            } => changed(self, |s| {
                s.doc.revision = revision;
                s.doc.writer = s.tab.clone();
                s.doc.edited_at = edited_at;
                s.doc.added_at = added_at;
                s.overwrite = false;
                if !matches!(s.save, SaveStatus::Conflict { .. }) && s.edits == edits {
                    s.save = SaveStatus::Saved;
                }
            }),
            StorageAction::SaveFailed(reason) => {
                changed(self, |s| s.save = SaveStatus::Failed(reason))
            }
            StorageAction::Conflict { id, .. } if id != self.doc.id => self.clone(),
            StorageAction::Conflict { theirs, .. } => {
                changed(self, |s| s.save = SaveStatus::Conflict { theirs })
            }
            StorageAction::KeepMine => match self.save {
                SaveStatus::Conflict { theirs } => changed(self, |s| {
                    s.doc.revision = theirs;
                    s.overwrite = true;
                    s.save = SaveStatus::Pending;
                }),
                _ => self.clone(),
            },
            StorageAction::RetrySave => changed(self, |s| s.save = SaveStatus::Pending),
            StorageAction::SetStatus(status) if status == self.doc.status => self.clone(),
            StorageAction::SetStatus(status) => changed(self, |s| s.doc.status = status),
            StorageAction::SetAnnotator(name) => changed(self, |s| s.annotator = name),
        }
    }
}
