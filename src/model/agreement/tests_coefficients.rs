//! The coefficients against published values. Python references were computed in a venv made
//! with `python3 -m venv /tmp/agree && /tmp/agree/bin/pip install scikit-learn statsmodels
//! krippendorff` (scikit-learn 1.9.1, statsmodels 0.15.0, krippendorff 0.9.0, numpy 2.4.6).

use super::coefficients::{Coincidences, Contingency, FleissCounts};

fn close(actual: Option<f64>, expected: f64, tolerance: f64) {
    let a = actual.unwrap_or(f64::NAN);
    assert!(
        (a - expected).abs() <= tolerance,
        "{a} != {expected} ± {tolerance}"
    );
}

/// Value counts of one unit: `values` are 1-based categories, 0 = missing.
fn unit_counts(values: &[usize], k: usize) -> Vec<u64> {
    let mut counts = vec![0u64; k];
    for &v in values.iter().filter(|&&v| v > 0) {
        counts[v - 1] += 1;
    }
    counts
}

#[test]
fn krippendorff_alpha_nominal_on_his_reliability_data() {
    // Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability", section C (nominal
    // data, any number of observers, missing data): 4 observers × 12 units, α = 0.743.
    // Checked: `krippendorff.alpha(reliability_data=rel, level_of_measurement="nominal")`
    // → 0.743421052631579 (rel = the rows below with np.nan for the missing values).
    let coders: [[usize; 12]; 4] = [
        [1, 2, 3, 3, 2, 1, 4, 1, 2, 0, 0, 0],
        [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, 0, 3],
        [0, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, 0],
        [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, 0],
    ];
    let mut c = Coincidences::new(5);
    for u in 0..12 {
        let values: Vec<usize> = coders.iter().map(|row| row[u]).collect();
        c.add_unit(&unit_counts(&values, 5), 1.0);
    }
    // Krippendorff (2011) ibid.: n = 40 pairable values.
    assert!((c.pairable() - 40.0).abs() < 1e-9);
    close(c.alpha_nominal(), 0.743421052631579, 1e-12);
}

/// Fleiss (1971: 379), as DKPro Agreement's `Fleiss1971Test.createExample`: 30 subjects,
/// 6 raters, 5 categories.
const FLEISS_1971: [[usize; 6]; 30] = [
    [4, 4, 4, 4, 4, 4],
    [2, 2, 2, 5, 5, 5],
    [2, 3, 3, 3, 3, 5],
    [5, 5, 5, 5, 5, 5],
    [2, 2, 2, 4, 4, 4],
    [1, 1, 3, 3, 3, 3],
    [3, 3, 3, 3, 5, 5],
    [1, 1, 3, 3, 3, 4],
    [1, 1, 4, 4, 4, 4],
    [5, 5, 5, 5, 5, 5],
    [1, 4, 4, 4, 4, 4],
    [1, 2, 4, 4, 4, 4],
    [2, 2, 2, 3, 3, 3],
    [1, 4, 4, 4, 4, 4],
    [2, 2, 4, 4, 4, 5],
    [3, 3, 3, 3, 3, 5],
    [1, 1, 1, 4, 5, 5],
    [1, 1, 1, 1, 1, 2],
    [2, 2, 4, 4, 4, 4],
    [1, 3, 3, 5, 5, 5],
    [5, 5, 5, 5, 5, 5],
    [2, 4, 4, 4, 4, 4],
    [2, 2, 4, 5, 5, 5],
    [1, 1, 4, 4, 4, 4],
    [1, 4, 4, 4, 4, 5],
    [2, 2, 2, 2, 2, 4],
    [1, 1, 1, 1, 5, 5],
    [2, 2, 4, 4, 4, 4],
    [1, 3, 3, 3, 3, 3],
    [5, 5, 5, 5, 5, 5],
];

