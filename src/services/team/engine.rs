//! One browser's replication with the team database, step by step: local library changes
//! become revisions in the replica ([`Engine::reconcile`]), those go to the server
//! ([`Engine::push`]), the server's changes come back and are rebuilt into library documents
//! ([`Engine::pull`]). Each step is written to IndexedDB in one transaction with the sync
//! state, so a reload or a crash resumes where the last step ended.

use std::cell::RefCell;
use std::collections::{BTreeMap, BTreeSet};
use std::rc::Rc;

use serde::{Deserialize, Serialize};

use crate::model::library::own_layer_name;
use crate::model::sync::assignment::{Assignment, ASSIGNMENT_KEY};
use crate::model::sync::layout::{rebuild, revise, team_bodies, TeamDoc};
use crate::model::sync::remote::{
    pull_batch, push_batch, resume, save_checkpoint, Checkpoint, RemoteError,
};
use crate::model::sync::replica::{Entry, Replica};
use crate::model::sync::rev::Rev;
use crate::services::clock::now_iso;
use crate::services::couch::Couch;
use crate::services::jobs::yield_to_browser;
use crate::services::library::TEAM_ASSIGNMENT;
use crate::services::storage::Storage;
use crate::services::tabs;

/// Documents reconciled per stored step.
const RECONCILE_BATCH: usize = 50;
/// How long a caught-up pull waits on the server for a change, in milliseconds.
pub const LONGPOLL_MS: u32 = 25_000;

/// What is kept in IndexedDB about the connection (never a password).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct SyncState {
    /// The database URL.
    pub url: String,
    /// The CouchDB user signed in.
    pub user: String,
    /// Where replication stands.
    pub checkpoint: Checkpoint,
    /// The replica's last local sequence number.
    pub seq: u64,
    /// The library revision of each document last turned into team revisions.
    pub reconciled: BTreeMap<String, u64>,
}

/// Why a step stopped.
#[derive(Debug, Clone, PartialEq)]
pub enum Failure {
    /// The server (or the way to it).
    Remote(RemoteError),
    /// The browser's storage.
    Local(String),
}

impl From<RemoteError> for Failure {
    fn from(error: RemoteError) -> Self {
        Failure::Remote(error)
    }
}

impl std::fmt::Display for Failure {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Failure::Remote(error) => write!(f, "{error}"),
            Failure::Local(reason) => write!(f, "{reason}"),
        }
    }
}

fn local(error: impl ToString) -> Failure {
    Failure::Local(error.to_string())
}

/// Progress of a step: revisions moved and the total known.
pub type Progress<'a> = &'a dyn Fn(usize, usize);

/// The replica, the sync state and the connection.
pub struct Engine {
    /// The team database.
    pub couch: Rc<Couch>,
    storage: Storage,
    /// The team documents held here.
    pub replica: Replica,
    /// Where sync stands.
    pub state: SyncState,
    /// The user's annotator name (their layer's name), as it is now.
    annotator: Rc<RefCell<String>>,
    /// Team documents that could not be taken in, with the reason.
    pub problems: Vec<String>,
    /// Library documents written by the last pull.
    pub written: usize,
    /// Revisions fetched since the engine started.
    pub fetched: usize,
    /// Changes the server said were still waiting after the last pull.
    pub pending: Option<u64>,
}

impl Engine {
    /// The engine for `state`, with the replica stored beside it.
    pub async fn load(
        couch: Rc<Couch>,
        state: SyncState,
        annotator: Rc<RefCell<String>>,
    ) -> Result<Engine, Failure> {
        let storage = Storage::open().await.map_err(local)?;
        let mut engine = Engine {
            couch,
            storage,
            replica: Replica::default(),
            state,
            annotator,
            problems: Vec::new(),
            written: 0,
            fetched: 0,
            pending: None,
        };
        engine.reload().await?;
        Ok(engine)
    }

    /// Reads the replica and the sync state back from storage (after a failed step, whose
    /// changes in memory are dropped).
    pub async fn reload(&mut self) -> Result<(), Failure> {
        if let Some(json) = self.storage.get_sync_state().await.map_err(local)? {
            self.state = serde_json::from_str(&json).map_err(local)?;
        }
        let mut entries = BTreeMap::new();
        for (id, json) in self.storage.all_replica_entries().await.map_err(local)? {
            let entry: Entry = serde_json::from_str(&json).map_err(local)?;
            entries.insert(id, entry);
        }
        self.replica = Replica {
            entries,
            seq: self.state.seq,
        };
        Ok(())
    }

    /// Stores the state alone (right after connecting).
    pub async fn save_state(&self) -> Result<(), Failure> {
        self.persist(&[]).await
    }

