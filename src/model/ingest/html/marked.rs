//! The container a page marks as its article body by class, id or `itemprop`
//! (`entry-content`, `article-body`, `itemprop="articleBody"`, …): content management systems
//! name it so, and trafilatura tries these names before anything else. The scorer's choice is
//! replaced by it when the two are apart and the marked one holds more text, or when the choice
//! is a small part of it ([`prefer_marked`]).

use crate::model::ingest::html::readability::{is_skipped, Filter};
use crate::model::ingest::html::HtmlElement;

/// Class or id fragments (compared in lower case) that mark an article's body.
const MARKS: [&str; 21] = [
    "entry-content",
    "article-content",
    "art-content",
    "text-content",
    "article__content",
    "articlecontent",
    "article-body",
    "article__body",
    "articlebody",
    "body-text",
    "post-text",
    "post_text",
    "post-body",
    "post-entry",
    "postentry",
    "post-content",
    "post_content",
    "postcontent",
    "post_inner_wrapper",
    "article-text",
    "articletext",
];

/// Whole class values that mark it.
const WHOLE_CLASSES: [&str; 2] = ["post", "entry"];

/// Characters of text below which a marked container is not taken (an empty shell, a teaser).
pub const MARKED_AT_LEAST: usize = 250;

/// The first marked container under `element` in document order that holds at least
/// [`MARKED_AT_LEAST`] characters, outside hidden elements, media and chrome by role — but
/// under a furniture-like class or id too (a theme's `above-footer` wrapper): the mark says more.
pub fn marked_body(element: &HtmlElement) -> Option<&HtmlElement> {
    for child in element.elements() {
        if is_skipped(child, Filter::Lenient) {
            continue;
        }
        if is_marked(child) && child.text().chars().count() >= MARKED_AT_LEAST {
            return Some(child);
        }
        if let Some(found) = marked_body(child) {
            return Some(found);
        }
    }
    None
}

/// An `article`, `div`, `main` or `section` whose class, id or `itemprop` marks the body.
fn is_marked(element: &HtmlElement) -> bool {
    if !matches!(
        element.name.as_str(),
        "article" | "div" | "main" | "section"
    ) {
        return false;
    }
    if element.attr("itemprop") == Some("articleBody") {
        return true;
    }
    let class = element.attr("class").unwrap_or_default().trim();
    if WHOLE_CLASSES.contains(&class) {
        return true;
    }
    let words = format!("{class} {}", element.attr("id").unwrap_or_default()).to_lowercase();
    MARKS.iter().any(|m| words.contains(m))
}

/// Whether the `marked` container replaces the scorer's `chosen` ones: when it is neither
/// inside nor around them (scoring went to a disclosure box, a comment or a teaser) and holds
/// more text than they do; or when they lie inside it and hold less than [`INSIDE_SHARE`] of
/// its text (scoring took one part of the body). Around them, the scorer's finer choice stands.
pub fn prefer_marked(chosen: &[&HtmlElement], marked: &HtmlElement) -> bool {
    let within = |outer: &HtmlElement, inner: &HtmlElement| {
        std::ptr::eq(outer, inner) || outer.descendants().iter().any(|d| std::ptr::eq(*d, inner))
    };
    let chosen_chars = chosen
        .iter()
        .map(|c| c.text().chars().count())
        .sum::<usize>() as f64;
    let marked_chars = marked.text().chars().count() as f64;
    let apart = chosen
        .iter()
        .all(|c| !within(c, marked) && !within(marked, c));
    let inside = chosen
        .iter()
        .all(|c| within(marked, c) && !std::ptr::eq(marked, *c));
    (apart && marked_chars > chosen_chars) || (inside && chosen_chars < INSIDE_SHARE * marked_chars)
}

/// The share of the marked body's text below which a choice inside it gives way to it.
const INSIDE_SHARE: f64 = 0.8;
