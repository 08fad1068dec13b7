//! Component and selection tests in headless Chromium (`cargo test --target wasm32-unknown-unknown`).
#![cfg(target_arch = "wasm32")]

use std::rc::Rc;

use claimtag::components::article_view::{ArticleView, ArticleViewProps};
use claimtag::model::layers::others_per_paragraph;
use claimtag::model::{
    Annotation, AnnotationId, AnnotationSet, Article, Label, Metadata, ParagraphKind, Span,
};
use claimtag::services::selection::range_to_span;
use claimtag::App;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement, Node};
use yew::prelude::*;

wasm_bindgen_test_configure!(run_in_browser);

fn mount_point() -> Element {
    let document = gloo::utils::document();
    let root = document.create_element("div").unwrap();
    document.body().unwrap().append_child(&root).unwrap();
    root
}

/// Mounts the app on an empty library (the documents earlier tests saved deleted), checks that
/// it says it is opening, and waits until start-up has read the library: the app then shows its
/// sample article.
async fn sample_app(root: &Element) -> yew::AppHandle<App> {
    idb::Factory::new()
        .unwrap()
        .delete(claimtag::services::storage::DB_NAME)
        .unwrap()
        .await
        .unwrap();
    let app = yew::Renderer::<App>::with_root(root.clone()).render();
    // The first render comes before start-up can have read anything: it says so, and claims no save.
    yew::scheduler::flush().await;
    assert_eq!(
        query(root, ".ct-save").text_content().as_deref(),
        Some("Opening…")
    );
    assert_eq!(
        query(root, ".ct-opening").text_content().as_deref(),
        Some("Opening your library…")
    );
    for _ in 0..250 {
        yew::scheduler::flush().await;
        if root
            .query_selector(".ct-app[data-ready='true']")
            .unwrap()
            .is_some()
        {
            return app;
        }
        tick(20).await;
    }
    panic!("the app did not finish reading the library");
}

/// Waits `ms` milliseconds.
async fn tick(ms: i32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        gloo::utils::window()
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms)
            .unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
}

fn query(root: &Element, selector: &str) -> Element {
    root.query_selector(selector)
        .unwrap()
        .unwrap_or_else(|| panic!("nothing matches {selector}"))
}

/// The text node of the run that starts at code point `cp`.
fn run_text(root: &Element, cp: usize) -> Node {
    query(root, &format!(".ct-run[data-cp='{cp}']"))
        .first_child()
        .unwrap()
}

fn select(start: (&Node, u32), end: (&Node, u32)) -> web_sys::Range {
    let range = gloo::utils::document().create_range().unwrap();
    range.set_start(start.0, start.1).unwrap();
    range.set_end(end.0, end.1).unwrap();
    let selection = gloo::utils::window().get_selection().unwrap().unwrap();
    selection.remove_all_ranges().unwrap();
    selection.add_range(&range).unwrap();
    range
}

#[wasm_bindgen_test]
async fn app_opens_the_sample_and_tags_a_selection_as_quote() {
    let root = mount_point();
    let app = sample_app(&root).await;

    let headline = query(&root, "article h1");
    assert_eq!(
        headline.text_content().unwrap(),
        "Vellmark council accused of hiding river pollution report"
    );
    let article = query(&root, "article");
    assert_eq!(
        article.get_attribute("aria-labelledby").unwrap(),
        headline.id()
    );
    assert!(
        root.query_selector_all("article p.ct-paragraph")
            .unwrap()
            .length()
            >= 10
    );
    let body = root.query_selector_all("article p.ct-paragraph").unwrap();
    for i in 0..body.length() {
        let text = body.item(i).unwrap().text_content().unwrap();
        assert!(!text.contains("homeicon"));
    }
    assert_eq!(
        query(&root, "ul[aria-label='Annotations']").child_element_count(),
        0
    );

    // Select "a fairy tale" in the standfirst (the first paragraph, one run starting at 0).
    let standfirst = run_text(&root, 0);
    let text = standfirst.text_content().unwrap();
    let at = text.find("“a fairy tale”").unwrap();
    let utf16_start = text[..at].encode_utf16().count() as u32;
    let utf16_end = utf16_start + "“a fairy tale”".encode_utf16().count() as u32;
    select((&standfirst, utf16_start), (&standfirst, utf16_end));
    let quote: HtmlElement =
        query(&root, "[role='toolbar'] .ct-label-button--quote").unchecked_into();
    quote.click();
    yew::scheduler::flush().await;

    let mark = query(&root, "mark[data-label='quote']");
    assert_eq!(mark.text_content().unwrap(), "“a fairy tale”");
    let start: usize = mark.get_attribute("data-start").unwrap().parse().unwrap();
    assert_eq!(start, text[..at].chars().count());
    let items = query(&root, "ul[aria-label='Annotations']");
    assert_eq!(items.child_element_count(), 1);
    assert!(items.text_content().unwrap().contains("Quote"));

    let delete: HtmlElement =
        query(&root, "button[aria-label='Delete annotation']").unchecked_into();
    delete.click();
    yew::scheduler::flush().await;
    assert!(root.query_selector("mark").unwrap().is_none());
    assert_eq!(items.child_element_count(), 0);
    app.destroy();
    root.remove();
}

