//! The server's input, made safe to parse.
//!
//! tower-lsp-server reads frames through tokio-util's `FramedRead`, which ends the stream at
//! the first frame it cannot decode (tokio-rs/tokio#3976): one malformed message, or valid
//! JSON that is not a JSON-RPC message (`[]`), would silently stop the server. This filter
//! frames the input itself and passes well-formed messages through untouched; anything else
//! becomes a `tadqiq/invalidMessage` request with `id: null`, which the server answers with a
//! JSON-RPC parse error (-32700, id null), as the specification asks, and keeps serving.

use serde_json::{Value, json};
use tokio::io::{AsyncBufReadExt, AsyncRead, AsyncReadExt, AsyncWriteExt, BufReader, DuplexStream};

/// Bodies larger than this are skipped, not read into memory.
const MAX_BODY: usize = 64 << 20;

/// The method the filter substitutes for a message it cannot pass on.
pub const INVALID: &str = "tadqiq/invalidMessage";

pub fn sanitize<R>(input: R) -> DuplexStream
where
    R: AsyncRead + Unpin + Send + 'static,
{
    let (mut out, reader) = tokio::io::duplex(1 << 20);
    tokio::spawn(async move {
        let mut input = BufReader::new(input);
        while let Some(frame) = next_frame(&mut input).await {
            let body = match frame {
                Ok(body) if is_message(&body) => body,
                Ok(_) => substitute("not a JSON-RPC 2.0 message"),
                Err(reason) => substitute(&reason),
            };
            let header = format!("Content-Length: {}\r\n\r\n", body.len());
            if out.write_all(header.as_bytes()).await.is_err() || out.write_all(&body).await.is_err() {
                return;
            }
        }
        // End of input: the server sees the end of its stream and stops.
    });
    reader
}

fn substitute(reason: &str) -> Vec<u8> {
    json!({"jsonrpc": "2.0", "id": null, "method": INVALID, "params": {"reason": reason}}).to_string().into_bytes()
}

/// Whether a body is a JSON-RPC 2.0 request, notification or response.
fn is_message(body: &[u8]) -> bool {
    let Ok(Value::Object(m)) = serde_json::from_slice::<Value>(body) else { return false };
    if m.get("jsonrpc").and_then(Value::as_str) != Some("2.0") {
        return false;
    }
    let id_ok = m.get("id").is_none_or(|id| id.is_null() || id.is_string() || id.is_i64());
    let params_ok = m.get("params").is_none_or(|p| p.is_object() || p.is_array() || p.is_null());
    let request = m.get("method").is_some_and(Value::is_string) && params_ok;
    let response = m.contains_key("id") && (m.contains_key("result") || m.contains_key("error"));
    id_ok && (request || response)
}

/// The next frame's body, an error for a frame that cannot be read, or `None` at the end.
async fn next_frame<R: AsyncRead + Unpin>(input: &mut BufReader<R>) -> Option<Result<Vec<u8>, String>> {
    let mut length: Option<usize> = None;
    let mut bad_header = None;
    let mut saw_header = false;
    loop {
        let mut line = Vec::new();
        // Header lines are short; a runaway one is read in bounded pieces.
        let n = (&mut *input).take(8192).read_until(b'\n', &mut line).await.ok()?;
        if n == 0 {
            return None;
        }
        let text = String::from_utf8_lossy(&line);
        let mut text = text.trim_end_matches(['\r', '\n']);
        // After a frame whose length could not be read, its body runs into the next header:
        // resynchronise on the header instead of losing every message after it.
        if let Some(at) = text.to_ascii_lowercase().find("content-length:").filter(|&at| at > 0) {
            text = &text[at..];
        }
        if text.is_empty() {
            if saw_header {
                break;
            }
            continue; // stray blank lines between frames
        }
        saw_header = true;
        match text.split_once(':') {
            Some((name, value)) if name.eq_ignore_ascii_case("content-length") => match value.trim().parse() {
                Ok(n) => length = Some(n),
                Err(_) => bad_header = Some(format!("invalid Content-Length {:?}", value.trim())),
            },
            Some(_) => {}
            None => bad_header = Some("a header line without a colon".to_string()),
        }
    }
    if let Some(reason) = bad_header {
        return Some(Err(reason));
    }
    let Some(length) = length else { return Some(Err("no Content-Length".into())) };
    if length > MAX_BODY {
        let skipped = tokio::io::copy(&mut (&mut *input).take(length as u64), &mut tokio::io::sink()).await.ok()?;
        if skipped < length as u64 {
            return None;
        }
        return Some(Err(format!("a message of {length} bytes is over the {MAX_BODY}-byte limit")));
    }
    let mut body = vec![0; length];
    input.read_exact(&mut body).await.ok()?;
    Some(Ok(body))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn messages_and_not_messages() {
        assert!(is_message(br#"{"jsonrpc":"2.0","id":1,"method":"initialize","params":{}}"#));
        assert!(is_message(br#"{"jsonrpc":"2.0","method":"initialized"}"#));
        assert!(is_message(br#"{"jsonrpc":"2.0","id":1,"result":null}"#));
        assert!(!is_message(b"[]"));
        assert!(!is_message(b"{not json"));
        assert!(!is_message(br#"{"jsonrpc":"1.0","method":"x"}"#));
        assert!(!is_message(br#"{"jsonrpc":"2.0","id":1.5,"method":"x"}"#));
        assert!(!is_message(br#"{"jsonrpc":"2.0","method":"x","params":3}"#));
    }
}
