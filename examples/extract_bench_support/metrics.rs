//! The two measures of the extraction benchmark: body token F1 against an expected text (the
//! Readability pages) and must/must-not snippet counts (trafilatura's evaluation corpus, counted
//! as its README says).

use std::collections::HashMap;

/// Token-level F1 of bags of lower-case words.
pub fn token_f1(got: &str, expected: &str) -> f64 {
    let bag = |s: &str| {
        let mut map: HashMap<String, usize> = HashMap::new();
        for token in s
            .split(|c: char| !c.is_alphanumeric())
            .filter(|t| !t.is_empty())
        {
            *map.entry(token.to_lowercase()).or_default() += 1;
        }
        map
    };
    let (g, e) = (bag(got), bag(expected));
    let overlap: usize = g
        .iter()
        .map(|(t, n)| (*n).min(*e.get(t).unwrap_or(&0)))
        .sum();
    let (gn, en): (usize, usize) = (g.values().sum(), e.values().sum());
    if gn == 0 || en == 0 || overlap == 0 {
        return if gn == 0 && en == 0 { 1.0 } else { 0.0 };
    }
    let (p, r) = (overlap as f64 / gn as f64, overlap as f64 / en as f64);
    2.0 * p * r / (p + r)
}

/// Every run of whitespace as one space, trimmed.
pub fn normalise(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Snippet counts, per page or summed over a corpus.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Counts {
    /// `with` snippets found.
    pub tp: usize,
    /// `with` snippets missing.
    pub fn_: usize,
    /// `without` snippets found.
    pub fp: usize,
    /// `without` snippets missing.
    pub tn: usize,
}

impl Counts {
    /// Counts one page: `text` is the extraction (already normalised), `with` and `without` its
    /// snippets.
    pub fn of_page(text: &str, with: &[String], without: &[String]) -> Counts {
        let found = |s: &String| {
            let s = normalise(s);
            !text.is_empty() && text.contains(s.as_str())
        };
        let tp = with.iter().filter(|s| found(s)).count();
        let fp = without.iter().filter(|s| found(s)).count();
        Counts {
            tp,
            fn_: with.len() - tp,
            fp,
            tn: without.len() - fp,
        }
    }

    /// Adds `other` to these counts.
    pub fn add(&mut self, other: Counts) {
        self.tp += other.tp;
        self.fn_ += other.fn_;
        self.fp += other.fp;
        self.tn += other.tn;
    }

    /// Snippets this page got wrong (missing `with`, found `without`).
    pub fn errors(&self) -> usize {
        self.fn_ + self.fp
    }

    /// Precision, recall, accuracy and F1.
    pub fn scores(&self) -> (f64, f64, f64, f64) {
        let ratio = |a: usize, b: usize| if b == 0 { 0.0 } else { a as f64 / b as f64 };
        let p = ratio(self.tp, self.tp + self.fp);
        let r = ratio(self.tp, self.tp + self.fn_);
        let all = self.tp + self.fp + self.fn_ + self.tn;
        let accuracy = ratio(self.tp + self.tn, all);
        let f1 = if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        };
        (p, r, accuracy, f1)
    }
}
