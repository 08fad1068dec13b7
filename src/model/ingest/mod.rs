//! Turning what a user brings (text copied from a web page) into a clean [`crate::model::Article`].

pub mod date;
pub mod encoding;
pub mod html;
pub mod load;
pub mod plain_text;

pub use plain_text::{clean_plain_text, IngestError};
