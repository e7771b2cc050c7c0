//! Text made of pieces joined by blank lines as they come: an imported
//! document's answers, its rationale, its notes.
//!
//! Nearly every piece is a stretch of the document itself, so a piece is
//! kept as where it is (a span), and the text is copied once, into a string
//! of exactly its size, when the document is read to its end. Pieces that
//! follow each other in the document with a blank line between them, as
//! the sections of a long document do, share one span, so a document of
//! 40,000 sections that name nothing keeps one span for its notes, not
//! 80,000. The few pieces made anew (a list item without its indent, a
//! table row's cells) are kept in a buffer of their own ([`Own`]).
//!
//! The alternatives cost more: a string per piece costs its allocation and
//! more than the text on short pieces, and one string that grows holds its
//! old and new buffers at once, and is then more than the text as well.

/// Text made anew while reading a document, shared by every [`Joined`] of
/// it; spans with `own` set point into it.
#[derive(Debug, Default)]
pub(super) struct Own(String);

#[derive(Clone, Debug, PartialEq, Eq)]
struct Span {
    /// In [`Own`] rather than in the document.
    own: bool,
    start: usize,
    end: usize,
}

#[derive(Debug, Default)]
pub(super) struct Joined {
    spans: Vec<Span>,
    pieces: usize,
}

/// Where a piece is, for [`Joined::remove`].
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(super) struct Piece {
    own: bool,
    start: usize,
    end: usize,
}

impl Joined {
    /// Appends a piece after a blank line (none before the first). `piece`
    /// is a part of `document` or any other text (then copied into `own`).
    pub(super) fn push(&mut self, document: &str, own: &mut Own, piece: &str) -> Piece {
        self.pieces += 1;
        let base = document.as_ptr() as usize;
        let at = (piece.as_ptr() as usize).wrapping_sub(base);
        let span = if at <= document.len() && piece.len() <= document.len() - at {
            Span {
                own: false,
                start: at,
                end: at + piece.len(),
            }
        } else {
            // Made anew: joined in `own` to the piece before it when that
            // is the last text there.
            if let Some(last) = self.spans.last_mut()
                && last.own
                && last.end == own.0.len()
            {
                own.0.push_str("\n\n");
                let start = own.0.len();
                own.0.push_str(piece);
                last.end = own.0.len();
                return Piece {
                    own: true,
                    start,
                    end: last.end,
                };
            }
            let start = own.0.len();
            own.0.push_str(piece);
            Span {
                own: true,
                start,
                end: own.0.len(),
            }
        };
        let piece = Piece {
            own: span.own,
            start: span.start,
            end: span.end,
        };
        match self.spans.last_mut() {
            // The document has the blank line between them already.
            Some(last)
                if !span.own && !last.own && document.get(last.end..span.start) == Some("\n\n") =>
            {
                last.end = span.end;
            }
            _ => self.spans.push(span),
        }
        piece
    }

    pub(super) fn is_empty(&self) -> bool {
        self.pieces == 0
    }

    pub(super) fn pieces(&self) -> usize {
        self.pieces
    }

    /// The joined text's length in bytes.
    pub(super) fn len(&self) -> usize {
        let texts: usize = self.spans.iter().map(|s| s.end - s.start).sum();
        texts + 2 * self.spans.len().saturating_sub(1)
    }

    /// Removes a piece pushed earlier, with the blank line that joined it to
    /// the others.
    pub(super) fn remove(&mut self, piece: &Piece) {
        let Some(i) = self
            .spans
            .iter()
            .position(|s| s.own == piece.own && s.start <= piece.start && piece.end <= s.end)
        else {
            return;
        };
        self.pieces -= 1;
        let span = self.spans[i].clone();
        match (piece.start == span.start, piece.end == span.end) {
            (true, true) => {
                self.spans.remove(i);
            }
            (true, false) => self.spans[i].start = piece.end + 2,
            (false, true) => self.spans[i].end = piece.start - 2,
            (false, false) => {
                self.spans[i].end = piece.start - 2;
                self.spans.insert(
                    i + 1,
                    Span {
                        start: piece.end + 2,
                        ..span
                    },
                );
            }
        }
    }

    /// The joined text, with room for `spare` more bytes (a final newline,
    /// a comment put before it) so adding them copies nothing.
    pub(super) fn into_string(self, document: &str, own: &Own, spare: usize) -> String {
        let mut text = String::with_capacity(self.len() + spare);
        for (i, span) in self.spans.iter().enumerate() {
            if i > 0 {
                text.push_str("\n\n");
            }
            let from = if span.own { own.0.as_str() } else { document };
            text.push_str(&from[span.start..span.end]);
        }
        text
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Pushes each piece: `Ok` a part of the document, `Err` one made anew.
    fn joined(document: &str, pieces: &[Result<&str, &str>]) -> (Joined, Own, Vec<Piece>) {
        let mut joined = Joined::default();
        let mut own = Own::default();
        let at = pieces
            .iter()
            .map(|p| match p {
                Ok(part) => {
                    let start = document.find(part).expect("in the document");
                    joined.push(document, &mut own, &document[start..start + part.len()])
                }
                Err(made) => {
                    // A copy, so it is nowhere in the document.
                    let made = String::from(*made);
                    joined.push(document, &mut own, &made)
                }
            })
            .collect();
        (joined, own, at)
    }

    fn text(p: &Result<&str, &str>) -> String {
        match p {
            Ok(t) | Err(t) => t.to_string(),
        }
    }

    const DOCUMENT: &str = "# T\n\nalpha\n\nbeta\ngamma\n\n\ndelta\n\nepsilon";

    #[test]
    fn pieces_are_joined_by_blank_lines_and_share_spans_where_the_document_does() {
        let pieces = [
            Ok("alpha"),
            Ok("beta"),
            Err("**made**"),
            Err("- item"),
            Ok("gamma"),
            Ok("delta"),
            Ok("epsilon"),
        ];
        let (j, own, _) = joined(DOCUMENT, &pieces);
        // alpha+beta share a span, the two made pieces one in `own`, gamma
        // and delta are apart (two blank lines), delta+epsilon share one.
        assert_eq!(j.spans.len(), 4, "{:?}", j.spans);
        assert_eq!(j.pieces(), 7);
        let expected = pieces.iter().map(text).collect::<Vec<_>>().join("\n\n");
        assert_eq!(j.len(), expected.len());
        let out = j.into_string(DOCUMENT, &own, 1);
        assert_eq!(out, expected);
        assert!(out.capacity() > out.len());
    }

    #[test]
    fn removing_a_piece_removes_its_blank_line() {
        let all: [Result<&str, &str>; 5] = [
            Ok("# T"),
            Ok("alpha"),
            Err("made"),
            Ok("delta"),
            Ok("epsilon"),
        ];
        for gone in 0..all.len() {
            for count in gone + 1..=all.len() {
                let pieces = &all[..count];
                let (mut j, own, at) = joined(DOCUMENT, pieces);
                j.remove(&at[gone]);
                let rest: Vec<String> = pieces
                    .iter()
                    .enumerate()
                    .filter(|(i, _)| *i != gone)
                    .map(|(_, p)| text(p))
                    .collect();
                assert_eq!(j.pieces(), rest.len());
                assert_eq!(j.len(), rest.join("\n\n").len());
                assert_eq!(
                    j.into_string(DOCUMENT, &own, 0),
                    rest.join("\n\n"),
                    "{pieces:?} without {gone}"
                );
            }
        }
    }
}
