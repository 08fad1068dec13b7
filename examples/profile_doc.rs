//! Times the model's steps on one native export (development aid for the benchmark).
fn main() {
    use claimtag::model::format::native::{export_json, import};
    use claimtag::model::layers::annotations_per_paragraph;
    use claimtag::model::segment::sentences;
    use std::time::Instant;
    let Some(path) = std::env::args().nth(1) else {
        return;
    };
    let Ok(json) = std::fs::read_to_string(path) else {
        return;
    };
    let t = Instant::now();
    let Ok((article, set)) = import(&json) else {
        println!("import failed");
        return;
    };
    println!("import {:?} ({} annotations)", t.elapsed(), set.len());
    let t = Instant::now();
    let s = sentences(&article);
    println!("sentences {:?} ({})", t.elapsed(), s.len());
    let t = Instant::now();
    let per = annotations_per_paragraph(article.paragraphs(), set.as_slice());
    println!("per paragraph {:?} ({})", t.elapsed(), per.len());
    let t = Instant::now();
    let runs: usize = article
        .paragraphs()
        .iter()
        .zip(&per)
        .map(|(p, l)| claimtag::model::layers::runs(p.span, l, &[]).len())
        .sum();
    println!("runs {:?} ({runs})", t.elapsed());
    let t = Instant::now();
    let out = export_json(&article, &set, "now")
        .map(|j| j.len())
        .unwrap_or(0);
    println!("export {:?} ({out} bytes)", t.elapsed());
}
