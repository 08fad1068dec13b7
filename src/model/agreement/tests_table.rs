//! The report as rows, JSON and CSV; per-document scores and the heat map, on hand-built
//! fixtures with every expected value worked out by hand in a comment.

use super::input::{DocLayers, Layer, Unit};
use super::report::report;
use super::table::{
    document_score, document_scores, figures, pairwise, report_csv, report_json, DocScore, Figure,
    PairMeasure, Scope, CSV_HEADER, MEASURES,
};
use crate::model::Label;

use Label::{Allegation as A, Fact as F, Quote as Q};

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

/// The figure of `measure` for `label` (None = overall) and pair `a`, `b` (None = all).
fn find<'a>(
    figs: &'a [Figure],
    measure: &str,
    label: Option<Label>,
    pair: Option<(&str, &str)>,
) -> &'a Figure {
    let hit = figs.iter().find(|f| {
        f.measure == measure
            && f.label == label
            && f.other.is_none()
            && match pair {
                Some((a, b)) => f.a.as_deref() == Some(a) && f.b.as_deref() == Some(b),
                None => f.a.is_none() && f.b.is_none(),
            }
    });
    match hit {
        Some(f) => f,
        None => panic!("no figure {measure} {label:?} {pair:?}"),
    }
}

fn confusion(figs: &[Figure], a: Option<Label>, b: &str) -> Option<f64> {
    figs.iter()
        .find(|f| f.measure == "label_confusion" && f.label == a && f.other.as_deref() == Some(b))
        .and_then(|f| f.value)
}

fn no_nan(figs: &[Figure]) {
    for f in figs {
        assert!(f.value.is_none_or(f64::is_finite), "{f:?}");
    }
}

#[test]
fn order_follows_measures_and_every_name_is_listed() {
    let docs = vec![DocLayers::new(
        20,
        vec![layer("a", &[(0, 10, F)]), layer("b", &[(0, 10, F)])],
    )];
    let figs = figures(&report(&docs));
    // Per pair: 6 span measures × 4 (overall + 3 labels) + κ 4 + speakers 3 + confusion 15
    // (4 × 4 cells less none/none) = 46; over all annotators: 3 coefficients × 4 = 12.
    assert_eq!(figs.len(), 46 + 12);
    let mut seen: Vec<&str> = Vec::new();
    for f in &figs {
        if seen.last() != Some(&f.measure) {
            seen.push(f.measure);
        }
    }
    let names: Vec<&str> = MEASURES.iter().map(|m| m.0).collect();
    assert_eq!(seen, names);
    assert_eq!(
        (figs[0].measure, figs[0].label, figs[1].label),
        ("span_precision_exact", None, Some(F))
    );
    assert!(MEASURES.iter().all(|m| !m.1.is_empty()));
}

