//! `tadqiq check`: the rules over every source, for people (text) and for machines (JSON,
//! SARIF 2.1.0, GitHub workflow annotations, JUnit XML, GitLab Code Quality), with the exit
//! code CI reads.

use std::io::{self, Write};
use std::path::PathBuf;

use clap::{Args, ValueEnum};
use serde_json::{Value, json};

use super::{EXIT_FINDINGS, EXIT_OK, EXIT_UNUSABLE, Loaded, Sources, finish_output, load, write_cache};
use tadqiq_core::extract::Span;
use tadqiq_core::messages::Text;
use tadqiq_core::rules::{Finding, RULES, Related, RuleSettings, Severity, check, rule};
use tadqiq_core::workspace::par_map;

#[derive(Args, Debug)]
pub struct CheckArgs {
    #[command(flatten)]
    sources: Sources,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    format: Format,
    /// The least severity that fails the run (exit code 1). Hints never fail it.
    #[arg(long, value_enum, default_value_t = FailOn::Warning)]
    fail_on: FailOn,
    /// Report only findings not recorded in this baseline (see --write-baseline).
    #[arg(long, value_name = "FILE")]
    baseline: Option<PathBuf>,
    /// Record the current findings as accepted, so later runs report only new ones.
    #[arg(long, value_name = "FILE")]
    write_baseline: Option<PathBuf>,
    /// Run only these rules (comma-separated codes, repeatable): `--select date-conflict`.
    #[arg(long, value_name = "CODES", value_delimiter = ',')]
    select: Vec<String>,
    /// Do not run these rules (comma-separated codes, repeatable); wins over --select.
    #[arg(long, value_name = "CODES", value_delimiter = ',')]
    ignore: Vec<String>,
}

/// The rules in force: `tadqiq.toml`'s severities, narrowed by `--select` and `--ignore`.
fn rules(config: &RuleSettings, select: &[String], ignore: &[String]) -> Result<RuleSettings, String> {
    let mut settings = config.clone();
    for code in select.iter().chain(ignore) {
        if rule(code).is_none() {
            let codes: Vec<&str> = RULES.iter().map(|r| r.code).collect();
            return Err(format!("unknown rule {code:?}; the rules are {}", codes.join(", ")));
        }
    }
    for r in RULES {
        if (!select.is_empty() && !select.iter().any(|c| c == r.code)) || ignore.iter().any(|c| c == r.code) {
            settings.set(r.code, "off")?;
        }
    }
    Ok(settings)
}

#[derive(Clone, Copy, Debug, ValueEnum, PartialEq, Eq)]
enum Format {
    Text,
    Json,
    Sarif,
    Github,
    Junit,
    Gitlab,
}

#[derive(Clone, Copy, Debug, ValueEnum, PartialEq, Eq)]
enum FailOn {
    Error,
    Warning,
    Info,
}

impl FailOn {
    fn threshold(self) -> Severity {
        match self {
            FailOn::Error => Severity::Error,
            FailOn::Warning => Severity::Warning,
            FailOn::Info => Severity::Info,
        }
    }
}

mod baseline;
mod github;
mod gitlab;
mod json;
mod junit;
mod sarif;
mod text;

use baseline::Baseline;

pub fn run(args: CheckArgs, lang: tadqiq_core::messages::Lang) -> u8 {
    let baseline = match args.baseline.as_deref().map(Baseline::read).transpose() {
        Ok(b) => b,
        Err(message) => {
            eprintln!("tadqiq: {message}");
            return EXIT_UNUSABLE;
        }
    };
    let mut loaded = match load(args.sources) {
        Ok(l) => l,
        Err(code) => return code,
    };
    loaded.lang = lang;
    let settings = match rules(&loaded.config.rules, &args.select, &args.ignore) {
        Ok(s) => s,
        Err(message) => {
            eprintln!("tadqiq: {message}");
            return EXIT_UNUSABLE;
        }
    };
    let mut findings = check(&loaded.ws, &settings);
    if let Some(path) = &args.write_baseline {
        if let Err(e) = Baseline::of(&loaded, &findings).write(path) {
            eprintln!("tadqiq: cannot write the baseline {}: {e}", path.display());
            return EXIT_UNUSABLE;
        }
        eprintln!("tadqiq: recorded {} findings in {}", findings.len(), path.display());
    }
    if let Some(mut baseline) = baseline {
        findings.retain(|f| !baseline.absorbs(&loaded, f));
    }
    // The cache is written on a second thread while the output is: both only read the
    // workspace, and neither waits for the other.
    let mut cache = loaded.cache.take();
    let written = std::thread::scope(|s| {
        let saving = cache.as_mut().map(|c| s.spawn(|| write_cache(&loaded.ws, c)));
        let out = io::BufWriter::new(io::stdout().lock());
        let written = match args.format {
            Format::Text => text::write_text(out, &loaded, &findings),
            Format::Json => json::write_json(out, &loaded, &findings),
            Format::Sarif => sarif::write_sarif(out, &loaded, &findings),
            Format::Github => github::write_github(out, &loaded, &findings),
            Format::Junit => junit::write_junit(out, &loaded, &findings),
            Format::Gitlab => gitlab::write_gitlab(out, &loaded, &findings),
        };
        if let Some(saving) = saving {
            saving.join().unwrap_or_else(|panic| std::panic::resume_unwind(panic));
        }
        written
    });
    if let Err(code) = finish_output(written) {
        return code;
    }
    let threshold = args.fail_on.threshold();
    let failing = findings.iter().any(|f| f.severity >= threshold && f.severity != Severity::Hint);
    // The process ends here: freeing every source's analysis one allocation at a time took a
    // tenth of a re-check over a large archive; the system takes the memory back whole.
    std::mem::forget((loaded, findings, cache));
    if failing { EXIT_FINDINGS } else { EXIT_OK }
}

