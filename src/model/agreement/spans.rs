//! Span agreement of annotator A against annotator B: precision, recall and F1 under exact
//! matching (same start, end and label) and under optimal one-to-one overlap matching
//! (same label, IoU ≥ 0.5; see [`crate::model::agreement::matching`]).
//!
//! A's spans are the "predictions" and B's the "reference": precision = matched / |A|,
//! recall = matched / |B|, F1 = 2·matched / (|A| + |B|). Swapping A and B swaps precision and
//! recall; F1 is symmetric. Counts are summed over documents (micro-averaged); the all-labels
//! figure sums the per-label counts (a pair never matches across labels).

use crate::model::agreement::input::{DocLayers, Layer};
use crate::model::agreement::matching::{match_exact, match_overlap, IOU_THRESHOLD};
use crate::model::agreement::ByLabel;
use crate::model::{Label, Span};

/// Matched and total span counts of a pair of annotators.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct SpanCounts {
    /// Pairs in the one-to-one matching.
    pub matched: u64,
    /// Spans of annotator A.
    pub a_spans: u64,
    /// Spans of annotator B.
    pub b_spans: u64,
}

impl SpanCounts {
    /// matched / |A|; `None` when A marked nothing.
    pub fn precision(&self) -> Option<f64> {
        ratio(self.matched, self.a_spans)
    }

    /// matched / |B|; `None` when B marked nothing.
    pub fn recall(&self) -> Option<f64> {
        ratio(self.matched, self.b_spans)
    }

    /// 2·matched / (|A| + |B|); `None` when neither marked anything.
    pub fn f1(&self) -> Option<f64> {
        ratio(2 * self.matched, self.a_spans + self.b_spans)
    }

    /// The same counts seen from B against A.
    pub fn reversed(&self) -> SpanCounts {
        SpanCounts {
            matched: self.matched,
            a_spans: self.b_spans,
            b_spans: self.a_spans,
        }
    }

    /// Adds `other`'s counts to these.
    pub fn add(&mut self, other: SpanCounts) {
        self.matched += other.matched;
        self.a_spans += other.a_spans;
        self.b_spans += other.b_spans;
    }
}

fn ratio(num: u64, den: u64) -> Option<f64> {
    (den > 0).then(|| num as f64 / den as f64)
}

/// Span counts of A against B, under both matchings.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct SpanAgreement {
    /// Exact matching: same start, end and label.
    pub exact: ByLabel<SpanCounts>,
    /// Optimal one-to-one matching of same-label spans with IoU ≥ 0.5.
    pub overlap: ByLabel<SpanCounts>,
}

impl SpanAgreement {
    /// The same figures seen from B against A.
    pub fn reversed(&self) -> SpanAgreement {
        SpanAgreement {
            exact: self.exact.map(|c| c.reversed()),
            overlap: self.overlap.map(|c| c.reversed()),
        }
    }

    /// Adds the counts of A's and B's layers of `doc`.
    pub fn add_document(&mut self, doc: &DocLayers, a: &Layer, b: &Layer) {
        for label in Label::ALL {
            let sa = doc.label_spans(a, label);
            let sb = doc.label_spans(b, label);
            let (na, nb) = (sa.len() as u64, sb.len() as u64);
            let exact = SpanCounts {
                matched: match_exact(&sa, &sb).len() as u64,
                a_spans: na,
                b_spans: nb,
            };
            let overlap = SpanCounts {
                matched: match_overlap(&sa, &sb, IOU_THRESHOLD).len() as u64,
                a_spans: na,
                b_spans: nb,
            };
            for (by, counts) in [(&mut self.exact, exact), (&mut self.overlap, overlap)] {
                by.labels[label.index()].add(counts);
                by.overall.add(counts);
            }
        }
    }
}

/// A's and B's usable spans of `label` in `doc` with their speakers, sorted by span.
pub fn spans_with_speakers<'a>(
    doc: &DocLayers,
    layer: &'a Layer,
    label: Label,
) -> (Vec<Span>, Vec<&'a str>) {
    let mut units: Vec<(Span, &'a str)> = doc
        .units(layer)
        .filter(|(_, u)| u.label == label)
        .map(|(s, u)| (s, u.speaker.as_str()))
        .collect();
    units.sort();
    units.into_iter().unzip()
}
