//! Numbers in answers, and what each one is: a count, money, a percentage, a
//! date, or a number that only names something (v1, phase 2, question 3, a
//! year on its own).
//!
//! Several rules hinge on this: a market size needs a count or money, a
//! metric needs a target, a why-now a date. Numbers are read from folded
//! text in digits (`12,000`, `$1.1m`, `40k`, `8%`, `2026-12-15`, `Q3`) and in
//! words (`forty thousand`, `three hundred and twenty`, `half a million`),
//! with the words around them deciding their kind (`1.2 million`, `three
//! percent`, `CAD 3,000`, `version 2`, `by March`).
//!
//! The reader works on folded text and on text as written (ignoring case,
//! skipping list item numbers and Markdown decoration), so a rule can find
//! the figure that settles it without folding the answer first.

use super::fold::tokens;
use super::lexicon::Lexicon;
use super::phrases::{Hit, Phrases};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// A quantity of something: `12,000 installs`, `forty thousand clinics`.
    Count,
    Money,
    Percent,
    /// `2x`, `10x`: a comparison against today.
    Multiplier,
    /// A year on its own: `2027`.
    Year,
    /// A date more precise than a year: `2026-12-15`, `Q3`, `March 2027`.
    Date,
    /// A version: `v1`, `2.0`, `1.2.3`.
    Version,
    /// A number that names something: `phase 2`, `question 3`, `24/7`.
    Label,
    Ordinal,
    /// An order of magnitude, not a figure: `thousands`, `a few dozen`.
    Vague,
}

#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Quantity {
    pub kind: Kind,
    pub value: f64,
    /// The folded text the number was read from, words around it included.
    pub start: usize,
    pub end: usize,
}

impl Quantity {
    /// A figure: something that can be counted, paid or compared.
    pub fn is_figure(&self) -> bool {
        matches!(
            self.kind,
            Kind::Count | Kind::Money | Kind::Percent | Kind::Multiplier
        )
    }
}

/// The `numbers` group of the word lists, compiled.
#[derive(Clone, Debug)]
pub struct Numbers {
    /// Number words, scales, months and magnitudes in one automaton, so one
    /// pass over an answer finds every number written in words.
    words: Phrases,
    values: Vec<f64>,
    scales: Vec<f64>,
    suffixes: Vec<(String, f64)>,
    vague: Phrases,
    labels: Phrases,
    percent: Phrases,
    currency_symbols: Vec<char>,
    currencies: Phrases,
    money: Phrases,
    month_context: Phrases,
    periods: Phrases,
    years: std::ops::RangeInclusive<f64>,
}

/// The lists of `Numbers::words`, in order.
const VALUE: usize = 0;
const SCALE: usize = 1;
const MONTH: usize = 2;
// The fourth list, magnitudes ("thousands"), is every other hit.

impl Numbers {
    pub fn new(lexicon: &Lexicon) -> Numbers {
        let list = |name: &str| Phrases::new(&[lexicon.list("numbers", name)]);
        let table = |name: &str| lexicon.table("numbers", name);
        let words =
            |rows: &[(String, f64)]| rows.iter().map(|(w, _)| w.clone()).collect::<Vec<_>>();
        let values = |rows: &[(String, f64)]| rows.iter().map(|(_, v)| *v).collect::<Vec<_>>();
        Numbers {
            words: Phrases::new(&[
                &words(table("values")),
                &words(table("scales")),
                lexicon.list("numbers", "months"),
                lexicon.list("numbers", "magnitudes"),
            ]),
            values: values(table("values")),
            scales: values(table("scales")),
            suffixes: table("suffixes").to_vec(),
            vague: list("vague"),
            labels: list("labels"),
            percent: list("percent"),
            currency_symbols: lexicon
                .list("numbers", "currency_symbols")
                .iter()
                .flat_map(|s| s.chars())
                .collect(),
            currencies: list("currencies"),
            money: list("money"),
            month_context: list("month_context"),
            periods: list("periods"),
            years: lexicon.number("numbers", "first_year") as f64
                ..=lexicon.number("numbers", "last_year") as f64,
        }
    }

