//! The timeline as SVG, drawn from the report's events: time runs down a compressed axis (each
//! distinct date a row, long gaps shortened and marked), each source is a lane (a column, in
//! its colour, in publication order), each statement a marker in its source's lane on the row
//! of the date it gives. An event's markers are joined along the row of the date most sources
//! give; a source that dates it otherwise sits on the row of its own date, tied back by a
//! dashed line, and is ringed when `date-conflict` flags it.
//!
//! Coordinates are laid out in reading order (`u` grows from where a line starts reading) and
//! mirrored for a right-to-left page, so the axis is on the reading side in both languages.

use std::collections::{BTreeMap, HashMap};

use maud::{Markup, html};
use tadqiq_core::report::{DateReport, Event, Report};

use crate::text::{Lang, Links, clean, say, shorten};

/// At most this many sources get a lane of their own; the rest share the last one.
pub const MAX_LANES: usize = 12;
/// Markers drawn per event (the flagged and differing ones always among them).
pub const MAX_MARKERS: usize = 30;

const AXIS: f64 = 118.0;
const GAP: f64 = 14.0;
const LABELS: f64 = 360.0;
const HEAD: f64 = 58.0;
const ROW: f64 = 26.0;
const BREAK: f64 = 18.0;
/// Rows more than this many days apart get a break in the axis between them.
const LONG_GAP: i64 = 400;

/// Colours for sources, told apart by most colour-blind readers (Tableau 10 without its red,
/// which marks conflicts, and two darker ones for more sources).
pub const PALETTE: [&str; 11] = [
    "#4e79a7", "#f28e2b", "#59a14f", "#b07aa1", "#76b7b2", "#9c755f", "#edc948", "#ff9da7", "#8cd17d", "#1f3d7a",
    "#6b4c9a",
];
pub const CONFLICT: &str = "#c8102e";

pub fn colour(source: usize) -> &'static str {
    PALETTE[source % PALETTE.len()]
}

/// The drawing's width and direction. Text is set in the page's direction, anchored at its
/// start (labels, reading on from the lanes) or its end (dates, reading up to the axis), so it
/// falls the right way in both; names and quotes inside it are isolated ([`isolate`]).
struct Frame {
    rtl: bool,
    width: f64,
}

impl Frame {
    fn dir(&self) -> &'static str {
        if self.rtl { "rtl" } else { "ltr" }
    }

    fn x(&self, u: f64) -> f64 {
        if self.rtl { self.width - u } else { u }
    }
}

