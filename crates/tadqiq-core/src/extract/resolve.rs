//! Relative dates against the publication date, and the publication date from the text when
//! nothing else gives it.

use super::furniture::Page;
use super::{DateMention, Mention, MentionKind, Relative, Span};
use crate::calendar::{DateValue, add_days, days_between, gregorian_to_hijri, hijri_to_gregorian, iso_week, weekday};
use crate::lexicon::{Calendar, DurationUnit, PeriodUnit};

/// The publication date as far as the text itself pins it, or `None`.
///
/// Only expressions that state the present outright count: «نهاية العام الجاري 2021» (the
/// year), «ديسمبر الجاري» (the month), «اليوم الخميس 9 ديسمبر 2021» (the day). Years from
/// different statements must agree, or nothing is inferred.
pub fn infer_published(mentions: &[Mention]) -> Option<DateValue> {
    infer_from(dates(mentions))
}

fn infer_from<'m>(dates: impl Iterator<Item = &'m DateMention>) -> Option<DateValue> {
    let mut year = None;
    let mut month = None;
    let mut full = None;
    let agree = |slot: &mut Option<i32>, v: i32| -> bool {
        match slot {
            Some(old) if *old != v => false,
            _ => {
                *slot = Some(v);
                true
            }
        }
    };
    let mut month_slot: Option<i32> = None;
    for date in dates {
        let w = date.written;
        match (date.relative, date.value) {
            (Some(Relative::Days(0)), Some(v)) if v.full().is_some() => {
                if full.is_some_and(|f| f != v) {
                    return None;
                }
                full = Some(v);
            }
            (Some(Relative::Period(PeriodUnit::Year, 0)), _)
                if date.calendar == crate::lexicon::Calendar::Gregorian =>
            {
                if let Some(y) = w.year
                    && !agree(&mut year, y)
                {
                    return None;
                }
            }
            (Some(Relative::NamedMonth(0)), _) => {
                if let Some(m) = w.month {
                    if !agree(&mut month_slot, m as i32) {
                        return None;
                    }
                    month = Some(m);
                }
                if let Some(y) = w.year
                    && !agree(&mut year, y)
                {
                    return None;
                }
            }
            _ => {}
        }
    }
    if full.is_some() {
        return full;
    }
    Some(DateValue { year: Some(year?), month, ..Default::default() })
}

/// How the text itself dates the article.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FromText {
    /// The prose states the present: «اليوم الخميس 9 ديسمبر 2021»، «العام الجاري 2021».
    Stated,
    /// A stamp of the page: «تاريخ النشر : …»، a date and time at the top.
    Dateline,
}

