//! Word and sentence boundaries of an article, for snapping selections to whole words and for
//! the sentence cursor.
//!
//! Both use Unicode Text Segmentation (UAX #29, via `unicode-segmentation`), so CJK and Thai get
//! proper boundaries. Sentences are computed within paragraphs and then corrected the way
//! newsroom text needs: no break after common abbreviations ("Mr.", "Dr.", "U.S.", "No. 5") or
//! initials ("J. R. Smith"), and none inside a quotation that closes in the same paragraph.

use unicode_segmentation::UnicodeSegmentation;

use crate::model::suggest::quotes::quoted_stretches;
use crate::model::{Article, Span};

/// Abbreviations after which a full stop does not end a sentence (compared case-insensitively,
/// without the final full stop).
pub(crate) const ABBREVIATIONS: [&str; 39] = [
    "mr", "mrs", "ms", "dr", "prof", "st", "no", "nos", "jr", "sr", "gen", "gov", "sen", "rep",
    "col", "capt", "lt", "sgt", "rev", "hon", "inc", "ltd", "co", "corp", "vs", "v", "e.g", "i.e",
    "u.s", "u.k", "u.n", "e.u", "a.m", "p.m", "jan", "feb", "aug", "sept", "del",
];

/// `span` widened so that neither end cuts a word in half, then trimmed of whitespace.
///
/// Over `"The mayor said"`, `(5, 12)` (`"ayor sa"`) snaps to `(4, 14)` (`"mayor said"`).
/// Returns `None` when nothing but whitespace is left.
pub fn snap_to_words(article: &Article, span: Span) -> Option<Span> {
    let start = word_edge(article, span.start, Edge::Start);
    let end = word_edge(article, span.end, Edge::End);
    article.trim_span(Span::new(start, end.max(start)))
}

/// The start or the end of a word.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Edge {
    /// Where a word begins.
    Start,
    /// Where a word ends.
    End,
}

/// Moves `cp` outward to the edge of the word it falls inside, if any.
fn word_edge(article: &Article, cp: usize, edge: Edge) -> usize {
    let Some(paragraph) = paragraph_at(article, cp) else {
        return cp;
    };
    let text = article.slice(paragraph).unwrap_or_default();
    let mut at = paragraph.start;
    for word in text.split_word_bounds() {
        let len = word.chars().count();
        let (start, end) = (at, at + len);
        if start < cp && cp < end && word.chars().any(char::is_alphanumeric) {
            return if edge == Edge::Start { start } else { end };
        }
        if start >= cp {
            break;
        }
        at = end;
    }
    cp
}

/// The paragraph whose span contains `cp` (its end included).
fn paragraph_at(article: &Article, cp: usize) -> Option<Span> {
    let paragraphs = article.paragraphs();
    let i = paragraphs.partition_point(|p| p.span.end < cp);
    paragraphs.get(i).map(|p| p.span).filter(|p| p.start <= cp)
}

/// The nearest word `edge` (a word start or a word end) strictly right (`forward`) or left of
/// `cp` within its paragraph; the paragraph's edge when there is none.
///
/// Over `"one two three"`, the next word end after 3 is 7 and the previous word start before 7
/// is 4.
pub fn next_word_edge(article: &Article, cp: usize, forward: bool, edge: Edge) -> usize {
    let Some(paragraph) = paragraph_at(article, cp) else {
        return cp;
    };
    let text = article.slice(paragraph).unwrap_or_default();
    let mut edges = Vec::new();
    let mut at = paragraph.start;
    for word in text.split_word_bounds() {
        let len = word.chars().count();
        if word.chars().any(char::is_alphanumeric) {
            edges.push(if edge == Edge::End { at + len } else { at });
        }
        at += len;
    }
    if forward {
        edges.into_iter().find(|&e| e > cp).unwrap_or(paragraph.end)
    } else {
        edges
            .into_iter()
            .rev()
            .find(|&e| e < cp)
            .unwrap_or(paragraph.start)
    }
}

