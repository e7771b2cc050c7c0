//! A skim of an answer as written, before reading it into words, for the
//! words a rule cannot fire without.
//!
//! Reading an answer into words (`scan`) costs a few hundred instructions a
//! word, and a rule that looks for a phrase anywhere in the answer must read
//! it to the end to say it is not there. But an answer can only hold an entry
//! if it holds each of the entry's words, so a rule whose findings all need
//! some entry of its lists can first look for the entries' words in the
//! bytes as written, with an Aho-Corasick automaton walked from each word
//! start, and read the answer only if every word of some entry is there.
//! The skim never decides that an answer is weak: it only lets a rule say
//! "not here" early, and only when reading the answer into words could not
//! have found an entry either.
//!
//! Why that holds: a word of the answer is a run that starts and ends
//! beside no ASCII letter or digit, and its lowercase form equals an
//! all-ASCII word of an entry only if its bytes, ASCII case ignored, are that
//! word's bytes, or if it holds the Kelvin sign, the one non-ASCII letter
//! whose lowercase is an ASCII letter (U+212A, "k"). So the skim looks for
//! the words made only of ASCII letters and digits and counts any other word
//! of an entry as there; an entry with no such word, or an answer with a
//! Kelvin sign, turns it off (it then always says "maybe").

use aho_corasick::automaton::Automaton;
use aho_corasick::nfa::{contiguous, noncontiguous};
use aho_corasick::{Anchored, MatchKind};

use super::scan::entry_words;

#[derive(Clone, Debug)]
pub struct Skim {
    /// `None`: some entry cannot be looked for as written, so every answer
    /// may hold one.
    searcher: Option<Searcher>,
    /// For each pattern: whether it is a stem (`passion*`), which may go on
    /// with more letters.
    stems: Vec<bool>,
    /// For each entry, the patterns of its words that the skim looks for.
    entries: Vec<Vec<usize>>,
}

/// The words to look for, as an automaton walked from each word start:
/// a contiguous NFA, cheap to build (a one-file lint builds it for one or
/// two answers) and, walked a byte or two into each word, as fast as a DFA
/// that would cost 1.4 M instructions more to build.
#[derive(Clone, Debug)]
struct Searcher {
    nfa: contiguous::NFA,
}

impl Searcher {
    /// ASCII case ignored; leftmost-longest keeps every pattern's path
    /// whole (leftmost-first would prune the longer ones).
    fn new(words: &[&str]) -> Option<Searcher> {
        let trie = noncontiguous::Builder::new()
            .ascii_case_insensitive(true)
            .match_kind(MatchKind::LeftmostLongest)
            .build(words)
            .ok()?;
        let nfa = contiguous::Builder::new()
            .build_from_noncontiguous(&trie)
            .ok()?;
        Some(Searcher { nfa })
    }

    /// Calls `found` with each pattern that starts a word of `text` (a run
    /// of ASCII letters and digits), and whether it is the whole word;
    /// `false` if the search could not run.
    fn each_at_word_start(&self, text: &str, found: impl FnMut(usize, bool)) -> bool {
        each_at_word_start(&self.nfa, text.as_bytes(), found)
    }
}

/// Walks the automaton anchored from each word start to where no pattern
/// goes on: a byte or two of most words, and no search restarted after each
/// match (a pattern found inside a longer word, "all" in "installs", costs
/// nothing). A pattern ends at a match state as deep as it is long; the
/// other matches a state may carry are shorter patterns ending there, which
/// started inside the word.
fn each_at_word_start<A: Automaton>(
    automaton: &A,
    text: &[u8],
    mut found: impl FnMut(usize, bool),
) -> bool {
    let Ok(start) = automaton.start_state(Anchored::Yes) else {
        return false;
    };
    let in_word = |i: usize| text.get(i).is_some_and(u8::is_ascii_alphanumeric);
    let mut i = 0;
    while i < text.len() {
        if !in_word(i) {
            i += 1;
            continue;
        }
        let word = i;
        let mut state = start;
        while in_word(i) {
            state = automaton.next_state(Anchored::Yes, state, text[i]);
            i += 1;
            if automaton.is_special(state) {
                if automaton.is_dead(state) {
                    break;
                }
                if automaton.is_match(state) {
                    for m in 0..automaton.match_len(state) {
                        let pattern = automaton.match_pattern(state, m);
                        if automaton.pattern_len(pattern) == i - word {
                            found(pattern.as_usize(), !in_word(i));
                        }
                    }
                }
            }
        }
        while in_word(i) {
            i += 1;
        }
    }
    true
}