#[test]
fn fleiss_kappa_on_fleiss_1971() {
    // Fleiss (1971), Psychological Bulletin 76(5), p. 379: κ = 0.430; DKPro Agreement
    // `Fleiss1971Test.testAgreement` asserts 0.430 ± 0.001. statsmodels:
    // `fleiss_kappa(aggregate_raters(np.array(items))[0], method='fleiss')`
    // → 0.43024452006014074.
    let mut f = FleissCounts::new(5);
    for item in FLEISS_1971 {
        f.add_unit(&unit_counts(&item, 5), 1.0);
    }
    close(f.kappa(), 0.43024452006014074, 1e-12);
}

#[test]
fn weighted_units_equal_repeated_units() {
    let mut once = FleissCounts::new(5);
    let mut twice = FleissCounts::new(5);
    for item in FLEISS_1971 {
        once.add_unit(&unit_counts(&item, 5), 2.0);
        twice.add_unit(&unit_counts(&item, 5), 1.0);
        twice.add_unit(&unit_counts(&item, 5), 1.0);
    }
    close(once.kappa(), twice.kappa().unwrap_or(f64::NAN), 1e-12);
}

#[test]
fn fleiss_kappa_needs_equal_numbers_of_raters() {
    let mut f = FleissCounts::new(2);
    f.add_unit(&[1, 1], 1.0);
    f.add_unit(&[2, 1], 1.0);
    assert_eq!(f.kappa(), None);
    assert_eq!(FleissCounts::new(2).kappa(), None);
}

/// The binary codings of Krippendorff (1995: 57) example A (Bertha, Bill), one value per
/// position, as digitised in DKPro Agreement `Krippendorff1995Test.testDigitizedAgreement`.
pub(super) const BERTHA: [usize; 24] = [
    0, 0, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0,
];
pub(super) const BILL: [usize; 24] = [
    0, 0, 0, 0, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0, 1, 1, 0, 0, 0, 0, 0, 0, 0,
];

#[test]
fn cohen_kappa_and_alpha_on_krippendorff_1995_digitized() {
    let mut t = Contingency::new(2);
    let mut c = Coincidences::new(2);
    for (a, b) in BERTHA.iter().zip(&BILL) {
        t.add(*a, *b, 1.0);
        let mut counts = [0u64; 2];
        counts[*a] += 1;
        counts[*b] += 1;
        c.add_unit(&counts, 1.0);
    }
    // DKPro `Krippendorff1995Test.testDigitizedAgreement`: Cohen's κ 0.385, α 0.329 (± 0.001).
    // sklearn `cohen_kappa_score(bertha, bill)` → 0.3846153846153846;
    // `krippendorff.alpha(reliability_data=[bertha, bill], level_of_measurement="nominal")`
    // → 0.3285714285714285.
    close(t.cohen_kappa(), 0.3846153846153846, 1e-12);
    close(c.alpha_nominal(), 0.3285714285714285, 1e-12);
}

#[test]
fn cohen_kappa_three_categories() {
    // sklearn `cohen_kappa_score([0,1,2,0,1,2,0,0,1,2], [0,1,1,0,2,2,0,1,1,2])`
    // → 0.5522388059701492.
    let a = [0, 1, 2, 0, 1, 2, 0, 0, 1, 2];
    let b = [0, 1, 1, 0, 2, 2, 0, 1, 1, 2];
    let mut t = Contingency::new(3);
    for (x, y) in a.iter().zip(&b) {
        t.add(*x, *y, 1.0);
    }
    close(t.cohen_kappa(), 0.5522388059701492, 1e-12);
}

#[test]
fn no_variation_is_undefined_not_nan() {
    // DKPro `Krippendorff1995Test.testDigitizedAgreement` (Heather / Hill, all 1s): Cohen's κ
    // throws InsufficientDataException; here it is None.
    let mut t = Contingency::new(2);
    t.add(1, 1, 24.0);
    assert_eq!(t.cohen_kappa(), None);
    let mut c = Coincidences::new(2);
    c.add_unit(&[0, 2], 24.0);
    assert_eq!(c.alpha_nominal(), None);
    let mut f = FleissCounts::new(2);
    f.add_unit(&[0, 2], 24.0);
    assert_eq!(f.kappa(), None);
    assert_eq!(Contingency::new(2).cohen_kappa(), None);
    assert_eq!(Coincidences::new(2).alpha_nominal(), None);
}
