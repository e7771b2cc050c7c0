//! `duplicate-title` looks across files, so it cannot run inside one file's
//! check: the command records each file's title here as it goes and asks for
//! the duplicates at the end. Only each file's name and title are kept (not
//! its text), so memory grows by a few dozen bytes per file.

use std::collections::HashMap;

use super::rules::DUPLICATE_TITLE;
use super::{Finding, Settings};
use crate::diagnostic::Diagnostic;
use crate::yaml::Pos;

/// One file's title, with what is needed to point at it later.
#[derive(Clone, Debug)]
pub struct TitleSite {
    pub file: String,
    pub pos: Pos,
}

#[derive(Debug, Default)]
pub struct Titles {
    by_title: HashMap<String, Vec<TitleSite>>,
}

impl Titles {
    /// Records a file's title, compared case- and space-insensitively.
    pub fn record(&mut self, title: &str, site: TitleSite) {
        let key = super::text::normalized(title);
        if !key.is_empty() {
            self.by_title.entry(key).or_default().push(site);
        }
    }

    /// Each later file with a title already used, as (site, diagnostic),
    /// in file order; `None` when the rule is allowed.
    pub fn duplicates(self, settings: &Settings) -> Vec<(TitleSite, Diagnostic)> {
        let Some(level) = settings.level_of(&DUPLICATE_TITLE) else {
            return Vec::new();
        };
        let mut out = Vec::new();
        for sites in self.by_title.into_values() {
            let Some(first) = sites.first().cloned() else {
                continue;
            };
            for site in sites.into_iter().skip(1) {
                let finding = Finding::new(site.pos, "this title is already used by another assessment")
                    .help(format!(
                        "{}:{} has the same title; give each opportunity its own name so issues and summaries can tell them apart",
                        first.file, first.pos.line
                    ));
                let diagnostic = Diagnostic {
                    file: site.file.clone(),
                    pos: finding.pos,
                    rule: &DUPLICATE_TITLE,
                    level,
                    message: finding.message,
                    help: finding.help,
                };
                out.push((site, diagnostic));
            }
        }
        out.sort_by(|a, b| (&a.0.file, a.0.pos.line).cmp(&(&b.0.file, b.0.pos.line)));
        out
    }
}
