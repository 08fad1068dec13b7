//! QUOTE suggestions: every quotation with its speaker, cue, confidence and the reason it was
//! suggested.
//!
//! The speaker comes from the quotation's own attribution (after it, right before it, or in
//! its sentence); failing that, from the quotation before it in the paragraph, from the one
//! that ends the paragraph before (a quotation continued in the next paragraph), or from a
//! reporting verb that ends the paragraph before with a colon. A pronoun, a bare surname or a
//! description ("the senator") is named through the article's [`People`]. A quotation under
//! four words is suggested only when a speaker is found, so titles and scare quotes are left
//! alone.

use crate::model::segment::sentence_at;
use crate::model::suggest::attribution::{
    after_quotation, before_quotation, participle, Attribution,
};
use crate::model::suggest::context::Previous;
use crate::model::suggest::cues::{listed, REPORTING_VERBS};
use crate::model::suggest::grammar::{DETERMINERS, NOT_SUBJECTS, PRONOUNS};
use crate::model::suggest::people::People;
use crate::model::suggest::phrases::{phrase_before, sentence_subject};
use crate::model::suggest::quotes::{quotations, Quotation};
use crate::model::suggest::titles::is_title;
use crate::model::suggest::words::Token;
use crate::model::suggest::{Suggestion, Text};
use crate::model::{Label, Span};

/// Shortest quotation, in words, suggested without a speaker found for it.
const MIN_UNATTRIBUTED_WORDS: usize = 4;
/// How far back (code points) a pronoun looks for someone named who has not spoken.
const PRONOUN_REACH: usize = 1500;

/// How a quotation's attribution was found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Found {
    /// A reporting verb right after the closing mark.
    After,
    /// A reporting verb right before the opening mark.
    Before,
    /// A reporting verb elsewhere in the sentence.
    InSentence,
    /// A reporting verb ending the paragraph before, with a colon.
    Colon,
    /// No reporting verb: a phrase quoted inside a sentence with a named subject ("Vale
    /// called the plan a “stunt”", "Pike condemned the vote as “reckless”").
    Subject,
    /// No attribution of its own, opening a sentence after one with a speaker ("…, Vale
    /// said. “…”", "Vale, her partner, called him a genius. “…”").
    SentenceBefore,
}

