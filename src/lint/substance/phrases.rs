//! Word lists compiled for matching in folded text: one Aho-Corasick
//! automaton per list (or per group of lists a rule reads together), so
//! finding any of a hundred phrases costs one pass over the answer.
//!
//! Matches must be whole words: a phrase "all users" does not match inside
//! "small users", "can" does not match "can't". An entry ending in `*`
//! matches any ending ("passion*": passion, passionate).

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

impl Phrases {
    /// Compiles lists of entries; a hit says which list its entry is from.
    pub fn new(lists: &[&[String]]) -> Phrases {
        let mut folded = Vec::new();
        let mut patterns = Vec::new();
        let mut max_words = 1;
        let mut firsts = [false; 256];
        for (list, entries) in lists.iter().enumerate() {
            for (index, entry) in entries.iter().enumerate() {
                let trimmed = entry.trim();
                let open = trimmed.ends_with('*');
                let text = fold_entry(trimmed.trim_end_matches('*'));
                if text.is_empty() {
                    continue;
                }
                max_words = max_words.max(text.split(' ').count());
                firsts[usize::from(text.as_bytes()[0])] = true;
                patterns.push(Pattern {
                    list,
                    entry: index,
                    open,
                    word_start: text.starts_with(is_word),
                    word_end: text.ends_with(is_word),
                });
                folded.push(text);
            }
        }
        let automaton = (!folded.is_empty()).then(|| {
            AhoCorasick::builder()
                .match_kind(MatchKind::LeftmostLongest)
                .start_kind(StartKind::Both)
                .kind(Some(aho_corasick::AhoCorasickKind::ContiguousNFA))
                .build(&folded)
                .expect("word lists are small enough for an automaton")
        });
        Phrases {
            automaton,
            patterns,
            max_words,
            firsts,
        }
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

    /// The entry that ends right before `at` (spaces between them allowed),
    /// within the clause `at` is in.
    pub fn before(&self, folded: &str, at: usize) -> Option<Hit> {
        self.automaton.as_ref()?;
        let end = folded[..at].trim_end_matches(' ').len();
        let mut start = end;
        for _ in 0..self.max_words {
            let word = folded[..start].rfind(' ').map_or(0, |i| i + 1);
            if word == start || folded[word..start].ends_with(['.', ';', ':', '!', '?']) {
                break;
            }
            if let Some(hit) = self.at_within(folded, word, end)
                && hit.end == end
            {
                return Some(hit);
            }
            if word == 0 || !folded[..word].ends_with(' ') {
                break;
            }
            start = folded[..word].trim_end_matches(' ').len();
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

/// The start of the `n`th word before `end`, not crossing clause
/// punctuation.
pub fn words_back(folded: &str, end: usize, n: usize) -> usize {
    let mut words = 0;
    let mut in_word = false;
    for (i, c) in folded[..end].char_indices().rev() {
        if matches!(c, '.' | ';' | ':' | '!' | '?') && !in_word_punct(folded, i) {
            return i + 1;
        }
        if c == ' ' {
            if in_word {
                words += 1;
                if words == n {
                    return i + 1;
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
        if c == ' ' {
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
    fn clauses_and_word_windows_stop_at_punctuation() {
        let folded = fold("Big market. About 1.2 million users; growing");
        let at = folded.find("million").unwrap();
        assert_eq!(&folded[clause(&folded, at)], " about 1.2 million users");
        assert_eq!(&folded[words_back(&folded, at, 5)..at], " about 1.2 ");
        let end = words_ahead(&folded, at, 5);
        assert_eq!(&folded[at..end], "million users");
    }
}
