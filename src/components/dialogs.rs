//! Panels over the page: the keyboard shortcuts and the annotation guidelines.

use yew::prelude::*;

use crate::components::modal::Modal;
use crate::model::Label;
use crate::state::keymap::SHORTCUTS;
use crate::state::{Action, Dialog, ViewAction};

/// Example sentences for each label, invented for the guidelines.
const EXAMPLES: [(Label, &str, &str); 6] = [
    (
        Label::Fact,
        "The bridge carried 41,000 vehicles a day in 2024.",
        "A figure with a date: checkable against traffic counts.",
    ),
    (
        Label::Fact,
        "The council has 41 seats.",
        "A countable, verifiable statement — no one is being accused of anything.",
    ),
    (
        Label::Allegation,
        "Residents accused the operator of ignoring repeated complaints.",
        "An accusation attributed to residents; it has not been shown to be true.",
    ),
    (
        Label::Allegation,
        "According to the union, managers altered the shift logs.",
        "An unproven claim introduced by “according to”.",
    ),
    (
        Label::Quote,
        "“We will not close the school,” the minister said.",
        "Mark the words inside the quotation marks, marks included.",
    ),
    (
        Label::Quote,
        "She called the plan “a recipe for chaos”.",
        "A partial quotation is still a quote.",
    ),
];

/// Props of [`DialogLayer`].
#[derive(Properties, PartialEq)]
pub struct DialogLayerProps {
    /// Which panel is open.
    pub dialog: Option<Dialog>,
    /// Where actions go.
    pub dispatch: Callback<Action>,
}

/// The open help panel (if any), as a modal dialog whose close button takes the focus.
#[component]
pub fn DialogLayer(props: &DialogLayerProps) -> Html {
    let (title, body) = match props.dialog {
        Some(Dialog::Shortcuts) => ("Keyboard shortcuts", shortcuts()),
        Some(Dialog::Guidelines) => ("Annotation guidelines", guidelines()),
        // The load, library, intake, agreement and layers dialogs are their own components (they need the app's
        // callbacks and state).
        Some(
            Dialog::Load | Dialog::Library | Dialog::Intake | Dialog::Agreement | Dialog::Layers,
        )
        | None => return Html::default(),
    };
    html! {
        <Modal title={title} title_id="ct-dialog-title" focus_close={true}
            on_close={props.dispatch.reform(|()| ViewAction::ShowDialog(None).into())}>
            { body }
        </Modal>
    }
}

fn shortcuts() -> Html {
    html! {
        <table class="ct-shortcuts">
            <thead><tr><th scope="col">{ "Keys" }</th><th scope="col">{ "Action" }</th></tr></thead>
            <tbody>
                { for SHORTCUTS.iter().map(|(keys, action)| html! {
                    <tr><td><kbd>{ *keys }</kbd></td><td>{ *action }</td></tr>
                }) }
            </tbody>
        </table>
    }
}

fn guidelines() -> Html {
    html! {
        <div class="ct-guidelines">
            { for Label::ALL.into_iter().map(|label| html! {
                <section>
                    <h3><span class={classes!("ct-badge", format!("ct-badge--{}", label.slug()))}>{ label.id() }</span></h3>
                    <p>{ label.definition() }</p>
                    <ul>
                        { for EXAMPLES.iter().filter(|(l, _, _)| *l == label).map(|(_, example, why)| html! {
                            <li><q>{ *example }</q>{ " — " }{ *why }</li>
                        }) }
                    </ul>
                </section>
            }) }
            <p>{ "Spans may overlap: an ALLEGATION can contain a QUOTE, and a sentence can be a FACT while part of it is quoted. Mark the smallest span that carries the claim; record who made it as the speaker and the reporting verb as the cue." }</p>
        </div>
    }
}
