//! Saving a file that someone else may change meanwhile, without reverting
//! their change.
//!
//! An interview reads a file, then saves it after every answer, for as long
//! as the person takes to answer. Meanwhile a `git pull`, an editor or a
//! second `mrd edit` may change the file. Writing the interview's whole
//! version back would silently revert that change, so [`GuardedFile::save`]
//! compares the file's bytes with what it last read or wrote (bytes, not
//! modification times, which are coarse and can be set back) and then:
//!
//! - unchanged: writes the new version over it;
//! - changed, in entries this save does not touch: applies this save's
//!   entries to the new text (with the comment-keeping [`rewrite`], so their
//!   lines are kept too) and writes that;
//! - changed in an entry this save also changes, or no longer readable:
//!   writes nothing to the file, keeps the pending entries in a recovery
//!   file beside it (`NAME.md.recovery.yml`, which `mrd lint` does not read
//!   since it is not `.md`), and returns [`WriteError::Conflict`], whose
//!   message says what happened and how to merge.

use std::path::{Path, PathBuf};

use super::write::{
    Recovery, WriteError, WriteMode, front_matter_yaml, read_bytes, replace_if_unchanged,
};
use super::{
    Assessment, ConfidenceEntry, FrontMatter, Located, Recommendation, parse, rewrite, to_markdown,
    write_atomically,
};
use crate::source::Source;
use crate::yaml::Pos;

/// One entry of the front-matter, as a save changes it.
#[derive(Clone, Debug, PartialEq, Eq)]
enum Entry {
    Version,
    Title,
    Author,
    Created,
    Status,
    Labels,
    Milestone,
    Answer(String),
    Confidence(String),
    Decision,
    Rationale,
    Conditions,
}

impl Entry {
    /// Every entry either side has.
    fn all(a: &FrontMatter, b: &FrontMatter) -> Vec<Entry> {
        let mut entries = vec![
            Entry::Version,
            Entry::Title,
            Entry::Author,
            Entry::Created,
            Entry::Status,
            Entry::Labels,
            Entry::Milestone,
        ];
        for front in [a, b] {
            for answer in &front.answers {
                let entry = Entry::Answer(answer.key.value.clone());
                if !entries.contains(&entry) {
                    entries.push(entry);
                }
            }
        }
        for front in [a, b] {
            for c in &front.confidence {
                let entry = Entry::Confidence(c.key.value.clone());
                if !entries.contains(&entry) {
                    entries.push(entry);
                }
            }
        }
        entries.extend([Entry::Decision, Entry::Rationale, Entry::Conditions]);
        entries
    }

    /// The entry's value in `front`, positions left out, for comparing.
    fn value(&self, front: &FrontMatter) -> Option<String> {
        let rec = front.recommendation.as_ref();
        let text = |v: Option<&Located<String>>| v.map(|v| v.value.clone());
        let list = |items: &[Located<String>]| {
            (!items.is_empty())
                .then(|| format!("{:?}", items.iter().map(|i| &i.value).collect::<Vec<_>>()))
        };
        match self {
            Entry::Version => front.version.as_ref().map(|v| v.value.to_string()),
            Entry::Title => text(front.title.as_ref()),
            Entry::Author => text(front.author.as_ref()),
            Entry::Created => front.created.as_ref().map(|d| d.value.to_string()),
            Entry::Status => front.status.as_ref().map(|s| s.value.as_str().to_string()),
            Entry::Labels => list(&front.labels),
            Entry::Milestone => text(front.milestone.as_ref()),
            Entry::Answer(key) => front.answer(key).map(|a| a.text.value.clone()),
            Entry::Confidence(key) => front.confidence_of(key).map(|c| c.as_str().to_string()),
            Entry::Decision => rec
                .and_then(|r| r.decision.as_ref())
                .map(|d| d.value.as_str().to_string()),
            Entry::Rationale => text(rec.and_then(|r| r.rationale.as_ref())),
            Entry::Conditions => rec.and_then(|r| list(&r.conditions)),
        }
    }

