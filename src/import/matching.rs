//! Deciding whether a line of a document names one of the questions.
//!
//! Teams name a question by its wording (Cagan's current one, his 2008 one,
//! or a shortened one), by a section name ("Why Us", "TAM/SAM/SOM") or by a
//! name of their own (`aliases:` in `.mrd.yml`). All of these are data on the
//! question set; this module indexes them once per run and matches lines by
//! their words, tolerating small differences. A number never decides alone:
//! the 2008 article numbers "How will we measure success?" 4th, and in an
//! answer "1. Private beta with 40 users" is a list item, not question 1.
//!
//! Exact names are found through a hash map and the fuzzy comparison only
//! runs against names that share a word with the line, so matching stays
//! cheap however many headings a document has.

use std::collections::HashMap;

use crate::questions::QuestionSet;

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
    /// `Label: answer` at the start of a paragraph, list item or table row.
    Label,
    Plain,
}

/// Which of a question's names a line matched.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Via {
    /// A team's own name, from `.mrd.yml`.
    Alias,
    /// The question as the active set words it.
    Question,
    /// Another wording of the question (the 2008 article, a shorter form).
    Wording,
    /// A section name: the short name, the key, or a built-in synonym.
    Synonym,
}

impl Via {
    pub fn as_str(self) -> &'static str {
        match self {
            Via::Alias => "alias",
            Via::Question => "question",
            Via::Wording => "wording",
            Via::Synonym => "synonym",
        }
    }
}

/// A line's match with one question, and how sure it is.
#[derive(Clone, Debug, PartialEq)]
pub struct Match {
    /// The question's index in the set.
    pub index: usize,
    pub via: Via,
    /// The name as written in the question set or config.
    pub name: String,
    /// 1.0 for the same words; less for a tolerated difference.
    pub score: f64,
}

impl Match {
    /// How sure, in a word: exact, high, medium or low.
    pub fn certainty(&self) -> &'static str {
        certainty(self.score)
    }
}

pub fn certainty(score: f64) -> &'static str {
    if score >= 0.999 {
        "exact"
    } else if score >= 0.9 {
        "high"
    } else if score >= 0.8 {
        "medium"
    } else {
        "low"
    }
}

/// One name of one question, prepared for matching.
#[derive(Debug)]
struct Name {
    question: usize,
    via: Via,
    written: String,
    /// Normalised, articles dropped, words stemmed.
    key: String,
    tokens: Vec<String>,
}

/// Every name of every question of a set, indexed.
#[derive(Debug)]
pub struct Matcher {
    names: Vec<Name>,
    exact: HashMap<String, usize>,
    /// Content word → the names that contain it.
    by_token: HashMap<String, Vec<usize>>,
    numbers: Vec<usize>,
}

/// Words too common to say which question a line is about.
const STOPWORDS: &[&str] = &[
    "the", "a", "an", "to", "of", "for", "is", "are", "we", "will", "this", "that", "it", "do",
    "be", "in", "on", "and", "or", "with", "from", "our", "how", "what", "who", "whom", "does",
    "s", "us", "by", "can", "i", "you", "your", "its", "were", "was", "am", "has", "have",
];

fn is_stopword(token: &str) -> bool {
    STOPWORDS.contains(&token)
}

/// A word's stem, good enough to equate "Metrics" and "Metric", "KPIs" and
/// "KPI": a trailing plural `s` goes.
fn stem(token: &str) -> &str {
    if token.len() > 3 && token.ends_with('s') && !token.ends_with("ss") {
        &token[..token.len() - 1]
    } else {
        token
    }
}

/// The comparable form of a name or a line's words: normalised, leading
/// articles and possessives dropped ("The Problem", "Our Edge"), `and`
/// dropped ("Risks & Constraints"), words stemmed.
pub fn key_of(text: &str) -> String {
    let normalized = normalize(text);
    let mut tokens: Vec<&str> = normalized.split(' ').filter(|t| !t.is_empty()).collect();
    while tokens.len() > 1 && matches!(tokens[0], "the" | "our" | "a" | "an" | "your" | "my") {
        tokens.remove(0);
    }
    tokens
        .into_iter()
        .filter(|t| *t != "and")
        .map(stem)
        .collect::<Vec<_>>()
        .join(" ")
}

