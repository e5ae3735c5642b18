//! `--format text`: one block per finding, `path:line:col: severity[code]: message`, then
//! each related place indented; a closing line counts files and findings.

use std::io::{self, Write};

use tadqiq_core::rules::Finding;

use super::super::Loaded;
use super::{place, summary};

/// One block per finding: `path:line:col: severity[code]: message`, then the related places.
pub(super) fn write_text(mut out: impl Write, loaded: &Loaded, findings: &[Finding]) -> io::Result<()> {
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
