//! The foundation's contract, through the real binary: the file format and its
//! errors with exact positions, CRLF and BOM input, config discovery, the
//! question set as the one definition, and a first path through every command.

use std::io::{BufRead, BufReader};
use std::process::Stdio;

use crate::common::{Scratch, example, fixture, mrd};
use predicates::prelude::*;

/// Lint's JSON report for one file, as text (for message checks).
fn lint_output(path: &std::path::Path) -> String {
    let output = mrd()
        .args(["lint", "--format", "json"])
        .arg(path)
        .output()
        .unwrap();
    String::from_utf8(output.stdout).unwrap()
}

/// `line:col: level[CODE]` of each diagnostic in a JSON lint report.
fn positions(json: &str) -> Vec<String> {
    let report: serde_json::Value = serde_json::from_str(json).expect("lint's JSON report");
    report["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| {
            format!(
                "{}:{}: {}[{}]",
                d["line"],
                d["column"],
                d["level"].as_str().unwrap(),
                d["code"].as_str().unwrap()
            )
        })
        .collect()
}

/// The positions of the parse errors (MRD001, MRD002) lint reports for one
/// file; the fixtures are deliberately incomplete, so the completeness rules
/// are left out.
fn locations(path: &std::path::Path) -> Vec<String> {
    positions(&lint_output(path))
        .into_iter()
        .filter(|loc| loc.ends_with("[MRD001]") || loc.ends_with("[MRD002]"))
        .collect()
}

#[test]
fn yaml_syntax_errors_name_line_and_column() {
    let path = fixture("parse/yaml-syntax.md");
    assert_eq!(locations(&path), ["2:8: error[MRD001]"]);
    assert!(lint_output(&path).contains("unclosed quote"));
}

#[test]
fn wrong_types_name_line_and_column() {
    let path = fixture("parse/wrong-type.md");
    assert_eq!(
        locations(&path),
        ["5:5: error[MRD001]", "7:17: error[MRD001]"]
    );
    let out = lint_output(&path);
    assert!(
        out.contains("`answers.problem` must be Markdown text"),
        "{out}"
    );
    assert!(out.contains("found a list"), "{out}");
}

#[test]
fn invalid_dates_statuses_confidences_and_decisions_are_all_reported() {
    let path = fixture("parse/invalid-values.md");
    assert_eq!(
        locations(&path),
        [
            "3:10: error[MRD001]",
            "4:9: error[MRD001]",
            "6:12: error[MRD001]",
            "8:13: error[MRD001]",
        ]
    );
    let out = lint_output(&path);
    assert!(out.contains("2026-02 has 28 days"), "{out}");
    assert!(
        out.contains("`status` is one of: draft | review | decided | archived"),
        "{out}"
    );
    assert!(
        out.contains("invalid value `maybe` for `recommendation.decision`"),
        "{out}"
    );
    // An invalid decision is reported once, not again as a missing decision.
    assert!(!out.contains("MRD004"), "{out}");
}

#[test]
fn duplicate_keys_point_at_the_second_and_mention_the_first() {
    let path = fixture("parse/duplicate-key.md");
    assert_eq!(locations(&path), ["4:1: error[MRD001]"]);
    assert!(lint_output(&path).contains("`title` is first set on line 2"));
}

#[test]
fn missing_and_unclosed_front_matter_are_reported_at_the_start() {
    assert_eq!(
        locations(&fixture("parse/no-front-matter.md")),
        ["1:1: error[MRD002]"]
    );
    assert_eq!(
        locations(&fixture("parse/unclosed.md")),
        ["1:1: error[MRD002]"]
    );
}

#[test]
fn an_unknown_format_version_is_an_error() {
    let path = fixture("parse/future-version.md");
    assert!(locations(&path).contains(&"2:6: error[MRD001]".to_string()));
    assert!(lint_output(&path).contains("unsupported format version `2`"));
}

