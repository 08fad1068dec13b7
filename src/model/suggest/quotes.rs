//! Direct quotations between quotation marks of every common style: “…” "…" ‘…’ '…' «…» »…«
//! „…“ „…” ‚…‘ ‹…› 「…」 『…』.
//!
//! Apostrophes are told apart from single quotation marks by their neighbours (don’t, ’90s,
//! ’em, a plural possessive such as Jones’ followed by a lower-case word), nested quotations
//! stay inside the outer one, and a quotation continued over paragraphs in the English way (an
//! opening mark on each paragraph, a closing mark only at the end) is one quotation.

use crate::model::{Article, Span};

/// A quotation: where its opening and closing marks are, in code points of the article text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Quotation {
    /// The opening mark.
    pub open: usize,
    /// The closing mark.
    pub close: usize,
    /// How many characters each mark takes: 1, or 2 for '' and ``.
    pub width: usize,
}

impl Quotation {
    /// The words between the marks.
    pub fn inner(&self) -> Span {
        Span::new(self.open + self.width, self.close)
    }

    /// The quotation with its marks.
    pub fn outer(&self) -> Span {
        Span::new(self.open, self.close + self.width)
    }
}

/// The kinds of quotation mark pairs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Mark {
    /// “ … ”
    Double,
    /// ‘ … ’
    Single,
    /// " … "
    Straight,
    /// ' … '
    StraightSingle,
    /// « … »
    Guillemet,
    /// » … «
    Reversed,
    /// „ … “ or „ … ”
    Low,
    /// ‚ … ‘ or ‚ … ’
    LowSingle,
    /// ‹ … ›
    SingleGuillemet,
    /// '' … '' or `` … '' (two apostrophes or grave accents, as some newspapers' wire copy
    /// writes double quotation marks)
    Doubled,
    /// 「 … 」
    Corner,
    /// 『 … 』
    WhiteCorner,
}

/// An opening mark waiting for its closing one, and the complete quotations found inside it
/// (kept in case it never closes, when they count on their own).
#[derive(Debug, Clone)]
struct Frame {
    mark: Mark,
    open: usize,
    inside: Vec<Quotation>,
}

/// Every outermost quotation of `article`, in order.
pub fn quotations(article: &Article) -> Vec<Quotation> {
    let mut out = Vec::new();
    let mut carried: Option<Frame> = None;
    let paragraphs = article.paragraphs();
    for (p, paragraph) in paragraphs.iter().enumerate() {
        let chars: Vec<char> = article
            .slice(paragraph.span)
            .unwrap_or_default()
            .chars()
            .collect();
        let mut stack: Vec<Frame> = carried.take().into_iter().collect();
        // A carried quotation's repeated opening mark is not a new quotation.
        let first = usize::from(!stack.is_empty());
        scan(&chars, first, paragraph.span.start, &mut stack, &mut out);
        let next_opens = paragraphs.get(p + 1).and_then(|next| {
            let text = article.slice(next.span)?;
            let chars: Vec<char> = text.chars().take(2).collect();
            (!chars.is_empty()).then(|| opening(&chars, 0)).flatten()
        });
        let mut frames = stack.into_iter();
        if let Some(bottom) = frames.next() {
            if next_opens == Some(bottom.mark) {
                carried = Some(bottom);
            } else {
                out.extend(bottom.inside);
            }
        }
        for frame in frames {
            out.extend(frame.inside);
        }
    }
    out.sort_by_key(|q| q.open);
    out
}

/// The quotations that open and close within one paragraph's characters, as spans of the
/// characters between the marks (indices into `chars`).
pub fn quoted_stretches(chars: &[char]) -> Vec<Span> {
    let mut stack = Vec::new();
    let mut found = Vec::new();
    scan(chars, 0, 0, &mut stack, &mut found);
    for frame in stack {
        found.extend(frame.inside);
    }
    found.iter().map(Quotation::inner).collect()
}

/// Walks `chars` from `from`, opening and closing frames on `stack`; complete outermost
/// quotations go to `out`. `base` is the code point of `chars[0]`.
fn scan(
    chars: &[char],
    from: usize,
    base: usize,
    stack: &mut Vec<Frame>,
    out: &mut Vec<Quotation>,
) {
    let mut i = from;
    while i < chars.len() {
        if !is_mark(chars[i]) {
            i += 1;
            continue;
        }
        let doubled = is_doubled(chars, i);
        let closes = if doubled {
            closing_doubled(chars, i)
        } else {
            closing(chars, i)
        };
        if let Some(depth) = stack.iter().rposition(|f| closes.contains(&f.mark)) {
            // Marks opened inside this one that never closed were not quotations.
            let unclosed: Vec<Quotation> = stack
                .drain(depth + 1..)
                .flat_map(|frame| frame.inside)
                .collect();
            let Some(frame) = stack.pop() else {
                continue;
            };
            let quotation = Quotation {
                open: frame.open,
                close: base + i,
                width: 1 + usize::from(doubled),
            };
            match stack.last_mut() {
                Some(parent) => parent.inside.push(quotation),
                None => out.push(quotation),
            }
            if let Some(parent) = stack.last_mut() {
                parent.inside.extend(unclosed);
            }
            // The closing mark of a doubled pair is its second character.
            i += 1 + usize::from(doubled);
            continue;
        }
        let mark = if doubled {
            opening_doubled(chars, i)
        } else {
            opening(chars, i)
        };
        if let Some(mark) = mark {
            stack.push(Frame {
                mark,
                open: base + i,
                inside: Vec::new(),
            });
        }
        i += 1 + usize::from(doubled);
    }
}