impl Matcher {
    pub fn new(questions: &QuestionSet) -> Matcher {
        let mut matcher = Matcher {
            names: Vec::new(),
            exact: HashMap::new(),
            by_token: HashMap::new(),
            numbers: questions.all().iter().map(|q| q.number).collect(),
        };
        for (i, q) in questions.all().iter().enumerate() {
            let key_words = q.key.replace('_', " ");
            let names = q
                .aliases
                .iter()
                .map(|n| (Via::Alias, n.as_str()))
                .chain([(Via::Question, q.text.as_str())])
                .chain(q.wordings.iter().map(|n| (Via::Wording, n.as_str())))
                .chain([
                    (Via::Synonym, q.short_name.as_str()),
                    (Via::Synonym, key_words.as_str()),
                ])
                .chain(q.synonyms.iter().map(|n| (Via::Synonym, n.as_str())));
            for (via, written) in names {
                matcher.add(i, via, written);
            }
        }
        matcher
    }

    fn add(&mut self, question: usize, via: Via, written: &str) {
        let key = key_of(written);
        if key.is_empty() {
            return;
        }
        let index = self.names.len();
        // A name already taken keeps its first owner unless this one ranks
        // higher: a team's alias wins over a built-in synonym.
        match self.exact.get(&key) {
            Some(&other) if self.names[other].via <= via => {}
            _ => {
                self.exact.insert(key.clone(), index);
            }
        }
        let tokens: Vec<String> = key.split(' ').map(str::to_string).collect();
        for token in &tokens {
            if !is_stopword(token) {
                let list = self.by_token.entry(token.clone()).or_default();
                if !list.contains(&index) {
                    list.push(index);
                }
            }
        }
        self.names.push(Name {
            question,
            via,
            written: written.trim().to_string(),
            key,
            tokens,
        });
    }

    fn found(&self, name: usize, score: f64) -> Match {
        let name = &self.names[name];
        Match {
            index: name.question,
            via: name.via,
            name: name.written.clone(),
            score,
        }
    }

    /// The question `line` names, if it names one clearly enough.
    pub fn question(&self, line: &str, style: Style) -> Option<Match> {
        let parts = parts(line);
        self.question_parts(&parts, style)
    }

