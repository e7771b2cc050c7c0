//! Shared helpers for integration tests: run the real `mrd` binary in a
//! scratch directory and look at what it did.

#![allow(dead_code)]

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
