//! Saving the open document into the library and reading it back at start-up, with the
//! revision check that keeps two tabs from silently overwriting each other's work.

use std::rc::Rc;

use crate::model::ingest::load::Loaded;
use crate::model::library::{
    AnnotatorLayer, Changes, DocInfo, GoldLayer, LayerChanges, StoredDocument, Work, WorkingCopy,
};
use crate::model::sync::layout::TEAM_LAYERS_WRITER;
use crate::model::{AnnotationSet, Article};
use crate::services::clock::now_iso;
use crate::services::storage::{Storage, StorageError};
use crate::services::tabs;

/// Setting that names the document open last.
pub const OPEN_DOCUMENT: &str = "open_document";
/// Setting that holds the team's assignment (JSON), as sync last saw it.
pub const TEAM_ASSIGNMENT: &str = "team_assignment";
/// Setting that holds the annotator name.
pub const ANNOTATOR: &str = "annotator";

/// What is being saved.
pub struct Snapshot {
    /// Bookkeeping as this tab knows it.
    pub info: DocInfo,
    /// The article.
    pub article: Rc<Article>,
    /// Its own annotations.
    pub annotations: Rc<AnnotationSet>,
    /// Its gold layer.
    pub gold: Rc<AnnotationSet>,
    /// Other annotators' layers, as this tab knows them.
    pub layers: Rc<Vec<AnnotatorLayer>>,
    /// This tab.
    pub tab: String,
    /// Store even if another tab stored a newer revision (the user chose this tab's version).
    pub overwrite: bool,
    /// This tab's change count for the document (see [`WorkingCopy::edits`]).
    pub edits: u64,
}

impl Snapshot {
    /// The stored form of what this tab has, with `info` and other annotators' `layers`.
    fn stored(&self, info: DocInfo, layers: Vec<AnnotatorLayer>) -> StoredDocument {
        StoredDocument {
            layers,
            gold: GoldLayer {
                annotations: self.gold.as_slice().to_vec(),
                rejected: self.gold.rejected().to_vec(),
            },
            ..StoredDocument::new(info, &self.article, &self.annotations)
        }
    }

    /// The working copy of what this tab has, written now: the changes since `stored` (its
    /// own and gold layers as the library holds them), or the whole document when nothing of
    /// it is stored or its article differs from the stored one (`stored` is `None`).
    pub fn working_copy(&self, stored: Option<(&AnnotationSet, &AnnotationSet)>) -> WorkingCopy {
        let info = DocInfo {
            writer: self.tab.clone(),
            edited_at: now_iso(),
            ..self.info.clone()
        };
        let work = match stored {
            Some((own, gold)) => Work::Changes(Box::new(Changes {
                own: LayerChanges::between(own, &self.annotations),
                gold: LayerChanges::between(gold, &self.gold),
            })),
            None => Work::Whole(Box::new(self.stored(info.clone(), Vec::new()))),
        };
        WorkingCopy {
            tab: self.tab.clone(),
            edits: self.edits,
            info,
            meta: self.article.meta.clone(),
            work,
        }
    }
}

/// Writes the working copy of the open document into the journal (see [`WorkingCopy`]).
pub async fn write_working_copy(storage: &Storage, copy: &WorkingCopy) -> Result<(), StorageError> {
    storage.put_working_copy(&copy.info.id, copy).await
}

/// How a save ended.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SaveOutcome {
    /// Stored.
    Saved {
        /// The new revision.
        revision: u64,
        /// Now.
        edited_at: String,
        /// When the document entered the library.
        added_at: String,
    },
    /// Another tab stored a newer revision; nothing was written.
    Conflict(u64),
}

