//! `tadqiq.toml`: the workspace's own settings.
//!
//! ```toml
//! include = ["**/*.txt", "**/*.md"]      # which files are articles (default: .txt .md .markdown)
//! exclude = ["drafts/**"]                # never analysed
//!
//! [sources."wire/afp-0105.txt"]          # a path, or a glob, relative to this file
//! published = "2020-01-05"               # YYYY, YYYY-MM or YYYY-MM-DD
//! outlet = "AFP"
//! story = "kafriya-bombing"              # sources of one story; default: one story per folder
//!
//! [rules]                                # severity per rule code: error|warning|info|hint|off
//! name-variant = "off"
//!
//! [entities]                             # never entities; built-in entities to forget
//! stop = ["المصدر", "الوكالة"]
//! remove = ["al-bab-sy"]
//!
//! [[entity]]                             # the newsroom's own; an id of a built-in replaces it
//! id = "nazih-jabbour"
//! name = "نزيه جبور"
//! kind = "person"                        # person | org | place | event
//! aliases = ["جبور"]
//! description = "المتحدث باسم الجيش اللبناني"
//! ```

use std::collections::BTreeMap;
use std::fmt;
use std::path::{Path, PathBuf};

use globset::{Glob, GlobSet, GlobSetBuilder};
use serde::Deserialize;

use crate::analysis::PublishedSource;
use crate::calendar::DateValue;
use crate::entities::{ConfigEntity, EntityKind, EntitySettings, Gazetteer};
use crate::rules::RuleSettings;

pub const FILE_NAME: &str = "tadqiq.toml";

/// A configuration larger than this is refused: thousands of entities fit in a few megabytes.
const MAX_CONFIG_BYTES: u64 = 50_000_000;

#[derive(Debug, Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct Raw {
    #[serde(default)]
    include: Vec<String>,
    #[serde(default)]
    exclude: Vec<String>,
    #[serde(default)]
    sources: BTreeMap<String, RawSource>,
    #[serde(default)]
    entity: Vec<RawEntity>,
    #[serde(default)]
    entities: RawEntitySettings,
    #[serde(default)]
    rules: BTreeMap<String, String>,
    max_file_bytes: Option<u64>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawEntity {
    id: toml::Spanned<String>,
    name: String,
    kind: String,
    #[serde(default)]
    aliases: Vec<String>,
    description: Option<String>,
}

/// `[entities]`: words and phrases that are never entities, and built-in ids to forget.
#[derive(Debug, Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct RawEntitySettings {
    #[serde(default)]
    stop: Vec<String>,
    #[serde(default)]
    remove: Vec<String>,
}

#[derive(Debug, Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct RawSource {
    published: Option<String>,
    outlet: Option<String>,
    story: Option<String>,
}

/// What `tadqiq.toml` says about one source.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SourceMeta {
    pub published: Option<DateValue>,
    pub outlet: Option<String>,
    /// The story the source belongs to, when named; else its folder's ([`crate::claims`]).
    pub story: Option<String>,
}

#[derive(Debug)]
pub struct Config {
    /// The folder paths are relative to (the config file's).
    pub root: PathBuf,
    include: Option<GlobSet>,
    exclude: GlobSet,
    sources: Vec<(Glob, globset::GlobMatcher, SourceMeta)>,
    /// The newsroom's own entities, in file order.
    pub entities: Vec<ConfigEntity>,
    /// The newsroom's stop list and the built-in entities it removes.
    pub entity_settings: EntitySettings,
    /// Severities per rule code, and `off`.
    pub rules: RuleSettings,
    /// The file itself, for go-to-definition on its entities.
    pub path: Option<PathBuf>,
    /// Article files larger than this are not read ([`crate::files::DEFAULT_MAX_FILE_BYTES`]).
    pub max_file_bytes: u64,
    /// A hash of the file's text (0 without one): the cache keeps analyses per configuration.
    pub fingerprint: u64,
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

/// Whether a file's extension is an article's when `include` is not set.
pub fn has_article_extension(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| DEFAULT_EXTENSIONS.contains(&e.to_ascii_lowercase().as_str()))
}

impl Config {
    /// The configuration used when there is no file: defaults, paths relative to `root`.
    pub fn empty(root: PathBuf) -> Self {
        Config {
            root,
            include: None,
            exclude: GlobSet::empty(),
            sources: Vec::new(),
            entities: Vec::new(),
            entity_settings: EntitySettings::default(),
            rules: RuleSettings::default(),
            path: None,
            max_file_bytes: crate::files::DEFAULT_MAX_FILE_BYTES,
            fingerprint: 0,
        }
    }

    /// The built-in gazetteer with this file's entities, stop list and removals.
    pub fn gazetteer(&self) -> Gazetteer {
        Gazetteer::configured(&self.entities, &self.entity_settings)
    }

