//! `duration-mismatch`: stated elapsed time that contradicts the dates.

use super::{Finding, Related, Rule, Scope, Severity, quote};
use crate::extract::{Duration, MentionKind, format_number};
use crate::lexicon::{Bound, Calendar, DurationUnit};
use crate::messages::msg;
use crate::text::fold;
use crate::workspace::Workspace;

pub const RULE: Rule = Rule { code: "duration-mismatch", default: Severity::Warning, check };

fn check(ws: &Workspace, scope: Scope, out: &mut Vec<Finding>) {
    super::conflicts::conflicts_of(&RULE, ws, crate::claims::Kind::Durations, scope, out);
    for (path, doc) in scope.docs(ws) {
        let Some(published) = doc.analysis.published.and_then(|p| p.0.year) else { continue };
        let mentions = &doc.analysis.mentions;
        for (k, m) in mentions.iter().enumerate() {
            let MentionKind::Duration(d) = &m.kind else { continue };
            if doc.analysis.in_furniture(m) {
                continue;
            }
            if d.unit != DurationUnit::Year || !counts_to_present(&doc.text, m.span.start, m.span.end) {
                continue;
            }
            let Some(sentence) = crate::claims::keys::sentence_of(&doc.local, m.span) else { continue };
            // The start: the first explicit year after the duration in its sentence.
            let start =
                mentions[k + 1..].iter().take_while(|n| n.span.end <= sentence.end).find_map(|n| match &n.kind {
                    MentionKind::Date(date)
                        if date.relative.is_none()
                            && date.calendar == Calendar::Gregorian
                            && !doc.analysis.in_furniture(n) =>
                    {
                        date.value.and_then(|v| v.year).map(|y| (y, n.span))
                    }
                    _ => None,
                });
            let Some((year, year_span)) = start else { continue };
            let elapsed = published - year;
            if elapsed <= 0 || fits(d, elapsed as f64) {
                continue;
            }
            let message = msg(
                "rule.duration-mismatch.message",
                &[
                    ("quote", &quote(doc, m.span)),
                    ("stated", &describe(d)),
                    ("year", &year.to_string()),
                    ("published", &published.to_string()),
                    ("elapsed", &msg("count.years", &[("n", &elapsed.to_string())])),
                ],
            );
            let related = vec![Related::new(
                path,
                year_span,
                msg("rule.duration-mismatch.related", &[("year", &year.to_string())]),
            )];
            out.push(Finding::of(&RULE, path, m.span, message, related));
        }
    }
}

/// Whether a duration is counted up to the present: «منذ» before it, or «من» after it
/// («18 عاما من الغزو»، «بعد عقود من الغزو»).
fn counts_to_present(text: &str, start: usize, end: usize) -> bool {
    let before = fold(text[..start].split_whitespace().next_back().unwrap_or(""));
    let after = fold(text[end..].split_whitespace().next().unwrap_or(""));
    before.trim_start_matches('و') == "منذ" || after == "من"
}

/// Whether `elapsed` years fit what the text says, with a year of slack for the months.
fn fits(d: &Duration, elapsed: f64) -> bool {
    let n = d.amount;
    match d.bound {
        Bound::Exact => (elapsed - n).abs() <= 1.0,
        Bound::About => (elapsed - n).abs() <= (n * 0.1).max(1.0),
        Bound::Above | Bound::AtLeast => elapsed + 1.0 >= n,
        Bound::Below | Bound::AtMost => elapsed - 1.0 <= n,
    }
}

fn describe(d: &Duration) -> String {
    crate::claims::said::show_amount(&msg("count.years", &[("n", &format_number(d.amount))]), d.bound)
}

#[cfg(test)]
mod tests {
    use super::super::test_support::run;
    use super::*;

    #[test]
    fn years_since_a_dated_start() {
        assert_eq!(
            run(&RULE, &[("a", "18 عاما من الغزو الأمريكي للعراق عام 2003 انتهت بالانسحاب", Some("2025-03-01"))]),
            ["a «18 عاما» (18 years): from 2003 to this article's 2025 is 22 years."]
        );
        assert!(run(&RULE, &[("a", "18 عاما من الغزو الأمريكي للعراق عام 2003", Some("2021-03-01"))]).is_empty());
        assert!(run(&RULE, &[("a", "منذ 18 عاما، أي منذ عام 2003", Some("2022-03-01"))]).is_empty());
    }

    #[test]
    fn decades_are_at_least_twenty_years() {
        assert_eq!(
            run(&RULE, &[("a", "ويأتي الانسحاب بعد عقود من الغزو الأمريكي للعراق عام 2003.", Some("2021-12-01"))]),
            ["a «عقود» (at least 20 years): from 2003 to this article's 2021 is 18 years."]
        );
        assert!(run(&RULE, &[("a", "بعد عقود من الغزو الأمريكي للعراق عام 1990.", Some("2021-12-01"))]).is_empty());
    }

    #[test]
    fn durations_between_two_past_dates_are_not_counted_to_the_present() {
        // «بعد ثلاث سنوات» of 2011 is 2014, not three years before publication.
        assert!(
            run(&RULE, &[("a", "انسحبت عام 2011 ثم عادت بعد ثلاث سنوات عندما سيطر التنظيم", Some("2021-12-01"))])
                .is_empty()
        );
        assert!(run(&RULE, &[("a", "18 عاما من الغزو", None)]).is_empty());
    }
}
