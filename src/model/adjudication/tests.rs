use super::*;
use crate::model::{Metadata, ParagraphKind};

const TEXT: &str = "The mayor said the budget grew. Police denied it on Monday. Rain fell.";

fn article() -> Article {
    Article::from_paragraphs([(TEXT, ParagraphKind::Body)], Metadata::default())
}

/// The code point span of `needle` in [`TEXT`].
fn find(needle: &str) -> Span {
    let byte = TEXT.find(needle).unwrap();
    let start = TEXT[..byte].chars().count();
    Span::new(start, start + needle.chars().count())
}

fn ann(id: u32, label: Label, span: Span, who: &str) -> Annotation {
    Annotation {
        annotator: who.into(),
        ..Annotation::new(AnnotationId(id), label, span)
    }
}

/// Two facts and a quote, as one annotator marks them.
fn marks(who: &str) -> Vec<Annotation> {
    vec![
        ann(1, Label::Fact, find("the budget grew"), who),
        ann(2, Label::Allegation, find("Police denied it"), who),
        ann(3, Label::Fact, find("Rain fell"), who),
    ]
}

fn apply(gold: &mut AnnotationSet, edit: &Edit) {
    gold.apply(edit);
}

#[test]
fn identical_layers_are_unanimous_and_accepted_in_one_step() {
    let (a, b) = (marks("ana"), marks("ben"));
    let layers = [("ana", a.as_slice()), ("ben", b.as_slice())];
    let items = items(&layers);
    assert_eq!(items.len(), 3);
    assert!(items.iter().all(Item::is_unanimous));
    assert!(items.iter().all(|i| i.agreement() == Agreement::All));
    let mut gold = AnnotationSet::new();
    assert_eq!(
        progress(&items, &gold),
        Progress {
            unanimous: 3,
            unanimous_open: 3,
            disagreements: 0,
            resolved: 0
        }
    );
    let edit = accept_unanimous(&gold, &article(), &items, "judge")
        .unwrap()
        .unwrap();
    apply(&mut gold, &edit);
    assert_eq!(gold.len(), 3);
    let ids: Vec<u32> = gold.iter().map(|a| a.id.0).collect();
    assert_eq!(ids, [1, 2, 3]);
    for (item, a) in items.iter().zip(gold.iter()) {
        assert_eq!(resolution(item, &gold), Resolution::Accepted(a.id));
        assert_eq!((a.span, a.label), (item.extent, item.versions[0].label));
        assert_eq!(a.annotator, "judge");
        assert_eq!(a.origin, Origin::Manual);
        assert_eq!(
            a.adjudicated_from,
            Some(Provenance {
                annotators: vec!["ana".into(), "ben".into()],
                unanimous: true
            })
        );
    }
    let p = progress(&items, &gold);
    assert_eq!((p.unanimous, p.unanimous_open, p.disagreements), (3, 0, 0));
    assert_eq!(
        accept_unanimous(&gold, &article(), &items, "judge"),
        Ok(None)
    );
    apply(&mut gold, &edit.inverse());
    assert!(gold.is_empty());
    assert!(items
        .iter()
        .all(|i| resolution(i, &gold) == Resolution::Open));
}

#[test]
fn disjoint_layers_give_one_annotator_items() {
    let a = vec![ann(1, Label::Fact, find("the budget grew"), "ana")];
    let b = vec![ann(1, Label::Fact, find("Rain fell"), "ben")];
    let items = items(&[("ana", a.as_slice()), ("ben", b.as_slice())]);
    assert_eq!(items.len(), 2);
    assert!(items.iter().all(|i| i.agreement() == Agreement::One));
    assert_eq!(items[0].version_of("ana"), Some(0));
    assert_eq!(items[0].version_of("ben"), None);
    let p = progress(&items, &AnnotationSet::new());
    assert_eq!((p.unanimous, p.disagreements, p.resolved), (0, 2, 0));
    let none = accept_unanimous(&AnnotationSet::new(), &article(), &items, "j");
    assert_eq!(none, Ok(None));
}

