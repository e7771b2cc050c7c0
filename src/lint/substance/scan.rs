//! An answer read once into words, each looked up once in the vocabulary
//! of every word list, so that matching a list is comparing numbers.
//!
//! Lint judges every answer of every file, so this is the one pass over an
//! answer's bytes the rules make. Words are runs of letters and digits; case,
//! hyphens between words ("best-in-class"), line wrapping, Markdown emphasis
//! and list markers fall away between them, which is what lets a list entry
//! "all segments" match "**All**\n  segments". What the rules need of the
//! punctuation stays as a flag: a clause break (`.` `;` `:` `!` `?`, a dash
//! between spaces, a new list item) that no phrase crosses. Numbers keep
//! their separators (`12,000`, `1.2m`, `2026-12-15`, `20–500`, `$1.1M`,
//! `8%`), and a list item's number (`1. Adoption`) is not a word at all.

use std::cell::RefCell;
use std::collections::HashMap;

use super::pairs::BytePairs;

/// A word's number in a vocabulary.
pub type Id = u32;

/// Every word the lists use, numbered. Entries ending in `*` ("passion*")
/// are stems: a word that starts with one carries its number too.
#[derive(Clone, Debug, Default)]
pub struct Vocabulary {
    /// The words of more than eight bytes.
    ids: HashMap<Box<str>, Id, foldhash::fast::FixedState>,
    /// The words of at most eight bytes, packed into numbers: most of an
    /// answer's words are short and in the vocabulary (its function words
    /// are the language gate's), and this finds them with one multiply and
    /// compare where a map would hash and compare the text.
    short: Short,
    /// One bit per `sketch` of the words in `ids`: most words of an answer
    /// are in no list, and a clear bit says so without hashing the word
    /// (lint reads every answer of every file; issue 16's cost budget).
    sketches: Vec<u64>,
    /// Stems by their first byte, with their numbers.
    stems: Vec<Vec<(Box<str>, Id)>>,
    /// The stems of at most eight bytes again, by their first byte, packed
    /// as in `Short` with their length: a packed word starts with one when
    /// its first bytes are equal, one mask and compare.
    short_stems: Vec<Vec<(u64, usize, Id)>>,
    /// The pairs of first and second bytes a stem can start a word with:
    /// most words start no stem, and the set says so without comparing the
    /// word with each stem of its first letter.
    stem_pairs: BytePairs,
    /// For each word number, a bit for each list set (`Phrases`) with an
    /// entry that starts with it: a word carries the union of its numbers'
    /// bits, and a set whose bit a word lacks has no entry starting there,
    /// which is most words for most sets (one AND instead of a lookup per
    /// number and set).
    first_of: Vec<u64>,
    /// How many list sets have taken a bit.
    sets: u32,
    next: Id,
}

/// An open-addressing table of words of one to eight bytes, each packed into
/// a `u64` (no byte of UTF-8 text is zero, so the padding is unambiguous and
/// 0 marks an empty slot).
#[derive(Clone, Debug, Default)]
pub(super) struct Short {
    slots: Vec<(u64, Id)>,
    len: usize,
    /// `slots.len()` is `1 << bits`.
    bits: u32,
}

impl Short {
    pub(super) fn pack(word: &[u8]) -> Option<u64> {
        if word.is_empty() || word.len() > 8 {
            return None;
        }
        let mut bytes = [0u8; 8];
        bytes[..word.len()].copy_from_slice(word);
        Some(u64::from_le_bytes(bytes))
    }

    fn slot(&self, key: u64) -> usize {
        (key.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> (64 - self.bits)) as usize
    }

    pub(super) fn get(&self, key: u64) -> Option<Id> {
        if self.slots.is_empty() {
            return None;
        }
        let mask = self.slots.len() - 1;
        let mut i = self.slot(key);
        loop {
            let (k, id) = self.slots[i];
            if k == key {
                return Some(id);
            }
            if k == 0 {
                return None;
            }
            i = (i + 1) & mask;
        }
    }

    pub(super) fn insert(&mut self, key: u64, id: Id) {
        // At most half full, so that a miss ends at an empty slot soon.
        if (self.len + 1) * 2 > self.slots.len() {
            let old = std::mem::take(&mut self.slots);
            self.bits = (self.bits + 1).max(6);
            self.slots = vec![(0, 0); 1 << self.bits];
            self.len = 0;
            for (k, v) in old.into_iter().filter(|&(k, _)| k != 0) {
                self.insert(k, v);
            }
        }
        let mask = self.slots.len() - 1;
        let mut i = self.slot(key);
        while self.slots[i].0 != 0 {
            i = (i + 1) & mask;
        }
        self.slots[i] = (key, id);
        self.len += 1;
    }
}

