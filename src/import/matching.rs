//! Deciding whether a line of an issue names one of the questions.
//!
//! Issues come from templates that drifted, forms whose labels were edited and
//! people who retyped the questions, so a line matches a question by its
//! number and its wording together, tolerating small differences: "3. How big
//! is the opportunity", "**How big is the opportunity?** (market size)" and
//! "### Market size" all name question 3. A bare number is never enough: in
//! an answer, "1. Private beta with 40 users" is a list item, not question 1.

use crate::questions::{Question, QuestionSet};

/// What a marker line opens.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Target {
    /// The question at this index of the set.
    Question(usize),
    Rationale,
    Conditions,
    Notes,
}

/// How the line was written; plain text needs stronger evidence than a
/// heading or a bold line, which people use precisely to mark a question.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Style {
    Heading,
    Bold,
    Plain,
}

/// A candidate line taken apart: its number, its words, its parenthesis.
#[derive(Debug, PartialEq)]
struct Parts {
    number: Option<usize>,
    /// The wording without number or trailing parenthesis, normalised.
    words: String,
    /// The trailing `(...)`, normalised (usually the short name).
    paren: Option<String>,
}

/// Markdown markup and punctuation out, lowercase, single spaces, curly
/// quotes straightened.
pub fn normalize(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        let c = match c {
            '’' | '‘' | '`' => '\'',
            c => c,
        };
        if c.is_alphanumeric() || c == '\'' {
            out.extend(c.to_lowercase());
        } else if !out.ends_with(' ') {
            out.push(' ');
        }
    }
    out.replace('\'', "").trim().to_string()
}

/// Strips Markdown emphasis and list or heading markers from a line.
pub fn strip_markup(line: &str) -> String {
    let mut line = line.trim();
    line = line.trim_start_matches('#').trim_start();
    line = line.trim_end_matches('#').trim_end();
    line = line.trim_start_matches('>').trim_start();
    for marker in ["- [ ] ", "- [x] ", "- ", "* ", "+ "] {
        if let Some(rest) = line.strip_prefix(marker) {
            line = rest.trim_start();
            break;
        }
    }
    line.replace("**", "").replace("__", "").replace('\\', "")
}

fn parts(line: &str) -> Parts {
    let text = strip_markup(line);
    let mut rest = text.trim();
    // "Question 3:", "Q3.", "3.", "3)", "3:" and "3 -" all give the number.
    // ASCII lowercasing keeps byte offsets, so `rest` can be cut by them.
    let lowered = rest.to_ascii_lowercase();
    if let Some(after) = lowered
        .strip_prefix("question")
        .or_else(|| lowered.strip_prefix('q'))
    {
        let after = after.trim_start();
        if after.starts_with(|c: char| c.is_ascii_digit()) {
            rest = &rest[rest.len() - after.len()..];
        }
    }
    let digits = rest.chars().take_while(char::is_ascii_digit).count();
    let mut number = None;
    if digits > 0 && digits <= 3 {
        let after = rest[digits..].trim_start();
        let separated = after.is_empty()
            || after.starts_with(['.', ')', ':', '-', '–', '—'])
            || rest[digits..].starts_with(' ');
        if separated {
            number = rest[..digits].parse().ok();
            rest = after
                .trim_start_matches(['.', ')', ':', '-', '–', '—'])
                .trim_start();
        }
    }
    let mut paren = None;
    let trimmed = rest.trim_end();
    if trimmed.ends_with(')')
        && let Some(open) = trimmed.rfind('(')
    {
        paren = Some(normalize(&trimmed[open + 1..trimmed.len() - 1]));
        rest = &trimmed[..open];
    }
    Parts {
        number,
        words: normalize(rest),
        paren: paren.filter(|p| !p.is_empty()),
    }
}

/// How alike two normalised phrases are, from 0 to 1.
fn similarity(a: &str, b: &str) -> f64 {
    if a.is_empty() || b.is_empty() {
        return 0.0;
    }
    strsim::normalized_levenshtein(a, b).max(strsim::sorensen_dice(a, b))
}

fn score(parts: &Parts, q: &Question, style: Style) -> f64 {
    let text = normalize(&q.text);
    let short = normalize(&q.short_name);
    let mut best = similarity(&parts.words, &text);
    // Headings and bold lines like "## Success factors" name a question by
    // its short name or key. A plain line is held to the whole question: a
    // sentence that starts "Pricing 8% ..." is an answer, not a title.
    if style != Style::Plain {
        let key = q.key.replace('_', " ");
        best = best
            .max(similarity(&parts.words, &short))
            .max(similarity(&parts.words, &key));
    }
    if let Some(paren) = &parts.paren {
        // The short name alone in the parenthesis identifies the question
        // well, but only with some agreement from the wording (or none given).
        let paren_score = similarity(paren, &short);
        if parts.words.is_empty() {
            best = best.max(paren_score);
        } else {
            let joined = format!("{} {}", parts.words, paren);
            best = best.max(similarity(&joined, &format!("{text} {short}")));
            best = best.max((paren_score + similarity(&parts.words, &text)) / 2.0);
        }
    }
    best
}

