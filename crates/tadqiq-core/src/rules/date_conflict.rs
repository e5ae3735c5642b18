//! `date-conflict`: another source dates the same event differently.

use super::conflicts::conflicts;
use super::{Finding, Rule, Scope, Severity};
use crate::claims::{Kind, claims};
use crate::workspace::Workspace;

pub const RULE: Rule = Rule {
    code: "date-conflict",
    default: Severity::Warning,
    summary: "the same event dated differently by another source",
    explain: "\
date-conflict (default: warning)

Compares the dates the sources give for the same event. Within one story (by default the
sources of one folder), a date dates the event word of its clause when that event happens at
one time (data/incidents.tsv: a blast, a launch, a founding, a vote, the killing of a named
person; not strikes, battles or sieges that run over days): «أطلق الحوثيون صاروخا على
الرياض يوم الثلاثاء». Two dates of one event are compared when they share a subject (a place,
a person or a body, or two weaker ones such as a country and the thing launched). A weekday
agrees with the date of that day («الثلاثاء» with «19 ديسمبر 2017»); «أبريل الماضي» is
compared by its month while the publication date is unknown. Page stamps («الأحد 16 نيسان
2017 الساعة 10:53») date the page, not an event, and are left out.

Across stories, two dates are compared when the same entity stands next to both («مجلس
النواب العراقي في …», «البرلمان أعلن يوم …») and their sentences share another named entity
(not a country) or an event word («تصويت»، «انسحاب»). Dates are compared at the precision
both give: «كانون الثاني 2020» agrees with «5 يناير 2020». A date is flagged when at least as
many other sources disagree with it as agree; related locations point at each disagreeing
source, and the message says what was compared.

Example:
    a.txt: صوّت مجلس النواب العراقي في 5 يناير 2020 بعد مقتل قاسم سليماني
    b.txt: صوّت مجلس النواب العراقي في 5 جانفي 2020 عقب اغتيال سليماني
    c.txt: مجلس النواب العراقي في كانون الثاني 1998، عقب اغتيال سليماني
    → c.txt «كانون الثاني 1998» (1998-01) disagrees with 2 other sources: 2020-01-05 in a.txt
      and b.txt. Compared: the date beside «مجلس النواب العراقي», with the vote in both
      sentences.",
    check,
};

fn check(ws: &Workspace, scope: Scope, out: &mut Vec<Finding>) {
    conflicts(&RULE, ws, &claims(ws, Kind::Dates), scope, out);
}

#[cfg(test)]
mod tests {
    use super::super::test_support::run;
    use super::*;

    const A: &str = "وصوّت مجلس النواب العراقي في 5 يناير 2020 على إنهاء وجود القوات الأجنبية بعد مقتل قاسم سليماني.";
    const B: &str = "وكان مجلس النواب العراقي قد صوت في 5 جانفي 2020 على القرار إثر اغتيال قاسم سليماني.";
    const C: &str = "مجلس النواب العراقي في كانون الثاني 1998، عقب اغتيال قاسم سليماني، صوت على القرار.";

    #[test]
    fn the_minority_date_is_flagged_with_the_others_related() {
        assert_eq!(
            run(&RULE, &[("a.txt", A, None), ("b.txt", B, None), ("c.txt", C, None)]),
            ["c.txt «كانون الثاني 1998» (1998-01) disagrees with 2 other sources: 2020-01-05 in a.txt and b.txt. \
                 Compared: the date beside «مجلس النواب العراقي», with «قاسم سليماني» in both sentences."]
        );
    }

    #[test]
    fn precision_and_agreement() {
        let month = "وصوت مجلس النواب العراقي في كانون الثاني 2020 عقب اغتيال قاسم سليماني.";
        assert!(run(&RULE, &[("a.txt", A, None), ("b.txt", month, None)]).is_empty());
        // One against one: both are flagged, neither is known to be right.
        assert_eq!(run(&RULE, &[("a.txt", A, None), ("c.txt", C, None)]).len(), 2);
    }

    #[test]
    fn different_events_of_the_same_entity_are_not_compared() {
        // Same parliament, but nothing else in common: two different sessions.
        let other = "وعقد مجلس النواب العراقي في 3 مارس 2021 جلسة لمناقشة الموازنة.";
        assert!(run(&RULE, &[("a.txt", A, None), ("b.txt", other, None)]).is_empty());
        // A shared country is only the setting.
        let x = "دخلت القوات العراق في 5 مارس 2014.";
        let y = "غادرت القوات العراق في 9 يونيو 2019.";
        assert!(run(&RULE, &[("x.txt", x, None), ("y.txt", y, None)]).is_empty());
    }
}