/// The SVG of `events` (indexes into `report.events`, drawn in that order of time).
pub fn svg(report: &Report, events: &[usize], lang: Lang, links: &Links) -> Markup {
    let rtl = lang.rtl();
    // Lanes: every source, or the sources with the most statements drawn and one shared lane.
    let mut counts: BTreeMap<usize, usize> = BTreeMap::new();
    for &e in events {
        for r in &report.events[e].reports {
            *counts.entry(r.place.source).or_default() += 1;
        }
    }
    let mut lane_of: HashMap<usize, usize> = HashMap::new();
    let shared_lane = report.sources.len() > MAX_LANES;
    let mut own: Vec<usize> = if shared_lane {
        let mut by_count: Vec<(usize, usize)> = counts.iter().map(|(s, n)| (*s, *n)).collect();
        by_count.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        by_count.into_iter().take(MAX_LANES - 1).map(|(s, _)| s).collect()
    } else {
        (0..report.sources.len()).collect()
    };
    own.sort();
    for (lane, s) in own.iter().enumerate() {
        lane_of.insert(*s, lane);
    }
    let lanes = if shared_lane { own.len() + 1 } else { own.len().max(1) };
    let lane = |source: usize| lane_of.get(&source).copied().unwrap_or(lanes - 1);
    let lane_width = (600.0 / lanes as f64).clamp(40.0, 96.0);
    let lanes_start = AXIS + GAP;
    let lanes_end = lanes_start + lanes as f64 * lane_width;
    let labels_start = lanes_end + GAP;
    let frame = Frame { rtl, width: labels_start + LABELS };
    let lane_u = |l: usize| lanes_start + (l as f64 + 0.5) * lane_width;

    // Rows: an event that several sources report, or that one disputes, on the date most of
    // them give, and on each other date a source gives it; events of one source each (dates
    // the rules have nothing to compare with) gathered by date, one row per date.
    let mut rows: Vec<Row> = Vec::new();
    let mut gathered: HashMap<String, usize> = HashMap::new();
    for (order, &e) in events.iter().enumerate() {
        let event = &report.events[e];
        let (Some(first), Some(last)) = (event.date.first_day, event.date.last_day) else { continue };
        if event.sources > 1 || event.conflict {
            rows.push(Row::new(RowKey::Event(order), event, first, last, order));
            for r in event.reports.iter().filter(|r| !r.agrees) {
                let Some(v) = &r.value else { continue };
                let (Some(first), Some(last)) = (v.first_day, v.last_day) else { continue };
                let key = RowKey::Other(order, v.iso.clone());
                if !rows.iter().any(|row| row.key == key) {
                    rows.push(Row { key, iso: v.iso.clone(), first, last, events: vec![order] });
                }
            }
        } else if let Some(&at) = gathered.get(&event.date.iso) {
            rows[at].events.push(order);
        } else {
            gathered.insert(event.date.iso.clone(), rows.len());
            rows.push(Row::new(RowKey::Gathered(event.date.iso.clone()), event, first, last, order));
        }
    }
    rows.sort_by(|a, b| {
        (a.first, a.last, a.events[0], a.key.rank()).cmp(&(b.first, b.last, b.events[0], b.key.rank()))
    });
    let mut main_row = vec![usize::MAX; events.len()];
    let mut other_row: HashMap<(usize, &str), usize> = HashMap::new();
    for (i, row) in rows.iter().enumerate() {
        match &row.key {
            RowKey::Other(order, iso) => {
                other_row.insert((*order, iso.as_str()), i);
            }
            _ => row.events.iter().for_each(|&o| main_row[o] = i),
        }
    }
    let mut ys = Vec::with_capacity(rows.len());
    let mut breaks = Vec::new();
    let mut y = HEAD + ROW * 0.5;
    for (i, row) in rows.iter().enumerate() {
        if i > 0 {
            y += ROW;
            if row.first - rows[i - 1].last > LONG_GAP {
                breaks.push(y - ROW * 0.5 + BREAK * 0.5 - 2.0);
                y += BREAK;
            }
        }
        ys.push(y);
    }
    let height = y + ROW;

    // Every marker's place, a few pixels apart where one lane of a row holds several.
    let mut taken: HashMap<(usize, usize), usize> = HashMap::new();
    let placed: Vec<Vec<Placed>> = events
        .iter()
        .enumerate()
        .map(|(order, &e)| {
            let main = main_row[order];
            if main == usize::MAX {
                return Vec::new();
            }
            let reports = &report.events[e].reports;
            crate::statements_shown(reports.len(), |i| reports[i].conflict || !reports[i].agrees, MAX_MARKERS)
                .into_iter()
                .map(|k| &reports[k])
                .filter_map(|r| {
                    let row = if r.agrees { main } else { *other_row.get(&(order, r.value.as_ref()?.iso.as_str()))? };
                    let lane = lane(r.place.source);
                    let n = taken.entry((lane, row)).or_default();
                    let u = lane_u(lane) + (*n as f64 * 7.0).min(21.0);
                    *n += 1;
                    Some(Placed { report: r, u, row })
                })
                .collect()
        })
        .collect();

    let sources_drawn: Vec<(usize, String)> = (0..lanes)
        .map(|l| match own.get(l) {
            Some(&s) => (s, report.sources[s].name.clone()),
            None => (usize::MAX, format!("+{}", report.sources.len() - own.len())),
        })
        .collect();

    let dir = lang.dir();
    html! {
        svg.timeline xmlns="http://www.w3.org/2000/svg" dir="ltr" role="img"
            viewBox=(format!("0 0 {:.0} {:.0}", frame.width, height))
            width=(format!("{:.0}", frame.width)) height=(format!("{:.0}", height))
            aria-label=(say(lang, "timeline_label")) {
            // Lane headers and the lanes themselves.
            @for (l, (source, name)) in sources_drawn.iter().enumerate() {
                @let x = frame.x(lane_u(l));
                @let fill = if *source == usize::MAX { "#777" } else { colour(*source) };
                g.lane data-source=(if *source == usize::MAX { String::from("shared") } else { source.to_string() }) {
                    title { (clean(name)) }
                    rect x=(fmt(x - lane_width / 2.0 + 2.0)) y=(fmt(HEAD - 6.0)) width=(fmt(lane_width - 4.0))
                        height=(fmt(height - HEAD)) fill=(fill) fill-opacity="0.06" rx="4" {}
                    circle cx=(fmt(x)) cy="16" r="10" fill=(fill) {}
                    text x=(fmt(x)) y="20" text-anchor="middle" fill="#fff" font-size="11" font-weight="bold" {
                        @if *source == usize::MAX { "+" } @else { (source + 1) }
                    }
                    @let short = shorten(name, ((lane_width / 6.5) as usize).max(4));
                    text x=(fmt(x)) y="42" text-anchor="middle" font-size="10" direction=(dir) {
                        (isolate(&short))
                    }
                }
            }
            // The axis, its breaks, its dates, and each row's label.
            line.axis x1=(fmt(frame.x(AXIS))) x2=(fmt(frame.x(AXIS))) y1=(fmt(HEAD - 6.0)) y2=(fmt(height - 4.0)) stroke="#444" stroke-width="1.5" {}
            @for b in &breaks {
                path.gap d=(format!("M{:.1} {:.1} l6 -4 l-12 -4 l6 -4", frame.x(AXIS), b + 6.0)) stroke="#444" fill="none" stroke-width="1.5" {}
            }
            @for (i, row) in rows.iter().enumerate() {
                @let other = matches!(row.key, RowKey::Other(..));
                @if i == 0 || rows[i - 1].iso != row.iso {
                    text.date x=(fmt(frame.x(AXIS - 8.0))) y=(fmt(ys[i] + 4.0)) font-size="11" direction=(dir) text-anchor="end"
                        fill=(if other { CONFLICT } else { "#222" }) {
                        (row.iso)
                    }
                }
                @if let RowKey::Other(order, iso) = &row.key {
                    (other_label(report, &report.events[events[*order]], iso, frame.x(labels_start), ys[i], &frame))
                }
                @if !other {
                    line.guide x1=(fmt(frame.x(AXIS))) x2=(fmt(frame.x(frame.width - 4.0))) y1=(fmt(ys[i])) y2=(fmt(ys[i])) stroke="#e4e4e4" {}
                    (row_label(report, events, row, frame.x(labels_start), ys[i], lang))
                }
            }
            // Each event: its join, the tie to each other date, its markers.
            @for (order, &e) in events.iter().enumerate() {
                @let event = &report.events[e];
                @let main = main_row[order];
                @if main != usize::MAX {
                    @let joined = matches!(rows[main].key, RowKey::Event(_));
                    @let us: Vec<f64> = placed[order].iter().map(|m| m.u).collect();
                    g.event id=(format!("timeline-{}", event.id)) data-event=(event.id) data-date=(event.date.iso) data-conflict=(event.conflict) {
                        @if let (true, Some(lo), Some(hi)) = (joined, us.iter().copied().reduce(f64::min), us.iter().copied().reduce(f64::max)) {
                            @if hi > lo {
                                line.join x1=(fmt(frame.x(lo))) x2=(fmt(frame.x(hi))) y1=(fmt(ys[main])) y2=(fmt(ys[main]))
                                    stroke=(if event.conflict { CONFLICT } else { "#888" }) stroke-width="2" {}
                            }
                        }
                        @for m in &placed[order] {
                            @if m.row != main {
                                line.tie x1=(fmt(frame.x(m.u))) x2=(fmt(frame.x(m.u))) y1=(fmt(ys[main])) y2=(fmt(ys[m.row]))
                                    stroke=(CONFLICT) stroke-width="1.5" stroke-dasharray="4 3" {}
                            }
                        }
                        @for m in &placed[order] {
                            (marker(report, m.report, frame.x(m.u), ys[m.row], lang, links, &event.id))
                        }
                    }
                }
            }
        }
    }
}