    fn question_parts(&self, parts: &Parts, style: Style) -> Option<Match> {
        if parts.words.len() > 300 {
            return None;
        }
        let words = key_of(&parts.words);
        let paren = parts.paren.as_deref().map(key_of).filter(|p| !p.is_empty());
        if words.is_empty() {
            // "(market size)" alone, or "3." alone: only the parenthesis counts.
            return paren
                .and_then(|p| self.exact.get(&p).copied())
                .filter(|_| style != Style::Plain)
                .map(|n| self.found(n, 0.95));
        }
        if let Some(&n) = self.exact.get(&words) {
            let short = self.names[n].tokens.len() < 3;
            // A plain sentence in an answer can be one word long ("Revenue."):
            // only a heading, a bold line, a label or a question counts.
            // A name asked as a question ("How big?", "Alternatives?") is a
            // question's label too, as a numbered list of them writes it.
            let question = parts.words.trim_end().ends_with('?');
            if style != Style::Plain || !short || question {
                return Some(self.found(n, 1.0));
            }
        }
        if style == Style::Label {
            return None;
        }
        let mut best: Option<Match> = None;
        let mut consider = |m: Match| {
            if best.as_ref().is_none_or(|b| m.score > b.score) {
                best = Some(m);
            }
        };
        if let Some(p) = &paren
            && style != Style::Plain
            && let Some(&n) = self.exact.get(p)
        {
            consider(self.found(n, 0.9));
        }
        let tokens: Vec<&str> = words.split(' ').collect();
        let content = tokens.iter().filter(|t| !is_stopword(t)).count();
        let mut candidates: Vec<usize> = tokens
            .iter()
            .filter_map(|t| self.by_token.get(*t))
            .flatten()
            .copied()
            .collect();
        candidates.sort_unstable();
        candidates.dedup();
        for n in candidates {
            let name = &self.names[n];
            // A section title that contains a name ("Target Market / Users",
            // "Problem & Opportunity"), when the name is most of it.
            if style != Style::Plain
                && content <= 8
                && (name.tokens.len() > 1 || name.key.len() >= 4)
                && contains(&tokens, &name.tokens)
            {
                let named = name.tokens.iter().filter(|t| !is_stopword(t)).count();
                let ratio = (named as f64 / content.max(1) as f64).min(1.0);
                // One word of a long title ("Customer" in "Carbon reporting
                // for SMB customers") says little; it must be half of it.
                let needed = if named <= 1 { 0.5 } else { 0.34 };
                if ratio >= needed {
                    consider(self.found(n, (0.75 + 0.25 * ratio).min(0.95)));
                }
            }
            // A question worded a little differently. A section name
            // ("our differentiator") is only ever a heading, a bold line or a
            // label: a sentence that resembles one ("Differentiator 8%.") is
            // an answer's text.
            let section_name = !matches!(name.via, Via::Question | Via::Wording);
            if (name.tokens.len() >= 3 || name.key.len() >= 12)
                && !(style == Style::Plain && section_name)
            {
                let mut score = similarity(&words, &name.key);
                if let Some(p) = &paren {
                    let joined = format!("{words} {p}");
                    let with_short = self
                        .names
                        .iter()
                        .filter(|o| o.question == name.question && o.tokens.len() < 4)
                        .map(|o| similarity(&joined, &format!("{} {}", name.key, o.key)))
                        .fold(0.0, f64::max);
                    score = score.max(with_short);
                }
                consider(self.found(n, score.min(0.99)));
            }
        }
        let found = best?;
        let (with_number, without_number) = match style {
            Style::Heading | Style::Bold => (0.65, 0.8),
            Style::Plain | Style::Label => (0.72, 0.85),
        };
        let numbered = parts.number.is_some_and(|n| self.numbers[found.index] == n);
        let needed = if numbered {
            with_number
        } else {
            without_number
        };
        (found.score >= needed).then_some(found)
    }
}

/// Whether `needle` appears in `hay` as a run of whole words.
fn contains(hay: &[&str], needle: &[String]) -> bool {
    !needle.is_empty()
        && hay.len() >= needle.len()
        && hay
            .windows(needle.len())
            .any(|w| w.iter().zip(needle).all(|(a, b)| *a == b.as_str()))
}

/// How alike two normalised phrases are, from 0 to 1.
fn similarity(a: &str, b: &str) -> f64 {
    if a.is_empty() || b.is_empty() {
        return 0.0;
    }
    // Lengths far apart cannot be alike; skip the quadratic comparison.
    let (la, lb) = (a.len() as f64, b.len() as f64);
    if la.min(lb) / la.max(lb) < 0.5 {
        return 0.0;
    }
    strsim::normalized_levenshtein(a, b).max(strsim::sorensen_dice(a, b))
}

/// A candidate line taken apart: its number, its words, its parenthesis.
#[derive(Debug, PartialEq)]
pub struct Parts {
    pub number: Option<usize>,
    /// The wording without number or trailing parenthesis.
    pub words: String,
    /// The trailing `(...)`, usually the short name.
    pub paren: Option<String>,
}

/// Markdown markup and punctuation out, lowercase, single spaces, curly
/// quotes straightened.
pub fn normalize(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if c.is_alphanumeric() {
            out.extend(c.to_lowercase());
        } else if matches!(c, '\'' | '’' | '‘' | '`') {
            // "what's" and "whats" are the same word.
        } else if !out.ends_with(' ') {
            out.push(' ');
        }
    }
    out.trim().to_string()
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

