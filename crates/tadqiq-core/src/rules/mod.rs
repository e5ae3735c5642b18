//! The consistency rules. Each rule code (README, "Rules") lives in the file of its name, with its
//! `explain` text and its tests; this module runs them over a workspace and applies the
//! user's severities and suppressions.

mod calendar_mismatch;
mod conflicts;
mod date_conflict;
mod duration_mismatch;
mod figure_conflict;
mod invalid_date;
mod name_variant;
mod part_exceeds_whole;
mod relative_date_mismatch;
mod suppress;
mod weekday_mismatch;

use std::collections::BTreeMap;
use std::fmt;
use std::sync::Arc;

use crate::extract::Span;
use crate::workspace::{Doc, Workspace};

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Severity {
    Hint,
    Info,
    Warning,
    Error,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Info => "info",
            Severity::Hint => "hint",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Some(match s {
            "error" => Severity::Error,
            "warning" => Severity::Warning,
            "info" => Severity::Info,
            "hint" => Severity::Hint,
            _ => return None,
        })
    }
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Another place that bears on a finding: the disagreeing claim in another source.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Related {
    pub path: Arc<str>,
    pub span: Span,
    pub message: String,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Finding {
    pub path: Arc<str>,
    pub span: Span,
    pub code: &'static str,
    pub severity: Severity,
    pub message: String,
    pub related: Vec<Related>,
}

impl Finding {
    /// A finding of `rule` at its default severity (the user's is applied by [`check`]).
    pub(crate) fn of(rule: &Rule, path: &str, span: Span, message: String, related: Vec<Related>) -> Finding {
        Finding { path: path.into(), span, code: rule.code, severity: rule.default, message, related }
    }
}

/// A rule: its stable code, what it flags by default, and how it checks.
pub struct Rule {
    pub code: &'static str,
    pub default: Severity,
    /// One line for listings and SARIF's short description.
    pub summary: &'static str,
    /// What `tadqiq explain CODE` prints: what it checks, why, and an example.
    pub explain: &'static str,
    pub check: fn(&Workspace, Scope, &mut Vec<Finding>),
}

/// Where each rule's page lives: `docs/rules/CODE.md` of the repository.
pub const DOCS_URL: &str = "https://github.com/tadqiq/tadqiq/blob/main/docs/rules/";

impl Rule {
    /// The rule's documentation page (`codeDescription.href` in the editor, `helpUri` in SARIF).
    pub fn doc_url(&self) -> String {
        format!("{DOCS_URL}{}.md", self.code)
    }

    /// The page itself: what `docs/rules/CODE.md` holds (a test keeps the two equal).
    pub fn doc_page(&self) -> String {
        let level = match self.default {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Info => "info",
            Severity::Hint => "hint",
        };
        format!(
            "# `{}`\n\n{}.\n\nDefault level: **{level}** (set it, or `off`, under `[rules]` in `tadqiq.toml`).\n\n\
             ```text\n{}\n```\n\n`tadqiq explain {}` prints the same text.\n",
            self.code,
            capitalised(self.summary),
            self.explain.trim_end(),
            self.code
        )
    }
}

fn capitalised(s: &str) -> String {
    let mut c = s.chars();
    c.next().map(|f| f.to_uppercase().chain(c).collect()).unwrap_or_default()
}

/// Which sources' findings are wanted: all (`tadqiq check`), or a few (the documents an
/// editor has open). The verdicts are the same; only the work for unwanted findings is skipped.
#[derive(Clone, Copy)]
pub enum Scope<'s> {
    All,
    Only(&'s std::collections::HashSet<String>),
}

impl Scope<'_> {
    pub fn includes(self, path: &str) -> bool {
        match self {
            Scope::All => true,
            Scope::Only(paths) => paths.contains(path),
        }
    }
}

/// Every rule, in the order the README lists them.
pub const RULES: &[Rule] = &[
    invalid_date::RULE,
    calendar_mismatch::RULE,
    weekday_mismatch::RULE,
    relative_date_mismatch::RULE,
    duration_mismatch::RULE,
    part_exceeds_whole::RULE,
    date_conflict::RULE,
    figure_conflict::RULE,
    name_variant::RULE,
];

