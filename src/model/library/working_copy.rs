//! The working copy: what a tab changed in the open document since it was last stored, written
//! to the library's journal within a frame of every change so that a crash (a killed browser, a
//! power cut) loses nothing. It holds only the changes — the annotations added, changed or
//! removed, the suggestions offered, withdrawn, rejected — so writing it costs what the change
//! costs, not what the document does; only a document whose article is not stored yet goes
//! whole. The next save folds it into the stored document; a tab that never saved leaves it
//! behind, and start-up lays it over the stored document again.

use std::collections::{HashMap, HashSet};

use serde::{Deserialize, Serialize};

use super::{DocInfo, StoredDocument};
use crate::model::suggest::Suggestion;
use crate::model::{Annotation, AnnotationId, AnnotationSet, Label, Metadata, Span};

/// One tab's unsaved state of one document.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct WorkingCopy {
    /// The tab whose work it is.
    pub tab: String,
    /// That tab's change count when it was written (it grows with every change).
    pub edits: u64,
    /// The document's bookkeeping as the tab has it: `revision` is the stored revision the
    /// work started from, `edited_at` when the copy was written.
    pub info: DocInfo,
    /// The title, date, byline and source as the tab has them.
    pub meta: Metadata,
    /// The work itself.
    pub work: Work,
}

/// What a working copy holds.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Work {
    /// The whole document: its article is not stored yet, or differs from the stored one.
    /// Other annotators' layers are left out (they change only in the library).
    Whole(Box<StoredDocument>),
    /// The changes to the stored revision.
    Changes(Box<Changes>),
}

/// The changes to a stored document's layers.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Changes {
    /// To the tab's own annotations and suggestions.
    pub own: LayerChanges,
    /// To the gold layer.
    pub gold: LayerChanges,
}

/// The changes from one annotation set to another.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct LayerChanges {
    /// Annotations added or changed.
    #[serde(default)]
    pub put: Vec<Annotation>,
    /// Annotations removed.
    #[serde(default)]
    pub removed: Vec<AnnotationId>,
    /// Suggestions now waiting that were not.
    #[serde(default)]
    pub offered: Vec<Suggestion>,
    /// Suggestions no longer waiting (label and span).
    #[serde(default)]
    pub withdrawn: Vec<(Label, Span)>,
    /// Suggestions now rejected that were not.
    #[serde(default)]
    pub rejected: Vec<Suggestion>,
    /// Suggestions no longer rejected.
    #[serde(default)]
    pub unrejected: Vec<(Label, Span)>,
}

impl LayerChanges {
    /// What changed from `base` to `now`. Both keep document order, so the common beginning
    /// and end are skipped by comparing in place; only what lies between (for one edit, an
    /// annotation or a few) is matched by id.
    pub fn between(base: &AnnotationSet, now: &AnnotationSet) -> Self {
        if std::ptr::eq(base, now) {
            return LayerChanges::default();
        }
        let (before, after) = differing(base.as_slice(), now.as_slice());
        let old: HashMap<AnnotationId, &Annotation> = before.iter().map(|a| (a.id, a)).collect();
        let kept: HashSet<AnnotationId> = after.iter().map(|a| a.id).collect();
        let (offered, withdrawn) = list_changes(base.suggestions(), now.suggestions());
        let (rejected, unrejected) = list_changes(base.rejected(), now.rejected());
        LayerChanges {
            put: after
                .iter()
                .filter(|a| old.get(&a.id) != Some(a))
                .cloned()
                .collect(),
            removed: before
                .iter()
                .map(|a| a.id)
                .filter(|id| !kept.contains(id))
                .collect(),
            offered,
            withdrawn,
            rejected,
            unrejected,
        }
    }

    /// These changes made to a stored layer's lists.
    fn apply(
        &self,
        annotations: &mut Vec<Annotation>,
        suggestions: &mut Vec<Suggestion>,
        rejected: &mut Vec<Suggestion>,
    ) {
        let replaced: HashSet<AnnotationId> = self
            .put
            .iter()
            .map(|a| a.id)
            .chain(self.removed.iter().copied())
            .collect();
        annotations.retain(|a| !replaced.contains(&a.id));
        annotations.extend(self.put.iter().cloned());
        apply_list(suggestions, &self.offered, &self.withdrawn);
        apply_list(rejected, &self.rejected, &self.unrejected);
    }
}

