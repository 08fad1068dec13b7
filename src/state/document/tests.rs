//! Document tests: each document action's effect, through the root so that what it asks of
//! the view (select the result, say why) is checked too.

use std::rc::Rc;

use crate::model::{Label, Origin, Span};
use crate::state::tests::{labels, reviewing, state, tag, text, Act};
use crate::state::{
    Action, AppState, Boundary, DocumentAction, NoticeKind, SaveStatus, ViewAction,
};

#[test]
fn tagging_snaps_to_words_and_selects_the_new_annotation() {
    let next = tag(state(), 16, 22, Label::Fact);
    let id = next.view.selected.unwrap();
    assert_eq!(text(&next, id), "12 wells");
    let raw = tag(state().act(ViewAction::ToggleSnap), 16, 22, Label::Fact);
    assert_eq!(text(&raw, raw.view.selected.unwrap()), "2 well");
}

#[test]
fn a_refused_tag_keeps_the_annotations_and_says_why() {
    let tagged = tag(state(), 15, 23, Label::Fact);
    let again = tag(tagged.clone(), 15, 23, Label::Fact);
    assert_eq!(again.document.annotations, tagged.document.annotations);
    assert_eq!(
        again.view.notice.as_ref().map(|n| n.kind),
        Some(NoticeKind::Error)
    );
}

#[test]
fn sentence_cursor_moves_and_tags_whole_sentences() {
    let s = state();
    assert_eq!(s.document.sentences().len(), 3);
    let s = s
        .act(ViewAction::MoveCursor(1))
        .act(ViewAction::MoveCursor(1));
    assert_eq!(
        s.document.article.slice(s.cursor_span().unwrap()),
        Some("Mr. Ode denied it.")
    );
    let s = s.act(DocumentAction::TagCursor(Label::Allegation));
    assert_eq!(text(&s, s.view.selected.unwrap()), "Mr. Ode denied it.");
    let s = s.act(ViewAction::MoveCursor(5));
    assert_eq!(s.view.cursor, Some(2));
    assert_eq!(s.view.selected, None);
    let s = s.act(ViewAction::CursorAt(3));
    assert_eq!(s.view.cursor, Some(0));
}

#[test]
fn relabel_boundaries_attributes_then_undo_everything() {
    let start = tag(state(), 15, 23, Label::Fact);
    let id = start.view.selected.unwrap();
    let s = start.clone().act(DocumentAction::Relabel {
        id,
        label: Label::Quote,
    });
    assert_eq!(s.document.annotations.get(id).unwrap().label, Label::Quote);
    let s = s.act(DocumentAction::MoveBoundary {
        id,
        boundary: Boundary::End,
        forward: true,
        by_word: true,
    });
    assert_eq!(text(&s, id), "12 wells closed");
    let s = s.act(DocumentAction::MoveBoundary {
        id,
        boundary: Boundary::Start,
        forward: false,
        by_word: false,
    });
    assert_eq!(text(&s, id), "d 12 wells closed");
    let typed = ["O", "Of", "Off"].iter().fold(s, |s, speaker| {
        s.act(DocumentAction::SetAttributes {
            id,
            speaker: speaker.to_string(),
            cue: "said".into(),
            note: String::new(),
        })
    });
    assert_eq!(typed.document.annotations.get(id).unwrap().speaker, "Off");
    // Typing was one step: one undo takes the whole speaker away.
    let s = typed.clone().act(DocumentAction::Undo);
    assert_eq!(s.document.annotations.get(id).unwrap().speaker, "");
    let s = s
        .act(DocumentAction::Undo)
        .act(DocumentAction::Undo)
        .act(DocumentAction::Undo);
    assert_eq!(s.document.annotations, start.document.annotations);
    let s = s.act(DocumentAction::Undo);
    assert!(s.document.annotations.is_empty());
    let s = (0..5).fold(s, |s, _| s.act(DocumentAction::Redo));
    assert_eq!(s.document.annotations, typed.document.annotations);
}

