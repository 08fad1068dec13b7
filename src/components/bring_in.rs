//! How articles reach the app from outside: files picked or dropped (one article opens at
//! once; several files, a folder or a corpus file go to "Add to library"), a dropped text or
//! HTML selection, and opening a loaded article unless the library already holds its text.

use gloo::events::{EventListener, EventListenerOptions};
use wasm_bindgen::JsCast;
use web_sys::{DragEvent, File};
use yew::prelude::*;

use crate::model::ingest::load::{InputKind, Loaded};
use crate::services::file_tree;
use crate::services::intake::read_all;
use crate::services::library::{add_documents, open_document};
use crate::services::loader::load_input;
use crate::state::{
    count_of, Action, Contents, CorpusAction, Dialog, DocumentAction, Notice, ViewAction,
};

/// Brings in files the user picked or dropped: a single article is read and handed to `single`
/// (or why it could not be); anything more (several files, a folder, a corpus file) waits in
/// "Add to library" for the user to check and add.
pub fn bring_files(
    files: Vec<(String, File)>,
    single: Callback<Result<Loaded, String>>,
    dispatch: Callback<Action>,
) {
    if files.is_empty() {
        dispatch.emit(notice_error("No files to open: the folder holds none."));
        return;
    }
    wasm_bindgen_futures::spawn_local(async move {
        let total = files.len();
        let progress = {
            let dispatch = dispatch.clone();
            Callback::from(move |(done, all): (usize, usize)| {
                if all > 1 && (done % 25 == 0 || done == all) {
                    dispatch.emit(
                        ViewAction::Notify(Notice::info(format!("Reading files… {done} of {all}")))
                            .into(),
                    );
                }
            })
        };
        let mut incoming = read_all(files, progress).await;
        if total == 1 {
            if let Some(only) = incoming.pop() {
                match only.what {
                    Contents::Article { kind, text, remark } => {
                        single.emit(load_input(kind, &text.0, Some(only.name)).map(|loaded| {
                            Loaded {
                                remark: remark.or(loaded.remark.clone()),
                                ..loaded
                            }
                        }));
                        return;
                    }
                    Contents::Refused(reason) => {
                        single.emit(Err(reason));
                        return;
                    }
                    corpus => incoming.push(crate::state::Incoming {
                        name: only.name,
                        what: corpus,
                    }),
                }
            }
        }
        dispatch.emit(ViewAction::DismissNotice.into());
        dispatch.emit(CorpusAction::Incoming(incoming).into());
        dispatch.emit(ViewAction::ShowDialog(Some(Dialog::Intake)).into());
    });
}

fn notice_error(message: impl Into<String>) -> Action {
    ViewAction::Notify(Notice::error(message.into())).into()
}

/// Opens files, folders, or a text or HTML selection dropped anywhere on the page.
#[hook]
pub fn use_drop_to_load(dispatch: Callback<Action>) {
    use_effect_with((), move |_| {
        let document = gloo::utils::document();
        let options = EventListenerOptions::enable_prevent_default();
        let over = EventListener::new_with_options(&document, "dragover", options, |event| {
            event.prevent_default()
        });
        let on_drop = EventListener::new_with_options(&document, "drop", options, move |event| {
            let Some(data) = event
                .dyn_ref::<DragEvent>()
                .and_then(DragEvent::data_transfer)
            else {
                return;
            };
            event.prevent_default();
            let dispatch = dispatch.clone();
            if data.files().is_some_and(|files| files.length() > 0) {
                let dropped = file_tree::take(&data);
                let single = {
                    let dispatch = dispatch.clone();
                    Callback::from(move |result: Result<Loaded, String>| match result {
                        Ok(loaded) => open_unless_stored(loaded, dispatch.clone()),
                        Err(message) => dispatch.emit(notice_error(message)),
                    })
                };
                wasm_bindgen_futures::spawn_local(async move {
                    bring_files(file_tree::files(dropped).await, single, dispatch);
                });
                return;
            }
            let html = data.get_data("text/html").unwrap_or_default();
            let plain = data.get_data("text/plain").unwrap_or_default();
            let result = if !html.trim().is_empty() {
                load_input(
                    InputKind::Html,
                    &html,
                    Some("dropped selection".to_string()),
                )
            } else {
                load_input(
                    InputKind::PlainText,
                    &plain,
                    Some("dropped text".to_string()),
                )
            };
            match result {
                Ok(loaded) => open_unless_stored(loaded, dispatch),
                Err(message) => dispatch.emit(notice_error(message)),
            }
        });
        move || drop((over, on_drop))
    });
}

/// Opens a loaded document — or, when the library already holds the same text, the stored one
/// with its annotations, instead of a duplicate.
pub fn open_unless_stored(mut loaded: Loaded, dispatch: Callback<Action>) {
    let id = crate::model::library::doc_id(&loaded.article);
    let more = std::mem::take(&mut loaded.more);
    wasm_bindgen_futures::spawn_local(async move {
        let corpus_notice = if more.is_empty() {
            None
        } else {
            Some(match add_documents(&more, "import").await {
                Ok(added) => Notice::info(format!(
                    "{} of the corpus added to the library (open them from Library); the first is open.",
                    count_of(added, "more document")
                )),
                Err(error) => Notice::error(format!("Only the first document of the corpus is open; the rest could not be stored: {error}")),
            })
        };
        match open_document(&id).await {
            Ok(Some((stored, info))) if info.deleted_at.is_none() => {
                let remark = format!(
                    "This article is already in your library, so that copy ({}) was opened instead of a duplicate.",
                    count_of(stored.annotations.len(), "annotation")
                );
                dispatch.emit(
                    DocumentAction::OpenStored {
                        loaded: Box::new(Loaded {
                            remark: Some(remark),
                            ..stored
                        }),
                        info,
                    }
                    .into(),
                );
            }
            _ => dispatch.emit(DocumentAction::Load(Box::new(loaded)).into()),
        }
        if let Some(notice) = corpus_notice {
            dispatch.emit(ViewAction::Notify(notice).into());
        }
    });
}
