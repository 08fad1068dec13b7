//! The suggester: a fast rule-based pre-annotator that proposes QUOTE, ALLEGATION and FACT
//! spans, with speakers and cues, for the annotator to accept or reject.
//!
//! - **QUOTE**: a quotation with its marks ([`quotes`]), as the guidelines ask; short ones
//!   (under four words) only when a reporting verb is beside them, so titles and scare quotes
//!   are left alone.
//! - **ALLEGATION**: a sentence with a source phrase, an alleging verb or a hedge ([`cues`]).
//! - **FACT**: a sentence with figures, money, dates or records that is not an opinion, a
//!   question or attributed with a reporting verb.
//!
//! Speakers come from the words around the claim ([`attribution`]); a pronoun stands for the
//! last speaker named, and a quotation with no attribution of its own continues the speaker of
//! the quotation before it in the same paragraph.

pub mod attribution;
mod claims;
pub mod cues;
pub mod quotes;
pub mod score;
mod words;

use std::cmp::Reverse;

use serde::{Deserialize, Serialize};

use crate::model::segment::sentence_at;
use crate::model::{Article, Label, ParagraphKind, Span};

use attribution::{after_quotation, before_quotation, phrase_before};
use claims::{classify, Claim};
use cues::{listed, DETERMINERS, PRONOUNS, REPORTING_VERBS};
use quotes::quotations;
use words::{tokenize, Token};

/// A proposed annotation, waiting for the annotator to accept or reject it.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Suggestion {
    /// The proposed label.
    pub label: Label,
    /// Where, in code points of the article text.
    pub span: Span,
    /// Who said or alleged it (empty when not found).
    pub speaker: String,
    /// The reporting verb or cue found (empty when none).
    pub cue: String,
}

impl Suggestion {
    /// What identifies a suggestion: the same label on the same span is the same suggestion.
    pub fn key(&self) -> (Label, Span) {
        (self.label, self.span)
    }
}

/// Shortest quotation, in words, suggested without a reporting verb beside it.
const MIN_UNATTRIBUTED_WORDS: usize = 4;

/// Every suggestion for `article` (whose sentences are `sentences`), in document order.
pub fn suggest(article: &Article, sentences: &[Span]) -> Vec<Suggestion> {
    let tokens: Vec<Vec<Token>> = article
        .paragraphs()
        .iter()
        .map(|p| tokenize(article.slice(p.span).unwrap_or_default(), p.span.start))
        .collect();
    let text = Text {
        article,
        sentences,
        tokens: &tokens,
    };
    let mut out = text.quotes();
    let quoted: Vec<Span> = out.iter().map(|s| s.span).collect();
    out.extend(text.claims(&quoted));
    out.sort_by_key(|s| (s.span.start, Reverse(s.span.end), s.label.index()));
    out
}

/// The article with its sentences and tokens, as the rules read it.
struct Text<'a> {
    article: &'a Article,
    sentences: &'a [Span],
    /// The tokens of each paragraph.
    tokens: &'a [Vec<Token>],
}

