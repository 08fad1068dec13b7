//! The corpus: many documents as one dataset. [`intake`] reads corpus files (JSONL, JSON
//! arrays, doccano, Label Studio, CSV/TSV) into documents; [`export`] writes the whole corpus in
//! every format; [`listing`] filters, sorts and walks the library's documents.

pub mod export;
pub mod intake;
pub mod listing;
