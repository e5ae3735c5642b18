//! `tadqiq extract` through the real binary: the JSON contract on the sample articles, exit
//! codes, and files that are not article text.

use std::path::{Path, PathBuf};
use std::process::Output;

use serde_json::Value;

mod common;
use common::{EVERY_RULE, EVERY_RULE_SAYS, tadqiq, tadqiq_in};

const SAMPLE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/examples/iraq-withdrawal");

fn json(out: &Output) -> Value {
    serde_json::from_slice(&out.stdout).unwrap_or_else(|e| panic!("{e}: {}", String::from_utf8_lossy(&out.stdout)))
}

fn temp_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("tadqiq-cli-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn mentions<'a>(doc: &'a Value, file: &str) -> &'a Vec<Value> {
    let f = doc["files"].as_array().unwrap().iter().find(|f| f["path"].as_str().unwrap().ends_with(file)).unwrap();
    f["mentions"].as_array().unwrap()
}

fn mention<'a>(doc: &'a Value, file: &str, text: &str) -> &'a Value {
    mentions(doc, file).iter().find(|m| m["text"] == text).unwrap_or_else(|| panic!("no «{text}» in {file}"))
}

#[test]
fn sample_values_as_the_contract_says() {
    let out = tadqiq(&["extract", "--format", "json", SAMPLE], Path::new(SAMPLE));
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let doc = json(&out);
    assert_eq!(doc["version"], 1);
    assert_eq!(doc["files"].as_array().unwrap().len(), 5);

    let d = mention(&doc, "002_fbc81e4b622b9da9.txt", "كانون الثاني 1998");
    assert_eq!(d["kind"], "date");
    assert_eq!(d["value"], "1998-01");
    assert_eq!(d["calendar"], "gregorian");
    assert_eq!(d["relative"], false);
    assert_eq!(mention(&doc, "004_35fa46199fc7dcf7.txt", "يوم 5 جانفي 2020")["value"], "2020-01-05");
    assert_eq!(mention(&doc, "000_40f110f943424743.txt", "5 يناير 2020")["value"], "2020-01-05");
    let f = mention(&doc, "004_35fa46199fc7dcf7.txt", "170 ألفا");
    assert_eq!(
        (f["kind"].as_str(), f["value"].as_i64(), f["approx"].as_bool()),
        (Some("figure"), Some(170000), Some(false))
    );
    assert_eq!(mention(&doc, "003_fc89a3a011bc69bd.txt", "متعاقدان")["value"], 2);
    let f = mention(&doc, "003_fc89a3a011bc69bd.txt", "حوالي 5000 جندي");
    assert_eq!(
        (f["value"].as_i64(), f["approx"].as_bool(), f["unit"].as_str()),
        (Some(5000), Some(true), Some("جندي"))
    );
    let d = mention(&doc, "000_40f110f943424743.txt", "18 عاما");
    assert_eq!((d["kind"].as_str(), d["value"].as_str()), (Some("duration"), Some("P18Y")));
    let p = mention(&doc, "003_fc89a3a011bc69bd.txt", "ديسمبر/كانون الأول 2021");
    assert_eq!(p["paired"]["text"], "كانون الأول");

    // 004 pins its own year («نهاية العام الجاري 2021»); 000 does not.
    let file = |name: &str| {
        doc["files"].as_array().unwrap().iter().find(|f| f["path"].as_str().unwrap().ends_with(name)).unwrap().clone()
    };
    assert_eq!(file("004_35fa46199fc7dcf7.txt")["published"], "2021");
    assert_eq!(file("004_35fa46199fc7dcf7.txt")["published_source"], "inferred");
    assert_eq!(mention(&doc, "004_35fa46199fc7dcf7.txt", "العام الماضي")["value"], "2020");
    assert_eq!(file("000_40f110f943424743.txt")["published"], Value::Null);
    assert_eq!(mention(&doc, "000_40f110f943424743.txt", "31 ديسمبر الجاري")["value"], Value::Null);

    // No year, no number inside a name, and no ordinal is ever a figure.
    for f in doc["files"].as_array().unwrap() {
        for m in f["mentions"].as_array().unwrap().iter().filter(|m| m["kind"] == "figure") {
            let text = m["text"].as_str().unwrap();
            let value = m["value"].as_f64().unwrap();
            assert!(!(1900.0..=2100.0).contains(&value) || m["unit"].is_string(), "year as figure: {text}");
            assert!(!text.contains("19") && !text.contains('K'), "name-number as figure: {text}");
        }
    }
}

