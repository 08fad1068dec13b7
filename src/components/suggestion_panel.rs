//! The review panel: the suggestion under review with its speaker, cue, confidence and the
//! reason it was suggested, buttons to accept, reject or move on (the same as Y, N and Tab),
//! and "Accept all" for a chosen label at or above a chosen confidence.

use std::rc::Rc;

use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

use crate::components::excerpt::excerpt;
use crate::model::suggest::Suggestion;
use crate::model::{AnnotationSet, Article, Label};
use crate::state::{Action, DocumentAction, ViewAction};

/// The confidence "Accept all" starts from, in percent.
const DEFAULT_THRESHOLD: u8 = 80;

/// Props of [`SuggestionPanel`].
#[derive(Properties, PartialEq)]
pub struct SuggestionPanelProps {
    /// The article the suggestions point into.
    pub article: Rc<Article>,
    /// The annotations, with the waiting suggestions.
    pub annotations: Rc<AnnotationSet>,
    /// The one under review.
    pub current: Option<usize>,
    /// Where actions go.
    pub dispatch: Callback<Action>,
}

/// A `<section>` named "Suggestions"; nothing when no suggestion is waiting.
#[component]
pub fn SuggestionPanel(props: &SuggestionPanelProps) -> Html {
    let label = use_state(|| Label::Quote);
    let threshold = use_state(|| DEFAULT_THRESHOLD);
    let suggestions: &[Suggestion] = props.annotations.suggestions();
    let total = suggestions.len();
    if total == 0 {
        return html! {};
    }
    let send = |action: Action| {
        let dispatch = props.dispatch.clone();
        Callback::from(move |_: MouseEvent| dispatch.emit(action.clone()))
    };
    let current = props.current.and_then(|i| Some((i, suggestions.get(i)?)));
    html! {
        <section class="ct-review" aria-labelledby="ct-review-heading">
            <h2 id="ct-review-heading" class="ct-sidebar__title">
                { "Suggestions " }<span class="ct-sidebar__count">{ total }</span>
            </h2>
            if let Some((i, s)) = current {
                <div class="ct-review__card">
                    <div class="ct-review__head">
                        <p class="ct-review__position">
                            <span class={classes!("ct-badge", format!("ct-badge--{}", s.label.slug()))}>{ s.label.name() }</span>
                            { format!(" {} of {total}", i + 1) }
                        </p>
                        <span class="ct-review__confidence" title="How sure the rule that found it is">{ format!("{}% sure", s.confidence) }</span>
                    </div>
                    <blockquote class="ct-review__text">{ excerpt(props.article.slice(s.span).unwrap_or_default()) }</blockquote>
                    <dl class="ct-review__attribution">
                        if !s.speaker.is_empty() {
                            <dt>{ "Speaker" }</dt><dd>{ &s.speaker }</dd>
                        }
                        if !s.cue.is_empty() {
                            <dt>{ "Cue" }</dt><dd>{ &s.cue }</dd>
                        }
                        if !s.reason.is_empty() {
                            <dt>{ "Why" }</dt><dd class="ct-review__reason">{ &s.reason }</dd>
                        }
                    </dl>
                    <div class="ct-review__actions">
                        <button class="ct-button ct-button--primary" aria-keyshortcuts="Y Enter"
                            title="Accept (Y or Enter)" onclick={send(DocumentAction::AcceptSuggestion.into())}>{ "Accept" }</button>
                        <button class="ct-button" aria-keyshortcuts="N Backspace"
                            title="Reject (N or Backspace); it will not be suggested again" onclick={send(DocumentAction::RejectSuggestion.into())}>{ "Reject" }</button>
                        <button class="ct-button ct-button--quiet" aria-keyshortcuts="Shift+Tab"
                            title="Previous suggestion (Shift+Tab)" onclick={send(ViewAction::StepSuggestion(-1).into())}>{ "Previous" }</button>
                        <button class="ct-button ct-button--quiet" aria-keyshortcuts="Tab"
                            title="Next suggestion (Tab)" onclick={send(ViewAction::StepSuggestion(1).into())}>{ "Next" }</button>
                    </div>
                </div>
            } else {
                <p class="ct-review__hint">
                    { "Suggestions are outlined with dashes in the text and are not exported until accepted. " }
                    <button class="ct-button" onclick={send(ViewAction::Review(Some(0)).into())}>{ "Review suggestions" }</button>
                </p>
            }
            { accept_all(suggestions, &label, &threshold, &props.dispatch) }
        </section>
    }
}

/// The "Accept all" row: a label, a least confidence, and the button saying how many that takes.
fn accept_all(
    suggestions: &[Suggestion],
    label: &UseStateHandle<Label>,
    threshold: &UseStateHandle<u8>,
    dispatch: &Callback<Action>,
) -> Html {
    let (chosen, least) = (**label, **threshold);
    let count = suggestions
        .iter()
        .filter(|s| s.label == chosen && s.confidence >= least)
        .count();
    let on_label = {
        let label = label.clone();
        Callback::from(move |e: Event| {
            let value = e.target_unchecked_into::<HtmlSelectElement>().value();
            if let Some(l) = Label::parse(&value) {
                label.set(l);
            }
        })
    };
    let on_threshold = {
        let threshold = threshold.clone();
        Callback::from(move |e: InputEvent| {
            let value = e.target_unchecked_into::<HtmlInputElement>().value();
            if let Ok(v) = value.parse::<u8>() {
                threshold.set(v.min(100));
            }
        })
    };
    let onclick = {
        let dispatch = dispatch.clone();
        Callback::from(move |_: MouseEvent| {
            dispatch.emit(DocumentAction::AcceptAll(chosen, least).into());
        })
    };
    html! {
        <div class="ct-review__all" role="group" aria-label="Accept all suggestions of a label">
            <label class="ct-review__control">{ "Label" }
                <select onchange={on_label} aria-label="Label to accept">
                    { for Label::ALL.into_iter().map(|l| html! {
                        <option value={l.id()} selected={l == chosen}>{ l.name() }</option>
                    }) }
                </select>
            </label>
            <label class="ct-review__control">{ format!("At least {least}%") }
                <input type="range" min="0" max="100" step="5" value={least.to_string()}
                    oninput={on_threshold} aria-label="Least confidence to accept" />
            </label>
            <button class="ct-button" disabled={count == 0} {onclick}>
                { format!("Accept {count} {} suggestion{}", chosen.name(), if count == 1 { "" } else { "s" }) }
            </button>
        </div>
    }
}
