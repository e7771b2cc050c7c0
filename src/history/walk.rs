//! The walk down the first-parent history of HEAD, finding for each file the
//! commits that changed it.
//!
//! First parents are the line a team's main branch tells: each merge is one
//! step, the branch's own commits are not. A file's versions are the commits
//! on that line where its blob differs from the first parent's. Renames are
//! followed when the content moved unchanged (`git mv`, then a commit): the
//! parent's tree is searched for the same blob under a name the child no
//! longer has. A rename made together with an edit is the file's creation,
//! as far as this walk can tell (docs/kickoff.md says why).
//!
//! One walk serves many files: each commit is read once and its trees are
//! shared by every lookup (see [`crate::git::Repo`]).

use gix::ObjectId;

use crate::date::Date;
use crate::git::{Commit, GitError, Parent, Repo};
use crate::history::{CommitInfo, Origin};

/// One committed version of a file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Version {
    /// The commit that made the file this.
    pub commit: Commit,
    /// The file's name in that commit.
    pub path: String,
    pub blob: ObjectId,
    /// The name it had before, when this commit renamed it.
    pub renamed_from: Option<String>,
}

/// The committed versions of one file, newest first.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FileHistory {
    /// The file's name now (relative to the repository root).
    pub path: String,
    pub versions: Vec<Version>,
    pub origin: Origin,
    /// The file's name and blob at the baseline, when one was asked for and
    /// the walk got there: `Some(None)` means it did not exist then.
    pub at_baseline: Option<Option<(String, ObjectId)>>,
    /// How many of `versions` (the first ones) came after the baseline.
    pub after_baseline: usize,
}

/// How far back to walk.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Until {
    /// Every version of every file.
    Beginning,
    /// As far as the baseline, and further only until each file's latest
    /// version is found (the kickoff wants each draft's last change).
    Baseline(Baseline),
}

/// The point that "since" compares with.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Baseline {
    /// A commit: reached when the walk meets it, or, when it is not on the
    /// first-parent line, at the first commit older than it (its own tree
    /// then gives the files' state).
    Commit {
        id: ObjectId,
        tree: ObjectId,
        committed: i64,
    },
    /// The state at the last commit that landed before this day (committer
    /// date, in the committer's time zone).
    Before(Date),
}

/// Where the walk found the baseline.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum BaselineFound {
    /// At this commit.
    At(CommitInfo),
    /// Before the first commit: everything is new since.
    BeforeHistory,
    /// Not in this shallow clone: states are those at the boundary commit.
    Missing { boundary: CommitInfo },
}

/// Everything one walk found.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Walked {
    pub files: Vec<FileHistory>,
    pub baseline: Option<BaselineFound>,
    /// The commit where the shallow clone's history stopped, if the walk got there.
    pub shallow_boundary: Option<CommitInfo>,
}

struct Track {
    /// The file's name at the commit being looked at.
    name: String,
    /// Its blob there.
    blob: Option<ObjectId>,
    active: bool,
}

