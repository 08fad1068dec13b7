//! The working copy: the open document as a tab has it, unsaved changes included, written to
//! the library's journal within a frame of every change so that a crash (a killed browser, a
//! power cut) loses nothing. The next save folds it into the stored document; a tab that never
//! saved leaves it behind, and start-up lays it over the stored document again.

use serde::{Deserialize, Serialize};

use super::StoredDocument;

/// One tab's unsaved state of one document.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct WorkingCopy {
    /// The tab whose work it is.
    pub tab: String,
    /// That tab's change count when it was written (it grows with every change).
    pub edits: u64,
    /// Whether `document` carries the article (text, paragraphs, the input, set-aside lines):
    /// only when the tab's article differs from the stored one, or none is stored yet.
    pub with_article: bool,
    /// The document as the tab has it. `info.revision` is the stored revision the tab's work
    /// started from, `info.edited_at` when the copy was written. Other annotators' layers are
    /// never in it (they change only in the library), nor the article unless `with_article`.
    pub document: StoredDocument,
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
    /// The working copy of `document` by `tab` after `edits` changes; the article is dropped
    /// unless `with_article`, and the other annotators' layers always.
    pub fn new(tab: &str, edits: u64, mut document: StoredDocument, with_article: bool) -> Self {
        if !with_article {
            document.text = String::new();
            document.paragraphs = Vec::new();
            document.normalization = Vec::new();
            document.set_aside = Vec::new();
            document.original = String::new();
        }
        document.layers = Vec::new();
        WorkingCopy {
            tab: tab.to_string(),
            edits,
            with_article,
            document,
        }
    }

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

    /// This work laid over `stored` (the library's version of the document, if it has one):
    /// the article comes from `stored` unless the copy carries its own, the other annotators'
    /// layers and the date it entered the library always. `None` when there is nothing to lay
    /// it over and it carries no article.
    pub fn over(self, stored: Option<&StoredDocument>) -> Option<Recovered> {
        let mut document = self.document;
        let Some(stored) = stored else {
            return self.with_article.then_some(Recovered {
                document,
                stale: false,
            });
        };
        if !self.with_article {
            document.text = stored.text.clone();
            document.paragraphs = stored.paragraphs.clone();
            document.normalization = stored.normalization.clone();
            document.set_aside = stored.set_aside.clone();
            document.original = stored.original.clone();
        }
        document.layers = stored.layers.clone();
        document.info.added_at = stored.info.added_at.clone();
        document.info.deleted_at = stored.info.deleted_at.clone();
        let stale = stored.info.revision > document.info.revision;
        Some(Recovered { document, stale })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::library::{AnnotatorLayer, DocInfo};
    use crate::model::{AnnotationSet, Article, Label, Metadata, ParagraphKind, Span};

    fn stored(revision: u64) -> StoredDocument {
        let article = Article::from_paragraphs(
            [("Hello 👋 world. Second sentence here.", ParagraphKind::Body)],
            Metadata::default(),
        );
        let info = DocInfo {
            id: "doc-1".to_string(),
            revision,
            added_at: "2026-01-01T00:00:00Z".to_string(),
            ..DocInfo::default()
        };
        let mut document = StoredDocument::new(info, &article, &AnnotationSet::default());
        document.layers = vec![AnnotatorLayer {
            annotator: "ana".to_string(),
            ..AnnotatorLayer::default()
        }];
        document
    }

    fn edited(base: &StoredDocument) -> StoredDocument {
        let (article, mut set) = base.open().expect("fixture opens");
        set.add_by(&article, Span::new(6, 13), Label::Quote, "me")
            .expect("fixture span is valid");
        let mut document = StoredDocument::new(base.info.clone(), &article, &set);
        document.info.edited_at = "2026-01-02T00:00:00Z".to_string();
        document
    }

    #[test]
    fn without_its_article_a_copy_takes_the_stored_one_and_keeps_its_offsets_exact() {
        let base = stored(3);
        let copy = WorkingCopy::new("tab-a", 2, edited(&base), false);
        assert!(copy.document.text.is_empty() && copy.document.layers.is_empty());
        let copy = WorkingCopy::from_json(&copy.to_json()).expect("round trip");
        let recovered = copy
            .over(Some(&base))
            .expect("lies over the stored document");
        assert!(!recovered.stale);
        assert_eq!(recovered.document.info.revision, 3);
        assert_eq!(recovered.document.layers, base.layers);
        let (article, set) = recovered.document.open().expect("offsets fit the text");
        let quote = &set.as_slice()[0];
        assert_eq!(article.slice(quote.span), Some("👋 world"));
    }

    #[test]
    fn a_copy_of_an_older_revision_is_stale_and_one_of_a_new_document_stands_alone() {
        let base = stored(3);
        let copy = WorkingCopy::new("tab-a", 1, edited(&base), false);
        assert!(copy.over(Some(&stored(4))).is_some_and(|r| r.stale));
        let alone = WorkingCopy::new("tab-a", 1, edited(&base), true);
        let recovered = alone.over(None).expect("carries its article");
        assert_eq!(recovered.document.text, base.text);
        assert!(WorkingCopy::new("tab-a", 1, edited(&base), false)
            .over(None)
            .is_none());
    }

    #[test]
    fn a_save_holds_the_copy_only_when_the_same_tab_saved_at_least_as_many_changes() {
        let copy = WorkingCopy::new("tab-a", 5, stored(1), false);
        assert!(copy.saved_by("tab-a", 5) && copy.saved_by("tab-a", 6));
        assert!(!copy.saved_by("tab-a", 4) && !copy.saved_by("tab-b", 9));
        assert_eq!(WorkingCopy::from_json("{not json"), None);
    }
}
