//! `mrd import`: documents teams already wrote, back into assessments.
//!
//! Teams have opportunity assessments as GitLab issues from description
//! templates, GitHub issue forms, wiki pages, blog posts and docs, written
//! with Cagan's questions, older wordings of them, or section names of their
//! own. Import reads the Markdown as blocks (pulldown-cmark), finds the lines
//! that name questions (by their words, see [`matching`]; the shapes a line
//! can take are in [`lead`]), and gives each question the blocks up to the
//! next one. The recommendation's decision is read from words ([`decision`]).
//! What cannot be placed is never dropped: it goes to the notes body, and
//! the report says where everything came from and how sure the match is.
//!
//! Files around the Markdown (a blog's front-matter, `gh`/`glab` JSON) are
//! taken apart in [`document`] before this module sees the text.

mod blocks;
pub mod decision;
pub mod document;
mod joined;
mod lead;
pub mod matching;
pub mod report;

use std::borrow::Cow;

use crate::assessment::{Choice, Confidence, Decision};
use crate::questions::{QuestionSet, RECOMMENDATION_KEY};
use blocks::{Block, Blocks, Kind};
use decision::{Stated, first_sentence, stated};
use joined::{Joined, Own, Piece};
use lead::{Lead, Shape};
use matching::{Match, Matcher, Style, Target, Via, match_special, strip_markup};

/// What a document gave, and how each part of it was understood.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Imported {
    /// From the document's `# heading` or an "Opportunity: X" line.
    pub title: Option<String>,
    /// Answer Markdown by question key, in question order; only answered ones.
    pub answers: Vec<(String, String)>,
    pub decision: Option<Decision>,
    /// The words the decision was read from.
    pub decision_from: Option<Evidence>,
    pub rationale: Option<String>,
    pub conditions: Vec<String>,
    /// Confidence levels written under a question (`_Confidence: high_`).
    pub confidence: Vec<(String, Confidence)>,
    /// Text not placed under a question, and the document's notes sections.
    pub notes: String,
    /// Where each question's answer came from, in question order.
    pub placements: Vec<Placement>,
    pub report: Findings,
    /// How many lines named a question, answered or not.
    pub questions_named: usize,
    /// Characters of text placed under a question or the recommendation.
    pub placed_chars: usize,
    /// Characters of text that named no question and went to the notes.
    pub unplaced_chars: usize,
    /// Labels and milestone a template's quick actions set
    /// (`/label ~"opportunity assessment"`, `/milestone %"2026-W48"`).
    pub labels: Vec<String>,
    pub milestone: Option<String>,
}

impl Imported {
    /// Questions were named but none answered: an empty template.
    pub fn is_empty_template(&self) -> bool {
        self.questions_named > 0
            && self.answers.is_empty()
            && self.decision.is_none()
            && self.rationale.is_none()
            && self.conditions.is_empty()
    }

    /// Nothing in the document named a question.
    pub fn found_nothing(&self) -> bool {
        self.questions_named == 0 && self.decision.is_none()
    }

    /// More of the document's text went unplaced than was placed.
    pub fn mostly_unplaced(&self) -> bool {
        self.unplaced_chars > self.placed_chars
    }
}

/// The comment an assessment opens its notes with when most of the document
/// could not be placed: the file itself says it is not a finished import.
pub fn mostly_unplaced_note() -> &'static str {
    "<!-- mrd import: most of the imported document matched no question. Its text is kept below as written: move each part under its question in `answers:`, then delete this comment. -->"
}

/// Where a question's answer came from.
#[derive(Clone, Debug, PartialEq)]
pub struct Placement {
    pub key: String,
    pub number: usize,
    pub line: u32,
    pub matched: Match,
    /// The line that named the question, shortened.
    pub excerpt: String,
    /// Whether text landed under it (for the recommendation: a decision or
    /// a rationale).
    pub answered: bool,
}

/// A piece of text something was read from, with its line.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Evidence {
    pub line: u32,
    pub text: String,
}

/// One line of the import report.
#[derive(Clone, Debug, PartialEq)]
pub struct Finding {
    pub line: u32,
    pub kind: FindingKind,
    /// The source line it is about, shortened.
    pub excerpt: String,
}

#[derive(Clone, Debug, PartialEq)]
pub enum FindingKind {
    /// A line that opens a question, and how it matched.
    Question(usize, String, Match),
    /// A second section for a question, named differently ("Risks" after
    /// "Success factors"): added to its answer.
    Continued(usize, String),
    /// The decision, and the words it was read from (the excerpt).
    Decision(Option<Decision>),
    Rationale,
    Conditions,
    Notes,
    Title,
    /// Text that matched nothing and was kept in the notes.
    Unmatched,
    /// A numbered or bold question that is not in the question set: it ends
    /// the answer above it, and it and its answer are kept in the notes.
    UnknownQuestion,
    /// A question named a second time; its text was kept in the notes.
    Repeated(usize),
    /// Generated text with no content of its own (mrd render's summary line,
    /// quick actions, a table's header row).
    Skipped,
    /// A quick action that sets a label or the milestone, read into the
    /// front-matter.
    Metadata,
}

impl FindingKind {
    /// The kind's name in the JSON report.
    pub fn name(&self) -> &'static str {
        match self {
            FindingKind::Question(..) => "question",
            FindingKind::Continued(..) => "continued",
            FindingKind::Decision(_) => "decision",
            FindingKind::Rationale => "rationale",
            FindingKind::Conditions => "conditions",
            FindingKind::Notes => "notes",
            FindingKind::Title => "title",
            FindingKind::Unmatched => "unmatched",
            FindingKind::UnknownQuestion => "unknown-question",
            FindingKind::Repeated(_) => "repeated",
            FindingKind::Skipped => "skipped",
            FindingKind::Metadata => "metadata",
        }
    }
}

/// How many findings of one kind a document's report lists; the rest of
/// that kind are counted. (Lines that name questions get room for a whole
/// question set on top.)
pub const LISTED_PER_KIND: usize = 10;

/// One document's report, bounded: the first [`LISTED_PER_KIND`] findings of
/// each kind with their lines, and of the rest only how many there are and
/// between which lines. A document with 40,000 headings that name nothing
/// gives a report of a dozen lines (its text is all in the notes), so the
/// report neither floods its reader nor grows with the document.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Findings {
    listed: Vec<Finding>,
    /// How many of each kind are listed.
    counts: Vec<(&'static str, usize)>,
    omitted: Vec<Omitted>,
    /// The question set's size: room for every question to be named.
    questions: usize,
}

/// The findings of one kind beyond those listed.
#[derive(Clone, Debug, PartialEq)]
pub struct Omitted {
    /// The first of them; its kind is theirs.
    pub first: Finding,
    pub count: usize,
    pub last_line: u32,
}

impl Findings {
    fn new(questions: usize) -> Findings {
        Findings {
            questions,
            ..Findings::default()
        }
    }

    fn push(&mut self, finding: Finding) {
        let name = finding.kind.name();
        let room = LISTED_PER_KIND
            + if name == "question" {
                self.questions
            } else {
                0
            };
        let listed = match self.counts.iter_mut().find(|(n, _)| *n == name) {
            Some((_, count)) => count,
            None => {
                self.counts.push((name, 0));
                &mut self.counts.last_mut().expect("just pushed").1
            }
        };
        if *listed < room {
            *listed += 1;
            self.listed.push(finding);
            return;
        }
        match self
            .omitted
            .iter_mut()
            .find(|o| o.first.kind.name() == name)
        {
            Some(omitted) => {
                omitted.count += 1;
                omitted.last_line = omitted.last_line.max(finding.line);
            }
            None => self.omitted.push(Omitted {
                last_line: finding.line,
                first: finding,
                count: 1,
            }),
        }
    }

