//! The analysis worker: the one task that builds snapshots.
//!
//! Handlers only queue jobs; they never analyse, and never await the client while they hold
//! one of the protocol library's handler slots (a handler awaiting a reply the read loop can
//! no longer read was a deadlock). The worker takes every job queued, merges them (a re-index
//! supersedes the edits, refreshes and re-indexes queued before it), builds the new state on a
//! blocking thread from a clone of the current one, swaps it in whole, and publishes the
//! diagnostics that changed. Until the swap, requests answer from the old state.

use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;

use tadqiq_core::analysis::PublishedSource;
use tadqiq_core::calendar::DateValue;
use tadqiq_core::files;
use tadqiq_core::messages::{Lang, fill, msg, say, verbatim};
use tadqiq_core::rules::{Finding, RuleSettings, Scope, check_scope};
use tadqiq_core::workspace::{Workspace, par_map};
use tokio::sync::mpsc::{UnboundedReceiver, UnboundedSender, unbounded_channel};
use tower_lsp_server::ls_types::*;
use tower_lsp_server::{Bounded, Client, NotCancellable, OngoingProgress};

use crate::convert::Encoding;
use crate::diagnostics::{Data, diagnostic};
use crate::session::{Analysed, Shared, Snapshot, key_of, load_config};

/// What the worker is asked to do.
#[derive(Debug)]
pub enum Job {
    /// Read `tadqiq.toml` and every article under the workspace folders afresh.
    Index,
    /// Analyse an open document's text; `generation: Some(g)` only if no edit came since.
    Analyse { uri: Uri, generation: Option<u64> },
    /// Files changed on disk: the disk is the truth for those the editor does not have open.
    Refresh(Vec<PathBuf>),
    /// The editor closed a document: its file on disk is the truth again.
    Closed(Uri),
    /// Settings changed what is shown, not what the sources say: publish again.
    Publish,
    /// Tell the client which files to watch (it answers; the worker, not a handler, waits).
    RegisterWatchers,
}

#[derive(Clone)]
pub struct Jobs(UnboundedSender<Job>);

impl Jobs {
    pub fn send(&self, job: Job) {
        // The worker ends only with the server.
        let _ = self.0.send(job);
    }
}

pub fn spawn(shared: Shared, client: Client) -> Jobs {
    let (tx, rx) = unbounded_channel();
    tokio::spawn(run(Worker { shared, client }, rx));
    Jobs(tx)
}

#[derive(Clone)]
struct Worker {
    shared: Shared,
    client: Client,
}

/// Jobs taken together: what to do with them.
#[derive(Default)]
struct Plan {
    index: bool,
    analyse: Vec<(Uri, Option<u64>)>,
    refresh: Vec<PathBuf>,
    closed: Vec<Uri>,
    register: bool,
}

impl Plan {
    fn of(jobs: Vec<Job>) -> Plan {
        let mut plan = Plan::default();
        for job in jobs {
            match job {
                Job::Index => {
                    // A re-index reads everything afresh, including the open documents' text.
                    plan.index = true;
                    plan.analyse.clear();
                    plan.refresh.clear();
                }
                Job::Analyse { uri, generation } => plan.analyse.push((uri, generation)),
                Job::Refresh(paths) => plan.refresh.extend(paths),
                Job::Closed(uri) => plan.closed.push(uri),
                Job::Publish => {}
                Job::RegisterWatchers => plan.register = true,
            }
        }
        plan
    }
}

async fn run(worker: Worker, mut rx: UnboundedReceiver<Job>) {
    while let Some(first) = rx.recv().await {
        let mut jobs = vec![first];
        while let Ok(job) = rx.try_recv() {
            jobs.push(job);
        }
        let plan = Plan::of(jobs);
        // A panic in the analysis ends this round, not the worker: the last state stands and
        // the user is told.
        let round = tokio::spawn({
            let worker = worker.clone();
            async move { worker.execute(plan).await }
        });
        if let Err(e) = round.await {
            let lang = worker.shared.lock().lang();
            let message = fill(lang, "progress.failed", &[("error", &verbatim(&e.to_string()))]);
            worker.client.log_message(MessageType::ERROR, message).await;
        }
    }
}

/// A source to (re)read, as the blocking build sees it.
enum Change {
    /// An open document's text, with what the snapshot records of it.
    Open { uri: Uri, key: String, text: String, analysed: Analysed, given: Given },
    /// A file the disk is the truth for; `article: false` means it is no source (any more).
    Disk { key: String, path: PathBuf, article: bool, given: Given },
    /// A document that was never a file («untitled:») and is gone.
    Gone { key: String },
}

type Given = Option<(DateValue, PublishedSource)>;

