//! The native export, `<slug>.claimtag.json`: the article text, its metadata and every
//! annotation with code point offsets and its text.
//!
//! Invariant, checked by [`check_offsets`] and the tests: for every annotation, the text's code
//! points `start..end` are exactly `text`.

use serde::{Deserialize, Serialize};
use thiserror::Error;

use crate::model::format::filename::slug;
use crate::model::{AnnotationSet, Article, Label, Metadata, Paragraph};

/// Value of the `format` field.
pub const FORMAT: &str = "claimtag";
/// Version of this format.
pub const VERSION: u32 = 1;
/// Value of the `offsets` field: what `start` and `end` count.
pub const OFFSETS: &str = "unicode-code-points";

/// A whole export file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct NativeExport {
    /// Always [`FORMAT`].
    pub format: String,
    /// Always [`VERSION`] for files this build writes.
    pub version: u32,
    /// The claimtag version that wrote the file.
    pub app_version: String,
    /// When the file was written, ISO 8601.
    pub exported_at: String,
    /// Always [`OFFSETS`].
    pub offsets: String,
    /// The article.
    pub document: ExportedDocument,
    /// The label set with definitions.
    pub labels: Vec<ExportedLabel>,
    /// Annotations in document order.
    pub annotations: Vec<ExportedAnnotation>,
}

/// The article in an export.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ExportedDocument {
    /// `doc-` and the first 16 hex digits of the text's SHA-256.
    pub id: String,
    /// The canonical text every offset points into.
    pub text: String,
    /// Hex SHA-256 of the UTF-8 text.
    pub text_sha256: String,
    /// Headline, date, byline, source.
    #[serde(flatten)]
    pub meta: Metadata,
    /// Clean-up steps applied to the input.
    pub normalization: Vec<String>,
    /// Paragraph spans, code points.
    pub paragraphs: Vec<Paragraph>,
}

/// One label of the label set.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ExportedLabel {
    /// `FACT`, `ALLEGATION` or `QUOTE`.
    pub id: Label,
    /// What the label means.
    pub definition: String,
}

/// One annotation in an export.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ExportedAnnotation {
    /// `a1`, `a2`, ...
    pub id: String,
    /// The label.
    pub label: Label,
    /// First code point, inclusive.
    pub start: usize,
    /// Last code point, exclusive.
    pub end: usize,
    /// The covered text: the text's code points `start..end`.
    pub text: String,
    /// `start` in UTF-16 code units, for JavaScript consumers.
    pub utf16_start: usize,
    /// `end` in UTF-16 code units.
    pub utf16_end: usize,
}

/// An export that breaks the offset invariant.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum ExportError {
    /// An annotation's offsets reach past the end of the text.
    #[error("annotation {id} ({start}..{end}) lies outside the text")]
    OutOfBounds {
        /// The annotation.
        id: String,
        /// Its start.
        start: usize,
        /// Its end.
        end: usize,
    },
    /// Slicing the text at an annotation's offsets does not give its `text`.
    #[error("annotation {id}: the text at {start}..{end} is not the annotation's text")]
    TextMismatch {
        /// The annotation.
        id: String,
        /// Its start.
        start: usize,
        /// Its end.
        end: usize,
    },
}

/// Builds the export of `article` and its annotations, stamped with `exported_at`.
pub fn export(
    article: &Article,
    annotations: &AnnotationSet,
    exported_at: &str,
) -> Result<NativeExport, ExportError> {
    let sha = article.text_sha256();
    let annotations = annotations
        .iter()
        .map(|a| {
            let out_of_bounds = || ExportError::OutOfBounds {
                id: a.id.to_string(),
                start: a.span.start,
                end: a.span.end,
            };
            let text = article.slice(a.span).ok_or_else(out_of_bounds)?;
            let (utf16_start, utf16_end) = article.utf16_span(a.span).ok_or_else(out_of_bounds)?;
            Ok(ExportedAnnotation {
                id: a.id.to_string(),
                label: a.label,
                start: a.span.start,
                end: a.span.end,
                text: text.to_string(),
                utf16_start,
                utf16_end,
            })
        })
        .collect::<Result<Vec<_>, ExportError>>()?;
    Ok(NativeExport {
        format: FORMAT.to_string(),
        version: VERSION,
        app_version: env!("CARGO_PKG_VERSION").to_string(),
        exported_at: exported_at.to_string(),
        offsets: OFFSETS.to_string(),
        document: ExportedDocument {
            id: format!("doc-{}", &sha[..16]),
            text: article.text().to_string(),
            text_sha256: sha,
            meta: article.meta.clone(),
            normalization: article.normalization.clone(),
            paragraphs: article.paragraphs().to_vec(),
        },
        labels: Label::ALL
            .into_iter()
            .map(|id| ExportedLabel {
                id,
                definition: id.definition().to_string(),
            })
            .collect(),
        annotations,
    })
}

