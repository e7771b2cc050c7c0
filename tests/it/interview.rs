//! `mrd new` and `mrd edit`, driven through a pseudo-terminal as a person
//! would: the real binary, real prompts, real key presses, at 80×24 and
//! 120×40. What the terminal shows is kept as a screen (`vt100` turns the
//! bytes into rows), so a test can ask what is on a line, and whether any
//! line the interview printed was wider than the terminal.
//!
//! The tests create their own terminal, so they run in CI without one (and
//! without stdin). Every wait is for something to appear; nothing sleeps a
//! fixed time, and the timeouts are generous because the machine may be
//! loaded.

#![cfg(unix)]

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

use crate::common::Scratch;
use expectrl::{Session, WaitStatus};
use regex::bytes::Regex;

const TIMEOUT: Duration = Duration::from_secs(60);
const POLL: Duration = Duration::from_millis(15);
const ENTER: &str = "\r";
const ESC: &str = "\x1b";
const CTRL_C: &str = "\x03";
const TAB: &str = "\t";

fn ctrl(letter: char) -> String {
    char::from(letter.to_ascii_uppercase() as u8 - b'@').to_string()
}

fn alt(letter: char) -> String {
    format!("\x1b{letter}")
}

/// Answers that satisfy every rule the linter has or is planned to have:
/// long enough, measurable where it must be, a problem and not a solution.
const ANSWERS: [&str; 9] = [
    "Teams running pipelines on their own servers lose a day a month to failed cron jobs nobody notices: 41 of 60 interviewed users reported silent failures.",
    "Data engineers at 20-500 person companies who self-host their ELT stack on Kubernetes or VMs; not enterprises on managed platforms.",
    "About 12,000 self-hosted installs according to telemetry; if 8% adopt at $99 per month that is roughly $1.1M in annual revenue.",
    "Airflow is powerful but heavy to operate, Dagster Cloud is managed only, and most interviewees use hand-written cron plus Slack alerts.",
    "Our command-line tool already runs in 12,000 self-hosted installs, so scheduling ships as an upgrade for them rather than a migration.",
    "The most popular open-source scheduler dropped its self-hosted edition in September, and its users are choosing a replacement this quarter.",
    "A beta for the 40 users who asked for it in issues, then an announcement in the release notes and community chat, then a paid tier next quarter.",
    "Weekly active schedules grow from 0 to 1,500 within 90 days of launch, and 5% of active installs are on the paid tier by 2027-06-30.",
    "Zero missed runs across restarts, setup in under 10 minutes by a single engineer, and it must work without outbound internet access at all.",
];
const RATIONALE: &str = "The pain is frequent and costly, we already reach the users, and the window is open now; go if three design partners commit to the beta.";

/// The sizes the interview is tried at: a classic terminal and a wide one.
const NARROW: (u16, u16) = (80, 24);
const WIDE: (u16, u16) = (120, 40);

/// A terminal session: the raw bytes (to wait for what comes next) and the
/// screen they draw (to look at lines as a person sees them).
struct Tty {
    session: Session,
    bytes: Vec<u8>,
    /// Where the next [`Tty::expect`] starts looking in `bytes`.
    cursor: usize,
    screen: vt100::Parser,
    size: (u16, u16),
}

/// How `mrd` is started in a test.
struct Run<'a> {
    args: &'a [&'a str],
    size: (u16, u16),
    editor: Option<&'a Path>,
    dir: Option<&'a Path>,
}

