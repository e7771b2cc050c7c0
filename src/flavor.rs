//! Which forge the Markdown is for. A module of its own because both the
//! configuration (`render.flavor`) and the renderer need it, and neither
//! should depend on the other for it.

/// Which forge the Markdown is for.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, clap::ValueEnum)]
pub enum Flavor {
    #[default]
    Gitlab,
    Github,
}

impl Flavor {
    pub fn as_str(self) -> &'static str {
        match self {
            Flavor::Gitlab => "gitlab",
            Flavor::Github => "github",
        }
    }

    /// The built-in body template for this flavour.
    pub fn template(self) -> &'static str {
        match self {
            Flavor::Gitlab => "gitlab.md",
            Flavor::Github => "github.md",
        }
    }

    pub fn parse(text: &str) -> Option<Flavor> {
        match text {
            "gitlab" => Some(Flavor::Gitlab),
            "github" => Some(Flavor::Github),
            _ => None,
        }
    }
}
