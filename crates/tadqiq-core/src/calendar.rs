//! Dates at the precision they were written, and the calendar arithmetic on them.
//!
//! Gregorian validity, weekdays, day arithmetic and the Hijri conversion all go through
//! `icu_calendar`; the Hijri calendar is Umm al-Qura (KACST tables), the one Gulf and most
//! Levantine outlets print. Outlets that follow local moon sighting can be a day off it.

use std::fmt;

use icu_calendar::{Date, Iso, cal::Hijri, types::RataDie};

/// A date at the precision it was written: «2020»، «كانون الثاني 1998»، «26 تموز» (no year).
/// ISO 8601 forms: `2020`, `2020-01`, `2020-01-05`, `--07-26`, `--07`, `2021-W49`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default, Hash, serde::Serialize, serde::Deserialize)]
pub struct DateValue {
    pub year: Option<i32>,
    pub month: Option<u8>,
    pub day: Option<u8>,
    /// ISO week of `year` («الأسبوع الماضي»); only set with a year and no month.
    pub week: Option<u8>,
}

impl DateValue {
    pub fn ymd(year: i32, month: u8, day: u8) -> Self {
        DateValue { year: Some(year), month: Some(month), day: Some(day), week: None }
    }

    pub fn ym(year: i32, month: u8) -> Self {
        DateValue { year: Some(year), month: Some(month), ..Default::default() }
    }

    pub fn y(year: i32) -> Self {
        DateValue { year: Some(year), ..Default::default() }
    }

    /// Parses `YYYY`, `YYYY-MM` or `YYYY-MM-DD` (as in front matter, `tadqiq.toml`, `--published`).
    pub fn parse(s: &str) -> Option<Self> {
        let s = s.trim();
        let mut parts = s.split('-');
        let year = parts.next().filter(|y| y.len() == 4)?.parse().ok()?;
        let month = parts.next().map(|m| m.parse::<u8>()).transpose().ok()?;
        let day = parts.next().map(|d| d.parse::<u8>()).transpose().ok()?;
        if parts.next().is_some() || month.is_some_and(|m| !(1..=12).contains(&m)) {
            return None;
        }
        let v = DateValue { year: Some(year), month, day, week: None };
        match (month, day) {
            (Some(m), Some(d)) => is_valid(year, m, d).then_some(v),
            _ => Some(v),
        }
    }

    pub fn full(&self) -> Option<(i32, u8, u8)> {
        Some((self.year?, self.month?, self.day?))
    }
}

impl fmt::Display for DateValue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (self.year, self.month, self.day, self.week) {
            (Some(y), _, _, Some(w)) => write!(f, "{y:04}-W{w:02}"),
            (Some(y), Some(m), Some(d), _) => write!(f, "{y:04}-{m:02}-{d:02}"),
            (Some(y), Some(m), None, _) => write!(f, "{y:04}-{m:02}"),
            (Some(y), None, _, _) => write!(f, "{y:04}"),
            (None, Some(m), Some(d), _) => write!(f, "--{m:02}-{d:02}"),
            (None, Some(m), None, _) => write!(f, "--{m:02}"),
            (None, None, _, _) => Ok(()),
        }
    }
}

/// Gregorian month names in English, for messages.
pub const MONTH_NAMES: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// Whether a Gregorian day exists («30 فبراير» and «31 نيسان» do not).
pub fn is_valid(year: i32, month: u8, day: u8) -> bool {
    Date::try_new_iso(year, month, day).is_ok()
}

/// Whether a day of a month exists in some year: «29 شباط» without a year is fine.
pub fn is_valid_without_year(month: u8, day: u8) -> bool {
    is_valid(2000, month, day)
}

/// ISO weekday, 1 = Monday … 7 = Sunday.
pub fn weekday(year: i32, month: u8, day: u8) -> Option<u8> {
    Some(Date::try_new_iso(year, month, day).ok()?.weekday() as u8)
}

/// The day `days` after (or before) a Gregorian day.
pub fn add_days(year: i32, month: u8, day: u8, days: i64) -> Option<(i32, u8, u8)> {
    let rd: RataDie = Date::try_new_iso(year, month, day).ok()?.to_rata_die() + days;
    let d = Date::from_rata_die(rd, Iso);
    Some((d.year().extended_year(), d.month().ordinal, d.day_of_month().0))
}

/// Days from `a` to `b` (negative when `b` is earlier).
pub fn days_between(a: (i32, u8, u8), b: (i32, u8, u8)) -> Option<i64> {
    let a = Date::try_new_iso(a.0, a.1, a.2).ok()?.to_rata_die();
    let b = Date::try_new_iso(b.0, b.1, b.2).ok()?.to_rata_die();
    Some(b - a)
}

/// How far from publication a day and month with no year is still read as the nearest one.
pub const NEAREST_DAYS: i64 = 31;

