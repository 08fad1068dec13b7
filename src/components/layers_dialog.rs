//! "Add annotators' files": other annotators' exports of the same texts (claimtag JSON or
//! JSONL, doccano JSONL, Label Studio JSON) brought in as their layers. Each file shows its
//! format, documents and the annotators it names; a file that names nobody asks for a name
//! once. Adding shows a progress bar and ends with what it did.

use std::rc::Rc;

use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::components::modal::Modal;
use crate::model::corpus::listing::thousands;
use crate::model::layer_files::LayerFile;
use crate::services::file_tree::picked;
use crate::services::intake::refresh_listing;
use crate::services::layer_intake::{add, read, Added};
use crate::state::{count_of, Action, Dialog, DocumentAction, ViewAction};

/// Props of [`LayersDialog`].
#[derive(Properties, PartialEq)]
pub struct LayersDialogProps {
    /// The open document's id (its layers are refreshed when a file has it).
    pub open_id: String,
    /// This tab.
    pub tab: String,
    /// Where actions go.
    pub dispatch: Callback<Action>,
}

/// One chosen file: read, or why not; and the name typed for its unnamed layers.
#[derive(Clone, PartialEq)]
struct Chosen {
    name: String,
    read: Result<Rc<LayerFile>, String>,
    annotator: String,
}

/// Where the dialog is.
#[derive(Clone, PartialEq)]
enum Step {
    Choosing,
    Adding(usize, usize),
    Done(Result<Added, String>),
}

/// A modal dialog named "Add annotators' files".
#[component]
pub fn LayersDialog(props: &LayersDialogProps) -> Html {
    let chosen = use_state(Vec::<Chosen>::new);
    let step = use_state(|| Step::Choosing);
    let on_pick = {
        let chosen = chosen.clone();
        Callback::from(move |e: Event| {
            let input: HtmlInputElement = e.target_unchecked_into();
            let Some(list) = input.files() else {
                return;
            };
            let files = picked(&list);
            let chosen = chosen.clone();
            wasm_bindgen_futures::spawn_local(async move {
                let mut out = Vec::with_capacity(files.len());
                for (name, file) in files {
                    let read = read(&name, file).await.map(Rc::new);
                    out.push(Chosen {
                        name,
                        read,
                        annotator: String::new(),
                    });
                }
                chosen.set(out);
            });
        })
    };
    let missing_name = chosen
        .iter()
        .any(|c| c.read.as_ref().is_ok_and(|f| f.needs_name()) && c.annotator.trim().is_empty());
    let readable: Vec<&Chosen> = chosen.iter().filter(|c| c.read.is_ok()).collect();
    let on_add = {
        let (chosen, step, dispatch) = (chosen.clone(), step.clone(), props.dispatch.clone());
        let (open_id, tab) = (props.open_id.clone(), props.tab.clone());
        Callback::from(move |_: MouseEvent| {
            let files: Vec<(LayerFile, String)> = chosen
                .iter()
                .filter_map(|c| {
                    let file = c.read.as_ref().ok()?;
                    Some(((**file).clone(), c.annotator.trim().to_string()))
                })
                .collect();
            let (step, dispatch, open_id, tab) =
                (step.clone(), dispatch.clone(), open_id.clone(), tab.clone());
            step.set(Step::Adding(0, 0));
            wasm_bindgen_futures::spawn_local(async move {
                let progress = {
                    let step = step.clone();
                    move |done, total| step.set(Step::Adding(done, total))
                };
                let result = add(files, &open_id, &tab, progress).await;
                if let Ok(Added {
                    open_layers: Some(layers),
                    ..
                }) = &result
                {
                    dispatch.emit(DocumentAction::SetLayers(layers.clone()).into());
                }
                refresh_listing(&dispatch).await;
                step.set(Step::Done(result));
            });
        })
    };
    let close = props
        .dispatch
        .reform(|()| ViewAction::ShowDialog(Some(Dialog::Library)).into());
    let body = match &*step {
        Step::Choosing => html! {
            <>
                <p>{ "Choose other annotators' exports of the same articles: claimtag JSON or JSONL, doccano JSONL, Label Studio JSON. Each annotator's annotations become their own layer of the matching document (same text); a text not in the library is added." }</p>
                <label class="ct-button">
                    { "Choose files…" }
                    <input class="ct-sr-only" type="file" multiple=true accept=".json,.jsonl,.ndjson"
                        aria-label="Annotators' files" onchange={on_pick} />
                </label>
                if !chosen.is_empty() {
                    <ul class="ct-list ct-layer-files" aria-label="Chosen files">
                        { for chosen.iter().enumerate().map(|(i, c)| file_row(i, c, &chosen)) }
                    </ul>
                }
            </>
        },
        Step::Adding(done, total) => html! {
            <div class="ct-job" role="status">
                <p class="ct-job__title">{ "Adding layers…" }</p>
                <progress class="ct-job__bar" max={(*total).max(1).to_string()} value={done.to_string()}
                    aria-label="Adding layers"></progress>
                <p class="ct-job__counts">{ format!("{} of {} documents", thousands(*done), thousands(*total)) }</p>
            </div>
        },
        Step::Done(Ok(added)) => html! {
            <p class="ct-notice ct-notice--info" role="status">{ summary(added) }</p>
        },
        Step::Done(Err(error)) => html! {
            <p class="ct-notice ct-notice--error" role="alert">
                { format!("The layers could not be added: {error}. Documents already written keep their new layers; nothing else changed.") }
            </p>
        },
    };
    let dispatch = props.dispatch.clone();
    html! {
        <Modal title="Add annotators' files" title_id="ct-layers-dialog-title" focus_close={true} on_close={close}>
            { body }
            <div class="ct-editor__row">
                if *step == Step::Choosing {
                    <button class="ct-button ct-button--primary"
                        disabled={readable.is_empty() || missing_name}
                        onclick={on_add}>
                        { format!("Add layers from {}", count_of(readable.len(), "file")) }
                    </button>
                }
                if matches!(*step, Step::Done(_)) {
                    <button class="ct-button ct-button--primary"
                        onclick={Callback::from(move |_| dispatch.emit(ViewAction::ShowDialog(Some(Dialog::Agreement)).into()))}>
                        { "Show agreement" }
                    </button>
                }
            </div>
        </Modal>
    }
}

