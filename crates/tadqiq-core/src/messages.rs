//! What tadqiq says to people, in Arabic and English: diagnostic messages, hovers, code-action
//! titles, rule explanations, progress and summaries. The words live in one catalogue,
//! `data/messages.toml`, that a translator edits without touching code.
//!
//! A message is built language-neutral, as a [`Text`]: the catalogue's keys with their
//! arguments, article text quoted as it stands, dates as values. It becomes words only when
//! shown, in a [`Voice`]: a language, and the month names of the article it is about (a
//! Levantine article reads «كانون الثاني»، an Egyptian one «يناير»), so the rules never know
//! who reads them and a client that changes language needs no re-analysis.
//!
//! The encoding is a string, so the claim data that feeds messages (what a figure measures,
//! where it was counted) stays interned and small: `\u{2}key\u{1F}name=value…\u{3}` is a
//! catalogue entry with named arguments (values are encoded text themselves), `\u{1D}family.key
//! \u{1E}` a term of `[term.*]`. Article text is stripped of these five control characters
//! before it is quoted ([`verbatim`]); nothing else is escaped.

use std::borrow::Cow;
use std::collections::HashMap;
use std::fmt::Write;
use std::sync::OnceLock;

use crate::calendar::DateValue;

const OPEN: char = '\u{2}';
const CLOSE: char = '\u{3}';
const ARG: char = '\u{1F}';
const TERM: char = '\u{1D}';
const TERM_END: char = '\u{1E}';

/// The language of what tadqiq says.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Lang {
    Ar,
    #[default]
    En,
}

impl Lang {
    /// `ar` or `en` (and `ar-IQ`, `en_GB.UTF-8`: what a locale names first).
    pub fn parse(s: &str) -> Option<Lang> {
        let s = s.trim().to_ascii_lowercase();
        if s.starts_with("ar") {
            Some(Lang::Ar)
        } else if s.starts_with("en") {
            Some(Lang::En)
        } else {
            None
        }
    }

    /// From the environment's locale, as POSIX ranks it (`LC_ALL`, `LC_MESSAGES`, `LANG`): an
    /// Arabic locale gives Arabic, anything else English.
    pub fn from_env() -> Lang {
        Lang::from_locale(
            ["LC_ALL", "LC_MESSAGES", "LANG"].iter().find_map(|k| std::env::var(k).ok().filter(|v| !v.is_empty())),
        )
    }

    /// Arabic for an Arabic locale (`ar`, `ar-EG`, `ar_IQ.UTF-8`), else English.
    pub fn from_locale(locale: Option<String>) -> Lang {
        if locale.is_some_and(|l| l.trim().to_ascii_lowercase().starts_with("ar")) { Lang::Ar } else { Lang::En }
    }

    pub fn code(self) -> &'static str {
        match self {
            Lang::Ar => "ar",
            Lang::En => "en",
        }
    }

    pub fn dir(self) -> &'static str {
        match self {
            Lang::Ar => "rtl",
            Lang::En => "ltr",
        }
    }

    pub fn rtl(self) -> bool {
        self == Lang::Ar
    }

    /// A list separator: «، » in Arabic.
    pub fn comma(self) -> &'static str {
        match self {
            Lang::Ar => "، ",
            Lang::En => ", ",
        }
    }
}

/// Who is spoken to: a language, and the month names dates are written with (a tradition of
/// `data/months.tsv`: `egyptian`, `levantine`, `maghrebi`…; Egyptian when the article names no
/// month). Traditions are the language data's own strings.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct Voice {
    pub lang: Lang,
    pub months: Option<&'static str>,
}

impl From<Lang> for Voice {
    fn from(lang: Lang) -> Self {
        Voice { lang, months: None }
    }
}

/// A message not yet in words: see the module's documentation.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Text(Box<str>);

impl Text {
    /// The words in a language, or in a voice (an article's month names).
    pub fn render(&self, voice: impl Into<Voice>) -> String {
        render(&self.0, voice.into())
    }

    /// As [`Text::render`], the values it holds put into words once for all the messages
    /// rendered through `memo`.
    pub fn render_with(&self, voice: impl Into<Voice>, memo: &Memo) -> String {
        render_in(&self.0, voice.into(), Some(memo))
    }
}

