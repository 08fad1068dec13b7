//! How overlapping annotations are laid out for display: which annotations touch each
//! paragraph, and the runs of text inside a paragraph that share the same set of highlights.

use crate::model::adjudication::{Agreement, Item};
use crate::model::suggest::Suggestion;
use crate::model::{Annotation, AnnotationId, Label, Paragraph, Span};

/// What drawing a highlight needs of an annotation: small and `Copy`, so paragraphs can hold
/// their own lists cheaply.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Layer {
    /// The annotation.
    pub id: AnnotationId,
    /// Its label.
    pub label: Label,
    /// Its span.
    pub span: Span,
}

impl From<&Annotation> for Layer {
    fn from(a: &Annotation) -> Self {
        Layer {
            id: a.id,
            label: a.label,
            span: a.span,
        }
    }
}

/// A stretch of a paragraph covered by exactly the same annotations from end to end.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Run {
    /// Where the run lies in the article text.
    pub span: Span,
    /// The annotations covering the whole run, outermost first (document order).
    pub layers: Vec<Layer>,
    /// Indexes into the `extras` given to [`runs`] (search matches, the sentence cursor) that
    /// cover the whole run.
    pub extras: Vec<usize>,
}

/// For each paragraph, the annotations that overlap it, in document order.
///
/// `annotations` must be in document order (as [`crate::model::AnnotationSet`] keeps them) and
/// `paragraphs` sorted and disjoint. An annotation spanning several paragraphs appears in each.
pub fn annotations_per_paragraph(
    paragraphs: &[Paragraph],
    annotations: &[Annotation],
) -> Vec<Vec<Layer>> {
    per_paragraph(paragraphs, annotations, |a| a.span, |a| Layer::from(a))
}

/// A waiting suggestion as the article draws it: its place in the review list, label and span.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SuggestionLayer {
    /// Index into the waiting suggestions.
    pub index: usize,
    /// The proposed label.
    pub label: Label,
    /// Where.
    pub span: Span,
}

/// For each paragraph, the waiting suggestions overlapping it.
pub fn suggestions_per_paragraph(
    paragraphs: &[Paragraph],
    suggestions: &[Suggestion],
) -> Vec<Vec<SuggestionLayer>> {
    let indexed: Vec<SuggestionLayer> = suggestions
        .iter()
        .enumerate()
        .map(|(index, s)| SuggestionLayer {
            index,
            label: s.label,
            span: s.span,
        })
        .collect();
    per_paragraph(paragraphs, &indexed, |s| s.span, |s| *s)
}

/// Another layer's annotation drawn beside the edited one (another annotator's, or one's own
/// while adjudicating): which drawn layer it belongs to (for its colour and name), its label
/// and span.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct OtherMark {
    /// The layer's place among the drawn layers.
    pub layer: usize,
    /// The label that annotator gave.
    pub label: Label,
    /// Where.
    pub span: Span,
}

/// For each paragraph, the marks of the drawn layers `layers` (each a list of annotations in
/// document order) that overlap it.
pub fn others_per_paragraph(
    paragraphs: &[Paragraph],
    layers: &[&[Annotation]],
) -> Vec<Vec<OtherMark>> {
    let mut marks: Vec<OtherMark> = layers
        .iter()
        .enumerate()
        .flat_map(|(layer, annotations)| {
            annotations.iter().map(move |a| OtherMark {
                layer,
                label: a.label,
                span: a.span,
            })
        })
        .collect();
    marks.sort_by_key(|m| (m.span.start, m.span.end, m.layer));
    per_paragraph(paragraphs, &marks, |m| m.span, |m| *m)
}

/// An adjudication candidate as the article draws it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CandidateMark {
    /// Index into the document's candidates.
    pub index: usize,
    /// The stretch of text its versions cover.
    pub span: Span,
    /// How far the annotators agree on it.
    pub agreement: Agreement,
    /// Not decided yet.
    pub open: bool,
}

/// For each paragraph, the candidates overlapping it; `open` tells which are undecided.
pub fn candidates_per_paragraph(
    paragraphs: &[Paragraph],
    items: &[Item],
    open: impl Fn(usize) -> bool,
) -> Vec<Vec<CandidateMark>> {
    let marks: Vec<CandidateMark> = items
        .iter()
        .enumerate()
        .map(|(index, item)| CandidateMark {
            index,
            span: item.extent,
            agreement: item.agreement(),
            open: open(index),
        })
        .collect();
    per_paragraph(paragraphs, &marks, |m| m.span, |m| *m)
}

/// For each paragraph, the spans (sorted by start) that overlap it.
pub fn spans_per_paragraph(paragraphs: &[Paragraph], spans: &[Span]) -> Vec<Vec<Span>> {
    per_paragraph(paragraphs, spans, |s| *s, |s| *s)
}

