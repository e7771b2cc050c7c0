//! `--format sarif`: SARIF 2.1.0, read by GitHub code scanning and most
//! security dashboards. Every rule is described in `tool.driver.rules`
//! up front, with a `helpUri` to its documentation, so results can be
//! written as files are linted.
//!
//! Paths are relative to the repository root and say so with `uriBaseId`
//! `%SRCROOT%`, which each consumer resolves to its own checkout; the report
//! never names the directory it was made in. Each result carries its
//! fingerprint (`partialFingerprints`, see [`super::fingerprint`]).
//!
//! Columns count Unicode characters, as everywhere in `mrd`; the run says so
//! with `columnKind: unicodeCodePoints` (SARIF's default is UTF-16 units).

use std::io::{self, Write};

use serde_json::json;

use super::{Emitter, FileReport, JsonArray, Totals, message_with_help, path_uri};
use crate::diagnostic::rules::{PROJECT_URL, RULES};

pub const SCHEMA: &str = "https://json.schemastore.org/sarif-2.1.0.json";

/// The base every result's `uri` is relative to: the repository root.
pub const URI_BASE_ID: &str = "%SRCROOT%";

/// The name of mrd's fingerprint in `partialFingerprints`; the version
/// changes if the scheme ever does.
pub const FINGERPRINT_NAME: &str = "mrdFinding/v1";

/// Where a file is: relative to `%SRCROOT%`, or, for a file outside the
/// repository (shown absolute), its `file:` URI.
fn artifact_location(file: &str) -> serde_json::Value {
    if std::path::Path::new(file).is_absolute() {
        json!({"uri": format!("file://{}", path_uri(file))})
    } else {
        json!({"uri": path_uri(file), "uriBaseId": URI_BASE_ID})
    }
}

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
                    "helpUri": rule.docs_url(),
                    "defaultConfiguration": {"level": rule.level.as_str()},
                })
            })
            .collect();
        let driver = json!({
            "name": "mrd",
            "version": env!("CARGO_PKG_VERSION"),
            "informationUri": PROJECT_URL,
            "rules": rules,
        });
        write!(
            out,
            "{{\"$schema\":\"{SCHEMA}\",\"version\":\"2.1.0\",\"runs\":[{{\"tool\":{{\"driver\":{driver}}},\"columnKind\":\"unicodeCodePoints\",\"results\":["
        )
    }

    fn file(&mut self, out: &mut dyn Write, report: &FileReport<'_>) -> io::Result<()> {
        for (d, at, fingerprint) in report.fingerprinted() {
            let mut value = json!({
                "ruleId": d.code(),
                "level": d.level.as_str(),
                "message": {"text": message_with_help(d)},
                "locations": [{
                    "physicalLocation": {
                        "artifactLocation": artifact_location(&d.file),
                        "region": {"startLine": at.line, "startColumn": at.column},
                    }
                }],
                "partialFingerprints": {FINGERPRINT_NAME: fingerprint},
                // What the finding is about, for tools that act on one
                // answer (an editor, a bot) without parsing the message.
                "properties": {"subject": d.subject},
            });
            // Only a rule's finding has a rule to point at; SARIF forbids
            // a ruleIndex that names no rule.
            if let Some(index) = RULES.iter().position(|r| r.code == d.code()) {
                value["ruleIndex"] = index.into();
            }
            self.results.item(out, &value)?;
        }
        Ok(())
    }

    fn finish(&mut self, out: &mut dyn Write, _totals: &Totals) -> io::Result<()> {
        writeln!(out, "\n]}}]}}")
    }
}
