//! The team database dialog: the connect form (database URL, name, password — used once for
//! a session cookie, never stored), and once connected, where sync stands, the conflicts with
//! every version side by side and "Keep this version", the assignment, Sync now and
//! Disconnect (which keeps every document here).

use std::cell::RefCell;
use std::rc::Rc;

use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::components::modal::Modal;
use crate::components::team_panel::Running;
use crate::model::corpus::listing::thousands;
use crate::model::library::own_layer_name;
use crate::model::sync::assignment::Assignment;
use crate::model::sync::conflict::Conflict;
use crate::services::library::ANNOTATOR;
use crate::services::storage::Storage;
use crate::services::team::{connect, disconnect, Listeners, TeamReport, TeamStatus};
use crate::state::{Action, StorageAction};

/// Props of [`TeamDialog`].
#[derive(Properties, PartialEq)]
pub struct TeamDialogProps {
    /// What sync reports.
    pub report: TeamReport,
    /// The running sync.
    pub running: Running,
    /// The annotator name now.
    pub annotator: AttrValue,
    /// The annotator name as the sync loop reads it.
    pub shared_annotator: Rc<RefCell<String>>,
    /// Where a new sync reports.
    pub listeners: Listeners,
    /// Disconnected.
    pub off: Callback<()>,
    /// Where actions go.
    pub dispatch: Callback<Action>,
    /// Closed.
    pub on_close: Callback<()>,
}

/// The team database dialog.
#[component]
pub fn TeamDialog(props: &TeamDialogProps) -> Html {
    let connected = !matches!(props.report.status, TeamStatus::Off);
    html! {
        <Modal title="Team database" title_id="ct-team-title" wide={connected} on_close={props.on_close.clone()}>
            if connected {
                <Connected ..props.clone_props() />
            } else {
                <ConnectForm ..props.clone_props() />
            }
        </Modal>
    }
}

impl TeamDialogProps {
    fn clone_props(&self) -> TeamDialogProps {
        TeamDialogProps {
            report: self.report.clone(),
            running: self.running.clone(),
            annotator: self.annotator.clone(),
            shared_annotator: self.shared_annotator.clone(),
            listeners: self.listeners.clone(),
            off: self.off.clone(),
            dispatch: self.dispatch.clone(),
            on_close: self.on_close.clone(),
        }
    }
}

