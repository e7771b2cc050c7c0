//! The weekly kickoff, the roll, decisions and their history, through the
//! built binary in git repositories the tests build (fixed dates and
//! identity, `today` fixed with MRD_TODAY).

use crate::common;

use crate::common::GitRepo;
use serde_json::Value;

fn fixture(name: &str) -> String {
    std::fs::read_to_string(common::fixture("kickoff").join(name)).expect("fixture")
}

fn stdout(cmd: &mut assert_cmd::Command) -> (i32, String, String) {
    let output = cmd.output().expect("run mrd");
    (
        output.status.code().unwrap_or(-1),
        String::from_utf8(output.stdout).expect("stdout is UTF-8"),
        String::from_utf8(output.stderr).expect("stderr is UTF-8"),
    )
}

/// A week of a team's backlog. In October three assessments were planned
/// for 2026-W48. In the week of 2026-W47 the scheduler was decided go (by
/// Marcus), the notebooks' go was reversed to no-go, and a new assessment
/// (column lineage) was started. The data contracts draft has not changed
/// since October: it is stale.
fn week() -> GitRepo {
    let repo = GitRepo::new();
    repo.write("assessments/scheduler.md", &fixture("scheduler.md"));
    repo.write("assessments/notebooks.md", &fixture("notebooks.md"));
    repo.write("assessments/contracts.md", &fixture("contracts.md"));
    repo.commit("2026-10-01", "Plan three assessments for 2026-W48");

    repo.mrd("2026-11-17")
        .args(["decide", "assessments/scheduler.md", "go"])
        .args([
            "--rationale",
            "Forty beta users asked for it; we reach them already.",
        ])
        .assert()
        .success();
    repo.commit_as("2026-11-17", "Decide the scheduler: go", "Marcus Webb");

    repo.mrd("2026-11-18")
        .args(["decide", "assessments/notebooks.md", "no-go"])
        .args([
            "--rationale",
            "Two vendors ship this for free since September.",
        ])
        .assert()
        .success();
    repo.commit("2026-11-18", "Reverse the notebooks decision");

    let lineage = fixture("contracts.md").replace(
        "title: Data contracts between producers and pipelines",
        "title: Column-level lineage",
    );
    repo.write("assessments/lineage.md", &lineage);
    repo.commit("2026-11-19", "Start an assessment of column lineage");
    repo
}

fn kickoff(repo: &GitRepo, args: &[&str]) -> String {
    let (code, out, err) = stdout(
        repo.mrd("2026-11-20")
            .args(["kickoff", "--milestone", "2026-W48"])
            .args(args),
    );
    assert_eq!(code, 0, "{err}\n{out}");
    out
}

#[test]
fn the_kickoff_body_for_gitlab_with_quick_actions() {
    let repo = week();
    let body = kickoff(&repo, &["--quick-actions"]);
    insta::assert_snapshot!("kickoff_gitlab", body);
    // The facts the snapshot holds, said plainly.
    let section = |name: &str| {
        let start = body.find(&format!("## {name}")).expect(name);
        let rest = &body[start + 3..];
        rest[..rest.find("\n## ").unwrap_or(rest.len())].to_string()
    };
    assert!(section("Priorities").contains("1. **Managed scheduler for self-hosted pipelines**"));
    assert!(section("Awaiting a decision").contains("**Column-level lineage**"));
    assert!(
        section("Stale drafts").contains(
            "**Data contracts between producers and pipelines** · last changed 2026-10-01"
        )
    );
    assert!(
        !section("Stale drafts").contains("Column-level lineage"),
        "a new draft is not stale"
    );
    let highlights = section("Highlights and lowlights");
    let (high, low) = highlights.split_once("### Lowlights").unwrap();
    assert!(
        high.contains("Decision made: **Managed scheduler"),
        "{high}"
    );
    assert!(high.contains("by Marcus Webb on 2026-11-17"), "{high}");
    assert!(high.contains("New: **Column-level lineage**"), "{high}");
    assert!(low.contains("Decision reversed: **Hosted notebooks for pipeline debugging** (`assessments/notebooks.md`): **NO-GO**, was GO"), "{low}");
    assert!(section("Metrics").contains("| Decisions made since 2026-11-16 | 2 |"));
    assert!(
        body.ends_with("/due 2026-11-23\n/milestone %\"2026-W48\"\n"),
        "{body}"
    );
}

