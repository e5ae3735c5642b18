//! `--format json`: `version`, `diagnostics` (bytes, LSP range, severity, code, message,
//! related), `summary` and `skipped`, written as produced.

use std::io::{self, Write};

use serde::Serialize;
use tadqiq_core::rules::Finding;

use super::super::{Loaded, Range};
use super::{place, summary};

/// A finding as `--format json` writes it; the fields in this order are the format.
#[derive(Serialize)]
struct Diagnostic<'a> {
    path: &'a str,
    bytes: [usize; 2],
    range: Option<Range>,
    severity: &'static str,
    code: &'static str,
    message: String,
    related: Vec<RelatedPlace<'a>>,
}

#[derive(Serialize)]
struct RelatedPlace<'a> {
    path: &'a str,
    bytes: [usize; 2],
    range: Option<Range>,
    message: String,
}

/// Serialised straight from borrowed fields: a large run writes tens of thousands of these,
/// and a `serde_json::Value` tree per finding (a map and a string per key) cost more than
/// the rules did.
fn diagnostic<'a>(loaded: &Loaded, f: &'a Finding) -> Diagnostic<'a> {
    let p = place(loaded, &f.path, f.span);
    let related = f
        .related
        .iter()
        .map(|r| {
            let rp = place(loaded, &r.path, r.span);
            RelatedPlace { path: &r.path, bytes: rp.bytes, range: rp.range, message: loaded.note(r) }
        })
        .collect();
    Diagnostic {
        path: &f.path,
        bytes: p.bytes,
        range: p.range,
        severity: f.severity.as_str(),
        code: f.code,
        message: loaded.message(f),
        related,
    }
}

/// Writes `[a, b, …]`, serialising one item at a time: a run over thousands of articles
/// never holds its whole output in memory.
pub(super) fn write_array(out: &mut impl Write, items: impl IntoIterator<Item = impl Serialize>) -> io::Result<()> {
    out.write_all(b"[")?;
    for (k, x) in items.into_iter().enumerate() {
        if k > 0 {
            out.write_all(b",")?;
        }
        serde_json::to_writer(&mut *out, &x)?;
    }
    out.write_all(b"]")
}

pub(super) fn write_json(mut out: impl Write, loaded: &Loaded, findings: &[Finding]) -> io::Result<()> {
    out.write_all(br#"{"version":1,"diagnostics":"#)?;
    write_array(&mut out, findings.iter().map(|f| diagnostic(loaded, f)))?;
    out.write_all(br#","summary":"#)?;
    serde_json::to_writer(&mut out, &summary(loaded, findings))?;
    out.write_all(br#","skipped":"#)?;
    serde_json::to_writer(&mut out, &loaded.skipped)?;
    out.write_all(b"}\n")
}
