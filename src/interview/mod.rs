//! The interview behind `mrd new` and `mrd edit`: one question of the active
//! set at a time, each answer checked by the linter's own rules and saved
//! before the next question is asked.
//!
//! Crash safety is the point of the design: the file on disk is rewritten
//! atomically after every answer, so Ctrl-C, Esc, a closed terminal or a
//! crash loses at most the answer being typed, and `mrd edit` resumes.

pub mod check;
mod editor;
mod prompt;
pub mod skeleton;

use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};

use crate::assessment::{
    Assessment, Confidence, ConfidenceEntry, GuardedFile, Located, Recommendation, Saved,
    WriteMode, to_markdown,
};
use crate::config::Config;
use crate::error::{Error, Outcome};
use crate::lint;
use crate::questions::Question;
use crate::source::Source;
use crate::summary::Summary;
use crate::yaml::Pos;

pub use check::{Field, Verdict};
pub use prompt::Stop;

/// Whether prompts can be drawn and answered here: standard input, output
/// and error (where the prompts are drawn) are terminals, and `CI` is not set.
pub fn terminal_available() -> bool {
    let ci = std::env::var("CI").is_ok_and(|v| !matches!(v.trim(), "" | "0" | "false"));
    !ci && std::io::stdin().is_terminal()
        && std::io::stdout().is_terminal()
        && std::io::stderr().is_terminal()
}

/// The message for `new` and `edit` when [`terminal_available`] is false.
pub fn no_terminal_message(command: &str) -> String {
    format!(
        "mrd {command} asks its questions in a terminal, and this is not one (standard input or output is redirected, or CI is set).\n\
         Pass the answers as a file instead: mrd new --answers FILE (a YAML file with the front-matter's keys, or `-` for standard input);\n\
         or write an empty skeleton to fill in your editor: mrd new \"Title\" --template-only"
    )
}

/// A path as the user can paste it into a shell.
pub fn shell_quote(path: &Path) -> String {
    let text = path.display().to_string();
    let plain = !text.is_empty()
        && text
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "/._-+:@%,=".contains(c));
    if plain {
        text
    } else {
        format!("'{}'", text.replace('\'', r"'\''"))
    }
}

/// What one step of the interview asks.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Step {
    Title,
    Answer(String),
    Recommendation,
}

/// The interview's state: the assessment as answered so far and where it is saved.
pub struct Interview<'a> {
    config: &'a Config,
    pub path: PathBuf,
    pub assessment: Assessment,
    next_write: WriteMode,
    /// Whether the file has been written by this interview (or existed).
    pub saved: bool,
    editor: Option<String>,
    /// Saves edit the text last read or written, so comments and layout
    /// survive, and only over it, so a change made meanwhile by someone
    /// else is merged or kept, never reverted.
    file: GuardedFile,
}

/// What the text loop edits: an answer, or the recommendation's rationale.
#[derive(Clone, Debug)]
enum Target {
    Answer(String),
    Rationale,
}