/// The export as pretty-printed JSON, checked against the offset invariant first.
pub fn export_json(
    article: &Article,
    annotations: &AnnotationSet,
    exported_at: &str,
) -> Result<String, ExportError> {
    let export = export(article, annotations, exported_at)?;
    check_offsets(&export)?;
    // Serialising plain structs of strings and numbers into a String cannot fail.
    Ok(serde_json::to_string_pretty(&export).unwrap_or_default())
}

/// Checks that every annotation's `text` is the text's code points `start..end`.
pub fn check_offsets(export: &NativeExport) -> Result<(), ExportError> {
    let chars: Vec<char> = export.document.text.chars().collect();
    for a in &export.annotations {
        let covered = chars
            .get(a.start..a.end)
            .ok_or_else(|| ExportError::OutOfBounds {
                id: a.id.clone(),
                start: a.start,
                end: a.end,
            })?;
        if !covered.iter().copied().eq(a.text.chars()) {
            return Err(ExportError::TextMismatch {
                id: a.id.clone(),
                start: a.start,
                end: a.end,
            });
        }
    }
    Ok(())
}

/// The download name of an export: `<slug of the title>.claimtag.json`.
pub fn file_name(article: &Article) -> String {
    format!("{}.claimtag.json", slug(&article.meta.title))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::ingest::clean_plain_text;
    use crate::model::Span;

    const INPUT: &str =
        "Crew praised 👨🏻‍🚒\r\n\r\nThe 🏳️‍🌈 parade drew 12,000 people, police said.\r\n\r\n\
        北京 officials “denied” it.\r\n";

    fn annotated() -> (Article, AnnotationSet) {
        let article = clean_plain_text(INPUT, Some("test.txt".into())).unwrap();
        let mut set = AnnotationSet::new();
        let text = article.text().to_string();
        let find = |needle: &str| {
            let byte = text.find(needle).unwrap();
            let start = text[..byte].chars().count();
            Span::new(start, start + needle.chars().count())
        };
        set.add(
            &article,
            find("The 🏳️‍🌈 parade drew 12,000 people"),
            Label::Fact,
        )
        .unwrap();
        set.add(&article, find("🏳️‍🌈 parade"), Label::Quote).unwrap();
        set.add(
            &article,
            find("北京 officials “denied” it"),
            Label::Allegation,
        )
        .unwrap();
        set.add(&article, find("“denied”"), Label::Quote).unwrap();
        // Across the paragraph break.
        set.add(&article, find("police said.\n\n北京"), Label::Fact)
            .unwrap();
        (article, set)
    }

    #[test]
    fn every_annotation_slices_to_its_text() {
        let (article, set) = annotated();
        let json = export_json(&article, &set, "2026-11-28T00:00:00Z").unwrap();
        let parsed: serde_json::Value = serde_json::from_str(&json).unwrap();
        let text: Vec<char> = parsed["document"]["text"]
            .as_str()
            .unwrap()
            .chars()
            .collect();
        let utf16: Vec<u16> = parsed["document"]["text"]
            .as_str()
            .unwrap()
            .encode_utf16()
            .collect();
        let annotations = parsed["annotations"].as_array().unwrap();
        assert_eq!(annotations.len(), 5);
        for a in annotations {
            let (start, end) = (
                a["start"].as_u64().unwrap() as usize,
                a["end"].as_u64().unwrap() as usize,
            );
            let sliced: String = text[start..end].iter().collect();
            assert_eq!(sliced, a["text"].as_str().unwrap());
            let (u16s, u16e) = (
                a["utf16_start"].as_u64().unwrap() as usize,
                a["utf16_end"].as_u64().unwrap() as usize,
            );
            assert_eq!(String::from_utf16(&utf16[u16s..u16e]).unwrap(), sliced);
        }
        assert_eq!(parsed["offsets"], OFFSETS);
        assert_eq!(parsed["format"], FORMAT);
        assert_eq!(parsed["document"]["title"], "Crew praised 👨🏻‍🚒");
        assert_eq!(parsed["document"]["source"], "test.txt");
        assert_eq!(parsed["labels"][1]["id"], "ALLEGATION");
    }

    #[test]
    fn the_check_catches_a_tampered_export() {
        let (article, set) = annotated();
        let mut export = export(&article, &set, "now").unwrap();
        assert_eq!(check_offsets(&export), Ok(()));
        export.annotations[0].end += 1;
        assert!(matches!(
            check_offsets(&export),
            Err(ExportError::TextMismatch { .. })
        ));
        export.annotations[0].end = 10_000;
        assert!(matches!(
            check_offsets(&export),
            Err(ExportError::OutOfBounds { .. })
        ));
    }

    #[test]
    fn round_trips_through_serde() {
        let (article, set) = annotated();
        let json = export_json(&article, &set, "now").unwrap();
        let back: NativeExport = serde_json::from_str(&json).unwrap();
        assert_eq!(back, export(&article, &set, "now").unwrap());
        assert_eq!(back.document.id.len(), 4 + 16);
    }

    #[test]
    fn file_name_from_title() {
        let (article, _) = annotated();
        assert_eq!(file_name(&article), "crew-praised.claimtag.json");
    }
}
