//! `tadqiq lsp`: the language server. A thin adapter over the same core the CLI uses; only
//! this module knows URIs, UTF-16 and JSON-RPC.
//!
//! State lives behind one synchronous mutex, taken briefly and never across an await: every
//! edit is applied to its document's rope, in arrival order, at the start of its handler,
//! before anything awaits (tower-lsp-server runs up to four handlers at once). Analysis runs
//! after `debounceMs` of quiet; a newer edit to the same document makes the pending one stale.

pub(crate) mod convert;
mod features;
mod transport;

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::Duration;

use ropey::Rope;
use serde_json::Value;
use tower_lsp_server::jsonrpc::Result;
use tower_lsp_server::ls_types::*;
use tower_lsp_server::{Client, LanguageServer, LspService, Server};

use crate::analysis::PublishedSource;
use crate::calendar::DateValue;
use crate::config::{self, Config};
use crate::entities::Gazetteer;
use crate::position::LineIndex;
use crate::rules::{Finding, RuleSettings, Severity};
use crate::source;
use crate::workspace::{Workspace, par_map};
pub use convert::Encoding;

/// Serves LSP on the given streams until the client exits.
pub async fn serve<I, O>(input: I, output: O)
where
    I: tokio::io::AsyncRead + Unpin + Send + 'static,
    O: tokio::io::AsyncWrite,
{
    let (service, socket) =
        LspService::build(|client| Backend { client, state: Arc::new(Mutex::new(State::default())) })
            .custom_method(transport::INVALID, Backend::invalid_message)
            .finish();
    Server::new(transport::sanitize(input), output, socket).serve(service).await;
}

/// Settings from `initializationOptions` and `workspace/didChangeConfiguration`.
#[derive(Clone, Debug, PartialEq)]
pub struct Settings {
    pub rules: RuleSettings,
    pub debounce: Duration,
    pub inlay_hints: bool,
    pub published: Option<DateValue>,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            rules: RuleSettings::default(),
            debounce: Duration::from_millis(150),
            inlay_hints: false,
            published: None,
        }
    }
}

impl Settings {
    /// Reads `{"rules": {…}, "debounceMs": 150, "inlayHints": false, "published": "…"}`, also
    /// nested under `tadqiq` (as VS Code sends it). Unknown or malformed values are reported
    /// and left at their previous value.
    fn update(&mut self, value: &Value) -> Vec<String> {
        let value = value.get("tadqiq").unwrap_or(value);
        let mut problems = Vec::new();
        if let Some(rules) = value.get("rules").and_then(Value::as_object) {
            let mut settings = RuleSettings::default();
            for (code, level) in rules {
                match level.as_str().map(|l| settings.set(code, l)) {
                    Some(Ok(())) => {}
                    Some(Err(e)) => problems.push(e),
                    None => problems.push(format!("rules.{code}: expected a string")),
                }
            }
            self.rules = settings;
        }
        if let Some(ms) = value.get("debounceMs") {
            match ms.as_u64() {
                Some(ms) => self.debounce = Duration::from_millis(ms.min(10_000)),
                None => problems.push("debounceMs: expected a number of milliseconds".into()),
            }
        }
        if let Some(on) = value.get("inlayHints") {
            match on.as_bool() {
                Some(on) => self.inlay_hints = on,
                None => problems.push("inlayHints: expected true or false".into()),
            }
        }
        if let Some(p) = value.get("published") {
            match p.as_str().map(DateValue::parse) {
                _ if p.is_null() => self.published = None,
                Some(Some(d)) => self.published = Some(d),
                _ => problems.push(format!("published: {p} is not a date (YYYY, YYYY-MM or YYYY-MM-DD)")),
            }
        }
        problems
    }
}

/// A document the editor has open: its text is the editor's, not the disk's.
struct Open {
    rope: Rope,
    version: i32,
    /// Bumped by every edit; a pending analysis for an older generation is stale.
    generation: u64,
}

