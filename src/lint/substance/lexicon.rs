//! The substance rules' word lists as data: `words.yml`, embedded in the
//! binary, changed by a project's `.mrd.yml` under `lint: {words: ...}`.
//!
//! A lexicon is groups (one per rule, plus `language` and `numbers`) of named
//! settings, each a list of phrases, a whole number, or a table of words and
//! numbers. Only names the built-in file has can be set, with the built-in
//! kind, so a typo is an error with a suggestion rather than a list that
//! silently does nothing.

use crate::suggest::did_you_mean;
use crate::yaml::{Node, Pos, Value};

/// `words.yml`, the one definition of the built-in lists. Reading its YAML
/// took more of a one-file lint than every rule together (7 M instructions
/// of 19 M), so the binary carries the lexicon the YAML gives, written out
/// by a test (`builtin.rs`, below) that fails when the two differ.
#[cfg(test)]
const WORDS_YML: &str = include_str!("words.yml");

/// A setting of `builtin.rs`, as static data.
enum Builtin {
    List(&'static [&'static str]),
    Number(u64),
    Table(&'static [(&'static str, f64)]),
}

/// `words.yml` as read by `Lexicon::from_node`: `GROUPS`, written out by
/// a test one entry a line, as generated code is.
#[rustfmt::skip]
mod builtin;

#[derive(Clone, Debug, PartialEq)]
pub struct Lexicon {
    groups: Vec<Group>,
}

#[derive(Clone, Debug, PartialEq)]
struct Group {
    name: String,
    settings: Vec<(String, Setting)>,
}

#[derive(Clone, Debug, PartialEq)]
pub enum Setting {
    List(Vec<String>),
    Number(u64),
    Table(Vec<(String, f64)>),
}

impl Setting {
    fn kind(&self) -> &'static str {
        match self {
            Setting::List(_) => "a list of words and phrases",
            Setting::Number(_) => "a whole number",
            Setting::Table(_) => "a mapping of words to numbers",
        }
    }
}

/// A mistake in `lint.words`, with the position of the offending node.
#[derive(Clone, Debug, PartialEq)]
pub struct WordsError {
    pub pos: Pos,
    pub message: String,
    pub help: Option<String>,
}

fn error(pos: Pos, message: impl Into<String>) -> WordsError {
    WordsError {
        pos,
        message: message.into(),
        help: None,
    }
}

/// The path in messages: `lint.words.market_size.min_count`.
const PREFIX: &str = "lint.words";

/// The largest number a numeric setting takes: past it a threshold means
/// "never", which `allow` says better.
const MAX_NUMBER: u64 = 1_000_000;

impl Lexicon {
    /// The English lists shipped in `words.yml`.
    pub fn builtin() -> Lexicon {
        let groups = builtin::GROUPS
            .iter()
            .map(|(name, settings)| Group {
                name: (*name).to_string(),
                settings: settings
                    .iter()
                    .map(|(name, setting)| {
                        let setting = match setting {
                            Builtin::List(items) => {
                                Setting::List(items.iter().map(|s| (*s).to_string()).collect())
                            }
                            Builtin::Number(n) => Setting::Number(*n),
                            Builtin::Table(rows) => Setting::Table(
                                rows.iter().map(|(w, v)| ((*w).to_string(), *v)).collect(),
                            ),
                        };
                        ((*name).to_string(), setting)
                    })
                    .collect(),
            })
            .collect();
        Lexicon { groups }
    }

