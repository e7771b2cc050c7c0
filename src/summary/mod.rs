//! The go/no-go summary of an assessment: the decision and the evidence
//! behind it. `mrd summary`, `mrd render` and the interview's last screen all
//! use this one computation, so they never disagree.
//!
//! One concept per module: [`evidence`] (the confidence profile),
//! [`readiness`] (the score and its formula), [`risks`] (what weakens the
//! decision, lint findings included), [`verdict`] (the contradiction rules),
//! [`backlog`] (many assessments: filters, order, totals) and [`report`] (the
//! output formats of `mrd summary`).

pub mod backlog;
pub mod evidence;
pub mod readiness;
pub mod report;
pub mod risks;
pub mod verdict;

use serde::Serialize;

use crate::assessment::{self, Decision, FrontMatter, Status};
use crate::diagnostic::{Diagnostic, Level};
use crate::lint;
use crate::questions::{QuestionSet, RECOMMENDATION_KEY};

pub use evidence::{Evidence, Strength};
pub use readiness::Readiness;
pub use risks::{Risk, RiskKind};
pub use verdict::{Contradiction, Verdict};

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Summary {
    pub title: Option<String>,
    pub status: Option<Status>,
    pub decision: Option<Decision>,
    /// Required answer questions that have a non-blank answer.
    pub answered: usize,
    /// Required answer questions in the active set.
    pub required: usize,
    /// Keys of the required questions still unanswered, in question order.
    pub unanswered: Vec<String>,
    /// Keys of the answers marked low confidence, in question order.
    pub low_confidence: Vec<String>,
    pub author: Option<String>,
    /// The day the current go or no-go was made (`decided:`).
    pub decided: Option<crate::date::Date>,
    pub milestone: Option<String>,
    pub labels: Vec<String>,
    /// The recommendation has a non-blank rationale.
    pub has_rationale: bool,
    /// 0–100; see [`readiness`] for the formula.
    pub readiness: u8,
    /// The two parts `readiness` is the sum of.
    pub readiness_parts: Readiness,
    /// The confidence profile: one entry per answer question, in order.
    pub evidence: Vec<Evidence>,
    /// What weakens the decision, most basic first.
    pub risks: Vec<Risk>,
    pub verdict: Verdict,
}

impl Summary {
    /// The summary from the front-matter alone, without lint findings.
    pub fn of(front: &FrontMatter, questions: &QuestionSet) -> Summary {
        Summary::with_lint(front, questions, &[])
    }

    /// The summary with lint findings of this file's front-matter among its
    /// risks: those on an answer or the recommendation weaken the evidence;
    /// the others are ignored.
    pub fn with_lint(
        front: &FrontMatter,
        questions: &QuestionSet,
        diagnostics: &[Diagnostic],
    ) -> Summary {
        build(front, questions, diagnostics)
    }

    /// The summary of one linted file, running every lint rule on it; `None`
    /// when the file has no readable front-matter.
    pub fn of_context(cx: &lint::Context<'_>) -> Option<Summary> {
        let assessment = cx.assessment?;
        // Findings in the body are about notes, not about the decision.
        let body_line = assessment::split(&cx.source.text)
            .map(|split| 2 + split.yaml.matches('\n').count() as u32)
            .unwrap_or(u32::MAX);
        let diagnostics: Vec<Diagnostic> = lint::check(cx)
            .into_iter()
            .filter(|d| d.pos.line < body_line)
            .collect();
        Some(Summary::with_lint(
            &assessment.front,
            cx.questions,
            &diagnostics,
        ))
    }

    /// The decision as people say it in a meeting.
    pub fn decision_label(&self) -> &'static str {
        label(self.decision)
    }

    pub fn is_complete(&self) -> bool {
        self.unanswered.is_empty() && self.decision.is_some()
    }
}

/// The decision as people say it in a meeting.
pub fn label(decision: Option<Decision>) -> &'static str {
    match decision {
        Some(Decision::Go) => "GO",
        Some(Decision::NoGo) => "NO-GO",
        Some(Decision::Undecided) => "UNDECIDED",
        None => "NO DECISION",
    }
}