/// A message's values already put into words, by voice and encoded text, shared by the
/// threads that render one run's messages. Many findings hold the same value: every claim of
/// a group that other sources contradict lists the same readings of the others (at 10,000
/// articles, 71,500 such values in 17,000 messages, 12,800 of them distinct). Only a message's
/// own values are kept, not the values inside them: O(distinct values) memory, for a run's
/// output; an editor's server, which renders as the user works, does not keep one.
#[derive(Default)]
pub struct Memo(std::sync::Mutex<rustc_hash::FxHashMap<Voice, Words>>);

/// Values' words by their encoded text, in one voice.
type Words = rustc_hash::FxHashMap<Box<str>, Box<str>>;

impl Memo {
    fn get(&self, voice: Voice, encoded: &str) -> Option<String> {
        let words = self.0.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
        words.get(&voice)?.get(encoded).map(|w| w.to_string())
    }

    fn put(&self, voice: Voice, encoded: &str, words: &str) {
        let mut map = self.0.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
        map.entry(voice).or_default().entry(encoded.into()).or_insert_with(|| words.into());
    }
}

impl From<String> for Text {
    fn from(s: String) -> Self {
        Text(s.into())
    }
}

/// A catalogue entry with its arguments, as encoded text: `msg("rule.x", &[("quote", q)])`.
/// Argument values are encoded text (from [`verbatim`], [`term`], [`date`], another `msg`).
pub fn msg(key: &str, args: &[(&str, &str)]) -> String {
    let mut out = String::with_capacity(key.len() + 2 + args.iter().map(|(n, v)| n.len() + v.len() + 2).sum::<usize>());
    out.push(OPEN);
    out.push_str(key);
    for (name, value) in args {
        out.push(ARG);
        out.push_str(name);
        out.push('=');
        out.push_str(value);
    }
    out.push(CLOSE);
    out
}

/// A message of its own: [`msg`] as a [`Text`].
pub fn text(key: &str, args: &[(&str, &str)]) -> Text {
    Text(msg(key, args).into())
}

/// Article text (or any text not written by tadqiq) as it is, safe to put in a message.
pub fn verbatim(s: &str) -> std::borrow::Cow<'_, str> {
    if mark(s, 0, |b| MARKS.contains(&b)) < s.len() {
        s.replace(|c: char| c.is_ascii() && MARKS.contains(&(c as u8)), "\u{FFFD}").into()
    } else {
        s.into()
    }
}

/// A word of the catalogue's `[term.FAMILY]` table: an incident, an event, a thing counted, a
/// kin role, what an amount is of. A key with `+` is either of its parts («killed or
/// injured»); one with `:` is the first of the second («the start of the battle»).
pub fn term(family: &str, key: &str) -> String {
    format!("{TERM}{family}.{key}{TERM_END}")
}

/// A date, written in the voice's language: ISO in English; in Arabic with the article's own
/// month names and ISO beside («5 كانون الثاني 2020 (2020-01-05)»).
pub fn date(v: &DateValue) -> String {
    msg("@date", &[("iso", &v.to_string())])
}

/// A Gregorian month (1–12): «February» in English; in Arabic as the article names months.
pub fn month(m: u8) -> String {
    msg("@month", &[("m", &m.to_string())])
}

/// A Gregorian month (1–12) as a number a reader of any tradition knows: «July» in English,
/// «الشهر 7» in Arabic (where «تموز» and «يوليو» are both the name).
pub fn month_number(m: u8) -> String {
    msg("@month-number", &[("m", &m.to_string())])
}

/// A weekday (ISO 1–7): «Friday (الجمعة)» in English, «الجمعة» in Arabic.
pub fn weekday(iso: u8) -> String {
    msg("@weekday", &[("d", &iso.to_string())])
}

/// A weekday as a value («Friday» in English).
pub fn day_name(iso: u8) -> String {
    msg("@day", &[("d", &iso.to_string())])
}

/// A Hijri date: «1441-05-10 AH», «10 جمادى الأولى 1441 هـ».
pub fn hijri(y: i32, m: u8, d: u8) -> String {
    msg("@hijri", &[("y", &y.to_string()), ("m", &m.to_string()), ("d", &d.to_string())])
}

/// Items joined as a sentence lists them: «a, b and c», «أ، ب وج».
pub fn list<S: AsRef<str>>(items: &[S]) -> String {
    let args: Vec<(&str, &str)> = items.iter().map(|s| ("item", s.as_ref())).collect();
    msg("@list", &args)
}

