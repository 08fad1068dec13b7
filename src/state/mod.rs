//! The one application state and its reducer: every user action becomes an [`Action`], and
//! [`AppState::reduce`] calls the pure model to make the next state. No I/O happens here.

mod announce;
pub mod keymap;
mod notice;

use std::rc::Rc;

use yew::Reducible;

pub use keymap::Boundary;
pub use notice::{count_of, Notice, NoticeKind};

use crate::model::format::anchor::{anchor, Candidate, Orphan};
use crate::model::ingest::load::Loaded;
use crate::model::library::{doc_id, DocInfo, DocStatus};
use crate::model::search::find_all;
use crate::model::segment::{
    next_char_edge, next_word_edge, sentence_at, sentences, snap_to_words, Edge,
};
use crate::model::suggest::{suggest, Suggestion};
use crate::model::{
    Annotation, AnnotationId, AnnotationSet, Article, Edit, EditError, History, Label, Metadata,
    Origin, Span,
};
use announce::describe;

/// A panel shown over the page.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Dialog {
    /// Every keyboard shortcut.
    Shortcuts,
    /// What FACT, ALLEGATION and QUOTE mean, with examples.
    Guidelines,
    /// Paste, open or fetch an article.
    Load,
    /// Every stored document.
    Library,
}

/// Everything the app shows.
#[derive(Debug, Clone, PartialEq)]
pub struct AppState {
    /// The article being annotated.
    pub article: Rc<Article>,
    /// Its sentences, for the sentence cursor.
    pub sentences: Rc<Vec<Span>>,
    /// Its annotations.
    pub annotations: Rc<AnnotationSet>,
    /// Undo and redo.
    pub history: Rc<History>,
    /// The annotation the user is working on.
    pub selected: Option<AnnotationId>,
    /// The sentence cursor: an index into `sentences`.
    pub cursor: Option<usize>,
    /// The attribute editor of `selected` has the focus.
    pub editing: bool,
    /// New spans snap to whole words.
    pub snap_words: bool,
    /// The panel shown over the page, if any.
    pub dialog: Option<Dialog>,
    /// The text searched for in the article.
    pub search: String,
    /// Where it was found.
    pub matches: Rc<Vec<Span>>,
    /// The match the user is on.
    pub current_match: Option<usize>,
    /// The last message for the user.
    pub notice: Option<Notice>,
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
    /// Imported annotations that could not be placed, for the user to place or drop.
    pub orphans: Rc<Vec<Orphan>>,
    /// The time of the action being applied (ISO 8601), stamped on new and changed annotations.
    pub now: String,
    /// The suggestion under review: an index into the annotation set's suggestions. While
    /// there is one, Y/Enter, N/Backspace and Tab act on it.
    pub suggestion: Option<usize>,
    /// The last edit in words, for screen readers, numbered so a repeat is announced again.
    pub announcement: (u64, String),
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

/// What a user can do.
#[derive(Debug, Clone, PartialEq)]
pub enum Action {
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
    /// Make an annotation the current one, or clear the current one.
    Select(Option<AnnotationId>),
    /// Go to the next (`1`) or previous (`-1`) annotation.
    StepAnnotation(isize),
    /// Move the sentence cursor.
    MoveCursor(isize),
    /// Put the sentence cursor on the sentence containing this code point.
    CursorAt(usize),
    /// Open or close the attribute editor of the current annotation.
    Editing(bool),
    /// Close the innermost open thing.
    Escape,
    /// Turn snapping to whole words on or off.
    ToggleSnap,
    /// Search the article.
    Search(String),
    /// Go to the next (`1`) or previous (`-1`) match.
    StepMatch(isize),
    /// Show or hide a panel.
    ShowDialog(Option<Dialog>),
    /// `action`, happening at this time (ISO 8601).
    At(String, Box<Action>),
    /// Open a newly loaded document in place of the current one.
    Load(Box<Loaded>),
    /// Open a document from the library.
    OpenStored {
        /// The document.
        loaded: Box<Loaded>,
        /// Its bookkeeping.
        info: DocInfo,
    },
    /// Start-up finished reading the library; the annotator name found there.
    Started {
        /// The stored annotator name.
        annotator: String,
    },
    /// A save of `revision` by this tab succeeded.
    Saved {
        /// The document saved (the open one may have changed since the save began).
        id: String,
        /// The document's [`AppState::edits`] when the save started.
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
    /// Rename the open document.
    RenameOpen(String),
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
    /// Set the document's status.
    SetStatus(DocStatus),
    /// Set the annotator name.
    SetAnnotator(String),
    /// Change the article's title, date, byline or source.
    SetMeta(Metadata),
    /// Put a set-aside line back into the text.
    Restore(usize),
    /// Run the suggester and review what it found.
    Suggest,
    /// Accept the current suggestion: it becomes an annotation.
    AcceptSuggestion,
    /// Reject the current suggestion: it will not be offered again for this document.
    RejectSuggestion,
    /// Accept every waiting suggestion with this label.
    AcceptAll(Label),
    /// Go to the next (`1`) or previous (`-1`) suggestion.
    StepSuggestion(isize),
    /// Review this suggestion (an index into the waiting suggestions), or stop reviewing.
    Review(Option<usize>),
    /// Show a message.
    Notify(Notice),
    /// Hide the message.
    DismissNotice,
    /// Panic on purpose, to test the crash banner (debug builds only: Ctrl+Alt+F12).
    #[cfg(debug_assertions)]
    Crash,
}

impl AppState {
    /// A state showing `article` with no annotations.
    pub fn new(article: Article) -> Self {
        AppState {
            doc: DocInfo {
                id: doc_id(&article),
                ..DocInfo::default()
            },
            annotator: String::new(),
            save: SaveStatus::Pending,
            ready: false,
            tab: String::new(),
            edits: 0,
            overwrite: false,
            orphans: Rc::new(Vec::new()),
            now: String::new(),
            suggestion: None,
            announcement: (0, String::new()),
            sentences: Rc::new(sentences(&article)),
            article: Rc::new(article),
            annotations: Rc::new(AnnotationSet::new()),
            history: Rc::new(History::default()),
            selected: None,
            cursor: None,
            editing: false,
            snap_words: true,
            dialog: None,
            search: String::new(),
            matches: Rc::new(Vec::new()),
            current_match: None,
            notice: None,
        }
    }

