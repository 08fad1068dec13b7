//! The JSONL corpus: every document of the library, one native export per line.

use crate::model::format::native::{checked_export, import, ExportError, NativeExport};
use crate::model::{AnnotationSet, Article};

/// One line per document, each a complete native export (compact JSON), ending in a newline.
///
/// The corpus export ([`crate::model::corpus::export`]) writes the same lines, one document at
/// a time, with [`checked_export`] and [`native_line`].
pub fn corpus_jsonl(
    documents: &[(Article, AnnotationSet)],
    exported_at: &str,
) -> Result<String, ExportError> {
    let mut out = String::new();
    for (article, annotations) in documents {
        let export = checked_export(article, annotations, exported_at)?;
        out.push_str(&native_line(&export));
    }
    Ok(out)
}

/// One line of a JSONL corpus: a (checked) native export as compact JSON, ending in a newline.
pub fn native_line(export: &NativeExport) -> String {
    // Plain structs of strings and numbers always serialise.
    serde_json::to_string(export).unwrap_or_default() + "\n"
}

/// Reads a JSONL corpus back: every line a native export, checked like a single import. A bad
/// line is named.
pub fn import_corpus(text: &str) -> Result<Vec<(Article, AnnotationSet)>, String> {
    text.trim_start_matches('\u{feff}')
        .lines()
        .enumerate()
        .filter(|(_, line)| !line.trim().is_empty())
        .map(|(n, line)| import(line).map_err(|e| format!("Line {}: {e}", n + 1)))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Label, Metadata, ParagraphKind, Span};

    #[test]
    fn one_native_document_per_line() {
        let a = Article::from_paragraphs(
            [("First 👍 doc.", ParagraphKind::Body)],
            Metadata::default(),
        );
        let b =
            Article::from_paragraphs([("Second doc.", ParagraphKind::Body)], Metadata::default());
        let mut set = AnnotationSet::new();
        set.add(&a, Span::new(0, 5), Label::Fact).unwrap();
        let corpus = corpus_jsonl(
            &[(a.clone(), set.clone()), (b, AnnotationSet::new())],
            "now",
        )
        .unwrap();
        let lines: Vec<&str> = corpus.lines().collect();
        assert_eq!(lines.len(), 2);
        let (back, back_set) = import(lines[0]).unwrap();
        assert_eq!(back.text(), a.text());
        assert_eq!(back_set.as_slice(), set.as_slice());
    }
}
