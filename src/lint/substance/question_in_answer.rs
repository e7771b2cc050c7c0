//! MRD020 question-in-answer: an answer that holds another question's text,
//! one of its wordings (the question set's `wordings:`, "How will we
//! measure success?"), short name, key or alias (`.mrd.yml`'s `aliases:`,
//! the headings import recognises), the mark of a copy-paste or of a lossy
//! import that swallowed the next question's heading into this answer.
//!
//! The word lists here are the question set itself (`.mrd.yml` adapts it),
//! so the rule needs no language gate: it finds only what the team's own
//! questions say. To stay precise, a question only counts where a heading
//! or a new sentence would put it: at the start of a line (after list,
//! quote, heading and emphasis markers) or of a sentence, followed by its
//! `?`, a colon, or the end of the line. "That's why now is the time" and
//! "we looked at what alternatives are out there" are prose, not pastes.
//! An answer's own question is MRD006's business, not this rule's.

use super::blocks::{self, BLOCK, block_bits};
use super::pairs::BytePairs;
use super::phrases::Phrases;
use super::scan::{Scan, Vocabulary};
use super::{RuleDoc, Weakness, one_line};
use crate::diagnostic::rules;
use crate::questions::QuestionSet;

pub static DOC: RuleDoc = RuleDoc {
    rule: &rules::QUESTION_IN_ANSWER,
    question: None,
    help: "move the text after the question to that question's answer, and delete the question line",
    risk: "another question's text in an answer",
};

impl Questions {
    /// Whether these were prepared from `questions`.
    pub fn fits(&self, questions: &QuestionSet) -> bool {
        self.source == *questions
    }
}

/// Why the answer `text` to question `own` is weak, if it holds another
/// question's text. Lint checks every answer of every file: build
/// `Questions` once and call its `check` instead.
pub fn check(text: &str, own: &str, questions: &QuestionSet) -> Option<Weakness> {
    Questions::new(questions).check(text, own)
}

/// The question set's texts, short names and keys, prepared once for
/// checking many answers.
pub struct Questions {
    /// The question set these were prepared from, to tell whether they
    /// still fit a linter's questions.
    source: QuestionSet,
    vocabulary: Vocabulary,
    needles: Phrases,
    /// The needles' first words that start with an ASCII letter (their
    /// first run of ASCII letters), lowercase, by their first letter (`a` to
    /// `z`): a clause that starts with none of them is passed over without
    /// reading it.
    firsts: Vec<Vec<String>>,
    /// The needles' first words that start with a letter that is not ASCII
    /// ("Étape suivante", "À qui s'adresse-t-on"), lowercase: a translated
    /// question set's. A clause is read when its first word starts with one.
    wide_firsts: Vec<String>,
    /// The pairs of first and second bytes a word of `firsts` or
    /// `wide_firsts` can start a clause with, in any case: most clauses start
    /// with another pair and are passed over at one table look.
    pairs: BytePairs,
    /// The needles' last words as far as they are ASCII letters and digits
    /// (`last_word`), lowercase, by their last byte, for `ends_in_no_needle`;
    /// `None` when a needle's end cannot be told so.
    lasts: Option<Vec<Vec<String>>>,
    /// For each needle, in `needles`' order: its question's place in
    /// `source` and what of it the needle is.
    parts: Vec<(usize, Part)>,
}

/// What of a question an answer holds.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Part {
    Text,
    /// Another way the question is asked (the question set's `wordings`,
    /// "How will we measure success?"). Many are short and everyday ("Who
    /// is this for?"), so one counts only where its `?` ends the line, a
    /// colon follows it or emphasis sets it apart as a heading: pasted,
    /// not asked in passing ("Who has this problem? Dental clinics,
    /// mostly.").
    Wording,
    Heading,
    Key,
}

