//! `textDocument/didClose`: the file on disk is the truth again (or the document is gone, if it
//! never was a file); its diagnostics are cleared.

use tower_lsp_server::ls_types::DidCloseTextDocumentParams;

use crate::session::Shared;
use crate::worker::{Job, Jobs};

pub fn did_close(shared: &Shared, jobs: &Jobs, params: DidCloseTextDocumentParams) {
    let uri = params.text_document.uri;
    shared.lock().open.remove(&uri);
    jobs.send(Job::Closed(uri));
}
