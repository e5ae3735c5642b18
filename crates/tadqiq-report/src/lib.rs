//! The report page: one self-contained HTML file (no network; its CSS inline, no script) that
//! shows a story at a glance — a timeline of dated events across sources, the figures each
//! source gives, who and what they name, and what `check` finds — from the core's report model
//! ([`tadqiq_core::report`]). Used by `tadqiq report` and by the server's `tadqiq.report`.
//!
//! Every piece of article text is escaped by construction (maud) and shown with the controls
//! that could reorder the page made visible ([`text::clean`]); the page forbids every script
//! and every fetch in its Content-Security-Policy, so text that gets past both still runs
//! nothing. What is shown is capped so a folder of thousands of articles stays a page a
//! browser opens at once; the JSON model (`--format json`) has everything.

pub mod text;
pub mod timeline;

use std::path::PathBuf;

use maud::{DOCTYPE, Markup, PreEscaped, html};
use tadqiq_core::config::Config;
use tadqiq_core::report::{self, Event, Place, Quantity, Report};
use tadqiq_core::rules::{self, RuleSettings};
use tadqiq_core::workspace::Workspace;

pub use text::Lang;
use text::{Links, clean, is_rtl, quoted, say, sentence};
use timeline::colour;

/// How many events the timeline draws; more are listed (up to [`MAX_EVENTS_LISTED`]), the
/// disputed ones and those reported by more sources chosen first.
pub const MAX_EVENTS_DRAWN: usize = 100;
pub const MAX_EVENTS_LISTED: usize = 150;
/// Statements shown per event or quantity (the flagged ones always among them): one event
/// in a thousand copies of a story is a thousand statements saying the same.
pub const MAX_STATEMENTS: usize = 20;
/// Quantities shown (the disputed and most reported first), entities, the sources named per
/// entity, findings, and places listed per finding.
pub const MAX_QUANTITIES: usize = 150;
pub const MAX_ENTITIES: usize = 200;
pub const MAX_NAMED_BY: usize = 24;
pub const MAX_FINDINGS: usize = 1000;
pub const MAX_RELATED: usize = 5;

/// What the page is for: its language, and the folder relative source paths start from (for
/// the links to them).
pub struct Options {
    pub lang: Lang,
    pub base: PathBuf,
}

const STYLE: &str = include_str!("style.css");

/// No script runs and nothing is fetched, whatever the articles contain.
const POLICY: &str =
    "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'";

/// The page for a workspace: `check` with `rules`, the model, the page.
pub fn page(ws: &Workspace, config: &Config, rules: &RuleSettings, options: &Options) -> String {
    let findings = rules::check(ws, rules);
    html(&report::build(ws, &findings, config, options.lang), options)
}

