//! Measuring the suggester against a gold set: passages written with their expected spans
//! inline as `{{LABEL|speaker|cue|text}}`, scored for precision and recall per label (exact
//! span, and overlapping span) and for speakers.

use std::fmt::Write;

use crate::model::article::PARAGRAPH_SEPARATOR;
use crate::model::suggest::Suggestion;
use crate::model::{Article, Label, Metadata, ParagraphKind, Span};

/// A span the gold set expects.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Expected {
    /// Its label.
    pub label: Label,
    /// Where.
    pub span: Span,
    /// Who said it (empty when nobody is named).
    pub speaker: String,
}

/// One passage of the gold set.
#[derive(Debug, Clone)]
pub struct Passage {
    /// Its `## title` line.
    pub title: String,
    /// The text, without the markup.
    pub article: Article,
    /// What it should yield.
    pub expected: Vec<Expected>,
}

/// Reads a gold set: passages start with `## title`, other lines starting with `#` are
/// comments, paragraphs are separated by a blank line, and each expected span is written
/// `{{LABEL|speaker|cue|text}}` (the cue is documentation only); spans may nest.
pub fn parse_gold(source: &str) -> Result<Vec<Passage>, String> {
    let mut passages = Vec::new();
    let mut title: Option<&str> = None;
    let mut body = Vec::new();
    for line in source.lines().chain(std::iter::once("## ")) {
        if let Some(next) = line.strip_prefix("## ") {
            if let Some(title) = title {
                passages.push(passage(title, &body.join("\n"))?);
            }
            title = Some(next);
            body.clear();
        } else if !line.starts_with('#') {
            body.push(line);
        }
    }
    Ok(passages)
}

/// One passage from its marked-up body; spans may nest (a FACT inside a QUOTE).
fn passage(title: &str, body: &str) -> Result<Passage, String> {
    let mut text = String::new();
    let mut expected = Vec::new();
    // Spans opened and not yet closed: label, speaker, start.
    let mut open: Vec<(Label, String, usize)> = Vec::new();
    let mut rest = body.trim();
    loop {
        let next_open = rest.find("{{");
        let next_close = rest.find("}}");
        match (next_open, next_close) {
            (Some(o), c) if c.is_none_or(|c| o < c) => {
                text.push_str(&rest[..o]);
                let after = &rest[o + 2..];
                let mut parts = after.splitn(4, '|');
                let (Some(label), Some(speaker), Some(_cue), Some(words)) =
                    (parts.next(), parts.next(), parts.next(), parts.next())
                else {
                    return Err(format!("{title}: expected {{{{LABEL|speaker|cue|text}}}}"));
                };
                let label =
                    Label::parse(label).ok_or_else(|| format!("{title}: unknown label {label}"))?;
                open.push((label, speaker.to_string(), text.chars().count()));
                rest = words;
            }
            (_, Some(c)) => {
                text.push_str(&rest[..c]);
                let (label, speaker, start) = open
                    .pop()
                    .ok_or_else(|| format!("{title}: a }}}} closes nothing"))?;
                expected.push(Expected {
                    label,
                    span: Span::new(start, text.chars().count()),
                    speaker,
                });
                rest = &rest[c + 2..];
            }
            _ => break,
        }
    }
    if !open.is_empty() {
        return Err(format!("{title}: a {{{{ is not closed"));
    }
    text.push_str(rest);
    expected.sort_by_key(|e| (e.span.start, std::cmp::Reverse(e.span.end)));
    let article = Article::from_paragraphs(
        text.split(PARAGRAPH_SEPARATOR)
            .map(|p| (p, ParagraphKind::Body)),
        Metadata {
            title: title.to_string(),
            ..Metadata::default()
        },
    );
    if article.text() != text {
        return Err(format!(
            "{title}: paragraphs must be separated by exactly one blank line"
        ));
    }
    Ok(Passage {
        title: title.to_string(),
        article,
        expected,
    })
}

/// Counts for one label.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct LabelScore {
    /// Spans the gold set expects.
    pub expected: usize,
    /// Spans suggested.
    pub suggested: usize,
    /// Suggested spans equal to an expected one.
    pub exact: usize,
    /// Suggested spans overlapping an expected one (one to one).
    pub overlapping: usize,
}

/// A ratio, 1 when there was nothing to count.
fn ratio(part: usize, whole: usize) -> f64 {
    if whole == 0 {
        1.0
    } else {
        part as f64 / whole as f64
    }
}

impl LabelScore {
    /// Exact-span precision and recall.
    pub fn exact(&self) -> (f64, f64) {
        (
            ratio(self.exact, self.suggested),
            ratio(self.exact, self.expected),
        )
    }

    /// Overlapping-span precision and recall.
    pub fn overlapping(&self) -> (f64, f64) {
        (
            ratio(self.overlapping, self.suggested),
            ratio(self.overlapping, self.expected),
        )
    }
}

/// Counts for speakers, over suggestions that overlap an expected span of their label.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct SpeakerScore {
    /// Matched spans whose expected speaker is not empty.
    pub expected: usize,
    /// Matched suggestions that name a speaker.
    pub suggested: usize,
    /// Of those, the ones naming the expected speaker.
    pub correct: usize,
}