    pub fn load(path: &Path) -> Result<Config, ConfigError> {
        let err = |message: String| ConfigError { path: path.to_path_buf(), message };
        // The configuration is read as an article is: a FIFO or a device is refused, not waited on.
        let bytes = crate::files::read_bytes(path, MAX_CONFIG_BYTES).map_err(err)?;
        let text = String::from_utf8(bytes).map_err(|e| err(format!("not UTF-8 text ({e})")))?;
        let root = path.parent().map(Path::to_path_buf).unwrap_or_default();
        let mut config = Config::parse(&text, root).map_err(err)?;
        config.path = Some(path.to_path_buf());
        Ok(config)
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
            if s.story.as_deref().is_some_and(|n| n.trim().is_empty()) {
                return Err(format!("sources.{key:?}.story: must not be empty"));
            }
            sources.push((glob, matcher, SourceMeta { published, outlet: s.outlet, story: s.story }));
        }
        let mut entities: Vec<ConfigEntity> = Vec::new();
        let mut ids = std::collections::HashSet::new();
        for (n, e) in raw.entity.into_iter().enumerate() {
            let at = format!("entity[{n}]");
            let id = e.id.get_ref().trim();
            if id.is_empty() || id.chars().any(char::is_whitespace) {
                return Err(format!("{at}.id: {id:?} must be a non-empty word (letters, digits, -)"));
            }
            if !ids.insert(id.to_string()) {
                return Err(format!("{at}.id: {id:?} is defined twice"));
            }
            let kind = EntityKind::parse(&e.kind)
                .ok_or_else(|| format!("{at}.kind: {:?} is not one of person, org, place, event", e.kind))?;
            if e.name.trim().is_empty() {
                return Err(format!("{at}.name: must not be empty"));
            }
            let span = e.id.span();
            entities.push(ConfigEntity {
                id: id.to_string(),
                name: e.name,
                kind,
                aliases: e.aliases,
                description: e.description,
                span: (span.start, span.end),
            });
        }
        let mut rules = RuleSettings::default();
        for (code, level) in &raw.rules {
            rules.set(code, level).map_err(|e| format!("rules: {e}"))?;
        }
        let max_file_bytes = match raw.max_file_bytes {
            Some(0) => return Err("max_file_bytes: must be more than 0".into()),
            Some(n) => n,
            None => crate::files::DEFAULT_MAX_FILE_BYTES,
        };
        if let Some(empty) = raw.entities.stop.iter().find(|s| s.trim().is_empty()) {
            return Err(format!("entities.stop: {empty:?} is empty"));
        }
        let entity_settings = EntitySettings { stop: raw.entities.stop, remove: raw.entities.remove };
        let fingerprint = crate::cache::hash64(&[text.as_bytes()]);
        Ok(Config {
            root,
            include,
            exclude,
            sources,
            entities,
            entity_settings,
            rules,
            path: None,
            max_file_bytes,
            fingerprint,
        })
    }

    /// Whether a file found by walking a folder is an article to analyse.
    pub fn is_article(&self, path: &Path) -> bool {
        // Without globs nothing is asked of the path relative to the root (making it so is
        // most of the question, asked of every file walked).
        if self.include.is_none() && self.exclude.is_empty() {
            return has_article_extension(path);
        }
        let rel = self.relative(path);
        if self.exclude.is_match(&rel) {
            return false;
        }
        match &self.include {
            Some(set) => set.is_match(&rel),
            None => has_article_extension(path),
        }
    }

    /// A source's publication date from outside its text: this file's, else `fallback` (the
    /// `--published` flag or the editor's `published` setting).
    pub fn given(&self, path: &Path, fallback: Option<DateValue>) -> Option<(DateValue, PublishedSource)> {
        self.source(path)
            .published
            .map(|p| (p, PublishedSource::Config))
            .or(fallback.map(|p| (p, PublishedSource::Flag)))
    }

    /// What the config says about a source; an exact path beats a glob, and a later glob
    /// beats an earlier one only where the earlier said nothing.
    pub fn source(&self, path: &Path) -> SourceMeta {
        if self.sources.is_empty() {
            return SourceMeta::default();
        }
        let rel = self.relative(path);
        let mut meta = SourceMeta::default();
        let exact = self.sources.iter().filter(|(g, _, _)| Path::new(g.glob()) == rel);
        let globbed = self.sources.iter().filter(|(g, m, _)| Path::new(g.glob()) != rel && m.is_match(&rel));
        for (_, _, s) in exact.chain(globbed) {
            meta.published = meta.published.or(s.published);
            meta.outlet = meta.outlet.take().or_else(|| s.outlet.clone());
            meta.story = meta.story.take().or_else(|| s.story.clone());
        }
        meta
    }

    fn relative(&self, path: &Path) -> PathBuf {
        let (path_abs, root_abs) = (absolute(path), absolute(&self.root));
        path_abs.strip_prefix(&root_abs).map(Path::to_path_buf).unwrap_or(path_abs)
    }
}

