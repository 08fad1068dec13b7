//! Writes the open document's working copy (its changes since it was stored) into the
//! library's journal within a frame of every change: just after the change is painted (so
//! tagging and typing are not slowed), one write per frame however many changes it holds, each
//! in a transaction of its own. A crash between
//! two saves then loses nothing: start-up restores the copy (see
//! [`crate::model::library::WorkingCopy`]), and the next save folds it in.

use std::cell::RefCell;
use std::rc::Rc;

use gloo::timers::callback::Timeout;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use yew::prelude::*;

use super::persistence::snapshot;
use crate::model::{AnnotationSet, Article};
use crate::services::library::{write_working_copy, Snapshot};
use crate::services::storage::Storage;
use crate::state::{AppState, SaveStatus};

/// When the browser paints no frames (a hidden page), the write waits at most this long.
const LATEST_MS: u32 = 50;

/// The journal writer's state, kept across renders.
#[derive(Default)]
struct Journal {
    /// The connection, opened on the first write.
    storage: Option<Rc<Storage>>,
    /// The newest state not written yet, and the stored state it changes (none when its
    /// article is not the stored one: then it goes whole).
    waiting: Option<(Snapshot, Option<Stored>)>,
    /// A write is scheduled for the next frame.
    scheduled: bool,
    /// The open document as the library stores it (as it was when it was last saved).
    stored: Option<Stored>,
}

/// A document as stored: its id, article, own layer and gold layer (shared, not copied).
#[derive(Clone)]
struct Stored {
    id: String,
    article: Rc<Article>,
    own: Rc<AnnotationSet>,
    gold: Rc<AnnotationSet>,
}

type Shared = Rc<RefCell<Journal>>;

/// Journals every change of the open document that is not saved yet.
#[hook]
pub fn use_journal(state: &UseReducerHandle<AppState>) {
    let journal: Shared = use_mut_ref(Journal::default);
    let ready = state.storage.ready;
    let saved = state.storage.save == SaveStatus::Saved;
    let now = snapshot(state);
    use_effect_with(
        (
            ready,
            saved,
            state.storage.edits,
            state.storage.doc.id.clone(),
        ),
        move |(ready, saved, _, _)| {
            let mut j = journal.borrow_mut();
            if !*ready {
                return;
            }
            if *saved {
                j.stored = Some(Stored {
                    id: now.info.id.clone(),
                    article: now.article.clone(),
                    own: now.annotations.clone(),
                    gold: now.gold.clone(),
                });
                return;
            }
            let base = j
                .stored
                .as_ref()
                .filter(|s| s.id == now.info.id && Rc::ptr_eq(&s.article, &now.article))
                .cloned();
            j.waiting = Some((now, base));
            if !j.scheduled {
                j.scheduled = true;
                drop(j);
                schedule(journal.clone());
            }
        },
    );
}

/// Writes after the next frame is painted (a timeout inside an animation frame callback runs
/// right after that frame), or after [`LATEST_MS`] if no frame comes.
fn schedule(journal: Shared) {
    let after_paint = {
        let journal = journal.clone();
        Closure::once_into_js(move || Timeout::new(0, move || write(&journal)).forget())
    };
    let asked = web_sys::window()
        .and_then(|w| w.request_animation_frame(after_paint.unchecked_ref()).ok())
        .is_some();
    let latest = if asked { LATEST_MS } else { 0 };
    Timeout::new(latest, move || write(&journal)).forget();
}

/// Writes the waiting state, if it was not written already.
fn write(journal: &Shared) {
    let (waiting, storage) = {
        let mut j = journal.borrow_mut();
        j.scheduled = false;
        (j.waiting.take(), j.storage.clone())
    };
    let Some((snapshot, base)) = waiting else {
        return;
    };
    let copy = snapshot.working_copy(base.as_ref().map(|b| (&*b.own, &*b.gold)));
    let journal = journal.clone();
    wasm_bindgen_futures::spawn_local(async move {
        let storage = match storage {
            Some(storage) => storage,
            None => match Storage::open().await {
                Ok(storage) => {
                    let storage = Rc::new(storage);
                    journal.borrow_mut().storage = Some(storage.clone());
                    storage
                }
                // The save that follows reports what is wrong with the storage.
                Err(_) => return,
            },
        };
        if write_working_copy(&storage, &copy).await.is_err() {
            // A failed write leaves the connection suspect: open a fresh one next time.
            journal.borrow_mut().storage = None;
        }
    });
}