/// Splits a leading number off: "Question 3:", "Q3.", "3.", "3)", "3:" and
/// "3 -" all give 3. Returns the number and the rest.
pub fn split_number(text: &str) -> (Option<usize>, &str) {
    let mut rest = text.trim();
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
    if digits > 0 && digits <= 3 {
        let after = rest[digits..].trim_start();
        let separated = after.is_empty()
            || after.starts_with(['.', ')', ':', '-', '–', '—'])
            || rest[digits..].starts_with(' ');
        if separated {
            let number = rest[..digits].parse().ok();
            let after = after
                .trim_start_matches(['.', ')', ':', '-', '–', '—'])
                .trim_start();
            return (number, after);
        }
    }
    (None, rest)
}

pub fn parts(line: &str) -> Parts {
    let text = strip_markup(line);
    let (number, mut rest) = split_number(&text);
    // "Q: How big is the opportunity?" marks a question without a number.
    for prefix in ["Q:", "Q.", "Question:"] {
        if let Some(after) = rest.strip_prefix(prefix) {
            rest = after.trim_start();
        }
    }
    let mut paren = None;
    let trimmed = rest.trim_end().trim_end_matches(':').trim_end();
    let mut words = trimmed;
    if trimmed.ends_with(')')
        && let Some(open) = trimmed.rfind('(')
    {
        paren = Some(trimmed[open + 1..trimmed.len() - 1].to_string());
        words = &trimmed[..open];
    }
    Parts {
        number,
        words: words.trim().to_string(),
        paren: paren.filter(|p| !normalize(p).is_empty()),
    }
}

