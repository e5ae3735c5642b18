//! `tadqiq.toml`: the workspace's own settings.
//!
//! ```toml
//! include = ["**/*.txt", "**/*.md"]      # which files are articles (default: .txt .md .markdown)
//! exclude = ["drafts/**"]                # never analysed
//!
//! [sources."wire/afp-0105.txt"]          # a path, or a glob, relative to this file
//! published = "2020-01-05"               # YYYY, YYYY-MM or YYYY-MM-DD
//! outlet = "AFP"
//! ```

use std::collections::BTreeMap;
use std::fmt;
use std::path::{Path, PathBuf};

use globset::{Glob, GlobSet, GlobSetBuilder};
use serde::Deserialize;

use crate::calendar::DateValue;

pub const FILE_NAME: &str = "tadqiq.toml";

#[derive(Debug, Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct Raw {
    #[serde(default)]
    include: Vec<String>,
    #[serde(default)]
    exclude: Vec<String>,
    #[serde(default)]
    sources: BTreeMap<String, RawSource>,
}

#[derive(Debug, Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct RawSource {
    published: Option<String>,
    outlet: Option<String>,
}

/// What `tadqiq.toml` says about one source.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SourceMeta {
    pub published: Option<DateValue>,
    pub outlet: Option<String>,
}

#[derive(Debug)]
pub struct Config {
    /// The folder paths are relative to (the config file's).
    pub root: PathBuf,
    include: Option<GlobSet>,
    exclude: GlobSet,
    sources: Vec<(Glob, globset::GlobMatcher, SourceMeta)>,
}

#[derive(Debug)]
pub struct ConfigError {
    pub path: PathBuf,
    pub message: String,
}

impl fmt::Display for ConfigError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.path.display(), self.message)
    }
}

impl std::error::Error for ConfigError {}

/// Article files when `include` is not set.
pub const DEFAULT_EXTENSIONS: [&str; 3] = ["txt", "md", "markdown"];

impl Config {
    /// The configuration used when there is no file: defaults, paths relative to `root`.
    pub fn empty(root: PathBuf) -> Self {
        Config { root, include: None, exclude: GlobSet::empty(), sources: Vec::new() }
    }

    pub fn load(path: &Path) -> Result<Config, ConfigError> {
        let err = |message: String| ConfigError { path: path.to_path_buf(), message };
        let text = std::fs::read_to_string(path).map_err(|e| err(format!("cannot read: {e}")))?;
        let root = path.parent().map(Path::to_path_buf).unwrap_or_default();
        Config::parse(&text, root).map_err(err)
    }

    pub fn parse(text: &str, root: PathBuf) -> Result<Config, String> {
        let raw: Raw = toml::from_str(text).map_err(|e| e.to_string().trim_end().to_string())?;
        let set = |globs: &[String], key: &str| -> Result<GlobSet, String> {
            let mut b = GlobSetBuilder::new();
            for g in globs {
                b.add(Glob::new(g).map_err(|e| format!("{key}: {e}"))?);
            }
            b.build().map_err(|e| format!("{key}: {e}"))
        };
        let include = if raw.include.is_empty() { None } else { Some(set(&raw.include, "include")?) };
        let exclude = set(&raw.exclude, "exclude")?;
        let mut sources = Vec::new();
        for (key, s) in raw.sources {
            let glob = Glob::new(&key).map_err(|e| format!("sources.{key:?}: {e}"))?;
            let published = match s.published {
                Some(p) => Some(DateValue::parse(&p).ok_or_else(|| {
                    format!("sources.{key:?}.published: {p:?} is not a date (write YYYY, YYYY-MM or YYYY-MM-DD)")
                })?),
                None => None,
            };
            let matcher = glob.compile_matcher();
            sources.push((glob, matcher, SourceMeta { published, outlet: s.outlet }));
        }
        Ok(Config { root, include, exclude, sources })
    }

    /// Whether a file found by walking a folder is an article to analyse.
    pub fn is_article(&self, path: &Path) -> bool {
        let rel = self.relative(path);
        if self.exclude.is_match(&rel) {
            return false;
        }
        match &self.include {
            Some(set) => set.is_match(&rel),
            None => path
                .extension()
                .and_then(|e| e.to_str())
                .is_some_and(|e| DEFAULT_EXTENSIONS.contains(&e.to_ascii_lowercase().as_str())),
        }
    }

    /// What the config says about a source; an exact path beats a glob, and a later glob
    /// beats an earlier one only where the earlier said nothing.
    pub fn source(&self, path: &Path) -> SourceMeta {
        let rel = self.relative(path);
        let mut meta = SourceMeta::default();
        let exact = self.sources.iter().filter(|(g, _, _)| Path::new(g.glob()) == rel);
        let globbed = self.sources.iter().filter(|(g, m, _)| Path::new(g.glob()) != rel && m.is_match(&rel));
        for (_, _, s) in exact.chain(globbed) {
            meta.published = meta.published.or(s.published);
            meta.outlet = meta.outlet.take().or_else(|| s.outlet.clone());
        }
        meta
    }

    fn relative(&self, path: &Path) -> PathBuf {
        let abs = |p: &Path| std::path::absolute(p).unwrap_or_else(|_| p.to_path_buf());
        let (path_abs, root_abs) = (abs(path), abs(&self.root));
        path_abs.strip_prefix(&root_abs).map(Path::to_path_buf).unwrap_or(path_abs)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sources_by_path_and_glob() {
        let c = Config::parse(
            r#"
exclude = ["drafts/**"]
[sources."wire/*.txt"]
outlet = "AFP"
published = "2020"
[sources."wire/a.txt"]
published = "2020-01-05"
"#,
            PathBuf::from("/ws"),
        )
        .unwrap();
        let a = c.source(Path::new("/ws/wire/a.txt"));
        assert_eq!(a.published, Some(DateValue::ymd(2020, 1, 5)));
        assert_eq!(a.outlet.as_deref(), Some("AFP"));
        assert_eq!(c.source(Path::new("/ws/wire/b.txt")).published, Some(DateValue::y(2020)));
        assert!(c.is_article(Path::new("/ws/a.md")));
        assert!(!c.is_article(Path::new("/ws/drafts/a.md")));
        assert!(!c.is_article(Path::new("/ws/a.pdf")));
    }

    #[test]
    fn errors_name_the_key() {
        let e = Config::parse("[sources.\"a.txt\"]\npublished = \"5/1/2020\"\n", PathBuf::new()).unwrap_err();
        assert!(e.contains("sources.\"a.txt\".published"), "{e}");
        let e = Config::parse("colour = 1\n", PathBuf::new()).unwrap_err();
        assert!(e.contains("unknown field `colour`"), "{e}");
    }
}
