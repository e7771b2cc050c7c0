//! Markdown to HTML for `--format html`, with nothing active left in it.
//! Line breaks inside a paragraph are kept (`<br />`), as the forges show
//! them in issues.
//!
//! Raw HTML in the Markdown (from an answer, or anywhere else) is printed as
//! text, not passed through: no `<script>`, no `onerror=` attribute can reach
//! the page. Link and image targets with a scheme other than http, https or
//! mailto (`javascript:`, `data:`, `vbscript:`) are replaced by `#`.

use pulldown_cmark::{CowStr, Event, Parser, Tag, TagEnd, html};

use crate::render::markdown::parser_options;

/// The HTML fragment for `markdown`.
pub fn to_html(markdown: &str) -> String {
    let events = Parser::new_ext(markdown, parser_options()).map(|event| match event {
        Event::Html(raw) | Event::InlineHtml(raw) => Event::Text(raw),
        // A line break in an answer is the author's, as it is in a GitHub or
        // GitLab issue: kept, not run into the line before.
        Event::SoftBreak => Event::HardBreak,
        // An HTML block becomes a paragraph of its text, shown as written.
        Event::Start(Tag::HtmlBlock) => Event::Start(Tag::Paragraph),
        Event::End(TagEnd::HtmlBlock) => Event::End(TagEnd::Paragraph),
        Event::Start(Tag::Link {
            link_type,
            dest_url,
            title,
            id,
        }) => Event::Start(Tag::Link {
            link_type,
            dest_url: safe_url(dest_url),
            title,
            id,
        }),
        Event::Start(Tag::Image {
            link_type,
            dest_url,
            title,
            id,
        }) => Event::Start(Tag::Image {
            link_type,
            dest_url: safe_url(dest_url),
            title,
            id,
        }),
        other => other,
    });
    let mut out = String::with_capacity(markdown.len() * 3 / 2);
    html::push_html(&mut out, events);
    out
}

/// `url` if it is relative or uses a harmless scheme, else `#`.
fn safe_url(url: CowStr<'_>) -> CowStr<'_> {
    // Browsers ignore ASCII whitespace and control characters inside a
    // scheme (`java\tscript:`), so look at the URL without them.
    let compact: String = url
        .chars()
        .filter(|c| !c.is_ascii_whitespace() && !c.is_ascii_control())
        .take(64)
        .collect::<String>()
        .to_ascii_lowercase();
    let scheme = compact
        .split_once(':')
        .map(|(scheme, _)| scheme)
        .filter(|scheme| !scheme.contains(['/', '?', '#']));
    match scheme {
        None => url,
        Some("http" | "https" | "mailto") => url,
        Some(_) => CowStr::Borrowed("#"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn raw_html_is_shown_as_text() {
        let html = to_html("<script>alert(1)</script>\n\nHi <img src=x onerror=alert(1)> there\n");
        assert_eq!(
            html,
            "<p>&lt;script&gt;alert(1)&lt;/script&gt;\n</p>\n<p>Hi &lt;img src=x onerror=alert(1)&gt; there</p>\n"
        );
    }

    #[test]
    fn line_breaks_in_a_paragraph_are_kept() {
        assert_eq!(
            to_html("First line\nsecond line\n\nNext paragraph\n"),
            "<p>First line<br />\nsecond line</p>\n<p>Next paragraph</p>\n"
        );
    }

    #[test]
    fn only_harmless_link_schemes_survive() {
        assert_eq!(
            to_html(
                "[a](javascript:alert(1)) [b](https://x.org) [c](./rel.md) [d](JaVa%0aScript:x) ![e](data:image/svg+xml,x)"
            ),
            "<p><a href=\"#\">a</a> <a href=\"https://x.org\">b</a> <a href=\"./rel.md\">c</a> <a href=\"#\">d</a> <img src=\"#\" alt=\"e\" /></p>\n"
        );
        assert_eq!(
            to_html("<javascript:alert(1)>"),
            "<p><a href=\"#\">javascript:alert(1)</a></p>\n"
        );
    }
}
