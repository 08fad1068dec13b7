//! Tests of body extraction on small pages written for them.

use super::*;
use crate::model::ingest::html::tests::{article_page, body_page, el, root, text};
use crate::model::ingest::html::HtmlNode;

fn long(sentence: &str) -> String {
    format!(
        "{sentence}{}",
        " It went on, and on, with commas, details, figures and names of places.".repeat(3)
    )
}

#[test]
fn picks_the_article_over_menus_and_comments() {
    let doc = root(vec![el(
        "body",
        &[],
        vec![
            el(
                "nav",
                &[],
                vec![el("a", &[("href", "/")], vec![text("Home")])],
            ),
            el(
                "div",
                &[("class", "sidebar")],
                vec![el(
                    "p",
                    &[],
                    vec![text(&long("Sidebar text that should go."))],
                )],
            ),
            el(
                "div",
                &[("class", "article-body")],
                vec![
                    el("h1", &[], vec![text("Harbour votes")]),
                    el(
                        "p",
                        &[],
                        vec![text(&long("The harbour town voted on Sunday."))],
                    ),
                    el("h2", &[], vec![text("What happens next")]),
                    el(
                        "p",
                        &[],
                        vec![
                            text(&long("The ferry will run until 2030,")),
                            el("a", &[("href", "#")], vec![text("the council said")]),
                        ],
                    ),
                    el("div", &[("class", "share-tools")], vec![text("Share this")]),
                    el(
                        "p",
                        &[],
                        vec![el(
                            "a",
                            &[("href", "/x")],
                            vec![text("Read more about ferries")],
                        )],
                    ),
                ],
            ),
            el(
                "div",
                &[("id", "comments")],
                vec![el("p", &[], vec![text(&long("A reader comment."))])],
            ),
        ],
    )]);
    let blocks = extract_body(&doc, "Harbour votes");
    let texts: Vec<_> = blocks.iter().map(|b| b.text.as_str()).collect();
    assert_eq!(texts.len(), 3, "{texts:?}");
    assert!(texts[0].starts_with("The harbour town voted"));
    assert_eq!(blocks[1].kind, ParagraphKind::Heading);
    assert!(texts[2].ends_with("the council said"));
}

#[test]
fn double_line_breaks_split_paragraphs_in_a_bare_div() {
    let doc = root(vec![el(
        "body",
        &[],
        vec![el(
            "div",
            &[],
            vec![
                text(&long("First part of a letter.")),
                el("br", &[], vec![]),
                el("br", &[], vec![]),
                text(&long("Second part.")),
                el("br", &[], vec![]),
                text("same paragraph."),
            ],
        )],
    )]);
    let blocks = extract_body(&doc, "");
    assert_eq!(blocks.len(), 2);
    assert!(blocks[1].text.ends_with("places. same paragraph."));
}

#[test]
fn hidden_and_scripted_content_is_never_read() {
    let doc = article_page(vec![
        el("p", &[], vec![text(&long("Visible."))]),
        el("p", &[("hidden", "")], vec![text("Hidden text")]),
        el("script", &[], vec![text("document.cookie")]),
        el(
            "p",
            &[("style", "display: none")],
            vec![text("Also hidden")],
        ),
        el(
            "p",
            &[("style", "Visibility: hidden;")],
            vec![text("Not shown either")],
        ),
    ]);
    let texts: Vec<_> = extract_body(&doc, "").into_iter().map(|b| b.text).collect();
    assert_eq!(texts.len(), 1);
    assert!(!texts[0].contains("cookie"));
}

#[test]
fn text_only_in_links_or_under_a_banner_is_still_found() {
    let doc = root(vec![el(
        "body",
        &[],
        vec![el(
            "a",
            &[("href", "javascript:")],
            vec![el("p", &[], vec![text("abc")]), text("def")],
        )],
    )]);
    let texts: Vec<_> = extract_body(&doc, "").into_iter().map(|b| b.text).collect();
    assert_eq!(texts, ["abc", "def"]);

    let doc = root(vec![el(
        "body",
        &[],
        vec![el(
            "header",
            &[("role", "banner")],
            vec![el(
                "form",
                &[],
                vec![el(
                    "article",
                    &[],
                    vec![el("p", &[], vec![text(&long("Kept."))])],
                )],
            )],
        )],
    )]);
    let texts: Vec<_> = extract_body(&doc, "").into_iter().map(|b| b.text).collect();
    assert_eq!(texts.len(), 1);
    assert!(texts[0].starts_with("Kept."));
}

