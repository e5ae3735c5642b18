//! The story at a glance, as plain data: what each source says happened and when (events, for
//! a timeline), how many (quantities, for a figures table), who is named (entities), and what
//! the rules found (findings), every statement with its place in its source and its sentence.
//!
//! Built from a [`Workspace`] and the findings of [`crate::rules::check`]. `tadqiq report`
//! renders it as a page (crates/tadqiq-report) or writes it as JSON; the language server's
//! `tadqiq.report` command writes the page. Nothing here renders or decides a layout.
//!
//! Which statements are "the same event" or "the same quantity" is decided in one place,
//! [`same_statements`], from the conflict rules' keys: when the keys change, it changes.

use std::collections::BTreeSet;
use std::path::Path;
use std::sync::Arc;

use rustc_hash::FxHashMap;
use serde::Serialize;

use crate::calendar::{self, DateValue};
use crate::claims::{self, Kind, keys};
use crate::config::Config;
use crate::extract::{MentionKind, Span};
use crate::lexicon::Calendar;
use crate::messages::{Lang, render};
use crate::rules::Finding as RuleFinding;
use crate::workspace::{Doc, Workspace, file_name};

/// The version of the model's shape, for tools that read `tadqiq report --format json`.
pub const VERSION: u32 = 1;

/// How much of a sentence is quoted either side of a statement, in bytes (about 40 words of
/// Arabic): enough to read what it says, never a page of pasted copy with no full stop.
const QUOTE_REACH: usize = 240;

/// How many written forms of one entity are listed (a country is named in many ways across
/// an archive: with clitics, with and without hamza).
const MAX_SPELLINGS: usize = 12;

#[derive(Clone, Debug, Serialize)]
pub struct Report {
    pub version: u32,
    /// Every source, the earliest published first (sources with no known date last).
    pub sources: Vec<Source>,
    /// Dated events, earliest first: each the same dated statement across sources.
    pub events: Vec<Event>,
    /// Dates that cannot be placed on a time axis: no year («26 تموز»), a day that does not
    /// exist («30 فبراير»), a relative date with no publication date to count from.
    pub unplaced: Vec<DateReport>,
    /// Counted quantities, the ones sources disagree on first, then the most reported.
    pub quantities: Vec<Quantity>,
    /// Who and what the sources name, the most widely named first.
    pub entities: Vec<EntityRow>,
    /// What `check` finds, in source order and by position.
    pub findings: Vec<Finding>,
}

#[derive(Clone, Debug, Serialize)]
pub struct Source {
    pub path: String,
    /// What to call it: its outlet (`tadqiq.toml`), else its file name; a file name is added
    /// when two sources share an outlet.
    pub name: String,
    pub outlet: Option<String>,
    /// The publication date (ISO, at its precision), and where it came from.
    pub published: Option<String>,
    pub published_from: Option<&'static str>,
}

/// A place in a source. `line` and `column` count from 1, the column in characters; `bytes`
/// are offsets into the text as read (a byte-order mark not counted).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Place {
    pub source: usize,
    pub path: String,
    pub line: usize,
    pub column: usize,
    pub bytes: [usize; 2],
}

/// The sentence around a statement (cut to [`QUOTE_REACH`] either side, with «…»; runs of
/// white space made one space), and where the statement stands in it, in bytes.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Quote {
    pub text: String,
    pub at: [usize; 2],
}

/// What an event, a quantity or a statement is about.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Subject {
    /// `entity`, `event` (an event word: «تصويت»), `measure` (a counted noun) or `year`.
    pub kind: &'static str,
    /// The entity's id, or the event word's key (`vote`).
    pub id: Option<String>,
    /// As a reader sees it: the entity's name, the event word or counted noun as written.
    pub name: String,
}

/// A date as a time axis places it: the days it covers (counted from 1970-01-01; a month
/// covers its days), `None` without a year.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct When {
    /// ISO 8601 at the precision written: `2020-01-05`, `1998-01`, `2003`, `2021-W49`, `--07-26`.
    pub iso: String,
    /// `day`, `week`, `month`, `year`, or `no-year`.
    pub precision: &'static str,
    pub first_day: Option<i64>,
    pub last_day: Option<i64>,
}

/// A rule's finding on a statement.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Flag {
    pub code: &'static str,
    pub message: String,
}

/// How a relative date («أمس»، «العام الماضي») was resolved: from the publication date, and
/// where that date came from; both `None` when there was none.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Counted {
    pub from: Option<String>,
    pub published_from: Option<&'static str>,
}

#[derive(Clone, Debug, Serialize)]
pub struct DateReport {
    pub place: Place,
    /// The date as written.
    pub written: String,
    pub sentence: Quote,
    /// The Gregorian date (resolved, for a relative date); `None` for a date that does not
    /// exist or a relative date with nothing to count from.
    pub value: Option<When>,
    /// The Hijri date as written (`1442-09-15`), when the source wrote it that way.
    pub hijri: Option<String>,
    /// Set for a relative date.
    pub relative: Option<Counted>,
    /// Whether it agrees (at the precision both give) with the date its event is placed at.
    pub agrees: bool,
    /// Whether `date-conflict` flags it: at least as many other sources disagree as agree.
    pub conflict: bool,
    /// Every finding on it (the conflict among them).
    pub flags: Vec<Flag>,
}

#[derive(Clone, Debug, Serialize)]
pub struct Event {
    /// A stable anchor within one report: `event-1`, …
    pub id: String,
    pub about: Vec<Subject>,
    /// Where the event stands on the axis: the date most sources agree with (the finest
    /// such, then the earliest).
    pub date: When,
    /// Each source's statement, in source order (then text order).
    pub reports: Vec<DateReport>,
    /// How many sources report it.
    pub sources: usize,
    /// Whether a statement of it is flagged by `date-conflict`.
    pub conflict: bool,
}

