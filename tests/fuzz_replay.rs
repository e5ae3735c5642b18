//! The fuzz targets' checks (`fuzz/fuzz_targets/`) replayed on stable over every seed and every
//! input that ever crashed one (`fuzz/regressions/`), so a fixed crash stays fixed. The sample
//! articles seed `extract` and `rules`.

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Duration;

use tadqiq::analysis::analyse;
use tadqiq::entities::Gazetteer;
use tadqiq::rules::{RuleSettings, check};
use tadqiq::source::decode;
use tadqiq::workspace::Workspace;
use tokio::io::AsyncWriteExt;

const ROOT: &str = env!("CARGO_MANIFEST_DIR");

/// Every file in `fuzz/seeds/TARGET` and `fuzz/regressions/TARGET`, plus `extra` folders.
fn inputs(target: &str, extra: &[&str]) -> Vec<(PathBuf, Vec<u8>)> {
    let mut folders: Vec<PathBuf> =
        ["fuzz/seeds", "fuzz/regressions"].iter().map(|f| Path::new(ROOT).join(f).join(target)).collect();
    folders.extend(extra.iter().map(|f| Path::new(ROOT).join(f)));
    let mut out = Vec::new();
    for folder in folders {
        let Ok(entries) = std::fs::read_dir(&folder) else { continue };
        for entry in entries {
            let path = entry.unwrap().path();
            if path.is_file() && path.extension().is_none_or(|e| e != "md") {
                let bytes = std::fs::read(&path).unwrap();
                out.push((path, bytes));
            }
        }
    }
    out.sort();
    out
}

#[test]
fn extract_inputs() {
    let inputs = inputs("extract", &["examples/iraq-withdrawal"]);
    assert!(inputs.len() >= 5);
    for (path, bytes) in inputs {
        let Ok(decoded) = decode(bytes) else { continue };
        let text = &decoded.text;
        let mut last_end = 0;
        for m in &analyse(text, None).mentions {
            assert!(m.span.start < m.span.end && m.span.start >= last_end && m.span.end <= text.len(), "{path:?}");
            assert!(text.is_char_boundary(m.span.start) && text.is_char_boundary(m.span.end), "{path:?}");
            last_end = m.span.end;
        }
    }
}

#[test]
fn rules_inputs() {
    let gazetteer = Arc::new(Gazetteer::new(&[]));
    for (path, bytes) in inputs("rules", &["examples/iraq-withdrawal"]) {
        // libFuzzer hands the target only valid UTF-8 as &str.
        let Ok(text) = String::from_utf8(bytes) else { continue };
        let mut ws = Workspace::new(gazetteer.clone());
        ws.extend(text.splitn(3, '\0').enumerate().map(|(i, t)| (format!("{i}.txt"), t.to_string(), None)));
        for f in check(&ws, &RuleSettings::default()) {
            let source = &ws.doc(&f.path).unwrap().text;
            assert!(f.span.start <= f.span.end && f.span.end <= source.len(), "{path:?}");
            assert!(source.is_char_boundary(f.span.start) && source.is_char_boundary(f.span.end), "{path:?}");
        }
    }
}

#[tokio::test]
async fn server_inputs() {
    let inputs = inputs("server", &[]);
    assert!(inputs.len() >= 3);
    for (path, bytes) in inputs {
        let (client, server) = tokio::io::duplex(1 << 16);
        let (read, write) = tokio::io::split(server);
        let serving = tokio::spawn(tadqiq::server::serve(read, write));
        let (mut answers, mut input) = tokio::io::split(client);
        let drain = tokio::spawn(async move { tokio::io::copy(&mut answers, &mut tokio::io::sink()).await });
        let _ = input.write_all(&bytes).await;
        let _ = input.shutdown().await;
        drop(input);
        let stopped = tokio::time::timeout(Duration::from_secs(10), serving).await;
        assert!(matches!(stopped, Ok(Ok(()))), "{path:?}: the server did not stop cleanly at the end of its input");
        drain.abort();
    }
}
