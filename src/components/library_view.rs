//! The library: every stored document with its counts, dates and status; open, rename, move to
//! the trash and back, empty the trash; the annotator name; "Export all" as a JSONL corpus.

use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

use crate::components::modal::Modal;
use crate::model::format::jsonl::corpus_jsonl;
use crate::model::library::{counts_text, DocStatus, DocSummary};
use crate::services::library::{all_open_documents, open_document, update_stored, ANNOTATOR};
use crate::services::storage::{persist_and_estimate, Storage};
use crate::services::{clock, download};
use crate::state::{count_of, Action, Notice};

/// Props of [`LibraryView`].
#[derive(Properties, PartialEq)]
pub struct LibraryViewProps {
    /// The open document's id.
    pub open_id: String,
    /// This tab's id.
    pub tab: String,
    /// The annotator name.
    pub annotator: String,
    /// The open document's status.
    pub status: DocStatus,
    /// Where actions go.
    pub dispatch: Callback<Action>,
}

/// What the library list shows: loading, the rows, or why it could not be read.
#[derive(Clone, PartialEq)]
enum Rows {
    Loading,
    Ready(Vec<DocSummary>),
    Failed(String),
}

/// A modal dialog named "Library".
#[component]
pub fn LibraryView(props: &LibraryViewProps) -> Html {
    let rows = use_state(|| Rows::Loading);
    let usage = use_state(|| None::<(bool, f64, f64)>);
    let refresh = use_state(|| 0u32);
    let confirm_empty = use_state(|| false);
    {
        let rows = rows.clone();
        let usage = usage.clone();
        use_effect_with(*refresh, move |_| {
            wasm_bindgen_futures::spawn_local(async move {
                let read = async { Storage::open().await?.all_summaries().await };
                rows.set(match read.await {
                    Ok(mut list) => {
                        list.sort_by(|a, b| b.info.edited_at.cmp(&a.info.edited_at));
                        Rows::Ready(list)
                    }
                    Err(error) => Rows::Failed(error.to_string()),
                });
                usage.set(persist_and_estimate().await);
            });
        });
    }
    let dispatch = props.dispatch.clone();
    let reload = {
        let refresh = refresh.clone();
        move || refresh.set(*refresh + 1)
    };
    // Runs a change on a stored document that is not open here, then re-reads the list.
    let change_stored = {
        let tab = props.tab.clone();
        let dispatch = dispatch.clone();
        let reload = reload.clone();
        move |id: String, change: Box<dyn FnOnce(&mut crate::model::library::StoredDocument)>| {
            let tab = tab.clone();
            let dispatch = dispatch.clone();
            let reload = reload.clone();
            wasm_bindgen_futures::spawn_local(async move {
                if let Err(error) = update_stored(&id, &tab, change).await {
                    dispatch.emit(Action::Notify(Notice::error(format!(
                        "The library could not be changed: {error}"
                    ))));
                }
                reload();
            });
        }
    };
    let on_annotator = {
        let dispatch = dispatch.clone();
        Callback::from(move |e: InputEvent| {
            if let Some(input) = e.target_dyn_into::<HtmlInputElement>() {
                let name = input.value();
                dispatch.emit(Action::SetAnnotator(name.clone()));
                wasm_bindgen_futures::spawn_local(async move {
                    if let Ok(storage) = Storage::open().await {
                        // The name also lives in memory; a failed write only loses it on reload.
                        let _ = storage.put_setting(ANNOTATOR, &name).await;
                    }
                });
            }
        })
    };
    let on_export_all = {
        let dispatch = dispatch.clone();
        Callback::from(move |_: MouseEvent| {
            let dispatch = dispatch.clone();
            wasm_bindgen_futures::spawn_local(async move {
                let notice = match all_open_documents().await {
                    Ok(documents) => match corpus_jsonl(&documents, &clock::now_iso()) {
                        Ok(jsonl) => match download::download(
                            "claimtag-library.jsonl",
                            "application/jsonl",
                            &jsonl,
                        ) {
                            Ok(()) => Notice::info(format!(
                                "Exported {} to claimtag-library.jsonl.",
                                count_of(documents.len(), "document")
                            )),
                            Err(error) => Notice::error(error.to_string()),
                        },
                        Err(error) => Notice::error(format!("Export stopped: {error}.")),
                    },
                    Err(error) => Notice::error(format!("The library could not be read: {error}.")),
                };
                dispatch.emit(Action::Notify(notice));
            });
        })
    };
    let on_empty_trash = {
        let confirm_empty = confirm_empty.clone();
        let rows = rows.clone();
        let reload = reload.clone();
        let dispatch = dispatch.clone();
        Callback::from(move |_: MouseEvent| {
            if !*confirm_empty {
                confirm_empty.set(true);
                return;
            }
            confirm_empty.set(false);
            let Rows::Ready(list) = &*rows else {
                return;
            };
            let trashed: Vec<String> = list
                .iter()
                .filter(|r| r.info.deleted_at.is_some())
                .map(|r| r.info.id.clone())
                .collect();
            let reload = reload.clone();
            let dispatch = dispatch.clone();
            wasm_bindgen_futures::spawn_local(async move {
                let result = async {
                    let storage = Storage::open().await?;
                    for id in &trashed {
                        storage.delete_document(id).await?;
                    }
                    Ok::<(), crate::services::storage::StorageError>(())
                };
                if let Err(error) = result.await {
                    dispatch.emit(Action::Notify(Notice::error(format!(
                        "The trash could not be emptied: {error}"
                    ))));
                }
                reload();
            });
        })
    };

    let list = match &*rows {
        Rows::Loading => html! { <p role="status">{ "Reading the library…" }</p> },
        Rows::Failed(reason) => {
            html! { <p class="ct-notice ct-notice--error" role="alert">{ format!("The library could not be read: {reason}") }</p> }
        }
        Rows::Ready(list) => {
            let (trash, live): (Vec<&DocSummary>, Vec<&DocSummary>) =
                list.iter().partition(|r| r.info.deleted_at.is_some());
            html! {
                <>
                    <ul class="ct-library" aria-label="Documents">
                        { for live.iter().map(|row| document_row(row, props, &change_stored, &dispatch)) }
                    </ul>
                    if live.is_empty() {
                        <p class="ct-sidebar__empty">{ "No documents yet: everything you open is kept here." }</p>
                    }
                    <h3 class="ct-details__title">{ format!("Trash ({})", trash.len()) }</h3>
                    <ul class="ct-library" aria-label="Trash">
                        { for trash.iter().map(|row| {
                            let id = row.info.id.clone();
                            let change_stored = change_stored.clone();
                            html! {
                                <li class="ct-library__row" key={row.info.id.clone()}>
                                    <span class="ct-library__title">{ &row.title }</span>
                                    <button class="ct-button ct-button--small" onclick={Callback::from(move |_| change_stored(id.clone(), Box::new(|d| d.info.deleted_at = None)))}>
                                        { "Restore" }
                                    </button>
                                </li>
                            }
                        }) }
                    </ul>
                    if !trash.is_empty() {
                        <button class="ct-button" onclick={on_empty_trash}>
                            { if *confirm_empty { "Really delete them for good?" } else { "Empty trash" } }
                        </button>
                    }
                </>
            }
        }
    };
    html! {
        <Modal title="Library" title_id="ct-library-title" wide={true} on_close={dispatch.reform(|()| Action::ShowDialog(None))}>
                <div class="ct-editor__row">
                    <label class="ct-field ct-field--inline">
                        <span>{ "Annotator name" }</span>
                        <input type="text" value={props.annotator.clone()} oninput={on_annotator} placeholder="Written into every new annotation" />
                    </label>
                    <button class="ct-button ct-button--primary" onclick={on_export_all}>{ "Export all" }</button>
                </div>
                if let Some((persisted, used, quota)) = *usage {
                    <p class="ct-load__hint">
                        { format!("Storage: {:.1} MB used of {:.0} MB{}.", used / 1e6, quota / 1e6,
                            if persisted { ", kept persistently" } else { "; the browser may clear it under storage pressure" }) }
                    </p>
                }
                { list }
        </Modal>
    }
}

