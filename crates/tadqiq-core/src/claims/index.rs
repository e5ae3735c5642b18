//! Every claim bucket of a workspace, as a summary kept up to date per edit: for the language
//! server, whose findings are wanted for the few open documents after every keystroke.
//!
//! A bucket's summary is what the conflict verdicts need and no more: the groups of what its
//! sources say (by value, as [`crate::rules`]' batch judging groups them), and the sources that
//! say each combination of groups. A claim's verdict in a bucket is then counted over the
//! combinations, not over the bucket's sources; the sources on each side are the first few of
//! each combination's, in path order. Where a statement stands in its source (its claim) is
//! looked up in that source when a message needs it, so an edit that moves an article's
//! statements without changing what it says in which bucket leaves the index as it was.
//!
//! Cost, for a source with b bucket memberships: building the index is O(memberships · log s)
//! over the workspace, once; an edit compares the source's old and new memberships, O(b log b),
//! and changes only the buckets where what it says changed, O(g + log s + CHUNK) each (s
//! sources, g groups in the bucket). Buckets are held in shards, and their sources in chunks
//! ([`Sorted`]), shared with older snapshots: a change copies the shard's table of pointers, the
//! bucket's groups and the one chunk, never a bucket's sources.

use std::collections::BTreeMap;
use std::hash::{BuildHasher, Hash};
use std::sync::Arc;

use rustc_hash::FxHashMap;

use super::keys::{ClaimData, Kind};
use super::said::Said;
use super::{Bucket, buckets_of, keyed};
use crate::sorted::Sorted;
use crate::workspace::{Doc, Workspace};

/// A bucket with more groups than this is not one quantity several sources state (a series
/// over time, or a key too coarse to tell quantities apart): it is not judged.
pub(crate) const MAX_GROUPS: usize = 48;

/// At most this many sources of each side are gathered per bucket.
pub(crate) const MAX_SIDE: usize = 20;

/// A bucket, held apart from any one gathering of claims: its story by name.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum BucketKey {
    Story { story: Arc<str>, measure: Arc<str>, anchor: Arc<str> },
    Strict { key: Arc<str>, event: bool, context: Arc<str> },
}

impl BucketKey {
    /// The buckets a claim of a source in `story` is in, in the order of [`Bucket`]s of one
    /// claim (one story: its number never decides).
    pub fn of<'d>(story: &'d Arc<str>, data: &'d ClaimData) -> impl Iterator<Item = BucketKey> + 'd {
        buckets_of(data, 0).map(move |b| match b {
            Bucket::Story { measure, anchor, .. } => {
                BucketKey::Story { story: story.clone(), measure: measure.clone(), anchor: anchor.clone() }
            }
            Bucket::Strict { key, event, context } => {
                BucketKey::Strict { key: key.clone(), event, context: context.clone() }
            }
        })
    }

    /// As a [`Bucket`] for messages ([`Bucket::why`]) and for how claims meeting in it are
    /// compared ([`Bucket::strict`]).
    pub fn bucket(&self) -> Bucket<'_> {
        match self {
            BucketKey::Story { measure, anchor, .. } => Bucket::Story { story: 0, measure, anchor },
            BucketKey::Strict { key, event, context } => Bucket::Strict { key, event: *event, context },
        }
    }

    /// Whether a claim of a source in `story` is in this bucket.
    pub fn holds(&self, story: &str, data: &ClaimData) -> bool {
        match self {
            BucketKey::Story { story: s, measure, anchor } => {
                &**s == story && data.measure.as_ref() == Some(measure) && data.anchors.iter().any(|a| a.key == *anchor)
            }
            BucketKey::Strict { key, event, context } => {
                data.key.as_ref() == Some(key) && data.context.iter().any(|(e, x)| e == event && x == context)
            }
        }
    }
}

