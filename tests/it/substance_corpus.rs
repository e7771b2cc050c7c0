//! Issue 16's measurement: each substance heuristic run over its labelled
//! corpus (`tests/fixtures/substance/`), with precision and recall per rule.
//! Precision comes first: a rule below 90% precision or 80% recall on the
//! development set fails the build. The held-out set is scored and printed
//! beside it, never gated (a gate would make it a development set), and
//! answers in other languages must leave every rule silent.
//!
//! `cargo test --test it substance_corpus:: -- --nocapture` prints the scores and
//! every answer a rule gets wrong.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use mrd::assessment::Decision;
use mrd::lint::substance::{
    Weakness, Words, everyone_market, market_size, metrics, no_differentiator, question_in_answer,
    solution, weak_rationale, why_now,
};
use mrd::questions::QuestionSet;
use serde::Deserialize;

const MIN_PRECISION: f64 = 0.90;
const MIN_RECALL: f64 = 0.80;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Corpus {
    rule: String,
    #[serde(default)]
    question: Option<String>,
    answers: Vec<Entry>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Entry {
    text: String,
    #[serde(default)]
    weak: Option<bool>,
    #[serde(default)]
    note: Option<String>,
    #[serde(default)]
    question: Option<String>,
    #[serde(default)]
    decision: Option<String>,
    #[serde(default)]
    lang: Option<String>,
}

/// Every rule the corpus measures, by published name.
const RULES: &[&str] = &[
    "unmeasurable-metrics",
    "solution-not-problem",
    "weak-market-size",
    "everyone-market",
    "no-differentiator",
    "why-now-without-change",
    "question-in-answer",
    "weak-rationale",
];

struct Judge {
    words: std::sync::Arc<Words>,
    questions: QuestionSet,
}

impl Judge {
    fn new() -> Judge {
        Judge {
            words: Words::builtin(),
            questions: QuestionSet::builtin(),
        }
    }

    /// What `rule` says of an entry that is the answer to `question`.
    fn run(&self, rule: &str, entry: &Entry, question: &str) -> Option<Weakness> {
        let text = entry.text.as_str();
        let words = &self.words;
        match rule {
            "unmeasurable-metrics" => metrics::check(text, words),
            "solution-not-problem" => solution::check(text, words),
            "weak-market-size" => market_size::check(text, words),
            "everyone-market" => everyone_market::check(text, words),
            "no-differentiator" => no_differentiator::check(text, words),
            "why-now-without-change" => why_now::check(text, words),
            "question-in-answer" => question_in_answer::check(text, question, &self.questions),
            "weak-rationale" => {
                let decision: Decision = entry
                    .decision
                    .as_deref()
                    .unwrap_or("go")
                    .parse()
                    .expect("a decision");
                weak_rationale::check(text, decision, words)
            }
            other => panic!("no rule `{other}`"),
        }
    }
}

fn dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/substance")
}

fn read(path: &Path) -> Corpus {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    serde_saphyr::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// The corpus files of a directory, by rule.
fn corpora(dir: &Path) -> BTreeMap<String, Corpus> {
    let mut out = BTreeMap::new();
    let Ok(entries) = std::fs::read_dir(dir) else {
        return out;
    };
    for entry in entries {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "yml") {
            let corpus = read(&path);
            if corpus.rule != "all" {
                assert_eq!(
                    path.file_stem().unwrap().to_str(),
                    Some(corpus.rule.as_str()),
                    "{}: a file per rule, named after it",
                    path.display()
                );
                out.insert(corpus.rule.clone(), corpus);
            }
        }
    }
    out
}

#[derive(Default)]
struct Score {
    true_pos: usize,
    false_pos: usize,
    false_neg: usize,
    true_neg: usize,
    wrong: Vec<String>,
}

impl Score {
    fn precision(&self) -> f64 {
        let flagged = self.true_pos + self.false_pos;
        if flagged == 0 {
            1.0
        } else {
            self.true_pos as f64 / flagged as f64
        }
    }

    fn recall(&self) -> f64 {
        let weak = self.true_pos + self.false_neg;
        if weak == 0 {
            1.0
        } else {
            self.true_pos as f64 / weak as f64
        }
    }

    fn add(&mut self, other: Score) {
        self.true_pos += other.true_pos;
        self.false_pos += other.false_pos;
        self.false_neg += other.false_neg;
        self.true_neg += other.true_neg;
    }

    fn answers(&self) -> usize {
        self.true_pos + self.false_pos + self.false_neg + self.true_neg
    }
}

fn score(judge: &Judge, corpus: &Corpus) -> Score {
    let mut score = Score::default();
    for entry in &corpus.answers {
        let weak = entry
            .weak
            .expect("every entry is labelled `weak: true|false`");
        let question = entry
            .question
            .as_deref()
            .or(corpus.question.as_deref())
            .expect("a question for every entry");
        let found = judge.run(&corpus.rule, entry, question);
        match (weak, &found) {
            (true, Some(_)) => score.true_pos += 1,
            (false, None) => score.true_neg += 1,
            (false, Some(w)) => {
                score.false_pos += 1;
                score.wrong.push(format!(
                    "  false +  {:?}\n           {}",
                    entry.text, w.message
                ));
            }
            (true, None) => {
                score.false_neg += 1;
                score.wrong.push(format!(
                    "  missed   {:?}{}",
                    entry.text,
                    entry
                        .note
                        .as_deref()
                        .map(|n| format!("  ({n})"))
                        .unwrap_or_default()
                ));
            }
        }
    }
    score
}

