//! The agreement report as rows and exports: [`figures`] flattens an [`AgreementReport`] into
//! one [`Figure`] per measure, label and pair; [`report_json`] and [`report_csv`] write them
//! out; [`document_scores`] ranks documents by agreement (lowest first) for the chart that
//! points to the worst ones; [`pairwise`] gives the annotator × annotator heat map.
//!
//! The measures and their meanings are listed once, in [`MEASURES`], for the README and the UI
//! to reuse. Undefined figures are `None` (JSON `null`, an empty CSV cell), never NaN.
//! Pure model code: nothing here touches the browser.

use serde::Serialize;

use crate::model::agreement::confusion::Confusion;
use crate::model::agreement::input::{DocLayers, Layer};
use crate::model::agreement::matching::{match_overlap, IOU_THRESHOLD};
use crate::model::agreement::report::{AgreementReport, Coefficient, PairReport};
use crate::model::agreement::spans::SpanCounts;
use crate::model::agreement::speakers::SpeakerCounts;
use crate::model::agreement::ByLabel;
use crate::model::{Label, Span};

const SPAN_PRECISION_EXACT: &str = "span_precision_exact";
const SPAN_RECALL_EXACT: &str = "span_recall_exact";
const SPAN_F1_EXACT: &str = "span_f1_exact";
const SPAN_PRECISION_OVERLAP: &str = "span_precision_overlap";
const SPAN_RECALL_OVERLAP: &str = "span_recall_overlap";
const SPAN_F1_OVERLAP: &str = "span_f1_overlap";
const COHEN_KAPPA: &str = "cohen_kappa";
const FLEISS_KAPPA: &str = "fleiss_kappa";
const KRIPPENDORFF_ALPHA: &str = "krippendorff_alpha";
const ALPHA_U: &str = "alpha_u";
const SPEAKER_AGREEMENT: &str = "speaker_agreement";
const LABEL_CONFUSION: &str = "label_confusion";

/// Every measure of the exported report, as `(name, one-line meaning)`, in the order
/// [`figures`] lists them:
///
/// * `span_precision_exact`: A's spans that B marked identically (same start, end, label)
///   / A's spans; `n` = A's spans.
/// * `span_recall_exact`: the same matches / B's spans; `n` = B's spans.
/// * `span_f1_exact`: 2 · matches / (A's + B's spans); `n` = A's + B's spans.
/// * `span_precision_overlap`, `span_recall_overlap`, `span_f1_overlap`: the same with the
///   optimal one-to-one matching of same-label spans with IoU ≥ 0.5 (Hungarian algorithm:
///   most pairs, then largest total IoU; see [`crate::model::agreement::matching`]).
/// * `cohen_kappa`: Cohen's κ of a pair on the per-code-point coding (covered or not by the
///   label); `n` = code points (summed over labels for the overall figure).
/// * `fleiss_kappa`: Fleiss' κ of all annotators on the documents every one annotated;
///   `n` = code points.
/// * `krippendorff_alpha`: Krippendorff's α (nominal) of all annotators on all documents,
///   missing layers allowed; `n` = pairable values.
/// * `alpha_u`: Krippendorff's α_u (unitizing) on the documents every annotator annotated;
///   `n` = code points of that continuum (× 3 for the overall figure).
/// * `speaker_agreement`: share of overlap-matched QUOTE / ALLEGATION pairs naming the same
///   speaker (normalized; pairs where neither named one left out); `n` = pairs compared.
/// * `label_confusion`: spans matched regardless of label (optimal, IoU ≥ 0.5), counted by
///   A's label (`label`) against B's (`other`), "none" for a span left unmatched; `value` =
///   the count, `n` = all counts of the pair's table.
pub const MEASURES: [(&str, &str); 12] = [
    (
        SPAN_PRECISION_EXACT,
        "A's spans that B marked with the same start, end and label, as a share of A's spans",
    ),
    (
        SPAN_RECALL_EXACT,
        "B's spans that A marked with the same start, end and label, as a share of B's spans",
    ),
    (
        SPAN_F1_EXACT,
        "F1 of exact span matches: 2 × matches / (A's spans + B's spans)",
    ),
    (
        SPAN_PRECISION_OVERLAP,
        "A's spans matched to a B span of the same label (optimal one-to-one, IoU ≥ 0.5), as a share of A's spans",
    ),
    (
        SPAN_RECALL_OVERLAP,
        "B's spans matched to an A span of the same label (optimal one-to-one, IoU ≥ 0.5), as a share of B's spans",
    ),
    (
        SPAN_F1_OVERLAP,
        "F1 of overlap matches (optimal one-to-one, same label, IoU ≥ 0.5)",
    ),
    (
        COHEN_KAPPA,
        "Cohen's κ of the pair, every code point coded as covered or not by the label",
    ),
    (
        FLEISS_KAPPA,
        "Fleiss' κ of all annotators on the documents every annotator annotated, per code point",
    ),
    (
        KRIPPENDORFF_ALPHA,
        "Krippendorff's α (nominal) of all annotators per code point, missing layers allowed",
    ),
    (
        ALPHA_U,
        "Krippendorff's α_u (unitizing) on the documents every annotator annotated",
    ),
    (
        SPEAKER_AGREEMENT,
        "Share of matched QUOTE / ALLEGATION span pairs naming the same speaker",
    ),
    (
        LABEL_CONFUSION,
        "Spans matched regardless of label (IoU ≥ 0.5): count with A's label against B's, none = unmatched",
    ),
];

