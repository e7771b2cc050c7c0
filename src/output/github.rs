//! `--format github`: GitHub Actions workflow commands, which GitHub shows as
//! annotations on the pull request's diff.
//!
//! `::error file=F,line=L,col=C,title=T::message`, escaped as the Actions
//! toolkit does: `%`, CR and LF everywhere, and `:` and `,` in properties.

use std::io::{self, Write};

use super::{Emitter, FileReport, Totals, message_with_help};

pub struct Github;

/// Escapes a command's message.
pub fn escape_data(text: &str) -> String {
    text.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// Escapes a command's property value.
pub fn escape_property(text: &str) -> String {
    escape_data(text).replace(':', "%3A").replace(',', "%2C")
}

impl Emitter for Github {
    fn file(&mut self, out: &mut dyn Write, report: &FileReport<'_>) -> io::Result<()> {
        for (d, at) in report.located() {
            writeln!(
                out,
                "::{} file={},line={},col={},title={}::{}",
                d.level.as_str(),
                escape_property(&d.file),
                at.line,
                at.column,
                escape_property(&format!("{} {}", d.code(), d.id.name())),
                escape_data(&message_with_help(d))
            )?;
        }
        Ok(())
    }

    fn finish(&mut self, _out: &mut dyn Write, _totals: &Totals) -> io::Result<()> {
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_as_the_actions_toolkit_does() {
        assert_eq!(escape_data("50%\nnext\r"), "50%25%0Anext%0D");
        assert_eq!(escape_property("a:b,c%"), "a%3Ab%2Cc%25");
    }
}
