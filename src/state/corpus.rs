//! The corpus slice: the library listing the corpus view shows, its filter and sort (which also
//! order the queue that Next to do walks), and the long jobs over the corpus — bringing files
//! in and exporting the dataset — with their progress and outcome. Its reducer is pure; the
//! listing and the job steps come from the services.

use std::rc::Rc;

use crate::model::corpus::intake::{Mapping, Preview};
use crate::model::corpus::listing::{select, Filter, Sort};
use crate::model::ingest::load::InputKind;
use crate::model::library::{DocStatus, DocSummary};

/// What the corpus view shows, and the jobs running over the corpus.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Corpus {
    /// Every document in the library (trash included), as last read from storage; `None`
    /// until it has been read.
    pub summaries: Option<Rc<Vec<DocSummary>>>,
    /// Why the listing could not be read, if it could not.
    pub listing_error: Option<String>,
    /// Which documents the list shows.
    pub filter: Filter,
    /// In which order.
    pub sort: Sort,
    /// Files read and waiting for the user to add them (the mapping step).
    pub incoming: Rc<Vec<Incoming>>,
    /// Bringing files into the library.
    pub intake: Option<Job>,
    /// Writing the dataset.
    pub export: Option<Job>,
}

/// A file read and sorted, before anything is added.
#[derive(Debug, Clone, PartialEq)]
pub struct Incoming {
    /// The file's name (with its folder path, when a folder was dropped).
    pub name: String,
    /// What it holds.
    pub what: Contents,
}

/// What a file holds.
#[derive(Debug, Clone, PartialEq)]
pub enum Contents {
    /// One article (or a claimtag export, or a JSONL corpus of claimtag exports).
    Article {
        /// How to read it.
        kind: InputKind,
        /// Its decoded text.
        text: SharedText,
        /// Which encoding was assumed, if it was not UTF-8.
        remark: Option<String>,
    },
    /// A corpus of records, shown in the mapping step first.
    Corpus {
        /// Its decoded text.
        text: SharedText,
        /// The first records and the guessed mapping.
        preview: Box<Preview>,
        /// The mapping the user chose (the guess until they change it).
        mapping: Mapping,
        /// Which encoding was assumed, if it was not UTF-8.
        remark: Option<String>,
    },
    /// It cannot be brought in, and why.
    Refused(String),
}

impl Incoming {
    /// How many records adding it will handle.
    pub fn units(&self) -> usize {
        match &self.what {
            Contents::Article { .. } => 1,
            Contents::Corpus { preview, .. } => preview.records,
            Contents::Refused(_) => 0,
        }
    }
}

/// A file's text, shared and compared by identity (a corpus file can be 200 MB; comparing
/// states must not compare it byte by byte).
#[derive(Debug, Clone)]
pub struct SharedText(pub Rc<str>);

impl PartialEq for SharedText {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

/// Which long job.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum JobKind {
    /// Bringing files in.
    Intake,
    /// Writing the dataset.
    Export,
}

/// A long job's progress, for the progress bar.
#[derive(Debug, Clone, PartialEq)]
pub struct Job {
    /// What it does, in words ("Adding 1,000 records from news.jsonl").
    pub title: String,
    /// Units done (records, documents).
    pub done: usize,
    /// Units in all.
    pub total: usize,
    /// When it started (milliseconds on the page's clock).
    pub started_ms: f64,
    /// The time of the last step.
    pub now_ms: f64,
    /// Running, or how it ended.
    pub phase: Phase,
}

/// Where a job is.
#[derive(Debug, Clone, PartialEq)]
pub enum Phase {
    /// Still working; Cancel was not pressed.
    Running,
    /// Cancel was pressed; the job stops at its next step.
    Cancelling,
    /// Finished; what it did.
    Finished(Report),
    /// Stopped by Cancel; what was undone.
    Cancelled(String),
    /// Stopped by an error, named.
    Failed(String),
}

/// What a finished job did.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Report {
    /// One line of summary ("Added 998 documents; 2 already in the library; 1 refused.").
    pub summary: String,
    /// Documents added: (id, title).
    pub added: Vec<(String, String)>,
    /// Records already in the library (same text): (where in the file, title).
    pub already: Vec<(String, String)>,
    /// Records refused: (where in the file, why).
    pub refused: Vec<(String, String)>,
    /// Further remarks (labels left out, annotations not placed, an assumed encoding).
    pub remarks: Vec<String>,
}

