//! `invalid-date`: a date that does not exist.

use super::{Finding, Rule, Scope, Severity, quote};
use crate::calendar::{DateValue, days_in_month};
use crate::extract::{MentionKind, Span};
use crate::lexicon::{Calendar, LEXICON};
use crate::workspace::Workspace;

pub const RULE: Rule = Rule {
    code: "invalid-date",
    default: Severity::Error,
    summary: "a date that does not exist (30 فبراير، 31 نيسان، month 13)",
    explain: "\
invalid-date (default: error)

Flags a date that no calendar has: a day past the end of its month (30 فبراير، 31 نيسان،
29 شباط 2021), a thirteenth month in a numeric date (12/13/2021), or a Hijri day 30 in a
month that had 29 days (Umm al-Qura tables). Both forms of a paired date are checked.

Example:
    أعلنت الوزارة في 30 فبراير 2021 عن …
    → «30 فبراير 2021» does not exist: February 2021 has 28 days.",
    check,
};

fn check(ws: &Workspace, scope: Scope, out: &mut Vec<Finding>) {
    for (path, doc) in ws.docs().filter(|(p, _)| scope.includes(p)) {
        for (_, m) in doc.analysis.prose() {
            let MentionKind::Date(d) = &m.kind else { continue };
            let mut flag = |span: Span, calendar: Calendar, written: DateValue| {
                let message = format!("«{}» does not exist: {}.", quote(doc, span), reason(calendar, written));
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
        return format!("there is no month {month}");
    }
    match calendar {
        Calendar::Gregorian => {
            let name = crate::calendar::MONTH_NAMES[month as usize - 1];
            match w.year {
                Some(y) => format!("{name} {y} has {} days", days_in_month(Some(y), month)),
                None => format!("{name} never has more than {} days", days_in_month(None, month)),
            }
        }
        Calendar::Hijri => {
            let name = LEXICON.hijri_months.iter().find(|m| m.1 == month).map_or("", |m| m.0.as_str());
            match w.year {
                Some(y) => format!("{name} {y} had 29 days (Umm al-Qura)"),
                None => format!("no Hijri month has {} days", w.day.unwrap_or(0)),
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
