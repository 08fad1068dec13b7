//! The word lists the suggester works from, in English, German, French, Spanish and Russian
//! (with a few Polish reporting verbs): reporting verbs, allegation cues, words that mark an
//! opinion, and the words that make a sentence specific enough to check.
//!
//! Every entry is lower case; multi-word entries are separated by single spaces and matched
//! word by word.

use std::sync::LazyLock;

use crate::model::suggest::words::{Token, WordMap};

/// Verbs that report speech or writing: "said", "told", "wrote", "erklärte", "a déclaré".
pub static REPORTING_VERBS: LazyLock<Lexicon> = LazyLock::new(|| {
    Lexicon::new(&[
        // English
        "said",
        "says",
        "say",
        "told",
        "tells",
        "added",
        "adds",
        "asked",
        "asks",
        "answered",
        "argued",
        "argues",
        "insisted",
        "insists",
        "warned",
        "warns",
        "wrote",
        "writes",
        "explained",
        "explains",
        "stated",
        "noted",
        "replied",
        "replies",
        "continued",
        "tweeted",
        "posted",
        "declared",
        "announced",
        "acknowledged",
        "admitted",
        "admits",
        "conceded",
        "concluded",
        "confirmed",
        "cautioned",
        "recalled",
        "remarked",
        "responded",
        "observed",
        "emphasised",
        "emphasized",
        "stressed",
        "predicted",
        "promised",
        "vowed",
        "urged",
        "complained",
        "complains",
        "joked",
        "shouted",
        "testified",
        "countered",
        "maintained",
        "contended",
        "described",
        "recounted",
        "quipped",
        "alleged",
        "alleges",
        "pointed out",
        "called",
        "dubbed",
        "labeled",
        "labelled",
        "branded",
        "chimed in",
        "wondered",
        "reported",
        "tweets",
        "suggested",
        "boasted",
        "reports",
        "reads",
        "put it",
        "scolded",
        "proclaimed",
        "ask",
        "demanded",
        "retorted",
        "chanted",
        "sang",
        "sings",
        "claimed",
        "accused",
        // German
        "sagte",
        "sagt",
        "sagten",
        "erklärte",
        "erklärt",
        "betonte",
        "meinte",
        "schrieb",
        "fügte",
        "warnte",
        "kritisierte",
        "ergänzte",
        // French
        "déclaré",
        "déclare",
        "dit",
        "affirmé",
        "affirme",
        "expliqué",
        "explique",
        "estime",
        "ajouté",
        "ajoute",
        "souligné",
        "indiqué",
        "assuré",
        "lancé",
        // Spanish
        "dijo",
        "afirmó",
        "declaró",
        "explicó",
        "aseguró",
        "señaló",
        "añadió",
        "indicó",
        "advirtió",
        // Russian
        "сказал",
        "сказала",
        "сказали",
        "заявил",
        "заявила",
        "заявили",
        "отметил",
        "отметила",
        "сообщил",
        "сообщила",
        "добавил",
        "добавила",
        "подчеркнул",
        "подчеркнула",
        // Polish
        "powiedział",
        "powiedziała",
        "dodał",
        "dodała",
        "stwierdził",
        "stwierdziła",
    ])
});

/// Phrases naming a source: "according to the ministry", "selon le syndicat".
pub static SOURCE_PHRASES: LazyLock<Lexicon> = LazyLock::new(|| {
    Lexicon::new(&[
        "according to",
        "nach angaben",
        "laut",
        "selon",
        "según",
        "по словам",
        "по данным",
    ])
});

/// Verbs of accusation or unproven claim, whose subject is the one alleging.
pub static ALLEGING_VERBS: LazyLock<Lexicon> = LazyLock::new(|| {
    Lexicon::new(&[
        "alleged",
        "alleges",
        "allege",
        "accused",
        "accuses",
        "accusing",
        "claimed",
        "claims that",
        "claim that",
        "charged that",
        "beschuldigt",
        "beschuldigte",
        "behauptet",
        "behauptete",
        "wirft",
        "warf",
        "accuse",
        "accusé",
        "accusent",
        "acusó",
        "acusa",
        "acusan",
        "обвинил",
        "обвинила",
        "обвинили",
        "утверждает",
        "утверждал",
        "утверждала",
    ])
});

