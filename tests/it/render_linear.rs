//! `mrd render` grows linearly with its input, in CPU time and in memory:
//! for each shape of notes that once cost quadratic time (long lists,
//! many headings, many lines of prose, many command lines, ...), a 4x
//! longer input must cost well under 16x (what quadratic growth gives) of
//! the 1x input's work. Work is the child's own CPU time and peak memory,
//! read with wait4(2), beyond what a tiny input costs; never wall-clock
//! time. Speed and memory targets themselves are in bench/linear.sh.

#![cfg(target_os = "linux")]

use std::process::Command;

use crate::common::{Scratch, cost};

/// Linear growth gives 4; quadratic gives 16. Generous for a shared machine.
const MAX_RATIO: f64 = 8.0;

/// The least CPU seconds and peak memory (KiB) of two `mrd render`s of
/// `file`.
fn least_cost(scratch: &Scratch, file: &str) -> (f64, f64) {
    let cost = cost::least(2, || {
        let mut command = Command::new(assert_cmd::cargo::cargo_bin("mrd"));
        command.args(["render", file]).current_dir(scratch.path());
        command
    });
    assert_eq!(cost.code, Some(0), "mrd render {file} failed");
    (cost.cpu, cost.peak_kib)
}

fn notes(unit: &str, times: usize) -> String {
    format!("---\ntitle: Long notes\n---\n{}", unit.repeat(times))
}

#[test]
fn render_grows_linearly_with_the_notes() {
    let scratch = Scratch::new();
    scratch.write("tiny.md", &notes("Short.\n", 1));
    let base = least_cost(&scratch, "tiny.md");
    // (shape, the unit repeated, how many times for the 1x input)
    let shapes: &[(&str, &str, usize)] = &[
        ("prose lines", "Plain words on a line\n", 40_000),
        ("paragraphs", "A paragraph.\n\n", 30_000),
        ("bullet items", "- an item\n", 20_000),
        ("nested bullets", "* an item\n    * nested\n", 8_000),
        ("headings", "# A heading\n", 15_000),
        ("code spans and emphasis", "`code` and _em_ here\n", 15_000),
        ("block quotes", "> quoted\n", 20_000),
        ("command lines", "/close\n", 30_000),
        ("fenced code", "```\n/close\n```\n\n", 8_000),
        ("html blocks", "<div>\n/close\n</div>\n\n", 8_000),
    ];
    let mut report = Vec::new();
    for (shape, unit, times) in shapes {
        scratch.write("one.md", &notes(unit, *times));
        scratch.write("four.md", &notes(unit, times * 4));
        let one = least_cost(&scratch, "one.md");
        let four = least_cost(&scratch, "four.md");
        let cpu = (four.0 - base.0) / (one.0 - base.0).max(1e-3);
        let memory = (four.1 - base.1).max(1.0) / (one.1 - base.1).max(1.0);
        report.push(format!(
            "{shape}: CPU {:.3}s -> {:.3}s (x{cpu:.1}), memory {:.0} -> {:.0} KiB (x{memory:.1})",
            one.0, four.0, one.1, four.1
        ));
        assert!(
            cpu < MAX_RATIO && memory < MAX_RATIO,
            "{shape} grows faster than its input:\n{}",
            report.join("\n")
        );
    }
    eprintln!("{}", report.join("\n"));
}
