//! The verdict of the conflict rules (`date-conflict`, `figure-conflict`): which claims
//! disagree with at least as many other sources as agree with them (itself included): the
//! minority reading is the one to check. Candidates are bucketed by key and shared context
//! ([`crate::claims`]), and within a bucket by value, so the work stays near-linear in the
//! number of claims.

use std::collections::BTreeMap;

use rustc_hash::FxHashMap;

use super::{Finding, Related, Rule, quote};
use crate::claims::{Claim, other_events};

/// At most this many disagreeing sources are listed as related locations.
const MAX_RELATED: usize = 20;

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
pub(super) fn conflicts<V: Clone + PartialEq>(
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