/// The publication date as the text gives it, and how: a full day stated in the prose, else
/// the page's stamps ([`Page::stamps`], the most authoritative first) that fit the prose, else
/// the year or month the prose states. Mentions in page furniture state nothing about the
/// article («اليوم الأحد 21 يناير 2018» in a site's header is the day the page was copied).
///
/// A stamp fits when the weekday the prose gives to today («اليوم الثلاثاء»، «أمس الاثنين»)
/// is the stamp's; when it is the day before the stamp's, the copy was filed before midnight
/// and stamped after, and the day the prose counts from is the day before the stamp, unless
/// the stamp fixes its day ([`Page::fixed`]): then the prose's weekday is its slip.
pub fn published_from_text(mentions: &[Mention], page: &Page) -> Option<(DateValue, FromText)> {
    let prose = || mentions.iter().filter(|m| !page.contains(m.span));
    let stated = infer_from(prose().filter_map(|m| match &m.kind {
        MentionKind::Date(d) => Some(d),
        _ => None,
    }));
    if let Some(v) = stated
        && v.full().is_some()
    {
        return Some((v, FromText::Stated));
    }
    // The weekday of publication as the lead gives it: the first statement soon after the
    // stamp (further down, a page may carry other articles' text).
    // Every weekday the lead gives today: one that fits the stamp confirms it, though another
    // is a slip («أمس الإثنين» beside «اليوم الأربعاء» under a Wednesday's stamp).
    let today = |stamp: Span| -> Vec<u8> {
        prose()
            .take_while(|m| m.span.start < stamp.end + LEAD_BYTES)
            .filter(|m| m.span.start >= stamp.start)
            .filter_map(|m| match &m.kind {
                MentionKind::Date(d) => weekday_today(d),
                _ => None,
            })
            .collect()
    };
    let fits = |c: DateValue, today: Vec<u8>, fixed: bool| -> Option<DateValue> {
        let (y, m, d) = c.full()?;
        if stated.is_some_and(|s| s.year.is_some_and(|sy| sy != y) || s.month.is_some_and(|sm| sm != m)) {
            return None;
        }
        let Some(&want) = today.first() else { return Some(c) };
        let have = weekday(y, m, d)?;
        if have == want || today.contains(&have) || (fixed && have == want % 7 + 1) {
            Some(c)
        } else if have == want % 7 + 1 {
            let (y, m, d) = add_days(y, m, d, -1)?;
            Some(DateValue::ymd(y, m, d))
        } else {
            None
        }
    };
    // A page has a stamp or two that date it; more are the same stamp repeated. The article's
    // own dateline is the day it gives itself: a lead's «أمس الأحد» that does not fit it is
    // the lead's error (relative-date-mismatch), not a day to move the dateline by.
    let own_from = page.stamps.len() - page.own;
    // «23 جمادى الأولى 1445 هـ الموافق 6 ديسمبر 2023»: the Gregorian equivalent (a Hijri date
    // may be a day off the tables, by the moon seen where it was written).
    let day_of = |k: usize| match &mentions.get(k)?.kind {
        MentionKind::Date(d) => d
            .paired
            .as_ref()
            .filter(|p| d.calendar == Calendar::Hijri && p.calendar == Calendar::Gregorian && !p.invalid)
            .and_then(|p| p.value)
            .or(d.value),
        _ => None,
    };
    // A stamp the article's own dateline repeats is as fixed as that dateline.
    let own_days: Vec<DateValue> = page.stamps[own_from..].iter().filter_map(|&k| day_of(k)).collect();
    let dateline = page.stamps.iter().enumerate().take(8).find_map(|(i, &k)| {
        let day = day_of(k)?;
        let today = if i >= own_from { Vec::new() } else { today(mentions[k].span) };
        fits(day, today, page.fixed.contains(&k) || own_days.contains(&day))
    });
    if let Some(v) = dateline {
        return Some((v, FromText::Dateline));
    }
    if let Some(v) = yearless_dateline(mentions, page, stated) {
        return Some((v, FromText::Dateline));
    }
    stated.map(|v| (v, FromText::Stated))
}

/// «القاهرة 16 نوفمبر تشرين الثاني (رويترز) - قال الجهاز يوم الأحد …»: Reuters' Arabic
/// datelines write no year. The stamp's day is in the year the text states as the present,
/// else in a year the article writes (or the year after one) that puts the day on the weekday
/// the lead gives the news, the one written most often (then the latest) if several do. With no
/// weekday in the lead, or none of those years fitting it, the article has no publication date.
fn yearless_dateline(mentions: &[Mention], page: &Page, stated: Option<DateValue>) -> Option<DateValue> {
    let prose = || mentions.iter().filter(|m| !page.contains(m.span));
    let (stamp, month, day) = page.stamps.iter().take(8).find_map(|&k| {
        let m = mentions.get(k)?;
        match &m.kind {
            MentionKind::Date(d)
                if d.calendar == Calendar::Gregorian
                    && d.relative.is_none()
                    && d.written.year.is_none()
                    && !d.invalid =>
            {
                Some((m.span, d.written.month?, d.written.day?))
            }
            _ => None,
        }
    })?;
    // The news day's weekday: «اليوم الأحد»، «أمس السبت», or a weekday alone in the lead.
    let lead = prose().filter(|m| m.span.start >= stamp.end).take_while(|m| m.span.start < stamp.end + LEAD_BYTES);
    let today = lead
        .filter_map(|m| match &m.kind {
            MentionKind::Date(d) if d.written.day.is_none() => match (d.relative, d.weekday) {
                (Some(Relative::Weekday(0)), Some(w)) => Some(w),
                _ => weekday_today(d),
            },
            _ => None,
        })
        .next()?;
    let fits = |y: i32| weekday(y, month, day) == Some(today);
    if let Some(y) = stated.and_then(|s| s.year) {
        return fits(y).then(|| DateValue::ymd(y, month, day));
    }
    let mut written: Vec<i32> = prose()
        .filter_map(|m| match &m.kind {
            MentionKind::Date(d) if d.relative.is_none() => d.value.and_then(|v| v.year),
            _ => None,
        })
        .filter(|y| (1900..=2100).contains(y))
        .collect();
    written.sort_unstable();
    let times = |y: i32| written.iter().filter(|&&w| w == y).count();
    written
        .iter()
        .flat_map(|&y| [y, y + 1])
        .filter(|&y| fits(y))
        .max_by_key(|&y| (times(y), y))
        .map(|y| DateValue::ymd(y, month, day))
}