#[test]
fn deleting_clears_the_selection_and_unknown_ids_change_nothing() {
    let tagged = tag(state(), 0, 9, Label::Quote);
    let id = tagged.view.selected.unwrap();
    let deleted = tagged.act(DocumentAction::Delete(id));
    assert!(deleted.document.annotations.is_empty());
    assert_eq!(deleted.view.selected, None);
    let again = deleted.clone().act(DocumentAction::Delete(id));
    assert_eq!(again.document.annotations, deleted.document.annotations);
    assert!(again.view.notice.is_some());
    let unknown = deleted.clone().act(ViewAction::Select(Some(id)));
    assert!(Rc::ptr_eq(&unknown, &deleted));
}

#[test]
fn loading_replaces_the_document_and_says_so() {
    use crate::model::ingest::load::{load_text, InputKind};
    let old = tag(state(), 0, 9, Label::Quote);
    let mut loaded = load_text(InputKind::PlainText, "New title\n\nNew body.", None, None).unwrap();
    loaded.remark = Some("Read as windows-1252.".into());
    let next = old.act(DocumentAction::Load(Box::new(loaded)));
    assert_eq!(next.document.article.meta.title, "New title");
    assert!(next.document.annotations.is_empty());
    assert!(!next.document.history.can_undo());
    let notice = next.view.notice.clone().unwrap();
    assert!(notice.text.contains("New title") && notice.text.contains("windows-1252"));
}

#[test]
fn metadata_edits_and_restoring_a_line_keep_annotations_in_place() {
    use crate::model::ingest::clean_plain_text;
    let article = clean_plain_text(
        "Headline words here\n\nFirst para.\n\nAdvertisement\n\nSecond para.",
        None,
    )
    .unwrap();
    let s = Rc::new(AppState::new(article));
    let second = s.document.article.text().find("Second").unwrap();
    let s = tag(s, second, second + 6, Label::Fact);
    let id = s.view.selected.unwrap();
    let mut meta = s.document.article.meta.clone();
    meta.byline = Some("Ana".into());
    let s = s.act(DocumentAction::SetMeta(meta));
    assert_eq!(s.document.article.meta.byline.as_deref(), Some("Ana"));
    let s = s.act(DocumentAction::Restore(0));
    assert_eq!(
        s.document.article.text(),
        "First para.\n\nAdvertisement\n\nSecond para."
    );
    assert_eq!(text(&s, id), "Second");
    assert!(!s.document.history.can_undo());
}

#[test]
fn importing_places_what_fits_and_keeps_orphans_to_place_or_drop() {
    use crate::model::format::anchor::Candidate;
    let candidate = |exact: &str, label| Candidate {
        label,
        exact: Some(exact.to_string()),
        prefix: String::new(),
        suffix: String::new(),
        position: None,
        speaker: "Ode".into(),
        note: String::new(),
    };
    let s = state().act(DocumentAction::Import(vec![
        candidate("12 wells", Label::Fact),
        candidate("not here", Label::Quote),
    ]));
    assert_eq!(s.document.annotations.len(), 1);
    assert_eq!(s.document.annotations.as_slice()[0].speaker, "Ode");
    assert_eq!(s.document.orphans.len(), 1);
    assert!(s
        .view
        .notice
        .as_ref()
        .unwrap()
        .text
        .contains("could not be placed"));
    let placed = s.clone().act(DocumentAction::PlaceOrphan {
        index: 0,
        span: Span::new(0, 9),
    });
    assert_eq!(placed.document.annotations.len(), 2);
    assert!(placed.document.orphans.is_empty());
    let dropped = s.act(DocumentAction::DropOrphan(0));
    assert!(dropped.document.orphans.is_empty());
    let undone = placed.act(DocumentAction::Undo).act(DocumentAction::Undo);
    assert!(undone.document.annotations.is_empty());
}

