//! `mrd questions`: the active question set with its guidance.

use std::io::Write;

use anstyle::Style;

use crate::cli::{QuestionsArgs, QuestionsFormat};
use crate::config::Config;
use crate::error::{Error, Outcome};
use crate::text::wrap;

pub fn run(args: &QuestionsArgs, config: &Config, out: &mut dyn Write) -> Result<Outcome, Error> {
    let questions = config.questions.all();
    match args.format {
        QuestionsFormat::Json => {
            serde_json::to_writer_pretty(&mut *out, questions).map_err(std::io::Error::from)?;
            writeln!(out)?;
        }
        QuestionsFormat::Text => {
            let bold = Style::new().bold();
            let dim = Style::new().dimmed();
            for (i, q) in questions.iter().enumerate() {
                if i > 0 {
                    writeln!(out)?;
                }
                writeln!(
                    out,
                    "{bold}{}. {}{bold:#} ({})",
                    q.number, q.text, q.short_name
                )?;
                let required = if q.required { "required" } else { "optional" };
                let key = if q.is_recommendation() {
                    "recommendation.decision".to_string()
                } else {
                    format!("answers.{}", q.key)
                };
                writeln!(out, "   {dim}key: {key} · {required}{dim:#}")?;
                for line in wrap(&q.guidance, 74) {
                    writeln!(out, "   {line}")?;
                }
                for (j, line) in wrap(&q.example, 65).into_iter().enumerate() {
                    let lead = if j == 0 { "Example: " } else { "         " };
                    writeln!(out, "   {dim}{lead}{line}{dim:#}")?;
                }
            }
        }
    }
    Ok(Outcome::Success)
}