    /// Local changes not on the server yet.
    pub fn waiting(&self) -> usize {
        self.replica.changed_since(self.state.checkpoint.push).len()
    }

    /// Checks the server's checkpoint (once per connection).
    pub async fn resume(&mut self) -> Result<(), Failure> {
        self.state.checkpoint = resume(&*self.couch, self.state.checkpoint.clone()).await?;
        self.persist(&[]).await
    }

    /// Keeps `rev` of team document `id` and retires its other versions.
    pub async fn keep(&mut self, id: &str, rev: &str) -> Result<(), Failure> {
        let Some(rev) = Rev::parse(rev) else {
            return Ok(());
        };
        if self.replica.resolve(id, &rev) {
            self.persist(&[id.to_string()]).await?;
            self.take_in(&[id.to_string()]).await?;
        }
        Ok(())
    }

    /// The team's assignment as the replica holds it.
    pub fn assignment(&self) -> Assignment {
        self.replica
            .body(ASSIGNMENT_KEY)
            .map(Assignment::from_body)
            .unwrap_or_default()
    }

    /// Sets the team's assignment (it goes to the server with the next push).
    pub async fn assign(&mut self, assignment: &Assignment) -> Result<(), Failure> {
        if self
            .replica
            .edit(ASSIGNMENT_KEY, assignment.to_body())
            .is_some()
        {
            self.persist(&[ASSIGNMENT_KEY.to_string()]).await?;
        }
        self.keep_assignment().await
    }

    /// Keeps the assignment where **Next to do** reads it.
    async fn keep_assignment(&self) -> Result<(), Failure> {
        let json = serde_json::to_string(&self.assignment()).map_err(local)?;
        self.storage
            .put_setting(TEAM_ASSIGNMENT, &json)
            .await
            .map_err(local)
    }

    /// How many documents the assignment gives the user, and how many of them are done.
    pub async fn my_share(&self) -> Option<(usize, usize)> {
        let assignment = self.assignment();
        let annotator = self.annotator.borrow().clone();
        let mine = assignment.of(own_layer_name(&annotator))?;
        let summaries = self.storage.all_summaries().await.ok()?;
        let done = summaries
            .iter()
            .filter(|s| mine.contains(s.info.id.as_str()))
            .filter(|s| s.info.status == crate::model::library::DocStatus::Done)
            .count();
        Some((mine.len(), done))
    }

    /// Turns the library documents changed since they were last reconciled into team
    /// revisions (its text, the user's layer, the gold layer).
    /// `only` names the documents saved since the last round; `None` looks at every one.
    pub async fn reconcile(
        &mut self,
        only: Option<BTreeSet<String>>,
        progress: Progress<'_>,
    ) -> Result<(), Failure> {
        let summaries = match only {
            None => self.storage.all_summaries().await.map_err(local)?,
            Some(ids) => {
                let mut summaries = Vec::with_capacity(ids.len());
                for id in ids {
                    if let Some(summary) = self.storage.get_summary(&id).await.map_err(local)? {
                        summaries.push(summary);
                    }
                }
                summaries
            }
        };
        let due: Vec<String> = summaries
            .into_iter()
            .filter(|s| {
                s.info.deleted_at.is_none()
                    && self.state.reconciled.get(&s.info.id) != Some(&s.info.revision)
            })
            .map(|s| s.info.id)
            .collect();
        let annotator = self.annotator.borrow().clone();
        let mut done = 0;
        for chunk in due.chunks(RECONCILE_BATCH) {
            let mut changed = Vec::new();
            for id in chunk {
                let Some(stored) = self.storage.get_document(id).await.map_err(local)? else {
                    continue;
                };
                for (key, body) in team_bodies(&stored, &annotator) {
                    if self.replica.edit(&key, body).is_some() {
                        changed.push(key);
                    }
                }
                self.state
                    .reconciled
                    .insert(stored.info.id.clone(), stored.info.revision);
            }
            self.persist(&changed).await?;
            done += chunk.len();
            if due.len() > RECONCILE_BATCH {
                progress(done, due.len());
                yield_to_browser().await;
            }
        }
        Ok(())
    }

    /// Sends every local revision the server lacks, a batch at a time.
    pub async fn push(&mut self, progress: Progress<'_>) -> Result<(), Failure> {
        let mut sent = 0;
        loop {
            let mut checkpoint = self.state.checkpoint.clone();
            let pushed = push_batch(&*self.couch, &self.replica, &mut checkpoint).await?;
            if checkpoint.push == self.state.checkpoint.push {
                return Ok(());
            }
            self.state.checkpoint = checkpoint;
            self.persist(&[]).await?;
            sent += pushed.sent;
            if pushed.remaining == 0 {
                return Ok(());
            }
            progress(sent, sent + pushed.remaining);
        }
    }

