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

use std::collections::HashSet;

use serde::Serialize;

use crate::assessment::{self, Assessment, Decision, FrontMatter, Status};
use crate::diagnostic::{Diagnostic, Subject, rules};
use crate::lint::Linter;
use crate::questions::{QuestionSet, RECOMMENDATION_KEY};
use crate::source::Source;

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
    /// Set when most of the document's words are in its notes body rather
    /// than in its answers: the score then does not judge the document.
    pub text_in_notes: Option<TextInNotes>,
}

/// Most of a document's words sit in its notes body, not in its answers (a
/// partial import, notes pasted under the front-matter). Readiness reads
/// only the answers, so a low score would look like a judgment of work that
/// is there but in the wrong place; the summary says where the text is
/// instead.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct TextInNotes {
    pub notes_words: usize,
    /// The answers' and the rationale's words together.
    pub answer_words: usize,
}

impl TextInNotes {
    /// Notes shorter than this are notes, however short the answers.
    pub const MIN_NOTES_WORDS: usize = 60;

    pub fn of(assessment: &Assessment) -> Option<TextInNotes> {
        use crate::lint::text::word_count;
        // The summary reads every file, and most have short notes: the
        // notes are counted in full only past the minimum, and the answers
        // only as far as they could outweigh the notes.
        let body = &assessment.body;
        if word_count(body, Self::MIN_NOTES_WORDS) < Self::MIN_NOTES_WORDS {
            return None;
        }
        let notes_words = word_count(body, usize::MAX);
        let front = &assessment.front;
        let rationale = front
            .recommendation
            .as_ref()
            .and_then(|r| r.rationale.as_ref())
            .map(|r| r.value.as_str());
        let texts = front
            .answers
            .iter()
            .map(|a| a.text.value.as_str())
            .chain(rationale);
        let mut answer_words = 0;
        for text in texts {
            answer_words += word_count(text, notes_words - answer_words);
            if answer_words >= notes_words {
                return None;
            }
        }
        Some(TextInNotes {
            notes_words,
            answer_words,
        })
    }

    /// What the summary says instead of a score.
    pub fn message(&self) -> String {
        format!(
            "most of the text is in the notes ({} words; {} in the answers), so readiness does not judge it",
            self.notes_words, self.answer_words
        )
    }
}

impl Summary {
    /// The summary with every lint finding on the file among its risks, as
    /// `mrd summary` and the interview's last screen show it: findings on an
    /// answer or the recommendation weaken the evidence.
    pub fn linted(source: &Source, assessment: &Assessment, linter: &Linter<'_>) -> Summary {
        let lint = linter.lint_parts(source, &[], Some(assessment));
        Summary::from_findings(
            assessment,
            linter.questions,
            &lint.diagnostics,
            Some(source),
        )
    }

    /// The summary from the assessment's completeness alone (answers
    /// present, a decision, a rationale), without lint's judgment of the
    /// answers' quality and whatever the levels in `.mrd.yml`: what a
    /// rendered issue shows, the same in every project.
    pub fn of(assessment: &Assessment, questions: &QuestionSet) -> Summary {
        let settings = crate::lint::Settings::default();
        let findings = Linter::new(questions, &settings).completeness(assessment);
        Summary::from_findings(assessment, questions, &findings, None)
    }

