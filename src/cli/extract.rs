//! `tadqiq extract`: every date, figure, duration and entity mention, for inspection.

use std::fmt;
use std::io::{self, Write};

use clap::{Args, ValueEnum};
use serde_json::Value;

use std::path::{Path, PathBuf};
use std::sync::Arc;

use serde_json::json;

use super::json_writer as w;
use super::{EXIT_OK, EXIT_UNUSABLE, File, Plan, Progress, Range, Sources, finish_output, warn_unreadable_published};
use tadqiq_core::analysis::{Analysis, PublishedSource};
use tadqiq_core::cache::{Cache, Key, Matched, Record, Slot, decode, encode, source_key};
use tadqiq_core::calendar::DateValue;
use tadqiq_core::entities::{EntityMention, Gazetteer, LocalEntities};
use tadqiq_core::extract::{DateMention, Mention, MentionKind, Span};
use tadqiq_core::files;
use tadqiq_core::lexicon::Bound;
use tadqiq_core::source::Decoded;
use tadqiq_core::workspace::{RegistrySource, Workspace, par_map};

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
    let plan = match Plan::of(args.sources, kinds.entity) {
        Ok(p) => p,
        Err(code) => return code,
    };
    if plan.unusable() {
        return EXIT_UNUSABLE;
    }
    let mut out = io::BufWriter::new(io::stdout().lock());
    let mut output = Output { format: args.format, started: false };
    let listed = match kinds.entity {
        true => list_with_entities(&plan, kinds, &mut out, &mut output),
        false => list(&plan, kinds, &mut out, &mut output),
    };
    let (mut cache, skipped) = match listed {
        Ok(done) => done,
        Err(Stop::Unusable) => return EXIT_UNUSABLE,
        Err(Stop::Output(e)) => return finish_output(Err(e)).err().unwrap_or(EXIT_OK),
        Err(Stop::Spill(e)) => {
            eprintln!("tadqiq: cannot keep the articles between the two passes (in {}): {e}", spill_dir().display());
            return EXIT_UNUSABLE;
        }
    };
    let ended = output.end(&mut out, &skipped).and_then(|()| out.flush());
    match finish_output(ended) {
        Ok(()) => {
            if let Some(problem) = cache.as_mut().and_then(|c| c.finish().err()) {
                eprintln!("tadqiq: cache: {problem}; the next run analyses again");
            }
            EXIT_OK
        }
        Err(code) => code,
    }
}

/// Why a listing stopped early: the run was not the one asked for (a file named on the command
/// line cannot be read, or no file can), the output could not be written, or the sources could
/// not be kept between the two passes.
enum Stop {
    Unusable,
    Output(io::Error),
    Spill(io::Error),
}

impl From<io::Error> for Stop {
    fn from(e: io::Error) -> Stop {
        Stop::Output(e)
    }
}

/// The output as it is written, article by article.
struct Output {
    format: Format,
    /// Whether an article is written yet: the JSON's head goes before the first.
    started: bool,
}

