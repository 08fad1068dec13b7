//! Writing the whole corpus — or the selection the library passes in — in every format, one
//! document at a time, so that no step holds the whole output.
//!
//! The UI reads documents from IndexedDB a batch at a time, hands each to
//! [`CorpusWriter::write`], appends the bytes it returns to a Blob's parts, and ends with
//! [`CorpusWriter::finish`]. Every document is checked against the offset invariant (the text
//! at `start..end`, in the unit the format counts, is the annotation's text) before anything of
//! it is written; a document that fails is refused with [`ExportError`] and leaves the writer
//! as it was, so the caller may skip it or stop.
//!
//! The per-document writers of [`crate::model::format`] do the work: the corpus formats are
//! their lines, tasks, items and rows put one after another (native lines: [`checked_export`]
//! and [`native_line`], shared with [`crate::model::format::jsonl::corpus_jsonl`]). [`zip`] is a
//! small store-only ZIP writer for the brat archive and the dataset package; [`split`] assigns
//! train / validation / test by document id; `card` writes the package's dataset card.

mod card;
pub mod split;
pub mod zip;

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests;

use std::collections::HashSet;

use serde_json::Value;

use crate::model::format::filename::slug;
use crate::model::format::jsonl::native_line;
pub use crate::model::format::native::ExportError;
use crate::model::format::native::{check_span, checked_export};
use crate::model::format::others;
use crate::model::library::DocInfo;
use crate::model::segment::sentences;
use crate::model::{AnnotationSet, Article};

use card::CardStats;
pub use split::{split_of, Split, Splits};
use zip::{OpenEntry, ZipWriter};

/// The name of the JSON Schema in the dataset package.
pub const SCHEMA_FILE: &str = "claimtag-v1.schema.json";
/// The native format's JSON Schema (`schema/claimtag-v1.schema.json`), shipped in the package.
pub const SCHEMA: &str = include_str!(concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/schema/claimtag-v1.schema.json"
));
/// The name of brat's configuration in the brat archive.
pub const BRAT_CONF_FILE: &str = "annotation.conf";

/// A format the corpus export offers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CorpusFormat {
    /// claimtag JSONL: one native export per line.
    Native,
    /// doccano JSONL, one document per line (UTF-16 offsets).
    Doccano,
    /// One Label Studio tasks JSON array, one task per document (code point offsets).
    LabelStudio,
    /// spaCy / Prodigy JSONL, one document per line.
    Spacy,
    /// A `.zip` of brat standoff `.txt`/`.ann` pairs and one `annotation.conf`.
    Brat,
    /// One CSV table, one row per annotation.
    Csv,
    /// One W3C `AnnotationCollection` holding every document's annotations.
    W3c,
    /// A `.zip` with train / validation / test JSONL, the JSON Schema and a dataset card.
    Package,
}

impl CorpusFormat {
    /// Every format, in menu order.
    pub const ALL: [CorpusFormat; 8] = [
        CorpusFormat::Native,
        CorpusFormat::Doccano,
        CorpusFormat::LabelStudio,
        CorpusFormat::Spacy,
        CorpusFormat::Brat,
        CorpusFormat::Csv,
        CorpusFormat::W3c,
        CorpusFormat::Package,
    ];

    /// The menu entry.
    pub fn name(self) -> &'static str {
        match self {
            CorpusFormat::Native => "claimtag JSONL",
            CorpusFormat::Doccano => "doccano JSONL",
            CorpusFormat::LabelStudio => "Label Studio JSON",
            CorpusFormat::Spacy => "spaCy / Prodigy JSONL",
            CorpusFormat::Brat => "brat standoff (.zip)",
            CorpusFormat::Csv => "CSV",
            CorpusFormat::W3c => "W3C Web Annotation",
            CorpusFormat::Package => "Dataset package (.zip)",
        }
    }

    /// The download name for a corpus whose name's slug is `base`:
    /// `claimtag-corpus` → `claimtag-corpus.doccano.jsonl`, `.brat.zip`, `.dataset.zip`...
    pub fn file_name(self, base: &str) -> String {
        let extension = match self {
            CorpusFormat::Native => "claimtag.jsonl",
            CorpusFormat::Doccano => "doccano.jsonl",
            CorpusFormat::LabelStudio => "label-studio.json",
            CorpusFormat::Spacy => "spacy.jsonl",
            CorpusFormat::Brat => "brat.zip",
            CorpusFormat::Csv => "csv",
            CorpusFormat::W3c => "w3c.jsonld",
            CorpusFormat::Package => "dataset.zip",
        };
        format!("{base}.{extension}")
    }

    /// The MIME type of the file.
    pub fn mime(self) -> &'static str {
        match self {
            CorpusFormat::Native | CorpusFormat::Doccano | CorpusFormat::Spacy => {
                "application/jsonl"
            }
            CorpusFormat::LabelStudio => "application/json",
            CorpusFormat::W3c => "application/ld+json",
            CorpusFormat::Csv => "text/csv",
            CorpusFormat::Brat | CorpusFormat::Package => "application/zip",
        }
    }
}

