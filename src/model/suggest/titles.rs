//! Quoted names that are no quotations: titles of works and programmes, subheadings and
//! nicknames. A short phrase in title case ("Harbour Lights", "Night Desk") is a title when it
//! is its paragraph's only text (a subheading), follows a possessive ("the network’s “Night
//! Desk”"), a word for a work or a name ("the anthem “…”", "her book, “…”", "the nickname
//! “…”") or a preposition ("an episode of “…”", "during a “…”"); a quoted word inside a name
//! (Margaret “Peggy” Lowe) is a nickname.

use crate::model::suggest::cues::listed;
use crate::model::suggest::quotes::Quotation;
use crate::model::suggest::words::Token;
use crate::model::suggest::Text;

/// Most words in a quoted title.
const MAX_TITLE_WORDS: usize = 8;

/// Words for a work or a name, after which a quoted title-case phrase is its title.
const WORK_NOUNS: &[&str] = &[
    "book",
    "novel",
    "memoir",
    "song",
    "anthem",
    "hymn",
    "poem",
    "album",
    "film",
    "movie",
    "documentary",
    "show",
    "series",
    "programme",
    "program",
    "podcast",
    "episode",
    "play",
    "musical",
    "opera",
    "nickname",
    "slogan",
    "hashtag",
];

/// Prepositions before a quoted title-case phrase that make it the name of a programme, an
/// event or a work: "a broadcast of “…”", "during a “…”".
const TITLE_PREPOSITIONS: &[&str] = &["of", "in", "on", "during", "at"];

impl Text<'_> {
    /// Whether quotation `q` (opening in paragraph `open_p`, closing in `close_p`, `words`
    /// words long) names a work, a programme or a person rather than quoting anyone.
    pub(super) fn names_a_work(
        &self,
        q: &Quotation,
        open_p: usize,
        close_p: usize,
        words: usize,
    ) -> bool {
        if open_p != close_p || words > MAX_TITLE_WORDS {
            return false;
        }
        let Some(tokens) = self.tokens.get(open_p) else {
            return false;
        };
        let opening = tokens.partition_point(|t| t.span.start < q.open);
        let closing = tokens.partition_point(|t| t.span.end <= q.outer().end);
        let before = opening.checked_sub(1).and_then(|i| tokens.get(i));
        let after = tokens.get(closing);
        let name_word = |t: Option<&Token>| t.is_some_and(|t| t.is_word() && t.is_capitalized());
        // Margaret “Peggy” Lowe.
        if words == 1 && name_word(before) && name_word(after) {
            return true;
        }
        if !is_title(self.article.slice(q.inner()).unwrap_or_default()) {
            return false;
        }
        // A subheading: nothing but the quotation (and punctuation) in its paragraph.
        let alone = opening == 0
            && tokens[closing.min(tokens.len())..]
                .iter()
                .all(|t| !t.is_word());
        let possessive = before.is_some_and(|t| t.lower.ends_with("’s") || t.lower.ends_with("'s"));
        let work = |t: Option<&Token>| t.is_some_and(|t| listed(WORK_NOUNS, &t.lower));
        let after_comma = before.is_some_and(|t| t.is(","))
            && work(opening.checked_sub(2).and_then(|i| tokens.get(i)));
        // "a broadcast of “…”", "during a “…”", "taking part in “…”": a programme or an event.
        let determiner = before.is_some_and(|t| matches!(t.lower.as_str(), "a" | "an" | "the"));
        let preposition_at = opening.saturating_sub(1 + usize::from(determiner));
        let preposition = opening > usize::from(determiner)
            && tokens
                .get(preposition_at)
                .is_some_and(|t| listed(TITLE_PREPOSITIONS, &t.lower));
        alone || possessive || work(before) || after_comma || preposition
    }
}

/// Whether a quoted phrase looks like a title ("Harbour Lights", "The Long Road"): every word
/// capitalised and no sentence inside.
pub(super) fn is_title(phrase: &str) -> bool {
    let words: Vec<&str> = phrase
        .split_whitespace()
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
        .filter(|w| !w.is_empty())
        .collect();
    let small = ["of", "the", "a", "an", "and", "in", "on", "for", "to", "at"];
    !words.is_empty()
        && words
            .iter()
            .all(|w| w.chars().next().is_some_and(char::is_uppercase) || small.contains(w))
}

#[cfg(test)]
mod tests {
    use crate::model::suggest::test_support::quoted;

    #[test]
    fn titles_subheadings_and_nicknames_are_not_quotations() {
        assert_eq!(
            quoted(&[
                "“We will not back down,” Ana Ruiz told the network’s “Night Desk” on Sunday.",
                "“A River in Trouble”",
                "Councillor Margaret “Peggy” Lowe said the singer closed with the anthem “Home Again.”",
                "In her memoir, “Salt and Stone,” Ruiz said the years were hard.",
                "On Sunday’s episode of “Harbour Hour,” Ruiz said she would run again.",
            ]),
            vec!["“We will not back down,”"]
        );
    }

    #[test]
    fn a_title_case_phrase_someone_is_quoted_with_stays() {
        assert_eq!(
            quoted(&["Ruiz called the scheme “Pure Theatre” on Monday."]),
            vec!["“Pure Theatre”"]
        );
    }
}
