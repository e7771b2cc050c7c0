//! Writing an assessment back to Markdown, atomically.
//!
//! The front-matter is regenerated from the typed view (known keys in the
//! format's order, then unknown keys as they were); the body is copied byte for
//! byte. Files are written to a temporary file beside the target and renamed
//! over it, so a crash or a full disk never leaves half a file where a user's
//! work was.

use std::fmt;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use super::{Assessment, Field, FrontMatter, Located, RecommendationField};
use crate::yaml::{Node, Value};

fn list(items: &[Located<String>]) -> Node {
    Node::new(Value::Seq(
        items.iter().map(|item| Node::string(&item.value)).collect(),
    ))
}

/// The value `front` has for `field`, as written; `None` when it has none.
/// The file's lint settings are among the kept unknown keys.
fn field_value(front: &FrontMatter, field: Field) -> Option<Node> {
    let text = |value: Option<&Located<String>>| value.map(|v| Node::string(&v.value));
    match field {
        Field::Version => front
            .version
            .as_ref()
            .map(|v| Node::new(Value::Int(v.value.into()))),
        Field::Title => text(front.title.as_ref()),
        Field::Author => text(front.author.as_ref()),
        Field::Created => front
            .created
            .as_ref()
            .map(|c| Node::string(c.value.to_string())),
        Field::Status => front
            .status
            .as_ref()
            .map(|s| Node::string(s.value.as_str())),
        Field::Decided => front
            .decided
            .as_ref()
            .map(|d| Node::string(d.value.to_string())),
        Field::Labels => (!front.labels.is_empty()).then(|| list(&front.labels)),
        Field::Milestone => text(front.milestone.as_ref()),
        Field::Answers => (front.answers_pos.is_some() || !front.answers.is_empty()).then(|| {
            Node::new(Value::Map(
                front
                    .answers
                    .iter()
                    .map(|a| (Node::string(&a.key.value), Node::string(&a.text.value)))
                    .collect(),
            ))
        }),
        Field::Confidence => (!front.confidence.is_empty()).then(|| {
            Node::new(Value::Map(
                front
                    .confidence
                    .iter()
                    .map(|c| {
                        (
                            Node::string(&c.key.value),
                            Node::string(c.level.value.as_str()),
                        )
                    })
                    .collect(),
            ))
        }),
        Field::Recommendation => front.recommendation.as_ref().map(|rec| {
            let mut fields = Vec::new();
            for field in RecommendationField::ALL {
                let value = match field {
                    RecommendationField::Decision => rec
                        .decision
                        .as_ref()
                        .map(|d| Node::string(d.value.as_str())),
                    RecommendationField::Rationale => {
                        rec.rationale.as_ref().map(|r| Node::string(&r.value))
                    }
                    RecommendationField::Conditions => {
                        (!rec.conditions.is_empty()).then(|| list(&rec.conditions))
                    }
                };
                if let Some(value) = value {
                    fields.push((Node::string(field.key()), value));
                }
            }
            fields.extend(rec.extra.iter().cloned());
            Node::new(Value::Map(fields))
        }),
        Field::FileSettings => None,
    }
}

/// The front-matter as a YAML tree: known keys in the format's order, then
/// the keys `mrd` does not know (and the file's lint settings) as written.
fn front_matter_tree(front: &FrontMatter) -> Node {
    let mut entries: Vec<(Node, Node)> = Field::ALL
        .iter()
        .filter_map(|&field| Some((Node::string(field.key()), field_value(front, field)?)))
        .collect();
    entries.extend(front.extra.iter().cloned());
    Node::new(Value::Map(entries))
}

/// The front-matter's YAML, without fences.
pub(super) fn front_matter_yaml(front: &FrontMatter) -> String {
    let mut yaml = String::new();
    push_front_matter_yaml(&mut yaml, front);
    yaml
}

/// Appends the front-matter's YAML, without fences, ending in a newline.
fn push_front_matter_yaml(out: &mut String, front: &FrontMatter) {
    let start = out.len();
    // The tree holds a copy of every answer: it goes as soon as it is text.
    if serde_saphyr::to_fmt_writer(&mut *out, &front_matter_tree(front)).is_err() {
        out.truncate(start);
    }
    if out.len() == start || !out.ends_with('\n') {
        out.push('\n');
    }
}