/// A catalogue entry with its arguments, in words: `fill(lang, "progress.done", &[("n", "3")])`.
pub fn fill(lang: Lang, key: &str, args: &[(&str, &str)]) -> String {
    render(&msg(key, args), lang.into())
}

/// A plain catalogue entry with no arguments, in a language.
pub fn say(lang: Lang, key: &str) -> &'static str {
    match catalogue().get(key) {
        Some(e) => e.forms(lang).other(),
        None => MISSING,
    }
}

/// What a key missing from the catalogue shows: a test of every message in both languages
/// catches it.
pub const MISSING: &str = "⟪missing message⟫";

/// One language's wording of an entry: one form, or plural forms chosen by the argument `n`
/// (CLDR's categories: zero, one, two, few, many, other).
#[derive(Debug)]
enum Forms {
    One(String),
    Plural(HashMap<String, String>),
}

impl Forms {
    fn other(&self) -> &str {
        match self {
            Forms::One(s) => s,
            Forms::Plural(p) => p.get("other").map_or(MISSING, String::as_str),
        }
    }

    fn choose(&self, lang: Lang, n: Option<u64>) -> &str {
        match (self, n) {
            (Forms::Plural(p), Some(n)) => p.get(plural(lang, n)).or_else(|| p.get("other")).map_or(MISSING, |s| s),
            _ => self.other(),
        }
    }
}

/// CLDR's plural category of `n` in a language.
fn plural(lang: Lang, n: u64) -> &'static str {
    match lang {
        Lang::En if n == 1 => "one",
        Lang::En => "other",
        Lang::Ar => match (n, n % 100) {
            (0, _) => "zero",
            (1, _) => "one",
            (2, _) => "two",
            (_, 3..=10) => "few",
            (_, 11..=99) => "many",
            _ => "other",
        },
    }
}

#[derive(Debug)]
struct Entry {
    en: Forms,
    ar: Forms,
}

impl Entry {
    fn forms(&self, lang: Lang) -> &Forms {
        match lang {
            Lang::En => &self.en,
            Lang::Ar => &self.ar,
        }
    }
}

/// Looked up for every message put into words (several times for one with arguments): hashed
/// with Fx, not SipHash; the keys are the catalogue's own.
static CATALOGUE: OnceLock<rustc_hash::FxHashMap<String, Entry>> = OnceLock::new();

fn catalogue() -> &'static rustc_hash::FxHashMap<String, Entry> {
    CATALOGUE.get_or_init(|| {
        let table: toml::Table =
            include_str!("../data/messages.toml").parse().expect("data/messages.toml is valid TOML");
        let mut out = rustc_hash::FxHashMap::default();
        flatten("", &table, &mut out);
        out
    })
}

/// Every entry of the catalogue is a table with `en` and `ar`; tables above them only group.
fn flatten(prefix: &str, table: &toml::Table, out: &mut rustc_hash::FxHashMap<String, Entry>) {
    let forms = |v: &toml::Value| -> Option<Forms> {
        match v {
            toml::Value::String(s) => Some(Forms::One(s.clone())),
            toml::Value::Table(t) => {
                Some(Forms::Plural(t.iter().filter_map(|(k, v)| Some((k.clone(), v.as_str()?.to_string()))).collect()))
            }
            _ => None,
        }
    };
    if let (Some(en), Some(ar)) = (table.get("en").and_then(forms), table.get("ar").and_then(forms)) {
        out.insert(prefix.to_string(), Entry { en, ar });
        return;
    }
    for (k, v) in table {
        if let toml::Value::Table(t) = v {
            let key = if prefix.is_empty() { k.clone() } else { format!("{prefix}.{k}") };
            flatten(&key, t, out);
        }
    }
}

/// The words of encoded text in a voice.
pub fn render(encoded: &str, voice: Voice) -> String {
    render_in(encoded, voice, None)
}

/// [`render`], its values looked up in `memo` and kept there.
fn render_in(encoded: &str, voice: Voice, memo: Option<&Memo>) -> String {
    if memchr::memchr2(OPEN as u8, TERM as u8, encoded.as_bytes()).is_none() {
        return encoded.to_string();
    }
    let mut pos = 0;
    let mut out = String::with_capacity(encoded.len() + 32);
    sequence(encoded, &mut pos, voice, false, memo, &mut out);
    out
}

