//! A long job's progress bar — count, rate, Cancel — and, once it has ended, its outcome: the
//! summary line and the lists of what was added, already there, or refused (with where and
//! why).

use yew::prelude::*;

use crate::model::corpus::listing::thousands;
use crate::state::{Job, Phase, Report};

/// Props of [`JobProgress`].
#[derive(Properties, PartialEq)]
pub struct JobProgressProps {
    /// The job.
    pub job: Job,
    /// What the units are called ("records", "documents").
    pub unit: AttrValue,
    /// Pressed Cancel.
    pub on_cancel: Callback<()>,
    /// Closed the outcome.
    pub on_dismiss: Callback<()>,
    /// Shown in a dialog whose own button cancels (while running) and closes (after): no
    /// Cancel or Done button of its own then.
    #[prop_or_default]
    pub framed: bool,
}

/// The progress of a job, then its outcome.
#[component]
pub fn JobProgress(props: &JobProgressProps) -> Html {
    let job = &props.job;
    let on_cancel = props.on_cancel.reform(|_: MouseEvent| ());
    let on_dismiss = props.on_dismiss.reform(|_: MouseEvent| ());
    let counts = format!(
        "{} of {} {}",
        thousands(job.done),
        thousands(job.total),
        props.unit
    );
    let rate = job.rate();
    match &job.phase {
        Phase::Running | Phase::Cancelling => {
            let cancelling = matches!(job.phase, Phase::Cancelling);
            html! {
                <div class="ct-job" role="group" aria-label={job.title.clone()}>
                    <p class="ct-job__title">{ &job.title }</p>
                    <progress class="ct-job__bar" max={job.total.max(1).to_string()} value={job.done.to_string()} aria-label="Progress" />
                    <p class="ct-job__counts" aria-live="polite">
                        { counts }
                        if rate > 0.0 { { format!(" · {} per second", thousands(rate.round() as usize)) } }
                    </p>
                    if cancelling {
                        <p class="ct-job__counts">{ "Cancelling…" }</p>
                    } else if !props.framed {
                        <button class="ct-button" onclick={on_cancel}>{ "Cancel" }</button>
                    }
                </div>
            }
        }
        Phase::Finished(report) => html! {
            <div class="ct-job ct-job--done" role="status">
                <p class="ct-job__title">{ &report.summary }</p>
                { outcome(report) }
                if !props.framed {
                    <button class="ct-button" onclick={on_dismiss.clone()}>{ "Done" }</button>
                }
            </div>
        },
        Phase::Cancelled(words) => html! {
            <div class="ct-job" role="status">
                <p class="ct-job__title">{ words }</p>
                if !props.framed {
                    <button class="ct-button" onclick={on_dismiss.clone()}>{ "Close" }</button>
                }
            </div>
        },
        Phase::Failed(words) => html! {
            <div class="ct-job" role="alert">
                <p class="ct-notice ct-notice--error">{ words }</p>
                if !props.framed {
                    <button class="ct-button" onclick={on_dismiss}>{ "Close" }</button>
                }
            </div>
        },
    }
}

/// The lists of a finished job; long ones folded.
fn outcome(report: &Report) -> Html {
    let list = |title: &str, rows: &[(String, String)], open: bool| {
        if rows.is_empty() {
            return html! {};
        }
        html! {
            <details class="ct-job__list" open={open}>
                <summary>{ format!("{title} ({})", thousands(rows.len())) }</summary>
                <ul aria-label={title.to_string()}>
                    { for rows.iter().take(500).map(|(a, b)| html! { <li><span class="ct-job__where">{ a }</span>{ " " }{ b }</li> }) }
                    if rows.len() > 500 { <li>{ format!("… and {} more", thousands(rows.len() - 500)) }</li> }
                </ul>
            </details>
        }
    };
    html! {
        <>
            { for report.remarks.iter().map(|r| html! { <p class="ct-load__hint">{ r }</p> }) }
            { list("Refused", &report.refused, true) }
            { list("Already in the library", &report.already, false) }
            { list("Added", &report.added, false) }
        </>
    }
}
