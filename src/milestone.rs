//! Milestone names as dates: the Monday a milestone's kickoff is due, and the
//! name of the milestone before it.
//!
//! A team names its weekly milestones after a day: an ISO week (`2026-W48`)
//! or a date (`Fri: July 9, 2021`, the Friday it ends). The naming pattern is
//! a strftime pattern (`%G-W%V`, `%a: %B %-d, %Y`), read and written with
//! jiff, which knows ISO weeks, month and weekday names, and checks that a
//! weekday in a name agrees with its date. `kickoff.milestone_pattern` in
//! `.mrd.yml` sets the pattern; without it, both built-in patterns are tried.

use jiff::civil;
use jiff::fmt::strtime::BrokenDownTime;

use crate::date::Date;

/// The patterns tried when the config names none.
pub const BUILTIN_PATTERNS: &[&str] = &["%G-W%V", "%a: %B %-d, %Y"];

/// Milestones are a week apart.
const WEEK: i64 = 7;

/// A milestone name read as a date.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Milestone {
    pub name: String,
    /// The day the name stands for (the Monday of an ISO week).
    pub date: Date,
    /// The pattern that read it, which also writes its neighbours' names.
    pub pattern: String,
}

fn to_civil(date: Date) -> Option<civil::Date> {
    civil::Date::new(
        i16::try_from(date.year).ok()?,
        i8::try_from(date.month).ok()?,
        i8::try_from(date.day).ok()?,
    )
    .ok()
}

fn from_civil(date: civil::Date) -> Date {
    Date {
        year: i32::from(date.year()),
        month: date.month() as u32,
        day: date.day() as u32,
    }
}

/// `name` read with `pattern`: a week without a day stands for its Monday.
fn read(name: &str, pattern: &str) -> Result<Date, String> {
    let mut tm = BrokenDownTime::parse(pattern, name).map_err(|e| e.to_string())?;
    if tm.iso_week().is_some() && tm.weekday().is_none() {
        tm.set_weekday(Some(jiff::civil::Weekday::Monday));
    }
    tm.to_date().map(from_civil).map_err(|e| e.to_string())
}

/// A date written with `pattern`.
pub fn format(date: Date, pattern: &str) -> Result<String, String> {
    let civil = to_civil(date).ok_or_else(|| format!("{date} is out of range"))?;
    BrokenDownTime::from(civil)
        .to_string(pattern)
        .map_err(|e| e.to_string())
}

/// Checks a configured pattern: it must write a date that it reads back.
pub fn check_pattern(pattern: &str) -> Result<(), String> {
    let sample = Date {
        year: 2026,
        month: 11,
        day: 20,
    };
    let name = format(sample, pattern)?;
    let read_back = read(&name, pattern)?;
    if read_back.monday() == sample.monday() {
        Ok(())
    } else {
        Err(format!(
            "`{pattern}` writes 2026-11-20 as `{name}`, which reads back as {read_back}: it must name a day or an ISO week (%G-W%V)"
        ))
    }
}

/// The name of the milestone `today` falls in, as far as the naming pattern
/// can tell: this ISO week's name for a week pattern (the default); for a
/// pattern that names a day, the milestone in `used` dated within the week
/// starting today, if there is one.
pub fn current(today: Date, pattern: Option<&str>, used: &[String]) -> Option<String> {
    let pattern = pattern.unwrap_or(BUILTIN_PATTERNS[0]);
    if pattern.contains("%V") {
        return format(today, pattern).ok();
    }
    used.iter()
        .filter_map(|name| Milestone::parse(name, Some(pattern)).ok())
        .filter(|m| (0..WEEK).contains(&(m.date.days_since_epoch() - today.days_since_epoch())))
        .min_by_key(|m| m.date)
        .map(|m| m.name)
}

impl Milestone {
    /// Reads `name` with the configured pattern, or else the built-in ones.
    pub fn parse(name: &str, pattern: Option<&str>) -> Result<Milestone, String> {
        let name = name.trim();
        let patterns: Vec<&str> = match pattern {
            Some(pattern) => vec![pattern],
            None => BUILTIN_PATTERNS.to_vec(),
        };
        let mut errors = Vec::new();
        for pattern in &patterns {
            match read(name, pattern) {
                Ok(date) => {
                    return Ok(Milestone {
                        name: name.to_string(),
                        date,
                        pattern: pattern.to_string(),
                    });
                }
                Err(err) => errors.push(format!("`{pattern}`: {err}")),
            }
        }
        Err(format!(
            "the milestone `{name}` does not match the naming pattern ({})",
            errors.join("; ")
        ))
    }

    /// The Monday of the milestone's week: the kickoff issue's due date.
    pub fn monday(&self) -> Date {
        self.date.monday()
    }

    /// The milestone a week earlier, named with the same pattern.
    pub fn previous(&self) -> Result<Milestone, String> {
        let date = self.date.add_days(-WEEK);
        Ok(Milestone {
            name: format(date, &self.pattern)?,
            date,
            pattern: self.pattern.clone(),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(text: &str) -> Date {
        text.parse().unwrap()
    }

    #[test]
    fn iso_weeks_are_due_on_their_monday() {
        let m = Milestone::parse("2026-W48", None).unwrap();
        assert_eq!(m.monday(), day("2026-11-23"));
        assert_eq!(m.previous().unwrap().name, "2026-W47");
        // Week 1 of 2027 starts in 2027; the week before it is 2026's 53rd.
        let first = Milestone::parse("2027-W01", None).unwrap();
        assert_eq!(first.monday(), day("2027-01-04"));
        assert_eq!(first.previous().unwrap().name, "2026-W53");
    }

    #[test]
    fn dated_names_are_due_on_the_monday_of_their_week() {
        let m = Milestone::parse("Fri: July 9, 2021", None).unwrap();
        assert_eq!(m.monday(), day("2021-07-05"));
        assert_eq!(m.previous().unwrap().name, "Fri: July 2, 2021");
        let wrong_day = Milestone::parse("Thu: July 9, 2021", None).unwrap_err();
        assert!(wrong_day.contains("does not match"), "{wrong_day}");
    }

    #[test]
    fn a_configured_pattern_is_the_only_one_tried() {
        let m =
            Milestone::parse("Sprint ending 2026-11-27", Some("Sprint ending %Y-%m-%d")).unwrap();
        assert_eq!(m.monday(), day("2026-11-23"));
        assert_eq!(m.previous().unwrap().name, "Sprint ending 2026-11-20");
        assert!(Milestone::parse("2026-W48", Some("Sprint ending %Y-%m-%d")).is_err());
        assert!(Milestone::parse("Sprint 12", None).is_err());
    }

    #[test]
    fn patterns_must_name_a_day_or_a_week() {
        assert!(check_pattern("%G-W%V").is_ok());
        assert!(check_pattern("%a: %B %-d, %Y").is_ok());
        assert!(check_pattern("%Y").is_err());
        assert!(check_pattern("Sprint %Q").is_err());
    }
}