    /// Sets the entry in `to` to its value in `from` (or removes it).
    fn copy(&self, from: &FrontMatter, to: &mut FrontMatter) {
        match self {
            Entry::Version => to.version = from.version.clone(),
            Entry::Title => to.title = from.title.clone(),
            Entry::Author => to.author = from.author.clone(),
            Entry::Created => to.created = from.created.clone(),
            Entry::Status => to.status = from.status.clone(),
            Entry::Labels => to.labels = from.labels.clone(),
            Entry::Milestone => to.milestone = from.milestone.clone(),
            Entry::Answer(key) => match from.answer(key) {
                Some(answer) => to.set_answer(key, answer.text.value.clone()),
                None => to.answers.retain(|a| &a.key.value != key),
            },
            Entry::Confidence(key) => match from.confidence_of(key) {
                Some(level) => match to.confidence.iter_mut().find(|c| &c.key.value == key) {
                    Some(entry) => entry.level.value = level,
                    None => to.confidence.push(ConfidenceEntry {
                        key: Located::new(key.clone(), Pos::default()),
                        level: Located::new(level, Pos::default()),
                    }),
                },
                None => to.confidence.retain(|c| &c.key.value != key),
            },
            Entry::Decision | Entry::Rationale | Entry::Conditions => {
                let source = from.recommendation.clone().unwrap_or_default();
                let rec = to
                    .recommendation
                    .get_or_insert_with(Recommendation::default);
                match self {
                    Entry::Decision => rec.decision = source.decision,
                    Entry::Rationale => rec.rationale = source.rationale,
                    _ => rec.conditions = source.conditions,
                }
            }
        }
    }

    /// The entry's name as a user finds it in the file.
    fn name(&self) -> String {
        match self {
            Entry::Version => "mrd".into(),
            Entry::Title => "title".into(),
            Entry::Author => "author".into(),
            Entry::Created => "created".into(),
            Entry::Status => "status".into(),
            Entry::Labels => "labels".into(),
            Entry::Milestone => "milestone".into(),
            Entry::Answer(key) => format!("answers.{key}"),
            Entry::Confidence(key) => format!("confidence.{key}"),
            Entry::Decision => "recommendation.decision".into(),
            Entry::Rationale => "recommendation.rationale".into(),
            Entry::Conditions => "recommendation.conditions".into(),
        }
    }
}

/// What a save did.
#[derive(Debug)]
pub enum Saved {
    /// The file was as last read or written, and now holds this version.
    Written,
    /// The file had been changed meanwhile, in other entries: this save's
    /// entries were applied to it. The assessment now on disk, which the
    /// caller should go on from.
    Merged(Box<Assessment>),
}

/// A file that is saved repeatedly, each time only over what was last read
/// or written (see the module documentation).
#[derive(Debug)]
pub struct GuardedFile {
    path: PathBuf,
    /// The file's bytes as last read or written; `None` before the first
    /// save of a file that did not exist.
    expected: Option<Vec<u8>>,
}

/// How many times a save retries when the file keeps changing under it.
const ATTEMPTS: usize = 5;

impl GuardedFile {
    /// A file this process will create (or replace, with `--force`) on its first save.
    pub fn new(path: PathBuf) -> GuardedFile {
        GuardedFile {
            path,
            expected: None,
        }
    }

