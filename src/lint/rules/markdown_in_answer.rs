//! MRD015: Markdown in an answer that breaks the rendered issue.

use std::sync::LazyLock;

use memchr::memmem::Finder;
use pulldown_cmark::{Event, Parser, Tag};

use crate::diagnostic::{Diagnostic, RecommendationPart, Subject, rules::MARKDOWN_IN_ANSWER};
use crate::lint::Context;
use crate::lint::text::locate;
use crate::source::Pos;

/// Only text that could hold a heading (a line starting with `#`, or a
/// setext underline of `=` or `-`) or an empty link target is parsed: most
/// answers have neither, and this keeps linting 10,000 files fast.
fn might_matter(text: &str) -> bool {
    // Markdown indents with spaces and tabs only, so ASCII trimming is
    // enough, and cheaper than Unicode's on every line of every answer.
    let heading = text.split('\n').any(|line| {
        let line = line.trim_ascii();
        line.starts_with('#')
            || (!line.is_empty()
                && (line.bytes().all(|b| b == b'=') || line.bytes().all(|b| b == b'-')))
    });
    heading || empty_target(text)
}

/// `](` followed by nothing but spaces or `<>` before `)`.
fn empty_target(text: &str) -> bool {
    // Built once: building a searcher costs more than most answers' search.
    static LINK_TARGET: LazyLock<Finder<'static>> = LazyLock::new(|| Finder::new("]("));
    LINK_TARGET.find_iter(text.as_bytes()).any(|i| {
        let rest = text[i + 2..].trim_start_matches([' ', '<', '>', '\n']);
        rest.starts_with(')')
    })
}

/// Findings for one Markdown text that starts at `value` in the file.
fn check_text(
    cx: &Context<'_>,
    what: &str,
    subject: &Subject,
    text: &str,
    value: Pos,
    out: &mut Vec<Diagnostic>,
) {
    if !might_matter(text) {
        return;
    }
    let at = |range: std::ops::Range<usize>| {
        let piece = text.get(range).unwrap_or_default();
        let first_line = piece.lines().next().unwrap_or_default();
        locate(&cx.source.text, value, first_line).unwrap_or(value)
    };
    for (event, range) in Parser::new(text).into_offset_iter() {
        match event {
            Event::Start(Tag::Heading { .. }) => out.push(
                Diagnostic::rule(
                    &MARKDOWN_IN_ANSWER,
                    at(range),
                    format!("{what} contains a Markdown heading"),
                )
                .help(
                    "headings in the issue are the questions; use **bold** text or a list instead",
                )
                .about(subject.clone()),
            ),
            Event::Start(Tag::Link { dest_url, .. } | Tag::Image { dest_url, .. })
                if dest_url.trim().is_empty() =>
            {
                out.push(
                    Diagnostic::rule(
                        &MARKDOWN_IN_ANSWER,
                        at(range),
                        format!("{what} has a link with an empty target"),
                    )
                    .help(
                        "put the address in the parentheses: [text](https://…), or remove the link",
                    )
                    .about(subject.clone()),
                )
            }
            _ => {}
        }
    }
}

pub fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let Some(assessment) = cx.assessment else {
        return;
    };
    let front = &assessment.front;
    for answer in &front.answers {
        if might_matter(&answer.text.value) {
            let what = format!("the answer to `{}`", answer.key.value);
            let subject = Subject::Answer(answer.key.value.clone());
            check_text(
                cx,
                &what,
                &subject,
                &answer.text.value,
                answer.text.pos,
                out,
            );
        }
    }
    if let Some(rationale) = front
        .recommendation
        .as_ref()
        .and_then(|r| r.rationale.as_ref())
    {
        let subject = Subject::Recommendation(RecommendationPart::Rationale);
        check_text(
            cx,
            "the rationale",
            &subject,
            &rationale.value,
            rationale.pos,
            out,
        );
    }
}