#[derive(Default)]
pub(crate) struct State {
    settings: Settings,
    config: Option<Config>,
    roots: Vec<PathBuf>,
    encoding: Option<Encoding>,
    open: HashMap<Uri, Open>,
    ws: Option<Workspace>,
    /// Line indexes of closed sources, for their positions in related information.
    lines: HashMap<String, Arc<LineIndex>>,
    /// What was last published per document, to publish only changes.
    published: HashMap<Uri, Vec<Diagnostic>>,
    dynamic_watchers: bool,
    progress: bool,
}

impl State {
    fn encoding(&self) -> Encoding {
        self.encoding.unwrap_or(Encoding::Utf16)
    }

    fn ws(&mut self) -> &mut Workspace {
        let config = self.config.as_ref();
        self.ws.get_or_insert_with(|| Workspace::new(Arc::new(config.map_or_else(|| Gazetteer::new(&[]), |c| c.gazetteer()))))
    }

    /// The rule severities in force: the editor's settings, with `tadqiq.toml`'s wherever it
    /// sets one (the file wins).
    fn rules(&self) -> RuleSettings {
        match &self.config {
            Some(c) => self.settings.rules.overridden_by(&c.rules),
            None => self.settings.rules.clone(),
        }
    }

    /// The publication date a source gets from outside its text.
    fn given(&self, path: &str) -> Option<(DateValue, PublishedSource)> {
        let fallback = self.settings.published;
        match &self.config {
            Some(c) => c.given(Path::new(path), fallback),
            None => fallback.map(|p| (p, PublishedSource::Flag)),
        }
    }

    fn line_index(&mut self, path: &str) -> Option<Arc<LineIndex>> {
        let text = &self.ws.as_ref()?.doc(path)?.text;
        Some(self.lines.entry(path.to_string()).or_insert_with(|| Arc::new(LineIndex::new(text))).clone())
    }

    /// A span of any source as an LSP range: through the rope when the editor has it open.
    fn range(&mut self, path: &str, span: crate::extract::Span) -> Option<Range> {
        let encoding = self.encoding();
        let uri = uri_of(path);
        if let Some(open) = uri.as_ref().and_then(|u| self.open.get(u)) {
            return Some(convert::range(&open.rope, encoding, span));
        }
        let lines = self.line_index(path)?;
        let text = &self.ws.as_ref()?.doc(path)?.text;
        Some(convert::range_in(text, &lines, encoding, span))
    }

    fn is_article(&self, path: &Path) -> bool {
        match &self.config {
            Some(c) => c.is_article(path),
            None => config::has_article_extension(path),
        }
    }
}

/// The workspace key of a document: its file path, or the URI itself when it is not a file
/// («untitled:»).
pub(crate) fn key_of(uri: &Uri) -> String {
    match uri.to_file_path() {
        Some(p) => p.display().to_string(),
        None => uri.as_str().to_string(),
    }
}

pub(crate) fn uri_of(key: &str) -> Option<Uri> {
    if key.contains("://") || key.starts_with("untitled:") {
        return key.parse().ok();
    }
    Uri::from_file_path(key)
}

pub struct Backend {
    client: Client,
    state: Arc<Mutex<State>>,
}

impl Backend {
    /// The answer to a frame the transport could not pass on: a JSON-RPC parse error.
    async fn invalid_message(&self, params: Value) -> Result<()> {
        let reason = params.get("reason").and_then(Value::as_str).unwrap_or("unreadable message");
        Err(tower_lsp_server::jsonrpc::Error {
            code: tower_lsp_server::jsonrpc::ErrorCode::ParseError,
            message: format!("tadqiq: {reason}").into(),
            data: None,
        })
    }