impl Text<'_> {
    /// The paragraph containing code point `cp`.
    fn paragraph_of(&self, cp: usize) -> usize {
        self.article
            .paragraphs()
            .partition_point(|p| p.span.end <= cp)
    }

    /// The tokens of paragraph `p` inside `span`.
    fn tokens_in(&self, p: usize, span: Span) -> &[Token] {
        let Some(tokens) = self.tokens.get(p) else {
            return &[];
        };
        let from = tokens.partition_point(|t| t.span.start < span.start);
        let to = tokens.partition_point(|t| t.span.end <= span.end);
        &tokens[from..to.max(from)]
    }

    fn slice(&self, span: Span) -> String {
        self.article.slice(span).unwrap_or_default().to_string()
    }

    /// QUOTE suggestions, with speakers and cues.
    fn quotes(&self) -> Vec<Suggestion> {
        let mut out = Vec::new();
        let mentions = self.mentions();
        // The last speaker named by a quotation's own attribution, and where.
        let mut last_named: Option<(usize, String)> = None;
        let mut previous: Option<(usize, String)> = None;
        for q in quotations(self.article) {
            // The quotation with its marks, as the guidelines ask.
            let span = q.outer();
            let (open_p, close_p) = (self.paragraph_of(q.open), self.paragraph_of(q.close));
            let paragraph_end = self
                .article
                .paragraphs()
                .get(close_p)
                .map_or(q.close, |p| p.span.end);
            let after = self.tokens_in(close_p, Span::new(q.close + 1, paragraph_end));
            let sentence_start = sentence_at(self.sentences, q.open)
                .and_then(|i| self.sentences.get(i))
                .filter(|s| s.start <= q.open)
                .map_or(q.open, |s| s.start);
            let before = self.tokens_in(open_p, Span::new(sentence_start, q.open));
            let words = tokenize(&self.slice(q.inner()), 0)
                .iter()
                .filter(|t| t.is_word())
                .count();
            let attribution = after_quotation(after)
                .or_else(|| before_quotation(before, false))
                .or_else(|| before_quotation(before, true));
            if words < MIN_UNATTRIBUTED_WORDS && attribution.is_none() {
                continue;
            }
            let named = attribution.and_then(|a| a.speaker).map(|s| self.slice(s));
            let speaker = match named {
                Some(s) if listed(PRONOUNS, &s.to_lowercase()) => {
                    let mentioned = mentions[..mentions.partition_point(|m| m.0 < q.open)].last();
                    let latest = match (&last_named, mentioned) {
                        (Some(a), Some(b)) => Some(if a.0 > b.0 { a } else { b }),
                        (a, b) => a.as_ref().or(b),
                    };
                    latest.map_or(s, |(_, name)| name.clone())
                }
                Some(s) => {
                    if is_name(&s) {
                        last_named = Some((q.close, s.clone()));
                    }
                    s
                }
                None => match &previous {
                    Some((p, s)) if *p == open_p => s.clone(),
                    _ => String::new(),
                },
            };
            previous = Some((close_p, speaker.clone()));
            out.push(Suggestion {
                label: Label::Quote,
                span,
                speaker,
                cue: attribution.map(|a| self.slice(a.cue)).unwrap_or_default(),
            });
        }
        out
    }

    /// Every named subject of a reporting verb ("Voss said"), with the verb's position, for
    /// pronouns to stand for.
    fn mentions(&self) -> Vec<(usize, String)> {
        let mut out = Vec::new();
        for tokens in self.tokens {
            for (i, verb) in tokens.iter().enumerate() {
                if REPORTING_VERBS.at(tokens, i).is_none() {
                    continue;
                }
                let name = phrase_before(tokens, i).map(|span| self.slice(span));
                if let Some(name) = name.filter(|n| is_name(n)) {
                    out.push((verb.span.start, name));
                }
            }
        }
        out
    }

    /// ALLEGATION and FACT suggestions for the sentences outside `quoted` (sorted spans).
    fn claims(&self, quoted: &[Span]) -> Vec<Suggestion> {
        let mut out = Vec::new();
        for &sentence in self.sentences {
            let p = self.paragraph_of(sentence.start);
            let heading = self
                .article
                .paragraphs()
                .get(p)
                .is_none_or(|p| p.kind == ParagraphKind::Heading);
            let next_quote = quoted.partition_point(|q| q.end <= sentence.start);
            let has_quote = quoted.get(next_quote).is_some_and(|q| q.overlaps(sentence));
            if heading || has_quote {
                continue;
            }
            let suggestion = match classify(self.tokens_in(p, sentence)) {
                Some(Claim::Fact) => Suggestion {
                    label: Label::Fact,
                    span: sentence,
                    speaker: String::new(),
                    cue: String::new(),
                },
                Some(Claim::Allegation(cue)) => Suggestion {
                    label: Label::Allegation,
                    span: sentence,
                    speaker: cue.speaker.map(|s| self.slice(s)).unwrap_or_default(),
                    cue: self.slice(cue.cue),
                },
                None => continue,
            };
            out.push(suggestion);
        }
        out
    }
}

