//! `mrd import`: an existing Markdown issue back into an assessment.
//!
//! Teams already have opportunity assessments as issues, written from GitLab's
//! description templates (bold numbered questions), GitHub issue forms (`###`
//! headings), by hand, or by `mrd render`. Import reads the Markdown as blocks
//! (pulldown-cmark), finds the lines that name questions (by number and
//! wording, see [`matching`]), and gives each question the blocks up to the
//! next one. What it cannot place is never dropped: it goes to the notes body,
//! and the report says so.

mod blocks;
pub mod matching;

use crate::assessment::{Choice, Confidence, Decision};
use crate::questions::QuestionSet;
use crate::source::line_column;
use blocks::{Block, Kind};
use matching::{Style, Target, match_question, match_special, names_recommendation, strip_markup};

/// What an issue gave, and how each part of it was understood.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Imported {
    /// From the issue's `# heading`, if it has one before the questions.
    pub title: Option<String>,
    /// Answer Markdown by question key, in question order; only answered ones.
    pub answers: Vec<(String, String)>,
    pub decision: Option<Decision>,
    pub rationale: Option<String>,
    pub conditions: Vec<String>,
    /// Confidence levels written under a question (`_Confidence: high_`).
    pub confidence: Vec<(String, Confidence)>,
    /// Text not placed under a question, and the notes section.
    pub notes: String,
    pub report: Vec<Finding>,
}

/// One line of the import report.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Finding {
    pub line: u32,
    pub kind: FindingKind,
    /// The source line it is about, shortened.
    pub excerpt: String,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FindingKind {
    /// A line that opens question N (number, short name).
    Question(usize, String),
    Decision(Option<Decision>),
    Rationale,
    Conditions,
    Notes,
    Title,
    /// Text that matched nothing and was kept in the notes.
    Unmatched,
    /// A question named a second time; its text was kept in the notes.
    Repeated(usize),
    /// Generated text with no content of its own (mrd render's summary line,
    /// a template's heading).
    Skipped,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Section {
    Preamble,
    Question(usize),
    Rationale,
    Conditions,
    Notes,
    /// After a heading that names nothing: text goes to the notes.
    Unplaced,
}

struct Builder<'a> {
    text: &'a str,
    questions: &'a QuestionSet,
    section: Section,
    /// Headings at or above this level end the current section.
    level: u8,
    answers: Vec<Vec<String>>,
    /// Whether the recommendation's first block (the decision) was read.
    decision_read: bool,
    decision: Option<Decision>,
    rationale: Vec<String>,
    conditions: Vec<String>,
    confidence: Vec<(String, Confidence)>,
    notes: Vec<String>,
    title: Option<String>,
    report: Vec<Finding>,
    any_marker: bool,
    /// Whether the text opened with `mrd render`'s summary: then everything
    /// before the first question (verdict, open risks, a checklist of open
    /// questions) is generated from the answers too.
    generated_preamble: bool,
}

/// Reads `text` (an issue body) against the question set.
pub fn import(text: &str, questions: &QuestionSet) -> Imported {
    // Issues pasted from a browser on Windows have CRLF line endings; the
    // assessment is written with LF, and line numbers stay the same.
    let text = &text.replace("\r\n", "\n");
    let mut b = Builder {
        text,
        questions,
        section: Section::Preamble,
        level: 2,
        answers: vec![Vec::new(); questions.len()],
        decision_read: false,
        decision: None,
        rationale: Vec::new(),
        conditions: Vec::new(),
        confidence: Vec::new(),
        notes: Vec::new(),
        title: None,
        report: Vec::new(),
        any_marker: false,
        generated_preamble: false,
    };
    for block in blocks::blocks(text) {
        b.block(&block);
    }
    b.finish()
}

/// Placeholders that forms and templates put where nothing was written.
fn is_placeholder(text: &str) -> bool {
    let bare = text
        .trim()
        .trim_matches(['_', '*'])
        .trim()
        .to_ascii_lowercase();
    matches!(
        bare.as_str(),
        "not answered yet." | "not answered yet" | "no response"
    )
}

