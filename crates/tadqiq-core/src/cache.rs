//! Analyses kept between runs of the command line, so re-checking an archive where one article
//! changed costs about that article and the cross-source pass.
//!
//! One file in the cache folder (`.tadqiq_cache` by default), `analyses.bin` (`dates.bin` for
//! a reading without entities), holds a record per source text: its analysis and local
//! entities ([`crate::analysis::Analysis`], [`LocalEntities`]), and the entities the workspace
//! matched in it and their claim keys, with the registry they were matched against. A record
//! is keyed by a 128-bit hash of the text and of the publication date given from outside it;
//! the file by the *namespace*: the build of this crate (its code and language data,
//! `build.rs`), the configuration and the kind of reading. Nothing in the file is trusted: a
//! file of another namespace or format is ignored whole; a torn end, with the records it cuts;
//! a record whose checksum or contents do not read back, alone (checked when it is read);
//! either is analysed again and written anew. The file is replaced atomically (a temporary file renamed over it),
//! so a run killed half-way or two runs at once leave a whole file.
//!
//! Records no run has used are carried forward for [`MAX_AGE`] writes (a subset of the archive
//! checked, a branch switched), then dropped: the file stays about the size of the archive.
//!
//! A run that made few records anew (an archive re-checked with one article changed) appends
//! them to the file instead ([`Cache::appends`]): rewriting every record to add one was, at
//! 10,000 articles, 35 MB read back and written again while the output was being written.
//! An append changes no record before it, and a record appended again under its key stands
//! for the older one; one cut short by a run killed half-way is a torn end, ignored when read
//! and rewritten by the next run. Ages stay as they are until the file is next rewritten, which
//! the first run that finds an eighth of the file unused or superseded does.
//!
//! Cost: opening reads the records' heads, O(records); a source's record is read and checked
//! when it is asked for, O(its size); a write is O(records). Memory: the table of records
//! (about 50 bytes each), never the file.

use std::hash::{DefaultHasher, Hasher};
use std::io::Write;
use std::path::{Path, PathBuf};

use rustc_hash::FxHashMap;
use serde::{Deserialize, Serialize};

use crate::analysis::Analysis;
use crate::claims::keys::DocClaims;
use crate::entities::{EntityMention, LocalEntities};
use crate::files::identity_of;

/// The cache folder's default name, in the project's root (the folder of `tadqiq.toml`, else
/// the current one).
pub const DIR_NAME: &str = ".tadqiq_cache";
/// The file of a full reading, and of one without entities (`extract --kind date`): apart, so
/// the two never replace each other's.
const FILE_NAMES: [&str; 2] = ["analyses.bin", "dates.bin"];
const MAGIC: &[u8; 13] = b"tadqiq-cache\n";
/// The layout of the file and of its records (and the functions of its keys and checksums);
/// a change makes older files stale.
const FORMAT: u32 = 5;
/// How many writes a record no run used is kept for.
pub const MAX_AGE: u8 = 8;
/// key (16) + age (1) + length (4) + checksum (8).
const RECORD_HEAD: usize = 29;

/// The identity of the code and data that analyse: a hash of this crate's sources, its
/// language data and the compiler (see `build.rs`).
pub const BUILD_ID: &str = env!("TADQIQ_BUILD_ID");

/// A source's record key.
pub type Key = u128;

/// A hash of `parts` in 128 bits: XXH3-128, one pass at memory speed (SipHash-1-3's 128-bit
/// output, before it, was 3.5% of a re-check's instructions at 10,000 articles; two passes of
/// std's 64-bit SipHash before that, 6%). Collisions among an archive's texts are out of reach
/// (about 2⁻¹²⁸ a pair); the hash is not keyed, which is fine for a file only this user's
/// runs write.
pub fn hash128(parts: &[&[u8]]) -> Key {
    let mut h = xxhash_rust::xxh3::Xxh3::new();
    for p in parts {
        h.update(&(p.len() as u64).to_le_bytes());
        h.update(p);
    }
    h.digest128()
}

/// A source text's record key: its text and the publication date given from outside it.
pub fn source_key(text: &str, given: Option<(crate::calendar::DateValue, crate::analysis::PublishedSource)>) -> Key {
    let given = given.map(|(d, how)| format!("{d:?}{}", how.as_str())).unwrap_or_default();
    hash128(&[text.as_bytes(), given.as_bytes()])
}

/// A 64-bit hash of `parts`, for checksums and the registry's identity.
pub fn hash64(parts: &[&[u8]]) -> u64 {
    let mut h = DefaultHasher::new();
    for p in parts {
        h.write_usize(p.len());
        h.write(p);
    }
    h.finish()
}

/// A record payload's checksum, which catches a file damaged since it was written: foldhash's
/// quality hash with a fixed seed (the same in every run). SipHash, a keyed hash made to
/// resist an adversary no local cache has, was 2% of a re-check's instructions at 10,000
/// articles; this reads 16 bytes a step.
fn checksum(payload: &[u8]) -> u64 {
    use std::hash::BuildHasher;
    foldhash::quality::FixedState::with_seed(0x7461_6471_6971).hash_one(payload)
}

