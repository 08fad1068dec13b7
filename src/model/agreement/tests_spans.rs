//! Matching, span precision / recall / F1, speakers and confusion. Expected values are worked
//! out by hand from the definitions in the module docs (no published fixture exists for these
//! counts); the optimal matching is also checked against brute force.

use super::confusion::{Confusion, NONE};
use super::input::{DocLayers, Layer, Unit};
use super::matching::{iou, match_exact, match_overlap, IOU_THRESHOLD};
use super::spans::SpanAgreement;
use super::speakers::{normalize, SpeakerAgreement};
use crate::model::{Label, Span};

fn sp(a: usize, b: usize) -> Span {
    Span::new(a, b)
}

#[test]
fn optimal_matching_beats_greedy() {
    // Greedy by IoU takes x–p (9/11) first and leaves y and q unmatched; the optimum pairs
    // x–q (0.7) and y–p (8/13).
    let a = [sp(0, 10), sp(3, 13)];
    let b = [sp(1, 11), sp(0, 7)];
    assert_eq!(match_overlap(&a, &b, IOU_THRESHOLD), vec![(0, 1), (1, 0)]);
}

#[test]
fn ties_in_cardinality_go_to_the_larger_total_iou() {
    // x–p 1.0 + y–q 0.9 = 1.9 beats x–q 0.8 + y–p 0.667.
    let a = [sp(0, 10), sp(2, 12)];
    let b = [sp(2, 11), sp(0, 10)];
    assert_eq!(match_overlap(&a, &b, IOU_THRESHOLD), vec![(0, 1), (1, 0)]);
}

#[test]
fn iou_and_exact_matching() {
    assert_eq!(iou(sp(0, 10), sp(5, 15)), 5.0 / 15.0);
    assert_eq!(iou(sp(0, 5), sp(5, 9)), 0.0);
    let a = [sp(0, 5), sp(0, 5), sp(7, 9)];
    let b = [sp(7, 9), sp(0, 5)];
    assert_eq!(match_exact(&a, &b), vec![(0, 1), (2, 0)]);
}

/// All one-to-one matchings' best (cardinality, total IoU), by brute force.
fn brute(a: &[Span], b: &[Span], i: usize, used: &mut Vec<bool>) -> (usize, f64) {
    if i == a.len() {
        return (0, 0.0);
    }
    let mut best = brute(a, b, i + 1, used);
    for j in 0..b.len() {
        let w = iou(a[i], b[j]);
        if !used[j] && w >= IOU_THRESHOLD {
            used[j] = true;
            let (c, t) = brute(a, b, i + 1, used);
            used[j] = false;
            let cand = (c + 1, t + w);
            if cand.0 > best.0 || (cand.0 == best.0 && cand.1 > best.1 + 1e-12) {
                best = cand;
            }
        }
    }
    best
}

#[test]
fn matching_is_optimal_against_brute_force() {
    let mut seed: u64 = 0x2545_f491_4f6c_dd1d;
    let mut next = |m: u64| {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        (seed % m) as usize
    };
    for _ in 0..300 {
        let (na, nb) = (1 + next(6), 1 + next(6));
        let mut gen = |n: usize| -> Vec<Span> {
            (0..n)
                .map(|_| {
                    let s = next(30);
                    sp(s, s + 1 + next(12))
                })
                .collect()
        };
        let (a, b) = (gen(na), gen(nb));
        let m = match_overlap(&a, &b, IOU_THRESHOLD);
        let total: f64 = m.iter().map(|&(i, j)| iou(a[i], b[j])).sum();
        let (bc, bt) = brute(&a, &b, 0, &mut vec![false; b.len()]);
        assert_eq!(m.len(), bc, "{a:?} {b:?}");
        assert!((total - bt).abs() < 1e-9, "{a:?} {b:?}");
        let mut ia: Vec<usize> = m.iter().map(|p| p.0).collect();
        let mut ib: Vec<usize> = m.iter().map(|p| p.1).collect();
        ia.dedup();
        ib.sort_unstable();
        ib.dedup();
        assert_eq!((ia.len(), ib.len()), (m.len(), m.len()));
        assert!(m.iter().all(|&(i, j)| iou(a[i], b[j]) >= IOU_THRESHOLD));
    }
}

