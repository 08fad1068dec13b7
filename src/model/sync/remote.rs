//! Replication with a CouchDB server, one batch at a time, over any [`Remote`] that speaks its
//! HTTP API: pull reads `_changes` since a checkpoint, asks which revisions are missing here and
//! fetches them with `_bulk_get?revs=true`; push asks the server with `_revs_diff` which local
//! revisions it lacks and sends them with `_bulk_docs` and `new_edits: false`, so every
//! revision, conflicting ones included, keeps its id on both sides. Checkpoints are `_local`
//! documents, which never replicate.

use serde::{Deserialize, Serialize};
use serde_json::{json, Map, Value};

use super::replica::Replica;

/// Changes read, or local documents sent, per request.
pub const BATCH: usize = 200;

/// Why a request to the team server failed. Each says what happened in words a user can act on.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum RemoteError {
    /// 401: not signed in, or the session ended.
    #[error("the server asks you to sign in again (401: session missing or expired)")]
    Unauthorized,
    /// `/_session` refused the name and password.
    #[error("the name or password is incorrect")]
    BadCredentials,
    /// 403: signed in, but not allowed.
    #[error("the server refused this account access to the database (403 forbidden): {0}")]
    Forbidden(String),
    /// 404: no such database.
    #[error("there is no such database on the server (404)")]
    NotFound,
    /// 409: a write raced another.
    #[error("the server reported a conflicting write (409); it will be retried")]
    Conflict,
    /// 412: the request's precondition failed (e.g. the database exists).
    #[error("the server refused the request (412 precondition failed): {0}")]
    PreconditionFailed(String),
    /// 5xx.
    #[error("the server failed ({0}); retrying later")]
    Server(u16),
    /// Another status the protocol does not use.
    #[error("the server answered with status {0}, which CouchDB does not send here")]
    Status(u16),
    /// The answer was not CouchDB's.
    #[error("this address does not answer like a CouchDB database: {0}")]
    NotCouch(String),
    /// No answer in time.
    #[error("the server did not answer in time")]
    Timeout,
    /// No connection.
    #[error("the server cannot be reached (offline, or it does not allow this page's origin)")]
    Offline,
}

impl RemoteError {
    /// The error for an HTTP status with CouchDB's `reason`.
    pub fn from_status(status: u16, reason: &str) -> RemoteError {
        match status {
            401 => RemoteError::Unauthorized,
            403 => RemoteError::Forbidden(reason.to_string()),
            404 => RemoteError::NotFound,
            409 => RemoteError::Conflict,
            412 => RemoteError::PreconditionFailed(reason.to_string()),
            500..=599 => RemoteError::Server(status),
            other => RemoteError::Status(other),
        }
    }

    /// Whether waiting and trying again can help (rather than the user acting).
    pub fn is_transient(&self) -> bool {
        matches!(
            self,
            RemoteError::Conflict
                | RemoteError::Server(_)
                | RemoteError::Timeout
                | RemoteError::Offline
        )
    }
}

/// A CouchDB database over HTTP: paths are relative to the database (`_changes?since=0`).
#[allow(async_fn_in_trait)] // Futures run on one thread, in the browser or a test.
pub trait Remote {
    /// `GET` a JSON answer.
    async fn get(&self, path: &str) -> Result<Value, RemoteError>;
    /// `POST` JSON, get JSON.
    async fn post(&self, path: &str, body: &Value) -> Result<Value, RemoteError>;
    /// `PUT` JSON, get JSON.
    async fn put(&self, path: &str, body: &Value) -> Result<Value, RemoteError>;
}

/// Where replication with one server stands, kept locally and as a `_local` document there.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Checkpoint {
    /// Names this replica's replication; a server checkpoint with another session is not ours.
    pub session: String,
    /// The server's `last_seq` pulled up to (opaque: CouchDB 3 sends strings).
    pub pull: Value,
    /// The local sequence pushed up to.
    pub push: u64,
    /// The `_rev` of the server's checkpoint document, needed to update it.
    #[serde(default)]
    pub server_rev: Option<String>,
}

