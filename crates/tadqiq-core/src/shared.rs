//! One copy of each string a workspace's sources share, and writing them to the cache and
//! reading them back straight into it.
//!
//! The same few strings recur in every source of an archive: entity ids («iraq»، «army»), a
//! story's measures and subjects (`killed/people`, `i:blast`), the places a claim names. The
//! workspace keeps one copy of each ([`Interner`]).
//!
//! A cache record names each of its strings once: [`with_table`] encodes a record with its
//! strings in a table ahead of it, each field holding an index, and [`from_table`] decodes it,
//! each string of the table looked up once in the interner of [`Interner::reading`]. An
//! article names the same entity many times (a record holds about a quarter as many
//! different strings as string fields); looking each field up, or decoding it into a string of
//! its own and trading it for the shared copy, was a sixth of a re-check's work at 10,000
//! articles. Outside those two calls the fields are plain strings, as serde writes them.

use std::cell::RefCell;
use std::sync::Arc;

use rustc_hash::{FxHashMap, FxHashSet};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// One shared copy of each string, for a whole workspace.
#[derive(Default)]
pub struct Interner(std::sync::Mutex<FxHashSet<Arc<str>>>);

impl Interner {
    /// The shared copy of `s`, made now if there is none.
    pub fn get(&self, s: &str) -> Arc<str> {
        let mut strings = self.0.lock().unwrap_or_else(|e| e.into_inner());
        if let Some(found) = strings.get(s) {
            return found.clone();
        }
        let shared: Arc<str> = s.into();
        strings.insert(shared.clone());
        shared
    }

    /// Until the guard is dropped, the strings of the records this thread decodes
    /// ([`from_table`]) are this interner's shared copies. A guard is meant to cover many
    /// records (a worker's share of a run): what the thread has looked up is remembered for
    /// its life, so most strings are found without taking the interner's lock.
    pub fn reading(self: &Arc<Self>) -> Reading {
        let now = Some(State { interner: self.clone(), seen: FxHashSet::default() });
        Reading { before: READING.replace(now) }
    }
}

thread_local! {
    /// The interner this thread reads strings into, and the shared copies it has met.
    static READING: RefCell<Option<State>> = const { RefCell::new(None) };
    /// The table of the record being encoded on this thread: each string's index.
    static WRITING: RefCell<Option<FxHashMap<Arc<str>, u32>>> = const { RefCell::new(None) };
    /// The table of the record being decoded on this thread.
    static TABLE: RefCell<Option<Vec<Arc<str>>>> = const { RefCell::new(None) };
}

struct State {
    interner: Arc<Interner>,
    seen: FxHashSet<Seen>,
}

/// A shared copy this thread has met, found by its bytes: a record's table is looked up before
/// its strings are checked as UTF-8, and one found needs no check (it equals a string that
/// is one). Most are found: checking each table string was 1.6% of a re-check's instructions
/// at 10,000 articles, nearly all of it for strings met before.
struct Seen(Arc<str>);

impl std::hash::Hash for Seen {
    fn hash<H: std::hash::Hasher>(&self, h: &mut H) {
        // As the bytes it is looked up by hash (`Borrow<[u8]>`).
        self.0.as_bytes().hash(h);
    }
}

impl PartialEq for Seen {
    fn eq(&self, other: &Seen) -> bool {
        self.0 == other.0
    }
}

impl Eq for Seen {}

impl std::borrow::Borrow<[u8]> for Seen {
    fn borrow(&self) -> &[u8] {
        self.0.as_bytes()
    }
}

/// Strings decoded on this thread are shared while it lives ([`Interner::reading`]).
#[must_use = "strings are shared only while the guard lives"]
pub struct Reading {
    before: Option<State>,
}

impl Drop for Reading {
    fn drop(&mut self) {
        READING.set(self.before.take());
    }
}

/// `s` as the shared copy of the interner this thread reads into, else a copy of its own.
fn share(s: &str) -> Arc<str> {
    share_bytes(s.as_bytes()).unwrap_or_else(|| s.into())
}

/// The string `bytes` hold, as [`share`] gives it; `None` when they are not UTF-8. Bytes equal
/// to a string this thread has met are that string, unchecked; others are checked with SIMD,
/// a fraction of std's check for Arabic text.
fn share_bytes(bytes: &[u8]) -> Option<Arc<str>> {
    READING.with_borrow_mut(|state| match state {
        Some(state) => match state.seen.get(bytes) {
            Some(found) => Some(found.0.clone()),
            None => {
                let shared = state.interner.get(simdutf8::basic::from_utf8(bytes).ok()?);
                state.seen.insert(Seen(shared.clone()));
                Some(shared)
            }
        },
        None => simdutf8::basic::from_utf8(bytes).ok().map(Arc::from),
    })
}

