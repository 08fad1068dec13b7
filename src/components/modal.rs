//! The frame every dialog shares: a backdrop, a modal `role="dialog"` named by its heading, and a
//! close button. The focus stays inside while it is open (Tab and Shift+Tab wrap around) and
//! goes back to where it was when it closes.

use wasm_bindgen::JsCast;
use web_sys::HtmlElement;
use yew::prelude::*;

/// What Tab can reach inside a dialog.
const FOCUSABLE: &str = "button:not([disabled]), [href], input:not([disabled]):not([hidden]), select:not([disabled]), textarea:not([disabled]), summary, [tabindex]:not([tabindex='-1'])";

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
    /// With `focus_close`: move the focus to the close button again whenever this changes (a
    /// dialog whose content is replaced, say by a progress bar, keeps the focus inside).
    #[prop_or_default]
    pub focus_step: AttrValue,
    /// The dialog's content.
    pub children: Html,
}

/// A modal dialog.
#[component]
pub fn Modal(props: &ModalProps) -> Html {
    let close_ref = use_node_ref();
    {
        let close_ref = close_ref.clone();
        use_effect_with(
            (props.focus_close, props.focus_step.clone()),
            move |(focus, _)| {
                if *focus {
                    if let Some(button) = close_ref.cast::<web_sys::HtmlElement>() {
                        // Focus can fail only if the button is gone; nothing to do then.
                        let _ = button.focus();
                    }
                }
            },
        );
    }
    // Remember what had the focus before the dialog took it (read while rendering, before any
    // effect moves it), and give it back when the dialog closes.
    let before = use_state(|| {
        gloo::utils::document()
            .active_element()
            .and_then(|e| e.dyn_into::<HtmlElement>().ok())
    });
    use_effect_with((), move |_| {
        let before = (*before).clone();
        move || {
            if let Some(element) = before {
                // The element may be gone (the dialog replaced the document); then nothing.
                let _ = element.focus();
            }
        }
    });
    let on_close = props.on_close.reform(|_: MouseEvent| ());
    html! {
        <div class="ct-dialog-backdrop">
            <div class={classes!("ct-dialog", props.wide.then_some("ct-dialog--wide"))}
                role="dialog" aria-modal="true" aria-labelledby={props.title_id.clone()}
                onkeydown={Callback::from(trap_focus)}>
                <div class="ct-dialog__head">
                    <h2 id={props.title_id.clone()}>{ props.title.clone() }</h2>
                    <button ref={close_ref} class="ct-button" onclick={on_close}>{ props.close_label.clone() }</button>
                </div>
                { props.children.clone() }
            </div>
        </div>
    }
}

/// Keeps Tab inside the dialog: from the last control to the first, and Shift+Tab back.
fn trap_focus(event: KeyboardEvent) {
    if event.key() != "Tab" {
        return;
    }
    // Yew delegates events, so the current target is not the dialog: find it from the target.
    let Some(dialog) = event
        .target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        .and_then(|t| t.closest("[role='dialog']").ok().flatten())
    else {
        return;
    };
    let Ok(nodes) = dialog.query_selector_all(FOCUSABLE) else {
        return;
    };
    let controls: Vec<HtmlElement> = (0..nodes.length())
        .filter_map(|i| nodes.item(i)?.dyn_into::<HtmlElement>().ok())
        .filter(|e| e.offset_parent().is_some())
        .collect();
    let (Some(first), Some(last)) = (controls.first(), controls.last()) else {
        return;
    };
    let active = gloo::utils::document().active_element();
    let is = |e: &HtmlElement| active.as_ref() == Some(e.unchecked_ref::<web_sys::Element>());
    let wrap_to = if event.shift_key() && is(first) {
        Some(last)
    } else if !event.shift_key() && is(last) {
        Some(first)
    } else {
        None
    };
    if let Some(target) = wrap_to {
        event.prevent_default();
        let _ = target.focus();
    }
}
