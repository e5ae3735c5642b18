//! `tadqiq check`: the rules over every source, for people (text) and for machines (JSON,
//! SARIF 2.1.0, GitHub workflow annotations), with the exit code CI reads.

use std::collections::BTreeMap;
use std::io::{self, Write};
use std::path::PathBuf;

use clap::{Args, ValueEnum};
use serde_json::{Value, json};

use super::{EXIT_FINDINGS, EXIT_OK, EXIT_UNUSABLE, Loaded, Sources, finish_output, load};
use tadqiq_core::extract::Span;
use tadqiq_core::rules::{Finding, RULES, Severity, check};

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
}

#[derive(Clone, Copy, Debug, ValueEnum, PartialEq, Eq)]
enum Format {
    Text,
    Json,
    Sarif,
    Github,
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

pub fn run(args: CheckArgs) -> u8 {
    let baseline = match args.baseline.as_deref().map(Baseline::read).transpose() {
        Ok(b) => b,
        Err(message) => {
            eprintln!("tadqiq: {message}");
            return EXIT_UNUSABLE;
        }
    };
    let loaded = match load(args.sources, true) {
        Ok(l) => l,
        Err(code) => return code,
    };
    let mut findings = check(&loaded.ws, &loaded.config.rules);
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
    let out = io::BufWriter::new(io::stdout().lock());
    let written = match args.format {
        Format::Text => write_text(out, &loaded, &findings),
        Format::Json => write_json(out, &loaded, &findings),
        Format::Sarif => write_sarif(out, &loaded, &findings),
        Format::Github => write_github(out, &loaded, &findings),
    };
    if let Err(code) = finish_output(written) {
        return code;
    }
    let threshold = args.fail_on.threshold();
    let failing = findings.iter().any(|f| f.severity >= threshold && f.severity != Severity::Hint);
    if failing { EXIT_FINDINGS } else { EXIT_OK }
}

/// Where a span is, for the output: 1-based line and column (characters for people, UTF-16
/// units for SARIF), the LSP range, and file byte offsets.
struct Place {
    line: usize,
    column: usize,
    utf16_column: usize,
    end_line: usize,
    end_utf16_column: usize,
    range: Option<super::Range>,
    bytes: [usize; 2],
}

fn place(loaded: &Loaded, path: &str, span: Span) -> Place {
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
    let (s, e) = (file.lines.position(text, span.start), file.lines.position(text, span.end));
    Place {
        line: s.line + 1,
        column: s.chars + 1,
        utf16_column: s.utf16 + 1,
        end_line: e.line + 1,
        end_utf16_column: e.utf16 + 1,
        range: Some(file.range(text, span)),
        bytes: file.bytes(span),
    }
}

fn summary(loaded: &Loaded, findings: &[Finding]) -> Value {
    let count = |s: Severity| findings.iter().filter(|f| f.severity == s).count();
    json!({
        "files": loaded.files.len(),
        "errors": count(Severity::Error),
        "warnings": count(Severity::Warning),
        "infos": count(Severity::Info),
        "hints": count(Severity::Hint),
    })
}

/// One block per finding: `path:line:col: severity[code]: message`, then the related places.
fn write_text(mut out: impl Write, loaded: &Loaded, findings: &[Finding]) -> io::Result<()> {
    for f in findings {
        let p = place(loaded, &f.path, f.span);
        writeln!(out, "{}:{}:{}: {}[{}]: {}", f.path, p.line, p.column, f.severity, f.code, f.message)?;
        for r in &f.related {
            let rp = place(loaded, &r.path, r.span);
            writeln!(out, "    {}:{}:{}: {}", r.path, rp.line, rp.column, r.message)?;
        }
        writeln!(out)?;
    }
    let s = summary(loaded, findings);
    writeln!(
        out,
        "{} files checked: {} errors, {} warnings, {} infos, {} hints",
        s["files"], s["errors"], s["warnings"], s["infos"], s["hints"]
    )
}

fn diagnostic_json(loaded: &Loaded, f: &Finding) -> Value {
    let p = place(loaded, &f.path, f.span);
    let related: Vec<Value> = f
        .related
        .iter()
        .map(|r| {
            let rp = place(loaded, &r.path, r.span);
            json!({"path": &*r.path, "bytes": rp.bytes, "range": rp.range, "message": r.message})
        })
        .collect();
    json!({
        "path": &*f.path,
        "bytes": p.bytes,
        "range": p.range,
        "severity": f.severity.as_str(),
        "code": f.code,
        "message": f.message,
        "related": related,
    })
}

/// Writes `[a, b, …]`, serialising one item at a time: a run over thousands of articles
/// never holds its whole output in memory.
fn write_array<T>(out: &mut impl Write, items: &[T], item: impl Fn(&T) -> Value) -> io::Result<()> {
    out.write_all(b"[")?;
    for (k, x) in items.iter().enumerate() {
        if k > 0 {
            out.write_all(b",")?;
        }
        serde_json::to_writer(&mut *out, &item(x))?;
    }
    out.write_all(b"]")
}

fn write_json(mut out: impl Write, loaded: &Loaded, findings: &[Finding]) -> io::Result<()> {
    out.write_all(br#"{"version":1,"diagnostics":"#)?;
    write_array(&mut out, findings, |f| diagnostic_json(loaded, f))?;
    out.write_all(br#","summary":"#)?;
    serde_json::to_writer(&mut out, &summary(loaded, findings))?;
    out.write_all(br#","skipped":"#)?;
    serde_json::to_writer(&mut out, &loaded.skipped)?;
    out.write_all(b"}\n")
}

fn sarif_level(s: Severity) -> &'static str {
    match s {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info | Severity::Hint => "note",
    }
}

/// A path as a SARIF URI reference: forward slashes, and anything but unreserved characters
/// percent-encoded.
fn uri(path: &str) -> String {
    let path = path.replace('\\', "/");
    let path = path.strip_prefix("./").unwrap_or(&path);
    let mut out = String::new();
    for b in path.bytes() {
        if b.is_ascii_alphanumeric() || b"-._~/".contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

fn sarif_location(loaded: &Loaded, path: &str, span: Span) -> Value {
    let p = place(loaded, path, span);
    json!({
        "physicalLocation": {
            "artifactLocation": {"uri": uri(path)},
            "region": {
                "startLine": p.line,
                "startColumn": p.utf16_column,
                "endLine": p.end_line,
                "endColumn": p.end_utf16_column,
                "byteOffset": p.bytes[0],
                "byteLength": p.bytes[1] - p.bytes[0],
            }
        }
    })
}

/// SARIF 2.1.0, as code-scanning services read it. Columns are UTF-16 code units (SARIF's
/// default `columnKind`).
fn write_sarif(mut out: impl Write, loaded: &Loaded, findings: &[Finding]) -> io::Result<()> {
    let rules: Vec<Value> = RULES
        .iter()
        .map(|r| {
            json!({
                "id": r.code,
                "shortDescription": {"text": r.summary},
                "fullDescription": {"text": r.explain},
                "help": {"text": r.explain},
                "defaultConfiguration": {"level": sarif_level(r.default)},
            })
        })
        .collect();
    let result = |f: &Finding| {
        let related: Vec<Value> = f
            .related
            .iter()
            .enumerate()
            .map(|(i, r)| {
                let mut loc = sarif_location(loaded, &r.path, r.span);
                loc["id"] = json!(i + 1);
                loc["message"] = json!({"text": r.message});
                loc
            })
            .collect();
        json!({
            "ruleId": f.code,
            "ruleIndex": RULES.iter().position(|r| r.code == f.code).unwrap_or(0),
            "level": sarif_level(f.severity),
            "message": {"text": f.message},
            "locations": [sarif_location(loaded, &f.path, f.span)],
            "relatedLocations": related,
        })
    };
    let driver = json!({
        "name": "tadqiq",
        "version": env!("CARGO_PKG_VERSION"),
        "informationUri": "https://github.com/tadqiq/tadqiq",
        "rules": rules,
    });
    out.write_all(
        br#"{"$schema":"https://json.schemastore.org/sarif-2.1.0.json","version":"2.1.0","runs":[{"tool":{"driver":"#,
    )?;
    serde_json::to_writer(&mut out, &driver)?;
    out.write_all(br#"},"columnKind":"utf16CodeUnits","results":"#)?;
    write_array(&mut out, findings, result)?;
    out.write_all(b"}]}\n")
}

/// GitHub Actions workflow commands: one `::warning file=…::message` line per finding.
fn write_github(mut out: impl Write, loaded: &Loaded, findings: &[Finding]) -> io::Result<()> {
    // Data is escaped for %, CR and LF; properties also for : and ,.
    let data = |s: &str| s.replace('%', "%25").replace('\r', "%0D").replace('\n', "%0A");
    let prop = |s: &str| data(s).replace(':', "%3A").replace(',', "%2C");
    for f in findings {
        let p = place(loaded, &f.path, f.span);
        let level = match f.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Info | Severity::Hint => "notice",
        };
        let mut message = f.message.clone();
        for r in &f.related {
            let rp = place(loaded, &r.path, r.span);
            message.push_str(&format!("\n{}:{}:{}: {}", r.path, rp.line, rp.column, r.message));
        }
        writeln!(
            out,
            "::{level} file={},line={},col={},endLine={},endColumn={},title={}::{}",
            prop(f.path.strip_prefix("./").unwrap_or(&f.path)),
            p.line,
            p.column,
            p.end_line,
            p.end_utf16_column,
            prop(&format!("tadqiq {}", f.code)),
            data(&message)
        )?;
    }
    Ok(())
}

/// Findings a newsroom has accepted: each by source, rule and quoted text (not by line, so
/// edits elsewhere in the article keep it matched), with how many times it stands there.
struct Baseline {
    accepted: BTreeMap<(String, String, String), usize>,
}

impl Baseline {
    fn key(loaded: &Loaded, f: &Finding) -> (String, String, String) {
        let text = loaded.ws.doc(&f.path).and_then(|d| d.text.get(f.span.start..f.span.end)).unwrap_or("");
        (f.path.strip_prefix("./").unwrap_or(&f.path).to_string(), f.code.to_string(), text.to_string())
    }

    fn of(loaded: &Loaded, findings: &[Finding]) -> Baseline {
        let mut accepted = BTreeMap::new();
        for f in findings {
            *accepted.entry(Self::key(loaded, f)).or_insert(0) += 1;
        }
        Baseline { accepted }
    }

    fn write(&self, path: &std::path::Path) -> io::Result<()> {
        let findings: Vec<Value> = self
            .accepted
            .iter()
            .map(|((p, code, text), count)| json!({"path": p, "code": code, "text": text, "count": count}))
            .collect();
        let doc = json!({"version": 1, "findings": findings});
        std::fs::write(path, serde_json::to_string_pretty(&doc).map_err(io::Error::other)? + "\n")
    }

    fn read(path: &std::path::Path) -> Result<Baseline, String> {
        let text =
            std::fs::read_to_string(path).map_err(|e| format!("cannot read the baseline {}: {e}", path.display()))?;
        let bad = |why: &str| format!("{}: not a tadqiq baseline: {why}", path.display());
        let doc: Value = serde_json::from_str(&text).map_err(|e| bad(&e.to_string()))?;
        if doc["version"] != 1 {
            return Err(bad("expected \"version\": 1"));
        }
        let mut accepted = BTreeMap::new();
        for f in doc["findings"].as_array().ok_or_else(|| bad("no \"findings\" list"))? {
            let field =
                |k: &str| f[k].as_str().map(str::to_string).ok_or_else(|| bad(&format!("a finding without \"{k}\"")));
            let count = f["count"].as_u64().unwrap_or(1) as usize;
            *accepted.entry((field("path")?, field("code")?, field("text")?)).or_insert(0) += count;
        }
        Ok(Baseline { accepted })
    }

    /// Whether the baseline accepts this finding (each accepted occurrence absorbs one).
    fn absorbs(&mut self, loaded: &Loaded, f: &Finding) -> bool {
        match self.accepted.get_mut(&Self::key(loaded, f)) {
            Some(n) if *n > 0 => {
                *n -= 1;
                true
            }
            _ => false,
        }
    }
}
