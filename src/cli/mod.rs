//! The `tadqiq` command line. Only this module knows about exit codes, output formats and the
//! file system's walk; the analysis it prints comes from the core.

use std::io::{self, IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::Arc;

use clap::{Args, Parser, Subcommand};
use serde_json::{Value, json};

use tadqiq_core::analysis::PublishedSource;
use tadqiq_core::calendar::DateValue;
use tadqiq_core::config::{self, Config};
use tadqiq_core::entities::gazetteer::Gazetteer;
use tadqiq_core::extract::Span;
use tadqiq_core::files;
use tadqiq_core::messages::Lang;
use tadqiq_core::position::LineIndex;
use tadqiq_core::workspace::{Workspace, par_map};

mod check;
mod extract;
mod json_writer;
mod report;

/// Exit codes: nothing to report, findings, or the run could not be done.
pub const EXIT_OK: u8 = 0;
pub const EXIT_FINDINGS: u8 = 1;
pub const EXIT_UNUSABLE: u8 = 2;

#[derive(Parser, Debug)]
#[command(name = "tadqiq", version, about = "Checks dates and figures in Arabic news articles across sources")]
struct Cli {
    #[command(subcommand)]
    command: Command,
    /// The language of messages, summaries, explanations and the report page. Default: Arabic
    /// when the locale (LC_ALL, LC_MESSAGES, LANG) is Arabic, else English.
    #[arg(long, value_enum, global = true)]
    lang: Option<LangArg>,
}

#[derive(Clone, Copy, Debug, clap::ValueEnum, PartialEq, Eq)]
enum LangArg {
    Ar,
    En,
}

#[derive(Subcommand, Debug)]
enum Command {
    /// Check the articles for dates and figures that disagree; for CI.
    Check(check::CheckArgs),
    /// List every date, figure, duration and entity found, for inspection.
    Extract(extract::ExtractArgs),
    /// Write the story at a glance (timeline, figures, entities, findings) as an HTML page.
    Report(report::ReportArgs),
    /// Serve the Language Server Protocol on stdin and stdout, for editors.
    Lsp {
        /// Accepted for editors that pass it; stdio is the only transport.
        #[arg(long)]
        stdio: bool,
    },
    /// Explain what a rule checks, with an example.
    Explain {
        /// A rule code, e.g. date-conflict.
        code: String,
    },
}

/// What every command that reads articles takes.
#[derive(Args, Debug)]
struct Sources {
    /// Files and folders to read (folders are walked, respecting .gitignore); `-` reads one
    /// article from standard input. Default: `.`
    paths: Vec<PathBuf>,
    /// The name of the article read from standard input (`-`): where it is reported, and
    /// which `tadqiq.toml` entries apply to it. Default: `<stdin>`.
    #[arg(long, value_name = "PATH")]
    stdin_filename: Option<PathBuf>,
    /// Configuration file (default: ./tadqiq.toml, else tadqiq.toml in the first folder given).
    #[arg(long, value_name = "FILE")]
    config: Option<PathBuf>,
    /// Publication date (YYYY, YYYY-MM or YYYY-MM-DD) for articles that state none.
    #[arg(long, value_name = "DATE", value_parser = parse_date)]
    published: Option<DateValue>,
    /// Analyse every article afresh, neither reading nor writing the cache.
    #[arg(long)]
    no_cache: bool,
    /// Where analyses are kept between runs. Default: $TADQIQ_CACHE_DIR, else .tadqiq_cache
    /// in the folder of tadqiq.toml, else in the current folder.
    #[arg(long, value_name = "DIR")]
    cache_dir: Option<PathBuf>,
}

fn parse_date(s: &str) -> Result<DateValue, String> {
    DateValue::parse(s).ok_or_else(|| format!("{s:?} is not a date; write YYYY, YYYY-MM or YYYY-MM-DD"))
}

pub fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            let _ = e.print();
            return ExitCode::from(if e.use_stderr() { EXIT_UNUSABLE } else { EXIT_OK });
        }
    };
    let lang = match cli.lang {
        Some(LangArg::Ar) => Lang::Ar,
        Some(LangArg::En) => Lang::En,
        None => Lang::from_env(),
    };
    let code = match cli.command {
        Command::Check(args) => check::run(args, lang),
        Command::Extract(args) => extract::run(args),
        Command::Report(args) => report::run(args, lang),
        Command::Explain { code } => explain(&code, lang),
        Command::Lsp { stdio: _ } => tadqiq_lsp::main(),
    };
    ExitCode::from(code)
}