/// The page for a report.
pub fn html(report: &Report, options: &Options) -> String {
    let lang = options.lang;
    let links = Links::new(options.base.clone());
    let shown = chosen_events(report);
    let drawn: Vec<usize> = {
        let mut d = chosen(&shown, report, MAX_EVENTS_DRAWN);
        d.sort();
        d
    };
    let disputed_events = report.events.iter().filter(|e| e.conflict).count();
    let disputed_quantities = report.quantities.iter().filter(|q| q.conflict).count();
    let page = html! {
        (DOCTYPE)
        html lang=(lang.code()) dir=(lang.dir()) {
            head {
                meta charset="utf-8";
                meta http-equiv="Content-Security-Policy" content=(POLICY);
                meta name="viewport" content="width=device-width, initial-scale=1";
                meta name="generator" content=(concat!("tadqiq ", env!("CARGO_PKG_VERSION")));
                title { (say(lang, "title")) }
                style { (PreEscaped(STYLE)) }
            }
            body {
                header {
                    h1 { (say(lang, "title")) }
                    p.lede { (say(lang, "lede")) }
                    ul.totals {
                        li { (say(lang, "total_sources")) ": " strong #count-sources { (report.sources.len()) } }
                        li { (say(lang, "total_events")) ": " strong #count-events { (report.events.len()) }
                            @if disputed_events > 0 { " (" span.bad { (say(lang, "disputed")) ": " (disputed_events) } ")" } }
                        li { (say(lang, "total_quantities")) ": " strong #count-quantities { (report.quantities.len()) }
                            @if disputed_quantities > 0 { " (" span.bad { (say(lang, "disputed")) ": " (disputed_quantities) } ")" } }
                        li { (say(lang, "total_findings")) ": " strong #count-findings { (report.findings.len()) } }
                    }
                    nav {
                        a href="#timeline" { (say(lang, "timeline")) }
                        a href="#figures" { (say(lang, "figures")) }
                        a href="#entities" { (say(lang, "entities")) }
                        a href="#findings" { (say(lang, "findings")) }
                        a href="#sources" { (say(lang, "sources")) }
                    }
                }
                main {
                    (sources_section(report, lang, &links))
                    (timeline_section(report, &shown, &drawn, lang, &links))
                    (figures_section(report, lang, &links))
                    (entities_section(report, lang))
                    (findings_section(report, lang, &links))
                }
                footer { (say(lang, "made_by")) " tadqiq " (env!("CARGO_PKG_VERSION")) }
            }
        }
    };
    page.into_string()
}

/// The events worth showing, most telling first: disputed, then reported by more sources,
/// then in order of time; at most [`MAX_EVENTS_LISTED`], returned in order of time.
fn chosen_events(report: &Report) -> Vec<usize> {
    let all: Vec<usize> = (0..report.events.len()).collect();
    let mut list = chosen(&all, report, MAX_EVENTS_LISTED);
    list.sort();
    list
}

/// Which of `count` statements to show: every flagged one (up to `max`), then the others in
/// order, returned in order (the model's: by source, so by publication).
pub fn statements_shown(count: usize, flagged: impl Fn(usize) -> bool, max: usize) -> Vec<usize> {
    if count <= max {
        return (0..count).collect();
    }
    let mut shown: Vec<usize> = (0..count).filter(|&i| flagged(i)).take(max).collect();
    let rest = max - shown.len();
    shown.extend((0..count).filter(|&i| !flagged(i)).take(rest));
    shown.sort();
    shown
}

fn chosen(from: &[usize], report: &Report, max: usize) -> Vec<usize> {
    if from.len() <= max {
        return from.to_vec();
    }
    let mut ranked = from.to_vec();
    ranked.sort_by_key(|&e| (!report.events[e].conflict, std::cmp::Reverse(report.events[e].sources), e));
    ranked.truncate(max);
    ranked
}

/// A link to a place in a source: `file.txt:16`, opening the file at the statement.
fn place_link(report: &Report, place: &Place, find: Option<&str>, links: &Links) -> Markup {
    let source = &report.sources[place.source];
    html! {
        a.place href=(links.file(&place.path, find)) title=(clean(&place.path)) dir="ltr" data-line=(place.line) {
            (clean(tadqiq_core::workspace::file_name(&source.path))) ":" (place.line)
        }
    }
}

/// A source's badge: its number in its colour, and its name.
fn source_chip(report: &Report, source: usize) -> Markup {
    let s = &report.sources[source];
    html! {
        span.source data-source=(source) title=(clean(&s.path)) {
            span.chip style=(format!("background:{}", colour(source))) { (source + 1) }
            " " (quoted(&s.name))
        }
    }
}

fn sources_section(report: &Report, lang: Lang, links: &Links) -> Markup {
    let table = html! {
        table.sources {
            thead { tr { th { "#" } th { (say(lang, "source")) } th { (say(lang, "published")) } th { (say(lang, "file")) } } }
            tbody {
                @for (i, s) in report.sources.iter().enumerate() {
                    tr data-source=(i) {
                        td { span.chip style=(format!("background:{}", colour(i))) { (i + 1) } }
                        td { (quoted(&s.name)) }
                        td dir="ltr" {
                            @match &s.published {
                                Some(p) => { (p) " " small { "(" (say(lang, published_from(s.published_from))) ")" } }
                                None => { span.muted { (say(lang, "unknown")) } }
                            }
                        }
                        td { a href=(links.file(&s.path, None)) dir="ltr" { (clean(&s.path)) } }
                    }
                }
            }
        }
    };
    html! {
        section #sources {
            h2 { (say(lang, "sources")) " (" (report.sources.len()) ")" }
            p.note { (say(lang, "sources_note")) }
            // A long list of sources is folded: the timeline names the ones it draws.
            @if report.sources.len() <= timeline::MAX_LANES {
                (table)
            } @else {
                details.sources { summary { (say(lang, "all_sources")) } (table) }
            }
        }
    }
}

fn published_from(from: Option<&str>) -> &'static str {
    match from {
        Some("front-matter") => "from_front_matter",
        Some("config") => "from_config",
        Some("flag") => "from_flag",
        _ => "from_text",
    }
}

