//! Article metadata from an HTML page: JSON-LD `NewsArticle`, `og:`/`article:`/Dublin Core/
//! Twitter/Parse.ly meta tags, `<link rel=canonical>`, `<time datetime>`, `<title>` and `<h1>`.

use serde_json::Value;

use crate::model::ingest::date::parse_date_line;
use crate::model::ingest::html::title::title_of;
use crate::model::ingest::html::{HtmlElement, HtmlNode};
use crate::model::Metadata;

/// JSON-LD types that describe an article.
const ARTICLE_TYPES: [&str; 13] = [
    "Article",
    "LiveBlogPosting",
    "TechArticle",
    "SatiricalArticle",
    "ReviewNewsArticle",
    "BackgroundNewsArticle",
    "NewsArticle",
    "ReportageNewsArticle",
    "AnalysisNewsArticle",
    "OpinionNewsArticle",
    "BlogPosting",
    "Report",
    "ScholarlyArticle",
];

/// Collects the metadata of `document`, preferring structured data over page text.
pub fn extract_metadata(document: &HtmlElement) -> Metadata {
    let elements = document.descendants();
    // For each key, a `property` tag before a `name` or `itemprop` one, as Readability ranks them.
    let meta_value = |keys: &[&str]| -> Option<String> {
        keys.iter().find_map(|key| {
            ["property", "name", "itemprop"].iter().find_map(|attr| {
                elements.iter().filter(|e| e.name == "meta").find_map(|e| {
                    let name = e.attr(attr)?;
                    let matches = name
                        .split_whitespace()
                        .any(|n| meta_key(n) == meta_key(key));
                    let content = e.attr("content")?.trim();
                    (matches && !content.is_empty()).then(|| content.to_string())
                })
            })
        })
    };
    let ld = json_ld_article(&elements);
    let ld_str = |key: &str| {
        ld.as_ref()
            .and_then(|v| v.get(key))
            .and_then(Value::as_str)
            .map(str::trim)
            .map(str::to_string)
    };

    let meta_title = meta_value(&[
        "dc:title",
        "dcterm:title",
        "og:title",
        "weibo:article:title",
        "weibo:webpage:title",
        "title",
        "twitter:title",
        "parsely-title",
    ]);
    let byline = ld
        .as_ref()
        .and_then(|v| v.get("author"))
        .and_then(author_names)
        .or_else(|| {
            meta_value(&[
                "dc:creator",
                "dcterm:creator",
                "author",
                "parsely-author",
                "article:author",
            ])
            .filter(|a| !a.starts_with("http"))
        })
        .or_else(|| {
            elements
                .iter()
                .find(|e| {
                    e.attr("rel") == Some("author")
                        || e.attr("itemprop").is_some_and(|p| p.contains("author"))
                        || has_class(e, "byline")
                })
                .map(|e| e.text())
                .filter(|t| !t.is_empty() && t.chars().count() < 100)
        })
        .map(|b| {
            b.trim_start_matches("By ")
                .trim_start_matches("by ")
                .to_string()
        });

    let published_raw = ld_str("datePublished")
        .or_else(|| {
            meta_value(&[
                "article:published_time",
                "parsely-pub-date",
                "datePublished",
                "date",
                "dc.date",
            ])
        })
        .or_else(|| {
            elements
                .iter()
                .find(|e| e.name == "time")
                .and_then(|t| t.attr("datetime"))
                .map(str::to_string)
        });
    let published = published_raw.as_deref().and_then(iso_date);

    let site_name = ld
        .as_ref()
        .and_then(|v| v.get("publisher"))
        .and_then(|p| p.get("name"))
        .and_then(Value::as_str)
        .map(str::to_string)
        .or_else(|| meta_value(&["og:site_name"]));
    let title = title_of(document, ld.as_ref(), meta_title, site_name.as_deref());
    let canonical_url = elements
        .iter()
        .find(|e| {
            e.name == "link"
                && e.attr("rel").is_some_and(|r| {
                    r.split_whitespace()
                        .any(|r| r.eq_ignore_ascii_case("canonical"))
                })
        })
        .and_then(|e| e.attr("href"))
        .map(str::to_string)
        .or_else(|| meta_value(&["og:url"]));
    let html = elements.iter().find(|e| e.name == "html");
    Metadata {
        title,
        published,
        published_raw,
        byline: byline.filter(|b| !b.is_empty()),
        source: None,
        site_name,
        canonical_url,
        language: html
            .and_then(|h| h.attr("lang"))
            .map(str::to_string)
            .filter(|l| !l.is_empty()),
        direction: html
            .and_then(|h| h.attr("dir"))
            .map(str::to_lowercase)
            .filter(|d| d == "rtl" || d == "ltr"),
        extra: Default::default(),
    }
}

