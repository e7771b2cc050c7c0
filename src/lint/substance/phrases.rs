//! Word lists compiled for matching an answer's words (`super::scan`): each
//! entry is a sequence of word numbers, found where the answer's words
//! carry those numbers in order, within one clause.
//!
//! Matching is by whole word and ignores case, hyphens, line breaks and
//! emphasis between words: "all users" does not match "small users", "can"
//! does not match "can't", "best in class" matches "Best-in-class". An entry
//! ending in `*` matches any ending ("passion*": passion, passionate).

use std::ops::{Bound, Range, RangeBounds};

use super::scan::{Id, Scan, Token, Vocabulary};

/// One or more word lists, searched together.
#[derive(Clone, Debug, Default)]
pub struct Phrases {
    entries: Vec<Entry>,
    /// The entries that start with each word, longest first: for a word
    /// number, its range in `starting` (a table by number rather than a hash
    /// map: numbers are small and dense, and lint looks up every word).
    by_first: Vec<(u32, u32)>,
    starting: Vec<u32>,
    /// A bit for each word number that starts an entry. A word's
    /// `may_start` bit says some number of the word starts an entry here;
    /// this says which (a word can carry a stem's number too), and which
    /// sets share the vocabulary's last bit. Dropping it for the empty
    /// ranges of `by_first` was measured: 0.6 M instructions more a round
    /// of 1,000 files.
    starts: Vec<u64>,
    /// The most words any entry has.
    max_words: usize,
    /// This set's bit in the vocabulary (`Vocabulary::set_bit`): a word
    /// without it starts no entry here.
    bit: u64,
}

#[derive(Clone, Debug)]
struct Entry {
    words: Box<[Id]>,
    list: usize,
    index: usize,
}

/// An entry found among an answer's words.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Hit {
    /// The first word it covers, and the word after the last.
    pub first: usize,
    pub end: usize,
    /// Which list it belongs to, in the order given to `Phrases::new`.
    pub list: usize,
    /// Its place in that list.
    pub entry: usize,
}

impl Hit {
    /// The bytes of the answer it covers.
    pub fn span(&self, scan: &Scan<'_>) -> Range<usize> {
        scan.span(self.first, self.end - 1)
    }
}

impl Phrases {
    /// Compiles lists of entries against `vocabulary`; a hit says which
    /// list its entry is from.
    pub fn new(vocabulary: &mut Vocabulary, lists: &[&[String]]) -> Phrases {
        let mut phrases = Phrases {
            bit: vocabulary.set_bit(),
            ..Phrases::default()
        };
        // Each entry by its first word: built at every start, for every set,
        // so a sort of one vector rather than a map of vectors (a one-file
        // lint's start is most of its cost).
        let mut by_first: Vec<(Id, u32)> = Vec::new();
        for (list, items) in lists.iter().enumerate() {
            for (index, entry) in items.iter().enumerate() {
                let Some(words) = vocabulary.entry(entry) else {
                    continue;
                };
                phrases.max_words = phrases.max_words.max(words.len());
                by_first.push((words[0], phrases.entries.len() as u32));
                vocabulary.starts_entry(words[0], phrases.bit);
                phrases.entries.push(Entry {
                    words: words.into(),
                    list,
                    index,
                });
            }
        }
        let entries = &phrases.entries;
        // Stable: entries of one length keep the lists' order.
        by_first.sort_by_key(|&(id, e)| (id, std::cmp::Reverse(entries[e as usize].words.len())));
        let top = by_first.last().map_or(0, |&(id, _)| id as usize + 1);
        phrases.by_first = vec![(0, 0); top];
        phrases.starting = by_first.iter().map(|&(_, e)| e).collect();
        phrases.starts = vec![0; top.div_ceil(64)];
        for (at, &(id, _)) in by_first.iter().enumerate() {
            let range = &mut phrases.by_first[id as usize];
            if range.0 == range.1 {
                *range = (at as u32, at as u32);
            }
            range.1 += 1;
            phrases.starts[id as usize / 64] |= 1 << (id % 64);
        }
        phrases
    }

    /// The longest entry that starts at word `i`, within its clause.
    #[inline]
    pub fn at(&self, scan: &Scan<'_>, i: usize) -> Option<Hit> {
        // Most words start no entry: said inline, by one bit.
        let token = scan.get(i)?;
        self.at_token(scan, i, token)
    }

    /// `at` for word `i` already looked up as `token`.
    #[inline]
    pub fn at_token(&self, scan: &Scan<'_>, i: usize, token: Token) -> Option<Hit> {
        if !token.may_start(self.bit) {
            return None;
        }
        self.starting_at(scan, i, token)
    }