/// The full date of a day and month with no year (`value`) that lies nearest `published`, if
/// within [`NEAREST_DAYS`] of it: the year before, of, or after publication («يوم الأحد 6
/// فبراير» in copy of 7 February 2023 is 6 February 2023).
pub fn nearest_to(value: DateValue, published: (i32, u8, u8)) -> Option<(i32, u8, u8)> {
    let (None, Some(month), Some(day)) = (value.year, value.month, value.day) else { return None };
    (published.0 - 1..=published.0 + 1)
        .filter(|&y| is_valid(y, month, day))
        .filter_map(|y| Some(((y, month, day), days_between(published, (y, month, day))?.abs())))
        .min_by_key(|&(_, d)| d)
        .filter(|&(_, d)| d <= NEAREST_DAYS)
        .map(|(full, _)| full)
}

/// How many days a month has, in a year (or in a leap year when the year is unknown).
pub fn days_in_month(year: Option<i32>, month: u8) -> u8 {
    let year = year.unwrap_or(2000);
    (28..=31).rev().find(|&d| is_valid(year, month, d)).unwrap_or(31)
}

/// ISO week-numbering year and week of a day.
pub fn iso_week(year: i32, month: u8, day: u8) -> Option<(i32, u8)> {
    let wd = weekday(year, month, day)? as i64;
    // The week belongs to the year of its Thursday.
    let (ty, tm, td) = add_days(year, month, day, 4 - wd)?;
    let jan1 = Date::try_new_iso(ty, 1, 1).ok()?.to_rata_die();
    let thursday = Date::try_new_iso(ty, tm, td).ok()?.to_rata_die();
    Some((ty, ((thursday - jan1) / 7 + 1) as u8))
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum HijriError {
    /// The day or month does not exist in that Hijri year (day 30 of a 29-day month).
    NoSuchDay,
}

/// Converts an Umm al-Qura Hijri day to the Gregorian one.
pub fn hijri_to_gregorian(year: i32, month: u8, day: u8) -> Result<(i32, u8, u8), HijriError> {
    let hijri = Date::try_new_hijri_with_calendar(year, month, day, Hijri::new_umm_al_qura())
        .map_err(|_| HijriError::NoSuchDay)?;
    let g = hijri.to_calendar(Iso);
    Ok((g.year().extended_year(), g.month().ordinal, g.day_of_month().0))
}

/// The Hijri day of a Gregorian one (for hover texts and stated equivalents).
pub fn gregorian_to_hijri(year: i32, month: u8, day: u8) -> Option<(i32, u8, u8)> {
    let h = Date::try_new_iso(year, month, day).ok()?.to_calendar(Hijri::new_umm_al_qura());
    Some((h.year().extended_year(), h.month().ordinal, h.day_of_month().0))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn iso_forms() {
        assert_eq!(DateValue::ymd(2020, 1, 5).to_string(), "2020-01-05");
        assert_eq!(DateValue::ym(1998, 1).to_string(), "1998-01");
        assert_eq!(DateValue { month: Some(7), day: Some(26), ..Default::default() }.to_string(), "--07-26");
        assert_eq!(DateValue { year: Some(2021), week: Some(49), ..Default::default() }.to_string(), "2021-W49");
    }

    #[test]
    fn parse_published() {
        assert_eq!(DateValue::parse("2021-12-09"), Some(DateValue::ymd(2021, 12, 9)));
        assert_eq!(DateValue::parse("2021"), Some(DateValue::y(2021)));
        assert_eq!(DateValue::parse("2021-02-30"), None);
        assert_eq!(DateValue::parse("9/12/2021"), None);
        assert_eq!(DateValue::parse("2021-13"), None);
    }

    #[test]
    fn hijri_umm_al_qura() {
        assert_eq!(hijri_to_gregorian(1442, 9, 15), Ok((2021, 4, 27)));
        assert_eq!(hijri_to_gregorian(1439, 2, 24), Ok((2017, 11, 13)));
        // Shawwal 1442 had 29 days under Umm al-Qura (1 Dhu al-Qa'dah = 11 June 2021).
        assert_eq!(hijri_to_gregorian(1442, 10, 29), Ok((2021, 6, 10)));
        assert_eq!(hijri_to_gregorian(1442, 10, 30), Err(HijriError::NoSuchDay));
        assert_eq!(gregorian_to_hijri(2021, 4, 27), Some((1442, 9, 15)));
    }

    #[test]
    fn weekdays_and_arithmetic() {
        assert_eq!(weekday(2021, 12, 9), Some(4)); // a Thursday
        assert_eq!(add_days(2021, 3, 1, -1), Some((2021, 2, 28)));
        assert_eq!(iso_week(2021, 1, 3), Some((2020, 53)));
        assert_eq!(iso_week(2021, 12, 9), Some((2021, 49)));
        assert!(!is_valid(2021, 2, 29));
        assert!(is_valid_without_year(2, 29));
    }
}
