//! What the editor asks about a document: hover, definition, references, symbols, inlay
//! hints and code actions. Each answers from the workspace index; an unknown document or a
//! position past its end gets an empty answer, never an error that stops the server.

use std::collections::HashMap;

use tower_lsp_server::ls_types::*;

use super::convert;
use super::{State, key_of, uri_of};
use tadqiq_core::calendar::{gregorian_to_hijri, weekday};
use tadqiq_core::entities::{EntityMention, Origin};
use tadqiq_core::extract::{Mention, MentionKind, Span};
use tadqiq_core::position::LineIndex;
use tadqiq_core::claims::counterparts_of as counterparts;

/// What stands at a position: a claim (index into the source's mentions) or an entity.
enum Item {
    Claim(usize),
    Entity(EntityMention),
}

/// The source key and byte offset of a position in an open document.
fn at(st: &State, uri: &Uri, pos: Position) -> Option<(String, usize)> {
    let open = st.open.get(uri)?;
    Some((key_of(uri), convert::offset(&open.rope, st.encoding(), pos)?))
}

fn item_at(st: &State, key: &str, byte: usize) -> Option<Item> {
    let doc = st.ws.as_ref()?.doc(key)?;
    let inside = |s: Span| s.start <= byte && byte <= s.end;
    if let Some(e) = doc.entities.iter().find(|e| inside(e.span)) {
        return Some(Item::Entity(e.clone()));
    }
    doc.analysis.mentions.iter().position(|m| inside(m.span)).map(Item::Claim)
}

fn file_name(path: &str) -> &str {
    path.rsplit(['/', '\\']).next().unwrap_or(path)
}

fn location(st: &mut State, path: &str, span: Span) -> Option<Location> {
    Some(Location { uri: uri_of(path)?, range: st.range(path, span)? })
}

const WEEKDAYS: [&str; 7] = [
    "Monday (الاثنين)",
    "Tuesday (الثلاثاء)",
    "Wednesday (الأربعاء)",
    "Thursday (الخميس)",
    "Friday (الجمعة)",
    "Saturday (السبت)",
    "Sunday (الأحد)",
];

pub fn hover(st: &mut State, params: HoverParams) -> Option<Hover> {
    let p = params.text_document_position_params;
    let (key, byte) = at(st, &p.text_document.uri, p.position)?;
    let ws = st.ws.as_ref()?;
    let doc = ws.doc(&key)?;
    let (span, text) = match item_at(st, &key, byte)? {
        Item::Entity(e) => (e.span, entity_hover(st, &e)),
        Item::Claim(k) => {
            let m = doc.analysis.mentions[k].clone();
            (m.span, claim_hover(st, &key, k, &m))
        }
    };
    let range = st.range(&key, span);
    Some(Hover { contents: HoverContents::Markup(MarkupContent { kind: MarkupKind::Markdown, value: text }), range })
}

