//! `mrd render`: an assessment as issue text, through Tera templates.
//!
//! Built-in templates live in `templates/` and are compiled into the binary.
//! Answers reach a template only as context values, never as template source,
//! so text like `{{ x }}` inside an answer is printed as written.

use serde::Serialize;

use crate::assessment::{Assessment, Confidence};
use crate::questions::{Question, QuestionSet};
use crate::summary::Summary;

/// The built-in templates, by name.
pub const BUILTIN_TEMPLATES: &[(&str, &str)] =
    &[("issue.md", include_str!("../../templates/issue.md"))];

/// A template that failed to parse or render: where, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TemplateError {
    pub template: String,
    pub line: Option<usize>,
    pub column: Option<usize>,
    pub message: String,
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

impl TemplateError {
    fn from_tera(template: &str, err: &tera::Error) -> TemplateError {
        let report = match err.kind() {
            tera::ErrorKind::SyntaxError(report) | tera::ErrorKind::RenderingError(report) => {
                Some(report)
            }
            _ => None,
        };
        match report {
            Some(report) => TemplateError {
                template: report.filename().to_string(),
                line: Some(report.span().start_line),
                column: Some(report.span().start_col + 1),
                message: report.message().to_string(),
            },
            None => TemplateError {
                template: template.to_string(),
                line: None,
                column: None,
                message: err.to_string(),
            },
        }
    }
}

/// One question as a template sees it.
#[derive(Debug, Serialize)]
pub struct QuestionContext<'a> {
    pub key: &'a str,
    pub number: usize,
    pub text: &'a str,
    pub short_name: &'a str,
    pub required: bool,
    /// The answer's Markdown, or `null` when unanswered.
    pub answer: Option<&'a str>,
    pub confidence: Option<Confidence>,
}

#[derive(Debug, Serialize)]
pub struct RecommendationContext<'a> {
    pub question: Option<&'a Question>,
    pub decision: Option<&'static str>,
    pub rationale: Option<&'a str>,
    pub conditions: Vec<&'a str>,
}

/// Everything a template receives. Documented in docs/templates.md.
#[derive(Debug, Serialize)]
pub struct RenderContext<'a> {
    pub title: Option<&'a str>,
    pub author: Option<&'a str>,
    pub status: Option<&'static str>,
    pub created: Option<String>,
    pub labels: Vec<&'a str>,
    pub milestone: Option<&'a str>,
    /// Answer text by question key, including keys outside the question set.
    pub answers: serde_json::Map<String, serde_json::Value>,
    pub questions: Vec<QuestionContext<'a>>,
    pub recommendation: RecommendationContext<'a>,
    pub summary: SummaryContext,
    /// The Markdown body below the front-matter.
    pub notes: &'a str,
}

/// The summary with the labels templates print.
#[derive(Debug, Serialize)]
pub struct SummaryContext {
    #[serde(flatten)]
    pub summary: Summary,
    pub decision_label: &'static str,
}

impl<'a> RenderContext<'a> {
    pub fn new(assessment: &'a Assessment, questions: &'a QuestionSet) -> RenderContext<'a> {
        let front = &assessment.front;
        let summary = Summary::of(front, questions);
        let rec = front.recommendation.as_ref();
        RenderContext {
            title: front.title_text(),
            author: front.author.as_ref().map(|a| a.value.as_str()),
            status: front.status.as_ref().map(|s| s.value.as_str()),
            created: front.created.as_ref().map(|c| c.value.to_string()),
            labels: front.labels.iter().map(|l| l.value.as_str()).collect(),
            milestone: front.milestone.as_ref().map(|m| m.value.as_str()),
            answers: front
                .answers
                .iter()
                .map(|a| (a.key.value.clone(), a.text.value.clone().into()))
                .collect(),
            questions: questions
                .answer_questions()
                .map(|q| QuestionContext {
                    key: &q.key,
                    number: q.number,
                    text: &q.text,
                    short_name: &q.short_name,
                    required: q.required,
                    answer: front.answer_text(&q.key),
                    confidence: front.confidence_of(&q.key),
                })
                .collect(),
            recommendation: RecommendationContext {
                question: questions.recommendation(),
                decision: front.decision().map(|d| d.as_str()),
                rationale: rec
                    .and_then(|r| r.rationale.as_ref())
                    .map(|r| r.value.as_str())
                    .filter(|r| !r.trim().is_empty()),
                conditions: rec
                    .map(|r| r.conditions.iter().map(|c| c.value.as_str()).collect())
                    .unwrap_or_default(),
            },
            summary: SummaryContext {
                decision_label: summary.decision_label(),
                summary,
            },
            notes: &assessment.body,
        }
    }
}

/// Renders `template` (a built-in name) with the assessment's context.
pub fn render(
    assessment: &Assessment,
    questions: &QuestionSet,
    template: &str,
) -> Result<String, TemplateError> {
    let mut tera = tera::Tera::new();
    // Markdown is not HTML: escaping `<` or `&` would corrupt answers.
    tera.autoescape_on(Vec::<&str>::new());
    for (name, source) in BUILTIN_TEMPLATES {
        tera.add_raw_template(name, source)
            .map_err(|err| TemplateError::from_tera(name, &err))?;
    }
    let context = tera::Context::from_serialize(&RenderContext::new(assessment, questions))
        .map_err(|err| TemplateError::from_tera(template, &err))?;
    let text = tera
        .render(template, &context)
        .map_err(|err| TemplateError::from_tera(template, &err))?;
    Ok(tidy(&text))
}

/// Template whitespace control is fiddly; rather than make every template
/// author get it right, the output is normalised: no trailing spaces, no runs
/// of blank lines (outside code fences, whose content is the author's), and
/// exactly one final newline.
fn tidy(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut blank_run = 0;
    let mut fence: Option<&str> = None;
    for line in text.lines() {
        let trimmed = line.trim_start();
        let marker = ["```", "~~~"].into_iter().find(|m| trimmed.starts_with(m));
        match (fence, marker) {
            (None, Some(m)) => fence = Some(m),
            (Some(open), Some(m)) if open == m && trimmed.trim_end() == m => fence = None,
            _ => {}
        }
        let line = line.trim_end();
        if line.is_empty() && fence.is_none() {
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
            out.starts_with("**Decision: GO** · 1 of 9 questions answered"),
            "{out}"
        );
        let problem = out
            .find("## 1. Exactly what problem will this solve? (value proposition)\n\nThe pain.\n")
            .unwrap();
        let target = out
            .find("## 2. For whom do we solve that problem? (target market)\n\n_Not answered yet._")
            .unwrap();
        assert!(problem < target);
        assert!(out.contains("## 10. Given the above, what's the recommendation? (go or no-go)\n\n**GO**\n\nWorth it.\n\nConditions:\n\n- Beta by May\n"), "{out}");
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
    fn tidy_removes_trailing_space_and_extra_blank_lines() {
        assert_eq!(tidy("\n\na  \n\n\n\nb\n\n"), "a\n\nb\n");
        assert_eq!(
            tidy("```\nx\n\n\ny\n```\n\n\nz"),
            "```\nx\n\n\ny\n```\n\nz\n"
        );
    }
}
