//! `duration-mismatch`: stated elapsed time that contradicts the dates.

use super::{Finding, Related, Rule, Scope, Severity, quote};
use crate::extract::{Duration, MentionKind, format_number};
use crate::lexicon::{Bound, Calendar, DurationUnit};
use crate::text::fold;
use crate::workspace::Workspace;

pub const RULE: Rule = Rule {
    code: "duration-mismatch",
    default: Severity::Warning,
    summary: "stated elapsed time that contradicts the dates («18 عاما من الغزو» in an article of 2025) or another source",
    explain: "\
duration-mismatch (default: warning)

Flags an elapsed time counted up to the article's present («منذ 18 عاما»، «18 عاما من الغزو»،
«بعد عقود من الغزو») when the sentence dates its start («عام 2003») and the years between
that start and the publication date do not fit. A year of slack allows for the months no
one wrote; «عقود» means at least two decades.

Across the sources of one story, it compares how long the same siege, war or battle has
lasted: «الحصار المفروض منذ 3 سنوات» against «منذ أكثر من أربع سنوات», or against its start
year («منذ 2012») given the publication date; «استمرت/دامت أربعة أشهر» and «بعد أربعة أشهر من
القتال» too. «3 سنوات» reads as two and a half to four years; two lengths must overlap by more
than a quarter of their unit.

Example (an article published in 2025):
    18 عاما من الغزو الأمريكي للعراق عام 2003
    → «18 عاما»: from 2003 to 2025 is 22 years, not 18.",
    check,
};

fn check(ws: &Workspace, scope: Scope, out: &mut Vec<Finding>) {
    super::conflicts::conflicts(&RULE, ws, &crate::claims::claims(ws, crate::claims::Kind::Durations), scope, out);
    for (path, doc) in ws.docs().filter(|(p, _)| scope.includes(p)) {
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
            let message = format!(
                "«{}» ({}): from {year} to this article's {published} is {elapsed} years.",
                quote(doc, m.span),
                describe(d)
            );
            let related = vec![Related { path: path.into(), span: year_span, message: format!("the start: {year}") }];
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
    let n = format_number(d.amount);
    match d.bound {
        Bound::Exact => format!("{n} years"),
        Bound::About => format!("about {n} years"),
        Bound::Above => format!("more than {n} years"),
        Bound::AtLeast => format!("at least {n} years"),
        Bound::Below => format!("less than {n} years"),
        Bound::AtMost => format!("at most {n} years"),
    }
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
