//! What the front ends ask of a workspace, answered in plain editor-level types: what stands at
//! a place in a source, who or what it is, where else it appears, what the other sources say.
//!
//! Everything here reads a [`Workspace`] and never changes it, so the language server answers
//! on a snapshot while the next one is being built. Places are byte spans into a source's
//! text; converting them to lines and columns is the front end's job.

use std::sync::Arc;

use crate::analysis::PublishedSource;
use crate::calendar::{DateValue, gregorian_to_hijri, weekday};
use crate::claims::{Counterpart, counterpart_places, counterparts_up_to};
use crate::entities::{EntityKind, Origin};
use crate::extract::{MentionKind, Span};
use crate::lexicon::Bound;
use crate::workspace::{Doc, Workspace};

/// What stands at a place in a source: an entity mention, or a dated, counted or timed
/// statement (a claim: its index among the source's mentions).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Item {
    Entity { id: Arc<str>, span: Span },
    Claim { mention: usize, span: Span },
}

impl Item {
    pub fn span(&self) -> Span {
        match self {
            Item::Entity { span, .. } | Item::Claim { span, .. } => *span,
        }
    }
}

/// What stands at byte `at` of source `path` (a place at either end of a span counts): an
/// entity before a claim, as a name inside a date's sentence is what a reader points at.
/// O(log n): mentions are in text order.
pub fn item_at(ws: &Workspace, path: &str, at: usize) -> Option<Item> {
    let doc = ws.doc(path)?;
    let inside = |s: Span| s.start <= at && at <= s.end;
    let k = doc.entities.partition_point(|e| e.span.end < at);
    if let Some(e) = doc.entities.get(k).filter(|e| inside(e.span)) {
        return Some(Item::Entity { id: e.id.clone(), span: e.span });
    }
    let mentions = &doc.analysis.mentions;
    let k = mentions.partition_point(|m| m.span.end < at);
    mentions.get(k).filter(|m| inside(m.span)).map(|m| Item::Claim { mention: k, span: m.span })
}

/// The sentence holding a span, else the span itself: what "the statement around" a place
/// means everywhere (hover, related information).
pub fn sentence_around(doc: &Doc, span: Span) -> Span {
    crate::claims::keys::sentence_of(&doc.local, span).unwrap_or(span)
}

