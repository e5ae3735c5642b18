//! Any bytes on the server's stdin: frames, headers, JSON and JSON-RPC of any shape
//! (`tadqiq_testkit::server_input`).
#![no_main]

use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;

fn runtime() -> &'static tokio::runtime::Runtime {
    static RUNTIME: OnceLock<tokio::runtime::Runtime> = OnceLock::new();
    RUNTIME.get_or_init(|| tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap())
}

fuzz_target!(|bytes: &[u8]| runtime().block_on(tadqiq_testkit::server_input(bytes)));