    /// The Rust source of `builtin.rs` for this lexicon.
    #[cfg(test)]
    fn to_rust(&self) -> String {
        use std::fmt::Write;
        let mut out = String::from(concat!(
            "//! @generated from `words.yml` by the test `builtin_rs_is_words_yml`\n",
            "//! (`lexicon.rs`), which writes it anew when the two differ: edit\n",
            "//! `words.yml`, then run `cargo test builtin_rs`.\n\n",
            "use super::Builtin::{self, List, Number, Table};\n\n",
            "pub(super) static GROUPS: &[(&str, &[(&str, Builtin)])] = &[\n",
        ));
        for group in &self.groups {
            writeln!(out, "    ({:?}, &[", group.name).unwrap();
            for (name, setting) in &group.settings {
                match setting {
                    Setting::List(items) => {
                        writeln!(out, "        ({name:?}, List(&[").unwrap();
                        for item in items {
                            writeln!(out, "            {item:?},").unwrap();
                        }
                        out.push_str("        ])),\n");
                    }
                    Setting::Number(n) => {
                        writeln!(out, "        ({name:?}, Number({n})),").unwrap()
                    }
                    Setting::Table(rows) => {
                        writeln!(out, "        ({name:?}, Table(&[").unwrap();
                        for (word, value) in rows {
                            writeln!(out, "            ({word:?}, {value:?}),").unwrap();
                        }
                        out.push_str("        ])),\n");
                    }
                }
            }
            out.push_str("    ]),\n");
        }
        out.push_str("];\n");
        out
    }

    /// The lexicon `words.yml` gives (`builtin` is it, written out).
    #[cfg(test)]
    fn from_node(root: &Node) -> Result<Lexicon, WordsError> {
        let entries = root
            .entries()
            .ok_or_else(|| error(root.pos, "the word lists must be a mapping of groups"))?;
        let mut groups = Vec::new();
        for (key, value) in entries {
            let name = key.as_text().unwrap_or_default();
            let fields = value
                .entries()
                .ok_or_else(|| error(value.pos, format!("`{name}` must be a mapping")))?;
            let mut settings = Vec::new();
            for (key, value) in fields {
                let field = key.as_text().unwrap_or_default();
                let path = format!("{name}.{field}");
                let setting = match &value.value {
                    Value::Seq(_) => Setting::List(list(value, &path)?),
                    Value::Int(_) => Setting::Number(number(value, &path)?),
                    Value::Map(_) => Setting::Table(table(value, &path)?),
                    other => {
                        return Err(error(value.pos, format!("`{path}` is {}", other.kind())));
                    }
                };
                settings.push((field, setting));
            }
            groups.push(Group { name, settings });
        }
        Ok(Lexicon { groups })
    }

    fn setting(&self, group: &str, name: &str) -> &Setting {
        self.groups
            .iter()
            .find(|g| g.name == group)
            .and_then(|g| g.settings.iter().find(|(n, _)| n == name))
            .map(|(_, s)| s)
            .unwrap_or_else(|| panic!("words.yml has no `{group}.{name}` (tested)"))
    }

    /// A list the rules read; every name they read is in `words.yml`, which
    /// a `.mrd.yml` can change but never remove.
    pub fn list(&self, group: &str, name: &str) -> &[String] {
        match self.setting(group, name) {
            Setting::List(items) => items,
            other => panic!("`{group}.{name}` is {}, not a list (tested)", other.kind()),
        }
    }

    pub fn number(&self, group: &str, name: &str) -> u64 {
        match self.setting(group, name) {
            Setting::Number(n) => *n,
            other => panic!(
                "`{group}.{name}` is {}, not a number (tested)",
                other.kind()
            ),
        }
    }

    pub fn table(&self, group: &str, name: &str) -> &[(String, f64)] {
        match self.setting(group, name) {
            Setting::Table(rows) => rows,
            other => panic!("`{group}.{name}` is {}, not a table (tested)", other.kind()),
        }
    }

    /// Every list, with its group and name (for tests that hold something
    /// to every list).
    #[cfg(test)]
    pub(crate) fn lists(&self) -> impl Iterator<Item = (&str, &str, &[String])> {
        self.groups.iter().flat_map(|g| {
            g.settings
                .iter()
                .filter_map(move |(name, setting)| match setting {
                    Setting::List(items) => {
                        Some((g.name.as_str(), name.as_str(), items.as_slice()))
                    }
                    _ => None,
                })
        })
    }

    /// Every group and setting name, for documentation and suggestions.
    pub fn names(&self) -> impl Iterator<Item = (&str, &str)> {
        self.groups.iter().flat_map(|g| {
            g.settings
                .iter()
                .map(move |(name, _)| (g.name.as_str(), name.as_str()))
        })
    }

