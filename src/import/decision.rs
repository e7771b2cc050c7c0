//! Reading a go/no-go decision from the words people write.
//!
//! Few documents say `decision: go`. They say "Pursue.", "Proceed to
//! discovery", "We recommend approval", "Kill it", "Park this until Q3", or
//! hedge: "if the pilot converts, it could be a good candidate". This module
//! reads one sentence (the first of the recommendation, a heading, a bold
//! phrase or a table cell) and says which decision it states, if any.
//!
//! Verbs that are everyday words elsewhere ("stop", "pass", "park", "go")
//! count only where a decision is stated: at the start of the sentence or
//! right after "we recommend", "we decided", "we should" and the like.
//! Phrases that only ever state a decision ("no-go", "further discovery")
//! count anywhere in it. A negation before a go ("we should not pursue")
//! makes it a no-go; a hedge ("could", "might") with no stated verb makes
//! it undecided.

use crate::assessment::Decision;

/// What a sentence states.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Stated {
    Decision(Decision),
    /// `mrd render`'s "NO DECISION": explicitly none.
    None,
}

/// Verbs (and short verb phrases) that state a decision where one is stated.
const VERBS: &[(&str, Decision)] = &[
    ("no-go", Decision::NoGo),
    ("no go", Decision::NoGo),
    ("nogo", Decision::NoGo),
    ("go ahead", Decision::Go),
    ("go", Decision::Go),
    ("yes", Decision::Go),
    ("pursue", Decision::Go),
    ("pursue it", Decision::Go),
    ("proceed", Decision::Go),
    ("approve", Decision::Go),
    ("approved", Decision::Go),
    ("greenlight", Decision::Go),
    ("greenlit", Decision::Go),
    ("green light", Decision::Go),
    ("green-light", Decision::Go),
    ("move forward", Decision::Go),
    ("invest", Decision::Go),
    ("build it", Decision::Go),
    ("ship it", Decision::Go),
    ("do it", Decision::Go),
    ("no", Decision::NoGo),
    ("kill", Decision::NoGo),
    ("killed", Decision::NoGo),
    ("stop", Decision::NoGo),
    ("pass", Decision::NoGo),
    ("reject", Decision::NoGo),
    ("rejected", Decision::NoGo),
    ("decline", Decision::NoGo),
    ("declined", Decision::NoGo),
    ("drop it", Decision::NoGo),
    ("abandon", Decision::NoGo),
    ("deprioritize", Decision::Undecided),
    ("deprioritise", Decision::Undecided),
    ("deprioritized", Decision::Undecided),
    ("deprioritised", Decision::Undecided),
    ("defer", Decision::Undecided),
    ("deferred", Decision::Undecided),
    ("postpone", Decision::Undecided),
    ("postponed", Decision::Undecided),
    ("park", Decision::Undecided),
    ("parked", Decision::Undecided),
    ("hold", Decision::Undecided),
    ("wait", Decision::Undecided),
    ("revisit", Decision::Undecided),
    ("undecided", Decision::Undecided),
    ("tbd", Decision::Undecided),
    ("maybe", Decision::Undecided),
    ("pending", Decision::Undecided),
];

/// Phrases that state a decision wherever they stand in the sentence.
const PHRASES: &[(&str, Decision)] = &[
    ("no-go", Decision::NoGo),
    ("no go", Decision::NoGo),
    ("nogo", Decision::NoGo),
    ("do not pursue", Decision::NoGo),
    ("don't pursue", Decision::NoGo),
    ("not pursue", Decision::NoGo),
    ("not pursuing", Decision::NoGo),
    ("let's not", Decision::NoGo),
    ("lets not", Decision::NoGo),
    ("not worth it", Decision::NoGo),
    ("not worth pursuing", Decision::NoGo),
    ("not be pursued", Decision::NoGo),
    ("recommend against", Decision::NoGo),
    ("not proceed", Decision::NoGo),
    ("not to proceed", Decision::NoGo),
    ("not move forward", Decision::NoGo),
    ("not to move forward", Decision::NoGo),
    ("worth pursuing", Decision::Go),
    ("recommend approval", Decision::Go),
    ("recommend approving", Decision::Go),
    ("recommend pursuing", Decision::Go),
    ("recommend proceeding", Decision::Go),
    ("recommend moving forward", Decision::Go),
    ("greenlight", Decision::Go),
    ("greenlit", Decision::Go),
    ("green light", Decision::Go),
    ("green-light", Decision::Go),
    ("go ahead", Decision::Go),
    ("it's a go", Decision::Go),
    ("it is a go", Decision::Go),
    ("is a go", Decision::Go),
    ("further discovery", Decision::Undecided),
    ("more discovery", Decision::Undecided),
    ("more research", Decision::Undecided),
    ("further research", Decision::Undecided),
    ("needs more research", Decision::Undecided),
    ("more data", Decision::Undecided),
    ("more evidence", Decision::Undecided),
    ("on hold", Decision::Undecided),
    ("undecided", Decision::Undecided),
    ("deferred", Decision::Undecided),
    ("parked", Decision::Undecided),
    ("not yet", Decision::Undecided),
    ("too early", Decision::Undecided),
];

