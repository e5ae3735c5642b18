//! Dated and counted statements ("claims") across the sources of a workspace: what each is
//! keyed by ([`keys`]), every claim of a kind gathered with its context, and the same claim in
//! the other sources (its counterparts). The conflict rules and the query API read these.
//!
//! Two claims are about the same thing when they share a key (for a date, the entity nearest
//! it in its sentence: «مجلس النواب العراقي في 5 يناير 2020»; for a figure, its counted noun
//! and the year it is about) and at least one more piece of context: a named entity other
//! than a known country or city (those are where things happen, not what happened), or an
//! event word («تصويت»، «نشر»).

pub mod keys;

use std::collections::BTreeSet;
use std::sync::Arc;

use crate::calendar::DateValue;
use crate::extract::{Figure, MentionKind, Span};
use crate::workspace::{Doc, Workspace};
pub use keys::Kind;

/// One dated or counted statement of one source, with what it is keyed by.
pub struct Claim<'w> {
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

/// Every claim of a kind across the workspace, with its sentence's context.
pub fn claims(ws: &Workspace, kind: Kind) -> Vec<Claim<'_>> {
    let mut out = Vec::new();
    for (source, (path, doc)) in ws.docs().enumerate() {
        let cached = doc.claims.get_or_init(|| keys::compute(doc.parts(), |id| ws.entity(id)));
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

/// Whether two claims' sentences both have event words and share none: a count of soldiers
/// deployed is not a count of soldiers killed.
pub fn other_events(a: &Claim, b: &Claim) -> bool {
    !a.events.is_empty() && !b.events.is_empty() && a.events.is_disjoint(b.events)
}

/// The same claim in another source: a date about the same event, a figure for the same
/// quantity (as `date-conflict` and `figure-conflict` decide it), and whether it agrees.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Counterpart {
    pub path: String,
    pub span: Span,
    pub agrees: bool,
    /// The value as the rules show it: `2020-01-05`, `about 3000`.
    pub value: String,
}

/// The counterparts of the claim at `mention` in `path`, in other sources.
pub fn counterparts_of(ws: &Workspace, path: &str, mention: usize) -> Vec<Counterpart> {
    let Some(doc) = ws.doc(path) else { return Vec::new() };
    match doc.analysis.mentions.get(mention).map(|m| &m.kind) {
        Some(MentionKind::Date(_)) => {
            counterparts(&claims(ws, Kind::Dates), path, mention, date_value, keys::dates_agree, |v| v.to_string())
        }
        Some(MentionKind::Figure(_)) => counterparts(
            &claims(ws, Kind::Figures),
            path,
            mention,
            figure_value,
            keys::figures_agree,
            keys::show_figure,
        ),
        _ => Vec::new(),
    }
}

/// A date claim's value.
pub fn date_value(c: &Claim) -> DateValue {
    match &c.doc.analysis.mentions[c.mention].kind {
        MentionKind::Date(d) => d.value.unwrap_or_default(),
        _ => DateValue::default(),
    }
}

/// A figure claim's value.
pub fn figure_value(c: &Claim) -> Option<Figure> {
    match &c.doc.analysis.mentions[c.mention].kind {
        MentionKind::Figure(f) => Some(f.clone()),
        _ => None,
    }
}

/// The claims in other sources that share the key and some context of one claim.
fn counterparts<V>(
    claims: &[Claim],
    path: &str,
    mention: usize,
    value: impl Fn(&Claim) -> V,
    agree: impl Fn(&V, &V) -> bool,
    show: impl Fn(&V) -> String,
) -> Vec<Counterpart> {
    let Some(me) = claims.iter().find(|c| c.path == path && c.mention == mention) else { return Vec::new() };
    let mine = value(me);
    claims
        .iter()
        .filter(|c| c.path != path && c.key == me.key && !c.context.is_disjoint(me.context) && !other_events(me, c))
        .map(|c| {
            let theirs = value(c);
            Counterpart { path: c.path.to_string(), span: c.span, agrees: agree(&mine, &theirs), value: show(&theirs) }
        })
        .collect()
}
