//! `tadqiq check` and `tadqiq explain` through the real binary: the sample's findings, every
//! output format, exit codes, configuration, suppression and baselines.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use serde_json::Value;

mod common;
use common::tadqiq;

const SAMPLE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/examples/iraq-withdrawal");

fn stdout(out: &Output) -> String {
    String::from_utf8(out.stdout.clone()).unwrap()
}

fn json(out: &Output) -> Value {
    serde_json::from_slice(&out.stdout).unwrap_or_else(|e| panic!("{e}: {}", stdout(out)))
}

fn temp_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("tadqiq-check-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// The sample's articles copied into `to` (files only: a cache folder a run left there is not
/// an article).
fn copy_sample(to: &Path) {
    for entry in std::fs::read_dir(SAMPLE).unwrap() {
        let path = entry.unwrap().path();
        if path.is_file() {
            std::fs::copy(&path, to.join(path.file_name().unwrap())).unwrap();
        }
    }
}

fn text_at(file: &str, bytes: &Value) -> String {
    let content = std::fs::read(Path::new(SAMPLE).join(file)).unwrap();
    let (s, e) = (bytes[0].as_u64().unwrap() as usize, bytes[1].as_u64().unwrap() as usize);
    String::from_utf8(content[s..e].to_vec()).unwrap()
}

#[test]
fn the_sample_findings() {
    let out = tadqiq(&["check", "--format", "json", "."], Path::new(SAMPLE));
    assert_eq!(out.status.code(), Some(1), "warnings fail the run by default");
    let doc = json(&out);
    assert_eq!(doc["version"], 1);
    let diagnostics = doc["diagnostics"].as_array().unwrap();
    let find = |code: &str| diagnostics.iter().filter(|d| d["code"] == code).collect::<Vec<_>>();

    let dates = find("date-conflict");
    assert_eq!(dates.len(), 1, "{dates:?}");
    let d = dates[0];
    assert_eq!(d["path"], "./002_fbc81e4b622b9da9.txt");
    assert_eq!(text_at("002_fbc81e4b622b9da9.txt", &d["bytes"]), "كانون الثاني 1998");
    assert_eq!(d["severity"], "warning");
    let related: Vec<(String, String)> = d["related"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            let path = r["path"].as_str().unwrap().trim_start_matches("./").to_string();
            let text = text_at(&path, &r["bytes"]);
            (path, text)
        })
        .collect();
    assert_eq!(
        related,
        [
            ("000_40f110f943424743.txt".to_string(), "5 يناير 2020".to_string()),
            ("004_35fa46199fc7dcf7.txt".to_string(), "يوم 5 جانفي 2020".to_string())
        ]
    );
    assert!(
        d["message"].as_str().unwrap().contains("2020-01-05 in 000_40f110f943424743.txt and 004_35fa46199fc7dcf7.txt")
    );

    let figures = find("figure-conflict");
    assert_eq!(figures.len(), 1, "{figures:?}");
    assert_eq!(text_at("003_fc89a3a011bc69bd.txt", &figures[0]["bytes"]), "حوالي 5000 جندي");
    let related: Vec<String> = figures[0]["related"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            let path = r["path"].as_str().unwrap().trim_start_matches("./");
            format!("{path} {}", text_at(path, &r["bytes"]))
        })
        .collect();
    assert_eq!(related, ["002_fbc81e4b622b9da9.txt 3000 جندي", "004_35fa46199fc7dcf7.txt نحو 3000 جندي"]);

    // Nothing else but what a fact-checker would agree with: «بعد عقود» of an invasion in 2003,
    // written in 2021, and a typo in an operation's name.
    let others: Vec<(String, String)> = diagnostics
        .iter()
        .filter(|d| d["code"] != "date-conflict" && d["code"] != "figure-conflict")
        .map(|d| {
            let path = d["path"].as_str().unwrap().trim_start_matches("./");
            (d["code"].as_str().unwrap().to_string(), text_at(path, &d["bytes"]))
        })
        .collect();
    assert_eq!(
        others,
        [
            ("name-variant".to_string(), "العزم والصلب".to_string()),
            ("duration-mismatch".to_string(), "عقود".to_string())
        ]
    );
    assert_eq!(doc["summary"], serde_json::json!({"files": 5, "errors": 0, "warnings": 3, "infos": 0, "hints": 1}));
}