/// The ASCII word of `len` (one to eight) bytes at `start` of `bytes`,
/// lowercase and packed as in `Short`, read in place: no copy, no UTF-8
/// check. Every byte an ASCII word can hold (letters, digits, and the
/// `. , / - : % ' $` of numbers and contractions) has bit 0x20 set except
/// the capital letters, which it lowercases.
#[inline(always)]
pub(super) fn packed_lowercase(bytes: &[u8], start: usize, len: usize) -> u64 {
    debug_assert!((1..=8).contains(&len));
    debug_assert!(
        bytes[start..start + len]
            .iter()
            .all(|b| b | 0x20 == b.to_ascii_lowercase())
    );
    let raw = match bytes.get(start..start + 8) {
        Some(eight) => u64::from_le_bytes(eight.try_into().expect("eight bytes")),
        None => Short::pack(&bytes[start..]).unwrap_or(0),
    };
    (raw | 0x2020_2020_2020_2020) & low_bytes(len)
}

/// The low `n` (at most eight) bytes of a `u64`, as a mask.
fn low_bytes(n: usize) -> u64 {
    if n >= 8 { u64::MAX } else { (1 << (8 * n)) - 1 }
}

/// The size of the vocabulary's sketch of its words, in bits.
const SKETCH_BITS: usize = 1 << 16;

/// A word's bit in the sketch: from its length and first, second and last
/// bytes, which tell most words apart without reading the middle.
fn sketch(word: &str) -> usize {
    let b = word.as_bytes();
    let (first, second, last) = (
        b.first().copied().unwrap_or(0),
        b.get(1).copied().unwrap_or(0),
        b.last().copied().unwrap_or(0),
    );
    let key = u32::from(first)
        | u32::from(second) << 8
        | u32::from(last) << 16
        | (b.len().min(255) as u32) << 24;
    (key.wrapping_mul(0x9E37_79B1) >> 16) as usize
}

/// How many numbers one word can carry: its own, and the stems it starts
/// with ("requirements" is also "require*").
const MAX_IDS: usize = 4;

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Token {
    /// Byte range in the answer as written (answers are far below 4 GB:
    /// front-matter this large is refused before lint reads it).
    start: u32,
    end: u32,
    ids: [Id; MAX_IDS],
    count: u8,
    /// A clause ends between the previous word and this one.
    pub clause: bool,
    /// The word holds a digit: it may be a number.
    pub digit: bool,
    /// The bits (`Vocabulary::set_bit`) of the list sets with an entry
    /// that starts with this word.
    starts: u64,
}

impl Token {
    /// Whether a list set with the bit `set` may have an entry starting
    /// with this word.
    pub fn may_start(&self, set: u64) -> bool {
        self.starts & set != 0
    }

    pub fn ids(&self) -> &[Id] {
        &self.ids[..usize::from(self.count)]
    }

    pub fn is(&self, id: Id) -> bool {
        self.ids().contains(&id)
    }
}

/// An answer as words, read lazily: a rule that stops at the first figure
/// has not read the rest of the answer. Words are numbered from 0.
pub struct Scan<'t> {
    pub text: &'t str,
    vocabulary: &'t Vocabulary,
    read: RefCell<Read>,
}

/// The words read so far, and where reading goes on.
struct Read {
    tokens: Vec<Token>,
    words: Words,
    /// Scratch space for lowercasing non-ASCII words.
    wide: String,
}

impl Vocabulary {
    /// The number of a word (or, with `stem`, of a stem), adding it if new.
    pub fn intern(&mut self, word: &str, stem: bool) -> Id {
        if stem {
            let first = usize::from(word.as_bytes()[0]);
            if self.stems.len() < 256 {
                self.stems.resize(256, Vec::new());
            }
            if let Some((_, id)) = self.stems[first].iter().find(|(s, _)| &**s == word) {
                return *id;
            }
            let id = self.fresh();
            self.stems[first].push((word.into(), id));
            if let Some(key) = Short::pack(word.as_bytes()) {
                if self.short_stems.len() < 256 {
                    self.short_stems.resize(256, Vec::new());
                }
                self.short_stems[first].push((key, word.len(), id));
            }
            // A one-byte stem starts every word with its first byte.
            let seconds = match word.as_bytes().get(1) {
                Some(&second) => second..=second,
                None => 0..=u8::MAX,
            };
            for second in seconds {
                self.stem_pairs.insert(word.as_bytes()[0], second);
            }
            id
        } else if let Some(key) = Short::pack(word.as_bytes()) {
            // Words of up to eight bytes, most of the lists', are only in
            // `short`, where `lookup` finds them: no string hashed or kept.
            if let Some(id) = self.short.get(key) {
                return id;
            }
            let id = self.fresh();
            self.short.insert(key, id);
            id
        } else {
            if let Some(&id) = self.ids.get(word) {
                return id;
            }
            let id = self.fresh();
            self.ids.insert(word.into(), id);
            if self.sketches.is_empty() {
                self.sketches = vec![0; SKETCH_BITS / 64];
            }
            let bit = sketch(word);
            self.sketches[bit / 64] |= 1 << (bit % 64);
            id
        }
    }

