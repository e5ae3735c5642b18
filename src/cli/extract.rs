//! `tadqiq extract`: every date, figure, duration and entity mention, for inspection.

use std::fmt;
use std::io::{self, Write};

use clap::{Args, ValueEnum};
use serde::Serialize;
use serde::ser::{SerializeMap, Serializer};
use serde_json::Value;

use super::{EXIT_OK, File, Range, Sources, finish_output, load};
use tadqiq_core::calendar::DateValue;
use tadqiq_core::entities::EntityMention;
use tadqiq_core::extract::{DateMention, Mention, MentionKind, Paired, Span};
use tadqiq_core::lexicon::Bound;
use tadqiq_core::workspace::{Doc, Workspace, par_map};

#[derive(Args, Debug)]
pub struct ExtractArgs {
    #[command(flatten)]
    sources: Sources,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    format: Format,
    /// Which mentions to list (repeat or separate with commas). Without `entity`, entities
    /// are not looked for at all, which more than doubles the speed. Default: all four.
    #[arg(long, value_enum, value_delimiter = ',', value_name = "KIND")]
    kind: Vec<Kind>,
}

#[derive(Clone, Copy, Debug, ValueEnum, PartialEq, Eq)]
enum Kind {
    Date,
    Figure,
    Duration,
    Entity,
}

/// The kinds of mention a run lists.
#[derive(Clone, Copy)]
struct Kinds {
    date: bool,
    figure: bool,
    duration: bool,
    entity: bool,
}

impl Kinds {
    fn given(kinds: &[Kind]) -> Kinds {
        let all = kinds.is_empty();
        let has = |k| all || kinds.contains(&k);
        Kinds {
            date: has(Kind::Date),
            figure: has(Kind::Figure),
            duration: has(Kind::Duration),
            entity: has(Kind::Entity),
        }
    }

    fn shows(&self, m: &Mention) -> bool {
        match m.kind {
            MentionKind::Date(_) => self.date,
            MentionKind::Figure(_) => self.figure,
            MentionKind::Duration(_) => self.duration,
        }
    }
}

#[derive(Clone, Copy, Debug, ValueEnum, PartialEq, Eq)]
enum Format {
    Text,
    Json,
}

pub fn run(args: ExtractArgs) -> u8 {
    let kinds = Kinds::given(&args.kind);
    let mut loaded = match load(args.sources, kinds.entity) {
        Ok(l) => l,
        Err(code) => return code,
    };
    let articles: Vec<Article> = loaded
        .files
        .iter()
        .filter_map(|f| Some(Article { file: f, doc: loaded.ws.doc(&f.path)?, ws: &loaded.ws, kinds }))
        .collect();
    let out = io::BufWriter::new(io::stdout().lock());
    let written = match args.format {
        Format::Json => write_json(out, &articles, &loaded.skipped),
        Format::Text => write_text(out, &articles),
    };
    drop(articles);
    match finish_output(written) {
        Ok(()) => {
            loaded.save_cache();
            EXIT_OK
        }
        Err(code) => code,
    }
}

/// An article as the output sees it: where it is, how its bytes sit on disk, what was found.
struct Article<'w> {
    file: &'w File,
    doc: &'w Doc,
    ws: &'w Workspace,
    kinds: Kinds,
}

/// One line of output: a claim (date, figure, duration) or an entity mention.
enum Item<'a> {
    Claim(&'a Mention),
    Entity(&'a EntityMention),
}

impl Item<'_> {
    fn span(&self) -> Span {
        match self {
            Item::Claim(m) => m.span,
            Item::Entity(e) => e.span,
        }
    }
}

impl Article<'_> {
    fn text(&self) -> &str {
        &self.doc.text
    }

    /// The claims and entities asked for, in text order.
    fn items(&self) -> Vec<Item<'_>> {
        let mut items: Vec<Item> =
            self.doc.analysis.mentions.iter().filter(|m| self.kinds.shows(m)).map(Item::Claim).collect();
        if self.kinds.entity {
            items.extend(self.doc.entities.iter().map(Item::Entity));
        }
        items.sort_by_key(|i| (i.span().start, i.span().end));
        items
    }

    fn range(&self, span: Span) -> Range {
        self.file.range(self.text(), span)
    }

    fn bytes(&self, span: Span) -> [usize; 2] {
        self.file.bytes(span)
    }

    fn slice(&self, span: Span) -> &str {
        &self.text()[span.start..span.end]
    }

    /// This article's entry in `files`, written straight from the analysis (no JSON tree).
    fn to_json(&self) -> serde_json::Result<Vec<u8>> {
        let published = self.doc.analysis.published;
        let entry = FileJson {
            path: &self.file.path,
            published: published.map(|p| Shown(p.0)),
            published_source: published.map(|p| p.1.as_str()),
            mentions: ItemsJson(self),
        };
        serde_json::to_vec(&entry)
    }
}

