//! The verdict of the conflict rules (`date-conflict`, `figure-conflict`, and the durations of
//! `duration-mismatch`): which claims disagree with at least as many other sources as agree
//! with them (itself included): the minority reading is the one to check. And, within one
//! article, a headline that no statement of its body bears out.
//!
//! Claims meet in buckets ([`crate::claims::buckets`]); within a bucket they are grouped by
//! what they say ([`crate::claims::said::Said`]), and sources are counted per group, never pair
//! by pair.
//!
//! Cost, for m bucket memberships (claims times their subjects, at most eight each), s sources
//! and c ≤ [`MAX_CLASSES`] groups in a bucket: grouping O(m); relating groups O(c²) per bucket;
//! counting each source once per group, O(s·c) per bucket; the sides of a group (related
//! locations, agreeing sources) once per group, O(s), at most twenty of each kept; a finding then
//! merges the sides of its own groups (at most 36 buckets, twenty sources each) — it never walks
//! a bucket. All of it is linear in the number of statements, with c bounded.

use std::collections::BTreeMap;

use rustc_hash::FxHashMap;

use super::{Finding, Related, Rule, Scope, quote};
use crate::claims::said::Said;
use crate::claims::{Bucket, Claim, buckets, work};
use crate::messages::{Lang, list, msg, render, verbatim};
use crate::workspace::Workspace;

/// At most this many disagreeing sources are listed as related locations.
const MAX_RELATED: usize = 20;

/// A bucket in which the sources give more than this many different values is not one
/// quantity several sources state (it is a series over time, or a key too coarse to tell
/// quantities apart): it is not judged.
const MAX_CLASSES: usize = 48;

/// What the sources say of one claim, in the bucket where it meets the most of them.
#[derive(Clone, Copy)]
struct Verdict {
    agreeing: usize,
    disagreeing: usize,
    /// Whether the bucket joins claims by a strong subject (or the strict key), not a pair of
    /// weak ones.
    strong: bool,
    bucket: u32,
}

/// One source's statements in one group: its first, and its first in the headline and in the
/// body.
#[derive(Clone, Copy)]
struct Entry {
    source: u32,
    first: u32,
    headline: Option<u32>,
    body: Option<u32>,
}

/// Claims of one bucket that say the same.
struct Class {
    rep: u32,
    members: Vec<u32>,
    /// Each source's statements here, by source.
    sources: Vec<Entry>,
}

/// A bucket judged: its groups, how they relate, and what each source says in it.
struct Judged<'w> {
    key: Bucket<'w>,
    classes: Vec<Class>,
    /// `relation[a * c + x]`: whether group `a` agrees with group `x` (`None`: not comparable).
    relation: Vec<Option<bool>>,
    /// Each source with the groups it says something in, by source.
    said: Vec<(u32, Vec<u16>)>,
}

impl Judged<'_> {
    fn rel(&self, a: usize, x: usize) -> Option<bool> {
        self.relation[a * self.classes.len() + x]
    }

    fn entry(&self, class: usize, source: u32) -> Option<&Entry> {
        let s = &self.classes[class].sources;
        s.binary_search_by_key(&source, |e| e.source).ok().map(|i| &s[i])
    }
}

