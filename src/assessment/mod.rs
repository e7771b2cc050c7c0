//! The assessment document: the typed view of a file's front-matter, and its body.
//!
//! Every field keeps the position it was read from, so that lint, the summary
//! and the interview can point at the exact place a problem is. Keys `mrd`
//! does not know are kept, in order, so a rewrite never loses them.

mod decide;
mod fields;
mod frontmatter;
mod guard;
mod parse;
mod patch;
mod write;

use std::fmt;
use std::str::FromStr;

pub use decide::{record_decision, set_rationale};
pub use fields::{
    FILE_SETTINGS_KEY, Field, RECOMMENDATION_KEYS, RecommendationField, TOP_LEVEL_KEYS,
};
pub use frontmatter::{Split, SplitError, split};
pub use guard::{GuardedFile, Saved};
pub use parse::{Parsed, parse, parse_front_matter};
pub use patch::{TopEntry, closing_fence, rewrite, top_entry};
pub use write::{
    Recovery, WriteError, WriteMode, read_bytes, replace_if_unchanged, to_markdown,
    write_atomically,
};

use crate::date::Date;
use crate::questions::QuestionSet;
use crate::source::Pos;
use crate::yaml::Node;

/// The format version this build reads and writes.
pub const FORMAT_VERSION: u32 = 1;

/// A value with the position it was read from.
#[derive(Clone, Debug, PartialEq)]
pub struct Located<T> {
    pub value: T,
    pub pos: Pos,
}

impl<T> Located<T> {
    pub fn new(value: T, pos: Pos) -> Located<T> {
        Located { value, pos }
    }
}

/// A closed set of spellings, read case-insensitively and written canonically.
pub trait Choice: Sized + Copy + 'static {
    /// Each value with its canonical spelling.
    const ALL: &'static [(Self, &'static str)];

    fn as_str(self) -> &'static str;

    fn parse_choice(text: &str) -> Option<Self> {
        let wanted = text.trim().to_ascii_lowercase().replace(['_', ' '], "-");
        Self::ALL
            .iter()
            .find(|(_, name)| *name == wanted)
            .map(|(value, _)| *value)
    }

    fn spellings() -> String {
        Self::ALL
            .iter()
            .map(|(_, name)| *name)
            .collect::<Vec<_>>()
            .join(" | ")
    }
}

macro_rules! choice {
    ($(#[$meta:meta])* $name:ident { $($variant:ident => $text:literal),+ $(,)? }) => {
        $(#[$meta])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum $name { $($variant),+ }

        impl $name {
            /// The canonical spelling, as written in files.
            pub fn as_str(self) -> &'static str {
                match self { $($name::$variant => $text),+ }
            }
        }

        impl Choice for $name {
            const ALL: &'static [(Self, &'static str)] = &[$(($name::$variant, $text)),+];

            fn as_str(self) -> &'static str {
                $name::as_str(self)
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl FromStr for $name {
            type Err = String;
            fn from_str(text: &str) -> Result<Self, String> {
                Self::parse_choice(text).ok_or_else(|| {
                    format!("`{text}` is not one of {}", Self::spellings())
                })
            }
        }

        impl serde::Serialize for $name {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.serialize_str(self.as_str())
            }
        }
    };
}

choice!(
    /// Where an assessment is in its life.
    Status { Draft => "draft", Review => "review", Decided => "decided", Archived => "archived" }
);
choice!(
    /// The answer to the tenth question.
    Decision { Go => "go", NoGo => "no-go", Undecided => "undecided" }
);
choice!(
    /// How sure the author is of one answer.
    Confidence { Low => "low", Medium => "medium", High => "high" }
);

/// One entry under `answers:`.
#[derive(Clone, Debug, PartialEq)]
pub struct Answer {
    pub key: Located<String>,
    /// The answer's Markdown; empty when the key has no value.
    pub text: Located<String>,
}

