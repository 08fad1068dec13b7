//! Placing annotations made elsewhere (read by [`super::foreign`]) onto the open article. Each
//! is placed by its position when the text there is the quoted text (counted in code points, or
//! in UTF-16 units as Recogito and Hypothesis count); otherwise by finding the quote,
//! disambiguated by its prefix and suffix. When the quote is missing or ambiguous the
//! annotation is an [`Orphan`] for the user to place or drop — never attached to a look-alike
//! passage.

use crate::model::{Article, Label, Span, TextIndex};

/// An annotation read from another tool's file, before it is placed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Candidate {
    /// Its label.
    pub label: Label,
    /// The quoted text, when the file carries it.
    pub exact: Option<String>,
    /// Text before it, when known.
    pub prefix: String,
    /// Text after it, when known.
    pub suffix: String,
    /// Its position in code points, when the file has one.
    pub position: Option<Span>,
    /// Who said it.
    pub speaker: String,
    /// A note.
    pub note: String,
}

/// An annotation that could not be placed, with why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Orphan {
    /// What was read.
    pub candidate: Candidate,
    /// Why it was not placed.
    pub reason: String,
}

/// Where a candidate goes, or why it goes nowhere.
pub fn anchor(article: &Article, candidate: &Candidate) -> Result<Span, String> {
    let fits = |span: Span| fits(article, candidate, span);
    if let Some(span) = candidate.position.filter(|s| !s.is_empty() && fits(*s)) {
        return Ok(span);
    }
    // A position counted in UTF-16 units (Recogito, Hypothesis), recognised by its quote.
    if let Some(span) = utf16_position(article, candidate).filter(|s| fits(*s)) {
        return Ok(span);
    }
    let Some(exact) = candidate.exact.as_deref().filter(|e| !e.is_empty()) else {
        return Err(
            "its position does not fit this text and it carries no quoted text".to_string(),
        );
    };
    let mut found = occurrences(article.text(), exact);
    if found.is_empty() {
        // Approximate: the same words with other spacing, case or quotation marks.
        found = loose_occurrences(article.text(), exact);
    }
    match found.len() {
        0 => Err(format!("“{}” is not in this text", shorten(exact))),
        1 => Ok(found[0]),
        _ => {
            let scored: Vec<(usize, Span)> = found
                .iter()
                .map(|s| (context_score(article, *s, candidate), *s))
                .collect();
            let best = scored.iter().map(|(score, _)| *score).max().unwrap_or(0);
            let winners: Vec<Span> = scored
                .iter()
                .filter(|(score, _)| *score == best)
                .map(|(_, s)| *s)
                .collect();
            if best > 0 && winners.len() == 1 {
                Ok(winners[0])
            } else {
                Err(format!(
                    "“{}” occurs {} times and its context does not say which",
                    shorten(exact),
                    found.len()
                ))
            }
        }
    }
}

/// Code point spans of every occurrence of `needle` in `text`.
fn occurrences(text: &str, needle: &str) -> Vec<Span> {
    let index = TextIndex::new(text);
    let len = needle.chars().count();
    text.match_indices(needle)
        .map(|(byte, _)| {
            let start = text[..byte].chars().count();
            Span::new(start, start + len)
        })
        .filter(|s| s.end <= index.cp_len())
        .collect()
}

/// A character as loose matching sees it: lower case, typographic quotes and dashes plain.
fn loose(c: char) -> char {
    match c {
        '“' | '”' | '„' | '«' | '»' => '"',
        '‘' | '’' | '‚' => '\'',
        '–' | '—' => '-',
        _ => c.to_lowercase().next().unwrap_or(c),
    }
}

/// Occurrences of `needle` in `text` ignoring case, quote style and runs of whitespace, as
/// code point spans of the real text.
fn loose_occurrences(text: &str, needle: &str) -> Vec<Span> {
    // The text with whitespace runs collapsed, and where each kept character came from.
    let mut folded = Vec::new();
    let mut origin = Vec::new();
    let mut last_space = false;
    for (cp, c) in text.chars().enumerate() {
        let space = c.is_whitespace();
        if !(space && last_space) {
            folded.push(if space { ' ' } else { loose(c) });
            origin.push(cp);
        }
        last_space = space;
    }
    let wanted: Vec<char> = needle
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .chars()
        .map(loose)
        .collect();
    if wanted.is_empty() || wanted.len() > folded.len() {
        return Vec::new();
    }
    (0..=folded.len() - wanted.len())
        .filter(|&i| folded[i..i + wanted.len()] == wanted[..])
        .map(|i| Span::new(origin[i], origin[i + wanted.len() - 1] + 1))
        .collect()
}