/// The sample's people, organisations and places named in two or more articles carry one id
/// in each of them.
#[test]
fn sample_entities_have_one_id_across_sources() {
    let doc = json(&tadqiq(&["extract", "--format", "json", SAMPLE], Path::new(SAMPLE)));
    let ids = |file: &str, text: &str| -> Vec<String> {
        mentions(&doc, file)
            .iter()
            .filter(|m| m["kind"] == "entity" && m["text"] == text)
            .map(|m| m["id"].as_str().unwrap().to_string())
            .collect()
    };
    let one = |file: &str, text: &str| -> String {
        let found = ids(file, text);
        assert!(!found.is_empty(), "«{text}» not tagged in {file}");
        found[0].clone()
    };
    let araji = one("002_fbc81e4b622b9da9.txt", "قاسم الأعرجي");
    assert_eq!(one("004_35fa46199fc7dcf7.txt", "قاسم الأعرجي"), araji);
    let soleimani = one("000_40f110f943424743.txt", "قاسم سليماني");
    for file in
        ["001_38876f1d0978ff63.txt", "002_fbc81e4b622b9da9.txt", "003_fc89a3a011bc69bd.txt", "004_35fa46199fc7dcf7.txt"]
    {
        assert_eq!(one(file, "قاسم سليماني"), soleimani, "{file}");
    }
    assert_eq!(one("004_35fa46199fc7dcf7.txt", "سليماني"), soleimani);
    assert_eq!(one("000_40f110f943424743.txt", "داعش"), "isis");
    assert_eq!(one("000_40f110f943424743.txt", "تنظيم الدولة الإسلامية"), "isis");
    assert_eq!(one("001_38876f1d0978ff63.txt", "تنظيم الدولة"), "isis");
    let base = one("002_fbc81e4b622b9da9.txt", "قاعدة عين الأسد الجوية");
    assert_eq!(one("003_fc89a3a011bc69bd.txt", "عين الأسد"), base);
    assert_eq!(one("000_40f110f943424743.txt", "مجلس النواب العراقي"), "iq-parliament");
    assert_eq!(one("004_35fa46199fc7dcf7.txt", "البرلمان"), "iq-parliament");
    assert_eq!(one("002_fbc81e4b622b9da9.txt", "البرلمان العراقي"), "iq-parliament");
    let m = mentions(&doc, "002_fbc81e4b622b9da9.txt").iter().find(|m| m["text"] == "قاسم الأعرجي").unwrap();
    assert_eq!((m["entity_kind"].as_str(), m["name"].as_str()), (Some("person"), Some("قاسم الأعرجي")));
}

#[test]
fn bytes_and_ranges_point_at_the_text_on_disk() {
    let out = tadqiq(&["extract", "--format", "json", "."], Path::new(SAMPLE));
    let doc = json(&out);
    for f in doc["files"].as_array().unwrap() {
        let path = Path::new(SAMPLE).join(f["path"].as_str().unwrap());
        let bytes = std::fs::read(&path).unwrap();
        let text = String::from_utf8(bytes.clone()).unwrap();
        let lines: Vec<&str> = text.split('\n').collect();
        for m in f["mentions"].as_array().unwrap() {
            let (s, e) = (m["bytes"][0].as_u64().unwrap() as usize, m["bytes"][1].as_u64().unwrap() as usize);
            assert_eq!(std::str::from_utf8(&bytes[s..e]).unwrap(), m["text"].as_str().unwrap());
            let (line, ch) =
                (m["range"]["start"]["line"].as_u64().unwrap(), m["range"]["start"]["character"].as_u64().unwrap());
            let units: Vec<u16> = lines[line as usize].encode_utf16().collect();
            let from = String::from_utf16(&units[ch as usize..]).unwrap();
            assert!(from.starts_with(m["text"].as_str().unwrap()), "range of {}", m["text"]);
        }
    }
}

