//! What kind of input a file or a paste is, and turning it into an article with annotations.

use crate::model::format::jsonl::import_corpus;
use crate::model::format::native::import;
use crate::model::ingest::clean_plain_text;
use crate::model::ingest::encoding::{EncodingSource, Sniffed, MAX_FILE_BYTES};
use crate::model::ingest::html::{extract_article, HtmlElement};
use crate::model::ingest::{first_words, TITLE_WORDS};
use crate::model::library::{AnnotatorLayer, GoldLayer};
use crate::model::{AnnotationSet, Article};

/// How an input is read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum InputKind {
    /// Text copied from a page, or a `.txt`/`.md` file.
    PlainText,
    /// A saved web page.
    Html,
    /// claimtag's own `.claimtag.json` export.
    Native,
    /// A JSONL corpus (Library → Export all): one native export per line.
    Corpus,
}

/// The kind of a file from its name, or — for other names — from how its text begins.
pub fn kind_of(name: &str, start: &str) -> InputKind {
    let lower = name.to_lowercase();
    if lower.ends_with(".jsonl") {
        return InputKind::Corpus;
    }
    if lower.ends_with(".json") {
        return InputKind::Native;
    }
    if lower.ends_with(".html") || lower.ends_with(".htm") || lower.ends_with(".xhtml") {
        return InputKind::Html;
    }
    if lower.ends_with(".txt") || lower.ends_with(".md") || lower.ends_with(".text") {
        return InputKind::PlainText;
    }
    let head = start
        .trim_start_matches('\u{feff}')
        .trim_start()
        .to_lowercase();
    if head.starts_with('{') {
        InputKind::Native
    } else if head.starts_with("<!doctype html") || head.starts_with("<html") {
        InputKind::Html
    } else {
        InputKind::PlainText
    }
}

/// A document ready to open, and what the user should know about how it was read.
#[derive(Debug, Clone, PartialEq)]
pub struct Loaded {
    /// The article.
    pub article: Article,
    /// Its annotations (empty unless it was an export).
    pub annotations: AnnotationSet,
    /// A remark for the user, e.g. which encoding was assumed.
    pub remark: Option<String>,
    /// Further documents that came with it (the rest of a JSONL corpus), for the library.
    pub more: Vec<(Article, AnnotationSet)>,
    /// Other annotators' layers (a document from the library).
    pub layers: Vec<AnnotatorLayer>,
    /// Its gold layer (a document from the library).
    pub gold: GoldLayer,
}

/// Reads decoded `text` of the given kind (pasted, fetched or from a file), refusing more than
/// [`MAX_FILE_BYTES`]. HTML needs the parsed tree, which the caller builds
/// (the browser's DOMParser), so it is passed in `html`.
pub fn load_text(
    kind: InputKind,
    text: &str,
    html: Option<&HtmlElement>,
    source: Option<String>,
) -> Result<Loaded, String> {
    if text.len() > MAX_FILE_BYTES {
        return Err(format!(
            "This text is {:.1} MB; claimtag opens up to 20 MB at a time.",
            text.len() as f64 / (1024.0 * 1024.0)
        ));
    }
    let mut more = Vec::new();
    let (article, annotations) = match (kind, html) {
        (InputKind::Native, _) => import(text).map_err(|e| e.to_string())?,
        (InputKind::Corpus, _) => {
            let mut documents = import_corpus(text)?.into_iter();
            let first = documents
                .next()
                .ok_or("The corpus file holds no documents.")?;
            more = documents.collect();
            first
        }
        (InputKind::Html, Some(document)) => {
            let mut article = extract_article(document, source).map_err(|e| e.to_string())?;
            if article.meta.title.is_empty() {
                let first_line = article.text().lines().next().unwrap_or_default();
                article.meta.title = first_words(first_line, TITLE_WORDS);
            }
            (article, AnnotationSet::new())
        }
        (InputKind::Html, None) | (InputKind::PlainText, _) => (
            clean_plain_text(text, source).map_err(|e| e.to_string())?,
            AnnotationSet::new(),
        ),
    };
    Ok(Loaded {
        article,
        annotations,
        remark: None,
        more,
        layers: Vec::new(),
        gold: GoldLayer::default(),
    })
}