/// One document to write.
#[derive(Debug, Clone, Copy)]
pub struct ExportDoc<'a> {
    /// Its library bookkeeping: `id` names brat files and decides the package split.
    pub info: &'a DocInfo,
    /// The article.
    pub article: &'a Article,
    /// Its annotations.
    pub annotations: &'a AnnotationSet,
}

/// What a format's offsets count.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Unit {
    CodePoints,
    Utf16,
}

/// Checks every annotation of a document in `unit`: the text's units at its offsets must be
/// its text (code points sliced independently of the article's index).
fn check_document(
    article: &Article,
    annotations: &AnnotationSet,
    unit: Unit,
) -> Result<(), ExportError> {
    let out_of_bounds = |a: &crate::model::Annotation| ExportError::OutOfBounds {
        id: a.id.to_string(),
        start: a.span.start,
        end: a.span.end,
    };
    match unit {
        Unit::CodePoints => {
            let chars: Vec<char> = article.text().chars().collect();
            for a in annotations.iter() {
                let text = article.slice(a.span).ok_or_else(|| out_of_bounds(a))?;
                check_span(
                    &chars,
                    &a.id.to_string(),
                    a.span.start,
                    a.span.end,
                    text.chars(),
                )?;
            }
        }
        Unit::Utf16 => {
            let units: Vec<u16> = article.text().encode_utf16().collect();
            for a in annotations.iter() {
                let text = article.slice(a.span).ok_or_else(|| out_of_bounds(a))?;
                let (start, end) = article.utf16_span(a.span).ok_or_else(|| out_of_bounds(a))?;
                check_span(&units, &a.id.to_string(), start, end, text.encode_utf16())?;
            }
        }
    }
    Ok(())
}

/// A JSON string literal.
fn json_string(s: &str) -> String {
    Value::from(s).to_string()
}

/// `text` with every byte outside ASCII letters, digits and `-` percent-encoded, for a URN.
fn percent_encode(text: &str) -> String {
    text.bytes()
        .map(|b| {
            if b.is_ascii_alphanumeric() || b == b'-' {
                char::from(b).to_string()
            } else {
                format!("%{b:02X}")
            }
        })
        .collect()
}

/// A brat file stem for a document, unique in the archive: the slug of its title and the first
/// 8 hex digits of its id (`harbour-vote-0123abcd`), with `-2`, `-3`... on a clash.
fn brat_name(info: &DocInfo, article: &Article, used: &mut HashSet<String>) -> String {
    let short: String = info
        .id
        .strip_prefix("doc-")
        .unwrap_or(&info.id)
        .chars()
        .filter(char::is_ascii_alphanumeric)
        .take(8)
        .collect::<String>()
        .to_ascii_lowercase();
    let title = slug(&article.meta.title);
    let base = if short.is_empty() {
        title
    } else {
        format!("{title}-{short}")
    };
    let mut name = base.clone();
    let mut n = 2;
    while !used.insert(name.clone()) {
        name = format!("{base}-{n}");
        n += 1;
    }
    name
}

/// The dataset package while it is being written.
///
/// Three entries cannot interleave in a ZIP file, so the largest split (by its percentage;
/// train by default) is streamed as it comes, as an entry with a data descriptor, and the other
/// two are kept here until [`CorpusWriter::finish`]: the writer holds about
/// (validation + test) % of the native JSONL (20 % with the default splits), and about twice
/// that at the peak, while `finish` copies them into the closing bytes it returns (the
/// benchmark: 26 MB above the corpus for 11.6 MB of buffered lines).
#[derive(Debug)]
struct Package {
    zip: ZipWriter,
    /// The split written straight through.
    streamed: Split,
    /// Its entry, once opened.
    open: Option<OpenEntry>,
    /// The other splits' lines, by [`Split::index`].
    buffered: [Vec<u8>; 3],
    stats: CardStats,
}