#[derive(Clone, Debug, Serialize)]
pub struct FigureReport {
    pub place: Place,
    /// The figure as written, hedge and counted noun included: «حوالي 5000 جندي».
    pub written: String,
    pub sentence: Quote,
    /// The figure as a person reads it: `5000`, a range `3000–5000`.
    pub amount: String,
    pub unit: Option<String>,
    /// `exact`, `about`, `above`, `below`, `at-least`, `at-most`.
    pub hedge: &'static str,
    pub value: f64,
    pub upper: Option<f64>,
    /// The least and most the hedge allows («نحو 3000» is 2700–3300); `most: None` is
    /// no upper limit («أكثر من 3000»).
    pub least: f64,
    pub most: Option<f64>,
    pub conflict: bool,
    pub flags: Vec<Flag>,
}

#[derive(Clone, Debug, Serialize)]
pub struct Quantity {
    /// `quantity-1`, …
    pub id: String,
    pub about: Vec<Subject>,
    /// Each source's figure, the earliest published first, so a rising toll reads as one.
    pub reports: Vec<FigureReport>,
    pub sources: usize,
    pub conflict: bool,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Spelling {
    pub text: String,
    pub count: usize,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Named {
    pub source: usize,
    pub mentions: usize,
}

#[derive(Clone, Debug, Serialize)]
pub struct EntityRow {
    pub id: String,
    pub name: String,
    /// `person`, `org`, `place`, `event`.
    pub kind: &'static str,
    pub description: Option<String>,
    /// The forms it is written in, the most frequent first (at most [`MAX_SPELLINGS`]).
    pub spellings: Vec<Spelling>,
    pub more_spellings: usize,
    /// The sources that name it, in source order.
    pub named_by: Vec<Named>,
    pub mentions: usize,
}

#[derive(Clone, Debug, Serialize)]
pub struct RelatedPlace {
    pub place: Place,
    pub message: String,
}

#[derive(Clone, Debug, Serialize)]
pub struct Finding {
    pub place: Place,
    pub code: &'static str,
    pub severity: &'static str,
    pub message: String,
    pub related: Vec<RelatedPlace>,
    /// The event or quantity the finding is on (`event-3`), when it is on one.
    pub on: Option<String>,
}

/// The report on a workspace, given the findings of `check` on it and the configuration that
/// names its outlets.
pub fn build(ws: &Workspace, findings: &[RuleFinding], config: &Config, lang: Lang) -> Report {
    let sources = Sources::of(ws, config);
    let flags = Flags::of(ws, findings, lang);
    let (events, unplaced) = events(ws, &sources, &flags);
    let quantities = quantities(ws, &sources, &flags);
    let mut anchors: FxHashMap<(&str, usize), &str> = FxHashMap::default();
    for e in &events {
        for r in &e.reports {
            anchors.insert((sources.list[r.place.source].path.as_str(), r.place.bytes[0]), &e.id);
        }
    }
    for q in &quantities {
        for r in &q.reports {
            anchors.insert((sources.list[r.place.source].path.as_str(), r.place.bytes[0]), &q.id);
        }
    }
    let mut findings = findings
        .iter()
        .filter_map(|f| {
            let doc = ws.doc(&f.path)?;
            // The statement the finding stands on: the mention holding its start.
            let mentions = &doc.analysis.mentions;
            let k = mentions.partition_point(|m| m.span.end <= f.span.start);
            let on = mentions
                .get(k)
                .filter(|m| m.span.start <= f.span.start)
                .and_then(|m| anchors.get(&(&*f.path, m.span.start)))
                .or_else(|| anchors.get(&(&*f.path, f.span.start)))
                .map(|id| id.to_string());
            let related = f
                .related
                .iter()
                .filter_map(|r| {
                    Some(RelatedPlace { place: sources.place(ws, &r.path, r.span)?, message: r.say(ws, lang) })
                })
                .collect();
            Some(Finding {
                place: sources.place(ws, &f.path, f.span)?,
                code: f.code,
                severity: f.severity.as_str(),
                message: f.say(ws, lang),
                related,
                on,
            })
        })
        .collect::<Vec<_>>();
    findings.sort_by_key(|f| (f.place.source, f.place.bytes[0]));
    let entities = entities(ws, &sources);
    Report { version: VERSION, sources: sources.list, events, unplaced, quantities, entities, findings }
}

/// The sources in publication order, and each workspace path's place in it.
struct Sources {
    list: Vec<Source>,
    index: FxHashMap<String, usize>,
}

impl Sources {
    fn of(ws: &Workspace, config: &Config) -> Sources {
        let mut docs: Vec<(&str, &Doc)> = ws.docs().collect();
        docs.sort_by_cached_key(|(path, doc)| {
            let p = doc.analysis.published.map(|p| p.0);
            (p.is_none(), p.and_then(|p| p.year), p.and_then(|p| p.month), p.and_then(|p| p.day), path.to_string())
        });
        let outlets: Vec<Option<String>> = docs
            .iter()
            .map(|(path, _)| {
                config
                    .source(Path::new(path))
                    .outlet
                    .filter(|o| !o.trim().is_empty())
                    .or_else(|| ws.outlet(path).map(str::to_string))
            })
            .collect();
        let mut shared: FxHashMap<&str, usize> = FxHashMap::default();
        for o in outlets.iter().flatten() {
            *shared.entry(o).or_default() += 1;
        }
        let list: Vec<Source> = docs
            .iter()
            .zip(&outlets)
            .map(|((path, doc), outlet)| {
                let file = file_name(path);
                let name = match outlet {
                    Some(o) if shared[o.as_str()] > 1 => format!("{o} · {file}"),
                    Some(o) => o.clone(),
                    None => file.to_string(),
                };
                Source {
                    path: path.to_string(),
                    name,
                    outlet: outlet.clone(),
                    published: doc.analysis.published.map(|p| p.0.to_string()),
                    published_from: doc.analysis.published.map(|p| p.1.as_str()),
                }
            })
            .collect();
        let index = list.iter().enumerate().map(|(i, s)| (s.path.clone(), i)).collect();
        Sources { list, index }
    }

    fn place(&self, ws: &Workspace, path: &str, span: Span) -> Option<Place> {
        let source = *self.index.get(path)?;
        let doc = ws.doc(path)?;
        let p = doc.lines().position(&doc.text, span.start);
        Some(Place {
            source,
            path: path.to_string(),
            line: p.line + 1,
            column: p.chars + 1,
            bytes: [span.start, span.end],
        })
    }
}

/// The findings by source, for finding those on a statement.
struct Flags<'f> {
    /// Each source's findings with their messages in the report's language.
    by_path: FxHashMap<&'f str, Vec<(&'f RuleFinding, String)>>,
    lang: Lang,
}