#[test]
fn the_lead_in_the_article_header_comes_with_the_body() {
    let doc = root(vec![el(
        "body",
        &[],
        vec![el(
            "article",
            &[],
            vec![
                el(
                    "header",
                    &[],
                    vec![el(
                        "p",
                        &[("class", "lead")],
                        vec![text("The lead of the story.")],
                    )],
                ),
                el(
                    "div",
                    &[("class", "story-body")],
                    vec![
                        el("p", &[], vec![text(&long("First."))]),
                        el("p", &[], vec![text(&long("Second."))]),
                    ],
                ),
            ],
        )],
    )]);
    let texts: Vec<_> = extract_body(&doc, "").into_iter().map(|b| b.text).collect();
    assert_eq!(texts[0], "The lead of the story.");
    assert_eq!(texts.len(), 3);
}

#[test]
fn when_scoring_finds_little_the_paragraphs_of_the_page_are_taken() {
    let cell = el(
        "td",
        &[],
        vec![text("A table cell that scores, 25 characters or more.")],
    );
    let table = el("table", &[], vec![el("tr", &[], vec![cell])]);
    let short: Vec<HtmlNode> = (1..=6)
        .map(|i| el("p", &[], vec![text(&format!("Short paragraph {i}."))]))
        .collect();
    let doc = root(vec![el(
        "body",
        &[],
        vec![
            el("div", &[], vec![table]),
            el("div", &[], vec![el("span", &[], short)]),
        ],
    )]);
    let texts: Vec<_> = extract_body(&doc, "").into_iter().map(|b| b.text).collect();
    assert_eq!(texts.len(), 6, "{texts:?}");
    assert_eq!(texts[0], "Short paragraph 1.");
}

#[test]
fn headings_that_head_nothing_are_left_out() {
    let doc = root(vec![el(
        "body",
        &[],
        vec![el(
            "article",
            &[],
            vec![
                el("h2", &[], vec![text("What happens next")]),
                el("p", &[], vec![text(&long("The ferry runs."))]),
                el("h2", &[], vec![text("More stories")]),
                el(
                    "ul",
                    &[],
                    vec![el(
                        "li",
                        &[],
                        vec![el("a", &[("href", "/x")], vec![text("Another story")])],
                    )],
                ),
            ],
        )],
    )]);
    let texts: Vec<_> = extract_body(&doc, "").into_iter().map(|b| b.text).collect();
    assert_eq!(texts.len(), 2, "{texts:?}");
    assert_eq!(texts[0], "What happens next");
}

#[test]
fn the_marked_body_wins_over_a_comma_heavy_box_elsewhere() {
    let disclosure = "Offers, rates, fees, terms, bonuses, points, miles, cards, banks, partners, \
                      issuers, airlines, hotels, shops, and others, may change, at any time, \
                      without notice, anywhere, for anyone.";
    let story = "The harbour town voted on Sunday to keep its ferry running for another ten \
                 years after a long debate about the cost of the service and its future. "
        .repeat(3);
    let doc = root(vec![el(
        "body",
        &[],
        vec![
            el(
                "div",
                &[("class", "wrap")],
                vec![el(
                    "section",
                    &[("class", "disclosure")],
                    (0..5)
                        .map(|_| el("p", &[], vec![text(disclosure)]))
                        .collect(),
                )],
            ),
            // Under a furniture-like wrapper, which the strict pass leaves out.
            el(
                "div",
                &[("class", "above-footer")],
                vec![el(
                    "div",
                    &[],
                    vec![el(
                        "div",
                        &[("class", "entry-content")],
                        (0..5).map(|_| el("p", &[], vec![text(&story)])).collect(),
                    )],
                )],
            ),
        ],
    )]);
    let texts: Vec<_> = extract_body(&doc, "").into_iter().map(|b| b.text).collect();
    assert_eq!(texts.len(), 5, "{texts:?}");
    assert!(texts.iter().all(|t| t.starts_with("The harbour town")));
}