/// The whole file as text: fences, front-matter, body.
///
/// The YAML is written straight into the file's text, sized up front for
/// the answers it holds: an imported assessment's answers can be as large as
/// the document, and a YAML string that doubles as it grows, then copied
/// into the text, would hold them twice more.
pub fn to_markdown(assessment: &Assessment) -> String {
    let mut out =
        String::with_capacity(front_matter_size(&assessment.front) + assessment.body.len());
    if assessment.bom {
        out.push('\u{feff}');
    }
    let front_start = out.len();
    out.push_str("---\n");
    push_front_matter_yaml(&mut out, &assessment.front);
    out.push_str("---\n");
    if assessment.crlf {
        let front = out.split_off(front_start);
        out.push_str(&front.replace('\n', "\r\n"));
    }
    out.push_str(&assessment.body);
    out
}

/// About what the front-matter's YAML takes: its long texts, each line
/// indented, and room for the rest.
fn front_matter_size(front: &FrontMatter) -> usize {
    let rationale = front
        .recommendation
        .as_ref()
        .and_then(|r| r.rationale.as_ref());
    let texts = front.answers.iter().map(|a| &a.text).chain(rationale);
    texts
        .map(|t| t.value.len() + 8 * (memchr::memchr_iter(b'\n', t.value.as_bytes()).count() + 1))
        .sum::<usize>()
        + 4096
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum WriteMode {
    /// Refuse to replace an existing file.
    CreateNew,
    /// Replace an existing file (the user asked with `--force`, or it is the
    /// file being edited).
    Replace,
}

impl WriteMode {
    /// How to write a file the user asked for: never over an existing one
    /// unless they passed `--force`.
    pub fn new_file(force: bool) -> WriteMode {
        if force {
            WriteMode::Replace
        } else {
            WriteMode::CreateNew
        }
    }
}

#[derive(Debug)]
pub enum WriteError {
    Exists(PathBuf),
    Io(PathBuf, io::Error),
    /// The file changed on disk in a way a save could not merge with (see
    /// `assessment::guard`): nothing was written to it.
    Conflict {
        path: PathBuf,
        /// What happened to the file, as a sentence naming it.
        what: String,
        recovery: Recovery,
    },
}

/// Where the answers a conflicting save could not write went.
#[derive(Debug)]
pub enum Recovery {
    Saved(PathBuf),
    /// The recovery file could not be written either: the answers as YAML.
    Failed {
        error: String,
        text: String,
    },
}

impl WriteError {
    /// The file, the message and a help line, for printing as a diagnostic.
    pub fn parts(&self) -> (String, String, Option<String>) {
        match self {
            WriteError::Exists(path) => (
                path.display().to_string(),
                format!("{} already exists", path.display()),
                Some("pass --force to replace it".into()),
            ),
            WriteError::Io(path, err) => (
                path.display().to_string(),
                format!("cannot write {}: {err}", path.display()),
                None,
            ),
            WriteError::Conflict {
                path,
                what,
                recovery,
            } => {
                let path = path.display();
                let help = match recovery {
                    Recovery::Saved(recovery) => format!(
                        "the answers not saved are in {recovery}: copy what you want to keep into {path}, check it with `mrd lint {path}`, then delete {recovery}",
                        recovery = recovery.display()
                    ),
                    Recovery::Failed { error, text } => format!(
                        "the answers not saved could not be kept in a file either ({error}); here they are, to copy into {path}:\n{text}"
                    ),
                };
                (
                    path.to_string(),
                    format!("{what}; nothing more was written to {path}"),
                    Some(help),
                )
            }
        }
    }
}

impl fmt::Display for WriteError {
    /// The message and, where there is one, the help after a separator:
    /// `; ` for a short hint, a new line for a conflict's recovery.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (_, message, help) = self.parts();
        f.write_str(&message)?;
        match help {
            Some(help) if matches!(self, WriteError::Conflict { .. }) => write!(f, "\n{help}"),
            Some(help) => write!(f, "; {help}"),
            None => Ok(()),
        }
    }
}

/// Writes `contents` to `path` through a temporary file in the same directory
/// and a rename, creating missing parent directories.
///
/// What `path` is decides where the bytes go (docs/format.md, "How files are
/// written"):
///
/// - a symbolic link: its target is written (the temporary file goes in the
///   target's directory), and the link stays a link;
/// - an existing file: its permissions, and its owner and group where this
///   process may set them, carry over to the new text;
/// - a file with more than one hard link: it is overwritten in place, so
///   every name keeps showing the same text; the new text is first saved
///   and synced in a temporary file beside it, which survives a failure;
/// - a device, FIFO or socket (`-o /dev/stdout`): written to directly.
pub fn write_atomically(path: &Path, contents: &str, mode: WriteMode) -> Result<(), WriteError> {
    write_file(path, contents.as_bytes(), mode, None).map(|_| ())
}