impl<'f> Flags<'f> {
    fn of(ws: &Workspace, findings: &'f [RuleFinding], lang: Lang) -> Flags<'f> {
        let mut by_path: FxHashMap<&str, Vec<(&RuleFinding, String)>> = FxHashMap::default();
        for f in findings {
            by_path.entry(&f.path).or_default().push((f, f.say(ws, lang)));
        }
        for list in by_path.values_mut() {
            list.sort_by_key(|f| f.0.span.start);
        }
        Flags { by_path, lang }
    }

    /// The findings that start within a statement's span.
    fn on(&self, path: &str, span: Span) -> Vec<Flag> {
        let Some(list) = self.by_path.get(path) else { return Vec::new() };
        let from = list.partition_point(|f| f.0.span.start < span.start);
        list[from..]
            .iter()
            .take_while(|f| f.0.span.start < span.end.max(span.start + 1))
            .map(|(f, message)| Flag { code: f.code, message: message.clone() })
            .collect()
    }
}

/// Statements the conflict rules would compare, gathered: the members (a source's position in
/// [`Workspace::docs`] and the statement's index among its mentions) and what they are about.
struct Group {
    members: Vec<(usize, usize)>,
    /// Statements read from words the grammar takes for no mention (an age: «في الستين من
    /// عمرها»): the source, where it stands, and the least and most it allows.
    wordless: Vec<(usize, Span, f64, f64)>,
    about: Vec<About>,
}

#[derive(PartialEq)]
enum About {
    Entity(Arc<str>),
    Event(Arc<str>),
    Measure(String),
    Year(i32),
}

/// The one place that reads how claims are keyed (`crate::claims`): two dates are of the same
/// event, two figures of the same quantity, when they meet in a bucket of the conflict rules
/// (a measure and a subject within a story, or the strict key across stories) and nothing in
/// their sentences says otherwise; statements joined that way, directly or through others,
/// are one group. Near-linear: each bucket is joined through its first member.
fn same_statements(ws: &Workspace, kind: Kind) -> Vec<Group> {
    let claims = claims::claims(ws, kind);
    let mut sets = Sets::new(claims.len());
    let mut by_bucket: FxHashMap<claims::Bucket, Vec<usize>> = FxHashMap::default();
    for (i, c) in claims.iter().enumerate() {
        for b in claims::buckets(c) {
            by_bucket.entry(b).or_default().push(i);
        }
    }
    // What each claim was joined as: the bucket that joined it first.
    let mut joined_by: Vec<Option<claims::Bucket>> = vec![None; claims.len()];
    let mut order: Vec<(&claims::Bucket, &Vec<usize>)> = by_bucket.iter().collect();
    order.sort_by(|a, b| a.0.cmp(b.0));
    for (bucket, members) in order {
        let first = members[0];
        for &i in members {
            let comparable =
                i == first || claims[first].data.said.relate(&claims[i].data.said, bucket.strict()).is_some();
            if comparable && members.len() > 1 {
                sets.join(first, i);
                joined_by[i].get_or_insert(*bucket);
            }
        }
    }
    let mut groups: Vec<Vec<usize>> = Vec::new();
    let mut slot: FxHashMap<usize, usize> = FxHashMap::default();
    for i in 0..claims.len() {
        let root = sets.root(i);
        let g = *slot.entry(root).or_insert_with(|| {
            groups.push(Vec::new());
            groups.len() - 1
        });
        groups[g].push(i);
    }
    groups
        .into_iter()
        .map(|members| {
            let first = &claims[members[0]];
            let mut about = Vec::new();
            let bucket = members.iter().find_map(|&i| joined_by[i]);
            match bucket {
                Some(claims::Bucket::Story { .. }) => {
                    // In the article's own words: the counted noun, then the entities and
                    // event words the statements share (the measure's name is the rules').
                    if kind != Kind::Dates && !first.data.noun.is_empty() {
                        about.push(About::Measure(first.data.noun.to_string()));
                    }
                    if let Some(key) = first.data.key.as_deref().filter(|k| ws.entity(k).is_some()) {
                        about.push(About::Entity(key.into()));
                    }
                    let mut counts: FxHashMap<&(bool, Arc<str>), usize> = FxHashMap::default();
                    for &i in &members {
                        for x in claims[i].data.context.iter() {
                            *counts.entry(x).or_default() += 1;
                        }
                    }
                    let mut shared: Vec<(&(bool, Arc<str>), usize)> = counts.into_iter().collect();
                    shared.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(b.0)));
                    for ((is_event, x), _) in shared.into_iter().take(3) {
                        let a = if *is_event { About::Event(x.clone()) } else { About::Entity(x.clone()) };
                        if !about.contains(&a) {
                            about.push(a);
                        }
                    }
                }
                Some(claims::Bucket::Strict { key, event, context }) => {
                    match kind {
                        Kind::Dates => about.push(About::Entity(key.clone())),
                        _ => {
                            if !first.data.noun.is_empty() {
                                about.push(About::Measure(first.data.noun.to_string()));
                            }
                            if let Some(year) = key.rsplit_once('@').and_then(|(_, y)| y.parse().ok()) {
                                about.push(About::Year(year));
                            }
                        }
                    }
                    about.push(if event { About::Event(context.clone()) } else { About::Entity(context.clone()) });
                }
                None => {
                    if !first.data.measure_shown.is_empty() {
                        about.push(About::Measure(first.data.measure_shown.to_string()));
                    }
                    if let Some(id) = first.data.key.as_deref().filter(|k| ws.entity(k).is_some()) {
                        about.push(About::Entity(id.into()));
                    }
                }
            }
            let wordless = members
                .iter()
                .filter(|&&i| claims[i].mention() == usize::MAX)
                .filter_map(|&i| match &claims[i].data.said.value {
                    claims::said::Value::Age { low, high, .. } => {
                        Some((claims[i].source as usize, claims[i].span, *low, *high))
                    }
                    _ => None,
                })
                .collect();
            let members = members
                .iter()
                .filter(|&&i| claims[i].mention() != usize::MAX)
                .map(|&i| (claims[i].source as usize, claims[i].mention()))
                .collect();
            Group { members, wordless, about }
        })
        .collect()
}

