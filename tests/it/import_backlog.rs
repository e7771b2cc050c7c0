//! `mrd import` on whole backlogs and on the cases where nothing may be
//! dropped or swallowed, through the built binary.

use crate::common::{Scratch, fixture};
use mrd::assessment::parse;
use mrd::source::Source;
use predicates::prelude::*;

fn read(path: &std::path::Path) -> mrd::assessment::Assessment {
    let text = std::fs::read_to_string(path).unwrap();
    let parsed = parse(&Source::from_text(path.display().to_string(), text));
    assert!(parsed.problems.is_empty(), "{:?}", parsed.problems);
    parsed.assessment.unwrap()
}

#[test]
fn a_directory_is_one_run_with_one_report() {
    let scratch = Scratch::new();
    let backlog = scratch.path().join("backlog");
    std::fs::create_dir(&backlog).unwrap();
    for name in [
        "saas-gitlab-template.md",
        "glab-issues.json",
        "empty-template.md",
        "hugo-post.md",
    ] {
        std::fs::copy(fixture(&format!("import/{name}")), backlog.join(name)).unwrap();
    }
    // An assessment already in mrd's format is refused; the run goes on.
    scratch.write(
        "backlog/done.md",
        "---\ntitle: Done\nanswers:\n  problem: x\n---\n",
    );
    let output = scratch.mrd().args(["import", "backlog"]).output().unwrap();
    let stdout = String::from_utf8_lossy(&output.stdout);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(2), "{stdout}{stderr}");
    assert!(
        stdout.contains("template: 10 questions found, none answered"),
        "{stdout}"
    );
    assert!(stdout.contains("done.md: it starts with an mrd assessment's front-matter"));
    assert!(stdout.contains("glab-issues.json#57:"), "{stdout}");
    assert!(
        stdout.ends_with("6 documents: 4 written (4 complete), 2 not written\n"),
        "{stdout}"
    );
    assert!(
        stderr.contains("2 of 6 documents were not written"),
        "{stderr}"
    );
    let written: Vec<String> = std::fs::read_dir(scratch.path().join("assessments"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(written.len(), 4, "{written:?}");
    let kds = read(&scratch.path().join("assessments/kitchen-display-system.md"));
    assert_eq!(kds.front.author.as_ref().unwrap().value, "Tuan Nguyen");
    assert_eq!(
        kds.front.created.as_ref().unwrap().value.to_string(),
        "2024-03-12"
    );
}

#[test]
fn the_report_as_json_says_where_each_answer_came_from() {
    let scratch = Scratch::new();
    let output = scratch
        .mrd()
        .args(["import", "--dry-run", "--format", "json"])
        .arg(fixture("import/internal-tool-synonyms.md"))
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0));
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    let doc = &json["documents"][0];
    assert_eq!(doc["result"], "dry-run");
    let why_us = doc["questions"]
        .as_array()
        .unwrap()
        .iter()
        .find(|q| q["key"] == "differentiator")
        .unwrap();
    assert_eq!(why_us["line"], 23);
    assert_eq!(why_us["matched_by"], "synonym");
    assert_eq!(why_us["name"], "Why Us");
    assert_eq!(why_us["certainty"], "exact");
    assert_eq!(doc["decision"]["value"], "no-go");
    assert_eq!(doc["decision"]["line"], 46);
    assert!(
        doc["decision"]["from"]
            .as_str()
            .unwrap()
            .starts_with("Kill.")
    );
    assert!(
        !scratch.path().join("assessments").exists(),
        "--dry-run writes nothing"
    );
}

#[test]
fn the_text_report_names_the_match_and_the_decision_s_words() {
    let scratch = Scratch::new();
    scratch
        .mrd()
        .args(["import", "--dry-run"])
        .arg(fixture("import/nonprofit-wiki.md"))
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "nonprofit-wiki.md:8: question 1 (value proposition): **Pain:** Coordinators spend",
        ))
        .stdout(predicate::str::contains("[synonym \"Pain\", exact]"))
        .stdout(predicate::str::contains(
            "nonprofit-wiki.md:27: decision: undecided, from \"Defer until the March grant decision",
        ))
        .stdout(predicate::str::contains("title: **Opportunity:** Volunteer shift swapping"));
}

#[test]
fn standard_output_gets_exactly_the_assessment() {
    let scratch = Scratch::new();
    let output = scratch
        .mrd()
        .args(["import", "-o", "-"])
        .arg(fixture("import/jekyll-post.md"))
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0));
    let text = String::from_utf8(output.stdout).unwrap();
    assert!(text.starts_with("---\ntitle: Offline maps for field technicians\nauthor: Sam Okoro\ncreated: \"2023-11-14\"\n"), "{text}");
    // The blog's other keys are kept, after mrd's own.
    assert!(text.contains("\nlayout: post\n"), "{text}");
    let parsed = parse(&Source::from_text("x", text.clone()));
    assert!(parsed.problems.is_empty());
    // The report went to stderr, so stdout is only the file.
    assert!(String::from_utf8_lossy(&output.stderr).contains("question 1"));
    assert!(!scratch.path().join("assessments").exists());
}

