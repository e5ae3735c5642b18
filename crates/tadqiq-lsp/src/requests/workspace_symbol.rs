//! `workspace/symbol`: the entities the sources name, matched by name or id.

use tadqiq_core::query;
use tower_lsp_server::ls_types::*;

use crate::diagnostics::location;
use crate::session::View;

/// At most this many symbols per answer: a filter the user types narrows it.
const LIMIT: usize = 200;

#[allow(deprecated)] // SymbolInformation::deprecated must be set
pub fn workspace_symbols(view: &View, params: WorkspaceSymbolParams) -> Option<WorkspaceSymbolResponse> {
    let ws = &view.snapshot.ws;
    let symbols = query::workspace_symbols(ws, &params.query, LIMIT)
        .into_iter()
        .filter_map(|(path, s)| {
            Some(SymbolInformation {
                name: s.name,
                kind: super::symbol_kind(s.kind),
                tags: None,
                deprecated: None,
                location: location(ws, &path, s.span, view.encoding)?,
                container_name: Some(ws.source_name(&path).to_string()),
            })
        })
        .collect();
    Some(WorkspaceSymbolResponse::Flat(symbols))
}
