//! Fixture exports for `make interop` (issue 19): five short articles that are hard on offsets —
//! emoji with ZWJ sequences and skin tones, a flag, CJK with an astral character, Arabic (RTL)
//! and CRLF line endings — annotated with about sixty spans (some overlapping, some nested), then
//! written in every format of `ExportFormat::ALL` through `export_files`, exactly as the app's
//! Export menu writes them.
//!
//! `cargo run --locked --example interop_export -- target/interop/out`
//!
//! Writes into the given directory (default `target/interop/out`):
//! - `<article>/<file>` for every file `export_files` returns, for every format;
//! - `manifest.json`: per article, the files of each format (by format name);
//! - `expected.json`: per article, each annotation's label, code point offsets and exact text
//!   (the code point slice), which `scripts/interop/run.py` compares the tools' readings with.
//!
//! The articles are invented for this check (the names, places and events are fictional).

#[cfg(not(target_arch = "wasm32"))]
fn main() -> Result<(), Box<dyn std::error::Error>> {
    native::main()
}

#[cfg(target_arch = "wasm32")]
fn main() {}

#[cfg(not(target_arch = "wasm32"))]
mod native {
    use std::error::Error;
    use std::fs;
    use std::path::PathBuf;

    use claimtag::model::format::{export_files, ExportFormat};
    use claimtag::model::ingest::plain_text::clean_plain_text;
    use claimtag::model::segment::sentences;
    use claimtag::model::{
        AnnotationSet, Article, Label, Metadata, Paragraph, ParagraphKind, Span,
    };
    use serde_json::{json, Value};

    const EXPORTED_AT: &str = "2026-01-01T00:00:00Z";

    use Label::{Allegation as A, Fact as F, Quote as Q};

