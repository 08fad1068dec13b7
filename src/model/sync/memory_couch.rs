//! A model of a CouchDB database for the native tests: revision trees per document, an update
//! sequence and changes feed, `_revs_diff`, `_bulk_docs` with `new_edits: false`,
//! `_bulk_get?revs=true` and `_local` documents, answering the same JSON a server does. It can be
//! taken offline, and it counts the revisions it sends.

use std::cell::{Cell, RefCell};
use std::collections::BTreeMap;

use serde_json::{json, Value};

use super::remote::{Remote, RemoteError};
use super::replica::Replica;

/// The model server.
#[derive(Default)]
pub struct MemoryCouch {
    store: RefCell<Replica>,
    update_seq: RefCell<BTreeMap<String, u64>>,
    seq: Cell<u64>,
    local: RefCell<BTreeMap<String, (u64, Value)>>,
    /// Answers every request with [`RemoteError::Offline`] while set.
    pub offline: Cell<bool>,
    /// Revisions sent by `_bulk_get`.
    pub sent: Cell<usize>,
}

impl MemoryCouch {
    /// The winning body of `id` and how many conflicting versions it has.
    pub fn winner(&self, id: &str) -> Option<(Value, usize)> {
        let store = self.store.borrow();
        let entry = store.entries.get(id)?;
        Some((entry.winner()?.1.clone(), entry.conflicts().len()))
    }

    fn up(&self) -> Result<(), RemoteError> {
        match self.offline.get() {
            true => Err(RemoteError::Offline),
            false => Ok(()),
        }
    }

    fn changes(&self, query: &str) -> Value {
        let param = |name: &str| {
            query
                .split('&')
                .find_map(|p| p.strip_prefix(&format!("{name}=")))
                .unwrap_or("0")
                .to_string()
        };
        let since: u64 = param("since").parse().unwrap_or(0);
        let limit: usize = param("limit").parse().unwrap_or(usize::MAX);
        let mut changed: Vec<(u64, String)> = self
            .update_seq
            .borrow()
            .iter()
            .filter(|(_, s)| **s > since)
            .map(|(id, s)| (*s, id.clone()))
            .collect();
        changed.sort();
        changed.truncate(limit);
        let store = self.store.borrow();
        let results: Vec<Value> = changed
            .iter()
            .map(|(seq, id)| {
                let revs: Vec<Value> = store
                    .leaf_revs(id)
                    .into_iter()
                    .map(|rev| json!({ "rev": rev }))
                    .collect();
                json!({ "id": id, "seq": seq, "changes": revs })
            })
            .collect();
        let last = changed.last().map_or(since, |(s, _)| *s);
        json!({ "results": results, "last_seq": last })
    }
}

impl Remote for MemoryCouch {
    async fn get(&self, path: &str) -> Result<Value, RemoteError> {
        self.up()?;
        if let Some(query) = path.strip_prefix("_changes?") {
            return Ok(self.changes(query));
        }
        match self.local.borrow().get(path) {
            Some((rev, doc)) => {
                let mut doc = doc.clone();
                doc["_rev"] = Value::from(format!("0-{rev}"));
                Ok(doc)
            }
            None => Err(RemoteError::NotFound),
        }
    }

    async fn post(&self, path: &str, body: &Value) -> Result<Value, RemoteError> {
        self.up()?;
        let malformed = || RemoteError::Status(400);
        match path {
            "_revs_diff" => {
                let store = self.store.borrow();
                let mut answer = serde_json::Map::new();
                for (id, revs) in body.as_object().ok_or_else(malformed)? {
                    let revs: Vec<String> = revs
                        .as_array()
                        .ok_or_else(malformed)?
                        .iter()
                        .filter_map(|r| r.as_str().map(str::to_string))
                        .collect();
                    let missing = store.missing(id, &revs);
                    if !missing.is_empty() {
                        answer.insert(id.clone(), json!({ "missing": missing }));
                    }
                }
                Ok(Value::Object(answer))
            }
            "_bulk_docs" => {
                let mut store = self.store.borrow_mut();
                for doc in body["docs"].as_array().ok_or_else(malformed)? {
                    let id = store.insert(doc).map_err(|_| malformed())?;
                    self.seq.set(self.seq.get() + 1);
                    self.update_seq.borrow_mut().insert(id, self.seq.get());
                }
                Ok(json!([]))
            }
            "_bulk_get?revs=true" => {
                let store = self.store.borrow();
                let mut results = Vec::new();
                for wanted in body["docs"].as_array().ok_or_else(malformed)? {
                    let (Some(id), Some(rev)) = (wanted["id"].as_str(), wanted["rev"].as_str())
                    else {
                        return Err(malformed());
                    };
                    if let Some(doc) = store.wire_doc(id, rev) {
                        self.sent.set(self.sent.get() + 1);
                        results.push(json!({ "id": id, "docs": [{ "ok": doc }] }));
                    }
                }
                Ok(json!({ "results": results }))
            }
            _ => Err(RemoteError::NotFound),
        }
    }

    async fn put(&self, path: &str, body: &Value) -> Result<Value, RemoteError> {
        self.up()?;
        let mut local = self.local.borrow_mut();
        let current = local.get(path).map(|(rev, _)| format!("0-{rev}"));
        if body.get("_rev").and_then(Value::as_str).map(str::to_string) != current {
            return Err(RemoteError::Conflict);
        }
        let rev = local.get(path).map_or(1, |(rev, _)| rev + 1);
        let mut doc = body.clone();
        if let Some(object) = doc.as_object_mut() {
            object.remove("_rev");
        }
        local.insert(path.to_string(), (rev, doc));
        Ok(json!({ "ok": true, "id": path, "rev": format!("0-{rev}") }))
    }
}
