//! `mrd render`: an assessment as issue text, through Tera templates.
//!
//! The pipeline: the context is built with every user-written value cleaned
//! ([`context`], [`markdown`]); a template turns it into Markdown; the
//! Markdown is tidied; for GitLab every line that could run as a quick
//! action is neutralised ([`gitlab`]) and only then are `mrd`'s own quick
//! actions appended; for HTML the Markdown becomes a page with raw HTML
//! escaped ([`html`]). Answers reach a template only as context values,
//! never as template source, so `{{ x }}` inside an answer is printed as
//! written.

pub mod context;
mod details;
pub mod gitlab;
pub mod html;
pub mod markdown;
pub mod templates;
pub mod units;

use crate::assessment::Assessment;
use crate::questions::QuestionSet;

pub use crate::flavor::Flavor;
pub use context::{QuestionContext, RecommendationContext, RenderContext, SummaryContext};
pub use gitlab::QuickActionError;
pub use templates::{BUILTIN_TEMPLATES, Origin, Template, TemplateSet};

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    #[default]
    Markdown,
    /// A standalone page with minimal inline CSS.
    Html,
}

impl Format {
    pub fn as_str(self) -> &'static str {
        match self {
            Format::Markdown => "markdown",
            Format::Html => "html",
        }
    }
}

/// How to render.
#[derive(Clone, Debug, Default)]
pub struct Options {
    pub flavor: Flavor,
    pub format: Format,
    /// The body template's name; default: the flavour's built-in.
    pub template: Option<String>,
    /// Append `/label` and `/milestone` quick actions (GitLab Markdown only).
    pub quick_actions: bool,
}

/// Why rendering failed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RenderError {
    Template(TemplateError),
    QuickAction(QuickActionError),
}

impl From<TemplateError> for RenderError {
    fn from(err: TemplateError) -> RenderError {
        RenderError::Template(err)
    }
}

/// A template that failed to parse or render: where, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TemplateError {
    pub template: String,
    pub line: Option<usize>,
    pub column: Option<usize>,
    pub message: String,
    /// The template's text, for the line the problem is on.
    pub text: Option<String>,
}

impl TemplateError {
    /// An error about a template as a whole (it cannot be read, say).
    pub fn new(template: impl Into<String>, message: impl Into<String>) -> TemplateError {
        TemplateError {
            template: template.into(),
            line: None,
            column: None,
            message: message.into(),
            text: None,
        }
    }

    /// The error as a diagnostic (`error[template]`), with its source line.
    pub fn problem(&self) -> crate::diagnostic::Problem {
        use crate::diagnostic::{Diagnostic, DiagnosticId, Problem};
        use crate::source::{LineColumn, Pos, Source};
        let source = self
            .text
            .as_ref()
            .map(|text| Source::from_text(self.template.clone(), text.clone()));
        let span = match (&source, self.line) {
            (Some(source), Some(line)) => {
                let at = LineColumn {
                    line: line as u32,
                    column: self.column.unwrap_or(1) as u32,
                };
                Some(Pos::new(source.index().offset(at, &source.text), 0))
            }
            _ => None,
        };
        let mut diagnostic = Diagnostic::new(DiagnosticId::Template, span, &self.message)
            .in_file(self.template.clone());
        if span.is_none()
            && let Some(line) = self.line
        {
            let column = self
                .column
                .map(|c| format!(", column {c}"))
                .unwrap_or_default();
            diagnostic = diagnostic.note(format!("at line {line}{column}"));
        }
        Problem::new(diagnostic, source)
    }
}

impl std::fmt::Display for TemplateError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "template {}", self.template)?;
        if let Some(line) = self.line {
            write!(f, ":{line}")?;
            if let Some(column) = self.column {
                write!(f, ":{column}")?;
            }
        }
        write!(f, ": {}", self.message)
    }
}

impl std::error::Error for TemplateError {}

/// Renders `template` (a built-in name, such as `gitlab.md`) as GitLab
/// Markdown, without quick actions.
pub fn render(
    assessment: &Assessment,
    questions: &QuestionSet,
    template: &str,
) -> Result<String, TemplateError> {
    let options = Options {
        template: Some(template.to_string()),
        ..Options::default()
    };
    match render_issue(assessment, questions, &TemplateSet::builtin(), &options) {
        Ok(text) => Ok(text),
        Err(RenderError::Template(err)) => Err(err),
        Err(RenderError::QuickAction(_)) => unreachable!("quick actions are off"),
    }
}

/// The issue body, as `options` says.
pub fn render_issue(
    assessment: &Assessment,
    questions: &QuestionSet,
    templates: &TemplateSet,
    options: &Options,
) -> Result<String, RenderError> {
    let tera = templates.tera()?;
    let context = RenderContext::for_output(assessment, questions, options.flavor, options.format);
    let name = options
        .template
        .as_deref()
        .unwrap_or(options.flavor.template());
    // The context's values are visible already; this also covers what a
    // template wrote itself, and happens before quick actions are neutralised,
    // so the lines checked are the lines printed.
    let mut data = to_tera(&context)?;
    if options.format == Format::Markdown {
        // Only the page needs the context again: free its copy of the text.
        drop(context);
        let rendered = render_template(templates, &tera, name, &data)?;
        drop(data);
        let markdown = tidy(&markdown::normalise_for_markdown(&rendered));
        drop(rendered);
        if options.flavor == Flavor::Github {
            return Ok(markdown);
        }
        let mut text = gitlab::neutralise(markdown);
        if options.quick_actions {
            let actions =
                gitlab::quick_actions(&assessment.front).map_err(RenderError::QuickAction)?;
            if !actions.is_empty() {
                text.push('\n');
                text.push_str(&actions);
            }
        }
        return Ok(text);
    }
    let rendered = render_template(templates, &tera, name, &data)?;
    let markdown = tidy(&markdown::normalise_for_markdown(&rendered));
    data.insert("body", &html::to_html(&markdown));
    data.insert(
        "page_title",
        &render_title(assessment, questions, templates)?,
    );
    Ok(render_template(templates, &tera, "page.html", &data)?)
}

