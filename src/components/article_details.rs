//! The article's details: editable title, date, byline and source, the original input, and the
//! lines the clean-up set aside, each of which can be put back.

use std::rc::Rc;

use web_sys::HtmlInputElement;
use yew::prelude::*;
use yew::virtual_dom::VText;

use crate::model::ingest::date::parse_date_line;
use crate::model::{Article, Metadata};
use crate::state::{Action, DocumentAction};

/// Props of [`ArticleDetails`].
#[derive(Properties, PartialEq)]
pub struct ArticleDetailsProps {
    /// The article.
    pub article: Rc<Article>,
    /// Where edits go (a stable callback, so the panel re-renders only when the article changes).
    pub dispatch: Callback<Action>,
}

/// A `<details>` disclosure under the headline.
#[component]
pub fn ArticleDetails(props: &ArticleDetailsProps) -> Html {
    let meta = &props.article.meta;
    let field = |label: &'static str, value: Option<String>, set: fn(&mut Metadata, String)| {
        let dispatch = props.dispatch.clone();
        let current = meta.clone();
        let oninput = Callback::from(move |e: InputEvent| {
            if let Some(input) = e.target_dyn_into::<HtmlInputElement>() {
                let mut next = current.clone();
                set(&mut next, input.value());
                dispatch.emit(DocumentAction::SetMeta(next).into());
            }
        });
        html! {
            <label class="ct-field">
                <span>{ label }</span>
                <input type="text" value={value.unwrap_or_default()} oninput={oninput} />
            </label>
        }
    };
    let set_aside = &props.article.set_aside;
    html! {
        <details class="ct-details">
            <summary>{ "Details, original and set-aside lines" }</summary>
            <div class="ct-details__grid">
                { field("Title", Some(meta.title.clone()), |m, v| m.title = v) }
                { field("Published", meta.published.clone().or_else(|| meta.published_raw.clone()), |m, v| {
                    m.published = parse_date_line(&v);
                    m.published_raw = non_blank(v);
                }) }
                { field("Byline", meta.byline.clone(), |m, v| m.byline = non_blank(v)) }
                { field("Source", meta.source.clone(), |m, v| m.source = non_blank(v)) }
            </div>
            if !props.article.normalization.is_empty() {
                <p class="ct-details__note">{ format!("Clean-up applied: {}.", props.article.normalization.join(", ")) }</p>
            }
            if !set_aside.is_empty() {
                <h3 class="ct-details__title">{ format!("Set aside ({})", set_aside.len()) }</h3>
                <ul class="ct-details__aside" aria-label="Set-aside lines">
                    { for set_aside.iter().enumerate().map(|(i, line)| {
                        let dispatch = props.dispatch.clone();
                        html! {
                            <li>
                                <span class="ct-details__reason">{ &line.reason }</span>
                                <span class="ct-details__line">{ &line.text }</span>
                                <button class="ct-button ct-button--small" onclick={Callback::from(move |_| dispatch.emit(DocumentAction::Restore(i).into()))}>
                                    { "Restore" }
                                </button>
                            </li>
                        }
                    }) }
                </ul>
            }
            if !props.article.original.is_empty() {
                <details class="ct-details__original">
                    <summary>{ "Show original" }</summary>
                    // The original is shared, not copied, into the page.
                    <pre>{ VText::new(AttrValue::from(props.article.original.clone())) }</pre>
                </details>
            }
        </details>
    }
}

/// `None` for a blank field.
fn non_blank(value: String) -> Option<String> {
    (!value.trim().is_empty()).then_some(value)
}
