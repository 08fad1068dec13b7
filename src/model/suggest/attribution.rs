//! Who said it, and the reporting verb: the speaker and cue of a quotation or an allegation,
//! read from the words around it ("…,” the minister said", "said Jane Doe, the minister",
//! "Tom Becker told reporters: “…”", "according to the ministry").

use std::borrow::Cow;

use crate::model::suggest::cues::{listed, REPORTING_VERBS, SOURCE_PHRASES};
use crate::model::suggest::grammar::{
    AUXILIARIES, NAMING_VERBS, NOUN_MARKERS, OBJECT_PRONOUNS, PARTICIPLES, PASSIVE, SUBORDINATORS,
};
use crate::model::suggest::phrases::{
    is_adverb, name_end, phrase_after, phrase_before, MAX_PHRASE,
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

/// How far after a quotation the reporting verb may come, in tokens.
const AFTER_REACH: usize = 14;
/// How close before a quotation the reporting verb must be, for a quotation of any length.
const BEFORE_REACH: usize = 4;

/// The span covering `tokens[from..to]`.
pub fn covering(tokens: &[Token], from: usize, to: usize) -> Option<Span> {
    let first = tokens.get(from)?;
    let last = tokens.get(to.checked_sub(1)?)?;
    (from < to).then(|| Span::new(first.span.start, last.span.end))
}

/// Whether `tokens[i]` ends a clause a quotation's attribution can lie in: a full stop, a
/// semicolon, a quotation mark (not the apostrophe of "the veterans’ families").
fn ends_window(tokens: &[Token], i: usize) -> bool {
    let t = &tokens[i];
    // A full stop before a comma or a word in lower case ends an abbreviation ("Neb., said").
    let abbreviation = t.is(".")
        && tokens
            .get(i + 1)
            .is_some_and(|n| n.is(",") || n.is_word() && !n.is_capitalized());
    matches!(t.text.as_str(), "." | "!" | "?" | ";" | "…") && !abbreviation
        || t.text.chars().all(|c| "“”„«»‹›‘’\"'「」『』".contains(c)) && !possessive(tokens, i)
}

/// Whether `tokens[i]` is the apostrophe of a plural possessive: joined to a word in s, with a
/// word in lower case after it ("the veterans’ families").
fn possessive(tokens: &[Token], i: usize) -> bool {
    let t = &tokens[i];
    let after_s = i
        .checked_sub(1)
        .and_then(|j| tokens.get(j))
        .is_some_and(|p| p.span.end == t.span.start && p.lower.ends_with('s'));
    let word_after = tokens
        .get(i + 1)
        .is_some_and(|n| n.is_word() && !n.is_capitalized() && n.span.start > t.span.end);
    matches!(t.text.as_str(), "’" | "'") && after_s && word_after
}

/// `tokens` without short asides in brackets ("Rep. Jane Doe (D-Ore.) said", "the agency
/// (ICE) said"), so the rules read past them; not copied when there is no bracket.
pub fn without_asides(tokens: &[Token]) -> Cow<'_, [Token]> {
    if !tokens.iter().any(|t| t.is("(")) {
        return Cow::Borrowed(tokens);
    }
    let mut out = Vec::with_capacity(tokens.len());
    let mut i = 0;
    while let Some(t) = tokens.get(i) {
        let close = t.is("(").then(|| {
            tokens[i..]
                .iter()
                .take(MAX_PHRASE + 2)
                .position(|c| c.is(")"))
        });
        match close.flatten() {
            Some(n) => i += n + 1,
            None => {
                out.push(t.clone());
                i += 1;
            }
        }
    }
    Cow::Owned(out)
}

/// The attribution in the words right after a quotation's closing mark.
pub fn after_quotation(tokens: &[Token]) -> Option<Attribution> {
    // Only the clause after the mark is read: the rest of the paragraph is not copied.
    let mut depth = 0_usize;
    let cut = (0..tokens.len())
        .find(|&i| {
            match tokens[i].text.as_str() {
                "(" => depth += 1,
                ")" => depth = depth.saturating_sub(1),
                _ => {}
            }
            depth == 0 && ends_window(tokens, i)
        })
        .unwrap_or(tokens.len());
    let tokens = &without_asides(&tokens[..cut]);
    let lead = tokens
        .iter()
        .take_while(|t| matches!(t.text.as_str(), "," | "—" | "–" | "―" | "-" | ":"))
        .count();
    let rest = &tokens[lead..];
    let end = (0..rest.len())
        .find(|&i| ends_window(rest, i))
        .unwrap_or(rest.len());
    let window = &rest[..end];
    // "“…” — Jane Doe": a dash and a name alone after the quotation, as under a testimonial.
    let dash = tokens[..lead]
        .iter()
        .find(|t| matches!(t.text.as_str(), "—" | "–" | "―"));
    if let Some(dash) = dash {
        let name = name_end(window, 0);
        if name > 0 && name == window.len() {
            return Some(Attribution {
                speaker: covering(window, 0, name),
                cue: dash.span,
            });
        }
    }
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
    // Not a verb in a clause of its own: "“…” when he said".
    let clause = window
        .iter()
        .position(|t| listed(SUBORDINATORS, &t.lower))
        .unwrap_or(window.len());
    (1..window.len().min(AFTER_REACH).min(clause))
        .find_map(|v| {
            let n = REPORTING_VERBS.at(window, v)?;
            Some(Attribution {
                speaker: Some(phrase_before(window, v)?),
                cue: covering(window, v, v + n)?,
            })
        })
        .or_else(|| long_apposition(window))
}

