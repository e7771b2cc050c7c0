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

use crate::assessment::{
    Choice, Confidence, Decision, FORMAT_VERSION, Field, RecommendationField, Status,
};
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

    // Each top-level field of the format, from its one definition, with
    // the shape this schema gives it.
    let mut properties = Map::new();
    for &field in Field::ALL {
        let shape = match field {
            Field::Version => json!({ "const": FORMAT_VERSION }),
            Field::Title => json!({ "type": "string", "minLength": 1 }),
            Field::Author => json!({ "type": "string" }),
            Field::Created => json!({
                "type": "string",
                "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}$",
            }),
            Field::Status => json!({ "enum": spellings::<Status>() }),
            Field::Labels => json!({
                "anyOf": [
                    { "type": "array", "items": { "type": "string" } },
                    { "type": "string" },
                ],
            }),
            Field::Milestone => json!({ "type": ["string", "number"] }),
            Field::Answers => json!({
                "type": ["object", "null"],
                "properties": answers,
                // A key outside the question set is almost always a typo
                // (`target_markt`); the editor says so while the user types.
                "additionalProperties": false,
            }),
            Field::Confidence => json!({
                "type": ["object", "null"],
                "properties": confidence,
                "additionalProperties": false,
            }),
            Field::Recommendation => json!({
                "type": ["object", "null"],
                "properties": recommendation_properties(),
            }),
            Field::FileSettings => json!({
                "type": "object",
                "properties": {
                    "allow": {
                        "type": "array",
                        "items": { "type": "string" },
                    },
                },
                "additionalProperties": false,
            }),
        };
        let description = match field {
            // The decision's description is the tenth question's own.
            Field::Recommendation => decision_description.clone(),
            _ => field.description().to_string(),
        };
        let mut property = Map::new();
        property.insert("description".into(), description.into());
        if let Value::Object(shape) = shape {
            property.extend(shape);
        }
        properties.insert(field.key().to_string(), Value::Object(property));
    }

    json!({
        "$schema": DIALECT,
        "title": "mrd opportunity assessment",
        "description": "The YAML front-matter of an opportunity assessment (format version 1). Written by hand or with `mrd new`; checked for completeness by `mrd lint`.",
        "type": "object",
        "properties": properties,
        "required": [Field::Title.key()],
        // Unknown top-level keys are kept by mrd, but in an editor they are
        // far more often typos (`tittle:`) than intent.
        "additionalProperties": false,
    })
}

/// The keys inside `recommendation:`, from their one definition.
fn recommendation_properties() -> Map<String, Value> {
    let mut properties = Map::new();
    for &field in RecommendationField::ALL {
        let shape = match field {
            RecommendationField::Decision => json!({ "enum": spellings::<Decision>() }),
            RecommendationField::Rationale => json!({ "type": ["string", "null"] }),
            RecommendationField::Conditions => json!({
                "anyOf": [
                    { "type": "array", "items": { "type": "string" } },
                    { "type": "string" },
                ],
            }),
        };
        let mut property = Map::new();
        property.insert("description".into(), field.description().into());
        if let Value::Object(shape) = shape {
            property.extend(shape);
        }
        properties.insert(field.key().to_string(), Value::Object(property));
    }
    properties
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
        // Inside a file's own lint settings.
        "allow",
    ]
    .iter()
    .chain(crate::assessment::RECOMMENDATION_KEYS)
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