#[test]
fn crlf_and_bom_files_are_read_like_any_other() {
    let scratch = Scratch::new();
    let original = std::fs::read_to_string(example("managed-scheduler.md")).unwrap();
    let crlf = format!("\u{feff}{}", original.replace('\n', "\r\n"));
    scratch.write("crlf.md", &crlf);
    scratch.mrd().args(["lint", "crlf.md"]).assert().success();

    // Positions in a CRLF file are the same as in its LF twin.
    let broken = "\u{feff}---\r\ntitle: T\r\nstatus: maybe\r\n---\r\n";
    scratch.write("broken.md", broken);
    let output = scratch
        .mrd()
        .args(["lint", "--format", "json", "broken.md"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    let found = positions(&String::from_utf8(output.stdout).unwrap());
    assert!(
        found.contains(&"3:9: error[MRD001]".to_string()),
        "{found:?}"
    );
}

#[test]
fn the_body_round_trips_byte_for_byte_through_a_rewrite() {
    for name in [
        "managed-scheduler.md",
        "hosted-notebooks.md",
        "data-contracts-draft.md",
    ] {
        let text = std::fs::read_to_string(example(name)).unwrap();
        for variant in [
            text.clone(),
            format!("\u{feff}{}", text.replace('\n', "\r\n")),
        ] {
            let source = mrd::source::Source::from_text(name, variant.clone());
            let parsed = mrd::assessment::parse(&source);
            let assessment = parsed.assessment.expect("examples parse");
            let rewritten = mrd::assessment::to_markdown(&assessment);
            let body_start = |t: &str| {
                let split = mrd::assessment::split(t.trim_start_matches('\u{feff}')).unwrap();
                split.body.to_string()
            };
            assert_eq!(body_start(&rewritten), body_start(&variant), "{name}");
            assert_eq!(
                rewritten.starts_with('\u{feff}'),
                variant.starts_with('\u{feff}')
            );
            // The answers survive too.
            let again = mrd::assessment::parse(&mrd::source::Source::from_text(name, rewritten));
            assert_eq!(
                again.assessment.unwrap().front.answers.len(),
                assessment.front.answers.len()
            );
        }
    }
}

#[test]
fn the_examples_and_mrd_questions_agree_with_the_one_question_set() {
    let set = mrd::questions::QuestionSet::builtin();
    let output = mrd()
        .args(["questions", "--format", "json"])
        .output()
        .unwrap();
    assert!(output.status.success());
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    let keys: Vec<&str> = json
        .as_array()
        .unwrap()
        .iter()
        .map(|q| q["key"].as_str().unwrap())
        .collect();
    let expected: Vec<&str> = set.all().iter().map(|q| q.key.as_str()).collect();
    assert_eq!(keys, expected);

    for name in ["managed-scheduler.md", "hosted-notebooks.md"] {
        let source = mrd::source::Source::read(&example(name)).unwrap();
        let front = mrd::assessment::parse(&source).assessment.unwrap().front;
        let answered: Vec<&str> = front.answers.iter().map(|a| a.key.value.as_str()).collect();
        let asked: Vec<&str> = set.answer_questions().map(|q| q.key.as_str()).collect();
        assert_eq!(answered, asked, "{name} answers every question, in order");
    }

    let text = mrd().arg("questions").output().unwrap().stdout;
    let text = String::from_utf8(text).unwrap();
    for question in set.all() {
        assert!(text.contains(&format!(
            "{}. {} ({})",
            question.number, question.text, question.short_name
        )));
    }
}

#[test]
fn lint_exit_codes_are_a_contract() {
    mrd()
        .args([
            "lint",
            "examples/managed-scheduler.md",
            "examples/hosted-notebooks.md",
        ])
        .assert()
        .code(0)
        .stdout(predicate::str::contains("0 errors, 0 warnings in 2 files"));
    mrd()
        .args(["lint", "examples/"])
        .assert()
        .code(1)
        .stdout(predicate::str::contains(
            "error[MRD003]: the answer to question 3 (market size) is empty\n  --> examples/data-contracts-draft.md:17:3",
        ))
        .stdout(predicate::str::contains(
            "error[MRD004]: question 10 (go or no-go) has no decision\n --> examples/data-contracts-draft.md:1:1",
        ));
    mrd()
        .args(["lint", "no/such/path.md"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "error[io]: no such file or directory\n--> no/such/path.md",
        ));
}

#[test]
fn lint_reads_standard_input() {
    let text = std::fs::read_to_string(fixture("parse/duplicate-key.md")).unwrap();
    mrd()
        .args(["lint", "-"])
        .write_stdin(text)
        .assert()
        .code(1)
        .stdout(predicate::str::contains(
            "error[MRD001]: duplicate key `title`\n --> <stdin>:4:1",
        ));
}

#[test]
fn config_is_discovered_upwards_and_changes_the_question_set() {
    let scratch = Scratch::new();
    scratch.write(
        ".mrd.yml",
        "assessments: docs/mrd\nquestions:\n  pricing_model:\n    text: How will we price it?\n    short_name: pricing\n    guidance: Name the price points.\n    example: $99 a month.\n    after: metrics\n",
    );
    std::fs::create_dir_all(scratch.path().join("a/b")).unwrap();
    let mut cmd = scratch.mrd();
    cmd.current_dir(scratch.path().join("a/b"));
    cmd.arg("questions")
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "9. How will we price it? (pricing)",
        ))
        .stdout(predicate::str::contains(
            "11. Given the above, what's the recommendation?",
        ));

    // Every command reads the active set: the new question is now required.
    scratch.write(
        "docs/mrd/x.md",
        &std::fs::read_to_string(example("managed-scheduler.md")).unwrap(),
    );
    scratch
        .mrd()
        .arg("lint")
        .assert()
        .code(1)
        .stdout(predicate::str::contains("question 9 (pricing) is missing"));
}

