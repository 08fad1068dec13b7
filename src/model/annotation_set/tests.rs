//! Tests of [`AnnotationSet`](super::AnnotationSet): order, checks, edits and the review list.

use super::*;
use crate::model::{Metadata, Origin, ParagraphKind};

fn article() -> Article {
    Article::from_paragraphs(
        [("The mayor said “we won” on Monday.", ParagraphKind::Body)],
        Metadata::default(),
    )
}

fn suggestion(label: Label, start: usize, end: usize) -> Suggestion {
    Suggestion {
        label,
        span: Span::new(start, end),
        speaker: "The mayor".into(),
        cue: "said".into(),
        confidence: 90,
        reason: "test".into(),
    }
}

#[test]
fn offers_only_what_is_new_and_accepts_with_speaker_and_origin() {
    let article = article();
    let mut set = AnnotationSet::new();
    set.add(&article, Span::new(0, 9), Label::Fact).unwrap();
    let found = vec![
        suggestion(Label::Fact, 4, 14),
        suggestion(Label::Quote, 4, 14),
        suggestion(Label::Quote, 16, 22),
    ];
    let offered = set.offer(found.clone()).unwrap();
    assert_eq!(
        offered,
        Edit::Offer(found[1..].to_vec()),
        "the fact overlaps a FACT"
    );
    assert_eq!(set.offer(found.clone()), Err(EditError::NothingNew));
    let accepted = set.accept(&article, vec![found[2].clone()], "ana").unwrap();
    let quote = set
        .iter()
        .find(|a| a.label == Label::Quote)
        .unwrap()
        .clone();
    assert_eq!(
        (quote.speaker.as_str(), quote.cue.as_str(), quote.origin),
        ("The mayor", "said", Origin::Suggestion)
    );
    assert_eq!(article.slice(quote.span), Some("we won"));
    assert_eq!(set.suggestions(), &found[1..2]);
    set.apply(&accepted.inverse());
    assert_eq!(set.len(), 1);
    assert_eq!(set.suggestions(), &found[1..]);
    set.apply(&Edit::Reject(vec![found[1].clone()]));
    assert_eq!(set.rejected(), &found[1..2]);
    assert_eq!(set.offer(found[1..2].to_vec()), Err(EditError::NothingNew));
}

#[test]
fn keeps_document_order_outermost_first() {
    let article = article();
    let mut set = AnnotationSet::new();
    let quote = set.add(&article, Span::new(15, 23), Label::Quote).unwrap();
    let sentence = set.add(&article, Span::new(0, 34), Label::Fact).unwrap();
    let mayor = set
        .add(&article, Span::new(4, 9), Label::Allegation)
        .unwrap();
    let order: Vec<_> = set.iter().map(|a| a.id).collect();
    assert_eq!(order, [sentence.id, mayor.id, quote.id]);
    assert_eq!(article.slice(quote.span), Some("“we won”"));
    assert_eq!(quote.id.to_string(), "a1");
}

#[test]
fn trims_and_refuses_duplicates_and_blanks() {
    let article = article();
    let mut set = AnnotationSet::new();
    let mayor = set.add(&article, Span::new(3, 10), Label::Fact).unwrap();
    assert_eq!(mayor.span, Span::new(4, 9));
    assert_eq!(
        set.add(&article, Span::new(4, 9), Label::Fact),
        Err(EditError::Duplicate(Label::Fact))
    );
    assert!(set.add(&article, Span::new(4, 9), Label::Quote).is_ok());
    assert_eq!(
        set.add(&article, Span::new(3, 4), Label::Quote),
        Err(EditError::Empty)
    );
    assert_eq!(
        set.add(&article, Span::new(3, 400), Label::Quote),
        Err(EditError::OutOfBounds)
    );
    assert_eq!(set.len(), 2);
}

#[test]
fn changes_are_checked_like_additions() {
    let article = article();
    let mut set = AnnotationSet::new();
    let fact = set.add(&article, Span::new(4, 9), Label::Fact).unwrap();
    let quote = set.add(&article, Span::new(4, 9), Label::Quote).unwrap();
    let relabelled = Annotation {
        label: Label::Fact,
        ..quote.clone()
    };
    assert_eq!(
        set.change(&article, relabelled),
        Err(EditError::Duplicate(Label::Fact))
    );
    let moved = Annotation {
        span: Span::new(0, 9),
        speaker: "Mayor".into(),
        ..fact.clone()
    };
    let edit = set.change(&article, moved.clone()).unwrap();
    assert_eq!(
        edit,
        Edit::Change {
            before: fact,
            after: moved.clone()
        }
    );
    assert_eq!(set.as_slice()[0], moved);
    assert_eq!(set.speakers(), ["Mayor"]);
    let gone = Annotation::new(AnnotationId(99), Label::Fact, Span::new(0, 3));
    assert_eq!(
        set.change(&article, gone),
        Err(EditError::Missing(AnnotationId(99)))
    );
}

