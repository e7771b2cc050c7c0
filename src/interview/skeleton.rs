//! `mrd new --template-only`: an empty assessment for people who prefer their
//! editor to the interview. YAML comments carry what the interview shows on
//! screen: each question, its short name, its guidance and an example.

use crate::assessment::Field;
use crate::date::Date;
use crate::questions::{Question, QuestionSet};
use crate::yaml::{Node, Value};

/// Comment lines, wrapped to keep the file readable in any editor.
fn comment(out: &mut String, indent: &str, text: &str) {
    const WIDTH: usize = 78;
    for paragraph in text.lines() {
        let mut line = format!("{indent}#");
        for word in paragraph.split_whitespace() {
            if line.len() + 1 + word.len() > WIDTH && line.len() > indent.len() + 1 {
                out.push_str(&line);
                out.push('\n');
                line = format!("{indent}#");
            }
            line.push(' ');
            line.push_str(word);
        }
        out.push_str(&line);
        out.push('\n');
    }
}

/// A question's number, short name, text, guidance and example as comment
/// lines at `indent`: what the skeleton (and `lint::fix`'s skeleton of the
/// missing answers) writes above each empty answer.
pub fn question_comments(out: &mut String, question: &Question, total: usize, indent: &str) {
    let optional = if question.required { "" } else { " (optional)" };
    comment(
        out,
        indent,
        &format!(
            "Question {} of {total} · {}{optional}",
            question.number, question.short_name
        ),
    );
    comment(out, indent, &question.text);
    comment(out, indent, &question.guidance);
    if !question.example.trim().is_empty() {
        comment(
            out,
            indent,
            &format!("Example: {}", question.example.trim()),
        );
    }
}

/// `title: …` as YAML, quoted when the title needs it.
fn title_line(title: &str) -> String {
    let node = Node::new(Value::Map(vec![(
        Node::string(Field::Title.key()),
        Node::string(title),
    )]));
    let yaml = serde_saphyr::to_string(&node).unwrap_or_else(|_| "title:\n".into());
    if yaml.ends_with('\n') {
        yaml
    } else {
        yaml + "\n"
    }
}

/// The skeleton's text. Every answer is empty, so `mrd lint` reports each
/// question until it is answered.
pub fn skeleton(title: Option<&str>, questions: &QuestionSet, created: Date) -> String {
    let total = questions.len();
    let mut out = String::from("---\n");
    comment(
        &mut out,
        "",
        "An opportunity assessment. Answer each question below in Markdown (write `|` after the key \
         and indent the lines for several paragraphs), set the recommendation, then check the file \
         with `mrd lint`. `mrd edit` asks the unanswered questions one by one.",
    );
    match title {
        Some(title) => out.push_str(&title_line(title)),
        None => out.push_str("title:\n"),
    }
    out.push_str(&format!("created: {created}\nstatus: draft\nanswers:\n"));
    for (i, question) in questions.answer_questions().enumerate() {
        if i > 0 {
            out.push('\n');
        }
        question_comments(&mut out, question, total, "  ");
        out.push_str(&format!("  {}:\n", question.key));
    }
    out.push_str("confidence:\n");
    comment(
        &mut out,
        "  ",
        "How sure you are of each answer, by its key: low, medium or high (for example `problem: medium`).",
    );
    if let Some(question) = questions.recommendation() {
        out.push_str("recommendation:\n");
        question_comments(&mut out, question, total, "  ");
        out.push_str("  decision:   # go | no-go | undecided\n  rationale:\n");
    }
    out.push_str("---\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::assessment::parse;
    use crate::source::Source;

    #[test]
    fn the_skeleton_reads_back_with_every_question_empty() {
        let set = QuestionSet::builtin();
        let text = skeleton(Some("Scheduler: \"managed\""), &set, Date::today());
        let parsed = parse(&Source::from_text("s.md", text.as_str()));
        assert!(parsed.problems.is_empty(), "{:?}\n{text}", parsed.problems);
        let front = parsed.assessment.unwrap().front;
        assert_eq!(front.title_text(), Some("Scheduler: \"managed\""));
        assert_eq!(front.unanswered(&set).len(), 9);
        assert!(front.decision().is_none());
        for question in set.all() {
            assert!(
                text.contains(&format!("# {}", question.text)),
                "{}",
                question.key
            );
        }
        assert!(text.lines().all(|l| l.chars().count() <= 80), "{text}");
    }
}
