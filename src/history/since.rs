//! `--since REV|DATE`: the point a comparison starts from.
//!
//! A value in the form `YYYY-MM-DD` is a date: the state at the last commit
//! that landed before that day. Anything else is a revision as git reads it
//! (`HEAD~5`, `v1.2`, `main`, an abbreviated commit id). A branch or tag
//! named like a date is reached with `refs/tags/2026-11-16`.

use std::fmt;

use crate::date::Date;
use crate::git::{GitError, Repo};
use crate::history::walk::Baseline;

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Since {
    Date(Date),
    Rev(String),
}

impl Since {
    pub fn parse(text: &str) -> Result<Since, String> {
        let text = text.trim();
        if text.is_empty() {
            return Err("--since needs a revision or a date (YYYY-MM-DD)".into());
        }
        let date_shaped = text.len() == 10
            && text.bytes().enumerate().all(|(i, b)| match i {
                4 | 7 => b == b'-',
                _ => b.is_ascii_digit(),
            });
        if date_shaped {
            // An impossible day is an error, not a revision to look up.
            return text.parse().map(Since::Date).map_err(|e| e.to_string());
        }
        Ok(Since::Rev(text.to_string()))
    }

    /// Where the walk should compare with.
    pub fn baseline(&self, repo: &Repo) -> Result<Baseline, GitError> {
        match self {
            Since::Date(date) => Ok(Baseline::Before(*date)),
            Since::Rev(rev) => {
                let id = repo.resolve(rev)?;
                let commit = repo.commit(id)?;
                Ok(Baseline::Commit {
                    id,
                    tree: commit.tree,
                    committed: commit.committed,
                })
            }
        }
    }
}

impl fmt::Display for Since {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Since::Date(date) => write!(f, "{date}"),
            Since::Rev(rev) => f.write_str(rev),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_are_dates_and_everything_else_a_revision() {
        assert_eq!(
            Since::parse("2026-11-16"),
            Ok(Since::Date("2026-11-16".parse().unwrap()))
        );
        assert_eq!(Since::parse("HEAD~3"), Ok(Since::Rev("HEAD~3".into())));
        assert_eq!(Since::parse("v2026.11"), Ok(Since::Rev("v2026.11".into())));
        assert!(Since::parse("2026-02-30").is_err());
        assert!(Since::parse(" ").is_err());
    }
}
