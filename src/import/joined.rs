//! Text made of pieces joined by blank lines as they come: an imported
//! document's answers, its rationale, its notes.
//!
//! Each piece is copied once, from the document into chunks of about
//! [`CHUNK`] bytes, never into one string that keeps growing: a string that
//! doubles holds its old and its new buffer at once, which for a 50 MB
//! document's notes is 100 MB on top of the document. The chunks become one
//! string, of exactly the size needed, once the document itself is no
//! longer held ([`super::import_text`]).

use std::ops::Range;

/// A chunk grows (as strings do, by doubling) up to this size; then the
/// next piece starts a new one. A piece larger than this gets a chunk of its
/// own size.
const CHUNK: usize = 64 * 1024;

#[derive(Debug, Default)]
pub(super) struct Joined {
    chunks: Vec<String>,
    /// The joined text's length.
    len: usize,
    pieces: usize,
}

/// Where a piece landed, for [`Joined::remove`].
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(super) struct Piece {
    chunk: usize,
    range: Range<usize>,
}

impl Joined {
    /// Appends a piece after a blank line (none before the first). The blank
    /// line and the piece go in the same chunk.
    pub(super) fn push(&mut self, piece: &str) -> Piece {
        let separator = if self.pieces > 0 { "\n\n" } else { "" };
        let needed = separator.len() + piece.len();
        let fits = self
            .chunks
            .last()
            .is_some_and(|c| c.len() + needed <= CHUNK.max(c.capacity()));
        if !fits {
            self.chunks.push(String::with_capacity(needed));
        }
        let chunk = self.chunks.len() - 1;
        let text = &mut self.chunks[chunk];
        text.push_str(separator);
        let start = text.len();
        text.push_str(piece);
        self.len += needed;
        self.pieces += 1;
        Piece {
            chunk,
            range: start..text.len(),
        }
    }

    pub(super) fn is_empty(&self) -> bool {
        self.pieces == 0
    }

    pub(super) fn pieces(&self) -> usize {
        self.pieces
    }

    /// Removes a piece pushed earlier, with the blank line that joined it to
    /// the others. Pieces are only ever appended, so where it landed is
    /// still where it is.
    pub(super) fn remove(&mut self, piece: &Piece) {
        let text = &mut self.chunks[piece.chunk];
        let removed = if piece.range.start >= 2 {
            // Not the first piece: its own blank line is just before it.
            text.replace_range(piece.range.start - 2..piece.range.end, "");
            piece.range.len() + 2
        } else {
            // The first piece: the next one's blank line goes instead, at
            // the start of what follows in this chunk or of the next chunk.
            text.replace_range(piece.range.clone(), "");
            let mut removed = piece.range.len();
            if self.pieces > 1 {
                let holder = if text.is_empty() {
                    piece.chunk + 1
                } else {
                    piece.chunk
                };
                self.chunks[holder].replace_range(..2, "");
                removed += 2;
            }
            removed
        };
        self.len -= removed;
        self.pieces -= 1;
    }

    /// The joined text, with room for `spare` more bytes (a final newline,
    /// a comment put before it) so adding them copies nothing.
    pub(super) fn into_string(self, spare: usize) -> String {
        let mut text = String::with_capacity(self.len + spare);
        for chunk in self.chunks {
            text.push_str(&chunk);
        }
        text
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn joined(pieces: &[&str]) -> (Joined, Vec<Piece>) {
        let mut joined = Joined::default();
        let at = pieces.iter().map(|p| joined.push(p)).collect();
        (joined, at)
    }

    #[test]
    fn pieces_are_joined_by_blank_lines_across_chunks() {
        let big = "x".repeat(CHUNK - 3);
        let pieces = ["a", big.as_str(), "b", "c"];
        let (j, _) = joined(&pieces);
        assert!(j.chunks.len() > 1);
        let text = j.into_string(1);
        assert_eq!(text, pieces.join("\n\n"));
        assert!(text.capacity() > text.len());
    }

    #[test]
    fn removing_a_piece_removes_its_blank_line() {
        let big = "y".repeat(CHUNK);
        for (pieces, gone) in [
            (vec!["a", "b", "c"], 0),
            (vec!["a", "b", "c"], 1),
            (vec!["a", "b", "c"], 2),
            (vec!["a"], 0),
            (vec!["a", big.as_str(), "c"], 0),
            (vec![big.as_str(), "b"], 0),
            (vec!["a", "b", big.as_str()], 1),
        ] {
            let (mut j, at) = joined(&pieces);
            j.remove(&at[gone]);
            let mut rest = pieces.clone();
            rest.remove(gone);
            assert_eq!(j.pieces(), rest.len());
            let len = j.len;
            let text = j.into_string(0);
            assert_eq!(text.len(), len);
            assert_eq!(text, rest.join("\n\n"), "{pieces:?} without {gone}");
        }
    }
}