pub fn rule(code: &str) -> Option<&'static Rule> {
    RULES.iter().find(|r| r.code == code)
}

/// What the user set per rule: a severity, or off (`None`).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct RuleSettings {
    pub levels: BTreeMap<String, Option<Severity>>,
}

impl RuleSettings {
    /// Parses `"error" | "warning" | "info" | "hint" | "off"` for a known code.
    pub fn set(&mut self, code: &str, level: &str) -> Result<(), String> {
        if rule(code).is_none() {
            let codes: Vec<&str> = RULES.iter().map(|r| r.code).collect();
            return Err(format!("unknown rule {code:?}; the rules are {}", codes.join(", ")));
        }
        let level = match level {
            "off" => None,
            other => Some(
                Severity::parse(other)
                    .ok_or_else(|| format!("rule {code}: {other:?} is not one of error, warning, info, hint, off"))?,
            ),
        };
        self.levels.insert(code.to_string(), level);
        Ok(())
    }

    /// Settings of `self`, with `over`'s wherever it sets them.
    pub fn overridden_by(&self, over: &RuleSettings) -> RuleSettings {
        let mut levels = self.levels.clone();
        levels.extend(over.levels.iter().map(|(k, v)| (k.clone(), *v)));
        RuleSettings { levels }
    }

    fn level(&self, rule: &Rule) -> Option<Severity> {
        self.levels.get(rule.code).copied().unwrap_or(Some(rule.default))
    }
}

/// Runs every rule that is on over the workspace, with the user's severities, minus what the
/// articles themselves suppress. Findings come sorted by source and position.
pub fn check(ws: &Workspace, settings: &RuleSettings) -> Vec<Finding> {
    check_scope(ws, settings, Scope::All)
}

/// As [`check`], for the findings in the sources `scope` names only.
pub fn check_scope(ws: &Workspace, settings: &RuleSettings, scope: Scope) -> Vec<Finding> {
    let mut all = Vec::new();
    for rule in RULES {
        let Some(level) = settings.level(rule) else { continue };
        let mut found = Vec::new();
        (rule.check)(ws, scope, &mut found);
        for mut f in found {
            f.severity = level;
            all.push(f);
        }
    }
    // Each article's suppression comments, read once for all its findings.
    let mut suppressions: std::collections::HashMap<Arc<str>, suppress::Suppressions> = Default::default();
    all.retain(|f| {
        let Some(doc) = ws.doc(&f.path) else { return true };
        let s = suppressions.entry(f.path.clone()).or_insert_with(|| suppress::Suppressions::of(doc));
        !s.silences(f.code, f.span)
    });
    all.sort_by(|a, b| (&a.path, a.span.start, a.code).cmp(&(&b.path, b.span.start, b.code)));
    all.dedup_by(|a, b| a.path == b.path && a.span == b.span && a.code == b.code);
    all
}

/// The text of a span in a source, for messages.
pub(crate) fn quote(doc: &Doc, span: Span) -> &str {
    doc.text.get(span.start..span.end).unwrap_or("")
}

/// ISO weekday in Arabic and English, for messages ([`crate::calendar::weekday_name`]).
pub(crate) use crate::calendar::weekday_name;

#[cfg(test)]
pub(crate) mod test_support {
    use std::sync::Arc;

    use super::*;
    use crate::analysis::PublishedSource;
    use crate::calendar::DateValue;
    use crate::entities::Gazetteer;

    /// The findings of one rule over sources `(path, text, published)`, as `path message`.
    /// Each message must open with the finding's span quoted, so the span is checked exactly.
    pub fn run(rule: &Rule, sources: &[(&str, &str, Option<&str>)]) -> Vec<String> {
        let ws = workspace(sources);
        let mut found = Vec::new();
        (rule.check)(&ws, Scope::All, &mut found);
        found.sort_by(|a, b| (&a.path, a.span.start).cmp(&(&b.path, b.span.start)));
        found
            .iter()
            .map(|f| {
                // Every message opens by quoting exactly the finding's span.
                let quoted = format!("«{}»", quote(ws.doc(&f.path).unwrap(), f.span));
                assert!(f.message.starts_with(&quoted), "{} does not open with {quoted}", f.message);
                format!("{} {}", f.path, f.message)
            })
            .collect()
    }

