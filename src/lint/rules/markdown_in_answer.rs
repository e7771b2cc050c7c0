//! MRD015: Markdown in an answer that breaks the rendered issue.

use pulldown_cmark::{Event, Parser, Tag};

use crate::diagnostic::Level;
use crate::lint::text::locate;
use crate::lint::{Context, Finding, Rule, Settings};
use crate::yaml::Pos;

pub static RULE: Rule = Rule {
    code: "MRD015",
    name: "markdown-in-answer",
    level: Level::Warning,
    summary: "An answer contains a Markdown heading, or a link or image with an empty target.",
    why: r#"Each answer is rendered under its question's heading in the issue; a heading inside an answer breaks that structure (its text appears as a new question). A link with an empty target renders as a dead link."#,
    example: r#"answers:
  alternatives: |
    ## Competitors
    See [the comparison]()."#,
    instead: r#"answers:
  alternatives: |
    **Competitors:** Airflow, Dagster Cloud; see
    [the comparison](https://wiki.example.com/scheduler-comparison)."#,
    check,
};

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
    memchr::memmem::find_iter(text.as_bytes(), "](").any(|i| {
        let rest = text[i + 2..].trim_start_matches([' ', '<', '>', '\n']);
        rest.starts_with(')')
    })
}

/// Findings for one Markdown text that starts at `value` in the file.
fn check_text(cx: &Context<'_>, what: &str, text: &str, value: Pos, out: &mut Vec<Finding>) {
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
                Finding::new(at(range), format!("{what} contains a Markdown heading"))
                    .help("headings in the issue are the questions; use **bold** text or a list instead"),
            ),
            Event::Start(Tag::Link { dest_url, .. } | Tag::Image { dest_url, .. }) if dest_url.trim().is_empty() => {
                out.push(
                    Finding::new(at(range), format!("{what} has a link with an empty target"))
                        .help("put the address in the parentheses: [text](https://…), or remove the link"),
                )
            }
            _ => {}
        }
    }
}

fn check(cx: &Context<'_>, _: &Settings, out: &mut Vec<Finding>) {
    let Some(assessment) = cx.assessment else {
        return;
    };
    let front = &assessment.front;
    for answer in &front.answers {
        let what = format!("the answer to `{}`", answer.key.value);
        check_text(cx, &what, &answer.text.value, answer.text.pos, out);
    }
    if let Some(rationale) = front
        .recommendation
        .as_ref()
        .and_then(|r| r.rationale.as_ref())
    {
        check_text(cx, "the rationale", &rationale.value, rationale.pos, out);
    }
}