    /// Pulls one batch of the server's changes (waiting up to `wait_ms` for one when given)
    /// and rebuilds the library documents they touch. Returns whether more are waiting.
    pub async fn pull(&mut self, wait_ms: Option<u32>) -> Result<bool, Failure> {
        let mut checkpoint = self.state.checkpoint.clone();
        let pulled =
            match pull_batch(&*self.couch, &mut self.replica, &mut checkpoint, wait_ms).await {
                // A local change cut the wait short: push it first.
                Err(_) if self.couch.take_interrupted() => return Ok(true),
                other => other?,
            };
        let moved = checkpoint.pull != self.state.checkpoint.pull;
        self.state.checkpoint = checkpoint;
        self.written = 0;
        self.fetched += pulled.fetched;
        self.pending = pulled.pending;
        if !pulled.changed.is_empty() {
            self.take_in(&pulled.changed).await?;
        } else if moved {
            self.persist(&[]).await?;
        }
        if moved {
            self.save_checkpoint().await?;
        }
        Ok(!pulled.done)
    }

    /// Stores the checkpoint on the server (refreshing its `_rev` once if it raced).
    async fn save_checkpoint(&mut self) -> Result<(), Failure> {
        let mut checkpoint = self.state.checkpoint.clone();
        if let Err(RemoteError::Conflict) = save_checkpoint(&*self.couch, &mut checkpoint).await {
            let fresh = resume(&*self.couch, checkpoint.clone()).await?;
            checkpoint.server_rev = fresh.server_rev;
            save_checkpoint(&*self.couch, &mut checkpoint).await?;
        }
        self.state.checkpoint.server_rev = checkpoint.server_rev;
        self.persist(&[]).await
    }

    /// Rebuilds the library documents the team documents `changed` belong to, and stores
    /// them with the replica in one step; tells open tabs which changed.
    async fn take_in(&mut self, changed: &[String]) -> Result<(), Failure> {
        let docs: BTreeSet<&str> = changed
            .iter()
            .filter_map(|id| TeamDoc::parse(id))
            .map(TeamDoc::doc)
            .collect();
        let annotator = self.annotator.borrow().clone();
        let now = now_iso();
        let mut written = Vec::new();
        // One transaction from reading each document to writing it back: a save of the open
        // document cannot come between and be overwritten.
        let writing = self.storage.writing().map_err(local)?;
        for doc in docs {
            let stored = writing.get_document(doc).await.map_err(local)?;
            self.problems.retain(|p| !p.starts_with(doc));
            match rebuild(stored.clone(), doc, &self.replica, &annotator) {
                Ok(Some(next)) => {
                    if let Some(next) = revise(stored.as_ref(), next, &now) {
                        self.state
                            .reconciled
                            .insert(next.info.id.clone(), next.info.revision);
                        writing.put_document(&next).map_err(local)?;
                        written.push((next.info.id, next.info.revision, next.info.writer));
                    }
                }
                Ok(None) => {}
                Err(error) => self.problems.push(format!("{doc}: {error}")),
            }
        }
        for id in changed {
            if let Some(entry) = self.replica.entries.get(id) {
                let json = serde_json::to_string(entry).map_err(local)?;
                writing.put_replica_entry(id, &json).map_err(local)?;
            }
        }
        writing.put_sync_state(&self.state_json()?).map_err(local)?;
        writing.commit().await.map_err(local)?;
        if changed.iter().any(|id| id == ASSIGNMENT_KEY) {
            self.keep_assignment().await?;
        }
        for (id, revision, writer) in &written {
            tabs::announce(id, *revision, writer);
        }
        self.written = written.len();
        Ok(())
    }

    /// The sync state as stored, with the replica's sequence.
    fn state_json(&self) -> Result<String, Failure> {
        let state = SyncState {
            seq: self.replica.seq,
            ..self.state.clone()
        };
        serde_json::to_string(&state).map_err(local)
    }

    /// Writes the replica entries `changed` and the state in one transaction.
    async fn persist(&self, changed: &[String]) -> Result<(), Failure> {
        let entries: Vec<(String, String)> = changed
            .iter()
            .filter_map(|id| {
                let entry = self.replica.entries.get(id)?;
                Some((id.clone(), serde_json::to_string(entry).ok()?))
            })
            .collect();
        self.storage
            .put_sync_step(&entries, &self.state_json()?)
            .await
            .map_err(local)
    }
}
