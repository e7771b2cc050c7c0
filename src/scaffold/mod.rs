//! The files `mrd init` writes: the commented config, and the forge templates
//! and CI jobs generated from the active question set.
//!
//! Generation is separate from writing (in `cmd::init`) so each file can be
//! tested for what it says, and so the never-overwrite rules live in one place.

pub mod assessments;
pub mod config;
pub mod github;
pub mod gitlab;

use std::path::PathBuf;

/// A file `init` proposes to write, relative to the directory it runs in.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Planned {
    pub path: PathBuf,
    pub contents: String,
    /// How to merge into a file of this name that exists and differs.
    pub merge: Merge,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Merge {
    /// Keep the existing file unless `--force`.
    Keep,
    /// Keep the existing file, even with `--force`: any file of this name
    /// does the job, and it is the user's (the assessments directory's
    /// README, which may have been there before `mrd init`).
    KeepAlways,
    /// A project's `.gitlab-ci.yml`: never replaced; the lint job is appended
    /// when that cannot break the pipeline (see
    /// [`gitlab::plan_pipeline`]), else shown for the user to add.
    GitlabPipeline,
}

pub(crate) use crate::text::wrap;

/// `text` as one YAML scalar, quoted when YAML would otherwise misread it.
pub(crate) fn yaml_scalar(text: &str) -> String {
    let plain_is_safe = !text.is_empty()
        && text
            .chars()
            .all(|c| c.is_alphanumeric() || " -_/.,'?()–—".contains(c))
        && !text.starts_with(['-', '?', ' ', '\''])
        && !text.ends_with(' ')
        && !matches!(
            text.to_ascii_lowercase().as_str(),
            "true" | "false" | "yes" | "no" | "null" | "on" | "off" | "~"
        )
        && text.parse::<f64>().is_err();
    if plain_is_safe {
        text.to_string()
    } else {
        // A JSON string is a valid YAML double-quoted scalar.
        serde_json::to_string(text).unwrap_or_else(|_| format!("{text:?}"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scalars_read_back_as_the_same_text() {
        for text in [
            "Given the above, what's the recommendation?",
            "no",
            "1.5",
            "- a list?",
            "key: value",
            "#hash",
            "quote \" and \\ backslash",
            "",
            "x: y # z",
        ] {
            let yaml = format!("v: {}\n", yaml_scalar(text));
            let back: std::collections::BTreeMap<String, String> =
                serde_saphyr::from_str(&yaml).unwrap_or_else(|e| panic!("{yaml}: {e}"));
            assert_eq!(back["v"], text, "{yaml}");
        }
    }
}
