//! `textDocument/hover`: who or what an entity is and where else it appears; a date's ISO
//! form, weekday and Hijri day, a figure's value; and what the other sources say of it.

use tadqiq_core::messages::{date, fill, hijri, msg, render, say, term, verbatim, weekday};
use tadqiq_core::query::{self, ClaimFacts, ClaimValue, EntityFacts, Item};
use tower_lsp_server::ls_types::*;

use crate::diagnostics::range;
use crate::session::View;

/// Sources listed per entity, and counterparts per side.
const MAX_SOURCES: usize = 12;
const MAX_COUNTERPARTS: usize = 8;

pub fn hover(view: &View, params: HoverParams) -> Option<Hover> {
    let p = params.text_document_position_params;
    let (key, byte) = super::at(view, &p.text_document.uri, p.position)?;
    let ws = &view.snapshot.ws;
    let item = query::item_at(ws, &key, byte)?;
    let text = match &item {
        Item::Entity { id, .. } => entity(view, &query::entity_facts(ws, id, MAX_SOURCES)?),
        Item::Claim { mention, .. } => claim(view, &key, &query::claim_facts(ws, &key, *mention, MAX_COUNTERPARTS)?),
    };
    let range = range(ws, &key, item.span(), view.encoding);
    Some(Hover { contents: HoverContents::Markup(MarkupContent { kind: MarkupKind::Markdown, value: text }), range })
}

fn entity(view: &View, facts: &EntityFacts) -> String {
    let (ws, lang) = (&view.snapshot.ws, view.lang);
    let mut out = format!("**{}** · {}", facts.name, say(lang, &format!("term.kind.{}", facts.kind.as_str())));
    if let Some(d) = &facts.description {
        out.push_str(&format!("\n\n{d}"));
    }
    if facts.spellings.len() > 1 {
        let spellings: Vec<String> = facts.spellings.iter().map(|s| format!("«{}»", verbatim(s))).collect();
        out.push_str("\n\n");
        out.push_str(&fill(lang, "hover.spelled", &[("spellings", &spellings.join("، "))]));
    }
    out.push('\n');
    for s in &facts.sources {
        let mentions = fill(lang, "hover.mentions", &[("n", &s.mentions.to_string())]);
        out.push_str(&format!("\n- {}: {mentions}", ws.source_name(&s.path)));
        if !s.claims.is_empty() {
            let shown: Vec<String> = s.claims.iter().take(4).map(|c| format!("«{c}»")).collect();
            out.push_str(&format!(" · {}", shown.join("، ")));
        }
    }
    if facts.more_sources > 0 {
        out.push_str("\n- ");
        out.push_str(&fill(lang, "hover.more-sources", &[("n", &facts.more_sources.to_string())]));
    }
    out
}

fn claim(view: &View, key: &str, facts: &ClaimFacts) -> String {
    let (ws, lang) = (&view.snapshot.ws, view.lang);
    // Dates in the words of the article hovered: its own month names.
    let voice = ws.voice(lang, key);
    let words = |encoded: &str| render(encoded, voice);
    let mut out = match &facts.value {
        ClaimValue::Date { value: Some(v), weekday: w, hijri: h, relative, counted_from, .. } => {
            let mut s = format!("**{}**", words(&date(v)));
            if let Some(w) = w {
                s.push_str(&format!(" · {}", words(&weekday(*w))));
            }
            if let Some((hy, hm, hd)) = h {
                s.push_str(&format!(" · {}", words(&hijri(*hy, *hm, *hd))));
            }
            if *relative && let Some((p, source)) = counted_from {
                let note =
                    msg("hover.counted-from", &[("date", &date(p)), ("source", &term("published", source.as_str()))]);
                s.push_str(&format!("\n\n{}", words(&note)));
            }
            s
        }
        ClaimValue::Date { invalid: true, .. } => say(lang, "hover.no-such-date").to_string(),
        ClaimValue::Date { .. } => say(lang, "hover.relative").to_string(),
        ClaimValue::Figure { amount, unit, bound } => {
            let mut s = format!("**{amount}**");
            if let Some(u) = unit {
                s.push_str(&format!(" {u}"));
            }
            if *bound != tadqiq_core::lexicon::Bound::Exact {
                s.push_str(&format!(" ({})", say(lang, &format!("term.bound.{}", bound.as_str()))));
            }
            s
        }
        ClaimValue::Duration { iso } => format!("**{iso}**"),
    };
    let (agree, disagree): (Vec<_>, Vec<_>) =
        facts.counterparts.iter().filter(|c| c.path != key).partition(|c| c.agrees);
    for (label, group, all) in
        [("hover.agrees", agree, facts.agreeing), ("hover.disagrees", disagree, facts.disagreeing)]
    {
        if group.is_empty() {
            continue;
        }
        out.push_str(&format!("\n\n{}", say(lang, label)));
        for c in &group {
            let text = ws.doc(&c.path).and_then(|d| d.text.get(c.span.start..c.span.end)).unwrap_or("");
            let value = c.value.render(ws.voice(lang, &c.path));
            out.push_str(&format!("\n- {}: «{text}» ({value})", ws.source_name(&c.path)));
            let compared = c.compared.render(voice);
            if !compared.is_empty() {
                out.push_str(&fill(lang, "hover.compared", &[("why", &verbatim(&compared))]));
            }
        }
        // The counterparts come up to MAX_COUNTERPARTS a side, with how many there are.
        if all > group.len() {
            out.push_str("\n- ");
            out.push_str(&fill(lang, "hover.more", &[("n", &(all - group.len()).to_string())]));
        }
    }
    out
}