/// Saves the snapshot unless another tab stored newer work of the same document.
pub async fn save(snapshot: &Snapshot) -> Result<SaveOutcome, StorageError> {
    let storage = Storage::open().await?;
    // One transaction from the check to the write: nothing (another tab, team sync) can store
    // this document in between and be overwritten.
    let writing = storage.writing()?;
    let stored = writing.get_summary(&snapshot.info.id).await?;
    if let Some(stored) = &stored {
        // Team sync changing only other annotators' layers is no conflict: their layers are
        // taken from the library below, this tab's work from the snapshot.
        let newer_elsewhere = stored.info.revision > snapshot.info.revision
            && stored.info.writer != snapshot.tab
            && stored.info.writer != TEAM_LAYERS_WRITER;
        if newer_elsewhere && !snapshot.overwrite {
            return Ok(SaveOutcome::Conflict(stored.info.revision));
        }
    }
    let now = now_iso();
    let added_at = stored
        .as_ref()
        .map(|s| s.info.added_at.clone())
        .filter(|a| !a.is_empty())
        .unwrap_or_else(|| now.clone());
    let revision = stored
        .as_ref()
        .map_or(0, |s| s.info.revision)
        .max(snapshot.info.revision)
        + 1;
    let info = DocInfo {
        revision,
        writer: snapshot.tab.clone(),
        edited_at: now.clone(),
        added_at: added_at.clone(),
        deleted_at: None,
        ..snapshot.info.clone()
    };
    // Other annotators' layers change only in the library (by bringing in their files, or by
    // team sync): when it holds a revision this tab has not seen, its layers are the newest.
    let written_since = stored
        .as_ref()
        .is_some_and(|s| s.info.revision > snapshot.info.revision);
    let layers = match written_since {
        true => match writing.get_document(&snapshot.info.id).await? {
            Some(stored) => stored.layers,
            None => snapshot.layers.to_vec(),
        },
        false => snapshot.layers.to_vec(),
    };
    writing.put_document(&snapshot.stored(info, layers))?;
    // The working copy is folded in now, unless it holds changes made after this snapshot.
    let folded = writing
        .get_working_copy(&snapshot.info.id)
        .await?
        .is_some_and(|copy| copy.saved_by(&snapshot.tab, snapshot.edits));
    if folded {
        writing.delete_working_copy(&snapshot.info.id)?;
    }
    writing.put_setting(OPEN_DOCUMENT, &snapshot.info.id)?;
    writing.commit().await?;
    tabs::announce(&snapshot.info.id, revision, &snapshot.tab);
    Ok(SaveOutcome::Saved {
        revision,
        edited_at: now,
        added_at,
    })
}

/// A stored document, opened.
pub async fn open_document(id: &str) -> Result<Option<(Loaded, DocInfo)>, StorageError> {
    let storage = Storage::open().await?;
    match storage.get_document(id).await? {
        Some(stored) => opened(stored).map(Some),
        None => Ok(None),
    }
}

/// The article and annotations of a stored document, checked, with its bookkeeping.
pub fn opened(stored: StoredDocument) -> Result<(Loaded, DocInfo), StorageError> {
    let (article, annotations) = stored.open().map_err(|e| StorageError(e.to_string()))?;
    Ok((
        Loaded {
            article,
            annotations,
            remark: None,
            more: Vec::new(),
            layers: stored.layers,
            gold: stored.gold,
        },
        stored.info,
    ))
}

/// Drops this tab's unsaved work of document `id` (the user chose the library's version).
pub async fn discard_working_copy(id: &str) -> Result<(), StorageError> {
    Storage::open().await?.delete_working_copy(id).await
}

/// Changes a stored document that is not open here (rename, status, trash), as a new revision.
pub async fn update_stored(
    id: &str,
    tab: &str,
    change: impl FnOnce(&mut StoredDocument),
) -> Result<(), StorageError> {
    let storage = Storage::open().await?;
    let writing = storage.writing()?;
    let Some(mut stored) = writing.get_document(id).await? else {
        return Err(StorageError(
            "the document is no longer in the library".to_string(),
        ));
    };
    change(&mut stored);
    stored.info.revision += 1;
    stored.info.writer = tab.to_string();
    stored.info.edited_at = now_iso();
    writing.put_document(&stored)?;
    writing.commit().await?;
    tabs::announce(id, stored.info.revision, tab);
    Ok(())
}

/// Adds documents to the library (those it does not hold yet); returns how many were added.
pub async fn add_documents(
    documents: &[(Article, AnnotationSet)],
    tab: &str,
) -> Result<usize, StorageError> {
    let storage = Storage::open().await?;
    let now = now_iso();
    let mut added = 0;
    for (article, annotations) in documents {
        let id = crate::model::library::doc_id(article);
        if storage.get_summary(&id).await?.is_some() {
            continue;
        }
        let info = DocInfo {
            id,
            revision: 1,
            writer: tab.to_string(),
            added_at: now.clone(),
            edited_at: now.clone(),
            ..DocInfo::default()
        };
        storage
            .put_document(&StoredDocument::new(info, article, annotations))
            .await?;
        added += 1;
    }
    // Many documents changed at once: team sync looks at the whole library.
    tabs::announce(tabs::EVERY_DOCUMENT, 0, tab);
    Ok(added)
}

/// Every document in the library that is not in the trash, opened, in the order added.
pub async fn all_open_documents() -> Result<Vec<(Article, AnnotationSet)>, StorageError> {
    let storage = Storage::open().await?;
    let mut documents: Vec<StoredDocument> = storage
        .all_documents()
        .await?
        .into_iter()
        .filter(|d| d.info.deleted_at.is_none())
        .collect();
    documents.sort_by(|a, b| a.info.added_at.cmp(&b.info.added_at));
    documents
        .iter()
        .map(|d| d.open().map_err(|e| StorageError(e.to_string())))
        .collect()
}
