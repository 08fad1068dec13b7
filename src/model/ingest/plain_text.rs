//! Clean-up of an article copied from a web page as plain text.
//!
//! The usual shape (see `src/sample/article.txt`): a line of menu and icon words, a date line,
//! the headline, the standfirst, the headline again, an optional byline, then the body with one
//! paragraph per line. The clean-up keeps every word of the article, moves the headline, date
//! and byline into [`Metadata`], and sets page furniture aside in [`Article::set_aside`].

use thiserror::Error;

use crate::model::ingest::date::parse_date_line;
use crate::model::{Article, Metadata, ParagraphKind};

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
const FURNITURE: [&str; 12] = [
    "advertisement",
    "share",
    "share this article",
    "share on facebook",
    "share on twitter",
    "subscribe",
    "read more",
    "related",
    "comments",
    "skip to content",
    "skip to main content",
    "accept cookies",
];

/// How far into the input the head (date, headline, standfirst, byline) is looked for.
const HEAD_LINES: usize = 8;

/// Cleans `input` (text copied from a news page) into an article.
///
/// Normalises line endings to `\n`, trims every line and collapses runs of spaces and tabs,
/// recording each step that changed something in [`Article::normalization`].
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
    let mut set_aside = Vec::new();
    let mut standfirst = Vec::new();

    read_head(&mut lines, &mut meta, &mut set_aside, &mut standfirst);

    let mut paragraphs: Vec<(String, ParagraphKind)> = standfirst
        .into_iter()
        .map(|s| (s, ParagraphKind::Standfirst))
        .collect();
    for line in lines.into_iter().flatten() {
        if is_furniture(&line) {
            set_aside.push(line);
        } else {
            paragraphs.push((line, ParagraphKind::Body));
        }
    }
    if paragraphs.is_empty() {
        return Err(IngestError::Empty);
    }
    if meta.title.is_empty() {
        meta.title = first_words(&paragraphs[0].0, 12);
    }
    let mut article =
        Article::from_paragraphs(paragraphs.iter().map(|(t, k)| (t.as_str(), *k)), meta);
    article.normalization = normalization;
    article.set_aside = set_aside;
    Ok(article)
}

/// Splits into trimmed lines with single spaces, and names the steps that changed anything.
fn normalise(input: &str) -> (Vec<String>, Vec<String>) {
    let mut steps = Vec::new();
    let input = input.strip_prefix('\u{feff}').unwrap_or(input);
    if input.contains('\r') {
        steps.push("line-endings:lf".to_string());
    }
    let unified = input.replace("\r\n", "\n").replace('\r', "\n");
    let (mut trimmed, mut collapsed) = (false, false);
    let lines = unified
        .split('\n')
        .map(|raw| {
            let line = raw.trim();
            trimmed |= line.len() != raw.len();
            let single: String = collapse_spaces(line);
            collapsed |= single.len() != line.len();
            single
        })
        .collect();
    if trimmed {
        steps.push("trim-lines".to_string());
    }
    if collapsed {
        steps.push("collapse-spaces".to_string());
    }
    (lines, steps)
}

/// Runs of spaces and tabs become one space.
fn collapse_spaces(line: &str) -> String {
    let mut out = String::with_capacity(line.len());
    let mut in_run = false;
    for c in line.chars() {
        if c == ' ' || c == '\t' {
            if !in_run {
                out.push(' ');
            }
            in_run = true;
        } else {
            out.push(c);
            in_run = false;
        }
    }
    out
}

/// Finds the date line, navigation lines, headline, standfirst, repeated headline and byline
/// near the top, takes them out of `lines` and files them.
fn read_head(
    lines: &mut [Option<String>],
    meta: &mut Metadata,
    set_aside: &mut Vec<String>,
    standfirst: &mut Vec<String>,
) {
    let head: Vec<usize> = non_empty(lines).take(HEAD_LINES).collect();
    let date_at = head
        .iter()
        .position(|&i| lines[i].as_deref().and_then(parse_date_line).is_some());
    let mut cursor = 0;
    if let Some(d) = date_at {
        for &i in &head[..d] {
            let line = lines[i].take().unwrap_or_default();
            if looks_like_navigation(&line) || word_count(&line) <= 3 || !meta.title.is_empty() {
                set_aside.push(line);
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
            && lines[head[cursor]]
                .as_deref()
                .is_some_and(looks_like_navigation)
        {
            set_aside.push(lines[head[cursor]].take().unwrap_or_default());
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
                standfirst.extend(lines[i].take());
            }
            set_aside.extend(lines[head[cursor + r]].take());
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

/// A run of menu or icon words: many `…icon` tokens, or a long line of words with no
/// punctuation and none of the small words that sentences and headlines are made of.
fn looks_like_navigation(line: &str) -> bool {
    let words: Vec<&str> = line.split_whitespace().collect();
    let icons = words
        .iter()
        .filter(|w| w.to_lowercase().contains("icon"))
        .count();
    if icons >= 3 {
        return true;
    }
    const GLUE: [&str; 12] = [
        "the", "a", "an", "of", "to", "in", "and", "for", "on", "is", "with", "as",
    ];
    words.len() >= 8
        && !line.contains(|c: char| ".,;:!?\"“”‘’«»".contains(c))
        && !words
            .iter()
            .any(|w| GLUE.contains(&w.to_lowercase().as_str()))
}

/// Short, and not a finished sentence.
fn looks_like_headline(line: &str) -> bool {
    let words = word_count(line);
    (2..=30).contains(&words) && !line.ends_with('.') && !looks_like_navigation(line)
}

/// Equal but for case and spacing.
fn same_words(a: &str, b: &str) -> bool {
    a.split_whitespace()
        .map(str::to_lowercase)
        .eq(b.split_whitespace().map(str::to_lowercase))
}

/// `By Jane Doe` / `By Jane Doe and John Roe` → the names.
fn byline_of(line: &str) -> Option<String> {
    let rest = line
        .strip_prefix("By ")
        .or_else(|| line.strip_prefix("by "))?;
    (word_count(rest) <= 8 && !rest.ends_with('.')).then(|| rest.trim().to_string())
}

fn is_furniture(line: &str) -> bool {
    let key = line
        .trim_end_matches(|c: char| c.is_ascii_punctuation())
        .to_lowercase();
    FURNITURE.contains(&key.as_str())
}

fn first_words(text: &str, n: usize) -> String {
    let words: Vec<&str> = text.split_whitespace().collect();
    let mut title = words[..words.len().min(n)].join(" ");
    if words.len() > n {
        title.push('…');
    }
    title
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
             The vote came after a year of debate."
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
        assert_eq!(
            article.set_aside,
            [
                "homeicon searchicon shareicon menuicon closeicon",
                "Harbour town votes to keep its ferry",
                "Advertisement"
            ]
        );
        assert_eq!(article.normalization, ["trim-lines", "collapse-spaces"]);
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
    fn empty_or_furniture_only_input_is_refused() {
        assert_eq!(clean_plain_text(" \r\n\t\n", None), Err(IngestError::Empty));
        assert_eq!(
            clean_plain_text("Advertisement\n\nShare", None),
            Err(IngestError::Empty)
        );
    }
}