    /// Applies `.mrd.yml`'s `lint.words` to these lists:
    ///
    /// ```yaml
    /// lint:
    ///   words:
    ///     everyone_market:
    ///       phrases: {add: [all clinicians], remove: [all patients]}
    ///     no_differentiator:
    ///       generic: [passion*, great ux]   # a list replaces the built-in one
    ///     market_size:
    ///       min_count: 25
    ///     numbers:
    ///       values: {vierzig: 40}          # a table adds to the built-in one
    /// ```
    pub fn apply(&mut self, node: &Node) -> Result<(), WordsError> {
        let entries = match &node.value {
            Value::Null => return Ok(()),
            Value::Map(entries) => entries,
            other => {
                return Err(WordsError {
                    help: Some(format!("groups: {}", self.group_names().join(", "))),
                    ..error(
                        node.pos,
                        format!(
                            "`{PREFIX}` must map rule groups to word lists, found {}",
                            other.kind()
                        ),
                    )
                });
            }
        };
        let mut seen: Vec<String> = Vec::new();
        for (key, value) in entries {
            let name = key
                .as_text()
                .ok_or_else(|| error(key.pos, "a word-list group's name must be text"))?;
            if seen.contains(&name) {
                return Err(error(
                    key.pos,
                    format!("duplicate setting `{PREFIX}.{name}`"),
                ));
            }
            seen.push(name.clone());
            let Some(i) = self.groups.iter().position(|g| g.name == name) else {
                let names = self.group_names();
                return Err(unknown(key.pos, &format!("{PREFIX}.{name}"), &name, &names));
            };
            self.groups[i].apply(value)?;
        }
        Ok(())
    }

    fn group_names(&self) -> Vec<&str> {
        self.groups.iter().map(|g| g.name.as_str()).collect()
    }
}

impl Group {
    fn apply(&mut self, node: &Node) -> Result<(), WordsError> {
        let group = &self.name;
        let Some(entries) = node.entries() else {
            if node.value == Value::Null {
                return Ok(());
            }
            return Err(error(
                node.pos,
                format!(
                    "`{PREFIX}.{group}` must map list names to words, found {}",
                    node.value.kind()
                ),
            ));
        };
        let mut seen: Vec<String> = Vec::new();
        for (key, value) in entries {
            let name = key
                .as_text()
                .ok_or_else(|| error(key.pos, "a word list's name must be text"))?;
            let path = format!("{PREFIX}.{group}.{name}");
            if seen.contains(&name) {
                return Err(error(key.pos, format!("duplicate setting `{path}`")));
            }
            seen.push(name.clone());
            let Some(i) = self.settings.iter().position(|(n, _)| *n == name) else {
                let names: Vec<&str> = self.settings.iter().map(|(n, _)| n.as_str()).collect();
                return Err(unknown(key.pos, &path, &name, &names));
            };
            match &mut self.settings[i].1 {
                Setting::List(items) => change_list(items, value, &path)?,
                Setting::Number(n) => *n = number(value, &path)?,
                Setting::Table(rows) => {
                    for (word, value) in table(value, &path)? {
                        match rows.iter_mut().find(|(w, _)| *w == word) {
                            Some(row) => row.1 = value,
                            None => rows.push((word, value)),
                        }
                    }
                }
            }
        }
        Ok(())
    }
}

fn unknown(pos: Pos, path: &str, name: &str, known: &[&str]) -> WordsError {
    WordsError {
        help: Some(match did_you_mean(name, known.iter().copied()) {
            Some(near) => format!("did you mean `{near}`?"),
            None => format!("known here: {}", known.join(", ")),
        }),
        ..error(pos, format!("unknown setting `{path}`"))
    }
}

