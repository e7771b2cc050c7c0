//! Issue 16 in the summary, through the real binary: substance findings
//! lower their answers' weight and are named in the verdict in a meeting's
//! words, and a document whose text sits mostly in its notes body gets no
//! score, saying so instead, in every view.

use crate::common::{Scratch, repo};
use serde_json::Value;

/// The fixture's text.
fn fixture(name: &str) -> String {
    std::fs::read_to_string(repo().join("tests/fixtures/summary/substance").join(name)).unwrap()
}

/// A scratch directory holding both fixtures under their names.
fn scratch() -> Scratch {
    let scratch = Scratch::new();
    for name in ["weak-go.md", "in-notes.md"] {
        scratch.write(name, &fixture(name));
    }
    scratch
}

/// `mrd summary ARGS` in the fixtures' scratch directory: standard output.
fn summary(args: &[&str]) -> String {
    let output = scratch().mrd().arg("summary").args(args).output().unwrap();
    String::from_utf8(output.stdout).unwrap()
}

#[test]
fn a_go_with_weak_answers_is_at_risk_in_the_meetings_words() {
    let weak = "weak-go.md";
    let view = summary(&[weak]);
    insta::assert_snapshot!("weak_go_single_view", view);
    assert!(
        view.contains("Verdict    GO, at risk: market size has no figure; no differentiator"),
        "{view}"
    );

    let json: Value = serde_json::from_str(&summary(&["--format", "json", weak])).unwrap();
    let s = &json["assessments"][0];
    let weight = |key: &str| {
        s["evidence"]
            .as_array()
            .unwrap()
            .iter()
            .find(|e| e["key"] == key)
            .unwrap()["weight"]
            .as_f64()
            .unwrap()
    };
    assert!(weight("market_size") < weight("problem"), "{s}");
    assert_eq!(
        s["verdict"]["contradictions"][0]["reasons"],
        serde_json::json!(["market size has no figure", "no differentiator"])
    );
}

#[test]
fn most_text_in_the_notes_is_said_instead_of_a_score() {
    let notes = "in-notes.md";
    let view = summary(&[notes]);
    insta::assert_snapshot!("in_notes_single_view", view);
    assert!(view.contains("Readiness  not scored: most of the text is in the notes"));

    let table = summary(&[notes, "weak-go.md"]);
    insta::assert_snapshot!("in_notes_table", table);

    let json: Value = serde_json::from_str(&summary(&["--format", "json", notes])).unwrap();
    let s = &json["assessments"][0];
    assert_eq!(
        s["text_in_notes"],
        serde_json::json!({"notes_words": 153, "answer_words": 9})
    );
    assert_eq!(s["verdict"]["contradictions"][0]["rule"], "text-in-notes");

    let output = scratch().mrd().args(["render", notes]).output().unwrap();
    let rendered = String::from_utf8(output.stdout).unwrap();
    let block: String = rendered.lines().take(4).collect::<Vec<_>>().join("\n");
    insta::assert_snapshot!("in_notes_render_summary", block);

    // The HTML page's chart draws no bar for it and says `notes`; the
    // scored one keeps its bar.
    let page = summary(&["--format", "html", notes, "weak-go.md"]);
    let rows: Vec<&str> = page
        .lines()
        .filter(|l| l.starts_with(r#"<li class="row">"#))
        .collect();
    assert_eq!(rows.len(), 2, "{page}");
    let in_notes = rows.iter().find(|r| r.contains(">notes</span>")).unwrap();
    assert!(
        in_notes.contains(r#"class="bar" style="width:0%"#),
        "{in_notes}"
    );
    let scored = rows.iter().find(|r| !r.contains(">notes</span>")).unwrap();
    assert!(!scored.contains("width:0%"), "{scored}");

    // A weak go's notes are short: it is scored as usual.
    let weak: Value = serde_json::from_str(&summary(&["--format", "json", "weak-go.md"])).unwrap();
    assert_eq!(weak["assessments"][0]["text_in_notes"], Value::Null);
}
