//! The prompts, read with `rustyline` on the terminal.
//!
//! A prompt edits as a shell does (Ctrl-A/E start and end, Ctrl-U/K kill to
//! the start and the end, Ctrl-W the word before, Alt-B/F a word back and
//! forward), takes a multi-line paste as one answer (bracketed paste), and
//! never turns a control key into a letter. `inquire`, used before, offers no
//! way to bind keys and types the letter of any Ctrl key it does not know
//! (see docs/decisions.md).
//!
//! Ctrl-C and Esc become a [`Stop`], so the interview can save what it has
//! and say how to resume; what was at the prompt is never dropped silently
//! (Esc asks before leaving and keeps it, Ctrl-C prints it).
//!
//! One line editor serves the whole interview, so keys typed ahead of a
//! prompt wait for it rather than being lost between two prompts.

use std::borrow::Cow;
use std::io::Write;
use std::sync::{Arc, Mutex};

use anstyle::{AnsiColor, Style};
use rustyline::completion::Completer;
use rustyline::error::ReadlineError;
use rustyline::highlight::{CmdKind, Highlighter};
use rustyline::hint::{Hint, Hinter};
use rustyline::history::DefaultHistory;
use rustyline::validate::{ValidationContext, ValidationResult, Validator};
use rustyline::{
    Behavior, Cmd, ColorMode, ConditionalEventHandler, Config, Context, EditMode, Editor, Event,
    EventContext, EventHandler, KeyCode, KeyEvent, Modifiers, Movement, RepeatCount,
};

use crate::assessment::{Confidence, Decision};
use crate::diagnostic::Diagnostic;
use crate::error::Error;
use crate::interview::screen;
use crate::questions::Question;

/// Why the interview ended before its last question.
#[derive(Debug)]
pub enum Stop {
    /// Ctrl-C at a prompt.
    Interrupted,
    /// Esc at a prompt (after confirming, when something was typed).
    Cancelled,
    /// The terminal or a file failed.
    Failed(Error),
}

impl From<Error> for Stop {
    fn from(err: Error) -> Stop {
        Stop::Failed(err)
    }
}

impl From<std::io::Error> for Stop {
    fn from(err: std::io::Error) -> Stop {
        Stop::Failed(Error::Output(err))
    }
}

/// What a text prompt gave.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Reply {
    /// Enter, and the check accepted it.
    Entered(String),
    /// Esc: the user leaves the interview. The text is what was at the
    /// prompt (empty if nothing was), for the caller to keep.
    Leaving(String),
}

/// After this long without a second byte, an Esc is the Esc key and not the
/// start of Alt-B or an arrow key (terminals send those in one write).
const ESC_TIMEOUT_MS: u16 = 60;

/// Which key stopped a prompt, and the text that was at it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum StopKey {
    Esc,
    CtrlC,
}

type Seen = Arc<Mutex<Option<(StopKey, String)>>>;

/// Remembers the key and the line, then stops the prompt.
struct CatchStop {
    key: StopKey,
    seen: Seen,
}

impl ConditionalEventHandler for CatchStop {
    fn handle(&self, _: &Event, _: RepeatCount, _: bool, ctx: &EventContext) -> Option<Cmd> {
        if let Ok(mut seen) = self.seen.lock() {
            *seen = Some((self.key, ctx.line().to_string()));
        }
        Some(Cmd::Interrupt)
    }
}

/// ↑ and ↓ step through the choices of a choice prompt (and do what they
/// always do elsewhere).
struct StepChoice {
    step: isize,
    choices: Arc<Mutex<Vec<String>>>,
}

impl ConditionalEventHandler for StepChoice {
    fn handle(&self, _: &Event, _: RepeatCount, _: bool, ctx: &EventContext) -> Option<Cmd> {
        let choices = self.choices.lock().ok()?;
        if choices.is_empty() {
            return None;
        }
        let len = choices.len() as isize;
        let next = match choices.iter().position(|c| c == ctx.line().trim()) {
            Some(i) => (i as isize + self.step).rem_euclid(len),
            None if self.step > 0 => 0,
            None => len - 1,
        };
        Some(Cmd::Replace(
            Movement::WholeBuffer,
            Some(choices[next as usize].clone()),
        ))
    }
}

