//! What identifies a finding from one run to the next, for the tools that
//! track findings across commits: GitLab Code Quality's `fingerprint` and
//! SARIF's `partialFingerprints`. A finding keeps its fingerprint while it
//! stays unfixed, so a merge request shows it as neither fixed nor new.
//!
//! The fingerprint hashes, in order:
//! 1. the file's path as reports show it ([`crate::paths::display`]):
//!    relative to the repository root, so it is the same in every checkout
//!    directory and however the path was typed;
//! 2. the rule's code (or the kind of problem: `config`, `io`, …);
//! 3. the finding's subject (`answer:problem`, `title`, `file`, …);
//! 4. the offending text: the text the finding points at, with runs of
//!    white space made one space, so re-indenting or a CRLF checkout does not
//!    change it. A rule that judges its subject as a whole (an answer too
//!    short, a missing rationale, see [`crate::diagnostic::Rule::whole_subject`]) has no
//!    offending text beyond the subject: editing a short answer that stays
//!    short keeps its fingerprint;
//! 5. how many findings before it in the file had the same four parts, so
//!    that two alike (the same unknown key twice) stay distinct.
//!
//! Never the message (its wording changes between versions, and some carry
//! counts, as the short answer's word count), nor the line or column
//! (editing above a finding moves it, without fixing it).

use std::collections::HashMap;

use crate::diagnostic::{Diagnostic, RecommendationPart, Subject};
use crate::source::Source;

/// The fingerprint of each of a file's diagnostics, in order; `source` is
/// the file's text, when it could be read.
pub fn fingerprints(source: Option<&Source>, diagnostics: &[Diagnostic]) -> Vec<String> {
    let mut seen: HashMap<[u8; 16], usize> = HashMap::new();
    diagnostics
        .iter()
        .map(|d| {
            let text = offending_text(source, d);
            let subject = subject_key(&d.subject);
            let kind = d.id.code().unwrap_or_else(|| d.id.name());
            let parts: [&[u8]; 4] = [
                d.file.as_bytes(),
                kind.as_bytes(),
                subject.as_bytes(),
                text.as_bytes(),
            ];
            let finding = hash128(&parts);
            let occurrence = seen.entry(finding).or_default();
            *occurrence += 1;
            let occurrence = occurrence.to_string();
            hex(hash128(&[&finding, occurrence.as_bytes()]))
        })
        .collect()
}

/// The subject as a short stable text.
fn subject_key(subject: &Subject) -> String {
    match subject {
        Subject::File => "file".into(),
        Subject::Title => "title".into(),
        Subject::Answer(key) => format!("answer:{key}"),
        Subject::Confidence(key) => format!("confidence:{key}"),
        Subject::Recommendation(part) => format!(
            "recommendation:{}",
            match part {
                RecommendationPart::Block => "block",
                RecommendationPart::Decision => "decision",
                RecommendationPart::Rationale => "rationale",
                RecommendationPart::Conditions => "conditions",
            }
        ),
    }
}

/// The text a finding points at, white space collapsed; empty for a rule
/// that judges its subject as a whole, a finding with no span, or a span
/// the text does not hold (a file that was not UTF-8).
fn offending_text(source: Option<&Source>, d: &Diagnostic) -> String {
    if d.id.rule().is_some_and(|rule| rule.whole_subject) {
        return String::new();
    }
    let (Some(source), Some(span)) = (source, d.span) else {
        return String::new();
    };
    let text = source.text.get(span.offset..span.end()).unwrap_or_default();
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// 128 bits of FNV-1a (two 64-bit hashes with different seeds): small and,
/// unlike `std`'s hasher, the same on every version and platform, which a
/// fingerprint must be. Parts are separated so that `ab`,`c` and `a`,`bc`
/// differ.
fn hash128(parts: &[&[u8]]) -> [u8; 16] {
    let mut out = [0; 16];
    out[..8].copy_from_slice(&fnv1a(0, parts).to_be_bytes());
    out[8..].copy_from_slice(&fnv1a(0x9e37_79b9_7f4a_7c15, parts).to_be_bytes());
    out
}

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

fn hex(bytes: [u8; 16]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostic::rules::{SHORT_ANSWER, UNKNOWN_KEY};
    use crate::source::Pos;

    fn short(source: &Source, message: &str) -> Diagnostic {
        let at = source.text.find("fix it").unwrap();
        Diagnostic::rule(&SHORT_ANSWER, Pos::new(at, source.text.len() - at), message)
            .about(Subject::Answer("problem".into()))
            .in_file("assessments/x.md")
    }

    #[test]
    fn whole_subject_findings_ignore_the_text_and_the_message() {
        let before = Source::from_text("x", "problem: fix it\n");
        let after = Source::from_text("x", "problem: fix it now\n");
        assert_eq!(
            fingerprints(Some(&before), &[short(&before, "has 2 words")]),
            fingerprints(Some(&after), &[short(&after, "has 3 words")]),
        );
    }

    #[test]
    fn the_offending_text_the_path_and_the_order_of_alike_findings_count() {
        let source = Source::from_text("x", "  foo: 1\nbar: 2\nfoo: 3\n");
        let key = |at: usize| {
            Diagnostic::rule(&UNKNOWN_KEY, Pos::new(at, 3), "unknown").in_file("assessments/x.md")
        };
        let found = fingerprints(Some(&source), &[key(2), key(9), key(16)]);
        assert_ne!(found[0], found[1], "foo and bar differ");
        assert_ne!(found[0], found[2], "the second foo is another finding");
        let moved = Source::from_text("x", "foo: 1\n");
        let alone = fingerprints(Some(&moved), &[key(0)]);
        assert_eq!(alone[0], found[0], "the line does not count");
        let elsewhere = fingerprints(Some(&moved), &[key(0).in_file("other/x.md")]);
        assert_ne!(elsewhere[0], alone[0]);
        assert_eq!(found[0].len(), 32);
    }

    #[test]
    fn a_span_the_text_cannot_hold_is_no_offending_text() {
        let source = Source::from_text("x", "é");
        let d = Diagnostic::rule(&UNKNOWN_KEY, Pos::new(1, 1), "m");
        assert_eq!(fingerprints(Some(&source), &[d]).len(), 1);
    }
}
