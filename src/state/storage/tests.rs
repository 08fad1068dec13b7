//! Storage tests: saves, conflicts and opening documents keep the save status honest.

use crate::model::Label;
use crate::state::tests::{state, tag, Act};
use crate::state::{DocumentAction, SaveStatus, StorageAction};

#[test]
fn opening_a_newer_version_is_not_an_edit_and_saves_track_edits() {
    use crate::model::ingest::load::Loaded;
    let s = tag(state(), 0, 9, Label::Quote);
    assert_eq!(s.storage.save, SaveStatus::Pending);
    let edits = s.storage.edits;
    let id = s.storage.doc.id.clone();
    let s = s.act(StorageAction::Saved {
        id: id.clone(),
        edits,
        revision: 4,
        edited_at: "t".into(),
        added_at: "t".into(),
    });
    assert_eq!(s.storage.save, SaveStatus::Saved);
    let reopened = s.clone().act(DocumentAction::OpenStored {
        loaded: Box::new(Loaded {
            article: (*s.document.article).clone(),
            annotations: (*s.document.annotations).clone(),
            remark: None,
            more: Vec::new(),
            layers: Vec::new(),
            gold: Default::default(),
        }),
        info: s.storage.doc.clone(),
    });
    assert_eq!(reopened.storage.save, SaveStatus::Saved);
    // A save that finishes after a newer edit leaves the document pending.
    let edited = tag(reopened, 10, 14, Label::Fact);
    let stale = edited.storage.edits - 1;
    let after = edited.act(StorageAction::Saved {
        id: id.clone(),
        edits: stale,
        revision: 5,
        edited_at: "t".into(),
        added_at: "t".into(),
    });
    assert_eq!(after.storage.save, SaveStatus::Pending);
    let conflict = after
        .act(StorageAction::Conflict { id, theirs: 9 })
        .act(StorageAction::KeepMine);
    assert_eq!(
        (
            conflict.storage.doc.revision,
            conflict.storage.overwrite,
            conflict.storage.save.clone()
        ),
        (9, true, SaveStatus::Pending)
    );
}

#[test]
fn a_save_of_the_previous_document_does_not_mark_the_new_one_saved() {
    use crate::model::ingest::load::{load_text, InputKind};
    let sample = state();
    let old_id = sample.storage.doc.id.clone();
    let loaded = load_text(
        InputKind::PlainText,
        "Another title\n\nAnother body.",
        None,
        None,
    )
    .unwrap();
    let next = sample.act(DocumentAction::Load(Box::new(loaded)));
    assert_eq!(next.storage.save, SaveStatus::Pending);
    let late = next.act(StorageAction::Saved {
        id: old_id.clone(),
        edits: 0,
        revision: 1,
        edited_at: "t".into(),
        added_at: "t".into(),
    });
    assert_eq!(late.storage.save, SaveStatus::Pending);
    let late = late.act(StorageAction::Conflict {
        id: old_id,
        theirs: 3,
    });
    assert_eq!(late.storage.save, SaveStatus::Pending);
}
