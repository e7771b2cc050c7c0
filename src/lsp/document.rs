//! An open document: its text as the editor has it, kept in step with the
//! editor's changes (whole-text and incremental), and what linting it last
//! found.
//!
//! Positions from the editor are UTF-16 line and column pairs; they become
//! byte offsets through the file's [`LineIndex`], and the findings' byte
//! spans become UTF-16 ranges through it on the way back, so a column after
//! an emoji or an accented letter is where the editor counts it.
//!
//! While the front-matter cannot be read (a YAML syntax error half-way
//! through typing), the findings of the last readable version are kept,
//! their spans moved along with every edit since, and shown beside the
//! syntax error: the rest of the file stays checked as it was.

use lsp_types::{Position, Range, TextDocumentContentChangeEvent};

use crate::diagnostic::Diagnostic;
use crate::source::{LineIndex, Pos};

pub struct Document {
    pub text: String,
    pub version: i32,
    index: LineIndex,
    /// The findings of the last version whose front-matter could be read,
    /// with their spans moved along with the edits made since.
    pub last_readable: Vec<Diagnostic>,
    /// Its title as duplicate-title compares titles, when it is an
    /// assessment with one.
    pub title: Option<String>,
}

impl Document {
    pub fn new(text: String, version: i32) -> Document {
        Document {
            index: LineIndex::new(&text),
            text,
            version,
            last_readable: Vec::new(),
            title: None,
        }
    }

    pub fn index(&self) -> &LineIndex {
        &self.index
    }

    /// Applies the editor's changes in order: a change with a range replaces
    /// it, one without replaces the whole text.
    pub fn apply(&mut self, changes: Vec<TextDocumentContentChangeEvent>, version: i32) {
        for change in changes {
            match change.range {
                Some(range) => {
                    let start = self.offset(range.start);
                    let end = self.offset(range.end).max(start);
                    self.text.replace_range(start..end, &change.text);
                    shift(&mut self.last_readable, start, end, change.text.len());
                }
                None => {
                    self.text = change.text;
                    self.last_readable.clear();
                }
            }
            self.index = LineIndex::new(&self.text);
        }
        self.version = version;
    }

    /// The byte offset of an editor position.
    pub fn offset(&self, position: Position) -> usize {
        self.index
            .offset_utf16(position.line, position.character, &self.text)
    }

    pub fn position(&self, offset: usize) -> Position {
        let (line, character) = self.index.utf16_position(offset, &self.text);
        Position { line, character }
    }

    /// The editor range of a byte span.
    pub fn range(&self, pos: Pos) -> Range {
        Range {
            start: self.position(pos.offset),
            end: self.position(pos.end()),
        }
    }
}

/// Moves spans after an edit that replaced bytes `[start, end)` with
/// `inserted` bytes; a finding whose span the edit touched is dropped, as
/// its text is not what was judged.
fn shift(diagnostics: &mut Vec<Diagnostic>, start: usize, end: usize, inserted: usize) {
    diagnostics.retain_mut(|d| {
        let Some(pos) = &mut d.span else {
            return true;
        };
        if pos.end() < start || (pos.end() == start && pos.len > 0) {
            true
        } else if pos.offset >= end && !(pos.offset == end && start == end && pos.len == 0) {
            pos.offset = pos.offset - end + start + inserted;
            true
        } else {
            false
        }
    });
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostic::{DiagnosticId, rules};

    fn change(
        range: Option<((u32, u32), (u32, u32))>,
        text: &str,
    ) -> TextDocumentContentChangeEvent {
        TextDocumentContentChangeEvent {
            range: range.map(|((l1, c1), (l2, c2))| Range {
                start: Position::new(l1, c1),
                end: Position::new(l2, c2),
            }),
            range_length: None,
            text: text.into(),
        }
    }

    #[test]
    fn incremental_changes_count_utf16_columns() {
        let mut doc = Document::new("title: 😀 café\nb: 1\n".into(), 1);
        // After the emoji (2 UTF-16 units) and the space: column 9.
        doc.apply(vec![change(Some(((0, 10), (0, 14))), "tea")], 2);
        assert_eq!(doc.text, "title: 😀 tea\nb: 1\n");
        doc.apply(
            vec![
                change(Some(((1, 3), (1, 4))), "2"),
                change(Some(((2, 0), (2, 0))), "c: 3\n"),
            ],
            3,
        );
        assert_eq!(doc.text, "title: 😀 tea\nb: 2\nc: 3\n");
        doc.apply(vec![change(None, "new")], 4);
        assert_eq!((doc.text.as_str(), doc.version), ("new", 4));
    }

    #[test]
    fn findings_move_with_the_edits_and_those_edited_go() {
        let mut doc = Document::new("aaa bbb ccc\n".into(), 1);
        let finding = |offset| {
            Diagnostic::new(
                DiagnosticId::Rule(&rules::SHORT_ANSWER),
                Some(Pos::new(offset, 3)),
                "x",
            )
        };
        doc.last_readable = vec![finding(0), finding(4), finding(8)];
        doc.apply(vec![change(Some(((0, 4), (0, 5))), "BBBB")], 2);
        let spans: Vec<_> = doc.last_readable.iter().map(|d| d.span.unwrap()).collect();
        assert_eq!(spans, vec![Pos::new(0, 3), Pos::new(11, 3)]);
    }
}
