//! A skim of an answer as written, before reading it into words, for the
//! words a rule cannot fire without.
//!
//! Reading an answer into words (`scan`) costs a few hundred instructions a
//! word, and a rule that looks for a phrase anywhere in the answer must read
//! it to the end to say it is not there. But an answer can only hold an entry
//! if it holds each of the entry's words, so a rule whose findings all need
//! some entry of its lists can first look for the entries' words in the
//! bytes as written, each word start looked up whole (or, when an entry
//! ends in a stem, walked through an Aho-Corasick automaton), and read the
//! answer only if every word of some entry is there.
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

use std::collections::HashMap;

use aho_corasick::automaton::{Automaton, StateID};
use aho_corasick::nfa::{contiguous, noncontiguous};
use aho_corasick::{Anchored, MatchKind};

use super::blocks::{self, BLOCK, block_bits};
use super::pairs::BytePairs;
use super::scan::{Short, entry_words, packed_lowercase};

#[derive(Clone, Debug)]
pub struct Skim {
    /// `None`: some entry cannot be looked for as written, so every answer
    /// may hold one.
    searcher: Option<Searcher>,
    /// For each pattern: whether it is a stem (`passion*`), which may go on
    /// with more letters.
    stems: Vec<bool>,
    /// For each entry, the patterns of its words that the skim looks for.
    entries: Vec<Entry>,
    /// The words after which an opening entry may stand mid-clause, ASCII
    /// lowercase (`None`: one cannot be looked for, so every place counts).
    after: Option<Vec<String>>,
}

/// An entry, as the patterns of its words the skim looks for.
#[derive(Clone, Debug)]
struct Entry {
    patterns: Vec<usize>,
    /// Its first word's pattern, when the entry must open a clause or
    /// follow an `after` word and that word is looked for.
    opening: Option<usize>,
}

/// The words to look for, found at word starts: a word's first two bytes
/// pass over most words, then the word is looked up whole or, when some
/// pattern is a stem, walked through an automaton from its start.
#[derive(Clone, Debug)]
struct Searcher {
    /// The pairs of first and second bytes that some pattern starts with,
    /// either case: most words start none, and the set says so without
    /// looking further. A pattern of one byte starts every pair with its
    /// byte.
    pairs: BytePairs,
    lookup: Lookup,
}

#[derive(Clone, Debug)]
enum Lookup {
    /// No pattern is a stem, so a word counts only when it is a pattern
    /// whole: the patterns of up to eight bytes packed lowercase (the
    /// vocabulary's table), the longer ones lowercase. The built-in lists'
    /// skim is this, and builds no automaton.
    Whole {
        short: Short,
        long: HashMap<Box<[u8]>, u32, foldhash::fast::FixedState>,
    },
    /// Some pattern is a stem, which a longer word may start with: an
    /// Aho-Corasick automaton, ASCII case ignored, walked anchored from the
    /// word's start (leftmost-longest keeps every pattern's path whole;
    /// leftmost-first would prune the longer ones).
    Walk(Box<contiguous::NFA>),
}

impl Searcher {
    fn new(words: &[&str], stems: &[bool]) -> Option<Searcher> {
        let lookup = if stems.contains(&true) {
            let trie = noncontiguous::Builder::new()
                .ascii_case_insensitive(true)
                .match_kind(MatchKind::LeftmostLongest)
                .build(words)
                .ok()?;
            Lookup::Walk(Box::new(
                contiguous::Builder::new()
                    .build_from_noncontiguous(&trie)
                    .ok()?,
            ))
        } else {
            let mut short = Short::default();
            let mut long = HashMap::default();
            for (pattern, word) in words.iter().enumerate() {
                match Short::pack(word.as_bytes()) {
                    Some(key) => short.insert(key, pattern as u32),
                    None => {
                        long.insert(word.as_bytes().to_ascii_lowercase().into(), pattern as u32);
                    }
                }
            }
            Lookup::Whole { short, long }
        };
        let mut pairs = BytePairs::default();
        let cases = |b: u8| [b.to_ascii_lowercase(), b.to_ascii_uppercase()];
        for word in words {
            let bytes = word.as_bytes();
            let Some(&first) = bytes.first() else {
                continue;
            };
            let seconds: Vec<u8> = match bytes.get(1) {
                Some(&second) => cases(second).to_vec(),
                None => (0..=u8::MAX).collect(),
            };
            for first in cases(first) {
                for &second in &seconds {
                    pairs.insert(first, second);
                }
            }
        }
        Some(Searcher { pairs, lookup })
    }

