//! Arbitrary bytes as an assessment file, through `mrd lint` in every output
//! format, `mrd summary` in every format and `mrd render`: no panic, exit
//! codes from the documented set, machine formats that parse, and GitLab
//! Markdown that runs no quick action.
#![no_main]

use libfuzzer_sys::fuzz_target;
use mrd_fuzz::{check_gitlab_markdown, mrd, write};

fn json(out: &[u8], what: &str) {
    if let Err(err) = serde_json::from_slice::<serde_json::Value>(out) {
        panic!(
            "{what}: not JSON ({err}):\n{}",
            String::from_utf8_lossy(out)
        );
    }
}

fuzz_target!(|data: &[u8]| {
    write("x.md", data);
    for format in ["human", "json", "github", "gitlab", "sarif", "junit"] {
        let (out, code) = mrd(&["lint", "--format", format, "x.md"]);
        assert!(code <= 2, "lint --format {format} exited {code}");
        if matches!(format, "json" | "gitlab" | "sarif") {
            json(&out, format);
        }
        if format == "github" {
            // One workflow command per line: user text cannot start another.
            let text = String::from_utf8_lossy(&out);
            for line in text.lines() {
                assert!(
                    line.starts_with("::"),
                    "github: a line that is no command: {line:?}"
                );
            }
        }
    }
    let (_, code) = mrd(&["--color", "always", "lint", "x.md"]);
    assert!(code <= 2);
    for format in ["table", "json", "csv", "markdown", "html"] {
        let (out, code) = mrd(&["summary", "--format", format, "x.md"]);
        assert!(code <= 2, "summary --format {format} exited {code}");
        if format == "json" && code == 0 {
            json(&out, "summary json");
        }
    }
    let (out, code) = mrd(&["render", "x.md"]);
    assert!(code <= 2);
    if code == 0 {
        check_gitlab_markdown(&String::from_utf8(out).expect("UTF-8 render"), 0, "render");
    }
});
