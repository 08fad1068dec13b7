//! Reducer tests: each action's effect on the state.

use super::*;
use crate::model::{Metadata, ParagraphKind};

fn state() -> Rc<AppState> {
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

fn tag(state: Rc<AppState>, start: usize, end: usize, label: Label) -> Rc<AppState> {
    state.reduce(Action::Tag {
        span: Span::new(start, end),
        label,
    })
}

fn text(state: &AppState, id: AnnotationId) -> String {
    let span = state.annotations.get(id).unwrap().span;
    state.article.slice(span).unwrap().to_string()
}

#[test]
fn tagging_snaps_to_words_and_selects_the_new_annotation() {
    let next = tag(state(), 16, 22, Label::Fact);
    let id = next.selected.unwrap();
    assert_eq!(text(&next, id), "12 wells");
    let raw = tag(state().reduce(Action::ToggleSnap), 16, 22, Label::Fact);
    assert_eq!(text(&raw, raw.selected.unwrap()), "2 well");
}

#[test]
fn a_refused_tag_keeps_the_annotations_and_says_why() {
    let tagged = tag(state(), 15, 23, Label::Fact);
    let again = tag(tagged.clone(), 15, 23, Label::Fact);
    assert_eq!(again.annotations, tagged.annotations);
    assert_eq!(
        again.notice.as_ref().map(|n| n.kind),
        Some(NoticeKind::Error)
    );
}

#[test]
fn sentence_cursor_moves_and_tags_whole_sentences() {
    let s = state();
    assert_eq!(s.sentences.len(), 3);
    let s = s
        .reduce(Action::MoveCursor(1))
        .reduce(Action::MoveCursor(1));
    assert_eq!(
        s.article.slice(s.cursor_span().unwrap()),
        Some("Mr. Ode denied it.")
    );
    let s = s.reduce(Action::TagCursor(Label::Allegation));
    assert_eq!(text(&s, s.selected.unwrap()), "Mr. Ode denied it.");
    let s = s.reduce(Action::MoveCursor(5));
    assert_eq!(s.cursor, Some(2));
    assert_eq!(s.selected, None);
    let s = s.reduce(Action::CursorAt(3));
    assert_eq!(s.cursor, Some(0));
}

#[test]
fn relabel_boundaries_attributes_then_undo_everything() {
    let start = tag(state(), 15, 23, Label::Fact);
    let id = start.selected.unwrap();
    let s = start.clone().reduce(Action::Relabel {
        id,
        label: Label::Quote,
    });
    assert_eq!(s.annotations.get(id).unwrap().label, Label::Quote);
    let s = s.reduce(Action::MoveBoundary {
        id,
        boundary: Boundary::End,
        forward: true,
        by_word: true,
    });
    assert_eq!(text(&s, id), "12 wells closed");
    let s = s.reduce(Action::MoveBoundary {
        id,
        boundary: Boundary::Start,
        forward: false,
        by_word: false,
    });
    assert_eq!(text(&s, id), "d 12 wells closed");
    let typed = ["O", "Of", "Off"].iter().fold(s, |s, speaker| {
        s.reduce(Action::SetAttributes {
            id,
            speaker: speaker.to_string(),
            cue: "said".into(),
            note: String::new(),
        })
    });
    assert_eq!(typed.annotations.get(id).unwrap().speaker, "Off");
    // Typing was one step: one undo takes the whole speaker away.
    let s = typed.clone().reduce(Action::Undo);
    assert_eq!(s.annotations.get(id).unwrap().speaker, "");
    let s = s
        .reduce(Action::Undo)
        .reduce(Action::Undo)
        .reduce(Action::Undo);
    assert_eq!(s.annotations, start.annotations);
    let s = s.reduce(Action::Undo);
    assert!(s.annotations.is_empty());
    let s = (0..5).fold(s, |s, _| s.reduce(Action::Redo));
    assert_eq!(s.annotations, typed.annotations);
}

#[test]
fn deleting_clears_the_selection_and_unknown_ids_change_nothing() {
    let tagged = tag(state(), 0, 9, Label::Quote);
    let id = tagged.selected.unwrap();
    let deleted = tagged.reduce(Action::Delete(id));
    assert!(deleted.annotations.is_empty());
    assert_eq!(deleted.selected, None);
    let again = deleted.clone().reduce(Action::Delete(id));
    assert_eq!(again.annotations, deleted.annotations);
    assert!(again.notice.is_some());
    let unknown = deleted.clone().reduce(Action::Select(Some(id)));
    assert!(Rc::ptr_eq(&unknown, &deleted));
}

#[test]
fn search_finds_and_cycles() {
    let s = state().reduce(Action::Search("SAID".into()));
    assert_eq!(s.matches.len(), 2);
    assert_eq!(s.current_match, Some(0));
    let s = s.reduce(Action::StepMatch(-1));
    assert_eq!(s.current_match, Some(1));
    let s = s.reduce(Action::Search(String::new()));
    assert_eq!(s.current_match, None);
}

#[test]
fn escape_closes_the_innermost_thing_first() {
    let s = tag(state(), 0, 9, Label::Quote)
        .reduce(Action::Editing(true))
        .reduce(Action::ShowDialog(Some(Dialog::Shortcuts)));
    let s = s.reduce(Action::Escape);
    assert_eq!((s.dialog, s.editing), (None, true));
    let s = s.reduce(Action::Escape);
    assert!(!s.editing && s.selected.is_some());
    let s = s.reduce(Action::Escape);
    assert_eq!(s.selected, None);
}

#[test]
fn stepping_through_annotations() {
    let s = tag(tag(state(), 0, 9, Label::Quote), 32, 50, Label::Fact).reduce(Action::Select(None));
    let first = s.annotations.as_slice()[0].id;
    let second = s.annotations.as_slice()[1].id;
    let s = s.reduce(Action::StepAnnotation(1));
    assert_eq!(s.selected, Some(first));
    let s = s
        .reduce(Action::StepAnnotation(1))
        .reduce(Action::StepAnnotation(1));
    assert_eq!(s.selected, Some(second));
}

#[test]
fn loading_replaces_the_document_and_says_so() {
    use crate::model::ingest::load::{load_text, InputKind};
    let old = tag(state(), 0, 9, Label::Quote);
    let mut loaded = load_text(InputKind::PlainText, "New title\n\nNew body.", None, None).unwrap();
    loaded.remark = Some("Read as windows-1252.".into());
    let next = old.reduce(Action::Load(Box::new(loaded)));
    assert_eq!(next.article.meta.title, "New title");
    assert!(next.annotations.is_empty());
    assert!(!next.history.can_undo());
    let notice = next.notice.clone().unwrap();
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
    let second = s.article.text().find("Second").unwrap();
    let s = tag(s, second, second + 6, Label::Fact);
    let id = s.selected.unwrap();
    let mut meta = s.article.meta.clone();
    meta.byline = Some("Ana".into());
    let s = s.reduce(Action::SetMeta(meta));
    assert_eq!(s.article.meta.byline.as_deref(), Some("Ana"));
    let s = s.reduce(Action::Restore(0));
    assert_eq!(
        s.article.text(),
        "First para.\n\nAdvertisement\n\nSecond para."
    );
    assert_eq!(text(&s, id), "Second");
    assert!(!s.history.can_undo());
}

#[test]
fn opening_a_newer_version_is_not_an_edit_and_saves_track_edits() {
    use crate::model::ingest::load::Loaded;
    let s = tag(state(), 0, 9, Label::Quote);
    assert_eq!(s.save, SaveStatus::Pending);
    let edits = s.edits;
    let id = s.doc.id.clone();
    let s = s.reduce(Action::Saved {
        id: id.clone(),
        edits,
        revision: 4,
        edited_at: "t".into(),
        added_at: "t".into(),
    });
    assert_eq!(s.save, SaveStatus::Saved);
    let reopened = s.clone().reduce(Action::OpenStored {
        loaded: Box::new(Loaded {
            article: (*s.article).clone(),
            annotations: (*s.annotations).clone(),
            remark: None,
            more: Vec::new(),
        }),
        info: s.doc.clone(),
    });
    assert_eq!(reopened.save, SaveStatus::Saved);
    // A save that finishes after a newer edit leaves the document pending.
    let edited = tag(reopened, 10, 14, Label::Fact);
    let stale = edited.edits - 1;
    let after = edited.reduce(Action::Saved {
        id: id.clone(),
        edits: stale,
        revision: 5,
        edited_at: "t".into(),
        added_at: "t".into(),
    });
    assert_eq!(after.save, SaveStatus::Pending);
    let conflict = after
        .reduce(Action::Conflict { id, theirs: 9 })
        .reduce(Action::KeepMine);
    assert_eq!(
        (
            conflict.doc.revision,
            conflict.overwrite,
            conflict.save.clone()
        ),
        (9, true, SaveStatus::Pending)
    );
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
    let s = state().reduce(Action::Import(vec![
        candidate("12 wells", Label::Fact),
        candidate("not here", Label::Quote),
    ]));
    assert_eq!(s.annotations.len(), 1);
    assert_eq!(s.annotations.as_slice()[0].speaker, "Ode");
    assert_eq!(s.orphans.len(), 1);
    assert!(s
        .notice
        .as_ref()
        .unwrap()
        .text
        .contains("could not be placed"));
    let placed = s.clone().reduce(Action::PlaceOrphan {
        index: 0,
        span: Span::new(0, 9),
    });
    assert_eq!(placed.annotations.len(), 2);
    assert!(placed.orphans.is_empty());
    let dropped = s.reduce(Action::DropOrphan(0));
    assert!(dropped.orphans.is_empty());
    let undone = placed.reduce(Action::Undo).reduce(Action::Undo);
    assert!(undone.annotations.is_empty());
}

#[test]
fn a_save_of_the_previous_document_does_not_mark_the_new_one_saved() {
    use crate::model::ingest::load::{load_text, InputKind};
    let sample = state();
    let old_id = sample.doc.id.clone();
    let loaded = load_text(
        InputKind::PlainText,
        "Another title\n\nAnother body.",
        None,
        None,
    )
    .unwrap();
    let next = sample.reduce(Action::Load(Box::new(loaded)));
    assert_eq!(next.save, SaveStatus::Pending);
    let late = next.reduce(Action::Saved {
        id: old_id.clone(),
        edits: 0,
        revision: 1,
        edited_at: "t".into(),
        added_at: "t".into(),
    });
    assert_eq!(late.save, SaveStatus::Pending);
    let late = late.reduce(Action::Conflict {
        id: old_id,
        theirs: 3,
    });
    assert_eq!(late.save, SaveStatus::Pending);
}

#[test]
fn actions_at_a_time_stamp_created_and_modified() {
    let at = |now: &str, action| Action::At(now.to_string(), Box::new(action));
    let s = state().reduce(at(
        "2026-11-28T10:00:00Z",
        Action::Tag {
            span: Span::new(15, 23),
            label: Label::Fact,
        },
    ));
    let id = s.selected.unwrap();
    let a = s.annotations.get(id).unwrap().clone();
    assert_eq!(
        (a.created.as_str(), a.modified.as_str()),
        ("2026-11-28T10:00:00Z", "2026-11-28T10:00:00Z")
    );
    assert_eq!(a.origin, crate::model::Origin::Manual);
    let s = s.reduce(at(
        "2026-11-28T11:00:00Z",
        Action::Relabel {
            id,
            label: Label::Quote,
        },
    ));
    let a = s.annotations.get(id).unwrap();
    assert_eq!(
        (a.created.as_str(), a.modified.as_str()),
        ("2026-11-28T10:00:00Z", "2026-11-28T11:00:00Z")
    );
    let undone = s.reduce(Action::Undo);
    assert_eq!(
        undone.annotations.get(id).unwrap().modified,
        "2026-11-28T10:00:00Z"
    );
}

/// A state with three suggestions waiting: a FACT, an ALLEGATION and a QUOTE.
fn reviewing() -> Rc<AppState> {
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
    .reduce(Action::Suggest)
}

fn labels(state: &AppState) -> Vec<Label> {
    state
        .annotations
        .suggestions()
        .iter()
        .map(|s| s.label)
        .collect()
}

#[test]
fn suggesting_offers_suggestions_for_review_and_says_how_many() {
    let s = reviewing();
    assert_eq!(labels(&s), [Label::Fact, Label::Allegation, Label::Quote]);
    assert_eq!(s.suggestion, Some(0));
    assert!(s.annotations.is_empty());
    let notice = s.notice.as_ref().unwrap();
    assert!(
        notice.text.starts_with("3 suggestions to review"),
        "{}",
        notice.text
    );
    assert!(s.history.can_undo());
    let again = s.reduce(Action::Suggest);
    assert_eq!(
        again.notice.as_ref().map(|n| n.kind),
        Some(NoticeKind::Error)
    );
    assert_eq!(labels(&again).len(), 3);
}

#[test]
fn accepting_makes_an_annotation_with_origin_suggestion_and_moves_on() {
    let s = reviewing()
        .reduce(Action::StepSuggestion(1))
        .reduce(Action::StepSuggestion(1));
    assert_eq!(s.current_suggestion().map(|c| c.label), Some(Label::Quote));
    let s = s.reduce(Action::AcceptSuggestion);
    let quote = s.annotations.as_slice()[0].clone();
    assert_eq!(quote.origin, Origin::Suggestion);
    assert_eq!(quote.speaker, "the new owner");
    assert_eq!(quote.cue, "said");
    assert_eq!(
        s.article.slice(quote.span),
        Some("“We will keep every job,”")
    );
    assert_eq!(labels(&s), [Label::Fact, Label::Allegation]);
    assert_eq!(
        s.suggestion,
        Some(1),
        "the last one is current after the end"
    );
    assert_eq!(s.save, SaveStatus::Pending);
}

#[test]
fn rejected_suggestions_do_not_come_back_and_everything_undoes() {
    let start = reviewing();
    let s = start.clone().reduce(Action::RejectSuggestion);
    assert_eq!(labels(&s), [Label::Allegation, Label::Quote]);
    assert_eq!(s.annotations.rejected().len(), 1);
    let s = s.reduce(Action::AcceptSuggestion);
    assert_eq!(s.annotations.len(), 1);
    let s = s.reduce(Action::Suggest);
    assert_eq!(
        labels(&s),
        [Label::Quote],
        "neither the rejected nor the accepted one"
    );
    assert_eq!(s.notice.as_ref().map(|n| n.kind), Some(NoticeKind::Error));
    let undone = s.reduce(Action::Undo).reduce(Action::Undo);
    assert_eq!(
        labels(&undone),
        [Label::Fact, Label::Allegation, Label::Quote]
    );
    assert_eq!(
        undone.current_suggestion().map(|c| c.label),
        Some(Label::Fact)
    );
    assert!(undone.annotations.is_empty() && undone.annotations.rejected().is_empty());
    let nothing = undone.reduce(Action::Undo);
    assert!(labels(&nothing).is_empty());
    assert_eq!(nothing.suggestion, None);
    let redone = nothing.reduce(Action::Redo).reduce(Action::Redo);
    assert_eq!(labels(&redone), [Label::Allegation, Label::Quote]);
}

#[test]
fn accept_all_takes_every_suggestion_of_a_label_in_one_step() {
    let s = reviewing().reduce(Action::AcceptAll(Label::Quote));
    assert_eq!(s.annotations.len(), 1);
    assert_eq!(labels(&s), [Label::Fact, Label::Allegation]);
    let s = s.reduce(Action::AcceptAll(Label::Quote));
    assert_eq!(s.notice.as_ref().map(|n| n.kind), Some(NoticeKind::Error));
    let undone = s.reduce(Action::Undo);
    assert!(undone.annotations.is_empty());
    assert_eq!(labels(&undone).len(), 3);
}

#[test]
fn escape_stops_reviewing_and_reviewing_keeps_suggestions() {
    let s = reviewing().reduce(Action::Escape);
    assert_eq!(s.suggestion, None);
    assert_eq!(labels(&s).len(), 3);
    assert_eq!(
        s.clone().reduce(Action::StepSuggestion(-1)).suggestion,
        Some(2)
    );
    assert_eq!(
        s.clone().reduce(Action::StepSuggestion(1)).suggestion,
        Some(0)
    );
    let s = s.reduce(Action::Review(Some(2)));
    assert_eq!(s.current_suggestion().map(|c| c.label), Some(Label::Quote));
    assert_eq!(s.clone().reduce(Action::Review(Some(9))).suggestion, None);
    let none = s.reduce(Action::Escape).reduce(Action::AcceptSuggestion);
    assert_eq!(
        none.notice.as_ref().map(|n| n.kind),
        Some(NoticeKind::Error)
    );
}
