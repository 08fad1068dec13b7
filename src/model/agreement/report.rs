//! [`report`]: every agreement figure of a corpus, per pair of annotators and per label.

use crate::model::agreement::coding::{code, pair_index};
use crate::model::agreement::coefficients::{Coincidences, Contingency, FleissCounts};
use crate::model::agreement::confusion::Confusion;
use crate::model::agreement::input::{annotators, DocLayers};
use crate::model::agreement::spans::SpanAgreement;
use crate::model::agreement::speakers::SpeakerAgreement;
use crate::model::agreement::unitizing::{corpus_studies, Disagreement};
use crate::model::agreement::ByLabel;

/// A chance-corrected coefficient and the number of units it rests on.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Coefficient {
    /// The value; `None` when undefined (no units, or no variation to correct for).
    pub value: Option<f64>,
    /// Units behind it: code points for the κs and α_u (per label; summed over labels for the
    /// overall figure), pairable values (Krippendorff's n) for α.
    pub n: u64,
}

/// The figures of one unordered pair of annotators `a < b` (by name), over the documents both
/// annotated. Span figures read "A against B"; use [`SpanAgreement::reversed`] for B
/// against A.
#[derive(Debug, Clone, PartialEq)]
pub struct PairReport {
    /// Annotator A.
    pub a: String,
    /// Annotator B.
    pub b: String,
    /// Documents both annotated (the only ones counted here).
    pub documents: usize,
    /// Precision / recall / F1 counts, exact and overlap matching.
    pub spans: SpanAgreement,
    /// Cohen's κ on the binary coding; overall = pooled over labels (each code point counted
    /// once per label).
    pub cohen_kappa: ByLabel<Coefficient>,
    /// Speaker agreement of matched QUOTE / ALLEGATION spans.
    pub speakers: SpeakerAgreement,
    /// Label confusion, A's labels as rows.
    pub confusion: Confusion,
}

/// Every agreement figure of a corpus.
#[derive(Debug, Clone, PartialEq)]
pub struct AgreementReport {
    /// Every annotator named in the corpus, sorted.
    pub annotators: Vec<String>,
    /// Documents in the corpus.
    pub documents: usize,
    /// Documents every annotator annotated: the ones Fleiss' κ and α_u are computed on.
    pub complete_documents: usize,
    /// One entry per unordered pair, in the order (0,1), (0,2), …, (1,2), … of `annotators`.
    pub pairs: Vec<PairReport>,
    /// Fleiss' κ over the complete documents; overall = pooled over labels.
    pub fleiss_kappa: ByLabel<Coefficient>,
    /// Krippendorff's α (nominal) over all documents, missing layers allowed; overall =
    /// pooled coincidences of all labels.
    pub krippendorff_alpha: ByLabel<Coefficient>,
    /// Krippendorff's α_u over the complete documents, concatenated into one continuum;
    /// overall = 1 − ΣD_o / ΣD_e over the labels (as DKPro).
    pub alpha_u: ByLabel<Coefficient>,
}

impl AgreementReport {
    /// The figures of the pair `a`, `b` (in either order; they are stored with the smaller
    /// name first).
    pub fn pair(&self, a: &str, b: &str) -> Option<&PairReport> {
        self.pairs
            .iter()
            .find(|p| (p.a == a && p.b == b) || (p.a == b && p.b == a))
    }
}

fn rounded(x: f64) -> u64 {
    x.round().max(0.0) as u64
}

/// Computes every figure for `docs`.
pub fn report(docs: &[DocLayers]) -> AgreementReport {
    let names = annotators(docs);
    let n = names.len();
    let counts = code(docs, &names);

    let mut pairs = Vec::new();
    for i in 0..n {
        for j in i + 1..n {
            let mut pair = PairReport {
                a: names[i].clone(),
                b: names[j].clone(),
                documents: 0,
                spans: SpanAgreement::default(),
                cohen_kappa: ByLabel::default(),
                speakers: SpeakerAgreement::default(),
                confusion: Confusion::default(),
            };
            for doc in docs {
                let (Some(a), Some(b)) = (doc.layer(&names[i]), doc.layer(&names[j])) else {
                    continue;
                };
                pair.documents += 1;
                pair.spans.add_document(doc, a, b);
                pair.speakers.add_document(doc, a, b);
                pair.confusion.add_document(doc, a, b);
            }
            let tables = &counts.pairs[pair_index(i, j, n)];
            let mut pooled = Contingency::new(2);
            for t in tables {
                pooled.merge(t);
            }
            let kappa = |t: &Contingency| Coefficient {
                value: t.cohen_kappa(),
                n: rounded(t.total()),
            };
            pair.cohen_kappa = ByLabel {
                labels: [kappa(&tables[0]), kappa(&tables[1]), kappa(&tables[2])],
                overall: kappa(&pooled),
            };
            pairs.push(pair);
        }
    }

    let mut fleiss_all = FleissCounts::new(2);
    let mut alpha_all = Coincidences::new(2);
    for (f, a) in counts.fleiss.iter().zip(&counts.alpha) {
        fleiss_all.merge(f);
        alpha_all.merge(a);
    }
    let fleiss = |f: &FleissCounts| Coefficient {
        value: f.kappa(),
        n: rounded(f.units()),
    };
    let alpha = |a: &Coincidences| Coefficient {
        value: a.alpha_nominal(),
        n: rounded(a.pairable()),
    };

    let alpha_u = match corpus_studies(docs, &names) {
        Some((studies, _)) => {
            let d: Vec<Disagreement> = studies.iter().map(|s| s.disagreement()).collect();
            let total = d
                .iter()
                .fold(Disagreement::default(), |acc, x| acc.plus(*x));
            let coef = |x: &Disagreement, len: usize| Coefficient {
                value: x.alpha(),
                n: len as u64,
            };
            let len = studies[0].length;
            ByLabel {
                labels: [coef(&d[0], len), coef(&d[1], len), coef(&d[2], len)],
                overall: coef(&total, len * 3),
            }
        }
        None => ByLabel::default(),
    };

    AgreementReport {
        annotators: names,
        documents: docs.len(),
        complete_documents: counts.complete_documents,
        pairs,
        fleiss_kappa: ByLabel {
            labels: [
                fleiss(&counts.fleiss[0]),
                fleiss(&counts.fleiss[1]),
                fleiss(&counts.fleiss[2]),
            ],
            overall: fleiss(&fleiss_all),
        },
        krippendorff_alpha: ByLabel {
            labels: [
                alpha(&counts.alpha[0]),
                alpha(&counts.alpha[1]),
                alpha(&counts.alpha[2]),
            ],
            overall: alpha(&alpha_all),
        },
        alpha_u,
    }
}
