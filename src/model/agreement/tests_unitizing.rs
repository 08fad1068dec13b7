//! α_u against the unit tests of DKPro Agreement (dkpro/dkpro-statistics,
//! `dkpro-statistics-agreement/src/test/java/org/dkpro/statistics/agreement/unitizing/`),
//! which reproduce Krippendorff's worked examples. Tolerances are DKPro's own.

use super::unitizing::UnitizingStudy;
use crate::model::Span;

fn study(length: usize, raters: &[&[(usize, usize)]]) -> UnitizingStudy {
    UnitizingStudy {
        length,
        raters: raters
            .iter()
            .map(|r| r.iter().map(|&(b, l)| Span::new(b, b + l)).collect())
            .collect(),
    }
}

fn close(actual: f64, expected: f64, tolerance: f64) {
    assert!(
        (actual - expected).abs() <= tolerance,
        "{actual} != {expected} ± {tolerance}"
    );
}

/// Krippendorff (2004: 254), DKPro `Krippendorff2004Test.createExample`: continuum 150..450,
/// shifted here to 0..300 (α_u depends only on relative positions). `(offset, length)` units.
fn krippendorff_2004(category: char) -> UnitizingStudy {
    let shift = |units: &[(usize, usize)]| -> Vec<(usize, usize)> {
        units.iter().map(|&(b, l)| (b - 150, l)).collect()
    };
    let (r0, r1) = match category {
        'c' => (
            shift(&[(225, 70), (370, 30)]),
            shift(&[(220, 80), (355, 20), (400, 20)]),
        ),
        _ => (
            shift(&[(180, 60), (300, 50)]),
            shift(&[(180, 60), (300, 50)]),
        ),
    };
    study(300, &[&r0, &r1])
}

#[test]
fn krippendorff_2004_example() {
    // DKPro `Krippendorff2004Test.testCategoryAgreement`: c: D_o 0.0144, D_e 0.0532,
    // α 0.7286; k: D_o 0, D_e 0.0490, α 1.0 (all ± 0.0001).
    let c = krippendorff_2004('c').disagreement();
    close(c.observed, 0.0144, 0.0001);
    close(c.expected, 0.0532, 0.0001);
    close(c.alpha().unwrap_or(f64::NAN), 0.7286, 0.0001);
    let k = krippendorff_2004('k').disagreement();
    close(k.observed, 0.0, 0.0001);
    close(k.expected, 0.0490, 0.0001);
    close(k.alpha().unwrap_or(f64::NAN), 1.0, 0.0001);
    // DKPro `Krippendorff2004Test.testAgreement`: α over both categories 0.8591 ± 0.0005.
    close(c.plus(k).alpha().unwrap_or(f64::NAN), 0.8591, 0.0005);
}

#[test]
fn dkpro_unitizing_agreement_example() {
    // DKPro `UnitizingAgreementTest.testAgreement`: r0 -11111111-, r1 --1-1-1---;
    // D_o 0.9100, D_e 0.5351, α −0.7003 (± 0.0001).
    let d = study(10, &[&[(1, 8)], &[(2, 1), (4, 1), (6, 1)]]).disagreement();
    close(d.observed, 0.9100, 0.0001);
    close(d.expected, 0.5351, 0.0001);
    close(d.alpha().unwrap_or(f64::NAN), -0.7003, 0.0001);
}

#[test]
fn dkpro_single_unit_and_empty_study() {
    // DKPro `UnitizingAgreementTest.testSingleAnnotationUnit`: 3 raters, length 20, one unit
    // (0, 1) by rater 0 → α = 0.0.
    let d = study(20, &[&[(0, 1)], &[], &[]]).disagreement();
    close(d.alpha().unwrap_or(f64::NAN), 0.0, 1e-12);
    // `testEmptyAnnotationSet`: no units → DKPro returns NaN; here it is undefined (None).
    assert_eq!(study(20, &[&[], &[], &[]]).disagreement().alpha(), None);
}

