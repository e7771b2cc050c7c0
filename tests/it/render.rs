//! `mrd render`: snapshots of every flavour and format over the examples, and
//! exact assertions on hostile and messy answers.

use std::ops::Range;

use crate::common::{Scratch, example, fixture, mrd};
use pulldown_cmark::{Event, Options, Parser, Tag};

const EXAMPLES: &[&str] = &[
    "managed-scheduler",
    "hosted-notebooks",
    "data-contracts-draft",
];

fn render(args: &[&str]) -> String {
    let out = mrd()
        .arg("render")
        .args(args)
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    String::from_utf8(out).expect("UTF-8 output")
}

fn path(p: std::path::PathBuf) -> String {
    p.display().to_string()
}

fn hostile() -> String {
    path(fixture("render/hostile.md"))
}

fn messy() -> String {
    path(fixture("render/messy.md"))
}

#[test]
fn snapshots_of_each_flavor_and_format_over_the_examples() {
    for name in EXAMPLES {
        let file = path(example(&format!("{name}.md")));
        for flavor in ["gitlab", "github"] {
            for format in ["markdown", "html"] {
                let out = render(&["--flavor", flavor, "--format", format, &file]);
                insta::assert_snapshot!(format!("{name}.{flavor}.{format}"), out);
            }
        }
        insta::assert_snapshot!(format!("{name}.title"), render(&["--title", &file]));
        insta::assert_snapshot!(
            format!("{name}.quick-actions"),
            render(&["--quick-actions", &file])
        );
    }
}

// ---- Markdown cleanliness, checked as properties --------------------------------

fn markdown_options() -> Options {
    Options::ENABLE_TABLES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_TASKLISTS
        | Options::ENABLE_FOOTNOTES
}

fn line_of(text: &str, offset: usize) -> usize {
    text[..offset].matches('\n').count()
}

/// The properties the issue asks for (markdownlint's MD001, MD009, MD012,
/// MD022, MD031, MD032, MD047), checked directly so that a regression fails
/// here without markdownlint installed.
fn assert_clean_markdown(text: &str, what: &str) {
    assert!(
        text.ends_with('\n') && !text.ends_with("\n\n"),
        "{what}: one trailing newline"
    );
    let lines: Vec<&str> = text.split('\n').collect();
    for (n, line) in lines.iter().enumerate() {
        assert_eq!(
            line.trim_end(),
            *line,
            "{what}: trailing whitespace on line {}",
            n + 1
        );
    }

    let mut code: Vec<Range<usize>> = Vec::new();
    let mut depth = 0;
    let mut previous_heading = 0;
    let mut top_level: Vec<Range<usize>> = Vec::new();
    for (event, range) in Parser::new_ext(text, markdown_options()).into_offset_iter() {
        match &event {
            Event::Start(tag) => {
                if let Tag::Heading { level, .. } = tag {
                    let level = *level as usize;
                    assert!(
                        previous_heading == 0 || level <= previous_heading + 1,
                        "{what}: heading level jumps from {previous_heading} to {level} at line {}",
                        line_of(text, range.start) + 1
                    );
                    previous_heading = level;
                }
                if let Tag::CodeBlock(_) = tag {
                    code.push(range.clone());
                }
                if depth == 0
                    && matches!(tag, Tag::Heading { .. } | Tag::List(_) | Tag::CodeBlock(_))
                {
                    top_level.push(range.clone());
                }
                depth += 1;
            }
            Event::End(_) => depth -= 1,
            _ => {}
        }
    }
    for range in top_level {
        let first = line_of(text, range.start);
        let last = line_of(text, text[..range.end].trim_end_matches('\n').len());
        if first > 0 {
            assert_eq!(
                lines[first - 1],
                "",
                "{what}: no blank line before line {}",
                first + 1
            );
        }
        if last + 1 < lines.len() - 1 {
            assert_eq!(
                lines[last + 1],
                "",
                "{what}: no blank line after line {}",
                last + 1
            );
        }
    }
    let mut offset = 0;
    let mut blank_run = 0;
    for (n, line) in lines.iter().enumerate() {
        let in_code = code.iter().any(|r| r.contains(&offset));
        blank_run = if line.is_empty() && !in_code {
            blank_run + 1
        } else {
            0
        };
        assert!(
            blank_run < 2 || n == lines.len() - 1,
            "{what}: two blank lines at line {}",
            n + 1
        );
        offset += line.len() + 1;
    }
}

