//! One assessment at a glance: the decision, readiness and verdict, then one
//! row per question with a bar for the evidence its answer gives, so the weak
//! spots stand out without reading the answers; then the risks.

use std::io::{self, Write};

use anstyle::{AnsiColor, Style};

use crate::diagnostic::Level;
use crate::summary::evidence::{Evidence, Strength};
use crate::summary::report::text::{one_line, pad_end, pad_start, truncate_end, width};
use crate::summary::report::{decision_style, readiness_style};
use crate::summary::{RiskKind, Summary};

const QUESTION_BAR: usize = 10;
const READINESS_BAR: usize = 20;
const NAME_MAX: usize = 24;

fn bar(share: f64, cells: usize) -> String {
    let filled = ((share.clamp(0.0, 1.0) * cells as f64).round() as usize).min(cells);
    format!("{}{}", "█".repeat(filled), "░".repeat(cells - filled))
}

fn color(c: AnsiColor) -> Style {
    Style::new().fg_color(Some(c.into()))
}

fn strength_style(e: &Evidence) -> Style {
    if e.lint_errors > 0 {
        return color(AnsiColor::Red);
    }
    match e.strength {
        Strength::None if e.required => color(AnsiColor::Red),
        Strength::None => Style::new().dimmed(),
        Strength::Low => color(AnsiColor::Yellow),
        Strength::Unstated => Style::new(),
        Strength::Medium => color(AnsiColor::Cyan),
        Strength::High => color(AnsiColor::Green),
    }
}

fn strength_words(e: &Evidence) -> String {
    let mut words = match (e.strength, e.required) {
        (Strength::None, true) => "missing".to_string(),
        (Strength::None, false) => "not answered (optional)".to_string(),
        (Strength::Unstated, _) => "confidence not stated".to_string(),
        (strength, _) => strength.as_str().to_string(),
    };
    let plural = |n: usize| if n == 1 { "" } else { "s" };
    if e.lint_errors > 0 {
        words.push_str(&format!(
            " · {} lint error{}",
            e.lint_errors,
            plural(e.lint_errors)
        ));
    }
    if e.lint_warnings > 0 {
        words.push_str(&format!(
            " · {} lint warning{}",
            e.lint_warnings,
            plural(e.lint_warnings)
        ));
    }
    words
}

pub fn write(out: &mut dyn Write, path: &str, s: &Summary) -> io::Result<()> {
    let bold = Style::new().bold();
    let dim = Style::new().dimmed();
    let title = s
        .title
        .as_deref()
        .map_or("(untitled)".to_string(), one_line);
    writeln!(out, "{bold}{title}{bold:#}")?;
    let facts: Vec<String> = [
        Some(one_line(path)),
        s.status.map(|x| x.as_str().to_string()),
        s.milestone
            .as_deref()
            .map(|m| format!("milestone {}", one_line(m))),
        s.author.as_deref().map(one_line),
    ]
    .into_iter()
    .flatten()
    .collect();
    writeln!(out, "{dim}{}{dim:#}", facts.join(" · "))?;
    writeln!(out)?;

    let decision = decision_style(s.decision);
    writeln!(
        out,
        "  Decision   {decision}{}{decision:#}",
        s.decision_label()
    )?;
    if let Some(notes) = &s.text_in_notes {
        // No score: it would judge answers the text is not in yet.
        let warn = Style::new().bold().fg_color(Some(AnsiColor::Yellow.into()));
        writeln!(
            out,
            "  Readiness  {warn}not scored{warn:#}: {}",
            notes.message()
        )?;
    } else {
        let ready = readiness_style(s.readiness);
        writeln!(
            out,
            "  Readiness  {ready}{:>3}/100  {}{ready:#}  {dim}evidence {} of 80, decision {} of 20{dim:#}",
            s.readiness,
            bar(f64::from(s.readiness) / 100.0, READINESS_BAR),
            s.readiness_parts.evidence,
            s.readiness_parts.decision,
        )?;
    }
    writeln!(
        out,
        "  Complete   {} of {} required answers",
        s.answered, s.required
    )?;
    let verdict = if s.verdict.contradictions.is_empty() {
        decision
    } else {
        Style::new().bold().fg_color(Some(AnsiColor::Yellow.into()))
    };
    writeln!(out, "  Verdict    {verdict}{}{verdict:#}", s.verdict.text)?;
    writeln!(out)?;

    writeln!(out, "{bold}Evidence{bold:#}")?;
    let name_width = s
        .evidence
        .iter()
        .map(|e| width(&e.short_name).min(NAME_MAX))
        .chain([width("recommendation")])
        .max()
        .unwrap_or(0);
    let number_width = s.evidence.len().to_string().len().max(2);
    for e in &s.evidence {
        let style = strength_style(e);
        writeln!(
            out,
            "  {}  {}  {style}{}  {}{style:#}",
            pad_start(&e.number.to_string(), number_width),
            pad_end(&truncate_end(&e.short_name, NAME_MAX), name_width),
            bar(e.weight, QUESTION_BAR),
            strength_words(e),
        )?;
    }
    let recommendation = match s.decision {
        None => "no decision".to_string(),
        Some(d) => {
            let why = if s.has_rationale {
                "with a rationale"
            } else {
                "no rationale"
            };
            format!("{}, {why}", d.as_str())
        }
    };
    writeln!(
        out,
        "  {}  {}  {decision}{recommendation}{decision:#}",
        pad_start(&(s.evidence.len() + 1).to_string(), number_width),
        pad_end("recommendation", name_width),
    )?;
    writeln!(out)?;

    writeln!(out, "{bold}Risks{bold:#}")?;
    if s.risks.is_empty() {
        writeln!(out, "  {dim}none{dim:#}")?;
    }
    for risk in &s.risks {
        let (glyph, style) = match risk.level {
            Level::Error => (
                "✗",
                Style::new().bold().fg_color(Some(AnsiColor::Red.into())),
            ),
            Level::Warning => (
                "!",
                Style::new().bold().fg_color(Some(AnsiColor::Yellow.into())),
            ),
        };
        let mut line = format!("  {style}{glyph}{style:#} {}", risk.message);
        if matches!(risk.kind, RiskKind::LintError | RiskKind::LintWarning)
            && let (Some(code), Some(l), Some(c)) = (risk.code, risk.line, risk.column)
        {
            line.push_str(&format!("  {dim}{code} at {path}:{l}:{c}{dim:#}"));
        }
        writeln!(out, "{line}")?;
    }
    Ok(())
}
