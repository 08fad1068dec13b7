//! The Agreement view: choose the documents (the open one, those the library shows, or all),
//! read their layers, and show every figure — tables, a heat map of pairwise agreement and the
//! documents with the lowest agreement (click one to open it) — with the report exported as
//! JSON or CSV.

use std::rc::Rc;

use yew::prelude::*;

use crate::components::agreement_charts::{
    all_annotators_table, confusion_tables, document_chart, heat_map, pairs_table,
};
use crate::components::modal::Modal;
use crate::model::agreement::table::{report_csv, report_json, Scope};
use crate::model::corpus::listing::thousands;
use crate::services::agreement::{compute, Computed};
use crate::services::{download, queue};
use crate::state::{Action, Corpus, Notice, ViewAction};

/// Which documents the figures are over.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Over {
    /// The open document.
    Open,
    /// The documents the library's filter shows.
    Shown,
    /// Every document not in the trash.
    All,
}

impl Over {
    fn words(self) -> &'static str {
        match self {
            Over::Open => "This document",
            Over::Shown => "Documents shown in the library",
            Over::All => "Whole library",
        }
    }

    fn kind(self) -> &'static str {
        match self {
            Over::Open => "document",
            Over::Shown => "selection",
            Over::All => "library",
        }
    }
}

/// Props of [`AgreementView`].
#[derive(Properties, PartialEq)]
pub struct AgreementViewProps {
    /// The corpus slice (for the documents shown).
    pub corpus: Corpus,
    /// The open document's id and title.
    pub open: (String, String),
    /// The user's annotator name (names their own layer).
    pub annotator: String,
    /// Where actions go.
    pub dispatch: Callback<Action>,
}

/// Where the computation is.
#[derive(Debug, Clone, PartialEq)]
enum Figures {
    Reading(usize, usize),
    Ready(Rc<Computed>),
    Failed(String),
}

/// A modal dialog named "Agreement".
#[component]
pub fn AgreementView(props: &AgreementViewProps) -> Html {
    let over = use_state(|| Over::Open);
    let figures = use_state(|| Figures::Reading(0, 0));
    let ids = |over: Over| -> Option<Vec<String>> {
        match over {
            Over::Open => Some(vec![props.open.0.clone()]),
            Over::Shown => Some(
                props
                    .corpus
                    .summaries
                    .as_ref()
                    .map(|rows| {
                        props
                            .corpus
                            .shown()
                            .into_iter()
                            .filter_map(|i| rows.get(i).map(|r| r.info.id.clone()))
                            .collect()
                    })
                    .unwrap_or_default(),
            ),
            Over::All => None,
        }
    };
    {
        let figures = figures.clone();
        let annotator = props.annotator.clone();
        let wanted = ids(*over);
        use_effect_with(*over, move |_| {
            figures.set(Figures::Reading(0, 0));
            wasm_bindgen_futures::spawn_local(async move {
                let progress = {
                    let figures = figures.clone();
                    move |done, total| figures.set(Figures::Reading(done, total))
                };
                figures.set(match compute(wanted, &annotator, progress).await {
                    Ok(computed) => Figures::Ready(Rc::new(computed)),
                    Err(error) => Figures::Failed(error),
                });
            });
        });
    }
    let on_open = {
        let dispatch = props.dispatch.clone();
        Callback::from(move |id: String| {
            let dispatch = dispatch.clone();
            wasm_bindgen_futures::spawn_local(async move {
                if queue::open_stored(&id, &dispatch).await {
                    dispatch.emit(ViewAction::ShowDialog(None).into());
                }
            });
        })
    };
    let scope = Scope {
        kind: over.kind().to_string(),
        description: match *over {
            Over::Open => format!("“{}”", props.open.1),
            other => other.words().to_string(),
        },
    };
    let export = |csv: bool| {
        let (figures, dispatch, scope) = (figures.clone(), props.dispatch.clone(), scope.clone());
        Callback::from(move |_: MouseEvent| {
            let Figures::Ready(computed) = &*figures else {
                return;
            };
            let (name, mime, text) = if csv {
                (
                    "claimtag-agreement.csv",
                    "text/csv",
                    report_csv(&computed.report),
                )
            } else {
                (
                    "claimtag-agreement.json",
                    "application/json",
                    report_json(&computed.report, &scope, &computed.documents),
                )
            };
            let notice = match download::download(name, mime, &text) {
                Ok(()) => Notice::info(format!("Agreement report saved as {name}.")),
                Err(error) => Notice::error(error.to_string()),
            };
            dispatch.emit(ViewAction::Notify(notice).into());
        })
    };
    let body = match &*figures {
        Figures::Reading(done, total) => html! {
            <div class="ct-job" role="status">
                <p class="ct-job__title">{ "Computing agreement…" }</p>
                <progress class="ct-job__bar" max={total.max(&1).to_string()} value={done.to_string()}
                    aria-label="Computing agreement"></progress>
                if *total > 0 {
                    <p class="ct-job__counts">{ format!("{} of {} documents", thousands(*done), thousands(*total)) }</p>
                }
            </div>
        },
        Figures::Failed(error) => html! {
            <p class="ct-notice ct-notice--error" role="alert">{ format!("The library could not be read: {error}") }</p>
        },
        Figures::Ready(computed) => figures_html(computed, &on_open),
    };
    let ready = matches!(&*figures, Figures::Ready(_));
    html! {
        <Modal title="Agreement" title_id="ct-agreement-title" wide={true}
            on_close={props.dispatch.reform(|()| ViewAction::ShowDialog(None).into())}>
            <fieldset class="ct-agreement__scope">
                <legend>{ "Documents" }</legend>
                { for [Over::Open, Over::Shown, Over::All].into_iter().map(|choice| {
                    let over = over.clone();
                    html! {
                        <label class="ct-radio">
                            <input type="radio" name="ct-agreement-scope" checked={*over == choice}
                                onchange={Callback::from(move |_| over.set(choice))} />
                            { choice.words() }
                        </label>
                    }
                }) }
            </fieldset>
            { body }
            <div class="ct-editor__row">
                <button class="ct-button" disabled={!ready} onclick={export(false)}>{ "Export report (JSON)" }</button>
                <button class="ct-button" disabled={!ready} onclick={export(true)}>{ "Export report (CSV)" }</button>
            </div>
        </Modal>
    }
}

/// Everything computed, or why there is nothing to compare.
fn figures_html(computed: &Computed, on_open: &Callback<String>) -> Html {
    let report = &computed.report;
    let summary = format!(
        "{} annotator{} ({}) · {} document{} · {} annotated by all",
        report.annotators.len(),
        if report.annotators.len() == 1 {
            ""
        } else {
            "s"
        },
        report.annotators.join(", "),
        thousands(report.documents),
        if report.documents == 1 { "" } else { "s" },
        thousands(report.complete_documents),
    );
    if report.annotators.len() < 2 {
        return html! {
            <>
                <p class="ct-agreement__summary">{ summary }</p>
                <p class="ct-sidebar__empty">{ "Agreement needs two or more annotators' layers of the same documents. Bring in other annotators' files with Library → Add annotators' files." }</p>
            </>
        };
    }
    html! {
        <div class="ct-agreement">
            <p class="ct-agreement__summary">{ summary }</p>
            { all_annotators_table(report) }
            { pairs_table(report) }
            { heat_map(report) }
            { document_chart(&computed.documents, on_open) }
            { confusion_tables(report) }
        </div>
    }
}