/// Disjoint sets of claims (union by size, paths halved).
struct Sets {
    parent: Vec<usize>,
    size: Vec<usize>,
}

impl Sets {
    fn new(n: usize) -> Sets {
        Sets { parent: (0..n).collect(), size: vec![1; n] }
    }

    fn root(&mut self, mut i: usize) -> usize {
        while self.parent[i] != i {
            self.parent[i] = self.parent[self.parent[i]];
            i = self.parent[i];
        }
        i
    }

    fn join(&mut self, a: usize, b: usize) {
        let (mut a, mut b) = (self.root(a), self.root(b));
        if a == b {
            return;
        }
        if self.size[a] < self.size[b] {
            std::mem::swap(&mut a, &mut b);
        }
        self.parent[b] = a;
        self.size[a] += self.size[b];
    }
}

/// What a subject is called, read in the sentence of the group's first statement where it is
/// written there (an event word as the source wrote it).
fn subject(ws: &Workspace, about: &About, sentence: Option<(&Doc, Span)>, lang: Lang) -> Subject {
    match about {
        About::Entity(id) => Subject {
            kind: "entity",
            id: Some(id.to_string()),
            name: ws.entity(id).map_or_else(|| id.to_string(), |e| e.name.clone()),
        },
        About::Event(key) => {
            let written = sentence.and_then(|(doc, s)| {
                keys::within(&doc.local.events, |e| e.0, s)
                    .find(|e| e.1 == *key)
                    .and_then(|e| doc.text.get(e.0.start..e.0.end))
            });
            Subject { kind: "event", id: Some(key.to_string()), name: written.unwrap_or(key).to_string() }
        }
        About::Measure(unit) => Subject { kind: "measure", id: None, name: render(unit, lang.into()) },
        About::Year(y) => Subject { kind: "year", id: None, name: y.to_string() },
    }
}

/// A lone date the rules do not key: what its sentence names near it (the nearest entity,
/// settings included, outlets not, and the event words).
fn about_sentence(ws: &Workspace, doc: &Doc, span: Span) -> Vec<Subject> {
    let s = crate::query::sentence_around(doc, span);
    let window = Span::new(s.start.max(span.start.saturating_sub(QUOTE_REACH)), s.end.min(span.end + QUOTE_REACH));
    let mut out = Vec::new();
    // Not the outlet of a dateline or a credit: it reports the date, the date is not its.
    let nearest = keys::within(&doc.entities, |e| e.span, window)
        .filter(|e| !crate::claims::words::WORDS.is_outlet(&e.id))
        .min_by_key(|e| {
            if e.span.end <= span.start { span.start - e.span.end } else { e.span.start.saturating_sub(span.end) }
        });
    if let Some(e) = nearest {
        // An entity is named by its own name, in any language.
        out.push(subject(ws, &About::Entity(e.id.clone()), None, Lang::default()));
    }
    let mut seen = BTreeSet::new();
    for (at, key) in keys::within(&doc.local.events, |e| e.0, window) {
        if seen.insert(key.clone()) && seen.len() <= 2 {
            let name = doc.text.get(at.start..at.end).unwrap_or(key).to_string();
            out.push(Subject { kind: "event", id: Some(key.to_string()), name });
        }
    }
    out
}