    /// Calls `found` with each pattern that starts a word of `text` (a run
    /// of ASCII letters and digits), whether it is the whole word, and the
    /// word's first byte; `false` if the search could not run.
    fn each_at_word_start(&self, text: &str, mut found: impl FnMut(usize, bool, usize)) -> bool {
        let text = text.as_bytes();
        let may_start = |first: u8, second: u8| self.pairs.contains(first, second);
        match &self.lookup {
            Lookup::Whole { short, long } => {
                let mut lower = Vec::new();
                each_word(text, may_start, |word, end| {
                    let len = end - word;
                    let pattern = if len <= 8 {
                        short.get(packed_lowercase(text, word, len))
                    } else {
                        lower.clear();
                        lower.extend(text[word..end].iter().map(u8::to_ascii_lowercase));
                        long.get(lower.as_slice()).copied()
                    };
                    if let Some(pattern) = pattern {
                        found(pattern as usize, true, word);
                    }
                });
                true
            }
            Lookup::Walk(automaton) => {
                let Ok(start) = automaton.start_state(Anchored::Yes) else {
                    return false;
                };
                each_word(text, may_start, |word, end| {
                    walk(&**automaton, start, text, word, end, &mut found)
                });
                true
            }
        }
    }
}

/// Calls `each` with the first byte and the end of every word of `text` (a
/// run of ASCII letters and digits) whose first two bytes `may_start` a
/// pattern. Word starts come 64 bytes at a time from a mask of the letters
/// and digits, and a word's end from the same mask unless it runs past its
/// block.
fn each_word(text: &[u8], may_start: impl Fn(u8, u8) -> bool, mut each: impl FnMut(usize, usize)) {
    let in_word = |i: usize| text.get(i).is_some_and(u8::is_ascii_alphanumeric);
    let mut previous_in_word = false;
    for base in (0..text.len()).step_by(BLOCK) {
        let words = word_bytes(text, base);
        let mut starts = words & !(words << 1 | u64::from(previous_in_word));
        previous_in_word = words >> (BLOCK - 1) != 0;
        while starts != 0 {
            let at = starts.trailing_zeros() as usize;
            starts &= starts - 1;
            let word = base + at;
            // The second byte of a word of one byte is 0: a pattern of one
            // byte sets every second byte's bit.
            let second = if in_word(word + 1) { text[word + 1] } else { 0 };
            if !may_start(text[word], second) {
                continue;
            }
            let mut end = word + (!(words >> at)).trailing_zeros() as usize;
            if end - base >= BLOCK {
                while in_word(end) {
                    end += 1;
                }
            }
            each(word, end);
        }
    }
}

/// Walks the automaton anchored from the word `word..end` to where no
/// pattern goes on, calling `found` with each pattern that starts it. A
/// pattern ends at a match state as deep as it is long; the other matches a
/// state may carry are shorter patterns ending there, which started inside
/// the word.
fn walk<A: Automaton>(
    automaton: &A,
    start: StateID,
    text: &[u8],
    word: usize,
    end: usize,
    found: &mut impl FnMut(usize, bool, usize),
) {
    let mut state = start;
    for (i, &byte) in text.iter().enumerate().take(end).skip(word) {
        state = automaton.next_state(Anchored::Yes, state, byte);
        if !automaton.is_special(state) {
            continue;
        }
        if automaton.is_dead(state) {
            return;
        }
        if automaton.is_match(state) {
            for m in 0..automaton.match_len(state) {
                let pattern = automaton.match_pattern(state, m);
                if automaton.pattern_len(pattern) == i + 1 - word {
                    found(pattern.as_usize(), i + 1 == end, word);
                }
            }
        }
    }
}

/// Which of the `BLOCK` bytes of `text` from `at` are ASCII letters or
/// digits: bit `i` for byte `at + i` (past the end, none are).
fn word_bytes(text: &[u8], at: usize) -> u64 {
    block_bits(text, at, block_word_bytes)
}