/// What the sources of one bucket say, summarised.
#[derive(Clone, Debug, Default)]
pub struct BucketState {
    /// The groups, each one value; a slot freed when its last source left is `None`.
    groups: Vec<Option<Group>>,
    live: usize,
    /// The sources that say each combination of groups (slots, ascending), in path order;
    /// each source is under one. Few combinations recur however many sources a bucket has: a
    /// verdict is counted over these. In chunks shared with older snapshots ([`Sorted`]).
    combos: FxHashMap<Box<[u16]>, Sorted<Arc<str>>>,
    /// How its groups stand to each other and what each side counts: worked out when first
    /// asked, kept until the bucket changes (so across edits that leave it as it is).
    judgement: std::sync::OnceLock<Arc<Judgement>>,
}

/// A bucket's groups judged: per group (by slot), how the others stand to it, how many sources
/// agree and disagree with it, and its sides when asked.
#[derive(Debug)]
pub struct Judgement {
    pub relation: Vec<Relation>,
    pub counts: Vec<(usize, usize)>,
    sides: Vec<std::sync::OnceLock<Sides>>,
}

/// The first sources agreeing with a group and the first only disagreeing, in path order.
pub type Sides = (Vec<Arc<str>>, Vec<Arc<str>>);

impl Judgement {
    /// The sides of group `a` ([`BucketState::sides`]), worked out once.
    pub fn sides(&self, state: &BucketState, a: u16) -> &Sides {
        self.sides[a as usize].get_or_init(|| {
            let (with, against) = state.sides(&self.relation[a as usize]);
            (with.into_iter().cloned().collect(), against.into_iter().cloned().collect())
        })
    }
}

#[derive(Clone, Debug)]
struct Group {
    said: Said,
    /// [`Said::group_key`] of it: compared before the value.
    key: u64,
    /// How many sources say it here.
    sources: u32,
}

/// How each group of a bucket stands to one of them: agrees, disagrees, or cannot be compared
/// (`None`), by slot.
#[derive(Debug)]
pub struct Relation(Vec<Option<bool>>);

impl Relation {
    fn at(&self, slot: u16) -> Option<bool> {
        self.0.get(slot as usize).copied().flatten()
    }

    /// Whether any of `slots` is related as `pick`.
    pub fn any(&self, slots: &[u16], pick: bool) -> bool {
        slots.iter().any(|&x| self.at(x) == Some(pick))
    }
}

impl BucketState {
    /// Whether the bucket is judged: at least two groups, at most [`MAX_GROUPS`].
    pub fn judged(&self) -> bool {
        (2..=MAX_GROUPS).contains(&self.live)
    }

    /// The group that says `said`. O(g).
    pub fn group_of(&self, said: &Said) -> Option<u16> {
        self.group_keyed(said, said.group_key())
    }

    fn group_keyed(&self, said: &Said, key: u64) -> Option<u16> {
        self.groups.iter().position(|g| g.as_ref().is_some_and(|g| g.key == key && g.said == *said)).map(|i| i as u16)
    }

    /// The value a group says.
    pub fn said(&self, slot: u16) -> Option<&Said> {
        self.groups.get(slot as usize)?.as_ref().map(|g| &g.said)
    }

    /// Every group's relation, counts and (when asked) sides, for a bucket whose claims are
    /// compared `strict`ly or not: O(g² + g · combinations) the first time after a change.
    pub fn judgement(&self, strict: bool) -> &Judgement {
        self.judgement.get_or_init(|| {
            let relation: Vec<Relation> = (0..self.groups.len() as u16).map(|a| self.relation(a, strict)).collect();
            let counts = relation.iter().map(|rel| self.counts(rel)).collect();
            let sides = relation.iter().map(|_| std::sync::OnceLock::new()).collect();
            Arc::new(Judgement { relation, counts, sides })
        })
    }

    /// How every group stands to group `a` (itself: agrees). O(g).
    fn relation(&self, a: u16, strict: bool) -> Relation {
        let Some(mine) = self.said(a) else { return Relation(Vec::new()) };
        Relation(
            self.groups
                .iter()
                .enumerate()
                .map(|(x, g)| {
                    let g = g.as_ref()?;
                    if x == a as usize { Some(true) } else { mine.relate(&g.said, strict) }
                })
                .collect(),
        )
    }