/// Walks from HEAD. `paths` are the files' names now, relative to the
/// repository root; a file HEAD does not have gets no versions.
pub fn walk(repo: &Repo, paths: &[String], until: Until) -> Result<Walked, GitError> {
    let mut files: Vec<FileHistory> = paths
        .iter()
        .map(|path| FileHistory {
            path: path.clone(),
            versions: Vec::new(),
            origin: Origin::NotCommitted,
            at_baseline: None,
            after_baseline: 0,
        })
        .collect();
    let Some(mut commit) = repo.head()? else {
        // No commits yet: nothing has a history, and everything is new.
        let baseline = matches!(until, Until::Baseline(_)).then_some(BaselineFound::BeforeHistory);
        for file in &mut files {
            if baseline.is_some() {
                file.at_baseline = Some(None);
            }
        }
        return Ok(Walked {
            files,
            baseline,
            shallow_boundary: None,
        });
    };
    let mut tracks = Vec::with_capacity(paths.len());
    for path in paths {
        let blob = repo.blob_at(commit.tree, path)?;
        tracks.push(Track {
            name: path.clone(),
            blob,
            active: blob.is_some(),
        });
    }
    let mut baseline_found: Option<BaselineFound> = None;
    let mut shallow_boundary = None;

    loop {
        if let Until::Baseline(baseline) = until
            && baseline_found.is_none()
            && reached(&baseline, &commit)
        {
            for (track, file) in tracks.iter().zip(&mut files) {
                file.after_baseline = file.versions.len();
                file.at_baseline = Some(match baseline {
                    Baseline::Commit { id, tree, .. } if id != commit.id => repo
                        .blob_at(tree, &track.name)?
                        .map(|b| (track.name.clone(), b)),
                    _ => track.blob.map(|b| (track.name.clone(), b)),
                });
            }
            baseline_found = Some(BaselineFound::At(CommitInfo::from(&commit)));
        }
        let done = match until {
            Until::Beginning => tracks.iter().all(|t| !t.active),
            Until::Baseline(_) => {
                baseline_found.is_some()
                    && tracks
                        .iter()
                        .zip(&files)
                        .all(|(t, f)| !t.active || !f.versions.is_empty())
            }
        };
        if done {
            for (track, file) in tracks.iter().zip(&mut files) {
                if track.active {
                    file.origin = Origin::NotRead;
                }
            }
            break;
        }
        let parent = match repo.first_parent(&commit) {
            Parent::Commit(id) => repo.commit(id)?,
            end @ (Parent::None | Parent::Missing) => {
                let boundary = (end == Parent::Missing).then(|| CommitInfo::from(&commit));
                if matches!(until, Until::Baseline(_)) && baseline_found.is_none() {
                    // The history ends before the baseline: before the first
                    // commit everything is new; at a shallow boundary the
                    // states there are the best known, and that is said.
                    for (track, file) in tracks.iter().zip(&mut files) {
                        file.after_baseline = file.versions.len();
                        file.at_baseline = Some(match &boundary {
                            Some(_) => track.blob.map(|b| (track.name.clone(), b)),
                            None => None,
                        });
                    }
                    baseline_found = Some(match &boundary {
                        Some(boundary) => BaselineFound::Missing {
                            boundary: boundary.clone(),
                        },
                        None => BaselineFound::BeforeHistory,
                    });
                    if boundary.is_none() {
                        // The root commit's versions are new too.
                        for (track, file) in tracks.iter().zip(&mut files) {
                            if track.active && track.blob.is_some() {
                                file.after_baseline += 1;
                            }
                        }
                    }
                }
                let origin = match &boundary {
                    None => Origin::Created,
                    Some(boundary) => Origin::Shallow {
                        boundary: boundary.clone(),
                    },
                };
                shallow_boundary = boundary;
                for (track, file) in tracks.iter_mut().zip(&mut files) {
                    if let (true, Some(blob)) = (track.active, track.blob) {
                        file.versions.push(Version {
                            commit: commit.clone(),
                            path: track.name.clone(),
                            blob,
                            renamed_from: None,
                        });
                        file.origin = origin.clone();
                        track.active = false;
                    }
                }
                break;
            }
        };
        for (track, file) in tracks.iter_mut().zip(&mut files) {
            if !track.active {
                continue;
            }
            let Some(blob) = track.blob else {
                track.active = false;
                continue;
            };
            let before = repo.blob_at(parent.tree, &track.name)?;
            if before == Some(blob) {
                continue;
            }
            let mut version = Version {
                commit: commit.clone(),
                path: track.name.clone(),
                blob,
                renamed_from: None,
            };
            match before {
                Some(before) => track.blob = Some(before),
                None => match renamed_from(repo, &parent, &commit, blob)? {
                    Some(old) => {
                        version.renamed_from = Some(old.clone());
                        track.name = old;
                    }
                    None => {
                        // Created here: in older commits it does not exist.
                        file.origin = Origin::Created;
                        track.active = false;
                        track.blob = None;
                    }
                },
            }
            file.versions.push(version);
        }
        commit = parent;
    }
    Ok(Walked {
        files,
        baseline: baseline_found,
        shallow_boundary,
    })
}

fn reached(baseline: &Baseline, commit: &Commit) -> bool {
    match *baseline {
        Baseline::Commit { id, committed, .. } => commit.id == id || commit.committed < committed,
        Baseline::Before(day) => commit.committed_date < day,
    }
}

/// The name `blob` had in `parent` if `child` moved it there unchanged: a
/// path of the parent's with this content that the child no longer has.
fn renamed_from(
    repo: &Repo,
    parent: &Commit,
    child: &Commit,
    blob: ObjectId,
) -> Result<Option<String>, GitError> {
    for path in repo.paths_of(parent.tree, blob)? {
        if repo.blob_at(child.tree, &path)?.is_none() {
            return Ok(Some(path));
        }
    }
    Ok(None)
}
