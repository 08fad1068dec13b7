//! Tests of the corpus export: golden files of every format for a three-document corpus, every
//! offset read back from the output, ZIP structure (and `unzip -t` when it is installed),
//! splits, empty corpora and refusals.

use std::collections::HashMap;

use serde_json::Value;

use super::zip::Crc32;
use super::*;
use crate::model::format::jsonl::corpus_jsonl;
use crate::model::library::doc_id;
use crate::model::{Annotation, AnnotationId, Label, Metadata, ParagraphKind, Span};

mod offsets;

use offsets::check_offsets_of;

const AT: &str = "2026-11-28T00:00:00Z";
const BASE: &str = "claimtag-corpus";

/// One document of the test corpus.
struct Doc {
    info: DocInfo,
    article: Article,
    annotations: AnnotationSet,
}

impl Doc {
    fn export(&self) -> ExportDoc<'_> {
        ExportDoc {
            info: &self.info,
            article: &self.article,
            annotations: &self.annotations,
        }
    }
}

/// A document titled `title` with `urls` (source, canonical URL), its `paragraphs`, and spans
/// (text, label, speaker, cue, note; a note also names the annotator).
fn doc(
    title: &str,
    urls: [Option<&str>; 2],
    paragraphs: &[&str],
    spans: &[(&str, Label, &str, &str, &str)],
) -> Doc {
    let meta = Metadata {
        title: title.into(),
        source: urls[0].map(str::to_string),
        canonical_url: urls[1].map(str::to_string),
        ..Metadata::default()
    };
    let article =
        Article::from_paragraphs(paragraphs.iter().map(|p| (*p, ParagraphKind::Body)), meta);
    let mut annotations = AnnotationSet::new();
    let text = article.text().to_string();
    for (needle, label, speaker, cue, note) in spans {
        let byte = text
            .find(needle)
            .expect("the fixture's span is in its text");
        let start = text[..byte].chars().count();
        let span = Span::new(start, start + needle.chars().count());
        let added = annotations.add(&article, span, *label).unwrap();
        annotations
            .change(
                &article,
                Annotation {
                    speaker: speaker.to_string(),
                    cue: cue.to_string(),
                    note: note.to_string(),
                    annotator: if note.is_empty() {
                        String::new()
                    } else {
                        "ilse".into()
                    },
                    ..added
                },
            )
            .unwrap();
    }
    Doc {
        info: DocInfo {
            id: doc_id(&article),
            added_at: AT.into(),
            edited_at: AT.into(),
            ..DocInfo::default()
        },
        article,
        annotations,
    }
}

/// Three documents: an emoji before a span, overlapping spans, a span across a paragraph break,
/// speaker / cue / note; German and Chinese with a canonical URL; one with no annotations.
fn corpus() -> Vec<Doc> {
    vec![
        doc(
            "Fire crew 👨🏻‍🚒 saves cats",
            [Some("paste"), None],
            &[
                "Fire 👨🏻‍🚒 crew saved 3 cats on Main St.",
                "“We were lucky,” said Chief Ana Ruiz, who alleged the owner had “ignored warnings”.",
            ],
            &[
                ("crew saved 3 cats on Main St.", Label::Fact, "", "", ""),
                ("“We were lucky,”", Label::Quote, "Ana Ruiz", "said", ""),
                (
                    "the owner had “ignored warnings”",
                    Label::Allegation,
                    "Ana Ruiz",
                    "alleged",
                    "=check with the owner, \"soon\"",
                ),
                ("“ignored warnings”", Label::Quote, "Ana Ruiz", "", ""),
                ("Main St.\n\n“We were lucky,”", Label::Fact, "", "", "across paragraphs"),
            ],
        ),
        doc(
            "Hafen: 61 % sagen „ja“",
            [None, Some("https://example.org/hafen")],
            &[
                "Der Bürgermeister sagte, 61 % stimmten zu.",
                "北京 officials “denied” it, according to Reuters.",
            ],
            &[
                ("61 % stimmten zu", Label::Fact, "", "", ""),
                ("北京 officials “denied” it", Label::Allegation, "Reuters", "according to", ""),
                ("“denied”", Label::Quote, "北京 officials", "", ""),
            ],
        ),
        doc("Quiet day", [None, None], &["Nothing happened today."], &[]),
    ]
}

