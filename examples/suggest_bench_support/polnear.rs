//! The suggester on real news: the PolNeAR development set (`../shared/corpus/polnear-dev`, 84
//! US political news articles with their gold quotations and speakers), run the way a user
//! would — paste the text, press Suggest, accept every QUOTE suggestion, export — then scored
//! by the corpus's own `score.py` and, so the figures show without Python, by a native port of
//! its main row (overlap IoU ≥ 0.5 with marks stripped, speaker accuracy on matched quotes).
//!
//! The corpus is not the project's: it is read from outside the repository and nothing of it is
//! copied in. A missing corpus is skipped.

use std::fs;
use std::path::Path;
use std::process::Command;

use claimtag::model::format::native::export_json;
use claimtag::model::ingest::load::{load_text, InputKind};
use claimtag::model::segment::sentences;
use claimtag::model::suggest::{suggest, Suggestion};
use claimtag::model::{Article, Label};
use serde_json::Value;

/// Quotation marks stripped from both ends of both spans before matching, as `score.py` does.
const QUOTE_CHARS: &str = "\"'“”‘’„‟«»‹›`´";
/// Words dropped from speakers before comparing them, as `score.py` does.
const TITLES: &[&str] = &[
    "mr",
    "mrs",
    "ms",
    "miss",
    "mx",
    "dr",
    "prof",
    "professor",
    "sen",
    "senator",
    "rep",
    "representative",
    "gov",
    "governor",
    "president",
    "vice",
    "secretary",
    "gen",
    "general",
    "rev",
    "reverend",
    "sir",
    "dame",
    "lord",
    "lady",
    "madam",
    "judge",
    "justice",
    "lt",
    "col",
    "capt",
    "sgt",
    "hon",
    "the",
    "a",
    "an",
];

/// Totals over the corpus.
#[derive(Default)]
struct Totals {
    gold: usize,
    predicted: usize,
    matched: usize,
    with_speaker: usize,
    speaker_right: usize,
}

/// One article's gold quote: stripped span in the corpus text, and accepted speaker names.
struct GoldQuote {
    span: (usize, usize),
    speakers: Vec<String>,
}

/// Runs the corpus in `corpus` (skipping when absent), exporting into `out`; `detail` prints
/// every miss, false alarm and wrong speaker.
pub fn run(corpus: &Path, out: &Path, detail: bool) {
    let gold_path = corpus.join("gold.jsonl");
    let Ok(gold) = fs::read_to_string(&gold_path) else {
        println!(
            "\nReal news (PolNeAR dev): {} not found, skipped.",
            gold_path.display()
        );
        return;
    };
    if let Err(e) = fs::create_dir_all(out) {
        println!("\nReal news: cannot create {}: {e}", out.display());
        return;
    }
    let mut totals = Totals::default();
    let mut articles = 0;
    for line in gold.lines().filter(|l| !l.trim().is_empty()) {
        let Ok(record) = serde_json::from_str::<Value>(line) else {
            println!("real news: a gold.jsonl line does not read");
            continue;
        };
        let (Some(id), Some(file)) = (record["id"].as_str(), record["file"].as_str()) else {
            continue;
        };
        let Ok(text) = fs::read_to_string(corpus.join(file)) else {
            println!("real news: {file} missing");
            continue;
        };
        let Some((article, accepted)) = annotate(&text, &out.join(format!("{id}.json"))) else {
            println!("real news: {id} could not be loaded or exported");
            continue;
        };
        articles += 1;
        score_article(id, &text, &record, &article, &accepted, &mut totals, detail);
    }
    let ratio = |a: usize, b: usize| if b == 0 { 0.0 } else { a as f64 / b as f64 };
    let (p, r) = (
        ratio(totals.matched, totals.predicted),
        ratio(totals.matched, totals.gold),
    );
    let f1 = if p + r > 0.0 {
        2.0 * p * r / (p + r)
    } else {
        0.0
    };
    println!("\nReal news, PolNeAR dev ({articles} articles, {} gold quotes): pasted, suggested, QUOTE accepted, exported to {}", totals.gold, out.display());
    println!(
        "native scorer: QUOTE P={p:.3} R={r:.3} F1={f1:.3} (overlap, {} predicted), speaker acc={:.3} ({}/{})",
        totals.predicted,
        ratio(totals.speaker_right, totals.with_speaker),
        totals.speaker_right,
        totals.with_speaker
    );
    let scored = Command::new("python3")
        .arg(corpus.join("score.py"))
        .arg(&gold_path)
        .arg(out)
        .output();
    match scored {
        Ok(o) => {
            let stdout = String::from_utf8_lossy(&o.stdout);
            let last = stdout.lines().rev().find(|l| !l.trim().is_empty());
            println!("score.py: {}", last.unwrap_or("(no output)"));
        }
        Err(e) => println!("score.py: not run ({e})"),
    }
}

