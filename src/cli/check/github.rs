//! `--format github`: workflow commands, so findings show on the pull request.

use std::io::{self, Write};

use tadqiq_core::rules::{Finding, Severity};

use super::super::Loaded;
use super::{Notes, place, write_each};

/// GitHub Actions workflow commands: one `::warning file=…::message` line per finding.
pub(super) fn write_github(mut out: impl Write, loaded: &Loaded, findings: &[Finding]) -> io::Result<()> {
    // Data is escaped for %, CR and LF; properties also for : and ,.
    let data = |s: &str| s.replace('%', "%25").replace('\r', "%0D").replace('\n', "%0A");
    let prop = |s: &str| data(s).replace(':', "%3A").replace(',', "%2C");
    let notes = Notes::of(loaded, findings);
    write_each(&mut out, findings, |_, f, out| {
        let p = place(loaded, &f.path, f.span);
        let level = match f.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Info | Severity::Hint => "notice",
        };
        let mut message = loaded.message(f);
        for r in &f.related {
            let (rp, note) = notes.of_related(r);
            message.push_str(&format!("\n{}:{}:{}: {}", r.path, rp.line, rp.column, note));
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
        )
    })
}
