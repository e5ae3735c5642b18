//! Baselines: the findings of an existing archive recorded by file, rule and quoted text (not
//! line), so that `--baseline` reports only new ones.

use std::collections::BTreeMap;
use std::io::{self};

use serde_json::{Value, json};
use tadqiq_core::rules::Finding;

use super::super::Loaded;

/// Findings a newsroom has accepted: each by source, rule and quoted text (not by line, so
/// edits elsewhere in the article keep it matched), with how many times it stands there.
pub(super) struct Baseline {
    accepted: BTreeMap<(String, String, String), usize>,
}

impl Baseline {
    pub(super) fn key(loaded: &Loaded, f: &Finding) -> (String, String, String) {
        let text = loaded.ws.doc(&f.path).and_then(|d| d.text.get(f.span.start..f.span.end)).unwrap_or("");
        (f.path.strip_prefix("./").unwrap_or(&f.path).to_string(), f.code.to_string(), text.to_string())
    }

    pub(super) fn of(loaded: &Loaded, findings: &[Finding]) -> Baseline {
        let mut accepted = BTreeMap::new();
        for f in findings {
            *accepted.entry(Self::key(loaded, f)).or_insert(0) += 1;
        }
        Baseline { accepted }
    }

    pub(super) fn write(&self, path: &std::path::Path) -> io::Result<()> {
        let findings: Vec<Value> = self
            .accepted
            .iter()
            .map(|((p, code, text), count)| json!({"path": p, "code": code, "text": text, "count": count}))
            .collect();
        let doc = json!({"version": 1, "findings": findings});
        std::fs::write(path, serde_json::to_string_pretty(&doc).map_err(io::Error::other)? + "\n")
    }

    pub(super) fn read(path: &std::path::Path) -> Result<Baseline, String> {
        let text =
            std::fs::read_to_string(path).map_err(|e| format!("cannot read the baseline {}: {e}", path.display()))?;
        let bad = |why: &str| format!("{}: not a tadqiq baseline: {why}", path.display());
        let doc: Value = serde_json::from_str(&text).map_err(|e| bad(&e.to_string()))?;
        if doc["version"] != 1 {
            return Err(bad("expected \"version\": 1"));
        }
        let mut accepted = BTreeMap::new();
        for f in doc["findings"].as_array().ok_or_else(|| bad("no \"findings\" list"))? {
            let field =
                |k: &str| f[k].as_str().map(str::to_string).ok_or_else(|| bad(&format!("a finding without \"{k}\"")));
            let count = f["count"].as_u64().unwrap_or(1) as usize;
            *accepted.entry((field("path")?, field("code")?, field("text")?)).or_insert(0) += count;
        }
        Ok(Baseline { accepted })
    }

    /// Whether the baseline accepts this finding (each accepted occurrence absorbs one).
    pub(super) fn absorbs(&mut self, loaded: &Loaded, f: &Finding) -> bool {
        match self.accepted.get_mut(&Self::key(loaded, f)) {
            Some(n) if *n > 0 => {
                *n -= 1;
                true
            }
            _ => false,
        }
    }
}
