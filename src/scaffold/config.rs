//! The `.mrd.yml` that `mrd init` writes: every setting present at its
//! default, with a comment saying what it does.
//!
//! The file is a list of sections, one per top-level key. A feature that adds
//! a setting adds a [`Section`] to [`sections`]; the tests check that the whole
//! file still reads as the defaults.

use super::{wrap, yaml_scalar};
use crate::questions::QuestionSet;

/// One top-level setting of `.mrd.yml`, with its explanation.
pub struct Section {
    pub key: &'static str,
    /// The YAML, comments included, starting at column 0.
    pub text: String,
}

const HEADER: &str = "\
# mrd configuration. Every setting is shown at its default: change what your
# project needs, delete what it does not. Unknown keys are errors, so a typo
# never silently does nothing. Reference: docs/format.md.
";

const RENDER: &str = "\
# How `mrd render` writes issue text (docs/templates.md). The settings below
# are commented out at their defaults.
render:
  # The forge the issue is for: gitlab or github (`--flavor` overrides it).
  # flavor: gitlab
  # A directory whose files replace the built-in templates of the same name;
  # `mrd templates eject DIR` writes the built-ins out to start from.
  # templates: templates
  # The issue title, a Tera template (`mrd render --title`).
  # title: \"Opportunity Assessment: {{ title | default(value='Untitled') }}\"
";

const KICKOFF: &str = "\
# How `mrd kickoff` prepares the weekly kickoff issue (docs/kickoff.md). The
# settings below are commented out at their defaults.
kickoff:
  # How milestones are named, as a strftime pattern; without it both
  # \"%G-W%V\" (2026-W48) and \"%a: %B %-d, %Y\" (Fri: July 9, 2021) are read.
  # milestone_pattern: \"%G-W%V\"
  # A draft with no change for this many weeks is listed as stale.
  # stale_weeks: 3
  # Labels for the kickoff issue (`mrd kickoff --quick-actions`).
  # labels: []
";

/// The sections of the generated file, in order.
pub fn sections() -> Vec<Section> {
    vec![
        Section {
            key: "assessments",
            text: "\
# Where assessments live, relative to this file. `mrd lint` and `mrd summary`
# with no path read this directory; `mrd new` and `mrd import` write into it.
assessments: assessments
"
            .to_string(),
        },
        Section {
            key: "questions",
            text: questions_section(&QuestionSet::builtin()),
        },
        Section {
            key: "lint",
            text: lint_section(),
        },
        Section {
            key: "render",
            text: RENDER.to_string(),
        },
        Section {
            key: "kickoff",
            text: KICKOFF.to_string(),
        },
    ]
}

/// `lint:` with its settings commented at their defaults, taken from the lint
/// module itself so the file cannot drift from what `mrd lint` does.
fn lint_section() -> String {
    use crate::diagnostic::rules::RULES;
    use crate::lint::settings::{DEFAULT_CRITICAL, DEFAULT_MIN_WORDS};
    let mut out = String::from(
        "\
# How strict `mrd lint` is (docs/lint.md). The settings below are commented
# out at their defaults. A file can also allow rules for itself with
# `lint: {allow: [MRD007]}` in its front-matter.
lint:
  # Fewer words than this in an answer is a short answer (MRD007).
",
    );
    out.push_str(&format!("  # min_words: {DEFAULT_MIN_WORDS}\n"));
    out.push_str("  # Questions a `go` needs answered with more than low confidence (MRD010).\n");
    out.push_str(&format!(
        "  # critical_questions: [{}]\n",
        DEFAULT_CRITICAL.join(", ")
    ));
    out.push_str("  # Each rule's level: allow, warn or deny (`mrd rules` lists them all).\n");
    out.push_str("  # rules:\n");
    for rule in RULES {
        let level = match rule.level {
            crate::diagnostic::Level::Error => "deny",
            crate::diagnostic::Level::Warning => "warn",
        };
        out.push_str(&format!("  #   {}: {level}  # {}\n", rule.code, rule.name));
    }
    out
}

/// The whole `.mrd.yml`.
pub fn default_config() -> String {
    let mut out = String::from(HEADER);
    for section in sections() {
        out.push('\n');
        out.push_str(&section.text);
    }
    out
}

