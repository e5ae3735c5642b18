//! The `tadqiq` command line. Only this module knows about exit codes, output formats and the
//! file system's walk; the analysis it prints comes from the core.

use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::Arc;

use clap::{Args, Parser, Subcommand, ValueEnum};
use serde_json::{Value, json};

use crate::analysis::PublishedSource;
use crate::calendar::DateValue;
use crate::config::{self, Config};
use crate::entities::{EntityMention, Gazetteer};
use crate::extract::{DateMention, Mention, MentionKind, Span, format_number};
use crate::position::LineIndex;
use crate::source::decode;
use crate::workspace::{Doc, Workspace};

/// Exit codes: nothing to report, findings, or the run could not be done.
pub const EXIT_OK: u8 = 0;
pub const EXIT_FINDINGS: u8 = 1;
pub const EXIT_UNUSABLE: u8 = 2;

#[derive(Parser, Debug)]
#[command(name = "tadqiq", version, about = "Checks dates and figures in Arabic news articles across sources")]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand, Debug)]
enum Command {
    /// List every date, figure and duration found, for inspection.
    Extract(ExtractArgs),
}

#[derive(Args, Debug)]
struct ExtractArgs {
    /// Files and folders to read (folders are walked, respecting .gitignore). Default: `.`
    paths: Vec<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    format: Format,
    /// Configuration file (default: ./tadqiq.toml, else tadqiq.toml in the first folder given).
    #[arg(long, value_name = "FILE")]
    config: Option<PathBuf>,
    /// Publication date (YYYY, YYYY-MM or YYYY-MM-DD) for articles that state none.
    #[arg(long, value_name = "DATE", value_parser = parse_date)]
    published: Option<DateValue>,
}

#[derive(Clone, Copy, Debug, ValueEnum, PartialEq, Eq)]
enum Format {
    Text,
    Json,
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
    let code = match cli.command {
        Command::Extract(args) => extract(args),
    };
    ExitCode::from(code)
}

/// An article as the output sees it: where it is, how its bytes sit on disk, what was found.
struct Article<'w> {
    path: &'w str,
    bom: usize,
    lines: LineIndex,
    doc: &'w Doc,
    ws: &'w Workspace,
}

/// The files a run reads, and what went wrong finding them.
struct Inputs {
    files: Vec<PathBuf>,
    /// A path that was given but cannot be read: the run cannot be trusted.
    fatal: bool,
}

