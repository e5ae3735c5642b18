//! The consistency rules. Each rule code (README, "Rules") lives in the file of its name, with
//! its tests; its summary, `explain` text and messages are entries of the message catalogue
//! (`data/messages.toml`, [`crate::messages`]), in Arabic and English. This module runs them
//! over a workspace and applies the user's severities and suppressions.

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
use crate::messages::{Lang, Text};
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
    pub message: Text,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Finding {
    pub path: Arc<str>,
    pub span: Span,
    pub code: &'static str,
    pub severity: Severity,
    /// In words only when shown: [`Text::render`] in the reader's language, or
    /// [`Finding::say`] in the article's own month names.
    pub message: Text,
    pub related: Vec<Related>,
}

impl Finding {
    /// A finding of `rule` at its default severity (the user's is applied by [`check`]).
    pub(crate) fn of(rule: &Rule, path: &str, span: Span, message: String, related: Vec<Related>) -> Finding {
        Finding { path: path.into(), span, code: rule.code, severity: rule.default, message: message.into(), related }
    }

    /// The message in `lang`, its dates in the month names of the article it is in.
    pub fn say(&self, ws: &Workspace, lang: crate::messages::Lang) -> String {
        self.message.render(ws.voice(lang, &self.path))
    }

    /// [`Finding::say`] for one of many messages a run shows: the values messages share are
    /// put into words once ([`crate::messages::Memo`]).
    pub fn say_with(&self, ws: &Workspace, lang: crate::messages::Lang, memo: &crate::messages::Memo) -> String {
        self.message.render_with(ws.voice(lang, &self.path), memo)
    }
}

impl Related {
    pub(crate) fn new(path: &str, span: Span, message: String) -> Related {
        Related { path: path.into(), span, message: message.into() }
    }

    /// The note in `lang`, its dates in the month names of the article it points into.
    pub fn say(&self, ws: &Workspace, lang: crate::messages::Lang) -> String {
        self.message.render(ws.voice(lang, &self.path))
    }
}

/// A rule: its stable code, what it flags by default, and how it checks.
pub struct Rule {
    pub code: &'static str,
    pub default: Severity,
    pub check: fn(&Workspace, Scope, &mut Vec<Finding>),
}

/// Where each rule's page lives: `docs/rules/CODE.md` of the repository.
pub const DOCS_URL: &str = "https://github.com/tadqiq/tadqiq/blob/main/docs/rules/";

impl Rule {
    /// One line for listings and SARIF's short description (`rule.CODE.summary` of the
    /// message catalogue).
    pub fn summary(&self, lang: Lang) -> &'static str {
        crate::messages::say(lang, &format!("rule.{}.summary", self.code))
    }

    /// What `tadqiq explain CODE` prints: what it checks, why, and an example
    /// (`rule.CODE.explain`).
    pub fn explain(&self, lang: Lang) -> &'static str {
        crate::messages::say(lang, &format!("rule.{}.explain", self.code))
    }

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
            capitalised(self.summary(Lang::En)),
            self.explain(Lang::En).trim_end(),
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

impl<'s> Scope<'s> {
    pub fn includes(self, path: &str) -> bool {
        match self {
            Scope::All => true,
            Scope::Only(paths) => paths.contains(path),
        }
    }