impl Checkpoint {
    /// The `_local` document id of this replica's checkpoint.
    pub fn doc_id(&self) -> String {
        format!("_local/claimtag-{}", self.session)
    }
}

/// What one pull batch did.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Pulled {
    /// Team documents that gained revisions.
    pub changed: Vec<String>,
    /// Revisions fetched.
    pub fetched: usize,
    /// Changes the server listed.
    pub listed: usize,
    /// Whether the feed had nothing more.
    pub done: bool,
    /// Changes still pending on the server after this batch, if it said.
    pub pending: Option<u64>,
}

/// Checks the server's checkpoint: resumes from the local one when the server holds the same,
/// otherwise starts the pull over (revisions held here are not fetched again). Returns the
/// checkpoint to use.
pub async fn resume(remote: &impl Remote, local: Checkpoint) -> Result<Checkpoint, RemoteError> {
    let server = match remote.get(&local.doc_id()).await {
        Ok(doc) => Some(doc),
        Err(RemoteError::NotFound) => None,
        Err(other) => return Err(other),
    };
    let server_rev = server
        .as_ref()
        .and_then(|d| d.get("_rev"))
        .and_then(Value::as_str)
        .map(str::to_string);
    let agrees = server
        .as_ref()
        .is_some_and(|d| d.get("pull") == Some(&local.pull) && !local.pull.is_null());
    Ok(Checkpoint {
        pull: if agrees { local.pull } else { Value::from(0) },
        server_rev,
        ..local
    })
}

/// Stores the checkpoint on the server, keeping its `_rev` up to date.
pub async fn save_checkpoint(
    remote: &impl Remote,
    checkpoint: &mut Checkpoint,
) -> Result<(), RemoteError> {
    let mut doc = json!({ "pull": checkpoint.pull, "push": checkpoint.push });
    if let Some(rev) = &checkpoint.server_rev {
        doc["_rev"] = Value::from(rev.as_str());
    }
    let answer = remote.put(&checkpoint.doc_id(), &doc).await?;
    checkpoint.server_rev = answer
        .get("rev")
        .and_then(Value::as_str)
        .map(str::to_string);
    Ok(())
}

/// Pulls one batch of changes after `checkpoint.pull` into the replica and moves the
/// checkpoint (locally; store it with [`save_checkpoint`] once the batch is kept).
pub async fn pull_batch(
    remote: &impl Remote,
    replica: &mut Replica,
    checkpoint: &mut Checkpoint,
    wait_ms: Option<u32>,
) -> Result<Pulled, RemoteError> {
    let since = match &checkpoint.pull {
        Value::String(s) => s.clone(),
        other => other.to_string(),
    };
    let feed = match wait_ms {
        Some(ms) => format!("&feed=longpoll&timeout={ms}"),
        None => String::new(),
    };
    let path = format!(
        "_changes?style=all_docs&limit={BATCH}&since={}{feed}",
        encode(&since)
    );
    let answer = remote.get(&path).await?;
    let results = answer
        .get("results")
        .and_then(Value::as_array)
        .ok_or_else(|| RemoteError::NotCouch("its changes feed has no results".to_string()))?;
    let last_seq = answer
        .get("last_seq")
        .cloned()
        .ok_or_else(|| RemoteError::NotCouch("its changes feed has no last_seq".to_string()))?;
    let mut wanted = Vec::new();
    for change in results {
        let Some(id) = change.get("id").and_then(Value::as_str) else {
            continue;
        };
        if id.starts_with("_design/") {
            continue;
        }
        let revs: Vec<String> = change
            .get("changes")
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
            .filter_map(|c| c.get("rev").and_then(Value::as_str).map(str::to_string))
            .collect();
        for rev in replica.missing(id, &revs) {
            wanted.push(json!({ "id": id, "rev": rev }));
        }
    }
    let mut pulled = Pulled {
        listed: results.len(),
        done: results.len() < BATCH,
        pending: answer.get("pending").and_then(Value::as_u64),
        ..Pulled::default()
    };
    if !wanted.is_empty() {
        let answer = remote
            .post("_bulk_get?revs=true", &json!({ "docs": wanted }))
            .await?;
        let results = answer
            .get("results")
            .and_then(Value::as_array)
            .ok_or_else(|| RemoteError::NotCouch("its _bulk_get has no results".to_string()))?;
        for doc in results
            .iter()
            .filter_map(|r| r.get("docs").and_then(Value::as_array))
            .flatten()
            .filter_map(|d| d.get("ok"))
        {
            let id = replica
                .insert(doc)
                .map_err(|e| RemoteError::NotCouch(e.to_string()))?;
            pulled.fetched += 1;
            if !pulled.changed.contains(&id) {
                pulled.changed.push(id);
            }
        }
    }
    checkpoint.pull = last_seq;
    Ok(pulled)
}