    /// Which side a combination of groups is on: agreeing (a source saying both agrees),
    /// disagreeing, or neither (`None`).
    fn side(rel: &Relation, combo: &[u16]) -> Option<bool> {
        if rel.any(combo, true) {
            Some(true)
        } else if rel.any(combo, false) {
            Some(false)
        } else {
            None
        }
    }

    /// How many sources say something related as agreeing (`.0`) and how many only something
    /// disagreeing (`.1`). O(combinations).
    pub fn counts(&self, rel: &Relation) -> (usize, usize) {
        let (mut agreeing, mut disagreeing) = (0, 0);
        for (combo, sources) in &self.combos {
            match Self::side(rel, combo) {
                Some(true) => agreeing += sources.len(),
                Some(false) => disagreeing += sources.len(),
                None => {}
            }
        }
        (agreeing, disagreeing)
    }

    /// The first [`MAX_SIDE`] sources, in path order, that say something agreeing, and the
    /// first that say something disagreeing and nothing agreeing. O(combinations · MAX_SIDE).
    pub fn sides(&self, rel: &Relation) -> (Vec<&Arc<str>>, Vec<&Arc<str>>) {
        let (mut agreeing, mut disagreeing): (Vec<&Arc<str>>, Vec<&Arc<str>>) = (Vec::new(), Vec::new());
        for (combo, sources) in &self.combos {
            match Self::side(rel, combo) {
                Some(true) => agreeing.extend(sources.iter().take(MAX_SIDE)),
                Some(false) => disagreeing.extend(sources.iter().take(MAX_SIDE)),
                None => {}
            }
        }
        for side in [&mut agreeing, &mut disagreeing] {
            if side.len() > MAX_SIDE {
                side.select_nth_unstable(MAX_SIDE);
                side.truncate(MAX_SIDE);
            }
            side.sort_unstable();
        }
        (agreeing, disagreeing)
    }

    /// Every source with something here, in path order. O(s log s).
    pub fn sources(&self) -> Vec<&Arc<str>> {
        let mut all: Vec<&Arc<str>> = self.combos.values().flat_map(|s| s.iter()).collect();
        all.sort_unstable();
        all
    }

    /// Puts `path` in the groups of `saids` (it is in none here).
    fn add(&mut self, path: &Arc<str>, saids: &[Said]) {
        let mut combo: Vec<u16> = saids
            .iter()
            .map(|said| (said, said.group_key()))
            .map(|(said, key)| match self.group_keyed(said, key) {
                Some(x) => x,
                None => {
                    let group = Some(Group { said: said.clone(), key, sources: 0 });
                    self.live += 1;
                    match self.groups.iter().position(Option::is_none) {
                        Some(free) => {
                            self.groups[free] = group;
                            free as u16
                        }
                        None => {
                            self.groups.push(group);
                            (self.groups.len() - 1) as u16
                        }
                    }
                }
            })
            .collect();
        combo.sort_unstable();
        combo.dedup();
        for &x in &combo {
            if let Some(g) = self.groups[x as usize].as_mut() {
                g.sources += 1;
            }
        }
        self.combos.entry(combo.into()).or_default().insert(path.clone());
    }

    /// Takes `path`, which said `saids` here, out.
    fn remove(&mut self, path: &str, saids: &[Said]) {
        let mut combo: Vec<u16> = saids.iter().filter_map(|said| self.group_of(said)).collect();
        combo.sort_unstable();
        combo.dedup();
        let Some(sources) = self.combos.get_mut(&combo[..]) else { return };
        if sources.remove(|s| (**s).cmp(path)).is_none() {
            return;
        }
        if sources.is_empty() {
            self.combos.remove(&combo[..]);
        }
        for &x in &combo {
            let slot = &mut self.groups[x as usize];
            if let Some(g) = slot {
                g.sources -= 1;
                if g.sources == 0 {
                    *slot = None;
                    self.live -= 1;
                }
            }
        }
        while self.groups.last().is_some_and(Option::is_none) {
            self.groups.pop();
        }
    }
}

