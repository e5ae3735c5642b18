use std::time::Instant;
use tadqiq::entities::{Gazetteer, recognise};
use tadqiq::lexicon::LEXICON;
use tadqiq::text::Tokens;
fn main() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/examples/iraq-withdrawal");
    let texts: Vec<String> =
        std::fs::read_dir(dir).unwrap().map(|e| std::fs::read_to_string(e.unwrap().path()).unwrap()).collect();
    let docs: Vec<String> = (0..300).flat_map(|_| texts.clone()).collect();
    let mb = docs.iter().map(|d| d.len()).sum::<usize>() as f64 / 1e6;
    let g = Gazetteer::new(&[]);
    let t = |name: &str, f: &dyn Fn(&str) -> usize| {
        let s = Instant::now();
        let n: usize = docs.iter().map(|d| f(d)).sum();
        println!("{name:<28} {:>6.1} ms/MB ({n})", s.elapsed().as_secs_f64() * 1e3 / mb);
    };
    t("tokenize", &|d| Tokens::new(d).len());
    t("tokenize+lexindex", &|d| {
        let k = Tokens::new(d);
        let ix = LEXICON.index(&k);
        ix.knows(0) as usize + k.len()
    });
    t("extract", &|d| tadqiq::extract::extract(d).len());
    t("tokenize+entity index", &|d| {
        let k = Tokens::new(d);
        g.phrases.index(&k).knows(0) as usize
    });
    t("tokenize+lex+recognise", &|d| {
        let k = Tokens::new(d);
        let ix = LEXICON.index(&k);
        recognise(&k, &ix, &g).mentions.len()
    });
    let s = Instant::now();
    let mut ws = tadqiq::workspace::Workspace::new(std::sync::Arc::new(Gazetteer::new(&[])));
    ws.extend(docs.iter().enumerate().map(|(i, d)| (format!("{i}"), d.clone(), None)));
    println!("{:<28} {:>6.1} ms/MB", "workspace extend", s.elapsed().as_secs_f64() * 1e3 / mb);
    let s = Instant::now();
    let n = ws.upsert("0", docs[0].clone(), None).len();
    println!(
        "{:<28} {:>6.1} ms/MB (re-matched {n})",
        "one upsert, registry same",
        s.elapsed().as_secs_f64() * 1e3 / (docs[0].len() as f64 / 1e6)
    );
}
#[allow(dead_code)]
fn _unused() {}
