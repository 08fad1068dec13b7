//! The corpus view's "Search the text too": runs the full-text search over the library with
//! its progress, then narrows the list to the documents whose text holds the words (shown as a
//! removable chip).

use std::rc::Rc;

use yew::prelude::*;

use crate::model::corpus::listing::{thousands, Filter};
use crate::services::text_search::search_text;
use crate::state::{Action, CorpusAction, Notice, ViewAction};

/// Props of [`TextSearchBox`].
#[derive(Properties, PartialEq)]
pub struct TextSearchBoxProps {
    /// The list's filter (its query is what is searched for).
    pub filter: Filter,
    /// Every document not in the trash.
    pub all: Rc<Vec<String>>,
    /// Where actions go.
    pub dispatch: Callback<Action>,
}

/// The button, the search's progress, or the chip of its result.
#[component]
pub fn TextSearchBox(props: &TextSearchBoxProps) -> Html {
    let progress = use_state(|| None::<(usize, usize)>);
    let searched = use_state(String::new);
    let dispatch = props.dispatch.clone();
    if let Some((done, total)) = *progress {
        return html! {
            <span class="ct-load__hint" role="status">
                { format!("Searching the text… {} of {}", thousands(done), thousands(total)) }
            </span>
        };
    }
    if let Some(hits) = &props.filter.text_hits {
        let on_clear = {
            let (filter, dispatch) = (props.filter.clone(), dispatch.clone());
            Callback::from(move |_: MouseEvent| {
                dispatch.emit(
                    CorpusAction::Filter(Filter {
                        text_hits: None,
                        ..filter.clone()
                    })
                    .into(),
                )
            })
        };
        return html! {
            <button class="ct-button ct-button--small" onclick={on_clear}
                aria-label={format!("Text holds “{}”: {} documents. Clear", *searched, hits.len())}>
                { format!("Text holds “{}” ({}) ×", *searched, thousands(hits.len())) }
            </button>
        };
    }
    let on_search = {
        let (filter, all, dispatch) = (props.filter.clone(), props.all.clone(), dispatch.clone());
        let (progress, searched) = (progress.clone(), searched.clone());
        Callback::from(move |_: MouseEvent| {
            let query = filter.query.trim().to_string();
            if query.is_empty() {
                return;
            }
            let (filter, all, dispatch) = (filter.clone(), all.clone(), dispatch.clone());
            let (progress, searched) = (progress.clone(), searched.clone());
            progress.set(Some((0, all.len())));
            wasm_bindgen_futures::spawn_local(async move {
                let report = {
                    let progress = progress.clone();
                    Callback::from(move |p| progress.set(Some(p)))
                };
                let found = search_text(&query, &all, report).await;
                progress.set(None);
                match found {
                    Ok(hits) => {
                        searched.set(query);
                        dispatch.emit(
                            CorpusAction::Filter(Filter {
                                query: String::new(),
                                text_hits: Some(hits),
                                ..filter
                            })
                            .into(),
                        );
                    }
                    Err(error) => dispatch.emit(
                        ViewAction::Notify(Notice::error(format!(
                            "The text could not be searched: {error}"
                        )))
                        .into(),
                    ),
                }
            });
        })
    };
    html! {
        <button class="ct-button ct-button--small" disabled={props.filter.query.trim().is_empty()} onclick={on_search}>
            { "Search the text too" }
        </button>
    }
}