#[test]
fn bom_and_crlf_do_not_shift_spans() {
    let dir = temp_dir("bom");
    let body = "\u{feff}سطر\r\nوفي 5 يناير 2020\r\nنشرت 3000 جندي\r\n";
    std::fs::write(dir.join("a.txt"), body).unwrap();
    let doc = json(&tadqiq(&["extract", "--format", "json", "a.txt"], &dir));
    let ms = mentions(&doc, "a.txt");
    let at = body.find("5 يناير").unwrap();
    assert_eq!(ms[0]["bytes"], serde_json::json!([at, at + "5 يناير 2020".len()]));
    // LSP positions do not count the BOM (editors drop it), and the line is the second.
    assert_eq!(ms[0]["range"]["start"], serde_json::json!({"line": 1, "character": 4}));
    assert_eq!(ms[1]["text"], "3000 جندي");
}

#[test]
fn unreadable_files_are_reported_and_skipped() {
    let dir = temp_dir("bad");
    std::fs::write(dir.join("good.txt"), "في 5 يناير 2020").unwrap();
    std::fs::write(dir.join("binary.txt"), [0x89, b'P', b'N', b'G', 0, 0, 1]).unwrap();
    std::fs::write(dir.join("latin1.md"), b"caf\xe9 2020").unwrap();
    std::fs::write(dir.join("image.png"), [0u8; 4]).unwrap();
    let out = tadqiq(&["extract", "--format", "json", "."], &dir);
    assert_eq!(out.status.code(), Some(0));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("binary.txt: skipped: binary file"), "{stderr}");
    assert!(stderr.contains("latin1.md: skipped: not UTF-8 text (invalid byte at offset 3)"), "{stderr}");
    let doc = json(&out);
    assert_eq!(doc["files"].as_array().unwrap().len(), 1);
    assert_eq!(doc["skipped"].as_array().unwrap().len(), 2);

    // Nothing usable at all: exit 2.
    let out = tadqiq(&["extract", "binary.txt"], &dir);
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn exit_codes() {
    let dir = temp_dir("exit");
    std::fs::write(dir.join("a.txt"), "في 5 يناير 2020").unwrap();
    assert_eq!(tadqiq(&["extract", "a.txt"], &dir).status.code(), Some(0));
    let missing = tadqiq(&["extract", "a.txt", "missing.txt"], &dir);
    assert_eq!(missing.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&missing.stderr).contains("missing.txt: no such file or folder"));
    assert_eq!(tadqiq(&["extract", "--bogus"], &dir).status.code(), Some(2));
    assert_eq!(tadqiq(&["extract", "--published", "yesterday", "a.txt"], &dir).status.code(), Some(2));
    let empty = temp_dir("empty");
    let out = tadqiq(&["extract"], &empty);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("no article files found"));
}

#[test]
fn published_from_flag_config_and_front_matter() {
    let dir = temp_dir("published");
    std::fs::write(dir.join("a.txt"), "وصل أمس").unwrap();
    std::fs::write(dir.join("b.md"), "---\npublished: 2020-03-02\n---\nوصل أمس").unwrap();
    std::fs::write(dir.join("c.txt"), "وصل أمس").unwrap();
    std::fs::write(dir.join("tadqiq.toml"), "[sources.\"c.txt\"]\npublished = \"2021-12-09\"\n").unwrap();
    let doc = json(&tadqiq(&["extract", "--format", "json", "--published", "2022-01-01", "."], &dir));
    let file = |n: &str| {
        doc["files"].as_array().unwrap().iter().find(|f| f["path"].as_str().unwrap().ends_with(n)).unwrap().clone()
    };
    assert_eq!(
        (file("a.txt")["published"].clone(), file("a.txt")["published_source"].clone()),
        ("2022-01-01".into(), "flag".into())
    );
    assert_eq!(file("a.txt")["mentions"][0]["value"], "2021-12-31");
    assert_eq!(file("b.md")["published_source"], "front-matter");
    assert_eq!(file("b.md")["mentions"][0]["value"], "2020-03-01");
    assert_eq!(file("c.txt")["published_source"], "config");
    assert_eq!(file("c.txt")["mentions"][0]["value"], "2021-12-08");
}