/// What a record holds, as written ([`Stored`] is it read back).
pub struct Record<'a> {
    pub analysis: &'a Analysis,
    pub local: &'a LocalEntities,
    /// The registry's match key ([`crate::workspace`]), the entities matched under it, and the
    /// claim keys read with those entities if the run computed them.
    pub matched: (u64, &'a [EntityMention], Option<&'a DocClaims>),
}

/// A matched entity as a record holds it: most are the source's own mentions
/// ([`LocalEntities::mentions`], which the workspace's matching starts from), written as their
/// place there; the others (introduced names, registry names) in full. At 10,000 articles
/// 462,000 of 531,000 matched entities are the source's own, which were written and decoded
/// twice (a file 7% smaller, 4% fewer instructions decoding it).
#[derive(Serialize, Deserialize)]
enum Matching<M> {
    Own(u32),
    Found(M),
}

impl Serialize for Record<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeTuple;
        let own = &self.local.mentions;
        // Own mentions are in text order and never overlap: found by where they start.
        let matching = self.matched.1.iter().map(|m| match own.binary_search_by_key(&m.span.start, |o| o.span.start) {
            Ok(k) if own[k] == *m => Matching::Own(k as u32),
            _ => Matching::Found(m),
        });
        let mut t = s.serialize_tuple(3)?;
        t.serialize_element(self.analysis)?;
        t.serialize_element(self.local)?;
        t.serialize_element(&(self.matched.0, Seq(std::cell::Cell::new(Some(matching))), self.matched.2))?;
        t.end()
    }
}

/// An iterator serialised as a sequence of known length (once).
struct Seq<I>(std::cell::Cell<Option<I>>);

impl<I: ExactSizeIterator<Item = T>, T: Serialize> Serialize for Seq<I> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let items = self.0.take().ok_or_else(|| serde::ser::Error::custom("serialised twice"))?;
        s.collect_seq(items)
    }
}

/// A source's match key, its entities, and its claim keys if kept.
pub type Matched = (u64, Vec<EntityMention>, Option<DocClaims>);

/// A record read back.
pub struct Stored {
    pub analysis: Analysis,
    pub local: LocalEntities,
    pub matched: Matched,
}

/// A record as decoded, before its matched entities are looked up among its own.
#[derive(Deserialize)]
struct Raw {
    analysis: Analysis,
    local: LocalEntities,
    matched: (u64, Vec<Matching<EntityMention>>, Option<DocClaims>),
}

impl Raw {
    /// `None` if a matched entity names an own mention the record does not hold.
    fn stored(self) -> Option<Stored> {
        let (key, matching, claims) = self.matched;
        let own = &self.local.mentions;
        let entities = matching
            .into_iter()
            .map(|m| match m {
                Matching::Own(k) => own.get(k as usize).cloned(),
                Matching::Found(m) => Some(m),
            })
            .collect::<Option<Vec<_>>>()?;
        Some(Stored { analysis: self.analysis, local: self.local, matched: (key, entities, claims) })
    }
}

/// Where a record's payload lies in the file, and its checksum.
#[derive(Clone, Copy, Debug)]
pub struct Slot {
    at: u64,
    len: u32,
    sum: u64,
}

/// The records of one cache folder. Opening reads only the records' heads (29 bytes each);
/// a payload is read from the file when its source asks for it, so a run never holds the
/// file, whatever the archive's size: O(records) memory for the table.
pub struct Cache {
    dir: PathBuf,
    file: &'static str,
    namespace: u64,
    /// The file as opened: later runs replace it by renaming, never change it in place, so
    /// this handle reads the records indexed here until the run ends.
    handle: Option<std::fs::File>,
    /// Records not yet taken, by key: their age and where their payload lies.
    records: FxHashMap<Key, (u8, Slot)>,
    /// The file as indexed, when it is this build's and whole (no torn end): its length, and
    /// the bytes of the records a later one of the same key supersedes. `None`: a run writes a
    /// new file.
    whole: Option<Whole>,
    /// Records taken that still hold ([`Cache::keep`]).
    used: Vec<(Key, Slot)>,
    /// The file being written, from the first record this run made ([`Cache::push`]).
    writer: Option<Writer>,
    /// Why it could not be written.
    failed: Option<String>,
    /// Why the file on disk was not used (or not whole), if it was there and unusable.
    pub note: Option<String>,
    /// The sources this run read through the cache, with their keys, and the slot of the
    /// record read back for those whose record still holds as it is.
    pub(crate) run: Vec<(std::sync::Arc<str>, Key, Option<Slot>)>,
    /// Whether a source was analysed or matched anew (the file needs writing).
    pub(crate) dirty: bool,
    /// How many sources had their claim keys read back.
    pub(crate) restored: usize,
    /// How many records this run will make anew, as the workspace says before making them
    /// ([`Cache::expect`]); 0 when not said.
    fresh: usize,
}