/// Text up to the end of `src`, or (inside an entry) up to its next argument or its end.
/// With a `memo`, the values of the entries met at this level are looked up there first (and
/// kept there once put into words); the values inside them are not.
fn sequence(src: &str, pos: &mut usize, voice: Voice, nested: bool, memo: Option<&Memo>, out: &mut String) {
    while let Some(c) = src[*pos..].chars().next() {
        match c {
            ARG | CLOSE if nested => return,
            OPEN => {
                *pos += 1;
                let key_end = mark(src, *pos, |b| b == ARG as u8 || b == CLOSE as u8);
                let key = &src[*pos..key_end];
                *pos = key_end;
                let mut args: Vec<(&str, Cow<str>)> = Vec::new();
                while src[*pos..].starts_with(ARG) {
                    *pos += 1;
                    let eq = memchr::memchr(b'=', &src.as_bytes()[*pos..]).map_or(src.len(), |i| *pos + i);
                    let name = &src[*pos..eq];
                    *pos = (eq + 1).min(src.len());
                    // Plain text is its own words: most arguments (a quote, a value, a file's
                    // name) are borrowed as they stand, not copied.
                    let plain = mark(src, *pos, opens_or_ends);
                    let value = if plain == src.len() || src[plain..].starts_with([ARG, CLOSE]) {
                        let value = &src[*pos..plain];
                        *pos = plain;
                        Cow::Borrowed(value)
                    } else if let Some(memo) = memo {
                        let end = value_end(src, *pos);
                        let encoded = &src[*pos..end];
                        match memo.get(voice, encoded) {
                            Some(words) => {
                                *pos = end;
                                Cow::Owned(words)
                            }
                            None => {
                                let value = nested_value(src, pos, voice);
                                // Kept only if put into words from exactly these bytes (a
                                // damaged value can read past where its marks say it ends).
                                if *pos == end {
                                    memo.put(voice, encoded, &value);
                                }
                                Cow::Owned(value)
                            }
                        }
                    } else {
                        Cow::Owned(nested_value(src, pos, voice))
                    };
                    args.push((name, value));
                }
                if src[*pos..].starts_with(CLOSE) {
                    *pos += 1;
                }
                entry(key, &args, voice, out);
            }
            TERM => {
                *pos += 1;
                let end = memchr::memchr(TERM_END as u8, &src.as_bytes()[*pos..]).map_or(src.len(), |i| *pos + i);
                term_words(&src[*pos..end], voice.lang, out);
                *pos = (end + 1).min(src.len());
            }
            c => {
                // This character and the plain text after it, up to the next one that can mean
                // something here, at once (every one of them is ASCII: a byte search).
                let plain = mark(src, *pos + c.len_utf8(), opens_or_ends);
                out.push_str(&src[*pos..plain]);
                *pos = plain;
            }
        }
    }
}

/// An entry's value that holds entries or terms, in words, from `pos` to its end.
fn nested_value(src: &str, pos: &mut usize, voice: Voice) -> String {
    // Room for the rest of the message at once (a value is a part of it, give or take an
    // entry's words): grown a step at a time from empty, these were most of rendering's
    // allocations.
    let mut value = String::with_capacity((src.len() - *pos).min(256));
    sequence(src, pos, voice, true, None, &mut value);
    value
}

/// Where the value of an entry's argument that starts at `from` ends: at the first argument
/// mark or end of entry outside the entries it holds (and outside terms), else at the end.
fn value_end(src: &str, from: usize) -> usize {
    let bytes = src.as_bytes();
    let mut depth = 0usize;
    let mut at = from;
    loop {
        at = mark(src, at, |b| MARKS.contains(&b));
        let Some(&b) = bytes.get(at) else { return src.len() };
        match b as char {
            OPEN => depth += 1,
            CLOSE | ARG if depth == 0 => return at,
            CLOSE => depth -= 1,
            TERM => match memchr::memchr(TERM_END as u8, &bytes[at..]) {
                Some(i) => at += i,
                None => return src.len(),
            },
            _ => {}
        }
        at += 1;
    }
}

