//! A tiny WebDriver client for the report's browser tests: Debian's `chromedriver` driving its
//! `chromium` headless, spoken to over HTTP/1.0 with std's TcpStream (one request per
//! connection, so no chunked bodies and no keep-alive to manage). Only what the tests use:
//! open a page, run a script in it, click, and take screenshots.

#![allow(dead_code)]

use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use serde_json::{Value, json};

pub const CHROMIUM: &str = "/usr/bin/chromium";
pub const CHROMEDRIVER: &str = "/usr/bin/chromedriver";

/// Whether the browser and its driver are installed (`.ci/run` installs them).
pub fn available() -> bool {
    Path::new(CHROMIUM).exists() && Path::new(CHROMEDRIVER).exists()
}

/// A browser session; the driver (and with it the browser) ends when it is dropped.
pub struct Browser {
    port: u16,
    session: String,
    driver: Child,
    profile: PathBuf,
}

impl Browser {
    /// Starts chromedriver on a free port and a headless Chromium in a fresh profile, with the
    /// flags this machine needs (no sandbox as root, no GPU, no background networking: the
    /// network is closed, and a browser that calls home would stall on it).
    pub fn start(width: u32, height: u32) -> Browser {
        let port = TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
        let driver = Command::new(CHROMEDRIVER)
            .arg(format!("--port={port}"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("chromedriver starts");
        let profile = std::env::temp_dir().join(format!("tadqiq-chromium-{}-{port}", std::process::id()));
        let _ = std::fs::remove_dir_all(&profile);
        let mut browser = Browser { port, session: String::new(), driver, profile };
        let deadline = Instant::now() + Duration::from_secs(20);
        while browser.call("GET", "/status", None).ok().and_then(|v| v["value"]["ready"].as_bool()) != Some(true) {
            assert!(Instant::now() < deadline, "chromedriver did not start on port {port}");
            std::thread::sleep(Duration::from_millis(100));
        }
        let args = vec![
            "--headless".to_string(),
            "--no-sandbox".into(),
            "--disable-gpu".into(),
            "--disable-quic".into(),
            "--no-first-run".into(),
            "--disable-background-networking".into(),
            "--disable-component-update".into(),
            "--disable-sync".into(),
            "--disable-dev-shm-usage".into(),
            "--hide-scrollbars".into(),
            "--lang=en-US".into(),
            format!("--window-size={width},{height}"),
            format!("--user-data-dir={}", browser.profile.display()),
        ];
        let caps = json!({"capabilities": {"alwaysMatch": {
            "browserName": "chrome",
            "goog:chromeOptions": {"binary": CHROMIUM, "args": args}
        }}});
        let answer = browser.call("POST", "/session", Some(&caps)).expect("a browser session");
        browser.session = answer["value"]["sessionId"].as_str().expect("a session id").to_string();
        browser
    }

    fn call(&self, method: &str, path: &str, body: Option<&Value>) -> Result<Value, String> {
        let mut stream = TcpStream::connect(("127.0.0.1", self.port)).map_err(|e| e.to_string())?;
        stream.set_read_timeout(Some(Duration::from_secs(120))).ok();
        let body = body.map(|b| b.to_string()).unwrap_or_default();
        let request = format!(
            "{method} {path} HTTP/1.1\r\nHost: 127.0.0.1:{}\r\nConnection: close\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: {}\r\n\r\n{body}",
            self.port,
            body.len()
        );
        stream.write_all(request.as_bytes()).map_err(|e| e.to_string())?;
        // chromedriver says `Connection: close` and then keeps the connection open: the body
        // is read by its length.
        let mut answer = Vec::new();
        let mut buffer = [0u8; 65536];
        let (split, head) = loop {
            let n = stream.read(&mut buffer).map_err(|e| e.to_string())?;
            if n == 0 {
                return Err("the connection closed before an answer".into());
            }
            answer.extend_from_slice(&buffer[..n]);
            if let Some(split) = answer.windows(4).position(|w| w == b"\r\n\r\n") {
                break (split, String::from_utf8_lossy(&answer[..split]).to_ascii_lowercase());
            }
        };
        let status = head.split_whitespace().nth(1).unwrap_or("").to_string();
        let length =
            head.lines().find_map(|l| l.strip_prefix("content-length:")).and_then(|v| v.trim().parse::<usize>().ok());
        let chunked = head.contains("transfer-encoding: chunked") || head.contains("transfer-encoding:chunked");
        loop {
            let have = answer.len() - (split + 4);
            let done = match length {
                Some(length) => have >= length,
                None if chunked => answer.ends_with(b"0\r\n\r\n"),
                None => false,
            };
            if done {
                break;
            }
            let n = stream.read(&mut buffer).map_err(|e| e.to_string())?;
            if n == 0 {
                break;
            }
            answer.extend_from_slice(&buffer[..n]);
        }
        let mut body = answer[split + 4..].to_vec();
        if let Some(length) = length {
            body.truncate(length);
        } else if chunked {
            body = dechunk(&body);
        }
        let value: Value = serde_json::from_slice(&body).map_err(|e| e.to_string())?;
        if status != "200" {
            return Err(format!("{method} {path}: HTTP {status}: {value}"));
        }
        Ok(value)
    }

    fn command(&self, method: &str, path: &str, body: Value) -> Value {
        let path = format!("/session/{}{path}", self.session);
        let body = if method == "GET" || method == "DELETE" { None } else { Some(&body) };
        self.call(method, &path, body).unwrap_or_else(|e| panic!("WebDriver: {e}"))["value"].clone()
    }

    /// Opens a URL and waits for the page to load.
    pub fn open(&self, url: &str) {
        self.command("POST", "/url", json!({"url": url}));
    }

    pub fn url(&self) -> String {
        self.command("GET", "/url", Value::Null).as_str().unwrap_or_default().to_string()
    }

    /// Runs a script in the page (a function body: `return …`) and gives back its value.
    pub fn eval(&self, script: &str) -> Value {
        self.command("POST", "/execute/sync", json!({"script": script, "args": []}))
    }

    /// Clicks the first element a CSS selector finds (scrolled into view first, as a user's
    /// pointer would reach it).
    pub fn click(&self, selector: &str) {
        let found = self.command("POST", "/element", json!({"using": "css selector", "value": selector}));
        let id =
            found.as_object().and_then(|o| o.values().next()).and_then(Value::as_str).expect("an element").to_string();
        self.command("POST", &format!("/element/{id}/click"), json!({}));
    }

    pub fn back(&self) {
        self.command("POST", "/back", json!({}));
    }

    /// A PNG of the page from its top down to `height` CSS pixels (the whole page when
    /// `None`), at the window's width, through the DevTools protocol (WebDriver's own
    /// screenshot stops at the window).
    pub fn screenshot(&self, path: &Path, height: Option<f64>) {
        self.screenshot_part(path, 0.0, height);
    }

    /// As [`Browser::screenshot`], from `top` down.
    pub fn screenshot_part(&self, path: &Path, top: f64, height: Option<f64>) {
        let metrics = self.command("POST", "/goog/cdp/execute", json!({"cmd": "Page.getLayoutMetrics", "params": {}}));
        let size = &metrics["cssContentSize"];
        let width = size["width"].as_f64().unwrap_or(1200.0);
        let full = size["height"].as_f64().unwrap_or(1000.0);
        let height = height.unwrap_or(full).min(full - top).max(1.0);
        let clip = json!({"x": 0, "y": top, "width": width, "height": height, "scale": 1});
        let shot = self.command(
            "POST",
            "/goog/cdp/execute",
            json!({"cmd": "Page.captureScreenshot", "params": {"format": "png", "captureBeyondViewport": true, "clip": clip}}),
        );
        let data = shot["data"].as_str().expect("a screenshot");
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir).unwrap();
        }
        std::fs::write(path, base64(data)).unwrap();
    }
}