/// Who or what an entity is, its spellings, and per source how often it is named and which
/// dates and figures stand beside it.
fn entity_hover(st: &State, e: &EntityMention) -> String {
    let Some(ws) = st.ws.as_ref() else { return String::new() };
    let Some(entity) = ws.entity(&e.id) else { return String::new() };
    let mut out = format!("**{}** · {}", entity.name, entity.kind.as_str());
    if let Some(d) = &entity.description {
        out.push_str(&format!("\n\n{d}"));
    }
    let spellings: Vec<String> = ws
        .spellings(&e.id)
        .into_iter()
        .map(|(_, path, span)| {
            let text = ws.doc(path).map_or("", |d| &d.text[span.start..span.end]);
            format!("«{text}»")
        })
        .collect();
    if spellings.len() > 1 {
        out.push_str(&format!("\n\nSpelled {}", spellings.join("، ")));
    }
    // Per source, in one pass each: how often it names the entity, and (for the twelve shown)
    // the claims in those sentences. A country is named thousands of times across an archive.
    let mut per_source: Vec<(&str, usize, Vec<String>)> = Vec::new();
    for (path, doc) in ws.docs() {
        let here: Vec<Span> = doc.entities.iter().filter(|m| m.id == e.id).map(|m| m.span).collect();
        if here.is_empty() {
            continue;
        }
        let mut claims: Vec<String> = Vec::new();
        if per_source.len() < 12 {
            let mentions = &doc.analysis.mentions;
            for span in &here {
                let at = doc.local.sentences.partition_point(|s| s.end < span.end);
                let Some(sentence) = doc.local.sentences.get(at).filter(|s| s.start <= span.start) else { continue };
                let from = mentions.partition_point(|c| c.span.start < sentence.start);
                for c in mentions[from..].iter().take_while(|c| c.span.start < sentence.end) {
                    let text = format!("«{}»", &doc.text[c.span.start..c.span.end]);
                    if c.span.end <= sentence.end && !claims.contains(&text) {
                        claims.push(text);
                    }
                }
            }
        }
        per_source.push((path, here.len(), claims));
    }
    out.push('\n');
    for (path, n, claims) in per_source.iter().take(12) {
        out.push_str(&format!("\n- {}: {n} mention{}", file_name(path), if *n == 1 { "" } else { "s" }));
        if !claims.is_empty() {
            let shown: Vec<&str> = claims.iter().take(4).map(String::as_str).collect();
            out.push_str(&format!(" · {}", shown.join("، ")));
        }
    }
    if per_source.len() > 12 {
        out.push_str(&format!("\n- and {} more sources", per_source.len() - 12));
    }
    out
}

/// A date's ISO form, weekday and Hijri day; a figure's value and unit; and what the other
/// sources say of the same event or quantity.
fn claim_hover(st: &State, key: &str, k: usize, m: &Mention) -> String {
    let Some(ws) = st.ws.as_ref() else { return String::new() };
    let mut out = match &m.kind {
        MentionKind::Date(d) => match d.value {
            Some(v) => {
                let mut s = format!("**{v}**");
                if let Some((y, mo, day)) = v.full() {
                    if let Some(w) = weekday(y, mo, day) {
                        s.push_str(&format!(" · {}", WEEKDAYS[w as usize - 1]));
                    }
                    if let Some((hy, hm, hd)) = gregorian_to_hijri(y, mo, day) {
                        s.push_str(&format!(" · {hy}-{hm:02}-{hd:02} AH"));
                    }
                }
                if d.relative.is_some()
                    && let Some((p, source)) = ws.doc(key).and_then(|doc| doc.analysis.published)
                {
                    s.push_str(&format!("\n\nCounted from the publication date {p} ({}).", source.as_str()));
                }
                s
            }
            None if d.invalid => "**No such date.**".to_string(),
            None => "**Relative date**: no publication date to count from.".to_string(),
        },
        MentionKind::Figure(f) => {
            let mut s = format!("**{}**", f.amount());
            if let Some(u) = &f.unit {
                s.push_str(&format!(" {u}"));
            }
            if f.bound != tadqiq_core::lexicon::Bound::Exact {
                s.push_str(&format!(" ({})", f.bound.as_str()));
            }
            s
        }
        MentionKind::Duration(d) => format!("**{}**", d.iso()),
    };
    let others = counterparts(ws, key, k);
    let (agree, disagree): (Vec<_>, Vec<_>) = others.iter().partition(|c| c.agrees);
    for (label, group) in [("Agrees", agree), ("Disagrees", disagree)] {
        if group.is_empty() {
            continue;
        }
        out.push_str(&format!("\n\n{label}:"));
        for c in group.iter().take(8) {
            let text = ws.doc(&c.path).map_or("", |d| &d.text[c.span.start..c.span.end]);
            out.push_str(&format!("\n- {}: «{text}» ({})", file_name(&c.path), c.value));
        }
        if group.len() > 8 {
            out.push_str(&format!("\n- and {} more", group.len() - 8));
        }
    }
    out
}

