//! Paths and fingerprints as a team's CI meets them (issue 13 §1): every
//! report names files relative to the repository root, however the path was
//! typed and wherever the repository was checked out, and a finding keeps
//! its fingerprint while it stays unfixed.

use std::path::{Path, PathBuf};

use serde_json::Value;

use crate::common::{example, fixture};

const FORMATS: [&str; 7] = [
    "human", "json", "github", "gitlab", "sarif", "junit", "concise",
];

/// A repository with two assessments with findings, at a fresh temporary
/// path of its own.
fn repository(parent: &Path) -> PathBuf {
    let root = parent.join("checkout").join("project");
    std::fs::create_dir_all(root.join(".git")).unwrap();
    std::fs::create_dir_all(root.join("assessments/team")).unwrap();
    for (from, to) in [
        ("lint/report/draft.md", "assessments/draft.md"),
        ("lint/report/broken.md", "assessments/team/broken.md"),
    ] {
        std::fs::copy(fixture(from), root.join(to)).unwrap();
    }
    root
}

/// Copies the tree at `from` to `to`, as a CI runner's checkout would.
fn copy_tree(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_tree(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), target).unwrap();
        }
    }
}

/// `mrd lint ARGS --format FORMAT` run in `cwd`: its standard output.
fn lint(cwd: &Path, args: &[&str], format: &str) -> String {
    let output = assert_cmd::Command::cargo_bin("mrd")
        .unwrap()
        .current_dir(cwd)
        .env("NO_COLOR", "1")
        .env("CI", "true")
        .arg("lint")
        .args(args)
        .args(["--format", format])
        .output()
        .unwrap();
    assert_eq!(
        output.status.code(),
        Some(1),
        "{cwd:?} {args:?} {format}: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout).unwrap()
}

/// Every way of naming the assessments from `root`: the runs the generated
/// CI jobs make and the ones people type.
fn invocations(root: &Path) -> Vec<(PathBuf, Vec<String>)> {
    let absolute = root.join("assessments").display().to_string();
    let inside = root.join("assessments");
    vec![
        (root.to_path_buf(), vec![]),
        (root.to_path_buf(), vec!["assessments".into()]),
        (root.to_path_buf(), vec!["./assessments".into()]),
        (
            root.to_path_buf(),
            vec!["assessments/../assessments".into()],
        ),
        (root.to_path_buf(), vec![absolute.clone()]),
        (inside.clone(), vec![".".into()]),
        (inside.clone(), vec![absolute]),
        (inside, vec!["../assessments/".into()]),
    ]
}

#[test]
fn a_moved_repository_reports_the_same_paths_and_fingerprints_in_every_format() {
    let first = tempfile::tempdir().unwrap();
    let second = tempfile::tempdir().unwrap();
    let root = repository(first.path());
    let moved = second.path().join("elsewhere/deeper/project");
    copy_tree(&root, &moved);
    for format in FORMATS {
        let expected = lint(&root, &[], format);
        for tree in [&root, &moved] {
            for (cwd, args) in invocations(tree) {
                let args: Vec<&str> = args.iter().map(String::as_str).collect();
                let text = lint(&cwd, &args, format);
                assert_eq!(text, expected, "{format} from {cwd:?} with {args:?}");
                for dir in [first.path(), second.path()] {
                    assert!(
                        !text.contains(&*dir.to_string_lossy()),
                        "{format}: the checkout directory leaks into the report"
                    );
                }
            }
        }
        // Through a symbolic link to the repository.
        #[cfg(unix)]
        {
            let link = second.path().join("link");
            if !link.exists() {
                std::os::unix::fs::symlink(&moved, &link).unwrap();
            }
            let through = link.join("assessments").display().to_string();
            assert_eq!(
                lint(&moved, &[&through], format),
                expected,
                "{format} via {through}"
            );
        }
        assert!(
            expected.contains("assessments/team/broken.md"),
            "{format} names files from the root:\n{expected}"
        );
    }
    // What GitLab and SARIF consumers key on, spelled out.
    let gitlab: Vec<Value> = serde_json::from_str(&lint(&moved, &[], "gitlab")).unwrap();
    assert!(gitlab.iter().all(|i| {
        i["location"]["path"]
            .as_str()
            .unwrap()
            .starts_with("assessments/")
    }));
    let sarif: Value = serde_json::from_str(&lint(&moved, &[], "sarif")).unwrap();
    for result in sarif["runs"][0]["results"].as_array().unwrap() {
        let location = &result["locations"][0]["physicalLocation"]["artifactLocation"];
        assert_eq!(location["uriBaseId"], "%SRCROOT%");
        assert!(
            location["uri"]
                .as_str()
                .unwrap()
                .starts_with("assessments/")
        );
        assert_eq!(
            result["partialFingerprints"]["mrdFinding/v1"]
                .as_str()
                .unwrap()
                .len(),
            32
        );
    }
}

#[test]
fn outside_a_repository_paths_are_relative_to_the_working_directory() {
    let dir = tempfile::tempdir().unwrap();
    let plain = dir.path().join("plain");
    std::fs::create_dir_all(plain.join("assessments")).unwrap();
    std::fs::copy(
        fixture("lint/report/draft.md"),
        plain.join("assessments/draft.md"),
    )
    .unwrap();
    let absolute = plain.join("assessments/draft.md").display().to_string();
    let text = lint(&plain, &[&absolute], "concise");
    assert!(text.starts_with("assessments/draft.md:"), "{text}");
}

/// `examples/managed-scheduler.md`, a clean assessment whose answers are
/// all `|` blocks.
fn scheduler() -> String {
    std::fs::read_to_string(example("managed-scheduler.md")).unwrap()
}

/// `text` with the answer to `key` replaced by a one-line `answer`.
fn with_answer(text: &str, key: &str, answer: &str) -> String {
    let head = format!("  {key}: |\n");
    let start = text.find(&head).unwrap();
    let body = start + head.len();
    let end = body
        + text[body..]
            .split_inclusive('\n')
            .take_while(|line| line.starts_with("    "))
            .map(str::len)
            .sum::<usize>();
    format!("{}  {key}: {answer}\n{}", &text[..start], &text[end..])
}

/// The gitlab report's issues for `text` written as `assessments/a.md`.
fn gitlab_issues(root: &Path, text: &str) -> Vec<Value> {
    std::fs::write(root.join("assessments/a.md"), text).unwrap();
    let output = assert_cmd::Command::cargo_bin("mrd")
        .unwrap()
        .current_dir(root)
        .args(["lint", "--format", "gitlab"])
        .output()
        .unwrap();
    serde_json::from_slice(&output.stdout).unwrap()
}

fn short_answer(issues: &[Value]) -> &Value {
    let found: Vec<&Value> = issues
        .iter()
        .filter(|i| i["check_name"] == "MRD007")
        .collect();
    assert_eq!(found.len(), 1, "{issues:#?}");
    found[0]
}

#[test]
fn editing_a_short_answer_that_stays_short_keeps_its_fingerprint() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    std::fs::create_dir_all(root.join(".git")).unwrap();
    std::fs::create_dir_all(root.join("assessments")).unwrap();
    let before = gitlab_issues(
        root,
        &with_answer(&scheduler(), "problem", "Pipelines break."),
    );
    let before = short_answer(&before);
    // Another word, and a line above it: the message and the line change,
    // the finding does not.
    let after = gitlab_issues(
        root,
        &with_answer(&scheduler(), "problem", "Pipelines break at night.").replacen(
            "answers:\n",
            "# reviewed with the team\nanswers:\n",
            1,
        ),
    );
    let after = short_answer(&after);
    assert_ne!(
        before["description"], after["description"],
        "the count changed"
    );
    assert_ne!(before["location"]["lines"], after["location"]["lines"]);
    assert_eq!(before["fingerprint"], after["fingerprint"]);
    // The same short answer to another question is another finding.
    let other = gitlab_issues(
        root,
        &with_answer(
            &with_answer(&scheduler(), "problem", "Pipelines break."),
            "target_market",
            "Pipelines break.",
        ),
    );
    let other: Vec<&Value> = other
        .iter()
        .filter(|i| i["check_name"] == "MRD007")
        .collect();
    assert_eq!(other.len(), 2, "problem's and target_market's");
    let other = other
        .iter()
        .find(|i| i["description"].as_str().unwrap().contains("target_market"))
        .unwrap();
    assert_ne!(other["fingerprint"], before["fingerprint"]);
}

