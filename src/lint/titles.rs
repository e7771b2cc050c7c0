//! duplicate-title (MRD014), the rule that compares files: each file's title
//! is recorded as it is linted, and the duplicates are found once every file
//! is. Only each file's name and title are kept (not its text), so memory
//! grows by a few dozen bytes per file; the few files with a duplicate title
//! are read again at the end, for the lines their findings print.

use std::collections::HashMap;
use std::path::Path;

use super::Settings;
use crate::assessment::Located;
use crate::diagnostic::{Diagnostic, Subject, rules::DUPLICATE_TITLE};
use crate::source::{Pos, Source};

/// One file's title, with what is needed to point at it later: a few dozen
/// bytes, since every file of the run keeps one.
#[derive(Clone, Debug)]
pub struct TitleSite {
    /// Compared case- and space-insensitively.
    key: Box<str>,
    /// `None` for standard input.
    path: Option<Box<Path>>,
    pos: Pos,
    line: u32,
    /// Standard input cannot be read twice: its text is kept.
    stdin: Option<Box<Source>>,
}

impl TitleSite {
    /// A file's title, where its text is at hand (on a worker thread);
    /// `None` for a title with nothing to compare (blank).
    pub fn new(source: &Source, title: &Located<String>) -> Option<TitleSite> {
        let key = super::text::normalized(&title.value);
        if key.is_empty() {
            return None;
        }
        let path = source.path.as_deref().map(Box::from);
        Some(TitleSite {
            key: key.into_boxed_str(),
            stdin: path.is_none().then(|| Box::new(source.clone())),
            path,
            pos: title.pos,
            line: source.line_column(title.pos.offset).line,
        })
    }

    /// The file as the user named it (as `Source::read` names it).
    fn name(&self) -> String {
        match &self.path {
            Some(path) => crate::paths::display(path),
            None => "<stdin>".to_string(),
        }
    }
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
    /// Each title (normalized) with the index of the first file using it.
    first: HashMap<Box<str>, usize>,
    sites: Vec<TitleSite>,
    /// (first file, later file) for each title used again.
    repeats: Vec<(usize, usize)>,
    /// Standard input cannot be read twice: its text is kept when it has a title.
    stdin: Option<Source>,
}

impl Titles {
    /// Records a file's title, in file order.
    pub fn record(&mut self, mut site: TitleSite) {
        if let Some(source) = site.stdin.take() {
            self.stdin = Some(*source);
        }
        let index = self.sites.len();
        match self.first.get(&site.key) {
            Some(&first) => self.repeats.push((first, index)),
            None => {
                self.first.insert(std::mem::take(&mut site.key), index);
            }
        }
        self.sites.push(site);
    }

    /// Each later file with a title already used, with its finding, in file
    /// order; nothing when the rule is allowed.
    pub fn findings(self, settings: &Settings) -> Vec<FileFindings> {
        let Some(level) = settings.level_of(&DUPLICATE_TITLE) else {
            return Vec::new();
        };
        let mut found: Vec<(String, &TitleSite, Diagnostic)> = self
            .repeats
            .iter()
            .map(|&(first, later)| {
                let (first, site) = (&self.sites[first], &self.sites[later]);
                let name = site.name();
                let mut d = Diagnostic::rule(&DUPLICATE_TITLE, site.pos, "this title is already used by another assessment")
                    .help(format!(
                        "{}:{} has the same title; give each opportunity its own name so issues and summaries can tell them apart",
                        first.name(),
                        first.line
                    ))
                    .about(Subject::Title)
                    .in_file(name.clone());
                d.level = level;
                (name, site, d)
            })
            .collect();
        found.sort_by(|a, b| (&a.0, a.1.pos).cmp(&(&b.0, b.1.pos)));
        let mut stdin = self.stdin;
        found
            .into_iter()
            .map(|(name, site, d)| FileFindings {
                source: match &site.path {
                    Some(path) => Source::read(path).ok(),
                    None => stdin.take(),
                },
                name,
                diagnostics: vec![d],
            })
            .collect()
    }
}
