//! `tadqiq extract`: every date, figure, duration and entity mention, for inspection.

use std::io::{self, Write};

use clap::{Args, ValueEnum};
use serde_json::{Value, json};

use super::{EXIT_OK, File, Sources, finish_output, load, lsp_range};
use crate::calendar::DateValue;
use crate::entities::EntityMention;
use crate::extract::{DateMention, Mention, MentionKind, Span, format_number};
use crate::workspace::{Doc, Workspace};

#[derive(Args, Debug)]
pub struct ExtractArgs {
    #[command(flatten)]
    sources: Sources,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    format: Format,
}

#[derive(Clone, Copy, Debug, ValueEnum, PartialEq, Eq)]
enum Format {
    Text,
    Json,
}

pub fn run(args: ExtractArgs) -> u8 {
    let loaded = match load(args.sources) {
        Ok(l) => l,
        Err(code) => return code,
    };
    let articles: Vec<Article> = loaded
        .files
        .iter()
        .filter_map(|f| Some(Article { file: f, doc: loaded.ws.doc(&f.path)?, ws: &loaded.ws }))
        .collect();
    let out = io::BufWriter::new(io::stdout().lock());
    let written = match args.format {
        Format::Json => write_json(out, &articles, &loaded.skipped),
        Format::Text => write_text(out, &articles),
    };
    match finish_output(written) {
        Ok(()) => EXIT_OK,
        Err(code) => code,
    }
}

/// An article as the output sees it: where it is, how its bytes sit on disk, what was found.
struct Article<'w> {
    file: &'w File,
    doc: &'w Doc,
    ws: &'w Workspace,
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

    /// Claims and entities in text order.
    fn items(&self) -> Vec<Item<'_>> {
        let mut items: Vec<Item> = self.doc.analysis.mentions.iter().map(Item::Claim).collect();
        items.extend(self.doc.entities.iter().map(Item::Entity));
        items.sort_by_key(|i| (i.span().start, i.span().end));
        items
    }

    fn range(&self, span: Span) -> Value {
        let text = self.text();
        lsp_range(self.file.lines.position(text, span.start), self.file.lines.position(text, span.end))
    }

    fn bytes(&self, span: Span) -> [usize; 2] {
        self.file.bytes(span)
    }

    fn mention_json(&self, m: &Mention) -> Value {
        let mut v = json!({
            "kind": kind_name(m),
            "text": &self.text()[m.span.start..m.span.end],
            "bytes": self.bytes(m.span),
            "range": self.range(m.span),
        });
        let o = v.as_object_mut().expect("an object");
        match &m.kind {
            MentionKind::Date(d) => {
                o.insert("value".into(), date_json(d.value));
                o.insert("calendar".into(), d.calendar.as_str().into());
                o.insert("relative".into(), d.relative.is_some().into());
                if let Some(w) = d.weekday {
                    o.insert("weekday".into(), w.into());
                }
                if let Some(p) = d.part {
                    o.insert("part".into(), p.as_str().into());
                }
                if d.invalid {
                    o.insert("invalid".into(), true.into());
                }
                if let Some(p) = &d.paired {
                    let mut pj = json!({
                        "text": &self.text()[p.span.start..p.span.end],
                        "bytes": self.bytes(p.span),
                        "range": self.range(p.span),
                        "value": date_json(p.value),
                        "calendar": p.calendar.as_str(),
                    });
                    if p.invalid {
                        pj["invalid"] = true.into();
                    }
                    o.insert("paired".into(), pj);
                }
            }
            MentionKind::Figure(f) => {
                o.insert("value".into(), number_json(f.value));
                o.insert("approx".into(), f.approx().into());
                o.insert("bound".into(), f.bound.as_str().into());
                o.insert("unit".into(), f.unit.clone().map_or(Value::Null, Value::from));
            }
            MentionKind::Duration(d) => {
                o.insert("value".into(), d.iso().into());
                o.insert("approx".into(), d.approx().into());
                o.insert("bound".into(), d.bound.as_str().into());
            }
        }
        v
    }

    fn entity_json(&self, e: &EntityMention) -> Value {
        let name = self.ws.entity(&e.id).map(|x| x.name.clone());
        json!({
            "kind": "entity",
            "text": &self.text()[e.span.start..e.span.end],
            "bytes": self.bytes(e.span),
            "range": self.range(e.span),
            "id": &*e.id,
            "entity_kind": e.kind.as_str(),
            "name": name,
        })
    }

    fn item_json(&self, item: &Item) -> Value {
        match item {
            Item::Claim(m) => self.mention_json(m),
            Item::Entity(e) => self.entity_json(e),
        }
    }
}

fn kind_name(m: &Mention) -> &'static str {
    match m.kind {
        MentionKind::Date(_) => "date",
        MentionKind::Figure(_) => "figure",
        MentionKind::Duration(_) => "duration",
    }
}

fn date_json(v: Option<DateValue>) -> Value {
    v.map_or(Value::Null, |v| v.to_string().into())
}

fn number_json(v: f64) -> Value {
    if v.fract() == 0.0 && v.abs() < 9.0e15 {
        (v as i64).into()
    } else {
        serde_json::Number::from_f64(v).map_or(Value::Null, Value::Number)
    }
}

/// Streams the document one mention at a time: a run over thousands of articles never holds
/// its whole output in memory.
fn write_json(mut out: impl Write, articles: &[Article], skipped: &[Value]) -> io::Result<()> {
    out.write_all(br#"{"version":1,"files":["#)?;
    for (k, a) in articles.iter().enumerate() {
        if k > 0 {
            out.write_all(b",")?;
        }
        let published = a.doc.analysis.published;
        let head = json!({
            "path": a.file.path,
            "published": published.map_or(Value::Null, |p| p.0.to_string().into()),
            "published_source": published.map_or(Value::Null, |p| p.1.as_str().into()),
        });
        // The head object without its closing brace, then the mentions.
        let head = serde_json::to_string(&head)?;
        out.write_all(&head.as_bytes()[..head.len() - 1])?;
        out.write_all(br#","mentions":["#)?;
        for (n, item) in a.items().iter().enumerate() {
            if n > 0 {
                out.write_all(b",")?;
            }
            serde_json::to_writer(&mut out, &a.item_json(item))?;
        }
        out.write_all(b"]}")?;
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
                        write!(out, "{}", format_number(f.value))?;
                        if let Some(u) = &f.unit {
                            write!(out, " {u}")?;
                        }
                        if f.approx() {
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
    if d.relative.is_some() {
        notes.push(match a.doc.analysis.published {
            Some((p, source)) => format!("relative to {p}, {}", source.as_str()),
            None => "relative, no publication date".to_string(),
        });
    }
    if d.calendar == crate::lexicon::Calendar::Hijri {
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
