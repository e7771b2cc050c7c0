//! `mrd lint --fix` and `--diff`: the fixes of `lint::fix` (the ones the
//! language server offers as code actions) applied to files.
//!
//! A file is fixed one fix at a time, read and linted again after each, so
//! every fix is computed on the text it changes. `--fix` writes the result
//! through the guarded writer: atomically, and only over the text it read
//! (a file changed meanwhile by an editor or a `git pull` is left alone and
//! reported). `--diff` prints the same changes as a unified diff and writes
//! nothing. What was fixed goes to standard error, so standard output keeps
//! the chosen format's findings.

use std::io::Write;

use crate::assessment::{self, replace_if_unchanged};
use crate::cli::LintArgs;
use crate::error::{Error, Outcome};
use crate::inputs::Input;
use crate::lint::Linter;
use crate::lint::fix::{Effect, Fixer, Safety};
use crate::source::Source;

/// A file never needs more fixes than this; the bound keeps a fix that
/// undoes another from looping.
const MAX_FIXES_PER_FILE: usize = 200;

/// One fix applied.
struct Fixed {
    line: u32,
    code: &'static str,
    title: String,
}

/// What fixing one file came to.
struct FileFixes {
    source: Source,
    /// The text with every fix applied.
    text: String,
    fixed: Vec<Fixed>,
    /// Unsafe fixes left out (without `--unsafe-fixes`).
    unsafe_left: usize,
    /// Errors left in the fixed text.
    errors_left: usize,
}

/// Applies (`--fix`) or previews (`--diff`) the fixes for `inputs`. With
/// `--diff`, the outcome is what linting the fixed texts would report; with
/// `--fix`, the caller lints the files as now written.
pub fn run(
    args: &LintArgs,
    linter: &Linter<'_>,
    inputs: &[Input],
    out: &mut dyn Write,
) -> Result<Outcome, Error> {
    if args.unsafe_fixes && !(args.fix || args.diff) {
        return Err(Error::Usage(
            "--unsafe-fixes applies fixes: use it with --fix or --diff".into(),
        ));
    }
    if args.fix && inputs.iter().any(|i| matches!(i, Input::Stdin)) {
        return Err(Error::Usage(
            "--fix cannot write back to standard input; use --diff to see the fixes".into(),
        ));
    }
    let mut stderr = anstream::stderr().lock();
    let (mut fixes, mut files, mut unsafe_left, mut errors_left) = (0, 0, 0, 0);
    let mut not_written = Vec::new();
    for input in inputs {
        let read = match input {
            Input::File(path) => Source::read(path),
            Input::Stdin => Source::read_stdin(),
        };
        // An unreadable file is reported by the lint that follows.
        let Ok(source) = read else { continue };
        let file = fix_file(source, linter, args.unsafe_fixes);
        unsafe_left += file.unsafe_left;
        errors_left += file.errors_left;
        if file.fixed.is_empty() {
            continue;
        }
        fixes += file.fixed.len();
        files += 1;
        let name = &file.source.name;
        if args.diff {
            write_diff(out, &file)?;
        } else if !write_fixed(&file)? {
            writeln!(
                stderr,
                "error: {name} changed while mrd was fixing it; it was not written (run `mrd lint --fix` again)"
            )?;
            not_written.push(name.clone());
            continue;
        }
        for fixed in &file.fixed {
            let verb = if args.diff { "would fix" } else { "fixed" };
            writeln!(
                stderr,
                "{verb}: {name}:{}: {} {}",
                fixed.line, fixed.code, fixed.title
            )?;
        }
    }
    let verb = if args.diff { "Would fix" } else { "Fixed" };
    let mut summary = format!(
        "{verb} {fixes} {} in {files} {}",
        plural(fixes, "finding", "findings"),
        plural(files, "file", "files")
    );
    if unsafe_left > 0 {
        summary.push_str(&format!(
            "; {unsafe_left} more {} with --unsafe-fixes",
            plural(unsafe_left, "fix", "fixes")
        ));
    }
    writeln!(stderr, "{summary}.")?;
    if !not_written.is_empty() {
        return Err(Error::Usage(format!(
            "not written, changed meanwhile: {}",
            not_written.join(", ")
        )));
    }
    Ok(if errors_left > 0 {
        Outcome::Findings
    } else {
        Outcome::Success
    })
}