/// A weak market size reworded so that it stays weak is the same finding:
/// the rule judges the whole answer, so its text is not in the fingerprint.
/// A phrase finding (everyone-market) is identified by its phrase.
#[test]
fn rewording_a_weak_answer_that_stays_weak_keeps_its_fingerprint() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    std::fs::create_dir_all(root.join(".git")).unwrap();
    std::fs::create_dir_all(root.join("assessments")).unwrap();
    let finding = |issues: &[Value], code: &str| -> Value {
        let found: Vec<&Value> = issues.iter().filter(|i| i["check_name"] == code).collect();
        assert_eq!(found.len(), 1, "{code}: {issues:#?}");
        found[0].clone()
    };
    let weak = |size: &str, market: &str| {
        gitlab_issues(
            root,
            &with_answer(
                &with_answer(&scheduler(), "market_size", size),
                "target_market",
                market,
            ),
        )
    };
    let before = weak(
        "Two (maybe more) shops in the Twin Cities.",
        "Mobile app users (all segments).",
    );
    let after = weak(
        "A handful of shops around here, maybe more.",
        "Mobile app users, all segments.",
    );
    assert_eq!(
        finding(&before, "MRD016")["fingerprint"],
        finding(&after, "MRD016")["fingerprint"]
    );
    assert_eq!(
        finding(&before, "MRD017")["fingerprint"],
        finding(&after, "MRD017")["fingerprint"],
        "the same phrase, `all segments`"
    );
    let everyone = weak("A handful of shops around here.", "Everyone with a phone.");
    assert_ne!(
        finding(&before, "MRD017")["fingerprint"],
        finding(&everyone, "MRD017")["fingerprint"],
        "another phrase is another finding"
    );
}

