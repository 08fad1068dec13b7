//! A document's revision tree: every revision a replica knows, linked to its parent. Leaves are
//! the current versions; more than one live leaf is a conflict, which is kept, never dropped.

use std::collections::{BTreeMap, BTreeSet};

use serde::{Deserialize, Serialize};

use super::rev::Rev;

/// How many ancestors a revision's history carries when it is sent (CouchDB's default
/// `_revs_limit`).
pub const REVS_LIMIT: usize = 1000;

/// The revisions of one document.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct RevTree {
    /// Each revision (as `pos-hash`) with its parent, if the replica knows it.
    nodes: BTreeMap<String, Node>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
struct Node {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    parent: Option<String>,
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    deleted: bool,
}

impl RevTree {
    /// Whether the tree holds `rev`.
    pub fn contains(&self, rev: &str) -> bool {
        self.nodes.contains_key(rev)
    }

    /// Adds a revision with its history (newest first, as `_revisions` lists it); returns
    /// whether anything was new.
    pub fn insert(&mut self, history: &[Rev], deleted: bool) -> bool {
        let mut added = false;
        for (i, rev) in history.iter().enumerate() {
            let key = rev.to_string();
            let parent = history.get(i + 1).map(Rev::to_string);
            match self.nodes.get_mut(&key) {
                Some(node) => {
                    if node.parent.is_none() && parent.is_some() {
                        node.parent = parent;
                    }
                }
                None => {
                    self.nodes.insert(
                        key,
                        Node {
                            parent,
                            deleted: i == 0 && deleted,
                        },
                    );
                    added = true;
                }
            }
        }
        added
    }

    /// The revisions no other revision follows, oldest first in winner order.
    pub fn leaves(&self) -> Vec<Rev> {
        let parents: BTreeSet<&str> = self
            .nodes
            .values()
            .filter_map(|n| n.parent.as_deref())
            .collect();
        let mut leaves: Vec<Rev> = self
            .nodes
            .keys()
            .filter(|k| !parents.contains(k.as_str()))
            .filter_map(|k| Rev::parse(k))
            .collect();
        leaves.sort();
        leaves
    }

    /// The leaves that are not deletions.
    pub fn live_leaves(&self) -> Vec<Rev> {
        self.leaves()
            .into_iter()
            .filter(|r| !self.is_deleted(r))
            .collect()
    }

    /// Whether `rev` is a deletion (a tombstone ending a branch).
    pub fn is_deleted(&self, rev: &Rev) -> bool {
        self.nodes
            .get(&rev.to_string())
            .is_some_and(|node| node.deleted)
    }

    /// The winning revision: the greatest live leaf, or the greatest leaf when all are deleted.
    pub fn winner(&self) -> Option<Rev> {
        self.live_leaves().pop().or_else(|| self.leaves().pop())
    }

    /// The live leaves other than the winner: the conflicting versions.
    pub fn conflicts(&self) -> Vec<Rev> {
        let winner = self.winner();
        self.live_leaves()
            .into_iter()
            .filter(|r| Some(r) != winner.as_ref())
            .collect()
    }

    /// `rev` and its ancestors, newest first, at most [`REVS_LIMIT`].
    pub fn history(&self, rev: &Rev) -> Vec<Rev> {
        let mut history = vec![rev.clone()];
        let mut key = rev.to_string();
        while history.len() < REVS_LIMIT {
            let Some(parent) = self.nodes.get(&key).and_then(|n| n.parent.clone()) else {
                break;
            };
            let Some(parsed) = Rev::parse(&parent) else {
                break;
            };
            history.push(parsed);
            key = parent;
        }
        history
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rev(text: &str) -> Rev {
        Rev::parse(text).unwrap()
    }

    #[test]
    fn keeps_every_branch_and_picks_the_same_winner() {
        let mut tree = RevTree::default();
        assert!(tree.insert(&[rev("2-b"), rev("1-a")], false));
        assert!(!tree.insert(&[rev("2-b"), rev("1-a")], false));
        assert!(tree.insert(&[rev("2-c"), rev("1-a")], false));
        assert_eq!(tree.leaves(), vec![rev("2-b"), rev("2-c")]);
        assert_eq!(tree.winner(), Some(rev("2-c")));
        assert_eq!(tree.conflicts(), vec![rev("2-b")]);
        assert_eq!(tree.history(&rev("2-c")), vec![rev("2-c"), rev("1-a")]);
        // A deleted branch no longer conflicts, and a shorter live branch beats it.
        tree.insert(&[rev("3-d"), rev("2-c"), rev("1-a")], true);
        assert_eq!(tree.winner(), Some(rev("2-b")));
        assert!(tree.conflicts().is_empty());
        assert!(tree.contains("3-d") && tree.is_deleted(&rev("3-d")));
    }

    #[test]
    fn a_stub_learns_its_parent_later() {
        let mut tree = RevTree::default();
        tree.insert(&[rev("3-c")], false);
        tree.insert(&[rev("3-c"), rev("2-b"), rev("1-a")], false);
        assert_eq!(tree.history(&rev("3-c")).len(), 3);
        assert_eq!(tree.leaves(), vec![rev("3-c")]);
    }
}
