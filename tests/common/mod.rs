//! A small LSP client for the protocol tests: real `Content-Length` frames over a pipe to the
//! server (in-process, or the `tadqiq lsp` binary), answering the server's own requests as an
//! editor would.

#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::time::Duration;

use serde_json::{Value, json};
use tokio::io::{AsyncBufReadExt, AsyncRead, AsyncReadExt, AsyncWrite, AsyncWriteExt, BufReader};

pub const SAMPLE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/examples/iraq-withdrawal");

pub struct Client {
    writer: Box<dyn AsyncWrite + Unpin + Send>,
    reader: BufReader<Box<dyn AsyncRead + Unpin + Send>>,
    next_id: i64,
    /// Notifications received while waiting for something else.
    pub notifications: Vec<Value>,
}

impl Client {
    /// A server running in this process, over an in-memory pipe.
    pub fn in_process() -> Client {
        let (client, server) = tokio::io::duplex(1 << 22);
        let (server_read, server_write) = tokio::io::split(server);
        tokio::spawn(tadqiq_lsp::serve(server_read, server_write));
        let (read, write) = tokio::io::split(client);
        Client::new(Box::new(read), Box::new(write))
    }

    pub fn new(reader: Box<dyn AsyncRead + Unpin + Send>, writer: Box<dyn AsyncWrite + Unpin + Send>) -> Client {
        Client { writer, reader: BufReader::new(reader), next_id: 1, notifications: Vec::new() }
    }

    pub async fn send_raw(&mut self, body: &[u8]) {
        let header = format!("Content-Length: {}\r\n\r\n", body.len());
        self.writer.write_all(header.as_bytes()).await.unwrap();
        self.writer.write_all(body).await.unwrap();
        self.writer.flush().await.unwrap();
    }

    /// Bytes as they are, headers and all.
    pub async fn send_raw_frame(&mut self, bytes: &[u8]) {
        self.writer.write_all(bytes).await.unwrap();
        self.writer.flush().await.unwrap();
    }

    async fn send(&mut self, message: &Value) {
        self.send_raw(message.to_string().as_bytes()).await;
    }

    /// Reads one frame; `None` at the end of the stream.
    pub async fn read(&mut self) -> Option<Value> {
        let mut length = None;
        loop {
            let mut line = String::new();
            if self.reader.read_line(&mut line).await.ok()? == 0 {
                return None;
            }
            let line = line.trim_end();
            if line.is_empty() {
                break;
            }
            if let Some(v) = line.strip_prefix("Content-Length: ") {
                length = v.parse::<usize>().ok();
            }
        }
        let mut body = vec![0; length?];
        self.reader.read_exact(&mut body).await.ok()?;
        Some(serde_json::from_slice(&body).expect("the server writes JSON"))
    }

    /// Reads until `pick` accepts a message, answering server requests on the way.
    async fn read_until(&mut self, pick: impl Fn(&Value) -> bool) -> Value {
        // Generous: a debug build analysing a 10 MB document on a loaded 2-core machine is slow.
        let deadline = tokio::time::Instant::now() + Duration::from_secs(90);
        loop {
            let message = tokio::time::timeout_at(deadline, self.read())
                .await
                .expect("the server answers in time")
                .expect("the server is running");
            if pick(&message) {
                return message;
            }
            if message.get("id").is_some() && message.get("method").is_some() {
                // A request from the server (progress token, registration): accept it.
                let reply = json!({"jsonrpc": "2.0", "id": message["id"], "result": null});
                self.send(&reply).await;
            } else if message.get("method").is_some() {
                self.notifications.push(message);
            }
        }
    }

    /// The next message `pick` accepts, whatever it is.
    pub async fn notification_or_response(&mut self, pick: impl Fn(&Value) -> bool) -> Value {
        self.read_until(pick).await
    }

    pub async fn request(&mut self, method: &str, params: Value) -> Value {
        let id = self.next_id;
        self.next_id += 1;
        self.send(&json!({"jsonrpc": "2.0", "id": id, "method": method, "params": params})).await;
        self.read_until(|m| m["id"] == id && m.get("method").is_none()).await
    }