impl Output {
    fn article(&mut self, out: &mut impl Write, rendered: &[u8]) -> io::Result<()> {
        if self.format == Format::Json {
            out.write_all(if self.started { b"," } else { br#"{"version":1,"files":["# })?;
        }
        self.started = true;
        out.write_all(rendered)
    }

    fn end(&mut self, out: &mut impl Write, skipped: &[Value]) -> io::Result<()> {
        // A listing ends only after an article was written: the head is out.
        if self.format == Format::Json {
            out.write_all(br#"],"skipped":"#)?;
            serde_json::to_writer(&mut *out, skipped)?;
            out.write_all(b"}\n")?;
        }
        Ok(())
    }
}

/// Sources per batch: read, analysed and rendered on every core, then written in order and
/// dropped. A run holds a batch, never the archive.
const BATCH: usize = 256;

/// What the run reads, in order: the files found, then the article on standard input.
enum Input<'p> {
    File(&'p Path),
    Stdin(&'p Path, &'p Decoded),
}

/// A source read: its path, its BOM's length, its text and the publication date given. Its
/// line index is built when it is rendered (after the spill, with entities).
struct ReadSource {
    path: String,
    bom: usize,
    text: String,
    given: Option<(DateValue, PublishedSource)>,
}

impl ReadSource {
    fn file(&self) -> File {
        File::new(self.path.clone(), self.bom)
    }
}

/// The run's inputs, in order.
fn inputs(plan: &Plan) -> Vec<Input<'_>> {
    let files = plan.inputs.files.iter().map(|p| Input::File(p));
    files.chain(plan.stdin.as_ref().map(|(name, d)| Input::Stdin(name, d))).collect()
}

/// Reads a batch of inputs on every core; a file that cannot be read is said on stderr and
/// listed in `skipped`, and stops the run if the command line named it.
fn read_batch(plan: &Plan, batch: &[Input<'_>], skipped: &mut Vec<Value>) -> Result<Vec<ReadSource>, Stop> {
    let results = par_map(batch, |input| match input {
        Input::File(path) => plan.inputs.read(path, plan.config.max_file_bytes).map(|d| ReadSource {
            path: path.display().to_string(),
            bom: d.bom,
            text: d.text,
            given: plan.config.given(path, plan.published),
        }),
        Input::Stdin(name, d) => Ok(ReadSource {
            path: name.display().to_string(),
            bom: d.bom,
            text: d.text.clone(),
            given: plan.config.given(name, plan.published),
        }),
    });
    let mut read = Vec::with_capacity(batch.len());
    let mut named_unreadable = false;
    for (input, result) in batch.iter().zip(results) {
        match (input, result) {
            (_, Ok(source)) => read.push(source),
            (Input::File(path), Err(reason)) => {
                eprintln!("tadqiq: {}: skipped: {reason}", path.display());
                named_unreadable |= plan.inputs.named.contains(*path);
                skipped.push(json!({"path": path.display().to_string(), "reason": reason}));
            }
            (Input::Stdin(..), Err(_)) => {}
        }
    }
    if named_unreadable {
        return Err(Stop::Unusable);
    }
    Ok(read)
}

/// A source's analysis: read back from the cache when its record is there and whole, else
/// made; with its cache key, and when read back the record's slot, its bytes and what it
/// matched then.
struct Analysed {
    analysis: Analysis,
    local: LocalEntities,
    key: Option<Key>,
    slot: Option<Slot>,
    record: Option<(Vec<u8>, Matched)>,
}

/// Analyses a batch on every core, through the cache if there is one.
fn analyse_batch(read: &[ReadSource], cache: &mut Option<Cache>, gazetteer: Option<&Gazetteer>) -> Vec<Analysed> {
    let keys: Vec<Option<Key>> = match cache {
        Some(_) => par_map(read, |r| Some(source_key(&r.text, r.given))),
        None => vec![None; read.len()],
    };
    let slots: Vec<Option<Slot>> = keys.iter().map(|k| cache.as_mut().zip(*k).and_then(|(c, k)| c.take(k))).collect();
    let jobs: Vec<_> = read.iter().zip(keys).zip(slots).collect();
    let cache = cache.as_ref();
    let analysed = par_map(&jobs, |((r, key), slot)| {
        let payload = slot.and_then(|s| cache?.payload(s));
        match payload.as_deref().and_then(decode) {
            Some(s) => Analysed {
                analysis: s.analysis,
                local: s.local,
                key: *key,
                slot: *slot,
                record: payload.map(|p| (p, s.matched)),
            },
            None => {
                let a = tadqiq_core::analysis::analyse_article(&r.text, r.given, gazetteer);
                Analysed { analysis: a.analysis, local: a.local, key: *key, slot: None, record: None }
            }
        }
    });
    for (r, a) in read.iter().zip(&analysed) {
        warn_unreadable_published(&r.path, &a.analysis);
    }
    analysed
}

/// Puts a source's record in the cache: made anew (`fresh`), else the one read back kept.
fn keep_record(cache: &mut Option<Cache>, key: Option<Key>, slot: Option<Slot>, fresh: Option<Vec<u8>>) {
    let (Some(c), Some(key)) = (cache.as_mut(), key) else { return };
    match (fresh, slot) {
        (Some(payload), _) => c.push(key, &payload),
        (None, Some(slot)) => c.keep(key, slot),
        (None, None) => {}
    }
}

/// Without entities: one pass, each batch read, analysed, written and dropped.
fn list(plan: &Plan, kinds: Kinds, out: &mut impl Write, output: &mut Output) -> Result<Listed, Stop> {
    let mut cache = plan.open_cache(false);
    let mut skipped = super::passed_over(plan);
    // The workspace of a reading without entities: no registry, nothing matched, and no
    // gazetteer built (it was most of the time of a run over a few articles).
    let ws = Workspace::new(Arc::new(Gazetteer::default())).without_entities();
    let inputs = inputs(plan);
    // A file named on the command line that cannot be read fails the run before any output.
    for input in &inputs {
        if let Input::File(path) = input
            && plan.inputs.named.contains(*path)
            && let Err(reason) = files::read(path, plan.config.max_file_bytes)
        {
            eprintln!("tadqiq: {}: skipped: {reason}", path.display());
            return Err(Stop::Unusable);
        }
    }
    let format = output.format;
    let progress = Progress::beside_output(inputs.len());
    for (b, batch) in inputs.chunks(BATCH).enumerate() {
        progress.show("listing", b * BATCH);
        let read = read_batch(plan, batch, &mut skipped)?;
        let analysed = analyse_batch(&read, &mut cache, None);
        let jobs: Vec<_> = read.into_iter().zip(analysed).collect();
        let rendered = par_map(&jobs, |(r, a)| {
            let file = r.file();
            let article = Article { file: &file, text: &r.text, analysis: &a.analysis, entities: &[], ws: &ws, kinds };
            // A record read back holds when it was matched against this (empty) registry.
            let key = ws.match_key_of(&r.path.as_str().into(), 0);
            let fresh = match &a.record {
                Some((_, m)) if m.0 == key => None,
                _ => encode(&Record { analysis: &a.analysis, local: &a.local, matched: (key, &[], None) }),
            };
            (article.render(format), fresh)
        });
        for ((_, a), (bytes, fresh)) in jobs.iter().zip(rendered) {
            output.article(out, &bytes?)?;
            keep_record(&mut cache, a.key, a.slot, fresh);
        }
    }
    progress.done();
    if !output.started {
        return Err(Stop::Unusable);
    }
    Ok((cache, skipped))
}

/// What a listing leaves: the cache to finish, and the files skipped.
type Listed = (Option<Cache>, Vec<Value>);

/// With entities, two passes: the first reads and analyses every source, keeps what the
/// registry of introduced names reads of it (a few hundred bytes) and puts the rest in a
/// spill file; the registry built, the second reads the spill back a batch at a time, matches
/// each source's entities, writes it and drops it. Memory: the registry, and a batch.
fn list_with_entities(plan: &Plan, kinds: Kinds, out: &mut impl Write, output: &mut Output) -> Result<Listed, Stop> {
    let mut cache = plan.open_cache(true);
    let mut skipped = super::passed_over(plan);
    let gazetteer = Arc::new(plan.gazetteer());
    let mut spill = Spill::new();
    let mut registry = Vec::new();
    let inputs = inputs(plan);
    let progress = Progress::beside_output(inputs.len());
    for (b, batch) in inputs.chunks(BATCH).enumerate() {
        progress.show("reading", b * BATCH);
        let read = read_batch(plan, batch, &mut skipped)?;
        let analysed = analyse_batch(&read, &mut cache, Some(&gazetteer));
        for (r, a) in read.iter().zip(&analysed) {
            registry.push(RegistrySource::new(&r.path, &r.text, a.analysis.published, &a.local));
            // Kept unless the second pass makes it anew.
            keep_record(&mut cache, a.key, a.slot, None);
        }
        let jobs: Vec<_> = read.into_iter().zip(analysed).collect();
        // A record read back goes to the spill as it was read; one made is encoded.
        let encoded = par_map(&jobs, |(r, a)| {
            let made;
            let record = match &a.record {
                Some((payload, _)) => payload,
                None => {
                    let record = Record { analysis: &a.analysis, local: &a.local, matched: (0, &[], None) };
                    made = encode(&record).unwrap_or_default();
                    &made
                }
            };
            spilled(&r.path, r.bom, &r.text, a.key, a.record.is_some(), record)
        });
        for bytes in encoded {
            spill.push(&bytes).map_err(Stop::Spill)?;
        }
    }
    if registry.is_empty() {
        return Err(Stop::Unusable);
    }
    let ws = Workspace::of_registry_sources(gazetteer, registry);
    let format = output.format;
    let mut spilled = spill.read().map_err(Stop::Spill)?;
    let mut listed = 0;
    loop {
        progress.show("listing", listed);
        let batch: Vec<Spilled> = spilled.by_ref().take(BATCH).collect::<io::Result<_>>().map_err(Stop::Spill)?;
        if batch.is_empty() {
            break;
        }
        listed += batch.len();
        let rendered = par_map(&batch, |s| {
            let stored = decode(&s.record)?;
            let file = File::new(s.path.clone(), s.bom);
            let key = ws.match_key_of(&s.path.as_str().into(), stored.local.introductions.len());
            // Entities matched under this very registry are read back, with the claim keys a
            // `check` computed; others are matched again and their record made anew.
            let (entities, fresh) = match s.read_back {
                true if stored.matched.0 == key => (stored.matched.1, None),
                _ => {
                    let entities = ws.entities_of(&s.path, &s.text, &stored.local);
                    let record =
                        Record { analysis: &stored.analysis, local: &stored.local, matched: (key, &entities, None) };
                    let fresh = encode(&record);
                    (entities, fresh)
                }
            };
            let article =
                Article { file: &file, text: &s.text, analysis: &stored.analysis, entities: &entities, ws: &ws, kinds };
            Some((article.render(format), fresh))
        });
        for (s, rendered) in batch.iter().zip(rendered) {
            let Some((bytes, fresh)) = rendered else {
                return Err(Stop::Spill(io::Error::other("a source does not read back")));
            };
            output.article(out, &bytes?)?;
            keep_record(&mut cache, s.key, None, fresh);
        }
    }
    progress.done();
    Ok((cache, skipped))
}

/// A source as the first pass leaves it for the second: where it is, its text, its cache key,
/// whether its record was read back from the cache, and its record (analysis, own entities,
/// and what it matched before, if read back).
struct Spilled {
    path: String,
    bom: usize,
    text: String,
    key: Option<Key>,
    read_back: bool,
    record: Vec<u8>,
}

/// A [`Spilled`]'s bytes, from its parts as the first pass holds them.
fn spilled(path: &str, bom: usize, text: &str, key: Option<Key>, read_back: bool, record: &[u8]) -> Vec<u8> {
    let mut b = Vec::with_capacity(path.len() + text.len() + record.len() + 48);
    for part in [path.as_bytes(), text.as_bytes(), record] {
        b.extend_from_slice(&(part.len() as u64).to_le_bytes());
        b.extend_from_slice(part);
    }
    b.extend_from_slice(&(bom as u64).to_le_bytes());
    match key {
        Some(k) => {
            b.push(1);
            b.extend_from_slice(&k.to_le_bytes());
        }
        None => b.push(0),
    }
    b.push(u8::from(read_back));
    b
}

impl Spilled {
    fn decode(b: &[u8]) -> Option<Spilled> {
        let mut at = 0;
        let mut take = |n: usize| {
            let part = b.get(at..at + n)?;
            at += n;
            Some(part)
        };
        let mut parts = Vec::with_capacity(3);
        for _ in 0..3 {
            let len = u64::from_le_bytes(take(8)?.try_into().ok()?) as usize;
            parts.push(take(len)?.to_vec());
        }
        let bom = u64::from_le_bytes(take(8)?.try_into().ok()?) as usize;
        let key = match take(1)?[0] {
            1 => Some(u128::from_le_bytes(take(16)?.try_into().ok()?)),
            _ => None,
        };
        let read_back = take(1)?[0] == 1;
        let record = parts.pop()?;
        let text = String::from_utf8(parts.pop()?).ok()?;
        let path = String::from_utf8(parts.pop()?).ok()?;
        Some(Spilled { path, bom, text, key, read_back, record })
    }
}

/// Where the spill file goes: the system's temporary folder (`TMPDIR`).
fn spill_dir() -> PathBuf {
    std::env::temp_dir()
}

/// The first pass's sources, kept for the second in a temporary file (in memory where no
/// temporary file can be made), each as its length and a [`Spilled`].
enum Spill {
    Disk { path: PathBuf, out: Option<io::BufWriter<std::fs::File>> },
    Memory(Vec<u8>),
}

impl Spill {
    fn new() -> Spill {
        let path = spill_dir().join(format!("tadqiq-extract-{}.spill", std::process::id()));
        match std::fs::OpenOptions::new().read(true).write(true).create_new(true).open(&path) {
            Ok(f) => {
                // Where an open file can be removed (Unix), it goes at once: a run killed
                // half-way leaves nothing behind. Elsewhere it goes when the run ends.
                let _ = std::fs::remove_file(&path);
                Spill::Disk { path, out: Some(io::BufWriter::with_capacity(1 << 20, f)) }
            }
            Err(_) => Spill::Memory(Vec::new()),
        }
    }

    fn push(&mut self, bytes: &[u8]) -> io::Result<()> {
        let len = (bytes.len() as u64).to_le_bytes();
        match self {
            Spill::Disk { out: Some(out), .. } => {
                out.write_all(&len)?;
                out.write_all(bytes)
            }
            Spill::Disk { out: None, .. } => Err(io::Error::other("the spill file is closed")),
            Spill::Memory(m) => {
                m.extend_from_slice(&len);
                m.extend_from_slice(bytes);
                Ok(())
            }
        }
    }

    /// The sources pushed, in order.
    fn read(&mut self) -> io::Result<Unspill<'_>> {
        use std::io::{Seek, SeekFrom};
        let from: Box<dyn io::Read> = match self {
            Spill::Disk { out, .. } => {
                let out = out.take().ok_or_else(|| io::Error::other("the spill file is closed"))?;
                let mut f = out.into_inner().map_err(|e| e.into_error())?;
                f.seek(SeekFrom::Start(0))?;
                Box::new(io::BufReader::with_capacity(1 << 20, f))
            }
            Spill::Memory(m) => Box::new(io::Cursor::new(std::mem::take(m))),
        };
        Ok(Unspill { from, _spill: std::marker::PhantomData })
    }
}

impl Drop for Spill {
    fn drop(&mut self) {
        if let Spill::Disk { path, .. } = self {
            let _ = std::fs::remove_file(path);
        }
    }
}

/// The spill read back, one source at a time.
struct Unspill<'s> {
    from: Box<dyn io::Read>,
    _spill: std::marker::PhantomData<&'s mut Spill>,
}

impl Iterator for Unspill<'_> {
    type Item = io::Result<Spilled>;