/// Whether `phrase` names someone: capitalised, and neither a pronoun nor led by a determiner
/// ("The council", "Her office").
fn is_name(phrase: &str) -> bool {
    let first = phrase
        .split_whitespace()
        .next()
        .unwrap_or_default()
        .to_lowercase();
    phrase.chars().next().is_some_and(char::is_uppercase)
        && !listed(PRONOUNS, &first)
        && !listed(DETERMINERS, &first)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::segment::sentences;
    use crate::model::Metadata;

    fn found(paragraphs: &[&str]) -> Vec<(String, String, String, String)> {
        let article = Article::from_paragraphs(
            paragraphs.iter().map(|p| (*p, ParagraphKind::Body)),
            Metadata::default(),
        );
        suggest(&article, &sentences(&article))
            .into_iter()
            .map(|s| {
                (
                    s.label.id().to_string(),
                    article.slice(s.span).unwrap_or_default().to_string(),
                    s.speaker,
                    s.cue,
                )
            })
            .collect()
    }

    fn row(label: &str, text: &str, speaker: &str, cue: &str) -> (String, String, String, String) {
        (label.into(), text.into(), speaker.into(), cue.into())
    }

    #[test]
    fn speaker_after_and_before_and_pronouns() {
        assert_eq!(
            found(&[
                "“We will rebuild the pier,” Mayor Ana Ruiz said.",
                "“It will take years,” she added.",
                "Union leader Tom Becker said: \"The strike will go ahead on Monday.\"",
            ]),
            vec![
                row(
                    "QUOTE",
                    "“We will rebuild the pier,”",
                    "Mayor Ana Ruiz",
                    "said"
                ),
                row("QUOTE", "“It will take years,”", "Mayor Ana Ruiz", "added"),
                row(
                    "QUOTE",
                    "\"The strike will go ahead on Monday.\"",
                    "Union leader Tom Becker",
                    "said"
                ),
            ]
        );
    }

    #[test]
    fn pronouns_stand_for_the_last_person_named() {
        assert_eq!(
            found(&["Anna Voss said the signs came too late. “They can print all the signs they like,” she said."]),
            vec![row("QUOTE", "“They can print all the signs they like,”", "Anna Voss", "said")]
        );
    }

    #[test]
    fn short_quotations_need_a_reporting_verb() {
        assert_eq!(
            found(&["“No,” she said.", "The album “Northern Lights” is out."]),
            vec![row("QUOTE", "“No,”", "she", "said")]
        );
    }

    #[test]
    fn a_later_quotation_in_the_paragraph_keeps_the_speaker() {
        assert_eq!(
            found(&["‘We came to win,’ said Priya Nair. ‘Nothing else matters to any of us.’"]),
            vec![
                row("QUOTE", "‘We came to win,’", "Priya Nair", "said"),
                row(
                    "QUOTE",
                    "‘Nothing else matters to any of us.’",
                    "Priya Nair",
                    ""
                ),
            ]
        );
    }

    #[test]
    fn claims_outside_quotations() {
        assert_eq!(
            found(&[
                "The council spent $4 million on the pier in 2021. The club reportedly sold it.",
                "“Spending rose 40 percent,” the mayor said.",
            ]),
            vec![
                row(
                    "FACT",
                    "The council spent $4 million on the pier in 2021.",
                    "",
                    ""
                ),
                row(
                    "ALLEGATION",
                    "The club reportedly sold it.",
                    "",
                    "reportedly"
                ),
                row("QUOTE", "“Spending rose 40 percent,”", "the mayor", "said"),
            ]
        );
    }
}