fn explain(code: &str, lang: Lang) -> u8 {
    match tadqiq_core::rules::rule(code) {
        Some(rule) => {
            println!("{}", rule.explain(lang));
            EXIT_OK
        }
        None => {
            let codes: Vec<&str> = tadqiq_core::rules::RULES.iter().map(|r| r.code).collect();
            eprintln!("tadqiq: no rule {code:?}; the rules are: {}", codes.join(", "));
            EXIT_UNUSABLE
        }
    }
}

/// A source as the output sees it: where it is and how its bytes sit on disk.
struct File {
    path: String,
    bom: usize,
    /// Where its lines start, built when the output first asks ([`File::lines`]): most of
    /// an archive's sources have nothing to report.
    lines: std::sync::OnceLock<LineIndex>,
}

impl File {
    fn new(path: String, bom: usize) -> File {
        File { path, bom, lines: std::sync::OnceLock::new() }
    }

    /// The line index of `text`, which must be this file's text as read.
    fn lines(&self, text: &str) -> &LineIndex {
        self.lines.get_or_init(|| LineIndex::new(text))
    }

    /// A span as byte offsets into the file on disk (a BOM counted).
    fn bytes(&self, span: Span) -> [usize; 2] {
        [span.start + self.bom, span.end + self.bom]
    }

    /// The JSON outputs' `range`: the span in the file's `text`, in lines and UTF-16 columns
    /// as LSP counts them (the server's conversion for a closed source).
    fn range(&self, text: &str, span: Span) -> Range {
        let lines = self.lines(text);
        Range { start: lines.position(text, span.start).into(), end: lines.position(text, span.end).into() }
    }
}

impl From<tadqiq_core::position::Position> for LineColumn {
    fn from(p: tadqiq_core::position::Position) -> LineColumn {
        LineColumn { line: p.line, character: p.utf16 }
    }
}

/// A range as LSP writes it (0-based lines, UTF-16 columns): the JSON outputs' `range`.
#[derive(Clone, Copy, Debug, serde::Serialize)]
struct Range {
    start: LineColumn,
    end: LineColumn,
}

#[derive(Clone, Copy, Debug, serde::Serialize)]
struct LineColumn {
    line: usize,
    character: usize,
}

/// Everything a run read: the configuration, the analysed sources, and what was skipped.
struct Loaded {
    config: Config,
    ws: Workspace,
    /// The sources read, in the order found.
    files: Vec<File>,
    by_path: rustc_hash::FxHashMap<String, usize>,
    skipped: Vec<Value>,
    /// The language of messages and summaries (`--lang`, else the locale).
    lang: Lang,
    /// The cache the sources were read through (`None` with `--no-cache`).
    cache: Option<tadqiq_core::cache::Cache>,
    /// The values of messages already put into words, for the run's output.
    said: tadqiq_core::messages::Memo,
}

impl Loaded {
    /// A finding's message in the run's language.
    fn message(&self, f: &tadqiq_core::rules::Finding) -> String {
        f.say_with(&self.ws, self.lang, &self.said)
    }

    /// A related place's note in the run's language.
    fn note(&self, r: &tadqiq_core::rules::Related) -> String {
        r.say(&self.ws, self.lang)
    }

    /// Writes back into the cache what this run analysed or worked out anew (called once the
    /// rules have run: the claim keys they computed go in too).
    fn save_cache(&mut self) {
        if let Some(cache) = &mut self.cache {
            write_cache(&self.ws, cache);
        }
    }

    fn file(&self, path: &str) -> Option<&File> {
        self.by_path.get(path).map(|&i| &self.files[i])
    }
}

/// Writes back into `cache` what the run analysed or worked out anew; a cache that cannot be
/// written is said on stderr (the run's results stand either way).
fn write_cache(ws: &Workspace, cache: &mut tadqiq_core::cache::Cache) {
    if let Some(problem) = ws.save_cache(cache) {
        eprintln!("tadqiq: cache: {problem}; the next run analyses again");
    }
}

/// What a run reads, found but not yet read: the configuration, the article files, the article
/// on standard input, and the cache folder (`None` with `--no-cache`).
struct Plan {
    config: Config,
    inputs: Inputs,
    /// The article on standard input, read whole, and its name.
    stdin: Option<(PathBuf, tadqiq_core::source::Decoded)>,
    /// `--published`.
    published: Option<DateValue>,
    cache_dir: Option<PathBuf>,
    /// The gazetteer, being built while the files are found and read (runs with entities).
    gazetteer: Pending,
}

