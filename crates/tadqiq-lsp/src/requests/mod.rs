//! Requests: each answers from a snapshot ([`crate::session::View`]), one file per method. An
//! unknown document or a position past its end gets an empty answer, never an error that
//! stops the server.

pub mod code_action;
pub mod definition;
pub mod document_symbol;
pub mod execute_command;
pub mod hover;
pub mod inlay_hint;
pub mod references;
pub mod workspace_symbol;

use tower_lsp_server::ls_types::{Position, SymbolKind, Uri};

use crate::convert;
use crate::session::{View, key_of};

/// The source key and byte offset of a position in an open document, in the text the
/// snapshot analysed.
pub(crate) fn at(view: &View, uri: &Uri, pos: Position) -> Option<(String, usize)> {
    let analysed = view.snapshot.analysed.get(uri)?;
    Some((key_of(uri), convert::offset(&analysed.rope, view.encoding, pos)?))
}

pub(crate) fn symbol_kind(kind: tadqiq_core::query::SymbolKind) -> SymbolKind {
    use tadqiq_core::entities::EntityKind;
    use tadqiq_core::query::SymbolKind as K;
    match kind {
        K::Entity(EntityKind::Person) => SymbolKind::OBJECT,
        K::Entity(EntityKind::Org) => SymbolKind::NAMESPACE,
        K::Entity(EntityKind::Place) => SymbolKind::PACKAGE,
        K::Entity(EntityKind::Event) | K::Date => SymbolKind::EVENT,
    }
}
