//! `mrd init`, completions, the manual and `--help`: the recipes that put mrd
//! into a team's forge, CI and shell, run through the real binary.

use crate::common;

use crate::common::{Scratch, mrd};
use predicates::prelude::*;
use serde_json::Value;

/// YAML text as a JSON value, to look keys up by path.
fn yaml(text: &str) -> Value {
    serde_saphyr::from_str(text).unwrap_or_else(|err| panic!("not YAML: {err}\n{text}"))
}

#[test]
fn init_writes_a_config_that_mrd_reads_and_the_assessments_directory() {
    let scratch = Scratch::new();
    scratch
        .mrd()
        .arg("init")
        .assert()
        .success()
        .stdout("created    .mrd.yml\ncreated    assessments/\ncreated    assessments/README.md\n");
    assert!(scratch.path().join("assessments").is_dir());
    assert!(scratch.read("assessments/README.md").contains("`mrd new`"));
    let config = scratch.read(".mrd.yml");
    assert!(config.contains("\nassessments: assessments\n"));
    assert!(config.contains("  #   text: Exactly what problem will this solve?\n"));
    // The config is read by every command that follows.
    scratch
        .mrd()
        .args(["questions", "--format", "json"])
        .assert()
        .success();
    scratch.mrd().arg("lint").assert().success();
}

#[test]
fn init_is_idempotent_and_never_replaces_without_force() {
    let scratch = Scratch::new();
    scratch
        .mrd()
        .args(["init", "--gitlab", "--github"])
        .assert()
        .success();
    let first: Vec<String> = [".mrd.yml", ".gitlab-ci.yml", ".github/workflows/mrd.yml"]
        .iter()
        .map(|f| scratch.read(f))
        .collect();
    scratch
        .mrd()
        .args(["init", "--gitlab", "--github"])
        .assert()
        .success()
        .stdout(predicate::str::contains("created").not())
        .stdout(predicate::str::contains(
            "unchanged  .gitlab/issue_templates/Opportunity Assessment.md",
        ));
    let second: Vec<String> = [".mrd.yml", ".gitlab-ci.yml", ".github/workflows/mrd.yml"]
        .iter()
        .map(|f| scratch.read(f))
        .collect();
    assert_eq!(first, second);

    scratch.write(".mrd.yml", "assessments: docs/mrd\n");
    scratch
        .mrd()
        .arg("init")
        .assert()
        .success()
        .stdout(predicate::str::contains("kept       .mrd.yml"))
        .stdout(predicate::str::contains("created    docs/mrd/"));
    assert_eq!(scratch.read(".mrd.yml"), "assessments: docs/mrd\n");
    scratch
        .mrd()
        .args(["init", "--force"])
        .assert()
        .success()
        .stdout(predicate::str::contains("replaced   .mrd.yml"));
    assert_eq!(scratch.read(".mrd.yml"), first[0]);
}

#[test]
fn init_adds_its_job_to_an_existing_pipeline_without_losing_anything() {
    let scratch = Scratch::new();
    let pipeline = "stages: [build, test]\nbuild:\n  stage: build\n  script: [make]\n";
    scratch.write(".gitlab-ci.yml", pipeline);
    scratch
        .mrd()
        .args(["init", "--gitlab"])
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "updated    .gitlab-ci.yml (added the `mrd-lint` job, in stage `test`)",
        ));
    let updated = scratch.read(".gitlab-ci.yml");
    assert!(updated.starts_with(pipeline));
    let doc = yaml(&updated);
    assert_eq!(doc["build"]["script"][0], "make");
    assert_eq!(doc["mrd-lint"]["stage"], "test");
    // A second run sees the job and leaves the file alone, --force or not.
    scratch
        .mrd()
        .args(["init", "--gitlab", "--force"])
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "unchanged  .gitlab-ci.yml (it already has the `mrd-lint` job)",
        ));
    assert_eq!(scratch.read(".gitlab-ci.yml"), updated);

    // A file that is not a mapping of jobs is left as it is.
    scratch.write(".gitlab-ci.yml", "- not\n- jobs\n");
    scratch
        .mrd()
        .args(["init", "--gitlab"])
        .assert()
        .success()
        .stdout(predicate::str::contains("skipped    .gitlab-ci.yml"));
    assert_eq!(scratch.read(".gitlab-ci.yml"), "- not\n- jobs\n");
}

