//! `workspace/executeCommand`: `tadqiq.report` writes the report page (crates/tadqiq-report)
//! for the workspace as the server holds it — every source under its folders, open documents
//! as the editor has them — and answers with the page's absolute path, for the editor to open.
//!
//! Arguments, all optional, in one object: `{"out": "/path/page.html", "lang": "ar" | "en"}`.
//! Without `out`, the page goes to the system's temporary folder as
//! `tadqiq-report-<folder>-<hash>.html` (the same file for the same folder, so reports do not
//! pile up, and never into the user's folder); without `lang`, the server's locale decides.

use std::hash::{Hash, Hasher};
use std::path::{Path, PathBuf};

use serde_json::Value;
use tadqiq_core::rules::RuleSettings;
use tadqiq_report::{Lang, Options};
use tower_lsp_server::jsonrpc::{Error, ErrorCode, Result};
use tower_lsp_server::ls_types::ExecuteCommandParams;

use crate::session::View;

/// The command's name, as editors call it.
pub const REPORT: &str = "tadqiq.report";

/// Every command the server offers.
pub fn commands() -> Vec<String> {
    vec![REPORT.to_string()]
}

pub async fn execute_command(view: View, rules: RuleSettings, params: ExecuteCommandParams) -> Result<Option<Value>> {
    if params.command != REPORT {
        return Err(Error::invalid_params(format!(
            "tadqiq: no command {:?}; the commands are {REPORT}",
            params.command
        )));
    }
    let options = params.arguments.first().cloned().unwrap_or(Value::Null);
    let lang = match options.get("lang").and_then(Value::as_str) {
        Some(l) => {
            Lang::parse(l).ok_or_else(|| Error::invalid_params(format!("tadqiq: lang {l:?} is not ar or en")))?
        }
        None => view.lang,
    };
    let root = view.roots.first().cloned().unwrap_or_else(std::env::temp_dir);
    let out = match options.get("out").and_then(Value::as_str) {
        Some(path) => PathBuf::from(path),
        None => std::env::temp_dir().join(default_name(&root)),
    };
    // Checking a whole archive takes a while: off the protocol's threads.
    let written = tokio::task::spawn_blocking(move || {
        let snapshot = &view.snapshot;
        let page = tadqiq_report::page(&snapshot.ws, &snapshot.config, &rules, &Options { lang, base: root });
        std::fs::write(&out, page).map(|_| out)
    })
    .await
    .map_err(|e| internal(format!("tadqiq: the report failed: {e}")))?
    .map_err(|e| internal(format!("tadqiq: cannot write the report: {e}")))?;
    let path = std::path::absolute(&written).unwrap_or(written);
    Ok(Some(Value::String(path.display().to_string())))
}

fn internal(message: String) -> Error {
    Error { code: ErrorCode::InternalError, message: message.into(), data: None }
}

/// `tadqiq-report-<folder>-<hash of its path>.html`.
fn default_name(root: &Path) -> String {
    let folder: String = root
        .file_name()
        .map(|n| n.to_string_lossy().chars().map(|c| if c.is_alphanumeric() || c == '-' { c } else { '_' }).collect())
        .unwrap_or_default();
    let mut hasher = std::collections::hash_map::DefaultHasher::new();
    root.hash(&mut hasher);
    format!("tadqiq-report-{folder}-{:08x}.html", hasher.finish() as u32)
}
