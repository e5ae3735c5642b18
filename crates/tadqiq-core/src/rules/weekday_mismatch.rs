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
            let Some((y, mo, day)) = d.value.and_then(|v| v.full()) else { continue };
            let Some(actual) = weekday_of(y, mo, day) else { continue };
            if actual == named {
                continue;
            }
            let date = DateValue { year: Some(y), month: Some(mo), day: Some(day), week: None };
            let message = msg(
                "rule.weekday-mismatch.message",
                &[
                    ("quote", &quote(doc, m.span)),
                    ("date", &crate::messages::date(&date)),
                    ("actual", &weekday(actual)),
                    ("named", &weekday(named)),
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
    fn right_weekday_and_dates_without_a_year_pass() {
        assert!(run(&RULE, &[("a", "الخميس 9 ديسمبر 2021 والأحد 5 يناير 2020 والخميس 9 ديسمبر", None)]).is_empty());
        assert!(run(&RULE, &[("a", "قالت الحكومة، الأحد، إن", Some("2021-12-09"))]).is_empty());
    }
}
