//! Hostile and broken files: each gets a diagnostic with a position where
//! one exists, the run goes on with the other files, and nothing panics or
//! hangs. Large inputs are generated here, never committed.

use crate::common;

use std::time::Duration;

use crate::common::Scratch;
use serde_json::Value;

fn clean() -> String {
    std::fs::read_to_string(common::fixture("lint/clean.md")).unwrap()
}

/// Lints the scratch directory as JSON within a time limit.
fn lint(scratch: &Scratch) -> (i32, Vec<Value>) {
    let output = scratch
        .mrd()
        .args(["lint", ".", "--format", "json"])
        .timeout(Duration::from_secs(120))
        .output()
        .unwrap();
    assert!(
        output.status.code().is_some(),
        "killed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    let report: Value = serde_json::from_slice(&output.stdout).expect("a complete JSON report");
    (
        output.status.code().unwrap(),
        report["diagnostics"].as_array().unwrap().clone(),
    )
}

/// The (code, line, column) of findings in one file.
fn of(diagnostics: &[Value], file: &str) -> Vec<(String, u64, u64)> {
    diagnostics
        .iter()
        .filter(|d| d["file"].as_str().unwrap().ends_with(file))
        .map(|d| {
            (
                d["code"].as_str().unwrap().into(),
                d["line"].as_u64().unwrap(),
                d["column"].as_u64().unwrap(),
            )
        })
        .collect()
}

#[test]
fn broken_files_are_reported_and_the_run_goes_on() {
    let scratch = Scratch::new();
    scratch.write("a-empty.md", "");
    std::fs::write(
        scratch.path().join("b-binary.md"),
        b"---\ntitle: \xff\xfe\x00\x01\n---\n",
    )
    .unwrap();
    scratch.write("c-unclosed.md", "---\ntitle: Never closed\nstatus: draft\n");
    let deep = format!(
        "---\ntitle: Deep\nanswers: {}{}\n---\n",
        "[".repeat(100_000),
        "]".repeat(100_000)
    );
    scratch.write("d-deep.md", &deep);
    let mut bomb = String::from(
        "---\na: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n",
    );
    for i in 1..9u8 {
        let (prev, cur) = ((b'a' + i - 1) as char, (b'a' + i) as char);
        bomb.push_str(&format!(
            "{cur}: &{cur} [{}]\n",
            vec![format!("*{prev}"); 9].join(",")
        ));
    }
    bomb.push_str("---\n");
    scratch.write("e-bomb.md", &bomb);
    scratch.write("z-good.md", &clean());

    let (code, diagnostics) = lint(&scratch);
    assert_eq!(code, 1);
    assert_eq!(of(&diagnostics, "a-empty.md"), [("MRD002".into(), 1, 1)]);
    assert_eq!(of(&diagnostics, "b-binary.md"), [("MRD001".into(), 2, 8)]);
    assert_eq!(of(&diagnostics, "c-unclosed.md"), [("MRD002".into(), 1, 1)]);
    let deep = of(&diagnostics, "d-deep.md");
    assert_eq!(deep.len(), 1);
    assert_eq!((deep[0].0.as_str(), deep[0].1), ("MRD001", 3), "{deep:?}");
    let bomb = of(&diagnostics, "e-bomb.md");
    assert_eq!(bomb.len(), 1);
    assert_eq!(bomb[0].0, "MRD001", "{bomb:?}");
    assert!(
        of(&diagnostics, "z-good.md").is_empty(),
        "the good file after them is linted"
    );
    // Limits are said in words, with the limit and what to do.
    let said = |file: &str| {
        let d = diagnostics
            .iter()
            .find(|d| d["file"].as_str().unwrap().ends_with(file))
            .unwrap();
        (
            d["message"].as_str().unwrap().to_string(),
            d["help"].as_str().unwrap().to_string(),
        )
    };
    let (message, help) = said("d-deep.md");
    assert_eq!(message, "the YAML is nested more than 64 levels deep");
    assert!(help.contains("three levels at most"), "{help}");
    let (message, help) = said("e-bomb.md");
    assert_eq!(
        message, "YAML anchors are not read",
        "refused at the first anchor"
    );
    assert!(help.contains("plain YAML"), "{help}");
}

#[test]
fn the_node_budget_is_said_in_words() {
    let scratch = Scratch::new();
    let wide = format!(
        "---\ntitle: Wide\nlabels: [{}]\n---\n",
        "x,".repeat(100_001)
    );
    scratch.write("wide.md", &wide);
    let (code, diagnostics) = lint(&scratch);
    assert_eq!(code, 1);
    assert_eq!(
        diagnostics[0]["message"],
        "the YAML has more than 100,000 keys and values"
    );
    assert!(
        diagnostics[0]["help"]
            .as_str()
            .unwrap()
            .contains("a few hundred")
    );
}

#[test]
fn a_sixty_megabyte_answer_is_linted_without_trouble() {
    let scratch = Scratch::new();
    let sentence = "Teams lose a day a month to failed cron jobs nobody notices. ";
    let huge: String = sentence.repeat(60 * 1024 * 1024 / sentence.len());
    let text = clean().replacen(
        "  market_size: |\n",
        &format!("  market_size: |\n    {huge}\n"),
        1,
    );
    scratch.write("huge.md", &text);
    scratch.write("z-good.md", &clean());
    let (code, diagnostics) = lint(&scratch);
    assert_eq!(code, 0, "{diagnostics:#?}");
    assert!(of(&diagnostics, "huge.md").is_empty());

    // The human format cuts the 60 MB line to a window around the span.
    let one_line = clean().replacen(
        "  market_size: |\n",
        &format!("  market_sise: \"{huge}\"\n  market_sizes: |\n"),
        1,
    );
    scratch.write("huge.md", &one_line);
    let output = scratch
        .mrd()
        .args(["lint", "huge.md"])
        .timeout(Duration::from_secs(120))
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1), "market_size is now missing");
    let stdout = String::from_utf8(output.stdout).unwrap();
    assert!(
        stdout.contains(
            "warning[MRD013]: unknown key `market_sise` in `answers`\n  --> huge.md:15:3\n"
        ),
        "{stdout}"
    );
    assert!(stdout.len() < 10_000, "printed {} bytes", stdout.len());
}