/// A list is replaced by a list, or changed by `{add: [...], remove: [...]}`.
fn change_list(items: &mut Vec<String>, node: &Node, path: &str) -> Result<(), WordsError> {
    match &node.value {
        Value::Seq(_) | Value::Null => {
            *items = list(node, path)?;
            Ok(())
        }
        Value::Map(entries) => {
            for (key, value) in entries {
                let verb = key.as_text().unwrap_or_default();
                match verb.as_str() {
                    "add" => {
                        for word in list(value, &format!("{path}.add"))? {
                            if !items.contains(&word) {
                                items.push(word);
                            }
                        }
                    }
                    "remove" => {
                        let words = list(value, &format!("{path}.remove"))?;
                        let nodes = match &value.value {
                            Value::Seq(nodes) => nodes.as_slice(),
                            _ => std::slice::from_ref(value),
                        };
                        for (word, at) in words.iter().zip(nodes) {
                            let Some(i) = items.iter().position(|w| w == word) else {
                                return Err(WordsError {
                                    help: did_you_mean(word, items.iter().map(String::as_str))
                                        .map(|near| format!("did you mean `{near}`?")),
                                    ..error(at.pos, format!("`{path}` has no `{word}` to remove"))
                                });
                            };
                            items.remove(i);
                        }
                    }
                    _ => {
                        return Err(unknown(
                            key.pos,
                            &format!("{path}.{verb}"),
                            &verb,
                            &["add", "remove"],
                        ));
                    }
                }
            }
            Ok(())
        }
        other => Err(WordsError {
            help: Some("write a list to replace it, or `{add: [...], remove: [...]}`".into()),
            ..error(
                node.pos,
                format!("`{path}` must be a list of words, found {}", other.kind()),
            )
        }),
    }
}

/// Entries are stored lowercase, as they are matched.
fn list(node: &Node, path: &str) -> Result<Vec<String>, WordsError> {
    let items = match &node.value {
        Value::Seq(items) => items.as_slice(),
        Value::Null => &[],
        _ => std::slice::from_ref(node),
    };
    let mut out = Vec::with_capacity(items.len());
    for item in items {
        let word = match &item.value {
            Value::String(_) | Value::Int(_) | Value::Float(_) => {
                item.as_text().unwrap_or_default()
            }
            other => {
                return Err(error(
                    item.pos,
                    format!("`{path}` holds words and phrases, found {}", other.kind()),
                ));
            }
        };
        let word = word.trim().to_lowercase();
        if !word.chars().any(|c| !c.is_whitespace() && c != '*') {
            return Err(error(item.pos, format!("`{path}` has an empty entry")));
        }
        out.push(word);
    }
    Ok(out)
}

fn number(node: &Node, path: &str) -> Result<u64, WordsError> {
    match node.value {
        Value::Int(n) if (0..=MAX_NUMBER as i128).contains(&n) => Ok(n as u64),
        _ => Err(error(
            node.pos,
            format!("`{path}` must be a whole number from 0 to {MAX_NUMBER}"),
        )),
    }
}

