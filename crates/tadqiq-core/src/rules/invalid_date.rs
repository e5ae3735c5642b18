//! `invalid-date`: a date that does not exist.

use super::{Finding, Rule, Scope, Severity, quote};
use crate::calendar::{DateValue, days_in_month};
use crate::extract::{MentionKind, Span};
use crate::lexicon::{Calendar, LEXICON};
use crate::messages::msg;
use crate::workspace::Workspace;

pub const RULE: Rule = Rule { code: "invalid-date", default: Severity::Error, check };

fn check(ws: &Workspace, scope: Scope, out: &mut Vec<Finding>) {
    for (path, doc) in scope.docs(ws) {
        for (_, m) in doc.analysis.prose() {
            let MentionKind::Date(d) = &m.kind else { continue };
            let mut flag = |span: Span, calendar: Calendar, written: DateValue| {
                let message = msg(
                    "rule.invalid-date.message",
                    &[("quote", &quote(doc, span)), ("reason", &reason(calendar, written))],
                );
                out.push(Finding::of(&RULE, path, span, message, vec![]));
            };
            if d.invalid {
                flag(m.span, d.calendar, d.written);
            }
            if let Some(p) = d.paired.as_ref().filter(|p| p.invalid) {
                flag(p.span, p.calendar, p.written);
            }
        }
    }
}

/// Why a written date does not exist, in a reader's words.
fn reason(calendar: Calendar, w: DateValue) -> String {
    let month = w.month.unwrap_or(0);
    if !(1..=12).contains(&month) {
        return msg("rule.invalid-date.no-month", &[("month", &month.to_string())]);
    }
    match calendar {
        Calendar::Gregorian => {
            let name = crate::messages::month(month);
            match w.year {
                Some(y) => msg(
                    "rule.invalid-date.month-days",
                    &[("month", &name), ("year", &y.to_string()), ("days", &days_in_month(Some(y), month).to_string())],
                ),
                None => msg(
                    "rule.invalid-date.month-max",
                    &[("month", &name), ("days", &days_in_month(None, month).to_string())],
                ),
            }
        }
        Calendar::Hijri => {
            let name = LEXICON.hijri_months.iter().find(|m| m.1 == month).map_or("", |m| m.0.as_str());
            match w.year {
                Some(y) => msg("rule.invalid-date.hijri-year", &[("month", name), ("year", &y.to_string())]),
                None => msg("rule.invalid-date.hijri-max", &[("days", &w.day.unwrap_or(0).to_string())]),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::test_support::run;
    use super::*;

    #[test]
    fn days_past_the_month() {
        assert_eq!(
            run(&RULE, &[("a", "أعلنت الوزارة في 30 فبراير 2021 عن خطة", None)]),
            ["a «30 فبراير 2021» does not exist: February 2021 has 28 days."]
        );
        assert_eq!(
            run(&RULE, &[("a", "في 31 نيسان وقع", None)]),
            ["a «31 نيسان» does not exist: April never has more than 30 days."]
        );
        assert_eq!(
            run(&RULE, &[("a", "في 29 شباط 2021", None)]),
            ["a «29 شباط 2021» does not exist: February 2021 has 28 days."]
        );
        assert_eq!(
            run(&RULE, &[("a", "بتاريخ 12/13/2021", None)]),
            ["a «12/13/2021» does not exist: there is no month 13."]
        );
        assert_eq!(
            run(&RULE, &[("a", "في 30 شوال 1442 هـ", None)]),
            ["a «30 شوال 1442 هـ» does not exist: شوال 1442 had 29 days (Umm al-Qura)."]
        );
    }

    #[test]
    fn real_dates_pass() {
        assert!(run(&RULE, &[("a", "في 29 شباط 2020 و31 ديسمبر 2021 و30 رمضان 1442 هـ", None)]).is_empty());
    }
}
