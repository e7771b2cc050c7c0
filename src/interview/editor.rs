//! Writing a long answer in the user's own editor.
//!
//! The editor gets a temporary Markdown file holding the answer so far, and
//! below a cut line the question and its guidance, as `git commit` does.
//! Everything from the cut line on is dropped when the editor exits.

use std::io;
use std::path::Path;
use std::process::Command;

const CUT_LINE: &str = "# ------------------------ >8 ------------------------";

/// The editor to run: `$VISUAL`, then `$EDITOR`, then the first of a few
/// common ones found on `PATH`. `None` when there is none; the interview then
/// keeps to its inline prompt.
pub fn command() -> Option<String> {
    for var in ["VISUAL", "EDITOR"] {
        if let Some(value) = std::env::var_os(var) {
            let value = value.to_string_lossy().trim().to_string();
            if !value.is_empty() {
                return Some(value);
            }
        }
    }
    ["nano", "vim", "vi"]
        .into_iter()
        .find(|name| on_path(name))
        .map(str::to_string)
}

fn on_path(name: &str) -> bool {
    std::env::var_os("PATH").is_some_and(|paths| {
        std::env::split_paths(&paths).any(|dir| is_executable(&dir.join(name)))
    })
}

#[cfg(unix)]
fn is_executable(path: &Path) -> bool {
    use std::os::unix::fs::PermissionsExt;
    std::fs::metadata(path).is_ok_and(|m| m.is_file() && m.permissions().mode() & 0o111 != 0)
}

#[cfg(not(unix))]
fn is_executable(path: &Path) -> bool {
    path.with_extension("exe").is_file() || path.is_file()
}

/// The file the editor opens: the answer, then the cut line and `notes`.
pub fn file_text(answer: &str, notes: &str) -> String {
    let mut text = answer.trim_end().to_string();
    text.push_str("\n\n");
    text.push_str(CUT_LINE);
    text.push_str("\n# Do not modify or remove the line above; everything below it is ignored.\n");
    for line in notes.lines() {
        text.push_str("# ");
        text.push_str(line);
        text.push('\n');
    }
    text
}

/// The answer in the text the editor saved: everything above the cut line,
/// without surrounding blank lines.
pub fn answer_in(text: &str) -> String {
    let kept = match text.find(CUT_LINE) {
        Some(i) => &text[..i],
        None => text,
    };
    let kept = kept.replace("\r\n", "\n");
    kept.trim_matches(|c| c == '\n' || c == ' ' || c == '\t' || c == '\r')
        .to_string()
}

/// Opens `editor` on the answer so far and returns what it saved.
pub fn edit(editor: &str, answer: &str, notes: &str) -> io::Result<String> {
    let file = tempfile::Builder::new()
        .prefix("mrd-answer-")
        .suffix(".md")
        .tempfile()?;
    std::fs::write(file.path(), file_text(answer, notes))?;
    let status = shell_command(editor, file.path()).status().map_err(|err| {
        io::Error::new(
            err.kind(),
            format!("cannot run the editor `{editor}`: {err}"),
        )
    })?;
    if !status.success() {
        return Err(io::Error::other(format!(
            "the editor `{editor}` exited with {status}; the answer was not changed"
        )));
    }
    Ok(answer_in(&std::fs::read_to_string(file.path())?))
}

/// `$EDITOR` may carry arguments (`code --wait`), so it goes through the
/// shell, with the file as a separate argument that needs no quoting.
#[cfg(unix)]
fn shell_command(editor: &str, file: &Path) -> Command {
    let mut cmd = Command::new("sh");
    cmd.arg("-c")
        .arg(format!("{editor} \"$@\""))
        .arg(editor)
        .arg(file);
    cmd
}

#[cfg(not(unix))]
fn shell_command(editor: &str, file: &Path) -> Command {
    let mut parts = editor.split_whitespace();
    let mut cmd = Command::new(parts.next().unwrap_or("notepad"));
    cmd.args(parts).arg(file);
    cmd
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_notes_below_the_cut_line_are_dropped() {
        let text = file_text(
            "First paragraph.\n\nSecond.",
            "Question 1 of 10\nDescribe the problem.",
        );
        assert!(text.contains("# Describe the problem."));
        let edited = text.replace("Second.", "Second, revised.");
        assert_eq!(answer_in(&edited), "First paragraph.\n\nSecond, revised.");
    }

    #[test]
    fn a_file_without_the_cut_line_is_the_answer() {
        assert_eq!(
            answer_in("\n\nOnly text.\r\nMore.\n\n"),
            "Only text.\nMore."
        );
    }
}