/// The whole file of `format` for `docs`, and each call's bytes.
fn write_all(format: CorpusFormat, splits: Splits, docs: &[Doc]) -> (Vec<u8>, Vec<Vec<u8>>) {
    let mut writer = CorpusWriter::new(format, splits, "Claimtag corpus", AT);
    let mut pieces = Vec::new();
    for (n, d) in docs.iter().enumerate() {
        pieces.push(writer.write(d.export()).unwrap());
        assert_eq!(writer.documents(), n + 1);
    }
    pieces.push(writer.finish().unwrap());
    (pieces.concat(), pieces)
}

fn u16_at(b: &[u8], at: usize) -> u16 {
    u16::from_le_bytes([b[at], b[at + 1]])
}

fn u32_at(b: &[u8], at: usize) -> u32 {
    u32::from_le_bytes([b[at], b[at + 1], b[at + 2], b[at + 3]])
}

/// A small ZIP reader for the tests: every entry's name and contents, in order, checking the
/// structure (signatures, store-only, UTF-8 flag, CRC-32, data descriptors, directory offset).
fn unzip(bytes: &[u8]) -> Vec<(String, Vec<u8>)> {
    let eocd = bytes.len() - 22;
    assert_eq!(u32_at(bytes, eocd), 0x0605_4b50, "end record");
    let count = usize::from(u16_at(bytes, eocd + 10));
    let cd_size = u32_at(bytes, eocd + 12) as usize;
    let cd_start = u32_at(bytes, eocd + 16) as usize;
    assert_eq!(
        cd_start + cd_size,
        eocd,
        "the directory ends at the end record"
    );
    let mut at = cd_start;
    let mut entries = Vec::new();
    let mut data_end = 0;
    for _ in 0..count {
        assert_eq!(u32_at(bytes, at), 0x0201_4b50, "central header");
        let flags = u16_at(bytes, at + 8);
        assert_eq!(u16_at(bytes, at + 10), 0, "stored");
        let crc = u32_at(bytes, at + 16);
        let size = u32_at(bytes, at + 20) as usize;
        assert_eq!(u32_at(bytes, at + 24) as usize, size);
        let name_len = usize::from(u16_at(bytes, at + 28));
        let skip =
            name_len + usize::from(u16_at(bytes, at + 30)) + usize::from(u16_at(bytes, at + 32));
        let local = u32_at(bytes, at + 42) as usize;
        let name = String::from_utf8(bytes[at + 46..at + 46 + name_len].to_vec()).unwrap();
        assert_ne!(flags & (1 << 11), 0, "UTF-8 names");
        assert_eq!(local, data_end, "entries follow each other");
        assert_eq!(u32_at(bytes, local), 0x0403_4b50, "local header");
        let local_name = usize::from(u16_at(bytes, local + 26));
        assert_eq!(&bytes[local + 30..local + 30 + local_name], name.as_bytes());
        let data = local + 30 + local_name + usize::from(u16_at(bytes, local + 28));
        let contents = bytes[data..data + size].to_vec();
        let mut check = Crc32::default();
        check.update(&contents);
        assert_eq!(check.value(), crc, "CRC of {name}");
        data_end = data + size;
        if flags & (1 << 3) != 0 {
            assert_eq!(u32_at(bytes, data_end), 0x0807_4b50, "data descriptor");
            assert_eq!(u32_at(bytes, data_end + 4), crc);
            assert_eq!(u32_at(bytes, data_end + 8) as usize, size);
            data_end += 16;
        } else {
            assert_eq!(u32_at(bytes, local + 14), crc);
        }
        entries.push((name, contents));
        at += 46 + skip;
    }
    assert_eq!(data_end, cd_start, "the directory follows the last entry");
    entries
}

