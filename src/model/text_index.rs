//! [`TextIndex`]: fast conversion between code point, byte and UTF-16 offsets of one text.
//!
//! Rust strings are indexed in bytes, the DOM counts UTF-16 code units, and claimtag's exports
//! count Unicode code points. The index stores a checkpoint every [`STRIDE`] code points, so a
//! lookup walks at most `STRIDE - 1` characters whatever the length of the text.

use crate::model::Span;

/// Code points between two checkpoints.
const STRIDE: usize = 64;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Checkpoint {
    byte: usize,
    utf16: usize,
}

/// Offset tables for one immutable text.
///
/// ```
/// use claimtag::model::TextIndex;
/// let index = TextIndex::new("a👍b");
/// assert_eq!(index.cp_len(), 3);
/// assert_eq!(index.utf16_of_cp("a👍b", 2), Some(3)); // the emoji is two UTF-16 units
/// assert_eq!(index.cp_of_utf16("a👍b", 3), Some(2));
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TextIndex {
    checkpoints: Vec<Checkpoint>,
    cp_len: usize,
    utf16_len: usize,
}

impl TextIndex {
    /// Builds the index for `text` in one pass.
    pub fn new(text: &str) -> Self {
        let mut checkpoints = Vec::with_capacity(text.len() / STRIDE + 1);
        let mut utf16 = 0;
        let mut cp_len = 0;
        for (byte, c) in text.char_indices() {
            if cp_len % STRIDE == 0 {
                checkpoints.push(Checkpoint { byte, utf16 });
            }
            utf16 += c.len_utf16();
            cp_len += 1;
        }
        if cp_len % STRIDE == 0 {
            checkpoints.push(Checkpoint {
                byte: text.len(),
                utf16,
            });
        }
        TextIndex {
            checkpoints,
            cp_len,
            utf16_len: utf16,
        }
    }

    /// Length of the text in code points.
    pub fn cp_len(&self) -> usize {
        self.cp_len
    }

    /// Length of the text in UTF-16 code units.
    pub fn utf16_len(&self) -> usize {
        self.utf16_len
    }

    /// Byte offset of code point `cp` in `text`, or `None` past the end.
    pub fn byte_of_cp(&self, text: &str, cp: usize) -> Option<usize> {
        self.walk_to_cp(text, cp).map(|c| c.byte)
    }

    /// UTF-16 offset of code point `cp` in `text`, or `None` past the end.
    pub fn utf16_of_cp(&self, text: &str, cp: usize) -> Option<usize> {
        self.walk_to_cp(text, cp).map(|c| c.utf16)
    }

    /// Code point offset of UTF-16 offset `utf16` in `text`.
    ///
    /// An offset that falls between the two halves of a surrogate pair rounds down to the start
    /// of that character. `None` past the end.
    pub fn cp_of_utf16(&self, text: &str, utf16: usize) -> Option<usize> {
        if utf16 > self.utf16_len {
            return None;
        }
        let slot = self
            .checkpoints
            .partition_point(|c| c.utf16 <= utf16)
            .saturating_sub(1);
        let start = self.checkpoints.get(slot)?;
        let mut cp = slot * STRIDE;
        let mut at = start.utf16;
        for c in text.get(start.byte..)?.chars() {
            let next = at + c.len_utf16();
            if next > utf16 {
                break;
            }
            at = next;
            cp += 1;
        }
        Some(cp)
    }

    /// The text covered by `span`, or `None` when it reaches past the end.
    pub fn slice<'t>(&self, text: &'t str, span: Span) -> Option<&'t str> {
        let start = self.byte_of_cp(text, span.start)?;
        let end = self.byte_of_cp(text, span.end)?;
        text.get(start..end)
    }

    /// `span` in UTF-16 code units, as JavaScript's `String.prototype.slice` counts.
    pub fn utf16_span(&self, text: &str, span: Span) -> Option<(usize, usize)> {
        Some((
            self.utf16_of_cp(text, span.start)?,
            self.utf16_of_cp(text, span.end)?,
        ))
    }

    fn walk_to_cp(&self, text: &str, cp: usize) -> Option<Checkpoint> {
        if cp > self.cp_len {
            return None;
        }
        let start = *self.checkpoints.get(cp / STRIDE)?;
        let mut here = start;
        let mut chars = text.get(start.byte..)?.chars();
        for _ in 0..cp % STRIDE {
            let c = chars.next()?;
            here.byte += c.len_utf8();
            here.utf16 += c.len_utf16();
        }
        Some(here)
    }
}

