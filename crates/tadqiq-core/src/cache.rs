//! Analyses kept between runs of the command line, so re-checking an archive where one article
//! changed costs about that article and the cross-source pass.
//!
//! One file in the cache folder (`.tadqiq_cache` by default), `analyses.bin` (`dates.bin` for
//! a reading without entities), holds a record per source text: its analysis and local
//! entities ([`crate::analysis::Analysis`], [`LocalEntities`]), and the entities the workspace
//! matched in it and their claim keys, with the registry they were matched against. A record is keyed by a 128-bit hash of the text and of the publication date
//! given from outside it; the file by the *namespace*: the build of this crate (its code and
//! language data, `build.rs`), the configuration and the kind of reading. Nothing in the file is
//! trusted: a file of another namespace, another format or a torn write is ignored whole; a
//! record whose checksum or contents do not read back is ignored alone; either is analysed
//! again and written anew. The file is replaced atomically (a temporary file renamed over it),
//! so a run killed half-way or two runs at once leave a whole file.
//!
//! Records no run has used are carried forward for [`MAX_AGE`] writes (a subset of the archive
//! checked, a branch switched), then dropped: the file stays about the size of the archive.
//!
//! Cost: O(bytes) to read and check the file, O(1) per lookup; a write is O(records).

use std::hash::{DefaultHasher, Hasher};
use std::io::Write;
use std::path::{Path, PathBuf};

use rustc_hash::FxHashMap;
use serde::{Deserialize, Serialize};

use crate::analysis::Analysis;
use crate::claims::keys::DocClaims;
use crate::entities::{EntityMention, LocalEntities};

/// The cache folder's default name, in the project's root (the folder of `tadqiq.toml`, else
/// the current one).
pub const DIR_NAME: &str = ".tadqiq_cache";
/// The file of a full reading, and of one without entities (`extract --kind date`): apart, so
/// the two never replace each other's.
const FILE_NAMES: [&str; 2] = ["analyses.bin", "dates.bin"];
const MAGIC: &[u8; 13] = b"tadqiq-cache\n";
/// The layout of the file and of its records; a change makes older files stale.
const FORMAT: u32 = 1;
/// How many writes a record no run used is kept for.
pub const MAX_AGE: u8 = 8;
/// key (16) + age (1) + length (4) + checksum (8).
const RECORD_HEAD: usize = 29;

/// The identity of the code and data that analyse: a hash of this crate's sources, its
/// language data and the compiler (see `build.rs`).
pub const BUILD_ID: &str = env!("TADQIQ_BUILD_ID");

/// A source's record key.
pub type Key = u128;

/// A hash of `parts` in 128 bits: two SipHash-1-3 passes under different prefixes. Collisions
/// among an archive's texts are out of reach (2⁻¹²⁸ a pair); the hash is not keyed, which is
/// fine for a file only this user's runs write.
pub fn hash128(parts: &[&[u8]]) -> Key {
    let half = |seed: u8| {
        let mut h = DefaultHasher::new();
        h.write_u8(seed);
        for p in parts {
            h.write_usize(p.len());
            h.write(p);
        }
        h.finish()
    };
    (u128::from(half(1)) << 64) | u128::from(half(2))
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

/// What a record holds, as written ([`Stored`] is it read back).
#[derive(Serialize)]
pub(crate) struct Record<'a> {
    pub analysis: &'a Analysis,
    pub local: &'a LocalEntities,
    /// The registry's match key ([`crate::workspace`]), the entities matched under it, and the
    /// claim keys read with those entities if the run computed them.
    pub matched: (u64, &'a [EntityMention], Option<&'a DocClaims>),
}

/// A source's match key, its entities, and its claim keys if kept.
pub(crate) type Matched = (u64, Vec<EntityMention>, Option<DocClaims>);

#[derive(Deserialize)]
pub(crate) struct Stored {
    pub analysis: Analysis,
    pub local: LocalEntities,
    pub matched: Matched,
}

