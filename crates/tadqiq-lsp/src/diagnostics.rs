//! Findings as LSP diagnostics, with their related places in the other sources.
//!
//! Each diagnostic carries in `data` the version of the document it was found in and its
//! index among the snapshot's findings for that document: a code action works from the
//! server's own finding and text, never from what the client sends back of it.

use serde_json::json;
use tadqiq_core::messages::Lang;
use tadqiq_core::rules::{Finding, Severity};
use tadqiq_core::workspace::Workspace;
use tower_lsp_server::ls_types::*;

use crate::convert::{self, Encoding};
use crate::session::uri_of;

/// A span of any source as an LSP range, from the text the workspace analysed.
pub fn range(ws: &Workspace, path: &str, span: tadqiq_core::extract::Span, encoding: Encoding) -> Option<Range> {
    let doc = ws.doc(path)?;
    Some(convert::range_in(&doc.text, doc.lines(), encoding, span))
}

pub fn location(ws: &Workspace, path: &str, span: tadqiq_core::extract::Span, encoding: Encoding) -> Option<Location> {
    Some(Location { uri: uri_of(path)?, range: range(ws, path, span, encoding)? })
}

/// The `data` of a diagnostic: which finding, found in which version.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Data {
    pub finding: usize,
    pub version: i32,
}

impl Data {
    pub fn to_value(self) -> serde_json::Value {
        json!({"finding": self.finding, "version": self.version})
    }

    pub fn from_value(value: &serde_json::Value) -> Option<Data> {
        Some(Data {
            finding: usize::try_from(value.get("finding")?.as_u64()?).ok()?,
            version: i32::try_from(value.get("version")?.as_i64()?).ok()?,
        })
    }
}

/// A finding as an LSP diagnostic: `data` says it is `finding` of the document at `version`.
pub fn diagnostic(ws: &Workspace, f: &Finding, encoding: Encoding, lang: Lang, data: Data) -> Option<Diagnostic> {
    let range = range(ws, &f.path, f.span, encoding)?;
    let related = f
        .related
        .iter()
        .filter_map(|r| {
            Some(DiagnosticRelatedInformation {
                location: location(ws, &r.path, r.span, encoding)?,
                message: r.say(ws, lang),
            })
        })
        .collect();
    Some(Diagnostic {
        range,
        severity: Some(match f.severity {
            Severity::Error => DiagnosticSeverity::ERROR,
            Severity::Warning => DiagnosticSeverity::WARNING,
            Severity::Info => DiagnosticSeverity::INFORMATION,
            Severity::Hint => DiagnosticSeverity::HINT,
        }),
        code: Some(NumberOrString::String(f.code.to_string())),
        code_description: tadqiq_core::rules::rule(f.code)
            .and_then(|r| r.doc_url().parse::<Uri>().ok())
            .map(|href| CodeDescription { href }),
        source: Some("tadqiq".into()),
        message: f.say(ws, lang),
        related_information: Some(related),
        data: Some(data.to_value()),
        ..Default::default()
    })
}
