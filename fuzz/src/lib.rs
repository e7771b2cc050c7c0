//! What the fuzz targets share: running the real command line in-process
//! with its standard output captured, and the safety properties every piece
//! of issue text must have (GitLab's quick-action rule, no hidden control
//! characters, nothing active in the HTML page).

use std::io::{Read, Seek, Write};
use std::os::fd::AsRawFd;
use std::path::PathBuf;
use std::sync::OnceLock;

/// GitLab's extractor, ported once for the tests and the fuzz targets.
#[path = "../../tests/it/common/gitlab_quick_actions.rs"]
pub mod gitlab_quick_actions;

/// A scratch directory, made the working directory once per process, with a
/// `.git` marker so that configuration discovery stops there. (So corpus
/// and dictionary paths given to libFuzzer must be absolute, as cargo-fuzz
/// and run-all.sh give them.)
pub fn scratch() -> &'static PathBuf {
    static DIR: OnceLock<PathBuf> = OnceLock::new();
    DIR.get_or_init(|| {
        let dir = std::env::temp_dir().join(format!("mrd-fuzz-{}", std::process::id()));
        std::fs::create_dir_all(dir.join(".git")).expect("scratch directory");
        std::env::set_current_dir(&dir).expect("enter the scratch directory");
        // SAFETY: set once, before any other thread of this process reads the environment.
        unsafe {
            std::env::set_var("NO_COLOR", "1");
            std::env::set_var("CI", "true");
        }
        dir
    })
}

/// Writes `bytes` to `name` in the scratch directory.
pub fn write(name: &str, bytes: &[u8]) {
    std::fs::write(scratch().join(name), bytes).expect("write an input file");
}

/// What `mrd ARGS` printed on standard output, and its exit code, run
/// in-process (a panic anywhere is a crash libFuzzer reports).
pub fn mrd(args: &[&str]) -> (Vec<u8>, u8) {
    scratch();
    static CAPTURE: OnceLock<std::sync::Mutex<std::fs::File>> = OnceLock::new();
    let capture = CAPTURE.get_or_init(|| {
        let file = tempfile_in_scratch();
        std::sync::Mutex::new(file)
    });
    let mut file = capture.lock().expect("capture file");
    file.set_len(0).expect("truncate");
    file.rewind().expect("rewind");
    std::io::stdout().flush().expect("flush stdout");
    let stderr = quiet_stderr();
    // SAFETY: plain descriptor juggling on descriptors this process owns.
    let saved = unsafe { libc::dup(1) };
    unsafe {
        libc::dup2(file.as_raw_fd(), 1);
        // mrd's own messages are expected; a panic message is not, and the
        // panic hook puts standard error back first (see `quiet_stderr`).
        libc::dup2(stderr.null, 2);
    }
    let code = mrd::run(std::iter::once("mrd").chain(args.iter().copied()));
    std::io::stdout().flush().expect("flush stdout");
    unsafe {
        libc::dup2(saved, 1);
        libc::close(saved);
        libc::dup2(stderr.real, 2);
    }
    let mut out = Vec::new();
    file.rewind().expect("rewind");
    file.read_to_end(&mut out).expect("read the capture");
    (out, exit_code(code))
}

/// Standard error as libFuzzer left it, and /dev/null.
struct Stderr {
    real: i32,
    null: i32,
}

/// Descriptors to silence mrd's messages while it runs, with a panic hook
/// that restores standard error before the panic is reported.
fn quiet_stderr() -> &'static Stderr {
    static STDERR: OnceLock<Stderr> = OnceLock::new();
    STDERR.get_or_init(|| {
        // SAFETY: duplicating and opening descriptors this process owns.
        let real = unsafe { libc::dup(2) };
        let null = unsafe { libc::open(c"/dev/null".as_ptr(), libc::O_WRONLY) };
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            unsafe { libc::dup2(real, 2) };
            previous(info);
        }));
        Stderr { real, null }
    })
}

fn tempfile_in_scratch() -> std::fs::File {
    std::fs::OpenOptions::new()
        .read(true)
        .write(true)
        .create(true)
        .truncate(true)
        .open(scratch().join(".stdout"))
        .expect("capture file")
}

/// The number inside an `ExitCode`, which std does not expose.
fn exit_code(code: std::process::ExitCode) -> u8 {
    let text = format!("{code:?}");
    text.chars()
        .filter(char::is_ascii_digit)
        .collect::<String>()
        .parse()
        .unwrap_or(255)
}

/// Control characters that no forge shows and terminals act on.
pub fn hidden_controls(text: &str) -> Vec<char> {
    text.chars()
        .filter(|c| c.is_control() && !matches!(c, '\t' | '\n'))
        .collect()
}

/// GitLab Markdown: GitLab runs no quick action from it except `mrd`'s own
/// last lines (`expected_own` of them), and it hides no control character.
pub fn check_gitlab_markdown(text: &str, expected_own: usize, what: &str) {
    let commands = gitlab_quick_actions::extract(text);
    let lines = text.lines().count();
    let user: Vec<_> = commands
        .iter()
        .filter(|c| c.line + expected_own <= lines)
        .collect();
    assert!(
        user.is_empty(),
        "{what}: GitLab would run {user:?} from:\n{text}"
    );
    assert!(
        hidden_controls(text).is_empty(),
        "{what}: control characters {:?} in:\n{text}",
        hidden_controls(text)
    );
}