#[test]
fn identical_layers() {
    let units = [(0, 10, F), (20, 30, Q), (30, 35, Q)];
    let docs = vec![DocLayers::new(
        50,
        vec![layer("x", &units), layer("y", &units)],
    )];
    let figs = figures(&report(&docs));
    no_nan(&figs);
    let p = Some(("x", "y"));
    // Exact: 3 of 3 matched → P = R = 3/3 = 1, F1 = 2·3/(3+3) = 1, n = 3 + 3 = 6.
    let f1 = find(&figs, "span_f1_exact", None, p);
    close(f1.value, 1.0);
    assert_eq!(
        (f1.n, f1.matched, f1.a_spans, f1.b_spans),
        (6, Some(3), Some(3), Some(3))
    );
    close(find(&figs, "span_precision_overlap", Some(Q), p).value, 1.0);
    assert_eq!(find(&figs, "span_precision_overlap", Some(Q), p).n, 2);
    // FACT κ: p_o = 1, p_e = (10/50)² + (40/50)² = 0.68 → (1 − 0.68)/(1 − 0.68) = 1; n = 50.
    let k = find(&figs, "cohen_kappa", Some(F), p);
    close(k.value, 1.0);
    assert_eq!(k.n, 50);
    // Pooled over the 3 labels: 3 × 50 = 150 code points, all agreeing → 1.
    assert_eq!(find(&figs, "cohen_kappa", None, p).n, 150);
    close(find(&figs, "cohen_kappa", None, p).value, 1.0);
    close(find(&figs, "krippendorff_alpha", Some(F), None).value, 1.0);
    // Nobody used ALLEGATION: 0 spans on both sides → F1 = 0/0 undefined, κ no variation.
    for m in ["span_f1_exact", "span_f1_overlap", "span_precision_exact"] {
        assert_eq!(find(&figs, m, Some(A), p).value, None);
    }
    assert_eq!(find(&figs, "cohen_kappa", Some(A), p).value, None);
    assert_eq!(find(&figs, "fleiss_kappa", Some(A), None).value, None);
    assert_eq!(find(&figs, "alpha_u", Some(A), None).value, None);
    // No speakers given: every matched pair is "both empty" → share undefined, n = 0.
    let s = find(&figs, "speaker_agreement", None, p);
    assert_eq!((s.value, s.n), (None, 0));
    // Confusion: FACT/FACT 1, QUOTE/QUOTE 2, everything else 0; table total 3.
    close(confusion(&figs, Some(F), "FACT"), 1.0);
    close(confusion(&figs, Some(Q), "QUOTE"), 2.0);
    close(confusion(&figs, Some(F), "none"), 0.0);
    close(confusion(&figs, None, "QUOTE"), 0.0);
    assert!(figs
        .iter()
        .filter(|f| f.measure == "label_confusion")
        .all(|f| f.n == 3));
    // The heat map: one pair, F1 = 1 and κ = 1.
    for m in PairMeasure::ALL {
        assert_eq!(
            pairwise(&report(&docs), m),
            vec![vec![Some(1.0), Some(1.0)], vec![Some(1.0), Some(1.0)]]
        );
    }
}

#[test]
fn disjoint_layers() {
    // a: FACT 0..10, b: FACT 10..20 of 20 code points.
    let docs = vec![DocLayers::new(
        20,
        vec![layer("a", &[(0, 10, F)]), layer("b", &[(10, 20, F)])],
    )];
    let r = report(&docs);
    let figs = figures(&r);
    no_nan(&figs);
    let p = Some(("a", "b"));
    // No overlap → 0 matched: P = 0/1 = 0, R = 0/1 = 0, F1 = 0/(1+1) = 0.
    for m in [
        "span_precision_overlap",
        "span_recall_overlap",
        "span_f1_overlap",
    ] {
        close(find(&figs, m, None, p).value, 0.0);
    }
    // κ: every code point disagrees → p_o = 0; p_e = 0.5·0.5 + 0.5·0.5 = 0.5
    // → (0 − 0.5)/(1 − 0.5) = −1.
    close(find(&figs, "cohen_kappa", Some(F), p).value, -1.0);
    // Confusion: a's FACT unmatched, b's FACT unmatched; total 2.
    close(confusion(&figs, Some(F), "none"), 1.0);
    close(confusion(&figs, None, "FACT"), 1.0);
    close(confusion(&figs, Some(F), "FACT"), 0.0);
    assert_eq!(
        pairwise(&r, PairMeasure::F1Overlap),
        vec![vec![Some(1.0), Some(0.0)], vec![Some(0.0), Some(1.0)]]
    );
    // Pooled κ over the 3 labels, 60 code points: (0,0) 40 (ALLEGATION and QUOTE), (1,0) 10,
    // (0,1) 10 → p_o = 40/60 = 24/36; each side marks 10/60 = 1/6 → p_e = (1/6)² + (5/6)²
    // = 26/36 → κ = (24/36 − 26/36)/(1 − 26/36) = −2/10 = −0.2.
    close(pairwise(&r, PairMeasure::CohenKappa)[1][0], -0.2);
}

