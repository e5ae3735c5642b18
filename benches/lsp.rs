//! The language server under load, through real frames to the `tadqiq lsp` binary, at 1,000
//! and 10,000 articles (`TADQIQ_BENCH_SIZES=1000,10000,100000` for others): indexing,
//! edit→diagnostics latency on a 100 KB article (`debounceMs: 0`), hover and definition
//! latency (a definition on a figure a thousand sources give answers a thousand places),
//! hovers during a re-index, and peak memory.
//! Run: `cargo bench --bench lsp`.

#[path = "../tests/common/mod.rs"]
mod common;

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use common::{Client, uri};
use serde_json::json;

fn sentences() -> Vec<String> {
    let mut pool = Vec::new();
    let mut names: Vec<_> = std::fs::read_dir(common::SAMPLE).unwrap().map(|e| e.unwrap().path()).collect();
    names.sort();
    for path in names {
        let text = std::fs::read_to_string(path).unwrap();
        for s in text.split(['.', '\n']) {
            let s = s.trim();
            if s.chars().count() > 20 {
                pool.push(format!("{s}."));
            }
        }
    }
    pool
}

/// `n` articles of 10–25 sentences (numbers varied), and one of about 100 KB.
fn workspace(n: usize) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("tadqiq-bench-lsp-{n}"));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let pool = sentences();
    let mut seed = 7u64;
    let mut next = move || {
        seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        (seed >> 33) as usize
    };
    for i in 0..n {
        let count = 10 + next() % 16;
        let body: Vec<String> = (0..count)
            .map(|_| {
                let s = &pool[next() % pool.len()];
                let shift = next() % 3;
                s.chars()
                    .map(|c| {
                        if c.is_ascii_digit() && shift > 0 {
                            char::from(b'0' + ((c as u8 - b'0') as usize + shift) as u8 % 10)
                        } else {
                            c
                        }
                    })
                    .collect()
            })
            .collect();
        std::fs::write(dir.join(format!("article_{i:05}.txt")), body.join("\n")).unwrap();
    }
    let mut big = String::new();
    while big.len() < 100_000 {
        big.push_str(&pool[next() % pool.len()]);
        big.push('\n');
    }
    std::fs::write(dir.join("big.txt"), big).unwrap();
    std::fs::canonicalize(&dir).unwrap()
}

fn percentile(v: &mut [Duration], p: f64) -> Duration {
    v.sort();
    v[((v.len() as f64 - 1.0) * p).round() as usize]
}

fn rss_mb(pid: u32) -> f64 {
    common::peak_mb(pid).unwrap_or(0.0)
}

async fn start(dir: &Path) -> (Client, tokio::process::Child, Duration) {
    let (mut c, child) = common::binary(&[]);
    let begin = Instant::now();
    c.start(dir, json!({"debounceMs": 0})).await;
    c.indexed().await;
    (c, child, begin.elapsed())
}

