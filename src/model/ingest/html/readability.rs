//! Finding the main body of a page, in the manner of Mozilla's Readability: score paragraphs,
//! credit their parents, pick the best-scoring container (penalised by link density), add
//! related siblings, and read its blocks of text out in order.

use std::collections::HashMap;

use crate::model::ingest::html::baseline::paragraphs;
use crate::model::ingest::html::clean::is_clutter;
use crate::model::ingest::html::{collapse_whitespace, Block, HtmlElement, HtmlNode};
use crate::model::ingest::same_words;
use crate::model::ParagraphKind;

/// Elements never read: code, media, form controls.
const SKIPPED: [&str; 21] = [
    "script", "style", "noscript", "template", "iframe", "object", "embed", "svg", "canvas",
    "math", "button", "input", "select", "textarea", "option", "img", "picture", "video", "audio",
    "head", "dialog",
];

/// Page chrome by tag, left out in the strict pass only (some pages put the article in an
/// `<aside>` or a `<header>` that never closes).
const CHROME: [&str; 4] = ["nav", "footer", "aside", "menu"];

/// Elements that start a new block of text.
const BLOCKS: [&str; 36] = [
    "address",
    "article",
    "blockquote",
    "dd",
    "details",
    "div",
    "dl",
    "dt",
    "figcaption",
    "figure",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hgroup",
    "hr",
    "li",
    "main",
    "ol",
    "p",
    "pre",
    "section",
    "table",
    "tbody",
    "thead",
    "tfoot",
    "tr",
    "td",
    "th",
    "ul",
    "center",
    "summary",
    "caption",
];

/// Class and id words of page furniture.
const UNLIKELY: [&str; 47] = [
    "comment",
    "sidebar",
    "footer",
    "nav",
    "menu",
    "share",
    "social",
    "related",
    "promo",
    "advert",
    "cookie",
    "subscribe",
    "newsletter",
    "popup",
    "modal",
    "banner",
    "breadcrumb",
    "masthead",
    "sponsor",
    "skip",
    "widget",
    "rss",
    "pager",
    "pagination",
    "combx",
    "disqus",
    "remark",
    "replies",
    "tweet",
    "outbrain",
    "taboola",
    "signup",
    "print",
    "-ad-",
    "ai2html",
    "community",
    "cover-wrap",
    "extra",
    "gdpr",
    "header",
    "legends",
    "shoutbox",
    "skyscraper",
    "supplemental",
    "ad-break",
    "agegate",
    "yom-remote",
];

/// Class and id words that rescue an element matching [`UNLIKELY`].
const MAYBE: [&str; 12] = [
    "article", "body", "content", "main", "post", "story", "entry", "text", "column", "and",
    "mathjax", "shadow",
];

/// Class and id words that raise a candidate's score.
const POSITIVE: [&str; 13] = [
    "article",
    "body",
    "content",
    "entry",
    "hentry",
    "main",
    "page",
    "post",
    "text",
    "story",
    "h-entry",
    "pagination",
    "blog",
];

/// Class and id words that lower it.
const NEGATIVE: [&str; 26] = [
    "hidden",
    "banner",
    "combx",
    "comment",
    "com-",
    "contact",
    "foot",
    "footer",
    "footnote",
    "masthead",
    "meta",
    "outbrain",
    "sidebar",
    "widget",
    "-ad-",
    "gdpr",
    "media",
    "promo",
    "related",
    "scroll",
    "share",
    "shoutbox",
    "skyscraper",
    "sponsor",
    "shopping",
    "tags",
];

/// The article body of `document` as blocks of text in reading order, without a heading that
/// repeats `title`.
///
/// Like Readability, it first leaves out elements whose class or id looks like furniture; when
/// that finds less than [`ENOUGH_TEXT`] characters, it tries again without that filter.
pub fn extract_body(document: &HtmlElement, title: &str) -> Vec<Block> {
    let scored = scored_body(document, title);
    let found: usize = scored.iter().map(|b| b.text.chars().count()).sum();
    if found >= BASELINE_BELOW {
        return scored;
    }
    let body = document.find("body").unwrap_or(document);
    let baseline = paragraphs(body);
    let more: usize = baseline.iter().map(|b| b.text.chars().count()).sum();
    if more > 2 * found {
        baseline
    } else {
        scored
    }
}