#[test]
fn bad_config_is_exit_2_with_the_reason() {
    let dir = temp_dir("config");
    std::fs::write(dir.join("a.txt"), "في 5 يناير 2020").unwrap();
    std::fs::write(dir.join("tadqiq.toml"), "[sources.\"a.txt\"]\npublished = \"soon\"\n").unwrap();
    let out = tadqiq(&["extract", "."], &dir);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("\"soon\" is not a date"),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn folders_respect_gitignore_and_extensions() {
    let dir = temp_dir("walk");
    std::fs::create_dir_all(dir.join("drafts")).unwrap();
    std::fs::write(dir.join(".gitignore"), "drafts/\n").unwrap();
    std::fs::write(dir.join("drafts/x.txt"), "في 5 يناير 2020").unwrap();
    std::fs::write(dir.join("a.markdown"), "في 5 يناير 2020").unwrap();
    std::fs::write(dir.join("notes.rtf"), "في 5 يناير 2020").unwrap();
    let doc = json(&tadqiq(&["extract", "--format", "json"], &dir));
    let paths: Vec<&str> = doc["files"].as_array().unwrap().iter().map(|f| f["path"].as_str().unwrap()).collect();
    assert_eq!(paths, ["./a.markdown"]);
}

/// The whole sample's text output, reviewed line by line: a change in what is found shows up
/// here as a diff. Regenerate with `TADQIQ_BLESS=1 cargo test --test cli`, then review it.
#[test]
fn sample_text_output_is_reviewed() {
    let out = tadqiq(&["extract", "."], Path::new(SAMPLE));
    let got = String::from_utf8(out.stdout).unwrap();
    let golden = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/golden/iraq-withdrawal.txt");
    if std::env::var_os("TADQIQ_BLESS").is_some() {
        std::fs::write(&golden, &got).unwrap();
    }
    let want = std::fs::read_to_string(&golden).expect("golden file");
    assert_eq!(got, want, "run with TADQIQ_BLESS=1 to regenerate, then review the diff");
}

/// The newsroom's entities and the built-ins it removes (`tadqiq.toml`) reach every command
/// that reads entities: `extract` and the commands that load a workspace (`report`, `check`)
/// build the gazetteer on a thread of their own while the folder is read.
#[test]
fn configured_entities_reach_every_command() {
    let dir = temp_dir("entities");
    std::fs::write(dir.join("a.txt"), "قالت سلمى الخطيب في بغداد يوم 5 يناير 2020 إن 3000 جندي غادروا العراق.\n")
        .unwrap();
    std::fs::write(dir.join("b.txt"), "وأكدت الخطيب في بغداد أن 5000 جندي غادروا العراق يوم 5 يناير 2020.\n").unwrap();
    let ids = |doc: &Value, file: &str| -> Vec<(String, String)> {
        mentions(doc, file)
            .iter()
            .map(|m| (m["text"].as_str().unwrap().to_string(), m["id"].as_str().unwrap().to_string()))
            .collect()
    };
    let pair = |t: &str, id: &str| (t.to_string(), id.to_string());
    let extract = |extra: &[&str]| {
        json(&tadqiq(&[&["extract", "--kind", "entity", "--format", "json", "."], extra].concat(), &dir))
    };
    // Without configuration: «بغداد» is the built-in city, «سلمى الخطيب» a person the article
    // introduces (a given name and a family name), under an id made from her name.
    let plain = extract(&["--no-cache"]);
    assert_eq!(
        ids(&plain, "a.txt"),
        [pair("سلمى الخطيب", "slmy-al-khtyb"), pair("بغداد", "baghdad"), pair("العراق", "iq")]
    );
    std::fs::write(
        dir.join("tadqiq.toml"),
        "[[entity]]\nid = \"salma\"\nname = \"سلمى الخطيب\"\nkind = \"person\"\naliases = [\"الخطيب\"]\n\n\
         [entities]\nremove = [\"baghdad\"]\n",
    )
    .unwrap();
    for extra in [&["--no-cache"][..], &[], &[]] {
        let doc = extract(extra);
        assert_eq!(ids(&doc, "a.txt"), [pair("سلمى الخطيب", "salma"), pair("العراق", "iq")], "{extra:?}");
        assert_eq!(ids(&doc, "b.txt"), [pair("الخطيب", "salma"), pair("العراق", "iq")], "{extra:?}");
    }
    let report = json(&tadqiq(&["report", "--format", "json", "."], &dir));
    let entities: Vec<&str> =
        report["entities"].as_array().unwrap().iter().map(|e| e["id"].as_str().unwrap()).collect();
    assert_eq!(entities, ["iq", "salma"]);
    // `check` compares the figures under the configured person in both sentences.
    let check = String::from_utf8(tadqiq(&["check", "--format", "text", "--lang", "en", "."], &dir).stdout).unwrap();
    assert!(check.contains("with «سلمى الخطيب» in both sentences"), "{check}");
    let _ = std::fs::remove_dir_all(&dir);
}

/// `--kind` lists only what is asked for; without `entity`, entities are not looked for, and
/// the dates, figures and durations found are exactly those of a full run.
#[test]
fn kind_lists_only_what_is_asked() {
    let full = json(&tadqiq(&["extract", "--format", "json", "."], Path::new(SAMPLE)));
    let only = |args: &[&str]| {
        let out = tadqiq(&[&["extract", "--format", "json", "."], args].concat(), Path::new(SAMPLE));
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
        json(&out)
    };
    let cases: [(&[&str], &[&str]); 3] = [
        (&["--kind", "date"], &["date"]),
        (&["--kind", "figure,entity"], &["figure", "entity"]),
        (&["--kind", "duration", "--kind", "date"], &["duration", "date"]),
    ];
    for (args, kinds) in cases {
        let got = only(args);
        for (full_file, got_file) in full["files"].as_array().unwrap().iter().zip(got["files"].as_array().unwrap()) {
            assert_eq!(full_file["path"], got_file["path"]);
            assert_eq!(full_file["published"], got_file["published"], "{args:?}");
            let want: Vec<&Value> = full_file["mentions"]
                .as_array()
                .unwrap()
                .iter()
                .filter(|m| kinds.contains(&m["kind"].as_str().unwrap()))
                .collect();
            let got: Vec<&Value> = got_file["mentions"].as_array().unwrap().iter().collect();
            assert_eq!(got, want, "{args:?} in {}", full_file["path"]);
        }
    }
    let dates = only(&["--kind", "date"]);
    assert_eq!(
        mentions(&dates, "002_fbc81e4b622b9da9.txt").iter().filter(|m| m["text"] == "كانون الثاني 1998").count(),
        1
    );
    let entities = only(&["--kind", "entity"]);
    assert_eq!(mention(&entities, "002_fbc81e4b622b9da9.txt", "قاسم الأعرجي")["id"], "qasm-al-aarjy");

    let text = tadqiq(&["extract", "--kind", "figure", "."], Path::new(SAMPLE));
    let text = String::from_utf8(text.stdout).unwrap();
    assert!(text.lines().count() > 10, "{text}");
    assert!(text.lines().all(|l| l.contains(": figure   «")), "{text}");

    let bad = tadqiq(&["extract", "--kind", "month", "."], Path::new(SAMPLE));
    assert_eq!(bad.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&bad.stderr);
    assert!(stderr.contains("'month'") && stderr.contains("date, figure, duration, entity"), "{stderr}");
}

/// The JSON of one article, byte for byte: each kind of mention with every field in the
/// order the README gives, a paired date's nested object, a decimal figure, `null`s.
#[test]
fn extract_json_bytes() {
    let dir = temp_dir("json-bytes");
    let text = "أعلنت الوزارة في أغسطس/آب 2024 أن نصف المبلغ صُرف خلال عامين لـ\"بغداد\".\n";
    std::fs::write(dir.join("d.txt"), text).unwrap();
    let out = tadqiq(&["extract", "--format", "json", "--no-cache", "d.txt"], &dir);
    assert_eq!(
        String::from_utf8(out.stdout).unwrap(),
        concat!(
            r#"{"version":1,"files":[{"path":"d.txt","published":null,"published_source":null,"mentions":["#,
            r#"{"kind":"date","text":"أغسطس/آب 2024","bytes":[31,51],"#,
            r#""range":{"start":{"line":0,"character":17},"end":{"line":0,"character":30}},"#,
            r#""value":"2024-08","calendar":"gregorian","relative":false,"#,
            r#""paired":{"text":"آب","bytes":[42,46],"#,
            r#""range":{"start":{"line":0,"character":23},"end":{"line":0,"character":25}},"#,
            r#""value":"2024-08","calendar":"gregorian"}},"#,
            r#"{"kind":"figure","text":"نصف المبلغ","bytes":[57,76],"#,
            r#""range":{"start":{"line":0,"character":34},"end":{"line":0,"character":44}},"#,
            r#""value":0.5,"approx":false,"bound":"exact","unit":"المبلغ"},"#,
            r#"{"kind":"duration","text":"عامين","bytes":[95,105],"#,
            r#""range":{"start":{"line":0,"character":55},"end":{"line":0,"character":60}},"#,
            r#""value":"P2Y","approx":false,"bound":"exact"},"#,
            r#"{"kind":"entity","text":"بغداد","bytes":[111,121],"#,
            r#""range":{"start":{"line":0,"character":64},"end":{"line":0,"character":69}},"#,
            r#""id":"baghdad","entity_kind":"place","name":"بغداد"}]}],"skipped":[]}"#,
            "\n"
        )
    );
}

/// A range is one figure: `value` is its lower end, `upper` its upper end.
#[test]
fn ranges_in_json() {
    let dir = temp_dir("ranges");
    let text = "في عام 2014 نشرت واشنطن ما بين 3000 و5000 جندي.\n";
    std::fs::write(dir.join("r.txt"), text).unwrap();
    let doc = json(&tadqiq(&["extract", "--format", "json", "--kind", "figure", "r.txt"], &dir));
    let m = mention(&doc, "r.txt", "ما بين 3000 و5000 جندي");
    assert_eq!(m["value"], 3000);
    assert_eq!(m["upper"], 5000);
    assert_eq!(
        (m["approx"].as_bool(), m["bound"].as_str(), m["unit"].as_str()),
        (Some(true), Some("exact"), Some("جندي"))
    );
    let start = text.find("ما بين").unwrap();
    assert_eq!(m["bytes"], serde_json::json!([start, start + "ما بين 3000 و5000 جندي".len()]));
    let _ = std::fs::remove_dir_all(dir);
}

#[test]
fn page_stamps_date_the_article_and_furniture_is_marked() {
    let dir = temp_dir("furniture");
    let page = "عنوان الخبر\nآخر تحديث : 12 / 11 / 2021\nقال الوزير أمس إن الخطة جاهزة.\nجميع الحقوق محفوظة 2021\n";
    std::fs::write(dir.join("a.txt"), page).unwrap();
    let doc = json(&tadqiq(&["extract", "--format", "json", "--kind", "date", "."], &dir));
    let file = &doc["files"][0];
    assert_eq!((file["published"].as_str(), file["published_source"].as_str()), (Some("2021-11-12"), Some("dateline")));
    let stamp = mention(&doc, "a.txt", "12 / 11 / 2021");
    assert_eq!((stamp["value"].as_str(), stamp["furniture"].as_bool()), (Some("2021-11-12"), Some(true)));
    // Prose mentions carry no furniture field.
    let yesterday = mention(&doc, "a.txt", "أمس");
    assert_eq!((yesterday["value"].as_str(), yesterday.get("furniture")), (Some("2021-11-11"), None));
    let text = String::from_utf8(tadqiq(&["extract", "--kind", "date", "a.txt"], &dir).stdout).unwrap();
    assert!(text.lines().any(|l| l.contains("«12 / 11 / 2021» = 2021-11-12 [furniture]")), "{text}");
}

/// Each rule's messages, as the text output prints them: code and message.
fn messages_by_rule(stdout: &str) -> Vec<(String, String)> {
    stdout
        .lines()
        .filter_map(|l| {
            let (_, rest) = l.split_once("]: ")?;
            let code = l.split_once('[')?.1.split_once(']')?.0;
            Some((code.to_string(), rest.to_string()))
        })
        .collect()
}

#[test]
fn every_rule_speaks_arabic_and_english() {
    let dir = Path::new(EVERY_RULE);
    let en = tadqiq(&["check", ".", "--lang", "en"], dir);
    let ar = tadqiq(&["check", ".", "--lang", "ar"], dir);
    // An Arabic locale speaks Arabic without --lang; --lang wins over the locale.
    assert_eq!(tadqiq_in("ar_IQ.UTF-8", &["check", "."], dir).stdout, ar.stdout);
    assert_eq!(tadqiq_in("ar_IQ.UTF-8", &["check", ".", "--lang", "en"], dir).stdout, en.stdout);
    let (en, ar) = (String::from_utf8(en.stdout).unwrap(), String::from_utf8(ar.stdout).unwrap());
    let (en_by, ar_by) = (messages_by_rule(&en), messages_by_rule(&ar));
    for (code, english, arabic) in EVERY_RULE_SAYS {
        let of =
            |by: &[(String, String)]| by.iter().filter(|(c, _)| c == code).map(|(_, m)| m.clone()).collect::<Vec<_>>();
        assert!(of(&en_by).iter().any(|m| m.contains(english)), "{code} in English: {:?}", of(&en_by));
        assert!(of(&ar_by).iter().any(|m| m.contains(arabic)), "{code} in Arabic: {:?}", of(&ar_by));
    }
    // The related places' notes and the closing summary too.
    assert!(en.contains(": the paired form\n") && ar.contains(": الصيغة المقرونة به\n"), "{ar}");
    assert!(en.ends_with("3 files checked: 2 errors, 8 warnings, 0 infos, 1 hints\n"), "{en}");
    assert!(ar.ends_with("الملفات المفحوصة: 3 — أخطاء: 2، تحذيرات: 8، معلومات: 0، تلميحات: 1\n"), "{ar}");
    // A Maghrebi source's date is written with its own month names in its own finding.
    assert!(ar.contains("«5 جانفي 2021» (2021-01-05) يخالف مصدرا آخر: 5 جانفي 2020 (2020-01-05) في a.md"), "{ar}");
    // JSON carries the same messages; codes and severities stay as they are.
    let json: Value =
        serde_json::from_slice(&tadqiq(&["check", ".", "--format", "json", "--lang", "ar"], dir).stdout).unwrap();
    let first = &json["diagnostics"][0];
    assert_eq!((first["code"].as_str(), first["severity"].as_str()), (Some("figure-conflict"), Some("warning")));
    assert!(first["message"].as_str().unwrap().contains("يخالف"), "{first}");
}

#[test]
fn explain_in_either_language() {
    let out = tadqiq(&["explain", "weekday-mismatch", "--lang", "ar"], Path::new(SAMPLE));
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.starts_with("weekday-mismatch (المستوى الافتراضي: تحذير)"), "{text}");
    assert!(text.contains("مثال:"), "{text}");
    let text =
        String::from_utf8(tadqiq(&["--lang", "en", "explain", "weekday-mismatch"], Path::new(SAMPLE)).stdout).unwrap();
    assert!(text.starts_with("weekday-mismatch (default: warning)"), "{text}");
}

