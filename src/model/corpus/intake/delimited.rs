//! CSV and TSV rows (RFC 4180): fields separated by a delimiter, quoted fields holding
//! delimiters, doubled quotes and line breaks, rows ended by `\n` or `\r\n`. Read one row at a
//! time from a byte cursor, so a large file is never split or copied as a whole.

/// One row as read from the text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Row {
    /// The fields, unquoted (empty when the row was only skimmed).
    pub fields: Vec<String>,
    /// Where the next row begins (after the row's line break).
    pub next: usize,
    /// Line breaks the row took, its own included.
    pub newlines: usize,
    /// Whether the row holds nothing but whitespace.
    pub blank: bool,
    /// Whether the text ended inside a quoted field.
    pub unclosed: bool,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum State {
    FieldStart,
    Unquoted,
    Quoted,
    QuoteInQuoted,
}

/// Reads the row starting at byte `at` of `text`; `decode` collects its fields (otherwise the
/// row is only skimmed, for counting). `delimiter` is an ASCII byte.
pub(crate) fn read_row(text: &str, at: usize, delimiter: u8, decode: bool) -> Row {
    let bytes = text.as_bytes();
    let mut fields = Vec::new();
    let mut field: Vec<u8> = Vec::new();
    let mut state = State::FieldStart;
    let mut newlines = 0;
    let mut blank = true;
    let mut next = bytes.len();
    let mut i = at;
    let finish = |field: &mut Vec<u8>, fields: &mut Vec<String>| {
        if decode {
            let bytes = std::mem::take(field);
            // Fields are cut at ASCII bytes only, so they stay valid UTF-8.
            fields.push(String::from_utf8(bytes).unwrap_or_default());
        }
    };
    while let Some(&b) = bytes.get(i) {
        let line_end = b == b'\n' || (b == b'\r' && bytes.get(i + 1) == Some(&b'\n'));
        if state != State::Quoted && line_end {
            let width = if b == b'\r' { 2 } else { 1 };
            newlines += 1;
            next = i + width;
            finish(&mut field, &mut fields);
            return Row {
                fields,
                next,
                newlines,
                blank,
                unclosed: false,
            };
        }
        if !b.is_ascii_whitespace() {
            blank = false;
        }
        state = match (state, b) {
            (State::FieldStart, b'"') => State::Quoted,
            (State::FieldStart | State::Unquoted | State::QuoteInQuoted, d) if d == delimiter => {
                finish(&mut field, &mut fields);
                State::FieldStart
            }
            (State::Quoted, b'"') => State::QuoteInQuoted,
            (State::QuoteInQuoted, b'"') => {
                field.push(b'"');
                State::Quoted
            }
            (State::Quoted, _) => {
                newlines += usize::from(b == b'\n');
                if decode {
                    field.push(b);
                }
                State::Quoted
            }
            // Text after a closing quote (`"a"b`) or a quote inside an unquoted field (`a"b`):
            // kept as it stands.
            (_, _) => {
                if decode {
                    field.push(b);
                }
                State::Unquoted
            }
        };
        i += 1;
    }
    finish(&mut field, &mut fields);
    Row {
        fields,
        next,
        newlines,
        blank,
        unclosed: state == State::Quoted,
    }
}

/// The delimiter of a table whose first line is `header`: a tab, a semicolon or a comma,
/// whichever the line has most of outside quotes (a comma when it has none).
pub(crate) fn guess_delimiter(header: &str) -> u8 {
    let mut quoted = false;
    let mut counts = [0usize; 3];
    const CANDIDATES: [u8; 3] = [b'\t', b';', b','];
    for b in header.bytes() {
        if b == b'"' {
            quoted = !quoted;
        } else if !quoted {
            if let Some(at) = CANDIDATES.iter().position(|&c| c == b) {
                counts[at] += 1;
            }
        }
    }
    let best = (0..3).max_by_key(|&i| (counts[i], i)).unwrap_or(2);
    if counts[best] == 0 {
        b','
    } else {
        CANDIDATES[best]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rows(text: &str, delimiter: u8) -> Vec<Vec<String>> {
        let mut at = 0;
        let mut out = Vec::new();
        while at < text.len() {
            let row = read_row(text, at, delimiter, true);
            at = row.next;
            if !row.blank {
                out.push(row.fields);
            }
        }
        out
    }

    #[test]
    fn quotes_hold_delimiters_doubled_quotes_and_line_breaks() {
        let text = "a,b,c\r\n\"x, y\",\"say \"\"hi\"\"\",\"two\nlines\"\n\nlast,,\n";
        assert_eq!(
            rows(text, b','),
            [
                vec!["a", "b", "c"],
                vec!["x, y", "say \"hi\"", "two\nlines"],
                vec!["last", "", ""]
            ]
        );
        let second = read_row(text, 7, b',', false);
        assert_eq!(second.newlines, 2);
        assert!(second.fields.is_empty());
    }

    #[test]
    fn stray_quotes_are_kept_and_an_open_quote_is_reported() {
        assert_eq!(rows("a\"b,\"c\"d\n", b','), [vec!["a\"b", "cd"]]);
        let open = read_row("\"never closed\nstill", 0, b',', true);
        assert!(open.unclosed);
        assert_eq!(open.fields, ["never closed\nstill"]);
    }

    #[test]
    fn tabs_and_semicolons_are_recognised() {
        assert_eq!(guess_delimiter("id\ttext\ttitle"), b'\t');
        assert_eq!(guess_delimiter("id;text;\"a,b\""), b';');
        assert_eq!(guess_delimiter("id,text"), b',');
        assert_eq!(guess_delimiter("text"), b',');
        assert_eq!(rows("a\tb\n1\t\"2\t3\"\n", b'\t')[1], ["1", "2\t3"]);
    }
}
