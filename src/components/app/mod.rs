//! The root component: owns the state, lays out the page, and exports the open document.

mod keys;
mod opening;

use std::rc::Rc;

use gloo::events::{EventListener, EventListenerOptions};
use wasm_bindgen::JsCast;
use web_sys::{Element, KeyboardEvent};
use yew::prelude::*;

use keys::{apply_label, on_key, walk_queue};
use opening::{initial_state, use_opening_deadline};

use crate::components::agreement_view::AgreementView;
use crate::components::article_details::ArticleDetails;
use crate::components::article_view::ArticleView;
use crate::components::bring_in::{bring_files, open_unless_stored, use_drop_to_load};
use crate::components::corpus_view::CorpusView;
use crate::components::dialogs::DialogLayer;
use crate::components::intake_dialog::IntakeDialog;
use crate::components::journal::use_journal;
use crate::components::layer_marks::use_layer_marks;
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
use crate::model::Label;
use crate::services::queue::Walk;
use crate::services::{clock, crash, download, selection};
use crate::state::{
    count_of, Action, AppState, Dialog, DocumentAction, Notice, StorageAction, ViewAction,
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

/// `action` with the time it happens, which new and changed annotations record.
fn stamped(action: Action) -> Action {
    Action::At(clock::now_iso(), Box::new(action))
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
