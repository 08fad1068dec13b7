//! The library in IndexedDB: documents, their summaries and settings, the journal of working
//! copies (the open documents' unsaved state), and — once a team database is connected — the
//! replica of the team's documents and where sync stands, each stored as JSON text under its
//! key. Every failure comes back as a [`StorageError`] with the browser's reason; the
//! app keeps working in memory when storage does not.

use idb::{Database, DatabaseEvent, Factory, ObjectStore, ObjectStoreParams, TransactionMode};
use thiserror::Error;
use wasm_bindgen::{JsCast, JsValue};

use crate::model::library::{DocSummary, StoredDocument, WorkingCopy};

/// The library database's name.
pub const DB_NAME: &str = "claimtag";
const DB_VERSION: u32 = 3;
const DOCUMENTS: &str = "documents";
const SUMMARIES: &str = "summaries";
const SETTINGS: &str = "settings";
/// Team documents (their revision trees and current bodies), by team document id.
const REPLICA: &str = "replica";
/// Where sync with the team database stands (one record).
const SYNC: &str = "sync";
const SYNC_KEY: &str = "team";
/// Working copies of documents with unsaved changes, by document id.
const JOURNAL: &str = "journal";

/// Why the library could not be read or written.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
#[error("{0}")]
pub struct StorageError(pub String);

impl From<idb::Error> for StorageError {
    fn from(error: idb::Error) -> Self {
        let text = error.to_string();
        if text.contains("Quota") || text.contains("quota") {
            StorageError("the browser's storage is full (quota exceeded)".to_string())
        } else {
            StorageError(format!("browser storage failed: {text}"))
        }
    }
}

/// An open connection to the library database; closed when dropped.
pub struct Storage {
    db: Database,
}

impl Drop for Storage {
    /// Closes the connection (the browser lets its transactions finish first). Left open, it
    /// would hold up a newer build's upgrade, or deleting the database, until it is garbage
    /// collected: its `versionchange` handler is freed with it and can no longer close it.
    fn drop(&mut self) {
        self.db.close();
    }
}

impl Storage {
    /// Opens (creating on first use) the library database.
    pub async fn open() -> Result<Storage, StorageError> {
        let factory = Factory::new().map_err(|_| {
            StorageError(
                "IndexedDB is not available in this browser mode (private windows may block it)"
                    .to_string(),
            )
        })?;
        let mut request = factory.open(DB_NAME, Some(DB_VERSION))?;
        request.on_upgrade_needed(|event| {
            let Ok(db) = event.database() else {
                return;
            };
            let names = db.store_names();
            for store in [DOCUMENTS, SUMMARIES, SETTINGS, REPLICA, SYNC, JOURNAL] {
                if !names.iter().any(|n| n == store) {
                    // A failure here fails the open request itself, which is reported.
                    let _ = db.create_object_store(store, ObjectStoreParams::new());
                }
            }
        });
        let mut db = request.await?;
        // A newer build opening the library with a higher version waits for every open
        // connection to close: this one closes when asked (a connection kept for journal writes
        // would otherwise block the upgrade; its next write fails and opens a fresh one).
        db.on_version_change(|event| {
            if let Some(target) = event.target() {
                let close = js_sys::Reflect::get(&target, &JsValue::from_str("close"))
                    .ok()
                    .and_then(|f| f.dyn_into::<js_sys::Function>().ok());
                if let Some(close) = close {
                    let _ = close.call0(&target);
                }
            }
        });
        Ok(Storage { db })
    }

    /// Writes a document and its summary in one transaction.
    pub async fn put_document(&self, document: &StoredDocument) -> Result<(), StorageError> {
        self.put_documents(std::slice::from_ref(document)).await
    }

    /// Writes many documents and their summaries in one transaction: all of them, or none.
    pub async fn put_documents(&self, documents: &[StoredDocument]) -> Result<(), StorageError> {
        self.in_both(|docs, summaries| {
            for document in documents {
                put_document_in(docs, summaries, document)?;
            }
            Ok(())
        })
        .await
    }

