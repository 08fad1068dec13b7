//! Fixtures of pasted pages in Arabic, Hebrew, Russian, Chinese and Japanese, in the shape of a
//! copied news page (a menu line, a date line, the headline, the standfirst, the headline
//! again, the body), written for these tests: the menu is set aside, the date parsed, the
//! headline filed.

use crate::model::ingest::clean_plain_text;

/// Cleans `page` and checks its title, date, the first body paragraph and that the menu line
/// was set aside as navigation.
fn check(page: &str, title: &str, date: &str, standfirst: &str) {
    let article = clean_plain_text(page, None).unwrap();
    let menu = page.lines().next().unwrap();
    assert_eq!(article.meta.title, title, "{page}");
    assert_eq!(article.meta.published.as_deref(), Some(date), "{page}");
    assert!(article.text().starts_with(standfirst), "{page}");
    assert!(!article.text().contains(menu), "{page}");
    assert_eq!(article.set_aside[0].text, menu);
    assert_eq!(article.set_aside[0].reason, "navigation");
    assert_eq!(article.set_aside[1].reason, "headline repeated");
}

#[test]
fn arabic() {
    check(
        "الرئيسية أخبار سياسة اقتصاد رياضة ثقافة منوعات\n\
         الخميس، 4 يناير 2024 15:48\n\
         \n\
         مدينة الميناء تصوت للإبقاء على العبارة\n\
         \n\
         قال رئيس البلدية إن المدينة لن تنقطع عن البر.\n\
         مدينة الميناء تصوت للإبقاء على العبارة\n\
         \n\
         صوت سكان المدينة بنسبة 61 في المئة لصالح العبارة.\n",
        "مدينة الميناء تصوت للإبقاء على العبارة",
        "2024-01-04T15:48",
        "قال رئيس البلدية",
    );
    // A headline with no small words, and the Levantine month name with Arabic-Indic digits.
    check(
        "الرئيسية محليات عربي دولي اقتصاد رياضة\n\
         ٣ تشرين الثاني ٢٠٢٤\n\
         افتتاح مكتبة المدينة الجديدة\n\
         تضم المكتبة أكثر من مئة ألف كتاب، وفق البلدية.\n\
         افتتاح مكتبة المدينة الجديدة\n\
         افتتحت المكتبة أبوابها صباح الأحد.\n",
        "افتتاح مكتبة المدينة الجديدة",
        "2024-11-03",
        "تضم المكتبة",
    );
}

#[test]
fn hebrew() {
    check(
        "ראשי חדשות כלכלה ספורט תרבות בריאות\n\
         יום חמישי, 4 בינואר 2024\n\
         \n\
         עיר הנמל מצביעה בעד המעבורת\n\
         \n\
         ראש העיר אמר כי התושבים לא יישארו מנותקים.\n\
         עיר הנמל מצביעה בעד המעבורת\n\
         \n\
         התושבים תמכו במעבורת ברוב של 61 אחוזים.\n",
        "עיר הנמל מצביעה בעד המעבורת",
        "2024-01-04",
        "ראש העיר אמר",
    );
}

#[test]
fn russian() {
    check(
        "Главная Новости Политика Экономика Спорт Культура Наука Общество\n\
         4 января 2024, 15:48\n\
         \n\
         Портовый город проголосовал за паром\n\
         \n\
         «Нас не отрежут от материка», — заявил мэр.\n\
         Портовый город проголосовал за паром\n\
         \n\
         Жители поддержали паром: за проголосовал 61% участников.\n",
        "Портовый город проголосовал за паром",
        "2024-01-04T15:48",
        "«Нас не отрежут",
    );
}

#[test]
fn chinese() {
    check(
        "首页 新闻 国内 国际 财经 体育 科技\n\
         2024年1月4日 15:48\n\
         \n\
         港口小镇投票保留渡轮\n\
         \n\
         镇长说：“我们不会被切断。”\n\
         港口小镇投票保留渡轮\n\
         \n\
         61%的选民支持保留渡轮。\n",
        "港口小镇投票保留渡轮",
        "2024-01-04T15:48",
        "镇长说",
    );
}

#[test]
fn japanese() {
    check(
        "トップ ニュース 政治 経済 スポーツ エンタメ\n\
         2024年1月4日(木) 15時48分\n\
         \n\
         港町、フェリー存続を決める住民投票\n\
         \n\
         市長は「町が孤立することはない」と述べた。\n\
         港町、フェリー存続を決める住民投票\n\
         \n\
         住民の61%がフェリーの存続を支持した。\n",
        "港町、フェリー存続を決める住民投票",
        "2024-01-04T15:48",
        "市長は",
    );
}