/// With the articles' real publication dates configured, relative dates resolve («31 من
/// ديسمبر المقبل» → 2021-12-31, «26 جويلية الماضي» → 2021-07-26) and are compared too; the
/// findings stay the same.
#[test]
fn the_sample_with_publication_dates() {
    let dir = temp_dir("published");
    copy_sample(&dir);
    std::fs::write(
        dir.join("tadqiq.toml"),
        r#"
[sources."000_40f110f943424743.txt"]
published = "2021-12-05"
[sources."001_38876f1d0978ff63.txt"]
published = "2021-07-27"
[sources."002_fbc81e4b622b9da9.txt"]
published = "2021-12-09"
[sources."003_fc89a3a011bc69bd.txt"]
published = "2026-01-18"
[sources."004_35fa46199fc7dcf7.txt"]
published = "2021-12-10"
"#,
    )
    .unwrap();
    let doc = json(&tadqiq(&["check", "--format", "json", "."], &dir));
    let codes: Vec<&str> = doc["diagnostics"].as_array().unwrap().iter().map(|d| d["code"].as_str().unwrap()).collect();
    assert_eq!(codes, ["name-variant", "date-conflict", "figure-conflict", "duration-mismatch"]);
    let extracted = stdout(&tadqiq(&["extract", "004_35fa46199fc7dcf7.txt"], &dir));
    assert!(extracted.contains("«26 جويلية الماضي» = 2021-07-26 (relative to 2021-12-10, config)"), "{extracted}");
}

#[test]
fn text_output_names_places_and_related_sources() {
    let out = tadqiq(&["check", "."], Path::new(SAMPLE));
    let text = stdout(&out);
    assert!(text.contains("./002_fbc81e4b622b9da9.txt:16:24: warning[date-conflict]: «كانون الثاني 1998» (1998-01) disagrees with 2 other sources"));
    assert!(text.contains("    ./000_40f110f943424743.txt:27:286: «5 يناير 2020» (2020-01-05)"));
    assert!(text.ends_with("5 files checked: 0 errors, 3 warnings, 0 infos, 1 hints\n"));
}

#[test]
fn sarif_is_read_by_a_sarif_library() {
    let out = tadqiq(&["check", "--format", "sarif", "."], Path::new(SAMPLE));
    let sarif: serde_sarif::sarif::Sarif = serde_json::from_slice(&out.stdout).expect("valid SARIF 2.1.0");
    let run = &sarif.runs[0];
    assert_eq!(run.tool.driver.name, "tadqiq");
    assert_eq!(run.tool.driver.rules.as_ref().unwrap().len(), 9);
    let results = run.results.as_ref().unwrap();
    assert_eq!(results.len(), 4);
    let conflict = results.iter().find(|r| r.rule_id.as_deref() == Some("date-conflict")).unwrap();
    let location = &conflict.locations.as_ref().unwrap()[0];
    let physical = location.physical_location.as_ref().unwrap();
    assert_eq!(physical.artifact_location.as_ref().unwrap().uri.as_deref(), Some("002_fbc81e4b622b9da9.txt"));
    let region = physical.region.as_ref().unwrap();
    assert_eq!((region.start_line, region.start_column), (Some(16), Some(24)));
    assert_eq!(conflict.related_locations.as_ref().unwrap().len(), 2);
}

#[test]
fn github_annotations() {
    let out = tadqiq(&["check", "--format", "github", "."], Path::new(SAMPLE));
    let text = stdout(&out);
    let line = text.lines().find(|l| l.contains("date-conflict")).unwrap();
    assert!(line.starts_with("::warning file=002_fbc81e4b622b9da9.txt,line=16,col=24,endLine=16,"), "{line}");
    assert!(line.contains(",title=tadqiq date-conflict::«كانون الثاني 1998»"), "{line}");
    // Related places ride along on escaped new lines.
    assert!(line.contains("%0A./000_40f110f943424743.txt:27:286: «5 يناير 2020»"), "{line}");
    assert!(text.lines().any(|l| l.starts_with("::notice file=000_40f110f943424743.txt")));
}

#[test]
fn fail_on_and_exit_codes() {
    let dir = temp_dir("exit");
    std::fs::write(dir.join("ok.txt"), "في 5 يناير 2020 صوت البرلمان.").unwrap();
    assert_eq!(tadqiq(&["check", "ok.txt"], &dir).status.code(), Some(0));
    std::fs::write(dir.join("bad.txt"), "في 30 فبراير 2021 صوت البرلمان.").unwrap();
    assert_eq!(tadqiq(&["check", "bad.txt"], &dir).status.code(), Some(1));
    // A warning fails by default, and not with --fail-on error.
    std::fs::write(dir.join("warn.txt"), "الخميس 10 ديسمبر 2021 صوت البرلمان.").unwrap();
    assert_eq!(tadqiq(&["check", "warn.txt"], &dir).status.code(), Some(1));
    assert_eq!(tadqiq(&["check", "--fail-on", "error", "warn.txt"], &dir).status.code(), Some(0));
    assert_eq!(tadqiq(&["check", "--fail-on", "nothing", "warn.txt"], &dir).status.code(), Some(2));
    assert_eq!(tadqiq(&["check", "missing.txt"], &dir).status.code(), Some(2));
}