    /// A span to mark: label, the text to find, and which occurrence of it (0 = first).
    type Mark = (Label, &'static str, usize);

    fn metadata(title: &str) -> Metadata {
        Metadata {
            title: title.to_string(),
            source: Some(format!("interop fixture: {title}")),
            ..Metadata::default()
        }
    }

    /// Article 1: emoji with ZWJ sequences and skin tones.
    fn emoji() -> (Article, Vec<Mark>) {
        let article = Article::from_paragraphs(
            [
                ("Harbour fire crews 👩🏽‍🚒👨🏿‍🚒 saved 14 boats on Tuesday, the port authority said.", ParagraphKind::Standfirst),
                ("“We got there in nine minutes 🚒💨,” said captain Lea Moreau 👩🏻‍✈️. The harbour master 🧑🏾‍⚖️ claimed the alarm had been switched off by the yacht club.", ParagraphKind::Body),
                ("The club denied it 🙅🏽‍♀️ and said its sensors 📡 were tested in May. Families 👨‍👩‍👧‍👦 gathered on the quay, where 3 boats 🛥️ still burned at noon.", ParagraphKind::Body),
            ],
            metadata("Harbour fire 👩🏽‍🚒"),
        );
        let marks = vec![
            (F, "Harbour fire crews 👩🏽‍🚒👨🏿‍🚒 saved 14 boats on Tuesday", 0),
            (F, "👩🏽‍🚒👨🏿‍🚒", 0),
            (Q, "“We got there in nine minutes 🚒💨,”", 0),
            (F, "nine minutes 🚒💨", 0),
            (F, "captain Lea Moreau 👩🏻‍✈️", 0),
            (A, "the alarm had been switched off by the yacht club", 0),
            (
                A,
                "The harbour master 🧑🏾‍⚖️ claimed the alarm had been switched off",
                0,
            ),
            (F, "The club denied it 🙅🏽‍♀️", 0),
            (A, "its sensors 📡 were tested in May", 0),
            (F, "Families 👨‍👩‍👧‍👦 gathered on the quay", 0),
            (F, "3 boats 🛥️ still burned at noon", 0),
            (F, "🛥️", 0),
        ];
        (article, marks)
    }

    /// Article 2: a flag (regional indicator pair) among Latin and Cyrillic text.
    fn flag() -> (Article, Vec<Mark>) {
        let article = Article::from_paragraphs(
            [
                ("Grain ships 🇺🇦 left Odesa at dawn, the ministry said.", ParagraphKind::Standfirst),
                ("Twelve vessels 🚢 under the 🇺🇦 flag and two under 🇹🇷 sailed before 06:00. “Коридор працює,” the minister told reporters, meaning the corridor works.", ParagraphKind::Body),
                ("A trader in Varna 🇧🇬 alleged that insurers had doubled premiums overnight. The insurers 🏢 said rates rose by 8 %.", ParagraphKind::Body),
            ],
            metadata("Grain corridor 🇺🇦"),
        );
        let marks = vec![
            (F, "Grain ships 🇺🇦 left Odesa at dawn", 0),
            (F, "🇺🇦", 0),
            (F, "Twelve vessels 🚢 under the 🇺🇦 flag", 0),
            (F, "🇺🇦 flag and two under 🇹🇷", 0),
            (F, "🇹🇷", 0),
            (Q, "“Коридор працює,”", 0),
            (F, "Коридор", 0),
            (A, "insurers had doubled premiums overnight", 0),
            (
                A,
                "A trader in Varna 🇧🇬 alleged that insurers had doubled premiums",
                0,
            ),
            (F, "🇧🇬", 0),
            (F, "rates rose by 8 %", 0),
            (F, "The insurers 🏢 said", 0),
        ];
        (article, marks)
    }

    /// Article 3: CJK with astral (supplementary plane) characters.
    fn cjk() -> (Article, Vec<Mark>) {
        let article = Article::from_paragraphs(
            [
                ("𠀋山村の新しい橋が月曜日に開通した。", ParagraphKind::Standfirst),
                ("村長は「𠀋の名前を橋に残したい」と述べた。工事費は3億円で、𩸽漁の組合が一部を負担した。", ParagraphKind::Body),
                ("野党は入札に不正があったと主張している。県は調査を始めたと発表した。🌉", ParagraphKind::Body),
            ],
            metadata("𠀋 village bridge"),
        );
        let marks = vec![
            (F, "𠀋山村の新しい橋が月曜日に開通した", 0),
            (F, "𠀋", 0),
            (Q, "「𠀋の名前を橋に残したい」", 0),
            (F, "𠀋", 1),
            (F, "工事費は3億円", 0),
            (F, "𩸽漁の組合が一部を負担した", 0),
            (F, "𩸽", 0),
            (A, "入札に不正があった", 0),
            (A, "野党は入札に不正があったと主張している", 0),
            (F, "県は調査を始めた", 0),
            (F, "🌉", 0),
            (F, "村長は「𠀋の名前", 0),
        ];
        (article, marks)
    }

    /// Article 4: Arabic (right to left) with Latin digits, loaded through the plain-text loader
    /// from CRLF input, as a user pasting a Windows file would.
    fn arabic() -> Result<(Article, Vec<Mark>), Box<dyn Error>> {
        let input = "افتتاح محطة تحلية جديدة في صفاقس\r\n\
            \r\n\
            افتتحت الحكومة محطة تحلية جديدة تنتج 50 ألف متر مكعب يوميا.\r\n\
            \r\n\
            قال الوزير: «ستنهي المحطة انقطاع المياه هذا الصيف» 💧.\r\n\
            \r\n\
            وزعمت جمعية محلية أن العقد مُنح دون مناقصة. ونفت الشركة ذلك في بيان يوم 3 مايو.\r\n";
        let mut article = clean_plain_text(input, Some("interop fixture: arabic.txt".to_string()))?;
        article.meta.title = "محطة تحلية".to_string();
        article.meta.direction = Some("rtl".to_string());
        article.meta.language = Some("ar".to_string());
        let marks = vec![
            (F, "افتتحت الحكومة محطة تحلية جديدة", 0),
            (F, "50 ألف متر مكعب يوميا", 0),
            (F, "محطة تحلية", 0),
            (Q, "«ستنهي المحطة انقطاع المياه هذا الصيف»", 0),
            (
                Q,
                "قال الوزير: «ستنهي المحطة انقطاع المياه هذا الصيف» 💧",
                0,
            ),
            (F, "💧", 0),
            (A, "أن العقد مُنح دون مناقصة", 0),
            (A, "وزعمت جمعية محلية أن العقد", 0),
            (F, "ونفت الشركة ذلك", 0),
            (F, "يوم 3 مايو", 0),
            (F, "الوزير", 0),
            (F, "مُنح", 0),
        ];
        Ok((article, marks))
    }

    /// Article 5: CRLF line endings kept in the text (as a native import of a Windows file keeps
    /// them): paragraphs separated by CRLF CRLF, line breaks inside a paragraph, mixed with emoji.
    fn crlf() -> Result<(Article, Vec<Mark>), Box<dyn Error>> {
        let paragraphs = [
            "Council vote on tram line 🚋 delayed again",
            "The council postponed the vote to 4 March.\r\nCouncillor Ana Ruiz 👩🏽‍💼 said: “The budget is not ready.”",
            "Opponents claim the route\r\nwas chosen to favour one developer 🏗️.\r\nThe mayor 🧔🏻 called that “nonsense”.",
        ];
        let mut text = String::new();
        let mut spans = Vec::new();
        for p in paragraphs {
            if !text.is_empty() {
                text.push_str("\r\n\r\n");
            }
            let start = text.chars().count();
            text.push_str(p);
            spans.push(Paragraph {
                span: Span::new(start, text.chars().count()),
                kind: ParagraphKind::Body,
            });
        }
        let article = Article::from_parts(text, spans, metadata("Tram vote CRLF"))?;
        let marks = vec![
            (F, "Council vote on tram line 🚋 delayed again", 0),
            (F, "postponed the vote to 4 March", 0),
            (F, "4 March.\r\nCouncillor Ana Ruiz", 0),
            (Q, "“The budget is not ready.”", 0),
            (F, "Councillor Ana Ruiz 👩🏽‍💼", 0),
            (A, "the route\r\nwas chosen to favour one developer 🏗️", 0),
            (A, "Opponents claim the route", 0),
            (F, "🏗️.\r\nThe mayor 🧔🏻", 0),
            (Q, "“nonsense”", 0),
            (F, "The mayor 🧔🏻 called that “nonsense”", 0),
            (F, "🧔🏻", 0),
            (F, "tram line 🚋", 0),
        ];
        Ok((article, marks))
    }

    /// The code point span of the `nth` occurrence of `needle` in `text`.
    fn find(text: &str, needle: &str, nth: usize) -> Option<Span> {
        let (byte, _) = text.match_indices(needle).nth(nth)?;
        let start = text[..byte].chars().count();
        Some(Span::new(start, start + needle.chars().count()))
    }

    pub fn main() -> Result<(), Box<dyn Error>> {
        let out = PathBuf::from(
            std::env::args()
                .nth(1)
                .unwrap_or_else(|| "target/interop/out".to_string()),
        );
        if out.exists() {
            fs::remove_dir_all(&out)?;
        }
        fs::create_dir_all(&out)?;
        let articles = [
            ("emoji", emoji()),
            ("flag", flag()),
            ("cjk", cjk()),
            ("arabic", arabic()?),
            ("crlf", crlf()?),
        ];
        let mut expected = serde_json::Map::new();
        let mut manifest = serde_json::Map::new();
        let mut total = 0;
        for (key, (article, marks)) in articles {
            let mut set = AnnotationSet::new();
            let mut items = Vec::new();
            for (label, needle, nth) in marks {
                let span = find(article.text(), needle, nth)
                    .ok_or_else(|| format!("{key}: {needle:?} (#{nth}) is not in the text"))?;
                let annotation = set
                    .add(&article, span, label)
                    .map_err(|e| format!("{key}: cannot mark {needle:?}: {e}"))?;
                let text = article
                    .slice(annotation.span)
                    .ok_or_else(|| format!("{key}: no slice for {needle:?}"))?;
                let (u16_start, u16_end) = article
                    .utf16_span(annotation.span)
                    .ok_or_else(|| format!("{key}: no UTF-16 span for {needle:?}"))?;
                items.push(json!({
                    "label": label.id(),
                    "start": annotation.span.start,
                    "end": annotation.span.end,
                    "utf16_start": u16_start,
                    "utf16_end": u16_end,
                    "text": text,
                }));
            }
            total += items.len();
            let dir = out.join(key);
            fs::create_dir_all(&dir)?;
            let sentence_spans = sentences(&article);
            let mut files = serde_json::Map::new();
            for format in ExportFormat::ALL {
                let written = export_files(format, &article, &set, &sentence_spans, EXPORTED_AT)
                    .map_err(|e| format!("{key}: {} export failed: {e}", format.name()))?;
                let mut names = Vec::new();
                for (name, _mime, contents) in written {
                    fs::write(dir.join(&name), contents)?;
                    names.push(Value::String(name));
                }
                files.insert(format!("{format:?}"), Value::Array(names));
            }
            expected.insert(
                key.to_string(),
                json!({"title": article.meta.title, "text": article.text(), "annotations": items}),
            );
            manifest.insert(key.to_string(), Value::Object(files));
        }
        fs::write(
            out.join("expected.json"),
            serde_json::to_string_pretty(&Value::Object(expected))?,
        )?;
        fs::write(
            out.join("manifest.json"),
            serde_json::to_string_pretty(&Value::Object(manifest))?,
        )?;
        println!(
            "interop_export: 5 articles, {total} annotations, {} formats -> {}",
            ExportFormat::ALL.len(),
            out.display()
        );
        Ok(())
    }
}
