//! Numbers in answers, and what each one is: a count, money, a percentage, a
//! date, or a number that only names something (v1, phase 2, question 3, a
//! year on its own).
//!
//! Several rules hinge on this: a market size needs a count or money, a
//! metric needs a target, a why-now a date. Numbers are read from an
//! answer's words in digits (`12,000`, `$1.1M`, `40k`, `8%`, `2026-12-15`,
//! `Q3`) and in words (`forty thousand`, `three hundred and twenty`, `half a
//! million`), with the words around them deciding their kind (`1.2 million`,
//! `three percent`, `CAD 3,000`, `version 2`, `by March`). A list item's
//! number is not a word (`super::scan`), so never a figure.

use super::lexicon::Lexicon;
use super::phrases::Phrases;
use super::scan::{Scan, Vocabulary};

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
    /// The words it was read from, the words around it that decided its
    /// kind included: the first, and the one after the last.
    pub first: usize,
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
    /// Number words, scales, months and magnitudes, one list each.
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
    /// Letters before digits that make a word a period (`Q3`) or a label
    /// (`V2` aside): compared as written, since such words are rare.
    periods: Vec<String>,
    label_words: Vec<String>,
    /// "a", "an", "and": the joints of a number in words.
    joints: Phrases,
    years: std::ops::RangeInclusive<f64>,
}

/// The lists of `Numbers::words`, in order.
const VALUE: usize = 0;
const SCALE: usize = 1;
const MONTH: usize = 2;
// The fourth list, magnitudes ("thousands"), is every other hit.

impl Numbers {
    pub fn new(lexicon: &Lexicon, vocabulary: &mut Vocabulary) -> Numbers {
        let mut list = |name: &str| Phrases::new(vocabulary, &[lexicon.list("numbers", name)]);
        let vague = list("vague");
        let labels = list("labels");
        let percent = list("percent");
        let currencies = list("currencies");
        let money = list("money");
        let month_context = list("month_context");
        let table = |name: &str| lexicon.table("numbers", name);
        let words =
            |rows: &[(String, f64)]| rows.iter().map(|(w, _)| w.clone()).collect::<Vec<_>>();
        let values = |rows: &[(String, f64)]| rows.iter().map(|(_, v)| *v).collect::<Vec<_>>();
        Numbers {
            words: Phrases::new(
                vocabulary,
                &[
                    &words(table("values")),
                    &words(table("scales")),
                    lexicon.list("numbers", "months"),
                    lexicon.list("numbers", "magnitudes"),
                ],
            ),
            values: values(table("values")),
            scales: values(table("scales")),
            suffixes: table("suffixes").to_vec(),
            vague,
            labels,
            percent,
            currency_symbols: lexicon
                .list("numbers", "currency_symbols")
                .iter()
                .flat_map(|s| s.chars())
                .collect(),
            currencies,
            money,
            month_context,
            periods: lexicon.list("numbers", "periods").to_vec(),
            label_words: lexicon.list("numbers", "labels").to_vec(),
            joints: Phrases::new(
                vocabulary,
                &[&["a".to_string(), "an".to_string()], &["and".to_string()]],
            ),
            years: lexicon.number("numbers", "first_year") as f64
                ..=lexicon.number("numbers", "last_year") as f64,
        }
    }

    /// The numbers of an answer, left to right.
    pub fn read<'a>(&'a self, scan: &'a Scan<'a>) -> Quantities<'a> {
        Quantities {
            numbers: self,
            scan,
            at: 0,
        }
    }

    fn is_currency(&self, c: char) -> bool {
        self.currency_symbols.contains(&c)
    }
}

pub struct Quantities<'a> {
    numbers: &'a Numbers,
    scan: &'a Scan<'a>,
    at: usize,
}

impl Iterator for Quantities<'_> {
    type Item = Quantity;

    fn next(&mut self) -> Option<Quantity> {
        let bare = self.bare()?;
        let found = self.context(bare);
        self.at = self.at.max(found.end);
        Some(found)
    }
}

