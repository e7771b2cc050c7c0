//! Answer text folded for matching: lowercase, one space between words, and
//! the decoration people and imports add (Markdown emphasis, list markers,
//! quotes, hyphens between words, line wrapping) gone, so a word list entry
//! "all segments" matches "**All**\n  segments" and "best in class" matches
//! "best-in-class".
//!
//! Punctuation that means something to the rules stays: `.` `!` `?` `;` `:`
//! end clauses, and digits keep their separators (`12,000`, `1.2`,
//! `2026-12-15`, `20-500`). Folding is one pass over the bytes with an ASCII
//! fast path, because every rule's answer is folded on every lint run; the
//! mapping back to the original text is only built for answers a rule flags.

use std::ops::Range;

/// Where folded bytes go: just the text, or the text and, for each byte, the
/// offset of the original character it came from.
trait Sink {
    /// One ASCII byte.
    fn byte(&mut self, b: u8, from: usize);

    fn last(&self) -> Option<u8>;

    fn char(&mut self, c: char, from: usize) {
        let mut buf = [0; 4];
        for &b in c.encode_utf8(&mut buf).as_bytes() {
            self.byte(b, from);
        }
    }
}

impl Sink for Vec<u8> {
    fn byte(&mut self, b: u8, _: usize) {
        self.push(b);
    }

    fn last(&self) -> Option<u8> {
        <[u8]>::last(self).copied()
    }
}

struct Mapped {
    text: Vec<u8>,
    from: Vec<usize>,
}

impl Sink for Mapped {
    fn byte(&mut self, b: u8, from: usize) {
        self.text.push(b);
        self.from.push(from);
    }

    fn last(&self) -> Option<u8> {
        <[u8]>::last(&self.text).copied()
    }
}

/// `text` folded for matching.
pub fn fold(text: &str) -> String {
    let mut out = Vec::with_capacity(text.len() + 8);
    fold_into(text, &mut out);
    String::from_utf8(out).expect("folding copies whole characters")
}

/// A word list entry folded like answers are, except that apostrophes are
/// kept wherever they are, so an entry `l'` (with `*`) can match French
/// elisions.
pub fn fold_entry(entry: &str) -> String {
    let mut out = Vec::with_capacity(entry.len());
    for word in entry.split('\'') {
        if !out.is_empty() {
            out.push(b'\'');
        }
        fold_into(word, &mut out);
    }
    String::from_utf8(out)
        .expect("folding copies whole characters")
        .trim()
        .to_string()
}

/// The byte range in `text` that the folded range `range` came from.
pub fn original(text: &str, range: Range<usize>) -> Range<usize> {
    let mut mapped = Mapped {
        text: Vec::with_capacity(text.len()),
        from: Vec::with_capacity(text.len()),
    };
    fold_into(text, &mut mapped);
    let start = mapped.from.get(range.start).copied().unwrap_or(text.len());
    let end = match range.end.checked_sub(1).and_then(|i| mapped.from.get(i)) {
        Some(&last) => last + text[last..].chars().next().map_or(0, char::len_utf8),
        None => start,
    };
    start..end.max(start)
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric()
}