/// `base` and `now` without the beginning and the end they share.
fn differing<'a, T: PartialEq>(base: &'a [T], now: &'a [T]) -> (&'a [T], &'a [T]) {
    let start = base.iter().zip(now).take_while(|(a, b)| a == b).count();
    let (base, now) = (&base[start..], &now[start..]);
    let end = base
        .iter()
        .rev()
        .zip(now.iter().rev())
        .take_while(|(a, b)| a == b)
        .count();
    (&base[..base.len() - end], &now[..now.len() - end])
}

/// The suggestions in `now` and not in `base`, and the keys in `base` and not in `now`.
fn list_changes(base: &[Suggestion], now: &[Suggestion]) -> (Vec<Suggestion>, Vec<(Label, Span)>) {
    let (base, now) = differing(base, now);
    let before: HashSet<(Label, Span)> = base.iter().map(Suggestion::key).collect();
    let after: HashSet<(Label, Span)> = now.iter().map(Suggestion::key).collect();
    let added = now
        .iter()
        .filter(|s| !before.contains(&s.key()))
        .cloned()
        .collect();
    let gone = base
        .iter()
        .map(Suggestion::key)
        .filter(|k| !after.contains(k))
        .collect();
    (added, gone)
}

/// `list` without the `gone` keys and with `added`.
fn apply_list(list: &mut Vec<Suggestion>, added: &[Suggestion], gone: &[(Label, Span)]) {
    let dropped: HashSet<(Label, Span)> = gone
        .iter()
        .copied()
        .chain(added.iter().map(Suggestion::key))
        .collect();
    list.retain(|s| !dropped.contains(&s.key()));
    list.extend(added.iter().cloned());
}

/// A working copy laid over the stored document.
#[derive(Debug, Clone, PartialEq)]
pub struct Recovered {
    /// The document with the tab's work, at the revision the work started from.
    pub document: StoredDocument,
    /// The library holds a newer revision than the work started from (another tab or the
    /// team saved since): saving it is a conflict for the user to settle.
    pub stale: bool,
}

impl WorkingCopy {
    /// Reads a working copy; `None` when it is unreadable (it is then of no use).
    pub fn from_json(json: &str) -> Option<Self> {
        serde_json::from_str(json).ok()
    }

    /// The JSON the journal stores.
    pub fn to_json(&self) -> String {
        // Plain structs of strings and numbers always serialise.
        serde_json::to_string(self).unwrap_or_default()
    }

    /// Whether a save by `tab` of its state after `edits` changes holds all of this copy.
    pub fn saved_by(&self, tab: &str, edits: u64) -> bool {
        self.tab == tab && self.edits <= edits
    }

