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

use super::{Assessment, FrontMatter, Located};
use crate::yaml::{Node, Pos, Value};

fn text(value: &str) -> Node {
    Node::string(Pos::default(), value)
}

fn entry(key: &str, value: Node) -> (Node, Node) {
    (text(key), value)
}

fn list(items: &[Located<String>]) -> Node {
    Node {
        pos: Pos::default(),
        value: Value::Seq(items.iter().map(|item| text(&item.value)).collect()),
    }
}

fn map(entries: Vec<(Node, Node)>) -> Node {
    Node {
        pos: Pos::default(),
        value: Value::Map(entries),
    }
}

/// The front-matter as a YAML tree, keys in the format's documented order.
fn front_matter_tree(front: &FrontMatter) -> Node {
    let mut entries = Vec::new();
    if let Some(version) = &front.version {
        entries.push(entry(
            "mrd",
            Node {
                pos: Pos::default(),
                value: Value::Int(version.value.into()),
            },
        ));
    }
    let mut optional_text = |key: &str, value: Option<&Located<String>>| {
        if let Some(value) = value {
            entries.push(entry(key, text(&value.value)));
        }
    };
    optional_text("title", front.title.as_ref());
    optional_text("author", front.author.as_ref());
    if let Some(created) = &front.created {
        entries.push(entry("created", text(&created.value.to_string())));
    }
    if let Some(status) = &front.status {
        entries.push(entry("status", text(status.value.as_str())));
    }
    if let Some(decided) = &front.decided {
        entries.push(entry("decided", text(&decided.value.to_string())));
    }
    if !front.labels.is_empty() {
        entries.push(entry("labels", list(&front.labels)));
    }
    if let Some(milestone) = &front.milestone {
        entries.push(entry("milestone", text(&milestone.value)));
    }
    if front.answers_pos.is_some() || !front.answers.is_empty() {
        let answers = front
            .answers
            .iter()
            .map(|a| entry(&a.key.value, text(&a.text.value)))
            .collect();
        entries.push(entry("answers", map(answers)));
    }
    if !front.confidence.is_empty() {
        let levels = front
            .confidence
            .iter()
            .map(|c| entry(&c.key.value, text(c.level.value.as_str())))
            .collect();
        entries.push(entry("confidence", map(levels)));
    }
    if let Some(rec) = &front.recommendation {
        let mut fields = Vec::new();
        if let Some(decision) = &rec.decision {
            fields.push(entry("decision", text(decision.value.as_str())));
        }
        if let Some(rationale) = &rec.rationale {
            fields.push(entry("rationale", text(&rationale.value)));
        }
        if !rec.conditions.is_empty() {
            fields.push(entry("conditions", list(&rec.conditions)));
        }
        fields.extend(rec.extra.iter().cloned());
        entries.push(entry("recommendation", map(fields)));
    }
    entries.extend(front.extra.iter().cloned());
    map(entries)
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
    let yaml_start = out.len();
    // The tree holds a copy of every answer: it goes as soon as it is text.
    if serde_saphyr::to_fmt_writer(&mut out, &front_matter_tree(&assessment.front)).is_err() {
        out.truncate(yaml_start);
    }
    if out.len() == yaml_start || !out.ends_with('\n') {
        out.push('\n');
    }
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
}

impl fmt::Display for WriteError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            WriteError::Exists(path) => write!(
                f,
                "{} already exists; pass --force to replace it",
                path.display()
            ),
            WriteError::Io(path, err) => write!(f, "cannot write {}: {err}", path.display()),
        }
    }
}

/// Writes `contents` to `path` through a temporary file in the same directory
/// and a rename, creating missing parent directories.
pub fn write_atomically(path: &Path, contents: &str, mode: WriteMode) -> Result<(), WriteError> {
    let io_err = |err: io::Error| WriteError::Io(path.to_path_buf(), err);
    let dir = match path.parent() {
        Some(dir) if !dir.as_os_str().is_empty() => dir.to_path_buf(),
        _ => PathBuf::from("."),
    };
    if mode == WriteMode::CreateNew && path.exists() {
        return Err(WriteError::Exists(path.to_path_buf()));
    }
    std::fs::create_dir_all(&dir).map_err(io_err)?;
    let mut temp = tempfile::Builder::new()
        .prefix(".mrd-")
        .suffix(".tmp")
        .tempfile_in(&dir)
        .map_err(io_err)?;
    temp.write_all(contents.as_bytes()).map_err(io_err)?;
    // Temporary files are created private (0600); a new assessment is an
    // ordinary file of the repository, readable like the others. A replaced
    // file keeps its own permissions (below).
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        temp.as_file()
            .set_permissions(std::fs::Permissions::from_mode(0o644))
            .map_err(io_err)?;
    }
    temp.as_file().sync_all().map_err(io_err)?;
    match mode {
        WriteMode::CreateNew => {
            // No-clobber persist: a file that appeared since the check above is
            // still not replaced.
            temp.persist_noclobber(path).map_err(|err| {
                if err.error.kind() == io::ErrorKind::AlreadyExists {
                    WriteError::Exists(path.to_path_buf())
                } else {
                    io_err(err.error)
                }
            })?;
        }
        WriteMode::Replace => {
            if let Ok(meta) = std::fs::metadata(path) {
                // Keep the permissions of the file being replaced.
                let _ = std::fs::set_permissions(temp.path(), meta.permissions());
            }
            temp.persist(path).map_err(|err| io_err(err.error))?;
        }
    }
    Ok(())
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
