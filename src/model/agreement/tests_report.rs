//! The whole report on text fixtures: references from scikit-learn / statsmodels /
//! krippendorff (versions and venv as in `tests_coefficients.rs`) on the same coding written
//! out per code point, the sweep against a per-code-point oracle, and the edge cases.

use super::coding::{code, pair_index};
use super::coefficients::{Coincidences, Contingency, FleissCounts};
use super::input::{annotators, DocLayers, Layer, Unit};
use super::report::{report, Coefficient};
use super::tests_coefficients::{BERTHA, BILL};
use super::unitizing::UnitizingStudy;
use crate::model::{Label, Span};

fn close(actual: Option<f64>, expected: f64) {
    let a = actual.unwrap_or(f64::NAN);
    assert!((a - expected).abs() < 1e-9, "{a} != {expected}");
}

fn layer(name: &str, units: &[(usize, usize, Label)]) -> Layer {
    Layer::new(
        name,
        units.iter().map(|&(s, e, l)| Unit::new(s, e, l)).collect(),
    )
}

use Label::{Allegation as A, Fact as F, Quote as Q};

#[test]
fn bertha_and_bill_as_text() {
    // Krippendorff (1995: 57) example A as FACT spans; per code point this is BERTHA / BILL.
    let doc = DocLayers::new(
        24,
        vec![
            layer("Bertha", &[(2, 10, F), (14, 20, F)]),
            layer("Bill", &[(4, 8, F), (15, 17, F)]),
        ],
    );
    let counts = code(
        std::slice::from_ref(&doc),
        &annotators(std::slice::from_ref(&doc)),
    );
    let mut table = Contingency::new(2);
    for (a, b) in BERTHA.iter().zip(&BILL) {
        table.add(*a, *b, 1.0);
    }
    assert_eq!(counts.pairs[0][F.index()], table);
    let r = report(&[doc]);
    let p = r.pair("Bill", "Bertha").map(|p| p.cohen_kappa);
    // sklearn cohen_kappa_score(bertha, bill) → 0.3846153846153846 (DKPro: 0.385).
    close(p.and_then(|k| k.label(F).value), 0.3846153846153846);
    // krippendorff.alpha(..., "nominal") → 0.3285714285714285 (DKPro: 0.329).
    close(r.krippendorff_alpha.label(F).value, 0.3285714285714285);
    // Fleiss' κ with 2 raters is Scott's π: statsmodels fleiss_kappa(aggregate_raters(
    // np.array([bertha, bill]).T)[0]) → 0.3142857142857141 (DKPro Scott's π: 0.314).
    close(r.fleiss_kappa.label(F).value, 0.3142857142857141);
    assert_eq!(r.fleiss_kappa.label(F).n, 24);
    // α_u: DKPro Krippendorff1995Test D_o(A) = 0.03125 on this very study.
    let s = UnitizingStudy {
        length: 24,
        raters: vec![
            vec![Span::new(2, 10), Span::new(14, 20)],
            vec![Span::new(4, 8), Span::new(15, 17)],
        ],
    };
    let d = s.disagreement();
    assert!((d.observed - 0.03125).abs() < 1e-12);
    close(r.alpha_u.label(F).value, 1.0 - d.observed / d.expected);
    // Nobody used QUOTE: every figure undefined.
    assert_eq!(r.krippendorff_alpha.label(Q).value, None);
    assert_eq!(r.fleiss_kappa.label(Q).value, None);
    assert_eq!(r.alpha_u.label(Q).value, None);
    assert_eq!(p.and_then(|k| k.label(Q).value), None);
}

fn three_annotators() -> Vec<DocLayers> {
    vec![
        DocLayers::new(
            30,
            vec![
                layer("ann1", &[(0, 10, F), (15, 25, Q)]),
                layer("ann2", &[(2, 10, F), (15, 22, Q), (26, 30, A)]),
                layer("ann3", &[(0, 12, F)]),
            ],
        ),
        // ann3 has no layer here (missing, not empty).
        DocLayers::new(
            20,
            vec![
                layer("ann1", &[(5, 15, F)]),
                layer("ann2", &[(5, 12, F), (0, 4, A)]),
            ],
        ),
    ]
}

