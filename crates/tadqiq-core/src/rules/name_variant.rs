//! `name-variant`: one entity spelled two ways.

use std::collections::BTreeMap;

use super::{Finding, Related, Rule, Scope, Severity, quote};
use crate::entities::gazetteer::{joined_particle, skeleton_key};
use crate::extract::Span;
use crate::messages::{msg, verbatim};
use crate::text::fold;
use crate::workspace::Workspace;
use rustc_hash::FxHashMap;

pub const RULE: Rule = Rule { code: "name-variant", default: Severity::Hint, check };

/// A spelling as compared: folded, punctuation dropped, «لل» read as «ال», a particle joined
/// to the word after it set apart («عبدالرحمن» is «عبد الرحمن» written as often).
fn spelling(text: &str) -> String {
    let folded = fold(text);
    let words: Vec<String> = folded
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .flat_map(joined_particle)
        .map(|w| match w.strip_prefix("لل") {
            Some(rest) if rest.chars().count() >= 2 => format!("ال{rest}"),
            _ => w.to_string(),
        })
        .collect();
    words.join(" ")
}

fn check(ws: &Workspace, scope: Scope, out: &mut Vec<Finding>) {
    match scope {
        Scope::All => check_all(ws, out),
        Scope::Only(_) => check_indexed(ws, scope, out),
    }
}

/// Where a form is written: a source and a span.
type At<'w> = (&'w str, Span);

/// Spellings (folded, [`spelling`]), each with how many places write it and its written
/// forms in order, each with its first place.
type Spellings<'f> = BTreeMap<String, (usize, Vec<(&'f str, Option<At<'f>>)>)>;

/// The written forms of entity `id` whose spelling differs from its reference spelling, in
/// the order findings are made (by spelling, then form), and the reference's first place;
/// `None` when nothing differs. `forms` are the entity's written forms in order, each with how
/// many places and its first place.
fn variants<'f>(
    ws: &Workspace,
    id: &str,
    forms: impl Iterator<Item = (&'f str, usize, Option<At<'f>>)>,
) -> Option<(Vec<&'f str>, At<'f>)> {
    // The entity's spellings, each with how often it is written, and its forms with the
    // first place of each.
    let mut spellings: Spellings = BTreeMap::new();
    let mut count = 0;
    for (form, places, first) in forms {
        let s = spellings.entry(spelling(form)).or_default();
        s.0 += places;
        s.1.push((form, first));
        count += 1;
    }
    if count < 2 || spellings.len() < 2 {
        return None;
    }
    let entity = ws.entity(id)?;
    let declared: Vec<String> = std::iter::once(&entity.name).chain(&entity.aliases).map(|n| spelling(n)).collect();
    // The reference: the entity's own name where a source writes it, else the most used.
    let reference = spellings
        .keys()
        .find(|k| **k == declared[0])
        .or_else(|| spellings.iter().max_by_key(|(_, v)| v.0).map(|(k, _)| k))
        .cloned()
        .unwrap_or_default();
    let reference_skeleton = skeleton_key(&reference)?;
    let first = spellings[&reference].1.iter().find_map(|(_, first)| *first)?;
    let differing = spellings
        .iter()
        .filter(|(key, _)| {
            **key != reference && !declared.contains(key) && skeleton_key(key).as_ref() == Some(&reference_skeleton)
        })
        .flat_map(|(_, (_, forms))| forms.iter().map(|(form, _)| *form))
        .collect();
    Some((differing, first))
}

/// A place written otherwise than the reference spelling at `reference`.
fn finding(ws: &Workspace, path: &str, span: Span, (ref_path, ref_span): At) -> Finding {
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
    Finding::of(&RULE, path, span, message, related)
}