fn timeline_section(report: &Report, shown: &[usize], drawn: &[usize], lang: Lang, links: &Links) -> Markup {
    html! {
        section #timeline {
            h2 { (say(lang, "timeline")) }
            @if report.events.is_empty() {
                p.empty { (say(lang, "no_events")) }
            } @else {
                p.note { (say(lang, "timeline_note")) }
                (legend(lang))
                @if drawn.len() < report.events.len() {
                    p.capped { (say(lang, "drawn")) " " (drawn.len()) " / " (report.events.len()) ". " (say(lang, "see_json")) }
                }
                div.scroll { (timeline::svg(report, drawn, lang, links)) }
                @let (several, single): (Vec<usize>, Vec<usize>) =
                    shown.iter().partition(|&&e| report.events[e].sources > 1 || report.events[e].conflict);
                @if shown.len() < report.events.len() {
                    p.capped { (say(lang, "listed")) " " (shown.len()) " / " (report.events.len()) ". " (say(lang, "see_json")) }
                }
                h3 { (say(lang, "events_several")) " (" (several.len()) ")" }
                @if several.is_empty() {
                    p.empty { (say(lang, "none_several")) }
                } @else {
                    (events_table(report, &several, lang, links))
                }
                @if !single.is_empty() {
                    details.single {
                        summary { (say(lang, "events_single")) " (" (single.len()) ")" }
                        (events_table(report, &single, lang, links))
                    }
                }
                @if !report.unplaced.is_empty() {
                    details.unplaced {
                        summary { (say(lang, "unplaced")) " (" (report.unplaced.len()) ")" }
                        ul {
                            @for r in report.unplaced.iter().take(MAX_EVENTS_LISTED) {
                                li {
                                    (source_chip(report, r.place.source)) " "
                                    span.written { "«" (quoted(&r.written)) "»" } " "
                                    span.muted { (say(lang, if r.relative.is_some() { "not_resolved" } else if r.value.is_none() { "no_such_date" } else { "no_year" })) } " "
                                    (place_link(report, &r.place, Some(&r.written), links))
                                }
                            }
                        }
                    }
                }
            }
        }
    }
}

fn legend(lang: Lang) -> Markup {
    html! {
        ul.legend {
            li { svg width="16" height="16" { circle cx="8" cy="8" r="6" fill="#555" {} } " " (say(lang, "legend_day")) }
            li { svg width="16" height="16" { path d="M8 1 l7 7 l-7 7 l-7 -7 z" fill="#555" {} } " " (say(lang, "legend_month")) }
            li { svg width="16" height="16" { rect x="2" y="2" width="12" height="12" rx="2" fill="#555" {} } " " (say(lang, "legend_year")) }
            li { svg width="16" height="16" { circle cx="8" cy="8" r="5" fill="#fff" stroke="#555" stroke-width="2.5" {} } " " (say(lang, "legend_relative")) }
            li { svg width="26" height="26" { circle cx="13" cy="13" r="11" fill="none" stroke=(timeline::CONFLICT) stroke-width="2.5" {} circle cx="13" cy="13" r="6" fill="#555" {} } " " (say(lang, "legend_conflict")) }
        }
    }
}

