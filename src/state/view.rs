//! The view slice: how the user is looking at the open document — the current annotation, the
//! sentence cursor, the editor, the search, the panel shown, the message and the suggestion
//! under review — with [`ViewAction`] and its pure reducer, which reads the document but never
//! changes it.

#[cfg(test)]
mod tests;

use std::rc::Rc;

use super::changed;
use super::document::Document;
use super::notice::Notice;
use crate::model::search::find_all;
use crate::model::segment::sentence_at;
use crate::model::{AnnotationId, Span};

/// A panel shown over the page.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Dialog {
    /// Every keyboard shortcut.
    Shortcuts,
    /// What FACT, ALLEGATION and QUOTE mean, with examples.
    Guidelines,
    /// Paste, open or fetch an article.
    Load,
    /// Every stored document: the corpus view.
    Library,
    /// Files brought in at once, waiting to be added (the mapping step, then the intake).
    Intake,
    /// Inter-annotator agreement of the open document, the documents shown, or the library.
    Agreement,
    /// Other annotators' files, waiting to be added as their layers.
    Layers,
}

/// How the user is looking at the open document.
#[derive(Debug, Clone, PartialEq)]
pub struct View {
    /// The annotation the user is working on.
    pub selected: Option<AnnotationId>,
    /// The sentence cursor: an index into the document's sentences.
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
    /// The last edit in words, for screen readers, numbered so a repeat is announced again.
    pub announcement: (u64, String),
    /// The suggestion under review: an index into the annotation set's suggestions. While
    /// there is one, Y/Enter, N/Backspace and Tab act on it.
    pub suggestion: Option<usize>,
    /// While adjudicating, the candidate looked at: an index into the document's items. Y,
    /// N, 1–9 and Tab act on it.
    pub item: Option<usize>,
    /// Other annotators' layers the user hid (by name); the rest are drawn.
    pub hidden_layers: Rc<Vec<String>>,
}

/// What changes the view.
#[derive(Debug, Clone, PartialEq)]
pub enum ViewAction {
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
    /// Go to the next (`1`) or previous (`-1`) suggestion.
    StepSuggestion(isize),
    /// Review this suggestion (an index into the waiting suggestions), or stop reviewing.
    Review(Option<usize>),
    /// Look at this adjudication candidate (an index into the document's items), or none.
    Item(Option<usize>),
    /// Go to the next (`1`) or previous (`-1`) open adjudication candidate.
    StepItem(isize),
    /// Show or hide another annotator's layer.
    ToggleLayer(String),
    /// Show a message.
    Notify(Notice),
    /// Hide the message.
    DismissNotice,
    /// Panic on purpose, to test the crash banner (debug builds only: Ctrl+Alt+F12).
    #[cfg(debug_assertions)]
    Crash,
}

impl Default for View {
    /// Nothing selected, searched or shown; spans snap to words.
    fn default() -> Self {
        View::fresh(true)
    }
}

impl View {
    /// The view of a document just opened: nothing selected, searched or shown.
    pub fn fresh(snap_words: bool) -> Self {
        View {
            selected: None,
            cursor: None,
            editing: false,
            snap_words,
            dialog: None,
            search: String::new(),
            matches: Rc::new(Vec::new()),
            current_match: None,
            notice: None,
            announcement: (0, String::new()),
            suggestion: None,
            item: None,
            hidden_layers: Rc::new(Vec::new()),
        }
    }

    /// The span of the current search match.
    pub fn current_match_span(&self) -> Option<Span> {
        self.matches.get(self.current_match?).copied()
    }

    /// Puts `words` in the live region.
    pub fn announce(&mut self, words: String) {
        self.announcement = (self.announcement.0 + 1, words);
    }

    /// Keeps the suggestion under review pointing at one of the `waiting` suggestions; when
    /// none is left, stops reviewing and says so.
    pub fn keep_review_in_range(&mut self, waiting: usize) {
        match self.suggestion {
            Some(i) if i < waiting => {}
            Some(_) if waiting > 0 => self.suggestion = Some(waiting - 1),
            Some(_) => {
                self.suggestion = None;
                if self.notice.is_none() {
                    self.notice = Some(Notice::info("All suggestions reviewed."));
                }
            }
            None => {}
        }
    }

