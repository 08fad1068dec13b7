#!/usr/bin/env bash
# Installs whatever is missing to build, serve and test claimtag, and skips what is present.
# Registry-only: crates.io, npm, Debian apt, rustup. Nothing is downloaded from elsewhere.
#
#   TOOLS_ROOT  where cargo-installed tools go (default $HOME/.cargo; its bin/ must come first on
#               PATH, before /usr/bin, which may hold Debian's unusable wasm-opt 108).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
TOOLS_ROOT="${TOOLS_ROOT:-$HOME/.cargo}"
BIN="$TOOLS_ROOT/bin"
TRUNK_VERSION="0.22.1"
BINARYEN_VERSION="132.0.0"
export PATH="$BIN:$PATH"
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1   # never download a browser: Debian's chromium is used
mkdir -p "$BIN"

say() { printf '== setup: %s\n' "$*"; }
has_version() { # has_version <binary> <expected first line of --version>
  [ -x "$1" ] && [ "$("$1" --version 2>/dev/null | head -n1)" = "$2" ]
}
as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

say "rust target wasm32-unknown-unknown, rustfmt, clippy"
rustup target list --installed | grep -qx wasm32-unknown-unknown || rustup target add wasm32-unknown-unknown
rustup component list --installed | grep -q '^rustfmt' || rustup component add rustfmt
rustup component list --installed | grep -q '^clippy' || rustup component add clippy

. "$ROOT/scripts/toolchain.env"
say "release toolchain $RELEASE_TOOLCHAIN with rust-src and wasm32 (scripts/trunk-release.sh)"
release_sysroot() { rustup run "$RELEASE_TOOLCHAIN" rustc --print sysroot 2>/dev/null || true; }
RELEASE_SYSROOT="$(release_sysroot)"
if [ -n "$RELEASE_SYSROOT" ] && [ -d "$RELEASE_SYSROOT/lib/rustlib/src/rust/library" ] \
  && [ -d "$RELEASE_SYSROOT/lib/rustlib/wasm32-unknown-unknown" ]; then
  echo "present: $(rustup run "$RELEASE_TOOLCHAIN" rustc --version)"
else
  rustup toolchain install "$RELEASE_TOOLCHAIN" --profile minimal --component rust-src --target wasm32-unknown-unknown
  RELEASE_SYSROOT="$(release_sysroot)"
fi

say "chromium and chromium-driver (Debian)"
if [ -x /usr/bin/chromium ] && [ -x /usr/bin/chromedriver ]; then
  echo "present: $(/usr/bin/chromium --version 2>/dev/null)"
else
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver
fi

say "trunk $TRUNK_VERSION"
if has_version "$BIN/trunk" "trunk $TRUNK_VERSION"; then
  echo "present"
else
  # trunk 0.22.1 declares rustc 1.96.1 but builds with 1.95; thin LTO and 16 codegen units
  # halve its compile time on two cores.
  CARGO_PROFILE_RELEASE_LTO=false CARGO_PROFILE_RELEASE_CODEGEN_UNITS=16 \
    cargo install --locked --root "$TOOLS_ROOT" trunk --version "$TRUNK_VERSION" --ignore-rust-version
fi

say "wasm-bindgen-cli matching Cargo.lock"
cd "$ROOT"
WBG_VERSION="$(cargo pkgid wasm-bindgen | sed 's/.*[@#]//')"
if has_version "$BIN/wasm-bindgen" "wasm-bindgen $WBG_VERSION" \
  && has_version "$BIN/wasm-bindgen-test-runner" "wasm-bindgen-test-runner $WBG_VERSION"; then
  echo "present: $WBG_VERSION"
else
  # --locked fails when the CLI's own lockfile pins a crate version the registry lacks
  # (0.2.130 pins webpki-roots 1.0.11); fall back to a fresh resolution.
  cargo install --locked --force --root "$TOOLS_ROOT" wasm-bindgen-cli --version "$WBG_VERSION" \
    || cargo install --force --root "$TOOLS_ROOT" wasm-bindgen-cli --version "$WBG_VERSION"
fi

say "wasm-opt from npm binaryen $BINARYEN_VERSION"
MAJOR="${BINARYEN_VERSION%%.*}"
if has_version "$BIN/wasm-opt" "wasm-opt version $MAJOR (version_$MAJOR)"; then
  echo "present"
else
  mkdir -p "$TOOLS_ROOT/npm-binaryen"
  npm install --silent --prefix "$TOOLS_ROOT/npm-binaryen" --no-save --no-package-lock "binaryen@$BINARYEN_VERSION"
  ln -sf "$TOOLS_ROOT/npm-binaryen/node_modules/binaryen/bin/wasm-opt" "$BIN/wasm-opt"
fi

say "crates (Trunk.toml builds offline)"
cargo fetch --quiet
# -Zbuild-std builds the standard library from rust-src, whose own crates (rustc-demangle,
# …) must be in the registry cache too for the offline release build.
cargo +"$RELEASE_TOOLCHAIN" fetch --quiet --manifest-path "$RELEASE_SYSROOT/lib/rustlib/src/rust/library/Cargo.toml"

say "e2e npm packages"
cd "$ROOT/e2e"
if [ -f node_modules/.package-lock.json ] && [ node_modules/.package-lock.json -nt package-lock.json ]; then
  echo "present"
else
  npm ci --silent --no-audit --no-fund
fi

say "ready: $(trunk --version), $(wasm-bindgen --version), $(wasm-opt --version), $(/usr/bin/chromium --version 2>/dev/null)"
