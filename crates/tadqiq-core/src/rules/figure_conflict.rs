//! `figure-conflict`: another source gives the same quantity a different value.

use super::conflicts::conflicts;
use super::{Finding, Rule, Scope, Severity};
use crate::claims::{Kind, claims};
use crate::workspace::Workspace;

pub const RULE: Rule = Rule {
    code: "figure-conflict",
    default: Severity::Warning,
    summary: "the same quantity given differently by another source",
    explain: "\
figure-conflict (default: warning)

Compares the figures the sources give for the same quantity. What a number measures comes
from its counted noun or from the verb that governs it (data/measures.tsv): «12 قتيلا» and
«قتل 12 شخصا» are both people killed, «وأصيب 40 آخرون» and «45 جريحا» both people injured,
and the killed are never compared with the injured. A count of a group («15 مدنيا») is
checked against the count of all («12 شخصا»): it cannot be the larger. An amount of money is
compared with another of its currency and of the same thing and year (data/amounts.tsv: a
budget, a loan); a percentage with another of the same thing. An age («البالغة من العمر 67
عاما»، «في الستين من عمرها») is the age of the person or kin it follows, and grows by the years
between two publication dates.

Within one story (by default the sources of one folder; tadqiq.toml may name stories), two
figures of one measure are the same quantity when they share a subject: a place («بلدة
الكرامة»، «حلب»), a person or a body an article introduced, whose age it is, or two weaker
subjects together (an incident and a place named after «أهالي» or «حي»…). No year need be
written. They are not the same when their sentences name different places or years. Across
stories, figures are compared only by their counted noun and a written year, with a named
entity that is not a country or a city in both sentences.

Hedges widen a figure: «نحو 3000» is 2700–3300, «أكثر من 3000» anything above; a range
(«بين 2000 و4000») agrees with anything inside it. A toll can rise: a lower count published
earlier, marked as a first count («حصيلة أولية»، «في وقت سابق»), or beside a count marked as
an update («ارتفعت الحصيلة إلى»، «آخر حصيلة») is not a contradiction; a lower count published
later, or a count given as final («الحصيلة النهائية»), is. A figure is flagged when at least
as many other sources disagree with it as agree; the message says what was compared and why
the statements are taken to be one quantity. A headline that no statement of its own body
bears out, and one contradicts, is flagged too.

Example:
    a.txt: قتل 12 شخصا وأصيب 40 آخرون في انفجار سيارة مفخخة في سوق بلدة الكرامة.
    b.txt: أسفر الانفجار الذي هز سوق بلدة الكرامة عن سقوط 12 قتيلا و45 جريحا.
    → a.txt «40 آخرون» (40) disagrees with 1 other source: 45 in b.txt. Compared: injured in
      «بلدة الكرامة». (And b.txt's «45 جريحا» likewise; the 12 killed agree.)",
    check,
};

fn check(ws: &Workspace, scope: Scope, out: &mut Vec<Finding>) {
    conflicts(&RULE, ws, &claims(ws, Kind::Figures), scope, out);
}

#[cfg(test)]
mod tests {
    use super::super::test_support::run;
    use super::*;

    const A: &str = "وفي عام 2014 نشرت واشنطن 3000 جندي لمحاربة تنظيم داعش.";
    const B: &str = "ومنذ 2014 ينتشر نحو 3000 جندي للتحالف ضد داعش.";
    const C: &str = "وفي عام 2014، تم نشر حوالي 5000 جندي في العراق لمحاربة تنظيم داعش.";

    #[test]
    fn the_minority_figure_is_flagged() {
        assert_eq!(
            run(&RULE, &[("a.txt", A, None), ("b.txt", B, None), ("c.txt", C, None)]),
            [
                "c.txt «حوالي 5000 جندي» (about 5000) disagrees with 2 other sources: 3000 in a.txt; about 3000 in b.txt. \
                 Compared: the count of «جندي» in 2014, with «تنظيم الدولة الإسلامية» in both sentences."
            ]
        );
    }

    #[test]
    fn hedges_and_spellings_agree() {
        let d = "وفي عام 2014 أرسلت واشنطن 3,100 جندي لمحاربة داعش.";
        assert!(run(&RULE, &[("b.txt", B, None), ("d.txt", d, None)]).is_empty());
        let x = "في عام 2014 نشرت واشنطن 2500 أميركي ضد داعش.";
        let y = "في عام 2014 نشرت واشنطن 2500 أمريكي ضد داعش.";
        assert!(run(&RULE, &[("x.txt", x, None), ("y.txt", y, None)]).is_empty());
    }

    #[test]
    fn a_range_agrees_with_what_it_contains() {
        let range = "في عام 2014 نشرت واشنطن ما بين 2000 و4000 جندي لمحاربة داعش.";
        assert!(run(&RULE, &[("a.txt", A, None), ("b.txt", B, None), ("r.txt", range, None)]).is_empty());
        let above = "في عام 2014 نشرت واشنطن من 4000 إلى 6000 جندي لمحاربة داعش.";
        assert_eq!(
            run(&RULE, &[("a.txt", A, None), ("b.txt", B, None), ("r.txt", above, None)]),
            [
                "r.txt «من 4000 إلى 6000 جندي» (4000–6000) disagrees with 2 other sources: 3000 in a.txt; about 3000 in b.txt. \
                 Compared: the count of «جندي» in 2014, with «تنظيم الدولة الإسلامية» in both sentences."
            ]
        );
    }

    #[test]
    fn other_years_nouns_and_stories_are_not_compared() {
        let later = "وفي عام 2021 بقي في العراق 2500 جندي لمحاربة داعش.";
        assert!(run(&RULE, &[("a.txt", A, None), ("l.txt", later, None)]).is_empty());
        let bases = "وفي عام 2014 نشرت واشنطن 5000 مستشار لمحاربة داعش.";
        assert!(run(&RULE, &[("a.txt", A, None), ("s.txt", bases, None)]).is_empty());
        let elsewhere = "وفي عام 2014 نشرت فرنسا 5000 جندي في مالي.";
        assert!(run(&RULE, &[("a.txt", A, None), ("e.txt", elsewhere, None)]).is_empty());
    }

    #[test]
    fn a_figure_in_the_first_sentence_has_no_sentence_before() {
        let first = "قتل 1200 شخص، بينهم 300 طفل. وفي عام 2014 نشرت واشنطن 3000 جندي.";
        assert!(run(&RULE, &[("a.txt", first, None), ("b.txt", first, None)]).is_empty());
    }

    #[test]
    fn a_year_in_the_previous_sentence_of_the_paragraph() {
        let p = "دخلت القوات العراق عام 2014 لمحاربة داعش. ونشرت الولايات المتحدة 5000 جندي ضد داعش.";
        assert_eq!(run(&RULE, &[("a.txt", A, None), ("b.txt", B, None), ("p.txt", p, None)]).len(), 1);
    }
}
