//! Moving through the corpus without the library open: opening a stored document by id (with
//! any unsaved work a closed tab left of it), and
//! **Next to do** / **Previous** over the queue the corpus view's filter and sort make (a fresh
//! listing each time, so another tab's changes count), narrowed to the user's documents when
//! the team's assignment names them.

use yew::Callback;

use crate::model::corpus::listing::{step, Filter, Sort};
use crate::model::library::{own_layer_name, DocStatus};
use crate::model::sync::assignment::Assignment;
use crate::services::library::TEAM_ASSIGNMENT;
use crate::services::startup::reopen;
use crate::services::storage::Storage;
use crate::state::{queue, Action, DocumentAction, Notice, StorageAction, ViewAction};

/// Opens the stored document `id` in place of the open one, with the unsaved work a closed
/// tab left of it (saved again at once, as at start-up).
pub async fn open_stored(id: &str, dispatch: &Callback<Action>) -> bool {
    match reopen(id).await {
        Ok(Some(((loaded, info), recovered))) => {
            dispatch.emit(
                DocumentAction::OpenStored {
                    loaded: Box::new(loaded),
                    info,
                }
                .into(),
            );
            if recovered {
                dispatch.emit(StorageAction::RetrySave.into());
            }
            true
        }
        Ok(None) => {
            dispatch.emit(notice("This document is no longer in the library."));
            false
        }
        Err(error) => {
            dispatch.emit(notice(format!("The document could not be opened: {error}")));
            false
        }
    }
}

/// Where a walk through the queue goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Walk {
    /// The next document that is not done.
    NextToDo,
    /// The document before this one.
    Previous,
}

/// Opens the next (or previous) document of the queue after `current`; says so when there is
/// none.
pub async fn walk(
    walk: Walk,
    current: String,
    filter: Filter,
    sort: Sort,
    annotator: String,
    dispatch: Callback<Action>,
) {
    let read = async {
        let storage = Storage::open().await?;
        let assignment = storage
            .get_setting(TEAM_ASSIGNMENT)
            .await?
            .and_then(|json| serde_json::from_str::<Assignment>(&json).ok())
            .unwrap_or_default();
        let rows = storage.all_summaries().await?;
        // A team assignment that names this annotator narrows the queue to their documents.
        let rows = match assignment.of(own_layer_name(&annotator)) {
            Some(mine) => rows
                .into_iter()
                .filter(|r| mine.contains(r.info.id.as_str()) || r.info.id == current)
                .collect(),
            None => rows,
        };
        Ok::<_, crate::services::storage::StorageError>(rows)
    };
    let rows = match read.await {
        Ok(rows) => rows,
        Err(error) => {
            dispatch.emit(notice(format!("The library could not be read: {error}")));
            return;
        }
    };
    // The open document counts with its status as shown here (it may not be saved yet).
    let list = queue(&rows, &filter, sort);
    let target = step(&list, &current, walk == Walk::NextToDo).map(str::to_string);
    let Some(id) = target else {
        let left = list.iter().filter(|(_, s)| *s != DocStatus::Done).count();
        dispatch.emit(notice(match walk {
            Walk::NextToDo if left == 0 => {
                "Nothing left to do: every document in the queue is done.".to_string()
            }
            Walk::NextToDo => "No other document to do in the queue.".to_string(),
            Walk::Previous => "This is the first document of the queue.".to_string(),
        }));
        return;
    };
    if open_stored(&id, &dispatch).await {
        let position = list.iter().position(|(i, _)| *i == id).map_or(0, |p| p + 1);
        dispatch.emit(
            ViewAction::Notify(Notice::info(format!(
                "Document {position} of {} in the queue.",
                list.len()
            )))
            .into(),
        );
    }
}

fn notice(words: impl Into<String>) -> Action {
    ViewAction::Notify(Notice::error(words.into())).into()
}