    pub fn workspace(sources: &[(&str, &str, Option<&str>)]) -> Workspace {
        let mut ws = Workspace::new(Arc::new(Gazetteer::new(&[])));
        ws.extend(sources.iter().map(|(p, t, published)| {
            let given = published.map(|d| (DateValue::parse(d).expect("a date"), PublishedSource::Config));
            (p.to_string(), t.to_string(), given)
        }));
        ws
    }
}

#[cfg(test)]
mod tests {
    use super::test_support::workspace;
    use super::*;

    #[test]
    fn severities_and_off_come_from_settings() {
        let ws = workspace(&[("a", "في 30 فبراير 2021 وقع", None)]);
        let mut s = RuleSettings::default();
        assert_eq!(check(&ws, &s)[0].severity, Severity::Error);
        s.set("invalid-date", "info").unwrap();
        assert_eq!(check(&ws, &s)[0].severity, Severity::Info);
        s.set("invalid-date", "off").unwrap();
        assert!(check(&ws, &s).is_empty());
        assert!(s.set("no-such-rule", "off").unwrap_err().contains("unknown rule"));
        assert!(s.set("invalid-date", "loud").unwrap_err().contains("not one of"));
    }

    #[test]
    fn a_comment_silences_the_next_line() {
        let text = "<!-- tadqiq-disable-next-line invalid-date -->\nفي 30 فبراير 2021\nفي 31 نيسان 2021";
        let ws = workspace(&[("a.md", text, None)]);
        let found = check(&ws, &RuleSettings::default());
        assert_eq!(found.len(), 1);
        assert_eq!(quote(ws.doc("a.md").unwrap(), found[0].span), "31 نيسان 2021");
        let text = "<!-- tadqiq-disable-next-line -->\nفي 30 فبراير 2021";
        assert!(check(&workspace(&[("a.md", text, None)]), &RuleSettings::default()).is_empty());
        let text = "<!-- tadqiq-disable-next-line weekday-mismatch -->\nفي 30 فبراير 2021";
        assert_eq!(check(&workspace(&[("a.md", text, None)]), &RuleSettings::default()).len(), 1);
    }

    #[test]
    fn page_furniture_is_left_out_of_every_rule() {
        // 10 November 2021 was a Wednesday; 31 April does not exist.
        let prose = "أعلن الجيش الأحد 10 نوفمبر 2021 أنه انسحب، وفي 31 أبريل 2021 عاد.";
        let codes: Vec<_> =
            check(&workspace(&[("a", prose, None)]), &RuleSettings::default()).iter().map(|f| f.code).collect();
        assert_eq!(codes, ["weekday-mismatch", "invalid-date"]);
        // The same dates as a page's stamp and in a list of other articles.
        let page = "الأحد 10 نوفمبر 2021 09 : 12\nأعلن الجيش أنه انسحب.\nمقالات ذات صلة\nعودة القوات 31 أبريل 2021";
        let ws = workspace(&[("a", page, None)]);
        let doc = ws.doc("a").unwrap();
        let furniture = doc.analysis.mentions.iter().filter(|m| doc.analysis.in_furniture(m));
        assert_eq!(furniture.filter(|m| matches!(m.kind, crate::extract::MentionKind::Date(_))).count(), 2);
        assert!(check(&ws, &RuleSettings::default()).is_empty());
    }

    #[test]
    fn every_rule_explains_itself_with_an_example() {
        for r in RULES {
            assert!(r.explain.contains("Example"), "{}", r.code);
            assert!(!r.summary.is_empty());
        }
        assert_eq!(RULES.len(), 9);
    }
}