#[test]
fn markdown_output_is_clean_whatever_the_answers_contain() {
    let mut files: Vec<String> = EXAMPLES
        .iter()
        .map(|n| path(example(&format!("{n}.md"))))
        .collect();
    files.push(hostile());
    files.push(messy());
    for file in &files {
        for flavor in ["gitlab", "github"] {
            let out = render(&["--flavor", flavor, file]);
            assert_clean_markdown(&out, &format!("{file} ({flavor})"));
        }
    }
    let out = render(&["--quick-actions", &path(example("managed-scheduler.md"))]);
    assert_clean_markdown(&out, "quick actions");
}

#[test]
fn the_property_checks_catch_unclean_markdown() {
    for bad in [
        "# A\n### C\n",
        "a  \n",
        "a\n\n\nb\n",
        "a\n# H\n",
        "a\n- x\n",
        "a\n```\nx\n```\n",
        "a\n\n",
        "a",
    ] {
        let caught = std::panic::catch_unwind(|| assert_clean_markdown(bad, "bad"));
        assert!(caught.is_err(), "{bad:?} should fail the checks");
    }
}

// ---- Safety -------------------------------------------------------------------

#[test]
fn template_syntax_in_any_value_is_printed_literally() {
    let out = render(&[&hostile()]);
    assert!(out.contains(
        "Template syntax stays text: {{ 7 * 7 }}, {% if true %}yes{% endif %}, {# hidden #}.\n"
    ));
    assert!(
        out.contains("· author: {% raw %}Eve{% endraw %}\n"),
        "{out}"
    );
    assert!(out.contains("Worth it, {{ 1 + 1 }} times over.\n"));
    assert!(out.contains("Ask {{ author }}.\n"));
    assert!(!out.contains("49"));
    let title = render(&["--title", &hostile()]);
    assert_eq!(
        title,
        "Opportunity Assessment: Hostile {{ title }} /close\n"
    );
}

#[test]
fn gitlab_flavor_neutralises_every_quick_action_line() {
    let out = render(&[&hostile()]);
    assert!(
        out.contains(
            "\n\\/close\n\\/CLOSE\n  \\/label ~\"wontfix\"\n\\/assign @eve\n\\/unlabel ~opportunity-assessment\n\\/shrug\nNot a command: /usr/local/bin and a /close in the middle.\n"
        ),
        "{out}"
    );
    // In code a backslash would show, so a zero-width space goes before the slash.
    assert!(
        out.contains("```sh\n\u{200b}/close\nrun --now\n```\n"),
        "{out}"
    );
    assert!(out.contains("```text\n\u{200b}/reopen\n```\n"), "{out}");
    // A carriage return does not hide a line start.
    assert!(out.contains("Line one\n\\/close\nLine three\n"), "{out}");
    assert!(
        out.contains("Decision: **GO**\n\n\\/close\nWorth it"),
        "{out}"
    );
    assert!(
        out.contains("- /label ~x\n"),
        "a list item is not a quick action: {out}"
    );
    assert!(
        out.contains("## Notes\n\n\\/unlabel ~\"opportunity-assessment\"\n"),
        "{out}"
    );
    let starts_with_slash: Vec<&str> = out
        .lines()
        .filter(|l| l.trim_start().starts_with('/'))
        .collect();
    assert_eq!(starts_with_slash, Vec::<&str>::new());
}

#[test]
fn only_mrds_own_quick_actions_remain() {
    let out = render(&["--quick-actions", &hostile()]);
    let commands: Vec<&str> = out.lines().filter(|l| l.starts_with('/')).collect();
    assert_eq!(
        commands,
        [
            "/label ~\"opportunity-assessment\"",
            "/label ~\"needs review\"",
            "/milestone %\"2026-W48\""
        ]
    );
    assert!(out.ends_with("Ask {{ author }}.\n\n/label ~\"opportunity-assessment\"\n/label ~\"needs review\"\n/milestone %\"2026-W48\"\n"));
}