impl Worker {
    async fn execute(&self, plan: Plan) {
        if plan.register {
            self.register_watchers().await;
        }
        let closed = plan.closed.clone();
        if plan.index {
            self.index().await;
        }
        if !plan.analyse.is_empty() || !plan.refresh.is_empty() || !plan.closed.is_empty() {
            self.update(plan).await;
        }
        self.publish(&closed).await;
    }

    async fn register_watchers(&self) {
        let globs = tadqiq_core::config::DEFAULT_EXTENSIONS.iter().map(|e| format!("**/*.{e}"));
        let watchers = globs
            .chain([format!("**/{}", tadqiq_core::config::FILE_NAME)])
            .map(|g| FileSystemWatcher { glob_pattern: GlobPattern::String(g), kind: None })
            .collect();
        let options = DidChangeWatchedFilesRegistrationOptions { watchers };
        let registration = Registration {
            id: "tadqiq-watch".into(),
            method: "workspace/didChangeWatchedFiles".into(),
            register_options: serde_json::to_value(options).ok(),
        };
        // A client that never answers must not stop the analysis.
        let _ = tokio::time::timeout(Duration::from_secs(5), self.client.register_capability(vec![registration])).await;
    }

    /// Reads the configuration and every article under the workspace folders into a new
    /// workspace, with progress; open documents keep the editor's text.
    async fn index(&self) {
        let (roots, progress) = {
            let s = self.shared.lock();
            (s.roots.clone(), s.caps.progress)
        };
        let (config, problem) = blocking({
            let roots = roots.clone();
            move || load_config(&roots)
        })
        .await;
        if let Some(message) = problem {
            self.client.show_message(MessageType::ERROR, message).await;
        }
        let config = Arc::new(config);
        let found = blocking({
            let (roots, config) = (roots.clone(), config.clone());
            move || files::articles(&roots, |p| config.is_article(p))
        })
        .await;
        for (path, problem) in &found.problems {
            self.client.log_message(MessageType::WARNING, format!("tadqiq: {}: {problem}", path.display())).await;
        }
        let reporter = if progress { self.begin_progress().await } else { None };
        // Read on every core, a batch at a time so progress moves.
        const BATCH: usize = 100;
        let total = found.files.len().max(1);
        let mut read: Vec<(String, String)> = Vec::new();
        let mut skipped: Vec<(PathBuf, String)> = Vec::new();
        for (b, batch) in found.files.chunks(BATCH).enumerate() {
            let batch = batch.to_vec();
            let max = config.max_file_bytes;
            let roots = roots.clone();
            let results = blocking(move || {
                // Found in a workspace folder by the walk ([`files::read_walked`]), unless a
                // root is itself a file.
                let read = |path: &PathBuf| {
                    if roots.contains(path) { files::read(path, max) } else { files::read_walked(path, max) }
                };
                let texts = par_map(&batch, read);
                batch.into_iter().zip(texts).collect::<Vec<_>>()
            })
            .await;
            for (path, result) in results {
                match result {
                    Ok(decoded) => read.push((path.display().to_string(), decoded.text)),
                    Err(reason) => skipped.push((path, reason)),
                }
            }
            if let Some(r) = &reporter {
                let n = ((b + 1) * BATCH).min(total);
                r.report_with_message(format!("{n}/{total}"), (n * 90 / total) as u32).await;
            }
        }
        self.tell_skipped(&skipped).await;
        let (sources, analysed) = {
            let mut s = self.shared.lock();
            s.config = config.clone();
            let mut open = HashMap::new();
            let mut sources: Vec<(String, String, Given)> = Vec::new();
            for (uri, o) in &s.open {
                let key = key_of(uri);
                open.insert(key.clone(), ());
                sources.push((key.clone(), o.rope.to_string(), s.given(&key)));
            }
            let analysed: HashMap<Uri, Analysed> = s
                .open
                .iter()
                .map(|(u, o)| {
                    (u.clone(), Analysed { rope: o.rope.clone(), version: o.version, generation: o.generation })
                })
                .collect();
            for (key, text) in read {
                if !open.contains_key(&key) {
                    let given = s.given(&key);
                    sources.push((key, text, given));
                }
            }
            (sources, analysed)
        };
        let n = sources.len();
        let ws = blocking({
            let config = config.clone();
            move || {
                let mut ws = Workspace::new(Arc::new(config.gazetteer()));
                let keys: Vec<String> = sources.iter().map(|(k, _, _)| k.clone()).collect();
                ws.extend(sources);
                // Stories and outlets tadqiq.toml names; every other source is in its folder's
                // story and named by its front matter or file name.
                for key in keys {
                    let meta = config.source(std::path::Path::new(&key));
                    ws.set_story(&key, meta.story.as_deref());
                    ws.set_outlet(&key, meta.outlet.as_deref());
                }
                ws
            }
        })
        .await;
        {
            let mut s = self.shared.lock();
            let findings = s.snapshot.findings.clone();
            s.snapshot = Arc::new(Snapshot { ws, config, analysed, findings });
        }
        if let Some(r) = reporter {
            let lang = self.shared.lock().lang();
            r.finish_with_message(fill(lang, "progress.done", &[("n", &n.to_string())])).await;
        }
    }

