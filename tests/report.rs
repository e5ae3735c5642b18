//! `tadqiq report` through the binary, and its page in a real browser: Debian's Chromium
//! headless, driven over WebDriver by Debian's chromedriver (`tests/webdriver/`). The page of
//! the sample story and of each story of the dev conflicts set (when `../shared/dev` is there)
//! is opened, read back from the DOM and checked against the model the same binary writes as
//! JSON: the timeline's events, the marked disagreements, the figures, links that open the
//! source at the quoted statement; a screenshot of each is saved under target/tmp/report/.
//! Without Chromium the browser tests fail under CI and say so elsewhere.

mod webdriver;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

use serde_json::Value;
use webdriver::Browser;

const ROOT: &str = env!("CARGO_MANIFEST_DIR");
const SAMPLE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/examples/iraq-withdrawal");

fn tadqiq(args: &[&str], cwd: &Path) -> std::process::Output {
    // Runs in the repository's folders keep their cache out of them.
    let cache = std::env::temp_dir().join(format!("tadqiq-test-cache-{}", std::process::id()));
    Command::new(env!("CARGO_BIN_EXE_tadqiq"))
        .args(args)
        .current_dir(cwd)
        .env("TADQIQ_CACHE_DIR", cache)
        .output()
        .expect("tadqiq runs")
}

/// A fresh folder for one test's files.
fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("tadqiq-report-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// Where screenshots are kept for people to look at.
fn shots() -> PathBuf {
    Path::new(env!("CARGO_TARGET_TMPDIR")).join("report")
}

/// The page and the model for `paths`, written from `cwd`.
fn page_and_model(paths: &[&str], lang: &str, dir: &Path, cwd: &Path) -> (PathBuf, Value) {
    let page = dir.join(format!("report-{lang}.html"));
    let mut args = vec!["report"];
    args.extend_from_slice(paths);
    args.extend(["--lang", lang, "--out", page.to_str().unwrap()]);
    let out = tadqiq(&args, cwd);
    assert!(out.status.success(), "tadqiq report: {}", String::from_utf8_lossy(&out.stderr));
    let mut args = vec!["report"];
    args.extend_from_slice(paths);
    args.extend(["--format", "json"]);
    let out = tadqiq(&args, cwd);
    assert!(out.status.success(), "tadqiq report --format json: {}", String::from_utf8_lossy(&out.stderr));
    (page, serde_json::from_slice(&out.stdout).expect("the model is JSON"))
}

fn browser() -> Option<Browser> {
    if !webdriver::available() {
        assert!(
            std::env::var_os("CI").is_none(),
            "CI must install Debian's chromium and chromium-driver (see .ci/run)"
        );
        eprintln!("skipped: no {} and {}", webdriver::CHROMIUM, webdriver::CHROMEDRIVER);
        return None;
    }
    Some(Browser::start(1280, 1000))
}

fn file_url(path: &Path) -> String {
    let mut url = String::from("file://");
    for b in path.to_str().unwrap().bytes() {
        if b.is_ascii_alphanumeric() || b"/-._~".contains(&b) {
            url.push(b as char);
        } else {
            url.push_str(&format!("%{b:02X}"));
        }
    }
    url
}

fn percent_decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%'
            && let Some(Ok(b)) = text.get(i + 1..i + 3).map(|h| u8::from_str_radix(h, 16))
        {
            out.push(b);
            i += 3;
            continue;
        }
        out.push(bytes[i]);
        i += 1;
    }
    String::from_utf8(out).unwrap()
}

/// What the page shows, read from its DOM.
const READ_PAGE: &str = r##"
const q = (s, r) => Array.from((r || document).querySelectorAll(s));
const markers = g => q('g.marker', g).map(m => ({
  source: Number(m.dataset.source), date: m.dataset.date, line: Number(m.dataset.line),
  conflict: m.classList.contains('conflict'), title: m.querySelector('title').textContent,
  href: m.parentElement.getAttribute('href') }));