/// Which row: an event of several sources on its date, one source's other date for it, or
/// the events of one source each that fall on a date.
#[derive(Clone, PartialEq, Eq)]
enum RowKey {
    Event(usize),
    Other(usize, String),
    Gathered(String),
}

impl RowKey {
    /// An event's own row before another source's date for it, when both fall on a day.
    fn rank(&self) -> u8 {
        match self {
            RowKey::Event(_) | RowKey::Gathered(_) => 0,
            RowKey::Other(..) => 1,
        }
    }
}

/// One row of the axis, and the events (positions among those drawn) on it.
struct Row {
    key: RowKey,
    iso: String,
    first: i64,
    last: i64,
    events: Vec<usize>,
}

impl Row {
    fn new(key: RowKey, event: &Event, first: i64, last: i64, order: usize) -> Row {
        Row { key, iso: event.date.iso.clone(), first, last, events: vec![order] }
    }
}

/// A row's label: what its event is about (what the events gathered on it are about, the
/// most named first), linking to the event in the list below.
fn row_label(report: &Report, drawn: &[usize], row: &Row, x: f64, y: f64, lang: Lang) -> Markup {
    let events: Vec<&Event> = row.events.iter().filter_map(|&o| drawn.get(o)).map(|&e| &report.events[e]).collect();
    let Some(first) = events.first() else { return html! {} };
    let conflict = events.iter().any(|e| e.conflict);
    let label = if events.len() == 1 {
        about(first, lang)
    } else {
        let mut names: Vec<(&str, usize)> = Vec::new();
        for e in &events {
            for s in &e.about {
                match names.iter_mut().find(|(n, _)| *n == s.name) {
                    Some((_, k)) => *k += 1,
                    None => names.push((&s.name, 1)),
                }
            }
        }
        names.sort_by_key(|n| std::cmp::Reverse(n.1));
        names.iter().map(|(n, _)| *n).collect::<Vec<_>>().join(lang.comma())
    };
    let sources = events
        .iter()
        .flat_map(|e| e.reports.iter().map(|r| r.place.source))
        .collect::<std::collections::BTreeSet<_>>()
        .len();
    html! {
        a href=(format!("#{}", first.id)) {
            text.label x=(fmt(x)) y=(fmt(y + 4.0)) font-size="12" direction=(lang.dir()) text-anchor="start"
                fill=(if conflict { CONFLICT } else { "#222" }) font-weight=(if conflict { "bold" } else { "normal" }) {
                title { (clean(&label)) }
                @if conflict { "⚠ " }
                (isolate(&shorten(&label, 44)))
                @if sources > 1 { " (" (sources) ")" }
            }
        }
    }
}