/// How many characters of the candidate's prefix and suffix agree with the text around `span`.
fn context_score(article: &Article, span: Span, candidate: &Candidate) -> usize {
    let before = article
        .slice(Span::new(span.start.saturating_sub(64), span.start))
        .unwrap_or_default();
    let after = article
        .slice(Span::new(span.end, (span.end + 64).min(article.cp_len())))
        .unwrap_or_default();
    let tail = before
        .chars()
        .rev()
        .zip(candidate.prefix.chars().rev())
        .take_while(|(a, b)| a == b)
        .count();
    let head = after
        .chars()
        .zip(candidate.suffix.chars())
        .take_while(|(a, b)| a == b)
        .count();
    tail + head
}

pub(crate) fn shorten(text: &str) -> String {
    shorten_to(text, 60)
}

/// `text` cut to its first `max` code points, with `…` when something was cut.
pub(crate) fn shorten_to(text: &str, max: usize) -> String {
    let short: String = text.chars().take(max).collect();
    if short.len() < text.len() {
        format!("{short}…")
    } else {
        short
    }
}

/// The candidate's position read as UTF-16 units, when it has a quote to check it by and the
/// two readings differ.
fn utf16_position(article: &Article, candidate: &Candidate) -> Option<Span> {
    candidate.exact.as_ref()?;
    let position = candidate.position.filter(|s| !s.is_empty())?;
    let text = article.text();
    let index = article.index();
    let span = Span::new(
        index.cp_of_utf16(text, position.start)?,
        index.cp_of_utf16(text, position.end)?,
    );
    (span != position).then_some(span)
}

/// What a candidate's position counted, when the position (not a search for its quote)
/// placed it: `Some(true)` for UTF-16 units, `Some(false)` for code points.
pub fn counted_in_utf16(article: &Article, candidate: &Candidate) -> Option<bool> {
    let fits = |span: Span| !span.is_empty() && fits(article, candidate, span);
    if candidate.position.is_some_and(fits) {
        return Some(false);
    }
    utf16_position(article, candidate)
        .filter(|s| fits(*s))
        .map(|_| true)
}