impl<'a> Run<'a> {
    fn new(args: &'a [&'a str]) -> Run<'a> {
        Run {
            args,
            size: NARROW,
            editor: None,
            dir: None,
        }
    }

    fn size(mut self, size: (u16, u16)) -> Run<'a> {
        self.size = size;
        self
    }

    fn editor(mut self, editor: &'a Path) -> Run<'a> {
        self.editor = Some(editor);
        self
    }

    fn dir(mut self, dir: &'a Path) -> Run<'a> {
        self.dir = Some(dir);
        self
    }

    fn spawn(self, scratch: &Scratch) -> Tty {
        let (cols, rows) = self.size;
        // The size is set by the child itself before `mrd` starts, so the
        // first line it prints already knows the width.
        let mut cmd = Command::new("sh");
        cmd.arg("-c")
            .arg(format!(
                "stty cols {cols} rows {rows} && exec \"$0\" \"$@\""
            ))
            .arg(assert_cmd::cargo::cargo_bin("mrd"))
            .args(self.args)
            .current_dir(self.dir.unwrap_or(scratch.path()))
            .env("NO_COLOR", "1")
            .env("TERM", "xterm")
            .env("GIT_CONFIG_GLOBAL", scratch.path().join("gitconfig"))
            .env("GIT_CONFIG_NOSYSTEM", "1")
            .env_remove("CI")
            .env_remove("VISUAL")
            .env_remove("EDITOR");
        if let Some(editor) = self.editor {
            cmd.env("EDITOR", editor);
        }
        let mut session = Session::spawn(cmd).expect("spawn mrd in a pseudo-terminal");
        let _ = session.set_window_size(cols, rows);
        Tty {
            session,
            bytes: Vec::new(),
            cursor: 0,
            screen: parser(self.size),
            size: self.size,
        }
    }
}

/// A screen of `size` (columns, rows) that keeps what scrolls off it.
fn parser((cols, rows): (u16, u16)) -> vt100::Parser {
    let nonzero = |n: u16| std::num::NonZeroU16::new(n).expect("a terminal has a size");
    vt100::Parser::new(nonzero(rows), nonzero(cols), 10_000)
}

fn spawn(scratch: &Scratch, args: &[&str]) -> Tty {
    Run::new(args).spawn(scratch)
}

impl Tty {
    /// Reads what has arrived. `false` once the program has closed the terminal.
    fn pump(&mut self) -> bool {
        let mut buf = [0u8; 8192];
        loop {
            match self.session.try_read(&mut buf) {
                Ok(0) => return false,
                Ok(n) => {
                    self.bytes.extend_from_slice(&buf[..n]);
                    self.screen.process(&buf[..n]);
                }
                Err(err) if err.kind() == std::io::ErrorKind::WouldBlock => return true,
                // The pseudo-terminal reports its end as an error.
                Err(_) => return false,
            }
        }
    }

    /// Waits until `pattern` (a regular expression) appears in the output
    /// after the last match, and returns what matched.
    fn expect(&mut self, pattern: &str) -> String {
        let re = Regex::new(pattern).expect("valid pattern");
        let start = Instant::now();
        loop {
            let open = self.pump();
            if let Some(m) = re.find(&self.bytes[self.cursor..]) {
                let found = String::from_utf8_lossy(m.as_bytes()).to_string();
                self.cursor += m.end();
                return found;
            }
            if !open || start.elapsed() > TIMEOUT {
                self.fail(&format!("waiting for {pattern:?}"));
            }
            std::thread::sleep(POLL);
        }
    }

    /// Waits until the row holding the cursor (the line being edited)
    /// reads `want`, trailing spaces aside.
    fn expect_line(&mut self, want: &str) {
        let start = Instant::now();
        loop {
            let open = self.pump();
            if self.cursor_line() == want {
                // What led here is seen: later waits look at what comes next.
                self.cursor = self.bytes.len();
                return;
            }
            if !open || start.elapsed() > TIMEOUT {
                let line = self.cursor_line();
                self.fail(&format!("waiting for the line {want:?}, it reads {line:?}"));
            }
            std::thread::sleep(POLL);
        }
    }

    fn cursor_line(&self) -> String {
        let screen = self.screen.screen();
        let (row, _) = screen.cursor_position();
        screen
            .rows(0, self.size.0)
            .nth(usize::from(row))
            .unwrap_or_default()
            .trim_end()
            .to_string()
    }

    /// Every row the terminal has shown, scrollback first, with whether the
    /// terminal wrapped it (the text was wider than the screen).
    fn rows(&mut self) -> Vec<(String, bool)> {
        let cols = self.size.0;
        let screen = self.screen.screen_mut();
        screen.set_scrollback(usize::MAX);
        let back = screen.scrollback();
        let mut rows = Vec::new();
        for offset in (1..=back).rev() {
            screen.set_scrollback(offset);
            let text = screen.rows(0, cols).next().unwrap_or_default();
            rows.push((text, screen.row_wrapped(0)));
        }
        screen.set_scrollback(0);
        for (i, text) in screen.rows(0, cols).enumerate() {
            rows.push((text, screen.row_wrapped(i as u16)));
        }
        rows
    }

    /// Everything on the screen and in its scrollback, one row a line.
    fn screen_text(&mut self) -> String {
        self.rows()
            .into_iter()
            .map(|(text, _)| text.trim_end().to_string() + "\n")
            .collect()
    }

    /// No line the interview printed was wider than the terminal, and none
    /// is wider than the readable maximum. Only what the user typed at a
    /// prompt (a line starting with `? `) may run on.
    fn assert_fits(&mut self) {
        let (cols, _) = self.size;
        let rows = self.rows();
        let mut typed = false;
        for (i, (text, wrapped)) in rows.iter().enumerate() {
            let continues = i > 0 && rows[i - 1].1;
            if !continues {
                typed = text.starts_with("? ");
            }
            if typed {
                continue;
            }
            assert!(
                !wrapped,
                "row {i} is wider than {cols} columns:\n{text}\n--- the screen:\n{}",
                self.screen_text()
            );
            let used = text.trim_end().chars().count();
            assert!(
                used <= 100,
                "row {i} is {used} columns, past the readable 100:\n{text}"
            );
        }
    }

    fn fail(&mut self, why: &str) -> ! {
        self.pump();
        let tail = self.bytes[self.bytes.len().saturating_sub(1200)..].to_vec();
        panic!(
            "{why}\n--- the terminal shows:\n{}\n--- the last bytes it received:\n{:?}",
            self.screen_text(),
            String::from_utf8_lossy(&tail)
        )
    }

    fn send(&mut self, keys: &str) {
        self.session.send(keys).expect("send keys");
    }

    /// Accepts the author, milestone and labels offered.
    fn accept_metadata(&mut self) {
        for prompt in ["Author:", "Milestone:", "Labels:"] {
            self.expect(prompt);
            self.send(ENTER);
        }
    }

    /// Answers the question on screen with `text`, keeps it if the linter
    /// only warns, and leaves the confidence prompt open.
    fn answer(&mut self, text: &str) {
        // Keys are sent only once a prompt is drawn: before that the terminal
        // is still in cooked mode, which would echo them.
        self.expect(r"\? Answer: ");
        self.send(text);
        self.send(ENTER);
        self.keep_if_warned("How confident");
    }

    /// After Enter: waits for `next`, saying yes to "Keep this answer
    /// anyway?" on the way.
    fn keep_if_warned(&mut self, next: &str) {
        if self.expect(&format!("{next}|Keep this answer anyway")) != next {
            self.send(&format!("y{ENTER}"));
            self.expect(next);
        }
    }

    /// Chooses a confidence by typing its name (or its start).
    fn confidence(&mut self, level: &str) {
        self.send(level);
        self.send(ENTER);
    }

    fn recommend(&mut self, decision: &str) {
        self.expect("Decision:");
        self.send(decision);
        self.send(ENTER);
        self.expect(r"Rationale \(why\?\):");
        self.send(RATIONALE);
        self.send(ENTER);
        // After a go or no-go, Enter accepts `status: decided`.
        if self.expect("wrote |mark the assessment as decided|Keep this answer anyway")
            == "Keep this answer anyway"
        {
            self.send(&format!("y{ENTER}"));
            if self.expect("wrote |mark the assessment as decided") == "wrote " {
                return;
            }
            self.send(ENTER);
            self.expect("wrote ");
        } else if !self.bytes[..self.cursor].ends_with(b"wrote ") {
            self.send(ENTER);
            self.expect("wrote ");
        }
    }

    /// Reads to the end and returns the exit code and the whole screen.
    fn finish(mut self) -> (i32, String) {
        let start = Instant::now();
        while self.pump() {
            if start.elapsed() > TIMEOUT {
                self.fail("waiting for mrd to exit");
            }
            std::thread::sleep(POLL);
        }
        let seen = self.screen_text();
        let code = match self.session.wait() {
            Ok(WaitStatus::Exited(_, code)) => code,
            other => panic!("mrd did not exit normally: {other:?}\n{seen}"),
        };
        (code, seen)
    }
}

/// An editor that records the file it was given in `seen.md` and saves `text`.
fn editor_script(scratch: &Scratch, text: &str) -> PathBuf {
    use std::os::unix::fs::PermissionsExt;
    let seen = scratch.path().join("seen.md");
    let script = format!(
        "#!/bin/sh\ncp \"$1\" '{}'\ncat > \"$1\" <<'ANSWER'\n{text}\nANSWER\n",
        seen.display()
    );
    let path = scratch.write("bin/fake-editor", &script);
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o755)).expect("chmod");
    path
}

