//! Export and import formats, one file per format, and [`export_files`], which turns a document
//! into the file(s) of a chosen format.

pub mod anchor;
pub mod context;
pub mod filename;
pub mod jsonl;
pub mod native;
pub mod others;

use serde_json::Value;

use crate::model::format::filename::slug;
use crate::model::format::native::{export_json, file_name, ExportError};
use crate::model::{AnnotationSet, Article, Span};

/// A format the Export menu offers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExportFormat {
    /// claimtag's own `.claimtag.json`.
    Native,
    /// W3C Web Annotation JSON-LD.
    W3c,
    /// doccano JSONL (UTF-16 offsets).
    Doccano,
    /// Label Studio tasks JSON (UTF-16 offsets).
    LabelStudio,
    /// spaCy / Prodigy JSONL.
    Spacy,
    /// brat standoff `.txt` + `.ann`.
    Brat,
    /// A CSV table, one row per annotation.
    Csv,
}

impl ExportFormat {
    /// Every format, in menu order.
    pub const ALL: [ExportFormat; 7] = [
        ExportFormat::Native,
        ExportFormat::W3c,
        ExportFormat::Doccano,
        ExportFormat::LabelStudio,
        ExportFormat::Spacy,
        ExportFormat::Brat,
        ExportFormat::Csv,
    ];

    /// The menu entry.
    pub fn name(self) -> &'static str {
        match self {
            ExportFormat::Native => "claimtag JSON",
            ExportFormat::W3c => "W3C Web Annotation",
            ExportFormat::Doccano => "doccano JSONL",
            ExportFormat::LabelStudio => "Label Studio JSON",
            ExportFormat::Spacy => "spaCy / Prodigy JSONL",
            ExportFormat::Brat => "brat standoff",
            ExportFormat::Csv => "CSV",
        }
    }
}

/// A file to download: name, MIME type, contents.
pub type ExportFile = (String, &'static str, String);

/// The file(s) of `format` for a document, named after its title.
pub fn export_files(
    format: ExportFormat,
    article: &Article,
    annotations: &AnnotationSet,
    sentences: &[Span],
    exported_at: &str,
) -> Result<Vec<ExportFile>, ExportError> {
    let base = slug(&article.meta.title);
    let pretty =
        |value: serde_json::Value| serde_json::to_string_pretty(&value).unwrap_or_default();
    Ok(match format {
        ExportFormat::Native => vec![(
            file_name(article),
            "application/json",
            export_json(article, annotations, exported_at)?,
        )],
        ExportFormat::W3c => vec![(
            format!("{base}.w3c.jsonld"),
            "application/ld+json",
            pretty(others::w3c(article, annotations, exported_at)),
        )],
        ExportFormat::Doccano => vec![(
            format!("{base}.doccano.jsonl"),
            "application/jsonl",
            others::doccano(article, annotations),
        )],
        ExportFormat::LabelStudio => vec![(
            format!("{base}.label-studio.json"),
            "application/json",
            pretty(others::label_studio(article, annotations)),
        )],
        ExportFormat::Spacy => vec![(
            format!("{base}.spacy.jsonl"),
            "application/jsonl",
            others::spacy(article, annotations),
        )],
        ExportFormat::Brat => {
            let (txt, ann) = others::brat(article, annotations);
            vec![
                (format!("{base}.txt"), "text/plain", txt),
                (format!("{base}.ann"), "text/plain", ann),
            ]
        }
        ExportFormat::Csv => vec![(
            format!("{base}.csv"),
            "text/csv",
            others::csv(article, annotations, sentences),
        )],
    })
}

/// How deep JSON may nest: serde_json's own limit, which keeps hostile files from exhausting
/// the stack.
pub const MAX_JSON_DEPTH: usize = 128;

/// Parses `text` as JSON, saying plainly when it is not JSON or nests deeper than
/// [`MAX_JSON_DEPTH`] levels.
pub fn parse_json(text: &str) -> Result<Value, String> {
    serde_json::from_str(text).map_err(|e| {
        if e.to_string().starts_with("recursion limit exceeded") {
            format!("it nests data more than {MAX_JSON_DEPTH} levels deep")
        } else {
            e.to_string()
        }
    })
}
