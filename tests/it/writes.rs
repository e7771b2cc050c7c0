//! How `mrd` writes files, met the way users meet it.
//!
//! `mrd edit` while someone else changes the same file: the interview runs
//! in a pseudo-terminal, and a second process (a shell, or a second `mrd
//! edit` in its own terminal) changes the file between the interview's
//! reading it and saving an answer. A change to other entries is kept and
//! the answer applied to it; a change to the same entry is kept, and the
//! answer goes to a recovery file, with a message saying how to merge.
//!
//! Links and ownership: a symlinked assessment stays a link and its target
//! is written; a hard-linked one keeps its links; owner, group and
//! permissions carry over; a FIFO or device named as output is written to.

#![cfg(unix)]

use std::process::Command;
use std::time::{Duration, Instant};

use crate::common::Scratch;
use expectrl::{Eof, Regex, Session, WaitStatus};

const TIMEOUT: Duration = Duration::from_secs(30);
const POLL: Duration = Duration::from_millis(20);
const ENTER: &str = "\r";
/// A key every prompt ignores, pressed when nothing has come for a while:
/// crossterm sometimes misses the wake-up for keys sent in a burst (see
/// tests/it/interview.rs).
const NUDGE: &str = "\x1b[24~";

const FILE: &str = "---\n# Reviewed by the data team.\ntitle: Managed scheduler\nstatus: draft\nanswers:\n  problem: Teams running pipelines on their own servers lose a day a month to failed cron jobs nobody notices.\n  metrics: ''\n---\n## Notes\n\nFirst notes.\n";
const MINE: &str = "Weekly active schedules grow from 0 to 1,500 within 90 days of launch, and 5% of active installs pay by 2027-06-30.";
const THEIRS: &str = "Scheduled runs that succeed on the first try rise from 91% to 99.5% within two quarters of launch.";

/// `mrd` in a pseudo-terminal, with what it printed kept for messages.
struct Tty {
    session: Session,
    seen: String,
}

impl Tty {
    fn spawn(scratch: &Scratch, args: &[&str]) -> Tty {
        let mut cmd = Command::new(assert_cmd::cargo::cargo_bin("mrd"));
        cmd.args(args)
            .current_dir(scratch.path())
            .env("NO_COLOR", "1")
            .env("TERM", "xterm")
            .env_remove("CI")
            .env_remove("VISUAL")
            .env_remove("EDITOR");
        let mut session = Session::spawn(cmd).expect("spawn mrd in a pseudo-terminal");
        let _ = session.set_window_size(250, 50);
        Tty {
            session,
            seen: String::new(),
        }
    }

    /// Waits for `needle`, a regular expression (polling, never a fixed sleep).
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
                Ok(_) if start.elapsed() < TIMEOUT => {
                    std::thread::sleep(POLL);
                    if nudged.elapsed() > Duration::from_secs(2) {
                        let _ = self.session.send(NUDGE);
                        nudged = Instant::now();
                    }
                }
                other => {
                    if let Ok(rest) = self.session.check(Regex("[\\s\\S]+")) {
                        self.seen
                            .push_str(&String::from_utf8_lossy(rest.as_bytes()));
                    }
                    panic!(
                        "waiting for {needle:?}: {:?}\n--- the terminal showed:\n{}",
                        other.err(),
                        self.seen
                    )
                }
            }
        }
    }

    fn send(&mut self, keys: &str) {
        self.session.send(keys).expect("send keys");
    }

    /// Types `text` at the answer prompt (already on screen) and confirms it.
    fn answer(&mut self, text: &str) {
        self.send(text);
        self.send(ENTER);
    }

    /// Answers, then picks `level` at the confidence prompt that follows.
    fn answer_with_confidence(&mut self, text: &str, level: &str) {
        self.answer(text);
        self.expect("How confident");
        self.send(level);
        self.send(ENTER);
    }

    /// Reads to the end; the exit code and everything shown.
    fn finish(mut self) -> (i32, String) {
        let start = Instant::now();
        loop {
            match self.session.check(Eof) {
                Ok(found) if !found.is_empty() => {
                    self.seen
                        .push_str(&String::from_utf8_lossy(found.as_bytes()));
                    break;
                }
                Ok(_) if start.elapsed() < TIMEOUT => std::thread::sleep(POLL),
                Ok(_) => panic!("mrd did not end:\n{}", self.seen),
                Err(_) => break,
            }
        }
        match self.session.wait() {
            Ok(WaitStatus::Exited(_, code)) => (code, self.seen),
            other => panic!("mrd did not exit normally: {other:?}\n{}", self.seen),
        }
    }
}