    /// The numbers in `folded` text, left to right.
    pub fn read<'a>(&'a self, folded: &'a str) -> Quantities<'a> {
        Quantities {
            numbers: self,
            text: folded,
            at: 0,
            word: None,
        }
    }

    fn is_currency(&self, c: char) -> bool {
        self.currency_symbols.contains(&c)
    }

    fn is_scale(&self, text: &str, at: usize) -> Option<(usize, f64)> {
        let hit = self.words.at(text, at)?;
        (hit.list == SCALE).then(|| (hit.end, self.scales[hit.entry]))
    }
}

/// The numbers of one text, read in one pass: tokens with digits, and the
/// number words the automaton finds.
pub struct Quantities<'a> {
    numbers: &'a Numbers,
    text: &'a str,
    at: usize,
    /// The next number word found and not yet read. Words are searched
    /// only up to the next digit, so a reader stopped at the first figure
    /// has not scanned the rest of the answer.
    word: Option<Hit>,
}

/// The start of the next word after `at`, skipping whitespace and Markdown
/// decoration.
fn next_word(text: &str, at: usize) -> usize {
    let rest = &text[at..];
    at + (rest.len()
        - rest
            .trim_start_matches(|c: char| c.is_whitespace() || matches!(c, '*' | '_' | '`'))
            .len())
}

/// Whether the digits at `token` number a list item: one or two digits
/// followed by `.` or `)` and a space, with nothing but list or quote
/// markers before them on their line (`1. Adoption`, `- 2) Retention`).
fn is_item_number(text: &str, token: &std::ops::Range<usize>) -> bool {
    let digits = &text[token.clone()];
    let after = text[token.end..].as_bytes();
    let line = &text[text[..token.start].rfind('\n').map_or(0, |i| i + 1)..token.start];
    digits.len() <= 2
        && digits.bytes().all(|b| b.is_ascii_digit())
        && matches!(after.first(), Some(b'.' | b')'))
        && after.get(1).is_none_or(u8::is_ascii_whitespace)
        && line
            .chars()
            .all(|c| c.is_whitespace() || matches!(c, '-' | '*' | '+' | '>' | '#' | '•'))
}

fn is_token_char(c: char) -> bool {
    c.is_alphanumeric() || matches!(c, '\'' | '$' | '€' | '£' | '¥' | '₹' | '%')
}

impl Iterator for Quantities<'_> {
    type Item = Quantity;

    fn next(&mut self) -> Option<Quantity> {
        loop {
            let digits = self.digit_token();
            let limit = digits.as_ref().map_or(self.text.len(), |d| d.start);
            let word = self.word_before(limit);
            let digits_first = match (&digits, &word) {
                (None, None) => return None,
                (Some(token), word) => word.is_none_or(|w| token.start < w.start),
                (None, Some(_)) => false,
            };
            let found = match (digits, word) {
                (Some(token), _) if digits_first => {
                    self.at = token.end;
                    if is_item_number(self.text, &token) {
                        continue;
                    }
                    let text = &self.text[token.clone()];
                    let first = text.chars().next().unwrap_or(' ');
                    if first.is_ascii_digit() || self.numbers.is_currency(first) {
                        Some(self.numeric(token.start, token.end))
                    } else {
                        self.lettered(token.start, token.end)
                    }
                }
                (_, None) => unreachable!("digits come first when there is no word"),
                (_, Some(word)) => {
                    self.word = None;
                    self.at = word.end;
                    match word.list {
                        VALUE | SCALE => self.spelled(word),
                        MONTH => self.month(word.start, word.end),
                        _ => Some(Quantity {
                            kind: Kind::Vague,
                            value: 0.0,
                            start: word.start,
                            end: word.end,
                        }),
                    }
                }
            };
            if let Some(found) = found {
                let found = self.context(found);
                self.at = self.at.max(found.end);
                return Some(found);
            }
        }
    }
}

