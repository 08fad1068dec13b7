//! One paragraph, cut into runs; each run is wrapped in one `<mark>` per annotation covering it,
//! outermost first, so nested and overlapping annotations stay visible. Search matches and the
//! sentence cursor are classes on the runs they cover, and so are waiting suggestions (dashed
//! outlines), which also carry `data-suggestion` so a click can pick one for review. Other
//! annotators' layers are coloured lines above the text (one per layer, with a tooltip), and
//! adjudication candidates are tinted by agreement and carry `data-item`.

use std::rc::Rc;

use yew::prelude::*;

use crate::model::adjudication::Agreement;
use crate::model::layers::{runs, CandidateMark, Layer, OtherMark, SuggestionLayer};
use crate::model::{AnnotationId, Article, Paragraph, ParagraphKind, Span};
use crate::services::selection::RUN_CLASS;

/// Deepest nesting that gets its own underline offset; deeper layers share the last one.
const MAX_LIFT: usize = 4;

/// Distinct layer colours in the style sheet (`--ct-layer-0` …); more layers reuse them.
pub const LAYER_COLOURS: usize = 6;

/// Props of [`ParagraphView`]: a paragraph re-renders only when these change.
#[derive(Properties, PartialEq)]
pub struct ParagraphViewProps {
    /// The article the paragraph belongs to.
    pub article: Rc<Article>,
    /// Which paragraph.
    pub paragraph: Paragraph,
    /// Annotations overlapping it, in document order.
    pub layers: Vec<Layer>,
    /// The current annotation, when it is one of `layers`.
    pub selected: Option<AnnotationId>,
    /// The sentence cursor, when it is in this paragraph.
    pub cursor: Option<Span>,
    /// Search matches in this paragraph.
    pub matches: Vec<Span>,
    /// The current search match, when it is in this paragraph.
    pub current_match: Option<Span>,
    /// Waiting suggestions overlapping this paragraph.
    #[prop_or_default]
    pub suggestions: Vec<SuggestionLayer>,
    /// The suggestion under review, when it is one of `suggestions`.
    #[prop_or_default]
    pub current_suggestion: Option<usize>,
    /// Other layers' annotations overlapping this paragraph (drawn as coloured lines above the
    /// text, one per layer).
    #[prop_or_default]
    pub others: Vec<OtherMark>,
    /// The names of the drawn layers, by [`OtherMark::layer`].
    #[prop_or_default]
    pub other_names: Rc<Vec<String>>,
    /// Adjudication candidates overlapping this paragraph.
    #[prop_or_default]
    pub candidates: Vec<CandidateMark>,
    /// The candidate looked at, when it is one of `candidates`.
    #[prop_or_default]
    pub current_item: Option<usize>,
}