/// Number of code points in `s`.
pub fn cp_len(s: &str) -> usize {
    s.chars().count()
}

/// Code point offset of UTF-16 offset `utf16` within the short string `s`, rounding a position
/// inside a surrogate pair down; `None` past the end.
///
/// ```
/// use claimtag::model::text_index::utf16_to_cp;
/// assert_eq!(utf16_to_cp("👨🏻‍🚒x", 7), Some(4));
/// ```
pub fn utf16_to_cp(s: &str, utf16: usize) -> Option<usize> {
    let mut at = 0;
    for (cp, c) in s.chars().enumerate() {
        if at == utf16 {
            return Some(cp);
        }
        at += c.len_utf16();
        if at > utf16 {
            return Some(cp);
        }
    }
    (at == utf16).then(|| cp_len(s))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Family emoji with skin tone and ZWJ, a flag sequence, CJK and a CRLF.
    const MIXED: &str = "Fire 👨🏻‍🚒 crew, 🏳️‍🌈 flag, 北京 said\r\n“yes”.";

    #[test]
    fn lengths_count_code_points_and_utf16_units() {
        let index = TextIndex::new(MIXED);
        assert_eq!(index.cp_len(), MIXED.chars().count());
        assert_eq!(index.utf16_len(), MIXED.encode_utf16().count());
    }

    #[test]
    fn every_code_point_round_trips_through_utf16() {
        let long = MIXED.repeat(20);
        let index = TextIndex::new(&long);
        let mut utf16 = 0;
        for (cp, c) in long.chars().enumerate() {
            assert_eq!(index.utf16_of_cp(&long, cp), Some(utf16));
            assert_eq!(index.cp_of_utf16(&long, utf16), Some(cp));
            utf16 += c.len_utf16();
        }
        assert_eq!(index.utf16_of_cp(&long, index.cp_len()), Some(utf16));
        assert_eq!(index.cp_of_utf16(&long, utf16), Some(index.cp_len()));
        assert_eq!(index.cp_of_utf16(&long, utf16 + 1), None);
        assert_eq!(index.byte_of_cp(&long, index.cp_len() + 1), None);
    }

    #[test]
    fn position_inside_a_surrogate_pair_rounds_down() {
        let text = "a👍b";
        let index = TextIndex::new(text);
        assert_eq!(index.cp_of_utf16(text, 2), Some(1));
        assert_eq!(utf16_to_cp(text, 2), Some(1));
        assert_eq!(utf16_to_cp(text, 4), Some(3));
        assert_eq!(utf16_to_cp(text, 5), None);
    }

    #[test]
    fn slices_by_code_points() {
        let index = TextIndex::new(MIXED);
        let start = MIXED.chars().position(|c| c == '北').unwrap();
        assert_eq!(
            index.slice(MIXED, Span::new(start, start + 2)),
            Some("北京")
        );
        // The firefighter is four code points: man, skin tone, ZWJ, fire engine.
        assert_eq!(index.slice(MIXED, Span::new(5, 9)), Some("👨🏻‍🚒"));
        assert_eq!(index.utf16_span(MIXED, Span::new(5, 9)), Some((5, 12)));
        assert_eq!(index.slice(MIXED, Span::new(0, 999)), None);
    }

    #[test]
    fn empty_text() {
        let index = TextIndex::new("");
        assert_eq!(index.cp_len(), 0);
        assert_eq!(index.slice("", Span::new(0, 0)), Some(""));
        assert_eq!(index.cp_of_utf16("", 0), Some(0));
    }

    #[cfg(not(target_arch = "wasm32"))]
    proptest::proptest! {
        #[test]
        fn utf16_round_trip_for_any_text(text in "\\PC{0,300}", pick in 0usize..400) {
            let index = TextIndex::new(&text);
            let cp = pick % (index.cp_len() + 1);
            let utf16 = index.utf16_of_cp(&text, cp).unwrap();
            let expected: usize = text.chars().take(cp).map(char::len_utf16).sum();
            proptest::prop_assert_eq!(utf16, expected);
            proptest::prop_assert_eq!(index.cp_of_utf16(&text, utf16), Some(cp));
            let prefix: String = text.chars().take(cp).collect();
            proptest::prop_assert_eq!(index.slice(&text, Span::new(0, cp)), Some(prefix.as_str()));
        }
    }
}