/// Words after which a decision verb is stated ("we recommend we pursue").
const ANCHORS: &[&str] = &[
    "recommend",
    "recommends",
    "recommended",
    "recommendation",
    "decided",
    "decide",
    "decision",
    "should",
    "will",
    "let's",
    "lets",
    "suggest",
    "propose",
    "verdict",
    "vote",
    "voted",
    "must",
];

/// Anchors that state a decision only with a person before them: "we should
/// pursue", but not "the data will pass through".
const MODAL_ANCHORS: &[&str] = &["should", "will", "must"];
const PEOPLE: &[&str] = &["we", "i", "team", "you", "company", "they"];

/// Words between an anchor and its verb: "we decided that we should …".
const FILLER: &[&str] = &[
    "to",
    "that",
    "we",
    "is",
    "it's",
    "its",
    "it",
    "a",
    "an",
    "the",
    "this",
    "be",
    "i",
    "team",
    "now",
    "therefore",
    "hereby",
    "strongly",
    "is:",
    "us",
];

const NEGATIONS: &[&str] = &[
    "not",
    "don't",
    "dont",
    "never",
    "won't",
    "shouldn't",
    "cannot",
    "can't",
    "no",
    "nor",
];

/// Hedges that make a sentence without a stated verb undecided.
const HEDGES: &[&str] = &[
    "could be",
    "might be",
    "may be",
    "could become",
    "good candidate",
    "worth exploring",
    "worth a look",
    "worth considering",
    "it depends",
    "depends on",
    "not sure",
    "unclear",
    "possibly",
    "perhaps",
    "potentially",
];

/// Labels people put before a decision: "Decision: go".
const LABELS: &[&str] = &[
    "decision",
    "recommendation",
    "our recommendation",
    "final recommendation",
    "verdict",
    "outcome",
    "status",
    "answer",
    "go/no-go",
    "go / no-go",
    "go/no go",
    "go or no-go",
    "result",
];

/// Words of a sentence, lowercased, punctuation removed except inside words
/// (`no-go`, `don't`, `go-to-market` stay one word).
fn words(sentence: &str) -> Vec<String> {
    sentence
        .split(|c: char| c.is_whitespace() || matches!(c, '/' | '—' | '–'))
        .map(|w| {
            w.trim_matches(|c: char| !c.is_alphanumeric())
                .replace('’', "'")
                .to_lowercase()
        })
        .filter(|w| !w.is_empty())
        .collect()
}

fn phrase_at(words: &[String], at: usize, phrase: &str) -> bool {
    let parts: Vec<&str> = phrase.split(' ').collect();
    words.len() >= at + parts.len() && parts.iter().enumerate().all(|(i, p)| words[at + i] == *p)
}

fn verb_at(words: &[String], at: usize) -> Option<(Decision, usize)> {
    VERBS
        .iter()
        .filter(|(phrase, _)| phrase_at(words, at, phrase))
        .max_by_key(|(phrase, _)| phrase.len())
        .map(|(phrase, d)| (*d, phrase.split(' ').count()))
}

fn negated(words: &[String], at: usize) -> bool {
    words[at.saturating_sub(3)..at]
        .iter()
        .any(|w| NEGATIONS.contains(&w.as_str()))
}