/// `mrd render` escapes a line-leading `/` (`\/close`) so GitLab does not run
/// it as a quick action. In the assessment file the text is data again, so
/// the escape is removed; rendering puts it back.
fn unneutralize(text: &str) -> String {
    let lines: Vec<String> = text
        .lines()
        .map(|line| {
            let indent = line.len() - line.trim_start().len();
            match line[indent..].strip_prefix("\\/") {
                Some(rest) => format!("{}/{rest}", &line[..indent]),
                None => line.to_string(),
            }
        })
        .collect();
    lines.join("\n")
}

/// An HTML block made only of `<details>`/`<summary>` tags.
fn is_fold_markup(html: &str) -> bool {
    let lines = html.lines().map(str::trim).filter(|l| !l.is_empty());
    let mut any = false;
    for line in lines {
        any = true;
        let lowered = line.to_ascii_lowercase();
        let fold = lowered == "</details>"
            || (lowered.starts_with("<details")
                && lowered.ends_with('>')
                && !lowered[1..].contains('<'))
            || (lowered.starts_with("<summary>") && lowered.ends_with("</summary>"));
        if !fold {
            return false;
        }
    }
    any
}

/// A line that only states a confidence level, as a rendered issue may.
fn confidence_line(text: &str) -> Option<Confidence> {
    let plain = text.replace(['*', '_', '(', ')', '`'], "");
    let lowered = plain.trim().to_ascii_lowercase();
    let level = lowered
        .strip_prefix("confidence")?
        .trim_start()
        .strip_prefix(':')?;
    Confidence::parse_choice(level.trim().trim_end_matches('.'))
}

/// A line that is bold as a whole, apart from a trailing `(short name)` or
/// colon: `**6. Why now?** (market window)`. A bold lead-in followed by more
/// text (`**Pricing** is 8% ...`) is how answers start, not questions.
fn is_bold_line(line: &str) -> bool {
    let mut line = line.trim().trim_end_matches(':').trim_end();
    if line.ends_with(')')
        && let Some(open) = line.rfind(" (")
    {
        line = line[..open].trim_end();
    }
    let line = line.trim_end_matches(':');
    ["**", "__"]
        .iter()
        .any(|m| line.len() > 4 && line.starts_with(m) && line.ends_with(m))
}

fn is_task_item(line: &str) -> bool {
    let line = line.trim_start();
    ["- [", "* [", "+ ["].iter().any(|m| {
        line.starts_with(m) && line[3..].starts_with([' ', 'x', 'X']) && line[4..].starts_with(']')
    })
}

/// The go/no-go summary `mrd render` puts above the questions: it is derived
/// from the answers, so importing it would only duplicate them.
fn is_render_summary(text: &str) -> bool {
    let plain = text.replace(['*', '_', '>'], "");
    let plain = plain.trim_start();
    plain.starts_with("Decision:")
        && (plain.contains("questions answered") || plain.lines().count() <= 6)
}

/// A paragraph made only of GitLab quick actions (`/label ~x`).
fn is_quick_actions(text: &str) -> bool {
    text.lines().all(|line| {
        let command = line.trim().strip_prefix('/').unwrap_or_default();
        let name: String = command
            .chars()
            .take_while(|c| c.is_ascii_alphabetic() || *c == '_')
            .collect();
        !name.is_empty()
            && command[name.len()..]
                .chars()
                .next()
                .is_none_or(char::is_whitespace)
    })
}

fn first_line(text: &str) -> (&str, &str) {
    match text.find('\n') {
        Some(i) => (&text[..i], &text[i + 1..]),
        None => (text, ""),
    }
}

/// Removes the indentation all non-blank lines share (a list item's body).
/// Only spaces and tabs count, so a cut never falls inside a character.
fn dedent(text: &str) -> String {
    let indent_of = |l: &str| l.len() - l.trim_start_matches([' ', '\t']).len();
    let indent = text
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(indent_of)
        .min()
        .unwrap_or(0);
    text.lines()
        .map(|l| l.get(indent.min(indent_of(l))..).unwrap_or(l))
        .collect::<Vec<_>>()
        .join("\n")
}

