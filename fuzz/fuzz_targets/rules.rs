//! Arbitrary text as three sources of one story (split where the input has NUL bytes), with
//! entities and every rule: no panic, and every finding's span lies on character boundaries
//! inside its source.
#![no_main]

use std::sync::{Arc, OnceLock};

use libfuzzer_sys::fuzz_target;
use tadqiq::entities::Gazetteer;
use tadqiq::rules::{RuleSettings, check};
use tadqiq::workspace::Workspace;

fuzz_target!(|text: &str| {
    // Built once: the gazetteer is the same for every input.
    static GAZETTEER: OnceLock<Arc<Gazetteer>> = OnceLock::new();
    let mut ws = Workspace::new(GAZETTEER.get_or_init(|| Arc::new(Gazetteer::new(&[]))).clone());
    ws.extend(text.splitn(3, '\0').enumerate().map(|(i, t)| (format!("{i}.txt"), t.to_string(), None)));
    for f in check(&ws, &RuleSettings::default()) {
        let source = &ws.doc(&f.path).expect("a finding names a source").text;
        assert!(f.span.start <= f.span.end && f.span.end <= source.len());
        assert!(source.is_char_boundary(f.span.start) && source.is_char_boundary(f.span.end));
    }
});
