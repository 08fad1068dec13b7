//! Deciding how to read a file's bytes: its size, whether it is text at all, and which
//! encoding it is in (BOM, an HTML `<meta charset>`, valid UTF-8, or windows-1252 assumed).
//! The decoding itself is the browser's `TextDecoder`, which knows every WHATWG encoding.

use thiserror::Error;

/// Largest file claimtag opens: 20 MB (a 100,000-word article is well under 1 MB).
pub const MAX_FILE_BYTES: usize = 20 * 1024 * 1024;

/// How the encoding was decided, so the user can be told when it was a guess.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EncodingSource {
    /// A byte order mark.
    Bom,
    /// The page's `<meta charset>` (or `http-equiv` content type).
    Declared,
    /// The bytes are valid UTF-8.
    ValidUtf8,
    /// Nothing said, and not UTF-8: windows-1252 was assumed.
    Assumed,
}

/// The encoding to decode with: a WHATWG label (`utf-8`, `utf-16le`, `windows-1252`, `koi8-r`...).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sniffed {
    /// What to hand to `TextDecoder`.
    pub label: String,
    /// How it was decided.
    pub source: EncodingSource,
}

/// Why a file was not opened.
#[derive(Debug, Clone, PartialEq, Error)]
pub enum FileError {
    /// The file holds nothing.
    #[error("The file “{0}” is empty.")]
    Empty(String),
    /// The file is over [`MAX_FILE_BYTES`].
    #[error("The file “{name}” is {size_mb:.1} MB; claimtag opens files up to 20 MB.")]
    TooLarge {
        /// File name.
        name: String,
        /// Its size in MB.
        size_mb: f64,
    },
    /// The bytes are not text (an image, a PDF, an archive...).
    #[error("The file “{0}” is not text (it looks like an image or other binary file). Open a .txt, .md, .html or .claimtag.json file.")]
    Binary(String),
}

/// Checks size and content before decoding.
pub fn check_file(name: &str, bytes: &[u8]) -> Result<(), FileError> {
    if bytes.is_empty() {
        return Err(FileError::Empty(name.to_string()));
    }
    if bytes.len() > MAX_FILE_BYTES {
        return Err(FileError::TooLarge {
            name: name.to_string(),
            size_mb: bytes.len() as f64 / (1024.0 * 1024.0),
        });
    }
    if looks_binary(bytes) {
        return Err(FileError::Binary(name.to_string()));
    }
    Ok(())
}

/// True for bytes that are not text: known binary signatures, or NUL and control bytes in the
/// first 8 KB (UTF-16 text, which has NULs, is recognised by its BOM first).
pub fn looks_binary(bytes: &[u8]) -> bool {
    if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
        return false;
    }
    const SIGNATURES: [&[u8]; 8] = [
        b"\x89PNG",
        b"\xFF\xD8\xFF",
        b"GIF8",
        b"%PDF",
        b"PK\x03\x04",
        b"\x1F\x8B",
        b"RIFF",
        b"\x00\x00\x01\x00",
    ];
    if SIGNATURES.iter().any(|s| bytes.starts_with(s)) {
        return true;
    }
    let head = &bytes[..bytes.len().min(8192)];
    let control = head
        .iter()
        .filter(|&&b| b == 0 || (b < 0x20 && !matches!(b, b'\n' | b'\r' | b'\t' | 0x0C | 0x1B)))
        .count();
    head.contains(&0) || control * 100 > head.len()
}