    fn state(&self) -> MutexGuard<'_, State> {
        // A panic while holding the lock must not take the server down with it.
        self.state.lock().unwrap_or_else(|p| p.into_inner())
    }

    /// Reads `tadqiq.toml` at the first root, reporting a bad one to the user.
    async fn load_config(&self) {
        let root = self.state().roots.first().cloned();
        let Some(root) = root else { return };
        let file = root.join(config::FILE_NAME);
        let loaded = if file.is_file() { Some(Config::load(&file)) } else { None };
        let message = match &loaded {
            Some(Err(e)) => Some(format!("tadqiq: {e}")),
            _ => None,
        };
        {
            let mut st = self.state();
            st.config = match loaded {
                Some(Ok(c)) => Some(c),
                _ => Some(Config::empty(root)),
            };
            st.ws = None;
            st.lines.clear();
        }
        if let Some(m) = message {
            self.client.show_message(MessageType::ERROR, m).await;
        }
    }

    /// Reads every article under the workspace folders into the index, with progress.
    async fn index_workspace(&self) {
        let (roots, progress) = {
            let st = self.state();
            (st.roots.clone(), st.progress)
        };
        let mut files = Vec::new();
        for root in &roots {
            for entry in ignore::WalkBuilder::new(root).require_git(false).build().flatten() {
                if entry.file_type().is_some_and(|t| t.is_file()) {
                    files.push(entry.into_path());
                }
            }
        }
        {
            let st = self.state();
            files.retain(|p| st.is_article(p));
        }
        files.sort();
        let token = ProgressToken::String("tadqiq/index".into());
        let reporter = if progress && self.client.create_work_done_progress(token.clone()).await.is_ok() {
            Some(self.client.progress(token, "tadqiq: indexing articles").with_percentage(0).begin().await)
        } else {
            None
        };
        // Read on every core, a batch at a time so progress moves, as `tadqiq check` does.
        const BATCH: usize = 100;
        let total = files.len().max(1);
        let mut sources = Vec::new();
        for (b, batch) in files.chunks(BATCH).enumerate() {
            let read = par_map(batch, |path| source::read(path).ok());
            {
                let st = self.state();
                for (path, decoded) in batch.iter().zip(read) {
                    let Some(decoded) = decoded else { continue };
                    let key = path.display().to_string();
                    let given = st.given(&key);
                    sources.push((key, decoded.text, given));
                }
            }
            if let Some(r) = &reporter {
                let n = ((b + 1) * BATCH).min(total);
                r.report_with_message(format!("{n}/{total}"), (n * 90 / total) as u32).await;
            }
        }
        {
            let mut st = self.state();
            // Open documents keep the editor's text.
            let open: Vec<(String, String)> = st.open.iter().map(|(u, o)| (key_of(u), o.rope.to_string())).collect();
            let mut sources = sources;
            sources.retain(|(k, _, _)| !open.iter().any(|(o, _)| o == k));
            for (k, text) in open {
                let given = st.given(&k);
                sources.push((k, text, given));
            }
            st.ws = None;
            st.lines.clear();
            st.ws().extend(sources);
        }
        if let Some(r) = reporter {
            r.finish_with_message(format!("{} articles", files.len())).await;
        }
        self.publish_all().await;
    }

    /// Re-analyses a document (after its debounce) and publishes what changed.
    async fn analyse(&self, uri: Uri, generation: Option<u64>) {
        {
            let mut st = self.state();
            let Some(open) = st.open.get(&uri) else { return };
            if generation.is_some_and(|g| g != open.generation) {
                return; // a newer edit will analyse
            }
            let text = open.rope.to_string();
            let key = key_of(&uri);
            let given = st.given(&key);
            st.lines.remove(&key);
            st.ws().upsert(&key, text, given);
        }
        self.publish_all().await;
    }

    /// Runs the rules and publishes, for every open document, the diagnostics that changed.
    async fn publish_all(&self) {
        let updates = {
            let mut st = self.state();
            let rules = st.rules();
            // Only open documents get diagnostics: only their findings are worked out.
            let open_keys: std::collections::HashSet<String> = st.open.keys().map(key_of).collect();
            let findings = crate::rules::check_scope(st.ws(), &rules, crate::rules::Scope::Only(&open_keys));
            let mut by_path: HashMap<&str, Vec<&Finding>> = HashMap::new();
            for f in &findings {
                by_path.entry(&f.path).or_default().push(f);
            }
            let open: Vec<(Uri, i32)> = st.open.iter().map(|(u, o)| (u.clone(), o.version)).collect();
            let mut updates = Vec::new();
            for (uri, version) in open {
                let key = key_of(&uri);
                let diagnostics: Vec<Diagnostic> = by_path
                    .get(key.as_str())
                    .map_or_else(Vec::new, |fs| fs.iter().filter_map(|f| diagnostic(&mut st, f)).collect());
                if st.published.get(&uri) != Some(&diagnostics) {
                    st.published.insert(uri.clone(), diagnostics.clone());
                    updates.push((uri, diagnostics, version));
                }
            }
            updates
        };
        for (uri, diagnostics, version) in updates {
            self.client.publish_diagnostics(uri, diagnostics, Some(version)).await;
        }
    }

    /// Waits for quiet, then analyses — unless a newer edit came in.
    fn schedule(&self, uri: Uri, generation: u64, debounce: Duration) {
        let backend = Backend { client: self.client.clone(), state: self.state.clone() };
        tokio::spawn(async move {
            tokio::time::sleep(debounce).await;
            backend.analyse(uri, Some(generation)).await;
        });
    }

    /// A file changed on disk: the disk is the truth unless the editor has it open.
    fn refresh_from_disk(&self, path: &Path) {
        let key = path.display().to_string();
        let mut st = self.state();
        if uri_of(&key).is_some_and(|u| st.open.contains_key(&u)) {
            return;
        }
        st.lines.remove(&key);
        let text = if st.is_article(path) { source::read(path).ok() } else { None };
        match text {
            Some(d) => {
                let given = st.given(&key);
                st.ws().upsert(&key, d.text, given);
            }
            None => {
                st.ws().remove(&key);
            }
        }
    }
}