/// One visible character right (`forward`) or left of `cp`, stepping over whitespace, so that
/// a boundary moved by a character always lands next to a visible one. `edge` says whether
/// `cp` is a span's start (the character after it counts) or its end (the one before it).
pub fn next_char_edge(article: &Article, cp: usize, forward: bool, edge: Edge) -> usize {
    let len = article.cp_len();
    let is_space = |i: usize| {
        article
            .slice(Span::new(i, i + 1))
            .is_some_and(|c| c.chars().all(char::is_whitespace))
    };
    let mut at = cp;
    loop {
        at = if forward {
            (at + 1).min(len)
        } else {
            at.saturating_sub(1)
        };
        let beside = if edge == Edge::Start {
            at
        } else {
            at.saturating_sub(1)
        };
        if at == 0 || at == len || !is_space(beside) {
            return at;
        }
    }
}

/// Every sentence of `article`, in order, trimmed of whitespace. Paragraph ends always end a
/// sentence.
pub fn sentences(article: &Article) -> Vec<Span> {
    let mut out = Vec::new();
    for paragraph in article.paragraphs() {
        let text = article.slice(paragraph.span).unwrap_or_default();
        let chars: Vec<char> = text.chars().collect();
        let quoted = quoted_stretches(&chars);
        // Code point and byte offsets (within the paragraph) of the current sentence's start.
        let (mut start, mut start_byte) = (0, 0);
        let mut at = 0;
        let mut pieces = text.split_sentence_bound_indices().peekable();
        while let Some((byte, piece)) = pieces.next() {
            at += piece.chars().count();
            let end_byte = byte + piece.len();
            let is_last = pieces.peek().is_none();
            let candidate = &text[start_byte..end_byte];
            let inside_quote = quoted.iter().any(|q| q.start < at && at < q.end);
            if is_last || !(ends_with_abbreviation(candidate) || inside_quote) {
                let base = paragraph.span.start;
                if let Some(span) = article.trim_span(Span::new(base + start, base + at)) {
                    out.push(span);
                }
                (start, start_byte) = (at, end_byte);
            }
        }
    }
    out
}

/// The index of the sentence containing `cp`, or the nearest one before it.
pub fn sentence_at(sentences: &[Span], cp: usize) -> Option<usize> {
    let i = sentences.partition_point(|s| s.end <= cp);
    if sentences.get(i).is_some_and(|s| s.start <= cp) {
        Some(i)
    } else {
        i.checked_sub(1)
    }
}

