//! How accurately `mrd import` places answers, over documents written the
//! way teams write them (tests/fixtures/import/). Each fixture has a sidecar,
//! `NAME.expect.yml`, saying which question each answer belongs to (by a
//! phrase from it), the decision, and what the wrapper (front-matter, JSON)
//! carries. The test runs the real binary on each fixture, reads back what
//! it wrote, prints the score per shape, and fails under 95% of answers
//! placed right, or when any decision is not read as written.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use crate::common::{Scratch, fixture};
use mrd::assessment::{Assessment, parse};
use mrd::source::Source;
use serde::Deserialize;

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct Expect {
    shape: String,
    /// A `.mrd.yml` beside the fixture, passed with --config.
    #[serde(default)]
    config: Option<String>,
    /// `false`: nothing may be written (an empty template).
    #[serde(default)]
    written: Option<bool>,
    /// What the report must say when nothing is written.
    #[serde(default)]
    message: Option<String>,
    #[serde(default)]
    documents: Vec<ExpectDoc>,
    #[serde(flatten)]
    doc: ExpectDoc,
}

#[derive(Debug, Default, Deserialize)]
struct ExpectDoc {
    #[serde(default)]
    title: Option<String>,
    #[serde(default)]
    author: Option<String>,
    #[serde(default)]
    created: Option<String>,
    #[serde(default)]
    labels: Vec<String>,
    #[serde(default)]
    milestone: Option<String>,
    /// Foreign front-matter keys kept in the assessment.
    #[serde(default)]
    kept_keys: Vec<String>,
    #[serde(default)]
    decision: Option<String>,
    /// The decision is written in words ("Pursue."), not as go/no-go.
    #[serde(default)]
    decision_words: bool,
    /// Question key (with `#2`… for more phrases) → a phrase of its answer.
    #[serde(default)]
    answers: BTreeMap<String, String>,
    /// Phrases that must be in the notes body.
    #[serde(default)]
    notes: Vec<String>,
    /// Phrases that must not be in the rationale (trailing commentary).
    #[serde(default)]
    not_in_rationale: Vec<String>,
}

#[derive(Default)]
struct Score {
    placed: usize,
    total: usize,
    decisions_read: usize,
    decisions: usize,
    documents: usize,
}

fn fixtures() -> Vec<(String, PathBuf, Expect)> {
    let dir = fixture("import");
    let mut out = Vec::new();
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        let Some(stem) = name.strip_suffix(".expect.yml") else {
            continue;
        };
        let expect: Expect = serde_saphyr::from_str(&std::fs::read_to_string(&path).unwrap())
            .unwrap_or_else(|e| panic!("{name}: {e}"));
        let input = ["md", "json"]
            .iter()
            .map(|ext| dir.join(format!("{stem}.{ext}")))
            .find(|p| p.exists())
            .unwrap_or_else(|| panic!("{name} has no {stem}.md or {stem}.json"));
        out.push((stem.to_string(), input, expect));
    }
    out.sort_by(|a, b| a.0.cmp(&b.0));
    out
}

fn written(dir: &Path) -> Vec<Assessment> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        let text = std::fs::read_to_string(&path).unwrap();
        let parsed = parse(&Source::from_text(path.display().to_string(), text));
        assert!(
            parsed.problems.is_empty(),
            "{}: {:?}",
            path.display(),
            parsed.problems
        );
        out.push(parsed.assessment.unwrap());
    }
    out
}

fn rationale_of(a: &Assessment) -> String {
    a.front
        .recommendation
        .as_ref()
        .and_then(|r| r.rationale.as_ref())
        .map(|r| r.value.clone())
        .unwrap_or_default()
}

/// Where a phrase went, for the failure list.
fn found_in(a: &Assessment, phrase: &str) -> String {
    for answer in &a.front.answers {
        if answer.text.value.contains(phrase) {
            return format!("answers.{}", answer.key.value);
        }
    }
    let rationale = rationale_of(a);
    if rationale.contains(phrase) {
        return "the rationale".into();
    }
    if a.body.contains(phrase) {
        return "the notes".into();
    }
    "nowhere".into()
}

