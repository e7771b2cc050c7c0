//! Inputs the fuzz targets in fuzz/ found crashing or breaking a property,
//! kept as tests through the real binary once fixed.

use crate::common::Scratch;

/// A line feed then a byte that is not UTF-8 (fuzz target `lint_formats`):
/// the human output panicked (exit 101). Issue 11 section 2.
#[test]
fn a_file_that_is_not_utf8_is_a_finding_in_every_format() {
    let scratch = Scratch::new();
    std::fs::write(scratch.path().join("x.md"), b"\n\xff").expect("write");
    for format in ["human", "json", "github", "gitlab", "sarif", "junit"] {
        scratch
            .mrd()
            .args(["lint", "--format", format, "x.md"])
            .assert()
            .code(1);
    }
}

/// A list marker, a lone carriage return and a question (fuzz target
/// `import`, after issue 15's import): `src/import/lead.rs` sliced a line
/// backwards and panicked (exit 101).
#[test]
fn a_list_marker_before_a_carriage_return_does_not_panic_import() {
    let scratch = Scratch::new();
    scratch.write("issue.md", "- \rwhat problem will this solve? (\n");
    let run = scratch
        .mrd()
        .args(["import", "issue.md", "-o", "-", "--title", "T"])
        .output()
        .expect("mrd import");
    assert!(
        matches!(run.status.code(), Some(0..=2)),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
}

/// A fence nested in a quote whose last character is wider than a byte
/// (`>>~~~ﬀ`, fuzz target `render`): the Markdown tidier sliced one byte
/// before the block's end, inside the ligature, and panicked (exit 101), in
/// the notes and in an answer alike.
#[test]
fn a_nested_fence_ending_in_a_wide_character_renders() {
    let scratch = Scratch::new();
    scratch.write(
        "notes.md",
        "---\ntitle: x\nanswers:\n  problem: a\n---\n>>~~~\u{fb00}\n",
    );
    scratch.write(
        "answer.md",
        "---\ntitle: x\nanswers:\n  problem: |\n    >>~~~\u{fb00}\n---\n",
    );
    for file in ["notes.md", "answer.md"] {
        for flavor in ["gitlab", "github"] {
            let run = scratch
                .mrd()
                .args(["render", file, "--flavor", flavor])
                .output()
                .expect("mrd render");
            assert_eq!(
                run.status.code(),
                Some(0),
                "{file} {flavor}: {}",
                String::from_utf8_lossy(&run.stderr)
            );
            assert!(String::from_utf8_lossy(&run.stdout).contains("~~~\u{fb00}"));
        }
    }
}