#[test]
fn the_gitlab_ci_job_is_a_code_quality_report_of_mrd_lint() {
    let scratch = Scratch::new();
    scratch.mrd().args(["init", "--gitlab"]).assert().success();
    let ci = yaml(&scratch.read(".gitlab-ci.yml"));
    let job = &ci["mrd-lint"];
    let script: Vec<&str> = job["script"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s.as_str().unwrap())
        .collect();
    assert_eq!(
        script,
        ["mrd lint --format gitlab > gl-code-quality-report.json"]
    );
    assert_eq!(
        job["artifacts"]["reports"]["codequality"],
        "gl-code-quality-report.json"
    );
    assert_eq!(job["artifacts"]["when"], "always");
    assert!(job["image"].is_string());
    assert_eq!(job["stage"], "test");
    // It installs the mrd that wrote it, and caches the install.
    assert_eq!(job["variables"]["MRD_VERSION"], env!("CARGO_PKG_VERSION"));
    assert_eq!(job["variables"]["MRD_INSTALL_FROM"], "");
    assert_eq!(job["variables"]["CARGO_HOME"], "$CI_PROJECT_DIR/.cargo");
    assert_eq!(job["cache"]["key"], "mrd-$MRD_VERSION");
    assert_eq!(job["cache"]["paths"][0], ".cargo/bin/");
    let install = job["before_script"][1].as_str().unwrap();
    assert!(
        install
            .ends_with("cargo install --locked $MRD_INSTALL_FROM mrd --version \"$MRD_VERSION\""),
        "{install}"
    );
}

#[test]
fn init_picks_a_stage_the_pipeline_has_or_leaves_the_pipeline_alone() {
    let scratch = Scratch::new();
    let pipeline =
        "stages: [build, code-check, deploy]\nbuild:\n  stage: build\n  script: [make]\n";
    scratch.write(".gitlab-ci.yml", pipeline);
    scratch
        .mrd()
        .args(["init", "--gitlab"])
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "updated    .gitlab-ci.yml (added the `mrd-lint` job, in stage `code-check`)",
        ));
    let doc = yaml(&scratch.read(".gitlab-ci.yml"));
    assert_eq!(doc["mrd-lint"]["stage"], "code-check");

    // No stage fits: GitLab would reject the whole pipeline, so the file is
    // left as it is and the job is shown with the reason.
    let pipeline = "stages: [build, deploy]\nbuild:\n  stage: build\n  script: [make]\n";
    scratch.write(".gitlab-ci.yml", pipeline);
    let assert = scratch.mrd().args(["init", "--gitlab"]).assert().success();
    let out = String::from_utf8(assert.get_output().stdout.clone()).unwrap();
    assert!(
        out.contains(
            "skipped    .gitlab-ci.yml (left as it is: its stages (build, deploy) have no `test` stage and none named for checks (lint, check, verify, validate, qa)); add this job by hand, with `stage:` set to a stage your pipeline has:\n\n# Lint opportunity assessments"
        ),
        "{out}"
    );
    assert!(out.contains("\nmrd-lint:\n  stage: test\n"), "{out}");
    assert_eq!(scratch.read(".gitlab-ci.yml"), pipeline);

    // Stages that may come from included files cannot be seen.
    let pipeline = "include: ci/stages.yml\nbuild:\n  script: [make]\n";
    scratch.write(".gitlab-ci.yml", pipeline);
    scratch
        .mrd()
        .args(["init", "--gitlab"])
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "(left as it is: it has no `stages:` of its own but includes other files, whose stages mrd cannot see)",
        ));
    assert_eq!(scratch.read(".gitlab-ci.yml"), pipeline);
}

#[test]
fn the_gitlab_issue_template_has_one_bold_numbered_question_per_question() {
    let scratch = Scratch::new();
    scratch.write(
        ".mrd.yml",
        "questions:\n  pricing:\n    text: How will we price it?\n    short_name: pricing\n    after: metrics\n",
    );
    scratch.mrd().args(["init", "--gitlab"]).assert().success();
    let template = scratch.read(".gitlab/issue_templates/Opportunity Assessment.md");
    let bold: Vec<&str> = template.lines().filter(|l| l.starts_with("**")).collect();
    assert_eq!(bold.len(), 11, "{template}");
    assert_eq!(
        bold[0],
        "**1. Exactly what problem will this solve?** (value proposition)"
    );
    assert_eq!(bold[8], "**9. How will we price it?** (pricing)");
    assert_eq!(
        bold[10],
        "**11. Given the above, what's the recommendation?** (go or no-go)"
    );
}