fn extract(args: ExtractArgs) -> u8 {
    let paths = if args.paths.is_empty() { vec![PathBuf::from(".")] } else { args.paths };
    let config = match load_config(args.config.as_deref(), &paths) {
        Ok(c) => c,
        Err(message) => {
            eprintln!("tadqiq: {message}");
            return EXIT_UNUSABLE;
        }
    };
    let inputs = collect(&paths, &config);
    let mut sources = Vec::new();
    let mut boms = Vec::new();
    let mut skipped = Vec::new();
    for path in &inputs.files {
        match read_source(path, &config, args.published) {
            Ok((text, bom, given)) => {
                let path = path.display().to_string();
                boms.push((path.clone(), bom));
                sources.push((path, text, given));
            }
            Err(reason) => {
                eprintln!("tadqiq: {}: skipped: {reason}", path.display());
                skipped.push(json!({"path": path.display().to_string(), "reason": reason}));
            }
        }
    }
    let mut ws = Workspace::new(Arc::new(Gazetteer::new(&config.entities)));
    ws.extend(sources);
    let articles: Vec<Article> = boms
        .iter()
        .filter_map(|(path, bom)| {
            let doc = ws.doc(path)?;
            Some(Article { path, bom: *bom, lines: LineIndex::new(&doc.text), doc, ws: &ws })
        })
        .collect();
    for a in &articles {
        if let Some(raw) = &a.doc.analysis.unreadable_published {
            eprintln!("tadqiq: {}: front matter's published date {raw:?} is not a date; ignored", a.path);
        }
    }
    let out = io::stdout().lock();
    let written = match args.format {
        Format::Json => write_json(out, &articles, &skipped),
        Format::Text => write_text(out, &articles),
    };
    if let Err(e) = written
        && e.kind() != io::ErrorKind::BrokenPipe
    {
        eprintln!("tadqiq: cannot write output: {e}");
        return EXIT_UNUSABLE;
    }
    if inputs.fatal {
        return EXIT_UNUSABLE;
    }
    if articles.is_empty() {
        if inputs.files.is_empty() {
            eprintln!("tadqiq: no article files found (looked for .{} files)", config::DEFAULT_EXTENSIONS.join(", ."));
        }
        return EXIT_UNUSABLE;
    }
    EXIT_OK
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

/// Files named on the command line are read whatever their extension; folders are walked for
/// article files, respecting .gitignore (even outside a git checkout) and the config's globs.
fn collect(paths: &[PathBuf], config: &Config) -> Inputs {
    let mut files = Vec::new();
    let mut fatal = false;
    for path in paths {
        match std::fs::metadata(path) {
            Err(e) => {
                eprintln!("tadqiq: {}: {}", path.display(), io_message(&e));
                fatal = true;
            }
            Ok(meta) if meta.is_dir() => {
                let walk = ignore::WalkBuilder::new(path).require_git(false).build();
                let mut found: Vec<PathBuf> = Vec::new();
                for entry in walk {
                    match entry {
                        Ok(e) if e.file_type().is_some_and(|t| t.is_file()) && config.is_article(e.path()) => {
                            found.push(e.into_path());
                        }
                        Ok(_) => {}
                        Err(e) => eprintln!("tadqiq: {e}"),
                    }
                }
                found.sort();
                files.extend(found);
            }
            Ok(_) => files.push(path.clone()),
        }
    }
    let mut seen = std::collections::HashSet::new();
    files.retain(|f| seen.insert(std::path::absolute(f).unwrap_or_else(|_| f.clone())));
    Inputs { files, fatal }
}

fn io_message(e: &io::Error) -> String {
    match e.kind() {
        io::ErrorKind::NotFound => "no such file or folder".into(),
        io::ErrorKind::PermissionDenied => "permission denied".into(),
        _ => e.to_string(),
    }
}

type Given = Option<(DateValue, PublishedSource)>;

fn read_source(path: &Path, config: &Config, flag: Option<DateValue>) -> Result<(String, usize, Given), String> {
    let bytes = std::fs::read(path).map_err(|e| format!("cannot read: {}", io_message(&e)))?;
    let decoded = decode(bytes).map_err(|e| e.to_string())?;
    let given = config
        .source(path)
        .published
        .map(|p| (p, PublishedSource::Config))
        .or(flag.map(|p| (p, PublishedSource::Flag)));
    Ok((decoded.text, decoded.bom, given))
}

/// One line of output: a claim (date, figure, duration) or an entity mention.
enum Item<'a> {
    Claim(&'a Mention),
    Entity(&'a EntityMention),
}

impl Item<'_> {
    fn span(&self) -> Span {
        match self {
            Item::Claim(m) => m.span,
            Item::Entity(e) => e.span,
        }
    }
}

impl Article<'_> {
    fn text(&self) -> &str {
        &self.doc.text
    }

    /// Claims and entities in text order.
    fn items(&self) -> Vec<Item<'_>> {
        let mut items: Vec<Item> = self.doc.analysis.mentions.iter().map(Item::Claim).collect();
        items.extend(self.doc.entities.iter().map(Item::Entity));
        items.sort_by_key(|i| (i.span().start, i.span().end));
        items
    }

    fn range(&self, span: Span) -> Value {
        let text = self.text();
        let (s, e) = (self.lines.position(text, span.start), self.lines.position(text, span.end));
        json!({"start": {"line": s.line, "character": s.utf16}, "end": {"line": e.line, "character": e.utf16}})
    }

    fn bytes(&self, span: Span) -> Value {
        json!([span.start + self.bom, span.end + self.bom])
    }

    fn mention_json(&self, m: &Mention) -> Value {
        let mut v = json!({
            "kind": kind_name(m),
            "text": &self.text()[m.span.start..m.span.end],
            "bytes": self.bytes(m.span),
            "range": self.range(m.span),
        });
        let o = v.as_object_mut().expect("an object");
        match &m.kind {
            MentionKind::Date(d) => {
                o.insert("value".into(), date_json(d.value));
                o.insert("calendar".into(), d.calendar.as_str().into());
                o.insert("relative".into(), d.relative.is_some().into());
                if let Some(w) = d.weekday {
                    o.insert("weekday".into(), w.into());
                }
                if let Some(p) = d.part {
                    o.insert("part".into(), p.as_str().into());
                }
                if d.invalid {
                    o.insert("invalid".into(), true.into());
                }
                if let Some(p) = &d.paired {
                    let mut pj = json!({
                        "text": &self.text()[p.span.start..p.span.end],
                        "bytes": self.bytes(p.span),
                        "range": self.range(p.span),
                        "value": date_json(p.value),
                        "calendar": p.calendar.as_str(),
                    });
                    if p.invalid {
                        pj["invalid"] = true.into();
                    }
                    o.insert("paired".into(), pj);
                }
            }
            MentionKind::Figure(f) => {
                o.insert("value".into(), number_json(f.value));
                o.insert("approx".into(), f.approx().into());
                o.insert("bound".into(), f.bound.as_str().into());
                o.insert("unit".into(), f.unit.clone().map_or(Value::Null, Value::from));
            }
            MentionKind::Duration(d) => {
                o.insert("value".into(), d.iso().into());
                o.insert("approx".into(), d.approx().into());
                o.insert("bound".into(), d.bound.as_str().into());
            }
        }
        v
    }

    fn entity_json(&self, e: &EntityMention) -> Value {
        let name = self.ws.entity(&e.id).map(|x| x.name.clone());
        json!({
            "kind": "entity",
            "text": &self.text()[e.span.start..e.span.end],
            "bytes": self.bytes(e.span),
            "range": self.range(e.span),
            "id": &*e.id,
            "entity_kind": e.kind.as_str(),
            "name": name,
        })
    }

    fn item_json(&self, item: &Item) -> Value {
        match item {
            Item::Claim(m) => self.mention_json(m),
            Item::Entity(e) => self.entity_json(e),
        }
    }
}