/// `extract` reads an archive a batch at a time and never holds it: with entities in two
/// passes (every source's introductions first, kept apart in a spill file), without them in
/// one. Either way, with the cache or without, the output is the same as one reading of the
/// whole, the spill file is gone when the run ends, and a temporary folder that cannot be
/// written spills to memory instead.
#[test]
fn extract_lists_an_archive_batch_by_batch_the_same_as_whole() {
    let dir = temp_dir("stream");
    // More than a batch (256) of articles: the first names a spokesman by surname alone, the
    // last introduces him, so the first is matched only through the registry of all of them.
    std::fs::write(dir.join("a000.txt"), "وقال حداد إن القوات انسحبت من المدينة في 4 آذار 2021.").unwrap();
    for k in 1..299 {
        let text = format!("في {} يناير 2020 قتل {} شخصا في انفجار ببغداد، بحسب الشرطة العراقية.", 1 + k % 28, 10 + k);
        std::fs::write(dir.join(format!("a{k:03}.txt")), text).unwrap();
    }
    std::fs::write(
        dir.join("a299.txt"),
        "وقال المتحدث باسم وزارة الدفاع العراقية العميد سامر حداد إن 40 جنديا قتلوا في 3 آذار 2021.",
    )
    .unwrap();
    let spill = temp_dir("stream-tmp");
    let cache = temp_dir("stream-cache");
    let run = |args: &[&str], tmp: &Path, cached: bool| {
        let mut cmd = std::process::Command::new(env!("CARGO_BIN_EXE_tadqiq"));
        cmd.args(args).current_dir(&dir).env("LANG", "C.UTF-8").env("TMPDIR", tmp);
        match cached {
            true => cmd.env("TADQIQ_CACHE_DIR", &cache),
            false => cmd.arg("--no-cache"),
        };
        let out = cmd.output().unwrap();
        assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
        out
    };
    let all = ["extract", "--format", "json", "."];
    let whole = run(&all, &spill, false).stdout;
    let doc: Value = serde_json::from_slice(&whole).unwrap();
    assert_eq!(doc["files"].as_array().unwrap().len(), 300);
    let spokesman = mention(&doc, "a299.txt", "سامر حداد");
    let id = spokesman["id"].as_str().unwrap();
    assert_eq!((spokesman["entity_kind"].as_str(), spokesman["name"].as_str()), (Some("person"), Some("سامر حداد")));
    assert_eq!(
        mention(&doc, "a000.txt", "حداد")["id"].as_str(),
        Some(id),
        "named before the batch that introduces him"
    );
    assert_eq!(std::fs::read_dir(&spill).unwrap().count(), 0, "the spill file is removed");
    // No temporary folder to spill to: in memory, the same.
    assert_eq!(run(&all, &dir.join("no-such-folder"), false).stdout, whole);
    // Through the cache: filled, then read back.
    assert_eq!(run(&all, &spill, true).stdout, whole);
    assert!(cache.join("analyses.bin").exists());
    assert_eq!(run(&all, &spill, true).stdout, whole);
    assert_eq!(std::fs::read_dir(&spill).unwrap().count(), 0);
    // Without entities, one pass: the same dates and figures, in text as in JSON.
    let dates = ["extract", "--format", "json", "--kind", "date,figure", "."];
    let listed: Value = serde_json::from_slice(&run(&dates, &spill, false).stdout).unwrap();
    assert_eq!(serde_json::from_slice::<Value>(&run(&dates, &spill, true).stdout).unwrap(), listed);
    assert_eq!(serde_json::from_slice::<Value>(&run(&dates, &spill, true).stdout).unwrap(), listed);
    for (one, all) in listed["files"].as_array().unwrap().iter().zip(doc["files"].as_array().unwrap()) {
        let claims: Vec<&Value> =
            all["mentions"].as_array().unwrap().iter().filter(|m| m["kind"] != "entity").collect();
        assert_eq!(one["mentions"].as_array().unwrap().iter().collect::<Vec<_>>(), claims, "{}", one["path"]);
    }
    let text = run(&["extract", "--kind", "date", "."], &spill, false);
    let lines = String::from_utf8(text.stdout).unwrap();
    assert_eq!(lines.lines().count(), 300);
    assert_eq!(lines.lines().last(), Some("./a299.txt:1:79: date     «3 آذار 2021» = 2021-03-03"));
    // A file named on the command line that cannot be read: exit 2 before any output, in
    // either pass.
    std::fs::write(dir.join("binary.txt"), [0x89, b'P', b'N', b'G', 0, 0, 1]).unwrap();
    for kind in ["date", "date,entity"] {
        let out = tadqiq(&["extract", "--kind", kind, "a001.txt", "binary.txt"], &dir);
        assert_eq!((out.status.code(), out.stdout.len()), (Some(2), 0), "{kind}");
    }
}