/// The gazetteer of built-in and configured entities, built on a thread of its own from the
/// moment the configuration is read: it is nearly all of a one-article run's time (25–40 ms
/// on this project's machine), which a run over a folder hides behind walking the folder and
/// reading its files.
struct Pending(std::sync::Mutex<Option<std::thread::JoinHandle<Gazetteer>>>);

impl Pending {
    fn start(config: &Config, entities: bool) -> Pending {
        let (own, settings) = (config.entities.clone(), config.entity_settings.clone());
        let build = move || Gazetteer::configured(&own, &settings);
        // A thread that cannot be started is no loss: the gazetteer is built when asked for.
        let handle = entities.then(|| std::thread::Builder::new().name("gazetteer".into()).spawn(build).ok());
        Pending(std::sync::Mutex::new(handle.flatten()))
    }

    /// The gazetteer, waited for; built here if it was not started (or was already taken).
    fn take(&self, config: &Config) -> Gazetteer {
        let handle = self.0.lock().unwrap_or_else(std::sync::PoisonError::into_inner).take();
        match handle {
            Some(h) => h.join().unwrap_or_else(|panic| std::panic::resume_unwind(panic)),
            None => config.gazetteer(),
        }
    }
}

impl Plan {
    /// The files a run reads, or says why the run cannot be done (exit code 2). With
    /// `entities`, the gazetteer is started on a thread of its own ([`Plan::gazetteer`]).
    fn of(sources: Sources, entities: bool) -> Result<Plan, u8> {
        let paths = if sources.paths.is_empty() { vec![PathBuf::from(".")] } else { sources.paths };
        let stdin = paths.iter().any(|p| p.as_os_str() == "-");
        let paths: Vec<PathBuf> = paths.into_iter().filter(|p| p.as_os_str() != "-").collect();
        let config = load_config(sources.config.as_deref(), &paths).map_err(|message| {
            eprintln!("tadqiq: {message}");
            EXIT_UNUSABLE
        })?;
        let gazetteer = Pending::start(&config, entities);
        let mut inputs = if paths.is_empty() { Inputs::default() } else { collect(&paths, &config) };
        // The article on standard input: read whole (within the size limit), named as asked.
        let mut from_stdin = None;
        if stdin {
            let name = sources.stdin_filename.clone().unwrap_or_else(|| PathBuf::from("<stdin>"));
            let mut bytes = Vec::new();
            let read =
                io::Read::read_to_end(&mut io::Read::take(io::stdin().lock(), config.max_file_bytes + 1), &mut bytes);
            let decoded = match read {
                Err(e) => Err(format!("cannot read standard input: {e}")),
                Ok(_) if bytes.len() as u64 > config.max_file_bytes => Err(format!(
                    "standard input is larger than the limit of {} bytes (max_file_bytes)",
                    config.max_file_bytes
                )),
                Ok(_) => tadqiq_core::source::decode(&bytes).map_err(|e| e.to_string()),
            };
            match decoded {
                Ok(d) => {
                    // A file of the same name among the paths is the draft's older self: the
                    // text on standard input stands for it.
                    inputs.files.retain(|f| files::same_file(f, &name) != Some(true));
                    from_stdin = Some((name, d));
                }
                Err(reason) => {
                    eprintln!("tadqiq: {}: {reason}", name.display());
                    return Err(EXIT_UNUSABLE);
                }
            }
        }
        let cache_dir = (!sources.no_cache).then(|| {
            sources
                .cache_dir
                .or_else(|| std::env::var_os("TADQIQ_CACHE_DIR").filter(|d| !d.is_empty()).map(PathBuf::from))
                .unwrap_or_else(|| config.root.join(tadqiq_core::cache::DIR_NAME))
        });
        Ok(Plan { config, inputs, stdin: from_stdin, published: sources.published, cache_dir, gazetteer })
    }

    /// The run's gazetteer (waiting for the thread [`Plan::of`] started).
    fn gazetteer(&self) -> Gazetteer {
        self.gazetteer.take(&self.config)
    }

    /// The cache this run reads through, if any; said on stderr when it was there but unusable.
    fn open_cache(&self, entities: bool) -> Option<tadqiq_core::cache::Cache> {
        let dir = self.cache_dir.as_ref()?;
        let opened = tadqiq_core::cache::Cache::open(dir, self.config.fingerprint, entities);
        if let Some(note) = &opened.note {
            eprintln!("tadqiq: cache: {note}");
        }
        Some(opened)
    }

