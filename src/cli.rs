//! The command line: every command and flag is defined here, once, and help
//! text comes from these definitions.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

#[derive(Debug, Parser)]
#[command(
    name = "mrd",
    version,
    about = "Opportunity assessments (MRDs) as reviewable files: write, lint, render and decide.",
    long_about = "Opportunity assessments (MRDs) as reviewable files.\n\n\
        An assessment answers Marty Cagan's ten questions about a product opportunity \
        and ends in a go/no-go recommendation. mrd keeps it as Markdown with YAML \
        front-matter, checks it in CI, and turns it into GitLab or GitHub issue text.",
    after_help = "Examples:\n  \
        mrd init --gitlab                            set up a repository (config, issue template, CI job)\n  \
        mrd questions                                the questions and what a strong answer contains\n  \
        mrd new                                      the guided interview (or --answers FILE without a terminal)\n  \
        mrd edit assessments/scheduler.md            answer what is still open\n  \
        mrd lint examples/                           check every assessment in a directory\n  \
        mrd render examples/managed-scheduler.md     print the issue text\n  \
        mrd summary examples/                        the decision for each assessment\n  \
        mrd decide a.md go --rationale \"...\"         record a decision, dated\n  \
        mrd log a.md                                 an assessment's history from git\n  \
        mrd kickoff --milestone 2026-W48             the weekly kickoff issue\n  \
        mrd roll --from 2026-W47 --to 2026-W48       move what is undecided to the next milestone\n  \
        mrd import issue.md                          turn an existing issue into an assessment\n\n\
        Exit codes: 0 success, 1 the assessments have problems, 2 usage, I/O, config or template error."
)]
pub struct Cli {
    /// Use this config file instead of the nearest .mrd.yml.
    #[arg(long, global = true, value_name = "PATH")]
    pub config: Option<PathBuf>,

    /// When to colour the output.
    #[arg(long, global = true, value_enum, default_value_t = ColorWhen::Auto, value_name = "WHEN")]
    pub color: ColorWhen,

    #[command(subcommand)]
    pub command: Command,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum ColorWhen {
    /// Colour when writing to a terminal and NO_COLOR is not set.
    Auto,
    Always,
    Never,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    New(NewArgs),
    Edit(EditArgs),
    Lint(LintArgs),
    Render(RenderArgs),
    Templates(TemplatesArgs),
    Summary(SummaryArgs),
    Kickoff(KickoffArgs),
    Roll(RollArgs),
    Log(LogArgs),
    Decide(DecideArgs),
    Questions(QuestionsArgs),
    Rules(RulesArgs),
    Init(InitArgs),
    Schema(SchemaArgs),
    Import(ImportArgs),
    Completions(CompletionsArgs),
    Man(ManArgs),
    Lsp(LspArgs),
}

/// Create an assessment: a guided interview in the terminal, or from a YAML file.
#[derive(Debug, Args)]
#[command(after_help = "Examples:\n  \
    mrd new                                   the interview: title, each question, the recommendation\n  \
    mrd new \"Managed scheduler\" -o assessments/scheduler.md\n  \
    mrd new --answers answers.yml             no questions asked: the answers come from a file\n  \
    cat answers.yml | mrd new --answers -\n  \
    mrd new \"Managed scheduler\" --template-only   an empty skeleton to fill in your editor\n\n\
    The interview saves the file (status: draft) after every answer; Ctrl-C or Esc stops it and\n\
    prints the `mrd edit` command that resumes. Without a terminal (pipes, CI=true) it exits 2:\n\
    use --answers there. The answers file has the front-matter's keys (title, answers, confidence,\n\
    recommendation, ...); an incomplete one is still saved, with status draft, and reported (exit 1).")]
pub struct NewArgs {
    /// The opportunity's title (overrides `title:` in the answers file).
    pub title: Option<String>,

    /// Where to write; default: <assessments dir>/<slug of the title>.md.
    #[arg(short, long, value_name = "PATH")]
    pub output: Option<PathBuf>,

    /// Read the answers from this YAML file (`-` for standard input) instead of asking.
    #[arg(long, value_name = "FILE", conflicts_with = "template_only")]
    pub answers: Option<PathBuf>,