/// The help shown under the input while typing. Not an inline suggestion:
/// → at the end of the line must not paste it into the answer.
struct HelpLine(String);

impl Hint for HelpLine {
    fn display(&self) -> &str {
        &self.0
    }

    fn completion(&self) -> Option<&str> {
        None
    }
}

type Check = Box<dyn Fn(&str) -> Option<String>>;

/// What the current prompt knows besides its text: its help, its check and
/// what Tab completes.
#[derive(Default)]
struct Assist {
    /// Shown under the input, already wrapped, each line after a newline.
    help: String,
    /// The prompt's width in columns, to know where the input ends.
    prompt_width: usize,
    check: Option<Check>,
    completions: Vec<String>,
    color: bool,
}

impl Completer for Assist {
    type Candidate = String;

    /// Completes the item being typed: the whole line, or what follows the
    /// last comma of a list (labels).
    fn complete(
        &self,
        line: &str,
        pos: usize,
        _: &Context<'_>,
    ) -> rustyline::Result<(usize, Vec<String>)> {
        let start = line[..pos].rfind(',').map_or(0, |i| i + 1);
        let typed = &line[start..pos];
        let start = start + (typed.len() - typed.trim_start().len());
        let typed = typed.trim_start().to_lowercase();
        let found = self
            .completions
            .iter()
            .filter(|c| c.to_lowercase().starts_with(&typed))
            .cloned()
            .collect();
        Ok((start, found))
    }
}

impl Hinter for Assist {
    type Hint = HelpLine;

    fn hint(&self, line: &str, _: usize, _: &Context<'_>) -> Option<HelpLine> {
        (!self.help.is_empty()).then(|| HelpLine(self.below(line, &self.help)))
    }
}

impl Assist {
    /// `lines` (each starting with a newline) placed under `line`. When the
    /// prompt and the input fill the last row exactly, the terminal is
    /// already about to start a new row: a newline there would leave an
    /// empty row that the line editor does not count, and its next redraw
    /// would climb one row too high, over the question's text.
    fn below(&self, line: &str, lines: &str) -> String {
        if ends_at_edge(self.prompt_width, line, screen::columns()) {
            lines.strip_prefix('\n').unwrap_or(lines).to_string()
        } else {
            lines.to_string()
        }
    }
}

/// Whether a prompt `prompt_width` wide followed by `line` ends exactly at
/// the right edge of a `columns`-wide terminal (rows are counted as the line
/// editor counts them: a wide character never straddles two rows).
fn ends_at_edge(prompt_width: usize, line: &str, columns: usize) -> bool {
    use unicode_width::UnicodeWidthChar;
    let mut col = prompt_width % columns;
    let mut any = prompt_width > 0;
    for c in line.chars() {
        if c == '\n' {
            col = 0;
            any = false;
            continue;
        }
        let w = c.width().unwrap_or(0);
        col += w;
        any = true;
        if col > columns {
            col = w;
        }
    }
    any && col == columns
}

impl Highlighter for Assist {
    fn highlight_prompt<'b, 's: 'b, 'p: 'b>(
        &'s self,
        prompt: &'p str,
        _default: bool,
    ) -> Cow<'b, str> {
        match prompt.strip_prefix("? ").filter(|_| self.color) {
            Some(rest) => {
                let mark = Style::new().bold().fg_color(Some(AnsiColor::Green.into()));
                Cow::Owned(format!("{mark}?{mark:#} {rest}"))
            }
            None => Cow::Borrowed(prompt),
        }
    }

    fn highlight_hint<'h>(&self, hint: &'h str) -> Cow<'h, str> {
        // Refusals come styled already; the help is dimmed.
        if !self.color || hint.contains('\x1b') {
            return Cow::Borrowed(hint);
        }
        let dim = Style::new().dimmed();
        Cow::Owned(format!("{dim}{hint}{dim:#}"))
    }

    fn highlight_char(&self, _: &str, _: usize, _: CmdKind) -> bool {
        false
    }
}

impl Validator for Assist {
    fn validate(&self, ctx: &mut ValidationContext<'_>) -> rustyline::Result<ValidationResult> {
        let Some(check) = &self.check else {
            return Ok(ValidationResult::Valid(None));
        };
        Ok(match check(ctx.input()) {
            Some(reason) => ValidationResult::Invalid(Some(
                self.below(ctx.input(), &refusal_lines(&reason, self.color)),
            )),
            None => ValidationResult::Valid(None),
        })
    }
}

