//! `textDocument/didOpen`: the editor's text is the truth for this document from now on.

use ropey::Rope;
use tower_lsp_server::ls_types::DidOpenTextDocumentParams;

use crate::session::{Open, Shared};
use crate::worker::{Job, Jobs};

pub fn did_open(shared: &Shared, jobs: &Jobs, params: DidOpenTextDocumentParams) {
    let doc = params.text_document;
    {
        let mut s = shared.lock();
        let generation = s.open.get(&doc.uri).map_or(0, |o| o.generation + 1);
        s.open.insert(doc.uri.clone(), Open { rope: Rope::from_str(&doc.text), version: doc.version, generation });
    }
    jobs.send(Job::Analyse { uri: doc.uri, generation: None });
}