    /// Write an empty skeleton whose comments carry each question and its guidance.
    #[arg(long)]
    pub template_only: bool,

    /// Replace the output file if it exists.
    #[arg(long)]
    pub force: bool,
}

/// Resume or revise an assessment through the interview.
#[derive(Debug, Args)]
#[command(after_help = "Examples:\n  \
    mrd edit assessments/scheduler.md                      ask what is still unanswered\n  \
    mrd edit assessments/scheduler.md --question metrics   re-ask one question, answer pre-filled\n  \
    mrd edit assessments/scheduler.md --question recommendation\n  \
    mrd edit assessments/scheduler.md --all                re-ask everything\n\n\
    Every other key, unknown keys and the Markdown body are kept as they are.")]
pub struct EditArgs {
    /// The assessment to edit.
    #[arg(value_name = "PATH")]
    pub path: PathBuf,

    /// Re-ask this question (its key, as in `mrd questions`); repeatable.
    #[arg(long = "question", value_name = "KEY", conflicts_with = "all")]
    pub questions: Vec<String>,

    /// Re-ask every question, each with its current answer pre-filled.
    #[arg(long)]
    pub all: bool,
}

/// Check assessments for completeness.
#[derive(Debug, Args)]
#[command(after_help = "Examples:\n  \
    mrd lint                      lint the assessments directory from .mrd.yml\n  \
    mrd lint examples/ draft.md   files and directories (recursive, *.md)\n  \
    mrd lint - < draft.md         standard input\n  \
    mrd lint --format github      annotations in a GitHub Actions run\n  \
    mrd lint --deny warnings      fail on warnings too\n  \
    mrd lint --explain MRD006     what a rule checks and what to write instead\n  \
    mrd lint --fix                apply the safe fixes, then report what remains\n  \
    mrd lint --diff --unsafe-fixes   preview every fix as a unified diff, writing nothing\n\n\
    Exit codes: 0 no errors (warnings alone pass), 1 errors found (after --fix: errors remain), 2 usage or I/O error.")]
pub struct LintArgs {
    /// Files or directories; `-` reads standard input. Default: the assessments directory.
    #[arg(value_name = "PATH")]
    pub paths: Vec<PathBuf>,

    /// Output format.
    #[arg(long, value_enum, default_value_t = LintFormat::Human)]
    pub format: LintFormat,

    /// Report this rule (code or name) as an error; `warnings` makes every warning an error.
    #[arg(long, value_name = "RULE", value_parser = RuleName { warnings: true }, hide_possible_values = true)]
    pub deny: Vec<String>,

    /// Report this rule (code or name) as a warning.
    #[arg(long, value_name = "RULE", value_parser = RuleName::default(), hide_possible_values = true)]
    pub warn: Vec<String>,

    /// Do not check this rule (code or name).
    #[arg(long, value_name = "RULE", value_parser = RuleName::default(), hide_possible_values = true)]
    pub allow: Vec<String>,

    /// Apply the safe fixes (a key spelt another way, renamed to the one it means), then lint what remains.
    #[arg(long)]
    pub fix: bool,

    /// With --fix or --diff: also apply the fixes that change what mrd reads (a guessed spelling).
    #[arg(long)]
    pub unsafe_fixes: bool,

    /// Print the fixes as a unified diff instead of writing them.
    #[arg(long)]
    pub diff: bool,

    /// Explain a rule (code or name) and exit.
    #[arg(long, value_name = "RULE", exclusive = true, value_parser = RuleName::default(), hide_possible_values = true)]
    pub explain: Option<String>,
}

/// A rule, by code or name, as `--allow`, `--warn`, `--deny` and `--explain`
/// take it. Shell completions offer every rule's code and name (with its
/// summary where the shell shows one) from the rule registry; the value
/// itself is taken as written, and `mrd lint` says which rules exist when
/// it names none (with `mrd rules` to list them), as it always has.
#[derive(Clone, Copy, Debug, Default)]
pub struct RuleName {
    /// Also offer `warnings` (for `--deny warnings`).
    warnings: bool,
}

