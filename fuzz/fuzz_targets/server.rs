//! Any bytes on the server's stdin: frames, headers, JSON and JSON-RPC of any shape. The server
//! must not panic, and must stop when its input ends.
#![no_main]

use std::sync::OnceLock;
use std::time::Duration;

use libfuzzer_sys::fuzz_target;
use tokio::io::AsyncWriteExt;

fn runtime() -> &'static tokio::runtime::Runtime {
    static RUNTIME: OnceLock<tokio::runtime::Runtime> = OnceLock::new();
    RUNTIME.get_or_init(|| tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap())
}

fuzz_target!(|bytes: &[u8]| {
    runtime().block_on(async {
        let (client, server) = tokio::io::duplex(1 << 16);
        let (read, write) = tokio::io::split(server);
        let serving = tokio::spawn(tadqiq::server::serve(read, write));
        // The server's answers, drained so it never blocks on a full pipe.
        let (mut answers, mut input) = tokio::io::split(client);
        let drain = tokio::spawn(async move { tokio::io::copy(&mut answers, &mut tokio::io::sink()).await });
        let _ = input.write_all(bytes).await;
        let _ = input.shutdown().await;
        drop(input);
        let stopped = tokio::time::timeout(Duration::from_secs(10), serving).await;
        assert!(matches!(stopped, Ok(Ok(()))), "the server did not stop cleanly at the end of its input");
        drain.abort();
    });
});
