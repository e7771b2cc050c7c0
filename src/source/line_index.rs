//! Line and column of a byte offset, computed when a position is printed.
//!
//! Everything upstream of printing points into a file with byte spans
//! ([`Pos`](super::Pos)); people and tools want lines and columns, and
//! editors count columns in UTF-16 code units. A `LineIndex` records where
//! each line starts, once per file, so each conversion is a binary search
//! (plus, on a line that is not ASCII, a count of the characters before the
//! offset). It is built the way ruff's `LineIndex` is: `\n`, `\r\n` and a
//! lone `\r` all end a line, as they do for YAML and Markdown.

/// A 1-based line and column. Columns count Unicode characters (code
/// points), as `mrd`'s human, JSON and SARIF output say.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct LineColumn {
    pub line: u32,
    pub column: u32,
}

/// Where every line of one text starts.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LineIndex {
    /// The byte offset of each line's first byte; the first is 0.
    line_starts: Vec<usize>,
    /// Whether the text is ASCII, where a column is a byte count.
    ascii: bool,
}

impl LineIndex {
    pub fn new(text: &str) -> LineIndex {
        let bytes = text.as_bytes();
        let mut line_starts = Vec::with_capacity(bytes.len() / 64 + 1);
        line_starts.push(0);
        for i in memchr::memchr2_iter(b'\n', b'\r', bytes) {
            // `\r\n` ends one line, at its `\n`.
            if bytes[i] == b'\r' && bytes.get(i + 1) == Some(&b'\n') {
                continue;
            }
            line_starts.push(i + 1);
        }
        LineIndex {
            line_starts,
            ascii: text.is_ascii(),
        }
    }

    /// How many lines the text has (a final line ending starts an empty one).
    pub fn line_count(&self) -> usize {
        self.line_starts.len()
    }

    /// The 0-based line `offset` is on; an offset past the end is on the last line.
    fn line_of(&self, offset: usize) -> usize {
        match self.line_starts.binary_search(&offset) {
            Ok(line) => line,
            Err(next) => next - 1,
        }
    }

    /// The 1-based line and character column of a byte offset in `text`,
    /// the text this index was built from. An offset inside a character or
    /// past the end is clamped to the character or the end.
    pub fn line_column(&self, offset: usize, text: &str) -> LineColumn {
        let (line, column) = self.locate(offset, text, count_chars);
        LineColumn {
            line: line as u32 + 1,
            column: column as u32 + 1,
        }
    }

    /// The 0-based line and UTF-16 column of a byte offset, as the Language
    /// Server Protocol counts them.
    pub fn utf16_position(&self, offset: usize, text: &str) -> (u32, u32) {
        let (line, column) = self.locate(offset, text, |before| before.encode_utf16().count());
        (line as u32, column as u32)
    }

    /// The 0-based line of `offset`, and its column as `count` counts the
    /// text before it on the line (bytes, when the text is ASCII).
    fn locate(&self, offset: usize, text: &str, count: fn(&str) -> usize) -> (usize, usize) {
        let offset = floor_boundary(text, offset);
        let line = self.line_of(offset);
        let start = self.line_starts[line];
        let column = if self.ascii {
            offset - start
        } else {
            count(&text[start..offset])
        };
        (line, column)
    }

    /// The byte range of a 1-based line, without its line ending; `None`
    /// for a line the text does not have.
    pub fn line_range(&self, line: u32, text: &str) -> Option<std::ops::Range<usize>> {
        let i = (line as usize).checked_sub(1)?;
        let start = *self.line_starts.get(i)?;
        let end = self.line_starts.get(i + 1).map_or(text.len(), |&next| next);
        let content = &text.as_bytes()[start..end];
        let ending = if content.ends_with(b"\r\n") {
            2
        } else if content.ends_with(b"\n") || content.ends_with(b"\r") {
            1
        } else {
            0
        };
        Some(start..end - ending)
    }

    /// The byte offset of a 0-based line and UTF-16 column, as the Language
    /// Server Protocol names a position: clamped to the line's end (a column
    /// past it, or inside a surrogate pair, ends at the character), and to
    /// the text's end for a line past it.
    pub fn offset_utf16(&self, line: u32, column: u32, text: &str) -> usize {
        let Some(range) = self.line_range(line.saturating_add(1), text) else {
            return text.len();
        };
        let line = &text[range.clone()];
        let column = column as usize;
        if self.ascii {
            return range.start + column.min(line.len());
        }
        let mut units = 0;
        for (i, c) in line.char_indices() {
            if units >= column {
                return range.start + i;
            }
            units += c.len_utf16();
        }
        range.end
    }