/// True when the text (a sentence candidate) ends with an abbreviation or an initial and a
/// full stop, so the break after it is not a sentence end.
fn ends_with_abbreviation(candidate: &str) -> bool {
    let trimmed = candidate.trim_end();
    let Some(before_stop) = trimmed.strip_suffix('.') else {
        return false;
    };
    let word = before_stop
        .rsplit(|c: char| c.is_whitespace() || c == '(' || c == '“' || c == '"')
        .next()
        .unwrap_or_default();
    let lower = word.to_lowercase();
    let initial = word.chars().count() == 1 && word.chars().all(char::is_uppercase);
    initial || ABBREVIATIONS.contains(&lower.as_str())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Metadata, ParagraphKind};

    fn article(paragraphs: &[&str]) -> Article {
        Article::from_paragraphs(
            paragraphs.iter().map(|p| (*p, ParagraphKind::Body)),
            Metadata::default(),
        )
    }

    fn texts(article: &Article, spans: &[Span]) -> Vec<String> {
        spans
            .iter()
            .map(|s| article.slice(*s).unwrap().to_string())
            .collect()
    }

    #[test]
    fn snaps_partial_words_outward() {
        let a = article(&["The mayor said 北京 is “far”."]);
        assert_eq!(
            a.slice(snap_to_words(&a, Span::new(5, 12)).unwrap()),
            Some("mayor said")
        );
        assert_eq!(
            a.slice(snap_to_words(&a, Span::new(4, 9)).unwrap()),
            Some("mayor")
        );
        assert_eq!(
            a.slice(snap_to_words(&a, Span::new(3, 10)).unwrap()),
            Some("mayor")
        );
        assert_eq!(
            a.slice(snap_to_words(&a, Span::new(22, 24)).unwrap()),
            Some("far")
        );
        assert_eq!(
            a.slice(snap_to_words(&a, Span::new(21, 26)).unwrap()),
            Some("“far”")
        );
        assert_eq!(snap_to_words(&a, Span::new(3, 4)), None);
    }

    #[test]
    fn snapping_across_paragraphs_and_emoji() {
        let a = article(&["Fire 👨🏻‍🚒 crew", "saved cats"]);
        let snapped = snap_to_words(&a, Span::new(11, 17)).unwrap();
        assert_eq!(a.slice(snapped), Some("crew\n\nsaved"));
    }

    #[test]
    fn steps_word_by_word() {
        let a = article(&["one two three"]);
        assert_eq!(next_word_edge(&a, 3, true, Edge::End), 7);
        assert_eq!(next_word_edge(&a, 7, false, Edge::Start), 4);
        assert_eq!(next_word_edge(&a, 4, true, Edge::Start), 8);
        assert_eq!(next_word_edge(&a, 7, false, Edge::End), 3);
        assert_eq!(next_word_edge(&a, 13, true, Edge::End), 13);
        assert_eq!(next_word_edge(&a, 0, false, Edge::Start), 0);
    }

    #[test]
    fn steps_character_by_character_over_spaces() {
        let a = article(&["ab  cd"]);
        assert_eq!(next_char_edge(&a, 2, true, Edge::End), 5);
        assert_eq!(next_char_edge(&a, 5, false, Edge::End), 2);
        assert_eq!(next_char_edge(&a, 1, true, Edge::Start), 4);
        assert_eq!(next_char_edge(&a, 4, false, Edge::Start), 1);
        assert_eq!(next_char_edge(&a, 6, true, Edge::End), 6);
        assert_eq!(next_char_edge(&a, 0, false, Edge::Start), 0);
    }

    #[test]
    fn sentences_skip_abbreviations_and_initials() {
        let a = article(&[
            "Mr. Smith met Dr. J. R. Ewing in the U.S. on Monday. No. 5 won. Then it rained!",
        ]);
        assert_eq!(
            texts(&a, &sentences(&a)),
            [
                "Mr. Smith met Dr. J. R. Ewing in the U.S. on Monday.",
                "No. 5 won.",
                "Then it rained!"
            ]
        );
    }

    #[test]
    fn sentences_do_not_break_inside_quotations() {
        let a =
            article(&["“That is not an oversight. That is a choice.” He left. „Nein. Nie.“ Ende."]);
        assert_eq!(
            texts(&a, &sentences(&a)),
            [
                "“That is not an oversight. That is a choice.”",
                "He left.",
                "„Nein. Nie.“",
                "Ende."
            ]
        );
    }

    #[test]
    fn sentences_in_cjk_and_across_paragraphs() {
        let a = article(&["北京で会議があった。記者が報じた。", "Second paragraph"]);
        assert_eq!(
            texts(&a, &sentences(&a)),
            ["北京で会議があった。", "記者が報じた。", "Second paragraph"]
        );
    }

    #[test]
    fn finds_the_sentence_at_an_offset() {
        let a = article(&["One. Two.", "Three."]);
        let s = sentences(&a);
        assert_eq!(sentence_at(&s, 0), Some(0));
        assert_eq!(sentence_at(&s, 4), Some(0));
        assert_eq!(sentence_at(&s, 6), Some(1));
        assert_eq!(sentence_at(&s, 12), Some(2));
    }
}
