//! Readability's conditional clean-up of the chosen container: inside it, a `div`, `section`,
//! list, table or form with few commas is left out when its shape says furniture: a hundred
//! list items more than paragraphs, many links for its class, a short linked line, or embeds.
//!
//! Readability's other rules (a furniture-like class, many images, form fields) were measured
//! on trafilatura's corpus and left out: they cost more article text than furniture.

use crate::model::ingest::html::readability::{class_weight, link_density};
use crate::model::ingest::html::HtmlElement;

/// Containers the clean-up looks at.
const CLEANED: [&str; 7] = ["div", "section", "ul", "ol", "table", "form", "fieldset"];

/// Whether `element`, inside the chosen container, is furniture to leave out.
pub fn is_clutter(element: &HtmlElement) -> bool {
    let name = element.name.as_str();
    if !CLEANED.contains(&name) {
        return false;
    }
    let text = element.text();
    let commas = text
        .chars()
        .filter(|c| matches!(c, ',' | '，' | '、' | '،'))
        .count();
    if commas >= 10 {
        return false;
    }
    let weight = class_weight(element);
    let descendants = element.descendants();
    let count = |tag: &str| descendants.iter().filter(|e| e.name == tag).count();
    let (p, img, li) = (count("p"), count("img"), count("li").saturating_sub(100));
    let embeds = count("iframe") + count("object") + count("embed");
    let is_list = matches!(name, "ul" | "ol");
    let length = text.chars().count();
    let density = link_density(element);
    let heading_chars: usize = descendants
        .iter()
        .filter(|e| matches!(e.name.as_str(), "h1" | "h2" | "h3" | "h4" | "h5" | "h6"))
        .map(|h| h.text().chars().count())
        .sum();
    let heading_density = heading_chars as f64 / length.max(1) as f64;
    let short_linked_line =
        heading_density < 0.9 && length < 25 && (img == 0 || img > 2) && density > 0.0;
    (!is_list && (li > p || short_linked_line || (weight < 25.0 && density > 0.2)))
        || (weight >= 25.0 && density > 0.5)
        || (embeds == 1 && length < 75)
        || embeds > 1
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::ingest::html::tests::{el, text};
    use crate::model::ingest::html::HtmlNode;

    fn element(node: HtmlNode) -> HtmlElement {
        match node {
            HtmlNode::Element(e) => e,
            HtmlNode::Text(_) => HtmlElement::default(),
        }
    }

    #[test]
    fn link_lists_and_menus_in_divs_are_clutter_paragraphs_are_not() {
        let links = element(el(
            "div",
            &[],
            vec![
                el("a", &[("href", "/a")], vec![text("Related story one")]),
                text(" and "),
                el("a", &[("href", "/b")], vec![text("related story two")]),
            ],
        ));
        assert!(is_clutter(&links));
        let menu = element(el(
            "div",
            &[],
            vec![el(
                "ul",
                &[],
                vec![
                    el(
                        "li",
                        &[],
                        vec![el("a", &[("href", "/")], vec![text("Home")])],
                    ),
                    el(
                        "li",
                        &[],
                        vec![el("a", &[("href", "/w")], vec![text("World")])],
                    ),
                ],
            )],
        ));
        assert!(is_clutter(&menu));
        let prose = element(el(
            "div",
            &[],
            vec![el(
                "p",
                &[],
                vec![
                    text("The harbour town voted on Sunday to keep its ferry, "),
                    el("a", &[("href", "/v")], vec![text("the council said")]),
                    text(", after a year of debate about the cost of the service."),
                ],
            )],
        ));
        assert!(!is_clutter(&prose));
        let list = element(el(
            "ul",
            &[],
            vec![
                el("li", &[], vec![text("Two eggs")]),
                el("li", &[], vec![text("Flour")]),
            ],
        ));
        assert!(!is_clutter(&list));
    }
}
