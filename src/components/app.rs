//! The root component: owns the state, turns key presses into commands, lays out the page.

use std::rc::Rc;

use gloo::events::{EventListener, EventListenerOptions};
use wasm_bindgen::JsCast;
use web_sys::{DragEvent, Element, HtmlElement, KeyboardEvent};
use yew::prelude::*;

use crate::components::article_details::ArticleDetails;
use crate::components::article_view::ArticleView;
use crate::components::dialogs::DialogLayer;
use crate::components::library_view::LibraryView;
use crate::components::load_dialog::LoadDialog;
use crate::components::notice_bar::NoticeBar;
use crate::components::persistence::{
    reload_from_library, use_autosave, use_startup, use_tab_sync,
};
use crate::components::save_banner::SaveBanner;
use crate::components::selection_toolbar::SelectionToolbar;
use crate::components::sidebar::{current_match, Sidebar};
use crate::components::top_bar::TopBar;
use crate::model::format::{export_files, ExportFormat};
use crate::model::ingest::load::{InputKind, Loaded};
use crate::model::{Article, Label, Metadata, ParagraphKind};
use crate::sample::sample_article;
use crate::services::library::{add_documents, open_document};
use crate::services::loader::{load_file, load_input};
use crate::services::{clock, crash, download, selection, tabs};
use crate::state::keymap::{command_for, Command, KeyPress};
use crate::state::{count_of, Action, AppState, Dialog, Notice};