#[test]
fn three_annotators_one_missing_a_document() {
    // Python: per label, rows = coverage per code point of doc1 ++ doc2, NaN for ann3 in doc2;
    // cohen_kappa_score on the positions both coded; fleiss_kappa(aggregate_raters(...)) on
    // the positions all coded (doc1); krippendorff.alpha(reliability_data=rows, "nominal").
    // FACT: κ(1,2) 0.782608695652174 (n 50), κ(1,3) 0.8571428571428572 (n 30),
    //   κ(2,3) 0.7058823529411765, Fleiss 0.7999999999999999, α 0.7685208920789541.
    // ALLEGATION: κ(1,2) 0.0, κ(1,3) undefined (sklearn: nan), κ(2,3) 0.0,
    //   Fleiss −0.0465116279069782, α −0.05737704918032782.
    // QUOTE: κ(1,2) 0.7887323943661971, κ(1,3) 0.0, κ(2,3) 0.0, Fleiss 0.27477840451248975,
    //   α 0.32847475273295157.
    let r = report(&three_annotators());
    assert_eq!(r.annotators, vec!["ann1", "ann2", "ann3"]);
    assert_eq!((r.documents, r.complete_documents), (2, 1));
    let k = |a: &str, b: &str, l: Label| -> Coefficient {
        r.pair(a, b)
            .map(|p| *p.cohen_kappa.label(l))
            .unwrap_or_default()
    };
    close(k("ann1", "ann2", F).value, 0.782608695652174);
    assert_eq!(k("ann1", "ann2", F).n, 50);
    close(k("ann1", "ann3", F).value, 0.8571428571428572);
    assert_eq!(k("ann1", "ann3", F).n, 30);
    close(k("ann2", "ann3", F).value, 0.7058823529411765);
    close(k("ann1", "ann2", A).value, 0.0);
    assert_eq!(k("ann1", "ann3", A).value, None);
    close(k("ann2", "ann3", A).value, 0.0);
    close(k("ann1", "ann2", Q).value, 0.7887323943661971);
    close(k("ann1", "ann3", Q).value, 0.0);
    close(r.fleiss_kappa.label(F).value, 0.7999999999999999);
    close(r.fleiss_kappa.label(A).value, -0.0465116279069782);
    close(r.fleiss_kappa.label(Q).value, 0.27477840451248975);
    close(r.krippendorff_alpha.label(F).value, 0.7685208920789541);
    close(r.krippendorff_alpha.label(A).value, -0.05737704918032782);
    close(r.krippendorff_alpha.label(Q).value, 0.32847475273295157);
    assert_eq!(r.pair("ann1", "ann3").map(|p| p.documents), Some(1));
    assert_eq!(r.pair("ann1", "ann2").map(|p| p.documents), Some(2));
    assert_eq!(r.alpha_u.label(F).n, 30);
}

/// The coding counted per code point, the slow obvious way.
fn oracle(docs: &[DocLayers], names: &[String]) -> (Vec<Contingency>, FleissCounts, Coincidences) {
    let n = names.len();
    let mut pairs = vec![Contingency::new(2); n * (n - 1) / 2];
    let mut fleiss = FleissCounts::new(2);
    let mut alpha = Coincidences::new(2);
    for doc in docs {
        for pos in 0..doc.length {
            let values: Vec<Option<usize>> = names
                .iter()
                .map(|name| {
                    doc.layer(name).map(|l| {
                        usize::from(
                            l.units
                                .iter()
                                .any(|u| u.label == F && u.span.start <= pos && pos < u.span.end),
                        )
                    })
                })
                .collect();
            let mut counts = [0u64; 2];
            for v in values.iter().flatten() {
                counts[*v] += 1;
            }
            alpha.add_unit(&counts, 1.0);
            if values.iter().all(|v| v.is_some()) {
                fleiss.add_unit(&counts, 1.0);
            }
            for i in 0..n {
                for j in i + 1..n {
                    if let (Some(a), Some(b)) = (values[i], values[j]) {
                        pairs[pair_index(i, j, n)].add(a, b, 1.0);
                    }
                }
            }
        }
    }
    (pairs, fleiss, alpha)
}