impl<'a> Interview<'a> {
    /// `first_write` is `CreateNew` for a new file (never replace one that
    /// appeared meanwhile), `Replace` when editing or with `--force`.
    pub fn new(
        config: &'a Config,
        path: PathBuf,
        assessment: Assessment,
        first_write: WriteMode,
    ) -> Interview<'a> {
        prompt::configure_colors();
        Interview {
            config,
            file: GuardedFile::new(path.clone()),
            path,
            assessment,
            saved: first_write == WriteMode::Replace,
            next_write: first_write,
            editor: editor::command(),
        }
    }

    /// Edits `source` (the file as read) on each save rather than
    /// regenerating the front-matter.
    pub fn editing(mut self, source: &Source) -> Interview<'a> {
        self.file = GuardedFile::read(self.path.clone(), source);
        self
    }

    /// Writes the file as it is now, atomically, changing only the entries
    /// that changed since it was last read or written.
    pub fn save(&mut self) -> Result<(), Error> {
        if let Saved::Merged(merged) = self.file.save(&self.assessment, self.next_write)? {
            // Someone changed other entries meanwhile: go on from their version.
            self.assessment = *merged;
        }
        self.next_write = WriteMode::Replace;
        self.saved = true;
        Ok(())
    }

    pub fn ask(&mut self, step: &Step) -> Result<(), Stop> {
        match step {
            Step::Title => {
                let title = ask_title(self.config, &self.assessment)?;
                self.assessment.front.title = Some(Located::new(title, Pos::default()));
                self.save()?;
            }
            Step::Answer(key) => {
                if let Some(question) = self.config.questions.get(key) {
                    self.ask_answer(&question.clone())?;
                }
            }
            Step::Recommendation => {
                if let Some(question) = self.config.questions.recommendation() {
                    self.ask_recommendation(&question.clone())?;
                }
            }
        }
        Ok(())
    }

    fn ask_answer(&mut self, question: &Question) -> Result<(), Stop> {
        prompt::show_question(question, self.config.questions.len())?;
        let target = Target::Answer(question.key.clone());
        let Some(text) = self.ask_text(question, &target)? else {
            return Ok(());
        };
        self.assessment.front.set_answer(&question.key, text);
        self.save()?;

        let current = self.assessment.front.confidence_of(&question.key);
        if let Some(level) = prompt::confidence(current)? {
            set_confidence(&mut self.assessment, &question.key, level);
            self.save()?;
        }
        Ok(())
    }

    fn ask_recommendation(&mut self, question: &Question) -> Result<(), Stop> {
        prompt::show_question(question, self.config.questions.len())?;
        let decision = prompt::decision(self.assessment.front.decision())?;
        let rec = self
            .assessment
            .front
            .recommendation
            .get_or_insert_with(Recommendation::default);
        rec.decision = Some(Located::new(decision, Pos::default()));
        self.save()?;
        if let Some(text) = self.ask_text(question, &Target::Rationale)? {
            set_target(&mut self.assessment, &Target::Rationale, text);
            self.save()?;
        }
        Ok(())
    }

    /// Asks for an answer until one is accepted: inline, or in the editor
    /// after `:e`. Returns `None` when an optional question is skipped or the
    /// current answer is kept as it is.
    fn ask_text(&mut self, question: &Question, target: &Target) -> Result<Option<String>, Stop> {
        let current = current_text(&self.assessment, target);
        let required = question.required || matches!(target, Target::Rationale);
        let multi_line = current
            .as_deref()
            .is_some_and(|c| c.trim_end().contains('\n'));
        if let Some(current) = current.as_deref().filter(|_| multi_line) {
            prompt::note(
                "Current answer (Enter on an empty line keeps it; :e opens it in your editor):",
            )?;
            let mut err = anstream::stderr().lock();
            for line in current.trim_end().lines() {
                writeln!(err, "  │ {line}")?;
            }
        }
        let mut inline: Option<String> = current.clone().filter(|_| !multi_line);
        let mut in_editor: Option<String> = current.clone();
        let message = match target {
            Target::Answer(_) => "Answer:",
            Target::Rationale => "Rationale (why?):",
        };
        loop {
            let help = self.help(required, multi_line && current.is_some());
            let keep_current = multi_line && current.is_some();
            let check_input = {
                let base = self.assessment.clone();
                let config = self.config.clone();
                let target = target.clone();
                move |input: &str| -> Option<String> {
                    let input = input.trim();
                    if input == ":e" || (input.is_empty() && (keep_current || !required)) {
                        return None;
                    }
                    let verdict = verdict_for(&base, &config, &target, input);
                    if !verdict.errors.is_empty() {
                        return Some(prompt::refusal(&verdict.errors));
                    }
                    if input.is_empty() {
                        return Some(
                            "an answer is needed here; say it in a sentence or two".into(),
                        );
                    }
                    None
                }
            };
            let input = prompt::text(message, &help, inline.as_deref(), check_input)?;
            let input = input.trim().to_string();

            let text = if input == ":e" {
                let Some(editor) = self.editor.clone() else {
                    prompt::note(
                        "no editor found: set $VISUAL or $EDITOR (for example `export EDITOR=nano`), or type the answer here",
                    )?;
                    continue;
                };
                let seed = in_editor.clone().unwrap_or_default();
                match editor::edit(
                    &editor,
                    &seed,
                    &editor_notes(question, self.config.questions.len()),
                ) {
                    Ok(text) => text,
                    Err(err) => {
                        prompt::note(&err.to_string())?;
                        continue;
                    }
                }
            } else if input.is_empty() && keep_current {
                current.clone().unwrap_or_default()
            } else if input.is_empty() && !required {
                return Ok(None);
            } else {
                input
            };

            let verdict = verdict_for(&self.assessment, self.config, target, &text);
            let single_line = !text.contains('\n');
            if !verdict.errors.is_empty() || (required && text.trim().is_empty()) {
                prompt::show_findings(&verdict.errors)?;
                if verdict.errors.is_empty() {
                    prompt::note("an answer is needed here; say it in a sentence or two")?;
                }
                inline = Some(text.clone()).filter(|_| single_line);
                in_editor = Some(text);
                continue;
            }
            if !verdict.warnings.is_empty() {
                prompt::show_findings(&verdict.warnings)?;
                if !prompt::confirm("Keep this answer anyway?", true)? {
                    inline = Some(text.clone()).filter(|_| single_line);
                    in_editor = Some(text);
                    continue;
                }
            }
            if keep_current && Some(&text) == current.as_ref() {
                return Ok(None);
            }
            return Ok(Some(text));
        }
    }

    fn help(&self, required: bool, keeps: bool) -> String {
        let mut help = String::from("Enter saves it");
        match &self.editor {
            Some(editor) => help.push_str(&format!(" · :e writes it in {}", editor_name(editor))),
            None => help.push_str(" · set $EDITOR to write long answers in your editor"),
        }
        if keeps {
            help.push_str(" · empty keeps the current answer");
        } else if !required {
            help.push_str(" · empty skips this optional question");
        }
        help.push_str(" · Ctrl-C stops (answers so far are kept)");
        help
    }

    /// What the user sees when the interview stops early, and its outcome.
    pub fn stopped(&self, stop: Stop) -> Result<Outcome, Error> {
        let (how, outcome) = match stop {
            Stop::Failed(err) => return Err(err),
            Stop::Interrupted => ("interrupted", Outcome::Interrupted),
            Stop::Cancelled => ("stopped", Outcome::Findings),
        };
        let mut err = anstream::stderr().lock();
        writeln!(err)?;
        if self.saved {
            writeln!(
                err,
                "{how}: every answer given so far is saved in {} (status: {})",
                self.path.display(),
                self.assessment
                    .front
                    .status
                    .as_ref()
                    .map_or("draft", |s| s.value.as_str())
            )?;
            writeln!(err, "resume with: mrd edit {}", shell_quote(&self.path))?;
        } else {
            writeln!(err, "{how}: nothing was saved")?;
        }
        Ok(outcome)
    }

    /// The closing screen: the go/no-go summary and the path written.
    pub fn finish(&self, out: &mut dyn Write) -> Result<Outcome, Error> {
        print_summary(out, &self.assessment, self.config, &self.path)?;
        Ok(Outcome::Success)
    }
}