#[test]
fn a_config_error_names_file_line_and_column_and_exits_2() {
    let scratch = Scratch::new();
    scratch.write(".mrd.yml", "questions:\n  problem:\n    guidnce: typo\n");
    scratch
        .mrd()
        .arg("questions")
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "error[config]: unknown setting `questions.problem.guidnce`\n",
        ))
        .stderr(predicate::str::contains(".mrd.yml:3:5\n"))
        .stderr(predicate::str::contains(
            "3 |     guidnce: typo\n  |     ^^^^^^^\n",
        ))
        .stderr(predicate::str::contains(
            "help: did you mean `questions.problem.guidance`?",
        ));
}

#[test]
fn an_explicit_config_overrides_discovery() {
    let scratch = Scratch::new();
    scratch.write(".mrd.yml", "assessments: [not, text]\n");
    scratch.write(
        "other.yml",
        "questions:\n  market_window:\n    required: false\n",
    );
    scratch
        .mrd()
        .args(["--config", "other.yml", "questions"])
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "key: answers.market_window · optional",
        ));
}

#[test]
fn new_from_an_answers_file_writes_atomically_and_never_overwrites() {
    let scratch = Scratch::new();
    let answers = std::fs::read_to_string(example("managed-scheduler.md")).unwrap();
    let yaml = answers.split("---\n").nth(1).unwrap();
    scratch.write("answers.yml", yaml);
    scratch
        .mrd()
        .args(["new", "--answers", "answers.yml"])
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "wrote assessments/managed-scheduler-for-self-hosted-pipelines.md (GO, 9 of 9 questions answered)",
        ));
    let written = "assessments/managed-scheduler-for-self-hosted-pipelines.md";
    scratch.mrd().args(["lint", written]).assert().success();
    let before = scratch.read(written);

    scratch
        .mrd()
        .args(["new", "--answers", "answers.yml"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("already exists"))
        .stderr(predicate::str::contains("help: pass --force to replace it"));
    assert_eq!(scratch.read(written), before);

    scratch
        .mrd()
        .args(["new", "Renamed", "--answers", "-", "-o", written, "--force"])
        .write_stdin(yaml)
        .assert()
        .success();
    assert!(scratch.read(written).contains("title: Renamed"));
}

#[test]
fn new_with_incomplete_answers_saves_a_draft_and_reports_positions_in_the_answers_file() {
    let scratch = Scratch::new();
    scratch.write(
        "answers.yml",
        "title: Half done\nanswers:\n  problem: Teams lose a day a month.\n  market_size: ''\n",
    );
    scratch
        .mrd()
        .args(["new", "--answers", "answers.yml", "-o", "draft.md"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains(
            "error[MRD003]: the answer to question 3 (market size) is empty\n --> answers.yml:4:3",
        ))
        .stderr(predicate::str::contains(
            "error[MRD004]: question 10 (go or no-go) has no decision\n --> answers.yml:1:1",
        ))
        .stderr(predicate::str::contains("saved as it is (status: draft)"));
    let draft = scratch.read("draft.md");
    assert!(draft.contains("status: draft"));
    assert!(draft.contains("problem: Teams lose a day a month."));
}

#[test]
fn new_with_unreadable_answers_writes_nothing() {
    let scratch = Scratch::new();
    scratch.write("answers.yml", "title: X\nstatus: someday\n");
    scratch
        .mrd()
        .args(["new", "--answers", "answers.yml", "-o", "x.md"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains(
            "error[MRD001]: invalid value `someday` for `status`\n --> answers.yml:2:9",
        ))
        .stderr(predicate::str::contains("nothing was written"));
    assert!(!scratch.path().join("x.md").exists());
}

#[test]
fn render_prints_issue_text_and_refuses_broken_files() {
    mrd()
        .args(["render", "examples/hosted-notebooks.md"])
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "## 4. What alternatives are out there? (competitive landscape)",
        ))
        .stdout(predicate::str::contains("**NO-GO**"));
    mrd()
        .args(["render", "tests/fixtures/parse/invalid-values.md"])
        .assert()
        .code(1)
        .stdout("")
        .stderr(predicate::str::contains(
            "error[MRD001]: invalid value `finished` for `status`\n --> tests/fixtures/parse/invalid-values.md:4:9",
        ));
}