impl clap::builder::TypedValueParser for RuleName {
    type Value = String;

    fn parse_ref(
        &self,
        cmd: &clap::Command,
        arg: Option<&clap::Arg>,
        value: &std::ffi::OsStr,
    ) -> Result<String, clap::Error> {
        clap::builder::StringValueParser::new().parse_ref(cmd, arg, value)
    }

    fn possible_values(
        &self,
    ) -> Option<Box<dyn Iterator<Item = clap::builder::PossibleValue> + '_>> {
        use clap::builder::PossibleValue;
        let rules = crate::diagnostic::rules::RULES.iter().flat_map(|rule| {
            [rule.code, rule.name].map(|value| PossibleValue::new(value).help(rule.summary))
        });
        let warnings = self
            .warnings
            .then(|| PossibleValue::new("warnings").help("Every rule reported as a warning."));
        Some(Box::new(rules.chain(warnings)))
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum LintFormat {
    /// For people: source lines with carets, coloured on a terminal.
    Human,
    /// One JSON document with a stable schema (docs/lint.md).
    Json,
    /// GitHub Actions workflow commands (annotations).
    Github,
    /// GitLab Code Quality report.
    Gitlab,
    /// SARIF 2.1.0.
    Sarif,
    /// JUnit XML, one test case per file.
    Junit,
    /// One line per finding: `path:line:col: CODE message`.
    Concise,
}

/// List the lint rules with their codes and default levels.
#[derive(Debug, Args)]
#[command(after_help = "Examples:\n  \
    mrd rules\n  \
    mrd rules --format json | jq '.[].code'\n  \
    mrd lint --explain placeholder-answer")]
pub struct RulesArgs {
    #[arg(long, value_enum, default_value_t = QuestionsFormat::Text)]
    pub format: QuestionsFormat,
}

/// Print an assessment as issue text.
#[derive(Debug, Args)]
#[command(after_help = "Examples:\n  \
    mrd render examples/managed-scheduler.md\n  \
    mrd render --title examples/managed-scheduler.md\n  \
    mrd render x.md | gh issue create --title \"$(mrd render --title x.md)\" --body-file -\n  \
    glab issue create --title \"$(mrd render --title x.md)\" --description \"$(mrd render --quick-actions x.md)\"\n  \
    mrd render --format html x.md -o x.html\n  \
    mrd render --context x.md            the data templates receive, as JSON\n\n\
    Templates: see `mrd templates list` and docs/templates.md.")]
pub struct RenderArgs {
    /// The assessment to render (`-` for standard input).
    #[arg(value_name = "PATH")]
    pub path: PathBuf,

    /// Write to this file instead of standard output.
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,

    /// Print only the issue title, on one line.
    #[arg(long, conflicts_with_all = ["format", "template", "quick_actions", "context"])]
    pub title: bool,

    /// The forge the Markdown is for [default: `render.flavor` in .mrd.yml, else gitlab].
    #[arg(long, value_enum, value_name = "FLAVOR")]
    pub flavor: Option<crate::flavor::Flavor>,

    /// Markdown issue text, or a standalone HTML page.
    #[arg(long, value_enum, default_value_t = crate::render::Format::Markdown, value_name = "FORMAT")]
    pub format: crate::render::Format,

    /// Render the body with this template file (it may extend the built-ins).
    #[arg(long, value_name = "FILE")]
    pub template: Option<PathBuf>,

    /// Append `/label` and `/milestone` GitLab quick actions from the front-matter.
    #[arg(long)]
    pub quick_actions: bool,

    /// Print the data templates receive, as JSON, instead of rendering.
    #[arg(long, conflicts_with_all = ["format", "template", "quick_actions"])]
    pub context: bool,
}

/// List, show or write out the built-in templates.
#[derive(Debug, Args)]
#[command(after_help = "Examples:\n  \
    mrd templates list\n  \
    mrd templates show issue.md\n  \
    mrd templates eject .mrd/templates     then set `render: {templates: .mrd/templates}` in .mrd.yml")]
pub struct TemplatesArgs {
    #[command(subcommand)]
    pub action: TemplatesAction,
}