/// Spreads `items` (sorted by start) over the paragraphs they overlap, converted by `make`.
fn per_paragraph<T, U>(
    paragraphs: &[Paragraph],
    items: &[T],
    span_of: impl Fn(&T) -> Span,
    make: impl Fn(&T) -> U,
) -> Vec<Vec<U>> {
    let mut out: Vec<Vec<U>> = paragraphs.iter().map(|_| Vec::new()).collect();
    for item in items {
        let span = span_of(item);
        let first = paragraphs.partition_point(|p| p.span.end <= span.start);
        for (slot, paragraph) in out.iter_mut().zip(paragraphs).skip(first) {
            if paragraph.span.start >= span.end {
                break;
            }
            if paragraph.span.overlaps(span) {
                slot.push(make(item));
            }
        }
    }
    out
}

/// Cuts `paragraph` into runs at every boundary of an annotation or an extra span inside it.
///
/// Over a paragraph `(0, 10)` with one annotation `(2, 5)` the runs are `(0, 2)` with no layer,
/// `(2, 5)` with that annotation, and `(5, 10)` with none. Runs are never empty and together
/// cover the paragraph exactly.
pub fn runs(paragraph: Span, annotations: &[Layer], extras: &[Span]) -> Vec<Run> {
    let mut cuts: Vec<usize> = vec![paragraph.start, paragraph.end];
    let edges = annotations
        .iter()
        .map(|a| a.span)
        .chain(extras.iter().copied());
    for span in edges {
        for edge in [span.start, span.end] {
            if paragraph.start < edge && edge < paragraph.end {
                cuts.push(edge);
            }
        }
    }
    cuts.sort_unstable();
    cuts.dedup();
    cuts.windows(2)
        .map(|w| {
            let span = Span::new(w[0], w[1]);
            let layers = annotations
                .iter()
                .filter(|a| a.span.contains(span))
                .copied()
                .collect();
            let extras = (0..extras.len())
                .filter(|&i| extras[i].contains(span))
                .collect();
            Run {
                span,
                layers,
                extras,
            }
        })
        .filter(|run| !run.span.is_empty())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::ParagraphKind;

    fn ann(id: u32, start: usize, end: usize) -> Annotation {
        Annotation::new(AnnotationId(id), Label::Fact, Span::new(start, end))
    }

    fn layer(id: u32, start: usize, end: usize) -> Layer {
        Layer::from(&ann(id, start, end))
    }

    fn para(start: usize, end: usize) -> Paragraph {
        Paragraph {
            span: Span::new(start, end),
            kind: ParagraphKind::Body,
        }
    }

    #[test]
    fn spreads_annotations_over_the_paragraphs_they_touch() {
        let paragraphs = [para(0, 10), para(12, 20), para(22, 30)];
        let across = ann(1, 5, 15);
        let inside = ann(2, 23, 25);
        let per = annotations_per_paragraph(&paragraphs, &[across.clone(), inside.clone()]);
        let (across, inside) = (Layer::from(&across), Layer::from(&inside));
        assert_eq!(per, vec![vec![across], vec![across], vec![inside]]);
    }

    #[test]
    fn an_annotation_ending_at_a_paragraph_start_stays_out_of_it() {
        let paragraphs = [para(0, 10), para(10, 20)];
        let per = annotations_per_paragraph(&paragraphs, &[ann(1, 2, 10)]);
        assert_eq!(per[1], vec![]);
    }

    #[test]
    fn nested_and_crossing_layers() {
        let outer = layer(1, 0, 10);
        let inner = layer(2, 2, 5);
        let crossing = layer(3, 4, 12);
        let runs = runs(Span::new(0, 12), &[outer, inner, crossing], &[]);
        let shape: Vec<_> = runs
            .iter()
            .map(|r| {
                (
                    r.span.start,
                    r.span.end,
                    r.layers.iter().map(|a| a.id.0).collect::<Vec<_>>(),
                )
            })
            .collect();
        assert_eq!(
            shape,
            vec![
                (0, 2, vec![1]),
                (2, 4, vec![1, 2]),
                (4, 5, vec![1, 2, 3]),
                (5, 10, vec![1, 3]),
                (10, 12, vec![3]),
            ]
        );
    }

    #[test]
    fn a_paragraph_without_annotations_is_one_run() {
        assert_eq!(
            runs(Span::new(3, 9), &[], &[]),
            vec![Run {
                span: Span::new(3, 9),
                layers: vec![],
                extras: vec![],
            }]
        );
        assert_eq!(runs(Span::new(3, 3), &[], &[]), vec![]);
    }

    #[test]
    fn extra_spans_cut_runs_too() {
        let runs = runs(
            Span::new(0, 10),
            &[layer(1, 0, 4)],
            &[Span::new(2, 6), Span::new(0, 10)],
        );
        let shape: Vec<_> = runs
            .iter()
            .map(|r| (r.span.start, r.span.end, r.layers.len(), r.extras.clone()))
            .collect();
        assert_eq!(
            shape,
            vec![
                (0, 2, 1, vec![1]),
                (2, 4, 1, vec![0, 1]),
                (4, 6, 0, vec![0, 1]),
                (6, 10, 0, vec![1])
            ]
        );
    }
}