    fn next(&mut self) -> Option<io::Result<Spilled>> {
        let mut len = [0; 8];
        match self.from.read_exact(&mut len) {
            Err(e) if e.kind() == io::ErrorKind::UnexpectedEof => return None,
            Err(e) => return Some(Err(e)),
            Ok(()) => {}
        }
        // Never more than an article and its record could take: a damaged length is an error,
        // not an allocation.
        let len = u64::from_le_bytes(len);
        if len > 1 << 32 {
            return Some(Err(io::Error::other("the spill file does not read back")));
        }
        let mut bytes = vec![0; len as usize];
        if let Err(e) = self.from.read_exact(&mut bytes) {
            return Some(Err(e));
        }
        Some(Spilled::decode(&bytes).ok_or_else(|| io::Error::other("the spill file does not read back")))
    }
}

/// An article as the output sees it: where it is, how its bytes sit on disk, what was found.
struct Article<'w> {
    file: &'w File,
    text: &'w str,
    analysis: &'w Analysis,
    entities: &'w [EntityMention],
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
    /// The claims and entities asked for, in text order.
    fn items(&self) -> Vec<Item<'_>> {
        let mut items: Vec<Item> =
            self.analysis.mentions.iter().filter(|m| self.kinds.shows(m)).map(Item::Claim).collect();
        if self.kinds.entity {
            items.extend(self.entities.iter().map(Item::Entity));
        }
        items.sort_by_key(|i| (i.span().start, i.span().end));
        items
    }

    fn range(&self, span: Span) -> Range {
        self.file.range(self.text, span)
    }

    fn bytes(&self, span: Span) -> [usize; 2] {
        self.file.bytes(span)
    }

    fn slice(&self, span: Span) -> &str {
        &self.text[span.start..span.end]
    }

    /// This article's entry in `files`: `path`, `published`, `published_source`, `mentions`,
    /// written by hand ([`w`]; serde_json's bytes exactly): an archive's output is several
    /// times its text, and serde_json's per-field path was a tenth of the whole pipeline.
    fn to_json(&self) -> Vec<u8> {
        let mut out = Vec::with_capacity(self.text.len());
        let published = self.analysis.published;
        out.extend_from_slice(br#"{"path":"#);
        w::string(&mut out, &self.file.path);
        out.extend_from_slice(br#","published":"#);
        shown(&mut out, published.map(|p| p.0));
        out.extend_from_slice(br#","published_source":"#);
        w::optional_string(&mut out, published.map(|p| p.1.as_str()));
        out.extend_from_slice(br#","mentions":["#);
        for (k, item) in self.items().into_iter().enumerate() {
            if k > 0 {
                out.push(b',');
            }
            self.item_json(&mut out, &item);
        }
        out.extend_from_slice(b"]}");
        out
    }

    /// One mention: `kind`, `text`, `bytes`, `range`, then what its kind carries.
    fn item_json(&self, out: &mut Vec<u8>, item: &Item) {
        let span = item.span();
        let kind = match item {
            Item::Claim(m) => kind_name(m),
            Item::Entity(_) => "entity",
        };
        self.place_json(out, kind, span);
        let field = |out: &mut Vec<u8>, name: &str| {
            out.push(b',');
            w::string(out, name);
            out.push(b':');
        };
        if let Item::Claim(m) = item
            && self.analysis.in_furniture(m)
        {
            field(out, "furniture");
            w::boolean(out, true);
        }
        match item {
            Item::Claim(m) => match &m.kind {
                MentionKind::Date(d) => {
                    field(out, "value");
                    shown(out, d.value);
                    field(out, "calendar");
                    w::string(out, d.calendar.as_str());
                    field(out, "relative");
                    w::boolean(out, d.relative.is_some());
                    if let Some(weekday) = d.weekday {
                        field(out, "weekday");
                        w::number(out, usize::from(weekday));
                    }
                    if let Some(p) = d.part {
                        field(out, "part");
                        w::string(out, p.as_str());
                    }
                    if d.invalid {
                        field(out, "invalid");
                        w::boolean(out, true);
                    }
                    if let Some(p) = &d.paired {
                        field(out, "paired");
                        out.push(b'{');
                        self.place_json(out, "", p.span);
                        field(out, "value");
                        shown(out, p.value);
                        field(out, "calendar");
                        w::string(out, p.calendar.as_str());
                        if p.invalid {
                            field(out, "invalid");
                            w::boolean(out, true);
                        }
                        out.push(b'}');
                    }
                }
                MentionKind::Figure(f) => {
                    field(out, "value");
                    number_json(out, f.value);
                    if let Some(upper) = f.upper {
                        field(out, "upper");
                        number_json(out, upper);
                    }
                    field(out, "approx");
                    w::boolean(out, f.approx());
                    field(out, "bound");
                    w::string(out, f.bound.as_str());
                    field(out, "unit");
                    w::optional_string(out, f.unit.as_deref());
                }
                MentionKind::Duration(d) => {
                    field(out, "value");
                    w::string(out, &d.iso());
                    field(out, "approx");
                    w::boolean(out, d.approx());
                    field(out, "bound");
                    w::string(out, d.bound.as_str());
                }
            },
            Item::Entity(e) => {
                field(out, "id");
                w::string(out, &e.id);
                field(out, "entity_kind");
                w::string(out, e.kind.as_str());
                field(out, "name");
                w::optional_string(out, self.ws.entity(&e.id).map(|x| x.name.as_str()));
            }
        }
        out.push(b'}');
    }

    /// `{"kind":…,` (when `kind` is not empty) `"text":…,"bytes":…,"range":…` of a span,
    /// the object left open for what follows.
    fn place_json(&self, out: &mut Vec<u8>, kind: &str, span: Span) {
        if !kind.is_empty() {
            out.extend_from_slice(br#"{"kind":"#);
            w::string(out, kind);
            out.push(b',');
        }
        out.extend_from_slice(br#""text":"#);
        w::string(out, self.slice(span));
        out.extend_from_slice(br#","bytes":"#);
        w::pair(out, self.bytes(span));
        out.extend_from_slice(br#","range":"#);
        w::range(out, Some(self.range(span)));
    }
}

/// A value as its `Display` string (a date's ISO form), or `null`.
fn shown(out: &mut Vec<u8>, value: Option<impl fmt::Display>) {
    match value {
        Some(v) => w::string(out, &v.to_string()),
        None => out.extend_from_slice(b"null"),
    }
}

/// A figure: an integer when it is one (and fits a double exactly), else a decimal as
/// serde_json writes one; `null` if it is not a number.
fn number_json(out: &mut Vec<u8>, v: f64) {
    if v.fract() == 0.0 && v.abs() < 9.0e15 {
        out.extend_from_slice(itoa::Buffer::new().format(v as i64).as_bytes());
    } else if v.is_finite() {
        // Rare (a share, «2.5 مليون»): serde_json's own shortest form.
        let _ = serde_json::to_writer(&mut *out, &v);
    } else {
        out.extend_from_slice(b"null");
    }
}

fn kind_name(m: &Mention) -> &'static str {
    match m.kind {
        MentionKind::Date(_) => "date",
        MentionKind::Figure(_) => "figure",
        MentionKind::Duration(_) => "duration",
    }
}

impl Article<'_> {
    /// The article's part of the output.
    fn render(&self, format: Format) -> io::Result<Vec<u8>> {
        match format {
            Format::Json => Ok(self.to_json()),
            Format::Text => {
                let mut out = Vec::new();
                self.write_text(&mut out)?;
                Ok(out)
            }
        }
    }

    /// One mention per line: `path:line:col: kind «text» = value …`, line and column 1-based,
    /// the column counted in characters.
    fn write_text(&self, mut out: impl Write) -> io::Result<()> {
        let a = self;
        let text = a.text;
        for item in a.items() {
            let span = item.span();
            let p = a.file.lines(text).position(text, span.start);
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
                && a.analysis.in_furniture(m)
            {
                write!(out, " [furniture]")?;
            }
            writeln!(out)?;
        }
        Ok(())
    }
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
        notes.push(match a.analysis.published {
            Some((p, source)) => format!("relative to {p}, {}", source.as_str()),
            None => "relative, no publication date".to_string(),
        });
    }
    if d.calendar == tadqiq_core::lexicon::Calendar::Hijri {
        notes.push("hijri".into());
    }
    if let Some(p) = &d.paired {
        let value = p.value.map_or_else(|| "no such date".to_string(), |v| v.to_string());
        notes.push(format!("paired «{}» = {value}", &a.text[p.span.start..p.span.end]));
    }
    if !notes.is_empty() {
        write!(out, " ({})", notes.join("; "))?;
    }
    Ok(())
}