/// The bytes that mark encoded text: all ASCII control characters, so a byte found is a
/// character boundary.
const MARKS: [u8; 5] = [OPEN as u8, CLOSE as u8, ARG as u8, TERM as u8, TERM_END as u8];

/// Whether a byte starts an entry or a term, or ends an argument or an entry.
fn opens_or_ends(b: u8) -> bool {
    b == OPEN as u8 || b == CLOSE as u8 || b == ARG as u8 || b == TERM as u8
}

/// Where the first byte from `from` on that `wanted` accepts is (all of them control
/// characters), else the end of `src`. Sixteen bytes are passed over at once while none is a
/// control character: a message is mostly Arabic quoted from an article, which a search
/// character by character decoded one at a time.
fn mark(src: &str, from: usize, wanted: impl Fn(u8) -> bool) -> usize {
    let bytes = &src.as_bytes()[from..];
    let mut at = 0;
    while let Some(chunk) = bytes.get(at..at + 16) {
        if chunk.iter().fold(false, |any, &b| any | (b < 0x20)) {
            break;
        }
        at += 16;
    }
    bytes[at..].iter().position(|&b| wanted(b)).map_or(src.len(), |k| from + at + k)
}

fn arg<'a>(args: &'a [(&str, Cow<str>)], name: &str) -> &'a str {
    args.iter().find(|(n, _)| *n == name).map_or("", |(_, v)| &**v)
}

/// One entry in words: a built-in (`@date`, `@list`…) or the catalogue's template with its
/// `{name}` placeholders filled.
fn entry(key: &str, args: &[(&str, Cow<str>)], voice: Voice, out: &mut String) {
    let lang = voice.lang;
    match key {
        "@date" => date_words(arg(args, "iso"), voice, out),
        "@month" | "@month-number" => {
            let m = arg(args, "m").parse::<u8>().unwrap_or(0);
            match lang {
                Lang::En => {
                    out.push_str(crate::calendar::MONTH_NAMES.get((m as usize).wrapping_sub(1)).copied().unwrap_or(""))
                }
                Lang::Ar if key == "@month" => out.push_str(month_name(m, voice)),
                Lang::Ar => {
                    let _ = write!(out, "الشهر {m}");
                }
            }
        }
        "@weekday" | "@day" => {
            let d: usize = arg(args, "d").parse().unwrap_or(7);
            let i = d.clamp(1, 7) - 1;
            match (lang, key) {
                (Lang::Ar, _) => out.push_str(WEEKDAYS_AR[i]),
                (Lang::En, "@day") => out.push_str(WEEKDAYS_EN[i]),
                (Lang::En, _) => {
                    let _ = write!(out, "{} ({})", WEEKDAYS_EN[i], WEEKDAYS_AR[i]);
                }
            }
        }
        "@hijri" => {
            let (y, m, d) = (arg(args, "y"), arg(args, "m").parse::<u8>().unwrap_or(0), arg(args, "d"));
            match lang {
                Lang::En => {
                    let _ = write!(out, "{y}-{m:02}-{:02} AH", d.parse::<u8>().unwrap_or(0));
                }
                Lang::Ar => {
                    let name = crate::lexicon::LEXICON.hijri_months.iter().find(|(_, n)| *n == m).map_or("", |x| &x.0);
                    let _ = write!(out, "{d} {name} {y} هـ");
                }
            }
        }
        "@list" => {
            let items: Vec<&str> =
                args.iter().filter(|(n, _)| *n == "item").map(|(_, v)| &**v).filter(|v| !v.is_empty()).collect();
            let and = say(lang, "list.and");
            for (i, item) in items.iter().enumerate() {
                if i > 0 && i + 1 == items.len() {
                    out.push_str(and);
                    // «و» joins an Arabic word; before Latin script or a digit it stands apart.
                    if lang == Lang::Ar && !item.chars().next().is_some_and(is_arabic_or_quote) {
                        out.push(' ');
                    }
                } else if i > 0 {
                    out.push_str(lang.comma());
                }
                out.push_str(item);
            }
        }
        _ => {
            let Some(e) = catalogue().get(key) else {
                out.push_str(MISSING);
                return;
            };
            let n = args.iter().find(|(n, _)| *n == "n").and_then(|(_, v)| v.trim().parse::<u64>().ok());
            fill_template(e.forms(lang).choose(lang, n), args, out);
        }
    }
}

