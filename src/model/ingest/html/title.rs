//! The article's title: JSON-LD `name`/`headline` (chosen between as Readability does), a meta
//! tag, or the page's `<title>`; from a meta tag or `<title>`, the site's name is removed
//! (`Headline | Site`, `Headline - Site`, `Headline_Section_Site`) when `og:site_name` or the
//! headline in the body shows which part is the site's; otherwise Readability's rules apply.

use serde_json::Value;

use crate::model::ingest::html::{collapse_whitespace, HtmlElement};

/// Separators between a headline and a site or section name, with spaces around them.
const SEPARATORS: [&str; 10] = [
    " | ", " - ", " – ", " — ", " :: ", " » ", " / ", " · ", " ｜ ", " \\ ",
];

/// The title of `document` from its JSON-LD article `ld`, its meta-tag title `meta_title` and
/// its `<title>`, knowing the site's name.
pub fn title_of(
    document: &HtmlElement,
    ld: Option<&Value>,
    meta_title: Option<String>,
    site_name: Option<&str>,
) -> String {
    let h1s = headings(document, &["h1"]);
    let h1_h2s = headings(document, &["h1", "h2"]);
    let page_title = document
        .find("title")
        .map(HtmlElement::text)
        .filter(|t| !t.is_empty());
    let cleaned = || {
        page_title
            .as_deref()
            .map(|t| clean_title(t, site_name, &h1s, &h1_h2s))
    };
    if let Some(title) = ld.and_then(|ld| json_ld_title(ld, cleaned().as_deref())) {
        return unescape(&title);
    }
    if let Some(title) = meta_title {
        return unescape(&title);
    }
    cleaned()
        .or_else(|| h1s.first().cloned())
        .map(|t| unescape(&t))
        .unwrap_or_default()
}

/// `name` or `headline`: when both are given and differ, the one like the page's title
/// (`headline` only when it is and `name` is not).
fn json_ld_title(ld: &Value, page_title: Option<&str>) -> Option<String> {
    let get = |key: &str| {
        ld.get(key)
            .and_then(Value::as_str)
            .map(str::trim)
            .filter(|s| !s.is_empty())
    };
    match (get("name"), get("headline")) {
        (Some(name), Some(headline)) if name != headline => {
            let like = |s: &str| page_title.is_some_and(|t| similarity(s, t) > 0.75);
            Some(
                if like(headline) && !like(name) {
                    headline
                } else {
                    name
                }
                .to_string(),
            )
        }
        (Some(name), _) => Some(name.to_string()),
        (None, headline) => headline.map(str::to_string),
    }
}

/// How much of `b`'s words are also in `a` (1.0: all of them), measured in characters.
fn similarity(a: &str, b: &str) -> f64 {
    let tokens = |s: &str| -> Vec<String> {
        s.to_lowercase()
            .split(|c: char| !c.is_ascii_alphanumeric() && c != '_')
            .filter(|t| !t.is_empty())
            .map(str::to_string)
            .collect()
    };
    let (ta, tb) = (tokens(a), tokens(b));
    let all = tb.join(" ").chars().count();
    if all == 0 {
        return 0.0;
    }
    let unique: Vec<&str> = tb
        .iter()
        .filter(|t| !ta.contains(t))
        .map(String::as_str)
        .collect();
    1.0 - unique.join(" ").chars().count() as f64 / all as f64
}

/// The text of every element named in `names`, in document order (`<h1>`: the headline).
fn headings(document: &HtmlElement, names: &[&str]) -> Vec<String> {
    let mut found: Vec<String> = document
        .descendants()
        .into_iter()
        .filter(|e| names.contains(&e.name.as_str()))
        .map(HtmlElement::text)
        .filter(|t| !t.is_empty())
        .collect();
    found.dedup();
    found
}