#[test]
fn a_label_that_would_break_out_of_its_quotes_is_an_error() {
    let s = Scratch::new();
    s.write(
        "x.md",
        "---\ntitle: T\nlabels:\n  - ok\n  - 'bad\" /close'\n---\n",
    );
    s.mrd()
        .args(["render", "--quick-actions", "x.md"])
        .assert()
        .code(2)
        .stdout("")
        .stderr(predicates::str::contains(
            "error: label `bad\\\" /close` cannot be written as a GitLab quick action",
        ))
        .stderr(predicates::str::contains(" --> x.md:5:5\n"));
}

#[test]
fn quick_actions_are_gitlab_markdown_only() {
    for extra in [["--flavor", "github"], ["--format", "html"]] {
        mrd()
            .args(["render", "--quick-actions"])
            .args(extra)
            .arg(hostile())
            .assert()
            .code(2)
            .stderr(predicates::str::contains(
                "--quick-actions is for GitLab Markdown",
            ));
    }
}

#[test]
fn github_flavor_keeps_slash_lines_as_written() {
    let out = render(&["--flavor", "github", &hostile()]);
    assert!(
        out.contains("\n/close\n/CLOSE\n  /label ~\"wontfix\"\n"),
        "{out}"
    );
    assert!(out.contains("```sh\n/close\n"), "{out}");
}

#[test]
fn html_output_escapes_raw_html_and_unsafe_links() {
    for flavor in ["gitlab", "github"] {
        let out = render(&["--format", "html", "--flavor", flavor, &hostile()]);
        assert!(out.starts_with("<!DOCTYPE html>\n"), "{out}");
        assert!(!out.contains("<script"), "{out}");
        assert!(!out.contains("<img"), "{out}");
        assert!(!out.contains("javascript:"), "{out}");
        assert!(
            out.contains("<p>&lt;script&gt;alert(\"market\")&lt;/script&gt;\n</p>"),
            "{out}"
        );
        assert!(
            out.contains(
                "Numbers &lt;img src=x onerror=\"alert(1)\"&gt; here, and a <a href=\"#\">link</a>."
            ),
            "{out}"
        );
        assert!(
            out.contains("<title>Opportunity Assessment: Hostile {{ title }} /close</title>"),
            "{out}"
        );
        // The unclosed comment is shown, closed, and the next question survives it.
        assert!(out.contains("<p>&lt;!-- this comment never ends\n--&gt;\n</p>\n<h2>6. Why now? (market window)</h2>"), "{out}");
    }
}

#[test]
fn headings_inside_answers_are_demoted_below_the_question() {
    let out = render(&[&hostile()]);
    assert!(
        out.contains("## 2. For whom do we solve that problem? (target market)\n\n### Who\n\nTeams.\n\n#### Deeper\n\n### Setext heading\n\n- item one\n\n- item two\n\n## 3."),
        "{out}"
    );
    assert!(
        out.contains("Intro paragraph\n\n### Requirements\n\n1. first\n2. second\n"),
        "{out}"
    );
    assert!(
        out.contains("## Notes\n\n\\/unlabel ~\"opportunity-assessment\"\n\n### Follow-up\n\n"),
        "{out}"
    );
    // Unclosed code and comments are closed: all ten questions are still headings.
    let questions = out
        .lines()
        .filter(|l| l.starts_with("## ") && l.as_bytes()[3].is_ascii_digit())
        .count();
    assert_eq!(questions, 10, "{out}");
    assert!(
        out.contains("<!-- this comment never ends\n-->\n\n## 6. Why now?"),
        "{out}"
    );
}