/// One entry under `confidence:`.
#[derive(Clone, Debug, PartialEq)]
pub struct ConfidenceEntry {
    pub key: Located<String>,
    pub level: Located<Confidence>,
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Recommendation {
    /// Where the `recommendation:` key is.
    pub pos: Pos,
    pub decision: Option<Located<Decision>>,
    pub rationale: Option<Located<String>>,
    pub conditions: Vec<Located<String>>,
    /// Keys inside `recommendation:` that `mrd` does not know, kept as written.
    pub extra: Vec<(Node, Node)>,
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct FrontMatter {
    pub version: Option<Located<u32>>,
    pub title: Option<Located<String>>,
    pub author: Option<Located<String>>,
    pub created: Option<Located<Date>>,
    pub status: Option<Located<Status>>,
    /// The day the current decision (go or no-go) was made.
    pub decided: Option<Located<Date>>,
    pub labels: Vec<Located<String>>,
    pub milestone: Option<Located<String>>,
    /// Where the `answers:` key is, when there is one.
    pub answers_pos: Option<Pos>,
    /// In the order written; keys outside the question set are kept too.
    pub answers: Vec<Answer>,
    pub confidence: Vec<ConfidenceEntry>,
    pub recommendation: Option<Recommendation>,
    /// Top-level keys `mrd` does not know, kept as written.
    pub extra: Vec<(Node, Node)>,
    /// Every top-level key with its position, for rules that point at keys.
    pub keys: Vec<Located<String>>,
    /// Dotted paths (`status`, `answers.problem`) of fields that are present
    /// but could not be read; their problems are reported once, as parse
    /// problems, and other checks treat them as neither missing nor valid.
    pub invalid: Vec<String>,
}

impl FrontMatter {
    pub fn answer(&self, key: &str) -> Option<&Answer> {
        self.answers.iter().find(|a| a.key.value == key)
    }

    /// The answer's text when it says something (not empty or blank).
    pub fn answer_text(&self, key: &str) -> Option<&str> {
        self.answer(key)
            .map(|a| a.text.value.as_str())
            .filter(|text| !text.trim().is_empty())
    }

    pub fn confidence_of(&self, key: &str) -> Option<Confidence> {
        self.confidence
            .iter()
            .find(|c| c.key.value == key)
            .map(|c| c.level.value)
    }

    pub fn decision(&self) -> Option<Decision> {
        self.recommendation
            .as_ref()
            .and_then(|r| r.decision.as_ref())
            .map(|d| d.value)
    }

    pub fn title_text(&self) -> Option<&str> {
        self.title.as_ref().map(|t| t.value.as_str())
    }

    pub fn key_pos(&self, key: &str) -> Option<Pos> {
        self.keys.iter().find(|k| k.value == key).map(|k| k.pos)
    }

    pub fn is_invalid(&self, path: &str) -> bool {
        self.invalid.iter().any(|p| p == path)
    }

    /// Sets an answer, keeping its place if it exists. Used by `new` and `edit`.
    pub fn set_answer(&mut self, key: &str, text: String) {
        match self.answers.iter_mut().find(|a| a.key.value == key) {
            Some(answer) => answer.text.value = text,
            None => self.answers.push(Answer {
                key: Located::new(key.to_string(), Pos::START),
                text: Located::new(text, Pos::START),
            }),
        }
    }

    /// Required answer questions with no usable answer, in question order.
    pub fn unanswered<'q>(
        &self,
        questions: &'q QuestionSet,
    ) -> Vec<&'q crate::questions::Question> {
        questions
            .required_answers()
            .filter(|q| self.answer_text(&q.key).is_none())
            .collect()
    }
}

/// A parsed file: its front-matter, its body exactly as written, and how it
/// was laid out so a rewrite looks the same.
#[derive(Clone, Debug, PartialEq)]
pub struct Assessment {
    pub front: FrontMatter,
    pub body: String,
    pub bom: bool,
    pub crlf: bool,
}

impl Assessment {
    pub fn new(front: FrontMatter, body: String) -> Assessment {
        Assessment {
            front,
            body,
            bom: false,
            crlf: false,
        }
    }
}