/// Lower-case letters and digits only: how a site name is compared.
fn key(s: &str) -> String {
    s.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// The parts of a title between separators (spaced ones, or `_`), trimmed.
fn parts(title: &str) -> Vec<String> {
    let mut spaced = title.to_string();
    for separator in SEPARATORS {
        spaced = spaced.replace(separator, "\u{1}");
    }
    if title.matches('_').count() >= 2
        || title.contains(" _")
        || title.contains("_ ")
        || (title.contains('_') && !title.contains(char::is_whitespace))
    {
        spaced = spaced.replace('_', "\u{1}");
    }
    spaced
        .split('\u{1}')
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .map(str::to_string)
        .collect()
}

/// The title without the site's name, when the site's name or a headline of the body says
/// which part that is: `Headline | Site` (with `og:site_name` "Site" or a heading "Headline"),
/// `Headline_Section_Site` (the same evidence; the section goes with the site). Without either,
/// nothing is removed here.
fn without_site(title: &str, site_name: Option<&str>, headings: &[String]) -> Option<String> {
    let parts = parts(title);
    if parts.len() < 2 {
        return None;
    }
    // The headline in the body is the first part(s) of the title.
    let heads: Vec<String> = (1..parts.len())
        .map(|k| key(&parts[..k].join(" ")))
        .collect();
    if let Some(k) = headings
        .iter()
        .find_map(|h| heads.iter().position(|head| *head == key(h)))
    {
        return Some(head_of(title, &parts[..=k]));
    }
    let site = site_name.map(key).filter(|k| !k.is_empty())?;
    let matches_site = |part: &str| {
        let k = key(part);
        !k.is_empty() && (site.starts_with(&k) || k.starts_with(&site))
    };
    let last = parts.len() - 1;
    if matches_site(&parts[last]) {
        // `Headline _Section _Site`: the section goes too when the parts are `_`-separated.
        let keep = if parts.len() > 2 && title.contains('_') {
            1
        } else {
            last
        };
        return Some(head_of(title, &parts[..keep]));
    }
    if matches_site(&parts[0]) {
        return Some(title[title.find(parts[1].as_str())?..].trim().to_string());
    }
    None
}

/// The text of `title` up to the end of the last of `parts` (its first parts).
fn head_of(title: &str, parts: &[String]) -> String {
    let mut end = 0;
    for part in parts {
        if let Some(at) = title[end..].find(part.as_str()) {
            end += at + part.len();
        }
    }
    title[..end].trim().to_string()
}

/// The `<title>` without the site's name ([`without_site`]), or else cleaned by Readability's
/// rules: the part before the last separator, the part after the first when that is too short,
/// the part after a colon, and the whole title back when little is left.
/// `headings` are the `<h1>`s, `colon_headings` the `<h1>`s and `<h2>`s: a title with a colon
/// that one of them repeats is kept whole.
pub fn clean_title(
    raw: &str,
    site_name: Option<&str>,
    headings: &[String],
    colon_headings: &[String],
) -> String {
    if let Some(title) = without_site(raw, site_name, headings) {
        return title;
    }
    let separators = ['|', '-', '–', '—', '\\', '/', '>', '»'];
    let spaced_at: Vec<usize> = raw
        .char_indices()
        .filter(|(i, c)| {
            separators.contains(c)
                && raw[..*i].ends_with(char::is_whitespace)
                && raw[i + c.len_utf8()..].starts_with(char::is_whitespace)
        })
        .map(|(i, _)| i)
        .collect();
    let words = |s: &str| s.split_whitespace().count();
    let mut hierarchical = false;
    let mut title = raw.to_string();
    if let (Some(&first), Some(&last)) = (spaced_at.first(), spaced_at.last()) {
        hierarchical = spaced_at
            .iter()
            .any(|&i| raw[i..].starts_with(['\\', '/', '>', '»']));
        title = raw[..last].trim_end().to_string();
        if words(&title) < 3 {
            let sep_len = raw[first..].chars().next().map_or(1, char::len_utf8);
            title = raw[first + sep_len..].to_string();
        }
    } else if raw.contains(": ") {
        if !colon_headings.iter().any(|h| h.trim() == raw.trim()) {
            let after_last = raw.rfind(':').map_or(raw, |i| &raw[i + 1..]);
            title = after_last.to_string();
            if words(&title) < 3 {
                title = raw.find(':').map_or(raw, |i| &raw[i + 1..]).to_string();
            } else if raw.find(':').is_some_and(|i| words(&raw[..i]) > 5) {
                title = raw.to_string();
            }
        }
    } else if raw.chars().count() > 150 || raw.chars().count() < 15 {
        if let [only] = headings_h1(headings) {
            title = only.clone();
        }
    }
    let title = collapse_whitespace(title.trim());
    let stripped = separators
        .iter()
        .fold(raw.to_string(), |s, c| s.replace(&format!(" {c} "), " "));
    if words(&title) <= 4 && (!hierarchical || words(&title) + 1 != words(&stripped)) {
        return raw.to_string();
    }
    title
}

/// The headings list as Readability's `<h1>` count sees it (the first one stands for all).
fn headings_h1(headings: &[String]) -> &[String] {
    &headings[..headings.len().min(1)]
}

/// `&amp;`, `&lt;`, `&gt;`, `&quot;`, `&apos;`, `&#39;` and numeric references, which some
/// pages double-escape in their metadata.
fn unescape(text: &str) -> String {
    if !text.contains('&') {
        return text.to_string();
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find('&') {
        out.push_str(&rest[..at]);
        rest = &rest[at..];
        let end = rest.find(';').filter(|&e| e <= 10);
        let decoded = end.and_then(|e| match &rest[1..e] {
            "amp" => Some('&'),
            "lt" => Some('<'),
            "gt" => Some('>'),
            "quot" => Some('"'),
            "apos" => Some('\''),
            entity => entity
                .strip_prefix("#x")
                .or_else(|| entity.strip_prefix("#X"))
                .and_then(|h| u32::from_str_radix(h, 16).ok())
                .or_else(|| entity.strip_prefix('#').and_then(|d| d.parse().ok()))
                .and_then(char::from_u32),
        });
        match (decoded, end) {
            (Some(c), Some(e)) => {
                out.push(c);
                rest = &rest[e + 1..];
            }
            _ => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::ingest::html::tests::{el, root, text};

    fn page(title: &str, site: Option<&str>, h1: &str) -> HtmlElement {
        let mut head = vec![el("title", &[], vec![text(title)])];
        if let Some(site) = site {
            head.push(el(
                "meta",
                &[("property", "og:site_name"), ("content", site)],
                vec![],
            ));
        }
        root(vec![el(
            "html",
            &[],
            vec![
                el("head", &[], head),
                el("body", &[], vec![el("h1", &[], vec![text(h1)])]),
            ],
        )])
    }

    fn title(title: &str, site: Option<&str>, h1: &str) -> String {
        let doc = page(title, site, h1);
        title_of(&doc, None, None, site)
    }

    #[test]
    fn the_site_name_goes_when_og_site_name_or_the_headline_says_so() {
        assert_eq!(
            title("Port reopens | Lindmark Daily", Some("Lindmark Daily"), "x"),
            "Port reopens"
        );
        assert_eq!(
            title("Port reopens - Daily", None, "Port reopens"),
            "Port reopens"
        );
        assert_eq!(
            title("Lindmark Daily: Port reopens after the storm", None, "y"),
            "Port reopens after the storm"
        );
        assert_eq!(
            title(
                "科学家发现新的深海物种 _探索者 _光明网",
                Some("光明网"),
                "z"
            ),
            "科学家发现新的深海物种"
        );
        assert_eq!(
            title(
                "科学家发现新的深海物种_探索者_光明网",
                None,
                "科学家发现新的深海物种"
            ),
            "科学家发现新的深海物种"
        );
        assert_eq!(
            title(
                "Lindmark Daily - Port reopens after the storm",
                Some("Lindmark Daily"),
                "z"
            ),
            "Port reopens after the storm"
        );
    }

    #[test]
    fn otherwise_readability_rules_keep_short_titles_whole() {
        assert_eq!(
            title("Port reopens - Daily", None, "x"),
            "Port reopens - Daily"
        );
        assert_eq!(
            title("Ferry service to resume in May | Lindmark Post", None, "x"),
            "Ferry service to resume in May"
        );
        assert_eq!(
            title("snake_case_names explained", None, "x"),
            "snake_case_names explained"
        );
        // Without `og:site_name` or the headline in the body, nothing says which part is the
        // site's: the title stays whole.
        assert_eq!(
            title(
                "留学生看两会：出国前后关注点大不同_教育频道_青年网",
                None,
                "x"
            ),
            "留学生看两会：出国前后关注点大不同_教育频道_青年网"
        );
    }

    #[test]
    fn json_ld_name_or_headline_and_entities() {
        let doc = page("The ferry is back | Post", None, "x");
        let ld: Value =
            serde_json::json!({"name": "Post front page", "headline": "The ferry is back"});
        assert_eq!(title_of(&doc, Some(&ld), None, None), "The ferry is back");
        let ld: Value = serde_json::json!({"headline": "Fish &amp; chips &#8211; a history"});
        assert_eq!(
            title_of(&doc, Some(&ld), None, None),
            "Fish & chips – a history"
        );
        assert_eq!(
            title_of(&doc, None, Some("Meta &lt;title&gt; & more".into()), None),
            "Meta <title> & more"
        );
    }
}