#[test]
fn messy_markdown_is_normalised_without_changing_words() {
    let out = render(&[&messy()]);
    assert!(
        out.contains(
            "Para right before a list:\n\n- plus bullet\n  - nested four spaces\n- back\n"
        ),
        "{out}"
    );
    assert!(
        out.contains(
            "Para right after, lazily.\n\n> quote line\n>\n> ### heading in quote\n\n| a | b |\n"
        ),
        "{out}"
    );
    assert!(out.contains("### First heading is h2\n\ntext\n\n#### Then h4\n\nText with **strong** and *em* and `code_with_underscores`.\n"), "{out}");
    assert!(
        out.contains("```text\nindented code block\nsecond line\n```\n\nafter code\n"),
        "{out}"
    );
    assert!(out.contains("1) one\n2) two\n\n---\n\n---\n"), "{out}");
    assert!(
        out.contains("Hard break with spaces\\\nnext. Trailing space at end\n"),
        "{out}"
    );
    assert!(
        out.contains("````md\n```\ninner fence\n```\n````\n"),
        "{out}"
    );
    assert!(out.contains("### Heading\n\nBody.\n"), "{out}");
    assert!(out.contains("Decision: **NO-GO**\n\n### Why not\n\nBecause.\n\n## Notes\n\nNotes without a heading.\n"), "{out}");
}

// ---- Templates ----------------------------------------------------------------

#[test]
fn a_custom_template_renders_the_context() {
    let out = render(&[
        "--template",
        &path(fixture("render/custom.md")),
        &path(example("data-contracts-draft.md")),
    ]);
    assert_eq!(
        out,
        "# Data contracts between producers and pipelines\n\n- value proposition: answered\n- target market: answered\n- market size: open\n- competitive landscape: answered\n- our differentiator: open\n- market window: open\n- go-to-market strategy: open\n- metrics/revenue strategy: open\n- solution requirements: open\n\nDecision: NO DECISION\n"
    );
}

fn project_with_templates(files: &[(&str, &str)]) -> Scratch {
    let s = Scratch::new();
    s.write(".mrd.yml", "render:\n  templates: tpl\n");
    for (name, text) in files {
        s.write(&format!("tpl/{name}"), text);
    }
    let example = std::fs::read_to_string(example("managed-scheduler.md")).expect("example");
    s.write("x.md", &example);
    s
}

fn stdout_of(cmd: &mut assert_cmd::Command) -> String {
    String::from_utf8(cmd.assert().success().get_output().stdout.clone()).expect("UTF-8")
}

#[test]
fn a_project_template_overrides_and_extends_the_builtin() {
    let extending = std::fs::read_to_string(fixture("render/extending.md")).expect("fixture");
    let s = project_with_templates(&[("issue.md", &extending)]);
    for flavor in ["gitlab", "github"] {
        let out = stdout_of(s.mrd().args(["render", "--flavor", flavor, "x.md"]));
        assert!(
            out.starts_with("**Decision: GO** · 9 of 9 questions answered · readiness 87/100 · status: decided · milestone: 2026-W44 · author: Priya Raman\n\nReviewed by the product council on 2026-10-02.\n\n## 1. Exactly what problem will this solve? (value proposition)\n"),
            "{out}"
        );
    }
    // github.md overrides the notes block itself, so the project's notes block shows in GitLab only.
    let gitlab = stdout_of(s.mrd().args(["render", "x.md"]));
    assert!(gitlab.ends_with("30-day soak.\n\n## Notes\n\nInterview notes live in the research repository (`research/2026-09-scheduling/`).\nOpen question for the kickoff: do we price per install or per pipeline?\n\nFiled with `mrd render`.\n"), "{gitlab}");
    let listed = stdout_of(s.mrd().args(["templates", "list"]));
    assert!(listed.contains("gitlab.md    built-in\n"), "{listed}");
    assert!(
        listed
            .lines()
            .any(|l| l.starts_with("issue.md ") && l.ends_with("tpl/issue.md")),
        "{listed}"
    );
}

#[test]
fn a_template_passed_with_dash_dash_template_can_extend_a_flavor() {
    let s = project_with_templates(&[(
        "README.txt",
        "Hidden files are skipped; this one is just another template.",
    )]);
    s.write("mine.md", "{% extends \"github.md\" %}{% block summary %}Summary: {{ summary.decision_label }}\n{% endblock summary %}");
    let out = stdout_of(s.mrd().args(["render", "--template", "mine.md", "x.md"]));
    assert!(out.starts_with("Summary: GO\n\n## 1. "), "{out}");
    assert!(out.contains("<details>"), "{out}");
}

