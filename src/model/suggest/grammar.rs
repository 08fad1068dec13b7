//! The function words the speaker rules read a clause by, in the languages the suggester
//! knows: pronouns, determiners, words that end or cannot begin a speaker's noun phrase,
//! auxiliaries, adverbs, and the words that open a sentence without being a name.

/// Personal pronouns that stand for a speaker named earlier.
pub const PRONOUNS: &[&str] = &[
    "he", "she", "it", "they", "we", "i", "er", "sie", "il", "elle", "ils", "elles", "él", "ella",
    "ellos", "он", "она", "они",
];

/// Pronouns for whom a reporting verb is addressed, never its speaker: "told [me]".
pub const OBJECT_PRONOUNS: &[&str] = &["me", "us", "him", "her", "them", "you", "it"];

/// Words after which a reporting verb's form is a noun: "those [reports]", "the [calls]".
pub const NOUN_MARKERS: &[&str] = &[
    "the", "a", "an", "those", "these", "this", "his", "her", "its", "their", "our", "my",
];

/// Words opening a clause of its own after a quotation: "“…” when he said".
pub const SUBORDINATORS: &[&str] = &[
    "when", "because", "if", "while", "although", "though", "since", "unless", "until", "after",
    "before",
];

/// Reporting participles after a comma, whose speaker is the sentence's subject: "…,
/// [saying] “…”".
pub const PARTICIPLES: &[&str] = &[
    "saying",
    "adding",
    "calling",
    "telling",
    "chanting",
    "noting",
    "arguing",
    "writing",
    "insisting",
    "warning",
    "asking",
    "declaring",
    "describing",
];

/// Words that lead a subject as a determiner does: "[Several] groups said", "[Many] voters".
pub const QUANTIFIERS: &[&str] = &[
    "several", "many", "some", "most", "other", "both", "few", "two", "three", "four", "five",
];

/// German determiners, after which a phrase ends at its first capitalised noun ("der
/// Staatsanwaltschaft", not "der Staatsanwaltschaft Steuern").
pub const GERMAN_DETERMINERS: &[&str] = &["der", "die", "das", "den", "dem", "des"];

/// Words that begin a noun phrase: "the minister", "die Zeitung", "le ministre".
pub const DETERMINERS: &[&str] = &[
    "the", "a", "an", "its", "his", "her", "their", "der", "die", "das", "den", "dem", "des",
    "ein", "eine", "le", "la", "les", "l", "un", "une", "el", "los", "las", "una",
];

/// Words that end a speaker's noun phrase: "the minister [in] a statement", "[on] Monday".
pub const PHRASE_BREAKS: &[&str] = &[
    "in",
    "at",
    "on",
    "to",
    "during",
    "after",
    "before",
    "yesterday",
    "today",
    "who",
    "which",
    "that",
    "and",
    "but",
    "when",
    "while",
    "as",
    "am",
    "im",
    "auf",
    "vor",
    "nach",
    "à",
    "au",
    "lors",
    "lundi",
    "mardi",
    "mercredi",
    "jeudi",
    "vendredi",
    "samedi",
    "dimanche",
    "hier",
    "en",
    "durante",
    "ayer",
    "на",
    "в",
    "во",
    "и",
    "y",
    "et",
    "und",
    "qui",
    "que",
    "quien",
    "который",
    "которая",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "has",
    "have",
    "had",
    "also",
    "later",
    "then",
    "was",
    "is",
    "seen",
    "by",
    "with",
    "for",
];

/// Reporting verbs that also name things ("an album called …"): they attribute a quotation
/// only when a speaker is found.
pub const NAMING_VERBS: &[&str] = &["called", "dubbed", "labeled", "labelled", "branded"];

/// Words that open a sentence or a clause in capitals without being part of a name.
pub const NOT_NAMES: &[&str] = &[
    "but", "and", "or", "so", "yet", "if", "when", "while", "after", "before", "as", "since",
    "although", "though", "because", "in", "on", "at", "for", "with", "by", "from", "this", "that",
    "these", "those", "it", "there", "here", "then", "now", "still", "also", "even", "asked",
    "said", "says", "my", "our", "your", "no", "yes", "not", "what", "why", "how", "who", "where",
    "i", "we", "you", "one", "some", "many", "most", "all", "every",
];

/// Words that cannot begin a speaker's noun phrase: prepositions, "to", question words.
pub const NOT_SUBJECTS: &[&str] = &[
    "to", "about", "of", "from", "for", "with", "in", "on", "at", "by", "what", "how", "why",
    "whether", "if", "than", "into", "over", "not", "so",
];

/// Adverbs that can stand between a speaker and the reporting verb: "Farmers often say".
pub const ADVERBS: &[&str] = &[
    "often",
    "also",
    "once",
    "again",
    "later",
    "then",
    "still",
    "always",
    "never",
    "too",
    "even",
    "just",
    "now",
    "soon",
    "recently",
    "further",
    "repeatedly",
    "publicly",
    "privately",
];

/// Nouns and adjectives in -ly that are no adverbs: "Ruiz's [family] said", "an [ally] said".
pub const NOUNS_IN_LY: &[&str] = &[
    "family",
    "ally",
    "rally",
    "assembly",
    "supply",
    "monopoly",
    "bully",
    "anomaly",
    "daily",
    "weekly",
    "monthly",
    "quarterly",
    "elderly",
    "friendly",
    "lonely",
    "costly",
    "early",
];

/// Words that open a relative clause after a speaker's name: "Jane Doe, who leads …, said".
pub const RELATIVE_PRONOUNS: &[&str] = &[
    "who",
    "which",
    "whose",
    "der",
    "die",
    "qui",
    "que",
    "quien",
    "который",
    "которая",
];

/// Words before a past participle that make it passive: "has [been] accused" names the
/// accused, not the accuser.
pub const PASSIVE: &[&str] = &[
    "been", "was", "were", "is", "are", "be", "being", "wurde", "été",
];

/// Words between a speaker and the reporting verb: "she [has] said", "il [a] déclaré".
pub const AUXILIARIES: &[&str] = &[
    "has", "have", "had", "would", "will", "could", "might", "must", "did", "also", "later",
    "then", "once", "again", "a", "ont", "hat", "haben", "ha", "han", "hatte",
];