#[test]
fn the_kickoff_body_for_github_and_its_title() {
    let repo = week();
    insta::assert_snapshot!("kickoff_github", kickoff(&repo, &["--flavor", "github"]));
    assert_eq!(
        kickoff(&repo, &["--title"]),
        "Weekly Kickoff for Milestone - 2026-W48\n"
    );
    let (code, _, err) = stdout(repo.mrd("2026-11-20").args([
        "kickoff",
        "--milestone",
        "2026-W48",
        "--flavor",
        "github",
        "--quick-actions",
    ]));
    assert_eq!(code, 2, "{err}");
}

#[test]
fn configured_labels_and_since_a_revision() {
    let repo = week();
    repo.write(
        ".mrd.yml",
        "kickoff:\n  labels: [kickoff, weekly]\n  stale_weeks: 8\n",
    );
    // Since the commit before the new assessment, only it is new.
    let body = kickoff(&repo, &["--since", "HEAD~1", "--quick-actions"]);
    assert!(
        body.ends_with(
            "/due 2026-11-23\n/label ~\"kickoff\"\n/label ~\"weekly\"\n/milestone %\"2026-W48\"\n"
        ),
        "{body}"
    );
    assert!(body.contains("New: **Column-level lineage**"), "{body}");
    assert!(!body.contains("Decision made"), "{body}");
    assert!(
        body.contains("No draft in 2026-W48 has gone 8 weeks without a change."),
        "{body}"
    );
}

/// GitLab runs a quick action for each line that starts with `/` and a
/// command word, in any letter case (lib/gitlab/quick_actions/extractor.rb).
fn command_lines(text: &str) -> Vec<&str> {
    text.lines()
        .filter(|line| {
            line.strip_prefix('/').is_some_and(|rest| {
                let word: String = rest.chars().take_while(|c| !c.is_whitespace()).collect();
                !word.is_empty()
                    && word
                        .chars()
                        .all(|c| c.is_alphanumeric() || c == '_' || c == '-')
            })
        })
        .collect()
}

#[test]
fn nothing_a_user_wrote_becomes_a_quick_action_through_a_pipe() {
    let repo = GitRepo::new();
    let hostile = fixture("contracts.md")
        .replace(
            "title: Data contracts between producers and pipelines",
            "title: \"\\e[m/close\\n/assign @everyone\"",
        )
        .replace("author: Lena Okafor", "author: \"\\e[m/label ~pwned\"");
    repo.write("assessments/x.md", &hostile);
    repo.commit_as("2026-10-01", "/close", "/assign @me");
    let (code, body, err) = stdout(repo.mrd("2026-11-20").args([
        "kickoff",
        "--milestone",
        "2026-W48",
        "--quick-actions",
    ]));
    assert_eq!(code, 0, "{err}");
    assert_eq!(
        command_lines(&body),
        ["/due 2026-11-23", "/milestone %\"2026-W48\""],
        "{body}"
    );
    assert!(
        !body.contains('\u{1b}'),
        "control characters are not passed on"
    );
    // A milestone that would break out of its quotes is refused.
    let (code, _, err) =
        stdout(
            repo.mrd("2026-11-20")
                .args(["kickoff", "--milestone", "2026-W48\n/close"]),
        );
    assert_eq!(code, 2, "{err}");
}

