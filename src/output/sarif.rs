//! `--format sarif`: SARIF 2.1.0, read by GitHub code scanning and most
//! security dashboards. Every rule is described in `tool.driver.rules`
//! up front, so results can be written as files are linted.
//!
//! Columns count Unicode characters, as everywhere in `mrd`; the run says so
//! with `columnKind: unicodeCodePoints` (SARIF's default is UTF-16 units).

use std::io::{self, Write};

use serde_json::json;

use super::{Emitter, FileReport, Totals, path_uri};
use crate::diagnostic::Level;
use crate::lint::rules::RULES;

pub const SCHEMA: &str = "https://json.schemastore.org/sarif-2.1.0.json";

#[derive(Default)]
pub struct Sarif {
    first: bool,
}

fn sarif_level(level: Level) -> &'static str {
    match level {
        Level::Error => "error",
        Level::Warning => "warning",
    }
}

impl Emitter for Sarif {
    fn begin(&mut self, out: &mut dyn Write) -> io::Result<()> {
        self.first = true;
        let rules: Vec<_> = RULES
            .iter()
            .map(|rule| {
                json!({
                    "id": rule.code,
                    "name": rule.name,
                    "shortDescription": {"text": rule.summary},
                    "fullDescription": {"text": rule.why},
                    "help": {"text": format!("{}\n\nInstead:\n{}", rule.summary, rule.instead)},
                    "defaultConfiguration": {"level": sarif_level(rule.level)},
                })
            })
            .collect();
        let driver = json!({
            "name": "mrd",
            "version": env!("CARGO_PKG_VERSION"),
            "rules": rules,
        });
        write!(
            out,
            "{{\"$schema\":\"{SCHEMA}\",\"version\":\"2.1.0\",\"runs\":[{{\"tool\":{{\"driver\":{driver}}},\"columnKind\":\"unicodeCodePoints\",\"results\":["
        )
    }

    fn file(&mut self, out: &mut dyn Write, report: &FileReport<'_>) -> io::Result<()> {
        for d in report.diagnostics {
            let index = RULES
                .iter()
                .position(|r| r.code == d.rule.code)
                .unwrap_or(0);
            let mut message = d.message.clone();
            if let Some(help) = &d.help {
                message.push_str("\nhelp: ");
                message.push_str(help);
            }
            let value = json!({
                "ruleId": d.rule.code,
                "ruleIndex": index,
                "level": sarif_level(d.level),
                "message": {"text": message},
                "locations": [{
                    "physicalLocation": {
                        "artifactLocation": {"uri": path_uri(&d.file)},
                        "region": {"startLine": d.pos.line, "startColumn": d.pos.column},
                    }
                }],
            });
            out.write_all(if self.first { b"\n" } else { b",\n" })?;
            self.first = false;
            serde_json::to_writer(&mut *out, &value)?;
        }
        Ok(())
    }

    fn finish(&mut self, out: &mut dyn Write, _totals: &Totals) -> io::Result<()> {
        writeln!(out, "\n]}}]}}")
    }
}
