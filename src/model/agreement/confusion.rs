//! Label confusion of a pair of annotators: spans are matched **regardless of label** (optimal
//! one-to-one, IoU ≥ 0.5, see [`crate::model::agreement::matching`]) and each matched pair
//! counts A's label against B's; a span left unmatched counts against "none".

use crate::model::agreement::input::{DocLayers, Layer};
use crate::model::agreement::matching::{match_overlap, IOU_THRESHOLD};
use crate::model::{Label, Span};

/// The row / column of "none" (no matched span) in [`Confusion::counts`].
pub const NONE: usize = 3;

/// `counts[a][b]`: spans labelled `a` by A matched with spans labelled `b` by B, indexed by
/// [`Label::index`], with [`NONE`] for an unmatched span (`counts[NONE][NONE]` stays 0).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Confusion {
    /// The 4 × 4 table.
    pub counts: [[u64; 4]; 4],
}

impl Confusion {
    /// The count for A's label `a` against B's label `b` (`None` = no matched span).
    pub fn get(&self, a: Option<Label>, b: Option<Label>) -> u64 {
        let index = |l: Option<Label>| l.map_or(NONE, Label::index);
        self.counts[index(a)][index(b)]
    }

    /// The same table seen from B against A (transposed).
    pub fn transposed(&self) -> Confusion {
        let mut t = Confusion::default();
        for (a, row) in self.counts.iter().enumerate() {
            for (b, &c) in row.iter().enumerate() {
                t.counts[b][a] = c;
            }
        }
        t
    }

    /// Matched pairs (any labels).
    pub fn matched(&self) -> u64 {
        self.counts[..NONE]
            .iter()
            .map(|r| r[..NONE].iter().sum::<u64>())
            .sum()
    }

    /// Matched pairs with the same label.
    pub fn same_label(&self) -> u64 {
        (0..NONE).map(|l| self.counts[l][l]).sum()
    }

    /// Adds the matched and unmatched spans of A's and B's layers of `doc`.
    pub fn add_document(&mut self, doc: &DocLayers, a: &Layer, b: &Layer) {
        let labelled = |layer: &Layer| {
            let mut v: Vec<(Span, Label)> = doc.units(layer).map(|(s, u)| (s, u.label)).collect();
            v.sort();
            v
        };
        let (ua, ub) = (labelled(a), labelled(b));
        let sa: Vec<Span> = ua.iter().map(|u| u.0).collect();
        let sb: Vec<Span> = ub.iter().map(|u| u.0).collect();
        let mut used_a = vec![false; ua.len()];
        let mut used_b = vec![false; ub.len()];
        for (i, j) in match_overlap(&sa, &sb, IOU_THRESHOLD) {
            used_a[i] = true;
            used_b[j] = true;
            self.counts[ua[i].1.index()][ub[j].1.index()] += 1;
        }
        for (u, used) in ua.iter().zip(&used_a) {
            if !used {
                self.counts[u.1.index()][NONE] += 1;
            }
        }
        for (u, used) in ub.iter().zip(&used_b) {
            if !used {
                self.counts[NONE][u.1.index()] += 1;
            }
        }
    }
}
