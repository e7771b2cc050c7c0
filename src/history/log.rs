//! `mrd log`: the versions of one assessment, newest first, each with what
//! changed from the one before; readiness over time as a small chart; and a
//! JSON document for scripts.

use std::io::{self, Write};

use anstyle::Style;
use serde::Serialize;

use crate::config::Config;
use crate::git::{GitError, Repo};
use crate::history::walk::{self, Until};
use crate::history::{CommitInfo, Delta, Origin, State, shallow_note};
use crate::summary::backlog::Broken;
use crate::summary::label;
use crate::summary::report::text::{one_line, truncate_end};
use crate::summary::report::{decision_style, readiness_style};

pub const SCHEMA: &str = "mrd-log/1";

/// One version of the file.
#[derive(Clone, Debug, PartialEq)]
pub struct Entry {
    /// The commit that made it; `None` for changes in the working tree.
    pub commit: Option<CommitInfo>,
    pub path: String,
    pub renamed_from: Option<String>,
    pub state: State,
    /// From the version before (the next entry); from nothing for the
    /// version that created the file.
    pub delta: Delta,
    /// The file was created by this version.
    pub created: bool,
    /// The oldest version a shallow clone has: what it changed is unknown.
    pub at_boundary: bool,
}

/// The history of one file.
#[derive(Clone, Debug, PartialEq)]
pub struct Log {
    pub path: String,
    pub entries: Vec<Entry>,
    pub origin: Origin,
    /// The working tree has no such file (it was deleted, not committed).
    pub deleted: bool,
}

/// The log of `relative` (its path in the repository); `current` is the
/// working tree's file, `None` when it is not there.
pub fn build(
    repo: &Repo,
    relative: &str,
    current: Option<State>,
    config: &Config,
) -> Result<Log, GitError> {
    let walked = walk::walk(repo, &[relative.to_string()], Until::Beginning)?;
    let history = walked.files.into_iter().next().expect("one file walked");
    let mut states: Vec<State> = Vec::with_capacity(history.versions.len());
    for version in &history.versions {
        let bytes = repo.read_blob(version.blob)?;
        states.push(State::of_bytes(&version.path, bytes, config));
    }
    let count = history.versions.len();
    let mut entries: Vec<Entry> = Vec::with_capacity(count + 1);
    let deleted = current.is_none() && count > 0;
    if let Some(current) = current
        && repo.uncommitted(relative)?.is_some()
    {
        let created = count == 0;
        entries.push(Entry {
            commit: None,
            path: relative.to_string(),
            renamed_from: None,
            delta: Delta::between(states.first(), &current),
            state: current,
            created,
            at_boundary: false,
        });
    }
    for (i, (version, state)) in history.versions.iter().zip(&states).enumerate() {
        let oldest = i + 1 == count;
        let created = oldest && history.origin == Origin::Created;
        let delta = match states.get(i + 1) {
            Some(older) => Delta::between(Some(older), state),
            None if created => Delta::between(None, state),
            // The oldest version of a shallow clone: what came before is unknown.
            None => Delta::default(),
        };
        entries.push(Entry {
            commit: Some(CommitInfo::from(&version.commit)),
            path: version.path.clone(),
            renamed_from: version.renamed_from.clone(),
            state: state.clone(),
            delta,
            created,
            at_boundary: oldest && matches!(history.origin, Origin::Shallow { .. }),
        });
    }
    Ok(Log {
        path: relative.to_string(),
        entries,
        origin: history.origin,
        deleted,
    })
}

/// Whether the terminal's character set can draw block characters: the
/// locale (LC_ALL, else LC_CTYPE, else LANG) names UTF-8. Piping does not
/// change the answer: a file or pager gets what the terminal would show.
pub fn unicode_locale() -> bool {
    ["LC_ALL", "LC_CTYPE", "LANG"]
        .iter()
        .filter_map(|name| std::env::var(name).ok())
        .find(|value| !value.is_empty())
        .is_some_and(|value| {
            let value = value.to_ascii_lowercase();
            value.contains("utf-8") || value.contains("utf8")
        })
}

const SPARKS: [char; 8] = ['▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'];
const ASCII_SPARKS: [char; 8] = ['_', '.', ',', '-', '~', '=', '+', '#'];

/// Readiness values (0–100, oldest first) as one character each; `None`
/// (a version that could not be read) is a space.
pub fn sparkline(values: &[Option<u8>], unicode: bool) -> String {
    let marks = if unicode { SPARKS } else { ASCII_SPARKS };
    values
        .iter()
        .map(|v| match v {
            Some(v) => marks[(usize::from(*v) * 7 + 50) / 100],
            None => ' ',
        })
        .collect()
}

