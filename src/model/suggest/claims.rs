//! Sentences that are ALLEGATIONs (an accusation or unproven claim, with who makes it when the
//! sentence says) or FACTs (checkable specifics: figures, money, dates, records; not opinions),
//! and the checkable clause of an attributed sentence ("…,” he noted, with turnover reaching
//! $21.4 billion last year"), which is a FACT too.

use crate::model::suggest::attribution::{covering, Attribution};
use crate::model::suggest::cues::{
    listed, Lexicon, ALLEGING_VERBS, HEDGES, OPINION_WORDS, REPORTING_VERBS, SOURCE_PHRASES,
    SPECIFIC_SIGNS, SPECIFIC_WORDS,
};
use crate::model::suggest::grammar::{DETERMINERS, PASSIVE};
use crate::model::suggest::phrases::{phrase_after, phrase_before};
use crate::model::suggest::words::Token;

/// What a sentence is, by its words.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Claim {
    /// An allegation: the cue, and who makes it when the sentence names them; what kind of
    /// cue it is.
    Allegation(AllegationCue, CueKind),
    /// A checkable statement of fact.
    Fact,
}

/// What kind of word makes a sentence an allegation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CueKind {
    /// "according to", "selon".
    Source,
    /// "alleged", "accused".
    Verb,
    /// "reportedly", "is said to".
    Hedge,
}

/// The cue of an allegation, and its speaker when there is one.
pub type AllegationCue = Attribution;

/// What the sentence made of `tokens` claims, if anything.
pub fn classify(tokens: &[Token]) -> Option<Claim> {
    if let Some((cue, kind)) = allegation(tokens) {
        return Some(Claim::Allegation(cue, kind));
    }
    is_fact(tokens).then_some(Claim::Fact)
}

/// The allegation cue of a sentence: a source phrase ("according to X"), an alleging verb ("X
/// alleged", "X accused Y of"), or a hedge ("reportedly", "is said to").
fn allegation(tokens: &[Token]) -> Option<(AllegationCue, CueKind)> {
    let find = |list: &Lexicon| (0..tokens.len()).find_map(|i| Some((i, list.at(tokens, i)?)));
    if let Some((i, n)) = find(&SOURCE_PHRASES) {
        let cue = Attribution {
            speaker: phrase_after(tokens, i + n),
            cue: covering(tokens, i, i + n)?,
        };
        return Some((cue, CueKind::Source));
    }
    if let Some((i, n)) = find(&ALLEGING_VERBS) {
        // "the alleged fraud": an adjective; "has been accused": passive. Neither names who
        // makes the allegation.
        let before = i.checked_sub(1).map(|j| tokens[j].lower.as_str());
        let unnamed = before.is_some_and(|w| listed(DETERMINERS, w) || listed(PASSIVE, w));
        let cue = Attribution {
            speaker: if unnamed {
                None
            } else {
                phrase_before(tokens, i)
            },
            cue: covering(tokens, i, i + n)?,
        };
        return Some((cue, CueKind::Verb));
    }
    let (i, n) = find(&HEDGES)?;
    let cue = Attribution {
        speaker: None,
        cue: covering(tokens, i, i + n)?,
    };
    Some((cue, CueKind::Hedge))
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
        specific = specific || is_specific(tokens, i);
    }
    specific
}

/// Whether `tokens[i]` is a figure, an amount, a date or a record word.
pub fn is_specific(tokens: &[Token], i: usize) -> bool {
    tokens[i]
        .text
        .chars()
        .any(|c| c.is_ascii_digit() || SPECIFIC_SIGNS.contains(c))
        || SPECIFIC_WORDS.at(tokens, i).is_some()
}

/// The fewest words a checkable clause of an attributed sentence has.
const MIN_CLAUSE_WORDS: usize = 4;

