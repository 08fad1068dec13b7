//! Krippendorff's α_u for unitizing (Krippendorff 1995, "On the reliability of unitizing
//! continuous data", Sociological Methodology 25:47–76; 2004, *Content Analysis*, 2nd ed.,
//! ch. 12), as DKPro Agreement's `KrippendorffAlphaUnitizingAgreement` computes it.
//!
//! Per label, each of the `m` annotators cuts the continuum of length `L` into segments: their
//! units of that label and the gaps between them (gaps are segments too). With `b`, `e`, `l`
//! the begin, end and length of a segment:
//!
//! * distance of two overlapping segments `g` (annotator i) and `h` (annotator j):
//!   both units → `(b_g − b_h)² + (e_g − e_h)²`; unit `g` lying inside gap `h` → `l_g²`
//!   (and the other way round); anything else → 0;
//! * observed disagreement `D_o = Σ_{i≠j} Σ_{g,h} δ²(g, h) / (m (m − 1) L²)`;
//! * expected disagreement, with `N` the number of units of the label (all annotators), the
//!   sums running over those units `g` and over all annotators' gaps `h`:
//!   `D_e = (2/L) Σ_g [ (N − 1) · l_g(l_g − 1)(2 l_g − 1)/3 + l_g² · Σ_{h: l_h ≥ l_g} (l_h − l_g + 1) ]
//!          / ( mL (mL − 1) − Σ_g l_g (l_g − 1) )`;
//! * `α_u = 1 − D_o / D_e`; over all labels, `1 − Σ D_o / Σ D_e` (DKPro's average over the
//!   categories, the 1/#labels cancelling).
//!
//! An annotator's overlapping units of one label are merged into one (the measure requires
//! non-overlapping units per annotator and label); units that merely touch stay separate.
//! All sums are exact integers; only the two final quotients are floating point.

use crate::model::agreement::coding::present;
use crate::model::agreement::input::DocLayers;
use crate::model::{Label, Span};

/// One label's segmentations of one continuum by every annotator.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct UnitizingStudy {
    /// The length `L` of the continuum (positions `0..L`).
    pub length: usize,
    /// Per annotator: the units of the label, in any order (see [`UnitizingStudy::units`]).
    pub raters: Vec<Vec<Span>>,
}

/// The two disagreements of α_u for one label.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Disagreement {
    /// Observed disagreement `D_o`.
    pub observed: f64,
    /// Expected disagreement `D_e`.
    pub expected: f64,
}

impl Disagreement {
    /// `1 − D_o / D_e`; `None` when `D_e` is 0 (nobody marked a unit of the label).
    pub fn alpha(&self) -> Option<f64> {
        (self.expected > 0.0).then(|| 1.0 - self.observed / self.expected)
    }

    /// The sum of two disagreements, for the all-labels figure.
    pub fn plus(self, other: Disagreement) -> Disagreement {
        Disagreement {
            observed: self.observed + other.observed,
            expected: self.expected + other.expected,
        }
    }
}

impl UnitizingStudy {
    /// The units of annotator `r`: clipped to the continuum, empty ones dropped, sorted, and
    /// overlapping ones merged.
    pub fn units(&self, r: usize) -> Vec<Span> {
        let mut spans: Vec<Span> = self.raters.get(r).cloned().unwrap_or_default();
        spans.retain_mut(|s| {
            s.end = s.end.min(self.length);
            s.start < s.end
        });
        spans.sort();
        let mut out: Vec<Span> = Vec::with_capacity(spans.len());
        for s in spans {
            match out.last_mut() {
                Some(last) if s.start < last.end => last.end = last.end.max(s.end),
                _ => out.push(s),
            }
        }
        out
    }

    /// Annotator `r`'s segments covering `0..L`: `(span, is_unit)`.
    fn segments(&self, r: usize) -> Vec<(Span, bool)> {
        let mut out = Vec::new();
        let mut cursor = 0;
        for u in self.units(r) {
            if u.start > cursor {
                out.push((Span::new(cursor, u.start), false));
            }
            out.push((u, true));
            cursor = u.end;
        }
        if cursor < self.length {
            out.push((Span::new(cursor, self.length), false));
        }
        out
    }