/// A meta tag's name as compared: lower case, with `.` and `-` after a prefix read as `:`
/// (`DC.Title`, `dc-title` and `dc:title` are one name, as Readability reads them).
fn meta_key(name: &str) -> String {
    let lower = name.to_ascii_lowercase();
    match lower.split_once(['.', '-', ':']) {
        Some((prefix, rest)) if matches!(prefix, "dc" | "dcterm" | "og" | "twitter") => {
            format!("{prefix}:{rest}")
        }
        _ => lower,
    }
}

/// The first JSON-LD object (possibly inside an array or `@graph`) whose type is an article.
fn json_ld_article(elements: &[&HtmlElement]) -> Option<Value> {
    elements
        .iter()
        .filter(|e| {
            e.name == "script"
                && e.attr("type")
                    .is_some_and(|t| t.eq_ignore_ascii_case("application/ld+json"))
        })
        .filter_map(|e| {
            // As written: collapsing whitespace would change the strings inside.
            let text: String = e
                .children
                .iter()
                .filter_map(|c| match c {
                    HtmlNode::Text(t) => Some(t.as_str()),
                    HtmlNode::Element(_) => None,
                })
                .collect();
            let json = text.trim();
            let json = json.strip_prefix("<![CDATA[").unwrap_or(json);
            let json = json.strip_suffix("]]>").unwrap_or(json);
            serde_json::from_str::<Value>(json).ok()
        })
        .find_map(|v| find_article(&v))
}

fn find_article(value: &Value) -> Option<Value> {
    match value {
        Value::Array(items) => items.iter().find_map(find_article),
        Value::Object(map) => {
            let typed = match map.get("@type") {
                Some(Value::String(t)) => ARTICLE_TYPES.contains(&t.as_str()),
                Some(Value::Array(ts)) => ts
                    .iter()
                    .any(|t| t.as_str().is_some_and(|t| ARTICLE_TYPES.contains(&t))),
                _ => false,
            };
            if typed {
                Some(value.clone())
            } else {
                map.get("@graph").and_then(find_article)
            }
        }
        _ => None,
    }
}

/// `"Ana"`, `{"name": "Ana"}` or a list of them, joined with ", ".
fn author_names(author: &Value) -> Option<String> {
    let names: Vec<String> = match author {
        Value::String(s) => vec![s.clone()],
        Value::Object(o) => o
            .get("name")
            .and_then(Value::as_str)
            .map(str::to_string)
            .into_iter()
            .collect(),
        Value::Array(items) => items.iter().filter_map(author_names).collect(),
        _ => vec![],
    };
    let names: Vec<String> = names
        .into_iter()
        .map(|n| n.trim().to_string())
        .filter(|n| !n.is_empty())
        .collect();
    (!names.is_empty()).then(|| names.join(", "))
}

fn has_class(element: &HtmlElement, class: &str) -> bool {
    element
        .attr("class")
        .is_some_and(|c| c.split_whitespace().any(|c| c.eq_ignore_ascii_case(class)))
}

