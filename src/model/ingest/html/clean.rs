//! The clean-up of the chosen container. Comment sections, related-article lists, and short
//! bylines, dates, credits, tags, disclaimers, legends and share lines by class go; then, as
//! Readability does it conditionally, a `div`, `section`, list, table or form with few commas
//! is left out when its shape says furniture: a hundred list items more than paragraphs, many
//! links for its class, a short linked line, or embeds. A table of data (header cells, a
//! caption) is never left out for its shape, as in Readability.
//!
//! Readability's other rules (a furniture-like class, many images, form fields) were measured
//! on trafilatura's corpus and left out: they cost more article text than furniture.

use crate::model::ingest::html::readability::link_density;
use crate::model::ingest::html::scorer::class_weight;
use crate::model::ingest::html::HtmlElement;

/// Containers the clean-up looks at.
const CLEANED: [&str; 7] = ["div", "section", "ul", "ol", "table", "form", "fieldset"];

/// Class and id words of an article's own furniture: bylines, author boxes, dates, captions,
/// credits, tags, sharing and related links. Compared with whole words of the class and id
/// (split at every character that is not a letter or digit), so `article__author` has one.
const FURNITURE_WORDS: [&str; 26] = [
    "author",
    "authors",
    "byline",
    "bio",
    "date",
    "dateline",
    "timestamp",
    "published",
    "readtime",
    "reading",
    "caption",
    "credit",
    "credits",
    "copyright",
    "tags",
    "tag",
    "share",
    "sharing",
    "social",
    "newsletter",
    "meta",
    "disclaimer",
    "disclosure",
    "notice",
    "legend",
    "alert",
];

/// Class and id words of a comment section (the thread, the reply form) or a list of related
/// articles, left out whatever their length (Readability's `post` rescue keeps a
/// `related_posts` list in the strict pass).
const SECTION_WORDS: [&str; 9] = [
    "comment",
    "comments",
    "commentlist",
    "respond",
    "disqus",
    "kommentare",
    "comentarios",
    "related",
    "relatedposts",
];

/// Characters below which an element with a [`FURNITURE_WORDS`] class is furniture (a large
/// one is a container that happens to be named so, like WordPress's `tag-…` post classes).
const FURNITURE_BELOW: usize = 400;

