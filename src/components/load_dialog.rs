//! The "Load article" dialog: paste text (using the copied page's HTML when there is some),
//! open files or a folder (several go to "Add to library"), or fetch a URL. Errors are shown
//! here and change nothing in the app.

use wasm_bindgen::JsCast;
use web_sys::{ClipboardEvent, File, HtmlInputElement, HtmlTextAreaElement};
use yew::prelude::*;

use crate::components::modal::Modal;
use crate::model::format::anchor::Candidate;
use crate::model::ingest::load::{InputKind, Loaded};
use crate::services::file_tree::picked;
use crate::services::loader::{load_input, load_url, read_annotation_file};
use crate::state::count_of;

/// Files the user picked, with where a single article read from them goes.
pub type Picked = (Vec<(String, File)>, Callback<Result<Loaded, String>>);

/// Props of [`LoadDialog`].
#[derive(Properties, PartialEq)]
pub struct LoadDialogProps {
    /// Annotations in the document that loading would replace.
    pub annotation_count: usize,
    /// A document was loaded.
    pub on_loaded: Callback<Loaded>,
    /// Files were picked (several, or a folder): they go to "Add to library"; a single
    /// article is read and reported back through the callback given with them.
    pub on_files: Callback<Picked>,
    /// The dialog was closed without loading.
    pub on_close: Callback<()>,
    /// Annotations from another tool were read, to place on the open article.
    pub on_import: Callback<Vec<Candidate>>,
}

/// A modal dialog named "Load article".
#[component]
pub fn LoadDialog(props: &LoadDialogProps) -> Html {
    let text = use_state(String::new);
    let pasted_html = use_state(|| None::<(String, String)>);
    let url = use_state(String::new);
    let error = use_state(|| None::<String>);
    let busy = use_state(|| false);
    let file_ref = use_node_ref();
    let text_ref = use_node_ref();
    {
        let text_ref = text_ref.clone();
        use_effect_with((), move |_| {
            if let Some(area) = text_ref.cast::<HtmlTextAreaElement>() {
                // Focus can fail only if the field is gone; nothing to do then.
                let _ = area.focus();
            }
        });
    }
    let finish = {
        let on_loaded = props.on_loaded.clone();
        let error = error.clone();
        let busy = busy.clone();
        Callback::from(move |result: Result<Loaded, String>| {
            busy.set(false);
            match result {
                Ok(loaded) => on_loaded.emit(loaded),
                Err(message) => error.set(Some(message)),
            }
        })
    };

    let on_paste = {
        let pasted_html = pasted_html.clone();
        Callback::from(move |e: Event| {
            let Some(data) = e
                .dyn_ref::<ClipboardEvent>()
                .and_then(ClipboardEvent::clipboard_data)
            else {
                return;
            };
            let html = data.get_data("text/html").unwrap_or_default();
            let plain = data.get_data("text/plain").unwrap_or_default();
            pasted_html.set((!html.trim().is_empty()).then_some((html, plain)));
        })
    };
    let on_text = bind_value(&text);
    let on_use_text = {
        let text = text.clone();
        let pasted_html = pasted_html.clone();
        let finish = finish.clone();
        Callback::from(move |_: MouseEvent| {
            // The copied page's HTML is used while the text area still holds exactly that paste.
            let from_html = pasted_html
                .as_ref()
                .filter(|(_, plain)| {
                    normalise_newlines(plain).trim() == normalise_newlines(&text).trim()
                })
                .map(|(html, _)| {
                    load_input(InputKind::Html, html, Some("pasted page".to_string()))
                });
            let result = match from_html {
                Some(Ok(loaded)) => Ok(loaded),
                _ => load_input(InputKind::PlainText, &text, Some("pasted text".to_string())),
            };
            finish.emit(result);
        })
    };
    let on_open_file = open_picker(&file_ref);
    let on_file = {
        let (finish, busy, on_files) = (finish.clone(), busy.clone(), props.on_files.clone());
        Callback::from(move |e: Event| {
            let files = take_files(&e);
            if files.is_empty() {
                return;
            }
            busy.set(true);
            on_files.emit((files, finish.clone()));
        })
    };
    let folder_ref = use_node_ref();
    let on_open_folder = open_picker(&folder_ref);
    {
        // `webkitdirectory` has no Yew attribute: set it on the element once it exists.
        let folder_ref = folder_ref.clone();
        use_effect_with((), move |_| {
            if let Some(input) = folder_ref.cast::<HtmlInputElement>() {
                input.set_webkitdirectory(true);
            }
        });
    }
    let import_ref = use_node_ref();
    let on_import_file = open_picker(&import_ref);
    let on_import = {
        let on_import = props.on_import.clone();
        let error = error.clone();
        Callback::from(move |e: Event| {
            let Some(file) = take_file(&e) else {
                return;
            };
            let on_import = on_import.clone();
            let error = error.clone();
            wasm_bindgen_futures::spawn_local(async move {
                match read_annotation_file(file).await {
                    Ok(candidates) => on_import.emit(candidates),
                    Err(message) => error.set(Some(message)),
                }
            });
        })
    };
    let on_url = bind_value(&url);
    let on_fetch = {
        let url = url.clone();
        let finish = finish.clone();
        let busy = busy.clone();
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            busy.set(true);
            let address = (*url).clone();
            let finish = finish.clone();
            wasm_bindgen_futures::spawn_local(async move { finish.emit(load_url(&address).await) });
        })
    };
    html! {
        <Modal title="Load article" title_id="ct-load-title" close_label="Cancel" wide={true} on_close={props.on_close.clone()}>
                if props.annotation_count > 0 {
                    <p class="ct-load__warning">
                        { format!("Loading replaces the open article and its {}. Export them first if you want to keep them.",
                            count_of(props.annotation_count, "annotation")) }
                    </p>
                }
                if let Some(message) = &*error {
                    <p class="ct-notice ct-notice--error" role="alert">{ message }</p>
                }
                <label class="ct-field">
                    <span>{ "Article text" }</span>
                    <textarea ref={text_ref} rows="10" value={(*text).clone()} onpaste={on_paste} oninput={on_text}
                        placeholder="Paste an article copied from a web page, or plain text" />
                </label>
                <div class="ct-editor__row">
                    <button class="ct-button ct-button--primary" disabled={text.trim().is_empty()} onclick={on_use_text}>{ "Use this text" }</button>
                    <button class="ct-button" onclick={on_open_file}>{ "Open files" }</button>
                    <input ref={file_ref} type="file" hidden=true multiple=true
                        accept=".txt,.md,.html,.htm,.json,.jsonl,.ndjson,.csv,.tsv,text/plain,text/html,text/csv,application/json"
                        onchange={on_file.clone()} aria-label="Article file" />
                    <button class="ct-button" onclick={on_open_folder}>{ "Open folder" }</button>
                    <input ref={folder_ref} type="file" hidden=true multiple=true onchange={on_file} aria-label="Article folder" />
                    <span class="ct-load__hint">{ "One article opens; several files, a folder or a corpus (JSONL, JSON, CSV, TSV — doccano and Label Studio too) go to the library. Or drop them anywhere on the page." }</span>
                </div>
                <form class="ct-editor__row" onsubmit={on_fetch}>
                    <label class="ct-field ct-field--inline">
                        <span>{ "Article URL" }</span>
                        <input type="url" value={(*url).clone()} oninput={on_url} placeholder="https://…" />
                    </label>
                    <button class="ct-button" type="submit" disabled={url.trim().is_empty()}>{ "Fetch" }</button>
                </form>
                <p class="ct-load__hint">{ "Fetching asks the site directly from your browser; nothing is fetched unless you press Fetch." }</p>
                <div class="ct-editor__row">
                    <button class="ct-button" onclick={on_import_file}>{ "Import annotations" }</button>
                    <input ref={import_ref} type="file" hidden=true accept=".json,.jsonl,.jsonld,application/json"
                        onchange={on_import} aria-label="Annotation file" />
                    <span class="ct-load__hint">{ "W3C Web Annotation, doccano JSONL or Label Studio JSON, placed onto the open article" }</span>
                </div>
                if *busy {
                    <p role="status">{ "Reading…" }</p>
                }
        </Modal>
    }
}