/// The tags pulldown-cmark and templates/page.html write; anything else in
/// the page body came from user text and should have been escaped.
const TAGS: &[&str] = &[
    "p",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "ul",
    "ol",
    "li",
    "code",
    "pre",
    "em",
    "strong",
    "a",
    "img",
    "blockquote",
    "table",
    "thead",
    "tbody",
    "tr",
    "th",
    "td",
    "del",
    "input",
    "hr",
    "br",
    "sup",
    "div",
    "main",
    "header",
    "body",
    "html",
    "span",
    "section",
];

/// The HTML page: inside `<main>`, only the tags the Markdown renderer
/// writes, no event-handler attribute, no link or image to a scheme other
/// than http, https or mailto, and no control character.
pub fn check_html_page(page: &str, what: &str) {
    let body = page.split_once("<main>").map_or(page, |(_, b)| b);
    let mut rest = body;
    while let Some(open) = rest.find('<') {
        let tag = &rest[open + 1..];
        let end = tag.find('>').unwrap_or(tag.len());
        let inside = &tag[..end];
        rest = &tag[end..];
        let name: String = inside
            .trim_start_matches('/')
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric())
            .collect::<String>()
            .to_ascii_lowercase();
        assert!(
            TAGS.contains(&name.as_str()),
            "{what}: a <{name}> tag reached the page:\n{page}"
        );
        for (key, value) in attributes(inside) {
            assert!(
                !key.starts_with("on"),
                "{what}: an event handler `{key}` reached the page:\n{page}"
            );
            if key == "href" || key == "src" {
                check_url(&value, what, page);
            }
        }
    }
    assert!(
        hidden_controls(page).is_empty(),
        "{what}: control characters in the page:\n{page}"
    );
}

/// The attributes of a tag's inside (`a href="x" title='y'`), names
/// lowercased, values as written, quotes respected.
fn attributes(inside: &str) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let inside = inside.trim_start_matches('/');
    let bytes = inside.as_bytes();
    // After the tag's name.
    let mut i = inside
        .find(|c: char| c.is_ascii_whitespace() || c == '/')
        .unwrap_or(inside.len());
    while i < bytes.len() {
        while i < bytes.len() && (bytes[i].is_ascii_whitespace() || bytes[i] == b'/') {
            i += 1;
        }
        let start = i;
        while i < bytes.len() && !bytes[i].is_ascii_whitespace() && !matches!(bytes[i], b'=' | b'/')
        {
            i += 1;
        }
        let name = inside[start..i].to_ascii_lowercase();
        let mut value = String::new();
        if i < bytes.len() && bytes[i] == b'=' {
            i += 1;
            match bytes.get(i) {
                Some(&q @ (b'"' | b'\'')) => {
                    let end = inside[i + 1..]
                        .find(q as char)
                        .map_or(bytes.len(), |e| i + 1 + e);
                    value = inside[i + 1..end].to_string();
                    i = (end + 1).min(bytes.len());
                }
                _ => {
                    let end = inside[i..]
                        .find(|c: char| c.is_ascii_whitespace())
                        .map_or(bytes.len(), |e| i + e);
                    value = inside[i..end].to_string();
                    i = end;
                }
            }
        }
        if !name.is_empty() {
            out.push((name, value));
        }
    }
    out
}

fn check_url(escaped: &str, what: &str, page: &str) {
    let url = decode_entities(escaped);
    let compact: String = url
        .chars()
        .filter(|c| !c.is_ascii_whitespace() && !c.is_ascii_control())
        .collect::<String>()
        .to_ascii_lowercase();
    if let Some((scheme, _)) = compact.split_once(':')
        && !scheme.contains(['/', '?', '#'])
    {
        assert!(
            matches!(scheme, "http" | "https" | "mailto"),
            "{what}: a `{scheme}:` URL reached the page:\n{page}"
        );
    }
}

/// HTML character references, as a browser decodes them in an attribute.
fn decode_entities(text: &str) -> String {
    let mut out = String::new();
    let mut rest = text;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        let tail = &rest[amp + 1..];
        let end = tail.find(';').filter(|e| *e <= 10);
        let decoded = end.and_then(|end| {
            let name = &tail[..end];
            let code = if let Some(hex) = name.strip_prefix("#x").or(name.strip_prefix("#X")) {
                u32::from_str_radix(hex, 16).ok()
            } else if let Some(dec) = name.strip_prefix('#') {
                dec.parse().ok()
            } else {
                match name {
                    "amp" => Some('&' as u32),
                    "colon" => Some(':' as u32),
                    "tab" | "Tab" => Some('\t' as u32),
                    "newline" | "NewLine" => Some('\n' as u32),
                    "quot" => Some('"' as u32),
                    "lt" => Some('<' as u32),
                    "gt" => Some('>' as u32),
                    _ => None,
                }
            };
            code.and_then(char::from_u32).map(|c| (c, end))
        });
        match decoded {
            Some((c, end)) => {
                out.push(c);
                rest = &tail[end + 1..];
            }
            None => {
                out.push('&');
                rest = tail;
            }
        }
    }
    out.push_str(rest);
    out
}
