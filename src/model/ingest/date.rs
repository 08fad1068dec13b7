//! Recognising a date line ("4 Jan, 2024 15:48", "Thursday, January 4, 2024") and writing it as
//! ISO 8601.

/// Month names and common abbreviations: English, German, French and Spanish.
const MONTHS: [&[&str]; 12] = [
    &[
        "january", "jan", "januar", "jän", "janvier", "janv", "enero", "ene",
    ],
    &[
        "february", "feb", "februar", "février", "févr", "fevrier", "febrero",
    ],
    &["march", "mar", "märz", "mär", "mars", "marzo"],
    &["april", "apr", "avril", "avr", "abril", "abr"],
    &["may", "mai", "mayo"],
    &["june", "jun", "juni", "juin", "junio"],
    &["july", "jul", "juli", "juillet", "juil", "julio"],
    &["august", "aug", "août", "aout", "agosto", "ago"],
    &["september", "sep", "sept", "septembre", "septiembre"],
    &["october", "oct", "oktober", "okt", "octobre", "octubre"],
    &["november", "nov", "novembre", "noviembre"],
    &[
        "december",
        "dec",
        "dezember",
        "dez",
        "décembre",
        "déc",
        "diciembre",
        "dic",
    ],
];

/// Words a date line may carry around the date itself.
const FILLER: [&str; 44] = [
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "mon",
    "tue",
    "wed",
    "thu",
    "fri",
    "sat",
    "sun",
    "published",
    "updated",
    "on",
    "at",
    "gmt",
    "utc",
    "montag",
    "dienstag",
    "mittwoch",
    "donnerstag",
    "freitag",
    "samstag",
    "sonntag",
    "um",
    "uhr",
    "lundi",
    "mardi",
    "mercredi",
    "jeudi",
    "vendredi",
    "samedi",
    "dimanche",
    "le",
    "lunes",
    "martes",
    "miércoles",
    "jueves",
    "viernes",
    "de",
    "del",
];

/// Parses a line that is nothing but a date (and optionally a time) into ISO 8601.
///
/// Returns `2024-01-04T15:48` for `"4 Jan, 2024 15:48"`, `2024-01-04` for
/// `"Thursday, January 4, 2024"` and for `"2024-01-04"`, and `None` for anything with other
/// words in it, so ordinary sentences that mention a date are never taken for a date line.
pub fn parse_date_line(line: &str) -> Option<String> {
    let line = line.trim();
    if line.is_empty() || line.chars().count() > 60 {
        return None;
    }
    if let Some(iso) = parse_iso(line) {
        return Some(iso);
    }
    let (mut year, mut month, mut day, mut time) = (None, None, None, None);
    let mut pm = None;
    for token in line
        .split(|c: char| c.is_whitespace() || c == ',' || c == '|' || c == '·')
        .map(|t| t.trim_end_matches(['.', ':']))
        .filter(|t| !t.is_empty() && *t != "-" && *t != "–")
    {
        let lower = token.to_lowercase();
        if let Some(m) = MONTHS
            .iter()
            .position(|names| names.contains(&lower.as_str()))
        {
            month = Some(m as u32 + 1);
        } else if FILLER.contains(&lower.as_str()) {
        } else if lower == "am" || lower == "pm" {
            pm = Some(lower == "pm");
        } else if let Some(t) = parse_time(&lower) {
            time = Some(t);
            if lower.ends_with("pm") {
                pm = Some(true);
            } else if lower.ends_with("am") {
                pm = Some(false);
            }
        } else if let Some(n) = parse_day_or_year(&lower) {
            if n >= 1000 {
                year = Some(n);
            } else {
                day = Some(n);
            }
        } else {
            return None;
        }
    }
    let (year, month, day) = (year?, month?, day?);
    if !(1..=31).contains(&day) || !(1800..=2200).contains(&year) {
        return None;
    }
    let date = format!("{year:04}-{month:02}-{day:02}");
    Some(match time {
        Some((mut h, m)) => {
            if pm == Some(true) && h < 12 {
                h += 12;
            } else if pm == Some(false) && h == 12 {
                h = 0;
            }
            format!("{date}T{h:02}:{m:02}")
        }
        None => date,
    })
}

/// `2024-01-04`, optionally followed by `T15:48...`: kept as written when its date part is sane.
fn parse_iso(line: &str) -> Option<String> {
    let date = line.get(..10)?;
    let bytes = date.as_bytes();
    let shape_ok = bytes.iter().enumerate().all(|(i, b)| match i {
        4 | 7 => *b == b'-',
        _ => b.is_ascii_digit(),
    });
    let rest = &line[10..];
    let rest_ok = rest.is_empty() || (rest.starts_with('T') && !rest.contains(char::is_whitespace));
    let month: u32 = date.get(5..7)?.parse().ok()?;
    let day: u32 = date.get(8..10)?.parse().ok()?;
    (shape_ok && rest_ok && (1..=12).contains(&month) && (1..=31).contains(&day))
        .then(|| line.to_string())
}

/// `15:48`, `3:48pm`: hours and minutes.
fn parse_time(token: &str) -> Option<(u32, u32)> {
    let token = token.trim_end_matches("am").trim_end_matches("pm");
    let (h, m) = token.split_once(':')?;
    let m = m.get(..2)?;
    let (h, m): (u32, u32) = (h.parse().ok()?, m.parse().ok()?);
    (h < 24 && m < 60).then_some((h, m))
}

/// `4`, `4th`, `2024`.
fn parse_day_or_year(token: &str) -> Option<u32> {
    let digits = token
        .strip_suffix("st")
        .or_else(|| token.strip_suffix("nd"))
        .or_else(|| token.strip_suffix("rd"))
        .or_else(|| token.strip_suffix("th"))
        .unwrap_or(token);
    digits.parse().ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn recognises_common_date_lines() {
        let cases = [
            ("4 Jan, 2024 15:48", Some("2024-01-04T15:48")),
            ("Thursday, January 4, 2024", Some("2024-01-04")),
            ("Jan 4, 2024, 3:48 PM", Some("2024-01-04T15:48")),
            (
                "Published 12 March 2025 at 12:05am GMT",
                Some("2025-03-12T00:05"),
            ),
            ("2024-01-04", Some("2024-01-04")),
            ("2024-01-04T15:48:00Z", Some("2024-01-04T15:48:00Z")),
            (
                "Updated: 21st October 2026 | 09:10",
                Some("2026-10-21T09:10"),
            ),
            ("Donnerstag, 4. Januar 2024", Some("2024-01-04")),
            ("le 3 mars 2025 à 10:15", None),
            ("jeudi 3 mars 2025", Some("2025-03-03")),
            ("4 de enero de 2024", Some("2024-01-04")),
        ];
        for (line, expected) in cases {
            assert_eq!(parse_date_line(line).as_deref(), expected, "{line}");
        }
    }

    #[test]
    fn refuses_sentences_and_partial_dates() {
        for line in [
            "The council met on 4 January 2024 to vote.",
            "January 2024",
            "4 Jan",
            "2024-13-01",
            "",
            "Home News Sport",
            "45 Jan 2024",
        ] {
            assert_eq!(parse_date_line(line), None, "{line}");
        }
    }
}