    /// The summary of `assessment` with `findings` (a linter's, on the file
    /// `source`) as its risks.
    pub fn from_findings(
        assessment: &Assessment,
        questions: &QuestionSet,
        findings: &[Diagnostic],
        source: Option<&Source>,
    ) -> Summary {
        build(assessment, questions, findings, source)
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

fn build(
    assessment: &Assessment,
    questions: &QuestionSet,
    findings: &[Diagnostic],
    source: Option<&Source>,
) -> Summary {
    let front = &assessment.front;
    let text_in_notes = TextInNotes::of(assessment);
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

    let found = risks_of(front, questions, decision, findings, source);
    let count = |key: &str, kind: RiskKind| {
        found
            .lint
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

    let mut risks = found.completeness;
    risks.extend(
        evidence
            .iter()
            .filter(|e| e.strength == Strength::Low)
            .map(|e| {
                Risk::new(
                    RiskKind::LowConfidence,
                    crate::diagnostic::Level::Warning,
                    &e.key,
                    format!("{} low confidence", e.short_name),
                )
            }),
    );
    risks.extend(found.lint);

    let verdict = Verdict::of(&verdict::Facts {
        label: label(decision),
        decision,
        status: front.status.as_ref().map(|s| s.value),
        readiness: readiness.score,
        readiness_evidence: readiness.evidence,
        all_answered: unanswered.is_empty(),
        risks: &risks,
        text_in_notes,
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
        text_in_notes,
    }
}

/// The risks findings give, by kind.
struct Found {
    /// Missing answers (in question order), then no decision or no rationale.
    completeness: Vec<Risk>,
    /// Other findings on an answer, a confidence or the recommendation:
    /// errors first, then in file order.
    lint: Vec<Risk>,
}

/// Turns findings into risks by their rule and subject. A finding about an
/// answer that says nothing, or about a recommendation with no decision, is
/// left out: the missing-answer or no-decision risk already says it.
fn risks_of(
    front: &FrontMatter,
    questions: &QuestionSet,
    decision: Option<Decision>,
    findings: &[Diagnostic],
    source: Option<&Source>,
) -> Found {
    let mut missing: Vec<(usize, Risk)> = Vec::new();
    let mut decided: Vec<Risk> = Vec::new();
    let mut lint: Vec<(&Diagnostic, Risk)> = Vec::new();
    // A set, not a scan per finding: a file with 10,000 answers and as many
    // findings stays linear.
    let answered: HashSet<&str> = front
        .answers
        .iter()
        .filter(|a| !a.text.value.trim().is_empty())
        .map(|a| a.key.value.as_str())
        .collect();
    for d in findings {
        let Some(rule) = d.id.rule() else {
            continue;
        };
        match &d.subject {
            Subject::Answer(key) if rule == &rules::MISSING_ANSWER => {
                let order = questions
                    .answer_questions()
                    .position(|q| &q.key == key)
                    .unwrap_or(usize::MAX);
                let risk = Risk::new(
                    RiskKind::MissingAnswer,
                    d.level,
                    key,
                    format!("{} missing", questions.name(key)),
                );
                missing.push((order, risk));
            }
            _ if rule == &rules::MISSING_DECISION => decided.push(Risk::new(
                RiskKind::NoDecision,
                d.level,
                RECOMMENDATION_KEY,
                "no decision".into(),
            )),
            _ if rule == &rules::MISSING_RATIONALE => decided.push(Risk::new(
                RiskKind::NoRationale,
                d.level,
                RECOMMENDATION_KEY,
                "no rationale".into(),
            )),
            Subject::Answer(key) | Subject::Confidence(key) => {
                if answered.contains(key.as_str()) {
                    let name = questions.name(key);
                    lint.push((d, risks::from_diagnostic(key, &name, d, source)));
                }
            }
            Subject::Recommendation(_) => {
                if decision.is_some() {
                    let name = questions.name(RECOMMENDATION_KEY);
                    lint.push((
                        d,
                        risks::from_diagnostic(RECOMMENDATION_KEY, &name, d, source),
                    ));
                }
            }
            Subject::Title | Subject::File => {}
        }
    }
    missing.sort_by_key(|(order, _)| *order);
    lint.sort_by_key(|(d, _)| (std::cmp::Reverse(d.level), d.offset(), d.code()));
    Found {
        completeness: missing.into_iter().map(|(_, r)| r).chain(decided).collect(),
        lint: lint.into_iter().map(|(_, risk)| risk).collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::assessment::parse;
    use crate::diagnostic::{Level, RecommendationPart};
    use crate::lint::Settings;
    use crate::source::Pos;

    fn read(text: &str) -> (Source, Assessment) {
        let source = Source::from_text("t.md", text);
        let assessment = parse(&source).assessment.unwrap();
        (source, assessment)
    }

    fn plain(assessment: &Assessment) -> Summary {
        Summary::of(assessment, &QuestionSet::builtin())
    }

    #[test]
    fn counts_required_answers_and_reads_the_decision() {
        let text = "---\ntitle: T\nanswers:\n  problem: Pain.\n  target_market: '  '\nconfidence:\n  problem: low\nrecommendation:\n  decision: go\n---\n";
        let summary = plain(&read(text).1);
        assert_eq!((summary.answered, summary.required), (1, 9));
        assert_eq!(summary.unanswered[0], "target_market");
        assert_eq!(summary.low_confidence, ["problem"]);
        assert_eq!(summary.decision_label(), "GO");
        assert!(!summary.is_complete());
        assert_eq!(summary.risks[0].message, "target market missing");
        assert!(
            summary
                .risks
                .iter()
                .any(|r| r.kind == RiskKind::NoRationale)
        );
    }

    /// A finding of some rule about `subject`, as a rule from another area
    /// would produce it.
    fn finding(subject: Subject, level: Level) -> Diagnostic {
        let mut d = Diagnostic::rule(&rules::MISSING_TITLE, Pos::START, "something is off")
            .about(subject)
            .in_file("t.md");
        d.level = level;
        d
    }

    const GO: &str = "---\ntitle: T\nanswers:\n  problem: |\n    TBD\n  metrics: Soon.\n  market_size: ''\nconfidence:\n  problem: high\n  metrics: high\nrecommendation:\n  decision: go\n  rationale: Because.\n---\nBody.\n";

    fn with(findings: &[Diagnostic]) -> (Summary, Summary) {
        let (source, assessment) = read(GO);
        let questions = QuestionSet::builtin();
        let settings = Settings::default();
        let linter = Linter::new(&questions, &settings);
        let mut all = linter.completeness(&assessment);
        all.extend(findings.iter().cloned());
        let linted = Summary::from_findings(&assessment, &questions, &all, Some(&source));
        (plain(&assessment), linted)
    }

    #[test]
    fn a_lint_error_on_an_answer_makes_it_no_evidence_and_puts_a_go_at_risk() {
        let (plain, linted) = with(&[finding(Subject::Answer("problem".into()), Level::Error)]);
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
                Some("MRD005"),
                Some(1)
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
        let (_, linted) = with(&[finding(
            Subject::Confidence("metrics".into()),
            Level::Warning,
        )]);
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
        let (plain, linted) = with(&[
            finding(Subject::Title, Level::Error),
            finding(Subject::Answer("market_size".into()), Level::Error),
            finding(Subject::File, Level::Warning),
        ]);
        assert_eq!(linted, plain);
    }

    #[test]
    fn the_recommendation_counts_once_there_is_a_decision() {
        let (_, linted) = with(&[finding(
            Subject::Recommendation(RecommendationPart::Rationale),
            Level::Error,
        )]);
        assert!(
            linted
                .risks
                .iter()
                .any(|r| r.message == "go or no-go: missing title")
        );
    }

    #[test]
    fn linted_runs_every_rule_on_the_file() {
        let (source, assessment) = read(GO);
        let questions = QuestionSet::builtin();
        let settings = Settings::default();
        let linter = Linter::new(&questions, &settings);
        let summary = Summary::linted(&source, &assessment, &linter);
        let plain = Summary::of(&assessment, &questions);
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

    #[test]
    fn a_rule_allowed_in_the_config_is_no_risk() {
        let (source, assessment) = read(GO);
        let questions = QuestionSet::builtin();
        let mut settings = Settings::default();
        settings.set(&rules::MISSING_ANSWER, crate::lint::RuleLevel::Allow);
        let summary = Summary::linted(&source, &assessment, &Linter::new(&questions, &settings));
        assert!(
            !summary
                .risks
                .iter()
                .any(|r| r.kind == RiskKind::MissingAnswer)
        );
        assert!(!summary.unanswered.is_empty(), "the facts stay");
    }
}