/// Runs a shell command in the scratch directory, as a second process would.
fn shell(scratch: &Scratch, script: &str) {
    let status = Command::new("sh")
        .args(["-c", script])
        .current_dir(scratch.path())
        .status()
        .expect("sh");
    assert!(status.success(), "{script}");
}

fn read_front(text: &str) -> mrd::assessment::FrontMatter {
    let parsed = mrd::assessment::parse(&mrd::source::Source::from_text("a.md", text));
    assert!(parsed.problems.is_empty(), "{:?}\n{text}", parsed.problems);
    parsed.assessment.expect("an assessment").front
}

#[test]
fn a_change_to_other_entries_meanwhile_is_kept_and_the_answer_added() {
    let scratch = Scratch::new();
    scratch.write("a.md", FILE);
    let mut tty = Tty::spawn(&scratch, &["edit", "a.md", "--question", "metrics"]);
    tty.expect("Answer: ");
    // Meanwhile, in an editor or through a git pull: another answer, a
    // comment and the notes change.
    shell(
        &scratch,
        "sed -i -e 's/lose a day a month/lose two days a month/' -e 's/^# Reviewed by the data team./# Reviewed by the data team and legal./' -e 's/First notes./First notes, revised./' a.md",
    );
    let changed = scratch.read("a.md");
    assert_ne!(changed, FILE);
    tty.answer_with_confidence(MINE, "high");
    let (code, seen) = tty.finish();
    assert_eq!(code, 0, "{seen}");

    let text = scratch.read("a.md");
    // Every line they wrote is there as they wrote it, comment and notes too.
    for line in changed.lines().filter(|l| *l != "  metrics: ''") {
        assert!(
            text.contains(&format!("{line}\n")),
            "{line:?} lost:\n{text}"
        );
    }
    let front = read_front(&text);
    assert_eq!(
        front.confidence_of("metrics"),
        Some(mrd::assessment::Confidence::High)
    );
    assert!(
        front
            .answer_text("problem")
            .is_some_and(|p| p.contains("lose two days a month")),
        "{text}"
    );
    assert_eq!(front.answer_text("metrics"), Some(MINE));
    assert!(!scratch.path().join("a.md.recovery.yml").exists());
}

#[test]
fn a_second_edit_of_the_same_answer_is_kept_and_mine_goes_to_a_recovery_file() {
    let scratch = Scratch::new();
    scratch.write("a.md", FILE);
    let mut first = Tty::spawn(&scratch, &["edit", "a.md", "--question", "metrics"]);
    first.expect("Answer: ");

    // A colleague runs the same edit in another terminal and finishes first.
    let mut second = Tty::spawn(&scratch, &["edit", "a.md", "--question", "metrics"]);
    second.expect("Answer: ");
    second.answer_with_confidence(THEIRS, "medium");
    let (code, seen) = second.finish();
    assert_eq!(code, 0, "{seen}");
    let theirs = scratch.read("a.md");
    assert_eq!(read_front(&theirs).answer_text("metrics"), Some(THEIRS));

    first.answer(MINE);
    let (code, seen) = first.finish();
    assert_eq!(code, 2, "{seen}");
    assert_eq!(scratch.read("a.md"), theirs, "their answer was reverted");
    for said in [
        "a.md was changed while this interview was running",
        "its `answers.metrics` is no longer what this interview started from; nothing more was written to a.md",
        "the answers not saved are in a.md.recovery.yml: copy what you want to keep into a.md, check it with `mrd lint a.md`, then delete a.md.recovery.yml",
    ] {
        assert!(seen.contains(said), "{said:?} not shown:\n{seen}");
    }
    let recovery = scratch.read("a.md.recovery.yml");
    assert!(recovery.starts_with("# Answers from mrd that were not saved"));
    // The recovery file holds the pending answer, under the key it belongs to.
    let kept = format!("---\n{recovery}---\n");
    assert_eq!(
        read_front(&kept).answer_text("metrics"),
        Some(MINE),
        "{recovery}"
    );
    // The recovery file is not an assessment, and lint does not read it.
    let lint = scratch.mrd().args(["lint", "."]).output().expect("lint");
    let report = String::from_utf8_lossy(&lint.stdout);
    assert!(!report.contains("recovery"), "{report}");
}

