//! What the substance heuristics (issue 16) cost next to lint itself: both
//! run over the same files, in the same process, one thread, best of nine
//! interleaved rounds.
//!
//!   python3 bench/generate.py /tmp/corpus 10000
//!   cargo bench --bench substance -- /tmp/corpus
//!   bench/substance.sh            # both, plus instruction counts
//!
//! `--only lint`, `--only substance` or `--only none` runs one side five
//! times and prints nothing, for counting its instructions with valgrind
//! (`bench/substance.sh` does): wall time on a shared machine varies by
//! ±30%, instruction counts do not.
//!
//! "lint" is `Linter::lint_source` per file (reading the YAML, every rule);
//! "substance" is every substance heuristic over the answers it reads, on
//! assessments parsed beforehand, so it counts only the heuristics. The
//! ratio is what registering them adds to lint's CPU time, before the
//! parallelism and output that `mrd lint` adds around both.

use std::path::{Path, PathBuf};

// The same allocator as the `mrd` binary, so the two sides compare fairly.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;
use std::time::{Duration, Instant};

use mrd::assessment::{self, Assessment};
use mrd::lint::substance::{
    Words, everyone_market, market_size, metrics, no_differentiator, question_in_answer, solution,
    weak_rationale, why_now,
};
use mrd::lint::{Linter, Settings};
use mrd::questions::QuestionSet;
use mrd::source::Source;

fn files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).expect("a readable directory") {
        let path = entry.expect("an entry").path();
        if path.is_dir() {
            files(&path, out);
        } else if path.extension().is_some_and(|e| e == "md") {
            out.push(path);
        }
    }
}

/// The answer a heuristic reads.
fn answer<'a>(a: &'a Assessment, key: &str) -> &'a str {
    a.front.answer_text(key).unwrap_or_default()
}

/// Each heuristic, run on one assessment; `true` when it found a weakness.
type Heuristic = fn(&Assessment, &Words, &question_in_answer::Questions) -> usize;

const HEURISTICS: &[(&str, Heuristic)] = &[
    ("weak-market-size", |a, w, _| {
        market_size::check(answer(a, "market_size"), w).is_some() as usize
    }),
    ("everyone-market", |a, w, _| {
        everyone_market::check(answer(a, "target_market"), w).is_some() as usize
    }),
    ("no-differentiator", |a, w, _| {
        no_differentiator::check(answer(a, "differentiator"), w).is_some() as usize
    }),
    ("why-now-without-change", |a, w, _| {
        why_now::check(answer(a, "market_window"), w).is_some() as usize
    }),
    ("unmeasurable-metrics", |a, w, _| {
        metrics::check(answer(a, "metrics"), w).is_some() as usize
    }),
    ("solution-not-problem", |a, w, _| {
        solution::check(answer(a, "problem"), w).is_some() as usize
    }),
    ("question-in-answer", |a, _, q| {
        a.front
            .answers
            .iter()
            .filter(|e| q.check(&e.text.value, &e.key.value).is_some())
            .count()
    }),
    ("weak-rationale", |a, w, _| match &a.front.recommendation {
        Some(r) => match (&r.decision, &r.rationale) {
            (Some(d), Some(text)) => {
                weak_rationale::check(&text.value, d.value, w).is_some() as usize
            }
            _ => 0,
        },
        None => 0,
    }),
];