pub fn definition(st: &mut State, params: GotoDefinitionParams) -> Option<GotoDefinitionResponse> {
    let p = params.text_document_position_params;
    let (key, byte) = at(st, &p.text_document.uri, p.position)?;
    match item_at(st, &key, byte)? {
        Item::Entity(e) => {
            let ws = st.ws.as_ref()?;
            let entity = ws.entity(&e.id)?.clone();
            // Its entry in tadqiq.toml, else its full introduction, else its first mention.
            if let Origin::Config { span } = entity.origin
                && let Some(loc) = config_location(st, span)
            {
                return Some(GotoDefinitionResponse::Scalar(loc));
            }
            let target =
                ws.introduction(&e.id).map(|(p, s)| (p.to_string(), s)).or_else(|| first_mention(ws, &e.id))?;
            location(st, &target.0, target.1).map(GotoDefinitionResponse::Scalar)
        }
        Item::Claim(k) => {
            let others = counterparts(st.ws.as_ref()?, &key, k);
            let locations: Vec<Location> = others.iter().filter_map(|c| location(st, &c.path, c.span)).collect();
            (!locations.is_empty()).then_some(GotoDefinitionResponse::Array(locations))
        }
    }
}

/// Where an entity is first named, stopping at the first source that names it.
fn first_mention(ws: &tadqiq_core::workspace::Workspace, id: &str) -> Option<(String, Span)> {
    ws.docs().find_map(|(path, doc)| doc.entities.iter().find(|m| &*m.id == id).map(|m| (path.to_string(), m.span)))
}

fn config_location(st: &State, span: (usize, usize)) -> Option<Location> {
    let path = st.config.as_ref()?.path.clone()?;
    let text = std::fs::read_to_string(&path).ok()?;
    let lines = LineIndex::new(&text);
    let range = convert::range_in(&text, &lines, st.encoding(), Span::new(span.0, span.1));
    Some(Location { uri: Uri::from_file_path(&path)?, range })
}

pub fn references(st: &mut State, params: ReferenceParams) -> Option<Vec<Location>> {
    let p = params.text_document_position;
    let (key, byte) = at(st, &p.text_document.uri, p.position)?;
    let Item::Entity(e) = item_at(st, &key, byte)? else { return Some(Vec::new()) };
    let places: Vec<(String, Span)> =
        st.ws.as_ref()?.occurrences(&e.id).iter().map(|o| (o.path.to_string(), o.span)).collect();
    Some(places.iter().filter_map(|(path, span)| location(st, path, *span)).collect())
}

#[allow(deprecated)] // DocumentSymbol::deprecated and SymbolInformation::deprecated must be set
pub fn document_symbols(st: &mut State, params: DocumentSymbolParams) -> Option<DocumentSymbolResponse> {
    let key = key_of(&params.text_document.uri);
    st.open.get(&params.text_document.uri)?;
    let doc = st.ws.as_ref()?.doc(&key)?;
    let mut seen = std::collections::HashSet::new();
    let mut found: Vec<(String, SymbolKind, Span, String)> = Vec::new();
    for e in &doc.entities {
        if seen.insert(e.id.clone()) {
            let name = st.ws.as_ref()?.entity(&e.id).map_or_else(|| e.id.to_string(), |x| x.name.clone());
            let kind = match e.kind {
                tadqiq_core::entities::EntityKind::Person => SymbolKind::OBJECT,
                tadqiq_core::entities::EntityKind::Org => SymbolKind::NAMESPACE,
                tadqiq_core::entities::EntityKind::Place => SymbolKind::PACKAGE,
                tadqiq_core::entities::EntityKind::Event => SymbolKind::EVENT,
            };
            found.push((name, kind, e.span, e.kind.as_str().to_string()));
        }
    }
    for m in &doc.analysis.mentions {
        if let MentionKind::Date(d) = &m.kind
            && let Some(v) = d.value
        {
            found.push((doc.text[m.span.start..m.span.end].to_string(), SymbolKind::EVENT, m.span, v.to_string()));
        }
    }
    found.sort_by_key(|f| f.2.start);
    let symbols = found
        .into_iter()
        .filter_map(|(name, kind, span, detail)| {
            let range = st.range(&key, span)?;
            Some(DocumentSymbol {
                name,
                detail: Some(detail),
                kind,
                tags: None,
                deprecated: None,
                range,
                selection_range: range,
                children: None,
            })
        })
        .collect();
    Some(DocumentSymbolResponse::Nested(symbols))
}

