//! Finding text in the article, case-insensitively, as code point spans.

use crate::model::{Article, Span};

/// Most matches reported for one query, so a one-letter search stays fast.
pub const MAX_MATCHES: usize = 5_000;

/// Every non-overlapping occurrence of `query` in the article, ignoring case, in order.
///
/// Case is folded one code point at a time, so every match has exactly the code point length
/// of the query and its offsets point into the real text. An empty or blank query finds nothing.
pub fn find_all(article: &Article, query: &str) -> Vec<Span> {
    let needle: Vec<char> = query.chars().map(fold).collect();
    if query.trim().is_empty() {
        return Vec::new();
    }
    let haystack: Vec<char> = article.text().chars().map(fold).collect();
    let mut found = Vec::new();
    let mut at = 0;
    while at + needle.len() <= haystack.len() && found.len() < MAX_MATCHES {
        if haystack[at..at + needle.len()] == needle[..] {
            found.push(Span::new(at, at + needle.len()));
            at += needle.len();
        } else {
            at += 1;
        }
    }
    found
}

fn fold(c: char) -> char {
    let mut lower = c.to_lowercase();
    match (lower.next(), lower.next()) {
        (Some(l), None) => l,
        _ => c,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Metadata, ParagraphKind};

    #[test]
    fn finds_every_match_ignoring_case() {
        let article = Article::from_paragraphs(
            [
                ("Water 👍 water", ParagraphKind::Body),
                ("WATER İstanbul", ParagraphKind::Body),
            ],
            Metadata::default(),
        );
        let found = find_all(&article, "water");
        assert_eq!(found.len(), 3);
        for span in &found {
            assert_eq!(
                article.slice(*span).map(str::to_lowercase).as_deref(),
                Some("water")
            );
        }
        assert_eq!(found[1], Span::new(8, 13));
        assert_eq!(find_all(&article, "i̇stanbul").len(), 0);
        assert_eq!(find_all(&article, "İstanbul").len(), 1);
        assert!(find_all(&article, "  ").is_empty());
        assert!(find_all(&article, "").is_empty());
    }
}