/// What one source says in each bucket it is in: (kind, bucket) ascending, each with its
/// distinct values.
pub(crate) type Memberships = Vec<Membership>;

/// A bucket a source is in, with the values it says there.
pub(crate) type Membership = ((Kind, BucketKey), Vec<Said>);

const SHARDS: usize = 256;

type Shard = FxHashMap<(Kind, BucketKey), Arc<BucketState>>;

/// Every bucket of a workspace's claims, by kind.
#[derive(Clone, Debug)]
pub struct ClaimIndex {
    shards: Vec<Arc<Shard>>,
}

fn shard_of(key: &(Kind, BucketKey)) -> usize {
    (rustc_hash::FxBuildHasher.hash_one(key) as usize) % SHARDS
}

impl ClaimIndex {
    /// The index of every source's claims (their keys computed on every core first).
    pub(crate) fn build(ws: &Workspace) -> ClaimIndex {
        let docs: Vec<(&str, &Doc)> = ws.docs().collect();
        let mut index = ClaimIndex { shards: (0..SHARDS).map(|_| Arc::default()).collect() };
        // A batch at a time: every source's memberships at once would hold a copy of every
        // statement's value.
        for batch in docs.chunks(512) {
            let all = crate::workspace::par_map(batch, |(path, doc)| memberships(ws, path, doc));
            for ((path, _), m) in batch.iter().zip(all) {
                let path = ws.shared_path(path);
                index.replace(&path, &[], &m);
            }
        }
        index
    }

    /// Changes what `path` says from `old` to `new`, touching only the buckets where they
    /// differ.
    pub(crate) fn replace(&mut self, path: &Arc<str>, old: &[Membership], new: &[Membership]) {
        let (mut o, mut n) = (old.iter().peekable(), new.iter().peekable());
        loop {
            let order = match (o.peek(), n.peek()) {
                (None, None) => break,
                (Some(_), None) => std::cmp::Ordering::Less,
                (None, Some(_)) => std::cmp::Ordering::Greater,
                (Some(a), Some(b)) => a.0.cmp(&b.0),
            };
            match order {
                std::cmp::Ordering::Less => {
                    let (key, saids) = o.next().expect("peeked");
                    self.change(key, |s| s.remove(path, saids));
                }
                std::cmp::Ordering::Greater => {
                    let (key, saids) = n.next().expect("peeked");
                    self.change(key, |s| s.add(path, saids));
                }
                std::cmp::Ordering::Equal => {
                    let ((key, before), (_, after)) = (o.next().expect("peeked"), n.next().expect("peeked"));
                    if before != after {
                        self.change(key, |s| {
                            s.remove(path, before);
                            s.add(path, after);
                        });
                    }
                }
            }
        }
    }

    fn change(&mut self, key: &(Kind, BucketKey), f: impl FnOnce(&mut BucketState)) {
        let shard = Arc::make_mut(&mut self.shards[shard_of(key)]);
        let state = shard.entry(key.clone()).or_default();
        let state = Arc::make_mut(state);
        f(state);
        state.judgement = std::sync::OnceLock::new();
        if state.combos.is_empty() {
            shard.remove(key);
        }
    }

    /// The bucket `key` of claims of `kind`, if any source has a claim in it.
    pub fn get(&self, kind: Kind, key: BucketKey) -> Option<&BucketState> {
        let key = (kind, key);
        self.shards[shard_of(&key)].get(&key).map(|s| &**s)
    }
}

