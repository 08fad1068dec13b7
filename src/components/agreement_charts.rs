//! The Agreement view's tables and pictures: the all-annotator coefficients, the pairwise
//! figures per label, a heat map of pairwise agreement (SVG), the documents with the lowest
//! agreement as bars (SVG, each a button that opens its document) and the label confusion per
//! pair. Colours come from the theme's tokens, so both themes read.

use std::rc::Rc;

use web_sys::HtmlSelectElement;
use yew::prelude::*;

use crate::model::agreement::confusion::NONE;
use crate::model::agreement::report::{AgreementReport, Coefficient};
use crate::model::agreement::spans::SpanCounts;
use crate::model::agreement::table::{pairwise, DocScore, PairMeasure};
use crate::model::agreement::ByLabel;
use crate::model::Label;

/// Documents shown in the lowest-agreement chart.
const LOWEST: usize = 20;

/// A figure as shown: three decimals, or a dash when undefined.
fn shown(value: Option<f64>) -> String {
    value.map_or("—".to_string(), |v| format!("{v:.3}"))
}

/// The header row: the measure, then overall and each label.
fn header(first: &str) -> Html {
    html! {
        <thead>
            <tr>
                <th scope="col">{ first }</th>
                <th scope="col">{ "Overall" }</th>
                { for Label::ALL.iter().map(|l| html! { <th scope="col">{ l.name() }</th> }) }
            </tr>
        </thead>
    }
}

/// One row of a figure per label: its name, overall first, then each label, each cell drawn by
/// `cell`.
fn figure_row<T>(name: &str, figures: &ByLabel<T>, cell: impl Fn(&T) -> Html) -> Html {
    html! {
        <tr>
            <th scope="row">{ name }</th>
            { cell(&figures.overall) }
            { for figures.labels.iter().map(&cell) }
        </tr>
    }
}

/// One row of coefficients, with n in each cell's tooltip.
fn coefficient_row(name: &str, figures: &ByLabel<Coefficient>) -> Html {
    figure_row(name, figures, |c| {
        html! { <td title={format!("n = {}", c.n)}>{ shown(c.value) }</td> }
    })
}

/// One row of span F1, with the counts in each cell's tooltip.
fn span_row(name: &str, figures: &ByLabel<SpanCounts>) -> Html {
    figure_row(name, figures, |c| {
        html! {
            <td title={format!("P {} · R {} · {} matched of {} and {}", shown(c.precision()), shown(c.recall()), c.matched, c.a_spans, c.b_spans)}>
                { shown(c.f1()) }
            </td>
        }
    })
}

/// Fleiss' κ, Krippendorff's α and α_u over all annotators.
pub fn all_annotators_table(report: &AgreementReport) -> Html {
    html! {
        <table class="ct-table ct-agreement__table">
            <caption>{ "All annotators (code-point coding; α_u on the spans)" }</caption>
            { header("Measure") }
            <tbody>
                { coefficient_row("Fleiss' κ", &report.fleiss_kappa) }
                { coefficient_row("Krippendorff's α (nominal)", &report.krippendorff_alpha) }
                { coefficient_row("Krippendorff's α_u (unitizing)", &report.alpha_u) }
            </tbody>
        </table>
    }
}

/// Span F1 (exact and overlap), Cohen's κ and speaker agreement for every pair.
pub fn pairs_table(report: &AgreementReport) -> Html {
    html! {
        <table class="ct-table ct-agreement__table">
            <caption>{ "Pairs of annotators (A against B; overlap = optimal one-to-one matching, IoU ≥ 0.5)" }</caption>
            { header("Pair and measure") }
            <tbody>
                { for report.pairs.iter().map(|pair| {
                    let who = format!("{} – {}", pair.a, pair.b);
                    let speakers = &pair.speakers;
                    html! {
                        <>
                            <tr class="ct-agreement__pair">
                                <th scope="rowgroup" colspan="5">{ format!("{who} ({} documents)", pair.documents) }</th>
                            </tr>
                            { span_row("Span F1, exact", &pair.spans.exact) }
                            { span_row("Span F1, overlap", &pair.spans.overlap) }
                            { coefficient_row("Cohen's κ", &pair.cohen_kappa) }
                            <tr>
                                <th scope="row">{ "Same speaker" }</th>
                                <td title={format!("n = {}", speakers.total().n())}>{ shown(speakers.total().share()) }</td>
                                <td>{ "—" }</td>
                                <td title={format!("n = {}", speakers.allegation.n())}>{ shown(speakers.allegation.share()) }</td>
                                <td title={format!("n = {}", speakers.quote.n())}>{ shown(speakers.quote.share()) }</td>
                            </tr>
                        </>
                    }
                }) }
            </tbody>
        </table>
    }
}

/// Props of [`HeatMap`].
#[derive(Properties, PartialEq)]
pub struct HeatMapProps {
    /// The figures.
    pub report: Rc<AgreementReport>,
}

/// The heat map with its measure picker.
pub fn heat_map(report: &Rc<AgreementReport>) -> Html {
    html! { <HeatMap report={report.clone()} /> }
}

