//! The catalogue of lint rules: each rule's stable code and name, its
//! default level and its documentation in a fixed shape. The checks live in
//! the lint engine (`crate::lint::rules`); this catalogue is what diagnostics,
//! printers, `mrd rules` and `--explain` need, so they do not depend on the
//! engine. Codes are never renamed or reused; a retired rule keeps its code
//! out of use.

use super::Level;

/// A lint rule's identity, default level and documentation.
#[derive(Debug, PartialEq, Eq)]
pub struct Rule {
    /// Stable code, `MRD001`…; never reused once published.
    pub code: &'static str,
    /// Stable kebab-case name.
    pub name: &'static str,
    pub level: Level,
    /// Whether the rule judges what its finding is about as a whole (its
    /// absence, its length, its being a placeholder, an answer with no
    /// figure) rather than a piece of its text. Then the subject alone
    /// identifies the finding: editing a short answer that stays short is
    /// the same finding (`crate::output::fingerprint`). Otherwise the text it
    /// points at (a key, a phrase, a YAML error) identifies it too.
    pub whole_subject: bool,
    /// One line: what the rule checks.
    pub summary: &'static str,
    /// Why it matters: the cost of leaving it as it is.
    pub why: &'static str,
    /// Front-matter that triggers the rule.
    pub example: &'static str,
    /// What to write instead.
    pub instead: &'static str,
}

/// Every rule, in code order.
pub static RULES: &[&Rule] = &[
    &INVALID_FRONT_MATTER,
    &MISSING_FRONT_MATTER,
    &MISSING_ANSWER,
    &MISSING_DECISION,
    &MISSING_TITLE,
    &PLACEHOLDER_ANSWER,
    &SHORT_ANSWER,
    &DECIDED_BUT_UNDECIDED,
    &MISSING_RATIONALE,
    &RISKY_GO,
    &UNMEASURABLE_METRICS,
    &SOLUTION_NOT_PROBLEM,
    &UNKNOWN_KEY,
    &DUPLICATE_TITLE,
    &MARKDOWN_IN_ANSWER,
    &WEAK_MARKET_SIZE,
    &EVERYONE_MARKET,
    &NO_DIFFERENTIATOR,
    &WHY_NOW_WITHOUT_CHANGE,
    &QUESTION_IN_ANSWER,
    &WEAK_RATIONALE,
];

/// The project's address, the one definition every URL `mrd` prints is made
/// from (Cargo.toml's `repository`).
pub const PROJECT_URL: &str = env!("CARGO_PKG_REPOSITORY");

impl Rule {
    /// The anchor of the rule's heading in docs/lint.md (`### MRD007
    /// short-answer` is `mrd007-short-answer`, as GitHub makes anchors).
    pub fn docs_anchor(&self) -> String {
        format!("{}-{}", self.code.to_ascii_lowercase(), self.name)
    }

    /// Where the rule is documented: its section of docs/lint.md. SARIF's
    /// `helpUri` and the language server's diagnostic links point here.
    pub fn docs_url(&self) -> String {
        format!(
            "{PROJECT_URL}/blob/main/docs/lint.md#{}",
            self.docs_anchor()
        )
    }
}

/// The rule with this code (`MRD003`) or name (`missing-answer`), in any case.
pub fn find(code_or_name: &str) -> Option<&'static Rule> {
    let wanted = code_or_name.trim();
    RULES
        .iter()
        .copied()
        .find(|r| r.code.eq_ignore_ascii_case(wanted) || r.name.eq_ignore_ascii_case(wanted))
}

/// MRD001: the front-matter is there but cannot be read as an assessment.
pub static INVALID_FRONT_MATTER: Rule = Rule {
    code: "MRD001",
    name: "invalid-front-matter",
    level: Level::Error,
    whole_subject: false,
    summary: "The front-matter has a YAML syntax error, a wrong type, an invalid value or date, or a duplicate key.",
    why: r#"Front-matter that cannot be read is front-matter nobody can rely on: the renderer, the summary and every other rule see the field as missing, and a typo such as `status: decidd` silently drops the assessment out of the decided list."#,
    example: r#"status: maybe          # not draft, review, decided or archived
created: 2026-02-30    # no such day
answers:
  problem: [a, list]   # an answer is Markdown text"#,
    instead: r#"status: review
created: 2026-02-28
answers:
  problem: |
    Markdown text, with `|` for several lines."#,
};

