//! The corpus view's export: the whole corpus or the documents shown, in any corpus format
//! (native JSONL, doccano, Label Studio, spaCy, brat, CSV, W3C, a dataset package with
//! train/validation/test splits), written in steps with a progress bar and Cancel. **Export
//! all** is the one-click native JSONL of every document.

use std::rc::Rc;

use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

use crate::components::job_progress::JobProgress;
use crate::model::corpus::export::{CorpusFormat, Splits};
use crate::model::corpus::listing::thousands;
use crate::model::layer_choice::LayerChoice;
use crate::services::export::{run, ExportRequest};
use crate::services::jobs;
use crate::state::{count_of, Action, CorpusAction, Job, JobKind};

/// Props of [`ExportPanel`].
#[derive(Properties, PartialEq)]
pub struct ExportPanelProps {
    /// The export running or ended.
    pub job: Option<Job>,
    /// Every document not in the trash, in the order added.
    pub all: Rc<Vec<String>>,
    /// The documents the list shows, in its order.
    pub shown: Rc<Vec<String>>,
    /// Whether the list is filtered (then "the documents shown" is offered).
    pub narrowed: bool,
    /// Other annotators named in the library's layers, sorted.
    #[prop_or_default]
    pub layers: Rc<Vec<String>>,
    /// The user's annotator name.
    #[prop_or_default]
    pub annotator: String,
    /// Where actions go.
    pub dispatch: Callback<Action>,
}

