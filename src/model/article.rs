//! [`Article`]: the canonical text that every offset points into, its paragraphs and metadata.

use std::collections::BTreeMap;
use std::rc::Rc;

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
    /// Further fields a corpus record carried (a CSV column, a JSON field), by name; written
    /// only when there are some, so documents and exports without them read as before.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub extra: BTreeMap<String, String>,
}

/// A line of the input that the clean-up set aside (a menu, a repeated headline, a share
/// button), kept so the user can see it and put it back.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SetAside {
    /// The line as it was.
    pub text: String,
    /// Why it was set aside, in a few words.
    pub reason: String,
    /// The index of the paragraph it stood before (the paragraph count when it came last).
    pub before: usize,
}

/// Why a document's parts do not fit together.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ArticleError {
    /// A paragraph reaches past the text or overlaps the one before it.
    #[error("paragraph {0} does not fit the text")]
    BadParagraph(usize),
}

/// An article ready to annotate.
///
/// `text` is immutable once built: every [`Span`] in the app is an offset into it, so changing
/// it would move every annotation. Paragraphs are separated in `text` by a blank line (`"\n\n"`).
/// The text, its index, its paragraphs and the original input are shared (`Rc`), so changing the
/// metadata clones an article in constant time whatever its length.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Article {
    text: Rc<str>,
    index: Rc<TextIndex>,
    paragraphs: Rc<[Paragraph]>,
    /// Headline, date, byline, source.
    pub meta: Metadata,
    /// The clean-up steps applied to the input, in order (e.g. `"line-endings:lf"`).
    pub normalization: Vec<String>,
    /// Lines of the input set aside as page furniture (menus, repeated headline).
    pub set_aside: Vec<SetAside>,
    /// The input exactly as the user gave it (empty when it was not text, e.g. an import).
    pub original: Rc<str>,
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
        let index = Rc::new(TextIndex::new(&text));
        Article {
            text: text.into(),
            index,
            paragraphs: spans.into(),
            meta,
            normalization: Vec::new(),
            set_aside: Vec::new(),
            original: Rc::from(""),
        }
    }

    /// Rebuilds an article from an export's parts, checking that the paragraphs fit the text:
    /// in order, not overlapping, inside it.
    pub fn from_parts(
        text: String,
        paragraphs: Vec<Paragraph>,
        meta: Metadata,
    ) -> Result<Self, ArticleError> {
        let index = TextIndex::new(&text);
        let mut end = 0;
        for (i, p) in paragraphs.iter().enumerate() {
            if p.span.start < end || p.span.end > index.cp_len() || p.span.start > p.span.end {
                return Err(ArticleError::BadParagraph(i));
            }
            end = p.span.end;
        }
        Ok(Article {
            text: text.into(),
            index: Rc::new(index),
            paragraphs: paragraphs.into(),
            meta,
            normalization: Vec::new(),
            set_aside: Vec::new(),
            original: Rc::from(""),
        })
    }

    /// The article with set-aside line `which` put back as a body paragraph where it stood,
    /// and where that moved the text: every offset at or after the returned code point grows
    /// by the returned length. `None` if there is no such line.
    pub fn restore(&self, which: usize) -> Option<(Article, usize, usize)> {
        let line = self.set_aside.get(which)?;
        let mut texts: Vec<(String, ParagraphKind)> = self
            .paragraphs
            .iter()
            .map(|p| (self.slice(p.span).unwrap_or_default().to_string(), p.kind))
            .collect();
        let at = line.before.min(texts.len());
        texts.insert(at, (line.text.clone(), ParagraphKind::Body));
        let mut restored = Article::from_paragraphs(
            texts.iter().map(|(t, k)| (t.as_str(), *k)),
            self.meta.clone(),
        );
        restored.normalization = self.normalization.clone();
        restored.original = self.original.clone();
        restored.set_aside = self.set_aside.clone();
        restored.set_aside.remove(which);
        for other in &mut restored.set_aside {
            if other.before > at {
                other.before += 1;
            }
        }
        let inserted_at = restored.paragraphs.get(at).map_or(0, |p| p.span.start);
        let grown = restored.cp_len() - self.cp_len();
        Some((restored, inserted_at, grown))
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
    fn restores_a_set_aside_line_where_it_stood() {
        let mut article = two_paragraphs();
        article.set_aside = vec![
            SetAside {
                text: "Menu".into(),
                reason: "navigation".into(),
                before: 0,
            },
            SetAside {
                text: "Share".into(),
                reason: "page furniture".into(),
                before: 1,
            },
        ];
        let (restored, at, grown) = article.restore(1).unwrap();
        assert_eq!(restored.text(), "Lede 👍 here.\n\nShare\n\nBody 北京.");
        assert_eq!((at, grown), (14, 7));
        assert_eq!(restored.set_aside.len(), 1);
        assert_eq!(restored.paragraphs()[1].kind, ParagraphKind::Body);
        assert!(article.restore(5).is_none());
    }

    #[test]
    fn parts_must_fit_the_text() {
        let article = two_paragraphs();
        let rebuilt = Article::from_parts(
            article.text().to_string(),
            article.paragraphs().to_vec(),
            Metadata::default(),
        )
        .unwrap();
        assert_eq!(rebuilt.paragraphs(), article.paragraphs());
        let mut bad = article.paragraphs().to_vec();
        bad[1].span.end = 99;
        assert_eq!(
            Article::from_parts(article.text().to_string(), bad, Metadata::default()),
            Err(ArticleError::BadParagraph(1))
        );
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
