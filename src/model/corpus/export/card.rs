//! The dataset card (`README.md`) of the dataset package: what is in it, counted while the
//! documents are written, and how it was made.

use std::collections::BTreeMap;
use std::fmt::Write;

use crate::model::corpus::export::split::{Split, Splits};
use crate::model::corpus::export::SCHEMA_FILE;
use crate::model::{AnnotationSet, Label};

/// What the card counts, filled one document at a time.
#[derive(Debug, Clone, Default)]
pub struct CardStats {
    /// Documents per split, in [`Split::ALL`] order.
    documents: [usize; 3],
    /// Annotations per split and label ([`Split::ALL`] × [`Label::ALL`]).
    annotations: [[usize; 3]; 3],
    /// Annotations per annotator name (empty: not recorded).
    annotators: BTreeMap<String, usize>,
}

/// A Markdown table cell: no line breaks, `|` escaped.
fn cell(text: &str) -> String {
    text.replace(['\n', '\r'], " ").replace('|', "\\|")
}

impl CardStats {
    /// Counts one document of `split`.
    pub fn add(&mut self, split: Split, annotations: &AnnotationSet) {
        self.documents[split.index()] += 1;
        for a in annotations.iter() {
            self.annotations[split.index()][a.label.index()] += 1;
            *self
                .annotators
                .entry(a.annotator.trim().to_string())
                .or_default() += 1;
        }
    }

    /// The card, in Markdown: `corpus_name` is its title; `exported_at` and `splits` say how
    /// the package was made.
    pub fn render(&self, corpus_name: &str, exported_at: &str, splits: Splits) -> String {
        let version = env!("CARGO_PKG_VERSION");
        let title = corpus_name.replace(['\n', '\r'], " ");
        let mut out = String::new();
        // Writing to a String cannot fail.
        let _ = writeln!(
            out,
            "# {title}\n\n\
             News articles with spans marked FACT, ALLEGATION or QUOTE, exported by claimtag \
             {version} at {exported_at}.\n\n\
             ## Files\n\n\
             | file | contents |\n|---|---|\n\
             | `train.jsonl`, `validation.jsonl`, `test.jsonl` | one document per line: a complete \
             claimtag native export (`\"format\": \"claimtag\"`, version 1) with its text, \
             metadata, paragraphs, sentences and annotations |\n\
             | `{SCHEMA_FILE}` | the JSON Schema (draft-07) each line validates against |\n\
             | `README.md` | this card |\n\n\
             ## Counts\n\n\
             | split | documents | FACT | ALLEGATION | QUOTE | annotations |\n\
             |---|---:|---:|---:|---:|---:|"
        );
        let mut total_docs = 0;
        let mut total = [0usize; 3];
        for split in Split::ALL {
            let counts = self.annotations[split.index()];
            let docs = self.documents[split.index()];
            total_docs += docs;
            for (sum, n) in total.iter_mut().zip(counts) {
                *sum += n;
            }
            let _ = writeln!(
                out,
                "| {} | {docs} | {} | {} | {} | {} |",
                split.name(),
                counts[0],
                counts[1],
                counts[2],
                counts.iter().sum::<usize>()
            );
        }
        let _ = writeln!(
            out,
            "| **all** | **{total_docs}** | **{}** | **{}** | **{}** | **{}** |\n",
            total[0],
            total[1],
            total[2],
            total.iter().sum::<usize>()
        );
        let _ = writeln!(out, "## Annotators\n");
        if self.annotators.is_empty() {
            let _ = writeln!(out, "No annotations yet.\n");
        } else {
            let _ = writeln!(out, "| annotator | annotations |\n|---|---:|");
            for (name, n) in &self.annotators {
                let name = if name.is_empty() {
                    "(not recorded)".to_string()
                } else {
                    cell(name)
                };
                let _ = writeln!(out, "| {name} | {n} |");
            }
            let _ = writeln!(out);
        }
        let _ = writeln!(
            out,
            "## Labels\n\nThe annotation guidelines' definitions:\n"
        );
        for label in Label::ALL {
            let _ = writeln!(out, "- **{}**: {}", label.id(), label.definition());
        }
        let _ = writeln!(
            out,
            "\nSpans may overlap and nest, and the same span may carry two different labels. Each \
             annotation may name a `speaker` and a `cue` (the reporting verb or phrase) and carry \
             a `note`.\n\n\
             ## Offsets\n\n\
             `start` and `end` count **Unicode code points**, half-open, into `document.text`: in \
             Python `text[start:end] == annotation[\"text\"]`, in JavaScript \
             `[...text].slice(start, end).join(\"\") === annotation.text`. Each annotation also \
             carries `utf16_start`/`utf16_end` (UTF-16 code units, for `text.slice` in \
             JavaScript). claimtag's doccano export counts UTF-16 code units; \
             this package is native and counts code points. Paragraphs are separated in the text \
             by a blank line.\n\n\
             ## How it was made\n\n\
             - Exported by claimtag {version} at {exported_at}.\n\
             - Splits by document (a document's annotations stay together): train {} %, \
             validation {} %, test {} %.\n\
             - The rule: a document's split depends only on its id (`doc-` and 16 hex digits of \
             its text's SHA-256). `h` is the first 8 bytes of the SHA-256 of the id, big-endian; \
             the document is in train when `h * 100 < train * 2**64`, else in validation when \
             `h * 100 < (train + validation) * 2**64`, else in test. Re-exporting never \
             reshuffles, adding documents moves none of the others, and on a small corpus the \
             counts stray from the ratios.\n\n\
             ```python\n\
             import hashlib\n\n\
             def split(doc_id, train={}, validation={}):\n\
             \x20   h = int.from_bytes(hashlib.sha256(doc_id.encode()).digest()[:8], \"big\")\n\
             \x20   if h * 100 < train * 2**64:\n\
             \x20       return \"train\"\n\
             \x20   if h * 100 < (train + validation) * 2**64:\n\
             \x20       return \"validation\"\n\
             \x20   return \"test\"\n\
             ```",
            splits.train, splits.validation, splits.test, splits.train, splits.validation
        );
        out
    }
}