#[test]
fn summary_lists_every_file_and_keeps_going_past_broken_ones() {
    let scratch = Scratch::new();
    scratch.write(
        "a/good.md",
        &std::fs::read_to_string(example("managed-scheduler.md")).unwrap(),
    );
    scratch.write("a/broken.md", "---\ntitle: [x\n");
    scratch.write(
        "a/z.md",
        &std::fs::read_to_string(example("hosted-notebooks.md")).unwrap(),
    );
    let output = scratch.mrd().args(["summary", "a"]).output().unwrap();
    assert_eq!(output.status.code(), Some(1));
    let text = String::from_utf8(output.stdout).unwrap();
    assert!(
        text.contains("error: a/broken.md:1:1: the front-matter opened here is never closed"),
        "{text}"
    );
    let go = text
        .lines()
        .find(|l| l.starts_with("GO "))
        .expect("a GO row");
    assert!(
        go.contains(" 9/9 ") && go.contains("Managed scheduler"),
        "{text}"
    );
    let no_go = text
        .lines()
        .find(|l| l.starts_with("NO-GO"))
        .expect("a NO-GO row");
    assert!(no_go.contains("Hosted notebooks"), "{text}");
}

#[test]
fn output_to_a_closed_pipe_is_not_an_error() {
    // Enough output to overflow a pipe buffer, so the write really fails.
    let scratch = Scratch::new();
    let text = std::fs::read_to_string(example("managed-scheduler.md")).unwrap();
    for i in 0..1500 {
        scratch.write(&format!("many/{i:04}.md"), &text);
    }
    let mut child = std::process::Command::new(assert_cmd::cargo::cargo_bin("mrd"))
        .args(["summary", "many"])
        .current_dir(scratch.path())
        .env("NO_COLOR", "1")
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut first = String::new();
    BufReader::new(child.stdout.take().unwrap())
        .read_line(&mut first)
        .unwrap();
    // The reader is dropped here, like `head -1` exiting.
    let output = child.wait_with_output().unwrap();
    assert!(first.starts_with("DECISION"), "{first}");
    assert_eq!(output.status.code(), Some(0));
    assert_eq!(String::from_utf8_lossy(&output.stderr), "");
}

#[test]
fn help_and_version() {
    mrd()
        .arg("--version")
        .assert()
        .success()
        .stdout(format!("mrd {}\n", env!("CARGO_PKG_VERSION")));
    mrd()
        .arg("--help")
        .assert()
        .success()
        .stdout(predicate::str::contains("Exit codes: 0 success"));
    mrd().arg("frobnicate").assert().code(2);
    // A bare `mrd` prints its help to standard output and succeeds, as cargo does.
    mrd()
        .assert()
        .success()
        .stdout(predicate::str::contains("Usage: mrd [OPTIONS] <COMMAND>"))
        .stderr("");
}

/// A `|` block at the very end of YAML, with no line ending after it, reads
/// as it would with one (as the YAML test suite says), in an answers file,
/// in `.mrd.yml` and between fences alike.
#[test]
fn a_block_at_the_end_of_the_yaml_keeps_its_line_feed_everywhere() {
    let scratch = Scratch::new();
    scratch.write(
        "answers.yml",
        "title: End\nanswers:\n  problem: |\n    Teams lose a day a month.",
    );
    scratch
        .mrd()
        .args(["new", "--answers", "answers.yml", "-o", "end.md"])
        .assert()
        .code(1);
    assert!(
        scratch
            .read("end.md")
            .contains("  problem: |\n    Teams lose a day a month.\n"),
        "{}",
        scratch.read("end.md")
    );
    scratch.write(
        ".mrd.yml",
        "questions:\n  problem:\n    guidance: |\n      Say who hurts.",
    );
    let out = scratch
        .mrd()
        .args(["questions", "--format", "json"])
        .output()
        .unwrap();
    let questions: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(questions[0]["guidance"], "Say who hurts.\n");
}

/// A lone CR ends a line for YAML, and so for the lines lint prints.
#[test]
fn a_lone_cr_ends_a_line_in_positions_and_quoted_lines() {
    mrd()
        .args(["lint", "tests/fixtures/bad/lone-cr.md"])
        .assert()
        .code(1)
        .stdout(predicate::str::contains(
            "error[MRD001]: invalid value `maybe` for `status`\n --> tests/fixtures/bad/lone-cr.md:3:9\n  |\n3 | status: maybe\n  |         ^^^^^ invalid-front-matter",
        ));
}
