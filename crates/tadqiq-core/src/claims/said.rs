//! What a claim says, as compared: its value at the precision written (a figure's interval, a
//! date's fields and weekday, an age, a duration or the start it implies) with what can make two
//! statements of one key different quantities after all (their places, years, event words),
//! and when it was said (a toll's stage, the source's publication date).

use std::sync::Arc;

use crate::calendar::{DateValue, weekday};
use crate::claims::words::Stage;
use crate::extract::format_number;
use crate::lexicon::Bound;
use crate::messages;

/// A claim's value.
#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub enum Value {
    /// A count or an amount: the least and most it allows («نحو 3000» is 2700–3300), and how
    /// it was written.
    Figure {
        low: f64,
        high: f64,
        #[serde(with = "crate::shared::one")]
        shown: Arc<str>,
    },
    /// An age in years: `[low, high)`.
    Age {
        low: f64,
        high: f64,
        #[serde(with = "crate::shared::one")]
        shown: Arc<str>,
    },
    /// A date at the precision written, with its weekday when one is named or known, and
    /// whether it is counted from the publication date («اليوم»، «أمس»، «الثلاثاء»).
    Date { date: DateValue, weekday: Option<u8>, deictic: bool },
    /// A length of time in years, `[low, high)`, written in units of `unit` years; for a time
    /// counted up to the present («منذ 3 سنوات») with a known publication date, also the
    /// interval its start lies in.
    Duration {
        low: f64,
        high: f64,
        unit: f64,
        start: Option<(f64, f64)>,
        #[serde(with = "crate::shared::one")]
        shown: Arc<str>,
    },
    /// The year something began («منذ 2012»): `[year, year + 1)`.
    Start { year: i32 },
}

/// A claim's value with what qualifies it.
#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Said {
    pub value: Value,
    /// Where a toll stands in time.
    pub stage: Stage,
    /// Whether its measure is a toll (a count that rises as news comes in).
    pub grows: bool,
    /// The source's publication date, as a fractional year.
    pub published: Option<f64>,
    /// The year the statement is about, when its sentence (or the one before) writes one.
    pub year: Option<i32>,
    /// The places its sentence names (countries and others, sorted), by id.
    #[serde(with = "crate::shared::list")]
    pub places: Box<[Arc<str>]>,
    /// The countries among them.
    #[serde(with = "crate::shared::list")]
    pub countries: Box<[Arc<str>]>,
    /// The towns, districts and sites it names: places an article introduced or named after
    /// «حي»، «بلدة»، «أهالي» (more specific than a known city).
    #[serde(with = "crate::shared::list")]
    pub towns: Box<[Arc<str>]>,
    /// The event words of its sentence (for the cross-story comparison).
    #[serde(with = "crate::shared::list")]
    pub events: Box<[Arc<str>]>,
    /// For a count of people, the group counted («civilians»، «children»); `None` for people
    /// at large.
    #[serde(with = "crate::shared::option")]
    pub group: Option<Arc<str>>,
    /// For a count of people, the country whose nationals it counts («5 جنود أمريكيين»): a
    /// count of one country's soldiers is not one of another's.
    #[serde(with = "crate::shared::option")]
    pub nation: Option<Arc<str>>,
    /// For a figure, when its clauses say the counted thing happened («مساء الخميس»، «الشهر
    /// الماضي»): a toll of Thursday's blast is not one of last month's.
    pub when: Box<[When]>,
    /// For a figure, whether its own clause dates it to a year before the source's publication
    /// («لقي 43 شخصا حتفهم في تصادم قرب الإسكندرية عام 2017»، «قتل 18 شخصا قبل أربع سنوات»):
    /// for a toll, one of an earlier disaster a background paragraph recalls, never one of the
    /// story's own that names no such year.
    pub past: bool,
}

/// A time a clause gives, as far as it is known.
#[derive(Clone, Debug, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub enum When {
    /// A date (and weekday) at the precision known.
    Date(DateValue, Option<u8>),
    /// Today, yesterday, a weekday of this week, while the publication date is unknown.
    Recent,
    /// Last month, last year, a named month gone by.
    Earlier,
    /// Over a span of time, by its ISO length: «خلال الـ24 ساعة الماضية» (`PT24H`). A count
    /// over a span is not one of a day, nor of another span.
    Period(#[serde(with = "crate::shared::one")] Arc<str>),
}

