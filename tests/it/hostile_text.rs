//! Hostile text through the real binary, piped, as `glab issue create
//! --description "$(mrd render …)"` meets it: no line of what `mrd` prints
//! may run as a GitLab quick action (checked with GitLab's own rule, ported
//! in `common::gitlab_quick_actions`), no control character a forge would
//! hide may reach the output, and what is printed is exactly what the
//! library produced (no later pass, such as a colour stripper, changes it).

use crate::common;

use crate::common::Scratch;
use crate::common::gitlab_quick_actions::extract;
use assert_cmd::Command;
use mrd::render::{Flavor, Format, Options, TemplateSet, render_issue, render_title};

// ---- The port of GitLab's rule finds what GitLab finds --------------------------

#[test]
fn finds_what_gitlab_runs() {
    for text in [
        "/close",
        "x\n/CLOSE\ny",
        "/label ~bug",
        "/close\t",
        "/close \t",
        "/close\u{b}",
        "/clo\u{17f}e",
        "/\u{212a}ill",
        "/di\u{fb00}",
        "/conﬁdential",
        "/STRA\u{df}E",
        "a\r\n/close\r\n",
    ] {
        assert_eq!(extract(text).len(), 1, "{text:?}");
    }
}

#[test]
fn leaves_what_gitlab_leaves() {
    for text in [
        "",
        "/",
        "/ close",
        " /close",
        "\\/close",
        "\u{200b}/close",
        "a /close",
        "/close/x",
        "/close\u{a0}x",
        "\u{ff0f}close",
        "/\u{ff43}lose",
        "/close\u{200b}",
        "a\u{2028}/close",
        "a\u{85}/close",
        "a\r/close",
        "a\u{b}/close",
        "/\u{130}",
    ] {
        assert_eq!(extract(text), [], "{text:?}");
    }
}

// ---- Hostile text through the binary ---------------------------------------------

/// Text that tries to become a quick action, or to hide one from a check.
const HOSTILE: &[&str] = &[
    // Escape sequences a colour stripper deletes.
    "\u{1b}[m/close",
    "\u{1b}[31m/close\u{1b}[0m",
    "\u{1b}[2K\r/close",
    "\u{1b}]8;;https://evil.example\u{7}/close\u{1b}]8;;\u{7}",
    "\u{1b}]0;title\u{1b}\\/close",
    "\u{1b}P1$r\u{1b}\\/close",
    "\u{1b}c/close",
    "\u{1b}(B/close",
    "\u{1b}[m/assign @someone",
    "x\n\u{1b}[m/title pwned\n\u{7f}/due tomorrow",
    // Single control characters: BEL, DEL, NUL, backspace, VT, FF.
    "\u{7}/close",
    "\u{7f}/close",
    "\u{0}/close",
    "\u{8}/close",
    "x\u{8}\u{8}/close",
    "a\u{b}/close",
    "a\u{c}/close",
    "/close\u{b}",
    // C1 controls: 8-bit CSI, OSC and ST, NEL.
    "\u{9b}31m/close",
    "\u{9d}0;t\u{9c}/close",
    "\u{85}/close",
    "a\u{85}/close",
    // Line breaks of other kinds.
    "a\r/close",
    "a\r\n/close",
    "a\u{2028}/close",
    "a\u{2029}/close",
    // Invisible and bidirectional characters, look-alike slashes.
    "\u{200b}/close",
    "\u{200d}/close",
    "\u{feff}/close",
    "\u{202e}/close",
    "\u{2066}/close\u{2069}",
    "\u{ff0f}close",
    // Names that fold to a command under Unicode case folding.
    "/CLOSE",
    "/clo\u{17f}e",
    "/\u{212a}ill",
    "/di\u{fb00}",
    "/con\u{fb01}dential",
    "/close\t",
    // Where a line sits: indented, quoted, in code, in HTML, in a list.
    "  /close",
    "\t/close",
    "> /close",
    ">>>\n/close\n>>>",
    "```\n/close\n```",
    "```\n\u{1b}[m/close\n```",
    "<div>\n/close\n</div>",
    "<div>\n\u{7}/close\n</div>",
    "`\n/close\n`",
    "<!--\n/close\n-->",
    "- /close",
    "1. /close",
    "/label ~\"x\" /close",
    "/assign @someone",
];

