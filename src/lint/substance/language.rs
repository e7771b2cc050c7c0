//! Which answers the rules can judge. The word lists are in one language
//! (English, built in); an answer in another says nothing they can read, and
//! every rule stays silent on it rather than calling it weak.
//!
//! An answer is judged when it has more words of the lists' language (the
//! `language.words` list, plus whatever the rule found from its own lists)
//! than of others (`language.other`), and is mostly in the Latin alphabet
//! when the lists are. Words both languages share ("in", "a", "no") are in
//! neither list. An answer with no words at all ("+1") is judged: nothing in
//! it is in another language.

use super::lexicon::Lexicon;
use super::phrases::Phrases;
use super::scan::{Scan, Vocabulary};

#[derive(Clone, Debug)]
pub struct Language {
    /// List 0: the lists' language; list 1: the others.
    markers: Phrases,
    /// Whether the lists' own words are written in the Latin alphabet; if so,
    /// an answer mostly in another script is not theirs.
    latin: bool,
}

impl Language {
    pub fn new(lexicon: &Lexicon, vocabulary: &mut Vocabulary) -> Language {
        let words = lexicon.list("language", "words");
        let latin = words
            .iter()
            .flat_map(|w| w.chars())
            .filter(|c| c.is_alphabetic())
            .all(is_latin);
        Language {
            markers: Phrases::new(vocabulary, &[words, lexicon.list("language", "other")]),
            latin,
        }
    }

    /// Whether a rule may judge the answer `scan`, given `evidence` words
    /// the rule found from its own (same-language) lists.
    pub fn judges(&self, scan: &Scan<'_>, evidence: usize) -> bool {
        self.judges_with(scan, evidence, None)
    }

    /// `judges`, with the hits of the rule's `own` lists counted as
    /// evidence in the same pass over the words (a weak answer's words are
    /// all looked at, and once is cheaper than twice).
    pub fn judges_counting(&self, scan: &Scan<'_>, own: &Phrases) -> bool {
        self.judges_with(scan, 0, Some(own))
    }

    fn judges_with(&self, scan: &Scan<'_>, evidence: usize, own: Option<&Phrases>) -> bool {
        let (counted, theirs) = self.count(scan, own);
        let ours = evidence + counted;
        // ASCII letters are all Latin: most answers need no count.
        if self.latin && !scan.text.is_ascii() && !mostly_latin(scan.text) {
            return false;
        }
        if ours == 0 && theirs == 0 {
            return (0..scan.count()).all(|i| scan.get(i).is_some_and(|t| t.digit));
        }
        ours > theirs
    }

    /// The words of the lists' language (with the hits of `own`) and of
    /// the other languages: each list set's hits as `Phrases::hits` finds
    /// them, a set looking again only after its last hit's words.
    fn count(&self, scan: &Scan<'_>, own: Option<&Phrases>) -> (usize, usize) {
        let (mut ours, mut theirs) = (0, 0);
        let (mut next_own, mut next_marker) = (0, 0);
        let mut i = 0;
        while let Some(token) = scan.get(i) {
            if let Some(own) = own
                && i >= next_own
                && let Some(hit) = own.at_token(scan, i, token)
            {
                ours += 1;
                next_own = hit.end;
            }
            if i >= next_marker
                && let Some(hit) = self.markers.at_token(scan, i, token)
            {
                if hit.list == 0 {
                    ours += 1;
                } else {
                    theirs += 1;
                }
                next_marker = hit.end;
            }
            i += 1;
        }
        (ours, theirs)
    }
}

/// Whether at least as many of `text`'s letters are Latin as are not. The
/// ASCII letters, most of an answer that has any, are counted a byte at a
/// time; only the other characters are decoded.
fn mostly_latin(text: &str) -> bool {
    // Every character that is not ASCII takes two bytes or more, so there
    // are at most half as many non-Latin letters as bytes that are not
    // ASCII: with at least that many ASCII letters, the answer is yes
    // without decoding a character (an English answer with a few names,
    // dashes and emoji).
    let (ascii_letters, wide_bytes) = text.bytes().fold((0usize, 0usize), |(letters, wide), b| {
        (
            letters + usize::from(b.is_ascii_alphabetic()),
            wide + usize::from(!b.is_ascii()),
        )
    });
    ascii_letters >= wide_bytes / 2 || counted_mostly_latin(text)
}

