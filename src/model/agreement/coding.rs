//! The text as a coding: every code point, per label, is covered (1) or not covered (0) by each
//! annotator who has a layer for the document; an annotator without a layer gives no value.
//!
//! The counts behind Cohen's κ, Fleiss' κ and Krippendorff's α are gathered by sweeping the
//! sorted boundaries of all layers' coverage, so a document costs O(s log s + s·m²) for `s`
//! spans and `m` annotators, not O(length · m): every stretch between two consecutive
//! boundaries is coded alike and is added once with its length as weight.

use crate::model::agreement::coefficients::{Coincidences, Contingency, FleissCounts};
use crate::model::agreement::input::{coverage, DocLayers, Layer};
use crate::model::{Label, Span};

/// The counts of the binary coding of a corpus, per label (indexed by [`Label::index`]).
#[derive(Debug, Clone, PartialEq)]
pub struct CodingCounts {
    /// Per unordered pair of annotators (see [`pair_index`]), per label: the 2 × 2 table of
    /// the code points of the documents both annotated.
    pub pairs: Vec<[Contingency; 3]>,
    /// Per label: Fleiss counts over the documents every annotator annotated.
    pub fleiss: [FleissCounts; 3],
    /// How many documents every annotator annotated (those Fleiss' κ is computed on).
    pub complete_documents: usize,
    /// Per label: Krippendorff's coincidences over all documents (missing layers allowed).
    pub alpha: [Coincidences; 3],
}

/// The index of the unordered pair `(i, j)`, `i < j < n`, in the list of all pairs
/// `(0,1), (0,2), …, (0,n−1), (1,2), …`.
pub fn pair_index(i: usize, j: usize, n: usize) -> usize {
    i * n - i * (i + 1) / 2 + (j - i - 1)
}

/// The layers of `annotators` present in `doc`: `(index into annotators, layer)`.
pub fn present<'a>(doc: &'a DocLayers, annotators: &[String]) -> Vec<(usize, &'a Layer)> {
    annotators
        .iter()
        .enumerate()
        .filter_map(|(i, name)| doc.layer(name).map(|l| (i, l)))
        .collect()
}

/// Counts the binary coding of `docs` for `annotators` (every annotator named in the corpus).
pub fn code(docs: &[DocLayers], annotators: &[String]) -> CodingCounts {
    let n = annotators.len();
    let pairs = n * n.saturating_sub(1) / 2;
    let mut counts = CodingCounts {
        pairs: (0..pairs)
            .map(|_| Label::ALL.map(|_| Contingency::new(2)))
            .collect(),
        fleiss: Label::ALL.map(|_| FleissCounts::new(2)),
        complete_documents: 0,
        alpha: Label::ALL.map(|_| Coincidences::new(2)),
    };
    for doc in docs {
        let layers = present(doc, annotators);
        let complete = layers.len() == n;
        if complete {
            counts.complete_documents += 1;
        }
        for label in Label::ALL {
            let covers: Vec<Vec<Span>> = layers
                .iter()
                .map(|(_, l)| coverage(doc.label_spans(l, label)))
                .collect();
            let ids: Vec<usize> = layers.iter().map(|(i, _)| *i).collect();
            sweep(doc.length, &covers, |state, weight| {
                let ones = state.iter().filter(|&&b| b).count() as u64;
                let values = [state.len() as u64 - ones, ones];
                counts.alpha[label.index()].add_unit(&values, weight);
                if complete {
                    counts.fleiss[label.index()].add_unit(&values, weight);
                }
                for p in 0..state.len() {
                    for q in p + 1..state.len() {
                        let pair = pair_index(ids[p], ids[q], n);
                        counts.pairs[pair][label.index()].add(
                            usize::from(state[p]),
                            usize::from(state[q]),
                            weight,
                        );
                    }
                }
            });
        }
    }
    counts
}

/// Calls `stretch(state, length)` for every maximal stretch of `0..length` over which each
/// coverage list's membership is constant; `state[p]` tells whether `covers[p]` covers it.
/// Each list must be sorted and disjoint (as [`coverage`] returns).
pub fn sweep(length: usize, covers: &[Vec<Span>], mut stretch: impl FnMut(&[bool], f64)) {
    let mut events: Vec<(usize, bool, usize)> = Vec::new();
    for (p, spans) in covers.iter().enumerate() {
        for s in spans {
            events.push((s.start.min(length), true, p));
            events.push((s.end.min(length), false, p));
        }
    }
    // Ends before starts at the same position; the order within one position does not
    // matter for the state reached after it.
    events.sort_unstable();
    let mut state = vec![false; covers.len()];
    let mut cursor = 0usize;
    for (pos, starts, p) in events {
        if pos > cursor {
            stretch(&state, (pos - cursor) as f64);
            cursor = pos;
        }
        state[p] = starts;
    }
    if length > cursor {
        stretch(&state, (length - cursor) as f64);
    }
}
