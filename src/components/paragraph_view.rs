//! One paragraph, cut into runs; each run is wrapped in one `<mark>` per annotation covering it,
//! outermost first, so nested and overlapping annotations stay visible.

use std::rc::Rc;

use yew::prelude::*;

use crate::model::layers::runs;
use crate::model::{Annotation, AnnotationId, Article, Paragraph, ParagraphKind};
use crate::services::selection::RUN_CLASS;

/// Deepest nesting that gets its own underline offset; deeper layers share the last one.
const MAX_LIFT: usize = 4;

/// Props of [`ParagraphView`]: a paragraph re-renders only when these change.
#[derive(Properties, PartialEq)]
pub struct ParagraphViewProps {
    /// The article the paragraph belongs to.
    pub article: Rc<Article>,
    /// Which paragraph.
    pub paragraph: Paragraph,
    /// Annotations overlapping it, in document order.
    pub layers: Vec<Annotation>,
    /// The current annotation, when it is one of `layers`.
    pub selected: Option<AnnotationId>,
}

/// A `<p>` whose text is a sequence of runs (see [`crate::services::selection`]).
#[component]
pub fn ParagraphView(props: &ParagraphViewProps) -> Html {
    let span = props.paragraph.span;
    let class = match props.paragraph.kind {
        ParagraphKind::Standfirst => "ct-paragraph ct-paragraph--standfirst",
        ParagraphKind::Body => "ct-paragraph",
    };
    html! {
        <p class={class} data-start={span.start.to_string()} data-end={span.end.to_string()}>
            { for runs(span, &props.layers).into_iter().map(|run| {
                let text = props.article.slice(run.span).unwrap_or_default().to_string();
                let mut inner = html! {
                    // `data-cp` is `RUN_OFFSET_ATTR`; the html! macro needs the name literally.
                    <span class={RUN_CLASS} data-cp={run.span.start.to_string()}>{ text }</span>
                };
                let depth = run.layers.len();
                for (level, annotation) in run.layers.iter().enumerate().rev() {
                    inner = mark(annotation, (depth - 1 - level).min(MAX_LIFT), props.selected, inner);
                }
                inner
            }) }
        </p>
    }
}

/// Wraps `inner` in the highlight of `annotation`; `lift` is how many layers lie inside it, so
/// its underline sits below theirs.
fn mark(annotation: &Annotation, lift: usize, selected: Option<AnnotationId>, inner: Html) -> Html {
    let label = annotation.label;
    let class = classes!(
        "ct-mark",
        format!("ct-mark--{}", label.slug()),
        format!("ct-mark--lift-{lift}"),
        (selected == Some(annotation.id)).then_some("ct-mark--selected"),
    );
    html! {
        <mark
            class={class}
            data-id={annotation.id.to_string()}
            data-label={label.slug()}
            data-start={annotation.span.start.to_string()}
            data-end={annotation.span.end.to_string()}
            title={format!("{} {}", label.name(), annotation.id)}
        >
            { inner }
        </mark>
    }
}