#[test]
fn config_severities_and_off() {
    let dir = temp_dir("config");
    std::fs::write(dir.join("a.txt"), "الخميس 10 ديسمبر 2021 صوت البرلمان.").unwrap();
    std::fs::write(dir.join("tadqiq.toml"), "[rules]\nweekday-mismatch = \"info\"\n").unwrap();
    let out = tadqiq(&["check", "--format", "json", "."], &dir);
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(json(&out)["diagnostics"][0]["severity"], "info");
    std::fs::write(dir.join("tadqiq.toml"), "[rules]\nweekday-mismatch = \"off\"\n").unwrap();
    assert_eq!(json(&tadqiq(&["check", "--format", "json", "."], &dir))["diagnostics"], serde_json::json!([]));
    std::fs::write(dir.join("tadqiq.toml"), "[rules]\nweekday = \"off\"\n").unwrap();
    let out = tadqiq(&["check", "."], &dir);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("unknown rule \"weekday\""));
}

#[test]
fn a_markdown_comment_suppresses_the_next_line() {
    let dir = temp_dir("suppress");
    std::fs::write(
        dir.join("a.md"),
        "<!-- tadqiq-disable-next-line weekday-mismatch -->\nالخميس 10 ديسمبر 2021 صوت البرلمان.\n",
    )
    .unwrap();
    assert_eq!(tadqiq(&["check", "a.md"], &dir).status.code(), Some(0));
}

#[test]
fn a_baseline_keeps_old_findings_quiet_and_reports_new_ones() {
    let dir = temp_dir("baseline");
    std::fs::write(dir.join("a.txt"), "الخميس 10 ديسمبر 2021 صوت البرلمان.\n").unwrap();
    let out = tadqiq(&["check", "--write-baseline", "baseline.json", "."], &dir);
    assert_eq!(out.status.code(), Some(1), "writing a baseline still reports");
    assert_eq!(tadqiq(&["check", "--baseline", "baseline.json", "."], &dir).status.code(), Some(0));
    // Moving the old finding to another line keeps it accepted; a new one is reported.
    std::fs::write(dir.join("a.txt"), "سطر جديد\nالخميس 10 ديسمبر 2021 صوت البرلمان.\nفي 30 فبراير 2021.\n").unwrap();
    let out = tadqiq(&["check", "--baseline", "baseline.json", "--format", "json", "."], &dir);
    assert_eq!(out.status.code(), Some(1));
    let codes: Vec<Value> = json(&out)["diagnostics"].as_array().unwrap().iter().map(|d| d["code"].clone()).collect();
    assert_eq!(codes, ["invalid-date"]);
    std::fs::write(dir.join("broken.json"), "{}").unwrap();
    assert_eq!(tadqiq(&["check", "--baseline", "broken.json", "."], &dir).status.code(), Some(2));
}

#[test]
fn explain_every_rule() {
    for code in [
        "invalid-date",
        "calendar-mismatch",
        "weekday-mismatch",
        "relative-date-mismatch",
        "duration-mismatch",
        "part-exceeds-whole",
        "date-conflict",
        "figure-conflict",
        "name-variant",
    ] {
        let out = tadqiq(&["explain", code], Path::new(SAMPLE));
        assert_eq!(out.status.code(), Some(0));
        let text = stdout(&out);
        assert!(text.starts_with(code) && text.contains("Example"), "{text}");
    }
    let out = tadqiq(&["explain", "date-conflicts"], Path::new(SAMPLE));
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("the rules are: invalid-date"));
}