/// Findings for the claims whose values disagree with at least as many other sources as agree,
/// and for headlines their own article's body contradicts.
pub(super) fn conflicts(rule: &Rule, ws: &Workspace, claims: &[Claim], scope: Scope, out: &mut Vec<Finding>) {
    let said: Vec<&Said> = claims.iter().map(|c| &c.data.said).collect();
    // Only the buckets a wanted claim is in matter.
    let wanted: rustc_hash::FxHashSet<Bucket> =
        claims.iter().filter(|c| scope.includes(c.path)).flat_map(buckets).collect();
    let mut by_key: FxHashMap<Bucket, Vec<u32>> = FxHashMap::default();
    for (i, c) in claims.iter().enumerate() {
        for b in buckets(c) {
            work(1);
            if wanted.contains(&b) {
                by_key.entry(b).or_default().push(i as u32);
            }
        }
    }
    let mut keys: Vec<_> = by_key.into_iter().collect();
    keys.sort_unstable_by(|a, b| a.0.cmp(&b.0));
    let mut judged: Vec<Judged> = Vec::with_capacity(keys.len());
    let mut best: Vec<Option<Verdict>> = vec![None; claims.len()];
    let mut in_source: Vec<(u32, u32, u32)> = Vec::new();
    // Each wanted claim's groups, bucket by bucket: where its related locations are gathered.
    let mut memberships: Vec<(u32, u32, u16)> = Vec::new();
    for (key, members) in keys {
        let Some(j) = judge(key, &members, claims, &said) else { continue };
        let strong = match key {
            Bucket::Story { anchor, .. } => !anchor.contains('&'),
            Bucket::Strict { .. } => true,
        };
        let b = judged.len() as u32;
        let c = j.classes.len();
        // Per group, how many sources agree (a source that says both agrees) and disagree.
        let mut agreeing = vec![0usize; c];
        let mut disagreeing = vec![0usize; c];
        for (_, xs) in &j.said {
            for a in 0..c {
                work(xs.len());
                if xs.iter().any(|&x| j.rel(a, x as usize) == Some(true)) {
                    agreeing[a] += 1;
                } else if xs.iter().any(|&x| j.rel(a, x as usize) == Some(false)) {
                    disagreeing[a] += 1;
                }
            }
        }
        for (a, class) in j.classes.iter().enumerate() {
            for &i in &class.members {
                if scope.includes(claims[i as usize].path) {
                    memberships.push((i, b, a as u16));
                }
                // The claim's own source is among those that agree with its group.
                let verdict = Verdict { agreeing: agreeing[a] - 1, disagreeing: disagreeing[a], strong, bucket: b };
                let weight = verdict.agreeing + verdict.disagreeing;
                let i = i as usize;
                // The bucket where it meets the most sources; of two as large, the one joined by
                // a strong subject, then the one where more agree (a reading borne out
                // somewhere is not flagged for a narrower view).
                if best[i].is_none_or(|v| {
                    (weight, verdict.strong, verdict.agreeing) > (v.agreeing + v.disagreeing, v.strong, v.agreeing)
                }) {
                    best[i] = Some(verdict);
                }
            }
        }
        headline_against_body(&j, b, claims, scope, &mut in_source);
        judged.push(j);
    }
    memberships.sort_unstable();
    let mut sides: FxHashMap<(u32, u16), Sides> = FxHashMap::default();
    let mut flagged = vec![false; claims.len()];
    for (i, c) in claims.iter().enumerate() {
        let Some(verdict) = best[i].filter(|_| scope.includes(c.path)) else { continue };
        if verdict.disagreeing == 0 || verdict.disagreeing < 1 + verdict.agreeing {
            continue;
        }
        flagged[i] = true;
        // The other side, gathered from every bucket the claim is in (each group's sides are
        // computed once, at most twenty sources long): a source that agrees anywhere is not
        // listed against it. The counts are those of its best bucket, or more.
        let from = memberships.partition_point(|m| m.0 < i as u32);
        let mut against: BTreeMap<u32, u32> = BTreeMap::new();
        let mut with: BTreeMap<u32, u32> = BTreeMap::new();
        for &(_, b, a) in memberships[from..].iter().take_while(|m| m.0 == i as u32) {
            let s = sides.entry((b, a)).or_insert_with(|| sides_of(&judged[b as usize], a as usize));
            work(s.agreeing.len() + s.disagreeing.len());
            for &(source, k) in &s.agreeing {
                with.entry(source).or_insert(k);
            }
            for &(source, k) in &s.disagreeing {
                against.entry(source).or_insert(k);
            }
        }
        with.remove(&c.source);
        against.retain(|source, _| !with.contains_key(source) && *source != c.source);
        let disagreeing = verdict.disagreeing.max(against.len());
        let agreeing = verdict.agreeing.max(with.len());
        let shown: Vec<u32> = against.values().copied().take(MAX_RELATED).collect();
        // The readings in the order of their English words (the order messages have always had).
        let mut readings: BTreeMap<String, (String, Vec<std::borrow::Cow<str>>)> = BTreeMap::new();
        for &k in &shown {
            let value = said[k as usize].show();
            let name = verbatim(ws.source_name(claims[k as usize].path));
            readings.entry(render(&value, Lang::En.into())).or_insert_with(|| (value, Vec::new())).1.push(name);
        }
        let mut others: Vec<String> = readings
            .into_values()
            .map(|(value, mut names)| {
                names.dedup();
                msg("rule.conflict.reading", &[("value", &value), ("sources", &list(&names))])
            })
            .collect();
        let more = disagreeing.saturating_sub(shown.len());
        if more > 0 {
            others.push(msg("rule.conflict.more", &[("n", &more.to_string())]));
        }
        let mut message = msg(
            "rule.conflict.disagrees",
            &[
                ("quote", &quote(c.doc, c.span)),
                ("value", &said[i].show_iso()),
                ("n", &disagreeing.to_string()),
                ("others", &others.join(&msg("sep.semicolon", &[]))),
            ],
        );
        if agreeing > 0 {
            let mut agree: Vec<String> = with
                .values()
                .take(3)
                .map(|&k| verbatim(ws.source_name(claims[k as usize].path)).into_owned())
                .collect();
            if agreeing > agree.len() {
                agree.push(msg("rule.conflict.others", &[]));
            }
            message.push_str(&msg("rule.conflict.agree", &[("who", &list(&agree)), ("n", &agreeing.to_string())]));
        }
        let why = judged[verdict.bucket as usize].key.why(c, ws);
        message.push_str(&msg("rule.conflict.compared", &[("why", &why)]));
        let related = shown.iter().map(|&k| related(&claims[k as usize], said[k as usize])).collect();
        out.push(Finding::of(rule, c.path, c.span, message, related));
    }
    // A headline no statement of its own body bears out, when no other source flags it.
    in_source.sort_unstable();
    in_source.dedup_by_key(|x| x.0);
    for (h, k, b) in in_source {
        let (h, k) = (h as usize, k as usize);
        if flagged[h] {
            continue;
        }
        let c = &claims[h];
        let body = &claims[k];
        let message = msg(
            "rule.conflict.headline",
            &[
                ("quote", &quote(c.doc, c.span)),
                ("value", &said[h].show_iso()),
                ("other", &quote(body.doc, body.span)),
                ("other_value", &said[k].show_iso()),
                ("why", &judged[b as usize].key.why(c, ws)),
            ],
        );
        out.push(Finding::of(rule, c.path, c.span, message, vec![related(body, said[k])]));
    }
}

