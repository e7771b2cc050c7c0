//! Fixes: the changes that resolve a finding, or help with one, as new text
//! for the whole file. `mrd lint --fix` applies them, and the language
//! server offers the same ones as code actions, so an edit is computed in
//! one place whoever asks for it.
//!
//! Each fix says whether it is safe: a safe fix keeps the meaning of what
//! the author wrote (`Target-Market:` becomes `target_market:`, the key
//! they plainly meant); an unsafe one changes what mrd reads (a guessed
//! spelling, a status the author did not set). `--fix` applies only the
//! fixes that resolve a finding, safe ones unless `--unsafe-fixes` is given;
//! assists that leave the finding in place (an empty skeleton, a rule
//! allowed in the file) are offered in the editor only.
//!
//! Every fix is checked before it is offered: its text is read back, and a
//! fix whose result reads worse than the file it started from (a new
//! problem, an answer it did not mean to change) is dropped, never written.

use crate::assessment::{
    self, Assessment, Decision, FILE_SETTINGS_KEY, Status, closing_fence, record_decision, rewrite,
    top_entry,
};
use crate::date::Date;
use crate::diagnostic::{Diagnostic, Rule, Subject, rules as catalogue};
use crate::interview::skeleton::question_comments;
use crate::questions::QuestionSet;
use crate::source::{Pos, Source};
use crate::yaml::Value;

use super::rules::suggested_key;

/// Whether a fix keeps the meaning of what the author wrote.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Safety {
    /// It only spells what is already meant the way mrd reads it.
    Safe,
    /// It changes what mrd reads; `--unsafe-fixes` applies it.
    Unsafe,
}

impl Safety {
    pub fn as_str(self) -> &'static str {
        match self {
            Safety::Safe => "safe",
            Safety::Unsafe => "unsafe",
        }
    }
}

/// What a fix does to the finding it is offered for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Effect {
    /// The finding is gone once the fix is applied; `--fix` applies it.
    Resolves,
    /// The fix helps (a skeleton to fill in, a rule allowed, a status set)
    /// but is the author's choice: offered in the editor only.
    Assists,
}

/// One change to a file.
#[derive(Clone, Debug, PartialEq)]
pub struct Fix {
    /// What it does, as a code action's title and `--fix`'s report line.
    pub title: String,
    pub safety: Safety,
    pub effect: Effect,
    /// The rule of the finding it is for; `None` for an assist that is not
    /// about a finding (setting `status: decided`).
    pub rule: Option<&'static Rule>,
    /// The whole file's text once the fix is applied (without a byte-order
    /// mark, like [`Source::text`]).
    pub text: String,
}

/// The file a fix is computed for: its text, what reading it found, and the
/// question set it is linted against.
pub struct Fixer<'a> {
    pub source: &'a Source,
    pub assessment: Option<&'a Assessment>,
    /// How many problems reading the file met: a fix must not add any.
    problems: usize,
    pub questions: &'a QuestionSet,
}

