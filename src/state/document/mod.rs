//! The document slice: the open article, its sentences, its annotations (with the waiting and
//! rejected suggestions), the undo history and the imported annotations still to place, with
//! [`DocumentAction`] and its pure reducer.
//!
//! An edit needs a little of the rest of the state (the current annotation, the sentence
//! cursor, the annotator, the time), passed in as an [`EditContext`]; what the rest of the state
//! should do about it (select the result, say something) comes back as an [`Outcome`], which
//! the root applies. The review actions live in `suggestions.rs`, placing annotations from
//! other tools in `import.rs`.

mod adjudicate;
mod import;
mod open;
mod outcome;
mod suggestions;
#[cfg(test)]
mod tests;
#[cfg(test)]
mod tests_adjudicate;

use std::cell::OnceCell;
use std::rc::Rc;

pub use adjudicate::{progress_text, Mode, Parked};
pub use outcome::{EditContext, Opened, Outcome};

use super::announce::describe;
use super::notice::Notice;
use super::{changed, Boundary};
use crate::model::adjudication::Item;
use crate::model::format::anchor::{Candidate, Orphan};
use crate::model::ingest::load::Loaded;
use crate::model::library::{AnnotatorLayer, DocInfo};
use crate::model::segment::{next_char_edge, next_word_edge, sentences, snap_to_words, Edge};
use crate::model::{
    Annotation, AnnotationId, AnnotationSet, Article, Edit, EditError, History, Label, Metadata,
    Span,
};

/// The open document.
#[derive(Debug, Clone, PartialEq)]
pub struct Document {
    /// The article being annotated.
    pub article: Rc<Article>,
    /// Its sentences, for the sentence cursor, the suggester and CSV: found on first use (see
    /// [`Document::sentences`]), not when the document opens — a long article opens sooner.
    sentences: Rc<OnceCell<Vec<Span>>>,
    /// Its annotations, and the suggestions waiting for review.
    pub annotations: Rc<AnnotationSet>,
    /// Undo and redo.
    pub history: Rc<History>,
    /// Imported annotations that could not be placed, for the user to place or drop.
    pub orphans: Rc<Vec<Orphan>>,
    /// Other annotators' layers, shown read-only.
    pub layers: Rc<Vec<AnnotatorLayer>>,
    /// Annotating one's own layer, or adjudicating into the gold layer.
    pub mode: Mode,
    /// The layer not being edited (the gold layer while annotating, one's own while
    /// adjudicating), with its undo history.
    pub parked: Rc<Parked>,
    /// While adjudicating: the candidate spans of every layer, clustered (see
    /// [`crate::model::adjudication`]); empty otherwise.
    pub items: Rc<Vec<Item>>,
}

/// What changes the open document.
#[derive(Debug, Clone, PartialEq)]
pub enum DocumentAction {
    /// Mark `span` (from the text selection) with `label`.
    Tag {
        /// Code point offsets from the selection.
        span: Span,
        /// The label to apply.
        label: Label,
    },
    /// Mark the sentence under the cursor with a label.
    TagCursor(Label),
    /// Give an annotation another label.
    Relabel {
        /// Which annotation.
        id: AnnotationId,
        /// Its new label.
        label: Label,
    },
    /// Delete an annotation.
    Delete(AnnotationId),
    /// Move one end of an annotation by a word or a character.
    MoveBoundary {
        /// Which annotation.
        id: AnnotationId,
        /// Which end.
        boundary: Boundary,
        /// Right (true) or left.
        forward: bool,
        /// A word, or a character.
        by_word: bool,
    },
    /// Set an annotation's speaker, cue and note (typing: consecutive edits are one undo step).
    SetAttributes {
        /// Which annotation.
        id: AnnotationId,
        /// Who said it.
        speaker: String,
        /// The reporting verb.
        cue: String,
        /// A note.
        note: String,
    },
    /// Undo the last change.
    Undo,
    /// Redo the last undone change.
    Redo,
    /// Open a newly loaded document in place of the current one.
    Load(Box<Loaded>),
    /// Open a document from the library.
    OpenStored {
        /// The document.
        loaded: Box<Loaded>,
        /// Its bookkeeping.
        info: DocInfo,
    },
    /// Rename the open document.
    RenameOpen(String),
    /// Change the article's title, date, byline or source.
    SetMeta(Metadata),
    /// Put a set-aside line back into the text.
    Restore(usize),
    /// Place annotations read from another tool's file onto the article.
    Import(Vec<Candidate>),
    /// Place an orphan at a span the user selected.
    PlaceOrphan {
        /// Which orphan.
        index: usize,
        /// Where.
        span: Span,
    },
    /// Drop an orphan.
    DropOrphan(usize),
    /// Run the suggester and review what it found.
    Suggest,
    /// Accept the suggestion under review: it becomes an annotation.
    AcceptSuggestion,
    /// Reject the suggestion under review: it will not be offered again for this document.
    RejectSuggestion,
    /// Accept every waiting suggestion with this label whose confidence is at least this
    /// (percent; 0 takes them all).
    AcceptAll(Label, u8),
    /// Start (true) or stop adjudicating: the gold layer becomes the one edited.
    Adjudicate(bool),
    /// Put candidate `item` into the gold layer: `version` (an index into its versions), or
    /// the one most annotators had.
    AcceptItem {
        /// Which candidate (an index into the document's items).
        item: usize,
        /// Which version; `None` for the best.
        version: Option<usize>,
    },
    /// Keep candidate `item` out of the gold layer.
    RejectItem(usize),
    /// Put every open candidate all annotators agree on into the gold layer.
    AcceptUnanimous,
    /// The other annotators' layers changed in the library (a file of theirs was brought in).
    SetLayers(Vec<AnnotatorLayer>),
}