    async fn begin_progress(&self) -> Option<OngoingProgress<Bounded, NotCancellable>> {
        let token = ProgressToken::String("tadqiq/index".into());
        let created =
            tokio::time::timeout(Duration::from_secs(5), self.client.create_work_done_progress(token.clone())).await;
        if !matches!(created, Ok(Ok(()))) {
            return None;
        }
        let title = say(self.shared.lock().lang(), "progress.indexing");
        Some(self.client.progress(token, title).with_percentage(0).begin().await)
    }

    /// Files that were not read: each in the log, and one message the user sees.
    async fn tell_skipped(&self, skipped: &[(PathBuf, String)]) {
        if skipped.is_empty() {
            return;
        }
        for (path, reason) in skipped {
            self.client
                .log_message(MessageType::WARNING, format!("tadqiq: {}: not read: {reason}", path.display()))
                .await;
        }
        let (path, reason) = &skipped[0];
        let lang = self.shared.lock().lang();
        let more = if skipped.len() > 1 {
            msg("progress.not-read-more", &[("n", &(skipped.len() - 1).to_string())])
        } else {
            String::new()
        };
        let path = path.display().to_string();
        let message = fill(
            lang,
            "progress.not-read",
            &[("path", &verbatim(&path)), ("reason", &verbatim(reason)), ("more", &more)],
        );
        self.client.show_message(MessageType::WARNING, message).await;
    }

    /// Applies edits, refreshes from disk and closes to a clone of the workspace.
    async fn update(&self, plan: Plan) {
        let (base, changes, max) = {
            let s = self.shared.lock();
            let mut changes = Vec::new();
            // Per document, whether a request is for its text as it is now: an unconditional
            // one (open, save), or one for its current generation. Debounced requests arrive in
            // any order; those for older generations are stale (a newer one is on its way).
            let mut wanted: Vec<&Uri> = Vec::new();
            for (uri, generation) in &plan.analyse {
                let Some(open) = s.open.get(uri) else { continue };
                let now = generation.is_none_or(|g| g == open.generation);
                let done = generation.is_some()
                    && s.snapshot.analysed.get(uri).is_some_and(|a| a.generation == open.generation);
                if now && !done && !wanted.contains(&uri) {
                    wanted.push(uri);
                }
            }
            for uri in wanted {
                let Some(open) = s.open.get(uri) else { continue };
                let key = key_of(uri);
                let given = s.given(&key);
                let analysed = Analysed { rope: open.rope.clone(), version: open.version, generation: open.generation };
                changes.push(Change::Open { uri: uri.clone(), key, text: open.rope.to_string(), analysed, given });
            }
            for path in &plan.refresh {
                let key = path.display().to_string();
                if crate::session::uri_of(&key).is_some_and(|u| s.open.contains_key(&u)) {
                    continue;
                }
                let given = s.given(&key);
                changes.push(Change::Disk { key, path: path.clone(), article: s.is_article(path), given });
            }
            for uri in &plan.closed {
                if s.open.contains_key(uri) {
                    continue; // opened again since
                }
                let key = key_of(uri);
                match uri.to_file_path() {
                    Some(path) => {
                        let given = s.given(&key);
                        let article = s.is_article(&path);
                        changes.push(Change::Disk { key, path: path.into_owned(), article, given });
                    }
                    None => changes.push(Change::Gone { key }),
                }
            }
            (s.snapshot.clone(), changes, s.config.max_file_bytes)
        };
        let stories = base.config.clone();
        if changes.is_empty() {
            return;
        }
        let (ws, analysed, skipped) = blocking(move || {
            let mut ws = base.ws.clone();
            let mut analysed = Vec::new();
            let mut skipped = Vec::new();
            for change in changes {
                match change {
                    Change::Open { uri, key, text, analysed: a, given } => {
                        ws.upsert(&key, text, given);
                        let meta = stories.source(std::path::Path::new(&key));
                        ws.set_story(&key, meta.story.as_deref());
                        ws.set_outlet(&key, meta.outlet.as_deref());
                        analysed.push((uri, Some(a)));
                    }
                    Change::Disk { key, path, article, given } => {
                        let read = if article { Some(files::read(&path, max)) } else { None };
                        match read {
                            Some(Ok(d)) => {
                                ws.upsert(&key, d.text, given);
                                let meta = stories.source(&path);
                                ws.set_story(&key, meta.story.as_deref());
                                ws.set_outlet(&key, meta.outlet.as_deref());
                            }
                            Some(Err(reason)) => {
                                if path.exists() {
                                    skipped.push((path, reason));
                                }
                                ws.remove(&key);
                            }
                            None => {
                                ws.remove(&key);
                            }
                        }
                        if let Some(uri) = crate::session::uri_of(&key) {
                            analysed.push((uri, None));
                        }
                    }
                    Change::Gone { key } => {
                        ws.remove(&key);
                        if let Some(uri) = crate::session::uri_of(&key) {
                            analysed.push((uri, None));
                        }
                    }
                }
            }
            (ws, analysed, skipped)
        })
        .await;
        self.tell_skipped(&skipped).await;
        let mut s = self.shared.lock();
        let old = s.snapshot.clone();
        let mut map = old.analysed.clone();
        for (uri, a) in analysed {
            match a {
                Some(a) => map.insert(uri, a),
                None => map.remove(&uri),
            };
        }
        s.snapshot =
            Arc::new(Snapshot { ws, config: old.config.clone(), analysed: map, findings: old.findings.clone() });
    }

