//! Clean-up of an article copied from a web page as plain text.
//!
//! The usual shape (see `src/sample/article.txt`): a line of menu and icon words, a date line,
//! the headline, the standfirst, the headline again, an optional byline, then the body with one
//! paragraph per line. The clean-up keeps every word of the article, moves the headline, date
//! and byline into [`Metadata`], and sets page furniture aside in [`Article::set_aside`] (with
//! where it stood, so it can be put back). The text of each paragraph is kept exactly as given:
//! only line endings become `\n`, a BOM is dropped and whitespace around paragraphs is removed.

use thiserror::Error;

use crate::model::ingest::date::parse_date_line;
use crate::model::ingest::navigation::{is_cjk, menu_shape, MenuShape};
use crate::model::ingest::{first_words, same_words, TITLE_WORDS};
use crate::model::{Article, Metadata, ParagraphKind, SetAside};

/// Why an input could not become an article.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum IngestError {
    /// Nothing but whitespace (or page furniture) was given.
    #[error("There is no article text to annotate: the input is empty.")]
    Empty,
    /// An HTML page in which no article body could be found.
    #[error("No article text was found in this page. Try selecting the article in the browser, copying it, and pasting it here.")]
    NoArticleBody,
}

/// Lines that are page furniture whatever the page: compared lower-case, without trailing
/// punctuation.
const FURNITURE: [&str; 22] = [
    "advertisement",
    "advertisements",
    "ad",
    "sponsored",
    "share",
    "share this",
    "share this article",
    "share on facebook",
    "share on twitter",
    "share on x",
    "tweet",
    "email",
    "print",
    "subscribe",
    "subscribe now",
    "sign up",
    "read more",
    "related",
    "related articles",
    "comments",
    "skip to content",
    "skip to main content",
];

/// Beginnings of lines that are page furniture (cookie banners, newsletter prompts, link lists).
const FURNITURE_PREFIXES: [&str; 9] = [
    "read more:",
    "related:",
    "see also:",
    "more on this story",
    "sign up for",
    "subscribe to",
    "we use cookies",
    "this website uses cookies",
    "accept all cookies",
];

/// How far into the input the head (date, headline, standfirst, byline) is looked for.
const HEAD_LINES: usize = 8;

/// Cleans `input` (text copied from a news page) into an article.
///
/// Normalises line endings to `\n`, drops a BOM and trims whitespace around each line,
/// recording each step that changed something in [`Article::normalization`]; the text inside
/// lines is kept exactly.
pub fn clean_plain_text(input: &str, source: Option<String>) -> Result<Article, IngestError> {
    let (lines, normalization) = normalise(input);
    let mut lines: Vec<Option<String>> = lines
        .into_iter()
        .map(|l| (!l.is_empty()).then_some(l))
        .collect();
    let mut meta = Metadata {
        source,
        ..Metadata::default()
    };
    let mut head = Head::default();
    read_head(&mut lines, &mut meta, &mut head);

    let mut paragraphs: Vec<(String, ParagraphKind)> = head
        .standfirst
        .into_iter()
        .map(|s| (s, ParagraphKind::Standfirst))
        .collect();
    let mut set_aside = head.set_aside;
    let mut seen = std::collections::HashSet::new();
    for line in lines.into_iter().flatten() {
        let reason = if is_furniture(&line) {
            Some("page furniture")
        } else if line.chars().count() < 200 && !seen.insert(line.clone()) {
            Some("repeated line (caption or pull quote)")
        } else {
            None
        };
        match reason {
            Some(reason) => set_aside.push(SetAside {
                text: line,
                reason: reason.to_string(),
                before: paragraphs.len(),
            }),
            None => paragraphs.push((line, ParagraphKind::Body)),
        }
    }
    if paragraphs.is_empty() {
        return Err(IngestError::Empty);
    }
    if meta.title.is_empty() {
        meta.title = first_words(&paragraphs[0].0, TITLE_WORDS);
    }
    let mut article =
        Article::from_paragraphs(paragraphs.iter().map(|(t, k)| (t.as_str(), *k)), meta);
    article.normalization = normalization;
    article.set_aside = set_aside;
    article.original = input.into();
    Ok(article)
}

/// What the head of the input held besides metadata.
#[derive(Default)]
struct Head {
    standfirst: Vec<String>,
    set_aside: Vec<SetAside>,
}

