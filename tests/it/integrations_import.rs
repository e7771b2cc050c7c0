//! `mrd import`: issues from GitLab templates, GitHub forms, hand-written text
//! and `mrd render` become assessment files; render then import gives back
//! the same answers and decision (a property test over generated assessments).

use std::path::Path;

use crate::common::{Scratch, example, fixture, mrd};
use mrd::assessment::{Assessment, Decision, FrontMatter, Located, Recommendation, parse};
use mrd::config::Config;
use mrd::questions::QuestionSet;
use mrd::render::{Flavor, Options, TemplateSet, render_issue};
use mrd::source::Source;
use predicates::prelude::*;
use proptest::prelude::*;

fn import_fixture(name: &str) -> std::path::PathBuf {
    fixture(&format!("integrations/import/{name}"))
}

fn read_assessment(path: &Path) -> Assessment {
    let text = std::fs::read_to_string(path).unwrap();
    let parsed = parse(&Source::from_text(path.display().to_string(), text));
    assert!(parsed.problems.is_empty(), "{:?}", parsed.problems);
    parsed.assessment.unwrap()
}

#[test]
fn imports_a_gitlab_issue_into_the_assessments_directory() {
    let scratch = Scratch::new();
    scratch
        .mrd()
        .args(["import", "--title", "Managed scheduler"])
        .arg(import_fixture("gitlab-issue.md"))
        .assert()
        .success()
        .stdout(predicate::str::contains(
            ":5: question 1 (value proposition): **1. Exactly what problem",
        ))
        .stdout(predicate::str::contains(
            "read into the front-matter: /label",
        ))
        .stdout(predicate::str::ends_with(
            "assessments/managed-scheduler.md (GO, 9 of 9 questions answered)\n",
        ));
    let a = read_assessment(&scratch.path().join("assessments/managed-scheduler.md"));
    assert_eq!(a.front.title_text(), Some("Managed scheduler"));
    assert_eq!(a.front.decision(), Some(Decision::Go));
    let labels: Vec<&str> = a.front.labels.iter().map(|l| l.value.as_str()).collect();
    assert_eq!(labels, ["opportunity-assessment"], "from the quick action");
    assert_eq!(
        a.front.answer_text("go_to_market"),
        Some(
            "1. Private beta with the 40 users who asked for it.\n2. Public launch in the January release notes.\n"
        )
    );
    assert_eq!(
        a.body, "",
        "template comments and quick actions are not notes"
    );
    // What import writes, lint accepts.
    scratch
        .mrd()
        .args(["lint", "assessments"])
        .assert()
        .success();
}

#[test]
fn never_replaces_an_existing_file_without_force() {
    let scratch = Scratch::new();
    let target = scratch.write("a.md", "my own work\n");
    let issue = import_fixture("github-issue.md");
    scratch
        .mrd()
        .arg("import")
        .arg(&issue)
        .args(["-o", "a.md"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "a.md already exists; pass --force to replace it",
        ));
    assert_eq!(std::fs::read_to_string(&target).unwrap(), "my own work\n");
    scratch
        .mrd()
        .arg("import")
        .arg(&issue)
        .args(["-o", "a.md", "--force"])
        .assert()
        // Question 5 has "_No response_": written, and reported as incomplete.
        .code(1)
        .stdout(predicate::str::contains("unanswered: differentiator"));
    let a = read_assessment(&target);
    assert_eq!(a.front.decision(), Some(Decision::NoGo));
    let rec = a.front.recommendation.clone().unwrap();
    assert_eq!(
        rec.conditions[0].value,
        "Revisit if a design partner commits to pay."
    );
    assert!(
        rec.rationale
            .unwrap()
            .value
            .starts_with("The alternatives are mature")
    );
    assert_eq!(
        a.front.title_text(),
        Some("Github issue"),
        "the file name is the last resort"
    );
}

#[test]
fn hand_written_text_that_matches_nothing_goes_to_the_notes() {
    let scratch = Scratch::new();
    scratch
        .mrd()
        .arg("import")
        .arg(import_fixture("hand-written.md"))
        .args(["-o", "contracts.md"])
        .assert()
        .code(1)
        .stdout(predicate::str::contains(
            ":3: not matched, kept in the notes: We discussed this",
        ))
        .stdout(predicate::str::contains(":14: notes: ## Open questions"))
        .stdout(predicate::str::contains(
            ":10: question 2 (target market): 2. Who do we solve this problem for?",
        ));
    let a = read_assessment(&scratch.path().join("contracts.md"));
    assert_eq!(
        a.front.title_text(),
        Some("Data contracts between producers and pipelines")
    );
    assert!(
        a.front
            .answer_text("problem")
            .unwrap()
            .starts_with("Upstream teams rename")
    );
    assert_eq!(
        a.body,
        "We discussed this at the 2026-W46 kickoff; these are the notes so far.\n\n## Open questions\n\n- Who owns the contracts?\n"
    );
}

