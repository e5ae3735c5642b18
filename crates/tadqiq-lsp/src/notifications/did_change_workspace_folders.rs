//! `workspace/didChangeWorkspaceFolders`: folders come and go; the workspace is read afresh
//! (each file once, however many folders reach it).

use tower_lsp_server::ls_types::DidChangeWorkspaceFoldersParams;

use crate::session::Shared;
use crate::worker::{Job, Jobs};

pub fn did_change_workspace_folders(shared: &Shared, jobs: &Jobs, params: DidChangeWorkspaceFoldersParams) {
    {
        let mut s = shared.lock();
        for removed in params.event.removed {
            if let Some(p) = removed.uri.to_file_path() {
                let p = p.into_owned();
                s.roots.retain(|r| *r != p);
            }
        }
        for added in params.event.added {
            if let Some(p) = added.uri.to_file_path() {
                let p = p.into_owned();
                if !s.roots.contains(&p) {
                    s.roots.push(p);
                }
            }
        }
    }
    jobs.send(Job::Index);
}