#[test]
fn the_standfirst_just_before_the_body_is_kept() {
    let lead = "After a year of debate, the town keeps its ferry: what the vote means for the \
                islands and for the budget";
    let doc = root(vec![el(
        "body",
        &[],
        vec![el(
            "div",
            &[("class", "wrap")],
            vec![
                el("div", &[("class", "teaser")], vec![text(lead)]),
                el(
                    "div",
                    &[("class", "story")],
                    vec![
                        el("p", &[], vec![text(&long("The harbour town voted."))]),
                        el("p", &[], vec![text(&long("The ferry will run."))]),
                    ],
                ),
                el(
                    "div",
                    &[("class", "more")],
                    vec![el("a", &[("href", "/x")], vec![text(lead)])],
                ),
            ],
        )],
    )]);
    let texts: Vec<_> = extract_body(&doc, "").into_iter().map(|b| b.text).collect();
    assert_eq!(texts.len(), 3, "{texts:?}");
    assert_eq!(texts[0], lead);
}

#[test]
fn captions_are_left_out_of_prose_but_read_on_a_page_of_pictures() {
    let figure = |caption: &str| {
        el(
            "figure",
            &[],
            vec![
                el("img", &[("src", "a.jpg")], vec![]),
                el("figcaption", &[], vec![text(caption)]),
            ],
        )
    };
    let article = article_page(vec![
        el("p", &[], vec![text(&long("The harbour town voted."))]),
        figure("The ferry at dawn. Photo: Ana Petrova"),
        el("p", &[], vec![text(&long("The ferry will run."))]),
    ]);
    let texts: Vec<_> = extract_body(&article, "")
        .into_iter()
        .map(|b| b.text)
        .collect();
    assert_eq!(texts.len(), 2, "{texts:?}");
    let gallery = article_page(vec![
        el("p", &[], vec![text(&long("Pictures of the week."))]),
        figure(&long("The ferry at dawn, seen from the pier.")),
        figure(&long("The harbour master, on the last day.")),
    ]);
    assert_eq!(extract_body(&gallery, "").len(), 3);
}

#[test]
fn an_article_split_across_containers_is_read_from_the_page_paragraphs() {
    // The second half has no commas: it scores too low to be joined to the first.
    let part = |n: usize, words: &str| -> Vec<HtmlNode> {
        (0..n)
            .map(|i| {
                let sentence = format!("{words} {i}.");
                let text_ = if words.starts_with("First") {
                    long(&sentence)
                } else {
                    format!("{sentence} {}", "The ferry runs on and on. ".repeat(8))
                };
                el("p", &[], vec![text(&text_)])
            })
            .collect()
    };
    let doc = root(vec![el(
        "body",
        &[],
        vec![
            el(
                "div",
                &[("class", "top")],
                vec![el("div", &[("class", "part")], part(5, "First half"))],
            ),
            el(
                "div",
                &[("class", "ad-slot")],
                vec![el("a", &[("href", "/ad")], vec![text("Advertisement")])],
            ),
            el(
                "div",
                &[("class", "bottom")],
                vec![el(
                    "div",
                    &[("class", "inner")],
                    vec![el("div", &[("class", "part")], part(5, "Second half"))],
                )],
            ),
        ],
    )]);
    let texts: Vec<_> = extract_body(&doc, "").into_iter().map(|b| b.text).collect();
    assert_eq!(texts.len(), 10, "{texts:?}");
    assert!(texts[9].starts_with("Second half 4."));
}