/// Characters of body text below which the page's paragraphs ([`paragraphs`]) are taken
/// instead, when they hold more than twice as much.
const BASELINE_BELOW: usize = 1000;

/// The body found by scoring: strict, then lenient, then everything.
fn scored_body(document: &HtmlElement, title: &str) -> Vec<Block> {
    let strict = extract_with(document, title, Filter::Strict);
    let found: usize = strict.iter().map(|b| b.text.chars().count()).sum();
    if found >= ENOUGH_TEXT {
        return strict;
    }
    let lenient = extract_with(document, title, Filter::Lenient);
    let more: usize = lenient.iter().map(|b| b.text.chars().count()).sum();
    if more > found {
        lenient
    } else if found > 0 {
        strict
    } else {
        // A page whose only text is in links (or under a misplaced banner) still has it.
        extract_with(document, title, Filter::Everything)
    }
}

/// Characters of body text below which extraction retries without the class/id filter.
const ENOUGH_TEXT: usize = 500;

/// Whether elements are left out for furniture-like class or id words.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
enum Filter {
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
    let mut scorer = Scorer {
        filter,
        ..Scorer::default()
    };
    scorer.walk(body, &mut Vec::new());
    let chosen = scorer.chosen(body);
    let mut blocks = Vec::new();
    for element in chosen {
        read_blocks(element, title, filter, &mut blocks);
    }
    blocks
}

type Key = *const HtmlElement;

#[derive(Default)]
struct Scorer<'a> {
    filter: Filter,
    scores: HashMap<Key, f64>,
    candidates: Vec<&'a HtmlElement>,
    parents: HashMap<Key, &'a HtmlElement>,
}

impl<'a> Scorer<'a> {
    /// Scores every paragraph-like element under `element`, crediting its ancestors.
    fn walk(&mut self, element: &'a HtmlElement, ancestors: &mut Vec<&'a HtmlElement>) {
        for child in element.elements() {
            if is_skipped(child, self.filter) {
                continue;
            }
            self.parents.insert(child as Key, element);
            let scorable = matches!(child.name.as_str(), "p" | "pre" | "td")
                || (matches!(child.name.as_str(), "div" | "section" | "article")
                    && !has_block_child(child));
            if scorable {
                let text = child.text();
                let len = text.chars().count();
                if len >= 25 {
                    let commas = text
                        .chars()
                        .filter(|c| matches!(c, ',' | '，' | '、'))
                        .count();
                    let score = 1.0 + commas as f64 + (len as f64 / 100.0).floor().min(3.0);
                    let lineage = std::iter::once(element).chain(ancestors.iter().rev().copied());
                    for (level, ancestor) in lineage.take(5).enumerate() {
                        let divider = match level {
                            0 => 1.0,
                            1 => 2.0,
                            n => n as f64 * 3.0,
                        };
                        self.credit(ancestor, score / divider);
                    }
                }
            }
            ancestors.push(element);
            self.walk(child, ancestors);
            ancestors.pop();
        }
    }

    fn credit(&mut self, element: &'a HtmlElement, score: f64) {
        let entry = self.scores.entry(element as Key).or_insert_with(|| {
            self.candidates.push(element);
            initial_score(element)
        });
        *entry += score;
    }

    fn final_score(&self, element: &HtmlElement) -> f64 {
        self.scores.get(&(element as Key)).copied().unwrap_or(0.0) * (1.0 - link_density(element))
    }