#[test]
fn a_shifted_boundary_is_outvoted() {
    let long = find("Police denied it on Monday");
    let short = find("Police denied it");
    let a = vec![ann(1, Label::Allegation, long, "ana")];
    let b = vec![ann(1, Label::Allegation, short, "ben")];
    let c = vec![ann(1, Label::Allegation, short, "cy")];
    let layers = [
        ("ana", a.as_slice()),
        ("ben", b.as_slice()),
        ("cy", c.as_slice()),
    ];
    let items = items(&layers);
    assert_eq!(items.len(), 1);
    let item = &items[0];
    assert_eq!(item.extent, long);
    assert_eq!(item.versions.len(), 2);
    assert_eq!(item.agreement(), Agreement::Some);
    assert!(!item.is_unanimous());
    let best = item.best();
    assert_eq!(item.versions[best].span, short);
    assert_eq!(item.versions[best].annotators, ["ben", "cy"]);
    assert_eq!(item.version_agreement(best), Agreement::Some);
    assert_eq!(item.version_agreement(1 - best), Agreement::One);
    assert_eq!(item.version_of("ana"), Some(1 - best));
    assert_eq!(item.version_of("ben"), Some(best));
    assert_eq!(item.version_of("cy"), Some(best));
    assert_eq!(item.version_of("dora"), None);
}

#[test]
fn a_label_disagreement_is_two_overlapping_items() {
    let span = find("the budget grew");
    let a = vec![ann(1, Label::Fact, span, "ana")];
    let b = vec![ann(1, Label::Quote, span, "ben")];
    let c = vec![ann(1, Label::Quote, span, "cy")];
    let layers = [
        ("ana", a.as_slice()),
        ("ben", b.as_slice()),
        ("cy", c.as_slice()),
    ];
    let items = items(&layers);
    assert_eq!(items.len(), 2);
    let labels: Vec<Label> = items.iter().map(|i| i.label).collect();
    assert_eq!(
        labels,
        [Label::Fact, Label::Quote],
        "same span: label order"
    );
    assert!(items
        .iter()
        .all(|i| i.extent == span && i.versions.len() == 1));
    assert_eq!(items[0].agreement(), Agreement::One);
    assert_eq!(items[1].agreement(), Agreement::Some);
    assert_eq!(items[1].versions[0].annotators, ["ben", "cy"]);
    assert!(items.iter().all(|i| !i.is_unanimous()));
    assert_eq!(overlapping(&items, 0), [1]);
    assert_eq!(overlapping(&items, 1), [0]);
    assert!(overlapping(&items, 2).is_empty());

    let mut gold = AnnotationSet::new();
    let quote = accept(&gold, &article(), &items[1], 0, "judge").unwrap();
    let Edit::Add(added) = &quote else {
        panic!("expected an addition, got {quote:?}");
    };
    apply(&mut gold, &quote);
    assert_eq!(resolution(&items[1], &gold), Resolution::Accepted(added.id));
    assert_eq!(resolution(&items[0], &gold), Resolution::Open);
    let p = progress(&items, &gold);
    assert_eq!((p.disagreements, p.resolved), (2, 1));

    let fact = reject(&gold, &items[0]);
    assert!(
        matches!(&fact, Edit::Batch(e) if e.len() == 2),
        "no removal"
    );
    apply(&mut gold, &fact);
    assert_eq!(resolution(&items[0], &gold), Resolution::Rejected);
    assert_eq!(resolution(&items[1], &gold), Resolution::Accepted(added.id));
    assert_eq!(gold.len(), 1);
    assert_eq!(progress(&items, &gold).resolved, 2);

    let quote_off = reject(&gold, &items[1]);
    apply(&mut gold, &quote_off);
    assert!(gold.is_empty());
    assert_eq!(resolution(&items[1], &gold), Resolution::Rejected);
    assert_eq!(resolution(&items[0], &gold), Resolution::Rejected);
    apply(&mut gold, &quote_off.inverse());
    apply(&mut gold, &fact.inverse());
    assert_eq!(resolution(&items[0], &gold), Resolution::Open);
    assert_eq!(resolution(&items[1], &gold), Resolution::Accepted(added.id));
}

