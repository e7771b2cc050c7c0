//! Splitting a Markdown file into its YAML front-matter and its body.
//!
//! The body is returned as a slice of the original text, so whatever a user
//! wrote below the closing fence survives a rewrite byte for byte.

/// The parts of a file with front-matter, as slices of its text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Split<'a> {
    /// The YAML between the fences.
    pub yaml: &'a str,
    /// Byte offset of the YAML in the file's text.
    pub yaml_offset: usize,
    /// Everything after the closing fence's line ending.
    pub body: &'a str,
    /// Whether the front-matter uses CRLF line endings, so a rewrite keeps them.
    pub crlf: bool,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SplitError {
    /// The file does not start with a `---` line.
    Missing,
    /// The opening `---` is never followed by a closing one.
    Unclosed,
}

fn is_fence(line: &str, closing: bool) -> bool {
    let line = line.trim_end_matches(['\n', '\r', ' ', '\t']);
    line == "---" || (closing && line == "...")
}

/// Splits `text` (already without a byte-order mark).
pub fn split(text: &str) -> Result<Split<'_>, SplitError> {
    let first_end = text.find('\n').map_or(text.len(), |i| i + 1);
    if !is_fence(&text[..first_end], false) {
        return Err(SplitError::Missing);
    }
    let crlf = text[..first_end].ends_with("\r\n");
    let yaml_offset = first_end;
    let mut line_start = first_end;
    while line_start < text.len() {
        let line_end = memchr::memchr(b'\n', &text.as_bytes()[line_start..])
            .map_or(text.len(), |i| line_start + i + 1);
        // Only a line starting `-` or `.` can be a fence.
        let first = text.as_bytes()[line_start];
        if matches!(first, b'-' | b'.') && is_fence(&text[line_start..line_end], true) {
            return Ok(Split {
                yaml: &text[yaml_offset..line_start],
                yaml_offset,
                body: &text[line_end..],
                crlf,
            });
        }
        line_start = line_end;
    }
    Err(SplitError::Unclosed)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_yaml_from_body() {
        let split = split("---\ntitle: x\n---\n## Notes\nhi\n").unwrap();
        assert_eq!(split.yaml, "title: x\n");
        assert_eq!(split.yaml_offset, 4);
        assert_eq!(split.body, "## Notes\nhi\n");
        assert!(!split.crlf);
    }

    #[test]
    fn accepts_crlf_and_the_yaml_end_marker() {
        let split = split("---\r\ntitle: x\r\n...\r\nbody\r\n").unwrap();
        assert_eq!(split.yaml, "title: x\r\n");
        assert_eq!(split.body, "body\r\n");
        assert!(split.crlf);
    }

    #[test]
    fn a_closing_fence_at_the_end_of_the_file_leaves_an_empty_body() {
        assert_eq!(split("---\na: 1\n---").unwrap().body, "");
    }

    #[test]
    fn reports_missing_and_unclosed_front_matter() {
        assert_eq!(split("# Title\n"), Err(SplitError::Missing));
        assert_eq!(split(""), Err(SplitError::Missing));
        assert_eq!(split("---\ntitle: x\n"), Err(SplitError::Unclosed));
        // A horizontal rule later in the body is not front-matter.
        assert_eq!(split("text\n---\n"), Err(SplitError::Missing));
    }
}
