//! Speaker agreement: for pairs of QUOTE or ALLEGATION spans matched by the overlap matching
//! (same label, IoU ≥ 0.5, optimal one-to-one), how often both annotators named the same
//! speaker.
//!
//! Speakers are compared after trimming, collapsing inner runs of whitespace to one space and
//! lower-casing (Unicode), so `" Jane  DOE"` equals `"jane doe"`. A pair where **both** left
//! the speaker empty carries no information and is counted apart ([`SpeakerCounts::both_empty`])
//! and kept out of the share; one empty and one named counts as a disagreement.

use crate::model::agreement::input::{DocLayers, Layer};
use crate::model::agreement::matching::{match_overlap, IOU_THRESHOLD};
use crate::model::agreement::spans::spans_with_speakers;
use crate::model::Label;

/// Comparisons of the speakers of matched spans.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct SpeakerCounts {
    /// Matched pairs naming the same speaker.
    pub same: u64,
    /// Matched pairs naming different speakers, or a speaker on one side only.
    pub different: u64,
    /// Matched pairs where neither annotator gave a speaker (not in the share).
    pub both_empty: u64,
}

impl SpeakerCounts {
    /// The pairs the share is computed on: `same + different`.
    pub fn n(&self) -> u64 {
        self.same + self.different
    }

    /// `same / n`; `None` when no matched pair named a speaker.
    pub fn share(&self) -> Option<f64> {
        let n = self.n();
        (n > 0).then(|| self.same as f64 / n as f64)
    }

    /// Counts one matched pair with speakers `a` and `b`.
    pub fn compare(&mut self, a: &str, b: &str) {
        let (a, b) = (normalize(a), normalize(b));
        if a.is_empty() && b.is_empty() {
            self.both_empty += 1;
        } else if a == b {
            self.same += 1;
        } else {
            self.different += 1;
        }
    }

    /// Adds `other`'s counts to these.
    pub fn add(&mut self, other: SpeakerCounts) {
        self.same += other.same;
        self.different += other.different;
        self.both_empty += other.both_empty;
    }
}

/// A speaker as compared: trimmed, inner whitespace collapsed, lower-cased.
pub fn normalize(speaker: &str) -> String {
    speaker
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// Speaker agreement of a pair of annotators, per label that has speakers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct SpeakerAgreement {
    /// Matched QUOTE pairs.
    pub quote: SpeakerCounts,
    /// Matched ALLEGATION pairs.
    pub allegation: SpeakerCounts,
}

impl SpeakerAgreement {
    /// QUOTE and ALLEGATION together.
    pub fn total(&self) -> SpeakerCounts {
        let mut t = self.quote;
        t.add(self.allegation);
        t
    }

    /// Adds the matched pairs of A's and B's layers of `doc`.
    pub fn add_document(&mut self, doc: &DocLayers, a: &Layer, b: &Layer) {
        for (label, counts) in [
            (Label::Quote, &mut self.quote),
            (Label::Allegation, &mut self.allegation),
        ] {
            let (sa, speakers_a) = spans_with_speakers(doc, a, label);
            let (sb, speakers_b) = spans_with_speakers(doc, b, label);
            for (i, j) in match_overlap(&sa, &sb, IOU_THRESHOLD) {
                counts.compare(speakers_a[i], speakers_b[j]);
            }
        }
    }
}