/// MRD002: there is no front-matter, or it is never closed.
pub static MISSING_FRONT_MATTER: Rule = Rule {
    code: "MRD002",
    name: "missing-front-matter",
    level: Level::Error,
    whole_subject: true,
    summary: "The file does not start with YAML front-matter, or the front-matter is never closed.",
    why: r#"Without front-matter there are no answers to check, render or summarise; a file whose front-matter is never closed swallows the whole document into YAML."#,
    example: r#"# Managed scheduler

The problem is..."#,
    instead: r#"---
title: Managed scheduler
answers:
  problem: |
    ...
---
# Notes"#,
};

/// MRD003: a required question has no answer.
pub static MISSING_ANSWER: Rule = Rule {
    code: "MRD003",
    name: "missing-answer",
    level: Level::Error,
    whole_subject: true,
    summary: "A required question is not answered, or its answer is empty or only whitespace.",
    why: r#"An assessment decides whether a problem is worth solving by answering every question; an unanswered question is usually the one nobody wanted to face, and a decision taken without it is a guess."#,
    example: r#"answers:
  problem: ""
  # target_market is not there at all"#,
    instead: r#"answers:
  problem: |
    Teams lose a day a month to failed cron jobs nobody notices.
  target_market: |
    Data engineers at 20-500 person companies who self-host their pipelines."#,
};

/// MRD004: the recommendation makes no decision.
pub static MISSING_DECISION: Rule = Rule {
    code: "MRD004",
    name: "missing-decision",
    level: Level::Error,
    whole_subject: true,
    summary: "The recommendation has no decision (go, no-go or undecided).",
    why: r#"The tenth question is the point of the other nine: an assessment without a go, no-go or explicit undecided cannot be acted on or summarised."#,
    example: r#"answers:
  problem: ...
# no recommendation:"#,
    instead: r#"recommendation:
  decision: go
  rationale: |
    Why, weighing the answers above."#,
};

/// MRD005: the assessment has no title.
pub static MISSING_TITLE: Rule = Rule {
    code: "MRD005",
    name: "missing-title",
    level: Level::Error,
    whole_subject: true,
    summary: "The front-matter has no `title`, or it is empty.",
    why: r#"The title becomes the issue title and the name in summaries; an untitled assessment is hard to find and to talk about."#,
    example: r#"---
author: Lena
answers: ..."#,
    instead: r#"---
title: Managed scheduler for self-hosted pipelines
author: Lena"#,
};

/// MRD006: an answer that is a placeholder, not an answer.
pub static PLACEHOLDER_ANSWER: Rule = Rule {
    code: "MRD006",
    name: "placeholder-answer",
    level: Level::Error,
    whole_subject: true,
    summary: "An answer is a placeholder (TODO, TBD, N/A, ?, ..., lorem ipsum, \"fill in\") or the question's own guidance pasted back.",
    why: r#"A placeholder passes a check for "is there an answer" while saying nothing; it is how an unanswered question slips into a go decision. Pasting the question's guidance back is the same thing in more words."#,
    example: r#"answers:
  market_size: TBD
  alternatives: "TODO: ask sales"
  metrics: Give measurable targets with dates"#,
    instead: r#"answers:
  market_size: |
    About 12,000 self-hosted installs (telemetry); at 8% adoption and
    $99/month that is roughly $1.1M ARR.
If the answer is not known yet, leave the question unanswered (in the
interview, Enter on an empty answer leaves it for later): the assessment stays
a draft, `missing-answer` says so honestly, and `mrd edit` asks it again."#,
};

/// MRD007: an answer too short to be an answer.
pub static SHORT_ANSWER: Rule = Rule {
    code: "MRD007",
    name: "short-answer",
    level: Level::Warning,
    whole_subject: true,
    summary: "An answer has fewer words than `lint.min_words` (default 5).",
    why: r#"Each question asks for evidence: who, how many, compared with what. A two-word answer ("data engineers", "big market") names a topic but gives the reader nothing to weigh, and the decision rests on it anyway."#,
    example: r#"answers:
  target_market: Data engineers."#,
    instead: r#"answers:
  target_market: |
    Data engineers at 20-500 person companies who self-host their ELT stack;
    not enterprises on managed platforms.
The minimum is `lint: {min_words: N}` in .mrd.yml."#,
};

