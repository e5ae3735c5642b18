//! The server's input, made safe to parse.
//!
//! tower-lsp-server reads frames through tokio-util's `FramedRead`, which ends the stream at
//! the first frame it cannot decode (tokio-rs/tokio#3976): one malformed message, or valid
//! JSON that is not a JSON-RPC message (`[]`), would silently stop the server. This filter
//! frames the input itself and passes through, untouched, only messages the library's own
//! decoder accepts (checked with a type of the same shape as the library's: a duplicated
//! key, which serde_json's `Value` would silently take the last of, is refused here as it
//! would be there). Anything else becomes a `tadqiq/invalidMessage` request with `id: null`,
//! which the server answers with a JSON-RPC error (-32700 for what is not JSON, -32600 for
//! JSON that is not a valid request), as the specification asks, and keeps serving.

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
                Ok(body) => match check(&body) {
                    Ok(()) => body,
                    Err(invalid) => substitute(&invalid.reason, invalid.code),
                },
                Err(reason) => substitute(&reason, PARSE_ERROR),
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

const PARSE_ERROR: i64 = -32700;
const INVALID_REQUEST: i64 = -32600;

fn substitute(reason: &str, code: i64) -> Vec<u8> {
    json!({"jsonrpc": "2.0", "id": null, "method": INVALID, "params": {"reason": reason, "code": code}})
        .to_string()
        .into_bytes()
}

struct Invalid {
    reason: String,
    code: i64,
}

/// The library's own message type, in the shape it decodes every frame into (tower-lsp-server's
/// `jsonrpc::Message` is private; its parts are public): whatever fails here would fail there,
/// and there a failure ends the stream.
#[derive(serde::Deserialize)]
#[serde(untagged)]
#[allow(dead_code)] // only decoded, to see that it decodes
enum LibraryMessage {
    Response(tower_lsp_server::jsonrpc::Response),
    Request(tower_lsp_server::jsonrpc::Request),
}

/// Whether a body can go on to the library: JSON, a JSON-RPC 2.0 message, and decodable by the
/// library's own types.
fn check(body: &[u8]) -> Result<(), Invalid> {
    let value: Value =
        serde_json::from_slice(body).map_err(|e| Invalid { reason: format!("not JSON ({e})"), code: PARSE_ERROR })?;
    let invalid = |reason: &str| Invalid { reason: reason.to_string(), code: INVALID_REQUEST };
    if !is_message(&value) {
        return Err(invalid("not a JSON-RPC 2.0 message"));
    }
    if let Err(e) = serde_json::from_slice::<LibraryMessage>(body) {
        return Err(invalid(&format!("not a valid JSON-RPC message ({e})")));
    }
    if has_duplicate_key(body) {
        return Err(invalid("a JSON-RPC message with a key given twice"));
    }
    Ok(())
}

/// Whether the top-level object names a key twice (`"method"` twice): JSON leaves the meaning
/// open, and a reader that takes the last would act on a different message than one that
/// takes the first.
fn has_duplicate_key(body: &[u8]) -> bool {
    #[derive(Default)]
    struct Keys(bool);
    impl<'de> serde::de::Visitor<'de> for Keys {
        type Value = bool;
        fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
            f.write_str("a JSON object")
        }
        fn visit_map<A: serde::de::MapAccess<'de>>(self, mut map: A) -> Result<bool, A::Error> {
            let mut seen = std::collections::HashSet::new();
            let mut duplicate = self.0;
            while let Some(key) = map.next_key::<String>()? {
                duplicate |= !seen.insert(key);
                map.next_value::<serde::de::IgnoredAny>()?;
            }
            Ok(duplicate)
        }
    }
    let mut de = serde_json::Deserializer::from_slice(body);
    serde::Deserializer::deserialize_map(&mut de, Keys::default()).unwrap_or(true)
}

/// Whether a value is a JSON-RPC 2.0 request, notification or response.
fn is_message(value: &Value) -> bool {
    let Value::Object(m) = value else { return false };
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
        let ok = |b: &[u8]| check(b).is_ok();
        let code = |b: &[u8]| check(b).err().map(|e| e.code);
        assert!(ok(br#"{"jsonrpc":"2.0","id":1,"method":"initialize","params":{}}"#));
        assert!(ok(br#"{"jsonrpc":"2.0","method":"initialized"}"#));
        assert!(ok(br#"{"jsonrpc":"2.0","id":1,"result":null}"#));
        assert_eq!(code(b"[]"), Some(INVALID_REQUEST));
        assert_eq!(code(b"{not json"), Some(PARSE_ERROR));
        assert_eq!(code(br#"{"jsonrpc":"1.0","method":"x"}"#), Some(INVALID_REQUEST));
        assert_eq!(code(br#"{"jsonrpc":"2.0","id":1.5,"method":"x"}"#), Some(INVALID_REQUEST));
        assert_eq!(code(br#"{"jsonrpc":"2.0","method":"x","params":3}"#), Some(INVALID_REQUEST));
        // The library's decoder refuses a duplicated field, and then ends the stream.
        assert_eq!(code(br#"{"jsonrpc":"2.0","method":"x","method":"y"}"#), Some(INVALID_REQUEST));
        assert_eq!(code(br#"{"jsonrpc":"2.0","id":1,"id":2,"method":"x"}"#), Some(INVALID_REQUEST));
    }
}