/// The whole app, opened on the built-in sample article.
#[component]
pub fn App() -> Html {
    let state = use_reducer(initial_state);
    // Kept for the panic banner's "Export all now", which must not need the app.
    crash::remember(state.article.clone(), state.annotations.clone());
    let article_ref = use_node_ref();
    // One callback for the whole life of the app, so memoized children keep equal props.
    let dispatch = {
        let dispatcher = state.dispatcher();
        use_callback((), move |action, _| dispatcher.dispatch(stamped(action)))
    };

    let on_tag = {
        let state = state.clone();
        let article_ref = article_ref.clone();
        Callback::from(move |label: Label| apply_label(&state, &article_ref, label))
    };
    let on_export = {
        let state = state.clone();
        Callback::from(move |format: ExportFormat| {
            let notice = export(format, &state);
            state.dispatch(Action::Notify(notice));
        })
    };
    let on_select = dispatch.reform(Action::Select);
    let on_sentence_at = dispatch.reform(Action::CursorAt);
    let on_dismiss = dispatch.reform(|()| Action::DismissNotice);

    use_drop_to_load(dispatch.clone());
    use_startup(dispatch.clone());
    use_autosave(&state, dispatch.clone());
    use_tab_sync(&state, dispatch.clone());
    let on_loaded = {
        let dispatch = dispatch.clone();
        Callback::from(move |loaded: Loaded| open_unless_stored(loaded, dispatch.clone()))
    };
    let on_place = {
        let (dispatch, article_ref) = (dispatch.clone(), article_ref.clone());
        Callback::from(move |index: usize| {
            let span = article_ref
                .cast::<Element>()
                .map(|root| selection::selected_span(&root));
            dispatch.emit(match span {
                Some(Ok(Some(span))) => {
                    selection::clear_selection();
                    Action::PlaceOrphan { index, span }
                }
                _ => Action::Notify(Notice::error(
                    "Select the words this annotation belongs to, then press Place at selection.",
                )),
            });
        })
    };
    let on_reload = {
        let (id, dispatch) = (state.doc.id.clone(), dispatch.clone());
        Callback::from(move |()| reload_from_library(id.clone(), dispatch.clone()))
    };
    {
        let state = state.clone();
        let article_ref = article_ref.clone();
        use_effect_with(state.clone(), move |_| {
            let listener = EventListener::new_with_options(
                &gloo::utils::document(),
                "keydown",
                EventListenerOptions::enable_prevent_default(),
                move |event| {
                    if let Some(event) = event.dyn_ref::<KeyboardEvent>() {
                        on_key(event, &state, &article_ref);
                    }
                },
            );
            move || drop(listener)
        });
    }

    html! {
        // `data-ready` says start-up has read the library (tests wait for it before typing).
        <div class="ct-app" data-ready={state.ready.to_string()}>
            <TopBar
                can_undo={state.history.can_undo()}
                can_redo={state.history.can_redo()}
                snap_words={state.snap_words}
                save={state.save.clone()}
                on_tag={on_tag.clone()}
                on_export={on_export.clone()}
                dispatch={dispatch.clone()}
            />
            <NoticeBar notice={state.notice.clone()} on_dismiss={on_dismiss} />
            <div class="ct-sr-only" aria-live="polite" aria-atomic="true">
                <span key={state.announcement.0}>{ &state.announcement.1 }</span>
            </div>
            <SaveBanner
                status={state.save.clone()}
                on_export_now={on_export.reform(|()| ExportFormat::Native)}
                on_retry={dispatch.reform(|()| Action::RetrySave)}
                on_reload={on_reload}
                on_keep_mine={dispatch.reform(|()| Action::KeepMine)}
            />
            <main class="ct-main">
                <ArticleView
                    article={state.article.clone()}
                    annotations={state.annotations.clone()}
                    selected={state.selected}
                    cursor={state.cursor_span()}
                    matches={state.matches.clone()}
                    current_match={current_match(&state)}
                    node_ref={article_ref.clone()}
                    on_select={on_select}
                    on_sentence_at={on_sentence_at}
                    current_suggestion={state.suggestion}
                    on_review={dispatch.reform(|i| Action::Review(Some(i)))}
                >
                    <ArticleDetails article={state.article.clone()} dispatch={dispatch.clone()} />
                </ArticleView>
                <Sidebar state={Rc::new((*state).clone())} dispatch={dispatch.clone()} on_place={on_place} />
            </main>
            <SelectionToolbar article_ref={article_ref} on_tag={on_tag} />
            <DialogLayer dialog={state.dialog} dispatch={dispatch.clone()} />
            if state.dialog == Some(Dialog::Load) {
                <LoadDialog
                    annotation_count={state.annotations.len()}
                    on_loaded={on_loaded.clone()}
                    on_close={dispatch.reform(|()| Action::ShowDialog(None))}
                    on_import={dispatch.reform(Action::Import)}
                />
            }
            if state.dialog == Some(Dialog::Library) {
                <LibraryView
                    open_id={state.doc.id.clone()}
                    tab={state.tab.clone()}
                    annotator={state.annotator.clone()}
                    status={state.doc.status}
                    dispatch={dispatch.clone()}
                />
            }
        </div>
    }
}

/// Opens a file, or a text or HTML selection, dropped anywhere on the page.
#[hook]
fn use_drop_to_load(dispatch: Callback<Action>) {
    use_effect_with((), move |_| {
        let document = gloo::utils::document();
        let options = EventListenerOptions::enable_prevent_default();
        let over = EventListener::new_with_options(&document, "dragover", options, |event| {
            event.prevent_default()
        });
        let on_drop = EventListener::new_with_options(&document, "drop", options, move |event| {
            let Some(data) = event
                .dyn_ref::<DragEvent>()
                .and_then(DragEvent::data_transfer)
            else {
                return;
            };
            event.prevent_default();
            let dispatch = dispatch.clone();
            let finish = move |result: Result<Loaded, String>| match result {
                Ok(loaded) => open_unless_stored(loaded, dispatch.clone()),
                Err(message) => dispatch.emit(Action::Notify(Notice::error(message))),
            };
            if let Some(file) = data.files().and_then(|files| files.get(0)) {
                wasm_bindgen_futures::spawn_local(async move { finish(load_file(file).await) });
                return;
            }
            let html = data.get_data("text/html").unwrap_or_default();
            let plain = data.get_data("text/plain").unwrap_or_default();
            let result = if !html.trim().is_empty() {
                load_input(
                    InputKind::Html,
                    &html,
                    Some("dropped selection".to_string()),
                )
            } else {
                load_input(
                    InputKind::PlainText,
                    &plain,
                    Some("dropped text".to_string()),
                )
            };
            finish(result);
        });
        move || drop((over, on_drop))
    });
}