    fn fresh(&mut self) -> Id {
        self.next += 1;
        self.next
    }

    /// A bit of its own for a new list set, while there are bits left; later
    /// sets share the last one, which only makes their words' checks less
    /// often skipped.
    pub fn set_bit(&mut self) -> u64 {
        let bit = 1 << self.sets.min(63);
        self.sets += 1;
        bit
    }

    /// Records that an entry of the set with bit `set` starts with word `id`.
    pub fn starts_entry(&mut self, id: Id, set: u64) {
        let at = id as usize;
        if self.first_of.len() <= at {
            self.first_of.resize(at + 1, 0);
        }
        self.first_of[at] |= set;
    }

    /// The numbers a lowercase word of `len` (one to eight) bytes carries,
    /// packed as in `Short`: `lookup` without copying or comparing text,
    /// for most words of an answer.
    fn lookup_packed(&self, key: u64, len: usize, token: &mut Token) {
        self.give(self.short.get(key), token);
        let first = (key & 0xff) as u8;
        if !self.stemmed(first, (key >> 8 & 0xff) as u8) {
            return;
        }
        // In `stems`' order, as `lookup` finds them: a stem of more than
        // eight bytes never starts a word of eight.
        if let Some(stems) = self.short_stems.get(usize::from(first)) {
            for &(stem, stem_len, id) in stems {
                if stem_len <= len && key & low_bytes(stem_len) == stem {
                    self.give_stem(id, token);
                }
            }
        }
    }

    /// The numbers a lowercase word carries.
    fn lookup(&self, word: &str, token: &mut Token) {
        let found = if let Some(key) = Short::pack(word.as_bytes()) {
            self.short.get(key)
        } else {
            let bit = sketch(word);
            let maybe = self
                .sketches
                .get(bit / 64)
                .is_some_and(|bits| bits & (1 << (bit % 64)) != 0);
            maybe.then(|| self.ids.get(word).copied()).flatten()
        };
        self.give(found, token);
        let b = word.as_bytes();
        if !self.stemmed(b[0], b.get(1).copied().unwrap_or(0)) {
            return;
        }
        if let Some(stems) = self.stems.get(usize::from(b[0])) {
            for (stem, id) in stems {
                if word.starts_with(&**stem) {
                    self.give_stem(*id, token);
                }
            }
        }
    }

    /// Gives `token` its word's own number, `id`, if the word has one.
    #[inline(always)]
    fn give(&self, id: Option<Id>, token: &mut Token) {
        if let Some(id) = id {
            token.ids[0] = id;
            token.count = 1;
            token.starts = self.first_of.get(id as usize).copied().unwrap_or(0);
        }
    }

    /// Whether some stem starts with the bytes `first` and `second`.
    #[inline(always)]
    fn stemmed(&self, first: u8, second: u8) -> bool {
        self.stem_pairs.contains(first, second)
    }

    /// Gives `token` the number `id` of a stem its word starts with, while
    /// it has room for one.
    #[inline(always)]
    fn give_stem(&self, id: Id, token: &mut Token) {
        if usize::from(token.count) < MAX_IDS {
            token.ids[usize::from(token.count)] = id;
            token.count += 1;
            token.starts |= self.first_of.get(id as usize).copied().unwrap_or(0);
        }
    }

    /// The words of an entry ("don't have any special", "passion*"), as
    /// numbers, adding new ones; `None` for an entry with no word in it.
    pub fn entry(&mut self, entry: &str) -> Option<Vec<Id>> {
        // Without a `String` a word: the lists' thousands of entries are
        // numbered at every start (a one-file lint's start is most of it).
        let (body, spans, stem) = entry_spans(entry);
        let last = spans.len().checked_sub(1)?;
        let mut buf = String::new();
        Some(
            spans
                .iter()
                .enumerate()
                .map(|(i, &(start, end))| {
                    let word = lowercase(&body[start..end], &mut buf);
                    self.intern(word, stem && i == last)
                })
                .collect(),
        )
    }
}