impl Quantities<'_> {
    /// The next number, before the words around it change what it is.
    fn bare(&mut self) -> Option<Quantity> {
        let scan = self.scan;
        while let Some(token) = scan.get(self.at) {
            let i = self.at;
            self.at += 1;
            let found = if token.digit {
                let first = scan.word(i).chars().next().unwrap_or(' ');
                if first.is_ascii_digit() || self.numbers.is_currency(first) {
                    Some(self.numeric(i))
                } else {
                    self.lettered(i)
                }
            } else {
                match self.numbers.words.at_token(scan, i, token) {
                    Some(hit) if hit.list <= SCALE => self.spelled(i),
                    Some(hit) if hit.list == MONTH => self.month(i),
                    Some(_) => Some(self.at_word(Kind::Vague, 0.0, i)),
                    None => None,
                }
            };
            if found.is_some() {
                return found;
            }
        }
        None
    }
}

impl Quantities<'_> {
    fn at_word(&self, kind: Kind, value: f64, i: usize) -> Quantity {
        Quantity {
            kind,
            value,
            first: i,
            end: i + 1,
        }
    }

    /// Word `i` is `word`, ignoring ASCII case.
    fn is(&self, i: usize, word: &str) -> bool {
        self.scan.word(i).eq_ignore_ascii_case(word)
    }

    /// The word after `i`, when it is in the same clause.
    fn next_word(&self, i: usize) -> Option<usize> {
        self.scan
            .get(i + 1)
            .is_some_and(|t| !t.clause)
            .then_some(i + 1)
    }

    /// A word that starts with a digit or a currency sign.
    fn numeric(&self, i: usize) -> Quantity {
        let token = self.scan.word(i);
        // Digits alone, most numbers: what the general path below makes of
        // them, a year or a count, without its searches.
        if token.bytes().all(|b| b.is_ascii_digit()) {
            let value = parse_number(token);
            let year = self.numbers.years.contains(&value);
            return self.at_word(if year { Kind::Year } else { Kind::Count }, value, i);
        }
        self.numeric_in_general(i)
    }

    /// `numeric` for any word that starts with a digit or a currency sign.
    fn numeric_in_general(&self, i: usize) -> Quantity {
        let token = self.scan.word(i);
        let body = token.trim_start_matches(|c| self.numbers.is_currency(c));
        let money = body.len() < token.len();
        let at = |kind, value| self.at_word(kind, value, i);
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
        let value = parse_number(number);
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
            '-' | '–' => {
                // A range, "20-500": the low end is the figure.
                let high = tail[first.len_utf8()..]
                    .split(|c: char| !c.is_ascii_digit() && c != ',' && c != '.')
                    .next()
                    .map_or(value, parse_number);
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
                let is = |word: &str| letters.eq_ignore_ascii_case(word);
                if let Some((_, scale)) = suffix {
                    at(if percent { Kind::Percent } else { base }, value * scale)
                } else if percent {
                    at(Kind::Percent, value)
                } else if is("x") {
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

    /// A word of letters then digits: `v2`, `Q3`, `H1`. Others (`B2B`,
    /// `p95`, `3PL`) are names, not numbers.
    fn lettered(&self, i: usize) -> Option<Quantity> {
        let token = self.scan.word(i);
        let split = token.find(|c: char| c.is_ascii_digit())?;
        let (letters, digits) = token.split_at(split);
        if !digits.chars().all(|c| c.is_ascii_digit() || c == '.') {
            return None;
        }
        let value: f64 = digits.parse().unwrap_or(0.0);
        let named = |words: &[String]| words.iter().any(|w| w.eq_ignore_ascii_case(letters));
        let kind = if letters.eq_ignore_ascii_case("v") {
            Kind::Version
        } else if named(&self.numbers.periods) && (1.0..=4.0).contains(&value) {
            Kind::Date
        } else if named(&self.numbers.label_words) {
            Kind::Label
        } else {
            return None;
        };
        Some(self.at_word(kind, value, i))
    }

    /// A number in words, from word `i`: `forty thousand`, `three hundred
    /// and twenty`, `a dozen`, `half a million`. A lone "one" is not read:
    /// it is a pronoun ("no one", "one of") far more often than a figure.
    fn spelled(&mut self, i: usize) -> Option<Quantity> {
        let numbers = self.numbers;
        let scan = self.scan;
        let (mut total, mut current) = (0.0, 0.0);
        let mut first = i;
        let first_hit = numbers.words.at(scan, i)?;
        // "a dozen", "a hundred" are one of each.
        if (first_hit.list == SCALE || self.is(i, "dozen"))
            && let Some(article) = numbers.joints.before(scan, i).filter(|h| h.list == 0)
        {
            current = 1.0;
            first = article.first;
        }
        let mut hit = first_hit;
        let mut at = i;
        let mut words = 0;
        let mut scaled = false;
        loop {
            if hit.list == VALUE {
                let value = numbers.values[hit.entry];
                if self.is(at, "dozen") && current > 0.0 {
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
            // The next number word continues this number when nothing,
            // "and" (before a value) or, after "half", "a" stands between.
            let Some(next) = self.next_word(at) else {
                break;
            };
            let joint = numbers
                .joints
                .at(scan, next)
                .filter(|_| self.next_word(next).is_some());
            let (word_at, joint) = match joint {
                Some(j) => (next + 1, Some(j.list)),
                None => (next, None),
            };
            let Some(following) = numbers.words.at(scan, word_at).filter(|h| h.list <= SCALE)
            else {
                break;
            };
            let joined = match (following.list, joint) {
                (_, None) => true,
                (VALUE, Some(1)) => true,
                (SCALE, Some(0)) => self.is(at, "half"),
                _ => false,
            };
            if !joined {
                break;
            }
            hit = following;
            at = word_at;
        }
        if words == 1 && !scaled && self.is(i, "one") {
            return None;
        }
        self.at = at + 1;
        Some(Quantity {
            kind: Kind::Count,
            value: total + current,
            first,
            end: at + 1,
        })
    }

    /// A month or season is a date next to a number ("28 June", "March
    /// 2027") or after a word like "by" or "this"; "may" is usually a verb.
    fn month(&self, i: usize) -> Option<Quantity> {
        let scan = self.scan;
        let number = |j: usize| scan.word(j).starts_with(|c: char| c.is_ascii_digit());
        let dated = self.numbers.month_context.before(scan, i).is_some()
            || (i > 0 && scan.get(i).is_some_and(|t| !t.clause) && number(i - 1))
            || self.next_word(i).is_some_and(number);
        dated.then(|| self.at_word(Kind::Date, 0.0, i))
    }

    /// The words around a number change what it is: a scale or percent word
    /// after it, a currency before or after it, a label before it, a vague
    /// word before it.
    fn context(&self, mut q: Quantity) -> Quantity {
        let numbers = self.numbers;
        let scan = self.scan;
        if matches!(q.kind, Kind::Count | Kind::Money | Kind::Year) {
            let after = |q: &Quantity| self.next_word(q.end - 1);
            if let Some(next) = after(&q)
                && let Some(hit) = numbers.words.at(scan, next).filter(|h| h.list == SCALE)
            {
                q.value *= numbers.scales[hit.entry];
                q.end = hit.end;
                if q.kind == Kind::Year {
                    q.kind = Kind::Count;
                }
            }
            if let Some(next) = after(&q) {
                if let Some(hit) = numbers.percent.at(scan, next) {
                    q.kind = Kind::Percent;
                    q.end = hit.end;
                } else if let Some(hit) = numbers.currencies.at(scan, next) {
                    q.kind = Kind::Money;
                    q.end = hit.end;
                } else if q.kind != Kind::Year && numbers.money.at(scan, next).is_some() {
                    q.kind = Kind::Money;
                }
            }
        }
        if q.kind != Kind::Percent
            && let Some(hit) = numbers.currencies.before(scan, q.first)
        {
            q.kind = Kind::Money;
            q.first = hit.first;
        } else if matches!(q.kind, Kind::Count | Kind::Year | Kind::Version)
            && numbers.labels.before(scan, q.first).is_some()
        {
            q.kind = Kind::Label;
        }
        let clause = scan.clause_start(q.first);
        if matches!(q.kind, Kind::Count | Kind::Money)
            && (q.first.saturating_sub(2).max(clause)..q.first)
                .any(|j| numbers.vague.is_word(scan, j))
        {
            q.kind = Kind::Vague;
        }
        q
    }
}

/// Digits with `,` thousands separators and at most one `.`, as a number.
fn parse_number(number: &str) -> f64 {
    let (mut whole, mut fraction, mut scale) = (0.0, 0.0, 1.0);
    let mut after_point = false;
    for b in number.bytes() {
        match b {
            b'0'..=b'9' if after_point => {
                scale /= 10.0;
                fraction += f64::from(b - b'0') * scale;
            }
            b'0'..=b'9' => whole = whole * 10.0 + f64::from(b - b'0'),
            b'.' => after_point = true,
            _ => {}
        }
    }
    whole + fraction
}

/// `2026-12-15`, `2026-12`, `15/12/2026`, `12/2026`, `15.12.26`.
fn is_date(body: &str) -> bool {
    let Some(sep) = body.bytes().find(|b| matches!(b, b'-' | b'/' | b'.')) else {
        return false;
    };
    let mut lens = [0usize; 3];
    let mut parts = 0;
    for part in body.split(char::from(sep)) {
        if parts == 3 || part.is_empty() || !part.bytes().all(|b| b.is_ascii_digit()) {
            return false;
        }
        lens[parts] = part.len();
        parts += 1;
    }
    matches!(
        (&lens[..parts], sep),
        ([4, 1 | 2] | [4, 1 | 2, 1 | 2], b'-')
            | ([1 | 2, 4], b'/' | b'.')
            | ([1 | 2, 1 | 2, 2 | 4], _)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        /// Digits alone are read as the general path reads them.
        #[test]
        fn digits_take_the_general_path_s_reading(
            digits in "[0-9]{1,12}|19[0-9]{2}|20[0-9]{2}|21[0-9]{2}|0[0-9]{3}"
        ) {
            let mut vocabulary = Vocabulary::default();
            let numbers = Numbers::new(&Lexicon::builtin(), &mut vocabulary);
            let scan = Scan::new(&digits, &vocabulary);
            let quantities = numbers.read(&scan);
            proptest::prop_assert_eq!(quantities.numeric(0), quantities.numeric_in_general(0));
        }
    }

    fn read(text: &str) -> Vec<(Kind, f64)> {
        let mut vocabulary = Vocabulary::default();
        let numbers = Numbers::new(&Lexicon::builtin(), &mut vocabulary);
        let scan = Scan::new(text, &vocabulary);
        numbers.read(&scan).map(|q| (q.kind, q.value)).collect()
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
        assert_eq!(read("A dozen hospital groups"), [(Kind::Count, 12.0)]);
        assert_eq!(read("one of them, no one else"), []);
        assert_eq!(read("one hundred volunteers"), [(Kind::Count, 100.0)]);
        assert_eq!(
            read("two to four machines"),
            [(Kind::Count, 2.0), (Kind::Count, 4.0)]
        );
    }

    #[test]
    fn names_years_list_items_and_magnitudes_are_not_figures() {
        assert_eq!(read("Qualitative for v1"), [(Kind::Version, 1.0)]);
        assert_eq!(read("our 2.0 dashboard"), [(Kind::Version, 2.0)]);
        assert_eq!(read("see question 3"), [(Kind::Label, 3.0)]);
        assert_eq!(
            read("Phase 2 and **Tier**\n2"),
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
        assert_eq!(read("1. Adoption\n2. Retention\n- 3) Revenue"), []);
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
