//! Recognising a date line ("4 Jan, 2024 15:48", "Thursday, January 4, 2024", "4 января 2024",
//! "الخميس 4 يناير 2024", "4 בינואר 2024", "2024年1月4日 15:48") and writing it as ISO 8601.
//! The words it knows are in [`super::date_words`].

use crate::model::ingest::date_words::{joined_months, CJK_FILLER, FILLER, MONTHS};

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
    let line = ascii_digits(line);
    if let Some(iso) = parse_iso(&line) {
        return Some(iso);
    }
    if let Some(cjk) = parse_cjk(&line) {
        return Some(cjk);
    }
    let (mut year, mut month, mut day, mut time) = (None, None, None, None);
    let mut pm = None;
    for token in joined_months(&line)
        .split(|c: char| c.is_whitespace() || matches!(c, ',' | '،' | '|' | '·' | '(' | ')'))
        .map(|t| t.trim_end_matches(['.', ':']))
        .filter(|t| !t.is_empty() && *t != "-" && *t != "–")
    {
        let lower = token.to_lowercase();
        if let Some(m) = month_of(&lower) {
            month = Some(m);
        } else if let Some((d, m, y)) = parse_numeric_date(&lower) {
            (day, month, year) = (Some(d), Some(m), Some(y));
        } else if FILLER.contains(&lower.as_str()) {
        } else if lower == "am" || lower == "pm" || lower == "ص" {
            pm = Some(lower == "pm");
        } else if lower == "م" {
            // Arabic "evening" after a time, "of the Common Era" after a year.
            if time.is_some() {
                pm = Some(true);
            }
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
    iso(year?, month?, day?, time, pm)
}

/// `year-month-day`, with `Thh:mm` when there is a time (`pm` moving it to the afternoon);
/// `None` for an impossible day or an unlikely year.
fn iso(
    year: u32,
    month: u32,
    day: u32,
    time: Option<(u32, u32)>,
    pm: Option<bool>,
) -> Option<String> {
    if !(1..=31).contains(&day) || !(1..=12).contains(&month) || !(1800..=2200).contains(&year) {
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

/// `4`, `4th`, `1er`, `2024`, `2024г`, `2024م`.
fn parse_day_or_year(token: &str) -> Option<u32> {
    let digits = ["st", "nd", "rd", "th", "er", "г", "م"]
        .iter()
        .find_map(|suffix| token.strip_suffix(suffix))
        .unwrap_or(token);
    digits.parse().ok()
}

/// The month (1–12) a lower-case word names, also in Hebrew with the prefix `ב` ("in").
fn month_of(word: &str) -> Option<u32> {
    let find = |w: &str| {
        MONTHS
            .iter()
            .position(|names| names.contains(&w))
            .map(|m| m as u32 + 1)
    };
    find(word).or_else(|| {
        word.strip_prefix('ב')
            .map(|w| w.trim_start_matches('-'))
            .and_then(find)
    })
}

/// `04.01.2024` (day first, as in German and Russian) or `2024/01/04` (year first, as in
/// Chinese and Japanese) as (day, month, year).
fn parse_numeric_date(token: &str) -> Option<(u32, u32, u32)> {
    let parts: Vec<&str> = token.split(['.', '/']).collect();
    let [a, b, c] = parts.as_slice() else {
        return None;
    };
    if !parts
        .iter()
        .all(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit()))
    {
        return None;
    }
    let (a, b, c): (u32, u32, u32) = (a.parse().ok()?, b.parse().ok()?, c.parse().ok()?);
    if token.contains('.') && c >= 1000 {
        Some((a, b, c))
    } else if token.contains('/') && a >= 1000 {
        Some((c, b, a))
    } else {
        None
    }
}

/// Arabic-Indic, Persian and full-width digits as ASCII digits.
fn ascii_digits(line: &str) -> String {
    line.chars()
        .map(|c| {
            let zero = match c {
                '\u{0660}'..='\u{0669}' => 0x0660,
                '\u{06F0}'..='\u{06F9}' => 0x06F0,
                '\u{FF10}'..='\u{FF19}' => 0xFF10,
                _ => return c,
            };
            char::from_u32(u32::from('0') + u32::from(c) - zero).unwrap_or(c)
        })
        .collect()
}

/// A Chinese or Japanese date line: `2024年1月4日`, with an optional weekday (`星期四`,
/// `(木)`, `木曜日`), time (`15:48`, `15時48分`, `下午3点48分`) and "published"/"updated" word.
fn parse_cjk(line: &str) -> Option<String> {
    let (before, after_year) = line.split_once('年')?;
    let year_digits = before.len() - before.trim_end_matches(|c: char| c.is_ascii_digit()).len();
    let (prefix, year) = before.split_at(before.len() - year_digits);
    let (month, after_month) = after_year.split_once('月')?;
    let (day, suffix) = after_month
        .split_once('日')
        .or_else(|| after_month.split_once('号'))?;
    let number = |s: &str| s.trim().parse::<u32>().ok();
    let (year, month, day) = (number(year)?, number(month)?, number(day)?);
    let mut rest = format!("{prefix} {suffix}");
    for word in CJK_FILLER {
        rest = rest.replace(word, " ");
    }
    let mut pm = None;
    for (word, afternoon) in [
        ("午前", false),
        ("上午", false),
        ("午後", true),
        ("下午", true),
    ] {
        if rest.contains(word) {
            pm = Some(afternoon);
            rest = rest.replace(word, " ");
        }
    }
    // A weekday in brackets: (木), （木）, (四).
    for open in ['(', '（'] {
        while let Some(at) = rest.find(open) {
            let inner: String = rest[at + open.len_utf8()..].chars().take(2).collect();
            let mut chars = inner.chars();
            match (chars.next(), chars.next()) {
                (Some(w), Some(')' | '）')) if "月火水木金土日一二三四五六天".contains(w) =>
                {
                    rest.replace_range(at..at + open.len_utf8() + inner.len(), " ");
                }
                _ => return None,
            }
        }
    }
    let rest = rest
        .replace(['時', '时', '点', '點'], ":")
        .replace(['分', '：'], " ");
    let mut time = None;
    for token in rest
        .split(|c: char| c.is_whitespace() || matches!(c, '|' | '·' | ',' | '，' | '-'))
        .filter(|t| !t.is_empty())
    {
        let token = token.trim_end_matches(':');
        time = Some(parse_time(token).or_else(|| parse_time(&format!("{token}:00")))?);
    }
    iso(year, month, day, time, pm)
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
            ("04.01.2024 15:48", Some("2024-01-04T15:48")),
        ];
        for (line, expected) in cases {
            assert_eq!(parse_date_line(line).as_deref(), expected, "{line}");
        }
    }

    #[test]
    fn recognises_date_lines_in_arabic_hebrew_russian_chinese_and_japanese() {
        let cases = [
            // Arabic: Egyptian and Levantine month names, Arabic-Indic digits, Arabic comma.
            ("الخميس، 4 يناير 2024", "2024-01-04"),
            ("نشر في ١٢ مارس ٢٠٢٥ الساعة 15:48", "2025-03-12T15:48"),
            ("الأحد 3 تشرين الثاني 2024", "2024-11-03"),
            ("٢٠ كانون الأول ٢٠٢٣ - 3:05 م", "2023-12-20T15:05"),
            // Hebrew: months with and without the prefix ב.
            ("יום חמישי, 4 בינואר 2024", "2024-01-04"),
            ("פורסם 12 במרץ 2025 בשעה 09:10", "2025-03-12T09:10"),
            ("4 ינואר 2024", "2024-01-04"),
            // Russian: genitive months, "г." and "в".
            ("4 января 2024, 15:48", "2024-01-04T15:48"),
            ("четверг, 21 октября 2026 г.", "2026-10-21"),
            ("Опубликовано 3 мая 2025 в 10:15", "2025-05-03T10:15"),
            // Chinese.
            ("2024年1月4日 15:48", "2024-01-04T15:48"),
            ("发布时间：2025年03月12日 星期三", "2025-03-12"),
            ("2024年1月4日 下午3点48分", "2024-01-04T15:48"),
            // Japanese.
            ("2024年1月4日(木) 15時48分", "2024-01-04T15:48"),
            ("2025年3月12日 水曜日", "2025-03-12"),
            ("２０２４年１月４日（木）", "2024-01-04"),
            ("2024/01/04 15:48", "2024-01-04T15:48"),
        ];
        for (line, expected) in cases {
            assert_eq!(parse_date_line(line).as_deref(), Some(expected), "{line}");
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
            "2024年1月4日に会議が開かれた",
            "政府は2024年1月4日、新しい計画を発表した。",
            "Встреча прошла 4 января 2024 года в Москве",
            "الاجتماع عقد في 4 يناير 2024 في القاهرة",
            "הפגישה התקיימה ב-4 בינואר 2024 בירושלים",
            "2024年13月4日",
        ] {
            assert_eq!(parse_date_line(line), None, "{line}");
        }
    }
}
