//! A JSON Schema (draft 2020-12) of the front-matter, built from the active
//! question set, so that editors validate and complete answers while people
//! type (through the YAML language server or any JSON Schema aware editor).
//!
//! The schema describes the *shape* of a valid file: which keys exist, their
//! types and allowed values, with each question's guidance as the key's
//! description. Completeness (every required question answered, a decision
//! made) is `mrd lint`'s job: a draft is a valid file that is not finished,
//! and an editor should not paint it red.

use serde_json::{Map, Value, json};

use crate::assessment::{Choice, Confidence, Decision, FORMAT_VERSION, Status};
use crate::questions::{Question, QuestionSet};

/// The schema dialect the output declares.
pub const DIALECT: &str = "https://json-schema.org/draft/2020-12/schema";

/// The front-matter schema for this question set.
pub fn front_matter_schema(questions: &QuestionSet) -> Value {
    let mut answers = Map::new();
    let mut confidence = Map::new();
    for q in questions.answer_questions() {
        answers.insert(q.key.clone(), answer_schema(q));
        confidence.insert(
            q.key.clone(),
            json!({
                "description": format!("How sure the author is of the answer to question {} ({}).", q.number, q.short_name),
                "enum": spellings::<Confidence>(),
            }),
        );
    }
    let recommendation = questions.recommendation();
    let decision_description = match recommendation {
        Some(q) => format!(
            "{}. {} ({})\n\n{}",
            q.number, q.text, q.short_name, q.guidance
        ),
        None => "The decision: go, no-go or undecided.".to_string(),
    };

    json!({
        "$schema": DIALECT,
        "title": "mrd opportunity assessment",
        "description": "The YAML front-matter of an opportunity assessment (format version 1). Written by hand or with `mrd new`; checked for completeness by `mrd lint`.",
        "type": "object",
        "properties": {
            "mrd": {
                "description": "The format version. Optional; this version of mrd reads version 1.",
                "const": FORMAT_VERSION,
            },
            "title": {
                "description": "The opportunity's name, as it would appear in an issue title.",
                "type": "string",
                "minLength": 1,
            },
            "author": {
                "description": "Who wrote the assessment.",
                "type": "string",
            },
            "created": {
                "description": "The day the assessment was started, as an ISO date (2026-10-02).",
                "type": "string",
                "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}$",
            },
            "status": {
                "description": "Where the assessment is in its life.",
                "enum": spellings::<Status>(),
            },
            "decided": {
                "description": "The day the current decision (go or no-go) was made, as an ISO date. Written by `mrd decide`, the interview and `mrd edit`.",
                "type": "string",
                "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}$",
            },
            "labels": {
                "description": "Issue labels, for `mrd render`.",
                "anyOf": [
                    { "type": "array", "items": { "type": "string" } },
                    { "type": "string" },
                ],
            },
            "milestone": {
                "description": "The milestone the work is planned for.",
                "type": ["string", "number"],
            },
            "answers": {
                "description": "The answer to each question, in Markdown, by question key. See `mrd questions`.",
                "type": ["object", "null"],
                "properties": answers,
                // A key outside the question set is almost always a typo
                // (`target_markt`); the editor says so while the user types.
                "additionalProperties": false,
            },
            "confidence": {
                "description": "How sure the author is of each answer: low, medium or high.",
                "type": ["object", "null"],
                "properties": confidence,
                "additionalProperties": false,
            },
            "recommendation": {
                "description": decision_description,
                "type": ["object", "null"],
                "properties": {
                    "decision": {
                        "description": "go, no-go, or undecided while the assessment is still open.",
                        "enum": spellings::<Decision>(),
                    },
                    "rationale": {
                        "description": "Why, weighing the answers above (Markdown).",
                        "type": ["string", "null"],
                    },
                    "conditions": {
                        "description": "What must hold for a go to stand, or what would change a no-go.",
                        "anyOf": [
                            { "type": "array", "items": { "type": "string" } },
                            { "type": "string" },
                        ],
                    },
                },
            },
            "lint": {
                "description": "Rules this file allows for itself, by code or name (`mrd rules` lists them), e.g. `allow: [MRD007]`.",
                "type": "object",
                "properties": {
                    "allow": {
                        "type": "array",
                        "items": { "type": "string" },
                    },
                },
                "additionalProperties": false,
            },
        },
        "required": ["title"],
        // Unknown top-level keys are kept by mrd, but in an editor they are
        // far more often typos (`tittle:`) than intent.
        "additionalProperties": false,
    })
}

