//! What changed between two states of one assessment: which answers, the
//! decision, the status, the milestone, the title, readiness, and whether it
//! could be read at all.

use serde::Serialize;

use crate::assessment::{Decision, Status};
use crate::history::State;

/// A value before and after.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Transition<T> {
    pub from: T,
    pub to: T,
}

/// How a decision moved, as the kickoff names it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum DecisionChange {
    /// From none or undecided to go or no-go.
    Made,
    /// From go to no-go or back.
    Reversed,
    /// From go or no-go back to undecided or none.
    Withdrawn,
    /// Between none and undecided: no decision either way.
    Reopened,
}

impl DecisionChange {
    pub fn of(from: Option<Decision>, to: Option<Decision>) -> Option<DecisionChange> {
        let decided = |d: Option<Decision>| matches!(d, Some(Decision::Go | Decision::NoGo));
        if from == to {
            return None;
        }
        Some(match (decided(from), decided(to)) {
            (false, true) => DecisionChange::Made,
            (true, true) => DecisionChange::Reversed,
            (true, false) => DecisionChange::Withdrawn,
            (false, false) => DecisionChange::Reopened,
        })
    }

    pub fn as_str(self) -> &'static str {
        match self {
            DecisionChange::Made => "made",
            DecisionChange::Reversed => "reversed",
            DecisionChange::Withdrawn => "withdrawn",
            DecisionChange::Reopened => "reopened",
        }
    }
}

/// The differences between an older and a newer state. Fields are `None`
/// (or empty) when that part did not change.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Delta {
    /// Answer keys whose text was added, changed or removed, in the newer
    /// version's order, then the removed ones.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub answers: Vec<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub decision: Option<Transition<Option<Decision>>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub decision_change: Option<DecisionChange>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub status: Option<Transition<Option<Status>>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub milestone: Option<Transition<Option<String>>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub title: Option<Transition<Option<String>>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub readiness: Option<Transition<u8>>,
    /// Whether the file could be read, when that changed.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub readable: Option<Transition<bool>>,
}

fn transition<T: PartialEq>(from: T, to: T) -> Option<Transition<T>> {
    (from != to).then_some(Transition { from, to })
}

impl Delta {
    /// From `older` (`None`: the file did not exist) to `newer`.
    pub fn between(older: Option<&State>, newer: &State) -> Delta {
        let Some(older) = older else {
            // A new file: everything it says is new.
            return match newer.snapshot() {
                Some(new) => Delta {
                    answers: new
                        .answers
                        .iter()
                        .filter(|(_, text)| !text.trim().is_empty())
                        .map(|(key, _)| key.clone())
                        .collect(),
                    decision: transition(None, new.summary.decision),
                    decision_change: DecisionChange::of(None, new.summary.decision),
                    status: transition(None, new.summary.status),
                    milestone: transition(None, new.summary.milestone.clone()),
                    title: transition(None, new.summary.title.clone()),
                    readiness: None,
                    readable: None,
                },
                None => Delta::default(),
            };
        };
        match (older.snapshot(), newer.snapshot()) {
            (Some(old), Some(new)) => {
                let (before, after) = (&old.summary, &new.summary);
                let text_of = |answers: &[(String, String)], key: &str| {
                    answers
                        .iter()
                        .find(|(k, _)| k == key)
                        .map(|(_, text)| text.trim().to_string())
                        .filter(|text| !text.is_empty())
                };
                let mut answers: Vec<String> = new
                    .answers
                    .iter()
                    .filter(|(key, _)| text_of(&old.answers, key) != text_of(&new.answers, key))
                    .map(|(key, _)| key.clone())
                    .collect();
                answers.extend(
                    old.answers
                        .iter()
                        .filter(|(key, _)| !new.answers.iter().any(|(k, _)| k == key))
                        .filter(|(key, _)| text_of(&old.answers, key).is_some())
                        .map(|(key, _)| key.clone()),
                );
                answers.dedup();
                Delta {
                    answers,
                    decision: transition(before.decision, after.decision),
                    decision_change: DecisionChange::of(before.decision, after.decision),
                    status: transition(before.status, after.status),
                    milestone: transition(before.milestone.clone(), after.milestone.clone()),
                    title: transition(before.title.clone(), after.title.clone()),
                    readiness: transition(before.readiness, after.readiness),
                    readable: None,
                }
            }
            (old, new) => Delta {
                readable: transition(old.is_some(), new.is_some()),
                ..Delta::default()
            },
        }
    }

    pub fn is_empty(&self) -> bool {
        *self == Delta::default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::Config;

    fn state(front: &str) -> State {
        let config = Config::defaults(std::path::Path::new(""));
        State::of_bytes("t.md", format!("---\n{front}---\n").into_bytes(), &config)
    }

    #[test]
    fn names_what_changed_between_two_versions() {
        let old = state(
            "title: T\nstatus: draft\nanswers:\n  problem: Pain.\n  metrics: Few.\nrecommendation:\n  decision: undecided\n",
        );
        let new = state(
            "title: T\nstatus: decided\nanswers:\n  problem: Pain, measured.\n  metrics: Few.\n  market_size: Big.\nrecommendation:\n  decision: go\n  rationale: Worth it.\n",
        );
        let delta = Delta::between(Some(&old), &new);
        assert_eq!(delta.answers, ["problem", "market_size"]);
        assert_eq!(delta.decision_change, Some(DecisionChange::Made));
        assert_eq!(
            delta.status,
            Some(Transition {
                from: Some(Status::Draft),
                to: Some(Status::Decided)
            })
        );
        let readiness = delta.readiness.unwrap();
        assert!(readiness.to > readiness.from, "{readiness:?}");
        assert!(delta.title.is_none() && delta.milestone.is_none());
        assert!(Delta::between(Some(&new), &new).is_empty());
    }

    #[test]
    fn a_reversal_and_a_file_that_stopped_reading_are_named() {
        let go = state("title: T\nrecommendation:\n  decision: go\n");
        let no_go = state("title: T\nrecommendation:\n  decision: no-go\n");
        assert_eq!(
            Delta::between(Some(&go), &no_go).decision_change,
            Some(DecisionChange::Reversed)
        );
        let broken = state("title: [unclosed\n");
        let delta = Delta::between(Some(&go), &broken);
        assert_eq!(
            delta.readable,
            Some(Transition {
                from: true,
                to: false
            })
        );
        assert_eq!(
            DecisionChange::of(Some(Decision::NoGo), Some(Decision::Undecided)),
            Some(DecisionChange::Withdrawn)
        );
    }
}
