//! The browser's side of replication: every team document it knows, with its revision tree and
//! the body of each current version, and a local sequence that says which changed since the
//! last push. Local edits become new revisions here; revisions from the server are merged in;
//! nothing in it is ever overwritten without a revision saying so.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use super::rev::Rev;
use super::tree::RevTree;

/// One team document as this replica knows it.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Entry {
    /// Every revision known.
    pub tree: RevTree,
    /// The body of each leaf revision held here (`pos-hash` → JSON without `_` fields).
    pub bodies: BTreeMap<String, Value>,
    /// The local sequence number of the last local change (0: none since it came from the
    /// server).
    pub seq: u64,
}

impl Entry {
    /// The winning revision and its body.
    pub fn winner(&self) -> Option<(Rev, &Value)> {
        let rev = self.tree.winner()?;
        let body = self.bodies.get(&rev.to_string())?;
        Some((rev, body))
    }

    /// The conflicting versions (live leaves other than the winner) with their bodies.
    pub fn conflicts(&self) -> Vec<(Rev, &Value)> {
        self.tree
            .conflicts()
            .into_iter()
            .filter_map(|rev| {
                let body = self.bodies.get(&rev.to_string())?;
                Some((rev, body))
            })
            .collect()
    }

    /// Drops bodies of revisions that are no longer leaves.
    fn forget_old_bodies(&mut self) {
        let leaves: Vec<String> = self.tree.leaves().iter().map(Rev::to_string).collect();
        self.bodies.retain(|rev, _| leaves.contains(rev));
    }
}

/// Why a document from the server could not be taken in.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("the server sent a document claimtag cannot read: {0}")]
pub struct BadDocument(pub String);

/// Every team document this browser holds.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Replica {
    /// Team documents by id.
    pub entries: BTreeMap<String, Entry>,
    /// The last local sequence number given out.
    pub seq: u64,
}

impl Replica {
    /// The winning body of `id`.
    pub fn body(&self, id: &str) -> Option<&Value> {
        Some(self.entries.get(id)?.winner()?.1)
    }

    /// Records a local change of `id` as a new revision on top of the winner; returns the new
    /// revision, or `None` when the body is what the winner already holds.
    pub fn edit(&mut self, id: &str, body: Value) -> Option<Rev> {
        let entry = self.entries.entry(id.to_string()).or_default();
        let winner = entry.tree.winner();
        if let Some(winner) = &winner {
            let live = !entry.tree.is_deleted(winner);
            if live && entry.bodies.get(&winner.to_string()) == Some(&body) {
                return None;
            }
        }
        let rev = Rev::next(winner.as_ref(), &body.to_string());
        let mut history = vec![rev.clone()];
        history.extend(winner);
        entry.tree.insert(&history, false);
        entry.bodies.insert(rev.to_string(), body);
        entry.forget_old_bodies();
        self.seq += 1;
        entry.seq = self.seq;
        Some(rev)
    }

    /// Ends a conflict: `keep` becomes the only live version (a new revision when it was not the
    /// winner), every other live version gets a deletion revision. The other versions stay in
    /// the tree, as in CouchDB. Returns whether `keep` was one of the versions.
    pub fn resolve(&mut self, id: &str, keep: &Rev) -> bool {
        let Some(entry) = self.entries.get_mut(id) else {
            return false;
        };
        let live = entry.tree.live_leaves();
        if !live.contains(keep) {
            return false;
        }
        let Some(body) = entry.bodies.get(&keep.to_string()).cloned() else {
            return false;
        };
        for leaf in live.iter().filter(|leaf| *leaf != keep) {
            let tombstone = Rev::next(Some(leaf), "deleted");
            entry.tree.insert(&[tombstone.clone(), leaf.clone()], true);
            entry
                .bodies
                .insert(tombstone.to_string(), Value::Object(Map::new()));
        }
        if entry.tree.winner().as_ref() != Some(keep) {
            let rev = Rev::next(Some(keep), &body.to_string());
            entry.tree.insert(&[rev.clone(), keep.clone()], false);
            entry.bodies.insert(rev.to_string(), body);
        }
        entry.forget_old_bodies();
        self.seq += 1;
        entry.seq = self.seq;
        true
    }

    /// Which of `revs` of `id` this replica lacks (its side of `_revs_diff`).
    pub fn missing(&self, id: &str, revs: &[String]) -> Vec<String> {
        let tree = self.entries.get(id).map(|e| &e.tree);
        revs.iter()
            .filter(|rev| !tree.is_some_and(|t| t.contains(rev)))
            .cloned()
            .collect()
    }

    /// Takes in a document as `_bulk_get?revs=true` sends it (with `_id`, `_rev`,
    /// `_revisions`, maybe `_deleted`); returns its id.
    pub fn insert(&mut self, doc: &Value) -> Result<String, BadDocument> {
        let object = doc
            .as_object()
            .ok_or_else(|| BadDocument("not an object".to_string()))?;
        let id = object
            .get("_id")
            .and_then(Value::as_str)
            .ok_or_else(|| BadDocument("no _id".to_string()))?
            .to_string();
        let rev = object
            .get("_rev")
            .and_then(Value::as_str)
            .and_then(Rev::parse)
            .ok_or_else(|| BadDocument(format!("{id}: no readable _rev")))?;
        let history = match object.get("_revisions") {
            Some(revisions) => history_of(revisions)
                .filter(|h| h.first() == Some(&rev))
                .ok_or_else(|| BadDocument(format!("{id}: unreadable _revisions")))?,
            None => vec![rev.clone()],
        };
        let deleted = object.get("_deleted").and_then(Value::as_bool) == Some(true);
        let body: Map<String, Value> = object
            .iter()
            .filter(|(k, _)| !k.starts_with('_'))
            .map(|(k, v)| (k.clone(), v.clone()))
            .collect();
        let entry = self.entries.entry(id.clone()).or_default();
        if entry.tree.insert(&history, deleted) {
            entry.bodies.insert(rev.to_string(), Value::Object(body));
            entry.forget_old_bodies();
        }
        Ok(id)
    }

