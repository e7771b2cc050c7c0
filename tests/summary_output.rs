//! `mrd summary -o FILE`, and the HTML page: its structure, its colours'
//! contrast computed from its own CSS, its heading, and the readiness colours
//! the terminal uses. (How the page looks in a browser is checked in
//! tests/external/html.mjs, with chromium.)

mod common;

use common::{Scratch, mrd};
use predicates::prelude::*;

fn stdout(cmd: &mut assert_cmd::Command) -> String {
    let output = cmd.output().unwrap();
    String::from_utf8(output.stdout).unwrap()
}

// --- summary -o -------------------------------------------------------------

#[test]
fn output_file_has_what_standard_output_would_have_in_every_format() {
    let scratch = Scratch::new();
    let examples = common::repo().join("examples");
    let examples = examples.to_str().unwrap();
    for format in ["table", "markdown", "json", "csv", "html"] {
        let file = format!("summary.{format}");
        scratch
            .mrd()
            .args(["summary", examples, "--format", format, "-o", &file])
            .assert()
            .success()
            .stdout(format!("wrote {file}\n"));
        let printed = stdout(
            scratch
                .mrd()
                .args(["summary", examples, "--format", format]),
        );
        assert_eq!(scratch.read(&file), printed, "{format}");
    }
}

#[test]
fn output_file_is_never_coloured_and_laid_out_for_80_columns_or_width() {
    let scratch = Scratch::new();
    let examples = common::repo().join("examples");
    let examples = examples.to_str().unwrap();
    scratch
        .mrd()
        .args(["summary", examples, "--color", "always", "-o", "table.txt"])
        .assert()
        .success();
    let table = scratch.read("table.txt");
    assert!(!table.contains('\x1b'), "{table:?}");
    assert!(table.lines().all(|l| l.chars().count() <= 80), "{table}");
    scratch
        .mrd()
        .args(["summary", examples, "--width", "120", "-o", "wide.txt"])
        .assert()
        .success();
    assert!(
        scratch
            .read("wide.txt")
            .lines()
            .any(|l| l.chars().count() > 80)
    );
    // The single-file evidence view too.
    let one = common::example("managed-scheduler.md");
    scratch
        .mrd()
        .args([
            "summary",
            one.to_str().unwrap(),
            "--color",
            "always",
            "-o",
            "one.txt",
        ])
        .assert()
        .success();
    assert!(!scratch.read("one.txt").contains('\x1b'));
}

#[test]
fn output_file_replaces_the_old_one_and_is_written_with_the_findings_exit_code() {
    let scratch = Scratch::new();
    scratch.write("report.md", "old\n");
    let mixed = common::fixture("summary/mixed");
    scratch
        .mrd()
        .args([
            "summary",
            mixed.to_str().unwrap(),
            "--format",
            "markdown",
            "-o",
            "report.md",
        ])
        .assert()
        .code(1)
        .stdout("wrote report.md\n");
    let report = scratch.read("report.md");
    assert!(report.contains("no-front-matter.md"), "{report}");
}

#[test]
fn an_output_file_that_cannot_be_written_is_an_error_and_leaves_nothing_behind() {
    let scratch = Scratch::new();
    scratch.write("not-a-dir", "a file\n");
    let examples = common::repo().join("examples");
    scratch
        .mrd()
        .args([
            "summary",
            examples.to_str().unwrap(),
            "-o",
            "not-a-dir/summary.txt",
        ])
        .assert()
        .code(2)
        .stdout("")
        .stderr(predicate::str::contains("not-a-dir/summary.txt"));
    assert_eq!(scratch.read("not-a-dir"), "a file\n");
    let names: Vec<_> = std::fs::read_dir(scratch.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .collect();
    assert!(
        names.iter().all(|n| !n.ends_with(".tmp")),
        "no temporary file is left: {names:?}"
    );
}