impl Head {
    /// Sets `text` aside before the body (after any standfirst found so far).
    fn set_aside(&mut self, text: String, reason: &str) {
        self.set_aside.push(SetAside {
            text,
            reason: reason.to_string(),
            before: self.standfirst.len(),
        });
    }
}

/// The input without a BOM and with every line ending `\n`, and the steps that changed
/// anything (`bom-removed`, `line-endings:lf`). The first of the text rules, shared by every
/// way text becomes an article.
pub(crate) fn unify_line_endings(input: &str) -> (String, Vec<String>) {
    let mut steps = Vec::new();
    let input = match input.strip_prefix('\u{feff}') {
        Some(rest) => {
            steps.push("bom-removed".to_string());
            rest
        }
        None => input,
    };
    if input.contains('\r') {
        steps.push("line-endings:lf".to_string());
    }
    (input.replace("\r\n", "\n").replace('\r', "\n"), steps)
}

/// Splits into lines trimmed at both ends, and names the steps that changed anything.
fn normalise(input: &str) -> (Vec<String>, Vec<String>) {
    let (unified, mut steps) = unify_line_endings(input);
    let mut trimmed = false;
    let lines = unified
        .split('\n')
        .map(|raw| {
            let line = raw.trim();
            trimmed |= line.len() != raw.len();
            line.to_string()
        })
        .collect();
    if trimmed {
        steps.push("trim-paragraph-edges".to_string());
    }
    (lines, steps)
}

/// Finds the date line, navigation lines, headline, standfirst, repeated headline and byline
/// near the top, takes them out of `lines` and files them.
fn read_head(lines: &mut [Option<String>], meta: &mut Metadata, found: &mut Head) {
    let head: Vec<usize> = non_empty(lines).take(HEAD_LINES).collect();
    let date_at = head
        .iter()
        .position(|&i| lines[i].as_deref().and_then(parse_date_line).is_some());
    let mut cursor = 0;
    if let Some(d) = date_at {
        let after_date = head.get(d + 1).and_then(|&i| lines[i].clone());
        for &i in &head[..d] {
            let line = lines[i].take().unwrap_or_default();
            if menu_before(&line, after_date.as_deref())
                || is_short(&line)
                || !meta.title.is_empty()
            {
                found.set_aside(line, "navigation");
            } else {
                meta.title = line;
            }
        }
        let raw = lines[head[d]].take().unwrap_or_default();
        meta.published = parse_date_line(&raw);
        meta.published_raw = Some(raw);
        cursor = d + 1;
    } else {
        while cursor < head.len()
            && lines[head[cursor]].as_deref().is_some_and(|line| {
                let next = head.get(cursor + 1).and_then(|&i| lines[i].as_deref());
                menu_before(line, next)
            })
        {
            found.set_aside(lines[head[cursor]].take().unwrap_or_default(), "navigation");
            cursor += 1;
        }
    }
    if meta.title.is_empty() {
        if let Some(&i) = head.get(cursor) {
            if lines[i].as_deref().is_some_and(looks_like_headline) && head.len() > cursor + 1 {
                meta.title = lines[i].take().unwrap_or_default();
                cursor += 1;
            }
        }
    }
    if !meta.title.is_empty() {
        let repeat = head[cursor..].iter().take(4).position(|&i| {
            lines[i]
                .as_deref()
                .is_some_and(|l| same_words(l, &meta.title))
        });
        if let Some(r) = repeat {
            for &i in &head[cursor..cursor + r] {
                found.standfirst.extend(lines[i].take());
            }
            if let Some(repeat) = lines[head[cursor + r]].take() {
                found.set_aside(repeat, "headline repeated");
            }
            cursor += r + 1;
        }
    }
    if let Some(&i) = head.get(cursor) {
        if let Some(byline) = lines[i].as_deref().and_then(byline_of) {
            meta.byline = Some(byline);
            lines[i] = None;
        }
    }
}

fn non_empty(lines: &[Option<String>]) -> impl Iterator<Item = usize> + '_ {
    lines
        .iter()
        .enumerate()
        .filter(|(_, l)| l.is_some())
        .map(|(i, _)| i)
}

fn word_count(line: &str) -> usize {
    line.split_whitespace().count()
}

/// Surely a menu line (see [`menu_shape`]).
fn looks_like_navigation(line: &str) -> bool {
    menu_shape(line) == MenuShape::Yes
}

