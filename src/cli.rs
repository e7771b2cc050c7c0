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
        mrd questions                        show the questions and what a strong answer contains\n  \
        mrd new --answers answers.yml        create an assessment from a YAML file\n  \
        mrd lint examples/                   check every assessment in a directory\n  \
        mrd render examples/scheduler.md     print the issue text\n  \
        mrd summary examples/                the decision for each assessment\n\n\
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
    Lint(LintArgs),
    Render(RenderArgs),
    Summary(SummaryArgs),
    Questions(QuestionsArgs),
    Rules(RulesArgs),
}

/// Create an assessment.
#[derive(Debug, Args)]
#[command(after_help = "Examples:\n  \
    mrd new --answers answers.yml\n  \
    mrd new \"Managed scheduler\" --answers answers.yml -o assessments/scheduler.md\n  \
    cat answers.yml | mrd new --answers -\n\n\
    The answers file has the front-matter's keys (title, answers, confidence, recommendation, ...).\n\
    An incomplete file is still saved, with status draft, and reported; the exit code is then 1.")]
pub struct NewArgs {
    /// The opportunity's title (overrides `title:` in the answers file).
    pub title: Option<String>,

    /// Where to write; default: <assessments dir>/<slug of the title>.md.
    #[arg(short, long, value_name = "PATH")]
    pub output: Option<PathBuf>,

    /// Read the answers from this YAML file (`-` for standard input).
    #[arg(long, value_name = "FILE")]
    pub answers: Option<PathBuf>,

    /// Replace the output file if it exists.
    #[arg(long)]
    pub force: bool,
}

/// Check assessments for completeness.
#[derive(Debug, Args)]
#[command(after_help = "Examples:\n  \
    mrd lint                      lint the assessments directory from .mrd.yml\n  \
    mrd lint examples/ draft.md   files and directories (recursive, *.md)\n  \
    mrd lint - < draft.md         standard input\n  \
    mrd lint --format github      annotations in a GitHub Actions run\n  \
    mrd lint --deny warnings      fail on warnings too\n  \
    mrd lint --explain MRD006     what a rule checks and what to write instead\n\n\
    Exit codes: 0 no errors (warnings alone pass), 1 errors found, 2 usage or I/O error.")]
pub struct LintArgs {
    /// Files or directories; `-` reads standard input. Default: the assessments directory.
    #[arg(value_name = "PATH")]
    pub paths: Vec<PathBuf>,

    /// Output format.
    #[arg(long, value_enum, default_value_t = LintFormat::Human)]
    pub format: LintFormat,

    /// Report this rule (code or name) as an error; `warnings` makes every warning an error.
    #[arg(long, value_name = "RULE")]
    pub deny: Vec<String>,

    /// Report this rule (code or name) as a warning.
    #[arg(long, value_name = "RULE")]
    pub warn: Vec<String>,

    /// Do not check this rule (code or name).
    #[arg(long, value_name = "RULE")]
    pub allow: Vec<String>,

    /// Explain a rule (code or name) and exit.
    #[arg(long, value_name = "RULE", exclusive = true)]
    pub explain: Option<String>,
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
    mrd render examples/scheduler.md\n  \
    mrd render examples/scheduler.md -o issue.md")]
pub struct RenderArgs {
    /// The assessment to render.
    #[arg(value_name = "PATH")]
    pub path: PathBuf,

    /// Write to this file instead of standard output.
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
}

/// Show the go/no-go decision of assessments.
#[derive(Debug, Args)]
#[command(after_help = "Examples:\n  \
    mrd summary                   the assessments directory from .mrd.yml\n  \
    mrd summary examples/")]
pub struct SummaryArgs {
    /// Files or directories. Default: the assessments directory.
    #[arg(value_name = "PATH")]
    pub paths: Vec<PathBuf>,
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

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn the_command_line_definition_is_consistent() {
        Cli::command().debug_assert();
    }
}
