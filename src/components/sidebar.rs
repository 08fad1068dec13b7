//! The side panel: search in the article, label filter and counts, the editor of the current
//! annotation, and the list of annotations in document order.

use std::rc::Rc;

use web_sys::{HtmlInputElement, KeyboardEvent};
use yew::prelude::*;

use crate::components::annotation_editor::AnnotationEditor;
use crate::components::excerpt::excerpt;
use crate::components::layers_panel::LayersPanel;
use crate::components::suggestion_panel::SuggestionPanel;
use crate::model::{Annotation, Article, Label};
use crate::state::document::Mode;
use crate::state::{Action, AppState, DocumentAction, ViewAction};

/// Props of [`Sidebar`].
#[derive(Properties, PartialEq)]
pub struct SidebarProps {
    /// The whole state (the sidebar shows most of it).
    pub state: Rc<AppState>,
    /// Where actions go.
    pub dispatch: Callback<Action>,
    /// "Place at selection" was pressed for this orphan.
    pub on_place: Callback<usize>,
}

/// An `<aside>` with the search box, filter, editor and the list named "Annotations".
#[component]
pub fn Sidebar(props: &SidebarProps) -> Html {
    let shown = use_state(|| [true; 3]);
    let offset = use_state(|| 0usize);
    let state = &props.state;
    // Recomputed only when the annotations change, not on every render.
    let speakers = use_memo(state.document.annotations.clone(), |annotations| {
        annotations.speakers()
    });
    let count = |label: Label| {
        state
            .document
            .annotations
            .iter()
            .filter(|a| a.label == label)
            .count()
    };
    let dispatch = props.dispatch.clone();
    let send = move |action: Action| {
        let dispatch = dispatch.clone();
        Callback::from(move |_: MouseEvent| dispatch.emit(action.clone()))
    };
    let editor = state.selected_annotation().map(|a| {
        html! {
            <AnnotationEditor
                annotation={a.clone()}
                text={state.document.article.slice(a.span).unwrap_or_default().to_string()}
                speakers={(*speakers).clone()}
                focus={state.view.editing}
                dispatch={props.dispatch.clone()}
            />
        }
    });
    html! {
        <aside class="ct-sidebar" aria-labelledby="ct-annotations-heading">
            { search_box(state, &props.dispatch) }
            <LayersPanel state={state.clone()} dispatch={props.dispatch.clone()} />
            <SuggestionPanel
                article={state.document.article.clone()}
                annotations={state.document.annotations.clone()}
                current={state.view.suggestion}
                dispatch={props.dispatch.clone()}
            />
            <h2 id="ct-annotations-heading" class="ct-sidebar__title">
                { if state.document.mode == Mode::Adjudicate { "Gold annotations " } else { "Annotations " } }<span class="ct-sidebar__count">{ state.document.annotations.len() }</span>
            </h2>
            <div class="ct-sidebar__tally" role="group" aria-label="Show labels">
                { for Label::ALL.into_iter().map(|label| {
                    let on = shown[label.index()];
                    let shown = shown.clone();
                    html! {
                        <button
                            class={classes!("ct-badge", "ct-filter", format!("ct-badge--{}", label.slug()), (!on).then_some("ct-filter--off"))}
                            aria-pressed={on.to_string()}
                            title={format!("Show {} annotations in the list", label.name())}
                            onclick={Callback::from(move |_| {
                                let mut next = *shown;
                                next[label.index()] = !next[label.index()];
                                shown.set(next);
                            })}
                        >{ format!("{} {}", label.name(), count(label)) }</button>
                    }
                }) }
            </div>
            { editor.unwrap_or_default() }
            if !state.document.orphans.is_empty() {
                <section class="ct-orphans" aria-labelledby="ct-orphans-heading">
                    <h3 id="ct-orphans-heading" class="ct-details__title">{ format!("Not placed ({})", state.document.orphans.len()) }</h3>
                    <ul class="ct-list" aria-label="Not placed">
                        { for state.document.orphans.iter().enumerate().map(|(i, orphan)| {
                            let on_place = props.on_place.clone();
                            html! {
                                <li class="ct-item ct-orphan">
                                    <div class="ct-item__body">
                                        <span class={classes!("ct-badge", format!("ct-badge--{}", orphan.candidate.label.slug()))}>{ orphan.candidate.label.name() }</span>
                                        <span class="ct-item__text">{ excerpt(orphan.candidate.exact.as_deref().unwrap_or("(no quoted text)")) }</span>
                                        <span class="ct-item__speaker">{ &orphan.reason }</span>
                                        <div class="ct-editor__row">
                                            <button class="ct-button ct-button--small" onmousedown={Callback::from(|e: MouseEvent| e.prevent_default())}
                                                onclick={Callback::from(move |_| on_place.emit(i))}>{ "Place at selection" }</button>
                                            <button class="ct-button ct-button--small" onclick={send(DocumentAction::DropOrphan(i).into())}>{ "Drop" }</button>
                                        </div>
                                    </div>
                                </li>
                            }
                        }) }
                    </ul>
                </section>
            }
            if state.document.annotations.is_empty() {
                <p class="ct-sidebar__empty">
                    { "No annotations yet. Select words in the article (or move the sentence cursor with " }
                    <kbd>{ "J" }</kbd>{ "), then press " }
                    <kbd>{ "F" }</kbd>{ ", " }<kbd>{ "A" }</kbd>{ " or " }<kbd>{ "Q" }</kbd>{ "." }
                </p>
            }
            { annotation_list(state, &shown, &offset, &props.dispatch) }
        </aside>
    }
}

