//! The words and punctuation of a stretch of text (UAX #29 word boundaries, whitespace dropped),
//! each with its code point span in the article, for the cue and speaker rules to walk. The
//! full stop of an abbreviation or an initial stays with its word ("Mr.", "R.", "U.S."), so
//! that "Mr. Graves said" is one clause.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

use unicode_segmentation::UnicodeSegmentation;

use crate::model::segment::ABBREVIATIONS;
use crate::model::Span;

/// One word or punctuation mark.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token {
    /// As written.
    pub text: String,
    /// Lower-cased, for comparing with the cue lists.
    pub lower: String,
    /// Where it is in the article text.
    pub span: Span,
}

impl Token {
    /// Letters or digits, not punctuation.
    pub fn is_word(&self) -> bool {
        is_word(&self.text)
    }

    /// A word starting with a capital letter.
    pub fn is_capitalized(&self) -> bool {
        self.text.chars().next().is_some_and(char::is_uppercase)
    }

    /// Whether this is the punctuation mark `mark`.
    pub fn is(&self, mark: &str) -> bool {
        self.text == mark
    }
}

/// The tokens of `text`, which starts at code point `base` of the article.
pub fn tokenize(text: &str, base: usize) -> Vec<Token> {
    let mut at = base;
    let mut out: Vec<Token> = Vec::new();
    for piece in text.split_word_bounds() {
        let len = piece.chars().count();
        if piece == "." {
            if let Some(word) = out
                .last_mut()
                .filter(|t| t.span.end == at && abbreviated(t))
            {
                word.text.push('.');
                word.lower.push('.');
                word.span = Span::new(word.span.start, at + 1);
                at += 1;
                continue;
            }
        }
        if !piece.chars().all(char::is_whitespace) {
            out.push(Token {
                text: piece.to_string(),
                lower: piece.to_lowercase(),
                span: Span::new(at, at + len),
            });
        }
        at += len;
    }
    out
}

/// Whether a token's text has letters or digits.
fn is_word(text: &str) -> bool {
    text.chars().any(char::is_alphanumeric)
}

/// Whether a full stop right after `t` belongs to it: an abbreviation such as "Mr" or "Sen",
/// an initial ("R"), or letters with inner full stops ("U.S", "D-N.C").
fn abbreviated(t: &Token) -> bool {
    let initial = t.text.chars().count() == 1 && t.is_capitalized();
    let dotted = t.text.contains('.') && t.text.chars().all(|c| c.is_alphabetic() || c == '.');
    initial || dotted || ABBREVIATIONS.contains(&t.lower.as_str())
}

/// FNV-1a, for maps keyed by words: the standard hasher (SipHash) resists keys crafted to
/// collide, which costs more than the word lookups it serves on every token.
#[derive(Debug, Clone, Copy)]
pub struct WordHasher(u64);

impl Default for WordHasher {
    fn default() -> Self {
        WordHasher(0xcbf2_9ce4_8422_2325)
    }
}

impl Hasher for WordHasher {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0 ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
        }
    }
}

/// A map keyed by words, hashed with [`WordHasher`].
pub type WordMap<K, V> = HashMap<K, V, BuildHasherDefault<WordHasher>>;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_and_marks_with_code_point_spans() {
        let tokens = tokenize("“Hi,” Zoë said.", 10);
        let texts: Vec<&str> = tokens.iter().map(|t| t.text.as_str()).collect();
        assert_eq!(texts, ["“", "Hi", ",", "”", "Zoë", "said", "."]);
        assert_eq!(tokens[4].span, Span::new(16, 19));
        assert!(tokens[4].is_capitalized() && tokens[4].is_word());
        assert!(!tokens[2].is_word());
        let tokens = tokenize("Mr. John D. Smith of the U.S. said so. Then", 0);
        let texts: Vec<&str> = tokens.iter().map(|t| t.text.as_str()).collect();
        assert_eq!(
            texts,
            ["Mr.", "John", "D.", "Smith", "of", "the", "U.S.", "said", "so", ".", "Then"]
        );
    }
}
