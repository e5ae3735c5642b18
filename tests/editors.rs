//! The editor integrations stay in step with the server: the VS Code manifest offers exactly
//! the rules the server has, with their default severities in the descriptions.

use serde_json::Value;

#[test]
fn vscode_manifest_lists_every_rule_with_its_default() {
    let manifest =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/editors/vscode/package.json")).unwrap();
    let manifest: Value = serde_json::from_str(&manifest).unwrap();
    let rules =
        manifest["contributes"]["configuration"]["properties"]["tadqiq.rules"]["properties"].as_object().unwrap();
    let mut offered: Vec<&str> = rules.keys().map(String::as_str).collect();
    let mut known: Vec<&str> = tadqiq_core::rules::RULES.iter().map(|r| r.code).collect();
    offered.sort_unstable();
    known.sort_unstable();
    assert_eq!(offered, known);
    for rule in tadqiq_core::rules::RULES {
        let description = rules[rule.code]["markdownDescription"].as_str().unwrap();
        let default = format!("Default `{}`.", rule.default.as_str());
        assert!(description.ends_with(&default), "{}: {description:?} should end with {default:?}", rule.code);
        let levels: Vec<&str> =
            rules[rule.code]["enum"].as_array().unwrap().iter().map(|v| v.as_str().unwrap()).collect();
        assert_eq!(levels, ["error", "warning", "info", "hint", "off"]);
    }
}

/// Rust's target triples and VS Code's platforms, as `editors/vscode/scripts/package.mjs` pairs
/// them (`"x86_64-unknown-linux-gnu": "linux-x64",`).
fn package_platforms() -> Vec<(String, String)> {
    let script =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/editors/vscode/scripts/package.mjs")).unwrap();
    let table = &script[script.find("const platforms = {").unwrap()..];
    let table = &table[..table.find("};").unwrap()];
    table
        .lines()
        .filter_map(|line| {
            let (triple, platform) = line.trim().trim_end_matches(',').split_once(": ")?;
            Some((triple.trim_matches('"').to_string(), platform.trim_matches('"').to_string()))
        })
        .collect()
}

#[test]
fn release_script_and_vscode_packaging_name_the_same_platforms() {
    let pairs = package_platforms();
    assert!(pairs.contains(&("x86_64-unknown-linux-gnu".into(), "linux-x64".into())), "{pairs:?}");
    assert!(pairs.contains(&("aarch64-apple-darwin".into(), "darwin-arm64".into())), "{pairs:?}");
    // vsce's own list of platforms.
    let vsce = [
        "win32-x64",
        "win32-arm64",
        "linux-x64",
        "linux-arm64",
        "linux-armhf",
        "darwin-x64",
        "darwin-arm64",
        "alpine-x64",
        "alpine-arm64",
    ];
    let script = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/scripts/release.sh")).unwrap();
    for (triple, platform) in &pairs {
        assert!(vsce.contains(&platform.as_str()), "{triple} → {platform} is not a VS Code platform");
        // release.sh: `x86_64-unknown-linux-gnu) echo linux-x64 ;;`, alternatives joined by ` | `.
        let case = script
            .lines()
            .map(str::trim)
            .find(|line| line.split(')').next().is_some_and(|pattern| pattern.split(" | ").any(|t| t == triple)))
            .unwrap_or_else(|| panic!("scripts/release.sh has no case for {triple}"));
        assert!(case.ends_with(&format!("echo {platform} ;;")), "release.sh: {case:?}, package.mjs: {platform}");
    }
}

#[test]
fn neovim_help_documents_every_default_key() {
    let plugin =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/editors/neovim/lua/tadqiq/init.lua")).unwrap();
    let help = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/editors/neovim/doc/tadqiq.txt")).unwrap();
    let keys = &plugin[plugin.find("  keys = {").unwrap()..];
    let keys = &keys[..keys.find("  },").unwrap()];
    let defaults: Vec<(&str, &str)> = keys
        .lines()
        .filter_map(|line| {
            let (name, lhs) = line.trim().trim_end_matches(',').split_once(" = ")?;
            Some((name, lhs.strip_prefix('"')?.strip_suffix('"')?))
        })
        .collect();
    assert_eq!(
        defaults,
        [
            ("hover", "K"),
            ("definition", "gd"),
            ("references", "gr"),
            ("code_action", "<leader>ca"),
            ("diagnostic", "<leader>e")
        ]
    );
    let section = &help[help.find("*tadqiq-keys*").unwrap()..help.find("*tadqiq-use*").unwrap()];
    for (name, lhs) in defaults {
        // Each key starts a line of the help's key table, and setup's example shows its default.
        assert!(section.lines().any(|line| line.starts_with(&format!("{lhs} "))), "the help's keys lack {lhs}");
        assert!(help.contains(&format!("{name} = \"{lhs}\"")), "the help's setup example lacks {name} = \"{lhs}\"");
    }
}
