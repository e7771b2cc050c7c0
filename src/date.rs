//! Calendar dates as the format writes them (`2026-10-02`).
//!
//! The format needs only to validate an ISO date, to know today's and to
//! count days; milestone names (ISO weeks, "Fri: July 9, 2021") are read with
//! jiff in `crate::milestone`.

use std::fmt;
use std::str::FromStr;
use std::time::{SystemTime, UNIX_EPOCH};

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    pub year: i32,
    pub month: u32,
    pub day: u32,
}

/// Setting this variable to a date (`MRD_TODAY=2026-11-20`) makes it "today"
/// for every command: tests and reproducible runs use it. A value that is not
/// a date is a usage error ([`check_today_override`]).
pub const TODAY_VAR: &str = "MRD_TODAY";

/// The `MRD_TODAY` override is a valid date, or absent.
pub fn check_today_override() -> Result<(), String> {
    match std::env::var(TODAY_VAR) {
        Ok(text) => text
            .trim()
            .parse::<Date>()
            .map(|_| ())
            .map_err(|err| format!("{TODAY_VAR}: {err}")),
        Err(_) => Ok(()),
    }
}

impl Date {
    /// Today in UTC, or the date in `MRD_TODAY`. Assessments are dated to
    /// the day; the hour a team is in does not matter.
    pub fn today() -> Date {
        if let Ok(text) = std::env::var(TODAY_VAR)
            && let Ok(date) = text.trim().parse()
        {
            return date;
        }
        let secs = SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map_or(0, |d| d.as_secs());
        Date::from_days_since_epoch((secs / 86_400) as i64)
    }

    /// The day a moment falls on, `offset_seconds` east of UTC: the date a
    /// commit shows in its own time zone, as `git log` prints it.
    pub fn from_unix(seconds: i64, offset_seconds: i32) -> Date {
        Date::from_days_since_epoch((seconds + i64::from(offset_seconds)).div_euclid(86_400))
    }

    /// Howard Hinnant's `days_from_civil`: days since 1970-01-01.
    pub fn days_since_epoch(self) -> i64 {
        let year = i64::from(self.year) - i64::from(self.month <= 2);
        let era = year.div_euclid(400);
        let yoe = year - era * 400;
        let month = i64::from(self.month);
        let mp = if month > 2 { month - 3 } else { month + 9 };
        let doy = (153 * mp + 2) / 5 + i64::from(self.day) - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }

    /// The date `days` later (earlier when negative).
    pub fn add_days(self, days: i64) -> Date {
        Date::from_days_since_epoch(self.days_since_epoch() + days)
    }

    /// Days from `earlier` to `self`.
    pub fn days_after(self, earlier: Date) -> i64 {
        self.days_since_epoch() - earlier.days_since_epoch()
    }

    /// The Monday of this date's week (weeks run Monday to Sunday, as ISO 8601's).
    pub fn monday(self) -> Date {
        // 1970-01-01 was a Thursday: three days after a Monday.
        let from_monday = (self.days_since_epoch() + 3).rem_euclid(7);
        self.add_days(-from_monday)
    }

    /// Howard Hinnant's `civil_from_days`.
    fn from_days_since_epoch(days: i64) -> Date {
        let z = days + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z.rem_euclid(146_097);
        let yoe = (doe - doe / 1_460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = (doy - (153 * mp + 2) / 5 + 1) as u32;
        let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
        let year = (yoe + era * 400 + i64::from(month <= 2)) as i32;
        Date { year, month, day }
    }
}

fn days_in_month(year: i32, month: u32) -> u32 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        _ => 0,
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InvalidDate(pub String);

impl fmt::Display for InvalidDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl FromStr for Date {
    type Err = InvalidDate;

    fn from_str(text: &str) -> Result<Date, InvalidDate> {
        let shape = text.len() == 10
            && text.bytes().enumerate().all(|(i, b)| match i {
                4 | 7 => b == b'-',
                _ => b.is_ascii_digit(),
            });
        if !shape {
            return Err(InvalidDate(format!(
                "`{text}` is not a date in the form YYYY-MM-DD"
            )));
        }
        let year: i32 = text[..4].parse().unwrap_or(0);
        let month: u32 = text[5..7].parse().unwrap_or(0);
        let day: u32 = text[8..].parse().unwrap_or(0);
        if !(1..=12).contains(&month) {
            return Err(InvalidDate(format!("`{text}` has no month {month}")));
        }
        if day == 0 || day > days_in_month(year, month) {
            return Err(InvalidDate(format!(
                "`{text}` is not a day of the calendar: {year}-{month:02} has {} days",
                days_in_month(year, month)
            )));
        }
        Ok(Date { year, month, day })
    }
}

impl serde::Serialize for Date {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_and_prints_iso_dates() {
        let date: Date = "2026-10-02".parse().unwrap();
        assert_eq!(
            date,
            Date {
                year: 2026,
                month: 10,
                day: 2
            }
        );
        assert_eq!(date.to_string(), "2026-10-02");
    }

    #[test]
    fn rejects_impossible_days_and_other_shapes() {
        assert!("2026-02-29".parse::<Date>().is_err());
        assert!("2024-02-29".parse::<Date>().is_ok());
        assert!("1900-02-29".parse::<Date>().is_err());
        assert!("2026-13-01".parse::<Date>().is_err());
        assert!("2026-1-01".parse::<Date>().is_err());
        assert!("next week".parse::<Date>().is_err());
    }

    #[test]
    fn counts_days_and_finds_the_monday() {
        let date: Date = "2026-11-20".parse().unwrap();
        assert_eq!(date.monday().to_string(), "2026-11-16");
        assert_eq!(date.monday().monday(), date.monday());
        assert_eq!(date.add_days(12).to_string(), "2026-12-02");
        assert_eq!(date.add_days(-365).to_string(), "2025-11-20");
        assert_eq!(date.days_after("2026-11-02".parse().unwrap()), 18);
        let sunday: Date = "2021-07-11".parse().unwrap();
        assert_eq!(sunday.monday().to_string(), "2021-07-05");
        for days in [-800_000, -1, 0, 59, 20_728, 3_000_000] {
            let d = Date::from_days_since_epoch(days);
            assert_eq!(d.days_since_epoch(), days, "{d}");
        }
        // 23:30 on the 19th, five hours behind UTC, is already the 20th in UTC.
        assert_eq!(
            Date::from_unix(1_795_149_000, -5 * 3600).to_string(),
            "2026-11-19"
        );
        assert_eq!(Date::from_unix(1_795_149_000, 0).to_string(), "2026-11-20");
    }

    #[test]
    fn converts_days_since_the_epoch() {
        assert_eq!(Date::from_days_since_epoch(0).to_string(), "1970-01-01");
        assert_eq!(
            Date::from_days_since_epoch(20_728).to_string(),
            "2026-10-02"
        );
        assert_eq!(
            Date::from_days_since_epoch(19_782).to_string(),
            "2024-02-29"
        );
        for days in [-800_000, -1, 0, 19_782, 20_728, 2_000_000] {
            let date = Date::from_days_since_epoch(days);
            assert_eq!(date.days_since_epoch(), days, "{date}");
        }
    }
}