#[test]
fn the_title_format_comes_from_the_config() {
    let s = Scratch::new();
    s.write(
        ".mrd.yml",
        "render:\n  title: \"[MRD] {{ title }} ({{ summary.decision_label }})\"\n",
    );
    s.write(
        "x.md",
        "---\ntitle: \"Two\n  lines\"\nrecommendation:\n  decision: no-go\n---\n",
    );
    s.mrd()
        .args(["render", "--title", "x.md"])
        .assert()
        .success()
        .stdout("[MRD] Two lines (NO-GO)\n");
}

#[test]
fn a_broken_template_names_its_file_and_line() {
    let broken = path(fixture("render/broken.md"));
    mrd()
        .args([
            "render",
            "--template",
            &broken,
            &path(example("managed-scheduler.md")),
        ])
        .assert()
        .code(2)
        .stdout("")
        // Named absolute, shown relative to the repository root.
        .stderr(predicates::str::contains(
            "error[template]: Unknown filter `no_such_filter`\n --> tests/fixtures/render/broken.md:5:12\n",
        ))
        .stderr(predicates::str::contains(
            "5 | {{ notes | no_such_filter }}\n  |            ^",
        ));

    let failing = path(fixture("render/render-error.md"));
    mrd()
        .args([
            "render",
            "--template",
            &failing,
            &path(example("managed-scheduler.md")),
        ])
        .assert()
        .code(2)
        .stdout("")
        .stderr(predicates::str::contains(
            " --> tests/fixtures/render/render-error.md:3:",
        ));

    let s = project_with_templates(&[("issue.md", "ok\n{% if %}\n")]);
    s.mrd().args(["render", "x.md"]).assert().code(2).stderr(
        predicates::str::is_match(r"error\[template\]: .*\n --> \S*tpl/issue\.md:2:")
            .expect("regex"),
    );
}

#[test]
fn a_broken_title_setting_names_the_config() {
    let s = Scratch::new();
    s.write(".mrd.yml", "render:\n  title: \"{{ title \"\n");
    s.write("x.md", "---\ntitle: T\n---\n");
    s.mrd()
        .args(["render", "--title", "x.md"])
        .assert()
        .code(2)
        .stderr(predicates::str::contains(".mrd.yml (render.title):1:9\n"));
}

#[test]
fn context_prints_what_templates_receive_as_json() {
    let out = render(&["--context", &path(example("data-contracts-draft.md"))]);
    let json: serde_json::Value = serde_json::from_str(&out).expect("JSON");
    assert_eq!(
        json["title"],
        "Data contracts between producers and pipelines"
    );
    assert_eq!(json["author"], "Lena Okafor");
    assert_eq!(json["status"], "draft");
    assert_eq!(
        json["labels"],
        serde_json::json!(["opportunity-assessment"])
    );
    assert_eq!(json["milestone"], "2026-W46");
    assert_eq!(json["flavor"], "gitlab");
    assert_eq!(json["questions"][0]["key"], "problem");
    assert_eq!(json["questions"][0]["number"], 1);
    assert_eq!(json["questions"][0]["short_name"], "value proposition");
    assert_eq!(json["questions"][0]["confidence"], "high");
    assert_eq!(json["questions"][2]["answer"], serde_json::Value::Null);
    assert!(
        json["answers"]["problem"]
            .as_str()
            .unwrap_or_default()
            .starts_with("Upstream application teams")
    );
    assert_eq!(json["unanswered_questions"][0]["short_name"], "market size");
    assert_eq!(json["recommendation"]["decision"], serde_json::Value::Null);
    assert_eq!(json["summary"]["decision_label"], "NO DECISION");
    assert_eq!(json["summary"]["answered"], 3);
    assert_eq!(json["summary"]["required"], 9);
}

// ---- The commands in the README -----------------------------------------------

/// A stand-in for `gh` or `glab` that records its arguments and standard input.
fn fake_cli(s: &Scratch, name: &str) {
    let script = format!(
        "#!/bin/sh\nprintf '%s\\n' \"$@\" > \"{dir}/{name}.args\"\ncat > \"{dir}/{name}.stdin\"\n",
        dir = s.path().display()
    );
    let path = s.write(&format!("bin/{name}"), &script);
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o755)).expect("chmod");
    }
}

