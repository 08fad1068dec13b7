//! Other annotators' exports of the library's texts, read into layers: a native
//! `.claimtag.json` (one document), claimtag JSONL (Library → Export all: one native export a
//! line), doccano JSONL, Label Studio JSON, or other JSONL / JSON arrays with spans the intake
//! reads. Each record's annotations are grouped by who made them, never merged across
//! annotators; [`LayerFile::named`] names the layers the file leaves unnamed and turns them
//! into [`AnnotatorLayer`]s, one document (text) at a time, to match to the library by text
//! hash.

#[cfg(test)]
mod tests;

use std::collections::HashSet;

use crate::model::corpus::intake::{preview, Intake, IntakeRecord, MAX_CORPUS_BYTES, MAX_RECORDS};
use crate::model::format::native::{import, FORMAT};
use crate::model::format::parse_json;
use crate::model::layer_choice::in_document_order;
use crate::model::library::AnnotatorLayer;
use crate::model::{Annotation, AnnotationSet, Article};

/// How many records the intake reads at a time.
const BATCH: usize = 1000;

/// The formats named in messages.
const FORMATS: &str = "claimtag JSON, claimtag JSONL, doccano JSONL or Label Studio JSON";

/// One record of a layer file: its article and its annotations grouped by annotator.
#[derive(Debug, Clone, PartialEq)]
pub struct LayerRecord {
    /// The article, as the record gives it (matched to the library by its text's hash).
    pub article: Article,
    /// The annotations, one group per annotator, in the order the file first names them
    /// (`None`: the file does not say who), each group in document order. A record with no annotations and no named
    /// annotator gives one layer `(None, [])`: someone read it and marked nothing. Label
    /// Studio is the exception: a task without any annotation gives no layer, since Label
    /// Studio lists each annotator who submitted one, with or without marks.
    pub layers: Vec<(Option<String>, Vec<Annotation>)>,
}

/// A file of layers, as read.
#[derive(Debug, Clone, PartialEq)]
pub struct LayerFile {
    /// The file's name.
    pub name: String,
    /// What it is: "claimtag", "claimtag JSONL", "claimtag JSON array", "doccano JSONL",
    /// "doccano JSON", "Label Studio JSON", "JSONL", "JSON array".
    pub format: &'static str,
    /// The records read, in the file's order.
    pub records: Vec<LayerRecord>,
    /// Why each record that could not be read was not, beginning with where it is ("Line 3:
    /// …").
    pub refused: Vec<String>,
}

impl LayerFile {
    /// The annotator names the file gives, sorted, each once.
    pub fn annotators(&self) -> Vec<String> {
        let mut names: Vec<String> = self
            .records
            .iter()
            .flat_map(|r| r.layers.iter().filter_map(|(name, _)| name.clone()))
            .collect();
        names.sort();
        names.dedup();
        names
    }

    /// Whether some layer has no annotator, so the user must be asked for a name.
    pub fn needs_name(&self) -> bool {
        self.records
            .iter()
            .any(|r| r.layers.iter().any(|(name, _)| name.is_none()))
    }