/// After answers changed, whether to revisit the recommendation (`decision` is the current one).
pub fn confirm_revision(decision: crate::assessment::Decision) -> Result<bool, Stop> {
    prompt::confirm(
        &format!("Revise the recommendation (currently {decision})?"),
        false,
    )
}

/// Asks for the title (pre-filled with the current one), checked by the linter.
pub fn ask_title(config: &Config, assessment: &Assessment) -> Result<String, Stop> {
    prompt::configure_colors();
    let base = assessment.clone();
    let set = config.clone();
    let check_title = move |input: &str| -> Option<String> {
        let mut a = base.clone();
        a.front.title = Some(Located::new(input.trim().to_string(), Pos::default()));
        let verdict = check::check(&a, &set, Field::Title);
        if !verdict.errors.is_empty() {
            return Some(prompt::refusal(&verdict.errors));
        }
        input
            .trim()
            .is_empty()
            .then(|| "the assessment needs a title".to_string())
    };
    let title = prompt::text(
        "Title of the opportunity:",
        "a short name, e.g. \"Managed scheduler for self-hosted pipelines\"; it names the file",
        assessment.front.title_text(),
        check_title,
    )?;
    Ok(title.trim().to_string())
}

/// The closing screen: the go/no-go summary as `mrd summary` shows one
/// assessment (decision, readiness, the evidence per question, the risks,
/// lint findings included), then where the file is and what to do next.
pub fn print_summary(
    out: &mut dyn Write,
    assessment: &Assessment,
    config: &Config,
    path: &Path,
) -> Result<(), Error> {
    let name = path.display().to_string();
    let source = Source::from_text(name.clone(), to_markdown(assessment));
    let parsed = crate::assessment::parse(&source);
    let summary = Summary::of_context(&lint::Context {
        source: &source,
        problems: &parsed.problems,
        assessment: parsed.assessment.as_ref(),
        questions: &config.questions,
        settings: &config.lint,
    })
    .unwrap_or_else(|| Summary::of(&assessment.front, &config.questions));
    writeln!(out)?;
    crate::summary::report::detail::write(out, &name, &summary)?;
    writeln!(out)?;
    let status = summary.status.map_or("draft", |s| s.as_str());
    writeln!(out, "wrote {} (status: {status})", path.display())?;
    let quoted = shell_quote(path);
    if summary.is_complete() {
        writeln!(out, "next: mrd lint {quoted}, then mrd render {quoted}")?;
    } else {
        writeln!(out, "next: mrd edit {quoted} to finish it")?;
    }
    Ok(())
}