    /// Removes many documents (and any working copies of them) for good, in one transaction.
    pub async fn delete_documents(&self, ids: &[String]) -> Result<(), StorageError> {
        self.in_stores(&[DOCUMENTS, SUMMARIES, JOURNAL], |stores| {
            for id in ids {
                for store in stores {
                    store.delete(JsValue::from_str(id))?;
                }
            }
            Ok(())
        })
        .await
    }

    /// Runs `change` on the documents and summaries stores in one read-write transaction and
    /// waits until it is committed.
    async fn in_both(
        &self,
        change: impl FnOnce(&ObjectStore, &ObjectStore) -> Result<(), idb::Error>,
    ) -> Result<(), StorageError> {
        self.in_stores(&[DOCUMENTS, SUMMARIES], |stores| {
            change(&stores[0], &stores[1])
        })
        .await
    }

    /// Runs `change` on `names` (in that order) in one read-write transaction and waits until
    /// it is committed.
    async fn in_stores(
        &self,
        names: &[&str],
        change: impl FnOnce(&[ObjectStore]) -> Result<(), idb::Error>,
    ) -> Result<(), StorageError> {
        let transaction = self.db.transaction(names, TransactionMode::ReadWrite)?;
        let stores = names
            .iter()
            .map(|name| transaction.object_store(name))
            .collect::<Result<Vec<_>, _>>()?;
        change(&stores)?;
        transaction.commit()?.await?;
        Ok(())
    }

    /// Writes one step of team sync in one transaction: the replica's changed entries (JSON by
    /// team document id) and the sync state — both, or neither, so a crash never leaves the
    /// replica ahead of its checkpoint. (Steps that write library documents too use a
    /// [`Writing`].)
    pub async fn put_sync_step(
        &self,
        entries: &[(String, String)],
        state: &str,
    ) -> Result<(), StorageError> {
        let writing = self.writing()?;
        for (id, json) in entries {
            writing.put_replica_entry(id, json)?;
        }
        writing.put_sync_state(state)?;
        writing.commit().await
    }

    /// The stored sync state, if a team database was ever connected.
    pub async fn get_sync_state(&self) -> Result<Option<String>, StorageError> {
        self.get(SYNC, SYNC_KEY).await
    }

    /// Every replica entry, as JSON text.
    pub async fn all_replica_entries(&self) -> Result<Vec<(String, String)>, StorageError> {
        let transaction = self.db.transaction(&[REPLICA], TransactionMode::ReadOnly)?;
        let store = transaction.object_store(REPLICA)?;
        let keys = store.get_all_keys(None, None)?.await?;
        let values = store.get_all(None, None)?.await?;
        Ok(keys
            .iter()
            .zip(values.iter())
            .filter_map(|(k, v)| Some((k.as_string()?, v.as_string()?)))
            .collect())
    }

    /// Forgets the team: the replica and the sync state (library documents stay).
    pub async fn clear_team(&self) -> Result<(), StorageError> {
        self.in_stores(&[REPLICA, SYNC], |stores| {
            stores[0].clear()?;
            stores[1].clear()?;
            Ok(())
        })
        .await
    }

    /// Reads a document.
    pub async fn get_document(&self, id: &str) -> Result<Option<StoredDocument>, StorageError> {
        let Some(json) = self.get(DOCUMENTS, id).await? else {
            return Ok(None);
        };
        StoredDocument::from_json(&json)
            .map(Some)
            .map_err(|e| StorageError(e.to_string()))
    }

    /// Every document (for "Export all").
    pub async fn all_documents(&self) -> Result<Vec<StoredDocument>, StorageError> {
        self.all(DOCUMENTS)
            .await?
            .iter()
            .map(|json| StoredDocument::from_json(json).map_err(|e| StorageError(e.to_string())))
            .collect()
    }

    /// The summary of a document.
    pub async fn get_summary(&self, id: &str) -> Result<Option<DocSummary>, StorageError> {
        Ok(self
            .get(SUMMARIES, id)
            .await?
            .and_then(|json| serde_json::from_str(&json).ok()))
    }

