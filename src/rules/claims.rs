//! Claims across sources: what a date or a figure is about, and which sources disagree.
//!
//! Two claims are about the same thing when they share a key (for a date, the entity nearest
//! it in its sentence: «مجلس النواب العراقي في 5 يناير 2020»; for a figure, its counted noun
//! and the year it is about) and at least one more piece of context: a named entity other
//! than a known country or city (those are where things happen, not what happened), or an
//! event word («تصويت»، «نشر»). Candidates are bucketed by key and shared context, and within a bucket
//! by value, so the work stays near-linear in the number of claims.
//!
//! A claim is flagged when at least as many other sources disagree with it as agree with it
//! (itself included): the minority reading is the one to check.

use std::collections::{BTreeMap, BTreeSet};
use std::sync::Arc;

use rustc_hash::FxHashMap;

use super::{Finding, Related, Rule, quote};
use crate::entities::{EntityKind, Origin};
use crate::extract::{MentionKind, Span};
use crate::workspace::{Doc, Workspace};

/// How far, in bytes, the nearest entity may stand from a date to be what it dates: about
/// four words («مجلس النواب العراقي في 5 يناير 2020»، «البرلمان أعلن يوم 5 جانفي 2020»).
const NEAR: usize = 30;
/// At most this many disagreeing sources are listed as related locations.
const MAX_RELATED: usize = 20;

pub(crate) struct Claim<'w> {
    pub path: &'w str,
    /// The source's position among the workspace's: compared and hashed instead of its path.
    pub source: u32,
    pub doc: &'w Doc,
    pub span: Span,
    pub mention: usize,
    /// What the claim is keyed by.
    pub key: &'w str,
    /// Entities (other than settings and the key) of the sentence, and its event words when
    /// they count as context: `(is an event word, id or event key)`.
    pub context: &'w BTreeSet<(bool, Arc<str>)>,
    /// The event words of the sentence, where they must overlap another claim's.
    pub events: &'w BTreeSet<Arc<str>>,
}

/// What one source's claims are keyed by. Kept on the source and rebuilt only when it or its
/// entities change, so an edit to one article does not recompute every other's claims.
#[derive(Debug, Default)]
pub struct DocClaims {
    dates: Vec<ClaimData>,
    figures: Vec<ClaimData>,
}

#[derive(Debug)]
struct ClaimData {
    mention: usize,
    key: String,
    context: BTreeSet<(bool, Arc<str>)>,
    events: BTreeSet<Arc<str>>,
}

/// Which claims: dates (keyed by the entity beside them) or figures (by noun and year).
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    Dates,
    Figures,
}

/// Every claim of a kind across the workspace, with its sentence's context.
pub(crate) fn claims(ws: &Workspace, kind: Kind) -> Vec<Claim<'_>> {
    let mut out = Vec::new();
    for (source, (path, doc)) in ws.docs().enumerate() {
        let cached = doc.claims.get_or_init(|| compute(ws, doc));
        let list = match kind {
            Kind::Dates => &cached.dates,
            Kind::Figures => &cached.figures,
        };
        out.extend(list.iter().map(|c| Claim {
            path,
            source: source as u32,
            doc,
            span: doc.analysis.mentions[c.mention].span,
            mention: c.mention,
            key: &c.key,
            context: &c.context,
            events: &c.events,
        }));
    }
    out
}