/// Sets a thread-local slot to `value` for the length of `f` and gives it back after, with
/// what `f` returned; the slot's value before is put back, also when `f` panics (a record
/// encoded or decoded inside another gets a table of its own).
fn scoped<T: 'static, R>(
    slot: &'static std::thread::LocalKey<RefCell<Option<T>>>,
    value: T,
    f: impl FnOnce() -> R,
) -> (R, T) {
    struct Restore<T: 'static> {
        slot: &'static std::thread::LocalKey<RefCell<Option<T>>>,
        before: Option<Option<T>>,
    }
    impl<T> Drop for Restore<T> {
        fn drop(&mut self) {
            if let Some(before) = self.before.take() {
                self.slot.set(before);
            }
        }
    }
    let mut restore = Restore { slot, before: Some(slot.replace(Some(value))) };
    let out = f();
    let before = restore.before.take().expect("put back only here or on a panic");
    let value = slot.replace(before).expect("an inner scope puts its own value back");
    (out, value)
}

/// `value` encoded by `encode` with its strings in a table ahead of it: the table (postcard: a
/// sequence of strings), then what `encode` gave, each string field an index into the table.
pub(crate) fn with_table<E>(encode: impl FnOnce() -> Result<Vec<u8>, E>) -> Result<Vec<u8>, E> {
    let (body, table) = scoped(&WRITING, FxHashMap::default(), encode);
    let body = body?;
    let mut strings: Vec<(&Arc<str>, u32)> = table.iter().map(|(s, &k)| (s, k)).collect();
    strings.sort_unstable_by_key(|(_, k)| *k);
    let strings: Vec<&str> = strings.into_iter().map(|(s, _)| &**s).collect();
    let mut out = postcard::to_allocvec(&strings).expect("a table of strings encodes");
    out.extend_from_slice(&body);
    Ok(out)
}

/// A record [`with_table`] wrote, decoded by `decode` from what follows the table; `None` if
/// the table does not decode or a field's index is outside it.
pub(crate) fn from_table<T>(payload: &[u8], decode: impl FnOnce(&[u8]) -> Option<T>) -> Option<T> {
    // Read as bytes (postcard writes a string and bytes alike): each is checked as UTF-8 only
    // if it is not a string met before ([`share_bytes`]).
    let (strings, body) = postcard::take_from_bytes::<Vec<&[u8]>>(payload).ok()?;
    let table = strings.into_iter().map(share_bytes);
    let table: Vec<Arc<str>> = table.collect::<Option<_>>()?;
    scoped(&TABLE, table, || decode(body)).0
}

/// A string field: an index into the record's table while one is written or read, else the
/// string itself.
struct Shared(Arc<str>);

struct SharedRef<'a>(&'a Arc<str>);

impl Serialize for SharedRef<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let index = WRITING.with_borrow_mut(|table| {
            let table = table.as_mut()?;
            let next = table.len() as u32;
            Some(*table.entry(self.0.clone()).or_insert(next))
        });
        match index {
            Some(k) => s.serialize_u32(k),
            None => s.serialize_str(self.0),
        }
    }
}

impl<'de> Deserialize<'de> for Shared {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Shared, D::Error> {
        if TABLE.with_borrow(Option::is_some) {
            let k = u32::deserialize(d)?;
            let found = TABLE.with_borrow(|t| t.as_ref().and_then(|t| t.get(k as usize).cloned()));
            return found.map(Shared).ok_or_else(|| serde::de::Error::custom("a string index outside the table"));
        }
        struct Visitor;
        impl serde::de::Visitor<'_> for Visitor {
            type Value = Shared;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a string")
            }
            fn visit_str<E>(self, s: &str) -> Result<Shared, E> {
                Ok(Shared(share(s)))
            }
        }
        d.deserialize_str(Visitor)
    }
}

/// `#[serde(with)]` for an `Arc<str>`.
pub(crate) mod one {
    use super::*;

    pub fn serialize<S: Serializer>(s: &Arc<str>, ser: S) -> Result<S::Ok, S::Error> {
        SharedRef(s).serialize(ser)
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Arc<str>, D::Error> {
        Shared::deserialize(d).map(|s| s.0)
    }
}

/// `#[serde(with)]` for an `Option<Arc<str>>`.
pub(crate) mod option {
    use super::*;

    pub fn serialize<S: Serializer>(s: &Option<Arc<str>>, ser: S) -> Result<S::Ok, S::Error> {
        s.as_ref().map(SharedRef).serialize(ser)
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Option<Arc<str>>, D::Error> {
        Option::<Shared>::deserialize(d).map(|s| s.map(|s| s.0))
    }
}

/// `#[serde(with)]` for a list of `Arc<str>` (`Vec`, boxed slice).
pub(crate) mod list {
    use super::*;

    pub fn serialize<S: Serializer, L>(list: &L, ser: S) -> Result<S::Ok, S::Error>
    where
        for<'a> &'a L: IntoIterator<Item = &'a Arc<str>>,
    {
        ser.collect_seq(list.into_iter().map(SharedRef))
    }

    pub fn deserialize<'de, D: Deserializer<'de>, L: FromIterator<Arc<str>>>(d: D) -> Result<L, D::Error> {
        Vec::<Shared>::deserialize(d).map(|v| v.into_iter().map(|s| s.0).collect())
    }
}

/// `#[serde(with)]` for a list of pairs whose second is an `Arc<str>`.
pub(crate) mod pairs {
    use super::*;