/// "Jane Doe, the director of … and a professor at …, one of …, said": a name, then asides
/// however long, then the reporting verb right after a comma.
fn long_apposition(window: &[Token]) -> Option<Attribution> {
    let name = name_end(window, 0);
    if name == 0 || !window.get(name).is_some_and(|t| t.is(",")) {
        return None;
    }
    let v = (name + 1..window.len())
        .find(|&v| window[v - 1].is(",") && REPORTING_VERBS.at(window, v).is_some())?;
    let n = REPORTING_VERBS.at(window, v)?;
    Some(Attribution {
        speaker: covering(window, 0, name),
        cue: covering(window, v, v + n)?,
    })
}

/// Whether the reporting verb's form at `window[v]` is used as a noun or an adjective, after a
/// determiner ("those reports", "a swiftly called meeting"), or is passive ("was told"), so
/// the phrase before it is no speaker.
fn noun_use(window: &[Token], v: usize) -> bool {
    let before = window[..v].iter().rev().find(|t| !is_adverb(t));
    before.is_some_and(|t| listed(NOUN_MARKERS, &t.lower) || listed(PASSIVE, &t.lower))
}

/// A reporting participle after a comma in the words before a quotation ("Vale walked on,
/// chanting “…”", "The group wrote to the mayor, saying its “…”"): its speaker is the
/// sentence's subject, so only the cue is given here.
pub fn participle(tokens: &[Token]) -> Option<Attribution> {
    let start = (0..tokens.len())
        .rfind(|&i| ends_window(tokens, i))
        .map_or(0, |i| i + 1);
    let k = (start + 1..tokens.len())
        .rev()
        .find(|&k| tokens[k - 1].is(",") && listed(PARTICIPLES, &tokens[k].lower))?;
    Some(Attribution {
        speaker: None,
        cue: tokens[k].span,
    })
}

/// The name opening a clause whose verb comes after asides however long: "Jane Doe, who
/// leads …, said", "Jane Doe, 59, of Dunmore, said", "Jane Doe -- the head of … -- told".
fn leading_name(before_verb: &[Token]) -> Option<Span> {
    let last = before_verb.last()?;
    if !matches!(last.text.as_str(), "," | "-" | "—" | "–") {
        return None;
    }
    let name = name_end(before_verb, 0);
    let aside = before_verb
        .get(name)
        .is_some_and(|t| matches!(t.text.as_str(), "," | "-" | "—" | "–"));
    (name > 1 && aside).then(|| covering(before_verb, 0, name))?
}

/// The attribution in the words of the sentence before a quotation's opening mark: a
/// reporting verb right before it ("Jane Doe said: “…”"), or, with `anywhere`, anywhere in the
/// sentence ("…said the claims were “false”").
pub fn before_quotation(tokens: &[Token], anywhere: bool) -> Option<Attribution> {
    let tokens = &without_asides(tokens);
    let start = (0..tokens.len())
        .rfind(|&i| ends_window(tokens, i))
        .map_or(0, |i| i + 1);
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
            // "so-called" is no reporting verb, nor a noun such as "those reports".
            if v > 0 && window[v - 1].is("-") && listed(NAMING_VERBS, &window[v].lower)
                || noun_use(window, v)
            {
                return None;
            }
            // "said Jane Doe: “…”": a phrase after the verb only when it runs up to the mark,
            // with a colon or comma before it, and is no listener ("told me, “…”").
            let next_to_mark = |span: &Span| {
                let rest: Vec<&Token> = window
                    .iter()
                    .skip_while(|t| t.span.end <= span.end)
                    .collect();
                !rest.is_empty() && rest.iter().all(|t| !t.is_word())
            };
            let listener = |span: &Span| {
                window
                    .iter()
                    .find(|t| t.span.start == span.start)
                    .is_some_and(|t| listed(OBJECT_PRONOUNS, &t.lower))
            };
            let speaker = phrase_before(window, v)
                .or_else(|| phrase_after(window, v + n).filter(|s| next_to_mark(s) && !listener(s)))
                .or_else(|| leading_name(&window[..v]));
            // "The album, called “…”" names a title; "Critics called it a “triumph”" quotes.
            let naming = listed(NAMING_VERBS, &window[v].lower);
            let indefinite = |s: &Span| {
                window
                    .iter()
                    .find(|t| t.span.start == s.start)
                    .is_some_and(|t| matches!(t.lower.as_str(), "a" | "an"))
            };
            if naming && speaker.is_none_or(|s| indefinite(&s)) {
                return None;
            }
            Some(Attribution {
                speaker,
                cue: covering(window, v, v + n)?,
            })
        })
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
        assert_eq!(
            after(", Ines Vale, the harbour master and a member of the port board since 2019, one of its founders, said."),
            pair("Ines Vale", "said")
        );
        assert_eq!(after(" ― Nora Quint"), pair("Nora Quint", "―"));
        assert_eq!(after(" — and then the rain came."), pair("", ""));
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