impl Cache {
    /// The cache in `dir` for runs of this build under a configuration (a hash of its text,
    /// [`crate::config::Config::fingerprint`]) that read entities or not; empty when the folder
    /// or file is missing, unreadable, stale or damaged.
    pub fn open(dir: &Path, config: u64, entities: bool) -> Cache {
        let namespace = hash64(&[BUILD_ID.as_bytes(), &config.to_le_bytes(), &[u8::from(entities)]]);
        let file = FILE_NAMES[usize::from(!entities)];
        let mut cache = Cache {
            dir: dir.to_path_buf(),
            file,
            namespace,
            handle: None,
            records: FxHashMap::default(),
            whole: None,
            used: Vec::new(),
            writer: None,
            failed: None,
            note: None,
            run: Vec::new(),
            dirty: false,
            restored: 0,
            fresh: 0,
        };
        let path = dir.join(file);
        match std::fs::File::open(&path) {
            Ok(f) => {
                let indexed = cache.index(&f).map_err(|e| match e.kind() {
                    std::io::ErrorKind::InvalidData => e.to_string(),
                    _ => format!("cannot read {}: {e}", path.display()),
                });
                cache.note = indexed.err();
                cache.handle = Some(f);
            }
            // Nothing there yet; a folder that cannot be one is said when it is written.
            Err(e) if matches!(e.kind(), std::io::ErrorKind::NotFound | std::io::ErrorKind::NotADirectory) => {}
            Err(e) => cache.note = Some(format!("cannot read {}: {e}", path.display())),
        }
        cache
    }

    /// Reads the file's head and every record's head, skipping payloads. O(records) reads of
    /// the page cache. The records before a torn end are kept, and the end said.
    fn index(&mut self, file: &std::fs::File) -> std::io::Result<()> {
        use std::io::{BufReader, ErrorKind, Read};
        let invalid = |what: &str| std::io::Error::new(ErrorKind::InvalidData, what.to_string());
        let size = file.metadata()?.len();
        let mut r = BufReader::with_capacity(1 << 16, file);
        let mut head = [0u8; MAGIC.len() + 4 + 8];
        if r.read_exact(&mut head).is_err() || &head[..MAGIC.len()] != MAGIC {
            return Err(invalid("not a tadqiq cache file; ignored"));
        }
        let format = u32::from_le_bytes(head[MAGIC.len()..MAGIC.len() + 4].try_into().unwrap_or_default());
        let namespace = u64::from_le_bytes(head[MAGIC.len() + 4..].try_into().unwrap_or_default());
        // Another build, configuration or format: stale, not damaged; said nothing about.
        if format != FORMAT || namespace != self.namespace {
            return Ok(());
        }
        let torn = || invalid("the cache file ends inside a record; the rest is ignored");
        let mut at = head.len() as u64;
        let mut superseded = 0;
        while at < size {
            let mut rec = [0u8; RECORD_HEAD];
            r.read_exact(&mut rec).map_err(|_| torn())?;
            let key = u128::from_le_bytes(rec[..16].try_into().unwrap_or_default());
            let age = rec[16];
            let len = u32::from_le_bytes(rec[17..21].try_into().unwrap_or_default());
            let sum = u64::from_le_bytes(rec[21..29].try_into().unwrap_or_default());
            let payload = at + RECORD_HEAD as u64;
            if payload + u64::from(len) > size {
                return Err(torn());
            }
            if let Some((_, older)) = self.records.insert(key, (age, Slot { at: payload, len, sum })) {
                superseded += RECORD_HEAD as u64 + u64::from(older.len);
            }
            r.seek_relative(i64::from(len))?;
            at = payload + u64::from(len);
        }
        self.whole = Some(Whole { len: size, superseded });
        Ok(())
    }

    /// Takes the record of `key` out, if there is one: where its payload lies, to read with
    /// [`Cache::payload`].
    pub fn take(&mut self, key: Key) -> Option<Slot> {
        self.records.remove(&key).map(|(_, slot)| slot)
    }

    /// A record's payload read from the file, if it reads back whole (its checksum holds).
    pub fn payload(&self, slot: Slot) -> Option<Vec<u8>> {
        self.bytes(slot).filter(|bytes| checksum(bytes) == slot.sum)
    }

    /// A record's payload as the file holds it, its checksum not checked.
    fn bytes(&self, slot: Slot) -> Option<Vec<u8>> {
        let mut bytes = vec![0; slot.len as usize];
        read_at(self.handle.as_ref()?, &mut bytes, slot.at).ok()?;
        Some(bytes)
    }

    /// The records of this run (`fresh`, with the unused ones carried forward) written in place
    /// of the file. `fresh` are (key, payload) pairs from [`encode`], written as they come, and
    /// the records carried forward are copied from the old file one by one: an archive's
    /// records are never all in memory at once.
    pub(crate) fn save(&mut self, fresh: impl IntoIterator<Item = (Key, Vec<u8>)>) -> Result<(), String> {
        for (key, payload) in fresh {
            self.push(key, &payload);
        }
        self.finish()
    }

