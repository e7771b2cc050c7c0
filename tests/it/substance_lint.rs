//! Issue 16 through the real binary, for the two rules that already use the
//! substance heuristics: MRD011 no longer passes a version number as a
//! target, MRD012 catches a problem written as the tool's effect, neither
//! judges an answer in another language, and `.mrd.yml`'s `lint.words`
//! changes what they know (strictly: a typo is an error with a position).

use crate::common;

use crate::common::Scratch;
use serde_json::Value;

/// A complete assessment with these `problem` and `metrics` answers.
fn assessment(problem: &str, metrics: &str) -> String {
    let clean = std::fs::read_to_string(common::fixture("lint/clean.md")).unwrap();
    let problem_at = clean.find("  problem: |").unwrap();
    let target_at = clean.find("  target_market: |").unwrap();
    let metrics_at = clean.find("  metrics: |").unwrap();
    let factors_at = clean.find("  success_factors: |").unwrap();
    format!(
        "{}  problem: {problem:?}\n{}  metrics: {metrics:?}\n{}",
        &clean[..problem_at],
        &clean[target_at..metrics_at],
        &clean[factors_at..]
    )
}

/// `mrd lint --format json` in `scratch`: exit code and (code, message) of
/// each finding.
fn lint(scratch: &Scratch) -> (i32, Vec<(String, String)>) {
    let output = scratch
        .mrd()
        .args(["lint", "--format", "json", "a.md"])
        .output()
        .unwrap();
    let report: Value = serde_json::from_slice(&output.stdout).expect("valid JSON");
    let findings = report["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| {
            (
                d["code"].as_str().unwrap().to_string(),
                d["message"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    (output.status.code().unwrap(), findings)
}

#[test]
fn the_issues_examples_are_flagged_where_they_used_to_pass() {
    let scratch = Scratch::new();
    scratch.write(
        "a.md",
        &assessment(
            "Eliminates manual job-board searching by pulling every listing into one feed.",
            "Qualitative for v1: she actively uses it",
        ),
    );
    let (code, findings) = lint(&scratch);
    assert_eq!(code, 0, "warnings do not fail the run");
    assert_eq!(
        findings,
        [
            (
                "MRD012".to_string(),
                "the problem answer starts with a solution (\"Eliminates…\")".to_string()
            ),
            (
                "MRD011".to_string(),
                "the metrics answer has no target: no number with a unit or %, comparison or date (\"v1\" is a version, not a target)"
                    .to_string()
            ),
        ]
    );
}

#[test]
fn real_targets_and_real_problems_pass() {
    let scratch = Scratch::new();
    scratch.write(
        "a.md",
        &assessment(
            "Recruiters spend six hours a week searching job boards by hand.",
            "Before v2: 30 paying clinics and churn under five percent a month.",
        ),
    );
    assert_eq!(lint(&scratch), (0, vec![]));
}

#[test]
fn answers_in_other_languages_are_not_judged() {
    let scratch = Scratch::new();
    scratch.write(
        "a.md",
        &assessment(
            "Élimine la recherche manuelle sur les sites d'emploi.",
            "Qualitatif pour la v1 : elle l'utilise activement.",
        ),
    );
    assert_eq!(lint(&scratch), (0, vec![]));
}

#[test]
fn a_project_extends_the_word_lists() {
    let scratch = Scratch::new();
    let text = assessment(
        "Revolutionises scheduling for dental clinics.",
        "Quarterly business review sign-off from the clinic owners.",
    );
    scratch.write("a.md", &text);
    let (_, findings) = lint(&scratch);
    let codes: Vec<&str> = findings.iter().map(|(c, _)| c.as_str()).collect();
    assert_eq!(
        codes,
        ["MRD011"],
        "the built-in lists do not know this verb"
    );

    scratch.write(
        ".mrd.yml",
        "lint:\n  words:\n    solution_not_problem:\n      openings: {add: [revolutionises]}\n    metrics:\n      deadlines: {add: [quarterly business review]}\n",
    );
    let (_, findings) = lint(&scratch);
    let codes: Vec<&str> = findings.iter().map(|(c, _)| c.as_str()).collect();
    assert_eq!(codes, ["MRD012"], "{findings:?}");
}

#[test]
fn a_mistake_in_the_word_lists_is_an_error_with_its_position() {
    let scratch = Scratch::new();
    scratch.write(
        "a.md",
        &assessment("Teams lose a day a month.", "5% by June."),
    );
    scratch.write(
        ".mrd.yml",
        "lint:\n  words:\n    metrics:\n      comparison: [triple]\n",
    );
    let output = scratch.mrd().args(["lint", "a.md"]).output().unwrap();
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert!(
        stderr.contains(".mrd.yml:4:7") && stderr.contains("lint.words.metrics.comparison"),
        "{stderr}"
    );
    assert!(stderr.contains("did you mean `comparisons`?"), "{stderr}");
}
