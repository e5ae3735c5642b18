//! `--format json`: `version`, `diagnostics` (bytes, LSP range, severity, code, message,
//! related), `summary` and `skipped`, written as produced.

use std::io::{self, Write};

use serde::Serialize;
use tadqiq_core::rules::Finding;

use super::super::{Loaded, Range};
use super::{Notes, place, summary, write_each};

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
    message: &'a str,
}

/// Serialised straight from borrowed fields: a large run writes tens of thousands of these,
/// and a `serde_json::Value` tree per finding (a map and a string per key) cost more than
/// the rules did.
fn diagnostic<'a>(loaded: &Loaded, notes: &'a Notes, f: &'a Finding) -> Diagnostic<'a> {
    let p = place(loaded, &f.path, f.span);
    let related = f
        .related
        .iter()
        .map(|r| {
            let (rp, note) = notes.of_related(r);
            RelatedPlace { path: &r.path, bytes: rp.bytes, range: rp.range, message: note }
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

/// Writes `[a, b, …]`, each item serialised by `item` (given its index and a buffer) with
/// [`write_each`]: a chunk at a time on every core, never the whole output in memory.
pub(super) fn write_array<T: Sync>(
    out: &mut impl Write,
    items: &[T],
    item: impl Fn(usize, &T, &mut Vec<u8>) -> serde_json::Result<()> + Sync,
) -> io::Result<()> {
    out.write_all(b"[")?;
    write_each(out, items, |k, x, buf| {
        if k > 0 {
            buf.push(b',');
        }
        Ok(item(k, x, buf)?)
    })?;
    out.write_all(b"]")
}

pub(super) fn write_json(mut out: impl Write, loaded: &Loaded, findings: &[Finding]) -> io::Result<()> {
    out.write_all(br#"{"version":1,"diagnostics":"#)?;
    let notes = Notes::of(loaded, findings);
    write_array(&mut out, findings, |_, f, buf| serde_json::to_writer(buf, &diagnostic(loaded, &notes, f)))?;
    out.write_all(br#","summary":"#)?;
    serde_json::to_writer(&mut out, &summary(loaded, findings))?;
    out.write_all(br#","skipped":"#)?;
    serde_json::to_writer(&mut out, &loaded.skipped)?;
    out.write_all(b"}\n")
}