/// Opens a loaded document — or, when the library already holds the same text, the stored one
/// with its annotations, instead of a duplicate.
fn open_unless_stored(mut loaded: Loaded, dispatch: Callback<Action>) {
    let id = crate::model::library::doc_id(&loaded.article);
    let more = std::mem::take(&mut loaded.more);
    wasm_bindgen_futures::spawn_local(async move {
        let corpus_notice = if more.is_empty() {
            None
        } else {
            Some(match add_documents(&more, "import").await {
                Ok(added) => Notice::info(format!(
                    "{} of the corpus added to the library (open them from Library); the first is open.",
                    count_of(added, "more document")
                )),
                Err(error) => Notice::error(format!("Only the first document of the corpus is open; the rest could not be stored: {error}")),
            })
        };
        match open_document(&id).await {
            Ok(Some((stored, info))) if info.deleted_at.is_none() => {
                let remark = format!(
                    "This article is already in your library, so that copy ({}) was opened instead of a duplicate.",
                    count_of(stored.annotations.len(), "annotation")
                );
                dispatch.emit(Action::OpenStored {
                    loaded: Box::new(Loaded {
                        remark: Some(remark),
                        ..stored
                    }),
                    info,
                });
            }
            _ => dispatch.emit(Action::Load(Box::new(loaded))),
        }
        if let Some(notice) = corpus_notice {
            dispatch.emit(Action::Notify(notice));
        }
    });
}

/// `action` with the time it happens, which new and changed annotations record.
fn stamped(action: Action) -> Action {
    Action::At(clock::now_iso(), Box::new(action))
}

/// The sample article, or — should it ever fail to clean up — a one-line article saying so.
fn initial_state() -> AppState {
    match sample_article() {
        Ok(article) => AppState {
            tab: tabs::new_tab_id(),
            ..AppState::new(article)
        },
        Err(error) => {
            let message = format!("The sample article could not be opened: {error}");
            let article = Article::from_paragraphs(
                [(message.as_str(), ParagraphKind::Body)],
                Metadata {
                    title: "claimtag".to_string(),
                    ..Metadata::default()
                },
            );
            let mut state = AppState::new(article);
            state.tab = tabs::new_tab_id();
            state.notice = Some(Notice::error(message));
            state
        }
    }
}

/// What a label key or button does: tag the text selection; otherwise relabel the current
/// annotation; otherwise tag the sentence under the cursor.
fn apply_label(state: &UseReducerHandle<AppState>, article_ref: &NodeRef, label: Label) {
    let Some(root) = article_ref.cast::<Element>() else {
        return;
    };
    match selection::selected_span(&root) {
        Ok(Some(span)) => {
            state.dispatch(stamped(Action::Tag { span, label }));
            selection::clear_selection();
        }
        Ok(None) => {
            if let Some(id) = state.selected {
                state.dispatch(stamped(Action::Relabel { id, label }));
            } else if state.cursor.is_some() {
                state.dispatch(stamped(Action::TagCursor(label)));
            } else {
                state.dispatch(Action::Notify(Notice::error(format!(
                    "Select some words of the article (or move the sentence cursor with J), then press {} to mark them as {}.",
                    label.letter_key().to_ascii_uppercase(),
                    label.name()
                ))));
            }
        }
        Err(error) => state.dispatch(Action::Notify(Notice::error(error.to_string()))),
    }
}

