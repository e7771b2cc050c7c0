//! What a template receives, documented field by field in docs/templates.md.
//!
//! Every piece of user-written Markdown is cleaned here, before any template
//! sees it (see [`crate::render::markdown`]): a custom template that prints
//! `{{ q.answer }}` gets the same structural guarantees as the built-ins.
//! Values are data: Tera never parses them as template source.

use serde::Serialize;

use crate::assessment::{Assessment, Confidence};
use crate::questions::{Question, QuestionSet};
use crate::render::markdown::{clean_block, one_line};
use crate::render::{Flavor, Format};
use crate::summary::Summary;

/// Headings inside answers and notes start at this level: one below the
/// `##` heading the built-in templates give each question.
pub const ANSWER_HEADING_LEVEL: u8 = 3;

/// One question as a template sees it.
#[derive(Debug, Serialize)]
pub struct QuestionContext<'a> {
    pub key: &'a str,
    pub number: usize,
    pub text: String,
    pub short_name: String,
    pub required: bool,
    /// Whether the answer says something (not missing, empty or blank).
    pub answered: bool,
    /// The answer's cleaned Markdown, or `null` when unanswered.
    pub answer: Option<String>,
    pub confidence: Option<Confidence>,
}

/// A question named in a list (open questions, low confidence).
#[derive(Debug, Serialize)]
pub struct QuestionRef<'a> {
    pub key: &'a str,
    pub number: usize,
    pub text: String,
    pub short_name: String,
}

#[derive(Debug, Serialize)]
pub struct RecommendationContext<'a> {
    pub question: Option<&'a Question>,
    pub decision: Option<&'static str>,
    /// The rationale's cleaned Markdown, or `null`.
    pub rationale: Option<String>,
    /// Each condition cleaned like an answer, then put on one line.
    pub conditions: Vec<String>,
}

/// Everything a template receives. Documented in docs/templates.md.
#[derive(Debug, Serialize)]
pub struct RenderContext<'a> {
    pub title: Option<String>,
    pub author: Option<String>,
    pub status: Option<&'static str>,
    pub created: Option<String>,
    pub labels: Vec<String>,
    pub milestone: Option<String>,
    /// `gitlab` or `github`.
    pub flavor: &'static str,
    /// `markdown` or `html`: templates leave out raw HTML for `html`, where
    /// it would be escaped.
    pub format: &'static str,
    /// Cleaned answer Markdown by question key, including keys outside the
    /// question set.
    pub answers: serde_json::Map<String, serde_json::Value>,
    pub questions: Vec<QuestionContext<'a>>,
    /// The required questions without an answer, in order.
    pub unanswered_questions: Vec<QuestionRef<'a>>,
    /// The questions whose answer is marked low confidence, in order.
    pub low_confidence_questions: Vec<QuestionRef<'a>>,
    pub recommendation: RecommendationContext<'a>,
    pub summary: SummaryContext,
    /// The Markdown body below the front-matter, cleaned.
    pub notes: String,
}

/// The summary with the labels templates print.
#[derive(Debug, Serialize)]
pub struct SummaryContext {
    #[serde(flatten)]
    pub summary: Summary,
    pub decision_label: &'static str,
}

fn clean(text: &str) -> Option<String> {
    let cleaned = clean_block(text, ANSWER_HEADING_LEVEL);
    (!cleaned.trim().is_empty()).then_some(cleaned)
}

/// The notes without a leading "Notes" heading: templates print their own,
/// and the same heading twice in a row says nothing (and fails MD024).
fn without_notes_heading(notes: String) -> String {
    let first_line = notes.lines().next().unwrap_or_default();
    let is_notes_heading = first_line
        .strip_prefix(&"#".repeat(usize::from(ANSWER_HEADING_LEVEL)))
        .is_some_and(|rest| rest.trim().eq_ignore_ascii_case("notes"));
    if is_notes_heading {
        // Cleaned again so that the headings below start at the top level.
        clean_block(&notes[first_line.len()..], ANSWER_HEADING_LEVEL)
    } else {
        notes
    }
}

impl<'a> RenderContext<'a> {
    /// The context for GitLab-flavoured Markdown.
    pub fn new(assessment: &'a Assessment, questions: &'a QuestionSet) -> RenderContext<'a> {
        RenderContext::for_output(assessment, questions, Flavor::Gitlab, Format::Markdown)
    }

    pub fn for_output(
        assessment: &'a Assessment,
        questions: &'a QuestionSet,
        flavor: Flavor,
        format: Format,
    ) -> RenderContext<'a> {
        let front = &assessment.front;
        let rec = front.recommendation.as_ref();
        let line = |text: &str| Some(one_line(text)).filter(|t| !t.is_empty());
        let mut summary = Summary::of(assessment, questions);
        // The summary keeps copies of user text: cleaned like the fields below.
        summary.title = summary.title.as_deref().and_then(line);
        summary.author = summary.author.as_deref().and_then(line);
        summary.milestone = summary.milestone.as_deref().and_then(line);
        summary.labels = summary.labels.iter().filter_map(|l| line(l)).collect();
        let refs = |keys: &[String]| {
            questions
                .answer_questions()
                .filter(|q| keys.contains(&q.key))
                .map(|q| QuestionRef {
                    key: &q.key,
                    number: q.number,
                    text: one_line(&q.text),
                    short_name: one_line(&q.short_name),
                })
                .collect()
        };
        RenderContext {
            unanswered_questions: refs(&summary.unanswered),
            low_confidence_questions: refs(&summary.low_confidence),
            title: front.title_text().and_then(line),
            author: front.author.as_ref().and_then(|a| line(&a.value)),
            status: front.status.as_ref().map(|s| s.value.as_str()),
            created: front.created.as_ref().map(|c| c.value.to_string()),
            labels: front.labels.iter().filter_map(|l| line(&l.value)).collect(),
            milestone: front.milestone.as_ref().and_then(|m| line(&m.value)),
            flavor: flavor.as_str(),
            format: format.as_str(),
            answers: front
                .answers
                .iter()
                .map(|a| {
                    let text = clean(&a.text.value).unwrap_or_default();
                    (a.key.value.clone(), text.into())
                })
                .collect(),
            questions: questions
                .answer_questions()
                .map(|q| {
                    let answer = front.answer_text(&q.key).and_then(clean);
                    QuestionContext {
                        key: &q.key,
                        number: q.number,
                        text: one_line(&q.text),
                        short_name: one_line(&q.short_name),
                        required: q.required,
                        answered: answer.is_some(),
                        answer,
                        confidence: front.confidence_of(&q.key),
                    }
                })
                .collect(),
            recommendation: RecommendationContext {
                question: questions.recommendation(),
                decision: front.decision().map(|d| d.as_str()),
                rationale: rec
                    .and_then(|r| r.rationale.as_ref())
                    .and_then(|r| clean(&r.value)),
                conditions: rec
                    .map(|r| {
                        // Cleaned like answers (emphasis and bullet styles), then one line.
                        let condition = |text: &str| line(&clean_block(text, ANSWER_HEADING_LEVEL));
                        r.conditions
                            .iter()
                            .filter_map(|c| condition(&c.value))
                            .collect()
                    })
                    .unwrap_or_default(),
            },
            summary: SummaryContext {
                decision_label: summary.decision_label(),
                summary,
            },
            notes: clean(&assessment.body)
                .map(without_notes_heading)
                .unwrap_or_default(),
        }
    }
}
