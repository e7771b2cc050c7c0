//! Shared helpers for integration tests: run the real `mrd` binary in a
//! scratch directory and look at what it did.

#![allow(dead_code)]

#[cfg(unix)]
pub mod cost;
pub mod gitlab_quick_actions;

use std::path::{Path, PathBuf};

use assert_cmd::Command;

/// The repository root, for reaching `examples/` and `tests/fixtures/`.
pub fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

pub fn example(name: &str) -> PathBuf {
    repo().join("examples").join(name)
}

pub fn fixture(name: &str) -> PathBuf {
    repo().join("tests/fixtures").join(name)
}

/// A scratch directory with a `.git` marker, so config discovery never walks
/// out of it into the machine's directories.
pub struct Scratch {
    pub dir: tempfile::TempDir,
}

impl Scratch {
    pub fn new() -> Scratch {
        let dir = tempfile::tempdir().expect("temp dir");
        std::fs::create_dir(dir.path().join(".git")).expect(".git marker");
        Scratch { dir }
    }

    pub fn path(&self) -> &Path {
        self.dir.path()
    }

    pub fn write(&self, name: &str, text: &str) -> PathBuf {
        let path = self.dir.path().join(name);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).expect("parent dir");
        }
        std::fs::write(&path, text).expect("write file");
        path
    }

    pub fn read(&self, name: &str) -> String {
        std::fs::read_to_string(self.dir.path().join(name)).expect("read file")
    }

    /// `mrd` with this directory as its working directory, no colour, and no
    /// terminal assumptions.
    pub fn mrd(&self) -> Command {
        let mut cmd = Command::cargo_bin("mrd").expect("mrd binary");
        cmd.current_dir(self.dir.path())
            .env("NO_COLOR", "1")
            .env("CI", "true")
            .env_remove("EDITOR")
            .env_remove("VISUAL");
        cmd
    }
}

/// `mrd` run from the repository root.
pub fn mrd() -> Command {
    let mut cmd = Command::cargo_bin("mrd").expect("mrd binary");
    cmd.current_dir(repo())
        .env("NO_COLOR", "1")
        .env("CI", "true");
    cmd
}

/// A git repository built inside a test with the `git` command: a fixed
/// identity, fixed dates and no global or system config, so commits (and
/// their ids) are the same on every machine.
pub struct GitRepo {
    pub dir: tempfile::TempDir,
}

impl GitRepo {
    pub fn new() -> GitRepo {
        let repo = GitRepo {
            dir: tempfile::tempdir().expect("temp dir"),
        };
        repo.git(&["init", "-q", "-b", "main"]);
        repo
    }

    pub fn path(&self) -> &Path {
        self.dir.path()
    }

    fn command(&self, date: &str) -> std::process::Command {
        let mut cmd = std::process::Command::new("git");
        cmd.current_dir(self.dir.path())
            .env("GIT_CONFIG_GLOBAL", "/dev/null")
            .env("GIT_CONFIG_NOSYSTEM", "1")
            .env("GIT_AUTHOR_NAME", "Priya Raman")
            .env("GIT_AUTHOR_EMAIL", "priya@example.com")
            .env("GIT_COMMITTER_NAME", "Priya Raman")
            .env("GIT_COMMITTER_EMAIL", "priya@example.com")
            .env("GIT_AUTHOR_DATE", date)
            .env("GIT_COMMITTER_DATE", date);
        cmd
    }

    /// Runs git and returns its standard output; a failure fails the test.
    pub fn git(&self, args: &[&str]) -> String {
        self.git_at("2026-01-01T12:00:00+00:00", args)
    }

    pub fn git_at(&self, date: &str, args: &[&str]) -> String {
        let output = self.command(date).args(args).output().expect("run git");
        assert!(
            output.status.success(),
            "git {args:?}: {}",
            String::from_utf8_lossy(&output.stderr)
        );
        String::from_utf8(output.stdout).expect("git output is UTF-8")
    }

    pub fn write(&self, name: &str, text: &str) {
        let path = self.dir.path().join(name);
        std::fs::create_dir_all(path.parent().expect("parent")).expect("dirs");
        std::fs::write(path, text).expect("write");
    }

    pub fn read(&self, name: &str) -> String {
        std::fs::read_to_string(self.dir.path().join(name)).expect("read")
    }

    /// Commits everything, by Priya Raman, at `day` (YYYY-MM-DD, noon UTC).
    pub fn commit(&self, day: &str, message: &str) {
        self.commit_as(day, message, "Priya Raman");
    }

    pub fn commit_as(&self, day: &str, message: &str, author: &str) {
        let date = format!("{day}T12:00:00+00:00");
        self.git_at(&date, &["add", "-A"]);
        let mut cmd = self.command(&date);
        cmd.env("GIT_AUTHOR_NAME", author)
            .args(["commit", "-q", "-m", message]);
        let output = cmd.output().expect("git commit");
        assert!(
            output.status.success(),
            "git commit: {}",
            String::from_utf8_lossy(&output.stderr)
        );
    }

    /// `mrd` in this repository, with `today` fixed.
    pub fn mrd(&self, today: &str) -> Command {
        let mut cmd = Command::cargo_bin("mrd").expect("mrd binary");
        cmd.current_dir(self.dir.path())
            .env("NO_COLOR", "1")
            .env("CI", "true")
            .env("MRD_TODAY", today)
            .env("LC_ALL", "C.UTF-8")
            .env("GIT_CONFIG_GLOBAL", "/dev/null")
            .env("GIT_CONFIG_NOSYSTEM", "1");
        cmd
    }
}
