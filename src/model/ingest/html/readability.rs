//! Finding the main body of a page, in the manner of Mozilla's Readability: score the page's
//! containers ([`super::scorer`]), take the best with its related siblings (or the container
//! the page marks as its body, when scoring chose elsewhere: [`super::marked`]), and read its blocks
//! of text out in order, leaving clutter out ([`super::clean`]); with fallbacks when that finds
//! little ([`super::baseline`]).

use crate::model::ingest::html::baseline::paragraphs;
use crate::model::ingest::html::clean::is_clutter;
use crate::model::ingest::html::marked::{marked_body, prefer_marked};
use crate::model::ingest::html::scorer::{class_and_id, Scorer};
use crate::model::ingest::html::words::{BLOCKS, CHROME, MAYBE, SKIPPED, UNLIKELY};
use crate::model::ingest::html::{collapse_whitespace, Block, HtmlElement, HtmlNode};
use crate::model::ingest::same_words;
use crate::model::ParagraphKind;

/// The article body of `document` as blocks of text in reading order, without a heading that
/// repeats `title`.
///
/// Like Readability, it first leaves out elements whose class or id looks like furniture; when
/// that finds less than [`LENIENT_BELOW`] characters, it tries again without that filter (kept
/// if it finds [`LENIENT_MORE`] times as much), and
/// keeps text made of links rather than nothing. When all that finds less than
/// [`BASELINE_BELOW`] characters, the page's own paragraphs ([`paragraphs`]) are taken if they
/// hold [`BASELINE_MORE`] times as much and repeat the scored body's paragraphs (at least
/// [`BASELINE_KEEPS`] of their text; below [`LITTLE_TEXT`] characters, scoring found too little
/// to ask): the article runs on in containers the scorer did not join.
///
/// When all that finds less than [`LITTLE_TEXT`] characters and the page has `<noscript>`
/// content, it is read as ordinary markup (the page's text is only there for readers without
/// scripts, as on some blogs) and taken if that finds [`BASELINE_MORE`] times as much.
pub fn extract_body(document: &HtmlElement, title: &str) -> Vec<Block> {
    let chars = |blocks: &[Block]| blocks.iter().map(|b| b.text.chars().count()).sum::<usize>();
    let visible = visible_body(document, title);
    let found = chars(&visible);
    if found >= LITTLE_TEXT {
        return visible;
    }
    match unwrap_noscript(document) {
        Some(unwrapped) => {
            let more = visible_body(&unwrapped, title);
            if chars(&more) as f64 > BASELINE_MORE * found as f64 {
                more
            } else {
                visible
            }
        }
        None => visible,
    }
}

/// `element` with each `<noscript>` that holds markup replaced by its content; `None` when
/// there is no such `<noscript>`.
fn unwrap_noscript(element: &HtmlElement) -> Option<HtmlElement> {
    let mut changed = false;
    let mut children = Vec::with_capacity(element.children.len());
    for child in &element.children {
        match child {
            HtmlNode::Element(e) if e.name == "noscript" && e.elements().next().is_some() => {
                changed = true;
                children.extend(
                    unwrap_noscript(e).map_or_else(|| e.children.clone(), |inner| inner.children),
                );
            }
            HtmlNode::Element(e) => match unwrap_noscript(e) {
                Some(inner) => {
                    changed = true;
                    children.push(HtmlNode::Element(inner));
                }
                None => children.push(child.clone()),
            },
            HtmlNode::Text(_) => children.push(child.clone()),
        }
    }
    changed.then(|| HtmlElement {
        name: element.name.clone(),
        attrs: element.attrs.clone(),
        children,
    })
}

/// The body from what a page shows with scripts on: scored, or the page's paragraphs.
fn visible_body(document: &HtmlElement, title: &str) -> Vec<Block> {
    let scored = scored_body(document, title);
    let chars = |blocks: &[Block]| blocks.iter().map(|b| b.text.chars().count()).sum::<usize>();
    let found = chars(&scored);
    if found >= BASELINE_BELOW {
        return scored;
    }
    let body = document.find("body").unwrap_or(document);
    let baseline = paragraphs(body);
    if chars(&baseline) as f64 <= BASELINE_MORE * found as f64 {
        return scored;
    }
    let joined: String = baseline
        .iter()
        .map(|b| b.text.as_str())
        .collect::<Vec<_>>()
        .join("\n");
    let kept: usize = scored
        .iter()
        .filter(|b| b.kind == ParagraphKind::Body && joined.contains(b.text.as_str()))
        .map(|b| b.text.chars().count())
        .sum();
    if found < LITTLE_TEXT || kept as f64 >= BASELINE_KEEPS * found as f64 {
        baseline
    } else {
        scored
    }
}