    /// The ancestors of `element` up to (not including) `body`, nearest first.
    fn ancestors(&self, element: &'a HtmlElement, body: &'a HtmlElement) -> Vec<&'a HtmlElement> {
        let mut out = Vec::new();
        let mut at = element;
        while let Some(parent) = self.parents.get(&(at as Key)).copied() {
            if std::ptr::eq(parent, body) {
                break;
            }
            out.push(parent);
            at = parent;
        }
        out
    }

    /// Readability's second look at the best candidate: the container it shares with other
    /// candidates nearly as good (an article split in parts), a parent scoring better, and the
    /// parent of an only child.
    fn refine(&self, top: &'a HtmlElement, body: &'a HtmlElement) -> &'a HtmlElement {
        let top_score = self.final_score(top);
        let mut ranked: Vec<&'a HtmlElement> = self.candidates.clone();
        ranked.sort_by(|a, b| self.final_score(b).total_cmp(&self.final_score(a)));
        let alternatives: Vec<Vec<&'a HtmlElement>> = ranked
            .iter()
            .skip(1)
            .take(4)
            .filter(|c| top_score > 0.0 && self.final_score(c) / top_score >= 0.75)
            .map(|c| self.ancestors(c, body))
            .collect();
        let mut top = top;
        if alternatives.len() >= 3 {
            for ancestor in self.ancestors(top, body) {
                let sharing = alternatives
                    .iter()
                    .filter(|list| list.iter().any(|a| std::ptr::eq(*a, ancestor)))
                    .count();
                if sharing >= 3 {
                    top = ancestor;
                    break;
                }
            }
        }
        let mut last = self.final_score(top);
        let threshold = last / 3.0;
        for parent in self.ancestors(top, body) {
            if !self.scores.contains_key(&(parent as Key)) {
                continue;
            }
            let score = self.final_score(parent);
            if score < threshold {
                break;
            }
            if score > last {
                top = parent;
                break;
            }
            last = score;
        }
        while let Some(parent) = self.parents.get(&(top as Key)).copied() {
            if std::ptr::eq(parent, body) || parent.elements().count() != 1 {
                break;
            }
            top = parent;
        }
        self.enclosing_article(top, body).unwrap_or(top)
    }

    /// The `<article>` around `top` when `top` holds most of its text: the headline block,
    /// lead and standfirst around the body belong to it too.
    fn enclosing_article(
        &self,
        top: &'a HtmlElement,
        body: &'a HtmlElement,
    ) -> Option<&'a HtmlElement> {
        let article = self
            .ancestors(top, body)
            .into_iter()
            .take(4)
            .find(|a| a.name == "article")?;
        let share =
            top.text().chars().count() as f64 / article.text().chars().count().max(1) as f64;
        (share >= 0.5).then_some(article)
    }

    /// The best candidate and its related siblings, in document order; the body if nothing
    /// scored.
    fn chosen(&self, body: &'a HtmlElement) -> Vec<&'a HtmlElement> {
        let top = self
            .candidates
            .iter()
            .copied()
            .max_by(|a, b| self.final_score(a).total_cmp(&self.final_score(b)));
        let Some(top) = top else {
            return vec![body];
        };
        let top = self.refine(top, body);
        let top_score = self.final_score(top);
        let Some(parent) = self.parents.get(&(top as Key)).copied() else {
            return vec![top];
        };
        let threshold = (top_score * 0.2).max(10.0);
        let top_class = top.attr("class").unwrap_or_default();
        parent
            .elements()
            .filter(|sibling| {
                if std::ptr::eq(*sibling, top) {
                    return true;
                }
                if is_skipped(sibling, self.filter) {
                    return false;
                }
                let bonus = if !top_class.is_empty() && sibling.attr("class") == Some(top_class) {
                    top_score * 0.2
                } else {
                    0.0
                };
                if self.scores.contains_key(&(*sibling as Key))
                    && self.final_score(sibling) + bonus >= threshold
                {
                    return true;
                }
                if sibling.name == "p" {
                    let text = sibling.text();
                    let len = text.chars().count();
                    let density = link_density(sibling);
                    return (len > 80 && density < 0.25)
                        || (len > 0 && len <= 80 && density == 0.0 && text.ends_with('.'));
                }
                false
            })
            .collect()
    }
}

/// Starting score of a candidate from its tag and its class/id words.
fn initial_score(element: &HtmlElement) -> f64 {
    let tag = match element.name.as_str() {
        "div" | "article" => 5.0,
        "pre" | "td" | "blockquote" => 3.0,
        "address" | "ol" | "ul" | "dl" | "dd" | "dt" | "li" | "form" => -3.0,
        "h1" | "h2" | "h3" | "h4" | "h5" | "h6" | "th" => -5.0,
        _ => 0.0,
    };
    tag + class_weight(element)
}

