//! The small toolbar that appears by a text selection in the article, with the three labels.

use gloo::events::EventListener;
use web_sys::Element;
use yew::prelude::*;

use crate::model::Label;
use crate::services::selection::selection_rect;

/// Props of [`SelectionToolbar`].
#[derive(Properties, PartialEq)]
pub struct SelectionToolbarProps {
    /// The `<article>` whose selections it follows.
    pub article_ref: NodeRef,
    /// A label button was pressed.
    pub on_tag: Callback<Label>,
}

/// Follows `selectionchange`: shown just below a non-empty selection inside the article,
/// hidden otherwise.
#[component]
pub fn SelectionToolbar(props: &SelectionToolbarProps) -> Html {
    let position = use_state(|| None::<(f64, f64)>);
    {
        let position = position.clone();
        let article_ref = props.article_ref.clone();
        use_effect_with((), move |_| {
            let listener =
                EventListener::new(&gloo::utils::document(), "selectionchange", move |_| {
                    let rect = article_ref
                        .cast::<Element>()
                        .and_then(|root| selection_rect(&root));
                    let scroll_y = gloo::utils::window().scroll_y().unwrap_or_default();
                    let scroll_x = gloo::utils::window().scroll_x().unwrap_or_default();
                    position
                        .set(rect.map(|(left, bottom)| (bottom + scroll_y + 6.0, left + scroll_x)));
                });
            move || drop(listener)
        });
    }
    let Some((top, left)) = *position else {
        return Html::default();
    };
    html! {
        <div class="ct-float-toolbar" role="toolbar" aria-label="Label selection"
            style={format!("top: {top:.0}px; left: {left:.0}px")}>
            { for Label::ALL.into_iter().map(|label| {
                let on_tag = props.on_tag.clone();
                html! {
                    <button
                        class={classes!("ct-button", "ct-button--small", format!("ct-label-button--{}", label.slug()))}
                        title={format!("{} ({} or {})", label.name(), label.letter_key().to_ascii_uppercase(), label.digit_key())}
                        onmousedown={Callback::from(|e: MouseEvent| e.prevent_default())}
                        onclick={Callback::from(move |_| on_tag.emit(label))}
                    >
                        <span class={classes!("ct-swatch", format!("ct-swatch--{}", label.slug()))} aria-hidden="true"></span>
                        { label.name() }
                    </button>
                }
            }) }
        </div>
    }
}