/// `word_bytes` of one block, 16 bytes at a time with SSE2. Not inlined,
/// like `question_in_answer`'s blocks: inlined, the compiler takes the
/// masks apart bit by bit.
#[cfg(all(
    any(target_arch = "x86", target_arch = "x86_64"),
    target_feature = "sse2"
))]
#[inline(never)]
fn block_word_bytes(block: &[u8; BLOCK]) -> u64 {
    use safe_arch::{bitand_m128i, bitor_m128i, cmp_gt_mask_i8_m128i, set_splat_i8_m128i};
    let splat = |b: u8| set_splat_i8_m128i(b as i8);
    // Signed compares: bytes of 0x80 and up are negative, below every
    // bound, so never letters or digits.
    let within = |v, low: u8, high: u8| {
        bitand_m128i(
            cmp_gt_mask_i8_m128i(v, splat(low - 1)),
            cmp_gt_mask_i8_m128i(splat(high + 1), v),
        )
    };
    blocks::sixteen_at_a_time(block, |v| {
        let lower = bitor_m128i(v, splat(0x20));
        bitor_m128i(within(v, b'0', b'9'), within(lower, b'a', b'z'))
    })
}

#[cfg(not(all(
    any(target_arch = "x86", target_arch = "x86_64"),
    target_feature = "sse2"
)))]
fn block_word_bytes(block: &[u8; BLOCK]) -> u64 {
    blocks::bytewise(block, |b| b.is_ascii_alphanumeric())
}

impl Skim {
    /// A skim for the entries of `lists` (as in `words.yml`: phrases of
    /// words, a trailing `*` for a stem).
    #[cfg(test)]
    pub fn new(lists: &[&[String]]) -> Skim {
        Skim::with_opening(lists, &[], &[])
    }

