//! Extraction throughput on ≥ 10 MB of Arabic news text, on one core, stage by stage.
//!
//! The text is the sample articles, repeated with their digits rotated so that every copy has
//! different dates and figures. Each article is extracted as its own document, as `check` and
//! the server do; the last line builds the whole cross-source index (entities, names carried
//! across sources) over all of them. Run: `cargo bench --bench extract`.

use std::hint::black_box;
use std::time::Instant;

use std::sync::Arc;

use tadqiq_core::analysis::{analyse, analyse_article};
use tadqiq_core::entities::Gazetteer;
use tadqiq_core::extract::extract;
use tadqiq_core::lexicon::LEXICON;
use tadqiq_core::text::Tokens;
use tadqiq_core::workspace::Workspace;

const TARGET_BYTES: usize = 10 * 1024 * 1024;

fn corpus() -> Vec<String> {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../../examples/iraq-withdrawal");
    let mut originals: Vec<String> = std::fs::read_dir(dir)
        .expect("sample folder")
        .map(|e| std::fs::read_to_string(e.unwrap().path()).unwrap())
        .collect();
    originals.sort();
    let mut docs = Vec::new();
    let mut total = 0;
    let mut round = 0u32;
    while total < TARGET_BYTES {
        for text in &originals {
            let varied: String = text
                .chars()
                .map(|c| match c.to_digit(10) {
                    Some(d) if c.is_ascii_digit() => char::from_digit((d + round) % 10, 10).unwrap(),
                    _ => c,
                })
                .collect();
            total += varied.len();
            docs.push(varied);
        }
        round += 1;
    }
    docs
}

fn measure(name: &str, what: &str, docs: &[String], bytes: usize, runs: usize, f: impl Fn(&str) -> usize) {
    let mut rates = Vec::new();
    let mut found = 0;
    for _ in 0..runs {
        let start = Instant::now();
        found = docs.iter().map(|d| f(black_box(d))).sum::<usize>();
        let secs = start.elapsed().as_secs_f64();
        rates.push(bytes as f64 / 1e6 / secs);
    }
    rates.sort_by(f64::total_cmp);
    println!(
        "{name:<32} {:>7.1} MB/s median  ({:.1}–{:.1} over {runs} runs; {found} {what})",
        rates[runs / 2],
        rates[0],
        rates[runs - 1]
    );
}

fn main() {
    let docs = corpus();
    let bytes: usize = docs.iter().map(String::len).sum();
    println!("{} articles, {:.1} MB of Arabic news text", docs.len(), bytes as f64 / 1e6);
    let runs = 7;
    measure("tokenize (one core)", "tokens", &docs, bytes, runs, |d| Tokens::new(d).len());
    measure("tokenize + lexicon index", "tokens the lexicon knows", &docs, bytes, runs, |d| {
        let toks = Tokens::new(d);
        let ix = LEXICON.index(&toks);
        (0..toks.len()).filter(|&i| ix.knows(i)).count()
    });
    measure("extract (one core)", "mentions", &docs, bytes, runs, |d| extract(d).len());
    measure("extract + resolve (one core)", "mentions", &docs, bytes, runs, |d| analyse(d, None).mentions.len());
    let gazetteer = Arc::new(Gazetteer::new(&[]));
    measure("+ entities in the article", "mentions", &docs, bytes, runs, |d| {
        let a = analyse_article(d, None, Some(&gazetteer));
        a.analysis.mentions.len() + a.local.mentions.len() + a.local.introductions.len()
    });
    let mut rates = Vec::new();
    let mut found = 0;
    for _ in 0..runs {
        let start = Instant::now();
        let mut ws = Workspace::new(gazetteer.clone());
        ws.extend(docs.iter().enumerate().map(|(i, d)| (format!("{i:05}.txt"), d.clone(), None)));
        found = ws.docs().map(|(_, d)| d.entities.len() + d.analysis.mentions.len()).sum::<usize>();
        rates.push(bytes as f64 / 1e6 / start.elapsed().as_secs_f64());
    }
    rates.sort_by(f64::total_cmp);
    println!(
        "{:<32} {:>7.1} MB/s median  ({:.1}–{:.1} over {runs} runs; {found} mentions with entities)",
        "+ names across sources (index)",
        rates[runs / 2],
        rates[0],
        rates[runs - 1]
    );
}