/// Over the whole workspace: two passes over every entity mention, O(mentions), holding per
/// entity only its written forms with a count and a first place each (the workspace's index
/// of spellings, which keeps every place, is built for the server, where an edit updates it;
/// a run over an archive would build it for this rule alone: 34 MB at 10,000 articles).
fn check_all(ws: &Workspace, out: &mut Vec<Finding>) {
    // Entity by entity, each written form with how many places and the first (by source, then
    // start and end, as the index orders places). Sources come in path order, so the first
    // place is compared by the source's number, not its path: a mention of a name every
    // source writes compared two long paths sharing their folders (2.4 million comparisons
    // at 10,000 articles).
    type Written<'w> = FxHashMap<&'w str, (usize, (usize, At<'w>))>;
    let mut written: FxHashMap<&str, Written> = FxHashMap::default();
    for (k, (path, doc)) in ws.docs().enumerate() {
        for m in &doc.entities {
            let form = doc.text.get(m.span.start..m.span.end).unwrap_or("");
            let place = (k, (path, m.span));
            let (n, first) = written.entry(&*m.id).or_default().entry(form).or_insert((0, place));
            *n += 1;
            if (place.0, place.1.1.start, place.1.1.end) < (first.0, first.1.1.start, first.1.1.end) {
                *first = place;
            }
        }
    }
    // The forms to flag, entity by entity in id order, each with its rank among them (the
    // order findings are made in) and the reference it is compared with.
    let mut ids: Vec<(&str, &Written)> = written.iter().map(|(id, w)| (*id, w)).collect();
    ids.sort_unstable_by_key(|(id, _)| *id);
    let mut flagged: FxHashMap<&str, FxHashMap<&str, (usize, At)>> = FxHashMap::default();
    let mut rank = 0;
    for (id, forms) in ids {
        // In the order of their text, as `variants` takes them.
        let mut forms: Vec<_> = forms.iter().map(|(form, (n, (_, first)))| (*form, *n, Some(*first))).collect();
        forms.sort_unstable_by_key(|(form, ..)| *form);
        let Some((differing, reference)) = variants(ws, id, forms.into_iter()) else {
            continue;
        };
        let forms = flagged.entry(id).or_default();
        for form in differing {
            forms.insert(form, (rank, reference));
            rank += 1;
        }
    }
    if flagged.is_empty() {
        return;
    }
    let mut found: Vec<(usize, &str, Span, At)> = Vec::new();
    for (path, doc) in ws.docs() {
        for m in &doc.entities {
            let Some(forms) = flagged.get(&*m.id) else { continue };
            let form = doc.text.get(m.span.start..m.span.end).unwrap_or("");
            if let Some(&(rank, reference)) = forms.get(form) {
                found.push((rank, path, m.span, reference));
            }
        }
    }
    // Entity by entity, then by form's spelling and form (the order `variants` gives), then
    // place by place.
    found.sort_by(|a, b| (a.0, a.1, a.2.start, a.2.end).cmp(&(b.0, b.1, b.2.start, b.2.end)));
    out.extend(found.into_iter().map(|(_, path, span, reference)| finding(ws, path, span, reference)));
}

/// For a few sources, from the workspace's index of spellings: only entities a wanted source
/// names. Per entity the cost is in its forms (folded) and, per form, a binary search for each
/// wanted source's places: never its places in every source.
fn check_indexed(ws: &Workspace, scope: Scope, out: &mut Vec<Finding>) {
    let index = ws.spelling_index();
    let wanted = scope.docs(ws);
    let named: std::collections::BTreeSet<&str> =
        wanted.iter().flat_map(|(_, d)| d.entities.iter().map(|m| &*m.id)).collect();
    for id in named {
        let Some(forms) = index.forms(id) else { continue };
        let Some((differing, reference)) = variants(
            ws,
            id,
            forms.iter().map(|(form, places)| (form, places.len(), places.first().map(|p| (&*p.source, p.span())))),
        ) else {
            continue;
        };
        for form in differing {
            let Some((_, places)) = forms.iter().find(|(f, _)| *f == form) else { continue };
            for (path, _) in &wanted {
                for place in places.of_source(path) {
                    out.push(finding(ws, &place.source, place.span(), reference));
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
    fn a_particle_written_joined_is_one_name_and_no_variant() {
        let sources = [
            ("a.txt", "قال محافظ البصرة عبد الكريم الجابري إن 40 عائلة نزحت.", None),
            ("b.txt", "وأكد محافظ البصرة عبدالكريم الجابري أن الفرق تعمل. وقال الجابري إن الوضع صعب.", None),
        ];
        assert_eq!(run(&RULE, &sources), Vec::<String>::new());
        let ws = super::super::test_support::workspace(&sources);
        let ids = |p: &str| ws.doc(p).unwrap().entities.iter().map(|m| m.id.to_string()).collect::<Vec<_>>();
        assert_eq!(ids("a.txt"), ["basra", "abd-al-krym-al-jabry"]);
        assert_eq!(ids("b.txt"), ["basra", "abd-al-krym-al-jabry", "abd-al-krym-al-jabry"]);
    }

    /// Two people, each written two ways across three sources, one of them twice in a source.
    const PEOPLE: [(&str, &str, Option<&str>); 3] = [
        (
            "a.txt",
            "قال وزير الخارجية البريطاني ديفيد لامي إن لندن تدعم الهدنة في غزة.\n\
             وقالت المتحدثة باسم الحكومة الفرنسية مود بريجون إن باريس تتابع المفاوضات.",
            None,
        ),
        (
            "b.txt",
            "وأكد ديفد لامي أن الحكومة البريطانية لن تتراجع عن موقفها.\n\
             وأضافت مود بريجيون أن الاجتماع انتهى دون اتفاق، وقال ديفد لامي إن الحوار مستمر.",
            None,
        ),
        ("c.txt", "ورد ديفيد لامى على أسئلة الصحفيين، فيما قالت مود بريجيون إن الوزراء سيلتقون مجددا.", None),
    ];

    #[test]
    fn every_place_of_a_variant_is_flagged_against_the_first_place_of_the_reference() {
        // «ديفيد لامي» and «ديفيد لامى» are one spelling once folded; of its forms «ديفيد لامى»
        // sorts first, so its first place (in c.txt) is the one shown.
        assert_eq!(
            run(&RULE, &PEOPLE),
            [
                "b.txt «ديفد لامي» is spelled «ديفيد لامى» in c.txt.",
                "b.txt «مود بريجيون» is spelled «مود بريجون» in a.txt.",
                "b.txt «ديفد لامي» is spelled «ديفيد لامى» in c.txt.",
                "c.txt «مود بريجيون» is spelled «مود بريجون» in a.txt.",
            ]
        );
    }

    #[test]
    fn the_whole_workspace_gives_what_the_index_gives_for_every_source_in_the_same_order() {
        // A run over the whole workspace does not build the index of spellings; the server
        // reads its findings from it. Same findings, made in the same order (the order ties
        // are kept in when findings are sorted by place).
        let ws = super::super::test_support::workspace(&PEOPLE);
        let (mut whole, mut indexed) = (Vec::new(), Vec::new());
        check(&ws, Scope::All, &mut whole);
        let every: std::collections::HashSet<String> = PEOPLE.iter().map(|(p, _, _)| p.to_string()).collect();
        check(&ws, Scope::Only(&every), &mut indexed);
        assert_eq!(whole.len(), 4);
        assert_eq!(whole, indexed);
        let made: Vec<(&str, &str)> =
            whole.iter().map(|f| (&*f.path, &ws.doc(&f.path).unwrap().text[f.span.start..f.span.end])).collect();
        // The first person's places, then the second's (entities in id order), each in path
        // and text order: not the order of places in the sources.
        assert_eq!(
            made,
            [("b.txt", "ديفد لامي"), ("b.txt", "ديفد لامي"), ("b.txt", "مود بريجيون"), ("c.txt", "مود بريجيون")]
        );
        assert_eq!(whole.iter().map(|f| f.span.start).collect::<Vec<_>>(), [9, 202, 118, 82]);
    }

    #[test]
    fn aliases_clitics_and_short_forms_are_not_variants() {
        let text = "قاتل تنظيم الدولة الإسلامية وداعش وللعراق والعراق. وقال وزير الخارجية المصري سامح شكري ثم شكري.";
        assert!(run(&RULE, &[("a.txt", text, None)]).is_empty());
    }
}
