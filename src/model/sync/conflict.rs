//! Conflicts as the user compares them: for each team document edited in two places, every
//! current version with what it holds (a layer's annotations with their text, a document's
//! title), the one CouchDB picked as the winner first. Choosing one is
//! [`Replica::resolve`](super::replica::Replica::resolve).

use serde_json::Value;

use super::layout::TeamDoc;
use super::replica::Replica;
use crate::model::Annotation;

/// One version of a conflicted team document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Version {
    /// Its revision (`pos-hash`), to keep it by.
    pub rev: String,
    /// Whether CouchDB shows this version until the conflict is resolved.
    pub winner: bool,
    /// One line: how many annotations, which status.
    pub summary: String,
    /// What it holds, one line per annotation (label and text).
    pub lines: Vec<String>,
}

/// A team document with more than one current version.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Conflict {
    /// The team document id.
    pub id: String,
    /// What it is, in words: “ana's layer of “Tide””.
    pub what: String,
    /// Every current version, the winner first.
    pub versions: Vec<Version>,
}

/// Every conflict in the replica, in id order.
pub fn conflicts(replica: &Replica) -> Vec<Conflict> {
    replica
        .entries
        .iter()
        .filter_map(|(id, entry)| {
            let (rev, body) = entry.winner()?;
            let others = entry.conflicts();
            if others.is_empty() {
                return None;
            }
            let team = TeamDoc::parse(id)?;
            let text_body = replica.body(&TeamDoc::Text(team.doc()).key());
            let text = text_body
                .and_then(|b| b.get("text"))
                .and_then(Value::as_str)
                .unwrap_or("");
            let title = text_body
                .and_then(|b| b.pointer("/meta/title"))
                .and_then(Value::as_str)
                .filter(|t| !t.is_empty())
                .unwrap_or(team.doc());
            let what = match team {
                TeamDoc::Text(_) => format!("the text and details of “{title}”"),
                TeamDoc::Layer(_, annotator) => format!("{annotator}'s layer of “{title}”"),
                TeamDoc::Gold(_) => format!("the gold layer of “{title}”"),
            };
            let mut versions = vec![version(rev.to_string(), true, body, text)];
            versions.extend(
                others
                    .into_iter()
                    .map(|(rev, body)| version(rev.to_string(), false, body, text)),
            );
            Some(Conflict {
                id: id.clone(),
                what,
                versions,
            })
        })
        .collect()
}

/// What one version holds, in words.
fn version(rev: String, winner: bool, body: &Value, text: &str) -> Version {
    if body.get("type").and_then(Value::as_str) == Some("doc") {
        let title = body
            .pointer("/meta/title")
            .and_then(Value::as_str)
            .unwrap_or("");
        return Version {
            rev,
            winner,
            summary: format!("Title “{title}”"),
            lines: Vec::new(),
        };
    }
    let annotations: Vec<Annotation> = body
        .get("annotations")
        .cloned()
        .and_then(|a| serde_json::from_value(a).ok())
        .unwrap_or_default();
    let status = body.get("status").and_then(Value::as_str);
    let count = match annotations.len() {
        1 => "1 annotation".to_string(),
        n => format!("{n} annotations"),
    };
    let summary = match status {
        Some(status) => format!("{count}; status: {}", status.replace('_', " ")),
        None => count,
    };
    let lines = annotations
        .iter()
        .map(|a| {
            let words: String = text
                .chars()
                .skip(a.span.start)
                .take(a.span.end.saturating_sub(a.span.start))
                .collect();
            format!("{} “{words}”", a.label.id())
        })
        .collect();
    Version {
        rev,
        winner,
        summary,
        lines,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn shows_every_version_with_its_annotations_text() {
        let mut a = Replica::default();
        let text = json!({"type": "doc", "text": "Tide 👍 rose high.", "meta": {"title": "Tide"}});
        a.edit("doc:d1", text);
        let mut b = a.clone();
        let layer = |end: usize| {
            json!({"type": "layer", "status": "in_progress", "annotations": [
                {"id": 1, "label": "FACT", "span": {"start": 0, "end": end}, "speaker": "", "cue": "", "note": ""}
            ]})
        };
        a.edit("layer:d1:ana", layer(6));
        b.edit("layer:d1:ana", layer(11));
        let theirs = b.wire_doc("layer:d1:ana", &b.leaf_revs("layer:d1:ana")[0]);
        a.insert(&theirs.unwrap()).unwrap();
        assert!(conflicts(&b).is_empty());
        let found = conflicts(&a);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].what, "ana's layer of “Tide”");
        assert_eq!(found[0].versions.len(), 2);
        assert!(found[0].versions[0].winner && !found[0].versions[1].winner);
        let mut lines: Vec<&str> = found[0]
            .versions
            .iter()
            .map(|v| v.lines[0].as_str())
            .collect();
        lines.sort();
        assert_eq!(lines, ["FACT “Tide 👍 rose”", "FACT “Tide 👍”"]);
        assert_eq!(
            found[0].versions[0].summary,
            "1 annotation; status: in progress"
        );
    }
}