impl Job {
    /// Units per second so far.
    pub fn rate(&self) -> f64 {
        let seconds = (self.now_ms - self.started_ms) / 1000.0;
        if seconds > 0.0 {
            self.done as f64 / seconds
        } else {
            0.0
        }
    }

    /// Whether it is still working.
    pub fn running(&self) -> bool {
        matches!(self.phase, Phase::Running | Phase::Cancelling)
    }
}

/// What changes the corpus slice.
#[derive(Debug, Clone, PartialEq)]
pub enum CorpusAction {
    /// The library was read (or re-read) from storage.
    Listed(Vec<DocSummary>),
    /// The library could not be read.
    ListingFailed(String),
    /// Files were read; they wait in the mapping step.
    Incoming(Vec<Incoming>),
    /// The user chose another mapping for the `n`th incoming file.
    Map {
        /// Which file.
        file: usize,
        /// Its new mapping.
        mapping: Mapping,
    },
    /// The incoming files were added or put away.
    ClearIncoming,
    /// One document's row changed (saved here, or a status set).
    Updated(Box<DocSummary>),
    /// Show other documents.
    Filter(Filter),
    /// Order them otherwise.
    Sort(Sort),
    /// A job started.
    JobStarted {
        /// Which.
        kind: JobKind,
        /// What it does.
        title: String,
        /// Units in all.
        total: usize,
        /// The page's clock now (ms).
        now_ms: f64,
    },
    /// A job moved on.
    JobProgress {
        /// Which.
        kind: JobKind,
        /// Units done.
        done: usize,
        /// The page's clock now (ms).
        now_ms: f64,
    },
    /// The user pressed Cancel.
    CancelJob(JobKind),
    /// A job ended (finished, cancelled or failed).
    JobEnded {
        /// Which.
        kind: JobKind,
        /// How.
        phase: Phase,
    },
    /// The user closed a job's result.
    DismissJob(JobKind),
}

impl Corpus {
    /// Applies `action`.
    pub fn reduce(&self, action: CorpusAction) -> Corpus {
        let mut next = self.clone();
        match action {
            CorpusAction::Listed(summaries) => {
                next.summaries = Some(Rc::new(summaries));
                next.listing_error = None;
            }
            CorpusAction::ListingFailed(reason) => next.listing_error = Some(reason),
            CorpusAction::Incoming(files) => next.incoming = Rc::new(files),
            CorpusAction::Map { file, mapping } => {
                let mut files = (*self.incoming).clone();
                if let Some(Contents::Corpus { mapping: m, .. }) =
                    files.get_mut(file).map(|f| &mut f.what)
                {
                    *m = mapping;
                    next.incoming = Rc::new(files);
                }
            }
            CorpusAction::ClearIncoming => next.incoming = Rc::new(Vec::new()),
            CorpusAction::Updated(row) => {
                if let Some(rows) = &self.summaries {
                    let mut rows = (**rows).clone();
                    match rows.iter_mut().find(|r| r.info.id == row.info.id) {
                        Some(old) => *old = *row,
                        None => rows.push(*row),
                    }
                    next.summaries = Some(Rc::new(rows));
                }
            }
            CorpusAction::Filter(filter) => next.filter = filter,
            CorpusAction::Sort(sort) => next.sort = sort,
            CorpusAction::JobStarted {
                kind,
                title,
                total,
                now_ms,
            } => {
                *next.job_mut(kind) = Some(Job {
                    title,
                    done: 0,
                    total,
                    started_ms: now_ms,
                    now_ms,
                    phase: Phase::Running,
                })
            }
            CorpusAction::JobProgress { kind, done, now_ms } => {
                if let Some(job) = next.job_mut(kind) {
                    job.done = done;
                    job.now_ms = now_ms;
                }
            }
            CorpusAction::CancelJob(kind) => {
                if let Some(job) = next.job_mut(kind).as_mut().filter(|j| j.running()) {
                    job.phase = Phase::Cancelling;
                }
            }
            CorpusAction::JobEnded { kind, phase } => {
                if let Some(job) = next.job_mut(kind) {
                    job.phase = phase;
                }
            }
            CorpusAction::DismissJob(kind) => {
                if next.job(kind).is_some_and(|j| !j.running()) {
                    *next.job_mut(kind) = None;
                }
            }
        }
        next
    }