/// Whether two times can be the same.
fn same_time(a: &When, b: &When) -> bool {
    match (a, b) {
        (When::Date(x, wx), When::Date(y, wy)) => dates(x, *wx, y, *wy) != Some(false),
        (When::Period(x), When::Period(y)) => x == y,
        (When::Period(_), _) | (_, When::Period(_)) => false,
        (When::Recent, When::Earlier) | (When::Earlier, When::Recent) => false,
        (When::Earlier, When::Date(d, Some(_))) | (When::Date(d, Some(_)), When::Earlier) => d.month.is_some(),
        _ => true,
    }
}

impl Said {
    /// How this statement relates to another of the same key: `Some(true)` when both can be
    /// true of one quantity, `Some(false)` when they cannot, `None` when they are not about one
    /// quantity after all (different places, years or events named; an earlier toll and a
    /// later one; nothing in common to compare).
    pub fn relate(&self, other: &Said, strict: bool) -> Option<bool> {
        // A toll a background clause dates to an earlier year is another disaster's.
        if self.year.zip(other.year).is_some_and(|(a, b)| a != b)
            || (self.grows && other.grows && self.past != other.past)
        {
            return None;
        }
        if self.nation.is_some() && other.nation.is_some() && self.nation != other.nation {
            return None;
        }
        let age = matches!(self.value, Value::Age { .. });
        if strict {
            if disjoint(&self.events, &other.events) {
                return None;
            }
        } else if !age
            && (disjoint(&self.countries, &other.countries)
                || disjoint_places(self, other)
                || disjoint(&self.towns, &other.towns))
        {
            return None;
        }
        if !self.when.is_empty()
            && !other.when.is_empty()
            && !self.when.iter().any(|a| other.when.iter().any(|b| same_time(a, b)))
        {
            return None;
        }
        match (&self.value, &other.value) {
            (Value::Figure { low: a0, high: a1, .. }, Value::Figure { low: b0, high: b1, .. })
                if self.group != other.group || self.nation != other.nation =>
            {
                // A group and the whole it belongs to (civilians of the people; one country's
                // soldiers of the soldiers): the group cannot be the larger («15 مدنيا» killed in
                // a blast that killed «12 شخصا»); anything else says nothing of either.
                let within = |a: &Said, b: &Said| {
                    (a.group == b.group || b.group.is_none()) && (a.nation == b.nation || b.nation.is_none())
                };
                let (total, part, t1, p0) = if within(other, self) {
                    (self, other, *a1, *b0)
                } else if within(self, other) {
                    (other, self, *b1, *a0)
                } else {
                    return None;
                };
                if p0 <= t1 {
                    return None;
                }
                if total.grows && part.grows { self::tolls(total, part) } else { Some(false) }
            }
            (Value::Figure { low: a0, high: a1, .. }, Value::Figure { low: b0, high: b1, .. }) => {
                if a0 <= b1 && b0 <= a1 {
                    return Some(true);
                }
                if !(self.grows && other.grows) {
                    return Some(false);
                }
                let (lower, higher) = if a1 < b0 { (self, other) } else { (other, self) };
                self::tolls(lower, higher)
            }
            (Value::Age { low: a0, high: a1, .. }, Value::Age { low: b0, high: b1, .. }) => {
                // An age only grows: the later statement may be older by the years between.
                let (early, late, e, l) = match (self.published, other.published) {
                    (Some(p), Some(q)) if q < p => (other, self, (*b0, *b1), (*a0, *a1)),
                    _ => (self, other, (*a0, *a1), (*b0, *b1)),
                };
                let gap = early.published.zip(late.published).map_or(0.0, |(p, q)| (q - p).max(0.0));
                Some(l.0 < e.1 + gap && e.0 < l.1)
            }
            (Value::Date { date: a, weekday: wa, deictic: da }, Value::Date { date: b, weekday: wb, deictic: db }) => {
                // «اليوم» in two articles published a week or more apart are two days, and the
                // same words of two pages (a sidebar, a related story) are not one event.
                let apart = self.published.zip(other.published).is_some_and(|(p, q)| (p - q).abs() > 7.0 / 365.25);
                if *da && *db && apart {
                    return None;
                }
                dates(a, *wa, b, *wb)
            }
            (
                Value::Duration { low: a0, high: a1, unit: ua, start: sa, .. },
                Value::Duration { low: b0, high: b1, unit: ub, start: sb, .. },
            ) => {
                // Lengths of time overlap by more than a quarter of their unit, or they
                // disagree: «منذ 3 سنوات» and «منذ أكثر من أربع سنوات» written a day apart only
                // touch; «أربعة أشهر» and «أكثر من أربعة أشهر» share a month.
                let slack = ua.min(*ub) / 4.0;
                match (sa, sb) {
                    (Some(a), Some(b)) => Some(a.0 + slack < b.1 && b.0 + slack < a.1),
                    _ => Some(a0 + slack < *b1 && b0 + slack < *a1),
                }
            }
            (Value::Duration { start: Some(s), unit, .. }, Value::Start { year })
            | (Value::Start { year }, Value::Duration { start: Some(s), unit, .. }) => {
                let (y, slack) = (f64::from(*year), unit.min(1.0) / 4.0);
                Some(s.0 + slack < y + 1.0 && y + slack < s.1)
            }
            (Value::Start { year: a }, Value::Start { year: b }) => Some(a == b),
            _ => None,
        }
    }

