//! A record's text as an article, by the project's text rules — line endings become `\n`, a
//! BOM is dropped, whitespace around paragraphs is removed and nothing inside a paragraph
//! changes — with paragraphs separated by blank lines (or by single line breaks when the text
//! has no blank line). No page clean-up: these are dataset texts. The [`Layout`] remembers
//! where each character went, so spans counted over the record's text land exactly.

use crate::model::ingest::plain_text::unify_line_endings;
use crate::model::{Article, Metadata, ParagraphKind, Span};

/// Where the characters of a record's text went in its article.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Layout {
    /// Code points of the record's text that are gone after line endings were unified (a BOM,
    /// the `\r` of each `\r\n`), in order.
    dropped: Vec<usize>,
    /// Each paragraph: its first code point in the unified text, in the article, its length.
    paragraphs: Vec<(usize, usize, usize)>,
}

/// The article of a record's `raw` text, and where its characters went; `None` when the text
/// is nothing but whitespace.
pub(crate) fn build_article(raw: &str, meta: Metadata) -> Option<(Article, Layout)> {
    let (unified, mut steps) = unify_line_endings(raw);
    let mut dropped = Vec::new();
    let mut chars = raw.chars().enumerate().peekable();
    while let Some((cp, c)) = chars.next() {
        let next_is_lf = chars.peek().is_some_and(|(_, n)| *n == '\n');
        if (cp == 0 && c == '\u{feff}') || (c == '\r' && next_is_lf) {
            dropped.push(cp);
        }
    }

    // Lines: byte range and first code point in the unified text, and whether blank.
    let mut lines = Vec::new();
    let (mut byte, mut cp) = (0, 0);
    for line in unified.split('\n') {
        lines.push((byte, byte + line.len(), cp, line.trim().is_empty()));
        byte += line.len() + 1;
        cp += line.chars().count() + 1;
    }
    let first = lines.iter().position(|l| !l.3)?;
    let last = lines.iter().rposition(|l| !l.3)?;
    let blank_lines = lines[first..=last].iter().any(|l| l.3);

    // Groups of lines: runs between blank lines, or every line.
    let mut groups: Vec<(usize, usize, usize)> = Vec::new();
    let mut open: Option<(usize, usize, usize)> = None;
    for &(start, end, cp, blank) in &lines {
        if blank {
            groups.extend(open.take());
            continue;
        }
        match open.as_mut() {
            Some(group) if blank_lines => group.1 = end,
            _ => {
                groups.extend(open.take());
                open = Some((start, end, cp));
            }
        }
    }
    groups.extend(open);

    let mut texts = Vec::with_capacity(groups.len());
    let mut paragraphs = Vec::with_capacity(groups.len());
    let mut at = 0;
    for (start, end, cp) in groups {
        let Some(group) = unified.get(start..end) else {
            continue;
        };
        let para = group.trim();
        let lead = group[..group.len() - group.trim_start().len()]
            .chars()
            .count();
        let len = para.chars().count();
        if !texts.is_empty() {
            at += 2;
        }
        paragraphs.push((cp + lead, at, len));
        texts.push(para);
        at += len;
    }
    let mut article =
        Article::from_paragraphs(texts.iter().map(|t| (*t, ParagraphKind::Body)), meta);
    if article.text() != unified {
        steps.push("trim-paragraph-edges".to_string());
    }
    article.normalization = steps;
    if article.text() != raw {
        article.original = raw.into();
    }
    Some((
        article,
        Layout {
            dropped,
            paragraphs,
        },
    ))
}

impl Layout {
    /// Code point `cp` of the record's text in the unified text.
    fn unified(&self, cp: usize) -> usize {
        cp - self.dropped.partition_point(|&d| d < cp)
    }

    /// Where the character at code point `cp` of the record's text stands in the article, if it
    /// is kept (whitespace between paragraphs is not).
    fn article_cp(&self, cp: usize) -> Option<usize> {
        let u = self.unified(cp);
        let at = self
            .paragraphs
            .partition_point(|p| p.0 <= u)
            .checked_sub(1)?;
        let &(start, article, len) = self.paragraphs.get(at)?;
        (u < start + len).then(|| article + (u - start))
    }

    /// The article span of `span` over the record's text (whose text there is `covered`),
    /// without whitespace at its ends, and that text with line endings unified; `None` when
    /// nothing but whitespace is covered.
    pub(crate) fn place(&self, span: Span, covered: &str) -> Option<(Span, String)> {
        let trimmed = covered.trim();
        if trimmed.is_empty() {
            return None;
        }
        let lead = covered[..covered.len() - covered.trim_start().len()]
            .chars()
            .count();
        let start = span.start + lead;
        let last = start + trimmed.chars().count() - 1;
        let first = self.article_cp(start)?;
        let end = self.article_cp(last)? + 1;
        let (exact, _) = unify_line_endings(trimmed);
        (first < end).then(|| (Span::new(first, end), exact))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn article(raw: &str) -> (Article, Layout) {
        build_article(raw, Metadata::default()).unwrap()
    }

    #[test]
    fn blank_lines_separate_paragraphs_and_single_breaks_stay_inside() {
        let (a, _) = article("\u{feff}  First line\r\n  still first  \r\n\r\n \r\nSecond\n");
        assert_eq!(a.text(), "First line\n  still first\n\nSecond");
        assert_eq!(a.paragraphs().len(), 2);
        assert_eq!(
            a.normalization,
            ["bom-removed", "line-endings:lf", "trim-paragraph-edges"]
        );
        assert!(!a.original.is_empty());
    }

    #[test]
    fn without_blank_lines_every_line_is_a_paragraph() {
        let (a, _) = article("One.\nTwo.\n Three.");
        assert_eq!(a.text(), "One.\n\nTwo.\n\nThree.");
        let (plain, _) = article("Just this.");
        assert!(plain.normalization.is_empty());
        assert!(plain.original.is_empty());
        assert!(build_article(" \n\t", Metadata::default()).is_none());
    }

    #[test]
    fn spans_over_the_record_land_on_the_same_characters() {
        let raw = "\u{feff}Héllo 👍 one\r\n\r\n  two  three\r\nfour";
        let (a, layout) = article(raw);
        let chars: Vec<char> = raw.chars().collect();
        for (s, e) in [(1, 6), (7, 12), (5, 12), (12, 24), (17, 29), (10, 34)] {
            let covered: String = chars[s..e].iter().collect();
            let (span, exact) = layout.place(Span::new(s, e), &covered).unwrap();
            let found = a.slice(span).unwrap();
            if !exact.contains("\n\n") && !covered.contains("\r\n\r\n") {
                assert_eq!(found, exact, "{s}..{e}");
            }
            assert_eq!(
                found.split_whitespace().collect::<Vec<_>>(),
                exact.split_whitespace().collect::<Vec<_>>()
            );
        }
        assert_eq!(layout.place(Span::new(12, 17), "\r\n\r\n "), None);
    }
}