return {
  lang: document.documentElement.lang, dir: document.documentElement.dir,
  scripts: document.scripts.length, images: document.images.length,
  objects: q('iframe, object, embed, form, input').length,
  pwned: window.__pwned === undefined ? null : String(window.__pwned),
  h1: document.querySelector('h1').textContent,
  sections: q('main > section').map(s => s.id),
  policy: (document.querySelector('meta[http-equiv="Content-Security-Policy"]') || {}).content || null,
  events: q('svg.timeline g.event').map(g => ({ id: g.dataset.event, date: g.dataset.date,
    conflict: g.dataset.conflict === 'true', markers: markers(g) })),
  labels: q('svg.timeline text.label').map(t =>
    Array.from(t.childNodes).filter(n => n.nodeType === 3).map(n => n.textContent).join('').replace(/[\u2068\u2069]/g, '')),
  listed: q('table.events tbody.event').map(t => ({ id: t.id, conflict: t.dataset.conflict === 'true',
    rows: q('tr.report', t).length, flagged: q('tr.report.conflict', t).length })),
  quantities: q('article.quantity').map(a => ({ id: a.id, conflict: a.dataset.conflict === 'true',
    heading: a.querySelector('h3').textContent,
    rows: q('tr.figure', a).map(r => ({ source: Number(r.dataset.source), value: Number(r.dataset.value),
      written: r.querySelector('td.written').textContent, conflict: r.classList.contains('conflict'),
      title: r.title })) })),
  findings: q('li.finding').map(li => ({ code: li.dataset.code,
    source: Number(li.closest('section').dataset.source), on: (li.querySelector('a.on') || {}).hash || null })),
  files: q('a[href^="file:"]').map(a => ({ href: a.getAttribute('href'),
    line: Number(a.dataset.line || (a.querySelector('[data-line]') || { dataset: {} }).dataset.line || 0) })),
  anchors: q('a[href^="#"]').map(a => a.getAttribute('href').slice(1)),
  ids: q('[id]').map(e => e.id),
  text: document.body.innerText,
  all: document.body.textContent,
};
"##;

/// Every link into a source opens it, and the line it names holds the statement it quotes;
/// every link within the page has its target.
fn links_work(browser: &Browser, page: &Value) -> usize {
    let mut by_file: BTreeMap<String, Vec<(usize, Option<String>)>> = BTreeMap::new();
    for link in page["files"].as_array().unwrap() {
        let href = link["href"].as_str().unwrap();
        let (file, find) = match href.split_once("#:~:text=") {
            Some((f, t)) => (f, Some(percent_decode(t))),
            None => (href, None),
        };
        by_file.entry(file.to_string()).or_default().push((link["line"].as_u64().unwrap() as usize, find));
    }
    assert!(!by_file.is_empty(), "no links into the sources");
    let mut checked = 0;
    for (file, wanted) in &by_file {
        browser.open(file);
        let text = browser.eval("return document.body ? document.body.innerText : ''");
        let text = text.as_str().unwrap_or_default();
        assert!(!text.is_empty(), "{} opened empty", percent_decode(file));
        let lines: Vec<&str> = text.split('\n').collect();
        for (line, find) in wanted {
            if *line == 0 {
                continue;
            }
            let at = lines.get(line - 1).unwrap_or_else(|| panic!("{}: no line {line}", percent_decode(file)));
            if let Some(find) = find {
                assert!(at.contains(find.as_str()), "{}:{line} does not hold «{find}»: {at}", percent_decode(file));
            }
            checked += 1;
        }
    }
    let ids: Vec<&str> = page["ids"].as_array().unwrap().iter().filter_map(Value::as_str).collect();
    for anchor in page["anchors"].as_array().unwrap() {
        assert!(ids.contains(&anchor.as_str().unwrap()), "a link to #{anchor} with no such element");
    }
    checked
}

