//! The root component: owns the state, turns key presses into commands, lays out the page.

use std::rc::Rc;

use gloo::events::{EventListener, EventListenerOptions};
use gloo::timers::callback::Timeout;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement, KeyboardEvent};
use yew::prelude::*;

use crate::components::agreement_view::AgreementView;
use crate::components::article_details::ArticleDetails;
use crate::components::article_view::ArticleView;
use crate::components::bring_in::{bring_files, open_unless_stored, use_drop_to_load};
use crate::components::corpus_view::CorpusView;
use crate::components::dialogs::DialogLayer;
use crate::components::intake_dialog::IntakeDialog;
use crate::components::journal::use_journal;
use crate::components::layer_marks::{layer_names, use_layer_marks};
use crate::components::layers_dialog::LayersDialog;
use crate::components::load_dialog::LoadDialog;
use crate::components::notice_bar::NoticeBar;
use crate::components::persistence::{
    reload_from_library, use_autosave, use_startup, use_tab_sync,
};
use crate::components::save_banner::SaveBanner;
use crate::components::selection_toolbar::SelectionToolbar;
use crate::components::sidebar::Sidebar;
use crate::components::team_panel::TeamPanel;
use crate::components::top_bar::TopBar;
use crate::components::warm_up::use_idle_sentences;
use crate::model::format::{caveat, export_files, ExportFormat};
use crate::model::ingest::load::Loaded;
use crate::model::library::DocStatus;
use crate::model::{Article, Label, Metadata, ParagraphKind};
use crate::sample::sample_article;
use crate::services::queue::{walk, Walk};
use crate::services::{clock, crash, download, jobs, selection, tabs};
use crate::state::document::Mode;
use crate::state::keymap::{command_for, Command, KeyMode, KeyPress};
use crate::state::{
    count_of, Action, AppState, CorpusAction, Dialog, DocumentAction, Job, JobKind, Notice,
    StorageAction, ViewAction,
};

