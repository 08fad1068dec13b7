#!/usr/bin/env bash
# Runs every check and test of claimtag, then prints a summary table and one closing line
# ("tests: N passed, M failed"). Every step runs even when an earlier one failed, so one run
# shows everything that is wrong; the exit code is non-zero if any step failed.
# Expects the tools from scripts/setup.sh (`make test` runs it first).
set -uo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
export PATH="${TOOLS_ROOT:-$HOME/.cargo}/bin:$PATH"
export CHROMEDRIVER="${CHROMEDRIVER:-/usr/bin/chromedriver}"
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
LOGS="$ROOT/target/test-logs"
mkdir -p "$LOGS"

declare -a NAMES RESULTS TIMES COUNTS
total_passed=0
total_failed=0
any_failed=0

# count_tests <log>: "passed failed" summed over cargo's and Playwright's closing lines.
count_tests() {
  python3 - "$1" <<'PY'
import re, sys
text = open(sys.argv[1], errors="replace").read()
text = re.sub(r"\x1b\[[0-9;]*m", "", text)
passed = failed = 0
for p, f in re.findall(r"test result: \w+\. (\d+) passed; (\d+) failed", text):
    passed += int(p); failed += int(f)
pw_passed = re.findall(r"^\s+(\d+) passed \(", text, re.M)
pw_failed = re.findall(r"^\s+(\d+) failed$", text, re.M)
passed += sum(map(int, pw_passed)); failed += sum(map(int, pw_failed))
print(passed, failed)
PY
}

# step <name> <command...>: runs the command with its output in target/test-logs/<name>.log.
step() {
  local name="$1"; shift
  local log="$LOGS/$name.log"
  printf '\n== %s: %s\n' "$name" "$*"
  local start=$SECONDS
  "$@" 2>&1 | tee "$log"
  local rc=${PIPESTATUS[0]}
  local counts; counts=$(count_tests "$log")
  local passed=${counts% *} failed=${counts#* }
  total_passed=$((total_passed + passed))
  total_failed=$((total_failed + failed))
  NAMES+=("$name"); TIMES+=("$((SECONDS - start))s")
  if [ "$rc" = 0 ]; then RESULTS+=("ok"); else RESULTS+=("FAILED ($rc)"); any_failed=1; fi
  if [ "$passed" = 0 ] && [ "$failed" = 0 ]; then COUNTS+=("-"); else COUNTS+=("$passed passed, $failed failed"); fi
}

step fmt cargo fmt --all --check
step clippy-native cargo clippy --all-targets --locked -- -D warnings
step clippy-wasm cargo clippy --all-targets --locked --target wasm32-unknown-unknown -- -D warnings
step unit-native cargo test --locked
step browser-wasm cargo test --locked --target wasm32-unknown-unknown
step release-build bash scripts/trunk-release.sh build --release
# A debug build for the crash-banner test: its Ctrl+Alt+F12 panic exists only in debug builds.
step debug-build trunk build --dist dist-debug
# The team sync tests run against a real CouchDB-compatible server, pouchdb-server (npm), on
# 127.0.0.1, started empty here and stopped after (e2e/couch.mjs; the README tells how to point
# the same tests at Apache CouchDB 3).
step e2e bash -c 'cd e2e && node couch.mjs start && npx playwright test; rc=$?; node couch.mjs stop; exit $rc'

printf '\n== summary\n'
printf '%-15s %-12s %-8s %s\n' step result time tests
for i in "${!NAMES[@]}"; do
  printf '%-15s %-12s %-8s %s\n' "${NAMES[$i]}" "${RESULTS[$i]}" "${TIMES[$i]}" "${COUNTS[$i]}"
done
if [ -d dist ]; then
  printf '\nrelease bundle (wasm + js + css):\n'
  bash scripts/bundle-size.sh dist
fi
printf '\ntests: %d passed, %d failed\n' "$total_passed" "$total_failed"
exit "$any_failed"