impl rustyline::Helper for Assist {}

/// A refusal under the input: wrapped, in red when colour is on.
fn refusal_lines(reason: &str, color: bool) -> String {
    let lines = screen::wrap_with(reason, screen::width(), "✗ ", "  ");
    let style = if color {
        Style::new().fg_color(Some(AnsiColor::Red.into()))
    } else {
        Style::new()
    };
    lines
        .iter()
        .map(|l| format!("\n{style}{l}{style:#}"))
        .collect()
}

/// What a prompt asks, besides its text.
pub struct Ask<'a> {
    pub message: &'a str,
    pub help: &'a str,
    pub initial: &'a str,
    /// Returns the reason to refuse the text, if any.
    pub check: Option<Check>,
    /// What Tab offers.
    pub completions: Vec<String>,
}

impl<'a> Ask<'a> {
    pub fn new(message: &'a str, help: &'a str) -> Ask<'a> {
        Ask {
            message,
            help,
            initial: "",
            check: None,
            completions: Vec::new(),
        }
    }

    pub fn initial(mut self, initial: &'a str) -> Ask<'a> {
        self.initial = initial;
        self
    }

    pub fn check(mut self, check: impl Fn(&str) -> Option<String> + 'static) -> Ask<'a> {
        self.check = Some(Box::new(check));
        self
    }

    pub fn completions(mut self, completions: Vec<String>) -> Ask<'a> {
        self.completions = completions;
        self
    }
}

/// The terminal the interview talks through.
pub struct Prompter {
    editor: Editor<Assist, DefaultHistory>,
    seen: Seen,
    choices: Arc<Mutex<Vec<String>>>,
    color: bool,
    /// What was at the prompt when Ctrl-C stopped the interview: printed
    /// with the resume hint, so it can be copied back.
    pub unsent: Option<String>,
}

/// Whether the interview's own output is coloured: `--color` and `NO_COLOR`,
/// as for the rest of the output.
fn color_enabled() -> bool {
    anstream::AutoStream::choice(&std::io::stderr()) != anstream::ColorChoice::Never
        && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
}

impl Prompter {
    pub fn new() -> Result<Prompter, Error> {
        let color = color_enabled();
        let config = Config::builder()
            .edit_mode(EditMode::Emacs)
            .keyseq_timeout(Some(ESC_TIMEOUT_MS))
            .auto_add_history(false)
            .color_mode(if color {
                ColorMode::Enabled
            } else {
                ColorMode::Disabled
            })
            // Draw on the terminal itself, never on standard output.
            .behavior(Behavior::PreferTerm)
            .build();
        let mut editor: Editor<Assist, DefaultHistory> =
            Editor::with_config(config).map_err(|err| {
                Error::Usage(format!("the interview cannot use this terminal: {err}"))
            })?;
        let seen: Seen = Arc::default();
        let choices: Arc<Mutex<Vec<String>>> = Arc::default();
        for (key, which) in [
            (KeyEvent(KeyCode::Esc, Modifiers::NONE), StopKey::Esc),
            (KeyEvent::ctrl('C'), StopKey::CtrlC),
        ] {
            editor.bind_sequence(
                key,
                EventHandler::Conditional(Box::new(CatchStop {
                    key: which,
                    seen: seen.clone(),
                })),
            );
        }
        // Quoted insert would put the next key in as it is, a control
        // character included, into an answer meant for Markdown.
        for letter in ['V', 'Q'] {
            editor.bind_sequence(KeyEvent::ctrl(letter), EventHandler::Simple(Cmd::Noop));
        }
        for (key, step) in [(KeyCode::Up, -1), (KeyCode::Down, 1)] {
            editor.bind_sequence(
                KeyEvent(key, Modifiers::NONE),
                EventHandler::Conditional(Box::new(StepChoice {
                    step,
                    choices: choices.clone(),
                })),
            );
        }
        editor.set_helper(Some(Assist {
            color,
            ..Assist::default()
        }));
        Ok(Prompter {
            editor,
            seen,
            choices,
            color,
            unsent: None,
        })
    }

    pub fn color(&self) -> bool {
        self.color
    }

