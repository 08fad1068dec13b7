//! The article: headline, date and byline, then its paragraphs with their highlights, the
//! sentence cursor, search matches and suggestions; a picker when a click lands on several
//! annotations.

use std::rc::Rc;

use wasm_bindgen::JsCast;
use web_sys::{Element, ScrollIntoViewOptions, ScrollLogicalPosition};
use yew::prelude::*;

use crate::components::paragraph_view::ParagraphView;
use crate::model::layers::{
    annotations_per_paragraph, spans_per_paragraph, suggestions_per_paragraph, CandidateMark,
    OtherMark,
};
use crate::model::{AnnotationId, AnnotationSet, Article, Label, Span};
use crate::services::selection::caret_cp;

/// Props of [`ArticleView`].
#[derive(Properties, PartialEq)]
pub struct ArticleViewProps {
    /// The article.
    pub article: Rc<Article>,
    /// Its annotations.
    pub annotations: Rc<AnnotationSet>,
    /// The current annotation.
    pub selected: Option<AnnotationId>,
    /// The sentence under the cursor.
    #[prop_or_default]
    pub cursor: Option<Span>,
    /// Search matches.
    #[prop_or_default]
    pub matches: Rc<Vec<Span>>,
    /// The current search match.
    #[prop_or_default]
    pub current_match: Option<Span>,
    /// Attached to the `<article>` element, where the selection is read.
    pub node_ref: NodeRef,
    /// Called when a click picks an annotation (or empty text: `None`).
    pub on_select: Callback<Option<AnnotationId>>,
    /// The suggestion under review.
    #[prop_or_default]
    pub current_suggestion: Option<usize>,
    /// Called when a click lands on a waiting suggestion (its index), to review it.
    #[prop_or_default]
    pub on_review: Callback<usize>,
    /// Called with the code point under an Alt+click (to put the sentence cursor there).
    #[prop_or_default]
    pub on_sentence_at: Callback<usize>,
    /// Shown under the headline (the details panel).
    /// Other layers' marks per paragraph (see [`crate::model::layers::others_per_paragraph`]).
    #[prop_or_default]
    pub others: Rc<Vec<Vec<OtherMark>>>,
    /// The drawn layers' names, by [`OtherMark::layer`].
    #[prop_or_default]
    pub other_names: Rc<Vec<String>>,
    /// Adjudication candidates per paragraph.
    #[prop_or_default]
    pub candidates: Rc<Vec<Vec<CandidateMark>>>,
    /// The candidate looked at.
    #[prop_or_default]
    pub current_item: Option<usize>,
    /// A candidate was clicked.
    #[prop_or_default]
    pub on_item: Callback<usize>,
    #[prop_or_default]
    pub children: Html,
}

/// Annotations under a click, innermost last, offered for picking.
#[derive(Clone, PartialEq)]
struct Picker {
    ids: Vec<(AnnotationId, Label)>,
    top: i32,
    left: i32,
}

/// The `<article>` landmark, named by its headline.
#[component]
pub fn ArticleView(props: &ArticleViewProps) -> Html {
    let article = &props.article;
    let picker = use_state(|| None::<Picker>);
    let per_paragraph = use_memo(
        (props.article.clone(), props.annotations.clone()),
        |(article, annotations)| {
            annotations_per_paragraph(article.paragraphs(), annotations.as_slice())
        },
    );
    let matches_per_paragraph = use_memo(
        (props.article.clone(), props.matches.clone()),
        |(article, matches)| spans_per_paragraph(article.paragraphs(), matches),
    );
    let suggestions_per = use_memo(
        (props.article.clone(), props.annotations.clone()),
        |(article, annotations)| {
            suggestions_per_paragraph(article.paragraphs(), annotations.suggestions())
        },
    );
    use_scroll_to_focus(
        props.selected,
        props.cursor,
        props.current_match,
        props.current_suggestion,
        props.current_item,
    );

    let onclick = {
        let on_select = props.on_select.clone();
        let on_sentence_at = props.on_sentence_at.clone();
        let on_review = props.on_review.clone();
        let on_item = props.on_item.clone();
        let picker = picker.clone();
        Callback::from(move |event: MouseEvent| {
            if event.alt_key() {
                event.prevent_default();
                if let Some(cp) = caret_cp(event.client_x() as f32, event.client_y() as f32) {
                    on_sentence_at.emit(cp);
                }
                return;
            }
            let Some(stack) = clicked_stack(&event) else {
                return;
            };
            if let Some(index) = clicked_data(&event, "data-suggestion") {
                picker.set(None);
                on_review.emit(index);
                return;
            }
            if stack.is_empty() {
                if let Some(index) = clicked_data(&event, "data-item") {
                    picker.set(None);
                    on_item.emit(index);
                    return;
                }
            }
            on_select.emit(stack.last().map(|(id, _)| *id));
            picker.set((stack.len() > 1).then(|| Picker {
                ids: stack,
                top: event.page_y() + 8,
                left: event.page_x(),
            }));
        })
    };
    let meta = &article.meta;
    let overlaps = |span: Option<Span>, p: Span| {
        span.filter(|s| s.overlaps(p) || (s.is_empty() && p.contains(*s)))
    };
    html! {
        <article class="ct-article" aria-labelledby="ct-headline" lang={meta.language.clone()} ref={props.node_ref.clone()} onclick={onclick}>
            <header class="ct-article__header">
                <h1 id="ct-headline" class="ct-article__title">{ &meta.title }</h1>
                <p class="ct-article__meta">
                    if let Some(raw) = &meta.published_raw {
                        <time datetime={meta.published.clone()}>{ raw }</time>
                    }
                    if let Some(byline) = &meta.byline {
                        <span class="ct-article__byline">{ format!("By {byline}") }</span>
                    }
                    if let Some(site) = &meta.site_name {
                        <span class="ct-article__site">{ site }</span>
                    }
                </p>
                { props.children.clone() }
            </header>
            { for article.paragraphs().iter().enumerate().map(|(i, paragraph)| {
                let layers = per_paragraph.get(i).cloned().unwrap_or_default();
                let selected = props.selected.filter(|id| layers.iter().any(|a| a.id == *id));
                let suggestions = suggestions_per.get(i).cloned().unwrap_or_default();
                let candidates = props.candidates.get(i).cloned().unwrap_or_default();
                html! {
                    <ParagraphView
                        key={i}
                        article={article.clone()}
                        paragraph={*paragraph}
                        layers={layers}
                        selected={selected}
                        cursor={overlaps(props.cursor, paragraph.span)}
                        matches={matches_per_paragraph.get(i).cloned().unwrap_or_default()}
                        current_match={overlaps(props.current_match, paragraph.span)}
                        suggestions={suggestions.clone()}
                        current_suggestion={props.current_suggestion.filter(|i| suggestions.iter().any(|s| s.index == *i))}
                        others={props.others.get(i).cloned().unwrap_or_default()}
                        other_names={props.other_names.clone()}
                        candidates={candidates.clone()}
                        current_item={props.current_item.filter(|i| candidates.iter().any(|c| c.index == *i))}
                    />
                }
            }) }
            if let Some(open) = &*picker {
                { picker_menu(open, &props.on_select, &picker) }
            }
        </article>
    }
}

