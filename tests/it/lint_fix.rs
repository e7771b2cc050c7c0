//! `mrd lint --fix`, `--unsafe-fixes` and `--diff` through the real binary:
//! which fixes apply, that every other byte stays, what is reported, and
//! the exit code after fixing.

use crate::common::{Scratch, example};

/// A complete assessment (the managed-scheduler example) with its `problem`
/// key written `Problem` (a safe fix) and, when `guess` is set, its
/// `market_size` key misspelt `market_sise` (an unsafe one), plus a comment
/// and a body that must survive.
fn assessment(guess: bool) -> String {
    let text = std::fs::read_to_string(example("managed-scheduler.md")).unwrap();
    let text = text.replacen("  problem: |", "  # Keep this comment.\n  Problem: |", 1);
    if guess {
        text.replacen("  market_size: |", "  market_sise: |", 1)
    } else {
        text
    }
}

#[test]
fn fix_applies_the_safe_rename_keeps_every_other_byte_and_exits_clean() {
    let scratch = Scratch::new();
    let original = assessment(false);
    scratch.write("a.md", &original);
    let output = scratch
        .mrd()
        .args(["lint", "--fix", "a.md"])
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(0), "{stderr}");
    assert!(
        stderr.contains("fixed: a.md:10: MRD013 Rename `Problem` to `problem`"),
        "{stderr}"
    );
    assert!(stderr.contains("Fixed 1 finding in 1 file."), "{stderr}");
    assert_eq!(
        scratch.read("a.md"),
        original.replacen("  Problem: |", "  problem: |", 1)
    );
    // Nothing is left to report.
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(stdout.contains("0 errors, 0 warnings"), "{stdout}");
}

#[test]
fn a_guessed_spelling_needs_unsafe_fixes_and_the_exit_code_says_what_remains() {
    let scratch = Scratch::new();
    let original = assessment(true);
    scratch.write("a.md", &original);

    let output = scratch
        .mrd()
        .args(["lint", "--fix", "a.md"])
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    // market_size is unanswered while its key is misspelt: an error remains.
    assert_eq!(output.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.contains("Fixed 1 finding in 1 file; 1 more fix with --unsafe-fixes."),
        "{stderr}"
    );
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(stdout.contains("unknown key `market_sise`"), "{stdout}");
    assert!(scratch.read("a.md").contains("  market_sise: |"));

    let output = scratch
        .mrd()
        .args(["lint", "--fix", "--unsafe-fixes", "a.md"])
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(0), "{stderr}");
    assert!(
        stderr.contains("Rename `market_sise` to `market_size`"),
        "{stderr}"
    );
    assert_eq!(
        scratch.read("a.md"),
        original
            .replacen("  Problem: |", "  problem: |", 1)
            .replacen("  market_sise: |", "  market_size: |", 1)
    );
}

#[test]
fn diff_previews_a_unified_diff_and_writes_nothing() {
    let scratch = Scratch::new();
    let original = assessment(true);
    scratch.write("a.md", &original);
    let output = scratch
        .mrd()
        .args(["lint", "--diff", "--unsafe-fixes", "a.md"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0));
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(
        stdout.starts_with("--- a/a.md\n+++ b/a.md\n@@ -7,"),
        "{stdout}"
    );
    assert!(
        stdout.contains("\n-  Problem: |\n+  problem: |\n"),
        "{stdout}"
    );
    assert!(
        stdout.contains("\n-  market_sise: |\n+  market_size: |\n"),
        "{stdout}"
    );
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("Would fix 2 findings in 1 file."),
        "{stderr}"
    );
    assert_eq!(scratch.read("a.md"), original);

    // Without --unsafe-fixes the preview leaves the guess out, and an error
    // would remain: the exit code says so.
    let output = scratch
        .mrd()
        .args(["lint", "--diff", "a.md"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(!stdout.contains("market_size"), "{stdout}");
}

#[test]
fn a_byte_order_mark_and_crlf_line_endings_stay() {
    let scratch = Scratch::new();
    let original = format!("\u{feff}{}", assessment(false).replace('\n', "\r\n"));
    scratch.write("a.md", &original);
    let output = scratch
        .mrd()
        .args(["lint", "--fix", "a.md"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0));
    assert_eq!(
        scratch.read("a.md"),
        original.replacen("  Problem: |", "  problem: |", 1)
    );
}

#[test]
fn fix_refuses_standard_input_and_unsafe_fixes_alone_is_a_usage_error() {
    let scratch = Scratch::new();
    let output = scratch
        .mrd()
        .args(["lint", "--fix", "-"])
        .write_stdin(assessment(false))
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stderr).contains("use --diff"));

    let output = scratch
        .mrd()
        .args(["lint", "--unsafe-fixes", "-"])
        .write_stdin(assessment(false))
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stderr).contains("with --fix or --diff"));

    // --diff reads standard input like lint does.
    let output = scratch
        .mrd()
        .args(["lint", "--diff", "-"])
        .write_stdin(assessment(false))
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&output.stdout).contains("+  problem: |"));
}
