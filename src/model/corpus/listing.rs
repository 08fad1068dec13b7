//! The corpus view's list: which of the library's documents it shows (search, filters), in
//! which order (sort by any column), how far the work is ("312 of 1,000 done"), and the queue
//! that **Next to do** and **Previous** walk without opening the library.
//!
//! Everything works on [`DocSummary`] rows only, so it stays instant with 10,000 documents.

use std::cmp::Ordering;

use crate::model::library::{DocStatus, DocSummary};
use crate::model::Label;

/// A column the list can be sorted by.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum SortKey {
    /// The headline.
    Title,
    /// Where it came from.
    Source,
    /// When it entered the library.
    Added,
    /// When it was last saved.
    #[default]
    Edited,
    /// To do, in progress, done.
    Status,
    /// How many annotations carry this label.
    Count(Label),
    /// How many annotations in all.
    Total,
}

impl SortKey {
    /// Every column, in the order the sort menu shows them.
    pub const ALL: [SortKey; 9] = [
        SortKey::Edited,
        SortKey::Added,
        SortKey::Title,
        SortKey::Source,
        SortKey::Status,
        SortKey::Total,
        SortKey::Count(Label::Fact),
        SortKey::Count(Label::Allegation),
        SortKey::Count(Label::Quote),
    ];

    /// The words of the sort menu.
    pub fn name(self) -> &'static str {
        match self {
            SortKey::Title => "Title",
            SortKey::Source => "Source",
            SortKey::Added => "Added",
            SortKey::Edited => "Last edited",
            SortKey::Status => "Status",
            SortKey::Count(Label::Fact) => "Facts",
            SortKey::Count(Label::Allegation) => "Allegations",
            SortKey::Count(Label::Quote) => "Quotes",
            SortKey::Total => "Annotations",
        }
    }

    /// The key whose [`SortKey::name`] is `name`.
    pub fn parse(name: &str) -> Option<SortKey> {
        SortKey::ALL.into_iter().find(|k| k.name() == name)
    }

    /// Whether this column reads best largest (or latest) first.
    pub fn descends_by_default(self) -> bool {
        matches!(
            self,
            SortKey::Added | SortKey::Edited | SortKey::Count(_) | SortKey::Total
        )
    }
}

/// How the list is ordered.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Sort {
    /// The column.
    pub key: SortKey,
    /// Largest (latest, Z) first.
    pub descending: bool,
}

impl Default for Sort {
    fn default() -> Self {
        Sort {
            key: SortKey::Edited,
            descending: true,
        }
    }
}

/// Which documents the list shows.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Filter {
    /// Words that must all appear in the title or source (case-insensitive).
    pub query: String,
    /// Only documents with this status.
    pub status: Option<DocStatus>,
    /// Only documents with at least one annotation of this label.
    pub label: Option<Label>,
    /// Only documents this annotator has annotated.
    pub annotator: Option<String>,
    /// Only documents with suggestions waiting for review.
    pub waiting: bool,
    /// Only these documents (ids, sorted): the hits of a search through the full text, when
    /// one was run.
    pub text_hits: Option<Vec<String>>,
}

impl Filter {
    /// Whether `row` passes every part of the filter (a document in the trash never does).
    pub fn admits(&self, row: &DocSummary) -> bool {
        let words = self.query.to_lowercase();
        let haystack = || {
            format!(
                "{} {}",
                row.title.to_lowercase(),
                row.source.as_deref().unwrap_or_default().to_lowercase()
            )
        };
        row.info.deleted_at.is_none()
            && self.status.is_none_or(|s| row.info.status == s)
            && self.label.is_none_or(|l| row.counts[l.index()] > 0)
            && self
                .annotator
                .as_ref()
                .is_none_or(|name| row.annotators.iter().any(|a| a == name))
            && (!self.waiting || row.waiting > 0)
            && self
                .text_hits
                .as_ref()
                .is_none_or(|hits| hits.binary_search(&row.info.id).is_ok())
            && (words.trim().is_empty() || {
                let haystack = haystack();
                words.split_whitespace().all(|w| haystack.contains(w))
            })
    }

    /// Whether the filter narrows the library at all.
    pub fn is_narrowed(&self) -> bool {
        *self != Filter::default()
    }
}