impl Skim {
    /// A skim for the entries of `lists` (as in `words.yml`: phrases of
    /// words, a trailing `*` for a stem).
    pub fn new(lists: &[&[String]]) -> Skim {
        let mut patterns: Vec<(String, bool)> = Vec::new();
        let mut entries = Vec::new();
        for entry in lists.iter().flat_map(|list| list.iter()) {
            let (words, stem) = entry_words(entry);
            let has_words = !words.is_empty();
            let last = words.len().saturating_sub(1);
            let mut looked_for = Vec::new();
            for (i, word) in words.into_iter().enumerate() {
                if !word.bytes().all(|b| b.is_ascii_alphanumeric()) {
                    continue;
                }
                let pattern = (word, stem && i == last);
                let at = match patterns.iter().position(|p| *p == pattern) {
                    Some(at) => at,
                    None => {
                        patterns.push(pattern);
                        patterns.len() - 1
                    }
                };
                looked_for.push(at);
            }
            // An entry with no word cannot match (`Vocabulary::entry` skips
            // it too); one whose words the skim cannot look for turns it off.
            if looked_for.is_empty() && has_words {
                return Skim {
                    searcher: None,
                    stems: Vec::new(),
                    entries: Vec::new(),
                };
            }
            if !looked_for.is_empty() {
                entries.push(looked_for);
            }
        }
        let words: Vec<&str> = patterns.iter().map(|(word, _)| word.as_str()).collect();
        let searcher = Searcher::new(&words);
        Skim {
            searcher,
            stems: patterns.iter().map(|&(_, stem)| stem).collect(),
            entries,
        }
    }

    /// Whether `text` may hold an entry: `false` only when reading it into
    /// words could find none.
    pub fn may_hold(&self, text: &str) -> bool {
        let Some(searcher) = &self.searcher else {
            return true;
        };
        if text.contains('\u{212A}') {
            return true;
        }
        let mut found = vec![false; self.stems.len()];
        let searched = searcher.each_at_word_start(text, |pattern, whole_word| {
            if whole_word || self.stems[pattern] {
                found[pattern] = true;
            }
        });
        if !searched {
            return true;
        }
        self.entries
            .iter()
            .any(|entry| entry.iter().all(|&pattern| found[pattern]))
    }
}