/// Where a span is, for the output: 1-based line and column (characters for people, UTF-16
/// units for SARIF), the LSP range, and file byte offsets.
pub(super) struct Place {
    line: usize,
    column: usize,
    utf16_column: usize,
    end_line: usize,
    end_utf16_column: usize,
    range: Option<super::Range>,
    bytes: [usize; 2],
}

pub(super) fn place(loaded: &Loaded, path: &str, span: Span) -> Place {
    let (text, file) = (loaded.ws.doc(path).map_or("", |d| d.text.as_str()), loaded.file(path));
    let Some(file) = file else {
        return Place {
            line: 1,
            column: 1,
            utf16_column: 1,
            end_line: 1,
            end_utf16_column: 1,
            range: None,
            bytes: [span.start, span.end],
        };
    };
    let lines = file.lines(text);
    let (s, e) = (lines.position(text, span.start), lines.position(text, span.end));
    // The LSP range from the same two positions (`File::range` would find them again).
    let range = super::Range { start: s.into(), end: e.into() };
    Place {
        line: s.line + 1,
        column: s.chars + 1,
        utf16_column: s.utf16 + 1,
        end_line: e.line + 1,
        end_utf16_column: e.utf16 + 1,
        range: Some(range),
        bytes: file.bytes(span),
    }
}

/// Each related place's position and note, rendered once for the whole output. A claim
/// that many sources contradict is listed beside each of their findings: at 10,000 articles
/// the bench's 17,000 findings list 58,000 related places, 12,800 of them distinct, and
/// rendering each one every time was a third of writing the output. Built in O(related
/// places) (a hash each), the distinct ones rendered on every core; memory: one note per
/// distinct place, held until the output is written.
pub(super) struct Notes<'a> {
    index: rustc_hash::FxHashMap<(&'a str, Span, &'a Text), u32>,
    /// The distinct related places, in the order first met, and each one's place and note.
    distinct: Vec<&'a Related>,
    rendered: Vec<(Place, String)>,
}

impl<'a> Notes<'a> {
    pub(super) fn of(loaded: &Loaded, findings: &'a [Finding]) -> Notes<'a> {
        let mut index = rustc_hash::FxHashMap::default();
        let mut distinct: Vec<&'a Related> = Vec::new();
        for r in findings.iter().flat_map(|f| &f.related) {
            index.entry((&*r.path, r.span, &r.message)).or_insert_with(|| {
                distinct.push(r);
                distinct.len() as u32 - 1
            });
        }
        let rendered = par_map(&distinct, |r| (place(loaded, &r.path, r.span), loaded.note(r)));
        Notes { index, distinct, rendered }
    }

    /// The place and note of a related place of one of the findings this was built from.
    pub(super) fn of_related(&self, r: &Related) -> (&Place, &str) {
        let (place, note) = &self.rendered[self.number(r)];
        (place, note)
    }

    /// Which of the distinct places ([`Notes::distinct`]) a related place of one of the
    /// findings this was built from is.
    pub(super) fn number(&self, r: &Related) -> usize {
        self.index[&(&*r.path, r.span, &r.message)] as usize
    }

    /// The distinct related places, numbered as [`Notes::number`] numbers them, each with its
    /// place and note.
    pub(super) fn distinct(&self) -> impl Iterator<Item = (&'a Related, &Place, &str)> {
        self.distinct.iter().zip(&self.rendered).map(|(r, (place, note))| (*r, place, note.as_str()))
    }
}

/// Writes `items` as `render` writes each (given its index), rendering a chunk at a time on
/// every core: messages and positions are most of an output's cost (at 10,000 articles, the
/// 17,000 findings' JSON took 0.19 s of a 1.2 s re-check on one core, 0.13 s on two). The
/// bytes are the ones a single thread would write, in order; only a round of chunks is held
/// at once, never the whole output.
pub(super) fn write_each<T: Sync>(
    out: &mut impl Write,
    items: &[T],
    render: impl Fn(usize, &T, &mut Vec<u8>) -> io::Result<()> + Sync,
) -> io::Result<()> {
    const CHUNK: usize = 256;
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    // Each chunk with the index of its first item; a round is a chunk per core.
    let chunks: Vec<(usize, &[T])> = items.chunks(CHUNK).enumerate().map(|(k, c)| (k * CHUNK, c)).collect();
    for round in chunks.chunks(cores) {
        let rendered = par_map(round, |&(first, chunk)| {
            let mut buf = Vec::new();
            for (k, item) in chunk.iter().enumerate() {
                render(first + k, item, &mut buf)?;
            }
            Ok::<_, io::Error>(buf)
        });
        for bytes in rendered {
            out.write_all(&bytes?)?;
        }
    }
    Ok(())
}

pub(super) fn summary(loaded: &Loaded, findings: &[Finding]) -> Value {
    let count = |s: Severity| findings.iter().filter(|f| f.severity == s).count();
    json!({
        "files": loaded.files.len(),
        "errors": count(Severity::Error),
        "warnings": count(Severity::Warning),
        "infos": count(Severity::Info),
        "hints": count(Severity::Hint),
    })
}