fn events_table(report: &Report, events: &[usize], lang: Lang, links: &Links) -> Markup {
    html! {
        table.events {
            thead { tr { th { (say(lang, "date")) } th { (say(lang, "about")) } th { (say(lang, "source")) } th { (say(lang, "as_written")) } th { (say(lang, "reads_as")) } th { (say(lang, "place")) } } }
            @for &e in events {
                (event_rows(report, &report.events[e], lang, links))
            }
        }
    }
}

fn event_rows(report: &Report, event: &Event, lang: Lang, links: &Links) -> Markup {
    let shown = statements_shown(
        event.reports.len(),
        |i| event.reports[i].conflict || !event.reports[i].agrees,
        MAX_STATEMENTS,
    );
    let more = event.reports.len() - shown.len();
    let n = shown.len() + usize::from(more > 0);
    html! {
        tbody.event id=(event.id) data-event=(event.id) data-conflict=(event.conflict) data-date=(event.date.iso) {
            @for (i, r) in shown.iter().map(|&k| &event.reports[k]).enumerate() {
                tr.report.conflict[r.conflict].disagrees[!r.agrees] data-source=(r.place.source) title=(clean(&r.sentence.text)) {
                    @if i == 0 {
                        td.date rowspan=(n) dir="ltr" { (event.date.iso) }
                        td.about rowspan=(n) {
                            @if event.conflict { span.bad { "⚠ " } }
                            (quoted(&timeline::about(event, lang)))
                        }
                    }
                    td { (source_chip(report, r.place.source)) }
                    td.quote { (sentence(&r.sentence.text, r.sentence.at)) }
                    td.value {
                        span dir="ltr" { (r.value.as_ref().map_or("", |v| v.iso.as_str())) }
                        @if let Some(h) = &r.hijri { " " span.hijri { (say(lang, "hijri")) " " span dir="ltr" { (h) } } }
                        @if let Some(c) = &r.relative {
                            " " span.relative {
                                @match &c.from {
                                    Some(from) => { (say(lang, "counted_from")) " " span dir="ltr" { (from) } }
                                    None => { (say(lang, "not_resolved")) }
                                }
                            }
                        }
                        @if r.conflict { " " span.bad { "⚠ " (say(lang, "conflict")) } }
                        @else if !r.agrees { " " span.bad { (say(lang, "differs")) } }
                    }
                    td { (place_link(report, &r.place, Some(&r.written), links)) }
                }
            }
            @if more > 0 {
                tr.more { td colspan="4" { (say(lang, "more_statements")) " " (more) ". " (say(lang, "see_json")) } }
            }
        }
    }
}

fn figures_section(report: &Report, lang: Lang, links: &Links) -> Markup {
    let compared: Vec<&Quantity> = report.quantities.iter().filter(|q| q.sources > 1).take(MAX_QUANTITIES).collect();
    let lone: Vec<&Quantity> = report.quantities.iter().filter(|q| q.sources <= 1).take(MAX_QUANTITIES).collect();
    let lone_total = report.quantities.iter().filter(|q| q.sources <= 1).count();
    let compared_total = report.quantities.len() - lone_total;
    html! {
        section #figures {
            h2 { (say(lang, "figures")) }
            @if report.quantities.is_empty() {
                p.empty { (say(lang, "no_quantities")) }
            } @else {
                p.note { (say(lang, "figures_note")) }
                @if compared.len() < compared_total {
                    p.capped { (say(lang, "listed")) " " (compared.len()) " / " (compared_total) ". " (say(lang, "see_json")) }
                }
                @for q in &compared { (quantity(report, q, lang, links)) }
                @if !lone.is_empty() {
                    details.lone {
                        summary { (say(lang, "one_source_quantities")) " (" (lone_total) ")" }
                        @for q in &lone { (quantity(report, q, lang, links)) }
                    }
                }
            }
        }
    }
}