fn compute(ws: &Workspace, doc: &Doc) -> DocClaims {
    let mut out = DocClaims::default();
    // Whether each entity mention is a setting, looked up once per source.
    let specific: Vec<bool> = doc.entities.iter().map(|e| !is_setting(ws, &e.id)).collect();
    // Page furniture (stamps, lists of other articles) makes no claim of the article.
    for (k, m) in doc.analysis.prose() {
        let Some(sentence) = sentence_of(doc, m.span) else { continue };
        let (kind, key) = match &m.kind {
            MentionKind::Date(_) => (Kind::Dates, super::date_conflict::date_key(ws, doc, k, sentence)),
            MentionKind::Figure(_) => (Kind::Figures, super::figure_conflict::figure_key(doc, k, sentence)),
            MentionKind::Duration(_) => continue,
        };
        let Some(key) = key else { continue };
        let from = doc.entities.partition_point(|e| e.span.start < sentence.start);
        let mut context: BTreeSet<(bool, Arc<str>)> = doc.entities[from..]
            .iter()
            .zip(&specific[from..])
            .take_while(|(e, _)| e.span.start < sentence.end)
            .filter(|(e, specific)| **specific && e.span.end <= sentence.end && *e.id != *key)
            .map(|(e, _)| (false, e.id.clone()))
            .collect();
        let events: BTreeSet<Arc<str>> = within(&doc.local.events, |e| e.0, sentence).map(|e| e.1.clone()).collect();
        // For dates an event word is context like an entity, and one source's «اغتيال» beside
        // another's «مقتل» does not make two different events. For figures, a count of soldiers
        // deployed is not a count of soldiers killed: event words must overlap.
        let (events, list) = match kind {
            Kind::Dates => {
                context.extend(events.into_iter().map(|e| (true, e)));
                (BTreeSet::new(), &mut out.dates)
            }
            Kind::Figures => (events, &mut out.figures),
        };
        list.push(ClaimData { mention: k, key, context, events });
    }
    out
}

/// The sentence holding a span (sentences are in text order: a binary search).
pub(crate) fn sentence_of(doc: &Doc, span: Span) -> Option<Span> {
    let sentences = &doc.local.sentences;
    let at = sentences.partition_point(|s| s.end < span.end);
    sentences.get(at).copied().filter(|s| s.start <= span.start && span.end <= s.end)
}

/// The items (in text order by start) that lie within `range`.
pub(crate) fn within<T>(items: &[T], span: impl Fn(&T) -> Span, range: Span) -> impl Iterator<Item = &T> {
    let from = items.partition_point(|x| span(x).start < range.start);
    let to = items.partition_point(|x| span(x).start < range.end);
    items[from..to.max(from)].iter().filter(move |x| span(x).end <= range.end)
}

/// A known country or city names where things happen, not what happened: two claims
/// sharing only «العراق» or «بغداد» are not yet about the same thing. (A base or a camp an
/// article introduces is specific enough.)
fn is_setting(ws: &Workspace, id: &str) -> bool {
    ws.entity(id).is_some_and(|e| e.kind == EntityKind::Place && e.origin == Origin::Builtin)
}

/// The entity nearest a span in its clause (preceding ones win ties), if close enough;
/// settings (known countries and cities) are skipped, and so is anything past a comma: in
/// «… موفى العام الجاري، مع العلم أنّ البرلمان أعلن …» the date is not the parliament's.
pub(crate) fn nearest_entity(ws: &Workspace, doc: &Doc, span: Span, sentence: Span) -> Option<Arc<str>> {
    within(&doc.entities, |e| e.span, sentence)
        .filter(|e| !is_setting(ws, &e.id))
        .filter_map(|e| {
            let (gap, between) = if e.span.end <= span.start {
                (span.start - e.span.end, &doc.text[e.span.end..span.start])
            } else if e.span.start >= span.end {
                (e.span.start - span.end + 1, &doc.text[span.end..e.span.start])
            } else {
                return None;
            };
            let same_clause = !between.contains(['،', ',', '؛', ';', ':', '(', ')', '«', '»', '"', '“', '”']);
            (gap <= NEAR && same_clause).then_some((gap, e.id.clone()))
        })
        .min_by_key(|(gap, _)| *gap)
        .map(|(_, id)| id)
}

/// What the sources say of one claim, in the bucket where it meets the most of them.
#[derive(Clone, Copy)]
struct Verdict {
    agreeing: usize,
    disagreeing: usize,
    bucket: usize,
    class: usize,
}

/// Claims of one key and shared context, grouped by value.
struct Bucket {
    classes: Vec<Class>,
}

/// Claims of equal value (and, for figures, equal event words) in a bucket.
struct Class {
    rep: usize,
    members: Vec<usize>,
    /// Each source with its first claim here, in workspace order.
    sources: BTreeMap<u32, usize>,
}

/// Whether two claims' sentences both have event words and share none: a count of soldiers
/// deployed is not a count of soldiers killed.
fn other_events(a: &Claim, b: &Claim) -> bool {
    !a.events.is_empty() && !b.events.is_empty() && a.events.is_disjoint(b.events)
}

type Sources = FxHashMap<u32, usize>;