/// The scores of a whole gold set.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Report {
    /// Per label, in [`Label::ALL`] order.
    pub labels: [LabelScore; 3],
    /// Speakers.
    pub speakers: SpeakerScore,
    /// Titles of passages with a missed or wrong suggestion, to look at.
    pub imperfect: Vec<String>,
}

/// Whether a suggested speaker names the expected one: the same words ignoring case, or one
/// ending with the other ("Mayor Ana Ruiz" names "Ana Ruiz").
pub fn same_speaker(expected: &str, suggested: &str) -> bool {
    let (e, s) = (
        expected.trim().to_lowercase(),
        suggested.trim().to_lowercase(),
    );
    !e.is_empty()
        && !s.is_empty()
        && (e == s || s.ends_with(&format!(" {e}")) || e.ends_with(&format!(" {s}")))
}

/// Scores `suggest` over every passage.
pub fn score(passages: &[Passage], suggest: impl Fn(&Article) -> Vec<Suggestion>) -> Report {
    let mut report = Report::default();
    for passage in passages {
        let found = suggest(&passage.article);
        let mut perfect = found.len() == passage.expected.len();
        let mut used = vec![false; found.len()];
        for e in &passage.expected {
            let row = &mut report.labels[e.label.index()];
            row.expected += 1;
            let exact = found.iter().any(|s| s.label == e.label && s.span == e.span);
            row.exact += usize::from(exact);
            let matched = (0..found.len())
                .find(|&i| !used[i] && found[i].label == e.label && found[i].span.overlaps(e.span));
            let Some(i) = matched else {
                perfect = false;
                continue;
            };
            used[i] = true;
            row.overlapping += 1;
            let speakers = &mut report.speakers;
            speakers.expected += usize::from(!e.speaker.is_empty());
            speakers.suggested += usize::from(!found[i].speaker.is_empty());
            let right = same_speaker(&e.speaker, &found[i].speaker);
            speakers.correct += usize::from(right);
            perfect &= exact && (right || e.speaker.is_empty() && found[i].speaker.is_empty());
        }
        for s in &found {
            report.labels[s.label.index()].suggested += 1;
        }
        if !perfect {
            report.imperfect.push(passage.title.clone());
        }
    }
    report
}

impl Report {
    /// The report as a printed table.
    pub fn table(&self) -> String {
        let mut out = String::new();
        let _ = writeln!(
            out,
            "| label      | expected | suggested | exact P | exact R | overlap P | overlap R |"
        );
        let _ = writeln!(
            out,
            "|------------|---------:|----------:|--------:|--------:|----------:|----------:|"
        );
        for label in Label::ALL {
            let row = &self.labels[label.index()];
            let (ep, er) = row.exact();
            let (op, or) = row.overlapping();
            let _ = writeln!(
                out,
                "| {:<10} | {:>8} | {:>9} | {ep:>7.3} | {er:>7.3} | {op:>9.3} | {or:>9.3} |",
                label.id(),
                row.expected,
                row.suggested
            );
        }
        let s = &self.speakers;
        let _ = writeln!(
            out,
            "\nspeakers (of matched spans): precision {:.3} ({}/{}), recall {:.3} ({}/{})",
            ratio(s.correct, s.suggested),
            s.correct,
            s.suggested,
            ratio(s.correct, s.expected),
            s.correct,
            s.expected
        );
        if !self.imperfect.is_empty() {
            let _ = writeln!(out, "passages with a miss: {}", self.imperfect.join(", "));
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::segment::sentences;
    use crate::model::suggest::suggest;

    const GOLD: &str = include_str!("../../../examples/suggest_gold.txt");
    const HELD_OUT: &str = include_str!("../../../examples/suggest_heldout.txt");

    #[test]
    fn the_gold_set_reads_and_its_spans_hold_their_text() {
        let passages = parse_gold(GOLD).unwrap();
        assert!(passages.len() >= 20);
        let first = &passages[0];
        assert_eq!(first.title, "Harbour budget");
        let quote = &first.expected[1];
        assert_eq!(
            first.article.slice(quote.span),
            Some("“This is the largest investment in the waterfront in a generation,”")
        );
        assert_eq!(quote.speaker, "Ana Ruiz");
        assert!(parse_gold("## x\n{{NOPE|||y}}").is_err());
        assert!(parse_gold("## x\n{{QUOTE|a|b|never closed").is_err());
    }

    #[test]
    fn speakers_match_by_their_last_words() {
        assert!(same_speaker("Ana Ruiz", "Mayor Ana Ruiz"));
        assert!(same_speaker("the ministry", "The Ministry"));
        assert!(!same_speaker("Ana Ruiz", "Ruizinho"));
        assert!(!same_speaker("", ""));
    }

    #[test]
    fn quotes_on_the_gold_set_reach_the_aim() {
        let passages = parse_gold(GOLD).unwrap();
        let report = score(&passages, |a| suggest(a, &sentences(a)));
        println!("{}", report.table());
        let (p, r) = report.labels[Label::Quote.index()].exact();
        assert!(p >= 0.95 && r >= 0.95, "QUOTE exact P {p:.3} R {r:.3}");
        let held_out = parse_gold(HELD_OUT).unwrap();
        let report = score(&held_out, |a| suggest(a, &sentences(a)));
        println!("held out:\n{}", report.table());
    }
}