/// The words of a list entry ("don't have any special", "passion*"),
/// lowercase, and whether its last word is a stem (a trailing `*`).
pub(super) fn entry_words(entry: &str) -> (Vec<String>, bool) {
    let (body, spans, stem) = entry_spans(entry);
    let mut buf = String::new();
    let words = spans
        .iter()
        .map(|&(start, end)| lowercase(&body[start..end], &mut buf).to_string())
        .collect();
    (words, stem)
}

/// A list entry without its stem's `*`, the byte ranges of its words there,
/// and whether its last word is a stem.
fn entry_spans(entry: &str) -> (&str, Vec<(usize, usize)>, bool) {
    let entry = entry.trim();
    let stem = entry.ends_with('*');
    let body = entry.trim_end_matches('*');
    let mut spans = Vec::new();
    each_word(body, |word| spans.push((word.start, word.end)));
    // A stem may end in an apostrophe: "l'*" is the French elision.
    if let Some(last) = spans.last_mut()
        && stem
        && body.ends_with(is_apostrophe)
    {
        last.1 = body.len();
    }
    (body, spans, stem)
}

impl<'t> Scan<'t> {
    /// Prepares to read `text` into words numbered by `vocabulary`.
    pub fn new(text: &'t str, vocabulary: &'t Vocabulary) -> Scan<'t> {
        Scan {
            text,
            vocabulary,
            read: RefCell::new(Read {
                tokens: spare_tokens(text),
                words: Words::new(),
                wide: String::new(),
            }),
        }
    }

    /// Word `i`, reading on as far as it if need be.
    #[inline]
    pub fn get(&self, i: usize) -> Option<Token> {
        // The rules look at each word several times and read it once: the
        // look at a word already read is inlined, the reading is not.
        if let Some(&token) = self.read.borrow().tokens.get(i) {
            return Some(token);
        }
        self.read_to(i)
    }

    #[inline(never)]
    fn read_to(&self, i: usize) -> Option<Token> {
        let mut read = self.read.borrow_mut();
        let Read {
            tokens,
            words,
            wide,
        } = &mut *read;
        while tokens.len() <= i {
            let word = words.read(self.text)?;
            tokens.push(self.token(&word, wide));
        }
        tokens.get(i).copied()
    }

    /// How many words the answer has (reading it all).
    pub fn count(&self) -> usize {
        let mut n = self.read.borrow().tokens.len();
        while self.get(n).is_some() {
            n += 1;
        }
        n
    }

    fn token(&self, word: &Word, wide: &mut String) -> Token {
        let mut token = Token {
            start: word.start as u32,
            end: word.end as u32,
            clause: word.clause,
            digit: word.digit,
            ..Token::default()
        };
        let len = word.end - word.start;
        if !word.wide && len <= 8 {
            let key = packed_lowercase(self.text.as_bytes(), word.start, len);
            self.vocabulary.lookup_packed(key, len, &mut token);
            return token;
        }
        let written = &self.text[word.start..word.end];
        let mut ascii = [0u8; 48];
        let lower = if !word.upper && !word.wide {
            Some(written)
        } else if !word.wide && written.len() <= ascii.len() {
            let buf = &mut ascii[..written.len()];
            buf.copy_from_slice(written.as_bytes());
            buf.make_ascii_lowercase();
            std::str::from_utf8(buf).ok()
        } else {
            Some(lowercase(written, wide))
        };
        if let Some(lower) = lower {
            self.vocabulary.lookup(lower, &mut token);
        }
        token
    }

    /// The text of word `i` as written.
    pub fn word(&self, i: usize) -> &'t str {
        let token = self.get(i).expect("a word read before");
        &self.text[token.start as usize..token.end as usize]
    }

    /// The text from word `first` to word `last` (inclusive), as written.
    pub fn span(&self, first: usize, last: usize) -> std::ops::Range<usize> {
        let first = self.get(first).expect("a word read before");
        let last = self.get(last).expect("a word read before");
        first.start as usize..last.end as usize
    }

    /// The first word of the clause word `i` is in.
    pub fn clause_start(&self, i: usize) -> usize {
        (0..=i)
            .rev()
            .find(|&j| self.get(j).is_some_and(|t| t.clause))
            .unwrap_or(0)
    }

    /// The word after the last of the clause word `i` is in.
    pub fn clause_end(&self, i: usize) -> usize {
        let mut j = i + 1;
        while let Some(token) = self.get(j) {
            if token.clause {
                break;
            }
            j += 1;
        }
        j
    }
}

thread_local! {
    /// The word buffer of the last answer read on this thread: lint reads
    /// thousands of answers a thread, and reusing one buffer spares an
    /// allocation and a free for each (issue 16's cost budget).
    static SPARE: std::cell::Cell<Vec<Token>> = const { std::cell::Cell::new(Vec::new()) };
}

