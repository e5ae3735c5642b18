//! `workspace/didChangeConfiguration`: new settings. Only a new publication date changes what
//! the sources say (a re-index); severities and the rest only change what is shown.

use tower_lsp_server::ls_types::DidChangeConfigurationParams;

use crate::session::Shared;
use crate::worker::{Job, Jobs};

/// Applies the settings; returns the problems to show the user.
pub fn did_change_configuration(shared: &Shared, jobs: &Jobs, params: DidChangeConfigurationParams) -> Vec<String> {
    let (problems, published_changed) = {
        let mut s = shared.lock();
        let before = s.settings.published;
        let problems = s.settings.update(&params.settings);
        (problems, s.settings.published != before)
    };
    jobs.send(if published_changed { Job::Index } else { Job::Publish });
    problems
}