/// The connect form.
#[component]
fn ConnectForm(props: &TeamDialogProps) -> Html {
    let url = use_state(String::new);
    let name = use_state(String::new);
    let password = use_state(String::new);
    let error = use_state(|| None::<String>);
    let busy = use_state(|| false);
    let field = |state: &UseStateHandle<String>| {
        let state = state.clone();
        Callback::from(move |e: InputEvent| {
            if let Some(input) = e.target_dyn_into::<HtmlInputElement>() {
                state.set(input.value());
            }
        })
    };
    let on_submit = {
        let (url, name, password, error, busy) = (
            url.clone(),
            name.clone(),
            password.clone(),
            error.clone(),
            busy.clone(),
        );
        let (running, shared, listeners, dispatch) = (
            props.running.clone(),
            props.shared_annotator.clone(),
            props.listeners.clone(),
            props.dispatch.clone(),
        );
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let (url_text, user, secret) =
                ((*url).clone(), name.trim().to_string(), (*password).clone());
            if user.is_empty() || secret.is_empty() {
                error.set(Some(
                    "Give the name and password of your account on the team server.".to_string(),
                ));
                return;
            }
            busy.set(true);
            error.set(None);
            // Someone who has not named themselves annotates as their team account.
            if shared.borrow().trim().is_empty() {
                shared.replace(user.clone());
                dispatch.emit(StorageAction::SetAnnotator(user.clone()).into());
                let user = user.clone();
                wasm_bindgen_futures::spawn_local(async move {
                    if let Ok(storage) = Storage::open().await {
                        // The name also lives in memory; a failed write only loses it on reload.
                        let _ = storage.put_setting(ANNOTATOR, &user).await;
                    }
                });
            }
            let (error, busy, running, shared, listeners, password) = (
                error.clone(),
                busy.clone(),
                running.clone(),
                shared.clone(),
                listeners.clone(),
                password.clone(),
            );
            wasm_bindgen_futures::spawn_local(async move {
                let result = connect(&url_text, &user, &secret, shared, listeners).await;
                // The password is gone from the page once used.
                password.set(String::new());
                busy.set(false);
                match result {
                    Ok(control) => {
                        running.0.replace(Some(control));
                    }
                    Err(reason) => error.set(Some(format!("Could not connect: {reason}"))),
                }
            });
        })
    };
    html! {
        <form class="ct-team-form" onsubmit={on_submit}>
            <p class="ct-load__hint">
                { "Share this library with your team through a CouchDB database (Apache CouchDB, PouchDB Server or Cloudant). Every document here and your annotations as your own layer go to the database; everyone's layers come back. Nothing is sent anywhere until you connect." }
            </p>
            if let Some(message) = &*error {
                <p class="ct-notice ct-notice--error" role="alert">{ message }</p>
            }
            <label class="ct-field">
                <span>{ "Database URL" }</span>
                <input type="url" required=true value={(*url).clone()} oninput={field(&url)}
                    placeholder="https://couch.example.org/desk-2026" />
            </label>
            <label class="ct-field">
                <span>{ "Name" }</span>
                <input type="text" autocomplete="username" value={(*name).clone()} oninput={field(&name)} />
            </label>
            <label class="ct-field">
                <span>{ "Password" }</span>
                <input type="password" autocomplete="current-password" value={(*password).clone()} oninput={field(&password)} />
            </label>
            <p class="ct-load__hint">
                { "The password is used once to open a session; the server keeps the session in a cookie and claimtag never stores the password." }
            </p>
            <div class="ct-editor__row">
                <button class="ct-button ct-button--primary" type="submit" disabled={*busy}>
                    { if *busy { "Connecting…" } else { "Connect" } }
                </button>
            </div>
        </form>
    }
}

/// Where sync stands, the conflicts, Sync now and Disconnect.
#[component]
fn Connected(props: &TeamDialogProps) -> Html {
    let report = &props.report;
    let sync_now = {
        let running = props.running.clone();
        Callback::from(move |_: MouseEvent| running.poke())
    };
    let on_disconnect = {
        let (running, off) = (props.running.clone(), props.off.clone());
        Callback::from(move |_: MouseEvent| {
            let control = running.0.borrow_mut().take();
            let off = off.clone();
            wasm_bindgen_futures::spawn_local(async move {
                // Forgetting the replica can fail only with storage; the documents stay anyway.
                let _ = disconnect(control).await;
                off.emit(());
            });
        })
    };
    let status = match &report.status {
        TeamStatus::Off | TeamStatus::Connecting => {
            html! { <p role="status">{ "Connecting…" }</p> }
        }
        TeamStatus::Syncing { done, total } => html! {
            <div class="ct-job" role="group" aria-label="Team sync">
                <p class="ct-job__title">{ "Syncing with the team" }</p>
                <progress class="ct-job__bar" max={(*total).max(1).to_string()} value={done.to_string()} aria-label="Progress" />
                <p class="ct-job__counts">{ format!("{} of {}", thousands(*done), thousands(*total)) }</p>
            </div>
        },
        TeamStatus::OtherTab => {
            html! { <p role="status">{ "Another tab of claimtag in this browser is syncing with the team; this tab takes over when that one closes. Work here is saved to the library and synced from there." }</p> }
        }
        TeamStatus::Synced => {
            html! { <p role="status">{ "Synced: everything here is on the server, and the team's work is here." }</p> }
        }
        TeamStatus::Offline { waiting, reason } => html! {
            <p class="ct-notice" role="status">
                { format!("Offline — {reason}. Work goes on here; changes waiting: {}. They are sent when the server answers again.", thousands(*waiting)) }
            </p>
        },
        TeamStatus::Failed {
            waiting,
            reason,
            sign_in,
        } => html! {
            <>
                <p class="ct-notice ct-notice--error" role="alert">
                    { format!("Sync stopped: {reason}. Nothing here was changed; changes waiting: {}.", thousands(*waiting)) }
                </p>
                if *sign_in {
                    <SignInAgain user={report.user.clone()} running={props.running.clone()} />
                }
            </>
        },
    };
    let annotator = own_layer_name(&props.annotator);
    html! {
        <div class="ct-team-status">
            <p>{ format!("Connected to {} as {}. Your annotations sync as the layer “{annotator}”.", report.url, report.user) }</p>
            { status }
            if !report.problems.is_empty() {
                <details class="ct-job__list" open=true>
                    <summary>{ format!("Team documents that could not be read ({})", report.problems.len()) }</summary>
                    <ul>{ for report.problems.iter().map(|p| html! { <li>{ p }</li> }) }</ul>
                </details>
            }
            if !report.conflicts.is_empty() {
                <section class="ct-conflicts" aria-labelledby="ct-conflicts-title">
                    <h3 id="ct-conflicts-title">{ format!("Conflicts ({})", report.conflicts.len()) }</h3>
                    <p class="ct-load__hint">{ "The same document was changed in two places. Every version is kept until you choose; the one you keep becomes everyone's." }</p>
                    { for report.conflicts.iter().map(|c| conflict(c, &props.running)) }
                </section>
            }
            <AssignmentForm report={report.clone()} running={props.running.clone()} />
            <div class="ct-editor__row">
                <button class="ct-button" onclick={sync_now}>
                    { if matches!(report.status, TeamStatus::Failed { .. }) { "Retry" } else { "Sync now" } }
                </button>
                <button class="ct-button" onclick={on_disconnect}>{ "Disconnect (keeps every document here)" }</button>
            </div>
        </div>
    }
}

