//! Exporting the corpus, or the documents the corpus view shows, in any corpus format: the
//! documents are read from the library a few at a time, each written by the model's
//! [`CorpusWriter`], and the pieces gathered into a `Blob` — so a large export never sits in
//! memory as one string — with progress and Cancel.

use yew::Callback;

use crate::model::corpus::export::{CorpusFormat, CorpusWriter, ExportDoc, Splits};
use crate::model::format::filename::slug;
use crate::model::layer_choice::LayerChoice;
use crate::model::library::own_layer_name;
use crate::services::clock::now_iso;
use crate::services::download::download_parts;
use crate::services::jobs::{self, now_ms, yield_to_browser, STEP_MS};
use crate::services::storage::Storage;
use crate::state::{count_of, Action, CorpusAction, JobKind, Phase, Report};

/// What to export.
#[derive(Debug, Clone, PartialEq)]
pub struct ExportRequest {
    /// The format.
    pub format: CorpusFormat,
    /// Train / validation / test shares (for the dataset package).
    pub splits: Splits,
    /// The documents, in the order they are written.
    pub ids: Vec<String>,
    /// The dataset's name (file names, the dataset card).
    pub name: String,
    /// Which layer of each document: one's own, gold, one annotator's, or all of them.
    pub layer: LayerChoice,
    /// The user's annotator name (names their own layer in an export of all layers).
    pub annotator: String,
}

/// `43 KB`, `56.2 MB` (decimal units, as file managers show them).
fn size_text(bytes: usize) -> String {
    if bytes < 1_000_000 {
        format!("{} KB", bytes.div_ceil(1000))
    } else {
        format!("{:.1} MB", bytes as f64 / 1e6)
    }
}

/// Writes the export and offers it as a download, reporting to the corpus slice.
pub async fn run(request: ExportRequest, dispatch: Callback<Action>) {
    let total = request.ids.len();
    jobs::begin(JobKind::Export);
    dispatch.emit(
        CorpusAction::JobStarted {
            kind: JobKind::Export,
            title: format!(
                "Exporting {} as {}",
                count_of(total, "document"),
                request.format.name()
            ),
            total,
            now_ms: now_ms(),
        }
        .into(),
    );
    let phase = match write(&request, &dispatch).await {
        Ok(None) => Phase::Cancelled("Cancelled: no file was saved.".to_string()),
        Ok(Some(report)) => Phase::Finished(report),
        Err(e) => Phase::Failed(format!("The export stopped: {e}")),
    };
    dispatch.emit(
        CorpusAction::JobEnded {
            kind: JobKind::Export,
            phase,
        }
        .into(),
    );
}

/// The export's pieces, then the download; `None` when cancelled.
async fn write(
    request: &ExportRequest,
    dispatch: &Callback<Action>,
) -> Result<Option<Report>, String> {
    let storage = Storage::open().await.map_err(|e| e.to_string())?;
    let name = if request.name.trim().is_empty() {
        "claimtag-corpus".to_string()
    } else {
        request.name.trim().to_string()
    };
    let mut writer = CorpusWriter::new(request.format, request.splits, &name, &now_iso());
    let parts = js_sys::Array::new();
    let mut bytes = 0usize;
    let mut annotations = 0usize;
    let mut step_start = now_ms();
    for (n, id) in request.ids.iter().enumerate() {
        let Some(stored) = storage.get_document(id).await.map_err(|e| e.to_string())? else {
            continue;
        };
        let own = own_layer_name(&request.annotator);
        let (article, set) = stored
            .open_layer(own, &request.layer)
            .map_err(|e| e.to_string())?;
        annotations += set.len();
        let piece = writer
            .write(ExportDoc {
                info: &stored.info,
                article: &article,
                annotations: &set,
            })
            .map_err(|e| format!("“{}”: {e}", article.meta.title))?;
        bytes += piece.len();
        parts.push(&js_sys::Uint8Array::from(piece.as_slice()));
        if now_ms() - step_start > STEP_MS {
            dispatch.emit(
                CorpusAction::JobProgress {
                    kind: JobKind::Export,
                    done: n + 1,
                    now_ms: now_ms(),
                }
                .into(),
            );
            yield_to_browser().await;
            if jobs::is_cancelled(JobKind::Export) {
                return Ok(None);
            }
            step_start = now_ms();
        }
    }
    let documents = writer.documents();
    let end = writer.finish().map_err(|e| e.to_string())?;
    bytes += end.len();
    parts.push(&js_sys::Uint8Array::from(end.as_slice()));
    let file = request.format.file_name(&slug(&name));
    download_parts(&file, request.format.mime(), &parts).map_err(|e| e.to_string())?;
    Ok(Some(Report {
        summary: format!(
            "Saved {file}: {} with {}, {}.",
            count_of(documents, "document"),
            count_of(annotations, "annotation"),
            size_text(bytes)
        ),
        ..Report::default()
    }))
}