#[wasm_bindgen_test]
async fn tagging_with_nothing_selected_explains_what_to_do() {
    let root = mount_point();
    let app = sample_app(&root).await;
    gloo::utils::window()
        .get_selection()
        .unwrap()
        .unwrap()
        .remove_all_ranges()
        .unwrap();
    let fact: HtmlElement =
        query(&root, "[role='toolbar'] .ct-label-button--fact").unchecked_into();
    fact.click();
    yew::scheduler::flush().await;
    let alert = query(&root, "[role='alert']");
    assert!(alert.text_content().unwrap().contains("Select some words"));
    assert!(root.query_selector("mark").unwrap().is_none());
    app.destroy();
    root.remove();
}

/// "Fire 👨🏻‍🚒 crew saved 3 cats." with "crew saved" marked as a FACT, rendered by ArticleView.
async fn emoji_article() -> (Element, Rc<Article>) {
    let article = Rc::new(Article::from_paragraphs(
        [
            ("Fire 👨🏻‍🚒 crew saved 3 cats.", ParagraphKind::Body),
            ("北京 said 🏳️‍🌈 too.", ParagraphKind::Body),
        ],
        Metadata {
            title: "Test".into(),
            ..Metadata::default()
        },
    ));
    let mut annotations = AnnotationSet::new();
    // "crew saved": code points 10..20 (the firefighter emoji is 4 code points, 7 UTF-16 units).
    annotations
        .add(&article, Span::new(10, 20), Label::Fact)
        .unwrap();
    // Another annotator marked "crew saved" as a quote: their coloured line with a tooltip.
    let other = vec![Annotation::new(
        AnnotationId(1),
        Label::Quote,
        Span::new(10, 20),
    )];
    let root = mount_point();
    let props = ArticleViewProps {
        article: article.clone(),
        annotations: Rc::new(annotations),
        selected: None,
        node_ref: NodeRef::default(),
        on_select: Callback::noop(),
        cursor: None,
        matches: Rc::new(Vec::new()),
        current_match: None,
        on_sentence_at: Callback::noop(),
        children: Html::default(),
        current_suggestion: None,
        on_review: Callback::noop(),
        others: Rc::new(others_per_paragraph(
            article.paragraphs(),
            &[&[], other.as_slice()],
        )),
        other_names: Rc::new(vec!["me".to_string(), "bo".to_string()]),
        candidates: Rc::new(Vec::new()),
        current_item: None,
        on_item: Callback::noop(),
    };
    let _ = yew::Renderer::<ArticleView>::with_root_and_props(root.clone(), props).render();
    yew::scheduler::flush().await;
    (root, article)
}

#[wasm_bindgen_test]
async fn another_annotators_layer_is_a_coloured_line_with_its_name() {
    let (root, _) = emoji_article().await;
    let run = root
        .query_selector(".ct-run--others")
        .unwrap()
        .expect("a run under bo's quote");
    assert_eq!(run.text_content().unwrap(), "crew saved");
    assert_eq!(run.get_attribute("title").as_deref(), Some("bo: Quote"));
    let style = run.get_attribute("style").unwrap_or_default();
    assert!(style.contains("var(--ct-layer-1)"), "{style}");
}

#[wasm_bindgen_test]
async fn selection_after_an_emoji_maps_to_code_points() {
    let (root, article) = emoji_article().await;
    let first = run_text(&root, 0); // "Fire 👨🏻‍🚒 "
    assert_eq!(first.text_content().unwrap(), "Fire 👨🏻‍🚒 ");
    // From just after the emoji's last UTF-16 unit (5 + 7 = 12) to the end of the run.
    let range = select((&first, 12), (&first, 13));
    let span = range_to_span(&root, &range).unwrap().unwrap();
    assert_eq!(span, Span::new(9, 10));
    assert_eq!(article.slice(span), Some(" "));
    root.remove();
}

#[wasm_bindgen_test]
async fn selection_across_a_highlight_boundary_and_paragraphs() {
    let (root, article) = emoji_article().await;
    let mark = query(&root, "mark[data-label='fact']");
    assert_eq!(mark.text_content().unwrap(), "crew saved");
    // From "Fire" (UTF-16 0) into the middle of the highlight ("crew sa|ved").
    let before = run_text(&root, 0);
    let inside = run_text(&root, 10);
    let range = select((&before, 0), (&inside, 7));
    let span = range_to_span(&root, &range).unwrap().unwrap();
    assert_eq!(article.slice(span), Some("Fire 👨🏻‍🚒 crew sa"));

    // From inside the highlight, across the paragraph break, to after the flag emoji.
    let second = run_text(&root, 30);
    let text = second.text_content().unwrap();
    let after_flag = text[..text.find(" too").unwrap()].encode_utf16().count() as u32;
    let range = select((&inside, 5), (&second, after_flag));
    let span = range_to_span(&root, &range).unwrap().unwrap();
    assert_eq!(article.slice(span), Some("saved 3 cats.\n\n北京 said 🏳️‍🌈"));

    // Element boundaries: the whole first paragraph selected by its element.
    let paragraph = query(&root, "p.ct-paragraph");
    let range = select(
        (&paragraph, 0),
        (&paragraph, paragraph.child_nodes().length()),
    );
    let span = range_to_span(&root, &range).unwrap().unwrap();
    assert_eq!(article.slice(span), Some("Fire 👨🏻‍🚒 crew saved 3 cats."));
    root.remove();
}

