//! Dated and counted statements ("claims") across the sources of a workspace: what each is
//! about ([`keys`]), what it says ([`said`]), the language data that tells ([`words`]), every
//! claim of a kind gathered with its story, and the same claim in the other sources (its
//! counterparts). The conflict rules and the query API read these.
//!
//! Two claims are about the same quantity when they meet in a **bucket**:
//! - within one **story** (by default the sources of one folder; `tadqiq.toml` may name
//!   stories), when their measure agrees (`killed/people`, `age`, `date:launch`) and they share
//!   a subject: the incident, a place, an entity, the person whose age it is. No year needs to
//!   be written;
//! - across stories, only by the strict key: the same counted noun and written year (a
//!   figure), the same entity beside it (a date), and a named entity that is not a country or
//!   a city, or an event word, shared.
//!
//! and nothing in their sentences says otherwise ([`said::Said::relate`]).

pub mod index;
pub mod keys;
pub mod said;
pub mod words;

use std::sync::Arc;

use rustc_hash::FxHashMap;

use crate::extract::{MentionKind, Span};
use crate::messages::{Text, msg, term, verbatim};
use crate::workspace::{Doc, Workspace};
pub use keys::{ClaimData, Kind};

/// Counts steps of work (see [`crate::cost`]), so tests can show that keying and judging
/// claims grow linearly with the input.
#[inline(always)]
pub(crate) fn work(n: usize) {
    crate::cost::step(n);
}

/// The steps of work counted on this thread so far (test builds only).
#[cfg(test)]
pub(crate) fn work_done() -> u64 {
    crate::cost::steps()
}

/// One dated or counted statement of one source, with what it is about.
#[derive(Clone, Copy)]
pub struct Claim<'w> {
    pub path: &'w str,
    /// The source's position among the workspace's: compared and hashed instead of its path.
    pub source: u32,
    /// The story the source belongs to, numbered in this gathering.
    pub story: u32,
    pub doc: &'w Doc,
    pub span: Span,
    pub data: &'w ClaimData,
}

impl Claim<'_> {
    pub fn mention(&self) -> usize {
        self.data.mention
    }
}

/// Every claim of a kind across the workspace, with its story.
///
/// Cost: each source's keys are computed once and cached on it ([`keys::compute`]); this walk is
/// linear in the number of claims.
pub fn claims(ws: &Workspace, kind: Kind) -> Vec<Claim<'_>> {
    key_every_source(ws);
    let mut out = Vec::new();
    let mut stories: FxHashMap<&str, u32> = FxHashMap::default();
    for (source, (path, doc)) in ws.docs().enumerate() {
        let cached = keyed(ws, doc);
        let next = stories.len() as u32;
        let story = *stories.entry(ws.story(path)).or_insert(next);
        out.extend(cached.claims.iter().filter(|c| c.kind == kind).map(|c| Claim {
            path,
            source: source as u32,
            story,
            doc,
            span: c.span,
            data: c,
        }));
    }
    out
}

/// Computes the claim keys of every source that has none yet (a whole workspace's, the first
/// time), on every core.
pub fn key_every_source(ws: &Workspace) {
    let missing: Vec<&Doc> = ws.docs().map(|(_, d)| d).filter(|d| d.claims.get().is_none()).collect();
    if missing.len() > 1 {
        crate::workspace::par_map(&missing, |doc| {
            keyed(ws, doc);
        });
    }
}

/// A source's claim keys, computed on first use and kept on it.
pub(crate) fn keyed<'w>(ws: &'w Workspace, doc: &'w Doc) -> &'w keys::DocClaims {
    doc.claims.get_or_init(|| keys::compute(doc.parts(), |id| ws.entity(id), ws.interner()))
}

/// Where two claims can meet: a measure and a subject within one story, or a strict key and a
/// shared piece of context across stories.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Bucket<'w> {
    Story { story: u32, measure: &'w Arc<str>, anchor: &'w Arc<str> },
    Strict { key: &'w Arc<str>, event: bool, context: &'w Arc<str> },
}

impl<'w> Bucket<'w> {
    /// Whether statements meet here by their strict key (and are compared as such).
    pub fn strict(&self) -> bool {
        matches!(self, Bucket::Strict { .. })
    }

    /// What two claims meeting here were compared as: «injured, in the blast («تفجير»)».
    pub fn why(&self, c: &Claim<'w>, ws: &Workspace) -> String {
        let name = |id: &str| ws.entity(id).map_or_else(|| id.to_string(), |e| e.name.clone());
        match self {
            Bucket::Story { anchor, .. } => {
                let shown = c.data.anchors.iter().find(|a| a.key == **anchor).map_or("", |a| &a.shown);
                if c.data.measure.as_deref() == Some("age") {
                    msg("phrase.age-of", &[("who", shown)])
                } else {
                    format!("{} {shown}", c.data.measure_shown)
                }
            }
            Bucket::Strict { key, event, context } => {
                let what = match key.split_once('@') {
                    Some((_, year)) => msg("phrase.count-in", &[("noun", &verbatim(&c.data.noun)), ("year", year)]),
                    None => msg("phrase.date-beside", &[("name", &verbatim(&name(key)))]),
                };
                let context = if *event {
                    msg("phrase.the-event", &[("event", &term("incident", context))])
                } else {
                    format!("«{}»", verbatim(&name(context)))
                };
                msg("phrase.with-both", &[("what", &what), ("context", &context)])
            }
        }
    }
}

/// The buckets a claim is in.
pub fn buckets<'w>(c: &Claim<'w>) -> impl Iterator<Item = Bucket<'w>> + 'w {
    buckets_of(c.data, c.story)
}