/// Files a newsroom folder really collects: each gets a clear message or is checked, none
/// stops the others, and only a run with nothing usable is exit 2.
#[test]
fn hostile_files_are_reported_and_the_rest_checked() {
    let dir = temp_dir("hostile");
    std::fs::write(dir.join("binary.txt"), [0x7f, b'E', b'L', b'F', 2, 1, 1, 0, 0, 0]).unwrap();
    std::fs::write(dir.join("cp1256.txt"), b"\xd1\xe6\xc7\xed\xc9 2020").unwrap();
    std::fs::write(dir.join("empty.txt"), "").unwrap();
    // A whole article pasted as one 5 MB line, an impossible date at its very end.
    let filler = "قال المتحدث إن الوضع مستقر في المنطقة، ".repeat(80_000);
    let long = format!("{filler}وذلك في 31 أبريل 2020.");
    assert!(long.len() > 5_000_000);
    std::fs::write(dir.join("one-line.txt"), &long).unwrap();
    let digits = "9".repeat(5_000);
    std::fs::write(dir.join("digits.txt"), format!("بلغ عدد الجنود {digits} جندي، و{digits}.{digits} دولار.")).unwrap();
    let nested = format!("{}في 5 يناير 2020\n{}\n{}", "> ".repeat(20_000), "[".repeat(50_000), "- ".repeat(20_000));
    std::fs::write(dir.join("nested.md"), nested).unwrap();

    let out = tadqiq(&["check", "--format", "json", "."], &dir);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(stderr.contains("binary.txt: skipped: binary file"), "{stderr}");
    assert!(stderr.contains("cp1256.txt: skipped: not UTF-8 text (invalid byte at offset 0)"), "{stderr}");
    assert!(!stderr.contains("panicked"), "{stderr}");
    let findings = json(&out);
    let findings = findings["diagnostics"].as_array().unwrap();
    // The one real finding: the impossible date at the end of the 5 MB line, placed exactly.
    let invalid: Vec<&Value> = findings.iter().filter(|f| f["code"] == "invalid-date").collect();
    assert_eq!(invalid.len(), 1, "{findings:?}");
    assert!(invalid[0]["path"].as_str().unwrap().ends_with("one-line.txt"));
    let start = long.find("31 أبريل 2020").unwrap();
    assert_eq!(invalid[0]["bytes"], serde_json::json!([start, start + "31 أبريل 2020".len()]));
    assert_eq!(invalid[0]["range"]["start"]["line"], 0);

    // Only unusable files: exit 2 with the reasons.
    let out = tadqiq(&["check", "binary.txt", "cp1256.txt"], &dir);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("binary.txt: skipped: binary file"));
}

/// Special files, files over the size limit, the same folder twice, and a named file that
/// cannot be read (issue 11): each reported in words, never waited on or read forever.
#[cfg(unix)]
#[test]
fn special_files_limits_and_the_same_folder_twice() {
    use std::time::{Duration, Instant};

    let dir = temp_dir("special");
    copy_sample(&dir);
    let fifo = dir.join("pipe.txt");
    let fifo_made = Command::new("mkfifo").arg(&fifo).status().is_ok_and(|s| s.success());
    std::os::unix::fs::symlink("/dev/zero", dir.join("zero.txt")).unwrap();
    std::fs::write(dir.join("huge.txt"), "في 5 يناير 2020 ".repeat(2_000)).unwrap();
    std::fs::write(dir.join("tadqiq.toml"), "max_file_bytes = 20000\n").unwrap();

    let started = Instant::now();
    let out = tadqiq(&["check", "--format", "json", "."], &dir);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(started.elapsed() < Duration::from_secs(30));
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(stderr.contains("huge.txt: skipped: 46.0 kB is larger than the 20.0 kB limit"), "{stderr}");
    assert!(stderr.contains("zero.txt: skipped: not a regular file (a device)"), "{stderr}");
    if fifo_made {
        assert!(stderr.contains("pipe.txt: skipped: not a regular file (a named pipe)"), "{stderr}");
    }
    let report = json(&out);
    let skipped: Vec<&str> =
        report["skipped"].as_array().unwrap().iter().map(|s| s["path"].as_str().unwrap()).collect();
    assert!(skipped.iter().any(|p| p.ends_with("huge.txt")), "{skipped:?}");
    assert!(skipped.iter().any(|p| p.ends_with("zero.txt")), "{skipped:?}");
    // The sample's two conflicts, each against two other sources.
    let conflicts = |report: &Value| -> Vec<String> {
        report["diagnostics"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|d| d["code"].as_str().unwrap().ends_with("-conflict"))
            .map(|d| d["message"].as_str().unwrap().to_string())
            .collect()
    };
    let once = conflicts(&report);
    assert_eq!(once.len(), 2, "{once:?}");

    // Named on the command line, a FIFO or a device is refused at once, and fails the run.
    if fifo_made {
        let out = tadqiq(&["check", "pipe.txt", "002_fbc81e4b622b9da9.txt"], &dir);
        assert_eq!(out.status.code(), Some(2));
        assert!(String::from_utf8_lossy(&out.stderr).contains("pipe.txt: skipped: not a regular file (a named pipe)"));
        let out = tadqiq(&["check", "--config", "pipe.txt", "."], &dir);
        assert_eq!(out.status.code(), Some(2));
        assert!(String::from_utf8_lossy(&out.stderr).contains("not a regular file (a named pipe)"));
    }
    let out = tadqiq(&["check", "zero.txt", "002_fbc81e4b622b9da9.txt"], &dir);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("zero.txt: skipped: not a regular file (a device)"));
    let out = tadqiq(&["check", "huge.txt", "002_fbc81e4b622b9da9.txt"], &dir);
    assert_eq!(out.status.code(), Some(2), "a named file over the limit is not the run asked for");

    // The same folder twice, by another path and through a symlink: each article read once.
    let link = dir.with_extension("link");
    let _ = std::fs::remove_file(&link);
    std::os::unix::fs::symlink(&dir, &link).unwrap();
    let again = format!("{}/../{}", dir.display(), dir.file_name().unwrap().to_str().unwrap());
    let out = tadqiq(&["check", "--format", "json", ".", &again, link.to_str().unwrap()], &dir);
    assert_eq!(conflicts(&json(&out)), once);
    let _ = std::fs::remove_file(&link);
}