/// What the golden file of a format holds: the file itself, or for a ZIP a listing of its
/// entries with their contents.
fn golden_text(format: CorpusFormat, bytes: &[u8]) -> String {
    if format.mime() != "application/zip" {
        return String::from_utf8(bytes.to_vec()).unwrap();
    }
    let mut out = String::new();
    for (name, contents) in unzip(bytes) {
        let text = String::from_utf8(contents).unwrap();
        if name == SCHEMA_FILE {
            assert_eq!(text, SCHEMA);
            out.push_str(&format!(
                "==> {name} <== (schema/claimtag-v1.schema.json)\n"
            ));
        } else {
            out.push_str(&format!("==> {name} <==\n{text}\n"));
        }
    }
    out
}

fn golden_name(format: CorpusFormat) -> String {
    let name = format.file_name(BASE);
    if format.mime() == "application/zip" {
        format!("{name}.txt")
    } else {
        name
    }
}

/// Golden files in `src/model/corpus/export/golden/`; `CLAIMTAG_BLESS=1 cargo test golden`
/// rewrites them (the convention of the per-document golden files).
#[test]
fn every_format_matches_its_golden_file() {
    let docs = corpus();
    let dir =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src/model/corpus/export/golden");
    // 5 / 10 / 85 puts one document in each split (at 3.6 %, 8.9 % and 41.5 % of [0, 1)).
    let splits = Splits::new(5, 10, 85).unwrap();
    for format in CorpusFormat::ALL {
        let (bytes, _) = write_all(format, splits, &docs);
        let contents = golden_text(format, &bytes);
        let name = golden_name(format);
        let path = dir.join(&name);
        if std::env::var_os("CLAIMTAG_BLESS").is_some() {
            std::fs::write(&path, &contents).unwrap();
        }
        let golden =
            std::fs::read_to_string(&path).unwrap_or_else(|_| panic!("missing golden file {name}"));
        assert_eq!(contents, golden, "{name} differs from its golden file");
    }
}

#[test]
fn an_empty_corpus_gives_valid_files() {
    for format in CorpusFormat::ALL {
        let (bytes, pieces) = write_all(format, Splits::default(), &[]);
        assert_eq!(pieces.len(), 1);
        assert_eq!(check_offsets_of(format, &bytes, &[]), 0);
        match format {
            CorpusFormat::Native | CorpusFormat::Doccano | CorpusFormat::Spacy => {
                assert!(bytes.is_empty())
            }
            CorpusFormat::Csv => assert_eq!(bytes, others::CSV_HEADER.as_bytes()),
            CorpusFormat::LabelStudio => {
                assert_eq!(
                    serde_json::from_slice::<Value>(&bytes).unwrap(),
                    Value::Array(vec![])
                )
            }
            CorpusFormat::W3c => {
                let c: Value = serde_json::from_slice(&bytes).unwrap();
                assert_eq!(
                    (c["total"].as_u64(), c["type"].as_str()),
                    (Some(0), Some("AnnotationCollection"))
                );
            }
            CorpusFormat::Brat => {
                let entries = unzip(&bytes);
                assert_eq!(entries.len(), 1);
                assert_eq!(entries[0].0, BRAT_CONF_FILE);
            }
            CorpusFormat::Package => {
                let names: Vec<String> = unzip(&bytes).into_iter().map(|e| e.0).collect();
                assert_eq!(
                    names,
                    [
                        "train.jsonl",
                        "validation.jsonl",
                        "test.jsonl",
                        SCHEMA_FILE,
                        "README.md"
                    ]
                );
            }
        }
    }
}

#[test]
fn the_native_corpus_is_the_jsonl_corpus() {
    let docs = corpus();
    let pairs: Vec<(Article, AnnotationSet)> = docs
        .iter()
        .map(|d| (d.article.clone(), d.annotations.clone()))
        .collect();
    let (bytes, pieces) = write_all(CorpusFormat::Native, Splits::default(), &docs);
    assert_eq!(
        String::from_utf8(bytes).unwrap(),
        corpus_jsonl(&pairs, AT).unwrap()
    );
    // One line per write, nothing held back.
    assert_eq!(pieces.iter().filter(|p| !p.is_empty()).count(), 3);
    assert!(pieces.last().unwrap().is_empty());
}