impl Document {
    /// `article` with `annotations`, no history and no orphans.
    pub fn new(article: Article, annotations: AnnotationSet) -> Self {
        Document {
            sentences: Rc::new(OnceCell::new()),
            article: Rc::new(article),
            annotations: Rc::new(annotations),
            history: Rc::new(History::default()),
            orphans: Rc::new(Vec::new()),
            layers: Rc::new(Vec::new()),
            mode: Mode::Annotate,
            parked: Rc::new(Parked::default()),
            items: Rc::new(Vec::new()),
        }
    }

    /// The article's sentences (found the first time they are asked for).
    pub fn sentences(&self) -> &[Span] {
        self.sentences.get_or_init(|| sentences(&self.article))
    }

    /// Applies `action`: the next document (this one when nothing changed) and what follows
    /// for the rest of the state.
    pub fn reduce(
        self: &Rc<Self>,
        action: DocumentAction,
        context: &EditContext,
    ) -> (Rc<Self>, Outcome) {
        match action {
            DocumentAction::Tag { span, label } => {
                self.add(span, label, context.snap_words, context)
            }
            DocumentAction::TagCursor(label) => match context.cursor {
                Some(span) => self.add(span, label, false, context),
                None => self.refuse("Move the sentence cursor with J or K first."),
            },
            DocumentAction::Relabel { id, label } => self.edit(context, false, |article, set| {
                let current = set.get(id).cloned().ok_or(EditError::Missing(id))?;
                set.change(article, Annotation { label, ..current })
            }),
            DocumentAction::Delete(id) => self.edit(context, false, |_, set| {
                set.remove(id)
                    .map(Edit::Remove)
                    .ok_or(EditError::Missing(id))
            }),
            DocumentAction::MoveBoundary {
                id,
                boundary,
                forward,
                by_word,
            } => {
                let Some(current) = self.annotations.get(id).cloned() else {
                    return self.refuse(EditError::Missing(id));
                };
                let span = moved_span(&self.article, current.span, boundary, forward, by_word);
                if span.is_empty() {
                    return self.refuse(EditError::Empty);
                }
                self.edit(context, false, |article, set| {
                    set.change(article, Annotation { span, ..current })
                })
            }
            DocumentAction::SetAttributes {
                id,
                speaker,
                cue,
                note,
            } => self.edit(context, true, |article, set| {
                let current = set.get(id).cloned().ok_or(EditError::Missing(id))?;
                set.change(
                    article,
                    Annotation {
                        speaker,
                        cue,
                        note,
                        ..current
                    },
                )
            }),
            DocumentAction::Undo => self.travel(true, context),
            DocumentAction::Redo => self.travel(false, context),
            DocumentAction::Load(loaded) => Document::load(*loaded),
            DocumentAction::OpenStored { loaded, info } => Document::open_stored(*loaded, info),
            DocumentAction::RenameOpen(title) => {
                let mut meta = self.article.meta.clone();
                meta.title = title;
                self.reduce(DocumentAction::SetMeta(meta), context)
            }
            DocumentAction::SetMeta(meta) => {
                if self.article.meta == meta {
                    return (self.clone(), Outcome::default());
                }
                let mut article = (*self.article).clone();
                article.meta = meta;
                let next = changed(self, |d| d.article = Rc::new(article));
                (next, Outcome::default())
            }
            DocumentAction::Restore(which) => self.restore(which),
            DocumentAction::Import(candidates) => self.import(candidates, context),
            DocumentAction::PlaceOrphan { index, span } => self.place_orphan(index, span, context),
            DocumentAction::DropOrphan(index) => self.drop_orphan(index),
            DocumentAction::Suggest => self.offer_suggestions(context),
            DocumentAction::AcceptSuggestion => self.review_current(true, context),
            DocumentAction::RejectSuggestion => self.review_current(false, context),
            DocumentAction::AcceptAll(label, least) => self.accept_all(label, least, context),
            DocumentAction::Adjudicate(on) => self.adjudicate(on, context),
            DocumentAction::AcceptItem { item, version } => {
                self.accept_item(item, version, context)
            }
            DocumentAction::RejectItem(item) => self.reject_item(item, context),
            DocumentAction::AcceptUnanimous => self.accept_unanimous(context),
            DocumentAction::SetLayers(layers) => self.set_layers(layers, context),
        }
    }