#[test]
fn one_empty_layer() {
    // a: FACT 0..10, b: an empty layer, 20 code points.
    let docs = vec![DocLayers::new(
        20,
        vec![layer("a", &[(0, 10, F)]), layer("b", &[])],
    )];
    let r = report(&docs);
    let figs = figures(&r);
    no_nan(&figs);
    let p = Some(("a", "b"));
    // P = 0/1 = 0 (n 1); R = 0/0 undefined (n 0); F1 = 2·0/(1+0) = 0 (n 1).
    let pr = find(&figs, "span_precision_overlap", None, p);
    assert_eq!((pr.value, pr.n), (Some(0.0), 1));
    let re = find(&figs, "span_recall_overlap", None, p);
    assert_eq!((re.value, re.n), (None, 0));
    let f1 = find(&figs, "span_f1_overlap", None, p);
    assert_eq!((f1.value, f1.n), (Some(0.0), 1));
    // κ FACT: p_o = 10/20 = 0.5; p_e = 0.5·0 + 0.5·1 = 0.5 → (0.5 − 0.5)/(1 − 0.5) = 0.
    close(find(&figs, "cohen_kappa", Some(F), p).value, 0.0);
    // QUOTE: both all 0 → p_e = 1, undefined.
    assert_eq!(find(&figs, "cohen_kappa", Some(Q), p).value, None);
    let json = report_json(&r, &Scope::default(), &[]);
    assert!(!json.contains("NaN") && !json.contains("inf"));
    // Both layers present and empty elsewhere: agreement 1.0, not undefined.
    let empty = DocLayers::new(20, vec![layer("a", &[]), layer("b", &[])]);
    assert_eq!(document_score(&empty), Some(1.0));
    // One layer only: no pair, no score.
    assert_eq!(
        document_score(&DocLayers::new(20, vec![layer("a", &[])])),
        None
    );
    // docs: a against the empty layer → 2·0/(1+0) = 0.
    assert_eq!(document_score(&docs[0]), Some(0.0));
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
    let docs = three_annotators();
    let r = report(&docs);
    let figs = figures(&r);
    no_nan(&figs);
    // ann1–ann2, both documents. Doc 1: FACT 0..10 vs 2..10, IoU 8/10 = 0.8 ✓; QUOTE 15..25
    // vs 15..22, IoU 7/10 = 0.7 ✓; ann2's ALLEGATION 26..30 unmatched. Doc 2: FACT 5..15 vs
    // 5..12, IoU 7/10 = 0.7 ✓; ann2's ALLEGATION 0..4 unmatched. matched 3, |A| 3, |B| 5:
    // P = 3/3 = 1, R = 3/5 = 0.6, F1 = 6/8 = 0.75. No span is identical: exact all 0.
    let p12 = Some(("ann1", "ann2"));
    close(find(&figs, "span_precision_overlap", None, p12).value, 1.0);
    close(find(&figs, "span_recall_overlap", None, p12).value, 0.6);
    let f = find(&figs, "span_f1_overlap", None, p12);
    close(f.value, 0.75);
    assert_eq!(
        (f.n, f.matched, f.a_spans, f.b_spans),
        (8, Some(3), Some(3), Some(5))
    );
    close(find(&figs, "span_f1_exact", None, p12).value, 0.0);
    // ALLEGATION: ann1 0 spans, ann2 2 → P undefined, R = 0/2 = 0, F1 = 0/2 = 0.
    assert_eq!(
        find(&figs, "span_precision_overlap", Some(A), p12).value,
        None
    );
    close(find(&figs, "span_recall_overlap", Some(A), p12).value, 0.0);
    close(find(&figs, "span_f1_overlap", Some(A), p12).value, 0.0);
    // ann1–ann3, doc 1 only: FACT 0..10 vs 0..12, IoU 10/12 ✓; ann1's QUOTE unmatched.
    // matched 1, |A| 2, |B| 1: P = 1/2, R = 1/1, F1 = 2/3.
    let p13 = Some(("ann1", "ann3"));
    close(find(&figs, "span_precision_overlap", None, p13).value, 0.5);
    close(find(&figs, "span_recall_overlap", None, p13).value, 1.0);
    close(find(&figs, "span_f1_overlap", None, p13).value, 2.0 / 3.0);
    // ann2–ann3: FACT 2..10 vs 0..12, IoU 8/12 ✓; matched 1, |A| 3, |B| 1: F1 = 2/4 = 0.5.
    close(
        find(&figs, "span_f1_overlap", None, Some(("ann2", "ann3"))).value,
        0.5,
    );
    // Confusion ann1–ann2 (regardless of label; the pairs above, and 15..25 vs 26..30 do not
    // overlap): FACT/FACT 2, QUOTE/QUOTE 1, none/ALLEGATION 2; total 5.
    let c12: Vec<&Figure> = figs
        .iter()
        .filter(|f| f.measure == "label_confusion" && f.a.as_deref() == Some("ann1"))
        .filter(|f| f.b.as_deref() == Some("ann2"))
        .collect();
    assert_eq!(c12.len(), 15);
    let cell = |a: Option<Label>, b: &str| {
        c12.iter()
            .find(|f| f.label == a && f.other.as_deref() == Some(b))
            .and_then(|f| f.value)
    };
    close(cell(Some(F), "FACT"), 2.0);
    close(cell(Some(Q), "QUOTE"), 1.0);
    close(cell(None, "ALLEGATION"), 2.0);
    close(cell(Some(Q), "none"), 0.0);
    assert!(c12.iter().all(|f| f.n == 5));
    // Corpus-wide coefficients are the report's own (checked against Python in tests_report).
    let fleiss = find(&figs, "fleiss_kappa", Some(F), None);
    assert_eq!(fleiss.value, r.fleiss_kappa.label(F).value);
    assert_eq!(fleiss.n, 30); // the one complete document, 30 code points
    assert_eq!(
        find(&figs, "krippendorff_alpha", None, None).value,
        r.krippendorff_alpha.overall.value
    );
    // The heat map, from the F1s above.
    let m = pairwise(&r, PairMeasure::F1Overlap);
    let expected = [
        [1.0, 0.75, 2.0 / 3.0],
        [0.75, 1.0, 0.5],
        [2.0 / 3.0, 0.5, 1.0],
    ];
    for i in 0..3 {
        for j in 0..3 {
            close(m[i][j], expected[i][j]);
        }
    }
}

