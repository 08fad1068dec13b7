//! The message bar: errors are announced at once, information politely.

use yew::prelude::*;

use crate::state::{Notice, NoticeKind};

/// Props of [`NoticeBar`].
#[derive(Properties, PartialEq)]
pub struct NoticeBarProps {
    /// The message, if any.
    pub notice: Option<Notice>,
    /// Called when the user dismisses it.
    pub on_dismiss: Callback<()>,
}

/// Shows the current notice with a dismiss button; an empty live region otherwise, so screen
/// readers hear the next message.
#[component]
pub fn NoticeBar(props: &NoticeBarProps) -> Html {
    let Some(notice) = &props.notice else {
        return html! { <div class="ct-notice ct-notice--empty" role="status"></div> };
    };
    let (role, modifier) = match notice.kind {
        NoticeKind::Info => ("status", "ct-notice--info"),
        NoticeKind::Error => ("alert", "ct-notice--error"),
    };
    let on_dismiss = props.on_dismiss.clone();
    html! {
        <div class={classes!("ct-notice", modifier)} role={role}>
            <span class="ct-notice__text">{ &notice.text }</span>
            <button class="ct-button ct-button--quiet" onclick={Callback::from(move |_| on_dismiss.emit(()))}>
                { "Dismiss" }
            </button>
        </div>
    }
}
