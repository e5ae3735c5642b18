//! Any bytes as an article file: decoding (BOM, CRLF, binary and invalid UTF-8 refused with a
//! reason) and extraction (`tadqiq_testkit::article_bytes`).
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|bytes: &[u8]| tadqiq_testkit::article_bytes(bytes));