impl Quantities<'_> {
    /// The next number word from `self.at` that starts before `limit`.
    fn word_before(&mut self, limit: usize) -> Option<Hit> {
        if self.word.is_some_and(|w| w.start < self.at) {
            self.word = None;
        }
        if self.word.is_none() && self.at < limit {
            self.word = self
                .numbers
                .words
                .first(&self.text[self.at..limit])
                .map(|hit| Hit {
                    start: hit.start + self.at,
                    end: hit.end + self.at,
                    ..hit
                });
        }
        self.word.filter(|w| w.start < limit)
    }

    /// The number word that starts at the next word after `end`, if only
    /// `joiner` (spaces, a hyphen, "and", "a") stands between.
    fn word_after(&self, end: usize) -> Option<(Hit, &str)> {
        let rest = &self.text[end..];
        let skip = rest.len()
            - rest
                .trim_start_matches(|c: char| c.is_whitespace() || c == '-')
                .len();
        let mut at = end + skip;
        let mut joiner = "";
        for word in ["and", "a"] {
            let rest = &self.text[at..];
            if rest.len() > word.len()
                && rest[..word.len()].eq_ignore_ascii_case(word)
                && rest[word.len()..].starts_with(char::is_whitespace)
            {
                joiner = word;
                at +=
                    word.len() + (rest[word.len()..].len() - rest[word.len()..].trim_start().len());
                break;
            }
        }
        self.numbers
            .words
            .at(self.text, at)
            .map(|hit| (hit, joiner))
    }

    /// The next token from `self.at` that holds a digit: `12,000`, `$1.1m`,
    /// `v2`, `b2b`.
    fn digit_token(&self) -> Option<std::ops::Range<usize>> {
        let text = self.text;
        let digit = self.at
            + text.as_bytes()[self.at..]
                .iter()
                .position(u8::is_ascii_digit)?;
        let start = text[..digit]
            .char_indices()
            .rev()
            .take_while(|&(_, c)| is_token_char(c))
            .last()
            .map_or(digit, |(i, _)| i)
            .max(self.at);
        let token = tokens(&text[start..]).next()?;
        Some(start + token.start..start + token.end)
    }

    /// A token that starts with a digit or a currency sign.
    fn numeric(&self, start: usize, end: usize) -> Quantity {
        let token = &self.text[start..end];
        let body = token.trim_start_matches(|c| self.numbers.is_currency(c));
        let money = body.len() < token.len();
        let at = |kind, value| Quantity {
            kind,
            value,
            start,
            end,
        };
        if is_date(body) {
            return at(Kind::Date, 0.0);
        }
        let digits = body
            .find(|c: char| !(c.is_ascii_digit() || c == ',' || c == '.'))
            .unwrap_or(body.len());
        let (number, tail) = body.split_at(digits);
        if number.matches('.').count() > 1 {
            return at(Kind::Version, 0.0);
        }
        let value: f64 = number.replace(',', "").parse().unwrap_or(0.0);
        if tail.is_empty() && !money && number.ends_with(".0") {
            return at(Kind::Version, value);
        }
        let base = if money { Kind::Money } else { Kind::Count };
        let Some(first) = tail.chars().next() else {
            let year =
                !money && !number.contains([',', '.']) && self.numbers.years.contains(&value);
            return at(if year { Kind::Year } else { base }, value);
        };
        match first {
            '%' => at(Kind::Percent, value),
            '-' => {
                // A range, "20-500": the low end is the figure.
                let high: f64 = tail[1..]
                    .split(|c: char| !c.is_ascii_digit() && c != ',' && c != '.')
                    .next()
                    .unwrap_or_default()
                    .replace(',', "")
                    .parse()
                    .unwrap_or(value);
                let years = !money
                    && self.numbers.years.contains(&value)
                    && self.numbers.years.contains(&high);
                at(if years { Kind::Year } else { base }, value)
            }
            '/' | ':' => at(Kind::Label, value),
            _ => {
                let letters = &tail[..tail
                    .find(|c: char| !c.is_alphabetic())
                    .unwrap_or(tail.len())];
                let percent = tail[letters.len()..].starts_with('%');
                let suffix = self
                    .numbers
                    .suffixes
                    .iter()
                    .find(|(s, _)| s.eq_ignore_ascii_case(letters));
                if let Some((_, scale)) = suffix {
                    at(if percent { Kind::Percent } else { base }, value * scale)
                } else if percent {
                    at(Kind::Percent, value)
                } else {
                    let is = |word: &str| letters.eq_ignore_ascii_case(word);
                    if is("x") {
                        at(Kind::Multiplier, value)
                    } else if ["st", "nd", "rd", "th"].into_iter().any(is) {
                        at(Kind::Ordinal, value)
                    } else if is("s") && self.numbers.years.contains(&value) {
                        at(Kind::Year, value)
                    } else {
                        // A unit written against the number: 6h, 800ms, 12km.
                        at(base, value)
                    }
                }
            }
        }
    }

    /// A token of letters then digits: `v2`, `q3`, `h1`. Others (`b2b`,
    /// `p95`, `3pl`) are names, not numbers.
    fn lettered(&self, start: usize, end: usize) -> Option<Quantity> {
        let token = &self.text[start..end];
        let split = token.find(|c: char| c.is_ascii_digit())?;
        let (letters, digits) = token.split_at(split);
        if !digits.chars().all(|c| c.is_ascii_digit() || c == '.') {
            return None;
        }
        let value: f64 = digits.parse().unwrap_or(0.0);
        let kind = if letters.eq_ignore_ascii_case("v") {
            Kind::Version
        } else if self.numbers.periods.contains(letters) && (1.0..=4.0).contains(&value) {
            Kind::Date
        } else if self.numbers.labels.contains(letters) {
            Kind::Label
        } else {
            return None;
        };
        Some(Quantity {
            kind,
            value,
            start,
            end,
        })
    }

    /// A number in words, from the number word `first`: `forty thousand`,
    /// `three hundred and twenty`, `a dozen`, `half a million`. A lone
    /// "one" is not read: it is a pronoun ("no one", "one of") far more
    /// often than a figure.
    fn spelled(&mut self, first: Hit) -> Option<Quantity> {
        let numbers = self.numbers;
        let text = self.text;
        let (mut total, mut current) = (0.0, 0.0);
        let mut start = first.start;
        let is = |hit: &Hit, word: &str| text[hit.start..hit.end].eq_ignore_ascii_case(word);
        // "a dozen", "a hundred" are one of each.
        let before = text[..first.start].trim_end();
        let article = before
            .rsplit(|c: char| !c.is_alphanumeric())
            .next()
            .filter(|w| w.eq_ignore_ascii_case("a") || w.eq_ignore_ascii_case("an"));
        if (first.list == SCALE || is(&first, "dozen"))
            && let Some(article) = article
        {
            current = 1.0;
            start = before.len() - article.len();
        }
        let mut hit = first;
        let mut words = 0;
        let mut scaled = false;
        loop {
            if hit.list == VALUE {
                let value = numbers.values[hit.entry];
                if is(&hit, "dozen") && current > 0.0 {
                    current *= value;
                } else {
                    current += value;
                }
            } else {
                let scale = numbers.scales[hit.entry];
                if current == 0.0 {
                    current = 1.0;
                }
                if scale >= 1000.0 {
                    total += current * scale;
                    current = 0.0;
                } else {
                    current *= scale;
                }
                scaled = true;
            }
            words += 1;
            let end = hit.end;
            // The next number word continues this number when only spaces or
            // a hyphen, "and" (before a value) or, after "half", "a" stand
            // between.
            let Some((next, joiner)) = self.word_after(end) else {
                break;
            };
            let joined = match next.list {
                VALUE => joiner.is_empty() || joiner == "and",
                SCALE => joiner.is_empty() || (joiner == "a" && is(&hit, "half")),
                _ => false,
            };
            if !joined {
                break;
            }
            self.at = next.end;
            hit = next;
        }
        if words == 1 && !scaled && is(&first, "one") {
            return None;
        }
        Some(Quantity {
            kind: Kind::Count,
            value: total + current,
            start,
            end: hit.end,
        })
    }

    /// A month or season is a date next to a number ("28 June", "March
    /// 2027") or after a word like "by" or "this"; "may" is usually a verb.
    fn month(&self, start: usize, end: usize) -> Option<Quantity> {
        let before = self.text[..start].trim_end();
        let after = &self.text[next_word(self.text, end)..];
        let dated = self
            .numbers
            .month_context
            .before(self.text, start)
            .is_some()
            || before.ends_with(|c: char| c.is_ascii_digit())
            || after.starts_with(|c: char| c.is_ascii_digit());
        dated.then_some(Quantity {
            kind: Kind::Date,
            value: 0.0,
            start,
            end,
        })
    }

    /// The words around a number change what it is: a scale or percent sign
    /// after it, a currency before or after it, a label before it, a vague
    /// word before it.
    fn context(&self, mut q: Quantity) -> Quantity {
        let numbers = self.numbers;
        let text = self.text;
        if matches!(q.kind, Kind::Count | Kind::Money | Kind::Year) {
            if let Some((end, scale)) = numbers.is_scale(text, next_word(text, q.end)) {
                q.value *= scale;
                q.end = end;
                if q.kind == Kind::Year {
                    q.kind = Kind::Count;
                }
            }
            let after = next_word(text, q.end);
            if let Some(hit) = numbers.percent.at(text, after) {
                q.kind = Kind::Percent;
                q.end = hit.end;
            } else if let Some(hit) = numbers.currencies.at(text, after) {
                q.kind = Kind::Money;
                q.end = hit.end;
            } else if q.kind != Kind::Year && numbers.money.at(text, after).is_some() {
                q.kind = Kind::Money;
            }
        }
        if q.kind != Kind::Percent
            && let Some(hit) = numbers.currencies.before(text, q.start)
        {
            q.kind = Kind::Money;
            q.start = hit.start;
        } else if matches!(q.kind, Kind::Count | Kind::Year | Kind::Version)
            && numbers.labels.before(text, q.start).is_some()
        {
            q.kind = Kind::Label;
        }
        if matches!(q.kind, Kind::Count | Kind::Money)
            && text[super::phrases::words_back(text, q.start, 2)..q.start]
                .split(|c: char| c.is_whitespace() || c == '-')
                .any(|w| !w.is_empty() && numbers.vague.contains(w))
        {
            q.kind = Kind::Vague;
        }
        q
    }
}