/// One document of the list, with its controls.
fn document_row(
    row: &DocSummary,
    props: &LibraryViewProps,
    change_stored: &(impl Fn(String, Box<dyn FnOnce(&mut crate::model::library::StoredDocument)>)
          + Clone
          + 'static),
    dispatch: &Callback<Action>,
) -> Html {
    let id = row.info.id.clone();
    let is_open = id == props.open_id;
    let status = if is_open {
        props.status
    } else {
        row.info.status
    };
    let on_open = {
        let id = id.clone();
        let dispatch = dispatch.clone();
        Callback::from(move |_: MouseEvent| {
            let id = id.clone();
            let dispatch = dispatch.clone();
            wasm_bindgen_futures::spawn_local(async move {
                match open_document(&id).await {
                    Ok(Some((loaded, info))) => {
                        dispatch.emit(Action::OpenStored {
                            loaded: Box::new(loaded),
                            info,
                        });
                        dispatch.emit(Action::ShowDialog(None));
                    }
                    Ok(None) => dispatch.emit(Action::Notify(Notice::error(
                        "This document is no longer in the library.",
                    ))),
                    Err(error) => dispatch.emit(Action::Notify(Notice::error(format!(
                        "The document could not be opened: {error}"
                    )))),
                }
            });
        })
    };
    let on_rename = {
        let (id, dispatch, change_stored) = (id.clone(), dispatch.clone(), change_stored.clone());
        Callback::from(move |e: Event| {
            let Some(input) = e.target_dyn_into::<HtmlInputElement>() else {
                return;
            };
            let title = input.value();
            if is_open {
                dispatch.emit(Action::RenameOpen(title));
            } else {
                change_stored(id.clone(), Box::new(move |d| d.meta.title = title));
            }
        })
    };
    let on_status = {
        let (id, dispatch, change_stored) = (id.clone(), dispatch.clone(), change_stored.clone());
        Callback::from(move |e: Event| {
            let Some(select) = e.target_dyn_into::<HtmlSelectElement>() else {
                return;
            };
            let Some(status) = DocStatus::ALL
                .into_iter()
                .find(|s| s.name() == select.value())
            else {
                return;
            };
            if is_open {
                dispatch.emit(Action::SetStatus(status));
            } else {
                change_stored(id.clone(), Box::new(move |d| d.info.status = status));
            }
        })
    };
    let on_trash = {
        let (id, change_stored) = (id.clone(), change_stored.clone());
        Callback::from(move |_: MouseEvent| {
            change_stored(
                id.clone(),
                Box::new(|d| d.info.deleted_at = Some(clock::now_iso())),
            )
        })
    };
    html! {
        <li class={classes!("ct-library__row", is_open.then_some("ct-library__row--open"))} key={id.clone()} data-title={row.title.clone()}>
            <input class="ct-library__title" type="text" value={row.title.clone()} aria-label="Document title" onchange={on_rename} />
            <span class="ct-library__meta">
                { format!("{} · added {} · edited {} · {}",
                    row.source.clone().unwrap_or_else(|| "no source".to_string()),
                    short_date(&row.info.added_at), short_date(&row.info.edited_at), counts_text(&row.counts)) }
            </span>
            <select aria-label="Status" onchange={on_status}>
                { for DocStatus::ALL.into_iter().map(|s| html! { <option selected={s == status} value={s.name()}>{ s.name() }</option> }) }
            </select>
            <button class="ct-button ct-button--small" disabled={is_open} onclick={on_open}>{ if is_open { "Open now" } else { "Open" } }</button>
            <button class="ct-button ct-button--small" disabled={is_open} title={if is_open { "Open another document first" } else { "Move to the trash" }} onclick={on_trash}>
                { "Move to trash" }
            </button>
        </li>
    }
}

/// `2026-11-28T01:36:16.000Z` → `2026-11-28 01:36`.
fn short_date(iso: &str) -> String {
    iso.get(..16)
        .map(|s| s.replace('T', " "))
        .unwrap_or_else(|| iso.to_string())
}