/// An article in the JSON output, fields in the order the README gives.
#[derive(Serialize)]
struct FileJson<'a> {
    path: &'a str,
    published: Option<Shown<DateValue>>,
    published_source: Option<&'static str>,
    mentions: ItemsJson<'a>,
}

/// An article's claims and entities, in text order.
struct ItemsJson<'a>(&'a Article<'a>);

impl Serialize for ItemsJson<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq(self.0.items().into_iter().map(|item| ItemJson { article: self.0, item }))
    }
}

/// One mention: `kind`, `text`, `bytes`, `range`, then what its kind carries.
struct ItemJson<'a> {
    article: &'a Article<'a>,
    item: Item<'a>,
}

impl Serialize for ItemJson<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let a = self.article;
        let span = self.item.span();
        let mut o = s.serialize_map(None)?;
        let kind = match &self.item {
            Item::Claim(m) => kind_name(m),
            Item::Entity(_) => "entity",
        };
        o.serialize_entry("kind", kind)?;
        o.serialize_entry("text", a.slice(span))?;
        o.serialize_entry("bytes", &a.bytes(span))?;
        o.serialize_entry("range", &a.range(span))?;
        if let Item::Claim(m) = &self.item
            && a.doc.analysis.in_furniture(m)
        {
            o.serialize_entry("furniture", &true)?;
        }
        match &self.item {
            Item::Claim(m) => match &m.kind {
                MentionKind::Date(d) => {
                    o.serialize_entry("value", &d.value.map(Shown))?;
                    o.serialize_entry("calendar", d.calendar.as_str())?;
                    o.serialize_entry("relative", &d.relative.is_some())?;
                    if let Some(w) = d.weekday {
                        o.serialize_entry("weekday", &w)?;
                    }
                    if let Some(p) = d.part {
                        o.serialize_entry("part", p.as_str())?;
                    }
                    if d.invalid {
                        o.serialize_entry("invalid", &true)?;
                    }
                    if let Some(p) = &d.paired {
                        o.serialize_entry("paired", &PairedJson { article: a, paired: p })?;
                    }
                }
                MentionKind::Figure(f) => {
                    o.serialize_entry("value", &NumberJson(f.value))?;
                    if let Some(upper) = f.upper {
                        o.serialize_entry("upper", &NumberJson(upper))?;
                    }
                    o.serialize_entry("approx", &f.approx())?;
                    o.serialize_entry("bound", f.bound.as_str())?;
                    o.serialize_entry("unit", &f.unit)?;
                }
                MentionKind::Duration(d) => {
                    o.serialize_entry("value", &d.iso())?;
                    o.serialize_entry("approx", &d.approx())?;
                    o.serialize_entry("bound", d.bound.as_str())?;
                }
            },
            Item::Entity(e) => {
                o.serialize_entry("id", &*e.id)?;
                o.serialize_entry("entity_kind", e.kind.as_str())?;
                o.serialize_entry("name", &a.ws.entity(&e.id).map(|x| x.name.as_str()))?;
            }
        }
        o.end()
    }
}

/// The other calendar's date written beside a date: «أغسطس/آب 2024», «(يوليو)».
struct PairedJson<'a> {
    article: &'a Article<'a>,
    paired: &'a Paired,
}

impl Serialize for PairedJson<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let (a, p) = (self.article, self.paired);
        let mut o = s.serialize_map(None)?;
        o.serialize_entry("text", a.slice(p.span))?;
        o.serialize_entry("bytes", &a.bytes(p.span))?;
        o.serialize_entry("range", &a.range(p.span))?;
        o.serialize_entry("value", &p.value.map(Shown))?;
        o.serialize_entry("calendar", p.calendar.as_str())?;
        if p.invalid {
            o.serialize_entry("invalid", &true)?;
        }
        o.end()
    }
}