fn build(front: &FrontMatter, questions: &QuestionSet, diagnostics: &[Diagnostic]) -> Summary {
    let unanswered: Vec<String> = front
        .unanswered(questions)
        .into_iter()
        .map(|q| q.key.clone())
        .collect();
    let required = questions.required_answers().count();
    let low_confidence = questions
        .answer_questions()
        .filter(|q| front.confidence_of(&q.key) == Some(assessment::Confidence::Low))
        .map(|q| q.key.clone())
        .collect();
    let decision = front.decision();
    let has_rationale = front
        .recommendation
        .as_ref()
        .and_then(|r| r.rationale.as_ref())
        .is_some_and(|r| !r.value.trim().is_empty());

    let lint_risks = lint_risks(front, questions, decision, has_rationale, diagnostics);
    let count = |key: &str, kind: RiskKind| {
        lint_risks
            .iter()
            .filter(|r| r.question == key && r.kind == kind)
            .count()
    };
    let evidence: Vec<Evidence> = questions
        .answer_questions()
        .map(|q| {
            Evidence::of(
                front,
                q,
                count(&q.key, RiskKind::LintError),
                count(&q.key, RiskKind::LintWarning),
            )
        })
        .collect();
    let readiness = Readiness::of(&evidence, decision, has_rationale);

    let mut risks: Vec<Risk> = unanswered
        .iter()
        .map(|key| {
            Risk::new(
                RiskKind::MissingAnswer,
                Level::Error,
                key,
                format!("{} missing", questions.name(key)),
            )
        })
        .collect();
    match decision {
        None => risks.push(Risk::new(
            RiskKind::NoDecision,
            Level::Error,
            RECOMMENDATION_KEY,
            "no decision".into(),
        )),
        Some(Decision::Go | Decision::NoGo) if !has_rationale => risks.push(Risk::new(
            RiskKind::NoRationale,
            Level::Error,
            RECOMMENDATION_KEY,
            "no rationale".into(),
        )),
        Some(_) => {}
    }
    risks.extend(
        evidence
            .iter()
            .filter(|e| e.strength == Strength::Low)
            .map(|e| {
                Risk::new(
                    RiskKind::LowConfidence,
                    Level::Warning,
                    &e.key,
                    format!("{} low confidence", e.short_name),
                )
            }),
    );
    risks.extend(lint_risks);

    let verdict = Verdict::of(&verdict::Facts {
        label: label(decision),
        decision,
        status: front.status.as_ref().map(|s| s.value),
        readiness: readiness.score,
        readiness_evidence: readiness.evidence,
        all_answered: unanswered.is_empty(),
        risks: &risks,
    });

    Summary {
        title: front.title_text().map(str::to_string),
        status: front.status.as_ref().map(|s| s.value),
        decision,
        answered: required - unanswered.len(),
        required,
        unanswered,
        low_confidence,
        author: front.author.as_ref().map(|a| a.value.clone()),
        decided: front.decided.as_ref().map(|d| d.value),
        milestone: front.milestone.as_ref().map(|m| m.value.clone()),
        labels: front.labels.iter().map(|l| l.value.clone()).collect(),
        has_rationale,
        readiness: readiness.score,
        readiness_parts: readiness,
        evidence,
        risks,
        verdict,
    }
}

