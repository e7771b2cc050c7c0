//! `mrd decide PATH go|no-go|undecided --rationale TEXT`: record a decision
//! in place, dated, through the same rules as the interview
//! ([`crate::assessment::record_decision`]).

use std::io::Write;

use crate::assessment::{
    Decision, WriteMode, record_decision, rewrite, set_rationale, write_atomically,
};
use crate::cli::DecideArgs;
use crate::cmd::{load, refuse_unreadable};
use crate::config::Config;
use crate::date::Date;
use crate::error::{Error, Outcome};
use crate::inputs::Input;
use crate::interview::shell_quote;
use crate::summary::label;

pub fn run(args: &DecideArgs, config: &Config, out: &mut dyn Write) -> Result<Outcome, Error> {
    let rationale = args
        .rationale
        .as_deref()
        .map(str::trim)
        .filter(|r| !r.is_empty());
    if rationale.is_none() && args.decision != Decision::Undecided {
        return Err(Error::Usage(format!(
            "a {} needs its reason: pass --rationale TEXT (why, weighing the answers)",
            args.decision
        )));
    }
    let (source, parsed) = load(&Input::File(args.path.clone()))?;
    if refuse_unreadable(&source, &parsed, config)? {
        writeln!(
            anstream::stderr(),
            "error: {} cannot be decided until its front-matter reads cleanly; nothing was changed",
            source.name
        )?;
        return Ok(Outcome::Findings);
    }
    let Some(mut assessment) = parsed.assessment else {
        unreachable!("refuse_unreadable returns true without an assessment");
    };
    let before = assessment.front.decision();
    let today = Date::today();
    record_decision(&mut assessment.front, args.decision, today);
    if let Some(rationale) = rationale {
        set_rationale(&mut assessment.front, rationale.to_string());
    }
    let text = rewrite(&source.text, &assessment);
    let changed = text.strip_prefix('\u{feff}').unwrap_or(&text) != source.text;
    if changed {
        write_atomically(&args.path, &text, WriteMode::Replace)?;
    }
    let front = &assessment.front;
    let mut line = format!(
        "{} {}: {}",
        if changed { "decided" } else { "unchanged" },
        args.path.display(),
        label(Some(args.decision))
    );
    if before != Some(args.decision) {
        line.push_str(&format!(" (was {})", label(before)));
    }
    if let Some(status) = &front.status {
        line.push_str(&format!(", status {}", status.value));
    }
    if let Some(decided) = &front.decided {
        line.push_str(&format!(", decided {}", decided.value));
    }
    writeln!(out, "{line}")?;
    if changed && before.is_some() && before != Some(args.decision) {
        writeln!(
            out,
            "the earlier decision stays in git once this is committed: mrd log {}",
            shell_quote(&args.path)
        )?;
    }
    Ok(Outcome::Success)
}