    /// The sources of `ws` it names, in path order: for a few, without walking the workspace.
    pub fn docs<'w: 's>(self, ws: &'w Workspace) -> Vec<(&'s str, &'w Doc)> {
        match self {
            Scope::All => ws.docs().collect(),
            Scope::Only(paths) => {
                let mut found: Vec<(&str, &Doc)> =
                    paths.iter().filter_map(|p| Some((p.as_str(), ws.doc(p)?))).collect();
                found.sort_unstable_by_key(|(p, _)| *p);
                found
            }
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
    let on: Vec<(&Rule, Severity)> = RULES.iter().filter_map(|r| Some((r, settings.level(r)?))).collect();
    let run = |&(rule, level): &(&Rule, Severity)| {
        let mut found = Vec::new();
        (rule.check)(ws, scope, &mut found);
        found.iter_mut().for_each(|f| f.severity = level);
        found
    };
    let found: Vec<Vec<Finding>> = match scope {
        // Over a whole workspace the rules share the cores, the costliest taken first; the
        // claim keys they read are made first, on every core. A few sources (an edit in the
        // server, which answers on several threads already): one after the other.
        Scope::All => {
            crate::claims::key_every_source(ws);
            let mut queue: Vec<usize> = (0..on.len()).collect();
            queue.sort_by_key(|&k| costliest_first(on[k].0));
            let done = crate::workspace::par_queue(&queue, |&k| run(&on[k]));
            let mut by_rule: Vec<(usize, Vec<Finding>)> = queue.into_iter().zip(done).collect();
            by_rule.sort_by_key(|(k, _)| *k);
            by_rule.into_iter().map(|(_, f)| f).collect()
        }
        Scope::Only(_) => on.iter().map(run).collect(),
    };
    // In the order of the rules, whichever finished first.
    let mut all: Vec<Finding> = found.into_iter().flatten().collect();
    all.sort_by(|a, b| (&a.path, a.span.start, a.code).cmp(&(&b.path, b.span.start, b.code)));
    // Each article's suppression comments, read once for the run of its findings (over a
    // whole workspace, on every core: a look through each text with findings).
    let mut with_findings: Vec<&Arc<str>> = all.iter().map(|f| &f.path).collect();
    with_findings.dedup();
    let suppressions: Vec<Option<suppress::Suppressions>> = match scope {
        Scope::All => crate::workspace::par_map(&with_findings, |path| ws.doc(path).map(suppress::Suppressions::of)),
        Scope::Only(_) => with_findings.iter().map(|path| ws.doc(path).map(suppress::Suppressions::of)).collect(),
    };
    drop(with_findings);
    let mut source = 0;
    let keep: Vec<bool> = (0..all.len())
        .map(|k| {
            let f = &all[k];
            if k > 0 && all[k - 1].path != f.path {
                source += 1;
            }
            suppressions[source].as_ref().is_none_or(|s| !s.silences(f.code, f.span))
        })
        .collect();
    let mut keep = keep.into_iter();
    all.retain(|_| keep.next().unwrap_or(true));
    all.dedup_by(|a, b| a.path == b.path && a.span == b.span && a.code == b.code);
    all
}

/// Where a rule stands in the queue of a whole workspace's check: the rules that compare
/// every source's claims or names first (at 10,000 articles, 100 to 150 ms each, where a
/// rule that reads one source at a time takes 2 to 15 ms), so that the last to finish is a
/// short one.
fn costliest_first(rule: &Rule) -> usize {
    let costly =
        [date_conflict::RULE.code, figure_conflict::RULE.code, name_variant::RULE.code, duration_mismatch::RULE.code];
    costly.iter().position(|c| *c == rule.code).unwrap_or(costly.len())
}

/// The text of a span in a source, for messages ([`crate::messages::verbatim`]).
pub(crate) fn quote(doc: &Doc, span: Span) -> std::borrow::Cow<'_, str> {
    crate::messages::verbatim(doc.text.get(span.start..span.end).unwrap_or(""))
}

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
        run_in(rule, crate::messages::Lang::En, sources)
    }

    /// As [`run`], the messages in `lang`.
    pub fn run_in(rule: &Rule, lang: crate::messages::Lang, sources: &[(&str, &str, Option<&str>)]) -> Vec<String> {
        let ws = workspace(sources);
        let mut found = Vec::new();
        (rule.check)(&ws, Scope::All, &mut found);
        found.sort_by(|a, b| (&a.path, a.span.start).cmp(&(&b.path, b.span.start)));
        // The findings for one source alone (the language server's, from the claim index)
        // are the whole check's for it.
        for (path, _, _) in sources {
            let only: std::collections::HashSet<String> = [path.to_string()].into();
            let mut scoped = Vec::new();
            (rule.check)(&ws, Scope::Only(&only), &mut scoped);
            scoped.sort_by(|a, b| (a.span.start, a.code).cmp(&(b.span.start, b.code)));
            let mut whole: Vec<&Finding> = found.iter().filter(|f| &*f.path == *path).collect();
            whole.sort_by(|a, b| (a.span.start, a.code).cmp(&(b.span.start, b.code)));
            assert_eq!(scoped.iter().collect::<Vec<_>>(), whole, "{} alone", path);
        }
        found
            .iter()
            .map(|f| {
                // Every message opens by quoting exactly the finding's span.
                let quoted = format!("«{}»", quote(ws.doc(&f.path).unwrap(), f.span));
                let message = f.say(&ws, lang);
                assert!(message.starts_with(&quoted), "{message} does not open with {quoted}");
                assert!(!message.contains(crate::messages::MISSING) && !message.contains('\u{2}'), "{message}");
                for r in &f.related {
                    let note = r.say(&ws, lang);
                    assert!(!note.is_empty() && !note.contains(crate::messages::MISSING), "{note:?}");
                }
                format!("{} {message}", f.path)
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
            assert!(r.explain(Lang::En).contains("Example"), "{}", r.code);
            assert!(r.explain(Lang::Ar).contains("مثال"), "{}", r.code);
            assert!(r.explain(Lang::Ar).starts_with(r.code), "{}", r.code);
            for lang in [Lang::En, Lang::Ar] {
                assert_ne!(r.summary(lang), crate::messages::MISSING, "{}", r.code);
                assert_ne!(r.explain(lang), crate::messages::MISSING, "{}", r.code);
            }
        }
        assert_eq!(RULES.len(), 9);
    }
}

