//! The team's assignment: which annotators should annotate which documents, set by whoever
//! manages the corpus and kept in the team document [`ASSIGNMENT_KEY`]. It drives each
//! person's **Next to do**; an annotator the assignment does not name walks the whole queue.

use std::collections::{BTreeMap, BTreeSet};

use serde::{Deserialize, Serialize};
use serde_json::Value;

/// The id of the assignment in the team database.
pub const ASSIGNMENT_KEY: &str = "assignment";

/// Documents per annotator.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Assignment {
    /// Each document's annotators, by document id.
    pub docs: BTreeMap<String, Vec<String>>,
}

impl Assignment {
    /// Deals `docs` (in order) out to `annotators` in turn, `per_doc` annotators each (at most
    /// all of them), so that everyone gets the same number of documents, give or take one.
    pub fn round_robin(docs: &[String], annotators: &[String], per_doc: usize) -> Assignment {
        let mut names: Vec<String> = annotators
            .iter()
            .map(|a| a.trim().to_string())
            .filter(|a| !a.is_empty())
            .collect();
        names.sort();
        names.dedup();
        let per_doc = per_doc.clamp(1, names.len().max(1));
        let mut next = 0;
        let mut assigned = BTreeMap::new();
        if names.is_empty() {
            return Assignment::default();
        }
        for doc in docs {
            let mut who: Vec<String> = (0..per_doc)
                .map(|k| names[(next + k) % names.len()].clone())
                .collect();
            who.sort();
            next = (next + per_doc) % names.len();
            assigned.insert(doc.clone(), who);
        }
        Assignment { docs: assigned }
    }

    /// The documents assigned to `annotator`, or `None` when the assignment does not name them
    /// (they walk the whole queue).
    pub fn of(&self, annotator: &str) -> Option<BTreeSet<&str>> {
        let mine: BTreeSet<&str> = self
            .docs
            .iter()
            .filter(|(_, who)| who.iter().any(|w| w == annotator))
            .map(|(doc, _)| doc.as_str())
            .collect();
        (!mine.is_empty()).then_some(mine)
    }

    /// Every annotator named, sorted, each once.
    pub fn annotators(&self) -> Vec<&str> {
        let names: BTreeSet<&str> = self.docs.values().flatten().map(String::as_str).collect();
        names.into_iter().collect()
    }

    /// The team document body.
    pub fn to_body(&self) -> Value {
        serde_json::json!({ "type": "assignment", "docs": self.docs })
    }

    /// Reads a team document body; an unreadable one is no assignment.
    pub fn from_body(body: &Value) -> Assignment {
        body.get("docs")
            .cloned()
            .and_then(|docs| serde_json::from_value(docs).ok())
            .map(|docs| Assignment { docs })
            .unwrap_or_default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ids(n: usize) -> Vec<String> {
        (0..n).map(|i| format!("doc-{i}")).collect()
    }

    #[test]
    fn deals_documents_out_evenly_and_names_who_walks_what() {
        let names = ["bo".to_string(), "ana".to_string(), " ".to_string()];
        let one = Assignment::round_robin(&ids(5), &names, 1);
        assert_eq!(one.of("ana").map(|d| d.len()), Some(3));
        assert_eq!(one.of("bo").map(|d| d.len()), Some(2));
        assert_eq!(one.of("cy"), None);
        assert_eq!(one.annotators(), ["ana", "bo"]);
        let two = Assignment::round_robin(&ids(3), &names, 5);
        assert!(two.docs.values().all(|who| who == &["ana", "bo"]));
        assert_eq!(Assignment::from_body(&two.to_body()), two);
        assert_eq!(Assignment::from_body(&Value::Null), Assignment::default());
        assert!(Assignment::round_robin(&ids(3), &[], 1).docs.is_empty());
    }
}
