//! What the library stores: a document with its annotations and bookkeeping, a summary for the
//! library list, the schema version and migrations of stored data.

use serde::{Deserialize, Serialize};
use serde_json::Value;

mod layer_merge;
mod working_copy;

pub use working_copy::{Changes, LayerChanges, Recovered, Work, WorkingCopy};

use crate::model::suggest::Suggestion;
use crate::model::{
    Annotation, AnnotationSet, Article, Edit, Label, Metadata, Paragraph, SetAside,
};

/// Version of the stored-document schema this build writes.
pub const STORE_SCHEMA: u32 = 1;

/// Where the annotator is with a document.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DocStatus {
    /// Not started.
    #[default]
    ToDo,
    /// Started.
    InProgress,
    /// Finished.
    Done,
}

impl DocStatus {
    /// Every status, in the order the picker shows them.
    pub const ALL: [DocStatus; 3] = [DocStatus::ToDo, DocStatus::InProgress, DocStatus::Done];

    /// The words shown to the user.
    pub fn name(self) -> &'static str {
        match self {
            DocStatus::ToDo => "To do",
            DocStatus::InProgress => "In progress",
            DocStatus::Done => "Done",
        }
    }
}

/// Bookkeeping kept with each stored document.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct DocInfo {
    /// `doc-` and 16 hex digits of the text's SHA-256: the same text is the same document.
    pub id: String,
    /// Increases with every save; a write based on an older revision is a conflict.
    pub revision: u64,
    /// Which tab wrote the last revision.
    #[serde(default)]
    pub writer: String,
    /// Status set by the user.
    #[serde(default)]
    pub status: DocStatus,
    /// When it entered the library (ISO 8601).
    pub added_at: String,
    /// When it was last saved (ISO 8601).
    pub edited_at: String,
    /// When it was moved to the trash, if it was.
    #[serde(default)]
    pub deleted_at: Option<String>,
}

/// A document as the library stores it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StoredDocument {
    /// Always [`STORE_SCHEMA`] when written by this build.
    pub schema: u32,
    /// Bookkeeping.
    #[serde(flatten)]
    pub info: DocInfo,
    /// The canonical text.
    pub text: String,
    /// Paragraph spans.
    pub paragraphs: Vec<Paragraph>,
    /// Title, date, byline, source...
    pub meta: Metadata,
    /// Clean-up steps applied.
    #[serde(default)]
    pub normalization: Vec<String>,
    /// Lines set aside by the clean-up.
    #[serde(default)]
    pub set_aside: Vec<SetAside>,
    /// The input as given.
    #[serde(default)]
    pub original: String,
    /// Annotations in document order.
    pub annotations: Vec<Annotation>,
    /// Suggestions waiting for review.
    #[serde(default)]
    pub suggestions: Vec<Suggestion>,
    /// Suggestions the annotator rejected, never offered again for this document.
    #[serde(default)]
    pub rejected: Vec<Suggestion>,
    /// Other annotators' layers, read-only here, one per annotator.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub layers: Vec<AnnotatorLayer>,
    /// The gold layer made in adjudication (empty until someone adjudicates).
    #[serde(default, skip_serializing_if = "GoldLayer::is_empty")]
    pub gold: GoldLayer,
}

/// Another annotator's annotations of a document, brought in from their export.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct AnnotatorLayer {
    /// The annotator's name, unique among the document's layers.
    pub annotator: String,
    /// Their annotations, in document order, each with `annotator` set to this name.
    pub annotations: Vec<Annotation>,
    /// The file the layer came from.
    #[serde(default)]
    pub source: String,
    /// When it was brought in (ISO 8601).
    #[serde(default)]
    pub added_at: String,
}

/// The adjudicated annotations of a document, and the disagreements the adjudicator rejected.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct GoldLayer {
    /// Gold annotations, each with `adjudicated_from` set when it was taken from the layers.
    #[serde(default)]
    pub annotations: Vec<Annotation>,
    /// Candidate spans rejected in adjudication (kept out of the gold layer).
    #[serde(default)]
    pub rejected: Vec<Suggestion>,
}

impl GoldLayer {
    /// Whether nothing has been adjudicated.
    pub fn is_empty(&self) -> bool {
        self.annotations.is_empty() && self.rejected.is_empty()
    }
}