/// `questions:` with the built-in set written out, commented, so a team sees
/// exactly what it would change. Uncommenting any part gives the defaults.
fn questions_section(set: &QuestionSet) -> String {
    let mut out = String::from(
        "\
# The question set. Marty Cagan's ten questions are built in; below they are
# written out, commented, as they are. To change a question, uncomment its key
# and the fields you change (text, short_name, guidance, example, required).
# `required: false` makes a question optional (not the recommendation). A key
# that is not built in adds a question: it needs `text:` and `short_name:`, and
# `after: <key>` places it (otherwise it goes before the recommendation).
# `aliases: [QUEL PROBLÈME, Le problème]` adds section names `mrd import`
# reads as that question: your own template's headings, or another language.
questions:
",
    );
    for (i, q) in set.all().iter().enumerate() {
        if i > 0 {
            out.push_str("  #\n");
        }
        out.push_str(&format!("  # {}:\n", q.key));
        out.push_str(&format!("  #   text: {}\n", yaml_scalar(&q.text)));
        out.push_str(&format!(
            "  #   short_name: {}\n",
            yaml_scalar(&q.short_name)
        ));
        for (field, value) in [("guidance", &q.guidance), ("example", &q.example)] {
            out.push_str(&format!("  #   {field}: >-\n"));
            for line in wrap(value, 70) {
                out.push_str(&format!("  #     {line}\n"));
            }
        }
        if !q.is_recommendation() {
            out.push_str(&format!("  #   required: {}\n", q.required));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use super::*;
    use crate::config::Config;

    #[test]
    fn the_generated_file_reads_as_the_defaults() {
        let dir = Path::new("/repo");
        let config = Config::from_text(&default_config(), dir).unwrap();
        let defaults = Config::defaults(dir);
        assert_eq!(config.assessments_dir, defaults.assessments_dir);
        assert_eq!(config.questions, defaults.questions);
        assert_eq!(config.render, defaults.render);
    }

    /// The commented render settings are real: uncommented, they are
    /// accepted and say what the defaults are.
    #[test]
    fn the_commented_render_settings_are_valid() {
        let uncommented: String = RENDER
            .lines()
            .filter(|l| {
                let setting = l
                    .strip_prefix("  # ")
                    .and_then(|rest| rest.split_once(": "));
                l.starts_with("render:")
                    || setting.is_some_and(|(key, _)| key.chars().all(|c| c.is_ascii_lowercase()))
            })
            .map(|l| format!("{}\n", l.replacen("  # ", "  ", 1)))
            .collect();
        assert_eq!(uncommented.lines().count(), 4, "{uncommented}");
        let config = Config::from_text(&uncommented, Path::new("/repo"))
            .unwrap_or_else(|err| panic!("{err}\n{uncommented}"));
        assert_eq!(config.render.flavor, Some(crate::render::Flavor::Gitlab));
        assert_eq!(
            config.render.templates_dir.as_deref(),
            Some(Path::new("/repo/templates"))
        );
        assert!(
            config
                .render
                .title
                .unwrap()
                .starts_with("Opportunity Assessment: {{ title")
        );
    }

    /// The commented lint settings, uncommented, are accepted and are the
    /// defaults.
    #[test]
    fn the_commented_kickoff_settings_are_the_defaults() {
        let uncommented: String = KICKOFF
            .lines()
            .filter(|l| l.starts_with("kickoff:") || l.starts_with("  # ") && l.contains(": "))
            .filter(|l| !l.contains("(docs/") && !l.contains("(2026-W48)"))
            .map(|l| format!("{}\n", l.replacen("  # ", "  ", 1)))
            .collect();
        assert_eq!(uncommented.lines().count(), 4, "{uncommented}");
        let config = Config::from_text(&uncommented, Path::new("/repo"))
            .unwrap_or_else(|err| panic!("{err}\n{uncommented}"));
        let expected = crate::config::KickoffConfig {
            milestone_pattern: Some("%G-W%V".into()),
            ..Default::default()
        };
        assert_eq!(config.kickoff, expected);
    }

    #[test]
    fn the_commented_lint_settings_are_the_defaults() {
        let section = lint_section();
        let uncommented: String = section
            .lines()
            .filter(|l| {
                *l == "lint:"
                    || l.starts_with("  # min_words")
                    || l.starts_with("  # critical")
                    || l.starts_with("  # rules:")
                    || l.starts_with("  #   MRD")
            })
            .map(|l| format!("{}\n", l.replacen("  # ", "  ", 1)))
            .collect();
        let config = Config::from_text(&uncommented, Path::new("/repo"))
            .unwrap_or_else(|err| panic!("{err}\n{uncommented}"));
        let defaults = crate::lint::Settings::default();
        assert_eq!(config.lint.min_words, defaults.min_words);
        assert_eq!(config.lint.critical, defaults.critical);
        for rule in crate::diagnostic::rules::RULES {
            assert_eq!(
                config.lint.level_of(rule),
                defaults.level_of(rule),
                "{}",
                rule.code
            );
        }
    }

    #[test]
    fn every_section_is_in_the_file_once() {
        let text = default_config();
        for section in sections() {
            let key_lines = text
                .lines()
                .filter(|l| l.starts_with(&format!("{}:", section.key)));
            assert_eq!(key_lines.count(), 1, "{}", section.key);
        }
    }

    /// The commented question set is not decoration: uncommented, it must
    /// be accepted and give exactly the built-in questions.
    #[test]
    fn the_commented_questions_uncommented_are_the_builtin_set() {
        let text = questions_section(&QuestionSet::builtin());
        let uncommented: String = text
            .lines()
            .filter(|l| l.starts_with("  #"))
            .map(|l| {
                let rest = l.strip_prefix("  #").unwrap_or(l);
                format!("  {}\n", rest.strip_prefix(' ').unwrap_or(rest))
            })
            .collect();
        let yaml = format!("questions:\n{uncommented}");
        let config = Config::from_text(&yaml, Path::new("/repo"))
            .unwrap_or_else(|err| panic!("{err}\n{yaml}"));
        assert_eq!(config.questions, QuestionSet::builtin());
        assert!(
            uncommented.contains("  problem:\n    text: Exactly what problem will this solve?\n")
        );
    }
}