/// How far before «العام السابق» the date it counts from may stand, in its sentence.
const PRECEDING_BYTES: usize = 300;

/// How far after a stamp the prose's «اليوم الثلاثاء» still speaks of the stamped article.
const LEAD_BYTES: usize = 2500;

/// Gives each relative date its Gregorian value against `published`, where it can be known.
/// «الشهر ذاته»، «العام نفسه» take their period from the date the text gave last before them.
///
/// A year alone with no era marker, written where Gregorian years are («عام 1446»، «موسم
/// 1446»), is the Hijri year when it is the Hijri year of publication or one next to it: Gulf
/// copy writes the current Hijri year without «هـ», and a Gregorian year six centuries back is
/// never one of those three.
pub fn resolve(text: &str, mentions: &mut [Mention], published: Option<DateValue>) {
    // The date the text gave last, and where it ends: «العام السابق» just after it is the year
    // before it.
    let mut last: Option<(DateValue, usize)> = None;
    let hijri_now = published.and_then(hijri_year_of);
    for m in mentions {
        let MentionKind::Date(d) = &mut m.kind else { continue };
        // In the same sentence: «… في 2023. وارتفعت الإيرادات من 13.4 مليار في العام السابق»
        // may count from the year the article is about, not from the comparison just before.
        let given = last.filter(|&(_, end)| {
            m.span.start.saturating_sub(end) <= PRECEDING_BYTES
                && text
                    .get(end.min(m.span.start)..m.span.start)
                    .is_some_and(|between| !between.contains(['.', '؟', '?', '!', '\n']))
        });
        if d.relative.is_none()
            && d.calendar == Calendar::Gregorian
            && let DateValue { year: Some(year), month: None, day: None, .. } = d.written
            && hijri_now.is_some_and(|now| (now - 1..=now + 1).contains(&year))
            && text.get(m.span.start..m.span.end).and_then(|s| s.chars().last()).is_some_and(|c| c.is_numeric())
        {
            d.calendar = Calendar::Hijri;
            d.value = super::date::gregorian_value(Calendar::Hijri, d.written).0;
        }
        if let Some(rel) = d.relative
            && !d.invalid
        {
            resolve_relative(text, m.span, d, rel, published, last.map(|l| l.0), given.map(|l| l.0));
        }
        if let Some(v) = d.value {
            last = Some((v, m.span.end));
        }
    }
}

