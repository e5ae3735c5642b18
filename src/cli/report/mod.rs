//! `tadqiq report`: the story at a glance, as one self-contained HTML page (crates/tadqiq-report)
//! or as the core's report model in JSON, for people and for other tools.

use std::io::{self, Write};
use std::path::PathBuf;

use clap::{Args, ValueEnum};

use super::{EXIT_OK, EXIT_UNUSABLE, Sources, finish_output, load};
use tadqiq_core::report;
use tadqiq_core::rules::check;
use tadqiq_report::{Lang, Options};

/// Where the page goes when `--out` is not given.
const DEFAULT_PAGE: &str = "tadqiq-report.html";

#[derive(Args, Debug)]
pub struct ReportArgs {
    #[command(flatten)]
    sources: Sources,
    /// Where to write: a file, or `-` for standard output. Default: tadqiq-report.html for
    /// the page, standard output for JSON.
    #[arg(long, value_name = "FILE")]
    out: Option<PathBuf>,
    /// The page, or the model it shows.
    #[arg(long, value_enum, default_value_t = Format::Html)]
    format: Format,
}

#[derive(Clone, Copy, Debug, ValueEnum, PartialEq, Eq)]
enum Format {
    Html,
    Json,
}

/// The page (and the model's messages) in `lang`: `--lang`, else the locale.
pub fn run(args: ReportArgs, lang: Lang) -> u8 {
    let mut loaded = match load(args.sources) {
        Ok(l) => l,
        Err(code) => return code,
    };
    let findings = check(&loaded.ws, &loaded.config.rules);
    let model = report::build(&loaded.ws, &findings, &loaded.config, lang);
    loaded.save_cache();
    let out = match (&args.out, args.format) {
        (Some(path), _) if path.as_os_str() == "-" => None,
        (Some(path), _) => Some(path.clone()),
        (None, Format::Html) => Some(PathBuf::from(DEFAULT_PAGE)),
        (None, Format::Json) => None,
    };
    let body = match args.format {
        Format::Json => match serde_json::to_string(&model) {
            Ok(mut json) => {
                json.push('\n');
                json
            }
            Err(e) => {
                eprintln!("tadqiq: cannot write the report: {e}");
                return EXIT_UNUSABLE;
            }
        },
        Format::Html => {
            // Source paths are as found from the current folder: links start there.
            let base = std::env::current_dir().unwrap_or_default();
            tadqiq_report::html(&model, &Options { lang, base })
        }
    };
    match out {
        None => {
            let mut stdout = io::stdout().lock();
            if let Err(code) = finish_output(stdout.write_all(body.as_bytes()).and_then(|_| stdout.flush())) {
                return code;
            }
        }
        Some(path) => {
            if let Err(e) = std::fs::write(&path, body) {
                eprintln!("tadqiq: cannot write {}: {e}", path.display());
                return EXIT_UNUSABLE;
            }
            let disputed = model.events.iter().filter(|e| e.conflict).count()
                + model.quantities.iter().filter(|q| q.conflict).count();
            eprintln!(
                "tadqiq: wrote {} ({} sources, {} dated events, {} quantities, {} disputed, {} findings)",
                path.display(),
                model.sources.len(),
                model.events.len(),
                model.quantities.len(),
                disputed,
                model.findings.len()
            );
        }
    }
    EXIT_OK
}
