//! What the suggester's tests share: an article of body paragraphs, and the QUOTE suggestions
//! made for it, as text and speaker.

use crate::model::segment::sentences;
use crate::model::suggest::suggest;
use crate::model::{Article, Label, Metadata, ParagraphKind};

/// An article of `paragraphs`, every one body text.
pub fn body(paragraphs: &[&str]) -> Article {
    Article::from_paragraphs(
        paragraphs.iter().map(|p| (*p, ParagraphKind::Body)),
        Metadata::default(),
    )
}

/// Each QUOTE suggested in `paragraphs`: its text and speaker.
pub fn quotes(paragraphs: &[&str]) -> Vec<(String, String)> {
    let article = body(paragraphs);
    suggest(&article, &sentences(&article))
        .into_iter()
        .filter(|s| s.label == Label::Quote)
        .map(|s| {
            let text = article.slice(s.span).unwrap_or_default().to_string();
            (text, s.speaker)
        })
        .collect()
}

/// The text of each QUOTE suggested in `paragraphs`.
pub fn quoted(paragraphs: &[&str]) -> Vec<String> {
    quotes(paragraphs)
        .into_iter()
        .map(|(text, _)| text)
        .collect()
}

/// A quotation and its speaker, as [`quotes`] gives them.
pub fn pair(text: &str, speaker: &str) -> (String, String) {
    (text.to_string(), speaker.to_string())
}