/// What a format keeps between documents.
#[derive(Debug)]
enum State {
    /// Native, doccano, spaCy and CSV: each document's lines (CSV: after one header).
    Lines,
    /// Label Studio (tasks) and W3C (items): how many array elements are written.
    Array { written: usize },
    /// The brat archive and the file stems used.
    Brat {
        zip: ZipWriter,
        names: HashSet<String>,
    },
    /// The dataset package.
    Package(Box<Package>),
}

/// Writes a corpus one document at a time.
#[derive(Debug)]
pub struct CorpusWriter {
    format: CorpusFormat,
    splits: Splits,
    corpus_name: String,
    exported_at: String,
    documents: usize,
    /// Whether the file's opening has been made.
    opened: bool,
    state: State,
}

impl CorpusWriter {
    /// A writer of `format` for the corpus named `corpus_name`, stamped `exported_at` (ISO
    /// 8601). `splits` matters only to [`CorpusFormat::Package`].
    pub fn new(
        format: CorpusFormat,
        splits: Splits,
        corpus_name: &str,
        exported_at: &str,
    ) -> CorpusWriter {
        let state = match format {
            CorpusFormat::Native
            | CorpusFormat::Doccano
            | CorpusFormat::Spacy
            | CorpusFormat::Csv => State::Lines,
            CorpusFormat::LabelStudio | CorpusFormat::W3c => State::Array { written: 0 },
            CorpusFormat::Brat => State::Brat {
                zip: ZipWriter::new(exported_at),
                names: HashSet::new(),
            },
            CorpusFormat::Package => {
                // The largest share is streamed; ties go to the earlier split.
                let streamed = Split::ALL
                    .into_iter()
                    .rev()
                    .max_by_key(|s| splits.percent(*s))
                    .unwrap_or(Split::Train);
                State::Package(Box::new(Package {
                    zip: ZipWriter::new(exported_at),
                    streamed,
                    open: None,
                    buffered: Default::default(),
                    stats: CardStats::default(),
                }))
            }
        };
        CorpusWriter {
            format,
            splits,
            corpus_name: corpus_name.to_string(),
            exported_at: exported_at.to_string(),
            documents: 0,
            opened: false,
            state,
        }
    }

    /// The format being written.
    pub fn format(&self) -> CorpusFormat {
        self.format
    }

    /// Documents written so far.
    pub fn documents(&self) -> usize {
        self.documents
    }

    /// The file's opening (once): the CSV header, `[`, the W3C collection up to its items,
    /// brat's `annotation.conf`, the package's streamed split header.
    fn open(&mut self) -> Result<Vec<u8>, ExportError> {
        if self.opened {
            return Ok(Vec::new());
        }
        let out = match &mut self.state {
            State::Lines if self.format == CorpusFormat::Csv => others::CSV_HEADER.into(),
            State::Lines => Vec::new(),
            State::Array { .. } if self.format == CorpusFormat::LabelStudio => b"[".to_vec(),
            State::Array { .. } => {
                let id = format!(
                    "urn:claimtag:corpus:{}",
                    percent_encode(&slug(&self.corpus_name))
                );
                format!(
                    "{{\n\"@context\": {},\n\"id\": {},\n\"type\": \"AnnotationCollection\",\n\
                     \"label\": {},\n\"generated\": {},\n\"first\": {{\"id\": {}, \"type\": \
                     \"AnnotationPage\", \"startIndex\": 0, \"items\": [",
                    json_string(others::W3C_CONTEXT),
                    json_string(&id),
                    json_string(&self.corpus_name),
                    json_string(&self.exported_at),
                    json_string(&format!("{id}:page1")),
                )
                .into_bytes()
            }
            State::Brat { zip, .. } => zip.file(BRAT_CONF_FILE, others::BRAT_CONF.as_bytes())?,
            State::Package(package) => {
                let name = format!("{}.jsonl", package.streamed.name());
                let (entry, header) = package.zip.open(&name)?;
                package.open = Some(entry);
                header
            }
        };
        self.opened = true;
        Ok(out)
    }