/// Runs each of `tasks` once per round, for `rounds` rounds, and keeps each
/// task's best time: interleaving the two sides means a noisy moment on a
/// shared machine slows one round of both, not all rounds of one.
fn best_interleaved(
    rounds: usize,
    tasks: &mut [&mut dyn FnMut() -> usize],
) -> Vec<(Duration, usize)> {
    let mut best = vec![(Duration::MAX, 0); tasks.len()];
    for _ in 0..rounds {
        for (task, best) in tasks.iter_mut().zip(best.iter_mut()) {
            let start = Instant::now();
            let found = task();
            let elapsed = start.elapsed();
            if elapsed < best.0 {
                *best = (elapsed, found);
            }
        }
    }
    best
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let only = args
        .iter()
        .position(|a| a == "--only")
        .map(|i| args.get(i + 1).expect("--only lint|substance|none").clone());
    let dir = args
        .iter()
        .enumerate()
        .find(|(i, a)| !a.starts_with('-') && (*i == 0 || args[i - 1] != "--only"))
        .map(|(_, a)| a.clone())
        .expect("usage: cargo bench --bench substance -- DIR (from bench/generate.py)");
    let mut paths = Vec::new();
    files(Path::new(&dir), &mut paths);
    paths.sort();
    let sources: Vec<Source> = paths
        .iter()
        .map(|p| Source::from_text(p.display().to_string(), std::fs::read_to_string(p).unwrap()))
        .collect();
    let questions = QuestionSet::builtin();
    // Reading and compiling the lists happens on first use; time it.
    let compiling = Instant::now();
    let words = Words::new(mrd::lint::substance::Lexicon::builtin());
    std::hint::black_box(market_size::check("", &words));
    let compile = compiling.elapsed();
    let settings = Settings::default();
    let parsed: Vec<Assessment> = sources
        .iter()
        .filter_map(|s| assessment::parse(s).assessment)
        .collect();

    let linter = Linter::new(&questions, &settings);
    let mut lint = || {
        sources
            .iter()
            .map(|s| linter.lint_source(s).diagnostics.len())
            .sum()
    };
    let prepared = question_in_answer::Questions::new(&questions);
    let mut heuristics: Vec<Box<dyn FnMut() -> usize>> = HEURISTICS
        .iter()
        .map(|(_, heuristic)| {
            let (parsed, words, questions) = (&parsed, &words, &prepared);
            Box::new(move || parsed.iter().map(|a| heuristic(a, words, questions)).sum())
                as Box<dyn FnMut() -> usize>
        })
        .collect();
    if let Some(only) = only {
        let mut found = 0;
        for _ in 0..5 {
            found += match only.as_str() {
                "lint" => lint(),
                "substance" => heuristics.iter_mut().map(|h| h()).sum(),
                "none" => 0,
                other => panic!("--only lint|substance|none, not {other}"),
            };
        }
        std::hint::black_box(found);
        return;
    }
    let mut tasks: Vec<&mut dyn FnMut() -> usize> = vec![&mut lint];
    tasks.extend(
        heuristics
            .iter_mut()
            .map(|h| h.as_mut() as &mut dyn FnMut() -> usize),
    );
    let best = best_interleaved(9, &mut tasks);

    let per_file = |d: Duration| d.as_secs_f64() * 1e6 / sources.len() as f64;
    println!(
        "{} files ({} parsed), one thread, best of 9 interleaved rounds",
        sources.len(),
        parsed.len()
    );
    println!(
        "compiling the word lists: {:.2} ms",
        compile.as_secs_f64() * 1e3
    );
    let (lint, findings) = best[0];
    println!(
        "{:<24} {:>8.1} ms  {:>6.2} µs/file  ({findings} findings)",
        "lint",
        lint.as_secs_f64() * 1e3,
        per_file(lint)
    );
    let mut total = Duration::ZERO;
    for ((name, _), (time, weak)) in HEURISTICS.iter().zip(&best[1..]) {
        total += *time;
        println!(
            "{name:<24} {:>8.1} ms  {:>6.2} µs/file  ({weak} weak answers)",
            time.as_secs_f64() * 1e3,
            per_file(*time)
        );
    }
    println!(
        "{:<24} {:>8.1} ms  {:>6.2} µs/file  {:.1}% of lint",
        "substance, all rules",
        total.as_secs_f64() * 1e3,
        per_file(total),
        total.as_secs_f64() / lint.as_secs_f64() * 100.0
    );
}
