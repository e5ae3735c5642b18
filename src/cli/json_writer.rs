//! JSON written straight into a buffer, for the outputs a large run writes tens of thousands
//! of times: the same bytes serde_json writes (its escapes, its number forms), without its
//! per-field machinery. At 10,000 articles `check --format json` spent a tenth of a re-check
//! in serde_json, a third of that escaping strings a byte at a time.

use super::{LineColumn, Range};

/// `s` as a JSON string, escaped as serde_json escapes: `"` and `\` with a backslash, the
/// controls with a short escape where JSON has one (`\b \f \n \r \t`) and `\u00xx` (lower-case
/// hex) otherwise; everything else, all of Arabic, as it is.
pub(super) fn string(out: &mut Vec<u8>, s: &str) {
    let bytes = s.as_bytes();
    out.reserve(bytes.len() + 2);
    out.push(b'"');
    // `start..` is not yet copied; `at` is where the search stands.
    let (mut start, mut at) = (0, 0);
    while at < bytes.len() {
        // Eight bytes at once while none of them needs an escape (an article's text almost
        // never has one).
        if let Some(word) = bytes.get(at..at + 8) {
            let word = u64::from_le_bytes(word.try_into().unwrap_or_default());
            if !needs_escape(word) {
                at += 8;
                continue;
            }
        }
        let b = bytes[at];
        let short: &[u8] = match b {
            b'"' => b"\\\"",
            b'\\' => b"\\\\",
            0x08 => b"\\b",
            0x0c => b"\\f",
            b'\n' => b"\\n",
            b'\r' => b"\\r",
            b'\t' => b"\\t",
            0x00..=0x1f => b"",
            _ => {
                at += 1;
                continue;
            }
        };
        out.extend_from_slice(&bytes[start..at]);
        if short.is_empty() {
            const HEX: &[u8; 16] = b"0123456789abcdef";
            out.extend_from_slice(&[b'\\', b'u', b'0', b'0', HEX[usize::from(b >> 4)], HEX[usize::from(b & 0xf)]]);
        } else {
            out.extend_from_slice(short);
        }
        at += 1;
        start = at;
    }
    out.extend_from_slice(&bytes[start..]);
    out.push(b'"');
}

/// Whether any of a word's eight bytes is `"`, `\` or below 0x20. Each test is the classic
/// "has a byte less than n" of a word (exact as a yes or no for n ≤ 128): a byte below 0x20,
/// or a zero byte after XOR with the quote or the backslash.
fn needs_escape(word: u64) -> bool {
    const ONES: u64 = u64::from_ne_bytes([0x01; 8]);
    const HIGH: u64 = u64::from_ne_bytes([0x80; 8]);
    let below = |x: u64, n: u64| x.wrapping_sub(ONES * n) & !x & HIGH;
    (below(word, 0x20) | below(word ^ (ONES * u64::from(b'"')), 1) | below(word ^ (ONES * u64::from(b'\\')), 1)) != 0
}

/// `s` as a JSON string, or `null`.
pub(super) fn optional_string(out: &mut Vec<u8>, s: Option<&str>) {
    match s {
        Some(s) => string(out, s),
        None => out.extend_from_slice(b"null"),
    }
}

/// `true` or `false`.
pub(super) fn boolean(out: &mut Vec<u8>, b: bool) {
    out.extend_from_slice(if b { b"true" } else { b"false" });
}

/// An unsigned number as JSON writes it.
pub(super) fn number(out: &mut Vec<u8>, n: usize) {
    out.extend_from_slice(itoa::Buffer::new().format(n).as_bytes());
}

/// `[start,end]`.
pub(super) fn pair(out: &mut Vec<u8>, [start, end]: [usize; 2]) {
    out.push(b'[');
    number(out, start);
    out.push(b',');
    number(out, end);
    out.push(b']');
}

/// An LSP range, `{"start":{"line":…,"character":…},"end":{…}}`, or `null`.
pub(super) fn range(out: &mut Vec<u8>, range: Option<Range>) {
    let Some(Range { start, end }) = range else {
        out.extend_from_slice(b"null");
        return;
    };
    let position = |out: &mut Vec<u8>, p: LineColumn| {
        out.extend_from_slice(b"{\"line\":");
        number(out, p.line);
        out.extend_from_slice(b",\"character\":");
        number(out, p.character);
        out.push(b'}');
    };
    out.extend_from_slice(b"{\"start\":");
    position(out, start);
    out.extend_from_slice(b",\"end\":");
    position(out, end);
    out.push(b'}');
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn written(s: &str) -> String {
        let mut out = Vec::new();
        string(&mut out, s);
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn strings_are_escaped_as_json_wants() {
        assert_eq!(written(""), r#""""#);
        assert_eq!(written("«5 يناير 2020» (2020-01-05)"), "\"«5 يناير 2020» (2020-01-05)\"");
        // Escapes in the fast path's word and in the tail after it.
        assert_eq!(written("قال \"نعم\"\\لا"), r#""قال \"نعم\"\\لا""#);
        assert_eq!(written("سطر\nسطر\tعمود\r\u{8}\u{c}"), r#""سطر\nسطر\tعمود\r\b\f""#);
        assert_eq!(written("\u{0}\u{1f}\u{7f}/"), "\"\\u0000\\u001f\u{7f}/\"");
    }

    #[test]
    fn ranges_and_pairs() {
        let mut out = Vec::new();
        pair(&mut out, [12, 345]);
        range(&mut out, None);
        let p = |line, character| LineColumn { line, character };
        range(&mut out, Some(Range { start: p(0, 7), end: p(10, 0) }));
        assert_eq!(
            String::from_utf8(out).unwrap(),
            r#"[12,345]null{"start":{"line":0,"character":7},"end":{"line":10,"character":0}}"#
        );
    }

    proptest! {
        /// Byte for byte what serde_json writes, for any string: Arabic, controls, quotes and
        /// backslashes anywhere in an eight-byte word.
        #[test]
        fn strings_are_what_serde_json_writes(s in "(\\PC|[\\x00-\\x1f\"\\\\\u{7f}]|ي|«){0,40}") {
            prop_assert_eq!(written(&s), serde_json::to_string(&s).unwrap());
        }

        #[test]
        fn numbers_are_what_serde_json_writes(n in any::<usize>()) {
            let mut out = Vec::new();
            number(&mut out, n);
            prop_assert_eq!(String::from_utf8(out).unwrap(), serde_json::to_string(&n).unwrap());
        }
    }
}