/// `text` as a YAML double-quoted scalar: everything but printable ASCII
/// escaped, so any character can reach a front-matter value.
fn yaml_quoted(text: &str) -> String {
    let mut out = String::from("\"");
    for c in text.chars() {
        match c {
            '"' | '\\' => {
                out.push('\\');
                out.push(c);
            }
            ' '..='~' => out.push(c),
            c if (c as u32) < 0x10000 => out.push_str(&format!("\\u{:04X}", c as u32)),
            c => out.push_str(&format!("\\U{:08X}", c as u32)),
        }
    }
    out.push('"');
    out
}

/// An assessment with `hostile` in every field a template prints, in the
/// places a command could hide: plain, after a line, in code, in HTML, in a
/// quote, in a list, in a code span. The notes carry it raw.
fn assessment_with(hostile: &str) -> String {
    let q = |text: String| yaml_quoted(&text);
    let h = || hostile.to_string();
    format!(
        "---\ntitle: {title}\nauthor: {author}\nstatus: review\nmilestone: 2026-W48\nanswers:\n  problem: {problem}\n  target_market: {target}\n  market_size: {size}\n  alternatives: {alternatives}\n  differentiator: {differentiator}\n  market_window: {window}\n  go_to_market: {gtm}\n  metrics: {metrics}\nrecommendation:\n  decision: go\n  rationale: {rationale}\n  conditions:\n    - {condition}\n---\n## Notes\n\n{hostile}\n\nbefore\n{hostile}\n\n```\n{hostile}\n```\n\n<div>\n{hostile}\n</div>\n\n>>>\n{hostile}\n>>>\n",
        title = q(format!("T {hostile}")),
        author = q(h()),
        problem = q(h()),
        target = q(format!("before\n{hostile}\nafter")),
        size = q(format!("```\n{hostile}\n```")),
        alternatives = q(format!("<div>\n{hostile}\n</div>")),
        differentiator = q(format!("> {hostile}")),
        window = q(format!("- {hostile}")),
        gtm = q(format!("    {hostile}")),
        metrics = q(format!("`x\n{hostile}\ny`")),
        rationale = q(h()),
        condition = q(h()),
    )
}

/// Labels and a milestone, for `--quick-actions`.
fn assessment_with_labels(hostile: &str) -> String {
    format!(
        "---\ntitle: T\nlabels:\n  - {}\n  - ok\nmilestone: {}\n---\n",
        yaml_quoted(hostile),
        yaml_quoted(hostile)
    )
}

/// Control characters that no forge shows, and that terminals act on.
fn hidden_controls(text: &str) -> Vec<char> {
    text.chars()
        .filter(|c| c.is_control() && !matches!(c, '\t' | '\n'))
        .collect()
}

fn stdout_of(cmd: &mut assert_cmd::Command) -> String {
    let out = cmd.assert().success().get_output().stdout.clone();
    String::from_utf8(out).expect("UTF-8 output")
}

fn library_render(text: &str, flavor: Flavor, format: Format) -> String {
    let parsed = mrd::assessment::parse(&mrd::source::Source::from_text("x.md", text));
    assert!(parsed.problems.is_empty(), "{:?}", parsed.problems);
    let assessment = parsed.assessment.expect("an assessment");
    let options = Options {
        flavor,
        format,
        ..Options::default()
    };
    render_issue(
        &assessment,
        &mrd::questions::QuestionSet::builtin(),
        &TemplateSet::builtin(),
        &options,
    )
    .expect("renders")
}

