//! Project configuration: `.mrd.yml`, found by walking up from the working
//! directory to the repository root.
//!
//! Config is strict: an unknown key or a bad value is an error with the file,
//! line and column, because a typo in a setting that is silently ignored is a
//! setting that silently does not work.

use std::path::{Path, PathBuf};

use crate::diagnostic::rules as lint_rules;
use crate::diagnostic::{Diagnostic, DiagnosticId, Problem};
use crate::lint::{RuleLevel, Settings as LintSettings};
use crate::questions::{Question, QuestionSet, RECOMMENDATION_KEY};
use crate::source::{Pos, ReadError, Source};
use crate::suggest::did_you_mean;
use crate::yaml::{self, Node, Value};

pub const FILE_NAME: &str = ".mrd.yml";
const DEFAULT_ASSESSMENTS_DIR: &str = "assessments";

#[derive(Clone, Debug)]
pub struct Config {
    /// The file this was read from; `None` means built-in defaults.
    pub path: Option<PathBuf>,
    /// Where assessments live, already resolved against the config's directory.
    pub assessments_dir: PathBuf,
    pub questions: QuestionSet,
    /// The `lint:` section: rule levels, minimum words, critical questions.
    pub lint: LintSettings,
    pub render: RenderConfig,
    pub kickoff: KickoffConfig,
}

/// Weeks without a change after which a draft is stale, by default.
pub const DEFAULT_STALE_WEEKS: u32 = 3;

/// The `kickoff:` section: how `mrd kickoff` reads milestone names and what
/// it flags (docs/kickoff.md).
#[derive(Clone, Debug, PartialEq)]
pub struct KickoffConfig {
    /// `milestone_pattern: "%G-W%V"`: how milestones are named (strftime);
    /// `None` tries the built-in patterns.
    pub milestone_pattern: Option<String>,
    /// `stale_weeks: 3`: a draft unchanged this long is stale.
    pub stale_weeks: u32,
    /// `labels: [kickoff]`: the kickoff issue's labels (`--quick-actions`).
    pub labels: Vec<String>,
}

impl Default for KickoffConfig {
    fn default() -> KickoffConfig {
        KickoffConfig {
            milestone_pattern: None,
            stale_weeks: DEFAULT_STALE_WEEKS,
            labels: Vec::new(),
        }
    }
}

/// The `render:` section: defaults for `mrd render`.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct RenderConfig {
    /// `flavor: gitlab | github`; `None` means GitLab.
    pub flavor: Option<crate::flavor::Flavor>,
    /// `templates: DIR`: files here override the built-in templates by name;
    /// already resolved against the config's directory.
    pub templates_dir: Option<PathBuf>,
    /// `title: "..."`: a Tera template for the issue title, replacing `title.txt`.
    pub title: Option<String>,
}

/// Why a config cannot be used: the first problem in it, and its text.
#[derive(Clone, Debug)]
pub struct ConfigError {
    pub path: PathBuf,
    pub pos: Option<Pos>,
    pub message: String,
    pub help: Option<String>,
    /// The config's text, for the line the problem is on.
    pub text: Option<String>,
}

impl ConfigError {
    /// The error as a diagnostic (`error[config]`), with its source line.
    pub fn problem(&self) -> Problem {
        let name = crate::paths::display(&self.path);
        let mut diagnostic =
            Diagnostic::new(DiagnosticId::Config, self.pos, &self.message).in_file(name.clone());
        diagnostic.help.clone_from(&self.help);
        let source = self
            .text
            .as_ref()
            .map(|text| Source::from_text(name, text.clone()));
        Problem::new(diagnostic, source)
    }
}

impl std::fmt::Display for ConfigError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}", crate::error::Error::Config(self.clone()))
    }
}

impl Config {
    /// The defaults, with paths relative to `dir`.
    pub fn defaults(dir: &Path) -> Config {
        Config {
            path: None,
            assessments_dir: dir.join(DEFAULT_ASSESSMENTS_DIR),
            questions: QuestionSet::builtin(),
            render: RenderConfig::default(),
            lint: LintSettings::default(),
            kickoff: KickoffConfig::default(),
        }
    }