#[derive(Debug, Subcommand)]
pub enum TemplatesAction {
    /// The templates by name, and which ones the project overrides.
    List,
    /// Print a built-in template.
    Show {
        /// The template's name, as `list` prints it.
        #[arg(value_name = "NAME")]
        name: String,
    },
    /// Write the built-in templates into a directory, to start from them.
    Eject {
        #[arg(value_name = "DIR")]
        dir: PathBuf,
        /// Replace files that already exist.
        #[arg(long)]
        force: bool,
    },
}

/// Show the go/no-go decision of assessments, and whether the evidence supports it.
#[derive(Debug, Args)]
#[command(after_help = "Examples:\n  \
    mrd summary                               the assessments directory from .mrd.yml\n  \
    mrd summary examples/managed-scheduler.md one assessment: its evidence question by question\n  \
    mrd summary --decision go,undecided       only what is going ahead or still open\n  \
    mrd summary --milestone 2026-W44 --format markdown   the weekly kickoff table\n  \
    mrd summary --format html -o review.html  a standalone page with a readiness chart\n  \
    mrd summary --since 2026-11-16            what changed since: new, decisions, readiness\n\n\
    Rows are sorted by decision (go, no-go, undecided, none), then readiness.\n\
    A file that cannot be read is listed with its error and the exit code is 1.\n\
    The readiness formula and the contradiction rules are in docs/summary.md.")]
pub struct SummaryArgs {
    /// Files or directories. Default: the assessments directory.
    #[arg(value_name = "PATH")]
    pub paths: Vec<PathBuf>,

    /// Output format. `table` shows one assessment named alone as its evidence, question by question.
    #[arg(long, value_enum, default_value_t = SummaryFormat::Table)]
    pub format: SummaryFormat,

    /// Only assessments with this status (draft, review, decided, archived); repeat or separate with commas.
    #[arg(long, value_name = "STATUS", value_delimiter = ',', value_parser = parse_status)]
    pub status: Vec<crate::assessment::Status>,

    /// Only assessments with this decision (go, no-go, undecided, none); repeat or separate with commas.
    #[arg(long, value_name = "DECISION", value_delimiter = ',', value_parser = parse_decision)]
    pub decision: Vec<Option<crate::assessment::Decision>>,

    /// Only assessments in this milestone; with exactly one, markdown and HTML are headed
    /// "Weekly Kickoff for Milestone - <milestone>".
    #[arg(long, value_name = "MILESTONE")]
    pub milestone: Vec<String>,

    /// Only assessments with this label; repeated, an assessment must have every one.
    #[arg(long, value_name = "LABEL")]
    pub label: Vec<String>,

    /// Lay the table out for this many columns (default: the terminal's width, or 80 when not a terminal).
    #[arg(long, value_name = "COLUMNS", value_parser = clap::value_parser!(u16).range(40..))]
    pub width: Option<u16>,

    /// Write to this file instead of standard output (replaced if it exists; never coloured).
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,

    /// Add what changed since this commit (`HEAD~5`, a tag) or day (YYYY-MM-DD): new
    /// assessments, decision changes, readiness up or down. Reads git history.
    #[arg(long, value_name = "REV|DATE", value_parser = parse_since)]
    pub since: Option<crate::history::Since>,
}

fn parse_since(text: &str) -> Result<crate::history::Since, String> {
    crate::history::Since::parse(text)
}

/// Print the weekly kickoff issue for a milestone, from the backlog and its git history.
#[derive(Debug, Args)]
#[command(after_help = "Examples:\n  \
    mrd kickoff --milestone 2026-W48\n  \
    mrd kickoff --milestone 2026-W48 --title\n  \
    glab issue create --title \"$(mrd kickoff --milestone 2026-W48 --title)\" \\\n      \
    --description \"$(mrd kickoff --milestone 2026-W48 --quick-actions)\"\n  \
    mrd kickoff --milestone 2026-W48 --flavor github | gh issue create \\\n      \
    --title \"$(mrd kickoff --milestone 2026-W48 --title)\" --body-file -\n  \
    mrd kickoff --milestone \"Fri: July 9, 2021\" --since v1.4\n\n\
    The body lists the go decisions of the milestone, what awaits a decision, stale drafts,\n\
    the highlights and lowlights since the previous kickoff (the previous milestone's Monday,\n\
    or --since) from git history, and metrics. The issue is due on the milestone's Monday.\n\
    Set MRD_TODAY=YYYY-MM-DD to prepare it as of another day. See docs/kickoff.md.")]