fn quantity(report: &Report, q: &Quantity, lang: Lang, links: &Links) -> Markup {
    // A shared scale for the bars: up to the largest bound given (an open bound reaches past it).
    let top = q.reports.iter().map(|r| r.most.unwrap_or(r.least).max(r.value)).fold(0.0_f64, f64::max).max(1.0) * 1.15;
    let about = q.about.iter().map(|s| s.name.as_str()).collect::<Vec<_>>().join(lang.comma());
    html! {
        article.quantity.conflict[q.conflict] id=(q.id) data-quantity=(q.id) data-conflict=(q.conflict) {
            h3 {
                @if q.conflict { span.bad { "⚠ " } }
                (quoted(&about))
                " " small.muted { (say(lang, "total_sources")) ": " (q.sources) }
            }
            table.figures {
                thead { tr { th { (say(lang, "source")) } th { (say(lang, "published")) } th { (say(lang, "as_written")) } th { (say(lang, "value")) } th { (say(lang, "hedge")) } th { (say(lang, "range")) } th { (say(lang, "place")) } } }
                @let shown = statements_shown(q.reports.len(), |i| q.reports[i].conflict, MAX_STATEMENTS);
                tbody {
                    @for r in shown.iter().map(|&k| &q.reports[k]) {
                        tr.figure.conflict[r.conflict] data-source=(r.place.source) data-value=(r.value) title=(clean(&r.sentence.text)) {
                            td { (source_chip(report, r.place.source)) }
                            td dir="ltr" { (report.sources[r.place.source].published.as_deref().unwrap_or("—")) }
                            td.written { "«" (quoted(&r.written)) "»" }
                            td.value dir="ltr" { (r.amount) }
                            td { (say(lang, hedge_key(r.hedge))) }
                            td { (bar(r.least, r.most, r.value, top, r.conflict)) }
                            td {
                                (place_link(report, &r.place, Some(&r.written), links))
                                @if r.conflict { " " span.bad { "⚠ " (say(lang, "conflict")) } }
                            }
                        }
                    }
                    @if shown.len() < q.reports.len() {
                        tr.more { td colspan="7" { (say(lang, "more_statements")) " " (q.reports.len() - shown.len()) ". " (say(lang, "see_json")) } }
                    }
                }
            }
        }
    }
}

fn hedge_key(hedge: &str) -> &'static str {
    match hedge {
        "about" => "hedge_about",
        "above" => "hedge_above",
        "below" => "hedge_below",
        "at-least" => "hedge_at_least",
        "at-most" => "hedge_at_most",
        _ => "hedge_exact",
    }
}

/// The span a figure allows on the quantity's scale, with its value ticked; an open upper
/// bound runs to the edge.
fn bar(least: f64, most: Option<f64>, value: f64, top: f64, conflict: bool) -> Markup {
    let w = 140.0;
    let at = |v: f64| (v / top * w).clamp(0.0, w);
    let (from, to) = (at(least), most.map_or(w, at));
    let fill = if conflict { timeline::CONFLICT } else { "#4e79a7" };
    html! {
        svg.bar width="140" height="14" role="img" {
            line x1="0" x2="140" y1="7" y2="7" stroke="#ddd" {}
            rect x=(format!("{from:.1}")) y="3" width=(format!("{:.1}", (to - from).max(2.0))) height="8" rx="2" fill=(fill) fill-opacity="0.35" {}
            line x1=(format!("{:.1}", at(value))) x2=(format!("{:.1}", at(value))) y1="1" y2="13" stroke=(fill) stroke-width="2" {}
        }
    }
}