    /// The linter of this project: its questions and its rule levels.
    pub fn linter(&self) -> crate::lint::Linter<'_> {
        crate::lint::Linter::new(&self.questions, &self.lint)
    }

    /// Where a new assessment with this title goes by default:
    /// `<assessments dir>/<slug>.md`.
    pub fn default_path(&self, title: &str) -> PathBuf {
        self.assessments_dir
            .join(format!("{}.md", crate::slug::slug(title)))
    }

    /// `--config PATH` if given, else the nearest `.mrd.yml` from `cwd` up to
    /// the repository root, else the defaults.
    pub fn load(explicit: Option<&Path>, cwd: &Path) -> Result<Config, ConfigError> {
        match explicit {
            Some(path) => Config::from_file(path),
            None => match discover(cwd) {
                Some(path) => Config::from_file(&path),
                None => Ok(Config::defaults(Path::new(""))),
            },
        }
    }

    pub fn from_file(path: &Path) -> Result<Config, ConfigError> {
        let source = Source::read(path).map_err(|err| ConfigError {
            path: path.to_path_buf(),
            pos: err.pos(),
            message: format!("cannot read the config: {err}"),
            help: None,
            text: match err {
                ReadError::NotUtf8 { lossy, .. } => Some(lossy),
                ReadError::Io(_) => None,
            },
        })?;
        let dir = path.parent().unwrap_or(Path::new("")).to_path_buf();
        let mut config = Config::from_text(&source.text, &dir).map_err(|mut err| {
            err.path = path.to_path_buf();
            err.text = Some(source.text.clone());
            err
        })?;
        config.path = Some(path.to_path_buf());
        Ok(config)
    }

    /// Reads config text; relative paths in it are relative to `dir`.
    pub fn from_text(text: &str, dir: &Path) -> Result<Config, ConfigError> {
        let root = yaml::parse(text).map_err(|err| ConfigError {
            help: err.help,
            ..config_error(err.pos, err.message)
        })?;
        let mut config = Config::defaults(dir);
        let entries = match &root.value {
            Value::Null => return Ok(config),
            Value::Map(entries) => entries,
            other => {
                return Err(config_error(
                    root.pos,
                    format!(
                        "the config must be a mapping of settings, found {}",
                        other.kind()
                    ),
                ));
            }
        };
        let mut critical = None;
        for (key, value) in strict_entries(
            entries,
            &["assessments", "questions", "lint", "render", "kickoff"],
            "",
        )? {
            match key.as_str() {
                "render" => config.render = render_section(value, dir)?,
                "kickoff" => config.kickoff = kickoff_section(value)?,
                "assessments" => {
                    config.assessments_dir = dir.join(expect_text(value, "assessments")?)
                }
                "questions" => apply_questions(&mut config.questions, value)?,
                "lint" => critical = apply_lint(&mut config.lint, value)?,
                _ => unreachable!("strict_entries only returns known keys"),
            }
        }
        // Checked once the whole file is read: `questions:` may come after `lint:`.
        for (key, pos) in critical.unwrap_or_default() {
            if config.questions.get(&key).is_none() {
                let keys: Vec<&str> = config
                    .questions
                    .answer_questions()
                    .map(|q| q.key.as_str())
                    .collect();
                let mut err = config_error(
                    pos,
                    format!("`lint.critical_questions` names no question `{key}`"),
                );
                err.help = did_you_mean(&key, keys.iter().copied())
                    .map(|near| format!("did you mean `{near}`?"));
                return Err(err);
            }
        }
        Ok(config)
    }
}

/// The nearest `.mrd.yml` at or above `start`, not looking past the directory
/// that holds `.git` (a project's config never comes from outside its repo).
pub fn discover(start: &Path) -> Option<PathBuf> {
    for dir in start.ancestors() {
        let candidate = dir.join(FILE_NAME);
        if candidate.is_file() {
            return Some(candidate);
        }
        if crate::paths::is_repository_root(dir) {
            return None;
        }
    }
    None
}

