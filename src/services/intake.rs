//! Bringing many files into the library at once — picked, dropped, or a whole folder: each
//! file is read and sorted into an article or a corpus file (which waits for its mapping), then
//! the intake job adds every record in short steps, with progress, Cancel (which takes back
//! what this intake added) and a result list.

use std::collections::{BTreeMap, HashSet};

use js_sys::Uint8Array;
use wasm_bindgen_futures::JsFuture;
use web_sys::File;
use yew::Callback;

use crate::model::corpus::intake::{
    check_corpus_file, decoding, is_corpus_file, preview, Intake, IntakeRecord, MAX_CORPUS_BYTES,
};
use crate::model::ingest::encoding::{check_file, sniff};
use crate::model::ingest::load::{encoding_remark, kind_of, InputKind};
use crate::model::library::{doc_id, DocInfo, StoredDocument};
use crate::model::{AnnotationSet, Article};
use crate::services::clock::now_iso;
use crate::services::jobs::{self, now_ms, yield_to_browser, STEP_MS};
use crate::services::loader::{decode, load_input};
use crate::services::storage::Storage;
use crate::services::tabs;
use crate::state::{
    count_of, Action, Contents, CorpusAction, Incoming, JobKind, Phase, Report, SharedText,
};

/// How long records are read before the step writes them and yields: half a step, since
/// serialising and storing what was read takes about as long again.
const READ_MS: f64 = STEP_MS / 2.0;

/// Records read between two looks at the clock (a 5,000-word record takes about 3 ms).
const RECORDS_PER_READ: usize = 4;

/// Reads and sorts every file, yielding to the browser between files; `progress` hears
/// (files read, files in all).
pub async fn read_all(
    files: Vec<(String, File)>,
    progress: Callback<(usize, usize)>,
) -> Vec<Incoming> {
    let total = files.len();
    let mut out = Vec::with_capacity(total);
    for (n, (name, file)) in files.into_iter().enumerate() {
        let what = read_one(&name, file)
            .await
            .unwrap_or_else(Contents::Refused);
        out.push(Incoming { name, what });
        progress.emit((n + 1, total));
        yield_to_browser().await;
    }
    out
}

/// The bytes of a file of up to [`MAX_CORPUS_BYTES`], refusing a larger one before reading it.
pub async fn corpus_bytes(name: &str, file: File) -> Result<Vec<u8>, String> {
    let size = file.size() as usize;
    if size > MAX_CORPUS_BYTES {
        return Err(format!(
            "“{name}” is {:.0} MB; claimtag takes corpus files up to {} MB. Split it and add the parts.",
            size as f64 / 1_048_576.0,
            MAX_CORPUS_BYTES / 1_048_576
        ));
    }
    let buffer = JsFuture::from(file.array_buffer())
        .await
        .map_err(|_| format!("The browser could not read the file “{name}”."))?;
    Ok(Uint8Array::new(&buffer).to_vec())
}

async fn read_one(name: &str, file: File) -> Result<Contents, String> {
    let bytes = corpus_bytes(name, file).await?;
    let start = String::from_utf8_lossy(&bytes[..bytes.len().min(8192)]).into_owned();
    if is_corpus_file(name, &start) {
        check_corpus_file(name, &bytes)?;
        let (sniffed, remark) = decoding(&bytes);
        let text = decode(&bytes, &sniffed.label)?;
        let preview = preview(name, &text).map_err(|e| format!("“{name}”: {e}"))?;
        return Ok(Contents::Corpus {
            mapping: preview.mapping.clone(),
            text: SharedText(text.into()),
            preview: Box::new(preview),
            remark,
        });
    }
    check_file(name, &bytes).map_err(|e| e.to_string())?;
    let kind = kind_of(name, &start);
    let sniffed = sniff(&bytes, kind == InputKind::Html);
    Ok(Contents::Article {
        kind,
        text: SharedText(decode(&bytes, &sniffed.label)?.into()),
        remark: encoding_remark(&sniffed),
    })
}

