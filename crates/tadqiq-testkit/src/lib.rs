//! What must hold for any input, whatever it is: checked by the fuzz targets (`fuzz/`), by
//! their replay on stable (`tests/fuzz_replay.rs`) and by the property tests
//! (`tests/no_panic.rs`). Each function panics, naming the broken property, when one fails.

use std::sync::Arc;
use std::time::Duration;

use tokio::io::AsyncWriteExt;

use tadqiq_core::analysis::analyse;
use tadqiq_core::entities::Gazetteer;
use tadqiq_core::rules::{RuleSettings, check};
use tadqiq_core::source::decode;
use tadqiq_core::workspace::Workspace;

/// Extraction never panics and every mention is a non-empty piece of the text, on character
/// boundaries, in text order, none overlapping the one before.
pub fn extraction(text: &str) {
    let mut last_end = 0;
    for m in &analyse(text, None).mentions {
        assert!(m.span.start < m.span.end, "empty span {m:?}");
        assert!(m.span.start >= last_end, "overlapping or unordered spans in {text:?}");
        assert!(m.span.end <= text.len(), "span {m:?} past the end");
        assert!(
            text.is_char_boundary(m.span.start) && text.is_char_boundary(m.span.end),
            "span {m:?} splits a character"
        );
        last_end = m.span.end;
    }
}

/// Any bytes as an article file: decoded (or refused with a reason), then [`extraction`].
pub fn article_bytes(bytes: &[u8]) {
    if let Ok(decoded) = decode(bytes) {
        extraction(&decoded.text);
    }
}

/// Text as up to three sources of one story (split at NUL), with entities and every rule: each
/// finding lies on character boundaries inside its source.
pub fn rules(text: &str, gazetteer: Arc<Gazetteer>) {
    let mut ws = Workspace::new(gazetteer);
    ws.extend(text.splitn(3, '\0').enumerate().map(|(i, t)| (format!("{i}.txt"), t.to_string(), None)));
    for f in check(&ws, &RuleSettings::default()) {
        let source = &ws.doc(&f.path).expect("a finding names a source").text;
        assert!(f.span.start <= f.span.end && f.span.end <= source.len(), "finding {} out of its source", f.code);
        assert!(
            source.is_char_boundary(f.span.start) && source.is_char_boundary(f.span.end),
            "{} splits a character",
            f.code
        );
    }
}

/// Any bytes on the server's input: it never panics, and stops when its input ends.
pub async fn server_input(bytes: &[u8]) {
    let (client, server) = tokio::io::duplex(1 << 16);
    let (read, write) = tokio::io::split(server);
    let serving = tokio::spawn(tadqiq_lsp::serve(read, write));
    // The answers, drained so the server never blocks on a full pipe.
    let (mut answers, mut input) = tokio::io::split(client);
    let drain = tokio::spawn(async move { tokio::io::copy(&mut answers, &mut tokio::io::sink()).await });
    let _ = input.write_all(bytes).await;
    let _ = input.shutdown().await;
    drop(input);
    let stopped = tokio::time::timeout(Duration::from_secs(10), serving).await;
    drain.abort();
    assert!(matches!(stopped, Ok(Ok(()))), "the server did not stop cleanly at the end of its input");
}
