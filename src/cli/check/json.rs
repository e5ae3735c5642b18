//! `--format json`: `version`, `diagnostics` (bytes, LSP range, severity, code, message,
//! related), `summary` and `skipped`, written as produced.

use std::io::{self, Write};

use tadqiq_core::rules::Finding;
use tadqiq_core::workspace::par_map;

use super::super::{Loaded, json_writer as w};
use super::{Notes, place, summary, write_each};

/// A finding as `--format json` writes it, in the format's order of fields: `path`, `bytes`,
/// `range`, `severity`, `code`, `message`, `related` (each `path`, `bytes`, `range`,
/// `message`). Written by hand ([`w`]): a large run writes tens of thousands of these. A
/// related place many findings share (one claim that many sources contradict) is written
/// once, in `related`, and copied into each.
fn diagnostic(out: &mut Vec<u8>, loaded: &Loaded, notes: &Notes, related: &[Vec<u8>], f: &Finding) {
    let p = place(loaded, &f.path, f.span);
    out.extend_from_slice(br#"{"path":"#);
    w::string(out, &f.path);
    out.extend_from_slice(br#","bytes":"#);
    w::pair(out, p.bytes);
    out.extend_from_slice(br#","range":"#);
    w::range(out, p.range);
    out.extend_from_slice(br#","severity":"#);
    w::string(out, f.severity.as_str());
    out.extend_from_slice(br#","code":"#);
    w::string(out, f.code);
    out.extend_from_slice(br#","message":"#);
    w::string(out, &loaded.message(f));
    out.extend_from_slice(br#","related":["#);
    for (k, r) in f.related.iter().enumerate() {
        if k > 0 {
            out.push(b',');
        }
        out.extend_from_slice(&related[notes.number(r)]);
    }
    out.extend_from_slice(b"]}");
}

/// Each distinct related place as `related` lists it: `{"path":…,"bytes":…,"range":…,"message":…}`.
fn related_places(notes: &Notes) -> Vec<Vec<u8>> {
    let distinct: Vec<_> = notes.distinct().collect();
    par_map(&distinct, |(r, place, note)| {
        let mut out = Vec::new();
        out.extend_from_slice(br#"{"path":"#);
        w::string(&mut out, &r.path);
        out.extend_from_slice(br#","bytes":"#);
        w::pair(&mut out, place.bytes);
        out.extend_from_slice(br#","range":"#);
        w::range(&mut out, place.range);
        out.extend_from_slice(br#","message":"#);
        w::string(&mut out, note);
        out.push(b'}');
        out
    })
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
    let related = related_places(&notes);
    write_array(&mut out, findings, |_, f, buf| {
        diagnostic(buf, loaded, &notes, &related, f);
        Ok(())
    })?;
    out.write_all(br#","summary":"#)?;
    serde_json::to_writer(&mut out, &summary(loaded, findings))?;
    out.write_all(br#","skipped":"#)?;
    serde_json::to_writer(&mut out, &loaded.skipped)?;
    out.write_all(b"}\n")
}
