//! Article extraction from an HTML page: the main body (Readability-style scoring in
//! [`readability`]) and the metadata (`og:`/`article:` meta tags, JSON-LD, `<time>`, `<title>`,
//! in [`metadata`]).
//!
//! The model never parses HTML itself: the browser's `DOMParser` (or html5ever in native tests
//! and the benchmark) builds an [`HtmlNode`] tree, and everything here is pure tree work. Nothing
//! in the page is ever executed or loaded.

mod baseline;
mod clean;
mod marked;
pub mod metadata;
pub mod readability;
mod scorer;
pub mod title;
mod words;

use crate::model::ingest::IngestError;
use crate::model::{Article, ParagraphKind};

/// A node of a parsed HTML document: only what extraction needs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum HtmlNode {
    /// An element with its lower-case tag name, attributes and children.
    Element(HtmlElement),
    /// A text node.
    Text(String),
}

/// An HTML element.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct HtmlElement {
    /// Lower-case tag name (`p`, `div`, ...).
    pub name: String,
    /// Attributes with lower-case names, in document order.
    pub attrs: Vec<(String, String)>,
    /// Child nodes in order.
    pub children: Vec<HtmlNode>,
}

impl HtmlElement {
    /// The value of attribute `name`.
    pub fn attr(&self, name: &str) -> Option<&str> {
        self.attrs
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }

    /// Child elements, skipping text.
    pub fn elements(&self) -> impl Iterator<Item = &HtmlElement> {
        self.children.iter().filter_map(|c| match c {
            HtmlNode::Element(e) => Some(e),
            HtmlNode::Text(_) => None,
        })
    }

    /// Every descendant element, depth first.
    pub fn descendants(&self) -> Vec<&HtmlElement> {
        let mut out = Vec::new();
        let mut stack: Vec<&HtmlElement> = self
            .elements()
            .collect::<Vec<_>>()
            .into_iter()
            .rev()
            .collect();
        while let Some(e) = stack.pop() {
            out.push(e);
            stack.extend(e.elements().collect::<Vec<_>>().into_iter().rev());
        }
        out
    }

    /// The first descendant element named `name`.
    pub fn find(&self, name: &str) -> Option<&HtmlElement> {
        self.descendants().into_iter().find(|e| e.name == name)
    }

    /// All text inside, with runs of whitespace collapsed to one space and trimmed.
    pub fn text(&self) -> String {
        let mut raw = String::new();
        collect_text(self, &mut raw);
        collapse_whitespace(&raw)
    }
}

fn collect_text(element: &HtmlElement, out: &mut String) {
    for child in &element.children {
        match child {
            HtmlNode::Text(t) => out.push_str(t),
            HtmlNode::Element(e) if words::UNREAD.contains(&e.name.as_str()) => {}
            HtmlNode::Element(e) if e.name == "br" => out.push(' '),
            HtmlNode::Element(e) => collect_text(e, out),
        }
    }
}