/// Positions in `rows` of the documents `filter` admits, ordered by `sort` (ties keep the
/// order of `rows`).
pub fn select(rows: &[DocSummary], filter: &Filter, sort: Sort) -> Vec<usize> {
    let mut picked: Vec<usize> = (0..rows.len())
        .filter(|&i| filter.admits(&rows[i]))
        .collect();
    picked.sort_by(|&a, &b| {
        let order = compare(&rows[a], &rows[b], sort.key);
        if sort.descending {
            order.reverse()
        } else {
            order
        }
    });
    picked
}

fn compare(a: &DocSummary, b: &DocSummary, key: SortKey) -> Ordering {
    let total = |r: &DocSummary| r.counts.iter().sum::<usize>();
    match key {
        SortKey::Title => a.title.to_lowercase().cmp(&b.title.to_lowercase()),
        SortKey::Source => a.source.cmp(&b.source),
        SortKey::Added => a.info.added_at.cmp(&b.info.added_at),
        SortKey::Edited => a.info.edited_at.cmp(&b.info.edited_at),
        SortKey::Status => status_rank(a.info.status).cmp(&status_rank(b.info.status)),
        SortKey::Count(label) => a.counts[label.index()].cmp(&b.counts[label.index()]),
        SortKey::Total => total(a).cmp(&total(b)),
    }
}

fn status_rank(status: DocStatus) -> usize {
    DocStatus::ALL
        .iter()
        .position(|s| *s == status)
        .unwrap_or_default()
}

/// How far the work on a set of documents is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Progress {
    /// Documents marked done.
    pub done: usize,
    /// Documents in progress.
    pub in_progress: usize,
    /// All documents counted.
    pub total: usize,
}

impl Progress {
    /// "312 of 1,000 done (40 in progress)".
    pub fn text(&self) -> String {
        let mut text = format!("{} of {} done", thousands(self.done), thousands(self.total));
        if self.in_progress > 0 {
            text.push_str(&format!(" ({} in progress)", thousands(self.in_progress)));
        }
        text
    }
}

/// The progress over `rows` at `picked`.
pub fn progress(rows: &[DocSummary], picked: &[usize]) -> Progress {
    let mut p = Progress {
        total: picked.len(),
        ..Progress::default()
    };
    for row in picked.iter().filter_map(|&i| rows.get(i)) {
        match row.info.status {
            DocStatus::Done => p.done += 1,
            DocStatus::InProgress => p.in_progress += 1,
            DocStatus::ToDo => {}
        }
    }
    p
}

