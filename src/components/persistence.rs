//! Hooks that keep the open document in the library: read it at start-up, save it shortly
//! after every change (and at once when the page is hidden), and follow other tabs' saves.

use std::cell::RefCell;
use std::rc::Rc;

use gloo::events::EventListener;
use gloo::timers::callback::Timeout;
use yew::prelude::*;

use crate::model::ingest::load::Loaded;
use crate::model::sync::layout::{TEAM_LAYERS_WRITER, TEAM_WRITER};
use crate::services::library::{discard_working_copy, open_document, save, SaveOutcome, Snapshot};
use crate::services::startup::startup;
use crate::services::storage::persist_and_estimate;
use crate::services::tabs;
use crate::state::{
    Action, AppState, DocumentAction, Notice, SaveStatus, StorageAction, ViewAction,
};

/// Milliseconds between the last change and its save.
const SAVE_DELAY_MS: u32 = 400;

/// Reads the library once: reopens the document open last — or the unsaved work a tab left
/// when it closed without saving (a crash), which is then saved again — and the annotator name.
#[hook]
pub fn use_startup(dispatch: Callback<Action>, tab: String) {
    use_effect_with((), move |_| {
        tabs::hold_alive(&tab);
        wasm_bindgen_futures::spawn_local(async move {
            match startup().await {
                Ok(found) => {
                    if let Some((loaded, info)) = found.open {
                        dispatch.emit(
                            DocumentAction::OpenStored {
                                loaded: Box::new(loaded),
                                info,
                            }
                            .into(),
                        );
                    }
                    dispatch.emit(
                        StorageAction::Started {
                            annotator: found.annotator,
                        }
                        .into(),
                    );
                    if found.recovered {
                        dispatch.emit(StorageAction::RetrySave.into());
                    }
                }
                Err(error) => {
                    dispatch.emit(
                        StorageAction::Started {
                            annotator: String::new(),
                        }
                        .into(),
                    );
                    dispatch.emit(StorageAction::SaveFailed(error.to_string()).into());
                }
            }
            // Ask the browser not to evict the library under storage pressure.
            let _ = persist_and_estimate().await;
        });
    });
}

/// A document waiting to be saved, with the [`Storage::edits`](crate::state::Storage::edits) count it was taken at.
type Pending = Rc<RefCell<Option<(Snapshot, u64)>>>;

/// Saves the open document [`SAVE_DELAY_MS`] after its last change, and at once when the page
/// is hidden or closed, or when another document is opened before the delay is over.
#[hook]
pub fn use_autosave(state: &UseReducerHandle<AppState>, dispatch: Callback<Action>) {
    let pending: Pending = use_mut_ref(|| None);
    let due = state.storage.ready && state.storage.save == SaveStatus::Pending;
    let snapshot = snapshot(state);
    let edits = state.storage.edits;
    use_effect_with(
        (
            due,
            edits,
            state.storage.doc.id.clone(),
            state.storage.doc.revision,
        ),
        move |(due, _, id, _)| {
            let switched = pending
                .borrow()
                .as_ref()
                .is_some_and(|(p, _)| &p.info.id != id);
            if switched {
                // The previous document's last changes are saved now, not dropped.
                save_pending(&pending, &dispatch);
            }
            *pending.borrow_mut() = due.then_some((snapshot, edits));
            let guards = due.then(|| {
                let run = {
                    let (pending, dispatch) = (pending.clone(), dispatch.clone());
                    Rc::new(move || save_pending(&pending, &dispatch))
                };
                let timer = {
                    let run = run.clone();
                    Timeout::new(SAVE_DELAY_MS, move || run())
                };
                let hidden = {
                    let run = run.clone();
                    EventListener::new(&gloo::utils::document(), "visibilitychange", move |_| {
                        if gloo::utils::document().visibility_state()
                            == web_sys::VisibilityState::Hidden
                        {
                            run();
                        }
                    })
                };
                let leaving =
                    EventListener::new(&gloo::utils::window(), "pagehide", move |_| run());
                (timer, hidden, leaving)
            });
            move || drop(guards)
        },
    );
}