/// Edit → diagnostics and hover/definition latencies on the 100 KB article of a workspace.
async fn measure(n: usize) {
    let dir = workspace(n);
    let (mut c, child, indexing) = start(&dir).await;
    let big = dir.join("big.txt");
    c.open(&big).await;
    c.diagnostics(&big, |_| true).await;

    // Each edit adds or removes an impossible date, so every edit changes the diagnostics.
    let mut edits = Vec::new();
    let line = json!({"line": 5, "character": 0});
    let inserted = "في 30 فبراير 2021 ";
    let end = json!({"line": 5, "character": inserted.encode_utf16().count()});
    for version in 2..62 {
        let change = if version % 2 == 0 {
            json!({"range": {"start": line, "end": line}, "text": inserted})
        } else {
            json!({"range": {"start": line, "end": end}, "text": ""})
        };
        let begin = Instant::now();
        c.notify(
            "textDocument/didChange",
            json!({"textDocument": {"uri": uri(&big), "version": version}, "contentChanges": [change]}),
        )
        .await;
        c.notification("textDocument/publishDiagnostics", |p| p["version"] == version).await;
        edits.push(begin.elapsed());
    }

    let text = std::fs::read_to_string(&big).unwrap();
    let positions: Vec<_> = ["العراق", "قاسم سليماني", "2014", "3000 جندي", "داعش"]
        .iter()
        .cycle()
        .take(200)
        .enumerate()
        .filter_map(|(k, needle)| {
            let at = text.match_indices(needle).nth(k % 3)?.0;
            let line_start = text[..at].rfind('\n').map_or(0, |i| i + 1);
            Some(json!({"line": text[..at].matches('\n').count(), "character": text[line_start..at].encode_utf16().count()}))
        })
        .collect();
    let (mut hovers, mut definitions) = (Vec::new(), Vec::new());
    for (k, position) in positions.iter().enumerate() {
        let method = if k % 2 == 0 { "textDocument/hover" } else { "textDocument/definition" };
        let begin = Instant::now();
        c.request(method, json!({"textDocument": {"uri": uri(&big)}, "position": position})).await;
        if k % 2 == 0 { &mut hovers } else { &mut definitions }.push(begin.elapsed());
    }
    let rss = rss_mb(child.id().unwrap());

    // A re-index (a new publication date): hovers meanwhile answer from the last state.
    c.notify("workspace/didChangeConfiguration", json!({"settings": {"published": "2022-01-01"}})).await;
    let mut during = Vec::new();
    let mut ended = false;
    let mut id = 900_000;
    while !ended {
        id += 1;
        let position = &positions[during.len() % positions.len()];
        let hover = json!({"jsonrpc": "2.0", "id": id, "method": "textDocument/hover",
            "params": {"textDocument": {"uri": uri(&big)}, "position": position}});
        let begin = Instant::now();
        c.send_raw(hover.to_string().as_bytes()).await;
        loop {
            let m = c.read().await.expect("the server runs");
            if m["method"] == "$/progress" && m["params"]["value"]["kind"] == "end" {
                ended = true;
            } else if m.get("method").is_some() && m.get("id").is_some() {
                let reply = json!({"jsonrpc": "2.0", "id": m["id"], "result": null});
                c.send_raw(reply.to_string().as_bytes()).await;
            }
            if m["id"] == id && m.get("method").is_none() {
                during.push(begin.elapsed());
                break;
            }
        }
    }
    drop(c);
    drop(child);

    let ms = |d: Duration| d.as_secs_f64() * 1e3;
    println!("{n}-article workspace (+ one 100 KB article), tadqiq lsp over stdio:");
    println!("  indexing:                      {:>8.0} ms", ms(indexing));
    println!("  edit → diagnostics, median:    {:>8.1} ms", ms(percentile(&mut edits, 0.5)));
    println!("  edit → diagnostics, p99:       {:>8.1} ms", ms(percentile(&mut edits, 0.99)));
    println!("  hover, median:                 {:>8.2} ms", ms(percentile(&mut hovers, 0.5)));
    println!("  hover, p99:                    {:>8.2} ms", ms(percentile(&mut hovers, 0.99)));
    println!("  definition, median:            {:>8.2} ms", ms(percentile(&mut definitions, 0.5)));
    println!("  definition, p99:               {:>8.2} ms", ms(percentile(&mut definitions, 0.99)));
    println!(
        "  hover during a re-index, p99:  {:>8.2} ms ({} hovers)",
        ms(percentile(&mut during, 0.99)),
        during.len()
    );
    println!("  peak RSS:                      {:>8.0} MB", rss);
}

#[tokio::main(flavor = "multi_thread", worker_threads = 2)]
async fn main() {
    let sizes: Vec<usize> = std::env::var("TADQIQ_BENCH_SIZES")
        .ok()
        .map(|v| v.split(',').filter_map(|n| n.trim().parse().ok()).collect())
        .unwrap_or_else(|| vec![1_000, 10_000]);
    for n in sizes {
        measure(n).await;
    }
}
