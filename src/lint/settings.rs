//! How strict lint is: each rule's level, and the few numbers rules need.
//!
//! The defaults live in the rules; `.mrd.yml`'s `lint:` section and the
//! command line's `--allow`, `--warn` and `--deny` change them, in that order.

use std::collections::HashMap;
use std::sync::{Arc, OnceLock};

use super::substance::Words;
use super::substance::question_in_answer::Questions;
use crate::diagnostic::{Level, Rule};
use crate::questions::QuestionSet;

/// A level a user can give a rule, as cargo and clippy spell them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum RuleLevel {
    /// Not checked.
    Allow,
    /// Reported; does not fail the run.
    Warn,
    /// Reported as an error; fails the run.
    Deny,
}

impl RuleLevel {
    pub const SPELLINGS: &'static str = "allow | warn | deny";

    pub fn parse(text: &str) -> Option<RuleLevel> {
        match text.trim().to_ascii_lowercase().as_str() {
            "allow" | "off" => Some(RuleLevel::Allow),
            "warn" | "warning" => Some(RuleLevel::Warn),
            "deny" | "error" => Some(RuleLevel::Deny),
            _ => None,
        }
    }
}

/// The questions whose weakness makes a `go` risky, unless configured.
pub const DEFAULT_CRITICAL: &[&str] = &["problem", "target_market", "differentiator"];

/// Fewer words than this and an answer is not yet an answer.
pub const DEFAULT_MIN_WORDS: usize = 5;

#[derive(Clone, Debug, PartialEq)]
pub struct Settings {
    /// Levels set by config or command line, by rule code: looked up for
    /// every rule of every file, so hashed with foldhash, not SipHash (the
    /// codes are ours, not an attacker's).
    pub levels: HashMap<&'static str, RuleLevel, foldhash::fast::FixedState>,
    /// `--deny warnings`: every warning is an error.
    pub deny_warnings: bool,
    /// The fewest words an answer may have before `short-answer` fires.
    pub min_words: usize,
    /// Question keys that must be answered with confidence before a `go`.
    pub critical: Vec<String>,
    /// The substance rules' word lists (`lint.words`), compiled.
    pub words: Arc<Words>,
    /// question-in-answer's prepared question texts, shared by every linter
    /// made from these settings (commands make one per file).
    pub in_answer: InAnswerCache,
}

/// question-in-answer's question texts, prepared the first time a linter
/// needs them. A cache: it does not make two settings differ.
#[derive(Clone, Default)]
pub struct InAnswerCache(Arc<OnceLock<Arc<Questions>>>);

impl InAnswerCache {
    /// The prepared texts of `questions`: the cached ones when they were
    /// prepared from the same question set, else new ones (cached if the
    /// cache is empty).
    pub fn get(&self, questions: &QuestionSet) -> Arc<Questions> {
        let cached = self.0.get_or_init(|| Arc::new(Questions::new(questions)));
        if cached.fits(questions) {
            cached.clone()
        } else {
            Arc::new(Questions::new(questions))
        }
    }
}

impl PartialEq for InAnswerCache {
    fn eq(&self, _: &InAnswerCache) -> bool {
        true
    }
}

impl std::fmt::Debug for InAnswerCache {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("InAnswerCache")
    }
}

impl Default for Settings {
    fn default() -> Settings {
        Settings {
            levels: HashMap::default(),
            deny_warnings: false,
            min_words: DEFAULT_MIN_WORDS,
            critical: DEFAULT_CRITICAL.iter().map(|s| s.to_string()).collect(),
            words: Words::builtin(),
            in_answer: InAnswerCache::default(),
        }
    }
}

impl Settings {
    /// The level a rule reports at, or `None` when it is allowed (off).
    pub fn level_of(&self, rule: &Rule) -> Option<Level> {
        let level = match self.levels.get(rule.code) {
            Some(RuleLevel::Allow) => return None,
            Some(RuleLevel::Warn) => Level::Warning,
            Some(RuleLevel::Deny) => Level::Error,
            None => rule.level,
        };
        Some(if self.deny_warnings {
            Level::Error
        } else {
            level
        })
    }

    pub fn set(&mut self, rule: &'static Rule, level: RuleLevel) {
        self.levels.insert(rule.code, level);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostic::rules;

    #[test]
    fn levels_override_defaults_and_deny_warnings_promotes() {
        let short = rules::find("short-answer").unwrap();
        let mut settings = Settings::default();
        assert_eq!(settings.level_of(short), Some(Level::Warning));
        settings.set(short, RuleLevel::Deny);
        assert_eq!(settings.level_of(short), Some(Level::Error));
        settings.set(short, RuleLevel::Allow);
        assert_eq!(settings.level_of(short), None);
        let unknown = rules::find("unknown-key").unwrap();
        settings.deny_warnings = true;
        assert_eq!(settings.level_of(unknown), Some(Level::Error));
    }
}