/// The whole app, opened on the built-in sample article.
#[component]
pub fn App() -> Html {
    let state = use_reducer(initial_state);
    // Kept for the panic banner's "Export all now", which must not need the app.
    crash::remember(
        state.document.article.clone(),
        state.document.annotations.clone(),
    );
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
            state.dispatch(ViewAction::Notify(notice).into());
        })
    };
    let on_walk = {
        let state = state.clone();
        Callback::from(move |(direction, done): (Walk, bool)| walk_queue(&state, direction, done))
    };
    let on_select = dispatch.reform(|id| ViewAction::Select(id).into());
    let on_sentence_at = dispatch.reform(|cp| ViewAction::CursorAt(cp).into());
    let on_dismiss = dispatch.reform(|()| ViewAction::DismissNotice.into());

    let waited = use_opening_deadline();
    let marks = use_layer_marks(&state);
    use_drop_to_load(dispatch.clone());
    use_startup(dispatch.clone(), state.storage.tab.clone());
    use_autosave(&state, dispatch.clone());
    use_journal(&state);
    use_idle_sentences(&state);
    use_tab_sync(&state, dispatch.clone());
    let on_loaded = {
        let dispatch = dispatch.clone();
        Callback::from(move |loaded: Loaded| open_unless_stored(loaded, dispatch.clone()))
    };
    let on_files = {
        let dispatch = dispatch.clone();
        Callback::from(move |(files, single)| bring_files(files, single, dispatch.clone()))
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
                    DocumentAction::PlaceOrphan { index, span }.into()
                }
                _ => ViewAction::Notify(Notice::error(
                    "Select the words this annotation belongs to, then press Place at selection.",
                ))
                .into(),
            });
        })
    };
    let on_reload = {
        let (id, dispatch) = (state.storage.doc.id.clone(), dispatch.clone());
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
        <div class="ct-app" data-ready={state.storage.ready.to_string()}>
            <TopBar
                can_undo={state.document.history.can_undo()}
                can_redo={state.document.history.can_redo()}
                snap_words={state.view.snap_words}
                save={state.storage.save.clone()}
                opening={!state.storage.ready}
                on_tag={on_tag.clone()}
                on_export={on_export.clone()}
                on_walk={on_walk}
                dispatch={dispatch.clone()}
            >
                <TeamPanel annotator={state.storage.annotator.clone()} dispatch={dispatch.clone()} />
            </TopBar>
            <NoticeBar notice={state.view.notice.clone()} on_dismiss={on_dismiss} />
            <div class="ct-sr-only" aria-live="polite" aria-atomic="true">
                <span key={state.view.announcement.0}>{ &state.view.announcement.1 }</span>
            </div>
            <SaveBanner
                status={state.storage.save.clone()}
                on_export_now={on_export.reform(|()| ExportFormat::Native)}
                on_retry={dispatch.reform(|()| StorageAction::RetrySave.into())}
                on_reload={on_reload}
                on_keep_mine={dispatch.reform(|()| StorageAction::KeepMine.into())}
            />
            if state.storage.ready || *waited {
                <main class="ct-main">
                    <ArticleView
                        article={state.document.article.clone()}
                        annotations={state.document.annotations.clone()}
                        selected={state.view.selected}
                        cursor={state.cursor_span()}
                        matches={state.view.matches.clone()}
                        current_match={state.view.current_match_span()}
                        node_ref={article_ref.clone()}
                        on_select={on_select}
                        on_sentence_at={on_sentence_at}
                        current_suggestion={state.view.suggestion}
                        on_review={dispatch.reform(|i| ViewAction::Review(Some(i)).into())}
                        others={marks.others.clone()}
                        other_names={marks.names.clone()}
                        candidates={marks.candidates.clone()}
                        current_item={state.view.item}
                        on_item={dispatch.reform(|i| ViewAction::Item(Some(i)).into())}
                    >
                        <ArticleDetails article={state.document.article.clone()} dispatch={dispatch.clone()} />
                    </ArticleView>
                    <Sidebar state={Rc::new((*state).clone())} dispatch={dispatch.clone()} on_place={on_place} />
                </main>
            } else {
                // Until start-up has read the library: the document open last is shown
                // first, without rendering the sample article only to replace it.
                <main class="ct-main" aria-busy="true">
                    <p class="ct-opening" role="status">{ "Opening your library…" }</p>
                </main>
            }
            <SelectionToolbar article_ref={article_ref} on_tag={on_tag} />
            <DialogLayer dialog={state.view.dialog} dispatch={dispatch.clone()} />
            if state.view.dialog == Some(Dialog::Load) {
                <LoadDialog
                    annotation_count={state.document.annotations.len()}
                    on_loaded={on_loaded.clone()}
                    on_files={on_files.clone()}
                    on_close={dispatch.reform(|()| ViewAction::ShowDialog(None).into())}
                    on_import={dispatch.reform(|candidates| DocumentAction::Import(candidates).into())}
                />
            }
            if state.view.dialog == Some(Dialog::Library) {
                <CorpusView
                    corpus={state.corpus.clone()}
                    open_id={state.storage.doc.id.clone()}
                    tab={state.storage.tab.clone()}
                    annotator={state.storage.annotator.clone()}
                    status={state.storage.doc.status}
                    dispatch={dispatch.clone()}
                />
            }
            if state.view.dialog == Some(Dialog::Agreement) {
                <AgreementView
                    corpus={state.corpus.clone()}
                    open={(state.storage.doc.id.clone(), state.document.article.meta.title.clone())}
                    annotator={state.storage.annotator.clone()}
                    dispatch={dispatch.clone()}
                />
            }
            if state.view.dialog == Some(Dialog::Layers) {
                <LayersDialog
                    open_id={state.storage.doc.id.clone()}
                    tab={state.storage.tab.clone()}
                    dispatch={dispatch.clone()}
                />
            }
            if state.view.dialog == Some(Dialog::Intake) {
                <IntakeDialog
                    incoming={state.corpus.incoming.clone()}
                    job={state.corpus.intake.clone()}
                    tab={state.storage.tab.clone()}
                    dispatch={dispatch.clone()}
                />
            }
        </div>
    }
}