    /// Why the run cannot be done before any file is read: a path given that does not exist,
    /// or no article at all (said on stderr).
    fn unusable(&self) -> bool {
        if self.inputs.fatal {
            return true;
        }
        if self.inputs.files.is_empty() && self.stdin.is_none() {
            say_no_articles();
            return true;
        }
        false
    }
}

/// Reads and analyses the sources, entities and all, or says why the run cannot be done
/// (exit code 2).
fn load(sources: Sources) -> Result<Loaded, u8> {
    let plan = Plan::of(sources, true)?;
    let cache = plan.open_cache(true);
    let mut skipped = passed_over(&plan);
    let Plan { config, inputs, stdin: from_stdin, published, gazetteer, .. } = plan;
    let progress = Progress::new(inputs.files.len());
    let mut read = Vec::new();
    let mut files = Vec::new();
    let mut named_unreadable = false;
    // Read and index on every core, a batch at a time so the progress bar moves. Each batch
    // waits for its slower half and then for its results to be taken in order: with batches of
    // 100, reading 10,000 articles took a fifth longer (65 ms, 50 with batches of 1,000).
    const BATCH: usize = 1000;
    for (b, batch) in inputs.files.chunks(BATCH).enumerate() {
        progress.show("reading", b * BATCH);
        let results = par_map(batch, |path| read_source(path, &inputs, &config, published));
        for (path, result) in batch.iter().zip(results) {
            match result {
                Ok(source) => {
                    let path = path.display().to_string();
                    files.push(File::new(path.clone(), source.bom));
                    read.push((path, source.text, source.given));
                }
                Err(reason) => {
                    eprintln!("tadqiq: {}: skipped: {reason}", path.display());
                    named_unreadable |= inputs.named.contains(path);
                    skipped.push(json!({"path": path.display().to_string(), "reason": reason}));
                }
            }
        }
    }
    if let Some((name, decoded)) = from_stdin {
        let path = name.display().to_string();
        let given = config.given(&name, published);
        files.push(File::new(path.clone(), decoded.bom));
        read.push((path, decoded.text, given));
    }
    progress.show("analysing", inputs.files.len());
    let mut ws = Workspace::new(Arc::new(gazetteer.take(&config)));
    let mut cache = cache;
    match &mut cache {
        None => ws.extend(read),
        // Analyses kept by earlier runs, keyed by each text's hash: a changed article is
        // analysed again, an unchanged one read back (tadqiq_core::cache).
        Some(opened) => ws.extend_cached(read, opened),
    }
    // Stories and outlets tadqiq.toml names; every other source is in its folder's story and
    // named by its front matter or file name.
    for f in &files {
        let meta = config.source(std::path::Path::new(&f.path));
        if let Some(story) = meta.story {
            ws.set_story(&f.path, Some(&story));
        }
        ws.set_outlet(&f.path, meta.outlet.as_deref());
    }
    progress.done();
    // Nothing changes the workspace from here on: finding a source by path is one hash.
    ws.settle();
    for f in &files {
        if let Some(doc) = ws.doc(&f.path) {
            warn_unreadable_published(&f.path, &doc.analysis);
        }
    }
    // A path the user named that does not exist or cannot be read: the run was not the one asked for.
    if inputs.fatal || named_unreadable {
        return Err(EXIT_UNUSABLE);
    }
    if files.is_empty() {
        if inputs.files.is_empty() {
            say_no_articles();
        }
        return Err(EXIT_UNUSABLE);
    }
    let by_path = files.iter().enumerate().map(|(i, f)| (f.path.clone(), i)).collect();
    Ok(Loaded { config, ws, files, by_path, skipped, lang: Lang::default(), cache, said: Default::default() })
}

fn say_no_articles() {
    eprintln!("tadqiq: no article files found (looked for .{} files)", config::DEFAULT_EXTENSIONS.join(", ."));
}

/// A front matter `published:` that is not a date, said on stderr (the article is read
/// without it).
fn warn_unreadable_published(path: &str, analysis: &tadqiq_core::analysis::Analysis) {
    if let Some(raw) = &analysis.unreadable_published {
        eprintln!("tadqiq: {path}: front matter's published date {raw:?} is not a date; ignored");
    }
}

/// A progress bar on stderr for long runs, when stderr is a terminal.
struct Progress {
    total: usize,
    on: bool,
}