/// The page agrees with the model: every event drawn is one of the model's, at its date;
/// every disputed event in the model is drawn with its flagged statements ringed; every
/// statement `date-conflict` flags is a ringed marker at its place; every quantity shown has
/// the model's figures in publication order, the flagged ones marked.
fn page_matches_model(page: &Value, model: &Value) {
    let events = model["events"].as_array().unwrap();
    let by_id: BTreeMap<&str, &Value> = events.iter().map(|e| (e["id"].as_str().unwrap(), e)).collect();
    let drawn = page["events"].as_array().unwrap();
    assert_eq!(drawn.len(), events.len().min(100), "events drawn");
    for e in drawn {
        let m = by_id[e["id"].as_str().unwrap()];
        assert_eq!(e["date"], m["date"]["iso"]);
        assert_eq!(e["conflict"], m["conflict"]);
        let flagged = m["reports"].as_array().unwrap().iter().filter(|r| r["conflict"] == true).count();
        let ringed = e["markers"].as_array().unwrap().iter().filter(|k| k["conflict"] == true).count();
        assert_eq!(ringed, flagged.min(30), "ringed markers of {}", e["id"]);
    }
    // The disputed events are drawn first; past the cap, the rest are left to the JSON.
    let disputed = events.iter().filter(|e| e["conflict"] == true).count();
    assert_eq!(drawn.iter().filter(|e| e["conflict"] == true).count(), disputed.min(100));
    for f in model["findings"].as_array().unwrap().iter().filter(|f| f["code"] == "date-conflict") {
        let (source, line) = (&f["place"]["source"], &f["place"]["line"]);
        // A date that cannot be placed (a weekday with no publication date to count from) is
        // listed with the unplaced dates, not drawn.
        let Some(on) = f["on"].as_str() else {
            let unplaced = model["unplaced"].as_array().unwrap();
            assert!(
                unplaced.iter().any(|u| u["place"]["source"] == *source && u["place"]["line"] == *line),
                "a date-conflict is on an event or an unplaced date: {f}"
            );
            continue;
        };
        let Some(event) = drawn.iter().find(|e| e["id"] == on) else {
            assert!(disputed > 100, "{on} is not drawn");
            continue;
        };
        if by_id[on]["reports"].as_array().unwrap().iter().filter(|r| r["conflict"] == true).count() > 30 {
            continue; // the markers drawn per event stop at 30
        }
        assert!(
            event["markers"]
                .as_array()
                .unwrap()
                .iter()
                .any(|k| k["conflict"] == true && &k["source"] == source && &k["line"] == line),
            "the date-conflict at source {source} line {line} is not ringed in {on}"
        );
    }
    let quantities: BTreeMap<&str, &Value> =
        model["quantities"].as_array().unwrap().iter().map(|q| (q["id"].as_str().unwrap(), q)).collect();
    let shown = page["quantities"].as_array().unwrap();
    let compared = quantities.values().filter(|q| q["sources"].as_u64() > Some(1)).count();
    assert_eq!(shown.len(), compared.min(150) + (quantities.len() - compared).min(150), "quantities shown");
    for q in shown {
        let m = quantities[q["id"].as_str().unwrap()];
        assert_eq!(q["conflict"], m["conflict"]);
        let rows = q["rows"].as_array().unwrap();
        let want = m["reports"].as_array().unwrap();
        // At most 20 rows, every flagged figure among them, in the model's order.
        assert_eq!(rows.len(), want.len().min(20));
        let flagged = want.iter().filter(|r| r["conflict"] == true).count();
        assert_eq!(rows.iter().filter(|r| r["conflict"] == true).count(), flagged.min(20));
        let mut rest = want.iter();
        for row in rows {
            let r = rest
                .find(|r| {
                    row["source"] == r["place"]["source"]
                        && row["written"].as_str().unwrap() == format!("«{}»", r["written"].as_str().unwrap())
                })
                .unwrap_or_else(|| panic!("{} in {} is not the model's, in its order", row["written"], q["id"]));
            assert_eq!(row["conflict"], r["conflict"]);
            assert!(row["title"].as_str().unwrap().contains(r["written"].as_str().unwrap()), "the quote on hover");
        }
        let sources: Vec<u64> = rows.iter().map(|r| r["source"].as_u64().unwrap()).collect();
        assert!(sources.windows(2).all(|w| w[0] <= w[1]), "figures in publication order: {sources:?}");
    }
    for f in model["findings"].as_array().unwrap().iter().filter(|f| f["code"] == "figure-conflict") {
        let on = f["on"].as_str().expect("a figure-conflict is on a quantity");
        let Some(q) = shown.iter().find(|q| q["id"] == on) else {
            assert!(compared > 150, "{on} is not shown");
            continue;
        };
        if quantities[on]["reports"].as_array().unwrap().iter().filter(|r| r["conflict"] == true).count() > 20 {
            continue; // the rows shown per quantity stop at 20
        }
        assert!(
            q["rows"].as_array().unwrap().iter().any(|r| r["conflict"] == true && r["source"] == f["place"]["source"])
        );
    }
    // Findings, grouped by source, as many as the model has.
    assert_eq!(page["findings"].as_array().unwrap().len(), model["findings"].as_array().unwrap().len().min(1000));
}

