//! "Add to library": the files the user brought at once. Each corpus file shows its first
//! records and which field becomes what (the mapping step) before anything is added; then the
//! intake runs with a progress bar and Cancel, and ends with the result list.

use std::rc::Rc;

use web_sys::HtmlSelectElement;
use yew::prelude::*;

use crate::components::job_progress::JobProgress;
use crate::components::modal::Modal;
use crate::model::corpus::intake::{Mapping, Preview};
use crate::model::corpus::listing::thousands;
use crate::services::{intake, jobs, queue};
use crate::state::{count_of, Action, Contents, CorpusAction, Incoming, Job, JobKind, ViewAction};

/// Props of [`IntakeDialog`].
#[derive(Properties, PartialEq)]
pub struct IntakeDialogProps {
    /// The files read, waiting to be added.
    pub incoming: Rc<Vec<Incoming>>,
    /// The intake running or ended.
    pub job: Option<Job>,
    /// This tab's id.
    pub tab: String,
    /// Where actions go.
    pub dispatch: Callback<Action>,
}

/// A modal dialog named "Add to library".
#[component]
pub fn IntakeDialog(props: &IntakeDialogProps) -> Html {
    let dispatch = props.dispatch.clone();
    let close = {
        let dispatch = dispatch.clone();
        let running = props.job.as_ref().is_some_and(Job::running);
        Callback::from(move |()| {
            if running {
                jobs::cancel(JobKind::Intake);
                dispatch.emit(CorpusAction::CancelJob(JobKind::Intake).into());
            } else {
                dispatch.emit(CorpusAction::DismissJob(JobKind::Intake).into());
                dispatch.emit(CorpusAction::ClearIncoming.into());
                dispatch.emit(ViewAction::ShowDialog(None).into());
            }
        })
    };
    let body = match &props.job {
        Some(job) => {
            let on_cancel = {
                let dispatch = dispatch.clone();
                Callback::from(move |()| {
                    jobs::cancel(JobKind::Intake);
                    dispatch.emit(CorpusAction::CancelJob(JobKind::Intake).into());
                })
            };
            let first_added = match &job.phase {
                crate::state::Phase::Finished(report) => {
                    report.added.first().map(|(id, _)| id.clone())
                }
                _ => None,
            };
            let on_open_first = first_added.map(|id| {
                let dispatch = dispatch.clone();
                Callback::from(move |_: MouseEvent| {
                    let (id, dispatch) = (id.clone(), dispatch.clone());
                    wasm_bindgen_futures::spawn_local(async move {
                        if queue::open_stored(&id, &dispatch).await {
                            dispatch.emit(CorpusAction::DismissJob(JobKind::Intake).into());
                            dispatch.emit(CorpusAction::ClearIncoming.into());
                            dispatch.emit(ViewAction::ShowDialog(None).into());
                        }
                    });
                })
            });
            let on_library = {
                let dispatch = dispatch.clone();
                Callback::from(move |_: MouseEvent| {
                    dispatch.emit(CorpusAction::DismissJob(JobKind::Intake).into());
                    dispatch.emit(CorpusAction::ClearIncoming.into());
                    dispatch
                        .emit(ViewAction::ShowDialog(Some(crate::state::Dialog::Library)).into());
                })
            };
            html! {
                <>
                    <JobProgress job={job.clone()} unit="records" on_cancel={on_cancel} framed={true} on_dismiss={close.clone()} />
                    if !job.running() {
                        <div class="ct-editor__row">
                            if let Some(on_open_first) = on_open_first {
                                <button class="ct-button ct-button--primary" onclick={on_open_first}>{ "Open the first added" }</button>
                            }
                            <button class="ct-button" onclick={on_library}>{ "Show the library" }</button>
                        </div>
                    }
                </>
            }
        }
        None => mapping_step(props),
    };
    let (step, close_label) = match &props.job {
        None => ("mapping", "Close"),
        Some(job) if job.running() => ("running", "Cancel"),
        Some(_) => ("ended", "Close"),
    };
    html! {
        <Modal title="Add to library" title_id="ct-intake-title" wide={true} on_close={close}
            focus_close={true} focus_step={step} close_label={close_label}>
            { body }
        </Modal>
    }
}

/// Every file, with the mapping of each corpus file, and the Add button.
fn mapping_step(props: &IntakeDialogProps) -> Html {
    let files = &props.incoming;
    let records: usize = files.iter().map(Incoming::units).sum();
    let on_add = {
        let (files, tab, dispatch) = (files.clone(), props.tab.clone(), props.dispatch.clone());
        Callback::from(move |_: MouseEvent| {
            let (files, tab, dispatch) = ((*files).clone(), tab.clone(), dispatch.clone());
            wasm_bindgen_futures::spawn_local(intake::run(files, tab, dispatch));
        })
    };
    html! {
        <>
            <p>{ format!("{} read: {} to add. Check what each field of a corpus file becomes, then add.",
                count_of(files.len(), "file"), count_of(records, "record")) }</p>
            <ul class="ct-intake" aria-label="Files">
                { for files.iter().enumerate().map(|(n, file)| file_row(n, file, &props.dispatch)) }
            </ul>
            <div class="ct-editor__row">
                <button class="ct-button ct-button--primary" disabled={records == 0} onclick={on_add}>
                    { format!("Add {} to the library", count_of(records, "record")) }
                </button>
            </div>
        </>
    }
}