/// The records of one cache folder, read once at the start of a run.
pub struct Cache {
    dir: PathBuf,
    file: &'static str,
    namespace: u64,
    /// Records by key: their age and where their payload lies in `bytes`, until
    /// [`Cache::release`] copies out the ones not taken (`kept`).
    records: FxHashMap<Key, (u8, std::ops::Range<usize>)>,
    /// The file as read: one allocation, given back whole once the run has read it.
    bytes: Vec<u8>,
    kept: Vec<(Key, u8, Vec<u8>)>,
    /// Why the file on disk was not used, if it was there and unusable.
    pub note: Option<String>,
    /// The sources this run read through the cache, with their keys.
    pub(crate) run: Vec<(std::sync::Arc<str>, Key)>,
    /// Whether a source was analysed or matched anew (the file needs writing).
    pub(crate) dirty: bool,
    /// How many sources had their claim keys read back.
    pub(crate) restored: usize,
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
            records: FxHashMap::default(),
            bytes: Vec::new(),
            kept: Vec::new(),
            note: None,
            run: Vec::new(),
            dirty: false,
            restored: 0,
        };
        match std::fs::read(dir.join(file)) {
            Ok(bytes) => {
                cache.note = cache.read(&bytes).err();
                cache.bytes = bytes;
            }
            // Nothing there yet; a folder that cannot be one is said when it is written.
            Err(e) if matches!(e.kind(), std::io::ErrorKind::NotFound | std::io::ErrorKind::NotADirectory) => {}
            Err(e) => cache.note = Some(format!("cannot read {}: {e}", dir.join(file).display())),
        }
        cache
    }

    fn read(&mut self, bytes: &[u8]) -> Result<(), String> {
        let head = MAGIC.len() + 4 + 8;
        if bytes.len() < head || &bytes[..MAGIC.len()] != MAGIC {
            return Err("not a tadqiq cache file; ignored".into());
        }
        let format = u32::from_le_bytes(bytes[MAGIC.len()..MAGIC.len() + 4].try_into().unwrap_or_default());
        let namespace = u64::from_le_bytes(bytes[MAGIC.len() + 4..head].try_into().unwrap_or_default());
        // Another build, configuration or format: stale, not damaged; said nothing about.
        if format != FORMAT || namespace != self.namespace {
            return Ok(());
        }
        let mut at = head;
        while at < bytes.len() {
            let rest = &bytes[at..];
            if rest.len() < RECORD_HEAD {
                return Err("the cache file ends inside a record; the rest is ignored".into());
            }
            let key = u128::from_le_bytes(rest[..16].try_into().unwrap_or_default());
            let age = rest[16];
            let len = u32::from_le_bytes(rest[17..21].try_into().unwrap_or_default()) as usize;
            let sum = u64::from_le_bytes(rest[21..29].try_into().unwrap_or_default());
            let Some(payload) = rest.get(RECORD_HEAD..RECORD_HEAD + len) else {
                return Err("the cache file ends inside a record; the rest is ignored".into());
            };
            if hash64(&[payload]) == sum {
                self.records.insert(key, (age, at + RECORD_HEAD..at + RECORD_HEAD + len));
            }
            at += RECORD_HEAD + len;
        }
        Ok(())
    }

    /// Takes the record of `key` out, if there is one that reads back whole: where its payload
    /// lies ([`Cache::payload`]).
    pub(crate) fn take(&mut self, key: Key) -> Option<std::ops::Range<usize>> {
        self.records.remove(&key).map(|(_, payload)| payload)
    }

    pub(crate) fn payload(&self, at: std::ops::Range<usize>) -> &[u8] {
        self.bytes.get(at).unwrap_or_default()
    }

    /// Once every source has taken its record: the records no source took are copied out and
    /// the file's bytes given back. Again later, it has nothing left to do.
    pub(crate) fn release(&mut self) {
        let bytes = std::mem::take(&mut self.bytes);
        let untaken = std::mem::take(&mut self.records).into_iter();
        self.kept.extend(untaken.filter_map(|(key, (age, at))| Some((key, age, bytes.get(at)?.to_vec()))));
    }

    /// The records of this run (`fresh`, with the unused ones carried forward) written in place
    /// of the file. `fresh` are (key, payload) pairs from [`encode`], written as they come: an
    /// archive's records are never all in memory at once.
    pub(crate) fn save(&mut self, fresh: impl IntoIterator<Item = (Key, Vec<u8>)>) -> Result<(), String> {
        let dir = self.dir.clone();
        let fail = |what: &str, e: std::io::Error| format!("cannot {what} {}: {e}", dir.display());
        std::fs::create_dir_all(&dir).map_err(|e| fail("create", e))?;
        // The cache is nobody's source: git leaves it alone.
        let ignore = dir.join(".gitignore");
        if !ignore.exists() {
            std::fs::write(&ignore, "# Written by tadqiq: analyses kept between runs.\n*\n")
                .map_err(|e| fail("write in", e))?;
        }
        let file = dir.join(self.file);
        let temporary = dir.join(format!("{}.{}.tmp", self.file, std::process::id()));
        let written = std::fs::File::create(&temporary)
            .and_then(|f| self.write(std::io::BufWriter::with_capacity(1 << 20, f), fresh))
            .and_then(|()| std::fs::rename(&temporary, &file));
        if let Err(e) = written {
            let _ = std::fs::remove_file(&temporary);
            return Err(fail("write in", e));
        }
        Ok(())
    }

    fn write(&mut self, mut out: impl Write, fresh: impl IntoIterator<Item = (Key, Vec<u8>)>) -> std::io::Result<()> {
        out.write_all(MAGIC)?;
        out.write_all(&FORMAT.to_le_bytes())?;
        out.write_all(&self.namespace.to_le_bytes())?;
        let record = |out: &mut dyn Write, key: Key, age: u8, payload: &[u8]| {
            out.write_all(&key.to_le_bytes())?;
            out.write_all(&[age])?;
            out.write_all(&(payload.len() as u32).to_le_bytes())?;
            out.write_all(&hash64(&[payload]).to_le_bytes())?;
            out.write_all(payload)
        };
        // Two files with the same text share a record.
        let mut written = rustc_hash::FxHashSet::default();
        for (key, payload) in fresh {
            if written.insert(key) {
                record(&mut out, key, 0, &payload)?;
            }
        }
        self.release();
        let mut kept: Vec<_> = std::mem::take(&mut self.kept)
            .into_iter()
            .filter(|(key, age, _)| *age < MAX_AGE && !written.contains(key))
            .collect();
        kept.sort_by_key(|(key, _, _)| *key);
        for (key, age, payload) in &kept {
            record(&mut out, *key, age + 1, payload)?;
        }
        out.flush()
    }
}

