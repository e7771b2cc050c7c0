//! `mrd lint`: lint files and directories in parallel, print findings in the
//! chosen format, exit 1 on errors.
//!
//! Files are linted in chunks: each chunk in parallel (rayon), then its
//! results printed in input order before the next chunk is read. Output is
//! the same on every run, and memory holds one chunk of files, not all.

use std::io::Write;

use rayon::prelude::*;

use crate::cli::{LintArgs, LintFormat};
use crate::config::Config;
use crate::diagnostic::{Diagnostic, DiagnosticId, rules};
use crate::error::{Error, Outcome};
use crate::inputs::{self, Input};
use crate::lint::titles::{TitleSite, Titles};
use crate::lint::{FileLint, Linter, RuleLevel, Settings};
use crate::output::fingerprint::fingerprints;
use crate::output::{self, FileReport, Totals, human};
use crate::source::{LineColumn, ReadError, Source};

/// Files linted together before their results are printed: large enough to
/// keep every core busy, small enough that memory does not grow with the run.
const CHUNK: usize = 512;

pub fn run(args: &LintArgs, config: &Config, out: &mut dyn Write) -> Result<Outcome, Error> {
    if let Some(rule) = &args.explain {
        return explain(rule, out);
    }
    let settings = settings(args, &config.lint)?;
    let linter = Linter::new(&config.questions, &settings);
    let inputs = inputs::collect(&args.paths, &config.assessments_dir)?;
    if inputs.is_empty() {
        crate::cmd::note_nothing_to_check(config)?;
    }
    if args.fix || args.diff || args.unsafe_fixes {
        let outcome = crate::cmd::lint_fix::run(args, &linter, &inputs, out)?;
        if !args.fix {
            return Ok(outcome);
        }
        // The files as now written are linted below: what remains.
    }
    let styled = output::stdout_is_styled();
    let mut emitter = output::emitter(args.format, styled);
    let mut totals = Totals {
        files: inputs.len(),
        ..Totals::default()
    };
    let mut titles = Titles::default();
    let mut unreadable = false;
    emitter.begin(out)?;
    // While one chunk's results are printed, the next chunk is linted on the
    // worker threads, so printing never leaves the cores idle.
    std::thread::scope(|scope| -> Result<(), Error> {
        let mut chunks = inputs.chunks(CHUNK);
        let spawn = |chunk| spawn_chunk(scope, chunk, &linter, args.format, styled);
        let mut pending = chunks.next().map(spawn);
        while let Some(handle) = pending.take() {
            pending = chunks.next().map(spawn);
            let linted = handle.join().expect("linting a chunk does not panic");
            for file in linted {
                if file.unreadable {
                    // One unreadable file does not hide the findings of the others.
                    human::eprint(&file.lint.diagnostics, None)?;
                    unreadable = true;
                    continue;
                }
                totals.count(&file.lint.diagnostics);
                if let Some(title) = file.title {
                    titles.record(title);
                }
                emitter.file(
                    out,
                    &FileReport {
                        name: &file.name,
                        diagnostics: &file.lint.diagnostics,
                        positions: &file.positions,
                        fingerprints: &file.fingerprints,
                        source: None,
                        rendered: file.rendered.as_deref(),
                    },
                )?;
            }
        }
        Ok(())
    })?;
    for found in titles.findings(&settings) {
        totals.count(&found.diagnostics);
        emitter.file(
            out,
            &FileReport {
                name: &found.name,
                diagnostics: &found.diagnostics,
                positions: &output::positions(found.source.as_ref(), &found.diagnostics),
                fingerprints: &fingerprints(found.source.as_ref(), &found.diagnostics),
                source: found.source.as_ref(),
                rendered: None,
            },
        )?;
    }
    emitter.finish(out, &totals)?;
    if unreadable {
        return Err(Error::Usage("some files could not be read".into()));
    }
    Ok(if totals.errors > 0 {
        Outcome::Findings
    } else {
        Outcome::Success
    })
}