#[test]
fn an_import_whose_positions_count_utf16_units_says_so() {
    use crate::model::format::anchor::Candidate;
    use crate::model::{Article, Metadata, ParagraphKind};
    let article = Article::from_paragraphs(
        [("Crew 👨🏻‍🚒 saved 3 cats.", ParagraphKind::Body)],
        Metadata::default(),
    );
    // "saved" is code points 10..15 but UTF-16 units 13..18 (the emoji is 4 and 7).
    let s = Rc::new(AppState::new(article)).act(DocumentAction::Import(vec![Candidate {
        label: Label::Fact,
        exact: Some("saved".into()),
        prefix: String::new(),
        suffix: String::new(),
        position: Some(Span::new(13, 18)),
        speaker: String::new(),
        note: String::new(),
    }]));
    assert_eq!(s.document.annotations.as_slice()[0].span, Span::new(10, 15));
    let notice = &s.view.notice.as_ref().unwrap().text;
    assert!(notice.contains("Imported 1 annotation.") && notice.contains("UTF-16 units"));
}

#[test]
fn actions_at_a_time_stamp_created_and_modified() {
    let at =
        |now: &str, action: DocumentAction| Action::At(now.to_string(), Box::new(action.into()));
    let s = state().act(at(
        "2026-11-28T10:00:00Z",
        DocumentAction::Tag {
            span: Span::new(15, 23),
            label: Label::Fact,
        },
    ));
    let id = s.view.selected.unwrap();
    let a = s.document.annotations.get(id).unwrap().clone();
    assert_eq!(
        (a.created.as_str(), a.modified.as_str()),
        ("2026-11-28T10:00:00Z", "2026-11-28T10:00:00Z")
    );
    assert_eq!(a.origin, crate::model::Origin::Manual);
    let s = s.act(at(
        "2026-11-28T11:00:00Z",
        DocumentAction::Relabel {
            id,
            label: Label::Quote,
        },
    ));
    let a = s.document.annotations.get(id).unwrap();
    assert_eq!(
        (a.created.as_str(), a.modified.as_str()),
        ("2026-11-28T10:00:00Z", "2026-11-28T11:00:00Z")
    );
    let undone = s.act(DocumentAction::Undo);
    assert_eq!(
        undone.document.annotations.get(id).unwrap().modified,
        "2026-11-28T10:00:00Z"
    );
}

#[test]
fn suggesting_offers_suggestions_for_review_and_says_how_many() {
    let s = reviewing();
    assert_eq!(labels(&s), [Label::Fact, Label::Allegation, Label::Quote]);
    assert_eq!(s.view.suggestion, Some(0));
    assert!(s.document.annotations.is_empty());
    let notice = s.view.notice.as_ref().unwrap();
    assert!(
        notice.text.starts_with("3 suggestions to review"),
        "{}",
        notice.text
    );
    assert!(s.document.history.can_undo());
    let again = s.act(DocumentAction::Suggest);
    assert_eq!(
        again.view.notice.as_ref().map(|n| n.kind),
        Some(NoticeKind::Error)
    );
    assert_eq!(labels(&again).len(), 3);
}

#[test]
fn accepting_makes_an_annotation_with_origin_suggestion_and_moves_on() {
    let s = reviewing()
        .act(ViewAction::StepSuggestion(1))
        .act(ViewAction::StepSuggestion(1));
    assert_eq!(s.current_suggestion().map(|c| c.label), Some(Label::Quote));
    let s = s.act(DocumentAction::AcceptSuggestion);
    let quote = s.document.annotations.as_slice()[0].clone();
    assert_eq!(quote.origin, Origin::Suggestion);
    assert_eq!(quote.speaker, "the new owner");
    assert_eq!(quote.cue, "said");
    assert_eq!(
        s.document.article.slice(quote.span),
        Some("“We will keep every job,”")
    );
    assert_eq!(labels(&s), [Label::Fact, Label::Allegation]);
    assert_eq!(
        s.view.suggestion,
        Some(1),
        "the last one is current after the end"
    );
    assert_eq!(s.storage.save, SaveStatus::Pending);
}