    /// Leaves the document as it is and says why.
    fn refuse(self: &Rc<Self>, why: impl ToString) -> (Rc<Self>, Outcome) {
        (
            self.clone(),
            Outcome::notice(Notice::error(why.to_string())),
        )
    }

    /// Runs `edit` on a copy of the annotations; records it in the history on success, and
    /// asks for its result to become the current annotation.
    fn edit(
        self: &Rc<Self>,
        context: &EditContext,
        merge: bool,
        edit: impl FnOnce(&Article, &mut AnnotationSet) -> Result<Edit, EditError>,
    ) -> (Rc<Self>, Outcome) {
        let mut annotations = (*self.annotations).clone();
        match edit(&self.article, &mut annotations) {
            Ok(done) => {
                let done = stamp(done, context.now, &mut annotations);
                let selected = done.result().map(|a| a.id);
                let outcome = Outcome {
                    select: Some(selected),
                    stop_editing: selected.is_none(),
                    notice: Some(None),
                    announce: describe(&done, &self.article),
                    ..Outcome::default()
                };
                let mut history = (*self.history).clone();
                history.record(done, merge);
                let next = changed(self, |d| {
                    d.annotations = Rc::new(annotations);
                    d.history = Rc::new(history);
                });
                (next, outcome)
            }
            Err(error) => self.refuse(error),
        }
    }

    /// Undo (`undo == true`) or redo one step; after undoing a review, its suggestion is the
    /// one to review again.
    fn travel(self: &Rc<Self>, undo: bool, context: &EditContext) -> (Rc<Self>, Outcome) {
        let mut history = (*self.history).clone();
        let step = if undo { history.undo() } else { history.redo() };
        let Some(edit) = step else {
            return (self.clone(), Outcome::default());
        };
        let applied = if undo { edit.inverse() } else { edit };
        let mut annotations = (*self.annotations).clone();
        annotations.apply(&applied);
        let offered = applied.offered().and_then(|back| {
            annotations
                .suggestions()
                .iter()
                .position(|s| s.key() == back.key())
        });
        let what = describe(&applied, &self.article).unwrap_or_else(|| "a change".to_string());
        let waiting = !annotations.suggestions().is_empty();
        let outcome = Outcome {
            select: Some(applied.result().map(|a| a.id)),
            stop_editing: true,
            announce: Some(format!(
                "{}: {what}",
                if undo { "Undone" } else { "Redone" }
            )),
            review: Some(offered.or(context.review).filter(|_| waiting)),
            ..Outcome::default()
        };
        let next = changed(self, |d| {
            d.annotations = Rc::new(annotations);
            d.history = Rc::new(history);
        });
        (next, outcome)
    }

    /// Adds `span` (grown to whole words when `snap`) with `label`.
    fn add(
        self: &Rc<Self>,
        span: Span,
        label: Label,
        snap: bool,
        context: &EditContext,
    ) -> (Rc<Self>, Outcome) {
        let span = if snap {
            match snap_to_words(&self.article, span) {
                Some(span) => span,
                None => return self.refuse(EditError::Empty),
            }
        } else {
            span
        };
        self.edit(context, false, |article, set| {
            set.add_by(article, span, label, context.annotator)
                .map(Edit::Add)
        })
    }
}

/// `span` with one end moved by a word or a character, never past the other end.
fn moved_span(
    article: &Article,
    span: Span,
    boundary: Boundary,
    forward: bool,
    by_word: bool,
) -> Span {
    let (cp, edge) = match boundary {
        Boundary::Start => (span.start, Edge::Start),
        Boundary::End => (span.end, Edge::End),
    };
    let moved = if by_word {
        next_word_edge(article, cp, forward, edge)
    } else {
        next_char_edge(article, cp, forward, edge)
    };
    match boundary {
        Boundary::Start => Span {
            start: moved.min(span.end),
            end: span.end,
        },
        Boundary::End => Span {
            start: span.start,
            end: moved.max(span.start),
        },
    }
}

/// Records `now` as the creation and modification time of what `done` added or changed (and
/// writes that into `annotations`); without a time, `done` is kept as it is.
fn stamp(done: Edit, now: &str, annotations: &mut AnnotationSet) -> Edit {
    if now.is_empty() {
        return done;
    }
    let stamped = stamped(done, now);
    annotations.apply(&stamped);
    stamped
}

/// `edit` with `now` as the creation and modification time of what it adds or changes.
fn stamped(edit: Edit, now: &str) -> Edit {
    match edit {
        Edit::Add(mut a) => {
            if a.created.is_empty() {
                a.created = now.to_string();
            }
            a.modified = now.to_string();
            Edit::Add(a)
        }
        Edit::Change { before, mut after } => {
            if after != before {
                after.modified = now.to_string();
            }
            Edit::Change { before, after }
        }
        Edit::Batch(edits) => Edit::Batch(edits.into_iter().map(|e| stamped(e, now)).collect()),
        other => other,
    }
}
