//! `--format junit`: JUnit XML, which CI systems (GitLab, Jenkins, Azure, CircleCI) show as
//! test results: one test suite per article checked, one failing test case per finding. An
//! article without findings is one passing case, so the report says what was checked.

use std::collections::BTreeMap;
use std::io::{self, Write};

use tadqiq_core::rules::{Finding, Severity};

use super::super::Loaded;
use super::{Notes, place, write_each};

pub(super) fn write_junit(mut out: impl Write, loaded: &Loaded, findings: &[Finding]) -> io::Result<()> {
    let mut by_file: BTreeMap<&str, Vec<&Finding>> =
        loaded.files.iter().map(|f| (f.path.as_str(), Vec::new())).collect();
    for f in findings {
        by_file.entry(&f.path).or_default().push(f);
    }
    fn failing(f: &Finding) -> bool {
        f.severity >= Severity::Warning
    }
    let failures: usize = by_file.values().map(|fs| fs.iter().filter(|f| failing(f)).count()).sum();
    let tests: usize = by_file.values().map(|fs| fs.len().max(1)).sum();
    writeln!(out, r#"<?xml version="1.0" encoding="UTF-8"?>"#)?;
    writeln!(out, r#"<testsuites name="tadqiq" tests="{tests}" failures="{failures}" errors="0">"#)?;
    let suites: Vec<(&str, Vec<&Finding>)> = by_file.into_iter().collect();
    let notes = Notes::of(loaded, findings);
    write_each(&mut out, &suites, |_, (path, fs), out| {
        let name = xml(path.strip_prefix("./").unwrap_or(path));
        let failed = fs.iter().filter(|f| failing(f)).count();
        writeln!(
            out,
            r#"  <testsuite name="{name}" tests="{}" failures="{failed}" errors="0" skipped="0">"#,
            fs.len().max(1)
        )?;
        if fs.is_empty() {
            writeln!(out, r#"    <testcase name="tadqiq" classname="{name}"/>"#)?;
        }
        for f in fs {
            let p = place(loaded, &f.path, f.span);
            let quote = loaded.ws.doc(&f.path).and_then(|d| d.text.get(f.span.start..f.span.end)).unwrap_or("");
            let case = xml(&format!("{} at {}:{}: «{quote}»", f.code, p.line, p.column));
            write!(out, r#"    <testcase name="{case}" classname="{name}" file="{name}" line="{}">"#, p.line)?;
            let mut body =
                format!("{}:{}:{}: {}[{}]: {}", path, p.line, p.column, f.severity, f.code, loaded.message(f));
            for r in &f.related {
                let (rp, note) = notes.of_related(r);
                body.push_str(&format!("\n    {}:{}:{}: {}", r.path, rp.line, rp.column, note));
            }
            // Warnings and errors fail the case; infos and hints are written out, not failed.
            let element = if failing(f) { "failure" } else { "system-out" };
            if element == "failure" {
                write!(out, r#"<failure type="{}" message="{}">"#, f.code, xml(&loaded.message(f)))?;
            } else {
                write!(out, "<{element}>")?;
            }
            write!(out, "{}</{element}></testcase>", xml(&body).replace("&#10;", "\n"))?;
            writeln!(out)?;
        }
        writeln!(out, "  </testsuite>")
    })?;
    writeln!(out, "</testsuites>")
}

/// Text as XML character data or an attribute value: markup escaped, and characters XML 1.0
/// cannot carry at all (most C0 controls) replaced, so any article text gives valid XML.
fn xml(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\n' => out.push_str("&#10;"),
            '\t' | '\r' => out.push_str(&format!("&#{};", c as u32)),
            c if (c as u32) < 0x20 || c == '\u{FFFE}' || c == '\u{FFFF}' => out.push('\u{FFFD}'),
            c => out.push(c),
        }
    }
    out
}
