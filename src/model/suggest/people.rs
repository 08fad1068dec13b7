//! The resolution model: the people and organisations an article names, each with its full
//! name, surname (the key), titles and descriptions ("Sen.", "the mayor's chief of staff") and,
//! where the text shows it, the gender of the pronouns that follow it — so that a speaker given
//! as a pronoun ("she said"), a surname ("Ruiz said") or a description ("the senator said")
//! can be named. When the text does not settle it, nothing is resolved.

use crate::model::suggest::cues::{listed, REPORTING_VERBS};
use crate::model::suggest::grammar::{
    DETERMINERS, NOT_NAMES, NOT_SUBJECTS, PHRASE_BREAKS, PRONOUNS,
};
use crate::model::suggest::words::{Token, WordMap};

/// The gender a pronoun shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Gender {
    /// he, him, his; Mr.
    Male,
    /// she, her; Mrs., Ms.
    Female,
}

/// Titles before a name, with the role words a description may use for the person.
const TITLES: &[(&str, &[&str], Option<Gender>)] = &[
    ("mr.", &[], Some(Gender::Male)),
    ("mrs.", &[], Some(Gender::Female)),
    ("ms.", &[], Some(Gender::Female)),
    ("miss", &[], Some(Gender::Female)),
    ("sen.", &["senator"], None),
    ("senator", &["senator"], None),
    (
        "rep.",
        &["representative", "congressman", "congresswoman", "lawmaker"],
        None,
    ),
    ("representative", &["representative", "lawmaker"], None),
    ("gov.", &["governor"], None),
    ("governor", &["governor"], None),
    ("president", &["president"], None),
    ("mayor", &["mayor"], None),
    ("dr.", &["doctor"], None),
    ("judge", &["judge"], None),
    ("secretary", &["secretary"], None),
    ("minister", &["minister"], None),
    ("gen.", &["general"], None),
];

/// Words that make a name an organisation's, which no "he" or "she" stands for.
const ORGANISATION_WORDS: &[&str] = &[
    "council",
    "agency",
    "party",
    "committee",
    "department",
    "ministry",
    "association",
    "university",
    "times",
    "post",
    "news",
    "club",
    "union",
    "nations",
    "house",
    "senate",
    "court",
    "bank",
    "fund",
    "institute",
    "center",
    "centre",
    "office",
    "campaign",
    "group",
    "foundation",
    "commission",
    "administration",
    "journal",
    "network",
    "inc.",
    "corp.",
];

/// One person or organisation.
#[derive(Debug, Clone, Default)]
struct Entity {
    /// The fullest name seen, without titles ("Dana Wells").
    name: String,
    /// Every different first name seen with this surname (two means the surname is shared).
    given: Vec<String>,
    /// Role words from titles and descriptions ("senator", "chief", "staff"), each once.
    roles: Vec<String>,
    /// Pronoun votes: male, female.
    votes: (u32, u32),
    /// A title showed the gender.
    titled: Option<Gender>,
    /// The gender its pronouns show, settled once the whole article is read ([`Entity::settle`]).
    gender: Option<Gender>,
}

impl Entity {
    /// The gender its pronouns show; none for an organisation ("the Security Council").
    fn settle(&self) -> Option<Gender> {
        let organisation = self
            .name
            .split_whitespace()
            .any(|w| ORGANISATION_WORDS.contains(&w.to_lowercase().as_str()));
        if organisation {
            return None;
        }
        self.titled.or(match self.votes {
            (m, f) if m > f => Some(Gender::Male),
            (m, f) if f > m => Some(Gender::Female),
            _ => None,
        })
    }
}

/// Where a name is mentioned.
#[derive(Debug, Clone, Copy)]
struct Mention {
    /// Code point of its first word.
    at: usize,
    entity: usize,
}

