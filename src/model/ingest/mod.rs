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