#[test]
fn gitlab_would_run_nothing_from_a_piped_render() {
    let s = Scratch::new();
    for hostile in HOSTILE {
        let text = assessment_with(hostile);
        s.write("x.md", &text);
        for flavor in [Flavor::Gitlab, Flavor::Github] {
            for format in [Format::Markdown, Format::Html] {
                let what = format!("{hostile:?} in {flavor:?} {format:?}");
                let out = stdout_of(s.mrd().args([
                    "render",
                    "--flavor",
                    flavor.as_str(),
                    "--format",
                    format.as_str(),
                    "x.md",
                ]));
                assert_eq!(
                    out,
                    library_render(&text, flavor, format),
                    "{what}: the binary printed something else than the library produced"
                );
                assert_eq!(hidden_controls(&out), [], "{what}:\n{out}");
                if flavor == Flavor::Gitlab && format == Format::Markdown {
                    assert_eq!(extract(&out), [], "{what}: GitLab would run these\n{out}");
                }
                if format == Format::Html {
                    assert!(!out.contains("<div>"), "{what}: raw HTML reached the page");
                }
            }
        }
        let title = stdout_of(s.mrd().args(["render", "--title", "x.md"]));
        assert_eq!(hidden_controls(&title), [], "{hostile:?} in the title");
        assert_eq!(title.lines().count(), 1, "{hostile:?}: {title:?}");
        let parsed = mrd::assessment::parse(&mrd::source::Source::from_text("x.md", &*text));
        let expected = render_title(
            parsed.assessment.as_ref().expect("an assessment"),
            &mrd::questions::QuestionSet::builtin(),
            &TemplateSet::builtin(),
        )
        .expect("a title");
        assert_eq!(title, format!("{expected}\n"));
    }
}

#[test]
fn the_reproduction_from_the_issue_prints_no_close() {
    // printf -- '---\ntitle: x\nanswers:\n  problem: "\\e[m/close"\n---\n' > min.md
    // mrd render min.md | grep -a close     # printed "/close" before the fix
    let s = Scratch::new();
    s.write(
        "min.md",
        "---\ntitle: x\nanswers:\n  problem: \"\\e[m/close\"\n---\n",
    );
    let out = stdout_of(s.mrd().args(["render", "min.md"]));
    let close: Vec<&str> = out.lines().filter(|l| l.contains("close")).collect();
    assert_eq!(close, ["\u{241b}[m/close"]);
    // The notes body, raw bytes and all.
    s.write(
        "body.md",
        "---\ntitle: x\n---\n\u{1b}[m/assign @someone\n\u{7}/close\n\u{7f}/reopen\n",
    );
    let out = stdout_of(s.mrd().args(["render", "body.md"]));
    assert!(
        out.ends_with("## Notes\n\n\u{241b}[m/assign @someone\n\u{2407}/close\n\u{2421}/reopen\n"),
        "{out}"
    );
    assert_eq!(extract(&out), []);
}

#[test]
fn only_mrds_own_quick_actions_run_whatever_the_labels_hold() {
    let s = Scratch::new();
    for hostile in HOSTILE {
        s.write("x.md", &assessment_with_labels(hostile));
        let run = s
            .mrd()
            .args(["render", "--quick-actions", "x.md"])
            .output()
            .expect("runs");
        let out = String::from_utf8(run.stdout).expect("UTF-8");
        let unquotable = hostile.trim().is_empty()
            || hostile.contains(['"', '\n', '\r', '\u{2028}', '\u{2029}'])
            || hostile.chars().any(char::is_control);
        if unquotable {
            assert_eq!(run.status.code(), Some(2), "{hostile:?}: {out}");
            assert_eq!(out, "", "{hostile:?}");
            let err = String::from_utf8_lossy(&run.stderr);
            assert!(
                err.contains("error: label")
                    && err.contains("cannot be written as a GitLab quick action")
                    && err.contains("--> x.md:4:5"),
                "{hostile:?}: {err}"
            );
            continue;
        }
        assert_eq!(run.status.code(), Some(0), "{hostile:?}");
        let names: Vec<String> = extract(&out).into_iter().map(|c| c.name).collect();
        assert_eq!(
            names,
            ["label", "label", "milestone"],
            "{hostile:?}:\n{out}"
        );
        assert!(
            out.ends_with(&format!(
                "/label ~\"{h}\"\n/label ~\"ok\"\n/milestone %\"{h}\"\n",
                h = hostile.trim()
            )),
            "{hostile:?}:\n{out}"
        );
    }
}