fn plural<'w>(n: usize, one: &'w str, many: &'w str) -> &'w str {
    if n == 1 { one } else { many }
}

/// Applies the fixes that resolve a finding, one at a time, each on the
/// text the previous one left.
fn fix_file(source: Source, linter: &Linter<'_>, unsafe_fixes: bool) -> FileFixes {
    let mut text = source.text.clone();
    let mut fixed = Vec::new();
    loop {
        let current = Source::from_text(source.name.clone(), &*text);
        let parsed = assessment::parse(&current);
        let lint = linter.lint(&current, &parsed);
        let fixer = Fixer::new(&current, &parsed, linter.questions);
        let mut unsafe_left = 0;
        let mut next = None;
        for finding in &lint.diagnostics {
            for fix in fixer.for_finding(finding) {
                if fix.effect != Effect::Resolves {
                    continue;
                }
                if fix.safety == Safety::Unsafe && !unsafe_fixes {
                    unsafe_left += 1;
                } else if next.is_none() {
                    next = Some((finding.offset(), fix));
                }
            }
        }
        match next {
            Some((offset, fix)) if fixed.len() < MAX_FIXES_PER_FILE => {
                fixed.push(Fixed {
                    line: current.line_column(offset).line,
                    code: fix.rule.map_or("", |r| r.code),
                    title: fix.title,
                });
                text = fix.text;
            }
            _ => {
                let errors_left = lint
                    .diagnostics
                    .iter()
                    .filter(|d| d.level == crate::diagnostic::Level::Error)
                    .count();
                return FileFixes {
                    source,
                    text,
                    fixed,
                    unsafe_left,
                    errors_left,
                };
            }
        }
    }
}

/// Writes the fixed text over the file, unless it changed since it was read.
fn write_fixed(file: &FileFixes) -> Result<bool, Error> {
    let Some(path) = &file.source.path else {
        return Ok(false);
    };
    let bom = if file.source.bom { "\u{feff}" } else { "" };
    let expected = format!("{bom}{}", file.source.text);
    let text = format!("{bom}{}", file.text);
    replace_if_unchanged(path, &text, expected.as_bytes()).map_err(Error::Write)
}

/// The fixes of one file as a unified diff, `a/` and `b/` as git writes them.
fn write_diff(out: &mut dyn Write, file: &FileFixes) -> Result<(), Error> {
    // An absolute name (a file outside the repository) loses its leading
    // `/` after the prefix, as `git diff --no-index` writes it.
    let name = file.source.name.trim_start_matches('/');
    let diff = similar::TextDiff::from_lines(&file.source.text, &file.text);
    write!(
        out,
        "{}",
        diff.unified_diff()
            .context_radius(3)
            .header(&format!("a/{name}"), &format!("b/{name}"))
    )?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_file_changed_since_it_was_read_is_not_written() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.md");
        std::fs::write(&path, "---\ntitle: T\nanswers:\n  Problem: x\n---\n").unwrap();
        let source = Source::read(&path).unwrap();
        let file = FileFixes {
            text: source.text.replace("Problem", "problem"),
            source,
            fixed: Vec::new(),
            unsafe_left: 0,
            errors_left: 0,
        };
        // An editor saves the file meanwhile.
        let theirs = "---\ntitle: T, edited\nanswers:\n  Problem: x\n---\n";
        std::fs::write(&path, theirs).unwrap();
        assert!(!write_fixed(&file).unwrap());
        assert_eq!(std::fs::read_to_string(&path).unwrap(), theirs);
        // Unchanged since it was read: written.
        std::fs::write(&path, &file.source.text).unwrap();
        assert!(write_fixed(&file).unwrap());
        assert_eq!(std::fs::read_to_string(&path).unwrap(), file.text);
    }
}