#[test]
fn a_document_whose_offsets_do_not_fit_is_refused_and_changes_nothing() {
    let docs = corpus();
    let broken = AnnotationSet::from_annotations(vec![Annotation::new(
        AnnotationId(1),
        Label::Fact,
        Span::new(3, 9_999),
    )]);
    for format in CorpusFormat::ALL {
        let mut writer = CorpusWriter::new(format, Splits::default(), "Claimtag corpus", AT);
        let mut pieces = vec![writer.write(docs[0].export()).unwrap()];
        let bad = ExportDoc {
            annotations: &broken,
            ..docs[1].export()
        };
        assert!(
            matches!(writer.write(bad), Err(ExportError::OutOfBounds { .. })),
            "{format:?}"
        );
        assert_eq!(writer.documents(), 1);
        pieces.push(writer.write(docs[1].export()).unwrap());
        pieces.push(writer.write(docs[2].export()).unwrap());
        pieces.push(writer.finish().unwrap());
        let (clean, _) = write_all(format, Splits::default(), &docs);
        assert_eq!(pieces.concat(), clean, "{format:?}");
    }
}

#[test]
fn brat_names_are_slugs_with_the_id_and_never_clash() {
    let docs = corpus();
    let mut writer = CorpusWriter::new(CorpusFormat::Brat, Splits::default(), "c", AT);
    let mut pieces = Vec::new();
    for d in [&docs[0], &docs[1], &docs[0]] {
        pieces.push(writer.write(d.export()).unwrap());
    }
    pieces.push(writer.finish().unwrap());
    let names: Vec<String> = unzip(&pieces.concat()).into_iter().map(|e| e.0).collect();
    let short = |d: &Doc| d.info.id[4..12].to_string();
    assert_eq!(
        names,
        [
            BRAT_CONF_FILE.to_string(),
            format!("fire-crew-saves-cats-{}.txt", short(&docs[0])),
            format!("fire-crew-saves-cats-{}.ann", short(&docs[0])),
            format!("hafen-61-sagen-ja-{}.txt", short(&docs[1])),
            format!("hafen-61-sagen-ja-{}.ann", short(&docs[1])),
            format!("fire-crew-saves-cats-{}-2.txt", short(&docs[0])),
            format!("fire-crew-saves-cats-{}-2.ann", short(&docs[0])),
        ]
    );
}

/// `n` documents with made-up texts (and so made-up ids).
fn more_documents(n: usize) -> Vec<Doc> {
    (0..n)
        .map(|i| {
            let text = format!("Story number {i} 🙂 happened.");
            let spans = [("happened", Label::Fact, "", "", "")];
            doc(
                &format!("Story {i}"),
                [None, None],
                &[text.as_str()],
                &spans,
            )
        })
        .collect()
}

/// Which split file of a package holds each document id.
fn package_splits(bytes: &[u8]) -> HashMap<String, String> {
    let mut out = HashMap::new();
    for (name, contents) in unzip(bytes) {
        if let Some(split) = name.strip_suffix(".jsonl") {
            for line in std::str::from_utf8(&contents).unwrap().lines() {
                let value: Value = serde_json::from_str(line).unwrap();
                let id = value["document"]["id"].as_str().unwrap().to_string();
                assert!(
                    out.insert(id, split.to_string()).is_none(),
                    "one split per document"
                );
            }
        }
    }
    out
}