fn normalise_newlines(text: &str) -> String {
    text.replace("\r\n", "\n")
}

/// Keeps `state` equal to the value of the text area or input it is attached to.
fn bind_value(state: &UseStateHandle<String>) -> Callback<InputEvent> {
    let state = state.clone();
    Callback::from(move |e: InputEvent| {
        let value = e
            .target_dyn_into::<HtmlTextAreaElement>()
            .map(|area| area.value())
            .or_else(|| {
                e.target_dyn_into::<HtmlInputElement>()
                    .map(|input| input.value())
            });
        if let Some(value) = value {
            state.set(value);
        }
    })
}

/// A button's click that opens the (hidden) file input behind `input`.
fn open_picker(input: &NodeRef) -> Callback<MouseEvent> {
    let input = input.clone();
    Callback::from(move |_: MouseEvent| {
        if let Some(input) = input.cast::<HtmlInputElement>() {
            input.click();
        }
    })
}

/// The files chosen in a file input, which is then emptied so they can be chosen again.
fn take_files(event: &Event) -> Vec<(String, File)> {
    let Some(input) = event.target_dyn_into::<HtmlInputElement>() else {
        return Vec::new();
    };
    let files = input.files().map(|l| picked(&l)).unwrap_or_default();
    input.set_value("");
    files
}

/// The file chosen in a file input, which is then emptied so the same file can be chosen again.
fn take_file(event: &Event) -> Option<web_sys::File> {
    let input = event.target_dyn_into::<HtmlInputElement>()?;
    let file = input.files()?.get(0)?;
    input.set_value("");
    Some(file)
}
