//! The review panel: the suggestion under review with its speaker and cue, buttons to accept,
//! reject or move on (the same as Y, N and Tab), and "Accept all Quote suggestions".

use std::rc::Rc;

use yew::prelude::*;

use crate::components::excerpt::excerpt;
use crate::model::suggest::Suggestion;
use crate::model::{AnnotationSet, Article, Label};
use crate::state::{Action, DocumentAction, ViewAction};

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
    let suggestions: &[Suggestion] = props.annotations.suggestions();
    let total = suggestions.len();
    if total == 0 {
        return html! {};
    }
    let send = |action: Action| {
        let dispatch = props.dispatch.clone();
        Callback::from(move |_: MouseEvent| dispatch.emit(action.clone()))
    };
    let quotes = suggestions
        .iter()
        .filter(|s| s.label == Label::Quote)
        .count();
    let current = props.current.and_then(|i| Some((i, suggestions.get(i)?)));
    html! {
        <section class="ct-review" aria-labelledby="ct-review-heading">
            <h2 id="ct-review-heading" class="ct-sidebar__title">
                { "Suggestions " }<span class="ct-sidebar__count">{ total }</span>
            </h2>
            if let Some((i, s)) = current {
                <div class="ct-review__card">
                    <p class="ct-review__position">
                        <span class={classes!("ct-badge", format!("ct-badge--{}", s.label.slug()))}>{ s.label.name() }</span>
                        { format!(" {} of {total}", i + 1) }
                    </p>
                    <blockquote class="ct-review__text">{ excerpt(props.article.slice(s.span).unwrap_or_default()) }</blockquote>
                    if !s.speaker.is_empty() || !s.cue.is_empty() {
                        <dl class="ct-review__attribution">
                            if !s.speaker.is_empty() {
                                <dt>{ "Speaker" }</dt><dd>{ &s.speaker }</dd>
                            }
                            if !s.cue.is_empty() {
                                <dt>{ "Cue" }</dt><dd>{ &s.cue }</dd>
                            }
                        </dl>
                    }
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
            if quotes > 0 {
                <button class="ct-button ct-review__all" onclick={send(DocumentAction::AcceptAll(Label::Quote).into())}>
                    { format!("Accept all {quotes} Quote suggestion{}", if quotes == 1 { "" } else { "s" }) }
                </button>
            }
        </section>
    }
}