fn excerpt(line: &str) -> String {
    let line = line.trim();
    if line.chars().count() > 72 {
        let cut: String = line.chars().take(71).collect();
        format!("{cut}…")
    } else {
        line.to_string()
    }
}

/// The decision a recommendation starts with, and whether the block is only
/// that word (`**GO**`, `Go`) or also says why (`Go, provided that ...`).
/// `Some(None)` is render's "NO DECISION".
fn leading_decision(text: &str) -> Option<(Option<Decision>, bool)> {
    let bare = text
        .trim()
        .trim_start_matches(['*', '_', '#', ' ', '-', '>'])
        .to_ascii_lowercase();
    // "Decision: Go", as people write it by hand.
    if let Some(rest) = bare.strip_prefix("decision:") {
        return leading_decision(rest);
    }
    const WORDS: [(&str, Option<Decision>); 6] = [
        ("no-go", Some(Decision::NoGo)),
        ("no go", Some(Decision::NoGo)),
        ("nogo", Some(Decision::NoGo)),
        ("no decision", None),
        ("undecided", Some(Decision::Undecided)),
        ("go", Some(Decision::Go)),
    ];
    WORDS.iter().find_map(|(word, decision)| {
        let rest = bare.strip_prefix(word)?;
        if rest.starts_with(|c: char| c.is_alphanumeric()) {
            return None;
        }
        let only = rest
            .trim_matches(|c: char| c.is_whitespace() || "*_.!:,;".contains(c))
            .is_empty();
        Some((*decision, only))
    })
}

/// Conditions written as a list (or one per line).
fn condition_items(text: &str) -> Vec<String> {
    let mut items: Vec<String> = Vec::new();
    for line in text.lines() {
        let trimmed = line.trim();
        if trimmed.is_empty() || is_placeholder(trimmed) {
            continue;
        }
        let marker = ["- [ ] ", "- [x] ", "- ", "* ", "+ "]
            .iter()
            .find_map(|m| trimmed.strip_prefix(m))
            .or_else(|| {
                let digits = trimmed.chars().take_while(char::is_ascii_digit).count();
                (digits > 0)
                    .then(|| &trimmed[digits..])
                    .and_then(|r| r.strip_prefix(". ").or_else(|| r.strip_prefix(") ")))
            });
        match marker {
            Some(item) => items.push(item.trim().to_string()),
            // An indented line continues the item above it.
            None if line.starts_with([' ', '\t']) && !items.is_empty() => {
                let last = items.last_mut().expect("not empty");
                last.push(' ');
                last.push_str(trimmed);
            }
            None => items.push(trimmed.to_string()),
        }
    }
    items
}