/// Gives relative date `d` (written at `span`) its value: against `last`, the date the text
/// gave last, for «الشهر ذاته»; against `given`, the one its sentence gave before it, for «العام
/// السابق»; else against `published`.
fn resolve_relative(
    text: &str,
    span: Span,
    d: &mut DateMention,
    rel: Relative,
    published: Option<DateValue>,
    last: Option<DateValue>,
    given: Option<DateValue>,
) {
    if let Relative::Same(unit) = rel {
        d.value = last.and_then(|l| same_period(d.written, unit, l));
        return;
    }
    // «خلال 2024، بزيادة 20% عن العام السابق»: «السابق» (the preceding) counts from the period
    // the text just gave, where «الماضي» counts from publication.
    let preceding = text.get(span.start..span.end).is_some_and(|s| {
        let s = s.trim_end();
        s.ends_with("السابق") || s.ends_with("السابقة")
    });
    if d.value.is_none()
        && preceding
        && let (Relative::Period(unit @ (PeriodUnit::Year | PeriodUnit::Month), -1), Some(l)) = (rel, given)
    {
        d.value = match unit {
            PeriodUnit::Year => l.year.map(|y| DateValue::y(y - 1)),
            _ => l
                .year
                .zip(l.month)
                .map(|(y, mo)| if mo == 1 { DateValue::ym(y - 1, 12) } else { DateValue::ym(y, mo - 1) }),
        };
        if d.value.is_some() {
            return;
        }
    }
    if d.value.is_none() {
        d.value = published.and_then(|p| resolve_one(d, rel, p));
    } else if let (Relative::Days(_), Some(v), Some(p)) = (rel, d.value, published)
        && v.year.is_none()
        && let Some(around) = resolve_one(d, rel, p).and_then(|r| r.full())
    {
        // «أمس الاثنين (4 ديسمبر)»: the written day, in the year that puts it nearest the
        // day counted from publication.
        d.value = nearest_year(v, around).or(Some(v));
    }
}

/// The weekday of today that «اليوم الأحد»، «أمس السبت»، «غدا الاثنين» give (a weekday with no
/// written day, one day either side of today at most).
fn weekday_today(d: &DateMention) -> Option<u8> {
    match (d.relative, d.weekday) {
        (Some(Relative::Days(n)), Some(w)) if d.written.day.is_none() && (-1..=1).contains(&n) => {
            Some(((w as i32 - 1 - n).rem_euclid(7) + 1) as u8)
        }
        _ => None,
    }
}

/// The Hijri year in which `p` falls (the one in which its year's middle falls, for a year alone).
pub(crate) fn hijri_year_of(p: DateValue) -> Option<i32> {
    let (y, m, d) = p.full().unwrap_or((p.year?, 7, 1));
    gregorian_to_hijri(y, m, d).map(|h| h.0)
}

/// The written day (and month) in the period of `last`: «السادس من الشهر ذاته» after a date
/// in June 2017 is 6 June 2017.
fn same_period(w: DateValue, unit: PeriodUnit, last: DateValue) -> Option<DateValue> {
    let v = match unit {
        PeriodUnit::Month => DateValue { day: w.day, ..DateValue::ym(last.year?, last.month?) },
        PeriodUnit::Year => DateValue { year: last.year, month: w.month, day: w.month.and(w.day), week: None },
        PeriodUnit::Week => return None,
    };
    valid(v)
}

/// A month and day without a year, in the year that puts it nearest to `around`.
fn nearest_year(v: DateValue, around: (i32, u8, u8)) -> Option<DateValue> {
    let (m, d) = (v.month?, v.day?);
    (around.0 - 1..=around.0 + 1)
        .filter(|&y| crate::calendar::is_valid(y, m, d))
        .min_by_key(|&y| days_between(around, (y, m, d)).map_or(i64::MAX, i64::abs))
        .map(|y| DateValue::ymd(y, m, d))
}