fn entities_section(report: &Report, lang: Lang) -> Markup {
    html! {
        section #entities {
            h2 { (say(lang, "entities")) }
            @if report.entities.is_empty() {
                p.empty { (say(lang, "no_entities")) }
            } @else {
                p.note { (say(lang, "entities_note")) }
                @if report.entities.len() > MAX_ENTITIES {
                    p.capped { (say(lang, "listed")) " " (MAX_ENTITIES) " / " (report.entities.len()) ". " (say(lang, "see_json")) }
                }
                table.entities {
                    thead { tr { th { (say(lang, "name")) } th { (say(lang, "kind")) } th { (say(lang, "spellings")) } th { (say(lang, "named_by")) } } }
                    tbody {
                        @for e in report.entities.iter().take(MAX_ENTITIES) {
                            tr data-entity=(e.id) {
                                td {
                                    strong { (quoted(&e.name)) }
                                    @if let Some(d) = &e.description { br; small.muted { (quoted(d)) } }
                                }
                                td { (say(lang, kind_key(e.kind))) }
                                td.spellings {
                                    @for (i, s) in e.spellings.iter().enumerate() {
                                        @if i > 0 { (lang.comma()) }
                                        (quoted(&s.text)) small.muted { " ×" (s.count) }
                                    }
                                    @if e.more_spellings > 0 { (lang.comma()) "+" (e.more_spellings) }
                                }
                                td.named {
                                    @for n in e.named_by.iter().take(MAX_NAMED_BY) {
                                        span.chip title=(format!("{} ×{}", clean(&report.sources[n.source].name), n.mentions))
                                            style=(format!("background:{}", colour(n.source))) { (n.source + 1) }
                                    }
                                    @if e.named_by.len() > MAX_NAMED_BY { " +" (e.named_by.len() - MAX_NAMED_BY) }
                                }
                            }
                        }
                    }
                }
            }
        }
    }
}

fn kind_key(kind: &str) -> &'static str {
    match kind {
        "person" => "kind_person",
        "org" => "kind_org",
        "place" => "kind_place",
        _ => "kind_event",
    }
}

