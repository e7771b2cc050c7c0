//! The template set: the built-ins compiled into the binary, overridden one
//! file at a time by a project's templates directory, a `--template FILE`, or
//! the title format from `.mrd.yml`.
//!
//! Every built-in is also available as `builtin/<name>`, so an override can
//! extend the template it replaces (`{% extends "builtin/issue.md" %}`).
//! Each template remembers where it came from, so an error names the file a
//! user can open, not a name inside Tera.

use std::path::{Path, PathBuf};

use crate::render::TemplateError;
use crate::render::markdown::{clean_block, one_line};

/// The built-in templates, by name; the first three are the entry points.
pub const BUILTIN_TEMPLATES: &[(&str, &str)] = &[
    ("gitlab.md", include_str!("../../templates/gitlab.md")),
    ("github.md", include_str!("../../templates/github.md")),
    ("title.txt", include_str!("../../templates/title.txt")),
    ("page.html", include_str!("../../templates/page.html")),
    ("issue.md", include_str!("../../templates/issue.md")),
];

/// The prefix under which built-ins stay reachable when overridden.
pub const BUILTIN_PREFIX: &str = "builtin/";

/// Where a template's text came from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Origin {
    Builtin,
    File(PathBuf),
    /// A setting, such as `render.title` in `.mrd.yml`.
    Setting {
        file: String,
        key: String,
    },
}

#[derive(Clone, Debug)]
pub struct Template {
    pub name: String,
    pub source: String,
    pub origin: Origin,
}

impl Template {
    /// How errors and `mrd templates list` name this template.
    pub fn display(&self) -> String {
        match &self.origin {
            Origin::Builtin => format!(
                "{} (built-in)",
                self.name.trim_start_matches(BUILTIN_PREFIX)
            ),
            Origin::File(path) => crate::paths::display(path),
            Origin::Setting { file, key } => format!("{file} ({key})"),
        }
    }
}

#[derive(Clone, Debug)]
pub struct TemplateSet {
    templates: Vec<Template>,
}

impl Default for TemplateSet {
    fn default() -> Self {
        TemplateSet::builtin()
    }
}

impl TemplateSet {
    pub fn builtin() -> TemplateSet {
        let mut templates = Vec::new();
        for (name, source) in BUILTIN_TEMPLATES {
            for name in [name.to_string(), format!("{BUILTIN_PREFIX}{name}")] {
                templates.push(Template {
                    name,
                    source: source.to_string(),
                    origin: Origin::Builtin,
                });
            }
        }
        TemplateSet { templates }
    }

    /// The built-ins with the project's overrides from `.mrd.yml`'s
    /// `render:` section: the templates directory, then the title format.
    pub fn for_project(config: &crate::config::Config) -> Result<TemplateSet, TemplateError> {
        let mut set = TemplateSet::builtin();
        if let Some(dir) = &config.render.templates_dir {
            set.override_from_dir(dir)?;
        }
        if let Some(title) = &config.render.title {
            set.set(Template {
                name: "title.txt".into(),
                source: title.clone(),
                origin: Origin::Setting {
                    file: config.path.as_ref().map_or_else(
                        || crate::config::FILE_NAME.to_string(),
                        |p| crate::paths::display(p),
                    ),
                    key: "render.title".into(),
                },
            });
        }
        Ok(set)
    }

    pub fn templates(&self) -> &[Template] {
        &self.templates
    }

    pub fn get(&self, name: &str) -> Option<&Template> {
        self.templates.iter().find(|t| t.name == name)
    }

    /// Adds a template, replacing any of the same name.
    pub fn set(&mut self, template: Template) {
        match self.templates.iter_mut().find(|t| t.name == template.name) {
            Some(existing) => *existing = template,
            None => self.templates.push(template),
        }
    }

    /// Every file under `dir` (hidden files skipped) overrides the built-in
    /// of the same relative name, or adds a template other templates can
    /// include or extend. A missing directory is an error: a configured
    /// directory that does not exist is a mistake, not a default.
    pub fn override_from_dir(&mut self, dir: &Path) -> Result<(), TemplateError> {
        let mut files = Vec::new();
        collect_files(dir, dir, &mut files).map_err(|err| {
            TemplateError::new(
                crate::paths::display(dir),
                format!("cannot read the templates directory: {err}"),
            )
        })?;
        files.sort();
        for (name, path) in files {
            if name.starts_with(BUILTIN_PREFIX) {
                continue;
            }
            let source = read_template(&path)?;
            self.set(Template {
                name,
                source,
                origin: Origin::File(path),
            });
        }
        Ok(())
    }

    /// Adds the file as a template named by its path, and returns that name.
    pub fn add_file(&mut self, path: &Path) -> Result<String, TemplateError> {
        let source = read_template(path)?;
        let name = path.display().to_string();
        self.set(Template {
            name: name.clone(),
            source,
            origin: Origin::File(path.to_path_buf()),
        });
        Ok(name)
    }