    /// Ids changed locally after local sequence `since`, in the order they changed.
    pub fn changed_since(&self, since: u64) -> Vec<(u64, &str)> {
        let mut changed: Vec<(u64, &str)> = self
            .entries
            .iter()
            .filter(|(_, e)| e.seq > since)
            .map(|(id, e)| (e.seq, id.as_str()))
            .collect();
        changed.sort();
        changed
    }

    /// The leaf revisions of `id` (what a push offers in `_revs_diff`).
    pub fn leaf_revs(&self, id: &str) -> Vec<String> {
        self.entries.get(id).map_or_else(Vec::new, |e| {
            e.tree.leaves().iter().map(Rev::to_string).collect()
        })
    }

    /// `id` at `rev` as `_bulk_docs` with `new_edits: false` takes it: the body with `_id`,
    /// `_rev`, `_revisions` and `_deleted`. `None` when the replica holds no body for it.
    pub fn wire_doc(&self, id: &str, rev: &str) -> Option<Value> {
        let entry = self.entries.get(id)?;
        let parsed = Rev::parse(rev)?;
        let body = entry.bodies.get(rev)?;
        let mut doc = body.as_object().cloned().unwrap_or_default();
        doc.insert("_id".to_string(), Value::from(id));
        doc.insert("_rev".to_string(), Value::from(rev));
        let history = entry.tree.history(&parsed);
        doc.insert(
            "_revisions".to_string(),
            serde_json::json!({
                "start": parsed.pos,
                "ids": history.iter().map(|r| r.hash.clone()).collect::<Vec<_>>(),
            }),
        );
        if entry.tree.is_deleted(&parsed) {
            doc.insert("_deleted".to_string(), Value::Bool(true));
        }
        Some(Value::Object(doc))
    }
}

/// A `_revisions` object (`{"start": 3, "ids": ["c", "b", "a"]}`) as revisions, newest first.
fn history_of(revisions: &Value) -> Option<Vec<Rev>> {
    let start = revisions.get("start")?.as_u64()?;
    let ids = revisions.get("ids")?.as_array()?;
    ids.iter()
        .enumerate()
        .map(|(i, hash)| {
            let pos = start.checked_sub(i as u64).filter(|p| *p > 0)?;
            let hash = hash.as_str().filter(|h| !h.is_empty())?;
            Some(Rev {
                pos,
                hash: hash.to_string(),
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn local_edits_become_revisions_and_unchanged_bodies_do_not() {
        let mut replica = Replica::default();
        let first = replica.edit("layer:d:ann", json!({"n": 1})).unwrap();
        assert_eq!(first.pos, 1);
        assert!(replica.edit("layer:d:ann", json!({"n": 1})).is_none());
        let second = replica.edit("layer:d:ann", json!({"n": 2})).unwrap();
        assert_eq!(second.pos, 2);
        assert_eq!(replica.body("layer:d:ann"), Some(&json!({"n": 2})));
        assert_eq!(replica.changed_since(0), vec![(2, "layer:d:ann")]);
        assert!(replica.changed_since(2).is_empty());
        let wire = replica
            .wire_doc("layer:d:ann", &second.to_string())
            .unwrap();
        assert_eq!(wire["_revisions"]["start"], 2);
        assert_eq!(wire["_revisions"]["ids"][1], first.hash);
        assert_eq!(wire["n"], 2);
    }

    #[test]
    fn a_server_version_beside_a_local_one_is_a_conflict_until_resolved() {
        let mut replica = Replica::default();
        let base = replica.edit("gold:d", json!({"v": "base"})).unwrap();
        let mine = replica.edit("gold:d", json!({"v": "mine"})).unwrap();
        let theirs = json!({
            "_id": "gold:d", "_rev": format!("2-{}", "f".repeat(32)),
            "_revisions": {"start": 2, "ids": ["f".repeat(32), base.hash.clone()]},
            "v": "theirs"
        });
        assert_eq!(replica.insert(&theirs).unwrap(), "gold:d");
        let entry = &replica.entries["gold:d"];
        assert_eq!(entry.winner().unwrap().1, &json!({"v": "theirs"}));
        assert_eq!(
            entry.conflicts(),
            vec![(mine.clone(), &json!({"v": "mine"}))]
        );
        assert_eq!(
            replica.missing("gold:d", &[mine.to_string(), "9-x".into()]),
            vec!["9-x"]
        );
        assert!(replica.resolve("gold:d", &mine));
        let entry = &replica.entries["gold:d"];
        assert!(entry.conflicts().is_empty());
        assert_eq!(entry.winner().unwrap().1, &json!({"v": "mine"}));
        assert!(!replica.resolve("gold:d", &Rev::parse("1-nothing").unwrap()));
    }

    #[test]
    fn refuses_documents_it_cannot_read() {
        let mut replica = Replica::default();
        for bad in [
            json!([]),
            json!({"_rev": "1-a"}),
            json!({"_id": "x"}),
            json!({"_id": "x", "_rev": "1-a", "_revisions": {"start": 2, "ids": ["b"]}}),
            json!({"_id": "x", "_rev": "1-a", "_revisions": {"start": 1, "ids": ["a", "z"]}}),
        ] {
            assert!(replica.insert(&bad).is_err(), "{bad}");
        }
        assert!(replica
            .entries
            .get("x")
            .is_none_or(|e| e.tree.leaves().is_empty()));
    }
}
