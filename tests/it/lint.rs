//! `mrd lint` through the real binary: every rule fires on its fixture and
//! only there, levels come from config, command line and front-matter, and
//! exit codes follow the contract.

use crate::common;

use crate::common::{Scratch, fixture, mrd};
use serde_json::Value;

/// Runs `mrd lint --format json` with these arguments from the repository
/// root; returns the exit code and the diagnostics.
fn lint_json(args: &[&str]) -> (i32, Vec<Value>) {
    let output = mrd()
        .arg("lint")
        .args(["--format", "json"])
        .args(args)
        .output()
        .unwrap();
    let report: Value = serde_json::from_slice(&output.stdout).expect("valid JSON");
    (
        output.status.code().unwrap(),
        report["diagnostics"].as_array().unwrap().clone(),
    )
}

/// (code, line, column) of each diagnostic.
fn found(diagnostics: &[Value]) -> Vec<(String, u64, u64)> {
    diagnostics
        .iter()
        .map(|d| {
            (
                d["code"].as_str().unwrap().to_string(),
                d["line"].as_u64().unwrap(),
                d["column"].as_u64().unwrap(),
            )
        })
        .collect()
}

/// A diagnostic's code, line and column.
type Expected = (&'static str, u64, u64);

fn rule_fixture(name: &str) -> String {
    fixture("lint/rules").join(name).display().to_string()
}

#[test]
fn a_complete_assessment_has_no_findings() {
    let (code, diagnostics) = lint_json(&["tests/fixtures/lint/clean.md"]);
    assert_eq!(code, 0);
    assert!(diagnostics.is_empty(), "{diagnostics:#?}");
}

#[test]
fn each_rule_fires_on_its_fixture_at_the_offending_position() {
    let expected: &[(&str, &[Expected])] = &[
        ("MRD001-invalid-front-matter.md", &[("MRD001", 6, 9)]),
        ("MRD002-missing-front-matter.md", &[("MRD002", 1, 1)]),
        ("MRD003-missing-answer.md", &[("MRD003", 24, 3)]),
        ("MRD004-missing-decision.md", &[("MRD004", 1, 1)]),
        ("MRD005-missing-title.md", &[("MRD005", 1, 1)]),
        ("MRD006-placeholder-answer.md", &[("MRD006", 15, 16)]),
        ("MRD007-short-answer.md", &[("MRD007", 12, 18)]),
        ("MRD008-decided-but-undecided.md", &[("MRD008", 41, 13)]),
        ("MRD009-missing-rationale.md", &[("MRD009", 41, 13)]),
        ("MRD010-risky-go.md", &[("MRD010", 41, 13)]),
        ("MRD011-unmeasurable-metrics.md", &[("MRD011", 31, 5)]),
        ("MRD012-solution-not-problem.md", &[("MRD012", 10, 5)]),
        (
            "MRD013-unknown-key.md",
            &[("MRD003", 8, 1), ("MRD013", 12, 3), ("MRD010", 41, 13)],
        ),
        ("MRD014-duplicate-title", &[("MRD014", 3, 8)]),
        (
            "MRD015-markdown-in-answer.md",
            &[("MRD015", 19, 5), ("MRD015", 21, 46)],
        ),
    ];
    for (name, want) in expected {
        let (_, diagnostics) = lint_json(&[&rule_fixture(name)]);
        let got = found(&diagnostics);
        let want: Vec<_> = want
            .iter()
            .map(|(c, l, col)| (c.to_string(), *l, *col))
            .collect();
        assert_eq!(got, want, "{name}");
    }
}

#[test]
fn every_rule_has_a_fixture() {
    let names: Vec<String> = std::fs::read_dir(fixture("lint/rules"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    let output = mrd().args(["rules", "--format", "json"]).output().unwrap();
    let rules: Vec<Value> = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(rules.len(), 21);
    for rule in rules {
        let prefix = format!(
            "{}-{}",
            rule["code"].as_str().unwrap(),
            rule["name"].as_str().unwrap()
        );
        assert!(
            names.iter().any(|n| n.starts_with(&prefix)),
            "no fixture for {prefix}"
        );
    }
}

#[test]
fn the_incomplete_example_fails_with_the_expected_diagnostics() {
    let (code, diagnostics) = lint_json(&["examples/data-contracts-draft.md"]);
    assert_eq!(code, 1);
    assert_eq!(
        found(&diagnostics),
        [
            ("MRD004".into(), 1, 1),
            ("MRD003".into(), 8, 1),
            ("MRD003".into(), 8, 1),
            ("MRD003".into(), 8, 1),
            ("MRD003".into(), 8, 1),
            ("MRD003".into(), 17, 3),
            ("MRD003".into(), 21, 3),
        ]
    );
    let (code, diagnostics) = lint_json(&[
        "examples/hosted-notebooks.md",
        "examples/managed-scheduler.md",
    ]);
    assert_eq!((code, diagnostics.len()), (0, 0), "{diagnostics:#?}");
}

#[test]
fn warnings_pass_errors_fail_and_levels_can_be_changed_on_the_command_line() {
    let short = rule_fixture("MRD007-short-answer.md");
    assert_eq!(lint_json(&[&short]).0, 0, "a warning alone does not fail");
    let (code, diagnostics) = lint_json(&[&short, "--deny", "warnings"]);
    assert_eq!((code, diagnostics[0]["level"].as_str()), (1, Some("error")));
    let (code, diagnostics) = lint_json(&[&short, "--deny", "short-answer"]);
    assert_eq!((code, diagnostics[0]["level"].as_str()), (1, Some("error")));
    let (code, diagnostics) = lint_json(&[&short, "--allow", "MRD007"]);
    assert_eq!((code, diagnostics.len()), (0, 0));
    let placeholder = rule_fixture("MRD006-placeholder-answer.md");
    let (code, diagnostics) = lint_json(&[&placeholder, "--warn", "mrd006"]);
    assert_eq!(
        (code, diagnostics[0]["level"].as_str()),
        (0, Some("warning"))
    );

    mrd()
        .args(["lint", "--deny", "MRD099", &short])
        .assert()
        .code(2)
        .stderr(predicates::str::contains(
            "`--deny MRD099`: no rule has this code or name",
        ));
}

#[test]
fn rule_names_are_read_in_any_case_like_codes() {
    let short = rule_fixture("MRD007-short-answer.md");
    let (code, diagnostics) = lint_json(&[&short, "--deny", "Short-Answer"]);
    assert_eq!((code, diagnostics[0]["level"].as_str()), (1, Some("error")));
    let (code, diagnostics) = lint_json(&[&short, "--allow", "SHORT-ANSWER"]);
    assert_eq!((code, diagnostics.len()), (0, 0));
    let (code, _) = lint_json(&[&short, "--deny", "Warnings"]);
    assert_eq!(code, 1);
}

#[test]
fn the_level_of_invalid_front_matter_holds_for_text_that_cannot_be_read() {
    let binary = common::fixture("bad/windows-1252.md");
    let binary = binary.to_str().unwrap();
    let (code, diagnostics) = lint_json(&[binary]);
    assert_eq!((code, diagnostics[0]["level"].as_str()), (1, Some("error")));
    let (code, diagnostics) = lint_json(&[binary, "--warn", "invalid-front-matter"]);
    assert_eq!(
        (code, diagnostics[0]["level"].as_str()),
        (0, Some("warning"))
    );
    let (code, diagnostics) = lint_json(&[binary, "--allow", "MRD001"]);
    assert_eq!((code, diagnostics.len()), (0, 0));
}

#[test]
fn the_lint_section_of_the_config_sets_levels_and_thresholds() {
    let scratch = Scratch::new();
    let text = std::fs::read_to_string(rule_fixture("MRD007-short-answer.md")).unwrap();
    scratch.write("assessments/a.md", &text);
    scratch.write(".mrd.yml", "lint:\n  min_words: 2\n");
    scratch
        .mrd()
        .arg("lint")
        .assert()
        .code(0)
        .stdout("0 errors, 0 warnings in 1 file\n");

    scratch.write(".mrd.yml", "lint:\n  rules:\n    short-answer: deny\n");
    scratch
        .mrd()
        .arg("lint")
        .assert()
        .code(1)
        .stdout(predicates::str::contains("error[MRD007]"));

    scratch.write(".mrd.yml", "lint:\n  critical_questions: [target_market]\n");
    let risky = std::fs::read_to_string(rule_fixture("MRD010-risky-go.md")).unwrap();
    scratch.write("assessments/a.md", &risky);
    scratch
        .mrd()
        .arg("lint")
        .assert()
        .code(0)
        .stdout("0 errors, 0 warnings in 1 file\n");

    scratch.write(".mrd.yml", "lint:\n  rules:\n    MRD007: loud\n");
    scratch
        .mrd()
        .arg("lint")
        .assert()
        .code(2)
        .stderr(predicates::str::contains(
            "error[config]: invalid level for `lint.rules.MRD007`\n",
        ))
        .stderr(predicates::str::contains(".mrd.yml:3:13\n"))
        .stderr(predicates::str::contains(
            "help: a rule's level is one of: allow | warn | deny",
        ));
}

#[test]
fn a_file_can_silence_a_rule_for_itself() {
    let scratch = Scratch::new();
    let text = std::fs::read_to_string(rule_fixture("MRD007-short-answer.md")).unwrap();
    let allowed = text.replacen("---\n", "---\nlint:\n  allow: [short-answer, MRD013]\n", 1);
    scratch.write("a.md", &allowed);
    scratch
        .mrd()
        .args(["lint", "a.md"])
        .assert()
        .code(0)
        .stdout("0 errors, 0 warnings in 1 file\n");

    let wrong = text.replacen("---\n", "---\nlint:\n  allow: [MRD999]\n", 1);
    scratch.write("b.md", &wrong);
    scratch
        .mrd()
        .args(["lint", "b.md", "--format", "github"])
        .assert()
        .code(1)
        .stdout(predicates::str::contains("::error file=b.md,line=3,col=11,title=MRD001 invalid-front-matter::`MRD999` in `lint.allow` is not a rule"));
}

#[test]
fn duplicate_titles_across_files_are_found_unless_a_file_allows_them() {
    let dir = rule_fixture("MRD014-duplicate-title");
    let (code, diagnostics) = lint_json(&[&dir]);
    assert_eq!(code, 0);
    assert!(diagnostics[0]["file"].as_str().unwrap().ends_with("b.md"));
    assert!(diagnostics[0]["help"].as_str().unwrap().contains("a.md:3"));

    let scratch = Scratch::new();
    let text = std::fs::read_to_string(format!("{dir}/a.md")).unwrap();
    scratch.write("x/a.md", &text);
    scratch.write(
        "x/b.md",
        &text.replacen("---\n", "---\nlint: {allow: [duplicate-title]}\n", 1),
    );
    scratch
        .mrd()
        .args(["lint", "x"])
        .assert()
        .code(0)
        .stdout("0 errors, 0 warnings in 2 files\n");
}

#[test]
fn standard_input_is_linted_as_stdin() {
    let text = std::fs::read_to_string(rule_fixture("MRD006-placeholder-answer.md")).unwrap();
    mrd()
        .args(["lint", "-", "--format", "github"])
        .write_stdin(text)
        .assert()
        .code(1)
        .stdout(predicates::str::starts_with(
            "::error file=<stdin>,line=15,col=16,title=MRD006 placeholder-answer::",
        ));
}

#[test]
fn rules_are_listed_and_explained() {
    mrd()
        .arg("rules")
        .assert()
        .success()
        .stdout(predicates::str::contains(
            "MRD012  warning  solution-not-problem",
        ));
    for name in ["MRD006", "placeholder-answer", "mrd006"] {
        mrd()
            .args(["lint", "--explain", name])
            .assert()
            .success()
            .stdout(predicates::str::starts_with(
                "MRD006 placeholder-answer (error by default)\n\nWhat it checks\n",
            ))
            .stdout(predicates::str::contains("Why it matters\n"))
            .stdout(predicates::str::contains("Example\n"))
            .stdout(predicates::str::contains("Instead\n"));
    }
    mrd().args(["lint", "--explain", "MRD404"]).assert().code(2);
}

#[test]
fn human_output_quotes_the_line_with_a_caret_and_counts_per_level() {
    mrd()
        .args(["lint", "tests/fixtures/lint/rules/MRD006-placeholder-answer.md"])
        .assert()
        .code(1)
        .stdout(predicates::str::contains(
            "error[MRD006]: the answer to `market_size` is a placeholder\n  --> tests/fixtures/lint/rules/MRD006-placeholder-answer.md:15:16\n   |\n15 |   market_size: TBD\n   |                ^^^ placeholder-answer\n",
        ))
        .stdout(predicates::str::ends_with("1 error, 0 warnings in 1 file\n"))
        .stdout(predicates::str::contains("\u{1b}[").not());
}

#[test]
fn colour_is_used_only_when_asked_for_or_on_a_terminal() {
    let file = "tests/fixtures/lint/rules/MRD006-placeholder-answer.md";
    mrd()
        .args(["--color", "always", "lint", file])
        .env_remove("NO_COLOR")
        .assert()
        .stdout(predicates::str::contains("\u{1b}["));
    // Piped, without --color: plain.
    mrd()
        .args(["lint", file])
        .env_remove("NO_COLOR")
        .assert()
        .stdout(predicates::str::contains("\u{1b}[").not());
}

use predicates::prelude::PredicateBooleanExt;