/// The people and organisations of one article, and where each is mentioned.
#[derive(Debug, Default)]
pub struct People {
    entities: Vec<Entity>,
    by_surname: WordMap<String, usize>,
    mentions: Vec<Mention>,
    /// For each role word, the indices (into `mentions`, in order) of the mentions of entities
    /// with that role, so that a description finds its latest one without a scan.
    by_role: WordMap<String, Vec<usize>>,
}

/// A surname as the key: lower case, without a possessive.
fn key(word: &str) -> String {
    let lower = word.to_lowercase();
    lower
        .strip_suffix("’s")
        .or_else(|| lower.strip_suffix("'s"))
        .unwrap_or(&lower)
        .to_string()
}

fn title(lower: &str) -> Option<&'static (&'static str, &'static [&'static str], Option<Gender>)> {
    TITLES.iter().find(|(t, _, _)| *t == lower)
}

impl People {
    /// The model of an article whose paragraphs have the tokens `paragraphs`.
    pub fn build(paragraphs: &[Vec<Token>]) -> People {
        let mut people = People::default();
        // The entities named since the start of the previous sentence, for pronoun votes.
        let mut recent: Vec<usize> = Vec::new();
        for tokens in paragraphs {
            people.read_paragraph(tokens, &mut recent);
        }
        for entity in &mut people.entities {
            entity.gender = entity.settle();
        }
        for (k, m) in people.mentions.iter().enumerate() {
            for role in &people.entities[m.entity].roles {
                people.by_role.entry(role.clone()).or_default().push(k);
            }
        }
        people
    }

    fn read_paragraph(&mut self, tokens: &[Token], recent: &mut Vec<usize>) {
        let mut i = 0;
        while i < tokens.len() {
            let t = &tokens[i];
            if matches!(t.text.as_str(), "." | "!" | "?") {
                i += 1;
                continue;
            }
            if let Some(gender) = pronoun_gender(&t.lower) {
                // A pronoun votes for the single entity named just before it.
                if let [only] = recent.as_slice() {
                    let votes = &mut self.entities[*only].votes;
                    match gender {
                        Gender::Male => votes.0 += 1,
                        Gender::Female => votes.1 += 1,
                    }
                }
                i += 1;
                continue;
            }
            let end = name_run(tokens, i);
            if end > i {
                if let Some(e) = self.add_name(tokens, i, end) {
                    // A pronoun votes only when one entity was named since the last one.
                    recent.clear();
                    recent.push(e);
                }
                i = end;
            } else {
                i += 1;
            }
        }
    }

    /// Records the name `tokens[from..to]` (titles included); returns its entity.
    fn add_name(&mut self, tokens: &[Token], from: usize, to: usize) -> Option<usize> {
        let mut roles = Vec::new();
        let mut titled = None;
        let mut first = from;
        while first < to {
            let Some((_, words, gender)) = title(&tokens[first].lower) else {
                break;
            };
            roles.extend(words.iter().map(|w| w.to_string()));
            titled = titled.or(*gender);
            first += 1;
        }
        // The words of the name, pieces joined by a hyphen or apostrophe kept as one
        // ("Anne-Lise", "Jae-won", "O’Brien").
        let mut full: Vec<String> = Vec::new();
        let mut joined_to = None;
        for t in &tokens[first..to] {
            let piece = t.text.trim_end_matches("’s").trim_end_matches("'s");
            match full.last_mut() {
                Some(last) if joined_to == Some(t.span.start) => last.push_str(piece),
                _ => full.push(piece.to_string()),
            }
            joined_to = Some(t.span.end);
        }
        let last = full.last()?;
        // A lone capitalised word is a mention only of a name seen in full, or after a title.
        let surname = key(last);
        if full.len() == 1 && first == from && !self.by_surname.contains_key(&surname) {
            return None;
        }
        // Descriptions before the name in lower case ("Democratic nominee", "union leader").
        roles.extend(
            tokens[..from]
                .iter()
                .rev()
                .take_while(|t| {
                    t.is_word()
                        && !t.is_capitalized()
                        && !listed(PHRASE_BREAKS, &t.lower)
                        && !listed(DETERMINERS, &t.lower)
                        && REPORTING_VERBS.at(std::slice::from_ref(t), 0).is_none()
                        && !t.lower.ends_with("ed")
                })
                .take(3)
                .map(|t| t.lower.clone()),
        );
        // An apposition after it: "Dana Wells, the mayor's chief of staff,".
        if tokens.get(to).is_some_and(|t| t.is(","))
            && tokens
                .get(to + 1)
                .is_some_and(|t| listed(DETERMINERS, &t.lower))
        {
            roles.extend(
                tokens[to + 1..]
                    .iter()
                    .take_while(|t| t.is_word() || t.is("’") || t.is("'"))
                    .take(8)
                    .map(|t| key(&t.text)),
            );
        }
        let index = match self.by_surname.get(&surname) {
            Some(&e) => e,
            None => {
                self.entities.push(Entity::default());
                self.by_surname.insert(surname, self.entities.len() - 1);
                self.entities.len() - 1
            }
        };
        let entity = &mut self.entities[index];
        if full.len() > 1 {
            let given = full[0].to_lowercase();
            if !entity.given.contains(&given) {
                entity.given.push(given);
            }
        }
        if full.join(" ").chars().count() > entity.name.chars().count() {
            entity.name = full.join(" ");
        }
        for role in roles {
            if !entity.roles.contains(&role) {
                entity.roles.push(role);
            }
        }
        entity.titled = entity.titled.or(titled);
        self.mentions.push(Mention {
            at: tokens[from].span.start,
            entity: index,
        });
        Some(index)
    }

