//! The front-matter's fields, defined once: their keys, the order `mrd`
//! writes them in, and what each is for. The reader (`parse.rs`), the writer
//! (`write.rs`), the comment-keeping rewrite (`patch.rs`), the JSON Schema,
//! lint's unknown-key rule and the summary's CSV all take them from here,
//! and match on [`Field`] exhaustively, so a new field cannot be read but
//! forgotten when writing.

macro_rules! fields {
    (
        $(#[$meta:meta])*
        $name:ident, $keys:ident {
            $($(#[$vmeta:meta])* $variant:ident => $key:literal: $description:literal,)+
        }
    ) => {
        $(#[$meta])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        pub enum $name { $($(#[$vmeta])* $variant),+ }

        impl $name {
            /// Every field, in the order `mrd` writes them.
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            /// The key as written in a file.
            pub const fn key(self) -> &'static str {
                match self { $($name::$variant => $key),+ }
            }

            /// What the field holds, in a sentence (the JSON Schema's description).
            pub const fn description(self) -> &'static str {
                match self { $($name::$variant => $description),+ }
            }

            pub fn from_key(key: &str) -> Option<$name> {
                match key { $($key => Some($name::$variant),)+ _ => None }
            }
        }

        /// Every key, in the order `mrd` writes them.
        pub const $keys: &[&str] = &[$($key),+];
    };
}

fields! {
    /// A top-level key of the front-matter (format version 1).
    Field, TOP_LEVEL_KEYS {
        Version => "mrd": "The format version. Optional; this version of mrd reads version 1.",
        Title => "title": "The opportunity's name, as it would appear in an issue title.",
        Author => "author": "Who wrote the assessment.",
        Created => "created": "The day the assessment was started, as an ISO date (2026-10-02).",
        Status => "status": "Where the assessment is in its life.",
        Decided => "decided": "The day the current decision (go or no-go) was made, as an ISO date. Written by `mrd decide`, the interview and `mrd edit`.",
        Labels => "labels": "Issue labels, for `mrd render`.",
        Milestone => "milestone": "The milestone the work is planned for.",
        Answers => "answers": "The answer to each question, in Markdown, by question key. See `mrd questions`.",
        Confidence => "confidence": "How sure the author is of each answer: low, medium or high.",
        Recommendation => "recommendation": "The go/no-go decision, its rationale and conditions.",
        /// The file's own lint settings (`lint: {allow: [MRD007]}`): kept
        /// among the unknown keys by the reader and read by the linter.
        FileSettings => "lint": "Rules this file allows for itself, by code or name (`mrd rules` lists them), e.g. `allow: [MRD007]`.",
    }
}

fields! {
    /// A key inside `recommendation:`.
    RecommendationField, RECOMMENDATION_KEYS {
        Decision => "decision": "go, no-go, or undecided while the assessment is still open.",
        Rationale => "rationale": "Why, weighing the answers above (Markdown).",
        Conditions => "conditions": "What must hold for a go to stand, or what would change a no-go.",
    }
}

/// The front-matter key a file uses for its own lint settings.
pub const FILE_SETTINGS_KEY: &str = Field::FileSettings.key();

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_are_unique_and_read_back() {
        for (i, field) in Field::ALL.iter().enumerate() {
            assert_eq!(Field::from_key(field.key()), Some(*field));
            assert_eq!(TOP_LEVEL_KEYS[i], field.key());
        }
        let mut keys = TOP_LEVEL_KEYS.to_vec();
        keys.dedup();
        assert_eq!(keys.len(), Field::ALL.len());
        assert_eq!(
            RecommendationField::from_key("rationale"),
            Some(RecommendationField::Rationale)
        );
    }
}
