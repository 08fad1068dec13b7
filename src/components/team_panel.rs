//! The team database in the top bar: the sync state (connected, syncing with counts, offline
//! with the changes waiting, error with Retry) and the dialog behind it ([`TeamDialog`]). It
//! owns the running sync: resumes the connection stored at the last visit, tells it when this
//! browser saved something, and refreshes the library listing when the team's work arrives.

use std::cell::RefCell;
use std::rc::Rc;

use yew::prelude::*;

use crate::components::team_dialog::TeamDialog;
use crate::model::corpus::listing::thousands;
use crate::model::sync::layout::{TEAM_LAYERS_WRITER, TEAM_WRITER};
use crate::services::intake::refresh_listing;
use crate::services::tabs;
use crate::services::team::{reconnect, Control, Listeners, TeamReport, TeamStatus};

use crate::state::Action;

/// What the panel shows: the last report, with progress laid over it.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Shown(pub TeamReport);

/// What changes [`Shown`].
pub enum Shows {
    /// A whole report.
    Report(TeamReport),
    /// Progress within a round.
    Status(TeamStatus),
    /// Disconnected.
    Off,
}

impl Reducible for Shown {
    type Action = Shows;

    fn reduce(self: Rc<Self>, action: Shows) -> Rc<Self> {
        Rc::new(match action {
            Shows::Report(report) => Shown(report),
            Shows::Status(status) => Shown(TeamReport {
                status,
                ..self.0.clone()
            }),
            Shows::Off => Shown::default(),
        })
    }
}

/// The running sync, if any, shared with the dialog (equal only to itself).
#[derive(Clone, Default)]
pub struct Running(pub Rc<RefCell<Option<Rc<Control>>>>);