pub struct KickoffArgs {
    /// The milestone the kickoff is for (`2026-W48`, `Fri: July 9, 2021`; see `kickoff.milestone_pattern`).
    #[arg(long, value_name = "MILESTONE")]
    pub milestone: String,

    /// Files or directories. Default: the assessments directory.
    #[arg(value_name = "PATH")]
    pub paths: Vec<PathBuf>,

    /// Highlights since this commit or day instead of the previous milestone's Monday.
    #[arg(long, value_name = "REV|DATE", value_parser = parse_since)]
    pub since: Option<crate::history::Since>,

    /// Print only the issue title, on one line.
    #[arg(long, conflicts_with_all = ["quick_actions"])]
    pub title: bool,

    /// The forge the Markdown is for [default: `render.flavor` in .mrd.yml, else gitlab].
    #[arg(long, value_enum, value_name = "FLAVOR")]
    pub flavor: Option<crate::render::Flavor>,

    /// Append `/due`, `/milestone` and `/label` GitLab quick actions (labels from `kickoff.labels`).
    #[arg(long)]
    pub quick_actions: bool,
}

/// Move the assessments of one milestone that are not decided to the next.
#[derive(Debug, Args)]
#[command(after_help = "Examples:\n  \
    mrd roll --from 2026-W47 --to 2026-W48 --dry-run   what would move\n  \
    mrd roll --from 2026-W47 --to 2026-W48\n  \
    mrd roll --from 2026-W47 --to 2026-W48 --force     also files with uncommitted changes\n\n\
    Moves what has no go or no-go yet (status not decided or archived). Only the `milestone:`\n\
    line changes; every other byte is kept, and each file is replaced atomically. A file with\n\
    changes not committed to git is left alone unless --force, so the roll is a commit of its own.\n\
    Exit codes: 0 everything due to move moved, 1 some were left alone (listed), 2 usage or I/O error.")]
pub struct RollArgs {
    /// The milestone to move assessments out of.
    #[arg(long, value_name = "MILESTONE")]
    pub from: String,

    /// The milestone to move them to.
    #[arg(long, value_name = "MILESTONE")]
    pub to: String,

    /// Files or directories. Default: the assessments directory.
    #[arg(value_name = "PATH")]
    pub paths: Vec<PathBuf>,

    /// List what would move, and change nothing.
    #[arg(long)]
    pub dry_run: bool,

    /// Move files with uncommitted changes too.
    #[arg(long)]
    pub force: bool,
}

/// Show the history of one assessment from git: answers, decisions, readiness over time.
#[derive(Debug, Args)]
#[command(after_help = "Examples:\n  \
    mrd log assessments/scheduler.md\n  \
    mrd log assessments/scheduler.md --format json | jq '.versions[].decision'\n\n\
    Versions are the commits of the first-parent history of HEAD that changed the file\n\
    (renames are followed when the content moved unchanged), newest first; uncommitted changes\n\
    come first. In a shallow clone the output says where the history stops.")]
pub struct LogArgs {
    /// The assessment.
    #[arg(value_name = "PATH")]
    pub path: PathBuf,

    #[arg(long, value_enum, default_value_t = LogFormat::Text)]
    pub format: LogFormat,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum LogFormat {
    /// For people: each version's changes, and readiness drawn over time.
    Text,
    /// Every version and change, for scripts (schema in docs/kickoff.md).
    Json,
}

/// Record a decision: go, no-go or undecided, with its rationale and today's date.
#[derive(Debug, Args)]
#[command(after_help = "Examples:\n  \
    mrd decide assessments/scheduler.md go --rationale \"Beta users pay; we reach them already.\"\n  \
    mrd decide assessments/scheduler.md no-go --rationale \"The market window closed.\"\n  \
    mrd decide assessments/scheduler.md undecided\n\n\
    go and no-go set `status: decided` and `decided:` to today; undecided removes the date and\n\
    returns a decided status to review. Only those entries change; comments and the body are kept.\n\
    The earlier decision stays in git history: `mrd log` shows it.")]
