//! The question set: what an assessment must answer, as data.
//!
//! The built-in set (Cagan's ten questions) lives in `builtin.yml`, embedded in
//! the binary. A project adapts it through `.mrd.yml`; every command asks the
//! active set rather than knowing the questions itself, so a team's own
//! questions are linted, asked, rendered and summarised like the built-in ones.

use serde::{Deserialize, Serialize};

/// The key of the closing question. Its answer is not free text but the
/// structured `recommendation:` block (decision, rationale, conditions).
pub const RECOMMENDATION_KEY: &str = "recommendation";

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Question {
    /// The key under `answers:` in the front-matter.
    pub key: String,
    /// The question's number in the active set, counted from 1.
    #[serde(default)]
    pub number: usize,
    pub text: String,
    pub short_name: String,
    pub guidance: String,
    pub example: String,
    #[serde(default = "yes")]
    pub required: bool,
    /// Other ways the question itself is worded: Cagan's 2008 article and
    /// the shorter forms teams copy ("How will we measure success?").
    /// `mrd import` matches them as it matches `text`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub wordings: Vec<String>,
    /// Section names teams write instead of the question ("Why Us",
    /// "TAM/SAM/SOM"), read by `mrd import`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub synonyms: Vec<String>,
    /// A team's own section names for this question, from `.mrd.yml`
    /// (`aliases:`): its template's headings, or another language's.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub aliases: Vec<String>,
}

fn yes() -> bool {
    true
}

impl Question {
    pub fn is_recommendation(&self) -> bool {
        self.key == RECOMMENDATION_KEY
    }
}

/// The questions in the order they are asked; the recommendation is last.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct QuestionSet {
    questions: Vec<Question>,
}

const BUILTIN: &str = include_str!("builtin.yml");

impl QuestionSet {
    /// Cagan's ten questions.
    pub fn builtin() -> QuestionSet {
        // The embedded file is part of the binary; a unit test parses it, so a
        // failure here can only be a build that skipped the tests.
        let questions: Vec<Question> =
            serde_saphyr::from_str(BUILTIN).expect("builtin.yml is valid (tested)");
        QuestionSet::new(questions)
    }

    /// Numbers the questions in order and keeps the recommendation last.
    pub fn new(mut questions: Vec<Question>) -> QuestionSet {
        if let Some(i) = questions.iter().position(Question::is_recommendation) {
            let recommendation = questions.remove(i);
            questions.push(recommendation);
        }
        for (i, question) in questions.iter_mut().enumerate() {
            question.number = i + 1;
        }
        QuestionSet { questions }
    }

    /// All questions, the recommendation included.
    pub fn all(&self) -> &[Question] {
        &self.questions
    }

    /// The questions answered with free text under `answers:`.
    pub fn answer_questions(&self) -> impl Iterator<Item = &Question> {
        self.questions.iter().filter(|q| !q.is_recommendation())
    }

    pub fn get(&self, key: &str) -> Option<&Question> {
        self.questions.iter().find(|q| q.key == key)
    }

    /// The one name a question goes by on every screen (interview, lint,
    /// summary, risks, render, import): its `short_name`. A key outside the
    /// set is named as people say it (`market_size` → "market size").
    pub fn name(&self, key: &str) -> String {
        match self.get(key) {
            Some(question) => question.short_name.clone(),
            None => key.replace('_', " "),
        }
    }

    pub fn recommendation(&self) -> Option<&Question> {
        self.get(RECOMMENDATION_KEY)
    }

    pub fn len(&self) -> usize {
        self.questions.len()
    }

    pub fn is_empty(&self) -> bool {
        self.questions.is_empty()
    }

    /// Required questions answered under `answers:` (the recommendation is
    /// counted separately, as the decision).
    pub fn required_answers(&self) -> impl Iterator<Item = &Question> {
        self.answer_questions().filter(|q| q.required)
    }

    pub(crate) fn questions_mut(&mut self) -> &mut Vec<Question> {
        &mut self.questions
    }

    pub(crate) fn renumber(&mut self) {
        let questions = std::mem::take(&mut self.questions);
        *self = QuestionSet::new(questions);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_builtin_set_is_cagans_ten_questions() {
        let set = QuestionSet::builtin();
        let keys: Vec<_> = set.all().iter().map(|q| q.key.as_str()).collect();
        assert_eq!(
            keys,
            [
                "problem",
                "target_market",
                "market_size",
                "alternatives",
                "differentiator",
                "market_window",
                "go_to_market",
                "metrics",
                "success_factors",
                "recommendation"
            ]
        );
        assert_eq!(set.get("metrics").unwrap().number, 8);
        assert_eq!(set.recommendation().unwrap().number, 10);
        assert_eq!(set.answer_questions().count(), 9);
        assert!(
            set.all().iter().all(|q| q.required
                && !q.guidance.trim().is_empty()
                && !q.example.trim().is_empty())
        );
    }

    #[test]
    fn guidance_for_the_problem_steers_away_from_solutions() {
        let set = QuestionSet::builtin();
        assert!(
            set.get("problem")
                .unwrap()
                .guidance
                .contains("not a solution")
        );
    }

    #[test]
    fn a_question_has_one_name() {
        let set = QuestionSet::builtin();
        assert_eq!(set.name("problem"), "value proposition");
        assert_eq!(set.name("go_to_market"), "go-to-market strategy");
        assert_eq!(set.name("pricing_model"), "pricing model");
    }

    #[test]
    fn the_recommendation_is_always_last() {
        let mut questions = QuestionSet::builtin().all().to_vec();
        let recommendation = questions.pop().unwrap();
        questions.insert(0, recommendation);
        let set = QuestionSet::new(questions);
        assert_eq!(set.all().last().unwrap().key, RECOMMENDATION_KEY);
        assert_eq!(set.get("problem").unwrap().number, 1);
    }
}