/// Runs the command a key press stands for. Keys typed into a text field stay there, except
/// Escape, which closes the editor.
fn on_key(event: &KeyboardEvent, state: &UseReducerHandle<AppState>, article_ref: &NodeRef) {
    let press = KeyPress {
        key: event.key(),
        ctrl: event.ctrl_key() || event.meta_key(),
        shift: event.shift_key(),
        alt: event.alt_key(),
    };
    if let Some(field) = focused_field(event) {
        if press.key == "Escape" {
            field.blur().ok();
            state.dispatch(Action::Escape);
        }
        return;
    }
    if event.repeat() && !matches!(press.key.as_str(), "j" | "k" | "ArrowDown" | "ArrowUp") {
        return;
    }
    if state.dialog.is_some() && press.key != "Escape" {
        return;
    }
    #[cfg(debug_assertions)]
    if press.ctrl && press.alt && press.key == "F12" {
        state.dispatch(Action::Crash);
        return;
    }
    let Some(command) = command_for(&press, state.suggestion.is_some()) else {
        return;
    };
    let target = event.target().and_then(|t| t.dyn_into::<Element>().ok());
    let on_button = target.as_ref().is_some_and(|el| el.tag_name() == "BUTTON");
    let enter = press.key == "Enter";
    if on_button && (matches!(command, Command::OpenEditor) || enter) {
        return; // Enter on a focused button presses it.
    }
    let on_control = target
        .and_then(|el| {
            el.closest("button, a, input, select, textarea, summary")
                .ok()
                .flatten()
        })
        .is_some();
    if on_control && press.key == "Tab" {
        return; // Tab moves the focus between controls as usual.
    }
    event.prevent_default();
    let selected = state.selected;
    let action = match command {
        Command::Apply(label) => return apply_label(state, article_ref, label),
        Command::Delete => match selected {
            Some(id) => Action::Delete(id),
            None => return,
        },
        Command::Undo => Action::Undo,
        Command::Redo => Action::Redo,
        Command::MoveCursor(delta) => Action::MoveCursor(delta),
        Command::SentenceAtSelection => {
            let root = article_ref.cast::<Element>();
            match root.map(|r| selection::selected_span(&r)) {
                Some(Ok(Some(span))) => {
                    selection::clear_selection();
                    Action::CursorAt(span.start)
                }
                _ => Action::Notify(Notice::error(
                    "Select a word first; W puts the sentence cursor on its sentence.",
                )),
            }
        }
        Command::OpenEditor => Action::Editing(true),
        Command::Escape => Action::Escape,
        Command::ShowShortcuts => Action::ShowDialog(Some(Dialog::Shortcuts)),
        Command::MoveBoundary {
            boundary,
            forward,
            by_word,
        } => match selected {
            Some(id) => Action::MoveBoundary {
                id,
                boundary,
                forward,
                by_word,
            },
            None => return,
        },
        Command::StepAnnotation(delta) => Action::StepAnnotation(delta),
        Command::Suggest => Action::Suggest,
        Command::AcceptSuggestion => Action::AcceptSuggestion,
        Command::RejectSuggestion => Action::RejectSuggestion,
        Command::StepSuggestion(delta) => Action::StepSuggestion(delta),
    };
    state.dispatch(stamped(action));
}

/// The text field that has the focus, if the key press happened in one.
fn focused_field(event: &KeyboardEvent) -> Option<HtmlElement> {
    let element = event.target()?.dyn_into::<HtmlElement>().ok()?;
    let editable = matches!(element.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT")
        || element.is_content_editable();
    editable.then_some(element)
}

/// Builds the export of the open document in `format` and offers its file(s) as downloads;
/// says how it went.
fn export(format: ExportFormat, state: &AppState) -> Notice {
    let files = match export_files(
        format,
        &state.article,
        &state.annotations,
        &state.sentences,
        &clock::now_iso(),
    ) {
        Ok(files) => files,
        Err(error) => return Notice::error(format!("Export stopped: {error}. Nothing was saved.")),
    };
    for (name, mime, contents) in &files {
        if let Err(error) = download::download(name, mime, contents) {
            return Notice::error(error.to_string());
        }
    }
    let names: Vec<&str> = files.iter().map(|(name, _, _)| name.as_str()).collect();
    Notice::info(format!(
        "Exported {} to {}.",
        count_of(state.annotations.len(), "annotation"),
        names.join(" and ")
    ))
}