    /// Runs the rules for the open documents and publishes the diagnostics that changed; a
    /// closed document gets an empty list once.
    async fn publish(&self, closed: &[Uri]) {
        let (snapshot, rules, encoding, lang) = {
            let s = self.shared.lock();
            (s.snapshot.clone(), s.rules(), s.encoding, s.lang())
        };
        let computed = blocking({
            let snapshot = snapshot.clone();
            move || diagnose(&snapshot, &rules, encoding, lang)
        })
        .await;
        let mut updates = Vec::new();
        {
            let mut s = self.shared.lock();
            // The snapshot is the worker's own to replace: nothing else built one since.
            let current = s.snapshot.clone();
            let findings = computed.iter().map(|(uri, (f, _, _))| (uri.clone(), f.clone())).collect();
            s.snapshot = Arc::new(Snapshot {
                ws: current.ws.clone(),
                config: current.config.clone(),
                analysed: current.analysed.clone(),
                findings,
            });
            for uri in closed {
                if !s.open.contains_key(uri) && s.published.remove(uri).is_some() {
                    updates.push((uri.clone(), Vec::new(), None));
                }
            }
            for (uri, (_, diagnostics, version)) in computed {
                if !s.open.contains_key(&uri) {
                    continue;
                }
                if s.published.get(&uri) != Some(&diagnostics) {
                    s.published.insert(uri.clone(), diagnostics.clone());
                    updates.push((uri, diagnostics, Some(version)));
                }
            }
        }
        for (uri, diagnostics, version) in updates {
            self.client.publish_diagnostics(uri, diagnostics, version).await;
        }
    }
}

/// An open document's findings, their diagnostics, and the version they are of.
type Diagnosed = (Arc<Vec<Finding>>, Vec<Diagnostic>, i32);

/// Per analysed open document: what it is diagnosed with.
fn diagnose(snapshot: &Snapshot, rules: &RuleSettings, encoding: Encoding, lang: Lang) -> HashMap<Uri, Diagnosed> {
    let keys: HashMap<String, &Uri> = snapshot.analysed.keys().map(|u| (key_of(u), u)).collect();
    let wanted: std::collections::HashSet<String> = keys.keys().cloned().collect();
    let findings = check_scope(&snapshot.ws, rules, Scope::Only(&wanted));
    let mut by_path: HashMap<&str, Vec<Finding>> = HashMap::new();
    for f in findings {
        if keys.contains_key(&*f.path) {
            by_path
                .entry(keys.get_key_value(&*f.path).map(|(k, _)| k.as_str()).unwrap_or_default())
                .or_default()
                .push(f);
        }
    }
    let mut out = HashMap::new();
    for (key, uri) in &keys {
        let Some(analysed) = snapshot.analysed.get(*uri) else { continue };
        let found = by_path.remove(key.as_str()).unwrap_or_default();
        let diagnostics = found
            .iter()
            .enumerate()
            .filter_map(|(i, f)| {
                diagnostic(&snapshot.ws, f, encoding, lang, Data { finding: i, version: analysed.version })
            })
            .collect();
        out.insert((*uri).clone(), (Arc::new(found), diagnostics, analysed.version));
    }
    out
}

/// Runs CPU-bound work off the runtime's threads, so the read loop and requests keep going.
async fn blocking<R: Send + 'static>(f: impl FnOnce() -> R + Send + 'static) -> R {
    match tokio::task::spawn_blocking(f).await {
        Ok(r) => r,
        Err(e) => match e.try_into_panic() {
            Ok(panic) => std::panic::resume_unwind(panic),
            // Cancelled: the runtime is shutting down (the server is exiting). Nothing waits
            // for the result; the task is dropped with the runtime.
            Err(_) => std::future::pending().await,
        },
    }
}