/// Adds every readable file's documents to the library, in steps of at most [`STEP_MS`],
/// reporting progress and the result to the corpus slice. Cancel takes back every document
/// this intake added, so a cancelled intake leaves the library as it was.
pub async fn run(incoming: Vec<Incoming>, tab: String, dispatch: Callback<Action>) {
    let total: usize = incoming.iter().map(Incoming::units).sum();
    let files = incoming.iter().filter(|i| i.units() > 0).count();
    jobs::begin(JobKind::Intake);
    dispatch.emit(
        CorpusAction::JobStarted {
            kind: JobKind::Intake,
            title: format!(
                "Adding {} from {}",
                count_of(total, "record"),
                count_of(files, "file")
            ),
            total,
            now_ms: now_ms(),
        }
        .into(),
    );
    let mut job = IntakeJob::default();
    let phase = match job.add_all(incoming, &tab, &dispatch).await {
        Ok(()) if jobs::is_cancelled(JobKind::Intake) => match job.take_back().await {
            Ok(()) => Phase::Cancelled(
                "Cancelled: nothing was added; the library is as it was.".to_string(),
            ),
            Err(e) => Phase::Failed(format!(
                "Cancelled, but {} added before Cancel could not be taken back: {e}",
                count_of(job.report.added.len(), "document")
            )),
        },
        Ok(()) => Phase::Finished(job.finish()),
        Err(e) => Phase::Failed(format!(
            "Adding stopped: {e}. {} were added before that.",
            count_of(job.report.added.len(), "document")
        )),
    };
    dispatch.emit(
        CorpusAction::JobEnded {
            kind: JobKind::Intake,
            phase,
        }
        .into(),
    );
    // Many documents changed at once: team sync looks at the whole library.
    tabs::announce(tabs::EVERY_DOCUMENT, 0, &tab);
    refresh_listing(&dispatch).await;
}

/// Reads the library listing again into the corpus slice.
pub async fn refresh_listing(dispatch: &Callback<Action>) {
    let read = async { Storage::open().await?.all_summaries().await };
    dispatch.emit(
        match read.await {
            Ok(rows) => CorpusAction::Listed(rows),
            Err(e) => CorpusAction::ListingFailed(e.to_string()),
        }
        .into(),
    );
}

/// The intake's running account.
#[derive(Default)]
struct IntakeJob {
    report: Report,
    /// Ids in the library, and those added so far.
    known: HashSet<String>,
    left_out: BTreeMap<String, usize>,
    not_placed: usize,
    merged: usize,
    pending: Vec<StoredDocument>,
    done: usize,
}

impl IntakeJob {
    async fn add_all(
        &mut self,
        incoming: Vec<Incoming>,
        tab: &str,
        dispatch: &Callback<Action>,
    ) -> Result<(), String> {
        let storage = Storage::open().await.map_err(|e| e.to_string())?;
        self.known = storage
            .all_summaries()
            .await
            .map_err(|e| e.to_string())?
            .into_iter()
            .map(|s| s.info.id)
            .collect();
        let now = now_iso();
        let mut step_start = now_ms();
        for item in incoming {
            match item.what {
                Contents::Refused(reason) => self.report.refused.push((item.name, reason)),
                Contents::Article { kind, text, remark } => {
                    match load_input(kind, &text.0, Some(item.name.clone())) {
                        Ok(mut loaded) => {
                            let more = std::mem::take(&mut loaded.more);
                            self.offer(&item.name, loaded.article, loaded.annotations, tab, &now);
                            for (n, (article, annotations)) in more.into_iter().enumerate() {
                                let place = format!("{} line {}", item.name, n + 2);
                                self.offer(&place, article, annotations, tab, &now);
                            }
                            if let Some(remark) = remark {
                                self.report.remarks.push(format!("{}: {remark}", item.name));
                            }
                        }
                        Err(reason) => self.report.refused.push((item.name, reason)),
                    }
                    self.done += 1;
                }
                Contents::Corpus {
                    text,
                    mapping,
                    remark,
                    ..
                } => {
                    if let Some(remark) = remark {
                        self.report.remarks.push(format!("{}: {remark}", item.name));
                    }
                    let mut intake = match Intake::new(&item.name, text.0.to_string(), mapping) {
                        Ok(intake) => intake,
                        Err(reason) => {
                            self.report.refused.push((item.name, reason));
                            continue;
                        }
                    };
                    while !intake.done() {
                        for read in intake.next_batch(RECORDS_PER_READ) {
                            self.done += 1;
                            match read {
                                Ok(record) => self.offer_record(&item.name, record, tab, &now),
                                // The reason names the line ("Line 7: not JSON …").
                                Err(refused) => self
                                    .report
                                    .refused
                                    .push((item.name.clone(), refused.reason)),
                            }
                        }
                        if now_ms() - step_start > READ_MS {
                            self.step(&storage, dispatch).await?;
                            if jobs::is_cancelled(JobKind::Intake) {
                                return Ok(());
                            }
                            step_start = now_ms();
                        }
                    }
                }
            }
            if now_ms() - step_start > READ_MS {
                self.step(&storage, dispatch).await?;
                if jobs::is_cancelled(JobKind::Intake) {
                    return Ok(());
                }
                step_start = now_ms();
            }
        }
        self.step(&storage, dispatch).await
    }

