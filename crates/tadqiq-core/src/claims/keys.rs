//! What one source's dated and counted statements are keyed by, for comparing them across
//! sources: a date by the entity beside it in its clause, a figure by its counted noun and the
//! year it is about; both with the named entities and event words of their sentence.
//!
//! Computed per source from the source's own parts and cached on it (see
//! [`crate::workspace::Doc`]), so an edit to one article does not recompute every other's keys.

use std::collections::BTreeSet;
use std::sync::Arc;

use crate::analysis::Analysis;
use crate::calendar::DateValue;
use crate::entities::{Entity, EntityKind, EntityMention, LocalEntities, Origin, skeleton};
use crate::extract::{Figure, MentionKind, Span};
use crate::lexicon::Bound;
use crate::text::fold;

/// How far, in bytes, the nearest entity may stand from a date to be what it dates: about
/// four words («مجلس النواب العراقي في 5 يناير 2020»، «البرلمان أعلن يوم 5 جانفي 2020»).
const NEAR: usize = 30;
/// What the keys of a source are computed from: its text and what was found in it.
#[derive(Clone, Copy)]
pub struct Parts<'d> {
    pub text: &'d str,
    pub analysis: &'d Analysis,
    pub local: &'d LocalEntities,
    pub entities: &'d [EntityMention],
}

/// What one source's claims are keyed by. Kept on the source and rebuilt only when it or its
/// entities change, so an edit to one article does not recompute every other's claims.
#[derive(Clone, Debug, Default)]
pub struct DocClaims {
    pub dates: Vec<ClaimData>,
    pub figures: Vec<ClaimData>,
}

#[derive(Clone, Debug)]
pub struct ClaimData {
    pub mention: usize,
    pub key: String,
    pub context: BTreeSet<(bool, Arc<str>)>,
    pub events: BTreeSet<Arc<str>>,
}

/// Which claims: dates (keyed by the entity beside them) or figures (by noun and year).
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Dates,
    Figures,
}

