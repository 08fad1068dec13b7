//! The save status in the top bar, and the banner shown when work is not safely stored.

use yew::prelude::*;

use crate::state::SaveStatus;

/// Props of [`SaveIndicator`].
#[derive(Properties, PartialEq)]
pub struct SaveIndicatorProps {
    /// The status.
    pub status: SaveStatus,
    /// Start-up is still reading the library (nothing is being saved yet).
    pub opening: bool,
}

/// "Opening…" / "Saved" / "Saving…" / "Not saved" as a polite live region.
#[component]
pub fn SaveIndicator(props: &SaveIndicatorProps) -> Html {
    let (text, modifier) = match &props.status {
        _ if props.opening => ("Opening…", "ct-save--pending"),
        SaveStatus::Saved => ("Saved", "ct-save--ok"),
        SaveStatus::Pending => ("Saving…", "ct-save--pending"),
        SaveStatus::Failed(_) => ("Not saved", "ct-save--failed"),
        SaveStatus::Conflict { .. } => ("Not saved: newer in another tab", "ct-save--failed"),
    };
    html! { <span class={classes!("ct-save", modifier)} aria-live="polite" title="Save status">{ text }</span> }
}

/// Props of [`SaveBanner`].
#[derive(Properties, PartialEq)]
pub struct SaveBannerProps {
    /// The status.
    pub status: SaveStatus,
    /// "Export all now" was pressed.
    pub on_export_now: Callback<()>,
    /// "Try again" was pressed.
    pub on_retry: Callback<()>,
    /// "Reload newer version" was pressed.
    pub on_reload: Callback<()>,
    /// "Keep this tab's version" was pressed.
    pub on_keep_mine: Callback<()>,
}

/// A banner for a failed save or a conflict with another tab; nothing otherwise.
#[component]
pub fn SaveBanner(props: &SaveBannerProps) -> Html {
    let button = |label: &'static str, on: &Callback<()>| {
        let on = on.clone();
        html! { <button class="ct-button" onclick={Callback::from(move |_| on.emit(()))}>{ label }</button> }
    };
    match &props.status {
        SaveStatus::Failed(reason) => html! {
            <div class="ct-notice ct-notice--error ct-banner" role="alert">
                <span class="ct-notice__text">
                    { format!("Not saved: {reason}. Your work is kept in this tab only — export it before closing.") }
                </span>
                { button("Export all now", &props.on_export_now) }
                { button("Try again", &props.on_retry) }
            </div>
        },
        SaveStatus::Conflict { .. } => html! {
            <div class="ct-notice ct-notice--error ct-banner" role="alert">
                <span class="ct-notice__text">
                    { "Another tab saved newer changes to this document. This tab's changes are not saved." }
                </span>
                { button("Reload newer version", &props.on_reload) }
                { button("Keep this tab's version", &props.on_keep_mine) }
            </div>
        },
        SaveStatus::Saved | SaveStatus::Pending => Html::default(),
    }
}