/// MRD008: the status says decided, the decision says undecided.
pub static DECIDED_BUT_UNDECIDED: Rule = Rule {
    code: "MRD008",
    name: "decided-but-undecided",
    level: Level::Error,
    whole_subject: true,
    summary: "The status is `decided` but the decision is `undecided`.",
    why: r#"Summaries and dashboards trust `status: decided` to mean a go or no-go was made. An undecided decision under that status reports a decision that was never taken."#,
    example: r#"status: decided
recommendation:
  decision: undecided"#,
    instead: r#"status: review          # still deciding
recommendation:
  decision: undecided
or decide: `decision: go` or `no-go`, with a rationale."#,
};

/// MRD009: a decision with no reason given.
pub static MISSING_RATIONALE: Rule = Rule {
    code: "MRD009",
    name: "missing-rationale",
    level: Level::Error,
    whole_subject: true,
    summary: "A go or no-go decision has no `rationale`, or it is empty.",
    why: r#"A decision without its reasons cannot be reviewed, challenged or revisited when the facts change; the rationale is what a reader checks the nine answers against."#,
    example: r#"recommendation:
  decision: go"#,
    instead: r#"recommendation:
  decision: go
  rationale: |
    The problem is frequent and costly, and our install base makes this an
    upgrade rather than a migration."#,
};

/// MRD010: a go that rests on a critical answer nobody is sure of.
pub static RISKY_GO: Rule = Rule {
    code: "MRD010",
    name: "risky-go",
    level: Level::Warning,
    whole_subject: true,
    summary: "The decision is `go` while a critical question (problem, target_market, differentiator by default) has low confidence or no answer.",
    why: r#"Some answers carry the decision: if the problem is not real, the market not identified, or we have no reason to win, nothing else matters. A go with one of those unanswered or marked low confidence is a bet the reader should see called out."#,
    example: r#"answers:
  differentiator: We are passionate about it.
confidence:
  differentiator: low
recommendation:
  decision: go"#,
    instead: r#"Firm the answer up until you can mark it medium or high, or make the go
conditional:
recommendation:
  decision: undecided
  conditions: [Confirm with three design partners that our install base matters to them.]
The critical questions are `lint: {critical_questions: [...]}` in .mrd.yml."#,
};

/// MRD011: success metrics with nothing to measure.
pub static UNMEASURABLE_METRICS: Rule = Rule {
    code: "MRD011",
    name: "unmeasurable-metrics",
    level: Level::Warning,
    whole_subject: true,
    summary: "The `metrics` answer has no target: no number with a unit or %, no comparison against today, no date. Versions (v1, 2.0), labels (phase 2, question 3), list numbers and years alone do not count.",
    why: r#""More engagement" cannot be checked, so it can never fail; a metric becomes one when it has a baseline, a target and a date, and only then can the team learn whether the bet paid off."#,
    example: r#"answers:
  metrics: Users will love it and engagement will go up."#,
    instead: r#"answers:
  metrics: |
    Weekly active schedules from 0 to 1,500 within 90 days of launch; 5% of
    active installs on the paid tier by 2027-06-30."#,
};

/// MRD012: the problem answer describes a solution.
pub static SOLUTION_NOT_PROBLEM: Rule = Rule {
    code: "MRD012",
    name: "solution-not-problem",
    level: Level::Warning,
    whole_subject: true,
    summary: "The `problem` answer opens with a solution (\"Build…\", \"We will create…\"), the tool's effect (\"Eliminates…\", \"Automates…\", \"Allows users to…\", \"A mobile app that…\") or a label (\"**Solution:** …\", \"Idea: …\") rather than who hurts and how much.",
    why: r#"Cagan's questions are about the problem: an assessment decides whether a problem is worth solving before anyone designs how. An answer that starts from a solution skips that decision and makes every later answer about the feature, not the pain."#,
    example: r#"answers:
  problem: Build a hosted scheduler with retries and Slack alerts."#,
    instead: r#"answers:
  problem: |
    Teams running pipelines on their own servers lose a day a month to failed
    cron jobs nobody notices: 41 of 60 interviewed users reported silent failures."#,
};

/// MRD013: a key `mrd` does not know, usually a typo.
pub static UNKNOWN_KEY: Rule = Rule {
    code: "MRD013",
    name: "unknown-key",
    level: Level::Warning,
    whole_subject: false,
    summary: "The front-matter has a key `mrd` does not know (at the top, under `answers`, `confidence` or `recommendation`), with a suggestion for near misses.",
    why: r#"A misspelt key is kept but never read: `target_markt:` leaves the real question unanswered while its author believes it is answered. Unknown keys are kept on rewrite, so a deliberate extra key is safe; this rule says it is not one mrd uses."#,
    example: r#"answers:
  target_markt: Data engineers at 20-500 person companies who self-host."#,
    instead: r#"answers:
  target_market: Data engineers at 20-500 person companies who self-host.
To keep a key of your own, silence the rule for the file:
lint:
  allow: [unknown-key]"#,
};