impl Questions {
    pub fn new(questions: &QuestionSet) -> Questions {
        let mut texts = Vec::new();
        let mut parts = Vec::new();
        for (index, question) in questions.all().iter().enumerate() {
            let aliases = question
                .aliases
                .iter()
                .map(|alias| (alias.trim().trim_end_matches('?'), Part::Heading));
            let wordings = question
                .wordings
                .iter()
                .map(|wording| (wording.trim().trim_end_matches('?'), Part::Wording));
            for (text, part) in [
                (question.text.trim().trim_end_matches('?'), Part::Text),
                (question.short_name.trim(), Part::Heading),
                (question.key.as_str(), Part::Key),
            ]
            .into_iter()
            .chain(wordings)
            .chain(aliases)
            {
                // A one-word key ("problem:") is also a natural label.
                if text.is_empty() || (part == Part::Key && !text.contains('_')) {
                    continue;
                }
                texts.push(text.to_string());
                parts.push((index, part));
            }
        }
        let mut vocabulary = Vocabulary::default();
        let needles = Phrases::new(&mut vocabulary, &[&texts]);
        let mut firsts: Vec<Vec<String>> = vec![Vec::new(); 26];
        let mut wide_firsts: Vec<String> = Vec::new();
        let mut pairs = BytePairs::default();
        for text in &texts {
            // A needle's first word comes after whatever opens it ("¿Qué
            // problema…", "«Étape»"); one that starts with a digit is not
            // looked for.
            let start = text.trim_start_matches(|c: char| !c.is_alphanumeric());
            let Some(first) = FirstWord::of_clause(start) else {
                continue;
            };
            let first = match first {
                FirstWord::Ascii(first) => first,
                FirstWord::Wide(first) => {
                    // The first two bytes of its first letter as written and
                    // in each case (a letter that is not ASCII takes two
                    // bytes or more; `İ` lowercase starts with an ASCII `i`,
                    // whose words are not looked up as wide).
                    let head = start.chars().next().expect("a letter");
                    let cases = [
                        Some(head),
                        head.to_lowercase().next(),
                        head.to_uppercase().next(),
                    ];
                    for case in cases.into_iter().flatten() {
                        let mut utf8 = [0; 4];
                        if let [b0, b1, ..] = *case.encode_utf8(&mut utf8).as_bytes() {
                            pairs.insert(b0, b1);
                        }
                    }
                    if !wide_firsts.contains(&first) {
                        wide_firsts.push(first);
                    }
                    continue;
                }
            };
            let bytes = first.as_bytes();
            let head = bytes[0];
            let same = &mut firsts[usize::from(head - b'a')];
            if same.contains(&first) {
                continue;
            }
            // A one-letter word is followed by anything but a letter.
            let seconds: Vec<u8> = match bytes.get(1) {
                Some(&second) => vec![second.to_ascii_lowercase(), second.to_ascii_uppercase()],
                None => (0..=u8::MAX).filter(|b| !b.is_ascii_alphabetic()).collect(),
            };
            for head in [head, head.to_ascii_uppercase()] {
                for &second in &seconds {
                    pairs.insert(head, second);
                }
            }
            same.push(first);
        }
        // A wording counts only before its `?` or a colon (`read_at`), and
        // a line with either is read whatever its last word: a line's end
        // is told from the other needles'.
        let lasts = texts
            .iter()
            .zip(&parts)
            .filter(|(_, (_, part))| *part != Part::Wording)
            .map(|(text, _)| last_word(text))
            .collect::<Option<Vec<String>>>()
            .map(|lasts| {
                let mut by_end = vec![Vec::new(); 128];
                for last in lasts {
                    let end = *last.as_bytes().last().expect("not empty");
                    by_end[usize::from(end)].push(last);
                }
                by_end
            });
        Questions {
            source: questions.clone(),
            vocabulary,
            needles,
            firsts,
            wide_firsts,
            pairs,
            lasts,
            parts,
        }
    }

    /// Why the answer `text` to question `own` is weak, if it holds another
    /// question's text.
    ///
    /// The clauses are tried in one order, which decides the finding when an
    /// answer holds two questions: every line start first, then every
    /// sentence start (`clause_starts` in the tests is that order written
    /// plainly, and they hold the two to the same findings). Lint checks
    /// every answer of every file (issue 16's cost budget), so a clause is
    /// passed over at its first two letters, and read into words only when
    /// it starts with a needle's first word.
    pub fn check(&self, text: &str, own: &str) -> Option<Weakness> {
        let bytes = text.as_bytes();
        if let Some(weakness) = self.line_at(text, 0, own) {
            return Some(weakness);
        }
        // The sentence starts that begin with a needle's first word, tried
        // once every line start has been.
        let mut sentences = Vec::new();
        let mut block = 0;
        while block < bytes.len() {
            let mut bits = marks(bytes, block);
            while bits != 0 {
                let mark = block + bits.trailing_zeros() as usize;
                bits &= bits - 1;
                if bytes[mark] == b'\n' {
                    if let Some(weakness) = self.line_at(text, mark + 1, own) {
                        return Some(weakness);
                    }
                } else if matches!(bytes.get(mark + 1), Some(b' ' | b'\t')) {
                    let mut start = mark + 2;
                    while matches!(bytes.get(start), Some(b' ' | b'\t' | b'*' | b'_' | b'`')) {
                        start += 1;
                    }
                    if self.starts_first(text, start) {
                        sentences.push(start);
                    }
                }
            }
            block += BLOCK;
        }
        sentences
            .into_iter()
            .find_map(|start| self.at(text, start, own))
    }

    /// The question the line that starts at `at` holds after its markers.
    #[inline(always)]
    fn line_at(&self, text: &str, at: usize, own: &str) -> Option<Weakness> {
        let start = at + line_markers(text, at);
        if self.starts_first(text, start) {
            self.at(text, start, own)
        } else {
            None
        }
    }