/// The export controls, or the running export's progress.
#[component]
pub fn ExportPanel(props: &ExportPanelProps) -> Html {
    let format = use_state(|| CorpusFormat::Package);
    let layer = use_state(|| LayerChoice::Mine);
    let only_shown = use_state(|| false);
    let name = use_state(|| "claimtag-corpus".to_string());
    let shares = use_state(|| (80u8, 10u8, 10u8));
    let problem = use_state(|| None::<String>);
    let dispatch = props.dispatch.clone();
    if let Some(job) = &props.job {
        let on_cancel = {
            let dispatch = dispatch.clone();
            Callback::from(move |()| {
                jobs::cancel(JobKind::Export);
                dispatch.emit(CorpusAction::CancelJob(JobKind::Export).into());
            })
        };
        let on_dismiss = dispatch.reform(|()| CorpusAction::DismissJob(JobKind::Export).into());
        return html! {
            <section class="ct-corpus__export" aria-label="Export">
                <JobProgress job={job.clone()} unit="documents" on_cancel={on_cancel} on_dismiss={on_dismiss} />
            </section>
        };
    }
    let start = {
        let (dispatch, problem) = (dispatch.clone(), problem.clone());
        move |request: ExportRequest| {
            if request.ids.is_empty() {
                problem.set(Some("There are no documents to export.".to_string()));
                return;
            }
            problem.set(None);
            wasm_bindgen_futures::spawn_local(run(request, dispatch.clone()));
        }
    };
    let on_export = {
        let (layer, annotator) = (layer.clone(), props.annotator.clone());
        let (format, only_shown, name, shares) = (
            format.clone(),
            only_shown.clone(),
            name.clone(),
            shares.clone(),
        );
        let (all, shown, problem, start) = (
            props.all.clone(),
            props.shown.clone(),
            problem.clone(),
            start.clone(),
        );
        Callback::from(move |_: MouseEvent| {
            let (train, validation, test) = *shares;
            let splits = match Splits::new(train, validation, test) {
                Ok(splits) => splits,
                Err(reason) => {
                    problem.set(Some(reason));
                    return;
                }
            };
            start(ExportRequest {
                format: *format,
                splits,
                ids: if *only_shown {
                    (*shown).clone()
                } else {
                    (*all).clone()
                },
                name: (*name).clone(),
                layer: (*layer).clone(),
                annotator: annotator.clone(),
            });
        })
    };
    let on_export_all = {
        let (all, start) = (props.all.clone(), start.clone());
        let annotator = props.annotator.clone();
        Callback::from(move |_: MouseEvent| {
            start(ExportRequest {
                format: CorpusFormat::Native,
                splits: Splits::default(),
                ids: (*all).clone(),
                name: "claimtag-library".to_string(),
                layer: LayerChoice::Mine,
                annotator: annotator.clone(),
            })
        })
    };
    let choices: Vec<LayerChoice> = [LayerChoice::Mine, LayerChoice::Gold, LayerChoice::All]
        .into_iter()
        .chain(props.layers.iter().cloned().map(LayerChoice::Annotator))
        .collect();
    let on_layer = {
        let (layer, choices) = (layer.clone(), choices.clone());
        Callback::from(move |e: Event| {
            if let Some(select) = e.target_dyn_into::<HtmlSelectElement>() {
                if let Some(c) = select
                    .value()
                    .parse::<usize>()
                    .ok()
                    .and_then(|i| choices.get(i))
                {
                    layer.set(c.clone());
                }
            }
        })
    };
    let on_format = {
        let format = format.clone();
        Callback::from(move |e: Event| {
            if let Some(select) = e.target_dyn_into::<HtmlSelectElement>() {
                if let Some(f) = CorpusFormat::ALL
                    .into_iter()
                    .find(|f| f.name() == select.value())
                {
                    format.set(f);
                }
            }
        })
    };
    let on_scope = {
        let only_shown = only_shown.clone();
        Callback::from(move |e: Event| {
            if let Some(select) = e.target_dyn_into::<HtmlSelectElement>() {
                only_shown.set(select.value() == "shown");
            }
        })
    };
    let on_name = {
        let name = name.clone();
        Callback::from(move |e: InputEvent| {
            if let Some(input) = e.target_dyn_into::<HtmlInputElement>() {
                name.set(input.value());
            }
        })
    };
    let share_input = |label: &'static str, which: usize| {
        let shares = shares.clone();
        let value = [shares.0, shares.1, shares.2][which];
        let on_input = Callback::from(move |e: InputEvent| {
            if let Some(input) = e.target_dyn_into::<HtmlInputElement>() {
                let n = input.value().trim().parse::<u8>().unwrap_or(0).min(100);
                let mut next = [shares.0, shares.1, shares.2];
                next[which] = n;
                shares.set((next[0], next[1], next[2]));
            }
        });
        html! {
            <label class="ct-corpus__share">
                <span>{ label }</span>
                <input type="number" min="0" max="100" value={value.to_string()} oninput={on_input} aria-label={format!("{label} percent")} />
                { "%" }
            </label>
        }
    };
    let (all, shown) = (props.all.len(), props.shown.len());
    html! {
        <section class="ct-corpus__export" aria-label="Export">
            <h3 class="ct-details__title">{ "Export the dataset" }</h3>
            <div class="ct-corpus__export-row">
                <label class="ct-corpus__sort">
                    <span>{ "Format" }</span>
                    <select aria-label="Export format" onchange={on_format}>
                        { for CorpusFormat::ALL.into_iter().map(|f| html! { <option value={f.name()} selected={f == *format}>{ f.name() }</option> }) }
                    </select>
                </label>
                if !props.layers.is_empty() {
                    <select aria-label="Layer to export" onchange={on_layer}>
                        { for choices.iter().enumerate().map(|(i, c)| html! {
                            <option value={i.to_string()} selected={*c == *layer}>{ c.name() }</option>
                        }) }
                    </select>
                }
                <select aria-label="Documents to export" onchange={on_scope}>
                    <option value="all" selected={!*only_shown}>{ format!("All {}", count_of(all, "document")) }</option>
                    if props.narrowed {
                        <option value="shown" selected={*only_shown}>{ format!("The {} shown", thousands(shown)) }</option>
                    }
                </select>
                <label class="ct-corpus__sort">
                    <span>{ "Name" }</span>
                    <input type="text" value={(*name).clone()} oninput={on_name} aria-label="Dataset name" />
                </label>
            </div>
            if *format == CorpusFormat::Package {
                <div class="ct-corpus__export-row" role="group" aria-label="Splits">
                    { share_input("Train", 0) }
                    { share_input("Validation", 1) }
                    { share_input("Test", 2) }
                    <span class="ct-load__hint">{ "Each document's split follows from its id, so exporting again never reshuffles." }</span>
                </div>
            }
            if let Some(problem) = &*problem {
                <p class="ct-notice ct-notice--error" role="alert">{ problem }</p>
            }
            <div class="ct-corpus__export-row">
                <button class="ct-button ct-button--primary" onclick={on_export}>{ "Export" }</button>
                <button class="ct-button" onclick={on_export_all} title="Every document as claimtag JSONL, one per line">{ "Export all" }</button>
            </div>
        </section>
    }
}