/// Pastes `text`, suggests, accepts every QUOTE suggestion and writes the native export to
/// `path`; returns the article and the accepted quotations.
fn annotate(text: &str, path: &Path) -> Option<(Article, Vec<Suggestion>)> {
    let loaded = load_text(
        InputKind::PlainText,
        text,
        None,
        Some("pasted text".to_string()),
    )
    .ok()?;
    let article = loaded.article;
    let mut set = loaded.annotations;
    let found = suggest(&article, &sentences(&article));
    // Nothing found is no error here: the export then has no quotations.
    let _ = set.offer(found);
    let quotes: Vec<Suggestion> = set
        .suggestions()
        .iter()
        .filter(|s| s.label == Label::Quote)
        .cloned()
        .collect();
    if !quotes.is_empty() {
        set.accept(&article, quotes.clone(), "bench").ok()?;
    }
    fs::write(path, export_json(&article, &set, "bench").ok()?).ok()?;
    Some((article, quotes))
}

/// Where each paragraph of `article` starts in the corpus `text` (paragraph text is kept
/// exactly by the paste clean-up; the headline may move into the metadata).
fn paragraph_offsets(article: &Article, text: &[char]) -> Vec<Option<usize>> {
    let mut from = 0;
    article
        .paragraphs()
        .iter()
        .map(|p| {
            let needle: Vec<char> = article.slice(p.span)?.chars().collect();
            let at = (from..=text.len().saturating_sub(needle.len()))
                .find(|&i| text[i..i + needle.len()] == needle[..])?;
            from = at + needle.len();
            Some(at)
        })
        .collect()
}

/// `span` without quotation marks or whitespace at either end.
fn strip(text: &[char], (mut s, mut e): (usize, usize)) -> Option<(usize, usize)> {
    let trimmed = |c: char| c.is_whitespace() || QUOTE_CHARS.contains(c);
    while s < e && trimmed(text[s]) {
        s += 1;
    }
    while e > s && trimmed(text[e - 1]) {
        e -= 1;
    }
    (e > s).then_some((s, e))
}

fn iou(a: (usize, usize), b: (usize, usize)) -> f64 {
    let inter = a.1.min(b.1).saturating_sub(a.0.max(b.0));
    let union = a.1.max(b.1) - a.0.min(b.0);
    if inter == 0 {
        0.0
    } else {
        inter as f64 / union as f64
    }
}