/// Names of the recommendation's parts and of sections that are notes.
pub fn match_special(line: &str) -> Option<Target> {
    let parts = parts(line);
    let words = normalize(&parts.words);
    match words.as_str() {
        "rationale"
        | "reasoning"
        | "why"
        | "decision rationale"
        | "reasons"
        | "justification"
        | "rationale for the decision" => Some(Target::Rationale),
        "conditions" | "decision conditions" | "conditions for go" | "go conditions" => {
            Some(Target::Conditions)
        }
        "notes"
        | "note"
        | "additional notes"
        | "other notes"
        | "additional information"
        | "additional context"
        | "comments"
        | "comment"
        | "discussion"
        | "appendix"
        | "references"
        | "links"
        | "related"
        | "related links"
        | "see also"
        | "attachments"
        | "revision history"
        | "change log"
        | "changelog"
        | "history"
        | "open questions"
        | "faq"
        | "feedback"
        | "sign off"
        | "approvals"
        | "reviewers"
        | "meeting notes"
        | "action items"
        | "follow ups"
        | "parking lot" => Some(Target::Notes),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn matched(line: &str, style: Style) -> Option<usize> {
        let set = QuestionSet::builtin();
        Matcher::new(&set)
            .question(line, style)
            .map(|m| set.all()[m.index].number)
    }

    #[test]
    fn takes_a_line_apart() {
        let p = parts("## 10. Given the above, what’s the recommendation? (go or no-go)");
        assert_eq!(p.number, Some(10));
        assert_eq!(p.words, "Given the above, what’s the recommendation?");
        assert_eq!(p.paren.as_deref(), Some("go or no-go"));
        assert_eq!(parts("**Question 3:** How big").number, Some(3));
        assert_eq!(parts("Q3. How big").number, Some(3));
        assert_eq!(parts("2026 was a year").number, None);
    }

    #[test]
    fn matches_every_style_of_question_line() {
        use Style::*;
        for (line, style, number) in [
            (
                "## 1. Exactly what problem will this solve? (value proposition)",
                Heading,
                1,
            ),
            (
                "**1. Exactly what problem will this solve?** (value proposition)",
                Bold,
                1,
            ),
            (
                "1. Exactly what problem will this solve? (value proposition)",
                Plain,
                1,
            ),
            ("### Market size", Heading, 3),
            ("How big is the opportunity?", Plain, 3),
            ("Why now?", Plain, 6),
            ("8. How will we measure success / make money?", Plain, 8),
            ("6) Why now", Bold, 6),
            ("**Why now?**", Bold, 6),
            (
                "### 10. Given the above, what's the recommendation? (go or no-go)",
                Heading,
                10,
            ),
            (
                "2. Who do we solve this problem for? (target market)",
                Plain,
                2,
            ),
            ("4. What alternatives exist?", Bold, 4),
            ("## Problem", Heading, 1),
            ("## Go-to-market", Heading, 7),
            ("**Metrics**", Bold, 8),
            ("## Success factors", Heading, 9),
            ("## Recommendation", Heading, 10),
            // The 2008 order: matched by words, whatever the number says.
            (
                "4. How will we measure success? (metrics/revenue strategy)",
                Plain,
                8,
            ),
            ("5. What alternatives are out there?", Plain, 4),
            ("How will we get this to market?", Plain, 7),
            (
                "10. Given the above, is it worth pursuing? (go or no go)",
                Plain,
                10,
            ),
            // Synonyms, containment and stems.
            ("## TAM/SAM/SOM", Heading, 3),
            ("### Why Us?", Heading, 5),
            ("## Target Market / Users", Heading, 2),
            ("## Competitors", Heading, 4),
            ("## Competitor", Heading, 4),
            ("## KPIs", Heading, 8),
            ("## Risks & Constraints", Heading, 9),
            ("## The Problem We're Solving", Heading, 1),
            ("## Problem & Opportunity", Heading, 1),
            ("Why now", Label, 6),
            ("# Next Steps", Heading, 10),
        ] {
            assert_eq!(matched(line, style), Some(number), "{line}");
        }
    }

    #[test]
    fn a_number_alone_is_not_a_question() {
        use Style::*;
        let set = crate::config::Config::from_text(
            "questions:\n  pricing:\n    text: How will we price it?\n    short_name: pricing model\n",
            std::path::Path::new("."),
        )
        .unwrap()
        .questions;
        let m = Matcher::new(&set);
        assert_eq!(m.question("Pricing **8%** `8%`.", Plain), None);
        for line in [
            "1. Private beta with the 40 users who asked for it",
            "2. Public launch in the release notes",
            "Teams lose a day a month to failed cron jobs.",
            "Revenue",
        ] {
            assert_eq!(matched(line, Plain), None, "{line}");
        }
        assert_eq!(matched("### Evidence", Heading), None);
        assert_eq!(matched("## 3.", Heading), None);
        assert_eq!(matched("## Who owns the contracts?", Heading), None);
        assert_eq!(matched("## Background", Heading), None);
        assert_eq!(
            matched(
                "## Opportunity: Carbon reporting for SMB customers",
                Heading
            ),
            None
        );
    }

    #[test]
    fn aliases_win_over_built_in_synonyms() {
        let set = crate::config::Config::from_text(
            "questions:\n  problem:\n    aliases: [QUEL PROBLÈME, Risks]\n",
            std::path::Path::new("."),
        )
        .unwrap()
        .questions;
        let m = Matcher::new(&set);
        let found = m.question("## QUEL PROBLÈME ?", Style::Heading).unwrap();
        assert_eq!((found.index, found.via), (0, Via::Alias));
        assert_eq!(m.question("## Risks", Style::Heading).unwrap().index, 0);
    }

    #[test]
    fn recognises_the_recommendation_parts_and_notes() {
        assert_eq!(match_special("### Rationale"), Some(Target::Rationale));
        assert_eq!(match_special("Conditions:"), Some(Target::Conditions));
        assert_eq!(match_special("## Notes"), Some(Target::Notes));
        assert_eq!(match_special("## Comments"), Some(Target::Notes));
        assert_eq!(match_special("## Notes on pricing"), None);
    }
}