fn fold_into<S: Sink>(text: &str, out: &mut S) {
    let bytes = text.as_bytes();
    let mut space = false;
    let mut line_start = true;
    let mut prev: char = ' ';
    let mut i = 0;
    while i < bytes.len() {
        // ASCII letters, digits and spaces, the common case, byte by byte
        // through a table.
        let b = bytes[i];
        match ASCII[usize::from(b)] {
            Ascii::Word if !line_start => {
                if space {
                    push_space(out, i);
                    space = false;
                }
                out.byte(LOWER[usize::from(b)], i);
                prev = b as char;
                i += 1;
                continue;
            }
            Ascii::Space => {
                space = true;
                prev = ' ';
                i += 1;
                continue;
            }
            _ => {}
        }
        let (c, len) = match bytes[i] {
            b if b < 0x80 => (b as char, 1),
            _ => {
                let c = text[i..].chars().next().expect("in bounds");
                (c, c.len_utf8())
            }
        };
        let next = match bytes.get(i + len) {
            Some(&b) if b < 0x80 => b as char,
            Some(_) => text[i + len..].chars().next().unwrap_or(' '),
            None => ' ',
        };
        let at = i;
        i += len;
        if c.is_whitespace() {
            line_start |= c == '\n';
            space = true;
            prev = c;
            continue;
        }
        if line_start {
            line_start = false;
            if let Some(skip) = list_marker(&text[at..]) {
                i = at + skip;
                clause_break(out, at);
                space = true;
                prev = ' ';
                continue;
            }
        }
        let emit: Option<char> = if c.is_ascii_alphanumeric() {
            Some(c.to_ascii_lowercase())
        } else if c.is_alphanumeric() {
            None // pushed below, lowercased, possibly as several chars
        } else {
            match c {
                '\'' | '’' | '‘' | 'ʼ' => {
                    (prev.is_alphabetic() && next.is_alphabetic()).then_some('\'')
                }
                ',' | '/' => (prev.is_ascii_digit() && next.is_ascii_digit()).then_some(c),
                '.' | ':' => Some(c),
                '-' | '‐' | '‑' | '–' => {
                    if prev.is_ascii_digit() && next.is_ascii_digit() {
                        Some('-')
                    } else if c == '–' && prev.is_whitespace() && next.is_whitespace() {
                        Some(';')
                    } else {
                        None
                    }
                }
                '—' | '!' | '?' | ';' => Some(if c == '—' { ';' } else { c }),
                '%' | '$' | '€' | '£' | '¥' | '₹' => Some(c),
                _ => None,
            }
        };
        match emit {
            Some(e) => {
                // Separators stick to what precedes them ("big." not "big .").
                let glue = matches!(
                    e,
                    '.' | ':' | ';' | '!' | '?' | ',' | '/' | '-' | '%' | '\''
                );
                if space && !glue {
                    push_space(out, at);
                }
                out.char(e, at);
                space = false;
            }
            None if c.is_alphanumeric() => {
                if space {
                    push_space(out, at);
                }
                for lower in c.to_lowercase() {
                    out.char(lower, at);
                }
                space = false;
            }
            None => space = true,
        }
        prev = c;
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Ascii {
    Word,
    Space,
    Other,
}

/// How the fast path treats each byte: letters and digits are copied
/// lowercase, a space is remembered, and anything else (line breaks,
/// punctuation, the bytes of non-ASCII characters) takes the careful path.
const ASCII: [Ascii; 256] = {
    let mut table = [Ascii::Other; 256];
    let mut b = 0;
    while b < 128 {
        if (b as u8).is_ascii_alphanumeric() {
            table[b] = Ascii::Word;
        }
        b += 1;
    }
    table[b' ' as usize] = Ascii::Space;
    table
};

const LOWER: [u8; 256] = {
    let mut table = [0; 256];
    let mut b = 0;
    while b < 256 {
        table[b] = (b as u8).to_ascii_lowercase();
        b += 1;
    }
    table
};

fn push_space<S: Sink>(out: &mut S, at: usize) {
    if out.last().is_some_and(|b| b != b' ') {
        out.byte(b' ', at);
    }
}

/// A list item's start ends the clause before it, so "- Big\n- Growing"
/// folds to "big. growing", not "big growing".
fn clause_break<S: Sink>(out: &mut S, at: usize) {
    if let Some(last) = out.last()
        && !matches!(last, b'.' | b';' | b':' | b'!' | b'?')
    {
        out.byte(b'.', at);
    }
}

/// The length of the list, quote and heading markers at the start of a line
/// (`- `, `* `, `+ `, `• `, `> `, `## `, and one- or two-digit item numbers
/// `1.` / `1)`), or `None` when the line starts with text.
fn list_marker(line: &str) -> Option<usize> {
    let bytes = line.as_bytes();
    let mut at = 0;
    loop {
        let rest = &bytes[at..];
        let marker = match rest.first() {
            Some(b'-' | b'*' | b'+' | b'>') => 1,
            Some(b'#') => rest.iter().take_while(|&&b| b == b'#').count(),
            Some(b'0'..=b'9') => {
                let digits = rest
                    .iter()
                    .take(3)
                    .take_while(|b| b.is_ascii_digit())
                    .count();
                match rest.get(digits) {
                    Some(b'.' | b')') if digits <= 2 => digits + 1,
                    _ => 0,
                }
            }
            _ if line[at..].starts_with('•') => '•'.len_utf8(),
            _ => 0,
        };
        let spaced = marker > 0
            && rest
                .get(marker)
                .is_none_or(|&b| b == b' ' || b == b'\t' || b == b'\n' || b == b'\r');
        if !spaced {
            return (at > 0).then_some(at);
        }
        at += marker;
        at += bytes[at..]
            .iter()
            .take_while(|&&b| b == b' ' || b == b'\t')
            .count();
    }
}

/// The words of folded text, as byte ranges: runs of letters and digits,
/// with the apostrophes folding kept, currency and percent signs, and the
/// `.` `,` `:` `/` `-` that sit between two word characters (`12,000`,
/// `1.2m`, `2026-12-15`, `checkout.liquid`).
#[derive(Clone)]
pub struct Tokens<'a> {
    text: &'a str,
    at: usize,
}

pub fn tokens(folded: &str) -> Tokens<'_> {
    Tokens {
        text: folded,
        at: 0,
    }
}