    /// `at` for a word that may start an entry.
    #[inline(never)]
    fn starting_at(&self, scan: &Scan<'_>, i: usize, token: Token) -> Option<Hit> {
        // A word of one number whose longest entry here is that word alone
        // (most hits: the language gate's function words) is that entry.
        if let [id] = token.ids()
            && let Some(&(from, to)) = self.by_first.get(*id as usize)
            && from < to
        {
            let entry = &self.entries[self.starting[from as usize] as usize];
            if entry.words.len() == 1 {
                return Some(Hit {
                    first: i,
                    end: i + 1,
                    list: entry.list,
                    entry: entry.index,
                });
            }
        }
        let mut best: Option<Hit> = None;
        for &id in token.ids() {
            let starts = self
                .starts
                .get(id as usize / 64)
                .is_some_and(|bits| bits & (1 << (id % 64)) != 0);
            if !starts {
                continue;
            }
            let Some(&(from, to)) = self.by_first.get(id as usize) else {
                continue;
            };
            for &e in &self.starting[from as usize..to as usize] {
                let entry = &self.entries[e as usize];
                let n = entry.words.len();
                if best.is_some_and(|b| b.end - b.first >= n) {
                    break;
                }
                let fits = (1..n).all(|k| {
                    scan.get(i + k)
                        .is_some_and(|t| !t.clause && t.is(entry.words[k]))
                });
                if fits {
                    best = Some(Hit {
                        first: i,
                        end: i + n,
                        list: entry.list,
                        entry: entry.index,
                    });
                    break;
                }
            }
        }
        best
    }

    /// Every entry among the words `range` (`..` for the whole answer),
    /// left to right, longest first where two start together.
    pub fn hits<'a>(&'a self, scan: &'a Scan<'a>, range: impl RangeBounds<usize>) -> Hits<'a> {
        let at = match range.start_bound() {
            Bound::Included(&i) => i,
            Bound::Excluded(&i) => i + 1,
            Bound::Unbounded => 0,
        };
        let end = match range.end_bound() {
            Bound::Included(&i) => i + 1,
            Bound::Excluded(&i) => i,
            Bound::Unbounded => usize::MAX,
        };
        Hits {
            phrases: self,
            scan,
            at,
            end,
        }
    }

    /// The first entry in the whole answer.
    pub fn first(&self, scan: &Scan<'_>) -> Option<Hit> {
        self.hits(scan, ..).next()
    }

    /// Whether word `i` alone is an entry.
    pub fn is_word(&self, scan: &Scan<'_>, i: usize) -> bool {
        self.at(scan, i).is_some_and(|hit| hit.end == i + 1)
    }

    /// The entry that ends right before word `i`, in the same clause.
    pub fn before(&self, scan: &Scan<'_>, i: usize) -> Option<Hit> {
        if i == 0 || scan.get(i).is_some_and(|t| t.clause) {
            return None;
        }
        (1..=self.max_words.min(i))
            .map(|n| i - n)
            .take_while(|&start| start == i - 1 || scan.get(start + 1).is_some_and(|t| !t.clause))
            .find_map(|start| self.at(scan, start).filter(|hit| hit.end == i))
    }
}

pub struct Hits<'a> {
    phrases: &'a Phrases,
    scan: &'a Scan<'a>,
    at: usize,
    end: usize,
}

impl Iterator for Hits<'_> {
    type Item = Hit;

    fn next(&mut self) -> Option<Hit> {
        while self.at < self.end {
            let token = self.scan.get(self.at)?;
            let i = self.at;
            self.at += 1;
            if let Some(hit) = self.phrases.at_token(self.scan, i, token)
                && hit.end <= self.end
            {
                self.at = hit.end;
                return Some(hit);
            }
        }
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn list(entries: &[&str]) -> Vec<String> {
        entries.iter().map(|s| s.to_string()).collect()
    }

    fn found(phrases: &Phrases, vocabulary: &Vocabulary, text: &str) -> Vec<String> {
        let scan = Scan::new(text, vocabulary);
        phrases
            .hits(&scan, ..)
            .map(|hit| text[hit.span(&scan)].to_string())
            .collect()
    }

    #[test]
    fn phrases_match_whole_words_ignoring_case_and_decoration() {
        let mut vocabulary = Vocabulary::default();
        let set = Phrases::new(
            &mut vocabulary,
            &[&list(&[
                "all users",
                "can",
                "passion*",
                "l'*",
                "best in class",
            ])],
        );
        assert_eq!(
            found(&set, &vocabulary, "Small users; ALL\n users"),
            ["ALL\n users"]
        );
        assert_eq!(found(&set, &vocabulary, "We can't, but we can"), ["can"]);
        assert_eq!(
            found(&set, &vocabulary, "Passionate people"),
            ["Passionate"]
        );
        assert_eq!(
            found(&set, &vocabulary, "de l'application"),
            ["l'application"]
        );
        assert_eq!(
            found(&set, &vocabulary, "**Best**-in-class"),
            ["Best**-in-class"]
        );
        assert_eq!(
            found(&set, &vocabulary, "all. users"),
            Vec::<String>::new(),
            "not across a clause"
        );
    }

    #[test]
    fn entries_are_found_at_and_before_a_word() {
        let mut vocabulary = Vocabulary::default();
        let negations = list(&["rather than", "not"]);
        let scopes = list(&["on the"]);
        let set = Phrases::new(&mut vocabulary, &[&negations, &scopes]);
        let scan = Scan::new(
            "Not everyone; rather than everyone on the team",
            &vocabulary,
        );
        let second = 4;
        assert_eq!(scan.word(second), "everyone");
        let hit = set.before(&scan, second).unwrap();
        assert_eq!(&scan.text[hit.span(&scan)], "rather than");
        assert_eq!(hit.list, 0);
        assert_eq!(set.at(&scan, second + 1).map(|h| h.list), Some(1));
        assert!(set.before(&scan, 1).is_some(), "not everyone");
        assert!(
            set.before(&scan, 2).is_none(),
            "a clause ends before `rather`"
        );
        assert!(set.is_word(&scan, 0) && !set.is_word(&scan, 2));
    }
}
