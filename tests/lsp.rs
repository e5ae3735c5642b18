//! The language server over real `Content-Length` frames, on the sample workspace: every
//! capability with an exact test, and bad input that must not stop it.

mod common;

use common::{Client, EVERY_RULE, EVERY_RULE_SAYS, copy_of, position_of, sample_copy, uri};
use serde_json::{Value, json};

const F000: &str = "000_40f110f943424743.txt";
const F002: &str = "002_fbc81e4b622b9da9.txt";
const F004: &str = "004_35fa46199fc7dcf7.txt";

fn codes(diagnostics: &[Value]) -> Vec<&str> {
    diagnostics.iter().filter_map(|d| d["code"].as_str()).collect()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn opening_002_shows_the_date_conflict_with_the_other_sources() {
    let ws = sample_copy("conflict");
    let mut c = Client::in_process();
    let init = c.start(&ws, json!({"debounceMs": 0})).await;
    assert_eq!(init["result"]["capabilities"]["positionEncoding"], "utf-16");
    assert_eq!(init["result"]["capabilities"]["textDocumentSync"]["change"], 2);
    c.open(&ws.join(F002)).await;
    let diagnostics = c.diagnostics(&ws.join(F002), |d| codes(d).contains(&"date-conflict")).await;
    let d = diagnostics.iter().find(|d| d["code"] == "date-conflict").unwrap();
    assert_eq!(d["source"], "tadqiq");
    assert_eq!(d["severity"], 2);
    assert_eq!(d["range"]["start"], position_of(&ws.join(F002), "كانون الثاني 1998", 0));
    let related: Vec<&str> =
        d["relatedInformation"].as_array().unwrap().iter().map(|r| r["location"]["uri"].as_str().unwrap()).collect();
    assert_eq!(related, [uri(&ws.join(F000)), uri(&ws.join(F004))]);
    let r0 = &d["relatedInformation"][0];
    assert_eq!(r0["location"]["range"]["start"], position_of(&ws.join(F000), "5 يناير 2020", 0));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn hover_definition_and_references_on_entities() {
    let ws = sample_copy("entities");
    let mut c = Client::in_process();
    c.start(&ws, json!({"debounceMs": 0})).await;
    c.indexed().await;
    c.open(&ws.join(F004)).await;
    c.diagnostics(&ws.join(F004), |_| true).await;
    let at = json!({"textDocument": {"uri": uri(&ws.join(F004))}, "position": position_of(&ws.join(F004), "قاسم الأعرجي", 0)});

    let hover = c.request("textDocument/hover", at.clone()).await;
    let text = hover["result"]["contents"]["value"].as_str().unwrap();
    assert!(text.starts_with("**قاسم الأعرجي** · person"), "{text}");
    assert!(text.contains(F002) && text.contains(F004), "{text}");

    // Its definition is the full, titled introduction in the earliest source: 004, the only
    // one whose text dates it («نهاية العام الجاري 2021»).
    let def = c.request("textDocument/definition", at.clone()).await;
    assert_eq!(def["result"]["uri"], uri(&ws.join(F004)));
    assert_eq!(
        def["result"]["range"]["start"],
        position_of(&ws.join(F004), "مستشار الأمن القومي العراقي قاسم الأعرجي", 0)
    );

    // From 002, the definition reaches the other source.
    c.open(&ws.join(F002)).await;
    c.diagnostics(&ws.join(F002), |_| true).await;
    let from_002 = json!({"textDocument": {"uri": uri(&ws.join(F002))}, "position": position_of(&ws.join(F002), "قاسم الأعرجي", 1)});
    let def = c.request("textDocument/definition", from_002).await;
    assert_eq!(def["result"]["uri"], uri(&ws.join(F004)));

    let at = json!({"textDocument": {"uri": uri(&ws.join(F004))}, "position": position_of(&ws.join(F004), "قاسم سليماني", 0), "context": {"includeDeclaration": true}});
    let refs = c.request("textDocument/references", at).await;
    let files: std::collections::BTreeSet<&str> = refs["result"]
        .as_array()
        .unwrap()
        .iter()
        .map(|l| l["uri"].as_str().unwrap().rsplit('/').next().unwrap())
        .collect();
    assert_eq!(files.len(), 5, "سليماني is named in all five sources: {files:?}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_bare_surname_goes_to_the_introduction_in_another_source() {
    let dir = std::env::temp_dir().join(format!("tadqiq-lsp-alias-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let dir = std::fs::canonicalize(&dir).unwrap();
    std::fs::write(dir.join("a.txt"), "وأعلن المتحدث باسم الجيش اللبناني العميد نزيه جبور أن الحدود هادئة.").unwrap();
    std::fs::write(dir.join("b.txt"), "وقال جبور إن الجيش انتشر.").unwrap();
    let mut c = Client::in_process();
    c.start(&dir, json!({"debounceMs": 0})).await;
    c.indexed().await;
    c.open(&dir.join("b.txt")).await;
    c.diagnostics(&dir.join("b.txt"), |_| true).await;
    let def = c
        .request("textDocument/definition", json!({"textDocument": {"uri": uri(&dir.join("b.txt"))}, "position": position_of(&dir.join("b.txt"), "جبور", 0)}))
        .await;
    assert_eq!(def["result"]["uri"], uri(&dir.join("a.txt")));
    assert_eq!(def["result"]["range"]["start"], position_of(&dir.join("a.txt"), "المتحدث", 0));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn hover_and_definition_on_dates_and_figures() {
    let ws = sample_copy("claims");
    let mut c = Client::in_process();
    c.start(&ws, json!({"debounceMs": 0})).await;
    c.indexed().await;
    c.open(&ws.join(F002)).await;
    c.diagnostics(&ws.join(F002), |_| true).await;
    let doc = json!({"uri": uri(&ws.join(F002))});
    let hover = c
        .request(
            "textDocument/hover",
            json!({"textDocument": doc, "position": position_of(&ws.join(F002), "كانون الثاني 1998", 0)}),
        )
        .await;
    let text = hover["result"]["contents"]["value"].as_str().unwrap();
    assert!(text.starts_with("**1998-01**"), "{text}");
    assert!(text.contains("Disagrees:") && text.contains("«5 يناير 2020» (2020-01-05)"), "{text}");
    let def = c
        .request(
            "textDocument/definition",
            json!({"textDocument": doc, "position": position_of(&ws.join(F002), "3000 جندي", 0)}),
        )
        .await;
    let targets: Vec<&str> = def["result"]
        .as_array()
        .unwrap()
        .iter()
        .map(|l| l["uri"].as_str().unwrap().rsplit('/').next().unwrap())
        .collect();
    assert!(targets.contains(&"003_fc89a3a011bc69bd.txt") && targets.contains(&F004), "{targets:?}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn typing_an_impossible_date_flags_it() {
    let ws = sample_copy("typing");
    let mut c = Client::in_process();
    c.start(&ws, json!({"debounceMs": 0})).await;
    let path = ws.join(F000);
    c.open(&path).await;
    c.diagnostics(&path, |_| true).await;
    // Type «في 31 فبراير 2021» at the start of line 10, in three incremental edits.
    let edits = ["في 31 ", "فبراير", " 2021. "];
    let mut character = 0;
    for (n, piece) in edits.iter().enumerate() {
        let at = json!({"line": 9, "character": character});
        c.notify(
            "textDocument/didChange",
            json!({"textDocument": {"uri": uri(&path), "version": 2 + n as i32},
                   "contentChanges": [{"range": {"start": at, "end": at}, "text": piece}]}),
        )
        .await;
        character += piece.encode_utf16().count();
    }
    // Each keystroke is analysed at once (debounce 0): wait for the one with the year typed.
    let diagnostics =
        c.diagnostics(&path, |d| d.iter().any(|d| d["message"].as_str().unwrap_or("").contains("2021»"))).await;
    let d = diagnostics.iter().find(|d| d["code"] == "invalid-date").unwrap();
    assert_eq!(d["range"], json!({"start": {"line": 9, "character": 3}, "end": {"line": 9, "character": 17}}));
    assert_eq!(d["message"], "«31 فبراير 2021» does not exist: February 2021 has 28 days.");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn symbols_inlay_hints_and_settings() {
    let ws = sample_copy("symbols");
    let mut c = Client::in_process();
    c.start(&ws, json!({"debounceMs": 0, "inlayHints": true})).await;
    c.indexed().await;
    let path = ws.join(F004);
    c.open(&path).await;
    c.diagnostics(&path, |_| true).await;
    let doc = json!({"uri": uri(&path)});
    let symbols = c.request("textDocument/documentSymbol", json!({"textDocument": doc})).await;
    let names: Vec<&str> = symbols["result"].as_array().unwrap().iter().map(|s| s["name"].as_str().unwrap()).collect();
    assert!(names.contains(&"قاسم الأعرجي") && names.contains(&"يوم 5 جانفي 2020"), "{names:?}");
    let found = c.request("workspace/symbol", json!({"query": "الأعرجي"})).await;
    let found: Vec<&str> = found["result"].as_array().unwrap().iter().map(|s| s["name"].as_str().unwrap()).collect();
    assert_eq!(found, ["قاسم الأعرجي"]);
    let hints = c
        .request("textDocument/inlayHint", json!({"textDocument": doc, "range": {"start": {"line": 0, "character": 0}, "end": {"line": 100, "character": 0}}}))
        .await;
    let labels: Vec<&str> = hints["result"].as_array().unwrap().iter().map(|h| h["label"].as_str().unwrap()).collect();
    assert!(labels.contains(&" 2020-01-05") && labels.contains(&" 2021-12-31"), "{labels:?}");
    // Settings change: name-variant off, and hints off.
    c.notify(
        "workspace/didChangeConfiguration",
        json!({"settings": {"tadqiq": {"inlayHints": false, "rules": {"duration-mismatch": "off"}}}}),
    )
    .await;
    let diagnostics = c.diagnostics(&path, |d| !codes(d).contains(&"duration-mismatch")).await;
    assert!(!codes(&diagnostics).contains(&"duration-mismatch"));
    let hints = c
        .request("textDocument/inlayHint", json!({"textDocument": doc, "range": {"start": {"line": 0, "character": 0}, "end": {"line": 100, "character": 0}}}))
        .await;
    assert_eq!(hints["result"], json!([]));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_report_command_writes_the_page_and_answers_its_path() {
    let ws = sample_copy("report");
    let mut c = Client::in_process();
    let init = c.start(&ws, json!({"debounceMs": 0})).await;
    assert_eq!(init["result"]["capabilities"]["executeCommandProvider"]["commands"], json!(["tadqiq.report"]));
    c.indexed().await;
    let out = ws.join("report.html");
    let answer = c
        .request(
            "workspace/executeCommand",
            json!({"command": "tadqiq.report", "arguments": [{"out": out, "lang": "en"}]}),
        )
        .await;
    assert_eq!(answer["result"], out.display().to_string());
    let page = std::fs::read_to_string(&out).unwrap();
    assert!(page.starts_with("<!DOCTYPE html><html lang=\"en\" dir=\"ltr\">"));
    assert!(page.contains("data-code=\"date-conflict\"") && page.contains("كانون الثاني 1998"));
    // The page is of the sources as the editor has them: an unsaved fix takes the conflict away.
    let path = ws.join(F002);
    c.open(&path).await;
    c.diagnostics(&path, |d| codes(d).contains(&"date-conflict")).await;
    let fixed = std::fs::read_to_string(&path).unwrap().replace("كانون الثاني 1998", "كانون الثاني 2020");
    c.notify(
        "textDocument/didChange",
        json!({"textDocument": {"uri": uri(&path), "version": 2}, "contentChanges": [{"text": fixed}]}),
    )
    .await;
    c.diagnostics(&path, |d| !codes(d).contains(&"date-conflict")).await;
    let answer = c.request("workspace/executeCommand", json!({"command": "tadqiq.report", "arguments": []})).await;
    let default = std::path::PathBuf::from(answer["result"].as_str().expect("a path"));
    assert!(default.starts_with(std::env::temp_dir()) && default.is_absolute(), "{}", default.display());
    let page = std::fs::read_to_string(&default).unwrap();
    assert!(!page.contains("data-code=\"date-conflict\"") && page.contains("كانون الثاني 2020"));
    let _ = std::fs::remove_file(&default);
    // Unknown commands and arguments are refused, and the server goes on.
    let answer = c.request("workspace/executeCommand", json!({"command": "tadqiq.nothing"})).await;
    assert_eq!(answer["error"]["code"], -32602);
    let answer =
        c.request("workspace/executeCommand", json!({"command": "tadqiq.report", "arguments": [{"lang": "fr"}]})).await;
    assert_eq!(answer["error"]["code"], -32602);
    let answer = c
        .request(
            "workspace/executeCommand",
            json!({"command": "tadqiq.report", "arguments": [{"out": ws.join("no/such/dir/r.html")}]}),
        )
        .await;
    assert_eq!(answer["error"]["code"], -32603, "{answer}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn code_actions_replace_suppress_and_add_to_config() {
    let ws = sample_copy("actions");
    let mut c = Client::in_process();
    c.start(&ws, json!({"debounceMs": 0})).await;
    let path = ws.join(F002);
    c.open(&path).await;
    let diagnostics = c.diagnostics(&path, |d| codes(d).contains(&"date-conflict")).await;
    let d = diagnostics.iter().find(|d| d["code"] == "date-conflict").unwrap().clone();
    // The rule links to its page.
    assert_eq!(d["codeDescription"]["href"], "https://github.com/tadqiq/tadqiq/blob/main/docs/rules/date-conflict.md");
    let actions = c
        .request(
            "textDocument/codeAction",
            json!({"textDocument": {"uri": uri(&path)}, "range": d["range"], "context": {"diagnostics": [d]}}),
        )
        .await;
    let titles: Vec<&str> =
        actions["result"].as_array().unwrap().iter().map(|a| a["title"].as_str().unwrap()).collect();
    // Another source's date, with the month named as this Levantine article names months.
    assert!(titles.contains(&"Use «5 كانون الثاني 2020» («5 يناير 2020» in 000_40f110f943424743.txt)"), "{titles:?}");
    assert!(titles.contains(&"Suppress date-conflict on this line"), "{titles:?}");
    let replace = actions["result"]
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["title"].as_str().unwrap().starts_with("Use «5 كانون الثاني"))
        .unwrap();
    assert_eq!(replace["edit"]["changes"][uri(&path)][0]["newText"], "5 كانون الثاني 2020");
    // The server never writes the article: the edit is the editor's to apply.
    assert!(std::fs::read_to_string(&path).unwrap().contains("كانون الثاني 1998"));
    let at = position_of(&path, "قاسم الأعرجي", 0);
    let actions = c
        .request("textDocument/codeAction", json!({"textDocument": {"uri": uri(&path)}, "range": {"start": at, "end": at}, "context": {"diagnostics": []}}))
        .await;
    let add = actions["result"]
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["title"] == "Add «قاسم الأعرجي» to tadqiq.toml")
        .expect("an add action");
    let ops = add["edit"]["documentChanges"].as_array().unwrap();
    assert_eq!(ops[0]["kind"], "create");
    assert!(ops[1]["edits"][0]["newText"].as_str().unwrap().contains("name = \"قاسم الأعرجي\""));
    assert!(!ws.join("tadqiq.toml").exists());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn bad_input_gets_an_answer_and_the_server_keeps_serving() {
    let ws = sample_copy("robust");
    let mut c = Client::in_process();
    // A request before initialize is refused, not fatal.
    let early = c
        .request(
            "textDocument/hover",
            json!({"textDocument": {"uri": "file:///x.txt"}, "position": {"line": 0, "character": 0}}),
        )
        .await;
    assert!(early.get("error").is_some(), "{early}");
    c.start(&ws, json!({"debounceMs": 0})).await;
    // Garbage frames get a parse error with id null, and the server goes on.
    c.send_raw(b"{not json").await;
    let parse = c.notification_or_response(|m| m["id"].is_null() && m.get("error").is_some()).await;
    assert_eq!(parse["error"]["code"], -32700);
    // JSON that is not a request is an invalid request (-32600), as JSON-RPC 2.0 says of `[]`.
    c.send_raw(b"[]").await;
    let invalid = c.notification_or_response(|m| m["id"].is_null() && m.get("error").is_some()).await;
    assert_eq!(invalid["error"]["code"], -32600);
    // A key given twice: the protocol library would take it as the end of the stream (the
    // server stopped here); now it is refused and the server goes on.
    c.send_raw(br#"{"jsonrpc":"2.0","method":"initialized","method":"initialized","params":{}}"#).await;
    let invalid = c.notification_or_response(|m| m["id"].is_null() && m.get("error").is_some()).await;
    assert_eq!(invalid["error"]["code"], -32600);
    c.send_raw(br#"{"jsonrpc":"2.0","id":77,"id":78,"method":"shutdown"}"#).await;
    let invalid = c.notification_or_response(|m| m["id"].is_null() && m.get("error").is_some()).await;
    assert_eq!(invalid["error"]["code"], -32600);
    // An unknown method, an unknown document, and a position past the end.
    let unknown = c.request("tadqiq/nothing", json!({})).await;
    assert_eq!(unknown["error"]["code"], -32601);
    let nowhere = c
        .request(
            "textDocument/hover",
            json!({"textDocument": {"uri": "file:///nowhere.txt"}, "position": {"line": 0, "character": 0}}),
        )
        .await;
    assert_eq!(nowhere["result"], Value::Null);
    let path = ws.join(F002);
    c.open(&path).await;
    c.diagnostics(&path, |_| true).await;
    let past = c
        .request(
            "textDocument/hover",
            json!({"textDocument": {"uri": uri(&path)}, "position": {"line": 9999, "character": 0}}),
        )
        .await;
    assert_eq!(past["result"], Value::Null);
    let wide = c
        .request(
            "textDocument/definition",
            json!({"textDocument": {"uri": uri(&path)}, "position": {"line": 0, "character": 99999}}),
        )
        .await;
    assert!(wide.get("result").is_some());
    // An edit to a document that is not open changes nothing.
    c.notify(
        "textDocument/didChange",
        json!({"textDocument": {"uri": "file:///nowhere.txt", "version": 3}, "contentChanges": [{"text": "x"}]}),
    )
    .await;
    // Still serving.
    let hover = c
        .request(
            "textDocument/hover",
            json!({"textDocument": {"uri": uri(&path)}, "position": position_of(&path, "قاسم الأعرجي", 0)}),
        )
        .await;
    assert!(hover["result"]["contents"]["value"].as_str().unwrap().contains("قاسم الأعرجي"));
    let shutdown = c.request("shutdown", Value::Null).await;
    assert_eq!(shutdown["result"], Value::Null);
}

/// Through the real binary, as an editor starts it.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_binary_serves_stdio() {
    let ws = sample_copy("binary");
    let (mut c, mut child) = common::binary(&["--stdio"]);
    c.start(&ws, json!({"debounceMs": 0})).await;
    c.open(&ws.join(F002)).await;
    let diagnostics = c.diagnostics(&ws.join(F002), |d| codes(d).contains(&"date-conflict")).await;
    assert!(codes(&diagnostics).contains(&"date-conflict"));
    c.request("shutdown", Value::Null).await;
    c.notify("exit", Value::Null).await;
    let status = tokio::time::timeout(std::time::Duration::from_secs(10), child.wait()).await.unwrap().unwrap();
    assert!(status.success());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn utf8_positions_when_the_client_offers_them() {
    let ws = sample_copy("utf8");
    let mut c = Client::in_process();
    let init = c
        .request(
            "initialize",
            json!({"processId": null, "rootUri": uri(&ws), "initializationOptions": {"debounceMs": 0},
                   "capabilities": {"general": {"positionEncodings": ["utf-8", "utf-16"]}}}),
        )
        .await;
    assert_eq!(init["result"]["capabilities"]["positionEncoding"], "utf-8");
    c.notify("initialized", json!({})).await;
    let path = ws.join(F002);
    c.open(&path).await;
    let diagnostics = c.diagnostics(&path, |d| codes(d).contains(&"date-conflict")).await;
    let d = diagnostics.iter().find(|d| d["code"] == "date-conflict").unwrap();
    let text = std::fs::read_to_string(&path).unwrap();
    let at = text.find("كانون الثاني 1998").unwrap();
    let line_start = text[..at].rfind('\n').map_or(0, |i| i + 1);
    assert_eq!(d["range"]["start"]["character"], at - line_start, "a byte column");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn close_save_and_files_changed_on_disk() {
    let dir = std::env::temp_dir().join(format!("tadqiq-lsp-files-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let dir = std::fs::canonicalize(&dir).unwrap();
    let a = dir.join("a.txt");
    std::fs::write(&a, "صوت مجلس النواب العراقي في 5 يناير 2020 بعد اغتيال قاسم سليماني.").unwrap();
    let b = dir.join("b.txt");
    std::fs::write(&b, "صوت مجلس النواب العراقي في 5 يناير 2020 بعد اغتيال قاسم سليماني.").unwrap();
    let mut c = Client::in_process();
    c.start(&dir, json!({"debounceMs": 0})).await;
    c.indexed().await;
    c.open(&a).await;
    c.diagnostics(&a, |d| d.is_empty()).await;
    // The editor's text disagrees with b.txt: a one-to-one conflict, flagged on a.
    c.notify(
        "textDocument/didChange",
        json!({"textDocument": {"uri": uri(&a), "version": 2},
               "contentChanges": [{"text": "صوت مجلس النواب العراقي في 9 مارس 2021 بعد اغتيال قاسم سليماني."}]}),
    )
    .await;
    c.diagnostics(&a, |d| codes(d).contains(&"date-conflict")).await;
    c.notify("textDocument/didSave", json!({"textDocument": {"uri": uri(&a)}})).await;
    // Closing: the file on disk (which agrees with b) is the truth again; diagnostics clear.
    c.notify("textDocument/didClose", json!({"textDocument": {"uri": uri(&a)}})).await;
    let cleared = c.diagnostics(&a, |d| d.is_empty()).await;
    assert!(cleared.is_empty());
    // b.txt changes on disk while a.txt is open: a's diagnostics follow.
    c.open(&a).await;
    c.diagnostics(&a, |d| d.is_empty()).await;
    std::fs::write(&b, "صوت مجلس النواب العراقي في 9 مارس 2021 بعد اغتيال قاسم سليماني.").unwrap();
    c.notify("workspace/didChangeWatchedFiles", json!({"changes": [{"uri": uri(&b), "type": 2}]})).await;
    let d = c.diagnostics(&a, |d| codes(d).contains(&"date-conflict")).await;
    assert!(d[0]["relatedInformation"][0]["location"]["uri"].as_str().unwrap().ends_with("b.txt"));
    // b.txt deleted: nothing left to disagree with.
    std::fs::remove_file(&b).unwrap();
    c.notify("workspace/didChangeWatchedFiles", json!({"changes": [{"uri": uri(&b), "type": 3}]})).await;
    c.diagnostics(&a, |d| d.is_empty()).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn workspace_folders_come_and_go() {
    let empty = std::env::temp_dir().join(format!("tadqiq-lsp-empty-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&empty);
    std::fs::create_dir_all(&empty).unwrap();
    let empty = std::fs::canonicalize(&empty).unwrap();
    let ws = sample_copy("folders");
    let mut c = Client::in_process();
    c.start(&empty, json!({"debounceMs": 0})).await;
    c.indexed().await;
    let path = ws.join(F002);
    c.open(&path).await;
    // Alone, 002 has nothing to disagree with.
    c.diagnostics(&path, |d| !codes(d).contains(&"date-conflict")).await;
    c.notify(
        "workspace/didChangeWorkspaceFolders",
        json!({"event": {"added": [{"uri": uri(&ws), "name": "sample"}], "removed": [{"uri": uri(&empty), "name": "empty"}]}}),
    )
    .await;
    c.diagnostics(&path, |d| codes(d).contains(&"date-conflict")).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_burst_of_edits_is_analysed_once_after_the_debounce() {
    burst_of_edits(1000).await;
}

/// Eleven edits 40 ms apart, as fast typing comes, each adding an impossible date (so each
/// version's diagnostics differ): with a debounce longer than the pauses, the first
/// publication after the burst is for its last version alone; without one, the first
/// versions would be published as they came.
async fn burst_of_edits(debounce_ms: u64) {
    let ws = sample_copy(&format!("debounce-{debounce_ms}"));
    let mut c = Client::in_process();
    c.start(&ws, json!({"debounceMs": debounce_ms})).await;
    c.indexed().await;
    let path = ws.join(F000);
    c.open(&path).await;
    c.diagnostics(&path, |_| true).await;
    for version in 2..=12 {
        let at = json!({"line": 9, "character": 0});
        c.notify(
            "textDocument/didChange",
            json!({"textDocument": {"uri": uri(&path), "version": version}, "contentChanges": [{"range": {"start": at, "end": at}, "text": "في 30 فبراير 2021\n"}]}),
        )
        .await;
        tokio::time::sleep(std::time::Duration::from_millis(40)).await;
    }
    let published = c.notification("textDocument/publishDiagnostics", |p| p["uri"] == uri(&path).as_str()).await;
    assert_eq!(published["version"], 12, "a publication before the burst ended");
    let invalid = codes(published["diagnostics"].as_array().unwrap()).iter().filter(|c| **c == "invalid-date").count();
    assert_eq!(invalid, 11);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[should_panic(expected = "a publication before the burst ended")]
async fn without_a_debounce_the_burst_is_published_as_it_comes() {
    // The check above can tell: with no debounce it sees the first versions.
    burst_of_edits(0).await;
}

/// The position of byte `at` as the client counts it: lines end at \n, \r\n or a lone \r;
/// columns in UTF-16 units.
fn client_position(text: &str, at: usize) -> Value {
    let bytes = text.as_bytes();
    let (mut line, mut line_start) = (0, 0);
    for (i, &b) in bytes[..at].iter().enumerate() {
        if b == b'\n' || (b == b'\r' && bytes.get(i + 1) != Some(&b'\n')) {
            line += 1;
            line_start = i + 1;
        }
    }
    json!({"line": line, "character": text[line_start..at].encode_utf16().count()})
}

/// A character boundary at or before `at` that LSP can name (never between \r and \n).
fn boundary(text: &str, mut at: usize) -> usize {
    at = at.min(text.len());
    while !text.is_char_boundary(at) || (text[..at].ends_with('\r') && text[at..].starts_with('\n')) {
        at -= 1;
    }
    at
}

/// Hundreds of edits in quick succession (several per notification, across Arabic with
/// diacritics, emoji and every kind of line break) with hovers between them, none awaited:
/// every hover is answered without error, publications never go back a version, and the
/// server's text ends equal to the client's, shown by the exact range of a date typed last.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn rapid_edits_and_hovers_leave_the_server_text_equal_to_the_clients() {
    let ws = sample_copy("rapid");
    let mut c = Client::in_process();
    c.start(&ws, json!({"debounceMs": 0})).await;
    c.indexed().await;
    let path = ws.join("draft.txt");
    let mut text = String::from("قال قاسم الأعرجي إن القوات ستنسحب.\r\nوأضاف أن الانسحاب سيكتمل.\n");
    c.notify(
        "textDocument/didOpen",
        json!({"textDocument": {"uri": uri(&path), "languageId": "plaintext", "version": 1, "text": text}}),
    )
    .await;

    let pieces = ["ا", "لْ", "ّ", "😀", "👨‍👩‍👧", "\r\n", "\n", "\r", "\u{2028}", " ", "قوات", "é"];
    let mut seed: u64 = 0x5eed;
    let mut random = move |n: usize| {
        seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        (seed >> 33) as usize % n.max(1)
    };
    let mut hovers = Vec::new();
    let mut version = 1;
    for round in 0..300 {
        version += 1;
        let mut changes = Vec::new();
        for _ in 0..1 + random(3) {
            let start = boundary(&text, random(text.len() + 1));
            let end = boundary(&text, start + random(5));
            let end = end.max(start);
            let insert = if random(4) == 0 { "" } else { pieces[random(pieces.len())] };
            changes.push(json!({
                "range": {"start": client_position(&text, start), "end": client_position(&text, end)},
                "text": insert
            }));
            text.replace_range(start..end, insert);
        }
        c.notify(
            "textDocument/didChange",
            json!({"textDocument": {"uri": uri(&path), "version": version}, "contentChanges": changes}),
        )
        .await;
        if round % 5 == 0 {
            let id = 10_000 + round;
            let at = client_position(&text, boundary(&text, random(text.len() + 1)));
            let hover = json!({"jsonrpc": "2.0", "id": id, "method": "textDocument/hover",
                "params": {"textDocument": {"uri": uri(&path)}, "position": at}});
            c.send_raw(hover.to_string().as_bytes()).await;
            hovers.push(id);
        }
    }
    // Last, an impossible date typed at the end of every line (in one notification, from
    // the last line up): each one's column is its line's length, so any difference between
    // the server's text and the client's in any line shows as a wrong range.
    version += 1;
    let typed = " في 30 فبراير 2021";
    let bytes = text.as_bytes();
    let mut ends: Vec<usize> = (0..bytes.len())
        .filter(|&i| bytes[i] == b'\n' && (i == 0 || bytes[i - 1] != b'\r') || bytes[i] == b'\r')
        .collect();
    ends.push(text.len());
    let mut changes = Vec::new();
    for &at in ends.iter().rev() {
        let position = client_position(&text, at);
        changes.push(json!({"range": {"start": position, "end": position}, "text": typed}));
        text.insert_str(at, typed);
    }
    c.notify(
        "textDocument/didChange",
        json!({"textDocument": {"uri": uri(&path), "version": version}, "contentChanges": changes}),
    )
    .await;
    let mut expected: Vec<Value> = text
        .match_indices("30 فبراير 2021")
        .map(|(at, date)| json!({"start": client_position(&text, at), "end": client_position(&text, at + date.len())}))
        .collect();
    assert!(expected.len() > 20, "{} lines", expected.len());

    let (mut answered, mut last_version, mut last) = (0, 0, None);
    let deadline = tokio::time::Instant::now() + std::time::Duration::from_secs(60);
    loop {
        let message = tokio::time::timeout_at(deadline, c.read()).await.expect("answers in time").expect("running");
        if let Some(id) = message["id"].as_u64().filter(|_| message.get("method").is_none()) {
            assert!(hovers.contains(&(id as usize)), "{message}");
            assert!(message.get("error").is_none(), "{message}");
            answered += 1;
        } else if message["method"] == "textDocument/publishDiagnostics" && message["params"]["uri"] == uri(&path) {
            let v = message["params"]["version"].as_i64().unwrap();
            assert!(v >= last_version, "published version {v} after {last_version}");
            last_version = v;
            if v == version {
                last = Some(message["params"]["diagnostics"].clone());
            }
        } else if message.get("id").is_some() {
            c.send_raw(json!({"jsonrpc": "2.0", "id": message["id"], "result": null}).to_string().as_bytes()).await;
        }
        if last.is_some() && answered == hovers.len() {
            break;
        }
    }
    let last = last.unwrap();
    let mut invalid: Vec<Value> =
        last.as_array().unwrap().iter().filter(|d| d["code"] == "invalid-date").map(|d| d["range"].clone()).collect();
    let key = |r: &Value| (r["start"]["line"].as_u64(), r["start"]["character"].as_u64());
    invalid.sort_by_key(key);
    expected.sort_by_key(key);
    assert_eq!(invalid, expected);
}

/// A 10 MB document (an archive pasted whole), and a header that lies about its length: the
/// server, run as an editor runs it, analyses the one in bounded memory, answers the other
/// with an error, and keeps serving.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_10_mb_document_and_a_bad_header() {
    let ws = sample_copy("huge");
    let (mut c, child) = common::binary(&[]);
    let pid = child.id().unwrap();
    c.start(&ws, json!({"debounceMs": 0})).await;
    c.indexed().await;
    let path = ws.join("archive.txt");
    let line = "وقال المتحدث باسم الحكومة إن الوضع مستقر في المنطقة منذ أشهر.\n";
    let mut text = line.repeat(10_000_000 / line.len() + 1);
    text.push_str("وانتهى ذلك في 31 أبريل 2020.");
    assert!(text.len() > 10_000_000);
    c.notify(
        "textDocument/didOpen",
        json!({"textDocument": {"uri": uri(&path), "languageId": "plaintext", "version": 1, "text": text}}),
    )
    .await;
    let last_line = text.matches('\n').count();
    let diagnostics = c.diagnostics(&path, |d| codes(d).contains(&"invalid-date")).await;
    assert_eq!(diagnostics[0]["range"]["start"], json!({"line": last_line, "character": 14}));
    if let Some(peak) = common::peak_mb(pid) {
        eprintln!("peak memory with a 10 MB document open: {peak:.0} MB");
        // The rope, the text, its analysis and the sample's index: a few times the text.
        assert!(peak < 400.0, "{peak:.0} MB");
    }

    // A header that is not a number, then a well-formed request: an error, then an answer.
    c.send_raw_frame(b"Content-Length: twelve\r\n\r\n{}").await;
    let hover = c
        .request(
            "textDocument/hover",
            json!({"textDocument": {"uri": uri(&path)}, "position": {"line": last_line, "character": 15}}),
        )
        .await;
    assert!(hover.get("result").is_some(), "{hover}");
}

/// Every rule's message, the related notes, a hover and the code actions, in the language the
/// client speaks: `ar` and `en` sessions over real frames, on articles written so that each
/// rule flags something; the `language` setting wins over the locale and switches a session.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn arabic_and_english_sessions() {
    let ws = copy_of(EVERY_RULE, "languages");
    let a = ws.join("a.md");
    let capabilities = json!({
        "general": {"positionEncodings": ["utf-16"]},
        "workspace": {"workspaceEdit": {"documentChanges": true}},
        "textDocument": {"publishDiagnostics": {"relatedInformation": true}}
    });
    for (locale, options, arabic) in [
        ("ar", json!({"debounceMs": 0}), true),
        ("en-US", json!({"debounceMs": 0}), false),
        ("ar-EG", json!({"debounceMs": 0, "language": "en"}), false),
        ("en", json!({"debounceMs": 0, "language": "ar"}), true),
    ] {
        let mut c = Client::in_process();
        c.start_in(locale, &ws, options, capabilities.clone()).await;
        c.open(&a).await;
        let diagnostics = c.diagnostics(&a, |d| d.len() >= 9).await;
        for (code, english, in_arabic) in EVERY_RULE_SAYS {
            let d = diagnostics.iter().find(|d| d["code"] == code).unwrap_or_else(|| panic!("{code}: {diagnostics:?}"));
            let message = d["message"].as_str().unwrap();
            let expected = if arabic { in_arabic } else { english };
            assert!(message.contains(expected), "{locale} {code}: {message}");
        }
        let paired = diagnostics.iter().find(|d| d["code"] == "calendar-mismatch").unwrap();
        let note = paired["relatedInformation"][0]["message"].as_str().unwrap();
        assert_eq!(note, if arabic { "الصيغة المقرونة به" } else { "the paired form" });

        // A hover on a date: the article's own month names, the weekday in Arabic.
        let at = json!({"textDocument": {"uri": uri(&a)}, "position": position_of(&a, "5 يناير 2020", 0)});
        let hover = c.request("textDocument/hover", at).await;
        let text = hover["result"]["contents"]["value"].as_str().unwrap();
        if arabic {
            assert!(text.starts_with("**5 يناير 2020 (2020-01-05)** · الأحد"), "{text}");
            assert!(
                text.contains("يخالفه:\n- b.txt: «5 جانفي 2021» (2021-01-05) — وجه المقارنة: تاريخ التصويت"),
                "{text}"
            );
        } else {
            assert!(text.starts_with("**2020-01-05** · Sunday (الأحد)"), "{text}");
            assert!(
                text.contains("Disagrees:\n- b.txt: «5 جانفي 2021» (2021-01-05) — compared: the date of the vote"),
                "{text}"
            );
        }

        // The code actions on the date conflict: take the other source's date, or silence it.
        let d = diagnostics.iter().find(|d| d["code"] == "date-conflict").unwrap();
        let actions = c
            .request(
                "textDocument/codeAction",
                json!({"textDocument": {"uri": uri(&a)}, "range": d["range"], "context": {"diagnostics": [d]}}),
            )
            .await;
        let titles: Vec<&str> =
            actions["result"].as_array().unwrap().iter().map(|a| a["title"].as_str().unwrap()).collect();
        let (take, silence) = if arabic {
            ("استخدم «5 يناير 2021» («5 جانفي 2021» في b.txt)", "تجاهل date-conflict في هذا السطر")
        } else {
            ("Use «5 يناير 2021» («5 جانفي 2021» in b.txt)", "Suppress date-conflict on this line")
        };
        assert!(titles.contains(&take) && titles.contains(&silence), "{locale}: {titles:?}");
    }

    // A session switched to English by its settings republishes its findings in English.
    let mut c = Client::in_process();
    c.start_in("ar", &ws, json!({"debounceMs": 0}), capabilities).await;
    c.open(&a).await;
    let before = c.diagnostics(&a, |d| d.len() >= 9).await;
    assert!(before.iter().any(|d| d["message"].as_str().unwrap().contains("تاريخ لا وجود له")));
    c.notify("workspace/didChangeConfiguration", json!({"settings": {"tadqiq": {"language": "en"}}})).await;
    let after = c
        .diagnostics(&a, |d| d.iter().any(|d| d["message"].as_str().is_some_and(|m| m.contains("does not exist"))))
        .await;
    assert_eq!(after.len(), before.len());
}