impl PartialEq for Running {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

impl Running {
    /// Sync now (or again, after an error).
    pub fn poke(&self) {
        if let Some(control) = self.0.borrow().as_ref() {
            control.poke();
        }
    }
}

/// Props of [`TeamPanel`].
#[derive(Properties, PartialEq)]
pub struct TeamPanelProps {
    /// The annotator name: the user's layer in the team database.
    pub annotator: AttrValue,
    /// Where actions go.
    pub dispatch: Callback<Action>,
}

/// The top bar's team indicator and its dialog.
#[component]
pub fn TeamPanel(props: &TeamPanelProps) -> Html {
    let shown = use_reducer(Shown::default);
    let running = (*use_state(Running::default)).clone();
    let annotator = use_mut_ref(String::new);
    annotator.replace(props.annotator.to_string());
    let open = use_state(|| false);
    let listeners = {
        let (shown, dispatch) = (shown.clone(), props.dispatch.clone());
        Listeners {
            report: {
                let shown = shown.dispatcher();
                Callback::from(move |report| shown.dispatch(Shows::Report(report)))
            },
            status: {
                let shown = shown.dispatcher();
                Callback::from(move |status| shown.dispatch(Shows::Status(status)))
            },
            written: Callback::from(move |()| {
                let dispatch = dispatch.clone();
                wasm_bindgen_futures::spawn_local(async move { refresh_listing(&dispatch).await });
            }),
        }
    };
    {
        let (running, annotator, listeners) =
            (running.clone(), annotator.clone(), listeners.clone());
        use_effect_with((), move |_| {
            wasm_bindgen_futures::spawn_local(async move {
                if let Some(control) = reconnect(annotator, listeners).await {
                    running.0.replace(Some(control));
                }
            });
        });
    }
    {
        let (running, annotator, listeners, shown) = (
            running.clone(),
            annotator.clone(),
            listeners.clone(),
            shown.clone(),
        );
        use_effect_with((), move |_| {
            // Connected or disconnected in another tab: follow it, without a reload.
            let subscription = tabs::listen_team_changes(move |connected| {
                let old = running.0.borrow_mut().take();
                let (running, annotator, listeners, shown) = (
                    running.clone(),
                    annotator.clone(),
                    listeners.clone(),
                    shown.clone(),
                );
                wasm_bindgen_futures::spawn_local(async move {
                    if let Some(old) = old {
                        old.stop();
                    }
                    if !connected {
                        // The disconnecting tab forgets the replica under the sync lock.
                        tabs::locked(tabs::TEAM_SYNC_LOCK, async {}).await;
                    }
                    shown.dispatch(Shows::Off);
                    if let Some(control) = reconnect(annotator, listeners).await {
                        running.0.replace(Some(control));
                    }
                });
            });
            move || drop(subscription)
        });
    }
    {
        let running = running.clone();
        use_effect_with((), move |_| {
            // Every save in this browser (this tab's or another's) is pushed soon.
            let subscription = tabs::listen(move |saved| {
                if saved.tab == TEAM_WRITER || saved.tab == TEAM_LAYERS_WRITER {
                    return;
                }
                if let Some(control) = running.0.borrow().as_ref() {
                    match saved.id.as_str() {
                        tabs::EVERY_DOCUMENT => control.rescan(),
                        id => control.saved(id),
                    }
                }
            });
            move || drop(subscription)
        });
    }
    let report = &shown.0;
    let conflicts = report.conflicts.len();
    let (text, modifier) = indicator(&report.status, conflicts);
    let toggle = {
        let open = open.clone();
        Callback::from(move |_: MouseEvent| open.set(!*open))
    };
    let retry = {
        let running = running.clone();
        Callback::from(move |_: MouseEvent| running.poke())
    };
    let off = {
        let shown = shown.dispatcher();
        Callback::from(move |()| shown.dispatch(Shows::Off))
    };
    let close = {
        let open = open.clone();
        Callback::from(move |()| open.set(false))
    };
    let failed = matches!(report.status, TeamStatus::Failed { .. });
    html! {
        <>
            <button class={classes!("ct-button", "ct-team", modifier)} onclick={toggle}
                aria-haspopup="dialog" title={reason(&report.status)}>
                <span aria-live="polite">{ text }</span>
            </button>
            if failed {
                <button class="ct-button" onclick={retry}>{ "Retry" }</button>
            }
            if *open {
                <TeamDialog
                    report={report.clone()}
                    running={running.clone()}
                    annotator={props.annotator.clone()}
                    shared_annotator={annotator.clone()}
                    listeners={listeners}
                    off={off}
                    dispatch={props.dispatch.clone()}
                    on_close={close}
                />
            }
        </>
    }
}

/// The indicator's words and style modifier.
fn indicator(status: &TeamStatus, conflicts: usize) -> (String, &'static str) {
    let conflicts = match conflicts {
        0 => String::new(),
        1 => " · 1 conflict".to_string(),
        n => format!(" · {n} conflicts"),
    };
    match status {
        TeamStatus::Off => ("Team: not connected".to_string(), "ct-team--off"),
        TeamStatus::Connecting => ("Team: connecting…".to_string(), "ct-team--busy"),
        TeamStatus::Syncing { done, total } => (
            format!(
                "Team: syncing {} of {}",
                thousands(*done),
                thousands(*total)
            ),
            "ct-team--busy",
        ),
        TeamStatus::Synced => (format!("Team: synced{conflicts}"), "ct-team--ok"),
        TeamStatus::OtherTab => ("Team: syncing in another tab".to_string(), "ct-team--ok"),
        TeamStatus::Offline { waiting, .. } => (
            format!("Team: offline — changes waiting: {}", thousands(*waiting)),
            "ct-team--offline",
        ),
        TeamStatus::Failed { .. } => (format!("Team: error{conflicts}"), "ct-team--failed"),
    }
}

/// The failure behind the state, as the indicator's tooltip.
fn reason(status: &TeamStatus) -> String {
    match status {
        TeamStatus::Offline { reason, .. } | TeamStatus::Failed { reason, .. } => reason.clone(),
        _ => "Team sync through a CouchDB database".to_string(),
    }
}
