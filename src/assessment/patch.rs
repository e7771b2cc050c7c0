//! Rewriting an assessment by editing only what changed.
//!
//! [`to_markdown`] regenerates the whole front-matter, which is right for a
//! new file but loses a hand-written file's comments and layout. `rewrite`
//! instead replaces the lines of each changed entry (and inserts new ones) in
//! the original text, and leaves every other line alone: comments, quoting,
//! key order, blank lines. It then reads its result back and compares it with
//! what regeneration would write; if they differ in any way (a layout it did
//! not foresee, a flow mapping), it falls back to regeneration, so the values
//! written are always exactly the ones asked for.

use super::frontmatter::split;
use super::{
    Assessment, Field, FrontMatter, RecommendationField, TOP_LEVEL_KEYS, parse, to_markdown,
};
use crate::source::Source;
use crate::yaml::{Node, Value};

/// The text of `desired`, written over `original` (the file's current text,
/// without its byte-order mark) with as few changed lines as possible.
pub fn rewrite(original: &str, desired: &Assessment) -> String {
    let regenerated = to_markdown(desired);
    match patched(original, desired) {
        Some(text) if same_content(&text, &regenerated) => text,
        _ => regenerated,
    }
}

/// Whether two texts read as the same assessment (what regeneration of each
/// would write is identical).
fn same_content(patched: &str, regenerated: &str) -> bool {
    let read = |text: &str| {
        let parsed = parse(&Source::from_text("<rewrite>", text));
        parsed.assessment.filter(|_| parsed.problems.is_empty())
    };
    match (read(patched), read(regenerated)) {
        (Some(a), Some(b)) => to_markdown(&a) == to_markdown(&b),
        _ => false,
    }
}

/// One line of the file, with its line ending.
struct Lines<'a> {
    lines: Vec<&'a str>,
    /// Index of the first front-matter line and of the closing fence.
    first: usize,
    fence: usize,
}

/// The column of the first character, for lines that hold YAML content;
/// `None` for blank and comment-only lines, which never end an entry.
fn indent_of(line: &str) -> Option<usize> {
    let trimmed = line.trim_start_matches(' ');
    let rest = trimmed.trim_end_matches(['\n', '\r']);
    if rest.trim().is_empty() || rest.trim_start().starts_with('#') {
        None
    } else {
        Some(line.len() - trimmed.len())
    }
}

impl<'a> Lines<'a> {
    fn new(text: &'a str) -> Option<Lines<'a>> {
        let parts = split(text).ok()?;
        let lines: Vec<&str> = text.split_inclusive('\n').collect();
        let yaml_lines = parts.yaml.split_inclusive('\n').count();
        Some(Lines {
            lines,
            first: 1,
            fence: 1 + yaml_lines,
        })
    }

    /// The lines `[start, end)` of the entry whose key is on line `key`:
    /// the key line and every following line indented deeper, without
    /// trailing blank or comment lines (those belong to what follows).
    fn entry(&self, key: usize) -> (usize, usize) {
        let indent = indent_of(self.lines[key]).unwrap_or(0);
        let mut end = key + 1;
        let mut last_content = key + 1;
        while end < self.fence {
            match indent_of(self.lines[end]) {
                Some(i) if i <= indent => break,
                Some(_) => last_content = end + 1,
                None => {}
            }
            end += 1;
        }
        // Blank lines inside a block scalar are content only when followed
        // by more content, so the entry ends at its last content line.
        (key, last_content)
    }

    /// The line of `key:` among the children of the mapping on line `parent`.
    fn child(&self, parent: usize, key: &str) -> Option<usize> {
        let (start, end) = self.entry(parent);
        let indent = self.child_indent(parent)?;
        (start + 1..end).find(|&i| {
            let line = self.lines[i];
            indent_of(line) == Some(indent) && is_key_line(&line[indent..], key)
        })
    }

    /// The indentation of the children of the mapping on line `parent`.
    fn child_indent(&self, parent: usize) -> Option<usize> {
        let (start, end) = self.entry(parent);
        (start + 1..end).find_map(|i| indent_of(self.lines[i]))
    }

    /// The top-level key's line.
    fn top(&self, key: &str) -> Option<usize> {
        (self.first..self.fence)
            .find(|&i| indent_of(self.lines[i]) == Some(0) && is_key_line(self.lines[i], key))
    }
}

/// Where a top-level entry sits in a file's text, for edits made to the
/// text directly (`lint::fix`): the byte range of its lines, from its key
/// line to its last content line (trailing blank and comment lines belong to
/// what follows, as for [`rewrite`]), and the indentation of its children.
pub struct TopEntry {
    pub lines: std::ops::Range<usize>,
    pub child_indent: Option<usize>,
}

/// The top-level entry `key` of `text`'s front-matter, if it has one.
pub fn top_entry(text: &str, key: &str) -> Option<TopEntry> {
    let lines = Lines::new(text)?;
    let line = lines.top(key)?;
    let (start, end) = lines.entry(line);
    Some(TopEntry {
        lines: lines.offset(start)..lines.offset(end),
        child_indent: lines.child_indent(line),
    })
}

/// The byte offset of the front-matter's closing fence line.
pub fn closing_fence(text: &str) -> Option<usize> {
    let lines = Lines::new(text)?;
    Some(lines.offset(lines.fence))
}

impl Lines<'_> {
    /// The byte offset of line `i` (the text's length past the last line).
    fn offset(&self, i: usize) -> usize {
        self.lines[..i.min(self.lines.len())]
            .iter()
            .map(|l| l.len())
            .sum()
    }
}

