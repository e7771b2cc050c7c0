//! `mrd schema`: the examples validate against it and broken files do not,
//! checked with an independent JSON Schema implementation (jsonschema).

use std::path::Path;

use crate::common::{Scratch, mrd, repo};
use serde_json::Value;

fn schema_from(cmd: &mut assert_cmd::Command) -> Value {
    let output = cmd
        .arg("schema")
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    serde_json::from_slice(&output).expect("the schema is JSON")
}

/// The front-matter of an assessment file as JSON, the way an editor's YAML
/// language server sees it.
fn front_matter(path: &Path) -> Value {
    let text = std::fs::read_to_string(path).unwrap();
    let yaml = text
        .strip_prefix("---\n")
        .and_then(|rest| rest.split_once("\n---\n"))
        .map(|(yaml, _)| yaml)
        .unwrap_or_else(|| panic!("{} has no front-matter", path.display()));
    serde_saphyr::from_str(yaml).unwrap()
}

fn errors(schema: &Value, instance: &Value) -> Vec<String> {
    let validator = jsonschema::draft202012::new(schema).expect("a valid draft 2020-12 schema");
    validator
        .iter_errors(instance)
        .map(|e| format!("{} at {}", e, e.instance_path()))
        .collect()
}

#[test]
fn the_schema_is_a_valid_draft_2020_12_schema() {
    let schema = schema_from(&mut mrd());
    assert_eq!(
        schema["$schema"],
        "https://json-schema.org/draft/2020-12/schema"
    );
    jsonschema::meta::validate(&schema).expect("valid against its meta-schema");
}

#[test]
fn every_example_validates() {
    let schema = schema_from(&mut mrd());
    let mut count = 0;
    for entry in std::fs::read_dir(repo().join("examples")).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "md") {
            let found = errors(&schema, &front_matter(&path));
            assert!(found.is_empty(), "{}: {found:?}", path.display());
            count += 1;
        }
    }
    assert!(count >= 3);
}

#[test]
fn broken_fixtures_do_not_validate_and_say_where() {
    let schema = schema_from(&mut mrd());
    let dir = repo().join("tests/fixtures/integrations/schema");
    let expected = [
        ("broken-status.md", "/status"),
        ("broken-answer-key.md", "/answers"),
        ("broken-decision.md", "/recommendation/decision"),
        ("broken-confidence.md", "/confidence/problem"),
        ("broken-answer-type.md", "/answers/problem"),
        ("broken-no-title.md", ""),
        ("broken-date.md", "/created"),
        ("broken-impossible-date.md", "/created"),
    ];
    for (file, pointer) in expected {
        let found = errors(&schema, &front_matter(&dir.join(file)));
        assert!(!found.is_empty(), "{file} should not validate");
        assert!(
            found.iter().any(|e| e.ends_with(&format!(" at {pointer}"))),
            "{file}: expected an error at `{pointer}`, got {found:?}"
        );
    }
}

#[test]
fn the_schema_follows_the_active_question_set() {
    let scratch = Scratch::new();
    scratch.write(
        ".mrd.yml",
        "questions:\n  pricing:\n    text: How will we price it?\n    short_name: pricing\n    guidance: Name the price and who pays it.\n",
    );
    let schema = schema_from(&mut scratch.mrd());
    let pricing = &schema["properties"]["answers"]["else"]["properties"]["pricing"];
    assert!(
        pricing["description"]
            .as_str()
            .unwrap()
            .contains("Name the price and who pays it.")
    );
    let file = serde_json::json!({"title": "T", "answers": {"pricing": "$99 a month."}});
    assert!(errors(&schema, &file).is_empty());
    // The built-in schema does not know the question.
    assert!(!errors(&schema_from(&mut mrd()), &file).is_empty());

    scratch
        .mrd()
        .args(["schema", "-o", "schema.json"])
        .assert()
        .success()
        .stdout("wrote schema.json\n");
    let written: Value = serde_json::from_str(&scratch.read("schema.json")).unwrap();
    assert_eq!(written, schema);
}

#[test]
fn a_files_own_lint_settings_validate_and_typos_in_them_do_not() {
    let schema = schema_from(&mut mrd());
    let allowed: Value =
        serde_saphyr::from_str("title: T\nlint:\n  allow: [MRD007, short-answer]\n").unwrap();
    assert!(
        errors(&schema, &allowed).is_empty(),
        "{:?}",
        errors(&schema, &allowed)
    );
    let typo: Value = serde_saphyr::from_str("title: T\nlint:\n  alow: [MRD007]\n").unwrap();
    assert!(!errors(&schema, &typo).is_empty());
}

#[test]
fn a_fresh_skeleton_validates() {
    // Every answer, the decision and the rationale are empty in it.
    let scratch = Scratch::new();
    scratch
        .mrd()
        .args(["new", "Managed scheduler", "--template-only", "-o", "s.md"])
        .assert()
        .success();
    let schema = schema_from(&mut mrd());
    let found = errors(&schema, &front_matter(&scratch.path().join("s.md")));
    assert!(found.is_empty(), "{found:?}");
}