/// One row of the library list: enough to show it without reading the document.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct DocSummary {
    /// Bookkeeping.
    #[serde(flatten)]
    pub info: DocInfo,
    /// The headline.
    pub title: String,
    /// Where it came from.
    pub source: Option<String>,
    /// Annotations per label, in [`Label::ALL`] order.
    pub counts: [usize; 3],
    /// Everyone who made an annotation in it, sorted, each once.
    #[serde(default)]
    pub annotators: Vec<String>,
    /// Suggestions waiting for review.
    #[serde(default)]
    pub waiting: usize,
    /// The names of other annotators' layers, sorted.
    #[serde(default)]
    pub layers: Vec<String>,
    /// Gold annotations (made in adjudication).
    #[serde(default)]
    pub gold: usize,
}

/// What bringing in a layer did to a document.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LayerChange {
    /// The document had no layer of this annotator.
    Added,
    /// This annotator's layer was there with other annotations, and was replaced.
    Replaced,
    /// This annotator's layer was there with the same annotations: nothing changed.
    Unchanged,
}

/// Why stored data could not be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum StoreError {
    /// Not JSON, or not a stored document.
    #[error("a stored document could not be read: {0}")]
    Unreadable(String),
    /// Written by a newer build.
    #[error(
        "a stored document was written by a newer claimtag (schema {0}); reload to update the app"
    )]
    Newer(u32),
}

impl StoredDocument {
    /// The stored form of an open document.
    pub fn new(info: DocInfo, article: &Article, annotations: &AnnotationSet) -> Self {
        StoredDocument {
            schema: STORE_SCHEMA,
            info,
            text: article.text().to_string(),
            paragraphs: article.paragraphs().to_vec(),
            meta: article.meta.clone(),
            normalization: article.normalization.clone(),
            set_aside: article.set_aside.clone(),
            original: article.original.to_string(),
            annotations: annotations.as_slice().to_vec(),
            suggestions: annotations.suggestions().to_vec(),
            rejected: annotations.rejected().to_vec(),
            layers: Vec::new(),
            gold: GoldLayer::default(),
        }
    }

    /// Reads a stored document, migrating older schemas.
    pub fn from_json(json: &str) -> Result<Self, StoreError> {
        let value: Value =
            serde_json::from_str(json).map_err(|e| StoreError::Unreadable(e.to_string()))?;
        let value = migrate(value)?;
        serde_json::from_value(value).map_err(|e| StoreError::Unreadable(e.to_string()))
    }

    /// The JSON this build stores.
    pub fn to_json(&self) -> String {
        // Plain structs of strings and numbers always serialise.
        serde_json::to_string(self).unwrap_or_default()
    }

    /// The article and annotations again, with every offset checked against the text (the
    /// other annotators' layers and the gold layer too, see [`StoredDocument::checked_layers`]).
    pub fn open(&self) -> Result<(Article, AnnotationSet), StoreError> {
        let mut article = Article::from_parts(
            self.text.clone(),
            self.paragraphs.clone(),
            self.meta.clone(),
        )
        .map_err(|e| StoreError::Unreadable(e.to_string()))?;
        article.normalization = self.normalization.clone();
        article.set_aside = self.set_aside.clone();
        article.original = self.original.as_str().into();
        if let Some(a) = self
            .annotations
            .iter()
            .find(|a| article.slice(a.span).is_none())
        {
            return Err(StoreError::Unreadable(format!(
                "annotation {} lies outside the text",
                a.id
            )));
        }
        self.checked_layers()?;
        let mut annotations = AnnotationSet::from_annotations(self.annotations.clone());
        // Suggestions are only proposals: any that no longer fit the text are dropped.
        let fits = |s: &&Suggestion| article.slice(s.span).is_some();
        let offered = self.suggestions.iter().filter(fits).cloned().collect();
        let rejected = self.rejected.iter().filter(fits).cloned().collect();
        annotations.apply(&Edit::Offer(offered));
        annotations.apply(&Edit::Reject(rejected));
        Ok((article, annotations))
    }