/// `text` (one rendered entry) with the comment that followed the value of
/// the one-line entry it replaces, lines `[start, end)`.
fn keep_comment(
    lines: &Lines<'_>,
    start: usize,
    end: usize,
    text: String,
    newline: &str,
) -> String {
    if end == start + 1
        && let Some(comment) = trailing_comment(lines.lines[start])
        && let Some(rendered) = text.strip_suffix(newline)
        && !rendered.contains('\n')
    {
        return format!("{rendered}{comment}{newline}");
    }
    text
}

/// The comment after a one-line `key: value` (with the spaces before it), if
/// any: a `#` after whitespace, outside quotes. The result is read back and
/// compared before it is used, so a line this misjudges is regenerated, never
/// written wrong.
fn trailing_comment(line: &str) -> Option<&str> {
    let line = line.trim_end_matches(['\n', '\r']);
    let mut quote: Option<char> = None;
    let mut previous = ' ';
    let mut chars = line.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        match (quote, c) {
            (Some('"'), '\\') => {
                chars.next();
            }
            (Some(q), c) if c == q => {
                // '' inside single quotes is an escaped quote.
                if q == '\'' && chars.peek().is_some_and(|(_, n)| *n == '\'') {
                    chars.next();
                } else {
                    quote = None;
                }
            }
            (None, '\'' | '"') if previous == ' ' || previous == ':' => quote = Some(c),
            (None, '#') if previous == ' ' || previous == '\t' => {
                let start = line[..i].trim_end_matches([' ', '\t']).len();
                return Some(&line[start..]);
            }
            _ => {}
        }
        previous = c;
    }
    None
}

fn is_key_line(text: &str, key: &str) -> bool {
    text.strip_prefix(key)
        .is_some_and(|rest| rest.trim_start_matches(' ').starts_with(':'))
}

/// A change to the file: replace lines `[start, end)` with `text`.
struct Edit {
    start: usize,
    end: usize,
    text: String,
}

impl Edit {
    fn new(start: usize, end: usize, text: String) -> Edit {
        Edit { start, end, text }
    }
}

fn string(value: &str) -> Node {
    Node::string(value)
}

/// `key: value` as YAML lines, indented by `indent` spaces.
fn render(key: &str, value: Node, indent: usize, newline: &str) -> String {
    let node = Node::new(Value::Map(vec![(string(key), value)]));
    let yaml = serde_saphyr::to_string(&node).unwrap_or_default();
    let pad = " ".repeat(indent);
    let mut out = String::new();
    for line in yaml.lines() {
        if !line.is_empty() {
            out.push_str(&pad);
            out.push_str(line);
        }
        out.push_str(newline);
    }
    out
}

/// The changes between what the file says and what is wanted, as entries of
/// `parent` (`None` for the top level): (key, value, was it there before).
type Change = (String, Node);

/// A top-level value to write: a YAML node, or a scalar that is always safe
/// unquoted (a date), written plain as people write it.
enum TopValue {
    Node(Node),
    Plain(String),
}