/// `2026-12-15`, `2026-12`, `15/12/2026`, `12/2026`, `15.12.26`.
fn is_date(body: &str) -> bool {
    let parts: Vec<&str> = body.split(['-', '/', '.']).collect();
    let all_digits = parts
        .iter()
        .all(|p| !p.is_empty() && p.chars().all(|c| c.is_ascii_digit()));
    if !all_digits || parts.len() < 2 {
        return false;
    }
    let lens: Vec<usize> = parts.iter().map(|p| p.len()).collect();
    let sep_ok = |sep: char| body.chars().filter(|&c| c == sep).count() == parts.len() - 1;
    match lens.as_slice() {
        [4, 1 | 2] | [4, 1 | 2, 1 | 2] => sep_ok('-'),
        [1 | 2, 4] => sep_ok('/') || sep_ok('.'),
        [1 | 2, 1 | 2, 2 | 4] => sep_ok('/') || sep_ok('.') || sep_ok('-'),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lint::substance::fold::fold;

    fn read(text: &str) -> Vec<(Kind, f64)> {
        let numbers = Numbers::new(&Lexicon::builtin());
        let folded = fold(text);
        numbers.read(&folded).map(|q| (q.kind, q.value)).collect()
    }

    #[test]
    fn digits_with_separators_suffixes_and_signs() {
        assert_eq!(read("About 12,400 installs"), [(Kind::Count, 12_400.0)]);
        assert_eq!(read("$1.18M ARR"), [(Kind::Money, 1_180_000.0)]);
        assert_eq!(
            read("40k teams and 8% of them"),
            [(Kind::Count, 40_000.0), (Kind::Percent, 8.0)]
        );
        assert_eq!(read("2x more"), [(Kind::Multiplier, 2.0)]);
        assert_eq!(read("€80bn GMV"), [(Kind::Money, 80e9)]);
        assert_eq!(read("300–400 hospitals"), [(Kind::Count, 300.0)]);
        assert_eq!(read("CAD 3,000 a year"), [(Kind::Money, 3_000.0)]);
        assert_eq!(read("12 million in revenue"), [(Kind::Money, 12e6)]);
        assert_eq!(read("1.2 million sellers"), [(Kind::Count, 1.2e6)]);
        assert_eq!(read("three percent"), [(Kind::Percent, 3.0)]);
    }

    #[test]
    fn numbers_in_words() {
        assert_eq!(read("forty thousand clinics"), [(Kind::Count, 40_000.0)]);
        assert_eq!(
            read("Three hundred and twenty schools"),
            [(Kind::Count, 320.0)]
        );
        assert_eq!(
            read("Sixty-five thousand stores"),
            [(Kind::Count, 65_000.0)]
        );
        assert_eq!(
            read("Seven thousand five hundred warehouses"),
            [(Kind::Count, 7_500.0)]
        );
        assert_eq!(read("Eighteen hundred hospitals"), [(Kind::Count, 1_800.0)]);
        assert_eq!(
            read("around half a million teachers"),
            [(Kind::Count, 500_000.0)]
        );
        assert_eq!(read("a dozen hospital groups"), [(Kind::Count, 12.0)]);
        assert_eq!(read("one of them, no one else"), []);
        assert_eq!(read("one hundred volunteers"), [(Kind::Count, 100.0)]);
    }

    #[test]
    fn names_years_and_magnitudes_are_not_figures() {
        assert_eq!(read("Qualitative for v1"), [(Kind::Version, 1.0)]);
        assert_eq!(read("our 2.0 dashboard"), [(Kind::Version, 2.0)]);
        assert_eq!(read("see question 3"), [(Kind::Label, 3.0)]);
        assert_eq!(
            read("Phase 2 and Tier 2"),
            [(Kind::Label, 2.0), (Kind::Label, 2.0)]
        );
        assert_eq!(read("Fortune 500 companies"), [(Kind::Label, 500.0)]);
        assert_eq!(read("in 2027"), [(Kind::Year, 2027.0)]);
        assert_eq!(read("2,000 stores"), [(Kind::Count, 2_000.0)]);
        assert_eq!(read("Probably millions"), [(Kind::Vague, 0.0)]);
        assert_eq!(read("maybe a few dozen"), [(Kind::Vague, 12.0)]);
        assert_eq!(read("multi-billion dollar"), [(Kind::Vague, 1e9)]);
        assert_eq!(read("24/7 support"), [(Kind::Label, 24.0)]);
        assert_eq!(read("B2B and p95"), []);
    }

    #[test]
    fn the_text_as_written_reads_like_the_folded_text() {
        let numbers = Numbers::new(&Lexicon::builtin());
        let read = |text: &str| -> Vec<(Kind, f64)> {
            numbers.read(text).map(|q| (q.kind, q.value)).collect()
        };
        assert_eq!(read("1. Adoption\n2. Retention\n- 3) Revenue"), []);
        assert_eq!(read("$1.18M ARR"), [(Kind::Money, 1_180_000.0)]);
        assert_eq!(
            read("Sixty-five Thousand stores"),
            [(Kind::Count, 65_000.0)]
        );
        assert_eq!(
            read("**Version**\n2 and V3"),
            [(Kind::Label, 2.0), (Kind::Version, 3.0)]
        );
        assert_eq!(
            read("NPS above 40 by Q3."),
            [(Kind::Count, 40.0), (Kind::Date, 3.0)]
        );
        assert_eq!(read("A dozen hospital groups"), [(Kind::Count, 12.0)]);
    }

    #[test]
    fn dates() {
        assert_eq!(read("by 2026-12-15"), [(Kind::Date, 0.0)]);
        assert_eq!(
            read("NPS above 40 by Q3"),
            [(Kind::Count, 40.0), (Kind::Date, 3.0)]
        );
        assert_eq!(read("by March"), [(Kind::Date, 0.0)]);
        assert_eq!(
            read("from 28 June 2025").first().map(|q| q.0),
            Some(Kind::Count)
        );
        assert_eq!(read("customers may leave"), []);
        assert_eq!(read("in Q5 of the list"), [(Kind::Label, 5.0)]);
    }
}