fn kind_name(m: &Mention) -> &'static str {
    match m.kind {
        MentionKind::Date(_) => "date",
        MentionKind::Figure(_) => "figure",
        MentionKind::Duration(_) => "duration",
    }
}

/// A value written as its `Display` string, without building the string first.
struct Shown<T>(T);

impl<T: fmt::Display> Serialize for Shown<T> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(&self.0)
    }
}

/// A figure: an integer when it is one (and fits a double exactly), else a decimal.
struct NumberJson(f64);

impl Serialize for NumberJson {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let v = self.0;
        if v.fract() == 0.0 && v.abs() < 9.0e15 {
            s.serialize_i64(v as i64)
        } else if v.is_finite() {
            s.serialize_f64(v)
        } else {
            s.serialize_none()
        }
    }
}

/// Articles rendered on every core, a batch at a time, and written in order: a run over
/// thousands of articles never holds its whole output in memory.
fn write_json(mut out: impl Write, articles: &[Article], skipped: &[Value]) -> io::Result<()> {
    const BATCH: usize = 256;
    out.write_all(br#"{"version":1,"files":["#)?;
    for (b, batch) in articles.chunks(BATCH).enumerate() {
        for (k, rendered) in par_map(batch, Article::to_json).into_iter().enumerate() {
            if b > 0 || k > 0 {
                out.write_all(b",")?;
            }
            out.write_all(&rendered?)?;
        }
    }
    out.write_all(br#"],"skipped":"#)?;
    serde_json::to_writer(&mut out, skipped)?;
    out.write_all(b"}\n")
}

/// One mention per line: `path:line:col: kind «text» = value …`, line and column 1-based,
/// the column counted in characters.
fn write_text(mut out: impl Write, articles: &[Article]) -> io::Result<()> {
    for a in articles {
        let text = a.text();
        for item in a.items() {
            let span = item.span();
            let p = a.file.lines.position(text, span.start);
            let kind = match &item {
                Item::Claim(m) => kind_name(m),
                Item::Entity(_) => "entity",
            };
            write!(
                out,
                "{}:{}:{}: {:<8} «{}» = ",
                a.file.path,
                p.line + 1,
                p.chars + 1,
                kind,
                &text[span.start..span.end]
            )?;
            match item {
                Item::Claim(m) => match &m.kind {
                    MentionKind::Date(d) => write_date(&mut out, a, d)?,
                    MentionKind::Figure(f) => {
                        write!(out, "{}", f.amount())?;
                        if let Some(u) = &f.unit {
                            write!(out, " {u}")?;
                        }
                        if f.bound != Bound::Exact {
                            write!(out, " ({})", f.bound.as_str())?;
                        }
                    }
                    MentionKind::Duration(d) => {
                        write!(out, "{}", d.iso())?;
                        if d.approx() {
                            write!(out, " ({})", d.bound.as_str())?;
                        }
                    }
                },
                Item::Entity(e) => write!(out, "{} ({})", e.id, e.kind.as_str())?,
            }
            if let Item::Claim(m) = item
                && a.doc.analysis.in_furniture(m)
            {
                write!(out, " [furniture]")?;
            }
            writeln!(out)?;
        }
    }
    Ok(())
}

fn write_date(out: &mut impl Write, a: &Article, d: &DateMention) -> io::Result<()> {
    match d.value {
        Some(v) => write!(out, "{v}")?,
        None if d.invalid => write!(out, "no such date")?,
        None => write!(out, "unknown")?,
    }
    let mut notes = Vec::new();
    if matches!(d.relative, Some(tadqiq_core::extract::Relative::Same(_))) {
        notes.push(match d.value {
            Some(_) => "relative to the date before it".to_string(),
            None => "relative, no date before it".to_string(),
        });
    } else if d.relative.is_some() {
        notes.push(match a.doc.analysis.published {
            Some((p, source)) => format!("relative to {p}, {}", source.as_str()),
            None => "relative, no publication date".to_string(),
        });
    }
    if d.calendar == tadqiq_core::lexicon::Calendar::Hijri {
        notes.push("hijri".into());
    }
    if let Some(p) = &d.paired {
        let value = p.value.map_or_else(|| "no such date".to_string(), |v| v.to_string());
        notes.push(format!("paired «{}» = {value}", &a.text()[p.span.start..p.span.end]));
    }
    if !notes.is_empty() {
        write!(out, " ({})", notes.join("; "))?;
    }
    Ok(())
}