/// The page's safety: no script, no embedded content, the policy that forbids them.
fn inert(page: &Value) {
    assert_eq!(page["scripts"], 0);
    assert_eq!(page["images"], 0);
    assert_eq!(page["objects"], 0);
    assert_eq!(page["pwned"], Value::Null);
    assert!(page["policy"].as_str().unwrap().starts_with("default-src 'none'"));
}

#[test]
fn the_sample_page_in_a_browser() {
    let dir = scratch("sample");
    let (page_ar, model) = page_and_model(&["examples/iraq-withdrawal"], "ar", &dir, Path::new(ROOT));
    let (page_en, _) = page_and_model(&["examples/iraq-withdrawal"], "en", &dir, Path::new(ROOT));
    let html = std::fs::read_to_string(&page_ar).unwrap();
    assert!(html.starts_with("<!DOCTYPE html><html lang=\"ar\" dir=\"rtl\">"), "{}", &html[..80]);
    // Self-contained: no script, and the only address in it is the SVG namespace.
    assert!(!html.contains("<script") && !html.contains("https://"));
    assert_eq!(html.matches("http://").count(), html.matches("xmlns=\"http://www.w3.org/2000/svg\"").count());
    // The model: the vote dated by three sources, one of them to 1998.
    let vote = model["events"].as_array().unwrap().iter().find(|e| e["conflict"] == true).expect("a disputed event");
    assert_eq!(vote["date"]["iso"], "2020-01-05");
    let flagged: Vec<&str> = vote["reports"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|r| r["conflict"] == true)
        .map(|r| r["written"].as_str().unwrap())
        .collect();
    assert_eq!(flagged, ["كانون الثاني 1998"]);

    let Some(browser) = browser() else { return };
    browser.open(&file_url(&page_ar));
    let page = browser.eval(READ_PAGE);
    inert(&page);
    assert_eq!((page["lang"].as_str(), page["dir"].as_str()), (Some("ar"), Some("rtl")));
    assert_eq!(page["h1"], "تقرير تدقيق: القصة عبر مصادرها");
    assert_eq!(page["sections"], serde_json::json!(["sources", "timeline", "figures", "entities", "findings"]));
    page_matches_model(&page, &model);
    // The timeline: the vote joined across three sources, 1998 ringed on a row of its own.
    let drawn = page["events"].as_array().unwrap();
    let vote = drawn.iter().find(|e| e["conflict"] == true).unwrap();
    assert_eq!(vote["date"], "2020-01-05");
    let ringed: Vec<&Value> = vote["markers"].as_array().unwrap().iter().filter(|m| m["conflict"] == true).collect();
    assert_eq!(ringed.len(), 1);
    assert_eq!(ringed[0]["date"], "1998-01");
    assert!(ringed[0]["title"].as_str().unwrap().contains("«كانون الثاني 1998»"), "{}", ringed[0]["title"]);
    assert!(ringed[0]["href"].as_str().unwrap().contains("002_fbc81e4b622b9da9.txt#:~:text="));
    let agreeing: Vec<&str> = vote["markers"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|m| m["conflict"] == false)
        .map(|m| m["date"].as_str().unwrap())
        .collect();
    assert!(agreeing.contains(&"2020-01-05") && agreeing.len() >= 2, "{agreeing:?}");
    assert!(
        page["labels"].as_array().unwrap().iter().any(|l| l.as_str().unwrap().starts_with("⚠ مجلس النواب العراقي")),
        "{}",
        page["labels"]
    );
    // The figures: 3000 troops in two sources, about 5000 in a third, which is marked.
    let troops =
        page["quantities"].as_array().unwrap().iter().find(|q| q["conflict"] == true).expect("a disputed quantity");
    let rows: Vec<(String, bool)> = troops["rows"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| (r["written"].as_str().unwrap().to_string(), r["conflict"].as_bool().unwrap()))
        .collect();
    assert_eq!(rows.len(), 3);
    assert_eq!(rows.iter().filter(|r| r.1).map(|r| r.0.as_str()).collect::<Vec<_>>(), ["«حوالي 5000 جندي»"]);
    assert!(rows.iter().any(|r| r.0 == "«3000 جندي»") && rows.iter().any(|r| r.0 == "«نحو 3000 جندي»"), "{rows:?}");
    assert!(troops["heading"].as_str().unwrap().contains("جندي"));
    // Who and what, and the findings grouped by source.
    let text = page["text"].as_str().unwrap();
    assert!(text.contains("قاسم سليماني") && text.contains("العزم الصلب"), "entities");
    let codes: Vec<&str> = page["findings"].as_array().unwrap().iter().map(|f| f["code"].as_str().unwrap()).collect();
    assert!(codes.contains(&"date-conflict") && codes.contains(&"figure-conflict"), "{codes:?}");
    browser.screenshot(&shots().join("sample-ar.png"), None);
    // Clicking the ringed marker opens 002 (the source that dates the vote to 1998).
    browser.click("svg.timeline g.marker.conflict");
    assert!(browser.url().contains("002_fbc81e4b622b9da9.txt"), "{}", browser.url());
    assert!(links_work(&browser, &page) > 40);

    browser.open(&file_url(&page_en));
    let page = browser.eval(READ_PAGE);
    inert(&page);
    assert_eq!((page["lang"].as_str(), page["dir"].as_str()), (Some("en"), Some("ltr")));
    assert_eq!(page["h1"], "tadqiq report: the story across its sources");
    page_matches_model(&page, &model);
    assert!(!page["text"].as_str().unwrap().contains("⟪missing string⟫"));
    browser.screenshot(&shots().join("sample-en.png"), None);
    let _ = std::fs::remove_dir_all(&dir);
}