/// An empty word buffer with room for every word of most answers of the
/// size of `text` (about one word in six bytes): growing it copies the
/// words read so far.
fn spare_tokens(text: &str) -> Vec<Token> {
    let mut tokens = SPARE.take();
    tokens.clear();
    tokens.reserve((text.len() / 6).clamp(16, 1024));
    tokens
}

impl Drop for Read {
    fn drop(&mut self) {
        let tokens = std::mem::take(&mut self.tokens);
        // A rare huge answer's buffer is not kept.
        if tokens.capacity() <= 4096 {
            SPARE.set(tokens);
        }
    }
}

/// `word` lowercase, with curly apostrophes straight; borrowed when it is
/// already so.
fn lowercase<'a>(word: &'a str, buf: &'a mut String) -> &'a str {
    let bytes = word.as_bytes();
    if bytes
        .iter()
        .all(|b| !b.is_ascii_uppercase() && b.is_ascii())
    {
        return word;
    }
    buf.clear();
    if bytes.is_ascii() {
        buf.push_str(word);
        buf.make_ascii_lowercase();
        return buf;
    }
    for c in word.chars() {
        match c {
            '’' | 'ʼ' | '‘' => buf.push('\''),
            c if c.is_ascii() => buf.push(c.to_ascii_lowercase()),
            c => buf.extend(c.to_lowercase()),
        }
    }
    buf
}

fn is_letter(c: char) -> bool {
    // General Punctuation (dashes, curly quotes, bullets, spaces) holds no
    // letter or digit, and is most of the non-ASCII characters between
    // words: said without the Unicode tables' search.
    !GENERAL_PUNCTUATION.contains(&c) && c.is_alphanumeric()
}

/// The General Punctuation block.
const GENERAL_PUNCTUATION: std::ops::RangeInclusive<char> = '\u{2000}'..='\u{206F}';

fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '’' | 'ʼ')
}

fn is_currency(c: char) -> bool {
    matches!(c, '$' | '€' | '£' | '¥' | '₹')
}

/// What a byte is to the tokenizer. Plain ASCII text is classified by one
/// table lookup per byte; only bytes of non-ASCII characters take the slow
/// path through `char`.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Class {
    Lower,
    Upper,
    Digit,
    Space,
    Newline,
    /// `.` `;` `:` `!` `?`: ends a clause, unless inside a number.
    Clause,
    /// `,` `/` `-` and other ASCII punctuation or decoration.
    Other,
    /// The first byte of a non-ASCII character.
    Wide,
}

static CLASS: [Class; 256] = {
    let mut table = [Class::Wide; 256];
    let mut b = 0;
    while b < 128 {
        let byte = b as u8;
        table[b] = if byte.is_ascii_lowercase() {
            Class::Lower
        } else if byte.is_ascii_uppercase() {
            Class::Upper
        } else if byte.is_ascii_digit() {
            Class::Digit
        } else if byte == b'\n' {
            Class::Newline
        } else if byte.is_ascii_whitespace() {
            Class::Space
        } else if matches!(byte, b'.' | b';' | b':' | b'!' | b'?') {
            Class::Clause
        } else {
            Class::Other
        };
        b += 1;
    }
    table
};

fn class(bytes: &[u8], i: usize) -> Option<Class> {
    bytes.get(i).map(|&b| CLASS[usize::from(b)])
}

fn is_ascii_word(class: Class) -> bool {
    matches!(class, Class::Lower | Class::Upper | Class::Digit)
}

/// A word found by `each_word`.
#[cfg_attr(test, derive(Debug, PartialEq))]
struct Word {
    start: usize,
    end: usize,
    /// A clause ended since the previous word.
    clause: bool,
    upper: bool,
    digit: bool,
    /// It holds a non-ASCII character (or a curly apostrophe).
    wide: bool,
}

/// The words of a text, one at a time.
struct Words {
    at: usize,
    clause: bool,
    line_start: bool,
    prev_space: bool,
}

impl Words {
    fn new() -> Words {
        Words {
            at: 0,
            clause: false,
            line_start: true,
            prev_space: true,
        }
    }

