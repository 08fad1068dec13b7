//! Word and sentence boundaries by the segmentation tables the app ships
//! (`unicode-segmentation`, UAX #29), printed as JSON lines for `e2e/bench/segmenter.mjs`,
//! which asks the browser's own `Intl.Segmenter` for the same paragraphs and compares the two.
//!
//! Input: the paragraphs of every `.txt` file in the folders given as arguments (the PolNeAR
//! articles when `../shared/corpus` is there), then a few invented paragraphs in other scripts
//! (below), so a fresh clone has something to compare. One line per paragraph:
//! `{"source", "lang", "text", "words", "sentences", "micros"}`, where `words` and `sentences`
//! are the code point offsets at which a segment ends and `micros` the time both took natively.
//!
//! `make bench` runs it through the script; it is not a test and asserts nothing.

use std::path::Path;
use std::time::Instant;

use unicode_segmentation::UnicodeSegmentation;

/// Invented paragraphs in other languages and scripts: (BCP 47 tag, text).
const OTHER_SCRIPTS: &[(&str, &str)] = &[
    ("de", "Der Stadtrat hat am Montag den Haushalt beschlossen. „Wir sparen 3,5 Mio. Euro“, sagte Dr. Weber. Die Opposition stimmte dagegen."),
    ("fr", "Le maire a déclaré : « Nous n’avons rien caché. » L’enquête, ouverte en 2023, continue. M. Dupont n’a pas répondu."),
    ("es", "¿Quién pagó la obra? La alcaldesa dijo que el Gobierno aportó 12 millones. ¡Es falso!, respondió la oposición."),
    ("ru", "Министр заявил, что цены выросли на 7,4%. «Это временно», — добавил он. Эксперты с ним не согласны."),
    ("zh", "市长周一表示，新线路将于明年开通。他说：“我们已经完成了百分之八十的工程。”反对派对此表示怀疑。"),
    ("ja", "市長は月曜日、新しい路線が来年開業すると述べた。「工事の八割は終わった」と話した。野党は疑問を示している。"),
    ("ar", "قال الوزير إن الأسعار ارتفعت بنسبة سبعة في المئة. وأضاف: «هذا أمر مؤقت». ولم يعلق المتحدث."),
    ("th", "นายกเทศมนตรีกล่าวว่าเส้นทางใหม่จะเปิดในปีหน้า ฝ่ายค้านยังคงสงสัย"),
    ("en", "The family 👨‍👩‍👧‍👦 arrived at 9:30 a.m. on Jan. 5 — “finally!” — after a 1,200-km trip 🇩🇪→🇫🇷. U.S. officials said it cost $3.5bn (€3.2bn). Really?! Yes."),
];

fn main() {
    let mut paragraphs: Vec<(String, &str, String)> = Vec::new();
    for folder in std::env::args().skip(1) {
        let Ok(entries) = std::fs::read_dir(&folder) else {
            eprintln!("segment_bounds: {folder} is not a readable folder; skipped");
            continue;
        };
        let mut files: Vec<_> = entries
            .filter_map(Result::ok)
            .map(|e| e.path())
            .filter(|p| p.extension().is_some_and(|e| e == "txt"))
            .collect();
        files.sort();
        for file in files {
            let Ok(text) = std::fs::read_to_string(&file) else {
                eprintln!("segment_bounds: could not read {}; skipped", file.display());
                continue;
            };
            let name = file_name(&file);
            for paragraph in text.split('\n').map(str::trim).filter(|p| !p.is_empty()) {
                paragraphs.push((name.clone(), "en", paragraph.to_string()));
            }
        }
    }
    for (lang, text) in OTHER_SCRIPTS {
        paragraphs.push(("invented".into(), lang, (*text).to_string()));
    }
    for (source, lang, text) in paragraphs {
        let started = Instant::now();
        let words = ends(text.split_word_bound_indices());
        let sentences = ends(text.split_sentence_bound_indices());
        let micros = started.elapsed().as_secs_f64() * 1e6;
        let line = serde_json::json!({
            "source": source, "lang": lang, "text": text,
            "words": words, "sentences": sentences, "micros": micros,
        });
        println!("{line}");
    }
}

/// The code point offsets at which each segment ends.
fn ends<'a>(segments: impl Iterator<Item = (usize, &'a str)>) -> Vec<usize> {
    let mut at = 0;
    segments
        .map(|(_, piece)| {
            at += piece.chars().count();
            at
        })
        .collect()
}

fn file_name(path: &Path) -> String {
    path.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default()
}