#[test]
fn the_context_and_the_file_written_are_what_stdout_shows() {
    let s = Scratch::new();
    for hostile in HOSTILE.iter().take(12) {
        s.write("x.md", &assessment_with(hostile));
        let context = stdout_of(s.mrd().args(["render", "--context", "x.md"]));
        assert_eq!(hidden_controls(&context), [], "{hostile:?}");
        let json: serde_json::Value = serde_json::from_str(&context).expect("JSON");
        let problem = json["answers"]["problem"].as_str().expect("problem");
        assert_eq!(hidden_controls(problem), [], "{hostile:?}: {problem:?}");

        let piped = stdout_of(s.mrd().args(["render", "x.md"]));
        s.mrd()
            .args(["render", "x.md", "-o", "issue.md"])
            .assert()
            .success();
        assert_eq!(s.read("issue.md"), piped, "{hostile:?}");
    }
}

/// A GitLab issue whose sections carry `hostile`, as `mrd import` reads them.
fn issue_with(hostile: &str) -> String {
    format!(
        "# Imported\n\n## 1. Exactly what problem will this solve? (value proposition)\n\n{hostile}\n\nMore text.\n\n## 2. For whom do we solve that problem? (target market)\n\nTeams\n{hostile}\n\n## 10. Given the above, what's the recommendation? (go or no-go)\n\nDecision: **GO**\n\n{hostile}\n\n## Notes\n\n{hostile}\n"
    )
}

#[test]
fn import_to_stdout_writes_exactly_the_file_it_would_save() {
    let s = Scratch::new();
    for hostile in HOSTILE {
        s.write("issue.md", &issue_with(hostile));
        let piped = s
            .mrd()
            .args(["import", "issue.md", "-o", "-"])
            .output()
            .expect("runs");
        let _ = std::fs::remove_file(s.path().join("x.md"));
        let saved = s
            .mrd()
            .args(["import", "issue.md", "-o", "x.md"])
            .output()
            .expect("runs");
        assert_eq!(piped.status.code(), saved.status.code(), "{hostile:?}");
        assert_eq!(
            String::from_utf8(piped.stdout).expect("UTF-8"),
            s.read("x.md"),
            "{hostile:?}: import -o - printed something else than it saves"
        );
        // What was imported renders as inert as any other assessment.
        let out = stdout_of(s.mrd().args(["render", "x.md"]));
        assert_eq!(extract(&out), [], "{hostile:?}:\n{out}");
        assert_eq!(hidden_controls(&out), [], "{hostile:?}");
    }
}

#[test]
fn the_summary_for_a_kickoff_issue_runs_nothing() {
    let s = Scratch::new();
    for (n, hostile) in HOSTILE.iter().enumerate() {
        s.write(&format!("a/{n}.md"), &assessment_with(hostile));
    }
    let out = stdout_of(s.mrd().args(["summary", "--format", "markdown", "a"]));
    assert_eq!(extract(&out), [], "{out}");
    assert_eq!(hidden_controls(&out), [], "{out}");
}

#[test]
fn the_weekly_kickoff_issue_runs_nothing() {
    let repo = common::GitRepo::new();
    for (n, hostile) in HOSTILE.iter().enumerate() {
        repo.write(&format!("a/{n}.md"), &assessment_with(hostile));
    }
    repo.commit("2026-11-20", "hostile assessments");
    let run = Command::cargo_bin("mrd")
        .expect("mrd")
        .current_dir(repo.path())
        .env("NO_COLOR", "1")
        .args(["kickoff", "--milestone", "2026-W48", "a"])
        .output()
        .expect("kickoff");
    assert_eq!(
        run.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    let out = String::from_utf8(run.stdout).expect("UTF-8");
    assert!(out.contains("## Priorities"), "{out}");
    assert_eq!(extract(&out), [], "{out}");
    assert_eq!(hidden_controls(&out), [], "{out}");
}

#[test]
fn machine_formats_carry_user_text_unchanged() {
    // Before the fix, a colour stripper deleted the escape sequence from the
    // title on its way to a pipe: the data said something else than the file.
    let s = Scratch::new();
    s.write("a/x.md", &assessment_with("\u{1b}[31m/close\u{7}"));
    let csv = stdout_of(s.mrd().args(["summary", "--format", "csv", "a"]));
    assert!(csv.contains(",T \u{1b}[31m/close\u{7},"), "{csv:?}");
    let json = stdout_of(s.mrd().args(["summary", "--format", "json", "a"]));
    let json: serde_json::Value = serde_json::from_str(&json).expect("JSON");
    assert_eq!(json["assessments"][0]["title"], "T \u{1b}[31m/close\u{7}");
}