    /// The library-list row of this document.
    pub fn summary(&self) -> DocSummary {
        let mut counts = [0; 3];
        for a in &self.annotations {
            counts[a.label.index()] += 1;
        }
        let mut annotators: Vec<String> = self
            .annotations
            .iter()
            .map(|a| a.annotator.clone())
            .filter(|name| !name.is_empty())
            .collect();
        annotators.sort();
        annotators.dedup();
        DocSummary {
            info: self.info.clone(),
            title: self.meta.title.clone(),
            source: self.meta.source.clone(),
            counts,
            annotators,
            waiting: self.suggestions.len(),
            layers: self.layer_names_sorted(),
            gold: self.gold.annotations.len(),
        }
    }
}

/// The id of a document with this article's text.
pub fn doc_id(article: &Article) -> String {
    format!("doc-{}", &article.text_sha256()[..16])
}

/// The name of the user's own layer among other annotators' layers: their annotator name, or
/// "me" when none is set.
pub fn own_layer_name(annotator: &str) -> &str {
    match annotator.trim() {
        "" => "me",
        name => name,
    }
}

/// Brings stored JSON of any older schema up to [`STORE_SCHEMA`].
///
/// Schema 1 is the first; a record without a `schema` field is refused rather than guessed.
pub fn migrate(value: Value) -> Result<Value, StoreError> {
    let schema = value
        .get("schema")
        .and_then(Value::as_u64)
        .ok_or_else(|| StoreError::Unreadable("no schema version".to_string()))?;
    match u32::try_from(schema).unwrap_or(u32::MAX) {
        1 => Ok(value),
        newer => Err(StoreError::Newer(newer)),
    }
}

/// Counts per label as "Fact 2 · Allegation 0 · Quote 5".
pub fn counts_text(counts: &[usize; 3]) -> String {
    Label::ALL
        .iter()
        .map(|l| format!("{} {}", l.name(), counts[l.index()]))
        .collect::<Vec<_>>()
        .join(" · ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Label, ParagraphKind, Span};

    /// A stored document exactly as this build's schema 1 writes it.
    const STORED_V1: &str = r#"{"schema":1,"id":"doc-0123456789abcdef","revision":3,"writer":"tab-1","status":"in_progress","added_at":"2026-11-01T10:00:00.000Z","edited_at":"2026-11-02T10:00:00.000Z","deleted_at":null,"text":"Tide 👍 rose.\n\nThe mayor said “no”.","paragraphs":[{"start":0,"end":12,"kind":"body"},{"start":14,"end":34,"kind":"body"}],"meta":{"title":"Tide","published":null,"published_raw":null,"byline":null,"source":"paste","site_name":null,"canonical_url":null,"language":null,"direction":null},"normalization":[],"set_aside":[],"original":"","annotations":[{"id":1,"label":"QUOTE","span":{"start":29,"end":33},"speaker":"mayor","cue":"said","note":""}]}"#;

    #[test]
    fn a_stored_v1_document_opens_in_this_build() {
        let stored = StoredDocument::from_json(STORED_V1).unwrap();
        assert_eq!(stored.info.status, DocStatus::InProgress);
        let (article, annotations) = stored.open().unwrap();
        let quote = &annotations.as_slice()[0];
        assert_eq!(article.slice(quote.span), Some("“no”"));
        assert_eq!(quote.speaker, "mayor");
        assert_eq!(stored.summary().counts, [0, 0, 1]);
    }

    #[test]
    fn round_trips_and_refuses_what_it_cannot_read() {
        let article = Article::from_paragraphs(
            [("One two three.", ParagraphKind::Body)],
            Metadata::default(),
        );
        let mut set = AnnotationSet::new();
        set.add(&article, Span::new(4, 7), Label::Fact).unwrap();
        let info = DocInfo {
            id: doc_id(&article),
            ..DocInfo::default()
        };
        let stored = StoredDocument::new(info, &article, &set);
        let back = StoredDocument::from_json(&stored.to_json()).unwrap();
        assert_eq!(back, stored);
        assert_eq!(back.open().unwrap().1.as_slice(), set.as_slice());
        assert!(matches!(
            StoredDocument::from_json("{}"),
            Err(StoreError::Unreadable(_))
        ));
        assert_eq!(
            StoredDocument::from_json(r#"{"schema": 9}"#),
            Err(StoreError::Newer(9))
        );
        let mut broken = stored.clone();
        broken.annotations[0].span = Span::new(4, 99);
        assert!(broken.open().is_err());
        assert_eq!(counts_text(&[1, 0, 2]), "Fact 1 · Allegation 0 · Quote 2");
    }
}
