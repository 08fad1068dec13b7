//! The built-in sample article: an invented local news story, kept in the shape of a page
//! copied from a browser (menu line, date, headline, standfirst, headline again, byline, body),
//! so that the first thing a user sees is the clean-up at work.

use crate::model::ingest::{clean_plain_text, IngestError};
use crate::model::Article;

/// The sample exactly as a user would paste it.
pub const SAMPLE_TEXT: &str = include_str!("article.txt");

/// The sample, cleaned up and ready to annotate.
pub fn sample_article() -> Result<Article, IngestError> {
    clean_plain_text(SAMPLE_TEXT, Some("claimtag sample article".to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::ParagraphKind;

    #[test]
    fn the_sample_cleans_up_into_metadata_and_body() {
        let article = sample_article().unwrap();
        assert_eq!(
            article.meta.title,
            "Vellmark council accused of hiding river pollution report"
        );
        assert_eq!(article.meta.published.as_deref(), Some("2026-03-12T09:40"));
        assert_eq!(article.meta.byline.as_deref(), Some("Ilse Marrow"));
        assert_eq!(article.paragraphs()[0].kind, ParagraphKind::Standfirst);
        assert!(article.text().starts_with("Opposition says officials"));
        assert!(!article.text().contains("homeicon"));
        assert!(!article
            .text()
            .contains("Vellmark council accused of hiding"));
        assert_eq!(article.set_aside.len(), 2);
        let words = article.text().split_whitespace().count();
        assert!((600..=900).contains(&words), "{words} words");
    }
}
