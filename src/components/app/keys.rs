//! The keyboard: turns a key press into the command it stands for (labels, undo, the sentence
//! cursor, review and adjudication keys, the queue) and runs it.

use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement, KeyboardEvent};
use yew::prelude::*;

use super::stamped;
use crate::components::layer_marks::layer_names;
use crate::model::library::DocStatus;
use crate::model::Label;
use crate::services::queue::{walk, Walk};
use crate::services::{jobs, selection};
use crate::state::document::Mode;
use crate::state::keymap::{command_for, Command, KeyMode, KeyPress};
use crate::state::{
    Action, AppState, CorpusAction, Dialog, DocumentAction, Job, JobKind, Notice, StorageAction,
    ViewAction,
};

/// What a label key or button does: tag the text selection; otherwise relabel the current
/// annotation; otherwise tag the sentence under the cursor.
pub(super) fn apply_label(state: &UseReducerHandle<AppState>, article_ref: &NodeRef, label: Label) {
    let Some(root) = article_ref.cast::<Element>() else {
        return;
    };
    match selection::selected_span(&root) {
        Ok(Some(span)) => {
            state.dispatch(stamped(DocumentAction::Tag { span, label }.into()));
            selection::clear_selection();
        }
        Ok(None) => {
            if let Some(id) = state.view.selected {
                state.dispatch(stamped(DocumentAction::Relabel { id, label }.into()));
            } else if state.view.cursor.is_some() {
                state.dispatch(stamped(DocumentAction::TagCursor(label).into()));
            } else {
                state.dispatch(ViewAction::Notify(Notice::error(format!(
                    "Select some words of the article (or move the sentence cursor with J), then press {} to mark them as {}.",
                    label.letter_key().to_ascii_uppercase(),
                    label.name()
                ))).into());
            }
        }
        Err(error) => state.dispatch(ViewAction::Notify(Notice::error(error.to_string())).into()),
    }
}