/// One row of the exported report.
#[derive(Debug, Clone, PartialEq)]
pub struct Figure {
    /// The measure: one of the names in [`MEASURES`].
    pub measure: &'static str,
    /// The label; `None` for the figure over all labels. For `label_confusion` it is A's
    /// label, and `None` means "none" (B's span that no span of A matched).
    pub label: Option<Label>,
    /// Annotator A of the pair (the smaller name, as in [`PairReport`]); `None` for figures
    /// over all annotators.
    pub a: Option<String>,
    /// Annotator B of the pair; `None` for figures over all annotators.
    pub b: Option<String>,
    /// The value; `None` when undefined (never NaN). A count for `label_confusion`.
    pub value: Option<f64>,
    /// What the figure rests on (see [`MEASURES`]).
    pub n: u64,
    /// Span measures: matched pairs.
    pub matched: Option<u64>,
    /// Span measures: A's spans.
    pub a_spans: Option<u64>,
    /// Span measures: B's spans.
    pub b_spans: Option<u64>,
    /// `label_confusion` only: B's label id (`FACT`, …) or `none`.
    pub other: Option<String>,
}

impl Figure {
    fn new(measure: &'static str, label: Option<Label>, value: Option<f64>, n: u64) -> Self {
        Figure {
            measure,
            label,
            a: None,
            b: None,
            value: value.filter(|v| v.is_finite()),
            n,
            matched: None,
            a_spans: None,
            b_spans: None,
            other: None,
        }
    }

    fn pair(mut self, pair: &PairReport) -> Self {
        self.a = Some(pair.a.clone());
        self.b = Some(pair.b.clone());
        self
    }

    /// The label as exported: its id (`FACT`, `ALLEGATION`, `QUOTE`), `overall` for the
    /// figure over all labels, `none` for A's "none" row of `label_confusion`.
    pub fn label_text(&self) -> &'static str {
        match self.label {
            Some(l) => l.id(),
            None if self.measure == LABEL_CONFUSION => "none",
            None => "overall",
        }
    }
}

/// `overall` first, then each label in [`Label::ALL`] order.
fn by_label<T>(by: &ByLabel<T>) -> impl Iterator<Item = (Option<Label>, &T)> {
    std::iter::once((None, &by.overall))
        .chain(Label::ALL.into_iter().map(|l| (Some(l), by.label(l))))
}

fn coefficient_rows(out: &mut Vec<Figure>, measure: &'static str, by: &ByLabel<Coefficient>) {
    for (label, c) in by_label(by) {
        out.push(Figure::new(measure, label, c.value, c.n));
    }
}

fn span_rows(
    out: &mut Vec<Figure>,
    pairs: &[PairReport],
    measure: &'static str,
    counts: impl Fn(&PairReport) -> &ByLabel<SpanCounts>,
    value: impl Fn(&SpanCounts) -> (Option<f64>, u64),
) {
    for pair in pairs {
        for (label, c) in by_label(counts(pair)) {
            let (v, n) = value(c);
            let mut f = Figure::new(measure, label, v, n).pair(pair);
            f.matched = Some(c.matched);
            f.a_spans = Some(c.a_spans);
            f.b_spans = Some(c.b_spans);
            out.push(f);
        }
    }
}

fn confusion_total(c: &Confusion) -> u64 {
    c.counts.iter().flatten().sum()
}