/// A readiness as a bar of ten cells, each ten points, with eighths in
/// Unicode and halves (`=`) in ASCII.
pub fn bar(value: u8, unicode: bool) -> String {
    let value = usize::from(value.min(100));
    if unicode {
        const PARTS: [&str; 8] = ["", "▏", "▎", "▍", "▌", "▋", "▊", "▉"];
        let eighths = value * 8 / 10;
        format!("{}{}", "█".repeat(eighths / 8), PARTS[eighths % 8])
    } else {
        let halves = value / 5;
        format!(
            "{}{}",
            "#".repeat(halves / 2),
            if halves % 2 == 1 { "=" } else { "" }
        )
    }
}

fn spoken_keys(keys: &[String], config: &Config) -> String {
    keys.iter()
        .map(|key| {
            config
                .questions
                .get(key)
                .map_or_else(|| key.clone(), |q| q.short_name.clone())
        })
        .collect::<Vec<_>>()
        .join(", ")
}

fn or_none(value: Option<&str>) -> String {
    value.map_or_else(|| "none".to_string(), one_line)
}

fn signed(from: u8, to: u8) -> String {
    let delta = i16::from(to) - i16::from(from);
    if delta >= 0 {
        format!("+{delta}")
    } else {
        delta.to_string()
    }
}

/// The lines that say what a version changed.
pub fn describe_delta(delta: &Delta, config: &Config) -> Vec<String> {
    let mut lines = Vec::new();
    if let Some(decision) = &delta.decision {
        let what = delta.decision_change.map_or("", |c| c.as_str());
        let style = decision_style(decision.to);
        lines.push(format!(
            "decision {what}: {} → {style}{}{style:#}",
            label(decision.from),
            label(decision.to)
        ));
    }
    if let Some(status) = &delta.status {
        lines.push(format!(
            "status: {} → {}",
            or_none(status.from.map(|s| s.as_str())),
            or_none(status.to.map(|s| s.as_str()))
        ));
    }
    if !delta.answers.is_empty() {
        lines.push(format!(
            "answers changed: {}",
            spoken_keys(&delta.answers, config)
        ));
    }
    if let Some(milestone) = &delta.milestone {
        lines.push(format!(
            "milestone: {} → {}",
            or_none(milestone.from.as_deref()),
            or_none(milestone.to.as_deref())
        ));
    }
    if let Some(title) = &delta.title
        && title.from.is_some()
    {
        lines.push(format!(
            "title: {} → {}",
            or_none(title.from.as_deref()),
            or_none(title.to.as_deref())
        ));
    }
    if let Some(readable) = &delta.readable {
        lines.push(if readable.to {
            "readable again".to_string()
        } else {
            "could not be read from here on".to_string()
        });
    }
    lines
}

fn describe_broken(broken: &Broken, path: &str) -> String {
    format!("could not be read: {}", broken.describe(path))
}

/// The text format. With `width` (a terminal's), each version's heading is
/// cut to fit, so a long commit subject does not wrap; piped output keeps it whole.
pub fn write_text(
    out: &mut dyn Write,
    log: &Log,
    config: &Config,
    width: Option<usize>,
) -> io::Result<()> {
    let unicode = unicode_locale();
    let bold = Style::new().bold();
    let dim = Style::new().dimmed();
    let newest = log.entries.iter().find_map(|e| e.state.summary());
    let title = newest.and_then(|s| s.title.as_deref()).map(one_line);
    match title {
        Some(title) => writeln!(out, "{bold}{}{bold:#}: {title}", log.path)?,
        None => writeln!(out, "{bold}{}{bold:#}", log.path)?,
    }
    if log.entries.is_empty() {
        writeln!(
            out,
            "no committed versions: git has no history for this file yet"
        )?;
    }
    let series: Vec<Option<u8>> = log
        .entries
        .iter()
        .rev()
        .map(|e| e.state.summary().map(|s| s.readiness))
        .collect();
    let known: Vec<u8> = series.iter().flatten().copied().collect();
    if let (Some(first), Some(last)) = (known.first(), known.last()) {
        let dates: Vec<String> = log
            .entries
            .iter()
            .rev()
            .map(|e| {
                e.commit
                    .as_ref()
                    .map_or("now".to_string(), |c| c.date.to_string())
            })
            .collect();
        writeln!(
            out,
            "readiness  {}  {first} → {last} over {} version{} ({} to {})",
            sparkline(&series, unicode),
            log.entries.len(),
            if log.entries.len() == 1 { "" } else { "s" },
            dates.first().map_or("", String::as_str),
            dates.last().map_or("", String::as_str),
        )?;
    }
    if log.deleted {
        writeln!(
            out,
            "\nthe working tree has no such file: it was deleted and the deletion is not committed"
        )?;
    }
    for entry in &log.entries {
        writeln!(out)?;
        match &entry.commit {
            Some(commit) => {
                let rest = format!(
                    "  {}  {}  {}",
                    commit.short,
                    one_line(&commit.author),
                    one_line(&commit.subject)
                );
                let date = commit.date.to_string();
                let rest = match width {
                    Some(width) => truncate_end(&rest, width.saturating_sub(date.len())),
                    None => rest,
                };
                writeln!(out, "{bold}{date}{bold:#}{rest}")?
            }
            None => writeln!(out, "{bold}working tree{bold:#}  (not committed)")?,
        }
        let mut lines = Vec::new();
        if let Some(old) = &entry.renamed_from {
            lines.push(format!("renamed from {old}"));
        }
        match &entry.state {
            State::Read(snapshot) => {
                let s = &snapshot.summary;
                if entry.created {
                    let style = decision_style(s.decision);
                    lines.push(format!(
                        "created: {style}{}{style:#}, {} of {} questions answered",
                        s.decision_label(),
                        s.answered,
                        s.required
                    ));
                }
                if entry.at_boundary {
                    lines.push(
                        "the oldest version in this shallow clone: what it changed is not known"
                            .to_string(),
                    );
                } else if !entry.created {
                    let changes = describe_delta(&entry.delta, config);
                    if changes.is_empty() && entry.renamed_from.is_none() {
                        lines.push(
                            "answers and decision unchanged (notes, comments or layout changed)"
                                .to_string(),
                        );
                    }
                    lines.extend(changes);
                }
                let style = readiness_style(s.readiness);
                let change = entry
                    .delta
                    .readiness
                    .as_ref()
                    .map(|r| format!(" ({})", signed(r.from, r.to)))
                    .unwrap_or_default();
                lines.push(format!(
                    "readiness {style}{:>3}{style:#} {}{change}",
                    s.readiness,
                    bar(s.readiness, unicode)
                ));
            }
            State::Unreadable(broken) => lines.push(describe_broken(broken, &entry.path)),
        }
        for line in lines {
            writeln!(out, "    {line}")?;
        }
    }
    writeln!(out)?;
    match &log.origin {
        Origin::Created => writeln!(
            out,
            "{dim}history starts here: the commit that added the file{dim:#}"
        ),
        Origin::Shallow { boundary } => writeln!(out, "{}", shallow_note(boundary)),
        Origin::NotRead | Origin::NotCommitted => Ok(()),
    }
}