impl Text<'_> {
    /// QUOTE suggestions, with speakers, cues, confidences and reasons.
    pub(super) fn quotes(&self) -> Vec<Suggestion> {
        let people = People::build(self.tokens);
        let mut out = Vec::new();
        // Who has spoken so far (named by a quotation's attribution or as the subject of a
        // reporting verb), with where.
        let mut speakers = self.mentions();
        let mut previous: Option<Previous> = None;
        for q in quotations(self.article) {
            let span = q.outer();
            let (open_p, close_p) = (self.paragraph_of(q.open), self.paragraph_of(q.close));
            let paragraph = self.article.paragraphs().get(close_p).map(|p| p.span);
            let words = self.words_in(q.inner());
            if self.names_a_work(&q, open_p, close_p, words) {
                continue;
            }
            let found = self.attribution(&q, open_p, close_p);
            let heard = &speakers[..speakers.partition_point(|(at, _)| *at < q.open)];
            let (speaker, confidence, reason) = match found {
                Some((how, a)) => self.name_speaker(&people, heard, &q, how, a),
                None => {
                    let continued = self.continued(&previous, &q, open_p, words);
                    let before = continued
                        .0
                        .is_empty()
                        .then(|| self.sentence_before(&q, open_p))
                        .flatten()
                        .map(|a| self.name_speaker(&people, heard, &q, Found::SentenceBefore, a))
                        .filter(|(speaker, _, _)| !speaker.is_empty());
                    before.unwrap_or(continued)
                }
            };
            if words < MIN_UNATTRIBUTED_WORDS && speaker.is_empty() {
                continue;
            }
            if let Some(turns) = self.turns(&q, open_p, close_p) {
                let mut speaker = speaker;
                for turn in turns {
                    let (confidence, reason) = match &turn.label {
                        Some(label) => {
                            speaker = people.full_name(label).unwrap_or_else(|| label.clone());
                            (
                                85,
                                format!("Turn of a quoted transcript opened by “{label}:”"),
                            )
                        }
                        None => (
                            75,
                            "Turn of a quoted transcript, same speaker as the turn before"
                                .to_string(),
                        ),
                    };
                    out.push(Suggestion {
                        label: Label::Quote,
                        span: turn.span,
                        speaker: speaker.clone(),
                        cue: String::new(),
                        confidence,
                        reason,
                    });
                }
                previous = Some(Previous {
                    paragraph: close_p,
                    ends_paragraph: paragraph.is_some_and(|p| self.only_space(span.end, p.end)),
                    speaker,
                });
                continue;
            }
            if !speaker.is_empty() && is_name(&speaker) {
                // After those at the same place, as a stable sort would put it.
                let at = speakers.partition_point(|(at, _)| *at <= q.close);
                speakers.insert(at, (q.close, speaker.clone()));
            }
            previous = Some(Previous {
                paragraph: close_p,
                ends_paragraph: paragraph.is_some_and(|p| self.only_space(span.end, p.end)),
                speaker: speaker.clone(),
            });
            out.push(Suggestion {
                label: Label::Quote,
                span,
                speaker,
                cue: found
                    .filter(|(how, a)| *how != Found::Subject && a.speaker != Some(a.cue))
                    .map(|(_, a)| self.slice(a.cue))
                    .unwrap_or_default(),
                confidence,
                reason,
            });
        }
        out
    }

    /// Whether the text between `from` and `to` is only whitespace and punctuation.
    pub(super) fn only_space(&self, from: usize, to: usize) -> bool {
        from >= to
            || self
                .slice(Span::new(from, to))
                .chars()
                .all(|c| !c.is_alphanumeric())
    }

    /// The quotation's own attribution, and how it was found.
    fn attribution(
        &self,
        q: &Quotation,
        open_p: usize,
        close_p: usize,
    ) -> Option<(Found, Attribution)> {
        let span = q.outer();
        let paragraph_end = self
            .article
            .paragraphs()
            .get(close_p)
            .map_or(span.end, |p| p.span.end);
        let after = self.tokens_in(close_p, Span::new(span.end, paragraph_end));
        let sentence_start = sentence_at(self.sentences, q.open)
            .and_then(|i| self.sentences.get(i))
            .filter(|s| s.start <= q.open)
            .map_or(q.open, |s| s.start);
        let before = self.tokens_in(open_p, Span::new(sentence_start, q.open));
        // “… the end.” Then a new sentence: the words after it are not its attribution.
        let full_stop = self
            .tokens_in(close_p, Span::new(q.open, q.close))
            .last()
            .is_some_and(|t| t.is("."));
        let new_sentence = full_stop && after.first().is_some_and(Token::is_capitalized);
        if let Some(a) = after_quotation(after).filter(|_| !new_sentence) {
            return Some((Found::After, a));
        }
        // "Even Norland, its closest partner, said it was “alarmed”", "Mara Quill … dismissed the offer
        // and said it was “…”": the sentence's subject when the verb's own phrase is no name.
        // "The council … to what it called “…”": "it" and "they" are the sentence's subject too.
        let impersonal = |s: Span| {
            before
                .iter()
                .find(|t| t.span == s)
                .is_some_and(|t| matches!(t.lower.as_str(), "it" | "they"))
        };
        let with_subject = |a: Attribution| Attribution {
            speaker: match a.speaker {
                Some(s) if !impersonal(s) => Some(s),
                speaker => sentence_subject(before).or(speaker),
            },
            ..a
        };
        if let Some(a) = before_quotation(before, false) {
            return Some((Found::Before, with_subject(a)));
        }
        if let Some(a) = before_quotation(before, true).or_else(|| participle(before)) {
            return Some((Found::InSentence, with_subject(a)));
        }
        let inside = before.iter().any(Token::is_word);
        if inside && !is_title(&self.slice(q.inner())) {
            if let Some(subject) = sentence_subject(before) {
                let attribution = Attribution {
                    speaker: Some(subject),
                    cue: subject,
                };
                return Some((Found::Subject, attribution));
            }
        }
        // "Jane Doe said:" ending the paragraph before one that opens with the quotation.
        let starts_paragraph = before.iter().all(|t| !t.is_word());
        let previous = open_p.checked_sub(1).and_then(|p| self.tokens.get(p))?;
        let colon = previous.last().is_some_and(|t| t.is(":"));
        (starts_paragraph && colon)
            .then(|| before_quotation(previous, false))
            .flatten()
            .map(|a| (Found::Colon, a))
    }

    /// The speaker named by an attribution, resolved through `people`; its confidence and
    /// reason.
    fn name_speaker(
        &self,
        people: &People,
        heard: &[(usize, String)],
        q: &Quotation,
        how: Found,
        a: Attribution,
    ) -> (String, u8, String) {
        let cue = self.slice(a.cue);
        let (base, place) = match how {
            Found::After => (95, format!("“{cue}” right after it")),
            Found::Before => (90, format!("“{cue}” right before it")),
            Found::InSentence => (80, format!("“{cue}” in its sentence")),
            Found::Colon => (80, format!("“{cue}:” ending the paragraph before")),
            Found::Subject => (60, "a named subject and no reporting verb".to_string()),
            Found::SentenceBefore if a.speaker == Some(a.cue) => (
                60,
                "no attribution, after a sentence about its speaker".to_string(),
            ),
            Found::SentenceBefore => (65, format!("“{cue}” in the sentence before")),
        };
        let Some(named) = a.speaker.map(|s| self.slice(s)).filter(|s| is_speaker(s)) else {
            return (
                String::new(),
                base - 20,
                format!("Quotation with {place}; no speaker found"),
            );
        };
        let lower = named.to_lowercase();
        if listed(PRONOUNS, &lower) {
            let resolved = people.pronoun(&lower, q.open, heard, PRONOUN_REACH);
            let fuller = |n: String| {
                let full = people.full_name(&n);
                let more = |f: &String| f.split_whitespace().count() > n.split_whitespace().count();
                full.filter(more).unwrap_or(n)
            };
            return match resolved.map(fuller) {
                Some(name) => (
                    name.clone(),
                    base - 10,
                    format!("Quotation with {place}; “{named}” taken as {name}"),
                ),
                None => (
                    named.clone(),
                    base - 20,
                    format!("Quotation with {place}; “{named}” not resolved"),
                ),
            };
        }
        let first = lower.split_whitespace().next().unwrap_or_default();
        if listed(DETERMINERS, first) {
            if let Some(name) = people.described(&named, q.open) {
                // Both, so the annotator sees who the description was taken for.
                return (
                    format!("{name}, {named}"),
                    base - 10,
                    format!("Quotation with {place}; “{named}” taken as {name}"),
                );
            }
            return (named, base - 5, format!("Quotation with {place}"));
        }
        let full = people
            .full_name(&named)
            .filter(|f| f.split_whitespace().count() > named.split_whitespace().count());
        match full {
            Some(full) if !named.contains(&full) => (
                full.clone(),
                base,
                format!("Quotation with {place}; “{named}” is {full}"),
            ),
            _ => (named, base, format!("Quotation with {place}")),
        }
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
}