fn lint_passes(scratch: &Scratch, path: &str) {
    let output = scratch
        .mrd()
        .args(["lint", path])
        .output()
        .expect("run mrd lint");
    assert!(
        output.status.success(),
        "mrd lint {path} failed:\n{}\n{}\n--- file:\n{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr),
        scratch.read(path)
    );
}

fn read_front(text: &str) -> mrd::assessment::FrontMatter {
    let parsed = mrd::assessment::parse(&mrd::source::Source::from_text("t.md", text));
    assert!(parsed.problems.is_empty(), "{:?}\n{text}", parsed.problems);
    parsed.assessment.expect("front-matter").front
}

fn this_week() -> String {
    mrd::milestone::current(mrd::date::Date::today(), None, &[])
        .expect("ISO weeks always have a name")
}

/// A backlog with milestones and labels in use, and a git user.
fn team_scratch() -> Scratch {
    let scratch = Scratch::new();
    scratch.write("gitconfig", "[user]\n\tname = Priya Raman\n");
    scratch.write(
        "assessments/older.md",
        "---\ntitle: Older\nmilestone: 2026-W40\nlabels: [platform, scheduling]\n---\n",
    );
    scratch.write(
        "assessments/other.md",
        "---\ntitle: Other\nmilestone: 2026-W40\nlabels: [platform]\n---\n",
    );
    scratch
}

#[test]
fn a_full_interview_at_80_columns_writes_an_assessment_that_passes_lint() {
    let scratch = team_scratch();
    let long_answer = "Teams running pipelines on their own servers lose a day a month to failed cron jobs.\n\n\
        In 60 interviews, 41 users reported silent failures they found days later.\n\
        Each one took 4 to 8 engineer-hours to notice, diagnose and backfill.";
    let editor = editor_script(&scratch, long_answer);
    let mut tty = Run::new(&["new"]).editor(&editor).spawn(&scratch);

    tty.expect("Title of the opportunity:");
    tty.send(&format!(
        "Managed scheduler for self-hosted pipelines{ENTER}"
    ));

    // The defaults are offered, and Enter takes them; Tab completes a label
    // the backlog uses.
    tty.expect(r"\? Author: ");
    tty.expect_line("? Author: Priya Raman");
    tty.send(ENTER);
    tty.expect(r"\? Milestone: ");
    tty.expect("used in the backlog: 2026-W40");
    tty.expect_line(&format!("? Milestone: {}", this_week()));
    tty.send(ENTER);
    tty.expect(r"\? Labels: ");
    tty.expect("used in the backlog: platform, scheduling");
    tty.send(&format!("sch{TAB}"));
    tty.expect_line("? Labels: scheduling");
    tty.send(&format!(", pl{TAB}"));
    tty.expect_line("? Labels: scheduling, platform");
    tty.send(ENTER);

    // The question, its name and its guidance are on screen at once.
    tty.expect("Question 1 of 10");
    tty.expect("value proposition");
    tty.expect("Exactly what problem will this solve");
    tty.expect("Describe the problem, not a solution");
    tty.expect(":e writes it in fake-editor");
    // The first answer is written in the editor, and its start is shown.
    tty.send(&format!(":e{ENTER}"));
    tty.expect(r"From fake-editor \(4 lines\):");
    tty.expect("│ Teams running pipelines");
    tty.expect("│ In 60 interviews");
    tty.expect("│ Each one took 4 to 8 engineer-hours");
    tty.keep_if_warned("How confident");
    tty.confidence("high");
    for (i, answer) in ANSWERS.iter().enumerate().skip(1) {
        tty.expect(&format!("Question {} of 10", i + 1));
        tty.answer(answer);
        tty.confidence(if i == 2 { "low" } else { "medium" });
    }
    tty.expect("Question 10 of 10");
    tty.recommend("go");
    tty.pump();
    tty.assert_fits();
    let (code, seen) = tty.finish();
    assert_eq!(code, 0, "{seen}");
    assert!(
        seen.contains("GO"),
        "the summary shows the decision:\n{seen}"
    );

    let path = "assessments/managed-scheduler-for-self-hosted-pipelines.md";
    assert!(seen.contains(path), "the path written is shown:\n{seen}");
    lint_passes(&scratch, path);
    let text = scratch.read(path);
    let front = read_front(&text);
    assert_eq!(
        front.author.as_ref().map(|a| a.value.as_str()),
        Some("Priya Raman")
    );
    assert_eq!(
        front.milestone.as_ref().map(|m| m.value.clone()),
        Some(this_week())
    );
    let labels: Vec<&str> = front.labels.iter().map(|l| l.value.as_str()).collect();
    assert_eq!(labels, ["scheduling", "platform"]);
    // Deciding go marks the assessment decided, dated the day it was made.
    let decided = format!("status: decided\ndecided: {}\n", mrd::date::Date::today());
    assert!(text.contains(&decided), "{text}");
    assert!(
        text.contains("In 60 interviews, 41 users"),
        "the editor's answer is kept:\n{text}"
    );
    // The editor opened with what was at the prompt: nothing.
    assert!(
        scratch.read("seen.md").starts_with("\n\n# ----"),
        "{}",
        scratch.read("seen.md")
    );
    assert!(text.contains("market_size: low"), "{text}");
    assert!(text.contains("decision: go"), "{text}");
}