/// `--select` and `--ignore` narrow the rules, as ruff's do; an unknown code is an error.
#[test]
fn select_and_ignore_rule_codes() {
    let codes = |args: &[&str]| -> Vec<String> {
        let out = tadqiq(&[&["check", "--format", "json", SAMPLE][..], args].concat(), Path::new(SAMPLE));
        let report = json(&out);
        let mut codes: Vec<String> =
            report["diagnostics"].as_array().unwrap().iter().map(|d| d["code"].as_str().unwrap().to_string()).collect();
        codes.sort();
        codes.dedup();
        codes
    };
    assert_eq!(codes(&["--select", "date-conflict"]), ["date-conflict"]);
    assert_eq!(codes(&["--select", "date-conflict,figure-conflict", "--ignore", "figure-conflict"]), ["date-conflict"]);
    assert!(!codes(&["--ignore", "name-variant"]).contains(&"name-variant".to_string()));
    let out = tadqiq(&["check", "--ignore", "no-such-rule", SAMPLE], Path::new(SAMPLE));
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("unknown rule \"no-such-rule\""));
}

/// `-` reads the draft from standard input, named by `--stdin-filename`, and checks it
/// against the folder: the file of that name on disk is replaced by the text piped in.
#[test]
fn a_draft_on_standard_input() {
    use std::io::Write as _;
    let draft = std::fs::read_to_string(Path::new(SAMPLE).join("002_fbc81e4b622b9da9.txt")).unwrap();
    let run = |text: &str| {
        let mut child = Command::new(env!("CARGO_BIN_EXE_tadqiq"))
            .args(["check", "--format", "json", "--stdin-filename", "002_fbc81e4b622b9da9.txt", "-", "."])
            .current_dir(SAMPLE)
            .env("TADQIQ_CACHE_DIR", std::env::temp_dir().join(format!("tadqiq-test-cache-{}", std::process::id())))
            .stdin(std::process::Stdio::piped())
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .unwrap();
        child.stdin.take().unwrap().write_all(text.as_bytes()).unwrap();
        let out = child.wait_with_output().unwrap();
        let report = json(&out);
        let on_draft: Vec<String> = report["diagnostics"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|d| d["path"] == "002_fbc81e4b622b9da9.txt")
            .map(|d| d["code"].as_str().unwrap().to_string())
            .collect();
        (report["summary"]["files"].clone(), on_draft)
    };
    let (files, codes) = run(&draft);
    assert_eq!(files, 5, "the draft stands for its file, not beside it");
    assert_eq!(codes, ["date-conflict"]);
    // The piped text, not the file on disk, is what is checked.
    let (_, codes) = run(&draft.replace("كانون الثاني 1998", "كانون الثاني 2020"));
    assert!(codes.is_empty(), "{codes:?}");
}

