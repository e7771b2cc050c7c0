//! duplicate-title (MRD014), the rule that compares files: each file's title
//! is recorded as it is linted, and the duplicates are found once every file
//! is. Only each file's name and title are kept (not its text), so memory
//! grows by a few dozen bytes per file; the few files with a duplicate title
//! are read again at the end, for the lines their findings print.

use std::collections::HashMap;
use std::path::PathBuf;

use super::Settings;
use crate::assessment::Located;
use crate::diagnostic::{Diagnostic, Subject, rules::DUPLICATE_TITLE};
use crate::source::{Pos, Source};

/// One file's title, with what is needed to point at it later.
#[derive(Clone, Debug)]
struct TitleSite {
    file: String,
    path: Option<PathBuf>,
    pos: Pos,
    line: u32,
}

/// Findings about one file, with its text when it could be read again.
#[derive(Debug)]
pub struct FileFindings {
    pub name: String,
    pub source: Option<Source>,
    pub diagnostics: Vec<Diagnostic>,
}

#[derive(Debug, Default)]
pub struct Titles {
    by_title: HashMap<String, Vec<TitleSite>>,
    /// Standard input cannot be read twice: its text is kept when it has a title.
    stdin: Option<Source>,
}

impl Titles {
    /// Records a file's title, compared case- and space-insensitively.
    pub fn record(&mut self, source: &Source, title: &Located<String>) {
        let key = super::text::normalized(&title.value);
        if key.is_empty() {
            return;
        }
        let site = TitleSite {
            file: source.name.clone(),
            path: source.path.clone(),
            pos: title.pos,
            line: source.line_column(title.pos.offset).line,
        };
        if site.path.is_none() {
            self.stdin = Some(source.clone());
        }
        self.by_title.entry(key).or_default().push(site);
    }

    /// Each later file with a title already used, with its finding, in file
    /// order; nothing when the rule is allowed.
    pub fn findings(self, settings: &Settings) -> Vec<FileFindings> {
        let Some(level) = settings.level_of(&DUPLICATE_TITLE) else {
            return Vec::new();
        };
        let mut found: Vec<(TitleSite, Diagnostic)> = Vec::new();
        for sites in self.by_title.into_values() {
            let Some(first) = sites.first().cloned() else {
                continue;
            };
            for site in sites.into_iter().skip(1) {
                let mut d = Diagnostic::rule(&DUPLICATE_TITLE, site.pos, "this title is already used by another assessment")
                    .help(format!(
                        "{}:{} has the same title; give each opportunity its own name so issues and summaries can tell them apart",
                        first.file, first.line
                    ))
                    .about(Subject::Title)
                    .in_file(site.file.clone());
                d.level = level;
                found.push((site, d));
            }
        }
        found.sort_by(|a, b| (&a.0.file, a.0.pos).cmp(&(&b.0.file, b.0.pos)));
        let mut stdin = self.stdin;
        found
            .into_iter()
            .map(|(site, d)| FileFindings {
                source: match &site.path {
                    Some(path) => Source::read(path).ok().map(|mut source| {
                        source.name = site.file.clone();
                        source
                    }),
                    None => stdin.take(),
                },
                name: site.file,
                diagnostics: vec![d],
            })
            .collect()
    }
}