/// The Gregorian value of a relative date against a publication date, ignoring any year the
/// text wrote beside it (so a rule can compare the two).
pub(crate) fn resolve_one(d: &DateMention, rel: Relative, p: DateValue) -> Option<DateValue> {
    let w = d.written;
    match rel {
        Relative::Days(n) => {
            let (y, m, day) = add_days(p.year?, p.month?, p.day?, n as i64)?;
            Some(DateValue::ymd(y, m, day))
        }
        Relative::Weekday(direction) => {
            let target = d.weekday? as i64;
            let (py, pm, pd) = p.full()?;
            let today = weekday(py, pm, pd)? as i64;
            let back = (today - target).rem_euclid(7);
            let offset = match direction {
                // «الخميس» alone: the latest Thursday on or before publication.
                0 => -back,
                // «الخميس الماضي»: strictly before.
                d if d < 0 => -(if back == 0 { 7 } else { back }),
                // «الخميس المقبل»: strictly after.
                _ => match (target - today).rem_euclid(7) {
                    0 => 7,
                    ahead => ahead,
                },
            };
            let (y, m, day) = add_days(py, pm, pd, offset)?;
            Some(DateValue::ymd(y, m, day))
        }
        // «نوفمبر من السنة الماضية»: the written month in the year counted.
        Relative::Period(PeriodUnit::Year, n) => {
            let v = DateValue { year: Some(p.year? + n), month: w.month, day: w.month.and(w.day), week: None };
            valid(v)
        }
        // «11 من الشهر الجاري»: the written day in the month counted.
        Relative::Period(PeriodUnit::Month, n) => {
            let index = p.year? * 12 + (p.month? as i32 - 1) + n;
            let v = DateValue { day: w.day, ..DateValue::ym(index.div_euclid(12), (index.rem_euclid(12) + 1) as u8) };
            valid(v)
        }
        Relative::Period(PeriodUnit::Week, n) => {
            let (y, m, day) = add_days(p.year?, p.month?, p.day?, 7 * n as i64)?;
            let (wy, week) = iso_week(y, m, day)?;
            Some(DateValue { year: Some(wy), week: Some(week), ..Default::default() })
        }
        Relative::Ago(unit, n) => {
            let n = n as i64;
            match unit {
                DurationUnit::Day | DurationUnit::Week => {
                    let days = if unit == DurationUnit::Week { 7 * n } else { n };
                    let (y, m, day) = add_days(p.year?, p.month?, p.day?, -days)?;
                    Some(DateValue::ymd(y, m, day))
                }
                DurationUnit::Month => {
                    let index = (p.year? * 12 + (p.month? as i32 - 1)) as i64 - n;
                    Some(DateValue::ym(index.div_euclid(12) as i32, (index.rem_euclid(12) + 1) as u8))
                }
                DurationUnit::Year => Some(DateValue::y(p.year? - n as i32)),
                DurationUnit::Hour | DurationUnit::Minute | DurationUnit::Second => None,
            }
        }
        Relative::Recurring(direction) => recurring(d, direction, p),
        // Counted from the text's last date, not from publication.
        Relative::Same(_) => None,
        Relative::NamedMonth(direction) => {
            let month = w.month?;
            let year = match direction {
                0 => p.year?,
                d if d < 0 => {
                    let pm = p.month?;
                    if month < pm {
                        p.year?
                    } else if month > pm {
                        p.year? - 1
                    } else {
                        // The publication month itself: this year's only if the day has passed.
                        if w.day? < p.day? { p.year? } else { p.year? - 1 }
                    }
                }
                _ => {
                    let pm = p.month?;
                    if month > pm {
                        p.year?
                    } else if month < pm {
                        p.year? + 1
                    } else if w.day? > p.day? {
                        p.year?
                    } else {
                        p.year? + 1
                    }
                }
            };
            let v = DateValue { year: Some(year), ..w };
            match v.full() {
                Some((y, m, day)) if !crate::calendar::is_valid(y, m, day) => None,
                _ => Some(v),
            }
        }
    }
}

/// A written date that does not exist («30 من الشهر الماضي» in February) has no value.
fn valid(v: DateValue) -> Option<DateValue> {
    match v.full() {
        Some((y, m, d)) if !crate::calendar::is_valid(y, m, d) => None,
        _ => Some(v),
    }
}

