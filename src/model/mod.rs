//! The pure core of claimtag: article text, spans, annotations, clean-up and export.
//!
//! Nothing in this module touches the browser (no yew, web-sys, gloo or wasm-bindgen), so all of
//! it is tested natively with `cargo test`.
//!
//! **Offsets are Unicode code points, half-open, into [`Article::text`].** A [`Span`] of
//! `(2, 7)` over `"Some text"` covers `So[me te]xt`, i.e. `"me te"`. UTF-16 offsets (what the DOM
//! counts in) exist only at the edge, converted through [`TextIndex`].

pub mod adjudication;
pub mod agreement;
pub mod annotation;
pub mod annotation_set;
pub mod article;
pub mod corpus;
pub mod edit;
pub mod format;
pub mod history;
pub mod ingest;
pub mod label;
pub mod layer_choice;
pub mod layer_files;
pub mod layers;
pub mod library;
pub mod search;
pub mod segment;
pub mod span;
pub mod suggest;
pub mod sync;
pub mod text_index;

pub use annotation::{Annotation, AnnotationId, Origin, Provenance};
pub use annotation_set::{AnnotationSet, EditError};
pub use article::{Article, ArticleError, Metadata, Paragraph, ParagraphKind, SetAside};
pub use edit::Edit;
pub use history::History;
pub use label::Label;
pub use span::Span;
pub use text_index::TextIndex;