    /// Reads one line of text. Esc with text at the prompt asks before
    /// leaving, and goes back to the text if the answer is no.
    pub fn text(&mut self, ask: Ask<'_>) -> Result<Reply, Stop> {
        let help = help_lines(ask.help);
        let mut initial = ask.initial.to_string();
        let mut check = ask.check;
        loop {
            self.set_choices(Vec::new());
            if let Some(assist) = self.editor.helper_mut() {
                assist.help = help.clone();
                assist.check = check.take();
                assist.completions = ask.completions.clone();
            }
            let read = self.read(ask.message, &initial);
            check = self.editor.helper_mut().and_then(|a| a.check.take());
            match read? {
                Read::Line(text) => return Ok(Reply::Entered(text)),
                Read::Esc(text) if text.trim().is_empty() => {
                    return Ok(Reply::Leaving(String::new()));
                }
                Read::Esc(text) => {
                    let leave = self.choose_or_back(
                        "Leave the interview now? What you typed is kept",
                        &["yes", "no"],
                        Some(1),
                        "yes: saved as it is, resume later with mrd edit · no (or Esc): back to your text",
                    )?;
                    if leave == Some(0) {
                        return Ok(Reply::Leaving(text));
                    }
                    initial = text;
                }
            }
        }
    }

    /// One of `options` (their index): typed in full or by a unique start,
    /// chosen with ↑↓ or completed with Tab. Enter alone picks `default`.
    pub fn choose(
        &mut self,
        message: &str,
        options: &[&str],
        default: Option<usize>,
        help: &str,
    ) -> Result<usize, Stop> {
        match self.choose_or_back(message, options, default, help)? {
            Some(i) => Ok(i),
            None => Err(Stop::Cancelled),
        }
    }

    /// As [`Prompter::choose`]; `None` when Esc was pressed.
    fn choose_or_back(
        &mut self,
        message: &str,
        options: &[&str],
        default: Option<usize>,
        help: &str,
    ) -> Result<Option<usize>, Stop> {
        let owned: Vec<String> = options.iter().map(|o| o.to_string()).collect();
        let listed = owned.join(", ");
        let check_options = owned.clone();
        let has_default = default.is_some();
        self.set_choices(owned.clone());
        if let Some(assist) = self.editor.helper_mut() {
            assist.help = help_lines(help);
            assist.completions = owned.clone();
            assist.check = Some(Box::new(move |input: &str| {
                if input.trim().is_empty() && has_default {
                    return None;
                }
                match pick(&check_options, input) {
                    Some(_) => None,
                    None if input.trim().is_empty() => Some(format!("choose one: {listed}")),
                    None => Some(format!("`{}` is not one of: {listed}", input.trim())),
                }
            }));
        }
        let read = self.read(message, "");
        self.set_choices(Vec::new());
        match read? {
            Read::Line(text) if text.trim().is_empty() => Ok(default),
            Read::Line(text) => Ok(pick(&owned, &text)),
            Read::Esc(_) => Ok(None),
        }
    }

    /// Yes or no; Enter alone gives `default`, Esc stops the interview.
    pub fn confirm(&mut self, message: &str, default: bool) -> Result<bool, Stop> {
        let hint = if default { "[Y/n]" } else { "[y/N]" };
        let choice = self.choose(
            &format!("{message} {hint}"),
            &["yes", "no"],
            Some(usize::from(!default)),
            "y or n, Enter alone takes the capital one",
        )?;
        Ok(choice == 0)
    }

    fn set_choices(&mut self, choices: Vec<String>) {
        if let Ok(mut current) = self.choices.lock() {
            *current = choices;
        }
    }

    fn read(&mut self, message: &str, initial: &str) -> Result<Read, Stop> {
        if let Ok(mut seen) = self.seen.lock() {
            *seen = None;
        }
        let prompt = format!("? {message} ");
        if let Some(assist) = self.editor.helper_mut() {
            assist.prompt_width = unicode_width::UnicodeWidthStr::width(prompt.as_str());
        }
        match self.editor.readline_with_initial(&prompt, (initial, "")) {
            Ok(line) => Ok(Read::Line(line)),
            Err(ReadlineError::Interrupted) => {
                let seen = self.seen.lock().ok().and_then(|mut s| s.take());
                match seen {
                    Some((StopKey::Esc, text)) => Ok(Read::Esc(text)),
                    Some((StopKey::CtrlC, text)) => {
                        self.unsent = Some(text).filter(|t| !t.trim().is_empty());
                        Err(Stop::Interrupted)
                    }
                    None => Err(Stop::Interrupted),
                }
            }
            // Ctrl-D on an empty line: nothing to keep.
            Err(ReadlineError::Eof) => Ok(Read::Esc(String::new())),
            Err(ReadlineError::Io(err)) => Err(Stop::Failed(Error::Output(err))),
            Err(err) => Err(Stop::Failed(Error::Usage(format!(
                "the interview cannot use this terminal: {err}"
            )))),
        }
    }
}