    /// A skim for the entries of `anywhere` and of `opening`, where an
    /// entry of `opening` counts only where its first word may open a
    /// clause or stands right after a word `after` ends with (a quantifier:
    /// "All developers.", "users of any size", not "more than any other").
    pub fn with_opening(anywhere: &[&[String]], opening: &[&[String]], after: &[String]) -> Skim {
        let off = Skim {
            searcher: None,
            stems: Vec::new(),
            entries: Vec::new(),
            after: None,
        };
        let mut patterns: Vec<(String, bool)> = Vec::new();
        let mut entries = Vec::new();
        let lists = (anywhere.iter().map(|list| (list, false)))
            .chain(opening.iter().map(|list| (list, true)));
        for (entry, opens) in lists.flat_map(|(list, opens)| list.iter().map(move |e| (e, opens))) {
            let (words, stem) = entry_words(entry);
            let has_words = !words.is_empty();
            let last = words.len().saturating_sub(1);
            let mut looked_for = Vec::new();
            let mut first = None;
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
                if i == 0 {
                    first = Some(at);
                }
                looked_for.push(at);
            }
            // An entry with no word cannot match (`Vocabulary::entry` skips
            // it too); one whose words the skim cannot look for turns it off.
            if looked_for.is_empty() && has_words {
                return off;
            }
            if !looked_for.is_empty() {
                entries.push(Entry {
                    patterns: looked_for,
                    opening: first.filter(|_| opens),
                });
            }
        }
        // The last word of each `after` entry, which the word before an
        // opening entry must be; one that is not plain ASCII letters and
        // digits makes every place count.
        let after = after
            .iter()
            .map(|entry| entry_words(entry).0.pop().unwrap_or_default())
            .map(|word| {
                (!word.is_empty() && word.bytes().all(|b| b.is_ascii_alphanumeric()))
                    .then_some(word)
            })
            .collect();
        let words: Vec<&str> = patterns.iter().map(|(word, _)| word.as_str()).collect();
        let stems: Vec<bool> = patterns.iter().map(|&(_, stem)| stem).collect();
        let searcher = Searcher::new(&words, &stems);
        Skim {
            searcher,
            stems,
            entries,
            after,
        }
    }

    /// Whether the word at byte `start` of `text` may open a clause for
    /// the word reader, or may follow an `after` word: it may not when only
    /// spaces, tabs and commas stand between it and a run of ASCII letters
    /// and digits that is no `after` word (the reader ends a clause only at
    /// `. ; : ! ?`, a dash, or a new line).
    fn may_open(&self, text: &[u8], start: usize) -> bool {
        let Some(after) = &self.after else {
            return true;
        };
        let mut end = start;
        while end > 0 && matches!(text[end - 1], b' ' | b'\t' | b',') {
            end -= 1;
        }
        if end == 0 || !text[end - 1].is_ascii_alphanumeric() {
            return true;
        }
        let mut begin = end;
        while begin > 0 && text[begin - 1].is_ascii_alphanumeric() {
            begin -= 1;
        }
        let previous = &text[begin..end];
        after
            .iter()
            .any(|word| previous.eq_ignore_ascii_case(word.as_bytes()))
    }

    pub fn may_hold(&self, text: &str) -> bool {
        let Some(searcher) = &self.searcher else {
            return true;
        };
        if text.contains('\u{212A}') {
            return true;
        }
        let bytes = text.as_bytes();
        let mut found = vec![false; self.stems.len()];
        let mut opens = vec![false; self.stems.len()];
        let searched = searcher.each_at_word_start(text, |pattern, whole_word, start| {
            if whole_word || self.stems[pattern] {
                found[pattern] = true;
                if !opens[pattern] && self.may_open(bytes, start) {
                    opens[pattern] = true;
                }
            }
        });
        if !searched {
            return true;
        }
        self.entries.iter().any(|entry| {
            entry.patterns.iter().all(|&pattern| found[pattern])
                && entry.opening.is_none_or(|pattern| opens[pattern])
        })
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
pub(super) mod tests {
    use super::*;
    use crate::lint::substance::Words;
    use crate::lint::substance::phrases::Phrases;
    use crate::lint::substance::scan::{Scan, Vocabulary};

    /// The patterns found at word starts, as `each_at_word_start` gives
    /// them, sorted.
    /// What the skim counts of `text`: whole words, and with `stems`, the
    /// stems a word starts with, as `each_at_word_start` gives them, sorted.
    fn walked(words: &[&str], stems: &[bool], text: &str) -> Vec<(usize, bool)> {
        let searcher = Searcher::new(words, stems).unwrap();
        let mut found = Vec::new();
        assert!(searcher.each_at_word_start(text, |p, whole, _| {
            if whole || stems[p] {
                found.push((p, whole));
            }
        }));
        found.sort_unstable();
        found.dedup();
        found
    }

    /// The same, by comparing every pattern at every word start.
    fn compared(words: &[&str], stems: &[bool], text: &str) -> Vec<(usize, bool)> {
        let bytes = text.as_bytes();
        let in_word = |i: usize| bytes.get(i).is_some_and(u8::is_ascii_alphanumeric);
        let mut found = Vec::new();
        for start in (0..bytes.len()).filter(|&i| in_word(i) && (i == 0 || !in_word(i - 1))) {
            let mut end = start;
            while in_word(end) {
                end += 1;
            }
            for (p, word) in words.iter().enumerate() {
                let n = word.len();
                let whole = start + n == end;
                if n <= end - start
                    && bytes[start..start + n].eq_ignore_ascii_case(word.as_bytes())
                    && (whole || stems[p])
                {
                    found.push((p, whole));
                }
            }
        }
        found.sort_unstable();
        found.dedup();
        found
    }

    proptest::proptest! {
        /// The 64-byte masks mark the letters and digits a byte at a time
        /// would.
        #[test]
        fn word_bytes_are_the_letters_and_digits(block in proptest::array::uniform::<_, BLOCK>(
            proptest::sample::select(b"aZz09/:@[`{ \n\x00\x7f\x80\xc3\xff-'".to_vec())
        )) {
            proptest::prop_assert_eq!(block_word_bytes(&block), blocks::bytewise(&block, |b| b.is_ascii_alphanumeric()));
        }

        /// The walk from word starts finds what comparing every pattern at
        /// every word start finds, across block edges and in either case.
        #[test]
        fn the_walk_finds_what_comparing_finds(
            parts in proptest::collection::vec(
                proptest::sample::select(&[
                    "all", "ALL", "al", "a", "install", "users", "Us", "u", "s", " ", "  ",
                    "-", "'", "é", "\n", ".", "9", "x9", "allusers", "everyone", "Every",
                    "allusersX", "ALLUSERSXY", "abcdefghijklmnopqrstuvwxyz0123456789",
                ][..]),
                0..60,
            )
        ) {
            let words = ["all", "a", "users", "us", "every", "everyone", "9", "x", "allusersx"];
            let text: String = parts.concat();
            // Without stems, words of up to eight bytes are looked up whole;
            // with one, every word is walked.
            let none = [false; 9];
            proptest::prop_assert_eq!(walked(&words, &none, &text), compared(&words, &none, &text));
            let some = [false, false, false, true, false, false, false, false, false];
            proptest::prop_assert_eq!(walked(&words, &some, &text), compared(&words, &some, &text));
        }
    }

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
    pub(in crate::lint::substance) fn corpus_texts() -> Vec<String> {
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
