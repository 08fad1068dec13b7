//! The application state: one [`AppState`] made of slices with one job each, and the root
//! reducer that composes theirs. No I/O happens here.
//!
//! | slice | owns | actions, handled in |
//! |---|---|---|
//! | [`Document`] | article, sentences, annotations and suggestions, history, orphans | [`DocumentAction`], `document/` |
//! | [`View`] | current annotation, cursor, editor, search, dialog, notice, review | [`ViewAction`], `view.rs` |
//! | [`Storage`] | library bookkeeping, save status, tab, annotator | [`StorageAction`], `storage.rs` |
//! | [`Corpus`] | the library listing | [`CorpusAction`], `corpus.rs` |
//!
//! Every user action becomes an [`Action`]; [`AppState::reduce`] hands it to its slice's pure
//! reducer, then [`AppState::settle`] applies what that means for the other slices.

mod announce;
pub mod corpus;
pub mod document;
pub mod keymap;
mod notice;
pub mod storage;
pub mod view;

use std::rc::Rc;

use yew::Reducible;

// The corpus slice's types, whichever its owner adds.
pub use corpus::*;
pub use document::{Document, DocumentAction};
pub use keymap::Boundary;
pub use notice::{count_of, Notice, NoticeKind};
pub use storage::{SaveStatus, Storage, StorageAction};
pub use view::{Dialog, View, ViewAction};

use crate::model::library::{doc_id, DocInfo};
use crate::model::suggest::Suggestion;
use crate::model::{Annotation, AnnotationSet, Article, Span};
use document::{EditContext, Opened, Outcome};

/// Everything the app shows. Slices are shared, so a clone is cheap and an untouched slice
/// stays the same `Rc`.
#[derive(Debug, Clone, PartialEq)]
pub struct AppState {
    /// The open document.
    pub document: Rc<Document>,
    /// How the user is looking at it.
    pub view: Rc<View>,
    /// Where it stands with the library.
    pub storage: Rc<Storage>,
    /// The library listing.
    pub corpus: Corpus,
    /// The time of the action being applied (ISO 8601), stamped on new and changed annotations.
    pub now: String,
}

/// What a user (or autosave, start-up, another tab) can do: an action of one slice.
#[derive(Debug, Clone, PartialEq)]
pub enum Action {
    /// Change the open document.
    Document(DocumentAction),
    /// Change the view.
    View(ViewAction),
    /// Report on storage, or answer it.
    Storage(StorageAction),
    /// Change the corpus view.
    Corpus(CorpusAction),
    /// `action`, happening at this time (ISO 8601).
    At(String, Box<Action>),
}

impl From<DocumentAction> for Action {
    fn from(action: DocumentAction) -> Self {
        Action::Document(action)
    }
}

impl From<ViewAction> for Action {
    fn from(action: ViewAction) -> Self {
        Action::View(action)
    }
}

impl From<StorageAction> for Action {
    fn from(action: StorageAction) -> Self {
        Action::Storage(action)
    }
}

impl From<CorpusAction> for Action {
    fn from(action: CorpusAction) -> Self {
        Action::Corpus(action)
    }
}

impl AppState {
    /// A state showing `article` with no annotations.
    pub fn new(article: Article) -> Self {
        let document = Document::new(article, AnnotationSet::new());
        let doc = DocInfo {
            id: doc_id(&document.article),
            ..DocInfo::default()
        };
        AppState {
            document: Rc::new(document),
            view: Rc::new(View::default()),
            storage: Rc::new(Storage::new(doc)),
            corpus: Corpus::default(),
            now: String::new(),
        }
    }

    /// The current annotation.
    pub fn selected_annotation(&self) -> Option<&Annotation> {
        self.document.annotations.get(self.view.selected?)
    }

    /// The span of the sentence under the cursor.
    pub fn cursor_span(&self) -> Option<Span> {
        // The cursor first: without one, the sentence index is not built (it is lazy, and
        // 30 ms at 100,000 words in the browser).
        let at = self.view.cursor?;
        self.document.sentences().get(at).copied()
    }

    /// The suggestion under review.
    pub fn current_suggestion(&self) -> Option<&Suggestion> {
        self.document
            .annotations
            .suggestions()
            .get(self.view.suggestion?)
    }

