//! `part-exceeds-whole`: a part larger than its whole, or parts that add up to more.

use super::{Finding, Related, Rule, Scope, Severity, quote};
use crate::claims::keys::{interval, sentence_of};
use crate::extract::{Figure, MentionKind, format_number};
use crate::text::fold;
use crate::workspace::Workspace;

pub const RULE: Rule = Rule {
    code: "part-exceeds-whole",
    default: Severity::Warning,
    summary: "«3000 جندي، بينهم 3500 أمريكي»: a part larger than its whole",
    explain: "\
part-exceeds-whole (default: warning)

Arabic news states a total and then its parts with «بينهم»، «منهم»، «من بينهم»، «بمن فيهم»
(«3000 جندي، بينهم 2500 أمريكي»). This rule flags a part larger than the total, and parts
that together exceed it, within one sentence. Hedged figures («نحو»، «أكثر من») are compared
with the room their hedge gives.

Example:
    ينتشر 3000 جندي، بينهم 3500 أمريكي
    → «3500 أمريكي» is more than the whole it belongs to, «3000 جندي».",
    check,
};

/// Words that open a list of parts: «بينهم»، «منهم»، «بمن فيهم».
const MARKERS: [&str; 8] = ["بينهم", "منهم", "بينها", "منها", "فيهم", "فيها", "بينهما", "منهما"];

fn check(ws: &Workspace, scope: Scope, out: &mut Vec<Finding>) {
    for (path, doc) in ws.docs().filter(|(p, _)| scope.includes(p)) {
        let figures: Vec<(usize, &Figure)> = doc
            .analysis
            .prose()
            .filter_map(|(k, m)| if let MentionKind::Figure(f) = &m.kind { Some((k, f)) } else { None })
            .collect();
        for (w, &(wk, whole)) in figures.iter().enumerate() {
            let whole_span = doc.analysis.mentions[wk].span;
            let Some(sentence) = sentence_of(&doc.local, whole_span) else { continue };
            let Some(&(first, _)) = figures.get(w + 1) else { continue };
            let first_span = doc.analysis.mentions[first].span;
            if first_span.end > sentence.end || !opens_parts(&doc.text[whole_span.end..first_span.start]) {
                continue;
            }
            let parts: Vec<(usize, &Figure)> = figures[w + 1..]
                .iter()
                .copied()
                .take_while(|&(k, _)| doc.analysis.mentions[k].span.end <= sentence.end)
                .collect();
            let (_, whole_max) = interval(whole);
            let quote_whole = quote(doc, whole_span);
            for &(pk, part) in &parts {
                if interval(part).0 > whole_max {
                    let span = doc.analysis.mentions[pk].span;
                    let message =
                        format!("«{}» is more than the whole it belongs to, «{quote_whole}».", quote(doc, span));
                    let related = vec![Related { path: path.into(), span: whole_span, message: "the whole".into() }];
                    out.push(Finding::of(&RULE, path, span, message, related));
                }
            }
            let sum: f64 = parts.iter().map(|p| interval(p.1).0).sum();
            if parts.len() >= 2 && sum > whole_max && parts.iter().all(|p| interval(p.1).0 <= whole_max) {
                let listed: Vec<&str> = parts.iter().map(|&(k, _)| quote(doc, doc.analysis.mentions[k].span)).collect();
                let message = format!(
                    "«{quote_whole}» is less than its parts: {} add up to {}.",
                    listed.iter().map(|p| format!("«{p}»")).collect::<Vec<_>>().join(" + "),
                    format_number(sum)
                );
                let related = parts
                    .iter()
                    .map(|&(k, _)| Related {
                        path: path.into(),
                        span: doc.analysis.mentions[k].span,
                        message: "a part".into(),
                    })
                    .collect();
                out.push(Finding::of(&RULE, path, whole_span, message, related));
            }
        }
    }
}

fn opens_parts(between: &str) -> bool {
    // Every marker is written with «بين»، «من» or «في»: skip the folding where none is.
    if !["بين", "من", "في"].iter().any(|m| between.contains(m)) {
        return false;
    }
    between.split(|c: char| c.is_whitespace() || c.is_ascii_punctuation() || c == '،').map(fold).any(|w| {
        let w = w.trim_start_matches(['و', 'ف']);
        MARKERS.contains(&w) || MARKERS.iter().any(|m| w.strip_prefix("ب").or(w.strip_prefix("ل")) == Some(m))
    })
}

#[cfg(test)]
mod tests {
    use super::super::test_support::run;
    use super::*;

    #[test]
    fn a_part_larger_than_the_whole() {
        assert_eq!(
            run(&RULE, &[("a", "ينتشر 3000 جندي، بينهم 3500 أمريكي في البلاد.", None)]),
            ["a «3500 أمريكي» is more than the whole it belongs to, «3000 جندي»."]
        );
    }

    #[test]
    fn parts_that_add_up_to_more() {
        assert_eq!(
            run(&RULE, &[("a", "قتل 10 أشخاص، من بينهم 6 أطفال و5 نساء.", None)]),
            ["a «10 أشخاص» is less than its parts: «6 أطفال» + «5 نساء» add up to 11."]
        );
    }

    #[test]
    fn consistent_parts_and_unrelated_figures_pass() {
        assert!(run(&RULE, &[("a", "ينتشر نحو 3000 جندي للتحالف، بينهم 2500 أمريكي.", None)]).is_empty());
        assert!(run(&RULE, &[("a", "قتل 10 أشخاص وأصيب 30 آخرون.", None)]).is_empty());
        assert!(run(&RULE, &[("a", "قتل 10 أشخاص. وبينهم وبين الحدود 30 كيلومترا.", None)]).is_empty());
    }
}