/// Props of [`AssignmentForm`].
#[derive(Properties, PartialEq)]
struct AssignmentFormProps {
    report: TeamReport,
    running: Running,
}

/// Who annotates what: the assignment now, and dealing every document out again.
#[component]
fn AssignmentForm(props: &AssignmentFormProps) -> Html {
    let assignment = &props.report.assignment;
    let names = use_state(|| {
        let named = assignment.annotators();
        match named.is_empty() {
            true => props.report.user.clone(),
            false => named.join(", "),
        }
    });
    let per_doc = use_state(|| "1".to_string());
    let field = |state: &UseStateHandle<String>| {
        let state = state.clone();
        Callback::from(move |e: InputEvent| {
            if let Some(input) = e.target_dyn_into::<HtmlInputElement>() {
                state.set(input.value());
            }
        })
    };
    let send = |clear: bool| {
        let (names, per_doc, running) = (names.clone(), per_doc.clone(), props.running.clone());
        move || {
            let Some(control) = running.0.borrow().clone() else {
                return;
            };
            let annotators: Vec<String> = names.split(',').map(str::to_string).collect();
            let per_doc = per_doc.trim().parse().unwrap_or(1);
            wasm_bindgen_futures::spawn_local(async move {
                if clear {
                    control.assign(Assignment::default());
                    return;
                }
                let Ok(storage) = Storage::open().await else {
                    return;
                };
                let Ok(mut rows) = storage.all_summaries().await else {
                    return;
                };
                rows.retain(|r| r.info.deleted_at.is_none());
                rows.sort_by(|a, b| {
                    (&a.info.added_at, &a.title).cmp(&(&b.info.added_at, &b.title))
                });
                let ids: Vec<String> = rows.into_iter().map(|r| r.info.id).collect();
                control.assign(Assignment::round_robin(&ids, &annotators, per_doc));
            });
        }
    };
    let on_submit = {
        let assign = send(false);
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            assign();
        })
    };
    let on_clear = {
        let clear = send(true);
        Callback::from(move |_: MouseEvent| clear())
    };
    let summary = match (assignment.docs.len(), props.report.my_share) {
        (0, _) => "No assignment: everyone's Next to do walks the whole library.".to_string(),
        (n, share) => {
            let who = assignment.annotators().join(", ");
            let mine = match share {
                Some((total, done)) => {
                    format!(" Yours: {total} ({done} done); Next to do walks only those.")
                }
                None => " None are yours: your Next to do walks the whole library.".to_string(),
            };
            format!("{} documents assigned to {who}.{mine}", thousands(n))
        }
    };
    html! {
        <section class="ct-team-assignment" aria-labelledby="ct-assignment-title">
            <h3 id="ct-assignment-title">{ "Assignment" }</h3>
            <p role="status">{ summary }</p>
            <form class="ct-editor__row" onsubmit={on_submit}>
                <label class="ct-field ct-field--inline">
                    <span>{ "Annotators (comma-separated)" }</span>
                    <input type="text" value={(*names).clone()} oninput={field(&names)} />
                </label>
                <label class="ct-field ct-field--inline">
                    <span>{ "Annotators per document" }</span>
                    <input type="number" min="1" value={(*per_doc).clone()} oninput={field(&per_doc)} />
                </label>
                <button class="ct-button" type="submit">{ "Assign every document" }</button>
                if !assignment.docs.is_empty() {
                    <button class="ct-button" type="button" onclick={on_clear}>{ "Clear assignment" }</button>
                }
            </form>
        </section>
    }
}

