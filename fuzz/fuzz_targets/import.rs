//! `mrd import` of arbitrary text as an issue: no panic; what it writes to
//! standard output is an assessment that reads back without a problem and
//! renders as inert GitLab Markdown.
#![no_main]

use libfuzzer_sys::fuzz_target;
use mrd_fuzz::{check_gitlab_markdown, mrd, write};

fuzz_target!(|data: &[u8]| {
    write("issue.md", data);
    let (out, code) = mrd(&["import", "issue.md", "-o", "-", "--title", "Imported"]);
    assert!(code <= 2, "import exited {code}");
    if code == 2 {
        return;
    }
    let text = String::from_utf8(out).expect("UTF-8 assessment");
    let parsed =
        mrd::assessment::parse(&mrd::source::Source::from_text("imported.md", text.clone()));
    assert!(
        parsed.problems.is_empty() && parsed.assessment.is_some(),
        "import wrote an assessment that does not read back ({:?}):\n{text}",
        parsed.problems
    );
    write("imported.md", text.as_bytes());
    let (rendered, code) = mrd(&["render", "imported.md"]);
    assert_eq!(code, 0, "the imported assessment does not render:\n{text}");
    check_gitlab_markdown(
        &String::from_utf8(rendered).expect("UTF-8"),
        0,
        "render of import",
    );
});
