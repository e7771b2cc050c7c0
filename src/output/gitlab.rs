//! `--format gitlab`: a GitLab Code Quality report (a JSON array in the Code
//! Climate format), which GitLab shows in merge requests.
//!
//! Paths are relative to the repository root, as GitLab needs to attach a
//! finding to a merge request's diff. The fingerprint identifies a finding
//! across runs and checkouts ([`super::fingerprint`] says what it hashes),
//! so editing above a finding, rewording a message or moving the checkout
//! does not make GitLab see it as fixed and introduced again.

use std::io::{self, Write};

use serde_json::json;

use super::{Emitter, FileReport, JsonArray, Totals};
use crate::diagnostic::Level;

#[derive(Default)]
pub struct Gitlab {
    items: JsonArray,
}

impl Emitter for Gitlab {
    fn begin(&mut self, out: &mut dyn Write) -> io::Result<()> {
        out.write_all(b"[")
    }

    fn file(&mut self, out: &mut dyn Write, report: &FileReport<'_>) -> io::Result<()> {
        for (d, at, fingerprint) in report.fingerprinted() {
            let mut description = format!("{} ({})", d.message, d.id.name());
            if let Some(help) = &d.help {
                description.push_str(". Help: ");
                description.push_str(help);
            }
            let value = json!({
                "type": "issue",
                "description": description,
                "check_name": d.code(),
                "fingerprint": fingerprint,
                "severity": match d.level { Level::Error => "major", Level::Warning => "minor" },
                "location": {"path": d.file, "lines": {"begin": at.line}},
            });
            self.items.item(out, &value)?;
        }
        Ok(())
    }

    fn finish(&mut self, out: &mut dyn Write, _totals: &Totals) -> io::Result<()> {
        writeln!(out, "\n]")
    }
}
