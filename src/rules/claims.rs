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
    pub key: String,
    /// Entities (other than countries and the key) of the sentence, and its event words when
    /// they count as context.
    pub context: BTreeSet<String>,
    /// The event words of the sentence, where they must overlap another claim's.
    pub events: BTreeSet<String>,
}

/// What makes two claims with one key about the same thing.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum Context {
    /// A shared entity or event word (dates: the key is already an entity beside the date).
    EntityOrEvent,
    /// A shared entity, and overlapping event words where both sentences have some
    /// (figures: a count of soldiers deployed is not a count of soldiers killed).
    EntityAndEvent,
}

/// Every claim the `key` function gives a key to, with its sentence's context.
pub(crate) fn claims<'w>(
    ws: &'w Workspace,
    how: Context,
    key: impl Fn(&'w Doc, usize, Span) -> Option<String>,
) -> Vec<Claim<'w>> {
    let mut out = Vec::new();
    for (source, (path, doc)) in ws.docs().enumerate() {
        for (k, m) in doc.analysis.mentions.iter().enumerate() {
            let Some(sentence) = sentence_of(doc, m.span) else { continue };
            let Some(key) = key(doc, k, sentence) else { continue };
            let inside = |s: Span| s.start >= sentence.start && s.end <= sentence.end;
            let mut context: BTreeSet<String> = doc
                .entities
                .iter()
                .filter(|e| inside(e.span) && !is_setting(ws, &e.id) && *e.id != *key)
                .map(|e| format!("entity:{}", e.id))
                .collect();
            let events: BTreeSet<String> =
                doc.local.events.iter().filter(|e| inside(e.0)).map(|e| format!("event:{}", e.1)).collect();
            // For dates an event word is context like an entity, and one source's «اغتيال» beside
            // another's «مقتل» does not make two different events.
            let events = match how {
                Context::EntityOrEvent => {
                    context.extend(events);
                    BTreeSet::new()
                }
                Context::EntityAndEvent => events,
            };
            out.push(Claim { path, source: source as u32, doc, span: m.span, mention: k, key, context, events });
        }
    }
    out
}

pub(crate) fn sentence_of(doc: &Doc, span: Span) -> Option<Span> {
    doc.local.sentences.iter().copied().find(|s| s.start <= span.start && span.end <= s.end)
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
    doc.entities
        .iter()
        .filter(|e| e.span.start >= sentence.start && e.span.end <= sentence.end && !is_setting(ws, &e.id))
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
    !a.events.is_empty() && !b.events.is_empty() && a.events.is_disjoint(&b.events)
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
    out: &mut Vec<Finding>,
) {
    let values: Vec<V> = claims.iter().map(&value).collect();
    let mut by_key: FxHashMap<(&str, &str), Vec<usize>> = FxHashMap::default();
    for (i, c) in claims.iter().enumerate() {
        for ctx in &c.context {
            by_key.entry((&c.key, ctx)).or_default().push(i);
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
        for (a, class) in bucket.classes.iter().enumerate() {
            let (agreeing, disagreeing) = sides(bucket, a, claims, &values, &agree);
            for &i in &class.members {
                // The claim's own source agrees with itself.
                let verdict =
                    Verdict { agreeing: agreeing.len() - 1, disagreeing: disagreeing.len(), bucket: b, class: a };
                let weight = verdict.agreeing + verdict.disagreeing;
                if best[i].is_none_or(|v| weight > v.agreeing + v.disagreeing) {
                    best[i] = Some(verdict);
                }
            }
        }
    }
    for (i, c) in claims.iter().enumerate() {
        let Some(verdict) = best[i] else { continue };
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
        out.push(Finding {
            path: c.path.into(),
            span: c.span,
            code: rule.code,
            severity: rule.default,
            message,
            related,
        });
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
        .filter(|c| c.path != path && c.key == me.key && !c.context.is_disjoint(&me.context) && !other_events(me, c))
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

/// Whether a mention is a claim of this kind.
pub(crate) fn is_date(doc: &Doc, k: usize) -> bool {
    matches!(doc.analysis.mentions[k].kind, MentionKind::Date(_))
}