    /// The full name for a speaker given as a name ("Ruiz", "Mr. Ruiz"): the fullest form the
    /// article uses, unless two people share the surname.
    pub fn full_name(&self, speaker: &str) -> Option<String> {
        let last = speaker.split_whitespace().last()?;
        let entity = &self.entities[*self.by_surname.get(&key(last))?];
        (entity.given.len() <= 1 && !entity.name.is_empty()).then(|| entity.name.clone())
    }

    /// Who the pronoun `pronoun` at code point `at` stands for: the latest person mentioned
    /// before it whose gender fits, among the `speakers` (who have spoken before `at`) first,
    /// then among every mention in the last `reach` code points.
    pub fn pronoun(
        &self,
        pronoun: &str,
        at: usize,
        speakers: &[(usize, String)],
        reach: usize,
    ) -> Option<String> {
        let wanted = pronoun_gender(pronoun)?;
        let entity = |name: &str| {
            let last = name.split_whitespace().last()?;
            Some(&self.entities[*self.by_surname.get(&key(last))?])
        };
        // A speaker fits unless the text shows the other gender; a mere mention must show it.
        let spoken = speakers
            .iter()
            .rev()
            .find(|(_, name)| entity(name).is_none_or(|e| e.gender.is_none_or(|g| g == wanted)));
        let before = &self.mentions[..self.mentions.partition_point(|m| m.at < at)];
        let mentioned = before
            .iter()
            .rev()
            .take_while(|m| m.at + reach >= at)
            .find(|m| self.entities[m.entity].gender == Some(wanted));
        // The speaker wins unless someone else of that gender was named after them.
        match (spoken, mentioned) {
            (Some((said, name)), Some(m)) => {
                let other = &self.entities[m.entity];
                let same = entity(name).is_some_and(|e| std::ptr::eq(e, other));
                Some(if same || m.at < *said {
                    name.clone()
                } else {
                    other.name.clone()
                })
            }
            (Some((_, name)), None) => Some(name.clone()),
            (None, Some(m)) => Some(self.entities[m.entity].name.clone()),
            // Nobody of that gender near: the latest speaker, unless a title ("Mr.") showed
            // the other gender — votes from pronouns nearby can be wrong ("… under Ruiz’s
            // questioning he admitted").
            (None, None) => speakers
                .last()
                .filter(|(_, name)| entity(name).is_some_and(|e| e.titled.is_none()))
                .map(|(_, name)| name.clone()),
        }
    }