impl Progress {
    /// Runs of fewer files finish before a bar would help.
    const MIN_FILES: usize = 200;

    fn new(total: usize) -> Self {
        Progress { total, on: total >= Self::MIN_FILES && io::stderr().is_terminal() }
    }

    /// For a run that writes its output as it reads: shown only when the output goes
    /// elsewhere than the terminal, where the bar would cut into it.
    fn beside_output(total: usize) -> Self {
        let mut progress = Progress::new(total);
        progress.on &= !io::stdout().is_terminal();
        progress
    }

    fn show(&self, what: &str, done: usize) {
        if !self.on {
            return;
        }
        let width = 30;
        let done = done.min(self.total);
        let filled = width * done / self.total.max(1);
        eprint!("\r{what:<10} [{}{}] {done}/{}", "#".repeat(filled), " ".repeat(width - filled), self.total);
        let _ = io::stderr().flush();
    }

    fn done(&self) {
        if self.on {
            eprint!("\r{}\r", " ".repeat(60));
        }
    }
}

/// Writes output, treating a closed pipe (`| head`) as done rather than as an error.
fn finish_output(written: io::Result<()>) -> Result<(), u8> {
    match written {
        Err(e) if e.kind() != io::ErrorKind::BrokenPipe => {
            eprintln!("tadqiq: cannot write output: {e}");
            Err(EXIT_UNUSABLE)
        }
        _ => Ok(()),
    }
}

/// The files a run reads, and what went wrong finding them.
#[derive(Default)]
struct Inputs {
    files: Vec<PathBuf>,
    /// The files named on the command line themselves: one that cannot be read fails the run.
    named: std::collections::HashSet<PathBuf>,
    /// A path that was given but cannot be read: the run cannot be trusted.
    fatal: bool,
    /// Article files found but passed over (a FIFO, a device), with the reason.
    passed_over: Vec<(PathBuf, String)>,
}

impl Inputs {
    /// One of [`Inputs::files`], read: a file named on the command line may be anything, and
    /// what it is is asked before it is opened; one found in a folder is a regular file the
    /// walk has just looked at ([`files::read_walked`]).
    fn read(&self, path: &Path, max_bytes: u64) -> Result<tadqiq_core::source::Decoded, String> {
        if self.named.contains(path) { files::read(path, max_bytes) } else { files::read_walked(path, max_bytes) }
    }
}

fn load_config(explicit: Option<&Path>, paths: &[PathBuf]) -> Result<Config, String> {
    if let Some(path) = explicit {
        return Config::load(path).map_err(|e| e.to_string());
    }
    let cwd = PathBuf::from(".");
    let candidates = std::iter::once(&cwd).chain(paths.iter().filter(|p| p.is_dir()).take(1));
    for dir in candidates {
        let file = dir.join(config::FILE_NAME);
        if file.is_file() {
            return Config::load(&file).map_err(|e| e.to_string());
        }
    }
    Ok(Config::empty(cwd))
}

/// The files found but passed over before reading (a FIFO, a device), for `skipped`.
fn passed_over(plan: &Plan) -> Vec<Value> {
    plan.inputs
        .passed_over
        .iter()
        .map(|(path, why)| json!({"path": path.display().to_string(), "reason": why.trim_start_matches("skipped: ")}))
        .collect()
}

/// Files named on the command line are read whatever their extension; folders are walked for
/// article files ([`files::articles`]: .gitignore respected, regular files only, each file once).
fn collect(paths: &[PathBuf], config: &Config) -> Inputs {
    let found = files::articles(paths, |p| config.is_article(p));
    for (path, problem) in &found.problems {
        eprintln!("tadqiq: {}: {problem}", path.display());
    }
    let named = found.files.iter().filter(|f| paths.contains(f)).cloned().collect();
    let passed_over =
        found.problems.into_iter().filter(|(p, why)| p.is_file() || why.starts_with("skipped:")).collect();
    Inputs { files: found.files, named, fatal: found.missing, passed_over }
}

type Given = Option<(DateValue, PublishedSource)>;

/// A source file as read: its text, the BOM's length, and a publication date given from
/// outside the text.
struct Read {
    text: String,
    bom: usize,
    given: Given,
}

fn read_source(path: &Path, inputs: &Inputs, config: &Config, flag: Option<DateValue>) -> Result<Read, String> {
    let decoded = inputs.read(path, config.max_file_bytes)?;
    Ok(Read { text: decoded.text, bom: decoded.bom, given: config.given(path, flag) })
}
