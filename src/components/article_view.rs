//! The article: headline, date and byline, then its paragraphs with their highlights.

use std::rc::Rc;

use wasm_bindgen::JsCast;
use web_sys::Element;
use yew::prelude::*;

use crate::components::paragraph_view::ParagraphView;
use crate::model::layers::annotations_per_paragraph;
use crate::model::{AnnotationId, AnnotationSet, Article};

/// Props of [`ArticleView`].
#[derive(Properties, PartialEq)]
pub struct ArticleViewProps {
    /// The article.
    pub article: Rc<Article>,
    /// Its annotations.
    pub annotations: Rc<AnnotationSet>,
    /// The current annotation.
    pub selected: Option<AnnotationId>,
    /// Attached to the `<article>` element, where the selection is read.
    pub node_ref: NodeRef,
    /// Called when a click picks an annotation (or empty text: `None`).
    pub on_select: Callback<Option<AnnotationId>>,
}

/// The `<article>` landmark, named by its headline.
#[component]
pub fn ArticleView(props: &ArticleViewProps) -> Html {
    let article = &props.article;
    let per_paragraph = use_memo(
        (props.article.clone(), props.annotations.clone()),
        |(article, annotations)| {
            annotations_per_paragraph(article.paragraphs(), annotations.as_slice())
        },
    );
    let onclick = {
        let on_select = props.on_select.clone();
        Callback::from(move |event: MouseEvent| {
            if let Some(choice) = clicked_annotation(&event) {
                on_select.emit(choice);
            }
        })
    };
    let meta = &article.meta;
    html! {
        <article class="ct-article" aria-labelledby="ct-headline" ref={props.node_ref.clone()} onclick={onclick}>
            <header class="ct-article__header">
                <h1 id="ct-headline" class="ct-article__title">{ &meta.title }</h1>
                <p class="ct-article__meta">
                    if let Some(raw) = &meta.published_raw {
                        <time datetime={meta.published.clone()}>{ raw }</time>
                    }
                    if let Some(byline) = &meta.byline {
                        <span class="ct-article__byline">{ format!("By {byline}") }</span>
                    }
                </p>
            </header>
            { for article.paragraphs().iter().zip(per_paragraph.iter()).enumerate().map(|(i, (paragraph, layers))| {
                let selected = props.selected.filter(|id| layers.iter().any(|a| a.id == *id));
                html! {
                    <ParagraphView
                        key={i}
                        article={article.clone()}
                        paragraph={*paragraph}
                        layers={layers.clone()}
                        selected={selected}
                    />
                }
            }) }
        </article>
    }
}

/// What a plain click (not the end of a drag selection) points at: the innermost highlight under
/// the pointer, or `None` for unmarked text. A drag returns no choice at all.
fn clicked_annotation(event: &MouseEvent) -> Option<Option<AnnotationId>> {
    let dragged = web_sys::window()
        .and_then(|w| w.get_selection().ok().flatten())
        .is_some_and(|s| !s.is_collapsed());
    if dragged {
        return None;
    }
    let target = event.target()?.dyn_into::<Element>().ok()?;
    let mark = target.closest("mark[data-id]").ok().flatten();
    Some(mark.and_then(|m| {
        m.get_attribute("data-id")?
            .strip_prefix('a')?
            .parse()
            .ok()
            .map(AnnotationId)
    }))
}
