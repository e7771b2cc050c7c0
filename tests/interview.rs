//! `mrd new` and `mrd edit`, driven through a pseudo-terminal as a person
//! would: the real binary, real prompts, real key presses. The tests create
//! their own terminal, so they run in CI without one (and without stdin).
//! Timeouts are generous because the machine may be loaded; nothing here
//! measures time.

#![cfg(unix)]

mod common;

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

use common::Scratch;
use expectrl::{Eof, Regex, Session, WaitStatus};

const TIMEOUT: Duration = Duration::from_secs(30);
const POLL: Duration = Duration::from_millis(20);
/// After this long without the expected output, the key F12 is sent, which
/// every prompt ignores. crossterm's input reader sometimes misses the wake-up
/// for keys that arrive in a burst while it is busy (they stay unread until
/// the next key; reproduced ~1 in 30 runs on a loaded 2-core machine, with
/// the keys all delivered after one more key press). A person typing never
/// notices; a test would hang, so it presses a key that does nothing.
const NUDGE_AFTER: Duration = Duration::from_secs(2);
const NUDGE: &str = "\x1b[24~";
const ENTER: &str = "\r";
const CTRL_C: &str = "\x03";

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

/// A terminal session with everything it printed kept for later assertions.
struct Tty {
    session: Session,
    seen: String,
}

impl Tty {
    fn spawn(scratch: &Scratch, args: &[&str], editor: Option<&Path>) -> Tty {
        let mut cmd = Command::new(assert_cmd::cargo::cargo_bin("mrd"));
        cmd.args(args)
            .current_dir(scratch.path())
            .env("NO_COLOR", "1")
            .env("TERM", "xterm")
            .env("MRD_TODAY", "2026-11-20")
            .env_remove("CI")
            .env_remove("VISUAL")
            .env_remove("EDITOR");
        if let Some(editor) = editor {
            cmd.env("EDITOR", editor);
        }
        let mut session = Session::spawn(cmd).expect("spawn mrd in a pseudo-terminal");
        // Wide enough that no message is wrapped by the terminal.
        let _ = session.set_window_size(250, 50);
        Tty {
            session,
            seen: String::new(),
        }
    }

    /// Waits for `needle` (a regular expression) and returns what matched.
    ///
    /// Polls with short sleeps: expectrl's own `expect` spins on a
    /// non-blocking read, which would starve the program under test on a
    /// loaded machine.
    fn expect(&mut self, needle: &str) -> String {
        let start = Instant::now();
        let mut nudged = Instant::now();
        loop {
            match self.session.check(Regex(needle)) {
                Ok(found) if !found.is_empty() => {
                    self.seen.push_str(&String::from_utf8_lossy(found.before()));
                    let matched =
                        String::from_utf8_lossy(found.get(0).unwrap_or_default()).to_string();
                    self.seen.push_str(&matched);
                    return matched;
                }
                Ok(_) if start.elapsed() < TIMEOUT => self.idle(&mut nudged),
                Ok(_) => self.fail(needle, "timed out"),
                Err(err) => self.fail(needle, &err.to_string()),
            }
        }
    }

    /// Waits a moment, and presses a key that does nothing if nothing has
    /// come for a while (see [`NUDGE_AFTER`]).
    fn idle(&mut self, nudged: &mut Instant) {
        std::thread::sleep(POLL);
        if nudged.elapsed() > NUDGE_AFTER {
            // The program may have exited already; then nobody reads it.
            let _ = self.session.send(NUDGE);
            *nudged = Instant::now();
        }
    }

    fn fail(&mut self, needle: &str, why: &str) -> ! {
        // Show everything, including what arrived after the last match.
        if let Ok(rest) = self.session.check(Regex("[\\s\\S]+")) {
            self.seen
                .push_str(&String::from_utf8_lossy(rest.as_bytes()));
        }
        panic!(
            "waiting for {needle:?}: {why}\n--- the terminal showed:\n{}",
            self.seen
        )
    }

    fn send(&mut self, keys: &str) {
        self.session.send(keys).expect("send keys");
    }

    /// Answers the question on screen with `text`, keeps it if the linter
    /// only warns, and leaves the confidence prompt open.
    fn answer(&mut self, text: &str) {
        // Keys are sent only once a prompt is drawn: before that the terminal
        // is still in cooked mode, which would turn Enter into a newline.
        self.expect("Answer: ");
        self.send(text);
        self.send(ENTER);
        if self.expect("How confident|Keep this answer anyway") != "How confident" {
            self.send(&format!("y{ENTER}"));
            self.expect("How confident");
        }
    }

