# claimtag: `make run` serves the app, `make test` runs every test. Both install what is missing
# first (scripts/setup.sh); tools live in $(TOOLS_ROOT)/bin, which comes first on PATH.
TOOLS_ROOT ?= $(HOME)/.cargo
export TOOLS_ROOT
export PATH := $(TOOLS_ROOT)/bin:$(PATH)

.PHONY: setup run test build size clean bench fuzz interop

setup:
	bash scripts/setup.sh

## Serve the app with its sample article at http://127.0.0.1:8080 (rebuilds on change).
run: setup
	bash scripts/trunk-release.sh serve --release --no-autoreload --address 127.0.0.1 --port 8080

## fmt, clippy (native + wasm32), native tests, browser tests, release build, Playwright.
test: setup
	bash scripts/test.sh

## The release bundle in dist/ (built for size with the pinned nightly: scripts/trunk-release.sh).
build: setup
	bash scripts/trunk-release.sh build --release

## Sizes of the release bundle.
size: build
	bash scripts/bundle-size.sh dist

clean:
	cargo clean
	rm -rf dist dist-debug e2e/test-results

## Benchmarks (not part of `make test`): HTML extraction on ../shared/corpus (Readability's test
## pages, and trafilatura's evaluation corpus beside trafilatura's own output, which
## scripts/trafilatura-baseline.sh saves in target/), the suggester on its gold sets
## (precision/recall), on real news (../shared/corpus/polnear-dev, scored by its score.py) and
## 100,000 words, then the browser
## benchmark (load, cold start, tag, relabel, delete, undo, typing, export, memory) on the release build,
## the segmentation check (the tables against Intl.Segmenter), the corpus and adjudication
## benchmarks, and team sync through a local pouchdb-server.
bench: build
	bash scripts/trafilatura-baseline.sh ../shared/corpus/trafilatura-eval target/trafilatura-eval
	cargo run --release --locked --example extract_bench -- ../shared/corpus --compare target/trafilatura-eval
	cargo run --release --locked --example suggest_bench
	bash scripts/bundle-size.sh dist
	node e2e/bench/run.mjs
	node e2e/bench/cold.mjs
	node e2e/bench/segmenter.mjs
	cargo run --release --locked --example corpus_bench
	cargo run --release --locked --example agreement_bench
	node e2e/bench/adjudicate.mjs
	node e2e/bench/corpus.mjs
	node e2e/bench/sync.mjs

## Fuzzing (not part of `make test`, which gives each target one second): every parser that
## takes outside input, FUZZ_SECONDS per target (default 60).
FUZZ_SECONDS ?= 60
fuzz: setup
	FUZZ_SECONDS=$(FUZZ_SECONDS) cargo test --release --locked --test fuzz -- --nocapture --test-threads 1

## Interop check with the real tools (not part of `make test`, issue 19): claimtag's exports of
## five hard fixture articles imported into doccano, Label Studio, spaCy, brat and Recogito's
## text-annotator (installed pinned under target/interop/), with a table of the spans that land
## on the right characters.
interop:
	cargo run --locked --example interop_export -- target/interop/out
	python3 scripts/interop/run.py