fn config_error(pos: Pos, message: impl Into<String>) -> ConfigError {
    ConfigError {
        path: PathBuf::new(),
        pos: Some(pos),
        message: message.into(),
        help: None,
        text: None,
    }
}

/// The entries of a mapping whose keys must all be in `known`; duplicates and
/// unknown keys are errors (with a suggestion for near misses).
fn strict_entries<'n>(
    entries: &'n [(Node, Node)],
    known: &[&str],
    parent: &str,
) -> Result<Vec<(String, &'n Node)>, ConfigError> {
    let mut seen: Vec<String> = Vec::new();
    let mut out = Vec::new();
    for (key, value) in entries {
        let name = key
            .as_text()
            .ok_or_else(|| config_error(key.pos, "a setting's name must be text"))?;
        if !known.contains(&name.as_str()) {
            let mut err = config_error(key.pos, format!("unknown setting `{parent}{name}`"));
            err.help = Some(match did_you_mean(&name, known.iter().copied()) {
                Some(near) => format!("did you mean `{parent}{near}`?"),
                None => format!("known settings here: {}", known.join(", ")),
            });
            return Err(err);
        }
        if seen.contains(&name) {
            return Err(config_error(
                key.pos,
                format!("duplicate setting `{parent}{name}`"),
            ));
        }
        seen.push(name.clone());
        out.push((name, value));
    }
    Ok(out)
}

/// The entries of a section (`render:`, `lint:`, `kickoff:`): a mapping, or
/// nothing when the section is empty.
fn section_entries<'n>(node: &'n Node, name: &str) -> Result<&'n [(Node, Node)], ConfigError> {
    match &node.value {
        Value::Map(entries) => Ok(entries),
        Value::Null => Ok(&[]),
        other => Err(config_error(
            node.pos,
            format!(
                "`{name}` must be a mapping of settings, found {}",
                other.kind()
            ),
        )),
    }
}

/// A list setting's items; one value written without brackets is a list of one.
fn items(node: &Node) -> Vec<&Node> {
    match &node.value {
        Value::Seq(items) => items.iter().collect(),
        Value::Null => Vec::new(),
        _ => vec![node],
    }
}

fn expect_text(node: &Node, path: &str) -> Result<String, ConfigError> {
    match node.as_text() {
        Some(text) if !text.trim().is_empty() => Ok(text),
        _ => Err(config_error(
            node.pos,
            format!(
                "`{path}` must be non-empty text, found {}",
                node.value.kind()
            ),
        )),
    }
}

fn expect_bool(node: &Node, path: &str) -> Result<bool, ConfigError> {
    match node.value {
        Value::Bool(b) => Ok(b),
        _ => Err(config_error(
            node.pos,
            format!(
                "`{path}` must be true or false, found {}",
                node.value.kind()
            ),
        )),
    }
}

const QUESTION_FIELDS: &[&str] = &[
    "text",
    "short_name",
    "guidance",
    "example",
    "required",
    "after",
    "aliases",
];

