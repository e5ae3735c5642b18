//! The Neovim plugin in a real, headless Neovim (Debian's `neovim`), driven by keys: it opens
//! `002_…` of the sample workspace, waits for the `date-conflict`, presses `K` on «قاسم الأعرجي»,
//! `gd`, `<leader>e` on the date (in a plain and in a 'rightleft' window) and `<leader>ca`, and
//! checks what each did and what `:checkhealth tadqiq` reports (`tests/nvim/e2e.lua`). A second
//! script reads back from the screen what the plugin's floats show in a 'rightleft' window, and
//! checks the findings float's lines, links and places included (`tests/nvim/bidi.lua`). Without `nvim` the tests fail under CI and say so elsewhere.

mod common;

use std::path::Path;
use std::process::Command;
use std::time::Duration;

const ROOT: &str = env!("CARGO_MANIFEST_DIR");

fn nvim_available() -> bool {
    Command::new("nvim").arg("--version").output().map(|o| o.status.success()).unwrap_or(false)
}

fn run_e2e(name: &str, server: &Path) -> String {
    run_e2e_part(name, server, "all")
}

/// [`run_e2e`] for one part of the script (`TADQIQ_E2E_PART`).
fn run_e2e_part(name: &str, server: &Path, part: &str) -> String {
    // A copy of the sample, so the editor's session files never touch the repository, with a
    // root marker so the plugin's workspace is that folder.
    let workspace = common::sample_copy(&format!("nvim-{name}"));
    std::fs::write(workspace.join("tadqiq.toml"), "").unwrap();
    let file = workspace.join("002_fbc81e4b622b9da9.txt");
    let part = Path::new(part);
    run_nvim("e2e.lua", &workspace, &[("TADQIQ_BIN", server), ("TADQIQ_FILE", &file), ("TADQIQ_E2E_PART", part)])
}

/// Runs `tests/nvim/SCRIPT` in a headless Neovim inside `workspace` and returns what it wrote.
fn run_nvim(script: &str, workspace: &Path, env: &[(&str, &Path)]) -> String {
    let out = workspace.join("e2e.out");
    let mut command = Command::new("nvim");
    command
        .args(["--headless", "--clean", "-n", "-u"])
        .arg(Path::new(ROOT).join("tests/nvim").join(script))
        .env("TADQIQ_E2E_OUT", &out)
        .env("TADQIQ_PLUGIN", Path::new(ROOT).join("editors/neovim"))
        .env("XDG_STATE_HOME", workspace)
        .env("XDG_DATA_HOME", workspace)
        .current_dir(workspace)
        // Neovim's own messages; shown (by the test harness) only when a test fails.
        .stderr(std::fs::File::create(workspace.join("nvim.stderr")).unwrap());
    for (key, value) in env {
        command.env(key, value);
    }
    let mut child =
        command.stdin(std::process::Stdio::null()).stdout(std::process::Stdio::null()).spawn().expect("nvim starts");
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
    eprintln!("nvim's messages: {}", std::fs::read_to_string(workspace.join("nvim.stderr")).unwrap_or_default());
    let _ = std::fs::remove_dir_all(workspace);
    result
}

/// Whether Neovim is here to test in; on CI it must be.
fn nvim_or_skip() -> bool {
    if nvim_available() {
        return true;
    }
    assert!(std::env::var_os("CI").is_none(), "CI must install Debian's neovim (see .ci/run)");
    eprintln!("skipped: no `nvim` on the PATH");
    false
}

#[test]
fn plugin_keys_hover_jump_list_the_other_sources_and_fix_the_date() {
    if !nvim_or_skip() {
        return;
    }
    assert_eq!(run_e2e("plugin", Path::new(env!("CARGO_BIN_EXE_tadqiq"))), "ok");
}

/// The findings float beside a `rightleft` window, in a Neovim of its own (see e2e.lua).
#[test]
fn the_findings_float_beside_a_rightleft_window() {
    if !nvim_or_skip() {
        return;
    }
    assert_eq!(run_e2e_part("rightleft", Path::new(env!("CARGO_BIN_EXE_tadqiq")), "rightleft"), "ok");
}

#[test]
fn fails_when_the_server_is_absent() {
    if !nvim_available() {
        return;
    }
    let result = run_e2e("absent", Path::new("/nonexistent/tadqiq"));
    assert_eq!(
        result,
        "no tadqiq client running\n\
         ERROR: /nonexistent/tadqiq is not an executable (looked for as given and on the PATH)"
    );
}

#[test]
fn floats_keep_figures_forward_in_a_rightleft_window() {
    if !nvim_or_skip() {
        return;
    }
    let workspace = std::env::temp_dir().join(format!("tadqiq-nvim-bidi-{}", std::process::id()));
    std::fs::create_dir_all(&workspace).unwrap();
    assert_eq!(run_nvim("bidi.lua", &workspace, &[]), "ok");
}
