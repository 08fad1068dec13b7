//! Writes the open document's working copy into the library's journal within a frame of every
//! change: just after the change is painted (so tagging and typing are not slowed), one write
//! per frame however many changes it holds, each in a transaction of its own. A crash between
//! two saves then loses nothing: start-up restores the copy (see
//! [`crate::model::library::WorkingCopy`]), and the next save folds it in.

use std::cell::RefCell;
use std::rc::Rc;

use gloo::timers::callback::Timeout;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use yew::prelude::*;

use super::persistence::snapshot;
use crate::model::Article;
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
    /// The newest state not written yet, and whether its article must go with it.
    waiting: Option<(Snapshot, bool)>,
    /// A write is scheduled for the next frame.
    scheduled: bool,
    /// The article as the library stores it (the one open when it was last saved).
    stored_article: Option<Rc<Article>>,
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
                j.stored_article = Some(now.article.clone());
                return;
            }
            let with_article = !j
                .stored_article
                .as_ref()
                .is_some_and(|stored| Rc::ptr_eq(stored, &now.article));
            j.waiting = Some((now, with_article));
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
    let Some((snapshot, with_article)) = waiting else {
        return;
    };
    let copy = snapshot.working_copy(with_article);
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
