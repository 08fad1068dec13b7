//! File names for exports, made from the article's title.

/// Longest slug, in characters.
const MAX_SLUG: usize = 60;

/// A file-name-safe slug of `title`: lower-case letters and digits joined by hyphens.
///
/// `slug("Harbour town votes: 61% say “yes”")` is `"harbour-town-votes-61-say-yes"`. Letters of
/// any script are kept; a title with no letters or digits gives `"article"`.
pub fn slug(title: &str) -> String {
    let mut out = String::new();
    for word in title
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
    {
        let word = word.to_lowercase();
        let needed = word.chars().count() + usize::from(!out.is_empty());
        if out.chars().count() + needed > MAX_SLUG {
            break;
        }
        if !out.is_empty() {
            out.push('-');
        }
        out.push_str(&word);
    }
    if out.is_empty() {
        "article".to_string()
    } else {
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs() {
        assert_eq!(
            slug("Harbour town votes: 61% say “yes”"),
            "harbour-town-votes-61-say-yes"
        );
        assert_eq!(slug("Zürich Überraschung"), "zürich-überraschung");
        assert_eq!(slug("👍 … !!"), "article");
        let long = slug(&"word ".repeat(40));
        assert!(long.chars().count() <= MAX_SLUG);
        assert!(!long.ends_with('-'));
    }
}