/// Whether `text` has more than `n` words for certain: more than `n` runs
/// between ASCII white space that hold an ASCII letter (each such run holds
/// at least one word of its own, and no list marker is a letter).
pub fn more_words_than(text: &str, n: usize) -> bool {
    text.as_bytes()
        .split(u8::is_ascii_whitespace)
        .filter(|run| run.iter().any(u8::is_ascii_alphabetic))
        .nth(n)
        .is_some()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lint::substance::Words;
    use crate::lint::substance::phrases::Phrases;
    use crate::lint::substance::scan::{Scan, Vocabulary};

    fn list(entries: &[&str]) -> Vec<String> {
        entries.iter().map(|s| s.to_string()).collect()
    }

    /// The skim says "maybe" wherever reading the text finds an entry.
    fn agrees(entries: &[&str], text: &str) -> (bool, bool) {
        let entries = list(entries);
        let mut vocabulary = Vocabulary::default();
        let phrases = Phrases::new(&mut vocabulary, &[&entries]);
        let found = phrases.first(&Scan::new(text, &vocabulary)).is_some();
        let maybe = Skim::new(&[&entries]).may_hold(text);
        assert!(maybe || !found, "the skim missed an entry in {text:?}");
        (found, maybe)
    }

    #[test]
    fn entries_are_looked_for_by_a_whole_word() {
        let entries = ["all segments", "everyone", "user*", "b2b and b2c"];
        assert_eq!(agrees(&entries, "ALL\n  **Segments**"), (true, true));
        assert_eq!(agrees(&entries, "Everyone."), (true, true));
        assert_eq!(agrees(&entries, "Users of Acme"), (true, true));
        assert_eq!(agrees(&entries, "B2B and B2C brands"), (true, true));
        assert_eq!(agrees(&entries, "small segmentsx"), (false, false));
        assert_eq!(agrees(&entries, "noneveryone"), (false, false));
        assert_eq!(
            agrees(&entries, "Data engineers at 40 firms"),
            (false, false)
        );
        // Every word of an entry, but not together: reading decides.
        assert_eq!(agrees(&entries, "All of our segments"), (false, true));
        assert_eq!(agrees(&entries, "Two segments"), (false, false));
    }

    #[test]
    fn what_it_cannot_look_for_turns_it_on() {
        // The Kelvin sign lowercases to an ASCII "k".
        let (found, maybe) = agrees(&["kiosks"], "\u{212A}iosks in malls");
        assert!(found && maybe);
        // An entry whose only word has an apostrophe or a non-ASCII letter.
        assert!(Skim::new(&[&list(&["l'*"])]).may_hold("rien"));
        assert!(Skim::new(&[&list(&["tout le monde", "équipe"])]).may_hold("rien"));
        let (found, maybe) = agrees(&["tout le monde"], "Tout le monde");
        assert!(found && maybe);
    }

    /// Every answer of the labelled corpus (`tests/fixtures/substance/`).
    fn corpus_texts() -> Vec<String> {
        #[derive(serde::Deserialize)]
        struct File {
            answers: Vec<Answer>,
        }
        #[derive(serde::Deserialize)]
        struct Answer {
            text: String,
        }
        fn walk(dir: &std::path::Path, out: &mut Vec<String>) {
            for entry in std::fs::read_dir(dir).expect("the corpus") {
                let path = entry.expect("an entry").path();
                if path.is_dir() {
                    walk(&path, out);
                } else if path.extension().is_some_and(|e| e == "yml") {
                    let text = std::fs::read_to_string(&path).expect("readable");
                    let file: File = serde_saphyr::from_str(&text).expect("a corpus file");
                    out.extend(file.answers.into_iter().map(|a| a.text));
                }
            }
        }
        let mut texts = Vec::new();
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        walk(&root.join("tests/fixtures/substance"), &mut texts);
        assert!(texts.len() > 900, "the corpus is there");
        texts
    }

    #[test]
    fn the_skim_agrees_with_reading_on_the_corpus() {
        // Every list of the built-in lexicon, over every answer of the
        // labelled corpus, as written and upper-cased.
        let words = Words::builtin();
        let texts = corpus_texts();
        for (group, name, entries) in words.lexicon().lists() {
            let mut vocabulary = Vocabulary::default();
            let phrases = Phrases::new(&mut vocabulary, &[entries]);
            let skim = Skim::new(&[entries]);
            for text in texts.iter().flat_map(|t| [t.clone(), t.to_uppercase()]) {
                let found = phrases.first(&Scan::new(&text, &vocabulary)).is_some();
                assert!(
                    skim.may_hold(&text) || !found,
                    "{group}.{name}: the skim missed an entry in {text:?}"
                );
            }
        }
    }

    #[test]
    fn words_are_counted_low() {
        assert!(!more_words_than("Global consumers.", 4));
        assert!(
            !more_words_than("1. - 2. 3. 4. 5. People", 4),
            "markers are not words"
        );
        assert!(more_words_than("All small and mid-size businesses here", 4));
        assert!(!more_words_than("best-in-class-products-for everyone", 4));
    }
}
