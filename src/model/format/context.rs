//! Context around a span (prefix and suffix), as Hypothesis and the W3C TextQuoteSelector store
//! them, so an annotation can be found again in a changed text.

use crate::model::{Article, Span};

/// Code points of context kept on each side.
pub const CONTEXT: usize = 32;

/// Up to [`CONTEXT`] code points before and after `span`.
///
/// Over `"The mayor said no."`, the span `(4, 9)` (`"mayor"`) has prefix `"The "` and suffix
/// `" said no."`.
pub fn prefix_suffix(article: &Article, span: Span) -> (String, String) {
    let before = Span::new(span.start.saturating_sub(CONTEXT), span.start);
    let after = Span::new(span.end, (span.end + CONTEXT).min(article.cp_len()));
    (
        article.slice(before).unwrap_or_default().to_string(),
        article.slice(after).unwrap_or_default().to_string(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Metadata, ParagraphKind};

    #[test]
    fn context_is_clipped_at_the_text_edges() {
        let article = Article::from_paragraphs(
            [("The mayor said no.", ParagraphKind::Body)],
            Metadata::default(),
        );
        assert_eq!(
            prefix_suffix(&article, Span::new(4, 9)),
            ("The ".to_string(), " said no.".to_string())
        );
        let long = Article::from_paragraphs(
            [("x".repeat(100).as_str(), ParagraphKind::Body)],
            Metadata::default(),
        );
        let (p, s) = prefix_suffix(&long, Span::new(50, 51));
        assert_eq!((p.chars().count(), s.chars().count()), (CONTEXT, CONTEXT));
    }
}
