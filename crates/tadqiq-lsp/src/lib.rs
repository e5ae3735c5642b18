//! `tadqiq lsp`: the language server. A thin adapter over tadqiq-core: it keeps what the
//! editor says (the [`session`]), has the analysis [`worker`] build immutable snapshots of the
//! workspace, answers [`requests`] from a snapshot, and converts positions at the boundary
//! ([`convert`]). Only this crate knows URIs, UTF-16 and JSON-RPC.
//!
//! tower-lsp-server runs up to four handlers at once. Notifications apply their change to the
//! session before anything awaits, so edits land in arrival order and a request never sees a
//! half-applied edit; no handler awaits a reply from the client (the worker does that), so the
//! read loop is never starved of the replies it waits for.

pub mod convert;
mod diagnostics;
mod notifications;
mod requests;
mod session;
mod settings;
mod transport;
mod worker;

use std::path::PathBuf;
use std::time::Duration;

use serde_json::Value;
use tadqiq_core::messages::Lang;
use tower_lsp_server::jsonrpc::Result;
use tower_lsp_server::ls_types::*;
use tower_lsp_server::{Client, LanguageServer, LspService, Server};

pub use convert::Encoding;
pub use settings::Settings;

use requests::code_action::Live;
use session::Shared;
use worker::{Job, Jobs};

/// How the server ended: `exit` after `shutdown` (0), or anything else (1), as LSP asks.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Ending {
    Clean,
    WithoutShutdown,
}

impl Ending {
    pub fn code(self) -> u8 {
        match self {
            Ending::Clean => 0,
            Ending::WithoutShutdown => 1,
        }
    }
}

/// Serves LSP on the given streams until the client exits or the input ends.
pub async fn serve<I, O>(input: I, output: O) -> Ending
where
    I: tokio::io::AsyncRead + Unpin + Send + 'static,
    O: tokio::io::AsyncWrite,
{
    let shared = Shared::default();
    let (service, socket) = LspService::build(|client| {
        let jobs = worker::spawn(shared.clone(), client.clone());
        Backend { client, shared: shared.clone(), jobs }
    })
    .custom_method(transport::INVALID, Backend::invalid_message)
    .finish();
    Server::new(transport::sanitize(input), output, socket).serve(service).await;
    if shared.lock().shut_down { Ending::Clean } else { Ending::WithoutShutdown }
}

pub struct Backend {
    client: Client,
    shared: Shared,
    jobs: Jobs,
}

impl Backend {
    /// The answer to a frame the transport could not pass on: a JSON-RPC error, as the
    /// transport classed it (a parse error, or an invalid request).
    async fn invalid_message(&self, params: Value) -> Result<()> {
        let reason = params.get("reason").and_then(Value::as_str).unwrap_or("unreadable message");
        let code = match params.get("code").and_then(Value::as_i64) {
            Some(-32600) => tower_lsp_server::jsonrpc::ErrorCode::InvalidRequest,
            _ => tower_lsp_server::jsonrpc::ErrorCode::ParseError,
        };
        Err(tower_lsp_server::jsonrpc::Error { code, message: format!("tadqiq: {reason}").into(), data: None })
    }

    fn view(&self) -> session::View {
        self.shared.lock().view()
    }

    async fn warn_settings(&self, problems: Vec<String>) {
        for p in problems {
            self.client.show_message(MessageType::WARNING, format!("tadqiq settings: {p}")).await;
        }
    }
}

impl LanguageServer for Backend {
    async fn initialize(&self, params: InitializeParams) -> Result<InitializeResult> {
        let (problems, encoding) = {
            let mut s = self.shared.lock();
            let problems = params.initialization_options.as_ref().map_or_else(Vec::new, |o| s.settings.update(o));
            let general = params.capabilities.general.as_ref();
            let offered = general.and_then(|g| g.position_encodings.clone()).unwrap_or_default();
            s.encoding = if offered.contains(&PositionEncodingKind::UTF8) { Encoding::Utf8 } else { Encoding::Utf16 };
            let workspace = params.capabilities.workspace.as_ref();
            s.caps.dynamic_watchers = workspace
                .and_then(|w| w.did_change_watched_files.as_ref())
                .and_then(|d| d.dynamic_registration)
                .unwrap_or(false);
            s.caps.document_changes =
                workspace.and_then(|w| w.workspace_edit.as_ref()).and_then(|e| e.document_changes).unwrap_or(false);
            s.caps.progress = params.capabilities.window.as_ref().and_then(|w| w.work_done_progress).unwrap_or(false);
            s.locale = params.locale.as_ref().map(|l| Lang::from_locale(Some(l.clone())));
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
            roots.dedup();
            s.roots = roots;
            (problems, s.encoding)
        };
        self.warn_settings(problems).await;
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
                code_action_provider: Some(CodeActionProviderCapability::Options(CodeActionOptions {
                    code_action_kinds: Some(vec![CodeActionKind::QUICKFIX, CodeActionKind::REFACTOR]),
                    ..Default::default()
                })),
                inlay_hint_provider: Some(OneOf::Left(true)),
                execute_command_provider: Some(ExecuteCommandOptions {
                    commands: requests::execute_command::commands(),
                    ..Default::default()
                }),
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
        if self.shared.lock().caps.dynamic_watchers {
            self.jobs.send(Job::RegisterWatchers);
        }
        self.jobs.send(Job::Index);
    }