impl<'a> Fixer<'a> {
    pub fn new(
        source: &'a Source,
        parsed: &'a assessment::Parsed,
        questions: &'a QuestionSet,
    ) -> Fixer<'a> {
        Fixer {
            source,
            assessment: parsed.assessment.as_ref(),
            problems: parsed.problems.len(),
            questions,
        }
    }

    /// The fixes offered for one finding: the one that resolves it, if any,
    /// then the assists.
    pub fn for_finding(&self, finding: &Diagnostic) -> Vec<Fix> {
        let Some(rule) = finding.id.rule() else {
            return Vec::new();
        };
        let mut fixes = Vec::new();
        if rule == &catalogue::UNKNOWN_KEY {
            fixes.extend(self.rename_key(finding));
        }
        if rule == &catalogue::MISSING_ANSWER {
            fixes.extend(self.missing_answers_skeleton());
        }
        fixes.extend(self.allow_rule(rule));
        fixes
    }

    /// Fixes that are not about one finding: setting `status: decided` when
    /// the recommendation holds a go or no-go.
    pub fn assists(&self, today: Date) -> Vec<Fix> {
        self.set_decided(today).into_iter().collect()
    }

    /// `Problme:` → `problem:` when the unknown key has a "did you mean".
    /// Only the key's own bytes change, so comments and layout stay.
    fn rename_key(&self, finding: &Diagnostic) -> Option<Fix> {
        let pos = finding.span?;
        let written = self.source.text.get(pos.offset..pos.end())?;
        let key = written.trim_matches(['"', '\'']);
        let target = suggested_key(key, &finding.subject, self.questions)?;
        if self.key_exists(&finding.subject, &target) {
            // Renaming would make a duplicate key: the author must choose.
            return None;
        }
        let safety = if normalised(key) == normalised(&target) {
            Safety::Safe
        } else {
            Safety::Unsafe
        };
        let text = replaced(&self.source.text, pos, &target);
        self.checked(Fix {
            title: format!("Rename `{key}` to `{target}`"),
            safety,
            effect: Effect::Resolves,
            rule: Some(&catalogue::UNKNOWN_KEY),
            text,
        })
    }

    /// Whether the place `subject` is in already has `key`.
    fn key_exists(&self, subject: &Subject, key: &str) -> bool {
        let Some(a) = self.assessment else {
            return false;
        };
        let front = &a.front;
        match subject {
            Subject::Answer(_) => front.answer(key).is_some(),
            Subject::Confidence(_) => front.confidence.iter().any(|c| c.key.value == key),
            Subject::Recommendation(_) => {
                let rec = front.recommendation.as_ref();
                match key {
                    "decision" => rec.is_some_and(|r| r.decision.is_some()),
                    "rationale" => rec.is_some_and(|r| r.rationale.is_some()),
                    "conditions" => rec.is_some_and(|r| !r.conditions.is_empty()),
                    _ => false,
                }
            }
            _ => front.keys.iter().any(|k| k.value == key),
        }
    }

    /// Every required question that has no key under `answers:`, added as
    /// an empty entry with the question and its guidance as comments, at the
    /// end of `answers:` (or in a new `answers:` at the end of the
    /// front-matter). The answers are still missing afterwards: it is a
    /// skeleton to fill in, so it assists rather than resolves.
    fn missing_answers_skeleton(&self) -> Option<Fix> {
        let front = &self.assessment?.front;
        let missing: Vec<_> = self
            .questions
            .required_answers()
            .filter(|q| front.answer(&q.key).is_none())
            .collect();
        if missing.is_empty() {
            return None;
        }
        let text = &self.source.text;
        let newline = if self.assessment?.crlf { "\r\n" } else { "\n" };
        let answers = top_entry(text, "answers");
        let (at, indent, header) = match &answers {
            Some(entry) => (
                entry.lines.end,
                " ".repeat(entry.child_indent.unwrap_or(2)),
                "",
            ),
            None => (closing_fence(text)?, "  ".to_string(), "answers:\n"),
        };
        let mut block = String::from(header);
        for question in &missing {
            question_comments(&mut block, question, self.questions.len(), &indent);
            block.push_str(&format!("{indent}{}: \"\"\n", question.key));
        }
        let block = block.replace('\n', newline);
        let mut out = String::with_capacity(text.len() + block.len());
        out.push_str(&text[..at]);
        // An entry that ends the text without a line ending gets one first.
        if at > 0 && !text[..at].ends_with('\n') {
            out.push_str(newline);
        }
        out.push_str(&block);
        out.push_str(&text[at..]);
        let keys = missing
            .iter()
            .map(|q| format!("`{}`", q.key))
            .collect::<Vec<_>>()
            .join(", ");
        self.checked(Fix {
            title: format!("Add the missing answers as an empty skeleton ({keys})"),
            safety: Safety::Safe,
            effect: Effect::Assists,
            rule: Some(&catalogue::MISSING_ANSWER),
            text: out,
        })
    }

    /// `lint: {allow: [CODE]}` in the file's front-matter, added to the
    /// list there is, or as a new `lint:` entry at its end.
    fn allow_rule(&self, rule: &'static Rule) -> Option<Fix> {
        let a = self.assessment?;
        let text = &self.source.text;
        let newline = if a.crlf { "\r\n" } else { "\n" };
        let existing = a
            .front
            .extra
            .iter()
            .find(|(key, _)| key.as_str() == Some(FILE_SETTINGS_KEY));
        let out = match existing {
            None => {
                let at = closing_fence(text)?;
                let entry = format!(
                    "{FILE_SETTINGS_KEY}:{newline}  allow: [{}]{newline}",
                    rule.code
                );
                let mut out = text[..at].to_string();
                if at > 0 && !out.ends_with('\n') {
                    out.push_str(newline);
                }
                out.push_str(&entry);
                out.push_str(&text[at..]);
                out
            }
            Some((_, node)) => {
                // The allow list as it reads now, with this rule added; the
                // `lint:` entry is written again with it, in flow style.
                let Value::Map(settings) = &node.value else {
                    return None;
                };
                let mut codes: Vec<String> = Vec::new();
                for (key, value) in settings {
                    if key.as_str() != Some("allow") {
                        // Other settings would be lost in the rewrite.
                        return None;
                    }
                    match &value.value {
                        Value::Seq(items) => {
                            codes.extend(items.iter().filter_map(|item| item.as_text()))
                        }
                        Value::Null => {}
                        _ => codes.extend(value.as_text()),
                    }
                }
                if codes.iter().any(|c| catalogue::find(c) == Some(rule)) {
                    return None;
                }
                codes.push(rule.code.to_string());
                let entry = top_entry(text, FILE_SETTINGS_KEY)?;
                let mut out = text[..entry.lines.start].to_string();
                out.push_str(&format!(
                    "{FILE_SETTINGS_KEY}:{newline}  allow: [{}]{newline}",
                    codes.join(", ")
                ));
                out.push_str(&text[entry.lines.end..]);
                out
            }
        };
        self.checked(Fix {
            title: format!("Allow {} ({}) in this file", rule.code, rule.name),
            safety: Safety::Unsafe,
            effect: Effect::Assists,
            rule: Some(rule),
            text: out,
        })
    }

    /// `status: decided`, with today's `decided` date, when the
    /// recommendation holds a go or no-go and the status says otherwise;
    /// written through the same function as `mrd decide`, and the patch
    /// module, which edits only those lines.
    fn set_decided(&self, today: Date) -> Option<Fix> {
        let a = self.assessment?;
        let decision = a.front.decision()?;
        if !matches!(decision, Decision::Go | Decision::NoGo)
            || a.front.status.as_ref().map(|s| s.value) == Some(Status::Decided)
            || self.problems > 0
        {
            // The patch module regenerates a file that has problems, which
            // would lose its comments: no such fix is offered.
            return None;
        }
        let mut desired = a.clone();
        desired.bom = false;
        record_decision(&mut desired.front, decision, today);
        let text = rewrite(&self.source.text, &desired);
        self.checked(Fix {
            title: format!(
                "Set `status: decided` (the decision is {})",
                decision.as_str()
            ),
            safety: Safety::Unsafe,
            effect: Effect::Assists,
            rule: None,
            text,
        })
    }

    /// The fix, if its text reads back with no more problems than the file
    /// had, and differs from it.
    fn checked(&self, fix: Fix) -> Option<Fix> {
        if fix.text == self.source.text {
            return None;
        }
        let parsed = assessment::parse(&Source::from_text(self.source.name.clone(), &*fix.text));
        (parsed.assessment.is_some() && parsed.problems.len() <= self.problems).then_some(fix)
    }
}

