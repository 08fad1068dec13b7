//! Export formats. One file per format.

pub mod filename;
pub mod jsonl;
pub mod native;