/// A line that could be a menu or a headline (an Arabic or Hebrew menu, a Title Case run) is a
/// menu when a headline follows it.
fn menu_before(line: &str, next: Option<&str>) -> bool {
    match menu_shape(line) {
        MenuShape::Yes => true,
        MenuShape::Maybe => next.is_some_and(looks_like_headline),
        MenuShape::No => false,
    }
}

/// Too short for a headline: three words at most, or four characters in CJK.
fn is_short(line: &str) -> bool {
    if line.chars().any(is_cjk) {
        line.chars().filter(|c| !c.is_whitespace()).count() <= 4
    } else {
        word_count(line) <= 3
    }
}

/// Short, and not a finished sentence.
fn looks_like_headline(line: &str) -> bool {
    let long_enough = if line.chars().any(is_cjk) {
        (5..=60).contains(&line.chars().filter(|c| !c.is_whitespace()).count())
    } else {
        (2..=30).contains(&word_count(line))
    };
    long_enough && !line.ends_with(['.', '。']) && !looks_like_navigation(line)
}

/// `By Jane Doe` / `By Jane Doe and John Roe` → the names.
fn byline_of(line: &str) -> Option<String> {
    let rest = line
        .strip_prefix("By ")
        .or_else(|| line.strip_prefix("by "))?;
    (word_count(rest) <= 8 && !rest.ends_with('.')).then(|| rest.trim().to_string())
}