    async fn shutdown(&self) -> Result<()> {
        self.shared.lock().shut_down = true;
        Ok(())
    }

    async fn did_open(&self, params: DidOpenTextDocumentParams) {
        notifications::did_open::did_open(&self.shared, &self.jobs, params);
    }

    async fn did_change(&self, params: DidChangeTextDocumentParams) {
        notifications::did_change::did_change(&self.shared, &self.jobs, params);
    }

    async fn did_save(&self, params: DidSaveTextDocumentParams) {
        notifications::did_save::did_save(&self.jobs, params);
    }

    async fn did_close(&self, params: DidCloseTextDocumentParams) {
        notifications::did_close::did_close(&self.shared, &self.jobs, params);
    }

    async fn did_change_configuration(&self, params: DidChangeConfigurationParams) {
        let problems =
            notifications::did_change_configuration::did_change_configuration(&self.shared, &self.jobs, params);
        self.warn_settings(problems).await;
    }

    async fn did_change_watched_files(&self, params: DidChangeWatchedFilesParams) {
        notifications::did_change_watched_files::did_change_watched_files(&self.jobs, params);
    }

    async fn did_change_workspace_folders(&self, params: DidChangeWorkspaceFoldersParams) {
        notifications::did_change_workspace_folders::did_change_workspace_folders(&self.shared, &self.jobs, params);
    }

    async fn hover(&self, params: HoverParams) -> Result<Option<Hover>> {
        Ok(requests::hover::hover(&self.view(), params))
    }

    async fn goto_definition(&self, params: GotoDefinitionParams) -> Result<Option<GotoDefinitionResponse>> {
        Ok(requests::definition::definition(&self.view(), params))
    }

    async fn references(&self, params: ReferenceParams) -> Result<Option<Vec<Location>>> {
        Ok(requests::references::references(&self.view(), params))
    }

    async fn document_symbol(&self, params: DocumentSymbolParams) -> Result<Option<DocumentSymbolResponse>> {
        Ok(requests::document_symbol::document_symbols(&self.view(), params))
    }

    async fn symbol(&self, params: WorkspaceSymbolParams) -> Result<Option<WorkspaceSymbolResponse>> {
        Ok(requests::workspace_symbol::workspace_symbols(&self.view(), params))
    }

    async fn inlay_hint(&self, params: InlayHintParams) -> Result<Option<Vec<InlayHint>>> {
        Ok(requests::inlay_hint::inlay_hints(&self.view(), params))
    }

    async fn execute_command(&self, params: ExecuteCommandParams) -> Result<Option<LSPAny>> {
        let (view, rules) = {
            let s = self.shared.lock();
            (s.view(), s.rules())
        };
        requests::execute_command::execute_command(view, rules, params).await
    }

    async fn code_action(&self, params: CodeActionParams) -> Result<Option<CodeActionResponse>> {
        let (view, live, config_live) = {
            let s = self.shared.lock();
            let live_of = |uri: &Uri| {
                s.open.get(uri).map(|o| Live { rope: o.rope.clone(), version: o.version, generation: o.generation })
            };
            let config_uri = s.roots.first().and_then(|r| Uri::from_file_path(r.join(tadqiq_core::config::FILE_NAME)));
            (s.view(), live_of(&params.text_document.uri), config_uri.as_ref().and_then(live_of))
        };
        Ok(requests::code_action::code_actions(&view, live, config_live, params))
    }
}

/// `tadqiq lsp`: serves on stdin and stdout. The exit code is 0 after `shutdown` and `exit`,
/// 1 when the client exits without `shutdown` or the input ends.
pub fn main() -> u8 {
    let runtime = match tokio::runtime::Builder::new_multi_thread().worker_threads(2).enable_all().build() {
        Ok(r) => r,
        Err(e) => {
            eprintln!("tadqiq lsp: cannot start: {e}");
            return 2;
        }
    };
    let ending = runtime.block_on(serve(tokio::io::stdin(), tokio::io::stdout()));
    // Reading stdin holds a blocking thread that only the next byte would free: after `exit`,
    // don't wait for it.
    runtime.shutdown_timeout(Duration::from_millis(100));
    ending.code()
}
