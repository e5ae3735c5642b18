//! The Neovim plugin in a real, headless Neovim (Debian's `neovim`): it opens `002_…` of the
//! sample workspace, waits for the `date-conflict` and hovers «قاسم الأعرجي». The script it runs
//! is `tests/nvim/e2e.lua`. Without `nvim` the test fails under CI and says so elsewhere.

mod common;

use std::path::Path;
use std::process::Command;
use std::time::Duration;

const ROOT: &str = env!("CARGO_MANIFEST_DIR");

fn nvim_available() -> bool {
    Command::new("nvim").arg("--version").output().map(|o| o.status.success()).unwrap_or(false)
}

fn run_e2e(name: &str, server: &Path) -> String {
    // A copy of the sample, so the editor's session files never touch the repository, with a
    // root marker so the plugin's workspace is that folder.
    let workspace = common::sample_copy(&format!("nvim-{name}"));
    std::fs::write(workspace.join("tadqiq.toml"), "").unwrap();
    let out = workspace.join("e2e.out");
    let mut child = Command::new("nvim")
        .args(["--headless", "--clean", "-n", "-u"])
        .arg(Path::new(ROOT).join("tests/nvim/e2e.lua"))
        .env("TADQIQ_E2E_OUT", &out)
        .env("TADQIQ_PLUGIN", Path::new(ROOT).join("editors/neovim"))
        .env("TADQIQ_BIN", server)
        .env("TADQIQ_FILE", workspace.join("002_fbc81e4b622b9da9.txt"))
        .env("XDG_STATE_HOME", &workspace)
        .env("XDG_DATA_HOME", &workspace)
        .current_dir(&workspace)
        .stdin(std::process::Stdio::null())
        .stdout(std::process::Stdio::null())
        .spawn()
        .expect("nvim starts");
    // The script gives up on its own after ~30 s; this is the backstop against a hung editor.
    let deadline = std::time::Instant::now() + Duration::from_secs(90);
    loop {
        if child.try_wait().unwrap().is_some() {
            break;
        }
        if std::time::Instant::now() > deadline {
            let _ = child.kill();
            let _ = child.wait();
            return "nvim did not exit within 90 s".into();
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    let result = std::fs::read_to_string(&out).unwrap_or_else(|_| "nvim wrote no result".into());
    let _ = std::fs::remove_dir_all(&workspace);
    result
}

#[test]
fn plugin_shows_the_conflict_and_hover_in_neovim() {
    if !nvim_available() {
        assert!(std::env::var_os("CI").is_none(), "CI must install Debian's neovim (see .ci/run)");
        eprintln!("skipped: no `nvim` on the PATH");
        return;
    }
    assert_eq!(run_e2e("plugin", Path::new(env!("CARGO_BIN_EXE_tadqiq"))), "ok");
}

#[test]
fn fails_when_the_server_is_absent() {
    if !nvim_available() {
        return;
    }
    let result = run_e2e("absent", Path::new("/nonexistent/tadqiq"));
    assert_eq!(result, "no tadqiq client running");
}