/// Who or what an entity is, how the sources spell it, and per source how often it is named
/// and which dates and figures stand beside it.
#[derive(Clone, Debug, PartialEq)]
pub struct EntityFacts {
    pub id: Arc<str>,
    pub name: String,
    pub kind: EntityKind,
    pub description: Option<String>,
    /// Each distinct written form, first seen first.
    pub spellings: Vec<String>,
    /// The first `max_sources` sources that name it, in workspace order.
    pub sources: Vec<SourceFacts>,
    /// How many more sources name it.
    pub more_sources: usize,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SourceFacts {
    pub path: String,
    pub mentions: usize,
    /// The dates, figures and durations in the sentences that name it, as written, each once.
    pub claims: Vec<String>,
}

/// [`EntityFacts`] for an entity. The sources that name it come from the workspace's index of
/// spellings: O(its forms + the sources shown), never its places; claims are gathered only for
/// the sources shown (a country is named thousands of times across an archive).
pub fn entity_facts(ws: &Workspace, id: &str, max_sources: usize) -> Option<EntityFacts> {
    let entity = ws.entity(id)?;
    let spellings = ws
        .spellings(id)
        .into_iter()
        .filter_map(|(_, path, span)| Some(ws.doc(path)?.text.get(span.start..span.end)?.to_string()))
        .collect();
    // The sources naming it are kept in path order with the index: the first few and how
    // many, O(max_sources), however many places the entity has.
    let forms = ws.spelling_index().forms(id);
    let all = forms.map_or(0, |f| f.source_count());
    let first: Vec<&str> = forms.into_iter().flat_map(|f| f.sources()).take(max_sources).map(|s| &**s).collect();
    let mut sources = Vec::new();
    for path in first {
        let Some(doc) = ws.doc(path) else { continue };
        let here: Vec<Span> = doc.entities.iter().filter(|m| &*m.id == id).map(|m| m.span).collect();
        let mut claims: Vec<String> = Vec::new();
        for &span in &here {
            let Some(sentence) = crate::claims::keys::sentence_of(&doc.local, span) else { continue };
            for c in crate::claims::keys::within(&doc.analysis.mentions, |m| m.span, sentence) {
                let text = doc.text[c.span.start..c.span.end].to_string();
                if !claims.contains(&text) {
                    claims.push(text);
                }
            }
        }
        sources.push(SourceFacts { path: path.to_string(), mentions: here.len(), claims });
    }
    let more_sources = all.saturating_sub(sources.len());
    Some(EntityFacts {
        id: entity.id.clone(),
        name: entity.name.clone(),
        kind: entity.kind,
        description: entity.description.clone(),
        spellings,
        sources,
        more_sources,
    })
}

/// What a claim says, in values a front end can show.
#[derive(Clone, Debug, PartialEq)]
pub enum ClaimValue {
    Date {
        /// The date at the precision written (resolved, for a relative date), if it exists.
        value: Option<DateValue>,
        /// ISO weekday (1 = Monday) and Hijri day (year, month, day) of a full date.
        weekday: Option<u8>,
        hijri: Option<(i32, u8, u8)>,
        /// A date that does not exist («30 فبراير»).
        invalid: bool,
        /// A relative date («أمس»): the publication date it counts from, and where that came from.
        relative: bool,
        counted_from: Option<(DateValue, PublishedSource)>,
    },
    Figure {
        amount: String,
        unit: Option<String>,
        bound: Bound,
    },
    Duration {
        iso: String,
    },
}

#[derive(Clone, Debug, PartialEq)]
pub struct ClaimFacts {
    pub span: Span,
    pub value: ClaimValue,
    /// The same claim in the other sources, agreeing or not: the first asked for of each.
    pub counterparts: Vec<Counterpart>,
    /// How many other sources' statements agree and disagree, shown or not.
    pub agreeing: usize,
    pub disagreeing: usize,
}

/// [`ClaimFacts`] for the claim at `mention` in `path`, with up to `per_side` counterparts
/// that agree and as many that disagree.
pub fn claim_facts(ws: &Workspace, path: &str, mention: usize, per_side: usize) -> Option<ClaimFacts> {
    let doc = ws.doc(path)?;
    let m = doc.analysis.mentions.get(mention)?;
    let value = match &m.kind {
        MentionKind::Date(d) => {
            let full = d.value.and_then(|v| v.full());
            ClaimValue::Date {
                value: d.value,
                weekday: full.and_then(|(y, mo, day)| weekday(y, mo, day)),
                hijri: full.and_then(|(y, mo, day)| gregorian_to_hijri(y, mo, day)),
                invalid: d.invalid,
                relative: d.relative.is_some(),
                counted_from: d.relative.and(doc.analysis.published),
            }
        }
        MentionKind::Figure(f) => ClaimValue::Figure { amount: f.amount(), unit: f.unit.clone(), bound: f.bound },
        MentionKind::Duration(d) => ClaimValue::Duration { iso: d.iso() },
    };
    let found = counterparts_up_to(ws, path, mention, per_side);
    Some(ClaimFacts {
        span: m.span,
        value,
        counterparts: found.shown,
        agreeing: found.agreeing,
        disagreeing: found.disagreeing,
    })
}

/// Where a definition lives: an entry in `tadqiq.toml` (the byte range of its `id` value), or
/// a place in a source.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Target {
    Config { span: (usize, usize) },
    Source { path: String, span: Span },
}