    /// This work laid over `stored` (the library's version of the document, if it has one),
    /// which gives the other annotators' layers and the date it entered the library. `None`
    /// when it holds only changes and there is nothing to make them to.
    pub fn over(self, stored: Option<&StoredDocument>) -> Option<Recovered> {
        let stale = stored.is_some_and(|s| s.info.revision > self.info.revision);
        let mut document = match (self.work, stored) {
            (Work::Whole(document), _) => *document,
            (Work::Changes(changes), Some(stored)) => {
                let Changes { own, gold } = *changes;
                let mut document = stored.clone();
                own.apply(
                    &mut document.annotations,
                    &mut document.suggestions,
                    &mut document.rejected,
                );
                gold.apply(
                    &mut document.gold.annotations,
                    &mut Vec::new(),
                    &mut document.gold.rejected,
                );
                document
            }
            (Work::Changes(_), None) => return None,
        };
        document.meta = self.meta;
        document.info = self.info;
        if let Some(stored) = stored {
            document.layers = stored.layers.clone();
            document.info.added_at = stored.info.added_at.clone();
            document.info.deleted_at = stored.info.deleted_at.clone();
        }
        Some(Recovered { document, stale })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::library::{AnnotatorLayer, GoldLayer};
    use crate::model::{Article, Edit, ParagraphKind};

    fn article() -> Article {
        Article::from_paragraphs(
            [("Hello 👋 world. Second sentence here.", ParagraphKind::Body)],
            Metadata::default(),
        )
    }

    fn stored(revision: u64, set: &AnnotationSet) -> StoredDocument {
        let info = DocInfo {
            id: "doc-1".to_string(),
            revision,
            added_at: "2026-01-01T00:00:00Z".to_string(),
            ..DocInfo::default()
        };
        let mut document = StoredDocument::new(info, &article(), set);
        document.layers = vec![AnnotatorLayer {
            annotator: "ana".to_string(),
            ..AnnotatorLayer::default()
        }];
        document
    }

    fn suggestion(start: usize, end: usize) -> Suggestion {
        let json = format!(
            r#"{{"label":"FACT","span":{{"start":{start},"end":{end}}},"speaker":"","cue":""}}"#
        );
        serde_json::from_str(&json).expect("a valid suggestion")
    }

    fn copy_of(base: &StoredDocument, work: Work, edits: u64) -> WorkingCopy {
        WorkingCopy {
            tab: "tab-a".to_string(),
            edits,
            info: DocInfo {
                edited_at: "2026-01-02T00:00:00Z".to_string(),
                ..base.info.clone()
            },
            meta: Metadata {
                title: "Renamed".to_string(),
                ..Metadata::default()
            },
            work,
        }
    }

    #[test]
    fn changes_hold_only_what_changed_and_replay_to_the_same_set_with_exact_offsets() {
        let text = article();
        let mut base = AnnotationSet::default();
        let kept = base
            .add_by(&text, Span::new(0, 5), Label::Fact, "me")
            .expect("valid span");
        let gone = base
            .add_by(&text, Span::new(16, 22), Label::Allegation, "me")
            .expect("valid span");
        base.apply(&Edit::Offer(vec![suggestion(15, 36), suggestion(0, 15)]));
        let stored_doc = stored(3, &base);

        let mut now = base.clone();
        now.add_by(&text, Span::new(6, 13), Label::Quote, "me")
            .expect("valid span");
        now.remove(gone.id);
        now.apply(&Edit::Reject(vec![suggestion(0, 15)]));
        let changes = LayerChanges::between(&base, &now);
        assert_eq!(
            changes.put.len(),
            1,
            "the kept annotation is not written again"
        );
        assert_eq!(changes.removed, vec![gone.id]);
        assert_eq!(changes.withdrawn, vec![(Label::Fact, Span::new(0, 15))]);
        assert_eq!(changes.rejected.len(), 1);

        let work = Work::Changes(Box::new(Changes {
            own: changes,
            gold: LayerChanges::default(),
        }));
        let copy = copy_of(&stored_doc, work, 4);
        let copy = WorkingCopy::from_json(&copy.to_json()).expect("round trip");
        let recovered = copy
            .over(Some(&stored_doc))
            .expect("lies over the stored one");
        assert!(!recovered.stale);
        assert_eq!(recovered.document.meta.title, "Renamed");
        assert_eq!(recovered.document.layers, stored_doc.layers);
        let (article, set) = recovered.document.open().expect("offsets fit the text");
        assert_eq!(set.as_slice(), now.as_slice());
        assert_eq!(set.suggestions(), now.suggestions());
        assert_eq!(set.rejected(), now.rejected());
        assert!(set.get(kept.id).is_some());
        let quote = set.as_slice().iter().find(|a| a.label == Label::Quote);
        assert_eq!(quote.and_then(|q| article.slice(q.span)), Some("👋 world"));
    }

    #[test]
    fn gold_changes_replay_and_an_older_base_is_stale() {
        let text = article();
        let base = AnnotationSet::default();
        let mut gold = AnnotationSet::default();
        gold.add_by(&text, Span::new(0, 5), Label::Fact, "judge")
            .expect("valid span");
        let work = Work::Changes(Box::new(Changes {
            own: LayerChanges::default(),
            gold: LayerChanges::between(&AnnotationSet::default(), &gold),
        }));
        let copy = copy_of(&stored(3, &base), work, 1);
        let newer = stored(4, &base);
        let recovered = copy.over(Some(&newer)).expect("lies over the stored one");
        assert!(recovered.stale);
        assert_eq!(recovered.document.info.revision, 3);
        assert_eq!(
            recovered.document.gold,
            GoldLayer {
                annotations: gold.as_slice().to_vec(),
                rejected: Vec::new(),
            }
        );
    }

    #[test]
    fn a_whole_copy_stands_alone_and_changes_need_a_stored_document() {
        let base = stored(0, &AnnotationSet::default());
        let whole = copy_of(&base, Work::Whole(Box::new(base.clone())), 1);
        let recovered = whole.over(None).expect("carries its article");
        assert_eq!(recovered.document.text, base.text);
        let changes = Work::Changes(Box::default());
        assert!(copy_of(&base, changes, 1).over(None).is_none());
    }

    #[test]
    fn a_save_holds_the_copy_only_when_the_same_tab_saved_at_least_as_many_changes() {
        let base = stored(1, &AnnotationSet::default());
        let copy = copy_of(&base, Work::Whole(Box::new(base.clone())), 5);
        assert!(copy.saved_by("tab-a", 5) && copy.saved_by("tab-a", 6));
        assert!(!copy.saved_by("tab-a", 4) && !copy.saved_by("tab-b", 9));
        assert_eq!(WorkingCopy::from_json("{not json"), None);
    }
}
