//! A quotation's speaker from its context, when it has no attribution of its own: the
//! quotation before it in the paragraph, the one ending the paragraph before (a quotation
//! continued in the next paragraph), or the sentence before it — a speaker introduced without
//! a pronoun ("Ida Marsh, 61, came early. “…”", "…, Vale said. “…”").

use crate::model::segment::sentence_at;
use crate::model::suggest::attribution::{covering, Attribution};
use crate::model::suggest::cues::{listed, REPORTING_VERBS};
use crate::model::suggest::grammar::DETERMINERS;
use crate::model::suggest::phrases::{phrase_before, sentence_subject};
use crate::model::suggest::quotes::Quotation;
use crate::model::suggest::words::Token;
use crate::model::suggest::Text;
use crate::model::Span;

/// The speaker of the quotation before, and where it ended.
pub(super) struct Previous {
    /// Its paragraph (where it closed).
    pub paragraph: usize,
    /// Whether it ran to the end of its paragraph.
    pub ends_paragraph: bool,
    /// Its speaker (empty when none was found).
    pub speaker: String,
}

impl Text<'_> {
    /// The speaker of a quotation with no attribution of its own: the quotation before it in
    /// the paragraph, or the one ending the paragraph before when this one opens its own.
    pub(super) fn continued(
        &self,
        previous: &Option<Previous>,
        q: &Quotation,
        open_p: usize,
        words: usize,
    ) -> (String, u8, String) {
        let starts_paragraph = self
            .article
            .paragraphs()
            .get(open_p)
            .is_some_and(|p| self.only_space(p.span.start, q.open));
        match previous {
            Some(p) if p.paragraph == open_p && !p.speaker.is_empty() => (
                p.speaker.clone(),
                85,
                "Continues the quotation before it in the paragraph".to_string(),
            ),
            Some(p) if p.paragraph + 1 == open_p && starts_paragraph && !p.speaker.is_empty() => {
                let (confidence, reason) = if p.ends_paragraph {
                    (75, "Continues the quotation ending the paragraph before")
                } else {
                    (70, "Opens the paragraph after a quotation with a speaker")
                };
                (p.speaker.clone(), confidence, reason.to_string())
            }
            _ => (
                String::new(),
                if words >= 12 { 60 } else { 45 },
                format!("Quotation of {words} words; no attribution found"),
            ),
        }
    }

    /// The speaker of the sentence before quotation `q` in its paragraph `open_p`, when `q`
    /// opens a sentence: the phrase before a reporting verb ("…, Vale said."), else the
    /// sentence's named subject.
    pub(super) fn sentence_before(&self, q: &Quotation, open_p: usize) -> Option<Attribution> {
        let i = sentence_at(self.sentences, q.open)?;
        let sentence = self.sentences.get(i)?;
        let paragraph = self.article.paragraphs().get(open_p)?.span;
        let opens = sentence.start <= q.open
            && !self
                .tokens_in(open_p, Span::new(sentence.start, q.open))
                .iter()
                .any(Token::is_word);
        let previous = self.sentences.get(i.checked_sub(1)?)?;
        if !opens || previous.start < paragraph.start {
            return None;
        }
        let tokens = self.tokens_in(open_p, *previous);
        let verb = (0..tokens.len()).find_map(|v| {
            let n = REPORTING_VERBS.at(tokens, v)?;
            Some(Attribution {
                speaker: Some(phrase_before(tokens, v)?),
                cue: covering(tokens, v, v + n)?,
            })
        });
        // A named subject only: "The ferry stopped." names no speaker.
        let named = |s: &Span| {
            tokens
                .iter()
                .find(|t| t.span.start == s.start)
                .is_some_and(|t| !listed(DETERMINERS, &t.lower))
        };
        verb.or_else(|| {
            let subject = sentence_subject(tokens).filter(named)?;
            Some(Attribution {
                speaker: Some(subject),
                cue: subject,
            })
        })
    }
}
