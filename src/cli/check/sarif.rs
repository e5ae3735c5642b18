//! `--format sarif`: SARIF 2.1.0 with every rule described, UTF-16 columns, byte offsets and
//! related locations, as code-scanning services read it.

use std::io::{self, Write};

use serde_json::{Value, json};
use tadqiq_core::extract::Span;
use tadqiq_core::rules::{Finding, RULES, Severity};

use super::super::Loaded;
use super::json::write_array;
use super::{Notes, Place, place};

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
    location_at(path, &place(loaded, path, span))
}

fn location_at(path: &str, p: &Place) -> Value {
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
pub(super) fn write_sarif(mut out: impl Write, loaded: &Loaded, findings: &[Finding]) -> io::Result<()> {
    let rules: Vec<Value> = RULES
        .iter()
        .map(|r| {
            json!({
                "id": r.code,
                "shortDescription": {"text": r.summary(loaded.lang)},
                "fullDescription": {"text": r.explain(loaded.lang)},
                "help": {"text": r.explain(loaded.lang)},
                "helpUri": r.doc_url(),
                "defaultConfiguration": {"level": sarif_level(r.default)},
            })
        })
        .collect();
    let notes = Notes::of(loaded, findings);
    let result = |f: &Finding| {
        let related: Vec<Value> = f
            .related
            .iter()
            .enumerate()
            .map(|(i, r)| {
                let (p, note) = notes.of_related(r);
                let mut loc = location_at(&r.path, p);
                loc["id"] = json!(i + 1);
                loc["message"] = json!({"text": note});
                loc
            })
            .collect();
        json!({
            "ruleId": f.code,
            "ruleIndex": RULES.iter().position(|r| r.code == f.code).unwrap_or(0),
            "level": sarif_level(f.severity),
            "message": {"text": loaded.message(f)},
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
    write_array(&mut out, findings, |_, f, buf| serde_json::to_writer(buf, &result(f)))?;
    out.write_all(b"}]}\n")
}
