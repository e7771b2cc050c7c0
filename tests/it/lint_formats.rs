//! Every output format over the same fixtures, snapshotted with insta, and
//! the fields GitLab and SARIF require checked by hand.

use crate::common::mrd;
use serde_json::Value;

const REPORT: &str = "tests/fixtures/lint/report";

/// Findings that are hard to print: one with no source line (an empty
/// file), a file that is not UTF-8, and a message holding `%`, `:`, `,` and
/// a line break (an unknown key, quoted in YAML).
const TRICKY: &str = "tests/fixtures/lint/tricky";

const FORMATS: [&str; 7] = [
    "human", "json", "github", "gitlab", "sarif", "junit", "concise",
];

fn output(format: &str) -> (i32, String) {
    output_of(REPORT, format)
}

fn output_of(dir: &str, format: &str) -> (i32, String) {
    let output = mrd()
        .args(["lint", dir, "--format", format])
        .output()
        .unwrap();
    (
        output.status.code().unwrap(),
        String::from_utf8(output.stdout).unwrap(),
    )
}

#[test]
fn every_format_is_snapshotted_over_the_same_fixtures() {
    for format in FORMATS {
        let (code, text) = output(format);
        assert_eq!(code, 1, "{format}: the fixtures have errors");
        insta::assert_snapshot!(format!("lint_report_{format}"), text);
    }
}

#[test]
fn every_format_prints_findings_that_are_hard_to_print() {
    for format in FORMATS {
        let (code, text) = output_of(TRICKY, format);
        assert_eq!(code, 1, "{format}: the fixtures have errors");
        insta::assert_snapshot!(format!("lint_tricky_{format}"), text);
    }
}

#[test]
fn concise_is_one_line_per_finding_with_the_count_on_standard_error() {
    let output = mrd()
        .args(["lint", TRICKY, "--format", "concise"])
        .output()
        .unwrap();
    let stdout = String::from_utf8(output.stdout).unwrap();
    assert_eq!(
        stdout,
        "tests/fixtures/lint/tricky/empty.md:1:1: MRD002 the file has no front-matter\n\
         tests/fixtures/lint/tricky/odd-key.md:5:1: MRD013 unknown key `50%: sure, or not`\n\
         tests/fixtures/lint/tricky/windows-1252.md:2:11: MRD001 the file is not valid UTF-8 text\n"
    );
    assert_eq!(
        String::from_utf8(output.stderr).unwrap(),
        "2 errors, 1 warning in 3 files\n"
    );
}