/// A finding as an LSP diagnostic, with its related places in the other sources.
fn diagnostic(st: &mut State, f: &Finding) -> Option<Diagnostic> {
    let range = st.range(&f.path, f.span)?;
    let related = f
        .related
        .iter()
        .filter_map(|r| {
            Some(DiagnosticRelatedInformation {
                location: Location { uri: uri_of(&r.path)?, range: st.range(&r.path, r.span)? },
                message: r.message.clone(),
            })
        })
        .collect();
    Some(Diagnostic {
        range,
        severity: Some(match f.severity {
            Severity::Error => DiagnosticSeverity::ERROR,
            Severity::Warning => DiagnosticSeverity::WARNING,
            Severity::Info => DiagnosticSeverity::INFORMATION,
            Severity::Hint => DiagnosticSeverity::HINT,
        }),
        code: Some(NumberOrString::String(f.code.to_string())),
        source: Some("tadqiq".into()),
        message: f.message.clone(),
        related_information: Some(related),
        ..Default::default()
    })
}

impl LanguageServer for Backend {
    async fn initialize(&self, params: InitializeParams) -> Result<InitializeResult> {
        let (problems, encoding) = {
            let mut st = self.state();
            let problems = params.initialization_options.as_ref().map_or_else(Vec::new, |o| st.settings.update(o));
            let general = params.capabilities.general.as_ref();
            let offered = general.and_then(|g| g.position_encodings.clone()).unwrap_or_default();
            let encoding = if offered.contains(&PositionEncodingKind::UTF8) { Encoding::Utf8 } else { Encoding::Utf16 };
            st.encoding = Some(encoding);
            let workspace = params.capabilities.workspace.as_ref();
            st.dynamic_watchers = workspace
                .and_then(|w| w.did_change_watched_files.as_ref())
                .and_then(|d| d.dynamic_registration)
                .unwrap_or(false);
            st.progress = params.capabilities.window.as_ref().and_then(|w| w.work_done_progress).unwrap_or(false);
            let mut roots: Vec<PathBuf> = params
                .workspace_folders
                .iter()
                .flatten()
                .filter_map(|f| f.uri.to_file_path().map(|p| p.into_owned()))
                .collect();
            #[allow(deprecated)]
            if roots.is_empty()
                && let Some(p) = params.root_uri.as_ref().and_then(|u| u.to_file_path())
            {
                roots.push(p.into_owned());
            }
            st.roots = roots;
            (problems, encoding)
        };
        for p in problems {
            self.client.show_message(MessageType::WARNING, format!("tadqiq settings: {p}")).await;
        }
        Ok(InitializeResult {
            capabilities: ServerCapabilities {
                position_encoding: Some(match encoding {
                    Encoding::Utf8 => PositionEncodingKind::UTF8,
                    Encoding::Utf16 => PositionEncodingKind::UTF16,
                }),
                text_document_sync: Some(TextDocumentSyncCapability::Options(TextDocumentSyncOptions {
                    open_close: Some(true),
                    change: Some(TextDocumentSyncKind::INCREMENTAL),
                    save: Some(TextDocumentSyncSaveOptions::Supported(true)),
                    ..Default::default()
                })),
                hover_provider: Some(HoverProviderCapability::Simple(true)),
                definition_provider: Some(OneOf::Left(true)),
                references_provider: Some(OneOf::Left(true)),
                document_symbol_provider: Some(OneOf::Left(true)),
                workspace_symbol_provider: Some(OneOf::Left(true)),
                code_action_provider: Some(CodeActionProviderCapability::Simple(true)),
                inlay_hint_provider: Some(OneOf::Left(true)),
                workspace: Some(WorkspaceServerCapabilities {
                    workspace_folders: Some(WorkspaceFoldersServerCapabilities {
                        supported: Some(true),
                        change_notifications: Some(OneOf::Left(true)),
                    }),
                    file_operations: None,
                }),
                ..Default::default()
            },
            server_info: Some(ServerInfo { name: "tadqiq".into(), version: Some(env!("CARGO_PKG_VERSION").into()) }),
            offset_encoding: None,
        })
    }

