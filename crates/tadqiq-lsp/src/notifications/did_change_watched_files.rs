//! `workspace/didChangeWatchedFiles`: articles changed on disk are read again (unless the editor
//! has them open); a changed `tadqiq.toml` means a re-index.

use tadqiq_core::config;
use tower_lsp_server::ls_types::DidChangeWatchedFilesParams;

use crate::worker::{Job, Jobs};

pub fn did_change_watched_files(jobs: &Jobs, params: DidChangeWatchedFilesParams) {
    let mut paths = Vec::new();
    let mut config_changed = false;
    for change in params.changes {
        let Some(path) = change.uri.to_file_path() else { continue };
        if path.file_name().is_some_and(|n| n == config::FILE_NAME) {
            config_changed = true;
        } else {
            paths.push(path.into_owned());
        }
    }
    if config_changed {
        jobs.send(Job::Index);
    } else if !paths.is_empty() {
        jobs.send(Job::Refresh(paths));
    }
}
