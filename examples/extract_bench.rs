//! HTML extraction benchmark on two corpora under `../shared/corpus` (or the folder given as the
//! first argument): the Readability test pages (title exact match, body token F1 against
//! `expected.html`) and trafilatura's evaluation corpus (must/must-not snippet precision,
//! recall, accuracy and F1). `--compare DIR` also scores trafilatura's own extractions saved in
//! `DIR` by `scripts/trafilatura-baseline.sh`; `--dump DIR` writes claimtag's extractions of
//! the trafilatura corpus there, to read. A missing corpus is skipped.
//!
//! `make bench` runs it; it is not a test and asserts nothing.

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    native::main();
}

#[cfg(target_arch = "wasm32")]
fn main() {}

#[cfg(not(target_arch = "wasm32"))]
#[path = "../tests/support/html5.rs"]
mod html5;

#[cfg(not(target_arch = "wasm32"))]
#[path = "extract_bench_support/metrics.rs"]
mod metrics;

#[cfg(not(target_arch = "wasm32"))]
#[path = "extract_bench_support/readability_pages.rs"]
mod readability_pages;

#[cfg(not(target_arch = "wasm32"))]
#[path = "extract_bench_support/trafilatura_eval.rs"]
mod trafilatura_eval;

#[cfg(not(target_arch = "wasm32"))]
mod native {
    use std::path::PathBuf;

    pub fn main() {
        let mut corpus = PathBuf::from("../shared/corpus");
        let (mut compare, mut dump) = (None, None);
        let mut args = std::env::args().skip(1);
        while let Some(arg) = args.next() {
            if arg == "--compare" {
                compare = args.next().map(PathBuf::from);
            } else if arg == "--dump" {
                dump = args.next().map(PathBuf::from);
            } else {
                corpus = PathBuf::from(arg);
            }
        }
        super::readability_pages::run(&corpus.join("readability-test-pages"));
        super::trafilatura_eval::run(
            &corpus.join("trafilatura-eval"),
            compare.as_deref(),
            dump.as_deref(),
        );
    }
}
