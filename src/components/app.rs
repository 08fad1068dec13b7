//! The root component: owns the state, listens for keyboard commands, lays out the page.

use gloo::events::{EventListener, EventListenerOptions};
use wasm_bindgen::JsCast;
use web_sys::{Element, KeyboardEvent};
use yew::prelude::*;

use crate::components::article_view::ArticleView;
use crate::components::label_toolbar::LabelToolbar;
use crate::components::notice_bar::NoticeBar;
use crate::components::sidebar::Sidebar;
use crate::model::format::native::{export_json, file_name};
use crate::model::{Article, Label, Metadata, ParagraphKind};
use crate::sample::sample_article;
use crate::services::{clock, download, selection};
use crate::state::{Action, AppState, Notice};

/// The whole app, opened on the built-in sample article.
#[component]
pub fn App() -> Html {
    let state = use_reducer(initial_state);
    let article_ref = use_node_ref();

    let on_tag = {
        let dispatch = state.dispatcher();
        let article_ref = article_ref.clone();
        Callback::from(move |label: Label| tag_selection(&article_ref, label, &dispatch))
    };
    let on_select = {
        let dispatch = state.dispatcher();
        Callback::from(move |id| dispatch.dispatch(Action::Select(id)))
    };
    let on_delete = {
        let dispatch = state.dispatcher();
        Callback::from(move |id| dispatch.dispatch(Action::Delete(id)))
    };
    let on_dismiss = {
        let dispatch = state.dispatcher();
        Callback::from(move |()| dispatch.dispatch(Action::DismissNotice))
    };
    let on_export = {
        let state = state.clone();
        Callback::from(move |_: MouseEvent| {
            let notice = export(&state.article, &state.annotations);
            state.dispatch(Action::Notify(notice));
        })
    };

    {
        let dispatch = state.dispatcher();
        let article_ref = article_ref.clone();
        let selected = state.selected;
        use_effect_with(selected, move |selected| {
            let selected = *selected;
            let listener = EventListener::new_with_options(
                &gloo::utils::document(),
                "keydown",
                EventListenerOptions::enable_prevent_default(),
                move |event| {
                    if let Some(event) = event.dyn_ref::<KeyboardEvent>() {
                        on_key(event, &article_ref, &dispatch, selected);
                    }
                },
            );
            move || drop(listener)
        });
    }

    html! {
        <div class="ct-app">
            <header class="ct-topbar">
                <span class="ct-topbar__brand">{ "claimtag" }</span>
                <LabelToolbar on_tag={on_tag} />
                <button class="ct-button ct-button--primary" onclick={on_export}>{ "Export JSON" }</button>
            </header>
            <NoticeBar notice={state.notice.clone()} on_dismiss={on_dismiss} />
            <main class="ct-main">
                <ArticleView
                    article={state.article.clone()}
                    annotations={state.annotations.clone()}
                    selected={state.selected}
                    node_ref={article_ref}
                    on_select={on_select.clone()}
                />
                <Sidebar
                    article={state.article.clone()}
                    annotations={state.annotations.clone()}
                    selected={state.selected}
                    on_select={on_select}
                    on_delete={on_delete}
                />
            </main>
        </div>
    }
}

/// The sample article, or — should it ever fail to clean up — a one-line article saying so.
fn initial_state() -> AppState {
    match sample_article() {
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
            state.notice = Some(Notice::error(message));
            state
        }
    }
}

/// Applies `label` to the current text selection inside the article.
fn tag_selection(article_ref: &NodeRef, label: Label, dispatch: &UseReducerDispatcher<AppState>) {
    let Some(root) = article_ref.cast::<Element>() else {
        return;
    };
    match selection::selected_span(&root) {
        Ok(Some(span)) => {
            dispatch.dispatch(Action::Tag { span, label });
            selection::clear_selection();
        }
        Ok(None) => dispatch.dispatch(Action::Notify(Notice::error(format!(
            "Select some words of the article first, then press {} to mark them as {}.",
            label.letter_key().to_ascii_uppercase(),
            label.name()
        )))),
        Err(error) => dispatch.dispatch(Action::Notify(Notice::error(error.to_string()))),
    }
}

/// Keyboard commands: F/A/Q or 1/2/3 tag the selection, Delete/Backspace delete the current
/// annotation, Escape clears the current annotation and the message.
fn on_key(
    event: &KeyboardEvent,
    article_ref: &NodeRef,
    dispatch: &UseReducerDispatcher<AppState>,
    selected: Option<crate::model::AnnotationId>,
) {
    if event.ctrl_key()
        || event.meta_key()
        || event.alt_key()
        || event.repeat()
        || typing_in_a_field(event)
    {
        return;
    }
    let key = event.key();
    if let Some(label) = Label::from_key(&key) {
        event.prevent_default();
        tag_selection(article_ref, label, dispatch);
    } else if key == "Delete" || key == "Backspace" {
        if let Some(id) = selected {
            event.prevent_default();
            dispatch.dispatch(Action::Delete(id));
        }
    } else if key == "Escape" {
        dispatch.dispatch(Action::Select(None));
        dispatch.dispatch(Action::DismissNotice);
    }
}

/// True when the key press belongs to a text field (so letters are typed, not commands).
fn typing_in_a_field(event: &KeyboardEvent) -> bool {
    event
        .target()
        .and_then(|t| t.dyn_into::<Element>().ok())
        .is_some_and(|el| {
            matches!(el.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT")
                || el.closest("[contenteditable]").ok().flatten().is_some()
        })
}

/// Builds the native export and offers it as a download; says how it went.
fn export(article: &Article, annotations: &crate::model::AnnotationSet) -> Notice {
    let json = match export_json(article, annotations, &clock::now_iso()) {
        Ok(json) => json,
        Err(error) => return Notice::error(format!("Export stopped: {error}. Nothing was saved.")),
    };
    let name = file_name(article);
    match download::download(&name, "application/json", &json) {
        Ok(()) => Notice::info(format!(
            "Exported {} annotation{} to {name}.",
            annotations.len(),
            if annotations.len() == 1 { "" } else { "s" }
        )),
        Err(error) => Notice::error(error.to_string()),
    }
}