/// `questions:` maps a key to changes: an existing key is modified, a new key
/// is added (and must say at least its text and short name).
fn apply_questions(set: &mut QuestionSet, node: &Node) -> Result<(), ConfigError> {
    let entries = match &node.value {
        Value::Map(entries) => entries,
        Value::Null => return Ok(()),
        other => {
            return Err(config_error(
                node.pos,
                format!(
                    "`questions` must map question keys to settings, found {}",
                    other.kind()
                ),
            ));
        }
    };
    let mut placements: Vec<(String, Node)> = Vec::new();
    for (key_node, value) in entries {
        let key = key_node
            .as_text()
            .ok_or_else(|| config_error(key_node.pos, "a question key must be text"))?;
        if !is_valid_key(&key) {
            return Err(ConfigError {
                help: Some(
                    "use lowercase letters, digits and underscores, like `pricing_model`".into(),
                ),
                ..config_error(key_node.pos, format!("`{key}` is not a valid question key"))
            });
        }
        let parent = format!("questions.{key}.");
        let fields = match &value.value {
            Value::Map(fields) => strict_entries(fields, QUESTION_FIELDS, &parent)?,
            Value::Null => Vec::new(),
            other => {
                return Err(config_error(
                    value.pos,
                    format!(
                        "`questions.{key}` must be a mapping of settings, found {}",
                        other.kind()
                    ),
                ));
            }
        };
        let exists = set.get(&key).is_some();
        if !exists {
            for required in ["text", "short_name"] {
                if !fields.iter().any(|(name, _)| name == required) {
                    return Err(ConfigError {
                        help: Some(format!(
                            "`{key}` is not a built-in question, so it is added; a new question needs `text:` and `short_name:`"
                        )),
                        ..config_error(
                            key_node.pos,
                            format!("new question `{key}` has no `{required}`"),
                        )
                    });
                }
            }
            set.questions_mut().push(Question {
                key: key.clone(),
                number: 0,
                text: String::new(),
                short_name: String::new(),
                guidance: String::new(),
                example: String::new(),
                required: true,
                wordings: Vec::new(),
                synonyms: Vec::new(),
                aliases: Vec::new(),
            });
        }
        let question = set
            .questions_mut()
            .iter_mut()
            .find(|q| q.key == key)
            .expect("present or just added");
        for (field, value) in fields {
            let path = format!("{parent}{field}");
            match field.as_str() {
                "text" => question.text = expect_text(value, &path)?,
                "short_name" => question.short_name = expect_text(value, &path)?,
                "guidance" => question.guidance = expect_text(value, &path)?,
                "example" => question.example = expect_text(value, &path)?,
                "required" => {
                    if key == RECOMMENDATION_KEY {
                        return Err(config_error(
                            value.pos,
                            "the recommendation cannot be made optional: deciding is the point of an assessment",
                        ));
                    }
                    question.required = expect_bool(value, &path)?;
                }
                "after" => placements.push((key.clone(), value.clone())),
                "aliases" => question.aliases = expect_texts(value, &path)?,
                _ => unreachable!("strict_entries only returns known fields"),
            }
        }
    }
    for (key, after) in placements {
        let target = expect_text(&after, &format!("questions.{key}.after"))?;
        let questions = set.questions_mut();
        let from = questions.iter().position(|q| q.key == key).expect("known");
        let question = questions.remove(from);
        let Some(anchor) = questions.iter().position(|q| q.key == target) else {
            let keys: Vec<&str> = questions.iter().map(|q| q.key.as_str()).collect();
            let mut err = config_error(after.pos, format!("`after: {target}` names no question"));
            err.help = did_you_mean(&target, keys.iter().copied())
                .map(|near| format!("did you mean `{near}`?"));
            return Err(err);
        };
        questions.insert(anchor + 1, question);
    }
    set.renumber();
    check_aliases(set, node)
}

/// A list of non-empty texts, or one text (`aliases: Pourquoi nous`).
fn expect_texts(node: &Node, path: &str) -> Result<Vec<String>, ConfigError> {
    match &node.value {
        Value::Seq(items) => items.iter().map(|item| expect_text(item, path)).collect(),
        Value::Null => Ok(Vec::new()),
        _ => expect_text(node, path).map(|text| vec![text]),
    }
}

/// Two questions cannot share an alias: `mrd import` could not tell which
/// one a section belongs to.
fn check_aliases(set: &QuestionSet, node: &Node) -> Result<(), ConfigError> {
    let mut seen: Vec<(String, &str)> = Vec::new();
    for q in set.all() {
        for alias in &q.aliases {
            let words = crate::import::matching::key_of(alias);
            if let Some((_, other)) = seen.iter().find(|(w, k)| *w == words && *k != q.key) {
                let pos = alias_pos(node, &q.key, alias).unwrap_or(node.pos);
                return Err(ConfigError {
                    help: Some("keep the alias under one question".into()),
                    ..config_error(
                        pos,
                        format!(
                            "the alias `{alias}` of `{}` is also an alias of `{other}`",
                            q.key
                        ),
                    )
                });
            }
            seen.push((words, &q.key));
        }
    }
    Ok(())
}