/// Lints one chunk of files on the worker threads, in the background.
fn spawn_chunk<'scope, 'env>(
    scope: &'scope std::thread::Scope<'scope, 'env>,
    chunk: &'env [Input],
    linter: &'env Linter<'env>,
    format: LintFormat,
    styled: bool,
) -> std::thread::ScopedJoinHandle<'scope, Vec<Linted>> {
    scope.spawn(move || {
        chunk
            .par_iter()
            .map(|input| lint_input(input, linter, format, styled))
            .collect()
    })
}

/// What linting one input produced: what printing needs, without the
/// file's text, which is dropped on the worker thread that read it (memory
/// freed where it was allocated is reused at once).
struct Linted {
    name: String,
    lint: FileLint,
    /// The line and column of each diagnostic.
    positions: Vec<LineColumn>,
    /// The fingerprint of each diagnostic, from the text it points at.
    fingerprints: Vec<String>,
    /// The title, for duplicate-title.
    title: Option<TitleSite>,
    /// The file could not be read; its diagnostic says why.
    unreadable: bool,
    /// The human-format text, rendered on the worker thread.
    rendered: Option<String>,
}

fn lint_input(input: &Input, linter: &Linter<'_>, format: LintFormat, styled: bool) -> Linted {
    let read = match input {
        Input::File(path) => Source::read(path),
        Input::Stdin => Source::read_stdin(),
    };
    let name = || input.name();
    let (source, lint) = match read {
        Ok(source) => {
            let lint = linter.lint_source(&source);
            (source, lint)
        }
        Err(ReadError::Io(err)) => {
            let diagnostic = Diagnostic::new(
                DiagnosticId::Io,
                None,
                format!("cannot read {}: {err}", name()),
            )
            .in_file(name());
            return Linted {
                name: name(),
                lint: FileLint {
                    diagnostics: vec![diagnostic],
                    title: None,
                },
                positions: Vec::new(),
                fingerprints: Vec::new(),
                title: None,
                unreadable: true,
                rendered: None,
            };
        }
        Err(err) => {
            let (source, diagnostics) = linter
                .unreadable(&name(), err)
                .expect("an error other than I/O is about the text");
            let lint = FileLint {
                diagnostics,
                title: None,
            };
            (source, lint)
        }
    };
    let positions = output::positions(Some(&source), &lint.diagnostics);
    let fingerprints = if output::has_fingerprints(format) {
        fingerprints(Some(&source), &lint.diagnostics)
    } else {
        Vec::new()
    };
    let rendered = (format == LintFormat::Human).then(|| {
        human::render_file(
            &FileReport {
                name: &source.name,
                diagnostics: &lint.diagnostics,
                positions: &positions,
                fingerprints: &fingerprints,
                source: Some(&source),
                rendered: None,
            },
            styled,
        )
    });
    Linted {
        title: lint
            .title
            .as_ref()
            .and_then(|title| TitleSite::new(&source, title)),
        name: source.name,
        lint,
        positions,
        fingerprints,
        unreadable: false,
        rendered,
    }
}

/// The config's levels with the command line's on top: `--allow`, then
/// `--warn`, then `--deny`, so the strictest wins when a rule is named twice.
fn settings(args: &LintArgs, config: &Settings) -> Result<Settings, Error> {
    let mut settings = config.clone();
    let groups = [
        (&args.allow, RuleLevel::Allow, "--allow"),
        (&args.warn, RuleLevel::Warn, "--warn"),
        (&args.deny, RuleLevel::Deny, "--deny"),
    ];
    for (names, level, flag) in groups {
        for name in names {
            if level == RuleLevel::Deny && name.trim().eq_ignore_ascii_case("warnings") {
                settings.deny_warnings = true;
                continue;
            }
            let rule = rules::find(name).ok_or_else(|| {
                Error::Usage(format!(
                    "`{flag} {name}`: no rule has this code or name; `mrd rules` lists them"
                ))
            })?;
            settings.set(rule, level);
        }
    }
    Ok(settings)
}

/// `mrd lint --explain CODE`: the rule's documentation.
fn explain(name: &str, out: &mut dyn Write) -> Result<Outcome, Error> {
    let rule = rules::find(name).ok_or_else(|| {
        Error::Usage(format!(
            "`{name}`: no rule has this code or name; `mrd rules` lists them"
        ))
    })?;
    write!(out, "{}", crate::cmd::rules::explanation(rule))?;
    Ok(Outcome::Success)
}
