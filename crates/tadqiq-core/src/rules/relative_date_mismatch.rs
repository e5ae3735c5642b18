//! `relative-date-mismatch`: a relative expression that contradicts an explicit date or the
//! publication date.

use super::{Finding, Rule, Scope, Severity, quote};
use crate::analysis::PublishedSource;
use crate::calendar::{DateValue, weekday};
use crate::extract::resolve::resolve_one;
use crate::extract::{MentionKind, Relative};
use crate::lexicon::{Calendar, PeriodUnit};
use crate::messages::{date, msg, term, weekday as weekday_words};
use crate::workspace::Workspace;

pub const RULE: Rule = Rule { code: "relative-date-mismatch", default: Severity::Warning, check };

fn check(ws: &Workspace, scope: Scope, out: &mut Vec<Finding>) {
    for (path, doc) in scope.docs(ws) {
        let Some((published, source)) = doc.analysis.published else { continue };
        for (_, m) in doc.analysis.prose() {
            let MentionKind::Date(d) = &m.kind else { continue };
            let Some(rel) = d.relative else { continue };
            let w = d.written;
            let message = match rel {
                // «اليوم الخميس 9 ديسمبر 2021», «أمس الأربعاء 8 ديسمبر»: a written day against
                // the day counted from publication (a dateline the publication date was
                // inferred from cannot contradict itself).
                Relative::Days(n) if w.full().is_some() => {
                    if n == 0 && source == PublishedSource::Inferred {
                        continue;
                    }
                    let Some(stated) = d.value else { continue };
                    let Some(expected) = resolve_one(d, rel, published).filter(|e| e.full().is_some()) else {
                        continue;
                    };
                    if stated.full() == expected.full() {
                        continue;
                    }
                    // «غدا الاثنين فاتح شوال 1446، الموافق 31 مارس 2025»: a Hijri day is the day
                    // its stated equivalent is, or one the tables' day either side (the month
                    // began a day later or earlier where the moon was sighted).
                    if d.calendar == Calendar::Hijri {
                        let equivalent = d.paired.as_ref().and_then(|p| p.value).and_then(|v| v.full());
                        let near = stated
                            .full()
                            .zip(expected.full())
                            .and_then(|(a, b)| crate::calendar::days_between(a, b))
                            .is_some_and(|gap| gap.abs() <= 1);
                        if equivalent == expected.full() || (equivalent.is_none() && near) {
                            continue;
                        }
                    }
                    match n {
                        0 => msg(
                            "rule.relative-date-mismatch.today",
                            &[
                                ("quote", &quote(doc, m.span)),
                                ("stated", &date(&stated)),
                                ("published", &date(&published)),
                                ("source", &term("published", source.as_str())),
                            ],
                        ),
                        _ => msg(
                            "rule.relative-date-mismatch.counted",
                            &[
                                ("quote", &quote(doc, m.span)),
                                ("stated", &date(&stated)),
                                ("published", &date(&published)),
                                ("expected", &date(&expected)),
                            ],
                        ),
                    }
                }
                // «أمس (الأربعاء)»: the weekday of the day counted from publication.
                Relative::Days(n) if d.weekday.is_some() && w.day.is_none() => {
                    let Some(day) = resolve_one(d, rel, published).and_then(|v| v.full()) else { continue };
                    let (Some(actual), Some(named)) = (weekday(day.0, day.1, day.2), d.weekday) else { continue };
                    if actual == named {
                        continue;
                    }
                    let which = match n {
                        0 => "today",
                        -1 => "yesterday",
                        1 => "tomorrow",
                        _ => "other",
                    };
                    let on = DateValue { year: Some(day.0), month: Some(day.1), day: Some(day.2), week: None };
                    msg(
                        "rule.relative-date-mismatch.weekday",
                        &[
                            ("quote", &quote(doc, m.span)),
                            ("published", &date(&published)),
                            ("day", &msg(&format!("rule.relative-date-mismatch.day.{which}"), &[])),
                            ("date", &date(&on)),
                            ("actual", &weekday_words(actual)),
                            ("named", &weekday_words(named)),
                        ],
                    )
                }
                // «العام الماضي 2019»، «ديسمبر الجاري 2020»: a year beside the relative words.
                Relative::Period(..) | Relative::NamedMonth(_) if w.year.is_some() => {
                    let bare = DateValue { year: None, ..w };
                    let mut probe = d.clone();
                    probe.written = bare;
                    let expected = match (d.calendar, rel) {
                        // «لهذه السنة 1446 هـ»: the Hijri year of publication, counted on.
                        (Calendar::Hijri, Relative::Period(PeriodUnit::Year, n)) => {
                            published.full().and(crate::extract::resolve::hijri_year_of(published)).map(|y| y + n)
                        }
                        (Calendar::Hijri, _) => None,
                        _ => resolve_one(&probe, rel, published).and_then(|v| v.year),
                    };
                    let Some(expected) = expected else { continue };
                    if Some(expected) == w.year {
                        continue;
                    }
                    msg(
                        "rule.relative-date-mismatch.year",
                        &[
                            ("quote", &quote(doc, m.span)),
                            ("published", &date(&published)),
                            ("expected", &expected.to_string()),
                            ("year", &w.year.unwrap_or_default().to_string()),
                        ],
                    )
                }
                _ => continue,
            };
            out.push(Finding::of(&RULE, path, m.span, message, vec![]));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::test_support::run;
    use super::*;

    #[test]
    fn a_year_beside_a_relative_period() {
        assert_eq!(
            run(&RULE, &[("a", "وكان العام الماضي 2019 قد شهد", Some("2021-06-01"))]),
            ["a «العام الماضي 2019»: published 2021-06-01, it is 2020, not 2019."]
        );
        assert!(run(&RULE, &[("a", "وكان العام الماضي 2020 قد شهد", Some("2021-06-01"))]).is_empty());
        assert_eq!(
            run(&RULE, &[("a", "بحلول نهاية العام الجاري 2020", Some("2021-06-01"))]),
            ["a «نهاية العام الجاري 2020»: published 2021-06-01, it is 2021, not 2020."]
        );
    }

    #[test]
    fn a_hijri_year_and_day_beside_relative_words() {
        // 30 March 2025 was 30 Ramadan 1446 by Umm al-Qura; Morocco's Eid was on the 31st.
        let text = "أعلنت الوزارة أن عيد الفطر لهذه السنة 1446 هـ سيكون غدا الاثنين فاتح شوال 1446 هـ، \
                    الموافق 31 مارس 2025.";
        assert!(run(&RULE, &[("a", text, Some("2025-03-30"))]).is_empty());
        assert!(run(&RULE, &[("a", "وسيكون غدا الاثنين فاتح شوال 1446 هـ", Some("2025-03-30"))]).is_empty());
        assert_eq!(
            run(&RULE, &[("a", "وكان العام الماضي 1444 هـ قد شهد", Some("2025-03-30"))]),
            ["a «العام الماضي 1444 هـ»: published 2025-03-30, it is 1445, not 1444."]
        );
        // A stated equivalent two days off is a contradiction still.
        let text = "وسيكون غدا الاثنين فاتح شوال 1446 هـ الموافق 2 أبريل 2025";
        assert_eq!(run(&RULE, &[("a", text, Some("2025-03-30"))]).len(), 1);
    }

    #[test]
    fn yesterday_with_the_wrong_weekday() {
        // 9 December 2021 was a Thursday: yesterday was a Wednesday.
        assert_eq!(
            run(&RULE, &[("a", "وقال أمس (الثلاثاء) إن", Some("2021-12-09"))]),
            [
                "a «أمس (الثلاثاء)»: published 2021-12-09, yesterday is 2021-12-08, a Wednesday (الأربعاء), not a Tuesday (الثلاثاء)."
            ]
        );
        assert!(run(&RULE, &[("a", "وقال أمس (الأربعاء) إن", Some("2021-12-09"))]).is_empty());
    }

    #[test]
    fn a_dateline_against_the_given_publication_date() {
        assert_eq!(
            run(&RULE, &[("a", "بغداد - اليوم الخميس 9 ديسمبر 2021", Some("2021-12-10"))]),
            [
                "a «اليوم الخميس 9 ديسمبر 2021» says today is 2021-12-09, but the article is published 2021-12-10 (config)."
            ]
        );
        // Without an outside date the dateline is the publication date itself.
        assert!(run(&RULE, &[("a", "بغداد - اليوم الخميس 9 ديسمبر 2021", None)]).is_empty());
    }

    #[test]
    fn yesterday_against_the_dateline() {
        // The dateline gives today; «أمس» with a written date must be the day before.
        let text = "بغداد - اليوم الخميس 9 ديسمبر 2021\nوكان الوزير قد قال أمس الأربعاء 7 ديسمبر 2021 إن";
        assert_eq!(
            run(&RULE, &[("a", text, None)]),
            [
                "a «أمس الأربعاء 7 ديسمبر 2021» is 2021-12-07, but counted from the publication date 2021-12-09 it is 2021-12-08."
            ]
        );
        let text = "بغداد - اليوم الخميس 9 ديسمبر 2021\nوكان الوزير قد قال أمس الأربعاء 8 ديسمبر 2021 إن";
        assert!(run(&RULE, &[("a", text, None)]).is_empty());
    }

    #[test]
    fn nothing_to_compare_without_a_publication_date() {
        assert!(run(&RULE, &[("a", "وكان العام الماضي 2019 قد شهد", None)]).is_empty());
    }
}