impl Drop for Browser {
    fn drop(&mut self) {
        if !self.session.is_empty() {
            let _ = self.call("DELETE", &format!("/session/{}", self.session), None);
        }
        let _ = self.driver.kill();
        let _ = self.driver.wait();
        let _ = std::fs::remove_dir_all(&self.profile);
    }
}

/// A chunked HTTP body, joined.
fn dechunk(mut body: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    while let Some(end) = body.windows(2).position(|w| w == b"\r\n") {
        let size = usize::from_str_radix(String::from_utf8_lossy(&body[..end]).trim(), 16).unwrap_or(0);
        if size == 0 || end + 2 + size > body.len() {
            break;
        }
        out.extend_from_slice(&body[end + 2..end + 2 + size]);
        body = &body[(end + 4 + size).min(body.len())..];
    }
    out
}

/// Decodes standard base64 (what WebDriver and DevTools send screenshots in).
pub fn base64(text: &str) -> Vec<u8> {
    let value = |c: u8| match c {
        b'A'..=b'Z' => Some(c - b'A'),
        b'a'..=b'z' => Some(c - b'a' + 26),
        b'0'..=b'9' => Some(c - b'0' + 52),
        b'+' => Some(62),
        b'/' => Some(63),
        _ => None,
    };
    let mut out = Vec::with_capacity(text.len() * 3 / 4);
    let (mut bits, mut count) = (0u32, 0);
    for v in text.bytes().filter_map(value) {
        bits = (bits << 6) | v as u32;
        count += 6;
        if count >= 8 {
            count -= 8;
            out.push((bits >> count) as u8);
        }
    }
    out
}

#[test]
fn base64_decodes() {
    assert_eq!(base64("aGVsbG8="), b"hello");
    assert_eq!(base64("iVBORw0KGgo="), b"\x89PNG\r\n\x1a\n");
}