#[wasm_bindgen_test]
fn the_browser_parser_feeds_the_extractor_without_running_scripts() {
    use claimtag::model::ingest::html::extract_article;
    use claimtag::services::html_dom::parse_html;
    let page = r#"<!doctype html><html lang="ar" dir="rtl"><head><title>Port reopens | Daily</title>
        <meta property="article:published_time" content="2025-06-01T10:00:00Z">
        <script>window.__ran = true;</script></head>
        <body><nav><a href="/">Home</a></nav><article><h1>Port reopens</h1>
        <p>The port reopened on Sunday after a week, officials said, with 40 ships waiting outside.</p>
        <p>افتتح الميناء يوم الأحد بعد أسبوع، وقال المسؤولون إن أربعين سفينة كانت تنتظر في الخارج.</p>
        <img src="http://127.0.0.1:9/never.png" onerror="window.__ran = true"></article></body></html>"#;
    let tree = parse_html(page).unwrap();
    let article = extract_article(&tree, Some("page.html".into())).unwrap();
    assert_eq!(article.meta.title, "Port reopens");
    assert_eq!(article.meta.direction.as_deref(), Some("rtl"));
    assert_eq!(
        article.meta.published.as_deref(),
        Some("2025-06-01T10:00:00Z")
    );
    assert_eq!(article.paragraphs().len(), 2);
    assert!(article.text().contains("أربعين سفينة"));
    let ran = js_sys::Reflect::get(&gloo::utils::window(), &"__ran".into()).unwrap();
    assert!(ran.is_undefined());
}

#[wasm_bindgen_test]
async fn suggestions_are_dashed_outlines_and_the_current_one_names_itself() {
    let root = mount_point();
    let app = sample_app(&root).await;
    let suggest: HtmlElement = query(&root, "button[aria-keyshortcuts='S']").unchecked_into();
    suggest.click();
    yew::scheduler::flush().await;
    let current = query(&root, ".ct-run--suggestion-current[data-badge]");
    assert_eq!(
        current.get_attribute("data-badge").as_deref(),
        Some("Suggested Quote")
    );
    let outlined = root
        .query_selector_all(".ct-run--suggested")
        .unwrap()
        .length();
    assert!(outlined > 10, "{outlined} outlined runs");
    let accept: HtmlElement =
        query(&root, ".ct-review button[aria-keyshortcuts='Y Enter']").unchecked_into();
    accept.click();
    yew::scheduler::flush().await;
    // The sample's first suggestion: the headline's phrase the mayor is quoted with.
    let mark = query(&root, "mark[data-label='quote']");
    assert_eq!(mark.text_content().unwrap(), "“a fairy tale”");
    app.destroy();
    root.remove();
}

#[wasm_bindgen_test]
async fn the_team_indicator_opens_the_connect_form_and_refuses_a_bad_address() {
    let root = mount_point();
    let app = sample_app(&root).await;
    let indicator: HtmlElement = query(&root, "button.ct-team").unchecked_into();
    assert_eq!(indicator.text_content().unwrap(), "Team: not connected");
    indicator.click();
    yew::scheduler::flush().await;
    let dialog = query(&root, "[role='dialog'][aria-labelledby='ct-team-title']");
    let fill = |selector: &str, value: &str| {
        let input: web_sys::HtmlInputElement = query(&dialog, selector).unchecked_into();
        input.set_value(value);
        input
            .dispatch_event(&web_sys::Event::new("input").unwrap())
            .unwrap();
    };
    fill("input[type='url']", "https://couch.example.org/_users");
    fill("input[autocomplete='username']", "ana");
    fill("input[type='password']", "secret");
    yew::scheduler::flush().await;
    let connect: HtmlElement = query(&dialog, "button[type='submit']").unchecked_into();
    connect.click();
    // The address is refused before anything is sent: a system database is no team database.
    for _ in 0..50 {
        yew::scheduler::flush().await;
        if dialog.query_selector("[role='alert']").unwrap().is_some() {
            break;
        }
        tick(20).await;
    }
    let alert = query(&dialog, "[role='alert']");
    assert!(alert
        .text_content()
        .unwrap()
        .contains("names no database after the server"));
    assert_eq!(
        query(&root, "button.ct-team").text_content().unwrap(),
        "Team: not connected"
    );
    app.destroy();
    root.remove();
}
