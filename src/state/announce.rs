//! What a screen reader hears after an edit: a short sentence for the polite live region
//! ("Fact added: 12 wells closed"), so new annotations are announced like errors are.

use crate::model::{Article, Edit};

/// Longest quoted text in an announcement, in characters.
const QUOTED: usize = 60;

/// The sentence announcing `edit` made on `article`, if it deserves one (typing in a field
/// does not).
pub fn describe(edit: &Edit, article: &Article) -> Option<String> {
    let text = |span| {
        let full = article.slice(span).unwrap_or_default();
        let mut short: String = full.chars().take(QUOTED).collect();
        if full.chars().count() > QUOTED {
            short.push('…');
        }
        short
    };
    Some(match edit {
        Edit::Add(a) => format!("{} added: {}", a.label.name(), text(a.span)),
        Edit::Remove(a) => format!("{} deleted: {}", a.label.name(), text(a.span)),
        Edit::Change { before, after } if before.label != after.label => {
            format!("Now {}: {}", after.label.name(), text(after.span))
        }
        Edit::Change { before, after } if before.span != after.span => {
            format!("{} now reads: {}", after.label.name(), text(after.span))
        }
        Edit::Reject(list) if list.len() == 1 => "Suggestion rejected.".to_string(),
        Edit::Reject(list) => format!("{} suggestions rejected.", list.len()),
        Edit::Batch(edits) => {
            let added: Vec<&Edit> = edits.iter().filter(|e| matches!(e, Edit::Add(_))).collect();
            match added.as_slice() {
                [] => return None,
                [Edit::Add(a)] => format!(
                    "Suggestion accepted as {}: {}",
                    a.label.name(),
                    text(a.span)
                ),
                many => format!("{} suggestions accepted.", many.len()),
            }
        }
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Annotation, AnnotationId, Label, Metadata, ParagraphKind, Span};

    #[test]
    fn adds_deletes_relabels_and_accepts_are_announced_typing_is_not() {
        let article = Article::from_paragraphs(
            [("Officials said 12 wells closed.", ParagraphKind::Body)],
            Metadata::default(),
        );
        let a = Annotation::new(AnnotationId(1), Label::Fact, Span::new(15, 30));
        assert_eq!(
            describe(&Edit::Add(a.clone()), &article).as_deref(),
            Some("Fact added: 12 wells closed")
        );
        let quote = Annotation {
            label: Label::Quote,
            ..a.clone()
        };
        assert_eq!(
            describe(
                &Edit::Change {
                    before: a.clone(),
                    after: quote.clone()
                },
                &article
            )
            .as_deref(),
            Some("Now Quote: 12 wells closed")
        );
        let noted = Annotation {
            note: "x".into(),
            ..a.clone()
        };
        assert_eq!(
            describe(
                &Edit::Change {
                    before: a.clone(),
                    after: noted
                },
                &article
            ),
            None
        );
        assert_eq!(
            describe(
                &Edit::Batch(vec![Edit::Withdraw(vec![]), Edit::Add(quote)]),
                &article
            )
            .as_deref(),
            Some("Suggestion accepted as Quote: 12 wells closed")
        );
        assert_eq!(
            describe(&Edit::Remove(a), &article).as_deref(),
            Some("Fact deleted: 12 wells closed")
        );
    }
}