/// Where to go from an item: for an entity, its `[[entity]]` entry in `tadqiq.toml`, else its
/// full introduction in the earliest source, else its first mention; for a claim, the same
/// claim in the other sources.
pub fn definition(ws: &Workspace, path: &str, item: &Item) -> Vec<Target> {
    match item {
        Item::Entity { id, .. } => {
            let Some(entity) = ws.entity(id) else { return Vec::new() };
            if let Origin::Config { span } = entity.origin {
                return vec![Target::Config { span }];
            }
            ws.introduction(id)
                .map(|(p, s)| (p.to_string(), s))
                .or_else(|| first_mention(ws, id))
                .map(|(path, span)| Target::Source { path, span })
                .into_iter()
                .collect()
        }
        Item::Claim { mention, .. } => counterpart_places(ws, path, *mention)
            .into_iter()
            .map(|(path, span)| Target::Source { path: path.to_string(), span })
            .collect(),
    }
}

/// Every mention of an entity in every source.
pub fn references(ws: &Workspace, id: &str) -> Vec<(String, Span)> {
    ws.occurrences(id).into_iter().map(|o| (o.path.to_string(), o.span)).collect()
}

/// Where an entity is first named, stopping at the first source that names it.
fn first_mention(ws: &Workspace, id: &str) -> Option<(String, Span)> {
    ws.docs().find_map(|(path, doc)| doc.entities.iter().find(|m| &*m.id == id).map(|m| (path.to_string(), m.span)))
}

/// What a symbol is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SymbolKind {
    Entity(EntityKind),
    Date,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Symbol {
    pub name: String,
    pub kind: SymbolKind,
    pub span: Span,
    /// The entity's kind, or the date's ISO form.
    pub detail: String,
}

/// A source's entities (each once, where first named) and dates, in text order.
pub fn document_symbols(ws: &Workspace, path: &str) -> Vec<Symbol> {
    let Some(doc) = ws.doc(path) else { return Vec::new() };
    let mut seen = std::collections::HashSet::new();
    let mut found = Vec::new();
    for e in &doc.entities {
        if seen.insert(e.id.clone()) {
            let name = ws.entity(&e.id).map_or_else(|| e.id.to_string(), |x| x.name.clone());
            found.push(Symbol {
                name,
                kind: SymbolKind::Entity(e.kind),
                span: e.span,
                detail: e.kind.as_str().to_string(),
            });
        }
    }
    for m in &doc.analysis.mentions {
        if let MentionKind::Date(d) = &m.kind
            && let Some(v) = d.value
        {
            let name = doc.text[m.span.start..m.span.end].to_string();
            found.push(Symbol { name, kind: SymbolKind::Date, span: m.span, detail: v.to_string() });
        }
    }
    found.sort_by_key(|s| s.span.start);
    found
}

/// The entities any source names whose name (folded) or id contains `query`, at most `limit`,
/// each at its introduction or first mention.
pub fn workspace_symbols(ws: &Workspace, query: &str, limit: usize) -> Vec<(String, Symbol)> {
    let folded = crate::text::fold(query);
    let mut ids: Vec<Arc<str>> = ws.docs().flat_map(|(_, d)| d.entities.iter().map(|e| e.id.clone())).collect();
    ids.sort();
    ids.dedup();
    let mut found = Vec::new();
    for id in ids {
        let Some(entity) = ws.entity(&id) else { continue };
        if !query.is_empty() && !crate::text::fold(&entity.name).contains(&folded) && !id.contains(query) {
            continue;
        }
        let target = ws.introduction(&id).map(|(p, s)| (p.to_string(), s)).or_else(|| first_mention(ws, &id));
        if let Some((path, span)) = target {
            let symbol = Symbol {
                name: entity.name.clone(),
                kind: SymbolKind::Entity(entity.kind),
                span,
                detail: entity.kind.as_str().to_string(),
            };
            found.push((path, symbol));
        }
        if found.len() >= limit {
            break;
        }
    }
    found
}