    /// Bytes to append for this document (the first call includes the file's opening).
    ///
    /// Checks the offsets invariant for this document first, in the unit the format counts
    /// (UTF-16 for doccano, code points for the others), and refuses with
    /// [`ExportError`] rather than write a wrong offset; a refused document leaves the writer
    /// unchanged. [`ExportError::TooLarge`] (a ZIP file passing 4 GB or 65,535 entries) ends the
    /// export: discard what was written.
    pub fn write(&mut self, doc: ExportDoc<'_>) -> Result<Vec<u8>, ExportError> {
        let ExportDoc {
            info,
            article,
            annotations,
        } = doc;
        // Everything that can refuse a document runs before the writer changes.
        let native = match self.format {
            CorpusFormat::Native | CorpusFormat::Package => {
                let export = checked_export(article, annotations, &self.exported_at)?;
                Some(native_line(&export))
            }
            CorpusFormat::Doccano => {
                check_document(article, annotations, Unit::Utf16)?;
                None
            }
            CorpusFormat::LabelStudio
            | CorpusFormat::Spacy
            | CorpusFormat::Brat
            | CorpusFormat::Csv
            | CorpusFormat::W3c => {
                check_document(article, annotations, Unit::CodePoints)?;
                None
            }
        };
        let mut out = self.open()?;
        let body: Vec<u8> = match &mut self.state {
            State::Lines => match self.format {
                CorpusFormat::Doccano => others::doccano(article, annotations).into(),
                CorpusFormat::Spacy => others::spacy(article, annotations).into(),
                CorpusFormat::Csv => {
                    others::csv_rows(article, annotations, &sentences(article)).into()
                }
                _ => native.unwrap_or_default().into(),
            },
            State::Array { written } => {
                let elements = if self.format == CorpusFormat::LabelStudio {
                    vec![others::label_studio_task(article, annotations)]
                } else {
                    others::w3c_items(article, annotations)
                };
                let mut body = String::new();
                for element in elements {
                    body.push_str(if *written == 0 { "\n" } else { ",\n" });
                    body.push_str(&element.to_string());
                    *written += 1;
                }
                body.into()
            }
            State::Brat { zip, names } => {
                let name = brat_name(info, article, names);
                let (txt, ann) = others::brat(article, annotations);
                let mut body = zip.file(&format!("{name}.txt"), txt.as_bytes())?;
                body.extend(zip.file(&format!("{name}.ann"), ann.as_bytes())?);
                body
            }
            State::Package(package) => {
                let line = native.unwrap_or_default().into_bytes();
                let split = split_of(&info.id, self.splits);
                package.stats.add(split, annotations);
                match package.open.as_mut() {
                    Some(entry) if split == package.streamed => entry.data(line)?,
                    _ => {
                        package.buffered[split.index()].extend(line);
                        Vec::new()
                    }
                }
            }
        };
        out.extend(body);
        self.documents += 1;
        Ok(out)
    }

    /// The closing bytes (also valid for an empty corpus: then the whole file): `]`, the W3C
    /// collection's `total`, the ZIP central directory; for the package also the two buffered
    /// splits, the JSON Schema and the dataset card `README.md`.
    pub fn finish(mut self) -> Result<Vec<u8>, ExportError> {
        let mut out = self.open()?;
        match self.state {
            State::Lines => {}
            State::Array { written } => {
                let end = if written == 0 { "" } else { "\n" };
                if self.format == CorpusFormat::LabelStudio {
                    out.extend(format!("{end}]\n").into_bytes());
                } else {
                    out.extend(format!("{end}]}},\n\"total\": {written}\n}}\n").into_bytes());
                }
            }
            State::Brat { zip, .. } => out.extend(zip.finish()?),
            State::Package(package) => {
                let Package {
                    mut zip,
                    streamed,
                    open,
                    buffered,
                    stats,
                } = *package;
                if let Some(entry) = open {
                    out.extend(zip.close(entry)?);
                }
                for split in Split::ALL.into_iter().filter(|s| *s != streamed) {
                    let name = format!("{}.jsonl", split.name());
                    out.extend(zip.file(&name, &buffered[split.index()])?);
                }
                out.extend(zip.file(SCHEMA_FILE, SCHEMA.as_bytes())?);
                let card = stats.render(&self.corpus_name, &self.exported_at, self.splits);
                out.extend(zip.file("README.md", card.as_bytes())?);
                out.extend(zip.finish()?);
            }
        }
        Ok(out)
    }
}