    /// The job of this kind.
    pub fn job(&self, kind: JobKind) -> Option<&Job> {
        match kind {
            JobKind::Intake => self.intake.as_ref(),
            JobKind::Export => self.export.as_ref(),
        }
    }

    fn job_mut(&mut self, kind: JobKind) -> &mut Option<Job> {
        match kind {
            JobKind::Intake => &mut self.intake,
            JobKind::Export => &mut self.export,
        }
    }

    /// The documents the list shows, in its order: positions in `summaries`.
    pub fn shown(&self) -> Vec<usize> {
        self.summaries
            .as_ref()
            .map(|rows| select(rows, &self.filter, self.sort))
            .unwrap_or_default()
    }
}

/// The queue Next to do walks, from a fresh listing: the documents the corpus view's filter
/// and sort show, as (id, status).
pub fn queue(rows: &[DocSummary], filter: &Filter, sort: Sort) -> Vec<(String, DocStatus)> {
    select(rows, filter, sort)
        .into_iter()
        .map(|i| (rows[i].info.id.clone(), rows[i].info.status))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::library::DocInfo;

    fn row(id: &str, status: DocStatus) -> DocSummary {
        DocSummary {
            info: DocInfo {
                id: id.to_string(),
                status,
                edited_at: id.to_string(),
                ..DocInfo::default()
            },
            title: id.to_uppercase(),
            source: None,
            counts: [0; 3],
            annotators: Vec::new(),
            waiting: 0,
            layers: Vec::new(),
            gold: 0,
        }
    }

    #[test]
    fn a_job_runs_is_cancelled_and_dismissed() {
        let corpus = Corpus::default().reduce(CorpusAction::JobStarted {
            kind: JobKind::Intake,
            title: "Adding".to_string(),
            total: 10,
            now_ms: 1000.0,
        });
        let corpus = corpus.reduce(CorpusAction::JobProgress {
            kind: JobKind::Intake,
            done: 4,
            now_ms: 3000.0,
        });
        let job = corpus.job(JobKind::Intake).unwrap();
        assert_eq!(job.rate(), 2.0);
        assert!(job.running());
        // A running job cannot be dismissed; Cancel asks it to stop.
        let corpus = corpus.reduce(CorpusAction::DismissJob(JobKind::Intake));
        assert!(corpus.intake.is_some());
        let corpus = corpus.reduce(CorpusAction::CancelJob(JobKind::Intake));
        assert_eq!(
            corpus.job(JobKind::Intake).unwrap().phase,
            Phase::Cancelling
        );
        let corpus = corpus.reduce(CorpusAction::JobEnded {
            kind: JobKind::Intake,
            phase: Phase::Cancelled("Nothing was added.".to_string()),
        });
        assert!(!corpus.job(JobKind::Intake).unwrap().running());
        let corpus = corpus.reduce(CorpusAction::DismissJob(JobKind::Intake));
        assert!(corpus.intake.is_none());
    }

    #[test]
    fn listing_updates_and_the_queue_follows_filter_and_sort() {
        let corpus = Corpus::default().reduce(CorpusAction::Listed(vec![
            row("a", DocStatus::ToDo),
            row("b", DocStatus::Done),
        ]));
        let corpus = corpus.reduce(CorpusAction::Updated(Box::new(row("c", DocStatus::ToDo))));
        let corpus = corpus.reduce(CorpusAction::Updated(Box::new(row("a", DocStatus::Done))));
        let rows = corpus.summaries.clone().unwrap();
        assert_eq!(rows.len(), 3);
        assert_eq!(corpus.shown(), vec![2, 1, 0]);
        let q = queue(&rows, &corpus.filter, corpus.sort);
        assert_eq!(q[0], ("c".to_string(), DocStatus::ToDo));
        let done_only = Filter {
            status: Some(DocStatus::Done),
            ..Filter::default()
        };
        assert_eq!(queue(&rows, &done_only, corpus.sort).len(), 2);
    }
}
