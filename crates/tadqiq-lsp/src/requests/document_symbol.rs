//! `textDocument/documentSymbol`: the article's entities and dates.

use tadqiq_core::query;
use tower_lsp_server::ls_types::*;

use crate::diagnostics::range;
use crate::session::{View, key_of};

#[allow(deprecated)] // DocumentSymbol::deprecated must be set
pub fn document_symbols(view: &View, params: DocumentSymbolParams) -> Option<DocumentSymbolResponse> {
    let key = key_of(&params.text_document.uri);
    let ws = &view.snapshot.ws;
    ws.doc(&key)?;
    let symbols = query::document_symbols(ws, &key)
        .into_iter()
        .filter_map(|s| {
            let range = range(ws, &key, s.span, view.encoding)?;
            Some(DocumentSymbol {
                name: s.name,
                detail: Some(s.detail),
                kind: super::symbol_kind(s.kind),
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