/// The schema as pretty JSON, keys in a reading order (the dialect first,
/// the front-matter's keys in the format's order, questions in question
/// order) rather than serde_json's alphabetical one.
pub fn to_pretty_json(schema: &Value, questions: &QuestionSet) -> String {
    let mut order: Vec<String> = [
        "$schema",
        "title",
        "description",
        "type",
        "const",
        "enum",
        "pattern",
        "minLength",
        "anyOf",
        "items",
        "examples",
        "properties",
        "required",
        "additionalProperties",
        // Inside the recommendation and a file's own lint settings.
        "decision",
        "rationale",
        "conditions",
        "allow",
    ]
    .iter()
    .chain(crate::assessment::TOP_LEVEL_KEYS)
    .map(|k| k.to_string())
    .collect();
    order.extend(questions.all().iter().map(|q| q.key.clone()));
    let mut text = serde_json::to_string_pretty(&Ordered {
        value: schema,
        order: &order,
    })
    .unwrap_or_else(|_| schema.to_string());
    text.push('\n');
    text
}

struct Ordered<'a> {
    value: &'a Value,
    order: &'a [String],
}

impl serde::Serialize for Ordered<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::{SerializeMap, SerializeSeq};
        match self.value {
            Value::Object(map) => {
                let rank = |k: &str| self.order.iter().position(|o| o == k).unwrap_or(usize::MAX);
                let mut entries: Vec<(&String, &Value)> = map.iter().collect();
                entries.sort_by(|a, b| rank(a.0).cmp(&rank(b.0)).then(a.0.cmp(b.0)));
                let mut out = s.serialize_map(Some(entries.len()))?;
                for (key, value) in entries {
                    out.serialize_entry(
                        key,
                        &Ordered {
                            value,
                            order: self.order,
                        },
                    )?;
                }
                out.end()
            }
            Value::Array(items) => {
                let mut out = s.serialize_seq(Some(items.len()))?;
                for value in items {
                    out.serialize_element(&Ordered {
                        value,
                        order: self.order,
                    })?;
                }
                out.end()
            }
            other => other.serialize(s),
        }
    }
}

fn answer_schema(q: &Question) -> Value {
    let required = if q.required { "Required" } else { "Optional" };
    json!({
        "title": format!("{}. {}", q.number, q.text),
        "description": format!("{}. {} ({}) · {required}.\n\n{}", q.number, q.text, q.short_name, q.guidance),
        // YAML reads `answer: 1200` as a number; mrd reads it as the text it is.
        "type": ["string", "number", "null"],
        "examples": [q.example],
    })
}

fn spellings<T: Choice>() -> Vec<&'static str> {
    T::ALL.iter().map(|(_, name)| *name).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_every_question_with_its_guidance() {
        let set = QuestionSet::builtin();
        let schema = front_matter_schema(&set);
        assert_eq!(schema["$schema"], DIALECT);
        let answers = &schema["properties"]["answers"]["properties"];
        for q in set.answer_questions() {
            let description = answers[&q.key]["description"].as_str().unwrap();
            assert!(description.contains(&q.guidance), "{}", q.key);
        }
        assert!(
            answers.get("recommendation").is_none(),
            "the decision is not a free-text answer"
        );
        assert_eq!(
            schema["properties"]["recommendation"]["properties"]["decision"]["enum"],
            json!(["go", "no-go", "undecided"])
        );
    }
}