/// The label of a row where some sources date an event otherwise: what they wrote, and who.
fn other_label(report: &Report, event: &Event, iso: &str, x: f64, y: f64, frame: &Frame) -> Markup {
    let there: Vec<&DateReport> =
        event.reports.iter().filter(|r| !r.agrees && r.value.as_ref().is_some_and(|v| v.iso == iso)).collect();
    let mut label = String::new();
    for (i, r) in there.iter().take(3).enumerate() {
        if i > 0 {
            label.push_str(" · ");
        }
        let name = shorten(&report.sources[r.place.source].name, 24);
        label.push_str(&format!("«{}» ({})", isolate(&shorten(&r.written, 30)), isolate(&name)));
    }
    html! {
        text.other x=(fmt(x)) y=(fmt(y + 4.0)) font-size="11" direction=(frame.dir()) text-anchor="start" fill=(CONFLICT) {
            (label)
        }
    }
}

/// A marker's place: the statement, where along the row, and the row.
struct Placed<'r> {
    report: &'r DateReport,
    u: f64,
    row: usize,
}

/// One statement: its shape says the precision (a circle a day, a diamond a month or week, a
/// square a year), a hollow one a relative date resolved, a red ring a conflict; it quotes its
/// sentence on hover and links to its place.
fn marker(report: &Report, r: &DateReport, x: f64, y: f64, lang: Lang, links: &Links, event: &str) -> Markup {
    let source = &report.sources[r.place.source];
    let fill = colour(r.place.source);
    let relative = r.relative.is_some();
    let precision = r.value.as_ref().map_or("day", |v| v.precision);
    let (body, stroke, width) = if relative { ("#fff", fill, "2.5") } else { (fill, "#fff", "1") };
    let mut tip =
        format!("{} — «{}» → {}", source.name, r.written, r.value.as_ref().map_or(String::new(), |v| v.iso.clone()));
    if let Some(h) = &r.hijri {
        tip.push_str(&format!(" ({} {h})", say(lang, "hijri_short")));
    }
    if let Some(c) = &r.relative {
        match &c.from {
            Some(from) => tip.push_str(&format!(" [{} {from}]", say(lang, "counted_from"))),
            None => tip.push_str(&format!(" [{}]", say(lang, "not_resolved"))),
        }
    }
    if r.conflict {
        tip.push_str(&format!(" ⚠ {}", say(lang, "conflict")));
    }
    tip.push_str(&format!("\n{}\n{}:{}", r.sentence.text, r.place.path, r.place.line));
    let classes = format!(
        "marker{}{}{}",
        if r.conflict { " conflict" } else { "" },
        if !r.agrees { " disagrees" } else { "" },
        if relative { " relative" } else { "" }
    );
    html! {
        a href=(links.file(&r.place.path, Some(&r.written))) {
            g class=(classes) data-event=(event) data-source=(r.place.source) data-date=(r.value.as_ref().map_or("", |v| v.iso.as_str()))
                data-line=(r.place.line) {
                title { (clean(&tip)) }
                @if r.conflict {
                    circle cx=(fmt(x)) cy=(fmt(y)) r="11" fill="none" stroke=(CONFLICT) stroke-width="2.5" {}
                } @else if !r.agrees {
                    circle cx=(fmt(x)) cy=(fmt(y)) r="11" fill="none" stroke=(CONFLICT) stroke-width="1.5" stroke-dasharray="3 2" {}
                }
                @match precision {
                    "day" => { circle cx=(fmt(x)) cy=(fmt(y)) r="6" fill=(body) stroke=(stroke) stroke-width=(width) {} }
                    "year" => { rect x=(fmt(x - 6.0)) y=(fmt(y - 6.0)) width="12" height="12" rx="2" fill=(body) stroke=(stroke) stroke-width=(width) {} }
                    _ => { path d=(format!("M{:.1} {:.1} l7 7 l-7 7 l-7 -7 z", x, y - 7.0)) fill=(body) stroke=(stroke) stroke-width=(width) {} }
                }
            }
        }
    }
}

/// Article text (or a name) as a run of its own inside a line of the drawing: cleaned, then
/// wrapped in FIRST STRONG ISOLATE … POP DIRECTIONAL ISOLATE, the plain-text form of `<bdi>`
/// (SVG text has no `<bdi>`), so a file name in an Arabic line or an Arabic quote in an
/// English one keeps its own order and leaves its neighbours theirs.
pub fn isolate(text: &str) -> String {
    format!("\u{2068}{}\u{2069}", clean(text))
}

/// What an event is about, as one line: its subjects' names.
pub fn about(event: &Event, lang: Lang) -> String {
    if event.about.is_empty() {
        return event.reports.first().map_or(String::new(), |r| r.written.clone());
    }
    event.about.iter().map(|s| s.name.as_str()).collect::<Vec<_>>().join(lang.comma())
}

fn fmt(v: f64) -> String {
    format!("{v:.1}")
}
