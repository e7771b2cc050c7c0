//! MRD005: the assessment has no title.

use crate::diagnostic::{Diagnostic, Subject, rules::MISSING_TITLE};
use crate::lint::Context;
use crate::source::Pos;

pub fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let Some(assessment) = cx.assessment else {
        return;
    };
    let front = &assessment.front;
    let titled = front.title_text().is_some_and(|t| !t.trim().is_empty());
    if titled || front.is_invalid("title") {
        return;
    }
    let pos = front.key_pos("title").unwrap_or(Pos::START);
    out.push(
        Diagnostic::rule(&MISSING_TITLE, pos, "the assessment has no title")
            .help("add `title:` with the opportunity's name; it becomes the issue title")
            .about(Subject::Title),
    );
}