/// Guidance, help, refusals, warnings and the summary fit the terminal, and
/// prose stays readable on a wide one.
#[test]
fn every_line_fits_the_terminal_at_80_and_at_120_columns() {
    for size in [NARROW, WIDE] {
        let scratch = Scratch::new();
        let mut tty = Run::new(&["new", "Widths", "-o", "w.md"])
            .size(size)
            .spawn(&scratch);
        tty.accept_metadata();
        tty.expect("Question 1 of 10");
        tty.expect(r"\? Answer: ");
        // A placeholder: refused, with the rule's reason under the prompt.
        tty.send(&format!("TODO{ENTER}"));
        tty.expect(r"\[MRD006\]");
        tty.send(&ctrl('u'));
        tty.expect_line("? Answer:");
        // Too short: a warning and its help, then a question.
        tty.send(&format!("Cron fails.{ENTER}"));
        tty.expect("Keep this answer anyway");
        tty.send(&format!("n{ENTER}"));
        tty.expect_line("? Answer: Cron fails.");
        tty.send(&ctrl('u'));
        tty.send(ANSWERS[0]);
        tty.send(ENTER);
        tty.keep_if_warned("How confident");
        tty.confidence("skip");
        tty.expect("Question 2 of 10");
        tty.expect(r"\? Answer: ");
        tty.send(CTRL_C);
        tty.expect("resume with: mrd edit w.md");
        tty.pump();
        tty.assert_fits();
        let (code, seen) = tty.finish();
        assert_eq!(code, 130, "{size:?}: {seen}");
        // The guidance is wrapped between words, never in the middle of one.
        assert!(
            seen.contains("  Describe the problem, not a solution:"),
            "{size:?}: {seen}"
        );
    }
}

#[test]
fn readline_keys_edit_as_in_a_shell_and_no_control_key_types_a_letter() {
    let scratch = Scratch::new();
    let mut tty = spawn(&scratch, &["new", "Keys", "-o", "k.md"]);
    tty.accept_metadata();
    tty.expect("Question 1 of 10");
    tty.expect(r"\? Answer: ");
    tty.send("alpha beta gamma");
    tty.expect_line("? Answer: alpha beta gamma");
    // Ctrl-A: to the start.
    tty.send(&format!("{}X", ctrl('a')));
    tty.expect_line("? Answer: Xalpha beta gamma");
    // Ctrl-E: to the end.
    tty.send(&format!("{}Y", ctrl('e')));
    tty.expect_line("? Answer: Xalpha beta gammaY");
    // Ctrl-W: the word before the cursor.
    tty.send(&ctrl('w'));
    tty.expect_line("? Answer: Xalpha beta");
    // Alt-B: a word back; Alt-F: a word forward.
    tty.send(&format!("{}Z", alt('b')));
    tty.expect_line("? Answer: Xalpha Zbeta");
    tty.send(&format!("{}{}W", alt('b'), alt('b')));
    tty.expect_line("? Answer: WXalpha Zbeta");
    tty.send(&format!("{}V", alt('f')));
    tty.expect_line("? Answer: WXalphaV Zbeta");
    // Ctrl-K: from the cursor to the end.
    tty.send(&ctrl('k'));
    tty.expect_line("? Answer: WXalphaV");
    // Ctrl-U: from the cursor to the start.
    tty.send(&format!("{}{}", alt('b'), ctrl('u')));
    tty.expect_line("? Answer: WXalphaV");
    tty.send(&format!("{}{}", ctrl('e'), ctrl('u')));
    tty.expect_line("? Answer:");
    // Keys with no editing meaning type nothing.
    tty.send("abc");
    // (Not Ctrl-Y, which yanks killed text back, nor Ctrl-Z, which
    // suspends: both as in a shell. Ctrl-V and Ctrl-Q, a shell's quoted
    // insert, do nothing: the next key is typed as usual.)
    for letter in ['b', 'f', 'g', 'l', 'n', 'o', 'p', 't', 'v', 'q', 'x'] {
        tty.send(&ctrl(letter));
        if letter == 'x' {
            // Ctrl-X starts a two-key command; Ctrl-G leaves it.
            tty.send(&ctrl('g'));
        }
    }
    tty.send("!");
    tty.expect("!");
    let line = tty.cursor_line();
    let typed = line.trim_start_matches("? Answer: ");
    let mut letters: Vec<char> = typed.chars().collect();
    letters.sort_unstable();
    assert_eq!(letters, ['!', 'a', 'b', 'c'], "the line reads {line:?}");
    tty.send(&format!("{}{}", ctrl('e'), ctrl('u')));
    tty.expect_line("? Answer:");
    tty.send(ANSWERS[0]);
    tty.send(ENTER);
    tty.keep_if_warned("How confident");
    tty.confidence("hi");
    tty.expect("Question 2 of 10");
    tty.expect(r"\? Answer: ");
    tty.send(CTRL_C);
    let (code, seen) = tty.finish();
    assert_eq!(code, 130, "{seen}");
    let front = read_front(&scratch.read("k.md"));
    assert_eq!(front.answer_text("problem"), Some(ANSWERS[0]));
    assert_eq!(
        front.confidence_of("problem"),
        Some(mrd::assessment::Confidence::High)
    );
}

#[test]
fn a_multi_line_paste_stays_one_answer() {
    let scratch = Scratch::new();
    let mut tty = spawn(&scratch, &["new", "Paste", "-o", "p.md"]);
    tty.accept_metadata();
    tty.expect("Question 1 of 10");
    tty.expect(r"\? Answer: ");
    let pasted = format!("{}\n{}", &ANSWERS[0][..70], &ANSWERS[0][70..]);
    // As a terminal with bracketed paste sends it.
    tty.send(&format!("\x1b[200~{pasted}\x1b[201~"));
    tty.send(ENTER);
    tty.keep_if_warned("How confident");
    tty.confidence("medium");
    tty.expect("Question 2 of 10");
    tty.expect(r"\? Answer: ");
    tty.send(CTRL_C);
    let (code, seen) = tty.finish();
    assert_eq!(code, 130, "{seen}");
    let front = read_front(&scratch.read("p.md"));
    assert_eq!(front.answer_text("problem"), Some(pasted.as_str()));
    assert_eq!(
        front.confidence_of("problem"),
        Some(mrd::assessment::Confidence::Medium)
    );
}