    /// Says how many records this run will make anew ([`Cache::push`]), before the first: many
    /// are written with the others into a new file rather than appended ([`Cache::appends`]).
    pub fn expect(&mut self, fresh: usize) {
        self.fresh = fresh;
    }

    /// A record this run made anew: written to the file that will replace this one, started
    /// with the first such record. A run that pushes none leaves the file as it is.
    pub fn push(&mut self, key: Key, payload: &[u8]) {
        if self.failed.is_some() {
            return;
        }
        if self.writer.is_none() {
            let started = match self.appends() {
                true => self.appender().or_else(|_| self.writer()),
                false => self.writer(),
            };
            match started {
                Ok(w) => self.writer = Some(w),
                Err(e) => {
                    self.failed = Some(e);
                    return;
                }
            }
        }
        if let Some(w) = &mut self.writer
            && let Err(e) = w.push(key, payload)
        {
            self.failed = Some(e);
        }
    }

    /// A record taken and read back that still holds: kept as this run's (its age reset) when
    /// the file is written again. Its payload was read with [`Cache::payload`] this run, so
    /// its checksum held: it is copied without checking it again.
    pub fn keep(&mut self, key: Key, slot: Slot) {
        self.used.push((key, slot));
    }

    /// Puts the file written since the first [`Cache::push`] in place of the old one, with the
    /// records [`Cache::keep`] kept and the unused ones carried forward (copied from the old
    /// file). Nothing pushed, nothing written. Returns why it could not be written, if so.
    pub fn finish(&mut self) -> Result<(), String> {
        if let Some(e) = self.failed.take() {
            self.writer = None;
            return Err(e);
        }
        let Some(mut writer) = self.writer.take() else { return Ok(()) };
        let Some(temporary) = writer.temporary.clone() else {
            // Appended: what was there stays as it is.
            writer.out.flush().map_err(|e| writer.fail(e))?;
            writer.done = true;
            self.used.clear();
            self.records.clear();
            return Ok(());
        };
        for (key, slot) in std::mem::take(&mut self.used) {
            if writer.written.insert(key)
                && let Some(payload) = self.bytes(slot)
            {
                writer.record(key, 0, &payload, slot.sum).map_err(|e| writer.fail(e))?;
            }
        }
        let mut kept: Vec<(Key, u8, Slot)> = std::mem::take(&mut self.records)
            .into_iter()
            .filter(|(key, (age, _))| *age < MAX_AGE && !writer.written.contains(key))
            .map(|(key, (age, slot))| (key, age, slot))
            .collect();
        kept.sort_by_key(|(key, _, _)| *key);
        for (key, age, slot) in kept {
            if let Some(payload) = self.payload(slot) {
                writer.record(key, age + 1, &payload, slot.sum).map_err(|e| writer.fail(e))?;
            }
        }
        writer.out.flush().map_err(|e| writer.fail(e))?;
        // Every record carried forward is copied: the old file is closed before it is replaced
        // (a system that cannot replace an open file).
        self.handle = None;
        std::fs::rename(&temporary, self.dir.join(self.file)).map_err(|e| writer.fail(e))?;
        writer.done = true;
        Ok(())
    }

    /// Whether this run's new records are appended to the file rather than written with the
    /// others into a new one: when the file was read whole and is this build's, the records
    /// made anew ([`Cache::expect`]) are at most an eighth of those kept, and what a rewrite
    /// would leave out or age — records this run did not use, older copies superseded — is at
    /// most an eighth of the file. Asked at the first record made anew, once the records read
    /// back are all taken and kept. O(records not taken).
    fn appends(&self) -> bool {
        let Some(whole) = self.whole else { return false };
        let unused: u64 = self.records.values().map(|(_, slot)| RECORD_HEAD as u64 + u64::from(slot.len)).sum();
        // Many made anew (every source matched again under a new registry): they would
        // supersede most of the file, which is written whole instead.
        let few = self.fresh.saturating_mul(8) <= self.used.len();
        few && self.handle.is_some() && (unused + whole.superseded) * 8 <= whole.len
    }

    /// Opens the file to append to, if it is still the one indexed, as long as it was then:
    /// another run may have replaced it or added to it since.
    fn appender(&self) -> std::io::Result<Writer> {
        let whole = self.whole.ok_or(std::io::ErrorKind::NotFound)?;
        let path = self.dir.join(self.file);
        let file = std::fs::OpenOptions::new().append(true).open(&path)?;
        let (now, then) = (file.metadata()?, self.handle.as_ref().ok_or(std::io::ErrorKind::NotFound)?.metadata()?);
        if now.len() != whole.len || identity_of(&path, &now) != identity_of(&path, &then) {
            return Err(std::io::ErrorKind::Other.into());
        }
        Ok(Writer {
            out: std::io::BufWriter::with_capacity(1 << 20, file),
            dir: self.dir.clone(),
            temporary: None,
            written: Default::default(),
            done: false,
        })
    }