fn is_arabic_or_quote(c: char) -> bool {
    matches!(c, '\u{0600}'..='\u{06FF}' | '«')
}

/// A template with `{name}` replaced by its argument.
fn fill_template(template: &str, args: &[(&str, Cow<str>)], out: &mut String) {
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        let Some(close) = rest[open..].find('}').map(|c| open + c) else { break };
        out.push_str(&rest[..open]);
        let name = &rest[open + 1..close];
        match args.iter().find(|(n, _)| *n == name) {
            Some((_, v)) => out.push_str(v),
            None => out.push_str(&rest[open..=close]),
        }
        rest = &rest[close + 1..];
    }
    out.push_str(rest);
}

/// A term's words: `incident.blast`, `event.killed+injured`, `incident.start:battle`.
fn term_words(key: &str, lang: Lang, out: &mut String) {
    let (family, word) = key.split_once('.').unwrap_or(("", key));
    let one = |w: &str, out: &mut String| match catalogue().get(&format!("term.{family}.{w}")) {
        Some(e) => out.push_str(e.forms(lang).other()),
        // A word the catalogue lacks is shown as the data names it.
        None => out.push_str(w),
    };
    if catalogue().contains_key(&format!("term.{family}.{word}")) {
        one(word, out);
        return;
    }
    if let Some((first, second)) = word.split_once(':') {
        one(first, out);
        out.push_str(say(lang, "term.of"));
        one(second, out);
        return;
    }
    for (i, w) in word.split('+').enumerate() {
        if i > 0 {
            out.push_str(say(lang, "term.or"));
        }
        one(w, out);
    }
}

const WEEKDAYS_EN: [&str; 7] = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];
const WEEKDAYS_AR: [&str; 7] = ["الاثنين", "الثلاثاء", "الأربعاء", "الخميس", "الجمعة", "السبت", "الأحد"];

/// An ISO date (`2020-01-05`, `2020-01`, `2020`, `--07-26`, `2020-W02`) in words.
fn date_words(iso: &str, voice: Voice, out: &mut String) {
    let v = DateValue::parse(iso).or_else(|| month_day(iso));
    match (voice.lang, v) {
        (Lang::Ar, Some(v)) if v.month.is_some() && v.week.is_none() => {
            let name = month_name(v.month.unwrap_or(1), voice);
            if let Some(d) = v.day {
                let _ = write!(out, "{d} ");
            }
            out.push_str(name);
            if let Some(y) = v.year {
                let _ = write!(out, " {y}");
            }
            let _ = write!(out, " ({iso})");
        }
        _ => out.push_str(iso),
    }
}

/// A month's Arabic name in the voice's tradition (Egyptian when it has none, or the tradition
/// lacks the month).
fn month_name(m: u8, voice: Voice) -> &'static str {
    let lx = &crate::lexicon::LEXICON;
    lx.month_in(m, voice.months.unwrap_or("egyptian"))
        .or_else(|| lx.months.iter().find(|(_, n, _)| *n == m).map(|x| x.0.as_str()))
        .unwrap_or("")
}

/// `--MM-DD` and `--MM`, which [`DateValue::parse`] does not read.
fn month_day(iso: &str) -> Option<DateValue> {
    let rest = iso.strip_prefix("--")?;
    let mut parts = rest.split('-');
    let month: u8 = parts.next()?.parse().ok()?;
    let day: Option<u8> = parts.next().map(|d| d.parse()).transpose().ok()?;
    Some(DateValue { year: None, month: Some(month), day, week: None })
}

