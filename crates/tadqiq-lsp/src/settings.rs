//! The server's settings, from `initializationOptions` and `workspace/didChangeConfiguration`.

use std::time::Duration;

use serde_json::Value;
use tadqiq_core::calendar::DateValue;
use tadqiq_core::messages::Lang;
use tadqiq_core::rules::RuleSettings;

#[derive(Clone, Debug, PartialEq)]
pub struct Settings {
    pub rules: RuleSettings,
    pub debounce: Duration,
    pub inlay_hints: bool,
    pub published: Option<DateValue>,
    /// `ar` or `en`; `None` follows the client's locale.
    pub language: Option<Lang>,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            rules: RuleSettings::default(),
            debounce: Duration::from_millis(150),
            inlay_hints: false,
            published: None,
            language: None,
        }
    }
}

impl Settings {
    /// Reads `{"rules": {…}, "debounceMs": 150, "inlayHints": false, "published": "…",
    /// "language": "ar"}`, also
    /// nested under `tadqiq` (as VS Code sends it). Unknown or malformed values are reported
    /// and left at their previous value.
    pub fn update(&mut self, value: &Value) -> Vec<String> {
        let value = value.get("tadqiq").unwrap_or(value);
        let mut problems = Vec::new();
        if let Some(rules) = value.get("rules").and_then(Value::as_object) {
            let mut settings = RuleSettings::default();
            for (code, level) in rules {
                match level.as_str().map(|l| settings.set(code, l)) {
                    Some(Ok(())) => {}
                    Some(Err(e)) => problems.push(e),
                    None => problems.push(format!("rules.{code}: expected a string")),
                }
            }
            self.rules = settings;
        }
        if let Some(ms) = value.get("debounceMs") {
            match ms.as_u64() {
                Some(ms) => self.debounce = Duration::from_millis(ms.min(10_000)),
                None => problems.push("debounceMs: expected a number of milliseconds".into()),
            }
        }
        if let Some(on) = value.get("inlayHints") {
            match on.as_bool() {
                Some(on) => self.inlay_hints = on,
                None => problems.push("inlayHints: expected true or false".into()),
            }
        }
        if let Some(p) = value.get("published") {
            match p.as_str().map(DateValue::parse) {
                _ if p.is_null() => self.published = None,
                Some(Some(d)) => self.published = Some(d),
                _ => problems.push(format!("published: {p} is not a date (YYYY, YYYY-MM or YYYY-MM-DD)")),
            }
        }
        if let Some(l) = value.get("language") {
            match l.as_str().map(|s| (s, Lang::parse(s))) {
                _ if l.is_null() => self.language = None,
                // The client's own setting «follow the locale».
                Some(("" | "auto", _)) => self.language = None,
                Some((_, Some(lang))) => self.language = Some(lang),
                _ => problems.push(format!("language: {l} is not \"ar\" or \"en\"")),
            }
        }
        problems
    }
}
