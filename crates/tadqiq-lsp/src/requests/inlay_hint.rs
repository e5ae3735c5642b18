//! `textDocument/inlayHint`: the ISO date after each date (when the `inlayHints` setting is on).

use tadqiq_core::extract::Span;
use tadqiq_core::query;
use tower_lsp_server::ls_types::*;

use crate::convert;
use crate::session::{View, key_of};

pub fn inlay_hints(view: &View, params: InlayHintParams) -> Option<Vec<InlayHint>> {
    if !view.inlay_hints {
        return Some(Vec::new());
    }
    let uri = &params.text_document.uri;
    let analysed = view.snapshot.analysed.get(uri)?;
    let rope = &analysed.rope;
    let from = convert::offset(rope, view.encoding, params.range.start).unwrap_or(0);
    let to = convert::offset(rope, view.encoding, params.range.end).unwrap_or(rope.len_bytes());
    let hints = query::dates_within(&view.snapshot.ws, &key_of(uri), Span::new(from, to.max(from)))
        .into_iter()
        .map(|(end, iso)| InlayHint {
            position: convert::position(rope, view.encoding, end),
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