/// The issue title on one line, from `title.txt`.
pub fn render_title(
    assessment: &Assessment,
    questions: &QuestionSet,
    templates: &TemplateSet,
) -> Result<String, TemplateError> {
    let tera = templates.tera()?;
    let context = to_tera(&RenderContext::new(assessment, questions))?;
    Ok(markdown::one_line(&render_template(
        templates,
        &tera,
        "title.txt",
        &context,
    )?))
}

fn to_tera(context: &RenderContext<'_>) -> Result<tera::Context, TemplateError> {
    tera::Context::from_serialize(context)
        .map_err(|err| TemplateError::new("context", err.to_string()))
}

fn render_template(
    templates: &TemplateSet,
    tera: &tera::Tera,
    name: &str,
    context: &tera::Context,
) -> Result<String, TemplateError> {
    tera.render(name, context)
        .map_err(|err| templates.error(Some(name), &err))
}

/// Template whitespace control is fiddly; rather than make every template
/// author get it right, the output is normalised: no trailing spaces, no runs
/// of blank lines (outside code blocks, whose content is the author's), and
/// exactly one final newline. Code blocks are found by parsing, not by
/// looking for fences, so a fence inside an HTML comment is not one.
fn tidy(text: &str) -> String {
    // A line is inside a code block when it starts after the block's first byte.
    let mut ranges = Vec::new();
    units::each_unit(text, |offset, _, piece| {
        if let units::Piece::Parsed(events) = piece {
            ranges.extend(events.into_iter().filter_map(|(event, range)| {
                matches!(
                    event,
                    pulldown_cmark::Event::Start(pulldown_cmark::Tag::CodeBlock(_))
                )
                .then(|| offset + range.start + 1..offset + range.end)
            }));
        }
    });
    let mut code = markdown::RangeSet::new(ranges);
    let mut out = String::with_capacity(text.len());
    let mut blank_run = 0;
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        let in_code = code.contains(offset);
        offset += line.len();
        let line = line.trim_end();
        if line.is_empty() && !in_code {
            blank_run += 1;
            if blank_run > 1 || out.is_empty() {
                continue;
            }
        } else {
            blank_run = 0;
        }
        out.push_str(line);
        out.push('\n');
    }
    while out.ends_with("\n\n") {
        out.pop();
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::assessment::parse;
    use crate::source::Source;

    fn assessment(text: &str) -> Assessment {
        parse(&Source::from_text("t.md", text)).assessment.unwrap()
    }

    #[test]
    fn renders_each_question_in_order_with_the_decision() {
        let a = assessment(
            "---\ntitle: T\nanswers:\n  problem: The pain.\nrecommendation:\n  decision: go\n  rationale: Worth it.\n  conditions: [Beta by May]\n---\nSome notes.\n",
        );
        let out = render(&a, &QuestionSet::builtin(), "issue.md").unwrap();
        assert!(
            out.starts_with(
                "**Decision: GO** · 1 of 9 questions answered · readiness 24/100\n\nVerdict: GO, at risk: target market missing; market size missing; competitive landscape missing; and 5 more\n\nOpen risks:\n\n- target market missing\n"
            ),
            "{out}"
        );
        let problem = out
            .find("## 1. Exactly what problem will this solve? (value proposition)\n\nThe pain.\n")
            .unwrap();
        let target = out
            .find("## 2. For whom do we solve that problem? (target market)\n\n*Not answered yet.*")
            .unwrap();
        assert!(problem < target);
        assert!(out.contains("## 10. Given the above, what's the recommendation? (go or no-go)\n\nDecision: **GO**\n\nWorth it.\n\nConditions:\n\n- Beta by May\n"), "{out}");
        assert!(out.ends_with("## Notes\n\nSome notes.\n"), "{out}");
    }

    #[test]
    fn template_syntax_in_answers_is_printed_literally() {
        let a = assessment(
            "---\ntitle: T\nanswers:\n  problem: \"{{ 7 * 7 }} {% if true %}x{% endif %} {# c #}\"\n---\n",
        );
        let out = render(&a, &QuestionSet::builtin(), "issue.md").unwrap();
        assert!(
            out.contains("{{ 7 * 7 }} {% if true %}x{% endif %} {# c #}"),
            "{out}"
        );
    }

    #[test]
    fn tidy_knows_a_fence_closes_only_with_its_own_length() {
        assert_eq!(tidy("<!--\n```\n-->\n\n\nz\n"), "<!--\n```\n-->\n\nz\n");
        assert_eq!(
            tidy("````md\n```\n\n\nx\n```\n````\n\n\nz\n"),
            "````md\n```\n\n\nx\n```\n````\n\nz\n"
        );
    }

    #[test]
    fn tidy_removes_trailing_space_and_extra_blank_lines() {
        assert_eq!(tidy("\n\na  \n\n\n\nb\n\n"), "a\n\nb\n");
        assert_eq!(
            tidy("```\nx\n\n\ny\n```\n\n\nz"),
            "```\nx\n\n\ny\n```\n\nz\n"
        );
    }
}
