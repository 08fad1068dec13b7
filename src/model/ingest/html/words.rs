//! The tag and class/id word lists of body extraction ([`super::readability`] and
//! [`super::scorer`]), from Readability's, with a few of claimtag's own.

/// Elements never read: code, media, form controls.
pub const SKIPPED: [&str; 21] = [
    "script", "style", "noscript", "template", "iframe", "object", "embed", "svg", "canvas",
    "math", "button", "input", "select", "textarea", "option", "img", "picture", "video", "audio",
    "head", "dialog",
];

/// Elements whose text is never part of an element's text: code, and ruby readings (`<rt>`,
/// `<rp>`: the furigana over a word would otherwise land inside it, "子こども" for "子ども").
pub const UNREAD: [&str; 6] = ["script", "style", "noscript", "template", "rt", "rp"];

/// Page chrome by tag, left out in the strict pass only (some pages put the article in an
/// `<aside>` or a `<header>` that never closes).
pub const CHROME: [&str; 4] = ["nav", "footer", "aside", "menu"];

/// Elements that start a new block of text.
pub const BLOCKS: [&str; 36] = [
    "address",
    "article",
    "blockquote",
    "dd",
    "details",
    "div",
    "dl",
    "dt",
    "figcaption",
    "figure",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hgroup",
    "hr",
    "li",
    "main",
    "ol",
    "p",
    "pre",
    "section",
    "table",
    "tbody",
    "thead",
    "tfoot",
    "tr",
    "td",
    "th",
    "ul",
    "center",
    "summary",
    "caption",
];

/// Class and id words of page furniture.
pub const UNLIKELY: [&str; 46] = [
    "comment",
    "sidebar",
    "footer",
    "nav",
    "menu",
    "share",
    "social",
    "related",
    "promo",
    "advert",
    "cookie",
    "subscribe",
    "newsletter",
    "popup",
    "modal",
    "banner",
    "breadcrumb",
    "masthead",
    "sponsor",
    "skip",
    "widget",
    "rss",
    "pager",
    "pagination",
    "combx",
    "disqus",
    "remark",
    "replies",
    "outbrain",
    "taboola",
    "signup",
    "print",
    "-ad-",
    "ai2html",
    "community",
    "cover-wrap",
    "extra",
    "gdpr",
    "header",
    "legends",
    "shoutbox",
    "skyscraper",
    "supplemental",
    "ad-break",
    "agegate",
    "yom-remote",
];

/// Class and id words that rescue an element matching [`UNLIKELY`].
pub const MAYBE: [&str; 12] = [
    "article", "body", "content", "main", "post", "story", "entry", "text", "column", "and",
    "mathjax", "shadow",
];

/// Class and id words that raise a candidate's score.
pub const POSITIVE: [&str; 13] = [
    "article",
    "body",
    "content",
    "entry",
    "hentry",
    "main",
    "page",
    "post",
    "text",
    "story",
    "h-entry",
    "pagination",
    "blog",
];

/// Class and id words that lower it.
pub const NEGATIVE: [&str; 26] = [
    "hidden",
    "banner",
    "combx",
    "comment",
    "com-",
    "contact",
    "foot",
    "footer",
    "footnote",
    "masthead",
    "meta",
    "outbrain",
    "sidebar",
    "widget",
    "-ad-",
    "gdpr",
    "media",
    "promo",
    "related",
    "scroll",
    "share",
    "shoutbox",
    "skyscraper",
    "sponsor",
    "shopping",
    "tags",
];
