//! `mrd lint`: lint files and directories in parallel, print findings in the
//! chosen format, exit 1 on errors.
//!
//! Files are linted in chunks: each chunk in parallel (rayon), then its
//! results printed in input order before the next chunk is read. Output is
//! the same on every run, and memory holds one chunk of files, not all.

use std::io::Write;

use rayon::prelude::*;

use crate::assessment;
use crate::cli::{LintArgs, LintFormat};
use crate::config::Config;
use crate::diagnostic::Diagnostic;
use crate::error::{Error, Outcome};
use crate::inputs::{self, Input};
use crate::lint::titles::{TitleSite, Titles};
use crate::lint::{self, Context, RuleLevel, Settings, rules};
use crate::output::{self, FileReport, Totals, human};
use crate::source::Source;

/// Files linted together before their results are printed: large enough to
/// keep every core busy, small enough that memory does not grow with the run.
const CHUNK: usize = 512;

pub fn run(args: &LintArgs, config: &Config, out: &mut dyn Write) -> Result<Outcome, Error> {
    if let Some(rule) = &args.explain {
        return explain(rule, out);
    }
    let settings = settings(args, &config.lint)?;
    let inputs = inputs::collect(&args.paths, &config.assessments_dir)?;
    if inputs.is_empty() {
        crate::cmd::note_nothing_to_check(config)?;
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
        let settings = &settings;
        let mut chunks = inputs.chunks(CHUNK);
        let spawn = |chunk| spawn_chunk(scope, chunk, config, settings, args.format, styled);
        let mut pending = chunks.next().map(spawn);
        while let Some(handle) = pending.take() {
            pending = chunks.next().map(spawn);
            let linted = handle.join().expect("linting a chunk does not panic");
            for file in linted {
                if let Some(err) = &file.read_error {
                    // One unreadable file does not hide the findings of the others.
                    writeln!(
                        anstream::stderr(),
                        "error: cannot read {}: {err}",
                        file.name
                    )?;
                    unreadable = true;
                    continue;
                }
                totals.count(&file.diagnostics);
                if let Some((title, site)) = file.title {
                    titles.record(&title, site);
                }
                emitter.file(
                    out,
                    &FileReport {
                        name: &file.name,
                        text: None,
                        text_offset: 0,
                        diagnostics: &file.diagnostics,
                        rendered: file.rendered.as_deref(),
                    },
                )?;
            }
        }
        Ok(())
    })?;
    for (site, diagnostic) in titles.duplicates(&settings) {
        let diagnostics = [diagnostic];
        totals.count(&diagnostics);
        // The few files with a duplicate title are read again for their
        // source line, rather than keeping every file's text until the end.
        let text = match args.format {
            LintFormat::Human => std::fs::read_to_string(&site.file).ok(),
            _ => None,
        };
        let text = text
            .as_deref()
            .map(|t| t.strip_prefix('\u{feff}').unwrap_or(t));
        emitter.file(
            out,
            &FileReport {
                name: &site.file,
                text,
                text_offset: 0,
                diagnostics: &diagnostics,
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
    config: &'env Config,
    settings: &'env Settings,
    format: LintFormat,
    styled: bool,
) -> std::thread::ScopedJoinHandle<'scope, Vec<Linted>> {
    scope.spawn(move || {
        chunk
            .par_iter()
            .map(|input| lint_input(input, config, settings, format, styled))
            .collect()
    })
}

/// What linting one input produced.
struct Linted {
    name: String,
    diagnostics: Vec<Diagnostic>,
    /// The title, for `duplicate-title`, unless the file allows that rule.
    title: Option<(String, TitleSite)>,
    read_error: Option<std::io::Error>,
    /// The human-format text, rendered on the worker thread.
    rendered: Option<String>,
}

fn lint_input(
    input: &Input,
    config: &Config,
    settings: &Settings,
    format: LintFormat,
    styled: bool,
) -> Linted {
    let (name, bytes) = match input {
        Input::File(path) => (path.display().to_string(), std::fs::read(path)),
        Input::Stdin => {
            let mut bytes = Vec::new();
            let read = std::io::Read::read_to_end(&mut std::io::stdin(), &mut bytes);
            ("<stdin>".to_string(), read.map(|_| bytes))
        }
    };
    let mut linted = Linted {
        name,
        diagnostics: Vec::new(),
        title: None,
        read_error: None,
        rendered: None,
    };
    let bytes = match bytes {
        Ok(bytes) => bytes,
        Err(err) => {
            linted.read_error = Some(err);
            return linted;
        }
    };
    let source = match Source::from_bytes(linted.name.clone(), bytes) {
        Ok(source) => source,
        Err(err) => {
            linted.diagnostics = lint::unreadable_text(&linted.name, &err);
            return linted;
        }
    };
    let parsed = assessment::parse(&source);
    let cx = Context {
        source: &source,
        problems: &parsed.problems,
        assessment: parsed.assessment.as_ref(),
        questions: &config.questions,
        settings,
    };
    linted.diagnostics = lint::check(&cx);
    let title = parsed
        .assessment
        .as_ref()
        .and_then(|a| a.front.title.as_ref());
    if let Some(title) = title
        && !lint::file_allows(&cx)
            .codes
            .contains(&rules::DUPLICATE_TITLE.code)
    {
        linted.title = Some((
            title.value.clone(),
            TitleSite {
                file: linted.name.clone(),
                pos: title.pos,
            },
        ));
    }
    if format == LintFormat::Human {
        linted.rendered = Some(human::render_file(
            &FileReport {
                name: &linted.name,
                text: Some(&source.text),
                text_offset: 0,
                diagnostics: &linted.diagnostics,
                rendered: None,
            },
            styled,
        ));
    }
    // The source is dropped here, on the worker: memory holds diagnostics,
    // not files.
    linted
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
            if level == RuleLevel::Deny && name == "warnings" {
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
