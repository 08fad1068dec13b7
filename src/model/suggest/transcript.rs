//! Transcripts quoted over paragraphs: a quotation continued in the English way (an opening
//! mark on each paragraph, a closing mark only at the end) whose paragraphs open with a
//! speaker's label ("SMITH: …", "Mr. JONES: …") is a sequence of turns by different people,
//! not one quotation. Each paragraph becomes its own quotation, spoken by its label or, when
//! it has none, by the turn before it; a stage direction alone in brackets ("(LAUGHTER)") is
//! left out.

use crate::model::suggest::quotes::Quotation;
use crate::model::suggest::words::Token;
use crate::model::suggest::Text;
use crate::model::Span;

/// Most words in a speaker's label before its colon ("Mr. JONES", "SEN. ANA RUIZ").
const MAX_LABEL_WORDS: usize = 3;

/// One paragraph's part of a transcript.
pub(super) struct Turn {
    /// From its opening mark to the end of its paragraph (or the closing mark).
    pub span: Span,
    /// The speaker's label opening it, as written, if it has one.
    pub label: Option<String>,
}

impl Text<'_> {
    /// The turns of quotation `q` (from paragraph `open_p` to `close_p`) when it is a
    /// transcript: at least two of its paragraphs open with a speaker's label.
    pub(super) fn turns(&self, q: &Quotation, open_p: usize, close_p: usize) -> Option<Vec<Turn>> {
        if close_p <= open_p {
            return None;
        }
        let mut turns = Vec::new();
        for p in open_p..=close_p {
            let tokens = self.tokens.get(p)?;
            let start = if p == open_p {
                tokens.partition_point(|t| t.span.start < q.open)
            } else {
                0
            };
            let end = if p == close_p {
                tokens.partition_point(|t| t.span.start <= q.close)
            } else {
                tokens.len()
            };
            let piece = tokens.get(start..end)?;
            let (Some(first), Some(last)) = (piece.first(), piece.last()) else {
                continue;
            };
            if stage_direction(piece) {
                continue;
            }
            turns.push(Turn {
                span: Span::new(first.span.start, last.span.end),
                label: label(piece).map(|s| self.slice(s)),
            });
        }
        let labelled = turns.iter().filter(|t| t.label.is_some()).count();
        (labelled >= 2).then_some(turns)
    }
}

/// The speaker's label opening a turn's tokens `piece` (its opening mark first): up to
/// [`MAX_LABEL_WORDS`] words ending in one in capitals, then a colon.
fn label(piece: &[Token]) -> Option<Span> {
    let words = piece.iter().skip(1).take_while(|t| !t.is(":"));
    let words: Vec<&Token> = words.take(MAX_LABEL_WORDS + 1).collect();
    let colon = piece.get(words.len() + 1).is_some_and(|t| t.is(":"));
    let last = words.last()?;
    let shouted = last.text.chars().filter(|c| c.is_alphabetic()).count() >= 2
        && !last.text.chars().any(char::is_lowercase);
    let all_words = words.iter().all(|t| t.is_word() && t.is_capitalized());
    let first = words.first()?;
    (colon && shouted && all_words && words.len() <= MAX_LABEL_WORDS)
        .then(|| Span::new(first.span.start, last.span.end))
}

/// Whether a turn's tokens are only a direction in brackets: "(LAUGHTER)", "[applause]".
fn stage_direction(piece: &[Token]) -> bool {
    let opens = piece
        .iter()
        .position(|t| t.is_word() || t.is("(") || t.is("["));
    let closes = piece
        .iter()
        .rposition(|t| t.is_word() || t.is(")") || t.is("]"));
    match (opens, closes) {
        (Some(a), Some(b)) => {
            (piece[a].is("(") || piece[a].is("[")) && (piece[b].is(")") || piece[b].is("]"))
        }
        _ => true,
    }
}

#[cfg(test)]
mod tests {
    use crate::model::suggest::test_support::{pair, quotes};

    #[test]
    fn a_transcript_is_quoted_turn_by_turn() {
        assert_eq!(
            quotes(&[
                "The host pressed Mayor Ivo Brandt on the bridge. From the broadcast:",
                "\"HOST: Will the bridge open this year?",
                "\"BRANDT: It will open in May. The steel is in place.",
                "\"We only wait for the inspectors.",
                "\"(LAUGHTER)",
                "\"HOST: Thank you, Mayor.\"",
            ]),
            vec![
                pair("\"HOST: Will the bridge open this year?", "HOST"),
                pair(
                    "\"BRANDT: It will open in May. The steel is in place.",
                    "Ivo Brandt"
                ),
                pair("\"We only wait for the inspectors.", "Ivo Brandt"),
                pair("\"HOST: Thank you, Mayor.\"", "HOST"),
            ]
        );
    }

    #[test]
    fn a_continued_quotation_without_labels_stays_one() {
        let found = quotes(&[
            "“The defences were old,” the engineer said. “Nobody had looked at them.",
            "“We warned about this for years.”",
        ]);
        assert_eq!(found.len(), 2);
        assert!(found[1].0.contains("\n"));
    }
}