/// The sentence around a span, cut and with its white space made single spaces.
fn quote(doc: &Doc, span: Span) -> Quote {
    let s = crate::query::sentence_around(doc, span);
    let text = &doc.text;
    let mut from = s.start.max(span.start.saturating_sub(QUOTE_REACH));
    let mut to = s.end.min(span.end + QUOTE_REACH).max(span.end);
    while !text.is_char_boundary(from) {
        from += 1;
    }
    while !text.is_char_boundary(to) {
        to -= 1;
    }
    // Cut at a word, not inside one.
    if from > s.start
        && let Some(space) = text[from..span.start].find(char::is_whitespace)
    {
        from += space;
    }
    if to < s.end
        && let Some(space) = text[span.end..to].rfind(char::is_whitespace)
    {
        to = span.end + space;
    }
    let mut out = String::new();
    if from > s.start {
        out.push('…');
    }
    squeeze(&text[from..span.start], &mut out);
    let at = out.len();
    squeeze(&text[span.start..span.end], &mut out);
    let end = out.len();
    squeeze(&text[span.end..to], &mut out);
    if to < s.end {
        out.push('…');
    }
    // Leading and trailing space would only shift the statement's offsets.
    let lead = out.len() - out.trim_start().len();
    let quote = out.trim().to_string();
    Quote { at: [at.saturating_sub(lead).min(quote.len()), end.saturating_sub(lead).min(quote.len())], text: quote }
}

fn squeeze(part: &str, out: &mut String) {
    let mut space = false;
    for c in part.chars() {
        if c.is_whitespace() {
            space = true;
            continue;
        }
        if space && !out.is_empty() && !out.ends_with(' ') {
            out.push(' ');
        }
        space = false;
        out.push(c);
    }
    if space && !out.ends_with(' ') && !out.is_empty() {
        out.push(' ');
    }
}

/// Days from 1970-01-01 to a day.
fn day_number(y: i32, m: u8, d: u8) -> Option<i64> {
    calendar::days_between((1970, 1, 1), (y, m, d))
}

pub fn when(v: DateValue) -> When {
    let iso = v.to_string();
    let (precision, first, last) = match (v.year, v.month, v.day, v.week) {
        (Some(y), _, _, Some(w)) => {
            // ISO week 1 holds 4 January.
            let jan4 = day_number(y, 1, 4);
            let monday = jan4.zip(calendar::weekday(y, 1, 4)).map(|(d, wd)| d - (wd as i64 - 1) + (w as i64 - 1) * 7);
            ("week", monday, monday.map(|m| m + 6))
        }
        (Some(y), Some(m), Some(d), _) => ("day", day_number(y, m, d), day_number(y, m, d)),
        (Some(y), Some(m), None, _) => {
            ("month", day_number(y, m, 1), day_number(y, m, calendar::days_in_month(Some(y), m)))
        }
        (Some(y), None, _, _) => ("year", day_number(y, 1, 1), day_number(y, 12, 31)),
        (None, _, _, _) => ("no-year", None, None),
    };
    When { iso, precision, first_day: first, last_day: last }
}

/// The date most sources agree with: per distinct value, the sources whose date agrees with
/// it; the most, then the finest, then the earliest.
fn consensus(dates: &[(usize, DateValue)]) -> Option<DateValue> {
    let mut values: Vec<DateValue> = dates.iter().map(|d| d.1).filter(|v| v.year.is_some()).collect();
    values.sort_by_key(|v| (v.year, v.month, v.day, v.week));
    values.dedup();
    let fineness = |v: &DateValue| v.month.is_some() as u8 + v.day.is_some() as u8 + v.week.is_some() as u8;
    values.into_iter().max_by(|a, b| {
        let support = |v: &DateValue| {
            dates.iter().filter(|d| keys::dates_agree(v, &d.1)).map(|d| d.0).collect::<BTreeSet<_>>().len()
        };
        support(a)
            .cmp(&support(b))
            .then(fineness(a).cmp(&fineness(b)))
            .then_with(|| (b.year, b.month, b.day, b.week).cmp(&(a.year, a.month, a.day, a.week)))
    })
}

fn date_report(
    ws: &Workspace,
    sources: &Sources,
    flags: &Flags,
    path: &str,
    doc: &Doc,
    k: usize,
) -> Option<DateReport> {
    let m = doc.analysis.mentions.get(k)?;
    let MentionKind::Date(d) = &m.kind else { return None };
    let hijri = if d.calendar == Calendar::Hijri {
        Some(d.written.to_string())
    } else {
        d.paired.as_ref().filter(|p| p.calendar == Calendar::Hijri).map(|p| p.written.to_string())
    };
    let relative = d.relative.map(|_| Counted {
        from: doc.analysis.published.map(|p| p.0.to_string()),
        published_from: doc.analysis.published.map(|p| p.1.as_str()),
    });
    let flags = flags.on(path, m.span);
    Some(DateReport {
        place: sources.place(ws, path, m.span)?,
        written: doc.text.get(m.span.start..m.span.end)?.to_string(),
        sentence: quote(doc, m.span),
        value: d.value.map(when),
        hijri,
        relative,
        agrees: true,
        conflict: flags.iter().any(|f| f.code == "date-conflict"),
        flags,
    })
}

