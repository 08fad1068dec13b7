//! The layers panel: the document's layers (one's own and other annotators', each with its
//! colour and a show/hide toggle), the Adjudicate switch, and while adjudicating the progress,
//! "Accept all unanimous" and the candidates in document order — the one looked at with every
//! annotator's version and buttons for what Y, N and 1–9 do.

use std::rc::Rc;

use yew::prelude::*;

use crate::components::excerpt::excerpt;
use crate::components::layer_marks::layer_names;
use crate::components::paragraph_view::LAYER_COLOURS;
use crate::model::adjudication::{progress, resolution, Agreement, Item, Progress, Resolution};
use crate::model::Article;
use crate::state::document::{progress_text, Mode};
use crate::state::{Action, AppState, Dialog, DocumentAction, ViewAction};

/// Props of [`LayersPanel`].
#[derive(Properties, PartialEq)]
pub struct LayersPanelProps {
    /// The whole state.
    pub state: Rc<AppState>,
    /// Where actions go.
    pub dispatch: Callback<Action>,
}

/// A `<section>` named "Layers"; nothing when the document has no other annotator's layer.
#[component]
pub fn LayersPanel(props: &LayersPanelProps) -> Html {
    let state = &props.state;
    let document = &state.document;
    // Once per change of the candidates or the gold layer, not per render.
    let decided = use_memo(
        (document.items.clone(), document.gold().clone()),
        |(items, gold)| {
            let statuses: Vec<Resolution> =
                items.iter().map(|item| resolution(item, gold)).collect();
            (statuses, progress(items, gold))
        },
    );
    let adjudicating = document.mode == Mode::Adjudicate;
    if document.layers.is_empty() && !adjudicating {
        return html! {};
    }
    let names = layer_names(&state.storage.annotator, &document.layers);
    let hidden = &state.view.hidden_layers;
    let dispatch = props.dispatch.clone();
    let send = move |action: Action| {
        let dispatch = dispatch.clone();
        Callback::from(move |_: MouseEvent| dispatch.emit(action.clone()))
    };
    let counts: Vec<usize> = std::iter::once(document.own().len())
        .chain(document.layers.iter().map(|l| l.annotations.len()))
        .collect();
    html! {
        <section class="ct-layers" aria-labelledby="ct-layers-heading">
            <h2 id="ct-layers-heading" class="ct-sidebar__title">{ "Layers" }</h2>
            <div class="ct-layers__chips" role="group" aria-label="Show layers">
                { for names.iter().enumerate().map(|(i, name)| {
                    let own = i == 0;
                    // One's own layer is the edited one while annotating: drawn as highlights.
                    let toggles = !own || adjudicating;
                    let on = !hidden.contains(name);
                    let swatch = html! { <span class={classes!("ct-swatch", format!("ct-swatch--{}", i % LAYER_COLOURS))} aria-hidden="true"></span> };
                    let text = format!("{}{} · {}", name, if own { " (you)" } else { "" }, counts[i]);
                    if toggles {
                        html! {
                            <button class={classes!("ct-chip", (!on).then_some("ct-chip--off"))}
                                aria-pressed={on.to_string()}
                                title={format!("Show {name}'s annotations as coloured lines above the text")}
                                onclick={send(ViewAction::ToggleLayer(name.clone()).into())}>
                                { swatch }{ text }
                            </button>
                        }
                    } else {
                        html! { <span class="ct-chip ct-chip--edited" title="Your layer: the highlights you edit">{ text }</span> }
                    }
                }) }
            </div>
            if adjudicating {
                { adjudication(state, &decided.0, &decided.1, &names, &props.dispatch) }
            } else {
                <div class="ct-editor__row">
                    <button class="ct-button" onclick={send(DocumentAction::Adjudicate(true).into())}
                        title="Make a gold layer from every layer's spans">{ "Adjudicate" }</button>
                    <button class="ct-button" onclick={send(ViewAction::ShowDialog(Some(Dialog::Agreement)).into())}>
                        { "Agreement…" }
                    </button>
                </div>
            }
        </section>
    }
}

/// The adjudication part: progress, the bulk action, the candidates.
fn adjudication(
    state: &AppState,
    statuses: &[Resolution],
    progress: &Progress,
    names: &[String],
    dispatch: &Callback<Action>,
) -> Html {
    let document = &state.document;
    let send = |action: Action| {
        let dispatch = dispatch.clone();
        Callback::from(move |_: MouseEvent| dispatch.emit(action.clone()))
    };
    let percent = match progress.disagreements {
        0 => 100.0,
        n => 100.0 * progress.resolved as f64 / n as f64,
    };
    let shown: Vec<usize> = (0..document.items.len())
        .filter(|&i| !document.items[i].is_unanimous() || Some(i) == state.view.item)
        .collect();
    html! {
        <div class="ct-adjudicate">
            <p class="ct-adjudicate__progress" id="ct-adjudicate-progress">
                { progress_text(progress) }
                if progress.unanimous_open > 0 {
                    { format!(" · {} unanimous waiting", progress.unanimous_open) }
                }
            </p>
            <progress class="ct-progress" max="100" value={format!("{percent:.0}")}
                aria-labelledby="ct-adjudicate-progress"></progress>
            <div class="ct-editor__row">
                <button class="ct-button ct-button--primary" disabled={progress.unanimous_open == 0}
                    onclick={send(DocumentAction::AcceptUnanimous.into())}>
                    { format!("Accept all unanimous ({})", progress.unanimous_open) }<kbd>{ "U" }</kbd>
                </button>
                <button class="ct-button" onclick={send(DocumentAction::Adjudicate(false).into())}>
                    { "Stop adjudicating" }
                </button>
            </div>
            <ol class="ct-list ct-candidates" aria-label="Disagreements">
                { for shown.iter().map(|&i| {
                    let item = &document.items[i];
                    let current = Some(i) == state.view.item;
                    html! {
                        <CandidateRow
                            key={i}
                            index={i}
                            item={item.clone()}
                            status={statuses.get(i).cloned().unwrap_or(Resolution::Open)}
                            current={current}
                            article={document.article.clone()}
                            names={Rc::new(if current { names.to_vec() } else { Vec::new() })}
                            dispatch={dispatch.clone()}
                        />
                    }
                }) }
            </ol>
            if shown.is_empty() {
                <p class="ct-sidebar__empty">{ "No disagreements: every layer agrees on every span." }</p>
            }
        </div>
    }
}