/// Runs the command a key press stands for. Keys typed into a text field stay there, except
/// Escape, which closes the editor.
pub(super) fn on_key(
    event: &KeyboardEvent,
    state: &UseReducerHandle<AppState>,
    article_ref: &NodeRef,
) {
    let press = KeyPress {
        key: event.key(),
        ctrl: event.ctrl_key() || event.meta_key(),
        shift: event.shift_key(),
        alt: event.alt_key(),
    };
    if let Some(field) = focused_field(event) {
        if press.key == "Escape" {
            field.blur().ok();
            state.dispatch(ViewAction::Escape.into());
        }
        return;
    }
    if event.repeat() && !matches!(press.key.as_str(), "j" | "k" | "ArrowDown" | "ArrowUp") {
        return;
    }
    if state.view.dialog.is_some() && press.key != "Escape" {
        return;
    }
    let importing = state.corpus.intake.as_ref().is_some_and(Job::running);
    if state.view.dialog == Some(Dialog::Intake) && importing && press.key == "Escape" {
        // As the dialog's Cancel does: stop and take back, never a silent background import.
        jobs::cancel(JobKind::Intake);
        state.dispatch(CorpusAction::CancelJob(JobKind::Intake).into());
        return;
    }
    #[cfg(debug_assertions)]
    if press.ctrl && press.alt && press.key == "F12" {
        state.dispatch(ViewAction::Crash.into());
        return;
    }
    let mode = if state.document.mode == Mode::Adjudicate {
        KeyMode::Adjudicating(state.view.item.is_some())
    } else if state.view.suggestion.is_some() {
        KeyMode::Reviewing
    } else {
        KeyMode::Annotating
    };
    let Some(command) = command_for(&press, mode) else {
        return;
    };
    let target = event.target().and_then(|t| t.dyn_into::<Element>().ok());
    let on_button = target.as_ref().is_some_and(|el| el.tag_name() == "BUTTON");
    let enter = press.key == "Enter";
    if on_button && (matches!(command, Command::OpenEditor) || enter) {
        return; // Enter on a focused button presses it.
    }
    let on_control = target
        .and_then(|el| {
            el.closest("button, a, input, select, textarea, summary")
                .ok()
                .flatten()
        })
        .is_some();
    if on_control && press.key == "Tab" {
        return; // Tab moves the focus between controls as usual.
    }
    event.prevent_default();
    let selected = state.view.selected;
    let action: Action = match command {
        Command::Apply(label) => return apply_label(state, article_ref, label),
        Command::Delete => match selected {
            Some(id) => DocumentAction::Delete(id).into(),
            None => return,
        },
        Command::Undo => DocumentAction::Undo.into(),
        Command::Redo => DocumentAction::Redo.into(),
        Command::MoveCursor(delta) => ViewAction::MoveCursor(delta).into(),
        Command::SentenceAtSelection => {
            let root = article_ref.cast::<Element>();
            match root.map(|r| selection::selected_span(&r)) {
                Some(Ok(Some(span))) => {
                    selection::clear_selection();
                    ViewAction::CursorAt(span.start).into()
                }
                _ => ViewAction::Notify(Notice::error(
                    "Select a word first; W puts the sentence cursor on its sentence.",
                ))
                .into(),
            }
        }
        Command::OpenEditor => ViewAction::Editing(true).into(),
        Command::Escape => ViewAction::Escape.into(),
        Command::ShowShortcuts => ViewAction::ShowDialog(Some(Dialog::Shortcuts)).into(),
        Command::MoveBoundary {
            boundary,
            forward,
            by_word,
        } => match selected {
            Some(id) => DocumentAction::MoveBoundary {
                id,
                boundary,
                forward,
                by_word,
            }
            .into(),
            None => return,
        },
        Command::StepAnnotation(delta) => ViewAction::StepAnnotation(delta).into(),
        Command::Suggest => DocumentAction::Suggest.into(),
        Command::AcceptSuggestion => DocumentAction::AcceptSuggestion.into(),
        Command::RejectSuggestion => DocumentAction::RejectSuggestion.into(),
        Command::StepSuggestion(delta) => ViewAction::StepSuggestion(delta).into(),
        Command::NextToDo => return walk_queue(state, Walk::NextToDo, false),
        Command::PreviousInQueue => return walk_queue(state, Walk::Previous, false),
        Command::DoneAndNext => return walk_queue(state, Walk::NextToDo, true),
        Command::AcceptItem | Command::TakeVersion(_) | Command::RejectItem => {
            let Some(item) = state.view.item else {
                return;
            };
            match command {
                Command::RejectItem => DocumentAction::RejectItem(item).into(),
                Command::TakeVersion(n) => {
                    let version = state.document.items.get(item).and_then(|candidate| {
                        let names = layer_names(&state.storage.annotator, &state.document.layers);
                        candidate.version_of(names.get(n)?)
                    });
                    match version {
                        Some(version) => DocumentAction::AcceptItem {
                            item,
                            version: Some(version),
                        }
                        .into(),
                        None => ViewAction::Notify(Notice::error(format!(
                            "Annotator {} has no span here.",
                            n + 1
                        )))
                        .into(),
                    }
                }
                _ => DocumentAction::AcceptItem {
                    item,
                    version: None,
                }
                .into(),
            }
        }
        Command::StepItem(delta) => ViewAction::StepItem(delta).into(),
        Command::AcceptUnanimous => DocumentAction::AcceptUnanimous.into(),
    };
    state.dispatch(stamped(action));
}

/// Opens the next or previous document of the queue (the corpus view's filter and order),
/// marking the open one done first when `done`.
pub(super) fn walk_queue(state: &UseReducerHandle<AppState>, direction: Walk, done: bool) {
    if done {
        state.dispatch(stamped(StorageAction::SetStatus(DocStatus::Done).into()));
    }
    let dispatcher = state.dispatcher();
    let dispatch = Callback::from(move |action| dispatcher.dispatch(stamped(action)));
    wasm_bindgen_futures::spawn_local(walk(
        direction,
        state.storage.doc.id.clone(),
        state.corpus.filter.clone(),
        state.corpus.sort,
        state.storage.annotator.clone(),
        dispatch,
    ));
}

/// The text field that has the focus, if the key press happened in one.
pub(super) fn focused_field(event: &KeyboardEvent) -> Option<HtmlElement> {
    let element = event.target()?.dyn_into::<HtmlElement>().ok()?;
    let editable = matches!(element.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT")
        || element.is_content_editable();
    editable.then_some(element)
}