    async fn initialized(&self, _: InitializedParams) {
        self.load_config().await;
        if self.state().dynamic_watchers {
            let globs = config::DEFAULT_EXTENSIONS.iter().map(|e| format!("**/*.{e}"));
            let watchers = globs
                .chain([format!("**/{}", config::FILE_NAME)])
                .map(|g| FileSystemWatcher { glob_pattern: GlobPattern::String(g), kind: None })
                .collect();
            let options = DidChangeWatchedFilesRegistrationOptions { watchers };
            let registration = Registration {
                id: "tadqiq-watch".into(),
                method: "workspace/didChangeWatchedFiles".into(),
                register_options: serde_json::to_value(options).ok(),
            };
            let _ = self.client.register_capability(vec![registration]).await;
        }
        self.index_workspace().await;
    }

    async fn shutdown(&self) -> Result<()> {
        Ok(())
    }

    async fn did_open(&self, params: DidOpenTextDocumentParams) {
        let doc = params.text_document;
        {
            let mut st = self.state();
            let generation = st.open.get(&doc.uri).map_or(0, |o| o.generation + 1);
            st.open.insert(doc.uri.clone(), Open { rope: Rope::from_str(&doc.text), version: doc.version, generation });
        }
        self.analyse(doc.uri, None).await;
    }

