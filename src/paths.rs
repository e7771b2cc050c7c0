//! How a path is shown. Every report (lint in all its formats, summary,
//! render and kickoff diagnostics, the "wrote …" lines) names a file
//! relative to the repository root, so that a finding has one name whether
//! `mrd` ran at the root, in a subdirectory, on `./assessments` or on its
//! absolute form, and whatever directory a CI runner checked the repository
//! out into: GitLab attaches findings to a merge request by that name, and
//! fingerprints hash it. [`display`] is the only place a path becomes that
//! form.
//!
//! Commands meant to be pasted into a shell (the interview's resume hint)
//! must work from where the user is, so they name files relative to the
//! working directory instead ([`from_working_dir`]); at the root the two
//! agree.

use std::path::{Component, Path, PathBuf};
use std::sync::OnceLock;

/// Where reports' paths start from, found once per run.
struct Base {
    /// The working directory, as the system reports it.
    cwd: PathBuf,
    /// The repository root (the working directory outside a repository).
    root: PathBuf,
    /// `root` with symbolic links resolved, for paths named through one.
    real_root: Option<PathBuf>,
}

fn base() -> Option<&'static Base> {
    static BASE: OnceLock<Option<Base>> = OnceLock::new();
    BASE.get_or_init(|| {
        let cwd = std::env::current_dir().ok()?;
        let root = repository_root(&cwd).unwrap_or(&cwd).to_path_buf();
        let real_root = root.canonicalize().ok();
        Some(Base {
            cwd,
            root,
            real_root,
        })
    })
    .as_ref()
}

/// Whether `dir` is the top of a git working tree: it holds `.git`, a
/// directory in a clone and a file in a linked worktree or a submodule. The
/// same test bounds the search for `.mrd.yml`, so a project's config and its
/// report paths agree on where the project starts.
pub fn is_repository_root(dir: &Path) -> bool {
    dir.join(".git").exists()
}

/// The nearest repository root at or above `dir`.
pub fn repository_root(dir: &Path) -> Option<&Path> {
    dir.ancestors().find(|d| is_repository_root(d))
}

/// `path` as every report names it: relative to the repository root (or
/// the working directory outside a repository), without `.` or `..`, with
/// `/` between names. A path outside the repository is shown absolute.
pub fn display(path: &Path) -> String {
    match base() {
        Some(base) => display_from(path, base),
        None => path.display().to_string(),
    }
}

fn display_from(path: &Path, base: &Base) -> String {
    let absolute = lexically_normal(&base.cwd.join(path));
    if let Ok(inside) = absolute.strip_prefix(&base.root) {
        return slashed(inside);
    }
    // Named through a symbolic link (`/tmp` for `/private/tmp`, say): the
    // file is in the repository once both sides are resolved.
    if let (Some(real_root), Ok(real)) = (&base.real_root, absolute.canonicalize())
        && let Ok(inside) = real.strip_prefix(real_root)
    {
        return slashed(inside);
    }
    absolute.display().to_string()
}

/// A relative path with `/` between its names, on every platform (GitLab
/// and SARIF want `/`); `.` for the root itself.
fn slashed(path: &Path) -> String {
    let names: Vec<_> = path
        .components()
        .map(|part| part.as_os_str().to_string_lossy())
        .collect();
    if names.is_empty() {
        ".".to_string()
    } else {
        names.join("/")
    }
}

/// `path` as the user would type it from the working directory, for
/// commands to paste: relative when it is under it or near it, as given
/// otherwise. A config found in a parent directory makes the assessments
/// directory absolute; messages and the resume command should not be.
pub fn from_working_dir(path: &Path) -> PathBuf {
    match std::env::current_dir() {
        Ok(cwd) => relative_to(path, &cwd),
        Err(_) => path.to_path_buf(),
    }
}

fn relative_to(path: &Path, base: &Path) -> PathBuf {
    if !path.is_absolute() || !base.is_absolute() {
        return path.to_path_buf();
    }
    let path = &lexically_normal(path);
    let path_parts: Vec<Component<'_>> = path.components().collect();
    let base_parts: Vec<Component<'_>> = base.components().collect();
    let common = path_parts
        .iter()
        .zip(&base_parts)
        .take_while(|(a, b)| a == b)
        .count();
    let ups = base_parts.len() - common;
    // Only the root in common, or a long way up: the absolute path is clearer.
    if common <= 1 || ups > 2 {
        return path.to_path_buf();
    }
    let mut out = PathBuf::new();
    for _ in 0..ups {
        out.push("..");
    }
    for part in &path_parts[common..] {
        out.push(part.as_os_str());
    }
    out
}

/// `path` without `.` and with each `..` taken back against the name before
/// it, as a person reads it (`/repo/team/../plans` is `/repo/plans`).
pub fn lexically_normal(path: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for part in path.components() {
        match part {
            Component::CurDir => {}
            Component::ParentDir
                if matches!(out.components().next_back(), Some(Component::Normal(_))) =>
            {
                out.pop();
            }
            other => out.push(other.as_os_str()),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn base(cwd: &str, root: &str) -> Base {
        Base {
            cwd: cwd.into(),
            root: root.into(),
            real_root: None,
        }
    }

    #[test]
    fn every_spelling_of_a_file_has_one_name() {
        let at_root = base("/home/u/repo", "/home/u/repo");
        for spelling in [
            "assessments/x.md",
            "./assessments/x.md",
            "assessments/../assessments/x.md",
            "/home/u/repo/assessments/x.md",
            "/home/u/repo/./assessments//x.md",
        ] {
            assert_eq!(
                display_from(Path::new(spelling), &at_root),
                "assessments/x.md",
                "{spelling}"
            );
        }
        let below = base("/home/u/repo/assessments", "/home/u/repo");
        assert_eq!(display_from(Path::new("x.md"), &below), "assessments/x.md");
        assert_eq!(display_from(Path::new("../docs/y.md"), &below), "docs/y.md");
    }

    #[test]
    fn a_file_outside_the_repository_is_shown_absolute() {
        let at_root = base("/home/u/repo", "/home/u/repo");
        assert_eq!(
            display_from(Path::new("../other/x.md"), &at_root),
            "/home/u/other/x.md"
        );
        assert_eq!(display_from(Path::new("/srv/x.md"), &at_root), "/srv/x.md");
    }

    #[test]
    fn commands_to_paste_are_relative_to_the_working_directory() {
        let cwd = Path::new("/home/u/repo/assessments");
        assert_eq!(
            relative_to(Path::new("/home/u/repo/docs/a/x.md"), cwd),
            Path::new("../docs/a/x.md")
        );
        assert_eq!(
            relative_to(Path::new("/home/u/repo/assessments/x.md"), cwd),
            Path::new("x.md")
        );
        assert_eq!(
            relative_to(Path::new("/srv/x.md"), cwd),
            Path::new("/srv/x.md")
        );
        assert_eq!(
            relative_to(Path::new("rel/x.md"), cwd),
            Path::new("rel/x.md")
        );
        assert_eq!(
            relative_to(Path::new("/home/u/repo/team/../plans/./x.md"), cwd),
            Path::new("../plans/x.md")
        );
    }
}