/// Most list items rendered at once: long lists show a window around the current annotation,
/// with buttons for the rest, so a change re-renders a few hundred items rather than thousands.
const LIST_WINDOW: usize = 200;

/// The list named "Annotations" (filtered by label), windowed around the current annotation.
fn annotation_list(
    state: &AppState,
    shown: &[bool; 3],
    offset: &UseStateHandle<usize>,
    dispatch: &Callback<Action>,
) -> Html {
    let items: Vec<&Annotation> = state
        .document
        .annotations
        .iter()
        .filter(|a| shown[a.label.index()])
        .collect();
    let current = state
        .view
        .selected
        .and_then(|id| items.iter().position(|a| a.id == id));
    let (start, end) = list_window(items.len(), **offset, current);
    let move_to = |to: usize| {
        let offset = offset.clone();
        Callback::from(move |_: MouseEvent| offset.set(to))
    };
    html! {
        <>
            if start > 0 {
                <button class="ct-button ct-button--small ct-list__more" onclick={move_to(start.saturating_sub(LIST_WINDOW))}>
                    { format!("Show earlier ({} before)", start) }
                </button>
            }
            <ul class="ct-list" aria-label="Annotations">
                { for items[start..end].iter().map(|annotation| html! {
                    <AnnotationItem
                        key={annotation.id.0}
                        annotation={(*annotation).clone()}
                        article={state.document.article.clone()}
                        current={state.view.selected == Some(annotation.id)}
                        dispatch={dispatch.clone()}
                    />
                }) }
            </ul>
            if end < items.len() {
                <button class="ct-button ct-button--small ct-list__more" onclick={move_to(end)}>
                    { format!("Show more ({} after)", items.len() - end) }
                </button>
            }
        </>
    }
}

/// The window `start..end` of a list of `len` items: from `offset`, unless the current item
/// lies outside it, in which case the window moves to show it.
fn list_window(len: usize, offset: usize, current: Option<usize>) -> (usize, usize) {
    let mut start = offset.min(len.saturating_sub(1));
    if let Some(pos) = current {
        if pos < start || pos >= start + LIST_WINDOW {
            start = pos.saturating_sub(LIST_WINDOW / 4);
        }
    }
    (start, (start + LIST_WINDOW).min(len))
}

