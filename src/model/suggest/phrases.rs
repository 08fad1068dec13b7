//! Noun phrases that can be speakers: the phrase before a reporting verb ("the witness, Mark
//! Ellis, told"), after it ("said Jane Doe, the minister"), and the named subject of a sentence
//! ("Vale called the plan a “stunt”"); a fragment of the sentence is never one.

use crate::model::suggest::attribution::{covering, without_asides};
use crate::model::suggest::cues::{listed, REPORTING_VERBS};
use crate::model::suggest::grammar::{
    ADVERBS, AUXILIARIES, DETERMINERS, GERMAN_DETERMINERS, NOT_NAMES, NOT_SUBJECTS, NOUNS_IN_LY,
    PHRASE_BREAKS, PRONOUNS, QUANTIFIERS, RELATIVE_PRONOUNS,
};
use crate::model::suggest::words::Token;
use crate::model::Span;

/// The most tokens a speaker's noun phrase takes.
pub const MAX_PHRASE: usize = 8;

/// Whether `t` can sit inside a name or phrase between two words: al-Assad, Supporters’
/// groups (an initial keeps its full stop as a word: "J.").
fn joins_words(t: &Token) -> bool {
    matches!(t.text.as_str(), "-" | "’" | "'")
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
        } else if (joins_words(t) || t.is("/"))
            && j > i
            && tokens.get(j + 1).is_some_and(Token::is_word)
        {
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

/// The named subject of the sentence (its last clause after a semicolon) whose words before a
/// quotation are `tokens`: the name that opens it, after an opening phrase up to a comma ("In a statement, Governor Ada Pike
/// condemned the test as “…”") and a word such as "Even", followed by its verb in lower case.
pub fn sentence_subject(tokens: &[Token]) -> Option<Span> {
    // The subject of the last clause: "Critics say …; the mayor calls it “…”".
    let clause = tokens.iter().rposition(|t| t.is(";")).map_or(0, |i| i + 1);
    let tokens = &without_asides(&tokens[clause..]);
    // A paragraph may open with the mark of a quotation continued from the one before.
    let mut i = tokens
        .iter()
        .take_while(|t| t.text.chars().all(|c| "“”‘’\"'«»„".contains(c)))
        .count();
    let first = tokens.get(i)?;
    // An opening phrase: "In a statement,", "Following the test,", "According to …,".
    let opening = listed(NOT_SUBJECTS, &first.lower)
        || listed(PHRASE_BREAKS, &first.lower)
        || first.lower.ends_with("ing")
        || first.lower.ends_with("ly");
    if opening {
        i = tokens.iter().position(|t| t.is(","))? + 1;
        // The closing mark of a title in it: "On “Night Desk,” Ana Ruiz …".
        i += tokens[i..]
            .iter()
            .take_while(|t| t.text.chars().all(|c| "”’\"'»".contains(c)))
            .count();
    }
    while tokens.get(i).is_some_and(|t| {
        listed(NOT_NAMES, &t.lower)
            && !listed(NOT_SUBJECTS, &t.lower)
            && !listed(QUANTIFIERS, &t.lower)
    }) {
        i += 1;
    }
    let start = tokens.get(i)?;
    if listed(PRONOUNS, &start.lower) {
        return None;
    }
    // "The memo described …", "A federal report found …": a short noun phrase led by a
    // determiner, up to its verb.
    if listed(DETERMINERS, &start.lower) || listed(QUANTIFIERS, &start.lower) {
        // After "several", "many": a plural noun in -s is no verb ("several groups granted").
        let plural = listed(QUANTIFIERS, &start.lower);
        let verb = (i + 2..tokens.len().min(i + 6)).find(|&v| {
            let t = &tokens[v];
            is_finite_verb(t)
                && !(plural && t.lower.ends_with('s') && !matches!(t.lower.as_str(), "has" | "was"))
        })?;
        // Adverbs before the verb are not the subject's: "The nominee also vowed".
        let end = verb
            - tokens[i + 1..verb]
                .iter()
                .rev()
                .take_while(|t| is_adverb(t))
                .count();
        let phrase = tokens[i + 1..end].iter().all(|t| {
            t.is_word() && !listed(PHRASE_BREAKS, &t.lower) && !listed(NOT_SUBJECTS, &t.lower)
        });
        return (phrase && end > i + 1).then(|| covering(tokens, i, end))?;
    }
    let mut end = name_end(tokens, i);
    // "Gov. Ada Pike of Norland condemned …": where the person is from.
    if tokens.get(end).is_some_and(|t| t.lower == "of") && name_end(tokens, end + 1) > end + 1 {
        end = name_end(tokens, end + 1);
    }
    // "Pike and Vale have called …": two names.
    if tokens.get(end).is_some_and(|t| t.lower == "and") && name_end(tokens, end + 1) > end + 1 {
        end = name_end(tokens, end + 1);
    }
    // "Ada Pike, her rival, dismissed …": an apposition between commas.
    let mut after = end;
    if tokens.get(end).is_some_and(|t| t.is(",")) {
        let close = tokens[end + 1..]
            .iter()
            .take(MAX_PHRASE + 2)
            .position(|t| t.is(","));
        after = close.map_or(end, |c| end + 1 + c + 1);
    }
    // "Vale openly mocked …": an adverb before the verb.
    let adverbs = tokens[after.min(tokens.len())..]
        .iter()
        .take_while(|t| is_adverb(t))
        .count();
    let verb = tokens.get(after + adverbs).filter(|t| is_finite_verb(t));
    (end > i && verb.is_some()).then(|| covering(tokens, i, end))?
}

/// Whether `t` looks like the finite verb after a subject: "condemned", "likens", "took"
/// ("critic", "regional" and "than" do not).
fn is_finite_verb(t: &Token) -> bool {
    let irregular = [
        "took", "made", "gave", "went", "said", "told", "has", "had", "is", "was", "put", "saw",
        "wants", "will", "would", "thinks", "thought", "won", "got", "sent", "left", "have", "are",
        "were", "tweeted",
    ];
    let lower = t.lower.as_str();
    let regular = lower.len() > 3
        && (lower.ends_with("ed") || lower.ends_with('s') && !lower.ends_with("ss"));
    t.is_word() && !t.is_capitalized() && (irregular.contains(&lower) || regular)
}

/// Where the capitalised name starting at `tokens[i]` ends ("Amina Mwangi", "Mark van Dijk").
pub(super) fn name_end(tokens: &[Token], i: usize) -> usize {
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
    while end > 1 && (listed(AUXILIARIES, &tokens[end - 1].lower) || is_adverb(&tokens[end - 1])) {
        end -= 1;
    }
    // A party and state after a name: "Rep. Jane Doe (D-Ore.) said".
    if end > 0 && tokens[end - 1].is(")") {
        let open = tokens[..end].iter().rposition(|t| t.is("("));
        end = open.filter(|&o| end - o <= MAX_PHRASE).unwrap_or(end);
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
    noun_phrase(tokens, start, end)
}

/// `tokens[from..to]` as a speaker's noun phrase, with adverbs at its end dropped ("Farmers
/// often"); `None` when it is not one — when it starts with a word that cannot begin a noun
/// phrase ("to", "about", an adverb) or holds a figure ("40 percent"), so a fragment of the
/// sentence is never given as the speaker.
fn noun_phrase(tokens: &[Token], mut from: usize, mut to: usize) -> Option<Span> {
    while to > from + 1 && is_adverb(&tokens[to - 1]) {
        to -= 1;
    }
    // "Lynch said she recalled", "what he said": the subject is the last clause's.
    if let Some(k) = (from..to).rev().find(|&k| {
        k + 1 < to && REPORTING_VERBS.at(tokens, k).is_some()
            || k > from && listed(PRONOUNS, &tokens[k].lower)
    }) {
        from = if listed(PRONOUNS, &tokens[k].lower) {
            k
        } else {
            k + 1
        };
    }
    let first = tokens.get(from)?;
    // A figure, but not one inside a compound adjective ("the 34-year-old mother").
    let figure = |k: usize| {
        let compound = tokens
            .get(k + 1)
            .is_some_and(|n| n.is("-") && n.span.start == tokens[k].span.end);
        tokens[k].text.chars().any(|c| c.is_ascii_digit()) && !compound
    };
    let fragment = listed(NOT_SUBJECTS, &first.lower) || is_adverb(first) || (from..to).any(figure);
    if fragment {
        return None;
    }
    covering(tokens, from, to)
}

/// Whether `t` is an English adverb that can stand between a speaker and the verb: "often",
/// "forcefully", "also".
pub fn is_adverb(t: &Token) -> bool {
    let in_ly = t.lower.ends_with("ly") && t.lower.len() > 4 && !listed(NOUNS_IN_LY, &t.lower);
    !t.is_capitalized() && (in_ly || listed(ADVERBS, &t.lower))
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
    // A name, or a description ending in one ("Democratic nominee Jane Doe").
    let name_before = |c: usize| {
        let name = phrase_before(tokens, c)?;
        let first = tokens.iter().position(|t| t.span.start == name.start)?;
        let named = tokens[first..c].last().is_some_and(Token::is_capitalized)
            && !listed(DETERMINERS, &tokens[first].lower);
        let capitalised = tokens[first..c]
            .iter()
            .all(|t| t.is_capitalized() || joins_words(t));
        (capitalised || named).then_some(name)
    };
    match opening {
        Some(c) if relative => phrase_before(tokens, c),
        // "Lena Ortiz, the attorney general of the province, said": the name before the aside.
        Some(c)
            if !tokens[aside_start].is_capitalized()
                || listed(DETERMINERS, &tokens[aside_start].lower) =>
        {
            name_before(c)
        }
        _ => {
            let name = &tokens[aside_start..comma];
            let all_name =
                !name.is_empty() && name.iter().all(|t| t.is_capitalized() || joins_words(t));
            (all_name && opening.is_some()).then(|| covering(tokens, aside_start, comma))?
        }
    }
}
