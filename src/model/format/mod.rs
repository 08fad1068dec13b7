//! Export and import formats, one file per format, and [`export_files`], which turns a document
//! into the file(s) of a chosen format, with the [`caveat`] of a tool that loses something on
//! import.

pub mod anchor;
pub mod context;
pub mod filename;
pub mod foreign;
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
    /// W3C Web Annotation JSON-LD (positions in code points).
    W3c,
    /// W3C Web Annotation JSON-LD with positions in UTF-16 units, for Recogito / Hypothesis.
    W3cUtf16,
    /// doccano JSONL (UTF-16 offsets).
    Doccano,
    /// Label Studio tasks JSON (code point offsets).
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
    pub const ALL: [ExportFormat; 8] = [
        ExportFormat::Native,
        ExportFormat::W3c,
        ExportFormat::W3cUtf16,
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
            ExportFormat::W3cUtf16 => "W3C for Recogito / Hypothesis (UTF-16 positions)",
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
        ExportFormat::W3cUtf16 => vec![(
            format!("{base}.w3c-utf16.jsonld"),
            "application/ld+json",
            pretty(others::w3c_utf16(article, annotations, exported_at)),
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

/// Annotations that overlap one before them in document order (what a tool that cannot hold
/// overlapping spans would lose).
pub fn overlapping(annotations: &AnnotationSet) -> usize {
    let mut reach = 0;
    let mut count = 0;
    for a in annotations.iter() {
        if a.span.start < reach {
            count += 1;
        }
        reach = reach.max(a.span.end);
    }
    count
}

/// What the target tool loses on import, when it loses something: said with the export.
pub fn caveat(format: ExportFormat, annotations: &AnnotationSet) -> Option<String> {
    let n = overlapping(annotations);
    if n == 0 {
        return None;
    }
    let spans = if n == 1 {
        "1 span overlaps"
    } else {
        "spans overlap"
    };
    let count = if n == 1 {
        String::new()
    } else {
        format!("{n} ")
    };
    match format {
        ExportFormat::Doccano => Some(format!(
            "{count}{spans} another: doccano keeps them only in a project created with “Allow overlapping spans” and drops them silently otherwise."
        )),
        ExportFormat::Spacy => Some(format!(
            "{count}{spans} another: spaCy's doc.ents cannot hold overlapping spans; read them into a SpanGroup (doc.spans)."
        )),
        _ => None,
    }
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Label, Metadata, ParagraphKind};

    #[test]
    fn overlapping_spans_are_counted_and_named_for_the_tools_that_lose_them() {
        let article = Article::from_paragraphs(
            [(
                "The mayor said “we will rebuild the bridge” on Monday.",
                ParagraphKind::Body,
            )],
            Metadata::default(),
        );
        let mut set = AnnotationSet::new();
        set.add(&article, Span::new(0, 9), Label::Fact).unwrap();
        assert_eq!(caveat(ExportFormat::Doccano, &set), None);
        set.add(&article, Span::new(15, 43), Label::Quote).unwrap();
        set.add(&article, Span::new(16, 42), Label::Fact).unwrap();
        set.add(&article, Span::new(4, 9), Label::Allegation)
            .unwrap();
        assert_eq!(overlapping(&set), 2);
        let doccano = caveat(ExportFormat::Doccano, &set).unwrap();
        assert!(
            doccano.starts_with("2 spans overlap another")
                && doccano.contains("Allow overlapping spans")
        );
        assert!(caveat(ExportFormat::Spacy, &set)
            .unwrap()
            .contains("SpanGroup"));
        assert_eq!(caveat(ExportFormat::Brat, &set), None);
    }
}
