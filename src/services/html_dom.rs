//! Parsing HTML with the browser's `DOMParser` into the model's [`HtmlElement`] tree.
//!
//! A document made by `DOMParser` has no browsing context: its scripts never run and its images,
//! frames and styles are never loaded.

use wasm_bindgen::JsCast;
use web_sys::{DomParser, Element, Node, SupportedType};

use crate::model::ingest::html::{HtmlElement, HtmlNode};

/// Nesting below which elements are flattened to their text (keeps hostile pages from
/// exhausting the stack).
const MAX_DEPTH: usize = 200;

/// Parses `html` into a tree rooted at a `#document` element.
pub fn parse_html(html: &str) -> Result<HtmlElement, String> {
    let parser =
        DomParser::new().map_err(|_| "The browser could not create an HTML parser.".to_string())?;
    let document = parser
        .parse_from_string(html, SupportedType::TextHtml)
        .map_err(|_| "The browser could not parse this HTML.".to_string())?;
    let children = document
        .document_element()
        .map(|root| vec![convert_element(&root, 0)])
        .unwrap_or_default();
    Ok(HtmlElement {
        name: "#document".to_string(),
        attrs: Vec::new(),
        children,
    })
}

fn convert_element(element: &Element, depth: usize) -> HtmlNode {
    let attrs = element
        .get_attribute_names()
        .iter()
        .filter_map(|name| {
            let name = name.as_string()?;
            let value = element.get_attribute(&name)?;
            Some((name.to_lowercase(), value))
        })
        .collect();
    let children = if depth >= MAX_DEPTH {
        element
            .text_content()
            .map(HtmlNode::Text)
            .into_iter()
            .collect()
    } else {
        let nodes = element.child_nodes();
        (0..nodes.length())
            .filter_map(|i| nodes.item(i))
            .filter_map(|node| convert_node(&node, depth + 1))
            .collect()
    };
    HtmlNode::Element(HtmlElement {
        name: element.local_name().to_lowercase(),
        attrs,
        children,
    })
}

fn convert_node(node: &Node, depth: usize) -> Option<HtmlNode> {
    match node.node_type() {
        Node::ELEMENT_NODE => node.dyn_ref::<Element>().map(|e| convert_element(e, depth)),
        Node::TEXT_NODE | Node::CDATA_SECTION_NODE => node.text_content().map(HtmlNode::Text),
        _ => None,
    }
}
