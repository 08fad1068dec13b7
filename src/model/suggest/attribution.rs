//! Who said it, and the reporting verb: the speaker and cue of a quotation or an allegation,
//! read from the words around it ("…,” the minister said", "said Jane Doe, the minister",
//! "Tom Becker told reporters: “…”", "according to the ministry").

use crate::model::suggest::cues::{
    listed, AUXILIARIES, DETERMINERS, GERMAN_DETERMINERS, PHRASE_BREAKS, PRONOUNS,
    RELATIVE_PRONOUNS, REPORTING_VERBS, SOURCE_PHRASES,
};
use crate::model::suggest::words::Token;
use crate::model::Span;

/// The speaker and cue found for a claim.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Attribution {
    /// The speaker's noun phrase, if one was found.
    pub speaker: Option<Span>,
    /// The reporting verb or source phrase.
    pub cue: Span,
}

/// The most tokens a speaker's noun phrase takes.
const MAX_PHRASE: usize = 8;
/// How far after a quotation the reporting verb may come, in tokens.
const AFTER_REACH: usize = 8;
/// How close before a quotation the reporting verb must be, for a quotation of any length.
const BEFORE_REACH: usize = 4;

/// The span covering `tokens[from..to]`.
pub fn covering(tokens: &[Token], from: usize, to: usize) -> Option<Span> {
    let first = tokens.get(from)?;
    let last = tokens.get(to.checked_sub(1)?)?;
    (from < to).then(|| Span::new(first.span.start, last.span.end))
}

/// Whether the token ends a clause a quotation's attribution can lie in.
fn ends_window(t: &Token) -> bool {
    matches!(t.text.as_str(), "." | "!" | "?" | ";" | "…" | "(" | ")")
        || t.text.chars().all(|c| "“”„«»‹›‘’\"'「」『』".contains(c))
}

/// The attribution in the words right after a quotation's closing mark.
pub fn after_quotation(tokens: &[Token]) -> Option<Attribution> {
    let lead = tokens
        .iter()
        .take_while(|t| matches!(t.text.as_str(), "," | "—" | "–" | "-" | ":"))
        .count();
    let rest = &tokens[lead..];
    let end = rest.iter().position(ends_window).unwrap_or(rest.len());
    let window = &rest[..end];
    let verb_at = window
        .iter()
        .take_while(|t| listed(AUXILIARIES, &t.lower))
        .count();
    if let Some(n) = REPORTING_VERBS
        .at(window, verb_at)
        .or_else(|| SOURCE_PHRASES.at(window, verb_at))
    {
        return Some(Attribution {
            speaker: phrase_after(window, verb_at + n),
            cue: covering(window, verb_at, verb_at + n)?,
        });
    }
    (1..window.len().min(AFTER_REACH)).find_map(|v| {
        let n = REPORTING_VERBS.at(window, v)?;
        Some(Attribution {
            speaker: Some(phrase_before(window, v)?),
            cue: covering(window, v, v + n)?,
        })
    })
}

/// The attribution in the words of the sentence before a quotation's opening mark: a
/// reporting verb right before it ("Jane Doe said: “…”"), or, with `anywhere`, anywhere in the
/// sentence ("…said the claims were “false”").
pub fn before_quotation(tokens: &[Token], anywhere: bool) -> Option<Attribution> {
    let start = tokens.iter().rposition(ends_window).map_or(0, |i| i + 1);
    let window = &tokens[start..];
    let reach = if anywhere { window.len() } else { BEFORE_REACH };
    (window.len().saturating_sub(reach)..window.len())
        .rev()
        .find_map(|v| {
            if let Some(n) = SOURCE_PHRASES.at(window, v) {
                return Some(Attribution {
                    speaker: phrase_after(window, v + n),
                    cue: covering(window, v, v + n)?,
                });
            }
            let n = REPORTING_VERBS.at(window, v)?;
            // "said Jane Doe: “…”": a phrase after the verb only when it runs up to the mark.
            let next_to_mark = |span: &Span| {
                window
                    .iter()
                    .skip_while(|t| t.span.end <= span.end)
                    .all(|t| !t.is_word())
            };
            let speaker = phrase_before(window, v)
                .or_else(|| phrase_after(window, v + n).filter(next_to_mark));
            Some(Attribution {
                speaker,
                cue: covering(window, v, v + n)?,
            })
        })
}

