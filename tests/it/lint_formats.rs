//! Every output format over the same fixtures, snapshotted with insta, and
//! the fields GitLab and SARIF require checked by hand.

use crate::common::mrd;
use serde_json::Value;

const REPORT: &str = "tests/fixtures/lint/report";

fn output(format: &str) -> (i32, String) {
    let output = mrd()
        .args(["lint", REPORT, "--format", format])
        .output()
        .unwrap();
    (
        output.status.code().unwrap(),
        String::from_utf8(output.stdout).unwrap(),
    )
}

#[test]
fn every_format_is_snapshotted_over_the_same_fixtures() {
    for format in ["human", "json", "github", "gitlab", "sarif", "junit"] {
        let (code, text) = output(format);
        assert_eq!(code, 1, "{format}: the fixtures have errors");
        insta::assert_snapshot!(format!("lint_report_{format}"), text);
    }
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
    let results = run["results"].as_array().unwrap();
    assert!(!results.is_empty());
    for result in results {
        let index = result["ruleIndex"].as_u64().unwrap() as usize;
        assert_eq!(rules[index]["id"], result["ruleId"]);
        assert!(["error", "warning"].contains(&result["level"].as_str().unwrap()));
        assert!(result["message"]["text"].as_str().is_some());
        let location = &result["locations"][0]["physicalLocation"];
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