/// The day of a Hijri month that stands for its part: the 1st, the 15th for its middle, the
/// 29th (every Hijri month has one) for its end.
pub(crate) fn hijri_day_of(part: Option<crate::lexicon::Part>) -> u8 {
    match part {
        Some(crate::lexicon::Part::Mid) => 15,
        Some(crate::lexicon::Part::End) => 29,
        _ => 1,
    }
}

/// A holiday or Hijri month named without a year: the occurrence nearest the publication date
/// (direction 0), the last one before it (−1) or the next one after it (+1). Against a
/// publication year alone, direction 0 gives that year's first occurrence.
fn recurring(d: &DateMention, direction: i32, p: DateValue) -> Option<DateValue> {
    let (month, day) = (d.written.month?, d.written.day);
    let occurrence = |year: i32| -> Option<(i32, u8, u8)> {
        match d.calendar {
            Calendar::Gregorian => {
                let day = day.unwrap_or(1);
                crate::calendar::is_valid(year, month, day).then_some((year, month, day))
            }
            // «نهاية شهر ربيع الأول»: the end of a Hijri month falls in the Gregorian month
            // it ends in, not the one it begins in.
            Calendar::Hijri => hijri_to_gregorian(year, month, day.unwrap_or(hijri_day_of(d.part))).ok(),
        }
    };
    let at_precision = |(y, m, dd): (i32, u8, u8)| match day {
        Some(_) => DateValue::ymd(y, m, dd),
        None => DateValue::ym(y, m),
    };
    let Some(today) = p.full() else {
        // Only the publication year: the occurrence that falls in it.
        if direction != 0 {
            return None;
        }
        let year = p.year?;
        let years = match d.calendar {
            Calendar::Gregorian => year..=year,
            Calendar::Hijri => {
                let hy = super::date::hijri_year_in(year, month, day.unwrap_or(1))?;
                hy..=hy
            }
        };
        return years.filter_map(occurrence).next().map(at_precision);
    };
    let own_year = match d.calendar {
        Calendar::Gregorian => today.0,
        Calendar::Hijri => gregorian_to_hijri(today.0, today.1, today.2)?.0,
    };
    let candidates: Vec<((i32, u8, u8), i64)> = (own_year - 1..=own_year + 1)
        .filter_map(occurrence)
        .filter_map(|g| Some((g, days_between(today, g)?)))
        .collect();
    let pick = match direction {
        0 => candidates.iter().min_by_key(|(_, gap)| gap.abs()),
        d if d < 0 => candidates.iter().filter(|(_, gap)| *gap < 0).max_by_key(|(_, gap)| *gap),
        _ => candidates.iter().filter(|(_, gap)| *gap > 0).min_by_key(|(_, gap)| *gap),
    }?;
    Some(at_precision(pick.0))
}