#[test]
fn milestones_named_by_their_friday_and_by_a_team_pattern() {
    let repo = GitRepo::new();
    let dated = fixture("contracts.md").replace("\"2026-W48\"", "\"Fri: July 9, 2021\"");
    repo.write("assessments/contracts.md", &dated);
    repo.commit("2021-06-01", "Plan");
    let (code, body, err) = stdout(repo.mrd("2021-07-02").args([
        "kickoff",
        "--milestone",
        "Fri: July 9, 2021",
        "--quick-actions",
    ]));
    assert_eq!(code, 0, "{err}");
    assert!(body.starts_with("**Due:** Monday 2021-07-05 · **Milestone:** Fri: July 9, 2021 · **Previous:** Fri: July 2, 2021"), "{body}");
    assert!(body.contains("/due 2021-07-05\n"), "{body}");
    assert!(body.contains("last changed 2021-06-01"), "{body}");

    let (code, _, err) =
        stdout(
            repo.mrd("2021-07-02")
                .args(["kickoff", "--milestone", "Sprint 12"]),
        );
    assert_eq!(code, 2);
    assert!(
        err.contains("does not match the naming pattern")
            && err.contains("kickoff.milestone_pattern"),
        "{err}"
    );

    repo.write(".mrd.yml", "kickoff:\n  milestone_patern: x\n");
    let (code, _, err) =
        stdout(
            repo.mrd("2021-07-02")
                .args(["kickoff", "--milestone", "2026-W48"]),
        );
    assert_eq!(code, 2);
    assert!(
        err.contains(".mrd.yml:2:3") && err.contains("did you mean `kickoff.milestone_pattern`?"),
        "{err}"
    );
}

#[test]
fn outside_git_the_kickoff_says_what_it_cannot_know() {
    let scratch = common::Scratch::new();
    scratch.write("assessments/contracts.md", &fixture("contracts.md"));
    let output = scratch
        .mrd()
        .env("MRD_TODAY", "2026-11-20")
        .args(["kickoff", "--milestone", "2026-W48"])
        .output()
        .unwrap();
    let body = String::from_utf8(output.stdout).unwrap();
    assert_eq!(output.status.code(), Some(0));
    assert!(body.contains("No git history to read them from"), "{body}");
    assert!(body.contains("Without git history the last change of each draft is unknown."));
    let err = String::from_utf8(output.stderr).unwrap();
    assert!(err.contains("not in a git repository"), "{err}");
    // Asking for history explicitly where there is none is an error.
    scratch
        .mrd()
        .args(["kickoff", "--milestone", "2026-W48", "--since", "HEAD~1"])
        .assert()
        .code(2);
}

#[test]
fn roll_moves_what_is_open_and_keeps_every_other_byte() {
    let repo = GitRepo::new();
    let w47 = |name: &str| fixture(name).replace("\"2026-W48\"", "\"2026-W47\"");
    repo.write("assessments/scheduler.md", &w47("scheduler.md"));
    repo.write("assessments/notebooks.md", &w47("notebooks.md"));
    repo.write("assessments/contracts.md", &w47("contracts.md"));
    repo.write(
        "assessments/later.md",
        &fixture("contracts.md").replace("2026-W48", "2026-W50"),
    );
    repo.commit("2026-11-13", "Plan 2026-W47");
    // Someone is editing the contracts draft right now.
    let editing = format!("{}\nA note being written.\n", w47("contracts.md"));
    repo.write("assessments/contracts.md", &editing);

    let roll = |args: &[&str]| {
        stdout(
            repo.mrd("2026-11-23")
                .args(["roll", "--from", "2026-W47", "--to", "2026-W48"])
                .args(args),
        )
    };
    let (code, out, _) = roll(&["--dry-run"]);
    assert_eq!(code, 1, "{out}");
    assert!(
        out.contains("would move  assessments/scheduler.md"),
        "{out}"
    );
    assert!(
        out.contains("left alone  assessments/contracts.md: changes not committed"),
        "{out}"
    );
    assert!(out.ends_with("1 would move from 2026-W47 to 2026-W48; 1 decided or archived stays in 2026-W47; 1 left alone (listed above)\n"), "{out}");
    assert_eq!(
        repo.read("assessments/scheduler.md"),
        w47("scheduler.md"),
        "a dry run writes nothing"
    );

    let (code, out, _) = roll(&[]);
    assert_eq!(code, 1, "{out}");
    assert_eq!(
        repo.read("assessments/scheduler.md"),
        w47("scheduler.md").replace(
            "milestone: \"2026-W47\"   # planned at the last kickoff",
            "milestone: 2026-W48   # planned at the last kickoff"
        ),
        "only the milestone entry changes; its comment stays"
    );
    assert_eq!(
        repo.read("assessments/notebooks.md"),
        w47("notebooks.md"),
        "a go stays"
    );
    assert_eq!(
        repo.read("assessments/contracts.md"),
        editing,
        "uncommitted work is left alone"
    );
    assert!(repo.read("assessments/later.md").contains("2026-W50"));
    let status = repo.git(&["status", "--porcelain"]);
    assert_eq!(
        status,
        " M assessments/contracts.md\n M assessments/scheduler.md\n"
    );

    let (code, out, _) = roll(&["--force"]);
    assert_eq!(code, 0, "{out}");
    assert_eq!(
        repo.read("assessments/contracts.md"),
        editing.replace("milestone: \"2026-W47\"", "milestone: 2026-W48")
    );
    // The files still read as assessments of the new milestone.
    let (_, json, _) = stdout(repo.mrd("2026-11-23").args([
        "summary",
        "--milestone",
        "2026-W48",
        "--format",
        "json",
    ]));
    let doc: Value = serde_json::from_str(&json).unwrap();
    assert_eq!(doc["assessments"].as_array().unwrap().len(), 2, "{doc}");
}