/// Every figure of `report`, in [`MEASURES`] order; within a measure, pairs in
/// `report.pairs` order (measures over all annotators have one group); within a pair,
/// `overall` first, then [`Label::ALL`] order. `speaker_agreement` has overall, ALLEGATION
/// and QUOTE. `label_confusion` has, per pair, A's label FACT, ALLEGATION, QUOTE, none (rows)
/// against B's in the same order (`other`), without the empty none/none cell: 15 rows.
pub fn figures(report: &AgreementReport) -> Vec<Figure> {
    let mut out = Vec::new();
    let pairs = &report.pairs;
    fn exact(p: &PairReport) -> &ByLabel<SpanCounts> {
        &p.spans.exact
    }
    fn overlap(p: &PairReport) -> &ByLabel<SpanCounts> {
        &p.spans.overlap
    }
    let precision = |c: &SpanCounts| (c.precision(), c.a_spans);
    let recall = |c: &SpanCounts| (c.recall(), c.b_spans);
    let f1 = |c: &SpanCounts| (c.f1(), c.a_spans + c.b_spans);
    span_rows(&mut out, pairs, SPAN_PRECISION_EXACT, exact, precision);
    span_rows(&mut out, pairs, SPAN_RECALL_EXACT, exact, recall);
    span_rows(&mut out, pairs, SPAN_F1_EXACT, exact, f1);
    span_rows(&mut out, pairs, SPAN_PRECISION_OVERLAP, overlap, precision);
    span_rows(&mut out, pairs, SPAN_RECALL_OVERLAP, overlap, recall);
    span_rows(&mut out, pairs, SPAN_F1_OVERLAP, overlap, f1);
    for pair in pairs {
        for (label, c) in by_label(&pair.cohen_kappa) {
            out.push(Figure::new(COHEN_KAPPA, label, c.value, c.n).pair(pair));
        }
    }
    coefficient_rows(&mut out, FLEISS_KAPPA, &report.fleiss_kappa);
    coefficient_rows(&mut out, KRIPPENDORFF_ALPHA, &report.krippendorff_alpha);
    coefficient_rows(&mut out, ALPHA_U, &report.alpha_u);
    for pair in pairs {
        let s = &pair.speakers;
        let rows: [(Option<Label>, SpeakerCounts); 3] = [
            (None, s.total()),
            (Some(Label::Allegation), s.allegation),
            (Some(Label::Quote), s.quote),
        ];
        for (label, c) in rows {
            out.push(Figure::new(SPEAKER_AGREEMENT, label, c.share(), c.n()).pair(pair));
        }
    }
    let sides: [Option<Label>; 4] = [
        Some(Label::ALL[0]),
        Some(Label::ALL[1]),
        Some(Label::ALL[2]),
        None,
    ];
    for pair in pairs {
        let total = confusion_total(&pair.confusion);
        for a in sides {
            for b in sides {
                if a.is_none() && b.is_none() {
                    continue;
                }
                let count = pair.confusion.get(a, b);
                let mut f = Figure::new(LABEL_CONFUSION, a, Some(count as f64), total).pair(pair);
                f.other = Some(b.map_or("none", Label::id).to_string());
                out.push(f);
            }
        }
    }
    out
}

/// What the exported report covers.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize)]
pub struct Scope {
    /// `"document"`, `"selection"` or `"library"`.
    pub kind: String,
    /// A human description, e.g. the document's title or "12 selected documents".
    pub description: String,
}

/// The agreement of one document, for the chart of the least agreed documents.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DocScore {
    /// The document's id.
    pub id: String,
    /// The document's title.
    pub title: String,
    /// [`document_score`]; `None` with fewer than two annotators.
    pub score: Option<f64>,
    /// Annotators with a layer for the document.
    pub annotators: usize,
}

/// The distinct layers of `doc` (the first of a repeated name, as [`DocLayers::layer`]).
fn distinct_layers(doc: &DocLayers) -> Vec<&Layer> {
    let mut seen: Vec<&str> = Vec::new();
    let mut out = Vec::new();
    for layer in &doc.layers {
        if !seen.contains(&layer.annotator.as_str()) {
            seen.push(&layer.annotator);
            out.push(layer);
        }
    }
    out
}

/// The agreement of one document: the mean, over the pairs of annotators with a layer for it,
/// of the pair's overall overlap span F1 (`span_f1_overlap`, all labels together). A pair whose
/// two layers are both present and empty agrees fully and counts 1.0 (their F1 would be
/// undefined: they agree that nothing is to be marked). `None` with fewer than two layers.
///
/// Cheaper than [`crate::model::agreement::report()`] on one document: each layer's spans are
/// sorted once per label and only the overlap matching is run.
pub fn document_score(doc: &DocLayers) -> Option<f64> {
    let layers = distinct_layers(doc);
    if layers.len() < 2 {
        return None;
    }
    let spans: Vec<[Vec<Span>; 3]> = layers
        .iter()
        .map(|l| Label::ALL.map(|label| doc.label_spans(l, label)))
        .collect();
    let mut sum = 0.0;
    let mut pairs = 0usize;
    for (i, first) in spans.iter().enumerate() {
        for second in &spans[i + 1..] {
            let mut c = SpanCounts::default();
            for (sa, sb) in first.iter().zip(second) {
                c.add(SpanCounts {
                    matched: match_overlap(sa, sb, IOU_THRESHOLD).len() as u64,
                    a_spans: sa.len() as u64,
                    b_spans: sb.len() as u64,
                });
            }
            sum += c.f1().unwrap_or(1.0);
            pairs += 1;
        }
    }
    Some(sum / pairs as f64)
}

