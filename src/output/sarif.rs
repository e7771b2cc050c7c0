//! `--format sarif`: SARIF 2.1.0, read by GitHub code scanning and most
//! security dashboards. Every rule is described in `tool.driver.rules`
//! up front, so results can be written as files are linted.
//!
//! Columns count Unicode characters, as everywhere in `mrd`; the run says so
//! with `columnKind: unicodeCodePoints` (SARIF's default is UTF-16 units).

use std::io::{self, Write};

use serde_json::json;

use super::{Emitter, FileReport, JsonArray, Totals, message_with_help, path_uri};
use crate::diagnostic::rules::RULES;

pub const SCHEMA: &str = "https://json.schemastore.org/sarif-2.1.0.json";

#[derive(Default)]
pub struct Sarif {
    results: JsonArray,
}

impl Emitter for Sarif {
    fn begin(&mut self, out: &mut dyn Write) -> io::Result<()> {
        let rules: Vec<_> = RULES
            .iter()
            .map(|rule| {
                json!({
                    "id": rule.code,
                    "name": rule.name,
                    "shortDescription": {"text": rule.summary},
                    "fullDescription": {"text": rule.why},
                    "help": {"text": format!("{}\n\nInstead:\n{}", rule.summary, rule.instead)},
                    "defaultConfiguration": {"level": rule.level.as_str()},
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
        for (d, at) in report.located() {
            let index = RULES.iter().position(|r| r.code == d.code()).unwrap_or(0);
            let value = json!({
                "ruleId": d.code(),
                "ruleIndex": index,
                "level": d.level.as_str(),
                "message": {"text": message_with_help(d)},
                "locations": [{
                    "physicalLocation": {
                        "artifactLocation": {"uri": path_uri(&d.file)},
                        "region": {"startLine": at.line, "startColumn": at.column},
                    }
                }],
                // What the finding is about, for tools that act on one
                // answer (an editor, a bot) without parsing the message.
                "properties": {"subject": d.subject},
            });
            self.results.item(out, &value)?;
        }
        Ok(())
    }

    fn finish(&mut self, out: &mut dyn Write, _totals: &Totals) -> io::Result<()> {
        writeln!(out, "\n]}}]}}")
    }
}
