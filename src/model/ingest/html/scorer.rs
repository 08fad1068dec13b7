//! Scoring a page's containers in the manner of Mozilla's Readability: paragraphs credit their
//! ancestors, link density lowers a candidate, and the best one is reconsidered (the container
//! it shares with near-equal ones, a better parent, its `<article>`) before related siblings
//! and the standfirst just before it are added.

use std::collections::HashMap;

use crate::model::ingest::html::clean::is_clutter;
use crate::model::ingest::html::readability::{has_block_child, is_skipped, link_density, Filter};
use crate::model::ingest::html::words::{NEGATIVE, POSITIVE};
use crate::model::ingest::html::HtmlElement;

type Key = *const HtmlElement;

/// The scores of one pass over a page.
#[derive(Default)]
pub struct Scorer<'a> {
    /// Which elements are left out.
    filter: Filter,
    scores: HashMap<Key, f64>,
    candidates: Vec<&'a HtmlElement>,
    parents: HashMap<Key, &'a HtmlElement>,
}

impl<'a> Scorer<'a> {
    /// A scorer that leaves out what `filter` says.
    pub fn new(filter: Filter) -> Self {
        Scorer {
            filter,
            ..Scorer::default()
        }
    }

    /// Scores every paragraph-like element under `element`, crediting its ancestors.
    pub fn walk(&mut self, element: &'a HtmlElement, ancestors: &mut Vec<&'a HtmlElement>) {
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
    pub fn chosen(&self, body: &'a HtmlElement) -> Vec<&'a HtmlElement> {
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
        let siblings: Vec<&'a HtmlElement> = parent.elements().collect();
        let lead = siblings
            .iter()
            .position(|s| std::ptr::eq(*s, top))
            .and_then(|at| at.checked_sub(1))
            .and_then(|at| siblings.get(at))
            .copied();
        siblings
            .into_iter()
            .filter(|sibling| {
                if std::ptr::eq(*sibling, top) {
                    return true;
                }
                if is_skipped(sibling, self.filter) {
                    return false;
                }
                if lead.is_some_and(|lead| std::ptr::eq(lead, *sibling)) && is_standfirst(sibling) {
                    return true;
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

/// The block just before the chosen container that reads as its standfirst or lead: prose
/// (over 80 characters, under a quarter of it in links) that is not furniture. A `<p>` is
/// judged by the sibling rule of [`Scorer::chosen`] instead.
fn is_standfirst(element: &HtmlElement) -> bool {
    if element.name == "p" || is_clutter(element) {
        return false;
    }
    element.text().chars().count() > 80 && link_density(element) < 0.25
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

/// -25 for furniture-like class or id words, +25 for content-like ones (both: 0). A content-like
/// word counts only on an element holding [`CONTENT_AT_LEAST`] characters: a teaser's
/// "…-textbox" around one linked headline is no article body.
pub(super) fn class_weight(element: &HtmlElement) -> f64 {
    let words = class_and_id(element);
    let mut weight = 0.0;
    if NEGATIVE.iter().any(|w| words.contains(w)) {
        weight -= 25.0;
    }
    if POSITIVE.iter().any(|w| words.contains(w))
        && element.text().chars().count() >= CONTENT_AT_LEAST
    {
        weight += 25.0;
    }
    weight
}

/// Characters an element needs for its content-like class words to count.
const CONTENT_AT_LEAST: usize = 100;

pub(super) fn class_and_id(element: &HtmlElement) -> String {
    format!(
        "{} {}",
        element.attr("class").unwrap_or_default(),
        element.attr("id").unwrap_or_default()
    )
    .to_lowercase()
}