pub struct DecideArgs {
    /// The assessment.
    #[arg(value_name = "PATH")]
    pub path: PathBuf,

    /// go, no-go or undecided.
    #[arg(value_name = "DECISION", value_parser = parse_one_decision)]
    pub decision: crate::assessment::Decision,

    /// Why (Markdown). Required for go and no-go.
    #[arg(long, value_name = "TEXT")]
    pub rationale: Option<String>,
}

fn parse_one_decision(text: &str) -> Result<crate::assessment::Decision, String> {
    text.parse()
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum SummaryFormat {
    /// Aligned columns for a terminal, decisions coloured.
    Table,
    /// A Markdown table to paste into a kickoff issue.
    Markdown,
    /// Everything, for scripts (schema in docs/summary.md).
    Json,
    /// A header row and one row per assessment.
    Csv,
    /// A standalone page with a readiness chart (no JavaScript, no external files).
    Html,
}

fn parse_status(text: &str) -> Result<crate::assessment::Status, String> {
    text.parse()
}

/// `none` asks for assessments with no decision yet.
fn parse_decision(text: &str) -> Result<Option<crate::assessment::Decision>, String> {
    if text.trim().eq_ignore_ascii_case("none") {
        return Ok(None);
    }
    text.parse::<crate::assessment::Decision>()
        .map(Some)
        .map_err(|err| format!("{err} | none"))
}

/// List the active questions with their guidance.
#[derive(Debug, Args)]
#[command(after_help = "Examples:\n  \
    mrd questions\n  \
    mrd questions --format json | jq '.[].key'")]
pub struct QuestionsArgs {
    #[arg(long, value_enum, default_value_t = QuestionsFormat::Text)]
    pub format: QuestionsFormat,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum QuestionsFormat {
    Text,
    Json,
}

/// Set up a repository: .mrd.yml, the assessments directory, forge templates and CI.
#[derive(Debug, Args)]
#[command(after_help = "Examples:\n  \
    mrd init                      .mrd.yml (every setting, commented) and the assessments directory (with a README)\n  \
    mrd init --gitlab             also a GitLab issue template and a Code Quality CI job\n  \
    mrd init --github             also a GitHub issue form and a workflow\n  \
    mrd init --gitlab --force     regenerate the templates after changing the questions\n\n\
    Existing files are never replaced without --force; running init twice changes nothing.")]
pub struct InitArgs {
    /// Also write a GitLab issue template and a `.gitlab-ci.yml` lint job.
    #[arg(long)]
    pub gitlab: bool,

    /// Also write a GitHub issue form and a lint workflow.
    #[arg(long)]
    pub github: bool,

    /// Replace files that exist and differ from what init would write
    /// (except .gitlab-ci.yml, which only ever gains the lint job, and the
    /// assessments directory's README, which is yours).
    #[arg(long)]
    pub force: bool,
}

/// Print a JSON Schema of the front-matter, for editors.
#[derive(Debug, Args)]
#[command(after_help = "Examples:\n  \
    mrd schema > .mrd.schema.json\n  \
    mrd schema -o .mrd.schema.json\n\n\
    Then point your editor at it: see docs/integrations.md (\"Editor setup\").")]
pub struct SchemaArgs {
    /// Write to this file instead of standard output (replaced if it exists).
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
}

/// Turn documents a team already has (issues, wiki pages, docs) into assessment files.
#[derive(Debug, Args)]
#[command(after_help = "Examples:\n  \
    mrd import issue.md                            writes <assessments dir>/<slug of the title>.md\n  \
    mrd import wiki/ old-issues/*.md               a whole backlog: every file, one report\n  \
    gh issue view 42 --json title,body,labels,milestone,author,createdAt > 42.json\n  \
    mrd import 42.json                             title, labels, milestone, author and date from the JSON\n  \
    glab issue list --output json > all.json && mrd import all.json\n  \
    mrd render a.md | mrd import - --title T -o -  print the assessment instead of writing it\n  \
    mrd import --dry-run --format json docs/       what would be imported, as JSON\n\n\
    Reads GitLab templates, GitHub issue forms, wiki pages and docs: questions as headings, bold\n\
    or numbered lines, labels with the answer on the same line, or table rows; Cagan's wordings,\n\
    section names such as \"Why Us\" or \"TAM/SAM/SOM\", and a team's own (`aliases:` in .mrd.yml).\n\
    Decisions written in words (\"Pursue.\", \"Park until Q3\") are read. The report says where each\n\
    answer came from and how sure the match is; text it cannot place goes to the notes.\n\
    Exit codes: 0 everything written and complete, 1 written but incomplete (or mostly unplaced),\n\
    2 something was not written (usage, I/O, an existing file, a document with no questions).")]
pub struct ImportArgs {
    /// Files or directories to read (`*.md`, `*.markdown`, `*.json` in directories); `-` reads standard input.
    #[arg(value_name = "PATH", required = true)]
    pub inputs: Vec<PathBuf>,

    /// Where to write: a file (one document), a directory (several), or `-` for standard output;
    /// default: <assessments dir>/<slug of the title>.md.
    #[arg(short, long, value_name = "PATH")]
    pub output: Option<PathBuf>,

    /// The opportunity's title (one document only); default: the JSON's or front-matter's title,
    /// the document's first `# heading` or "Opportunity: X" line, else the file name.
    #[arg(long, value_name = "TEXT")]
    pub title: Option<String>,

    /// Replace output files that exist.
    #[arg(long)]
    pub force: bool,

    /// Read and report, but write nothing.
    #[arg(long)]
    pub dry_run: bool,

    /// The report's format.
    #[arg(long, value_enum, default_value_t = ImportFormat::Text, value_name = "FORMAT")]
    pub format: ImportFormat,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum ImportFormat {
    /// One line per finding, `file:line: …`.
    Text,
    /// One JSON document for the whole run.
    Json,
}

/// Print a shell completion script.
#[derive(Debug, Args)]
#[command(after_help = "Examples:\n  \
    mrd completions bash > ~/.local/share/bash-completion/completions/mrd\n  \
    mrd completions zsh > ~/.zfunc/_mrd\n  \
    mrd completions fish > ~/.config/fish/completions/mrd.fish\n  \
    mrd completions powershell >> $PROFILE\n  \
    mrd completions elvish >> ~/.config/elvish/rc.elv")]
pub struct CompletionsArgs {
    /// The shell to complete for.
    #[arg(value_enum)]
    pub shell: clap_complete::Shell,
}

/// Run the language server over stdio: findings as you type, fixes, hover and completion in your editor.
#[derive(Debug, Args)]
#[command(after_help = "Examples:\n  \
    mrd lsp                          what an editor runs; docs/editors.md has each editor's setup\n  \
    mrd --config team.mrd.yml lsp    with a config other than the workspace's .mrd.yml\n\n\
    It reads .mrd.yml from the workspace's root and reloads it when it changes. Exit codes: 0 after\n\
    the client's shutdown and exit, 1 when the client exits or goes away without shutdown.")]
pub struct LspArgs {
    /// Talk over standard input and output (the only transport; accepted because editors pass it).
    #[arg(long)]
    pub stdio: bool,
}

/// Print the manual page (roff).
#[derive(Debug, Args)]
#[command(after_help = "Examples:\n  \
    mrd man | man -l -\n  \
    mrd man > /usr/local/share/man/man1/mrd.1\n  \
    mrd man --dir man/            one page per command: mrd.1, mrd-lint.1, ...")]
pub struct ManArgs {
    /// Write a page for mrd and one for each command into this directory.
    #[arg(long, value_name = "DIR")]
    pub dir: Option<PathBuf>,
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn the_command_line_definition_is_consistent() {
        Cli::command().debug_assert();
    }
}
