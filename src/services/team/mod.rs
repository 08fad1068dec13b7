//! Team sync in the browser: connecting to a team database (sign-in once, the password never
//! stored), the sync loop that runs while connected — reconcile, push, pull, wait on the
//! changes feed, back off when the server is away — and what it reports to the page
//! ([`TeamReport`]). Nothing is sent anywhere until the user connects.

mod engine;

use std::cell::{Cell, RefCell};
use std::collections::BTreeSet;
use std::rc::Rc;

use yew::Callback;

use self::engine::{Engine, Failure, SyncState, LONGPOLL_MS};
use crate::model::sync::assignment::Assignment;
use crate::model::sync::conflict::{conflicts, Conflict};
use crate::model::sync::remote::{Checkpoint, RemoteError};
use crate::services::couch::Couch;
use crate::services::jobs::sleep;
use crate::services::storage::Storage;
use crate::services::tabs;

/// The first wait after a failed attempt, in milliseconds; it doubles up to [`MAX_BACKOFF_MS`].
const FIRST_BACKOFF_MS: i32 = 1_000;
/// The longest wait between attempts while the server is away.
const MAX_BACKOFF_MS: i32 = 15_000;

/// Where sync stands, as the top bar shows it.
#[derive(Debug, Clone, PartialEq, Default)]
pub enum TeamStatus {
    /// No team database connected.
    #[default]
    Off,
    /// Signing in and checking the database.
    Connecting,
    /// Moving changes: `done` of `total` known so far.
    Syncing {
        /// Moved.
        done: usize,
        /// Known.
        total: usize,
    },
    /// Everything here is on the server, and the server's changes are here.
    Synced,
    /// The server cannot be reached; local work goes on and waits.
    Offline {
        /// Local changes waiting to be sent.
        waiting: usize,
        /// What failed.
        reason: String,
    },
    /// Another tab of claimtag in this browser is syncing; this one takes over when it closes.
    OtherTab,
    /// Sync stopped for a reason the user must act on (Retry starts it again).
    Failed {
        /// Local changes waiting to be sent.
        waiting: usize,
        /// What failed.
        reason: String,
        /// The session ended: signing in again (the password once more) resumes.
        sign_in: bool,
    },
}

/// What the page shows about the team.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct TeamReport {
    /// Where sync stands.
    pub status: TeamStatus,
    /// The database URL (empty when not connected).
    pub url: String,
    /// The CouchDB user.
    pub user: String,
    /// Team documents edited in two places, waiting for the user's choice.
    pub conflicts: Rc<Vec<Conflict>>,
    /// Team documents that could not be taken in.
    pub problems: Rc<Vec<String>>,
    /// Who annotates what.
    pub assignment: Rc<Assignment>,
    /// The user's share of the assignment: documents, and how many are done.
    pub my_share: Option<(usize, usize)>,
}

/// What the user asked the loop to do.
enum Choice {
    /// Keep version `rev` of team document `id`.
    Keep(String, String),
    /// Set the assignment.
    Assign(Assignment),
}

/// The handle the page keeps on a running sync.
pub struct Control {
    stop: Cell<bool>,
    poked: Cell<bool>,
    /// Documents saved since the last round, or `None`: look at the whole library.
    saved: RefCell<Option<BTreeSet<String>>>,
    chosen: RefCell<Vec<Choice>>,
    couch: Rc<Couch>,
}

impl Control {
    /// Something changed locally (or the user pressed Retry): sync now, cutting a wait short.
    pub fn poke(&self) {
        self.poked.set(true);
        self.couch.interrupt();
    }

    /// Keeps version `rev` of team document `id` (the other versions are retired).
    pub fn keep(&self, id: &str, rev: &str) {
        self.chosen
            .borrow_mut()
            .push(Choice::Keep(id.to_string(), rev.to_string()));
        self.poke();
    }

    /// Document `id` was saved in this browser: reconcile it (and only it) soon.
    pub fn saved(&self, id: &str) {
        if let Some(saved) = self.saved.borrow_mut().as_mut() {
            saved.insert(id.to_string());
        }
        self.poke();
    }

    /// Documents were added or changed in bulk (an intake): look at the whole library.
    pub fn rescan(&self) {
        self.saved.replace(None);
        self.poke();
    }

