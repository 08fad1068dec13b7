//! The library as a corpus view: every stored document, searchable, filtered by status, label,
//! annotator and waiting suggestions, sorted by any column, with the progress of the work
//! ("312 of 1,000 done"). Only the rows in view are rendered, so 10,000 documents scroll as
//! smoothly as ten. Each row opens, renames, sets the status of or trashes its document; the
//! trash restores or empties; Export writes the whole corpus or the documents shown.

use std::rc::Rc;

use web_sys::{Element, HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

use crate::components::corpus_filters::filter_bar;
use crate::components::export_panel::ExportPanel;
use crate::components::modal::Modal;
use crate::model::corpus::listing::{progress, thousands};
use crate::model::library::{counts_text, DocStatus, DocSummary, StoredDocument};
use crate::services::intake::refresh_listing;
use crate::services::library::{update_stored, ANNOTATOR};
use crate::services::storage::{persist_and_estimate, Storage};
use crate::services::{clock, queue};
use crate::state::{Action, Corpus, Dialog, DocumentAction, Notice, StorageAction, ViewAction};

/// Height of one row of the list, in CSS pixels (the stylesheet gives rows this height).
const ROW_PX: f64 = 76.0;
/// Rows rendered above and below the ones in view, so fast scrolling shows no gaps.
const OVERSCAN: usize = 6;

/// Props of [`CorpusView`].
#[derive(Properties, PartialEq)]
pub struct CorpusViewProps {
    /// The corpus slice: listing, filter, sort, jobs.
    pub corpus: Corpus,
    /// The open document's id.
    pub open_id: String,
    /// The open document's status (it may not be saved yet).
    pub status: DocStatus,
    /// This tab's id.
    pub tab: String,
    /// The annotator name.
    pub annotator: String,
    /// Where actions go.
    pub dispatch: Callback<Action>,
}

/// Runs a change on a stored document that is not open here, then re-reads the listing.
type ChangeStored = Rc<dyn Fn(String, Box<dyn FnOnce(&mut StoredDocument)>)>;

/// A modal dialog named "Library".
#[component]
pub fn CorpusView(props: &CorpusViewProps) -> Html {
    let usage = use_state(|| None::<(bool, f64, f64)>);
    let confirm_empty = use_state(|| false);
    let scroll = use_state(|| (0.0f64, 640.0f64));
    let list_ref = use_node_ref();
    let dispatch = props.dispatch.clone();
    {
        let (usage, dispatch) = (usage.clone(), dispatch.clone());
        use_effect_with((), move |_| {
            wasm_bindgen_futures::spawn_local(async move {
                refresh_listing(&dispatch).await;
                usage.set(persist_and_estimate().await);
            });
        });
    }
    let change_stored: ChangeStored = {
        let (tab, dispatch) = (props.tab.clone(), dispatch.clone());
        Rc::new(
            move |id: String, change: Box<dyn FnOnce(&mut StoredDocument)>| {
                let (tab, dispatch) = (tab.clone(), dispatch.clone());
                wasm_bindgen_futures::spawn_local(async move {
                    if let Err(error) = update_stored(&id, &tab, change).await {
                        dispatch.emit(
                            ViewAction::Notify(Notice::error(format!(
                                "The library could not be changed: {error}"
                            )))
                            .into(),
                        );
                    }
                    refresh_listing(&dispatch).await;
                });
            },
        )
    };
    let on_annotator = {
        let dispatch = dispatch.clone();
        Callback::from(move |e: InputEvent| {
            if let Some(input) = e.target_dyn_into::<HtmlInputElement>() {
                let name = input.value();
                dispatch.emit(StorageAction::SetAnnotator(name.clone()).into());
                wasm_bindgen_futures::spawn_local(async move {
                    if let Ok(storage) = Storage::open().await {
                        // The name also lives in memory; a failed write only loses it on reload.
                        let _ = storage.put_setting(ANNOTATOR, &name).await;
                    }
                });
            }
        })
    };
    let on_scroll = {
        let (scroll, list_ref) = (scroll.clone(), list_ref.clone());
        Callback::from(move |_: Event| {
            if let Some(el) = list_ref.cast::<Element>() {
                scroll.set((el.scroll_top() as f64, el.client_height() as f64));
            }
        })
    };
    let close = dispatch.reform(|()| ViewAction::ShowDialog(None).into());

    let body = match (&props.corpus.summaries, &props.corpus.listing_error) {
        (_, Some(reason)) => html! {
            <p class="ct-notice ct-notice--error" role="alert">{ format!("The library could not be read: {reason}") }</p>
        },
        (None, None) => html! { <p role="status">{ "Reading the library…" }</p> },
        (Some(rows), None) => {
            let shown = props.corpus.shown();
            let live = rows.iter().filter(|r| r.info.deleted_at.is_none()).count();
            let trash: Vec<&DocSummary> = rows
                .iter()
                .filter(|r| r.info.deleted_at.is_some())
                .collect();
            let (top, height) = *scroll;
            let first = ((top / ROW_PX) as usize).saturating_sub(OVERSCAN);
            let last = (((top + height) / ROW_PX).ceil() as usize + OVERSCAN).min(shown.len());
            let first = first.min(last);
            let done = progress(rows, &shown);
            let ids: Rc<Vec<String>> =
                Rc::new(shown.iter().map(|&i| rows[i].info.id.clone()).collect());
            let mut everything: Vec<&DocSummary> = rows
                .iter()
                .filter(|r| r.info.deleted_at.is_none())
                .collect();
            everything.sort_by(|a, b| a.info.added_at.cmp(&b.info.added_at));
            let all: Rc<Vec<String>> =
                Rc::new(everything.iter().map(|r| r.info.id.clone()).collect());
            html! {
                <>
                    { filter_bar(&props.corpus, rows, &all, &dispatch) }
                    <p class="ct-corpus__progress" role="status">
                        { done.text() }
                        if props.corpus.filter.is_narrowed() {
                            { format!(" · showing {} of {}", thousands(shown.len()), thousands(live)) }
                        }
                    </p>
                    <div class="ct-corpus__scroller" ref={list_ref} onscroll={on_scroll} tabindex="0" aria-label="Document list">
                        <ul class="ct-library ct-corpus__list" aria-label="Documents"
                            style={format!("height: {}px", shown.len() as f64 * ROW_PX)}>
                            { for shown[first..last].iter().enumerate().map(|(k, &i)| {
                                document_row(&rows[i], first + k, shown.len(), props, &change_stored)
                            }) }
                        </ul>
                        if shown.is_empty() {
                            <p class="ct-sidebar__empty">{
                                if live == 0 { "No documents yet: everything you open or add is kept here." }
                                else { "No document matches these filters." }
                            }</p>
                        }
                    </div>
                    <ExportPanel job={props.corpus.export.clone()} all={all} shown={ids} narrowed={props.corpus.filter.is_narrowed()}
                        layers={layer_names(rows)} annotator={props.annotator.clone()} dispatch={dispatch.clone()} />
                    { trash_section(&trash, &change_stored, &confirm_empty, &dispatch) }
                </>
            }
        }
    };
    html! {
        <Modal title="Library" title_id="ct-library-title" wide={true} focus_close={true} on_close={close}>
            <div class="ct-editor__row">
                <label class="ct-field ct-field--inline">
                    <span>{ "Annotator name" }</span>
                    <input type="text" value={props.annotator.clone()} oninput={on_annotator} placeholder="Written into every new annotation" />
                </label>
                <button class="ct-button" onclick={dispatch.reform(|_: MouseEvent| ViewAction::ShowDialog(Some(Dialog::Layers)).into())}
                    title="Other annotators' exports of the same articles become their layers">
                    { "Add annotators' files…" }
                </button>
                <button class="ct-button" onclick={dispatch.reform(|_: MouseEvent| ViewAction::ShowDialog(Some(Dialog::Agreement)).into())}>
                    { "Agreement…" }
                </button>
            </div>
            if let Some((persisted, used, quota)) = *usage {
                <p class="ct-load__hint">
                    { format!("Storage: {:.1} MB used of {:.0} MB{}.", used / 1e6, quota / 1e6,
                        if persisted { ", kept persistently" } else { "; the browser may clear it under storage pressure" }) }
                </p>
            }
            { body }
        </Modal>
    }
}

/// Every other annotator named in the library's layers, sorted, each once.
fn layer_names(rows: &[DocSummary]) -> Rc<Vec<String>> {
    let mut names: Vec<String> = rows.iter().flat_map(|r| r.layers.iter().cloned()).collect();
    names.sort();
    names.dedup();
    Rc::new(names)
}

/// One document of the list, with its controls, placed at its position in the scrolled list.
fn document_row(
    row: &DocSummary,
    position: usize,
    count: usize,
    props: &CorpusViewProps,
    change_stored: &ChangeStored,
) -> Html {
    let dispatch = &props.dispatch;
    let id = row.info.id.clone();
    let is_open = id == props.open_id;
    let status = if is_open {
        props.status
    } else {
        row.info.status
    };
    let on_open = {
        let (id, dispatch) = (id.clone(), dispatch.clone());
        Callback::from(move |_: MouseEvent| {
            let (id, dispatch) = (id.clone(), dispatch.clone());
            wasm_bindgen_futures::spawn_local(async move {
                if queue::open_stored(&id, &dispatch).await {
                    dispatch.emit(ViewAction::ShowDialog(None).into());
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
                dispatch.emit(DocumentAction::RenameOpen(title).into());
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
                dispatch.emit(StorageAction::SetStatus(status).into());
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
    let mut meta = counts_text(&row.counts);
    if !row.annotators.is_empty() {
        meta.push_str(&format!(" · by {}", row.annotators.join(", ")));
    }
    if !row.layers.is_empty() {
        meta.push_str(&format!(" · layers: {}", row.layers.join(", ")));
    }
    if row.waiting > 0 {
        meta.push_str(&format!(" · {} suggestions waiting", row.waiting));
    }
    meta.push_str(&format!(
        " · added {} · edited {} · {}",
        short_date(&row.info.added_at),
        short_date(&row.info.edited_at),
        row.source.as_deref().unwrap_or("no source")
    ));
    html! {
        <li class={classes!("ct-library__row", "ct-corpus__row", is_open.then_some("ct-library__row--open"))}
            key={id.clone()} data-title={row.title.clone()} data-id={id.clone()}
            aria-posinset={(position + 1).to_string()} aria-setsize={count.to_string()}
            style={format!("top: {}px", position as f64 * ROW_PX)}>
            <input class="ct-library__title" type="text" value={row.title.clone()} aria-label="Document title" onchange={on_rename} />
            <select aria-label="Status" onchange={on_status}>
                { for DocStatus::ALL.into_iter().map(|s| html! { <option selected={s == status} value={s.name()}>{ s.name() }</option> }) }
            </select>
            <button class="ct-button ct-button--small" disabled={is_open} onclick={on_open}>{ if is_open { "Open now" } else { "Open" } }</button>
            <button class="ct-button ct-button--small" disabled={is_open} title={if is_open { "Open another document first" } else { "Move to the trash" }} onclick={on_trash}>
                { "Move to trash" }
            </button>
            <span class="ct-library__meta">{ meta }</span>
        </li>
    }
}

/// The trash: restore one, or empty it after a confirmation.
fn trash_section(
    trash: &[&DocSummary],
    change_stored: &ChangeStored,
    confirm_empty: &UseStateHandle<bool>,
    dispatch: &Callback<Action>,
) -> Html {
    let on_empty_trash = {
        let confirm_empty = confirm_empty.clone();
        let dispatch = dispatch.clone();
        let trashed: Vec<String> = trash.iter().map(|r| r.info.id.clone()).collect();
        Callback::from(move |_: MouseEvent| {
            if !*confirm_empty {
                confirm_empty.set(true);
                return;
            }
            confirm_empty.set(false);
            let (trashed, dispatch) = (trashed.clone(), dispatch.clone());
            wasm_bindgen_futures::spawn_local(async move {
                let result = async { Storage::open().await?.delete_documents(&trashed).await };
                if let Err(error) = result.await {
                    dispatch.emit(
                        ViewAction::Notify(Notice::error(format!(
                            "The trash could not be emptied: {error}"
                        )))
                        .into(),
                    );
                }
                refresh_listing(&dispatch).await;
            });
        })
    };
    html! {
        <>
            <h3 class="ct-details__title">{ format!("Trash ({})", trash.len()) }</h3>
            <ul class="ct-library" aria-label="Trash">
                { for trash.iter().take(1000).map(|row| {
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
                    { if **confirm_empty { "Really delete them for good?" } else { "Empty trash" } }
                </button>
            }
        </>
    }
}

/// `2026-11-28T01:36:16.000Z` → `2026-11-28 01:36`.
fn short_date(iso: &str) -> String {
    iso.get(..16)
        .map(|s| s.replace('T', " "))
        .unwrap_or_else(|| iso.to_string())
}