/// What a source says in each bucket it is in. O(its claims · their buckets · log).
pub(crate) fn memberships(ws: &Workspace, path: &str, doc: &Doc) -> Memberships {
    let story = ws.interner().get(ws.story(path));
    let mut all: BTreeMap<(Kind, BucketKey), Vec<Said>> = BTreeMap::new();
    for c in &keyed(ws, doc).claims {
        for key in BucketKey::of(&story, c) {
            let saids = all.entry((c.kind, key)).or_default();
            if !saids.contains(&c.said) {
                saids.push(c.said.clone());
            }
        }
    }
    all.into_iter().collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::test_support::workspace;

    fn index_of(ws: &Workspace) -> ClaimIndex {
        ClaimIndex::build(ws)
    }

    #[test]
    fn buckets_count_sources_by_what_they_say() {
        let a = "قتل 12 شخصا في انفجار سيارة مفخخة في سوق بلدة الكرامة.";
        let b = "أسفر الانفجار الذي هز سوق بلدة الكرامة عن سقوط 12 قتيلا.";
        let c = "وقتل 15 شخصا في انفجار بلدة الكرامة.";
        let ws = workspace(&[("a.txt", a, None), ("b.txt", b, None), ("c.txt", c, None)]);
        let index = index_of(&ws);
        let story = ws.interner().get(ws.story("a.txt"));
        let doc = ws.doc("a.txt").unwrap();
        let claim = keyed(&ws, doc).claims.iter().find(|c| c.kind == Kind::Figures).unwrap();
        let key = BucketKey::of(&story, claim).find(|k| matches!(k, BucketKey::Story { .. })).unwrap();
        let state = index.get(Kind::Figures, key.clone()).unwrap();
        assert!(state.judged());
        let sources: Vec<&str> = state.sources().into_iter().map(|s| &**s).collect();
        assert_eq!(sources, ["a.txt", "b.txt", "c.txt"]);
        let a_group = state.group_of(&claim.said).unwrap();
        let rel = state.relation(a_group, key.bucket().strict());
        // a and b say 12, c says 15.
        assert_eq!(state.counts(&rel), (2, 1));
        let (with, against) = state.sides(&rel);
        assert_eq!(with.iter().map(|s| &***s).collect::<Vec<_>>(), ["a.txt", "b.txt"]);
        assert_eq!(against.iter().map(|s| &***s).collect::<Vec<_>>(), ["c.txt"]);
    }

    #[test]
    fn an_edit_changes_only_what_it_says() {
        let a = "قتل 12 شخصا في انفجار سيارة مفخخة في سوق بلدة الكرامة.";
        let b = "وقتل 15 شخصا في انفجار بلدة الكرامة.";
        let mut ws = workspace(&[("a.txt", a, None), ("b.txt", b, None)]);
        let before = index_of(&ws);
        let path = ws.shared_path("b.txt");
        let old = memberships(&ws, "b.txt", ws.doc("b.txt").unwrap());
        // The same statement moved by new words before it: no bucket changes.
        ws.upsert("b.txt", format!("عاجل: {b}"), None);
        let new = memberships(&ws, "b.txt", ws.doc("b.txt").unwrap());
        assert_eq!(old, new);
        // Another figure: the index kept per edit is the index built afresh.
        ws.upsert("b.txt", b.replace("15", "12"), None);
        let new = memberships(&ws, "b.txt", ws.doc("b.txt").unwrap());
        let mut kept = before.clone();
        kept.replace(&path, &old, &new);
        let fresh = index_of(&ws);
        let shape = |i: &ClaimIndex| {
            let mut all: Vec<String> = i
                .shards
                .iter()
                .flat_map(|s| s.iter())
                .map(|(k, s)| {
                    let mut groups: Vec<String> = s
                        .groups
                        .iter()
                        .enumerate()
                        .filter_map(|(x, g)| {
                            let g = g.as_ref()?;
                            let mut said_by: Vec<&str> = s
                                .combos
                                .iter()
                                .filter(|(c, _)| c.contains(&(x as u16)))
                                .flat_map(|(_, sources)| sources.iter().map(|p| &**p))
                                .collect();
                            said_by.sort_unstable();
                            Some(format!("{:?} {} {said_by:?}", g.said, g.sources))
                        })
                        .collect();
                    groups.sort();
                    format!("{k:?} live {} {groups:?}", s.live)
                })
                .collect();
            all.sort();
            all
        };
        assert_eq!(shape(&kept), shape(&fresh));
        assert_ne!(shape(&before), shape(&fresh));
    }
}
