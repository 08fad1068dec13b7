//! The page itself (`index.html`): its Content-Security-Policy allows the one inline script,
//! the library prefetch, by its hash; editing the script without the hash would block it (the
//! app would still start, reading the library itself, only slower), so this test says which
//! hash to write.

#![cfg(not(target_arch = "wasm32"))]

use base64::Engine;
use sha2::{Digest, Sha256};

const PAGE: &str = include_str!("../index.html");

#[test]
fn the_policy_allows_exactly_the_inline_script() {
    let scripts: Vec<&str> = PAGE
        .split("<script")
        .skip(1)
        .filter_map(|rest| {
            let (attributes, rest) = rest.split_once('>')?;
            let (body, _) = rest.split_once("</script>")?;
            attributes.trim().is_empty().then_some(body)
        })
        .collect();
    assert_eq!(scripts.len(), 1, "one inline script, the library prefetch");
    let hash = base64::engine::general_purpose::STANDARD.encode(Sha256::digest(scripts[0]));
    let policy = PAGE
        .split("Content-Security-Policy\" content=\"")
        .nth(1)
        .and_then(|rest| rest.split('"').next())
        .unwrap_or_default();
    let allowed: Vec<&str> = policy
        .split(';')
        .map(str::trim)
        .find_map(|directive| directive.strip_prefix("script-src "))
        .unwrap_or_default()
        .split_whitespace()
        .filter(|source| source.starts_with("'sha256-"))
        .collect();
    assert_eq!(
        allowed,
        [format!("'sha256-{hash}'")],
        "index.html: write 'sha256-{hash}' in script-src"
    );
    assert!(scripts[0].contains("window.__claimtagPrefetch"));
}