#[test]
fn nested_spans_of_two_labels_are_two_unanimous_items() {
    let outer = find("The mayor said the budget grew");
    let inner = find("the budget grew");
    let a = vec![
        ann(1, Label::Allegation, outer, "ana"),
        ann(2, Label::Quote, inner, "ana"),
    ];
    let b = vec![
        ann(4, Label::Allegation, outer, "ben"),
        ann(5, Label::Quote, inner, "ben"),
    ];
    let layers = [("ana", a.as_slice()), ("ben", b.as_slice())];
    let items = items(&layers);
    assert_eq!(items.len(), 2);
    assert_eq!(
        (items[0].extent, items[0].label),
        (outer, Label::Allegation)
    );
    assert_eq!((items[1].extent, items[1].label), (inner, Label::Quote));
    assert!(items.iter().all(Item::is_unanimous));
    assert_eq!(overlapping(&items, 0), [1]);

    let mut gold = AnnotationSet::new();
    let edit = accept_unanimous(&gold, &article(), &items, "judge")
        .unwrap()
        .unwrap();
    apply(&mut gold, &edit);
    assert_eq!(gold.len(), 2);
    for item in &items {
        let Resolution::Accepted(id) = resolution(item, &gold) else {
            panic!("{item:?} is not accepted");
        };
        let a = gold.get(id).unwrap();
        assert_eq!((a.span, a.label), (item.extent, item.label));
    }
    apply(&mut gold, &edit.inverse());

    // One at a time: the second accept adds, it does not change the first.
    let first = accept(&gold, &article(), &items[0], 0, "judge").unwrap();
    apply(&mut gold, &first);
    assert_eq!(resolution(&items[1], &gold), Resolution::Open);
    let second = accept(&gold, &article(), &items[1], 0, "judge").unwrap();
    assert!(matches!(&second, Edit::Add(a) if a.label == Label::Quote));
    apply(&mut gold, &second);
    assert_eq!(gold.len(), 2);
    let p = progress(&items, &gold);
    assert_eq!((p.unanimous, p.unanimous_open), (2, 0));
}

#[test]
fn nested_and_chained_spans_of_one_label_cluster_touching_ones_do_not() {
    let outer = find("The mayor said the budget grew");
    let inner = find("the budget grew");
    let a = vec![
        ann(1, Label::Allegation, outer, "ana"),
        ann(2, Label::Allegation, inner, "ana"),
    ];
    let b = a.clone();
    let items1 = items(&[("ana", a.as_slice()), ("ben", b.as_slice())]);
    assert_eq!(items1.len(), 1);
    assert_eq!(items1[0].extent, outer);
    assert_eq!(items1[0].versions.len(), 2);
    assert_eq!(items1[0].versions[0].span, outer, "outermost first");
    assert!(!items1[0].is_unanimous(), "nested spans are not unanimous");
    assert_eq!(items1[0].agreement(), Agreement::Some);

    let chain = vec![
        ann(1, Label::Fact, Span::new(0, 5), "ana"),
        ann(2, Label::Fact, Span::new(4, 10), "ana"),
        ann(3, Label::Quote, Span::new(6, 12), "ana"),
        ann(4, Label::Fact, Span::new(9, 15), "ana"),
        ann(5, Label::Fact, Span::new(15, 20), "ana"),
        ann(6, Label::Fact, Span::new(22, 22), "ana"),
    ];
    let items2 = items(&[("ana", chain.as_slice())]);
    let extents: Vec<(Span, Label)> = items2.iter().map(|i| (i.extent, i.label)).collect();
    assert_eq!(
        extents,
        [
            (Span::new(0, 15), Label::Fact),
            (Span::new(6, 12), Label::Quote),
            (Span::new(15, 20), Label::Fact)
        ]
    );
    assert_eq!(overlapping(&items2, 1), [0]);
    assert_eq!(overlapping(&items2, 2), Vec::<usize>::new());
}

