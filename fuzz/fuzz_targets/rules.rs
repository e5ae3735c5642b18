//! Arbitrary text as three sources of one story (split where the input has NUL bytes), with
//! entities and every rule (`tadqiq_testkit::rules`).
#![no_main]

use std::sync::{Arc, OnceLock};

use libfuzzer_sys::fuzz_target;
use tadqiq_core::entities::Gazetteer;

fuzz_target!(|text: &str| {
    // Built once: the gazetteer is the same for every input.
    static GAZETTEER: OnceLock<Arc<Gazetteer>> = OnceLock::new();
    tadqiq_testkit::rules(text, GAZETTEER.get_or_init(|| Arc::new(Gazetteer::new(&[]))).clone());
});
