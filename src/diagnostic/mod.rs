//! One problem, whatever found it: a lint rule, the reading of a file, the
//! config, a template, or the file system. Every command prints every
//! problem through the same printers (`crate::output`), so a broken
//! `.mrd.yml` looks like a lint finding, with its file, line, column and
//! source line.
//!
//! A diagnostic points into its file with a byte span; lines and columns are
//! computed when it is printed. It also says what it is about (its
//! [`Subject`]): an answer, a confidence, the title, a part of the
//! recommendation, or the file as a whole, so that the summary, the
//! interview and editors need not guess it from a position.

pub mod rules;

use serde::Serialize;

use crate::source::{Pos, Source};

pub use rules::Rule;

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Level {
    Warning,
    Error,
}

impl Level {
    pub fn as_str(self) -> &'static str {
        match self {
            Level::Warning => "warning",
            Level::Error => "error",
        }
    }
}

/// What kind of problem a diagnostic is: a lint rule's finding, or one of
/// the problems that stop a command.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DiagnosticId {
    Rule(&'static Rule),
    /// `.mrd.yml` cannot be read or says something invalid.
    Config,
    /// A template cannot be parsed or rendered.
    Template,
    /// A file or directory cannot be read or written.
    Io,
    /// The command line asks for something that cannot be done.
    Usage,
}

impl DiagnosticId {
    /// What the printers show in brackets (`error[MRD003]`, `error[config]`);
    /// `None` for usage errors, printed as a plain `error:`.
    pub fn code(self) -> Option<&'static str> {
        match self {
            DiagnosticId::Rule(rule) => Some(rule.code),
            DiagnosticId::Config => Some("config"),
            DiagnosticId::Template => Some("template"),
            DiagnosticId::Io => Some("io"),
            DiagnosticId::Usage => None,
        }
    }

    /// The kebab-case name: the rule's, or what went wrong.
    pub fn name(self) -> &'static str {
        match self {
            DiagnosticId::Rule(rule) => rule.name,
            DiagnosticId::Config => "invalid-config",
            DiagnosticId::Template => "invalid-template",
            DiagnosticId::Io => "unreadable-file",
            DiagnosticId::Usage => "usage",
        }
    }

    pub fn rule(self) -> Option<&'static Rule> {
        match self {
            DiagnosticId::Rule(rule) => Some(rule),
            _ => None,
        }
    }
}

/// Which part of the recommendation a diagnostic is about.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum RecommendationPart {
    /// The `recommendation:` block as a whole (it has no decision, say).
    Block,
    Decision,
    Rationale,
    Conditions,
}

/// What a diagnostic is about. A rule knows which answer it judged; it says
/// so here, and nobody works it out from a position afterwards.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash)]
pub enum Subject {
    /// The file as a whole, or a part of it that is none of the below (the
    /// status, an unknown top-level key, the body).
    #[default]
    File,
    Title,
    /// The entry under `answers:` with this key.
    Answer(String),
    /// The entry under `confidence:` with this key.
    Confidence(String),
    Recommendation(RecommendationPart),
}

impl Subject {
    /// The question key an answer or a confidence is about.
    pub fn question(&self) -> Option<&str> {
        match self {
            Subject::Answer(key) | Subject::Confidence(key) => Some(key),
            _ => None,
        }
    }
}

/// Written as `{"kind": "answer", "key": "problem"}`,
/// `{"kind": "recommendation", "part": "rationale"}`, `{"kind": "title"}`.
impl Serialize for Subject {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let mut map = serializer.serialize_map(None)?;
        match self {
            Subject::File => map.serialize_entry("kind", "file")?,
            Subject::Title => map.serialize_entry("kind", "title")?,
            Subject::Answer(key) => {
                map.serialize_entry("kind", "answer")?;
                map.serialize_entry("key", key)?;
            }
            Subject::Confidence(key) => {
                map.serialize_entry("kind", "confidence")?;
                map.serialize_entry("key", key)?;
            }
            Subject::Recommendation(part) => {
                map.serialize_entry("kind", "recommendation")?;
                map.serialize_entry("part", part)?;
            }
        }
        map.end()
    }
}

/// One problem at one place.
#[derive(Clone, Debug, PartialEq)]
pub struct Diagnostic {
    pub id: DiagnosticId,
    pub level: Level,
    /// The file as the user named it; empty for a problem with no file (a
    /// usage error).
    pub file: String,
    /// Where in the file; `None` when the problem is the file as a whole and
    /// has no place in its text (it cannot be read at all).
    pub span: Option<Pos>,
    pub message: String,
    pub help: Option<String>,
    /// Further facts, printed after the source line.
    pub notes: Vec<String>,
    pub subject: Subject,
}

impl Diagnostic {
    /// A problem of kind `id` at `span`, at the error level, about the whole
    /// file until [`Diagnostic::about`] says otherwise.
    pub fn new(id: DiagnosticId, span: Option<Pos>, message: impl Into<String>) -> Diagnostic {
        Diagnostic {
            id,
            level: match id {
                DiagnosticId::Rule(rule) => rule.level,
                _ => Level::Error,
            },
            file: String::new(),
            span,
            message: message.into(),
            help: None,
            notes: Vec::new(),
            subject: Subject::File,
        }
    }

    /// A finding of `rule` at `pos`, at the rule's default level (the linter
    /// applies the configured one).
    pub fn rule(rule: &'static Rule, pos: Pos, message: impl Into<String>) -> Diagnostic {
        Diagnostic::new(DiagnosticId::Rule(rule), Some(pos), message)
    }

    pub fn help(mut self, help: impl Into<String>) -> Diagnostic {
        self.help = Some(help.into());
        self
    }

    pub fn note(mut self, note: impl Into<String>) -> Diagnostic {
        self.notes.push(note.into());
        self
    }

    pub fn about(mut self, subject: Subject) -> Diagnostic {
        self.subject = subject;
        self
    }

    pub fn in_file(mut self, file: impl Into<String>) -> Diagnostic {
        self.file = file.into();
        self
    }

    /// The rule's code, or `""` for problems that are not findings.
    pub fn code(&self) -> &'static str {
        self.id.code().unwrap_or_default()
    }

    /// Where it points, for sorting: the file's start when it has no span.
    pub fn offset(&self) -> usize {
        self.span.map_or(0, |pos| pos.offset)
    }
}

/// A problem that stops a command (a broken `.mrd.yml`, a template error,
/// a file that cannot be read), with the text it points into so that it
/// prints with its source line like any finding.
#[derive(Clone, Debug)]
pub struct Problem {
    pub diagnostic: Diagnostic,
    pub source: Option<Source>,
}

impl Problem {
    pub fn new(diagnostic: Diagnostic, source: Option<Source>) -> Problem {
        Problem { diagnostic, source }
    }
}