    /// Who a description such as "the senator" or "the official" at code point `at` names: the
    /// latest person mentioned before it with that role word.
    pub fn described(&self, description: &str, at: usize) -> Option<String> {
        let last = description.split_whitespace().last()?;
        // "the Harbour Trust" is a name of its own, not a description.
        if last.chars().next().is_some_and(char::is_uppercase) {
            return None;
        }
        let with_role = self.by_role.get(&key(last))?;
        let before = with_role.partition_point(|&k| self.mentions[k].at < at);
        let latest = &self.mentions[*with_role.get(before.checked_sub(1)?)?];
        Some(self.entities[latest.entity].name.clone())
    }
}

/// The gender a pronoun shows, if it shows one.
pub fn pronoun_gender(word: &str) -> Option<Gender> {
    match word {
        "he" | "him" | "his" | "himself" => Some(Gender::Male),
        "she" | "her" | "hers" | "herself" => Some(Gender::Female),
        _ => None,
    }
}

/// Where the run of capitalised words that makes a name, starting at `tokens[i]`, ends (`i`
/// when none starts there): "Sen. Ruth Alder", "Mark van Dijk", "Jean-Luc Moreau".
fn name_run(tokens: &[Token], i: usize) -> usize {
    let first = &tokens[i];
    // The word lists last: most tokens are not capitalised words.
    let opener = || {
        listed(NOT_NAMES, &first.lower)
            || listed(DETERMINERS, &first.lower)
            || listed(PRONOUNS, &first.lower)
            || listed(NOT_SUBJECTS, &first.lower)
    };
    if !first.is_capitalized() || !first.is_word() || opener() {
        return i;
    }
    let mut j = i;
    while let Some(t) = tokens.get(j) {
        let connector =
            j > i && matches!(t.lower.as_str(), "de" | "van" | "von" | "al" | "bin" | "da");
        // "Jae-won", "O’Brien": a hyphen or apostrophe inside a name.
        let joint = matches!(t.text.as_str(), "-" | "’" | "'")
            && j > i
            && tokens.get(j + 1).is_some_and(|n| {
                n.is_capitalized() || t.is("-") && n.is_word() && n.span.start == t.span.end
            });
        // "Jae-won": a word in lower case joined to the name by a hyphen.
        let hyphenated = j > i && tokens[j - 1].is("-") && tokens[j - 1].span.end == t.span.start;
        if !(t.is_word() && (t.is_capitalized() || connector || hyphenated) || joint) {
            break;
        }
        j += 1;
    }
    j
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::suggest::words::tokenize;

    fn people(paragraphs: &[&str]) -> People {
        let mut base = 0;
        let tokens: Vec<Vec<Token>> = paragraphs
            .iter()
            .map(|p| {
                let t = tokenize(p, base);
                base += p.chars().count() + 2;
                t
            })
            .collect();
        People::build(&tokens)
    }

    #[test]
    fn names_surnames_titles_and_genders() {
        let model = people(&[
            "Sen. Claire Holt spoke first. She was angry.",
            "Her aide, Tom Baines, said little. He left early, and Holt stayed.",
        ]);
        assert_eq!(model.full_name("Ms. Holt").as_deref(), Some("Claire Holt"));
        assert_eq!(model.full_name("Baines").as_deref(), Some("Tom Baines"));
        assert_eq!(
            model.described("the senator", 200).as_deref(),
            Some("Claire Holt")
        );
        assert_eq!(model.described("the aide", 200), None);
        assert_eq!(
            model.pronoun("she", 200, &[], 400).as_deref(),
            Some("Claire Holt")
        );
        assert_eq!(
            model.pronoun("he", 200, &[], 400).as_deref(),
            Some("Tom Baines")
        );
        assert_eq!(model.pronoun("they", 200, &[], 400), None);
    }

    #[test]
    fn a_shared_surname_is_not_expanded() {
        let model = people(&["Anna Lind met Erik Lind. Lind spoke."]);
        assert_eq!(model.full_name("Lind"), None);
    }
}