#[test]
fn nothing_is_dropped_or_swallowed() {
    let scratch = Scratch::new();
    scratch.write(
        "issue.md",
        "# Offline sync\n\n## Opportunity Assessment\n\n**1. Exactly what problem will this solve?**\n\nSync fails offline.\n\n**2. What about the legal review?**\n\nLegal wants a DPA first.\n\n**3. How big is the opportunity?**\n\n4,000 teams.\n\n**10. Given the above, what's the recommendation?**\n\nPursue.\n\n### Appendix: interview notes\n\nEight interviews in May.\n\n---\n\nLast edited by Jo.\n",
    );
    scratch.mrd().args(["import", "issue.md"]).assert().code(1);
    let a = read(&scratch.path().join("assessments/offline-sync.md"));
    assert_eq!(
        a.front.answer_text("problem"),
        Some("Sync fails offline.\n")
    );
    assert_eq!(a.front.answer_text("market_size"), Some("4,000 teams.\n"));
    let rationale = a
        .front
        .recommendation
        .as_ref()
        .unwrap()
        .rationale
        .as_ref()
        .unwrap();
    assert_eq!(rationale.value, "Pursue.\n");
    for kept in [
        "## Opportunity Assessment",
        "**2. What about the legal review?**",
        "Legal wants a DPA first.",
        "### Appendix: interview notes",
        "Eight interviews in May.",
        "Last edited by Jo.",
    ] {
        assert!(
            a.body.contains(kept),
            "{kept:?} not in the notes:\n{}",
            a.body
        );
    }
}

#[test]
fn a_mostly_unplaced_document_says_so_plainly() {
    let scratch = Scratch::new();
    scratch
        .mrd()
        .args(["import"])
        .arg(fixture("import/travel-mostly-unplaced.md"))
        .assert()
        .code(1)
        .stdout(predicate::str::contains(
            "most of this document could not be placed",
        ));
    let a = read(
        &scratch
            .path()
            .join("assessments/trip-notes-group-booking-discounts.md"),
    );
    assert_eq!(a.front.status.as_ref().unwrap().value.as_str(), "draft");
    assert!(
        a.body
            .starts_with("<!-- mrd import: most of the imported document")
    );
}

#[test]
fn aliases_in_the_config_are_strict() {
    let scratch = Scratch::new();
    scratch.write(
        ".mrd.yml",
        "questions:\n  problem:\n    alias: [QUEL PROBLÈME]\n",
    );
    scratch.write("x.md", "## QUEL PROBLÈME\n\nx\n");
    scratch
        .mrd()
        .args(["import", "x.md"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "error[config]: unknown setting `questions.problem.alias`\n",
        ))
        .stderr(predicate::str::contains(".mrd.yml:3:5\n"))
        .stderr(predicate::str::contains(
            "did you mean `questions.problem.aliases`?",
        ));
    scratch.write(
        ".mrd.yml",
        "questions:\n  problem:\n    aliases: [QUEL PROBLÈME]\n",
    );
    scratch
        .mrd()
        .args(["import", "x.md", "--dry-run"])
        .assert()
        .code(1)
        .stdout(predicate::str::contains("[alias \"QUEL PROBLÈME\", exact]"));
}

