//! The top bar: the library and the queue (previous, next to do), label buttons, undo/redo,
//! word snapping, help panels, theme and export, and beside the save status whatever the app
//! puts there (the team sync state).

use yew::prelude::*;

use crate::components::label_toolbar::LabelToolbar;
use crate::components::save_banner::SaveIndicator;
use crate::model::format::ExportFormat;
use crate::model::Label;
use crate::services::queue::Walk;
use crate::services::theme::{self, Theme};
use crate::state::{Action, Dialog, DocumentAction, SaveStatus, ViewAction};

/// Props of [`TopBar`].
#[derive(Properties, PartialEq)]
pub struct TopBarProps {
    /// Something can be undone.
    pub can_undo: bool,
    /// Something can be redone.
    pub can_redo: bool,
    /// New spans snap to whole words.
    pub snap_words: bool,
    /// Whether the document is stored.
    pub save: SaveStatus,
    /// Start-up is still reading the library.
    pub opening: bool,
    /// A label button was pressed.
    pub on_tag: Callback<Label>,
    /// "Export JSON" or an entry of the export menu was pressed.
    pub on_export: Callback<ExportFormat>,
    /// A queue button was pressed: where to go, and whether to mark this document done first.
    pub on_walk: Callback<(Walk, bool)>,
    /// Where other actions go.
    pub dispatch: Callback<Action>,
    /// Shown beside the save status (the team sync state).
    #[prop_or_default]
    pub children: Html,
}

/// The sticky `<header>` of the app.
#[component]
pub fn TopBar(props: &TopBarProps) -> Html {
    let theme = use_state(|| Theme::System);
    let send = |action: Action| {
        let dispatch = props.dispatch.clone();
        Callback::from(move |_: MouseEvent| dispatch.emit(action.clone()))
    };
    let on_theme = {
        let theme = theme.clone();
        Callback::from(move |_: MouseEvent| {
            let next = theme.next();
            theme::apply(next);
            theme.set(next);
        })
    };
    let menu_ref = use_node_ref();
    let export = |format: ExportFormat| {
        let menu_ref = menu_ref.clone();
        props.on_export.reform(move |_: MouseEvent| {
            // Close the menu once a format is chosen.
            if let Some(menu) = menu_ref.cast::<web_sys::Element>() {
                let _ = menu.remove_attribute("open");
            }
            format
        })
    };
    html! {
        <header class="ct-topbar">
            <div class="ct-topbar__row">
                <span class="ct-topbar__brand">{ "claimtag" }</span>
                <button class="ct-button" onclick={send(ViewAction::ShowDialog(Some(Dialog::Library)).into())}>{ "Library" }</button>
                <button class="ct-button" onclick={send(ViewAction::ShowDialog(Some(Dialog::Load)).into())}>{ "Load article" }</button>
                <div class="ct-topbar__group" role="group" aria-label="Queue">
                    <button class="ct-button" onclick={props.on_walk.reform(|_: MouseEvent| (Walk::Previous, false))}
                        aria-keyshortcuts="Alt+ArrowLeft" title="The document before this one in the queue (Alt+←)">{ "Previous" }</button>
                    <button class="ct-button" onclick={props.on_walk.reform(|_: MouseEvent| (Walk::NextToDo, false))}
                        aria-keyshortcuts="Alt+ArrowRight" title="The next document of the queue that is not done — the library's filter and order (Alt+→)">{ "Next to do" }</button>
                    <button class="ct-button" onclick={props.on_walk.reform(|_: MouseEvent| (Walk::NextToDo, true))}
                        aria-keyshortcuts="Alt+Shift+ArrowRight" title="Mark this document done and open the next to do (Alt+Shift+→)">{ "Done, next" }</button>
                </div>
                <SaveIndicator status={props.save.clone()} opening={props.opening} />
                { props.children.clone() }
                <span class="ct-topbar__spacer"></span>
                <div class="ct-topbar__group" role="group" aria-label="History">
                    <button class="ct-button" disabled={!props.can_undo} onclick={send(DocumentAction::Undo.into())}
                        aria-keyshortcuts="Control+Z" title="Undo (Ctrl+Z)">{ "Undo" }</button>
                    <button class="ct-button" disabled={!props.can_redo} onclick={send(DocumentAction::Redo.into())}
                        aria-keyshortcuts="Control+Shift+Z Control+Y" title="Redo (Ctrl+Shift+Z or Ctrl+Y)">{ "Redo" }</button>
                </div>
                <button class="ct-button ct-button--primary" onclick={export(ExportFormat::Native)}>{ "Export JSON" }</button>
                <details class="ct-export-menu" ref={menu_ref.clone()}>
                    <summary class="ct-button">{ "More formats" }</summary>
                    <div class="ct-export-menu__list" role="group" aria-label="Export formats">
                        { for ExportFormat::ALL.into_iter().skip(1).map(|format| html! {
                            <button class="ct-button ct-button--quiet" onclick={export(format)}>{ format.name() }</button>
                        }) }
                    </div>
                </details>
            </div>
            <div class="ct-topbar__row">
                <LabelToolbar on_tag={props.on_tag.clone()} />
                <button class="ct-button" aria-pressed={props.snap_words.to_string()} onclick={send(ViewAction::ToggleSnap.into())}
                    title="When on, new spans grow to whole words; turn off for character-precise spans">
                    { "Snap to words" }
                </button>
                <button class="ct-button" aria-keyshortcuts="S" onclick={send(DocumentAction::Suggest.into())}
                    title="Suggest quotes, allegations and facts to review (S); nothing is exported until accepted">
                    { "Suggest" }
                </button>
                <span class="ct-topbar__spacer"></span>
                <button class="ct-button" onclick={send(ViewAction::ShowDialog(Some(Dialog::Guidelines)).into())}>{ "Guidelines" }</button>
                <button class="ct-button" aria-keyshortcuts="?" onclick={send(ViewAction::ShowDialog(Some(Dialog::Shortcuts)).into())}>{ "Shortcuts" }</button>
                <button class="ct-button" onclick={on_theme}>{ theme.name() }</button>
            </div>
        </header>
    }
}
