//! `name-variant`: one entity spelled two ways.

use std::collections::BTreeMap;

use super::{Finding, Related, Rule, Scope, Severity, quote};
use crate::entities::gazetteer::skeleton_key;
use crate::messages::{msg, verbatim};
use crate::text::fold;
use crate::workspace::{Place, Places, Workspace};

pub const RULE: Rule = Rule { code: "name-variant", default: Severity::Hint, check };

/// A spelling as compared: folded, punctuation dropped, «لل» read as «ال».
fn spelling(text: &str) -> String {
    let folded = fold(text);
    let words: Vec<String> = folded
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(|w| match w.strip_prefix("لل") {
            Some(rest) if rest.chars().count() >= 2 => format!("ال{rest}"),
            _ => w.to_string(),
        })
        .collect();
    words.join(" ")
}

fn check(ws: &Workspace, scope: Scope, out: &mut Vec<Finding>) {
    // Only entities a wanted source names, their forms from the workspace's index of
    // spellings, kept up to date per edit. Per entity the cost is in its forms (folded) and,
    // per form, a binary search for each wanted source's places: never its places in every
    // source. Over the whole workspace that is every entity the index holds: O(entities), not
    // a walk of every mention (millions in an archive) to find the same few thousand ids.
    let index = ws.spelling_index();
    let (wanted, named): (Vec<_>, std::collections::BTreeSet<&str>) = match scope {
        Scope::All => (Vec::new(), index.ids().collect()),
        Scope::Only(_) => {
            let wanted = scope.docs(ws);
            let named = wanted.iter().flat_map(|(_, d)| d.entities.iter().map(|m| &*m.id)).collect();
            (wanted, named)
        }
    };
    for id in named {
        let Some(forms) = index.forms(id) else { continue };
        if forms.len() < 2 {
            continue;
        }
        // The entity's spellings, each with how often it is written, where first (of its
        // first form), and its forms' places.
        let mut spellings: BTreeMap<String, (usize, Vec<&Places>)> = BTreeMap::new();
        for (form, places) in forms {
            let s = spellings.entry(spelling(form)).or_default();
            s.0 += places.len();
            s.1.push(places);
        }
        if spellings.len() < 2 {
            continue;
        }
        let Some(entity) = ws.entity(id) else { continue };
        let declared: Vec<String> = std::iter::once(&entity.name).chain(&entity.aliases).map(|n| spelling(n)).collect();
        // The reference: the entity's own name where a source writes it, else the most used.
        let reference = spellings
            .keys()
            .find(|k| **k == declared[0])
            .or_else(|| spellings.iter().max_by_key(|(_, v)| v.0).map(|(k, _)| k))
            .cloned()
            .unwrap_or_default();
        let Some(reference_skeleton) = skeleton_key(&reference) else { continue };
        let Some(first) = spellings[&reference].1.iter().find_map(|p| p.first()) else { continue };
        let (ref_path, ref_span) = (&*first.source, first.span());
        for (key, (_, forms)) in &spellings {
            if *key == reference || declared.contains(key) || skeleton_key(key).as_ref() != Some(&reference_skeleton) {
                continue;
            }
            for places in forms {
                let in_scope: Vec<&Place> = match scope {
                    Scope::All => places.iter().collect(),
                    Scope::Only(_) => wanted.iter().flat_map(|(path, _)| places.of_source(path)).collect(),
                };
                for place in in_scope {
                    let (path, span) = (&*place.source, place.span());
                    let doc = ws.doc(path).expect("a source");
                    let ref_doc = ws.doc(ref_path).expect("a source");
                    let message = msg(
                        "rule.name-variant.message",
                        &[
                            ("quote", &quote(doc, span)),
                            ("other", &quote(ref_doc, ref_span)),
                            ("source", &verbatim(ws.source_name(ref_path))),
                        ],
                    );
                    let related = vec![Related::new(ref_path, ref_span, msg("rule.name-variant.related", &[]))];
                    out.push(Finding::of(&RULE, path, span, message, related));
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::test_support::run;
    use super::*;

    #[test]
    fn transliteration_and_typo_variants() {
        assert_eq!(
            run(
                &RULE,
                &[
                    ("a.txt", "قالت وزيرة الخارجية الفرنسية آنيس روماتيه إن باريس تدعم الحوار.", None),
                    ("b.txt", "وصرحت أنييس روماتيه بأن فرنسا لن تتراجع.", None),
                ]
            ),
            ["b.txt «أنييس روماتيه» is spelled «آنيس روماتيه» in a.txt."]
        );
        assert_eq!(
            run(&RULE, &[("a.txt", "في إطار عملية \"نبع السلام\" تقدم الجيش. وانتهت عملية \"نبع والسلام\".", None)]),
            ["a.txt «نبع والسلام» is spelled «نبع السلام» in a.txt."]
        );
    }

    #[test]
    fn aliases_clitics_and_short_forms_are_not_variants() {
        let text = "قاتل تنظيم الدولة الإسلامية وداعش وللعراق والعراق. وقال وزير الخارجية المصري سامح شكري ثم شكري.";
        assert!(run(&RULE, &[("a.txt", text, None)]).is_empty());
    }
}