/// A key as mrd would compare it loosely: lower case, `-` and spaces as `_`.
fn normalised(key: &str) -> String {
    key.to_lowercase().replace(['-', ' '], "_")
}

/// `text` with the bytes of `pos` replaced by `with`.
fn replaced(text: &str, pos: Pos, with: &str) -> String {
    let mut out = String::with_capacity(text.len() + with.len());
    out.push_str(&text[..pos.offset]);
    out.push_str(with);
    out.push_str(&text[pos.end()..]);
    out
}

/// The smallest single replacement that turns `old` into `new`: the byte
/// range of `old` to replace and the text to put there. Editors apply a fix
/// as this edit, so the cursor and undo history see only what changed.
pub fn minimal_edit<'n>(old: &str, new: &'n str) -> (std::ops::Range<usize>, &'n str) {
    let prefix = old
        .char_indices()
        .zip(new.chars())
        .find(|((_, a), b)| a != b)
        .map_or(old.len().min(new.len()), |((i, _), _)| i);
    let suffix = old[prefix..]
        .chars()
        .rev()
        .zip(new[prefix..].chars().rev())
        .take_while(|(a, b)| a == b)
        .map(|(a, _)| a.len_utf8())
        .sum::<usize>();
    (prefix..old.len() - suffix, &new[prefix..new.len() - suffix])
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lint::{Linter, Settings};

    fn fixes_for(text: &str, code: &str) -> Vec<Fix> {
        let questions = QuestionSet::builtin();
        let settings = Settings::default();
        let linter = Linter::new(&questions, &settings);
        let source = Source::from_text("t.md", text);
        let parsed = assessment::parse(&source);
        let lint = linter.lint(&source, &parsed);
        let fixer = Fixer::new(&source, &parsed, &questions);
        lint.diagnostics
            .iter()
            .filter(|d| d.code() == code)
            .flat_map(|d| fixer.for_finding(d))
            .collect()
    }

    #[test]
    fn a_key_spelt_another_way_is_renamed_safely_and_a_guess_is_unsafe() {
        let text = "---\ntitle: T\nanswers:\n  Target-Market: |  # who\n    Data teams.\n  problme: x\n---\n";
        let fixes: Vec<_> = fixes_for(text, "MRD013")
            .into_iter()
            .filter(|f| f.effect == Effect::Resolves)
            .collect();
        assert_eq!(fixes.len(), 2, "{fixes:#?}");
        assert_eq!(fixes[0].safety, Safety::Safe);
        assert!(fixes[0].text.contains("  target_market: |  # who\n"));
        assert_eq!(fixes[1].safety, Safety::Unsafe);
        assert!(fixes[1].text.contains("  problem: x\n"));
    }

    #[test]
    fn no_rename_onto_a_key_that_is_there() {
        let text = "---\ntitle: T\nanswers:\n  problem: a\n  problme: b\n---\n";
        assert!(
            fixes_for(text, "MRD013")
                .iter()
                .all(|f| f.effect != Effect::Resolves)
        );
    }

    #[test]
    fn the_skeleton_goes_at_the_end_of_the_answers_with_the_questions() {
        let text = "---\ntitle: T\nanswers:\n    problem: |\n        Lots.\n\n# kept\nstatus: draft\n---\nBody\n";
        let fix = fixes_for(text, "MRD003")
            .into_iter()
            .find(|f| f.title.starts_with("Add the missing"))
            .unwrap();
        assert!(fix.text.starts_with(
            "---\ntitle: T\nanswers:\n    problem: |\n        Lots.\n    # Question 2 of 10"
        ));
        assert!(fix.text.contains("    target_market: \"\"\n"));
        assert!(fix.text.ends_with("\n\n# kept\nstatus: draft\n---\nBody\n"));
    }

    #[test]
    fn allowing_a_rule_adds_to_the_list_there_is() {
        let text = "---\ntitle: T\nlint: {allow: [MRD007]}\n---\n";
        let fix = fixes_for(text, "MRD003")
            .into_iter()
            .find(|f| f.title.starts_with("Allow"))
            .unwrap();
        assert!(
            fix.text.contains("lint:\n  allow: [MRD007, MRD003]\n---\n"),
            "{}",
            fix.text
        );
    }

    #[test]
    fn the_smallest_edit_covers_only_what_changed() {
        assert_eq!(minimal_edit("a problme b", "a problem b"), (7..9, "em"));
        assert_eq!(minimal_edit("abc", "abc"), (3..3, ""));
        assert_eq!(minimal_edit("é1", "é2"), (2..3, "2"));
    }
}