/// A record's payload.
pub(crate) fn encode(record: &Record<'_>) -> Option<Vec<u8>> {
    postcard::to_allocvec(record).ok()
}

/// A payload read back, or `None` when it does not decode (another layout, damage the checksum
/// missed).
pub(crate) fn decode(payload: &[u8]) -> Option<Stored> {
    postcard::from_bytes(payload).ok()
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
        let at = cache.take(key).unwrap();
        let stored = decode(cache.payload(at)).unwrap();
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
        assert!(cache.take(one).is_none());
        assert!(cache.take(two).is_some());
        // Cut short inside the second record: the first is read, the rest ignored and said.
        std::fs::write(&file, &whole[..whole.len() - 5]).unwrap();
        let mut cache = Cache::open(&dir, 1, true);
        assert!(cache.take(one).is_some() && cache.take(two).is_none());
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
    fn records_no_run_uses_are_dropped_after_max_age_writes() {
        let dir = folder("age");
        let (_, _, bytes) = payload();
        let (old, new) = (hash128(&[b"old"]), hash128(&[b"new"]));
        Cache::open(&dir, 1, true).save(vec![(old, bytes.clone())]).unwrap();
        // Carried forward through MAX_AGE writes that do not use it, dropped by the next.
        // As a run does: the records not taken released once read, then the file written.
        for _ in 0..=MAX_AGE {
            let mut cache = Cache::open(&dir, 1, true);
            assert!(cache.records.contains_key(&old));
            assert!(cache.take(new).is_some() || !cache.records.contains_key(&new));
            cache.release();
            cache.save(vec![(new, bytes.clone())]).unwrap();
        }
        let cache = Cache::open(&dir, 1, true);
        assert!(!cache.records.contains_key(&old) && cache.records.contains_key(&new));
        let _ = std::fs::remove_dir_all(&dir);
    }
}
