//! `--format json`: `version`, `diagnostics` (bytes, LSP range, severity, code, message,
//! related), `summary` and `skipped`, written as produced.

use std::io::{self, Write};

use serde_json::{Value, json};
use tadqiq_core::rules::Finding;

use super::super::Loaded;
use super::{place, summary};

pub(super) fn diagnostic_json(loaded: &Loaded, f: &Finding) -> Value {
    let p = place(loaded, &f.path, f.span);
    let related: Vec<Value> = f
        .related
        .iter()
        .map(|r| {
            let rp = place(loaded, &r.path, r.span);
            json!({"path": &*r.path, "bytes": rp.bytes, "range": rp.range, "message": loaded.note(r)})
        })
        .collect();
    json!({
        "path": &*f.path,
        "bytes": p.bytes,
        "range": p.range,
        "severity": f.severity.as_str(),
        "code": f.code,
        "message": loaded.message(f),
        "related": related,
    })
}

/// Writes `[a, b, …]`, serialising one item at a time: a run over thousands of articles
/// never holds its whole output in memory.
pub(super) fn write_array<T>(out: &mut impl Write, items: &[T], item: impl Fn(&T) -> Value) -> io::Result<()> {
    out.write_all(b"[")?;
    for (k, x) in items.iter().enumerate() {
        if k > 0 {
            out.write_all(b",")?;
        }
        serde_json::to_writer(&mut *out, &item(x))?;
    }
    out.write_all(b"]")
}

pub(super) fn write_json(mut out: impl Write, loaded: &Loaded, findings: &[Finding]) -> io::Result<()> {
    out.write_all(br#"{"version":1,"diagnostics":"#)?;
    write_array(&mut out, findings, |f| diagnostic_json(loaded, f))?;
    out.write_all(br#","summary":"#)?;
    serde_json::to_writer(&mut out, &summary(loaded, findings))?;
    out.write_all(br#","skipped":"#)?;
    serde_json::to_writer(&mut out, &loaded.skipped)?;
    out.write_all(b"}\n")
}