#[test]
fn ctrl_c_keeps_the_answers_so_far_and_edit_resumes_with_the_interrupted_confidence() {
    let scratch = Scratch::new();
    let mut tty = spawn(&scratch, &["new", "Data contracts", "-o", "draft.md"]);
    tty.accept_metadata();
    for (i, answer) in ANSWERS.iter().take(3).enumerate() {
        tty.expect(&format!("Question {} of 10", i + 1));
        tty.answer(answer);
        if i < 2 {
            tty.confidence("skip");
        }
    }
    // Stopped at the third answer's confidence.
    tty.send(CTRL_C);
    tty.expect("resume with: mrd edit draft.md");
    let (code, seen) = tty.finish();
    assert_eq!(code, 130, "{seen}");

    let draft = scratch.read("draft.md");
    assert!(draft.contains("status: draft"), "{draft}");
    for answer in &ANSWERS[..3] {
        assert!(
            draft.contains(&answer[..40]),
            "missing {answer:?} in\n{draft}"
        );
    }
    assert!(!draft.contains("alternatives"), "{draft}");

    // `mrd edit` says where it resumes, asks the interrupted confidence,
    // then only what is left, from question 4.
    let mut tty = spawn(&scratch, &["edit", "draft.md"]);
    tty.expect(
        r"Resuming draft.md: 7 of 10 questions left, and the confidence of question 3 \(market size\), whose prompt was interrupted",
    );
    // The file has no author (git has none here): edit asks it first; the
    // milestone the interview set is not asked again.
    tty.expect(r"\? Author: ");
    tty.send("Dana Fixture");
    tty.send(ENTER);
    tty.expect("Question 3 of 10");
    tty.expect("its confidence was not given yet");
    tty.expect("How confident");
    tty.confidence("low");
    for (i, answer) in ANSWERS.iter().enumerate().skip(3) {
        tty.expect(&format!("Question {} of 10", i + 1));
        tty.answer(answer);
        tty.confidence("medium");
    }
    tty.expect("Question 10 of 10");
    tty.recommend("no-go");
    let (code, seen) = tty.finish();
    assert_eq!(code, 0, "{seen}");
    for asked_before in ["Question 1 of 10", "Question 2 of 10"] {
        assert!(
            !seen.contains(asked_before),
            "{asked_before} was asked again:\n{seen}"
        );
    }
    lint_passes(&scratch, "draft.md");
    assert!(!seen.contains("Milestone:"), "{seen}");
    let finished = scratch.read("draft.md");
    assert!(finished.contains("author: Dana Fixture\n"), "{finished}");
    // `mrd edit` records the decision as the interview and `mrd decide` do.
    let decided = format!("status: decided\ndecided: {}\n", mrd::date::Date::today());
    assert!(finished.contains(&decided), "{finished}");
    let front = read_front(&finished);
    assert_eq!(front.answer_text("problem"), Some(ANSWERS[0]));
    assert_eq!(
        front.confidence_of("market_size"),
        Some(mrd::assessment::Confidence::Low)
    );
}

#[test]
fn ctrl_c_prints_the_text_that_was_never_sent() {
    let scratch = Scratch::new();
    let mut tty = spawn(&scratch, &["new", "Unsent", "-o", "u.md"]);
    tty.accept_metadata();
    tty.expect(r"\? Answer: ");
    tty.send("half an answer that is never sent");
    tty.expect_line("? Answer: half an answer that is never sent");
    tty.send(CTRL_C);
    tty.expect("not saved, as it was never sent: half an answer that is never sent");
    let (code, seen) = tty.finish();
    assert_eq!(code, 130, "{seen}");
    assert!(!scratch.read("u.md").contains("half an answer"));
}

#[test]
fn esc_asks_before_leaving_and_keeps_what_was_typed() {
    let scratch = Scratch::new();
    let mut tty = spawn(&scratch, &["new", "Esc test", "-o", "esc.md"]);
    tty.accept_metadata();
    tty.expect("Question 1 of 10");
    tty.answer(ANSWERS[0]);
    tty.confidence("high");
    tty.expect("Question 2 of 10");
    tty.expect(r"\? Answer: ");
    tty.send("Data engineers at small companies");
    tty.expect_line("? Answer: Data engineers at small companies");
    tty.send(ESC);
    tty.expect("Leave the interview now");
    // No: back to the text, untouched.
    tty.send(&format!("n{ENTER}"));
    tty.expect_line("? Answer: Data engineers at small companies");
    tty.send(", mostly");
    tty.expect_line("? Answer: Data engineers at small companies, mostly");
    tty.send(ESC);
    tty.expect("Leave the interview now");
    tty.send(&format!("y{ENTER}"));
    tty.expect("resume with: mrd edit esc.md");
    let (code, seen) = tty.finish();
    assert_eq!(code, 1, "{seen}");
    let front = read_front(&scratch.read("esc.md"));
    assert_eq!(front.answer_text("problem"), Some(ANSWERS[0]));
    assert_eq!(
        front.answer_text("target_market"),
        Some("Data engineers at small companies, mostly")
    );
}

#[test]
fn esc_on_an_empty_prompt_stops_at_once() {
    let scratch = Scratch::new();
    let mut tty = spawn(&scratch, &["new", "Esc empty", "-o", "e.md"]);
    tty.accept_metadata();
    tty.answer(ANSWERS[0]);
    // At the confidence prompt: nothing typed, nothing to lose.
    tty.send(ESC);
    tty.expect("resume with: mrd edit e.md");
    let (code, seen) = tty.finish();
    assert_eq!(code, 1, "{seen}");
    assert!(scratch.read("e.md").contains(&ANSWERS[0][..40]));
}

#[test]
fn a_question_left_for_later_stays_unanswered_and_edit_asks_it() {
    let scratch = Scratch::new();
    let mut tty = spawn(&scratch, &["new", "Later", "-o", "later.md"]);
    tty.accept_metadata();
    tty.answer(ANSWERS[0]);
    tty.confidence("high");
    tty.expect("Question 2 of 10");
    tty.expect(r"\? Answer: ");
    tty.expect("empty leaves it for later");
    tty.send(ENTER);
    tty.expect(r"Leave this question for later\? \[Y/n\]");
    tty.send(ENTER);
    tty.expect("left for later: question 2 stays unanswered, and mrd edit later.md asks it");
    tty.expect("Question 3 of 10");
    tty.answer(ANSWERS[2]);
    tty.confidence("medium");
    tty.expect("Question 4 of 10");
    tty.expect(r"\? Answer: ");
    tty.send(CTRL_C);
    let (code, seen) = tty.finish();
    assert_eq!(code, 130, "{seen}");
    let front = read_front(&scratch.read("later.md"));
    assert!(front.answer("target_market").is_none());
    assert!(front.answer_text("market_size").is_some());

    // Lint's advice for it matches what the interview allows.
    let output = scratch
        .mrd()
        .args(["lint", "later.md"])
        .output()
        .expect("run mrd lint");
    let report = String::from_utf8_lossy(&output.stdout);
    assert!(report.contains("mrd edit"), "{report}");

    let mut tty = spawn(&scratch, &["edit", "later.md"]);
    tty.expect("Resuming later.md: 8 of 10 questions left");
    // No author yet: empty leaves it unset.
    tty.expect(r"\? Author: ");
    tty.send(ENTER);
    tty.expect("Question 2 of 10");
    tty.expect(r"\? Answer: ");
    tty.send(CTRL_C);
    let (code, seen) = tty.finish();
    assert_eq!(code, 130, "{seen}");
}

