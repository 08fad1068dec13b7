//! Adjudication through the root: entering the mode swaps in the gold layer, decisions are
//! undoable edits of it, and leaving the mode gives the own layer back untouched.

use crate::model::adjudication::Resolution;
use crate::model::library::AnnotatorLayer;
use crate::model::{Annotation, AnnotationId, Label, Span};
use crate::state::document::Mode;
use crate::state::tests::{state, tag, Act};
use crate::state::{DocumentAction, NoticeKind, ViewAction};

/// Another annotator's layer of the fixture article.
fn layer(name: &str, spans: &[(usize, usize, Label)]) -> AnnotatorLayer {
    AnnotatorLayer {
        annotator: name.to_string(),
        annotations: spans
            .iter()
            .enumerate()
            .map(|(i, &(start, end, label))| Annotation {
                annotator: name.to_string(),
                ..Annotation::new(AnnotationId(i as u32 + 1), label, Span::new(start, end))
            })
            .collect(),
        ..AnnotatorLayer::default()
    }
}

#[test]
fn adjudicating_needs_two_layers_and_edits_gold_only() {
    let own = tag(state(), 15, 23, Label::Fact);
    let refused = own.clone().act(DocumentAction::Adjudicate(true));
    assert_eq!(refused.document.mode, Mode::Annotate);
    assert_eq!(
        refused.view.notice.as_ref().map(|n| n.kind),
        Some(NoticeKind::Error)
    );

    let own_span = own.document.annotations.as_slice()[0].span;
    let with_other = own.act(DocumentAction::SetLayers(vec![layer(
        "bo",
        &[
            (own_span.start, own_span.end, Label::Fact),
            (0, 4, Label::Quote),
        ],
    )]));
    let s = with_other.clone().act(DocumentAction::Adjudicate(true));
    assert_eq!(s.document.mode, Mode::Adjudicate);
    assert!(s.document.annotations.is_empty(), "gold starts empty");
    assert_eq!(s.document.items.len(), 2);
    let progress = s.document.progress();
    assert_eq!((progress.unanimous, progress.disagreements), (1, 1));
    assert_eq!(
        s.view.item,
        Some(0),
        "the first open candidate is looked at"
    );

    // Accept all unanimous, then reject the disagreement; both are one undo step each.
    let s = s.act(DocumentAction::AcceptUnanimous);
    assert_eq!(s.document.annotations.len(), 1);
    let gold = &s.document.annotations.as_slice()[0];
    assert_eq!(gold.span, own_span);
    let provenance = gold.adjudicated_from.clone().unwrap();
    assert!(provenance.unanimous);
    assert_eq!(provenance.annotators.len(), 2);
    let open = s.document.next_open(0).unwrap();
    let s = s.act(DocumentAction::RejectItem(open));
    assert_eq!(s.document.progress().resolved, 1);
    assert_eq!(s.document.progress_text(), "1 of 1 disagreement resolved");
    let undone = s.act(DocumentAction::Undo);
    assert_eq!(undone.document.progress().resolved, 0);
    assert_eq!(
        crate::model::adjudication::resolution(
            &undone.document.items[open],
            undone.document.gold()
        ),
        Resolution::Open
    );

    // Accept the disagreement's only version instead, then leave: own layer as it was, gold kept.
    let s = undone.act(DocumentAction::AcceptItem {
        item: open,
        version: None,
    });
    assert_eq!(s.document.annotations.len(), 2);
    let back = s.act(DocumentAction::Adjudicate(false));
    assert_eq!(back.document.mode, Mode::Annotate);
    assert_eq!(back.document.annotations, with_other.document.annotations);
    assert_eq!(back.document.gold().len(), 2);
    assert_eq!(back.document.gold_layer().annotations.len(), 2);
}

#[test]
fn tab_walks_the_disagreements_and_layers_toggle() {
    let own = tag(state(), 15, 23, Label::Fact);
    let s = own
        .act(DocumentAction::SetLayers(vec![layer(
            "bo",
            &[(0, 4, Label::Quote), (30, 40, Label::Fact)],
        )]))
        .act(DocumentAction::Adjudicate(true));
    let disagreements: Vec<usize> = (0..s.document.items.len())
        .filter(|&i| !s.document.items[i].is_unanimous())
        .collect();
    assert!(disagreements.len() >= 2);
    let first = s
        .clone()
        .act(ViewAction::Item(None))
        .act(ViewAction::StepItem(1));
    assert_eq!(first.view.item, Some(disagreements[0]));
    let second = first.act(ViewAction::StepItem(1));
    assert_eq!(second.view.item, Some(disagreements[1]));
    let back = second.act(ViewAction::StepItem(-1));
    assert_eq!(back.view.item, Some(disagreements[0]));
    let hidden = back.act(ViewAction::ToggleLayer("bo".to_string()));
    assert_eq!(*hidden.view.hidden_layers, vec!["bo".to_string()]);
    let shown = hidden.act(ViewAction::ToggleLayer("bo".to_string()));
    assert!(shown.view.hidden_layers.is_empty());
}