/// What the layers did, in one line.
fn summary(added: &Added) -> String {
    let mut parts = vec![format!("Added {}", count_of(added.added, "layer"))];
    if added.replaced > 0 {
        parts.push(format!(
            "replaced {}",
            count_of(added.replaced, "older layer")
        ));
    }
    if added.unchanged > 0 {
        parts.push(format!(
            "{} already there",
            count_of(added.unchanged, "layer")
        ));
    }
    parts.push(format!(
        "{} new to the library",
        count_of(added.new_documents, "document")
    ));
    format!("{}.", parts.join("; "))
}

/// One chosen file: its format and annotators, or why it cannot be read; a name field when the
/// file names nobody.
fn file_row(i: usize, c: &Chosen, chosen: &UseStateHandle<Vec<Chosen>>) -> Html {
    match &c.read {
        Err(error) => html! {
            <li class="ct-item"><div class="ct-item__body">
                <strong>{ &c.name }</strong>
                <p class="ct-notice ct-notice--error">{ error }</p>
            </div></li>
        },
        Ok(file) => {
            let names = file.annotators();
            let who = if names.is_empty() {
                "no annotator named".to_string()
            } else {
                names.join(", ")
            };
            let on_name = {
                let chosen = chosen.clone();
                Callback::from(move |e: InputEvent| {
                    let value = e.target_unchecked_into::<HtmlInputElement>().value();
                    let mut next = (*chosen).clone();
                    if let Some(c) = next.get_mut(i) {
                        c.annotator = value;
                    }
                    chosen.set(next);
                })
            };
            let field = format!("ct-layer-name-{i}");
            html! {
                <li class="ct-item"><div class="ct-item__body">
                    <strong>{ &c.name }</strong>
                    <span class="ct-item__speaker">
                        { format!("{} · {} · {}", file.format, count_of(file.records.len(), "document"), who) }
                    </span>
                    if !file.refused.is_empty() {
                        <p class="ct-notice ct-notice--error">{ format!("{} not read: {}", count_of(file.refused.len(), "record"), file.refused.join("; ")) }</p>
                    }
                    if file.needs_name() {
                        <label for={field.clone()}>{ "Annotator of the unnamed annotations" }</label>
                        <input id={field} class="ct-input" type="text" value={c.annotator.clone()}
                            placeholder="Their name" oninput={on_name} />
                    }
                </div></li>
            }
        }
    }
}