    /// Applies `action` to the view of `document`: the next view (this one when nothing
    /// changed).
    pub fn reduce(self: &Rc<Self>, action: ViewAction, document: &Document) -> Rc<Self> {
        match action {
            ViewAction::Select(id) => {
                let known = id.is_none_or(|id| document.annotations.get(id).is_some());
                if self.selected == id || !known {
                    self.clone()
                } else {
                    self.select(id)
                }
            }
            ViewAction::StepAnnotation(delta) => {
                let list = document.annotations.as_slice();
                let here = self
                    .selected
                    .and_then(|id| list.iter().position(|a| a.id == id));
                match step(here, delta, list.len()) {
                    Some(next) => self.select(Some(list[next].id)),
                    None => self.clone(),
                }
            }
            ViewAction::MoveCursor(delta) => {
                match step(self.cursor, delta, document.sentences().len()) {
                    Some(next) => self.cursor_on(Some(next)),
                    None => self.clone(),
                }
            }
            ViewAction::CursorAt(cp) => self.cursor_on(sentence_at(document.sentences(), cp)),
            ViewAction::Editing(open) => {
                if open && self.selected.is_none() {
                    changed(self, |v| {
                        v.notice = Some(Notice::error(
                            "Pick an annotation first: click it, or press N.",
                        ))
                    })
                } else if self.editing == open {
                    self.clone()
                } else {
                    changed(self, |v| v.editing = open)
                }
            }
            ViewAction::Escape => changed(self, |v| {
                if v.dialog.is_some() {
                    v.dialog = None;
                } else if v.editing {
                    v.editing = false;
                } else if v.suggestion.is_some() {
                    v.suggestion = None;
                } else if v.item.is_some() {
                    v.item = None;
                } else if v.selected.is_some() {
                    v.selected = None;
                } else {
                    v.cursor = None;
                }
                v.notice = None;
            }),
            ViewAction::ToggleSnap => changed(self, |v| v.snap_words = !v.snap_words),
            ViewAction::Search(query) => {
                let matches = find_all(&document.article, &query);
                changed(self, |v| {
                    v.current_match = (!matches.is_empty()).then_some(0);
                    v.matches = Rc::new(matches);
                    v.search = query;
                })
            }
            ViewAction::StepMatch(delta) => {
                let count = self.matches.len() as isize;
                if count == 0 {
                    return self.clone();
                }
                let here = self.current_match.unwrap_or(0) as isize;
                let next = (here + delta).rem_euclid(count) as usize;
                changed(self, |v| v.current_match = Some(next))
            }
            ViewAction::ShowDialog(dialog) => changed(self, |v| v.dialog = dialog),
            ViewAction::StepSuggestion(delta) => {
                let count = document.annotations.suggestions().len() as isize;
                if count == 0 {
                    return self.clone();
                }
                let next = match self.suggestion {
                    None if delta >= 0 => 0,
                    None => count as usize - 1,
                    Some(i) => (i as isize + delta).rem_euclid(count) as usize,
                };
                changed(self, |v| v.suggestion = Some(next))
            }
            ViewAction::Review(at) => {
                let at = at.filter(|&i| i < document.annotations.suggestions().len());
                changed(self, |v| v.suggestion = at)
            }
            ViewAction::Item(at) => {
                let at = at.filter(|&i| i < document.items.len());
                changed(self, |v| {
                    v.item = at;
                    v.selected = None;
                    v.editing = false;
                })
            }
            ViewAction::StepItem(delta) => match step_disagreement(document, self.item, delta) {
                Some(next) => changed(self, |v| {
                    v.item = Some(next);
                    v.selected = None;
                    v.editing = false;
                }),
                None => self.clone(),
            },
            ViewAction::ToggleLayer(name) => changed(self, |v| {
                let mut hidden = (*v.hidden_layers).clone();
                match hidden.iter().position(|h| *h == name) {
                    Some(at) => {
                        hidden.remove(at);
                    }
                    None => hidden.push(name),
                }
                v.hidden_layers = Rc::new(hidden);
            }),
            ViewAction::Notify(notice) => changed(self, |v| v.notice = Some(notice)),
            ViewAction::DismissNotice if self.notice.is_none() => self.clone(),
            ViewAction::DismissNotice => changed(self, |v| v.notice = None),
            #[cfg(debug_assertions)]
            ViewAction::Crash => {
                panic!("crash test requested with Ctrl+Alt+F12 (debug builds only)")
            }
        }
    }

    /// This view with `id` as the current annotation and the editor closed.
    fn select(self: &Rc<Self>, id: Option<AnnotationId>) -> Rc<Self> {
        changed(self, |v| {
            v.selected = id;
            v.editing = false;
        })
    }

    /// This view with the sentence cursor on sentence `at` and no current annotation.
    fn cursor_on(self: &Rc<Self>, at: Option<usize>) -> Rc<Self> {
        changed(self, |v| {
            v.cursor = at;
            v.selected = None;
            v.editing = false;
        })
    }
}

/// The candidate `delta` disagreements from `here` (wrapping); unanimous candidates are
/// skipped unless there is nothing else.
fn step_disagreement(document: &Document, here: Option<usize>, delta: isize) -> Option<usize> {
    let items = &document.items;
    let mut order: Vec<usize> = (0..items.len())
        .filter(|&i| !items[i].is_unanimous())
        .collect();
    if order.is_empty() {
        order = (0..items.len()).collect();
    }
    let count = order.len() as isize;
    if count == 0 {
        return None;
    }
    let at = match here {
        None if delta >= 0 => return order.first().copied(),
        None => return order.last().copied(),
        Some(here) => order.partition_point(|&i| i < here) as isize,
    };
    let exact = order.get(at as usize) == here.as_ref();
    let next = if delta >= 0 && !exact { at } else { at + delta };
    order.get(next.rem_euclid(count) as usize).copied()
}

/// The index `delta` steps from `here` in a list of `len`, stopping at either end; from
/// nowhere, forward starts at the first and back at the last. `None` for an empty list.
fn step(here: Option<usize>, delta: isize, len: usize) -> Option<usize> {
    let last = len.checked_sub(1)?;
    Some(match here {
        None if delta >= 0 => 0,
        None => last,
        Some(i) => i.saturating_add_signed(delta).min(last),
    })
}
