//! Which files a command works on: files and directories named on the
//! command line (directories searched for `*.md`, respecting `.gitignore` and
//! skipping hidden files and `README.md`), `-` for standard input, or the
//! configured assessments directory when nothing is named.
//!
//! A named directory must hold at least one assessment: a mistyped path in a
//! CI job must fail, never pass for want of files. The configured directory
//! may be empty or missing, as it is in a fresh clone before the first
//! assessment (git keeps no empty directories): that is nothing to check yet.

use std::cmp::Ordering;
use std::path::{Path, PathBuf};

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Input {
    File(PathBuf),
    Stdin,
}

impl Input {
    /// The input as every report names it: the path as
    /// [`crate::paths::display`] shows it, or `<stdin>`.
    pub fn name(&self) -> String {
        match self {
            Input::File(path) => crate::paths::display(path),
            Input::Stdin => "<stdin>".to_string(),
        }
    }
}

#[derive(Debug)]
pub struct InputError {
    pub path: PathBuf,
    pub message: String,
}

/// The file in the assessments directory that says what the directory is
/// for (`mrd init` writes it, so that git keeps the directory). Walks for
/// assessments skip it, in any letter case; named on its own, it is read
/// like any other file. (`mrd import`'s walks keep it: in a wiki or a docs
/// folder a README may well be a document to import.)
pub const README: &str = "README.md";

/// Expands `paths` into the files to read, in a stable order: each named file
/// where it was named, each directory's files sorted by path. With no paths,
/// the default directory's files, or none when it is empty or missing (see
/// [`nothing_to_check`]).
pub fn collect(paths: &[PathBuf], default_dir: &Path) -> Result<Vec<Input>, InputError> {
    let wanted = Wanted {
        extensions: &["md"],
        skip_readme: true,
    };
    walk(paths, default_dir, &wanted)
}

/// As [`collect`], taking files with these extensions from directories,
/// README.md included (`mrd import` also reads `.markdown` and `gh`/`glab`
/// JSON).
pub fn collect_with(
    paths: &[PathBuf],
    default_dir: &Path,
    extensions: &[&str],
) -> Result<Vec<Input>, InputError> {
    let wanted = Wanted {
        extensions,
        skip_readme: false,
    };
    walk(paths, default_dir, &wanted)
}

/// Which files a directory walk takes.
struct Wanted<'a> {
    extensions: &'a [&'a str],
    skip_readme: bool,
}

fn walk(
    paths: &[PathBuf],
    default_dir: &Path,
    wanted: &Wanted<'_>,
) -> Result<Vec<Input>, InputError> {
    if paths.is_empty() {
        return if default_dir.is_dir() {
            Ok(files(default_dir, wanted)?
                .into_iter()
                .map(Input::File)
                .collect())
        } else {
            Ok(Vec::new())
        };
    }
    let mut inputs = Vec::new();
    for path in paths {
        if path.as_os_str() == "-" {
            inputs.push(Input::Stdin);
        } else if path.is_dir() {
            let found = files(path, wanted)?;
            if found.is_empty() {
                let patterns: Vec<String> =
                    wanted.extensions.iter().map(|e| format!("*.{e}")).collect();
                let readme = if wanted.skip_readme {
                    format!(" ({README} does not count)")
                } else {
                    String::new()
                };
                return Err(InputError {
                    path: path.clone(),
                    message: format!(
                        "no {} files in this directory{readme}; check the path",
                        patterns.join(", ")
                    ),
                });
            }
            inputs.extend(found.into_iter().map(Input::File));
        } else {
            match std::fs::metadata(path) {
                Ok(metadata) if metadata.is_file() => inputs.push(Input::File(path.clone())),
                // A FIFO, a device or a socket named on the command line is
                // an error, not a read that never ends.
                Ok(metadata) => {
                    return Err(InputError {
                        path: path.clone(),
                        message: crate::source::not_a_regular_file(&metadata),
                    });
                }
                Err(_) => {
                    return Err(InputError {
                        path: path.clone(),
                        message: "no such file or directory".into(),
                    });
                }
            }
        }
    }
    Ok(inputs)
}

fn files(dir: &Path, wanted: &Wanted<'_>) -> Result<Vec<PathBuf>, InputError> {
    let mut files = Vec::new();
    // `require_git(false)`: a .gitignore is honoured even outside a checkout
    // (a tarball, a fresh `git init` before the first commit).
    for entry in ignore::WalkBuilder::new(dir).require_git(false).build() {
        let entry = entry.map_err(|err| InputError {
            path: dir.to_path_buf(),
            message: err.to_string(),
        })?;
        // Only regular files: a FIFO or a socket named `*.md` in the tree is
        // skipped, since reading one could wait for ever.
        let is_file = entry.file_type().is_some_and(|t| t.is_file());
        let skipped = wanted.skip_readme && entry.file_name().eq_ignore_ascii_case(README);
        let extension = entry
            .path()
            .extension()
            .is_some_and(|ext| wanted.extensions.iter().any(|e| ext == *e));
        if is_file && !skipped && extension {
            files.push(entry.into_path());
        }
    }
    files.sort_unstable_by(|a, b| path_order(a, b));
    Ok(files)
}