impl Builder<'_> {
    fn line_of(&self, offset: usize) -> u32 {
        line_column(self.text, offset).0
    }

    fn note(&mut self, line: u32, kind: FindingKind, text: &str) {
        self.report.push(Finding {
            line,
            kind,
            excerpt: excerpt(first_line(text).0),
        });
    }

    fn in_recommendation(&self) -> bool {
        match self.section {
            Section::Question(i) => self.questions.all()[i].is_recommendation(),
            Section::Rationale | Section::Conditions => true,
            _ => false,
        }
    }

    /// What `line` opens, if anything. `whole` says the line is its block's
    /// only text, which lets a plain `Conditions:` open the conditions.
    fn marker(&self, line: &str, style: Style, whole: bool) -> Option<Target> {
        if style != Style::Plain || whole {
            match match_special(line) {
                Some(target @ (Target::Rationale | Target::Conditions))
                    if self.in_recommendation() =>
                {
                    return Some(target);
                }
                Some(Target::Notes) if style != Style::Plain && self.section != Section::Notes => {
                    return Some(Target::Notes);
                }
                _ => {}
            }
        }
        if let Some(i) = match_question(line, style, self.questions) {
            return Some(Target::Question(i));
        }
        if style == Style::Heading && names_recommendation(line) {
            return self
                .questions
                .all()
                .iter()
                .position(|q| q.is_recommendation())
                .map(Target::Question);
        }
        None
    }

    fn open(&mut self, target: Target, level: u8, offset: usize, line_text: &str) {
        let line = self.line_of(offset);
        self.any_marker = true;
        self.level = level;
        match target {
            Target::Question(i) => {
                let q = &self.questions.all()[i];
                let seen = if q.is_recommendation() {
                    self.decision_read
                } else {
                    !self.answers[i].is_empty()
                };
                if seen {
                    // Never merge two sections silently: the second is kept
                    // as it was written, in the notes.
                    self.section = Section::Unplaced;
                    self.notes.push(line_text.trim().to_string());
                    self.note(line, FindingKind::Repeated(q.number), line_text);
                    return;
                }
                self.section = Section::Question(i);
                self.note(
                    line,
                    FindingKind::Question(q.number, q.short_name.clone()),
                    line_text,
                );
            }
            Target::Rationale => {
                self.section = Section::Rationale;
                self.note(line, FindingKind::Rationale, line_text);
            }
            Target::Conditions => {
                self.section = Section::Conditions;
                self.note(line, FindingKind::Conditions, line_text);
            }
            Target::Notes => {
                self.section = Section::Notes;
                self.note(line, FindingKind::Notes, line_text);
            }
        }
    }

    fn block(&mut self, block: &Block) {
        let source = &self.text[block.range.clone()];
        let start = block.range.start;
        match &block.kind {
            Kind::Comment | Kind::Rule => {}
            Kind::Heading(level) => self.heading(*level, source, start),
            // Generated text only has headings worth a look: its lists name
            // questions ("market size missing") without being them.
            Kind::Paragraph | Kind::List(_)
                if self.section == Section::Preamble && self.generated_preamble =>
            {
                self.content(source, start);
            }
            Kind::Paragraph => {
                let (head, rest) = first_line(source);
                if is_quick_actions(source) {
                    // Left over from a template: GitLab runs and removes these
                    // when an issue is created, so they are not content.
                    self.note(self.line_of(start), FindingKind::Skipped, head);
                    return;
                }
                let style = if is_bold_line(head) {
                    Style::Bold
                } else {
                    Style::Plain
                };
                match self.marker(head, style, rest.trim().is_empty()) {
                    Some(target) => {
                        self.open(target, 2, start, head);
                        if !rest.trim().is_empty() {
                            self.content(rest, start + head.len() + 1);
                        }
                    }
                    None => self.content(source, start),
                }
            }
            Kind::List(items) => self.list(items),
            // `<details><summary>…</summary>` folds (GitHub flavour's notes)
            // are presentation: their content is read, the tags are not.
            Kind::Other if is_fold_markup(source) => {}
            Kind::Other => self.content(source, start),
        }
    }

    fn heading(&mut self, level: u8, source: &str, start: usize) {
        let (head, _) = first_line(source);
        if level == 1
            && self.title.is_none()
            && !self.any_marker
            && self.section == Section::Preamble
        {
            let text = strip_markup(head);
            let lowered = text.to_ascii_lowercase();
            let title = [
                "opportunity assessment:",
                "opportunity assessment -",
                "mrd:",
            ]
            .iter()
            .find_map(|p| {
                lowered
                    .starts_with(p)
                    .then(|| text[p.len()..].trim().to_string())
            })
            .unwrap_or_else(|| text.trim().to_string());
            if !title.is_empty() && matching::normalize(&title) != "opportunity assessment" {
                self.note(self.line_of(start), FindingKind::Title, head);
                self.title = Some(title);
                return;
            }
        }
        if let Some(target) = self.marker(head, Style::Heading, true) {
            self.open(target, level, start, head);
            return;
        }
        if self.section == Section::Preamble
            && matching::normalize(&strip_markup(head)) == "opportunity assessment"
        {
            self.note(self.line_of(start), FindingKind::Skipped, head);
            return;
        }
        let ends_section = matches!(
            self.section,
            Section::Question(_) | Section::Rationale | Section::Conditions
        ) && level <= self.level;
        if ends_section {
            self.section = Section::Unplaced;
            self.note(self.line_of(start), FindingKind::Unmatched, head);
            self.notes.push(source.trim().to_string());
        } else {
            self.content(source, start);
        }
    }

    fn list(&mut self, items: &[std::ops::Range<usize>]) {
        // Runs of items that name no question stay one list, as written.
        let mut run: Option<std::ops::Range<usize>> = None;
        for item in items {
            let source = &self.text[item.clone()];
            let (head, rest) = first_line(source);
            // Answers are full of bold lead-ins ("- **Metrics**: ..."), so
            // a list item must name a whole question, as a plain line must.
            let style = Style::Plain;
            // A task list ("- [ ] 3. How big is the opportunity?") is a
            // checklist about the questions, not the questions themselves.
            let task = is_task_item(head);
            match self.marker(head, style, false).filter(|_| !task) {
                Some(target) => {
                    if let Some(r) = run.take() {
                        self.content(&self.text[r.clone()], r.start);
                    }
                    self.open(target, 2, item.start, head);
                    let body = dedent(rest);
                    if !body.trim().is_empty() {
                        self.content(&body, item.start + head.len() + 1);
                    }
                }
                None => {
                    run = Some(match run {
                        Some(r) => r.start..item.end,
                        None => item.clone(),
                    });
                }
            }
        }
        if let Some(r) = run {
            self.content(&self.text[r.clone()], r.start);
        }
    }

    fn content(&mut self, text: &str, offset: usize) {
        let text = text.trim_end().trim_start_matches('\n');
        if text.trim().is_empty() {
            return;
        }
        let text = unneutralize(text);
        match self.section {
            Section::Preamble if self.generated_preamble || is_render_summary(&text) => {
                self.generated_preamble = true;
                self.note(self.line_of(offset), FindingKind::Skipped, &text);
            }
            Section::Preamble => {
                self.note(self.line_of(offset), FindingKind::Unmatched, &text);
                self.notes.push(text);
            }
            Section::Unplaced | Section::Notes => self.notes.push(text),
            Section::Question(i) if self.questions.all()[i].is_recommendation() => {
                if is_placeholder(&text) {
                    return;
                }
                if !self.decision_read {
                    self.decision_read = true;
                    if let Some((decision, only)) = leading_decision(&text) {
                        self.decision = decision;
                        self.note(self.line_of(offset), FindingKind::Decision(decision), &text);
                        if only {
                            return;
                        }
                    }
                }
                self.rationale.push(text);
            }
            Section::Question(i) => {
                if let Some(level) = confidence_line(&text) {
                    let key = self.questions.all()[i].key.clone();
                    if !self.confidence.iter().any(|(k, _)| *k == key) {
                        self.confidence.push((key, level));
                        return;
                    }
                }
                if !is_placeholder(&text) {
                    self.answers[i].push(text);
                }
            }
            Section::Rationale => {
                if !is_placeholder(&text) {
                    self.rationale.push(text);
                }
            }
            Section::Conditions => self.conditions.extend(condition_items(&text)),
        }
    }

    fn finish(self) -> Imported {
        let answers = self
            .questions
            .all()
            .iter()
            .zip(&self.answers)
            .filter(|(q, parts)| !q.is_recommendation() && !parts.is_empty())
            .map(|(q, parts)| (q.key.clone(), parts.join("\n\n")))
            .collect();
        let mut notes = self.notes.join("\n\n");
        if !notes.is_empty() {
            notes.push('\n');
        }
        Imported {
            title: self.title,
            answers,
            decision: self.decision,
            rationale: (!self.rationale.is_empty()).then(|| self.rationale.join("\n\n")),
            conditions: self.conditions,
            confidence: self.confidence,
            notes,
            report: self.report,
        }
    }
}

#[cfg(test)]
mod tests;