    /// The current annotation.
    pub fn selected_annotation(&self) -> Option<&Annotation> {
        self.annotations.get(self.selected?)
    }

    /// The span of the sentence under the cursor.
    pub fn cursor_span(&self) -> Option<Span> {
        self.sentences.get(self.cursor?).copied()
    }

    /// Places imported annotations and says how many went where.
    fn import(self: &Rc<Self>, candidates: Vec<Candidate>) -> Rc<Self> {
        let before = self.annotations.len();
        let orphans_before = self.orphans.len();
        let next = self.place(candidates);
        let added = next.annotations.len() - before;
        let orphaned = next.orphans.len() - orphans_before;
        let text = if orphaned == 0 {
            format!("Imported {}.", count_of(added, "annotation"))
        } else {
            format!(
                "Imported {}; {} could not be placed and {} listed under “Not placed” to place or drop.",
                count_of(added, "annotation"),
                orphaned,
                if orphaned == 1 { "is" } else { "are" }
            )
        };
        next.with(|s| s.notice = Some(Notice::info(text)))
    }

    /// Adds each candidate where it anchors (one undo step each); the rest become orphans.
    fn place(self: &Rc<Self>, candidates: Vec<Candidate>) -> Rc<Self> {
        let mut annotations = (*self.annotations).clone();
        let mut history = (*self.history).clone();
        let mut orphans = (*self.orphans).clone();
        let now = self.now.clone();
        for candidate in candidates {
            let placed = anchor(&self.article, &candidate).and_then(|span| {
                let added = annotations
                    .add_by(&self.article, span, candidate.label, &self.annotator)
                    .map_err(|e| e.to_string())?;
                let full = Annotation {
                    speaker: candidate.speaker.clone(),
                    note: candidate.note.clone(),
                    origin: Origin::Imported,
                    created: now.clone(),
                    modified: now.clone(),
                    ..added
                };
                annotations.apply(&Edit::Add(full.clone()));
                Ok(full)
            });
            match placed {
                Ok(full) => history.record(Edit::Add(full), false),
                Err(reason) => orphans.push(Orphan { candidate, reason }),
            }
        }
        self.with(|s| {
            s.annotations = Rc::new(annotations);
            s.history = Rc::new(history);
            s.orphans = Rc::new(orphans);
        })
    }