/// The month tradition an article writes in: the one most of its Gregorian month names belong
/// to (`None` when it names none).
pub fn tradition_of(doc: &crate::workspace::Doc) -> Option<&'static str> {
    use crate::extract::MentionKind;
    let lx = &crate::lexicon::LEXICON;
    let mut counts: Vec<(&'static str, usize)> = Vec::new();
    for m in &doc.analysis.mentions {
        let MentionKind::Date(d) = &m.kind else { continue };
        // A date with no month («عام 2014»، «أمس») names none.
        if d.calendar != crate::lexicon::Calendar::Gregorian || d.written.month.is_none() {
            continue;
        }
        // The month's own words where the grammar marked them, else the longest month name the
        // date's words hold («اليوم الخميس 9 كانون الأول 2021»).
        let found = match d.month_span {
            Some(at) => doc.text.get(at.start..at.end).and_then(|w| lx.month_named(w)).map(|(_, t)| t),
            // Digits and slashes alone («9/12/2021») hold no month name.
            None if doc.text.get(m.span.start..m.span.end).is_none_or(|w| w.is_ascii()) => None,
            None => {
                let written = crate::text::fold(doc.text.get(m.span.start..m.span.end).unwrap_or(""));
                lx.months_folded()
                    .filter(|(f, _)| written.contains(f))
                    .max_by_key(|(f, _)| (f.len(), *f))
                    .map(|(_, t)| t)
            }
        };
        let Some(t) = found else { continue };
        match counts.iter_mut().find(|(x, _)| *x == t) {
            Some(c) => c.1 += 1,
            None => counts.push((t, 1)),
        }
    }
    counts.iter().max_by_key(|(_, n)| *n).map(|(t, _)| *t)
}