    /// Starts the file that will replace this one.
    fn writer(&self) -> Result<Writer, String> {
        let dir = &self.dir;
        let fail = |what: &str, e: std::io::Error| format!("cannot {what} {}: {e}", dir.display());
        std::fs::create_dir_all(dir).map_err(|e| fail("create", e))?;
        // The cache is nobody's source: git leaves it alone.
        let ignore = dir.join(".gitignore");
        if !ignore.exists() {
            std::fs::write(&ignore, "# Written by tadqiq: analyses kept between runs.\n*\n")
                .map_err(|e| fail("write in", e))?;
        }
        let temporary = dir.join(format!("{}.{}.tmp", self.file, std::process::id()));
        let file = std::fs::File::create(&temporary).map_err(|e| fail("write in", e))?;
        let mut writer = Writer {
            out: std::io::BufWriter::with_capacity(1 << 20, file),
            dir: dir.clone(),
            temporary: Some(temporary),
            written: Default::default(),
            done: false,
        };
        let head = [&MAGIC[..], &FORMAT.to_le_bytes(), &self.namespace.to_le_bytes()].concat();
        writer.out.write_all(&head).map_err(|e| writer.fail(e))?;
        Ok(writer)
    }
}

/// The cache file as indexed: its length and the bytes of superseded records in it.
#[derive(Clone, Copy)]
struct Whole {
    len: u64,
    superseded: u64,
}

/// A cache file being written, or the file appended to; a new file dropped unfinished is
/// removed.
struct Writer {
    out: std::io::BufWriter<std::fs::File>,
    dir: PathBuf,
    /// The new file, renamed over the old one when finished; `None` when appending.
    temporary: Option<PathBuf>,
    /// Two sources with the same text share a record: the first pushed is kept.
    written: rustc_hash::FxHashSet<Key>,
    done: bool,
}

impl Writer {
    /// Writes a record of this run: `payload` from [`encode`].
    fn push(&mut self, key: Key, payload: &[u8]) -> Result<(), String> {
        if self.written.insert(key) {
            self.record(key, 0, payload, checksum(payload)).map_err(|e| self.fail(e))?;
        }
        Ok(())
    }

    /// Writes a record; `sum` is `payload`'s checksum (a payload copied from the old file was
    /// checked against it as it was read).
    fn record(&mut self, key: Key, age: u8, payload: &[u8], sum: u64) -> std::io::Result<()> {
        self.out.write_all(&key.to_le_bytes())?;
        self.out.write_all(&[age])?;
        self.out.write_all(&(payload.len() as u32).to_le_bytes())?;
        self.out.write_all(&sum.to_le_bytes())?;
        self.out.write_all(payload)
    }

    fn fail(&self, e: std::io::Error) -> String {
        format!("cannot write in {}: {e}", self.dir.display())
    }
}

impl Drop for Writer {
    fn drop(&mut self) {
        if !self.done
            && let Some(temporary) = &self.temporary
        {
            let _ = std::fs::remove_file(temporary);
        }
    }
}

/// Fills `buf` from offset `at` of `file` without moving a cursor the threads share: records
/// are read back on every core at once (one seek and read under a lock each, before).
#[cfg(unix)]
fn read_at(file: &std::fs::File, buf: &mut [u8], at: u64) -> std::io::Result<()> {
    std::os::unix::fs::FileExt::read_exact_at(file, buf, at)
}

#[cfg(windows)]
fn read_at(file: &std::fs::File, mut buf: &mut [u8], mut at: u64) -> std::io::Result<()> {
    use std::os::windows::fs::FileExt;
    while !buf.is_empty() {
        match file.seek_read(buf, at)? {
            0 => return Err(std::io::ErrorKind::UnexpectedEof.into()),
            n => {
                buf = &mut buf[n..];
                at += n as u64;
            }
        }
    }
    Ok(())
}

#[cfg(not(any(unix, windows)))]
fn read_at(file: &std::fs::File, buf: &mut [u8], at: u64) -> std::io::Result<()> {
    use std::io::{Read, Seek, SeekFrom};
    // `&File` reads and seeks too; without positional reads, one cursor for all threads.
    static CURSOR: std::sync::Mutex<()> = std::sync::Mutex::new(());
    let _one = CURSOR.lock().unwrap_or_else(|e| e.into_inner());
    let mut f = file;
    f.seek(SeekFrom::Start(at))?;
    f.read_exact(buf)
}

/// A record's payload.
pub fn encode(record: &Record<'_>) -> Option<Vec<u8>> {
    // Its strings in a table ahead of it, each once ([`crate::shared`]).
    crate::shared::with_table(|| postcard::to_allocvec(record)).ok()
}

