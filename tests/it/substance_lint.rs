//! Issue 16 through the real binary: MRD011 no longer passes a version
//! number as a target, MRD012 catches a problem written as the tool's
//! effect, the substance rules MRD016–MRD021 find the issue's weak answers
//! with their subjects and obey every way of setting a level, none judges an
//! answer in another language, and `.mrd.yml`'s `lint.words` changes what
//! they know (strictly: a typo is an error with a position).

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

/// `mrd lint --format json a.md` with `args` in `scratch`: the exit code
/// and the findings, as JSON.
fn report(scratch: &Scratch, args: &[&str]) -> (i32, Vec<Value>) {
    let output = scratch
        .mrd()
        .args(["lint", "--format", "json", "a.md"])
        .args(args)
        .output()
        .unwrap();
    let report: Value = serde_json::from_slice(&output.stdout).expect("valid JSON");
    let diagnostics = report["diagnostics"].as_array().unwrap().clone();
    (output.status.code().unwrap(), diagnostics)
}

/// `mrd lint --format json` in `scratch`: exit code and (code, message) of
/// each finding.
fn lint(scratch: &Scratch) -> (i32, Vec<(String, String)>) {
    let (code, diagnostics) = report(scratch, &[]);
    let findings = diagnostics
        .iter()
        .map(|d| {
            (
                d["code"].as_str().unwrap().to_string(),
                d["message"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    (code, findings)
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

/// A problem that opens with a label and its colon is a solution, quoted
/// with its label; one that opens with a noun that starts like an
/// imperative ("Build engineers") is a problem.
#[test]
fn a_labelled_solution_is_flagged_and_a_noun_that_looks_like_an_imperative_is_not() {
    let scratch = Scratch::new();
    let metrics = "Weekly active schedules from 0 to 500 by 2027-06-30.";
    scratch.write(
        "a.md",
        &assessment(
            "**Idea:** a Slack bot that nudges reviewers about stale merge requests.",
            metrics,
        ),
    );
    assert_eq!(
        lint(&scratch),
        (
            0,
            vec![(
                "MRD012".to_string(),
                "the problem answer starts with a solution (\"Idea…\")".to_string()
            )]
        )
    );
    scratch.write(
        "a.md",
        &assessment(
            "Build engineers at car makers re-flash test rigs by hand after each failed nightly run.",
            metrics,
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

/// The issue's weak answers, one per substance rule, in an otherwise clean
/// assessment; `lint` adds front-matter lines (a file's own allow list).
fn weak_assessment(lint: &str) -> String {
    let clean = std::fs::read_to_string(common::fixture("lint/clean.md")).unwrap();
    let replace = |text: String, key: &str, next: &str, answer: &str| {
        let at = text.find(&format!("  {key}: |")).unwrap();
        let end = text.find(&format!("  {next}:")).unwrap();
        format!("{}  {key}: {answer:?}\n{}", &text[..at], &text[end..])
    };
    let text = replace(
        clean,
        "target_market",
        "market_size",
        "Mobile App Users (all segments)",
    );
    let text = replace(
        text,
        "market_size",
        "alternatives",
        "Two (maybe more) shops in the Twin Cities.",
    );
    let text = replace(
        text,
        "differentiator",
        "market_window",
        "I don't have any special aptitude for this, but I care.",
    );
    let text = replace(
        text,
        "market_window",
        "go_to_market",
        "Nobody seems to have a solution for this problem right now.",
    );
    let text = replace(
        text,
        "go_to_market",
        "metrics",
        "Direct sales to platform teams.\n**How big is the opportunity?** Large.",
    );
    let at = text.find("  rationale:").unwrap();
    let end = text[at..].find("\n---").map(|i| at + i).unwrap();
    let text = format!("{}  rationale: Yes — pursue.{}", &text[..at], &text[end..]);
    text.replacen("---\n", &format!("---\n{lint}"), 1)
}

/// `mrd lint --format json` with `args`: exit code and (code, subject) of
/// each finding.
fn findings(scratch: &Scratch, args: &[&str]) -> (i32, Vec<(String, String)>) {
    let (code, diagnostics) = report(scratch, args);
    let found = diagnostics
        .iter()
        .map(|d| {
            let subject = &d["subject"];
            let about = subject["key"]
                .as_str()
                .or(subject["part"].as_str())
                .unwrap_or_default();
            (d["code"].as_str().unwrap().to_string(), about.to_string())
        })
        .collect();
    (code, found)
}

fn pairs(list: &[(&str, &str)]) -> Vec<(String, String)> {
    list.iter()
        .map(|(a, b)| (a.to_string(), b.to_string()))
        .collect()
}

#[test]
fn the_issues_weak_answers_are_found_each_about_its_answer() {
    let scratch = Scratch::new();
    scratch.write("a.md", &weak_assessment(""));
    let (code, found) = findings(&scratch, &[]);
    assert_eq!(code, 0, "warnings by default");
    assert_eq!(
        found,
        pairs(&[
            ("MRD017", "target_market"),
            ("MRD016", "market_size"),
            ("MRD018", "differentiator"),
            ("MRD019", "market_window"),
            ("MRD020", "go_to_market"),
            ("MRD021", "rationale"),
        ])
    );
}

#[test]
fn substance_rules_obey_the_command_line_the_config_and_the_file() {
    let scratch = Scratch::new();
    scratch.write("a.md", &weak_assessment(""));
    let (code, found) = findings(
        &scratch,
        &["--deny", "weak-market-size", "--allow", "MRD020"],
    );
    assert_eq!(code, 1, "a denied rule fails the run");
    let codes: Vec<&str> = found.iter().map(|(c, _)| c.as_str()).collect();
    assert_eq!(codes, ["MRD017", "MRD016", "MRD018", "MRD019", "MRD021"]);

    scratch.write(
        ".mrd.yml",
        "lint:\n  rules:\n    everyone-market: allow\n    MRD021: allow\n",
    );
    let (_, found) = findings(&scratch, &[]);
    let codes: Vec<&str> = found.iter().map(|(c, _)| c.as_str()).collect();
    assert_eq!(codes, ["MRD016", "MRD018", "MRD019", "MRD020"]);

    scratch.write(
        "a.md",
        &weak_assessment("lint: {allow: [no-differentiator, MRD019]}\n"),
    );
    let (_, found) = findings(&scratch, &[]);
    let codes: Vec<&str> = found.iter().map(|(c, _)| c.as_str()).collect();
    assert_eq!(codes, ["MRD016", "MRD020"]);
}

#[test]
fn rules_and_explain_show_the_substance_rules() {
    let scratch = Scratch::new();
    let output = scratch.mrd().args(["rules"]).output().unwrap();
    let listing = String::from_utf8(output.stdout).unwrap();
    for (code, name) in [
        ("MRD016", "weak-market-size"),
        ("MRD017", "everyone-market"),
        ("MRD018", "no-differentiator"),
        ("MRD019", "why-now-without-change"),
        ("MRD020", "question-in-answer"),
        ("MRD021", "weak-rationale"),
    ] {
        let line = listing
            .lines()
            .find(|l| l.starts_with(code))
            .unwrap_or_else(|| panic!("{code} not listed:\n{listing}"));
        assert!(line.contains("warning") && line.contains(name), "{line}");
        let output = scratch
            .mrd()
            .args(["lint", "--explain", name])
            .output()
            .unwrap();
        assert!(output.status.success());
        let text = String::from_utf8(output.stdout).unwrap();
        for section in ["What it checks", "Why it matters", "Example", "Instead"] {
            assert!(text.contains(section), "{code}: {text}");
        }
    }
}

#[test]
fn a_placeholder_is_placeholder_answers_business_not_a_substance_finding() {
    let scratch = Scratch::new();
    let text = weak_assessment("")
        .replace(
            "I don't have any special aptitude for this, but I care.",
            "n/a",
        )
        .replace("Two (maybe more) shops in the Twin Cities.", "...");
    scratch.write("a.md", &text);
    let (_, found) = findings(&scratch, &[]);
    let about = |key: &str| -> Vec<&str> {
        found
            .iter()
            .filter(|(_, k)| k == key)
            .map(|(c, _)| c.as_str())
            .collect()
    };
    assert_eq!(about("differentiator"), ["MRD006"], "{found:?}");
    assert_eq!(about("market_size"), ["MRD006"], "{found:?}");
}

/// MRD020 reads the question set's other wordings of a question: "How will
/// we measure success?" pasted on its own line into the go-to-market answer
/// is found at that line, and the same words asked in passing are not.
#[test]
fn question_in_answer_finds_another_wording_of_a_question_at_its_line() {
    let scratch = Scratch::new();
    let clean = std::fs::read_to_string(common::fixture("lint/clean.md")).unwrap();
    let with = |line: &str| {
        let text = clean.replace(
            "    release notes and community Slack.\n",
            &format!("    release notes and community Slack.{line}\n"),
        );
        assert_ne!(text, clean, "the fixture has the line this test extends");
        text
    };
    let in_answer = |text: &str| {
        scratch.write("a.md", text);
        let (_, diagnostics) = report(&scratch, &[]);
        diagnostics
            .into_iter()
            .filter(|d| d["code"] == "MRD020")
            .collect::<Vec<_>>()
    };

    let pasted = with("\n    How will we measure success?\n    Weekly active schedules.");
    let line = pasted
        .lines()
        .position(|l| l.contains("How will we measure success?"))
        .unwrap()
        + 1;
    let found = in_answer(&pasted);
    assert_eq!(found.len(), 1, "{found:#?}");
    assert_eq!(found[0]["line"], line);
    assert_eq!(found[0]["column"], 5);
    assert_eq!(
        found[0]["message"],
        "the go_to_market answer holds question 8 (metrics/revenue strategy)'s wording: \"How will we measure success\""
    );

    let asked = with(" How will we measure success? By\n    weekly active schedules.");
    assert_eq!(in_answer(&asked), Vec::<Value>::new(), "asked in passing");
}

/// MRD020 in a translated question set: a Spanish question pasted with its
/// opening `¿`, and a French heading that starts with `É`, are found at
/// their lines (a needle that started with anything but an ASCII letter
/// used to be passed over).
#[test]
fn question_in_answer_finds_a_translated_question_that_starts_with_a_mark_or_an_accent() {
    let scratch = Scratch::new();
    scratch.write(
        ".mrd.yml",
        "questions:\n  market_window:\n    text: ¿Por qué ahora?\n    short_name: por qué ahora\n  \
         market_size:\n    aliases: [Économie du marché]\n",
    );
    let clean = std::fs::read_to_string(common::fixture("lint/clean.md")).unwrap();
    let pasted = clean.replace(
        "    release notes and community Slack.\n",
        "    release notes and community Slack.\n\n    ¿Por qué ahora?\n    La ley cambió en 2026.\n\n    ## Économie du marché\n    12 000 cliniques.\n",
    );
    assert_ne!(pasted, clean, "the fixture has the line this test extends");
    scratch.write("a.md", &pasted);
    let line_of = |needle: &str| pasted.lines().position(|l| l.contains(needle)).unwrap() + 1;

    let mrd020 = || {
        let (_, diagnostics) = report(&scratch, &[]);
        diagnostics
            .into_iter()
            .filter(|d| d["code"] == "MRD020")
            .collect::<Vec<_>>()
    };
    let diagnostics = mrd020();
    let found: Vec<(u64, u64, &str)> = diagnostics
        .iter()
        .map(|d| {
            (
                d["line"].as_u64().unwrap(),
                d["column"].as_u64().unwrap(),
                d["message"].as_str().unwrap(),
            )
        })
        .collect();
    // Lint reports the first question an answer holds.
    assert_eq!(
        found,
        [(
            line_of("¿Por qué ahora?") as u64,
            6,
            "the go_to_market answer holds question 6 (por qué ahora)'s text: \"Por qué ahora\""
        )]
    );

    let heading_only = pasted.replace("    ¿Por qué ahora?\n", "");
    scratch.write("a.md", &heading_only);
    let diagnostics = mrd020();
    assert_eq!(diagnostics.len(), 1, "{diagnostics:#?}");
    assert_eq!(diagnostics[0]["line"], line_of("## Économie du marché") - 1);
    assert_eq!(diagnostics[0]["column"], 8);
    assert_eq!(
        diagnostics[0]["message"],
        "the go_to_market answer holds question 3 (market size)'s heading: \"Économie du marché\""
    );
}
