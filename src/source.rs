//! A file's text as read from disk, and the facts needed to point into it.
//!
//! Positions everywhere in `mrd` are byte spans ([`Pos`]) in this text: the
//! UTF-8 byte-order mark, if any, is removed before anything else looks at it
//! (and restored when the file is rewritten). Lines and columns are computed
//! only when a position is printed, through the file's [`LineIndex`].

mod line_index;

use std::fmt;
use std::io::{self, Read};
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

pub use line_index::{LineColumn, LineIndex};

const BOM: &str = "\u{feff}";

/// A span of a file's text, in bytes: where a key, a value or a problem is.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Pos {
    /// The first byte.
    pub offset: usize,
    /// How many bytes; 0 for a point (the place something is missing).
    pub len: usize,
}

impl Pos {
    /// The start of a file: where findings about a whole file point.
    pub const START: Pos = Pos { offset: 0, len: 0 };

    pub const fn new(offset: usize, len: usize) -> Pos {
        Pos { offset, len }
    }

    /// The byte after the span.
    pub const fn end(self) -> usize {
        self.offset + self.len
    }
}

#[derive(Clone, Debug)]
pub struct Source {
    /// The path as every report shows it (`crate::paths::display`), or
    /// `<stdin>`; used in every message.
    pub name: String,
    pub path: Option<PathBuf>,
    /// The text without its byte-order mark.
    pub text: String,
    pub bom: bool,
    /// Built the first time a position is printed.
    index: OnceLock<LineIndex>,
}

#[derive(Debug)]
pub enum ReadError {
    Io(io::Error),
    /// Not UTF-8: where the first bad byte is, so the user can find it.
    NotUtf8 {
        /// The byte offset of the first bad byte (after a byte-order mark).
        offset: usize,
        /// The text with bad bytes replaced (U+FFFD): identical to the file
        /// up to `offset`, so it can show the line the bad byte is on.
        lossy: String,
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

impl ReadError {
    /// Where the problem is in the file, when it is in the file.
    pub fn pos(&self) -> Option<Pos> {
        match self {
            ReadError::NotUtf8 { offset, .. } => Some(Pos::new(*offset, 1)),
            ReadError::Io(_) => None,
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
            index: OnceLock::new(),
        }
    }

    /// The file's line index, built on first use.
    pub fn index(&self) -> &LineIndex {
        self.index.get_or_init(|| LineIndex::new(&self.text))
    }

    /// The 1-based line and character column of a byte offset.
    pub fn line_column(&self, offset: usize) -> LineColumn {
        self.index().line_column(offset, &self.text)
    }

    /// Reads a regular file. Anything else named like one (a FIFO, a
    /// device, a socket) is refused before it is opened: opening a FIFO
    /// with no writer would wait for ever.
    pub fn read(path: &Path) -> Result<Source, ReadError> {
        let mut file = open(path).map_err(ReadError::Io)?;
        let metadata = file.metadata().map_err(ReadError::Io)?;
        if !metadata.is_file() {
            return Err(ReadError::Io(io::Error::new(
                io::ErrorKind::InvalidInput,
                not_a_regular_file(&metadata),
            )));
        }
        let mut bytes = Vec::with_capacity(metadata.len() as usize);
        file.read_to_end(&mut bytes).map_err(ReadError::Io)?;
        let mut source = Source::from_bytes(crate::paths::display(path), bytes)?;
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
                let mut offset = err.utf8_error().valid_up_to();
                let mut lossy = String::from_utf8_lossy(bytes).into_owned();
                if lossy.starts_with(BOM) {
                    lossy.drain(..BOM.len());
                    offset = offset.saturating_sub(BOM.len());
                }
                Err(ReadError::NotUtf8 { offset, lossy })
            }
        }
    }
}

/// Opens a file for reading without waiting: a FIFO opened for reading
/// waits for a writer, so it is opened non-blocking (which changes nothing
/// for a regular file) and refused once its type is known. Costs no more
/// system calls than `std::fs::read`.
fn open(path: &Path) -> io::Result<std::fs::File> {
    let mut options = std::fs::OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.custom_flags(libc::O_NONBLOCK);
    }
    options.open(path)
}

/// Why a path that is not a regular file cannot be read as one.
pub fn not_a_regular_file(metadata: &std::fs::Metadata) -> String {
    let kind = if metadata.is_dir() {
        "a directory"
    } else {
        #[cfg(unix)]
        {
            use std::os::unix::fs::FileTypeExt;
            let t = metadata.file_type();
            if t.is_fifo() {
                "a named pipe (FIFO)"
            } else if t.is_socket() {
                "a socket"
            } else if t.is_block_device() || t.is_char_device() {
                "a device"
            } else {
                "not a regular file"
            }
        }
        #[cfg(not(unix))]
        "not a regular file"
    };
    format!("this is {kind}, not a file mrd can read; name a Markdown file or a directory")
}

/// The 1-based line and character column of a byte offset in a text read
/// once; a text read for many positions keeps a [`LineIndex`] instead.
pub fn line_column(text: &str, offset: usize) -> (u32, u32) {
    let position = LineIndex::new(text).line_column(offset, text);
    (position.line, position.column)
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
        let err = Source::from_bytes("x".into(), b"\xef\xbb\xbfok\nab\xffcd".to_vec()).unwrap_err();
        let ReadError::NotUtf8 { offset, lossy } = err else {
            panic!("{err:?}")
        };
        assert_eq!(offset, 5);
        assert_eq!(line_column(&lossy, offset), (2, 3));
    }

    #[test]
    fn columns_count_characters() {
        assert_eq!(line_column("é\nüx", 5), (2, 2));
    }
}