/// The "which annotation?" menu shown where a click hit several nested annotations.
fn picker_menu(
    open: &Picker,
    on_select: &Callback<Option<AnnotationId>>,
    picker: &UseStateHandle<Option<Picker>>,
) -> Html {
    html! {
        <div class="ct-picker" role="menu" aria-label="Annotations here"
             style={format!("top: {}px; left: {}px", open.top, open.left)}
             onclick={Callback::from(|e: MouseEvent| e.stop_propagation())}>
            <p class="ct-picker__title">{ "Annotations here" }</p>
            { for open.ids.iter().rev().map(|(id, label)| {
                let on_select = on_select.clone();
                let picker = picker.clone();
                let id = *id;
                html! {
                    <button role="menuitem" class="ct-picker__item" onclick={Callback::from(move |_| {
                        on_select.emit(Some(id));
                        picker.set(None);
                    })}>
                        <span class={classes!("ct-badge", format!("ct-badge--{}", label.slug()))}>{ label.name() }</span>
                        { format!(" {id}") }
                    </button>
                }
            }) }
            <button class="ct-button ct-button--quiet" onclick={
                let picker = picker.clone();
                Callback::from(move |_| picker.set(None))
            }>{ "Close" }</button>
        </div>
    }
}

/// Keeps the suggestion or candidate looked at, the current annotation, cursor sentence or
/// search match on screen.
#[hook]
fn use_scroll_to_focus(
    selected: Option<AnnotationId>,
    cursor: Option<Span>,
    current_match: Option<Span>,
    current_suggestion: Option<usize>,
    current_item: Option<usize>,
) {
    use_effect_with(
        (
            selected,
            cursor,
            current_match,
            current_suggestion,
            current_item,
        ),
        |(selected, cursor, current_match, current_suggestion, current_item)| {
            let selector = match (current_suggestion, selected, current_match, cursor) {
                (Some(_), _, _, _) => Some(".ct-run--suggestion-current".to_string()),
                _ if current_item.is_some() => Some(".ct-run--candidate-current".to_string()),
                (None, Some(id), _, _) => Some(format!("mark[data-id='{id}']")),
                (None, None, Some(_), _) => Some(".ct-run--current-match".to_string()),
                (None, None, None, Some(_)) => Some(".ct-run--cursor".to_string()),
                _ => None,
            };
            if let Some(element) =
                selector.and_then(|s| gloo::utils::document().query_selector(&s).ok().flatten())
            {
                let options = ScrollIntoViewOptions::new();
                options.set_block(ScrollLogicalPosition::Nearest);
                element.scroll_into_view_with_scroll_into_view_options(&options);
            }
        },
    );
}

/// The waiting suggestion under a click, if the click landed on one.
fn clicked_data(event: &MouseEvent, attribute: &str) -> Option<usize> {
    let target = event.target()?.dyn_into::<Element>().ok()?;
    let run = target.closest(&format!("[{attribute}]")).ok().flatten()?;
    run.get_attribute(attribute)?.parse().ok()
}

/// What a plain click (not the end of a drag selection) points at: the highlights under the
/// pointer, outermost first (empty for unmarked text). A drag returns `None`.
fn clicked_stack(event: &MouseEvent) -> Option<Vec<(AnnotationId, Label)>> {
    let dragged = web_sys::window()
        .and_then(|w| w.get_selection().ok().flatten())
        .is_some_and(|s| !s.is_collapsed());
    if dragged {
        return None;
    }
    let mut element = event.target()?.dyn_into::<Element>().ok();
    let mut stack = Vec::new();
    while let Some(el) = element {
        if el.tag_name() == "ARTICLE" {
            break;
        }
        if el.tag_name() == "MARK" {
            let id = el
                .get_attribute("data-id")
                .and_then(|v| v.strip_prefix('a')?.parse().ok());
            let slug = el.get_attribute("data-label").unwrap_or_default();
            let label = Label::parse(&slug);
            if let (Some(id), Some(label)) = (id, label) {
                stack.push((AnnotationId(id), label));
            }
        }
        element = el.parent_element();
    }
    stack.reverse();
    Some(stack)
}
