//! One finding about one place in one file: the model every output format
//! renders, whether it came from a parse problem or a lint rule.

use serde::Serialize;

use crate::lint::Rule;
use crate::yaml::Pos;

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

#[derive(Clone, Debug)]
pub struct Diagnostic {
    /// The file as the user named it.
    pub file: String,
    pub pos: Pos,
    pub rule: &'static Rule,
    pub level: Level,
    pub message: String,
    pub help: Option<String>,
}