#[test]
fn pair_without_a_common_document_is_undefined_in_the_heat_map() {
    let docs = vec![
        DocLayers::new(10, vec![layer("x", &[(0, 5, F)]), layer("y", &[(0, 5, F)])]),
        DocLayers::new(10, vec![layer("y", &[(0, 5, F)]), layer("z", &[(0, 5, F)])]),
    ];
    let r = report(&docs);
    for measure in PairMeasure::ALL {
        let m = pairwise(&r, measure);
        assert_eq!((m[0][2], m[2][0]), (None, None), "{}", measure.name());
        assert_eq!(m[0][1], Some(1.0));
        assert_eq!(m[1][1], Some(1.0));
    }
    assert_eq!(PairMeasure::CohenKappa.measure(), "cohen_kappa");
}

#[test]
fn document_scores_lowest_first() {
    let d = three_annotators();
    // Doc 1 pairs: ann1–ann2 matched 2 (FACT, QUOTE) of |A| 2, |B| 3 → 4/5; ann1–ann3 2/3;
    // ann2–ann3 2/4. Mean (24/30 + 20/30 + 15/30)/3 = 59/90 ≈ 0.6556.
    close(document_score(&d[0]), 59.0 / 90.0);
    // Doc 2: ann1–ann2 matched 1 of |A| 1, |B| 2 → 2/3.
    close(document_score(&d[1]), 2.0 / 3.0);
    let empty = DocLayers::new(5, vec![layer("p", &[]), layer("q", &[])]);
    let alone = DocLayers::new(5, vec![layer("p", &[(0, 2, F)])]);
    let docs = vec![
        ("d4".to_string(), "Lone".to_string(), alone),
        ("d3".to_string(), "Zeta empty".to_string(), empty.clone()),
        ("d2".to_string(), "Second".to_string(), d[1].clone()),
        ("d5".to_string(), "Alpha empty".to_string(), empty),
        ("d1".to_string(), "First".to_string(), d[0].clone()),
    ];
    let scores = document_scores(&docs);
    let order: Vec<&str> = scores.iter().map(|s| s.id.as_str()).collect();
    // 59/90 < 2/3 < 1.0 = 1.0 (tie: "Alpha empty" before "Zeta empty") < None.
    assert_eq!(order, vec!["d1", "d2", "d5", "d3", "d4"]);
    assert_eq!(
        scores.iter().map(|s| s.annotators).collect::<Vec<_>>(),
        vec![3, 2, 2, 2, 1]
    );
    assert_eq!(scores[4].score, None);
}