    async fn did_change(&self, params: DidChangeTextDocumentParams) {
        // Applied at once, before any await: a later request never sees a half-applied edit.
        let scheduled = {
            let mut st = self.state();
            let encoding = st.encoding();
            let debounce = st.settings.debounce;
            let Some(open) = st.open.get_mut(&params.text_document.uri) else { return };
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
        let (generation, debounce) = scheduled;
        if debounce.is_zero() {
            self.analyse(params.text_document.uri, Some(generation)).await;
        } else {
            self.schedule(params.text_document.uri, generation, debounce);
        }
    }

    async fn did_save(&self, params: DidSaveTextDocumentParams) {
        self.analyse(params.text_document.uri, None).await;
    }

    async fn did_close(&self, params: DidCloseTextDocumentParams) {
        let uri = params.text_document.uri;
        {
            let mut st = self.state();
            st.open.remove(&uri);
            st.published.remove(&uri);
        }
        // The file on disk is the truth again (or the document is gone, if it never was one).
        match uri.to_file_path() {
            Some(path) => self.refresh_from_disk(&path),
            None => {
                let key = key_of(&uri);
                self.state().ws().remove(&key);
            }
        }
        self.client.publish_diagnostics(uri, Vec::new(), None).await;
        self.publish_all().await;
    }

    async fn did_change_configuration(&self, params: DidChangeConfigurationParams) {
        let (problems, published_changed) = {
            let mut st = self.state();
            let before = st.settings.published;
            let problems = st.settings.update(&params.settings);
            (problems, st.settings.published != before)
        };
        for p in problems {
            self.client.show_message(MessageType::WARNING, format!("tadqiq settings: {p}")).await;
        }
        // Editors send their settings right after start-up and on any change: only a new
        // publication date changes what the sources say; severities only change what is shown.
        if published_changed {
            self.index_workspace().await;
        } else {
            self.publish_all().await;
        }
    }

    async fn did_change_watched_files(&self, params: DidChangeWatchedFilesParams) {
        let mut config_changed = false;
        for change in params.changes {
            let Some(path) = change.uri.to_file_path() else { continue };
            if path.file_name().is_some_and(|n| n == config::FILE_NAME) {
                config_changed = true;
                continue;
            }
            self.refresh_from_disk(&path);
        }
        if config_changed {
            self.load_config().await;
            self.index_workspace().await;
        } else {
            self.publish_all().await;
        }
    }

    async fn did_change_workspace_folders(&self, params: DidChangeWorkspaceFoldersParams) {
        {
            let mut st = self.state();
            for removed in params.event.removed {
                if let Some(p) = removed.uri.to_file_path() {
                    let p = p.into_owned();
                    st.roots.retain(|r| *r != p);
                }
            }
            for added in params.event.added {
                if let Some(p) = added.uri.to_file_path() {
                    st.roots.push(p.into_owned());
                }
            }
        }
        self.load_config().await;
        self.index_workspace().await;
    }

    async fn hover(&self, params: HoverParams) -> Result<Option<Hover>> {
        Ok(features::hover(&mut self.state(), params))
    }

    async fn goto_definition(&self, params: GotoDefinitionParams) -> Result<Option<GotoDefinitionResponse>> {
        Ok(features::definition(&mut self.state(), params))
    }

    async fn references(&self, params: ReferenceParams) -> Result<Option<Vec<Location>>> {
        Ok(features::references(&mut self.state(), params))
    }

    async fn document_symbol(&self, params: DocumentSymbolParams) -> Result<Option<DocumentSymbolResponse>> {
        Ok(features::document_symbols(&mut self.state(), params))
    }

    async fn symbol(&self, params: WorkspaceSymbolParams) -> Result<Option<WorkspaceSymbolResponse>> {
        Ok(features::workspace_symbols(&mut self.state(), params))
    }

    async fn inlay_hint(&self, params: InlayHintParams) -> Result<Option<Vec<InlayHint>>> {
        Ok(features::inlay_hints(&mut self.state(), params))
    }

    async fn code_action(&self, params: CodeActionParams) -> Result<Option<CodeActionResponse>> {
        Ok(features::code_actions(&mut self.state(), params))
    }
}

/// `tadqiq lsp`: serves on stdin and stdout.
pub fn main() -> u8 {
    let runtime = match tokio::runtime::Builder::new_multi_thread().worker_threads(2).enable_all().build() {
        Ok(r) => r,
        Err(e) => {
            eprintln!("tadqiq lsp: cannot start: {e}");
            return 2;
        }
    };
    runtime.block_on(serve(tokio::io::stdin(), tokio::io::stdout()));
    // Reading stdin holds a blocking thread that only the next byte would free: after `exit`,
    // don't wait for it.
    runtime.shutdown_timeout(Duration::from_millis(100));
    0
}