#[test]
fn the_package_splits_by_id_and_adding_documents_moves_none() {
    let splits = Splits::new(60, 20, 20).unwrap();
    let mut docs = more_documents(40);
    let (before, _) = write_all(CorpusFormat::Package, splits, &docs);
    let first = package_splits(&before);
    assert_eq!(first.len(), 40);
    for d in &docs {
        assert_eq!(first[&d.info.id], split_of(&d.info.id, splits).name());
    }
    // New documents, some written before the old ones: the old ones stay where they were.
    let mut grown = more_documents(100).split_off(40);
    grown.append(&mut docs);
    let (after, _) = write_all(CorpusFormat::Package, splits, &grown);
    let second = package_splits(&after);
    assert_eq!(second.len(), 100);
    for (id, split) in &first {
        assert_eq!(&second[id], split);
    }
    assert_eq!(
        write_all(CorpusFormat::Package, splits, &grown).0,
        after,
        "deterministic"
    );
    // The card counts what the files hold.
    let card = unzip(&after)
        .into_iter()
        .find(|e| e.0 == "README.md")
        .unwrap()
        .1;
    let card = String::from_utf8(card).unwrap();
    let trains = second.values().filter(|s| *s == "train").count();
    assert!(card.contains(&format!("| train | {trains} |")), "{card}");
    assert!(
        card.contains("| **all** | **100** | **100** | **0** | **0** | **100** |"),
        "{card}"
    );
    assert!(card.contains("train 60 %, validation 20 %, test 20 %"));
}

#[test]
fn the_largest_split_is_streamed_and_the_rest_kept_until_the_end() {
    let docs = more_documents(30);
    let splits = Splits::new(10, 10, 80).unwrap();
    let (bytes, pieces) = write_all(CorpusFormat::Package, splits, &docs);
    let names: Vec<String> = unzip(&bytes).into_iter().map(|e| e.0).collect();
    assert_eq!(
        names,
        [
            "test.jsonl",
            "train.jsonl",
            "validation.jsonl",
            SCHEMA_FILE,
            "README.md"
        ]
    );
    let tests = docs
        .iter()
        .filter(|d| split_of(&d.info.id, splits) == Split::Test)
        .count();
    // Each test document's line was handed out by its own write.
    let streamed = pieces[..docs.len()]
        .iter()
        .filter(|p| !p.is_empty())
        .count();
    assert_eq!(streamed, tests);
}

#[test]
fn zip_files_pass_unzip_t() {
    let Ok(probe) = std::process::Command::new("unzip").arg("-v").output() else {
        eprintln!("unzip is not installed: skipped");
        return;
    };
    if !probe.status.success() {
        return;
    }
    let dir = std::env::temp_dir().join(format!("claimtag-export-test-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let docs = corpus();
    for format in [CorpusFormat::Brat, CorpusFormat::Package] {
        for docs in [&docs[..], &[]] {
            let (bytes, _) = write_all(format, Splits::default(), docs);
            let path = dir.join(format.file_name(BASE));
            std::fs::write(&path, &bytes).unwrap();
            let out = std::process::Command::new("unzip")
                .arg("-t")
                .arg(&path)
                .output()
                .unwrap();
            let report = String::from_utf8_lossy(&out.stdout);
            assert!(out.status.success(), "{format:?}: {report}");
            assert!(report.contains("No errors detected"), "{report}");
        }
    }
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn names_and_types() {
    assert_eq!(
        CorpusFormat::Doccano.file_name(BASE),
        "claimtag-corpus.doccano.jsonl"
    );
    assert_eq!(
        CorpusFormat::Brat.file_name(BASE),
        "claimtag-corpus.brat.zip"
    );
    assert_eq!(
        CorpusFormat::Package.file_name(BASE),
        "claimtag-corpus.dataset.zip"
    );
    assert_eq!(CorpusFormat::Package.name(), "Dataset package (.zip)");
    assert_eq!(CorpusFormat::W3c.mime(), "application/ld+json");
    let names: std::collections::HashSet<String> = CorpusFormat::ALL
        .iter()
        .map(|f| f.file_name(BASE))
        .collect();
    assert_eq!(names.len(), CorpusFormat::ALL.len());
    assert_eq!(percent_encode("zürich-1"), "z%C3%BCrich-1");
}