    /// Whether the clause at `start` of `text` starts, after its opening
    /// marks (`opening_marks`), with a needle's first word: one of `firsts`
    /// (its run of ASCII letters, whole) or a word that starts with one of
    /// `wide_firsts`.
    #[inline(always)]
    fn starts_first(&self, text: &str, start: usize) -> bool {
        let bytes = text.as_bytes();
        let start = start + opening_marks(bytes, start);
        let Some(&head) = bytes.get(start) else {
            return false;
        };
        // The second byte is 0 at the end of the text.
        let second = bytes.get(start + 1).copied().unwrap_or(0);
        // A pair in the set starts with a letter, ASCII or the first byte
        // of one, so `start` is at a character's start.
        self.pairs.contains(head, second)
            && text.get(start..).is_some_and(|rest| self.is_first(rest))
    }

    /// Whether `rest`, which starts with a letter, starts with a needle's
    /// first word (`starts_first`).
    #[inline(never)]
    fn is_first(&self, rest: &str) -> bool {
        let bytes = rest.as_bytes();
        if bytes[0].is_ascii_alphabetic() {
            // `FirstWord::Ascii` of the clause, compared in place: most
            // clauses that get here start with "Our" or "What", and lint
            // reads every answer.
            let letter = usize::from(bytes[0].to_ascii_lowercase() - b'a');
            return self.firsts[letter].iter().any(|first| {
                let first = first.as_bytes();
                bytes
                    .get(..first.len())
                    .is_some_and(|word| word.eq_ignore_ascii_case(first))
                    && !bytes.get(first.len()).is_some_and(u8::is_ascii_alphabetic)
            });
        }
        matches!(
            FirstWord::of_clause(rest),
            Some(FirstWord::Wide(word)) if self.wide_firsts.iter().any(|first| word.starts_with(&**first))
        )
    }

    /// The question the clause at `start` holds, unless it is `own`'s.
    fn at(&self, text: &str, start: usize, own: &str) -> Option<Weakness> {
        let rest = &text.as_bytes()[start..];
        // One search finds the line's end, or the colon or question mark
        // that makes `ends_in_no_needle` moot.
        match memchr::memchr3(b'\n', b':', b'?', rest) {
            Some(i) if rest[i] != b'\n' => {
                let line_end =
                    memchr::memchr(b'\n', &rest[i..]).map_or(text.len(), |j| start + i + j);
                self.read_at(text, start, line_end, own)
            }
            found => {
                let line_end = found.map_or(text.len(), |i| start + i);
                if self.ends_in_no_needle(&text[start..line_end]) {
                    return None;
                }
                self.read_at(text, start, line_end, own)
            }
        }
    }

    /// `at`, reading the clause (to `line_end`) into words.
    fn read_at(&self, text: &str, start: usize, line_end: usize, own: &str) -> Option<Weakness> {
        let scan = Scan::new(&text[start..line_end], &self.vocabulary);
        let hit = self.needles.at(&scan, 0)?;
        let (index, part) = self.parts[hit.entry];
        let question = &self.source.all()[index];
        if question.key == own {
            return None;
        }
        let span = hit.span(&scan);
        let span = start + span.start..start + span.end;
        // The question ends its line, or is followed by its colon or
        // question mark (French puts a space before them).
        let after = text[span.end..].trim_start_matches(['*', '_', '`']);
        let line = after.lines().next().unwrap_or("").trim();
        let mark = after.trim_start_matches([' ', '\u{a0}']);
        let ends = match part {
            // A wording keeps its `?` (ending its line, or set in emphasis
            // as a heading whatever follows: "**What could go wrong?**
            // Carriers change their APIs.") or takes a colon.
            Part::Wording => {
                line == "?"
                    || mark.starts_with(':')
                    || mark.starts_with("?*")
                    || mark.starts_with("?_")
            }
            _ => {
                line.is_empty()
                    || line == "?"
                    || mark.starts_with(':')
                    || (part == Part::Text && mark.starts_with('?'))
            }
        };
        if !ends {
            return None;
        }
        let what = match part {
            Part::Text => "text",
            Part::Wording => "wording",
            Part::Heading => "heading",
            Part::Key => "key",
        };
        Some(Weakness {
            message: format!(
                "the {own} answer holds question {} ({})'s {what}: \"{}\"",
                question.number,
                question.short_name,
                one_line(&text[span.clone()])
            ),
            span: Some(span),
        })
    }

    /// Whether no needle can start `line` (a clause to the end of its line)
    /// and be followed as `at` requires, told from the bytes alone so that
    /// most clauses are not read into words.
    #[cfg(test)]
    fn cannot_end(&self, line: &str) -> bool {
        memchr::memchr2(b':', b'?', line.as_bytes()).is_none() && self.ends_in_no_needle(line)
    }