/// A `<p>` whose text is a sequence of runs (see [`crate::services::selection`]).
#[component]
pub fn ParagraphView(props: &ParagraphViewProps) -> Html {
    let span = props.paragraph.span;
    let class = match props.paragraph.kind {
        ParagraphKind::Standfirst => "ct-paragraph ct-paragraph--standfirst",
        ParagraphKind::Heading => "ct-paragraph ct-paragraph--heading",
        ParagraphKind::Body => "ct-paragraph",
    };
    // extras[0] is the cursor (or an empty span), extras[1] the current match, then the matches.
    let mut extras = vec![
        props.cursor.unwrap_or_default(),
        props.current_match.unwrap_or_default(),
    ];
    extras.extend(props.matches.iter().copied());
    let first_suggestion = extras.len();
    extras.extend(props.suggestions.iter().map(|s| s.span));
    let first_other = extras.len();
    extras.extend(props.others.iter().map(|o| o.span));
    let first_candidate = extras.len();
    extras.extend(props.candidates.iter().map(|c| c.span));
    html! {
        <p class={class} dir="auto">
            { for runs(span, &props.layers, &extras).into_iter().map(|run| {
                let text = props.article.slice(run.span).unwrap_or_default().to_string();
                let covered = |i: usize| run.extras.contains(&i);
                let suggested: Vec<&SuggestionLayer> = run
                    .extras
                    .iter()
                    .filter_map(|&i| props.suggestions.get(i.checked_sub(first_suggestion)?))
                    .collect();
                let shown = suggested
                    .iter()
                    .find(|s| Some(s.index) == props.current_suggestion)
                    .or(suggested.first());
                let current = shown.filter(|s| Some(s.index) == props.current_suggestion);
                let others: Vec<&OtherMark> = run
                    .extras
                    .iter()
                    .filter(|&&i| i >= first_other && i < first_candidate)
                    .filter_map(|&i| props.others.get(i - first_other))
                    .collect();
                let candidate = run
                    .extras
                    .iter()
                    .filter_map(|&i| props.candidates.get(i.checked_sub(first_candidate)?))
                    .find(|c| Some(c.index) == props.current_item)
                    .or_else(|| {
                        run.extras
                            .iter()
                            .find_map(|&i| props.candidates.get(i.checked_sub(first_candidate)?))
                    });
                let looked_at = candidate.filter(|c| Some(c.index) == props.current_item);
                let run_class = classes!(
                    RUN_CLASS,
                    covered(0).then_some("ct-run--cursor"),
                    covered(1).then_some("ct-run--current-match"),
                    run.extras.iter().any(|&i| i >= 2 && i < first_suggestion).then_some("ct-run--match"),
                    shown.map(|s| format!("ct-run--suggested ct-run--suggested-{}", s.label.slug())),
                    shown.filter(|s| s.span.start == run.span.start).map(|_| "ct-run--suggestion-head"),
                    shown.filter(|s| s.span.end == run.span.end).map(|_| "ct-run--suggestion-tail"),
                    current.map(|_| "ct-run--suggestion-current"),
                    (!others.is_empty()).then_some("ct-run--others"),
                    candidate.map(|c| format!("ct-run--candidate ct-run--agree-{}", agreement_slug(c.agreement))),
                    candidate.filter(|c| !c.open).map(|_| "ct-run--decided"),
                    looked_at.map(|_| "ct-run--candidate-current"),
                );
                let (lines, who) = other_lines(&others, &props.other_names);
                let badge = current
                    .filter(|s| s.span.start == run.span.start)
                    .map(|s| format!("Suggested {}", s.label.name()));
                // `data-cp` is `RUN_OFFSET_ATTR`; the html! macro needs the name literally.
                let mut inner = html! {
                    <span
                        class={run_class}
                        data-cp={run.span.start.to_string()}
                        data-suggestion={shown.map(|s| s.index.to_string())}
                        data-item={candidate.map(|c| c.index.to_string())}
                        data-badge={badge}
                        style={lines}
                        title={who}
                    >{ text }</span>
                };
                let depth = run.layers.len();
                for (level, layer) in run.layers.iter().enumerate().rev() {
                    let head = layer.span.start == run.span.start;
                    inner = mark(layer, (depth - 1 - level).min(MAX_LIFT), head, props.selected, inner);
                }
                inner
            }) }
        </p>
    }
}

/// The class word of an agreement level.
fn agreement_slug(agreement: Agreement) -> &'static str {
    match agreement {
        Agreement::All => "all",
        Agreement::Some => "some",
        Agreement::One => "one",
    }
}

/// The lines above a run for the other layers covering it (one 3 px line per layer, in its
/// colour) and a tooltip naming who marked what.
fn other_lines(others: &[&OtherMark], names: &[String]) -> (Option<String>, Option<String>) {
    if others.is_empty() {
        return (None, None);
    }
    let mut layers: Vec<usize> = others.iter().map(|o| o.layer).collect();
    layers.sort_unstable();
    layers.dedup();
    let shadows: Vec<String> = layers
        .iter()
        .enumerate()
        .map(|(row, layer)| {
            format!(
                "inset 0 {}px 0 var(--ct-layer-{})",
                3 * (row + 1),
                layer % LAYER_COLOURS
            )
        })
        .collect();
    let who: Vec<String> = others
        .iter()
        .map(|o| {
            let name = names.get(o.layer).map_or("?", String::as_str);
            format!("{name}: {}", o.label.name())
        })
        .collect();
    (
        Some(format!("box-shadow: {}", shadows.join(", "))),
        Some(who.join(" · ")),
    )
}

/// Wraps `inner` in the highlight of `layer`; `lift` is how many layers lie inside it, so its
/// underline sits below theirs; `head` marks the first piece of the annotation, where the
/// selected annotation shows its label as a text badge.
fn mark(
    layer: &Layer,
    lift: usize,
    head: bool,
    selected: Option<AnnotationId>,
    inner: Html,
) -> Html {
    let label = layer.label;
    let class = classes!(
        "ct-mark",
        format!("ct-mark--{}", label.slug()),
        format!("ct-mark--lift-{lift}"),
        (selected == Some(layer.id)).then_some("ct-mark--selected"),
        head.then_some("ct-mark--head"),
    );
    html! {
        <mark
            class={class}
            data-id={layer.id.to_string()}
            data-label={label.slug()}
            data-start={layer.span.start.to_string()}
            data-end={layer.span.end.to_string()}
            title={format!("{} {}", label.name(), layer.id)}
        >
            { inner }
        </mark>
    }
}
