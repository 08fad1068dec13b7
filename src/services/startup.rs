//! What start-up reads from the library: the annotator name, the journal's working copies and
//! the document to reopen — the newest unsaved work a closed tab left (a crash), or else the
//! document open last. The inline script in `index.html` reads the same records while the
//! wasm module is still being fetched and compiled, and hands them over as
//! `window.__claimtagPrefetch`; without them (a library from an older build, a browser that
//! refused) they are read here.

use wasm_bindgen::{JsCast, JsValue};

use crate::model::ingest::load::Loaded;
use crate::model::library::{DocInfo, StoredDocument, WorkingCopy};
use crate::services::library::{opened, ANNOTATOR, OPEN_DOCUMENT};
use crate::services::storage::{Storage, StorageError};
use crate::services::tabs;
use crate::state::count_of;

/// The global that the inline script of `index.html` leaves its reading in (a promise).
const PREFETCH: &str = "__claimtagPrefetch";

/// What start-up finds.
pub struct Startup {
    /// The document to open, if any.
    pub open: Option<(Loaded, DocInfo)>,
    /// Whether `open` is recovered unsaved work, to be saved again.
    pub recovered: bool,
    /// The annotator name.
    pub annotator: String,
}

/// The records start-up needs, as read.
#[derive(Default)]
struct Records {
    annotator: String,
    copies: Vec<WorkingCopy>,
    /// The document open last: its id, and the document if the library still holds it.
    last: Option<(String, Option<StoredDocument>)>,
}

/// Reads the library at start-up. Working copies of tabs still open are theirs to save and are
/// left alone (which tabs are open is asked only when the journal holds any: it takes a while
/// in a browser just started).
pub async fn startup() -> Result<Startup, StorageError> {
    let records = match prefetched().await {
        Some(records) => records,
        None => read(&Storage::open().await?).await?,
    };
    let Records {
        annotator,
        copies,
        last,
    } = records;
    let live_tabs = match copies.is_empty() {
        true => Vec::new(),
        false => tabs::live_tabs().await,
    };
    let mut orphans: Vec<WorkingCopy> = copies
        .into_iter()
        .filter(|copy| !live_tabs.contains(&copy.tab))
        .collect();
    orphans.sort_by(|a, b| b.info.edited_at.cmp(&a.info.edited_at));
    let others = orphans.len().saturating_sub(1);
    if let Some(copy) = orphans.into_iter().next() {
        let stored = match &last {
            Some((id, stored)) if *id == copy.info.id => stored.clone(),
            _ => Storage::open().await?.get_document(&copy.info.id).await?,
        };
        if let Some((loaded, info)) = recover(copy, stored).await? {
            let remark = match others {
                0 => loaded.remark,
                n => Some(format!(
                    "{} Unsaved changes to {} were kept as well: they come back when you open {} from the Library.",
                    loaded.remark.unwrap_or_default(),
                    count_of(n, "other document"),
                    if n == 1 { "it" } else { "them" },
                )),
            };
            return Ok(Startup {
                open: Some((Loaded { remark, ..loaded }, info)),
                recovered: true,
                annotator,
            });
        }
    }
    let open = match last.and_then(|(_, stored)| stored) {
        Some(stored) if stored.info.deleted_at.is_none() => Some(opened(stored)?),
        _ => None,
    };
    Ok(Startup {
        open,
        recovered: false,
        annotator,
    })
}

/// The records, read from the library.
async fn read(storage: &Storage) -> Result<Records, StorageError> {
    let annotator = storage.get_setting(ANNOTATOR).await?.unwrap_or_default();
    let copies = storage.all_working_copies().await?;
    let last = match storage.get_setting(OPEN_DOCUMENT).await? {
        Some(id) => {
            let stored = storage.get_document(&id).await?;
            Some((id, stored))
        }
        None => None,
    };
    Ok(Records {
        annotator,
        copies,
        last,
    })
}

/// What the inline script of `index.html` read, if it could: `{annotator, journal: [json], id, document: json}`.
async fn prefetched() -> Option<Records> {
    let window = web_sys::window()?;
    let promise = js_sys::Reflect::get(&window, &JsValue::from_str(PREFETCH)).ok()?;
    // Taken once: later reads (after a conflict, another tab's save) go to the library.
    let _ = js_sys::Reflect::delete_property(&window, &JsValue::from_str(PREFETCH));
    let promise = promise.dyn_into::<js_sys::Promise>().ok()?;
    let found = wasm_bindgen_futures::JsFuture::from(promise).await.ok()?;
    if !found.is_object() {
        return None;
    }
    let field = |name: &str| js_sys::Reflect::get(&found, &JsValue::from_str(name)).ok();
    let text = |name: &str| field(name).and_then(|v| v.as_string());
    let copies = field("journal")
        .and_then(|v| v.dyn_into::<js_sys::Array>().ok())
        .map(|list| {
            list.iter()
                .filter_map(|json| json.as_string())
                .filter_map(|json| WorkingCopy::from_json(&json))
                .collect()
        })
        .unwrap_or_default();
    let last = match text("id") {
        // An unreadable document is read again by the app, which reports why.
        Some(id) => match text("document").map(|json| StoredDocument::from_json(&json)) {
            Some(Err(_)) => return None,
            stored => Some((id, stored.and_then(Result::ok))),
        },
        None => None,
    };
    Some(Records {
        annotator: text("annotator").unwrap_or_default(),
        copies,
        last,
    })
}

/// The document with the unsaved work of `copy` laid over the library's version `stored`; a
/// copy that cannot be used (its document was deleted or trashed since, or its offsets no
/// longer fit) is removed from the journal.
async fn recover(
    copy: WorkingCopy,
    stored: Option<StoredDocument>,
) -> Result<Option<(Loaded, DocInfo)>, StorageError> {
    let id = copy.info.id.clone();
    let recovered = copy
        .over(stored.as_ref())
        .filter(|r| r.document.info.deleted_at.is_none());
    let remark = match recovered.as_ref().map(|r| r.stale) {
        Some(false) => "Restored your last changes, which had not been saved when claimtag closed.",
        _ => {
            "Restored your changes that had not been saved when claimtag closed; the library \
             has a newer version of this document, so choose which to keep."
        }
    };
    match recovered.map(|r| opened(r.document)) {
        Some(Ok((loaded, info))) => Ok(Some((
            Loaded {
                remark: Some(remark.to_string()),
                ..loaded
            },
            info,
        ))),
        _ => {
            Storage::open().await?.delete_working_copy(&id).await?;
            Ok(None)
        }
    }
}

/// A stored document opened from the library, with the unsaved work a closed tab left of it
/// (a crash in a session of several tabs leaves one working copy per document; start-up
/// reopens only the newest) laid over it. The bool says the work was recovered, to be saved.
pub async fn reopen(id: &str) -> Result<Option<((Loaded, DocInfo), bool)>, StorageError> {
    let storage = Storage::open().await?;
    let stored = storage.get_document(id).await?;
    if let Some(copy) = storage.get_working_copy(id).await? {
        if !tabs::live_tabs().await.contains(&copy.tab) {
            if let Some(open) = recover(copy, stored.clone()).await? {
                return Ok(Some((open, true)));
            }
        }
    }
    Ok(stored.map(opened).transpose()?.map(|open| (open, false)))
}
