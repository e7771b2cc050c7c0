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

use std::collections::HashMap;

use super::fold::{Tokens, tokens};
use super::lexicon::Lexicon;
use super::phrases::Phrases;

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
    values: HashMap<Box<str>, f64>,
    scales: HashMap<Box<str>, f64>,
    suffixes: HashMap<Box<str>, f64>,
    magnitudes: Phrases,
    vague: Phrases,
    labels: Phrases,
    percent: Phrases,
    currency_symbols: Vec<char>,
    currencies: Phrases,
    money: Phrases,
    months: Phrases,
    month_context: Phrases,
    periods: Phrases,
    years: std::ops::RangeInclusive<f64>,
}

fn table(lexicon: &Lexicon, name: &str) -> HashMap<Box<str>, f64> {
    lexicon
        .table("numbers", name)
        .iter()
        .map(|(word, value)| (word.as_str().into(), *value))
        .collect()
}

impl Numbers {
    pub fn new(lexicon: &Lexicon) -> Numbers {
        let list = |name: &str| Phrases::new(&[lexicon.list("numbers", name)]);
        Numbers {
            values: table(lexicon, "values"),
            scales: table(lexicon, "scales"),
            suffixes: table(lexicon, "suffixes"),
            magnitudes: list("magnitudes"),
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
            months: list("months"),
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
            tokens: tokens(folded),
        }
    }

    fn is_currency(&self, c: char) -> bool {
        self.currency_symbols.contains(&c)
    }
}

pub struct Quantities<'a> {
    numbers: &'a Numbers,
    text: &'a str,
    tokens: Tokens<'a>,
}

/// The start of the next word after `at`, skipping spaces only.
fn next_word(text: &str, at: usize) -> usize {
    at + (text[at..].len() - text[at..].trim_start_matches(' ').len())
}

impl Iterator for Quantities<'_> {
    type Item = Quantity;

    fn next(&mut self) -> Option<Quantity> {
        while let Some(range) = self.tokens.next() {
            let word = &self.text[range.clone()];
            let first = word.chars().next()?;
            let starts_numeric = first.is_ascii_digit()
                || (self.numbers.is_currency(first)
                    && word[first.len_utf8()..].starts_with(|c: char| c.is_ascii_digit()));
            let found = if starts_numeric {
                Some(self.numeric(range.start, range.end))
            } else if first.is_ascii_alphabetic() && word.ends_with(|c: char| c.is_ascii_digit()) {
                self.lettered(range.start, range.end)
            } else {
                self.spelled(range.start, range.end)
                    .or_else(|| self.month(range.start, range.end))
                    .or_else(|| {
                        self.numbers.magnitudes.contains(word).then_some(Quantity {
                            kind: Kind::Vague,
                            value: 0.0,
                            start: range.start,
                            end: range.end,
                        })
                    })
            };
            if let Some(found) = found {
                let found = self.context(found);
                self.skip_to(found.end);
                return Some(found);
            }
        }
        None
    }
}

impl Quantities<'_> {
    fn skip_to(&mut self, end: usize) {
        while self.tokens.offset() < end {
            if self.tokens.next().is_none() {
                break;
            }
        }
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
                let letters: String = tail.chars().take_while(|c| c.is_alphabetic()).collect();
                let percent = tail[letters.len()..].starts_with('%');
                if let Some(scale) = self.numbers.suffixes.get(letters.as_str()) {
                    at(if percent { Kind::Percent } else { base }, value * scale)
                } else if percent {
                    at(Kind::Percent, value)
                } else {
                    match letters.as_str() {
                        "x" => at(Kind::Multiplier, value),
                        "st" | "nd" | "rd" | "th" => at(Kind::Ordinal, value),
                        "s" if self.numbers.years.contains(&value) => at(Kind::Year, value),
                        // A unit written against the number: 6h, 800ms, 12km.
                        _ => at(base, value),
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
        let kind = if letters == "v" {
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

    /// A number in words, from the word at `start`: `forty thousand`, `three
    /// hundred and twenty`, `a dozen`, `half a million`. A lone "one" is
    /// not read: it is a pronoun ("no one", "one of") far more often than a
    /// figure.
    fn spelled(&mut self, start: usize, end: usize) -> Option<Quantity> {
        let numbers = self.numbers;
        let mut look = self.tokens.clone();
        let mut range = start..end;
        let (mut total, mut current) = (0.0, 0.0);
        let mut words = 0;
        let mut last = start..end;
        let mut scaled = false;
        let mut lone_one = false;
        loop {
            let word = &self.text[range.clone()];
            let peek = look.clone().next().map(|r| &self.text[r]);
            let peek_is_scale =
                peek.is_some_and(|p| numbers.scales.contains_key(p) || p == "dozen");
            if let Some(&value) = numbers.values.get(word) {
                if word == "dozen" && current > 0.0 {
                    current *= value;
                } else if word == "half" && peek == Some("a") {
                    current += value;
                    look.next(); // "a"
                } else {
                    current += value;
                }
                lone_one = words == 0 && word == "one";
            } else if let Some(&scale) = numbers.scales.get(word) {
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
                lone_one = false;
            } else if (word == "a" || word == "an") && words == 0 && peek_is_scale {
                current = 1.0;
            } else if word == "and"
                && words > 0
                && peek.is_some_and(|p| numbers.values.contains_key(p))
            {
                // "three hundred and twenty"
            } else {
                break;
            }
            words += 1;
            last = range.clone();
            self.tokens = look.clone();
            match look.next() {
                Some(next) => range = next,
                None => break,
            }
        }
        if words == 0 || (lone_one && words == 1 && !scaled) || last.end == start {
            return None;
        }
        Some(Quantity {
            kind: Kind::Count,
            value: total + current,
            start,
            end: last.end,
        })
    }

    /// A month or season is a date next to a number ("28 June", "March
    /// 2027") or after a word like "by" or "this"; "may" is usually a verb.
    fn month(&self, start: usize, end: usize) -> Option<Quantity> {
        let numbers = self.numbers;
        if !numbers.months.contains(&self.text[start..end]) {
            return None;
        }
        let before = self.text[..start].trim_end_matches(' ');
        let after = &self.text[next_word(self.text, end)..];
        let dated = numbers.month_context.before(self.text, start).is_some()
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
            let after = next_word(text, q.end);
            if let Some(word) = tokens(&text[after..]).next() {
                let word = &text[after + word.start..after + word.end];
                if let Some(&scale) = numbers.scales.get(word) {
                    q.value *= scale;
                    q.end = after + word.len();
                    if q.kind == Kind::Year {
                        q.kind = Kind::Count;
                    }
                }
            }
            let after = next_word(text, q.end);
            if let Some(hit) = numbers.percent.at(text, after) {
                q.kind = Kind::Percent;
                q.end = hit.end;
            } else if let Some(hit) = numbers.currencies.at(text, after) {
                q.kind = Kind::Money;
                q.end = hit.end;
            } else if numbers.money.at(text, after).is_some() && q.kind != Kind::Year {
                q.kind = Kind::Money;
            }
        }
        if let Some(hit) = numbers.currencies.before(text, q.start)
            && q.kind != Kind::Percent
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
                .split(' ')
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