/// A payload read back, or `None` when it does not decode (another layout, damage the checksum
/// missed).
pub fn decode(payload: &[u8]) -> Option<Stored> {
    crate::shared::from_table(payload, |body| postcard::from_bytes::<Raw>(body).ok())?.stored()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::analyse_article;
    use crate::entities::Gazetteer;

    const TEXT: &str = "قتل 12 شخصا في 5 كانون الثاني 2020 في بغداد، بحسب المتحدث باسم الشرطة العميد سعد معن.";

    fn folder(name: &str) -> PathBuf {
        let dir = std::env::temp_dir().join(format!("tadqiq-cache-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        dir
    }

    /// The payload of `key`, taken and read back as a run does, if it reads back whole.
    fn read(cache: &mut Cache, key: Key) -> Option<Vec<u8>> {
        let slot = cache.take(key)?;
        cache.payload(slot)
    }

    /// A record of `TEXT` analysed, as the workspace writes it.
    fn payload() -> (Analysis, LocalEntities, Vec<u8>) {
        let a = analyse_article(TEXT, None, Some(&Gazetteer::new(&[])));
        let entities = a.local.mentions.clone();
        let record = Record { analysis: &a.analysis, local: &a.local, matched: (7, &entities, None) };
        let bytes = encode(&record).unwrap();
        (a.analysis, a.local, bytes)
    }

    #[test]
    fn a_record_reads_back_as_written() {
        let dir = folder("round");
        let (analysis, local, bytes) = payload();
        let key = hash128(&[TEXT.as_bytes()]);
        Cache::open(&dir, 1, true).save(vec![(key, bytes)]).unwrap();
        assert_eq!(std::fs::read_to_string(dir.join(".gitignore")).unwrap().lines().last(), Some("*"));
        let mut cache = Cache::open(&dir, 1, true);
        assert_eq!(cache.note, None);
        let stored = decode(&read(&mut cache, key).unwrap()).unwrap();
        assert_eq!(stored.analysis.mentions, analysis.mentions);
        assert_eq!(stored.analysis.published, analysis.published);
        assert_eq!(stored.local.introductions, local.introductions);
        assert_eq!(stored.local.sentences, local.sentences);
        assert_eq!((stored.matched.0, &stored.matched.1), (7, &local.mentions));
        assert!(stored.matched.2.is_none());
        assert!(cache.take(key).is_none(), "taken once");
        // Another configuration, or a reading without entities: not this cache's records.
        assert!(Cache::open(&dir, 2, true).take(key).is_none());
        assert!(Cache::open(&dir, 1, false).take(key).is_none());
        let _ = std::fs::remove_dir_all(&dir);
    }

    #[test]
    fn matched_entities_read_back_whether_the_source_s_own_or_not() {
        use crate::entities::{EntityKind, How};
        let a = analyse_article(TEXT, None, Some(&Gazetteer::new(&[])));
        let own = &a.local.mentions;
        assert!(!own.is_empty());
        // As matching leaves them: one found by the registry, one where an own mention starts
        // that names another entity, and the source's own.
        let found = EntityMention {
            span: crate::extract::Span::new(1, 3),
            id: "x-registry".into(),
            kind: EntityKind::Person,
            how: How::Alias,
        };
        let mut other = own[0].clone();
        other.id = "another".into();
        let matched = vec![found, other, own[0].clone()];
        let record = Record { analysis: &a.analysis, local: &a.local, matched: (9, &matched, None) };
        let stored = decode(&encode(&record).unwrap()).unwrap();
        assert_eq!((stored.matched.0, &stored.matched.1), (9, &matched));
        // The source's own are written as their place: a few bytes each, where in full (when
        // the source does not hold them) each takes several times as many.
        let size = |local: &LocalEntities, matched: &[EntityMention]| {
            encode(&Record { analysis: &a.analysis, local, matched: (9, matched, None) }).unwrap().len()
        };
        let bare = LocalEntities { mentions: Vec::new(), ..a.local.clone() };
        let (placed, in_full) = (size(&a.local, own) - size(&a.local, &[]), size(&bare, own) - size(&bare, &[]));
        assert!(placed * 2 < in_full, "{placed} bytes placed, {in_full} in full");
        // A place the record does not hold: the record does not read back.
        let raw = Raw {
            analysis: a.analysis.clone(),
            local: a.local.clone(),
            matched: (9, vec![Matching::Own(own.len() as u32)], None),
        };
        assert!(raw.stored().is_none());
    }

    #[test]
    fn damage_is_never_read_back() {
        let dir = folder("damage");
        let (_, _, bytes) = payload();
        let (one, two) = (hash128(&[b"one"]), hash128(&[b"two"]));
        Cache::open(&dir, 1, true).save(vec![(one, bytes.clone()), (two, bytes.clone())]).unwrap();
        let file = dir.join("analyses.bin");
        let whole = std::fs::read(&file).unwrap();
        // A byte of the first record's payload flipped: that record is dropped, the next read.
        let mut flipped = whole.clone();
        flipped[MAGIC.len() + 12 + RECORD_HEAD + 10] ^= 0x55;
        std::fs::write(&file, &flipped).unwrap();
        let mut cache = Cache::open(&dir, 1, true);
        assert!(read(&mut cache, one).is_none());
        assert!(read(&mut cache, two).is_some());
        // Not carried forward either: the file written next holds only what reads back.
        let three = hash128(&[b"three"]);
        let mut cache = Cache::open(&dir, 1, true);
        cache.save(vec![(three, bytes.clone())]).unwrap();
        let mut cache = Cache::open(&dir, 1, true);
        assert!(cache.take(one).is_none() && read(&mut cache, two).is_some() && read(&mut cache, three).is_some());
        std::fs::write(&file, &whole).unwrap();
        // Cut short inside the second record: the first is read, the rest ignored and said.
        std::fs::write(&file, &whole[..whole.len() - 5]).unwrap();
        let mut cache = Cache::open(&dir, 1, true);
        assert!(read(&mut cache, one).is_some() && cache.take(two).is_none());
        assert_eq!(cache.note.as_deref(), Some("the cache file ends inside a record; the rest is ignored"));
        // Not a cache file at all.
        std::fs::write(&file, "كانون الثاني").unwrap();
        let cache = Cache::open(&dir, 1, true);
        assert!(cache.records.is_empty());
        assert_eq!(cache.note.as_deref(), Some("not a tadqiq cache file; ignored"));
        // A payload whose checksum holds but which is not a record decodes to nothing.
        assert!(decode(b"\xff\xff\xff").is_none());
        let _ = std::fs::remove_dir_all(&dir);
    }

    #[test]
    fn a_run_that_makes_nothing_new_writes_nothing_and_one_that_does_keeps_what_it_used() {
        let dir = folder("keep");
        let (_, _, bytes) = payload();
        let (used, unused, new) = (hash128(&[b"used"]), hash128(&[b"unused"]), hash128(&[b"new"]));
        Cache::open(&dir, 1, true).save(vec![(used, bytes.clone()), (unused, bytes.clone())]).unwrap();
        let file = dir.join("analyses.bin");
        let before = std::fs::metadata(&file).unwrap().modified().unwrap();
        // Every record it needs read back: the file is left alone.
        let mut cache = Cache::open(&dir, 1, true);
        let slot = cache.take(used).unwrap();
        assert!(cache.payload(slot).is_some());
        cache.keep(used, slot);
        cache.finish().unwrap();
        assert_eq!(std::fs::metadata(&file).unwrap().modified().unwrap(), before);
        // One record made anew: the file is written with it, the one kept (age 0), and the
        // one unused carried forward one write older.
        let mut cache = Cache::open(&dir, 1, true);
        let slot = cache.take(used).unwrap();
        cache.keep(used, slot);
        cache.push(new, &bytes);
        cache.finish().unwrap();
        let cache = Cache::open(&dir, 1, true);
        assert_eq!(cache.records[&used].0, 0);
        assert_eq!(cache.records[&new].0, 0);
        assert_eq!(cache.records[&unused].0, 1);
        assert_eq!(std::fs::read_dir(&dir).unwrap().count(), 2, "no temporary file left: .gitignore and the cache");
        let _ = std::fs::remove_dir_all(&dir);
    }

    #[test]
    fn a_few_new_records_are_appended_until_an_eighth_of_the_file_is_stale() {
        let dir = folder("append");
        let file = dir.join("analyses.bin");
        let (_, _, bytes) = payload();
        let keys: Vec<Key> = (0..16u8).map(|k| hash128(&[&[k]])).collect();
        Cache::open(&dir, 1, true).save(keys.iter().map(|&k| (k, bytes.clone()))).unwrap();
        let len = |f: &Path| std::fs::metadata(f).unwrap().len();
        // A run that uses every record and makes one anew, as a re-check with one article
        // changed: the record is added at the end, nothing before it is written again.
        let run = |uses: &[Key], new: &[(Key, Vec<u8>)]| {
            let mut cache = Cache::open(&dir, 1, true);
            assert_eq!(cache.note, None);
            for &k in uses {
                let slot = cache.take(k).unwrap();
                assert!(cache.payload(slot).is_some());
                cache.keep(k, slot);
            }
            cache.expect(new.len());
            cache.save(new.to_vec()).unwrap();
        };
        let before = len(&file);
        let extra = hash128(&[b"extra"]);
        run(&keys, &[(extra, bytes.clone())]);
        assert_eq!(len(&file), before + (RECORD_HEAD + bytes.len()) as u64);
        // A record made again under its key (its source matched anew) stands for the older one.
        let other = [&bytes[..], b"!"].concat();
        run(&[&keys[1..], &[extra]].concat(), &[(keys[0], other.clone())]);
        let mut cache = Cache::open(&dir, 1, true);
        assert_eq!(read(&mut cache, keys[0]).as_deref(), Some(&other[..]));
        assert!(keys[1..].iter().chain([&extra]).all(|&k| read(&mut cache, k).as_deref() == Some(&bytes[..])));
        assert_eq!(std::fs::read_dir(&dir).unwrap().count(), 2, "appended in place: no temporary file");
        assert_eq!(cache.whole.map(|w| w.superseded), Some((RECORD_HEAD + bytes.len()) as u64));
        // Every record read back and made anew (a new name matched everywhere): the file is
        // written whole, with the new copies only.
        let all = [&keys[..], &[extra]].concat();
        run(&all, &all.iter().map(|&k| (k, bytes.clone())).collect::<Vec<_>>());
        let mut cache = Cache::open(&dir, 1, true);
        assert_eq!(cache.whole.map(|w| w.superseded), Some(0));
        assert_eq!(cache.records.len(), all.len());
        assert!(all.iter().all(|&k| read(&mut cache, k).as_deref() == Some(&bytes[..])));
        // Half the records unused: the file is written anew, the unused records one write older.
        let used = &keys[..8];
        run(used, &[(hash128(&[b"last"]), bytes.clone())]);
        let cache = Cache::open(&dir, 1, true);
        assert_eq!(cache.whole.map(|w| w.superseded), Some(0));
        assert_eq!(cache.records.len(), keys.len() + 2);
        assert!(used.iter().all(|k| cache.records[k].0 == 0));
        assert!(keys[8..].iter().chain([&extra]).all(|k| cache.records[k].0 == 1));
        // A file cut short inside its last record is never appended to: the next run rewrites it whole.
        let whole = std::fs::read(&file).unwrap();
        std::fs::write(&file, &whole[..whole.len() - 5]).unwrap();
        let mut cache = Cache::open(&dir, 1, true);
        assert!(cache.note.is_some() && cache.whole.is_none());
        let live: Vec<Key> = cache.records.keys().copied().collect();
        for k in &live {
            let slot = cache.take(*k).unwrap();
            cache.keep(*k, slot);
        }
        cache.save(vec![(hash128(&[b"after"]), bytes.clone())]).unwrap();
        let cache = Cache::open(&dir, 1, true);
        assert_eq!(cache.note, None);
        assert_eq!(cache.records.len(), live.len() + 1);
        let _ = std::fs::remove_dir_all(&dir);
    }

    /// What a run reads back shares one copy of each entity id and claim string across
    /// sources, as a run that analysed them does, and checks the same.
    #[test]
    fn strings_read_back_are_shared_across_sources() {
        use crate::workspace::Workspace;
        let dir = folder("shared");
        let sources =
            || ["a.txt", "b.txt"].map(|p| (p.to_string(), format!("{TEXT} وفي {p} قتل 14 شخصا في بغداد."), None));
        let run = || {
            let mut cache = Cache::open(&dir, 1, true);
            let mut ws = Workspace::new(std::sync::Arc::new(Gazetteer::new(&[])));
            ws.extend_cached(sources(), &mut cache);
            let findings = crate::rules::check(&ws, &Default::default());
            assert_eq!(ws.save_cache(&mut cache), None);
            (ws, findings)
        };
        let (_, analysed) = run();
        let (ws, read_back) = run();
        assert_eq!(read_back, analysed);
        let (a, b) = (ws.doc("a.txt").unwrap(), ws.doc("b.txt").unwrap());
        let baghdad = |d: &crate::workspace::Doc| {
            let m = d.entities.iter().find(|m| &d.text[m.span.start..m.span.end] == "بغداد").expect("بغداد named");
            m.id.clone()
        };
        assert!(std::sync::Arc::ptr_eq(&baghdad(a), &baghdad(b)), "one copy of the id");
        let local =
            |d: &crate::workspace::Doc| d.local.mentions.iter().find(|m| *m.id == *baghdad(d)).unwrap().id.clone();
        assert!(std::sync::Arc::ptr_eq(&local(a), &local(b)));
        let noun = |d: &crate::workspace::Doc| d.claims.get().expect("claim keys read back").claims[0].noun.clone();
        assert!(std::sync::Arc::ptr_eq(&noun(a), &noun(b)), "one copy of a claim's noun");
        let _ = std::fs::remove_dir_all(&dir);
    }

    #[test]
    fn records_no_run_uses_are_dropped_after_max_age_writes() {
        let dir = folder("age");
        let (_, _, bytes) = payload();
        let (old, new) = (hash128(&[b"old"]), hash128(&[b"new"]));
        Cache::open(&dir, 1, true).save(vec![(old, bytes.clone())]).unwrap();
        // Carried forward through MAX_AGE writes that do not use it, dropped by the next.
        // As a run does: the records it uses taken, then the file written.
        for _ in 0..=MAX_AGE {
            let mut cache = Cache::open(&dir, 1, true);
            assert!(cache.records.contains_key(&old));
            assert!(read(&mut cache, new).is_some() || !cache.records.contains_key(&new));
            cache.save(vec![(new, bytes.clone())]).unwrap();
        }
        let cache = Cache::open(&dir, 1, true);
        assert!(!cache.records.contains_key(&old) && cache.records.contains_key(&new));
        let _ = std::fs::remove_dir_all(&dir);
    }
}