    /// A hash of everything compared, to group equal statements without comparing every pair.
    pub fn group_key(&self) -> u64 {
        use std::hash::{Hash, Hasher};
        let mut h = rustc_hash::FxHasher::default();
        match &self.value {
            Value::Figure { low, high, shown } | Value::Age { low, high, shown } => {
                (low.to_bits(), high.to_bits(), shown).hash(&mut h)
            }
            Value::Date { date, weekday, deictic } => (date, weekday, deictic).hash(&mut h),
            Value::Duration { low, high, start, shown, .. } => {
                (low.to_bits(), high.to_bits(), start.map(|s| (s.0.to_bits(), s.1.to_bits())), shown).hash(&mut h)
            }
            Value::Start { year } => year.hash(&mut h),
        }
        (self.stage, self.grows, self.published.map(f64::to_bits), self.year, &self.group, &self.nation, self.past)
            .hash(&mut h);
        (&self.places, &self.towns, &self.events, &self.when).hash(&mut h);
        h.finish()
    }

    /// The value as the messages show it: `3000`, `about 3000`, `2020-01-05`, `Tuesday`.
    pub fn show(&self) -> String {
        self.shown(true)
    }

    /// As [`Said::show`], a date as its ISO form only: for a value beside the quote it is read
    /// from («كانون الثاني 1998» (1998-01)), which already has the words.
    pub fn show_iso(&self) -> String {
        self.shown(false)
    }

    fn shown(&self, words: bool) -> String {
        let date = |d: &DateValue| if words { messages::date(d) } else { d.to_string() };
        match &self.value {
            Value::Figure { shown, .. } | Value::Age { shown, .. } | Value::Duration { shown, .. } => shown.to_string(),
            Value::Date { date: d, weekday: w, .. } => {
                let empty = d.year.is_none() && d.month.is_none();
                match (empty, w) {
                    (true, Some(w)) => messages::day_name(*w),
                    (false, Some(w)) if d.full().is_none() => {
                        messages::msg("phrase.date-weekday", &[("date", &date(d)), ("day", &messages::day_name(*w))])
                    }
                    _ => date(d),
                }
            }
            Value::Start { year } => messages::msg("phrase.since", &[("year", &year.to_string())]),
        }
    }
}

/// A lower toll and a higher one of the same measure that do not overlap: the lower is only an
/// earlier count (not comparable) when it is marked early (a later article recalls the first
/// count: «بعدما كانت فرق الإنقاذ قد انتشلت 19 جثة في اليوم الأول»), when it was published
/// earlier, or, when the publication dates do not tell, when the higher is marked as an update;
/// another lower count published later, or a count given as final, is a contradiction.
fn tolls(lower: &Said, higher: &Said) -> Option<bool> {
    if lower.stage == Stage::Early && higher.stage != Stage::Final {
        return None;
    }
    // Publication dates order the two when both are known; the words of the text otherwise.
    match (lower.published, higher.published) {
        (Some(l), Some(h)) if l > h => return Some(false),
        (Some(l), Some(h)) if l < h => return (lower.stage == Stage::Final).then_some(false),
        _ => {}
    }
    if lower.stage == Stage::Final || higher.stage == Stage::Final {
        return Some(false);
    }
    if lower.stage == Stage::Early || higher.stage == Stage::Update {
        return None;
    }
    Some(false)
}

/// Two dates compared at the precision both give, weekdays included: «الثلاثاء» agrees with
/// «19 ديسمبر 2017» (a Tuesday) and not with «الأربعاء». `None` when they share nothing to
/// compare (a weekday against a month).
fn dates(a: &DateValue, wa: Option<u8>, b: &DateValue, wb: Option<u8>) -> Option<bool> {
    let mut shared = false;
    let mut same = |x: Option<i64>, y: Option<i64>| match x.zip(y) {
        Some((x, y)) => {
            shared = true;
            x == y
        }
        None => true,
    };
    let fields = same(a.year.map(i64::from), b.year.map(i64::from))
        && same(a.month.map(i64::from), b.month.map(i64::from))
        && same(a.day.map(i64::from), b.day.map(i64::from))
        && same(a.week.map(i64::from), b.week.map(i64::from));
    if !fields {
        return Some(false);
    }
    // A full date's weekday is the calendar's: a weekday written beside it that does not fit
    // it is that article's own slip (`weekday-mismatch`), not a second date for the others to
    // disagree with.
    let known = |d: &DateValue, w: Option<u8>| d.full().and_then(|(y, m, dd)| weekday(y, m, dd)).or(w);
    let days = same(known(a, wa).map(i64::from), known(b, wb).map(i64::from));
    if !days {
        return Some(false);
    }
    shared.then_some(true)
}

