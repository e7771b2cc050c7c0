//! The reader checked against serde-saphyr ([`super::reference`]) on every
//! fixture and example, on generated documents full of YAML hazards
//! (proptest), and on the benchmark corpus:
//! `MRD_YAML_CORPUS=DIR cargo test --release --lib yaml::oracle -- --ignored`.

use proptest::prelude::*;

use super::reference::check;

/// The front-matter of every assessment under `dir`, recursively, and every
/// `.yml` file.
fn documents(dir: &std::path::Path, out: &mut Vec<(String, String)>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        let Ok(text) = std::fs::read_to_string(&path) else {
            if path.is_dir() {
                documents(&path, out);
            }
            continue;
        };
        let text = text.strip_prefix('\u{feff}').unwrap_or(&text);
        match path.extension().and_then(|e| e.to_str()) {
            Some("md") => {
                if let Ok(split) = crate::assessment::split(text) {
                    out.push((path.display().to_string(), split.yaml.to_string()));
                }
            }
            Some("yml" | "yaml") => out.push((path.display().to_string(), text.to_string())),
            _ => {}
        }
    }
}

#[test]
fn fixtures_and_examples_read_exactly_as_serde_saphyr_reads_them() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    documents(&root.join("examples"), &mut files);
    documents(&root.join("tests/fixtures"), &mut files);
    let snippets = [
        "a: 1\nb: -2\nc: 0\nd: 007\ne: 1.5\nf: 1e3\ng: .inf\nh: +3\ni: 0x1F\nj: 1_000\nk: 0b101\n",
        "t: true\nf: false\nn: null\ne:\nno: no\ny: Yes\nT: TRUE\nnan: nan\n~: tilde key\n",
        "date: 2026-10-02\nweek: 2026-W44\nv: 12345678901234567890\nw: 99999999999999999999\n",
        "s: 'single'\nd: \"double\\n\\u00e9\"\nb: |\n  block\n  text\nf: >\n  folded\n  text\n",
        "list: [a, b, {c: d}]\nblock:\n  - x\n  - y: z\n    w: v\n  - - nested\n",
        "é: ü\nkey: \"multi\n  line\"\nplain: multi\n  line plain\n",
        "a: 1\na: 2\n",
        "? [complex]\n: key\n? {a: b}\n: map key\n",
        "# only a comment\nx: y # trailing\n",
        "title: Title #1\nlist: # why\n  - a # first\n",
        "crlf: yes\r\nblock: |\r\n  one\r\n  two\r\nquoted: \"a\r\n  b\"\r\n",
        "lone: cr\rblock: |\r  one\r  two\rnext: 1\r",
        "tab:\tvalue\nempty_block: |\nnext: 1\nkeep: |+\n  text\n\n",
        "answers:\n  problem: >-\n    folded\n    lines\n\n    paragraph\n  x: 'it''s'\n",
        "end: |\n  no final newline",
        "end: >\n  folded at the end",
        "- a\n- b\n",
        "just text\n",
        "",
        "   \n# nothing\n",
        "---\na: 1\n",
        "---\na: 1\n...\n",
        "a: 1\n---\nb: 2\n",
        "'<<': not a merge key\n",
        "a: [1, 2,\n  3]\nb: {x: 1,\n  y: 2}\n",
        "indent: |2\n    two more\n",
        "bad: [unclosed\n",
        "title: \"unclosed\nfoo: bar\n",
        "a: b: c\n",
        "a:\n- b\n-c\n",
    ];
    for snippet in snippets {
        files.push((format!("snippet {snippet:?}"), snippet.to_string()));
    }
    let mut read = 0;
    let failures: Vec<String> = files
        .iter()
        .filter_map(|(name, text)| match check(name, text) {
            Ok(both) => {
                read += usize::from(both);
                None
            }
            Err(err) => Some(err),
        })
        .collect();
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    assert!(
        read * 2 > files.len(),
        "only {read} of {} read",
        files.len()
    );
}

/// `MRD_YAML_CORPUS=/tmp/corpus cargo test --release --lib yaml::oracle -- --ignored`
/// checks a generated corpus (bench/generate.py) the same way.
#[test]
#[ignore]
fn a_corpus_reads_exactly_as_serde_saphyr_reads_it() {
    let dir = std::env::var("MRD_YAML_CORPUS").expect("MRD_YAML_CORPUS");
    let mut files = Vec::new();
    documents(std::path::Path::new(&dir), &mut files);
    let mut read = 0;
    for (name, text) in &files {
        read += usize::from(check(name, text).unwrap());
    }
    assert_eq!(read, files.len(), "every generated file reads");
}