/// The [`DocScore`] of each `(id, title, layers)`, lowest agreement first; documents without
/// a score (fewer than two annotators) last; ties by title, then id.
pub fn document_scores(docs: &[(String, String, DocLayers)]) -> Vec<DocScore> {
    let mut out: Vec<DocScore> = docs
        .iter()
        .map(|(id, title, doc)| DocScore {
            id: id.clone(),
            title: title.clone(),
            score: document_score(doc),
            annotators: distinct_layers(doc).len(),
        })
        .collect();
    out.sort_by(|x, y| {
        let by_score = match (x.score, y.score) {
            (Some(a), Some(b)) => a.total_cmp(&b),
            (Some(_), None) => std::cmp::Ordering::Less,
            (None, Some(_)) => std::cmp::Ordering::Greater,
            (None, None) => std::cmp::Ordering::Equal,
        };
        by_score
            .then_with(|| x.title.cmp(&y.title))
            .then_with(|| x.id.cmp(&y.id))
    });
    out
}

/// A pair measure shown in the annotator × annotator heat map.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum PairMeasure {
    /// `span_f1_overlap`, all labels.
    F1Overlap,
    /// `span_f1_exact`, all labels.
    F1Exact,
    /// `cohen_kappa`, pooled over labels.
    CohenKappa,
}

impl PairMeasure {
    /// Every pair measure, in the order the UI offers them.
    pub const ALL: [PairMeasure; 3] = [
        PairMeasure::F1Overlap,
        PairMeasure::F1Exact,
        PairMeasure::CohenKappa,
    ];

    /// The text shown in the UI.
    pub fn name(self) -> &'static str {
        match self {
            PairMeasure::F1Overlap => "Span F1 (overlap, IoU ≥ 0.5)",
            PairMeasure::F1Exact => "Span F1 (exact)",
            PairMeasure::CohenKappa => "Cohen's κ",
        }
    }

    /// The measure's name in [`MEASURES`] and the exports.
    pub fn measure(self) -> &'static str {
        match self {
            PairMeasure::F1Overlap => SPAN_F1_OVERLAP,
            PairMeasure::F1Exact => SPAN_F1_EXACT,
            PairMeasure::CohenKappa => COHEN_KAPPA,
        }
    }

    fn value(self, pair: &PairReport) -> Option<f64> {
        match self {
            PairMeasure::F1Overlap => pair.spans.overlap.overall.f1(),
            PairMeasure::F1Exact => pair.spans.exact.overall.f1(),
            PairMeasure::CohenKappa => pair.cohen_kappa.overall.value,
        }
        .filter(|v| v.is_finite())
    }
}

/// The heat map of `measure` (all labels together): `m[i][j]` for annotators `i`, `j` in
/// `report.annotators` order, symmetric, `Some(1.0)` on the diagonal, `None` where the pair's
/// figure is undefined (e.g. no document in common).
pub fn pairwise(report: &AgreementReport, measure: PairMeasure) -> Vec<Vec<Option<f64>>> {
    let names = &report.annotators;
    let mut m = vec![vec![None; names.len()]; names.len()];
    for (i, row) in m.iter_mut().enumerate() {
        for (j, cell) in row.iter_mut().enumerate() {
            *cell = if i == j {
                Some(1.0)
            } else {
                report
                    .pair(&names[i], &names[j])
                    .and_then(|p| measure.value(p))
            };
        }
    }
    m
}

/// One figure as written to JSON: `label` is the id, `null` for overall ("none" for A's none
/// row of `label_confusion`).
#[derive(Serialize)]
struct FigureRow<'a> {
    measure: &'static str,
    label: Option<&'static str>,
    a: Option<&'a str>,
    b: Option<&'a str>,
    value: Option<f64>,
    n: u64,
    matched: Option<u64>,
    a_spans: Option<u64>,
    b_spans: Option<u64>,
    other: Option<&'a str>,
}