    /// The documents of the file with their layers: unnamed layers take `name` (trimmed);
    /// each layer has `source` = the file's name and `added_at`, its annotations in document
    /// order, renumbered `a1`, `a2`, ..., each with `annotator` set to the layer's name.
    ///
    /// Records with the same text are one document; within it, the groups of one annotator
    /// (also an unnamed group given the name of a named one) are one layer, a span given twice
    /// with the same label kept once. A document may have no layers (a Label Studio task
    /// nobody annotated).
    pub fn named(self, name: &str, added_at: &str) -> Vec<(Article, Vec<AnnotatorLayer>)> {
        let name = name.trim();
        let mut documents: Vec<(Article, Vec<AnnotatorLayer>)> = Vec::new();
        for record in self.records {
            let at = match documents
                .iter()
                .position(|(a, _)| a.text() == record.article.text())
            {
                Some(at) => at,
                None => {
                    documents.push((record.article, Vec::new()));
                    documents.len() - 1
                }
            };
            let layers = &mut documents[at].1;
            for (who, annotations) in record.layers {
                let who = who.unwrap_or_else(|| name.to_string());
                let layer = match layers.iter().position(|l| l.annotator == who) {
                    Some(i) => &mut layers[i],
                    None => {
                        layers.push(AnnotatorLayer {
                            annotator: who,
                            annotations: Vec::new(),
                            source: self.name.clone(),
                            added_at: added_at.to_string(),
                        });
                        let last = layers.len() - 1;
                        &mut layers[last]
                    }
                };
                layer.annotations.extend(annotations);
            }
        }
        for (_, layers) in &mut documents {
            for layer in layers.iter_mut() {
                let mut seen = HashSet::new();
                let mut annotations = std::mem::take(&mut layer.annotations);
                annotations.retain(|a| seen.insert((a.span, a.label)));
                for a in &mut annotations {
                    a.annotator.clone_from(&layer.annotator);
                }
                layer.annotations = in_document_order(annotations);
            }
        }
        documents
    }
}

/// `annotations` grouped by annotator in the order they first appear in the file (by id),
/// each group in document order, then the `said` annotators without annotations, each as an empty group; one
/// unnamed empty group when there is nothing at all, unless `none_is_nobody`.
fn group(
    annotations: &AnnotationSet,
    said: &[String],
    none_is_nobody: bool,
) -> Vec<(Option<String>, Vec<Annotation>)> {
    let mut in_file_order: Vec<&Annotation> = annotations.iter().collect();
    in_file_order.sort_by_key(|a| a.id);
    let mut groups: Vec<(Option<String>, Vec<Annotation>)> = Vec::new();
    for a in in_file_order {
        let who = Some(a.annotator.trim().to_string()).filter(|n| !n.is_empty());
        match groups.iter_mut().find(|(name, _)| *name == who) {
            Some((_, list)) => list.push(a.clone()),
            None => groups.push((who, vec![a.clone()])),
        }
    }
    for (_, list) in &mut groups {
        list.sort_by_key(|a| (a.span.start, std::cmp::Reverse(a.span.end)));
    }
    for name in said {
        if !groups
            .iter()
            .any(|(n, _)| n.as_deref() == Some(name.as_str()))
        {
            groups.push((Some(name.clone()), Vec::new()));
        }
    }
    if groups.is_empty() && !none_is_nobody {
        groups.push((None, Vec::new()));
    }
    groups
}

/// Whether `json` is one claimtag export (a JSON object with `"format": "claimtag"`).
fn is_native(json: &str) -> bool {
    parse_json(json).is_ok_and(|v| v.get("format").and_then(|f| f.as_str()) == Some(FORMAT))
}

/// Reads `contents` (the file `name`) into layers. Refuses, with a message naming the file,
/// an empty file, one over the intake's size or record limits, a file of none of the formats
/// (a table, text, JSON without spans), or one of which no record could be read; records that
/// cannot be read are listed in [`LayerFile::refused`] and the rest kept.
pub fn read_layer_file(name: &str, contents: &str) -> Result<LayerFile, String> {
    let body = contents.trim_start_matches('\u{feff}');
    if body.trim().is_empty() {
        return Err(format!("The file “{name}” is empty."));
    }
    if contents.len() > MAX_CORPUS_BYTES {
        return Err(format!(
            "The file “{name}” is {:.1} MB; claimtag reads files of layers up to {} MB. Split it into parts and bring in each.",
            contents.len() as f64 / (1024.0 * 1024.0),
            MAX_CORPUS_BYTES / (1024 * 1024)
        ));
    }
    let head = body.trim_start();
    let first_line = head.lines().next().unwrap_or_default();
    let lower = name.to_lowercase();
    let lines = lower.ends_with(".jsonl") || lower.ends_with(".ndjson");
    let file = if !lines && head.starts_with('{') && is_native(head) {
        let (article, annotations) = import(head).map_err(|e| format!("{name}: {e}"))?;
        LayerFile {
            name: name.to_string(),
            format: "claimtag",
            records: vec![LayerRecord {
                layers: group(&annotations, &[], false),
                article,
            }],
            refused: Vec::new(),
        }
    } else if first_line.trim_start().starts_with('{') && is_native(first_line) {
        read_native_lines(name, body)?
    } else {
        read_with_intake(name, contents)?
    };
    if file.records.is_empty() {
        let why = file
            .refused
            .first()
            .cloned()
            .unwrap_or_else(|| "no records".to_string());
        return Err(format!(
            "The file “{name}”: no record could be read ({why})."
        ));
    }
    Ok(file)
}