/// Picks the encoding of `bytes`; `html` enables the `<meta charset>` prescan.
pub fn sniff(bytes: &[u8], html: bool) -> Sniffed {
    let found = |label: &str, source| Sniffed {
        label: label.to_string(),
        source,
    };
    if bytes.starts_with(&[0xEF, 0xBB, 0xBF]) {
        return found("utf-8", EncodingSource::Bom);
    }
    if bytes.starts_with(&[0xFF, 0xFE]) {
        return found("utf-16le", EncodingSource::Bom);
    }
    if bytes.starts_with(&[0xFE, 0xFF]) {
        return found("utf-16be", EncodingSource::Bom);
    }
    if html {
        if let Some(label) = declared_charset(&bytes[..bytes.len().min(4096)]) {
            return found(&label, EncodingSource::Declared);
        }
    }
    if std::str::from_utf8(bytes).is_ok() {
        return found("utf-8", EncodingSource::ValidUtf8);
    }
    found("windows-1252", EncodingSource::Assumed)
}

/// The charset named by `<meta charset=...>` or `<meta http-equiv content="...; charset=...">`
/// in the first bytes of a page, lower-cased; UTF-16 declarations are read as UTF-8 (as browsers
/// do, since an ASCII-readable page cannot be UTF-16).
fn declared_charset(head: &[u8]) -> Option<String> {
    let text = String::from_utf8_lossy(head).to_lowercase();
    let mut rest = text.as_str();
    while let Some(at) = rest.find("<meta") {
        rest = &rest[at + 5..];
        let tag = &rest[..rest.find('>').unwrap_or(rest.len())];
        if let Some(pos) = tag.find("charset") {
            let value = tag[pos + 7..].trim_start().strip_prefix('=')?.trim_start();
            let value = value.trim_start_matches(['"', '\'']);
            let label: String = value
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | ':' | '.'))
                .collect();
            if !label.is_empty() {
                return Some(if label.starts_with("utf-16") {
                    "utf-8".to_string()
                } else {
                    label
                });
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn byte_order_marks_win() {
        assert_eq!(sniff(b"\xEF\xBB\xBFhi", true).label, "utf-8");
        assert_eq!(sniff(b"\xFF\xFEh\x00i\x00", false).label, "utf-16le");
        assert_eq!(
            sniff(b"\xFE\xFF\x00h\x00i", false).source,
            EncodingSource::Bom
        );
    }

    #[test]
    fn html_declarations_are_read() {
        let koi = b"<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=KOI8-R\"></head>";
        assert_eq!(
            sniff(koi, true),
            Sniffed {
                label: "koi8-r".into(),
                source: EncodingSource::Declared
            }
        );
        assert_eq!(
            sniff(b"<meta charset='windows-1252'><p>caf\xE9", true).label,
            "windows-1252"
        );
        assert_eq!(sniff(b"<meta charset=utf-16>", true).label, "utf-8");
        // Not an HTML file: the declaration is just text.
        assert_eq!(sniff(b"<meta charset=koi8-r>", false).label, "utf-8");
    }

    #[test]
    fn utf8_or_assumed_windows_1252() {
        assert_eq!(
            sniff("café 👍".as_bytes(), false).source,
            EncodingSource::ValidUtf8
        );
        assert_eq!(
            sniff(b"caf\xE9", false),
            Sniffed {
                label: "windows-1252".into(),
                source: EncodingSource::Assumed
            }
        );
    }

    #[test]
    fn binary_files_empty_files_and_size() {
        assert_eq!(
            check_file("a.txt", b""),
            Err(FileError::Empty("a.txt".into()))
        );
        assert!(matches!(
            check_file("cat.txt", b"\x89PNG\r\n\x1a\n\0\0\0"),
            Err(FileError::Binary(_))
        ));
        assert!(matches!(
            check_file("x.txt", &[1, 2, 3, 0, 5, 6]),
            Err(FileError::Binary(_))
        ));
        assert_eq!(check_file("u16.txt", b"\xFF\xFEh\x00i\x00"), Ok(()));
        assert_eq!(
            check_file("ok.txt", "plain text\nwith lines\t".as_bytes()),
            Ok(())
        );
        let big = vec![b'a'; MAX_FILE_BYTES + 1];
        assert!(matches!(
            check_file("big.txt", &big),
            Err(FileError::TooLarge { .. })
        ));
    }
}
