//! The native export, `<slug>.claimtag.json`: the article text, its metadata and every
//! annotation with code point offsets and its text.
//!
//! Invariant, checked by [`check_offsets`] and the tests: for every annotation, the text's code
//! points `start..end` are exactly `text`.

use std::collections::HashSet;

use serde::{Deserialize, Serialize};
use thiserror::Error;

use crate::model::format::context::prefix_suffix;
use crate::model::format::filename::slug;
use crate::model::format::parse_json;
use crate::model::library::doc_id;
use crate::model::segment::sentences;
use crate::model::{
    Annotation, AnnotationId, AnnotationSet, Article, Label, Metadata, Origin, Paragraph,
    Provenance, Span,
};

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
    /// Sentence spans, code points (for sentence-level datasets).
    #[serde(default)]
    pub sentences: Vec<Span>,
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
    /// Up to 32 code points before the span.
    #[serde(default)]
    pub prefix: String,
    /// Up to 32 code points after the span.
    #[serde(default)]
    pub suffix: String,
    /// `start` in UTF-16 code units, for JavaScript consumers.
    pub utf16_start: usize,
    /// `end` in UTF-16 code units.
    pub utf16_end: usize,
    /// Who said or alleged it.
    #[serde(default)]
    pub speaker: String,
    /// The reporting verb or phrase.
    #[serde(default)]
    pub cue: String,
    /// The annotator's note.
    #[serde(default)]
    pub note: String,
    /// Who made it.
    #[serde(default)]
    pub annotator: String,
    /// When it was made (ISO 8601).
    #[serde(default)]
    pub created: String,
    /// When it last changed (ISO 8601).
    #[serde(default)]
    pub modified: String,
    /// `manual`, `imported` or `suggestion`.
    #[serde(default)]
    pub origin: Origin,
    /// For a gold annotation made in adjudication: whose annotations it was taken from.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub adjudicated_from: Option<Provenance>,
}