// ---- Links, ownership, permissions ---------------------------------------------

use std::os::unix::fs::{MetadataExt, PermissionsExt};

const ANSWERS: &str = "title: Managed scheduler\nanswers:\n  problem: Teams lose a day a month to failed cron jobs nobody notices.\n";

/// `mrd new --answers --force -o PATH`: a non-interactive write over `path`.
fn write_over(scratch: &Scratch, path: &str) {
    scratch.write("answers.yml", ANSWERS);
    let run = scratch
        .mrd()
        .args(["new", "--answers", "answers.yml", "--force", "-o", path])
        .output()
        .expect("mrd new");
    // An incomplete answers file is saved and reported: exit 1.
    assert_eq!(
        run.status.code(),
        Some(1),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
}

fn is_new_text(text: &str) -> bool {
    text.contains("Teams lose a day a month")
}

#[test]
fn a_symlinked_assessment_stays_a_link_and_its_target_is_written() {
    let scratch = Scratch::new();
    scratch.write("shared/scheduler.md", FILE);
    std::fs::create_dir(scratch.path().join("assessments")).expect("dir");
    // A relative link, through a second link, as a repository would hold it.
    std::os::unix::fs::symlink(
        "../shared/scheduler.md",
        scratch.path().join("assessments/via.md"),
    )
    .expect("symlink");
    std::os::unix::fs::symlink("via.md", scratch.path().join("assessments/scheduler.md"))
        .expect("symlink");

    write_over(&scratch, "assessments/scheduler.md");
    for link in ["assessments/scheduler.md", "assessments/via.md"] {
        let meta = std::fs::symlink_metadata(scratch.path().join(link)).expect("meta");
        assert!(meta.file_type().is_symlink(), "{link} is no longer a link");
    }
    assert!(is_new_text(&scratch.read("shared/scheduler.md")));
    let leftovers: Vec<_> = std::fs::read_dir(scratch.path().join("assessments"))
        .expect("dir")
        .map(|e| e.expect("entry").file_name())
        .collect();
    assert_eq!(leftovers.len(), 2, "{leftovers:?}");
}

#[test]
fn a_dangling_link_gets_its_target_created() {
    let scratch = Scratch::new();
    std::os::unix::fs::symlink("elsewhere/new.md", scratch.path().join("link.md"))
        .expect("symlink");
    scratch.write("answers.yml", ANSWERS);
    let run = scratch
        .mrd()
        .args(["new", "--answers", "answers.yml", "-o", "link.md"])
        .output()
        .expect("mrd new");
    assert_eq!(
        run.status.code(),
        Some(1),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    assert!(
        std::fs::symlink_metadata(scratch.path().join("link.md"))
            .expect("meta")
            .file_type()
            .is_symlink()
    );
    assert!(is_new_text(&scratch.read("elsewhere/new.md")));
}

#[test]
fn mrd_edit_through_a_symlink_writes_the_target() {
    let scratch = Scratch::new();
    scratch.write("real/a.md", FILE);
    std::os::unix::fs::symlink("real/a.md", scratch.path().join("a.md")).expect("symlink");
    let mut tty = Tty::spawn(&scratch, &["edit", "a.md", "--question", "metrics"]);
    tty.expect("Answer: ");
    tty.answer_with_confidence(MINE, "high");
    let (code, seen) = tty.finish();
    assert_eq!(code, 0, "{seen}");
    let meta = std::fs::symlink_metadata(scratch.path().join("a.md")).expect("meta");
    assert!(meta.file_type().is_symlink(), "a.md is no longer a link");
    assert_eq!(
        read_front(&scratch.read("real/a.md")).answer_text("metrics"),
        Some(MINE)
    );
}

#[test]
fn a_hard_linked_assessment_keeps_its_links() {
    let scratch = Scratch::new();
    scratch.write("a.md", FILE);
    std::fs::hard_link(scratch.path().join("a.md"), scratch.path().join("b.md")).expect("link");
    let inode = std::fs::metadata(scratch.path().join("a.md"))
        .expect("meta")
        .ino();

    write_over(&scratch, "a.md");
    let meta = std::fs::metadata(scratch.path().join("a.md")).expect("meta");
    assert_eq!(meta.ino(), inode, "a.md is another file now");
    assert_eq!(meta.nlink(), 2);
    assert!(is_new_text(&scratch.read("b.md")), "b.md kept the old text");
    let names = std::fs::read_dir(scratch.path()).expect("dir").count();
    assert_eq!(
        names, 4,
        "a temporary file was left: .git, a.md, b.md, answers.yml"
    );
}

#[test]
fn owner_group_and_permissions_carry_over() {
    let scratch = Scratch::new();
    let path = scratch.write("a.md", FILE);
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o640)).expect("chmod");
    // Only root may give a file away. Without root the owner is ours anyway,
    // and what is checked is that it stays so.
    let given_away = std::os::unix::fs::chown(&path, Some(4321), Some(4322)).is_ok();
    if !given_away {
        eprintln!("not root: checking that owner and group stay the same, not a foreign owner");
    }
    let before = std::fs::metadata(&path).expect("meta");

    write_over(&scratch, "a.md");
    let after = std::fs::metadata(&path).expect("meta");
    assert!(is_new_text(&scratch.read("a.md")));
    assert_ne!(
        after.ino(),
        before.ino(),
        "replaced atomically, not in place"
    );
    assert_eq!((after.uid(), after.gid()), (before.uid(), before.gid()));
    assert_eq!(after.mode() & 0o7777, 0o640);
}

