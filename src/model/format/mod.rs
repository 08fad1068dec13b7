//! Export formats. One file per format.

pub mod filename;
pub mod native;