    /// What a document edit reads from the other slices.
    fn edit_context(&self) -> EditContext<'_> {
        EditContext {
            selected: self.view.selected,
            cursor: self.cursor_span(),
            review: self.view.suggestion,
            snap_words: self.view.snap_words,
            annotator: &self.storage.annotator,
            now: &self.now,
        }
    }

    /// The one place where slices affect each other. `next` is this state after one slice's
    /// reducer ran, `outcome` what a document action asked for:
    /// - another document opened: a fresh view (keeping snap to words) and its storage
    ///   bookkeeping; a restored line: a fresh view keeping the current annotation, and a save
    ///   due with any conflict or overwrite forgotten (as for a newly opened document);
    /// - the outcome's selection, editor, notice, announcement, review and dialog go to the view;
    /// - whenever the article, the annotations or the status changed on the same document and
    ///   it was not an open, the edit is counted and a save is due (unless in conflict).
    fn settle(self: &Rc<Self>, mut next: AppState, outcome: Outcome) -> Rc<Self> {
        let waiting = next.document.annotations.suggestions().len();
        let snap_words = self.view.snap_words;
        match &outcome.opened {
            None => {}
            Some(Opened::New) => {
                let doc = DocInfo {
                    id: doc_id(&next.document.article),
                    ..DocInfo::default()
                };
                next.view = Rc::new(View::fresh(snap_words));
                next.storage = Rc::new(self.storage.open(doc, SaveStatus::Pending));
            }
            Some(Opened::Stored(doc)) => {
                next.view = Rc::new(View::fresh(snap_words));
                next.storage = Rc::new(self.storage.open(doc.clone(), SaveStatus::Saved));
            }
            Some(Opened::Restored) => {
                let selected = self.view.selected;
                next.view = Rc::new(View {
                    selected,
                    ..View::fresh(snap_words)
                });
                next.storage = changed(&self.storage, |s| {
                    s.save = SaveStatus::Pending;
                    s.overwrite = false;
                });
            }
        }
        if outcome != Outcome::default() {
            next.view = changed(&next.view, |view| {
                if let Some(selected) = outcome.select {
                    view.selected = selected;
                }
                if outcome.stop_editing {
                    view.editing = false;
                }
                if let Some(notice) = outcome.notice {
                    view.notice = notice;
                }
                if let Some(words) = outcome.announce {
                    view.announce(words);
                }
                if let Some(review) = outcome.review {
                    view.suggestion = review;
                    view.keep_review_in_range(waiting);
                }
                if let Some(item) = outcome.item {
                    view.item = item;
                }
                if outcome.close_dialog {
                    view.dialog = None;
                }
            });
        }
        let edited = !Rc::ptr_eq(&self.document.article, &next.document.article)
            || !Rc::ptr_eq(&self.document.annotations, &next.document.annotations)
            || self.storage.doc.status != next.storage.doc.status;
        let same_doc = self.storage.doc.id == next.storage.doc.id;
        let opens = matches!(outcome.opened, Some(Opened::New | Opened::Stored(_)));
        if edited && same_doc && !opens {
            next.storage = changed(&next.storage, Storage::count_edit);
        }
        let untouched = Rc::ptr_eq(&self.document, &next.document)
            && Rc::ptr_eq(&self.view, &next.view)
            && Rc::ptr_eq(&self.storage, &next.storage);
        if untouched {
            self.clone()
        } else {
            Rc::new(next)
        }
    }
}

impl Reducible for AppState {
    type Action = Action;

    /// Hands `action` to its slice's reducer, then [`AppState::settle`]s the rest.
    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let (next, outcome) = match action {
            Action::At(now, inner) => {
                let timed = if self.now == now {
                    self
                } else {
                    Rc::new(AppState {
                        now,
                        ..(*self).clone()
                    })
                };
                return timed.reduce(*inner);
            }
            Action::Document(action) => {
                let (document, outcome) = self.document.reduce(action, &self.edit_context());
                let next = AppState {
                    document,
                    ..(*self).clone()
                };
                (next, outcome)
            }
            Action::View(action) => {
                let view = self.view.reduce(action, &self.document);
                let next = AppState {
                    view,
                    ..(*self).clone()
                };
                (next, Outcome::default())
            }
            Action::Storage(action) => {
                let storage = self.storage.reduce(action);
                let next = AppState {
                    storage,
                    ..(*self).clone()
                };
                (next, Outcome::default())
            }
            Action::Corpus(action) => {
                return Rc::new(AppState {
                    corpus: self.corpus.reduce(action),
                    ..(*self).clone()
                });
            }
        };
        self.settle(next, outcome)
    }
}

/// A copy of `slice` changed by `change`.
fn changed<T: Clone>(slice: &Rc<T>, change: impl FnOnce(&mut T)) -> Rc<T> {
    let mut next = (**slice).clone();
    change(&mut next);
    Rc::new(next)
}

#[cfg(test)]
mod tests;