/// Like [`write_atomically`] with [`WriteMode::Replace`], but only if the
/// file still holds exactly `expected` when the new text is ready to take
/// its place: returns `false`, and changes nothing, when it does not.
pub fn replace_if_unchanged(
    path: &Path,
    contents: &str,
    expected: &[u8],
) -> Result<bool, WriteError> {
    write_file(
        path,
        contents.as_bytes(),
        WriteMode::Replace,
        Some(expected),
    )
}

/// The file's bytes, or `None` when there is no file.
pub fn read_bytes(path: &Path) -> Result<Option<Vec<u8>>, WriteError> {
    match std::fs::read(path) {
        Ok(bytes) => Ok(Some(bytes)),
        Err(err) if err.kind() == io::ErrorKind::NotFound => Ok(None),
        Err(err) => Err(WriteError::Io(path.to_path_buf(), err)),
    }
}

/// The file a write to `path` must change: `path` itself, or the end of its
/// chain of symbolic links (which may not exist yet).
fn resolve_links(path: &Path) -> io::Result<PathBuf> {
    let mut current = path.to_path_buf();
    // As many links as the kernel follows (Linux: 40) before ELOOP.
    for _ in 0..40 {
        match std::fs::symlink_metadata(&current) {
            Ok(meta) if meta.file_type().is_symlink() => {
                let target = std::fs::read_link(&current)?;
                current = match current.parent() {
                    Some(dir) if target.is_relative() => dir.join(target),
                    _ => target,
                };
            }
            Ok(_) => return Ok(current),
            Err(err) if err.kind() == io::ErrorKind::NotFound => return Ok(current),
            Err(err) => return Err(err),
        }
    }
    Err(io::Error::other("too many levels of symbolic links"))
}

fn write_file(
    path: &Path,
    contents: &[u8],
    mode: WriteMode,
    expected: Option<&[u8]>,
) -> Result<bool, WriteError> {
    let io_err = |err: io::Error| WriteError::Io(path.to_path_buf(), err);
    let target = resolve_links(path).map_err(io_err)?;
    let existing = match std::fs::metadata(&target) {
        Ok(meta) => Some(meta),
        Err(err) if err.kind() == io::ErrorKind::NotFound => None,
        Err(err) => return Err(io_err(err)),
    };
    if let Some(meta) = &existing {
        if mode == WriteMode::CreateNew {
            return Err(WriteError::Exists(path.to_path_buf()));
        }
        if meta.is_dir() {
            return Err(io_err(io::Error::other("it is a directory")));
        }
        if !meta.is_file() {
            // A terminal, a pipe, /dev/null: there is nothing to replace.
            let mut file = std::fs::OpenOptions::new()
                .write(true)
                .open(&target)
                .map_err(io_err)?;
            file.write_all(contents).map_err(io_err)?;
            return Ok(true);
        }
    }
    let dir = match target.parent() {
        Some(dir) if !dir.as_os_str().is_empty() => dir.to_path_buf(),
        _ => PathBuf::from("."),
    };
    std::fs::create_dir_all(&dir).map_err(io_err)?;
    let mut temp = tempfile::Builder::new()
        .prefix(".mrd-")
        .suffix(".tmp")
        .tempfile_in(&dir)
        .map_err(io_err)?;
    temp.write_all(contents).map_err(io_err)?;
    keep_metadata(temp.as_file(), existing.as_ref()).map_err(io_err)?;
    temp.as_file().sync_all().map_err(io_err)?;
    // Compared as late as possible: the window in which another writer can
    // slip in is the rename alone.
    if let Some(expected) = expected
        && read_bytes(&target)?.as_deref() != Some(expected)
    {
        return Ok(false);
    }
    match (mode, &existing) {
        (WriteMode::CreateNew, _) => {
            // No-clobber persist: a file that appeared since the check above is
            // still not replaced.
            temp.persist_noclobber(&target).map_err(|err| {
                if err.error.kind() == io::ErrorKind::AlreadyExists {
                    WriteError::Exists(path.to_path_buf())
                } else {
                    io_err(err.error)
                }
            })?;
        }
        (WriteMode::Replace, Some(meta)) if hard_links(meta) > 1 => {
            overwrite_in_place(&target, contents, temp).map_err(io_err)?;
        }
        (WriteMode::Replace, _) => {
            temp.persist(&target).map_err(|err| io_err(err.error))?;
        }
    }
    Ok(true)
}

#[cfg(unix)]
fn hard_links(meta: &std::fs::Metadata) -> u64 {
    std::os::unix::fs::MetadataExt::nlink(meta)
}

#[cfg(not(unix))]
fn hard_links(_: &std::fs::Metadata) -> u64 {
    1
}

