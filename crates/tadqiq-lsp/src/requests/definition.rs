//! `textDocument/definition`: on an entity, its entry in `tadqiq.toml`, else its full
//! introduction in the earliest source, else its first mention; on a date or figure, the same
//! claim in the other sources.

use tadqiq_core::extract::Span;
use tadqiq_core::position::LineIndex;
use tadqiq_core::query::{self, Target};
use tower_lsp_server::ls_types::*;

use crate::convert;
use crate::diagnostics::location;
use crate::session::View;

pub fn definition(view: &View, params: GotoDefinitionParams) -> Option<GotoDefinitionResponse> {
    let p = params.text_document_position_params;
    let (key, byte) = super::at(view, &p.text_document.uri, p.position)?;
    let ws = &view.snapshot.ws;
    let item = query::item_at(ws, &key, byte)?;
    let locations: Vec<Location> = query::definition(ws, &key, &item)
        .into_iter()
        .filter_map(|t| match t {
            Target::Config { span } => config_location(view, span),
            Target::Source { path, span } => location(ws, &path, span, view.encoding),
        })
        .collect();
    match (&item, locations.len()) {
        (_, 0) => None,
        (query::Item::Entity { .. }, _) => locations.into_iter().next().map(GotoDefinitionResponse::Scalar),
        (query::Item::Claim { .. }, _) => Some(GotoDefinitionResponse::Array(locations)),
    }
}

/// A place in `tadqiq.toml`, from the file as it is on disk now.
fn config_location(view: &View, span: (usize, usize)) -> Option<Location> {
    let path = view.snapshot.config.path.clone()?;
    let text = std::fs::read_to_string(&path).ok()?;
    let lines = LineIndex::new(&text);
    let range = convert::range_in(&text, &lines, view.encoding, Span::new(span.0, span.1));
    Some(Location { uri: Uri::from_file_path(&path)?, range })
}
