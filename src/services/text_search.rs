//! Searching the full text of every document in the library (the corpus view's "Search the
//! text too"): documents are read a few at a time, in steps that yield to the browser, and the
//! ids whose text holds every word of the query come back for the list's filter.

use yew::Callback;

use crate::services::jobs::{now_ms, yield_to_browser, STEP_MS};
use crate::services::storage::{Storage, StorageError};

/// The ids (sorted) among `ids` whose title or text holds every word of `query`, ignoring
/// case; `progress` hears (documents read, documents in all).
pub async fn search_text(
    query: &str,
    ids: &[String],
    progress: Callback<(usize, usize)>,
) -> Result<Vec<String>, StorageError> {
    let words: Vec<String> = query.split_whitespace().map(str::to_lowercase).collect();
    let storage = Storage::open().await?;
    let mut hits = Vec::new();
    let mut step_start = now_ms();
    for (n, id) in ids.iter().enumerate() {
        if let Some(doc) = storage.get_document(id).await? {
            let haystack = format!("{}\n{}", doc.meta.title, doc.text).to_lowercase();
            if words.iter().all(|w| haystack.contains(w.as_str())) {
                hits.push(id.clone());
            }
        }
        if now_ms() - step_start > STEP_MS {
            progress.emit((n + 1, ids.len()));
            yield_to_browser().await;
            step_start = now_ms();
        }
    }
    hits.sort();
    Ok(hits)
}