    /// Sets who annotates what, for the whole team.
    pub fn assign(&self, assignment: Assignment) {
        self.chosen.borrow_mut().push(Choice::Assign(assignment));
        self.poke();
    }

    /// Opens a new session (after the server's ended) and syncs again; the password is used
    /// for this request only.
    pub async fn sign_in(&self, name: &str, password: &str) -> Result<(), String> {
        self.couch
            .sign_in(name, password)
            .await
            .map_err(|e| e.to_string())?;
        self.poke();
        Ok(())
    }

    /// Stops the loop after its current request.
    pub fn stop(&self) {
        self.stop.set(true);
        self.poke();
    }
}

/// Where the loop reports to.
#[derive(Clone, PartialEq)]
pub struct Listeners {
    /// Every change of the report.
    pub report: Callback<TeamReport>,
    /// Progress within a round (the rest of the report stays as it was).
    pub status: Callback<TeamStatus>,
    /// Library documents were written by sync (refresh the listing).
    pub written: Callback<()>,
}

/// Signs in to the database at `url` as `name`, checks it, stores the connection and starts
/// syncing. The password is used for the sign-in request only.
pub async fn connect(
    url: &str,
    name: &str,
    password: &str,
    annotator: Rc<RefCell<String>>,
    listeners: Listeners,
) -> Result<Rc<Control>, String> {
    let couch = Rc::new(Couch::new(url)?);
    couch.greet().await.map_err(|e| e.to_string())?;
    couch
        .sign_in(name, password)
        .await
        .map_err(|e| e.to_string())?;
    couch.check().await.map_err(|e| match e {
        // Signed in a moment ago: the account is not one of the database's members.
        RemoteError::Unauthorized | RemoteError::Forbidden(_) => {
            "this account is not a member of the database (ask whoever runs it)".to_string()
        }
        other => other.to_string(),
    })?;
    let state = SyncState {
        url: couch.url().to_string(),
        user: name.to_string(),
        checkpoint: Checkpoint {
            session: random_session(),
            pull: serde_json::Value::from(0),
            ..Default::default()
        },
        ..SyncState::default()
    };
    // A new connection starts from nothing held of any earlier one.
    let storage = Storage::open().await.map_err(|e| e.to_string())?;
    storage.clear_team().await.map_err(|e| e.to_string())?;
    let engine = Engine::load(couch.clone(), state, annotator)
        .await
        .map_err(|e| e.to_string())?;
    engine.save_state().await.map_err(|e| e.to_string())?;
    let control = start(engine, listeners);
    tabs::announce_team_change(true);
    Ok(control)
}

/// Starts syncing again with the connection stored at the last visit, if there is one.
pub async fn reconnect(
    annotator: Rc<RefCell<String>>,
    listeners: Listeners,
) -> Option<Rc<Control>> {
    let storage = Storage::open().await.ok()?;
    let state: SyncState = serde_json::from_str(&storage.get_sync_state().await.ok()??).ok()?;
    let couch = Rc::new(Couch::new(&state.url).ok()?);
    let engine = Engine::load(couch, state, annotator).await.ok()?;
    Some(start(engine, listeners))
}

/// Stops syncing and forgets the team database here: the replica and the sync state go, every
/// library document stays. The other tabs are told, and the replica is cleared under the sync
/// lock, once no loop runs in any tab (one still running would write its state back).
pub async fn disconnect(control: Option<Rc<Control>>) -> Result<(), String> {
    if let Some(control) = control {
        control.stop();
    }
    tabs::announce_team_change(false);
    let cleared = tabs::locked(tabs::TEAM_SYNC_LOCK, async {
        let storage = Storage::open().await.map_err(|e| e.to_string())?;
        storage.clear_team().await.map_err(|e| e.to_string())
    })
    .await;
    cleared.unwrap_or_else(|| Err("the team database could not be forgotten".to_string()))
}

fn start(engine: Engine, listeners: Listeners) -> Rc<Control> {
    let control = Rc::new(Control {
        stop: Cell::new(false),
        poked: Cell::new(false),
        saved: RefCell::new(None),
        chosen: RefCell::new(Vec::new()),
        couch: engine.couch.clone(),
    });
    let status = listeners.status.clone();
    tabs::exclusive(
        tabs::TEAM_SYNC_LOCK,
        run(engine, control.clone(), listeners),
        move || status.emit(TeamStatus::OtherTab),
    );
    control
}

