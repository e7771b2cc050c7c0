//! The repository, read through gix (gitoxide): the commits of the
//! first-parent line from HEAD, the blob a path has in each commit's tree,
//! where a shallow clone's history stops, and whether a file has changes that
//! are not committed. Nothing here runs `git` or parses its output.
//!
//! Only what [`crate::history`] needs is here; gix is built with its `sha1`
//! and `revision` features alone (docs/decisions.md says what the others
//! would cost).

use std::cell::{Cell, RefCell};
use std::collections::HashMap;
use std::fmt;
use std::path::{Path, PathBuf};
use std::rc::Rc;

use gix::ObjectId;
use gix::bstr::{BString, ByteSlice};

use crate::date::Date;

/// A problem reading the repository.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GitError(pub String);

impl fmt::Display for GitError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for GitError {}

fn git_error(context: impl fmt::Display, err: impl fmt::Display) -> GitError {
    GitError(format!("{context}: {err}"))
}

/// One commit, with what people read in `git log`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Commit {
    pub id: ObjectId,
    pub tree: ObjectId,
    /// The first parent; `None` for a root commit.
    pub parent: Option<ObjectId>,
    pub author: String,
    pub email: String,
    /// The author's time, as seconds since the epoch, and the day it was in
    /// the author's time zone (what `git log` shows).
    pub time: i64,
    pub date: Date,
    /// When the commit landed on this line (the committer's time): what
    /// "since a date" compares.
    pub committed: i64,
    pub committed_date: Date,
    /// The first line of the message.
    pub subject: String,
}

impl Commit {
    /// The abbreviated id, 7 hex digits as `git log --oneline` prints them
    /// in small repositories.
    pub fn short(&self) -> String {
        self.id.to_hex_with_len(7).to_string()
    }
}

/// Where the walk from a commit to its first parent goes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Parent {
    Commit(ObjectId),
    /// A root commit: history starts here.
    None,
    /// The clone is shallow and this commit's parents are not in it.
    Missing,
}

/// Why a file in the working tree is not simply the committed one.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Uncommitted {
    /// Not in HEAD's tree nor in the index: git does not know it.
    Untracked,
    /// Added to the index, never committed.
    Added,
    /// The index holds a version that is not committed.
    Staged,
    /// The file differs from what the index holds.
    Modified,
}

impl Uncommitted {
    pub fn describe(self) -> &'static str {
        match self {
            Uncommitted::Untracked => "not in git yet",
            Uncommitted::Added => "added but not committed",
            Uncommitted::Staged => "staged changes not committed",
            Uncommitted::Modified => "changes not committed",
        }
    }
}

/// One entry of a tree, decoded once and shared by every later lookup.
struct Entry {
    name: BString,
    id: ObjectId,
    is_tree: bool,
    is_blob: bool,
}

pub struct Repo {
    repo: gix::Repository,
    /// The working tree's root, canonical, so paths can be made relative.
    root: PathBuf,
    /// Commits whose parents this shallow clone does not have.
    shallow: Vec<ObjectId>,
    /// Trees decoded so far: consecutive commits share most of their trees,
    /// so a walk decodes each one once.
    trees: RefCell<HashMap<ObjectId, Rc<Vec<Entry>>>>,
    /// Trees decoded so far: the work a walk did, which tests count.
    decoded: Cell<usize>,
}

impl Repo {
    /// The repository that holds `dir`, found by walking up as git does.
    pub fn discover(dir: &Path) -> Result<Repo, GitError> {
        let repo = gix::discover(dir).map_err(|err| {
            GitError(format!(
                "{} is not in a git repository ({err})",
                dir.display()
            ))
        })?;
        let Some(workdir) = repo.workdir() else {
            return Err(GitError(format!(
                "{} is a bare repository: there is no working tree to read assessments from",
                repo.git_dir().display()
            )));
        };
        let root = workdir
            .canonicalize()
            .map_err(|err| git_error(workdir.display(), err))?;
        let shallow = repo
            .shallow_commits()
            .map_err(|err| git_error("cannot read the shallow file", err))?
            .map(|commits| commits.iter().copied().collect())
            .unwrap_or_default();
        Ok(Repo {
            repo,
            root,
            shallow,
            trees: RefCell::new(HashMap::new()),
            decoded: Cell::new(0),
        })
    }