#[test]
fn rejected_suggestions_do_not_come_back_and_everything_undoes() {
    let start = reviewing();
    let s = start.clone().act(DocumentAction::RejectSuggestion);
    assert_eq!(labels(&s), [Label::Allegation, Label::Quote]);
    assert_eq!(s.document.annotations.rejected().len(), 1);
    let s = s.act(DocumentAction::AcceptSuggestion);
    assert_eq!(s.document.annotations.len(), 1);
    let s = s.act(DocumentAction::Suggest);
    assert_eq!(
        labels(&s),
        [Label::Quote],
        "neither the rejected nor the accepted one"
    );
    assert_eq!(
        s.view.notice.as_ref().map(|n| n.kind),
        Some(NoticeKind::Error)
    );
    let undone = s.act(DocumentAction::Undo).act(DocumentAction::Undo);
    assert_eq!(
        labels(&undone),
        [Label::Fact, Label::Allegation, Label::Quote]
    );
    assert_eq!(
        undone.current_suggestion().map(|c| c.label),
        Some(Label::Fact)
    );
    assert!(
        undone.document.annotations.is_empty() && undone.document.annotations.rejected().is_empty()
    );
    let nothing = undone.act(DocumentAction::Undo);
    assert!(labels(&nothing).is_empty());
    assert_eq!(nothing.view.suggestion, None);
    let redone = nothing.act(DocumentAction::Redo).act(DocumentAction::Redo);
    assert_eq!(labels(&redone), [Label::Allegation, Label::Quote]);
}

#[test]
fn accept_all_takes_every_suggestion_of_a_label_in_one_step() {
    let s = reviewing().act(DocumentAction::AcceptAll(Label::Quote, 0));
    assert_eq!(s.document.annotations.len(), 1);
    assert_eq!(labels(&s), [Label::Fact, Label::Allegation]);
    let s = s.act(DocumentAction::AcceptAll(Label::Quote, 0));
    assert_eq!(
        s.view.notice.as_ref().map(|n| n.kind),
        Some(NoticeKind::Error)
    );
    let undone = s.act(DocumentAction::Undo);
    assert!(undone.document.annotations.is_empty());
    assert_eq!(labels(&undone).len(), 3);
}

#[test]
fn an_edit_reports_what_to_select_and_announce_without_touching_the_view() {
    use super::{EditContext, Outcome};
    let s = state();
    let context = EditContext {
        selected: None,
        cursor: None,
        review: None,
        snap_words: true,
        annotator: "Ana",
        now: "2026-11-28T10:00:00Z",
    };
    let tag = DocumentAction::Tag {
        span: Span::new(16, 22),
        label: Label::Fact,
    };
    let (next, outcome) = s.document.reduce(tag, &context);
    let added = next.annotations.as_slice()[0].clone();
    assert_eq!(added.annotator, "Ana");
    assert_eq!(
        outcome,
        Outcome {
            select: Some(Some(added.id)),
            notice: Some(None),
            announce: Some("Fact added: 12 wells".to_string()),
            ..Outcome::default()
        }
    );
    let (same, outcome) = next.reduce(DocumentAction::TagCursor(Label::Fact), &context);
    assert!(Rc::ptr_eq(&same, &next));
    assert_eq!(
        outcome.notice.flatten().map(|n| n.kind),
        Some(NoticeKind::Error)
    );
}

#[test]
fn accept_all_takes_only_suggestions_at_or_above_the_threshold() {
    let s = reviewing();
    let fact = s
        .document
        .annotations
        .suggestions()
        .iter()
        .find(|x| x.label == Label::Fact)
        .map_or(0, |x| x.confidence);
    assert!(fact > 0 && fact < 100);
    let refused = s
        .clone()
        .act(DocumentAction::AcceptAll(Label::Fact, fact + 1));
    assert!(refused.document.annotations.is_empty());
    assert_eq!(
        refused.view.notice.as_ref().map(|n| n.kind),
        Some(NoticeKind::Error)
    );
    let taken = s.act(DocumentAction::AcceptAll(Label::Fact, fact));
    assert_eq!(taken.document.annotations.len(), 1);
    assert_eq!(labels(&taken), [Label::Allegation, Label::Quote]);
    let undone = taken.act(DocumentAction::Undo);
    assert!(undone.document.annotations.is_empty());
}
