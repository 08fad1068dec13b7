//! Bringing in other annotators' files as their layers: each file is read
//! ([`read_layer_file`]), named, and its documents matched to the library's by text hash — a
//! layer joins the stored document (replacing that annotator's older layer), a text the library
//! does not hold becomes a new document. Documents are written in batches, with the browser
//! given a turn between them.

use web_sys::File;

use crate::model::corpus::intake::{check_corpus_file, decoding};
use crate::model::layer_files::{read_layer_file, LayerFile};
use crate::model::library::{doc_id, AnnotatorLayer, DocInfo, LayerChange, StoredDocument};
use crate::services::clock::now_iso;
use crate::services::intake::corpus_bytes;
use crate::services::jobs::yield_to_browser;
use crate::services::loader::decode;
use crate::services::storage::Storage;
use crate::services::tabs;

/// Documents written in one transaction.
const DOCUMENTS_PER_BATCH: usize = 50;

/// Reads one annotator's file into layers, or says why it cannot be.
pub async fn read(name: &str, file: File) -> Result<LayerFile, String> {
    let bytes = corpus_bytes(name, file).await?;
    check_corpus_file(name, &bytes)?;
    let (sniffed, _) = decoding(&bytes);
    let text = decode(&bytes, &sniffed.label)?;
    read_layer_file(name, &text).map_err(|e| format!("“{name}”: {e}"))
}

/// What bringing the layers in did.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Added {
    /// Layers added to documents that had none by that annotator.
    pub added: usize,
    /// Layers that replaced the same annotator's older layer.
    pub replaced: usize,
    /// Layers identical to the ones stored.
    pub unchanged: usize,
    /// Documents new to the library.
    pub new_documents: usize,
    /// The open document's layers, when they changed.
    pub open_layers: Option<Vec<AnnotatorLayer>>,
}

/// Adds every file's layers (unnamed layers take the name given with the file), telling
/// `progress` (documents done, documents in all).
pub async fn add(
    files: Vec<(LayerFile, String)>,
    open_id: &str,
    tab: &str,
    progress: impl Fn(usize, usize),
) -> Result<Added, String> {
    let now = now_iso();
    let documents: Vec<_> = files
        .into_iter()
        .flat_map(|(file, name)| file.named(&name, &now))
        .collect();
    let total = documents.len();
    let storage = Storage::open().await.map_err(|e| e.to_string())?;
    let mut added = Added::default();
    let mut done = 0;
    for batch in documents.chunks(DOCUMENTS_PER_BATCH) {
        let mut writes: Vec<StoredDocument> = Vec::with_capacity(batch.len());
        for (article, layers) in batch {
            let id = doc_id(article);
            // A document may come twice in one batch (two files of the same text).
            let stored = match writes.iter().position(|w| w.info.id == id) {
                Some(at) => Some(writes.swap_remove(at)),
                None => storage.get_document(&id).await.map_err(|e| e.to_string())?,
            };
            let mut document = match stored {
                Some(stored) => stored,
                None => {
                    added.new_documents += 1;
                    let info = DocInfo {
                        id,
                        revision: 0,
                        writer: tab.to_string(),
                        added_at: now.clone(),
                        edited_at: now.clone(),
                        ..DocInfo::default()
                    };
                    StoredDocument::from_layers(info, article, Vec::new())
                }
            };
            let before = document.info.revision;
            for layer in layers {
                let (next, change) = document.with_layer(layer.clone());
                document = next;
                match change {
                    LayerChange::Added => added.added += 1,
                    LayerChange::Replaced => added.replaced += 1,
                    LayerChange::Unchanged => added.unchanged += 1,
                }
            }
            document.info.revision = before + 1;
            document.info.writer = tab.to_string();
            document.info.edited_at = now.clone();
            if document.info.id == open_id {
                added.open_layers = Some(document.layers.clone());
            }
            writes.push(document);
        }
        storage
            .put_documents(&writes)
            .await
            .map_err(|e| e.to_string())?;
        done += batch.len();
        progress(done, total);
        yield_to_browser().await;
    }
    // Many documents changed at once: team sync looks at the whole library.
    tabs::announce(tabs::EVERY_DOCUMENT, 0, tab);
    Ok(added)
}