/// JUnit XML that a parser reads, with one failing case per warning; GitLab Code Quality with
/// every field GitLab requires.
#[test]
fn junit_and_gitlab_reports() {
    let out = tadqiq(&["check", "--format", "junit", "."], Path::new(SAMPLE));
    assert_eq!(out.status.code(), Some(1));
    let xml = stdout(&out);
    let doc = roxmltree::Document::parse(&xml).expect("well-formed XML");
    let root = doc.root_element();
    assert_eq!(root.tag_name().name(), "testsuites");
    assert_eq!(root.attribute("failures"), Some("3"));
    let suites: Vec<_> = root.children().filter(|n| n.has_tag_name("testsuite")).collect();
    assert_eq!(suites.len(), 5);
    let mut failures: Vec<String> = doc
        .descendants()
        .filter(|n| n.has_tag_name("failure"))
        .map(|n| n.attribute("type").unwrap().to_string())
        .collect();
    failures.sort();
    assert_eq!(failures, ["date-conflict", "duration-mismatch", "figure-conflict"]);
    let case = doc
        .descendants()
        .find(|n| n.has_tag_name("testcase") && n.children().any(|c| c.has_tag_name("failure")))
        .unwrap();
    assert!(case.attribute("name").unwrap().contains("«كانون الثاني 1998»"));

    // Hostile article text stays well-formed XML.
    let dir = temp_dir("junit");
    std::fs::write(dir.join("a.txt"), "<b>&\"'\u{1}</b> في 30 فبراير 2021 ]]>").unwrap();
    let out = tadqiq(&["check", "--format", "junit", "."], &dir);
    roxmltree::Document::parse(&stdout(&out)).expect("well-formed XML from hostile text");

    let out = tadqiq(&["check", "--format", "gitlab", "."], Path::new(SAMPLE));
    let issues = json(&out);
    let issues = issues.as_array().unwrap();
    assert_eq!(issues.len(), 4); // the three warnings and the name-variant hint
    let mut prints = std::collections::HashSet::new();
    for issue in issues {
        for field in ["description", "check_name", "fingerprint", "severity"] {
            assert!(issue[field].is_string(), "{field} in {issue}");
        }
        assert!(["info", "minor", "major", "critical", "blocker"].contains(&issue["severity"].as_str().unwrap()));
        assert!(issue["location"]["path"].is_string() && issue["location"]["lines"]["begin"].is_u64(), "{issue}");
        assert!(prints.insert(issue["fingerprint"].as_str().unwrap().to_string()), "fingerprints are unique");
    }
}