    /// `cannot_end` of a line with no `:` or `?`. Then a needle must end the
    /// line but for emphasis and spaces, so the line's last word is the
    /// needle's last: a line that ends in `.` or `)` ends in no word at all
    /// (a word ends in a letter, a digit or `%`), and one that ends in ASCII
    /// letters or digits holds a needle only if they and the needle's end
    /// (`last_word`) are one the other's ending. Whatever this cannot tell
    /// from ASCII bytes (a line that ends in a character that is not ASCII,
    /// a needle that ends in one, a stem) it leaves to the words.
    fn ends_in_no_needle(&self, line: &str) -> bool {
        let bytes = line.as_bytes();
        let end = bytes.len()
            - bytes
                .iter()
                .rev()
                .take_while(|&&b| b.is_ascii_whitespace() || matches!(b, b'*' | b'_' | b'`'))
                .count();
        let Some(&last) = bytes[..end].last() else {
            return false;
        };
        if last.is_ascii() && !last.is_ascii_alphanumeric() {
            return last != b'%';
        }
        let ending = trailing_alphanumerics(&bytes[..end]);
        let (Some(lasts), Some(&end)) = (&self.lasts, ending.last()) else {
            return false;
        };
        // Two endings one of which ends the other end in the same byte.
        !lasts[usize::from(end.to_ascii_lowercase())]
            .iter()
            .any(|last| {
                let last = last.as_bytes();
                ends_with_ignore_ascii_case(last, ending)
                    || ends_with_ignore_ascii_case(ending, last)
            })
    }
}

/// A needle's first word, or a clause's, as the prefilter compares them.
enum FirstWord {
    /// A word that starts with an ASCII letter: its run of ASCII letters,
    /// lowercase ("qu" of "Qué", "pourquoi" of "Pourquoi*").
    Ascii(String),
    /// A word that starts with a letter that is not ASCII: the word,
    /// lowercase.
    Wide(String),
}

impl FirstWord {
    /// The first word of a clause that starts at `rest`'s first character.
    fn of_clause(rest: &str) -> Option<FirstWord> {
        let head = rest.chars().next()?;
        if head.is_ascii_alphabetic() {
            let run = rest
                .bytes()
                .take_while(u8::is_ascii_alphabetic)
                .map(|b| char::from(b.to_ascii_lowercase()))
                .collect();
            Some(FirstWord::Ascii(run))
        } else if !head.is_ascii() && head.is_alphabetic() {
            let word = rest
                .chars()
                .take_while(|c| c.is_alphanumeric())
                .flat_map(char::to_lowercase)
                .collect();
            Some(FirstWord::Wide(word))
        } else {
            None
        }
    }
}

/// The length of the opening marks at `at` of `bytes`: Spanish opens a
/// question with `¿` and an exclamation with `¡` ("¿Por qué ahora?"), and
/// the first word of a question pasted in Spanish comes after them.
#[inline(always)]
fn opening_marks(bytes: &[u8], at: usize) -> usize {
    let mut len = 0;
    // `¿` is C2 BF and `¡` is C2 A1.
    while bytes.get(at + len) == Some(&0xC2) && matches!(bytes.get(at + len + 1), Some(0xBF | 0xA1))
    {
        len += 2;
    }
    len
}

/// The bytes that can end a line or a sentence.
const MARKS: [u8; 4] = [b'\n', b'.', b'?', b'!'];

/// Which of the `BLOCK` bytes of `bytes` from `at` are `MARKS`: bit `i` for
/// byte `at + i`. Most answers have a break every 30 to 60 bytes, and
/// finding the next from each (`memchr`) costs more in starting each search
/// than in searching: this finds them all in one pass.
#[inline(always)]
fn marks(bytes: &[u8], at: usize) -> u64 {
    block_bits(bytes, at, block_marks)
}

/// Which bytes of `block` are `MARKS`: bit `i` for byte `i`. SSE2 is part of
/// every x86-64 processor. Not inlined: inlined, the compiler takes the
/// masks apart bit by bit and it costs ten times as much.
#[cfg(all(
    any(target_arch = "x86", target_arch = "x86_64"),
    target_feature = "sse2"
))]
#[inline(never)]
fn block_marks(block: &[u8; BLOCK]) -> u64 {
    use safe_arch::{bitor_m128i, cmp_eq_mask_i8_m128i, set_splat_i8_m128i};
    blocks::sixteen_at_a_time(block, |v| {
        let is = |mark: u8| cmp_eq_mask_i8_m128i(v, set_splat_i8_m128i(mark as i8));
        let [a, b, c, d] = MARKS.map(is);
        bitor_m128i(bitor_m128i(a, b), bitor_m128i(c, d))
    })
}

#[cfg(not(all(
    any(target_arch = "x86", target_arch = "x86_64"),
    target_feature = "sse2"
)))]
fn block_marks(block: &[u8; BLOCK]) -> u64 {
    blocks::bytewise(block, |b| MARKS.contains(&b))
}

