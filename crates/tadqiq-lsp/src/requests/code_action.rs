//! `textDocument/codeAction`: replace a conflicting value with another source's, silence a
//! finding on its line, add a name an article introduced to `tadqiq.toml`.
//!
//! A reporter's text comes first. Every edit is built from the server's own finding and the
//! text it was found in — never from the range a client sends back (Neovim 0.7 sends byte
//! columns) — and only when the document is still at the version analysed and the text under
//! the finding is the text the edit means to replace. Edits are versioned (`TextDocumentEdit`)
//! where the client accepts them, so an editor whose document moved on refuses them.

use std::collections::HashMap;

use ropey::Rope;
use serde::Serialize;
use tadqiq_core::entities::{Entity, Origin};
use tadqiq_core::extract::Span;
use tadqiq_core::messages::{fill, verbatim};
use tadqiq_core::query::{self, Item};
use tadqiq_core::rules::Finding;
use tower_lsp_server::ls_types::*;

use crate::convert;
use crate::diagnostics::Data;
use crate::session::{View, key_of};

/// The editor's document as it is now: its text and version.
pub struct Live {
    pub rope: Rope,
    pub version: i32,
    /// Bumped by every edit the server applied (see [`crate::session::Open`]).
    pub generation: u64,
}

pub fn code_actions(
    view: &View,
    live: Option<Live>,
    config_live: Option<Live>,
    params: CodeActionParams,
) -> Option<CodeActionResponse> {
    let uri = &params.text_document.uri;
    let live = live?;
    let snapshot = &view.snapshot;
    let mut actions: Vec<CodeActionOrCommand> = Vec::new();
    let analysed = snapshot.analysed.get(uri);
    // Findings are only offered against the text they were found in.
    let current = analysed.filter(|a| a.version == live.version && a.generation == live.generation);
    if let Some(analysed) = current
        && let Some(findings) = snapshot.findings.get(uri)
    {
        let start = convert::offset(&live.rope, view.encoding, params.range.start).unwrap_or(0);
        let end = convert::offset(&live.rope, view.encoding, params.range.end).unwrap_or(start).max(start);
        // The client's diagnostics name ours by `data`; without them, the range decides.
        let named: Vec<usize> = params
            .context
            .diagnostics
            .iter()
            .filter(|d| d.source.as_deref() == Some("tadqiq"))
            .filter_map(|d| Data::from_value(d.data.as_ref()?))
            .filter(|d| d.version == analysed.version)
            .map(|d| d.finding)
            .collect();
        for (i, f) in findings.iter().enumerate() {
            let wanted = if params.context.diagnostics.is_empty() || named.is_empty() {
                f.span.start <= end && start <= f.span.end
            } else {
                named.contains(&i)
            };
            if wanted {
                fixes(view, uri, &live, f, &mut actions);
            }
        }
    }
    // Add a name an article introduced to tadqiq.toml, so the newsroom can describe it.
    if let Some(a) = analysed
        && let Some(at) = convert::offset(&a.rope, view.encoding, params.range.start)
        && let Some(Item::Entity { id, .. }) = query::item_at(&snapshot.ws, &key_of(uri), at)
        && let Some(entity) = snapshot.ws.entity(&id)
        && entity.origin == Origin::Discovered
        && let Some(action) = add_to_config(view, entity, config_live)
    {
        actions.push(action);
    }
    Some(actions)
}