/// The dev conflicts set: beside the checkout (`../shared/dev`), or where `TADQIQ_DEV` says.
fn dev_conflicts() -> Option<PathBuf> {
    let candidates = [
        std::env::var_os("TADQIQ_DEV").map(PathBuf::from),
        Some(Path::new(ROOT).join("../shared/dev")),
        Some(PathBuf::from("/work/shared/dev")),
    ];
    candidates.into_iter().flatten().map(|d| d.join("conflicts/corpus")).find(|d| d.is_dir())
}

#[test]
fn each_dev_conflicts_story_in_a_browser() {
    let Some(corpus) = dev_conflicts() else {
        eprintln!("skipped: no dev conflicts set (../shared/dev/conflicts; set TADQIQ_DEV to its parent)");
        return;
    };
    // Stories are the files' prefixes (X01_01.txt, X01_02.txt… is story X01).
    let mut stories: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for entry in std::fs::read_dir(&corpus).unwrap() {
        let name = entry.unwrap().file_name().to_string_lossy().to_string();
        if name.ends_with(".txt") {
            let story = name.split_once('_').map_or(name.as_str(), |(story, _)| story).to_string();
            stories.entry(story).or_default().push(name);
        }
    }
    assert!(!stories.is_empty(), "no stories in {}", corpus.display());
    let browser = browser();
    let dir = scratch("dev");
    for (story, mut files) in stories {
        files.sort();
        let refs: Vec<&str> = files.iter().map(String::as_str).collect();
        // The texts are read where they are: nothing of them is copied anywhere.
        let (page, model) = page_and_model(&refs, "ar", &dir, &corpus);
        assert_eq!(model["sources"].as_array().unwrap().len(), files.len(), "{story}");
        let Some(browser) = &browser else { continue };
        browser.open(&file_url(&page));
        let shown = browser.eval(READ_PAGE);
        inert(&shown);
        assert_eq!(shown["sections"].as_array().unwrap().len(), 5, "{story}");
        page_matches_model(&shown, &model);
        assert!(links_work(browser, &shown) > 0, "{story}");
        browser.open(&file_url(&page));
        browser.screenshot(&shots().join(format!("dev-{story}.png")), Some(2400.0));
    }
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn hostile_text_cannot_script_or_break_the_page() {
    let dir = scratch("hostile");
    // Markup, script, event handlers and bidi overrides where the page quotes article text:
    // in a dated sentence, in a counted one, in a name, in the file name and the outlet.
    // (No full stop inside the markup: a sentence ends there, and the quote with it.)
    let hostile = "وصوّت مجلس النواب العراقي في 5 يناير 2020 <script>window['__pwned']=1</script> على إنهاء وجود القوات الأجنبية بعد مقتل قاسم سليماني.\n\
        وفي عام 2014 نشرت واشنطن 3000 جندي <img src=x onerror=\"window['__pwned']=2\"> لمحاربة تنظيم داعش \u{202E}1998 كانون\n\
        وقال المتحدث باسم الجيش اللبناني العميد نزيه </title><svg onload=window['__pwned']=3> جبور إن الوضع هادئ.\n";
    let other = "وكان مجلس النواب العراقي قد صوت في كانون الثاني 1998 على القرار إثر اغتيال قاسم سليماني \u{2067}.\n\
        وفي عام 2014 تم نشر حوالي 5000 جندي \"><iframe src=javascript:alert(1)> لمحاربة تنظيم داعش.\n";
    let third =
        "وصوت مجلس النواب العراقي في 5 جانفي 2020 إثر اغتيال قاسم سليماني.\nومنذ 2014 ينتشر نحو 3000 جندي ضد داعش.\n";
    std::fs::write(dir.join("a.txt"), hostile).unwrap();
    std::fs::write(dir.join("<b onmouseover=alert(1)>b.txt"), other).unwrap();
    std::fs::write(dir.join("c.txt"), third).unwrap();
    std::fs::write(dir.join("tadqiq.toml"), "[sources.\"a.txt\"]\noutlet = \"<script>window['__pwned']=4</script>\"\n")
        .unwrap();
    let (page, model) = page_and_model(&["."], "ar", &dir, &dir);
    let html = std::fs::read_to_string(&page).unwrap();
    // Escaped by construction: no tag the articles wrote survives as a tag.
    for tag in ["<script", "<img", "<iframe", "<svg onload", "<b onmouseover", "</title><svg"] {
        assert!(!html.contains(tag), "{tag} got through");
    }
    assert!(html.contains("&lt;script&gt;window['__pwned']=1&lt;/script&gt;"), "the markup is kept, as text");
    assert!(!html.contains('\u{202E}') && !html.contains('\u{2067}'), "bidi controls are shown as marks, not obeyed");
    // The page's own isolates (around names in the drawing) come in pairs.
    assert_eq!(html.matches('\u{2068}').count(), html.matches('\u{2069}').count());
    assert!(html.contains("⟦U+202E⟧"));
    assert_eq!(model["sources"].as_array().unwrap().len(), 3);

    let Some(browser) = browser() else { return };
    browser.open(&file_url(&page));
    let shown = browser.eval(READ_PAGE);
    inert(&shown);
    assert_eq!(shown["h1"], "تقرير تدقيق: القصة عبر مصادرها");
    assert_eq!(shown["sections"], serde_json::json!(["sources", "timeline", "figures", "entities", "findings"]));
    // (textContent: some of it is in folded sections.)
    let text = shown["all"].as_str().unwrap();
    assert!(text.contains("<script>window['__pwned']=1</script>"), "the markup is shown as text");
    assert!(text.contains("<script>window['__pwned']=4</script>"), "the outlet is shown as text");
    assert!(text.contains("<b onmouseover=alert(1)>b.txt"), "the file name is shown as text");
    assert!(text.contains("⟦U+202E⟧1998 كانون"), "the override is visible and inert");
    page_matches_model(&shown, &model);
    // Nothing the page shows after a quote is turned around by it: the next heading reads as written.
    let heading = browser.eval("return document.querySelector('#figures h2').textContent");
    assert_eq!(heading, "الأرقام");
    browser.screenshot(&shots().join("hostile.png"), Some(1600.0));
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_thousand_articles_render_in_seconds_and_the_page_stays_usable() {
    // 1,000 articles from the sample's own sentences, years shifted and figures scaled so many
    // statements agree and many disagree (as benches/check_scale.py builds them).
    let dir = scratch("thousand");
    let sample: Vec<String> = {
        let mut files: Vec<PathBuf> = std::fs::read_dir(SAMPLE).unwrap().map(|e| e.unwrap().path()).collect();
        files.sort();
        files.iter().map(|f| std::fs::read_to_string(f).unwrap()).collect()
    };
    for i in 0..1000 {
        let text = sample[i % sample.len()]
            .replace("2020", &(2020 - (i % 7) as i32).to_string())
            .replace("3000", &(3000 + 500 * (i % 4)).to_string());
        std::fs::write(dir.join(format!("{i:04}.txt")), text).unwrap();
    }
    let started = Instant::now();
    let (page, model) = page_and_model(&["."], "en", &dir, &dir);
    let took = started.elapsed();
    let size = std::fs::metadata(&page).unwrap().len();
    eprintln!(
        "1,000 articles: page and model in {:.1} s (this build), page {:.1} MB, {} events, {} quantities, {} findings",
        took.as_secs_f64(),
        size as f64 / 1e6,
        model["events"].as_array().unwrap().len(),
        model["quantities"].as_array().unwrap().len(),
        model["findings"].as_array().unwrap().len()
    );
    // Generous for an unoptimised test build; the release build takes about a second (README).
    assert!(took.as_secs() < 120, "{took:?}");
    assert!(size < 8_000_000, "the page is {size} bytes");
    let Some(browser) = browser() else { return };
    let started = Instant::now();
    browser.open(&file_url(&page));
    let shown = browser.eval(READ_PAGE);
    let opened = started.elapsed();
    eprintln!("opened and read back in {:.1} s", opened.as_secs_f64());
    assert!(opened.as_secs() < 60, "{opened:?}");
    inert(&shown);
    page_matches_model(&shown, &model);
    assert!(
        shown["text"].as_str().unwrap().contains("tadqiq report --format json"),
        "the page says what it leaves out"
    );
    browser.screenshot(&shots().join("thousand.png"), Some(1600.0));
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn report_writes_json_to_stdout_and_refuses_bad_input() {
    let out = tadqiq(&["report", "examples/iraq-withdrawal", "--format", "json"], Path::new(ROOT));
    assert!(out.status.success());
    let model: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(model["version"], 1);
    let sources: Vec<&str> = model["sources"].as_array().unwrap().iter().map(|s| s["path"].as_str().unwrap()).collect();
    assert_eq!(sources.len(), 5);
    assert_eq!(sources[0], "examples/iraq-withdrawal/004_35fa46199fc7dcf7.txt", "the only dated source first");
    // A finding's place is its line and character column, as `check` gives it.
    let finding = model["findings"].as_array().unwrap().iter().find(|f| f["code"] == "date-conflict").unwrap();
    assert_eq!(finding["place"]["path"], "examples/iraq-withdrawal/002_fbc81e4b622b9da9.txt");
    assert_eq!((finding["place"]["line"].as_u64(), finding["place"]["column"].as_u64()), (Some(16), Some(24)));
    let out = tadqiq(&["report", "no/such/folder"], Path::new(ROOT));
    assert_eq!(out.status.code(), Some(2));
    let out = tadqiq(&["report", "examples/iraq-withdrawal", "--lang", "fr"], Path::new(ROOT));
    assert_eq!(out.status.code(), Some(2));
    // The page goes to tadqiq-report.html by default, and says so.
    let dir = scratch("default");
    let out = tadqiq(&["report", SAMPLE], &dir);
    assert!(out.status.success());
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("wrote tadqiq-report.html (5 sources"),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(dir.join("tadqiq-report.html").is_file());
    let _ = std::fs::remove_dir_all(&dir);
}
