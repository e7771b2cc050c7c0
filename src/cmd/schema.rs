//! `mrd schema`: the front-matter's JSON Schema for the active question set.

use std::io::Write;

use crate::assessment::{WriteMode, write_atomically};
use crate::cli::SchemaArgs;
use crate::config::Config;
use crate::error::{Error, Outcome};
use crate::schema::{front_matter_schema, to_pretty_json};

pub fn run(args: &SchemaArgs, config: &Config, out: &mut dyn Write) -> Result<Outcome, Error> {
    let schema = front_matter_schema(&config.questions);
    let text = to_pretty_json(&schema, &config.questions);
    match &args.output {
        // The schema is generated, never edited by hand, so replacing it is
        // how it stays in step with .mrd.yml.
        Some(path) => {
            write_atomically(path, &text, WriteMode::Replace)?;
            writeln!(out, "wrote {}", crate::paths::display(path))?;
        }
        None => out.write_all(text.as_bytes())?,
    }
    Ok(Outcome::Success)
}