#[test]
fn sweep_agrees_with_per_code_point_oracle() {
    let mut seed: u64 = 0x9e37_79b9_7f4a_7c15;
    let mut next = |m: u64| {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        (seed % m) as usize
    };
    for round in 0..40 {
        let mut docs = Vec::new();
        for d in 0..3 {
            let length = 20 + next(60);
            let mut layers = Vec::new();
            for a in 0..4 {
                if (round + d + a) % 5 == 0 {
                    continue; // a missing layer
                }
                let units = (0..next(6))
                    .map(|_| {
                        let s = next(length as u64 + 5);
                        Unit::new(s, s + next(15), F) // may overlap, be empty or overrun
                    })
                    .collect();
                layers.push(Layer::new(&format!("c{a}"), units));
            }
            docs.push(DocLayers::new(length, layers));
        }
        let names = annotators(&docs);
        let counts = code(&docs, &names);
        let (pairs, fleiss, alpha) = oracle(&docs, &names);
        for (p, o) in counts.pairs.iter().zip(&pairs) {
            assert_eq!(p[F.index()], *o);
        }
        assert_eq!(counts.fleiss[F.index()].kappa(), fleiss.kappa());
        let (x, y) = (
            counts.alpha[F.index()].alpha_nominal(),
            alpha.alpha_nominal(),
        );
        assert!(x.zip(y).map_or(x == y, |(x, y)| (x - y).abs() < 1e-9));
    }
}

#[test]
fn identical_layers_agree_fully_where_defined() {
    let units = [(0, 10, F), (20, 30, Q), (30, 35, Q)];
    let docs = vec![DocLayers::new(
        50,
        vec![layer("x", &units), layer("y", &units), layer("z", &units)],
    )];
    let r = report(&docs);
    for l in [F, Q] {
        close(r.fleiss_kappa.label(l).value, 1.0);
        close(r.krippendorff_alpha.label(l).value, 1.0);
        close(r.alpha_u.label(l).value, 1.0);
        for p in &r.pairs {
            close(p.cohen_kappa.label(l).value, 1.0);
            close(p.spans.exact.label(l).f1(), 1.0);
            close(p.spans.overlap.label(l).f1(), 1.0);
        }
    }
    close(r.alpha_u.overall.value, 1.0);
    close(r.krippendorff_alpha.overall.value, 1.0);
    // ALLEGATION unused: undefined, not NaN and not 1.
    assert_eq!(r.krippendorff_alpha.label(A).value, None);
    assert_eq!(r.alpha_u.label(A).value, None);
    assert_eq!(r.pairs[0].spans.exact.label(A).f1(), None);
    assert_eq!(r.pairs[0].confusion.same_label(), 3);
}

#[test]
fn disjoint_layers() {
    // sklearn cohen_kappa_score(A, B) → -1.0; krippendorff.alpha([A, B], "nominal")
    // → -0.9499999999999997, with A = 1 on 0..10, B = 1 on 10..20 of 20 code points.
    let docs = vec![DocLayers::new(
        20,
        vec![layer("a", &[(0, 10, F)]), layer("b", &[(10, 20, F)])],
    )];
    let r = report(&docs);
    close(r.pairs[0].cohen_kappa.label(F).value, -1.0);
    close(r.krippendorff_alpha.label(F).value, -0.9499999999999997);
    close(r.pairs[0].spans.overlap.overall.f1(), 0.0);
    assert!(r.alpha_u.label(F).value.is_some_and(|a| a < 0.0));
}

#[test]
fn one_empty_layer() {
    // sklearn cohen_kappa_score(A, zeros) → 0.0; krippendorff.alpha → -0.30000000000000004.
    let docs = vec![DocLayers::new(
        20,
        vec![layer("a", &[(0, 10, F)]), layer("b", &[])],
    )];
    let r = report(&docs);
    let p = &r.pairs[0];
    close(p.cohen_kappa.label(F).value, 0.0);
    close(r.krippendorff_alpha.label(F).value, -0.30000000000000004);
    let s = p.spans.overlap.overall;
    assert_eq!(
        (s.precision(), s.recall(), s.f1()),
        (Some(0.0), None, Some(0.0))
    );
    assert_eq!(p.confusion.get(Some(F), None), 1);
    // An empty layer is not a missing one: with b missing, there is no pair at all.
    let missing = vec![DocLayers::new(20, vec![layer("a", &[(0, 10, F)])])];
    let r = report(&missing);
    assert!(r.pairs.is_empty());
    assert_eq!(r.krippendorff_alpha.label(F).value, None);
    assert_eq!(r.alpha_u.label(F).value, None);
}

#[test]
fn empty_corpus() {
    let r = report(&[]);
    assert!(r.annotators.is_empty() && r.pairs.is_empty());
    assert_eq!(r.fleiss_kappa.overall.value, None);
}