/// Whether `span` of the article holds the candidate's quote (any span fits one without).
fn fits(article: &Article, candidate: &Candidate, span: Span) -> bool {
    match (&candidate.exact, article.slice(span)) {
        (Some(exact), Some(found)) => found == exact,
        (None, Some(_)) => true,
        (_, None) => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::format::foreign::read_foreign;
    use crate::model::format::others::{doccano, label_studio, w3c};
    use crate::model::{Annotation, AnnotationSet, Metadata, ParagraphKind};

    fn article() -> Article {
        Article::from_paragraphs(
            [(
                "Fire 👨🏻‍🚒 crew said “no”. Later the crew said “no” again.",
                ParagraphKind::Body,
            )],
            Metadata::default(),
        )
    }

    fn annotated() -> (Article, AnnotationSet) {
        let article = article();
        let mut set = AnnotationSet::new();
        let quote = set.add(&article, Span::new(20, 24), Label::Quote).unwrap();
        set.change(
            &article,
            Annotation {
                speaker: "crew".into(),
                note: "first".into(),
                ..quote
            },
        )
        .unwrap();
        set.add(&article, Span::new(10, 25), Label::Fact).unwrap();
        (article, set)
    }

    fn placed(article: &Article, candidates: &[Candidate]) -> Vec<(Span, Label)> {
        candidates
            .iter()
            .map(|c| (anchor(article, c).unwrap(), c.label))
            .collect()
    }

    #[test]
    fn every_format_round_trips_onto_the_same_text() {
        let (article, set) = annotated();
        let expected: Vec<(Span, Label)> = set.iter().map(|a| (a.span, a.label)).collect();
        let from_w3c = read_foreign(&w3c(&article, &set, "now").to_string()).unwrap();
        assert_eq!(placed(&article, &from_w3c), expected);
        assert_eq!(from_w3c[1].speaker, "crew");
        assert_eq!(from_w3c[1].note, "first");
        assert_eq!(
            placed(&article, &read_foreign(&doccano(&article, &set)).unwrap()),
            expected
        );
        assert_eq!(
            placed(
                &article,
                &read_foreign(&label_studio(&article, &set).to_string()).unwrap()
            ),
            expected
        );
    }

    #[test]
    fn utf16_offsets_after_an_emoji_land_exactly() {
        let article = article();
        // doccano counts the firefighter as 7 UTF-16 units: "crew" is at 13..17, not 10..14.
        let line =
            serde_json::json!({"text": article.text(), "label": [[13, 17, "FACT"]]}).to_string();
        let candidates = read_foreign(&line).unwrap();
        assert_eq!(candidates[0].exact.as_deref(), Some("crew"));
        assert_eq!(anchor(&article, &candidates[0]), Ok(Span::new(10, 14)));
    }

    #[test]
    fn w3c_positions_in_utf16_units_are_recognised_by_their_quote() {
        let article = article();
        let mut set = AnnotationSet::new();
        set.add(&article, Span::new(10, 14), Label::Fact).unwrap();
        let file = crate::model::format::others::w3c_utf16(&article, &set, "now").to_string();
        let candidates = read_foreign(&file).unwrap();
        assert_eq!(candidates[0].position, Some(Span::new(13, 17)));
        assert_eq!(anchor(&article, &candidates[0]), Ok(Span::new(10, 14)));
        assert_eq!(counted_in_utf16(&article, &candidates[0]), Some(true));
        let plain = w3c(&article, &set, "now").to_string();
        let candidates = read_foreign(&plain).unwrap();
        assert_eq!(counted_in_utf16(&article, &candidates[0]), Some(false));
    }

    #[test]
    fn label_studio_counts_code_points_and_older_files_utf16_by_their_text() {
        let article = article();
        let task = |start: u64, end: u64, text: Option<&str>| {
            let mut value = serde_json::json!({"start": start, "end": end, "labels": ["FACT"]});
            if let Some(text) = text {
                value["text"] = serde_json::json!(text);
            }
            serde_json::json!([{"data": {"text": article.text()}, "annotations": [{"result": [
                {"type": "labels", "from_name": "label", "to_name": "text", "value": value}
            ]}]}])
            .to_string()
        };
        // Label Studio 1.x: code points, "crew" at 10..14, with or without its text.
        for file in [task(10, 14, Some("crew")), task(10, 14, None)] {
            let candidates = read_foreign(&file).unwrap();
            assert_eq!(anchor(&article, &candidates[0]), Ok(Span::new(10, 14)));
        }
        // An older Label Studio's UTF-16 units (13..17) are recognised by the stated text.
        let candidates = read_foreign(&task(13, 17, Some("crew"))).unwrap();
        assert_eq!(anchor(&article, &candidates[0]), Ok(Span::new(10, 14)));
        // Offsets and text that agree in neither unit are refused with both shown.
        assert!(read_foreign(&task(13, 17, Some("boat")))
            .unwrap_err()
            .contains("not its text “boat”"));
    }

    #[test]
    fn moved_text_is_found_by_quote_and_context_and_ambiguity_orphans() {
        let article = article();
        let by_context = Candidate {
            label: Label::Quote,
            exact: Some("“no”".into()),
            prefix: "the crew said ".into(),
            suffix: " again".into(),
            position: Some(Span::new(0, 4)),
            speaker: String::new(),
            note: String::new(),
        };
        assert_eq!(
            article.slice(anchor(&article, &by_context).unwrap()),
            Some("“no”")
        );
        assert_eq!(anchor(&article, &by_context).unwrap().start, 46);
        let ambiguous = Candidate {
            prefix: String::new(),
            suffix: String::new(),
            ..by_context.clone()
        };
        assert!(anchor(&article, &ambiguous)
            .unwrap_err()
            .contains("occurs 2 times"));
        let missing = Candidate {
            exact: Some("yes".into()),
            ..by_context
        };
        assert!(anchor(&article, &missing)
            .unwrap_err()
            .contains("not in this text"));
    }

    #[test]
    fn approximate_matching_tolerates_spacing_case_and_quote_style() {
        let article = article();
        let loose = Candidate {
            label: Label::Quote,
            exact: Some("LATER the  crew said \"no\"".into()),
            prefix: String::new(),
            suffix: String::new(),
            position: None,
            speaker: String::new(),
            note: String::new(),
        };
        let span = anchor(&article, &loose).unwrap();
        assert_eq!(article.slice(span), Some("Later the crew said “no”"));
    }

    #[test]
    fn bad_files_name_the_place_and_the_reason() {
        assert!(
            read_foreign(r#"{"text": "abc", "label": [[0, 2, "OPINION"]]}"#)
                .unwrap_err()
                .contains("unknown label “OPINION”")
        );
        assert!(read_foreign("{\"text\": \"a\", \"label\": []}\nnot json")
            .unwrap_err()
            .starts_with("Line 2"));
        let lying = r#"[{"data": {"text": "abc"}, "annotations": [{"result": [{"value": {"start": 0, "end": 2, "text": "bc", "labels": ["FACT"]}}]}]}]"#;
        assert!(read_foreign(lying).unwrap_err().contains("not its text"));
        assert!(read_foreign(r#"{"hello": 1}"#).is_err());
    }
}

/// Random texts (emoji with ZWJ and skin tones, combining marks, CJK, Arabic, CRLF) with random
/// overlapping annotations survive every format that carries positions.
#[cfg(all(test, not(target_arch = "wasm32")))]
mod round_trips {
    use super::*;
    use crate::model::format::foreign::read_foreign;
    use crate::model::format::jsonl::corpus_jsonl;
    use crate::model::format::native::{export_json, import};
    use crate::model::format::others::{doccano, label_studio, spacy, w3c};
    use crate::model::ingest::clean_plain_text;
    use crate::model::AnnotationSet;
    use proptest::prelude::*;

    fn piece() -> impl Strategy<Value = &'static str> {
        prop::sample::select(vec![
            "word",
            " ",
            "👨🏻‍🚒",
            "🏳️‍🌈",
            "e\u{301}",
            "北京",
            "مرحبا",
            "\r\n",
            "\n\n",
            "“q”",
            "Ω",
            "é",
            "x",
        ])
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(64))]
        #[test]
        fn every_format_round_trips(pieces in prop::collection::vec(piece(), 3..40), spans in prop::collection::vec((0usize..200, 0usize..200, 0u8..3), 0..12)) {
            let input: String = pieces.concat();
            let Ok(article) = clean_plain_text(&format!("Title here\n\n{input} end"), None) else { return Ok(()); };
            let len = article.cp_len();
            let mut set = AnnotationSet::new();
            for (a, b, l) in spans {
                let _ = set.add(&article, Span::new(a % (len + 1), b % (len + 1)), Label::ALL[l as usize]);
            }
            let expected: Vec<(Span, Label)> = set.iter().map(|a| (a.span, a.label)).collect();

            let (back, back_set) = import(&export_json(&article, &set, "now").unwrap()).unwrap();
            prop_assert_eq!(back.text(), article.text());
            prop_assert_eq!(back_set.as_slice(), set.as_slice());
            let line = corpus_jsonl(&[(article.clone(), set.clone())], "now").unwrap();
            let (_, from_line) = import(line.trim()).unwrap();
            prop_assert_eq!(from_line.as_slice(), set.as_slice());

            for file in [doccano(&article, &set), label_studio(&article, &set).to_string(), w3c(&article, &set, "now").to_string()] {
                let placed: Vec<(Span, Label)> = read_foreign(&file).unwrap().iter().map(|c| (anchor(&article, c).unwrap(), c.label)).collect();
                prop_assert_eq!(&placed, &expected);
            }
            let spacy_line: serde_json::Value = serde_json::from_str(spacy(&article, &set).trim()).unwrap();
            let chars: Vec<char> = article.text().chars().collect();
            for (span, a) in spacy_line["spans"].as_array().unwrap().iter().zip(set.iter()) {
                let (s, e) = (span["start"].as_u64().unwrap() as usize, span["end"].as_u64().unwrap() as usize);
                prop_assert_eq!(chars[s..e].iter().collect::<String>(), article.slice(a.span).unwrap().to_string());
            }
        }
    }
}
