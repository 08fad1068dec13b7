//! Agreement benchmark: 1,000 synthetic documents of about 3,000 code points, each annotated
//! by 3 annotators with 50 spans apiece (150,000 spans in all). The annotators copy a common
//! reference with realistic disagreement: about 70 % of spans exact, 10 % with shifted
//! boundaries, 8 % relabelled, 8 % missed (a spurious span elsewhere instead), 4 % shifted far
//! enough to fall below IoU 0.5; speakers of QUOTE / ALLEGATION spans differ now and then.
//! A pair of annotators then lands near span F1 0.70 (overlap) and 0.50 (exact).
//! Times (median of a few runs) `report()`, `document_scores`, `report_json` and `report_csv`.
//!
//! `cargo run --release --locked --example agreement_bench`; it is not a test and asserts
//! nothing.

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    native::main();
}

#[cfg(target_arch = "wasm32")]
fn main() {}

#[cfg(not(target_arch = "wasm32"))]
mod native {
    use std::hint::black_box;
    use std::time::Instant;

    use claimtag::model::agreement::table::{
        document_scores, figures, pairwise, report_csv, report_json, PairMeasure, Scope,
    };
    use claimtag::model::agreement::{report, DocLayers, Layer, Unit};
    use claimtag::model::Label;

    const DOCUMENTS: usize = 1_000;
    const ANNOTATORS: [&str; 3] = ["ilse", "jonas", "marta"];
    const SPANS: usize = 50;
    /// Timed runs per step; the median is reported.
    const RUNS: usize = 5;
    const SPEAKERS: [&str; 6] = [
        "Ana Ruiz",
        "the mayor",
        "police",
        "Dr. Okafor",
        "a spokesperson",
        "",
    ];

    /// A small deterministic generator (64-bit LCG), as in `corpus_bench.rs`.
    struct Lcg(u64);