#[test]
fn a_layer_marking_a_span_twice_is_not_unanimous() {
    let span = find("Rain fell");
    let a = vec![
        ann(1, Label::Fact, span, "ana"),
        ann(2, Label::Fact, span, "ana"),
    ];
    let b = vec![ann(1, Label::Fact, span, "ben")];
    let items = items(&[("ana", a.as_slice()), ("ben", b.as_slice())]);
    assert_eq!(items.len(), 1);
    assert_eq!(items[0].versions[0].annotators, ["ana", "ben"]);
    assert_eq!(items[0].marks, 3);
    assert!(!items[0].is_unanimous());
    assert_eq!(items[0].agreement(), Agreement::Some);
}

#[test]
fn speaker_and_cue_are_the_most_common_given() {
    let span = find("the budget grew");
    let with = |who: &str, speaker: &str, cue: &str| {
        vec![Annotation {
            speaker: speaker.into(),
            cue: cue.into(),
            ..ann(1, Label::Quote, span, who)
        }]
    };
    let (a, b, c) = (
        with("ana", "", "said"),
        with("ben", "Mayor", "told"),
        with("cy", "The mayor", "said"),
    );
    let items = items(&[
        ("ana", a.as_slice()),
        ("ben", b.as_slice()),
        ("cy", c.as_slice()),
    ]);
    let v = &items[0].versions[0];
    assert_eq!((v.speaker.as_str(), v.cue.as_str()), ("Mayor", "said"));
    let mut gold = AnnotationSet::new();
    let edit = accept(&gold, &article(), &items[0], 0, "judge").unwrap();
    apply(&mut gold, &edit);
    let made = &gold.as_slice()[0];
    assert_eq!(
        (made.speaker.as_str(), made.cue.as_str()),
        ("Mayor", "said")
    );
}

#[test]
fn accepting_another_version_changes_the_gold_annotation() {
    let long = find("Police denied it on Monday");
    let short = find("Police denied it");
    let a = vec![ann(1, Label::Allegation, long, "ben")];
    let b = vec![ann(7, Label::Allegation, short, "ana")];
    let items = items(&[("ben", a.as_slice()), ("ana", b.as_slice())]);
    let item = &items[0];
    let mut gold = AnnotationSet::new();
    gold.add(&article(), find("Rain fell"), Label::Fact)
        .unwrap();
    let first = accept(&gold, &article(), item, 0, "judge").unwrap();
    let Edit::Add(added) = &first else {
        panic!("expected an addition, got {first:?}");
    };
    assert_eq!(added.id, AnnotationId(2));
    assert_eq!(
        added.adjudicated_from,
        Some(Provenance {
            annotators: vec!["ben".into()],
            unanimous: false
        })
    );
    apply(&mut gold, &first);
    assert_eq!(resolution(item, &gold), Resolution::Accepted(added.id));
    let second = accept(&gold, &article(), item, 1, "judge").unwrap();
    let Edit::Change { before, after } = &second else {
        panic!("expected a change, got {second:?}");
    };
    assert_eq!(before, added);
    assert_eq!(
        (after.id, after.span, after.label),
        (added.id, short, Label::Allegation)
    );
    apply(&mut gold, &second);
    assert_eq!(resolution(item, &gold), Resolution::Accepted(added.id));
    assert_eq!(gold.get(added.id).unwrap().span, short);
    apply(&mut gold, &second.inverse());
    assert_eq!(gold.get(added.id).unwrap().span, long);
    assert_eq!(
        accept(&gold, &article(), item, 5, "judge"),
        Err(EditError::Empty)
    );
}