#[test]
fn several_inputs_refuse_a_single_title_or_file() {
    let scratch = Scratch::new();
    let (a, b) = (
        fixture("import/hugo-post.md"),
        fixture("import/jekyll-post.md"),
    );
    scratch
        .mrd()
        .arg("import")
        .args([&a, &b])
        .args(["--title", "X"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("--title names one document"));
    scratch
        .mrd()
        .arg("import")
        .args([&a, &b])
        .args(["-o", "-"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("-o - prints one assessment"));
}

#[test]
fn a_long_document_s_report_lists_the_first_lines_and_counts_the_rest() {
    let scratch = Scratch::new();
    let mut text = String::from("# Big document\n\n");
    for i in 0..5000 {
        text.push_str(&format!("## Section {i}\n\nSome text about item {i}.\n\n"));
    }
    text.push_str("## Why now?\n\nA rule changed in May.\n");
    scratch.write("big.md", &text);
    let output = scratch
        .mrd()
        .args(["import", "--dry-run", "big.md"])
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert_eq!(output.status.code(), Some(1), "{stdout}");
    let unmatched = stdout.matches(": not matched, kept in the notes: ").count();
    assert_eq!(unmatched, 10, "{stdout}");
    assert!(
        stdout.contains(
            "big.md:23: and 9990 more lines not matched, kept in the notes (lines 23 to 20001)\n"
        ),
        "{stdout}"
    );
    assert!(stdout.contains("big.md:20003: question 6 (market window): ## Why now?"));
    assert!(stdout.lines().count() < 20, "{stdout}");
    // Nothing was dropped: every section is in the notes the file would get.
    let written = scratch
        .mrd()
        .args(["import", "-o", "-", "big.md"])
        .output()
        .unwrap();
    let assessment = String::from_utf8(written.stdout).unwrap();
    assert!(assessment.contains("## Section 0\n\nSome text about item 0."));
    assert!(assessment.contains("## Section 4999\n\nSome text about item 4999."));

    let json = scratch
        .mrd()
        .args(["import", "--dry-run", "--format", "json", "big.md"])
        .output()
        .unwrap();
    let json: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
    let doc = &json["documents"][0];
    assert_eq!(doc["unplaced"].as_array().unwrap().len(), 10);
    assert_eq!(
        doc["omitted"],
        serde_json::json!([{"kind": "unmatched", "count": 9990, "first_line": 23, "last_line": 20001}])
    );
}

/// A GitLab description template's quick actions: the labels and milestone
/// they set become the assessment's own; the rest (`/assign`, `/due`) are
/// skipped, and every one is in the report.
#[test]
fn a_templates_label_and_milestone_quick_actions_become_front_matter() {
    let scratch = Scratch::new();
    scratch.write(
        "issue.md",
        "## Problem\n\nShops lose sales to stock drift.\n\n/assign @dana\n/label ~backend ~\"opportunity assessment\"\n/milestone %\"Fri: July 9, 2021\"\n/due tomorrow\n",
    );
    let run = scratch
        .mrd()
        .args(["import", "issue.md", "-o", "-", "--title", "Stock drift"])
        .output()
        .expect("mrd import");
    let out = String::from_utf8(run.stdout).unwrap();
    let report = String::from_utf8(run.stderr).unwrap();
    let parsed = parse(&Source::from_text("out.md", out.clone()));
    assert!(parsed.problems.is_empty(), "{:?}", parsed.problems);
    let front = parsed.assessment.expect("an assessment").front;
    let labels: Vec<&str> = front.labels.iter().map(|l| l.value.as_str()).collect();
    assert_eq!(labels, ["backend", "opportunity assessment"]);
    assert_eq!(
        front.milestone.as_ref().map(|m| m.value.as_str()),
        Some("Fri: July 9, 2021")
    );
    assert!(
        report.contains("issue.md:6: read into the front-matter: /label"),
        "{report}"
    );
    assert!(
        report.contains("issue.md:7: read into the front-matter: /milestone"),
        "{report}"
    );
    assert!(
        report.contains("issue.md:5: skipped (generated text): /assign @dana"),
        "{report}"
    );
    assert!(
        !out.contains("/assign"),
        "quick actions are not content: {out}"
    );
}

/// "Answer:" under each question is the form's label, not the answer's
/// first word, and "How big?" in a numbered list is a question's label.
#[test]
fn answer_labels_are_not_part_of_the_answer() {
    let scratch = Scratch::new();
    let run = scratch
        .mrd()
        .args(["import", "-o", "-"])
        .arg(fixture("import/logistics-answer-lines.md"))
        .output()
        .expect("mrd import");
    let out = String::from_utf8(run.stdout).unwrap();
    let a = parse(&Source::from_text("out.md", out.clone()))
        .assessment
        .expect("an assessment");
    assert_eq!(
        a.front.answer_text("market_size"),
        Some("~1,800 such 3PLs in North America.\n")
    );
    assert_eq!(
        a.front.answer_text("problem"),
        Some("Warehouse pickers walk 11 km a shift because pick lists ignore bin layout.\n")
    );
    assert!(!out.contains("Answer:"), "{out}");
}

/// The report quotes where a decision was read on one line, even when the
/// sentence runs onto the next line of the document.
#[test]
fn a_decision_read_across_two_lines_is_quoted_on_one() {
    let scratch = Scratch::new();
    let run = scratch
        .mrd()
        .args(["import", "-o", "-"])
        .arg(fixture("import/sso-bold-labels-emoji.md"))
        .output()
        .expect("mrd import");
    let report = String::from_utf8(run.stderr).unwrap();
    assert!(
        report.contains("decision: go, from \"✅ Go _cc @vp-product for sign-off_\"\n"),
        "{report}"
    );
    assert!(
        report
            .lines()
            .all(|l| l.contains("sso-bold-labels-emoji.md")),
        "every report line names the file: {report}"
    );
}