#[derive(Serialize)]
struct JsonLog<'a> {
    schema: &'static str,
    path: &'a str,
    origin: &'a Origin,
    /// Set when the history stops at a shallow clone's boundary.
    missing: Option<String>,
    deleted: bool,
    versions: Vec<JsonVersion<'a>>,
}

#[derive(Serialize)]
struct JsonVersion<'a> {
    commit: Option<&'a CommitInfo>,
    working_tree: bool,
    path: &'a str,
    renamed_from: Option<&'a str>,
    created: bool,
    readable: bool,
    error: Option<&'a Broken>,
    title: Option<&'a str>,
    status: Option<&'static str>,
    decision: Option<&'static str>,
    decision_label: Option<&'static str>,
    decided: Option<String>,
    readiness: Option<u8>,
    answered: Option<usize>,
    required: Option<usize>,
    changes: &'a Delta,
}

/// `--format json` (schema `mrd-log/1`, docs/kickoff.md).
pub fn write_json(out: &mut dyn Write, log: &Log) -> io::Result<()> {
    let versions = log
        .entries
        .iter()
        .map(|e| {
            let snapshot = e.state.snapshot();
            let summary = snapshot.map(|s| &s.summary);
            JsonVersion {
                commit: e.commit.as_ref(),
                working_tree: e.commit.is_none(),
                path: &e.path,
                renamed_from: e.renamed_from.as_deref(),
                created: e.created,
                readable: snapshot.is_some(),
                error: match &e.state {
                    State::Unreadable(broken) => Some(broken),
                    State::Read(_) => None,
                },
                title: summary.and_then(|s| s.title.as_deref()),
                status: summary.and_then(|s| s.status).map(|s| s.as_str()),
                decision: summary.and_then(|s| s.decision).map(|d| d.as_str()),
                decision_label: summary.map(|s| s.decision_label()),
                decided: snapshot.and_then(|s| s.decided).map(|d| d.to_string()),
                readiness: summary.map(|s| s.readiness),
                answered: summary.map(|s| s.answered),
                required: summary.map(|s| s.required),
                changes: &e.delta,
            }
        })
        .collect();
    let document = JsonLog {
        schema: SCHEMA,
        path: &log.path,
        origin: &log.origin,
        missing: match &log.origin {
            Origin::Shallow { boundary } => Some(shallow_note(boundary)),
            _ => None,
        },
        deleted: log.deleted,
        versions,
    };
    serde_json::to_writer_pretty(&mut *out, &document)?;
    writeln!(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn charts_scale_readiness_to_their_marks() {
        assert_eq!(
            sparkline(&[Some(0), Some(50), None, Some(100)], true),
            "▁▅ █"
        );
        assert_eq!(sparkline(&[Some(0), Some(50), Some(100)], false), "_~#");
        assert_eq!(bar(87, true), "████████▋");
        assert_eq!(bar(87, false), "########=");
        assert_eq!(bar(0, true), "");
        assert_eq!(bar(100, false), "##########");
    }
}