/// The lint findings that bear on the decision, as risks in file order.
///
/// A finding on an answer that is missing, or on a recommendation with no
/// decision, is dropped: the missing-answer or no-decision risk already says
/// it. So is a finding on the recommendation that mentions the rationale when
/// there is none, for the same reason.
fn lint_risks(
    front: &FrontMatter,
    questions: &QuestionSet,
    decision: Option<Decision>,
    has_rationale: bool,
    diagnostics: &[Diagnostic],
) -> Vec<Risk> {
    let attribution = risks::Attribution::new(front);
    let mut out: Vec<(&Diagnostic, Risk)> = Vec::new();
    for d in diagnostics {
        match attribution.subject(d.pos) {
            risks::Subject::Answer(key) => {
                if front.answer_text(&key).is_some() {
                    out.push((d, risks::from_diagnostic(&key, &questions.name(&key), d)));
                }
            }
            risks::Subject::Recommendation => {
                let about_rationale = d.message.to_lowercase().contains("rationale");
                if decision.is_some() && (has_rationale || !about_rationale) {
                    out.push((
                        d,
                        risks::from_diagnostic(
                            RECOMMENDATION_KEY,
                            &questions.name(RECOMMENDATION_KEY),
                            d,
                        ),
                    ));
                }
            }
            risks::Subject::Elsewhere => {}
        }
    }
    out.sort_by_key(|(d, _)| {
        (
            std::cmp::Reverse(d.level),
            d.pos.line,
            d.pos.column,
            d.rule.code,
        )
    });
    out.into_iter().map(|(_, risk)| risk).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::assessment::parse;
    use crate::source::Source;

    #[test]
    fn counts_required_answers_and_reads_the_decision() {
        let text = "---\ntitle: T\nanswers:\n  problem: Pain.\n  target_market: '  '\nconfidence:\n  problem: low\nrecommendation:\n  decision: go\n---\n";
        let front = parse(&Source::from_text("t.md", text))
            .assessment
            .unwrap()
            .front;
        let summary = Summary::of(&front, &QuestionSet::builtin());
        assert_eq!((summary.answered, summary.required), (1, 9));
        assert_eq!(summary.unanswered[0], "target_market");
        assert_eq!(summary.low_confidence, ["problem"]);
        assert_eq!(summary.decision_label(), "GO");
        assert!(!summary.is_complete());
    }

    fn front(text: &str) -> FrontMatter {
        parse(&Source::from_text("t.md", text))
            .assessment
            .unwrap()
            .front
    }

    /// A finding of some rule at a line, as a lint rule from another area
    /// would produce it.
    fn finding(line: u32, column: u32, level: Level) -> Diagnostic {
        let rule = lint::rules::find("missing-title").unwrap();
        Diagnostic {
            file: "t.md".into(),
            pos: crate::yaml::Pos {
                line,
                column,
                ..Default::default()
            },
            rule,
            level,
            message: "something is off".into(),
            help: None,
        }
    }

    const GO: &str = "---\ntitle: T\nanswers:\n  problem: |\n    TBD\n  metrics: Soon.\n  market_size: ''\nconfidence:\n  problem: high\n  metrics: high\nrecommendation:\n  decision: go\n  rationale: Because.\n---\nBody.\n";

    #[test]
    fn a_lint_error_on_an_answer_makes_it_no_evidence_and_puts_a_go_at_risk() {
        let front = front(GO);
        let questions = QuestionSet::builtin();
        let plain = Summary::of(&front, &questions);
        let linted = Summary::with_lint(&front, &questions, &[finding(5, 5, Level::Error)]);
        let problem = |s: &Summary| {
            s.evidence
                .iter()
                .find(|e| e.key == "problem")
                .unwrap()
                .clone()
        };
        assert_eq!(problem(&plain).weight, 1.0);
        assert_eq!(
            (problem(&linted).weight, problem(&linted).lint_errors),
            (0.0, 1)
        );
        assert!(linted.readiness < plain.readiness);
        let risk = linted
            .risks
            .iter()
            .find(|r| r.kind == RiskKind::LintError)
            .unwrap();
        assert_eq!(
            (
                risk.question.as_str(),
                risk.message.as_str(),
                risk.code,
                risk.line
            ),
            (
                "problem",
                "value proposition: missing title",
                Some(lint::rules::find("missing-title").unwrap().code),
                Some(5)
            )
        );
        assert!(
            linted.verdict.contradictions[0]
                .reasons
                .contains(&"value proposition: missing title".to_string())
        );
    }

    #[test]
    fn a_lint_warning_halves_an_answer_and_is_listed_but_does_not_put_a_go_at_risk() {
        let front = front(GO);
        let questions = QuestionSet::builtin();
        let linted = Summary::with_lint(&front, &questions, &[finding(6, 12, Level::Warning)]);
        let metrics = linted.evidence.iter().find(|e| e.key == "metrics").unwrap();
        assert_eq!((metrics.weight, metrics.lint_warnings), (0.5, 1));
        assert!(
            linted
                .risks
                .iter()
                .any(|r| r.kind == RiskKind::LintWarning && r.question == "metrics")
        );
        let reasons = &linted.verdict.contradictions[0].reasons;
        assert!(
            !reasons.iter().any(|r| r.starts_with("metrics:")),
            "{reasons:?}"
        );
    }

    #[test]
    fn lint_findings_elsewhere_or_on_missing_answers_are_left_out() {
        let front = front(GO);
        let questions = QuestionSet::builtin();
        let diagnostics = [
            finding(2, 8, Level::Error),   // the title
            finding(7, 3, Level::Error),   // market_size, which is empty: already "missing"
            finding(1, 1, Level::Warning), // the whole file
        ];
        let linted = Summary::with_lint(&front, &questions, &diagnostics);
        assert_eq!(linted, Summary::of(&front, &questions));
    }

    #[test]
    fn of_context_runs_lint_on_the_file() {
        let source = Source::from_text("t.md", GO);
        let parsed = parse(&source);
        let questions = QuestionSet::builtin();
        let cx = lint::Context {
            source: &source,
            problems: &parsed.problems,
            assessment: parsed.assessment.as_ref(),
            questions: &questions,
            settings: &lint::Settings::default(),
        };
        let summary = Summary::of_context(&cx).unwrap();
        let plain = Summary::of(&parsed.assessment.as_ref().unwrap().front, &questions);
        // Lint's placeholder rule flags `TBD`: that answer is no evidence,
        // and the finding is a risk the plain summary cannot see.
        let problem = summary
            .evidence
            .iter()
            .find(|e| e.key == "problem")
            .unwrap();
        assert_eq!((problem.lint_errors, problem.weight), (1, 0.0));
        assert!(summary.readiness < plain.readiness);
        assert!(summary.risks.iter().any(|r| r.code == Some("MRD006")));
        assert!(!plain.risks.iter().any(|r| r.code.is_some()));
        assert_eq!(
            summary.verdict.text.split(';').next(),
            Some("GO, at risk: target market missing")
        );
    }
}