fn events(ws: &Workspace, sources: &Sources, flags: &Flags) -> (Vec<Event>, Vec<DateReport>) {
    let docs: Vec<(&str, &Doc)> = ws.docs().collect();
    // Each event's statements (source, mention) and what it is about.
    type Statements = Vec<(usize, usize)>;
    let mut grouped: Vec<(Statements, Vec<Subject>)> = Vec::new();
    let mut keyed = rustc_hash::FxHashSet::default();
    for g in same_statements(ws, Kind::Dates) {
        keyed.extend(g.members.iter().copied());
        let first = g.members.first().and_then(|&(s, k)| {
            let doc = docs.get(s)?.1;
            Some((doc, crate::query::sentence_around(doc, doc.analysis.mentions.get(k)?.span)))
        });
        let about = g.about.iter().map(|a| subject(ws, a, first, flags.lang)).collect();
        grouped.push((g.members, about));
    }
    // Every other date stands alone: the rules have nothing to compare it with.
    for (s, (_, doc)) in docs.iter().enumerate() {
        for (k, m) in doc.analysis.mentions.iter().enumerate() {
            if matches!(m.kind, MentionKind::Date(_)) && !keyed.contains(&(s, k)) {
                grouped.push((vec![(s, k)], about_sentence(ws, doc, m.span)));
            }
        }
    }
    let mut events = Vec::new();
    let mut unplaced = Vec::new();
    for (members, about) in grouped {
        let mut reports: Vec<DateReport> = Vec::new();
        let mut values: Vec<(usize, DateValue)> = Vec::new();
        for (s, k) in members {
            let Some(&(path, doc)) = docs.get(s) else { continue };
            let Some(report) = date_report(ws, sources, flags, path, doc, k) else { continue };
            match &doc.analysis.mentions[k].kind {
                MentionKind::Date(d) if d.value.is_some_and(|v| v.year.is_some()) => {
                    values.push((report.place.source, d.value.unwrap_or_default()));
                    reports.push(report);
                }
                _ => unplaced.push(report),
            }
        }
        let Some(date) = consensus(&values) else { continue };
        for (r, (_, v)) in reports.iter_mut().zip(&values) {
            r.agrees = keys::dates_agree(&date, v);
        }
        reports.sort_by_key(|r| (r.place.source, r.place.bytes[0]));
        let sources = reports.iter().map(|r| r.place.source).collect::<BTreeSet<_>>().len();
        let conflict = reports.iter().any(|r| r.conflict);
        events.push(Event { id: String::new(), about, date: when(date), reports, sources, conflict });
    }
    let first = |e: &Event| e.reports.first().map(|r| (r.place.source, r.place.bytes[0]));
    events.sort_by(|a, b| {
        (a.date.first_day, a.date.last_day, first(a)).cmp(&(b.date.first_day, b.date.last_day, first(b)))
    });
    for (n, e) in events.iter_mut().enumerate() {
        e.id = format!("event-{}", n + 1);
    }
    unplaced.sort_by_key(|r| (r.place.source, r.place.bytes[0]));
    (events, unplaced)
}

fn quantities(ws: &Workspace, sources: &Sources, flags: &Flags) -> Vec<Quantity> {
    let docs: Vec<(&str, &Doc)> = ws.docs().collect();
    let mut out = Vec::new();
    for g in same_statements(ws, Kind::Figures) {
        let first = g.members.first().and_then(|&(s, k)| {
            let doc = docs.get(s)?.1;
            Some((doc, crate::query::sentence_around(doc, doc.analysis.mentions.get(k)?.span)))
        });
        let about = g.about.iter().map(|a| subject(ws, a, first, flags.lang)).collect();
        let mut reports: Vec<FigureReport> = g
            .members
            .iter()
            .filter_map(|&(s, k)| {
                let (path, doc) = *docs.get(s)?;
                let m = doc.analysis.mentions.get(k)?;
                // A count, or a length of time compared as one (an age: «73 عاما»).
                let (amount, unit, bound, value, upper) = match &m.kind {
                    MentionKind::Figure(f) => (f.amount(), f.unit.clone(), f.bound, f.value, f.upper),
                    MentionKind::Duration(d) => {
                        let written = doc.text.get(m.span.start..m.span.end)?;
                        let unit = written.split_whitespace().last().map(str::to_string);
                        (crate::extract::format_number(d.amount), unit, d.bound, d.amount, None)
                    }
                    MentionKind::Date(_) => return None,
                };
                let (least, most) = crate::claims::said::interval(value, upper, bound);
                let flags = flags.on(path, m.span);
                Some(FigureReport {
                    place: sources.place(ws, path, m.span)?,
                    written: doc.text.get(m.span.start..m.span.end)?.to_string(),
                    sentence: quote(doc, m.span),
                    amount,
                    unit,
                    hedge: bound.as_str(),
                    value,
                    upper,
                    least,
                    most: most.is_finite().then_some(most),
                    conflict: flags.iter().any(|f| f.code == "figure-conflict"),
                    flags,
                })
            })
            .collect();
        for &(s, span, low, high) in &g.wordless {
            let Some(&(path, doc)) = docs.get(s) else { continue };
            let Some(written) = doc.text.get(span.start..span.end) else { continue };
            let flags = flags.on(path, span);
            let Some(place) = sources.place(ws, path, span) else { continue };
            reports.push(FigureReport {
                place,
                written: written.to_string(),
                sentence: quote(doc, span),
                amount: crate::extract::format_number(low),
                unit: None,
                hedge: if high - low > 1.0 { "about" } else { "exact" },
                value: low,
                upper: None,
                least: low,
                most: high.is_finite().then_some(high),
                conflict: flags.iter().any(|f| f.code == "figure-conflict"),
                flags,
            });
        }
        if reports.is_empty() {
            continue;
        }
        reports.sort_by_key(|r| (r.place.source, r.place.bytes[0]));
        let sources = reports.iter().map(|r| r.place.source).collect::<BTreeSet<_>>().len();
        let conflict = reports.iter().any(|r| r.conflict);
        out.push(Quantity { id: String::new(), about, reports, sources, conflict });
    }
    let first = |q: &Quantity| q.reports.first().map(|r| (r.place.source, r.place.bytes[0]));
    out.sort_by(|a, b| {
        (!a.conflict, std::cmp::Reverse(a.sources), first(a)).cmp(&(
            !b.conflict,
            std::cmp::Reverse(b.sources),
            first(b),
        ))
    });
    for (n, q) in out.iter_mut().enumerate() {
        q.id = format!("quantity-{}", n + 1);
    }
    out
}