/// Krippendorff (1995: 57), DKPro `Krippendorff1995Test.createExample(stretch)`: four
/// two-coder examples A–D on a continuum of 24, every offset and length scaled by `stretch`
/// and truncated as Java's `(int)` does.
fn krippendorff_1995(category: char, stretch: f64) -> UnitizingStudy {
    let s = |x: usize| (x as f64 * stretch) as usize;
    type Units = &'static [(usize, usize)];
    let (r0, r1): (Units, Units) = match category {
        'A' => (&[(2, 8), (14, 6)], &[(4, 4), (15, 2)]),
        'B' => (
            &[(0, 18)],
            &[(0, 2), (2, 1), (3, 1), (4, 1), (5, 1), (6, 3), (9, 1)],
        ),
        'C' => (
            &[(2, 6), (10, 2), (14, 4), (20, 2)],
            &[(0, 2), (4, 4), (10, 4), (16, 2), (20, 2)],
        ),
        _ => (
            &[(0, 2), (2, 8), (10, 4), (14, 6), (20, 4)],
            &[(0, 4), (4, 4), (8, 7), (15, 2), (17, 7)],
        ),
    };
    let scale = |r: &[(usize, usize)]| -> Vec<(usize, usize)> {
        r.iter().map(|&(b, l)| (s(b), s(l))).collect()
    };
    study(s(24), &[&scale(r0), &scale(r1)])
}

#[test]
fn krippendorff_1995_observed() {
    // DKPro `Krippendorff1995Test.testAgreement` (stretch 1): D_o A 0.03125, B 2.26736,
    // C 0.02777, D 0.38715 (± 0.00001).
    for (cat, expected) in [
        ('A', 0.03125),
        ('B', 2.26736),
        ('C', 0.02777),
        ('D', 0.38715),
    ] {
        close(
            krippendorff_1995(cat, 1.0).disagreement().observed,
            expected,
            0.00001,
        );
    }
}

#[test]
fn krippendorff_1995_expected_and_alpha() {
    // DKPro `Krippendorff1995Test.testAgreement` (stretch 1200000 / 24 = 50000): D_e A 0.06990,
    // B 1.17731, C 0.08642, D 0.41445 (± 0.005); α A 0.553, B −0.926, C 0.679, D 0.066
    // (± 0.02). DKPro notes Krippendorff's published D_e seem slightly off (a sign in
    // (l_ik + l_hj + 1)), hence the loose tolerances.
    let cases = [
        ('A', 0.06990, 0.553),
        ('B', 1.17731, -0.926),
        ('C', 0.08642, 0.679),
        ('D', 0.41445, 0.066),
    ];
    for (cat, expected, alpha) in cases {
        let d = krippendorff_1995(cat, 50000.0).disagreement();
        close(d.expected, expected, 0.005);
        close(d.alpha().unwrap_or(f64::NAN), alpha, 0.02);
    }
}

#[test]
fn krippendorff_1995_varying_lengths() {
    // DKPro `Krippendorff1995Test.testVaryingLengths`, category C: (stretch, D_e ± tol, α).
    let cases = [
        (0.5, 0.05494, 0.00001, 0.494),
        (5.0, 0.08234, 0.005, 0.663),
        (50.0, 0.08600, 0.005, 0.677),
        (500.0, 0.08638, 0.005, 0.678),
        (5000.0, 0.08642, 0.005, 0.679),
    ];
    for (stretch, expected, tolerance, alpha) in cases {
        let d = krippendorff_1995('C', stretch).disagreement();
        close(d.observed, 0.02777, 0.00001);
        close(d.expected, expected, tolerance);
        close(d.alpha().unwrap_or(f64::NAN), alpha, 0.02);
    }
}

#[test]
fn overlapping_units_of_one_rater_are_merged_touching_ones_kept() {
    let s = study(20, &[&[(2, 5), (4, 6), (10, 2)], &[]]);
    assert_eq!(s.units(0), vec![Span::new(2, 10), Span::new(10, 12)]);
}