/// A run with more findings than one chunk of output rendered per core (`check` renders its
/// output on every core): every format carries every finding, once, in source and position
/// order, the same findings in each.
#[test]
fn a_long_run_is_written_whole_and_in_order_in_every_format() {
    let dir = temp_dir("long");
    // 30 articles of 40 lines, each line dated with a day its month does not have.
    let days = ["30 فبراير 2021", "31 أبريل 2019", "31 يونيو 2018", "31 سبتمبر 2020", "31 نوفمبر 2017"];
    for a in 0..30 {
        let lines: Vec<String> = (0..40)
            .map(|l| {
                format!("وقال المتحدث في {} إن الاجتماع رقم {} انتهى دون اتفاق.", days[(a + l) % days.len()], l + 1)
            })
            .collect();
        std::fs::write(dir.join(format!("article_{a:02}.txt")), lines.join("\n")).unwrap();
    }
    let expected: Vec<(String, u64)> =
        (0..30).flat_map(|a| (1..=40).map(move |l| (format!("./article_{a:02}.txt"), l))).collect();

    let out = tadqiq(&["check", "--format", "json", "."], &dir);
    let report = json(&out);
    let found: Vec<(String, u64)> = report["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["code"] == "invalid-date")
        .map(|d| (d["path"].as_str().unwrap().to_string(), d["range"]["start"]["line"].as_u64().unwrap() + 1))
        .collect();
    assert_eq!(found, expected);
    let all = report["diagnostics"].as_array().unwrap().len();
    let summary = &report["summary"];
    let counted: u64 = ["errors", "warnings", "infos", "hints"].iter().map(|k| summary[k].as_u64().unwrap()).sum();
    assert_eq!(all as u64, counted);

    // The text format: one block per finding, the same places in the same order.
    let text = stdout(&tadqiq(&["check", "."], &dir));
    let heads: Vec<(String, u64)> = text
        .lines()
        .filter(|l| l.contains("error[invalid-date]"))
        .map(|l| {
            let mut parts = l.splitn(3, ':');
            (parts.next().unwrap().to_string(), parts.next().unwrap().parse().unwrap())
        })
        .collect();
    assert_eq!(heads, expected);
    assert_eq!(text.matches("\n\n").count(), all);

    let sarif = json(&tadqiq(&["check", "--format", "sarif", "."], &dir));
    assert_eq!(sarif["runs"][0]["results"].as_array().unwrap().len(), all);
    let github = stdout(&tadqiq(&["check", "--format", "github", "."], &dir));
    assert_eq!(github.lines().filter(|l| l.starts_with("::")).count(), all);
    let gitlab = json(&tadqiq(&["check", "--format", "gitlab", "."], &dir));
    let prints: std::collections::HashSet<&str> =
        gitlab.as_array().unwrap().iter().map(|i| i["fingerprint"].as_str().unwrap()).collect();
    assert_eq!(prints.len(), all);
    let xml = stdout(&tadqiq(&["check", "--format", "junit", "."], &dir));
    let doc = roxmltree::Document::parse(&xml).expect("well-formed XML");
    assert_eq!(doc.descendants().filter(|n| n.has_tag_name("testsuite")).count(), 30);
    assert_eq!(doc.descendants().filter(|n| n.has_tag_name("testcase")).count(), all);
}

/// The README's sample output is exactly what `tadqiq check` prints in the sample folder.
#[test]
fn the_readmes_sample_output_is_what_check_prints() {
    let readme = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md")).unwrap();
    let block = readme
        .split_once("<!-- sample-output -->\n```\n")
        .and_then(|(_, rest)| rest.split_once("```\n"))
        .map(|(block, _)| block)
        .expect("the README marks its sample output");
    let out = tadqiq(&["check"], Path::new(SAMPLE));
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(stdout(&out), block, "update the README's sample output");
}

/// Messages name a source by the outlet `tadqiq.toml` gives it, else by its front matter's
/// `outlet:`, else by its file name.
#[test]
fn messages_name_sources_by_their_outlet() {
    let dir = temp_dir("outlets");
    std::fs::write(dir.join("a.txt"), "قتل 12 شخصا في انفجار بلدة الكرامة.\n").unwrap();
    std::fs::write(dir.join("b.txt"), "قتل 30 شخصا في انفجار بلدة الكرامة.\n").unwrap();
    std::fs::write(dir.join("c.txt"), "---\noutlet: وكالة الأنباء المحلية\n---\nقتل 30 شخصا في انفجار بلدة الكرامة.\n")
        .unwrap();
    std::fs::write(dir.join("tadqiq.toml"), "[sources.\"b.txt\"]\noutlet = \"AFP\"\n").unwrap();
    let out = stdout(&tadqiq(&["check", "."], &dir));
    assert!(
        out.contains("«12 شخصا» (12) disagrees with 2 other sources: 30 in AFP and وكالة الأنباء المحلية."),
        "{out}"
    );
}

/// Each rule's page, `docs/rules/CODE.md` (where editors' and SARIF's rule links point), is
/// the rule's own summary and `explain` text. Regenerate with `TADQIQ_BLESS=1`, then review.
#[test]
fn every_rule_has_its_documentation_page() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/rules");
    for rule in tadqiq_core::rules::RULES {
        let path = dir.join(format!("{}.md", rule.code));
        if std::env::var_os("TADQIQ_BLESS").is_some() {
            std::fs::create_dir_all(&dir).unwrap();
            std::fs::write(&path, rule.doc_page()).unwrap();
        }
        let page = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        assert_eq!(page, rule.doc_page(), "{}: run with TADQIQ_BLESS=1 to regenerate", path.display());
        assert!(rule.doc_url().ends_with(&format!("docs/rules/{}.md", rule.code)));
    }
    let pages = std::fs::read_dir(&dir).unwrap().count();
    assert_eq!(pages, tadqiq_core::rules::RULES.len(), "a page for each rule and no other");
    // SARIF links each rule to its page.
    let out = tadqiq(&["check", "--format", "sarif", "."], Path::new(SAMPLE));
    let doc = json(&out);
    let rules = doc["runs"][0]["tool"]["driver"]["rules"].as_array().unwrap();
    assert!(
        rules.iter().all(|r| r["helpUri"].as_str().unwrap().ends_with(&format!("{}.md", r["id"].as_str().unwrap())))
    );
}

