//! The frame every dialog shares: a backdrop, a modal `role="dialog"` named by its heading, and a
//! close button.

use yew::prelude::*;

/// Props of [`Modal`].
#[derive(Properties, PartialEq)]
pub struct ModalProps {
    /// The heading, which also names the dialog.
    pub title: AttrValue,
    /// The heading's element id.
    pub title_id: AttrValue,
    /// The close button's text.
    #[prop_or(AttrValue::Static("Close"))]
    pub close_label: AttrValue,
    /// Called when the close button is pressed.
    pub on_close: Callback<()>,
    /// Use the wider layout.
    #[prop_or_default]
    pub wide: bool,
    /// Move the focus to the close button when the dialog opens.
    #[prop_or_default]
    pub focus_close: bool,
    /// The dialog's content.
    pub children: Html,
}

/// A modal dialog.
#[component]
pub fn Modal(props: &ModalProps) -> Html {
    let close_ref = use_node_ref();
    {
        let close_ref = close_ref.clone();
        use_effect_with(props.focus_close, move |focus| {
            if *focus {
                if let Some(button) = close_ref.cast::<web_sys::HtmlElement>() {
                    // Focus can fail only if the button is gone; nothing to do then.
                    let _ = button.focus();
                }
            }
        });
    }
    let on_close = props.on_close.reform(|_: MouseEvent| ());
    html! {
        <div class="ct-dialog-backdrop">
            <div class={classes!("ct-dialog", props.wide.then_some("ct-dialog--wide"))}
                role="dialog" aria-modal="true" aria-labelledby={props.title_id.clone()}>
                <div class="ct-dialog__head">
                    <h2 id={props.title_id.clone()}>{ props.title.clone() }</h2>
                    <button ref={close_ref} class="ct-button" onclick={on_close}>{ props.close_label.clone() }</button>
                </div>
                { props.children.clone() }
            </div>
        </div>
    }
}
