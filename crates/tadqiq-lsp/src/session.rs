//! The server's state: the session (what the editor has told us, changed by notifications in
//! arrival order) and the snapshot (an analysed workspace, immutable, swapped whole).
//!
//! Notifications change the session under a short lock and never await while holding it:
//! an edit is applied to its rope before anything else can look. Requests clone the current
//! snapshot (an `Arc`) and answer from it without the lock, so no request waits on indexing or
//! on a rule run. Only the analysis worker ([`crate::worker`]) builds snapshots.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, MutexGuard};

use ropey::Rope;
use tadqiq_core::analysis::PublishedSource;
use tadqiq_core::calendar::DateValue;
use tadqiq_core::config::{self, Config};
use tadqiq_core::messages::Lang;
use tadqiq_core::rules::{Finding, RuleSettings};
use tadqiq_core::workspace::Workspace;
use tower_lsp_server::ls_types::{Diagnostic, Uri};

use crate::convert::Encoding;
use crate::settings::Settings;

/// What the client can do, from `initialize`.
#[derive(Clone, Copy, Debug, Default)]
pub struct ClientCaps {
    pub dynamic_watchers: bool,
    pub progress: bool,
    /// `workspaceEdit.documentChanges`: versioned edits.
    pub document_changes: bool,
}

/// A document the editor has open: its text is the editor's, not the disk's.
pub struct Open {
    pub rope: Rope,
    pub version: i32,
    /// Bumped by every edit; a pending analysis of an older generation is stale.
    pub generation: u64,
}

pub struct Session {
    pub settings: Settings,
    pub config: Arc<Config>,
    pub roots: Vec<PathBuf>,
    pub encoding: Encoding,
    pub caps: ClientCaps,
    /// The client's locale (`initialize`'s `locale`), as a language.
    pub locale: Option<Lang>,
    pub open: HashMap<Uri, Open>,
    pub snapshot: Arc<Snapshot>,
    /// What was last published per open document, to publish only changes.
    pub published: HashMap<Uri, Vec<Diagnostic>>,
    /// `shutdown` was asked for: `exit` then ends the process with 0 (else 1).
    pub shut_down: bool,
}

impl Default for Session {
    fn default() -> Self {
        let config = Arc::new(Config::empty(PathBuf::from(".")));
        Session {
            settings: Settings::default(),
            snapshot: Arc::new(Snapshot::empty(&config)),
            config,
            roots: Vec::new(),
            encoding: Encoding::Utf16,
            caps: ClientCaps::default(),
            locale: None,
            open: HashMap::new(),
            published: HashMap::new(),
            shut_down: false,
        }
    }
}

impl Session {
    /// The rule severities in force: the editor's settings, with `tadqiq.toml`'s wherever it
    /// sets one (the file wins).
    pub fn rules(&self) -> RuleSettings {
        self.settings.rules.overridden_by(&self.config.rules)
    }

    /// The publication date a source gets from outside its text.
    pub fn given(&self, path: &str) -> Option<(DateValue, PublishedSource)> {
        self.config.given(Path::new(path), self.settings.published)
    }

    /// The language spoken: the `language` setting, else the client's locale, else the
    /// server's own (`LC_ALL`, `LC_MESSAGES`, `LANG`). Arabic where the locale is Arabic.
    pub fn lang(&self) -> Lang {
        self.settings.language.or(self.locale).unwrap_or_else(Lang::from_env)
    }

    pub fn is_article(&self, path: &Path) -> bool {
        self.config.is_article(path)
    }

    /// What a request needs: the snapshot and the session's settings of the moment.
    pub fn view(&self) -> View {
        View {
            snapshot: self.snapshot.clone(),
            encoding: self.encoding,
            inlay_hints: self.settings.inlay_hints,
            roots: self.roots.clone(),
            caps: self.caps,
            lang: self.lang(),
        }
    }
}

/// An analysed state of the workspace. Never changed once built.
pub struct Snapshot {
    pub ws: Workspace,
    pub config: Arc<Config>,
    /// Each open document as it was analysed: its text (a rope, for positions) and version.
    pub analysed: HashMap<Uri, Analysed>,
    /// The findings of each open document in this state, in the order of their diagnostics
    /// (a diagnostic's `data.finding` indexes this list).
    pub findings: HashMap<Uri, Arc<Vec<Finding>>>,
}

#[derive(Clone)]
pub struct Analysed {
    pub rope: Rope,
    pub version: i32,
    pub generation: u64,
}

impl Snapshot {
    pub fn empty(config: &Arc<Config>) -> Snapshot {
        Snapshot {
            ws: Workspace::new(Arc::new(config.gazetteer())),
            config: config.clone(),
            analysed: HashMap::new(),
            findings: HashMap::new(),
        }
    }
}

/// A request's view of the server: a snapshot and the settings it is answered with.
pub struct View {
    pub snapshot: Arc<Snapshot>,
    pub encoding: Encoding,
    pub inlay_hints: bool,
    pub roots: Vec<PathBuf>,
    pub caps: ClientCaps,
    pub lang: Lang,
}

/// The session behind its lock. A panic while holding the lock must not take the server down
/// with it, so a poisoned lock is taken as it is.
#[derive(Clone, Default)]
pub struct Shared(Arc<Mutex<Session>>);

impl Shared {
    pub fn lock(&self) -> MutexGuard<'_, Session> {
        self.0.lock().unwrap_or_else(|p| p.into_inner())
    }
}

/// The workspace key of a document: its file path, or the URI itself when it is not a file
/// («untitled:»).
pub fn key_of(uri: &Uri) -> String {
    match uri.to_file_path() {
        Some(p) => p.display().to_string(),
        None => uri.as_str().to_string(),
    }
}

pub fn uri_of(key: &str) -> Option<Uri> {
    if key.contains("://") || key.starts_with("untitled:") {
        return key.parse().ok();
    }
    Uri::from_file_path(key)
}

/// The configuration at the first workspace folder, or why it could not be read.
pub fn load_config(roots: &[PathBuf]) -> (Config, Option<String>) {
    let Some(root) = roots.first() else { return (Config::empty(PathBuf::from(".")), None) };
    let file = root.join(config::FILE_NAME);
    if !file.exists() {
        return (Config::empty(root.clone()), None);
    }
    match Config::load(&file) {
        Ok(c) => (c, None),
        Err(e) => (Config::empty(root.clone()), Some(format!("tadqiq: {e}"))),
    }
}