    /// Every summary, for the library list.
    pub async fn all_summaries(&self) -> Result<Vec<DocSummary>, StorageError> {
        Ok(self
            .all(SUMMARIES)
            .await?
            .iter()
            .filter_map(|json| serde_json::from_str(json).ok())
            .collect())
    }

    /// Writes the working copy of document `id` in a transaction of its own (nothing else
    /// waits for it, and it waits for nothing but earlier writes), and waits until it is
    /// committed.
    pub async fn put_working_copy(&self, id: &str, copy: &WorkingCopy) -> Result<(), StorageError> {
        let json = JsValue::from_str(&copy.to_json());
        self.in_stores(&[JOURNAL], |stores| {
            stores[0].put(&json, Some(&JsValue::from_str(id)))?;
            Ok(())
        })
        .await
    }

    /// The working copy of document `id`, if the journal holds a readable one.
    pub async fn get_working_copy(&self, id: &str) -> Result<Option<WorkingCopy>, StorageError> {
        Ok(self
            .get(JOURNAL, id)
            .await?
            .and_then(|json| WorkingCopy::from_json(&json)))
    }

    /// Every readable working copy in the journal.
    pub async fn all_working_copies(&self) -> Result<Vec<WorkingCopy>, StorageError> {
        Ok(self
            .all(JOURNAL)
            .await?
            .iter()
            .filter_map(|json| WorkingCopy::from_json(json))
            .collect())
    }

    /// Removes the working copy of document `id`.
    pub async fn delete_working_copy(&self, id: &str) -> Result<(), StorageError> {
        self.in_stores(&[JOURNAL], |stores| {
            stores[0].delete(JsValue::from_str(id))?;
            Ok(())
        })
        .await
    }

    /// Removes a document for good.
    pub async fn delete_document(&self, id: &str) -> Result<(), StorageError> {
        self.delete_documents(&[id.to_string()]).await
    }

    /// A setting (the open document, the annotator name).
    pub async fn get_setting(&self, name: &str) -> Result<Option<String>, StorageError> {
        self.get(SETTINGS, name).await
    }

    /// Stores a setting.
    pub async fn put_setting(&self, name: &str, value: &str) -> Result<(), StorageError> {
        let transaction = self
            .db
            .transaction(&[SETTINGS], TransactionMode::ReadWrite)?;
        transaction
            .object_store(SETTINGS)?
            .put(&JsValue::from_str(value), Some(&JsValue::from_str(name)))?
            .await?;
        transaction.commit()?.await?;
        Ok(())
    }

    async fn get(&self, store: &str, key: &str) -> Result<Option<String>, StorageError> {
        let transaction = self.db.transaction(&[store], TransactionMode::ReadOnly)?;
        let value = transaction
            .object_store(store)?
            .get(JsValue::from_str(key))?
            .await?;
        Ok(value.and_then(|v| v.as_string()))
    }

    async fn all(&self, store: &str) -> Result<Vec<String>, StorageError> {
        let transaction = self.db.transaction(&[store], TransactionMode::ReadOnly)?;
        let values = transaction
            .object_store(store)?
            .get_all(None, None)?
            .await?;
        Ok(values.iter().filter_map(JsValue::as_string).collect())
    }
}

/// A read-write transaction over the documents, their summaries, the settings, the team
/// replica and the journal: what it reads cannot change before what it writes is committed, so a save, a rename
/// or a sync step that reads a document and writes it back never overwrites a write that came
/// between. Only IndexedDB requests may be awaited while it is open.
pub struct Writing {
    transaction: idb::Transaction,
    stores: Vec<ObjectStore>,
}

/// The stores of a [`Writing`], in this order.
const WRITING_STORES: [&str; 6] = [DOCUMENTS, SUMMARIES, SETTINGS, REPLICA, SYNC, JOURNAL];

impl Storage {
    /// Opens a [`Writing`].
    pub fn writing(&self) -> Result<Writing, StorageError> {
        let transaction = self
            .db
            .transaction(&WRITING_STORES, TransactionMode::ReadWrite)?;
        let stores = WRITING_STORES
            .iter()
            .map(|name| transaction.object_store(name))
            .collect::<Result<Vec<_>, _>>()?;
        Ok(Writing {
            transaction,
            stores,
        })
    }
}