#[cfg(target_os = "linux")]
#[test]
fn a_fifo_named_as_output_is_written_to_not_replaced() {
    use std::io::Read;
    use std::os::unix::fs::OpenOptionsExt;
    const O_NONBLOCK: i32 = 0o4000;

    let scratch = Scratch::new();
    scratch.write("x.md", FILE);
    let fifo = scratch.path().join("out.fifo");
    let made = Command::new("mkfifo").arg(&fifo).status().expect("mkfifo");
    assert!(made.success());
    // A reader that never blocks: opened before mrd, read after it exits.
    let mut reader = std::fs::OpenOptions::new()
        .read(true)
        .custom_flags(O_NONBLOCK)
        .open(&fifo)
        .expect("open the FIFO");
    scratch
        .mrd()
        .args(["render", "x.md", "-o", "out.fifo"])
        .assert()
        .success();
    let meta = std::fs::symlink_metadata(&fifo).expect("meta");
    assert!(
        std::os::unix::fs::FileTypeExt::is_fifo(&meta.file_type()),
        "the FIFO was replaced by a file"
    );
    let mut received = String::new();
    reader.read_to_string(&mut received).expect("read");
    let expected = scratch
        .mrd()
        .args(["render", "x.md"])
        .output()
        .expect("render")
        .stdout;
    assert_eq!(received.as_bytes(), expected);
}
