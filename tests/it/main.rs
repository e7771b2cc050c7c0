//! Every integration test in one binary: the test binaries used to be
//! linked once per file (25 links of the whole crate); now they are linked
//! once, and `cargo test --test it MODULE::` runs one former file.
//! `tests/import_memory.rs` stays its own binary: it replaces the
//! process's allocator to count bytes, which every other test here would
//! disturb.

mod common;
mod completions;
mod foundation;
mod fresh_clone;
mod fuzz_regressions;
mod hostile_text;
mod import_accuracy;
mod import_backlog;
mod integrations;
mod integrations_import;
mod integrations_schema;
mod interview;
mod kickoff;
mod lint;
mod lint_bad_input;
mod lint_fix;
mod lint_formats;
mod lsp;
mod paths;
mod render;
mod render_details;
mod render_linear;
mod render_templates;
mod substance_corpus;
mod substance_lint;
mod summary;
mod summary_output;
mod summary_substance;
mod writes;
