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
//! and c ≤ [`MAX_CLASSES`] groups in a bucket: gathering the buckets O(m) and sorting their keys
//! O(b log b) for b buckets; grouping O(m·c) (a look along a bucket's few groups); relating
//! groups O(c²) per bucket;
//! counting each source once per group, O(s·c) per bucket; the sides of a group (related
//! locations, agreeing sources) once per group, O(s), at most twenty of each kept; a finding then
//! merges the sides of its own groups (at most 36 buckets, twenty sources each) — it never walks
//! a bucket. All of it is linear in the number of statements, with c bounded.

use std::collections::BTreeMap;

use rustc_hash::FxHashMap;

use super::{Finding, Related, Rule, Scope, quote};
use crate::claims::index::{BucketKey, BucketState, Judgement};
use crate::claims::said::Said;
use crate::claims::{Bucket, Claim, Kind, buckets, claims, keyed, work};
use crate::messages::{Lang, list, msg, render, verbatim};
use crate::workspace::Workspace;

/// At most this many disagreeing sources are listed as related locations (and gathered per
/// bucket, for either side).
const MAX_RELATED: usize = crate::claims::index::MAX_SIDE;

/// A bucket in which the sources give more than this many different values is not one
/// quantity several sources state (it is a series over time, or a key too coarse to tell
/// quantities apart): it is not judged.
const MAX_CLASSES: usize = crate::claims::index::MAX_GROUPS;

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
    /// The representative's [`Said::group_key`].
    group: u64,
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
    /// Each source with a group it says something in, by source then group: a source's
    /// groups are a run ([`Judged::by_source`]).
    said: Vec<(u32, u16)>,
}

impl Judged<'_> {
    fn rel(&self, a: usize, x: usize) -> Option<bool> {
        self.relation[a * self.classes.len() + x]
    }

    /// Each source with the groups it says something in (a run of `said`), by source.
    fn by_source(&self) -> impl Iterator<Item = (u32, &[(u32, u16)])> {
        self.said.chunk_by(|a, b| a.0 == b.0).map(|run| (run[0].0, run))
    }

    fn entry(&self, class: usize, source: u32) -> Option<&Entry> {
        let s = &self.classes[class].sources;
        s.binary_search_by_key(&source, |e| e.source).ok().map(|i| &s[i])
    }
}

/// The conflict findings for claims of `kind` in the sources `scope` names: for a whole
/// workspace by judging every bucket ([`conflicts`]); for a few sources from the workspace's
/// claim index ([`conflicts_indexed`]), which gives the same findings at a cost that follows
/// those sources' claims, not the workspace.
pub(super) fn conflicts_of(rule: &Rule, ws: &Workspace, kind: Kind, scope: Scope, out: &mut Vec<Finding>) {
    match scope {
        Scope::All => conflicts(rule, ws, &claims(ws, kind), scope, out),
        Scope::Only(paths) => {
            let mut paths: Vec<&str> = paths.iter().map(String::as_str).collect();
            paths.sort_unstable();
            conflicts_indexed(rule, ws, kind, &paths, out);
        }
    }
}