impl TopValue {
    fn render(self, key: &str, newline: &str) -> String {
        match self {
            TopValue::Node(node) => render(key, node, 0, newline),
            TopValue::Plain(text) => format!("{key}: {text}{newline}"),
        }
    }
}

/// Top-level entries to write (`Some`) or remove (`None`).
type TopChange = (String, Option<TopValue>);

fn top_level_changes(old: &FrontMatter, new: &FrontMatter) -> Option<Vec<TopChange>> {
    let mut changes = Vec::new();
    if old.title != new.title {
        changes.push((
            Field::Title.key().to_string(),
            Some(TopValue::Node(string(&new.title.as_ref()?.value))),
        ));
    }
    if old.status.as_ref().map(|s| s.value) != new.status.as_ref().map(|s| s.value) {
        changes.push((
            Field::Status.key().to_string(),
            Some(TopValue::Node(string(new.status.as_ref()?.value.as_str()))),
        ));
    }
    let value = |field: &Option<super::Located<String>>| field.as_ref().map(|f| f.value.clone());
    if value(&old.milestone) != value(&new.milestone) {
        changes.push((
            Field::Milestone.key().to_string(),
            value(&new.milestone).map(|m| TopValue::Node(string(&m))),
        ));
    }
    let day = |field: &Option<super::Located<crate::date::Date>>| field.as_ref().map(|f| f.value);
    if day(&old.decided) != day(&new.decided) {
        changes.push((
            Field::Decided.key().to_string(),
            day(&new.decided).map(|d| TopValue::Plain(d.to_string())),
        ));
    }
    Some(changes)
}

fn answer_changes(old: &FrontMatter, new: &FrontMatter) -> Vec<Change> {
    new.answers
        .iter()
        .filter(|a| old.answer(&a.key.value).map(|o| &o.text.value) != Some(&a.text.value))
        .map(|a| (a.key.value.clone(), string(&a.text.value)))
        .collect()
}

fn confidence_changes(old: &FrontMatter, new: &FrontMatter) -> Vec<Change> {
    new.confidence
        .iter()
        .filter(|c| old.confidence_of(&c.key.value) != Some(c.level.value))
        .map(|c| (c.key.value.clone(), string(c.level.value.as_str())))
        .collect()
}

fn recommendation_changes(old: &FrontMatter, new: &FrontMatter) -> Vec<Change> {
    let (Some(new_rec), old_rec) = (&new.recommendation, &old.recommendation) else {
        return Vec::new();
    };
    let mut changes = Vec::new();
    let old_decision = old_rec
        .as_ref()
        .and_then(|r| r.decision.as_ref())
        .map(|d| d.value);
    if let Some(decision) = &new_rec.decision
        && old_decision != Some(decision.value)
    {
        changes.push((
            RecommendationField::Decision.key().to_string(),
            string(decision.value.as_str()),
        ));
    }
    let old_rationale = old_rec
        .as_ref()
        .and_then(|r| r.rationale.as_ref())
        .map(|r| &r.value);
    if let Some(rationale) = &new_rec.rationale
        && old_rationale != Some(&rationale.value)
    {
        changes.push((
            RecommendationField::Rationale.key().to_string(),
            string(&rationale.value),
        ));
    }
    changes
}

/// Where a new top-level key goes: after the closest key before it in the
/// format's order, else at the start.
fn top_anchor(lines: &Lines<'_>, key: &str) -> usize {
    const ORDER: &[&str] = TOP_LEVEL_KEYS;
    let at = ORDER.iter().position(|k| *k == key).unwrap_or(ORDER.len());
    ORDER[..at]
        .iter()
        .rev()
        .find_map(|k| lines.top(k))
        .map_or(lines.first, |line| lines.entry(line).1)
}

