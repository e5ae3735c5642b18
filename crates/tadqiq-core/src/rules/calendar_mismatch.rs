//! `calendar-mismatch`: the two forms of a paired date disagree.

use super::{Finding, Related, Rule, Scope, Severity, quote};
use crate::calendar::{DateValue, days_between};
use crate::extract::MentionKind;
use crate::lexicon::Calendar;
use crate::messages::{date, month_number, msg};
use crate::workspace::Workspace;

pub const RULE: Rule = Rule { code: "calendar-mismatch", default: Severity::Error, check };

fn check(ws: &Workspace, scope: Scope, out: &mut Vec<Finding>) {
    for (path, doc) in scope.docs(ws) {
        for (_, m) in doc.analysis.prose() {
            let MentionKind::Date(d) = &m.kind else { continue };
            let Some(p) = &d.paired else { continue };
            let message = match (d.calendar, p.calendar) {
                (Calendar::Gregorian, Calendar::Gregorian) => {
                    let (Some(a), Some(b)) = (d.written.month, p.written.month) else { continue };
                    if a == b || !(1..=12).contains(&a) || !(1..=12).contains(&b) {
                        continue;
                    }
                    let first = d.month_span.map(|s| quote(doc, s)).unwrap_or_default();
                    msg(
                        "rule.calendar-mismatch.months",
                        &[
                            ("quote", &quote(doc, m.span)),
                            ("first", &first),
                            ("a", &month_number(a)),
                            ("second", &quote(doc, p.span)),
                            ("b", &month_number(b)),
                        ],
                    )
                }
                _ => {
                    let (Some(a), Some(b)) = (d.value.and_then(|v| v.full()), p.value.and_then(|v| v.full())) else {
                        continue;
                    };
                    let Some(days) = days_between(a, b) else { continue };
                    if days.abs() <= 1 {
                        continue;
                    }
                    let (hijri, stated) = if d.calendar == Calendar::Hijri { (a, b) } else { (b, a) };
                    let day = |(y, m, d): (i32, u8, u8)| {
                        date(&DateValue { year: Some(y), month: Some(m), day: Some(d), week: None })
                    };
                    let when = if (d.calendar == Calendar::Hijri) == (days > 0) { "later" } else { "earlier" };
                    msg(
                        "rule.calendar-mismatch.hijri",
                        &[
                            ("quote", &quote(doc, m.span)),
                            ("hijri", &day(hijri)),
                            ("stated", &day(stated)),
                            ("days", &msg("count.days", &[("n", &days.abs().to_string())])),
                            ("when", &msg(&format!("rule.calendar-mismatch.{when}"), &[])),
                        ],
                    )
                }
            };
            let related = vec![Related::new(path, p.span, msg("rule.calendar-mismatch.related", &[]))];
            out.push(Finding::of(&RULE, path, m.span, message, related));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::test_support::run;
    use super::*;

    #[test]
    fn month_pairs_that_disagree() {
        assert_eq!(
            run(&RULE, &[("a", "في 26 تموز (يونيو) اتفق الطرفان", None)]),
            ["a «26 تموز (يونيو)» pairs two different months: تموز is July, يونيو is June."]
        );
        assert_eq!(
            run(&RULE, &[("a", "منذ ديسمبر/كانون الثاني 2021", None)]),
            ["a «ديسمبر/كانون الثاني 2021» pairs two different months: ديسمبر is December, كانون الثاني is January."]
        );
    }

    #[test]
    fn hijri_and_its_stated_equivalent() {
        assert_eq!(
            run(&RULE, &[("a", "15 رمضان 1442 هـ (27 مايو 2021)", None)]),
            [
                "a «15 رمضان 1442 هـ (27 مايو 2021)»: the Hijri date is 2021-04-27 (Umm al-Qura), but the stated equivalent is 2021-05-27, 30 days later."
            ]
        );
        // A day's difference is moon sighting, not an error.
        assert!(run(&RULE, &[("a", "15 رمضان 1442 هـ الموافق 28 أبريل 2021 م", None)]).is_empty());
        // After a Gregorian month written with its other name, the equivalent is still checked.
        assert_eq!(
            run(&RULE, &[("a", "وصلت القافلة يوم 16 مارس/آذار 2025 الموافق 19 رمضان 1446 هـ إلى المدينة", None)]),
            [
                "a «يوم 16 مارس/آذار 2025 الموافق 19 رمضان 1446 هـ»: the Hijri date is 2025-03-19 (Umm al-Qura), but the stated equivalent is 2025-03-16, 3 days earlier."
            ]
        );
        assert!(run(&RULE, &[("a", "يوم 16 آذار (مارس) 2025 الموافق 16 رمضان 1446 هـ", None)]).is_empty());
    }

    #[test]
    fn agreeing_pairs_pass() {
        assert!(
            run(&RULE, &[("a", "في 26 تموز (يوليو) و7 أكتوبر/تشرين الأول 2023 وكانون الأول / ديسمبر", None)]).is_empty()
        );
    }
}