    /// Writes what is pending in one transaction, reports progress, lets the browser breathe.
    async fn step(&mut self, storage: &Storage, dispatch: &Callback<Action>) -> Result<(), String> {
        if !self.pending.is_empty() {
            let batch = std::mem::take(&mut self.pending);
            storage
                .put_documents(&batch)
                .await
                .map_err(|e| e.to_string())?;
            self.report
                .added
                .extend(batch.into_iter().map(|d| (d.info.id, d.meta.title)));
        }
        dispatch.emit(
            CorpusAction::JobProgress {
                kind: JobKind::Intake,
                done: self.done,
                now_ms: now_ms(),
            }
            .into(),
        );
        yield_to_browser().await;
        Ok(())
    }

    fn offer_record(&mut self, file: &str, record: IntakeRecord, tab: &str, now: &str) {
        for (label, count) in record.left_out {
            *self.left_out.entry(label).or_default() += count;
        }
        self.not_placed += record.not_placed;
        self.merged += record.merged;
        let place = match &record.record_id {
            Some(id) => format!("{file} line {} (id “{id}”)", record.line),
            None => format!("{file} line {}", record.line),
        };
        self.offer(&place, record.article, record.annotations, tab, now);
    }

    /// Queues a document for the library unless its text is there already.
    fn offer(
        &mut self,
        place: &str,
        article: Article,
        annotations: AnnotationSet,
        tab: &str,
        now: &str,
    ) {
        let id = doc_id(&article);
        if !self.known.insert(id.clone()) {
            self.report
                .already
                .push((place.to_string(), article.meta.title.clone()));
            return;
        }
        let info = DocInfo {
            id,
            revision: 1,
            writer: tab.to_string(),
            added_at: now.to_string(),
            edited_at: now.to_string(),
            ..DocInfo::default()
        };
        self.pending
            .push(StoredDocument::new(info, &article, &annotations));
    }

    /// Removes every document this intake added (all were new to the library).
    async fn take_back(&mut self) -> Result<(), String> {
        let ids: Vec<String> = self.report.added.iter().map(|(id, _)| id.clone()).collect();
        let storage = Storage::open().await.map_err(|e| e.to_string())?;
        storage
            .delete_documents(&ids)
            .await
            .map_err(|e| e.to_string())
    }

    fn finish(mut self) -> Report {
        if !self.left_out.is_empty() {
            let labels: Vec<String> = self
                .left_out
                .iter()
                .map(|(label, n)| format!("{label} ({n})"))
                .collect();
            self.report.remarks.push(format!(
                "Left out annotations with labels claimtag does not use: {}.",
                labels.join(", ")
            ));
        }
        if self.not_placed > 0 {
            self.report.remarks.push(format!(
                "Left out {}: the offsets did not fit the text, nor could the quoted text be found.",
                count_of(self.not_placed, "annotation")
            ));
        }
        if self.merged > 0 {
            self.report.remarks.push(format!(
                "{} appeared twice in a record from the same annotator and were kept once.",
                count_of(self.merged, "span")
            ));
        }
        self.report.summary = format!(
            "Added {}; {} already in the library; {} refused.",
            count_of(self.report.added.len(), "document"),
            self.report.already.len(),
            self.report.refused.len()
        );
        self.report
    }
}
