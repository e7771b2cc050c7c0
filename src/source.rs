//! A file's text as read from disk, and the facts needed to point into it.
//!
//! Positions everywhere in `mrd` are in the coordinates of this text: the UTF-8
//! byte-order mark, if any, is removed before anything else looks at it (and
//! restored when the file is rewritten).

use std::fmt;
use std::io::{self, Read};
use std::path::{Path, PathBuf};

const BOM: &str = "\u{feff}";

#[derive(Clone, Debug)]
pub struct Source {
    /// The path as the user gave it, or `<stdin>`; used in every message.
    pub name: String,
    pub path: Option<PathBuf>,
    /// The text without its byte-order mark.
    pub text: String,
    pub bom: bool,
}

#[derive(Debug)]
pub enum ReadError {
    Io(io::Error),
    /// Not UTF-8: where the first bad byte is, so the user can find it.
    NotUtf8 {
        line: u32,
        column: u32,
    },
}

impl fmt::Display for ReadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ReadError::Io(err) => write!(f, "{err}"),
            ReadError::NotUtf8 { .. } => f.write_str("the file is not valid UTF-8 text"),
        }
    }
}

impl Source {
    pub fn from_text(name: impl Into<String>, text: impl Into<String>) -> Source {
        let mut text = text.into();
        let bom = text.starts_with(BOM);
        if bom {
            text.drain(..BOM.len());
        }
        Source {
            name: name.into(),
            path: None,
            text,
            bom,
        }
    }

    pub fn read(path: &Path) -> Result<Source, ReadError> {
        let bytes = std::fs::read(path).map_err(ReadError::Io)?;
        let mut source = Source::from_bytes(path.display().to_string(), bytes)?;
        source.path = Some(path.to_path_buf());
        Ok(source)
    }

    pub fn read_stdin() -> Result<Source, ReadError> {
        let mut bytes = Vec::new();
        io::stdin().read_to_end(&mut bytes).map_err(ReadError::Io)?;
        Source::from_bytes("<stdin>".to_string(), bytes)
    }

    pub fn from_bytes(name: String, bytes: Vec<u8>) -> Result<Source, ReadError> {
        match String::from_utf8(bytes) {
            Ok(text) => Ok(Source::from_text(name, text)),
            Err(err) => {
                let bytes = err.as_bytes();
                let valid = &bytes[..err.utf8_error().valid_up_to()];
                // `valid` is UTF-8 by definition of valid_up_to.
                let before = std::str::from_utf8(valid).unwrap_or_default();
                let (line, column) = line_column(before, before.len());
                Err(ReadError::NotUtf8 { line, column })
            }
        }
    }
}

/// The 1-based line and character column of a byte offset.
pub fn line_column(text: &str, offset: usize) -> (u32, u32) {
    let offset = offset.min(text.len());
    let before = &text[..offset];
    let line = before.matches('\n').count() as u32 + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let column = before[line_start..].chars().count() as u32 + 1;
    (line, column)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strips_and_remembers_the_byte_order_mark() {
        let source = Source::from_text("a.md", "\u{feff}---\n");
        assert!(source.bom);
        assert_eq!(source.text, "---\n");
    }

    #[test]
    fn locates_the_first_invalid_byte() {
        let err = Source::from_bytes("x".into(), b"ok\nab\xffcd".to_vec()).unwrap_err();
        assert!(matches!(err, ReadError::NotUtf8 { line: 2, column: 3 }));
    }

    #[test]
    fn columns_count_characters() {
        assert_eq!(line_column("é\nüx", 5), (2, 2));
    }
}
