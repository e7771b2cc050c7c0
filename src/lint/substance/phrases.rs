//! Word lists compiled for matching: one Aho-Corasick automaton per list (or
//! per group of lists a rule reads together), so finding any of a hundred
//! phrases costs one pass over the answer.
//!
//! Matches ignore ASCII case and must be whole words: a phrase "all users"
//! does not match inside "small users", "can" does not match "can't". An
//! entry ending in `*` matches any ending ("passion*": passion,
//! passionate). Entries are written with single spaces, so they match folded
//! text everywhere and the text as written wherever it is written plainly;
//! rules search the text as written first and fold only when that is not
//! enough (see `super::fold`).

use aho_corasick::{AhoCorasick, Anchored, Input, MatchKind, StartKind};

use super::fold::fold_entry;

/// One or more word lists, searched together.
#[derive(Clone, Debug)]
pub struct Phrases {
    automaton: Option<AhoCorasick>,
    patterns: Vec<Pattern>,
    /// The most words any entry has: how far back `before` looks.
    max_words: usize,
    /// Whether an entry starts with this byte. Most positions `at` and
    /// `before` are asked about start with a byte no entry starts with, and
    /// the table answers those without running the automaton.
    firsts: [bool; 256],
}

#[derive(Clone, Debug)]
struct Pattern {
    /// Which of the lists given to `Phrases::new` the entry came from.
    list: usize,
    /// Its place in that list.
    entry: usize,
    /// The entry ended in `*`: any ending matches.
    open: bool,
    /// The entry's first and last characters are word characters, so the
    /// match must start and end at a word boundary.
    word_start: bool,
    word_end: bool,
}

/// An entry found in folded text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Hit {
    pub start: usize,
    pub end: usize,
    /// Which list it belongs to, in the order given to `Phrases::new`.
    pub list: usize,
    /// Its place in that list.
    pub entry: usize,
}

fn is_word(c: char) -> bool {
    c.is_alphanumeric() || c == '\''
}

/// Whether a byte may start an entry, ignoring ASCII case.
fn mark_first(firsts: &mut [bool; 256], byte: u8) {
    firsts[usize::from(byte.to_ascii_lowercase())] = true;
    firsts[usize::from(byte.to_ascii_uppercase())] = true;
}

impl Phrases {
    /// Compiles lists of entries; a hit says which list its entry is from.
    pub fn new(lists: &[&[String]]) -> Phrases {
        let mut entries = Vec::new();
        for (list, items) in lists.iter().enumerate() {
            for (index, entry) in items.iter().enumerate() {
                let trimmed = entry.trim();
                let open = trimmed.ends_with('*');
                let text = fold_entry(trimmed.trim_end_matches('*'));
                if !text.is_empty() {
                    entries.push((text, list, index, open));
                }
            }
        }
        Phrases::build(entries)
    }

    /// Compiles entries already folded: (text, list, place in list, open).
    fn build(entries: Vec<(String, usize, usize, bool)>) -> Phrases {
        let mut texts = Vec::with_capacity(entries.len());
        let mut patterns = Vec::with_capacity(entries.len());
        let mut max_words = 1;
        let mut firsts = [false; 256];
        for (text, list, entry, open) in entries {
            max_words = max_words.max(text.split(' ').count());
            mark_first(&mut firsts, text.as_bytes()[0]);
            patterns.push(Pattern {
                list,
                entry,
                open,
                word_start: text.starts_with(is_word),
                word_end: text.ends_with(is_word),
            });
            texts.push(text);
        }
        let automaton = (!texts.is_empty()).then(|| {
            AhoCorasick::builder()
                .match_kind(MatchKind::LeftmostLongest)
                .ascii_case_insensitive(true)
                .start_kind(StartKind::Both)
                .kind(Some(aho_corasick::AhoCorasickKind::ContiguousNFA))
                .build(&texts)
                .expect("word lists are small enough for an automaton")
        });
        Phrases {
            automaton,
            patterns,
            max_words,
            firsts,
        }
    }

    /// A prefilter for these lists: the first word of every entry, as an
    /// entry of its own that any ending matches. Where it finds nothing in
    /// the text as written, no entry can match the folded text either
    /// (folding changes case, spacing and punctuation, never the letters of
    /// a word's start), so a rule can stop without folding. A first word is
    /// cut at its apostrophe, so "don't" also finds "don’t".
    pub fn first_words(lists: &[&[String]]) -> Phrases {
        let mut words: Vec<(String, usize, usize, bool)> = Vec::new();
        for entry in lists.iter().flat_map(|list| list.iter()) {
            let folded = fold_entry(entry.trim().trim_end_matches('*'));
            let Some(first) = folded.split([' ', '\'']).next().filter(|w| !w.is_empty()) else {
                continue;
            };
            // Non-ASCII capitals are not folded by the automaton: search
            // both cases of the first letter.
            let mut variants = vec![first.to_string()];
            let mut chars = first.chars();
            if let Some(c) = chars.next().filter(|c| !c.is_ascii()) {
                variants.push(format!("{}{}", c.to_uppercase(), chars.as_str()));
            }
            for variant in variants {
                if !words.iter().any(|(w, ..)| *w == variant) {
                    words.push((variant, 0, words.len(), true));
                }
            }
        }
        Phrases::build(words)
    }