#[test]
fn the_github_issue_form_and_workflow_have_the_expected_keys() {
    let scratch = Scratch::new();
    scratch.write(
        ".mrd.yml",
        "questions:\n  market_window:\n    required: false\n",
    );
    scratch.mrd().args(["init", "--github"]).assert().success();
    let form = yaml(&scratch.read(".github/ISSUE_TEMPLATE/opportunity-assessment.yml"));
    for key in ["name", "description", "title", "body"] {
        assert!(form.get(key).is_some(), "issue forms need `{key}`");
    }
    let body = form["body"].as_array().unwrap();
    let textareas: Vec<&Value> = body.iter().filter(|b| b["type"] == "textarea").collect();
    // Nine answers, the rationale and the conditions.
    assert_eq!(textareas.len(), 11);
    let problem = &textareas[0];
    assert_eq!(problem["id"], "problem");
    assert_eq!(
        problem["attributes"]["label"],
        "1. Exactly what problem will this solve? (value proposition)"
    );
    assert!(
        problem["attributes"]["description"]
            .as_str()
            .unwrap()
            .contains("not a solution")
    );
    assert_eq!(problem["validations"]["required"], true);
    let window = textareas
        .iter()
        .find(|b| b["id"] == "market_window")
        .unwrap();
    assert_eq!(
        window["validations"]["required"], false,
        "optional questions are optional in the form"
    );
    let decision = body.iter().find(|b| b["type"] == "dropdown").unwrap();
    assert_eq!(decision["id"], "recommendation-decision");
    assert_eq!(
        decision["attributes"]["options"],
        serde_json::json!(["Go", "No-go", "Undecided"])
    );
    assert_eq!(decision["validations"]["required"], true);
    let mut ids: Vec<&str> = body.iter().filter_map(|b| b["id"].as_str()).collect();
    let count = ids.len();
    ids.dedup();
    assert_eq!(ids.len(), count, "ids are unique");

    let workflow = yaml(&scratch.read(".github/workflows/mrd.yml"));
    assert!(workflow["on"]["pull_request"].is_object());
    let steps = workflow["jobs"]["lint"]["steps"].as_array().unwrap();
    let runs: Vec<&str> = steps.iter().filter_map(|s| s["run"].as_str()).collect();
    assert!(runs.contains(&"mrd lint --format github"), "{runs:?}");
    assert_eq!(steps[0]["uses"], "actions/checkout@v4");
}

#[test]
fn the_pre_commit_hook_runs_mrd_lint_on_markdown() {
    let text = std::fs::read_to_string(common::repo().join(".pre-commit-hooks.yaml")).unwrap();
    let hooks = yaml(&text);
    let hook = &hooks[0];
    assert_eq!(hook["id"], "mrd-lint");
    assert_eq!(hook["entry"], "mrd lint");
    assert!(hook["files"].as_str().unwrap().contains("md"));
    assert!(hook["language"].is_string());
}

#[test]
fn completions_for_every_shell() {
    for (shell, marker) in [
        ("bash", "_mrd()"),
        ("zsh", "#compdef mrd"),
        ("fish", "complete -c mrd"),
        ("powershell", "Register-ArgumentCompleter"),
        ("elvish", "edit:completion:arg-completer[mrd]"),
    ] {
        mrd()
            .args(["completions", shell])
            .assert()
            .success()
            .stdout(predicate::str::contains(marker))
            .stdout(predicate::str::contains("import"));
    }
    mrd().args(["completions", "tcsh"]).assert().code(2);
}

#[test]
fn completions_and_the_manual_work_with_a_broken_config() {
    let scratch = Scratch::new();
    scratch.write(".mrd.yml", "assesments: typo\n");
    scratch
        .mrd()
        .args(["completions", "bash"])
        .assert()
        .success();
    scratch.mrd().arg("man").assert().success();
    scratch.mrd().arg("lint").assert().code(2);
}

#[test]
fn the_manual_page_is_roff_with_every_command() {
    let assert = mrd().arg("man").assert().success();
    let page = String::from_utf8(assert.get_output().stdout.clone()).unwrap();
    assert!(page.contains(".TH mrd 1"), "{page}");
    for command in [
        "new",
        "lint",
        "render",
        "summary",
        "questions",
        "init",
        "schema",
        "import",
        "completions",
        "man",
    ] {
        assert!(
            page.contains(&format!("mrd\\-{command}")),
            "{command} is listed"
        );
    }

    let scratch = Scratch::new();
    scratch
        .mrd()
        .args(["man", "--dir", "man"])
        .assert()
        .success();
    for page in ["mrd.1", "mrd-lint.1", "mrd-import.1", "mrd-init.1"] {
        let text = scratch.read(&format!("man/{page}"));
        assert!(text.starts_with(".ie") || text.contains(".TH"), "{page}");
    }
    assert!(scratch.read("man/mrd-import.1").contains("Examples"));
}

#[test]
fn every_command_has_examples_in_its_help_and_version_prints_the_version() {
    use clap::CommandFactory;
    let command = mrd::cli::Cli::command();
    for sub in command.get_subcommands() {
        let name = sub.get_name();
        mrd()
            .args([name, "--help"])
            .assert()
            .success()
            .stdout(predicate::str::contains("Examples:\n  mrd "));
    }
    mrd()
        .arg("--version")
        .assert()
        .success()
        .stdout(format!("mrd {}\n", env!("CARGO_PKG_VERSION")));
}
