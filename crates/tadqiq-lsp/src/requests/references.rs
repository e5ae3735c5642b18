//! `textDocument/references`: every mention of the entity at the position, in every source.

use tadqiq_core::query::{self, Item};
use tower_lsp_server::ls_types::*;

use crate::diagnostics::location;
use crate::session::View;

pub fn references(view: &View, params: ReferenceParams) -> Option<Vec<Location>> {
    let p = params.text_document_position;
    let (key, byte) = super::at(view, &p.text_document.uri, p.position)?;
    let ws = &view.snapshot.ws;
    let Item::Entity { id, .. } = query::item_at(ws, &key, byte)? else { return Some(Vec::new()) };
    Some(
        query::references(ws, &id).iter().filter_map(|(path, span)| location(ws, path, *span, view.encoding)).collect(),
    )
}