    pub async fn notify(&mut self, method: &str, params: Value) {
        self.send(&json!({"jsonrpc": "2.0", "method": method, "params": params})).await;
    }

    /// The next notification of `method` that `pick` accepts (including ones already seen).
    pub async fn notification(&mut self, method: &str, pick: impl Fn(&Value) -> bool) -> Value {
        if let Some(k) = self.notifications.iter().position(|n| n["method"] == method && pick(&n["params"])) {
            return self.notifications.remove(k)["params"].clone();
        }
        self.read_until(|m| m["method"] == method && m.get("id").is_none() && pick(&m["params"])).await["params"]
            .clone()
    }

    /// `initialize` and `initialized` on a workspace folder, with the usual editor capabilities.
    pub async fn start(&mut self, root: &Path, options: Value) -> Value {
        let capabilities = json!({
            "general": {"positionEncodings": ["utf-16"]},
            "window": {"workDoneProgress": true},
            "workspace": {"didChangeWatchedFiles": {"dynamicRegistration": true}, "workspaceFolders": true},
            "textDocument": {"publishDiagnostics": {"relatedInformation": true}}
        });
        self.start_with(root, options, capabilities).await
    }

    /// `initialize` and `initialized` on a workspace folder, with the given client capabilities,
    /// from an English-speaking client.
    pub async fn start_with(&mut self, root: &Path, options: Value, capabilities: Value) -> Value {
        self.start_in("en", root, options, capabilities).await
    }

    /// As [`Client::start_with`], from a client whose locale is `locale`.
    pub async fn start_in(&mut self, locale: &str, root: &Path, options: Value, capabilities: Value) -> Value {
        let params = json!({
            "processId": null,
            "rootUri": uri(root),
            "workspaceFolders": [{"uri": uri(root), "name": "ws"}],
            "initializationOptions": options,
            "capabilities": capabilities,
            "locale": locale,
        });
        let result = self.request("initialize", params).await;
        self.notify("initialized", json!({})).await;
        result
    }

    /// Waits until the server has indexed the workspace (its `$/progress` ends).
    pub async fn indexed(&mut self) {
        self.notification("$/progress", |p| p["value"]["kind"] == "end").await;
    }

    pub async fn open(&mut self, path: &Path) {
        let text = std::fs::read_to_string(path).unwrap();
        self.notify(
            "textDocument/didOpen",
            json!({"textDocument": {"uri": uri(path), "languageId": "plaintext", "version": 1, "text": text}}),
        )
        .await;
    }

    /// Diagnostics published for a document that `pick` accepts.
    pub async fn diagnostics(&mut self, path: &Path, pick: impl Fn(&[Value]) -> bool) -> Vec<Value> {
        let want = uri(path);
        let found = self
            .notification("textDocument/publishDiagnostics", |p| {
                p["uri"] == want.as_str() && pick(p["diagnostics"].as_array().map_or(&[], |v| v.as_slice()))
            })
            .await;
        found["diagnostics"].as_array().unwrap().clone()
    }
}

/// The `tadqiq` binary started as an editor starts it (`tadqiq lsp` plus `args`), with a client
/// on its stdin and stdout. The process is killed if the test drops it still running.
/// `tadqiq` run to its end in an English locale, whatever the machine's (`--lang` gives Arabic).
pub fn tadqiq(args: &[&str], cwd: &Path) -> std::process::Output {
    tadqiq_in("C.UTF-8", args, cwd)
}

/// `tadqiq` run to its end in the locale `lang` (`LANG`, with nothing above it).
pub fn tadqiq_in(lang: &str, args: &[&str], cwd: &Path) -> std::process::Output {
    std::process::Command::new(env!("CARGO_BIN_EXE_tadqiq"))
        .args(args)
        .current_dir(cwd)
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env("LANG", lang)
        // Runs in the repository's folders keep their cache out of them.
        .env("TADQIQ_CACHE_DIR", std::env::temp_dir().join(format!("tadqiq-test-cache-{}", std::process::id())))
        .output()
        .expect("tadqiq runs")
}