    /// Every entry in `folded`, left to right, as whole words.
    pub fn hits<'a>(&'a self, folded: &'a str) -> Hits<'a> {
        Hits {
            phrases: self,
            text: folded,
            at: 0,
        }
    }

    pub fn first(&self, folded: &str) -> Option<Hit> {
        self.hits(folded).next()
    }

    /// The entry that starts exactly at `at`, if any.
    pub fn at(&self, folded: &str, at: usize) -> Option<Hit> {
        self.at_within(folded, at, folded.len())
    }

    /// The longest entry that starts exactly at `at` and ends by `end`.
    fn at_within(&self, folded: &str, at: usize, end: usize) -> Option<Hit> {
        if !self.firsts[usize::from(*folded.as_bytes().get(at)?)] {
            return None;
        }
        let automaton = self.automaton.as_ref()?;
        let input = Input::new(folded).span(at..end).anchored(Anchored::Yes);
        let found = automaton.find(input)?;
        self.bounded(
            folded,
            found.start(),
            found.end(),
            found.pattern().as_usize(),
        )
    }

    /// Whether `word` (a whole token) is one of the entries.
    pub fn contains(&self, word: &str) -> bool {
        self.at(word, 0).is_some_and(|hit| hit.end == word.len())
    }

    /// The entry that ends right before `at` (whitespace and decoration
    /// between them allowed), within the clause `at` is in.
    pub fn before(&self, text: &str, at: usize) -> Option<Hit> {
        self.automaton.as_ref()?;
        let end = text[..at]
            .trim_end_matches(|c: char| c.is_whitespace() || is_decoration(c))
            .len();
        let mut start = end;
        for _ in 0..self.max_words {
            let word = text[..start]
                .rfind(|c: char| c.is_whitespace())
                .map_or(0, |i| i + 1);
            if word == start || text[word..start].ends_with(['.', ';', ':', '!', '?']) {
                break;
            }
            let word_start = word
                + (text[word..start].len()
                    - text[word..start].trim_start_matches(is_decoration).len());
            if let Some(hit) = self.at_within(text, word_start, end)
                && hit.end == end
            {
                return Some(hit);
            }
            if word == 0 {
                break;
            }
            start = text[..word].trim_end().len();
        }
        None
    }

    fn bounded(&self, text: &str, start: usize, end: usize, pattern: usize) -> Option<Hit> {
        let p = &self.patterns[pattern];
        let starts_word = !p.word_start || !text[..start].chars().next_back().is_some_and(is_word);
        let ends_word = p.open || !p.word_end || !text[end..].chars().next().is_some_and(is_word);
        // An open entry ("passion*") covers the whole word it starts.
        let end = if p.open {
            end + text[end..]
                .find(|c: char| !is_word(c))
                .unwrap_or(text.len() - end)
        } else {
            end
        };
        (starts_word && ends_word).then_some(Hit {
            start,
            end,
            list: p.list,
            entry: p.entry,
        })
    }
}

/// Markdown emphasis, quotes and brackets around words.
fn is_decoration(c: char) -> bool {
    matches!(c, '*' | '_' | '`' | '"' | '(' | ')' | '[' | ']' | '“' | '”')
}

/// The start of the `n`th word before `end`, not crossing clause
/// punctuation.
pub fn words_back(folded: &str, end: usize, n: usize) -> usize {
    let mut words = 0;
    let mut in_word = false;
    for (i, c) in folded[..end].char_indices().rev() {
        if matches!(c, '.' | ';' | ':' | '!' | '?') && !in_word_punct(folded, i) {
            return i + 1;
        }
        if c.is_whitespace() {
            if in_word {
                words += 1;
                if words == n {
                    return i + c.len_utf8();
                }
            }
            in_word = false;
        } else {
            in_word = true;
        }
    }
    0
}

/// The end of the `n`th word after `start`, not crossing clause punctuation.
pub fn words_ahead(folded: &str, start: usize, n: usize) -> usize {
    let mut words = 0;
    let mut in_word = false;
    for (i, c) in folded[start..].char_indices() {
        if matches!(c, '.' | ';' | ':' | '!' | '?') && !in_word_punct(folded, start + i) {
            return start + i;
        }
        if c.is_whitespace() {
            if in_word {
                words += 1;
                if words == n {
                    return start + i;
                }
            }
            in_word = false;
        } else {
            in_word = true;
        }
    }
    folded.len()
}