fn check_doc(
    name: &str,
    a: &Assessment,
    want: &ExpectDoc,
    score: &mut Score,
    failures: &mut Vec<String>,
) {
    score.documents += 1;
    for (key, phrase) in &want.answers {
        let key = key.split('#').next().unwrap();
        score.total += 1;
        if a.front
            .answer_text(key)
            .is_some_and(|t| t.contains(phrase.as_str()))
        {
            score.placed += 1;
        } else {
            failures.push(format!(
                "{name}: \"{phrase}\" belongs to {key}, found in {}",
                found_in(a, phrase)
            ));
        }
    }
    if let Some(decision) = &want.decision {
        score.decisions += 1;
        let got = a.front.decision().map(|d| d.to_string());
        if got.as_deref() == Some(decision.as_str()) {
            score.decisions_read += 1;
        } else {
            let words = if want.decision_words {
                " (in words)"
            } else {
                ""
            };
            failures.push(format!(
                "{name}: decision{words} should be {decision}, read {got:?}"
            ));
        }
    }
    let mut check = |ok: bool, what: String| {
        if !ok {
            failures.push(format!("{name}: {what}"));
        }
    };
    if let Some(title) = &want.title {
        check(
            a.front.title_text() == Some(title.as_str()),
            format!("title should be {title:?}, is {:?}", a.front.title_text()),
        );
    }
    if let Some(author) = &want.author {
        let got = a.front.author.as_ref().map(|x| x.value.as_str());
        check(
            got == Some(author.as_str()),
            format!("author should be {author:?}, is {got:?}"),
        );
    }
    if let Some(created) = &want.created {
        let got = a.front.created.as_ref().map(|x| x.value.to_string());
        check(
            got.as_deref() == Some(created.as_str()),
            format!("created should be {created}, is {got:?}"),
        );
    }
    if !want.labels.is_empty() {
        let got: Vec<&str> = a.front.labels.iter().map(|l| l.value.as_str()).collect();
        check(
            got == want.labels,
            format!("labels should be {:?}, are {got:?}", want.labels),
        );
    }
    if let Some(milestone) = &want.milestone {
        let got = a.front.milestone.as_ref().map(|x| x.value.as_str());
        check(
            got == Some(milestone.as_str()),
            format!("milestone should be {milestone:?}, is {got:?}"),
        );
    }
    for key in &want.kept_keys {
        let kept = a
            .front
            .extra
            .iter()
            .any(|(k, _)| k.as_text().as_deref() == Some(key));
        check(kept, format!("front-matter key `{key}` was not kept"));
    }
    for phrase in &want.notes {
        check(
            a.body.contains(phrase.as_str()),
            format!(
                "\"{phrase}\" should be in the notes, is in {}",
                found_in(a, phrase)
            ),
        );
    }
    let rationale = rationale_of(a);
    for phrase in &want.not_in_rationale {
        check(
            !rationale.contains(phrase.as_str()),
            format!("\"{phrase}\" was pulled into the rationale"),
        );
    }
}

#[test]
fn answers_land_under_the_right_question() {
    let fixtures = fixtures();
    assert!(fixtures.len() >= 25, "only {} fixtures", fixtures.len());
    let mut by_shape: BTreeMap<String, Score> = BTreeMap::new();
    let mut failures = Vec::new();
    let mut documents = 0;
    for (name, input, expect) in &fixtures {
        let scratch = Scratch::new();
        let out = scratch.path().join("out");
        std::fs::create_dir(&out).unwrap();
        let mut cmd = scratch.mrd();
        cmd.arg("import").arg(input).arg("-o").arg(&out);
        if let Some(config) = &expect.config {
            cmd.arg("--config")
                .arg(fixture(&format!("import/{config}")));
        }
        let output = cmd.output().unwrap();
        let stdout = String::from_utf8_lossy(&output.stdout);
        let stderr = String::from_utf8_lossy(&output.stderr);
        let score = by_shape.entry(expect.shape.clone()).or_default();
        if expect.written == Some(false) {
            documents += 1;
            score.documents += 1;
            let files = std::fs::read_dir(&out).unwrap().count();
            if files != 0 || output.status.code() != Some(2) {
                failures.push(format!(
                    "{name}: should write nothing and exit 2\n{stdout}{stderr}"
                ));
            }
            if let Some(message) = &expect.message
                && !stderr.contains(message.as_str())
            {
                failures.push(format!("{name}: should say {message:?}, said:\n{stderr}"));
            }
            continue;
        }
        assert!(
            matches!(output.status.code(), Some(0 | 1)),
            "{name}: exit {:?}\n{stdout}{stderr}",
            output.status.code()
        );
        let assessments = written(&out);
        let wanted: Vec<&ExpectDoc> = if expect.documents.is_empty() {
            vec![&expect.doc]
        } else {
            expect.documents.iter().collect()
        };
        assert_eq!(
            assessments.len(),
            wanted.len(),
            "{name}: files written\n{stdout}"
        );
        for want in wanted {
            documents += 1;
            // A document is found by its title; with one document, a wrong
            // title is a failure of its own, not a reason to skip it.
            let a = want
                .title
                .as_ref()
                .and_then(|title| {
                    assessments
                        .iter()
                        .find(|a| a.front.title_text() == Some(title.as_str()))
                })
                .or_else(|| (assessments.len() == 1).then(|| &assessments[0]))
                .unwrap_or_else(|| {
                    panic!("{name}: no assessment titled {:?}\n{stdout}", want.title)
                });
            check_doc(name, a, want, score, &mut failures);
        }
    }

    let mut total = Score::default();
    println!(
        "\n{:<20} {:>5} {:>9} {:>9} {:>9}",
        "shape", "docs", "answers", "placed", "decisions"
    );
    for (shape, s) in &by_shape {
        println!(
            "{shape:<20} {:>5} {:>9} {:>8.1}% {:>5}/{:<3}",
            s.documents,
            s.total,
            100.0 * s.placed as f64 / s.total.max(1) as f64,
            s.decisions_read,
            s.decisions
        );
        total.placed += s.placed;
        total.total += s.total;
        total.decisions += s.decisions;
        total.decisions_read += s.decisions_read;
    }
    let accuracy = 100.0 * total.placed as f64 / total.total.max(1) as f64;
    println!(
        "{:<20} {documents:>5} {:>9} {accuracy:>8.1}% {:>5}/{:<3}\n",
        "all", total.total, total.decisions_read, total.decisions
    );
    for failure in &failures {
        println!("  {failure}");
    }
    assert!(
        accuracy >= 95.0,
        "{accuracy:.1}% of answers placed right (95% needed)"
    );
    assert_eq!(
        total.decisions_read, total.decisions,
        "every decision, in words or not, must be read"
    );
    let other: Vec<_> = failures
        .iter()
        .filter(|f| !f.contains("belongs to"))
        .collect();
    assert!(other.is_empty(), "{other:#?}");
}
