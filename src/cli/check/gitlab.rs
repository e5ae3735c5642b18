//! `--format gitlab`: GitLab Code Quality (a CodeClimate subset), so findings show in merge
//! requests: a JSON array of issues with `description`, `check_name`, `fingerprint`,
//! `severity` and `location` (`path`, `lines.begin`).

use std::collections::HashMap;
use std::io::{self, Write};

use serde_json::json;
use tadqiq_core::rules::{Finding, Severity};

use super::super::Loaded;
use super::json::write_array;
use super::place;

pub(super) fn write_gitlab(mut out: impl Write, loaded: &Loaded, findings: &[Finding]) -> io::Result<()> {
    // A fingerprint must stay the same while the finding does, whatever else the article
    // gains: source, rule and quoted text (the nth such, for repeats), as baselines match.
    let mut seen: HashMap<(&str, &str, &str), usize> = HashMap::new();
    let fingerprints: Vec<String> = findings
        .iter()
        .map(|f| {
            let quote = loaded.ws.doc(&f.path).and_then(|d| d.text.get(f.span.start..f.span.end)).unwrap_or("");
            let nth = seen.entry((&f.path, f.code, quote)).or_insert(0);
            *nth += 1;
            format!("{:016x}", fnv1a(format!("{}\0{}\0{quote}\0{nth}", f.path, f.code).as_bytes()))
        })
        .collect();
    write_array(&mut out, findings, |i, f, buf| {
        let p = place(loaded, &f.path, f.span);
        let issue = json!({
            "type": "issue",
            "description": loaded.message(f),
            "check_name": format!("tadqiq/{}", f.code),
            "categories": ["Bug Risk"],
            "fingerprint": fingerprints[i],
            "severity": match f.severity {
                Severity::Error => "major",
                Severity::Warning => "minor",
                Severity::Info | Severity::Hint => "info",
            },
            "location": {
                "path": f.path.strip_prefix("./").unwrap_or(&f.path),
                "lines": {"begin": p.line, "end": p.end_line},
            },
        });
        serde_json::to_writer(buf, &issue)
    })?;
    writeln!(out)
}

/// FNV-1a, 64 bits: a stable hash with no dependency, enough to tell findings apart.
fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf29ce484222325, |h, &b| (h ^ u64::from(b)).wrapping_mul(0x100000001b3))
}