pub(super) fn fixture() -> (DocLayers, Layer, Layer) {
    let a = Layer::new(
        "A",
        vec![
            Unit::new(0, 10, Label::Fact),
            Unit::new(20, 30, Label::Fact),
            Unit::new(40, 50, Label::Quote).with_speaker(" Jane  DOE"),
            Unit::new(60, 70, Label::Quote).with_speaker("Mayor"),
            Unit::new(80, 90, Label::Allegation),
        ],
    );
    let b = Layer::new(
        "B",
        vec![
            Unit::new(0, 10, Label::Fact),
            Unit::new(21, 30, Label::Fact),
            Unit::new(40, 50, Label::Quote).with_speaker("jane doe"),
            Unit::new(60, 69, Label::Quote),
            Unit::new(80, 88, Label::Allegation),
            Unit::new(100, 110, Label::Fact),
            Unit::new(120, 130, Label::Allegation),
        ],
    );
    (DocLayers::new(200, vec![a.clone(), b.clone()]), a, b)
}

#[test]
fn precision_recall_f1() {
    let (doc, a, b) = fixture();
    let mut s = SpanAgreement::default();
    s.add_document(&doc, &a, &b);
    // Exact: FACT (0,10) and QUOTE (40,50) only. A has 5 spans, B 7.
    let exact = s.exact.overall;
    assert_eq!((exact.matched, exact.a_spans, exact.b_spans), (2, 5, 7));
    assert_eq!(exact.precision(), Some(2.0 / 5.0));
    assert_eq!(exact.recall(), Some(2.0 / 7.0));
    assert_eq!(exact.f1(), Some(4.0 / 12.0));
    // Overlap: every A span matches (IoU 1, 0.9, 1, 0.9, 0.8).
    let overlap = s.overlap.overall;
    assert_eq!(
        (overlap.matched, overlap.a_spans, overlap.b_spans),
        (5, 5, 7)
    );
    let fact = s.overlap.label(Label::Fact);
    assert_eq!((fact.matched, fact.a_spans, fact.b_spans), (2, 2, 3));
    // B against A swaps precision and recall.
    let r = s.reversed().overlap.overall;
    assert_eq!(r.precision(), overlap.recall());
    assert_eq!(r.f1(), overlap.f1());
}

#[test]
fn speakers_of_matched_spans() {
    let (doc, a, b) = fixture();
    let mut s = SpeakerAgreement::default();
    s.add_document(&doc, &a, &b);
    // QUOTE: "Jane Doe" = "jane doe"; "Mayor" vs "" differs. ALLEGATION: both empty.
    assert_eq!(
        (s.quote.same, s.quote.different, s.quote.both_empty),
        (1, 1, 0)
    );
    assert_eq!(s.allegation.both_empty, 1);
    assert_eq!(s.total().n(), 2);
    assert_eq!(s.total().share(), Some(0.5));
    assert_eq!(s.allegation.share(), None);
    assert_eq!(normalize("  Jane \t DOE "), "jane doe");
}

#[test]
fn confusion_matches_across_labels() {
    let (doc, mut a, b) = fixture();
    a.units[2].label = Label::Allegation; // (40,50): A says ALLEGATION, B says QUOTE
    let mut c = Confusion::default();
    c.add_document(&doc, &a, &b);
    assert_eq!(c.get(Some(Label::Fact), Some(Label::Fact)), 2);
    assert_eq!(c.get(Some(Label::Allegation), Some(Label::Quote)), 1);
    assert_eq!(c.get(Some(Label::Quote), Some(Label::Quote)), 1);
    assert_eq!(c.get(None, Some(Label::Fact)), 1);
    assert_eq!(c.get(None, Some(Label::Allegation)), 1);
    assert_eq!(c.counts[NONE][NONE], 0);
    assert_eq!((c.matched(), c.same_label()), (5, 4));
    assert_eq!(
        c.transposed()
            .get(Some(Label::Quote), Some(Label::Allegation)),
        1
    );
}