/// The buckets of a claim's data, in story `story`.
pub(crate) fn buckets_of(data: &ClaimData, story: u32) -> impl Iterator<Item = Bucket<'_>> + '_ {
    let by_story =
        data.measure.as_ref().into_iter().flat_map(move |measure| {
            data.anchors.iter().map(move |a| Bucket::Story { story, measure, anchor: &a.key })
        });
    let strict = data.key.as_ref().into_iter().flat_map(move |key| {
        data.context.iter().map(move |(event, x)| Bucket::Strict { key, event: *event, context: x })
    });
    by_story.chain(strict)
}

/// The same claim in another source: a date about the same event, a figure for the same
/// quantity (as `date-conflict` and `figure-conflict` decide it), and whether it agrees.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Counterpart {
    pub path: String,
    pub span: Span,
    pub agrees: bool,
    /// The value as the rules show it: `2020-01-05`, `about 3000`.
    pub value: Text,
    /// What the two were compared as, and why they are taken to be the same quantity:
    /// «injured, in the blast («تفجير»)».
    pub compared: Text,
}

/// The counterparts of the claim at `mention` in `path`, in other sources, in path order.
pub fn counterparts_of(ws: &Workspace, path: &str, mention: usize) -> Vec<Counterpart> {
    counterparts_up_to(ws, path, mention, usize::MAX).shown
}

/// Some of a claim's counterparts, and how many there are on each side.
pub struct Counterparts {
    /// The first agreeing and the first disagreeing, up to the number asked for of each, in
    /// path order.
    pub shown: Vec<Counterpart>,
    pub agreeing: usize,
    pub disagreeing: usize,
}

/// The first `per_side` counterparts of the claim at `mention` in `path` that agree and the
/// first that disagree, with how many of each there are: only those shown are put into words.
pub fn counterparts_up_to(ws: &Workspace, path: &str, mention: usize, per_side: usize) -> Counterparts {
    let mut out = Counterparts { shown: Vec::new(), agreeing: 0, disagreeing: 0 };
    each_counterpart(ws, path, mention, |other, c, agrees, why| {
        let n = if agrees { &mut out.agreeing } else { &mut out.disagreeing };
        *n += 1;
        if *n <= per_side {
            out.shown.push(Counterpart {
                path: other.to_string(),
                span: c.span,
                agrees,
                value: c.said.show_iso().into(),
                compared: why(),
            });
        }
    });
    out
}

/// Where the counterparts of the claim at `mention` in `path` stand, in path order.
pub fn counterpart_places<'w>(ws: &'w Workspace, path: &str, mention: usize) -> Vec<(&'w str, Span)> {
    let mut out = Vec::new();
    each_counterpart(ws, path, mention, |other, c, _, _| out.push((other, c.span)));
    out
}

/// Calls `f` with each counterpart of the claim at `mention` in `path`: its source, its claim,
/// whether it agrees, and what the two were compared as (put into words when asked).
///
/// Cost: the sources that share a bucket with the claim are found in the claim index
/// ([`index::ClaimIndex`]); only their statements are read, O(theirs · the claim's buckets).
fn each_counterpart<'w>(
    ws: &'w Workspace,
    path: &str,
    mention: usize,
    mut f: impl FnMut(&'w str, &'w ClaimData, bool, &mut dyn FnMut() -> Text),
) {
    let Some(doc) = ws.doc(path) else { return };
    let kinds: &[Kind] = match doc.analysis.mentions.get(mention).map(|m| &m.kind) {
        Some(MentionKind::Date(_)) => &[Kind::Dates, Kind::Durations],
        Some(MentionKind::Figure(_)) => &[Kind::Figures],
        Some(MentionKind::Duration(_)) => &[Kind::Figures, Kind::Durations],
        None => &[],
    };
    let story = ws.interner().get(ws.story(path));
    let index = ws.claim_index();
    let mut seen: rustc_hash::FxHashSet<(&str, Span)> = Default::default();
    for &kind in kinds {
        for me in keyed(ws, doc).claims.iter().filter(|c| c.kind == kind && c.mention == mention) {
            let mine: Vec<index::BucketKey> = index::BucketKey::of(&story, me).collect();
            let mut sources: Vec<&Arc<str>> =
                mine.iter().filter_map(|k| index.get(kind, k.clone())).flat_map(|s| s.sources()).collect();
            sources.sort_unstable();
            sources.dedup();
            let me = Claim { path, source: 0, story: 0, doc, span: me.span, data: me };
            // What the two were compared as, once per bucket of the claim.
            let mut whys: Vec<Option<Text>> = vec![None; mine.len()];
            for other in sources.into_iter().filter(|s| &***s != path) {
                let Some(odoc) = ws.doc(other) else { continue };
                let ostory = ws.story(other);
                for c in keyed(ws, odoc).claims.iter().filter(|c| c.kind == kind) {
                    // The first of its buckets that is one of the claim's.
                    let Some(k) =
                        buckets_of(c, 0).find_map(|b| mine.iter().position(|k| k.bucket() == b && k.holds(ostory, c)))
                    else {
                        continue;
                    };
                    let key = &mine[k];
                    let Some(agrees) = me.data.said.relate(&c.said, key.bucket().strict()) else { continue };
                    if !seen.insert((other, c.span)) {
                        continue;
                    }
                    f(other, c, agrees, &mut || {
                        whys[k].get_or_insert_with(|| key.bucket().why(&me, ws).into()).clone()
                    });
                }
            }
        }
    }
}