#[test]
fn rejecting_and_undoing_restores_open() {
    let a = marks("ana");
    let items = items(&[("ana", a.as_slice()), ("ben", &[])]);
    let item = &items[1];
    let mut gold = AnnotationSet::new();
    let edit = reject(&gold, item);
    apply(&mut gold, &edit);
    assert_eq!(resolution(item, &gold), Resolution::Rejected);
    assert_eq!(gold.rejected().len(), 1);
    assert_eq!(gold.rejected()[0].span, item.extent);
    assert_eq!(gold.rejected()[0].label, Label::Allegation);
    assert_eq!(reject(&gold, item), Edit::Batch(Vec::new()));
    assert_eq!(progress(&items, &gold).resolved, 1);
    apply(&mut gold, &edit.inverse());
    assert_eq!(resolution(item, &gold), Resolution::Open);
    assert!(gold.rejected().is_empty() && gold.suggestions().is_empty());
    assert_eq!(gold, AnnotationSet::new());
}

#[test]
fn rejecting_an_accepted_item_removes_it_and_accepting_a_rejected_one_unrejects() {
    let a = marks("ana");
    let items = items(&[("ana", a.as_slice()), ("ben", &[])]);
    let item = &items[0];
    let mut gold = AnnotationSet::new();
    let accepted = accept(&gold, &article(), item, 0, "judge").unwrap();
    apply(&mut gold, &accepted);
    let id = gold.as_slice()[0].id;
    let rejected = reject(&gold, item);
    assert!(matches!(&rejected, Edit::Batch(e) if matches!(e[0], Edit::Remove(_))));
    apply(&mut gold, &rejected);
    assert!(gold.is_empty());
    assert_eq!(resolution(item, &gold), Resolution::Rejected);
    apply(&mut gold, &rejected.inverse());
    assert_eq!(resolution(item, &gold), Resolution::Accepted(id));
    assert!(gold.rejected().is_empty() && gold.suggestions().is_empty());

    apply(&mut gold, &rejected);
    let again = accept(&gold, &article(), item, 0, "judge").unwrap();
    apply(&mut gold, &again);
    assert!(matches!(resolution(item, &gold), Resolution::Accepted(_)));
    assert!(gold.rejected().is_empty() && gold.suggestions().is_empty());
    apply(&mut gold, &again.inverse());
    assert_eq!(resolution(item, &gold), Resolution::Rejected);
    assert!(gold.suggestions().is_empty());
}

#[test]
fn edge_cases_empty_layer_single_layer_no_layers() {
    let a = marks("ana");
    let with_empty = items(&[("ana", a.as_slice()), ("ben", &[])]);
    assert_eq!(with_empty.len(), 3);
    assert!(with_empty.iter().all(|i| !i.is_unanimous()));
    assert!(with_empty
        .iter()
        .all(|i| i.agreement() == Agreement::One && i.layers == 2));

    let single = items(&[("ana", a.as_slice())]);
    assert!(single.iter().all(|i| i.agreement() == Agreement::All));
    let edit = accept_unanimous(&AnnotationSet::new(), &article(), &single, "j")
        .unwrap()
        .unwrap();
    assert!(matches!(&edit, Edit::Batch(e) if e.len() == 3));

    let none = items(&[]);
    assert!(none.is_empty());
    assert_eq!(progress(&none, &AnnotationSet::new()), Progress::default());
    let nothing = items(&[("ana", &[]), ("ben", &[])]);
    assert!(nothing.is_empty());
}

#[test]
fn a_span_past_the_text_is_refused() {
    let a = vec![ann(1, Label::Fact, Span::new(60, 500), "ana")];
    let items = items(&[("ana", a.as_slice())]);
    let gold = AnnotationSet::new();
    assert_eq!(
        accept(&gold, &article(), &items[0], 0, "j"),
        Err(EditError::OutOfBounds)
    );
    assert_eq!(
        accept_unanimous(&gold, &article(), &items, "j"),
        Err(EditError::OutOfBounds)
    );
}