pub fn binary(args: &[&str]) -> (Client, tokio::process::Child) {
    let mut child = tokio::process::Command::new(env!("CARGO_BIN_EXE_tadqiq"))
        .arg("lsp")
        .args(args)
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env("LANG", "C.UTF-8")
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .kill_on_drop(true)
        .spawn()
        .expect("tadqiq lsp starts");
    let (stdin, stdout) = (child.stdin.take().unwrap(), child.stdout.take().unwrap());
    (Client::new(Box::new(stdout), Box::new(stdin)), child)
}

/// A process's peak memory in MB (Linux's VmHWM); `None` where /proc does not say.
pub fn peak_mb(pid: u32) -> Option<f64> {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    Some(line.split_whitespace().nth(1)?.parse::<f64>().ok()? / 1024.0)
}

pub fn uri(path: &Path) -> String {
    format!("file://{}", path.display()).replace(' ', "%20")
}

/// A copy of the sample in a fresh folder (so tests never touch the repository's files).
pub fn sample_copy(name: &str) -> PathBuf {
    copy_of(SAMPLE, name)
}

/// Three short articles written so that every rule flags something: `tests/fixtures/every-rule`.
pub const EVERY_RULE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/every-rule");

/// What each rule says of `EVERY_RULE`'s articles, in English and in Arabic: words every one of
/// its messages about `a.md` holds.
pub const EVERY_RULE_SAYS: [(&str, &str, &str); 9] = [
    ("invalid-date", "does not exist: February 2021 has 28 days", "تاريخ لا وجود له: فبراير 2021 لا يتجاوز 28 يوما"),
    ("calendar-mismatch", "pairs two different months: تموز is July", "يقرن شهرين مختلفين: تموز هو الشهر 7"),
    (
        "weekday-mismatch",
        "2021-12-10 was a Friday (الجمعة), not a Thursday (الخميس)",
        "يوافق 10 ديسمبر 2021 (2021-12-10) يوم الجمعة، لا يوم الخميس",
    ),
    (
        "relative-date-mismatch",
        "published 2025-03-01, it is 2024",
        "المقال منشور في 1 مارس 2025 (2025-03-01)، فالمقصود 2024",
    ),
    ("duration-mismatch", "from 2003 to this article's 2025 is 22 years", "من 2003 إلى 2025، عام نشر المقال، 22 عاما"),
    ("part-exceeds-whole", "is more than the whole it belongs to", "أكبر من المجموع الذي هو جزء منه"),
    (
        "date-conflict",
        "disagrees with 1 other source: 2021-01-05 in b.txt",
        "يخالف مصدرا آخر: 5 يناير 2021 (2021-01-05) في b.txt",
    ),
    (
        "figure-conflict",
        "disagrees with 1 other source: 45 in b.txt. Compared: injured in «الكرامة»",
        "يخالف مصدرا آخر: 45 في b.txt. وجه المقارنة: الجرحى في «الكرامة»",
    ),
    ("name-variant", "is spelled «آنيس روماتيه» in c.txt", "يُكتب «آنيس روماتيه» في c.txt"),
];

/// A copy of the articles of `from` in a fresh temporary folder.
pub fn copy_of(from: &str, name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("tadqiq-lsp-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let path = entry.unwrap().path();
        if path.is_file() {
            std::fs::copy(&path, dir.join(path.file_name().unwrap())).unwrap();
        }
    }
    std::fs::canonicalize(&dir).unwrap()
}

/// The LSP position (UTF-16) of the `nth` occurrence of `needle` in a file.
pub fn position_of(path: &Path, needle: &str, nth: usize) -> Value {
    let text = std::fs::read_to_string(path).unwrap();
    let at = text.match_indices(needle).nth(nth).unwrap_or_else(|| panic!("{needle:?} not in {}", path.display())).0;
    let line_start = text[..at].rfind('\n').map_or(0, |i| i + 1);
    json!({"line": text[..at].matches('\n').count(), "character": text[line_start..at].encode_utf16().count()})
}