/// The first sentence of a block of Markdown, without its markup.
pub fn first_sentence(text: &str) -> &str {
    let text = text.trim_start();
    let mut end = text.len();
    let bytes = text.as_bytes();
    for (i, c) in text.char_indices() {
        if i > 400 {
            end = i;
            break;
        }
        let next = bytes.get(i + 1).copied();
        if matches!(c, '.' | '!' | '?') && next.is_none_or(|b| b == b' ' || b == b'\n') {
            end = i + 1;
            break;
        }
        if c == '\n' && next == Some(b'\n') {
            end = i;
            break;
        }
    }
    text[..end].trim()
}

/// The decision `sentence` states, if it states one.
pub fn stated(sentence: &str) -> Option<Stated> {
    let plain: String = sentence
        .chars()
        .filter(|c| !matches!(c, '*' | '_' | '`' | '#' | '>' | '[' | ']'))
        .collect();
    let mut text = plain.trim().trim_start_matches(['-', '+', ' ']).trim();
    // "Decision: go", "Recommendation — Pursue"
    let lowered = text.to_lowercase();
    if let Some(label) = LABELS
        .iter()
        .filter(|l| lowered.starts_with(**l))
        .max_by_key(|l| l.len())
    {
        let rest = text[label.len()..].trim_start();
        if let Some(rest) = rest.strip_prefix([':', '-', '—', '–', '=']) {
            text = rest.trim_start();
        }
    }
    let words = words(text);
    if words.is_empty() {
        return None;
    }
    if phrase_at(&words, 0, "no decision") {
        return Some(Stated::None);
    }
    // "Go-to-market …" starts many sentences that decide nothing.
    if words[0].starts_with("go-to") {
        return phrases(&words);
    }
    if let Some((decision, len)) = verb_at(&words, 0) {
        // "No." and "No, because …" are a no-go; "No further discovery
        // needed" is not: a bare "no" must stand alone.
        let bare_no = words[0] == "no" && len == 1;
        let alone = text
            .trim_start_matches(|c: char| !c.is_alphanumeric())
            .chars()
            .skip(2)
            .find(|c| !matches!(c, '*' | '_'))
            .is_none_or(|c| ".,;:!—–-".contains(c));
        if !bare_no || alone {
            return Some(Stated::Decision(decision));
        }
    }
    let mut found: Option<(usize, Decision)> = None;
    let mut note = |at: usize, decision: Decision| {
        if found.is_none_or(|(f, _)| at < f) {
            found = Some((at, decision));
        }
    };
    for (i, word) in words.iter().enumerate() {
        if !ANCHORS.contains(&word.as_str())
            || (MODAL_ANCHORS.contains(&word.as_str())
                && (i == 0 || !PEOPLE.contains(&words[i - 1].as_str())))
        {
            continue;
        }
        let mut at = i + 1;
        while at < words.len() && FILLER.contains(&words[at].as_str()) {
            at += 1;
        }
        let mut negation = false;
        while at < words.len() && NEGATIONS.contains(&words[at].as_str()) && words[at] != "no" {
            negation = true;
            at += 1;
            while at < words.len() && FILLER.contains(&words[at].as_str()) {
                at += 1;
            }
        }
        if let Some((decision, _)) = verb_at(&words, at) {
            let decision = match (negation, decision) {
                (true, Decision::Go) => Decision::NoGo,
                (true, _) => continue,
                (false, d) => d,
            };
            note(at, decision);
        }
    }
    if let Some(Stated::Decision(d)) = phrases(&words) {
        let at = PHRASES
            .iter()
            .filter(|(_, pd)| *pd == d)
            .filter_map(|(p, _)| (0..words.len()).find(|&i| phrase_at(&words, i, p)))
            .min()
            .unwrap_or(usize::MAX);
        note(at, d);
    }
    if let Some((_, decision)) = found {
        return Some(Stated::Decision(decision));
    }
    let joined = words.join(" ");
    if HEDGES.iter().any(|h| contains_phrase(&joined, h))
        || (words[0] == "if"
            && ["could", "might", "may", "would"]
                .iter()
                .any(|m| words.contains(&m.to_string())))
    {
        return Some(Stated::Decision(Decision::Undecided));
    }
    None
}