/// The checkable clause of an attributed sentence (or one with a quotation), as a range of
/// `tokens`, with the index of its first specific token: the stretch between commas, dashes,
/// colons and quotation marks that holds a figure, without the reporting verb and what comes
/// before it; `None` in a question or when the clause is an opinion.
pub fn checkable_clause(tokens: &[Token]) -> Option<(usize, usize, usize)> {
    if tokens
        .last()
        .is_some_and(|t| matches!(t.text.as_str(), "?" | "!"))
    {
        return None;
    }
    let boundary = |t: &Token| {
        matches!(
            t.text.as_str(),
            "," | ";" | ":" | "—" | "–" | "(" | ")" | "." | "!" | "?"
        ) || t.text.chars().all(|c| "“”„«»‹›‘’\"'`".contains(c))
    };
    let mut start = 0;
    while start < tokens.len() {
        let end = (start..tokens.len())
            .find(|&k| boundary(&tokens[k]) && !in_figure(tokens, k))
            .unwrap_or(tokens.len());
        let mut from = start;
        // After the reporting verb and its "that": "he told staff that 1,800 jobs would go".
        if let Some(v) = (start..end)
            .rev()
            .find(|&k| REPORTING_VERBS.at(tokens, k).is_some())
        {
            from = v + REPORTING_VERBS.at(tokens, v).unwrap_or(1);
            let that = (from..end.min(from + 6)).find(|&k| tokens[k].lower == "that");
            from = that.map_or(from, |k| k + 1);
        }
        if tokens.get(end).is_some_and(|t| t.is("?")) {
            start = end + 1;
            continue;
        }
        let clause = &tokens[from.min(end)..end];
        let words = clause.iter().filter(|t| t.is_word()).count();
        let opinion = clause.iter().any(|t| OPINION_WORDS.has(&t.lower));
        // Amounts, counts, records and dates with figures; a weekday or month alone ("on
        // Monday") is not what a fact-checker checks in what someone said.
        let figure = (from..end).find(|&k| is_specific(tokens, k) && !tokens[k].is_capitalized());
        if let Some(f) = figure.filter(|_| words >= MIN_CLAUSE_WORDS && !opinion) {
            return Some((from, end, f));
        }
        start = end + 1;
    }
    None
}

/// Whether the mark at `tokens[k]` belongs to a figure: a comma grouping digits ("16,389")
/// or an inch mark (12").
fn in_figure(tokens: &[Token], k: usize) -> bool {
    let digit = |t: Option<&Token>| t.is_some_and(|t| t.text.chars().all(|c| c.is_ascii_digit()));
    let before = k.checked_sub(1).and_then(|j| tokens.get(j));
    let adjacent = before.is_some_and(|b| b.span.end == tokens[k].span.start);
    match tokens[k].text.as_str() {
        "," => digit(before) && digit(tokens.get(k + 1)),
        "\"" | "”" => digit(before) && adjacent,
        _ => false,
    }
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
            Claim::Allegation(a, _) => (
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

    /// The checkable clause of `text`, if any.
    fn clause(text: &str) -> Option<String> {
        let tokens = tokenize(text, 0);
        let (from, to, _) = checkable_clause(&tokens)?;
        let span = Span::new(tokens[from].span.start, tokens[to - 1].span.end);
        Some(text.chars().skip(span.start).take(span.len()).collect())
    }

    #[test]
    fn figures_stated_by_a_speaker_are_checkable() {
        assert_eq!(
            clause("“Ties are strong,” the envoy noted, with exports reaching some $3.2 billion in the first half of the year."),
            Some("with exports reaching some $3.2 billion in the first half of the year".into())
        );
        assert_eq!(
            clause("The minister said that 14,500 homes were built in 2023."),
            Some("14,500 homes were built in 2023".into())
        );
        assert_eq!(clause("“We must cut the 5% tax,” she said."), None);
        assert_eq!(clause("Did he really say 40 percent?"), None);
        assert_eq!(clause("“We won,” she said on Monday."), None);
    }
}