/// An annotator × annotator grid of pairwise agreement, darker where agreement is higher.
#[component]
pub fn HeatMap(props: &HeatMapProps) -> Html {
    let measure = use_state(|| PairMeasure::F1Overlap);
    let names = &props.report.annotators;
    let grid = pairwise(&props.report, *measure);
    let cell = 64;
    let margin = 110;
    let size = margin + cell * names.len();
    let on_change = {
        let measure = measure.clone();
        Callback::from(move |e: Event| {
            let value = e.target_unchecked_into::<HtmlSelectElement>().value();
            if let Some(m) = PairMeasure::ALL.into_iter().find(|m| m.measure() == value) {
                measure.set(m);
            }
        })
    };
    let label = format!(
        "Heat map of {} for every pair of annotators",
        measure.name()
    );
    html! {
        <figure class="ct-heat">
            <figcaption>
                <label>{ "Heat map: " }
                    <select onchange={on_change} aria-label="Heat map measure">
                        { for PairMeasure::ALL.into_iter().map(|m| html! {
                            <option value={m.measure()} selected={m == *measure}>{ m.name() }</option>
                        }) }
                    </select>
                </label>
            </figcaption>
            <svg class="ct-heat__svg" role="img" aria-label={label} width={size.to_string()} height={size.to_string()}
                viewBox={format!("0 0 {size} {size}")}>
                { for names.iter().enumerate().map(|(i, name)| html! {
                    <>
                        <text class="ct-heat__name" x={(margin - 8).to_string()} y={(margin + cell * i + cell / 2 + 4).to_string()} text-anchor="end">{ name }</text>
                        <text class="ct-heat__name" x={(margin + cell * i + cell / 2).to_string()} y={(margin - 10).to_string()} text-anchor="middle">{ name }</text>
                    </>
                }) }
                { for grid.iter().enumerate().flat_map(|(i, row)| {
                    let names = names.clone();
                    row.iter().enumerate().map(move |(j, value)| {
                        // Agreement below 0 shows as 0; the cell's tint grows with agreement.
                        let strength = value.map_or(0.0, |v| v.clamp(0.0, 1.0));
                        let style = format!("fill: color-mix(in srgb, var(--ct-primary) {:.0}%, var(--ct-surface))", strength * 45.0);
                        let x = margin + cell * j;
                        let y = margin + cell * i;
                        html! {
                            <g>
                                <title>{ format!("{} – {}: {}", names[i], names[j], shown(*value)) }</title>
                                <rect class="ct-heat__cell" x={x.to_string()} y={y.to_string()} width={cell.to_string()} height={cell.to_string()} style={style} />
                                <text class="ct-heat__value" x={(x + cell / 2).to_string()} y={(y + cell / 2 + 5).to_string()} text-anchor="middle">{ shown(*value) }</text>
                            </g>
                        }
                    }).collect::<Vec<_>>()
                }) }
            </svg>
        </figure>
    }
}

/// The documents with the lowest agreement as bars; each opens its document.
pub fn document_chart(documents: &[DocScore], on_open: &Callback<String>) -> Html {
    let scored: Vec<&DocScore> = documents
        .iter()
        .filter(|d| d.score.is_some())
        .take(LOWEST)
        .collect();
    if scored.is_empty() {
        return html! {};
    }
    html! {
        <section class="ct-docchart" aria-labelledby="ct-docchart-title">
            <h3 id="ct-docchart-title" class="ct-details__title">
                { format!("Lowest agreement ({} of {} documents; mean pairwise span F1, overlap)", scored.len(), documents.iter().filter(|d| d.score.is_some()).count()) }
            </h3>
            <ol class="ct-docchart__list">
                { for scored.into_iter().map(|d| {
                    let score = d.score.unwrap_or(0.0).clamp(0.0, 1.0);
                    let id = d.id.clone();
                    let on_open = on_open.clone();
                    html! {
                        <li>
                            <button class="ct-docchart__row" onclick={Callback::from(move |_| on_open.emit(id.clone()))}
                                title={format!("Open “{}”", d.title)}>
                                <span class="ct-docchart__title">{ &d.title }</span>
                                <svg class="ct-docchart__bar" width="200" height="14" viewBox="0 0 200 14" aria-hidden="true">
                                    <rect class="ct-docchart__track" x="0" y="2" width="200" height="10" rx="2" />
                                    <rect class="ct-docchart__fill" x="0" y="2" width={format!("{:.1}", score * 200.0)} height="10" rx="2" />
                                </svg>
                                <span class="ct-docchart__score">{ format!("{score:.3}") }</span>
                            </button>
                        </li>
                    }
                }) }
            </ol>
        </section>
    }
}

/// Which label one annotator gave where the other gave another, per pair.
pub fn confusion_tables(report: &AgreementReport) -> Html {
    let names: Vec<&str> = Label::ALL
        .iter()
        .map(|l| l.name())
        .chain(["(none)"])
        .collect();
    html! {
        <details class="ct-agreement__confusion">
            <summary>{ "Label confusion (spans matched whatever their label)" }</summary>
            { for report.pairs.iter().map(|pair| html! {
                <table class="ct-table">
                    <caption>{ format!("{} (rows) against {} (columns)", pair.a, pair.b) }</caption>
                    <thead><tr><th scope="col">{ "" }</th>{ for names.iter().map(|n| html! { <th scope="col">{ *n }</th> }) }</tr></thead>
                    <tbody>
                        { for (0..=NONE).map(|a| html! {
                            <tr>
                                <th scope="row">{ names[a] }</th>
                                { for (0..=NONE).map(|b| html! {
                                    <td>{ if a == NONE && b == NONE { "—".to_string() } else { pair.confusion.counts[a][b].to_string() } }</td>
                                }) }
                            </tr>
                        }) }
                    </tbody>
                </table>
            }) }
        </details>
    }
}