/// Whether `c` can open or close a quotation; every other character is passed over.
fn is_mark(c: char) -> bool {
    matches!(
        c,
        '“' | '”'
            | '‘'
            | '’'
            | '"'
            | '\''
            | '`'
            | '«'
            | '»'
            | '„'
            | '‚'
            | '‹'
            | '›'
            | '「'
            | '」'
            | '『'
            | '』'
    )
}

/// Whether `chars[i]` and the next character are a doubled mark: '' or ``.
fn is_doubled(chars: &[char], i: usize) -> bool {
    matches!(
        (chars[i], chars.get(i + 1)),
        ('\'', Some('\'')) | ('`', Some('`'))
    )
}

/// The doubled pair opening at `chars[i]` (`` always; '' before a word, after a space).
fn opening_doubled(chars: &[char], i: usize) -> Option<Mark> {
    let prev = i.checked_sub(1).map(|j| chars[j]);
    let word_after = chars.get(i + 2).is_some_and(|n| !n.is_whitespace());
    let opens = chars[i] == '`' || prev.is_none_or(opens_after) && word_after;
    opens.then_some(Mark::Doubled)
}

/// The pairs a doubled mark at `chars[i]` can close: '' after a word.
fn closing_doubled(chars: &[char], i: usize) -> &'static [Mark] {
    let word_before = i.checked_sub(1).is_some_and(|j| !chars[j].is_whitespace());
    if chars[i] == '\'' && word_before {
        &[Mark::Doubled]
    } else {
        &[]
    }
}

/// Characters after which a straight quotation mark opens rather than closes.
fn opens_after(c: char) -> bool {
    c.is_whitespace() || "([{—–-/:;“‘«»„‚".contains(c)
}

/// Whether `chars[i]` is the apostrophe of an elision such as ’90s, ’em or ’til.
fn is_elision(chars: &[char], i: usize) -> bool {
    let rest: String = chars[i + 1..].iter().take(6).collect();
    let lower = rest.to_lowercase();
    let digits = rest.chars().take_while(char::is_ascii_digit).count();
    let decade = rest
        .chars()
        .nth(2)
        .is_none_or(|c| c == 's' || !c.is_alphanumeric());
    digits == 2 && decade
        || ["em ", "til ", "cause ", "n ", "tis ", "twas "]
            .iter()
            .any(|e| lower.starts_with(e))
}

/// The pair `chars[i]` opens here, if it opens one.
fn opening(chars: &[char], i: usize) -> Option<Mark> {
    let prev = i.checked_sub(1).map(|j| chars[j]);
    let next = chars.get(i + 1).copied();
    let open_before = prev.is_none_or(opens_after);
    let word_after = next.is_some_and(|n| !n.is_whitespace());
    match chars[i] {
        '“' => Some(Mark::Double),
        '‘' if !is_elision(chars, i) => Some(Mark::Single),
        '"' if open_before && word_after => Some(Mark::Straight),
        '\'' if open_before && word_after && !is_elision(chars, i) => Some(Mark::StraightSingle),
        '«' => Some(Mark::Guillemet),
        '»' if open_before && word_after => Some(Mark::Reversed),
        '„' => Some(Mark::Low),
        '‚' if open_before && word_after => Some(Mark::LowSingle),
        '‹' => Some(Mark::SingleGuillemet),
        '「' => Some(Mark::Corner),
        '『' => Some(Mark::WhiteCorner),
        _ => None,
    }
}

/// The pairs `chars[i]` can close here.
fn closing(chars: &[char], i: usize) -> &'static [Mark] {
    let prev = i.checked_sub(1).map(|j| chars[j]);
    let next = chars.get(i + 1).copied();
    let word_before = prev.is_some_and(|p| !p.is_whitespace());
    let letter_before = prev.is_some_and(char::is_alphanumeric);
    let letter_after = next.is_some_and(char::is_alphanumeric);
    match chars[i] {
        // Mixed marks are common in copy edited by hand: "…” and “…".
        '”' => &[Mark::Double, Mark::Low, Mark::Straight],
        '“' => &[Mark::Low],
        '’' | '\'' if letter_before && letter_after => &[],
        '’' | '\'' if !word_before || is_plural_possessive(chars, i) => &[],
        '’' => &[Mark::Single, Mark::LowSingle],
        '\'' => &[Mark::StraightSingle],
        '‘' => &[Mark::LowSingle],
        '"' if word_before => &[Mark::Straight, Mark::Double],
        '»' => &[Mark::Guillemet],
        '«' => &[Mark::Reversed],
        '›' => &[Mark::SingleGuillemet],
        '」' => &[Mark::Corner],
        '』' => &[Mark::WhiteCorner],
        _ => &[],
    }
}

