//! Markdown that people type (knowledge items) turned into HTML that is safe
//! to put in a page: raw HTML is shown as text, headings start below the
//! page's own h1, and the result passes an allow-list sanitiser (ammonia), so
//! no script, style, event handler or `javascript:` link gets through.

use std::collections::HashSet;

use maud::PreEscaped;
use pulldown_cmark::{CowStr, Event, HeadingLevel, Options, Parser, Tag, TagEnd};

const TAGS: &[&str] = &[
    "p",
    "br",
    "strong",
    "em",
    "del",
    "ul",
    "ol",
    "li",
    "a",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "blockquote",
    "code",
    "pre",
    "hr",
    "table",
    "thead",
    "tbody",
    "tr",
    "th",
    "td",
];

fn lower(level: HeadingLevel) -> HeadingLevel {
    match level {
        HeadingLevel::H1 => HeadingLevel::H2,
        HeadingLevel::H2 => HeadingLevel::H3,
        HeadingLevel::H3 => HeadingLevel::H4,
        HeadingLevel::H4 => HeadingLevel::H5,
        _ => HeadingLevel::H6,
    }
}

/// The sanitised HTML of `source`.
pub fn render(source: &str) -> PreEscaped<String> {
    let mut options = Options::empty();
    options.insert(Options::ENABLE_TABLES);
    options.insert(Options::ENABLE_STRIKETHROUGH);
    let events = Parser::new_ext(source, options).map(|event| match event {
        // Typed HTML is shown as typed, not run.
        Event::Html(html) | Event::InlineHtml(html) => Event::Text(html),
        Event::Start(Tag::Heading { level, id, classes, attrs }) => Event::Start(Tag::Heading { level: lower(level), id, classes, attrs }),
        Event::End(TagEnd::Heading(level)) => Event::End(TagEnd::Heading(lower(level))),
        // Images would load from anywhere (and the page's policy blocks them): show their text.
        Event::Start(Tag::Image { .. }) | Event::End(TagEnd::Image) => Event::Text(CowStr::Borrowed("")),
        other => other,
    });
    let mut html = String::new();
    pulldown_cmark::html::push_html(&mut html, events);
    let clean = ammonia::Builder::default()
        .tags(TAGS.iter().copied().collect::<HashSet<_>>())
        .url_schemes(["http", "https", "mailto"].into_iter().collect())
        .link_rel(Some("noopener noreferrer nofollow"))
        .clean(&html)
        .to_string();
    PreEscaped(clean)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formatting_comes_through() {
        let html = render("# Wat we leerden\n\nWe **deden** het *anders*:\n\n- eerst praten\n- dan [plannen](https://example.nl/plan)").0;
        assert!(html.contains("<h2>Wat we leerden</h2>"), "{html}");
        assert!(html.contains("<strong>deden</strong>") && html.contains("<em>anders</em>"), "{html}");
        assert!(html.contains("<li>eerst praten</li>"), "{html}");
        assert!(html.contains("<a href=\"https://example.nl/plan\" rel=\"noopener noreferrer nofollow\">plannen</a>"), "{html}");
    }

    #[test]
    fn nothing_runs() {
        for attack in [
            "<script>alert(1)</script>",
            "<img src=x onerror=alert(1)>",
            "[klik](javascript:alert(1))",
            "<a href=\"javascript:alert(1)\">klik</a>",
            "<iframe src=\"https://evil.example\"></iframe>",
            "![x](https://evil.example/pixel.png)",
            "<p style=\"position:fixed\" onclick=\"alert(1)\">x</p>",
        ] {
            let html = render(attack).0;
            // Every real tag in the output (typed HTML comes out escaped, as text).
            let tags: Vec<&str> = html.split('<').skip(1).map(|t| t.split('>').next().unwrap_or(t)).collect();
            for tag in tags {
                for bad in ["script", "img", "iframe", "onerror", "onclick", "style", "javascript"] {
                    assert!(!tag.contains(bad), "{attack} → {html}");
                }
            }
        }
        // Typed HTML is shown as text, so the writer sees what they typed.
        assert!(render("<b>vet</b>").0.contains("&lt;b&gt;vet&lt;/b&gt;"));
    }
}
