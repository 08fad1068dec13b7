//! [`Label`]: the three kinds of claim an annotator can mark.

use serde::{Deserialize, Serialize};

/// The kind of claim a span is marked as.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "UPPERCASE")]
pub enum Label {
    /// A checkable factual statement.
    Fact,
    /// An unproven accusation or claim attributed to someone.
    Allegation,
    /// A direct quotation.
    Quote,
}

impl Label {
    /// Every label, in the order the toolbar and the legend show them.
    pub const ALL: [Label; 3] = [Label::Fact, Label::Allegation, Label::Quote];

    /// Position in [`Label::ALL`].
    pub fn index(self) -> usize {
        self as usize
    }

    /// The identifier written into exports: `FACT`, `ALLEGATION`, `QUOTE`.
    pub fn id(self) -> &'static str {
        match self {
            Label::Fact => "FACT",
            Label::Allegation => "ALLEGATION",
            Label::Quote => "QUOTE",
        }
    }

    /// The human name shown on buttons: `Fact`, `Allegation`, `Quote`.
    pub fn name(self) -> &'static str {
        match self {
            Label::Fact => "Fact",
            Label::Allegation => "Allegation",
            Label::Quote => "Quote",
        }
    }

    /// Lower-case slug used in CSS classes and `data-label`: `fact`, `allegation`, `quote`.
    pub fn slug(self) -> &'static str {
        match self {
            Label::Fact => "fact",
            Label::Allegation => "allegation",
            Label::Quote => "quote",
        }
    }

    /// The annotation guideline for this label, shown in the legend and exported with the data.
    pub fn definition(self) -> &'static str {
        match self {
            Label::Fact => "A checkable factual statement: figures, dates, counts, named events or records that could be verified against a source.",
            Label::Allegation => "An unproven accusation or claim attributed to someone, typically introduced by a cue such as \"alleged\", \"accused\" or \"according to\".",
            Label::Quote => "A direct quotation: words reported as spoken or written by someone, usually between quotation marks.",
        }
    }

    /// The letter key that applies this label (`F`, `A`, `Q`).
    pub fn letter_key(self) -> char {
        match self {
            Label::Fact => 'f',
            Label::Allegation => 'a',
            Label::Quote => 'q',
        }
    }

    /// The digit key that applies this label (`1`, `2`, `3`).
    pub fn digit_key(self) -> char {
        match self {
            Label::Fact => '1',
            Label::Allegation => '2',
            Label::Quote => '3',
        }
    }

    /// The label named `value` in any case: `FACT`, `Fact` or `fact` (the id, name or slug).
    pub fn parse(value: &str) -> Option<Label> {
        Label::ALL
            .into_iter()
            .find(|l| l.id().eq_ignore_ascii_case(value.trim()))
    }

    /// The label a key press stands for, if any: `f`/`F`/`1` → Fact, and so on.
    pub fn from_key(key: &str) -> Option<Label> {
        let mut chars = key.chars();
        let c = chars.next()?.to_ascii_lowercase();
        if chars.next().is_some() {
            return None;
        }
        Label::ALL
            .into_iter()
            .find(|l| l.letter_key() == c || l.digit_key() == c)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_map_to_labels() {
        assert_eq!(Label::from_key("f"), Some(Label::Fact));
        assert_eq!(Label::from_key("A"), Some(Label::Allegation));
        assert_eq!(Label::from_key("3"), Some(Label::Quote));
        assert_eq!(Label::from_key("x"), None);
        assert_eq!(Label::from_key("Fa"), None);
        assert_eq!(Label::from_key(""), None);
    }

    #[test]
    fn parses_ids_names_and_slugs() {
        assert_eq!(Label::parse("ALLEGATION"), Some(Label::Allegation));
        assert_eq!(Label::parse("Quote"), Some(Label::Quote));
        assert_eq!(Label::parse(" fact "), Some(Label::Fact));
        assert_eq!(Label::parse("OPINION"), None);
    }

    #[test]
    fn serialises_as_upper_case_id() {
        for label in Label::ALL {
            let json = serde_json::to_string(&label).unwrap();
            assert_eq!(json, format!("\"{}\"", label.id()));
        }
    }
}
