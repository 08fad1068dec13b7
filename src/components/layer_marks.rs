//! [`use_layer_marks`]: what the article draws besides the edited layer — the other layers'
//! lines (other annotators', and one's own while adjudicating) and the adjudication candidates
//! tinted by agreement — computed once per change of the layers, not per render.

use std::rc::Rc;

use yew::prelude::*;

use crate::model::adjudication::{resolution, Resolution};
use crate::model::layers::{
    candidates_per_paragraph, others_per_paragraph, CandidateMark, OtherMark,
};
use crate::model::library::own_layer_name;
use crate::model::Annotation;
use crate::state::document::Mode;
use crate::state::AppState;

/// The marks of the layers drawn beside the edited one.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct LayerMarks {
    /// Every layer's name by its colour index: one's own first, then the other annotators'.
    pub names: Rc<Vec<String>>,
    /// Per paragraph, the shown layers' marks.
    pub others: Rc<Vec<Vec<OtherMark>>>,
    /// Per paragraph, the adjudication candidates (none unless adjudicating).
    pub candidates: Rc<Vec<Vec<CandidateMark>>>,
}

/// The names of a document's layers by colour index: `own` first, then the others'.
pub fn layer_names(own: &str, others: &[crate::model::library::AnnotatorLayer]) -> Vec<String> {
    let mut names = vec![own_layer_name(own).to_string()];
    names.extend(others.iter().map(|l| l.annotator.clone()));
    names
}

/// The marks for `state`'s open document.
#[hook]
pub fn use_layer_marks(state: &AppState) -> LayerMarks {
    let document = &state.document;
    let adjudicating = document.mode == Mode::Adjudicate;
    let others = use_memo(
        (
            document.article.clone(),
            document.layers.clone(),
            adjudicating.then(|| document.own().clone()),
            state.view.hidden_layers.clone(),
            state.storage.annotator.clone(),
        ),
        |(article, layers, own, hidden, annotator)| {
            let names = layer_names(annotator, layers);
            let shown = |i: usize| !hidden.contains(&names[i]);
            let mut slices: Vec<&[Annotation]> = Vec::with_capacity(names.len());
            slices.push(match own {
                Some(own) if shown(0) => own.as_slice(),
                _ => &[],
            });
            for (i, layer) in layers.iter().enumerate() {
                slices.push(if shown(i + 1) {
                    layer.annotations.as_slice()
                } else {
                    &[]
                });
            }
            let marks = others_per_paragraph(article.paragraphs(), &slices);
            (Rc::new(names), Rc::new(marks))
        },
    );
    let candidates = use_memo(
        (
            document.article.clone(),
            document.items.clone(),
            document.gold().clone(),
        ),
        |(article, items, gold)| {
            Rc::new(candidates_per_paragraph(article.paragraphs(), items, |i| {
                resolution(&items[i], gold) == Resolution::Open
            }))
        },
    );
    LayerMarks {
        names: others.0.clone(),
        others: others.1.clone(),
        candidates: (*candidates).clone(),
    }
}