fn shell(s: &Scratch, script: &str) {
    let mrd_dir = assert_cmd::cargo::cargo_bin("mrd")
        .parent()
        .expect("bin dir")
        .to_path_buf();
    let path = format!(
        "{}:{}:{}",
        s.path().join("bin").display(),
        mrd_dir.display(),
        std::env::var("PATH").unwrap_or_default()
    );
    let status = std::process::Command::new("sh")
        .args(["-c", script])
        .current_dir(s.path())
        .env("PATH", path)
        .env("NO_COLOR", "1")
        .stdin(std::process::Stdio::null())
        .status()
        .expect("sh");
    assert!(status.success());
}

#[cfg(unix)]
#[test]
fn the_readme_pipes_into_gh_and_glab() {
    let s = Scratch::new();
    s.write(
        "x.md",
        &std::fs::read_to_string(example("managed-scheduler.md")).expect("example"),
    );
    fake_cli(&s, "gh");
    fake_cli(&s, "glab");
    let body = stdout_of(s.mrd().args(["render", "x.md"]));

    shell(
        &s,
        "mrd render x.md | gh issue create --title \"$(mrd render --title x.md)\" --body-file -",
    );
    assert_eq!(
        s.read("gh.args"),
        "issue\ncreate\n--title\nOpportunity Assessment: Managed scheduler for self-hosted pipelines\n--body-file\n-\n"
    );
    assert_eq!(s.read("gh.stdin"), body);

    shell(
        &s,
        "glab issue create --title \"$(mrd render --title x.md)\" --description \"$(mrd render --quick-actions x.md)\" < /dev/null",
    );
    let args = s.read("glab.args");
    let with_actions = stdout_of(s.mrd().args(["render", "--quick-actions", "x.md"]));
    assert_eq!(
        args,
        format!(
            "issue\ncreate\n--title\nOpportunity Assessment: Managed scheduler for self-hosted pipelines\n--description\n{with_actions}"
        )
    );
    assert!(with_actions.ends_with(
        "/label ~\"opportunity-assessment\"\n/label ~\"scheduling\"\n/milestone %\"2026-W44\"\n"
    ));
}

#[test]
fn render_writes_to_a_file_with_dash_o() {
    let s = Scratch::new();
    s.write(
        "x.md",
        &std::fs::read_to_string(example("hosted-notebooks.md")).expect("example"),
    );
    s.mrd()
        .args(["render", "x.md", "-o", "issue.md"])
        .assert()
        .success()
        .stdout("");
    assert_eq!(
        s.read("issue.md"),
        stdout_of(s.mrd().args(["render", "x.md"]))
    );
}

// ---- Many awkward answers, through the library --------------------------------

const AWKWARD: &[&str] = &[
    "",
    "   \n\t\n",
    "plain",
    "# H1\n## H2\n###### H6",
    "Setext\n===\ntext\n---",
    "> quote\n> # Heading in quote\n> ```\n> /close\n> ```",
    "- a\n    - b\n        - c\n- d",
    "1. a\n   - b\n2. c",
    "* a\n\n\n* b\n+ c",
    "- # heading in item\n  text",
    "```\nunclosed fence\n/close",
    "~~~~\n```\n~~~~",
    "    indented code\n/close",
    "<!-- never closed",
    "<pre>\n/close",
    "<div>\n\n/close\n\n</div>",
    "<details><summary>x</summary>\n\ninside",
    "/close\n/CLOSE\n  /label ~x\n/assign @me",
    "a\r/close\r\nb",
    "{{ x }} {% if y %} {# z #}",
    "| a | b |\n|---|---|\n| 1 | 2 |",
    "Hard  \nbreak and `code  ` and _em_ __strong__",
    "text\n***\n- - -\n___",
    "[ref]\n\n[ref]: https://example.com",
    "Footnote[^1]\n\n[^1]: note",
    "#hashtag not heading\n#",
    "Tabs\there\n\t- tabbed item",
    "- [ ] task\n- [x] done",
    "emoji 🙂 and ünïcödé",
    "\\",
    "> - a\n>   - b",
];

