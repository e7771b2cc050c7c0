//! MRD014: two assessments with the same title.
//!
//! This rule compares files, so its check is not run per file: `mrd lint`
//! records titles in `lint::titles::Titles` and reports duplicates at the end.

use crate::diagnostic::Level;
use crate::lint::{Context, Finding, Rule, Settings};

pub static RULE: Rule = Rule {
    code: "MRD014",
    name: "duplicate-title",
    level: Level::Warning,
    summary: "Two of the linted assessments have the same title (compared ignoring case and spacing).",
    why: r#"The title becomes the issue title and the name in `mrd summary`; two assessments with one title are two issues nobody can tell apart, and usually one opportunity assessed twice."#,
    example: r#"# scheduler.md
title: Managed scheduler
# scheduler-v2.md
title: Managed scheduler"#,
    instead: r#"Merge the two assessments, or name what differs:
title: Managed scheduler for self-hosted pipelines
title: Managed scheduler for the cloud edition"#,
    check,
};

fn check(_: &Context<'_>, _: &Settings, _: &mut Vec<Finding>) {}