/// The temporary file takes the replaced file's owner, group and
/// permissions; a new file is readable like any other in the repository
/// (temporary files are created private, 0600).
fn keep_metadata(temp: &std::fs::File, existing: Option<&std::fs::Metadata>) -> io::Result<()> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::{MetadataExt, PermissionsExt};
        let Some(meta) = existing else {
            return temp.set_permissions(std::fs::Permissions::from_mode(0o644));
        };
        // Only root may give a file away; an ordinary user may still set a
        // group they belong to. Where neither is allowed, the file is the
        // writer's own, as with any editor's save.
        if std::os::unix::fs::fchown(temp, Some(meta.uid()), Some(meta.gid())).is_err() {
            let _ = std::os::unix::fs::fchown(temp, None, Some(meta.gid()));
        }
        // After chown, which clears set-user-ID and set-group-ID bits.
        temp.set_permissions(meta.permissions())
    }
    #[cfg(not(unix))]
    {
        match existing {
            Some(meta) => temp.set_permissions(meta.permissions()),
            None => Ok(()),
        }
    }
}

/// Writes `contents` into `target` itself, keeping its inode and so every
/// hard link to it. `temp` holds the same bytes, synced: it is removed once
/// the target is written, and kept (and named in the error) if that fails.
fn overwrite_in_place(
    target: &Path,
    contents: &[u8],
    temp: tempfile::NamedTempFile,
) -> io::Result<()> {
    let written = std::fs::OpenOptions::new()
        .write(true)
        .truncate(true)
        .open(target)
        .and_then(|mut file| {
            file.write_all(contents)?;
            file.sync_all()
        });
    match written {
        Ok(()) => temp.close(),
        Err(err) => {
            let kept = temp.into_temp_path().keep().map_err(|e| e.error)?;
            Err(io::Error::new(
                err.kind(),
                format!("{err}; the new text is saved in {}", kept.display()),
            ))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::assessment::parse;
    use crate::source::Source;

    const FILE: &str = "---\ntitle: Scheduler\nstatus: draft\nanswers:\n  problem: |\n    Line one.\n    Line two.\n  custom_question: kept\nrecommendation:\n  decision: go\n  rationale: Because.\n  owner: priya\nfuture_key:\n  nested: [1, 2]\n---\n## Notes\n\nTrailing  spaces  \n\n\n* odd list\n";

    fn reparse(text: &str) -> Assessment {
        let parsed = parse(&Source::from_text("t.md", text));
        assert!(parsed.problems.is_empty(), "{:?}", parsed.problems);
        parsed.assessment.unwrap()
    }

    #[test]
    fn a_rewrite_keeps_the_body_and_every_value() {
        let original = reparse(FILE);
        let written = to_markdown(&original);
        assert!(written.ends_with("---\n## Notes\n\nTrailing  spaces  \n\n\n* odd list\n"));
        let again = reparse(&written);
        assert_eq!(again.body, original.body);
        assert_eq!(
            again.front.answer_text("problem"),
            Some("Line one.\nLine two.\n")
        );
        assert_eq!(again.front.answer_text("custom_question"), Some("kept"));
        assert_eq!(again.front.recommendation.unwrap().extra.len(), 1);
        assert_eq!(again.front.extra[0].0.as_str(), Some("future_key"));
        // Writing is stable: a second rewrite changes nothing.
        assert_eq!(to_markdown(&reparse(&written)), written);
    }

    #[test]
    fn a_rewrite_keeps_crlf_and_the_byte_order_mark() {
        let crlf = format!("\u{feff}{}", FILE.replace('\n', "\r\n"));
        let assessment = reparse(&crlf);
        assert!(assessment.bom && assessment.crlf);
        let written = to_markdown(&assessment);
        assert!(written.starts_with("\u{feff}---\r\ntitle: Scheduler\r\n"));
        assert!(!written.replace("\r\n", "").contains('\n'));
    }

    #[test]
    fn refuses_to_replace_unless_asked() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("sub/a.md");
        write_atomically(&path, "one", WriteMode::CreateNew).unwrap();
        let err = write_atomically(&path, "two", WriteMode::CreateNew).unwrap_err();
        assert!(matches!(err, WriteError::Exists(_)));
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "one");
        write_atomically(&path, "two", WriteMode::Replace).unwrap();
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "two");
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = std::fs::metadata(&path).unwrap().permissions().mode();
            assert_eq!(mode & 0o777, 0o644, "a new file is readable like any other");
        }
        let leftovers = std::fs::read_dir(path.parent().unwrap()).unwrap().count();
        assert_eq!(leftovers, 1, "no temporary files are left behind");
    }
}
