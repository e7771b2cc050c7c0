//! MRD005: the assessment has no title.

use crate::diagnostic::Level;
use crate::lint::{Context, FILE_START, Finding, Rule, Settings};

pub static RULE: Rule = Rule {
    code: "MRD005",
    name: "missing-title",
    level: Level::Error,
    summary: "The front-matter has no `title`, or it is empty.",
    why: r#"The title becomes the issue title and the name in summaries; an untitled assessment is hard to find and to talk about."#,
    example: r#"---
author: Lena
answers: ..."#,
    instead: r#"---
title: Managed scheduler for self-hosted pipelines
author: Lena"#,
    check,
};

fn check(cx: &Context<'_>, _: &Settings, out: &mut Vec<Finding>) {
    let Some(assessment) = cx.assessment else {
        return;
    };
    let front = &assessment.front;
    let titled = front.title_text().is_some_and(|t| !t.trim().is_empty());
    if titled || front.is_invalid("title") {
        return;
    }
    let pos = front.key_pos("title").unwrap_or(FILE_START);
    out.push(
        Finding::new(pos, "the assessment has no title")
            .help("add `title:` with the opportunity's name; it becomes the issue title"),
    );
}
