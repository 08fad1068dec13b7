//! Sentences that are ALLEGATIONs (an accusation or unproven claim, with who makes it when the
//! sentence says) or FACTs (checkable specifics: figures, money, dates, records; not opinions
//! and not attributed statements).

use crate::model::suggest::attribution::{covering, phrase_after, phrase_before, Attribution};
use crate::model::suggest::cues::{
    listed, Lexicon, ALLEGING_VERBS, DETERMINERS, HEDGES, OPINION_WORDS, PASSIVE, REPORTING_VERBS,
    SOURCE_PHRASES, SPECIFIC_SIGNS, SPECIFIC_WORDS,
};
use crate::model::suggest::words::Token;

/// What a sentence is, by its words.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Claim {
    /// An allegation: the cue, and who makes it when the sentence names them.
    Allegation(AllegationCue),
    /// A checkable statement of fact.
    Fact,
}

/// The cue of an allegation, and its speaker when there is one.
pub type AllegationCue = Attribution;

/// What the sentence made of `tokens` claims, if anything.
pub fn classify(tokens: &[Token]) -> Option<Claim> {
    if let Some(cue) = allegation(tokens) {
        return Some(Claim::Allegation(cue));
    }
    is_fact(tokens).then_some(Claim::Fact)
}

/// The allegation cue of a sentence: a source phrase ("according to X"), an alleging verb ("X
/// alleged", "X accused Y of"), or a hedge ("reportedly", "is said to").
fn allegation(tokens: &[Token]) -> Option<AllegationCue> {
    let find = |list: &Lexicon| (0..tokens.len()).find_map(|i| Some((i, list.at(tokens, i)?)));
    if let Some((i, n)) = find(&SOURCE_PHRASES) {
        return Some(Attribution {
            speaker: phrase_after(tokens, i + n),
            cue: covering(tokens, i, i + n)?,
        });
    }
    if let Some((i, n)) = find(&ALLEGING_VERBS) {
        // "the alleged fraud": an adjective; "has been accused": passive. Neither names who
        // makes the allegation.
        let before = i.checked_sub(1).map(|j| tokens[j].lower.as_str());
        let unnamed = before.is_some_and(|w| listed(DETERMINERS, w) || listed(PASSIVE, w));
        return Some(Attribution {
            speaker: if unnamed {
                None
            } else {
                phrase_before(tokens, i)
            },
            cue: covering(tokens, i, i + n)?,
        });
    }
    let (i, n) = find(&HEDGES)?;
    Some(Attribution {
        speaker: None,
        cue: covering(tokens, i, i + n)?,
    })
}