/// Where `questions.<key>.aliases` lists `alias`, for the error.
fn alias_pos(questions: &Node, key: &str, alias: &str) -> Option<Pos> {
    let (_, question) = questions
        .entries()?
        .iter()
        .find(|(k, _)| k.as_text().as_deref() == Some(key))?;
    let (_, aliases) = question
        .entries()?
        .iter()
        .find(|(k, _)| k.as_text().as_deref() == Some("aliases"))?;
    match &aliases.value {
        Value::Seq(items) => items
            .iter()
            .find(|i| i.as_text().as_deref() == Some(alias))
            .map(|i| i.pos),
        _ => Some(aliases.pos),
    }
}

/// `render:` maps `flavor`, `templates` and `title` to their values.
fn render_section(node: &Node, dir: &Path) -> Result<RenderConfig, ConfigError> {
    let mut render = RenderConfig::default();
    let entries = section_entries(node, "render")?;
    for (key, value) in strict_entries(entries, &["flavor", "templates", "title"], "render.")? {
        match key.as_str() {
            "flavor" => {
                let text = expect_text(value, "render.flavor")?;
                render.flavor = Some(crate::flavor::Flavor::parse(text.trim()).ok_or_else(
                    || ConfigError {
                        help: Some("use `gitlab` or `github`".into()),
                        ..config_error(
                            value.pos,
                            format!("`render.flavor` must be gitlab or github, found `{text}`"),
                        )
                    },
                )?);
            }
            "templates" => {
                render.templates_dir = Some(dir.join(expect_text(value, "render.templates")?))
            }
            "title" => render.title = Some(expect_text(value, "render.title")?),
            _ => unreachable!("strict_entries only returns known keys"),
        }
    }
    Ok(render)
}

const KICKOFF_FIELDS: &[&str] = &["milestone_pattern", "stale_weeks", "labels"];

/// `kickoff:` sets the milestone naming pattern, when a draft is stale, and
/// the kickoff issue's labels.
fn kickoff_section(node: &Node) -> Result<KickoffConfig, ConfigError> {
    let mut kickoff = KickoffConfig::default();
    let entries = section_entries(node, "kickoff")?;
    for (key, value) in strict_entries(entries, KICKOFF_FIELDS, "kickoff.")? {
        match key.as_str() {
            "milestone_pattern" => {
                let pattern = expect_text(value, "kickoff.milestone_pattern")?;
                crate::milestone::check_pattern(&pattern).map_err(|err| ConfigError {
                    help: Some(
                        "a strftime pattern such as \"%G-W%V\" (2026-W48) or \"%a: %B %-d, %Y\" (Fri: July 9, 2021)".into(),
                    ),
                    ..config_error(
                        value.pos,
                        format!("`kickoff.milestone_pattern` cannot name milestones: {err}"),
                    )
                })?;
                kickoff.milestone_pattern = Some(pattern);
            }
            "stale_weeks" => match value.value {
                Value::Int(n) if (1..=520).contains(&n) => kickoff.stale_weeks = n as u32,
                _ => {
                    return Err(config_error(
                        value.pos,
                        "`kickoff.stale_weeks` must be a whole number of weeks from 1 to 520",
                    ));
                }
            },
            "labels" => {
                kickoff.labels = items(value)
                    .into_iter()
                    .map(|item| expect_text(item, "kickoff.labels"))
                    .collect::<Result<_, _>>()?;
            }
            _ => unreachable!("strict_entries only returns known keys"),
        }
    }
    Ok(kickoff)
}

const LINT_FIELDS: &[&str] = &["rules", "min_words", "critical_questions", "words"];

