//! When the app panics: a banner that says so, with an "Export all now" link that still works.
//!
//! A panic in wasm leaves the Yew app dead (its state may be mid-update), so none of this goes
//! through Yew or waits for the wasm to run again. The app hands the open document to
//! [`remember`] after every change; the panic hook writes it, as JSON Lines, into a `blob:` URL
//! behind a plain `<a download>` link, so saving it needs no wasm at all. Then it tries to read
//! the stored library too and, if that works, widens the same link to every document.

use std::cell::RefCell;
use std::rc::Rc;

use wasm_bindgen::{JsCast, JsValue};

use crate::model::format::jsonl::corpus_jsonl;
use crate::model::{AnnotationSet, Article};
use crate::services::clock;
use crate::services::library::all_open_documents;

/// The file the rescue link saves.
const RESCUE_FILE: &str = "claimtag-rescue.jsonl";

thread_local! {
    /// The open document as last shown.
    static OPEN: RefCell<Option<(Rc<Article>, Rc<AnnotationSet>)>> = const { RefCell::new(None) };
}

/// Keeps the open document at hand for the panic hook (cheap: two reference counts).
pub fn remember(article: Rc<Article>, annotations: Rc<AnnotationSet>) {
    OPEN.with(|open| {
        if let Ok(mut open) = open.try_borrow_mut() {
            *open = Some((article, annotations));
        }
    });
}

/// Installs the panic hook (through Yew, which otherwise installs its own when it starts).
pub fn install() {
    yew::set_custom_panic_hook(Box::new(|info| {
        let message = info.to_string();
        web_sys::console::error_1(&JsValue::from_str(&format!("claimtag panicked: {message}")));
        let open = OPEN.with(|open| open.try_borrow().ok().and_then(|o| o.clone()));
        if let Err(error) = show_banner(&message, open) {
            web_sys::console::error_1(&error);
        }
    }));
}

/// The open document (if known) as JSON Lines.
fn open_jsonl(open: &Option<(Rc<Article>, Rc<AnnotationSet>)>) -> String {
    let documents: Vec<(Article, AnnotationSet)> = open
        .iter()
        .map(|(a, s)| ((**a).clone(), (**s).clone()))
        .collect();
    corpus_jsonl(&documents, &clock::now_iso()).unwrap_or_default()
}

/// An object URL for `contents` as a JSON Lines file.
fn blob_url(contents: &str) -> Result<String, JsValue> {
    let parts = js_sys::Array::of1(&JsValue::from_str(contents));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type("application/jsonl");
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options)?;
    web_sys::Url::create_object_url_with_blob(&blob)
}

/// Puts the banner at the top of the page (once) with the message and the rescue link.
fn show_banner(
    message: &str,
    open: Option<(Rc<Article>, Rc<AnnotationSet>)>,
) -> Result<(), JsValue> {
    let document = gloo::utils::document();
    if document.get_element_by_id("ct-crash").is_some() {
        return Ok(());
    }
    let body = document.body().ok_or("the page has no body")?;
    let banner = document.create_element("div")?;
    banner.set_id("ct-crash");
    banner.set_class_name("ct-crash");
    banner.set_attribute("role", "alert")?;
    let title = document.create_element("strong")?;
    title.set_text_content(Some("claimtag stopped because of an internal error. "));
    let text = document.create_element("span")?;
    let has_open = open.is_some();
    text.set_text_content(Some(&format!(
        "Your work up to the last save is safe in this browser{}. Export it now, then reload the page. Error: {message}",
        if has_open { ", and the open document is ready to export as it was" } else { "" }
    )));
    let link: web_sys::HtmlAnchorElement = document.create_element("a")?.unchecked_into();
    link.set_class_name("ct-button ct-button--primary");
    link.set_download(RESCUE_FILE);
    link.set_href(&blob_url(&open_jsonl(&open))?);
    link.set_text_content(Some("Export all now"));
    banner.append_child(&title)?;
    banner.append_child(&text)?;
    banner.append_child(&link)?;
    body.prepend_with_node_1(&banner)?;
    widen_to_library(link, open);
    Ok(())
}

/// Reads every stored document and points `link` at all of them, with the open document as it
/// was in memory in place of its stored copy. If the library cannot be read, the link keeps
/// offering the open document.
fn widen_to_library(
    link: web_sys::HtmlAnchorElement,
    open: Option<(Rc<Article>, Rc<AnnotationSet>)>,
) {
    wasm_bindgen_futures::spawn_local(async move {
        let Ok(mut documents) = all_open_documents().await else {
            return;
        };
        if let Some((article, annotations)) = &open {
            documents.retain(|(stored, _)| stored.text() != article.text());
            documents.push(((**article).clone(), (**annotations).clone()));
        }
        let Ok(jsonl) = corpus_jsonl(&documents, &clock::now_iso()) else {
            return;
        };
        if let Ok(url) = blob_url(&jsonl) {
            let old = link.href();
            link.set_href(&url);
            let _ = web_sys::Url::revoke_object_url(&old);
        }
    });
}
