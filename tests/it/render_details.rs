//! GitHub flavour folds the notes into `<details>`: whatever the notes hold,
//! the fold ends where the template ends it. The rendered Markdown is turned
//! into HTML with raw HTML passed through, as GitHub's renderer does before
//! sanitising, and the fold's extent is measured on that HTML.
//! (tests/external/render.sh checks the same with GitHub's own cmark-gfm.)

use crate::common;

use crate::common::{fixture, mrd};

fn render(flavor: &str) -> String {
    let out = mrd()
        .args(["render", "--flavor", flavor])
        .arg(fixture("render/details.md"))
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

/// The HTML inside the `<details>` element that starts at `start`.
fn fold_at(html: &str, start: usize) -> &str {
    let lower = html.to_ascii_lowercase();
    let mut depth = 0;
    let mut at = start;
    loop {
        let open = lower[at..].find("<details").map(|i| at + i);
        let close = lower[at..].find("</details>").map(|i| at + i);
        match (open, close) {
            (Some(o), Some(c)) if o < c => {
                depth += 1;
                at = o + 1;
            }
            (_, Some(c)) => {
                depth -= 1;
                if depth == 0 {
                    return &html[start..c + "</details>".len()];
                }
                at = c + 1;
            }
            _ => panic!("the fold at {start} is never closed:\n{html}"),
        }
    }
}

#[test]
fn a_closing_tag_in_the_notes_does_not_end_the_fold() {
    let markdown = render("github");
    let mut html = String::new();
    pulldown_cmark::html::push_html(
        &mut html,
        pulldown_cmark::Parser::new_ext(&markdown, mrd::render::markdown::parser_options()),
    );
    let start = html
        .find("<details>\n<summary>Notes from the assessment file</summary>")
        .unwrap_or_else(|| panic!("{html}"));
    let fold = fold_at(&html, start);
    for text in [
        "After the stray closer: this stays in the notes.",
        "Interview transcript.",
        "Last line of the notes.",
    ] {
        assert!(fold.contains(text), "{text:?} is outside the fold:\n{html}");
    }
    // The stray closer is shown as text; the user's own fold and the code
    // are as written.
    assert!(fold.contains("<p>&lt;/details&gt;</p>"), "{fold}");
    assert!(markdown.contains("\n&lt;/details>\n"), "{markdown}");
    assert!(markdown.contains("<details>\n<summary>Our own fold</summary>\n"));
    assert!(markdown.contains("```html\n</details>\n```"));
    assert!(
        html[start + fold.len()..].trim().is_empty(),
        "nothing after the fold: {html}"
    );
}

#[test]
fn a_fold_the_notes_leave_open_is_closed_before_the_templates_own() {
    let scratch = common::Scratch::new();
    scratch.write(
        "open.md",
        "---\ntitle: T\n---\nNotes.\n\n<details>\n<summary>Never closed</summary>\n\nInside.\n",
    );
    let out = scratch
        .mrd()
        .args(["render", "--flavor", "github", "open.md"])
        .output()
        .unwrap();
    let markdown = String::from_utf8(out.stdout).unwrap();
    assert!(
        markdown.ends_with("Inside.\n\n</details>\n\n</details>\n"),
        "{markdown}"
    );
}
