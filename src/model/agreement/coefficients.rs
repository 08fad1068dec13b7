//! Chance-corrected agreement coefficients on nominal codings, computed from counts.
//!
//! Each accumulator takes weighted units (a weight of `w` stands for `w` identical units, which
//! is how a stretch of `w` code points coded alike is added in one step) and never stores the
//! units themselves:
//!
//! * [`Contingency`]: two coders, a `k × k` table → **Cohen's κ** (Cohen 1960).
//! * [`FleissCounts`]: the same number of coders on every unit → **Fleiss' κ** (Fleiss 1971).
//! * [`Coincidences`]: any coders, missing values allowed → **Krippendorff's α, nominal**
//!   (Krippendorff 2011, "Computing Krippendorff's Alpha-Reliability").
//!
//! A coefficient that is undefined (no units, or no variation at all so that expected
//! disagreement is 0) is `None`, never NaN.

/// Two coders' joint codings: `table[a][b]` = weight of units coded `a` by the first, `b` by
/// the second.
#[derive(Debug, Clone, PartialEq)]
pub struct Contingency {
    /// The `k × k` table of weights.
    pub table: Vec<Vec<f64>>,
}

impl Contingency {
    /// An empty table for `k` categories.
    pub fn new(k: usize) -> Self {
        Contingency {
            table: vec![vec![0.0; k]; k],
        }
    }

    /// Adds `weight` units coded `a` by the first coder and `b` by the second.
    pub fn add(&mut self, a: usize, b: usize, weight: f64) {
        if let Some(cell) = self.table.get_mut(a).and_then(|row| row.get_mut(b)) {
            *cell += weight;
        }
    }

    /// Adds every cell of `other` (of the same size) to this table.
    pub fn merge(&mut self, other: &Contingency) {
        for (row, orow) in self.table.iter_mut().zip(&other.table) {
            for (cell, o) in row.iter_mut().zip(orow) {
                *cell += o;
            }
        }
    }

    /// The total weight (number of units).
    pub fn total(&self) -> f64 {
        self.table.iter().flatten().sum()
    }

    /// Cohen's κ = (p_o − p_e) / (1 − p_e), with p_e from the two coders' own marginals.
    /// `None` when there are no units or p_e = 1 (both coders used one category throughout).
    pub fn cohen_kappa(&self) -> Option<f64> {
        let n = self.total();
        if n <= 0.0 {
            return None;
        }
        let k = self.table.len();
        let observed: f64 = (0..k).map(|c| self.table[c][c]).sum::<f64>() / n;
        let expected: f64 = (0..k)
            .map(|c| {
                let row: f64 = self.table[c].iter().sum();
                let col: f64 = self.table.iter().map(|r| r[c]).sum();
                row * col
            })
            .sum::<f64>()
            / (n * n);
        chance_corrected(observed, expected)
    }
}

/// Per-unit category counts for Fleiss' κ: every unit is coded by the same number of coders.
#[derive(Debug, Clone, PartialEq)]
pub struct FleissCounts {
    coders: Option<u64>,
    consistent: bool,
    units: f64,
    /// Σ over units of Σ_j n_ij (n_ij − 1): the agreeing ordered coder pairs.
    agreeing_pairs: f64,
    /// Σ over units of n_ij, per category j.
    totals: Vec<f64>,
}

impl FleissCounts {
    /// Empty counts for `k` categories.
    pub fn new(k: usize) -> Self {
        FleissCounts {
            coders: None,
            consistent: true,
            units: 0.0,
            agreeing_pairs: 0.0,
            totals: vec![0.0; k],
        }
    }

    /// Adds `weight` units where `counts[j]` coders chose category `j`. Every unit must have
    /// the same number of coders; if not, [`FleissCounts::kappa`] is `None`.
    pub fn add_unit(&mut self, counts: &[u64], weight: f64) {
        let n: u64 = counts.iter().sum();
        match self.coders {
            None => self.coders = Some(n),
            Some(c) if c != n => self.consistent = false,
            Some(_) => {}
        }
        self.units += weight;
        for (total, &c) in self.totals.iter_mut().zip(counts) {
            *total += weight * c as f64;
            self.agreeing_pairs += weight * (c * c.saturating_sub(1)) as f64;
        }
    }

