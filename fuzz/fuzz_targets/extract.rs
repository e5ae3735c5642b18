//! Any bytes as an article file: decoding (BOM, CRLF, binary and invalid UTF-8 refused with a
//! reason) and extraction, whose spans must be ordered, non-empty pieces of the text.
#![no_main]

use libfuzzer_sys::fuzz_target;
use tadqiq::analysis::analyse;
use tadqiq::source::decode;

fuzz_target!(|bytes: &[u8]| {
    let Ok(decoded) = decode(bytes.to_vec()) else { return };
    let text = &decoded.text;
    let analysis = analyse(text, None);
    let mut last_end = 0;
    for m in &analysis.mentions {
        assert!(m.span.start < m.span.end && m.span.start >= last_end && m.span.end <= text.len());
        assert!(text.is_char_boundary(m.span.start) && text.is_char_boundary(m.span.end));
        last_end = m.span.end;
    }
});