    /// `D_o` and `D_e`; both 0 with fewer than two annotators or an empty continuum.
    pub fn disagreement(&self) -> Disagreement {
        let m = self.raters.len() as u128;
        let l = self.length as u128;
        if m < 2 || l == 0 {
            return Disagreement::default();
        }
        let segments: Vec<Vec<(Span, bool)>> =
            (0..self.raters.len()).map(|r| self.segments(r)).collect();
        let mut observed: u128 = 0;
        for i in 0..segments.len() {
            for j in i + 1..segments.len() {
                observed += pair_distance(&segments[i], &segments[j]);
            }
        }
        let observed = 2.0 * observed as f64 / (m * (m - 1) * l * l) as f64;

        let units: Vec<u128> = segments
            .iter()
            .flatten()
            .filter(|(_, unit)| *unit)
            .map(|(s, _)| s.len() as u128)
            .collect();
        let mut gaps: Vec<u128> = segments
            .iter()
            .flatten()
            .filter(|(_, unit)| !*unit)
            .map(|(s, _)| s.len() as u128)
            .collect();
        gaps.sort_unstable();
        // suffix[k] = Σ gaps[k..]
        let mut suffix = vec![0u128; gaps.len() + 1];
        for k in (0..gaps.len()).rev() {
            suffix[k] = suffix[k + 1] + gaps[k];
        }
        let n = units.len() as u128;
        let mut sum: u128 = 0;
        let mut squared: u128 = 0;
        for &lg in &units {
            let first = gaps.partition_point(|&g| g < lg);
            let count = (gaps.len() - first) as u128;
            let fitting = suffix[first] - count * (lg - 1);
            sum += n.saturating_sub(1) * (lg * (lg - 1) * (2 * lg - 1) / 3) + lg * lg * fitting;
            squared += lg * (lg - 1);
        }
        let denominator = (m * l * (m * l - 1)).saturating_sub(squared);
        let expected = if denominator == 0 {
            0.0
        } else {
            2.0 * sum as f64 / (l as f64 * denominator as f64)
        };
        Disagreement { observed, expected }
    }
}

/// Σ δ² over the overlapping segment pairs of two segmentations of the same continuum.
fn pair_distance(a: &[(Span, bool)], b: &[(Span, bool)]) -> u128 {
    let (mut x, mut y) = (0, 0);
    let mut total: u128 = 0;
    while x < a.len() && y < b.len() {
        let ((g, gu), (h, hu)) = (a[x], b[y]);
        total += match (gu, hu) {
            (true, true) => {
                let db = g.start.abs_diff(h.start) as u128;
                let de = g.end.abs_diff(h.end) as u128;
                db * db + de * de
            }
            (true, false) if h.contains(g) => (g.len() as u128).pow(2),
            (false, true) if g.contains(h) => (h.len() as u128).pow(2),
            _ => 0,
        };
        match g.end.cmp(&h.end) {
            std::cmp::Ordering::Less => x += 1,
            std::cmp::Ordering::Greater => y += 1,
            std::cmp::Ordering::Equal => {
                x += 1;
                y += 1;
            }
        }
    }
    total
}

/// α_u of a corpus: per label, the study on the continuum made by concatenating, in order, the
/// documents that **every** annotator annotated (α_u has no notion of missing data); returns
/// the studies and how many documents went in. `None` with fewer than two annotators.
pub fn corpus_studies(
    docs: &[DocLayers],
    annotators: &[String],
) -> Option<([UnitizingStudy; 3], usize)> {
    if annotators.len() < 2 {
        return None;
    }
    let mut studies: [UnitizingStudy; 3] = Label::ALL.map(|_| UnitizingStudy {
        length: 0,
        raters: vec![Vec::new(); annotators.len()],
    });
    let mut used = 0;
    for doc in docs {
        let layers = present(doc, annotators);
        if layers.len() != annotators.len() {
            continue;
        }
        used += 1;
        for label in Label::ALL {
            let study = &mut studies[label.index()];
            let offset = study.length;
            for (r, layer) in &layers {
                study.raters[*r].extend(
                    doc.label_spans(layer, label)
                        .into_iter()
                        .map(|s| Span::new(s.start + offset, s.end + offset)),
                );
            }
            study.length += doc.length;
        }
    }
    Some((studies, used))
}