/// The fixes for one finding, if the text under it is still the text it was found in.
fn fixes(view: &View, uri: &Uri, live: &Live, f: &Finding, out: &mut Vec<CodeActionOrCommand>) {
    let ws = &view.snapshot.ws;
    let Some(doc) = ws.doc(&f.path) else { return };
    let Some(expected) = doc.text.get(f.span.start..f.span.end) else { return };
    if text_at(&live.rope, f.span).as_deref() != Some(expected) {
        return;
    }
    let range = convert::range(&live.rope, view.encoding, f.span);
    let diagnostic = Diagnostic {
        range,
        code: Some(NumberOrString::String(f.code.to_string())),
        source: Some("tadqiq".into()),
        message: f.say(ws, view.lang),
        ..Default::default()
    };
    // Replace a conflicting value with what another source says: that source's own words, a
    // date's month named as this article names months («5 كانون الثاني 2020» for «5 يناير
    // 2020» in a Levantine draft).
    if f.code == "date-conflict" || f.code == "figure-conflict" {
        let mut offered: Vec<String> = Vec::new();
        for r in &f.related {
            let Some(text) = ws.doc(&r.path).and_then(|d| d.text.get(r.span.start..r.span.end)) else { continue };
            let ours = (f.code == "date-conflict")
                .then(|| query::in_drafts_tradition(ws, (&f.path, f.span), (&r.path, r.span)))
                .flatten();
            let new_text = ours.clone().unwrap_or_else(|| text.to_string());
            if new_text == expected || offered.contains(&new_text) {
                continue;
            }
            offered.push(new_text.clone());
            let source = ws.source_name(&r.path);
            let title = match ours {
                Some(_) => fill(
                    view.lang,
                    "action.use-as",
                    &[("text", &verbatim(&new_text)), ("theirs", &verbatim(text)), ("source", &verbatim(source))],
                ),
                None => fill(view.lang, "action.use", &[("text", &verbatim(text)), ("source", &verbatim(source))]),
            };
            let edit = TextEdit { range, new_text };
            out.push(action(
                title,
                CodeActionKind::QUICKFIX,
                Some(&diagnostic),
                edit_of(view, uri, live.version, vec![edit]),
            ));
        }
    }
    // Silence it with a comment on the line before.
    let line = live.rope.byte_to_line(f.span.start.min(live.rope.len_bytes()));
    let line_start = Position { line: line as u32, character: 0 };
    let comment = format!("<!-- tadqiq-disable-next-line {} -->\n", f.code);
    let edit = TextEdit { range: Range { start: line_start, end: line_start }, new_text: comment };
    let title = fill(view.lang, "action.suppress", &[("code", f.code)]);
    out.push(action(title, CodeActionKind::QUICKFIX, Some(&diagnostic), edit_of(view, uri, live.version, vec![edit])));
}

/// The text of a span of the editor's document, if the span lies on character boundaries in it.
fn text_at(rope: &Rope, span: Span) -> Option<String> {
    if span.end > rope.len_bytes() || span.start > span.end {
        return None;
    }
    let (start, end) = (rope.try_byte_to_char(span.start).ok()?, rope.try_byte_to_char(span.end).ok()?);
    if rope.char_to_byte(start) != span.start || rope.char_to_byte(end) != span.end {
        return None;
    }
    Some(rope.slice(start..end).to_string())
}

/// Edits to one document at `version`: versioned where the client takes versioned edits.
fn edit_of(view: &View, uri: &Uri, version: i32, edits: Vec<TextEdit>) -> WorkspaceEdit {
    if view.caps.document_changes {
        WorkspaceEdit {
            document_changes: Some(DocumentChanges::Edits(vec![TextDocumentEdit {
                text_document: OptionalVersionedTextDocumentIdentifier { uri: uri.clone(), version: Some(version) },
                edits: edits.into_iter().map(OneOf::Left).collect(),
            }])),
            ..Default::default()
        }
    } else {
        WorkspaceEdit { changes: Some(HashMap::from([(uri.clone(), edits)])), ..Default::default() }
    }
}

fn action(
    title: String,
    kind: CodeActionKind,
    diagnostic: Option<&Diagnostic>,
    edit: WorkspaceEdit,
) -> CodeActionOrCommand {
    CodeActionOrCommand::CodeAction(CodeAction {
        title,
        kind: Some(kind),
        diagnostics: diagnostic.map(|d| vec![d.clone()]),
        edit: Some(edit),
        ..Default::default()
    })
}

/// One `[[entity]]` table of `tadqiq.toml`, as the `toml` crate writes it.
#[derive(Serialize)]
struct EntityEntry<'e> {
    id: &'e str,
    name: &'e str,
    kind: &'e str,
    aliases: &'e [String],
    description: &'e str,
}

#[derive(Serialize)]
struct Entries<'e> {
    entity: [EntityEntry<'e>; 1],
}