/// `lint:` sets rule levels (`rules: {MRD007: allow, short-answer: deny}`),
/// `min_words`, `critical_questions` and the substance rules' `words`. Returns the critical question keys
/// with their positions, checked against the question set by the caller.
fn apply_lint(
    settings: &mut LintSettings,
    node: &Node,
) -> Result<Option<Vec<(String, Pos)>>, ConfigError> {
    let entries = section_entries(node, "lint")?;
    let mut critical = None;
    for (field, value) in strict_entries(entries, LINT_FIELDS, "lint.")? {
        match field.as_str() {
            "rules" => {
                let Value::Map(rules) = &value.value else {
                    return Err(config_error(
                        value.pos,
                        format!(
                            "`lint.rules` must map rule codes to allow, warn or deny, found {}",
                            value.value.kind()
                        ),
                    ));
                };
                for (key, level) in rules {
                    let name = key.as_text().unwrap_or_default();
                    let Some(rule) = lint_rules::find(&name) else {
                        let names = lint_rules::RULES.iter().flat_map(|r| [r.code, r.name]);
                        return Err(ConfigError {
                            help: Some(match did_you_mean(&name, names) {
                                Some(near) => {
                                    format!("did you mean `{near}`? `mrd rules` lists every rule")
                                }
                                None => "`mrd rules` lists every rule".into(),
                            }),
                            ..config_error(key.pos, format!("`lint.rules.{name}` is not a rule"))
                        });
                    };
                    let parsed = level.as_text().as_deref().and_then(RuleLevel::parse);
                    let Some(parsed) = parsed else {
                        return Err(ConfigError {
                            help: Some(format!(
                                "a rule's level is one of: {}",
                                RuleLevel::SPELLINGS
                            )),
                            ..config_error(
                                level.pos,
                                format!("invalid level for `lint.rules.{name}`"),
                            )
                        });
                    };
                    settings.set(rule, parsed);
                }
            }
            "min_words" => match value.value {
                Value::Int(n) if (0..=1000).contains(&n) => settings.min_words = n as usize,
                _ => {
                    return Err(config_error(
                        value.pos,
                        "`lint.min_words` must be a whole number from 0 to 1000",
                    ));
                }
            },
            "critical_questions" => {
                let mut keys = Vec::new();
                for item in items(value) {
                    keys.push((expect_text(item, "lint.critical_questions")?, item.pos));
                }
                settings.critical = keys.iter().map(|(k, _)| k.clone()).collect();
                critical = Some(keys);
            }
            "words" => settings.words = std::sync::Arc::new(substance_words(value)?),
            _ => unreachable!("strict_entries only returns known fields"),
        }
    }
    Ok(critical)
}

/// `lint.words`: the built-in word lists with the project's changes.
fn substance_words(node: &Node) -> Result<crate::lint::substance::Words, ConfigError> {
    let mut lexicon = crate::lint::substance::Lexicon::builtin();
    lexicon.apply(node).map_err(|err| ConfigError {
        help: err.help,
        ..config_error(err.pos, err.message)
    })?;
    Ok(crate::lint::substance::Words::new(lexicon))
}

fn is_valid_key(key: &str) -> bool {
    let mut chars = key.chars();
    chars.next().is_some_and(|c| c.is_ascii_lowercase())
        && chars.all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
}

#[cfg(test)]
mod tests {
    use super::*;

    fn config(text: &str) -> Result<Config, ConfigError> {
        Config::from_text(text, Path::new("/repo"))
    }

    /// The error in `text`, and the line and column it points at.
    fn error(text: &str) -> (ConfigError, Option<(u32, u32)>) {
        let err = config(text).unwrap_err();
        let at = err
            .pos
            .map(|pos| crate::source::line_column(text, pos.offset));
        (err, at)
    }

    #[test]
    fn an_empty_config_is_the_defaults() {
        let config = config("").unwrap();
        assert_eq!(config.assessments_dir, Path::new("/repo/assessments"));
        assert_eq!(config.questions, QuestionSet::builtin());
    }

