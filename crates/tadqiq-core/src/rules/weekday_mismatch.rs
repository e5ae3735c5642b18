//! `weekday-mismatch`: a weekday named with a date it does not fall on.

use super::{Finding, Rule, Scope, Severity, quote};
use crate::calendar::{DateValue, weekday as weekday_of};
use crate::extract::{MentionKind, Relative};
use crate::messages::{msg, weekday};
use crate::workspace::Workspace;

pub const RULE: Rule = Rule { code: "weekday-mismatch", default: Severity::Warning, check };

fn check(ws: &Workspace, scope: Scope, out: &mut Vec<Finding>) {
    for (path, doc) in scope.docs(ws) {
        for (_, m) in doc.analysis.prose() {
            let MentionKind::Date(d) = &m.kind else { continue };
            let Some(named) = d.weekday else { continue };
            // Only a written date: a lone or deictic weekday is resolved from it.
            if matches!(d.relative, Some(Relative::Weekday(_))) || d.written.day.is_none() {
                continue;
            }
            // A day and month with no year, in an article of a known date: the year that puts it
            // nearest publication, when that is within a month of it («يوم الأحد 6 فبراير» in
            // copy of 7 February 2023 is 6 February 2023, a Monday).
            let published = doc.analysis.published.and_then(|(p, _)| p.full());
            let (full, nearest) = match d.value.and_then(|v| v.full()) {
                Some(full) => (full, None),
                None => match d.value.zip(published).and_then(|(v, p)| crate::calendar::nearest_to(v, p)) {
                    Some(full) => (full, published),
                    None => continue,
                },
            };
            let (y, mo, day) = full;
            let Some(actual) = weekday_of(y, mo, day) else { continue };
            if actual == named {
                continue;
            }
            // A Hijri date a day off the tables (the moon seen where it was written) with its
            // Gregorian equivalent beside it: the weekday is the equivalent's.
            let equivalent = d.paired.as_ref().filter(|p| !p.invalid).and_then(|p| p.value?.full());
            if equivalent.and_then(|(y, mo, day)| weekday_of(y, mo, day)) == Some(named) {
                continue;
            }
            // With none beside it, a Hijri day whose weekday is the next or the previous one:
            // the month began a day off the tables where it was written («الاثنين غرة شوال 1446»
            // in Morocco, the tables' Sunday).
            if d.calendar == crate::lexicon::Calendar::Hijri
                && equivalent.is_none()
                && (named == actual % 7 + 1 || actual == named % 7 + 1)
            {
                continue;
            }
            let date = DateValue { year: Some(y), month: Some(mo), day: Some(day), week: None };
            let key = if nearest.is_some() { "rule.weekday-mismatch.nearest" } else { "rule.weekday-mismatch.message" };
            let published = nearest.map(|(py, pm, pd)| DateValue::ymd(py, pm, pd));
            let message = msg(
                key,
                &[
                    ("quote", &quote(doc, m.span)),
                    ("date", &crate::messages::date(&date)),
                    ("actual", &weekday(actual)),
                    ("named", &weekday(named)),
                    ("published", &published.map(|p| crate::messages::date(&p)).unwrap_or_default()),
                ],
            );
            out.push(Finding::of(&RULE, path, m.span, message, vec![]));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::test_support::run;
    use super::*;

    #[test]
    fn wrong_weekday() {
        assert_eq!(
            run(&RULE, &[("a", "أعلن الجيش الخميس 10 ديسمبر 2021 انتهاء مهمته", None)]),
            ["a «الخميس 10 ديسمبر 2021»: 2021-12-10 was a Friday (الجمعة), not a Thursday (الخميس)."]
        );
        assert_eq!(
            run(&RULE, &[("a", "يوم الأحد، 5 يناير 2021", None)]),
            ["a «يوم الأحد، 5 يناير 2021»: 2021-01-05 was a Tuesday (الثلاثاء), not a Sunday (الأحد)."]
        );
    }

    #[test]
    fn a_weekday_with_its_date_in_brackets() {
        assert_eq!(
            run(&RULE, &[("a", "وقع الهجوم الأربعاء (5 ديسمبر 2024) في الحي", None)]),
            ["a «الأربعاء (5 ديسمبر 2024)»: 2024-12-05 was a Thursday (الخميس), not a Wednesday (الأربعاء)."]
        );
    }

    #[test]
    fn a_hijri_date_a_day_off_the_tables_takes_its_equivalent_s_weekday() {
        // 16 Ramadan 1444 is 7 April 2023 by Umm al-Qura, a Friday; written beside 6 April, a
        // Thursday, as where the month began a day later.
        let paired = "أعلنت الوزارة الخميس 16 رمضان 1444 هـ الموافق 6 أبريل 2023 بدء التوزيع";
        assert!(run(&RULE, &[("a", paired, None)]).is_empty());
        // A weekday that fits neither is still wrong.
        let wrong = "أعلنت الوزارة الأحد 16 رمضان 1444 هـ الموافق 6 أبريل 2023 بدء التوزيع";
        assert_eq!(run(&RULE, &[("a", wrong, None)]).len(), 1);
        // Alone, a day either side of the tables': where the moon was seen a day later or earlier.
        assert!(run(&RULE, &[("a", "وصلى المغاربة العيد يوم السبت 16 رمضان 1444", None)]).is_empty());
        assert!(run(&RULE, &[("a", "وصلى المغاربة العيد يوم الخميس 16 رمضان 1444", None)]).is_empty());
        assert_eq!(run(&RULE, &[("a", "وصلى المغاربة العيد يوم الأحد 16 رمضان 1444", None)]).len(), 1);
    }

    #[test]
    fn two_weekdays_and_two_dates_pair_in_order() {
        let both = "ويحتفل المغاربة بالعيد يومي الاثنين والثلاثاء 31 مارس و1 أبريل 2025.";
        assert!(run(&RULE, &[("a", both, None)]).is_empty());
    }

    #[test]
    fn a_day_and_month_near_publication_take_its_year() {
        // Published 7 February 2023: «الأحد 6 فبراير» is the day before, a Monday; in copy of
        // 2 January, «الخميس 29 ديسمبر» is the week before, 2022-12-29, a Thursday.
        assert_eq!(
            run(&RULE, &[("a", "وقع الزلزال يوم الأحد 6 فبراير فجرا", Some("2023-02-07"))]),
            ["a «يوم الأحد 6 فبراير»: 2023-02-06, the nearest to publication (2023-02-07), was a Monday \
                 (الاثنين), not a Sunday (الأحد)."]
        );
        assert!(run(&RULE, &[("a", "وقع الحادث الخميس 29 ديسمبر", Some("2023-01-02"))]).is_empty());
        // Months away from publication the year is not guessed.
        assert!(run(&RULE, &[("a", "وقع الزلزال يوم الأحد 6 أغسطس", Some("2023-02-07"))]).is_empty());
    }

    #[test]
    fn right_weekday_and_dates_without_a_year_pass() {
        assert!(run(&RULE, &[("a", "الخميس 9 ديسمبر 2021 والأحد 5 يناير 2020 والخميس 9 ديسمبر", None)]).is_empty());
        assert!(run(&RULE, &[("a", "قالت الحكومة، الأحد، إن", Some("2021-12-09"))]).is_empty());
    }
}
