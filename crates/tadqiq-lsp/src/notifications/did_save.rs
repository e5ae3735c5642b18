//! `textDocument/didSave`: analysed again (the editor's text, which is now also the disk's).

use tower_lsp_server::ls_types::DidSaveTextDocumentParams;

use crate::worker::{Job, Jobs};

pub fn did_save(jobs: &Jobs, params: DidSaveTextDocumentParams) {
    jobs.send(Job::Analyse { uri: params.text_document.uri, generation: None });
}