/// `1234567` → `1,234,567`.
pub fn thousands(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// Where Next to do (`forward`) or Previous goes from the document `current` in `queue` (ids
/// in list order): forward, the next document after it that is not done, wrapping round;
/// backward, the document before it. `None` when there is nowhere to go.
pub fn step<'a>(queue: &'a [(String, DocStatus)], current: &str, forward: bool) -> Option<&'a str> {
    let here = queue.iter().position(|(id, _)| id == current);
    if forward {
        let start = here.map_or(0, |i| i + 1);
        (0..queue.len())
            .map(|k| &queue[(start + k) % queue.len()])
            .find(|(id, status)| *status != DocStatus::Done && id != current)
            .map(|(id, _)| id.as_str())
    } else {
        let at = here.unwrap_or(queue.len());
        at.checked_sub(1).map(|i| queue[i].0.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::library::DocInfo;

    fn row(id: &str, title: &str, status: DocStatus, counts: [usize; 3]) -> DocSummary {
        DocSummary {
            info: DocInfo {
                id: id.to_string(),
                status,
                added_at: format!("2026-01-0{}", id.len() % 9),
                edited_at: format!("2026-02-{id}"),
                ..DocInfo::default()
            },
            title: title.to_string(),
            source: Some(format!("{id}.txt")),
            counts,
            annotators: vec![format!("ann-{}", counts[0])],
            waiting: counts[2],
            layers: Vec::new(),
            gold: 0,
        }
    }

    fn rows() -> Vec<DocSummary> {
        vec![
            row("a", "Flood defences fail", DocStatus::Done, [2, 0, 1]),
            row("b", "Mayor denies report", DocStatus::ToDo, [0, 3, 0]),
            row("c", "Budget cut by 12%", DocStatus::InProgress, [1, 0, 4]),
            row("d", "Zoo opens", DocStatus::ToDo, [0, 0, 0]),
        ]
    }

    fn ids(rows: &[DocSummary], picked: &[usize]) -> Vec<String> {
        picked.iter().map(|&i| rows[i].info.id.clone()).collect()
    }

    #[test]
    fn filters_combine_and_the_trash_never_shows() {
        let mut rows = rows();
        rows[3].info.deleted_at = Some("2026-03-01".to_string());
        let all = Filter::default();
        assert_eq!(ids(&rows, &select(&rows, &all, Sort::default())).len(), 3);
        let quotes_to_work = Filter {
            label: Some(Label::Quote),
            waiting: true,
            ..Filter::default()
        };
        assert_eq!(
            ids(&rows, &select(&rows, &quotes_to_work, Sort::default())),
            ["c", "a"]
        );
        let by = Filter {
            annotator: Some("ann-1".to_string()),
            ..Filter::default()
        };
        assert_eq!(ids(&rows, &select(&rows, &by, Sort::default())), ["c"]);
        let text = Filter {
            text_hits: Some(vec!["a".to_string(), "b".to_string()]),
            status: Some(DocStatus::ToDo),
            ..Filter::default()
        };
        assert_eq!(ids(&rows, &select(&rows, &text, Sort::default())), ["b"]);
        assert!(text.is_narrowed());
        assert!(!all.is_narrowed());
    }

    #[test]
    fn search_needs_every_word_in_title_or_source() {
        let rows = rows();
        let search = |q: &str| {
            let f = Filter {
                query: q.to_string(),
                ..Filter::default()
            };
            ids(&rows, &select(&rows, &f, Sort::default()))
        };
        assert_eq!(search("MAYOR report"), ["b"]);
        assert_eq!(search("c.txt"), ["c"]);
        assert_eq!(search("mayor flood"), Vec::<String>::new());
        assert_eq!(search("  ").len(), 4);
    }

    #[test]
    fn sorts_by_any_column_both_ways() {
        let rows = rows();
        let by = |key, descending| {
            ids(
                &rows,
                &select(&rows, &Filter::default(), Sort { key, descending }),
            )
        };
        assert_eq!(by(SortKey::Title, false), ["c", "a", "b", "d"]);
        assert_eq!(by(SortKey::Edited, true), ["d", "c", "b", "a"]);
        assert_eq!(by(SortKey::Status, false), ["b", "d", "c", "a"]);
        assert_eq!(by(SortKey::Count(Label::Quote), true), ["c", "a", "b", "d"]);
        assert_eq!(by(SortKey::Total, true), ["c", "a", "b", "d"]);
        for key in SortKey::ALL {
            assert_eq!(SortKey::parse(key.name()), Some(key));
        }
    }

    #[test]
    fn progress_counts_done_and_started() {
        let rows = rows();
        let picked = select(&rows, &Filter::default(), Sort::default());
        let p = progress(&rows, &picked);
        assert_eq!(
            p,
            Progress {
                done: 1,
                in_progress: 1,
                total: 4
            }
        );
        assert_eq!(p.text(), "1 of 4 done (1 in progress)");
        assert_eq!(thousands(1_000), "1,000");
        assert_eq!(thousands(1_234_567), "1,234,567");
        assert_eq!(thousands(12), "12");
    }

    #[test]
    fn next_to_do_skips_done_documents_and_wraps() {
        let queue: Vec<(String, DocStatus)> = [
            ("a", DocStatus::ToDo),
            ("b", DocStatus::Done),
            ("c", DocStatus::InProgress),
            ("d", DocStatus::ToDo),
        ]
        .into_iter()
        .map(|(id, s)| (id.to_string(), s))
        .collect();
        assert_eq!(step(&queue, "a", true), Some("c"));
        assert_eq!(step(&queue, "c", true), Some("d"));
        assert_eq!(step(&queue, "d", true), Some("a"));
        assert_eq!(step(&queue, "elsewhere", true), Some("a"));
        assert_eq!(step(&queue, "c", false), Some("b"));
        assert_eq!(step(&queue, "a", false), None);
        let all_done = vec![("x".to_string(), DocStatus::Done)];
        assert_eq!(step(&all_done, "x", true), None);
        assert_eq!(step(&[], "x", true), None);
    }
}
