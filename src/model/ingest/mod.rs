//! Turning what a user brings (text copied from a web page) into a clean [`crate::model::Article`].

pub mod date;
pub mod encoding;
pub mod html;
pub mod load;
pub mod plain_text;

pub use plain_text::{clean_plain_text, IngestError};

/// Equal but for case and spacing: how a repeated headline is recognised.
pub(crate) fn same_words(a: &str, b: &str) -> bool {
    a.split_whitespace()
        .map(str::to_lowercase)
        .eq(b.split_whitespace().map(str::to_lowercase))
}