/// The question `line` names, if it names one clearly enough.
pub fn match_question(line: &str, style: Style, questions: &QuestionSet) -> Option<usize> {
    let parts = parts(line);
    if parts.words.is_empty() && parts.paren.is_none() {
        return None;
    }
    let (with_number, without_number) = match style {
        Style::Heading | Style::Bold => (0.5, 0.8),
        Style::Plain => (0.6, 0.85),
    };
    let all = questions.all();
    let scored: Vec<f64> = all.iter().map(|q| score(&parts, q, style)).collect();
    let (best, best_score) = scored
        .iter()
        .copied()
        .enumerate()
        .max_by(|a, b| a.1.total_cmp(&b.1))?;
    if best_score >= without_number {
        return Some(best);
    }
    let numbered = parts
        .number
        .and_then(|n| all.iter().position(|q| q.number == n))?;
    (scored[numbered] >= with_number).then_some(numbered)
}

/// A heading or bold line that names a part of the recommendation or the
/// notes rather than a question.
pub fn match_special(line: &str) -> Option<Target> {
    let parts = parts(line);
    let words = parts.words.as_str();
    match words {
        "rationale" | "reasoning" | "why" | "decision rationale" => Some(Target::Rationale),
        "conditions" | "decision conditions" => Some(Target::Conditions),
        "notes"
        | "additional notes"
        | "other notes"
        | "additional information"
        | "additional context" => Some(Target::Notes),
        _ => None,
    }
}

/// Whether a heading names the recommendation without its question's words.
pub fn names_recommendation(line: &str) -> bool {
    matches!(
        parts(line).words.as_str(),
        "recommendation" | "decision" | "go no go" | "go or no go" | "the recommendation"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn matched(line: &str, style: Style) -> Option<usize> {
        let set = QuestionSet::builtin();
        match_question(line, style, &set).map(|i| set.all()[i].number)
    }

    #[test]
    fn takes_a_line_apart() {
        assert_eq!(
            parts("## 10. Given the above, what’s the recommendation? (go or no-go)"),
            Parts {
                number: Some(10),
                words: "given the above whats the recommendation".into(),
                paren: Some("go or no go".into()),
            }
        );
        assert_eq!(parts("**Question 3:** How big").number, Some(3));
        assert_eq!(parts("Q3. How big").number, Some(3));
        assert_eq!(
            parts("2026 was a year").number,
            Some(2026).filter(|_| false)
        );
    }

    #[test]
    fn matches_every_style_of_question_line() {
        use Style::*;
        assert_eq!(
            matched(
                "## 1. Exactly what problem will this solve? (value proposition)",
                Heading
            ),
            Some(1)
        );
        assert_eq!(
            matched(
                "**1. Exactly what problem will this solve?** (value proposition)",
                Bold
            ),
            Some(1)
        );
        assert_eq!(
            matched(
                "1. Exactly what problem will this solve? (value proposition)",
                Plain
            ),
            Some(1)
        );
        assert_eq!(matched("### Market size", Heading), Some(3));
        assert_eq!(matched("How big is the opportunity?", Plain), Some(3));
        assert_eq!(
            matched("8. How will we measure success / make money?", Plain),
            Some(8)
        );
        assert_eq!(matched("6) Why now", Bold), Some(6));
        assert_eq!(matched("**Why now?**", Bold), Some(6));
        assert_eq!(
            matched(
                "### 10. Given the above, what's the recommendation? (go or no-go)",
                Heading
            ),
            Some(10)
        );
        // Small differences in wording are tolerated.
        assert_eq!(
            matched(
                "2. Who do we solve this problem for? (target market)",
                Plain
            ),
            Some(2)
        );
        assert_eq!(matched("4. What alternatives exist?", Bold), Some(4));
        // Or by the question's key, as people title sections by hand.
        assert_eq!(matched("## Problem", Heading), Some(1));
        assert_eq!(matched("## Go-to-market", Heading), Some(7));
        assert_eq!(matched("**Metrics**", Bold), Some(8));
        assert_eq!(matched("## Success factors", Heading), Some(9));
        assert_eq!(matched("## Recommendation", Heading), Some(10));
    }

    #[test]
    fn a_number_alone_is_not_a_question() {
        use Style::*;
        // Found by the round-trip property: a sentence starting with a
        // question's key is not that question.
        let set = crate::config::Config::from_text(
            "questions:\n  pricing:\n    text: How will we price it?\n    short_name: pricing model\n",
            std::path::Path::new("."),
        )
        .unwrap()
        .questions;
        assert_eq!(match_question("Pricing **8%** `8%`.", Plain, &set), None);
        assert_eq!(
            matched("1. Private beta with the 40 users who asked for it", Plain),
            None
        );
        assert_eq!(
            matched("2. Public launch in the release notes", Plain),
            None
        );
        assert_eq!(matched("### Evidence", Heading), None);
        assert_eq!(matched("## 3.", Heading), None);
        assert_eq!(
            matched("Teams lose a day a month to failed cron jobs.", Plain),
            None
        );
    }

    #[test]
    fn recognises_the_recommendation_parts_and_notes() {
        assert_eq!(match_special("### Rationale"), Some(Target::Rationale));
        assert_eq!(match_special("Conditions:"), Some(Target::Conditions));
        assert_eq!(match_special("## Notes"), Some(Target::Notes));
        assert_eq!(match_special("## Notes on pricing"), None);
        assert!(names_recommendation("## Recommendation"));
    }
}