#[test]
fn the_editor_opens_with_what_is_at_the_prompt_now() {
    let scratch = Scratch::new();
    let editor = editor_script(
        &scratch,
        "Teams running pipelines on their own servers lose a day a month to failed cron jobs.\n\nIn 60 interviews, 41 users reported silent failures.",
    );
    let mut tty = Run::new(&["new", "Editor", "-o", "ed.md"])
        .editor(&editor)
        .spawn(&scratch);
    tty.accept_metadata();
    tty.expect(r"\? Answer: ");
    // A short answer draws a warning; declining it puts it back at the prompt.
    tty.send(&format!("Cron fails.{ENTER}"));
    tty.expect("Keep this answer anyway");
    tty.send(&format!("n{ENTER}"));
    tty.expect_line("? Answer: Cron fails.");
    // Cleared, then a start typed before `:e`: the editor gets that start,
    // not the answer declined before.
    tty.send(&ctrl('u'));
    tty.send(&format!("Teams running pipelines :e{ENTER}"));
    tty.expect(r"From fake-editor \(3 lines\):");
    tty.expect("│ Teams running pipelines on their own servers");
    tty.expect("│ In 60 interviews");
    tty.keep_if_warned("How confident");
    tty.send(CTRL_C);
    let (code, seen) = tty.finish();
    assert_eq!(code, 130, "{seen}");
    let seen_by_editor = scratch.read("seen.md");
    assert!(
        seen_by_editor.starts_with("Teams running pipelines\n"),
        "{seen_by_editor}"
    );
    assert!(!seen_by_editor.contains("Cron fails"), "{seen_by_editor}");
    assert!(scratch.read("ed.md").contains("In 60 interviews"));
}

#[test]
fn the_resume_command_repeats_config_and_paths_are_relative() {
    let scratch = Scratch::new();
    scratch.write("team/mrd.yml", "assessments: ../plans\n");
    std::fs::create_dir_all(scratch.path().join("sub")).expect("mkdir");
    let config = scratch.path().join("team/mrd.yml");
    let config = config.to_str().expect("utf-8 path");
    let sub = scratch.path().join("sub");
    let mut tty = Run::new(&["new", "Configured", "--config", config])
        .dir(&sub)
        .spawn(&scratch);
    tty.accept_metadata();
    tty.expect(r"\? Answer: ");
    tty.send(CTRL_C);
    tty.expect("resume with: mrd edit ../plans/configured.md --config ../team/mrd.yml");
    let (code, seen) = tty.finish();
    assert_eq!(code, 130, "{seen}");
    assert!(seen.contains("saved in ../plans/configured.md"), "{seen}");
    assert!(scratch.path().join("plans/configured.md").exists());
}

#[test]
fn an_empty_answer_offers_to_leave_it_and_a_placeholder_is_refused() {
    let scratch = Scratch::new();
    let mut tty = spawn(&scratch, &["new", "Refusals", "-o", "r.md"]);
    tty.accept_metadata();
    tty.expect("Question 1 of 10");
    tty.expect(r"\? Answer: ");
    tty.send(&format!("   {ENTER}"));
    tty.expect(r"Leave this question for later\?");
    tty.send(&format!("n{ENTER}"));
    tty.expect(r"\? Answer: ");
    // Whatever the rule's wording, the refusal names its code.
    tty.send(&format!("TODO{ENTER}"));
    tty.expect(r"\[MRD006\]");
    tty.send(&ctrl('u'));
    tty.send(ANSWERS[0]);
    tty.send(ENTER);
    tty.keep_if_warned("How confident");
    tty.confidence("high");
    tty.expect("Question 2 of 10");
    tty.expect(r"\? Answer: ");
    tty.send(CTRL_C);
    let (code, seen) = tty.finish();
    assert_eq!(code, 130, "{seen}");
    let text = scratch.read("r.md");
    assert!(
        !text.contains("TODO") && text.contains(&ANSWERS[0][..40]),
        "{text}"
    );
}

const COMPLETE: &str = concat!(
    "---\n",
    "title: Managed scheduler\n",
    "author: Priya Raman\n",
    "created: 2026-10-02\n",
    "status: review\n",
    "answers:\n",
    "  problem: Teams running pipelines on their own servers lose a day a month to failed cron jobs nobody notices.\n",
    "  target_market: Data engineers at 20-500 person companies who self-host their ELT stack.\n",
    "  market_size: About 12,000 self-hosted installs; 8% at $99 per month is $1.1M a year.\n",
    "  alternatives: Airflow, Dagster Cloud, and hand-written cron plus Slack alerts today.\n",
    "  differentiator: Our tool already runs in 12,000 installs, so this ships as an upgrade.\n",
    "  market_window: The most popular scheduler dropped its self-hosted edition in September.\n",
    "  go_to_market: Beta to the 40 users who asked, then release notes, then a paid tier.\n",
    "  metrics: Weekly active schedules from 0 to 1,500 within 90 days of launch.\n",
    "  success_factors: Zero missed runs across restarts and setup in under 10 minutes.\n",
    "confidence:\n",
    "  problem: high\n",
    "recommendation:\n",
    "  decision: go\n",
    "  rationale: The pain is real and we reach the users already.\n",
    "  owner: priya\n",
    "future_key:\n",
    "  nested: [1, 2]\n",
    "---\n",
    "## Notes\n",
    "\n",
    "Trailing  spaces  \n",
    "\n",
    "\n",
    "* odd list\r\n",
    "no final newline",
);