/// Characters of body text below which the page's paragraphs may be taken instead.
const BASELINE_BELOW: usize = 4000;

/// How many times the scored body's characters the page's paragraphs must hold.
const BASELINE_MORE: f64 = 1.5;

/// The share of the scored body's characters the page's paragraphs must repeat.
const BASELINE_KEEPS: f64 = 0.7;

/// Characters of body text below which the page's paragraphs need not repeat it.
const LITTLE_TEXT: usize = 1000;

/// The body found by scoring: strict, then lenient, then everything.
fn scored_body(document: &HtmlElement, title: &str) -> Vec<Block> {
    let strict = extract_with(document, title, Filter::Strict);
    let found: usize = strict.iter().map(|b| b.text.chars().count()).sum();
    if found >= LENIENT_BELOW {
        return strict;
    }
    let lenient = extract_with(document, title, Filter::Lenient);
    let more: usize = lenient.iter().map(|b| b.text.chars().count()).sum();
    if more > LENIENT_MORE * found {
        lenient
    } else if found > 0 {
        strict
    } else {
        // A page whose only text is in links (or under a misplaced banner) still has it.
        extract_with(document, title, Filter::Everything)
    }
}

/// Characters of body text below which extraction retries without the class/id filter.
const LENIENT_BELOW: usize = 2000;

/// How many times the strict pass's text the retry must find to be taken: the article sat
/// under a furniture-like class and the strict pass found a box instead.
const LENIENT_MORE: usize = 3;

/// Whether elements are left out for furniture-like class or id words.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Filter {
    /// Leave them out.
    #[default]
    Strict,
    /// Keep them.
    Lenient,
    /// Keep them, and keep text that is mostly links: the last resort before "no article".
    Everything,
}

fn extract_with(document: &HtmlElement, title: &str, filter: Filter) -> Vec<Block> {
    let body = document.find("body").unwrap_or(document);
    let mut scorer = Scorer::new(filter);
    scorer.walk(body, &mut Vec::new());
    let mut chosen = scorer.chosen(body);
    if let Some(marked) = marked_body(body) {
        if prefer_marked(&chosen, marked) {
            chosen = vec![marked];
        }
    }
    let read = |captions: Captions| {
        let mut blocks = Vec::new();
        for element in &chosen {
            read_blocks(element, title, filter, captions, &mut blocks);
        }
        without_orphan_headings(blocks)
    };
    let chars = |blocks: &[Block]| blocks.iter().map(|b| b.text.chars().count()).sum::<usize>();
    let (prose, all) = (read(Captions::Out), read(Captions::In));
    if chars(&all) - chars(&prose) < chars(&prose) / CAPTION_SHARE {
        prose
    } else {
        all
    }
}

/// Whether image captions (`<figcaption>`) are read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Captions {
    /// Left out: an article's text is its prose.
    Out,
    /// Read: the page is mostly pictures (a front page, a gallery).
    In,
}

/// Captions are read when they add at least this fraction (1/n) of the prose's characters.
const CAPTION_SHARE: usize = 4;

/// Without headings that head nothing: followed by another heading or by the end (the heading
/// of a link list or teaser box that was left out); unchanged when there are only headings.
fn without_orphan_headings(blocks: Vec<Block>) -> Vec<Block> {
    if blocks.iter().all(|b| b.kind == ParagraphKind::Heading) {
        return blocks;
    }
    let heads_something: Vec<bool> = (0..blocks.len())
        .map(|i| {
            blocks[i].kind != ParagraphKind::Heading
                || blocks
                    .get(i + 1)
                    .is_some_and(|next| next.kind != ParagraphKind::Heading)
        })
        .collect();
    blocks
        .into_iter()
        .zip(heads_something)
        .filter_map(|(block, keep)| keep.then_some(block))
        .collect()
}

/// [`is_skipped`] in the strict pass.
pub(super) fn is_skipped_strict(element: &HtmlElement) -> bool {
    is_skipped(element, Filter::Strict)
}

