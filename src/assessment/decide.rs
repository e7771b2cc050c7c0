//! Setting a decision. One function decides what changes with it (the
//! status, the `decided` date), so the interview, `mrd edit` and
//! `mrd decide` record a decision the same way.

use super::{Decision, FrontMatter, Located, Recommendation, Status};
use crate::date::Date;
use crate::yaml::Pos;

/// Records `decision` as the answer to the last question, made on `today`.
///
/// - `go` or `no-go`: the status becomes `decided` and the `decided` date is
///   today, unless the same decision was already recorded with a date (the
///   decision was made then; restating it does not move the date).
/// - `undecided`: the `decided` date is removed, and a `decided` status goes
///   back to `review` (a decided status with no decision is a contradiction,
///   rule MRD008); a draft stays a draft.
///
/// The rationale is left as it is: callers that ask for one set it.
pub fn record_decision(front: &mut FrontMatter, decision: Decision, today: Date) {
    let previous = front.decision();
    let rec = front
        .recommendation
        .get_or_insert_with(Recommendation::default);
    rec.decision = Some(Located::new(decision, Pos::default()));
    match decision {
        Decision::Go | Decision::NoGo => {
            set_status(front, Status::Decided);
            if previous != Some(decision) || front.decided.is_none() {
                front.decided = Some(Located::new(today, Pos::default()));
            }
        }
        Decision::Undecided => {
            front.decided = None;
            if front.status.as_ref().map(|s| s.value) == Some(Status::Decided) {
                set_status(front, Status::Review);
            }
        }
    }
}

/// Sets the rationale (a decision's "why").
pub fn set_rationale(front: &mut FrontMatter, rationale: String) {
    let rec = front
        .recommendation
        .get_or_insert_with(Recommendation::default);
    rec.rationale = Some(Located::new(rationale, Pos::default()));
}

fn set_status(front: &mut FrontMatter, status: Status) {
    match &mut front.status {
        Some(current) => current.value = status,
        None => front.status = Some(Located::new(status, Pos::default())),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::assessment::{parse, rewrite};
    use crate::source::Source;

    fn day(text: &str) -> Date {
        text.parse().unwrap()
    }

    fn front(text: &str) -> FrontMatter {
        parse(&Source::from_text("t.md", text))
            .assessment
            .unwrap()
            .front
    }

    #[test]
    fn a_go_sets_the_status_and_the_date() {
        let mut f = front("---\ntitle: T\nstatus: review\n---\n");
        record_decision(&mut f, Decision::Go, day("2026-11-20"));
        assert_eq!(f.decision(), Some(Decision::Go));
        assert_eq!(f.status.unwrap().value, Status::Decided);
        assert_eq!(f.decided.unwrap().value, day("2026-11-20"));
    }

    #[test]
    fn restating_a_decision_keeps_its_date_and_a_reversal_moves_it() {
        let mut f = front(
            "---\ntitle: T\nstatus: decided\ndecided: 2026-11-02\nrecommendation:\n  decision: go\n---\n",
        );
        record_decision(&mut f, Decision::Go, day("2026-11-20"));
        assert_eq!(f.decided.as_ref().unwrap().value, day("2026-11-02"));
        record_decision(&mut f, Decision::NoGo, day("2026-11-20"));
        assert_eq!(f.decided.as_ref().unwrap().value, day("2026-11-20"));
    }

    #[test]
    fn taking_a_decision_back_removes_the_date_and_reopens_the_review() {
        let text = "---\ntitle: T\nstatus: decided   # since the call\ndecided: 2026-11-02\nrecommendation:\n  decision: go   # for now\n  rationale: Because.\n---\nNotes\n";
        let parsed = parse(&Source::from_text("t.md", text)).assessment.unwrap();
        let mut changed = parsed.clone();
        record_decision(&mut changed.front, Decision::Undecided, day("2026-11-20"));
        assert_eq!(changed.front.status.as_ref().unwrap().value, Status::Review);
        assert!(changed.front.decided.is_none());
        assert_eq!(
            rewrite(text, &changed),
            "---\ntitle: T\nstatus: review   # since the call\nrecommendation:\n  decision: undecided   # for now\n  rationale: Because.\n---\nNotes\n"
        );
        let mut draft = front("---\ntitle: T\nstatus: draft\n---\n");
        record_decision(&mut draft, Decision::Undecided, day("2026-11-20"));
        assert_eq!(draft.status.unwrap().value, Status::Draft);
    }
}