/// ISO 8601 as given when it already is (`2024-01-04T15:48:00Z`), or parsed from a date line.
fn iso_date(raw: &str) -> Option<String> {
    parse_date_line(raw.trim())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::ingest::html::tests::{el, root, text};

    #[test]
    fn prefers_json_ld_then_meta_tags() {
        let ld = r#"{"@context":"https://schema.org","@graph":[{"@type":"WebPage"},{"@type":"NewsArticle","headline":"Harbour votes","datePublished":"2025-04-02T08:00:00Z","author":[{"@type":"Person","name":"Ana Petrova"},{"name":"Li Wei"}],"publisher":{"name":"The Lindmark Post"}}]}"#;
        let doc = root(vec![el(
            "html",
            &[("lang", "en-GB"), ("dir", "LTR")],
            vec![
                el(
                    "head",
                    &[],
                    vec![
                        el(
                            "title",
                            &[],
                            vec![text("Harbour votes - The Lindmark Post")],
                        ),
                        el(
                            "meta",
                            &[("property", "og:title"), ("content", "OG title")],
                            vec![],
                        ),
                        el(
                            "link",
                            &[
                                ("rel", "canonical"),
                                ("href", "https://example.org/harbour"),
                            ],
                            vec![],
                        ),
                        el("script", &[("type", "application/ld+json")], vec![text(ld)]),
                    ],
                ),
                el(
                    "body",
                    &[],
                    vec![el("h1", &[], vec![text("Harbour votes")])],
                ),
            ],
        )]);
        let meta = extract_metadata(&doc);
        assert_eq!(meta.title, "Harbour votes");
        assert_eq!(meta.byline.as_deref(), Some("Ana Petrova, Li Wei"));
        assert_eq!(meta.published.as_deref(), Some("2025-04-02T08:00:00Z"));
        assert_eq!(meta.site_name.as_deref(), Some("The Lindmark Post"));
        assert_eq!(
            meta.canonical_url.as_deref(),
            Some("https://example.org/harbour")
        );
        assert_eq!(meta.language.as_deref(), Some("en-GB"));
        assert_eq!(meta.direction.as_deref(), Some("ltr"));
    }

    #[test]
    fn falls_back_to_meta_time_and_cleaned_title() {
        let doc = root(vec![el(
            "html",
            &[("dir", "rtl")],
            vec![
                el(
                    "head",
                    &[],
                    vec![
                        el(
                            "title",
                            &[],
                            vec![text("Ferry service to resume in May | Lindmark Post")],
                        ),
                        el(
                            "meta",
                            &[("name", "author"), ("content", "By Sam Ode")],
                            vec![],
                        ),
                    ],
                ),
                el(
                    "body",
                    &[],
                    vec![el(
                        "time",
                        &[("datetime", "2025-05-01")],
                        vec![text("1 May")],
                    )],
                ),
            ],
        )]);
        let meta = extract_metadata(&doc);
        assert_eq!(meta.title, "Ferry service to resume in May");
        assert_eq!(meta.byline.as_deref(), Some("Sam Ode"));
        assert_eq!(meta.published.as_deref(), Some("2025-05-01"));
        assert_eq!(meta.published_raw.as_deref(), Some("2025-05-01"));
        assert_eq!(meta.direction.as_deref(), Some("rtl"));
    }

    #[test]
    fn unparseable_dates_stay_raw() {
        let doc = root(vec![el(
            "meta",
            &[
                ("property", "article:published_time"),
                ("content", "last Tuesday"),
            ],
            vec![],
        )]);
        let meta = extract_metadata(&doc);
        assert_eq!(meta.published, None);
        assert_eq!(meta.published_raw.as_deref(), Some("last Tuesday"));
    }

    #[test]
    fn dublin_core_names_with_dots_and_json_ld_strings_as_written() {
        let doc = root(vec![el(
            "meta",
            &[("name", "DC.Title"), ("content", "remoteStorage")],
            vec![],
        )]);
        assert_eq!(extract_metadata(&doc).title, "remoteStorage");
        let doc = root(vec![
            el(
                "meta",
                &[("name", "DC.title"), ("content", "By name")],
                vec![],
            ),
            el(
                "meta",
                &[("property", "dc:title"), ("content", "By property")],
                vec![],
            ),
        ]);
        assert_eq!(extract_metadata(&doc).title, "By property");
        let ld = "{\"@type\": \"Article\",\n  \"headline\": \"Review:  a console\"}";
        let doc = root(vec![el(
            "script",
            &[("type", "application/ld+json")],
            vec![text(ld)],
        )]);
        assert_eq!(extract_metadata(&doc).title, "Review:  a console");
    }
}