#[test]
fn reads_standard_input_and_can_print_instead_of_writing() {
    let scratch = Scratch::new();
    let rendered = mrd()
        .arg("render")
        .arg(example("managed-scheduler.md"))
        .output()
        .unwrap()
        .stdout;
    scratch
        .mrd()
        .args(["import", "-", "--title", "Scheduler", "-o", "-"])
        .write_stdin(rendered.clone())
        .assert()
        .success()
        .stdout(predicate::str::starts_with("---\ntitle: Scheduler\n"))
        .stderr(predicate::str::contains("question 10 (go or no-go)"));
    assert!(
        !scratch.path().join("assessments").exists(),
        "nothing was written"
    );

    scratch
        .mrd()
        .args(["import", "-"])
        .write_stdin(rendered)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("--title"));
}

#[test]
fn refuses_text_where_no_question_is_found() {
    let scratch = Scratch::new();
    scratch.write("empty.md", "");
    scratch.write("notes.md", "# Meeting\n\nWe talked about pricing.\n");
    for name in ["empty.md", "notes.md"] {
        scratch
            .mrd()
            .args(["import", name])
            .assert()
            .code(2)
            .stderr(predicate::str::contains(
                "no section names one of the questions, so nothing was written",
            ));
    }
    assert!(!scratch.path().join("assessments").exists());
}

#[test]
fn refuses_a_file_that_is_already_an_assessment() {
    mrd()
        .arg("import")
        .arg(example("managed-scheduler.md"))
        .assert()
        .code(2)
        .stderr(predicate::str::contains("already an assessment file"));
}

#[test]
fn the_examples_survive_render_then_import() {
    let set = QuestionSet::builtin();
    for name in [
        "managed-scheduler.md",
        "hosted-notebooks.md",
        "data-contracts-draft.md",
    ] {
        let original = read_assessment(&example(name));
        let imported = assert_round_trip(&original, &set);
        // The examples' answers are already clean Markdown, so render passes
        // them through and import gives back exactly what was written.
        for q in set.answer_questions() {
            let want = original.front.answer_text(&q.key).map(norm);
            let got = imported.answers.iter().find(|(k, _)| *k == q.key);
            assert_eq!(
                got.map(|(_, a)| norm(a)),
                want,
                "{name}: answer to {}",
                q.key
            );
        }
    }
}

/// Lines without trailing spaces, without surrounding blank lines.
fn norm(text: &str) -> String {
    let lines: Vec<&str> = text.lines().map(str::trim_end).collect();
    lines.join("\n").trim().to_string()
}

/// Renders `original`, imports the result, and checks that nothing `render`
/// shows was lost or misplaced: the decision and conditions are the same, and
/// rendering the imported assessment gives the same issue text below the
/// summary line (which also shows status and author, not part of an issue's
/// body). Comparing renders rather than raw answers keeps the property true
/// whatever Markdown clean-up render does (fence info strings, demoted
/// headings), as long as that clean-up is stable.
fn assert_round_trip(original: &Assessment, set: &QuestionSet) -> mrd::import::Imported {
    assert_round_trip_as(original, set, Flavor::Gitlab)
}

fn render_as(assessment: &Assessment, set: &QuestionSet, flavor: Flavor) -> String {
    let options = Options {
        flavor,
        ..Options::default()
    };
    render_issue(assessment, set, &TemplateSet::builtin(), &options).unwrap()
}

fn assert_round_trip_as(
    original: &Assessment,
    set: &QuestionSet,
    flavor: Flavor,
) -> mrd::import::Imported {
    let rendered = render_as(original, set, flavor);
    let imported = mrd::import::import(&rendered, set);
    assert_eq!(imported.decision, original.front.decision(), "{rendered}");
    let conditions: Vec<String> = original
        .front
        .recommendation
        .as_ref()
        .map(|r| r.conditions.iter().map(|c| norm(&c.value)).collect())
        .unwrap_or_default();
    assert_eq!(imported.conditions, conditions, "{rendered}");
    let unplaced: Vec<_> = imported
        .report
        .iter()
        .filter(|f| f.kind == mrd::import::FindingKind::Unmatched)
        .collect();
    assert!(unplaced.is_empty(), "{unplaced:?}\n{rendered}");

    let again = mrd::cmd::import::to_assessment(&imported, "T");
    let rerendered = render_as(&again, set, flavor);
    let body = |text: &str| {
        text.find("\n## ")
            .map(|i| text[i..].to_string())
            .unwrap_or_default()
    };
    assert_eq!(body(&rerendered), body(&rendered));
    imported
}

// ---- the round trip, over generated assessments ----

const WORDS: &[&str] = &[
    "pipelines",
    "teams",
    "install",
    "cron",
    "silent",
    "failure",
    "warehouse",
    "schedule",
    "retries",
    "backfill",
    "telemetry",
    "survey",
    "interview",
    "engineers",
    "latency",
    "budget",
    "quarter",
    "dashboard",
    "alerting",
    "support",
    "tickets",
    "migration",
    "upgrade",
    "partners",
    "beta",
    "pricing",
    "metrics",
    "alternatives",
    "differentiator",
    "seats",
    "revenue",
    "churn",
    "onboarding",
    "12,400",
    "8%",
    "$99",
    "2027-06-30",
];