enum Read {
    Line(String),
    Esc(String),
}

/// The option `input` names: in full, or by a start only one option has.
fn pick(options: &[String], input: &str) -> Option<usize> {
    let typed = input.trim().to_lowercase();
    if typed.is_empty() {
        return None;
    }
    if let Some(i) = options.iter().position(|o| o.to_lowercase() == typed) {
        return Some(i);
    }
    let mut starts = options
        .iter()
        .enumerate()
        .filter(|(_, o)| o.to_lowercase().starts_with(&typed));
    match (starts.next(), starts.next()) {
        (Some((i, _)), None) => Some(i),
        _ => None,
    }
}

/// The help under the input: wrapped, each line starting on a new one.
fn help_lines(help: &str) -> String {
    if help.is_empty() {
        return String::new();
    }
    screen::wrap_with(help, screen::width(), "", "")
        .iter()
        .map(|l| format!("\n{l}"))
        .collect()
}

fn dim() -> Style {
    Style::new().dimmed()
}

/// The question as the user sees it before answering: its number, name,
/// text, guidance and example, all without a keystroke.
pub fn show_question(question: &Question, total: usize) -> Result<(), Stop> {
    let mut err = anstream::stderr().lock();
    let bold = Style::new().bold();
    let heading = Style::new().bold().fg_color(Some(AnsiColor::Cyan.into()));
    let width = screen::width();
    writeln!(err)?;
    let optional = if question.required { "" } else { " (optional)" };
    let title = format!(
        "Question {} of {total} · {}{optional}",
        question.number, question.short_name
    );
    for line in screen::wrap_with(&title, width, "", "  ") {
        writeln!(err, "{heading}{line}{heading:#}")?;
    }
    for line in screen::wrap_with(&question.text, width, "", "") {
        writeln!(err, "{bold}{line}{bold:#}")?;
    }
    write!(err, "{}", screen::block(&question.guidance, "  "))?;
    if !question.example.trim().is_empty() {
        let example = screen::block(&format!("Example: {}", question.example.trim()), "  ");
        write!(err, "{}{example}{}", dim().render(), dim().render_reset())?;
    }
    err.flush()?;
    Ok(())
}

/// A line of information between prompts, wrapped to the screen.
pub fn note(text: &str) -> Result<(), Stop> {
    let mut err = anstream::stderr().lock();
    for line in screen::wrap_with(text, screen::width(), "", "  ") {
        writeln!(err, "{}{line}{}", dim().render(), dim().render_reset())?;
    }
    Ok(())
}

/// Lines shown as they are (already fitted), each after `prefix`.
pub fn quote(lines: &[String]) -> Result<(), Stop> {
    let mut err = anstream::stderr().lock();
    for line in lines {
        writeln!(err, "  │ {line}")?;
    }
    Ok(())
}

/// Shows what the linter says about an answer: each finding with its help.
pub fn show_findings(findings: &[Diagnostic]) -> Result<(), Stop> {
    let mut err = anstream::stderr().lock();
    let width = screen::width();
    for d in findings {
        let style = match d.level {
            crate::diagnostic::Level::Error => {
                Style::new().bold().fg_color(Some(AnsiColor::Red.into()))
            }
            crate::diagnostic::Level::Warning => {
                Style::new().bold().fg_color(Some(AnsiColor::Yellow.into()))
            }
        };
        let label = format!("{}[{}]:", d.level.as_str(), d.code());
        let text = format!("{label} {}", d.message);
        for (i, line) in screen::wrap_with(&text, width, "", "  ")
            .into_iter()
            .enumerate()
        {
            match line.strip_prefix(&label).filter(|_| i == 0) {
                Some(rest) => writeln!(err, "{style}{label}{style:#}{rest}")?,
                None => writeln!(err, "{line}")?,
            }
        }
        if let Some(help) = &d.help {
            for line in screen::wrap_with(&format!("help: {help}"), width, "  ", "    ") {
                writeln!(err, "{line}")?;
            }
        }
    }
    Ok(())
}

