//! Shell completion of rule codes and names after `--allow`, `--warn`,
//! `--deny` and `--explain`: the generated scripts carry them, and an
//! interactive bash, in a pseudo-terminal the test creates, completes them
//! when Tab is pressed, as it would for a person.

#![cfg(unix)]

use crate::common;

use std::time::{Duration, Instant};

use crate::common::mrd;
use expectrl::{Regex, Session};
use mrd::diagnostic::rules::RULES;

const TIMEOUT: Duration = Duration::from_secs(30);
const POLL: Duration = Duration::from_millis(20);

fn script(shell: &str) -> String {
    let output = mrd().args(["completions", shell]).assert().success();
    String::from_utf8(output.get_output().stdout.clone()).unwrap()
}

#[test]
fn every_script_offers_every_rule_code_and_name() {
    // PowerShell's and elvish's generated scripts complete flags only.
    for shell in ["bash", "zsh", "fish"] {
        let text = script(shell);
        for rule in RULES {
            assert!(text.contains(rule.code), "{shell}: {}", rule.code);
            assert!(text.contains(rule.name), "{shell}: {}", rule.name);
        }
    }
}

#[test]
fn each_rule_flag_completes_the_rules_and_deny_also_warnings() {
    let bash = script("bash");
    for flag in ["--allow", "--warn", "--deny", "--explain"] {
        let case = bash
            .split(&format!("                {flag})\n"))
            .nth(1)
            .unwrap_or_else(|| panic!("bash completes no value after {flag}"));
        let words = case.lines().next().unwrap();
        assert!(
            words.contains("MRD001 invalid-front-matter"),
            "{flag}: {words}"
        );
        assert!(
            words.contains("MRD015 markdown-in-answer"),
            "{flag}: {words}"
        );
        assert_eq!(
            words.contains("warnings"),
            flag == "--deny",
            "{flag}: {words}"
        );
    }
    // zsh and fish show each rule's summary beside it.
    let summary = RULES[0].summary;
    let zsh = script("zsh");
    assert!(
        zsh.contains(&format!(
            "--explain=[Explain a rule (code or name) and exit]:RULE:((MRD001\\:\"{summary}\""
        )),
        "zsh"
    );
    let fish = script("fish");
    assert!(
        fish.contains(&format!("-l deny -d 'Report this rule (code or name) as an error; `warnings` makes every warning an error' -r -f -a \"MRD001\\t'{summary}'")),
        "fish"
    );
}

#[test]
fn help_and_usage_errors_do_not_list_thirty_values() {
    let help = mrd().args(["lint", "--help"]).assert().success();
    let help = String::from_utf8(help.get_output().stdout.clone()).unwrap();
    assert!(!help.contains("MRD001"), "{help}");
    // Any text is still taken, and lint itself says when it names no rule.
    mrd()
        .args(["lint", "--allow", "no-such-rule", "examples/"])
        .assert()
        .code(2)
        .stderr("error: `--allow no-such-rule`: no rule has this code or name; `mrd rules` lists them\n");
}

/// An interactive bash with mrd's completion loaded and mrd on its PATH.
struct Bash {
    session: Session,
    /// Everything bash printed so far, for the message of a failing test.
    seen: String,
}

impl Bash {
    fn start() -> Bash {
        let mrd = assert_cmd::cargo::cargo_bin("mrd");
        let bin = mrd.parent().unwrap();
        let mut cmd = std::process::Command::new("bash");
        cmd.args(["--norc", "--noprofile", "-i"])
            .env("PATH", format!("{}:/usr/bin:/bin", bin.display()))
            .env("PS1", "ready> ")
            .env("TERM", "dumb")
            .env("INPUTRC", "/dev/null")
            .env("NO_COLOR", "1")
            .env_remove("PROMPT_COMMAND")
            .current_dir(common::repo());
        let mut session = Session::spawn(cmd).expect("bash in a pseudo-terminal");
        let _ = session.set_window_size(200, 50);
        let mut bash = Bash {
            session,
            seen: String::new(),
        };
        bash.wait_for("ready> ");
        // One Tab lists the candidates when there are several.
        // Readline shows what is typed, and what Tab inserts, only on a
        // terminal that echoes, as a person's does; the pty starts without,
        // and readline takes the setting from the terminal between lines.
        // The quotes keep the echoed command line from matching the output.
        bash.send("stty echo; bind 'set show-all-if-ambiguous on'; source <(mrd completions bash); echo load''ed\r");
        bash.wait_for("loaded");
        bash
    }

    fn send(&mut self, text: &str) {
        use std::io::Write;
        self.session.write_all(text.as_bytes()).unwrap();
        self.session.flush().unwrap();
    }

    /// Waits until bash has printed text matching `pattern`, and returns
    /// everything it printed up to the match.
    fn wait_for(&mut self, pattern: &str) -> String {
        let start = Instant::now();
        loop {
            match self.session.check(Regex(pattern)) {
                Ok(found) if !found.is_empty() => {
                    let printed = String::from_utf8_lossy(found.before()).into_owned()
                        + &String::from_utf8_lossy(found.get(0).unwrap());
                    self.seen.push_str(&printed);
                    return printed;
                }
                Ok(_) => {}
                Err(err) => panic!("bash went away waiting for {pattern:?}: {err}"),
            }
            if start.elapsed() > TIMEOUT {
                let seen = self
                    .session
                    .check(Regex("(?s).+"))
                    .map(|found| String::from_utf8_lossy(found.as_bytes()).into_owned())
                    .unwrap_or_default();
                panic!(
                    "bash did not print {pattern:?} within {TIMEOUT:?}; it printed {:?}",
                    self.seen.clone() + &seen
                );
            }
            std::thread::sleep(POLL);
        }
    }
}

#[test]
fn bash_completes_rule_codes_and_names_when_tab_is_pressed() {
    let mut bash = Bash::start();

    // Several candidates: one Tab lists them.
    bash.send("mrd lint --deny MRD01\t");
    let listed = bash.wait_for("MRD015");
    for code in ["MRD010", "MRD011", "MRD012", "MRD013", "MRD014"] {
        assert!(listed.contains(code), "{listed}");
    }
    assert!(!listed.contains("MRD009"), "{listed}");
    bash.send("\x15"); // Ctrl-U: forget the line.

    // One candidate: Tab completes it, and the completed command runs.
    bash.send("mrd lint --explain risky\t\r");
    bash.wait_for("MRD010 risky-go \\(warning by default\\)");
    bash.wait_for("ready> ");

    bash.send("mrd lint --deny warn\t");
    bash.wait_for("--deny warnings ");
    bash.send("\x15exit\r");
}

#[test]
fn the_concise_format_is_completed_like_every_other() {
    // PowerShell's and elvish's generated scripts complete flags only.
    for shell in ["bash", "zsh", "fish"] {
        let text = script(shell);
        assert!(text.contains("concise"), "{shell}");
    }
    let mut bash = Bash::start();
    bash.send("mrd lint --format con\t");
    bash.wait_for("--format concise ");
    bash.send("\x15exit\r");
}
