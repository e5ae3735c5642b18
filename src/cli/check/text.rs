//! `--format text`: one block per finding, `path:line:col: severity[code]: message`, then
//! each related place indented; a closing line counts files and findings.

use std::io::{self, Write};

use tadqiq_core::messages::fill;
use tadqiq_core::rules::Finding;

use super::super::Loaded;
use super::{Notes, place, summary, write_each};

/// One block per finding: `path:line:col: severity[code]: message`, then the related places.
pub(super) fn write_text(mut out: impl Write, loaded: &Loaded, findings: &[Finding]) -> io::Result<()> {
    let notes = Notes::of(loaded, findings);
    write_each(&mut out, findings, |_, f, out| {
        let p = place(loaded, &f.path, f.span);
        writeln!(out, "{}:{}:{}: {}[{}]: {}", f.path, p.line, p.column, f.severity, f.code, loaded.message(f))?;
        for r in &f.related {
            let (rp, note) = notes.of_related(r);
            writeln!(out, "    {}:{}:{}: {}", r.path, rp.line, rp.column, note)?;
        }
        writeln!(out)
    })?;
    let s = summary(loaded, findings);
    let n = |k: &str| s[k].to_string();
    let counts = ["files", "errors", "warnings", "infos", "hints"].map(|k| (k, n(k)));
    let args: Vec<(&str, &str)> = counts.iter().map(|(k, v)| (*k, v.as_str())).collect();
    writeln!(out, "{}", fill(loaded.lang, "cli.summary", &args))
}