/// Collapses HTML whitespace (as a browser renders it) to single spaces and trims the ends.
pub fn collapse_whitespace(text: &str) -> String {
    text.split(|c: char| c.is_ascii_whitespace())
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// Extracts the article from a parsed HTML document. Its title is empty when the page has none
/// (no JSON-LD, meta tag, `<title>` or `<h1>`): the loader names such a document by its first
/// words ([`crate::model::ingest::load`]), as it does a plain text.
pub fn extract_article(
    document: &HtmlElement,
    source: Option<String>,
) -> Result<Article, IngestError> {
    let mut meta = metadata::extract_metadata(document);
    meta.source = source.or(meta.canonical_url.clone());
    let mut blocks = readability::extract_body(document, &meta.title);
    if blocks.iter().map(|b| b.text.chars().count()).sum::<usize>() == 0 {
        return Err(IngestError::NoArticleBody);
    }
    let hyphens_removed = remove_soft_hyphens(&mut blocks);
    let mut article =
        Article::from_paragraphs(blocks.iter().map(|b| (b.text.as_str(), b.kind)), meta);
    article.normalization = vec!["html-extract".to_string(), "html-whitespace".to_string()];
    if hyphens_removed {
        article
            .normalization
            .push("soft-hyphens-removed".to_string());
    }
    Ok(article)
}

/// Soft hyphens (U+00AD) are line-break hints a page puts inside words ("Mit\u{ad}tel\u{ad}al\u{ad}ter");
/// a browser shows none of them unless it breaks the line there. Left in, they would make
/// every such word differ from the same word typed, searched or quoted elsewhere. Removes
/// them from every block; true when there were any.
fn remove_soft_hyphens(blocks: &mut [Block]) -> bool {
    let mut removed = false;
    for block in blocks.iter_mut().filter(|b| b.text.contains('\u{ad}')) {
        block.text.retain(|c| c != '\u{ad}');
        removed = true;
    }
    removed
}

/// A block of text found in the body.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Block {
    /// Its text, whitespace collapsed.
    pub text: String,
    /// Heading or body.
    pub kind: ParagraphKind,
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    /// Builds an element in tests: `el("p", &[("class", "x")], vec![text("hi")])`.
    pub fn el(name: &str, attrs: &[(&str, &str)], children: Vec<HtmlNode>) -> HtmlNode {
        HtmlNode::Element(HtmlElement {
            name: name.to_string(),
            attrs: attrs
                .iter()
                .map(|(k, v)| (k.to_string(), v.to_string()))
                .collect(),
            children,
        })
    }

    /// A text node.
    pub fn text(t: &str) -> HtmlNode {
        HtmlNode::Text(t.to_string())
    }

    pub fn root(children: Vec<HtmlNode>) -> HtmlElement {
        HtmlElement {
            name: "#document".into(),
            attrs: vec![],
            children,
        }
    }

    /// A page whose body holds `children`.
    pub fn body_page(children: Vec<HtmlNode>) -> HtmlElement {
        root(vec![el("body", &[], children)])
    }

    /// A page whose body is one `<article>` holding `children`.
    pub fn article_page(children: Vec<HtmlNode>) -> HtmlElement {
        body_page(vec![el("article", &[], children)])
    }

    #[test]
    fn text_collapses_whitespace_and_skips_scripts() {
        let doc = root(vec![el(
            "p",
            &[],
            vec![
                text("  Hello\n\t"),
                el("b", &[], vec![text("big")]),
                el("script", &[], vec![text("alert(1)")]),
                text(" world "),
            ],
        )]);
        assert_eq!(doc.text(), "Hello big world");
    }

    #[test]
    fn soft_hyphens_and_ruby_readings_are_left_out_of_the_text() {
        let body = "Schon im Mit\u{ad}tel\u{ad}al\u{ad}ter war der Wein bekannt, und die Winzer der Gegend pflegten ihn sorgfältig über viele Generationen hinweg.";
        let reading = |t: &str| el("rt", &[], vec![text(t)]);
        let parenthesis = |t: &str| el("rp", &[], vec![text(t)]);
        let ruby = el(
            "ruby",
            &[],
            vec![
                text("子"),
                parenthesis("("),
                reading("こ"),
                parenthesis(")"),
            ],
        );
        let doc = article_page(vec![
            el("p", &[], vec![text(body)]),
            el("p", &[], vec![ruby, text("どもへの法律ができて、親が子どもを教育するために体罰を禁止することになりました。")]),
        ]);
        let article = extract_article(&doc, None).expect("an article");
        let text = article.text();
        assert!(text.contains("Schon im Mittelalter war"), "{text}");
        assert!(text.contains("子どもへの法律"), "{text}");
        assert!(!text.contains('\u{ad}') && !text.contains("子こ") && !text.contains('('));
        assert!(article
            .normalization
            .iter()
            .any(|n| n == "soft-hyphens-removed"));
    }
}