/// The reason shown under the prompt when an answer is refused.
pub fn refusal(errors: &[Diagnostic]) -> String {
    errors
        .iter()
        .map(|d| match &d.help {
            Some(help) => format!("{} [{}] — {help}", d.message, d.code()),
            None => format!("{} [{}]", d.message, d.code()),
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// Low / medium / high, or skip. `current` is the level already set: skip
/// (or Enter alone) keeps it. `None` means skipped.
pub fn confidence(
    prompter: &mut Prompter,
    current: Option<Confidence>,
) -> Result<Option<Confidence>, Stop> {
    let levels = [Confidence::Low, Confidence::Medium, Confidence::High];
    let options = ["low", "medium", "high", "skip"];
    let skip = match current {
        Some(level) => format!("skip (or Enter alone) keeps it {}", level.as_str()),
        None => "skip (or Enter alone) leaves it unset".to_string(),
    };
    let help = format!("low, medium or high · {skip} · ↑↓ step through them · Tab completes");
    let choice = prompter.choose(
        "How confident are you in this answer?",
        &options,
        Some(3),
        &help,
    )?;
    Ok(levels.get(choice).copied())
}

pub fn decision(prompter: &mut Prompter, current: Option<Decision>) -> Result<Decision, Stop> {
    let decisions = [Decision::Go, Decision::NoGo, Decision::Undecided];
    let options = ["go", "no-go", "undecided"];
    let start = current.and_then(|d| decisions.iter().position(|x| *x == d));
    let help = match current {
        Some(d) => format!("go, no-go or undecided · Enter alone keeps {d} · ↑↓ step through them"),
        None => "go, no-go or undecided · ↑↓ step through them · Tab completes".to_string(),
    };
    let choice = prompter.choose("Decision:", &options, start, &help)?;
    Ok(decisions[choice])
}

#[cfg(test)]
mod tests {
    use super::*;

    fn options(list: &[&str]) -> Vec<String> {
        list.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn an_option_is_picked_in_full_or_by_a_start_only_it_has() {
        let levels = options(&["low", "medium", "high", "skip"]);
        assert_eq!(pick(&levels, "hi"), Some(2));
        assert_eq!(pick(&levels, " Medium "), Some(1));
        assert_eq!(pick(&levels, "x"), None);
        assert_eq!(pick(&levels, ""), None);
        let decisions = options(&["go", "no-go", "undecided"]);
        assert_eq!(pick(&decisions, "go"), Some(0));
        assert_eq!(pick(&decisions, "n"), Some(1));
        let yes_no = options(&["yes", "no"]);
        assert_eq!(pick(&yes_no, "Y"), Some(0));
    }

    #[test]
    fn an_input_that_fills_the_last_row_is_noticed() {
        assert!(ends_at_edge(10, &"x".repeat(70), 80));
        assert!(ends_at_edge(10, &"x".repeat(150), 80));
        assert!(!ends_at_edge(10, &"x".repeat(69), 80));
        assert!(!ends_at_edge(10, "", 80));
        assert!(ends_at_edge(0, &format!("a\n{}", "y".repeat(80)), 80));
        // A wide character that does not fit moves whole to the next row.
        assert!(!ends_at_edge(10, &format!("{}错", "x".repeat(69)), 80));
        assert!(ends_at_edge(10, &format!("{}错", "x".repeat(68)), 80));
    }

    #[test]
    fn tab_completes_the_item_being_typed() {
        let assist = Assist {
            completions: options(&["backend", "billing", "platform"]),
            ..Assist::default()
        };
        let history = DefaultHistory::new();
        let ctx = Context::new(&history);
        let (start, found) = assist.complete("platform, b", 11, &ctx).unwrap();
        assert_eq!(start, 10);
        assert_eq!(found, ["backend", "billing"]);
        let (start, found) = assist.complete("pl", 2, &ctx).unwrap();
        assert_eq!((start, found), (0, options(&["platform"])));
    }
}