/// The ASCII letters and digits `text` ends with, lowercase, for
/// `Questions::cannot_end`; `None` when they cannot stand for its last word:
/// a stem (`passion*` ends in any letters), or a needle that does not end
/// in an ASCII letter or digit.
fn last_word(text: &str) -> Option<String> {
    // As `Vocabulary::entry` reads an entry.
    let text = text.trim();
    if text.ends_with('*') {
        return None;
    }
    let body = text.trim_end_matches(|c: char| c.is_ascii() && !c.is_ascii_alphanumeric());
    let ending = trailing_alphanumerics(body.as_bytes());
    (!ending.is_empty()).then(|| String::from_utf8_lossy(ending).to_ascii_lowercase())
}

/// The run of ASCII letters and digits `bytes` ends with.
fn trailing_alphanumerics(bytes: &[u8]) -> &[u8] {
    let len = bytes
        .iter()
        .rev()
        .take_while(|b| b.is_ascii_alphanumeric())
        .count();
    &bytes[bytes.len() - len..]
}

fn ends_with_ignore_ascii_case(text: &[u8], end: &[u8]) -> bool {
    text.len() >= end.len() && text[text.len() - end.len()..].eq_ignore_ascii_case(end)
}

/// Whether `c` is one of the list, quote, heading and emphasis markers (or
/// the spaces) a heading or an item can start its line with.
const fn is_line_marker(c: char) -> bool {
    (c.is_whitespace() && c != '\n')
        || c.is_ascii_digit()
        || matches!(c, '-' | '*' | '+' | '>' | '#' | '•' | '.' | ')' | '_' | '`')
}

/// `is_line_marker` of each ASCII byte.
static ASCII_LINE_MARKERS: [bool; 128] = {
    let mut table = [false; 128];
    let mut b = 0;
    while b < 128 {
        table[b] = is_line_marker(b as u8 as char);
        b += 1;
    }
    table
};

/// The length of the markers (`is_line_marker`) the line that starts at
/// `at` in `text` starts with.
#[inline(always)]
fn line_markers(text: &str, at: usize) -> usize {
    let bytes = text.as_bytes();
    let mut len = 0;
    while let Some(&b) = bytes.get(at + len) {
        if !b.is_ascii() {
            let rest = &text[at + len..];
            return len + rest.len() - rest.trim_start_matches(is_line_marker).len();
        }
        if !ASCII_LINE_MARKERS[usize::from(b)] {
            break;
        }
        len += 1;
    }
    len
}

#[cfg(test)]
mod tests {
    use super::*;

    fn quote(text: &str, own: &str) -> Option<String> {
        check(text, own, &QuestionSet::builtin()).map(|w| text[w.span.unwrap()].to_string())
    }