/// Edits for `changes` inside the top-level mapping `parent`, or the whole
/// block when `parent` is not in the file yet.
fn nested_edits(
    lines: &Lines<'_>,
    parent: &str,
    changes: Vec<Change>,
    newline: &str,
    edits: &mut Vec<Edit>,
) {
    if changes.is_empty() {
        return;
    }
    let Some(parent_line) = lines.top(parent) else {
        let entries = changes.into_iter().map(|(k, v)| (string(&k), v)).collect();
        let block = Node::new(Value::Map(entries));
        let at = top_anchor(lines, parent);
        edits.push(Edit::new(at, at, render(parent, block, 0, newline)));
        return;
    };
    let indent = lines.child_indent(parent_line).unwrap_or(2);
    let mut inserted = String::new();
    for (key, value) in changes {
        match lines.child(parent_line, &key) {
            Some(line) => {
                let (start, end) = lines.entry(line);
                let text = render(&key, value, indent, newline);
                let text = keep_comment(lines, start, end, text, newline);
                edits.push(Edit::new(start, end, text));
            }
            None => inserted.push_str(&render(&key, value, indent, newline)),
        }
    }
    if !inserted.is_empty() {
        let at = lines.entry(parent_line).1;
        edits.push(Edit::new(at, at, inserted));
    }
}