/// The TOML text that adds `entity` to a `tadqiq.toml`: an `[[entity]]` table, written by a
/// TOML writer (any name, any script, any quote in it stays valid TOML).
pub fn entity_toml(entity: &Entity) -> Option<String> {
    let entry = EntityEntry {
        id: &entity.id,
        name: &entity.name,
        kind: entity.kind.as_str(),
        aliases: &entity.aliases,
        description: entity.description.as_deref().unwrap_or(""),
    };
    toml::to_string(&Entries { entity: [entry] }).ok()
}

/// "Add «name» to tadqiq.toml": a refactoring, offered on a name an article introduced. The
/// table is appended to the file as the editor has it (open) or as it is on disk, keeping the
/// newsroom's comments and layout; a missing file is created.
fn add_to_config(view: &View, entity: &Entity, config_live: Option<Live>) -> Option<CodeActionOrCommand> {
    let root = view.roots.first()?;
    let path = root.join(tadqiq_core::config::FILE_NAME);
    let uri = Uri::from_file_path(&path)?;
    let entry = entity_toml(entity)?;
    let title = fill(view.lang, "action.add", &[("name", &verbatim(&entity.name))]);
    let (text, version) = match config_live {
        Some(live) => (Some(live.rope.to_string()), Some(live.version)),
        None => (std::fs::read(&path).ok().and_then(|b| String::from_utf8(b).ok()), None),
    };
    let edit = match text {
        Some(text) => {
            let lines = tadqiq_core::position::LineIndex::new(&text);
            let end = convert::range_in(&text, &lines, view.encoding, Span::new(text.len(), text.len())).end;
            let separator = if text.is_empty() {
                ""
            } else if text.ends_with('\n') {
                "\n"
            } else {
                "\n\n"
            };
            let edit = TextEdit { range: Range { start: end, end }, new_text: format!("{separator}{entry}") };
            WorkspaceEdit {
                document_changes: Some(DocumentChanges::Edits(vec![TextDocumentEdit {
                    text_document: OptionalVersionedTextDocumentIdentifier { uri, version },
                    edits: vec![OneOf::Left(edit)],
                }])),
                ..Default::default()
            }
        }
        None => WorkspaceEdit {
            document_changes: Some(DocumentChanges::Operations(vec![
                DocumentChangeOperation::Op(ResourceOp::Create(CreateFile {
                    uri: uri.clone(),
                    options: Some(CreateFileOptions { overwrite: Some(false), ignore_if_exists: Some(true) }),
                    annotation_id: None,
                })),
                DocumentChangeOperation::Edit(TextDocumentEdit {
                    text_document: OptionalVersionedTextDocumentIdentifier { uri, version: None },
                    edits: vec![OneOf::Left(TextEdit { range: Range::default(), new_text: entry })],
                }),
            ])),
            ..Default::default()
        },
    };
    Some(action(title, CodeActionKind::REFACTOR, None, edit))
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use tadqiq_core::config::Config;
    use tadqiq_core::entities::EntityKind;

    use super::*;

    #[test]
    fn entity_tables_are_valid_toml_that_means_what_was_asked() {
        // A sukun, quotes, a backslash and a newline: Rust's {:?} wrote `\u{652}`, which TOML
        // does not read.
        let entity = Entity {
            id: Arc::from("jan-du"),
            kind: EntityKind::Person,
            name: "جانْ \"دو\" \\ الثاني".into(),
            aliases: vec!["دو".into(), "سطر\nثان".into()],
            description: None,
            origin: Origin::Discovered,
        };
        let text = entity_toml(&entity).unwrap();
        let existing = "# the newsroom's own\ninclude = [\"**/*.txt\"]\n";
        let config = Config::parse(&format!("{existing}\n{text}"), ".".into()).expect("valid tadqiq.toml");
        assert_eq!(config.entities.len(), 1);
        let e = &config.entities[0];
        assert_eq!((e.id.as_str(), e.name.as_str(), e.kind), ("jan-du", entity.name.as_str(), EntityKind::Person));
        assert_eq!(e.aliases, entity.aliases);
    }

    #[test]
    fn text_at_refuses_spans_off_character_boundaries() {
        let rope = Rope::from_str("في 5 يناير");
        assert_eq!(text_at(&rope, Span::new(0, 4)).as_deref(), Some("في"));
        assert_eq!(text_at(&rope, Span::new(1, 4)), None);
        assert_eq!(text_at(&rope, Span::new(0, 400)), None);
    }
}
