//! `mrd import` holds memory in proportion to its input, within four times
//! it (issue 11 §6), and a backlog one document at a time.
//!
//! Counted, not timed: this test binary's allocator adds up the bytes live
//! at once, and the command runs in this process (the library's
//! `cmd::import::run`, which is all the binary does after parsing its
//! arguments). What an empty input costs (the question index, the
//! configuration) is measured first and taken off, as the benchmark takes
//! off the process's resident size at rest. A reallocation counts its old
//! and new blocks together, as if every growing string were copied.
//! `bench/import.sh` measures the same shapes' resident memory.

use std::alloc::{GlobalAlloc, Layout, System};
use std::path::Path;
use std::sync::atomic::{AtomicUsize, Ordering::Relaxed};

use clap::Parser;
use mrd::cli::{Cli, Command};
use mrd::config::Config;

struct Counting;

static LIVE: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);

fn grew(by: usize) {
    let live = LIVE.fetch_add(by, Relaxed) + by;
    PEAK.fetch_max(live, Relaxed);
}

// SAFETY: every call is passed to the system allocator unchanged; the
// counters only observe sizes.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let block = unsafe { System.alloc(layout) };
        if !block.is_null() {
            grew(layout.size());
        }
        block
    }

    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        let block = unsafe { System.alloc_zeroed(layout) };
        if !block.is_null() {
            grew(layout.size());
        }
        block
    }

    unsafe fn dealloc(&self, block: *mut u8, layout: Layout) {
        unsafe { System.dealloc(block, layout) };
        LIVE.fetch_sub(layout.size(), Relaxed);
    }

    unsafe fn realloc(&self, block: *mut u8, layout: Layout, size: usize) -> *mut u8 {
        let moved = unsafe { System.realloc(block, layout, size) };
        if !moved.is_null() {
            grew(size);
            LIVE.fetch_sub(layout.size(), Relaxed);
        }
        moved
    }
}

#[global_allocator]
static ALLOCATOR: Counting = Counting;

/// The most bytes live at once during `mrd import ARGS`, above what was
/// live before it.
fn peak(args: &[&str], dir: &Path) -> usize {
    let cli = Cli::try_parse_from(["mrd", "import"].iter().chain(args)).expect("arguments");
    let Command::Import(args) = &cli.command else {
        unreachable!("an import command")
    };
    let config = Config::defaults(dir);
    let before = LIVE.load(Relaxed);
    PEAK.store(before, Relaxed);
    // The report goes nowhere: what is measured is what import holds.
    let _ = mrd::cmd::import::run(args, &config, &mut std::io::sink());
    PEAK.load(Relaxed) - before
}

fn document(size: usize, part: impl Fn(usize) -> String) -> String {
    let mut text = String::from("# A big document\n\n## Why now?\n\nA rule changed in May.\n\n");
    let mut i = 0;
    while text.len() < size {
        text.push_str(&part(i));
        i += 1;
    }
    text
}

const QUESTIONS: [&str; 5] = [
    "## 1. Exactly what problem will this solve?",
    "## Why now?",
    "## Market Size",
    "**3. How big is the opportunity?** About 2,000 shops",
    "## Recommendation\n\nPursue.",
];