fn table(node: &Node, path: &str) -> Result<Vec<(String, f64)>, WordsError> {
    let Some(entries) = node.entries() else {
        return Err(error(
            node.pos,
            format!("`{path}` must map words to numbers, like `{{forty: 40}}`"),
        ));
    };
    let mut rows = Vec::with_capacity(entries.len());
    for (key, value) in entries {
        let word = key
            .as_text()
            .map(|w| w.trim().to_lowercase())
            .filter(|w| !w.is_empty() && !w.contains(char::is_whitespace))
            .ok_or_else(|| error(key.pos, format!("`{path}` maps single words to numbers")))?;
        let number = match value.value {
            Value::Int(n) => n as f64,
            Value::Float(f) if f.is_finite() => f,
            _ => {
                return Err(error(
                    value.pos,
                    format!("`{path}.{word}` must be a number"),
                ));
            }
        };
        rows.push((word, number));
    }
    Ok(rows)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::yaml;

    fn applied(text: &str) -> Result<Lexicon, WordsError> {
        let mut lexicon = Lexicon::builtin();
        let node = yaml::parse(text).unwrap();
        lexicon.apply(&node)?;
        Ok(lexicon)
    }

    /// An error's line and column in `text`.
    fn at(text: &str) -> (u32, u32) {
        let err = applied(text).unwrap_err();
        crate::source::line_column(text, err.pos.offset)
    }

    /// `builtin.rs` is what `Lexicon::from_node` reads from `words.yml`;
    /// when it is not, this writes it anew and fails, so that the next run
    /// (and the build) has the lists as `words.yml` says.
    #[test]
    fn builtin_rs_is_words_yml() {
        let root = yaml::parse(WORDS_YML).expect("words.yml is valid YAML");
        let read = Lexicon::from_node(&root).expect("words.yml is a valid lexicon");
        let source = read.to_rust();
        let path = concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/src/lint/substance/lexicon/builtin.rs"
        );
        let written = std::fs::read_to_string(path).unwrap_or_default();
        if written != source {
            std::fs::write(path, &source).expect("builtin.rs is writable");
            panic!("builtin.rs was not what words.yml says; it is now: build and test again");
        }
        assert_eq!(Lexicon::builtin(), read);
    }

    #[test]
    fn the_builtin_lists_parse() {
        let lexicon = Lexicon::builtin();
        assert!(
            lexicon
                .list("everyone_market", "phrases")
                .contains(&"all segments".into())
        );
        assert_eq!(lexicon.number("market_size", "min_count"), 10);
        assert!(
            lexicon
                .table("numbers", "values")
                .contains(&("forty".into(), 40.0))
        );
    }

    #[test]
    fn lists_are_replaced_extended_and_trimmed() {
        let lexicon = applied(
            "everyone_market:\n  phrases: {add: [All Clinicians], remove: [all patients]}\nno_differentiator:\n  generic: [grit]\nmarket_size:\n  min_count: 25\nnumbers:\n  values: {vierzig: 40, one: 1}\n",
        )
        .unwrap();
        let phrases = lexicon.list("everyone_market", "phrases");
        assert!(phrases.contains(&"all clinicians".into()));
        assert!(!phrases.contains(&"all patients".into()));
        assert_eq!(lexicon.list("no_differentiator", "generic"), ["grit"]);
        assert_eq!(lexicon.number("market_size", "min_count"), 25);
        let values = lexicon.table("numbers", "values");
        assert!(values.contains(&("vierzig".into(), 40.0)));
        assert_eq!(values.iter().filter(|(w, _)| w == "one").count(), 1);
    }

    #[test]
    fn mistakes_are_errors_with_a_position_and_a_suggestion() {
        let err = applied("everyone_markt:\n  phrases: [x]\n").unwrap_err();
        assert_eq!(at("everyone_markt:\n  phrases: [x]\n"), (1, 1));
        assert_eq!(err.help.as_deref(), Some("did you mean `everyone_market`?"));

        let err = applied("everyone_market:\n  phrase: [x]\n").unwrap_err();
        assert_eq!(at("everyone_market:\n  phrase: [x]\n"), (2, 3));
        assert_eq!(
            err.message,
            "unknown setting `lint.words.everyone_market.phrase`"
        );
        assert_eq!(err.help.as_deref(), Some("did you mean `phrases`?"));

        let err = applied("everyone_market:\n  phrases: {remove: [all patiens]}\n").unwrap_err();
        assert_eq!(err.help.as_deref(), Some("did you mean `all patients`?"));

        let err = applied("everyone_market:\n  phrases: {ad: [x]}\n").unwrap_err();
        assert_eq!(err.help.as_deref(), Some("did you mean `add`?"));

        assert_eq!(at("market_size:\n  min_count: lots\n"), (2, 14));

        let err = applied("market_size:\n  vague: [\"\"]\n").unwrap_err();
        assert!(err.message.contains("empty entry"), "{}", err.message);

        let err = applied("numbers:\n  values: [forty]\n").unwrap_err();
        assert!(
            err.message.contains("map words to numbers"),
            "{}",
            err.message
        );

        let err = applied("- everyone\n").unwrap_err();
        assert!(err.help.unwrap().contains("everyone_market"));
    }
}
