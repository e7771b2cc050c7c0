//! The README `mrd init` leaves in the assessments directory. Git keeps no
//! empty directories, so without a file in it a fresh clone has no
//! assessments directory at all; a README is a file that also tells a
//! newcomer what the directory is for. Directory walks skip it
//! (`crate::inputs::README`).

/// The README's text. It names no question and no setting, so it stays true
/// when `.mrd.yml` changes and never needs regenerating.
pub fn readme() -> String {
    "\
# Opportunity assessments

One Markdown file per product opportunity: the answers to the questions
`mrd questions` lists, each with evidence and a confidence, and a go/no-go
recommendation, in YAML front-matter. Reviewed in merge requests like code.

- `mrd new` writes a new assessment here: an interview in the terminal, or
  `mrd new --answers FILE` from a YAML file.
- `mrd lint` checks every assessment here; `mrd summary` shows the decision
  of each and whether the evidence supports it.

`mrd` skips this README when it reads the directory. It was written by
`mrd init`, which never replaces it: edit it as you like.
"
    .to_string()
}
