//! View tests: moving around, searching, closing things and stepping through suggestions.

use crate::model::Label;
use crate::state::tests::{labels, reviewing, state, tag, Act};
use crate::state::{Dialog, DocumentAction, NoticeKind, ViewAction};

#[test]
fn search_finds_and_cycles() {
    let s = state().act(ViewAction::Search("SAID".into()));
    assert_eq!(s.view.matches.len(), 2);
    assert_eq!(s.view.current_match, Some(0));
    let s = s.act(ViewAction::StepMatch(-1));
    assert_eq!(s.view.current_match, Some(1));
    let s = s.act(ViewAction::Search(String::new()));
    assert_eq!(s.view.current_match, None);
}

#[test]
fn escape_closes_the_innermost_thing_first() {
    let s = tag(state(), 0, 9, Label::Quote)
        .act(ViewAction::Editing(true))
        .act(ViewAction::ShowDialog(Some(Dialog::Shortcuts)));
    let s = s.act(ViewAction::Escape);
    assert_eq!((s.view.dialog, s.view.editing), (None, true));
    let s = s.act(ViewAction::Escape);
    assert!(!s.view.editing && s.view.selected.is_some());
    let s = s.act(ViewAction::Escape);
    assert_eq!(s.view.selected, None);
}

#[test]
fn stepping_through_annotations() {
    let s =
        tag(tag(state(), 0, 9, Label::Quote), 32, 50, Label::Fact).act(ViewAction::Select(None));
    let first = s.document.annotations.as_slice()[0].id;
    let second = s.document.annotations.as_slice()[1].id;
    let s = s.act(ViewAction::StepAnnotation(1));
    assert_eq!(s.view.selected, Some(first));
    let s = s
        .act(ViewAction::StepAnnotation(1))
        .act(ViewAction::StepAnnotation(1));
    assert_eq!(s.view.selected, Some(second));
}

#[test]
fn escape_stops_reviewing_and_reviewing_keeps_suggestions() {
    let s = reviewing().act(ViewAction::Escape);
    assert_eq!(s.view.suggestion, None);
    assert_eq!(labels(&s).len(), 3);
    assert_eq!(
        s.clone()
            .act(ViewAction::StepSuggestion(-1))
            .view
            .suggestion,
        Some(2)
    );
    assert_eq!(
        s.clone().act(ViewAction::StepSuggestion(1)).view.suggestion,
        Some(0)
    );
    let s = s.act(ViewAction::Review(Some(2)));
    assert_eq!(s.current_suggestion().map(|c| c.label), Some(Label::Quote));
    assert_eq!(
        s.clone().act(ViewAction::Review(Some(9))).view.suggestion,
        None
    );
    let none = s
        .act(ViewAction::Escape)
        .act(DocumentAction::AcceptSuggestion);
    assert_eq!(
        none.view.notice.as_ref().map(|n| n.kind),
        Some(NoticeKind::Error)
    );
}