#[test]
fn an_article_under_a_furniture_like_class_beats_the_box_found_without_it() {
    let box_text =
        "Subscribe, save, win, share, follow us, read on, sign up, log in, and more. ".repeat(8);
    let doc = body_page(vec![
        el(
            "div",
            &[("class", "box")],
            vec![el("p", &[], vec![text(&box_text)])],
        ),
        el(
            "div",
            &[("class", "social-wrap")],
            (0..8)
                .map(|i| el("p", &[], vec![text(&long(&format!("Paragraph {i}.")))]))
                .collect(),
        ),
    ]);
    let texts: Vec<_> = extract_body(&doc, "").into_iter().map(|b| b.text).collect();
    assert!(
        texts.iter().any(|t| t.starts_with("Paragraph 7.")),
        "{texts:?}"
    );
}

#[test]
fn a_choice_inside_the_marked_body_gives_way_to_all_of_it() {
    // The first part has the paragraphs and commas the scorer likes; the rest of the body is
    // plain lines in a nested `div`, scoring too low to be joined as a sibling.
    let doc = body_page(vec![el(
        "div",
        &[("itemprop", "articleBody")],
        vec![
            el(
                "div",
                &[("class", "intro")],
                (0..3)
                    .map(|i| el("p", &[], vec![text(&long(&format!("Intro {i}.")))]))
                    .collect(),
            ),
            el(
                "div",
                &[("class", "later")],
                vec![el(
                    "div",
                    &[],
                    (0..3)
                        .map(|i| {
                            let line = format!("Later {i}. {}", "The ferry runs on. ".repeat(6));
                            el("div", &[], vec![text(&line)])
                        })
                        .collect(),
                )],
            ),
        ],
    )]);
    let texts: Vec<_> = extract_body(&doc, "").into_iter().map(|b| b.text).collect();
    assert!(texts.iter().any(|t| t.starts_with("Later 2.")), "{texts:?}");
}

#[test]
fn a_post_whose_text_is_only_in_noscript_is_read_from_there() {
    let post = long("The recipe calls for flour, water and a long night of rising.");
    let doc = body_page(vec![
        el(
            "nav",
            &[],
            vec![el("a", &[("href", "/")], vec![text("Home")])],
        ),
        el(
            "div",
            &[("class", "post")],
            vec![
                el("script", &[], vec![text("render()")]),
                el(
                    "noscript",
                    &[],
                    vec![
                        el("p", &[], vec![text(&post)]),
                        el("p", &[], vec![text(&post)]),
                    ],
                ),
            ],
        ),
    ]);
    let blocks = extract_body(&doc, "");
    assert_eq!(blocks.len(), 2);
    assert_eq!(blocks[0].text, post);

    // With text outside it, `<noscript>` stays unread.
    let shown = long("Shown to every reader, this paragraph is the article itself here.");
    let doc = body_page(vec![el(
        "div",
        &[],
        vec![
            el("p", &[], vec![text(&shown)]),
            el("p", &[], vec![text(&shown)]),
            el("p", &[], vec![text(&shown)]),
            el("p", &[], vec![text(&shown)]),
            el("noscript", &[], vec![el("p", &[], vec![text(&post)])]),
        ],
    )]);
    let blocks = extract_body(&doc, "");
    assert!(blocks.iter().all(|b| b.text == shown));
}

#[test]
fn a_teaser_with_a_content_like_class_does_not_beat_a_longer_text() {
    let tip = "You know it: you slice a tomato and the seeds slide out over the board. Turn it so the stalk points to the side before you cut, and the seeds stay in the flesh. The slices keep their shape on the plate, and a serrated knife makes even thin ones easy.";
    let doc = body_page(vec![
        el(
            "div",
            &[("class", "teaser-vertical-single-textbox")],
            vec![el(
                "div",
                &[],
                vec![text("How the birthday party works and you stay relaxed")],
            )],
        ),
        el(
            "div",
            &[("class", "tip-step")],
            vec![el(
                "div",
                &[],
                vec![text(tip), el("br", &[], vec![]), text(tip)],
            )],
        ),
    ]);
    let blocks = extract_body(&doc, "");
    let all: String = blocks.iter().map(|b| b.text.as_str()).collect();
    assert!(
        all.contains("You know it: you slice a tomato"),
        "{blocks:?}"
    );
    assert!(!all.contains("birthday party"), "{blocks:?}");
}