    /// The next word when it is the common case, ASCII spaces, line breaks
    /// and punctuation then a run of ASCII letters and digits that nothing
    /// joins more to: what `next` gives, without its general path. `None`
    /// (having read only what `next` would have read the same way) leaves
    /// every other case to `next`: a line that starts with anything but a
    /// letter (its list markers), a `$` (a currency), a non-ASCII
    /// character, a word that may go on past its run.
    #[inline(always)]
    fn plain_word(&mut self, text: &str) -> Option<Word> {
        let bytes = text.as_bytes();
        let mut at = self.at;
        while let Some(&b) = bytes.get(at) {
            match CLASS[usize::from(b)] {
                Class::Space => self.prev_space = true,
                Class::Newline => {
                    self.line_start = true;
                    self.prev_space = true;
                }
                // A line that starts with a letter has no list marker: what
                // `next` would find, without its general path (a wrapped
                // answer starts a line every dozen words or so).
                Class::Lower | Class::Upper if self.line_start => {
                    self.line_start = false;
                    break;
                }
                _ if self.line_start => break,
                Class::Clause => {
                    self.clause = true;
                    self.prev_space = false;
                }
                Class::Other if b != b'$' => self.prev_space = false,
                _ => break,
            }
            at += 1;
        }
        self.at = at;
        let first = *bytes.get(at)?;
        if self.line_start || FLAGS[usize::from(first)] & WORD == 0 {
            return None;
        }
        let (end, flags) = ascii_run(bytes, at);
        // Where `word_at` would join more to the run (a separator between
        // digits, `%` after one, an apostrophe after a letter, a non-ASCII
        // letter), it decides.
        if let Some(&b) = bytes.get(end) {
            let prev = bytes[end - 1];
            let joins = match b {
                b'.' | b',' | b'/' | b'-' | b':' => {
                    bytes.get(end + 1).is_some_and(u8::is_ascii_digit)
                }
                b'%' => prev.is_ascii_digit(),
                b'\'' => prev.is_ascii_alphabetic(),
                0x80.. => true,
                _ => false,
            };
            if joins {
                return None;
            }
        }
        self.at = end;
        self.prev_space = false;
        Some(Word {
            start: at,
            end,
            clause: std::mem::take(&mut self.clause),
            upper: flags & UPPER != 0,
            digit: flags & DIGIT != 0,
            wide: false,
        })
    }

    /// The next word: the common case inline, the general path for the rest.
    #[inline(always)]
    fn read(&mut self, text: &str) -> Option<Word> {
        match self.plain_word(text) {
            Some(word) => Some(word),
            None => self.next(text),
        }
    }

    fn next(&mut self, text: &str) -> Option<Word> {
        let bytes = text.as_bytes();
        while self.at < bytes.len() {
            let i = self.at;
            let class = CLASS[usize::from(bytes[i])];
            match class {
                Class::Space => {
                    self.prev_space = true;
                    self.at += 1;
                    continue;
                }
                Class::Newline => {
                    self.line_start = true;
                    self.prev_space = true;
                    self.at += 1;
                    continue;
                }
                _ => {}
            }
            if self.line_start {
                self.line_start = false;
                if let Some(len) = line_markers(&text[i..]) {
                    self.clause = true;
                    self.at += len;
                    self.prev_space = true;
                    continue;
                }
            }
            let wide = (class == Class::Wide)
                .then(|| text[i..].chars().next())
                .flatten();
            let starts_word = is_ascii_word(class)
                || wide.is_some_and(is_letter)
                || ((bytes[i] == b'$' || wide.is_some_and(is_currency))
                    && class_is_digit(bytes, i + currency_len(text, i)));
            if starts_word {
                let mut word = word_at(text, i);
                word.clause = std::mem::take(&mut self.clause);
                self.prev_space = false;
                self.at = word.end;
                return Some(word);
            }
            match (class, wide) {
                (Class::Clause, _) | (_, Some('—')) => self.clause = true,
                (_, Some('–')) if self.prev_space && class_is_space(bytes, i + '–'.len_utf8()) => {
                    self.clause = true
                }
                _ => {}
            }
            self.prev_space = false;
            self.at += wide.map_or(1, char::len_utf8);
        }
        None
    }
}

/// Calls `found` for each word of `text`.
fn each_word(text: &str, mut found: impl FnMut(Word)) {
    let mut words = Words::new();
    while let Some(word) = words.read(text) {
        found(word);
    }
}

fn class_is_digit(bytes: &[u8], i: usize) -> bool {
    class(bytes, i) == Some(Class::Digit)
}

fn class_is_space(bytes: &[u8], i: usize) -> bool {
    matches!(class(bytes, i), None | Some(Class::Space | Class::Newline))
}

fn currency_len(text: &str, i: usize) -> usize {
    if text.as_bytes()[i] < 0x80 {
        1
    } else {
        text[i..].chars().next().map_or(1, char::len_utf8)
    }
}