fn related(c: &Claim, said: &Said) -> Related {
    Related::new(
        c.path,
        c.span,
        msg("rule.conflict.related", &[("quote", &quote(c.doc, c.span)), ("value", &said.show_iso())]),
    )
}

/// A bucket's claims grouped by what they say, the groups related, and each source's groups;
/// `None` when there is nothing to compare or more groups than [`MAX_CLASSES`].
fn judge<'w>(key: Bucket<'w>, members: &[u32], claims: &[Claim], said: &[&Said]) -> Option<Judged<'w>> {
    let strict = key.strict();
    let mut classes: Vec<Class> = Vec::new();
    let mut by_value: FxHashMap<u64, Vec<usize>> = FxHashMap::default();
    let mut sources: Vec<FxHashMap<u32, usize>> = Vec::new();
    for &i in members {
        work(1);
        let s = said[i as usize];
        let slot = by_value.entry(s.group_key()).or_default();
        let k = match slot.iter().copied().find(|&k| said[classes[k].rep as usize] == s) {
            Some(k) => k,
            None => {
                if classes.len() == MAX_CLASSES {
                    return None;
                }
                slot.push(classes.len());
                classes.push(Class { rep: i, members: Vec::new(), sources: Vec::new() });
                sources.push(FxHashMap::default());
                classes.len() - 1
            }
        };
        classes[k].members.push(i);
        let c = &claims[i as usize];
        let entries = &mut classes[k].sources;
        let at = *sources[k].entry(c.source).or_insert_with(|| {
            entries.push(Entry { source: c.source, first: i, headline: None, body: None });
            entries.len() - 1
        });
        let e = &mut entries[at];
        if c.span.start < claims[e.first as usize].span.start {
            e.first = i;
        }
        let slot = if c.data.headline { &mut e.headline } else { &mut e.body };
        if slot.is_none_or(|f| c.span.start < claims[f as usize].span.start) {
            *slot = Some(i);
        }
    }
    if classes.len() < 2 {
        return None;
    }
    let c = classes.len();
    let mut relation = Vec::with_capacity(c * c);
    for a in 0..c {
        for x in 0..c {
            work(1);
            let (ra, rx) = (said[classes[a].rep as usize], said[classes[x].rep as usize]);
            relation.push(if a == x { Some(true) } else { ra.relate(rx, strict) });
        }
    }
    let mut by_source: FxHashMap<u32, Vec<u16>> = FxHashMap::default();
    for (x, class) in classes.iter_mut().enumerate() {
        class.sources.sort_unstable_by_key(|e| e.source);
        for e in &class.sources {
            work(1);
            by_source.entry(e.source).or_default().push(x as u16);
        }
    }
    let mut said_by: Vec<(u32, Vec<u16>)> = by_source.into_iter().collect();
    said_by.sort_unstable_by_key(|s| s.0);
    Some(Judged { key, classes, relation, said: said_by })
}