    /// The findings listed, in the order they were found.
    pub fn iter(&self) -> std::slice::Iter<'_, Finding> {
        self.listed.iter()
    }

    pub fn is_empty(&self) -> bool {
        self.listed.is_empty()
    }

    /// Per kind, the findings not listed.
    pub fn omitted(&self) -> &[Omitted] {
        &self.omitted
    }

    /// Every finding, listed or counted.
    pub fn total(&self) -> usize {
        self.listed.len() + self.omitted.iter().map(|o| o.count).sum::<usize>()
    }
}

impl<'f> IntoIterator for &'f Findings {
    type Item = &'f Finding;
    type IntoIter = std::slice::Iter<'f, Finding>;

    fn into_iter(self) -> Self::IntoIter {
        self.iter()
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Section {
    Preamble,
    Question(usize),
    Rationale,
    Conditions,
    Notes,
    /// After a heading or question that names nothing: text goes to the notes.
    Unplaced,
}

/// Reads `text` (a document's Markdown) against the question set.
pub fn import(text: &str, questions: &QuestionSet) -> Imported {
    import_with(text, questions, &Matcher::new(questions))
}

/// As [`import`], with the question set's names indexed once for many files.
pub fn import_with(text: &str, questions: &QuestionSet, matcher: &Matcher) -> Imported {
    // Documents pasted from a browser on Windows have CRLF line endings; the
    // assessment is written with LF, and line numbers stay the same. (The
    // command removes them in place first, so this copies nothing there.)
    let text: Cow<str> = if text.contains("\r\n") {
        Cow::Owned(text.replace("\r\n", "\n"))
    } else {
        Cow::Borrowed(text)
    };
    let text = text.as_ref();
    let form = is_issue_form(text, questions);
    let mut b = Builder {
        text,
        questions,
        matcher,
        lines: LineIndex::new(text),
        form,
        section: Section::Preamble,
        level: 2,
        marker: None,
        heading_markers: false,
        answers: (0..questions.len()).map(|_| Joined::default()).collect(),
        placements: vec![None; questions.len()],
        decision_read: false,
        decision_pending: false,
        decision: None,
        decision_from: None,
        recommendation_closed: false,
        rationale: Joined::default(),
        conditions: Vec::new(),
        confidence: Vec::new(),
        notes: Joined::default(),
        own: Own::default(),
        last_note: Piece::default(),
        title: None,
        report: Findings::new(questions.len()),
        questions_named: 0,
        generated_preamble: false,
        placed_chars: 0,
        unplaced_chars: 0,
        labels: Vec::new(),
        milestone: None,
        opening_heading: None,
        started: false,
    };
    // One block at a time: the document's blocks are never all held.
    for block in Blocks::new(text) {
        b.block(&block);
    }
    b.finish()
}

/// As [`import_with`], taking the text: its line endings are fixed in place
/// (no copy of it is made), and it is let go as soon as it was read.
pub fn import_text(mut text: String, questions: &QuestionSet, matcher: &Matcher) -> Imported {
    remove_crlf(&mut text);
    import_with(&text, questions, matcher)
}

/// Removes the CR of each CRLF in place: what [`import_with`] would
/// otherwise copy the document to do.
fn remove_crlf(text: &mut String) {
    if !text.contains("\r\n") {
        return;
    }
    let mut bytes = std::mem::take(text).into_bytes();
    let mut kept = 0;
    for i in 0..bytes.len() {
        if bytes[i] == b'\r' && bytes.get(i + 1) == Some(&b'\n') {
            continue;
        }
        bytes[kept] = bytes[i];
        kept += 1;
    }
    bytes.truncate(kept);
    // Only ASCII CRs were removed, so the text is still UTF-8.
    *text = String::from_utf8(bytes)
        .unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned());
}

/// Line numbers of byte offsets. The lines before each stretch of
/// [`STRETCH`] bytes are counted once, so an offset's line costs a count
/// within one stretch: a document with 10,000 headings costs 10,000 short
/// counts, not scans from the top, and the table takes a sixteenth of the
/// text's size (a table of every line start could take more than the text).
struct LineIndex<'a> {
    bytes: &'a [u8],
    /// Newlines before each stretch, and in the whole text last.
    before: Vec<u32>,
}

const STRETCH: usize = 64;

impl<'a> LineIndex<'a> {
    fn new(text: &'a str) -> LineIndex<'a> {
        let bytes = text.as_bytes();
        let mut before = Vec::with_capacity(bytes.len() / STRETCH + 2);
        let mut lines = 0u32;
        for stretch in bytes.chunks(STRETCH) {
            before.push(lines);
            let newlines = stretch.iter().filter(|&&b| b == b'\n').count() as u32;
            lines = lines.saturating_add(newlines);
        }
        before.push(lines);
        LineIndex { bytes, before }
    }

    fn line(&self, offset: usize) -> u32 {
        let offset = offset.min(self.bytes.len());
        let stretch = offset / STRETCH;
        let newlines = self.bytes[stretch * STRETCH..offset]
            .iter()
            .filter(|&&b| b == b'\n')
            .count() as u32;
        self.before[stretch]
            .saturating_add(newlines)
            .saturating_add(1)
    }
}

/// A GitHub issue form's output: its labels are `### N. Question (short)`
/// headings. In such a document only those headings end an answer; a `###`
/// heading the author wrote inside an answer stays in it.
///
/// Deciding it takes the whole document before the first block is read.
/// Lines that could be such headings are looked for first; only when two
/// are found are the document's blocks read to be sure (a `###` line in a
/// code fence is not a heading).
fn is_issue_form(text: &str, questions: &QuestionSet) -> bool {
    let labels: Vec<String> = questions
        .all()
        .iter()
        .map(|q| matching::normalize(&format!("{}. {} ({})", q.number, q.text, q.short_name)))
        .collect();
    let is_label = |line: &str| labels.contains(&matching::normalize(&strip_markup(line)));
    let lines = text
        .lines()
        .filter(|line| line.trim_start_matches(' ').starts_with("###") && is_label(line))
        .take(2)
        .count();
    lines >= 2
        && Blocks::new(text)
            .filter(|b| b.kind == Kind::Heading(3))
            .filter(|b| is_label(first_line(&text[b.range.clone()]).0))
            .take(2)
            .count()
            >= 2
}

/// Placeholders that forms and templates put where nothing was written.
fn is_placeholder(text: &str) -> bool {
    let bare = text
        .trim()
        .trim_matches(['_', '*', '[', ']', '(', ')', '<', '>'])
        .trim();
    // Placeholders are short: a long answer is not lowercased (copied) to
    // find that out.
    if bare.len() > 128 {
        return false;
    }
    let bare = bare.to_lowercase();
    matches!(
        bare.as_str(),
        "not answered yet."
            | "not answered yet"
            | "no response"
            | "tbd"
            | "tbd."
            | "todo"
            | "..."
            | "…"
            | "answer here"
            | "your answer here"
            | "add your answer here"
            | "write your answer here"
            | "answer"
            | "to be completed"
            | "to be filled in"
    )
}

/// `mrd render` escapes a line-leading `/` (`\/close`) so GitLab does not run
/// it as a quick action. In the assessment file the text is data again, so
/// the escape is removed; rendering puts it back.
fn unneutralize(text: &str) -> Cow<'_, str> {
    if !text.contains("\\/") {
        return Cow::Borrowed(text);
    }
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
    Cow::Owned(lines.join("\n"))
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
    // "Confidence: medium" is a few words; a longer text is not copied to
    // find that out.
    let markup = |c: &char| c.is_whitespace() || ['*', '_', '(', ')', '`'].contains(c);
    if text.chars().filter(|c| !markup(c)).nth(64).is_some() {
        return None;
    }
    let plain = text.replace(['*', '_', '(', ')', '`'], "");
    let lowered = plain.trim().to_ascii_lowercase();
    let level = lowered
        .strip_prefix("confidence")?
        .trim_start()
        .strip_prefix(':')?;
    Confidence::parse_choice(level.trim().trim_end_matches('.'))
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
    // Only text that starts so is copied without its markup to look further.
    let start: String = text
        .chars()
        .filter(|c| !['*', '_', '>'].contains(c))
        .skip_while(|c| c.is_whitespace())
        .take("Decision:".len())
        .collect();
    if start != "Decision:" {
        return false;
    }
    let plain = text.replace(['*', '_', '>'], "");
    let plain = plain.trim_start();
    plain.starts_with("Decision:")
        && (plain.contains("questions answered") || plain.lines().count() <= 6)
}