fn dates(mentions: &[Mention]) -> impl Iterator<Item = &DateMention> {
    mentions.iter().filter_map(|m| match &m.kind {
        MentionKind::Date(d) => Some(d),
        _ => None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::extract;

    fn values(text: &str, published: &str) -> Vec<String> {
        let mut ms = extract(text);
        resolve(text, &mut ms, DateValue::parse(published));
        dates(&ms).map(|d| d.value.map_or("null".to_string(), |v| v.to_string())).collect()
    }

    #[test]
    fn relative_days_and_weekdays() {
        // 9 December 2021 was a Thursday.
        assert_eq!(values("قال أمس", "2021-12-09"), ["2021-12-08"]);
        assert_eq!(values("ظهر اليوم (الخميس)", "2021-12-09"), ["2021-12-09"]);
        assert_eq!(values("قالت الحكومة، الأحد، إن", "2021-12-09"), ["2021-12-05"]);
        assert_eq!(values("الخميس الماضي", "2021-12-09"), ["2021-12-02"]);
        assert_eq!(values("الخميس المقبل", "2021-12-09"), ["2021-12-16"]);
        assert_eq!(values("الجمعة المقبل", "2021-12-09"), ["2021-12-10"]);
    }

    #[test]
    fn relative_periods_and_months() {
        assert_eq!(values("العام الماضي", "2021-12-09"), ["2020"]);
        assert_eq!(values("الشهر الماضي", "2021-01-09"), ["2020-12"]);
        assert_eq!(values("الأسبوع المقبل", "2021-12-09"), ["2021-W50"]);
        assert_eq!(values("26 جويلية الماضي", "2021-12-09"), ["2021-07-26"]);
        assert_eq!(values("مطلع أكتوبر الماضي", "2021-03-01"), ["2020-10"]);
        assert_eq!(values("31 ديسمبر الجاري", "2021-12-09"), ["2021-12-31"]);
        assert_eq!(values("31 كانون الأول المقبل", "2021-07-27"), ["2021-12-31"]);
        assert_eq!(values("أمس", "2021"), ["null"]);
        assert_eq!(values("26 جويلية الماضي", "2021"), ["null"]);
    }

    #[test]
    fn the_current_hijri_year_without_its_era() {
        // 1446 AH began on 7 July 2024; published in March 2025, «عام 1446» is that year.
        assert_eq!(values("أعلنت خطة موسم الحج لعام 1446", "2025-03-10"), ["2024"]);
        assert_eq!(values("ميزانية العام ١٤٤٧", "2025-03-10"), ["2025"]);
        // Written Gregorian, or a year far from the Hijri one of publication: as written.
        assert_eq!(values("بني عام 1446 م", "2025-03-10"), ["1446"]);
        assert_eq!(values("سقطت القسطنطينية عام 1453", "2025-03-10"), ["1453"]);
        assert_eq!(values("عام 1446", "1990-01-01"), ["1446"]);
        assert_eq!(values("عام 1446", ""), ["1446"]);
    }

    #[test]
    fn the_same_period_is_the_last_dates() {
        // The month or year of the date written last before it, not of publication.
        assert_eq!(
            values("التقطت الصورة يوم 12 تموز 2019، وبدأ الهجوم في الثالث من الشهر ذاته", "2020-02-01"),
            ["2019-07-12", "2019-07-03"]
        );
        assert_eq!(values("وصل في آذار 2014 ثم غادر في أيار من العام نفسه", "2020-02-01"), ["2014-03", "2014-05"]);
        assert_eq!(values("وقع الانفجار أمس، وفي العشرين من الشهر ذاته", "2021-12-09"), ["2021-12-08", "2021-12-20"]);
        assert_eq!(values("في 9 من السنة نفسها", "2021-12-09"), ["null"]);
        // Nothing to take it from.
        assert_eq!(values("في السادس من الشهر ذاته", "2021-12-09"), ["null"]);
        // The written day must exist in that month.
        assert_eq!(values("في 2 شباط 2021 ثم في الثلاثين من الشهر نفسه", "2022-01-01"), ["2021-02-02", "null"]);
    }

    #[test]
    fn the_same_period_keeps_its_span() {
        let text = "يوم 5 أيار 2017، ثم في السادس من الشهر ذاته بدأت";
        let mut ms = extract(text);
        resolve(text, &mut ms, None);
        let spans: Vec<&str> = ms
            .iter()
            .filter(|m| matches!(m.kind, MentionKind::Date(_)))
            .map(|m| &text[m.span.start..m.span.end])
            .collect();
        assert_eq!(spans, ["يوم 5 أيار 2017", "السادس من الشهر ذاته"]);
    }

    #[test]
    fn infers_only_what_the_text_states() {
        let ms = extract("بحلول نهاية العام الجاري 2021 وفي ديسمبر الجاري");
        assert_eq!(infer_published(&ms), Some(DateValue::ym(2021, 12)));
        let ms = extract("اليوم الخميس 9 ديسمبر 2021");
        assert_eq!(infer_published(&ms), Some(DateValue::ymd(2021, 12, 9)));
        assert_eq!(infer_published(&extract("العام الجاري 2021 ثم العام الجاري 2022")), None);
        assert_eq!(infer_published(&extract("31 ديسمبر الجاري")), None);
    }
}