/// Milliseconds after which the sample article is shown even though start-up has not read the
/// library yet (a database held up by another tab's upgrade).
const OPENING_AT_MOST_MS: u32 = 2000;

/// True once [`OPENING_AT_MOST_MS`] have passed since the app started.
#[hook]
fn use_opening_deadline() -> UseStateHandle<bool> {
    let waited = use_state(|| false);
    {
        let waited = waited.clone();
        use_effect_with((), move |_| {
            let timeout = Timeout::new(OPENING_AT_MOST_MS, move || waited.set(true));
            move || drop(timeout)
        });
    }
    waited
}

/// `action` with the time it happens, which new and changed annotations record.
fn stamped(action: Action) -> Action {
    Action::At(clock::now_iso(), Box::new(action))
}

/// The sample article, or — should it ever fail to clean up — a one-line article saying so.
fn initial_state() -> AppState {
    let mut state = match sample_article() {
        Ok(article) => AppState::new(article),
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
            Rc::make_mut(&mut state.view).notice = Some(Notice::error(message));
            state
        }
    };
    Rc::make_mut(&mut state.storage).tab = tabs::new_tab_id();
    state
}

/// What a label key or button does: tag the text selection; otherwise relabel the current
/// annotation; otherwise tag the sentence under the cursor.
fn apply_label(state: &UseReducerHandle<AppState>, article_ref: &NodeRef, label: Label) {
    let Some(root) = article_ref.cast::<Element>() else {
        return;
    };
    match selection::selected_span(&root) {
        Ok(Some(span)) => {
            state.dispatch(stamped(DocumentAction::Tag { span, label }.into()));
            selection::clear_selection();
        }
        Ok(None) => {
            if let Some(id) = state.view.selected {
                state.dispatch(stamped(DocumentAction::Relabel { id, label }.into()));
            } else if state.view.cursor.is_some() {
                state.dispatch(stamped(DocumentAction::TagCursor(label).into()));
            } else {
                state.dispatch(ViewAction::Notify(Notice::error(format!(
                    "Select some words of the article (or move the sentence cursor with J), then press {} to mark them as {}.",
                    label.letter_key().to_ascii_uppercase(),
                    label.name()
                ))).into());
            }
        }
        Err(error) => state.dispatch(ViewAction::Notify(Notice::error(error.to_string())).into()),
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
            state.dispatch(ViewAction::Escape.into());
        }
        return;
    }
    if event.repeat() && !matches!(press.key.as_str(), "j" | "k" | "ArrowDown" | "ArrowUp") {
        return;
    }
    if state.view.dialog.is_some() && press.key != "Escape" {
        return;
    }
    let importing = state.corpus.intake.as_ref().is_some_and(Job::running);
    if state.view.dialog == Some(Dialog::Intake) && importing && press.key == "Escape" {
        // As the dialog's Cancel does: stop and take back, never a silent background import.
        jobs::cancel(JobKind::Intake);
        state.dispatch(CorpusAction::CancelJob(JobKind::Intake).into());
        return;
    }
    #[cfg(debug_assertions)]
    if press.ctrl && press.alt && press.key == "F12" {
        state.dispatch(ViewAction::Crash.into());
        return;
    }
    let mode = if state.document.mode == Mode::Adjudicate {
        KeyMode::Adjudicating(state.view.item.is_some())
    } else if state.view.suggestion.is_some() {
        KeyMode::Reviewing
    } else {
        KeyMode::Annotating
    };
    let Some(command) = command_for(&press, mode) else {
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
    let selected = state.view.selected;
    let action: Action = match command {
        Command::Apply(label) => return apply_label(state, article_ref, label),
        Command::Delete => match selected {
            Some(id) => DocumentAction::Delete(id).into(),
            None => return,
        },
        Command::Undo => DocumentAction::Undo.into(),
        Command::Redo => DocumentAction::Redo.into(),
        Command::MoveCursor(delta) => ViewAction::MoveCursor(delta).into(),
        Command::SentenceAtSelection => {
            let root = article_ref.cast::<Element>();
            match root.map(|r| selection::selected_span(&r)) {
                Some(Ok(Some(span))) => {
                    selection::clear_selection();
                    ViewAction::CursorAt(span.start).into()
                }
                _ => ViewAction::Notify(Notice::error(
                    "Select a word first; W puts the sentence cursor on its sentence.",
                ))
                .into(),
            }
        }
        Command::OpenEditor => ViewAction::Editing(true).into(),
        Command::Escape => ViewAction::Escape.into(),
        Command::ShowShortcuts => ViewAction::ShowDialog(Some(Dialog::Shortcuts)).into(),
        Command::MoveBoundary {
            boundary,
            forward,
            by_word,
        } => match selected {
            Some(id) => DocumentAction::MoveBoundary {
                id,
                boundary,
                forward,
                by_word,
            }
            .into(),
            None => return,
        },
        Command::StepAnnotation(delta) => ViewAction::StepAnnotation(delta).into(),
        Command::Suggest => DocumentAction::Suggest.into(),
        Command::AcceptSuggestion => DocumentAction::AcceptSuggestion.into(),
        Command::RejectSuggestion => DocumentAction::RejectSuggestion.into(),
        Command::StepSuggestion(delta) => ViewAction::StepSuggestion(delta).into(),
        Command::NextToDo => return walk_queue(state, Walk::NextToDo, false),
        Command::PreviousInQueue => return walk_queue(state, Walk::Previous, false),
        Command::DoneAndNext => return walk_queue(state, Walk::NextToDo, true),
        Command::AcceptItem | Command::TakeVersion(_) | Command::RejectItem => {
            let Some(item) = state.view.item else {
                return;
            };
            match command {
                Command::RejectItem => DocumentAction::RejectItem(item).into(),
                Command::TakeVersion(n) => {
                    let version = state.document.items.get(item).and_then(|candidate| {
                        let names = layer_names(&state.storage.annotator, &state.document.layers);
                        candidate.version_of(names.get(n)?)
                    });
                    match version {
                        Some(version) => DocumentAction::AcceptItem {
                            item,
                            version: Some(version),
                        }
                        .into(),
                        None => ViewAction::Notify(Notice::error(format!(
                            "Annotator {} has no span here.",
                            n + 1
                        )))
                        .into(),
                    }
                }
                _ => DocumentAction::AcceptItem {
                    item,
                    version: None,
                }
                .into(),
            }
        }
        Command::StepItem(delta) => ViewAction::StepItem(delta).into(),
        Command::AcceptUnanimous => DocumentAction::AcceptUnanimous.into(),
    };
    state.dispatch(stamped(action));
}

/// Opens the next or previous document of the queue (the corpus view's filter and order),
/// marking the open one done first when `done`.
fn walk_queue(state: &UseReducerHandle<AppState>, direction: Walk, done: bool) {
    if done {
        state.dispatch(stamped(StorageAction::SetStatus(DocStatus::Done).into()));
    }
    let dispatcher = state.dispatcher();
    let dispatch = Callback::from(move |action| dispatcher.dispatch(stamped(action)));
    wasm_bindgen_futures::spawn_local(walk(
        direction,
        state.storage.doc.id.clone(),
        state.corpus.filter.clone(),
        state.corpus.sort,
        state.storage.annotator.clone(),
        dispatch,
    ));
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
        &state.document.article,
        &state.document.annotations,
        state.document.sentences(),
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
    let caveat = caveat(format, &state.document.annotations)
        .map(|c| format!(" {c}"))
        .unwrap_or_default();
    Notice::info(format!(
        "Exported {} to {}.{caveat}",
        count_of(state.document.annotations.len(), "annotation"),
        names.join(" and ")
    ))
}
