//! A sorted sequence kept in chunks shared between copies: the language server copies its
//! indexes for every edit (older snapshots keep theirs), and a copy that then changes one
//! element copies the chunk it is in, at most `2 · CHUNK` elements, never the whole sequence
//! (the places where a country is named, the sources that give one figure, can be tens of
//! thousands long in an archive).
//!
//! Cost, for n elements: a copy O(n / CHUNK); insert and remove O(log n + CHUNK); the elements
//! from a point on, O(log n) to find it.

use std::cmp::Ordering;
use std::sync::Arc;

/// Elements per chunk once split; a chunk is split when it holds twice as many.
const CHUNK: usize = 256;

#[derive(Clone, Debug)]
pub struct Sorted<T> {
    chunks: Vec<Arc<Vec<T>>>,
    len: usize,
}

impl<T> Default for Sorted<T> {
    fn default() -> Sorted<T> {
        Sorted { chunks: Vec::new(), len: 0 }
    }
}

impl<T: PartialEq> PartialEq for Sorted<T> {
    /// The same elements in the same order, however they are chunked.
    fn eq(&self, other: &Sorted<T>) -> bool {
        self.len == other.len && self.iter().eq(other.iter())
    }
}

impl<T> Sorted<T> {
    pub fn len(&self) -> usize {
        self.len
    }

    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    pub fn first(&self) -> Option<&T> {
        self.chunks.first().and_then(|c| c.first())
    }

    pub fn last(&self) -> Option<&T> {
        self.chunks.last().and_then(|c| c.last())
    }

    /// Every element, in order.
    pub fn iter(&self) -> impl Iterator<Item = &T> {
        self.chunks.iter().flat_map(|c| c.iter())
    }

    /// The elements from the first that `before` is false of on (`before` holds of a prefix).
    pub fn from<'s>(&'s self, before: impl Fn(&T) -> bool + 's) -> impl Iterator<Item = &'s T> + 's {
        let k = self.chunks.partition_point(|c| c.last().is_some_and(&before));
        self.chunks[k..].iter().flat_map(|c| c.iter()).skip_while(move |x| before(x))
    }
}

impl<T: Clone + Ord> Sorted<T> {
    /// Puts `item` in its place (after any equal element).
    pub fn insert(&mut self, item: T) {
        // When a sequence is built in order, an element goes last: one comparison.
        let (k, at) = match self.chunks.last().and_then(|c| c.last()) {
            None if self.chunks.is_empty() => {
                self.chunks.push(Arc::default());
                (0, 0)
            }
            Some(last) if *last <= item => (self.chunks.len() - 1, self.chunks[self.chunks.len() - 1].len()),
            _ => {
                let k = self.chunk_of(|x| x.cmp(&item));
                (k, self.chunks[k].partition_point(|x| *x <= item))
            }
        };
        let chunk = Arc::make_mut(&mut self.chunks[k]);
        chunk.insert(at, item);
        self.len += 1;
        if chunk.len() > 2 * CHUNK {
            let rest = chunk.split_off(CHUNK);
            self.chunks.insert(k + 1, Arc::new(rest));
        }
    }

    /// The element `probe` finds equal (`probe(x)`: how `x` compares with it). O(log n).
    pub fn find(&self, probe: impl Fn(&T) -> Ordering) -> Option<&T> {
        if self.chunks.is_empty() {
            return None;
        }
        let chunk = &self.chunks[self.chunk_of(&probe)];
        chunk.binary_search_by(&probe).ok().map(|at| &chunk[at])
    }

    /// As [`Sorted::find`], to change it in place (its chunk copied if shared). The change must
    /// keep its order.
    pub fn find_mut(&mut self, probe: impl Fn(&T) -> Ordering) -> Option<&mut T> {
        if self.chunks.is_empty() {
            return None;
        }
        let k = self.chunk_of(&probe);
        let at = self.chunks[k].binary_search_by(&probe).ok()?;
        Some(&mut Arc::make_mut(&mut self.chunks[k])[at])
    }

    /// Takes out an element `probe` finds equal (`probe(x)`: how `x` compares with it).
    pub fn remove(&mut self, probe: impl Fn(&T) -> Ordering) -> Option<T> {
        if self.chunks.is_empty() {
            return None;
        }
        let k = self.chunk_of(&probe);
        let at = self.chunks[k].binary_search_by(&probe).ok()?;
        let chunk = Arc::make_mut(&mut self.chunks[k]);
        let item = chunk.remove(at);
        self.len -= 1;
        if chunk.is_empty() {
            self.chunks.remove(k);
        }
        Some(item)
    }

    /// The chunk an element `probe` compares with belongs in: the first whose last element is
    /// not less (the last chunk if none).
    fn chunk_of(&self, probe: impl Fn(&T) -> Ordering) -> usize {
        let k = self.chunks.partition_point(|c| c.last().is_some_and(|x| probe(x) == Ordering::Less));
        k.min(self.chunks.len().saturating_sub(1))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Through inserts and removals in any order, across chunk splits, the chunks hold what
    /// one sorted list would; a copy shares every chunk but the one changed.
    #[test]
    fn chunks_are_one_sorted_list() {
        let mut sorted: Sorted<(u32, u32)> = Sorted::default();
        let mut plain: Vec<(u32, u32)> = Vec::new();
        let mut seed = 3u64;
        let mut next = move || {
            seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
            (seed >> 33) as u32
        };
        for round in 0..4000 {
            let item = (next() % 40, next() % 500);
            match plain.binary_search(&item) {
                Ok(k) if round % 3 == 0 => {
                    plain.remove(k);
                    assert_eq!(sorted.remove(|x| x.cmp(&item)), Some(item));
                }
                Ok(_) => {}
                Err(k) => {
                    plain.insert(k, item);
                    sorted.insert(item);
                }
            }
        }
        assert!(sorted.chunks.len() > 2, "a test that can fail: the elements span chunks");
        assert_eq!(sorted.iter().copied().collect::<Vec<_>>(), plain);
        assert_eq!(sorted.len(), plain.len());
        assert_eq!(sorted.first(), plain.first());
        assert_eq!(sorted.last(), plain.last());
        let from: Vec<(u32, u32)> = sorted.from(|x| x.0 < 7).take_while(|x| x.0 == 7).copied().collect();
        assert_eq!(from, plain.iter().filter(|x| x.0 == 7).copied().collect::<Vec<_>>());
        assert_eq!(sorted.remove(|x| x.cmp(&(99, 0))), None);
        let some = plain[plain.len() / 2];
        assert_eq!(sorted.find(|x| x.cmp(&some)), Some(&some));
        assert_eq!(sorted.find(|x| x.cmp(&(99, 0))), None);

        let copy = sorted.clone();
        sorted.insert((0, 0));
        let shared = copy.chunks.iter().filter(|a| sorted.chunks.iter().any(|b| Arc::ptr_eq(a, b))).count();
        assert_eq!(shared, copy.chunks.len() - 1, "only the changed chunk is copied");
    }
}
