//! Recognising a menu line in text copied from a page, by its shape rather than its words, so
//! that it works in any script: a run of short items with no sentence punctuation and none of
//! the small words sentences and headlines are made of.

/// How much a line looks like a page's menu.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MenuShape {
    /// A sentence, a headline or anything else.
    No,
    /// Could be a menu or a headline: a few short words in a script without letter case
    /// (Arabic, Hebrew…) or in Title Case, with no punctuation and no small words. The caller
    /// decides by what follows (a headline after it makes it a menu).
    Maybe,
    /// Surely a menu: icon names, items between separators (`|`, `•`, `·`, `/`), space-separated
    /// CJK items, or a long run of words with no small words.
    Yes,
}

/// Marks that end or split sentences, in Latin, Arabic and CJK scripts, and quotation marks.
const SENTENCE_MARKS: &str = ".,;:!?\"“”‘’«»„。，、！？；：،؛؟";

/// Separators between menu items.
const SEPARATORS: [char; 10] = ['|', '•', '·', '/', '｜', '∙', '▪', '●', '›', '»'];

/// Small words of sentences and headlines (articles, prepositions, conjunctions, pronouns):
/// English, German, French, Spanish, Russian, Arabic, Hebrew. Compared lower-case.
const GLUE: &[&str] = &[
    "the", "a", "an", "of", "to", "in", "and", "for", "on", "is", "with", "as", "at", "by", "der",
    "die", "das", "und", "für", "mit", "von", "zu", "im", "ist", "den", "dem", "ein", "eine",
    "auf", "bei", "le", "la", "les", "de", "des", "du", "et", "un", "une", "pour", "dans", "sur",
    "au", "aux", "el", "los", "las", "y", "en", "por", "con", "del", "para", "que", "в", "на", "и",
    "с", "по", "не", "для", "что", "как", "из", "к", "о", "от", "за", "до", "في", "من", "على",
    "إلى", "الى", "عن", "مع", "أن", "إن", "التي", "الذي", "هذا", "هذه", "بعد", "قبل", "لا", "ما",
    "قد", "و", "أو", "حول", "ضد", "بين", "של", "את", "על", "עם", "אל", "כי", "לא", "גם", "זה",
    "זו", "אחרי", "לפני", "מול", "אבל", "או", "הוא", "היא", "יש", "אין",
];

/// The menu shape of `line`.
pub fn menu_shape(line: &str) -> MenuShape {
    let words: Vec<&str> = line.split_whitespace().collect();
    let icons = words
        .iter()
        .filter(|w| w.to_lowercase().contains("icon"))
        .count();
    if icons >= 3 {
        return MenuShape::Yes;
    }
    if line.contains(|c: char| SENTENCE_MARKS.contains(c)) {
        return MenuShape::No;
    }
    let items: Vec<&str> = line
        .split(SEPARATORS)
        .map(str::trim)
        .filter(|i| !i.is_empty())
        .collect();
    if items.len() >= 3 && items.iter().all(|i| i.split_whitespace().count() <= 3) {
        return MenuShape::Yes;
    }
    let words: Vec<&str> = items.iter().flat_map(|i| i.split_whitespace()).collect();
    if words.len() < 4
        || words
            .iter()
            .any(|w| GLUE.contains(&w.to_lowercase().as_str()))
    {
        return MenuShape::No;
    }
    let short = |max: usize| words.iter().all(|w| w.chars().count() <= max);
    if words.iter().all(|w| w.chars().any(is_cjk)) && short(6) {
        return MenuShape::Yes;
    }
    if words.len() >= 8 {
        return MenuShape::Yes;
    }
    let uncased = !line.chars().any(|c| c.is_uppercase() || c.is_lowercase());
    let title_case = words.iter().all(|w| {
        w.chars()
            .next()
            .is_some_and(|c| c.is_uppercase() || c.is_numeric())
    });
    if short(12) && (uncased || (title_case && words.len() >= 5)) {
        MenuShape::Maybe
    } else {
        MenuShape::No
    }
}

/// Han, kana and hangul: scripts written without spaces between words.
pub fn is_cjk(c: char) -> bool {
    matches!(u32::from(c),
        0x3040..=0x30FF | 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xAC00..=0xD7AF | 0xF900..=0xFAFF)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn menus_in_any_script() {
        for line in [
            "homeicon searchicon shareicon menuicon",
            "Startseite Politik Wirtschaft Sport Kultur Wissen Reisen Auto Digital Video",
            "Home | World | Business | Sport | Culture",
            "Главная · Политика · Экономика · Спорт · Культура",
            "首页 新闻 国内 国际 财经 体育 科技",
            "トップ ニュース 政治 経済 スポーツ エンタメ",
            "Inicio / Noticias / Deportes / Cultura",
            "홈 | 정치 | 경제 | 사회 | 스포츠",
            "होम · देश · दुनिया · खेल · मनोरंजन",
            "Αρχική | Πολιτική | Οικονομία | Αθλητισμός",
        ] {
            assert_eq!(menu_shape(line), MenuShape::Yes, "{line}");
        }
        for line in [
            "الرئيسية أخبار سياسة اقتصاد رياضة ثقافة",
            "ראשי חדשות כלכלה ספורט תרבות בריאות",
            "Home World Business Sport Culture",
        ] {
            assert_eq!(menu_shape(line), MenuShape::Maybe, "{line}");
        }
    }

    #[test]
    fn sentences_and_headlines_are_not_menus() {
        for line in [
            "Harbour town votes to keep its ferry",
            "“We will not be cut off,” the mayor says",
            "الحكومة تعلن خطة جديدة للنقل في المدينة",
            "הממשלה אישרה את התוכנית החדשה",
            "Правительство утвердило новый план для города",
            "政府宣布新的交通计划",
            "東京で会議、首相が出席",
            "Mayor wins third term",
        ] {
            assert_eq!(menu_shape(line), MenuShape::No, "{line}");
        }
    }
}
