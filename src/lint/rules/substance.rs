//! MRD016–MRD021: the substance rules' checks on a file (issue 16). Each
//! asks its heuristic (`lint::substance`) about one answer and turns the
//! weakness into a finding about that answer, or about the recommendation's
//! rationale, pointing at the words that show it when there are some.

use crate::diagnostic::{Diagnostic, RecommendationPart, Rule, Subject, rules as catalogue};
use crate::lint::Context;
use crate::lint::substance::{
    self, RuleDoc, Weakness, everyone_market, market_size, no_differentiator, why_now,
};
use crate::lint::text::locate;
use crate::source::Pos;

use super::placeholder_kind;

pub fn weak_market_size(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    one_answer(cx, out, &market_size::DOC, market_size::check);
}

pub fn everyone_market(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    one_answer(cx, out, &everyone_market::DOC, everyone_market::check);
}

pub fn no_differentiator(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    one_answer(cx, out, &no_differentiator::DOC, no_differentiator::check);
}

pub fn why_now_without_change(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    one_answer(cx, out, &why_now::DOC, why_now::check);
}

/// MRD020 reads every answer, with the question set's texts prepared once
/// per linter.
pub fn question_in_answer(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let Some(assessment) = cx.assessment else {
        return;
    };
    let questions = cx.in_answer();
    // An empty answer holds no question: `check` passes it over as soon as
    // anything else, without a test of its own for every answer.
    for answer in &assessment.front.answers {
        let text = &answer.text.value;
        if let Some(weakness) = questions.check(text, &answer.key.value) {
            out.push(finding(
                cx,
                &substance::question_in_answer::DOC,
                answer.text.pos,
                text,
                weakness,
                Subject::Answer(answer.key.value.clone()),
            ));
        }
    }
}

/// MRD021: the rationale of a go or no-go, checked like an answer.
pub fn weak_rationale(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let Some(recommendation) = cx.assessment.and_then(|a| a.front.recommendation.as_ref()) else {
        return;
    };
    let (Some(decision), Some(rationale)) = (&recommendation.decision, &recommendation.rationale)
    else {
        return;
    };
    let doc = &substance::weak_rationale::DOC;
    if let Some(weakness) =
        substance::weak_rationale::check(&rationale.value, decision.value, &cx.settings.words)
    {
        out.push(finding(
            cx,
            doc,
            rationale.pos,
            &rationale.value,
            weakness,
            Subject::Recommendation(RecommendationPart::Rationale),
        ));
    }
}

/// A rule that reads the answer to its one question, when the question set
/// has that question and the answer says something.
fn one_answer(
    cx: &Context<'_>,
    out: &mut Vec<Diagnostic>,
    doc: &'static RuleDoc,
    check: fn(&str, &substance::Words) -> Option<Weakness>,
) {
    let Some(key) = doc.question else {
        return;
    };
    let Some(answer) = cx.assessment.and_then(|a| a.front.answer(key)) else {
        return;
    };
    let question = cx.questions.get(key);
    if question.is_none() || answer.text.value.trim().is_empty() {
        return;
    }
    let Some(weakness) = check(&answer.text.value, &cx.settings.words) else {
        return;
    };
    // Placeholders ("...", "n/a") have a rule of their own: "n/a" is not a
    // claim that there is no differentiator. Asked only of a weak answer,
    // since most answers are not weak and lint reads every one.
    if placeholder_kind(&answer.text.value, question).is_none() {
        out.push(finding(
            cx,
            doc,
            answer.text.pos,
            &answer.text.value,
            weakness,
            Subject::Answer(key.to_string()),
        ));
    }
}

/// The finding for `weakness` in the value at `value` whose text is `text`:
/// at the words that show it when the source has them as written (a `>`
/// block folds lines), else at the whole value.
fn finding(
    cx: &Context<'_>,
    doc: &'static RuleDoc,
    value: Pos,
    text: &str,
    weakness: Weakness,
    subject: Subject,
) -> Diagnostic {
    let rule: &'static Rule = doc.rule;
    let pos = weakness
        .span
        .and_then(|span| text.get(span))
        .and_then(|quote| quote.lines().next())
        .and_then(|first| locate(&cx.source.text, value, first))
        .unwrap_or(value);
    debug_assert!(catalogue::find(rule.code).is_some());
    Diagnostic::rule(rule, pos, weakness.message)
        .help(doc.help)
        .about(subject)
}
