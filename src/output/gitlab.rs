//! `--format gitlab`: a GitLab Code Quality report (a JSON array in the Code
//! Climate format), which GitLab shows in merge requests.
//!
//! The fingerprint identifies a finding across runs: it hashes the path, the
//! rule, the message and how many identical findings came before in the file,
//! but not the line, so editing above a finding does not make GitLab see it
//! as fixed and introduced again.

use std::collections::HashMap;
use std::io::{self, Write};

use serde_json::json;

use super::{Emitter, FileReport, JsonArray, Totals};
use crate::diagnostic::{Diagnostic, Level};

#[derive(Default)]
pub struct Gitlab {
    items: JsonArray,
}

/// FNV-1a, 64 bits: small, fast, and stable across versions and platforms
/// (unlike `std`'s hasher), which a fingerprint must be.
fn fnv1a(seed: u64, parts: &[&[u8]]) -> u64 {
    let mut hash = 0xcbf2_9ce4_8422_2325 ^ seed;
    for part in parts {
        for &byte in *part {
            hash ^= u64::from(byte);
            hash = hash.wrapping_mul(0x0100_0000_01b3);
        }
        hash ^= 0xff;
        hash = hash.wrapping_mul(0x0100_0000_01b3);
    }
    hash
}

/// 128 bits of fingerprint as 32 hex digits.
pub fn fingerprint(d: &Diagnostic, occurrence: usize) -> String {
    let occurrence = occurrence.to_string();
    let parts: [&[u8]; 4] = [
        d.file.as_bytes(),
        d.code().as_bytes(),
        d.message.as_bytes(),
        occurrence.as_bytes(),
    ];
    format!(
        "{:016x}{:016x}",
        fnv1a(0, &parts),
        fnv1a(0x9e37_79b9_7f4a_7c15, &parts)
    )
}

impl Emitter for Gitlab {
    fn begin(&mut self, out: &mut dyn Write) -> io::Result<()> {
        out.write_all(b"[")
    }

    fn file(&mut self, out: &mut dyn Write, report: &FileReport<'_>) -> io::Result<()> {
        let mut seen: HashMap<(&str, &str), usize> = HashMap::new();
        for (d, at) in report.located() {
            let occurrence = seen.entry((d.code(), d.message.as_str())).or_default();
            *occurrence += 1;
            let mut description = format!("{} ({})", d.message, d.id.name());
            if let Some(help) = &d.help {
                description.push_str(". Help: ");
                description.push_str(help);
            }
            let value = json!({
                "type": "issue",
                "description": description,
                "check_name": d.code(),
                "fingerprint": fingerprint(d, *occurrence),
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