/// Words that mark a claim as unproven without naming who makes it: "reportedly", "is said to",
/// German "soll", French conditional "aurait".
pub static HEDGES: LazyLock<Lexicon> = LazyLock::new(|| {
    Lexicon::new(&[
        "allegedly",
        "reportedly",
        "purportedly",
        "supposedly",
        "is said to",
        "are said to",
        "was said to",
        "were said to",
        "allegations that",
        "allegation that",
        "suspected of",
        "angeblich",
        "mutmaßlich",
        "soll",
        "sollen",
        "prétendument",
        "présumé",
        "présumée",
        "aurait",
        "auraient",
        "presuntamente",
        "supuestamente",
        "habría",
        "habrían",
        "якобы",
        "предположительно",
    ])
});

/// Words that make a sentence an opinion or a wish rather than a checkable statement.
pub static OPINION_WORDS: LazyLock<Lexicon> = LazyLock::new(|| {
    Lexicon::new(&[
        "should",
        "must",
        "ought",
        "believe",
        "believes",
        "think",
        "thinks",
        "feel",
        "feels",
        "hope",
        "hopes",
        "perhaps",
        "probably",
        "seems",
        "opinion",
        "sollte",
        "müssen",
        "glauben",
        "devrait",
        "doit",
        "debería",
        "debe",
        "должен",
        "должны",
    ])
});

/// Words that make a sentence specific: amounts, months, weekdays, records.
pub static SPECIFIC_WORDS: LazyLock<Lexicon> = LazyLock::new(|| {
    Lexicon::new(&[
        "million",
        "millions",
        "billion",
        "billions",
        "trillion",
        "thousand",
        "thousands",
        "hundred",
        "hundreds",
        "dozen",
        "percent",
        "per cent",
        "record",
        "largest",
        "highest",
        "lowest",
        "biggest",
        "smallest",
        "january",
        "february",
        "march",
        "april",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
        "millionen",
        "milliarden",
        "prozent",
        "januar",
        "februar",
        "märz",
        "juni",
        "juli",
        "oktober",
        "dezember",
        "montag",
        "dienstag",
        "mittwoch",
        "donnerstag",
        "freitag",
        "samstag",
        "sonntag",
        "milliards",
        "millions",
        "janvier",
        "février",
        "mars",
        "avril",
        "mai",
        "juin",
        "juillet",
        "août",
        "septembre",
        "octobre",
        "novembre",
        "décembre",
        "millones",
        "mil",
        "enero",
        "febrero",
        "marzo",
        "abril",
        "mayo",
        "junio",
        "julio",
        "agosto",
        "septiembre",
        "octubre",
        "noviembre",
        "diciembre",
        "миллион",
        "миллиона",
        "миллионов",
        "миллиард",
        "миллиарда",
        "миллиардов",
        "триллион",
        "триллиона",
        "триллионов",
        "процентов",
    ])
});

/// Signs that make a sentence specific on their own.
pub const SPECIFIC_SIGNS: &str = "%$€£¥₽₹";

/// A list of words and phrases, indexed by first word for matching at any token.
#[derive(Debug)]
pub struct Lexicon {
    entries: &'static [&'static str],
    by_first: WordMap<&'static str, Vec<Vec<&'static str>>>,
}

impl Lexicon {
    /// Indexes `entries` (lower case, words separated by single spaces).
    fn new(entries: &'static [&'static str]) -> Self {
        let mut by_first: WordMap<&'static str, Vec<Vec<&'static str>>> = WordMap::default();
        for entry in entries {
            let words: Vec<&'static str> = entry.split(' ').collect();
            by_first.entry(words[0]).or_default().push(words);
        }
        Lexicon { entries, by_first }
    }

    /// Every entry, as listed.
    pub fn entries(&self) -> &'static [&'static str] {
        self.entries
    }

    /// How many tokens an entry covers if one starts at `tokens[i]`.
    pub fn at(&self, tokens: &[Token], i: usize) -> Option<usize> {
        let first = tokens.get(i)?;
        self.by_first
            .get(first.lower.as_str())?
            .iter()
            .find_map(|words| {
                let rest = words.iter().enumerate().skip(1);
                rest.into_iter()
                    .all(|(k, w)| tokens.get(i + k).is_some_and(|t| t.lower == *w))
                    .then_some(words.len())
            })
    }

    /// Whether the single word `word` (lower case) is an entry.
    pub fn has(&self, word: &str) -> bool {
        self.by_first
            .get(word)
            .is_some_and(|e| e.iter().any(|w| w.len() == 1))
    }
}

/// Whether `word` (lower case) is in `list`.
pub fn listed(list: &[&str], word: &str) -> bool {
    list.contains(&word)
}