/// Media, forms, chrome, hidden elements and furniture by class or id.
pub(super) fn is_skipped(element: &HtmlElement, filter: Filter) -> bool {
    if SKIPPED.contains(&element.name.as_str()) {
        return true;
    }
    if element.attr("hidden").is_some()
        || element.attr("aria-hidden") == Some("true")
        || element.attr("style").is_some_and(|s| {
            let style = s.replace(' ', "").to_ascii_lowercase();
            style.contains("display:none") || style.contains("visibility:hidden")
        })
        || matches!(
            element.attr("role"),
            Some("navigation" | "complementary" | "menu" | "menubar" | "dialog" | "alert")
        )
    {
        return true;
    }
    if filter != Filter::Strict
        || matches!(element.name.as_str(), "body" | "article" | "main" | "html")
    {
        return false;
    }
    if CHROME.contains(&element.name.as_str())
        || matches!(element.attr("role"), Some("banner" | "contentinfo"))
    {
        return true;
    }
    let words = class_and_id(element);
    UNLIKELY.iter().any(|w| words.contains(w)) && !MAYBE.iter().any(|w| words.contains(w))
}

pub(super) fn has_block_child(element: &HtmlElement) -> bool {
    element
        .descendants()
        .iter()
        .any(|e| BLOCKS.contains(&e.name.as_str()))
}

/// Two `<br>` in a row (whitespace between them aside): a paragraph break in a bare container.
fn has_double_break(element: &HtmlElement) -> bool {
    let mut last_was_br = false;
    for child in &element.children {
        match child {
            HtmlNode::Element(e) if e.name == "br" => {
                if last_was_br {
                    return true;
                }
                last_was_br = true;
            }
            HtmlNode::Text(t) if t.trim().is_empty() => {}
            _ => last_was_br = false,
        }
    }
    false
}

/// Share of the text that sits inside links.
pub(super) fn link_density(element: &HtmlElement) -> f64 {
    let total = element.text().chars().count();
    if total == 0 {
        return 0.0;
    }
    let linked: usize = element
        .descendants()
        .iter()
        .filter(|e| e.name == "a")
        .map(|a| a.text().chars().count())
        .sum();
    linked as f64 / total as f64
}

/// Appends the blocks of text under `element` in reading order.
fn read_blocks(
    element: &HtmlElement,
    title: &str,
    filter: Filter,
    captions: Captions,
    out: &mut Vec<Block>,
) {
    if is_skipped(element, filter) || (captions == Captions::Out && element.name == "figcaption") {
        return;
    }
    let name = element.name.as_str();
    if matches!(name, "h1" | "h2" | "h3" | "h4" | "h5" | "h6") {
        let text = element.text();
        if !text.is_empty() && !same_words(&text, title) {
            out.push(Block {
                text,
                kind: ParagraphKind::Heading,
            });
        }
        return;
    }
    if BLOCKS.contains(&name) && !has_block_child(element) && !has_double_break(element) {
        push_body(element.text(), link_density(element), filter, out);
        return;
    }
    let mut inline = InlineText::default();
    let mut last_was_br = false;
    for child in &element.children {
        match child {
            HtmlNode::Text(t) => {
                inline.text.push_str(t);
                last_was_br = false;
            }
            HtmlNode::Element(e) if e.name == "br" => {
                if last_was_br {
                    inline.flush(filter, out);
                } else {
                    inline.text.push(' ');
                }
                last_was_br = true;
            }
            HtmlNode::Element(e) if is_skipped(e, filter) => {}
            HtmlNode::Element(e) if filter != Filter::Everything && is_clutter(e) => {}
            HtmlNode::Element(e) if BLOCKS.contains(&e.name.as_str()) || has_block_child(e) => {
                inline.flush(filter, out);
                read_blocks(e, title, filter, captions, out);
                last_was_br = false;
            }
            HtmlNode::Element(e) => {
                let text = e.text();
                if e.name == "a" {
                    inline.linked += text.chars().count();
                }
                inline.text.push(' ');
                inline.text.push_str(&text);
                inline.text.push(' ');
                last_was_br = false;
            }
        }
    }
    inline.flush(filter, out);
}

/// Inline text gathered between blocks.
#[derive(Default)]
struct InlineText {
    text: String,
    linked: usize,
}

impl InlineText {
    fn flush(&mut self, filter: Filter, out: &mut Vec<Block>) {
        let text = collapse_whitespace(&std::mem::take(&mut self.text));
        let len = text.chars().count().max(1);
        push_body(text, self.linked as f64 / len as f64, filter, out);
        self.linked = 0;
    }
}

/// Keeps a body block unless it is empty or mostly links (over 70% of a short block: menus,
/// "read more" lists; kept with
/// [`Filter::Everything`]).
fn push_body(text: String, link_density: f64, filter: Filter, out: &mut Vec<Block>) {
    let links = filter != Filter::Everything && link_density > 0.7 && text.chars().count() < 300;
    if text.is_empty() || links {
        return;
    }
    out.push(Block {
        text,
        kind: ParagraphKind::Body,
    });
}

#[cfg(test)]
#[path = "readability_tests.rs"]
mod tests;