fn kind_name(m: &Mention) -> &'static str {
    match m.kind {
        MentionKind::Date(_) => "date",
        MentionKind::Figure(_) => "figure",
        MentionKind::Duration(_) => "duration",
    }
}

fn date_json(v: Option<DateValue>) -> Value {
    v.map_or(Value::Null, |v| v.to_string().into())
}

fn number_json(v: f64) -> Value {
    if v.fract() == 0.0 && v.abs() < 9.0e15 {
        (v as i64).into()
    } else {
        serde_json::Number::from_f64(v).map_or(Value::Null, Value::Number)
    }
}

fn write_json(mut out: impl Write, articles: &[Article], skipped: &[Value]) -> io::Result<()> {
    let files: Vec<Value> = articles
        .iter()
        .map(|a| {
            let published = a.doc.analysis.published;
            json!({
                "path": a.path,
                "published": published.map_or(Value::Null, |p| p.0.to_string().into()),
                "published_source": published.map_or(Value::Null, |p| p.1.as_str().into()),
                "mentions": a.items().iter().map(|i| a.item_json(i)).collect::<Vec<_>>(),
            })
        })
        .collect();
    let doc = json!({"version": 1, "files": files, "skipped": skipped});
    serde_json::to_writer(&mut out, &doc)?;
    writeln!(out)
}

/// One mention per line: `path:line:col: kind «text» = value …`, line and column 1-based,
/// the column counted in characters.
fn write_text(mut out: impl Write, articles: &[Article]) -> io::Result<()> {
    for a in articles {
        let text = a.text();
        for item in a.items() {
            let span = item.span();
            let p = a.lines.position(text, span.start);
            let kind = match &item {
                Item::Claim(m) => kind_name(m),
                Item::Entity(_) => "entity",
            };
            write!(out, "{}:{}:{}: {:<8} «{}» = ", a.path, p.line + 1, p.chars + 1, kind, &text[span.start..span.end])?;
            match item {
                Item::Claim(m) => match &m.kind {
                    MentionKind::Date(d) => write_date(&mut out, a, d)?,
                    MentionKind::Figure(f) => {
                        write!(out, "{}", format_number(f.value))?;
                        if let Some(u) = &f.unit {
                            write!(out, " {u}")?;
                        }
                        if f.approx() {
                            write!(out, " ({})", f.bound.as_str())?;
                        }
                    }
                    MentionKind::Duration(d) => {
                        write!(out, "{}", d.iso())?;
                        if d.approx() {
                            write!(out, " ({})", d.bound.as_str())?;
                        }
                    }
                },
                Item::Entity(e) => write!(out, "{} ({})", e.id, e.kind.as_str())?,
            }
            writeln!(out)?;
        }
    }
    Ok(())
}

fn write_date(out: &mut impl Write, a: &Article, d: &DateMention) -> io::Result<()> {
    match d.value {
        Some(v) => write!(out, "{v}")?,
        None if d.invalid => write!(out, "no such date")?,
        None => write!(out, "unknown")?,
    }
    let mut notes = Vec::new();
    if d.relative.is_some() {
        notes.push(match a.doc.analysis.published {
            Some((p, source)) => format!("relative to {p}, {}", source.as_str()),
            None => "relative, no publication date".to_string(),
        });
    }
    if d.calendar == crate::lexicon::Calendar::Hijri {
        notes.push("hijri".into());
    }
    if let Some(p) = &d.paired {
        let value = p.value.map_or_else(|| "no such date".to_string(), |v| v.to_string());
        notes.push(format!("paired «{}» = {value}", &a.text()[p.span.start..p.span.end]));
    }
    if !notes.is_empty() {
        write!(out, " ({})", notes.join("; "))?;
    }
    Ok(())
}