impl Writing {
    async fn get(&self, store: usize, key: &str) -> Result<Option<String>, StorageError> {
        let value = self.stores[store].get(JsValue::from_str(key))?.await?;
        Ok(value.and_then(|v| v.as_string()))
    }

    fn put(&self, store: usize, key: &str, value: &str) -> Result<(), StorageError> {
        self.stores[store].put(&JsValue::from_str(value), Some(&JsValue::from_str(key)))?;
        Ok(())
    }

    /// The summary of a document.
    pub async fn get_summary(&self, id: &str) -> Result<Option<DocSummary>, StorageError> {
        Ok(self
            .get(1, id)
            .await?
            .and_then(|json| serde_json::from_str(&json).ok()))
    }

    /// Reads a document.
    pub async fn get_document(&self, id: &str) -> Result<Option<StoredDocument>, StorageError> {
        let Some(json) = self.get(0, id).await? else {
            return Ok(None);
        };
        StoredDocument::from_json(&json)
            .map(Some)
            .map_err(|e| StorageError(e.to_string()))
    }

    /// Writes a document and its summary.
    pub fn put_document(&self, document: &StoredDocument) -> Result<(), StorageError> {
        put_document_in(&self.stores[0], &self.stores[1], document)?;
        Ok(())
    }

    /// Stores a setting.
    pub fn put_setting(&self, name: &str, value: &str) -> Result<(), StorageError> {
        self.put(2, name, value)
    }

    /// Stores a replica entry (JSON) under its team document id.
    pub fn put_replica_entry(&self, id: &str, json: &str) -> Result<(), StorageError> {
        self.put(3, id, json)
    }

    /// Stores the sync state.
    pub fn put_sync_state(&self, json: &str) -> Result<(), StorageError> {
        self.put(4, SYNC_KEY, json)
    }

    /// The working copy of document `id`, if the journal holds a readable one.
    pub async fn get_working_copy(&self, id: &str) -> Result<Option<WorkingCopy>, StorageError> {
        Ok(self
            .get(5, id)
            .await?
            .and_then(|json| WorkingCopy::from_json(&json)))
    }

    /// Removes the working copy of document `id`.
    pub fn delete_working_copy(&self, id: &str) -> Result<(), StorageError> {
        self.stores[5].delete(JsValue::from_str(id))?;
        Ok(())
    }

    /// Commits everything written, or nothing.
    pub async fn commit(self) -> Result<(), StorageError> {
        self.transaction.commit()?.await?;
        Ok(())
    }
}

/// Puts a document and its summary into the stores of a running transaction.
fn put_document_in(
    docs: &ObjectStore,
    summaries: &ObjectStore,
    document: &StoredDocument,
) -> Result<(), idb::Error> {
    let key = JsValue::from_str(&document.info.id);
    let summary = serde_json::to_string(&document.summary()).unwrap_or_default();
    docs.put(&JsValue::from_str(&document.to_json()), Some(&key))?;
    summaries.put(&JsValue::from_str(&summary), Some(&key))?;
    Ok(())
}

/// Asks the browser to keep the library even under storage pressure, and reports usage:
/// `(persisted, used bytes, quota bytes)`.
pub async fn persist_and_estimate() -> Option<(bool, f64, f64)> {
    let storage = web_sys::window()?.navigator().storage();
    let persisted = match storage.persist() {
        Ok(promise) => wasm_bindgen_futures::JsFuture::from(promise)
            .await
            .ok()
            .and_then(|v| v.as_bool())
            .unwrap_or(false),
        Err(_) => false,
    };
    let estimate = wasm_bindgen_futures::JsFuture::from(storage.estimate().ok()?)
        .await
        .ok()?;
    let number = |key: &str| {
        js_sys::Reflect::get(&estimate, &JsValue::from_str(key))
            .ok()
            .and_then(|v| v.as_f64())
            .unwrap_or(0.0)
    };
    Some((persisted, number("usage"), number("quota")))
}