fn findings_section(report: &Report, lang: Lang, links: &Links) -> Markup {
    // By source, in source order (the model's order).
    let mut by_source: Vec<(usize, Vec<usize>)> = Vec::new();
    for (i, f) in report.findings.iter().enumerate().take(MAX_FINDINGS) {
        match by_source.last_mut() {
            Some((s, list)) if *s == f.place.source => list.push(i),
            _ => by_source.push((f.place.source, vec![i])),
        }
    }
    html! {
        section #findings {
            h2 { (say(lang, "findings")) }
            @if report.findings.is_empty() {
                p.empty { (say(lang, "no_findings")) }
            } @else {
                @if report.findings.len() > MAX_FINDINGS {
                    p.capped { (say(lang, "listed")) " " (MAX_FINDINGS) " / " (report.findings.len()) ". " (say(lang, "see_json")) }
                }
                @for (source, list) in &by_source {
                    section.source-findings data-source=(source) {
                        h3 { (source_chip(report, *source)) " " small.muted dir="ltr" { (clean(&report.sources[*source].path)) } }
                        ol.findings {
                            @for &i in list {
                                @let f = &report.findings[i];
                                li class=(format!("finding {}", f.severity)) data-code=(f.code) {
                                    span.severity { (f.severity) } " " code { (f.code) } " "
                                    (place_link(report, &f.place, None, links))
                                    @if let Some(on) = &f.on {
                                        " " a.on href=(format!("#{on}")) { (say(lang, if on.starts_with("event") { "see_event" } else { "see_quantity" })) }
                                    }
                                    p.message dir="ltr" { (clean(&f.message)) }
                                    @if !f.related.is_empty() {
                                        ul.related {
                                            @for r in f.related.iter().take(MAX_RELATED) {
                                                li { (place_link(report, &r.place, None, links)) " " span dir=(if is_rtl(&r.message) { "rtl" } else { "ltr" }) { (clean(&r.message)) } }
                                            }
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use tadqiq_core::entities::Gazetteer;

    use super::*;

    /// Three outlets on one vote (the third dates it to another year), troops counted two ways,
    /// a relative date and a Hijri one.
    fn page(lang: Lang) -> String {
        let sources = [
            (
                "a.txt",
                "وصوّت مجلس النواب العراقي في 5 يناير 2020 على إنهاء وجود القوات الأجنبية بعد مقتل قاسم سليماني. وفي عام 2014 نشرت واشنطن 3000 جندي لمحاربة تنظيم داعش.",
            ),
            (
                "b.txt",
                "وكان مجلس النواب العراقي قد صوت في 5 جانفي 2020 على القرار إثر اغتيال قاسم سليماني. ومنذ 2014 ينتشر نحو 3000 جندي للتحالف ضد داعش.",
            ),
            (
                "c.txt",
                "مجلس النواب العراقي في كانون الثاني 1998، عقب اغتيال قاسم سليماني، صوت على القرار. وفي عام 2014، تم نشر حوالي 5000 جندي في العراق لمحاربة تنظيم داعش. وقال المتحدث أمس إن الوفد وصل في 15 رمضان 1442 هـ.",
            ),
        ];
        let mut ws = Workspace::new(Arc::new(Gazetteer::new(&[])));
        ws.extend(sources.iter().map(|(p, t)| (p.to_string(), t.to_string(), None)));
        let config = Config::empty(PathBuf::from("."));
        page_of(&ws, &config, lang)
    }

    fn page_of(ws: &Workspace, config: &Config, lang: Lang) -> String {
        super::page(ws, config, &RuleSettings::default(), &Options { lang, base: PathBuf::from("/story") })
    }

    #[test]
    fn every_phrase_exists_in_both_languages() {
        // The phrases chosen by value, each of them.
        let keys = ["front-matter", "config", "flag", "inferred"].map(|f| published_from(Some(f)));
        let hedges = ["exact", "about", "above", "below", "at-least", "at-most"].map(hedge_key);
        let kinds = ["person", "org", "place", "event"].map(kind_key);
        for lang in [Lang::Ar, Lang::En] {
            for key in keys.iter().chain(&hedges).chain(&kinds) {
                assert_ne!(say(lang, key), tadqiq_core::messages::MISSING, "{key}");
            }
            let page = page(lang);
            assert!(!page.contains(tadqiq_core::messages::MISSING), "{lang:?}");
        }
    }

    #[test]
    fn the_page_shows_the_disagreement_in_both_directions() {
        let ar = page(Lang::Ar);
        assert!(ar.starts_with("<!DOCTYPE html><html lang=\"ar\" dir=\"rtl\">"));
        // The 1998 statement is a ringed marker on its own row, linked to c.txt at the statement.
        let ringed = ar.find("class=\"marker conflict disagrees\"").expect("a ringed marker");
        assert!(ar[ringed..].starts_with("class=\"marker conflict disagrees\" data-event=\"event-"));
        assert!(ar.contains("href=\"file:///story/c.txt#:~:text=%D9%83%D8%A7%D9%86%D9%88%D9%86%20"));
        assert!(ar.contains("data-date=\"1998-01\""));
        // Figures: the about-5000 row is marked, in publication (here: path) order after 3000s.
        let five = ar.find("«<bdi>حوالي 5000 جندي</bdi>»").expect("the 5000 row");
        let three = ar.find("«<bdi>3000 جندي</bdi>»").expect("the 3000 row");
        assert!(three < five);
        // A relative date without a publication date is listed as not placed; the Hijri one is placed.
        assert!(ar.contains("<bdi>أمس</bdi>"));
        assert!(ar.contains("هجري <span dir=\"ltr\">1442-09-15</span>"));
        let en = page(Lang::En);
        assert!(en.starts_with("<!DOCTYPE html><html lang=\"en\" dir=\"ltr\">"));
        assert!(en.contains("<h1>tadqiq report: the story across its sources</h1>"));
    }
}