#[allow(deprecated)]
pub fn workspace_symbols(st: &mut State, params: WorkspaceSymbolParams) -> Option<WorkspaceSymbolResponse> {
    let query = tadqiq_core::text::fold(&params.query);
    let ws = st.ws.as_ref()?;
    // Each entity any source names, once, at its introduction or first mention.
    let mut ids: Vec<std::sync::Arc<str>> =
        ws.docs().flat_map(|(_, d)| d.entities.iter().map(|e| e.id.clone())).collect();
    ids.sort();
    ids.dedup();
    let mut found = Vec::new();
    for id in ids {
        let Some(entity) = ws.entity(&id) else { continue };
        if !query.is_empty() && !tadqiq_core::text::fold(&entity.name).contains(&query) && !id.contains(params.query.as_str())
        {
            continue;
        }
        let target = ws.introduction(&id).map(|(p, s)| (p.to_string(), s)).or_else(|| first_mention(ws, &id));
        if let Some(t) = target {
            found.push((entity.name.clone(), entity.kind, t));
        }
        if found.len() >= 200 {
            break;
        }
    }
    let symbols = found
        .into_iter()
        .filter_map(|(name, kind, (path, span))| {
            Some(SymbolInformation {
                name,
                kind: match kind {
                    tadqiq_core::entities::EntityKind::Person => SymbolKind::OBJECT,
                    tadqiq_core::entities::EntityKind::Org => SymbolKind::NAMESPACE,
                    tadqiq_core::entities::EntityKind::Place => SymbolKind::PACKAGE,
                    tadqiq_core::entities::EntityKind::Event => SymbolKind::EVENT,
                },
                tags: None,
                deprecated: None,
                location: location(st, &path, span)?,
                container_name: Some(file_name(&path).to_string()),
            })
        })
        .collect();
    Some(WorkspaceSymbolResponse::Flat(symbols))
}

pub fn inlay_hints(st: &mut State, params: InlayHintParams) -> Option<Vec<InlayHint>> {
    if !st.settings.inlay_hints {
        return Some(Vec::new());
    }
    let key = key_of(&params.text_document.uri);
    let open = st.open.get(&params.text_document.uri)?;
    let encoding = st.encoding();
    let (from, to) = (
        convert::offset(&open.rope, encoding, params.range.start).unwrap_or(0),
        convert::offset(&open.rope, encoding, params.range.end).unwrap_or(usize::MAX),
    );
    let doc = st.ws.as_ref()?.doc(&key)?;
    let hints = doc
        .analysis
        .mentions
        .iter()
        .filter(|m| m.span.start >= from && m.span.end <= to)
        .filter_map(|m| match &m.kind {
            MentionKind::Date(d) => d.value.map(|v| (m.span.end, v.to_string())),
            _ => None,
        })
        .map(|(end, iso)| InlayHint {
            position: convert::position(&open.rope, encoding, end),
            label: InlayHintLabel::String(format!(" {iso}")),
            kind: Some(InlayHintKind::TYPE),
            text_edits: None,
            tooltip: None,
            padding_left: Some(true),
            padding_right: None,
            data: None,
        })
        .collect();
    Some(hints)
}

