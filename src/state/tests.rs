//! Shared test helpers, and tests of how the root composes the slices: what an action of one
//! slice means for the others.

use super::*;
use crate::model::{AnnotationId, Label, Metadata, ParagraphKind};

/// Applying any slice's action to a state, as the app's dispatch does.
pub(super) trait Act {
    /// The state after `action`.
    fn act(self, action: impl Into<Action>) -> Self;
}

impl Act for Rc<AppState> {
    fn act(self, action: impl Into<Action>) -> Self {
        self.reduce(action.into())
    }
}

/// The two-paragraph article most tests annotate.
pub(super) fn state() -> Rc<AppState> {
    Rc::new(AppState::new(Article::from_paragraphs(
        [
            (
                "Officials said 12 wells closed. Mr. Ode denied it.",
                ParagraphKind::Body,
            ),
            ("“It is false,” he said.", ParagraphKind::Body),
        ],
        Metadata::default(),
    )))
}

pub(super) fn tag(state: Rc<AppState>, start: usize, end: usize, label: Label) -> Rc<AppState> {
    state.act(DocumentAction::Tag {
        span: Span::new(start, end),
        label,
    })
}

pub(super) fn text(state: &AppState, id: AnnotationId) -> String {
    let span = state.document.annotations.get(id).unwrap().span;
    state.document.article.slice(span).unwrap().to_string()
}

/// A state with three suggestions waiting: a FACT, an ALLEGATION and a QUOTE.
pub(super) fn reviewing() -> Rc<AppState> {
    Rc::new(AppState::new(Article::from_paragraphs(
        [
            (
                "The port handled 4 million tonnes in 2023. The owner reportedly sold it.",
                ParagraphKind::Body,
            ),
            (
                "“We will keep every job,” the new owner said.",
                ParagraphKind::Body,
            ),
        ],
        Metadata::default(),
    )))
    .act(DocumentAction::Suggest)
}

pub(super) fn labels(state: &AppState) -> Vec<Label> {
    state
        .document
        .annotations
        .suggestions()
        .iter()
        .map(|s| s.label)
        .collect()
}

#[test]
fn an_edit_marks_storage_pending_selects_the_result_and_announces_it() {
    let saved = Rc::new(AppState {
        storage: Rc::new(Storage {
            save: SaveStatus::Saved,
            ..(*state().storage).clone()
        }),
        ..(*state()).clone()
    });
    let next = tag(saved.clone(), 15, 23, Label::Fact);
    let id = next.view.selected.unwrap();
    assert_eq!(text(&next, id), "12 wells");
    assert_eq!(next.storage.save, SaveStatus::Pending);
    assert_eq!(next.storage.edits, saved.storage.edits + 1);
    assert_eq!(
        next.view.announcement,
        (1, "Fact added: 12 wells".to_string())
    );
    // A refused edit says why and counts nothing.
    let refused = tag(next.clone(), 15, 23, Label::Fact);
    assert_eq!(refused.storage.edits, next.storage.edits);
    assert!(Rc::ptr_eq(&refused.document, &next.document));
    assert_eq!(
        refused.view.notice.as_ref().map(|n| n.kind),
        Some(NoticeKind::Error)
    );
    // In a conflict the edit is counted, but the user's answer is still awaited.
    let conflict = next
        .clone()
        .act(StorageAction::Conflict {
            id: next.storage.doc.id.clone(),
            theirs: 7,
        })
        .act(DocumentAction::Relabel {
            id,
            label: Label::Quote,
        });
    assert_eq!(conflict.storage.save, SaveStatus::Conflict { theirs: 7 });
    assert_eq!(conflict.storage.edits, next.storage.edits + 1);
}

#[test]
fn opening_a_document_resets_the_view_but_keeps_snap_and_the_tab() {
    use crate::model::ingest::load::{load_text, InputKind};
    let busy = tag(state(), 0, 9, Label::Quote)
        .act(ViewAction::ToggleSnap)
        .act(ViewAction::Search("said".into()))
        .act(ViewAction::MoveCursor(1))
        .act(ViewAction::ShowDialog(Some(Dialog::Load)))
        .act(StorageAction::Started {
            annotator: "Ana".into(),
        });
    let loaded = load_text(InputKind::PlainText, "New title\n\nNew body.", None, None).unwrap();
    let next = busy.clone().act(DocumentAction::Load(Box::new(loaded)));
    let fresh = View {
        notice: next.view.notice.clone(),
        ..View::fresh(false)
    };
    assert_eq!(*next.view, fresh);
    assert!(next.view.notice.is_some());
    assert_eq!(next.storage.doc.id, doc_id(&next.document.article));
    assert_eq!(
        (next.storage.edits, next.storage.save.clone()),
        (0, SaveStatus::Pending)
    );
    assert_eq!(
        (next.storage.annotator.as_str(), next.storage.ready),
        ("Ana", true)
    );
}

#[test]
fn actions_of_one_slice_leave_the_others_shared() {
    let s = tag(state(), 0, 9, Label::Quote);
    let searched = s.clone().act(ViewAction::Search("said".into()));
    assert!(Rc::ptr_eq(&searched.document, &s.document));
    assert!(Rc::ptr_eq(&searched.storage, &s.storage));
    let same = searched.clone().act(ViewAction::DismissNotice);
    assert!(Rc::ptr_eq(&same, &searched));
    let listed = searched.clone().act(CorpusAction::Listed(Vec::new()));
    assert!(Rc::ptr_eq(&listed.view, &searched.view));
    assert!(Rc::ptr_eq(&listed.document, &searched.document));
}