/// The sources that agree with a group and those that only disagree (a source that says both
/// agrees), each with its first claim there, in source order, up to [`MAX_RELATED`] of each.
struct Sides {
    agreeing: Vec<(u32, u32)>,
    disagreeing: Vec<(u32, u32)>,
}

fn sides_of(j: &Judged, a: usize) -> Sides {
    let mut sides = Sides { agreeing: Vec::new(), disagreeing: Vec::new() };
    for (source, xs) in &j.said {
        if sides.disagreeing.len() == MAX_RELATED && sides.agreeing.len() == MAX_RELATED {
            break;
        }
        work(xs.len());
        let first = |pick: bool| {
            xs.iter()
                .filter(|&&x| j.rel(a, x as usize) == Some(pick))
                .filter_map(|&x| j.entry(x as usize, *source).map(|e| e.first))
                .min()
        };
        if let Some(k) = first(true) {
            if sides.agreeing.len() < MAX_RELATED {
                sides.agreeing.push((*source, k));
            }
        } else if let Some(k) = first(false)
            && sides.disagreeing.len() < MAX_RELATED
        {
            sides.disagreeing.push((*source, k));
        }
    }
    sides
}

/// Within one source of a bucket: a headline statement that a statement of the body
/// contradicts and none bears out. Collected as (headline claim, body claim, bucket).
fn headline_against_body(j: &Judged, b: u32, claims: &[Claim], scope: Scope, out: &mut Vec<(u32, u32, u32)>) {
    for (source, xs) in &j.said {
        if xs.len() < 2 {
            continue;
        }
        for &x in xs {
            work(xs.len());
            let Some(h) = j.entry(x as usize, *source).and_then(|e| e.headline) else { continue };
            if !scope.includes(claims[h as usize].path) {
                continue;
            }
            let body_in = |pick: bool| {
                xs.iter()
                    .filter(|&&y| j.rel(x as usize, y as usize) == Some(pick))
                    .filter_map(|&y| j.entry(y as usize, *source).and_then(|e| e.body))
                    .min()
            };
            if body_in(true).is_none()
                && let Some(k) = body_in(false)
            {
                out.push((h, k, b));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    //! Each mechanism on short stories written for these tests: several sources of one story
    //! (one folder), told apart from other stories, other places and other measures.

    use super::super::test_support::{run, workspace};
    use super::super::{RULES, Rule, Scope};
    use crate::claims::{counterparts_of, work_done};
    use crate::messages::Lang;

    fn rule(code: &str) -> &'static Rule {
        RULES.iter().find(|r| r.code == code).unwrap()
    }

    fn figures(sources: &[(&str, &str, Option<&str>)]) -> Vec<String> {
        run(rule("figure-conflict"), sources)
    }

    #[test]
    fn the_measure_from_the_noun_or_from_the_verb() {
        // «وأصيب 40 آخرون» counts the injured by its verb, «45 جريحا» by its noun; «قتل 12 شخصا»
        // and «12 قتيلا» are one count of the killed, written two ways.
        let a = "قتل 12 شخصا وأصيب 40 آخرون في انفجار سيارة مفخخة في سوق بلدة الكرامة صباح الاثنين.";
        let b = "أسفر الانفجار الذي هز سوق بلدة الكرامة عن سقوط 12 قتيلا و45 جريحا.";
        assert_eq!(
            figures(&[("a.txt", a, None), ("b.txt", b, None)]),
            [
                "a.txt «40 آخرون» (40) disagrees with 1 other source: 45 in b.txt. Compared: injured in «الكرامة».",
                "b.txt «45 جريحا» (45) disagrees with 1 other source: 40 in a.txt. Compared: injured in «الكرامة».",
            ]
        );
        // An elided noun takes its verb's measure; a partitive takes its noun.
        let c = "وقتل 12 شخصا وجرح أكثر من 400 في انفجار بلدة الكرامة.";
        let d = "وأصيب 90 شخصا بجروح في انفجار بلدة الكرامة.";
        assert_eq!(
            figures(&[("c.txt", c, None), ("d.txt", d, None)]),
            [
                "c.txt «أكثر من 400» (more than 400) disagrees with 1 other source: 90 in d.txt. Compared: injured in «الكرامة».",
                "d.txt «90 شخصا» (90) disagrees with 1 other source: more than 400 in c.txt. Compared: injured in «الكرامة».",
            ]
        );
        let e = "وخسر التنظيم 12 ألفا من عناصره في معارك بلدة الكرامة.";
        let f = "وقتل 3 آلاف عنصر من التنظيم في معارك بلدة الكرامة.";
        assert!(figures(&[("e.txt", e, None), ("f.txt", f, None)]).is_empty(), "fighters lost are not fighters killed");
    }

    #[test]
    fn a_group_is_never_more_than_the_whole() {
        let people = "قتل 12 شخصا في غارة على بلدة الكرامة يوم الأحد.";
        let civilians = "وقال الدفاع المدني إن 15 مدنيا قتلوا في الغارة على بلدة الكرامة يوم الأحد.";
        assert_eq!(
            figures(&[("a.txt", people, None), ("b.txt", civilians, None)]),
            [
                "a.txt «12 شخصا» (12) disagrees with 1 other source: 15 in b.txt. Compared: killed in «الكرامة».",
                "b.txt «15 مدنيا» (15) disagrees with 1 other source: 12 in a.txt. Compared: killed (civilians) in «الكرامة».",
            ]
        );
        let fewer = "وقال الدفاع المدني إن 9 مدنيين قتلوا في الغارة على بلدة الكرامة يوم الأحد.";
        assert!(figures(&[("a.txt", people, None), ("b.txt", fewer, None)]).is_empty());
    }

    #[test]
    fn money_is_compared_by_what_it_is_of() {
        let a = "أقر البرلمان الموازنة العامة للعام 2020 بقيمة 150 مليار دولار.";
        let b = "صوت البرلمان على موازنة العام 2020 البالغة 135 مليار دولار.";
        assert_eq!(figures(&[("a.txt", a, None), ("b.txt", b, None)]).len(), 2);
        // A loan is not a budget.
        let c = "وحصلت الحكومة في العام 2020 على قرض بقيمة 5 مليارات دولار.";
        assert!(figures(&[("a.txt", a, None), ("c.txt", c, None)]).is_empty());
    }

    #[test]
    fn killed_and_injured_are_never_one_count() {
        let a = "قتل 40 شخصا في انفجار بلدة الكرامة.";
        let b = "وأصيب 45 شخصا في انفجار بلدة الكرامة.";
        assert!(figures(&[("a.txt", a, None), ("b.txt", b, None)]).is_empty());
    }

    #[test]
    fn the_place_and_the_time_tell_two_tolls_apart() {
        let a = "قتل 10 أشخاص في غارة على بلدة الكرامة.";
        let b = "قتل 25 شخصا في غارة على بلدة السلام.";
        assert!(figures(&[("a.txt", a, None), ("b.txt", b, None)]).is_empty());
        // A known city qualifies the count too: Aleppo's dead are not Idlib's.
        let c = "قتل 7 أشخاص في غارة جوية على حلب.";
        let d = "قتل 9 أشخاص في غارة جوية على إدلب.";
        assert!(figures(&[("c.txt", c, None), ("d.txt", d, None)]).is_empty());
        // The same place, another count.
        let e = "قتل 8 أشخاص في غارة جوية على حلب.";
        assert_eq!(figures(&[("c.txt", c, None), ("e.txt", e, None)]).len(), 2);
        // The same place at another time: Thursday's blast is not last month's.
        let thursday = "قتل 35 شخصا في تفجير بمدينة الكرامة مساء الخميس.";
        let before = "وكان 12 شخصا قد قتلوا في تفجير بمدينة الكرامة الشهر الماضي.";
        assert!(figures(&[("a.txt", thursday, None), ("b.txt", before, None)]).is_empty());
        let saturday = "قتل 20 شخصا في تفجير بمدينة الكرامة يوم السبت.";
        assert!(figures(&[("a.txt", thursday, None), ("b.txt", saturday, None)]).is_empty());
        // A large city or a region alone does not make two tolls one: many are counted there.
        let one = "قتل 30 شخصا في حلب.";
        let other = "قتل 85 شخصا في حلب.";
        assert!(figures(&[("a.txt", one, None), ("b.txt", other, None)]).is_empty());
        // With the incident named in both, it does.
        let one = "قتل 30 شخصا في زلزال ضرب حلب.";
        let other = "قتل 85 شخصا في زلزال حلب.";
        assert_eq!(figures(&[("a.txt", one, None), ("b.txt", other, None)]).len(), 2);
    }

    #[test]
    fn a_toll_that_rises_is_not_a_contradiction() {
        let first = "قتل 20 شخصا في زلزال ضرب مدينة حمص فجر اليوم.";
        let update = "ارتفعت حصيلة ضحايا زلزال مدينة حمص إلى 85 قتيلا.";
        let later = "قتل 30 شخصا في زلزال مدينة حمص.";
        // Publication dates order them: 20 then 85 is a rise; 30 after 85 is not.
        assert_eq!(
            figures(&[
                ("a.txt", first, Some("2020-03-01")),
                ("b.txt", update, Some("2020-03-03")),
                ("c.txt", later, Some("2020-03-05")),
            ]),
            [
                "b.txt «85 قتيلا» (85) disagrees with 1 other source: 30 in c.txt. Compared: killed in the earthquake («زلزال») in «مدينة حمص».",
                "c.txt «30 شخصا» (30) disagrees with 1 other source: 85 in b.txt. Compared: killed in the earthquake («زلزال») in «مدينة حمص».",
            ]
        );
        // Without dates, the words do: a first count, and a count that rose.
        let early = "وفي حصيلة أولية، قتل 20 شخصا في زلزال مدينة حمص.";
        assert!(figures(&[("a.txt", early, None), ("b.txt", later, None)]).is_empty());
        assert!(figures(&[("a.txt", first, None), ("b.txt", update, None)]).is_empty());
        // And with nothing to order them, two tolls disagree.
        assert_eq!(figures(&[("a.txt", first, None), ("c.txt", later, None)]).len(), 2);
    }

    #[test]
    fn durations_across_sources() {
        let three = "يعيش سكان بلدة الكرامة تحت الحصار المفروض عليها منذ 3 سنوات.";
        let four = "ويستمر الحصار المفروض على بلدة الكرامة منذ أكثر من أربع سنوات.";
        let start = "وتخضع بلدة الكرامة للحصار منذ 2012 بحسب الأهالي.";
        assert_eq!(
            run(
                rule("duration-mismatch"),
                &[
                    ("a.txt", three, Some("2017-05-01")),
                    ("b.txt", four, Some("2017-05-02")),
                    ("c.txt", start, Some("2017-06-01")),
                ]
            ),
            [
                "a.txt «3 سنوات» (3 years) disagrees with 2 other sources: more than 4 years in b.txt; since 2012 in c.txt. \
                 Compared: how long the siege has lasted in «الكرامة»."
            ]
        );
        // The siege of a country is that country's.
        let a = "يعيش القطريون تحت الحصار المفروض على قطر منذ 3 سنوات.";
        let b = "ويستمر الحصار المفروض على قطر منذ أكثر من أربع سنوات.";
        assert_eq!(run(rule("duration-mismatch"), &[("a.txt", a, None), ("b.txt", b, None)]).len(), 2);
        // «أربعة أشهر» and «أكثر من أربعة أشهر» of one battle agree.
        let a = "انتهت معارك بلدة الكرامة بعد أربعة أشهر من القتال.";
        let b = "وكانت معارك بلدة الكرامة قد استمرت أكثر من أربعة أشهر.";
        assert!(run(rule("duration-mismatch"), &[("a.txt", a, None), ("b.txt", b, None)]).is_empty());
    }

    #[test]
    fn a_headline_its_body_contradicts() {
        let a = "مقتل 75 شخصا في تفجير سوق مدينة الكرامة\nقتل أكثر من مائة شخص في التفجير الذي استهدف سوق مدينة الكرامة صباح اليوم.";
        assert_eq!(
            figures(&[("a.txt", a, None)]),
            [
                "a.txt «75 شخصا» (75) in the headline disagrees with «أكثر من مائة شخص» (more than 100) in the article's body. \
                 Compared: killed in «الكرامة»."
            ]
        );
        // A body that bears the headline out, even beside a later count, is no finding.
        let b = "مقتل 75 شخصا في تفجير سوق مدينة الكرامة\nقتل 75 شخصا في التفجير الذي استهدف سوق مدينة الكرامة.";
        assert!(figures(&[("b.txt", b, None)]).is_empty());
    }

    #[test]
    fn consistent_statements_written_differently() {
        let a = "قتل تسعة عشر شخصا في القصف على بلدة الكرامة.";
        let b = "سقط 19 قتيلا في قصف بلدة الكرامة.";
        let c = "قتل نحو 20 شخصا في القصف على بلدة الكرامة.";
        assert!(figures(&[("a.txt", a, None), ("b.txt", b, None), ("c.txt", c, None)]).is_empty());
        // A weekday and the date of that day agree; another weekday does not.
        let tuesday = "وقال المتحدث إن الصاروخ الذي أطلقه الحوثيون على الرياض يوم الثلاثاء كان يستهدف القصر.";
        let date = "أطلق الحوثيون صاروخا باليستيا على الرياض في 19 ديسمبر 2017.";
        let wednesday = "وكان الحوثيون قد أطلقوا الصاروخ على الرياض يوم الأربعاء.";
        let dates = rule("date-conflict");
        assert!(run(dates, &[("a.txt", tuesday, None), ("b.txt", date, None)]).is_empty());
        assert_eq!(
            run(dates, &[("a.txt", tuesday, None), ("b.txt", date, None), ("c.txt", wednesday, None)]),
            ["c.txt «يوم الأربعاء» (Wednesday) disagrees with 2 other sources: 2017-12-19 in b.txt; Tuesday in a.txt. \
                 Compared: the date of the launch in «الرياض»."]
        );
    }

    #[test]
    fn the_age_of_whom() {
        let a = "وطعن الجاني والدته البالغة من العمر 67 عاما في منزلها.";
        let b = "وعثر الجيران على والدته في الستين من عمرها مصابة بطعنات.";
        assert_eq!(
            figures(&[("a.txt", a, None), ("b.txt", b, None)]),
            [
                "a.txt «67 عاما» (67 years) disagrees with 1 other source: 60 years in b.txt. Compared: the age of the mother.",
                "b.txt «الستين» (60 years) disagrees with 1 other source: 67 years in a.txt. Compared: the age of the mother.",
            ]
        );
        // The father's age is not the mother's; a person is a year older two years on.
        let c = "ونقل الأب وعمره 70 عاما إلى المستشفى.";
        assert!(figures(&[("a.txt", a, None), ("c.txt", c, None)]).is_empty());
        let then = "وقال وزير الصحة سامي العلي البالغ من العمر 40 عاما إن المستشفى امتلأ.";
        let now = "وقال وزير الصحة سامي العلي البالغ من العمر 42 عاما إن الوضع تحسن.";
        assert!(figures(&[("a.txt", then, Some("2019-01-10")), ("b.txt", now, Some("2021-03-01"))]).is_empty());
        assert_eq!(figures(&[("a.txt", then, None), ("b.txt", now, None)]).len(), 2);
    }

    #[test]
    fn stories_are_folders_unless_named() {
        let a = "قتل 12 شخصا في انفجار بلدة الكرامة.";
        let b = "قتل 30 شخصا في انفجار بلدة الكرامة.";
        assert_eq!(figures(&[("one/a.txt", a, None), ("one/b.txt", b, None)]).len(), 2);
        // Two folders are two stories: with no year written, nothing ties the two counts.
        assert!(figures(&[("one/a.txt", a, None), ("two/b.txt", b, None)]).is_empty());
        // tadqiq.toml can put them in one story.
        let mut ws = workspace(&[("one/a.txt", a, None), ("two/b.txt", b, None)]);
        ws.set_story("one/a.txt", Some("blast"));
        ws.set_story("two/b.txt", Some("blast"));
        let mut found = Vec::new();
        (rule("figure-conflict").check)(&ws, Scope::All, &mut found);
        assert_eq!(found.len(), 2);
        // And the hover's counterparts say what was compared.
        let c = counterparts_of(&ws, "one/a.txt", 0);
        assert_eq!(c.len(), 1);
        let (value, compared) = (c[0].value.render(Lang::En), c[0].compared.render(Lang::En));
        assert_eq!((c[0].path.as_str(), c[0].agrees, value.as_str()), ("two/b.txt", false, "30"));
        assert_eq!(compared, "killed in «الكرامة»");
        assert_eq!(c[0].compared.render(Lang::Ar), "القتلى في «الكرامة»");
    }

    #[test]
    fn sources_are_named_by_their_outlet() {
        let a = "قتل 12 شخصا في انفجار بلدة الكرامة.";
        let b = "---\noutlet: وكالة الأنباء المحلية\n---\nقتل 30 شخصا في انفجار بلدة الكرامة.";
        let c = "قتل 30 شخصا في انفجار بلدة الكرامة.";
        let mut ws = workspace(&[("s/a.txt", a, None), ("s/b.txt", b, None), ("s/c.txt", c, None)]);
        // tadqiq.toml's outlet, then the front matter's, then the file name.
        ws.set_outlet("s/c.txt", Some("AFP"));
        let mut found = Vec::new();
        (rule("figure-conflict").check)(&ws, Scope::All, &mut found);
        let on_a = found.iter().find(|f| &*f.path == "s/a.txt").unwrap();
        assert_eq!(
            on_a.say(&ws, Lang::En),
            "«12 شخصا» (12) disagrees with 2 other sources: 30 in وكالة الأنباء المحلية and AFP. Compared: killed in «الكرامة»."
        );
        assert_eq!(
            on_a.say(&ws, Lang::Ar),
            "«12 شخصا» (12) يخالف مصدرين آخرين: 30 في وكالة الأنباء المحلية و AFP. وجه المقارنة: القتلى في «الكرامة»."
        );
        // The majority is not flagged; a source with no outlet is named by its file.
        assert_eq!(found.len(), 1);
        assert_eq!(ws.source_name("s/a.txt"), "a.txt");
        assert_eq!(ws.source_name("s/b.txt"), "وكالة الأنباء المحلية");
        ws.set_outlet("s/c.txt", None);
        assert_eq!(ws.source_name("s/c.txt"), "c.txt");
    }

    /// Work counted over every rule, for an input built by `make(n)`.
    fn work_for(make: impl Fn(usize) -> Vec<(String, String)>, n: usize) -> u64 {
        let sources = make(n);
        let refs: Vec<(&str, &str, Option<&str>)> =
            sources.iter().map(|(p, t)| (p.as_str(), t.as_str(), None)).collect();
        let ws = workspace(&refs);
        let before = work_done();
        for r in RULES {
            let mut out = Vec::new();
            (r.check)(&ws, Scope::All, &mut out);
        }
        work_done() - before
    }

    /// Doubling the input must not much more than double the work.
    fn assert_linear(name: &str, make: impl Fn(usize) -> Vec<(String, String)>, n: usize) {
        let (small, large) = (work_for(&make, n), work_for(&make, 4 * n));
        assert!(small > 0, "{name}: nothing counted");
        println!("{name}: {small} → {large} steps for 4× the input");
        let ratio = large as f64 / small as f64;
        assert!(ratio < 4.6, "{name}: 4× the input cost {ratio:.2}× the work ({small} → {large})");
    }

    #[test]
    fn one_long_sentence_full_of_dated_names_is_linear() {
        assert_linear(
            "dated names",
            |n| {
                let text: String = (0..n)
                    .map(|i| {
                        format!(
                            "وقال الوزير سامي العلي يوم {} يناير 2020 إن انفجار بلدة الكرامة أسفر عن مقتل {} شخصا و",
                            i % 28 + 1,
                            i % 50 + 1
                        )
                    })
                    .collect();
                vec![("a.txt".into(), text.clone()), ("b.txt".into(), text)]
            },
            200,
        );
    }

    #[test]
    fn a_repeated_part_exceeds_whole_pattern_is_linear() {
        assert_linear("parts", |n| vec![("a.txt".into(), "ينتشر 3000 جندي، بينهم 3500 أمريكي، و".repeat(n))], 300);
    }

    #[test]
    fn figures_with_no_year_are_linear() {
        assert_linear(
            "no year",
            |n| vec![("a.txt".into(), "قتل 5 أشخاص وأصيب 7 آخرون في قصف بلدة الكرامة، و".repeat(n))],
            300,
        );
    }

    #[test]
    fn a_bucket_with_many_sources_and_many_values_is_linear() {
        // Every source a different count of one toll: more values than one quantity has.
        assert_linear(
            "many values",
            |n| (0..n).map(|i| (format!("s{i}.txt"), format!("قتل {} شخصا في انفجار بلدة الكرامة.", i + 1))).collect(),
            100,
        );
        // Two readings among many sources: every claim is flagged, each side walked once.
        assert_linear(
            "two readings",
            |n| {
                (0..n)
                    .map(|i| {
                        (
                            format!("s{i}.txt"),
                            format!("قتل {} شخصا في انفجار بلدة الكرامة.", if i % 2 == 0 { 12 } else { 30 }),
                        )
                    })
                    .collect()
            },
            100,
        );
    }
}