/// `path` made absolute as [`std::path::absolute`] makes it, against the working directory
/// read once: every source's path is made absolute several times a run, and asking the system
/// for the directory each time cost a system call per source per question. Nothing in tadqiq
/// changes its working directory.
fn absolute(path: &Path) -> PathBuf {
    static CWD: std::sync::OnceLock<Option<PathBuf>> = std::sync::OnceLock::new();
    let based = match CWD.get_or_init(|| std::env::current_dir().ok()) {
        Some(cwd) if path.is_relative() => std::path::absolute(cwd.join(path)),
        _ => std::path::absolute(path),
    };
    based.unwrap_or_else(|_| path.to_path_buf())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The working directory read once gives what asking for it each time gives.
    #[test]
    fn absolute_is_the_standard_one() {
        for p in ["a.txt", "./a/./b.txt", "../x/y.md", "dir/", ".", "/abs/./p.txt", "//net/p"] {
            assert_eq!(absolute(Path::new(p)), std::path::absolute(p).unwrap(), "{p}");
        }
    }

    /// Without a file, articles are known by their extension and no source has metadata.
    #[test]
    fn without_globs_articles_are_known_by_their_extension() {
        let c = Config::empty(PathBuf::from("/ws"));
        for (path, article) in [("/ws/a.txt", true), ("../b/a.MD", true), ("x.markdown", true), ("/ws/a.pdf", false)] {
            assert_eq!(c.is_article(Path::new(path)), article, "{path}");
            assert_eq!(c.source(Path::new(path)), SourceMeta::default(), "{path}");
        }
        assert_eq!(c.given(Path::new("/ws/a.txt"), None), None);
    }

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
        assert_eq!(c.source(Path::new("/ws/wire/b.txt")).story, None);
        assert!(c.is_article(Path::new("/ws/a.md")));
        assert!(!c.is_article(Path::new("/ws/drafts/a.md")));
        assert!(!c.is_article(Path::new("/ws/a.pdf")));
    }

    #[test]
    fn stories_by_glob() {
        let c = Config::parse(
            "[sources.\"gaza/*.txt\"]\nstory = \"ceasefire\"\n[sources.\"wire/afp-1.txt\"]\nstory = \"ceasefire\"\n",
            PathBuf::from("/ws"),
        )
        .unwrap();
        assert_eq!(c.source(Path::new("/ws/gaza/a.txt")).story.as_deref(), Some("ceasefire"));
        assert_eq!(c.source(Path::new("/ws/wire/afp-1.txt")).story.as_deref(), Some("ceasefire"));
        assert_eq!(c.source(Path::new("/ws/wire/afp-2.txt")).story, None);
        let e = Config::parse("[sources.\"a.txt\"]\nstory = \" \"\n", PathBuf::new()).unwrap_err();
        assert!(e.contains("story: must not be empty"), "{e}");
    }

    #[test]
    fn entities_with_their_place_in_the_file() {
        let text = "[[entity]]\nid = \"jane\"\nname = \"جين دو\"\nkind = \"person\"\naliases = [\"دو\"]\n";
        let c = Config::parse(text, PathBuf::new()).unwrap();
        let e = &c.entities[0];
        assert_eq!((e.id.as_str(), e.kind, e.aliases.len()), ("jane", EntityKind::Person, 1));
        assert_eq!(&text[e.span.0..e.span.1], "\"jane\"");
        let bad = Config::parse("[[entity]]\nid = \"x\"\nname = \"س\"\nkind = \"thing\"\n", PathBuf::new());
        assert!(bad.unwrap_err().contains("entity[0].kind: \"thing\" is not one of"));
    }

    #[test]
    fn entity_stop_list_and_removals() {
        let c = Config::parse("[entities]\nstop = [\"المصدر\"]\nremove = [\"isis\"]\n", PathBuf::new()).unwrap();
        assert_eq!(c.entity_settings.stop, ["المصدر"]);
        assert_eq!(c.entity_settings.remove, ["isis"]);
        let e = Config::parse("[entities]\nstops = []\n", PathBuf::new()).unwrap_err();
        assert!(e.contains("unknown field `stops`"), "{e}");
        let e = Config::parse("[entities]\nstop = [\" \"]\n", PathBuf::new()).unwrap_err();
        assert!(e.contains("entities.stop"), "{e}");
    }

    #[test]
    fn rule_levels_are_checked() {
        let c = Config::parse("[rules]\ndate-conflict = \"error\"\nname-variant = \"off\"\n", PathBuf::new()).unwrap();
        assert_eq!(c.rules.levels.len(), 2);
        let e = Config::parse("[rules]\ndate-conflicts = \"error\"\n", PathBuf::new()).unwrap_err();
        assert!(e.contains("unknown rule \"date-conflicts\""), "{e}");
        let e = Config::parse("[rules]\ndate-conflict = \"loud\"\n", PathBuf::new()).unwrap_err();
        assert!(e.contains("not one of error, warning, info, hint, off"), "{e}");
    }

    #[test]
    fn errors_name_the_key() {
        let e = Config::parse("[sources.\"a.txt\"]\npublished = \"5/1/2020\"\n", PathBuf::new()).unwrap_err();
        assert!(e.contains("sources.\"a.txt\".published"), "{e}");
        let e = Config::parse("colour = 1\n", PathBuf::new()).unwrap_err();
        assert!(e.contains("unknown field `colour`"), "{e}");
    }
}