/// The length of an "Answer:" (or "A:") label opening `text`, bold or
/// not, with the spaces after it; `None` when there is none or nothing
/// follows it.
fn answer_label(text: &str) -> Option<usize> {
    let bare = text.trim_start_matches(['*', '_']);
    let name = ["answer:", "a:"].into_iter().find(|name| {
        bare.get(..name.len())
            .is_some_and(|head| head.eq_ignore_ascii_case(name))
    })?;
    let after = &bare[name.len()..];
    let after = after.trim_start_matches(['*', '_']);
    let answer = after.trim_start();
    (!answer.trim().is_empty()).then(|| text.len() - answer.len())
}

/// Whether `line` is shaped like `Label: answer`, `**Label** — answer` or
/// `**Label?** answer`: bold at its start, or a colon or dash near it.
fn looks_labelled(line: &str) -> bool {
    let head = &line.as_bytes()[..line.len().min(LABEL_WIDTH)];
    line.starts_with(['*', '_'])
        || head.contains(&b':')
        // An em or en dash (E2 80 94 / E2 80 93) between label and answer;
        // the two-byte test also lets curly quotes through, which only costs
        // the matcher a look.
        || head.windows(2).any(|w| w == [0xE2, 0x80])
}

/// How far into a line a label's colon may be (`**Go-to-market strategy:**`)
/// for the line to be asked whether it opens a question.
const LABEL_WIDTH: usize = 48;

/// A paragraph made only of GitLab quick actions (`/label ~x`).
fn is_quick_actions(text: &str) -> bool {
    text.lines().all(|line| quick_action(line).is_some())
}

/// A quick action's name and arguments (`/label ~x` is `("label", "~x")`),
/// or `None` when `line` is not one.
fn quick_action(line: &str) -> Option<(&str, &str)> {
    let command = line.trim().strip_prefix('/')?;
    let name_len = command
        .find(|c: char| !(c.is_ascii_alphabetic() || c == '_'))
        .unwrap_or(command.len());
    let (name, args) = command.split_at(name_len);
    (!name.is_empty() && args.chars().next().is_none_or(char::is_whitespace))
        .then(|| (name, args.trim_start()))
}

/// The values of a quick action's arguments, each after `sigil` (`~` for
/// labels, `%` for a milestone), plain (`~backend`) or quoted
/// (`~"opportunity assessment"`), as GitLab writes them.
fn quick_action_values(args: &str, sigil: char) -> Vec<String> {
    let mut values = Vec::new();
    let mut rest = args.trim_start();
    while let Some(after) = rest.strip_prefix(sigil) {
        let (value, tail) = match after.strip_prefix('"') {
            Some(quoted) => match quoted.split_once('"') {
                Some((value, tail)) => (value, tail),
                None => (quoted, ""),
            },
            None => after.split_once(char::is_whitespace).unwrap_or((after, "")),
        };
        let value = value.trim();
        if !value.is_empty() {
            values.push(value.to_string());
        }
        rest = tail.trim_start_matches(',').trim_start();
    }
    values
}