    /// How many trees this handle has decoded: a measure of a walk's work
    /// that does not depend on the machine.
    pub fn trees_decoded(&self) -> usize {
        self.decoded.get()
    }

    /// Whether this is a shallow clone (CI's default), whose history stops
    /// at [`Parent::Missing`].
    pub fn is_shallow(&self) -> bool {
        !self.shallow.is_empty()
    }

    /// `path` (absolute, or relative to the working directory) relative to
    /// the working tree's root, with `/` separators as git writes them; `None`
    /// for a path outside the working tree.
    pub fn relative(&self, path: &Path) -> Option<String> {
        let absolute = match path.canonicalize() {
            Ok(path) => path,
            // A file that does not exist (any more) still has a place.
            Err(_) => {
                let parent = path.parent().filter(|p| !p.as_os_str().is_empty());
                let dir = match parent {
                    Some(parent) => parent.canonicalize().ok()?,
                    None => std::env::current_dir().ok()?.canonicalize().ok()?,
                };
                dir.join(path.file_name()?)
            }
        };
        let relative = absolute.strip_prefix(&self.root).ok()?;
        let parts: Vec<String> = relative
            .components()
            .map(|c| c.as_os_str().to_string_lossy().into_owned())
            .collect();
        (!parts.is_empty()).then(|| parts.join("/"))
    }

    /// The commit HEAD points to; `None` in a repository with no commits yet.
    pub fn head(&self) -> Result<Option<Commit>, GitError> {
        let head = self
            .repo
            .head()
            .map_err(|err| git_error("cannot read HEAD", err))?;
        match head.id() {
            Some(id) => self.commit(id.detach()).map(Some),
            None => Ok(None),
        }
    }

    pub fn commit(&self, id: ObjectId) -> Result<Commit, GitError> {
        let context = || format!("cannot read commit {}", id.to_hex_with_len(7));
        let commit = self
            .repo
            .find_commit(id)
            .map_err(|err| git_error(context(), err))?;
        let decoded = commit.decode().map_err(|err| git_error(context(), err))?;
        let author = decoded.author().map_err(|err| git_error(context(), err))?;
        let committer = decoded
            .committer()
            .map_err(|err| git_error(context(), err))?;
        let author_time = author.time().unwrap_or_default();
        let committer_time = committer.time().unwrap_or_default();
        let subject = decoded.message_summary().to_str_lossy().trim().to_string();
        Ok(Commit {
            id,
            tree: decoded.tree(),
            parent: decoded.parents().next(),
            author: author.name.to_str_lossy().trim().to_string(),
            email: author.email.to_str_lossy().trim().to_string(),
            time: author_time.seconds,
            date: Date::from_unix(author_time.seconds, author_time.offset),
            committed: committer_time.seconds,
            committed_date: Date::from_unix(committer_time.seconds, committer_time.offset),
            subject,
        })
    }

    /// Where history goes from `commit`: its first parent, nowhere (a root
    /// commit), or out of this shallow clone.
    pub fn first_parent(&self, commit: &Commit) -> Parent {
        match commit.parent {
            None => Parent::None,
            Some(_) if self.shallow.contains(&commit.id) => Parent::Missing,
            Some(parent) => Parent::Commit(parent),
        }
    }

    /// The commit a revision names (`HEAD~3`, `v1.2`, `main`, an abbreviated id).
    pub fn resolve(&self, rev: &str) -> Result<ObjectId, GitError> {
        let id = self.repo.rev_parse_single(rev).map_err(|err| {
            let mut message = format!("`{rev}` names no commit here: {err}");
            if self.is_shallow() {
                message.push_str(
                    "; this clone is shallow, so older commits are missing (`git fetch --unshallow` fetches them)",
                );
            }
            GitError(message)
        })?;
        let object = id
            .object()
            .map_err(|err| git_error(format!("cannot read `{rev}`"), err))?;
        let commit = object
            .peel_to_commit()
            .map_err(|err| git_error(format!("`{rev}` is not a commit"), err))?;
        Ok(commit.id)
    }