/// The word that starts at `start`: letters and digits, an apostrophe
/// between letters, and in a number the separators between digits, a
/// currency sign before and `%` after.
fn word_at(text: &str, start: usize) -> Word {
    let bytes = text.as_bytes();
    let mut word = Word {
        start,
        end: start,
        clause: false,
        upper: false,
        digit: false,
        wide: false,
    };
    let mut i = start;
    if bytes[i] == b'$' {
        i += 1;
    } else if bytes[i] >= 0x80 && text[i..].starts_with(is_currency) {
        i += currency_len(text, i);
        word.wide = true;
    }
    let n = bytes.len();
    loop {
        // A run of ASCII letters and digits, the common case.
        let (end, flags) = ascii_run(bytes, i);
        i = end;
        word.upper |= flags & UPPER != 0;
        word.digit |= flags & DIGIT != 0;
        if i >= n || matches!(CLASS[usize::from(bytes[i])], Class::Space | Class::Newline) {
            break;
        }
        let b = bytes[i];
        let prev = if i > start { bytes[i - 1] } else { b' ' };
        let joins_digits = |i: usize| prev.is_ascii_digit() && class_is_digit(bytes, i + 1);
        match b {
            // `1.2`, `v2.0`: a dot between a letter or digit and a digit.
            b'.' if prev.is_ascii_alphanumeric() && class_is_digit(bytes, i + 1) => i += 1,
            // `12,000`, `24/7`, `2026-12-15`, `27001:2022`.
            b',' | b'/' | b'-' | b':' if joins_digits(i) => i += 1,
            b'%' if prev.is_ascii_digit() => {
                i += 1;
                break;
            }
            b'\'' if prev.is_ascii_alphabetic() && starts_letter(text, i + 1) => i += 1,
            0x80.. => {
                let c = text[i..].chars().next().expect("in bounds");
                let after = i + c.len_utf8();
                let letter_before = text[..i]
                    .chars()
                    .next_back()
                    .is_some_and(char::is_alphabetic);
                if is_letter(c)
                    || (is_apostrophe(c) && letter_before && starts_letter(text, after))
                    || (c == '–' && prev.is_ascii_digit() && class_is_digit(bytes, after))
                {
                    word.wide = true;
                    i = after;
                } else {
                    break;
                }
            }
            _ => break,
        }
    }
    word.end = i;
    word
}

/// What an ASCII byte is inside a word: `WORD` for a letter or digit, with
/// `UPPER` for a capital and `DIGIT` for a digit; 0 for anything else.
const WORD: u8 = 1;
const UPPER: u8 = 2;
const DIGIT: u8 = 4;

static FLAGS: [u8; 256] = {
    let mut table = [0; 256];
    let mut b = 0;
    while b < 128 {
        let byte = b as u8;
        table[b] = if byte.is_ascii_lowercase() {
            WORD
        } else if byte.is_ascii_uppercase() {
            WORD | UPPER
        } else if byte.is_ascii_digit() {
            WORD | DIGIT
        } else {
            0
        };
        b += 1;
    }
    table
};

/// Where the run of ASCII letters and digits from `start` ends, and the
/// `FLAGS` of its bytes together: one table look and an OR a byte.
#[inline(always)]
fn ascii_run(bytes: &[u8], start: usize) -> (usize, u8) {
    let mut end = start;
    let mut flags = 0;
    for &b in &bytes[start..] {
        let f = FLAGS[usize::from(b)];
        if f == 0 {
            break;
        }
        flags |= f;
        end += 1;
    }
    (end, flags)
}

fn starts_letter(text: &str, i: usize) -> bool {
    text.get(i..)
        .and_then(|rest| rest.chars().next())
        .is_some_and(char::is_alphabetic)
}