#[test]
fn question_re_asks_only_that_question_and_keeps_the_body_byte_for_byte() {
    let scratch = Scratch::new();
    scratch.write("a.md", COMPLETE);
    let mut tty = spawn(&scratch, &["edit", "a.md", "--question", "metrics"]);
    tty.expect("Question 8 of 10");
    tty.expect(r"\? Answer: ");
    let current = "Weekly active schedules from 0 to 1,500 within 90 days of launch.";
    // The current answer is pre-filled: clear it and type the new one.
    tty.expect_line(&format!("? Answer: {current}"));
    tty.send(&ctrl('u'));
    tty.answer(ANSWERS[7]);
    tty.confidence("high");
    tty.expect(r"Revise the recommendation \(currently go\)\?");
    tty.send(&format!("n{ENTER}"));
    let (code, seen) = tty.finish();
    assert_eq!(code, 0, "{seen}");
    assert!(!seen.contains("Resuming"), "{seen}");
    for other in (1..=10).filter(|n| *n != 8) {
        assert!(
            !seen.contains(&format!("Question {other} of 10")),
            "question {other} was asked:\n{seen}"
        );
    }

    let text = scratch.read("a.md");
    let body = COMPLETE
        .split_once("---\n## Notes")
        .map(|(_, b)| b)
        .unwrap();
    assert!(
        text.ends_with(&format!("---\n## Notes{body}")),
        "the body changed:\n{text:?}"
    );
    let front = read_front(&text);
    assert_eq!(front.answer_text("metrics"), Some(ANSWERS[7]), "{text}");
    let before = read_front(COMPLETE);
    for key in ["problem", "target_market", "success_factors"] {
        assert_eq!(
            front.answer_text(key),
            before.answer_text(key),
            "{key} changed:\n{text}"
        );
    }
    // Every other line of the front-matter is kept exactly as written.
    for line in COMPLETE.lines().take_while(|l| *l != "## Notes") {
        if !line.starts_with("  metrics:") {
            assert!(
                text.contains(&format!("{line}\n")),
                "{line:?} was changed:\n{text}"
            );
        }
    }
    assert!(
        text.contains("  problem: high\n  metrics: high\n"),
        "{text}"
    );
}

#[test]
fn edit_fills_in_a_template_and_keeps_its_comments() {
    let scratch = Scratch::new();
    scratch
        .mrd()
        .args(["new", "Skeleton", "--template-only", "-o", "s.md"])
        .assert()
        .success();
    let mut tty = spawn(&scratch, &["edit", "s.md"]);
    tty.expect("Resuming s.md: 10 of 10 questions left");
    // A skeleton has neither author nor milestone: both are asked, and
    // Enter takes this week's milestone.
    tty.expect(r"\? Author: ");
    tty.send(ENTER);
    tty.expect(r"\? Milestone: ");
    tty.send(ENTER);
    for (i, answer) in ANSWERS.iter().enumerate() {
        tty.expect(&format!("Question {} of 10", i + 1));
        tty.answer(answer);
        tty.confidence("high");
    }
    tty.expect("Question 10 of 10");
    tty.recommend("undecided");
    let (code, seen) = tty.finish();
    assert_eq!(code, 0, "{seen}");
    lint_passes(&scratch, "s.md");
    let text = scratch.read("s.md");
    assert!(
        text.contains("  # Question 1 of 10 · value proposition\n"),
        "{text}"
    );
    assert!(
        text.contains("# Describe the problem, not a solution"),
        "{text}"
    );
    let front = read_front(&text);
    assert_eq!(
        front.confidence_of("metrics"),
        Some(mrd::assessment::Confidence::High)
    );
    assert_eq!(
        front.milestone.as_ref().map(|m| m.value.as_str()),
        Some(this_week().as_str())
    );
    assert!(front.author.is_none(), "empty leaves it unset");
}

#[test]
fn edit_with_nothing_left_to_answer_says_so() {
    let scratch = Scratch::new();
    scratch.write("a.md", COMPLETE);
    let tty = spawn(&scratch, &["edit", "a.md"]);
    let (code, seen) = tty.finish();
    assert_eq!(code, 0, "{seen}");
    assert!(seen.contains("every required question"), "{seen}");
    assert_eq!(scratch.read("a.md"), COMPLETE, "nothing was rewritten");
}

#[test]
fn new_refuses_an_existing_file_before_asking_anything() {
    let scratch = Scratch::new();
    scratch.write("assessments/taken.md", "mine\n");
    let tty = spawn(&scratch, &["new", "Taken"]);
    let (code, seen) = tty.finish();
    assert_eq!(code, 2, "{seen}");
    assert!(
        seen.contains("already exists") && seen.contains("pass --force"),
        "{seen}"
    );
    assert!(!seen.contains("Question 1"), "{seen}");
    assert_eq!(scratch.read("assessments/taken.md"), "mine\n");
}

#[test]
fn without_a_terminal_new_and_edit_exit_2_and_point_to_answers() {
    let scratch = Scratch::new();
    scratch.write("a.md", COMPLETE);
    for args in [&["new"][..], &["new", "A title"], &["edit", "a.md"]] {
        let output = scratch.mrd().args(args).output().expect("run mrd");
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert_eq!(output.status.code(), Some(2), "{args:?}: {stderr}");
        assert!(stderr.contains("--answers FILE"), "{args:?}: {stderr}");
        assert!(output.stdout.is_empty(), "no prompt is drawn");
    }
    assert_eq!(scratch.read("a.md"), COMPLETE);
    assert!(
        !scratch.path().join("assessments").exists(),
        "nothing was written"
    );
}

#[test]
fn ci_set_means_no_prompts_even_in_a_terminal() {
    let scratch = Scratch::new();
    let mut cmd = Command::new(assert_cmd::cargo::cargo_bin("mrd"));
    cmd.arg("new")
        .current_dir(scratch.path())
        .env("CI", "true")
        .env("NO_COLOR", "1");
    let tty = Tty {
        session: Session::spawn(cmd).expect("spawn"),
        bytes: Vec::new(),
        cursor: 0,
        screen: parser(NARROW),
        size: NARROW,
    };
    let (code, seen) = tty.finish();
    assert_eq!(code, 2, "{seen}");
    assert!(seen.contains("--answers FILE"), "{seen}");
}