/// The note for a command that found nothing in the default directory: a
/// clean pass, but said, so that an empty run is never a silent surprise.
pub fn nothing_to_check(default_dir: &Path, cwd: &Path) -> String {
    let shown = default_dir.strip_prefix(cwd).unwrap_or(default_dir);
    let state = if default_dir.is_dir() {
        "has no assessments yet"
    } else {
        "does not exist yet"
    };
    format!(
        "{}/ (the assessments directory) {state}, so there is nothing to check; `mrd new` writes the first one",
        shown.display()
    )
}

/// The order of `Path`'s own comparison (component by component) for the
/// clean paths a walk produces, without splitting them into components:
/// comparing bytes with the separator ranked below every other byte gives
/// the same answer, several times faster on long lists.
fn path_order(a: &Path, b: &Path) -> Ordering {
    let rank = |byte: u8| {
        if std::path::is_separator(char::from(byte)) {
            0
        } else {
            u16::from(byte) + 1
        }
    };
    let (a, b) = (
        a.as_os_str().as_encoded_bytes(),
        b.as_os_str().as_encoded_bytes(),
    );
    a.iter().map(|&x| rank(x)).cmp(b.iter().map(|&x| rank(x)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn directories_yield_markdown_files_respecting_gitignore_and_hidden_files() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        std::fs::create_dir_all(root.join("sub")).unwrap();
        std::fs::create_dir_all(root.join(".hidden")).unwrap();
        for file in [
            "b.md",
            "a.md",
            "sub/c.md",
            "notes.txt",
            "ignored.md",
            ".hidden/d.md",
            "README.md",
            "sub/readme.md",
        ] {
            std::fs::write(root.join(file), "").unwrap();
        }
        std::fs::write(root.join(".gitignore"), "ignored.md\n").unwrap();
        let inputs = collect(&[root.to_path_buf()], Path::new("unused")).unwrap();
        let names: Vec<_> = inputs
            .iter()
            .map(|i| match i {
                Input::File(p) => p.strip_prefix(root).unwrap().display().to_string(),
                Input::Stdin => "-".into(),
            })
            .collect();
        assert_eq!(names, ["a.md", "b.md", "sub/c.md"]);
    }

    #[test]
    fn paths_sort_as_path_comparison_sorts_them() {
        let names = [
            "a/b.md", "a-b.md", "a.md", "a/b/c.md", "a b/x.md", "a0/x.md", "ab.md", "a/b-c.md",
            "a/b.c.md", "A.md", "é.md", "e.md", "a/.md", "z/a.md", "z.md",
        ];
        let mut expected: Vec<PathBuf> = names.iter().map(|n| Path::new("root").join(n)).collect();
        let mut ours = expected.clone();
        expected.sort();
        ours.sort_unstable_by(|a, b| path_order(a, b));
        assert_eq!(ours, expected);
    }

    #[test]
    fn a_missing_path_is_an_error_and_no_path_means_the_default_directory() {
        assert!(collect(&[PathBuf::from("/no/such/file.md")], Path::new(".")).is_err());
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("x.md"), "").unwrap();
        assert_eq!(collect(&[], dir.path()).unwrap().len(), 1);
    }

    #[test]
    fn an_empty_default_directory_is_nothing_to_check_but_a_named_one_is_an_error() {
        let dir = tempfile::tempdir().unwrap();
        let empty = dir.path().join("assessments");
        assert!(collect(&[], &empty).unwrap().is_empty(), "missing");
        std::fs::create_dir(&empty).unwrap();
        std::fs::write(empty.join("README.md"), "# Assessments\n").unwrap();
        assert!(collect(&[], &empty).unwrap().is_empty(), "only a README");
        let err = collect(std::slice::from_ref(&empty), Path::new("unused")).unwrap_err();
        assert_eq!(err.path, empty);
        assert_eq!(
            err.message,
            "no *.md files in this directory (README.md does not count); check the path"
        );
        assert_eq!(
            nothing_to_check(&empty, dir.path()),
            "assessments/ (the assessments directory) has no assessments yet, so there is nothing to check; `mrd new` writes the first one"
        );
        // Named on its own, a README is read like any other file.
        let readme = empty.join("README.md");
        assert_eq!(
            collect(std::slice::from_ref(&readme), Path::new("unused")).unwrap(),
            [Input::File(readme)]
        );
    }
}