fn sentence() -> impl Strategy<Value = String> {
    (
        prop::collection::vec(prop::sample::select(WORDS), 3..12),
        any::<bool>(),
        any::<bool>(),
    )
        .prop_map(|(words, bold, code)| {
            let mut words: Vec<String> = words.into_iter().map(str::to_string).collect();
            if bold {
                words[1] = format!("**{}**", words[1]);
            }
            if code {
                let last = words.len() - 1;
                words[last] = format!("`{}`", words[last]);
            }
            let mut text = words.join(" ");
            text[..1].make_ascii_uppercase();
            text.push('.');
            text
        })
}

/// One Markdown block of the kinds answers are written in.
fn block() -> impl Strategy<Value = String> {
    prop_oneof![
        // A paragraph, possibly hard-wrapped over several lines.
        prop::collection::vec(sentence(), 1..4).prop_map(|s| s.join("\n")),
        prop::collection::vec(sentence(), 1..4).prop_map(|s| s
            .iter()
            .map(|i| format!("- {i}"))
            .collect::<Vec<_>>()
            .join("\n")),
        prop::collection::vec(sentence(), 1..4).prop_map(|s| {
            s.iter()
                .enumerate()
                .map(|(n, i)| format!("{}. {i}", n + 1))
                .collect::<Vec<_>>()
                .join("\n")
        }),
        prop::sample::select(&["Evidence", "Open risks", "Sources"][..])
            .prop_map(|h| format!("### {h}")),
        sentence().prop_map(|s| format!("> {s}")),
        // Bold lead-ins, some of them a question's key ("**Metrics** 8%.").
        (prop::sample::select(WORDS), sentence()).prop_map(|(w, s)| format!("**{w}** {s}")),
        // GitLab would run these; render neutralises them, import keeps that.
        sentence().prop_map(|s| format!("{s}\n/close")),
        sentence().prop_map(|s| format!("```\n{s}\n```")),
    ]
}

fn markdown() -> impl Strategy<Value = String> {
    prop::collection::vec(block(), 1..4).prop_map(|b| b.join("\n\n") + "\n")
}

fn decision() -> impl Strategy<Value = Option<Decision>> {
    prop::sample::select(
        &[
            None,
            Some(Decision::Go),
            Some(Decision::NoGo),
            Some(Decision::Undecided),
        ][..],
    )
}

fn question_set() -> impl Strategy<Value = QuestionSet> {
    prop_oneof![
        Just(QuestionSet::builtin()),
        Just(
            Config::from_text(
                "questions:\n  pricing:\n    text: How will we price it?\n    short_name: pricing model\n    after: metrics\n  market_window:\n    required: false\n",
                Path::new("."),
            )
            .unwrap()
            .questions
        ),
    ]
}

fn assessment(set: QuestionSet) -> impl Strategy<Value = (QuestionSet, Assessment)> {
    let n = set.answer_questions().count();
    (
        prop::collection::vec(prop::option::of(markdown()), n),
        decision(),
        prop::option::of(markdown()),
        prop::collection::vec(sentence(), 0..3),
        prop::option::of(markdown()),
    )
        .prop_map(move |(answers, decision, rationale, conditions, notes)| {
            let mut front = FrontMatter {
                title: Some(Located::new("T".to_string(), Default::default())),
                ..FrontMatter::default()
            };
            for (q, answer) in set.answer_questions().zip(answers) {
                if let Some(answer) = answer {
                    front.set_answer(&q.key, answer);
                }
            }
            if decision.is_some() || rationale.is_some() || !conditions.is_empty() {
                front.recommendation = Some(Recommendation {
                    decision: decision.map(|d| Located::new(d, Default::default())),
                    rationale: rationale.map(|r| Located::new(r, Default::default())),
                    conditions: conditions
                        .into_iter()
                        .map(|c| Located::new(c, Default::default()))
                        .collect(),
                    ..Recommendation::default()
                });
            }
            (
                set.clone(),
                Assessment::new(front, notes.unwrap_or_default()),
            )
        })
}

proptest! {
    // Each case renders through Tera and imports; 256 cases keep the suite
    // quick in debug builds (PROPTEST_CASES raises it for a deeper run).
    #![proptest_config(ProptestConfig {
        cases: std::env::var("PROPTEST_CASES").ok().and_then(|n| n.parse().ok()).unwrap_or(256),
        ..ProptestConfig::default()
    })]

    #[test]
    fn render_then_import_gives_back_the_same_assessment(
        (set, original) in question_set().prop_flat_map(assessment),
        flavor in prop::sample::select(&[Flavor::Gitlab, Flavor::Github][..]),
    ) {
        assert_round_trip_as(&original, &set, flavor);
    }
}
