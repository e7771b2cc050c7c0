//! A repository set up with `mrd init` passes its own CI from the first
//! push: git keeps the assessments directory (through its README), an empty
//! assessments directory is nothing to check, and a mistyped path is an
//! error rather than a silent pass. Real git repositories, real clones.

use crate::common;

use std::path::Path;
use std::process::Command as Process;

use crate::common::Scratch;
use assert_cmd::Command;
use predicates::prelude::*;

fn git(dir: &Path, args: &[&str]) {
    let output = Process::new("git")
        .args([
            "-c",
            "user.name=mrd tests",
            "-c",
            "user.email=tests@mrd.invalid",
        ])
        .args([
            "-c",
            "init.defaultBranch=main",
            "-c",
            "commit.gpgsign=false",
        ])
        .args(args)
        .current_dir(dir)
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .env("GIT_CONFIG_GLOBAL", "/dev/null")
        .output()
        .expect("git runs (the tests need git)");
    assert!(
        output.status.success(),
        "git {args:?}: {}",
        String::from_utf8_lossy(&output.stderr)
    );
}

fn mrd_in(dir: &Path) -> Command {
    let mut cmd = Command::cargo_bin("mrd").expect("mrd binary");
    cmd.current_dir(dir).env("NO_COLOR", "1").env("CI", "true");
    cmd
}

const NOTE: &str = "note: assessments/ (the assessments directory) has no assessments yet, so there is nothing to check; `mrd new` writes the first one\n";

#[test]
fn a_fresh_clone_of_an_initialised_repository_passes_lint() {
    let root = tempfile::tempdir().unwrap();
    let origin = root.path().join("origin");
    std::fs::create_dir(&origin).unwrap();
    git(&origin, &["init", "-q"]);
    mrd_in(&origin)
        .args(["init", "--gitlab", "--github"])
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "created    assessments/\ncreated    assessments/README.md\n",
        ));
    git(&origin, &["add", "-A"]);
    git(&origin, &["commit", "-q", "-m", "mrd init"]);
    git(root.path(), &["clone", "-q", "origin", "clone"]);
    let clone = root.path().join("clone");
    assert!(
        clone.join("assessments/README.md").is_file(),
        "git kept the assessments directory"
    );

    // What the generated GitLab job and GitHub workflow run.
    mrd_in(&clone)
        .args(["lint", "--format", "gitlab"])
        .assert()
        .success()
        .stdout("[\n]\n")
        .stderr(NOTE);
    mrd_in(&clone)
        .args(["lint", "--format", "github"])
        .assert()
        .success()
        .stdout("")
        .stderr(NOTE);
    mrd_in(&clone)
        .arg("lint")
        .assert()
        .success()
        .stdout("0 errors, 0 warnings in 0 files\n")
        .stderr(NOTE);
    mrd_in(&clone)
        .arg("summary")
        .assert()
        .success()
        .stderr(NOTE);

    // The README is not an assessment, and the first real one is linted.
    mrd_in(&clone)
        .args(["new", "--template-only", "Managed scheduler"])
        .assert()
        .success();
    mrd_in(&clone)
        .arg("lint")
        .assert()
        .code(1)
        .stdout(predicate::str::contains("in 1 file\n"))
        .stdout(predicate::str::contains("README").not())
        .stderr("");
}

#[test]
fn a_missing_assessments_directory_is_nothing_to_check() {
    let scratch = Scratch::new();
    scratch
        .mrd()
        .args(["lint", "--format", "json"])
        .assert()
        .success()
        .stdout(predicate::str::contains(r#""files":0"#))
        .stderr("note: assessments/ (the assessments directory) does not exist yet, so there is nothing to check; `mrd new` writes the first one\n");
    // Configured elsewhere, and run from a subdirectory: the note names it
    // from where the command runs.
    scratch.write(".mrd.yml", "assessments: docs/mrd\n");
    std::fs::create_dir_all(scratch.path().join("docs/mrd")).unwrap();
    let mut cmd = scratch.mrd();
    cmd.current_dir(scratch.path().join("docs"))
        .arg("lint")
        .assert()
        .success()
        .stderr(predicate::str::starts_with(
            "note: mrd/ (the assessments directory) has no assessments yet",
        ));
}

#[test]
fn a_named_path_with_no_assessment_is_an_error() {
    let scratch = Scratch::new();
    std::fs::create_dir_all(scratch.path().join("empty")).unwrap();
    scratch.write("only-readme/README.md", "# Assessments\n");
    scratch.write("docs/guide.txt", "not Markdown\n");
    for (path, message) in [
        (
            "empty",
            "error[io]: no *.md files in this directory (README.md does not count); check the path\n--> empty\n",
        ),
        (
            "only-readme",
            "error[io]: no *.md files in this directory (README.md does not count); check the path\n--> only-readme\n",
        ),
        (
            "docs",
            "error[io]: no *.md files in this directory (README.md does not count); check the path\n--> docs\n",
        ),
        (
            "asessments",
            "error[io]: no such file or directory\n--> asessments\n",
        ),
    ] {
        for command in ["lint", "summary"] {
            scratch
                .mrd()
                .args([command, path, "--format", "json"])
                .assert()
                .code(2)
                .stdout("")
                .stderr(message);
        }
    }
    // The default directory named explicitly is held to the same rule: a CI
    // job that names its path wants files there.
    std::fs::create_dir_all(scratch.path().join("assessments")).unwrap();
    scratch.mrd().args(["lint", "assessments"]).assert().code(2);
}

#[test]
fn a_readme_is_skipped_in_directories_but_read_when_named() {
    let scratch = Scratch::new();
    scratch.write("assessments/README.md", "# Our assessments\n");
    scratch.write("assessments/sub/readme.md", "lower case too\n");
    let example = std::fs::read_to_string(common::example("managed-scheduler.md")).unwrap();
    scratch.write("assessments/scheduler.md", &example);
    scratch
        .mrd()
        .arg("lint")
        .assert()
        .success()
        .stdout(predicate::str::contains("in 1 file\n"));
    scratch
        .mrd()
        .args(["lint", "assessments/README.md"])
        .assert()
        .code(1)
        .stdout(predicate::str::contains("missing-front-matter"));
}

#[test]
fn init_never_replaces_the_assessments_readme() {
    let scratch = Scratch::new();
    scratch.write("assessments/README.md", "# Ours, written before mrd\n");
    scratch
        .mrd()
        .args(["init", "--force"])
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "exists     assessments/\nkept       assessments/README.md (init never replaces it)\n",
        ));
    assert_eq!(
        scratch.read("assessments/README.md"),
        "# Ours, written before mrd\n"
    );
}