    impl Lcg {
        fn next(&mut self, below: usize) -> usize {
            self.0 = self
                .0
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1_442_695_040_888_963_407);
            ((self.0 >> 33) % below as u64) as usize
        }
    }

    /// A random span of 15 to 114 code points inside `0..length`.
    fn random_unit(rng: &mut Lcg, length: usize) -> Unit {
        let len = 15 + rng.next(100);
        let start = rng.next(length - len);
        let label = Label::ALL[rng.next(3)];
        let speaker = match label {
            Label::Fact => "",
            _ => SPEAKERS[rng.next(SPEAKERS.len())],
        };
        Unit::new(start, start + len, label).with_speaker(speaker)
    }

    /// `u` with its start and end moved by up to `by` code points each way, kept non-empty and
    /// inside `0..length`.
    fn shifted(rng: &mut Lcg, u: &Unit, by: usize, length: usize) -> Unit {
        let mut moved = |x: usize| (x + rng.next(2 * by + 1)).saturating_sub(by).min(length);
        let start = moved(u.span.start);
        let end = moved(u.span.end).max(start + 1).min(length);
        let mut v = u.clone();
        v.span.start = start.min(end - 1);
        v.span.end = end;
        v
    }

    fn document(rng: &mut Lcg) -> DocLayers {
        let length = 2_700 + rng.next(600);
        let reference: Vec<Unit> = (0..SPANS).map(|_| random_unit(rng, length)).collect();
        let layers = ANNOTATORS
            .iter()
            .map(|name| {
                let units = reference
                    .iter()
                    .map(|u| {
                        let mut v = match rng.next(100) {
                            0..=69 => u.clone(),
                            70..=79 => shifted(rng, u, 4, length),
                            80..=87 => {
                                let mut v = u.clone();
                                v.label = Label::ALL[(u.label.index() + 1 + rng.next(2)) % 3];
                                v
                            }
                            88..=95 => random_unit(rng, length),
                            _ => shifted(rng, u, 40, length),
                        };
                        if v.label != Label::Fact && rng.next(10) == 0 {
                            v.speaker = SPEAKERS[rng.next(SPEAKERS.len())].to_string();
                        }
                        v
                    })
                    .collect();
                Layer::new(name, units)
            })
            .collect();
        DocLayers::new(length, layers)
    }

    /// Runs `f` [`RUNS`] times; the median time in ms and the last result.
    fn timed<T>(mut f: impl FnMut() -> T) -> (f64, T) {
        let mut times = Vec::with_capacity(RUNS);
        let mut last = None;
        for _ in 0..RUNS {
            let start = Instant::now();
            let out = black_box(f());
            times.push(start.elapsed().as_secs_f64() * 1000.0);
            last = Some(out);
        }
        times.sort_by(f64::total_cmp);
        let out = match last {
            Some(out) => out,
            None => f(),
        };
        (times[RUNS / 2], out)
    }

    fn show(v: Option<f64>) -> String {
        v.map_or("n/a".to_string(), |v| format!("{v:.3}"))
    }

    pub fn main() {
        let started = Instant::now();
        let mut rng = Lcg(2026);
        let docs: Vec<DocLayers> = (0..DOCUMENTS).map(|_| document(&mut rng)).collect();
        let spans: usize = docs
            .iter()
            .flat_map(|d| &d.layers)
            .map(|l| l.units.len())
            .sum();
        let code_points: usize = docs.iter().map(|d| d.length).sum();
        println!(
            "corpus: {DOCUMENTS} documents × {} annotators, {spans} spans, {code_points} code points (built in {:.2} s)\n",
            ANNOTATORS.len(),
            started.elapsed().as_secs_f64()
        );
        let named: Vec<(String, String, DocLayers)> = docs
            .iter()
            .enumerate()
            .map(|(i, d)| {
                (
                    format!("doc{i:04}"),
                    format!("Synthetic report {i}"),
                    d.clone(),
                )
            })
            .collect();

        let (t_report, r) = timed(|| report(&docs));
        let (t_scores, scores) = timed(|| document_scores(&named));
        let (t_figures, figs) = timed(|| figures(&r));
        let scope = Scope {
            kind: "library".into(),
            description: format!("{DOCUMENTS} synthetic documents"),
        };
        let (t_json, json) = timed(|| report_json(&r, &scope, &scores));
        let (t_csv, csv) = timed(|| report_csv(&r));
        let (t_heat, heat) = timed(|| pairwise(&r, PairMeasure::F1Overlap));

        println!("| step | median of {RUNS} (ms) | output |");
        println!("|---|---:|---|");
        println!("| report() | {t_report:.1} | {} pairs |", r.pairs.len());
        println!(
            "| document_scores | {t_scores:.1} | {} documents |",
            scores.len()
        );
        println!("| figures | {t_figures:.2} | {} rows |", figs.len());
        println!(
            "| report_json | {t_json:.2} | {:.1} KB |",
            json.len() as f64 / 1e3
        );
        println!(
            "| report_csv | {t_csv:.2} | {:.1} KB |",
            csv.len() as f64 / 1e3
        );
        println!(
            "| pairwise (F1 overlap) | {t_heat:.3} | {0}×{0} |",
            heat.len()
        );

        println!("\nfigures (all labels):");
        for p in &r.pairs {
            println!(
                "  {} – {}: span F1 exact {}, overlap {}, Cohen's κ {}, speakers {}",
                p.a,
                p.b,
                show(p.spans.exact.overall.f1()),
                show(p.spans.overlap.overall.f1()),
                show(p.cohen_kappa.overall.value),
                show(p.speakers.total().share()),
            );
        }
        println!(
            "  Fleiss' κ {}, Krippendorff's α {}, α_u {}",
            show(r.fleiss_kappa.overall.value),
            show(r.krippendorff_alpha.overall.value),
            show(r.alpha_u.overall.value),
        );
        let first = scores.first().map(|s| (s.id.as_str(), s.score));
        let last = scores.last().map(|s| (s.id.as_str(), s.score));
        if let (Some((a, sa)), Some((b, sb))) = (first, last) {
            println!(
                "  document scores: lowest {a} {}, highest {b} {}",
                show(sa),
                show(sb)
            );
        }
    }
}