#[test]
fn csv_quotes_names_and_formats_numbers() {
    // Sorted names: "O\"Brien" < "Smith, J." < "Zed\nX" (O < S < Z).
    let docs = vec![DocLayers::new(
        20,
        vec![
            layer("Smith, J.", &[(0, 10, F), (12, 18, Q)]),
            layer("O\"Brien", &[(0, 10, F)]),
            layer("Zed\nX", &[(0, 10, F)]),
        ],
    )];
    let r = report(&docs);
    let csv = report_csv(&r);
    assert!(csv.starts_with(&format!("{CSV_HEADER}\n")));
    assert!(csv.ends_with('\n') && !csv.contains('\r'));
    // O"Brien against Smith, J.: matched 1, |A| 1, |B| 2 → F1 = 2/3 → 0.666667 (6 decimals).
    assert!(
        csv.contains("span_f1_overlap,overall,\"O\"\"Brien\",\"Smith, J.\",0.666667,3,1,1,2,\n"),
        "{csv}"
    );
    // Precision 1/1 = 1 → "1"; recall 1/2 → "0.5".
    assert!(csv.contains("span_precision_exact,overall,\"O\"\"Brien\",\"Smith, J.\",1,1,1,1,2,\n"));
    assert!(csv.contains("span_recall_exact,FACT,\"O\"\"Brien\",\"Smith, J.\",1,1,1,1,1,\n"));
    // A name with a line break stays inside one quoted field.
    assert!(csv.contains(",\"Smith, J.\",\"Zed\nX\","));
    // Undefined: ALLEGATION nobody used → empty value; corpus-wide rows have empty pair cells.
    assert!(csv.contains("span_f1_exact,ALLEGATION,\"O\"\"Brien\",\"Smith, J.\",,0,0,0,0,\n"));
    assert!(csv.contains("\nfleiss_kappa,ALLEGATION,,,,"));
    // Confusion Smith against Zed: FACT/FACT 1, Smith's QUOTE unmatched → QUOTE/none 1;
    // the table's total is 1 + 1 = 2.
    assert!(csv.contains("label_confusion,QUOTE,\"Smith, J.\",\"Zed\nX\",1,2,,,,none\n"));
    assert!(csv.contains("label_confusion,none,\"Smith, J.\",\"Zed\nX\",0,2,,,,FACT\n"));
    // Rows: one per figure; 3 pairs × 46 + 12 = 150, plus the header; 2 quoted line breaks
    // per pair row that names Zed (2 pairs × 46 rows) add one line each.
    assert_eq!(csv.lines().count(), 1 + 150 + 2 * 46);
    assert!(!csv.contains("NaN"));
}

