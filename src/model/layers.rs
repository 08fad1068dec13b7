//! How overlapping annotations are laid out for display: which annotations touch each
//! paragraph, and the runs of text inside a paragraph that share the same set of highlights.

use crate::model::{Annotation, Paragraph, Span};

/// A stretch of a paragraph covered by exactly the same annotations from end to end.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Run {
    /// Where the run lies in the article text.
    pub span: Span,
    /// The annotations covering the whole run, outermost first (document order).
    pub layers: Vec<Annotation>,
}

/// For each paragraph, the annotations that overlap it, in document order.
///
/// `annotations` must be in document order (as [`crate::model::AnnotationSet`] keeps them) and
/// `paragraphs` sorted and disjoint. An annotation spanning several paragraphs appears in each.
pub fn annotations_per_paragraph(
    paragraphs: &[Paragraph],
    annotations: &[Annotation],
) -> Vec<Vec<Annotation>> {
    let mut per_paragraph = vec![Vec::new(); paragraphs.len()];
    for annotation in annotations {
        let first = paragraphs.partition_point(|p| p.span.end <= annotation.span.start);
        for (slot, paragraph) in per_paragraph.iter_mut().zip(paragraphs).skip(first) {
            if paragraph.span.start >= annotation.span.end {
                break;
            }
            if paragraph.span.overlaps(annotation.span) {
                slot.push(*annotation);
            }
        }
    }
    per_paragraph
}

/// Cuts `paragraph` into runs at every annotation boundary inside it.
///
/// Over a paragraph `(0, 10)` with one annotation `(2, 5)` the runs are `(0, 2)` with no layer,
/// `(2, 5)` with that annotation, and `(5, 10)` with none. Runs are never empty and together
/// cover the paragraph exactly.
pub fn runs(paragraph: Span, annotations: &[Annotation]) -> Vec<Run> {
    let mut cuts: Vec<usize> = vec![paragraph.start, paragraph.end];
    for a in annotations {
        for edge in [a.span.start, a.span.end] {
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
            Run { span, layers }
        })
        .filter(|run| !run.span.is_empty())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{AnnotationId, Label, ParagraphKind};

    fn ann(id: u32, start: usize, end: usize) -> Annotation {
        Annotation {
            id: AnnotationId(id),
            label: Label::Fact,
            span: Span::new(start, end),
        }
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
        let per = annotations_per_paragraph(&paragraphs, &[across, inside]);
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
        let outer = ann(1, 0, 10);
        let inner = ann(2, 2, 5);
        let crossing = ann(3, 4, 12);
        let runs = runs(Span::new(0, 12), &[outer, inner, crossing]);
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
            runs(Span::new(3, 9), &[]),
            vec![Run {
                span: Span::new(3, 9),
                layers: vec![]
            }]
        );
        assert_eq!(runs(Span::new(3, 3), &[]), vec![]);
    }
}