    #[test]
    fn questions_can_be_changed_added_and_made_optional() {
        let config = config(
            "assessments: docs/mrd\nquestions:\n  market_window:\n    required: false\n    guidance: Say what changed.\n  pricing:\n    text: How will we price it?\n    short_name: pricing\n    after: metrics\n",
        )
        .unwrap();
        assert_eq!(config.assessments_dir, Path::new("/repo/docs/mrd"));
        let set = &config.questions;
        assert!(!set.get("market_window").unwrap().required);
        assert_eq!(
            set.get("market_window").unwrap().guidance,
            "Say what changed."
        );
        assert_eq!(set.get("pricing").unwrap().number, 9);
        assert_eq!(set.get("success_factors").unwrap().number, 10);
        assert_eq!(set.recommendation().unwrap().number, 11);
    }

    #[test]
    fn unknown_keys_are_errors_with_a_position_and_a_suggestion() {
        let (err, at) = error("assesments: x\n");
        assert_eq!(at, Some((1, 1)));
        assert_eq!(err.help.as_deref(), Some("did you mean `assessments`?"));

        let (err, at) = error("questions:\n  problem:\n    guidnce: x\n");
        assert_eq!(at, Some((3, 5)));
        assert!(err.message.contains("questions.problem.guidnce"));
    }

    #[test]
    fn invalid_values_are_errors_with_a_position() {
        let (_, at) = error("questions:\n  problem:\n    required: maybe\n");
        assert_eq!(at, Some((3, 15)));
        let err = config("questions:\n  pricing:\n    text: x\n").unwrap_err();
        assert!(err.message.contains("short_name"));
        let err = config("questions:\n  recommendation:\n    required: false\n").unwrap_err();
        assert!(err.message.contains("cannot be made optional"));
    }

    #[test]
    fn the_render_section_sets_flavor_templates_and_title() {
        let render = config("render:\n  flavor: github\n  templates: .mrd/templates\n  title: \"MRD: {{ title }}\"\n").unwrap();
        assert_eq!(render.render.flavor, Some(crate::flavor::Flavor::Github));
        assert_eq!(
            render.render.templates_dir.as_deref(),
            Some(Path::new("/repo/.mrd/templates"))
        );
        assert_eq!(render.render.title.as_deref(), Some("MRD: {{ title }}"));
        let (_, at) = error("render:\n  flavor: gitea\n");
        assert_eq!(at, Some((2, 11)));
        let err = config("render:\n  template: x\n").unwrap_err();
        assert_eq!(
            err.help.as_deref(),
            Some("did you mean `render.templates`?")
        );
    }

    #[test]
    fn the_lint_section_sets_levels_words_and_critical_questions() {
        let config = config(
            "lint:\n  rules:\n    MRD007: deny\n    unknown-key: allow\n  min_words: 8\n  critical_questions: [problem, pricing]\nquestions:\n  pricing:\n    text: How will we price it?\n    short_name: pricing\n",
        )
        .unwrap();
        let lint = &config.lint;
        assert_eq!(lint.levels.get("MRD007"), Some(&RuleLevel::Deny));
        assert_eq!(lint.levels.get("MRD013"), Some(&RuleLevel::Allow));
        assert_eq!(lint.min_words, 8);
        assert_eq!(lint.critical, ["problem", "pricing"]);
    }

    #[test]
    fn the_lint_section_is_strict() {
        let (_, at) = error("lint:\n  rules:\n    MRD099: deny\n");
        assert_eq!(at, Some((3, 5)));
        let err = config("lint:\n  rules:\n    short-answr: deny\n").unwrap_err();
        assert_eq!(
            err.help.as_deref(),
            Some("did you mean `short-answer`? `mrd rules` lists every rule")
        );
        let (_, at) = error("lint:\n  rules:\n    MRD007: loud\n");
        assert_eq!(at, Some((3, 13)));
        let err = config("lint:\n  min_word: 3\n").unwrap_err();
        assert_eq!(err.help.as_deref(), Some("did you mean `lint.min_words`?"));
        let err = config("lint:\n  critical_questions: [problme]\n").unwrap_err();
        assert_eq!(err.help.as_deref(), Some("did you mean `problem`?"));
    }

