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
