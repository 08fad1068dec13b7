//! What a document action reads from the other slices ([`EditContext`]) and what it asks of
//! them ([`Outcome`]); the root applies the outcome.

use crate::model::library::DocInfo;
use crate::model::{AnnotationId, Span};
use crate::state::notice::Notice;

/// What a document edit reads from the rest of the state.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct EditContext<'a> {
    /// The current annotation.
    pub selected: Option<AnnotationId>,
    /// The span of the sentence under the cursor.
    pub cursor: Option<Span>,
    /// The suggestion under review (an index into the waiting suggestions).
    pub review: Option<usize>,
    /// New spans from the text selection snap to whole words.
    pub snap_words: bool,
    /// Written into every new annotation.
    pub annotator: &'a str,
    /// The time of the action (ISO 8601), stamped on new and changed annotations.
    pub now: &'a str,
}

/// What a document action asks of the rest of the state; the root applies it. `None` leaves a
/// thing as it is.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Outcome {
    /// The annotation to make current (`Some(None)`: none).
    pub select: Option<Option<AnnotationId>>,
    /// Close the attribute editor.
    pub stop_editing: bool,
    /// The message to show (`Some(None)` hides the one shown).
    pub notice: Option<Option<Notice>>,
    /// The edit in words, for screen readers.
    pub announce: Option<String>,
    /// The suggestion to review next, or none; kept within the waiting suggestions.
    pub review: Option<Option<usize>>,
    /// The adjudication candidate to look at next, or none.
    pub item: Option<Option<usize>>,
    /// Close the panel shown over the page.
    pub close_dialog: bool,
    /// The document was replaced.
    pub opened: Option<Opened>,
}

/// How the document was replaced.
#[derive(Debug, Clone, PartialEq)]
pub enum Opened {
    /// A newly loaded document, not in the library yet.
    New,
    /// A document from the library (also another tab's newer version of the open one).
    Stored(DocInfo),
    /// The same document with a set-aside line back in its text: offsets moved, so the undo
    /// history and everything but the current annotation start afresh.
    Restored,
}

impl Outcome {
    /// Only show `notice`.
    pub fn notice(notice: Notice) -> Self {
        Outcome {
            notice: Some(Some(notice)),
            ..Outcome::default()
        }
    }
}