    /// The byte offset of a 1-based line and character column, clamped to
    /// the line's end (and to the text's end for a line past it): the way
    /// back from what a person or an editor names to a byte offset.
    pub fn offset(&self, position: LineColumn, text: &str) -> usize {
        let Some(range) = self.line_range(position.line.max(1), text) else {
            return text.len();
        };
        let line = &text[range.clone()];
        let column = position.column.saturating_sub(1) as usize;
        if self.ascii {
            return range.start + column.min(line.len());
        }
        range.start
            + line
                .char_indices()
                .nth(column)
                .map_or(line.len(), |(i, _)| i)
    }
}

/// The number of characters in `text`: its bytes that do not continue a
/// multi-byte character.
fn count_chars(text: &str) -> usize {
    text.bytes().filter(|&b| (b as i8) >= -0x40).count()
}

fn floor_boundary(text: &str, offset: usize) -> usize {
    let mut offset = offset.min(text.len());
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    offset
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(text: &str, offset: usize) -> (u32, u32) {
        let index = LineIndex::new(text);
        let lc = index.line_column(offset, text);
        (lc.line, lc.column)
    }

    #[test]
    fn lines_end_at_lf_crlf_and_a_lone_cr() {
        let text = "a\nb\r\nc\rd";
        assert_eq!(at(text, 0), (1, 1));
        assert_eq!(at(text, 2), (2, 1));
        assert_eq!(at(text, 5), (3, 1));
        assert_eq!(at(text, 7), (4, 1));
        let index = LineIndex::new(text);
        assert_eq!(index.line_count(), 4);
        assert_eq!(&text[index.line_range(2, text).unwrap()], "b");
        assert_eq!(&text[index.line_range(3, text).unwrap()], "c");
        assert_eq!(index.line_range(5, text), None);
    }

    #[test]
    fn columns_count_characters_and_utf16_units() {
        let text = "é: x\nkey: 😀ü";
        let ü = text.find('ü').unwrap();
        assert_eq!(at(text, text.find('x').unwrap()), (1, 4));
        assert_eq!(at(text, ü), (2, 7));
        let index = LineIndex::new(text);
        assert_eq!(index.utf16_position(ü, text), (1, 7));
    }

    #[test]
    fn offsets_inside_a_character_or_past_the_end_are_clamped() {
        let text = "aé";
        assert_eq!(at(text, 2), (1, 2));
        assert_eq!(at(text, 99), (1, 3));
        assert_eq!(at("", 0), (1, 1));
        assert_eq!(at("a\n", 2), (2, 1));
    }

    #[test]
    fn offset_is_the_inverse_of_line_column() {
        let text = "é: x\r\nkey: ü\rlast";
        let index = LineIndex::new(text);
        for (offset, _) in text.char_indices() {
            let lc = index.line_column(offset, text);
            let back = index.offset(lc, text);
            // A line ending's bytes all map to the end of the line's content.
            if !matches!(text.as_bytes()[offset], b'\r' | b'\n') {
                assert_eq!(back, offset, "{lc:?}");
            }
        }
        assert_eq!(
            index.offset(
                LineColumn {
                    line: 2,
                    column: 99
                },
                text
            ),
            text.find("\rlast").unwrap()
        );
        assert_eq!(
            index.offset(LineColumn { line: 9, column: 1 }, text),
            text.len()
        );
    }

    #[test]
    fn utf16_positions_go_back_to_the_same_offsets() {
        let text = "a: é😀x\r\nb\n";
        let index = LineIndex::new(text);
        for offset in [0, 3, 5, 9, 10, 12, 13] {
            let (line, column) = index.utf16_position(offset, text);
            assert_eq!(index.offset_utf16(line, column, text), offset, "{offset}");
        }
        // Past the line's end, and past the text's end.
        assert_eq!(index.offset_utf16(0, 99, text), 10);
        assert_eq!(index.offset_utf16(9, 0, text), text.len());
    }
}