/// The steps `mrd edit` takes without options: the title if there is none,
/// each required question without a usable answer (empty, or refused by the
/// linter, such as a placeholder), and the recommendation when it is missing
/// or refused.
pub fn unfinished_steps(assessment: &Assessment, config: &Config) -> Vec<Step> {
    let mut steps = Vec::new();
    if !check::check(assessment, config, Field::Title)
        .errors
        .is_empty()
        || assessment
            .front
            .title_text()
            .is_none_or(|t| t.trim().is_empty())
    {
        steps.push(Step::Title);
    }
    for question in config.questions.required_answers() {
        let missing = assessment.front.answer_text(&question.key).is_none();
        if missing
            || !check::check(assessment, config, Field::Answer(&question.key))
                .errors
                .is_empty()
        {
            steps.push(Step::Answer(question.key.clone()));
        }
    }
    if config.questions.recommendation().is_some() {
        let rec = assessment.front.recommendation.as_ref();
        let decided = rec.is_some_and(|r| r.decision.is_some());
        let reasoned = rec
            .and_then(|r| r.rationale.as_ref())
            .is_some_and(|r| !r.value.trim().is_empty());
        let refused = rec.is_some()
            && !check::check(assessment, config, Field::Recommendation)
                .errors
                .is_empty();
        if !decided || !reasoned || refused {
            steps.push(Step::Recommendation);
        }
    }
    steps
}

fn editor_name(editor: &str) -> &str {
    let program = editor.split_whitespace().next().unwrap_or(editor);
    program.rsplit(['/', '\\']).next().unwrap_or(program)
}

fn editor_notes(question: &Question, total: usize) -> String {
    format!(
        "Question {} of {total} · {}\n{}\n\n{}\n\nExample: {}",
        question.number,
        question.short_name,
        question.text,
        question.guidance.trim(),
        question.example.trim()
    )
}

fn current_text(assessment: &Assessment, target: &Target) -> Option<String> {
    let text = match target {
        Target::Answer(key) => assessment.front.answer(key).map(|a| a.text.value.clone()),
        Target::Rationale => assessment
            .front
            .recommendation
            .as_ref()
            .and_then(|r| r.rationale.as_ref())
            .map(|r| r.value.clone()),
    };
    text.filter(|t| !t.trim().is_empty())
}

fn set_target(assessment: &mut Assessment, target: &Target, text: String) {
    match target {
        Target::Answer(key) => assessment.front.set_answer(key, text),
        Target::Rationale => {
            let rec = assessment
                .front
                .recommendation
                .get_or_insert_with(Recommendation::default);
            rec.rationale = Some(Located::new(text, Pos::default()));
        }
    }
}

fn verdict_for(base: &Assessment, config: &Config, target: &Target, text: &str) -> Verdict {
    let mut candidate = base.clone();
    set_target(&mut candidate, target, text.to_string());
    let field = match target {
        Target::Answer(key) => Field::Answer(key),
        Target::Rationale => Field::Recommendation,
    };
    check::check(&candidate, config, field)
}

fn set_confidence(assessment: &mut Assessment, key: &str, level: Confidence) {
    let entries = &mut assessment.front.confidence;
    match entries.iter_mut().find(|c| c.key.value == key) {
        Some(entry) => entry.level.value = level,
        None => entries.push(ConfidenceEntry {
            key: Located::new(key.to_string(), Pos::default()),
            level: Located::new(level, Pos::default()),
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::assessment::parse;
    use crate::source::Source;

    #[test]
    fn paths_are_quoted_only_when_a_shell_needs_it() {
        assert_eq!(
            shell_quote(Path::new("assessments/a-b.md")),
            "assessments/a-b.md"
        );
        assert_eq!(
            shell_quote(Path::new("my docs/it's.md")),
            r"'my docs/it'\''s.md'"
        );
    }

    #[test]
    fn edit_asks_what_is_unanswered_or_refused() {
        let text = "---\ntitle: T\nanswers:\n  problem: Silent cron failures cost a day a month.\n  target_market: ''\nrecommendation:\n  decision: go\n---\n";
        let assessment = parse(&Source::from_text("t.md", text)).assessment.unwrap();
        let steps = unfinished_steps(&assessment, &Config::defaults(std::path::Path::new("")));
        assert_eq!(steps[0], Step::Answer("target_market".into()));
        assert!(!steps.contains(&Step::Answer("problem".into())));
        assert!(!steps.contains(&Step::Title));
        // A decision without a rationale is not finished.
        assert_eq!(steps.last(), Some(&Step::Recommendation));
        assert_eq!(steps.len(), 9);
    }

    #[test]
    fn confidence_is_set_in_place() {
        let mut a = Assessment::new(Default::default(), String::new());
        set_confidence(&mut a, "problem", Confidence::Low);
        set_confidence(&mut a, "problem", Confidence::High);
        assert_eq!(a.front.confidence.len(), 1);
        assert_eq!(a.front.confidence_of("problem"), Some(Confidence::High));
    }
}