/// Commentary that wiki pages and issues put after the last answer: edit
/// stamps, signatures, comment threads.
fn is_commentary(text: &str) -> bool {
    let plain = strip_markup(first_line(text).0).to_lowercase();
    let plain = plain.trim_start_matches(['_', '*', ' ']);
    [
        "last edited",
        "last updated",
        "last modified",
        "edited by",
        "posted by",
        "written by",
        "updated by",
        "comment from",
        "comments from",
        "comments (",
        "cc ",
        "cc:",
        "/cc",
        "— ",
        "-- ",
        "reply ",
        "page history",
        "tags:",
        "labels:",
    ]
    .iter()
    .any(|p| plain.starts_with(p))
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

/// `line` as the report quotes it: on one line (a decision read from a
/// sentence that runs onto the next line is quoted with a space there),
/// cut to 72 characters.
fn excerpt(line: &str) -> String {
    let line = line.trim();
    let joined;
    let line = if line.contains(['\n', '\r']) {
        joined = line.split_whitespace().collect::<Vec<_>>().join(" ");
        joined.as_str()
    } else {
        line
    };
    if line.chars().count() > 72 {
        let cut: String = line.chars().take(71).collect();
        format!("{cut}…")
    } else {
        line.to_string()
    }
}

/// A match on a whole question ("How big is the opportunity?"), which no
/// answer writes by accident, rather than on a section name ("Metrics",
/// "Why now") that answers use as lead-ins too.
fn is_whole_question(m: &Match) -> bool {
    m.score >= 0.85 && m.name.split_whitespace().count() >= 3
}

/// Whether a block is only a decision word (`**GO**`, `No-go.`): it is the
/// decision, with nothing to keep as rationale.
fn only_decision_word(text: &str) -> bool {
    // A decision word with its markup is short; a long text is not copied.
    if text.len() > 256 {
        return false;
    }
    let bare = strip_markup(text).to_lowercase();
    let bare = bare.trim_matches(|c: char| c.is_whitespace() || "*_.!:,;".contains(c));
    let bare = bare
        .strip_prefix("decision")
        .map(|r| r.trim_start_matches([':', ' ']))
        .unwrap_or(bare);
    matches!(
        bare,
        "go" | "no-go" | "no go" | "nogo" | "undecided" | "no decision"
    )
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

/// The opportunity's name in a heading or label that says it is one:
/// "Opportunity Assessment: Offline mode", "MRD — Offline mode",
/// "Offline mode — opportunity assessment (draft 2)". `None` when nothing is
/// left.
pub fn clean_title(text: &str) -> Option<String> {
    const SEPARATORS: &[char] = &[':', '-', '–', '—', '|', ' ', '(', ')', '[', ']', '·'];
    const GENERIC: &[&str] = &[
        "product opportunity assessment",
        "opportunity assessment",
        "market requirements document",
        "opportunity",
        "[mrd]",
        "mrd",
    ];
    let title = strip_markup(text);
    let title = title.trim();
    let lowered = title.to_lowercase();
    // Lowercasing can change lengths outside ASCII; cut only where the two
    // agree.
    let same = lowered.len() == title.len();
    for generic in GENERIC.iter().filter(|_| same) {
        // At the start, as a label: "Opportunity Assessment: X", "MRD — X".
        if let Some(rest) = lowered.strip_prefix(generic)
            && [":", " -", " –", " —", " |", "-", "–", "—", "|"]
                .iter()
                .any(|sep| rest.starts_with(sep))
        {
            let cut = title.len() - rest.len();
            return clean_title(title[cut..].trim_start_matches(SEPARATORS));
        }
        // After the name, set off by a separator: "X — opportunity assessment (draft 2)".
        if let Some(at) = lowered.find(generic)
            && at > 0
            && lowered[..at]
                .trim_end()
                .ends_with(['-', '–', '—', '|', ':', '('])
        {
            let name = title[..at].trim_end_matches(SEPARATORS);
            if !name.is_empty() {
                return Some(name.to_string());
            }
        }
    }
    let normalized = matching::normalize(title);
    let generic =
        normalized == "assessment" || GENERIC.iter().any(|g| normalized == matching::normalize(g));
    (!title.is_empty() && !generic).then(|| title.to_string())
}

struct Builder<'a> {
    text: &'a str,
    questions: &'a QuestionSet,
    matcher: &'a Matcher,
    lines: LineIndex<'a>,
    /// A GitHub issue form's output (see [`is_issue_form`]).
    form: bool,
    section: Section,
    /// Headings at or above this level end the current section.
    level: u8,
    /// How the last question line was written, and its number.
    marker: Option<(Shape, Option<usize>)>,
    /// Whether questions were marked by headings: then a bold lead-in inside
    /// an answer is emphasis, not a question.
    heading_markers: bool,
    answers: Vec<Joined>,
    placements: Vec<Option<Placement>>,
    /// Whether the recommendation's first text was read for a decision.
    decision_read: bool,
    /// The first text said none: bold text and labels below may still.
    decision_pending: bool,
    decision: Option<Decision>,
    decision_from: Option<Evidence>,
    /// A rule or commentary ended the recommendation; its named parts
    /// (rationale, conditions) may still follow.
    recommendation_closed: bool,
    rationale: Joined,
    conditions: Vec<String>,
    confidence: Vec<(String, Confidence)>,
    notes: Joined,
    /// Text the pieces above made anew (the rest is the document's).
    own: Own,
    /// Where the last piece of the notes is in them.
    last_note: Piece,
    title: Option<String>,
    report: Findings,
    questions_named: usize,
    /// Whether the text opened with `mrd render`'s summary: then everything
    /// before the first question (verdict, open risks, a checklist of open
    /// questions) is generated from the answers too.
    generated_preamble: bool,
    placed_chars: usize,
    unplaced_chars: usize,
    /// Set by a template's `/label` and `/milestone` quick actions.
    labels: Vec<String>,
    milestone: Option<String>,
    /// A heading the document opens with that names no question: its title
    /// when nothing better is found (and where it is in the notes).
    opening_heading: Option<(String, Piece)>,
    /// Whether any block was read yet.
    started: bool,
}

/// What a line opens, and where its own answer starts.
struct Opened {
    target: Target,
    matched: Option<Match>,
    shape: Shape,
    number: Option<usize>,
    /// Byte offset in the line where the answer on the same line starts.
    rest_at: usize,
}

impl Builder<'_> {
    /// Reads `/label` and `/milestone` into the front-matter; other quick
    /// actions (`/assign`, `/due`) are skipped.
    fn quick_actions(&mut self, source: &str, start: usize) {
        let mut offset = start;
        for line in source.split_inclusive('\n') {
            let at = self.line_of(offset);
            offset += line.len();
            let (name, args) = quick_action(line).unwrap_or_default();
            let read = match name.to_ascii_lowercase().as_str() {
                "label" | "labels" => {
                    let labels = quick_action_values(args, '~');
                    let read = !labels.is_empty();
                    for label in labels {
                        if !self.labels.contains(&label) {
                            self.labels.push(label);
                        }
                    }
                    read
                }
                "milestone" => match quick_action_values(args, '%').into_iter().next() {
                    Some(milestone) => {
                        self.milestone = Some(milestone);
                        true
                    }
                    None => false,
                },
                _ => false,
            };
            let kind = if read {
                FindingKind::Metadata
            } else {
                FindingKind::Skipped
            };
            self.note(at, kind, line.trim());
        }
    }

    fn line_of(&self, offset: usize) -> u32 {
        self.lines.line(offset)
    }

    /// Keeps text in the notes.
    fn push_note(&mut self, text: &str) {
        self.last_note = self.notes.push(self.text, &mut self.own, text);
    }

    fn note(&mut self, line: u32, kind: FindingKind, text: &str) {
        self.report.push(Finding {
            line,
            kind,
            excerpt: excerpt(first_line(text).0),
        });
    }

    fn recommendation_index(&self) -> Option<usize> {
        self.questions
            .all()
            .iter()
            .position(|q| q.is_recommendation())
    }

    fn in_recommendation(&self) -> bool {
        match self.section {
            Section::Question(i) => self.questions.all()[i].is_recommendation(),
            Section::Rationale | Section::Conditions => true,
            Section::Unplaced => self.recommendation_closed,
            _ => false,
        }
    }

    fn current_question(&self) -> Option<usize> {
        match self.section {
            Section::Question(i) => Some(i),
            Section::Rationale | Section::Conditions => self.recommendation_index(),
            _ => None,
        }
    }

    fn answered(&self, i: usize) -> bool {
        if self.questions.all()[i].is_recommendation() {
            self.decision_read || !self.rationale.is_empty()
        } else {
            !self.answers[i].is_empty()
        }
    }

    /// The special part (rationale, conditions, notes) a line names, if it
    /// may open one here.
    fn special(&self, label: &str, style: Style) -> Option<Target> {
        match match_special(label)? {
            target @ (Target::Rationale | Target::Conditions) if self.in_recommendation() => {
                Some(target)
            }
            Target::Notes
                if self.section != Section::Notes
                    && (style == Style::Heading
                        || self.in_recommendation()
                        || matches!(self.section, Section::Preamble | Section::Unplaced)) =>
            {
                Some(Target::Notes)
            }
            _ => None,
        }
    }

    /// The question or part a paragraph's or list item's first line opens.
    fn line_marker(&self, line: &str, in_list: bool) -> Option<Opened> {
        for lead in lead::leads(line, in_list) {
            if let Some(opened) = self.lead_marker(line, &lead) {
                return Some(opened);
            }
        }
        None
    }

    fn lead_marker(&self, line: &str, lead: &Lead) -> Option<Opened> {
        let number = matching::split_number(&strip_markup(lead.label)).0;
        let opened = |target, matched| Opened {
            target,
            matched,
            shape: lead.shape,
            number,
            rest_at: lead.rest_at,
        };
        let whole = lead.rest_at >= line.trim_end().len();
        if (whole || lead.style != Style::Plain)
            && let Some(target) = self.special(lead.label, lead.style)
        {
            return Some(opened(target, None));
        }
        // A short plain line of its own ("Problem:", "Why now") is a label.
        let short = lead.label.split_whitespace().count() <= 4
            && !lead.label.trim_end().ends_with(['.', '?', '!']);
        let style = if whole && lead.style == Style::Plain && (lead.label.ends_with(':') || short) {
            Style::Label
        } else {
            lead.style
        };
        let found = self.matcher.question(lead.label, style)?;
        let wording = is_whole_question(&found);
        // A label with its answer on the same line (`**Metrics:** 8%`), or a
        // short line of its own, is how answers are written too. It opens a
        // question only when the document marks questions that way (not by
        // headings), and only a question not answered yet; a whole question
        // wording always opens.
        let weak = lead.shape.lead_in || style == Style::Label;
        if weak && !wording {
            let current = self.current_question() == Some(found.index);
            if self.heading_markers || current || self.answered(found.index) {
                return None;
            }
        }
        // In a document marked by headings, a bold line inside an answer is
        // a sub-heading unless it is a whole question.
        if lead.style == Style::Bold
            && self.heading_markers
            && matches!(self.section, Section::Question(_))
            && !wording
        {
            return None;
        }
        Some(opened(Target::Question(found.index), Some(found)))
    }

    fn open(&mut self, opened: &Opened, level: u8, offset: usize, line_text: &str) {
        let line = self.line_of(offset);
        if let Some((shape, number)) = opened
            .target_is_question()
            .then_some((opened.shape, opened.number))
        {
            self.marker = Some((shape, number.or(self.marker.and_then(|m| m.1))));
            if shape.heading.is_some() {
                self.heading_markers = true;
            }
        }
        self.level = level;
        match opened.target {
            Target::Question(i) => {
                self.questions_named += 1;
                let q = &self.questions.all()[i];
                let matched = opened.matched.clone().expect("questions come with a match");
                if self.answered(i) {
                    let first = self.placements[i].as_ref().map(|p| p.matched.name.clone());
                    if first.as_deref() != Some(matched.name.as_str())
                        && self.current_question() != Some(i)
                    {
                        // "Risks" after "Success factors": the same question
                        // under another name. Its text joins the answer,
                        // under its own heading.
                        let (number, short) = (q.number, q.short_name.clone());
                        self.section = if q.is_recommendation() {
                            Section::Rationale
                        } else {
                            Section::Question(i)
                        };
                        self.note(line, FindingKind::Continued(number, short), line_text);
                        let heading =
                            strip_markup(&line_text[..opened.rest_at.min(line_text.len())]);
                        let heading = heading.trim().trim_end_matches(':');
                        if !heading.is_empty() {
                            let as_heading = format!("**{heading}**");
                            self.push_placed(&as_heading);
                        }
                        return;
                    }
                    // Never merge two sections silently: the second is kept
                    // as it was written, in the notes.
                    self.section = Section::Unplaced;
                    self.push_note(line_text.trim());
                    self.note(line, FindingKind::Repeated(q.number), line_text);
                    return;
                }
                self.section = Section::Question(i);
                if q.is_recommendation() {
                    self.recommendation_closed = false;
                }
                self.placements[i] = Some(Placement {
                    key: q.key.clone(),
                    number: q.number,
                    line,
                    matched: matched.clone(),
                    excerpt: excerpt(line_text),
                    answered: false,
                });
                self.note(
                    line,
                    FindingKind::Question(q.number, q.short_name.clone(), matched),
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
                // "## Links", "**Comments**": the heading says what follows,
                // so it stays; a plain "Notes" heading is the notes themselves.
                let words = matching::normalize(&strip_markup(line_text));
                if !matches!(
                    words.as_str(),
                    "notes" | "note" | "additional notes" | "other notes"
                ) {
                    self.push_note(line_text.trim());
                }
            }
        }
    }

    /// Ends the current answer: what follows goes to the notes.
    fn close(&mut self, line: u32, kind: FindingKind, text: &str) {
        if self.in_recommendation() {
            self.recommendation_closed = true;
        }
        self.section = Section::Unplaced;
        self.note(line, kind, text);
    }

    fn block(&mut self, block: &Block) {
        let source = &self.text[block.range.clone()];
        let start = block.range.start;
        let first = !self.started && !matches!(block.kind, Kind::Comment);
        self.started |= first;
        if first && matches!(block.kind, Kind::Heading(_)) {
            let notes = self.notes.pieces();
            self.heading_block(block, source, start);
            // A heading the document opens with that named nothing.
            if self.section == Section::Preamble
                && self.notes.pieces() == notes + 1
                && self.title.is_none()
            {
                let text = strip_markup(first_line(source).0);
                let section_word = matches!(
                    matching::normalize(&text).as_str(),
                    "background"
                        | "summary"
                        | "overview"
                        | "context"
                        | "introduction"
                        | "tl dr"
                        | "tldr"
                );
                if !section_word && let Some(title) = clean_title(&text) {
                    self.opening_heading = Some((title, self.last_note.clone()));
                }
            }
            return;
        }
        match &block.kind {
            Kind::Comment => {}
            Kind::Rule => {
                // Wiki pages end with a rule and then commentary: after the
                // recommendation, a rule ends it.
                if matches!(self.section, Section::Question(i) if self.questions.all()[i].is_recommendation())
                    && self.decision_read
                    || matches!(self.section, Section::Rationale | Section::Conditions)
                {
                    self.recommendation_closed = true;
                    self.section = Section::Unplaced;
                }
            }
            Kind::Heading(_) => self.heading_block(block, source, start),
            // Generated text only has headings worth a look: its lists name
            // questions ("market size missing") without being them.
            Kind::Paragraph | Kind::List(_) | Kind::Table(_)
                if self.section == Section::Preamble && self.generated_preamble =>
            {
                self.content(source, start);
            }
            Kind::Paragraph => self.paragraph(source, start),
            Kind::List(items) => self.list(items),
            Kind::Table(rows) => self.table(rows, source, start),
            // `<details><summary>…</summary>` folds (GitHub flavour's notes)
            // are presentation: their content is read, the tags are not.
            Kind::Other if is_fold_markup(source) => {}
            Kind::Other => self.content(source, start),
        }
    }

    fn heading_block(&mut self, block: &Block, source: &str, start: usize) {
        if let Kind::Heading(level) = block.kind {
            self.heading(level, source, start);
        }
    }

    /// A paragraph, split first where a later line opens a question with
    /// its answer beside it: people paste answers as consecutive lines
    /// (`Problem: …` then `Who: …`) with no blank line between.
    fn paragraph(&mut self, source: &str, start: usize) {
        if is_quick_actions(source)
            || (self.section == Section::Preamble && is_render_summary(source))
        {
            return self.paragraph_whole(source, start);
        }
        let (mut rest, mut at) = (source, start);
        while let Some(split) = self.label_line_after_head(rest) {
            self.paragraph_whole(rest[..split].trim_end_matches('\n'), at);
            at += split;
            rest = &rest[split..];
        }
        self.paragraph_whole(rest, at)
    }

    /// Where the first line after `source`'s first opens a question with its
    /// answer on the same line (`Who: SMB admins`, `**Who** — SMB admins`).
    /// Only lines shaped like a label are asked, so prose costs a byte
    /// search per line.
    fn label_line_after_head(&self, source: &str) -> Option<usize> {
        let mut offset = 0;
        for (n, line) in source.split_inclusive('\n').enumerate() {
            if n > 0 {
                let line = line.trim_end();
                let labelled = looks_labelled(line);
                if labelled && self.line_marker(line, false).is_some() {
                    return Some(offset);
                }
            }
            offset += line.len();
        }
        None
    }

    fn paragraph_whole(&mut self, source: &str, start: usize) {
        let (head, rest) = first_line(source);
        if self.section == Section::Preamble && is_render_summary(source) {
            return self.content(source, start);
        }
        if is_quick_actions(source) {
            // Left over from a template: GitLab runs and removes these when
            // an issue is created, so they are not content; but the labels
            // and milestone they set are the assessment's own.
            self.quick_actions(source, start);
            return;
        }
        if self.in_recommendation()
            && !matches!(self.section, Section::Unplaced)
            && self.decision_read
            && is_commentary(source)
        {
            self.close(self.line_of(start), FindingKind::Unmatched, head);
            self.content(source, start);
            return;
        }
        if self.section == Section::Preamble
            && self.title.is_none()
            && (self.title_label(head, start) || self.title_line(head, start))
        {
            if !rest.trim().is_empty() {
                self.content(rest, start + head.len() + 1);
            }
            return;
        }
        match self.line_marker(head, false) {
            Some(opened) => self.open_with_answer(&opened, head, rest, start, 2),
            None if self.unknown_question(head, false) => {
                self.close(self.line_of(start), FindingKind::UnknownQuestion, head);
                self.content(source, start);
            }
            None => self.content(source, start),
        }
    }

    /// Opens what `head` names, then reads the answer after the label on the
    /// same line and the lines below it.
    fn open_with_answer(
        &mut self,
        opened: &Opened,
        head: &str,
        rest: &str,
        start: usize,
        level: u8,
    ) {
        self.open(opened, level, start, head);
        let same_line = head[opened.rest_at.min(head.len())..].trim();
        let answer = if same_line.is_empty() {
            rest.to_string()
        } else if rest.trim().is_empty() {
            same_line.to_string()
        } else {
            format!("{same_line}\n{rest}")
        };
        if !answer.trim().is_empty() {
            let offset = if same_line.is_empty() {
                start + head.len() + 1
            } else {
                start
            };
            self.content(&answer, offset);
        }
    }

    /// A numbered or bold question written like the questions around it but
    /// naming none of them: a question the set does not have.
    fn unknown_question(&self, head: &str, in_list: bool) -> bool {
        let Some((shape, last_number)) = self.marker else {
            return false;
        };
        if !matches!(
            self.section,
            Section::Question(_) | Section::Rationale | Section::Conditions
        ) {
            return false;
        }
        let leads = lead::leads(head, in_list);
        let Some(lead) = leads.first() else {
            return false;
        };
        if !lead::is_question_like(lead.label)
            || lead.shape.bold != shape.bold
            || lead.shape.numbered != shape.numbered
            || lead.shape.list != shape.list
        {
            return false;
        }
        let number = matching::split_number(&strip_markup(lead.label)).0;
        match (number, last_number) {
            (Some(n), Some(last)) => n > last,
            (None, _) => !shape.numbered,
            (Some(_), None) => false,
        }
    }

    /// "Offline mode — opportunity assessment (draft 2)" as the first line
    /// of a document without a heading names the title.
    fn title_line(&mut self, head: &str, start: usize) -> bool {
        let lowered = head.to_lowercase();
        if self.questions_named > 0
            || head.split_whitespace().count() > 14
            || !["opportunity assessment", "mrd"]
                .iter()
                .any(|g| lowered.contains(g))
        {
            return false;
        }
        match clean_title(head).filter(|t| t.len() < head.trim().len()) {
            Some(title) => {
                self.note(self.line_of(start), FindingKind::Title, head);
                self.title = Some(title);
                true
            }
            None => false,
        }
    }

    /// "**Opportunity:** Offline mode" above the questions names the title.
    fn title_label(&mut self, head: &str, start: usize) -> bool {
        let Some(lead) = lead::leads(head, false)
            .into_iter()
            .find(|l| l.style != Style::Plain)
        else {
            return false;
        };
        let label = matching::normalize(&strip_markup(lead.label));
        if !matches!(
            label.as_str(),
            "opportunity" | "opportunity name" | "title" | "initiative" | "idea" | "proposal"
        ) {
            return false;
        }
        match clean_title(lead.rest(head)) {
            Some(title) => {
                self.note(self.line_of(start), FindingKind::Title, head);
                self.title = Some(title);
                true
            }
            None => false,
        }
    }

    fn heading(&mut self, level: u8, source: &str, start: usize) {
        let (head, _) = first_line(source);
        let line = self.line_of(start);
        if self.form {
            return self.form_heading(level, source, start);
        }
        let shape = Shape {
            heading: Some(level),
            ..Shape::default()
        };
        let text = strip_markup(head);
        // "## Opportunity: Offline mode" names the title at any level.
        if self.section == Section::Preamble
            && self.title.is_none()
            && let Some((label, rest)) = lead::split_heading(text.trim())
            && matches!(
                matching::normalize(label).as_str(),
                "opportunity" | "opportunity assessment" | "mrd" | "product opportunity assessment"
            )
            && let Some(title) = clean_title(rest)
        {
            self.note(line, FindingKind::Title, head);
            self.title = Some(title);
            return;
        }
        let preamble_title =
            level == 1 && self.title.is_none() && self.section == Section::Preamble;
        // "Recommendation: Proceed to discovery" names the question and answers it.
        let split = lead::split_heading(text.trim());
        let in_answer = matches!(
            self.section,
            Section::Question(_) | Section::Rationale | Section::Conditions
        );
        let matched = self
            .special(head, Style::Heading)
            // "### Sources" under an answer is part of it.
            .filter(|t| *t != Target::Notes || !in_answer || level <= self.level)
            .map(|t| (t, None, head.len()))
            .or_else(|| {
                let label_match = split.and_then(|(label, _)| {
                    self.matcher
                        .question(label, Style::Heading)
                        .filter(|m| m.score >= 0.999)
                });
                match label_match {
                    Some(m) => {
                        let rest = split.map_or("", |(_, r)| r);
                        let rest_at = head.rfind(rest).unwrap_or(head.len());
                        Some((Target::Question(m.index), Some(m), rest_at))
                    }
                    None => self
                        .matcher
                        .question(head, Style::Heading)
                        .map(|m| (Target::Question(m.index), Some(m), head.len())),
                }
            })
            .filter(|(target, m, _)| {
                let Some(m) = m else { return true };
                let Target::Question(i) = target else {
                    return true;
                };
                let exact = m.score >= 0.999
                    || (matches!(m.via, Via::Question | Via::Wording)
                        && (m.score >= 0.85 || lead::is_question_like(head)));
                // A level-1 heading first in the document is its title unless
                // it is exactly a question.
                if preamble_title && !exact {
                    return false;
                }
                // A heading deeper than the question's own is a sub-heading of
                // the answer unless it names, exactly, a question not seen yet.
                let deeper = matches!(
                    self.section,
                    Section::Question(_)
                        | Section::Rationale
                        | Section::Conditions
                        | Section::Notes
                ) && level > self.level;
                !deeper || (exact && !self.answered(*i) && self.current_question() != Some(*i))
            });
        if let Some((target, m, rest_at)) = matched {
            // The recommendation named again inside itself ("### Decision"
            // under "## Recommendation") is its structure, not a new section.
            if let Target::Question(i) = target
                && self.current_question() == Some(i)
                && self.questions.all()[i].is_recommendation()
            {
                let rest = head[rest_at.min(head.len())..].trim();
                if !rest.is_empty() {
                    self.content(rest, start);
                }
                return;
            }
            let opened = Opened {
                target,
                matched: m,
                shape,
                number: matching::split_number(&text).0,
                rest_at,
            };
            let rest_of_line = head[rest_at.min(head.len())..].trim();
            self.open(&opened, level, start, head);
            if !rest_of_line.is_empty() {
                self.content(rest_of_line, start);
            }
            return;
        }
        if self.section == Section::Preamble
            && self.title.is_none()
            && level == 1
            && let Some(title) = clean_title(head)
        {
            self.note(line, FindingKind::Title, head);
            self.title = Some(title);
            return;
        }
        // In the recommendation, a heading that states the decision
        // ("### ✅ Pursue") is read as one when none was found yet.
        if self.in_recommendation()
            && self.section != Section::Unplaced
            && (!self.decision_read || self.decision_pending)
            && self.try_decision(head, start)
        {
            if !only_decision_word(head) {
                self.rationale.push(self.text, &mut self.own, source.trim());
            }
            return;
        }
        // After the recommendation, any heading that names nothing starts
        // something else (an appendix, comments): it is not pulled into it.
        // (`mrd render`'s own output is the exception: its rationale may have
        // headings, and its notes come under "## Notes".)
        let ends_section = in_answer
            && (level <= self.level || (self.in_recommendation() && !self.generated_preamble));
        if ends_section {
            self.close(line, FindingKind::Unmatched, head);
            self.push_note(source.trim());
        } else if self.section == Section::Preamble {
            // A heading above the questions ("## Opportunity Assessment") is
            // kept with the text around it.
            self.note(line, FindingKind::Unmatched, head);
            self.push_note(source.trim());
        } else {
            self.content(source, start);
        }
    }

    /// In an issue form, only the form's own labels open sections.
    fn form_heading(&mut self, level: u8, source: &str, start: usize) {
        let (head, _) = first_line(source);
        let shape = Shape {
            heading: Some(level),
            ..Shape::default()
        };
        let target = if level == 3 {
            match_special(head)
                .filter(|t| matches!(t, Target::Rationale | Target::Conditions | Target::Notes))
                .map(|t| (t, None))
                .or_else(|| {
                    self.matcher
                        .question(head, Style::Heading)
                        .filter(|m| matches!(m.via, Via::Question | Via::Wording | Via::Alias))
                        .map(|m| (Target::Question(m.index), Some(m)))
                })
        } else {
            None
        };
        match target {
            Some((target, matched)) => {
                let opened = Opened {
                    target,
                    matched,
                    shape,
                    number: matching::split_number(&strip_markup(head)).0,
                    rest_at: head.len(),
                };
                self.open(&opened, level, start, head);
            }
            None => self.content(source, start),
        }
    }

    fn list(&mut self, items: &[std::ops::Range<usize>]) {
        // Label lead-ins (`- **Problem:** …`) open questions only when the
        // list is made of them: two or more items naming different questions.
        let markers: Vec<Option<Opened>> = items
            .iter()
            .map(|item| {
                let head = first_line(&self.text[item.clone()]).0;
                // A task list ("- [ ] 3. How big is the opportunity?") is a
                // checklist about the questions, not the questions themselves.
                if is_task_item(head) {
                    return None;
                }
                self.line_marker(head, true)
            })
            .collect();
        let labelled: Vec<usize> = markers
            .iter()
            .flatten()
            .filter(|o| o.shape.lead_in)
            .filter_map(|o| match o.target {
                Target::Question(i) => Some(i),
                _ => None,
            })
            .collect();
        let mut distinct = labelled.clone();
        distinct.sort_unstable();
        distinct.dedup();
        let lead_ins_count = distinct.len() >= 2;
        // Runs of items that name no question stay one list, as written.
        let mut run: Option<std::ops::Range<usize>> = None;
        for (item, opened) in items.iter().zip(markers) {
            let opened = opened.filter(|o| {
                !o.shape.lead_in
                    || lead_ins_count
                    || !matches!(o.target, Target::Question(_))
                    || o.matched.as_ref().is_some_and(is_whole_question)
            });
            let source = &self.text[item.clone()];
            let (head, rest) = first_line(source);
            match opened {
                Some(opened) => {
                    if let Some(r) = run.take() {
                        self.content(&self.text[r.clone()], r.start);
                    }
                    let body = dedent(rest);
                    self.open_with_answer(&opened, head, &body, item.start, 2);
                }
                None if self.unknown_question(head, true) => {
                    if let Some(r) = run.take() {
                        self.content(&self.text[r.clone()], r.start);
                    }
                    self.close(self.line_of(item.start), FindingKind::UnknownQuestion, head);
                    self.content(source, item.start);
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

    /// A table whose rows name questions (`| Problem | Teams lose… |`) gives
    /// each row's other cells to that question; any other table is content.
    fn table(&mut self, rows: &[Vec<std::ops::Range<usize>>], source: &str, start: usize) {
        let cell = |r: &std::ops::Range<usize>| self.text[r.clone()].trim();
        // The cell that names: the first, or the second after a number column.
        let naming = |row: &[std::ops::Range<usize>]| -> Option<usize> {
            let first = row.first().map(cell)?;
            if first
                .trim_end_matches(['.', ')'])
                .chars()
                .all(|c| c.is_ascii_digit())
                && row.len() > 2
            {
                Some(1)
            } else {
                Some(0)
            }
        };
        let matches: Vec<Option<(Target, Option<Match>)>> = rows
            .iter()
            .map(|row| {
                let at = naming(row)?;
                let label = cell(row.get(at)?);
                if let Some(t) = match_special(label)
                    .filter(|_| self.in_recommendation() || self.section == Section::Preamble)
                {
                    return Some((t, None));
                }
                self.matcher
                    .question(label, Style::Heading)
                    .map(|m| (Target::Question(m.index), Some(m)))
            })
            .collect();
        let distinct = {
            let mut found: Vec<usize> = matches
                .iter()
                .flatten()
                .filter_map(|(t, _)| match t {
                    Target::Question(i) => Some(*i),
                    _ => None,
                })
                .collect();
            found.sort_unstable();
            found.dedup();
            found.len()
        };
        // One row naming the recommendation ("| Decision | Go |") is enough.
        let decides = matches.iter().flatten().any(|(t, _)| {
            matches!(t, Target::Question(i) if self.questions.all()[*i].is_recommendation())
        });
        if distinct < 2 && !decides {
            return self.content(source, start);
        }
        for (row, matched) in rows.iter().zip(matches) {
            let Some(first) = row.first() else { continue };
            let row_start = first.start;
            let line_start = self.text[..row_start].rfind('\n').map_or(0, |i| i + 1);
            let row_text = self.text[line_start..row.last().map_or(row_start, |c| c.end)].trim();
            let at = naming(row).unwrap_or(0);
            match matched {
                Some((target, m)) => {
                    let answer: Vec<&str> = row
                        .iter()
                        .enumerate()
                        .filter(|(i, _)| *i > at)
                        .map(|(_, c)| cell(c))
                        .filter(|c| !c.is_empty())
                        .collect();
                    let opened = Opened {
                        target,
                        matched: m,
                        shape: Shape::default(),
                        number: None,
                        rest_at: row_text.len(),
                    };
                    self.open(&opened, self.level, row_start, row_text);
                    let answer = answer
                        .join("\n\n")
                        .replace("<br>", "\n")
                        .replace("<br/>", "\n");
                    if !answer.trim().is_empty() {
                        self.content(&answer, row_start);
                    }
                }
                None if std::ptr::eq(row, &rows[0]) => {
                    // The header row ("Question | Answer") is structure.
                    self.note(self.line_of(row_start), FindingKind::Skipped, row_text);
                }
                None => {
                    let line = self.line_of(row_start);
                    let cells: Vec<&str> = row.iter().map(cell).collect();
                    self.note(line, FindingKind::Unmatched, row_text);
                    let text = format!("| {} |", cells.join(" | "));
                    self.unplaced_chars += text.len();
                    self.push_note(&text);
                }
            }
        }
        // Each answer was in its cell: what follows the table is not the
        // last row's answer.
        if matches!(
            self.section,
            Section::Question(_) | Section::Rationale | Section::Conditions
        ) {
            if self.in_recommendation() {
                self.recommendation_closed = true;
            }
            self.section = Section::Unplaced;
        }
    }

    /// Reads a decision from `text`; true when one was found.
    fn try_decision(&mut self, text: &str, offset: usize) -> bool {
        let sentence = first_sentence(text);
        let Some(found) = stated(sentence) else {
            return false;
        };
        let decision = match found {
            Stated::Decision(d) => Some(d),
            Stated::None => None,
        };
        let at = text.find(sentence).map_or(offset, |i| offset + i);
        let line = self.line_of(at);
        self.decision = decision;
        self.decision_from = Some(Evidence {
            line,
            text: excerpt(sentence),
        });
        self.decision_pending = false;
        self.report.push(Finding {
            line,
            kind: FindingKind::Decision(decision),
            excerpt: excerpt(sentence),
        });
        true
    }

    /// Bold phrases and `Decision:` lines further down the recommendation,
    /// when its first sentence stated no decision.
    fn later_decision(&mut self, text: &str, offset: usize) {
        let mut line_offset = offset;
        for line in text.lines() {
            // Each line's offset is counted as the lines go by: summing the
            // lengths before each one made a long recommendation quadratic.
            let this_line = line_offset;
            line_offset += line.len() + 1;
            let line_offset = this_line;
            let plain = strip_markup(line);
            let lowered = plain.trim().to_lowercase();
            let labelled = ["decision", "verdict", "recommendation", "outcome"]
                .iter()
                .any(|l| {
                    lowered.starts_with(l)
                        && lowered[l.len()..].trim_start().starts_with([':', '-', '—'])
                });
            if labelled && self.try_decision(line, line_offset) {
                return;
            }
            let mut rest = line;
            while let Some(open) = rest.find("**") {
                let after = &rest[open + 2..];
                let Some(close) = after.find("**") else { break };
                let bold = &after[..close];
                let at = line_offset + (line.len() - rest.len()) + open + 2;
                if stated(bold).is_some() && self.try_decision(bold, at) {
                    return;
                }
                rest = &after[close + 2..];
            }
        }
    }

    fn push_placed(&mut self, text: &str) {
        match self.section {
            Section::Question(i) if !self.questions.all()[i].is_recommendation() => {
                self.placed_chars += text.len();
                self.answers[i].push(self.text, &mut self.own, text);
            }
            Section::Question(_) | Section::Rationale => {
                self.placed_chars += text.len();
                self.rationale.push(self.text, &mut self.own, text);
            }
            _ => self.push_note(text),
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
                self.unplaced_chars += text.len();
                self.push_note(&text);
            }
            Section::Unplaced => {
                self.unplaced_chars += text.len();
                self.push_note(&text);
            }
            Section::Notes => self.push_note(&text),
            Section::Question(i) if self.questions.all()[i].is_recommendation() => {
                // "A: Go — …": the decision is read after the form's label.
                let (text, offset) = match answer_label(&text) {
                    Some(label) if !self.decision_read && self.rationale.is_empty() => {
                        (&text[label..], offset + label)
                    }
                    _ => (&text[..], offset),
                };
                if is_placeholder(text) {
                    return;
                }
                if !self.decision_read {
                    self.decision_read = true;
                    if self.try_decision(text, offset) {
                        if only_decision_word(text) {
                            self.placed_chars += text.len();
                            return;
                        }
                    } else {
                        self.decision_pending = true;
                        self.later_decision(text, offset);
                    }
                } else if self.decision_pending {
                    self.later_decision(text, offset);
                }
                self.placed_chars += text.len();
                self.rationale.push(self.text, &mut self.own, text);
            }
            Section::Question(i) => {
                if let Some(level) = confidence_line(&text) {
                    let key = self.questions.all()[i].key.clone();
                    if !self.confidence.iter().any(|(k, _)| *k == key) {
                        self.confidence.push((key, level));
                        return;
                    }
                }
                // "Answer: …" under each question: the label is the form's,
                // the rest is the answer.
                let text = match answer_label(&text) {
                    Some(label) if self.answers[i].is_empty() => &text[label..],
                    _ => &text[..],
                };
                if !is_placeholder(text) {
                    self.placed_chars += text.len();
                    self.answers[i].push(self.text, &mut self.own, text);
                }
            }
            Section::Rationale => {
                if !is_placeholder(&text) {
                    if self.decision_pending {
                        self.later_decision(&text, offset);
                    }
                    self.placed_chars += text.len();
                    self.rationale.push(self.text, &mut self.own, &text);
                }
            }
            Section::Conditions => {
                let items = condition_items(&text);
                self.placed_chars += items.iter().map(String::len).sum::<usize>();
                self.conditions.extend(items);
            }
        }
    }

    /// Puts each text together, copied from the document once.
    fn finish(mut self) -> Imported {
        if self.title.is_none()
            && let Some((title, at)) = self.opening_heading.take()
        {
            // Used as the title, it is not also a note.
            self.notes.remove(&at);
            self.title = Some(title);
        }
        // Each text gets room for the newline it ends with in the file, and
        // the notes for the comment a mostly unplaced document opens with.
        let notes_spare = if self.unplaced_chars > self.placed_chars {
            mostly_unplaced_note().len() + 3
        } else {
            1
        };
        let (document, own) = (self.text, &self.own);
        let text = |parts: Joined, spare: usize| parts.into_string(document, own, spare);
        let answers: Vec<(String, String)> = self
            .questions
            .all()
            .iter()
            .zip(self.answers)
            .filter(|(q, parts)| !q.is_recommendation() && !parts.is_empty())
            .map(|(q, parts)| (q.key.clone(), text(parts, 1)))
            .collect();
        let mut notes = text(self.notes, notes_spare);
        if !notes.is_empty() {
            notes.push('\n');
        }
        let rationale = (!self.rationale.is_empty()).then(|| text(self.rationale, 1));
        let recommended = self.decision.is_some() || rationale.is_some();
        let placements = self
            .placements
            .into_iter()
            .flatten()
            .map(|mut p| {
                p.answered = answers.iter().any(|(k, _)| *k == p.key)
                    || (p.key == RECOMMENDATION_KEY && recommended);
                p
            })
            .collect();
        Imported {
            title: self.title,
            answers,
            decision: self.decision,
            decision_from: self.decision_from,
            rationale,
            conditions: self.conditions,
            confidence: self.confidence,
            notes,
            placements,
            report: self.report,
            questions_named: self.questions_named,
            placed_chars: self.placed_chars,
            unplaced_chars: self.unplaced_chars,
            labels: self.labels,
            milestone: self.milestone,
        }
    }
}

impl Opened {
    fn target_is_question(&self) -> bool {
        matches!(self.target, Target::Question(_))
    }
}

#[cfg(test)]
mod tests;