/// The cache (`.tadqiq_cache`): a run that reads every article back from it says byte for byte
/// what a run without it says; an article changed is analysed again; a damaged file, another
/// configuration and a cache that cannot be written are never trusted and never stop the run.
#[test]
fn the_cache_changes_nothing_but_time() {
    let dir = temp_dir("cache");
    let story = dir.join("story");
    std::fs::create_dir_all(&story).unwrap();
    copy_sample(&story);
    let cache = dir.join(".tadqiq_cache").join("analyses.bin");
    // The cache where a user's run keeps it: not where the other tests keep theirs.
    let run = |extra: &[&str]| {
        Command::new(env!("CARGO_BIN_EXE_tadqiq"))
            .args(["check", "--format", "json"].iter().chain(extra).chain(&["story"]))
            .current_dir(&dir)
            .env_remove("TADQIQ_CACHE_DIR")
            .env("LANG", "C.UTF-8")
            .output()
            .unwrap()
    };
    let fresh = run(&["--no-cache"]);
    assert!(!dir.join(".tadqiq_cache").exists(), "--no-cache writes nothing");
    let first = run(&[]);
    assert_eq!(stdout(&first), stdout(&fresh));
    assert!(first.stderr.is_empty(), "{}", String::from_utf8_lossy(&first.stderr));
    let written = std::fs::read(&cache).expect("the first run fills the cache");
    assert_eq!(std::fs::read_to_string(dir.join(".tadqiq_cache/.gitignore")).unwrap().lines().last(), Some("*"));
    // Every article read back: the same output, and nothing to write.
    let second = run(&[]);
    assert_eq!(stdout(&second), stdout(&fresh));
    assert_eq!(std::fs::read(&cache).unwrap(), written, "an unchanged archive leaves the cache as it was");
    // One article checked alone: the others' records are carried forward, not dropped.
    let alone = Command::new(env!("CARGO_BIN_EXE_tadqiq"))
        .args(["check", "story/000_40f110f943424743.txt"])
        .current_dir(&dir)
        .env_remove("TADQIQ_CACHE_DIR")
        .output()
        .unwrap();
    assert!(alone.stderr.is_empty(), "{}", String::from_utf8_lossy(&alone.stderr));
    assert!(std::fs::read(&cache).unwrap().len() >= written.len(), "records of the other articles kept");

    // One article changed: analysed again, its new finding reported as a fresh run reports it.
    let edited = story.join("001_38876f1d0978ff63.txt");
    let mut text = std::fs::read_to_string(&edited).unwrap();
    text.push_str("\nوقال مسؤول إن الاتفاق وقع في 31 نيسان 2020.\n");
    std::fs::write(&edited, text).unwrap();
    let after = run(&[]);
    let fresh = run(&["--no-cache"]);
    assert_eq!(stdout(&after), stdout(&fresh));
    let found = json(&after)["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .any(|d| d["code"] == "invalid-date" && d["path"].as_str().unwrap().ends_with("001_38876f1d0978ff63.txt"));
    assert!(found, "{}", stdout(&after));
    assert_ne!(std::fs::read(&cache).unwrap(), written);
    // The unchanged articles' records were copied, not made again: the next run reads every
    // one back whole and has nothing to write.
    let rewritten = std::fs::read(&cache).unwrap();
    assert_eq!(stdout(&run(&[])), stdout(&fresh));
    assert_eq!(std::fs::read(&cache).unwrap(), rewritten, "every record read back as it was written");

    // A byte flipped inside a record, then a file cut short, then one that is not a cache:
    // never read as an analysis.
    let mut damaged = std::fs::read(&cache).unwrap();
    let middle = damaged.len() / 2;
    damaged[middle] ^= 0x5a;
    std::fs::write(&cache, &damaged).unwrap();
    assert_eq!(stdout(&run(&[])), stdout(&fresh));
    let whole = std::fs::read(&cache).unwrap();
    std::fs::write(&cache, &whole[..whole.len() - 3]).unwrap();
    let cut = run(&[]);
    assert_eq!(stdout(&cut), stdout(&fresh));
    assert!(String::from_utf8_lossy(&cut.stderr).contains("tadqiq: cache: the cache file ends inside a record"));
    std::fs::write(&cache, "not a cache").unwrap();
    let garbage = run(&[]);
    assert_eq!(stdout(&garbage), stdout(&fresh));
    assert_eq!(String::from_utf8_lossy(&garbage.stderr), "tadqiq: cache: not a tadqiq cache file; ignored\n");

    // Another configuration: analyses under the old one are stale.
    std::fs::write(
        dir.join("tadqiq.toml"),
        "[[entity]]\nid = \"cent\"\nname = \"القيادة المركزية الأمريكية\"\nkind = \"org\"\naliases = [\"سنتكوم\"]\n",
    )
    .unwrap();
    let configured = run(&[]);
    assert_eq!(stdout(&configured), stdout(&run(&["--no-cache"])));
    assert_eq!(stdout(&run(&[])), stdout(&configured));
    std::fs::remove_file(dir.join("tadqiq.toml")).unwrap();

    // A cache folder that cannot be made (a file stands there): said, and the run goes on.
    std::fs::write(dir.join("blocked"), "").unwrap();
    let blocked = run(&["--cache-dir", "blocked"]);
    assert_eq!(blocked.status.code(), fresh.status.code());
    assert_eq!(stdout(&blocked), stdout(&fresh));
    let said = String::from_utf8_lossy(&blocked.stderr);
    assert!(
        said.starts_with("tadqiq: cache: cannot create blocked: ") && said.ends_with("; the next run analyses again\n"),
        "{said}"
    );
    let _ = std::fs::remove_dir_all(&dir);
}
