//! The interview behind `mrd new` and `mrd edit`: one question of the active
//! set at a time, each answer checked by the linter's own rules and saved
//! before the next question is asked.
//!
//! Crash safety is the point of the design: the file on disk is rewritten
//! atomically after every answer, so Ctrl-C, Esc, a closed terminal or a
//! crash loses at most the answer being typed, and `mrd edit` resumes.

mod answers;
pub mod check;
mod editor;
pub mod metadata;
mod prompt;
mod screen;
pub mod skeleton;

use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};

use crate::assessment::{
    Assessment, Confidence, ConfidenceEntry, Decision, GuardedFile, Located, Recommendation, Saved,
    Status, WriteMode, to_markdown,
};
use crate::config::Config;
use crate::date::Date;
use crate::error::{Error, Outcome};
use crate::questions::Question;
use crate::source::Source;
use crate::summary::Summary;
use crate::yaml::Pos;

pub use answers::{FromAnswers, from_answers};
pub use check::{Field, Verdict};
pub use metadata::Backlog;
pub use prompt::{Prompter, Reply, Stop};

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

/// `path` as the user would type it from the working directory: the
/// interview's messages and its resume command are meant to be pasted.
pub fn shown(path: &Path) -> PathBuf {
    crate::paths::from_working_dir(path)
}

/// What one step of the interview asks.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Step {
    Title,
    Answer(String),
    /// The confidence of an answer given before the interview stopped at
    /// its confidence prompt.
    Confidence(String),
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
    prompter: Prompter,
    /// `--config` as given on the command line: the resume command repeats it.
    config_arg: Option<PathBuf>,
}

/// What the text loop edits: an answer, or the recommendation's rationale.
#[derive(Clone, Debug)]
enum Target {
    Answer(String),
    Rationale,
}

/// How a text question ended.
#[derive(Debug)]
enum Answered {
    /// A new text, accepted by the linter (or kept despite a warning).
    Text(String),
    /// The current answer is kept as it is.
    Kept,
    /// An optional question skipped: nothing changes, and no confidence is asked.
    Skipped,
    /// Left for later: the question stays unanswered and `mrd edit` asks it.
    Later,
    /// Esc: the interview stops; the text that was at the prompt is kept.
    Leaving(String),
}