fn score_article(
    id: &str,
    text: &str,
    record: &Value,
    article: &Article,
    accepted: &[Suggestion],
    totals: &mut Totals,
    detail: bool,
) {
    let chars: Vec<char> = text.chars().collect();
    let offsets = paragraph_offsets(article, &chars);
    let gold: Vec<GoldQuote> = record["quotes"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|q| {
            let (s, e) = (q["start"].as_u64()? as usize, q["end"].as_u64()? as usize);
            let aliases = q["speaker_aliases"].as_array();
            let speakers = match (q["speaker"].as_str(), aliases) {
                (None, _) => Vec::new(),
                (Some(_), Some(a)) if !a.is_empty() => a
                    .iter()
                    .filter_map(|v| v.as_str().map(String::from))
                    .collect(),
                (Some(s), _) => vec![s.to_string()],
            };
            Some(GoldQuote {
                span: strip(&chars, (s, e.min(chars.len())))?,
                speakers,
            })
        })
        .collect();
    let predicted: Vec<Option<(usize, usize)>> = accepted
        .iter()
        .map(|s| {
            let paragraphs = article.paragraphs();
            let p = paragraphs.partition_point(|p| p.span.end <= s.span.start);
            let paragraph = paragraphs.get(p)?;
            let base = (*offsets.get(p)?)?;
            let start = base + s.span.start - paragraph.span.start;
            strip(&chars, (start, (start + s.span.len()).min(chars.len())))
        })
        .collect();
    let mut candidates = Vec::new();
    for (i, g) in gold.iter().enumerate() {
        for (j, p) in predicted.iter().enumerate() {
            let v = p.map_or(0.0, |p| iou(g.span, p));
            if v >= 0.5 {
                candidates.push((v, i, j));
            }
        }
    }
    candidates.sort_by(|a, b| b.0.total_cmp(&a.0));
    let (mut gold_used, mut pred_used) = (vec![false; gold.len()], vec![false; predicted.len()]);
    let slice = |(s, e): (usize, usize)| chars[s..e].iter().collect::<String>();
    for (_, i, j) in candidates {
        if gold_used[i] || pred_used[j] {
            continue;
        }
        gold_used[i] = true;
        pred_used[j] = true;
        totals.matched += 1;
        if gold[i].speakers.is_empty() {
            continue;
        }
        totals.with_speaker += 1;
        let right = speaker_match(&gold[i].speakers, &accepted[j].speaker);
        totals.speaker_right += usize::from(right);
        if detail && !right {
            println!(
                "  SPEAKER {id}: {:?} gold {:?} got {:?} ({})",
                short(&slice(gold[i].span)),
                gold[i].speakers,
                accepted[j].speaker,
                accepted[j].reason
            );
        }
    }
    if detail {
        for (_, g) in gold.iter().enumerate().filter(|(i, _)| !gold_used[*i]) {
            println!("  MISS {id}: {:?} {:?}", short(&slice(g.span)), g.speakers);
        }
        for (j, p) in predicted.iter().enumerate().filter(|(j, _)| !pred_used[*j]) {
            let shown = p.map(slice).unwrap_or_default();
            println!(
                "  FALSE {id}: {:?} {:?} ({})",
                short(&shown),
                accepted[j].speaker,
                accepted[j].reason
            );
        }
    }
    totals.gold += gold.len();
    totals.predicted += predicted.len();
}

/// The first words of `text`, for the detail lines.
fn short(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    if chars.len() <= 90 {
        text.to_string()
    } else {
        chars[..87].iter().collect::<String>() + "…"
    }
}

/// A speaker's comma-separated parts, each as its words without titles and articles.
fn speaker_segments(s: &str) -> Vec<Vec<String>> {
    let lower = s.to_lowercase().replace(['’', '‘'], "'").replace("'s", "");
    lower
        .split([',', ';', ':', '(', ')', '[', ']'])
        .flat_map(|part| part.split(" - ").flat_map(|p| p.split(" — ")))
        .map(|part| {
            part.split(|c: char| !c.is_alphanumeric())
                .filter(|w| !w.is_empty() && !TITLES.contains(w))
                .map(String::from)
                .collect::<Vec<_>>()
        })
        .filter(|words| !words.is_empty())
        .collect()
}

/// `score.py`'s speaker rule: one name's words contained in the other's (as a phrase or a
/// set) and the longer one's last word among them.
fn speaker_match(gold: &[String], predicted: &str) -> bool {
    if predicted.trim().is_empty() {
        return false;
    }
    let predicted = speaker_segments(predicted);
    gold.iter().flat_map(|g| speaker_segments(g)).any(|g| {
        predicted.iter().any(|p| {
            let (short, long) = if g.len() <= p.len() { (&g, p) } else { (p, &g) };
            let contained = short.iter().all(|w| long.contains(w));
            contained && long.last().is_some_and(|w| short.contains(w))
        })
    })
}
