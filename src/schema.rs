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
                "enum": choices::<Confidence>(),
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
        let description = field.description();
        let property = match field {
            Field::Version => json!({ "description": description, "const": FORMAT_VERSION }),
            Field::Title => json!({ "description": description, "type": "string", "minLength": 1 }),
            Field::Author => json!({ "description": description, "type": "string" }),
            Field::Created => json!({
                "description": description,
                "anyOf": [
                    { "type": "string", "pattern": DATE_PATTERN },
                    loaded_date(),
                ],
            }),
            Field::Status => json!({ "description": description, "enum": choices::<Status>() }),
            Field::Decided => json!({
                "description": description,
                "type": "string",
                "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}$",
            }),
            Field::Labels => json!({
                "description": description,
                "anyOf": [
                    { "type": "array", "items": { "type": "string" } },
                    { "type": "string" },
                ],
            }),
            Field::Milestone => json!({
                "description": description,
                "anyOf": [
                    { "type": "string" },
                    { "type": "number" },
                    loaded_date(),
                ],
            }),
            Field::Answers => nullable_object(
                description,
                json!({
                    "type": "object",
                    "properties": answers,
                    // A key outside the question set is almost always a typo
                    // (`target_markt`); the editor says so while the user types.
                    "additionalProperties": false,
                }),
            ),
            Field::Confidence => nullable_object(
                description,
                json!({
                    "type": "object",
                    "properties": confidence,
                    "additionalProperties": false,
                }),
            ),
            // The decision's description is the tenth question's own.
            Field::Recommendation => nullable_object(
                &decision_description,
                json!({
                    "type": "object",
                    "properties": recommendation_properties(),
                }),
            ),
            Field::FileSettings => json!({
                "description": description,
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
        properties.insert(field.key().to_string(), property);
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
        let description = field.description();
        let property = match field {
            RecommendationField::Decision => {
                json!({ "description": description, "enum": choices::<Decision>() })
            }
            RecommendationField::Rationale => json!({
                "description": description,
                "anyOf": [{ "type": "string" }, { "type": "null" }],
            }),
            RecommendationField::Conditions => json!({
                "description": description,
                "anyOf": [
                    { "type": "array", "items": { "type": "string" } },
                    { "type": "string" },
                ],
            }),
        };
        properties.insert(field.key().to_string(), property);
    }
    properties
}

/// `object`, or nothing at all (`answers:` with no value yet, as a skeleton
/// has it). Written as `if null … else object` rather than `type: [object,
/// null]`, which ajv's strict mode rejects, or `anyOf`, which makes
/// validators report a typo inside the object as a mismatch of the whole
/// object instead of at the typo.
fn nullable_object(description: &str, object: Value) -> Value {
    json!({
        "description": description,
        "if": { "type": "null" },
        "else": object,
    })
}

/// A calendar date `YYYY-MM-DD` that exists: months 01–12, each month's own
/// number of days, and 29 February only in leap years (divisible by 4, and
/// centuries only when divisible by 400). A regular expression rather than
/// `format: date`, because validators treat `format` as a mere annotation
/// unless told otherwise, and ajv's strict mode rejects it without a plugin.
/// The unit tests check it agrees with [`crate::date::Date`]'s parser.
pub const DATE_PATTERN: &str = concat!(
    "^(?:[0-9]{4}-(?:(?:0[13578]|1[02])-(?:0[1-9]|[12][0-9]|3[01])",
    "|(?:0[469]|11)-(?:0[1-9]|[12][0-9]|30)",
    "|02-(?:0[1-9]|1[0-9]|2[0-8]))",
    "|(?:[0-9]{2}(?:0[48]|[2468][048]|[13579][26])|(?:[02468][048]|[13579][26])00)-02-29)$"
);

/// What a YAML 1.1 loader hands a JSON Schema validator for an unquoted date.
///
/// js-yaml (behind ajv-cli and many editor plugins) and PyYAML read
/// `created: 2026-11-20` as a date object, not as text; to a JavaScript
/// validator that is an object with no properties. Accepting it keeps every
/// correctly dated file valid there. Such a loader has already decided what
/// the date is (js-yaml even turns `2026-13-45` into 14 February 2027), so
/// only validators that keep the text can reject an impossible date, and
/// `mrd lint` always does.
fn loaded_date() -> Value {
    json!({
        "description": "A date as a YAML 1.1 loader reads it (a date object, not text).",
        "type": "object",
        "maxProperties": 0,
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
        "maxProperties",
        "anyOf",
        "if",
        "else",
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
        // YAML reads `answer: 1200` as a number; mrd reads it as the text it
        // is. One type per branch: ajv's strict mode rejects `type` lists.
        "anyOf": [{ "type": "string" }, { "type": "number" }, { "type": "null" }],
        "examples": [q.example],
    })
}

/// The spellings of a choice, and `null`: mrd reads an empty value
/// (`decision:` in a fresh skeleton) as not chosen yet, which is valid.
fn choices<T: Choice>() -> Vec<Value> {
    T::ALL
        .iter()
        .map(|(_, name)| Value::from(*name))
        .chain([Value::Null])
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_every_question_with_its_guidance() {
        let set = QuestionSet::builtin();
        let schema = front_matter_schema(&set);
        assert_eq!(schema["$schema"], DIALECT);
        let answers = &schema["properties"]["answers"]["else"]["properties"];
        for q in set.answer_questions() {
            let description = answers[&q.key]["description"].as_str().unwrap();
            assert!(description.contains(&q.guidance), "{}", q.key);
        }
        assert!(
            answers.get("recommendation").is_none(),
            "the decision is not a free-text answer"
        );
        assert_eq!(
            schema["properties"]["recommendation"]["else"]["properties"]["decision"]["enum"],
            json!(["go", "no-go", "undecided", null])
        );
    }

    /// The pattern and mrd's own date parser agree on every day of years
    /// that exercise the leap rules, and on impossible months and days.
    #[test]
    fn the_date_pattern_accepts_exactly_the_dates_that_exist() {
        let schema = json!({ "type": "string", "pattern": DATE_PATTERN });
        let validator = jsonschema::validator_for(&schema).expect("a valid pattern");
        let mut checked = 0;
        for year in [0, 1900, 1999, 2000, 2023, 2024, 2026, 2100, 2400, 9999] {
            for month in 0..=13 {
                for day in 0..=32 {
                    let text = format!("{year:04}-{month:02}-{day:02}");
                    let exists = text.parse::<crate::date::Date>().is_ok();
                    assert_eq!(validator.is_valid(&json!(text)), exists, "{text}");
                    checked += usize::from(exists);
                }
            }
        }
        // Ten years of 365 or 366 days: 2000, 2024 and 2400 (and year 0) leap.
        assert_eq!(checked, 6 * 365 + 4 * 366);
        for text in [
            "2026-1-02",
            "2026-01-2",
            "20260102",
            " 2026-01-02",
            "2026-01-02T00:00",
        ] {
            assert!(!validator.is_valid(&json!(text)), "{text}");
        }
    }

    #[test]
    fn no_keyword_has_a_list_of_types() {
        fn walk(value: &Value, at: &str) {
            match value {
                Value::Object(map) => {
                    if let Some(kind) = map.get("type") {
                        assert!(kind.is_string(), "{at}: `type` is {kind}");
                    }
                    for (key, value) in map {
                        walk(value, &format!("{at}/{key}"));
                    }
                }
                Value::Array(items) => {
                    for (i, value) in items.iter().enumerate() {
                        walk(value, &format!("{at}/{i}"));
                    }
                }
                _ => {}
            }
        }
        walk(&front_matter_schema(&QuestionSet::builtin()), "");
    }
}