/// Whether two sets both name something and share nothing.
fn disjoint(a: &[Arc<str>], b: &[Arc<str>]) -> bool {
    !a.is_empty() && !b.is_empty() && !a.iter().any(|x| b.contains(x))
}

/// Whether two statements name places that share nothing, countries aside (a city and its
/// country are not a disagreement; two cities are).
fn disjoint_places(a: &Said, b: &Said) -> bool {
    let specific = |s: &Said| s.places.iter().filter(|p| !s.countries.contains(p)).cloned().collect::<Vec<_>>();
    disjoint(&specific(a), &specific(b))
}

/// A figure's interval: «نحو 3000» is 2700–3300, «أكثر من 3000» above 3000, «بين 3000 و5000»
/// 3000–5000.
pub fn interval(value: f64, upper: Option<f64>, bound: Bound) -> (f64, f64) {
    let (low, high) = (value, upper.unwrap_or(value));
    match bound {
        Bound::Exact => (low, high),
        Bound::About => (low * 0.9, high * 1.1),
        Bound::Above | Bound::AtLeast => (low, f64::INFINITY),
        Bound::Below | Bound::AtMost => (0.0, high),
    }
}

/// A hedged amount as the messages show it: `3000`, `about 3000`, `more than 100 years`.
pub fn show_amount(amount: &str, bound: Bound) -> String {
    match bound {
        Bound::Exact => amount.to_string(),
        _ => messages::msg(&format!("amount.{}", bound.as_str()), &[("amount", amount)]),
    }
}

/// A length of time in years as written: `3 years`, `4 months` (`unit`: years, months, weeks,
/// days).
pub fn show_years(years: f64, per_unit: f64, unit: &str) -> String {
    let n = format_number((years / per_unit * 100.0).round() / 100.0);
    messages::msg(&format!("count.{unit}"), &[("n", &n)])
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fig(low: f64, high: f64) -> Said {
        Said {
            value: Value::Figure { low, high, shown: "".into() },
            stage: Stage::Plain,
            grows: true,
            published: None,
            year: None,
            places: Box::default(),
            countries: Box::default(),
            towns: Box::default(),
            events: Box::default(),
            when: Box::default(),
            past: false,
            group: None,
            nation: None,
        }
    }

    #[test]
    fn tolls_that_rise_are_not_contradictions() {
        let (mut early, mut late) = (fig(75.0, 75.0), fig(120.0, 120.0));
        assert_eq!(early.relate(&late, false), Some(false), "no order known: a disagreement");
        early.published = Some(2020.0);
        late.published = Some(2020.1);
        assert_eq!(early.relate(&late, false), None, "a lower earlier toll");
        early.published = Some(2020.2);
        assert_eq!(early.relate(&late, false), Some(false), "a lower later toll");
        early.published = None;
        early.stage = Stage::Early;
        assert_eq!(early.relate(&late, false), None, "marked as a first count");
        early.stage = Stage::Plain;
        late.stage = Stage::Final;
        assert_eq!(late.relate(&early, false), Some(false), "a final count");
    }

    #[test]
    fn weekdays_and_dates() {
        let tue = DateValue::default();
        let d = |y, m, dd| DateValue::ymd(y, m, dd);
        assert_eq!(dates(&tue, Some(2), &d(2017, 12, 19), None), Some(true));
        assert_eq!(dates(&tue, Some(3), &d(2017, 12, 19), None), Some(false));
        assert_eq!(dates(&tue, Some(3), &tue, Some(2)), Some(false));
        assert_eq!(dates(&tue, Some(3), &DateValue { month: Some(4), ..Default::default() }, None), None);
        // «الأحد 19 ديسمبر 2017» (a Tuesday) is 19 December against another full date, and a
        // Tuesday against a weekday alone.
        assert_eq!(dates(&d(2017, 12, 19), Some(7), &d(2017, 12, 19), Some(2)), Some(true));
        assert_eq!(dates(&d(2017, 12, 19), Some(7), &tue, Some(2)), Some(true));
        assert_eq!(dates(&d(2017, 12, 19), Some(7), &tue, Some(7)), Some(false));
    }
}