/// The sync loop: runs until stopped.
async fn run(mut engine: Engine, control: Rc<Control>, listeners: Listeners) {
    if control.stop.get() {
        return;
    }
    // Another tab may have synced while this one waited for the lock.
    if engine.reload().await.is_err() {
        return;
    }
    let report = |engine: &Engine, status: TeamStatus, my_share: Option<(usize, usize)>| {
        listeners.report.emit(TeamReport {
            status,
            url: engine.state.url.clone(),
            user: engine.state.user.clone(),
            conflicts: Rc::new(conflicts(&engine.replica)),
            problems: Rc::new(engine.problems.clone()),
            assignment: Rc::new(engine.assignment()),
            my_share,
        });
    };
    report(&engine, TeamStatus::Connecting, None);
    let mut resumed = false;
    let mut caught_up = false;
    let mut backoff = FIRST_BACKOFF_MS;
    while !control.stop.get() {
        control.poked.set(false);
        let step = cycle(&mut engine, &control, &mut resumed, caught_up, &listeners).await;
        if control.stop.get() {
            return;
        }
        match step {
            Ok(more) => {
                backoff = FIRST_BACKOFF_MS;
                caught_up = !more;
                if caught_up {
                    let share = engine.my_share().await;
                    report(&engine, TeamStatus::Synced, share);
                }
            }
            Err(failure) => {
                // What the failed step changed in memory is dropped; storage holds the truth.
                let _ = engine.reload().await;
                caught_up = false;
                let waiting = engine.waiting();
                let reason = failure.to_string();
                match failure {
                    Failure::Remote(error) if error.is_transient() => {
                        report(&engine, TeamStatus::Offline { waiting, reason }, None);
                        wait_or_poke(&control, backoff).await;
                        backoff = (backoff * 2).min(MAX_BACKOFF_MS);
                    }
                    failure => {
                        let sign_in = failure == Failure::Remote(RemoteError::Unauthorized);
                        report(
                            &engine,
                            TeamStatus::Failed {
                                waiting,
                                reason,
                                sign_in,
                            },
                            None,
                        );
                        while !control.poked.get() {
                            sleep(200).await;
                        }
                        backoff = FIRST_BACKOFF_MS;
                    }
                }
            }
        }
    }
}

/// One round: take in the user's choices, reconcile, push, pull one batch (waiting on the
/// changes feed when caught up). Returns whether more is waiting on the server.
async fn cycle(
    engine: &mut Engine,
    control: &Control,
    resumed: &mut bool,
    caught_up: bool,
    listeners: &Listeners,
) -> Result<bool, Failure> {
    let chosen: Vec<Choice> = control.chosen.borrow_mut().drain(..).collect();
    for choice in chosen {
        match choice {
            Choice::Keep(id, rev) => engine.keep(&id, &rev).await?,
            Choice::Assign(assignment) => engine.assign(&assignment).await?,
        }
    }
    let progress = |done: usize, total: usize| {
        listeners.status.emit(TeamStatus::Syncing { done, total });
    };
    let only = control.saved.replace(Some(BTreeSet::new()));
    if let Err(failure) = engine.reconcile(only, &progress).await {
        // What was saved is looked for again, with everything else, next round.
        control.saved.replace(None);
        return Err(failure);
    }
    if !*resumed {
        engine.resume().await?;
        *resumed = true;
    }
    engine.push(&progress).await?;
    let wait = (caught_up && !control.poked.get()).then_some(LONGPOLL_MS);
    let more = engine.pull(wait).await?;
    if engine.written > 0 {
        listeners.written.emit(());
    }
    if more {
        let done = engine.fetched;
        let pending = engine.pending.map_or(1, |p| p as usize);
        progress(done, done + pending);
    }
    Ok(more)
}

/// Waits `ms`, or less when poked or stopped.
async fn wait_or_poke(control: &Control, ms: i32) {
    let mut left = ms;
    while left > 0 && !control.poked.get() && !control.stop.get() {
        sleep(200).await;
        left -= 200;
    }
}

/// A random name for this browser's replication.
fn random_session() -> String {
    let part = || (js_sys::Math::random() * f64::from(u32::MAX)) as u32;
    format!("{:08x}{:08x}", part(), part())
}