    fn entries(&self, tree: ObjectId) -> Result<Rc<Vec<Entry>>, GitError> {
        if let Some(entries) = self.trees.borrow().get(&tree) {
            return Ok(Rc::clone(entries));
        }
        let context = || format!("cannot read tree {}", tree.to_hex_with_len(7));
        let object = self
            .repo
            .find_tree(tree)
            .map_err(|err| git_error(context(), err))?;
        let decoded = object.decode().map_err(|err| git_error(context(), err))?;
        let entries: Vec<Entry> = decoded
            .entries
            .iter()
            .map(|e| Entry {
                name: e.filename.to_owned(),
                id: e.oid.to_owned(),
                is_tree: e.mode.is_tree(),
                is_blob: e.mode.is_blob(),
            })
            .collect();
        let entries = Rc::new(entries);
        self.trees.borrow_mut().insert(tree, Rc::clone(&entries));
        self.decoded.set(self.decoded.get() + 1);
        Ok(entries)
    }

    /// The blob at `path` (`/`-separated, relative to the root) in `tree`.
    pub fn blob_at(&self, tree: ObjectId, path: &str) -> Result<Option<ObjectId>, GitError> {
        let mut current = tree;
        let mut parts = path.split('/').peekable();
        while let Some(part) = parts.next() {
            let entries = self.entries(current)?;
            let last = parts.peek().is_none();
            let Some(entry) = entries
                .iter()
                .find(|e| e.name == part.as_bytes() && if last { e.is_blob } else { e.is_tree })
            else {
                return Ok(None);
            };
            if last {
                return Ok(Some(entry.id));
            }
            current = entry.id;
        }
        Ok(None)
    }

    /// Every blob path in `tree` whose content is `blob`, in tree order.
    /// Finding where a file came from when it appears under a new name.
    pub fn paths_of(&self, tree: ObjectId, blob: ObjectId) -> Result<Vec<String>, GitError> {
        let mut found = Vec::new();
        let mut pending = vec![(String::new(), tree)];
        while let Some((prefix, tree)) = pending.pop() {
            for entry in self.entries(tree)?.iter() {
                let name = format!("{prefix}{}", entry.name.to_str_lossy());
                if entry.is_tree {
                    pending.push((format!("{name}/"), entry.id));
                } else if entry.is_blob && entry.id == blob {
                    found.push(name);
                }
            }
        }
        found.sort();
        Ok(found)
    }

    /// The bytes of a blob.
    pub fn read_blob(&self, id: ObjectId) -> Result<Vec<u8>, GitError> {
        let blob = self
            .repo
            .find_blob(id)
            .map_err(|err| git_error(format!("cannot read blob {}", id.to_hex_with_len(7)), err))?;
        Ok(blob.data.clone())
    }

    /// The id git would give `data` as a blob.
    pub fn hash_blob(&self, data: &[u8]) -> Result<ObjectId, GitError> {
        gix::objs::compute_hash(self.repo.object_hash(), gix::objs::Kind::Blob, data)
            .map_err(|err| git_error("cannot hash a file", err))
    }

    /// Whether the working tree's `path` (relative, `/`-separated) has
    /// changes HEAD does not: the index and the file are compared with HEAD's
    /// blob and with each other, as `git status` does for one file.
    ///
    /// The file's bytes are hashed as they are, without git's clean filters
    /// (`core.autocrlf`, LFS, `.gitattributes` filters): with such filters a
    /// clean file may be reported as modified, never the other way round.
    pub fn uncommitted(&self, path: &str) -> Result<Option<Uncommitted>, GitError> {
        let head = match self.head()? {
            Some(head) => self.blob_at(head.tree, path)?,
            None => None,
        };
        let index = self
            .repo
            .index_or_empty()
            .map_err(|err| git_error("cannot read the index", err))?;
        let staged = index.entry_by_path(path.as_bytes().as_bstr()).map(|e| e.id);
        let on_disk = match std::fs::read(self.root.join(path)) {
            Ok(bytes) => Some(self.hash_blob(&bytes)?),
            Err(_) => None,
        };
        Ok(match (head, staged) {
            (None, None) => Some(Uncommitted::Untracked),
            (None, Some(_)) => Some(Uncommitted::Added),
            (Some(head), staged) if staged != Some(head) => Some(Uncommitted::Staged),
            (Some(head), _) if on_disk != Some(head) => Some(Uncommitted::Modified),
            _ => None,
        })
    }
}