fn file_row(n: usize, file: &Incoming, dispatch: &Callback<Action>) -> Html {
    match &file.what {
        Contents::Refused(reason) => html! {
            <li class="ct-intake__file ct-intake__file--refused" data-name={file.name.clone()}>
                <strong>{ &file.name }</strong>
                <span class="ct-notice ct-notice--error">{ format!(" Refused: {reason}") }</span>
            </li>
        },
        Contents::Article { remark, .. } => html! {
            <li class="ct-intake__file" data-name={file.name.clone()}>
                <strong>{ &file.name }</strong>{ " · one article" }
                if let Some(remark) = remark { <span class="ct-load__hint">{ format!(" · {remark}") }</span> }
            </li>
        },
        Contents::Corpus {
            preview,
            mapping,
            remark,
            ..
        } => html! {
            <li class="ct-intake__file" data-name={file.name.clone()}>
                <strong>{ &file.name }</strong>
                { format!(" · {} · {} records", preview.kind, thousands(preview.records)) }
                if let Some(remark) = remark { <p class="ct-load__hint">{ remark }</p> }
                { mapping_controls(n, preview, mapping, dispatch) }
                { sample_table(preview, mapping) }
            </li>
        },
    }
}

/// One select per target: which field becomes the text, the title, the id…
fn mapping_controls(
    n: usize,
    preview: &Preview,
    mapping: &Mapping,
    dispatch: &Callback<Action>,
) -> Html {
    type Get = fn(&Mapping) -> Option<&String>;
    type Set = fn(&mut Mapping, Option<String>);
    let targets: [(&str, Get, Set); 7] = [
        (
            "Text",
            |m| Some(&m.text),
            |m, v| m.text = v.unwrap_or_default(),
        ),
        ("Id", |m| m.id.as_ref(), |m, v| m.id = v),
        ("Title", |m| m.title.as_ref(), |m, v| m.title = v),
        ("URL", |m| m.url.as_ref(), |m, v| m.url = v),
        (
            "Published",
            |m| m.published.as_ref(),
            |m, v| m.published = v,
        ),
        ("Source", |m| m.source.as_ref(), |m, v| m.source = v),
        ("Byline", |m| m.byline.as_ref(), |m, v| m.byline = v),
    ];
    html! {
        <div class="ct-intake__mapping" role="group" aria-label="Mapping">
            { for targets.into_iter().map(|(name, get, set)| {
                let current = get(mapping).cloned().unwrap_or_default();
                let on_change = {
                    let (mapping, dispatch) = (mapping.clone(), dispatch.clone());
                    Callback::from(move |e: Event| {
                        let Some(select) = e.target_dyn_into::<HtmlSelectElement>() else { return };
                        let value = select.value();
                        let mut next = mapping.clone();
                        set(&mut next, (!value.is_empty()).then_some(value));
                        dispatch.emit(CorpusAction::Map { file: n, mapping: next }.into());
                    })
                };
                html! {
                    <label class="ct-intake__target">
                        <span>{ name }</span>
                        <select aria-label={format!("{name} field")} onchange={on_change}>
                            if name != "Text" { <option value="" selected={current.is_empty()}>{ "—" }</option> }
                            { for preview.fields.iter().map(|f| html! {
                                <option value={f.clone()} selected={*f == current}>{ f }</option>
                            }) }
                        </select>
                    </label>
                }
            }) }
        </div>
    }
}

/// The first records, one column per field, the text column first and marked.
fn sample_table(preview: &Preview, mapping: &Mapping) -> Html {
    let mut fields: Vec<&String> = preview.fields.iter().collect();
    fields.sort_by_key(|f| **f != mapping.text);
    let marked = |f: &String| (*f == mapping.text).then_some("ct-intake__text");
    html! {
        <div class="ct-intake__sample">
            <table aria-label="First records">
                <thead><tr>
                    { for fields.iter().map(|f| html! { <th scope="col" class={classes!(marked(f))}>{ f }</th> }) }
                </tr></thead>
                <tbody>
                    { for preview.sample.iter().map(|record| html! {
                        <tr>
                            { for fields.iter().map(|f| {
                                let value = record.iter().find(|(k, _)| k == *f).map(|(_, v)| v.clone()).unwrap_or_default();
                                html! { <td class={classes!(marked(f))}>{ value }</td> }
                            }) }
                        </tr>
                    }) }
                </tbody>
            </table>
        </div>
    }
}