/// Props of [`CandidateRow`]: a row re-renders only when these change.
#[derive(Properties, PartialEq)]
struct CandidateRowProps {
    index: usize,
    item: Item,
    status: Resolution,
    current: bool,
    article: Rc<Article>,
    /// The layers' names by number (only for the candidate looked at).
    names: Rc<Vec<String>>,
    dispatch: Callback<Action>,
}

/// One candidate: agreement, label, text and status; the one looked at lists its versions.
#[component]
fn CandidateRow(props: &CandidateRowProps) -> Html {
    let item = &props.item;
    let index = props.index;
    let send = |action: Action| {
        let dispatch = props.dispatch.clone();
        Callback::from(move |_: MouseEvent| dispatch.emit(action.clone()))
    };
    let (agreement, agreement_text) = match item.agreement() {
        Agreement::All => ("all", "All agree"),
        Agreement::Some => ("some", "Some agree"),
        Agreement::One => ("one", "One annotator"),
    };
    let status = match props.status {
        Resolution::Open => "Open",
        Resolution::Accepted(_) => "Accepted",
        Resolution::Rejected => "Rejected",
    };
    let best = &item.versions[item.best().min(item.versions.len().saturating_sub(1))];
    let text = excerpt(props.article.slice(item.extent).unwrap_or_default());
    html! {
        <li class={classes!("ct-item", "ct-candidate", props.current.then_some("ct-candidate--current"))}
            aria-current={props.current.then_some("true")}>
            <button class="ct-item__body ct-candidate__head" onclick={send(ViewAction::Item(Some(index)).into())}>
                <span class={classes!("ct-agree", format!("ct-agree--{agreement}"))}>{ agreement_text }</span>
                <span class={classes!("ct-badge", format!("ct-badge--{}", best.label.slug()))}>{ best.label.name() }</span>
                <span class={classes!("ct-candidate__status", format!("ct-candidate__status--{}", status.to_lowercase()))}>{ status }</span>
                <span class="ct-item__text">{ text }</span>
            </button>
            if props.current {
                <ul class="ct-versions" aria-label="Versions">
                    { for props.names.iter().enumerate().filter_map(|(n, name)| {
                        let v = item.version_of(name)?;
                        let version = &item.versions[v];
                        let words = excerpt(props.article.slice(version.span).unwrap_or_default());
                        Some(html! {
                            <li class="ct-version">
                                <span class={classes!("ct-swatch", format!("ct-swatch--{}", layer_colour(&props.names, name)))} aria-hidden="true"></span>
                                <span class="ct-version__who">{ format!("{} {name}", n + 1) }</span>
                                <span class={classes!("ct-badge", format!("ct-badge--{}", version.label.slug()))}>{ version.label.name() }</span>
                                <span class="ct-version__span">{ format!("{}–{}", version.span.start, version.span.end) }</span>
                                <span class="ct-version__text">{ words }</span>
                                if !version.speaker.is_empty() {
                                    <span class="ct-item__speaker">{ format!("Speaker: {}", version.speaker) }</span>
                                }
                                <button class="ct-button ct-button--small"
                                    onclick={send(DocumentAction::AcceptItem { item: index, version: Some(v) }.into())}>
                                    { format!("Take {name}'s") }<kbd>{ (n + 1).to_string() }</kbd>
                                </button>
                            </li>
                        })
                    }) }
                </ul>
                <div class="ct-editor__row">
                    <button class="ct-button ct-button--primary"
                        onclick={send(DocumentAction::AcceptItem { item: index, version: None }.into())}>
                        { "Accept" }<kbd>{ "Y" }</kbd>
                    </button>
                    <button class="ct-button" disabled={props.status == Resolution::Rejected}
                        onclick={send(DocumentAction::RejectItem(index).into())}>
                        { "Reject" }<kbd>{ "N" }</kbd>
                    </button>
                    <button class="ct-button ct-button--quiet" onclick={send(ViewAction::StepItem(1).into())}>
                        { "Next" }<kbd>{ "Tab" }</kbd>
                    </button>
                </div>
            }
        </li>
    }
}

/// The colour index of the layer called `name` (its number among the layers).
fn layer_colour(names: &[String], name: &str) -> usize {
    names.iter().position(|n| n == name).unwrap_or(0) % LAYER_COLOURS
}
