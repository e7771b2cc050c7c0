//! Inputs the fuzz targets in fuzz/ found crashing or breaking a property,
//! kept as tests through the real binary once fixed.

mod common;

use common::Scratch;

/// A line feed then a byte that is not UTF-8 (fuzz target `lint_formats`):
/// the human output panicked (exit 101). Issue 11 section 2, the core
/// engineer's: unignore when a file that is not UTF-8 becomes a finding.
#[test]
#[ignore = "issue 11 section 2: lint panics on a file that is not UTF-8 (core)"]
fn a_file_that_is_not_utf8_is_a_finding_in_every_format() {
    let scratch = Scratch::new();
    std::fs::write(scratch.path().join("x.md"), b"\n\xff").expect("write");
    for format in ["human", "json", "github", "gitlab", "sarif", "junit"] {
        scratch
            .mrd()
            .args(["lint", "--format", format, "x.md"])
            .assert()
            .code(1);
    }
}