/// Props of [`AnnotationItem`]: an item re-renders only when its own annotation changes.
#[derive(Properties, PartialEq)]
pub struct AnnotationItemProps {
    /// The annotation.
    pub annotation: Annotation,
    /// The article it points into.
    pub article: Rc<Article>,
    /// It is the current annotation.
    pub current: bool,
    /// Where actions go (a stable callback, so items stay memoized).
    pub dispatch: Callback<Action>,
}

/// One entry of the list: label, text, speaker, and a delete button.
#[component]
pub fn AnnotationItem(props: &AnnotationItemProps) -> Html {
    let annotation = &props.annotation;
    let id = annotation.id;
    let current = props.current;
    let text = props.article.slice(annotation.span).unwrap_or_default();
    let send = |action: Action| props.dispatch.reform(move |_: MouseEvent| action.clone());
    html! {
        <li class={classes!("ct-item", current.then_some("ct-item--current"))} data-id={id.to_string()}>
            <button class="ct-item__body" aria-current={current.then_some("true")} onclick={send(ViewAction::Select(Some(id)).into())}>
                <span class={classes!("ct-badge", format!("ct-badge--{}", annotation.label.slug()))}>
                    { annotation.label.name() }
                </span>
                <span class="ct-item__text">{ excerpt(text) }</span>
                if !annotation.speaker.is_empty() {
                    <span class="ct-item__speaker">{ format!("— {}", annotation.speaker) }</span>
                }
            </button>
            <button class="ct-button ct-button--quiet ct-item__delete" aria-label="Delete annotation"
                title={format!("Delete annotation {id}")} onclick={send(DocumentAction::Delete(id).into())}>
                { "×" }
            </button>
        </li>
    }
}

/// "Search article" with previous/next buttons and a match count.
fn search_box(state: &AppState, dispatch: &Callback<Action>) -> Html {
    let oninput = {
        let dispatch = dispatch.clone();
        Callback::from(move |e: InputEvent| {
            if let Some(input) = e.target_dyn_into::<HtmlInputElement>() {
                dispatch.emit(ViewAction::Search(input.value()).into());
            }
        })
    };
    let onkeydown = {
        let dispatch = dispatch.clone();
        Callback::from(move |e: KeyboardEvent| {
            if e.key() == "Enter" {
                e.prevent_default();
                dispatch.emit(ViewAction::StepMatch(if e.shift_key() { -1 } else { 1 }).into());
            }
        })
    };
    let step = |delta: isize| {
        let dispatch = dispatch.clone();
        Callback::from(move |_: MouseEvent| dispatch.emit(ViewAction::StepMatch(delta).into()))
    };
    let status = match (
        state.view.search.trim().is_empty(),
        state.view.current_match,
    ) {
        (true, _) => String::new(),
        (false, None) => "No matches".to_string(),
        (false, Some(i)) => format!("{} of {}", i + 1, state.view.matches.len()),
    };
    html! {
        <div class="ct-search" role="search">
            <input type="search" class="ct-search__input" aria-label="Search article" placeholder="Search article"
                value={state.view.search.clone()} oninput={oninput} onkeydown={onkeydown} />
            <button class="ct-button ct-button--small" aria-label="Previous match" onclick={step(-1)}>{ "↑" }</button>
            <button class="ct-button ct-button--small" aria-label="Next match" onclick={step(1)}>{ "↓" }</button>
            <span class="ct-search__status" aria-live="polite">{ status }</span>
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_list_window_follows_the_current_item() {
        assert_eq!(list_window(0, 0, None), (0, 0));
        assert_eq!(list_window(50, 0, Some(10)), (0, 50));
        assert_eq!(list_window(5000, 0, None), (0, LIST_WINDOW));
        assert_eq!(list_window(5000, 0, Some(1000)), (950, 950 + LIST_WINDOW));
        assert_eq!(list_window(5000, 950, Some(1100)), (950, 950 + LIST_WINDOW));
        assert_eq!(list_window(5000, 4990, None), (4990, 5000));
    }
}