/// The sources that agree with class `a` of a bucket, and those that only disagree (a source
/// that says both counts as agreeing), each with its first claim.
fn sides<V>(
    bucket: &Bucket,
    a: usize,
    claims: &[Claim],
    values: &[V],
    agree: &impl Fn(&V, &V) -> bool,
) -> (Sources, Sources) {
    let rep = bucket.classes[a].rep;
    let mut agreeing = Sources::default();
    let mut disagreeing = Sources::default();
    for (b, class) in bucket.classes.iter().enumerate() {
        if other_events(&claims[rep], &claims[class.rep]) {
            continue;
        }
        let target = if a == b || agree(&values[rep], &values[class.rep]) { &mut agreeing } else { &mut disagreeing };
        for (&source, &j) in &class.sources {
            target.entry(source).or_insert(j);
        }
    }
    disagreeing.retain(|path, _| !agreeing.contains_key(path));
    (agreeing, disagreeing)
}

/// Findings for the claims whose values disagree with at least as many other sources as
/// agree. `value` gives a claim's value; `agree` compares two values; `show` renders one.
/// Claims whose sentences both have event words, none shared, are about different things.
///
/// The work is per class of equal value, never per pair of claims: a bucket of thousands of
/// claims saying a few different things costs thousands times a few.
pub(crate) fn conflicts<V: Clone + PartialEq>(
    rule: &Rule,
    claims: &[Claim],
    value: impl Fn(&Claim) -> V,
    agree: impl Fn(&V, &V) -> bool,
    show: impl Fn(&V) -> String,
    scope: super::Scope,
    out: &mut Vec<Finding>,
) {
    let values: Vec<V> = claims.iter().map(&value).collect();
    // Only the buckets a wanted claim is in matter.
    let wanted: rustc_hash::FxHashSet<(&str, bool, &str)> = claims
        .iter()
        .filter(|c| scope.includes(c.path))
        .flat_map(|c| c.context.iter().map(move |(e, x)| (c.key, *e, &**x)))
        .collect();
    let mut by_key: FxHashMap<(&str, bool, &str), Vec<usize>> = FxHashMap::default();
    for (i, c) in claims.iter().enumerate() {
        for (is_event, ctx) in c.context {
            let bucket = (c.key, *is_event, &**ctx);
            if wanted.contains(&bucket) {
                by_key.entry(bucket).or_default().push(i);
            }
        }
    }
    let mut keys: Vec<_> = by_key.into_iter().collect();
    keys.sort_unstable_by(|a, b| a.0.cmp(&b.0));
    let buckets: Vec<Bucket> = keys
        .into_iter()
        .map(|(_, members)| {
            let mut classes: Vec<Class> = Vec::new();
            for i in members {
                let same = |c: &Class| values[c.rep] == values[i] && claims[c.rep].events == claims[i].events;
                let k = match classes.iter().position(same) {
                    Some(k) => k,
                    None => {
                        classes.push(Class { rep: i, members: Vec::new(), sources: BTreeMap::new() });
                        classes.len() - 1
                    }
                };
                classes[k].members.push(i);
                let first = classes[k].sources.entry(claims[i].source).or_insert(i);
                if claims[i].span.start < claims[*first].span.start {
                    *first = i;
                }
            }
            Bucket { classes }
        })
        .collect();
    let mut best: Vec<Option<Verdict>> = vec![None; claims.len()];
    for (b, bucket) in buckets.iter().enumerate() {
        let classes = &bucket.classes;
        // How each pair of classes relates: agree, disagree, or not comparable (None).
        let relation: Vec<Vec<Option<bool>>> = classes
            .iter()
            .enumerate()
            .map(|(a, ca)| {
                classes
                    .iter()
                    .enumerate()
                    .map(|(x, cx)| {
                        (!other_events(&claims[ca.rep], &claims[cx.rep]))
                            .then(|| a == x || agree(&values[ca.rep], &values[cx.rep]))
                    })
                    .collect()
            })
            .collect();
        // The classes each source says something in.
        let mut said: FxHashMap<u32, Vec<usize>> = FxHashMap::default();
        for (x, class) in classes.iter().enumerate() {
            for &source in class.sources.keys() {
                said.entry(source).or_default().push(x);
            }
        }
        // Per class, how many sources agree (a source that says both agrees) and disagree.
        let mut agreeing = vec![0usize; classes.len()];
        let mut disagreeing = vec![0usize; classes.len()];
        for xs in said.values() {
            for a in 0..classes.len() {
                if xs.iter().any(|&x| relation[a][x] == Some(true)) {
                    agreeing[a] += 1;
                } else if xs.iter().any(|&x| relation[a][x] == Some(false)) {
                    disagreeing[a] += 1;
                }
            }
        }
        for (a, class) in classes.iter().enumerate() {
            for &i in &class.members {
                // The claim's own source is among those that agree with its class.
                let verdict = Verdict { agreeing: agreeing[a] - 1, disagreeing: disagreeing[a], bucket: b, class: a };
                let weight = verdict.agreeing + verdict.disagreeing;
                if best[i].is_none_or(|v| weight > v.agreeing + v.disagreeing) {
                    best[i] = Some(verdict);
                }
            }
        }
    }
    for (i, c) in claims.iter().enumerate() {
        let Some(verdict) = best[i].filter(|_| scope.includes(c.path)) else { continue };
        if verdict.disagreeing == 0 || verdict.disagreeing < 1 + verdict.agreeing {
            continue;
        }
        let (agreeing, disagreeing) = sides(&buckets[verdict.bucket], verdict.class, claims, &values, &agree);
        let mut related: Vec<(u32, usize)> = disagreeing.into_iter().collect();
        related.sort_unstable();
        related.truncate(MAX_RELATED);
        let mut readings: BTreeMap<String, Vec<&str>> = BTreeMap::new();
        for &(_, j) in &related {
            readings.entry(show(&values[j])).or_default().push(file_name(claims[j].path));
        }
        let others: Vec<String> = readings.iter().map(|(v, paths)| format!("{v} in {}", list(paths))).collect();
        let more = verdict.disagreeing - related.len();
        let mut message = format!(
            "«{}» ({}) disagrees with {} other source{}: {}{}.",
            quote(c.doc, c.span),
            show(&values[i]),
            verdict.disagreeing,
            if verdict.disagreeing == 1 { "" } else { "s" },
            others.join("; "),
            if more > 0 { format!("; and {more} more") } else { String::new() }
        );
        if verdict.agreeing > 0 {
            let mut sources: Vec<(u32, usize)> = agreeing.into_iter().filter(|(s, _)| *s != c.source).collect();
            sources.sort_unstable();
            let mut agree: Vec<&str> = sources.iter().take(3).map(|&(_, j)| file_name(claims[j].path)).collect();
            if verdict.agreeing > agree.len() {
                agree.push("others");
            }
            message.push_str(&format!(" {} agree{}.", list(&agree), if verdict.agreeing == 1 { "s" } else { "" }));
        }
        let related = related
            .iter()
            .map(|&(_, j)| Related {
                path: claims[j].path.into(),
                span: claims[j].span,
                message: format!("«{}» ({})", quote(claims[j].doc, claims[j].span), show(&values[j])),
            })
            .collect();
        out.push(Finding::of(rule, c.path, c.span, message, related));
    }
}

/// The claims in other sources that share the key and some context of one claim.
pub(crate) fn counterparts<V>(
    claims: &[Claim],
    path: &str,
    mention: usize,
    value: impl Fn(&Claim) -> V,
    agree: impl Fn(&V, &V) -> bool,
    show: impl Fn(&V) -> String,
) -> Vec<super::Counterpart> {
    let Some(me) = claims.iter().find(|c| c.path == path && c.mention == mention) else { return Vec::new() };
    let mine = value(me);
    claims
        .iter()
        .filter(|c| c.path != path && c.key == me.key && !c.context.is_disjoint(me.context) && !other_events(me, c))
        .map(|c| {
            let theirs = value(c);
            super::Counterpart {
                path: c.path.to_string(),
                span: c.span,
                agrees: agree(&mine, &theirs),
                value: show(&theirs),
            }
        })
        .collect()
}

fn file_name(path: &str) -> &str {
    path.rsplit(['/', '\\']).next().unwrap_or(path)
}

fn list(items: &[&str]) -> String {
    match items {
        [] => String::new(),
        [one] => one.to_string(),
        [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
    }
}