#[test]
fn edit_rejects_an_unknown_question_with_a_suggestion() {
    let scratch = Scratch::new();
    scratch.write("a.md", COMPLETE);
    let output = scratch
        .mrd()
        .args(["edit", "a.md", "--question", "metrcs"])
        .output()
        .expect("run mrd");
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stderr).contains("did you mean `metrics`?"));
}

#[test]
fn template_only_writes_a_commented_skeleton_that_lint_reads() {
    let scratch = Scratch::new();
    scratch
        .mrd()
        .args(["new", "Hosted notebooks", "--template-only"])
        .assert()
        .success();
    let text = scratch.read("assessments/hosted-notebooks.md");
    assert!(
        text.contains("# Question 1 of 10 · value proposition"),
        "{text}"
    );
    assert!(
        text.contains("# Describe the problem, not a solution"),
        "{text}"
    );
    let output = scratch
        .mrd()
        .args(["lint", "assessments/hosted-notebooks.md"])
        .output()
        .expect("run mrd lint");
    let report = String::from_utf8_lossy(&output.stdout);
    // Readable: only the unanswered questions and the decision are reported.
    assert_eq!(output.status.code(), Some(1), "{report}");
    assert!(
        report.contains("MRD003") && !report.contains("MRD001"),
        "{report}"
    );
    // And it is never replaced without --force.
    scratch
        .mrd()
        .args(["new", "Hosted notebooks", "--template-only"])
        .assert()
        .code(2);
}

#[test]
fn an_optional_question_is_skipped_with_an_empty_answer() {
    let scratch = Scratch::new();
    scratch.write(
        ".mrd.yml",
        "questions:\n  market_window:\n    required: false\n",
    );
    let mut tty = spawn(&scratch, &["new", "Optional", "-o", "o.md"]);
    tty.accept_metadata();
    for (i, answer) in ANSWERS.iter().take(5).enumerate() {
        tty.expect(&format!("Question {} of 10", i + 1));
        tty.answer(answer);
        tty.confidence("skip");
    }
    tty.expect(r"Question 6 of 10 · market window \(optional\)");
    tty.expect(r"\? Answer: ");
    tty.expect("empty skips this optional question");
    tty.send(ENTER);
    // No confidence is asked for a skipped question: the next one comes.
    tty.expect("Question 7 of 10");
    tty.expect(r"\? Answer: ");
    tty.send(CTRL_C);
    let (code, seen) = tty.finish();
    assert_eq!(code, 130, "{seen}");
    let front = read_front(&scratch.read("o.md"));
    assert!(front.answer("market_window").is_none());
    assert!(front.answer_text("differentiator").is_some());
}

#[test]
fn the_confidence_list_says_what_skip_does() {
    let scratch = Scratch::new();
    scratch.write("a.md", COMPLETE);
    let mut tty = spawn(&scratch, &["edit", "a.md", "--question", "problem"]);
    tty.expect(r"\? Answer: ");
    tty.send(ENTER);
    tty.expect("How confident");
    tty.expect(r"skip \(or Enter alone\) keeps it high");
    // ↓ steps through the levels at the prompt.
    tty.send("\x1b[B");
    tty.expect_line("? How confident are you in this answer? low");
    tty.send("\x1b[B");
    tty.expect_line("? How confident are you in this answer? medium");
    tty.send(ENTER);
    tty.expect("Revise the recommendation");
    tty.send(ENTER);
    let (code, seen) = tty.finish();
    assert_eq!(code, 0, "{seen}");
    let front = read_front(&scratch.read("a.md"));
    assert_eq!(
        front.confidence_of("problem"),
        Some(mrd::assessment::Confidence::Medium)
    );
}

/// A reversed decision in `mrd edit` is dated today; declining the offer to
/// mark it decided keeps the status the file had.
#[test]
fn a_reversal_in_edit_is_dated_and_the_decided_status_can_be_declined() {
    let scratch = Scratch::new();
    scratch.write("a.md", COMPLETE);
    let mut tty = spawn(&scratch, &["edit", "a.md", "--question", "recommendation"]);
    tty.expect("Decision:");
    tty.send("no-go");
    tty.send(ENTER);
    tty.expect(r"Rationale \(why\?\):");
    tty.send(&ctrl('u'));
    tty.send(RATIONALE);
    tty.send(ENTER);
    if tty.expect("mark the assessment as decided|Keep this answer anyway")
        == "Keep this answer anyway"
    {
        tty.send(&format!("y{ENTER}"));
        tty.expect("mark the assessment as decided");
    }
    tty.send(&format!("n{ENTER}"));
    let (code, seen) = tty.finish();
    assert_eq!(code, 0, "{seen}");
    let text = scratch.read("a.md");
    let dated = format!("status: review\ndecided: {}\n", mrd::date::Date::today());
    assert!(text.contains(&dated), "{text}");
    assert!(text.contains("  decision: no-go\n"), "{text}");
}

/// Issue 16: the interview holds an answer to the substance rules as lint
/// does. A market size with no figure draws the rule's warning; declining it
/// puts it back at the prompt, and a counted market passes.
#[test]
fn a_market_size_with_no_figure_is_warned_about_before_it_is_kept() {
    let scratch = Scratch::new();
    scratch.write("a.md", COMPLETE);
    let mut tty = spawn(&scratch, &["edit", "a.md", "--question", "market_size"]);
    tty.expect("Question 3 of 10");
    tty.expect(r"\? Answer: About 12,000");
    tty.send(&ctrl('u'));
    let weak = "Huge: pretty much every data team out there needs this.";
    tty.send(&format!("{weak}{ENTER}"));
    tty.expect(r"warning\[MRD016\]: the market size gives no count");
    tty.expect("Keep this answer anyway");
    tty.send(&format!("n{ENTER}"));
    tty.expect_line(&format!("? Answer: {weak}"));
    tty.send(&ctrl('u'));
    tty.send(&format!(
        "About 9,000 self-hosted installs by our telemetry, at $99 a month.{ENTER}"
    ));
    tty.expect("How confident");
    tty.confidence("medium");
    tty.expect(r"Revise the recommendation \(currently go\)\?");
    tty.send(&format!("n{ENTER}"));
    let (code, seen) = tty.finish();
    assert_eq!(code, 0, "{seen}");
    let front = read_front(&scratch.read("a.md"));
    assert_eq!(
        front.answer_text("market_size"),
        Some("About 9,000 self-hosted installs by our telemetry, at $99 a month.")
    );
}