/// Whether the sentence states checkable specifics and is neither an opinion, a question nor
/// attributed to someone.
fn is_fact(tokens: &[Token]) -> bool {
    let Some(last) = tokens.last() else {
        return false;
    };
    if matches!(last.text.as_str(), "?" | "!") {
        return false;
    }
    let mut specific = false;
    for (i, t) in tokens.iter().enumerate() {
        if OPINION_WORDS.has(&t.lower) || REPORTING_VERBS.at(tokens, i).is_some() {
            return false;
        }
        specific = specific
            || t.text
                .chars()
                .any(|c| c.is_ascii_digit() || SPECIFIC_SIGNS.contains(c))
            || SPECIFIC_WORDS.at(tokens, i).is_some();
    }
    specific
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::suggest::words::tokenize;
    use crate::model::Span;

    fn classify_text(text: &str) -> Option<(String, String, String)> {
        let slice = |s: Span| text.chars().skip(s.start).take(s.len()).collect::<String>();
        Some(match classify(&tokenize(text, 0))? {
            Claim::Fact => ("FACT".into(), String::new(), String::new()),
            Claim::Allegation(a) => (
                "ALLEGATION".into(),
                a.speaker.map(slice).unwrap_or_default(),
                slice(a.cue),
            ),
        })
    }

    fn allegation(speaker: &str, cue: &str) -> Option<(String, String, String)> {
        Some(("ALLEGATION".into(), speaker.into(), cue.into()))
    }

    #[test]
    fn english_allegation_cues() {
        assert_eq!(
            classify_text("Prosecutors alleged that the funds were moved."),
            allegation("Prosecutors", "alleged")
        );
        assert_eq!(
            classify_text("A former employee has accused the firm of deleting records."),
            allegation("A former employee", "accused")
        );
        assert_eq!(
            classify_text("The mayor claimed that the audit was rigged."),
            allegation("The mayor", "claimed")
        );
        assert_eq!(
            classify_text("Sales fell, according to the ministry."),
            allegation("the ministry", "according to")
        );
        assert_eq!(
            classify_text("There have been allegations that money was diverted."),
            allegation("", "allegations that")
        );
        assert_eq!(
            classify_text("The club reportedly rejected two bids."),
            allegation("", "reportedly")
        );
        assert_eq!(
            classify_text("He is said to have signed a new deal."),
            allegation("", "is said to")
        );
        assert_eq!(
            classify_text("The council has been accused of hiding a report."),
            allegation("", "accused")
        );
        assert_eq!(
            classify_text("The alleged fraud began in spring."),
            allegation("", "alleged")
        );
        assert_eq!(classify_text("The company denied the allegations."), None);
    }

    #[test]
    fn every_entry_of_the_cue_lists_is_recognised() {
        for phrase in SOURCE_PHRASES.entries() {
            assert_eq!(
                classify_text(&format!("{phrase} the ministry, sales fell.")),
                allegation("the ministry", phrase),
                "{phrase}"
            );
        }
        for verb in ALLEGING_VERBS.entries() {
            assert_eq!(
                classify_text(&format!("The mayor {verb} the rival.")),
                allegation("The mayor", verb),
                "{verb}"
            );
        }
        for hedge in HEDGES.entries() {
            assert_eq!(
                classify_text(&format!("The club {hedge} sold it.")),
                allegation("", hedge),
                "{hedge}"
            );
        }
        for word in OPINION_WORDS.entries() {
            assert_eq!(
                classify_text(&format!("Sales {word} rise 5%.")),
                None,
                "{word}"
            );
        }
        for word in SPECIFIC_WORDS.entries() {
            let fact = Some(("FACT".to_string(), String::new(), String::new()));
            assert_eq!(
                classify_text(&format!("Sales rose in {word}.")),
                fact,
                "{word}"
            );
        }
    }

    #[test]
    fn other_languages_allegation_cues() {
        assert_eq!(
            classify_text("Laut der Polizei war der Fahrer betrunken."),
            allegation("der Polizei", "Laut")
        );
        assert_eq!(
            classify_text("Der Minister soll Geld angenommen haben."),
            allegation("", "soll")
        );
        assert_eq!(
            classify_text("Selon le syndicat, la grève continue."),
            allegation("le syndicat", "Selon")
        );
        assert_eq!(
            classify_text("Le ministre aurait menti."),
            allegation("", "aurait")
        );
        assert_eq!(
            classify_text("Según la oposición, el contrato fue ilegal."),
            allegation("la oposición", "Según")
        );
        assert_eq!(
            classify_text("По словам министра, налоги не вырастут."),
            allegation("министра", "По словам")
        );
        assert_eq!(
            classify_text("Он якобы получил взятку."),
            allegation("", "якобы")
        );
    }

    #[test]
    fn facts_are_specific_unattributed_statements() {
        let fact = Some(("FACT".to_string(), String::new(), String::new()));
        assert_eq!(
            classify_text("Inflation fell to 2.1 percent in October."),
            fact
        );
        assert_eq!(classify_text("The bridge cost $48 million."), fact);
        assert_eq!(classify_text("The plant closed on Tuesday."), fact);
        assert_eq!(
            classify_text("Der Umsatz stieg um 30 Millionen Euro."),
            fact
        );
        assert_eq!(classify_text("Turnout was 64%, the council said."), None);
        assert_eq!(classify_text("The council should cut the 5% tax."), None);
        assert_eq!(classify_text("Was turnout really 64%?"), None);
        assert_eq!(classify_text("The weather was lovely."), None);
    }
}
