//! `--format junit`: JUnit XML, one test case per file, which most CI
//! systems show as a test report. A file with errors fails; warnings are in
//! its `system-out`. The header carries the totals, so this format keeps one
//! line per finding until the end.

use std::io::{self, Write};

use super::{Emitter, FileReport, Totals};
use crate::diagnostic::Level;
use crate::text::{Markup, escape_markup};

#[derive(Default)]
pub struct Junit {
    cases: Vec<Case>,
    /// Index of each file's case, for findings reported at the end.
    index: std::collections::HashMap<String, usize>,
}

struct Case {
    name: String,
    errors: Vec<String>,
    warnings: Vec<String>,
}

/// Escapes text for XML content and attribute values, dropping characters
/// XML 1.0 cannot hold (see [`Markup::Xml`]).
pub fn escape(text: &str) -> String {
    escape_markup(text, Markup::Xml)
}

impl Emitter for Junit {
    fn file(&mut self, _out: &mut dyn Write, report: &FileReport<'_>) -> io::Result<()> {
        let i = *self
            .index
            .entry(report.name.to_string())
            .or_insert_with(|| {
                self.cases.push(Case {
                    name: report.name.to_string(),
                    errors: Vec::new(),
                    warnings: Vec::new(),
                });
                self.cases.len() - 1
            });
        let case = &mut self.cases[i];
        for (d, at) in report.located() {
            let line = super::human::one_line(d, at);
            match d.level {
                Level::Error => case.errors.push(line),
                Level::Warning => case.warnings.push(line),
            }
        }
        Ok(())
    }

    fn finish(&mut self, out: &mut dyn Write, _totals: &Totals) -> io::Result<()> {
        let failures = self.cases.iter().filter(|c| !c.errors.is_empty()).count();
        let tests = self.cases.len();
        writeln!(out, r#"<?xml version="1.0" encoding="UTF-8"?>"#)?;
        writeln!(
            out,
            r#"<testsuites name="mrd lint" tests="{tests}" failures="{failures}" errors="0">"#
        )?;
        writeln!(
            out,
            r#"  <testsuite name="mrd lint" tests="{tests}" failures="{failures}" errors="0" skipped="0">"#
        )?;
        for case in &self.cases {
            let name = escape(&case.name);
            write!(
                out,
                r#"    <testcase name="{name}" classname="mrd.lint" file="{name}""#
            )?;
            if case.errors.is_empty() && case.warnings.is_empty() {
                writeln!(out, "/>")?;
                continue;
            }
            writeln!(out, ">")?;
            if let Some(first) = case.errors.first() {
                let message = first.lines().next().unwrap_or_default();
                writeln!(
                    out,
                    r#"      <failure message="{}" type="lint">{}</failure>"#,
                    escape(message),
                    escape(&case.errors.join("\n"))
                )?;
            }
            if !case.warnings.is_empty() {
                writeln!(
                    out,
                    "      <system-out>{}</system-out>",
                    escape(&case.warnings.join("\n"))
                )?;
            }
            writeln!(out, "    </testcase>")?;
        }
        writeln!(out, "  </testsuite>")?;
        writeln!(out, "</testsuites>")?;
        Ok(())
    }
}