impl<'a> From<&'a Figure> for FigureRow<'a> {
    fn from(f: &'a Figure) -> Self {
        FigureRow {
            measure: f.measure,
            label: match f.label_text() {
                "overall" => None,
                text => Some(text),
            },
            a: f.a.as_deref(),
            b: f.b.as_deref(),
            value: f.value.filter(|v| v.is_finite()),
            n: f.n,
            matched: f.matched,
            a_spans: f.a_spans,
            b_spans: f.b_spans,
            other: f.other.as_deref(),
        }
    }
}

#[derive(Serialize)]
struct DocRow<'a> {
    id: &'a str,
    title: &'a str,
    score: Option<f64>,
    annotators: usize,
}

#[derive(Serialize)]
struct ReportJson<'a> {
    format: &'static str,
    version: u32,
    scope: &'a Scope,
    annotators: &'a [String],
    documents: usize,
    complete_documents: usize,
    figures: Vec<FigureRow<'a>>,
    per_document: Vec<DocRow<'a>>,
}

/// The report as pretty-printed JSON:
///
/// ```text
/// { "format": "claimtag-agreement", "version": 1, "scope": { "kind", "description" },
///   "annotators": [names], "documents": n, "complete_documents": n,
///   "figures": [ { "measure", "label", "a", "b", "value", "n",
///                  "matched", "a_spans", "b_spans", "other" } ],
///   "per_document": [ { "id", "title", "score", "annotators" } ] }
/// ```
///
/// `figures` as [`figures`] lists them; every key is always present, `null` when it does not
/// apply; `label` is `FACT` / `ALLEGATION` / `QUOTE`, `null` for overall (and `none` for A's
/// none row of `label_confusion`); values are full-precision numbers, `null` when undefined.
/// `per_document` in the order given (use [`document_scores`]).
pub fn report_json(report: &AgreementReport, scope: &Scope, documents: &[DocScore]) -> String {
    let figures = figures(report);
    let json = ReportJson {
        format: "claimtag-agreement",
        version: 1,
        scope,
        annotators: &report.annotators,
        documents: report.documents,
        complete_documents: report.complete_documents,
        figures: figures.iter().map(FigureRow::from).collect(),
        per_document: documents
            .iter()
            .map(|d| DocRow {
                id: &d.id,
                title: &d.title,
                score: d.score.filter(|v| v.is_finite()),
                annotators: d.annotators,
            })
            .collect(),
    };
    // Serializing plain structs of strings, integers and finite numbers into a String cannot
    // fail; the fallback only keeps this total.
    serde_json::to_string_pretty(&json).unwrap_or_else(|_| "{}".to_string())
}

/// The CSV header of [`report_csv`].
pub const CSV_HEADER: &str =
    "measure,label,annotator_a,annotator_b,value,n,matched,a_spans,b_spans,other";

/// A CSV field, quoted (RFC 4180) when it holds a comma, a double quote or a line break.
fn csv_field(s: &str) -> String {
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_string()
    }
}

/// `v` with at most 6 decimals, trailing zeros dropped (`0.5`, `1`, `-0.333333`).
fn csv_number(v: f64) -> String {
    let s = format!("{v:.6}");
    let s = if s.contains('.') {
        s.trim_end_matches('0').trim_end_matches('.')
    } else {
        s.as_str()
    };
    if s == "-0" {
        "0".to_string()
    } else {
        s.to_string()
    }
}

/// The figures of `report` as CSV: [`CSV_HEADER`], then one row per [`Figure`] in
/// [`figures`] order. `label` is the label id, `overall` for all labels (`none` for A's none
/// row of `label_confusion`); `value` has at most 6 decimals and is empty when undefined;
/// columns that do not apply are empty; fields are quoted as RFC 4180 says. Lines end with
/// `"\n"` (not RFC 4180's CRLF; every CSV reader accepts it), the last one included.
pub fn report_csv(report: &AgreementReport) -> String {
    let mut out = String::from(CSV_HEADER);
    out.push('\n');
    let count = |c: Option<u64>| c.map(|c| c.to_string()).unwrap_or_default();
    for f in figures(report) {
        let cells = [
            csv_field(f.measure),
            csv_field(f.label_text()),
            csv_field(f.a.as_deref().unwrap_or("")),
            csv_field(f.b.as_deref().unwrap_or("")),
            f.value
                .filter(|v| v.is_finite())
                .map(csv_number)
                .unwrap_or_default(),
            f.n.to_string(),
            count(f.matched),
            count(f.a_spans),
            count(f.b_spans),
            csv_field(f.other.as_deref().unwrap_or("")),
        ];
        out.push_str(&cells.join(","));
        out.push('\n');
    }
    out
}