fn patched(original: &str, desired: &Assessment) -> Option<String> {
    let parsed = parse(&Source::from_text("<original>", original));
    if !parsed.problems.is_empty() {
        return None;
    }
    let old = parsed.assessment?;
    if old.body != desired.body {
        return None;
    }
    let lines = Lines::new(original)?;
    let newline = if old.crlf { "\r\n" } else { "\n" };
    let (old, new) = (&old.front, &desired.front);

    let mut edits = Vec::new();
    for (key, value) in top_level_changes(old, new)? {
        match (lines.top(&key), value) {
            (Some(line), Some(value)) => {
                let (start, end) = lines.entry(line);
                let text = keep_comment(&lines, start, end, value.render(&key, newline), newline);
                edits.push(Edit::new(start, end, text));
            }
            (Some(line), None) => {
                let (start, end) = lines.entry(line);
                edits.push(Edit::new(start, end, String::new()));
            }
            (None, Some(value)) => {
                let at = top_anchor(&lines, &key);
                edits.push(Edit::new(at, at, value.render(&key, newline)));
            }
            (None, None) => {}
        }
    }
    nested_edits(
        &lines,
        Field::Answers.key(),
        answer_changes(old, new),
        newline,
        &mut edits,
    );
    nested_edits(
        &lines,
        Field::Confidence.key(),
        confidence_changes(old, new),
        newline,
        &mut edits,
    );
    nested_edits(
        &lines,
        Field::Recommendation.key(),
        recommendation_changes(old, new),
        newline,
        &mut edits,
    );

    // Apply from the bottom up so earlier line numbers stay valid; edits never
    // overlap, as each touches a different entry.
    // Insertions at the same line go in the order they were planned, so the
    // later one is applied first.
    let mut edits: Vec<(usize, Edit)> = edits.into_iter().enumerate().collect();
    edits.sort_by_key(|(seq, e)| std::cmp::Reverse((e.start, e.end, *seq)));
    let mut out: Vec<String> = lines.lines.iter().map(|l| l.to_string()).collect();
    for (_, edit) in edits {
        out.splice(edit.start..edit.end, [edit.text]);
    }
    let mut text = out.concat();
    if desired.bom {
        text.insert(0, '\u{feff}');
    }
    Some(text)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::assessment::{Confidence, Decision, Located, Recommendation, Status};
    use crate::source::Pos;

    const FILE: &str = "---\n# Reviewed by the data team.\ntitle: Scheduler   # working title\ncreated: 2026-10-02\nanswers:\n  # The pain, in the users' words.\n  problem: |\n    Line one.\n\n    Line two.\n\n  # Who has it.\n  target_market: ''\n  custom_question: kept\nfuture_key:\n  nested: [1, 2]\n---\n## Notes\n\nTrailing  spaces  \n";

    fn read(text: &str) -> Assessment {
        let parsed = parse(&Source::from_text("t.md", text));
        assert!(parsed.problems.is_empty(), "{:?}", parsed.problems);
        parsed.assessment.unwrap()
    }

    #[test]
    fn only_the_changed_answer_is_rewritten() {
        let mut a = read(FILE);
        a.front
            .set_answer("target_market", "Data engineers at small companies.".into());
        let text = rewrite(FILE, &a);
        assert_eq!(
            text,
            FILE.replace(
                "target_market: ''",
                "target_market: Data engineers at small companies."
            )
        );
    }

    #[test]
    fn new_entries_are_inserted_and_comments_kept() {
        let mut a = read(FILE);
        a.front
            .set_answer("market_size", "About 12,000 installs.".into());
        a.front
            .set_answer("problem", "Line one.\n\nLine two, revised.\n".into());
        a.front.status = Some(Located::new(Status::Draft, Pos::default()));
        a.front.confidence.push(crate::assessment::ConfidenceEntry {
            key: Located::new("problem".into(), Pos::default()),
            level: Located::new(Confidence::High, Pos::default()),
        });
        a.front.recommendation = Some(Recommendation {
            decision: Some(Located::new(Decision::Go, Pos::default())),
            ..Recommendation::default()
        });
        let text = rewrite(FILE, &a);
        for kept in [
            "# Reviewed by the data team.",
            "# working title",
            "# The pain, in the users' words.",
            "# Who has it.",
            "nested: [1, 2]",
        ] {
            assert!(text.contains(kept), "{kept} lost:\n{text}");
        }
        assert!(
            text.contains("created: 2026-10-02\nstatus: draft\nanswers:"),
            "{text}"
        );
        assert!(
            text.contains("  custom_question: kept\n  market_size: About 12,000 installs.\n"),
            "{text}"
        );
        assert!(text.ends_with("---\n## Notes\n\nTrailing  spaces  \n"));
        let again = read(&text);
        assert_eq!(
            again.front.answer_text("problem"),
            Some("Line one.\n\nLine two, revised.\n")
        );
        assert_eq!(again.front.confidence_of("problem"), Some(Confidence::High));
        assert_eq!(again.front.decision(), Some(Decision::Go));
    }

    #[test]
    fn the_milestone_and_decided_date_are_set_and_removed_in_place() {
        let file = "---\ntitle: T   # keep\nstatus: review\nmilestone: '2026-W47'   # planned\n# next\nanswers:\n  problem: x\n---\nBody\n";
        let mut a = read(file);
        a.front.milestone.as_mut().unwrap().value = "2026-W48".into();
        a.front.status.as_mut().unwrap().value = Status::Decided;
        a.front.decided = Some(Located::new("2026-11-20".parse().unwrap(), Pos::default()));
        let text = rewrite(file, &a);
        assert_eq!(
            text,
            "---\ntitle: T   # keep\nstatus: decided\ndecided: 2026-11-20\nmilestone: 2026-W48   # planned\n# next\nanswers:\n  problem: x\n---\nBody\n"
        );
        let mut b = read(&text);
        b.front.decided = None;
        b.front.milestone = None;
        assert_eq!(
            rewrite(&text, &b),
            "---\ntitle: T   # keep\nstatus: decided\n# next\nanswers:\n  problem: x\n---\nBody\n"
        );
    }

    #[test]
    fn trailing_comments_are_found_outside_quotes() {
        assert_eq!(trailing_comment("a: b  # c\n"), Some("  # c"));
        assert_eq!(trailing_comment("a: 'b # x' # c"), Some(" # c"));
        assert_eq!(trailing_comment("a: \"b \\\" # x\" # c"), Some(" # c"));
        assert_eq!(trailing_comment("a: 'it''s # x'"), None);
        assert_eq!(trailing_comment("a: b#c"), None);
        assert_eq!(trailing_comment("a: b"), None);
    }

    #[test]
    fn crlf_files_stay_crlf() {
        let crlf = FILE.replace('\n', "\r\n");
        let mut a = read(&crlf);
        a.front
            .set_answer("target_market", "Data engineers.".into());
        let text = rewrite(&crlf, &a);
        assert!(
            text.contains("# Who has it.\r\n  target_market: Data engineers.\r\n"),
            "{text:?}"
        );
        assert!(!text.replace("\r\n", "").contains('\n'));
    }

    #[test]
    fn a_layout_it_cannot_patch_falls_back_to_regeneration() {
        let flow = "---\ntitle: T\nconfidence: {problem: low}\n---\n";
        let mut a = read(flow);
        a.front.confidence[0].level.value = Confidence::High;
        a.front.confidence.push(crate::assessment::ConfidenceEntry {
            key: Located::new("metrics".into(), Pos::default()),
            level: Located::new(Confidence::Low, Pos::default()),
        });
        let text = rewrite(flow, &a);
        assert_eq!(text, to_markdown(&a));
        assert_eq!(
            read(&text).front.confidence_of("metrics"),
            Some(Confidence::Low)
        );
    }
}
