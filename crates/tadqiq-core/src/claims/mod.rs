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

pub mod keys;
pub mod said;
pub mod words;

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
    // Keys not yet computed (a whole workspace's, the first time): on every core.
    let missing: Vec<&Doc> = ws.docs().map(|(_, d)| d).filter(|d| d.claims.get().is_none()).collect();
    if missing.len() > 1 {
        crate::workspace::par_map(&missing, |doc| {
            keyed(ws, doc);
        });
    }
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

/// A source's claim keys, computed on first use and kept on it.
pub(crate) fn keyed<'w>(ws: &'w Workspace, doc: &'w Doc) -> &'w keys::DocClaims {
    doc.claims.get_or_init(|| keys::compute(doc.parts(), |id| ws.entity(id), ws.interner()))
}

/// Where two claims can meet: a measure and a subject within one story, or a strict key and a
/// shared piece of context across stories.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Bucket<'w> {
    Story { story: u32, measure: &'w str, anchor: &'w str },
    Strict { key: &'w str, event: bool, context: &'w str },
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
                let shown = c.data.anchors.iter().find(|a| &*a.key == *anchor).map_or("", |a| &a.shown);
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
    let story = c.story;
    let data = c.data;
    let by_story =
        data.measure.as_deref().into_iter().flat_map(move |measure| {
            data.anchors.iter().map(move |a| Bucket::Story { story, measure, anchor: &a.key })
        });
    let strict = data.key.as_deref().into_iter().flat_map(move |key| {
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

/// The counterparts of the claim at `mention` in `path`, in other sources.
pub fn counterparts_of(ws: &Workspace, path: &str, mention: usize) -> Vec<Counterpart> {
    let Some(doc) = ws.doc(path) else { return Vec::new() };
    let kinds: &[Kind] = match doc.analysis.mentions.get(mention).map(|m| &m.kind) {
        Some(MentionKind::Date(_)) => &[Kind::Dates, Kind::Durations],
        Some(MentionKind::Figure(_)) => &[Kind::Figures],
        Some(MentionKind::Duration(_)) => &[Kind::Figures, Kind::Durations],
        None => &[],
    };
    let mut out: Vec<Counterpart> = Vec::new();
    for &kind in kinds {
        let all = claims(ws, kind);
        for me in all.iter().filter(|c| c.path == path && c.mention() == mention) {
            let mine: Vec<Bucket> = buckets(me).collect();
            for c in all.iter().filter(|c| c.path != path) {
                let Some(b) = buckets(c).find(|b| mine.contains(b)) else { continue };
                let Some(agrees) = me.data.said.relate(&c.data.said, b.strict()) else { continue };
                if out.iter().any(|o| o.path == c.path && o.span == c.span) {
                    continue;
                }
                out.push(Counterpart {
                    path: c.path.to_string(),
                    span: c.span,
                    agrees,
                    value: c.data.said.show_iso().into(),
                    compared: b.why(me, ws).into(),
                });
            }
        }
    }
    out
}