/// The dates of a source that lie within `range`, each with where it ends and its value: what
/// inlay hints show.
pub fn dates_within(ws: &Workspace, path: &str, range: Span) -> Vec<(usize, DateValue)> {
    let Some(doc) = ws.doc(path) else { return Vec::new() };
    crate::claims::keys::within(&doc.analysis.mentions, |m| m.span, range)
        .filter_map(|m| match &m.kind {
            MentionKind::Date(d) => d.value.map(|v| (m.span.end, v)),
            _ => None,
        })
        .collect()
}

/// Another source's date as the draft would write it: its own words, with the month named in
/// the tradition the draft's date at `draft` uses («5 يناير 2020» for a Levantine draft is «5
/// كانون الثاني 2020»). `None` when the two already share a tradition or either has no month
/// name of one (digits, a Hijri month, a paired form).
pub fn in_drafts_tradition(ws: &Workspace, draft: (&str, Span), other: (&str, Span)) -> Option<String> {
    let month_of = |path: &str, span: Span| -> Option<(&str, Span, u8)> {
        let doc = ws.doc(path)?;
        let m = doc.analysis.mentions.iter().find(|m| m.span == span)?;
        let MentionKind::Date(d) = &m.kind else { return None };
        if d.calendar != crate::lexicon::Calendar::Gregorian || d.paired.is_some() {
            return None;
        }
        let at = d.month_span?;
        let (month, tradition) = crate::lexicon::LEXICON.month_named(doc.text.get(at.start..at.end)?)?;
        Some((tradition, at, month))
    };
    let (tradition, _, _) = month_of(draft.0, draft.1)?;
    let (theirs, at, month) = month_of(other.0, other.1)?;
    if theirs == tradition {
        return None;
    }
    let name = crate::lexicon::LEXICON.month_in(month, tradition)?;
    let text = &ws.doc(other.0)?.text;
    Some(format!("{}{}{}", text.get(other.1.start..at.start)?, name, text.get(at.end..other.1.end)?))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::entities::Gazetteer;

    #[test]
    fn another_sources_date_in_the_drafts_month_tradition() {
        let a = "صوت البرلمان في 5 كانون الثاني 2020 على القرار.";
        let b = "صوت البرلمان في 5 يناير 2020 على القرار.";
        let c = "صوت البرلمان في 5 جانفي 2020 على القرار.";
        let d = "صوت البرلمان في 5/1/2020 على القرار.";
        let w = ws(&[("a", a), ("b", b), ("c", c), ("d", d)]);
        let at = |t: &str, s: &str| {
            let i = t.find(s).unwrap();
            Span::new(i, i + s.len())
        };
        let (a1, b1, c1) = (at(a, "5 كانون الثاني 2020"), at(b, "5 يناير 2020"), at(c, "5 جانفي 2020"));
        assert_eq!(in_drafts_tradition(&w, ("a", a1), ("b", b1)).as_deref(), Some("5 كانون الثاني 2020"));
        assert_eq!(in_drafts_tradition(&w, ("c", c1), ("b", b1)).as_deref(), Some("5 جانفي 2020"));
        assert_eq!(in_drafts_tradition(&w, ("b", b1), ("a", a1)).as_deref(), Some("5 يناير 2020"));
        // The same tradition, or digits on either side: the other source's words as they are.
        assert_eq!(in_drafts_tradition(&w, ("b", b1), ("b", b1)), None);
        assert_eq!(in_drafts_tradition(&w, ("d", at(d, "5/1/2020")), ("b", b1)), None);
    }

    fn ws(sources: &[(&str, &str)]) -> Workspace {
        let mut ws = Workspace::new(Arc::new(Gazetteer::new(&[])));
        ws.extend(sources.iter().map(|(p, t)| (p.to_string(), t.to_string(), None)));
        ws
    }

    const A: &str = "وقال المتحدث باسم الجيش اللبناني العميد نزيه جبور في 5 يناير 2020 إن 300 جندي انتشروا.";
    const B: &str = "وأكد جبور أن الانتشار بدأ في 5 يناير 2020.";

    #[test]
    fn what_stands_at_a_byte() {
        let ws = ws(&[("a", A), ("b", B)]);
        let at = A.find("نزيه").unwrap() + 2;
        let Some(Item::Entity { id, span }) = item_at(&ws, "a", at) else { panic!("no entity at {at}") };
        assert_eq!(&A[span.start..span.end], "نزيه جبور");
        let date = A.find("5 يناير").unwrap();
        let Some(Item::Claim { span, .. }) = item_at(&ws, "a", date + 1) else { panic!("no claim") };
        assert_eq!(&A[span.start..span.end], "5 يناير 2020");
        assert_eq!(item_at(&ws, "a", 0), None);
        assert_eq!(item_at(&ws, "a", A.len() + 100), None);
        assert_eq!(item_at(&ws, "nowhere", 0), None);
        // The short form in the other source is the same person, and the definition is the
        // full introduction.
        let b_at = B.find("جبور").unwrap();
        let item = item_at(&ws, "b", b_at).expect("an entity in b");
        assert!(matches!(&item, Item::Entity { id: b_id, .. } if *b_id == id));
        let Target::Source { path, span } = &definition(&ws, "b", &item)[0] else { panic!("no target") };
        assert_eq!((path.as_str(), &A[span.start..span.end]), ("a", "المتحدث باسم الجيش اللبناني العميد نزيه جبور"));
        assert_eq!(references(&ws, &id).len(), 2);
    }

    #[test]
    fn facts_of_an_entity_and_a_date() {
        let ws = ws(&[("a", A), ("b", B)]);
        let Some(Item::Entity { id, .. }) = item_at(&ws, "b", B.find("جبور").unwrap()) else { panic!() };
        let facts = entity_facts(&ws, &id, 12).unwrap();
        assert_eq!(facts.name, "نزيه جبور");
        assert_eq!(facts.kind, EntityKind::Person);
        assert_eq!(
            facts.sources.iter().map(|s| (s.path.as_str(), s.mentions)).collect::<Vec<_>>(),
            [("a", 1), ("b", 1)]
        );
        assert_eq!(facts.sources[0].claims, ["5 يناير 2020", "300 جندي"]);
        let Some(Item::Claim { mention, .. }) = item_at(&ws, "a", A.find("5 يناير").unwrap()) else { panic!() };
        let facts = claim_facts(&ws, "a", mention, usize::MAX).unwrap();
        let ClaimValue::Date { value, weekday, hijri, .. } = facts.value else { panic!("not a date") };
        assert_eq!(value.unwrap().to_string(), "2020-01-05");
        assert_eq!(weekday, Some(7)); // a Sunday
        assert_eq!(hijri, Some((1441, 5, 10)));
    }

    #[test]
    fn symbols_and_hinted_dates() {
        let ws = ws(&[("a", A)]);
        let names: Vec<(String, String)> = document_symbols(&ws, "a").into_iter().map(|s| (s.name, s.detail)).collect();
        assert!(names.contains(&("نزيه جبور".into(), "person".into())), "{names:?}");
        assert!(names.contains(&("5 يناير 2020".into(), "2020-01-05".into())), "{names:?}");
        let found = workspace_symbols(&ws, "جبور", 10);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].1.name, "نزيه جبور");
        let end = A.find("5 يناير 2020").unwrap() + "5 يناير 2020".len();
        assert_eq!(dates_within(&ws, "a", Span::new(0, A.len())), [(end, DateValue::parse("2020-01-05").unwrap())]);
        assert!(dates_within(&ws, "a", Span::new(0, 10)).is_empty());
    }
}