/// Whether `t` can sit inside a name or phrase between two words: J. Smith, al-Assad,
/// Supporters’ groups.
fn joins_words(t: &Token) -> bool {
    matches!(t.text.as_str(), "-" | "." | "’" | "'")
}

/// The noun phrase starting at `tokens[i]`: a pronoun, a name, or a phrase up to a comma or a
/// word such as "in", "on", "who"; an apposition after a comma is preferred when it is a name
/// ("the delegate from Kenya, Amina Mwangi").
pub fn phrase_after(tokens: &[Token], i: usize) -> Option<Span> {
    let first = tokens.get(i).filter(|t| t.is_word())?;
    if listed(PRONOUNS, &first.lower) {
        return covering(tokens, i, i + 1);
    }
    let german = listed(GERMAN_DETERMINERS, &first.lower);
    let mut j = i;
    let mut nouns = 0;
    while let Some(t) = tokens.get(j) {
        if j - i >= MAX_PHRASE {
            break;
        }
        if t.is_word() {
            let breaks = j > i
                && (listed(PHRASE_BREAKS, &t.lower) || REPORTING_VERBS.at(tokens, j).is_some());
            if breaks || (german && nouns > 0) {
                break;
            }
            nouns += usize::from(j > i && t.is_capitalized());
            j += 1;
        } else if joins_words(t) && j > i && tokens.get(j + 1).is_some_and(Token::is_word) {
            j += 1;
        } else {
            break;
        }
    }
    let named = first.is_capitalized() && !listed(DETERMINERS, &first.lower);
    if !named && tokens.get(j).is_some_and(|t| t.is(",")) {
        let end = name_end(tokens, j + 1);
        let closes = tokens.get(end).is_none_or(|t| !t.is_word());
        if end > j + 1 && closes {
            return covering(tokens, j + 1, end);
        }
    }
    covering(tokens, i, j)
}

/// Where the capitalised name starting at `tokens[i]` ends ("Amina Mwangi", "Mark van Dijk").
fn name_end(tokens: &[Token], i: usize) -> usize {
    let mut j = i;
    while let Some(t) = tokens.get(j) {
        let connector = j > i
            && matches!(
                t.lower.as_str(),
                "de" | "van" | "von" | "al" | "bin" | "del" | "da"
            );
        let word = t.is_word() && (t.is_capitalized() || connector);
        let joint = joins_words(t) && j > i && tokens.get(j + 1).is_some_and(Token::is_capitalized);
        if !(word || joint) {
            break;
        }
        j += 1;
    }
    j
}

/// The noun phrase ending right before `tokens[v]` (a verb), skipping auxiliaries ("she has
/// said"): back to a determiner, a comma or a word such as "and"; a name between commas is
/// taken alone ("the witness, Mark Ellis, told").
pub fn phrase_before(tokens: &[Token], v: usize) -> Option<Span> {
    let mut end = v;
    while end > 0 && listed(AUXILIARIES, &tokens[end - 1].lower) && end - 1 > 0 {
        end -= 1;
    }
    if end > 1 && tokens[end - 1].is(",") {
        return phrase_before_aside(tokens, end - 1);
    }
    let mut start = end;
    while start > 0 && end - start < MAX_PHRASE {
        let t = &tokens[start - 1];
        let joined = joins_words(t) && start > 1 && tokens[start - 2].is_word();
        if !(t.is_word() || joined) || listed(PHRASE_BREAKS, &t.lower) {
            break;
        }
        start -= 1;
        if listed(DETERMINERS, &t.lower) {
            break;
        }
    }
    let only_determiner = end - start == 1 && listed(DETERMINERS, &tokens[start].lower);
    if only_determiner {
        return None;
    }
    covering(tokens, start, end)
}