#[test]
fn import_holds_memory_in_proportion_to_its_input() {
    let scratch = tempfile::tempdir().expect("temp dir");
    let dir = scratch.path();
    let out = dir.join("out");
    std::fs::create_dir(&out).expect("output dir");
    let out = out.to_str().expect("UTF-8 path");
    let empty = dir.join("empty.md");
    std::fs::write(&empty, "").expect("write");
    let baseline = peak(&["--dry-run", empty.to_str().expect("path")], dir);

    // Each shape at 1x and 4x, with the flags it is imported with (`-o`
    // writes the assessment into `out`): a line of the table, then the checks.
    type Shape = (&'static str, fn(usize) -> String, &'static [&'static str]);
    let shapes: [Shape; 6] = [
        (
            "headings that name nothing",
            |i| format!("## Section {i}\n\nSome text about item {i} with a few words.\n\n"),
            &["--dry-run"],
        ),
        (
            "the same, JSON report",
            |i| format!("## Section {i}\n\nSome text about item {i} with a few words.\n\n"),
            &["--dry-run", "--format", "json"],
        ),
        (
            "questions named again and again",
            |i| {
                format!(
                    "{}\n\nText {i} about pipelines and teams.\n\n",
                    QUESTIONS[i % 5]
                )
            },
            &["--dry-run"],
        ),
        (
            "long answers, written",
            |i| match i % 4 {
                0 => format!(
                    "### Detail {i}\n\nSchedulers fail at night and teams lose a day to it, as item {i} shows.\n\n"
                ),
                1 => format!("- runner {i} waits\n- queue {i} grows\n\n"),
                2 => format!("| Segment | Teams |\n| --- | --- |\n| s{i} | {i} |\n\n"),
                _ => format!("Operators said so in interview {i}, and the survey agrees.\n\n"),
            },
            &["--force", "-o"],
        ),
        (
            "one paragraph of short lines",
            |i| format!("line {i}\n"),
            &["--dry-run"],
        ),
        (
            "numbered questions not in the set",
            |i| {
                format!(
                    "**{}. What about pricing {i}?**\n\n- item {i}\n- more\n\n",
                    i + 2
                )
            },
            &["--dry-run"],
        ),
    ];
    let mut failures = Vec::new();
    println!(
        "{:<36} {:>9} {:>11} {:>9} {:>11}",
        "shape", "1x bytes", "1x held", "4x bytes", "4x held"
    );
    for (name, part, flags) in shapes {
        let mut held = Vec::new();
        let mut sizes = Vec::new();
        for size in [256 * 1024, 1024 * 1024] {
            let text = document(size, part);
            let path = dir.join(format!("doc-{size}.md"));
            std::fs::write(&path, &text).expect("write");
            let mut args = flags.to_vec();
            if args.contains(&"-o") {
                args.push(out);
            }
            args.push(path.to_str().expect("path"));
            held.push(peak(&args, dir).saturating_sub(baseline));
            sizes.push(text.len());
        }
        println!(
            "{name:<36} {:>9} {:>11} {:>9} {:>11}",
            sizes[0], held[0], sizes[1], held[1]
        );
        if held[1] > 4 * sizes[1] {
            failures.push(format!(
                "{name}: {} bytes held for {} bytes of input",
                held[1], sizes[1]
            ));
        }
        // Linear: 4x the input, about 4x the memory (generously), not 16x.
        if held[1] > 6 * held[0].max(sizes[0] / 4) {
            failures.push(format!(
                "{name}: 4x the input held {}x the memory",
                held[1] / held[0].max(1)
            ));
        }
    }

    // A backlog holds one document at a time: four times the files, not
    // four times the memory.
    let mut held = Vec::new();
    let mut totals = Vec::new();
    for copies in [10, 40] {
        let backlog = dir.join(format!("backlog-{copies}"));
        std::fs::create_dir(&backlog).expect("backlog dir");
        let mut total = 0;
        for i in 0..copies {
            for entry in std::fs::read_dir(
                Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/import"),
            )
            .expect("fixtures")
            {
                let from = entry.expect("entry").path();
                let to = backlog.join(format!(
                    "{i}-{}",
                    from.file_name().expect("name").to_string_lossy()
                ));
                total += std::fs::copy(&from, &to).expect("copy") as usize;
            }
        }
        held.push(
            peak(&["--dry-run", backlog.to_str().expect("path")], dir).saturating_sub(baseline),
        );
        totals.push(total);
    }
    println!(
        "{:<36} {:>9} {:>11} {:>9} {:>11}",
        "a backlog, 4x the files", totals[0], held[0], totals[1], held[1]
    );
    // The list of files and of the paths taken grows with the backlog; the
    // documents' text does not stay.
    if held[1] > held[0] + (totals[1] - totals[0]) / 4 {
        failures.push(format!(
            "backlog: {} bytes held for {} files' {} bytes, {} for a quarter of them",
            held[1], 40, totals[1], held[0]
        ));
    }
    assert!(failures.is_empty(), "{failures:#?}");
}
