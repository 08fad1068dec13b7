//! [`Annotation`]: one labelled span of an article, with who said it and notes.

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::model::{Label, Span};

/// Identifies an annotation within its document; shown and exported as `a1`, `a2`, ...
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct AnnotationId(pub u32);

impl fmt::Display for AnnotationId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "a{}", self.0)
    }
}

/// A span of the article's text marked with a label.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Annotation {
    /// Stable within the document.
    pub id: AnnotationId,
    /// What kind of claim the span is.
    pub label: Label,
    /// Code point offsets into the article text, half-open.
    pub span: Span,
    /// Who said or alleged it (free text; empty when not given).
    pub speaker: String,
    /// The reporting verb or phrase: "said", "alleged", "according to" (empty when not given).
    pub cue: String,
    /// The annotator's note (empty when none).
    pub note: String,
    /// Who made the annotation (the name set in the library; empty when none was set).
    #[serde(default)]
    pub annotator: String,
    /// When it was made (ISO 8601; empty when not known).
    #[serde(default)]
    pub created: String,
    /// When it last changed (ISO 8601; empty when not known).
    #[serde(default)]
    pub modified: String,
    /// How it came about.
    #[serde(default)]
    pub origin: Origin,
    /// For a gold annotation made in adjudication: whose annotations it was taken from.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub adjudicated_from: Option<Provenance>,
}

/// Where a gold annotation came from: the annotators whose layers had it (the same label on
/// the same span) and whether every annotator of the document had it.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
pub struct Provenance {
    /// The annotators who had this span with this label, sorted.
    pub annotators: Vec<String>,
    /// Whether every annotator of the document had it.
    pub unanimous: bool,
}

/// How an annotation came about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Origin {
    /// Made by hand in claimtag.
    #[default]
    Manual,
    /// Read from another tool's file (W3C, doccano, Label Studio).
    Imported,
    /// Proposed by the suggester and accepted by the annotator.
    Suggestion,
}

impl Annotation {
    /// A new annotation with no speaker, cue or note.
    pub fn new(id: AnnotationId, label: Label, span: Span) -> Self {
        Annotation {
            id,
            label,
            span,
            speaker: String::new(),
            cue: String::new(),
            note: String::new(),
            annotator: String::new(),
            created: String::new(),
            modified: String::new(),
            origin: Origin::Manual,
            adjudicated_from: None,
        }
    }
}
