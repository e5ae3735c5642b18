//! One copy of each string a workspace's sources share, and reading them back from the cache
//! straight into it.
//!
//! The same few strings recur in every source of an archive: entity ids («iraq»، «army»), a
//! story's measures and subjects (`killed/people`, `i:blast`), the places a claim names. The
//! workspace keeps one copy of each ([`Interner`]). A record read back from the cache names
//! them again and again; each is looked up as the record is decoded ([`Interner::reading`] and
//! the `deserialize_with` helpers below), so it never exists as a string of its own: decoding a
//! string into a `Box<str>`, copying it into an `Arc<str>` and then trading that for the shared
//! copy was a sixth of a re-check's work at 10,000 articles.

use std::cell::RefCell;
use std::sync::Arc;

use rustc_hash::FxHashSet;
use serde::{Deserialize, Deserializer};

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

    /// Until the guard is dropped, the strings this thread decodes through the helpers below
    /// are this interner's shared copies. A guard is meant to cover many records (a worker's
    /// share of a run): what the thread has looked up is remembered for its life, so most
    /// strings are found without taking the interner's lock.
    pub fn reading(self: &Arc<Self>) -> Reading {
        let now = Some(State { interner: self.clone(), seen: FxHashSet::default() });
        Reading { before: READING.replace(now) }
    }
}

thread_local! {
    /// The interner this thread reads strings into, and the shared copies it has met.
    static READING: RefCell<Option<State>> = const { RefCell::new(None) };
}

struct State {
    interner: Arc<Interner>,
    seen: FxHashSet<Arc<str>>,
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
    READING.with_borrow_mut(|state| match state {
        Some(state) => match state.seen.get(s) {
            Some(found) => found.clone(),
            None => {
                let shared = state.interner.get(s);
                state.seen.insert(shared.clone());
                shared
            }
        },
        None => s.into(),
    })
}

/// A string read as its shared copy: the element type of the helpers' lists.
struct Shared(Arc<str>);

impl<'de> Deserialize<'de> for Shared {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Shared, D::Error> {
        struct Visitor;
        impl serde::de::Visitor<'_> for Visitor {
            type Value = Shared;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a string")
            }
            // A borrowing format (the cache's) hands the bytes in place: nothing is copied
            // unless the string is new to the workspace.
            fn visit_str<E>(self, s: &str) -> Result<Shared, E> {
                Ok(Shared(share(s)))
            }
        }
        d.deserialize_str(Visitor)
    }
}

/// `#[serde(deserialize_with)]` for an `Arc<str>`.
pub(crate) fn one<'de, D: Deserializer<'de>>(d: D) -> Result<Arc<str>, D::Error> {
    Shared::deserialize(d).map(|s| s.0)
}

/// `#[serde(deserialize_with)]` for an `Option<Arc<str>>`.
pub(crate) fn option<'de, D: Deserializer<'de>>(d: D) -> Result<Option<Arc<str>>, D::Error> {
    Option::<Shared>::deserialize(d).map(|s| s.map(|s| s.0))
}

/// `#[serde(deserialize_with)]` for a list of `Arc<str>` (`Vec`, boxed slice).
pub(crate) fn list<'de, D: Deserializer<'de>, L: FromIterator<Arc<str>>>(d: D) -> Result<L, D::Error> {
    Vec::<Shared>::deserialize(d).map(|v| v.into_iter().map(|s| s.0).collect())
}

/// `#[serde(deserialize_with)]` for a list of pairs whose second is an `Arc<str>`.
pub(crate) fn pairs<'de, D, T, L>(d: D) -> Result<L, D::Error>
where
    D: Deserializer<'de>,
    T: Deserialize<'de>,
    L: FromIterator<(T, Arc<str>)>,
{
    Vec::<(T, Shared)>::deserialize(d).map(|v| v.into_iter().map(|(t, s)| (t, s.0)).collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Deserialize, serde::Serialize)]
    struct Record {
        #[serde(deserialize_with = "one")]
        id: Arc<str>,
        #[serde(deserialize_with = "option")]
        key: Option<Arc<str>>,
        #[serde(deserialize_with = "list")]
        places: Box<[Arc<str>]>,
        #[serde(deserialize_with = "pairs")]
        events: Vec<(u32, Arc<str>)>,
    }

    fn record(id: &str) -> Vec<u8> {
        let r = Record {
            id: id.into(),
            key: Some("killed/people".into()),
            places: vec!["iraq".into(), "baghdad".into()].into(),
            events: vec![(7, "iraq".into())],
        };
        postcard::to_allocvec(&r).unwrap()
    }

    #[test]
    fn strings_read_while_reading_are_the_interners_copies() {
        let interner = Arc::new(Interner::default());
        let iraq = interner.get("iraq");
        let (a, b): (Record, Record) = {
            let _reading = interner.reading();
            (postcard::from_bytes(&record("army")).unwrap(), postcard::from_bytes(&record("army")).unwrap())
        };
        assert!(Arc::ptr_eq(&a.places[0], &iraq) && Arc::ptr_eq(&a.events[0].1, &iraq));
        assert!(Arc::ptr_eq(&a.id, &b.id) && Arc::ptr_eq(&a.places[1], &b.places[1]));
        assert!(Arc::ptr_eq(a.key.as_ref().unwrap(), &interner.get("killed/people")));
        assert_eq!((&*a.id, &*a.places[1], a.events[0].0), ("army", "baghdad", 7));
        // Once the guard is gone, a string read is a copy of its own, and the thread forgets
        // the interner.
        let c: Record = postcard::from_bytes(&record("army")).unwrap();
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
            let r: Record = postcard::from_bytes(&record("army")).unwrap();
            assert!(Arc::ptr_eq(&r.id, &inner.get("army")));
        }
        let r: Record = postcard::from_bytes(&record("army")).unwrap();
        assert!(Arc::ptr_eq(&r.id, &outer.get("army")));
    }
}
