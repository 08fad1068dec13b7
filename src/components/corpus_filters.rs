//! The corpus view's search, filters and sort: every control writes the list's filter or sort
//! into the corpus slice, which the list, its progress line and the Next-to-do queue all read.

use std::rc::Rc;

use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

use crate::components::text_search_box::TextSearchBox;
use crate::model::corpus::listing::{Filter, Sort, SortKey};
use crate::model::library::{DocStatus, DocSummary};
use crate::model::Label;
use crate::state::{Action, Corpus, CorpusAction};

/// Search, filters and sort.
pub fn filter_bar(
    corpus: &Corpus,
    rows: &[DocSummary],
    all: &Rc<Vec<String>>,
    dispatch: &Callback<Action>,
) -> Html {
    // A new query starts a new search: an earlier full-text search no longer applies.
    let on_query = on_filter(corpus, dispatch, input_value, |f, v| {
        f.query = v;
        f.text_hits = None;
    });
    let on_status = on_filter(corpus, dispatch, select_value, |f, v| {
        f.status = DocStatus::ALL.into_iter().find(|s| s.name() == v)
    });
    let on_label = on_filter(corpus, dispatch, select_value, |f, v| {
        f.label = Label::parse(&v)
    });
    let on_annotator = on_filter(corpus, dispatch, select_value, |f, v| {
        f.annotator = (!v.is_empty()).then_some(v)
    });
    let on_waiting = on_filter(corpus, dispatch, checked, |f, v| f.waiting = !v.is_empty());
    let sort = corpus.sort;
    let on_sort = {
        let dispatch = dispatch.clone();
        Callback::from(move |e: Event| {
            if let Some(key) = select_value(&e).as_deref().and_then(SortKey::parse) {
                dispatch.emit(
                    CorpusAction::Sort(Sort {
                        key,
                        descending: key.descends_by_default(),
                    })
                    .into(),
                );
            }
        })
    };
    let on_direction = {
        let dispatch = dispatch.clone();
        Callback::from(move |_: MouseEvent| {
            dispatch.emit(
                CorpusAction::Sort(Sort {
                    descending: !sort.descending,
                    ..sort
                })
                .into(),
            )
        })
    };
    let mut annotators: Vec<&String> = rows.iter().flat_map(|r| r.annotators.iter()).collect();
    annotators.sort();
    annotators.dedup();
    let f = &corpus.filter;
    html! {
        <div class="ct-corpus__filters" role="search" aria-label="Find documents">
            <input type="search" class="ct-corpus__search" aria-label="Search titles and sources"
                placeholder="Search titles and sources" value={f.query.clone()} oninput={on_query} />
            <TextSearchBox filter={f.clone()} all={all.clone()} dispatch={dispatch.clone()} />
            <select aria-label="Status filter" onchange={on_status}>
                <option value="" selected={f.status.is_none()}>{ "Any status" }</option>
                { for DocStatus::ALL.into_iter().map(|s| html! { <option value={s.name()} selected={f.status == Some(s)}>{ s.name() }</option> }) }
            </select>
            <select aria-label="Label filter" onchange={on_label}>
                <option value="" selected={f.label.is_none()}>{ "Any labels" }</option>
                { for Label::ALL.into_iter().map(|l| html! { <option value={l.id()} selected={f.label == Some(l)}>{ format!("Has {}", l.name()) }</option> }) }
            </select>
            <select aria-label="Annotator filter" onchange={on_annotator}>
                <option value="" selected={f.annotator.is_none()}>{ "Any annotator" }</option>
                { for annotators.into_iter().map(|a| html! { <option value={a.clone()} selected={f.annotator.as_ref() == Some(a)}>{ a }</option> }) }
            </select>
            <label class="ct-corpus__check">
                <input type="checkbox" checked={f.waiting} onchange={on_waiting} />
                { "Suggestions waiting" }
            </label>
            <label class="ct-corpus__sort">
                <span>{ "Sort by" }</span>
                <select aria-label="Sort by" onchange={on_sort}>
                    { for SortKey::ALL.into_iter().map(|k| html! { <option value={k.name()} selected={k == sort.key}>{ k.name() }</option> }) }
                </select>
            </label>
            <button class="ct-button ct-button--small" onclick={on_direction}
                aria-label={if sort.descending { "Descending; sort ascending" } else { "Ascending; sort descending" }}>
                { if sort.descending { "↓" } else { "↑" } }
            </button>
        </div>
    }
}

/// A callback that reads a value from an event and changes the list's filter with it.
fn on_filter<E: 'static>(
    corpus: &Corpus,
    dispatch: &Callback<Action>,
    read: fn(&E) -> Option<String>,
    change: fn(&mut Filter, String),
) -> Callback<E> {
    let (filter, dispatch) = (corpus.filter.clone(), dispatch.clone());
    Callback::from(move |e: E| {
        if let Some(value) = read(&e) {
            let mut next = filter.clone();
            change(&mut next, value);
            dispatch.emit(CorpusAction::Filter(next).into());
        }
    })
}

fn input_value(e: &InputEvent) -> Option<String> {
    e.target_dyn_into::<HtmlInputElement>().map(|i| i.value())
}

fn select_value(e: &Event) -> Option<String> {
    e.target_dyn_into::<HtmlSelectElement>().map(|s| s.value())
}

/// "on" for a ticked checkbox, "" for an unticked one.
fn checked(e: &Event) -> Option<String> {
    e.target_dyn_into::<HtmlInputElement>()
        .map(|i| if i.checked() { "on" } else { "" }.to_string())
}