fn entities(ws: &Workspace, sources: &Sources) -> Vec<EntityRow> {
    #[derive(Default)]
    struct Seen<'w> {
        mentions: usize,
        by_source: FxHashMap<usize, usize>,
        spellings: Vec<(&'w str, usize)>,
        spelling_at: FxHashMap<&'w str, usize>,
    }
    let mut seen: FxHashMap<&Arc<str>, Seen> = FxHashMap::default();
    for (path, doc) in ws.docs() {
        let Some(&source) = sources.index.get(path) else { continue };
        for m in &doc.entities {
            let s = seen.entry(&m.id).or_default();
            s.mentions += 1;
            *s.by_source.entry(source).or_default() += 1;
            let written = doc.text.get(m.span.start..m.span.end).unwrap_or("");
            match s.spelling_at.get(written) {
                Some(&i) => s.spellings[i].1 += 1,
                None => {
                    s.spelling_at.insert(written, s.spellings.len());
                    s.spellings.push((written, 1));
                }
            }
        }
    }
    let mut rows: Vec<EntityRow> = seen
        .into_iter()
        .map(|(id, s)| {
            let entity = ws.entity(id);
            let mut spellings = s.spellings;
            // The most frequent first; first seen first among equals (the sort is stable).
            spellings.sort_by_key(|x| std::cmp::Reverse(x.1));
            let more_spellings = spellings.len().saturating_sub(MAX_SPELLINGS);
            let mut named_by: Vec<Named> =
                s.by_source.into_iter().map(|(source, mentions)| Named { source, mentions }).collect();
            named_by.sort_by_key(|n| n.source);
            EntityRow {
                id: id.to_string(),
                name: entity.map_or_else(|| id.to_string(), |e| e.name.clone()),
                kind: entity.map_or("person", |e| e.kind.as_str()),
                description: entity.and_then(|e| e.description.clone()),
                spellings: spellings
                    .into_iter()
                    .take(MAX_SPELLINGS)
                    .map(|(text, count)| Spelling { text: text.to_string(), count })
                    .collect(),
                more_spellings,
                named_by,
                mentions: s.mentions,
            }
        })
        .collect();
    rows.sort_by(|a, b| {
        b.named_by.len().cmp(&a.named_by.len()).then(b.mentions.cmp(&a.mentions)).then(a.id.cmp(&b.id))
    });
    rows
}

#[cfg(test)]
mod tests {
    use std::path::PathBuf;

    use super::*;
    use crate::analysis::PublishedSource;
    use crate::entities::Gazetteer;
    use crate::rules::{RuleSettings, check};

    fn report(sources: &[(&str, &str, Option<&str>)], config: &str) -> Report {
        let mut ws = Workspace::new(Arc::new(Gazetteer::new(&[])));
        ws.extend(sources.iter().map(|(p, t, published)| {
            let given = published.map(|d| (DateValue::parse(d).unwrap(), PublishedSource::Config));
            (p.to_string(), t.to_string(), given)
        }));
        let config = Config::parse(config, PathBuf::from(".")).unwrap();
        build(&ws, &check(&ws, &RuleSettings::default()), &config, crate::messages::Lang::En)
    }

    // Three outlets on one vote; the third dates it to another year.
    const A: &str = "وصوّت مجلس النواب العراقي في 5 يناير 2020 على إنهاء وجود القوات الأجنبية بعد مقتل قاسم سليماني.";
    const B: &str = "وكان مجلس النواب العراقي قد صوت في 5 جانفي 2020 على القرار إثر اغتيال قاسم سليماني.";
    const C: &str = "مجلس النواب العراقي في كانون الثاني 1998، عقب اغتيال قاسم سليماني، صوت على القرار.";

    #[test]
    fn one_event_across_sources_with_the_minority_date_marked() {
        let r = report(
            &[("a.txt", A, Some("2020-01-06")), ("b.txt", B, Some("2020-01-05")), ("c.txt", C, None)],
            "[sources.\"b.txt\"]\noutlet = \"وكالة ب\"\n",
        );
        // Publication order: b (5 Jan), a (6 Jan), then c (no date); b named by its outlet.
        let names: Vec<&str> = r.sources.iter().map(|s| s.name.as_str()).collect();
        assert_eq!(names, ["وكالة ب", "a.txt", "c.txt"]);
        let vote: Vec<&Event> = r.events.iter().filter(|e| e.reports.len() == 3).collect();
        assert_eq!(vote.len(), 1, "{:#?}", r.events);
        let vote = vote[0];
        assert_eq!(vote.date.iso, "2020-01-05");
        assert_eq!(vote.about[0].name, "مجلس النواب العراقي");
        assert!(vote.conflict);
        let seen: Vec<(usize, &str, bool, bool)> =
            vote.reports.iter().map(|r| (r.place.source, r.written.as_str(), r.agrees, r.conflict)).collect();
        assert_eq!(
            seen,
            [(0, "5 جانفي 2020", true, false), (1, "5 يناير 2020", true, false), (2, "كانون الثاني 1998", false, true)]
        );
        let c = &vote.reports[2];
        assert_eq!((c.place.path.as_str(), c.place.line, c.place.column), ("c.txt", 1, 24));
        assert_eq!(c.place.bytes, [C.find("كانون").unwrap(), C.find("،").unwrap()]);
        assert_eq!(&c.sentence.text[c.sentence.at[0]..c.sentence.at[1]], "كانون الثاني 1998");
        assert_eq!(
            c.value.as_ref().map(|w| (w.precision, w.first_day, w.last_day)),
            Some(("month", Some(10227), Some(10257)))
        );
        // The finding on it points at its event.
        let f = r.findings.iter().find(|f| f.code == "date-conflict").unwrap();
        assert_eq!((f.place.source, f.on.as_deref()), (2, Some(vote.id.as_str())));
        assert_eq!(f.related.len(), 2);
    }