#[cfg(test)]
mod in_arabic {
    //! Every rule's message in Arabic and in English, on sentences written for these tests:
    //! dates in the article's own month names with ISO beside, weekdays and Hijri months in
    //! Arabic, sources and quotes as written.

    use super::test_support::run_in;
    use super::*;
    use crate::messages::Lang::{Ar, En};

    type Sources<'a> = Vec<(&'a str, &'a str, Option<&'a str>)>;

    fn both(code: &str, sources: Sources) -> (Vec<String>, Vec<String>) {
        let rule = rule(code).expect("a rule");
        (run_in(rule, En, &sources), run_in(rule, Ar, &sources))
    }

    #[test]
    fn dates_that_do_not_exist() {
        let (en, ar) =
            both("invalid-date", vec![("a", "في 29 شباط 2021 وفي 30 شوال 1442 هـ وفي 12/13/2021 و31 نيسان", None)]);
        assert_eq!(
            en,
            [
                "a «29 شباط 2021» does not exist: February 2021 has 28 days.",
                "a «30 شوال 1442 هـ» does not exist: شوال 1442 had 29 days (Umm al-Qura).",
                "a «12/13/2021» does not exist: there is no month 13.",
                "a «31 نيسان» does not exist: April never has more than 30 days.",
            ]
        );
        assert_eq!(
            ar,
            [
                "a «29 شباط 2021» تاريخ لا وجود له: شباط 2021 لا يتجاوز 28 يوما.",
                "a «30 شوال 1442 هـ» تاريخ لا وجود له: شوال 1442 كان 29 يوما (تقويم أم القرى).",
                "a «12/13/2021» تاريخ لا وجود له: لا يوجد شهر رقمه 13.",
                "a «31 نيسان» تاريخ لا وجود له: نيسان لا يتجاوز 30 يوما في أي عام.",
            ]
        );
        // An Egyptian article's February is «فبراير».
        let (_, ar) = both("invalid-date", vec![("a", "أعلنت الوزارة في 30 فبراير 2021 عن", None)]);
        assert_eq!(ar, ["a «30 فبراير 2021» تاريخ لا وجود له: فبراير 2021 لا يتجاوز 28 يوما."]);
    }

    #[test]
    fn paired_forms() {
        let (en, ar) = both(
            "calendar-mismatch",
            vec![("a", "في 26 تموز (يونيو) اتفقا، وفي 15 رمضان 1442 هـ (27 مايو 2021)", None)],
        );
        assert_eq!(
            en,
            [
                "a «26 تموز (يونيو)» pairs two different months: تموز is July, يونيو is June.",
                "a «15 رمضان 1442 هـ (27 مايو 2021)»: the Hijri date is 2021-04-27 (Umm al-Qura), but the stated \
                 equivalent is 2021-05-27, 30 days later.",
            ]
        );
        assert_eq!(
            ar,
            [
                "a «26 تموز (يونيو)» يقرن شهرين مختلفين: تموز هو الشهر 7، و«يونيو» هو الشهر 6.",
                "a «15 رمضان 1442 هـ (27 مايو 2021)»: بحسب تقويم أم القرى يوافق التاريخ الهجري 27 نيسان 2021 \
                 (2021-04-27)، لكن المقابل المذكور 27 أيار 2021 (2021-05-27)، أي 30 يوما بعده.",
            ]
        );
    }

    #[test]
    fn weekdays() {
        let (en, ar) = both("weekday-mismatch", vec![("a", "أعلن الجيش الخميس 10 كانون الأول 2021 انتهاء مهمته", None)]);
        assert_eq!(en, ["a «الخميس 10 كانون الأول 2021»: 2021-12-10 was a Friday (الجمعة), not a Thursday (الخميس)."]);
        assert_eq!(
            ar,
            ["a «الخميس 10 كانون الأول 2021»: يوافق 10 كانون الأول 2021 (2021-12-10) يوم الجمعة، لا يوم الخميس."]
        );
    }

    #[test]
    fn relative_dates() {
        let (en, ar) = both("relative-date-mismatch", vec![("a", "وقال أمس (الثلاثاء) إن", Some("2021-12-09"))]);
        assert_eq!(
            en,
            [
                "a «أمس (الثلاثاء)»: published 2021-12-09, yesterday is 2021-12-08, a Wednesday (الأربعاء), not a Tuesday (الثلاثاء)."
            ]
        );
        assert_eq!(
            ar,
            [
                "a «أمس (الثلاثاء)»: المقال منشور في 9 ديسمبر 2021 (2021-12-09)، وأمس هو 8 ديسمبر 2021 (2021-12-08)، يوم الأربعاء لا الثلاثاء."
            ]
        );
        let (_, ar) =
            both("relative-date-mismatch", vec![("a", "بغداد - اليوم الخميس 9 كانون الأول 2021", Some("2021-12-10"))]);
        assert_eq!(
            ar,
            [
                "a «اليوم الخميس 9 كانون الأول 2021» يجعل اليوم 9 كانون الأول 2021 (2021-12-09)، لكن المقال منشور في 10 كانون \
              الأول 2021 (2021-12-10) (tadqiq.toml)."
            ]
        );
        let (_, ar) = both("relative-date-mismatch", vec![("a", "وكان العام الماضي 2019 قد شهد", Some("2021-06-01"))]);
        assert_eq!(ar, ["a «العام الماضي 2019»: المقال منشور في 1 يونيو 2021 (2021-06-01)، فالمقصود 2020 لا 2019."]);
    }

    #[test]
    fn elapsed_years() {
        let text = "18 عاما من الغزو الأمريكي للعراق عام 2003 انتهت بالانسحاب";
        let (en, ar) = both("duration-mismatch", vec![("a", text, Some("2025-03-01"))]);
        assert_eq!(en, ["a «18 عاما» (18 years): from 2003 to this article's 2025 is 22 years."]);
        assert_eq!(ar, ["a «18 عاما» (18 عاما): من 2003 إلى 2025، عام نشر المقال، 22 عاما."]);
    }

    #[test]
    fn parts_and_wholes() {
        let text = "ينتشر 3000 جندي، بينهم 3500 أمريكي في البلاد. قتل 10 أشخاص، من بينهم 6 أطفال و5 نساء.";
        let (en, ar) = both("part-exceeds-whole", vec![("a", text, None)]);
        assert_eq!(
            en,
            [
                "a «3500 أمريكي» is more than the whole it belongs to, «3000 جندي».",
                "a «10 أشخاص» is less than its parts: «6 أطفال» + «5 نساء» add up to 11.",
            ]
        );
        assert_eq!(
            ar,
            [
                "a «3500 أمريكي» أكبر من المجموع الذي هو جزء منه، «3000 جندي».",
                "a «10 أشخاص» أقل من مجموع أجزائه: «6 أطفال» + «5 نساء» مجموعها 11.",
            ]
        );
    }

    #[test]
    fn spellings() {
        let a = "قالت وزيرة الخارجية الفرنسية آنيس روماتيه إن باريس تدعم الحوار.";
        let b = "وصرحت أنييس روماتيه بأن فرنسا لن تتراجع.";
        let (en, ar) = both("name-variant", vec![("a.txt", a, None), ("b.txt", b, None)]);
        assert_eq!(en, ["b.txt «أنييس روماتيه» is spelled «آنيس روماتيه» in a.txt."]);
        assert_eq!(ar, ["b.txt «أنييس روماتيه» يُكتب «آنيس روماتيه» في a.txt."]);
    }

    #[test]
    fn conflicting_figures_and_dates() {
        let a = "قتل 12 شخصا وأصيب 40 آخرون في انفجار سيارة مفخخة في سوق بلدة الكرامة صباح الاثنين.";
        let b = "أسفر الانفجار الذي هز سوق بلدة الكرامة عن سقوط 12 قتيلا و45 جريحا.";
        let (en, ar) = both("figure-conflict", vec![("a.txt", a, None), ("b.txt", b, None)]);
        assert_eq!(
            en[0],
            "a.txt «40 آخرون» (40) disagrees with 1 other source: 45 in b.txt. Compared: injured in «الكرامة»."
        );
        assert_eq!(ar[0], "a.txt «40 آخرون» (40) يخالف مصدرا آخر: 45 في b.txt. وجه المقارنة: الجرحى في «الكرامة».");
        let a = "وصوّت مجلس النواب العراقي في 5 يناير 2020 على إنهاء وجود القوات الأجنبية بعد مقتل قاسم سليماني.";
        let b = "وكان مجلس النواب العراقي قد صوت في 5 جانفي 2020 على القرار إثر اغتيال قاسم سليماني.";
        let c = "مجلس النواب العراقي في كانون الثاني 1998، عقب اغتيال قاسم سليماني، صوت على القرار.";
        let (en, ar) = both("date-conflict", vec![("a.txt", a, None), ("b.txt", b, None), ("c.txt", c, None)]);
        assert_eq!(
            en,
            ["c.txt «كانون الثاني 1998» (1998-01) disagrees with 2 other sources: 2020-01-05 in a.txt and b.txt. \
              Compared: the date beside «مجلس النواب العراقي», with «قاسم سليماني» in both sentences."]
        );
        // The other sources' date in the flagged article's month names: it is Levantine.
        assert_eq!(
            ar,
            [
                "c.txt «كانون الثاني 1998» (1998-01) يخالف مصدرين آخرين: 5 كانون الثاني 2020 (2020-01-05) في a.txt و b.txt. \
              وجه المقارنة: التاريخ المذكور بجانب «مجلس النواب العراقي»، مع ورود «قاسم سليماني» في الجملتين."
            ]
        );
    }
}