/// What the open document is now, to save or to journal.
pub fn snapshot(state: &AppState) -> Snapshot {
    Snapshot {
        info: state.storage.doc.clone(),
        article: state.document.article.clone(),
        annotations: state.document.own().clone(),
        gold: state.document.gold().clone(),
        layers: state.document.layers.clone(),
        tab: state.storage.tab.clone(),
        overwrite: state.storage.overwrite,
        edits: state.storage.edits,
    }
}

/// Saves what is pending (once) and reports how it went.
fn save_pending(pending: &Pending, dispatch: &Callback<Action>) {
    let Some((snapshot, edits)) = pending.borrow_mut().take() else {
        return;
    };
    let dispatch = dispatch.clone();
    wasm_bindgen_futures::spawn_local(async move {
        let id = snapshot.info.id.clone();
        dispatch.emit(match save(&snapshot).await {
            Ok(SaveOutcome::Saved {
                revision,
                edited_at,
                added_at,
            }) => StorageAction::Saved {
                id,
                edits,
                revision,
                edited_at,
                added_at,
            }
            .into(),
            Ok(SaveOutcome::Conflict(theirs)) => StorageAction::Conflict { id, theirs }.into(),
            Err(error) => StorageAction::SaveFailed(error.to_string()).into(),
        });
    });
}

/// Follows other tabs' saves of the open document, and team sync's: a tab with nothing unsaved
/// reloads the newer version, a tab with unsaved work learns of the conflict when it next
/// saves; other annotators' layers from the team join the open document at once.
#[hook]
pub fn use_tab_sync(state: &UseReducerHandle<AppState>, dispatch: Callback<Action>) {
    let id = state.storage.doc.id.clone();
    let revision = state.storage.doc.revision;
    let tab = state.storage.tab.clone();
    let clean = state.storage.save == SaveStatus::Saved;
    use_effect_with(
        (id, revision, tab, clean),
        move |(id, revision, tab, clean)| {
            let (id, revision, tab, clean) = (id.clone(), *revision, tab.clone(), *clean);
            let subscription = tabs::listen(move |saved| {
                if saved.id != id || saved.tab == tab || saved.revision <= revision {
                    return;
                }
                let layers_only = saved.tab == TEAM_LAYERS_WRITER;
                if !clean && !layers_only {
                    // This tab's next save finds the newer revision and reports the conflict.
                    return;
                }
                let dispatch = dispatch.clone();
                let id = id.clone();
                wasm_bindgen_futures::spawn_local(async move {
                    let Ok(Some((loaded, info))) = open_document(&id).await else {
                        return;
                    };
                    if layers_only {
                        // Only others' layers changed: they join what is shown, and the work
                        // and its undo history stay (the next save keeps both).
                        dispatch.emit(DocumentAction::SetLayers(loaded.layers).into());
                        return;
                    }
                    let remark = match saved.tab.as_str() {
                        TEAM_WRITER => "Updated with the team's changes.",
                        _ => "Updated with newer changes saved in another tab.",
                    };
                    dispatch.emit(
                        DocumentAction::OpenStored {
                            loaded: Box::new(Loaded {
                                remark: Some(remark.to_string()),
                                ..loaded
                            }),
                            info,
                        }
                        .into(),
                    );
                });
            });
            move || drop(subscription)
        },
    );
}

/// Reopens the library's version of the open document (after a conflict), dropping this
/// tab's unsaved work of it.
pub fn reload_from_library(id: String, dispatch: Callback<Action>) {
    wasm_bindgen_futures::spawn_local(async move {
        let opened = match discard_working_copy(&id).await {
            Ok(()) => open_document(&id).await,
            Err(error) => Err(error),
        };
        match opened {
            Ok(Some((loaded, info))) => dispatch.emit(
                DocumentAction::OpenStored {
                    loaded: Box::new(loaded),
                    info,
                }
                .into(),
            ),
            Ok(None) => dispatch.emit(
                ViewAction::Notify(Notice::error("This document is no longer in the library."))
                    .into(),
            ),
            Err(error) => dispatch.emit(StorageAction::SaveFailed(error.to_string()).into()),
        }
    });
}