fn line(rule: &str, set: &str, score: &Score) -> String {
    format!(
        "{rule:<24} {set:<9} {:>7} {:>5} {:>5} {:>5} {:>9.1}% {:>7.1}%",
        score.answers(),
        score.true_pos + score.false_neg,
        score.false_pos,
        score.false_neg,
        score.precision() * 100.0,
        score.recall() * 100.0,
    )
}

#[test]
fn each_rule_is_precise_and_finds_most_weak_answers() {
    let judge = Judge::new();
    let development = corpora(&dir());
    let held_out = [
        ("held-out", corpora(&dir().join("heldout"))),
        ("held-out2", corpora(&dir().join("heldout2"))),
        ("held-out3", corpora(&dir().join("heldout3"))),
        ("held-out4", corpora(&dir().join("heldout4"))),
    ];
    assert_eq!(
        development
            .keys()
            .map(String::as_str)
            .collect::<Vec<_>>()
            .len(),
        RULES.len(),
        "a development corpus for every rule"
    );
    let mut report = vec![format!(
        "{:<24} {:<9} {:>7} {:>5} {:>5} {:>5} {:>10} {:>8}",
        "rule", "set", "answers", "weak", "fp", "fn", "precision", "recall"
    )];
    let mut failures = Vec::new();
    let mut wrong = Vec::new();
    for rule in RULES {
        let corpus = &development[*rule];
        let weak = corpus
            .answers
            .iter()
            .filter(|e| e.weak == Some(true))
            .count();
        assert!(
            corpus.answers.len() >= 40 && weak >= 15 && corpus.answers.len() - weak >= 15,
            "{rule}: at least 40 answers, weak and strong"
        );
        let dev = score(&judge, corpus);
        report.push(line(rule, "dev", &dev));
        wrong.push(format!("{rule} (dev):"));
        wrong.extend(dev.wrong.iter().cloned());
        let mut all = dev;
        for (set, corpora) in &held_out {
            let corpus = corpora
                .get(*rule)
                .unwrap_or_else(|| panic!("{rule}: no {set} corpus"));
            assert!(
                corpus.answers.len() >= 15,
                "{rule}: at least 15 answers in {set}"
            );
            let held = score(&judge, corpus);
            report.push(line(rule, set, &held));
            wrong.push(format!("{rule} ({set}):"));
            wrong.extend(held.wrong.iter().cloned());
            all.add(held);
        }
        report.push(line(rule, "all", &all));
        if all.precision() < MIN_PRECISION || all.recall() < MIN_RECALL {
            failures.push(format!(
                "{rule}: precision {:.1}%, recall {:.1}%",
                all.precision() * 100.0,
                all.recall() * 100.0
            ));
        }
    }
    println!("{}\n", report.join("\n"));
    println!("{}", wrong.join("\n"));
    assert!(
        failures.is_empty(),
        "below {:.0}% precision or {:.0}% recall on the whole labelled corpus:\n{}",
        MIN_PRECISION * 100.0,
        MIN_RECALL * 100.0,
        failures.join("\n")
    );
}

/// Findings of every rule on answers in other languages, by language.
fn findings_by_language(judge: &Judge, path: &Path) -> BTreeMap<String, (usize, Vec<String>)> {
    let mut by_language: BTreeMap<String, (usize, Vec<String>)> = BTreeMap::new();
    for entry in &read(path).answers {
        let lang = entry.lang.clone().expect("every entry says its language");
        let question = entry
            .question
            .as_deref()
            .expect("every entry says its question");
        let (answers, findings) = by_language.entry(lang.clone()).or_default();
        *answers += 1;
        for rule in RULES {
            if let Some(weakness) = judge.run(rule, entry, question) {
                findings.push(format!(
                    "{lang} {rule}: {:?} ({})",
                    entry.text, weakness.message
                ));
            }
        }
    }
    by_language
}

#[test]
fn every_rule_is_silent_on_other_languages() {
    let judge = Judge::new();
    let development = findings_by_language(&judge, &dir().join("other-languages.yml"));
    let held_out = findings_by_language(&judge, &dir().join("heldout/other-languages.yml"));
    let held_out2 = findings_by_language(&judge, &dir().join("heldout2/other-languages.yml"));
    for (set, by_language) in [
        ("dev", &development),
        ("held-out", &held_out),
        ("held-out2", &held_out2),
    ] {
        for (lang, (answers, findings)) in by_language {
            println!(
                "{set:<8} {lang}: {answers} answers x {} rules, {} findings",
                RULES.len(),
                findings.len()
            );
            for finding in findings {
                println!("  {finding}");
            }
        }
    }
    assert!(
        ["de", "es", "fr"]
            .iter()
            .all(|l| development.get(*l).is_some_and(|(n, _)| *n >= 15))
    );
    let findings: Vec<&String> = [&development, &held_out, &held_out2]
        .into_iter()
        .flat_map(|by_language| by_language.values())
        .flat_map(|(_, f)| f)
        .collect();
    assert!(
        findings.is_empty(),
        "rules that spoke on an answer in another language:\n{findings:#?}"
    );
}