    #[test]
    fn figures_in_publication_order_with_their_hedges() {
        let x = "وفي عام 2014 نشرت واشنطن 3000 جندي لمحاربة تنظيم داعش.";
        let y = "ومنذ 2014 ينتشر نحو 3000 جندي للتحالف ضد داعش.";
        let z = "وفي عام 2014، تم نشر أكثر من 5000 جندي في العراق لمحاربة تنظيم داعش.";
        let r = report(
            &[("x.txt", x, Some("2021-03-01")), ("y.txt", y, Some("2020-01-01")), ("z.txt", z, Some("2022"))],
            "",
        );
        let q = &r.quantities[0];
        assert!(q.conflict);
        assert_eq!(
            q.about.iter().map(|s| (s.kind, s.name.as_str())).collect::<Vec<_>>()[..2],
            [("measure", "جندي"), ("year", "2014")]
        );
        let seen: Vec<(&str, &str, f64, Option<f64>, bool)> = q
            .reports
            .iter()
            .map(|f| {
                (r.sources[f.place.source].path.as_str(), f.hedge, f.least.round(), f.most.map(f64::round), f.conflict)
            })
            .collect();
        assert_eq!(
            seen,
            [
                ("y.txt", "about", 2700.0, Some(3300.0), false),
                ("x.txt", "exact", 3000.0, Some(3000.0), false),
                ("z.txt", "above", 5000.0, None, true)
            ]
        );
        assert_eq!(q.reports[2].written, "أكثر من 5000 جندي");
    }

    #[test]
    fn relative_and_hijri_dates_say_how_they_were_read() {
        let text =
            "وقال المتحدث باسم الجيش اللبناني العميد نزيه جبور أمس إن الجيش انتشر. وفي 15 رمضان 1442 هـ وصل الوفد.";
        let r = report(&[("a.txt", text, Some("2021-12-09"))], "");
        let dates: Vec<&DateReport> = r.events.iter().flat_map(|e| &e.reports).collect();
        let yesterday = dates.iter().find(|d| d.written == "أمس").unwrap();
        assert_eq!(yesterday.value.as_ref().unwrap().iso, "2021-12-08");
        assert_eq!(
            yesterday.relative,
            Some(Counted { from: Some("2021-12-09".into()), published_from: Some("config") })
        );
        let ramadan = dates.iter().find(|d| d.hijri.is_some()).unwrap();
        assert_eq!(
            (ramadan.hijri.as_deref(), ramadan.value.as_ref().unwrap().iso.as_str()),
            (Some("1442-09-15"), "2021-04-27")
        );
        // Without a publication date, «أمس» cannot be placed.
        let r = report(&[("a.txt", text, None)], "");
        assert_eq!(r.unplaced.iter().map(|d| d.written.as_str()).collect::<Vec<_>>(), ["أمس"]);
        assert_eq!(r.unplaced[0].relative, Some(Counted { from: None, published_from: None }));
    }

    #[test]
    fn entities_with_spellings_and_sources() {
        let a = "وقال المتحدث باسم الجيش اللبناني العميد نزيه جبور إن الجيش انتشر. وأضاف جبور أن الوضع هادئ.";
        let b = "وأكد جبور أن الانتشار بدأ.";
        let r = report(&[("a.txt", a, None), ("b.txt", b, None)], "");
        let jabbour = r.entities.iter().find(|e| e.name == "نزيه جبور").unwrap();
        assert_eq!(jabbour.kind, "person");
        assert_eq!(jabbour.mentions, 3);
        assert_eq!(jabbour.named_by, [Named { source: 0, mentions: 2 }, Named { source: 1, mentions: 1 }]);
        assert_eq!(
            jabbour.spellings,
            [Spelling { text: "جبور".into(), count: 2 }, Spelling { text: "نزيه جبور".into(), count: 1 }]
        );
        assert_eq!(r.entities[0].name, "نزيه جبور");
    }

    #[test]
    fn a_long_sentence_is_quoted_around_the_statement() {
        let filler = "وتابع المسؤول حديثه عن الأوضاع الأمنية ".repeat(30);
        let text = format!("{filler}وفي 5 يناير 2020 صوت \t  البرلمان {filler}.");
        let r = report(&[("a.txt", &text, None)], "");
        let d = &r.events[0].reports[0];
        assert!(d.sentence.text.starts_with('…') && d.sentence.text.ends_with('…'), "{}", d.sentence.text);
        assert!(d.sentence.text.len() < 2 * QUOTE_REACH + 40);
        assert_eq!(&d.sentence.text[d.sentence.at[0]..d.sentence.at[1]], "5 يناير 2020");
        assert!(d.sentence.text.contains("2020 صوت البرلمان"), "{}", d.sentence.text);
    }

    #[test]
    fn week_month_and_year_cover_their_days() {
        let w = when(DateValue { year: Some(2021), week: Some(49), ..Default::default() });
        // ISO week 49 of 2021: Monday 6 to Sunday 12 December.
        assert_eq!((w.first_day, w.last_day), (day_number(2021, 12, 6), day_number(2021, 12, 12)));
        let y = when(DateValue::y(2003));
        assert_eq!((y.precision, y.last_day.unwrap() - y.first_day.unwrap()), ("year", 364));
        assert_eq!(when(DateValue { month: Some(7), day: Some(26), ..Default::default() }).first_day, None);
    }
}
