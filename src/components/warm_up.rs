//! Work done while the browser is idle after a document opens, so that the first key needing
//! it does not wait for it: the sentence index (about 30 ms at 100,000 words in the browser),
//! which Suggest, the sentence cursor and CSV export read. Every version of the document shares
//! the index of its article, so building it once serves them all.

use std::rc::Rc;

use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use yew::prelude::*;

use crate::state::AppState;

/// Builds the open article's sentence index when the browser is next idle.
#[hook]
pub fn use_idle_sentences(state: &UseReducerHandle<AppState>) {
    let document = state.document.clone();
    // The article's address: a new article (not an edit of this one) asks again.
    let article = Rc::as_ptr(&state.document.article) as usize;
    use_effect_with(article, move |_| {
        let build = Closure::once_into_js(move || {
            document.sentences();
        });
        // Without requestIdleCallback the index is built on first use, as before.
        if let Some(window) = web_sys::window() {
            let _ = window.request_idle_callback(build.unchecked_ref());
        }
    });
}