/// What one push batch did.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Pushed {
    /// Revisions the server lacked and was sent.
    pub sent: usize,
    /// Local changes still to push after this batch.
    pub remaining: usize,
}

/// Pushes one batch of local changes after `checkpoint.push` and moves the checkpoint.
pub async fn push_batch(
    remote: &impl Remote,
    replica: &Replica,
    checkpoint: &mut Checkpoint,
) -> Result<Pushed, RemoteError> {
    let changed = replica.changed_since(checkpoint.push);
    let batch = &changed[..changed.len().min(BATCH)];
    let Some(&(last, _)) = batch.last() else {
        return Ok(Pushed::default());
    };
    let offer: Map<String, Value> = batch
        .iter()
        .map(|(_, id)| (id.to_string(), Value::from(replica.leaf_revs(id))))
        .collect();
    let offered: Vec<&str> = batch.iter().map(|(_, id)| *id).collect();
    let diff = remote.post("_revs_diff", &Value::Object(offer)).await?;
    let diff = diff
        .as_object()
        .ok_or_else(|| RemoteError::NotCouch("its _revs_diff is not an object".to_string()))?;
    // CouchDB lists only documents it lacks revisions of; anything else is not its answer.
    if let Some(stranger) = diff.keys().find(|id| !offered.contains(&id.as_str())) {
        return Err(RemoteError::NotCouch(format!(
            "its _revs_diff names a document that was not offered ({stranger})"
        )));
    }
    let docs: Vec<Value> = diff
        .iter()
        .flat_map(|(id, d)| {
            d.get("missing")
                .and_then(Value::as_array)
                .into_iter()
                .flatten()
                .filter_map(|rev| replica.wire_doc(id, rev.as_str()?))
        })
        .collect();
    if !docs.is_empty() {
        let answer = remote
            .post("_bulk_docs", &json!({ "docs": docs, "new_edits": false }))
            .await?;
        if let Some(refused) = answer
            .as_array()
            .into_iter()
            .flatten()
            .find(|r| r.get("error").is_some())
        {
            let field = |k: &str| refused.get(k).and_then(Value::as_str).unwrap_or("");
            let reason = format!("{}: {} ({})", field("id"), field("reason"), field("error"));
            return Err(match field("error") {
                "forbidden" => RemoteError::Forbidden(reason),
                "unauthorized" => RemoteError::Unauthorized,
                _ => RemoteError::NotCouch(reason),
            });
        }
    }
    checkpoint.push = last;
    Ok(Pushed {
        sent: docs.len(),
        remaining: changed.len() - batch.len(),
    })
}

/// Percent-encodes a query value (CouchDB 3 sequences hold `-` and letters; be safe anyway).
pub fn encode(value: &str) -> String {
    value
        .bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                (b as char).to_string()
            }
            other => format!("%{other:02X}"),
        })
        .collect()
}