/// claimtag JSONL: every non-blank line one native export, each checked like a single file.
fn read_native_lines(name: &str, body: &str) -> Result<LayerFile, String> {
    let lines: Vec<(usize, &str)> = body
        .lines()
        .enumerate()
        .filter(|(_, line)| !line.trim().is_empty())
        .collect();
    if lines.len() > MAX_RECORDS {
        return Err(format!(
            "The file “{name}” holds {} records; claimtag reads at most {MAX_RECORDS} from one file. Split it into parts and bring in each.",
            lines.len()
        ));
    }
    let mut file = LayerFile {
        name: name.to_string(),
        format: "claimtag JSONL",
        records: Vec::new(),
        refused: Vec::new(),
    };
    for (n, line) in lines {
        match import(line) {
            Ok((article, annotations)) => file.records.push(LayerRecord {
                layers: group(&annotations, &[], false),
                article,
            }),
            Err(e) => file.refused.push(format!("Line {}: {e}", n + 1)),
        }
    }
    Ok(file)
}

/// doccano, Label Studio and other JSONL / JSON arrays with spans, read by the corpus intake
/// with the mapping its preview guesses.
fn read_with_intake(name: &str, contents: &str) -> Result<LayerFile, String> {
    let shown = preview(name, contents)?;
    let format = match shown.kind.as_str() {
        "Label Studio tasks" => "Label Studio JSON",
        "doccano JSONL" => "doccano JSONL",
        "doccano JSON" => "doccano JSON",
        "claimtag JSONL" => "claimtag JSON array",
        "JSONL" => "JSONL",
        "JSON array" => "JSON array",
        other => {
            return Err(format!(
            "The file “{name}” ({other}) is not an annotator's export: layers come from {FORMATS}."
        ))
        }
    };
    let label_studio = format == "Label Studio JSON";
    let mut intake = Intake::new(name, contents.to_string(), shown.mapping)?;
    let mut file = LayerFile {
        name: name.to_string(),
        format,
        records: Vec::new(),
        refused: Vec::new(),
    };
    let mut spans_seen = false;
    loop {
        let batch = intake.next_batch(BATCH);
        if batch.is_empty() {
            break;
        }
        for result in batch {
            match result {
                Ok(record) => {
                    spans_seen |= carries_spans(&record);
                    file.records.push(LayerRecord {
                        layers: group(&record.annotations, &record.annotators, label_studio),
                        article: record.article,
                    });
                }
                Err(refused) => file.refused.push(refused.reason),
            }
        }
    }
    if matches!(format, "JSONL" | "JSON array") && !file.records.is_empty() && !spans_seen {
        return Err(format!(
            "The file “{name}” holds texts but no annotations: layers come from {FORMATS}."
        ));
    }
    Ok(file)
}

/// Whether a record read by the intake carried spans or annotators at all (placed or not).
fn carries_spans(record: &IntakeRecord) -> bool {
    !record.annotations.is_empty()
        || !record.annotators.is_empty()
        || !record.left_out.is_empty()
        || record.not_placed > 0
        || record.merged > 0
}