#[test]
fn shifting_moves_what_follows_and_grows_what_spans() {
    let article = article();
    let mut set = AnnotationSet::new();
    let before = set.add(&article, Span::new(0, 3), Label::Fact).unwrap();
    let across = set.add(&article, Span::new(4, 14), Label::Fact).unwrap();
    let after = set.add(&article, Span::new(15, 23), Label::Quote).unwrap();
    set.shift(10, 5);
    assert_eq!(set.get(before.id).unwrap().span, Span::new(0, 3));
    assert_eq!(set.get(across.id).unwrap().span, Span::new(4, 19));
    assert_eq!(set.get(after.id).unwrap().span, Span::new(20, 28));
}

#[test]
fn removes_by_id_and_never_reuses_ids() {
    let article = article();
    let mut set = AnnotationSet::new();
    let first = set.add(&article, Span::new(0, 3), Label::Fact).unwrap();
    assert_eq!(set.remove(first.id), Some(first.clone()));
    assert_eq!(set.remove(first.id), None);
    assert!(set.is_empty());
    let second = set.add(&article, Span::new(0, 3), Label::Fact).unwrap();
    assert_ne!(second.id, first.id);
    assert_eq!(set.get(second.id), Some(&second));
}

/// Random editing sessions, undone and redone (native only: proptest does not run in wasm).
#[cfg(not(target_arch = "wasm32"))]
mod undo_redo {
    use super::*;
    use crate::model::History;

    /// One step of a random editing session.
    #[derive(Debug, Clone)]
    enum Step {
        Add(usize, usize, u8),
        Remove(usize),
        Relabel(usize, u8),
        Note(usize, String),
    }

    fn label(n: u8) -> Label {
        Label::ALL[n as usize % 3]
    }

    /// Runs `step`, recording what it did in `history`.
    fn run(step: &Step, article: &Article, set: &mut AnnotationSet, history: &mut History) {
        let pick =
            |set: &AnnotationSet, i: usize| set.as_slice().get(i % set.len().max(1)).cloned();
        match step {
            Step::Add(a, b, l) => {
                if let Ok(added) = set.add(article, Span::new(*a % 35, *b % 35), label(*l)) {
                    history.record(Edit::Add(added), false);
                }
            }
            Step::Remove(i) => {
                if let Some(gone) = pick(set, *i).and_then(|a| set.remove(a.id)) {
                    history.record(Edit::Remove(gone), false);
                }
            }
            Step::Relabel(i, l) => {
                if let Some(a) = pick(set, *i) {
                    if let Ok(edit) = set.change(
                        article,
                        Annotation {
                            label: label(*l),
                            ..a
                        },
                    ) {
                        history.record(edit, false);
                    }
                }
            }
            Step::Note(i, note) => {
                if let Some(a) = pick(set, *i) {
                    if let Ok(edit) = set.change(
                        article,
                        Annotation {
                            note: note.clone(),
                            ..a
                        },
                    ) {
                        history.record(edit, true);
                    }
                }
            }
        }
    }

    fn step() -> impl proptest::strategy::Strategy<Value = Step> {
        use proptest::prelude::*;
        prop_oneof![
            (0usize..40, 0usize..40, 0u8..3).prop_map(|(a, b, l)| Step::Add(a, b, l)),
            (0usize..10).prop_map(Step::Remove),
            (0usize..10, 0u8..3).prop_map(|(i, l)| Step::Relabel(i, l)),
            (0usize..10, "[a-z]{0,3}").prop_map(|(i, n)| Step::Note(i, n)),
        ]
    }

    proptest::proptest! {
        #[test]
        fn undoing_everything_restores_the_start_and_redo_replays_it(steps in proptest::collection::vec(step(), 0..40)) {
            let article = article();
            let mut set = AnnotationSet::new();
            set.add(&article, Span::new(0, 3), Label::Fact).unwrap();
            let initial = set.clone();
            let mut history = History::default();
            for s in &steps {
                run(s, &article, &mut set, &mut history);
            }
            let end = set.clone();
            while let Some(edit) = history.undo() {
                set.apply(&edit.inverse());
            }
            proptest::prop_assert_eq!(set.as_slice(), initial.as_slice());
            while let Some(edit) = history.redo() {
                set.apply(&edit);
            }
            proptest::prop_assert_eq!(set.as_slice(), end.as_slice());
        }
    }
}
