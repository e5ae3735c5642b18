//! The fuzz targets' properties (`tadqiq_testkit`) replayed on stable over every seed and
//! every input that ever crashed a target (`fuzz/regressions/`), so a fixed crash stays fixed.
//! The sample articles seed `extract` and `rules`.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use tadqiq_core::entities::Gazetteer;
use tadqiq_testkit as invariants;

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
        eprintln!("{}", path.display());
        invariants::article_bytes(&bytes);
    }
}

#[test]
fn rules_inputs() {
    let gazetteer = Arc::new(Gazetteer::new(&[]));
    for (path, bytes) in inputs("rules", &["examples/iraq-withdrawal"]) {
        // libFuzzer hands the target only valid UTF-8 as &str.
        let Ok(text) = String::from_utf8(bytes) else { continue };
        eprintln!("{}", path.display());
        invariants::rules(&text, gazetteer.clone());
    }
}

#[tokio::test]
async fn server_inputs() {
    let inputs = inputs("server", &[]);
    assert!(inputs.len() >= 3);
    for (path, bytes) in inputs {
        eprintln!("{}", path.display());
        invariants::server_input(&bytes).await;
    }
}
