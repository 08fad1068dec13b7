//! Saving a file to the user's downloads: Blob → object URL → `<a download>` → revoke.

use thiserror::Error;
use wasm_bindgen::{JsCast, JsValue};

/// Why a download could not be started.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
#[error("The browser refused to save the file: {0}")]
pub struct DownloadError(String);

impl From<JsValue> for DownloadError {
    fn from(value: JsValue) -> Self {
        DownloadError(
            value
                .as_string()
                .or_else(|| js_sys::Error::from(value).message().as_string())
                .unwrap_or_else(|| "unknown error".to_string()),
        )
    }
}

/// Offers `contents` as a download named `filename` with MIME type `mime`.
pub fn download(filename: &str, mime: &str, contents: &str) -> Result<(), DownloadError> {
    let parts = js_sys::Array::of1(&JsValue::from_str(contents));
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &blob_options(mime))?;
    download_blob(filename, &blob)
}

/// Offers the concatenation of `parts` (each a `Uint8Array`) as a download: a file written a
/// piece at a time, never held as one string.
pub fn download_parts(
    filename: &str,
    mime: &str,
    parts: &js_sys::Array,
) -> Result<(), DownloadError> {
    let blob = web_sys::Blob::new_with_u8_array_sequence_and_options(parts, &blob_options(mime))?;
    download_blob(filename, &blob)
}

fn blob_options(mime: &str) -> web_sys::BlobPropertyBag {
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    options
}

fn download_blob(filename: &str, blob: &web_sys::Blob) -> Result<(), DownloadError> {
    let url = web_sys::Url::create_object_url_with_blob(blob)?;
    let document = gloo::utils::document();
    let body = document
        .body()
        .ok_or_else(|| DownloadError("the page has no body".to_string()))?;
    let anchor: web_sys::HtmlAnchorElement = document.create_element("a")?.unchecked_into();
    anchor.set_href(&url);
    anchor.set_download(filename);
    anchor.set_hidden(true);
    body.append_child(&anchor)?;
    anchor.click();
    anchor.remove();
    web_sys::Url::revoke_object_url(&url)?;
    Ok(())
}