fn contains_phrase(joined: &str, phrase: &str) -> bool {
    joined == phrase
        || joined.starts_with(&format!("{phrase} "))
        || joined.ends_with(&format!(" {phrase}"))
        || joined.contains(&format!(" {phrase} "))
}

/// The earliest decision-only phrase, with a go turned into a no-go when a
/// negation stands just before it.
fn phrases(words: &[String]) -> Option<Stated> {
    let mut best: Option<(usize, usize, Decision)> = None;
    for (phrase, decision) in PHRASES {
        let len = phrase.split(' ').count();
        if let Some(at) = (0..words.len()).find(|&i| phrase_at(words, i, phrase)) {
            let decision = if *decision == Decision::Go && negated(words, at) {
                Decision::NoGo
            } else {
                *decision
            };
            let better = match best {
                None => true,
                Some((b_at, b_len, _)) => at < b_at || (at == b_at && len > b_len),
            };
            if better {
                best = Some((at, len, decision));
            }
        }
    }
    best.map(|(_, _, d)| Stated::Decision(d))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(sentence: &str) -> Option<Decision> {
        match stated(first_sentence(sentence)) {
            Some(Stated::Decision(d)) => Some(d),
            _ => None,
        }
    }

    #[test]
    fn go_in_words() {
        for text in [
            "Go",
            "**GO**",
            "Go, provided three partners commit.",
            "Pursue.",
            "Proceed to discovery with two design partners.",
            "Yes. The numbers hold up.",
            "Approve.",
            "We recommend approval of a six-week discovery.",
            "Greenlight for Q3.",
            "We decided it's a go.",
            "We decided to go ahead with a pilot.",
            "Decision: Go",
            "Recommendation: proceed to a prototype",
            "We should pursue this now.",
            "I recommend we move forward.",
            "It is worth pursuing.",
            "Ship it.",
            "Let's do it, small scope (3 languages).",
        ] {
            assert_eq!(read(text), Some(Decision::Go), "{text}");
        }
    }

    #[test]
    fn no_go_in_words() {
        for text in [
            "No-go",
            "No go.",
            "Kill it.",
            "Stop work on this.",
            "Do not pursue.",
            "We should not pursue this opportunity.",
            "Pass. The market is too small.",
            "Reject.",
            "No. The alternatives are good enough.",
            "Not worth pursuing at this time.",
            "Our recommendation is to not move forward.",
            "We recommend against building this.",
            "We recommend **NOT** pursuing this right now.",
            "Not pursuing for now.",
            "Let's not do this.",
            "It's not worth it.",
        ] {
            assert_eq!(read(text), Some(Decision::NoGo), "{text}");
        }
    }

    #[test]
    fn undecided_in_words() {
        for text in [
            "Defer until the pilot reports.",
            "Park this until Q3.",
            "Further discovery needed before a decision.",
            "Needs more research.",
            "If the pilot converts above 5%, it could be a good candidate for next year.",
            "Undecided.",
            "We should revisit in January.",
            "This could be a strong bet, but the numbers are thin.",
            "Deprioritize until the platform work lands.",
        ] {
            assert_eq!(read(text), Some(Decision::Undecided), "{text}");
        }
    }

    #[test]
    fn sentences_that_decide_nothing() {
        for text in [
            "Going forward we will track churn.",
            "Go-to-market is through partners.",
            "Teams stop losing data when retries work.",
            "The data will pass through the gateway.",
            "Users park their cars in the lot.",
            "The market is growing 20% a year.",
            "Teams ship it on Fridays.",
            "Users do it by hand today.",
        ] {
            assert_eq!(read(text), None, "{text}");
        }
        assert_eq!(stated("**NO DECISION**"), Some(Stated::None));
    }

    #[test]
    fn the_first_sentence_ends_at_its_full_stop() {
        assert_eq!(first_sentence("Pursue. Because reasons."), "Pursue.");
        assert_eq!(first_sentence("v1.2 is out. Then"), "v1.2 is out.");
        assert_eq!(first_sentence("Go\n\nmore"), "Go");
    }
}