/// The speaker before an aside that ends with the comma at `tokens[comma]`: the name between
/// two commas ("the witness, Mark Ellis, told"), or the phrase before a relative clause
/// ("Jonas Hallberg, who leads the opposition, alleged").
fn phrase_before_aside(tokens: &[Token], comma: usize) -> Option<Span> {
    let opening = tokens[..comma].iter().rposition(|t| t.is(","));
    let aside_start = opening.map_or(0, |c| c + 1);
    let relative = tokens
        .get(aside_start)
        .is_some_and(|t| listed(RELATIVE_PRONOUNS, &t.lower));
    match opening {
        Some(c) if relative => phrase_before(tokens, c),
        _ => {
            let name = &tokens[aside_start..comma];
            let all_name =
                !name.is_empty() && name.iter().all(|t| t.is_capitalized() || joins_words(t));
            (all_name && opening.is_some()).then(|| covering(tokens, aside_start, comma))?
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::suggest::words::tokenize;

    /// The text of `span` in `text` (which starts at code point 0).
    fn text_of(text: &str, span: Option<Span>) -> String {
        span.map(|s| text.chars().skip(s.start).take(s.len()).collect())
            .unwrap_or_default()
    }

    fn after(text: &str) -> (String, String) {
        let tokens = tokenize(text, 0);
        let found = after_quotation(&tokens);
        (
            text_of(text, found.and_then(|a| a.speaker)),
            text_of(text, found.map(|a| a.cue)),
        )
    }

    fn before(text: &str, anywhere: bool) -> (String, String) {
        let tokens = tokenize(text, 0);
        let found = before_quotation(&tokens, anywhere);
        (
            text_of(text, found.and_then(|a| a.speaker)),
            text_of(text, found.map(|a| a.cue)),
        )
    }

    fn pair(speaker: &str, cue: &str) -> (String, String) {
        (speaker.to_string(), cue.to_string())
    }

    #[test]
    fn speaker_after_the_quotation() {
        assert_eq!(after(", the minister said."), pair("the minister", "said"));
        assert_eq!(after(", she told reporters."), pair("she", "told"));
        assert_eq!(
            after(", said Jane Doe, the finance minister."),
            pair("Jane Doe", "said")
        );
        assert_eq!(
            after(", said the delegate from Kenya, Amina Mwangi."),
            pair("Amina Mwangi", "said")
        );
        assert_eq!(
            after(", the witness, Mark Ellis, told the court."),
            pair("Mark Ellis", "told")
        );
        assert_eq!(
            after(", according to the ministry."),
            pair("the ministry", "according to")
        );
        assert_eq!(
            after(", a déclaré le ministre du Travail lundi."),
            pair("le ministre du Travail", "déclaré")
        );
        assert_eq!(
            after(", sagte Innenministerin Karin Vogt am Mittwoch."),
            pair("Innenministerin Karin Vogt", "sagte")
        );
        assert_eq!(
            after(", — заявил министр финансов Антон Силуанов."),
            pair("министр финансов Антон Силуанов", "заявил")
        );
        assert_eq!(after(" and then the rain came."), pair("", ""));
    }

    #[test]
    fn every_reporting_verb_attributes_a_quotation() {
        for verb in REPORTING_VERBS.entries() {
            assert_eq!(
                after(&format!(", the mayor {verb}.")),
                pair("the mayor", verb)
            );
            assert_eq!(
                before(&format!("Jane Doe {verb}: "), false),
                pair("Jane Doe", verb)
            );
        }
    }

    #[test]
    fn speaker_before_the_quotation() {
        assert_eq!(
            before("Union leader Tom Becker told reporters: ", false),
            pair("Union leader Tom Becker", "told")
        );
        assert_eq!(
            before("Health secretary Laura Kim said, ", false),
            pair("Health secretary Laura Kim", "said")
        );
        assert_eq!(
            before(
                "Its chief executive, Daniel Okafor, said the claims were ",
                true
            ),
            pair("Daniel Okafor", "said")
        );
        assert_eq!(
            before(
                "Its chief executive, Daniel Okafor, said the claims made by the board were ",
                false
            ),
            pair("", "")
        );
        assert_eq!(before("The album, called ", true), pair("", ""));
    }
}