/// -25 for furniture-like class or id words, +25 for content-like ones (both: 0).
pub(super) fn class_weight(element: &HtmlElement) -> f64 {
    let words = class_and_id(element);
    let mut weight = 0.0;
    if NEGATIVE.iter().any(|w| words.contains(w)) {
        weight -= 25.0;
    }
    if POSITIVE.iter().any(|w| words.contains(w)) {
        weight += 25.0;
    }
    weight
}

fn class_and_id(element: &HtmlElement) -> String {
    format!(
        "{} {}",
        element.attr("class").unwrap_or_default(),
        element.attr("id").unwrap_or_default()
    )
    .to_lowercase()
}

/// [`is_skipped`] in the strict pass.
pub(super) fn is_skipped_strict(element: &HtmlElement) -> bool {
    is_skipped(element, Filter::Strict)
}

/// Media, forms, chrome, hidden elements and furniture by class or id.
fn is_skipped(element: &HtmlElement, filter: Filter) -> bool {
    if SKIPPED.contains(&element.name.as_str()) {
        return true;
    }
    if element.attr("hidden").is_some()
        || element.attr("aria-hidden") == Some("true")
        || element
            .attr("style")
            .is_some_and(|s| s.replace(' ', "").contains("display:none"))
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

fn has_block_child(element: &HtmlElement) -> bool {
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
fn read_blocks(element: &HtmlElement, title: &str, filter: Filter, out: &mut Vec<Block>) {
    if is_skipped(element, filter) {
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
                read_blocks(e, title, filter, out);
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

/// Keeps a body block unless it is empty or mostly links (menus, "read more" lists; kept with
/// [`Filter::Everything`]).
fn push_body(text: String, link_density: f64, filter: Filter, out: &mut Vec<Block>) {
    let links = filter != Filter::Everything && link_density > 0.5 && text.chars().count() < 300;
    if text.is_empty() || links {
        return;
    }
    out.push(Block {
        text,
        kind: ParagraphKind::Body,
    });
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::ingest::html::tests::{el, root, text};

    fn long(sentence: &str) -> String {
        format!(
            "{sentence}{}",
            " It went on, and on, with commas, details, figures and names of places.".repeat(3)
        )
    }

    #[test]
    fn picks_the_article_over_menus_and_comments() {
        let doc = root(vec![el(
            "body",
            &[],
            vec![
                el(
                    "nav",
                    &[],
                    vec![el("a", &[("href", "/")], vec![text("Home")])],
                ),
                el(
                    "div",
                    &[("class", "sidebar")],
                    vec![el(
                        "p",
                        &[],
                        vec![text(&long("Sidebar text that should go."))],
                    )],
                ),
                el(
                    "div",
                    &[("class", "article-body")],
                    vec![
                        el("h1", &[], vec![text("Harbour votes")]),
                        el(
                            "p",
                            &[],
                            vec![text(&long("The harbour town voted on Sunday."))],
                        ),
                        el("h2", &[], vec![text("What happens next")]),
                        el(
                            "p",
                            &[],
                            vec![
                                text(&long("The ferry will run until 2030,")),
                                el("a", &[("href", "#")], vec![text("the council said")]),
                            ],
                        ),
                        el("div", &[("class", "share-tools")], vec![text("Share this")]),
                        el(
                            "p",
                            &[],
                            vec![el(
                                "a",
                                &[("href", "/x")],
                                vec![text("Read more about ferries")],
                            )],
                        ),
                    ],
                ),
                el(
                    "div",
                    &[("id", "comments")],
                    vec![el("p", &[], vec![text(&long("A reader comment."))])],
                ),
            ],
        )]);
        let blocks = extract_body(&doc, "Harbour votes");
        let texts: Vec<_> = blocks.iter().map(|b| b.text.as_str()).collect();
        assert_eq!(texts.len(), 3, "{texts:?}");
        assert!(texts[0].starts_with("The harbour town voted"));
        assert_eq!(blocks[1].kind, ParagraphKind::Heading);
        assert!(texts[2].ends_with("the council said"));
    }

    #[test]
    fn double_line_breaks_split_paragraphs_in_a_bare_div() {
        let doc = root(vec![el(
            "body",
            &[],
            vec![el(
                "div",
                &[],
                vec![
                    text(&long("First part of a letter.")),
                    el("br", &[], vec![]),
                    el("br", &[], vec![]),
                    text(&long("Second part.")),
                    el("br", &[], vec![]),
                    text("same paragraph."),
                ],
            )],
        )]);
        let blocks = extract_body(&doc, "");
        assert_eq!(blocks.len(), 2);
        assert!(blocks[1].text.ends_with("places. same paragraph."));
    }

    #[test]
    fn hidden_and_scripted_content_is_never_read() {
        let doc = root(vec![el(
            "body",
            &[],
            vec![el(
                "article",
                &[],
                vec![
                    el("p", &[], vec![text(&long("Visible."))]),
                    el("p", &[("hidden", "")], vec![text("Hidden text")]),
                    el("script", &[], vec![text("document.cookie")]),
                    el(
                        "p",
                        &[("style", "display: none")],
                        vec![text("Also hidden")],
                    ),
                ],
            )],
        )]);
        let texts: Vec<_> = extract_body(&doc, "").into_iter().map(|b| b.text).collect();
        assert_eq!(texts.len(), 1);
        assert!(!texts[0].contains("cookie"));
    }

    #[test]
    fn text_only_in_links_or_under_a_banner_is_still_found() {
        let doc = root(vec![el(
            "body",
            &[],
            vec![el(
                "a",
                &[("href", "javascript:")],
                vec![el("p", &[], vec![text("abc")]), text("def")],
            )],
        )]);
        let texts: Vec<_> = extract_body(&doc, "").into_iter().map(|b| b.text).collect();
        assert_eq!(texts, ["abc", "def"]);

        let doc = root(vec![el(
            "body",
            &[],
            vec![el(
                "header",
                &[("role", "banner")],
                vec![el(
                    "form",
                    &[],
                    vec![el(
                        "article",
                        &[],
                        vec![el("p", &[], vec![text(&long("Kept."))])],
                    )],
                )],
            )],
        )]);
        let texts: Vec<_> = extract_body(&doc, "").into_iter().map(|b| b.text).collect();
        assert_eq!(texts.len(), 1);
        assert!(texts[0].starts_with("Kept."));
    }

    #[test]
    fn the_lead_in_the_article_header_comes_with_the_body() {
        let doc = root(vec![el(
            "body",
            &[],
            vec![el(
                "article",
                &[],
                vec![
                    el(
                        "header",
                        &[],
                        vec![el(
                            "p",
                            &[("class", "lead")],
                            vec![text("The lead of the story.")],
                        )],
                    ),
                    el(
                        "div",
                        &[("class", "story-body")],
                        vec![
                            el("p", &[], vec![text(&long("First."))]),
                            el("p", &[], vec![text(&long("Second."))]),
                        ],
                    ),
                ],
            )],
        )]);
        let texts: Vec<_> = extract_body(&doc, "").into_iter().map(|b| b.text).collect();
        assert_eq!(texts[0], "The lead of the story.");
        assert_eq!(texts.len(), 3);
    }

    #[test]
    fn when_scoring_finds_little_the_paragraphs_of_the_page_are_taken() {
        let cell = el(
            "td",
            &[],
            vec![text("A table cell that scores, 25 characters or more.")],
        );
        let table = el("table", &[], vec![el("tr", &[], vec![cell])]);
        let short: Vec<HtmlNode> = (1..=6)
            .map(|i| el("p", &[], vec![text(&format!("Short paragraph {i}."))]))
            .collect();
        let doc = root(vec![el(
            "body",
            &[],
            vec![
                el("div", &[], vec![table]),
                el("div", &[], vec![el("span", &[], short)]),
            ],
        )]);
        let texts: Vec<_> = extract_body(&doc, "").into_iter().map(|b| b.text).collect();
        assert_eq!(texts.len(), 6, "{texts:?}");
        assert_eq!(texts[0], "Short paragraph 1.");
    }
}
