//! `mrd summary` through the real binary: the contradiction rules, the
//! readiness edge cases, every format, every filter, and a directory that
//! mixes valid and broken files.

use crate::common;

use crate::common::{Scratch, fixture, mrd};
use serde_json::Value;
use unicode_width::UnicodeWidthStr;

fn summary_fixture(name: &str) -> String {
    fixture("summary").join(name).display().to_string()
}

/// Runs `mrd summary ARGS --format json` and returns the document.
fn json(args: &[&str]) -> Value {
    let output = mrd()
        .arg("summary")
        .args(args)
        .args(["--format", "json"])
        .output()
        .unwrap();
    serde_json::from_slice(&output.stdout)
        .unwrap_or_else(|err| panic!("{err}: {}", String::from_utf8_lossy(&output.stdout)))
}

/// The one assessment of a fixture file, as JSON.
fn one(name: &str) -> Value {
    let doc = json(&[&summary_fixture(name)]);
    assert_eq!(doc["assessments"].as_array().unwrap().len(), 1, "{doc}");
    doc["assessments"][0].clone()
}

fn rules(assessment: &Value) -> Vec<String> {
    assessment["verdict"]["contradictions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["rule"].as_str().unwrap().to_string())
        .collect()
}

fn stdout(cmd: &mut assert_cmd::Command) -> String {
    String::from_utf8(cmd.output().unwrap().stdout).unwrap()
}

fn titles(doc: &Value) -> Vec<String> {
    doc["assessments"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["title"].as_str().unwrap().to_string())
        .collect()
}

// --- contradiction rules -------------------------------------------------

#[test]
fn go_at_risk_names_the_missing_and_doubtful_answers() {
    let a = one("go-at-risk.md");
    assert_eq!(
        a["verdict"]["text"],
        "GO, at risk: market size missing; metrics/revenue strategy low confidence"
    );
    assert_eq!(rules(&a), ["go-at-risk"]);
    assert_eq!(
        a["verdict"]["contradictions"][0]["reasons"],
        serde_json::json!([
            "market size missing",
            "metrics/revenue strategy low confidence"
        ])
    );
}

#[test]
fn go_without_a_rationale_is_at_risk() {
    let a = one("go-unexplained.md");
    assert_eq!(a["verdict"]["text"], "GO, at risk: no rationale");
    assert_eq!(a["readiness_parts"]["decision"], 10);
}

#[test]
fn no_go_with_high_readiness_asks_for_a_second_look() {
    let a = one("no-go-high-readiness.md");
    assert_eq!(
        a["verdict"]["text"],
        "NO-GO with high readiness (100): worth a second look"
    );
    assert_eq!(rules(&a), ["no-go-high-readiness"]);
}

#[test]
fn no_go_without_a_rationale_is_unexplained() {
    let a = one("no-go-unexplained.md");
    assert!(rules(&a).contains(&"no-go-unexplained".to_string()), "{a}");
    assert!(
        a["verdict"]["text"]
            .as_str()
            .unwrap()
            .ends_with("; unexplained: no rationale")
    );
}

#[test]
fn undecided_with_the_evidence_in_is_ready_to_decide() {
    let a = one("ready-but-undecided.md");
    assert_eq!(
        a["verdict"]["text"],
        "UNDECIDED, but the evidence is in: ready to decide"
    );
    assert_eq!(rules(&a), ["ready-but-undecided"]);
}

#[test]
fn decided_status_without_a_decision_is_named() {
    let a = one("decided-without-decision.md");
    assert_eq!(a["verdict"]["text"], "UNDECIDED, but status is decided");
    assert_eq!(
        rules(&a),
        ["decided-without-decision"],
        "metrics is missing, so not ready to decide"
    );
}

#[test]
fn a_supported_decision_has_no_contradictions() {
    let a = one("all-high.md");
    assert_eq!(a["verdict"]["text"], "GO");
    assert!(rules(&a).is_empty());
    assert_eq!(a["risks"], serde_json::json!([]));
}

// --- readiness edge cases -------------------------------------------------

#[test]
fn readiness_is_zero_when_nothing_is_answered_and_nothing_decided() {
    let a = one("nothing-answered.md");
    assert_eq!(a["readiness"], 0);
    assert_eq!(a["answered"], 0);
    assert_eq!(a["required"], 9);
    assert!(
        a["evidence"]
            .as_array()
            .unwrap()
            .iter()
            .all(|e| e["strength"] == "none" && e["weight"] == 0.0)
    );
    assert_eq!(a["verdict"]["text"], "NO DECISION");
}

#[test]
fn readiness_is_a_hundred_with_every_answer_high_and_an_explained_decision() {
    let a = one("all-high.md");
    assert_eq!(a["readiness"], 100);
    assert_eq!(
        a["readiness_parts"],
        serde_json::json!({"score": 100, "evidence": 80, "decision": 20})
    );
}

#[test]
fn readiness_counts_unstated_confidence_as_half() {
    // Nine answers, none with a confidence, no decision: 80 × 0.5 = 40.
    let s = Scratch::new();
    let text = std::fs::read_to_string(fixture("summary/all-high.md")).unwrap();
    let start = text.find("confidence:").unwrap();
    let end = text.find("---\n## Notes").unwrap();
    s.write("a.md", &format!("{}{}", &text[..start], &text[end..]));
    let out = s
        .mrd()
        .args(["summary", "a.md", "--format", "json"])
        .output()
        .unwrap();
    let doc: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(doc["assessments"][0]["readiness"], 40);
}

// --- formats --------------------------------------------------------------

#[test]
fn the_table_fits_80_columns_and_truncates_long_titles() {
    let s = Scratch::new();
    let long = "A very long opportunity title that goes on and on about managed scheduling for self-hosted pipelines";
    s.write("assessments/long.md", &format!("---\ntitle: {long}\nstatus: draft\nauthor: Someone With A Long Name\nmilestone: 2026-W48\n---\n"));
    s.write(
        "assessments/short.md",
        "---\ntitle: Short\nrecommendation:\n  decision: go\n---\n",
    );
    let out = stdout(s.mrd().args(["summary"]));
    for line in out.lines() {
        assert!(line.width() <= 80, "{} columns: {line:?}", line.width());
    }
    assert!(out.contains("A very long opportunity title"), "{out}");
    assert!(out.contains('…'), "{out}");
    assert!(!out.contains(long), "the title is cut: {out}");
    assert!(out.contains("assessments/long.md"), "{out}");
    assert!(!out.contains('\x1b'), "no colour when piped: {out:?}");
}

#[test]
fn a_wide_table_has_one_line_per_assessment_with_every_column() {
    let out = stdout(mrd().args(["summary", "examples/", "--width", "200"]));
    let lines: Vec<&str> = out.lines().collect();
    assert!(lines[0].starts_with("DECISION"), "{out}");
    for header in [
        "READY",
        "DONE",
        "TITLE",
        "STATUS",
        "MILESTONE",
        "AUTHOR",
        "PATH",
    ] {
        assert!(lines[0].contains(header), "{header}: {out}");
    }
    assert!(
        lines[1].starts_with("GO ")
            && lines[1].contains("Priya Raman")
            && lines[1].ends_with("examples/managed-scheduler.md"),
        "{out}"
    );
    assert!(
        lines[2].starts_with("NO-GO ") && lines[2].contains("2026-W40"),
        "{out}"
    );
    assert!(
        lines[3].starts_with("NO DECISION ") && lines[3].contains(" 3/9 "),
        "{out}"
    );
    assert_eq!(
        lines[5],
        "1 go, 1 no-go, 1 undecided, 1 incomplete (3 assessments)"
    );
}

#[test]
fn the_80_column_table_of_the_examples() {
    insta::assert_snapshot!(stdout(mrd().args(["summary", "examples/"])));
}

#[test]
fn decisions_are_coloured_with_color_always_even_with_no_color_set() {
    let out = stdout(mrd().args(["--color", "always", "summary", "examples/"]));
    assert!(out.contains("\x1b[1m\x1b[32mGO"), "green go: {out:?}");
    assert!(out.contains("\x1b[1m\x1b[31mNO-GO"), "red no-go: {out:?}");
    assert!(
        out.contains("\x1b[1m\x1b[33mNO DECISION"),
        "yellow no decision: {out:?}"
    );
    let plain = stdout(mrd().args(["--color", "never", "summary", "examples/"]));
    assert!(!plain.contains('\x1b'));
}

#[test]
fn one_file_shows_its_evidence_question_by_question() {
    let out = stdout(mrd().args(["summary", &summary_fixture("go-at-risk.md")]));
    assert!(out.starts_with("Go at risk\n"), "{out}");
    assert!(
        out.contains("  Verdict    GO, at risk: market size missing; metrics/revenue strategy low confidence\n"),
        "{out}"
    );
    assert!(out.contains("  Readiness   85/100"), "{out}");
    assert!(
        out.contains("   1  value proposition         ██████████  high\n"),
        "{out}"
    );
    assert!(
        out.contains("   3  market size               ░░░░░░░░░░  missing\n"),
        "{out}"
    );
    assert!(
        out.contains("   8  metrics/revenue strategy  ███░░░░░░░  low\n"),
        "{out}"
    );
    assert!(
        out.contains("  10  recommendation            go, with a rationale\n"),
        "{out}"
    );
    assert!(
        out.contains(
            "Risks\n  ✗ market size missing\n  ! metrics/revenue strategy low confidence\n"
        ),
        "{out}"
    );
}

#[test]
fn the_evidence_view_of_an_example() {
    insta::assert_snapshot!(stdout(
        mrd().args(["summary", "examples/hosted-notebooks.md"])
    ));
}

#[test]
fn a_directory_with_one_file_is_still_a_table() {
    let s = Scratch::new();
    s.write("assessments/only.md", "---\ntitle: Only\n---\n");
    let out = stdout(s.mrd().args(["summary", "assessments"]));
    assert!(out.starts_with("DECISION"), "{out}");
}

#[test]
fn markdown_is_headed_for_the_weekly_kickoff() {
    let out = stdout(mrd().args([
        "summary",
        "examples/",
        "--format",
        "markdown",
        "--milestone",
        "2026-W44",
    ]));
    assert!(
        out.starts_with("# Weekly Kickoff for Milestone - 2026-W44\n\n"),
        "{out}"
    );
    assert!(out.contains("| **GO** | 87 | 9/9 | Managed scheduler for self-hosted pipelines | decided | Priya Raman | 2026-W44 | `examples/managed-scheduler.md` |"), "{out}");
    assert!(
        !out.contains("Hosted notebooks"),
        "other milestones are filtered out: {out}"
    );
    assert!(
        out.contains("**Totals:** 1 go, 0 no-go, 0 undecided, 0 incomplete (1 assessment)"),
        "{out}"
    );
}

#[test]
fn markdown_of_the_examples() {
    insta::assert_snapshot!(stdout(mrd().args([
        "summary",
        "examples/",
        "--format",
        "markdown"
    ])));
}

#[test]
fn markdown_escapes_what_users_wrote() {
    let s = Scratch::new();
    s.write(
        "assessments/x.md",
        "---\ntitle: \"Pipes | and *stars* <b>\"\nauthor: \"a|b\"\n---\n",
    );
    let out = stdout(s.mrd().args(["summary", "--format", "markdown"]));
    assert!(
        out.contains("| Pipes \\| and \\*stars\\* \\<b\\> | - | a\\|b |"),
        "{out}"
    );
    assert!(out.starts_with("# Opportunity assessments\n"), "{out}");
}

#[test]
fn json_follows_the_documented_schema() {
    let doc = json(&["examples/"]);
    assert_eq!(doc["schema"], "mrd-summary/1");
    assert_eq!(
        doc["totals"],
        serde_json::json!({"assessments": 3, "go": 1, "no_go": 1, "undecided": 1, "incomplete": 1, "errors": 0})
    );
    let a = &doc["assessments"][0];
    for key in [
        "path",
        "complete",
        "decision_label",
        "title",
        "status",
        "decision",
        "answered",
        "required",
        "unanswered",
        "low_confidence",
        "author",
        "milestone",
        "labels",
        "has_rationale",
        "readiness",
        "readiness_parts",
        "evidence",
        "risks",
        "verdict",
    ] {
        assert!(a.get(key).is_some(), "missing {key}: {a}");
    }
    for key in [
        "key",
        "number",
        "short_name",
        "required",
        "answered",
        "confidence",
        "strength",
        "lint_errors",
        "lint_warnings",
        "weight",
    ] {
        assert!(
            a["evidence"][0].get(key).is_some(),
            "missing evidence.{key}"
        );
    }
    let draft = &doc["assessments"][2];
    assert_eq!(draft["decision"], Value::Null);
    assert_eq!(
        draft["risks"][0],
        serde_json::json!({"kind": "missing-answer", "level": "error", "question": "market_size", "message": "market size missing"})
    );
    assert_eq!(doc["errors"], serde_json::json!([]));
}

#[test]
fn csv_has_a_header_and_one_row_per_assessment() {
    let out = stdout(mrd().args(["summary", "examples/", "--format", "csv"]));
    let lines: Vec<&str> = out.split_terminator("\r\n").collect();
    assert_eq!(lines.len(), 4, "{out:?}");
    assert_eq!(
        lines[0],
        "path,decision,readiness,answered,required,complete,title,status,author,milestone,labels,unanswered,low_confidence,risks,verdict,error"
    );
    assert!(lines[1].starts_with("examples/managed-scheduler.md,go,87,9,9,true,Managed scheduler for self-hosted pipelines,decided,Priya Raman,2026-W44,opportunity-assessment;scheduling,"), "{out}");
    assert!(
        lines[3].starts_with("examples/data-contracts-draft.md,,20,3,9,false,"),
        "{out}"
    );
}

#[test]
fn csv_quotes_commas_and_defuses_formulas() {
    let s = Scratch::new();
    s.write(
        "assessments/x.md",
        "---\ntitle: \"=HYPERLINK(\\\"http://x\\\"), really\"\n---\n",
    );
    let out = stdout(s.mrd().args(["summary", "--format", "csv"]));
    assert!(
        out.contains(",\"'=HYPERLINK(\"\"http://x\"\"), really\","),
        "{out}"
    );
}

#[test]
fn html_is_a_standalone_page_with_a_chart_coloured_by_decision() {
    let out = stdout(mrd().args([
        "summary",
        "examples/",
        "--format",
        "html",
        "--milestone",
        "2026-W44",
        "--milestone",
        "2026-W40",
    ]));
    assert!(
        out.starts_with("<!DOCTYPE html>\n<html lang=\"en\">"),
        "{out}"
    );
    assert!(out.trim_end().ends_with("</html>"));
    assert!(
        out.contains("<title>Opportunity assessments · "),
        "two milestones: no kickoff heading"
    );
    assert!(!out.to_lowercase().contains("<script"), "no JavaScript");
    assert!(
        !out.contains("<link") && !out.contains("src=") && !out.contains("@import"),
        "no external assets"
    );
    // Bars as wide as the readiness, green for go, red for no-go.
    assert!(
        out.contains(r##"style="width:87%;background-color:#2e7d32""##),
        "go bar: {out}"
    );
    assert!(
        out.contains(r##"style="width:77%;background-color:#c62828""##),
        "no-go bar: {out}"
    );
    assert!(out.contains("<td class=\"path\">examples/managed-scheduler.md</td>"));
}

#[test]
fn html_escapes_what_users_wrote() {
    let s = Scratch::new();
    s.write("assessments/x.md", "---\ntitle: \"<script>alert(1)</script> & <img onerror=x>\"\nmilestone: \"<b>W1</b>\"\n---\n");
    let out = stdout(
        s.mrd()
            .args(["summary", "--format", "html", "--milestone", "<b>W1</b>"]),
    );
    assert!(!out.contains("<script>alert"), "{out}");
    assert!(!out.contains("<img"), "{out}");
    assert!(!out.contains("<b>W1"), "{out}");
    assert!(
        out.contains("<h1>Weekly Kickoff for Milestone - &lt;b&gt;W1&lt;/b&gt;</h1>"),
        "{out}"
    );
    assert!(
        out.contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; &lt;img onerror=x&gt;"),
        "{out}"
    );
}

// --- filters --------------------------------------------------------------

#[test]
fn filter_by_status() {
    let doc = json(&[&summary_fixture("mixed"), "--status", "draft,review"]);
    assert_eq!(
        titles(&doc),
        ["Mixed, a go", "Mixed, undecided", "Mixed, a draft"]
    );
}

#[test]
fn filter_by_decision_including_none() {
    let doc = json(&[
        &summary_fixture("mixed"),
        "--decision",
        "no-go",
        "--decision",
        "none",
    ]);
    assert_eq!(titles(&doc), ["Mixed, a no-go", "Mixed, a draft"]);
}

#[test]
fn filter_by_milestone() {
    let doc = json(&[&summary_fixture("mixed"), "--milestone", "2026-W47"]);
    assert_eq!(titles(&doc), ["Mixed, a go", "Mixed, a no-go"]);
    assert_eq!(doc["heading"], "Weekly Kickoff for Milestone - 2026-W47");
}

#[test]
fn filter_by_label_needs_every_label() {
    let doc = json(&[&summary_fixture("mixed"), "--label", "scheduling"]);
    assert_eq!(titles(&doc), ["Mixed, a go", "Mixed, a draft"]);
    let doc = json(&[
        &summary_fixture("mixed"),
        "--label",
        "scheduling",
        "--label",
        "nope",
    ]);
    assert!(titles(&doc).is_empty());
}

#[test]
fn filters_combine() {
    let doc = json(&[
        &summary_fixture("mixed"),
        "--label",
        "scheduling",
        "--status",
        "draft",
    ]);
    assert_eq!(titles(&doc), ["Mixed, a draft"]);
}

#[test]
fn an_unknown_filter_value_is_a_usage_error() {
    let out = mrd()
        .args(["summary", "examples/", "--decision", "maybe"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("`maybe` is not one of go | no-go | undecided | none"),
        "{err}"
    );
}

// --- a directory mixing valid and broken files ---------------------------

#[test]
fn broken_files_are_listed_with_their_error_and_do_not_stop_the_others() {
    let out = mrd()
        .args(["summary", &summary_fixture("mixed")])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let text = String::from_utf8(out.stdout).unwrap();
    for title in [
        "Mixed, a go",
        "Mixed, a no-go",
        "Mixed, undecided",
        "Mixed, a draft",
    ] {
        assert!(text.contains(title), "{title}: {text}");
    }
    for error in [
        "mixed/broken-status.md:3:9: invalid value `maybe` for `status`",
        "mixed/broken-yaml.md:4:12:",
        "mixed/no-front-matter.md:1:1: the file has no front-matter",
        "mixed/not-utf8.md:2:16: cannot read: the file is not valid UTF-8 text",
    ] {
        assert!(text.contains(error), "{error}: {text}");
    }
    assert!(
        text.ends_with(
            "1 go, 1 no-go, 2 undecided, 1 incomplete (4 assessments, 4 unreadable files)\n"
        ),
        "{text}"
    );
}

#[test]
fn broken_files_are_in_every_format_and_survive_filters() {
    let doc = json(&[&summary_fixture("mixed"), "--decision", "go"]);
    assert_eq!(titles(&doc), ["Mixed, a go"]);
    let errors = doc["errors"].as_array().unwrap();
    assert_eq!(errors.len(), 4, "{doc}");
    assert_eq!(errors[0]["line"], 3);
    assert_eq!(errors[0]["column"], 9);
    assert!(
        errors[0]["path"]
            .as_str()
            .unwrap()
            .ends_with("broken-status.md")
    );

    let md = stdout(mrd().args(["summary", &summary_fixture("mixed"), "--format", "markdown"]));
    assert!(md.contains("## Could not be read"), "{md}");
    assert!(md.contains("broken-status.md:3:9`: invalid value"), "{md}");
    let csv = stdout(mrd().args(["summary", &summary_fixture("mixed"), "--format", "csv"]));
    assert_eq!(csv.split_terminator("\r\n").count(), 1 + 4 + 4, "{csv}");
    let html = stdout(mrd().args(["summary", &summary_fixture("mixed"), "--format", "html"]));
    assert!(
        html.contains("no-front-matter.md:1:1: the file has no front-matter"),
        "{html}"
    );
}

#[test]
fn rows_are_sorted_by_decision_then_readiness() {
    let doc = json(&[&fixture("summary").display().to_string()]);
    let rows: Vec<(String, u64)> = doc["assessments"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| {
            (
                a["decision_label"].as_str().unwrap().to_string(),
                a["readiness"].as_u64().unwrap(),
            )
        })
        .collect();
    let rank = |label: &str| {
        ["GO", "NO-GO", "UNDECIDED", "NO DECISION"]
            .iter()
            .position(|l| *l == label)
            .unwrap()
    };
    for pair in rows.windows(2) {
        let (a, b) = (&pair[0], &pair[1]);
        assert!(
            rank(&a.0) < rank(&b.0) || (rank(&a.0) == rank(&b.0) && a.1 >= b.1),
            "{rows:?}"
        );
    }
    assert_eq!(rows.first().unwrap().0, "GO");
    assert_eq!(rows.last().unwrap().0, "NO DECISION");
}

#[test]
fn the_default_input_is_the_configured_assessments_directory() {
    let s = Scratch::new();
    s.write(".mrd.yml", "assessments: docs/mrd\n");
    s.write("docs/mrd/a.md", "---\ntitle: Configured\n---\n");
    let out = stdout(s.mrd().args(["summary", "--format", "csv"]));
    assert!(out.contains("Configured"), "{out}");
}

#[test]
fn every_contradiction_rule_is_documented() {
    let docs = std::fs::read_to_string(common::repo().join("docs/summary.md")).unwrap();
    for (rule, _) in mrd::summary::verdict::RULES {
        assert!(
            docs.contains(&format!("### `{rule}`")),
            "docs/summary.md has no section for {rule}"
        );
    }
    assert_eq!(mrd::summary::report::json::SCHEMA, "mrd-summary/1");
    assert!(docs.contains("\"schema\": \"mrd-summary/1\""));
}

#[test]
fn standard_input_is_one_assessment() {
    let text = std::fs::read_to_string(fixture("summary/go-at-risk.md")).unwrap();
    let out = mrd()
        .args(["summary", "-"])
        .write_stdin(text)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let out = String::from_utf8(out.stdout).unwrap();
    assert!(out.starts_with("Go at risk\n<stdin> · review"), "{out}");
}

#[test]
fn a_missing_path_is_a_usage_error() {
    let out = mrd().args(["summary", "no/such/dir"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(
        String::from_utf8_lossy(&out.stderr)
            .contains("error[io]: no such file or directory\n--> no/such/dir")
    );
}

#[test]
fn the_evidence_view_colours_weak_spots_with_color_always() {
    let out = stdout(mrd().args([
        "--color",
        "always",
        "summary",
        &summary_fixture("go-at-risk.md"),
    ]));
    assert!(
        out.contains("market size               \x1b[31m░░░░░░░░░░  missing\x1b[0m"),
        "{out:?}"
    );
    assert!(
        out.contains("metrics/revenue strategy  \x1b[33m███░░░░░░░  low\x1b[0m"),
        "{out:?}"
    );
    assert!(
        out.contains("value proposition         \x1b[32m██████████  high\x1b[0m"),
        "{out:?}"
    );
}

#[test]
fn one_broken_file_is_its_error() {
    let out = mrd()
        .args(["summary", &summary_fixture("mixed/broken-status.md")])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.starts_with("error: "), "{text}");
    assert!(
        text.contains("broken-status.md:3:9: invalid value `maybe` for `status`"),
        "{text}"
    );
}

#[test]
fn html_of_the_examples() {
    // The page is dated the day it is made.
    insta::assert_snapshot!(stdout(mrd().env("MRD_TODAY", "2026-11-20").args([
        "summary",
        "examples/",
        "--format",
        "html"
    ])));
}