    /// Where a heading or a new sentence could start, as the rule was first
    /// written: at the start of a line after its list, quote, heading and
    /// emphasis markers, and after `. `, `? ` or `! ` and any emphasis.
    fn clause_starts(text: &str) -> impl Iterator<Item = usize> + '_ {
        let bytes = text.as_bytes();
        let line_starts =
            std::iter::once(0).chain(memchr::memchr_iter(b'\n', bytes).map(|i| i + 1));
        let lines = line_starts.map(move |at| {
            let line = &text[at..];
            at + line.len() - line.trim_start_matches(is_line_marker).len()
        });
        let sentences = memchr::memchr3_iter(b'.', b'?', b'!', bytes)
            .filter(move |&i| bytes.get(i + 1).is_some_and(|&b| b == b' ' || b == b'\t'))
            .map(move |i| {
                let rest = &text[i + 1..];
                i + 1
                    + (rest.len()
                        - rest
                            .trim_start_matches(|c: char| {
                                c == ' ' || c == '\t' || matches!(c, '*' | '_' | '`')
                            })
                            .len())
            });
        lines.chain(sentences)
    }

    /// The rule as first written, without the shortcuts `check` takes: every
    /// clause start, judged by its first letter and word, then read into
    /// words. `check` must find exactly what this finds.
    fn reference(questions: &Questions, text: &str, own: &str) -> Option<(String, Range)> {
        for start in clause_starts(text) {
            let word = text[start..].trim_start_matches(['¿', '¡']);
            let first = match FirstWord::of_clause(word) {
                Some(FirstWord::Ascii(word)) => {
                    questions.firsts.iter().flatten().any(|f| *f == word)
                }
                Some(FirstWord::Wide(word)) => {
                    questions.wide_firsts.iter().any(|f| word.starts_with(&**f))
                }
                None => false,
            };
            if !first {
                continue;
            }
            let line_end = text[start..].find('\n').map_or(text.len(), |i| start + i);
            if let Some(weakness) = questions.read_at(text, start, line_end, own) {
                return Some((weakness.message, weakness.span.unwrap()));
            }
        }
        None
    }

    type Range = std::ops::Range<usize>;

    /// What `check` finds, in the shape `reference` gives it.
    fn fast(questions: &Questions, text: &str, own: &str) -> Option<(String, Range)> {
        questions
            .check(text, own)
            .map(|w| (w.message, w.span.unwrap()))
    }

    /// A question set with `.mrd.yml`'s `aliases:` for market window.
    fn with_aliases(aliases: &str) -> QuestionSet {
        crate::config::Config::from_text(
            &format!("questions:\n  market_window:\n    aliases: [{aliases}]\n"),
            std::path::Path::new("/repo"),
        )
        .unwrap()
        .questions
    }

    /// Pieces of answers: pasted questions in the shapes people paste them,
    /// and prose that starts its clauses with the questions' first words.
    const PIECES: &[&str] = &[
        "Why now?",
        "## Why now?",
        "**How big is the opportunity?**",
        "**How big is the opportunity?** About 12,000.",
        "market_window: the law changes",
        "market_window:",
        "- Market size",
        "1. Market size",
        "12) target market:",
        "> What alternatives are out there ?",
        "  \t* _Our differentiator_",
        "Our differentiator\u{a0}",
        "Our partner in Osaka (株式会社データ) reports 21 incidents a month",
        "Our partner in Osaka reports 21 incidents a month caused by it.",
        "For whom do we solve that problem",
        "for it in 234 separate threads.",
        "What factors are critical to success? Uptime.",
        "what analytics engineers already pay",
        "Go-to-market strategy aside, we measure 5% conversion.",
        "Go or no-go",
        "Given the above, what's the recommendation?",
        "Given the above, what’s the recommendation",
        "Metrics/revenue strategy",
        "metrics/revenue strategy *",
        "Exactly what problem will this solve?",
        "Value proposition:",
        "Value proposition 8%",
        "Success_factors",
        "success_factors: none",
        "Solution requirements`",
        "Competitive landscape —",
        "How will we get this product to market",
        "How will we measure success/make money from this product?",
        "That's why now is the time to move.",
        "Why now: the incumbent left.",
        "Pourquoi maintenant ?",
        "## Pourquoi maintenant",
        "Qu’est-ce qui a changé",
        "Étape suivante",
        "Été 2026 :",
        "¿Qué cambió?",
        "¿QUÉ CAMBIÓ",
        "¡Qué cambió!",
        "¿ Qué cambió?",
        "À qui s'adresse-t-on ?",
        "ÀQUI",
        "Étapes suivantes",
        "ÉTAPE SUIVANTE:",
        "• Why now",
        "\u{2003}Why now",
        "É. Why now",
        "Why   now",
        "WHY NOW",
        "why-now",
        "Why now!",
        "Why now**",
        "Why now **",
        "Customers ask \"why now?\" less often",
        "",
    ];

    const JOINS: &[&str] = &[
        "\n", ". ", "! ", "? ", ".\t", "\r\n", " ", "\n\n", "** ", ".** ", "\n  - ",
    ];

    #[test]
    fn check_finds_what_the_rule_as_first_written_finds() {
        let sets = [
            QuestionSet::builtin(),
            with_aliases("Pourquoi maintenant, \"Qu'est-ce qui a changé\", Étape suivante"),
            with_aliases("\"Été*\", Pourquoi*, Taille du marché"),
            with_aliases("\"¿Qué cambió?\", À qui s'adresse-t-on, \"¡Qué*\""),
            with_aliases("\"Why now 8%\", Calendrier…"),
        ];
        let owns = ["market_window", "problem", "differentiator"];
        let mut compared = 0;
        let mut found = 0;
        for questions in &sets {
            let questions = Questions::new(questions);
            for a in PIECES {
                for b in PIECES {
                    for join in JOINS {
                        for text in [
                            format!("{a}{join}{b}"),
                            format!("Intro{join}{a}{join}{b}\n"),
                        ] {
                            for own in owns {
                                let expected = reference(&questions, &text, own);
                                assert_eq!(
                                    fast(&questions, &text, own),
                                    expected,
                                    "{text:?} in {own}"
                                );
                                compared += 1;
                                found += usize::from(expected.is_some());
                            }
                        }
                    }
                }
            }
        }
        // Both outcomes are well represented, so the comparison means
        // something either way.
        assert!(
            found > compared / 10 && found < compared * 9 / 10,
            "{found} of {compared}"
        );
    }

    proptest::proptest! {
        /// Answers strung from the pieces and joins above at random, after a
        /// lead of random length, so that marks fall on every byte of a block.
        #[test]
        fn check_finds_what_the_rule_as_first_written_finds_anywhere(
            parts in proptest::collection::vec((0..PIECES.len(), 0..JOINS.len()), 1..8),
            lead in "[ \t*_`#>.!?:\n\r]{0,40}",
            own in 0usize..3,
        ) {
            let mut text = lead;
            for (piece, join) in parts {
                text.push_str(PIECES[piece]);
                text.push_str(JOINS[join]);
            }
            let own = ["market_window", "problem", "differentiator"][own];
            for questions in [
                QuestionSet::builtin(),
                with_aliases("Pourquoi maintenant, \"Qu'est-ce qui a changé\""),
                with_aliases("Étape suivante, \"¿Qué cambió?\", À qui s'adresse-t-on"),
            ] {
                let questions = Questions::new(&questions);
                proptest::prop_assert_eq!(
                    fast(&questions, &text, own),
                    reference(&questions, &text, own),
                    "{:?}", text
                );
            }
        }

        #[test]
        fn marks_are_found_in_every_place_of_a_block(block in proptest::array::uniform::<_, BLOCK>(
            proptest::sample::select(b"\n.?!a \x00\xff\t,:".to_vec())
        )) {
            proptest::prop_assert_eq!(block_marks(&block), blocks::bytewise(&block, |b| MARKS.contains(&b)));
        }
    }

    #[test]
    fn a_question_after_an_exclamation_mark_or_a_crlf_line_end_is_found() {
        assert_eq!(
            quote("We own it! Why now? The law changed.", "differentiator").as_deref(),
            Some("Why now")
        );
        assert_eq!(
            quote(
                "We own it.\r\nWhy now\r\nThe law changed.",
                "differentiator"
            )
            .as_deref(),
            Some("Why now")
        );
        assert_eq!(
            quote(
                "We own it.\r\n**Market size** \r\n2,000 stores.",
                "differentiator"
            )
            .as_deref(),
            Some("Market size")
        );
    }

    #[test]
    fn a_line_that_ends_in_another_word_is_passed_over_without_reading_it() {
        let questions = Questions::new(&QuestionSet::builtin());
        let line = "Our partner in Osaka (株式会社データ) reports 21 incidents a month caused";
        assert!(questions.cannot_end(line));
        assert!(questions.cannot_end("Our partner reports it."));
        // What a needle's last word could end: told by reading the words.
        assert!(!questions.cannot_end("Our differentiator **"));
        assert!(!questions.cannot_end("Our xdifferentiator"));
        assert!(!questions.cannot_end("Our differentiator\u{a0}"));
        assert!(!questions.cannot_end("Our partner: reports"));
        assert!(!questions.cannot_end("Our partner? reports"));
        assert_eq!(quote(&format!("{line}\nby it."), "problem"), None);
        assert_eq!(
            quote("Stores.\n**Our differentiator** \nNone.", "problem").as_deref(),
            Some("Our differentiator")
        );
    }

    #[test]
    fn aliases_that_end_in_a_stem_or_another_letter_are_read_in_words() {
        // `Pourquoi*` matches any ending, `changé` ends in a letter that is
        // not ASCII: no line can be passed over by its last word.
        for aliases in ["Pourquoi*", "\"Qu'est-ce qui a changé\""] {
            let questions = Questions::new(&with_aliases(aliases));
            assert!(questions.lasts.is_none(), "{aliases}");
            assert!(!questions.cannot_end("Our partner reports it"));
            // No word, a stem's or another, ends in `.`.
            assert!(questions.cannot_end("Our partner reports it."));
        }
        let questions = Questions::new(&with_aliases("\"Qu'est-ce qui a changé\""));
        let found = questions.check(
            "Les cliniques.\nQu’est-ce qui a changé\nLa loi.",
            "market_size",
        );
        assert_eq!(
            found.map(|w| w.message).as_deref(),
            Some(
                "the market_size answer holds question 6 (market window)'s heading: \"Qu’est-ce qui a changé\""
            )
        );
    }

    #[test]
    fn a_translated_question_is_found_after_its_opening_mark_or_letter_that_is_not_ascii() {
        // A team's question set in French or Spanish: needles that start
        // with `É`, `À` or `¿` are looked for like any other.
        let questions = Questions::new(&with_aliases(
            "Étape suivante, \"¿Qué cambió?\", À qui s'adresse-t-on",
        ));
        let found = |text: &str| {
            questions
                .check(text, "market_size")
                .map(|w| text[w.span.unwrap()].to_string())
        };
        assert_eq!(
            found("Les cliniques.\n## Étape suivante\nLa loi.").as_deref(),
            Some("Étape suivante")
        );
        assert_eq!(
            found("LES CLINIQUES. ÉTAPE SUIVANTE :").as_deref(),
            Some("ÉTAPE SUIVANTE")
        );
        assert_eq!(
            found("Las clínicas.\n¿Qué cambió?\nLa ley.").as_deref(),
            Some("Qué cambió")
        );
        // A heading counts only where it ends its line; a question's text
        // also where its `?` follows.
        assert_eq!(found("Las clínicas. ¿Qué cambió? La ley."), None);
        let spanish = crate::config::Config::from_text(
            "questions:\n  market_window:\n    text: ¿Por qué ahora?\n",
            std::path::Path::new("/repo"),
        )
        .unwrap()
        .questions;
        let text = "Las clínicas. ¿Por qué ahora? La ley cambió.";
        let weakness = check(text, "market_size", &spanish).expect("found");
        assert_eq!(&text[weakness.span.unwrap()], "Por qué ahora");
        assert_eq!(
            found("- **À qui s'adresse-t-on** ?\nAux cliniques.").as_deref(),
            Some("À qui s'adresse-t-on")
        );
        // `İ` lowercase starts with an ASCII `i`: its first word is still
        // told by the letter as written.
        let turkish = Questions::new(&with_aliases("İlk adım"));
        let text = "Klinikler.\nİlk adım\nYasa.";
        let weakness = turkish.check(text, "market_size").expect("found");
        assert_eq!(&text[weakness.span.unwrap()], "İlk adım");
        // Prose that starts with the same words is prose.
        assert_eq!(found("Étape suivante de la migration en juin."), None);
        assert_eq!(found("Étapes suivantes :"), None);
        assert_eq!(found("¿Qué cambió en la ley? Todo."), None);
    }

    #[test]
    fn pasted_questions_headings_and_keys_are_found() {
        assert_eq!(
            quote(
                "Data engineers.\n**How big is the opportunity?** About 12,000.",
                "target_market"
            )
            .as_deref(),
            Some("How big is the opportunity")
        );
        assert_eq!(
            quote(
                "Our install base. Why now? Because the competitor left.",
                "differentiator"
            )
            .as_deref(),
            Some("Why now")
        );
        assert_eq!(
            quote("Stores.\n\n## Market size\nAbout 2,000.", "target_market").as_deref(),
            Some("Market size")
        );
        assert_eq!(
            quote(
                "We own it.\nmarket_window: the law changes",
                "differentiator"
            )
            .as_deref(),
            Some("market_window")
        );
        assert_eq!(
            quote(
                "### 2. For whom do we solve that problem?\nNurses.",
                "problem"
            )
            .as_deref(),
            Some("For whom do we solve that problem")
        );
        let weakness = check("x\n> Why now?\n", "market_size", &QuestionSet::builtin()).unwrap();
        assert_eq!(
            weakness.message,
            "the market_size answer holds question 6 (market window)'s text: \"Why now\""
        );
    }

    #[test]
    fn aliases_are_headings_too() {
        let config = crate::config::Config::from_text(
            "questions:\n  market_window:\n    aliases: [Pourquoi maintenant]\n",
            std::path::Path::new("/repo"),
        )
        .unwrap();
        let found = check(
            "Les cliniques.\n## Pourquoi maintenant ?\nLa loi change.",
            "market_size",
            &config.questions,
        );
        assert_eq!(
            found.map(|w| w.message).as_deref(),
            Some(
                "the market_size answer holds question 6 (market window)'s heading: \"Pourquoi maintenant\""
            )
        );
    }

    /// The other ways a question is asked (the question set's `wordings`)
    /// count where they end their line or a colon follows them, as pasted
    /// from a template; a question asked in passing, with its answer on the
    /// same line, or the answer's own question, does not.
    #[test]
    fn wordings_count_where_they_end_their_line() {
        let questions = QuestionSet::builtin();
        let found = |text: &str, own: &str| check(text, own, &questions).map(|w| w.message);
        assert_eq!(
            found(
                "Sell through partners, then self-serve.\nHow will we measure success?\nActivation in 30 days.",
                "go_to_market"
            )
            .as_deref(),
            Some(
                "the go_to_market answer holds question 8 (metrics/revenue strategy)'s wording: \"How will we measure success\""
            )
        );
        assert!(
            found(
                "Clinics.\n\n**What are the alternatives?**\nPaper.",
                "target_market"
            )
            .is_some()
        );
        assert!(
            found(
                "- Why is now the right time:\n  the law changed",
                "market_size"
            )
            .is_some()
        );
        assert_eq!(
            found("Who has this problem? Dental clinics, mostly.", "problem"),
            None,
            "asked in passing, answered on the same line"
        );
        assert_eq!(
            found(
                "How will we measure success?\nWeekly active clinics.",
                "metrics"
            ),
            None,
            "the answer's own question"
        );
    }

    #[test]
    fn prose_and_the_answers_own_question_are_not() {
        assert_eq!(
            quote("That's why now is the time to move.", "market_window"),
            None
        );
        assert_eq!(quote("Why now: the incumbent left.", "market_window"), None);
        assert_eq!(
            quote(
                "We looked at what alternatives are out there, and none fit.",
                "alternatives"
            ),
            None
        );
        assert_eq!(
            quote(
                "Go-to-market strategy aside, we measure 5% conversion.",
                "metrics"
            ),
            None
        );
        assert_eq!(
            quote(
                "Customers ask \"why now?\" less often than \"how much?\"",
                "differentiator"
            ),
            None
        );
        assert_eq!(
            quote("- Airflow. Problem: heavy to run.", "alternatives"),
            None
        );
    }
}