/// Plain scalars that YAML readers disagree about.
fn hazard() -> impl Strategy<Value = String> {
    prop::sample::select(vec![
        "no",
        "Yes",
        "on",
        "y",
        "true",
        "True",
        "FALSE",
        "null",
        "~",
        "",
        "007",
        "-007",
        "+3",
        "0x1F",
        "0o17",
        "0X1F",
        "0O17",
        "-0B1",
        "0b11",
        "1_000",
        "1e3",
        "1.5",
        ".5",
        "5.",
        ".inf",
        "-.Inf",
        ".nan",
        "nan",
        "inf",
        "2026-10-02",
        "2026-W44",
        "44",
        "-",
        "--",
        "...x",
        "é ü",
        "12345678901234567890",
        "99999999999999999999",
        "-9223372036854775809",
        "a #b",
        "x:y",
        "😀",
        "TODO",
        "a  b",
    ])
    .prop_map(str::to_string)
}

/// A scalar value in one of YAML's styles, at an indentation.
fn scalar(indent: usize) -> impl Strategy<Value = String> {
    let pad = " ".repeat(indent + 2);
    prop_oneof![
        hazard(),
        hazard().prop_map(|h| format!("'{}'", h.replace('\'', "''"))),
        hazard().prop_map(|h| format!("\"{}\\t\\u00e9\"", h.replace('"', "\\\""))),
        (
            prop::sample::select(vec!["|", ">", "|-", ">+", "|2", ">-"]),
            prop::collection::vec("[a-zé ]{0,12}", 1..4)
        )
            .prop_map(move |(header, lines)| {
                let body: Vec<String> = lines.iter().map(|l| format!("{pad}x{l}")).collect();
                format!("{header}\n{}", body.join("\n"))
            }),
        prop::collection::vec(hazard(), 0..4).prop_map(|items| format!("[{}]", items.join(", "))),
        Just("&anchor value".to_string()),
        Just("*alias".to_string()),
        Just("!!str 12".to_string()),
    ]
}

/// A small document: keys with scalars, nested mappings, lists and lists of
/// mappings, with comments, blank lines and any line ending.
fn document() -> impl Strategy<Value = String> {
    let entry = (
        prop::sample::select(vec![
            "title", "no", "1", "answers", "é", "<<", "'quoted'", "a b",
        ]),
        prop_oneof![
            4 => scalar(0),
            1 => prop::collection::vec((prop::sample::select(vec!["problem", "x", "y"]), scalar(2)), 1..3)
                .prop_map(|entries| {
                    let lines: Vec<String> = entries.iter().map(|(k, v)| format!("  {k}: {v}")).collect();
                    format!("\n{}", lines.join("\n"))
                }),
            1 => prop::collection::vec(scalar(2), 1..3).prop_map(|items| {
                let lines: Vec<String> = items.iter().map(|v| format!("  - {v}")).collect();
                format!("\n{}", lines.join("\n"))
            }),
            1 => prop::collection::vec((hazard(), hazard()), 1..3).prop_map(|pairs| {
                let lines: Vec<String> = pairs
                    .iter()
                    .map(|(a, b)| format!("  - name: '{a}'\n    date: {b}"))
                    .collect();
                format!("\n{}", lines.join("\n"))
            }),
        ],
        prop::sample::select(vec!["", " # comment", "  "]),
    );
    (
        prop::collection::vec(entry, 1..6),
        prop::sample::select(vec!["\n", "\r\n", "\r"]),
        any::<bool>(),
        any::<bool>(),
    )
        .prop_map(|(entries, newline, final_newline, comment_line)| {
            let mut lines: Vec<String> = Vec::new();
            if comment_line {
                lines.push("# a comment".into());
            }
            for (key, value, trailer) in entries {
                let trailer = if value.contains('\n') || value.ends_with('|') {
                    ""
                } else {
                    trailer
                };
                lines.push(format!("{key}: {value}{trailer}"));
            }
            let mut text = lines.join("\n").replace('\n', newline);
            if final_newline {
                text.push_str(newline);
            }
            text
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(
        std::env::var("MRD_YAML_CASES").ok().and_then(|n| n.parse().ok()).unwrap_or(512)
    ))]
    #[test]
    fn generated_documents_read_exactly_as_serde_saphyr_reads_them(text in document()) {
        check("generated", &text).map_err(TestCaseError::fail)?;
    }
}