    /// A file read from disk as `source` (its text and byte-order mark).
    pub fn read(path: PathBuf, source: &Source) -> GuardedFile {
        let mut bytes = Vec::with_capacity(source.text.len() + 3);
        if source.bom {
            bytes.extend_from_slice("\u{feff}".as_bytes());
        }
        bytes.extend_from_slice(source.text.as_bytes());
        GuardedFile {
            path,
            expected: Some(bytes),
        }
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Saves `desired`. `mode` applies to the first save of a new file.
    pub fn save(&mut self, desired: &Assessment, mode: WriteMode) -> Result<Saved, WriteError> {
        let Some(expected) = self.expected.clone() else {
            let text = to_markdown(desired);
            write_atomically(&self.path, &text, mode)?;
            self.expected = Some(text.into_bytes());
            return Ok(Saved::Written);
        };
        let base_text = text_of(&expected);
        for _ in 0..ATTEMPTS {
            let current = read_bytes(&self.path)?;
            if current.as_deref() == Some(&expected[..]) {
                let text = rewrite(base_text, desired);
                if replace_if_unchanged(&self.path, &text, &expected)? {
                    self.expected = Some(text.into_bytes());
                    return Ok(Saved::Written);
                }
                continue;
            }
            let base = read_assessment(base_text).unwrap_or_else(|| desired.clone());
            let pending: Vec<Entry> = Entry::all(&base.front, &desired.front)
                .into_iter()
                .filter(|e| e.value(&base.front) != e.value(&desired.front))
                .collect();
            let Some(current) = current else {
                return Err(self.conflict(desired, &pending, Why::Gone));
            };
            let current_text = text_of(&current);
            let Some(theirs) = std::str::from_utf8(&current)
                .ok()
                .and_then(|_| read_assessment(current_text))
            else {
                return Err(self.conflict(desired, &pending, Why::Unreadable));
            };
            let conflicting: Vec<String> = pending
                .iter()
                .filter(|e| {
                    let theirs = e.value(&theirs.front);
                    theirs != e.value(&base.front) && theirs != e.value(&desired.front)
                })
                .map(Entry::name)
                .collect();
            if !conflicting.is_empty() {
                return Err(self.conflict(desired, &pending, Why::Changed(conflicting)));
            }
            let mut merged = theirs;
            for entry in &pending {
                entry.copy(&desired.front, &mut merged.front);
            }
            let text = rewrite(current_text, &merged);
            if replace_if_unchanged(&self.path, &text, &current)? {
                self.expected = Some(text.into_bytes());
                return Ok(Saved::Merged(Box::new(merged)));
            }
        }
        Err(WriteError::Io(
            self.path.clone(),
            std::io::Error::other(format!(
                "it kept changing while mrd tried to save it ({ATTEMPTS} attempts)"
            )),
        ))
    }

    /// Keeps `pending` (as `desired` has them) in a recovery file, and the
    /// error that says so.
    fn conflict(&self, desired: &Assessment, pending: &[Entry], why: Why) -> WriteError {
        let mut front = FrontMatter::default();
        for entry in pending {
            entry.copy(&desired.front, &mut front);
        }
        let path = self.path.display();
        let what = match &why {
            Why::Gone => format!("{path} was deleted or moved while this interview was running"),
            Why::Unreadable => format!(
                "{path} was changed while this interview was running, and can no longer be read as an assessment"
            ),
            Why::Changed(entries) => format!(
                "{path} was changed while this interview was running (by an editor, a git pull or another mrd edit), and its {} {} no longer what this interview started from",
                entries
                    .iter()
                    .map(|e| format!("`{e}`"))
                    .collect::<Vec<_>>()
                    .join(", "),
                if entries.len() == 1 { "is" } else { "are" }
            ),
        };
        let header = format!(
            "# Answers from mrd that were not saved, because {what}.\n\
             # Copy what you want to keep into {path}, check it with `mrd lint {path}`,\n\
             # then delete this file.\n"
        );
        let text = format!("{header}{}", front_matter_yaml(&front));
        let recovery = match write_recovery(&self.path, &text) {
            Ok(path) => Recovery::Saved(path),
            Err(err) => Recovery::Failed {
                error: err.to_string(),
                text,
            },
        };
        WriteError::Conflict {
            path: self.path.clone(),
            what,
            recovery,
        }
    }
}

/// Why a save could not merge.
enum Why {
    Gone,
    Unreadable,
    Changed(Vec<String>),
}

/// The text of a file's bytes without a byte-order mark, as `parse` reads it.
fn text_of(bytes: &[u8]) -> &str {
    let text = std::str::from_utf8(bytes).unwrap_or_default();
    text.strip_prefix('\u{feff}').unwrap_or(text)
}

fn read_assessment(text: &str) -> Option<Assessment> {
    let parsed = parse(&Source::from_text("<saved>", text));
    parsed.assessment.filter(|_| parsed.problems.is_empty())
}

/// Writes `text` to `NAME.recovery.yml` beside `path` (or `NAME.recovery-2.yml`,
/// ..., never over an earlier one).
fn write_recovery(path: &Path, text: &str) -> Result<PathBuf, WriteError> {
    let name = path
        .file_name()
        .map_or("assessment".into(), |n| n.to_string_lossy().into_owned());
    let mut last = None;
    for n in 1..100 {
        let suffix = if n == 1 {
            ".recovery.yml".to_string()
        } else {
            format!(".recovery-{n}.yml")
        };
        let candidate = path.with_file_name(format!("{name}{suffix}"));
        match write_atomically(&candidate, text, WriteMode::CreateNew) {
            Ok(()) => return Ok(candidate),
            Err(WriteError::Exists(_)) => last = Some(candidate),
            Err(err) => return Err(err),
        }
    }
    Err(WriteError::Exists(
        last.unwrap_or_else(|| path.to_path_buf()),
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    const FILE: &str =
        "---\n# kept\ntitle: T\nanswers:\n  problem: Old pain.\n  metrics: ''\n---\nNotes.\n";

    fn read(text: &str) -> Assessment {
        read_assessment(text).expect("readable")
    }

    fn guarded(dir: &Path, text: &str) -> GuardedFile {
        let path = dir.join("a.md");
        std::fs::write(&path, text).unwrap();
        GuardedFile::read(path, &Source::from_text("a.md", text))
    }

    #[test]
    fn an_unchanged_file_is_saved_and_saved_again() {
        let dir = tempfile::tempdir().unwrap();
        let mut file = guarded(dir.path(), FILE);
        let mut mine = read(FILE);
        mine.front
            .set_answer("metrics", "Sign-ups per week.".into());
        assert!(matches!(
            file.save(&mine, WriteMode::Replace).unwrap(),
            Saved::Written
        ));
        mine.front.set_answer("problem", "New pain.".into());
        assert!(matches!(
            file.save(&mine, WriteMode::Replace).unwrap(),
            Saved::Written
        ));
        let text = std::fs::read_to_string(file.path()).unwrap();
        assert_eq!(
            text,
            "---\n# kept\ntitle: T\nanswers:\n  problem: New pain.\n  metrics: Sign-ups per week.\n---\nNotes.\n"
        );
    }

    #[test]
    fn a_change_elsewhere_is_kept_and_this_save_applied_to_it() {
        let dir = tempfile::tempdir().unwrap();
        let mut file = guarded(dir.path(), FILE);
        let theirs = FILE
            .replace("Old pain.", "Their pain. # theirs")
            .replace("Notes.", "Their notes.");
        std::fs::write(file.path(), &theirs).unwrap();
        let mut mine = read(FILE);
        mine.front
            .set_answer("metrics", "Sign-ups per week.".into());
        let Saved::Merged(merged) = file.save(&mine, WriteMode::Replace).unwrap() else {
            panic!("not merged");
        };
        let text = std::fs::read_to_string(file.path()).unwrap();
        assert_eq!(
            text,
            "---\n# kept\ntitle: T\nanswers:\n  problem: Their pain. # theirs\n  metrics: Sign-ups per week.\n---\nTheir notes.\n"
        );
        assert_eq!(merged.front.answer_text("problem"), Some("Their pain."));
        // The next save goes on from the merged text.
        let mut next = *merged;
        next.front.set_answer("title_like", "x".into());
        assert!(matches!(
            file.save(&next, WriteMode::Replace).unwrap(),
            Saved::Written
        ));
        assert!(
            std::fs::read_to_string(file.path())
                .unwrap()
                .contains("Their notes.")
        );
    }

    #[test]
    fn a_change_to_the_same_entry_is_kept_and_the_answer_goes_to_a_recovery_file() {
        let dir = tempfile::tempdir().unwrap();
        let mut file = guarded(dir.path(), FILE);
        let theirs = FILE.replace("metrics: ''", "metrics: Their metric.");
        std::fs::write(file.path(), &theirs).unwrap();
        let mut mine = read(FILE);
        mine.front.set_answer("metrics", "My metric.".into());
        let err = file.save(&mine, WriteMode::Replace).unwrap_err();
        assert_eq!(std::fs::read_to_string(file.path()).unwrap(), theirs);
        let message = err.to_string();
        assert!(message.contains("`answers.metrics`"), "{message}");
        let recovery = dir.path().join("a.md.recovery.yml");
        assert!(
            message.contains(&recovery.display().to_string()),
            "{message}"
        );
        let kept = std::fs::read_to_string(&recovery).unwrap();
        assert!(
            kept.starts_with("# Answers from mrd that were not saved"),
            "{kept}"
        );
        assert!(
            kept.ends_with("answers:\n  metrics: My metric.\n"),
            "{kept}"
        );
        // A second conflict never overwrites the first recovery file.
        let _ = file.save(&mine, WriteMode::Replace).unwrap_err();
        assert!(dir.path().join("a.md.recovery-2.yml").exists());
    }

    #[test]
    fn the_same_change_on_both_sides_is_no_conflict() {
        let dir = tempfile::tempdir().unwrap();
        let mut file = guarded(dir.path(), FILE);
        let both = FILE.replace("metrics: ''", "metrics: Same.");
        std::fs::write(file.path(), &both).unwrap();
        let mut mine = read(FILE);
        mine.front.set_answer("metrics", "Same.".into());
        assert!(matches!(
            file.save(&mine, WriteMode::Replace).unwrap(),
            Saved::Merged(_)
        ));
        assert_eq!(std::fs::read_to_string(file.path()).unwrap(), both);
    }

    #[test]
    fn a_deleted_or_broken_file_is_not_recreated() {
        let dir = tempfile::tempdir().unwrap();
        let mut file = guarded(dir.path(), FILE);
        let mut mine = read(FILE);
        mine.front.set_answer("metrics", "Mine.".into());
        std::fs::write(file.path(), "---\ntitle: [\n---\n").unwrap();
        let err = file.save(&mine, WriteMode::Replace).unwrap_err();
        assert!(err.to_string().contains("can no longer be read"), "{err}");
        assert!(dir.path().join("a.md.recovery.yml").exists());
        std::fs::remove_file(file.path()).unwrap();
        let err = file.save(&mine, WriteMode::Replace).unwrap_err();
        assert!(err.to_string().contains("was deleted or moved"), "{err}");
        assert!(!file.path().exists());
    }
}