/// Props of [`SignInAgain`].
#[derive(Properties, PartialEq)]
struct SignInAgainProps {
    user: String,
    running: Running,
}

/// The password once more, when the server's session has ended.
#[component]
fn SignInAgain(props: &SignInAgainProps) -> Html {
    let password = use_state(String::new);
    let error = use_state(|| None::<String>);
    let on_input = {
        let password = password.clone();
        Callback::from(move |e: InputEvent| {
            if let Some(input) = e.target_dyn_into::<HtmlInputElement>() {
                password.set(input.value());
            }
        })
    };
    let on_submit = {
        let (password, error, running, user) = (
            password.clone(),
            error.clone(),
            props.running.clone(),
            props.user.clone(),
        );
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let Some(control) = running.0.borrow().clone() else {
                return;
            };
            let (secret, password, error, user) = (
                (*password).clone(),
                password.clone(),
                error.clone(),
                user.clone(),
            );
            wasm_bindgen_futures::spawn_local(async move {
                let result = control.sign_in(&user, &secret).await;
                password.set(String::new());
                error.set(result.err().map(|e| format!("Could not sign in: {e}")));
            });
        })
    };
    html! {
        <form class="ct-editor__row" onsubmit={on_submit}>
            <label class="ct-field ct-field--inline">
                <span>{ format!("Password of {}", props.user) }</span>
                <input type="password" autocomplete="current-password" value={(*password).clone()} oninput={on_input} />
            </label>
            <button class="ct-button ct-button--primary" type="submit">{ "Sign in again" }</button>
            if let Some(message) = &*error {
                <p class="ct-notice ct-notice--error" role="alert">{ message }</p>
            }
        </form>
    }
}

/// One conflict: its versions side by side, each with "Keep this version".
fn conflict(conflict: &Conflict, running: &Running) -> Html {
    html! {
        <article class="ct-conflict" aria-label={conflict.what.clone()}>
            <h4>{ &conflict.what }</h4>
            <div class="ct-conflict__versions">
                { for conflict.versions.iter().enumerate().map(|(i, version)| {
                    let keep = {
                        let (running, id, rev) = (running.clone(), conflict.id.clone(), version.rev.clone());
                        Callback::from(move |_: MouseEvent| {
                            if let Some(control) = running.0.borrow().as_ref() {
                                control.keep(&id, &rev);
                            }
                        })
                    };
                    html! {
                        <div class="ct-conflict__version" aria-label={format!("Version {}", i + 1)}>
                            <p class="ct-job__title">
                                { format!("Version {}", i + 1) }
                                if version.winner { { " (shown now)" } }
                            </p>
                            <p>{ &version.summary }</p>
                            <ul>
                                { for version.lines.iter().take(50).map(|l| html! { <li>{ l }</li> }) }
                                if version.lines.len() > 50 { <li>{ format!("… and {} more", version.lines.len() - 50) }</li> }
                            </ul>
                            <button class="ct-button" onclick={keep}>{ "Keep this version" }</button>
                        </div>
                    }
                }) }
            </div>
        </article>
    }
}
