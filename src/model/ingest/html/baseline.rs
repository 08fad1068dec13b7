//! The fallback when the scorer finds little: every paragraph of the page that is not page
//! furniture, in order (what trafilatura calls its baseline).

use crate::model::ingest::html::readability::{is_skipped_strict, link_density};
use crate::model::ingest::html::{Block, HtmlElement};
use crate::model::ParagraphKind;

/// Every `<p>` and `<blockquote>` under `body`, outside furniture, that is not mostly links.
pub fn paragraphs(body: &HtmlElement) -> Vec<Block> {
    let mut out = Vec::new();
    collect(body, &mut out);
    out
}

fn collect(element: &HtmlElement, out: &mut Vec<Block>) {
    for child in element.elements() {
        if is_skipped_strict(child) {
            continue;
        }
        if matches!(child.name.as_str(), "p" | "blockquote" | "pre") {
            let text = child.text();
            if !text.is_empty() && link_density(child) <= 0.5 {
                out.push(Block {
                    text,
                    kind: ParagraphKind::Body,
                });
            }
        } else {
            collect(child, out);
        }
    }
}
