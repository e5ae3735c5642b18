//! `textDocument/hover`: who or what an entity is and where else it appears; a date's ISO
//! form, weekday and Hijri day, a figure's value; and what the other sources say of it.

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
        Item::Claim { mention, .. } => claim(view, &key, &query::claim_facts(ws, &key, *mention)?),
    };
    let range = range(ws, &key, item.span(), view.encoding);
    Some(Hover { contents: HoverContents::Markup(MarkupContent { kind: MarkupKind::Markdown, value: text }), range })
}

fn entity(view: &View, facts: &EntityFacts) -> String {
    let ws = &view.snapshot.ws;
    let mut out = format!("**{}** · {}", facts.name, facts.kind.as_str());
    if let Some(d) = &facts.description {
        out.push_str(&format!("\n\n{d}"));
    }
    if facts.spellings.len() > 1 {
        let spellings: Vec<String> = facts.spellings.iter().map(|s| format!("«{s}»")).collect();
        out.push_str(&format!("\n\nSpelled {}", spellings.join("، ")));
    }
    out.push('\n');
    for s in &facts.sources {
        out.push_str(&format!(
            "\n- {}: {} mention{}",
            ws.source_name(&s.path),
            s.mentions,
            if s.mentions == 1 { "" } else { "s" }
        ));
        if !s.claims.is_empty() {
            let shown: Vec<String> = s.claims.iter().take(4).map(|c| format!("«{c}»")).collect();
            out.push_str(&format!(" · {}", shown.join("، ")));
        }
    }
    if facts.more_sources > 0 {
        out.push_str(&format!("\n- and {} more sources", facts.more_sources));
    }
    out
}

fn claim(view: &View, key: &str, facts: &ClaimFacts) -> String {
    let mut out = match &facts.value {
        ClaimValue::Date { value: Some(v), weekday, hijri, relative, counted_from, .. } => {
            let mut s = format!("**{v}**");
            if let Some(w) = weekday {
                s.push_str(&format!(" · {}", tadqiq_core::calendar::weekday_name(*w)));
            }
            if let Some((hy, hm, hd)) = hijri {
                s.push_str(&format!(" · {hy}-{hm:02}-{hd:02} AH"));
            }
            if *relative && let Some((p, source)) = counted_from {
                s.push_str(&format!("\n\nCounted from the publication date {p} ({}).", source.as_str()));
            }
            s
        }
        ClaimValue::Date { invalid: true, .. } => "**No such date.**".to_string(),
        ClaimValue::Date { .. } => "**Relative date**: no publication date to count from.".to_string(),
        ClaimValue::Figure { amount, unit, bound } => {
            let mut s = format!("**{amount}**");
            if let Some(u) = unit {
                s.push_str(&format!(" {u}"));
            }
            if *bound != tadqiq_core::lexicon::Bound::Exact {
                s.push_str(&format!(" ({})", bound.as_str()));
            }
            s
        }
        ClaimValue::Duration { iso } => format!("**{iso}**"),
    };
    let ws = &view.snapshot.ws;
    let (agree, disagree): (Vec<_>, Vec<_>) =
        facts.counterparts.iter().filter(|c| c.path != key).partition(|c| c.agrees);
    for (label, group) in [("Agrees", agree), ("Disagrees", disagree)] {
        if group.is_empty() {
            continue;
        }
        out.push_str(&format!("\n\n{label}:"));
        for c in group.iter().take(MAX_COUNTERPARTS) {
            let text = ws.doc(&c.path).and_then(|d| d.text.get(c.span.start..c.span.end)).unwrap_or("");
            out.push_str(&format!("\n- {}: «{text}» ({})", ws.source_name(&c.path), c.value));
            if !c.compared.is_empty() {
                out.push_str(&format!(" — compared: {}", c.compared));
            }
        }
        if group.len() > MAX_COUNTERPARTS {
            out.push_str(&format!("\n- and {} more", group.len() - MAX_COUNTERPARTS));
        }
    }
    out
}
