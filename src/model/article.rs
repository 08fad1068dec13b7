//! [`Article`]: the canonical text that every offset points into, its paragraphs and metadata.

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use crate::model::{Span, TextIndex};

/// What a paragraph is in the article's structure.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ParagraphKind {
    /// The standfirst (dek, summary line) printed under the headline.
    Standfirst,
    /// A subheading inside the body.
    Heading,
    /// An ordinary body paragraph.
    Body,
}

/// One paragraph: a span of [`Article::text`] and its kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Paragraph {
    /// Where the paragraph lies in the text, in code points.
    #[serde(flatten)]
    pub span: Span,
    /// Standfirst or body.
    pub kind: ParagraphKind,
}

/// Facts about the article that are not part of its annotatable text.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Metadata {
    /// The headline.
    pub title: String,
    /// Publication date and time, ISO 8601 (`2024-01-04T15:48`) when it could be parsed.
    pub published: Option<String>,
    /// The date line exactly as it appeared in the input.
    pub published_raw: Option<String>,
    /// Author line, without a leading "By".
    pub byline: Option<String>,
    /// Where the article came from: a URL or a file name.
    pub source: Option<String>,
    /// The publication's name (`og:site_name`).
    pub site_name: Option<String>,
    /// The page's canonical URL.
    pub canonical_url: Option<String>,
    /// BCP 47 language tag (`en`, `de-AT`), when the page declares one.
    pub language: Option<String>,
    /// Text direction declared by the page: `ltr` or `rtl`.
    pub direction: Option<String>,
}

/// An article ready to annotate.
///
/// `text` is immutable once built: every [`Span`] in the app is an offset into it, so changing
/// it would move every annotation. Paragraphs are separated in `text` by a blank line (`"\n\n"`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Article {
    text: String,
    index: TextIndex,
    paragraphs: Vec<Paragraph>,
    /// Headline, date, byline, source.
    pub meta: Metadata,
    /// The clean-up steps applied to the input, in order (e.g. `"line-endings:lf"`).
    pub normalization: Vec<String>,
    /// Lines of the input set aside as page furniture (menus, repeated headline).
    pub set_aside: Vec<String>,
}

/// The separator written between paragraphs in [`Article::text`].
pub const PARAGRAPH_SEPARATOR: &str = "\n\n";

impl Article {
    /// Builds an article from its paragraphs' texts (each already clean) and metadata.
    ///
    /// The paragraphs are joined with [`PARAGRAPH_SEPARATOR`]; their spans are computed here so
    /// they always agree with the text.
    pub fn from_paragraphs<'a>(
        paragraphs: impl IntoIterator<Item = (&'a str, ParagraphKind)>,
        meta: Metadata,
    ) -> Self {
        let mut text = String::new();
        let mut spans = Vec::new();
        let mut cp = 0;
        for (para, kind) in paragraphs {
            if !spans.is_empty() {
                text.push_str(PARAGRAPH_SEPARATOR);
                cp += PARAGRAPH_SEPARATOR.chars().count();
            }
            let len = para.chars().count();
            text.push_str(para);
            spans.push(Paragraph {
                span: Span::new(cp, cp + len),
                kind,
            });
            cp += len;
        }
        let index = TextIndex::new(&text);
        Article {
            text,
            index,
            paragraphs: spans,
            meta,
            normalization: Vec::new(),
            set_aside: Vec::new(),
        }
    }

    /// The canonical text all offsets point into.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// The offset tables of [`Article::text`].
    pub fn index(&self) -> &TextIndex {
        &self.index
    }

    /// Paragraphs in document order.
    pub fn paragraphs(&self) -> &[Paragraph] {
        &self.paragraphs
    }

    /// Length of the text in code points.
    pub fn cp_len(&self) -> usize {
        self.index.cp_len()
    }

    /// The text of `span`, or `None` when it reaches past the end.
    pub fn slice(&self, span: Span) -> Option<&str> {
        self.index.slice(&self.text, span)
    }

    /// `span` in UTF-16 code units (JavaScript string offsets).
    pub fn utf16_span(&self, span: Span) -> Option<(usize, usize)> {
        self.index.utf16_span(&self.text, span)
    }

    /// `span` without leading and trailing whitespace, or `None` if nothing else is left or the
    /// span reaches past the end.
    ///
    /// Over `"a  big  b"`, `(1, 7)` (`"  big  "`) trims to `(3, 6)` (`"big"`).
    pub fn trim_span(&self, span: Span) -> Option<Span> {
        let covered = self.slice(span)?;
        let leading = covered.chars().take_while(|c| c.is_whitespace()).count();
        let rest = &covered[covered.len() - covered.trim_start().len()..];
        let trailing = rest.chars().rev().take_while(|c| c.is_whitespace()).count();
        let trimmed = Span::new(span.start + leading, span.end - trailing);
        (!trimmed.is_empty()).then_some(trimmed)
    }

    /// Hex SHA-256 of the UTF-8 text: identifies the text across exports and imports.
    pub fn text_sha256(&self) -> String {
        Sha256::digest(self.text.as_bytes())
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn two_paragraphs() -> Article {
        Article::from_paragraphs(
            [
                ("Lede 👍 here.", ParagraphKind::Standfirst),
                ("Body 北京.", ParagraphKind::Body),
            ],
            Metadata::default(),
        )
    }

    #[test]
    fn paragraph_spans_agree_with_the_text() {
        let article = two_paragraphs();
        assert_eq!(article.text(), "Lede 👍 here.\n\nBody 北京.");
        let texts: Vec<_> = article
            .paragraphs()
            .iter()
            .map(|p| article.slice(p.span).unwrap())
            .collect();
        assert_eq!(texts, ["Lede 👍 here.", "Body 北京."]);
        assert_eq!(article.paragraphs()[1].span, Span::new(14, 22));
    }

    #[test]
    fn trims_whitespace_at_both_ends() {
        let article =
            Article::from_paragraphs([("a  big  b", ParagraphKind::Body)], Metadata::default());
        assert_eq!(article.trim_span(Span::new(1, 7)), Some(Span::new(3, 6)));
        assert_eq!(article.trim_span(Span::new(1, 3)), None);
        assert_eq!(article.trim_span(Span::new(0, 99)), None);
        let across = two_paragraphs();
        assert_eq!(across.trim_span(Span::new(11, 16)), Some(Span::new(11, 16)));
        assert_eq!(across.trim_span(Span::new(12, 16)), Some(Span::new(14, 16)));
    }

    #[test]
    fn sha256_of_the_text() {
        let article = Article::from_paragraphs([("abc", ParagraphKind::Body)], Metadata::default());
        assert_eq!(
            article.text_sha256(),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
    }
}