/// MRD014: two assessments with the same title.
pub static DUPLICATE_TITLE: Rule = Rule {
    code: "MRD014",
    name: "duplicate-title",
    level: Level::Warning,
    whole_subject: false,
    summary: "Two of the linted assessments have the same title (compared ignoring case and spacing).",
    why: r#"The title becomes the issue title and the name in `mrd summary`; two assessments with one title are two issues nobody can tell apart, and usually one opportunity assessed twice."#,
    example: r#"# scheduler.md
title: Managed scheduler
# scheduler-v2.md
title: Managed scheduler"#,
    instead: r#"Merge the two assessments, or name what differs:
title: Managed scheduler for self-hosted pipelines
title: Managed scheduler for the cloud edition"#,
};

/// MRD015: Markdown in an answer that breaks the rendered issue.
pub static MARKDOWN_IN_ANSWER: Rule = Rule {
    code: "MRD015",
    name: "markdown-in-answer",
    level: Level::Warning,
    whole_subject: true,
    summary: "An answer contains a Markdown heading, or a link or image with an empty target.",
    why: r#"Each answer is rendered under its question's heading in the issue; a heading inside an answer breaks that structure (its text appears as a new question). A link with an empty target renders as a dead link."#,
    example: r#"answers:
  alternatives: |
    ## Competitors
    See [the comparison]()."#,
    instead: r#"answers:
  alternatives: |
    **Competitors:** Airflow, Dagster Cloud; see
    [the comparison](https://wiki.example.com/scheduler-comparison)."#,
};

/// MRD016: the market size has no count and no money figure.
pub static WEAK_MARKET_SIZE: Rule = Rule {
    code: "MRD016",
    name: "weak-market-size",
    level: Level::Warning,
    whole_subject: true,
    summary: "The `market_size` answer gives no count of customers, users or companies, and no money figure.",
    why: r#""Huge", "Two (maybe more) shops" or "millions of users" cannot be checked or compared with the cost of building; a size becomes an argument when it counts who would buy, or what they would pay, and says where the figure comes from."#,
    example: r#"answers:
  market_size: Two (maybe more) shops in the Twin Cities."#,
    instead: r#"answers:
  market_size: |
    About 2,300 independent bike shops in the US (NBDA list); at $40/month
    each that is roughly $1.1M a year."#,
};

/// MRD017: the target market is everyone.
pub static EVERYONE_MARKET: Rule = Rule {
    code: "MRD017",
    name: "everyone-market",
    level: Level::Warning,
    whole_subject: false,
    summary: "The `target_market` answer is everyone: all users, all segments, \"anyone who…\".",
    why: r#"A product for everyone is designed for no one in particular: the first customers, the channel, the price and the features all depend on who exactly hurts most. A market of "everyone" usually means the problem is not yet understood."#,
    example: r#"answers:
  target_market: Mobile App Users (all segments)"#,
    instead: r#"answers:
  target_market: |
    Android users in India on phones under $150 who ride app-based bike
    taxis daily; not iPhone users, who already have a working wallet."#,
};

/// MRD018: the differentiator is none, or only generic strengths.
pub static NO_DIFFERENTIATOR: Rule = Rule {
    code: "MRD018",
    name: "no-differentiator",
    level: Level::Warning,
    whole_subject: false,
    summary: "The `differentiator` answer says we have no edge, or names only strengths any team would claim (passion, quality, great UX).",
    why: r#"Every competitor is passionate and believes its UX is great. If the answer names nothing the alternatives lack (users, data, distribution, expertise, technology), the assessment has no reason to expect us to win, and the go rests on hope."#,
    example: r#"answers:
  differentiator: Passionate, experienced team and great UX."#,
    instead: r#"answers:
  differentiator: |
    Our Android SDK is in 3,100 apps, so we reach these users without buying
    distribution; the two competitors would have to pay for every install."#,
};

/// MRD019: the why-now names no change.
pub static WHY_NOW_WITHOUT_CHANGE: Rule = Rule {
    code: "MRD019",
    name: "why-now-without-change",
    level: Level::Warning,
    whole_subject: true,
    summary: "The `market_window` answer names no change, event, trend, deadline or date that makes now different from two years ago.",
    why: r#""Nobody has a solution" and "customers need it" were as true two years ago, so they do not explain why now. Timing is a bet on something that changed (a regulation, a competitor leaving, a cost falling); if nothing did, the window may not be open, or may have closed."#,
    example: r#"answers:
  market_window: Nobody seems to have a solution for this problem right now"#,
    instead: r#"answers:
  market_window: |
    The EU Accessibility Act applies from 28 June 2025, and every
    e-commerce checkout must comply; today's tools cover only the web."#,
};

/// MRD020: an answer holds another question's text.
pub static QUESTION_IN_ANSWER: Rule = Rule {
    code: "MRD020",
    name: "question-in-answer",
    level: Level::Warning,
    whole_subject: false,
    summary: "An answer holds another question (its text or another wording of it, its short name or key): a copy-paste, or an import that kept the next question inside this answer.",
    why: r#"Text under the wrong question is read as the answer to it: the market size seems answered when it sits inside the target market, and the question it belongs to looks empty or thin. After an import it usually means the rest of the answer is misplaced too."#,
    example: r#"answers:
  target_market: |
    Data engineers at 20–500 person companies.
    **How big is the opportunity?** About 12,000 installs."#,
    instead: r#"answers:
  target_market: Data engineers at 20–500 person companies.
  market_size: About 12,000 installs."#,
};

/// MRD021: the rationale of a go or no-go gives no reason.
pub static WEAK_RATIONALE: Rule = Rule {
    code: "MRD021",
    name: "weak-rationale",
    level: Level::Warning,
    whole_subject: true,
    summary: "The rationale of a go or no-go only restates the decision or a feeling (\"Yes — pursue.\"), with no reason a reviewer could check.",
    why: r#"The rationale is what a reader weighs the nine answers against, and what the team revisits when the facts change. "Yes — pursue." cannot be challenged or revisited: it records a decision, not why it was made."#,
    example: r#"recommendation:
  decision: go
  rationale: Yes — pursue."#,
    instead: r#"recommendation:
  decision: go
  rationale: |
    Go: 41 of 60 teams report silent failures, the window closes within a
    year, and we ship as an upgrade to 12,400 installs."#,
};

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    #[test]
    fn codes_and_names_are_unique_and_well_formed() {
        let codes: HashSet<_> = RULES.iter().map(|r| r.code).collect();
        let names: HashSet<_> = RULES.iter().map(|r| r.name).collect();
        assert_eq!(codes.len(), RULES.len());
        assert_eq!(names.len(), RULES.len());
        for rule in RULES {
            assert!(
                rule.code.len() == 6 && rule.code.starts_with("MRD"),
                "{}",
                rule.code
            );
            assert!(
                rule.name
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c == '-'),
                "{}",
                rule.name
            );
        }
    }

    #[test]
    fn rules_are_listed_in_code_order() {
        let codes: Vec<_> = RULES.iter().map(|r| r.code).collect();
        let mut sorted = codes.clone();
        sorted.sort();
        assert_eq!(codes, sorted);
    }

    #[test]
    fn every_rule_is_documented_in_the_fixed_shape() {
        for rule in RULES {
            for (section, text) in [
                ("summary", rule.summary),
                ("why", rule.why),
                ("example", rule.example),
                ("instead", rule.instead),
            ] {
                assert!(!text.trim().is_empty(), "{} has no {section}", rule.code);
            }
        }
    }

    #[test]
    fn published_codes_keep_their_names() {
        let published: Vec<_> = RULES
            .iter()
            .map(|r| format!("{} {}", r.code, r.name))
            .collect();
        assert_eq!(
            published,
            [
                "MRD001 invalid-front-matter",
                "MRD002 missing-front-matter",
                "MRD003 missing-answer",
                "MRD004 missing-decision",
                "MRD005 missing-title",
                "MRD006 placeholder-answer",
                "MRD007 short-answer",
                "MRD008 decided-but-undecided",
                "MRD009 missing-rationale",
                "MRD010 risky-go",
                "MRD011 unmeasurable-metrics",
                "MRD012 solution-not-problem",
                "MRD013 unknown-key",
                "MRD014 duplicate-title",
                "MRD015 markdown-in-answer",
                "MRD016 weak-market-size",
                "MRD017 everyone-market",
                "MRD018 no-differentiator",
                "MRD019 why-now-without-change",
                "MRD020 question-in-answer",
                "MRD021 weak-rationale",
            ]
        );
    }
}