/// `mrd ARGS` run in `cwd`: its standard output, after a success or
/// findings (an import that leaves questions unanswered exits 1).
fn run(cwd: &Path, args: &[&str]) -> String {
    let output = assert_cmd::Command::cargo_bin("mrd")
        .unwrap()
        .current_dir(cwd)
        .env("NO_COLOR", "1")
        .env("CI", "true")
        .args(args)
        .output()
        .unwrap();
    assert!(
        matches!(output.status.code(), Some(0 | 1)),
        "{args:?}: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout).unwrap()
}

#[test]
fn new_import_and_summary_name_files_from_the_root_and_commands_from_here() {
    let dir = tempfile::tempdir().unwrap();
    let root = repository(dir.path());
    let inside = root.join("assessments");
    let skeleton = inside.join("skeleton.md").display().to_string();
    let wrote = run(
        &inside,
        &["new", "Skeleton", "--template-only", "-o", &skeleton],
    );
    // The report names the file from the root; the command to paste works
    // from where the user is.
    assert_eq!(
        wrote,
        "wrote assessments/skeleton.md (an empty skeleton: each question and its guidance are in its comments)\n\
         next: answer in your editor, or run mrd edit skeleton.md\n"
    );
    let doc = dir.path().join("doc.md");
    std::fs::write(
        &doc,
        "# Faster builds\n\n## Problem\nBuilds take 40 minutes for every team.\n",
    )
    .unwrap();
    let out = format!("{}/", inside.display());
    let imported = run(&inside, &["import", &doc.display().to_string(), "-o", &out]);
    assert!(
        imported.contains("\nwrote assessments/faster-builds.md ("),
        "{imported}"
    );
    let absolute = inside.join("draft.md").display().to_string();
    for format in ["json", "csv", "markdown"] {
        let summary = run(&inside, &["summary", &absolute, "--format", format]);
        assert!(
            summary.contains("assessments/draft.md"),
            "{format}: {summary}"
        );
        assert!(!summary.contains(&absolute), "{format}: {summary}");
    }
}

#[test]
fn a_file_outside_the_repository_is_named_absolute_and_sarif_says_so_with_a_file_uri() {
    let dir = tempfile::tempdir().unwrap();
    let root = repository(dir.path());
    let outside = tempfile::tempdir().unwrap();
    let file = outside.path().join("stray.md");
    std::fs::copy(fixture("lint/report/draft.md"), &file).unwrap();
    let named = file.display().to_string();
    let concise = lint(&root, &[&named], "concise");
    assert!(concise.starts_with(&format!("{named}:")), "{concise}");
    let sarif: Value = serde_json::from_str(&lint(&root, &[&named], "sarif")).unwrap();
    let location =
        &sarif["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"];
    assert_eq!(location["uri"], format!("file://{named}"));
    assert!(location.get("uriBaseId").is_none(), "{location}");
}