    /// A Tera instance with every template parsed and mrd's filters.
    pub(crate) fn tera(&self) -> Result<tera::Tera, TemplateError> {
        let mut tera = tera::Tera::new();
        // Markdown and text are not HTML: escaping `<` or `&` would corrupt
        // answers. Only `.html` templates escape what they print.
        tera.autoescape_on([".html"]);
        register_filters(&mut tera);
        tera.add_raw_templates(
            self.templates
                .iter()
                .map(|t| (t.name.as_str(), t.source.as_str())),
        )
        .map_err(|err| self.error(None, &err))?;
        Ok(tera)
    }

    /// A Tera error as a [`TemplateError`] naming the file a user can open.
    pub(crate) fn error(&self, rendering: Option<&str>, err: &tera::Error) -> TemplateError {
        let display = |name: &str| match self.get(name) {
            Some(t) => t.display(),
            None => name.to_string(),
        };
        let report = match err.kind() {
            tera::ErrorKind::SyntaxError(report) | tera::ErrorKind::RenderingError(report) => {
                Some(report)
            }
            _ => None,
        };
        match report {
            Some(report) => TemplateError {
                template: display(report.filename()),
                line: Some(report.span().start_line),
                column: Some(report.span().start_col + 1),
                message: report.message().to_string(),
                text: self.get(report.filename()).map(|t| t.source.clone()),
            },
            None => {
                let (name, message) = match err.kind() {
                    tera::ErrorKind::MissingParent { current, parent } => (
                        current.as_str(),
                        format!("extends `{parent}`, which is not a template"),
                    ),
                    tera::ErrorKind::CircularExtend {
                        tpl,
                        inheritance_chain,
                    } => (
                        tpl.as_str(),
                        format!("circular inheritance: {}", inheritance_chain.join(" -> ")),
                    ),
                    tera::ErrorKind::TemplateNotFound(name) => (
                        rendering.unwrap_or(name.as_str()),
                        format!("no template named `{name}`"),
                    ),
                    _ => return self.error_from_report_text(rendering, &err.to_string()),
                };
                TemplateError::new(display(name), message)
            }
        }
    }
}

impl TemplateSet {
    /// Tera reports some errors (an unknown filter, found when templates are
    /// added) only as formatted text: `error: message` and `--> name:line:col`.
    fn error_from_report_text(&self, rendering: Option<&str>, text: &str) -> TemplateError {
        let message = text
            .lines()
            .map(str::trim)
            .find(|l| !l.is_empty())
            .unwrap_or(text)
            .trim_start_matches("error: ")
            .to_string();
        let location = text.lines().find_map(|l| {
            let at = l.trim_start().strip_prefix("--> ")?;
            let mut parts = at.rsplitn(3, ':');
            let column = parts.next()?.trim().parse::<usize>().ok()?;
            let line = parts.next()?.trim().parse::<usize>().ok()?;
            Some((parts.next()?.to_string(), line, column))
        });
        match location {
            Some((name, line, column)) => TemplateError {
                text: self.get(&name).map(|t| t.source.clone()),
                template: self.get(&name).map_or(name, Template::display),
                line: Some(line),
                column: Some(column),
                message,
            },
            None => TemplateError::new(
                rendering
                    .and_then(|n| self.get(n))
                    .map_or_else(|| "templates".into(), Template::display),
                message,
            ),
        }
    }
}

fn read_template(path: &Path) -> Result<String, TemplateError> {
    let error = |message: String| TemplateError::new(crate::paths::display(path), message);
    let bytes =
        std::fs::read(path).map_err(|err| error(format!("cannot read the template: {err}")))?;
    String::from_utf8(bytes).map_err(|_| error("the template is not valid UTF-8 text".into()))
}

fn collect_files(root: &Path, dir: &Path, out: &mut Vec<(String, PathBuf)>) -> std::io::Result<()> {
    for entry in std::fs::read_dir(dir)? {
        let entry = entry?;
        let file_name = entry.file_name();
        if file_name.to_string_lossy().starts_with('.') {
            continue;
        }
        let path = entry.path();
        if entry.file_type()?.is_dir() {
            collect_files(root, &path, out)?;
        } else if let Ok(relative) = path.strip_prefix(root) {
            let name = relative
                .components()
                .map(|c| c.as_os_str().to_string_lossy())
                .collect::<Vec<_>>()
                .join("/");
            out.push((name, path));
        }
    }
    Ok(())
}

/// Filters for template authors (documented in docs/templates.md).
fn register_filters(tera: &mut tera::Tera) {
    // `{{ q.answer | headings(start=4) }}`: the answer with its headings
    // starting at another level, for templates that nest answers deeper.
    tera.register_filter(
        "headings",
        |value: &str, kwargs: tera::Kwargs, _: &tera::State| -> tera::TeraResult<String> {
            let start = kwargs.get::<i64>("start")?.unwrap_or(3).clamp(1, 6);
            Ok(clean_block(value, start as u8))
        },
    );
    // `{{ title | one_line }}`: whitespace, line breaks included, collapsed.
    tera.register_filter(
        "one_line",
        |value: &str, _: tera::Kwargs, _: &tera::State| one_line(value),
    );
}
