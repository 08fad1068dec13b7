//! The suggester: a fast rule-based pre-annotator that proposes QUOTE, ALLEGATION and FACT
//! spans, with speakers and cues, each with a confidence and the reason it was suggested, for
//! the annotator to accept or reject.
//!
//! - **QUOTE**: a quotation with its marks ([`quotes`]), as the guidelines ask, with its
//!   speaker (`quoting`); short ones (under four words) only when a speaker is found, so titles
//!   and scare quotes are left alone.
//! - **ALLEGATION**: a sentence with a source phrase, an alleging verb or a hedge ([`cues`]).
//! - **FACT**: a sentence with figures, money, dates or records that is not an opinion or a
//!   question; in an attributed sentence or one with a quotation, the clause holding the figure.
//!
//! Speakers come from the words around the claim ([`attribution`], `phrases`) and are named
//! through the article's people ([`people`]): pronouns, surnames and descriptions.

pub mod attribution;
mod claims;
mod context;
pub mod cues;
pub mod grammar;
pub mod people;
mod phrases;
pub mod quotes;
mod quoting;
#[cfg(test)]
mod real_copy_tests;
pub mod score;
#[cfg(test)]
mod test_support;
mod titles;
mod transcript;
mod words;

use std::cmp::Reverse;

use serde::{Deserialize, Serialize};

use crate::model::{Article, Label, ParagraphKind, Span};

use claims::{checkable_clause, classify, is_specific, Claim, CueKind};
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
    /// How sure the rule that found it is, in percent (0 in documents stored before
    /// confidences were kept).
    #[serde(default)]
    pub confidence: u8,
    /// Why it was suggested: the rule and the cue it saw, for the annotator to judge.
    #[serde(default)]
    pub reason: String,
}

impl Suggestion {
    /// What identifies a suggestion: the same label on the same span is the same suggestion.
    pub fn key(&self) -> (Label, Span) {
        (self.label, self.span)
    }
}

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

    /// How many words `span` holds, counted from the paragraphs' tokens (the text is not
    /// segmented again).
    fn words_in(&self, span: Span) -> usize {
        let last = self.paragraph_of(span.end.saturating_sub(1));
        (self.paragraph_of(span.start)..=last)
            .map(|p| {
                self.tokens_in(p, span)
                    .iter()
                    .filter(|t| t.is_word())
                    .count()
            })
            .sum()
    }

    fn slice(&self, span: Span) -> String {
        self.article.slice(span).unwrap_or_default().to_string()
    }

    /// The figure starting at `tokens[i]`, with the specific words right after it, for a
    /// reason: "$21.4 billion", "40 percent".
    fn figure(&self, tokens: &[Token], i: usize) -> String {
        let run = tokens[i..]
            .iter()
            .enumerate()
            .take(4)
            .take_while(|(k, _)| *k == 0 || is_specific(tokens, i + k))
            .count();
        let last = &tokens[i + run.max(1) - 1];
        self.slice(Span::new(tokens[i].span.start, last.span.end))
    }

    /// ALLEGATION and FACT suggestions: whole sentences outside `quoted` (sorted spans), and
    /// the checkable clause of attributed sentences and sentences with a quotation.
    fn claims(&self, quoted: &[Span]) -> Vec<Suggestion> {
        let mut out = Vec::new();
        for &sentence in self.sentences {
            let p = self.paragraph_of(sentence.start);
            let heading = self
                .article
                .paragraphs()
                .get(p)
                .is_none_or(|p| p.kind == ParagraphKind::Heading);
            if heading {
                continue;
            }
            let next_quote = quoted.partition_point(|q| q.end <= sentence.start);
            let has_quote = quoted.get(next_quote).is_some_and(|q| q.overlaps(sentence));
            let tokens = self.tokens_in(p, sentence);
            let claim = if has_quote { None } else { classify(tokens) };
            let suggestion = match claim {
                Some(Claim::Fact) => {
                    let figure = (0..tokens.len()).find(|&i| is_specific(tokens, i));
                    let shown = figure.map(|i| self.figure(tokens, i)).unwrap_or_default();
                    Suggestion {
                        label: Label::Fact,
                        span: sentence,
                        speaker: String::new(),
                        cue: String::new(),
                        confidence: 60,
                        reason: format!("Specific (“{shown}”) in a statement that is not an opinion, a question or attributed"),
                    }
                }
                Some(Claim::Allegation(cue, kind)) => {
                    let said = self.slice(cue.cue);
                    let (confidence, reason) = match kind {
                        CueKind::Source => (70, format!("Source phrase “{said}”")),
                        CueKind::Verb => (65, format!("Alleging verb “{said}”")),
                        CueKind::Hedge => {
                            (55, format!("Hedge “{said}”: unproven, no source named"))
                        }
                    };
                    Suggestion {
                        label: Label::Allegation,
                        span: sentence,
                        speaker: cue.speaker.map(|s| self.slice(s)).unwrap_or_default(),
                        cue: said,
                        confidence,
                        reason,
                    }
                }
                None => {
                    let Some((from, to, figure)) = checkable_clause(tokens) else {
                        continue;
                    };
                    let (Some(first), Some(last)) = (tokens.get(from), tokens.get(to - 1)) else {
                        continue;
                    };
                    Suggestion {
                        label: Label::Fact,
                        span: Span::new(first.span.start, last.span.end),
                        speaker: String::new(),
                        cue: String::new(),
                        confidence: 50,
                        reason: format!(
                            "Specific (“{}”) stated in an attributed sentence",
                            self.figure(tokens, figure)
                        ),
                    }
                }
            };
            out.push(suggestion);
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::segment::sentences;
    use crate::model::suggest::test_support::body;

    fn found(paragraphs: &[&str]) -> Vec<(String, String, String, String)> {
        let article = body(paragraphs);
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
                row("FACT", "Spending rose 40 percent", "", ""),
            ]
        );
    }

    #[test]
    fn figures_stated_by_a_speaker_are_facts_with_their_reason() {
        let article = body(&[
            "“Our ties are growing,” the envoy noted, with exports reaching some $3.2 billion in the first half of the year.",
        ]);
        let found = suggest(&article, &sentences(&article));
        let fact = found.iter().find(|s| s.label == Label::Fact);
        assert_eq!(
            fact.and_then(|s| article.slice(s.span)),
            Some("with exports reaching some $3.2 billion in the first half of the year")
        );
        assert_eq!(
            fact.map(|s| s.reason.as_str()),
            Some("Specific (“$3.2 billion”) stated in an attributed sentence")
        );
        assert!(found.iter().any(|s| s.label == Label::Quote));
    }
}