/// What to tell the user about an encoding, when it was not plain UTF-8.
pub fn encoding_remark(sniffed: &Sniffed) -> Option<String> {
    match sniffed.source {
        EncodingSource::Assumed => Some(format!(
            "The file did not say its encoding and is not UTF-8; it was read as {}. If letters look wrong, save it as UTF-8 and open it again.",
            sniffed.label
        )),
        EncodingSource::Declared if sniffed.label != "utf-8" => Some(format!("Read as {}, as the page declares.", sniffed.label)),
        EncodingSource::Bom if sniffed.label != "utf-8" => Some(format!("Read as {} (byte order mark).", sniffed.label.to_uppercase())),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn too_much_pasted_text_is_refused_plainly() {
        let big = "word ".repeat(MAX_FILE_BYTES / 4);
        let error = load_text(InputKind::PlainText, &big, None, None)
            .err()
            .unwrap_or_default();
        assert_eq!(
            error,
            "This text is 25.0 MB; claimtag opens up to 20 MB at a time."
        );
    }

    #[test]
    fn a_page_without_a_title_is_named_by_its_first_words() {
        use crate::model::ingest::html::tests::{el, root, text};
        let body = "The harbour town voted on Sunday to keep its ferry running for another ten \
                    years, after a long debate about the cost of the service.";
        let page = root(vec![el("body", &[], vec![el("p", &[], vec![text(body)])])]);
        let extracted = extract_article(&page, None).unwrap();
        assert_eq!(extracted.meta.title, "");
        let loaded = load_text(InputKind::Html, "<p>…</p>", Some(&page), None).unwrap();
        assert_eq!(
            loaded.article.meta.title,
            "The harbour town voted on Sunday to keep its ferry running for…"
        );
    }

    #[test]
    fn kinds_by_name_then_by_content() {
        assert_eq!(kind_of("story.claimtag.json", ""), InputKind::Native);
        assert_eq!(kind_of("page.HTM", ""), InputKind::Html);
        assert_eq!(kind_of("notes.md", "<html>"), InputKind::PlainText);
        assert_eq!(
            kind_of("dropped", "  <!DOCTYPE html><html>"),
            InputKind::Html
        );
        assert_eq!(kind_of("dropped", "{\"format\":"), InputKind::Native);
        assert_eq!(kind_of("dropped", "Headline\n\nBody"), InputKind::PlainText);
    }

    #[test]
    fn loads_plain_text_and_reports_bad_input() {
        let loaded = load_text(
            InputKind::PlainText,
            "Title here\n\nBody text.",
            None,
            Some("a.txt".into()),
        )
        .unwrap();
        assert_eq!(loaded.article.meta.title, "Title here");
        assert!(loaded.annotations.is_empty());
        assert!(load_text(InputKind::PlainText, "   ", None, None)
            .unwrap_err()
            .contains("empty"));
        assert!(load_text(InputKind::Native, "[1, 2]", None, None)
            .unwrap_err()
            .contains("not a claimtag export"));
    }

    #[test]
    fn a_corpus_opens_its_first_document_and_brings_the_rest() {
        use crate::model::format::jsonl::corpus_jsonl;
        let a = load_text(InputKind::PlainText, "One\n\nFirst body.", None, None)
            .unwrap()
            .article;
        let b = load_text(InputKind::PlainText, "Two\n\nSecond body.", None, None)
            .unwrap()
            .article;
        let corpus = corpus_jsonl(
            &[
                (a.clone(), AnnotationSet::new()),
                (b.clone(), AnnotationSet::new()),
            ],
            "now",
        )
        .unwrap();
        assert_eq!(kind_of("library.jsonl", ""), InputKind::Corpus);
        let loaded = load_text(InputKind::Corpus, &corpus, None, None).unwrap();
        assert_eq!(loaded.article.text(), a.text());
        assert_eq!(loaded.more.len(), 1);
        assert_eq!(loaded.more[0].0.text(), b.text());
        let broken = format!("{}not json\n", corpus);
        assert!(load_text(InputKind::Corpus, &broken, None, None)
            .unwrap_err()
            .starts_with("Line 3"));
    }

    #[test]
    fn remarks_on_guessed_encodings_only() {
        let assumed = Sniffed {
            label: "windows-1252".into(),
            source: EncodingSource::Assumed,
        };
        assert!(encoding_remark(&assumed).unwrap().contains("windows-1252"));
        let utf8 = Sniffed {
            label: "utf-8".into(),
            source: EncodingSource::ValidUtf8,
        };
        assert_eq!(encoding_remark(&utf8), None);
    }
}