/// The placeholders of an entry's wording in a language (all plural forms together).
#[cfg(test)]
fn placeholders(key: &str, lang: Lang) -> Vec<String> {
    let Some(e) = catalogue().get(key) else { return Vec::new() };
    let texts: Vec<&str> = match e.forms(lang) {
        Forms::One(s) => vec![s],
        Forms::Plural(p) => p.values().map(String::as_str).collect(),
    };
    let mut out: Vec<String> = Vec::new();
    for t in texts {
        let mut rest = t;
        while let Some(o) = rest.find('{') {
            let Some(c) = rest[o..].find('}') else { break };
            out.push(rest[o + 1..o + c].to_string());
            rest = &rest[o + c + 1..];
        }
    }
    out.sort();
    out.dedup();
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_entry_has_both_languages_with_the_same_placeholders() {
        let cat = catalogue();
        assert!(cat.len() > 100, "{} entries", cat.len());
        for key in cat.keys() {
            let (en, ar) = (placeholders(key, Lang::En), placeholders(key, Lang::Ar));
            // A plural form may leave out the number it is chosen by («مصدران»).
            let ar_missing: Vec<_> = en.iter().filter(|p| *p != "n" && !ar.contains(p)).collect();
            assert!(ar_missing.is_empty(), "{key}: Arabic lacks {ar_missing:?}");
            assert!(ar.iter().all(|p| en.contains(p)), "{key}: Arabic has {ar:?}, English {en:?}");
            for lang in [Lang::En, Lang::Ar] {
                assert_ne!(cat[key].forms(lang).other(), MISSING, "{key} has no `other` form in {lang:?}");
            }
        }
    }

    #[test]
    fn entries_nest_and_fill_in_either_language() {
        let q = verbatim("30 فبراير 2021").into_owned();
        let t = text("test.nested", &[("quote", &q), ("when", &date(&DateValue::parse("2021-02-28").unwrap()))]);
        assert_eq!(t.render(Lang::En), "«30 فبراير 2021»: not 2021-02-28.");
        assert_eq!(t.render(Lang::Ar), "«30 فبراير 2021»: ليس 28 فبراير 2021 (2021-02-28).");
        let levant = Voice { lang: Lang::Ar, months: Some("levantine") };
        assert_eq!(t.render(levant), "«30 فبراير 2021»: ليس 28 شباط 2021 (2021-02-28).");
    }

    #[test]
    fn plurals_follow_each_language() {
        let n = |n: u64, lang| text("test.sources", &[("n", &n.to_string())]).render(lang);
        assert_eq!([n(1, Lang::En), n(2, Lang::En), n(11, Lang::En)], ["1 source", "2 sources", "11 sources"]);
        assert_eq!(
            [n(1, Lang::Ar), n(2, Lang::Ar), n(3, Lang::Ar), n(11, Lang::Ar), n(100, Lang::Ar)],
            ["مصدر واحد", "مصدران", "3 مصادر", "11 مصدرا", "100 مصدر"]
        );
    }

    #[test]
    fn lists_terms_weekdays_and_hijri_dates() {
        let l = list(&["a.txt", "b.txt", "«ج»"]);
        assert_eq!(render(&l, Lang::En.into()), "a.txt, b.txt and «ج»");
        assert_eq!(render(&l, Lang::Ar.into()), "a.txt، b.txt و«ج»");
        assert_eq!(render(&list(&["a.txt", "b.txt"]), Lang::Ar.into()), "a.txt و b.txt");
        assert_eq!(render(&term("incident", "start:battle"), Lang::En.into()), "start of the battle");
        assert_eq!(render(&term("event", "killed+injured"), Lang::En.into()), "killed or injured");
        assert_eq!(render(&term("event", "killed+injured"), Lang::Ar.into()), "القتلى أو الجرحى");
        assert_eq!(render(&weekday(5), Lang::En.into()), "Friday (الجمعة)");
        assert_eq!(render(&weekday(5), Lang::Ar.into()), "الجمعة");
        assert_eq!(render(&hijri(1441, 5, 10), Lang::En.into()), "1441-05-10 AH");
        assert_eq!(render(&hijri(1441, 5, 10), Lang::Ar.into()), "10 جمادى الأولى 1441 هـ");
        assert_eq!(render(&date(&DateValue::parse("2020").unwrap()), Lang::Ar.into()), "2020");
        let md = DateValue { year: None, month: Some(7), day: Some(26), week: None };
        assert_eq!(render(&date(&md), Lang::Ar.into()), "26 يوليو (--07-26)");
    }

    #[test]
    fn values_put_into_words_once_read_as_they_did() {
        let when = |iso| date(&DateValue::parse(iso).unwrap());
        let levant = Voice { lang: Lang::Ar, months: Some("levantine") };
        let memo = Memo::default();
        let values =
            [list(&[when("2021-02-28"), "b.txt".into()]), when("2021-01-05"), list(&[term("event", "killed")])];
        for round in 0..2 {
            for value in &values {
                let t = text("test.nested", &[("quote", "ق"), ("when", value)]);
                for voice in [Lang::En.into(), Lang::Ar.into(), levant] {
                    assert_eq!(t.render_with(voice, &memo), t.render(voice), "round {round}, {voice:?}");
                }
            }
        }
        // Kept per voice: the same value in another month names is another entry.
        let kept = memo.0.lock().unwrap();
        assert_eq!(kept.len(), 3);
        assert!(kept.values().all(|v| v.len() == values.len()));
        assert_eq!(kept[&levant][&*values[1]].as_ref(), "5 كانون الثاني 2021 (2021-01-05)");
    }

    #[test]
    fn a_value_ends_where_its_marks_say() {
        let inner = text("test.nested", &[("quote", "x"), ("when", &list(&["a", "b"]))]);
        let outer = msg("test.nested", &[("quote", "q"), ("when", &inner.0), ("more", "z")]);
        let from = outer.find("when=").unwrap() + 5;
        assert_eq!(&outer[from..value_end(&outer, from)], &*inner.0);
        // Damaged: a value with no end runs to the end of the text, and is never kept.
        let cut = &outer[..outer.len() - 9];
        assert_eq!(value_end(cut, from), cut.len());
        let memo = Memo::default();
        assert_eq!(render_in(cut, Lang::En.into(), Some(&memo)), render(cut, Lang::En.into()));
        let term_cut = "\u{2}test.nested\u{1F}when=\u{1D}event.kil";
        assert_eq!(value_end(term_cut, term_cut.find('=').unwrap() + 1), term_cut.len());
        let _ = render_in(term_cut, Lang::En.into(), Some(&memo));
    }

    #[test]
    fn article_text_cannot_forge_a_message() {
        let planted = "«\u{2}rule\u{1F}x=\u{3}»";
        assert_eq!(render(&verbatim(planted), Lang::En.into()), "«\u{FFFD}rule\u{FFFD}x=\u{FFFD}»");
        // Truncated encodings end the text, never panic.
        for cut in ["\u{2}", "\u{2}test.nested\u{1F}", "\u{2}test.nested\u{1F}quote", "\u{1D}term"] {
            let _ = render(cut, Lang::Ar.into());
        }
    }

    #[test]
    fn locales() {
        assert_eq!(Lang::from_locale(Some("ar_IQ.UTF-8".into())), Lang::Ar);
        assert_eq!(Lang::from_locale(Some("C.UTF-8".into())), Lang::En);
        assert_eq!(Lang::from_locale(None), Lang::En);
        assert_eq!(Lang::parse("AR"), Some(Lang::Ar));
        assert_eq!(Lang::parse("fr"), None);
    }
}
