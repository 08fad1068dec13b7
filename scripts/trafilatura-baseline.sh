#!/usr/bin/env bash
# trafilatura's own extractions of its evaluation corpus, for `make bench` to score beside
# claimtag's (examples/extract_bench.rs --compare). Installs trafilatura from PyPI into a virtual
# environment under target/ (not tracked), runs it once per page with its standard settings
# (no comments, tables kept) and saves each text as OUT/<page>.txt. Skips, without failing,
# when the corpus, python3 or PyPI is not there; reuses OUT when it is already complete.
#
# Usage: bash scripts/trafilatura-baseline.sh [CORPUS_DIR] [OUT_DIR]
set -euo pipefail
corpus="${1:-../shared/corpus/trafilatura-eval}"
out="${2:-target/trafilatura-eval}"
venv="target/trafilatura-venv"
version="2.3.1"

if [ ! -f "$corpus/evaldata.json" ]; then
  echo "trafilatura-baseline: no corpus at $corpus — skipped"
  exit 0
fi
if ! command -v python3 >/dev/null; then
  echo "trafilatura-baseline: python3 not found — skipped"
  exit 0
fi
if [ ! -x "$venv/bin/python" ] || ! "$venv/bin/python" -c "import trafilatura" 2>/dev/null; then
  mkdir -p target
  if ! { python3 -m venv "$venv" && "$venv/bin/pip" install -q "trafilatura==$version" lxml_html_clean; }; then
    echo "trafilatura-baseline: could not install trafilatura $version — skipped"
    exit 0
  fi
fi
mkdir -p "$out"
"$venv/bin/python" - "$corpus" "$out" <<'PY'
import gzip, json, os, sys
import trafilatura

corpus, out = sys.argv[1], sys.argv[2]
index = json.load(open(os.path.join(corpus, "evaldata.json"), encoding="utf-8"))
done = 0
for entry in index.values():
    name = entry["file"]
    target = os.path.join(out, os.path.splitext(name[:-3] if name.endswith(".gz") else name)[0] + ".txt")
    if os.path.exists(target):
        continue
    with gzip.open(os.path.join(corpus, "html", name), "rb") as f:
        page = f.read()
    try:
        text = trafilatura.extract(page, include_comments=False, include_tables=True) or ""
    except Exception:  # a failure counts as an empty extraction, as in trafilatura's own evaluation
        text = ""
    with open(target, "w", encoding="utf-8") as f:
        f.write(text)
    done += 1
print(f"trafilatura-baseline: trafilatura {trafilatura.__version__}, {done} pages extracted into {out}")
PY