/// A `.` or `:` between two word characters (`1.2`, `checkout.liquid`) is
/// part of a word, not the end of a clause.
fn in_word_punct(folded: &str, at: usize) -> bool {
    folded[..at]
        .chars()
        .next_back()
        .is_some_and(char::is_alphanumeric)
        && folded[at + 1..]
            .chars()
            .next()
            .is_some_and(char::is_alphanumeric)
}

/// The clause around `at`: from the last clause punctuation before it to the
/// next one after it.
pub fn clause(folded: &str, at: usize) -> std::ops::Range<usize> {
    let is_end =
        |(i, c): &(usize, char)| matches!(c, '.' | ';' | '!' | '?') && !in_word_punct(folded, *i);
    let start = folded[..at]
        .char_indices()
        .rev()
        .find(is_end)
        .map_or(0, |(i, _)| i + 1);
    let end = folded[at..]
        .char_indices()
        .map(|(i, c)| (at + i, c))
        .find(is_end)
        .map_or(folded.len(), |(i, _)| i);
    start..end
}

pub struct Hits<'a> {
    phrases: &'a Phrases,
    text: &'a str,
    at: usize,
}

impl Iterator for Hits<'_> {
    type Item = Hit;

    fn next(&mut self) -> Option<Hit> {
        let automaton = self.phrases.automaton.as_ref()?;
        while self.at < self.text.len() {
            let input = Input::new(self.text).span(self.at..self.text.len());
            let found = automaton.find(input)?;
            if let Some(hit) = self.phrases.bounded(
                self.text,
                found.start(),
                found.end(),
                found.pattern().as_usize(),
            ) {
                self.at = hit.end;
                return Some(hit);
            }
            // The longest entry here is inside a word; look again from the
            // next character.
            let step = self.text[found.start()..]
                .chars()
                .next()
                .map_or(1, char::len_utf8);
            self.at = found.start() + step;
        }
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lint::substance::fold::fold;

    fn list(entries: &[&str]) -> Vec<String> {
        entries.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn phrases_match_whole_words_only() {
        let set = Phrases::new(&[&list(&["all users", "can", "passion*", "l'*"])]);
        let found = |text: &str| -> Vec<String> {
            let folded = fold(text);
            set.hits(&folded)
                .map(|h| folded[h.start..h.end].to_string())
                .collect()
        };
        assert_eq!(found("Small users; ALL\n users"), ["all users"]);
        assert_eq!(found("We can't, but we can"), ["can"]);
        assert_eq!(found("Passionate people"), ["passionate"]);
        assert_eq!(
            found("Tous les utilisateurs de l'application"),
            ["l'application"]
        );
        assert_eq!(found("we'll"), Vec::<String>::new());
    }

    #[test]
    fn entries_are_found_at_and_before_a_position() {
        let set = Phrases::new(&[&list(&["rather than", "not"]), &list(&["on the"])]);
        let folded = fold("Not everyone; rather than everyone on the team");
        let second = folded.rfind("everyone").unwrap();
        let hit = set.before(&folded, second).unwrap();
        assert_eq!(&folded[hit.start..hit.end], "rather than");
        assert_eq!(hit.list, 0);
        let after = set.at(&folded, second + "everyone ".len()).unwrap();
        assert_eq!(after.list, 1);
        assert!(
            set.before(&folded, folded.find("everyone").unwrap())
                .is_some()
        );
        assert!(set.contains("not") && !set.contains("nothing"));
    }

    #[test]
    fn the_text_as_written_matches_ignoring_case() {
        let set = Phrases::new(&[&list(&["all segments", "version"])]);
        let text = "Mobile App Users (All Segments), **Version**\n2";
        assert_eq!(
            set.first(text).map(|h| &text[h.start..h.end]),
            Some("All Segments")
        );
        let at = text.rfind('2').unwrap();
        assert_eq!(
            set.before(text, at).map(|h| &text[h.start..h.end]),
            Some("Version")
        );
        let prefilter = Phrases::first_words(&[&list(&["don't have any special", "über alles"])]);
        assert!(prefilter.first("I don’t have any").is_some());
        assert!(prefilter.first("Über alles").is_some());
        assert!(prefilter.first("Nothing at all").is_none());
    }

    #[test]
    fn clauses_and_word_windows_stop_at_punctuation() {
        let folded = fold("Big market. About 1.2 million users; growing");
        let at = folded.find("million").unwrap();
        assert_eq!(&folded[clause(&folded, at)], " about 1.2 million users");
        assert_eq!(&folded[words_back(&folded, at, 5)..at], " about 1.2 ");
        let end = words_ahead(&folded, at, 5);
        assert_eq!(&folded[at..end], "million users");
    }
}