fn is_token_char(c: char) -> bool {
    is_word_char(c) || matches!(c, '\'' | '$' | '€' | '£' | '¥' | '₹' | '%')
}

impl Iterator for Tokens<'_> {
    type Item = Range<usize>;

    fn next(&mut self) -> Option<Range<usize>> {
        let start = self.at + self.text[self.at..].find(is_token_char)?;
        let mut end = start;
        let mut prev = ' ';
        let mut chars = self.text[start..].char_indices().peekable();
        while let Some((i, c)) = chars.next() {
            let inner = matches!(c, '.' | ',' | ':' | '/' | '-')
                && is_word_char(prev)
                && chars.peek().is_some_and(|&(_, n)| is_word_char(n));
            if !(is_token_char(c) || inner) {
                break;
            }
            end = start + i + c.len_utf8();
            prev = c;
        }
        self.at = end;
        Some(start..end)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folding_keeps_words_and_meaningful_punctuation() {
        assert_eq!(fold("**All**\n  segments"), "all segments");
        assert_eq!(fold("Best-in-class UX!"), "best in class ux!");
        assert_eq!(fold("Yes — pursue."), "yes; pursue.");
        assert_eq!(
            fold("12,000 installs, $1.1M ARR (8%)"),
            "12,000 installs $1.1m arr 8%"
        );
        assert_eq!(
            fold("by 2026-12-15; 20–500 people"),
            "by 2026-12-15; 20-500 people"
        );
        assert_eq!(fold("We don’t, really"), "we don't really");
        assert_eq!(fold("'where is my order'"), "where is my order");
        assert_eq!(
            fold("ÉNORME. Toutes les entreprises"),
            "énorme. toutes les entreprises"
        );
        assert_eq!(fold("l’application"), "l'application");
    }

    #[test]
    fn list_markers_end_clauses_and_are_not_numbers() {
        assert_eq!(
            fold("- Big\n- Underserved\n- Growing"),
            "big. underserved. growing"
        );
        assert_eq!(fold("1. Adoption\n2. Retention"), "adoption. retention");
        assert_eq!(fold("### 2. For whom"), "for whom");
        assert_eq!(fold("Done.\n> - 3) Third"), "done. third");
        assert_eq!(fold("2.5 million users"), "2.5 million users");
        assert_eq!(fold("> Why now?"), "why now?");
    }

    #[test]
    fn entries_keep_their_apostrophes() {
        assert_eq!(fold_entry("l'"), "l'");
        assert_eq!(
            fold_entry("Don't have ANY special"),
            "don't have any special"
        );
    }

    #[test]
    fn folded_ranges_map_back_to_the_original() {
        let text = "Mobile App Users (**all\n  segments**)";
        let folded = fold(text);
        let at = folded.find("all segments").unwrap();
        let range = original(text, at..at + "all segments".len());
        assert_eq!(&text[range], "all\n  segments");
        let text = "Énorme marché";
        let folded = fold(text);
        let range = original(text, 0..folded.find(' ').unwrap());
        assert_eq!(&text[range], "Énorme");
    }

    #[test]
    fn tokens_keep_numbers_whole() {
        let folded = fold("About 12,000 installs at $1.1m, 2026-12-15; checkout.liquid v2.0.");
        let words: Vec<&str> = tokens(&folded).map(|r| &folded[r]).collect();
        assert_eq!(
            words,
            [
                "about",
                "12,000",
                "installs",
                "at",
                "$1.1m",
                "2026-12-15",
                "checkout.liquid",
                "v2.0"
            ]
        );
    }
}
