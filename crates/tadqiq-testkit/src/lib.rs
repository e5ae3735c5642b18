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

/// Any bytes on the server's input: it never panics; it still answers after them (a message
/// it cannot use gets an error, never the end of the service); and it stops when its input ends.
///
/// Liveness is asked with a request of its own after the input, when the input ends on a
/// frame boundary (else the request would be read as the rest of an unfinished frame), unless
/// the input itself asked the server to exit.
pub async fn server_input(bytes: &[u8]) {
    const PING: &str = r#"{"jsonrpc":"2.0","id":"tadqiq-liveness","method":"tadqiq/liveness"}"#;
    let (client, server) = tokio::io::duplex(1 << 16);
    let (read, write) = tokio::io::split(server);
    let serving = tokio::spawn(tadqiq_lsp::serve(read, write));
    let (mut answers, mut input) = tokio::io::split(client);
    // The answers, read so the server never blocks on a full pipe, watched for the ping's.
    let (answered_tx, answered) = tokio::sync::oneshot::channel::<()>();
    let reader = tokio::spawn(async move {
        let mut answered_tx = Some(answered_tx);
        let mut seen = Vec::new();
        let mut buf = [0u8; 8192];
        while let Ok(n) = tokio::io::AsyncReadExt::read(&mut answers, &mut buf).await {
            if n == 0 {
                break;
            }
            seen.extend_from_slice(&buf[..n]);
            if answered_tx.is_some() && contains(&seen, b"tadqiq-liveness") {
                let _ = answered_tx.take().map(|tx| tx.send(()));
            }
            // Keep only a tail long enough to find the id split across reads.
            if seen.len() > 64 {
                seen.drain(..seen.len() - 64);
            }
        }
    });
    let _ = input.write_all(bytes).await;
    if ends_on_frame_boundary(bytes) && !contains(bytes, b"exit") {
        let frame = format!("Content-Length: {}\r\n\r\n{PING}", PING.len());
        let _ = input.write_all(frame.as_bytes()).await;
        let alive = tokio::time::timeout(Duration::from_secs(10), answered).await;
        assert!(matches!(alive, Ok(Ok(()))), "the server stopped answering after its input");
    }
    let _ = input.shutdown().await;
    drop(input);
    let stopped = tokio::time::timeout(Duration::from_secs(10), serving).await;
    reader.abort();
    assert!(matches!(stopped, Ok(Ok(_))), "the server did not stop cleanly at the end of its input");
}

fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    haystack.windows(needle.len()).any(|w| w == needle)
}

/// Whether `bytes` is whole frames (`Content-Length` headers, a blank line, that many bytes),
/// as the server's transport reads them, with nothing after the last.
fn ends_on_frame_boundary(mut bytes: &[u8]) -> bool {
    loop {
        // Blank lines between frames are skipped.
        while let Some(rest) = bytes.strip_prefix(b"\r\n").or_else(|| bytes.strip_prefix(b"\n")) {
            bytes = rest;
        }
        if bytes.is_empty() {
            return true;
        }
        let mut length = None;
        loop {
            let Some(end) = bytes.iter().position(|&b| b == b'\n') else { return false };
            let line = String::from_utf8_lossy(&bytes[..end]);
            bytes = &bytes[end + 1..];
            let line = line.trim_end_matches('\r');
            if line.is_empty() {
                break;
            }
            match line.split_once(':') {
                Some((name, value)) if name.eq_ignore_ascii_case("content-length") => {
                    length = value.trim().parse::<usize>().ok();
                    if length.is_none() {
                        return false;
                    }
                }
                Some(_) => {}
                None => return false,
            }
        }
        let Some(length) = length else { return false };
        if bytes.len() < length {
            return false;
        }
        bytes = &bytes[length..];
    }
}