    /// A state for another document, keeping this tab's settings.
    fn fresh(&self, article: Article, annotations: AnnotationSet) -> AppState {
        let mut next = AppState::new(article);
        next.annotations = Rc::new(annotations);
        next.snap_words = self.snap_words;
        next.annotator = self.annotator.clone();
        next.ready = self.ready;
        next.tab = self.tab.clone();
        next
    }

    fn with(self: &Rc<Self>, change: impl FnOnce(&mut AppState)) -> Rc<Self> {
        let mut next = (**self).clone();
        change(&mut next);
        Rc::new(next)
    }

    fn refuse(self: &Rc<Self>, error: EditError) -> Rc<Self> {
        self.with(|s| s.notice = Some(Notice::error(error.to_string())))
    }

    /// Runs `edit` on a copy of the annotations; records it in the history on success.
    fn edit(
        self: &Rc<Self>,
        merge: bool,
        edit: impl FnOnce(&Article, &mut AnnotationSet) -> Result<Edit, EditError>,
    ) -> Rc<Self> {
        let mut annotations = (*self.annotations).clone();
        match edit(&self.article, &mut annotations) {
            Ok(done) => self.with(|s| {
                let done = stamp(done, &s.now, &mut annotations);
                if let Some(words) = describe(&done, &s.article) {
                    s.announce(words);
                }
                let mut history = (*s.history).clone();
                s.selected = done.result().map(|a| a.id);
                history.record(done, merge);
                s.annotations = Rc::new(annotations);
                s.history = Rc::new(history);
                s.notice = None;
                if s.selected.is_none() {
                    s.editing = false;
                }
            }),
            Err(error) => self.refuse(error),
        }
    }