/// The length of the list, quote and heading markers a line starts with
/// (`- `, `* `, `+ `, `• `, `> `, `## `, and one- or two-digit item numbers
/// `1.` / `1)`), or `None` when the line starts with text.
fn line_markers(line: &str) -> Option<usize> {
    let bytes = line.as_bytes();
    let mut at = 0;
    loop {
        let rest = &bytes[at..];
        let marker = match rest.first() {
            Some(b'-' | b'*' | b'+' | b'>') => 1,
            Some(b'#') => rest.iter().take_while(|&&b| b == b'#').count(),
            Some(b'0'..=b'9') => {
                let digits = rest
                    .iter()
                    .take(3)
                    .take_while(|b| b.is_ascii_digit())
                    .count();
                match rest.get(digits) {
                    Some(b'.' | b')') if digits <= 2 => digits + 1,
                    _ => 0,
                }
            }
            _ if line[at..].starts_with('•') => '•'.len_utf8(),
            _ => 0,
        };
        let spaced = marker > 0
            && rest
                .get(marker)
                .is_none_or(|&b| b == b' ' || b == b'\t' || b == b'\n' || b == b'\r');
        if !spaced {
            return (at > 0).then_some(at);
        }
        at += marker;
        at += bytes[at..]
            .iter()
            .take_while(|&&b| b == b' ' || b == b'\t')
            .count();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<(String, bool)> {
        let vocabulary = Vocabulary::default();
        let scan = Scan::new(text, &vocabulary);
        (0..scan.count())
            .map(|i| (scan.word(i).to_string(), scan.get(i).unwrap().clause))
            .collect()
    }

    fn plain(text: &str) -> Vec<String> {
        words(text).into_iter().map(|(w, _)| w).collect()
    }

    /// The words of `text` as `Scan` and `each_word` read them: the inline
    /// common case first, the general path for the rest.
    fn fast_words(text: &str) -> Vec<Word> {
        let mut out = Vec::new();
        each_word(text, |word| out.push(word));
        out
    }

    fn general_words(text: &str) -> Vec<Word> {
        let mut words = Words::new();
        let mut out = Vec::new();
        while let Some(word) = words.next(text) {
            out.push(word);
        }
        out
    }

    proptest::proptest! {
        /// `Words::plain_word` gives what `Words::next` would, word for
        /// word, flags and all, on text mixing every case either path
        /// treats apart: line starts and list markers, numbers with
        /// separators, currencies, apostrophes, dashes, non-ASCII letters.
        #[test]
        fn the_fast_path_reads_what_the_general_path_reads(
            parts in proptest::collection::vec(
                proptest::sample::select(&[
                    "a", "Ab", "word", "ALL", "x9", "12", "3", " ", "  ", "\n", "\r\n", "\t",
                    ".", ",", ";", ":", "!", "?", "-", "/", "%", "'", "’", "$", "€", "#",
                    "*", "+", ">", "•", "1.", "2)", "–", "—", "é", "Zürich", "株式",
                    "👍", "(", ")", "**", "_", "ʼ", "\u{212A}",
                ][..]),
                0..40,
            )
        ) {
            let text: String = parts.concat();
            proptest::prop_assert_eq!(fast_words(&text), general_words(&text));
        }
    }

    #[test]
    fn general_punctuation_has_no_letter_or_digit() {
        assert!(GENERAL_PUNCTUATION.clone().all(|c| !c.is_alphanumeric()));
        assert!(!is_letter('—') && !is_letter('’') && is_letter('é') && is_letter('ß'));
    }

    #[test]
    fn words_leave_decoration_behind() {
        assert_eq!(plain("**All**\n  segments"), ["All", "segments"]);
        assert_eq!(plain("Best-in-class UX!"), ["Best", "in", "class", "UX"]);
        assert_eq!(plain("We don’t, really"), ["We", "don’t", "really"]);
        assert_eq!(plain("'where is my order'"), ["where", "is", "my", "order"]);
        assert_eq!(plain("l’application"), ["l’application"]);
    }

    #[test]
    fn numbers_keep_their_separators() {
        assert_eq!(
            plain("About 12,000 installs at $1.1M, 2026-12-15; 20–500 people, 8% v2.0 24/7"),
            [
                "About",
                "12,000",
                "installs",
                "at",
                "$1.1M",
                "2026-12-15",
                "20–500",
                "people",
                "8%",
                "v2.0",
                "24/7"
            ]
        );
        assert_eq!(plain("sixty-five"), ["sixty", "five"]);
        assert_eq!(plain("In 2026. Then"), ["In", "2026", "Then"]);
    }

    #[test]
    fn clauses_and_list_items() {
        assert_eq!(
            words("Yes — pursue. Now\n- Big\n1. Adoption"),
            [
                ("Yes".to_string(), false),
                ("pursue".to_string(), true),
                ("Now".to_string(), true),
                ("Big".to_string(), true),
                ("Adoption".to_string(), true),
            ]
        );
        assert_eq!(plain("### 2. For whom"), ["For", "whom"]);
        assert_eq!(plain("2.5 million users"), ["2.5", "million", "users"]);
    }

    #[test]
    fn words_carry_their_numbers_and_stems() {
        let mut vocabulary = Vocabulary::default();
        let segments = vocabulary.entry("all Segments").unwrap();
        let passion = vocabulary.entry("passion*").unwrap();
        let scan = Scan::new("ALL segments, Passionate", &vocabulary);
        assert!(scan.get(0).unwrap().is(segments[0]) && scan.get(1).unwrap().is(segments[1]));
        assert!(scan.get(2).unwrap().is(passion[0]));
        assert_eq!(vocabulary.entry("l'*").map(|w| w.len()), Some(1));
        let elision = vocabulary.entry("l'*").unwrap()[0];
        assert!(
            Scan::new("de l’application", &vocabulary)
                .get(1)
                .unwrap()
                .is(elision)
        );
    }
}