/// The week, then the scheduler's go reversed to no-go on 2026-11-24.
fn reversed_week(subject: &str, author: &str) -> GitRepo {
    let repo = week();
    repo.mrd("2026-11-24")
        .args(["decide", "assessments/scheduler.md", "no-go"])
        .args(["--rationale", "The beta users would not pay."])
        .assert()
        .success();
    repo.commit_as("2026-11-24", subject, author);
    repo
}

#[test]
fn log_shows_a_decision_made_and_then_reversed() {
    let repo = reversed_week("Scheduler: no-go after pricing interviews", "Lena Okafor");
    let (code, text, err) = stdout(
        repo.mrd("2026-11-25")
            .args(["log", "assessments/scheduler.md"]),
    );
    assert_eq!(code, 0, "{err}");
    insta::assert_snapshot!("log_scheduler", text);
    assert!(text.contains("Lena Okafor  Scheduler: no-go after pricing interviews\n    decision reversed: GO → NO-GO"), "{text}");
    assert!(
        text.contains("Marcus Webb  Decide the scheduler: go\n    decision made: UNDECIDED → GO"),
        "{text}"
    );

    let (_, json, _) = stdout(repo.mrd("2026-11-25").args([
        "log",
        "assessments/scheduler.md",
        "--format",
        "json",
    ]));
    let doc: Value = serde_json::from_str(&json).unwrap();
    assert_eq!(doc["schema"], "mrd-log/1");
    let decisions: Vec<&str> = doc["versions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v["decision"].as_str().unwrap())
        .collect();
    assert_eq!(decisions, ["no-go", "go", "undecided"]);
    assert_eq!(doc["versions"][0]["decided"], "2026-11-24");
    assert_eq!(doc["versions"][0]["changes"]["decision_change"], "reversed");
    assert_eq!(doc["versions"][1]["commit"]["author"], "Marcus Webb");
    assert_eq!(doc["origin"]["kind"], "created");

    // Without a UTF-8 locale the chart is drawn in ASCII.
    let (_, ascii, _) = stdout(
        repo.mrd("2026-11-25")
            .env("LC_ALL", "C")
            .args(["log", "assessments/scheduler.md"]),
    );
    assert!(
        ascii.contains("readiness  =++  67 → 87 over 3 versions"),
        "{ascii}"
    );
    assert!(ascii.is_ascii() || !ascii.contains('█'));
}

#[test]
fn log_follows_a_rename_and_a_version_that_did_not_parse() {
    let repo = week();
    repo.git(&[
        "mv",
        "assessments/contracts.md",
        "assessments/data-contracts.md",
    ]);
    repo.commit("2026-11-20", "Rename the contracts draft");
    repo.write(
        "assessments/data-contracts.md",
        "---\ntitle: [unclosed\n---\n",
    );
    repo.commit("2026-11-21", "Break it");
    let (code, text, err) = stdout(
        repo.mrd("2026-11-22")
            .args(["log", "assessments/data-contracts.md"]),
    );
    assert_eq!(code, 0, "{err}");
    assert!(
        text.contains("Rename the contracts draft\n    renamed from assessments/contracts.md"),
        "{text}"
    );
    assert!(
        text.contains("Break it\n    could not be read: assessments/data-contracts.md:2:"),
        "{text}"
    );
    assert!(
        text.contains("Plan three assessments for 2026-W48\n    created: NO DECISION"),
        "{text}"
    );
}

#[test]
fn a_shallow_clone_says_what_history_is_missing() {
    let origin = week();
    let clone = GitRepo {
        dir: tempfile::tempdir().unwrap(),
    };
    let url = format!("file://{}", origin.path().display());
    clone.git(&["clone", "-q", "--depth", "1", &url, "."]);

    let (code, text, err) = stdout(
        clone
            .mrd("2026-11-20")
            .args(["log", "assessments/scheduler.md"]),
    );
    assert_eq!(code, 0, "{err}");
    assert!(
        text.lines()
            .last()
            .unwrap()
            .starts_with("this clone is shallow: history before commit "),
        "{text}"
    );
    assert!(
        text.contains("is not in it; `git fetch --unshallow` fetches the rest"),
        "{text}"
    );
    assert!(
        !text.contains("created:"),
        "the boundary is not the file's creation:\n{text}"
    );

    let (code, body, err) =
        stdout(
            clone
                .mrd("2026-11-20")
                .args(["kickoff", "--milestone", "2026-W48"]),
        );
    assert_eq!(code, 0, "{err}");
    assert!(
        body.contains("**Incomplete:** this clone is shallow"),
        "{body}"
    );
    assert!(err.contains("warning: this clone is shallow"), "{err}");

    let (code, json, _) = stdout(clone.mrd("2026-11-20").args([
        "summary",
        "--since",
        "2026-11-16",
        "--format",
        "json",
    ]));
    assert_eq!(code, 0);
    let doc: Value = serde_json::from_str(&json).unwrap();
    assert_eq!(doc["since"]["complete"], false, "{doc}");
    assert!(
        doc["since"]["missing"]
            .as_str()
            .unwrap()
            .contains("shallow")
    );

    let (code, _, err) = stdout(
        clone
            .mrd("2026-11-20")
            .args(["summary", "--since", "HEAD~3"]),
    );
    assert_eq!(code, 2);
    assert!(err.contains("this clone is shallow"), "{err}");
}

#[test]
fn summary_since_names_what_changed() {
    let repo = week();
    let (code, json, err) = stdout(repo.mrd("2026-11-20").args([
        "summary",
        "--since",
        "2026-11-16",
        "--format",
        "json",
    ]));
    assert_eq!(code, 0, "{err}");
    let doc: Value = serde_json::from_str(&json).unwrap();
    let by_path = |path: &str| {
        doc["assessments"]
            .as_array()
            .unwrap()
            .iter()
            .find(|a| a["path"].as_str().unwrap().ends_with(path))
            .unwrap()["since"]
            .clone()
    };
    assert_eq!(by_path("lineage.md")["new"], true);
    assert_eq!(by_path("scheduler.md")["describe"], "was UNDECIDED, +20");
    assert_eq!(
        by_path("scheduler.md")["events"][0]["commit"]["author"],
        "Marcus Webb"
    );
    assert_eq!(by_path("notebooks.md")["before"]["decision"], "go");
    assert_eq!(by_path("contracts.md")["describe"], "no change");
    assert_eq!(
        doc["since"]["commit"]["subject"],
        "Plan three assessments for 2026-W48"
    );

    let (_, table, _) =
        stdout(
            repo.mrd("2026-11-20")
                .args(["summary", "--since", "2026-11-16", "--width", "160"]),
        );
    assert!(table.contains("SINCE"), "{table}");
    assert!(table.contains("since 2026-11-16 (commit "), "{table}");
    assert!(
        table.contains("1 new, 2 decisions changed, readiness up for 1, down for 0"),
        "{table}"
    );
    let (_, markdown, _) = stdout(repo.mrd("2026-11-20").args([
        "summary",
        "--since",
        "2026-11-16",
        "--format",
        "markdown",
    ]));
    assert!(markdown.contains("| Path | Since |"), "{markdown}");
    let (_, csv, _) = stdout(repo.mrd("2026-11-20").args([
        "summary",
        "--since",
        "2026-11-16",
        "--format",
        "csv",
    ]));
    assert!(
        csv.lines()
            .next()
            .unwrap()
            .ends_with(",since,new,decision_before,readiness_before"),
        "{csv}"
    );
    let (_, html, _) = stdout(repo.mrd("2026-11-20").args([
        "summary",
        "--since",
        "2026-11-16",
        "--format",
        "html",
    ]));
    assert!(
        html.contains("<th>Since</th>") && html.contains("<td>was UNDECIDED, +20</td>"),
        "{html}"
    );
}

#[test]
fn decide_records_the_decision_and_keeps_the_rest_of_the_file() {
    let repo = GitRepo::new();
    repo.write("a.md", &fixture("scheduler.md"));
    let (code, _, err) = stdout(repo.mrd("2026-11-20").args(["decide", "a.md", "go"]));
    assert_eq!(code, 2);
    assert!(err.contains("--rationale"), "{err}");

    let (code, out, _) = stdout(repo.mrd("2026-11-20").args([
        "decide",
        "a.md",
        "no-go",
        "--rationale",
        "Too early.",
    ]));
    assert_eq!(code, 0);
    assert_eq!(
        out,
        "decided a.md: NO-GO (was UNDECIDED), status decided, decided 2026-11-20\nthe earlier decision stays in git once this is committed: mrd log a.md\n"
    );
    let decided = repo.read("a.md");
    assert_eq!(
        decided,
        fixture("scheduler.md")
            .replace("status: review\n", "status: decided\ndecided: 2026-11-20\n")
            .replace("  decision: undecided", "  decision: no-go")
            .replace(
                &rationale_block(&fixture("scheduler.md")),
                "  rationale: Too early.\n"
            )
    );
    let (code, _, _) = stdout(repo.mrd("2026-11-21").args(["decide", "a.md", "undecided"]));
    assert_eq!(code, 0);
    let reopened = repo.read("a.md");
    assert!(
        reopened.contains("status: review\nlabels:") || reopened.contains("status: review\n"),
        "{reopened}"
    );
    assert!(!reopened.contains("decided: 2026"), "{reopened}");
    repo.mrd("2026-11-21")
        .args(["lint", "a.md"])
        .assert()
        .success();

    repo.write("broken.md", "---\ntitle: [unclosed\n---\n");
    let (code, _, err) =
        stdout(
            repo.mrd("2026-11-21")
                .args(["decide", "broken.md", "go", "--rationale", "x"]),
        );
    assert_eq!(code, 1);
    assert!(
        err.contains("broken.md:2:") && err.contains("nothing was changed"),
        "{err}"
    );
    assert_eq!(repo.read("broken.md"), "---\ntitle: [unclosed\n---\n");
}

/// The `rationale:` entry of a file, with its block.
fn rationale_block(text: &str) -> String {
    let start = text.find("  rationale:").unwrap();
    let rest = &text[start..];
    let end = rest
        .char_indices()
        .skip(1)
        .find(|(i, _)| rest[*i..].starts_with('\n') && !rest[*i + 1..].starts_with("    "))
        .map_or(rest.len(), |(i, _)| i + 1);
    rest[..end].to_string()
}

#[test]
fn an_invalid_today_is_a_usage_error() {
    let repo = GitRepo::new();
    let (code, _, err) =
        stdout(
            repo.mrd("next tuesday")
                .args(["kickoff", "--milestone", "2026-W48"]),
        );
    assert_eq!(code, 2);
    assert!(err.contains("MRD_TODAY"), "{err}");
}

/// In a terminal 80 columns wide, `mrd log` colours the decisions and cuts a
/// long commit subject instead of letting it wrap.
#[cfg(unix)]
#[test]
fn log_in_an_80_column_terminal() {
    use std::time::{Duration, Instant};
    let repo = reversed_week(
        "Scheduler: no-go, after the pricing interviews with all forty beta users showed nobody pays",
        "Priya Raman",
    );
    let mut cmd = std::process::Command::new(assert_cmd::cargo::cargo_bin("mrd"));
    cmd.args(["log", "assessments/scheduler.md"])
        .current_dir(repo.path())
        .env("MRD_TODAY", "2026-11-25")
        .env("LC_ALL", "C.UTF-8")
        .env("TERM", "xterm")
        .env_remove("NO_COLOR")
        .env_remove("CI");
    let mut session = expectrl::Session::spawn(cmd).expect("spawn mrd in a pseudo-terminal");
    let _ = session.set_window_size(80, 24);
    let mut seen = String::new();
    let start = Instant::now();
    while !seen.contains("history starts here") {
        assert!(
            start.elapsed() < Duration::from_secs(30),
            "timed out:\n{seen}"
        );
        if let Ok(found) = session.check(expectrl::Regex("[\\s\\S]+")) {
            seen.push_str(&String::from_utf8_lossy(found.as_bytes()));
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    assert!(seen.contains("\u{1b}["), "a terminal gets colour:\n{seen}");
    let plain = strip_ansi(&seen);
    assert!(plain.contains("decision reversed: GO → NO-GO"), "{plain}");
    for line in plain.lines() {
        let width = unicode_width::UnicodeWidthStr::width(line.trim_end_matches('\r'));
        assert!(width <= 80, "{width} columns: {line:?}");
    }
    assert!(
        plain.contains("Scheduler: no-go, after the pricing"),
        "{plain}"
    );
    assert!(plain.contains('…'), "the long subject is cut:\n{plain}");
}

fn strip_ansi(text: &str) -> String {
    let mut out = String::new();
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\u{1b}' && chars.peek() == Some(&'[') {
            chars.next();
            for c in chars.by_ref() {
                if c.is_ascii_alphabetic() {
                    break;
                }
            }
        } else {
            out.push(c);
        }
    }
    out
}

/// A repository of `files` assessments and `commits` commits, each editing
/// one file, written with `git fast-import` (fast enough for hundreds).
fn history(files: usize, commits: usize) -> GitRepo {
    use std::io::Write;
    let repo = GitRepo::new();
    let base = fixture("contracts.md");
    let mut stream = Vec::new();
    for c in 0..=commits {
        let when = 1_760_000_000 + c * 3600;
        write!(
            stream,
            "commit refs/heads/main\nauthor A <a@example.com> {when} +0000\ncommitter A <a@example.com> {when} +0000\ndata 1\nx\n"
        )
        .unwrap();
        let edited: Vec<usize> = if c == 0 {
            (0..files).collect()
        } else {
            vec![c % files]
        };
        for i in edited {
            let text = base.replace("Data contracts", &format!("Opportunity {i} revision {c}"));
            write!(
                stream,
                "M 100644 inline assessments/o{i}.md\ndata {}\n{text}\n",
                text.len()
            )
            .unwrap();
        }
        stream.push(b'\n');
    }
    let mut child = std::process::Command::new("git")
        .args(["fast-import", "--quiet"])
        .current_dir(repo.path())
        .env("GIT_CONFIG_GLOBAL", "/dev/null")
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .stdin(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all(&stream).unwrap();
    assert!(child.wait().unwrap().success());
    repo.git(&["checkout", "-q", "main"]);
    repo
}

/// The trees one walk of every file's whole history decodes.
fn walk_work(files: usize, commits: usize) -> usize {
    let repo = history(files, commits);
    let git = mrd::git::Repo::discover(repo.path()).unwrap();
    let paths: Vec<String> = (0..files).map(|i| format!("assessments/o{i}.md")).collect();
    let walked =
        mrd::history::walk::walk(&git, &paths, mrd::history::walk::Until::Beginning).unwrap();
    let versions: usize = walked.files.iter().map(|f| f.versions.len()).sum();
    assert_eq!(versions, files + commits, "every edit is a version");
    git.trees_decoded()
}

/// The walk reads history once for the whole backlog: four times the files
/// cost about the same work, four times the commits about four times.
#[test]
fn the_history_walk_grows_with_commits_not_with_files_times_commits() {
    let base = walk_work(5, 40);
    let more_files = walk_work(20, 40);
    let more_commits = walk_work(5, 160);
    eprintln!(
        "trees decoded: {base} (5 files, 40 commits), {more_files} (20, 40), {more_commits} (5, 160)"
    );
    assert!(
        more_files * 2 <= base * 3,
        "4x files: {more_files} trees decoded against {base}"
    );
    assert!(
        more_commits >= base * 2 && more_commits * 2 <= base * 9,
        "4x commits: {more_commits} trees decoded against {base}"
    );
}