    pub fn serialize<S: Serializer, T: Serialize, L>(list: &L, ser: S) -> Result<S::Ok, S::Error>
    where
        for<'a> &'a L: IntoIterator<Item = &'a (T, Arc<str>)>,
    {
        ser.collect_seq(list.into_iter().map(|(t, s)| (t, SharedRef(s))))
    }

    pub fn deserialize<'de, D, T, L>(d: D) -> Result<L, D::Error>
    where
        D: Deserializer<'de>,
        T: Deserialize<'de>,
        L: FromIterator<(T, Arc<str>)>,
    {
        Vec::<(T, Shared)>::deserialize(d).map(|v| v.into_iter().map(|(t, s)| (t, s.0)).collect())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Debug, PartialEq, Deserialize, Serialize)]
    struct Record {
        #[serde(with = "one")]
        id: Arc<str>,
        #[serde(with = "option")]
        key: Option<Arc<str>>,
        #[serde(with = "list")]
        places: Box<[Arc<str>]>,
        #[serde(with = "pairs")]
        events: Vec<(u32, Arc<str>)>,
    }

    fn record(id: &str) -> Record {
        Record {
            id: id.into(),
            key: Some("killed/people".into()),
            places: vec!["iraq".into(), "baghdad".into(), "iraq".into()].into(),
            events: vec![(7, "iraq".into())],
        }
    }

    fn encode(r: &Record) -> Vec<u8> {
        with_table(|| postcard::to_allocvec(r)).unwrap()
    }

    fn decode(bytes: &[u8]) -> Option<Record> {
        from_table(bytes, |body| postcard::from_bytes(body).ok())
    }

    #[test]
    fn a_record_names_each_string_once_and_reads_back_whole() {
        let r = record("army");
        let (tabled, plain) = (encode(&r), postcard::to_allocvec(&r).unwrap());
        // «iraq» three times, written once: the table holds four strings.
        assert_eq!(
            postcard::take_from_bytes::<Vec<&str>>(&tabled).unwrap().0,
            ["army", "killed/people", "iraq", "baghdad"]
        );
        assert!(tabled.len() < plain.len(), "{} {}", tabled.len(), plain.len());
        assert_eq!(decode(&tabled), Some(record("army")));
        // Outside a table the fields are plain strings, as serde writes them.
        assert_eq!(postcard::from_bytes::<Record>(&plain).unwrap(), r);
        // An index outside the table, or a table cut short: nothing, never a wrong string.
        let mut outside = encode(&r);
        let last = outside.len() - 1;
        outside[last] = 9;
        assert_eq!(decode(&outside), None);
        assert_eq!(decode(&tabled[..3]), None);
        // A string of the table that is not UTF-8 (a byte of «army» made a lone continuation
        // byte): nothing.
        let mut broken = tabled.clone();
        let at = broken.windows(4).position(|w| w == b"army").unwrap();
        broken[at] = 0x80;
        assert_eq!(decode(&broken), None);
        assert!(WRITING.with_borrow(Option::is_none) && TABLE.with_borrow(Option::is_none));
    }

    #[test]
    fn a_record_encoded_inside_another_has_a_table_of_its_own() {
        let (outer, inner) = (record("army"), record("police"));
        let mut nested = Vec::new();
        let bytes = with_table(|| {
            nested = encode(&inner);
            postcard::to_allocvec(&outer)
        })
        .unwrap();
        assert_eq!(decode(&bytes), Some(record("army")));
        assert_eq!(decode(&nested), Some(record("police")));
    }

    #[test]
    fn strings_read_while_reading_are_the_interners_copies() {
        let interner = Arc::new(Interner::default());
        let iraq = interner.get("iraq");
        let (a, b) = {
            let _reading = interner.reading();
            (decode(&encode(&record("army"))).unwrap(), decode(&encode(&record("army"))).unwrap())
        };
        assert!(Arc::ptr_eq(&a.places[0], &iraq) && Arc::ptr_eq(&a.events[0].1, &iraq));
        assert!(Arc::ptr_eq(&a.id, &b.id) && Arc::ptr_eq(&a.places[1], &b.places[1]));
        assert!(Arc::ptr_eq(a.key.as_ref().unwrap(), &interner.get("killed/people")));
        // Once the guard is gone, a string read is a copy of its own, and the thread forgets
        // the interner.
        let c = decode(&encode(&record("army"))).unwrap();
        assert!(!Arc::ptr_eq(&c.id, &a.id));
        assert_eq!(&*c.id, "army");
        assert!(READING.with_borrow(Option::is_none));
    }

    #[test]
    fn a_reading_inside_another_gives_the_outer_one_back() {
        let (outer, inner) = (Arc::new(Interner::default()), Arc::new(Interner::default()));
        let _o = outer.reading();
        {
            let _i = inner.reading();
            let r = decode(&encode(&record("army"))).unwrap();
            assert!(Arc::ptr_eq(&r.id, &inner.get("army")));
        }
        let r = decode(&encode(&record("army"))).unwrap();
        assert!(Arc::ptr_eq(&r.id, &outer.get("army")));
    }
}