/// Why an export was refused: it would break the offset invariant, or (for the corpus ZIP
/// files) it is too large for a ZIP file without zip64.
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
    /// A ZIP file would pass 4 GB or 65,535 entries, which needs zip64 (not written).
    #[error("the export is too large for a ZIP file: {0}")]
    TooLarge(String),
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
            let (prefix, suffix) = prefix_suffix(article, a.span);
            Ok(ExportedAnnotation {
                id: a.id.to_string(),
                label: a.label,
                start: a.span.start,
                end: a.span.end,
                text: text.to_string(),
                prefix,
                suffix,
                utf16_start,
                utf16_end,
                speaker: a.speaker.clone(),
                cue: a.cue.clone(),
                note: a.note.clone(),
                annotator: a.annotator.clone(),
                created: a.created.clone(),
                modified: a.modified.clone(),
                origin: a.origin,
                adjudicated_from: a.adjudicated_from.clone(),
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
            id: doc_id(article),
            text: article.text().to_string(),
            text_sha256: sha,
            meta: article.meta.clone(),
            normalization: article.normalization.clone(),
            paragraphs: article.paragraphs().to_vec(),
            sentences: sentences(article),
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

/// The export, checked against the offset invariant ([`check_offsets`]).
pub fn checked_export(
    article: &Article,
    annotations: &AnnotationSet,
    exported_at: &str,
) -> Result<NativeExport, ExportError> {
    let export = export(article, annotations, exported_at)?;
    check_offsets(&export)?;
    Ok(export)
}

/// The export as pretty-printed JSON, checked against the offset invariant first.
pub fn export_json(
    article: &Article,
    annotations: &AnnotationSet,
    exported_at: &str,
) -> Result<String, ExportError> {
    // Serialising plain structs of strings and numbers into a String cannot fail.
    checked_export(article, annotations, exported_at)
        .map(|export| serde_json::to_string_pretty(&export).unwrap_or_default())
}

/// Checks that every annotation's `text` is the text's code points `start..end`.
pub fn check_offsets(export: &NativeExport) -> Result<(), ExportError> {
    let chars: Vec<char> = export.document.text.chars().collect();
    for a in &export.annotations {
        check_span(&chars, &a.id, a.start, a.end, a.text.chars())?;
    }
    Ok(())
}

/// Checks that `units[start..end]` — the text's code points, or its UTF-16 code units for the
/// formats that count those — is exactly `expected`, naming annotation `id` when it is not.
pub fn check_span<T: PartialEq + Copy>(
    units: &[T],
    id: &str,
    start: usize,
    end: usize,
    expected: impl IntoIterator<Item = T>,
) -> Result<(), ExportError> {
    let at = || (id.to_string(), start, end);
    let covered = units.get(start..end).ok_or_else(|| {
        let (id, start, end) = at();
        ExportError::OutOfBounds { id, start, end }
    })?;
    if covered.iter().copied().eq(expected) {
        Ok(())
    } else {
        let (id, start, end) = at();
        Err(ExportError::TextMismatch { id, start, end })
    }
}

/// Most annotations one import may hold.
pub const MAX_IMPORT_ANNOTATIONS: usize = 100_000;

/// Why a file could not be opened as a claimtag export. Nothing in the app changes.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum ImportError {
    /// Not JSON at all, or JSON of another shape.
    #[error("This file is not a readable claimtag export: {0}")]
    Unreadable(String),
    /// JSON from another tool.
    #[error("This JSON file is not a claimtag export (it has no \"format\": \"claimtag\").")]
    Foreign,
    /// Written by a newer claimtag.
    #[error("This file is claimtag format version {0}; this build reads version {VERSION}. Use a newer claimtag.")]
    NewerVersion(u32),
    /// Offsets in another unit.
    #[error("This file counts offsets in “{0}”; claimtag reads Unicode code points.")]
    OffsetUnit(String),
    /// The text does not match its SHA-256.
    #[error("The document text does not match its SHA-256: the file was edited or damaged.")]
    HashMismatch,
    /// An annotation does not fit the text.
    #[error("The annotations do not fit the text: {0}.")]
    Misfit(String),
    /// Too many annotations.
    #[error("The file holds {0} annotations; claimtag opens at most 100,000.")]
    TooMany(usize),
}

/// Reads a `.claimtag.json` export back into an article and its annotations, checking every
/// rule the export promises (format, version, offset unit, SHA-256, offsets and texts).
pub fn import(json: &str) -> Result<(Article, AnnotationSet), ImportError> {
    let value = parse_json(json).map_err(ImportError::Unreadable)?;
    if value.get("format").and_then(|f| f.as_str()) != Some(FORMAT) {
        return Err(ImportError::Foreign);
    }
    if let Some(version) = value.get("version").and_then(|v| v.as_u64()) {
        if version > u64::from(VERSION) {
            return Err(ImportError::NewerVersion(
                u32::try_from(version).unwrap_or(u32::MAX),
            ));
        }
    }
    let count = value
        .get("annotations")
        .and_then(|a| a.as_array())
        .map_or(0, Vec::len);
    if count > MAX_IMPORT_ANNOTATIONS {
        return Err(ImportError::TooMany(count));
    }
    let export: NativeExport =
        serde_json::from_value(value).map_err(|e| ImportError::Unreadable(e.to_string()))?;
    if export.offsets != OFFSETS {
        return Err(ImportError::OffsetUnit(export.offsets));
    }
    check_offsets(&export).map_err(|e| ImportError::Misfit(e.to_string()))?;
    let document = export.document;
    let mut article = Article::from_parts(document.text, document.paragraphs, document.meta)
        .map_err(|e| ImportError::Misfit(e.to_string()))?;
    if article.text_sha256() != document.text_sha256 {
        return Err(ImportError::HashMismatch);
    }
    article.normalization = document.normalization;
    let mut used = HashSet::new();
    let mut annotations = Vec::with_capacity(export.annotations.len());
    for (n, a) in export.annotations.into_iter().enumerate() {
        let id =
            a.id.strip_prefix('a')
                .and_then(|n| n.parse().ok())
                .filter(|id| used.insert(*id))
                .unwrap_or(u32::try_from(n + 1_000_000).unwrap_or(u32::MAX));
        let annotation = Annotation {
            speaker: a.speaker,
            cue: a.cue,
            note: a.note,
            annotator: a.annotator,
            created: a.created,
            modified: a.modified,
            origin: a.origin,
            adjudicated_from: a.adjudicated_from,
            ..Annotation::new(AnnotationId(id), a.label, Span::new(a.start, a.end))
        };
        annotations.push(annotation);
    }
    Ok((article, AnnotationSet::from_annotations(annotations)))
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
    fn imports_what_it_exports() {
        let (article, mut set) = annotated();
        let first = set.as_slice()[0].clone();
        set.change(
            &article,
            Annotation {
                speaker: "Police".into(),
                note: "n".into(),
                ..first
            },
        )
        .unwrap();
        let json = export_json(&article, &set, "now").unwrap();
        let (back, back_set) = import(&json).unwrap();
        assert_eq!(back.text(), article.text());
        assert_eq!(back.paragraphs(), article.paragraphs());
        assert_eq!(back.meta, article.meta);
        assert_eq!(back_set.as_slice(), set.as_slice());
    }

    #[test]
    fn import_keeps_adjudication_provenance() {
        let (article, mut set) = annotated();
        let first = set.as_slice()[0].clone();
        let provenance = Provenance {
            annotators: vec!["ana".into(), "ben".into()],
            unanimous: false,
        };
        set.change(
            &article,
            Annotation {
                adjudicated_from: Some(provenance.clone()),
                ..first
            },
        )
        .unwrap();
        let json = export_json(&article, &set, "now").unwrap();
        let parsed: serde_json::Value = serde_json::from_str(&json).unwrap();
        let written = parsed["annotations"].as_array().unwrap();
        assert_eq!(written[0]["adjudicated_from"]["annotators"][1], "ben");
        assert!(
            written[1].get("adjudicated_from").is_none(),
            "left out when none"
        );
        let (_, back_set) = import(&json).unwrap();
        assert_eq!(back_set.as_slice(), set.as_slice());
        assert_eq!(back_set.as_slice()[0].adjudicated_from, Some(provenance));
    }

    #[test]
    fn refuses_bad_imports_with_a_reason() {
        let (article, set) = annotated();
        let json = export_json(&article, &set, "now").unwrap();
        assert!(matches!(
            import("{not json"),
            Err(ImportError::Unreadable(_))
        ));
        assert_eq!(
            import(r#"{"text": "x", "label": []}"#),
            Err(ImportError::Foreign)
        );
        let newer = json.replacen("\"version\": 1", "\"version\": 7", 1);
        assert_eq!(import(&newer), Err(ImportError::NewerVersion(7)));
        let edited = json.replacen("police said", "police SAID", 1);
        assert!(matches!(
            import(&edited),
            Err(ImportError::Misfit(_) | ImportError::HashMismatch)
        ));
        let mut value: serde_json::Value = serde_json::from_str(&json).unwrap();
        value["annotations"][0]["end"] = serde_json::json!(3);
        assert!(matches!(
            import(&value.to_string()),
            Err(ImportError::Misfit(_))
        ));
        value["annotations"][0]["end"] = serde_json::json!(3_000);
        assert!(matches!(
            import(&value.to_string()),
            Err(ImportError::Misfit(_))
        ));
        let deep = format!("{}{}", "[".repeat(10_000), "]".repeat(10_000));
        assert!(matches!(import(&deep), Err(ImportError::Unreadable(_))));
    }

    #[test]
    fn file_name_from_title() {
        let (article, _) = annotated();
        assert_eq!(file_name(&article), "crew-praised.claimtag.json");
    }
}
