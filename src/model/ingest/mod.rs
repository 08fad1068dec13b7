//! Turning what a user brings (text copied from a web page) into a clean [`crate::model::Article`].

pub mod date;
pub mod date_words;
pub mod encoding;
pub mod html;
pub mod load;
pub mod navigation;
pub mod plain_text;
#[cfg(test)]
mod plain_text_languages;

pub use plain_text::{clean_plain_text, IngestError};

/// Equal but for case and spacing: how a repeated headline is recognised.
pub(crate) fn same_words(a: &str, b: &str) -> bool {
    a.split_whitespace()
        .map(str::to_lowercase)
        .eq(b.split_whitespace().map(str::to_lowercase))
}

/// Words in the title given to a text that has none ([`first_words`]).
pub(crate) const TITLE_WORDS: usize = 12;

/// The first `n` words of `text`, with `…` when there are more: the title of a text that has
/// none of its own.
pub(crate) fn first_words(text: &str, n: usize) -> String {
    let words: Vec<&str> = text.split_whitespace().collect();
    let mut title = words[..words.len().min(n)].join(" ");
    if words.len() > n {
        title.push('…');
    }
    title
}