fn is_furniture(line: &str) -> bool {
    let lower = line.to_lowercase();
    let key = lower.trim_end_matches(|c: char| c.is_ascii_punctuation() || c == '›' || c == '»');
    FURNITURE.contains(&key.trim()) || FURNITURE_PREFIXES.iter().any(|p| lower.starts_with(p))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Span;

    const SHAPE: &str = "homeicon searchicon shareicon menuicon closeicon\n\
        4 Jan, 2024 15:48\n\
        \n\
        Harbour town votes to keep its ferry\n\
        \n\
        “We will not be cut off,” the mayor says\n\
        Harbour town votes to keep its ferry\n\
        By Ana Petrova\n\
        \n\
        Voters in Lindmark backed the ferry by 61%.  \n\
        \n\
        Advertisement\n\
        \n\
        The  vote   came after a year of debate.\n";

    #[test]
    fn files_the_head_of_a_copied_page() {
        let article = clean_plain_text(SHAPE, Some("paste".into())).unwrap();
        assert_eq!(article.meta.title, "Harbour town votes to keep its ferry");
        assert_eq!(article.meta.published.as_deref(), Some("2024-01-04T15:48"));
        assert_eq!(
            article.meta.published_raw.as_deref(),
            Some("4 Jan, 2024 15:48")
        );
        assert_eq!(article.meta.byline.as_deref(), Some("Ana Petrova"));
        assert_eq!(article.meta.source.as_deref(), Some("paste"));
        assert_eq!(
            article.text(),
            "“We will not be cut off,” the mayor says\n\n\
             Voters in Lindmark backed the ferry by 61%.\n\n\
             The  vote   came after a year of debate."
        );
        let kinds: Vec<_> = article.paragraphs().iter().map(|p| p.kind).collect();
        assert_eq!(
            kinds,
            [
                ParagraphKind::Standfirst,
                ParagraphKind::Body,
                ParagraphKind::Body
            ]
        );
        let aside: Vec<(&str, usize)> = article
            .set_aside
            .iter()
            .map(|s| (s.text.as_str(), s.before))
            .collect();
        assert_eq!(
            aside,
            [
                ("homeicon searchicon shareicon menuicon closeicon", 0),
                ("Harbour town votes to keep its ferry", 1),
                ("Advertisement", 2)
            ]
        );
        assert_eq!(article.normalization, ["trim-paragraph-edges"]);
        assert_eq!(&*article.original, SHAPE);
    }

    #[test]
    fn crlf_input_gives_the_same_text_and_offsets() {
        let lf = clean_plain_text(SHAPE, None).unwrap();
        let crlf = clean_plain_text(&SHAPE.replace('\n', "\r\n"), None).unwrap();
        assert_eq!(crlf.text(), lf.text());
        assert_eq!(crlf.paragraphs(), lf.paragraphs());
        assert_eq!(crlf.normalization[0], "line-endings:lf");
        let voters = crlf.text().chars().position(|c| c == 'V').unwrap();
        assert_eq!(crlf.slice(Span::new(voters, voters + 6)), Some("Voters"));
    }

    #[test]
    fn plain_body_without_a_head() {
        let article = clean_plain_text("First paragraph here.\n\nSecond one.", None).unwrap();
        assert_eq!(article.meta.title, "First paragraph here.");
        assert_eq!(article.paragraphs().len(), 2);
        assert!(article.set_aside.is_empty());
    }

    #[test]
    fn headline_then_body_without_a_date() {
        let article = clean_plain_text("Mayor wins third term\n\nThe mayor won.\n", None).unwrap();
        assert_eq!(article.meta.title, "Mayor wins third term");
        assert_eq!(article.text(), "The mayor won.");
    }

    #[test]
    fn cjk_and_emoji_survive() {
        let article = clean_plain_text("東京で会議 👨🏻‍🚒\n\n北京の記者が報じた。🏳️‍🌈", None).unwrap();
        assert_eq!(article.meta.title, "東京で会議 👨🏻‍🚒");
        assert_eq!(article.text(), "北京の記者が報じた。🏳️‍🌈");
    }

    #[test]
    fn wire_copy_with_a_dateline_keeps_it_in_the_body() {
        let wire = "Port strike ends after nine days\n\
            \n\
            LINDMARK, March 3 (Nordwire) - Dock workers returned on Monday, the union said.\n\
            \n\
            Read more: Port strike day one\n\
            \n\
            The deal raises pay by 4.5% over two years.\n";
        let article = clean_plain_text(wire, None).unwrap();
        assert_eq!(article.meta.title, "Port strike ends after nine days");
        assert!(article
            .text()
            .starts_with("LINDMARK, March 3 (Nordwire) - Dock"));
        assert_eq!(article.paragraphs().len(), 2);
        assert_eq!(article.set_aside[0].reason, "page furniture");
    }

    #[test]
    fn blog_post_with_byline_and_repeated_pull_quote() {
        let blog = "\u{feff}Why we moved the newsroom to the harbour\n\
            By Tove Lind\n\
            \n\
            “The harbour is where the news is.”\n\
            \n\
            We moved in May. The rent is 30% lower.\n\
            \n\
            “The harbour is where the news is.”\n\
            \n\
            Share this\n\
            Subscribe to our newsletter for weekly notes\n";
        let article = clean_plain_text(blog, None).unwrap();
        assert_eq!(article.meta.byline.as_deref(), Some("Tove Lind"));
        assert_eq!(article.paragraphs().len(), 2);
        let reasons: Vec<&str> = article
            .set_aside
            .iter()
            .map(|s| s.reason.as_str())
            .collect();
        assert_eq!(
            reasons,
            [
                "repeated line (caption or pull quote)",
                "page furniture",
                "page furniture"
            ]
        );
        assert_eq!(article.normalization[0], "bom-removed");
    }

    #[test]
    fn transcript_and_german_article_keep_every_line() {
        let transcript = "Interview transcript\n\nHOST: Welcome.\nGUEST: Thank you, glad to be here.\nHOST: Let us start.";
        let article = clean_plain_text(transcript, None).unwrap();
        assert_eq!(article.paragraphs().len(), 3);
        assert!(article.text().starts_with("HOST: Welcome."));

        let german =
            "Startseite Politik Wirtschaft Sport Kultur Wissen Reisen Auto Digital Video\n\
            Donnerstag, 4. Januar 2024\n\
            Hafenstadt stimmt für die Fähre\n\
            \n\
            „Wir lassen uns nicht abschneiden“, sagte die Bürgermeisterin.";
        let article = clean_plain_text(german, None).unwrap();
        assert_eq!(article.meta.title, "Hafenstadt stimmt für die Fähre");
        assert_eq!(article.set_aside[0].reason, "navigation");
        assert_eq!(
            article.text(),
            "„Wir lassen uns nicht abschneiden“, sagte die Bürgermeisterin."
        );
    }

    #[test]
    fn empty_or_furniture_only_input_is_refused() {
        assert_eq!(clean_plain_text(" \r\n\t\n", None), Err(IngestError::Empty));
        assert_eq!(
            clean_plain_text("Advertisement\n\nShare", None),
            Err(IngestError::Empty)
        );
    }
}
