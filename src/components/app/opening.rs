//! What the app shows before start-up has read the library: the sample article as the first
//! state (shown only if the library takes too long), and the deadline for that.

use std::rc::Rc;

use gloo::timers::callback::Timeout;
use yew::prelude::*;

use crate::model::{Article, Metadata, ParagraphKind};
use crate::sample::sample_article;
use crate::services::tabs;
use crate::state::{AppState, Notice};

/// Milliseconds after which the sample article is shown even though start-up has not read the
/// library yet (a database held up by another tab's upgrade).
const OPENING_AT_MOST_MS: u32 = 2000;

/// True once [`OPENING_AT_MOST_MS`] have passed since the app started.
#[hook]
pub(super) fn use_opening_deadline() -> UseStateHandle<bool> {
    let waited = use_state(|| false);
    {
        let waited = waited.clone();
        use_effect_with((), move |_| {
            let timeout = Timeout::new(OPENING_AT_MOST_MS, move || waited.set(true));
            move || drop(timeout)
        });
    }
    waited
}

/// The sample article, or — should it ever fail to clean up — a one-line article saying so.
pub(super) fn initial_state() -> AppState {
    let mut state = match sample_article() {
        Ok(article) => AppState::new(article),
        Err(error) => {
            let message = format!("The sample article could not be opened: {error}");
            let article = Article::from_paragraphs(
                [(message.as_str(), ParagraphKind::Body)],
                Metadata {
                    title: "claimtag".to_string(),
                    ..Metadata::default()
                },
            );
            let mut state = AppState::new(article);
            Rc::make_mut(&mut state.view).notice = Some(Notice::error(message));
            state
        }
    };
    Rc::make_mut(&mut state.storage).tab = tabs::new_tab_id();
    state
}
