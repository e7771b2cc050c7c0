//! What the server knows of the assessments on disk: each one's title (for
//! duplicate-title across open and saved files) and the milestones and
//! labels the backlog uses (for completion). Read once when the server
//! starts, and again when a file is saved or a watched file changes, not on
//! every keystroke.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use crate::assessment;
use crate::config::Config;
use crate::inputs::{self, Input};
use crate::lint::text::normalized;
use crate::source::Source;

/// One assessment on disk.
struct OnDisk {
    path: PathBuf,
    /// Its title, compared as duplicate-title compares them.
    title: Option<String>,
    title_line: u32,
}

#[derive(Default)]
pub struct Workspace {
    files: Vec<OnDisk>,
    pub milestones: BTreeSet<String>,
    pub labels: BTreeSet<String>,
}

impl Workspace {
    /// Reads every assessment in the assessments directory again.
    pub fn refresh(&mut self, config: &Config, root: &Path) {
        *self = Workspace::default();
        let Ok(found) = inputs::collect(&[], &config.assessments_dir) else {
            return;
        };
        for input in found {
            let Input::File(path) = input else { continue };
            let Ok(source) = Source::read(&path) else {
                continue;
            };
            let Some(a) = assessment::parse(&source).assessment else {
                continue;
            };
            let front = a.front;
            self.milestones.extend(front.milestone.map(|m| m.value));
            self.labels
                .extend(front.labels.into_iter().map(|l| l.value));
            let path = if path.is_relative() {
                root.join(path)
            } else {
                path
            };
            self.files.push(OnDisk {
                title_line: front
                    .title
                    .as_ref()
                    .map_or(0, |t| source.line_column(t.pos.offset).line),
                title: front
                    .title
                    .map(|t| normalized(&t.value))
                    .filter(|t| !t.is_empty()),
                path,
            });
        }
    }

    /// The saved assessments, other than `except` and the files open in the
    /// editor (whose text there is newer), titled `title` (normalised): each
    /// as `path:line` from `root`.
    pub fn titled<'w>(
        &'w self,
        title: &'w str,
        except: Option<&'w Path>,
        open: &'w [PathBuf],
        root: &'w Path,
    ) -> impl Iterator<Item = String> + 'w {
        self.files
            .iter()
            .filter(move |f| {
                f.title.as_deref() == Some(title)
                    && Some(f.path.as_path()) != except
                    && !open.contains(&f.path)
            })
            .map(move |f| {
                format!(
                    "{}:{}",
                    f.path.strip_prefix(root).unwrap_or(&f.path).display(),
                    f.title_line
                )
            })
    }
}
