//! The editor of the current annotation: label, boundaries, speaker, cue and note.

use web_sys::{HtmlInputElement, HtmlTextAreaElement};
use yew::prelude::*;

use crate::model::{Annotation, Label};
use crate::state::{Action, Boundary, DocumentAction, ViewAction};

/// Reporting verbs and phrases offered for the cue field.
const CUES: [&str; 12] = [
    "said",
    "told",
    "added",
    "claimed",
    "alleged",
    "accused",
    "denied",
    "according to",
    "wrote",
    "stated",
    "insisted",
    "reportedly",
];

/// Props of [`AnnotationEditor`].
#[derive(Properties, PartialEq)]
pub struct AnnotationEditorProps {
    /// The annotation being edited.
    pub annotation: Annotation,
    /// Its text.
    pub text: String,
    /// Speakers already used in the document (suggestions).
    pub speakers: Vec<String>,
    /// Move the keyboard focus into the speaker field (after Enter).
    pub focus: bool,
    /// Where actions go.
    pub dispatch: Callback<Action>,
}

/// A form region named "Edit annotation".
#[component]
pub fn AnnotationEditor(props: &AnnotationEditorProps) -> Html {
    let speaker_ref = use_node_ref();
    {
        let speaker_ref = speaker_ref.clone();
        use_effect_with((props.focus, props.annotation.id), move |(focus, _)| {
            if *focus {
                if let Some(input) = speaker_ref.cast::<HtmlInputElement>() {
                    // Focus can fail only if the field is gone; nothing to do then.
                    let _ = input.focus();
                }
            }
        });
    }
    let a = &props.annotation;
    let id = a.id;
    let set = {
        let dispatch = props.dispatch.clone();
        let a = a.clone();
        move |field: &'static str, value: String| {
            let mut next = a.clone();
            match field {
                "speaker" => next.speaker = value,
                "cue" => next.cue = value,
                _ => next.note = value,
            }
            dispatch.emit(
                DocumentAction::SetAttributes {
                    id: next.id,
                    speaker: next.speaker,
                    cue: next.cue,
                    note: next.note,
                }
                .into(),
            );
        }
    };
    let on_input = |field: &'static str| {
        let set = set.clone();
        Callback::from(move |e: InputEvent| {
            let value = e
                .target_dyn_into::<HtmlInputElement>()
                .map(|i| i.value())
                .or_else(|| {
                    e.target_dyn_into::<HtmlTextAreaElement>()
                        .map(|t| t.value())
                })
                .unwrap_or_default();
            set(field, value);
        })
    };
    let dispatch = props.dispatch.clone();
    let act = move |action: Action| {
        let dispatch = dispatch.clone();
        Callback::from(move |_: MouseEvent| dispatch.emit(action.clone()))
    };
    let boundary = |boundary, forward, label: &'static str| {
        html! {
            <button class="ct-button ct-button--small" aria-label={label} title={label}
                onclick={act(DocumentAction::MoveBoundary { id, boundary, forward, by_word: true }.into())}>
                { if forward { "→" } else { "←" } }
            </button>
        }
    };
    html! {
        <section class="ct-editor" aria-label="Edit annotation">
            <h3 class="ct-editor__title">{ format!("Annotation {id}") }</h3>
            <blockquote class="ct-editor__text">{ &props.text }</blockquote>
            <div class="ct-editor__row" role="group" aria-label="Label">
                { for Label::ALL.into_iter().map(|label| html! {
                    <button
                        class={classes!("ct-button", "ct-button--small", format!("ct-label-button--{}", label.slug()))}
                        aria-pressed={(a.label == label).to_string()}
                        aria-label={format!("Relabel as {}", label.name())}
                        onclick={act(DocumentAction::Relabel { id, label }.into())}
                    >{ label.name() }</button>
                }) }
            </div>
            <div class="ct-editor__row">
                <span class="ct-editor__caption">{ "Start" }</span>
                { boundary(Boundary::Start, false, "Move start one word left") }
                { boundary(Boundary::Start, true, "Move start one word right") }
                <span class="ct-editor__caption">{ "End" }</span>
                { boundary(Boundary::End, false, "Move end one word left") }
                { boundary(Boundary::End, true, "Move end one word right") }
            </div>
            <label class="ct-field">
                <span>{ "Speaker" }</span>
                <input ref={speaker_ref} type="text" list="ct-speakers" value={a.speaker.clone()}
                    placeholder="Who said or alleged it" oninput={on_input("speaker")} />
            </label>
            <datalist id="ct-speakers">
                { for props.speakers.iter().map(|s| html! { <option value={s.clone()} /> }) }
            </datalist>
            <label class="ct-field">
                <span>{ "Cue" }</span>
                <input type="text" list="ct-cues" value={a.cue.clone()}
                    placeholder="said, alleged, according to…" oninput={on_input("cue")} />
            </label>
            <datalist id="ct-cues">
                { for CUES.iter().map(|c| html! { <option value={*c} /> }) }
            </datalist>
            <label class="ct-field">
                <span>{ "Note" }</span>
                <textarea rows="3" value={a.note.clone()} oninput={on_input("note")} />
            </label>
            <div class="ct-editor__row">
                <button class="ct-button" aria-label="Delete annotation" onclick={act(DocumentAction::Delete(id).into())}>{ "Delete" }</button>
                <button class="ct-button ct-button--quiet" onclick={act(ViewAction::Select(None).into())}>{ "Done" }</button>
            </div>
        </section>
    }
}
