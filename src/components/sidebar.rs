//! The annotation list: every annotation in document order with its label and text.

use std::rc::Rc;

use yew::prelude::*;

use crate::model::{AnnotationId, AnnotationSet, Article, Label};

/// Longest excerpt shown per annotation, in characters.
const EXCERPT: usize = 180;

/// Props of [`Sidebar`].
#[derive(Properties, PartialEq)]
pub struct SidebarProps {
    /// The article the annotations point into.
    pub article: Rc<Article>,
    /// The annotations.
    pub annotations: Rc<AnnotationSet>,
    /// The current annotation.
    pub selected: Option<AnnotationId>,
    /// Called when an item is picked.
    pub on_select: Callback<Option<AnnotationId>>,
    /// Called when an item's delete button is pressed.
    pub on_delete: Callback<AnnotationId>,
}

/// An `<aside>` with counts per label and the list named "Annotations".
#[component]
pub fn Sidebar(props: &SidebarProps) -> Html {
    let count = |label: Label| {
        props
            .annotations
            .iter()
            .filter(|a| a.label == label)
            .count()
    };
    html! {
        <aside class="ct-sidebar" aria-labelledby="ct-annotations-heading">
            <h2 id="ct-annotations-heading" class="ct-sidebar__title">
                { "Annotations " }<span class="ct-sidebar__count">{ props.annotations.len() }</span>
            </h2>
            <p class="ct-sidebar__tally">
                { for Label::ALL.into_iter().map(|label| html! {
                    <span class={classes!("ct-badge", format!("ct-badge--{}", label.slug()))}>
                        { format!("{} {}", label.name(), count(label)) }
                    </span>
                }) }
            </p>
            if props.annotations.is_empty() {
                <p class="ct-sidebar__empty">
                    { "No annotations yet. Select words in the article, then press " }
                    <kbd>{ "F" }</kbd>{ ", " }<kbd>{ "A" }</kbd>{ " or " }<kbd>{ "Q" }</kbd>
                    { " (or click Fact, Allegation or Quote)." }
                </p>
            }
            <ul class="ct-list" aria-label="Annotations">
                { for props.annotations.iter().map(|annotation| {
                    let id = annotation.id;
                    let current = props.selected == Some(id);
                    let text = props.article.slice(annotation.span).unwrap_or_default();
                    let on_select = props.on_select.clone();
                    let on_delete = props.on_delete.clone();
                    html! {
                        <li key={id.0} class={classes!("ct-item", current.then_some("ct-item--current"))} data-id={id.to_string()}>
                            <button
                                class="ct-item__body"
                                aria-current={current.then_some("true")}
                                onclick={Callback::from(move |_| on_select.emit(Some(id)))}
                            >
                                <span class={classes!("ct-badge", format!("ct-badge--{}", annotation.label.slug()))}>
                                    { annotation.label.name() }
                                </span>
                                <span class="ct-item__text">{ excerpt(text) }</span>
                            </button>
                            <button
                                class="ct-button ct-button--quiet ct-item__delete"
                                aria-label="Delete annotation"
                                title={format!("Delete annotation {id}")}
                                onclick={Callback::from(move |_| on_delete.emit(id))}
                            >
                                { "×" }
                            </button>
                        </li>
                    }
                }) }
            </ul>
        </aside>
    }
}

/// `text` shortened to [`EXCERPT`] characters with an ellipsis, line breaks shown as spaces.
fn excerpt(text: &str) -> String {
    let flat: String = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if flat.chars().count() <= EXCERPT {
        flat
    } else {
        let mut short: String = flat.chars().take(EXCERPT - 1).collect();
        short.push('…');
        short
    }
}