    /// Undo (`undo == true`) or redo one step.
    fn travel(self: &Rc<Self>, undo: bool) -> Rc<Self> {
        let mut history = (*self.history).clone();
        let step = if undo { history.undo() } else { history.redo() };
        let Some(edit) = step else {
            return self.clone();
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
        self.with(|s| {
            let what = describe(&applied, &s.article).unwrap_or_else(|| "a change".to_string());
            s.announce(format!(
                "{}: {what}",
                if undo { "Undone" } else { "Redone" }
            ));
            s.selected = applied.result().map(|a| a.id);
            s.editing = false;
            s.annotations = Rc::new(annotations);
            s.history = Rc::new(history);
            let waiting = !s.annotations.suggestions().is_empty();
            s.suggestion = offered.or(s.suggestion).filter(|_| waiting);
        })
        .keep_review_in_range()
    }

    /// Puts `words` in the live region.
    fn announce(&mut self, words: String) {
        self.announcement = (self.announcement.0 + 1, words);
    }

    /// The suggestion under review.
    pub fn current_suggestion(&self) -> Option<&Suggestion> {
        self.annotations.suggestions().get(self.suggestion?)
    }

    /// Runs the suggester and puts what is new up for review, from the sentence cursor or the
    /// current annotation on.
    fn offer_suggestions(self: &Rc<Self>) -> Rc<Self> {
        let found = suggest(&self.article, &self.sentences);
        let next = self.edit(false, |_, set| set.offer(found));
        if Rc::ptr_eq(&next.annotations, &self.annotations) {
            return next;
        }
        let from = self
            .cursor_span()
            .or(self.selected_annotation().map(|a| a.span))
            .map_or(0, |s| s.start);
        let waiting = next.annotations.suggestions();
        let first = waiting.partition_point(|s| s.span.start < from) % waiting.len();
        let mut counts = [0; 3];
        for s in waiting {
            counts[s.label.index()] += 1;
        }
        let by_label: Vec<String> = Label::ALL
            .iter()
            .filter(|l| counts[l.index()] > 0)
            .map(|l| format!("{} {}", counts[l.index()], l.name()))
            .collect();
        let text = format!(
            "{} to review ({}). Y or Enter accepts, N rejects, Tab moves on, Esc stops.",
            count_of(waiting.len(), "suggestion"),
            by_label.join(", ")
        );
        next.with(|s| {
            s.suggestion = Some(first);
            s.selected = None;
            s.notice = Some(Notice::info(text));
        })
    }

    /// Accepts (`accept`) or rejects the suggestion under review; the next one comes up.
    fn review_current(self: &Rc<Self>, accept: bool) -> Rc<Self> {
        let (Some(at), Some(current)) = (self.suggestion, self.current_suggestion().cloned())
        else {
            return self.with(|s| {
                s.notice = Some(Notice::error(
                    "No suggestion to review: press S to suggest.",
                ))
            });
        };
        let annotator = self.annotator.clone();
        let next = self.edit(false, |article, set| {
            if accept {
                set.accept(article, vec![current], &annotator)
            } else {
                let edit = Edit::Reject(vec![current]);
                set.apply(&edit);
                Ok(edit)
            }
        });
        next.with(|s| s.suggestion = Some(at))
            .keep_review_in_range()
    }

    /// Accepts every waiting suggestion labelled `label`.
    fn accept_all(self: &Rc<Self>, label: Label) -> Rc<Self> {
        let chosen: Vec<Suggestion> = self
            .annotations
            .suggestions()
            .iter()
            .filter(|s| s.label == label)
            .cloned()
            .collect();
        if chosen.is_empty() {
            return self.with(|s| {
                s.notice = Some(Notice::error(format!(
                    "No {} suggestions are waiting.",
                    label.name()
                )))
            });
        }
        let count = chosen.len();
        let annotator = self.annotator.clone();
        let next = self.edit(false, |article, set| {
            set.accept(article, chosen, &annotator)
        });
        if Rc::ptr_eq(&next.annotations, &self.annotations) {
            return next;
        }
        next.with(|s| {
            s.selected = None;
            s.suggestion = Some(0);
            s.notice = Some(Notice::info(format!(
                "Accepted {} as {}.",
                count_of(count, "suggestion"),
                label.name()
            )));
        })
        .keep_review_in_range()
    }

    /// Keeps the suggestion under review pointing at a waiting suggestion; when none is left,
    /// stops reviewing and says so.
    fn keep_review_in_range(self: Rc<Self>) -> Rc<Self> {
        let waiting = self.annotations.suggestions().len();
        match self.suggestion {
            Some(i) if i < waiting => self,
            Some(_) if waiting > 0 => self.with(|s| s.suggestion = Some(waiting - 1)),
            Some(_) => self.with(|s| {
                s.suggestion = None;
                if s.notice.is_none() {
                    s.notice = Some(Notice::info("All suggestions reviewed."));
                }
            }),
            None => self,
        }
    }

    fn add(self: &Rc<Self>, span: Span, label: Label, snap: bool) -> Rc<Self> {
        let span = if snap {
            match snap_to_words(&self.article, span) {
                Some(span) => span,
                None => return self.refuse(EditError::Empty),
            }
        } else {
            span
        };
        let annotator = self.annotator.clone();
        self.edit(false, |article, set| {
            set.add_by(article, span, label, &annotator).map(Edit::Add)
        })
    }

    fn moved_span(&self, span: Span, boundary: Boundary, forward: bool, by_word: bool) -> Span {
        let (cp, edge) = match boundary {
            Boundary::Start => (span.start, Edge::Start),
            Boundary::End => (span.end, Edge::End),
        };
        let moved = if by_word {
            next_word_edge(&self.article, cp, forward, edge)
        } else {
            next_char_edge(&self.article, cp, forward, edge)
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

impl Reducible for AppState {
    type Action = Action;

    /// Applies `action`; whenever the document itself changed, marks it as due for saving.
    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        if let Action::At(now, inner) = action {
            let timed = if self.now == now {
                self
            } else {
                self.with(|s| s.now = now)
            };
            return timed.reduce(*inner);
        }
        let before = self.clone();
        // Opening a document (also another tab's newer version of this one) is not an edit.
        let opens = matches!(action, Action::Load(_) | Action::OpenStored { .. });
        let next = self.apply(action);
        let changed = !Rc::ptr_eq(&before.article, &next.article)
            || !Rc::ptr_eq(&before.annotations, &next.annotations)
            || before.doc.status != next.doc.status;
        let same_doc = before.doc.id == next.doc.id;
        if changed && same_doc && !opens {
            return next.with(|s| {
                s.edits += 1;
                if !matches!(s.save, SaveStatus::Conflict { .. }) {
                    s.save = SaveStatus::Pending;
                }
            });
        }
        next
    }
}

impl AppState {
    fn apply(self: Rc<Self>, action: Action) -> Rc<Self> {
        match action {
            Action::Tag { span, label } => self.add(span, label, self.snap_words),
            Action::TagCursor(label) => match self.cursor_span() {
                Some(span) => self.add(span, label, false),
                None => self.with(|s| {
                    s.notice = Some(Notice::error("Move the sentence cursor with J or K first."))
                }),
            },
            Action::Relabel { id, label } => self.edit(false, |article, set| {
                let current = set.get(id).cloned().ok_or(EditError::Missing(id))?;
                set.change(article, Annotation { label, ..current })
            }),
            Action::Delete(id) => self.edit(false, |_, set| {
                set.remove(id)
                    .map(Edit::Remove)
                    .ok_or(EditError::Missing(id))
            }),
            Action::MoveBoundary {
                id,
                boundary,
                forward,
                by_word,
            } => {
                let Some(current) = self.annotations.get(id).cloned() else {
                    return self.refuse(EditError::Missing(id));
                };
                let span = self.moved_span(current.span, boundary, forward, by_word);
                if span.is_empty() {
                    return self.refuse(EditError::Empty);
                }
                self.edit(false, |article, set| {
                    set.change(article, Annotation { span, ..current })
                })
            }
            Action::SetAttributes {
                id,
                speaker,
                cue,
                note,
            } => self.edit(true, |article, set| {
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
            Action::Undo => self.travel(true),
            Action::Redo => self.travel(false),
            Action::Select(id) => {
                let known = id.is_none_or(|id| self.annotations.get(id).is_some());
                if self.selected == id || !known {
                    self
                } else {
                    self.with(|s| {
                        s.selected = id;
                        s.editing = false;
                    })
                }
            }
            Action::StepAnnotation(delta) => {
                let list = self.annotations.as_slice();
                if list.is_empty() {
                    return self;
                }
                let here = self
                    .selected
                    .and_then(|id| list.iter().position(|a| a.id == id));
                let next = match here {
                    None if delta >= 0 => 0,
                    None => list.len() - 1,
                    Some(i) => i.saturating_add_signed(delta).min(list.len() - 1),
                };
                let id = list[next].id;
                self.with(|s| {
                    s.selected = Some(id);
                    s.editing = false;
                })
            }
            Action::MoveCursor(delta) => {
                if self.sentences.is_empty() {
                    return self;
                }
                let last = self.sentences.len() - 1;
                let next = match self.cursor {
                    None if delta >= 0 => 0,
                    None => last,
                    Some(i) => i.saturating_add_signed(delta).min(last),
                };
                self.with(|s| {
                    s.cursor = Some(next);
                    s.selected = None;
                    s.editing = false;
                })
            }
            Action::CursorAt(cp) => {
                let at = sentence_at(&self.sentences, cp);
                self.with(|s| {
                    s.cursor = at;
                    s.selected = None;
                    s.editing = false;
                })
            }
            Action::Editing(open) => {
                if open && self.selected.is_none() {
                    self.with(|s| {
                        s.notice = Some(Notice::error(
                            "Pick an annotation first: click it, or press N.",
                        ))
                    })
                } else if self.editing == open {
                    self
                } else {
                    self.with(|s| s.editing = open)
                }
            }
            Action::Escape => self.with(|s| {
                if s.dialog.is_some() {
                    s.dialog = None;
                } else if s.editing {
                    s.editing = false;
                } else if s.suggestion.is_some() {
                    s.suggestion = None;
                } else if s.selected.is_some() {
                    s.selected = None;
                } else {
                    s.cursor = None;
                }
                s.notice = None;
            }),
            Action::ToggleSnap => self.with(|s| s.snap_words = !s.snap_words),
            Action::Search(query) => {
                let matches = find_all(&self.article, &query);
                self.with(|s| {
                    s.current_match = (!matches.is_empty()).then_some(0);
                    s.matches = Rc::new(matches);
                    s.search = query;
                })
            }
            Action::StepMatch(delta) => {
                let count = self.matches.len() as isize;
                if count == 0 {
                    return self;
                }
                let here = self.current_match.unwrap_or(0) as isize;
                let next = (here + delta).rem_euclid(count) as usize;
                self.with(|s| s.current_match = Some(next))
            }
            Action::ShowDialog(dialog) => self.with(|s| s.dialog = dialog),
            Action::At(now, inner) => self.with(|s| s.now = now).apply(*inner),
            Action::Load(loaded) => {
                let Loaded {
                    article,
                    annotations,
                    remark,
                    ..
                } = *loaded;
                let title = article.meta.title.clone();
                let mut next = self.fresh(article, annotations);
                let opened = format!(
                    "Opened “{title}”: {}, {}.",
                    count_of(next.article.paragraphs().len(), "paragraph"),
                    count_of(next.annotations.len(), "annotation")
                );
                next.notice = Some(Notice::info(match remark {
                    Some(remark) => format!("{opened} {remark}"),
                    None => opened,
                }));
                Rc::new(next)
            }
            Action::SetMeta(meta) => {
                if self.article.meta == meta {
                    return self;
                }
                let mut article = (*self.article).clone();
                article.meta = meta;
                self.with(|s| s.article = Rc::new(article))
            }
            Action::Restore(which) => {
                let Some((article, at, grown)) = self.article.restore(which) else {
                    return self;
                };
                let mut annotations = (*self.annotations).clone();
                annotations.shift(at, grown);
                let had_history = self.history.can_undo() || self.history.can_redo();
                let mut next = self.fresh(article, annotations);
                next.edits = self.edits + 1;
                next.doc = self.doc.clone();
                next.notice = had_history.then(|| Notice::info("The line is back in the text. Undo history was cleared, since offsets moved."));
                next.selected = self.selected;
                Rc::new(next)
            }
            Action::OpenStored { loaded, info } => {
                let Loaded {
                    article,
                    annotations,
                    remark,
                    ..
                } = *loaded;
                let mut next = self.fresh(article, annotations);
                next.doc = info;
                next.save = SaveStatus::Saved;
                next.notice = remark.map(Notice::info);
                Rc::new(next)
            }
            Action::Started { annotator } => self.with(|s| {
                s.ready = true;
                s.annotator = annotator;
            }),
            Action::Saved { id, .. } if id != self.doc.id => self,
            Action::Saved {
                edits,
                revision,
                edited_at,
                added_at,
                ..
            } => self.with(|s| {
                s.doc.revision = revision;
                s.doc.writer = s.tab.clone();
                s.doc.edited_at = edited_at;
                s.doc.added_at = added_at;
                s.overwrite = false;
                if !matches!(s.save, SaveStatus::Conflict { .. }) && s.edits == edits {
                    s.save = SaveStatus::Saved;
                }
            }),
            Action::SaveFailed(reason) => self.with(|s| s.save = SaveStatus::Failed(reason)),
            Action::RetrySave => self.with(|s| s.save = SaveStatus::Pending),
            Action::Import(candidates) => self.import(candidates).with(|s| s.dialog = None),
            Action::PlaceOrphan { index, span } => {
                let Some(orphan) = self.orphans.get(index).cloned() else {
                    return self;
                };
                let annotator = self.annotator.clone();
                let placed = self.edit(false, |article, set| {
                    let added = set.add_by(article, span, orphan.candidate.label, &annotator)?;
                    let full = Annotation {
                        speaker: orphan.candidate.speaker.clone(),
                        note: orphan.candidate.note.clone(),
                        origin: Origin::Imported,
                        ..added
                    };
                    set.apply(&Edit::Add(full.clone()));
                    Ok(Edit::Add(full))
                });
                if Rc::ptr_eq(&placed.annotations, &self.annotations) {
                    return placed;
                }
                placed.with(|s| {
                    let mut orphans = (*s.orphans).clone();
                    orphans.remove(index);
                    s.orphans = Rc::new(orphans);
                })
            }
            Action::DropOrphan(index) if index < self.orphans.len() => self.with(|s| {
                let mut orphans = (*s.orphans).clone();
                orphans.remove(index);
                s.orphans = Rc::new(orphans);
            }),
            Action::DropOrphan(_) => self,
            Action::RenameOpen(title) => {
                let mut meta = self.article.meta.clone();
                meta.title = title;
                self.apply(Action::SetMeta(meta))
            }
            Action::Conflict { id, .. } if id != self.doc.id => self,
            Action::Conflict { theirs, .. } => {
                self.with(|s| s.save = SaveStatus::Conflict { theirs })
            }
            Action::KeepMine => match self.save {
                SaveStatus::Conflict { theirs } => self.with(|s| {
                    s.doc.revision = theirs;
                    s.overwrite = true;
                    s.save = SaveStatus::Pending;
                }),
                _ => self,
            },
            Action::SetStatus(status) if status == self.doc.status => self,
            Action::SetStatus(status) => self.with(|s| s.doc.status = status),
            Action::SetAnnotator(name) => self.with(|s| s.annotator = name),
            Action::Suggest => self.offer_suggestions(),
            Action::AcceptSuggestion => self.review_current(true),
            Action::RejectSuggestion => self.review_current(false),
            Action::AcceptAll(label) => self.accept_all(label),
            Action::StepSuggestion(delta) => {
                let count = self.annotations.suggestions().len() as isize;
                if count == 0 {
                    return self;
                }
                let next = match self.suggestion {
                    None if delta >= 0 => 0,
                    None => count as usize - 1,
                    Some(i) => (i as isize + delta).rem_euclid(count) as usize,
                };
                self.with(|s| s.suggestion = Some(next))
            }
            Action::Review(at) => {
                let at = at.filter(|&i| i < self.annotations.suggestions().len());
                self.with(|s| s.suggestion = at)
            }
            Action::Notify(notice) => self.with(|s| s.notice = Some(notice)),
            Action::DismissNotice if self.notice.is_none() => self,
            Action::DismissNotice => self.with(|s| s.notice = None),
            #[cfg(debug_assertions)]
            Action::Crash => panic!("crash test requested with Ctrl+Alt+F12 (debug builds only)"),
        }
    }
}

#[cfg(test)]
mod tests;