/// Every command a user points at a file, with its output formats.
const COMMANDS: &[&[&str]] = &[
    &["lint"],
    &["--color", "always", "lint"],
    &["lint", "--format", "json"],
    &["lint", "--format", "github"],
    &["lint", "--format", "gitlab"],
    &["lint", "--format", "sarif"],
    &["lint", "--format", "junit"],
    &["render"],
    &["render", "--format", "html"],
    &["summary"],
    &["summary", "--format", "json"],
    &["import", "-o", "-"],
];

fn bad_fixtures() -> Vec<std::path::PathBuf> {
    let mut files: Vec<_> = std::fs::read_dir(common::fixture("bad"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    files.sort();
    assert!(files.len() >= 20, "{files:?}");
    files
}

/// Runs `mrd` and checks it ended as a command should: with one of the
/// documented exit codes, never a panic, never a hang.
fn ran_cleanly(args: &[&str], target: &std::path::Path) -> std::process::Output {
    let output = common::mrd()
        .args(args)
        .arg(target)
        .timeout(Duration::from_secs(60))
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    let what = format!("mrd {} {}", args.join(" "), target.display());
    assert!(
        matches!(output.status.code(), Some(0..=2)),
        "{what}: {:?}\n{stderr}",
        output.status
    );
    assert!(!stderr.contains("panicked"), "{what}:\n{stderr}");
    output
}

#[test]
fn every_bad_input_goes_through_every_command_and_format_without_a_panic() {
    for file in bad_fixtures() {
        for args in COMMANDS {
            ran_cleanly(args, &file);
        }
    }
}

#[test]
fn a_directory_of_bad_inputs_is_reported_in_full_in_every_format() {
    let dir = common::fixture("bad");
    let files = bad_fixtures();
    for args in COMMANDS.iter().filter(|a| a.contains(&"lint")) {
        let output = ran_cleanly(args, &dir);
        assert_eq!(output.status.code(), Some(1), "{args:?}");
        let stdout = String::from_utf8(output.stdout).expect("output is UTF-8");
        for file in &files {
            let name = file.file_name().unwrap().to_str().unwrap();
            assert!(stdout.contains(name), "{args:?}: {name} is not reported");
        }
        if let Some(&"json" | &"sarif" | &"gitlab") = args.last() {
            serde_json::from_str::<Value>(&stdout).expect("one JSON document");
        }
        if args.contains(&"always") {
            assert!(stdout.contains("\u{1b}["), "--color always is styled");
        }
    }
    // The same run, as JSON: where each of the tricky files is reported.
    let output = ran_cleanly(&["lint", "--format", "json"], &dir);
    let report: Value = serde_json::from_slice(&output.stdout).unwrap();
    let diagnostics = report["diagnostics"].as_array().unwrap();
    let not_utf8 = "the file is not valid UTF-8 text";
    for (file, code, line, column, message) in [
        ("windows-1252.md", "MRD001", 2, 11, not_utf8),
        ("utf-16.md", "MRD001", 1, 1, not_utf8),
        (
            "lone-cr.md",
            "MRD001",
            3,
            9,
            "invalid value `maybe` for `status`",
        ),
        (
            "crlf.md",
            "MRD001",
            3,
            9,
            "invalid value `maybe` for `status`",
        ),
        ("anchors.md", "MRD001", 2, 8, "YAML anchors are not read"),
        ("tags.md", "MRD001", 2, 8, "YAML tags are not read"),
        (
            "nul-byte.md",
            "MRD001",
            2,
            9,
            "unexpected character: `\\u{0}'",
        ),
    ] {
        assert!(
            diagnostics
                .iter()
                .any(|d| d["file"].as_str().unwrap().ends_with(file)
                    && d["code"] == code
                    && d["line"] == line
                    && d["column"] == column
                    && d["message"] == message),
            "{file}: no {code} at {line}:{column} saying {message:?}"
        );
    }
}

#[test]
fn a_fifo_named_on_the_command_line_is_an_error_and_skipped_in_a_walk() {
    #[cfg(unix)]
    {
        let scratch = Scratch::new();
        scratch.write("good.md", &clean());
        let fifo = scratch.path().join("pipe.md");
        let made = std::process::Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .unwrap();
        assert!(made.success(), "mkfifo");
        for args in [&["lint"][..], &["render"], &["summary"], &["import"]] {
            let output = ran_cleanly(args, &fifo);
            assert_eq!(output.status.code(), Some(2), "{args:?}");
            let stderr = String::from_utf8_lossy(&output.stderr);
            assert!(stderr.contains("named pipe (FIFO)"), "{args:?}: {stderr}");
        }
        let output = ran_cleanly(&["lint", "--format", "json"], scratch.path());
        let report: Value = serde_json::from_slice(&output.stdout).unwrap();
        assert_eq!(report["summary"]["files"], 1, "the FIFO is skipped");
    }
}

#[cfg(unix)]
/// The CPU time of the cheaper of two runs of `mrd ARGS FILE`, in seconds
/// (see `common::cost`). Only compared with another run's, never with a
/// limit.
fn cpu_of(args: &[&str], file: &std::path::Path) -> f64 {
    let cost = common::cost::least(2, || {
        let mut command = std::process::Command::new(assert_cmd::cargo::cargo_bin("mrd"));
        command.args(args).arg(file);
        command
    });
    assert!(
        cost.code.is_some(),
        "mrd {args:?} {} ended by a signal",
        file.display()
    );
    cost.cpu
}

#[cfg(unix)]
/// Work that grows with the input, not faster: four times the input may
/// take at most six times as long (linear is four, quadratic sixteen; the
/// rest is room for a noisy machine).
fn assert_linear(args: &[&str], small: &std::path::Path, large: &std::path::Path) {
    let (one, four) = (cpu_of(args, small), cpu_of(args, large));
    eprintln!(
        "mrd {}: {one:.3} s, then {four:.3} s of CPU",
        args.join(" ")
    );
    assert!(
        four < 6.0 * one,
        "mrd {}: {four:.3} s of CPU for 4x the input, {one:.3} s for 1x",
        args.join(" ")
    );
}

#[cfg(unix)]
#[test]
fn a_huge_key_costs_time_in_proportion_to_its_size() {
    let scratch = Scratch::new();
    for (name, size) in [("key1.md", 2_000_000), ("key4.md", 8_000_000)] {
        let key = "k".repeat(size);
        scratch.write(name, &format!("---\ntitle: T\n{key}: x\n---\n"));
    }
    let (small, large) = (
        scratch.path().join("key1.md"),
        scratch.path().join("key4.md"),
    );
    assert_linear(&["lint", "--format", "json"], &small, &large);
    assert_linear(&["summary"], &small, &large);
}

#[cfg(unix)]
#[test]
fn many_findings_in_one_file_cost_time_in_proportion_to_their_number() {
    let scratch = Scratch::new();
    for (name, answers) in [("todo1.md", 5_000), ("todo4.md", 20_000)] {
        let answers: String = (0..answers).map(|i| format!("  key{i}: TODO\n")).collect();
        scratch.write(
            name,
            &format!("---\ntitle: T\nrecommendation:\n  decision: go\n  rationale: Because.\nanswers:\n{answers}---\n"),
        );
    }
    let (small, large) = (
        scratch.path().join("todo1.md"),
        scratch.path().join("todo4.md"),
    );
    assert_linear(&["lint", "--format", "json"], &small, &large);
    assert_linear(&["summary"], &small, &large);
    assert_linear(&["summary", "--format", "json"], &small, &large);
}
