//! `figure-conflict`: another source gives the same quantity a different value.

use super::claims::{Kind, claims, conflicts};
use super::part_exceeds_whole::interval;
use super::{Finding, Rule, Scope, Severity};
use crate::entities::skeleton;
use crate::extract::{Figure, MentionKind, Span};
use crate::lexicon::Bound;
use crate::text::fold;
use crate::workspace::{Doc, Workspace};

pub const RULE: Rule = Rule {
    code: "figure-conflict",
    default: Severity::Warning,
    summary: "the same quantity given differently by another source",
    explain: "\
figure-conflict (default: warning)

Compares the figures the sources give for the same quantity: the same counted noun
(«جندي»، «قتيلا»), the same year it is about (a year in its sentence, or in the sentence
before it in the paragraph), and a shared event word («نشر»، «قتل») or named entity other
than a country. Hedges widen a figure: «نحو 3000» is 2700–3300, «أكثر من 3000» anything
above; a range («بين 2000 و4000») agrees with anything inside it. A figure is flagged when at
least as many other sources disagree with it as agree.

Example:
    a.txt: في عام 2014 نشرت واشنطن 3000 جندي لمحاربة داعش
    b.txt: منذ 2014 ينتشر نحو 3000 جندي لمحاربة داعش
    c.txt: في عام 2014 تم نشر حوالي 5000 جندي لمحاربة داعش
    → c.txt «حوالي 5000 جندي» (about 5000) disagrees with 2 other sources: 3000 in a.txt and b.txt.",
    check,
};

fn check(ws: &Workspace, scope: Scope, out: &mut Vec<Finding>) {
    conflicts(&RULE, &figure_claims(ws), value, agree, show, scope, out);
}

/// Every counted figure, keyed by its unit and the year it is about.
pub(crate) fn figure_claims(ws: &Workspace) -> Vec<super::claims::Claim<'_>> {
    claims(ws, Kind::Figures)
}

/// A figure's key: its counted noun and the year it is about.
pub(crate) fn figure_key(doc: &Doc, k: usize, sentence: Span) -> Option<String> {
    let MentionKind::Figure(f) = &doc.analysis.mentions[k].kind else { return None };
    let unit = unit_key(f.unit.as_deref()?);
    let year = year_about(doc, sentence)?;
    Some(format!("{unit}@{year}"))
}

pub(crate) fn value(c: &super::claims::Claim) -> Option<Figure> {
    match &c.doc.analysis.mentions[c.mention].kind {
        MentionKind::Figure(f) => Some(f.clone()),
        _ => None,
    }
}

pub(crate) fn agree(a: &Option<Figure>, b: &Option<Figure>) -> bool {
    match (a, b) {
        (Some(a), Some(b)) => {
            let (a, b) = (interval(a), interval(b));
            a.0 <= b.1 && b.0 <= a.1
        }
        _ => true,
    }
}

pub(crate) fn show(f: &Option<Figure>) -> String {
    f.as_ref().map_or(String::new(), |f| {
        let n = f.amount();
        match f.bound {
            Bound::Exact => n,
            Bound::About => format!("about {n}"),
            Bound::Above => format!("more than {n}"),
            Bound::Below => format!("less than {n}"),
            Bound::AtLeast => format!("at least {n}"),
            Bound::AtMost => format!("at most {n}"),
        }
    })
}

/// A counted noun as compared: folded, the accusative ending dropped («قتيلا» = «قتيل»),
/// reduced to its skeleton («أميركي» = «أمريكي»).
fn unit_key(unit: &str) -> String {
    let folded = fold(unit);
    let bare = folded.strip_suffix('ا').filter(|b| b.chars().count() >= 3).unwrap_or(&folded);
    skeleton(bare)
}

/// The year a figure is about: a year in its sentence, else in the sentence before it on the
/// same line.
fn year_about(doc: &Doc, sentence: Span) -> Option<i32> {
    let year_in = |s: Span| {
        doc.analysis.prose().find_map(|(_, m)| match &m.kind {
            MentionKind::Date(d) if m.span.start >= s.start && m.span.end <= s.end => d.value.and_then(|v| v.year),
            _ => None,
        })
    };
    year_in(sentence).or_else(|| {
        let at = doc.local.sentences.iter().position(|s| *s == sentence)?;
        let before = *doc.local.sentences.get(at.checked_sub(1)?)?;
        let between = doc.text.get(before.end..sentence.start)?;
        (!between.contains('\n')).then(|| year_in(before)).flatten()
    })
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
                "c.txt «حوالي 5000 جندي» (about 5000) disagrees with 2 other sources: 3000 in a.txt; about 3000 in b.txt."
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
                "r.txt «من 4000 إلى 6000 جندي» (4000–6000) disagrees with 2 other sources: 3000 in a.txt; about 3000 in b.txt."
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
