//! Inter-annotator agreement for several annotators' layers of the same documents.
//!
//! The input ([`input`]) is, per document, its length in code points and one [`Layer`] per
//! annotator who annotated it: a list of [`Unit`]s (span, label, speaker). A **missing** layer
//! (the annotator never annotated the document) is not an **empty** one (they did and marked
//! nothing): an empty layer takes part and disagrees with every span the others marked, a
//! missing one takes no part in that document.
//!
//! [`report()`] computes everything at once; the parts can be used on their own:
//!
//! * [`spans`]: precision / recall / F1 of A against B, exact and optimal overlap matching
//!   ([`matching`]: Hungarian algorithm, most pairs then largest total IoU, IoU ≥ 0.5);
//! * [`coding`] and [`coefficients`]: every code point coded 1/0 per label and annotator →
//!   Cohen's κ (pairs), Fleiss' κ (documents all annotators annotated), Krippendorff's α
//!   nominal (missing layers allowed), computed from counts by a boundary sweep;
//! * [`unitizing`]: Krippendorff's α_u per label (Krippendorff 1995 / 2004, as in DKPro);
//! * [`speakers`]: agreement on the speaker of matched QUOTE / ALLEGATION spans;
//! * [`confusion`]: label confusion of spans matched regardless of label;
//! * [`table`]: the report as rows ([`table::figures`]), JSON and CSV exports, per-document
//!   scores (least agreed first) and the annotator × annotator heat map.
//!
//! A figure that is undefined (nothing to compare, or no variation) is `None`, never NaN.
//! Pure model code: nothing here touches the browser.

pub mod coding;
pub mod coefficients;
pub mod confusion;
pub mod input;
pub mod matching;
pub mod report;
pub mod spans;
pub mod speakers;
pub mod table;
pub mod unitizing;

#[cfg(test)]
mod tests_coefficients;
#[cfg(test)]
mod tests_report;
#[cfg(test)]
mod tests_spans;
#[cfg(test)]
mod tests_table;
#[cfg(test)]
mod tests_unitizing;

pub use confusion::Confusion;
pub use input::{DocLayers, Layer, Unit};
pub use report::{report, AgreementReport, Coefficient, PairReport};
pub use spans::{SpanAgreement, SpanCounts};
pub use speakers::{SpeakerAgreement, SpeakerCounts};

use crate::model::Label;

/// One figure per label (indexed by [`Label::index`]) and one for all labels together.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct ByLabel<T> {
    /// Per label, in [`Label::ALL`] order.
    pub labels: [T; 3],
    /// All labels together (how they are combined is said by each measure).
    pub overall: T,
}

impl<T> ByLabel<T> {
    /// The figure for `label`.
    pub fn label(&self, label: Label) -> &T {
        &self.labels[label.index()]
    }

    /// The same structure with `f` applied to every figure.
    pub fn map<U>(&self, f: impl Fn(&T) -> U) -> ByLabel<U> {
        ByLabel {
            labels: [f(&self.labels[0]), f(&self.labels[1]), f(&self.labels[2])],
            overall: f(&self.overall),
        }
    }
}