impl<'a> Interview<'a> {
    /// `first_write` is `CreateNew` for a new file (never replace one that
    /// appeared meanwhile), `Replace` when editing or with `--force`.
    pub fn new(
        config: &'a Config,
        path: PathBuf,
        assessment: Assessment,
        first_write: WriteMode,
        prompter: Prompter,
    ) -> Interview<'a> {
        Interview {
            config,
            file: GuardedFile::new(path.clone()),
            path,
            assessment,
            saved: first_write == WriteMode::Replace,
            next_write: first_write,
            editor: editor::command(),
            prompter,
            config_arg: None,
        }
    }

    /// Edits `source` (the file as read) on each save rather than
    /// regenerating the front-matter.
    pub fn editing(mut self, source: &Source) -> Interview<'a> {
        self.file = GuardedFile::read(self.path.clone(), source);
        self
    }

    /// The `--config` the command was given, if any.
    pub fn with_config_arg(mut self, config_arg: Option<PathBuf>) -> Interview<'a> {
        self.config_arg = config_arg;
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
                let reply = ask_title(&mut self.prompter, self.config, &self.assessment)?;
                let (title, leaving) = match reply {
                    Reply::Entered(title) => (title, false),
                    Reply::Leaving(title) => (title, true),
                };
                if !title.trim().is_empty() {
                    self.assessment.front.title =
                        Some(Located::new(title.trim().to_string(), Pos::default()));
                    self.save()?;
                }
                if leaving {
                    return Err(Stop::Cancelled);
                }
            }
            Step::Answer(key) => {
                if let Some(question) = self.config.questions.get(key) {
                    self.ask_answer(&question.clone())?;
                }
            }
            Step::Confidence(key) => {
                if let Some(question) = self.config.questions.get(key) {
                    let question = question.clone();
                    prompt::show_question(&question, self.config.questions.len())?;
                    if let Some(answer) = self.assessment.front.answer_text(key) {
                        prompt::note("Your answer (its confidence was not given yet):")?;
                        prompt::quote(&first_lines(answer, 4))?;
                    }
                    self.ask_confidence(key)?;
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

    /// Asks the author, the milestone and the labels, each with a default
    /// Enter accepts (see [`metadata`]), and saves after each.
    pub fn ask_metadata(&mut self, backlog: &Backlog, today: Date) -> Result<(), Stop> {
        self.metadata_heading()?;
        self.ask_author()?;
        self.ask_milestone(backlog, today)?;
        self.ask_labels(backlog)
    }

    /// For `mrd edit`: asks the author and the milestone only where the
    /// file has none (an assessment written before the interview asked
    /// them, or by hand), so the summary and the kickoff can find it. Labels
    /// may be left empty on purpose and are not asked again.
    pub fn ask_missing_metadata(&mut self, backlog: &Backlog, today: Date) -> Result<(), Stop> {
        let front = &self.assessment.front;
        let (author, milestone) = (front.author.is_none(), front.milestone.is_none());
        if !author && !milestone {
            return Ok(());
        }
        self.metadata_heading()?;
        if author {
            self.ask_author()?;
        }
        if milestone {
            self.ask_milestone(backlog, today)?;
        }
        Ok(())
    }

    fn metadata_heading(&mut self) -> Result<(), Stop> {
        prompt::note("")?;
        prompt::note(
            "About the assessment (Enter accepts what is offered; Ctrl-U clears it; empty leaves it unset):",
        )?;
        Ok(())
    }

    fn ask_author(&mut self) -> Result<(), Stop> {
        let dir = self.path.parent().filter(|p| !p.as_os_str().is_empty());
        let author = metadata::git_author(dir.unwrap_or(Path::new(".")));
        let author_help = match &author {
            Some(_) => "from git config user.name",
            None => "your name as the team knows it (git config user.name is not set)",
        };
        let reply = self.prompter.text(
            prompt::Ask::new("Author:", author_help).initial(author.as_deref().unwrap_or("")),
        )?;
        self.keep_metadata(reply, |front, text| {
            front.author = Some(Located::new(text.to_string(), Pos::default()));
        })
    }

    fn ask_milestone(&mut self, backlog: &Backlog, today: Date) -> Result<(), Stop> {
        let pattern = self.config.kickoff.milestone_pattern.as_deref();
        let current = backlog.current_milestone(today, pattern);
        let choices = backlog.milestone_choices(current.as_deref());
        let mut milestone_help = match &current {
            Some(name) => format!("{name} is this week's"),
            None => "this week's milestone".to_string(),
        };
        if !backlog.milestones.is_empty() {
            milestone_help.push_str(&format!(
                " · used in the backlog: {}",
                listed(&backlog.milestones, 6)
            ));
        }
        milestone_help.push_str(" · Tab completes");
        let reply = self.prompter.text(
            prompt::Ask::new("Milestone:", &milestone_help)
                .initial(current.as_deref().unwrap_or(""))
                .completions(choices),
        )?;
        self.keep_metadata(reply, |front, text| {
            front.milestone = Some(Located::new(text.to_string(), Pos::default()));
        })
    }

    fn ask_labels(&mut self, backlog: &Backlog) -> Result<(), Stop> {
        let labels_help = if backlog.labels.is_empty() {
            "comma-separated, for example `platform, billing` · empty for none".to_string()
        } else {
            format!(
                "comma-separated · used in the backlog: {} · Tab completes · empty for none",
                listed(&backlog.labels, 8)
            )
        };
        let reply = self
            .prompter
            .text(prompt::Ask::new("Labels:", &labels_help).completions(backlog.labels.clone()))?;
        self.keep_metadata(reply, |front, text| {
            front.labels = metadata::parse_labels(text)
                .into_iter()
                .map(|l| Located::new(l, Pos::default()))
                .collect();
        })
    }

    /// Stores a metadata reply (when it says something) and saves; stops
    /// the interview when the user is leaving.
    fn keep_metadata(
        &mut self,
        reply: Reply,
        set: impl FnOnce(&mut crate::assessment::FrontMatter, &str),
    ) -> Result<(), Stop> {
        let (text, leaving) = match reply {
            Reply::Entered(text) => (text, false),
            Reply::Leaving(text) => (text, true),
        };
        if !text.trim().is_empty() {
            set(&mut self.assessment.front, text.trim());
            self.save()?;
        }
        if leaving {
            return Err(Stop::Cancelled);
        }
        Ok(())
    }

    fn ask_answer(&mut self, question: &Question) -> Result<(), Stop> {
        prompt::show_question(question, self.config.questions.len())?;
        let target = Target::Answer(question.key.clone());
        match self.ask_text(question, &target)? {
            Answered::Text(text) => {
                self.assessment.front.set_answer(&question.key, text);
                self.save()?;
            }
            Answered::Kept => {}
            Answered::Skipped => return Ok(()),
            Answered::Later => {
                prompt::note(&format!(
                    "left for later: question {} stays unanswered, and mrd edit {} asks it",
                    question.number,
                    shell_quote(&shown(&self.path))
                ))?;
                return Ok(());
            }
            Answered::Leaving(text) => {
                if !text.is_empty() {
                    self.assessment.front.set_answer(&question.key, text);
                    self.save()?;
                }
                return Err(Stop::Cancelled);
            }
        }
        self.ask_confidence(&question.key)
    }

    fn ask_confidence(&mut self, key: &str) -> Result<(), Stop> {
        let current = self.assessment.front.confidence_of(key);
        if let Some(level) = prompt::confidence(&mut self.prompter, current)? {
            set_confidence(&mut self.assessment, key, level);
            self.save()?;
        }
        Ok(())
    }

    fn ask_recommendation(&mut self, question: &Question) -> Result<(), Stop> {
        prompt::show_question(question, self.config.questions.len())?;
        let decision = prompt::decision(&mut self.prompter, self.assessment.front.decision())?;
        let status_before = self.assessment.front.status.clone();
        // The status and the `decided` date change with the decision.
        crate::assessment::record_decision(
            &mut self.assessment.front,
            decision,
            crate::date::Date::today(),
        );
        self.save()?;
        match self.ask_text(question, &Target::Rationale)? {
            Answered::Text(text) => {
                set_target(&mut self.assessment, &Target::Rationale, text);
                self.save()?;
            }
            Answered::Kept | Answered::Skipped | Answered::Later => {}
            Answered::Leaving(text) => {
                if !text.is_empty() {
                    set_target(&mut self.assessment, &Target::Rationale, text);
                    self.save()?;
                }
                return Err(Stop::Cancelled);
            }
        }
        if matches!(decision, Decision::Go | Decision::NoGo) {
            self.offer_decided_status(decision, status_before)?;
        }
        Ok(())
    }

    /// After a go or no-go, offers to record that the decision is taken:
    /// `record_decision` has set `status: decided`; declining puts back the
    /// status it had (`before`). The `decided` date stays: the decision was
    /// made today either way.
    fn offer_decided_status(
        &mut self,
        decision: Decision,
        before: Option<Located<Status>>,
    ) -> Result<(), Stop> {
        if before.as_ref().map(|s| s.value) == Some(Status::Decided) {
            return Ok(());
        }
        let question = format!(
            "The decision is {decision}: mark the assessment as decided (status: decided)?"
        );
        if self.prompter.confirm(&question, true)? {
            mark_decided(&mut self.assessment);
        } else {
            self.assessment.front.status = before;
        }
        self.save()?;
        Ok(())
    }

    /// Asks for an answer until one is accepted: inline, or in the editor
    /// after `:e`; an empty answer to a required question offers to leave it
    /// for later.
    fn ask_text(&mut self, question: &Question, target: &Target) -> Result<Answered, Stop> {
        let current = current_text(&self.assessment, target);
        let required = question.required || matches!(target, Target::Rationale);
        let multi_line = current
            .as_deref()
            .is_some_and(|c| c.trim_end().contains('\n'));
        let keep_current = multi_line && current.is_some();
        if let Some(current) = current.as_deref().filter(|_| keep_current) {
            prompt::note(
                "Current answer (Enter on an empty line keeps it; :e opens it in your editor):",
            )?;
            prompt::quote(&first_lines(current, usize::MAX))?;
        }
        // What goes back at the prompt: one line only.
        let mut inline: Option<String> = current.clone().filter(|_| !multi_line);
        // A text of several lines that cannot be shown at the prompt (the
        // current answer, or one the linter refused): `:e` alone opens it.
        let mut pending: Option<String> = current.clone().filter(|_| multi_line);
        let message = match target {
            Target::Answer(_) => "Answer:",
            Target::Rationale => "Rationale (why?):",
        };
        loop {
            let help = self.help(required, keep_current, pending.is_some() && !keep_current);
            let check_input = {
                let base = self.assessment.clone();
                let config = self.config.clone();
                let target = target.clone();
                move |input: &str| -> Option<String> {
                    let input = input.trim();
                    if input.is_empty() || editor_request(input).is_some() {
                        return None;
                    }
                    let verdict = verdict_for(&base, &config, &target, input);
                    (!verdict.errors.is_empty()).then(|| prompt::refusal(&verdict.errors))
                }
            };
            let ask = prompt::Ask::new(message, &help)
                .initial(inline.as_deref().unwrap_or(""))
                .check(check_input);
            let input = match self.prompter.text(ask)? {
                Reply::Entered(text) => text.trim().to_string(),
                Reply::Leaving(text) => return Ok(Answered::Leaving(text.trim().to_string())),
            };

            let text = if let Some(typed) = editor_request(&input) {
                let seed = if typed.is_empty() {
                    pending.clone().unwrap_or_default()
                } else {
                    typed.to_string()
                };
                match self.write_in_editor(question, &seed)? {
                    Some(text) => text,
                    None => {
                        inline = Some(typed.to_string()).filter(|t| !t.is_empty());
                        continue;
                    }
                }
            } else {
                input
            };

            if text.trim().is_empty() {
                if keep_current {
                    return Ok(Answered::Kept);
                }
                if !required {
                    return Ok(Answered::Skipped);
                }
                let what = match target {
                    Target::Answer(_) => "this question",
                    Target::Rationale => "the rationale",
                };
                if self
                    .prompter
                    .confirm(&format!("Leave {what} for later?"), true)?
                {
                    // A question answered before keeps its answer.
                    return Ok(if current.is_some() {
                        Answered::Skipped
                    } else {
                        Answered::Later
                    });
                }
                inline = None;
                continue;
            }

            let verdict = verdict_for(&self.assessment, self.config, target, &text);
            let single_line = !text.contains('\n');
            if !verdict.errors.is_empty() {
                prompt::show_findings(&verdict.errors)?;
                if !single_line {
                    prompt::note("your text is kept: type :e to open it again")?;
                }
                inline = Some(text.clone()).filter(|_| single_line);
                pending = Some(text).filter(|_| !single_line);
                continue;
            }
            if !verdict.warnings.is_empty() {
                prompt::show_findings(&verdict.warnings)?;
                if !self.prompter.confirm("Keep this answer anyway?", true)? {
                    inline = Some(text.clone()).filter(|_| single_line);
                    pending = Some(text).filter(|_| !single_line);
                    continue;
                }
            }
            if current.as_ref() == Some(&text) {
                return Ok(Answered::Kept);
            }
            return Ok(Answered::Text(text));
        }
    }

    /// Opens the editor on `seed`; shows the first lines of what was saved.
    /// `None` when there is no editor or it failed (the reason is shown).
    fn write_in_editor(&mut self, question: &Question, seed: &str) -> Result<Option<String>, Stop> {
        let Some(editor) = self.editor.clone() else {
            prompt::note(
                "no editor found: set $VISUAL or $EDITOR (for example `export EDITOR=nano`), or type the answer here",
            )?;
            return Ok(None);
        };
        match editor::edit(
            &editor,
            seed,
            &editor_notes(question, self.config.questions.len()),
        ) {
            Ok(text) => {
                let lines = text.lines().count();
                if text.trim().is_empty() {
                    prompt::note(&format!("{} saved an empty answer", editor_name(&editor)))?;
                } else {
                    let noun = if lines == 1 { "line" } else { "lines" };
                    prompt::note(&format!("From {} ({lines} {noun}):", editor_name(&editor)))?;
                    prompt::quote(&first_lines(&text, 4))?;
                }
                Ok(Some(text))
            }
            Err(err) => {
                prompt::note(&err.to_string())?;
                Ok(None)
            }
        }
    }

    fn help(&self, required: bool, keeps: bool, pending: bool) -> String {
        let mut help = String::from("Enter saves it");
        match &self.editor {
            Some(editor) if pending => help.push_str(&format!(
                " · :e opens your text again in {}",
                editor_name(editor)
            )),
            Some(editor) => help.push_str(&format!(" · :e writes it in {}", editor_name(editor))),
            None => help.push_str(" · set $EDITOR to write long answers in your editor"),
        }
        if keeps {
            help.push_str(" · empty keeps the current answer");
        } else if !required {
            help.push_str(" · empty skips this optional question");
        } else {
            help.push_str(" · empty leaves it for later");
        }
        help.push_str(" · Esc or Ctrl-C stops (answers so far are kept)");
        help
    }

    /// The resume command, with `--config` when the command had one.
    fn resume_command(&self) -> String {
        let mut command = format!("mrd edit {}", shell_quote(&shown(&self.path)));
        if let Some(config) = &self.config_arg {
            command.push_str(&format!(" --config {}", shell_quote(&shown(config))));
        }
        command
    }

    /// What the user sees when the interview stops early, and its outcome.
    pub fn stopped(&mut self, stop: Stop) -> Result<Outcome, Error> {
        let (how, outcome) = match stop {
            Stop::Failed(err) => return Err(err),
            Stop::Interrupted => ("interrupted", Outcome::Interrupted),
            Stop::Cancelled => ("stopped", Outcome::Findings),
        };
        let width = screen::width();
        let mut lines = Vec::new();
        if let Some(unsent) = self.prompter.unsent.take() {
            lines.extend(screen::wrap_with(
                &format!("not saved, as it was never sent: {}", unsent.trim()),
                width,
                "",
                "  ",
            ));
        }
        if self.saved {
            lines.extend(screen::wrap_with(
                &format!(
                    "{how}: every answer given so far is saved in {} (status: {})",
                    shown(&self.path).display(),
                    self.assessment
                        .front
                        .status
                        .as_ref()
                        .map_or("draft", |s| s.value.as_str())
                ),
                width,
                "",
                "  ",
            ));
            lines.push(format!("resume with: {}", self.resume_command()));
        } else {
            lines.push(format!("{how}: nothing was saved"));
        }
        let mut err = anstream::stderr().lock();
        writeln!(err)?;
        for line in lines {
            writeln!(err, "{line}")?;
        }
        Ok(outcome)
    }

    /// After answers changed, whether to revisit the recommendation.
    pub fn confirm_revision(&mut self, decision: Decision) -> Result<bool, Stop> {
        self.prompter.confirm(
            &format!("Revise the recommendation (currently {decision})?"),
            false,
        )
    }

    /// The closing screen: the go/no-go summary and the path written.
    pub fn finish(&self, out: &mut dyn Write) -> Result<Outcome, Error> {
        print_summary(out, &self.assessment, self.config, &self.path)?;
        Ok(Outcome::Success)
    }
}

/// Sets `status: decided`. One place, so that what else a decision records
/// (a date) joins it here.
pub fn mark_decided(assessment: &mut Assessment) {
    assessment.front.status = Some(Located::new(Status::Decided, Pos::default()));
}

/// A comma-separated list of at most `max` names, saying how many more.
fn listed(names: &[String], max: usize) -> String {
    let mut text = names
        .iter()
        .take(max)
        .cloned()
        .collect::<Vec<_>>()
        .join(", ");
    if names.len() > max {
        text.push_str(&format!(" and {} more", names.len() - max));
    }
    text
}

/// The first `max` lines of `text`, each cut to the screen, and how many
/// more there are.
fn first_lines(text: &str, max: usize) -> Vec<String> {
    let width = screen::width().saturating_sub(4);
    let all: Vec<&str> = text.trim_end().lines().collect();
    let mut lines: Vec<String> = all
        .iter()
        .take(max)
        .map(|l| screen::clip(l, width))
        .collect();
    if all.len() > max {
        let more = all.len() - max;
        lines.push(format!(
            "… {more} more line{}",
            if more == 1 { "" } else { "s" }
        ));
    }
    lines
}

/// `:e` alone, or at the end of a text: the text typed before it (maybe
/// empty) goes into the editor.
fn editor_request(input: &str) -> Option<&str> {
    let input = input.trim();
    if input == ":e" {
        return Some("");
    }
    input
        .strip_suffix(":e")
        .filter(|before| before.ends_with(char::is_whitespace))
        .map(str::trim_end)
}

/// Asks for the title (pre-filled with the current one), checked by the linter.
pub fn ask_title(
    prompter: &mut Prompter,
    config: &Config,
    assessment: &Assessment,
) -> Result<Reply, Stop> {
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
    let reply = prompter.text(
        prompt::Ask::new(
            "Title of the opportunity:",
            "a short name, e.g. \"Managed scheduler for self-hosted pipelines\"; it names the file",
        )
        .initial(assessment.front.title_text().unwrap_or(""))
        .check(check_title),
    )?;
    Ok(match reply {
        Reply::Entered(title) => Reply::Entered(title.trim().to_string()),
        Reply::Leaving(title) => Reply::Leaving(title.trim().to_string()),
    })
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
    let path = &shown(path);
    let name = path.display().to_string();
    let source = Source::from_text(name.clone(), to_markdown(assessment));
    let parsed = crate::assessment::parse(&source);
    let linter = config.linter();
    let summary = match &parsed.assessment {
        Some(written) => Summary::linted(&source, written, &linter),
        None => Summary::of(assessment, &config.questions),
    };
    writeln!(out)?;
    let mut detail = Vec::new();
    crate::summary::report::detail::write(&mut detail, &name, &summary)?;
    write_fitted(out, &String::from_utf8_lossy(&detail))?;
    writeln!(out)?;
    let status = summary.status.map_or("draft", |s| s.as_str());
    let quoted = shell_quote(path);
    let next = if summary.is_complete() {
        format!("next: mrd lint {quoted}, then mrd render {quoted}")
    } else {
        format!("next: mrd edit {quoted} to finish it")
    };
    write_fitted(
        out,
        &format!("wrote {} (status: {status})\n{next}", path.display()),
    )?;
    Ok(())
}

/// `text` with every line that is wider than the screen wrapped under its
/// own indentation (without its colours: a wrapped line is rare, and
/// splitting escape sequences is not worth the risk).
fn write_fitted(out: &mut dyn Write, text: &str) -> std::io::Result<()> {
    use unicode_width::UnicodeWidthStr;
    let width = screen::width();
    for line in text.lines() {
        let plain = anstream::adapter::strip_str(line).to_string();
        if plain.width() <= width {
            writeln!(out, "{line}")?;
            continue;
        }
        let indent = " ".repeat(plain.len() - plain.trim_start().len());
        let rest = format!("{indent}  ");
        for wrapped in screen::wrap_with(plain.trim_start(), width, &indent, &rest) {
            writeln!(out, "{wrapped}")?;
        }
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
    if let Some(key) = interrupted_confidence(assessment, config, &steps) {
        let number = |key: &str| config.questions.get(key).map_or(0, |q| q.number);
        let at = steps
            .iter()
            .position(|s| match s {
                Step::Answer(k) => number(k) > number(&key),
                Step::Recommendation => true,
                Step::Title | Step::Confidence(_) => false,
            })
            .unwrap_or(steps.len());
        steps.insert(at, Step::Confidence(key));
    }
    steps
}

/// The answer whose confidence prompt an interview left unanswered: the
/// interview asks in order, so when it stopped early (something is left to
/// ask) and the last answer given has no confidence, it stopped there. (A
/// confidence skipped on purpose is offered once more; skip keeps it unset.)
fn interrupted_confidence(
    assessment: &Assessment,
    config: &Config,
    steps: &[Step],
) -> Option<String> {
    if steps.is_empty() {
        return None;
    }
    let front = &assessment.front;
    let last = config
        .questions
        .answer_questions()
        .filter(|q| front.answer_text(&q.key).is_some())
        .last()?;
    let usable = !steps.contains(&Step::Answer(last.key.clone()));
    (usable && front.confidence_of(&last.key).is_none()).then(|| last.key.clone())
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
        // The interview stopped at the confidence of its last answer.
        assert_eq!(steps[0], Step::Confidence("problem".into()));
        assert_eq!(steps[1], Step::Answer("target_market".into()));
        assert!(!steps.contains(&Step::Answer("problem".into())));
        assert!(!steps.contains(&Step::Title));
        // A decision without a rationale is not finished.
        assert_eq!(steps.last(), Some(&Step::Recommendation));
        assert_eq!(steps.len(), 10);
    }

    #[test]
    fn only_the_last_answer_without_a_confidence_is_asked_again() {
        let text = "---\ntitle: T\nanswers:\n  problem: Silent cron failures cost a day a month.\n  market_size: About 12,000 installs at $99 a month.\nconfidence:\n  market_size: low\n---\n";
        let assessment = parse(&Source::from_text("t.md", text)).assessment.unwrap();
        let steps = unfinished_steps(&assessment, &Config::defaults(std::path::Path::new("")));
        assert!(
            !steps.iter().any(|s| matches!(s, Step::Confidence(_))),
            "{steps:?}"
        );

        let text = text.replace("  market_size: low\n", "  problem: high\n");
        let assessment = parse(&Source::from_text("t.md", text)).assessment.unwrap();
        let steps = unfinished_steps(&assessment, &Config::defaults(std::path::Path::new("")));
        // In question order: after target_market (2), before alternatives (4).
        assert_eq!(
            &steps[..3],
            [
                Step::Answer("target_market".into()),
                Step::Confidence("market_size".into()),
                Step::Answer("alternatives".into())
            ]
        );
    }

    #[test]
    fn the_editor_is_asked_for_alone_or_after_the_text() {
        assert_eq!(editor_request(":e"), Some(""));
        assert_eq!(
            editor_request(" Teams lose a day :e "),
            Some("Teams lose a day")
        );
        assert_eq!(editor_request("see:e"), None);
        assert_eq!(editor_request("an answer"), None);
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