    /// Chooses a confidence by typing its name into the list's filter.
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
        if self.expect(r"wrote |Keep this answer anyway") != "wrote " {
            self.send(&format!("y{ENTER}"));
            self.expect("wrote ");
        }
    }

    /// Reads to the end and returns the exit code.
    fn finish(mut self) -> (i32, String) {
        let start = Instant::now();
        let mut nudged = Instant::now();
        loop {
            match self.session.check(Eof) {
                Ok(found) if !found.is_empty() => {
                    self.seen
                        .push_str(&String::from_utf8_lossy(found.as_bytes()));
                    break;
                }
                Ok(_) if start.elapsed() < TIMEOUT => self.idle(&mut nudged),
                Ok(_) => self.fail("the end of the output", "timed out"),
                // The pseudo-terminal may report its end as an error.
                Err(_) => break,
            }
        }
        let code = match self.session.wait() {
            Ok(WaitStatus::Exited(_, code)) => code,
            other => panic!("mrd did not exit normally: {other:?}\n{}", self.seen),
        };
        (code, self.seen)
    }
}

fn editor_script(scratch: &Scratch, text: &str) -> PathBuf {
    use std::os::unix::fs::PermissionsExt;
    let script = format!("#!/bin/sh\ncat > \"$1\" <<'ANSWER'\n{text}\nANSWER\n");
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

#[test]
fn a_full_interview_writes_an_assessment_that_passes_lint() {
    let scratch = Scratch::new();
    let long_answer = "Teams running pipelines on their own servers lose a day a month to failed cron jobs.\n\n\
        In 60 interviews, 41 users reported silent failures they found days later.";
    let editor = editor_script(&scratch, long_answer);
    let mut tty = Tty::spawn(&scratch, &["new"], Some(&editor));

    tty.expect("Title of the opportunity:");
    tty.send(&format!(
        "Managed scheduler for self-hosted pipelines{ENTER}"
    ));
    // The question, its short name and its guidance are on screen at once.
    tty.expect("Question 1 of 10");
    tty.expect("value proposition");
    tty.expect("Exactly what problem will this solve");
    tty.expect("Describe the problem, not a solution");
    tty.expect(":e writes it in fake-editor");
    // The first answer is written in the editor.
    tty.send(&format!(":e{ENTER}"));
    if tty.expect("How confident|Keep this answer anyway") != "How confident" {
        tty.send(&format!("y{ENTER}"));
    }
    tty.confidence("high");
    for (i, answer) in ANSWERS.iter().enumerate().skip(1) {
        tty.expect(&format!("Question {} of 10", i + 1));
        tty.answer(answer);
        tty.confidence(if i == 2 { "low" } else { "medium" });
    }
    tty.expect("Question 10 of 10");
    tty.recommend("go");
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
    // Deciding go marks the assessment decided, dated the day it was made.
    assert!(
        text.contains("status: decided\ndecided: 2026-11-20\n"),
        "{text}"
    );
    assert!(
        text.contains("In 60 interviews, 41 users"),
        "the editor's answer is kept:\n{text}"
    );
    assert!(text.contains("market_size: low"), "{text}");
    assert!(text.contains("decision: go"), "{text}");
}

#[test]
fn ctrl_c_keeps_the_answers_so_far_and_edit_finishes_the_draft() {
    let scratch = Scratch::new();
    let mut tty = Tty::spawn(&scratch, &["new", "Data contracts", "-o", "draft.md"], None);
    for (i, answer) in ANSWERS.iter().take(3).enumerate() {
        tty.expect(&format!("Question {} of 10", i + 1));
        tty.answer(answer);
        tty.confidence("skip");
    }
    tty.expect("Question 4 of 10");
    tty.expect("Answer:");
    tty.send("half an answer that is never sent");
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
    assert!(!draft.contains("half an answer"), "{draft}");
    assert!(!draft.contains("alternatives"), "{draft}");

    // `mrd edit` asks only what is left, starting at question 4.
    let mut tty = Tty::spawn(&scratch, &["edit", "draft.md"], None);
    for (i, answer) in ANSWERS.iter().enumerate().skip(3) {
        tty.expect(&format!("Question {} of 10", i + 1));
        tty.answer(answer);
        tty.confidence("medium");
    }
    tty.expect("Question 10 of 10");
    tty.recommend("no-go");
    let (code, seen) = tty.finish();
    assert_eq!(code, 0, "{seen}");
    for asked_before in ["Question 1 of 10", "Question 2 of 10", "Question 3 of 10"] {
        assert!(
            !seen.contains(asked_before),
            "{asked_before} was asked again:\n{seen}"
        );
    }
    lint_passes(&scratch, "draft.md");
    let finished = scratch.read("draft.md");
    assert!(finished.contains(&ANSWERS[0][..40]));
    // `mrd edit` records the decision as the interview and `mrd decide` do.
    assert!(
        finished.contains("status: decided\ndecided: 2026-11-20\n"),
        "{finished}"
    );
}

#[test]
fn esc_stops_the_interview_and_keeps_the_draft() {
    let scratch = Scratch::new();
    let mut tty = Tty::spawn(&scratch, &["new", "Esc test", "-o", "esc.md"], None);
    tty.expect("Question 1 of 10");
    tty.answer(ANSWERS[0]);
    tty.send("\x1b");
    tty.expect("resume with: mrd edit esc.md");
    let (code, seen) = tty.finish();
    assert_eq!(code, 1, "{seen}");
    assert!(scratch.read("esc.md").contains(&ANSWERS[0][..40]));
}

#[test]
fn an_empty_answer_is_refused_with_the_linters_reason_and_a_real_one_accepted() {
    let scratch = Scratch::new();
    let mut tty = Tty::spawn(&scratch, &["new", "Refusals", "-o", "r.md"], None);
    tty.expect("Question 1 of 10");
    tty.expect("Answer:");
    tty.send(&format!("   {ENTER}"));
    // The reason is the missing-answer rule's own message, with its code
    // (codes are stable; the wording may improve).
    tty.expect(r"question 1 [^\n]*\[MRD003\]");
    for _ in 0..3 {
        tty.send("\x7f");
    }
    tty.answer(ANSWERS[0]);
    tty.confidence("high");
    tty.expect("Question 2 of 10");
    tty.send(CTRL_C);
    let (code, _) = tty.finish();
    assert_eq!(code, 130);
    assert!(scratch.read("r.md").contains(&ANSWERS[0][..40]));
}

/// The interview refuses what lint's placeholder rule (MRD006) refuses.
#[test]
fn a_placeholder_answer_is_refused_with_its_reason_and_a_corrected_one_accepted() {
    let scratch = Scratch::new();
    let mut tty = Tty::spawn(&scratch, &["new", "Placeholders", "-o", "p.md"], None);
    tty.expect("Question 1 of 10");
    tty.expect("Answer:");
    tty.send(&format!("TODO{ENTER}"));
    // Whatever the rule's wording, the refusal names its code.
    tty.expect(r"\[MRD\d{3}\]");
    for _ in 0.."TODO".len() {
        tty.send("\x7f");
    }
    tty.answer(ANSWERS[0]);
    tty.confidence("high");
    tty.expect("Question 2 of 10");
    tty.send(CTRL_C);
    let (code, seen) = tty.finish();
    assert_eq!(code, 130, "{seen}");
    let text = scratch.read("p.md");
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
    let mut tty = Tty::spawn(&scratch, &["edit", "a.md", "--question", "metrics"], None);
    tty.expect("Question 8 of 10");
    tty.expect("Answer:");
    let current = "Weekly active schedules from 0 to 1,500 within 90 days of launch.";
    // The current answer is pre-filled: erase it and type the new one.
    tty.send(&"\x7f".repeat(current.len()));
    tty.answer(ANSWERS[7]);
    tty.confidence("high");
    tty.expect(r"Revise the recommendation \(currently go\)\?");
    tty.send(&format!("n{ENTER}"));
    let (code, seen) = tty.finish();
    assert_eq!(code, 0, "{seen}");
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
    let mut tty = Tty::spawn(&scratch, &["edit", "s.md"], None);
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
}

fn read_front(text: &str) -> mrd::assessment::FrontMatter {
    let parsed = mrd::assessment::parse(&mrd::source::Source::from_text("t.md", text));
    assert!(parsed.problems.is_empty(), "{:?}\n{text}", parsed.problems);
    parsed.assessment.expect("front-matter").front
}

#[test]
fn edit_with_nothing_left_to_answer_says_so() {
    let scratch = Scratch::new();
    scratch.write("a.md", COMPLETE);
    let tty = Tty::spawn(&scratch, &["edit", "a.md"], None);
    let (code, seen) = tty.finish();
    assert_eq!(code, 0, "{seen}");
    assert!(seen.contains("every required question"), "{seen}");
    assert_eq!(scratch.read("a.md"), COMPLETE, "nothing was rewritten");
}

#[test]
fn new_refuses_an_existing_file_before_asking_anything() {
    let scratch = Scratch::new();
    scratch.write("assessments/taken.md", "mine\n");
    let tty = Tty::spawn(&scratch, &["new", "Taken"], None);
    let (code, seen) = tty.finish();
    assert_eq!(code, 2, "{seen}");
    assert!(seen.contains("already exists; pass --force"), "{seen}");
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
        seen: String::new(),
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
    let mut tty = Tty::spawn(&scratch, &["new", "Optional", "-o", "o.md"], None);
    for (i, answer) in ANSWERS.iter().take(5).enumerate() {
        tty.expect(&format!("Question {} of 10", i + 1));
        tty.answer(answer);
        tty.confidence("skip");
    }
    tty.expect(r"Question 6 of 10 · market window \(optional\)");
    tty.expect("empty skips this optional question");
    tty.send(ENTER);
    // No confidence is asked for a skipped question: the next one comes.
    tty.expect("Question 7 of 10");
    tty.expect("Answer: ");
    tty.send(CTRL_C);
    let (code, seen) = tty.finish();
    assert_eq!(code, 130, "{seen}");
    let front = read_front(&scratch.read("o.md"));
    assert!(front.answer("market_window").is_none());
    assert!(front.answer_text("differentiator").is_some());
}