/// The SARIF 2.1.0 schema, vendored with its licence note
/// (tests/fixtures/sarif/NOTICE.md).
fn sarif_schema_errors(report: &Value) -> Vec<String> {
    let path = crate::common::fixture("sarif/sarif-2.1.0-rtm.5.json");
    let text = std::fs::read_to_string(path).unwrap();
    // One pattern (`run.language`) ends in a stray `]`, a literal for
    // JavaScript's regular expressions and an error for Rust's: escaped, it
    // means the same to both.
    let text = text.replace(r#"-[a-zA-Z]{2}]?$"#, r#"-[a-zA-Z]{2}\\]?$"#);
    let schema: Value = serde_json::from_str(&text).unwrap();
    let validator = jsonschema::draft4::new(&schema).expect("a valid draft-04 schema");
    validator
        .iter_errors(report)
        .map(|e| format!("{e} at {}", e.instance_path()))
        .collect()
}

#[test]
fn sarif_is_valid_against_the_sarif_2_1_0_schema() {
    for dir in [REPORT, TRICKY] {
        let (_, text) = output_of(dir, "sarif");
        let report: Value = serde_json::from_str(&text).unwrap();
        assert_eq!(sarif_schema_errors(&report), Vec::<String>::new(), "{dir}");
    }
    // The check can fail: a result without its message is caught.
    let (_, text) = output("sarif");
    let mut broken: Value = serde_json::from_str(&text).unwrap();
    broken["runs"][0]["results"][0]
        .as_object_mut()
        .unwrap()
        .remove("message");
    broken["runs"][0]["results"][1]["locations"][0]["physicalLocation"]["artifactLocation"]["uriBaseId"] =
        7.into();
    assert_eq!(sarif_schema_errors(&broken).len(), 2);
}

/// GitHub's anchor for a heading: lower case, punctuation other than `-`
/// and `_` dropped, spaces made `-`.
fn github_anchor(heading: &str) -> String {
    heading
        .trim()
        .to_lowercase()
        .chars()
        .filter(|c| c.is_alphanumeric() || matches!(c, ' ' | '-' | '_'))
        .map(|c| if c == ' ' { '-' } else { c })
        .collect()
}

#[test]
fn every_rule_links_to_its_section_of_docs_lint_md() {
    let (_, text) = output("sarif");
    let sarif: Value = serde_json::from_str(&text).unwrap();
    let driver = &sarif["runs"][0]["tool"]["driver"];
    assert_eq!(driver["informationUri"], env!("CARGO_PKG_REPOSITORY"));
    let docs = std::fs::read_to_string(crate::common::repo().join("docs/lint.md")).unwrap();
    // Each heading's anchor, with the text of its section.
    let mut sections = std::collections::HashMap::new();
    for section in docs.split("\n#").skip(1) {
        let (heading, body) = section.split_once('\n').unwrap_or((section, ""));
        sections.insert(github_anchor(heading.trim_start_matches('#')), body);
    }
    let rules = driver["rules"].as_array().unwrap();
    for rule in rules {
        let uri = rule["helpUri"].as_str().unwrap();
        let prefix = concat!(env!("CARGO_PKG_REPOSITORY"), "/blob/main/docs/lint.md#");
        let anchor = uri.strip_prefix(prefix).unwrap_or_else(|| panic!("{uri}"));
        let body = sections
            .get(anchor)
            .unwrap_or_else(|| panic!("docs/lint.md has no heading for #{anchor}"));
        let summary = rule["shortDescription"]["text"].as_str().unwrap();
        assert!(body.contains(summary), "#{anchor} does not say: {summary}");
    }
    assert_eq!(rules.len(), 21);
}

#[test]
fn json_output_follows_its_documented_schema() {
    let (_, text) = output("json");
    let report: Value = serde_json::from_str(&text).unwrap();
    assert_eq!(report["version"], 1);
    assert_eq!(report["summary"]["files"], 4);
    let diagnostics = report["diagnostics"].as_array().unwrap();
    let errors = diagnostics.iter().filter(|d| d["level"] == "error").count();
    assert_eq!(report["summary"]["errors"], errors);
    for d in diagnostics {
        for field in [
            "file", "line", "column", "offset", "length", "code", "name", "level", "message",
            "help",
        ] {
            assert!(d.get(field).is_some(), "{field} missing in {d}");
        }
    }
}

#[test]
fn gitlab_code_quality_has_the_required_fields_and_stable_unique_fingerprints() {
    let (_, first) = output("gitlab");
    let (_, second) = output("gitlab");
    assert_eq!(first, second, "the report is the same on every run");
    let issues: Vec<Value> = serde_json::from_str(&first).unwrap();
    assert!(!issues.is_empty());
    let mut fingerprints = std::collections::HashSet::new();
    for issue in &issues {
        assert!(issue["description"].as_str().is_some_and(|d| !d.is_empty()));
        assert!(
            issue["check_name"]
                .as_str()
                .is_some_and(|c| c.starts_with("MRD"))
        );
        let severity = issue["severity"].as_str().unwrap();
        assert!(["info", "minor", "major", "critical", "blocker"].contains(&severity));
        assert!(
            issue["location"]["path"]
                .as_str()
                .is_some_and(|p| p.starts_with(REPORT))
        );
        assert!(
            issue["location"]["lines"]["begin"]
                .as_u64()
                .is_some_and(|l| l >= 1)
        );
        assert!(fingerprints.insert(issue["fingerprint"].as_str().unwrap().to_string()));
    }
}

#[test]
fn sarif_has_the_required_fields_rules_and_regions() {
    let (_, text) = output("sarif");
    let sarif: Value = serde_json::from_str(&text).unwrap();
    assert_eq!(sarif["version"], "2.1.0");
    assert!(sarif["$schema"].as_str().unwrap().contains("sarif-2.1.0"));
    let run = &sarif["runs"][0];
    let driver = &run["tool"]["driver"];
    assert_eq!(driver["name"], "mrd");
    let rules = driver["rules"].as_array().unwrap();
    assert_eq!(rules.len(), 21);
    assert!(rules.iter().all(|r| {
        r["helpUri"]
            .as_str()
            .is_some_and(|u| u.starts_with("https://"))
    }));
    let results = run["results"].as_array().unwrap();
    assert!(!results.is_empty());
    for result in results {
        let index = result["ruleIndex"].as_u64().unwrap() as usize;
        assert_eq!(rules[index]["id"], result["ruleId"]);
        assert!(["error", "warning"].contains(&result["level"].as_str().unwrap()));
        assert!(result["message"]["text"].as_str().is_some());
        let location = &result["locations"][0]["physicalLocation"];
        assert_eq!(location["artifactLocation"]["uriBaseId"], "%SRCROOT%");
        assert!(
            location["artifactLocation"]["uri"]
                .as_str()
                .unwrap()
                .starts_with(REPORT)
        );
        assert!(location["region"]["startLine"].as_u64().unwrap() >= 1);
        assert!(location["region"]["startColumn"].as_u64().unwrap() >= 1);
    }
}

#[test]
fn junit_has_one_test_case_per_file() {
    let (_, text) = output("junit");
    assert_eq!(text.matches("<testcase ").count(), 4);
    assert!(text.contains(r#"<testsuites name="mrd lint" tests="4" failures="2" errors="0">"#));
}
