//! Hostile and broken files: each gets a diagnostic with a position where
//! one exists, the run goes on with the other files, and nothing panics or
//! hangs. Large inputs are generated here, never committed.

mod common;

use std::time::Duration;

use common::Scratch;
use serde_json::Value;

fn clean() -> String {
    std::fs::read_to_string(common::fixture("lint/clean.md")).unwrap()
}

/// Lints the scratch directory as JSON within a time limit.
fn lint(scratch: &Scratch) -> (i32, Vec<Value>) {
    let output = scratch
        .mrd()
        .args(["lint", ".", "--format", "json"])
        .timeout(Duration::from_secs(120))
        .output()
        .unwrap();
    assert!(
        output.status.code().is_some(),
        "killed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    let report: Value = serde_json::from_slice(&output.stdout).expect("a complete JSON report");
    (
        output.status.code().unwrap(),
        report["diagnostics"].as_array().unwrap().clone(),
    )
}

/// The (code, line, column) of findings in one file.
fn of(diagnostics: &[Value], file: &str) -> Vec<(String, u64, u64)> {
    diagnostics
        .iter()
        .filter(|d| d["file"].as_str().unwrap().ends_with(file))
        .map(|d| {
            (
                d["code"].as_str().unwrap().into(),
                d["line"].as_u64().unwrap(),
                d["column"].as_u64().unwrap(),
            )
        })
        .collect()
}

#[test]
fn broken_files_are_reported_and_the_run_goes_on() {
    let scratch = Scratch::new();
    scratch.write("a-empty.md", "");
    std::fs::write(
        scratch.path().join("b-binary.md"),
        b"---\ntitle: \xff\xfe\x00\x01\n---\n",
    )
    .unwrap();
    scratch.write("c-unclosed.md", "---\ntitle: Never closed\nstatus: draft\n");
    let deep = format!(
        "---\ntitle: Deep\nanswers: {}{}\n---\n",
        "[".repeat(100_000),
        "]".repeat(100_000)
    );
    scratch.write("d-deep.md", &deep);
    let mut bomb = String::from(
        "---\na: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n",
    );
    for i in 1..9u8 {
        let (prev, cur) = ((b'a' + i - 1) as char, (b'a' + i) as char);
        bomb.push_str(&format!(
            "{cur}: &{cur} [{}]\n",
            vec![format!("*{prev}"); 9].join(",")
        ));
    }
    bomb.push_str("---\n");
    scratch.write("e-bomb.md", &bomb);
    scratch.write("z-good.md", &clean());

    let (code, diagnostics) = lint(&scratch);
    assert_eq!(code, 1);
    assert_eq!(of(&diagnostics, "a-empty.md"), [("MRD002".into(), 1, 1)]);
    assert_eq!(of(&diagnostics, "b-binary.md"), [("MRD001".into(), 2, 8)]);
    assert_eq!(of(&diagnostics, "c-unclosed.md"), [("MRD002".into(), 1, 1)]);
    let deep = of(&diagnostics, "d-deep.md");
    assert_eq!(deep.len(), 1);
    assert_eq!((deep[0].0.as_str(), deep[0].1), ("MRD001", 3), "{deep:?}");
    let bomb = of(&diagnostics, "e-bomb.md");
    assert_eq!(bomb.len(), 1);
    assert_eq!(bomb[0].0, "MRD001", "{bomb:?}");
    assert!(
        of(&diagnostics, "z-good.md").is_empty(),
        "the good file after them is linted"
    );
}

#[test]
fn a_sixty_megabyte_answer_is_linted_without_trouble() {
    let scratch = Scratch::new();
    let sentence = "Teams lose a day a month to failed cron jobs nobody notices. ";
    let huge: String = sentence.repeat(60 * 1024 * 1024 / sentence.len());
    let text = clean().replacen(
        "  market_size: |\n",
        &format!("  market_size: |\n    {huge}\n"),
        1,
    );
    scratch.write("huge.md", &text);
    scratch.write("z-good.md", &clean());
    let (code, diagnostics) = lint(&scratch);
    assert_eq!(code, 0, "{diagnostics:#?}");
    assert!(of(&diagnostics, "huge.md").is_empty());

    // The human format cuts the 60 MB line to a window around the span.
    let one_line = clean().replacen(
        "  market_size: |\n",
        &format!("  market_sise: \"{huge}\"\n  market_sizes: |\n"),
        1,
    );
    scratch.write("huge.md", &one_line);
    let output = scratch
        .mrd()
        .args(["lint", "huge.md"])
        .timeout(Duration::from_secs(120))
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1), "market_size is now missing");
    let stdout = String::from_utf8(output.stdout).unwrap();
    assert!(
        stdout.contains(
            "warning[MRD013]: unknown key `market_sise` in `answers`\n  --> huge.md:15:3\n"
        ),
        "{stdout}"
    );
    assert!(stdout.len() < 10_000, "printed {} bytes", stdout.len());
}
