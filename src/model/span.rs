//! [`Span`]: a half-open range of Unicode code points into an article's text.

use serde::{Deserialize, Serialize};

/// A half-open range `start..end` of Unicode code point offsets.
///
/// `Span::new(2, 7)` over `"Some text"` covers `So[me te]xt`, the five code points `"me te"`.
/// `start <= end` always holds; an empty span has `start == end`.
#[derive(
    Debug, Clone, Copy, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize,
)]
pub struct Span {
    /// First code point inside the span.
    pub start: usize,
    /// First code point after the span.
    pub end: usize,
}

impl Span {
    /// A span from two offsets given in either order: `Span::new(7, 2) == Span::new(2, 7)`.
    pub fn new(a: usize, b: usize) -> Self {
        Span {
            start: a.min(b),
            end: a.max(b),
        }
    }

    /// Number of code points covered.
    pub fn len(&self) -> usize {
        self.end - self.start
    }

    /// True when the span covers nothing.
    pub fn is_empty(&self) -> bool {
        self.start == self.end
    }

    /// True when the two spans share at least one code point.
    ///
    /// `(0, 5)` and `(5, 9)` touch but do not overlap.
    pub fn overlaps(&self, other: Span) -> bool {
        self.start < other.end && other.start < self.end
    }

    /// True when `other` lies entirely inside `self`.
    pub fn contains(&self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }

    /// The part of `self` inside `other`, if they overlap.
    pub fn intersection(&self, other: Span) -> Option<Span> {
        let start = self.start.max(other.start);
        let end = self.end.min(other.end);
        (start < end).then_some(Span { start, end })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn new_orders_its_ends() {
        assert_eq!(Span::new(7, 2), Span { start: 2, end: 7 });
        assert_eq!(Span::new(2, 7).len(), 5);
        assert!(Span::new(3, 3).is_empty());
    }

    #[test]
    fn overlap_is_half_open() {
        assert!(!Span::new(0, 5).overlaps(Span::new(5, 9)));
        assert!(Span::new(0, 6).overlaps(Span::new(5, 9)));
        assert_eq!(
            Span::new(0, 6).intersection(Span::new(5, 9)),
            Some(Span::new(5, 6))
        );
        assert_eq!(Span::new(0, 5).intersection(Span::new(5, 9)), None);
        assert!(Span::new(0, 9).contains(Span::new(2, 9)));
        assert!(!Span::new(1, 9).contains(Span::new(0, 2)));
    }
}