/// `mostly_latin`, counting every letter.
fn counted_mostly_latin(text: &str) -> bool {
    let bytes = text.as_bytes();
    let (mut latin, mut other) = (0usize, 0usize);
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if b.is_ascii() {
            latin += usize::from(b.is_ascii_alphabetic());
            i += 1;
            continue;
        }
        let c = text[i..].chars().next().expect("a character starts here");
        if c.is_alphabetic() {
            if is_latin(c) {
                latin += 1;
            } else {
                other += 1;
            }
        }
        i += c.len_utf8();
    }
    other <= latin
}

fn is_latin(c: char) -> bool {
    c.is_ascii_alphabetic() || ('\u{00C0}'..='\u{024F}').contains(&c)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Counting a rule's own hits in the gate's pass gives what counting
    /// them in a pass of their own does, on every labelled answer, as
    /// written and upper-cased.
    #[test]
    fn counting_in_one_pass_agrees_with_two() {
        let lexicon = Lexicon::builtin();
        let mut vocabulary = Vocabulary::default();
        let language = Language::new(&lexicon, &mut vocabulary);
        let own: Vec<Phrases> = [
            ("why_now", "non_reasons"),
            ("market_size", "vague"),
            ("metrics", "vague"),
        ]
        .iter()
        .map(|(group, name)| Phrases::new(&mut vocabulary, &[lexicon.list(group, name)]))
        .collect();
        let texts = super::super::skim::tests::corpus_texts();
        for text in texts.iter().flat_map(|t| [t.clone(), t.to_uppercase()]) {
            let scan = Scan::new(&text, &vocabulary);
            let (ours, theirs) = language.count(&scan, None);
            for own in &own {
                let evidence = own.hits(&scan, ..).count();
                assert_eq!(
                    language.count(&scan, Some(own)),
                    (ours + evidence, theirs),
                    "{text:?}"
                );
            }
        }
    }

    proptest::proptest! {
        /// The shortcut says yes only where counting every letter does.
        #[test]
        fn the_shortcut_agrees_with_counting(
            parts in proptest::collection::vec(
                proptest::sample::select(&["a", "Zx", " ", "é", "ß", "株式", "данные", "👍", "—", "9", "ab"][..]),
                0..30,
            )
        ) {
            let text: String = parts.concat();
            proptest::prop_assert_eq!(mostly_latin(&text), counted_mostly_latin(&text));
        }
    }

    #[test]
    fn english_is_judged_other_languages_are_not() {
        let mut vocabulary = Vocabulary::default();
        let language = Language::new(&Lexicon::builtin(), &mut vocabulary);
        let judges =
            |text: &str, evidence| language.judges(&Scan::new(text, &vocabulary), evidence);
        assert!(judges(
            "Nobody seems to have a solution for this problem right now",
            0
        ));
        assert!(judges("+1", 0));
        assert!(judges("Huge.", 1), "a rule's own word is English evidence");
        assert!(!judges("Huge.", 0), "no word the lists know: cannot judge");
        assert!(!judges(
            "Personne ne semble avoir de solution à ce problème",
            0
        ));
        assert!(!judges("Derzeit scheint niemand eine Lösung zu haben", 0));
        assert!(!judges(
            "Nadie parece tener una solución para este problema",
            1
        ));
        assert!(!judges(
            "Tous les utilisateurs de l'application (all segments)",
            1
        ));
        assert!(!judges("誰もがこの問題の解決策を持っていない the", 0));
        assert!(mostly_latin("Zürich — São Paulo, 株式会社データ"));
        assert!(
            !mostly_latin("株式会社データ in Kobe"),
            "seven letters to six"
        );
        assert!(mostly_latin("株 abc"), "three Latin letters to one other");
    }
}