/// Whether `phrase` can be a speaker: it does not start with a word that cannot begin a noun
/// phrase ("to sharply cut", "about a delay") nor end in a function word ("a series
/// of").
fn is_speaker(phrase: &str) -> bool {
    let words: Vec<String> = phrase.split_whitespace().map(str::to_lowercase).collect();
    let (Some(first), Some(last)) = (words.first(), words.last()) else {
        return false;
    };
    if !phrase.chars().any(char::is_alphabetic) {
        return false;
    }
    let dangling = words.len() > 1
        && (listed(NOT_SUBJECTS, last) || listed(DETERMINERS, last) || last.ends_with(','));
    !listed(NOT_SUBJECTS, first) && !dangling
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
    use crate::model::segment::sentences;
    use crate::model::suggest::suggest;
    use crate::model::suggest::test_support::{body, pair, quotes};

    #[test]
    fn appositions_titles_and_party_labels() {
        assert_eq!(
            quotes(&[
                "The mayor’s chief of staff, Dana Wells, said the plan was “dead on arrival.”"
            ]),
            vec![pair("“dead on arrival.”", "Dana Wells")]
        );
        assert_eq!(
            quotes(&["“The count is wrong,” Rep. Jane Orr (D-Ore.) said on Friday."]),
            vec![pair("“The count is wrong,”", "Rep. Jane Orr")]
        );
        assert_eq!(
            quotes(&["“We will appeal the ruling,” Tomas Reyes, the city’s chief lawyer, said."]),
            vec![pair("“We will appeal the ruling,”", "Tomas Reyes")]
        );
        assert_eq!(
            quotes(&[
                "Mara Quill, the union’s lawyer, dismissed the offer and said it was “an insult.”"
            ]),
            vec![pair("“an insult.”", "Mara Quill")]
        );
        assert_eq!(
            quotes(&["''Nobody told us about the audit,'' Mr. Paul T. Graves said."]),
            vec![pair(
                "''Nobody told us about the audit,''",
                "Mr. Paul T. Graves"
            )]
        );
    }

    #[test]
    fn pronouns_and_descriptions_name_the_person_named_earlier() {
        assert_eq!(
            quotes(&[
                "Sen. Ruth Alder toured the dam on Tuesday. She spoke to engineers there.",
                "“The repairs cannot wait another winter,” she said.",
                "“We have the money for it,” the senator added.",
            ]),
            vec![
                pair("“The repairs cannot wait another winter,”", "Ruth Alder"),
                pair("“We have the money for it,”", "Ruth Alder, the senator"),
            ]
        );
        // A surname becomes the full name the article uses.
        assert_eq!(
            quotes(&[
                "Lena Brandt chairs the board.",
                "“The vote will be held in spring,” Brandt said.",
            ]),
            vec![pair("“The vote will be held in spring,”", "Lena Brandt")]
        );
    }

    #[test]
    fn speakers_before_a_colon_and_continued_quotations() {
        assert_eq!(
            quotes(&[
                "The harbour master, Ines Vale, told reporters:",
                "“The channel will stay closed until the wreck is lifted.”",
            ]),
            vec![pair(
                "“The channel will stay closed until the wreck is lifted.”",
                "Ines Vale"
            )]
        );
        assert_eq!(
            quotes(&[
                "“We checked every pump in the station,” said Omar Fitch, the engineer.",
                "“None of them had been serviced since the flood two years ago.”",
            ]),
            vec![
                pair("“We checked every pump in the station,”", "Omar Fitch"),
                pair(
                    "“None of them had been serviced since the flood two years ago.”",
                    "Omar Fitch"
                ),
            ]
        );
    }

    #[test]
    fn organisations_and_documents_speak_too() {
        assert_eq!(
            quotes(&["The memo said the plant posed “no immediate risk to residents.”"]),
            vec![pair("“no immediate risk to residents.”", "The memo")]
        );
        assert_eq!(
            quotes(&["A federal audit described the scheme as “a shell game.”"]),
            vec![pair("“a shell game.”", "A federal audit")]
        );
        assert_eq!(
            quotes(&["“Delete this thread before Monday,” the leaked emails say."]),
            vec![pair(
                "“Delete this thread before Monday,”",
                "the leaked emails"
            )]
        );
    }

    #[test]
    fn never_a_fragment_of_the_sentence() {
        let found = quotes(&[
            "Kate Moss-Irwin spoke first. Democratic senators said little, and then she said the bill was “a mistake.”",
            "He warned that calling it a mistake would be “a gift to the other side.”",
            "The report was published. Critics, often, said it was “rushed.”",
        ]);
        for (_, speaker) in &found {
            for fragment in [
                "Democratic senators she",
                "that calling",
                "often",
                "Critics, often",
            ] {
                assert!(!speaker.contains(fragment), "{speaker}");
            }
        }
    }

    #[test]
    fn short_phrases_with_a_speaker_are_quotations_scare_quotes_and_titles_are_not() {
        assert_eq!(
            quotes(&[
                "Governor Ada Pike called the inquiry a “witch hunt.”",
                "The so-called “reform” passed. The film “Dust” opens today. An album called “Tides” is out.",
            ]),
            vec![pair("“witch hunt.”", "Governor Ada Pike")]
        );
    }

    #[test]
    fn every_quotation_has_a_confidence_and_a_reason() {
        let article =
            body(&["“The river is clean,” the mayor said. “We tested it every week for a year.”"]);
        let found = suggest(&article, &sentences(&article));
        assert!(!found.is_empty());
        for s in &found {
            assert!(s.confidence > 0 && s.confidence <= 100, "{s:?}");
            assert!(!s.reason.is_empty(), "{s:?}");
        }
        let first = &found[0];
        assert_eq!(first.reason, "Quotation with “said” right after it");
        assert!(first.confidence > found[1].confidence);
    }
}