/// Whether the mark at `i` is the apostrophe of a plural possessive ("the Joneses’ dog"): it
/// follows an s, a lower-case word follows, and a later mark could still close the quotation.
fn is_plural_possessive(chars: &[char], i: usize) -> bool {
    let after_s = i > 0 && matches!(chars[i - 1], 's' | 'S');
    let then_word =
        chars.get(i + 1) == Some(&' ') && chars.get(i + 2).is_some_and(|c| c.is_lowercase());
    after_s && then_word && chars[i + 2..].iter().any(|&c| c == chars[i])
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::suggest::test_support::body as article;

    /// The text of each quotation found in `paragraphs`.
    fn quoted(paragraphs: &[&str]) -> Vec<String> {
        let article = article(paragraphs);
        quotations(&article)
            .iter()
            .map(|q| article.slice(q.inner()).unwrap_or_default().to_string())
            .collect()
    }

    #[test]
    fn every_common_style() {
        let cases = [
            ("He said “we will win” today.", "we will win"),
            ("He said \"we will win\" today.", "we will win"),
            ("He said ‘we will win’ today.", "we will win"),
            ("He said 'we will win' today.", "we will win"),
            ("Il a dit « nous gagnerons » hier.", " nous gagnerons "),
            ("Er sagte »wir gewinnen« gestern.", "wir gewinnen"),
            ("Er sagte „wir gewinnen“ gestern.", "wir gewinnen"),
            ("Powiedział „wygramy” wczoraj.", "wygramy"),
            ("Er sagte ‚wir gewinnen‘ gestern.", "wir gewinnen"),
            ("Il a dit ‹ oui › hier.", " oui "),
            ("首相は「急ぐ」と述べた。", "急ぐ"),
            ("彼は『勝つ』と言った。", "勝つ"),
        ];
        for (text, expected) in cases {
            assert_eq!(quoted(&[text]), vec![expected.to_string()], "{text}");
        }
    }

    #[test]
    fn apostrophes_are_not_quotation_marks() {
        assert_eq!(
            quoted(&["‘We don’t want the ’90s back,’ she said of the Joneses’ party."]),
            vec!["We don’t want the ’90s back,"]
        );
        assert_eq!(
            quoted(&["'It's the '80s again,' he said. The students' union agreed."]),
            vec!["It's the '80s again,"]
        );
        assert_eq!(
            quoted(&["‘The Joneses’ dog barked all night,’ a neighbour said."]),
            vec!["The Joneses’ dog barked all night,"]
        );
        assert!(quoted(&["Rock ’n’ roll in the ’60s and ‘em all."]).is_empty());
        assert!(quoted(&["A 12\" pipe and a 5'11\" man."]).is_empty());
    }

    #[test]
    fn doubled_apostrophes_and_mixed_marks() {
        assert_eq!(
            quoted(&["The mayor said ''the pier is safe,'' and left. ``Yes,'' she said."]),
            vec!["the pier is safe,", "Yes,"]
        );
        assert_eq!(
            quoted(&["He said \"we are ready” and “we will win\" today."]),
            vec!["we are ready", "we will win"]
        );
    }

    #[test]
    fn nested_quotations_stay_inside_the_outer_one() {
        assert_eq!(
            quoted(&["“When he asked ‘Did you sign it?’ I said nothing,” she said."]),
            vec!["When he asked ‘Did you sign it?’ I said nothing,"]
        );
        assert_eq!(
            quoted(&["„Er rief ‚Halt!‘ und lief“, sagte sie."]),
            vec!["Er rief ‚Halt!‘ und lief"]
        );
    }

    #[test]
    fn quotations_continued_over_paragraphs_are_one() {
        let found = quoted(&[
            "“The defences were old.",
            "“We warned about this,” she said.",
            "Then “another one” came.",
        ]);
        assert_eq!(
            found,
            vec![
                "The defences were old.\n\n“We warned about this,".to_string(),
                "another one".to_string()
            ]
        );
    }

    #[test]
    fn an_unclosed_mark_does_not_swallow_later_quotations() {
        assert_eq!(
            quoted(&["The ‘deal was “a disaster,” he said."]),
            vec!["a disaster,"]
        );
        assert!(quoted(&["“Unclosed and never continued.", "Plain paragraph."]).is_empty());
    }

    #[test]
    fn stretches_within_one_paragraph() {
        let chars: Vec<char> = "A “b” and «c».".chars().collect();
        assert_eq!(
            quoted_stretches(&chars),
            vec![Span::new(3, 4), Span::new(11, 12)]
        );
    }
}