#[test]
fn json_parses_back_with_the_documented_keys() {
    let docs = three_annotators();
    let r = report(&docs);
    let named: Vec<(String, String, DocLayers)> = docs
        .iter()
        .enumerate()
        .map(|(i, d)| (format!("id{i}"), format!("Doc \"{i}\""), d.clone()))
        .collect();
    let scores: Vec<DocScore> = document_scores(&named);
    let scope = Scope {
        kind: "library".into(),
        description: "Whole library".into(),
    };
    let json = report_json(&r, &scope, &scores);
    assert!(!json.contains("NaN"));
    let v: serde_json::Value = match serde_json::from_str(&json) {
        Ok(v) => v,
        Err(e) => panic!("{e}: {json}"),
    };
    assert_eq!(v["format"], "claimtag-agreement");
    assert_eq!(v["version"], 1);
    assert_eq!(v["scope"]["kind"], "library");
    assert_eq!(v["scope"]["description"], "Whole library");
    assert_eq!(v["annotators"], serde_json::json!(["ann1", "ann2", "ann3"]));
    assert_eq!(
        (v["documents"].as_u64(), v["complete_documents"].as_u64()),
        (Some(2), Some(1))
    );
    let figs = v["figures"].as_array().cloned().unwrap_or_default();
    assert_eq!(figs.len(), figures(&r).len());
    let keys = [
        "measure", "label", "a", "b", "value", "n", "matched", "a_spans", "b_spans", "other",
    ];
    for f in &figs {
        let obj = f.as_object().cloned().unwrap_or_default();
        assert_eq!(obj.len(), keys.len());
        assert!(keys.iter().all(|k| obj.contains_key(*k)), "{f}");
    }
    // The first figure: span_precision_exact, overall (null), ann1 against ann2, 0/3 = 0.
    assert_eq!(figs[0]["measure"], "span_precision_exact");
    assert!(figs[0]["label"].is_null());
    assert_eq!(
        (figs[0]["a"].as_str(), figs[0]["b"].as_str()),
        (Some("ann1"), Some("ann2"))
    );
    assert_eq!(figs[0]["value"].as_f64(), Some(0.0));
    assert_eq!(figs[1]["label"], "FACT");
    // Full precision: ann1–ann3 overlap F1 = 2/3 exactly as an f64.
    let f13 = figs.iter().find(|f| {
        f["measure"] == "span_f1_overlap"
            && f["label"].is_null()
            && f["b"] == "ann3"
            && f["a"] == "ann1"
    });
    assert_eq!(f13.and_then(|f| f["value"].as_f64()), Some(2.0 / 3.0));
    // Undefined → null: ALLEGATION precision ann1–ann2 (ann1 marked none).
    let undefined = figs.iter().find(|f| {
        f["measure"] == "span_precision_overlap"
            && f["label"] == "ALLEGATION"
            && f["b"] == "ann2"
            && f["a"] == "ann1"
    });
    assert!(undefined.is_some_and(|f| f["value"].is_null()));
    // Confusion's "none" row of A is the string "none", not null.
    assert!(figs.iter().any(|f| f["measure"] == "label_confusion"
        && f["label"] == "none"
        && f["other"] == "ALLEGATION"));
    // Corpus-wide figures: a and b null.
    assert!(figs
        .iter()
        .filter(|f| f["measure"] == "fleiss_kappa")
        .all(|f| f["a"].is_null() && f["b"].is_null()));
    let per = v["per_document"].as_array().cloned().unwrap_or_default();
    assert_eq!(per.len(), 2);
    // Lowest first: doc 0 (59/90) before doc 1 (2/3).
    assert_eq!(per[0]["id"], "id0");
    assert_eq!(per[0]["title"], "Doc \"0\"");
    assert_eq!(per[0]["annotators"], 3);
    assert_eq!(per[1]["score"].as_f64(), Some(2.0 / 3.0));
}

#[test]
fn a_stored_document_gives_its_own_layer_only_when_it_was_worked_on() {
    use crate::model::agreement::input::stored_layers;
    use crate::model::library::{AnnotatorLayer, DocInfo, DocStatus, StoredDocument};
    use crate::model::{AnnotationSet, Article, Metadata, ParagraphKind, Span};
    let article = Article::from_paragraphs(
        [("Tide 👍 rose today.", ParagraphKind::Body)],
        Metadata::default(),
    );
    let mut own = AnnotationSet::new();
    let mut stored = StoredDocument::new(DocInfo::default(), &article, &own);
    stored.layers.push(AnnotatorLayer {
        annotator: "bo".to_string(),
        ..AnnotatorLayer::default()
    });
    // Not started, nothing marked: only bo's (empty) layer takes part.
    let doc = stored_layers(&stored, "me");
    assert_eq!(doc.length, 18);
    assert_eq!(doc.layers.len(), 1);
    assert_eq!(doc.layers[0].annotator, "bo");
    // Done with nothing marked: an empty own layer.
    stored.info.status = DocStatus::Done;
    assert_eq!(stored_layers(&stored, "me").layers.len(), 2);
    own.add(&article, Span::new(0, 4), Label::Fact).unwrap();
    let stored = StoredDocument {
        info: DocInfo::default(),
        ..StoredDocument::new(DocInfo::default(), &article, &own)
    };
    let doc = stored_layers(&stored, "me");
    assert_eq!(doc.layers[0].units, vec![Unit::new(0, 4, Label::Fact)]);
}