/// Whether `element`, inside the chosen container, is furniture to leave out: a comment
/// section or related-article list, a short `<time>` or element with a furniture class, or a container of furniture's
/// shape.
pub fn is_clutter(element: &HtmlElement) -> bool {
    let name = element.name.as_str();
    if has_word(element, &SECTION_WORDS) {
        return true;
    }
    let short = || element.text().chars().count() < FURNITURE_BELOW;
    if (name == "time" || (name != "article" && has_word(element, &FURNITURE_WORDS))) && short() {
        return true;
    }
    if !CLEANED.contains(&name) || is_data_table(element) {
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
    let embedded: Vec<&&HtmlElement> = descendants
        .iter()
        .filter(|e| matches!(e.name.as_str(), "iframe" | "object" | "embed"))
        .collect();
    if embedded.iter().any(|e| is_video(e)) {
        return false;
    }
    let embeds = embedded.len();
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

/// Whether an embedded frame or object plays a video from a known video host: Readability keeps
/// a container holding one, as part of the article, whatever its shape.
fn is_video(element: &HtmlElement) -> bool {
    element.attrs.iter().any(|(_, value)| {
        let value = value.to_ascii_lowercase();
        VIDEO_HOSTS.iter().any(|host| {
            value
                .split("//")
                .skip(1)
                .any(|rest| rest.trim_start_matches("www.").starts_with(host))
        })
    })
}

/// Video hosts whose players are part of an article (Readability's `allowedVideoRegex`).
const VIDEO_HOSTS: [&str; 9] = [
    "dailymotion.com",
    "youtube.com",
    "youtube-nocookie.com",
    "player.vimeo.com",
    "v.qq.com",
    "archive.org",
    "upload.wikimedia.org",
    "player.twitch.tv",
    "youtu.be",
];

/// Whether `element` is a table of data (a recipe's ingredients, a list of figures), which
/// Readability never cleans up for its shape: it has a caption, a summary, header cells or
/// column groups, holds no other table, and is not marked as only for layout.
fn is_data_table(element: &HtmlElement) -> bool {
    if element.name != "table" || element.attr("role") == Some("presentation") {
        return false;
    }
    let descendants = element.descendants();
    if descendants.iter().any(|e| e.name == "table") {
        return false;
    }
    element.attr("summary").is_some()
        || descendants.iter().any(|e| {
            matches!(
                e.name.as_str(),
                "caption" | "thead" | "tfoot" | "th" | "colgroup" | "col"
            )
        })
}

/// A class or id word (split at every character that is not a letter or digit) from `words`.
fn has_word(element: &HtmlElement, words: &[&str]) -> bool {
    [element.attr("class"), element.attr("id")]
        .into_iter()
        .flatten()
        .flat_map(|v| v.split(|c: char| !c.is_ascii_alphanumeric()))
        .any(|w| words.contains(&w.to_ascii_lowercase().as_str()))
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

    #[test]
    fn short_bylines_dates_and_tags_are_clutter_big_containers_are_not() {
        let byline = element(el(
            "p",
            &[("class", "article__author")],
            vec![text("Ana Petrova")],
        ));
        assert!(is_clutter(&byline));
        let time = element(el("time", &[], vec![text("4 January")]));
        assert!(is_clutter(&time));
        let post = "The harbour town voted on Sunday to keep its ferry. ".repeat(10);
        let wordpress = element(el("div", &[("class", "post tag-ferry")], vec![text(&post)]));
        assert!(!is_clutter(&wordpress));
        let author_in_name = element(el("p", &[("class", "authority")], vec![text("Port")]));
        assert!(!is_clutter(&author_in_name));
        let disclaimer = element(el(
            "div",
            &[("class", "editorial-disclaimer")],
            vec![text("The views expressed are the author's own.")],
        ));
        assert!(is_clutter(&disclaimer));
        let legend = element(el(
            "div",
            &[("class", "legend")],
            vec![text(
                "The stag beetle (Lucanus cervus) in a chestnut grove.",
            )],
        ));
        assert!(is_clutter(&legend));
    }

    #[test]
    fn comment_sections_and_related_lists_are_clutter_whatever_their_length() {
        let thread = element(el(
            "div",
            &[("class", "comments-area"), ("id", "comments")],
            vec![el(
                "p",
                &[],
                vec![text(&"A long reader comment. ".repeat(40))],
            )],
        ));
        assert!(is_clutter(&thread));
        let form = element(el("div", &[("id", "respond")], vec![text("Leave a reply")]));
        assert!(is_clutter(&form));
        let commentary = element(el(
            "div",
            &[("class", "commentary")],
            vec![el("p", &[], vec![text(&"An opinion piece. ".repeat(40))])],
        ));
        assert!(!is_clutter(&commentary));
        let related = element(el(
            "ul",
            &[("class", "related_post wp_rp")],
            vec![el(
                "li",
                &[],
                vec![text(&"Another story, in short. ".repeat(30))],
            )],
        ));
        assert!(is_clutter(&related));
    }

    #[test]
    fn a_table_of_data_is_kept_whatever_its_links() {
        let row = |amount: &str, name: &str| {
            el(
                "tr",
                &[],
                vec![
                    el("td", &[], vec![text(amount)]),
                    el(
                        "td",
                        &[],
                        vec![el("a", &[("href", "/i")], vec![text(name)])],
                    ),
                ],
            )
        };
        let rows = vec![row("125 g", "Flour"), row("2", "Mandarins, drained")];
        let with_header = |rows: Vec<HtmlNode>| {
            let mut children = vec![el(
                "thead",
                &[],
                vec![el(
                    "tr",
                    &[],
                    vec![el("th", &[], vec![text("For the dough:")])],
                )],
            )];
            children.extend(rows);
            element(el("table", &[("class", "ingredients")], children))
        };
        assert!(!is_clutter(&with_header(rows.clone())));
        let layout = element(el("table", &[], rows.clone()));
        assert!(is_clutter(&layout));
        let mut presentation = with_header(rows);
        presentation
            .attrs
            .push(("role".to_string(), "presentation".to_string()));
        assert!(is_clutter(&presentation));
    }

    #[test]
    fn a_container_with_a_video_player_is_not_clutter_for_its_embeds() {
        let with = |frames: Vec<HtmlNode>| {
            let mut children = vec![
                el(
                    "p",
                    &[],
                    vec![text(
                        "The phone went on sale in June, and the first reviews followed.",
                    )],
                ),
                el(
                    "p",
                    &[],
                    vec![text(
                        "It can tell a finger from the stylus, which few could then.",
                    )],
                ),
            ];
            children.extend(frames);
            element(el("div", &[("class", "article-view__content")], children))
        };
        let ad = || el("iframe", &[("src", "/api/ads?format=300x250")], vec![]);
        assert!(is_clutter(&with(vec![ad(), ad()])));
        let video = el(
            "iframe",
            &[("src", "https://www.youtube-nocookie.com/embed/abc?rel=0")],
            vec![],
        );
        assert!(!is_clutter(&with(vec![ad(), video])));
    }
}
