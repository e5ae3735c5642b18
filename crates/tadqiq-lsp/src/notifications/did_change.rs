//! `textDocument/didChange`: the edit is applied to the document's rope at once, in arrival
//! order, before anything awaits; the analysis follows after `debounceMs` of quiet, unless a
//! newer edit came in meanwhile.

use ropey::Rope;
use tower_lsp_server::ls_types::DidChangeTextDocumentParams;

use crate::convert;
use crate::session::Shared;
use crate::worker::{Job, Jobs};

pub fn did_change(shared: &Shared, jobs: &Jobs, params: DidChangeTextDocumentParams) {
    let uri = params.text_document.uri;
    let (generation, debounce) = {
        let mut s = shared.lock();
        let encoding = s.encoding;
        let debounce = s.settings.debounce;
        let Some(open) = s.open.get_mut(&uri) else { return };
        if params.text_document.version <= open.version {
            return; // stale or repeated
        }
        for change in params.content_changes {
            match change.range {
                None => open.rope = Rope::from_str(&change.text),
                Some(range) => {
                    let len = open.rope.len_bytes();
                    let start = convert::offset(&open.rope, encoding, range.start).unwrap_or(len);
                    let end = convert::offset(&open.rope, encoding, range.end).unwrap_or(len).max(start);
                    let (start, end) = (open.rope.byte_to_char(start), open.rope.byte_to_char(end));
                    open.rope.remove(start..end);
                    open.rope.insert(start, &change.text);
                }
            }
        }
        open.version = params.text_document.version;
        open.generation += 1;
        (open.generation, debounce)
    };
    let job = Job::Analyse { uri, generation: Some(generation) };
    if debounce.is_zero() {
        jobs.send(job);
    } else {
        let jobs = jobs.clone();
        tokio::spawn(async move {
            tokio::time::sleep(debounce).await;
            jobs.send(job);
        });
    }
}