    #[test]
    fn the_lint_section_changes_the_substance_word_lists() {
        let custom = config(
            "lint:\n  words:\n    solution_not_problem:\n      openings: {add: [revolutionises]}\n",
        )
        .unwrap();
        let openings = custom
            .lint
            .words
            .lexicon()
            .list("solution_not_problem", "openings");
        assert!(openings.contains(&"revolutionises".to_string()));
        assert!(
            openings.contains(&"build".to_string()),
            "add keeps the built-in words"
        );
        assert_eq!(
            Config::defaults(Path::new("")).lint.words,
            crate::lint::substance::Words::builtin()
        );

        let (err, at) = error("lint:\n  words:\n    metrics:\n      comparison: [x]\n");
        assert_eq!(at, Some((4, 7)));
        assert_eq!(err.help.as_deref(), Some("did you mean `comparisons`?"));
        let err = config("lint:\n  word: {}\n").unwrap_err();
        assert_eq!(err.help.as_deref(), Some("did you mean `lint.words`?"));
    }

    #[test]
    fn the_kickoff_section_is_strict() {
        let kickoff = config(
            "kickoff:\n  milestone_pattern: \"Sprint ending %Y-%m-%d\"\n  stale_weeks: 2\n  labels: [kickoff, weekly]\n",
        )
        .unwrap()
        .kickoff;
        assert_eq!(
            kickoff.milestone_pattern.as_deref(),
            Some("Sprint ending %Y-%m-%d")
        );
        assert_eq!((kickoff.stale_weeks, kickoff.labels.len()), (2, 2));
        let err = config("kickoff:\n  stale_week: 2\n").unwrap_err();
        assert_eq!(
            err.help.as_deref(),
            Some("did you mean `kickoff.stale_weeks`?")
        );
        let (_, at) = error("kickoff:\n  stale_weeks: 0\n");
        assert_eq!(at, Some((2, 16)));
        let err = config("kickoff:\n  milestone_pattern: \"%Y\"\n").unwrap_err();
        assert!(err.message.contains("cannot name milestones"), "{err}");
        let err = config("kickof: {}\n").unwrap_err();
        assert_eq!(err.help.as_deref(), Some("did you mean `kickoff`?"));
    }

    #[test]
    fn aliases_name_a_question_for_import() {
        let french = config(
            "questions:\n  problem:\n    aliases: [QUEL PROBLÈME, Le problème]\n  market_window:\n    aliases: Pourquoi maintenant\n",
        )
        .unwrap();
        let set = &french.questions;
        assert_eq!(
            set.get("problem").unwrap().aliases,
            ["QUEL PROBLÈME", "Le problème"]
        );
        assert_eq!(
            set.get("market_window").unwrap().aliases,
            ["Pourquoi maintenant"]
        );

        let err = config("questions:\n  problem:\n    alias: [x]\n").unwrap_err();
        assert_eq!(
            err.help.as_deref(),
            Some("did you mean `questions.problem.aliases`?")
        );
        let (_, at) = error("questions:\n  problem:\n    aliases: [x, {a: b}]\n");
        assert_eq!(at, Some((3, 18)));
        let (err, at) = error(
            "questions:\n  problem:\n    aliases: [Douleur]\n  target_market:\n    aliases: [Qui, douleur]\n",
        );
        assert!(
            err.message.contains("also an alias of `problem`"),
            "{}",
            err.message
        );
        assert_eq!(at, Some((5, 20)));
    }

    #[test]
    fn discovery_walks_up_but_stops_at_the_repository_root() {
        let outer = tempfile::tempdir().unwrap();
        std::fs::write(outer.path().join(FILE_NAME), "").unwrap();
        let repo = outer.path().join("repo");
        let deep = repo.join("a/b");
        std::fs::create_dir_all(&deep).unwrap();
        std::fs::create_dir(repo.join(".git")).unwrap();
        assert_eq!(
            discover(&deep),
            None,
            "the outer config is outside the repository"
        );
        std::fs::write(repo.join("a").join(FILE_NAME), "").unwrap();
        assert_eq!(discover(&deep), Some(repo.join("a").join(FILE_NAME)));
    }
}
