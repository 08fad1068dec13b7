//! Reading what the user brings — a file, a paste, a dropped selection, a URL — into a
//! [`Loaded`] document. Failures come back as one sentence for the user.

use js_sys::Uint8Array;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{File, Response, TextDecoder};

use crate::model::format::anchor::Candidate;
use crate::model::format::foreign::read_foreign;
use crate::model::ingest::encoding::{check_file, sniff, Sniffed};
use crate::model::ingest::load::{encoding_remark, kind_of, load_text, InputKind, Loaded};
use crate::services::html_dom::parse_html;

/// Reads, checks, decodes and loads a file.
pub async fn load_file(file: File) -> Result<Loaded, String> {
    let (name, kind, text, sniffed) = read_file(file).await?;
    let mut loaded = load_input(kind, &text, Some(name))?;
    loaded.remark = encoding_remark(&sniffed);
    Ok(loaded)
}

/// Reads annotations made in another tool (W3C, doccano, Label Studio) from a file.
pub async fn read_annotation_file(file: File) -> Result<Vec<Candidate>, String> {
    let (_, _, text, _) = read_file(file).await?;
    read_foreign(&text)
}

/// A file's name, kind, decoded text and encoding, after the size and binary checks.
async fn read_file(file: File) -> Result<(String, InputKind, String, Sniffed), String> {
    let name = file.name();
    let buffer = JsFuture::from(file.array_buffer())
        .await
        .map_err(|_| format!("The browser could not read the file “{name}”."))?;
    let bytes = Uint8Array::new(&buffer).to_vec();
    check_file(&name, &bytes).map_err(|e| e.to_string())?;
    let start = String::from_utf8_lossy(&bytes[..bytes.len().min(512)]).into_owned();
    let kind = kind_of(&name, &start);
    let sniffed = sniff(&bytes, kind == InputKind::Html);
    let text = decode(&bytes, &sniffed.label)?;
    Ok((name, kind, text, sniffed))
}

/// Loads text of a known kind (parsing HTML with the browser first).
pub fn load_input(kind: InputKind, text: &str, source: Option<String>) -> Result<Loaded, String> {
    let html = match kind {
        InputKind::Html => Some(parse_html(text)?),
        InputKind::PlainText | InputKind::Native | InputKind::Corpus => None,
    };
    load_text(kind, text, html.as_ref(), source)
}

/// Fetches `url` and extracts its article. Most news sites refuse cross-origin requests; that
/// failure is explained with what to do instead.
pub async fn load_url(url: &str) -> Result<Loaded, String> {
    let url = url.trim();
    if !(url.starts_with("https://") || url.starts_with("http://")) {
        return Err("Enter a full web address starting with https://".to_string());
    }
    let window = web_sys::window().ok_or("The browser window is not available.")?;
    let response = JsFuture::from(window.fetch_with_str(url)).await.map_err(|_| {
        "The site refused to let the browser read this page (most news sites block cross-origin requests, and claimtag has no server to go around that). Save the page in your browser (Ctrl+S) and open the saved file here instead.".to_string()
    })?;
    let response: Response = response
        .dyn_into()
        .map_err(|_| "The browser returned no response.".to_string())?;
    if !response.ok() {
        return Err(format!(
            "The site answered HTTP {} {}.",
            response.status(),
            response.status_text()
        ));
    }
    let text = JsFuture::from(
        response
            .text()
            .map_err(|_| "The page could not be read as text.".to_string())?,
    )
    .await
    .map_err(|_| "The page could not be read as text.".to_string())?
    .as_string()
    .unwrap_or_default();
    load_input(InputKind::Html, &text, Some(url.to_string()))
}

/// Decodes bytes with the browser's `TextDecoder`.
pub fn decode(bytes: &[u8], label: &str) -> Result<String, String> {
    let decoder = TextDecoder::new_with_label(label)
        .or_else(|_| TextDecoder::new_with_label("windows-1252"))
        .map_err(|_| format!("The browser cannot decode the encoding “{label}”."))?;
    decoder
        .decode_with_u8_array(bytes)
        .map_err(|_| format!("The file could not be decoded as {label}."))
}
