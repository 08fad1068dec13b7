//! The three label buttons, each showing its colour, pattern and keys.

use yew::prelude::*;

use crate::model::Label;

/// Props of [`LabelToolbar`].
#[derive(Properties, PartialEq)]
pub struct LabelToolbarProps {
    /// Called with the label whose button was pressed.
    pub on_tag: Callback<Label>,
}

/// Buttons named "Fact", "Allegation" and "Quote" that tag the current selection.
#[component]
pub fn LabelToolbar(props: &LabelToolbarProps) -> Html {
    html! {
        <div class="ct-toolbar" role="toolbar" aria-label="Labels">
            { for Label::ALL.into_iter().map(|label| {
                let on_tag = props.on_tag.clone();
                let letter = label.letter_key().to_ascii_uppercase();
                let digit = label.digit_key();
                html! {
                    <button
                        class={classes!("ct-button", "ct-label-button", format!("ct-label-button--{}", label.slug()))}
                        aria-keyshortcuts={format!("{letter} {digit}")}
                        title={format!("{} ({letter} or {digit}): {}", label.name(), label.definition())}
                        // Keep the text selection: a button takes focus on mousedown otherwise.
                        onmousedown={Callback::from(|e: MouseEvent| e.prevent_default())}
                        onclick={Callback::from(move |_| on_tag.emit(label))}
                    >
                        <span class={classes!("ct-swatch", format!("ct-swatch--{}", label.slug()))} aria-hidden="true"></span>
                        { label.name() }
                        <kbd aria-hidden="true">{ letter }</kbd>
                    </button>
                }
            }) }
        </div>
    }
}