    /// Adds the units of `other` (same categories) to these counts.
    pub fn merge(&mut self, other: &FleissCounts) {
        match (self.coders, other.coders) {
            (_, None) => return,
            (None, Some(c)) => self.coders = Some(c),
            (Some(a), Some(b)) if a != b => self.consistent = false,
            _ => {}
        }
        self.consistent &= other.consistent;
        self.units += other.units;
        self.agreeing_pairs += other.agreeing_pairs;
        for (t, o) in self.totals.iter_mut().zip(&other.totals) {
            *t += o;
        }
    }

    /// The number (total weight) of units added.
    pub fn units(&self) -> f64 {
        self.units
    }

    /// Fleiss' κ = (P̄ − P̄_e) / (1 − P̄_e) with P̄ the mean share of agreeing coder pairs per
    /// unit and P̄_e = Σ_j p_j². `None` without units, with fewer than 2 coders, with unequal
    /// numbers of coders, or when P̄_e = 1.
    pub fn kappa(&self) -> Option<f64> {
        let n = self.coders? as f64;
        if !self.consistent || n < 2.0 || self.units <= 0.0 {
            return None;
        }
        let observed = self.agreeing_pairs / (self.units * n * (n - 1.0));
        let expected: f64 = self
            .totals
            .iter()
            .map(|t| {
                let p = t / (self.units * n);
                p * p
            })
            .sum();
        chance_corrected(observed, expected)
    }
}

/// Krippendorff's coincidence matrix: `o[c][k]` = number of pairable values `c`–`k` (each unit
/// with `m_u >= 2` values contributes `n_uc · (n_uk − [c = k]) / (m_u − 1)`).
#[derive(Debug, Clone, PartialEq)]
pub struct Coincidences {
    /// The `k × k` coincidence matrix.
    pub matrix: Vec<Vec<f64>>,
}

impl Coincidences {
    /// An empty matrix for `k` categories.
    pub fn new(k: usize) -> Self {
        Coincidences {
            matrix: vec![vec![0.0; k]; k],
        }
    }

    /// Adds `weight` units in which `counts[c]` coders gave value `c` (coders with no value for
    /// the unit are simply not counted). Units with fewer than two values are not pairable and
    /// add nothing.
    pub fn add_unit(&mut self, counts: &[u64], weight: f64) {
        let m: u64 = counts.iter().sum();
        if m < 2 {
            return;
        }
        let scale = weight / (m - 1) as f64;
        for (c, &nc) in counts.iter().enumerate() {
            for (k, &nk) in counts.iter().enumerate() {
                let pairs = if c == k {
                    nc * nc.saturating_sub(1)
                } else {
                    nc * nk
                };
                if pairs > 0 {
                    if let Some(cell) = self.matrix.get_mut(c).and_then(|r| r.get_mut(k)) {
                        *cell += scale * pairs as f64;
                    }
                }
            }
        }
    }

    /// Adds every cell of `other` (of the same size) to this matrix.
    pub fn merge(&mut self, other: &Coincidences) {
        for (row, orow) in self.matrix.iter_mut().zip(&other.matrix) {
            for (cell, o) in row.iter_mut().zip(orow) {
                *cell += o;
            }
        }
    }

    /// n: the number of pairable values.
    pub fn pairable(&self) -> f64 {
        self.matrix.iter().flatten().sum()
    }

    /// Krippendorff's α for nominal data: 1 − (n − 1) · Σ_{c≠k} o_ck / Σ_{c≠k} n_c · n_k.
    /// `None` when fewer than two values are pairable or all values are the same (expected
    /// disagreement 0).
    pub fn alpha_nominal(&self) -> Option<f64> {
        let n = self.pairable();
        if n < 2.0 {
            return None;
        }
        let marginals: Vec<f64> = self.matrix.iter().map(|r| r.iter().sum()).collect();
        let mut observed = 0.0;
        let mut expected = 0.0;
        for (c, row) in self.matrix.iter().enumerate() {
            for (k, &o) in row.iter().enumerate() {
                if c != k {
                    observed += o;
                    expected += marginals[c] * marginals[k];
                }
            }
        }
        if expected <= 0.0 {
            return None;
        }
        Some(1.0 - (n - 1.0) * observed / expected)
    }
}

/// (observed − expected) / (1 − expected), `None` when expected agreement is (about) 1.
fn chance_corrected(observed: f64, expected: f64) -> Option<f64> {
    let room = 1.0 - expected;
    (room > 1e-12).then(|| (observed - expected) / room)
}