/// Findings for the claims whose values disagree with at least as many other sources as agree,
/// and for headlines their own article's body contradicts.
pub(super) fn conflicts(rule: &Rule, ws: &Workspace, claims: &[Claim], scope: Scope, out: &mut Vec<Finding>) {
    let said: Vec<&Said> = claims.iter().map(|c| &c.data.said).collect();
    // What each claim says, hashed once: a date is in six buckets on average.
    let groups: Vec<u64> = said.iter().map(|s| s.group_key()).collect();
    // Only the buckets a wanted claim is in matter: of a whole workspace, every one.
    let wanted: Option<rustc_hash::FxHashSet<Bucket>> = match scope {
        Scope::All => None,
        Scope::Only(_) => Some(claims.iter().filter(|c| scope.includes(c.path)).flat_map(buckets).collect()),
    };
    // Each membership as (bucket, claim), the buckets numbered as met; then every bucket's
    // claims gathered in one array by a counting sort, in claim order: not a list of its own
    // per bucket, allocated and grown a push at a time (tens of thousands of buckets at
    // 10,000 articles).
    let mut numbered: FxHashMap<Bucket, u32> = FxHashMap::default();
    let mut keys: Vec<Bucket> = Vec::new();
    let mut pairs: Vec<(u32, u32)> = Vec::new();
    for (i, c) in claims.iter().enumerate() {
        for b in buckets(c) {
            work(1);
            if wanted.as_ref().is_none_or(|w| w.contains(&b)) {
                let k = *numbered.entry(b).or_insert_with(|| {
                    keys.push(b);
                    keys.len() as u32 - 1
                });
                pairs.push((k, i as u32));
            }
        }
    }
    drop(numbered);
    let mut start = vec![0u32; keys.len() + 1];
    for &(k, _) in &pairs {
        start[k as usize + 1] += 1;
    }
    for k in 1..start.len() {
        start[k] += start[k - 1];
    }
    let mut members = vec![0u32; pairs.len()];
    let mut next = start.clone();
    for (k, i) in pairs {
        members[next[k as usize] as usize] = i;
        next[k as usize] += 1;
    }
    drop(next);
    // The buckets judged in the order of their keys: which bucket decides a claim's verdict
    // among equals is the first.
    let mut order: Vec<u32> = (0..keys.len() as u32).collect();
    order.sort_unstable_by(|&a, &b| keys[a as usize].cmp(&keys[b as usize]));
    let mut judged: Vec<Judged> = Vec::with_capacity(keys.len());
    let mut best: Vec<Option<Verdict>> = vec![None; claims.len()];
    let mut in_source: Vec<(u32, u32, u32)> = Vec::new();
    // Each wanted claim's groups, bucket by bucket: where its related locations are gathered.
    let mut memberships: Vec<(u32, u32, u16)> = Vec::new();
    for k in order {
        let key = keys[k as usize];
        let members = &members[start[k as usize] as usize..start[k as usize + 1] as usize];
        let Some(j) = judge(key, members, claims, &said, &groups) else { continue };
        let strong = match key {
            Bucket::Story { anchor, .. } => !anchor.contains('&'),
            Bucket::Strict { .. } => true,
        };
        let b = judged.len() as u32;
        let c = j.classes.len();
        // Per group, how many sources agree (a source that says both agrees) and disagree.
        let mut agreeing = vec![0usize; c];
        let mut disagreeing = vec![0usize; c];
        for (_, xs) in j.by_source() {
            for a in 0..c {
                work(xs.len());
                if xs.iter().any(|&(_, x)| j.rel(a, x as usize) == Some(true)) {
                    agreeing[a] += 1;
                } else if xs.iter().any(|&(_, x)| j.rel(a, x as usize) == Some(false)) {
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
    let mut shown_once: FxHashMap<usize, Related> = FxHashMap::default();
    let mut words = Words::default();
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
        let picked: Vec<usize> = against.values().take(MAX_RELATED).map(|&k| k as usize).collect();
        let shown = picked.iter().map(|&k| (claims[k], said[k])).collect();
        // A statement is shown against every claim it disagrees with: put into words once.
        let related = picked
            .iter()
            .map(|&k| shown_once.entry(k).or_insert_with(|| related(&claims[k], said[k])).clone())
            .collect();
        let agree = with.values().take(3).map(|&k| claims[k as usize].path).collect();
        let why = judged[verdict.bucket as usize].key.why(c, ws);
        out.push(disagreement(
            rule,
            ws,
            &mut words,
            Flag { claim: c, agreeing, disagreeing, shown, related, agree, why },
        ));
    }
    // A headline no statement of its own body bears out, when no other source flags it.
    in_source.sort_unstable();
    in_source.dedup_by_key(|x| x.0);
    for (h, k, b) in in_source {
        let (h, k) = (h as usize, k as usize);
        if !flagged[h] {
            let why = judged[b as usize].key.why(&claims[h], ws);
            out.push(unborne_headline(rule, &claims[h], &claims[k], why));
        }
    }
}

/// A claim found in the minority, with what is said against it and for it.
struct Flag<'a, 'w> {
    claim: &'a Claim<'w>,
    agreeing: usize,
    disagreeing: usize,
    /// The first disagreeing sources' statements, in path order, with what they say.
    shown: Vec<(Claim<'w>, &'w Said)>,
    /// Where each of `shown` is, and what it says ([`related`]).
    related: Vec<Related>,
    /// The first agreeing sources, in path order.
    agree: Vec<&'w str>,
    /// What the claims were compared as, in the bucket that decided.
    why: String,
}

/// What statements say, in encoded text and in English words, each worked out once for a
/// rule's run: a statement is shown beside every claim it contradicts (at 10,000 articles,
/// 60,000 statements shown for 12,000 distinct ones; putting each into words every time was a
/// fifth of the date rule). Keyed by the statement's place in memory: statements are not
/// moved or dropped while the rule runs.
#[derive(Default)]
struct Words(rustc_hash::FxHashMap<*const Said, (String, String)>);

impl Words {
    /// What `said` says ([`Said::show`]) and its English words.
    fn of(&mut self, said: &Said) -> &(String, String) {
        self.0.entry(said as *const Said).or_insert_with(|| {
            let value = said.show();
            let words = render(&value, Lang::En.into());
            (value, words)
        })
    }
}

fn disagreement(rule: &Rule, ws: &Workspace, words: &mut Words, flag: Flag) -> Finding {
    let c = flag.claim;
    // The readings in the order of their English words (the order messages have always had).
    let mut readings: BTreeMap<&str, (&str, Vec<std::borrow::Cow<str>>)> = BTreeMap::new();
    // Each statement's words made first, then only read: the readings borrow them.
    for (_, said) in &flag.shown {
        words.of(said);
    }
    for (k, said) in &flag.shown {
        let (value, english) = &words.0[&(*said as *const Said)];
        let name = verbatim(ws.source_name(k.path));
        readings.entry(english).or_insert_with(|| (value, Vec::new())).1.push(name);
    }
    let mut others: Vec<String> = readings
        .into_values()
        .map(|(value, mut names)| {
            names.dedup();
            msg("rule.conflict.reading", &[("value", value), ("sources", &list(&names))])
        })
        .collect();
    let more = flag.disagreeing.saturating_sub(flag.shown.len());
    if more > 0 {
        others.push(msg("rule.conflict.more", &[("n", &more.to_string())]));
    }
    let mut message = msg(
        "rule.conflict.disagrees",
        &[
            ("quote", &quote(c.doc, c.span)),
            ("value", &c.data.said.show_iso()),
            ("n", &flag.disagreeing.to_string()),
            ("others", &others.join(&msg("sep.semicolon", &[]))),
        ],
    );
    if flag.agreeing > 0 {
        let mut agree: Vec<String> =
            flag.agree.iter().map(|path| verbatim(ws.source_name(path)).into_owned()).collect();
        if flag.agreeing > agree.len() {
            agree.push(msg("rule.conflict.others", &[]));
        }
        message.push_str(&msg("rule.conflict.agree", &[("who", &list(&agree)), ("n", &flag.agreeing.to_string())]));
    }
    message.push_str(&msg("rule.conflict.compared", &[("why", &flag.why)]));
    Finding::of(rule, c.path, c.span, message, flag.related)
}

/// A headline `c` that the body statement `body` of its own article contradicts.
fn unborne_headline(rule: &Rule, c: &Claim, body: &Claim, why: String) -> Finding {
    let message = msg(
        "rule.conflict.headline",
        &[
            ("quote", &quote(c.doc, c.span)),
            ("value", &c.data.said.show_iso()),
            ("other", &quote(body.doc, body.span)),
            ("other_value", &body.data.said.show_iso()),
            ("why", &why),
        ],
    );
    Finding::of(rule, c.path, c.span, message, vec![related(body, &body.data.said)])
}

/// As [`conflicts`], for the claims of `paths` only, read from the claim index: per claim, its
/// buckets' summaries (O(groups + combinations) each); per flagged claim, the first sources of
/// each side (O(groups · [`MAX_RELATED`])) and, for those shown, their statements in their
/// source (O(its claims)). Nothing here walks a bucket's sources or another source's claims
/// beyond those shown.
fn conflicts_indexed(rule: &Rule, ws: &Workspace, kind: Kind, paths: &[&str], out: &mut Vec<Finding>) {
    let index = ws.claim_index();
    let mut words = Words::default();
    for &path in paths {
        let Some(doc) = ws.doc(path) else { continue };
        let story = ws.interner().get(ws.story(path));
        let mine: Vec<Claim> = keyed(ws, doc)
            .claims
            .iter()
            .filter(|c| c.kind == kind)
            .map(|data| Claim { path, source: 0, story: 0, doc, span: data.span, data })
            .collect();
        // The source's buckets, in order, each with its claims there and its summary if judged;
        // each claim with its buckets (by number, ascending).
        let mut by_key: BTreeMap<BucketKey, Vec<usize>> = BTreeMap::new();
        for (j, c) in mine.iter().enumerate() {
            for key in BucketKey::of(&story, c.data) {
                let members = by_key.entry(key).or_default();
                if members.last() != Some(&j) {
                    members.push(j);
                }
            }
        }
        let keys: Vec<(BucketKey, Vec<usize>)> = by_key.into_iter().collect();
        let states: Vec<Option<&BucketState>> =
            keys.iter().map(|(key, _)| index.get(kind, key.clone()).filter(|s| s.judged())).collect();
        let mut of_claim: Vec<Vec<usize>> = vec![Vec::new(); mine.len()];
        for (b, (_, members)) in keys.iter().enumerate() {
            for &j in members {
                of_claim[j].push(b);
            }
        }
        // Per bucket, how its groups stand to each other and what each counts: kept in the
        // index until the bucket changes.
        let judgements: Vec<Option<&Judgement>> = states
            .iter()
            .zip(&keys)
            .map(|(state, (key, _))| state.map(|s| s.judgement(key.bucket().strict())))
            .collect();
        // Each claim's judged buckets, with its group in each.
        let met_of: Vec<Vec<(usize, u16)>> = mine
            .iter()
            .zip(&of_claim)
            .map(|(c, buckets)| buckets.iter().filter_map(|&b| Some((b, states[b]?.group_of(&c.data.said)?))).collect())
            .collect();
        let mut flagged = vec![false; mine.len()];
        for (i, c) in mine.iter().enumerate() {
            let mut best: Option<Verdict> = None;
            for (m, &(b, a)) in met_of[i].iter().enumerate() {
                let (agreeing, disagreeing) = judgements[b].expect("judged").counts[a as usize];
                let strong = match &keys[b].0 {
                    BucketKey::Story { anchor, .. } => !anchor.contains('&'),
                    BucketKey::Strict { .. } => true,
                };
                // The claim's own source is among those that agree; the bucket chosen as in
                // [`conflicts`].
                let verdict = Verdict { agreeing: agreeing - 1, disagreeing, strong, bucket: m as u32 };
                let weight = verdict.agreeing + verdict.disagreeing;
                if best.is_none_or(|v| {
                    (weight, verdict.strong, verdict.agreeing) > (v.agreeing + v.disagreeing, v.strong, v.agreeing)
                }) {
                    best = Some(verdict);
                }
            }
            let Some(verdict) = best else { continue };
            if verdict.disagreeing == 0 || verdict.disagreeing < 1 + verdict.agreeing {
                continue;
            }
            flagged[i] = true;
            let mut with: std::collections::BTreeSet<&str> = Default::default();
            let mut against: BTreeMap<&str, (usize, u16)> = BTreeMap::new();
            for &(b, a) in &met_of[i] {
                let (agree, disagree) = judgements[b].expect("judged").sides(states[b].expect("judged"), a);
                with.extend(agree.iter().map(|s| &**s));
                for s in disagree {
                    against.entry(&**s).or_insert((b, a));
                }
            }
            with.remove(path);
            against.retain(|source, _| !with.contains(source) && *source != path);
            let disagreeing = verdict.disagreeing.max(against.len());
            let agreeing = verdict.agreeing.max(with.len());
            let shown = against
                .iter()
                .take(MAX_RELATED)
                .filter_map(|(source, &(b, a))| {
                    let (state, rel) =
                        (states[b].expect("judged"), &judgements[b].expect("judged").relation[a as usize]);
                    first_in(ws, kind, source, &keys[b].0, |said| {
                        state.group_of(said).is_some_and(|x| rel.any(&[x], false))
                    })
                })
                .map(|k| (k, &k.data.said))
                .collect::<Vec<_>>();
            let related = shown.iter().map(|(k, said)| related(k, said)).collect();
            let agree = with.iter().take(3).copied().collect();
            let (b, _) = met_of[i][verdict.bucket as usize];
            let why = keys[b].0.bucket().why(c, ws);
            out.push(disagreement(
                rule,
                ws,
                &mut words,
                Flag { claim: c, agreeing, disagreeing, shown, related, agree, why },
            ));
        }
        // Headlines their own body contradicts, bucket by bucket.
        let mut in_source: Vec<(usize, usize, usize)> = Vec::new();
        for (b, (_, members)) in keys.iter().enumerate() {
            let Some(state) = states[b] else { continue };
            // The source's groups here, each with its first headline and body statement.
            let mut groups: BTreeMap<u16, (Option<usize>, Option<usize>)> = BTreeMap::new();
            for &j in members {
                let c = &mine[j];
                let Some(x) = state.group_of(&c.data.said) else { continue };
                let g = groups.entry(x).or_default();
                let slot = if c.data.headline { &mut g.0 } else { &mut g.1 };
                if slot.is_none_or(|f| c.span.start < mine[f].span.start) {
                    *slot = Some(j);
                }
            }
            if groups.len() < 2 {
                continue;
            }
            for (&x, &(headline, _)) in &groups {
                let Some(h) = headline else { continue };
                let rel = &judgements[b].expect("judged").relation[x as usize];
                let body_in =
                    |pick: bool| groups.iter().filter(|(y, _)| rel.any(&[**y], pick)).filter_map(|(_, g)| g.1).min();
                if body_in(true).is_none()
                    && let Some(k) = body_in(false)
                {
                    in_source.push((h, k, b));
                }
            }
        }
        in_source.sort_unstable();
        in_source.dedup_by_key(|x| x.0);
        for (h, k, b) in in_source {
            if !flagged[h] {
                let why = keys[b].0.bucket().why(&mine[h], ws);
                out.push(unborne_headline(rule, &mine[h], &mine[k], why));
            }
        }
    }
}

/// The statement of `path` in bucket `key` that a side lists: of each group `take` accepts,
/// its source's statement that stands first; of those, the first in the source's order.
fn first_in<'w>(
    ws: &'w Workspace,
    kind: Kind,
    path: &'w str,
    key: &BucketKey,
    take: impl Fn(&Said) -> bool,
) -> Option<Claim<'w>> {
    let doc = ws.doc(path)?;
    let story = ws.story(path);
    let mut firsts: Vec<(&Said, usize)> = Vec::new();
    let all: Vec<&crate::claims::ClaimData> = keyed(ws, doc).claims.iter().filter(|c| c.kind == kind).collect();
    for (j, c) in all.iter().enumerate() {
        if !key.holds(story, c) || !take(&c.said) {
            continue;
        }
        match firsts.iter_mut().find(|(said, _)| **said == c.said) {
            Some(f) => {
                if c.span.start < all[f.1].span.start {
                    f.1 = j;
                }
            }
            None => firsts.push((&c.said, j)),
        }
    }
    let j = firsts.into_iter().map(|f| f.1).min()?;
    let data = all[j];
    Some(Claim { path, source: 0, story: 0, doc, span: data.span, data })
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
/// `groups` holds each claim's [`Said::group_key`].
fn judge<'w>(key: Bucket<'w>, members: &[u32], claims: &[Claim], said: &[&Said], groups: &[u64]) -> Option<Judged<'w>> {
    // A bucket whose statements all say one thing (most, in a real archive) has nothing to
    // compare: known before anything is gathered.
    let (&first, rest) = members.split_first()?;
    let (g, s) = (groups[first as usize], said[first as usize]);
    if rest.iter().all(|&i| groups[i as usize] == g && said[i as usize] == s) {
        return None;
    }
    let strict = key.strict();
    // At most MAX_CLASSES groups, found by a look along them (the group key first): a
    // bucket judged has a few. Its members come in claim order, and a source's claims are
    // consecutive (`claims`), so a source's entry in a group is that group's last, or new.
    let mut classes: Vec<Class> = Vec::new();
    for &i in members {
        work(1);
        let (s, g) = (said[i as usize], groups[i as usize]);
        let k = match classes.iter().position(|cl| cl.group == g && said[cl.rep as usize] == s) {
            Some(k) => k,
            None => {
                if classes.len() == MAX_CLASSES {
                    return None;
                }
                classes.push(Class { rep: i, group: g, members: Vec::new(), sources: Vec::new() });
                classes.len() - 1
            }
        };
        classes[k].members.push(i);
        let c = &claims[i as usize];
        let entries = &mut classes[k].sources;
        let found = match entries.last() {
            Some(e) if e.source == c.source => Some(entries.len() - 1),
            // Not with `claims`' order; right whatever the order.
            Some(e) if e.source > c.source => entries.iter().position(|e| e.source == c.source),
            _ => None,
        };
        let at = found.unwrap_or_else(|| {
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
    let mut said_by: Vec<(u32, u16)> = Vec::with_capacity(classes.iter().map(|cl| cl.sources.len()).sum());
    for (x, class) in classes.iter_mut().enumerate() {
        class.sources.sort_unstable_by_key(|e| e.source);
        for e in &class.sources {
            work(1);
            said_by.push((e.source, x as u16));
        }
    }
    said_by.sort_unstable();
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
    for (source, xs) in j.by_source() {
        if sides.disagreeing.len() == MAX_RELATED && sides.agreeing.len() == MAX_RELATED {
            break;
        }
        work(xs.len());
        let first = |pick: bool| {
            xs.iter()
                .filter(|&&(_, x)| j.rel(a, x as usize) == Some(pick))
                .filter_map(|&(_, x)| j.entry(x as usize, source).map(|e| e.first))
                .min()
        };
        if let Some(k) = first(true) {
            if sides.agreeing.len() < MAX_RELATED {
                sides.agreeing.push((source, k));
            }
        } else if let Some(k) = first(false)
            && sides.disagreeing.len() < MAX_RELATED
        {
            sides.disagreeing.push((source, k));
        }
    }
    sides
}

/// Within one source of a bucket: a headline statement that a statement of the body
/// contradicts and none bears out. Collected as (headline claim, body claim, bucket).
fn headline_against_body(j: &Judged, b: u32, claims: &[Claim], scope: Scope, out: &mut Vec<(u32, u32, u32)>) {
    for (source, xs) in j.by_source() {
        if xs.len() < 2 {
            continue;
        }
        for &(_, x) in xs {
            work(xs.len());
            let Some(h) = j.entry(x as usize, source).and_then(|e| e.headline) else { continue };
            if !scope.includes(claims[h as usize].path) {
                continue;
            }
            let body_in = |pick: bool| {
                xs.iter()
                    .filter(|&&(_, y)| j.rel(x as usize, y as usize) == Some(pick))
                    .filter_map(|&(_, y)| j.entry(y as usize, source).and_then(|e| e.body))
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
    fn what_a_place_holds_is_not_how_many_came() {
        // The coach named in each is what the counts share (the agency of the dateline is not).
        let came = "الرباط - 26 يناير 2025 (رويترز) - وقال المدرب وليد الركراكي إن نحو 50 ألف متفرج تابعوا المباراة.";
        let holds =
            "الرباط - 26 يناير 2025 (رويترز) - وقال المدرب وليد الركراكي إن الملعب الذي يتسع لـ60 ألف متفرج امتلأ.";
        let holds_too = "الرباط - 26 يناير 2025 (رويترز) - وقال المدرب وليد الركراكي إن الملعب امتلأ بسعة 60 ألف متفرج.";
        assert!(figures(&[("a.txt", came, None), ("b.txt", holds, None), ("c.txt", holds_too, None)]).is_empty());
        let more = "الرباط - 26 يناير 2025 (رويترز) - وقال المدرب وليد الركراكي إن نحو 70 ألف متفرج تابعوا المباراة.";
        assert_eq!(figures(&[("a.txt", came, None), ("d.txt", more, None)]).len(), 2);
    }

    #[test]
    fn took_the_lives_of_counts_the_dead() {
        let a = "أودت الحرائق في بلدة الكرامة بحياة 4 أشخاص.";
        let b = "وأودى الحريق في بلدة الكرامة بحياة خمسة أشخاص بينهم طفلان.";
        assert_eq!(
            figures(&[("a.txt", a, None), ("b.txt", b, None)]),
            [
                "a.txt «4 أشخاص» (4) disagrees with 1 other source: 5 in b.txt. Compared: killed in «الكرامة».",
                "b.txt «خمسة أشخاص» (5) disagrees with 1 other source: 4 in a.txt. Compared: killed in «الكرامة».",
            ]
        );
    }

    #[test]
    fn a_rate_of_part_of_the_whole_is_another_rate() {
        let whole = "وبلغ معدل البطالة في الأردن 21.4%، وبلغت نسبة ملء السدود في الأردن 31%.";
        let parts = "وبلغ معدل البطالة بين النساء في الأردن 32.9%، ومعدل البطالة في الريف الأردني 19%، \
                     ومعدل بطالة الشباب في الأردن 46%، ونسبة ملء سد الملك طلال في الأردن 54%.";
        assert!(figures(&[("a.txt", whole, None), ("b.txt", parts, None)]).is_empty());
        // «وسط» (among) opens a part too, though it begins with the letter «و».
        let amid = "وبلغ معدل البطالة وسط الشباب في الأردن 46%.";
        assert!(figures(&[("a.txt", whole, None), ("b.txt", amid, None)]).is_empty());
        // The same rate of the same part is compared.
        let again = "وقالت الدائرة إن معدل البطالة بين النساء في الأردن بلغ 30.1%.";
        assert_eq!(
            figures(&[("b.txt", parts, None), ("c.txt", again, None)]),
            [
                "b.txt «32.9%» (32.9) disagrees with 1 other source: 30.1 in c.txt. Compared: the percentage of «البطالة بين النساء» in «الأردن».",
                "c.txt «30.1%» (30.1) disagrees with 1 other source: 32.9 in b.txt. Compared: the percentage of «البطالة بين النساء» in «الأردن».",
            ]
        );
    }

    #[test]
    fn the_value_compared_with_or_changed_from_is_of_another_time() {
        // «مقابل 3.2 مليار جنيه في 2023» is last year's revenue, not this year's.
        let a = "وبلغت إيرادات شركة الواحة 4.1 مليار جنيه في 2024، مقابل 3.2 مليار جنيه في 2023.";
        let b = "وقالت إن إيرادات شركة الواحة بلغت 4.1 مليار جنيه في 2024.";
        assert!(figures(&[("a.txt", a, None), ("b.txt", b, None)]).is_empty());
        let c = "وسجل معدل البطالة في المغرب 12,8 في المائة مقارنة بـ 13,1 في المائة.";
        let d = "وتراجع معدل البطالة في المغرب من 13,1 في المائة إلى 12,8 في المائة.";
        let e = "وبلغ معدل البطالة في المغرب 12,8 في المائة.";
        assert!(figures(&[("c.txt", c, None), ("d.txt", d, None), ("e.txt", e, None)]).is_empty());
        // The value it changed to is compared as any other.
        let f = "وبلغ معدل البطالة في المغرب 13,5 في المائة.";
        assert_eq!(figures(&[("d.txt", d, None), ("f.txt", f, None)]).len(), 2);
        // «مقابل» of an exchange is no comparison: what is given in return is counted.
        let g = "ونص الاتفاق على الإفراج عن 630 أسيرا مقابل 9 رهائن من بلدة الكرامة.";
        let h = "ونص الاتفاق على الإفراج عن 630 أسيرا مقابل 11 رهينة من بلدة الكرامة.";
        assert_eq!(figures(&[("g.txt", g, None), ("h.txt", h, None)]).len(), 2);
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
        // A verb in any person and number: «جرحوا» (they were injured) is «أصيبوا».
        let g = "وقال مسعفون إن 40 شخصا جرحوا في انفجار بلدة الكرامة.";
        let h = "وقال مسعفون إن 25 شخصا أصيبوا في انفجار بلدة الكرامة.";
        assert_eq!(
            figures(&[("g.txt", g, None), ("h.txt", h, None)]),
            [
                "g.txt «40 شخصا» (40) disagrees with 1 other source: 25 in h.txt. Compared: injured in «الكرامة».",
                "h.txt «25 شخصا» (25) disagrees with 1 other source: 40 in g.txt. Compared: injured in «الكرامة».",
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
    fn a_masdar_of_death_before_the_count_counts_the_dead() {
        // «أسفر … عن وفاة/مصرع N وإصابة M»: the first count is of the dead, the second of the
        // injured; neither is the other's.
        let a = "أسفر حريق اندلع في سوق بلدة الكرامة عن وفاة 4 أشخاص وإصابة 19 آخرين.";
        let b = "لقي 6 أشخاص مصرعهم وأصيب 19 آخرون في حريق سوق بلدة الكرامة.";
        assert_eq!(
            figures(&[("a.txt", a, None), ("b.txt", b, None)]),
            [
                "a.txt «4 أشخاص» (4) disagrees with 1 other source: 6 in b.txt. Compared: killed in «الكرامة».",
                "b.txt «6 أشخاص» (6) disagrees with 1 other source: 4 in a.txt. Compared: killed in «الكرامة».",
            ]
        );
        let c = "أسفر الحريق في سوق بلدة الكرامة عن مصرع 6 أشخاص وإصابة 19 آخرين.";
        assert!(figures(&[("b.txt", b, None), ("c.txt", c, None)]).is_empty());
        // «سقوط 6 قتلى وإصابة 19»: the masdar after the dead governs the next count, and does
        // not join them into one count of both.
        let d = "أسفر الحريق في سوق بلدة الكرامة عن سقوط 6 قتلى وإصابة 19 آخرين.";
        assert!(figures(&[("b.txt", b, None), ("d.txt", d, None)]).is_empty());
        let e = "أسفر الحريق في سوق بلدة الكرامة عن سقوط 6 قتلى وإصابة 25 آخرين.";
        assert_eq!(figures(&[("b.txt", b, None), ("e.txt", e, None)]).len(), 2);
    }

    #[test]
    fn some_of_the_injured_are_not_the_injured() {
        let all = "أصيب 23 شخصا في حادث تصادم حافلتين على طريق بلدة الكرامة.";
        // Those in a critical state, the discharged, those still in hospital: parts of the
        // count, and of parts no two are known to be the same part.
        let critical = "أصيب 23 شخصا في حادث تصادم حافلتين على طريق بلدة الكرامة، وحالة 4 من المصابين حرجة.";
        let discharged = "وغادر 11 مصابا المستشفى بعد حادث تصادم حافلتين على طريق بلدة الكرامة.";
        let staying = "ولا يزال 7 جرحى في المستشفى بعد حادث تصادم حافلتين على طريق بلدة الكرامة.";
        assert!(
            figures(&[
                ("a.txt", all, None),
                ("b.txt", critical, None),
                ("c.txt", discharged, None),
                ("d.txt", staying, None)
            ])
            .is_empty()
        );
        // The partitive of a group of the dead is a part too.
        let dead = "قتل 15 شخصا في حادث تصادم حافلتين على طريق بلدة الكرامة.";
        let children = "وكان تسعة من القتلى أطفالا في حادث تصادم حافلتين على طريق بلدة الكرامة.";
        assert!(figures(&[("a.txt", dead, None), ("b.txt", children, None)]).is_empty());
    }

    #[test]
    fn the_incident_a_story_is_about_is_subject_enough() {
        // A bus crash, a fire: told with the toll and no place, the incident says which.
        let a = "لقي 12 شخصا مصرعهم وأصيب 30 آخرون في الحادث المروع.";
        let b = "وأسفر الحادث عن مقتل 15 شخصا وإصابة 30 آخرين.";
        assert_eq!(
            figures(&[("a.txt", a, None), ("b.txt", b, None)]),
            [
                "a.txt «12 شخصا» (12) disagrees with 1 other source: 15 in b.txt. Compared: killed in the accident («الحادث»).",
                "b.txt «15 شخصا» (15) disagrees with 1 other source: 12 in a.txt. Compared: killed in the accident («الحادث»).",
            ]
        );
        // Not a strike or a battle, of which a story tells many.
        let c = "قتل 12 شخصا في الغارة.";
        let d = "قتل 15 شخصا في الغارة.";
        assert!(figures(&[("c.txt", c, None), ("d.txt", d, None)]).is_empty());
        // Not where a place or a country is named: one country's dead are not both's.
        let both = "وارتفعت حصيلة ضحايا الفيضانات في الجزائر وتونس إلى 13 قتيلا.";
        let one = "وقتل 9 أشخاص في الفيضانات في الجزائر.";
        assert!(figures(&[("a.txt", both, None), ("b.txt", one, None)]).is_empty());
        let here = "قتل 296 شخصا في الزلزال الذي ضرب مدينة الكرامة.";
        let there = "وأودى الزلزال بحياة 29 شخصا في بلدة السلام.";
        assert!(figures(&[("a.txt", here, None), ("b.txt", there, None)]).is_empty());
        // Nor an incident of an earlier year.
        let now = "قتل 12 شخصا في الزلزال.";
        let then = "وكان 4500 شخص قد قتلوا في الزلزال عام 2023.";
        assert!(figures(&[("a.txt", now, Some("2025-01-15")), ("b.txt", then, Some("2025-01-15"))]).is_empty());
    }

    #[test]
    fn a_seizure_is_weighed_by_what_was_seized() {
        let a = "وحجزت الشرطة في ميناء مدينة الكرامة 18 طنا من الحشيش.";
        let b = "وضبطت الشرطة في ميناء مدينة الكرامة 25 طنا من الحشيش.";
        assert_eq!(
            figures(&[("a.txt", a, None), ("b.txt", b, None)]),
            [
                "a.txt «18 طنا» (18) disagrees with 1 other source: 25 in b.txt. Compared: tonnes of «الحشيش» (seizure) in «الكرامة».",
                "b.txt «25 طنا» (25) disagrees with 1 other source: 18 in a.txt. Compared: tonnes of «الحشيش» (seizure) in «الكرامة».",
            ]
        );
        // Tonnes of another drug are another quantity.
        let c = "وضبطت الشرطة في ميناء مدينة الكرامة طنين من الكوكايين.";
        assert!(figures(&[("a.txt", a, None), ("c.txt", c, None)]).is_empty());
        // Pills and money seized are counted too.
        let d = "وضبطت الشرطة في مدينة الكرامة 2.4 مليون حبة مخدرة ومبلغ 120 ألف درهم.";
        let e = "وضبطت الشرطة في مدينة الكرامة 2.6 مليون حبة مخدرة ومبلغ 210 آلاف درهم.";
        assert_eq!(figures(&[("d.txt", d, None), ("e.txt", e, None)]).len(), 4);
        // An area burned is in hectares however the noun is inflected.
        let f = "أتى الحريق على 120 هكتارا من غابات بلدة الكرامة.";
        let g = "أتى الحريق على 210 هكتارات من غابات بلدة الكرامة.";
        assert_eq!(figures(&[("f.txt", f, None), ("g.txt", g, None)]).len(), 2);
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
                "b.txt «85 قتيلا» (85) disagrees with 1 other source: 30 in c.txt. Compared: killed in the earthquake («زلزال») in «حمص».",
                "c.txt «30 شخصا» (30) disagrees with 1 other source: 85 in b.txt. Compared: killed in the earthquake («زلزال») in «حمص».",
            ]
        );
        // Without dates, the words do: a first count, and a count that rose.
        let early = "وفي حصيلة أولية، قتل 20 شخصا في زلزال مدينة حمص.";
        assert!(figures(&[("a.txt", early, None), ("b.txt", later, None)]).is_empty());
        assert!(figures(&[("a.txt", first, None), ("b.txt", update, None)]).is_empty());
        // A headline names the rise with its masdar.
        let headline = "ارتفاع ضحايا زلزال مدينة حمص إلى 85 قتيلا";
        assert!(figures(&[("a.txt", first, None), ("b.txt", headline, None)]).is_empty());
        // And with nothing to order them, two tolls disagree.
        assert_eq!(figures(&[("a.txt", first, None), ("c.txt", later, None)]).len(), 2);
        // A stage credited at the end of the clause: a first count does not contradict a rise;
        // a final one does.
        let credited_early = "قتل 20 شخصا في زلزال مدينة حمص، بحسب حصيلة أولية.";
        assert!(figures(&[("a.txt", credited_early, None), ("b.txt", update, None)]).is_empty());
        let credited_final = "قتل 20 شخصا في زلزال مدينة حمص، وفق حصيلة نهائية.";
        assert_eq!(figures(&[("a.txt", credited_final, None), ("b.txt", update, None)]).len(), 2);
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
        // A weekday that does not fit its own full date is that article's slip
        // (`weekday-mismatch`): the date agrees with the same date elsewhere.
        // The arrest, death, release… of a named person happen once: their dates are compared.
        let arrested = "اعتقلت السلطات الناشط سامر الخطيب في 3 مايو 2022 في مدينة حمص.";
        let also = "وكان الناشط سامر الخطيب قد اعتقل في 3 مايو 2022.";
        let later = "واعتقل الخطيب في 13 مايو 2022 بحسب عائلته.";
        assert_eq!(
            run(dates, &[("a.txt", arrested, None), ("b.txt", also, None), ("c.txt", later, None)]),
            ["c.txt «13 مايو 2022» (2022-05-13) disagrees with 2 other sources: 2022-05-03 in a.txt and b.txt. \
                 Compared: the date of the arrest involving «سامر الخطيب»."]
        );
        let released = "وأفرجت السلطات عن الناشط سامر الخطيب في 13 مايو 2022.";
        assert!(run(dates, &[("a.txt", arrested, None), ("b.txt", released, None)]).is_empty(), "two events");
        let slip = "أطلق الحوثيون صاروخا باليستيا على الرياض يوم الأحد 19 ديسمبر 2017.";
        let right = "أطلق الحوثيون صاروخا على الرياض يوم الثلاثاء 19 ديسمبر 2017.";
        assert!(run(dates, &[("a.txt", slip, None), ("b.txt", right, None), ("c.txt", date, None)]).is_empty());
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
        // An ordinal unit and its tens: «في الثامنة والستين من عمرها» is 68.
        let d = "وعثر الجيران على والدته في الثامنة والستين من عمرها مصابة بطعنات.";
        assert_eq!(
            figures(&[("a.txt", a, None), ("d.txt", d, None)]),
            [
                "a.txt «67 عاما» (67 years) disagrees with 1 other source: 68 years in d.txt. Compared: the age of the mother.",
                "d.txt «الثامنة والستين» (68 years) disagrees with 1 other source: 67 years in a.txt. Compared: the age of the mother.",
            ]
        );
        // The father's age is not the mother's; a person is a year older two years on.
        let c = "ونقل الأب وعمره 70 عاما إلى المستشفى.";
        assert!(figures(&[("a.txt", a, None), ("c.txt", c, None)]).is_empty());
        let then = "وقال وزير الصحة سامي العلي البالغ من العمر 40 عاما إن المستشفى امتلأ.";
        let now = "وقال وزير الصحة سامي العلي البالغ من العمر 42 عاما إن الوضع تحسن.";
        assert!(figures(&[("a.txt", then, Some("2019-01-10")), ("b.txt", now, Some("2021-03-01"))]).is_empty());
        assert_eq!(figures(&[("a.txt", then, None), ("b.txt", now, None)]).len(), 2);
        // «البالغ 47 عاما» right after the name; not «البالغ عددهم».
        let pilot = "وقال الطيار سامي العلي البالغ 47 عاما إن المحرك توقف.";
        let older = "وقال الطيار سامي العلي (49 عاما) إن المحرك توقف.";
        assert_eq!(figures(&[("a.txt", pilot, None), ("b.txt", older, None)]).len(), 2);
        // His son is no daughter («ابنه» folds as «ابنة»).
        let son = "وأصيب الرجل وابنه (27 عاما) في القصف.";
        let daughter = "وأصيبت المرأة وابنتها (24 عاما) في القصف.";
        assert!(figures(&[("a.txt", son, None), ("b.txt", daughter, None)]).is_empty());
        // A child no name follows is not the official who speaks of her.
        let child = "وقال مدير الصحة سامي العلي إن طفلة تبلغ من العمر 7 سنوات توفيت.";
        assert!(figures(&[("a.txt", child, None), ("b.txt", older, None)]).is_empty());
        // The years one died at: «عن عمر ناهز»، or «عن» after a word of dying.
        let near = "توفيت الروائية سلمى حداد الخميس عن عمر ناهز 91 عاما.";
        let at = "رحلت الروائية سلمى حداد عن 89 عاما بعد مسيرة طويلة.";
        assert_eq!(
            figures(&[("a.txt", near, None), ("b.txt", at, None)]),
            [
                "a.txt «ناهز 91 عاما» (about 91 years) disagrees with 1 other source: 89 years in b.txt. Compared: the age of «سلمى حداد».",
                "b.txt «89 عاما» (89 years) disagrees with 1 other source: about 91 years in a.txt. Compared: the age of «سلمى حداد».",
            ]
        );
        // Approaching 91 is 90: a year either way of an age «نحو/يناهز» gives.
        let ninety = "رحلت الروائية سلمى حداد عن 90 عاما بعد مسيرة طويلة.";
        assert!(figures(&[("a.txt", near, None), ("b.txt", ninety, None)]).is_empty());
        // «عن» with no dying before it is no age: «تخلى عن 3 سنوات من عقده».
        let gave_up = "وتخلى اللاعب سليم حداد عن 3 سنوات من عقده.";
        let played = "ولعب اللاعب سليم حداد 5 سنوات مع النادي.";
        assert!(figures(&[("a.txt", gave_up, None), ("b.txt", played, None)]).is_empty());
    }

    #[test]
    fn an_earthquake_has_one_magnitude_and_its_aftershocks_their_own() {
        let a = "ضرب زلزال بقوة 6.2 درجات على مقياس ريختر المنطقة، وتلته هزة ارتدادية بقوة 4.9 درجات.";
        let b = "ضرب زلزال بقوة 5,8 درجة المنطقة الجبلية.";
        let c = "بلغت قوة الزلزال الذي ضرب المنطقة 6.2 درجات، وسجلت 40 هزة ارتدادية أقواها بشدة 4.9 درجات.";
        assert_eq!(
            figures(&[("a.txt", a, None), ("b.txt", b, None), ("c.txt", c, None)]),
            [
                "b.txt «5,8 درجة» (5.8) disagrees with 2 other sources: 6.2 in a.txt and c.txt. Compared: the magnitude in the earthquake («زلزال»)."
            ]
        );
        // Across a comma, and «زلزالا» in the accusative; a quake of an earlier year is another.
        let comma = "وكان الزلزال، الذي بلغت قوته 5,8 درجة على مقياس ريختر، قد أحدث دمارا.";
        let accusative = "قالت الإدارة إن زلزالا بلغت قوته 6.2 درجة هز المنطقة.";
        assert_eq!(
            figures(&[("a.txt", comma, Some("2025-01-14")), ("b.txt", accusative, Some("2025-01-14"))]).len(),
            2
        );
        let earlier = "وفي 6 شباط 2023، أودى زلزال بقوة 7,8 درجات بحياة الآلاف.";
        assert!(figures(&[("a.txt", comma, Some("2025-01-14")), ("b.txt", earlier, Some("2025-01-14"))]).is_empty());
        // Degrees of heat are no magnitude, even the day of a quake.
        let cold = "وانخفضت درجات الحرارة إلى 5 درجات تحت الصفر بعد الزلزال.";
        assert!(figures(&[("b.txt", b, None), ("d.txt", cold, None)]).is_empty());
    }

    #[test]
    fn a_part_is_not_the_count_of_its_noun() {
        // A noun the data does not know is compared by itself and the year; a part of the
        // count before it («منها») is not that count, only another part.
        let a = "ومثلت الفنانة سلمى حداد 14 فيلما في عام 2010، منها خمسة أفلام مصرية.";
        let b = "ومثلت الفنانة سلمى حداد 14 فيلما في عام 2010.";
        assert!(figures(&[("a.txt", a, None), ("b.txt", b, None)]).is_empty());
        let c = "ومثلت الفنانة سلمى حداد خمسة أفلام في عام 2010.";
        assert_eq!(figures(&[("b.txt", b, None), ("c.txt", c, None)]).len(), 2);
        // Another source's part is compared with it.
        let d = "ومثلت الفنانة سلمى حداد 14 فيلما في عام 2010، منها سبعة أفلام مصرية.";
        assert_eq!(figures(&[("a.txt", a, None), ("d.txt", d, None)]).len(), 2);
    }

    #[test]
    fn the_rescued_are_counted_apart_from_the_dead() {
        let a = "لقي 12 مهاجرا حتفهم إثر غرق قارب قبالة سواحل طبرقة، فيما أنقذ خفر السواحل 40 شخصا.";
        let b = "انتشل خفر السواحل الجثث وأنقذوا 45 شخصا إثر غرق قارب قبالة سواحل طبرقة.";
        let c = "لقي 12 مهاجرا حتفهم في غرق قارب قبالة سواحل طبرقة ونجا 40 آخرون.";
        assert_eq!(
            figures(&[("a.txt", a, None), ("b.txt", b, None), ("c.txt", c, None)]),
            [
                "b.txt «45 شخصا» (45) disagrees with 2 other sources: 40 in a.txt and c.txt. Compared: rescued in «طبرقة»."
            ]
        );
        // The rescued are never the dead, nor the other way round.
        let dead = "لقي 40 شخصا حتفهم إثر غرق قارب قبالة سواحل طبرقة.";
        assert!(figures(&[("a.txt", b, None), ("b.txt", dead, None)]).is_empty());
    }

    #[test]
    fn a_rate_named_is_one_quantity_of_its_incident_or_country() {
        // Turnout in an election, inflation in a country: «نسبة/معدل» and the word after.
        let a = "وبلغت نسبة المشاركة في الانتخابات البلدية 31,4 في المئة من الناخبين.";
        let b = "وقالت الهيئة إن نسبة المشاركة في الانتخابات البلدية بلغت 34,1 في المئة من الناخبين.";
        assert_eq!(
            figures(&[("a.txt", a, None), ("b.txt", b, None)]),
            [
                "a.txt «31,4 في المئة» (31.4) disagrees with 1 other source: 34.1 in b.txt. Compared: the percentage of «المشاركة» in the election («الانتخابات»).",
                "b.txt «34,1 في المئة» (34.1) disagrees with 1 other source: 31.4 in a.txt. Compared: the percentage of «المشاركة» in the election («الانتخابات»).",
            ]
        );
        let march = "ارتفع معدل التضخم السنوي في الأردن إلى 4,6 بالمئة في مارس.";
        let other = "ارتفع معدل التضخم السنوي في الأردن إلى 4,1 بالمئة في مارس.";
        assert_eq!(
            figures(&[("a.txt", march, None), ("b.txt", other, None)]),
            [
                "a.txt «4,6 بالمئة» (4.6) disagrees with 1 other source: 4.1 in b.txt. Compared: the percentage of «التضخم» in «الأردن».",
                "b.txt «4,1 بالمئة» (4.1) disagrees with 1 other source: 4.6 in a.txt. Compared: the percentage of «التضخم» in «الأردن».",
            ]
        );
        // Another month, another rate, a rise «بنسبة» (by, not of): nothing to compare.
        let february = "وكان معدل التضخم في الأردن 3,8 بالمئة في فبراير.";
        let jobless = "وبلغ معدل البطالة في الأردن 21 بالمئة في مارس.";
        let rise = "وارتفعت الأسعار في الأردن بنسبة 9 بالمئة في مارس.";
        let rise2 = "وارتفعت الأسعار في الأردن بنسبة 5 بالمئة في مارس.";
        for x in [february, jobless, rise] {
            assert!(figures(&[("a.txt", march, None), ("b.txt", x, None)]).is_empty(), "{x}");
        }
        assert!(figures(&[("a.txt", rise, None), ("b.txt", rise2, None)]).is_empty());
        // The rate named decides, whatever «من» says after it: «من نحو مليوني ناخب» (out of a
        // number) or «من الناخبين».
        let out_of = "وبلغت نسبة المشاركة في الانتخابات البلدية 34,1 في المئة من نحو مليوني ناخب.";
        assert_eq!(figures(&[("a.txt", a, None), ("b.txt", out_of, None)]).len(), 2);
        // «بنسبة 9 بالمئة» after the rate is a rise by that much.
        let by = "وقالت الوزارة إن معدل التضخم في الأردن ارتفع بنسبة 9 بالمئة.";
        assert!(figures(&[("a.txt", march, None), ("b.txt", by, None)]).is_empty());
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

    /// Sources made of the sample story's sentences and of sentences written here, their
    /// numbers shifted, in two folders (two stories), some with a headline.
    fn mixed_sources(n: usize, seed: u64) -> Vec<(String, String)> {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../../examples/iraq-withdrawal");
        let mut pool: Vec<String> = Vec::new();
        let mut names: Vec<_> = std::fs::read_dir(dir).unwrap().map(|e| e.unwrap().path()).collect();
        names.sort();
        for path in names {
            let text = std::fs::read_to_string(path).unwrap();
            pool.extend(
                text.split(['.', '\n']).map(str::trim).filter(|s| s.chars().count() > 20).map(|s| format!("{s}.")),
            );
        }
        pool.extend(
            [
                "قتل 12 شخصا وأصيب 40 آخرون في انفجار سيارة مفخخة في سوق بلدة الكرامة صباح الاثنين 3 مارس 2014.",
                "أسفر الانفجار الذي هز سوق بلدة الكرامة عن سقوط 12 قتيلا و45 جريحا.",
                "وصوّت مجلس النواب العراقي في 5 يناير 2020 على إنهاء وجود القوات الأجنبية بعد مقتل قاسم سليماني.",
                "وكان مجلس النواب العراقي قد صوت في 5 جانفي 2020 على القرار إثر اغتيال قاسم سليماني.",
                "وانتشر نحو 5000 جندي أمريكي في العراق عام 2019.",
            ]
            .map(String::from),
        );
        let mut state = seed;
        let mut next = move || {
            state = state.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
            (state >> 33) as usize
        };
        (0..n)
            .map(|i| {
                let count = 2 + next() % 6;
                let mut lines: Vec<String> = (0..count)
                    .map(|_| {
                        let shift = next() % 3;
                        pool[next() % pool.len()]
                            .chars()
                            .map(|c| match c.to_digit(10) {
                                Some(d) if shift > 0 => char::from_digit((d + shift as u32) % 10, 10).unwrap(),
                                _ => c,
                            })
                            .collect()
                    })
                    .collect();
                if next() % 3 == 0 {
                    // A headline: a short first line.
                    let first: String = lines[0].chars().take(60).collect();
                    lines.insert(0, first);
                }
                (format!("{}/s{i:02}.txt", ["one", "two"][i % 2]), lines.join("\n"))
            })
            .collect()
    }

    /// Every rule's findings for one source, from the index, against the whole check's.
    fn assert_scoped_as_whole(ws: &crate::workspace::Workspace, paths: &[String]) {
        use super::super::{RuleSettings, check, check_scope};
        let settings = RuleSettings::default();
        let whole = check(ws, &settings);
        for p in paths {
            let only: std::collections::HashSet<String> = [p.clone()].into();
            let scoped = check_scope(ws, &settings, Scope::Only(&only));
            let expected: Vec<_> = whole.iter().filter(|f| &*f.path == p).cloned().collect();
            assert_eq!(scoped, expected, "findings for {p}");
        }
    }

    #[test]
    fn the_index_gives_the_findings_the_whole_check_gives() {
        for seed in 1..4 {
            let sources = mixed_sources(24, seed);
            let ws = workspace(&sources.iter().map(|(p, t)| (p.as_str(), t.as_str(), None)).collect::<Vec<_>>());
            let paths: Vec<String> = sources.iter().map(|(p, _)| p.clone()).collect();
            let found = super::super::check(&ws, &Default::default());
            assert!(found.iter().filter(|f| f.code.ends_with("conflict")).count() > 2, "a test that can fail");
            assert_scoped_as_whole(&ws, &paths);
        }
        // One story of many sources: more disagreeing and agreeing sources than are listed.
        let sources: Vec<(String, String)> = (0..50)
            .map(|i| {
                let n = [12, 15, 12, 15, 40][i % 5];
                (format!("many/s{i:02}.txt"), format!("قتل {n} شخصا في انفجار سوق بلدة الكرامة."))
            })
            .collect();
        let ws = workspace(&sources.iter().map(|(p, t)| (p.as_str(), t.as_str(), None)).collect::<Vec<_>>());
        let found = super::super::check(&ws, &Default::default());
        assert!(found.iter().any(|f| f.related.len() == super::MAX_RELATED), "a test that can fail");
        // A claim's counterparts, a few shown a side, all counted.
        let doc = ws.doc("many/s00.txt").unwrap();
        let figure =
            doc.analysis.mentions.iter().position(|m| matches!(m.kind, crate::extract::MentionKind::Figure(_)));
        let c = crate::claims::counterparts_up_to(&ws, "many/s00.txt", figure.unwrap(), 3);
        let shown: Vec<(&str, bool)> = c.shown.iter().map(|c| (c.path.as_str(), c.agrees)).collect();
        assert_eq!(
            shown,
            [
                ("many/s01.txt", false),
                ("many/s02.txt", true),
                ("many/s03.txt", false),
                ("many/s04.txt", false),
                ("many/s05.txt", true),
                ("many/s07.txt", true),
            ]
        );
        // Ten sources a value in five: 12 twice as often; the claim's own source not counted.
        assert_eq!((c.agreeing, c.disagreeing), (19, 30));
        let all = counterparts_of(&ws, "many/s00.txt", figure.unwrap());
        assert_eq!(all.len(), 49);
        let places = crate::claims::counterpart_places(&ws, "many/s00.txt", figure.unwrap());
        assert_eq!(places, all.iter().map(|c| (c.path.as_str(), c.span)).collect::<Vec<_>>());
        let paths: Vec<String> = sources.iter().map(|(p, _)| p.clone()).collect();
        assert_scoped_as_whole(&ws, &paths);
    }

    #[test]
    fn the_index_kept_per_edit_gives_the_findings_the_whole_check_gives() {
        let sources = mixed_sources(20, 7);
        let mut ws = workspace(&sources.iter().map(|(p, t)| (p.as_str(), t.as_str(), None)).collect::<Vec<_>>());
        let paths: Vec<String> = sources.iter().map(|(p, _)| p.clone()).collect();
        ws.claim_index();
        let edits = mixed_sources(40, 99);
        for (k, (_, text)) in edits.iter().enumerate() {
            // Edits to a few sources: new text, the same text moved, a sentence dropped.
            let path = &paths[k % 5];
            let text = match k % 3 {
                0 => text.clone(),
                1 => format!("عاجل\n{}", ws.doc(path).unwrap().text),
                _ => ws.doc(path).unwrap().text.split_once('\n').map_or(text.clone(), |(_, rest)| rest.to_string()),
            };
            ws.upsert(path, text, None);
            assert_scoped_as_whole(&ws, &paths[..6]);
        }
    }
}