/// The keys of one source's claims. `entity` looks an entity up by id across the workspace.
///
/// Cost: O(m log n) for m claims among n mentions and entity mentions: each claim looks only at
/// its own sentence through binary searches, and the nearest entity only within [`NEAR`] bytes.
pub fn compute<'e>(doc: Parts<'_>, entity: impl Fn(&str) -> Option<&'e Entity>) -> DocClaims {
    let mut out = DocClaims::default();
    // Whether each entity mention is a setting, looked up once per source.
    let specific: Vec<bool> = doc.entities.iter().map(|e| !is_setting(entity(&e.id))).collect();
    // Page furniture (stamps, lists of other articles) makes no claim of the article.
    for (k, m) in doc.analysis.prose() {
        let Some(sentence) = sentence_of(doc.local, m.span) else { continue };
        // A "sentence" with no full stop can run for pages in pasted copy: what bears on a
        // claim is what stands near it, so context is read within a window of the sentence.
        let sentence = window(sentence, m.span);
        let (kind, key) = match &m.kind {
            MentionKind::Date(_) => (Kind::Dates, date_key(doc, &specific, k)),
            MentionKind::Figure(_) => (Kind::Figures, figure_key(doc, k, sentence)),
            MentionKind::Duration(_) => continue,
        };
        let Some(key) = key else { continue };
        let from = doc.entities.partition_point(|e| e.span.start < sentence.start);
        let mut context: BTreeSet<(bool, Arc<str>)> = doc.entities[from..]
            .iter()
            .zip(&specific[from..])
            .take_while(|(e, _)| e.span.start < sentence.end)
            .inspect(|_| crate::cost::step(1))
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

/// How far, in bytes, a claim's context reaches either way inside its sentence: about 60
/// words, more than a long Arabic news sentence holds around one statement.
const CONTEXT: usize = 400;

/// The part of `sentence` within [`CONTEXT`] bytes of `span`. Spans are compared, never
/// sliced, so the ends need not fall on character boundaries.
fn window(sentence: Span, span: Span) -> Span {
    Span::new(sentence.start.max(span.start.saturating_sub(CONTEXT)), sentence.end.min(span.end + CONTEXT))
}

/// The sentence holding a span (sentences are in text order: a binary search).
pub fn sentence_of(local: &LocalEntities, span: Span) -> Option<Span> {
    let sentences = &local.sentences;
    let at = sentences.partition_point(|s| s.end < span.end);
    sentences.get(at).copied().filter(|s| s.start <= span.start && span.end <= s.end)
}

/// The items (in text order by start) that lie within `range`.
pub fn within<T>(items: &[T], span: impl Fn(&T) -> Span, range: Span) -> impl Iterator<Item = &T> {
    let from = items.partition_point(|x| span(x).start < range.start);
    let to = items.partition_point(|x| span(x).start < range.end);
    crate::cost::step(to.saturating_sub(from));
    items[from..to.max(from)].iter().filter(move |x| span(x).end <= range.end)
}

/// A known country or city names where things happen, not what happened: two claims
/// sharing only «العراق» or «بغداد» are not yet about the same thing. (A base or a camp an
/// article introduces is specific enough.)
fn is_setting(entity: Option<&Entity>) -> bool {
    entity.is_some_and(|e| e.kind == EntityKind::Place && e.origin == Origin::Builtin)
}

/// The entity nearest a span in its clause (preceding ones win ties), if close enough;
/// settings (known countries and cities) are skipped, and so is anything past a comma: in
/// «… موفى العام الجاري، مع العلم أنّ البرلمان أعلن …» the date is not the parliament's.
/// `specific[i]` says whether entity mention `i` is not a setting.
///
/// Only entity mentions within [`NEAR`] bytes are looked at (found by binary search), so a
/// sentence of any length costs the same per claim.
fn nearest_entity(doc: Parts<'_>, specific: &[bool], span: Span) -> Option<Arc<str>> {
    let entities = doc.entities;
    // Mentions are in text order and do not overlap: those ending before `span.start - NEAR`
    // are too far, and so are those starting after `span.end + NEAR`.
    let from = entities.partition_point(|e| e.span.end + NEAR < span.start);
    let to = entities.partition_point(|e| e.span.start <= span.end + NEAR);
    crate::cost::step(to.saturating_sub(from));
    (from..to.max(from))
        .filter(|&i| specific[i])
        .filter_map(|i| {
            let e = &entities[i];
            let (gap, between) = if e.span.end <= span.start {
                (span.start - e.span.end, doc.text.get(e.span.end..span.start)?)
            } else if e.span.start >= span.end {
                (e.span.start - span.end + 1, doc.text.get(span.end..e.span.start)?)
            } else {
                return None;
            };
            let same_clause = !between.contains(CLAUSE_BREAKS);
            (gap <= NEAR && same_clause).then_some((gap, e.id.clone()))
        })
        .min_by_key(|(gap, _)| *gap)
        .map(|(_, id)| id)
}

/// What ends a clause between a date and the entity it dates.
const CLAUSE_BREAKS: [char; 12] = ['،', ',', '؛', ';', ':', '(', ')', '«', '»', '"', '“', '”'];

/// A date's key: the entity beside it.
fn date_key(doc: Parts<'_>, specific: &[bool], k: usize) -> Option<String> {
    let MentionKind::Date(d) = &doc.analysis.mentions[k].kind else { return None };
    d.value?;
    nearest_entity(doc, specific, doc.analysis.mentions[k].span).map(|id| id.to_string())
}

/// Whether two dates can be the same day: equal at the precision both give.
pub fn dates_agree(a: &DateValue, b: &DateValue) -> bool {
    let same = |x: Option<i64>, y: Option<i64>| x.zip(y).is_none_or(|(x, y)| x == y);
    same(a.year.map(i64::from), b.year.map(i64::from))
        && same(a.month.map(i64::from), b.month.map(i64::from))
        && same(a.day.map(i64::from), b.day.map(i64::from))
        && same(a.week.map(i64::from), b.week.map(i64::from))
}

/// A figure's key: its counted noun and the year it is about.
fn figure_key(doc: Parts<'_>, k: usize, sentence: Span) -> Option<String> {
    let MentionKind::Figure(f) = &doc.analysis.mentions[k].kind else { return None };
    let unit = unit_key(f.unit.as_deref()?);
    let year = year_about(doc, sentence)?;
    Some(format!("{unit}@{year}"))
}

/// Whether two figures can be the same quantity: their intervals ([`interval`]) overlap.
pub fn figures_agree(a: &Option<Figure>, b: &Option<Figure>) -> bool {
    match (a, b) {
        (Some(a), Some(b)) => {
            let (a, b) = (interval(a), interval(b));
            a.0 <= b.1 && b.0 <= a.1
        }
        _ => true,
    }
}

/// A figure as the messages show it: `3000`, `about 3000`.
pub fn show_figure(f: &Option<Figure>) -> String {
    f.as_ref().map_or(String::new(), |f| {
        let n = f.amount();
        match f.bound {
            Bound::Exact => n,
            Bound::About => format!("about {n}"),
            Bound::Above => format!("more than {n}"),
            Bound::Below => format!("less than {n}"),
            Bound::AtLeast => format!("at least {n}"),
            Bound::AtMost => format!("at most {n}"),
        }
    })
}

/// A counted noun as compared: folded, the accusative ending dropped («قتيلا» = «قتيل»),
/// reduced to its skeleton («أميركي» = «أمريكي»).
fn unit_key(unit: &str) -> String {
    let folded = fold(unit);
    let bare = folded.strip_suffix('ا').filter(|b| b.chars().count() >= 3).unwrap_or(&folded);
    skeleton(bare)
}

/// The year a figure is about: a year in its sentence, else in the sentence before it on the
/// same line.
///
/// Cost: O(log n) to find each sentence's claims, plus the claims inside it.
fn year_about(doc: Parts<'_>, sentence: Span) -> Option<i32> {
    let year_in = |s: Span| {
        within(&doc.analysis.mentions, |m| m.span, s).filter(|m| !doc.analysis.in_furniture(m)).find_map(|m| match &m.kind {
            MentionKind::Date(d) => d.value.and_then(|v| v.year),
            _ => None,
        })
    };
    year_in(sentence).or_else(|| {
        let sentences = &doc.local.sentences;
        let at = sentences.partition_point(|s| s.start < sentence.start);
        let before = *sentences.get(at.checked_sub(1)?)?;
        let between = doc.text.get(before.end..sentence.start)?;
        let tail = Span::new(before.start.max(before.end.saturating_sub(CONTEXT)), before.end);
        (!between.contains(['\n', '\r'])).then(|| year_in(tail)).flatten()
    })
}

/// The least and most a figure allows: «نحو 3000» is 2700–3300, «أكثر من 3000» above 3000,
/// «بين 3000 و5000» 3000–5000.
pub fn interval(f: &Figure) -> (f64, f64) {
    let (low, high) = (f.value, f.upper.unwrap_or(f.value));
    match f.bound {
        Bound::Exact => (low, high),
        Bound::About => (low * 0.9, high * 1.1),
        Bound::Above => (low, f64::INFINITY),
        Bound::AtLeast => (low, f64::INFINITY),
        Bound::Below => (0.0, high),
        Bound::AtMost => (0.0, high),
    }
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use super::*;
    use crate::entities::Gazetteer;
    use crate::workspace::Workspace;

    /// The keys of one source, computed on this thread (one source is analysed in place).
    fn keys_of(text: &str) -> usize {
        let mut ws = Workspace::new(Arc::new(Gazetteer::new(&[])));
        ws.extend([("a".to_string(), text.to_string(), None)]);
        let doc = ws.doc("a").unwrap();
        let keys = compute(doc.parts(), |id| ws.entity(id));
        keys.dates.len() + keys.figures.len()
    }

    #[test]
    fn one_long_sentence_of_dated_names_is_linear() {
        // No full stop for pages: every claim used to look at every entity of the sentence.
        let sentence = |n: usize| "وقال المتحدث باسم الجيش العميد نزيه جبور في 5 يناير 2020 ".repeat(n);
        assert!(keys_of(&sentence(10)) >= 10);
        crate::cost::assert_linear("dated names in one sentence", 400, |n| {
            keys_of(&sentence(n));
        });
    }

    #[test]
    fn figures_without_a_year_are_linear() {
        // Every figure used to scan every claim of the article for its year.
        let text = |n: usize| "قتل 30 شخصا وأصيب 40 آخرون. ".repeat(n);
        crate::cost::assert_linear("figures without a year", 2000, |n| {
            keys_of(&text(n));
        });
        let one_sentence = |n: usize| "قتل 30 شخصا وأصيب 40 آخرون في عام 2014 ".repeat(n);
        crate::cost::assert_linear("figures in one long sentence", 1000, |n| {
            keys_of(&one_sentence(n));
        });
    }
}
