//! Control characters made visible in text `mrd` prints for others to read.
//!
//! No forge shows C0 controls (other than tab and line feed), DEL or C1
//! controls, and a terminal *acts* on them: an escape sequence can recolour,
//! move the cursor or set the window title, and anything that strips such
//! sequences later (a colour stripper, a log viewer) changes the text. So a
//! `\e[m` written before `/close` would hide, until the moment it is
//! stripped, a line that GitLab runs as a quick action. Every piece of user
//! text that `mrd render` prints goes through [`make_visible`] first, before
//! quick actions are neutralised, so what is checked is what is printed.
//!
//! Each control character becomes a printable stand-in, one for one, so an
//! escape sequence stays readable as what it was (`\e[31m` is shown as
//! `␛[31m`) and nothing the author wrote disappears without trace:
//!
//! - NUL becomes U+FFFD, as CommonMark prescribes;
//! - every other C0 control except tab and line feed (carriage return, BEL,
//!   ESC, vertical tab, form feed, ...) becomes its Control Pictures symbol
//!   (U+2401 to U+241F: `␇`, `␛`, `␍`, ...);
//! - DEL becomes `␡` (U+2421);
//! - C1 controls (U+0080 to U+009F, among them NEL and the 8-bit CSI) become
//!   U+FFFD: Unicode has no pictures for them.
//!
//! Tab and line feed are kept. Callers that treat a carriage return as a line
//! break (Markdown does) turn it into a line feed before calling this.

use std::borrow::Cow;

/// Whether `c` is a control character that [`make_visible`] replaces.
pub fn is_hidden_control(c: char) -> bool {
    matches!(c, '\0'..='\u{8}' | '\u{b}'..='\u{1f}' | '\u{7f}'..='\u{9f}')
}

/// The printable stand-in for a control character (see the module docs).
fn stand_in(c: char) -> char {
    match c {
        '\0' | '\u{80}'..='\u{9f}' => char::REPLACEMENT_CHARACTER,
        '\u{7f}' => '\u{2421}',
        // The Control Pictures block lists C0 in order from U+2400.
        c => char::from_u32(0x2400 + c as u32).unwrap_or(char::REPLACEMENT_CHARACTER),
    }
}

/// Where the first control character [`make_visible`] replaces is, if any.
pub fn first_hidden_control(text: &str) -> Option<usize> {
    // C0 and DEL are single bytes; C1 controls are U+0080..U+009F, encoded
    // as 0xC2 followed by 0x80..0x9F. A byte scan finds both.
    let bytes = text.as_bytes();
    bytes.iter().enumerate().position(|(i, &b)| {
        (b < 0x20 && b != b'\t' && b != b'\n')
            || b == 0x7f
            || (b == 0xc2 && bytes.get(i + 1).is_some_and(|n| (0x80..0xa0).contains(n)))
    })
}

/// `text` with every control character but tab and line feed replaced by a
/// visible stand-in; borrowed when there is none, which is the common case.
pub fn make_visible(text: &str) -> Cow<'_, str> {
    let Some(first) = first_hidden_control(text) else {
        return Cow::Borrowed(text);
    };
    let mut out = String::with_capacity(text.len() + 8);
    out.push_str(&text[..first]);
    out.extend(
        text[first..]
            .chars()
            .map(|c| if is_hidden_control(c) { stand_in(c) } else { c }),
    );
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escape_sequences_stay_readable_but_inert() {
        assert_eq!(make_visible("\u{1b}[m/close"), "\u{241b}[m/close");
        assert_eq!(
            make_visible("\u{1b}]8;;https://x\u{7}link\u{1b}]8;;\u{7}"),
            "\u{241b}]8;;https://x\u{2407}link\u{241b}]8;;\u{2407}"
        );
        assert_eq!(make_visible("\u{9b}31m"), "\u{fffd}31m");
    }

    #[test]
    fn every_hidden_control_gets_a_stand_in_and_nothing_else_changes() {
        assert_eq!(make_visible("a\tb\nc"), Cow::Borrowed("a\tb\nc"));
        assert_eq!(
            make_visible("\0\r\u{b}\u{c}\u{7f}\u{85}"),
            "\u{fffd}\u{240d}\u{240b}\u{240c}\u{2421}\u{fffd}"
        );
        for c in (0..=0x10ffff).filter_map(char::from_u32) {
            let shown = make_visible(c.encode_utf8(&mut [0; 4])).into_owned();
            if is_hidden_control(c) {
                assert!(
                    !shown.chars().any(|s| s.is_control()),
                    "{c:?} became {shown:?}"
                );
            } else {
                assert_eq!(shown, c.to_string(), "{c:?} changed");
            }
        }
        // Every control character Rust knows is hidden, except tab and line feed.
        for c in (0..=0x10ffff)
            .filter_map(char::from_u32)
            .filter(|c| c.is_control())
        {
            assert_eq!(is_hidden_control(c), !matches!(c, '\t' | '\n'), "{c:?}");
        }
    }
}
