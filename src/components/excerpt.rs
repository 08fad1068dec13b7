//! Short one-line excerpts of article text, for lists and panels (annotations, orphans,
//! suggestions).

/// Longest excerpt shown, in characters.
const EXCERPT: usize = 180;

/// `text` shortened to [`EXCERPT`] characters with an ellipsis, line breaks shown as spaces.
pub fn excerpt(text: &str) -> String {
    let flat: String = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if flat.chars().count() <= EXCERPT {
        flat
    } else {
        let mut short: String = flat.chars().take(EXCERPT - 1).collect();
        short.push('…');
        short
    }
}