pub fn code_actions(st: &mut State, params: CodeActionParams) -> Option<CodeActionResponse> {
    let uri = params.text_document.uri.clone();
    let open = st.open.get(&uri)?;
    let encoding = st.encoding();
    let mut actions: Vec<CodeActionOrCommand> = Vec::new();
    for d in &params.context.diagnostics {
        if d.source.as_deref() != Some("tadqiq") {
            continue;
        }
        let Some(NumberOrString::String(code)) = &d.code else { continue };
        // Replace a conflicting value with another source's: the related message opens
        // with the other source's text in «».
        if code == "date-conflict" || code == "figure-conflict" {
            for r in d.related_information.iter().flatten() {
                let Some(text) = r.message.strip_prefix('«').and_then(|m| m.split('»').next()) else { continue };
                let title = format!("Use «{text}» from {}", file_name(r.location.uri.as_str()));
                actions.push(quick_fix(title, d, &uri, d.range, text.to_string()));
            }
        }
        // Silence it with a comment on the line before.
        let line_start = Position { line: d.range.start.line, character: 0 };
        let comment = format!("<!-- tadqiq-disable-next-line {code} -->\n");
        let at = Range { start: line_start, end: line_start };
        actions.push(quick_fix(format!("Suppress {code} on this line"), d, &uri, at, comment));
    }
    // Add a name the article introduced to tadqiq.toml, so the newsroom can describe it.
    let start = convert::offset(&open.rope, encoding, params.range.start)?;
    let key = key_of(&uri);
    if let Some(Item::Entity(e)) = item_at(st, &key, start)
        && let Some(entity) = st.ws.as_ref().and_then(|ws| ws.entity(&e.id)).cloned()
        && entity.origin == Origin::Discovered
        && let Some(action) = add_to_config(st, &entity)
    {
        actions.push(action);
    }
    Some(actions)
}

/// A quick fix for `diagnostic`: one edit in the document.
fn quick_fix(title: String, diagnostic: &Diagnostic, uri: &Uri, range: Range, new_text: String) -> CodeActionOrCommand {
    CodeActionOrCommand::CodeAction(CodeAction {
        title,
        kind: Some(CodeActionKind::QUICKFIX),
        diagnostics: Some(vec![diagnostic.clone()]),
        edit: Some(WorkspaceEdit {
            changes: Some(HashMap::from([(uri.clone(), vec![TextEdit { range, new_text }])])),
            ..Default::default()
        }),
        ..Default::default()
    })
}

fn add_to_config(st: &State, entity: &tadqiq_core::entities::Entity) -> Option<CodeActionOrCommand> {
    let root = st.roots.first()?;
    let path = root.join(tadqiq_core::config::FILE_NAME);
    let uri = Uri::from_file_path(&path)?;
    let aliases: Vec<String> = entity.aliases.iter().map(|a| format!("{a:?}")).collect();
    let entry = format!(
        "\n[[entity]]\nid = {:?}\nname = {:?}\nkind = {:?}\naliases = [{}]\ndescription = \"\"\n",
        entity.id.to_string(),
        entity.name,
        entity.kind.as_str(),
        aliases.join(", ")
    );
    let existing = std::fs::read_to_string(&path).ok();
    let edit = match &existing {
        Some(text) => {
            let lines = LineIndex::new(text);
            let end = convert::range_in(text, &lines, st.encoding(), Span::new(text.len(), text.len())).end;
            WorkspaceEdit {
                changes: Some(HashMap::from([(
                    uri,
                    vec![TextEdit { range: Range { start: end, end }, new_text: entry }],
                )])),
                ..Default::default()
            }
        }
        None => WorkspaceEdit {
            document_changes: Some(DocumentChanges::Operations(vec![
                DocumentChangeOperation::Op(ResourceOp::Create(CreateFile {
                    uri: uri.clone(),
                    options: None,
                    annotation_id: None,
                })),
                DocumentChangeOperation::Edit(TextDocumentEdit {
                    text_document: OptionalVersionedTextDocumentIdentifier { uri, version: None },
                    edits: vec![OneOf::Left(TextEdit {
                        range: Range::default(),
                        new_text: entry.trim_start().to_string(),
                    })],
                }),
            ])),
            ..Default::default()
        },
    };
    Some(CodeActionOrCommand::CodeAction(CodeAction {
        title: format!("Add «{}» to tadqiq.toml", entity.name),
        kind: Some(CodeActionKind::QUICKFIX),
        edit: Some(edit),
        ..Default::default()
    }))
}