fn awkward_assessment(a: &str, b: &str) -> mrd::assessment::Assessment {
    use mrd::assessment::{Assessment, FrontMatter, Located, Recommendation};
    let mut front = FrontMatter {
        title: Some(Located::new(format!("T {a}"), Default::default())),
        ..FrontMatter::default()
    };
    front.set_answer("problem", a.to_string());
    front.set_answer("target_market", b.to_string());
    front.set_answer("market_size", format!("{a}\n{b}"));
    front.recommendation = Some(Recommendation {
        rationale: Some(Located::new(b.to_string(), Default::default())),
        conditions: vec![Located::new(a.to_string(), Default::default())],
        ..Recommendation::default()
    });
    Assessment::new(front, format!("## Notes\n\n{a}\n\n{b}"))
}

#[test]
fn every_pair_of_awkward_answers_renders_clean_and_inert() {
    use mrd::render::{Flavor, Format, Options, TemplateSet, render_issue};
    let questions = mrd::questions::QuestionSet::builtin();
    let templates = TemplateSet::builtin();
    // To check these outputs with markdownlint too: MRD_RENDER_DUMP=dir.
    let dump = std::env::var_os("MRD_RENDER_DUMP").map(std::path::PathBuf::from);
    for (i, a) in AWKWARD.iter().enumerate() {
        for (j, b) in AWKWARD.iter().enumerate() {
            let assessment = awkward_assessment(a, b);
            for flavor in [Flavor::Gitlab, Flavor::Github] {
                let options = Options {
                    flavor,
                    ..Options::default()
                };
                let out =
                    render_issue(&assessment, &questions, &templates, &options).expect("renders");
                let what = format!("{a:?} + {b:?} ({flavor:?})");
                if let Some(dir) = &dump {
                    std::fs::write(dir.join(format!("{i:02}-{j:02}-{flavor:?}.md")), &out)
                        .expect("dump");
                }
                assert_clean_markdown(&out, &what);
                let questions_seen = out
                    .lines()
                    .filter(|l| l.starts_with("## ") && l.as_bytes()[3].is_ascii_digit())
                    .count();
                assert_eq!(
                    questions_seen, 10,
                    "{what}: a question heading was swallowed\n{out}"
                );
                if flavor == Flavor::Gitlab {
                    assert!(
                        !out.lines().any(mrd::render::gitlab::is_command_line),
                        "{what}: a quick action survived\n{out}"
                    );
                }
            }
            if a != b {
                continue;
            }
            let options = Options {
                format: Format::Html,
                ..Options::default()
            };
            let html =
                render_issue(&assessment, &questions, &templates, &options).expect("renders");
            for raw in [
                "<script",
                "<div>",
                "<details>",
                "<summary>",
                "<pre>\n/close",
                "<!--",
            ] {
                assert!(!html.contains(raw), "{raw} reached the page:\n{html}");
            }
        }
    }
}

#[test]
fn the_flavor_defaults_to_the_config_and_the_flag_wins() {
    let s = Scratch::new();
    s.write(".mrd.yml", "render:\n  flavor: github\n");
    s.write(
        "x.md",
        "---\ntitle: T\nanswers:\n  problem: |\n    /close\n---\n",
    );
    let github = stdout_of(s.mrd().args(["render", "x.md"]));
    assert!(
        github.contains("\n/close\n") && github.contains("- [ ] 2. For whom"),
        "{github}"
    );
    let gitlab = stdout_of(s.mrd().args(["render", "--flavor", "gitlab", "x.md"]));
    assert!(
        gitlab.contains("\n\\/close\n") && !gitlab.contains("- [ ]"),
        "{gitlab}"
    );
}

#[test]
fn render_reads_standard_input() {
    let text = std::fs::read_to_string(example("managed-scheduler.md")).expect("example");
    let from_file = render(&[&path(example("managed-scheduler.md"))]);
    mrd()
        .args(["render", "-"])
        .write_stdin(text.clone())
        .assert()
        .success()
        .stdout(from_file);
    mrd()
        .args(["render", "--title", "-"])
        .write_stdin(text)
        .assert()
        .success()
        .stdout("Opportunity Assessment: Managed scheduler for self-hosted pipelines\n");
}
