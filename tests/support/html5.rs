//! html5ever into claimtag's HTML tree, as the browser's DOMParser feeds it in the app (with the
//! same depth cap as `services::html_dom`): shared by the extraction benchmark and the fuzz
//! tests, which run natively where there is no DOMParser.

use claimtag::model::ingest::html::{HtmlElement, HtmlNode};
use html5ever::tendril::TendrilSink;
use markup5ever_rcdom::{Handle, NodeData, RcDom};

/// Nesting below which elements are flattened to their text, as in the app.
const MAX_DEPTH: usize = 200;

/// Parses `html` into a tree rooted at a `#document` element, with scripting disabled as in a
/// `DOMParser` document: `<noscript>` content is parsed as markup, not kept as raw text.
pub fn parse(html: &str) -> HtmlElement {
    let opts = html5ever::ParseOpts {
        tree_builder: html5ever::tree_builder::TreeBuilderOpts {
            scripting_enabled: false,
            ..Default::default()
        },
        ..Default::default()
    };
    let dom = html5ever::parse_document(RcDom::default(), opts).one(html);
    HtmlElement {
        name: "#document".into(),
        attrs: vec![],
        children: convert_children(&dom.document, 0),
    }
}

fn convert_children(handle: &Handle, depth: usize) -> Vec<HtmlNode> {
    handle
        .children
        .borrow()
        .iter()
        .filter_map(|child| convert(child, depth + 1))
        .collect()
}

fn text_of(handle: &Handle, out: &mut String) {
    for child in handle.children.borrow().iter() {
        if let NodeData::Text { contents } = &child.data {
            out.push_str(&contents.borrow());
        }
        text_of(child, out);
    }
}

fn convert(handle: &Handle, depth: usize) -> Option<HtmlNode> {
    match &handle.data {
        NodeData::Text { contents } => Some(HtmlNode::Text(contents.borrow().to_string())),
        NodeData::Element { name, attrs, .. } => {
            let children = if depth >= MAX_DEPTH {
                let mut text = String::new();
                text_of(handle, &mut text);
                vec![HtmlNode::Text(text)]
            } else {
                convert_children(handle, depth)
            };
            Some(HtmlNode::Element(HtmlElement {
                name: name.local.to_string(),
                attrs: attrs
                    .borrow()
                    .iter()
                    .map(|a| (a.name.local.to_string(), a.value.to_string()))
                    .collect(),
                children,
            }))
        }
        _ => None,
    }
}
