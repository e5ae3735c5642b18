//! Every source of a story, analysed, with one id per entity across all of them: the
//! cross-source index that the rules, the CLI and the language server read.
//!
//! Each article is analysed alone (dates, figures, known entities, the names it introduces).
//! The registry then gathers every introduction from every source, so a name introduced in
//! one article («المتحدث باسم الجيش اللبناني العميد نزيه جبور») is recognised bare in all of them
//! («جبور»). Updating one article re-analyses only it; the others are only re-matched
//! against the registry, and only when the registry changed.

use std::collections::BTreeMap;
use std::sync::Arc;

use rustc_hash::{FxHashMap, FxHashSet};

use crate::analysis::{Analysis, PublishedSource, analyse_article};
use crate::calendar::DateValue;
use crate::claims::index::{ClaimIndex, memberships};
use crate::entities::recognise::{BareHead, overlaps};
use crate::entities::{Entity, EntityKind, EntityMention, Gazetteer, How, LocalEntities, Origin, slug};
use crate::extract::Span;
use crate::phrases::{Gaps, PhraseMap};
use crate::position::LineIndex;
use crate::sorted::Sorted;
use crate::text::{Tokens, offset_after_letters};

/// One source: its text and everything found in it.
pub struct Doc {
    pub text: String,
    pub analysis: Analysis,
    pub local: LocalEntities,
    /// Every entity mention, in text order: known names, institutions, and names introduced
    /// here or in any other source.
    pub entities: Vec<EntityMention>,
    /// What the conflict rules key this source's claims by; cleared whenever the source or
    /// its entities change.
    pub(crate) claims: std::sync::OnceLock<crate::claims::keys::DocClaims>,
    /// Where its lines start, built when a front end first asks for a line or column.
    lines: std::sync::OnceLock<Arc<LineIndex>>,
    /// The month names it writes dates in ([`crate::messages::tradition_of`]), read when a
    /// message about it is first put into words.
    months: std::sync::OnceLock<Option<&'static str>>,
}

/// A copy keeps the text, the analysis and the entities; the caches (claim keys, lines) are
/// built again when asked: a source is copied only to be changed (a snapshot's older copy is
/// left as it was).
impl Clone for Doc {
    fn clone(&self) -> Doc {
        Doc::new(self.text.clone(), self.analysis.clone(), self.local.clone(), self.entities.clone())
    }
}

impl Doc {
    fn new(
        mut text: String,
        mut analysis: Analysis,
        mut local: LocalEntities,
        mut entities: Vec<EntityMention>,
    ) -> Doc {
        // A workspace holds every source for as long as it lives: no growth room is kept.
        text.shrink_to_fit();
        analysis.mentions.shrink_to_fit();
        local.mentions.shrink_to_fit();
        local.introductions.shrink_to_fit();
        local.sentences.shrink_to_fit();
        local.events.shrink_to_fit();
        local.bare_heads.shrink_to_fit();
        entities.shrink_to_fit();
        Doc {
            text,
            analysis,
            local,
            entities,
            claims: Default::default(),
            lines: Default::default(),
            months: Default::default(),
        }
    }

    /// The source's lines, for turning spans into lines and columns.
    pub fn lines(&self) -> &LineIndex {
        self.lines.get_or_init(|| Arc::new(LineIndex::new(&self.text)))
    }

    /// The parts claims are keyed from.
    pub fn parts(&self) -> crate::claims::keys::Parts<'_> {
        crate::claims::keys::Parts {
            text: &self.text,
            analysis: &self.analysis,
            local: &self.local,
            entities: &self.entities,
        }
    }
}

/// Where an entity is mentioned, with the sentence around it and the claims in that sentence.
#[derive(Clone, Debug, PartialEq)]
pub struct Occurrence<'w> {
    pub path: &'w str,
    pub span: Span,
    pub sentence: Span,
    /// Indexes into the source's `analysis.mentions` of the dates, figures and durations in
    /// the sentence.
    pub claims: Vec<usize>,
}

/// What stands around a date or a figure: the entities and event words of its sentence.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ClaimContext {
    pub sentence: Option<Span>,
    pub entities: Vec<Arc<str>>,
    pub events: Vec<Arc<str>>,
}

#[derive(Default)]
struct Registry {
    entities: Vec<Entity>,
    by_id: FxHashMap<Arc<str>, usize>,
    names: PhraseMap<Arc<str>>,
    /// Two- and three-word names by their words' skeletons, to find a transliteration
    /// variant («أنييس روماتيه» for «آنيس روماتيه») wherever it stands.
    skeletons: FxHashMap<String, (usize, Arc<str>, String)>,
    /// The skeletons of those names' first words: only windows starting with one are tried.
    first_skeletons: FxHashSet<String>,
    /// Every (folded name, id) the registry matches, to tell whether it changed.
    fingerprint: Vec<(String, Arc<str>)>,
    /// A hash of the fingerprint and of every entity's id, kind and name: with a source's own
    /// introductions' ids, what its matched entities depend on ([`Workspace::match_key`]).
    /// Worked out when the cache first asks, never on the server's edits.
    hash: std::sync::OnceLock<u64>,
    /// The id of each introduction, by source: the ids of its introductions, in their order.
    /// One entry per source, not a (path, index) key per introduction: the registry is built
    /// on one thread, and each such key hashed the source's path again.
    intro_ids: FxHashMap<Arc<str>, Vec<Arc<str>>>,
    /// The same, by id: where each entity is introduced, titled before bare, then the
    /// earliest source first.
    intros_of: FxHashMap<Arc<str>, Vec<(Arc<str>, usize)>>,
    /// Per institution (`police`), the one country whose such institution the workspace
    /// qualifies, or `None` when it qualifies several.
    institutions: FxHashMap<Arc<str>, Option<Arc<str>>>,
}

impl Registry {
    /// The id given to introduction `k` of source `path`.
    fn intro_id(&self, path: &str, k: usize) -> Option<&Arc<str>> {
        self.intro_ids.get(path).and_then(|ids| ids.get(k))
    }
}

/// Where a source's introductions count among others' ([`RegistryView::order`]): no
/// publication date last, then by date, then by path.
type SourceOrder<'p> = (bool, Option<i32>, Option<u8>, Option<u8>, &'p str);

/// Cheap to clone (every source and the registry are shared): the language server answers on
/// one clone while it builds the next.
#[derive(Clone)]
pub struct Workspace {
    gazetteer: Arc<Gazetteer>,
    docs: Docs,
    registry: Arc<Registry>,
    /// Whether sources are read for entities at all; see [`Workspace::without_entities`].
    entities: bool,
    /// Stories `tadqiq.toml` names, by source; a source not named is in its folder's story.
    stories: FxHashMap<Arc<str>, Arc<str>>,
    /// Outlets `tadqiq.toml` names, by source.
    outlets: FxHashMap<Arc<str>, Arc<str>>,
    /// Every entity's written forms and where each stands, built when `name-variant` first
    /// asks and then kept up to date per edit (see [`SpellingIndex`]).
    spellings: std::sync::OnceLock<Arc<SpellingIndex>>,
    /// The strings the sources' claim keys share, one copy each.
    interner: Arc<crate::shared::Interner>,
    /// Every claim bucket, summarised: built when the language server first wants findings
    /// for a few sources, then kept up to date per edit (see [`ClaimIndex`]).
    claim_index: std::sync::OnceLock<Arc<ClaimIndex>>,
}

/// Every source by path, in path order, in chunks shared with older snapshots ([`Sorted`]): the
/// server copies the workspace for every edit, and the copy must not cost the archive.
#[derive(Clone, Default)]
struct Docs {
    sorted: Sorted<Entry>,
    /// The same entries by a hash of their path, once the workspace is no longer changed
    /// ([`Workspace::settle`]): a run's output looks a source up for every place it prints
    /// (hundreds of thousands at 10,000 articles), each a binary search comparing long paths
    /// that share their folders. Any change drops it.
    hashed: Option<Arc<FxHashMap<Arc<str>, Arc<Doc>>>>,
}

#[derive(Clone)]
struct Entry {
    path: Arc<str>,
    doc: Arc<Doc>,
}

impl PartialEq for Entry {
    fn eq(&self, other: &Entry) -> bool {
        self.path == other.path
    }
}

impl Eq for Entry {}

impl PartialOrd for Entry {
    fn partial_cmp(&self, other: &Entry) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Entry {
    fn cmp(&self, other: &Entry) -> std::cmp::Ordering {
        self.path.cmp(&other.path)
    }
}

impl Docs {
    fn get_key_value(&self, path: &str) -> Option<(&Arc<str>, &Arc<Doc>)> {
        match &self.hashed {
            Some(hashed) => hashed.get_key_value(path),
            None => self.sorted.find(|e| (*e.path).cmp(path)).map(|e| (&e.path, &e.doc)),
        }
    }

    fn get(&self, path: &str) -> Option<&Arc<Doc>> {
        self.get_key_value(path).map(|(_, d)| d)
    }

    fn get_mut(&mut self, path: &str) -> Option<&mut Arc<Doc>> {
        self.hashed = None;
        self.sorted.find_mut(|e| (*e.path).cmp(path)).map(|e| &mut e.doc)
    }

    /// Adds or replaces; the old source, if any.
    fn insert(&mut self, path: Arc<str>, doc: Arc<Doc>) -> Option<Arc<Doc>> {
        match self.get_mut(&path) {
            Some(old) => Some(std::mem::replace(old, doc)),
            None => {
                self.sorted.insert(Entry { path, doc });
                None
            }
        }
    }

    fn remove(&mut self, path: &str) -> Option<Arc<Doc>> {
        self.hashed = None;
        self.sorted.remove(|e| (*e.path).cmp(path)).map(|e| e.doc)
    }

    fn hash(&mut self) {
        self.hashed = Some(Arc::new(self.sorted.iter().map(|e| (e.path.clone(), e.doc.clone())).collect()));
    }

    fn iter(&self) -> impl Iterator<Item = (&Arc<str>, &Arc<Doc>)> {
        self.sorted.iter().map(|e| (&e.path, &e.doc))
    }

    fn keys(&self) -> impl Iterator<Item = &Arc<str>> {
        self.sorted.iter().map(|e| &e.path)
    }

    fn values(&self) -> impl Iterator<Item = &Arc<Doc>> {
        self.sorted.iter().map(|e| &e.doc)
    }
}

impl std::ops::Index<&str> for Docs {
    type Output = Arc<Doc>;

    fn index(&self, path: &str) -> &Arc<Doc> {
        self.get(path).expect("a source of the workspace")
    }
}

/// Where each entity is written, form by form, in source order: what `name-variant` compares.
/// Built once, O(mentions); an edit that keeps the registry updates only the entities the
/// edited source names, O(their forms + that source's mentions · log); an edit that changes
/// the registry drops it. Each entity's forms are shared with older snapshots until changed.
#[derive(Clone, Debug, PartialEq)]
pub struct SpellingIndex {
    /// Entities by a hash of their id, in shards: a copy for an edit copies the shards the
    /// edited source's entities are in, not the whole map.
    shards: Vec<Arc<FxHashMap<Arc<str>, Arc<Forms>>>>,
}

const SPELLING_SHARDS: usize = 1024;

fn shard_of(id: &str) -> usize {
    use std::hash::{BuildHasher, Hasher};
    let mut h = rustc_hash::FxBuildHasher.build_hasher();
    h.write(id.as_bytes());
    h.finish() as usize % SPELLING_SHARDS
}

impl Default for SpellingIndex {
    fn default() -> SpellingIndex {
        SpellingIndex { shards: vec![Arc::default(); SPELLING_SHARDS] }
    }
}

/// An entity's written forms, each with its places sorted by source and start, and the
/// sources that name it: how many and which come first are read from these, never from every
/// place (a country is named half a million times in an archive; a hover asks for both).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Forms {
    forms: BTreeMap<Box<str>, Places>,
    /// Each source naming the entity, in path order.
    sources: Sorted<Arc<str>>,
}

impl Forms {
    /// How many written forms.
    pub fn len(&self) -> usize {
        self.forms.len()
    }

    pub fn is_empty(&self) -> bool {
        self.forms.is_empty()
    }

    /// The forms and their places, forms in order.
    pub fn iter(&self) -> impl Iterator<Item = (&str, &Places)> {
        self.into_iter()
    }

    /// How many sources name the entity. O(1).
    pub fn source_count(&self) -> usize {
        self.sources.len()
    }

    /// The sources that name the entity, in path order. O(1) to the first.
    pub fn sources(&self) -> impl Iterator<Item = &Arc<str>> {
        self.sources.iter()
    }

    fn add(&mut self, source: &Arc<str>, form: &str, span: Span) {
        let places = match self.forms.get_mut(form) {
            Some(places) => places,
            None => self.forms.entry(form.into()).or_default(),
        };
        places.insert(Place::new(source, span));
        // Built in path order, a source is most often the last one listed: one comparison.
        if self.sources.last() != Some(source) && self.sources.find(|s| (**s).cmp(source)).is_none() {
            self.sources.insert(source.clone());
        }
    }

    fn remove(&mut self, source: &str, form: &str, start: usize) {
        let Some(places) = self.forms.get_mut(form) else { return };
        if !places.remove(source, start) {
            return;
        }
        if places.is_empty() {
            self.forms.remove(form);
        }
        // The source leaves the list with its last place under any form. O(forms · log).
        if self.forms.values().all(|p| p.of_source(source).next().is_none()) {
            self.sources.remove(|s| (**s).cmp(source));
        }
    }
}

impl<'f> IntoIterator for &'f Forms {
    type Item = (&'f str, &'f Places);
    type IntoIter = std::iter::Map<
        std::collections::btree_map::Iter<'f, Box<str>, Places>,
        fn((&'f Box<str>, &'f Places)) -> (&'f str, &'f Places),
    >;

    fn into_iter(self) -> Self::IntoIter {
        self.forms.iter().map(|(f, p)| (&**f, p))
    }
}

/// The places of one written form, sorted by source and start, in chunks shared with older
/// snapshots ([`Sorted`]): an edit copies the chunk a source's places are in, never all the
/// places of a name every source writes.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Places(Sorted<Place>);

impl Places {
    pub fn len(&self) -> usize {
        self.0.len()
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    pub fn first(&self) -> Option<&Place> {
        self.0.first()
    }

    /// Every place, in order.
    pub fn iter(&self) -> impl Iterator<Item = &Place> {
        self.0.iter()
    }

    /// The places in `source`, in order. O(log places).
    pub fn of_source<'p>(&'p self, source: &'p str) -> impl Iterator<Item = &'p Place> + 'p {
        self.0.from(move |p| &*p.source < source).take_while(move |p| &*p.source == source)
    }

    fn insert(&mut self, place: Place) {
        self.0.insert(place);
    }

    /// Takes out the place of `source` at `start`; whether there was one.
    fn remove(&mut self, source: &str, start: usize) -> bool {
        self.0.remove(|p| (&*p.source, p.start).cmp(&(source, offset32(start)))).is_some()
    }
}

/// Where a form is written: a source and a span, in 24 bytes (half a million of them at
/// 10,000 articles). Places sort by source, then start.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Place {
    pub source: Arc<str>,
    start: u32,
    end: u32,
}

/// A byte offset as a place keeps it: articles are read up to `max_file_bytes`, far below 4 GB.
fn offset32(b: usize) -> u32 {
    u32::try_from(b).unwrap_or(u32::MAX)
}

impl Ord for Place {
    fn cmp(&self, other: &Place) -> std::cmp::Ordering {
        // Places of one source share its path: no need to compare the strings.
        if Arc::ptr_eq(&self.source, &other.source) {
            return (self.start, self.end).cmp(&(other.start, other.end));
        }
        (&*self.source, self.start, self.end).cmp(&(&*other.source, other.start, other.end))
    }
}

impl PartialOrd for Place {
    fn partial_cmp(&self, other: &Place) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Place {
    fn new(source: &Arc<str>, span: Span) -> Place {
        Place { source: source.clone(), start: offset32(span.start), end: offset32(span.end) }
    }

    pub fn span(&self) -> Span {
        Span::new(self.start as usize, self.end as usize)
    }
}

impl SpellingIndex {
    fn build(docs: &Docs) -> SpellingIndex {
        let mut index = SpellingIndex::default();
        for (path, doc) in docs.iter() {
            index.add(path, doc);
        }
        index
    }

    /// Puts source `path`'s mentions in, each at its place in source order (at the end, when
    /// sources are added in path order).
    fn add(&mut self, path: &Arc<str>, doc: &Doc) {
        for m in &doc.entities {
            let shard = Arc::make_mut(&mut self.shards[shard_of(&m.id)]);
            let forms = Arc::make_mut(shard.entry(m.id.clone()).or_default());
            forms.add(path, doc.text.get(m.span.start..m.span.end).unwrap_or(""), m.span);
        }
    }

    /// Every entity some source names, in no order. O(entities).
    pub fn ids(&self) -> impl Iterator<Item = &str> {
        self.shards.iter().flat_map(|shard| shard.keys().map(|id| &**id))
    }

    /// The forms of entity `id`, if any source names it.
    pub fn forms(&self, id: &str) -> Option<&Forms> {
        self.shards[shard_of(id)].get(id).map(|f| &**f)
    }

    /// Takes `old`'s mentions of source `path` out and puts `new`'s in.
    fn replace(&mut self, path: &Arc<str>, old: Option<&Doc>, new: &Doc) {
        for m in old.map_or(&[][..], |d| &d.entities[..]) {
            let shard = Arc::make_mut(&mut self.shards[shard_of(&m.id)]);
            let Some(entry) = shard.get_mut(&m.id) else { continue };
            let forms = Arc::make_mut(entry);
            let form = old.and_then(|d| d.text.get(m.span.start..m.span.end)).unwrap_or("");
            forms.remove(path, form, m.span.start);
            if forms.is_empty() {
                shard.remove(&m.id);
            }
        }
        self.add(path, new);
    }
}

impl Workspace {
    pub fn new(gazetteer: Arc<Gazetteer>) -> Self {
        Workspace {
            gazetteer,
            docs: Docs::default(),
            registry: Arc::default(),
            entities: true,
            stories: FxHashMap::default(),
            outlets: FxHashMap::default(),
            spellings: std::sync::OnceLock::new(),
            interner: Arc::default(),
            claim_index: std::sync::OnceLock::new(),
        }
    }

    /// A workspace that reads dates, figures and durations only, for output that shows no
    /// entities (`tadqiq extract --kind date`): recognising people and institutions is half
    /// the work of reading an article. Its claims are keyed by date and unit alone, so it is
    /// not for the rules.
    pub fn without_entities(mut self) -> Self {
        self.entities = false;
        self
    }

    fn entity_data(&self) -> Option<&Gazetteer> {
        self.entities.then_some(&*self.gazetteer)
    }

    pub fn gazetteer(&self) -> &Gazetteer {
        &self.gazetteer
    }

    /// Adds or replaces a source. Returns the paths whose entity mentions may have changed
    /// (this one, and every other when the registry of introduced names changed).
    pub fn upsert(
        &mut self,
        path: &str,
        text: String,
        published: Option<(DateValue, PublishedSource)>,
    ) -> Vec<Arc<str>> {
        let a = analyse_article(&text, published, self.entity_data());
        let key: Arc<str> = self.docs.get_key_value(path).map_or_else(|| path.into(), |(k, _)| k.clone());
        // Typing rarely changes who an article introduces: then the registry stands as it is
        // and only this source is matched against it, in the tokens the analysis cut.
        let same_names = self.docs.get(path).is_some_and(|old| registry_input(&old.local) == registry_input(&a.local));
        let entities = if same_names { self.match_in(&key, &text, &a.local, || a.body) } else { Vec::new() };
        let (analysis, local) = (a.analysis, a.local);
        let doc = Arc::new(Doc::new(text, analysis, local, entities));
        let old = self.docs.insert(key.clone(), doc.clone());
        if same_names {
            // The index of spellings and the claim index follow this source alone, each in a
            // copy (older snapshots keep theirs), on two cores: neither reads the other, and
            // each costs about 2 ms for a 100 KB article. No index of spellings built yet:
            // nothing to follow, and no thread.
            let Some(spellings) = self.spellings.get().cloned() else {
                self.follow_claims(&key, old.as_deref());
                return vec![key];
            };
            let (spellings, claims) = std::thread::scope(|s| {
                let spellings = s.spawn(|| {
                    let mut index = (*spellings).clone();
                    index.replace(&key, old.as_deref(), &doc);
                    index
                });
                let claims = self.claims_after(&key, old.as_deref());
                (spellings.join().unwrap_or_else(|panic| std::panic::resume_unwind(panic)), claims)
            });
            self.spellings = std::sync::OnceLock::from(Arc::new(spellings));
            if let Some(index) = claims {
                self.claim_index = std::sync::OnceLock::from(Arc::new(index));
            }
            return vec![key];
        }
        let changed = self.refresh(Some(key.clone()));
        if changed.len() == 1 && changed[0] == key {
            self.follow_claims(&key, old.as_deref());
        }
        changed
    }

    /// Keeps the claim index, if built, up to date with a source that changed from `old`
    /// (none: new) while the registry stood: only the buckets where what it says changed.
    fn follow_claims(&mut self, path: &Arc<str>, old: Option<&Doc>) {
        if let Some(index) = self.claims_after(path, old) {
            self.claim_index = std::sync::OnceLock::from(Arc::new(index));
        }
    }

    /// The claim index, if built, as it is after source `path` changed from `old`; `None`
    /// when there is none or nothing it says changed buckets.
    fn claims_after(&self, path: &Arc<str>, old: Option<&Doc>) -> Option<ClaimIndex> {
        let index = self.claim_index.get()?;
        let before = old.map(|d| memberships(self, path, d)).unwrap_or_default();
        let after = self.docs.get(path).map(|d| memberships(self, path, d)).unwrap_or_default();
        if before == after {
            return None;
        }
        let mut index = (**index).clone();
        index.replace(path, &before, &after);
        Some(index)
    }

    /// Every claim bucket, summarised: built on first use, then kept per edit.
    pub fn claim_index(&self) -> &ClaimIndex {
        self.claim_index.get_or_init(|| Arc::new(ClaimIndex::build(self)))
    }

    /// The workspace's own copy of a source's path (a new one if it has no such source).
    pub(crate) fn shared_path(&self, path: &str) -> Arc<str> {
        self.docs.get_key_value(path).map_or_else(|| path.into(), |(k, _)| k.clone())
    }

    /// Adds many sources at once, matching names across them once at the end.
    pub fn extend(
        &mut self,
        sources: impl IntoIterator<Item = (String, String, Option<(DateValue, PublishedSource)>)>,
    ) {
        self.extend_with(sources, None);
    }

    /// As [`Workspace::extend`], reading what `cache` holds of each source instead of
    /// analysing it again: its analysis, and its matched entities and claim keys when the
    /// registry they were made under is still the one built. [`Workspace::save_cache`] writes
    /// back what changed once the run has done its work.
    pub fn extend_cached(
        &mut self,
        sources: impl IntoIterator<Item = (String, String, Option<(DateValue, PublishedSource)>)>,
        cache: &mut crate::cache::Cache,
    ) {
        self.extend_with(sources, Some(cache));
    }

    /// Cost: with a cache, hashing every text, O(bytes), and decoding each cached source, O(its
    /// analysis); analysing the others; then the registry (always built: it is every source's)
    /// and matching every source, or with a cache only those whose match key changed.
    fn extend_with(
        &mut self,
        sources: impl IntoIterator<Item = (String, String, Option<(DateValue, PublishedSource)>)>,
        mut cache: Option<&mut crate::cache::Cache>,
    ) {
        use crate::cache::{decode, source_key};
        let sources: Vec<_> = sources.into_iter().collect();
        let keys = match cache {
            Some(_) => par_map(&sources, |(_, text, published)| source_key(text, *published)),
            None => Vec::new(),
        };
        let slots: Vec<Option<crate::cache::Slot>> = match cache.as_deref_mut() {
            Some(c) => keys.iter().map(|k| c.take(*k)).collect(),
            None => vec![None; sources.len()],
        };
        let jobs: Vec<_> = sources.iter().zip(&slots).collect();
        let gazetteer = self.entity_data();
        let stored = |at: &Option<crate::cache::Slot>| cache.as_deref()?.payload((*at)?);
        // Each source's tokens are dropped as soon as it is analysed: holding them all until
        // the registry is built would cost ~3× the text.
        let interner = &self.interner;
        // Strings read back are the workspace's shared copies as they are decoded
        // ([`crate::shared`]): an article names the same few entities many times, and every
        // source of a story the same measures and subjects.
        let read = par_map_with(
            &jobs,
            || interner.reading(),
            |_, ((_, text, published), at)| match stored(at).as_deref().and_then(decode) {
                Some(s) => (s.analysis, s.local, Some(s.matched)),
                None => {
                    let a = analyse_article(text, *published, gazetteer);
                    (a.analysis, a.local, None)
                }
            },
        );
        drop(jobs);
        let mut reuse = FxHashMap::default();
        for (k, ((path, text, _), (analysis, local, matched))) in sources.into_iter().zip(read).enumerate() {
            let path: Arc<str> = path.into();
            if let Some(c) = cache.as_deref_mut() {
                c.dirty |= matched.is_none();
                // A record read back whole, claim keys and all, is written again as it is
                // unless the source is matched anew below: its slot is kept for
                // [`Workspace::save_cache`].
                let whole = matched.as_ref().is_some_and(|m| m.2.is_some());
                c.run.push((path.clone(), keys[k], slots[k].filter(|_| whole)));
            }
            if let Some(m) = matched {
                reuse.insert(path.clone(), m);
            }
            self.docs.insert(path, Arc::new(Doc::new(text, analysis, local, Vec::new())));
        }
        let rematched = self.refresh_reusing(None, reuse);
        if let Some(c) = cache {
            c.dirty |= !rematched.is_empty();
            let rematched: FxHashSet<&Arc<str>> = rematched.iter().collect();
            for (path, _, slot) in &mut c.run {
                if rematched.contains(path) {
                    *slot = None;
                }
            }
            c.restored = self.docs.values().filter(|d| d.claims.get().is_some()).count();
        }
    }

    /// Writes the sources [`Workspace::extend_cached`] read into `cache`, with the claim keys
    /// the run computed, if anything is new since it was read. Returns why it could not be
    /// written, if it could not (the run's results stand either way). O(sources).
    pub fn save_cache(&self, cache: &mut crate::cache::Cache) -> Option<String> {
        use crate::cache::{Record, encode};
        let computed = self.docs.values().filter(|d| d.claims.get().is_some()).count();
        if !cache.dirty && computed == cache.restored {
            return None;
        }
        let mut run = std::mem::take(&mut cache.run);
        // A record read back that still holds is copied as it is, not encoded again (at 10,000
        // articles with one changed, encoding them all was a tenth of the run).
        run.retain(|(_, key, slot)| match slot {
            Some(slot) => {
                cache.keep(*key, *slot);
                false
            }
            None => true,
        });
        cache.expect(run.len());
        // The others encoded on every core a batch at a time, each batch written before the next.
        let records = run.chunks(256).flat_map(|batch| {
            par_map(batch, |(path, key, _)| {
                let doc = self.docs.get(path)?;
                let record = Record {
                    analysis: &doc.analysis,
                    local: &doc.local,
                    matched: (self.match_key(path), &doc.entities, doc.claims.get()),
                };
                encode(&record).map(|payload| (*key, payload))
            })
            .into_iter()
            .flatten()
        });
        cache.save(records).err()
    }

    pub fn remove(&mut self, path: &str) -> Vec<Arc<str>> {
        if self.docs.remove(path).is_none() {
            return Vec::new();
        }
        self.refresh(None)
    }

    /// Puts a source in a named story (`None`: back in its folder's). Statements of one story
    /// are compared without a written year; see [`crate::claims`].
    pub fn set_story(&mut self, path: &str, story: Option<&str>) {
        // Named apart from folders: a story called «gaza» is not the folder «gaza».
        let named: Option<Arc<str>> = story.map(|s| format!("story:{s}").into());
        if self.stories.get(path) == named.as_ref() {
            return;
        }
        match named {
            Some(s) => self.stories.insert(path.into(), s),
            None => self.stories.remove(path),
        };
        // A source's story is in its buckets' keys.
        self.claim_index = std::sync::OnceLock::new();
    }

    /// One shared copy of each string the claim keys hold.
    pub fn interner(&self) -> &crate::shared::Interner {
        &self.interner
    }

    /// Where each entity is written, form by form: built on first use, then kept per edit.
    pub fn spelling_index(&self) -> &SpellingIndex {
        self.spellings.get_or_init(|| Arc::new(SpellingIndex::build(&self.docs)))
    }

    /// Names the outlet a source comes from (`None`: as its front matter says, else unnamed).
    pub fn set_outlet(&mut self, path: &str, outlet: Option<&str>) {
        match outlet.map(str::trim).filter(|o| !o.is_empty()) {
            Some(o) => self.outlets.insert(path.into(), o.into()),
            None => self.outlets.remove(path),
        };
    }

    /// How messages name a source: its outlet (from `tadqiq.toml`, else the article's front
    /// matter), else its file name.
    pub fn source_name<'p>(&'p self, path: &'p str) -> &'p str {
        self.outlet(path).unwrap_or_else(|| file_name(path))
    }

    /// How to speak of a source in `lang`: in Arabic, with the month names it writes dates in
    /// (English names months one way: an English run does not look through every source's
    /// dates for them, 2% of a re-check at 10,000 articles).
    pub fn voice(&self, lang: crate::messages::Lang, path: &str) -> crate::messages::Voice {
        let months = match lang {
            crate::messages::Lang::Ar => {
                self.docs.get(path).and_then(|d| *d.months.get_or_init(|| crate::messages::tradition_of(d)))
            }
            crate::messages::Lang::En => None,
        };
        crate::messages::Voice { lang, months }
    }

    /// The outlet a source comes from, if `tadqiq.toml` or its front matter says.
    pub fn outlet(&self, path: &str) -> Option<&str> {
        self.outlets.get(path).map(|o| &**o).or_else(|| self.docs.get(path).and_then(|d| d.analysis.outlet.as_deref()))
    }

    /// The story a source belongs to: the one `tadqiq.toml` names for it, else its folder.
    pub fn story<'p>(&'p self, path: &'p str) -> &'p str {
        match self.stories.get(path) {
            Some(s) => s,
            None => path.rsplit_once(['/', '\\']).map_or("", |(folder, _)| folder),
        }
    }

    /// Makes finding a source by path one hash instead of a binary search, for a workspace
    /// that will not change again (a command-line run, once its sources are read). O(sources)
    /// once; any later change undoes it. The server, which changes its workspace per edit,
    /// does not call it.
    pub fn settle(&mut self) {
        self.docs.hash();
    }

    pub fn doc(&self, path: &str) -> Option<&Doc> {
        self.docs.get(path).map(|d| &**d)
    }

    pub fn docs(&self) -> impl Iterator<Item = (&str, &Doc)> {
        self.docs.iter().map(|(k, d)| (&**k, &**d))
    }

    /// An entity by id: built in, from `tadqiq.toml`, or introduced by a source.
    pub fn entity(&self, id: &str) -> Option<&Entity> {
        self.gazetteer.get(id).or_else(|| self.registry.by_id.get(id).map(|&i| &self.registry.entities[i]))
    }

    /// Where an introduced entity was introduced: the source and the introduction's span.
    pub fn introduction(&self, id: &str) -> Option<(&str, Span)> {
        // A titled introduction («العميد نزيه جبور») before a name that only stands bare; then
        // the earliest source: the first of its introductions as the registry sorted them.
        let (path, i) = self.registry.intros_of.get(id)?.first()?;
        Some((&**path, self.docs.get(path)?.local.introductions.get(*i)?.span))
    }

    /// Every mention of an entity in every source, with its sentence and the claims there.
    pub fn occurrences(&self, id: &str) -> Vec<Occurrence<'_>> {
        let mut out = Vec::new();
        for (path, doc) in self.docs.iter() {
            let mentions = &doc.analysis.mentions;
            for m in doc.entities.iter().filter(|m| &*m.id == id) {
                let sentence = sentence_of(&doc.local.sentences, m.span).unwrap_or(m.span);
                // Claims are in text order: find the sentence's by binary search.
                let from = mentions.partition_point(|c| c.span.start < sentence.start);
                let claims = (from..mentions.len())
                    .take_while(|&k| mentions[k].span.start < sentence.end)
                    .filter(|&k| mentions[k].span.end <= sentence.end)
                    .collect();
                out.push(Occurrence { path, span: m.span, sentence, claims });
            }
        }
        out
    }

    /// The entities and event words in the sentence of a date, figure or duration.
    pub fn claim_context(&self, path: &str, claim: usize) -> ClaimContext {
        let Some(doc) = self.docs.get(path) else { return ClaimContext::default() };
        let Some(c) = doc.analysis.mentions.get(claim) else { return ClaimContext::default() };
        let Some(sentence) = sentence_of(&doc.local.sentences, c.span) else { return ClaimContext::default() };
        let inside = |s: Span| s.start >= sentence.start && s.end <= sentence.end;
        let mut entities: Vec<Arc<str>> =
            doc.entities.iter().filter(|m| inside(m.span)).map(|m| m.id.clone()).collect();
        entities.dedup();
        let mut events: Vec<Arc<str>> = doc.local.events.iter().filter(|e| inside(e.0)).map(|e| e.1.clone()).collect();
        events.sort();
        events.dedup();
        ClaimContext { sentence: Some(sentence), entities, events }
    }

    /// Rebuilds the registry of introduced names; re-matches every source if it changed, else
    /// only `changed`.
    fn refresh(&mut self, changed: Option<Arc<str>>) -> Vec<Arc<str>> {
        self.refresh_reusing(changed, FxHashMap::default())
    }

    /// As [`Workspace::refresh`], taking a source's entities (and claim keys, when kept) from
    /// `reuse` where its match key is still the one given. Returns the paths matched again.
    fn refresh_reusing(
        &mut self,
        changed: Option<Arc<str>>,
        mut reuse: FxHashMap<Arc<str>, crate::cache::Matched>,
    ) -> Vec<Arc<str>> {
        self.spellings = std::sync::OnceLock::new();
        let registry = self.build_registry();
        let all = changed.is_none() || registry.fingerprint != self.registry.fingerprint;
        self.registry = Arc::new(registry);
        if all {
            self.claim_index = std::sync::OnceLock::new();
        }
        let mut paths: Vec<Arc<str>> = match changed {
            Some(p) if !all => vec![p],
            _ => self.docs.keys().cloned().collect(),
        };
        if !reuse.is_empty() {
            // What each source's matches depend on now, hashed on every core.
            let keys = par_map(&paths, |path| reuse.contains_key(path).then(|| self.match_key(path)));
            for (path, now) in std::mem::take(&mut paths).into_iter().zip(keys) {
                match reuse.remove(&path) {
                    Some((key, entities, claims)) if Some(key) == now => {
                        if let Some(doc) = self.docs.get_mut(&path) {
                            let doc = Arc::make_mut(doc);
                            doc.entities = entities;
                            // Interned as they were read back (`extend_with`).
                            doc.claims = claims.map(std::sync::OnceLock::from).unwrap_or_default();
                        }
                    }
                    _ => paths.push(path),
                }
            }
        }
        let matched = par_map(&paths, |path| self.match_registry(path));
        for (path, entities) in paths.iter().zip(matched) {
            if let Some(doc) = self.docs.get_mut(path) {
                // A source shared with an older snapshot is copied, not changed under it.
                let doc = Arc::make_mut(doc);
                doc.entities = entities;
                doc.claims = Default::default();
            }
        }
        paths
    }

    fn build_registry(&self) -> Registry {
        let views = self.docs.iter().map(|(path, d)| RegistryView {
            path,
            published: d.analysis.published,
            text: &d.text,
            local: &d.local,
        });
        registry_of(&self.gazetteer, views.collect())
    }

    /// What the entities matched in source `path` depend on: the registry, and the ids its own
    /// introductions were given. Equal keys, equal matches: the cache reuses them.
    fn match_key(&self, path: &Arc<str>) -> u64 {
        self.match_key_of(path, self.docs.get(path).map_or(0, |d| d.local.introductions.len()))
    }

    /// [`Workspace::match_key`] of a source with `introductions` introductions, held in the
    /// workspace or not ([`Workspace::of_registry_sources`]).
    pub fn match_key_of(&self, path: &Arc<str>, introductions: usize) -> u64 {
        use std::hash::Hash;
        let reg = &self.registry;
        let registry = *reg.hash.get_or_init(|| {
            let mut h = std::hash::DefaultHasher::new();
            reg.fingerprint.hash(&mut h);
            for e in &reg.entities {
                (&e.id, e.kind, &e.name).hash(&mut h);
            }
            std::hash::Hasher::finish(&h)
        });
        let mut h = std::hash::DefaultHasher::new();
        (registry, path).hash(&mut h);
        for k in 0..introductions {
            reg.intro_id(path, k).hash(&mut h);
        }
        std::hash::Hasher::finish(&h)
    }

    /// A workspace that holds no source, only the registry of names `sources` introduce: for
    /// a run that reads an archive twice, source by source, and keeps only this in between
    /// (`tadqiq extract`). Its sources' entities are matched with
    /// [`Workspace::entities_of`]. O(sources + introductions · log).
    pub fn of_registry_sources(gazetteer: Arc<Gazetteer>, mut sources: Vec<RegistrySource>) -> Workspace {
        sources.sort_by(|a, b| a.path.cmp(&b.path));
        sources.dedup_by(|a, b| a.path == b.path);
        let mut ws = Workspace::new(gazetteer);
        let views = sources.iter().map(|s| RegistryView {
            path: &s.path,
            published: s.published,
            text: &s.text,
            local: &s.local,
        });
        ws.registry = Arc::new(registry_of(&ws.gazetteer, views.collect()));
        ws
    }

    /// The entity mentions of a source given whole (its text and own entities), as the
    /// workspace would match them if it held it: the same as [`Doc::entities`] for a source
    /// whose [`RegistrySource`] the registry was built from.
    pub fn entities_of(&self, path: &str, text: &str, local: &LocalEntities) -> Vec<EntityMention> {
        self.match_in(path, text, local, || Tokens::from(text, front_matter_end(text)))
    }

    fn bare_head_id(&self, head: &BareHead) -> Option<Arc<str>> {
        bare_head_id(&self.registry.institutions, head)
    }

    /// A source's entity mentions: its own known names and institutions, its introductions,
    /// and every registry name wherever it stands.
    fn match_registry(&self, path: &str) -> Vec<EntityMention> {
        let Some(doc) = self.docs.get(path) else { return Vec::new() };
        // Front matter is metadata, not article text.
        let offset = front_matter_end(&doc.text);
        self.match_in(path, &doc.text, &doc.local, || Tokens::from(&doc.text, offset))
    }

    /// [`Workspace::match_registry`] for a source's own entities and the tokens of its body
    /// (spans into the whole text), cut only if the registry has names to look for.
    fn match_in<'t>(
        &self,
        path: &str,
        text: &str,
        local: &LocalEntities,
        body: impl FnOnce() -> Tokens<'t>,
    ) -> Vec<EntityMention> {
        let mut mentions = local.mentions.clone();
        for head in &local.bare_heads {
            if let Some(id) = self.bare_head_id(head)
                && !mentions.iter().any(|m| overlaps(m.span, head.span))
            {
                mentions.push(EntityMention { span: head.span, id, kind: EntityKind::Org, how: How::BareInstitution });
            }
        }
        for (k, intro) in local.introductions.iter().enumerate() {
            if let Some(id) = self.registry.intro_id(path, k) {
                let span = intro.name;
                if !mentions.iter().any(|m| overlaps(m.span, span)) {
                    let kind = self.entity(id).map_or(intro.kind, |e| e.kind);
                    mentions.push(EntityMention { span, id: id.clone(), kind, how: How::Introduced });
                }
            }
        }
        if !self.registry.names.is_empty() {
            let toks = body();
            let ix = self.registry.names.index(&toks);
            let mut whole = Vec::new();
            let mut short = Vec::new();
            let mut i = 0;
            while i < toks.len() {
                let Some(h) = ix.find_with(&toks, i, true, Gaps::Quotes, |id| Some(id.clone())) else {
                    i += 1;
                    continue;
                };
                let start = toks.tokens[i].start + offset_after_letters(toks.original(i), h.dropped);
                let span = Span::new(start, toks.tokens[h.end - 1].end);
                let kind = self.entity(&h.value).map_or(EntityKind::Person, |e| e.kind);
                let head = h.end == i + 1
                    && kind == EntityKind::Org
                    && self.gazetteer.back_reference(toks.folded(i)).is_some_and(|b| b == toks.folded(i));
                // «الجبهة الشامية»، «الحركة الإسلامية»: an organisation's head with an adjective
                // of its own heads another name; it does not refer back.
                if head && heads_another_name(&toks, h.end) {
                    i = h.end;
                    continue;
                }
                if h.end == i + 1
                    && kind == EntityKind::Person
                    && (!surname_here(&toks, i, h.dropped, self.entity(&h.value).map(|e| e.name.as_str()))
                        || among_places(&toks, i, &mentions))
                {
                    i = h.end;
                    continue;
                }
                let m = EntityMention { span, id: h.value, kind, how: How::Alias };
                if h.end - i > 1 {
                    whole.push(m)
                } else {
                    short.push(m)
                }
                i = h.end;
            }
            // Whole names as written, then whole names spelled another way, then short forms:
            // a surname alone does not claim a name written with a variant first name.
            add_unclaimed(&mut mentions, whole);
            let variants = self.match_skeletons(&toks, &mentions);
            add_unclaimed(&mut mentions, variants);
            own_surname_over_place(&toks, local, &mut mentions, &short, |k| self.registry.intro_id(path, k));
            add_unclaimed(&mut mentions, short);
        }
        mentions.sort_by_key(|m| m.span.start);
        if self.gazetteer.has_stop_list() {
            mentions.retain(|m| !self.gazetteer.stopped(&crate::text::fold(&text[m.span.start..m.span.end])));
        }
        mentions
    }

    /// Registry names written another way: the same consonant skeleton over two or three
    /// words no mention covers yet.
    fn match_skeletons(&self, toks: &Tokens, mentions: &[EntityMention]) -> Vec<EntityMention> {
        if self.registry.skeletons.is_empty() {
            return Vec::new();
        }
        // Every word's skeleton in one arena (no allocation per word); a window is only tried
        // where a registry name's first word could start.
        let mut arena = String::new();
        let mut buffer = String::new();
        let mut ranges = Vec::with_capacity(toks.len());
        let mut starts = Vec::with_capacity(toks.len());
        for i in 0..toks.len() {
            let from = arena.len();
            if toks.is_word(i) {
                crate::entities::skeleton_into(toks.folded(i), &mut buffer);
                arena.push_str(&buffer);
            }
            ranges.push(from..arena.len());
            starts.push(toks.is_word(i) && self.registry.first_skeletons.contains(buffer.as_str()));
        }
        let skeleton = |k: usize| &arena[ranges[k].clone()];
        let mut found = Vec::new();
        let mut i = 0;
        'tokens: while i < toks.len() {
            if !starts[i] {
                i += 1;
                continue;
            }
            for words in [3, 2, 1] {
                let end = i + words;
                if end > toks.len() || (i..end).any(|k| !toks.is_word(k) || (k > i && toks.breaks_before(k))) {
                    continue;
                }
                let key = (i..end).map(skeleton).collect::<Vec<_>>().join(" ");
                if let Some((n, id, name)) = self.registry.skeletons.get(&key)
                    && *n == words
                    && crate::entities::vowel_variant(
                        &(i..end).map(|k| toks.folded(k)).collect::<Vec<_>>().join(" "),
                        name,
                    )
                {
                    let span = Span::new(toks.tokens[i].start, toks.tokens[end - 1].end);
                    if !mentions.iter().chain(&found).any(|m| overlaps(m.span, span)) {
                        let kind = self.entity(id).map_or(EntityKind::Person, |e| e.kind);
                        found.push(EntityMention { span, id: id.clone(), kind, how: How::Alias });
                        i = end;
                        continue 'tokens;
                    }
                }
            }
            i += 1;
        }
        found
    }

    /// The spellings of an entity seen across the sources, folded, with where each is first
    /// seen: what `name-variant` compares.
    pub fn spellings(&self, id: &str) -> Vec<(String, &str, Span)> {
        let Some(forms) = self.spelling_index().forms(id) else { return Vec::new() };
        // Each written form folded once, where it is first written; in source order.
        let mut firsts: Vec<(&str, Span, String)> = forms
            .iter()
            .filter_map(|(form, places)| places.first().map(|p| (&*p.source, p.span(), crate::text::fold(form))))
            .collect();
        firsts.sort_by(|a, b| (a.0, a.1.start).cmp(&(b.0, b.1.start)));
        let mut seen = FxHashSet::default();
        firsts.into_iter().filter(|(_, _, f)| seen.insert(f.clone())).map(|(p, s, f)| (f, p, s)).collect()
    }
}

/// What the registry reads of one source, kept apart from it: its path, publication date, and
/// its institutions, introductions and bare institution heads with the text of their spans (a
/// few hundred bytes where the source is thousands). [`Workspace::of_registry_sources`].
#[derive(Clone, Debug)]
pub struct RegistrySource {
    path: Arc<str>,
    published: Option<(DateValue, PublishedSource)>,
    /// The spans' text, one after another; `local`'s spans point into it.
    text: String,
    local: LocalEntities,
}

impl RegistrySource {
    pub fn new(path: &str, text: &str, published: Option<(DateValue, PublishedSource)>, local: &LocalEntities) -> Self {
        let mut kept = String::new();
        let mut copy = |span: Span| {
            let start = kept.len();
            kept.push_str(text.get(span.start..span.end).unwrap_or(""));
            Span::new(start, kept.len())
        };
        // Of an institution the registry reads where it is first named: the first mention of
        // each is kept (an article names its army or police many times).
        // A bare head the article resolved is kept apart: it names the entity only where
        // nothing names it in full.
        let mut seen: Vec<(&str, How)> = Vec::new();
        let mut mentions: Vec<EntityMention> = Vec::new();
        for m in local.mentions.iter().filter(|m| matches!(m.how, How::Institution | How::BareInstitution)) {
            if !seen.contains(&(&*m.id, m.how)) {
                seen.push((&m.id, m.how));
                mentions.push(EntityMention { span: copy(m.span), ..m.clone() });
            }
        }
        let introductions = local
            .introductions
            .iter()
            .map(|i| {
                let name = copy(i.name);
                // Only whether the introduction is its bare name is read of its span.
                let span = if i.span == i.name { name } else { Span::new(name.end, name.end) };
                crate::entities::Introduction { span, name, ..i.clone() }
            })
            .collect();
        let bare_heads = local.bare_heads.iter().map(|h| BareHead { span: copy(h.span), ..h.clone() }).collect();
        // A set to the registry: each entity named in full once.
        let mut named_in_full = local.named_in_full.clone();
        named_in_full.sort_unstable();
        named_in_full.dedup();
        let mut local =
            LocalEntities { mentions, introductions, bare_heads, named_in_full, ..LocalEntities::default() };
        // Held for every source of an archive until the registry is built: no spare capacity.
        local.mentions.shrink_to_fit();
        local.named_in_full.shrink_to_fit();
        kept.shrink_to_fit();
        RegistrySource { path: path.into(), published, text: kept, local }
    }
}

/// What the registry reads of one source: its path, publication date, own entities and the
/// text their spans are in.
#[derive(Clone, Copy)]
struct RegistryView<'a> {
    path: &'a Arc<str>,
    published: Option<(DateValue, PublishedSource)>,
    text: &'a str,
    local: &'a LocalEntities,
}

impl RegistryView<'_> {
    /// Where the source's introductions count among others': the earliest published first
    /// (unknown dates last), then by path.
    fn order(&self) -> SourceOrder<'_> {
        let p = self.published.map(|p| p.0);
        (p.is_none(), p.and_then(|p| p.year), p.and_then(|p| p.month), p.and_then(|p| p.day), self.path)
    }
}

/// What an introduction's name gives whatever other introductions came before it: the
/// skeleton of its bare name, the name without a trailing definite adjective («منتدى دافوس
/// الاقتصادي» is «منتدى دافوس»), the built-in entity it is a spelling of, if any, and the
/// short forms it gives the workspace beside its alias.
struct Alone {
    skeleton: Option<String>,
    shorter: Option<String>,
    known: Option<Arc<str>>,
    /// An organisation's definite head: «المرصد السوري لحقوق الإنسان» … «المرصد».
    back: Option<String>,
    /// A region named by a direction adjective: «الغوطة الشرقية» … «الغوطة».
    region: Option<String>,
}

/// All [`Alone::of`] reads of an introduction: its bare name, its kind, and an organisation's
/// first word (empty for other kinds).
type AloneKey<'a> = (&'a str, EntityKind, &'a str);

impl Alone {
    fn key(intro: &crate::entities::recognise::Introduction) -> AloneKey<'_> {
        let head = match intro.kind {
            EntityKind::Org => intro.name_text.split_whitespace().next().unwrap_or(""),
            _ => "",
        };
        (&intro.bare, intro.kind, head)
    }

    /// Worked out from the key alone, so introductions with one key share one answer.
    fn of(gaz: &Gazetteer, (bare, kind, head): AloneKey) -> Alone {
        let skeleton = crate::entities::gazetteer::skeleton_key(bare);
        let known = skeleton.as_deref().and_then(|k| gaz.variant_with_skeleton(bare, k));
        let back = (kind == EntityKind::Org && !head.is_empty()).then(|| gaz.back_reference(head)).flatten();
        let region = (kind == EntityKind::Place)
            .then(|| bare.split_once(' '))
            .flatten()
            .filter(|(first, dir)| {
                first.starts_with("ال")
                    && matches!(
                        *dir,
                        "الشرقيه"
                            | "الغربيه"
                            | "الشماليه"
                            | "الجنوبيه"
                            | "الشرقي"
                            | "الغربي"
                            | "الشمالي"
                            | "الجنوبي"
                    )
            })
            .map(|(first, _)| first.to_string());
        Alone {
            // «الجيش الوطني الليبي» is not «الجيش الوطني السوري»: a country's adjective stays.
            shorter: without_trailing_adjective(bare)
                .filter(|rest| !gaz.country_adjective(&bare[rest.len() + 1..]))
                .map(str::to_string),
            known: known.filter(|e| e.kind == kind).map(|e| e.id.clone()),
            skeleton,
            back,
            region,
        }
    }
}

/// The registry of introduced names and institutions of `views` (in path order). O(sources +
/// their introductions · log).
fn registry_of(gaz: &Gazetteer, views: Vec<RegistryView<'_>>) -> Registry {
    let mut reg = Registry::default();
    let mut order = views.clone();
    order.sort_by(|a, b| a.order().cmp(&b.order()));
    // What each introduction's name gives alone, whatever came before it, worked out on every
    // core and once per distinct name (the sources of a story introduce the same people again
    // and again): the loop below gives ids in order, one introduction after another, and these
    // were most of its time. O(introductions) hashes, then O(distinct names) on every core.
    // Institutions named, and bare heads the article itself resolved («قوات النظام» where it
    // names «النظام السوري»): each gets an entity; only the named ones say which country the
    // workspace qualifies.
    let institutions = par_map(&order, |doc| {
        doc.local
            .mentions
            .iter()
            .filter(|m| matches!(m.how, How::Institution | How::BareInstitution))
            .collect::<Vec<_>>()
    });
    let mut distinct: FxHashMap<AloneKey, u32> = FxHashMap::default();
    let mut firsts: Vec<AloneKey> = Vec::new();
    let which: Vec<Vec<u32>> = order
        .iter()
        .map(|doc| {
            let intros = doc.local.introductions.iter();
            intros
                .map(|intro| {
                    let key = Alone::key(intro);
                    *distinct.entry(key).or_insert_with(|| {
                        firsts.push(key);
                        firsts.len() as u32 - 1
                    })
                })
                .collect()
        })
        .collect();
    drop(distinct);
    let alone = par_map(&firsts, |&key| Alone::of(gaz, key));
    // Ids by kind, then by the skeleton or the folded bare name: looked up without copying it.
    let mut by_skeleton: FxHashMap<EntityKind, FxHashMap<String, Arc<str>>> = FxHashMap::default();
    let mut by_bare: FxHashMap<EntityKind, FxHashMap<String, Arc<str>>> = FxHashMap::default();
    let lookup = |by: &FxHashMap<EntityKind, FxHashMap<String, Arc<str>>>, kind, name: &str| {
        by.get(&kind).and_then(|names| names.get(name)).cloned()
    };
    // Institutions already counted: naming one again changes nothing below.
    let mut counted: FxHashSet<&str> = FxHashSet::default();
    let mut resolved_bare = Vec::new();
    let mut alias_owner: FxHashMap<String, Option<Arc<str>>> = FxHashMap::default();
    let mut named_in_full: FxHashSet<Arc<str>> = FxHashSet::default();
    // Each name introduced and its id, once: most are introduced again and again.
    let mut introduced: FxHashSet<(&str, Arc<str>)> = FxHashSet::default();
    reg.intro_ids.reserve(order.len());
    for ((doc, institutions), which) in order.iter().zip(institutions).zip(which) {
        let (path, local) = (doc.path, doc.local);
        // A country's institutions get an entity when first named.
        for m in institutions {
            if m.how == How::BareInstitution {
                resolved_bare.push((doc.text, m));
                continue;
            }
            if !counted.insert(&m.id) {
                continue;
            }
            if let Some((country, key)) = m.id.split_once('-') {
                // Looked up before anything is allocated: the same few institutions recur.
                match reg.institutions.get_mut(key) {
                    Some(c) if c.as_deref() != Some(country) => *c = None,
                    Some(_) => {}
                    None => {
                        reg.institutions.insert(key.into(), Some(country.into()));
                    }
                }
            }
            if !reg.by_id.contains_key(&m.id) && gaz.get(&m.id).is_none() {
                let entity = institution_entity(gaz, &m.id, &doc.text[m.span.start..m.span.end]);
                reg.by_id.insert(m.id.clone(), reg.entities.len());
                reg.entities.push(entity);
            }
        }
        // A built-in entity named in full gives its short forms to the workspace.
        named_in_full.extend(local.named_in_full.iter().cloned());
        let mut ids = Vec::with_capacity(local.introductions.len());
        for ((k, intro), a) in local.introductions.iter().enumerate().zip(which) {
            let Alone { skeleton, shorter, known, back, region } = &alone[a as usize];
            // One entity per name however often it is introduced: by its folded bare name
            // first (O(1), so short names like «مدينة X» never make a new id per source),
            // then by the skeleton of a longer name's spelling.
            let id = match known {
                Some(known) => known.clone(),
                None => match lookup(&by_bare, intro.kind, &intro.bare)
                    .or_else(|| shorter.as_deref().and_then(|k| lookup(&by_bare, intro.kind, k)))
                    .or_else(|| skeleton.as_deref().and_then(|s| lookup(&by_skeleton, intro.kind, s)))
                {
                    Some(id) => id,
                    None => {
                        let base = slug(&intro.bare);
                        let mut id = base.clone();
                        let mut n = 2;
                        while reg.by_id.contains_key(id.as_str()) || gaz.get(&id).is_some() {
                            id = format!("{base}-{n}");
                            n += 1;
                        }
                        let id: Arc<str> = id.into();
                        let name = doc.text[intro.name.start..intro.name.end].to_string();
                        reg.by_id.insert(id.clone(), reg.entities.len());
                        reg.entities.push(Entity {
                            id: id.clone(),
                            kind: intro.kind,
                            name,
                            aliases: intro.alias.iter().cloned().collect(),
                            description: None,
                            origin: Origin::Discovered,
                        });
                        if let Some(s) = skeleton {
                            by_skeleton.entry(intro.kind).or_default().insert(s.clone(), id.clone());
                        }
                        let bare = by_bare.entry(intro.kind).or_default();
                        bare.insert(intro.bare.clone(), id.clone());
                        if let Some(k) = shorter {
                            bare.entry(k.clone()).or_insert_with(|| id.clone());
                        }
                        id
                    }
                },
            };
            ids.push(id.clone());
            reg.intros_of.entry(id.clone()).or_default().push((path.clone(), k));
            introduced.insert((&intro.name_text, id.clone()));
            for short in back.iter().chain(intro.alias.as_ref()).chain(region.as_ref()) {
                claim_alias(&mut alias_owner, short, &id);
            }
        }
        if !ids.is_empty() {
            reg.intro_ids.insert(path.clone(), ids);
        }
    }
    // Bare heads their article resolved, named nowhere in full: an entity of their own text.
    for (text, m) in resolved_bare {
        if !reg.by_id.contains_key(&m.id) && gaz.get(&m.id).is_none() {
            let entity = institution_entity(gaz, &m.id, &text[m.span.start..m.span.end]);
            reg.by_id.insert(m.id.clone(), reg.entities.len());
            reg.entities.push(entity);
        }
    }
    // Bare institution heads the workspace (or their article's country) resolves.
    for doc in &views {
        for head in &doc.local.bare_heads {
            if let Some(id) = bare_head_id(&reg.institutions, head)
                && !reg.by_id.contains_key(&id)
                && gaz.get(&id).is_none()
            {
                let entity = institution_entity(gaz, &id, &doc.text[head.span.start..head.span.end]);
                reg.by_id.insert(id, reg.entities.len());
                reg.entities.push(entity);
            }
        }
    }
    for id in &named_in_full {
        if let Some(e) = gaz.get(id) {
            for short in gaz.short_forms(e) {
                claim_alias(&mut alias_owner, &short, id);
            }
        }
    }
    let mut names: Vec<(String, Arc<str>)> = introduced.into_iter().map(|(n, id)| (n.to_string(), id)).collect();
    for (alias, owner) in alias_owner {
        if let Some(id) = owner {
            names.push((alias, id));
        }
    }
    names.sort();
    names.dedup();
    // Each name's skeleton, on every core (a name's alone; the loop below is in order).
    let skeletons = par_map(&names, |(name, _)| crate::entities::gazetteer::skeleton_key(name));
    for ((name, id), skeleton) in names.iter().zip(skeletons) {
        reg.names.add(name, id.clone());
        // «أبو عزرائيل» is also written «أبوعزرائيل»: a kunya's particle joined to the name.
        if let Some((particle, rest)) = name.split_once(' ')
            && crate::lexicon::words("joined-particles").contains(&particle)
        {
            reg.names.add(&format!("{particle}{rest}"), id.clone());
        }
        let words = name.split_whitespace().count();
        // A surname is written many ways too («بيسكوف»/«بسكوف»): one word of four
        // consonants or more, for a person only.
        let person = || {
            reg.by_id.get(id).map(|&i| reg.entities[i].kind).or_else(|| gaz.get(id).map(|e| e.kind))
                == Some(EntityKind::Person)
        };
        if ((2..=3).contains(&words) || (words == 1 && person()))
            && let Some(key) = skeleton
        {
            if let Some(first) = key.split(' ').next() {
                reg.first_skeletons.insert(first.to_string());
            }
            reg.skeletons.entry(key).or_insert((words, id.clone(), name.clone()));
        }
    }
    let mut institutions: Vec<_> =
        reg.institutions.iter().filter_map(|(k, c)| Some((k.to_string(), c.clone()?))).collect();
    institutions.sort();
    names.extend(institutions.into_iter().map(|(k, c)| (format!("\u{1}{k}"), c)));
    reg.fingerprint = names;
    // Each entity's introductions in the order they count ([`Workspace::introduction`]):
    // pushed in source order above, so a stable sort puts the titled ones first.
    let locals: FxHashMap<&str, &LocalEntities> = views.iter().map(|v| (&**v.path, v.local)).collect();
    let bare = |p: &str, i: usize| locals.get(p).and_then(|l| l.introductions.get(i)).is_none_or(|x| x.span == x.name);
    for intros in reg.intros_of.values_mut().filter(|i| i.len() > 1) {
        // Stable, and each key looked up once.
        intros.sort_by_cached_key(|(p, i)| bare(p, *i));
    }
    reg
}

/// The file name of a source's path: how it is named when no outlet is known.
pub fn file_name(path: &str) -> &str {
    path.rsplit(['/', '\\']).next().unwrap_or(path)
}

/// One introduction as the registry reads it: kind, bare name, full name, alias.
type IntroKey<'d> = (EntityKind, &'d str, &'d str, Option<&'d str>);

/// `f` over `items` on every core, results in order: sources are analysed independently, so
/// a folder of articles scales with the cores. One item, or one core, runs in place.
pub fn par_map<T: Sync, R: Send>(items: &[T], f: impl Fn(&T) -> R + Sync) -> Vec<R> {
    par_map_with(items, || (), |_, item| f(item))
}

/// Maps `items` on every core, each to the next core that is free, in the order given: for a
/// few jobs of unequal cost, listed the costliest first. The results come in `items`' order.
pub fn par_queue<T: Sync, R: Send>(items: &[T], f: impl Fn(&T) -> R + Sync) -> Vec<R> {
    use std::sync::atomic::{AtomicUsize, Ordering};
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get()).min(items.len());
    if threads <= 1 {
        return items.iter().map(f).collect();
    }
    let next = AtomicUsize::new(0);
    let mut done: Vec<(usize, R)> = std::thread::scope(|scope| {
        let workers: Vec<_> = (0..threads)
            .map(|_| {
                scope.spawn(|| {
                    let mut mine = Vec::new();
                    loop {
                        let k = next.fetch_add(1, Ordering::Relaxed);
                        let Some(item) = items.get(k) else { break mine };
                        mine.push((k, f(item)));
                    }
                })
            })
            .collect();
        workers.into_iter().flat_map(|w| w.join().unwrap_or_else(|panic| std::panic::resume_unwind(panic))).collect()
    });
    done.sort_unstable_by_key(|(k, _)| *k);
    done.into_iter().map(|(_, r)| r).collect()
}

/// [`par_map`] with a state each worker makes once (`init`, on its own thread) and hands to
/// every item it maps: a guard that must live on the thread that works, a scratch buffer.
pub fn par_map_with<T: Sync, R: Send, S>(
    items: &[T],
    init: impl Fn() -> S + Sync,
    f: impl Fn(&mut S, &T) -> R + Sync,
) -> Vec<R> {
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get()).min(items.len());
    let work = |part: &[T]| {
        let mut state = init();
        part.iter().map(|item| f(&mut state, item)).collect::<Vec<R>>()
    };
    if threads <= 1 {
        return work(items);
    }
    let chunk = items.len().div_ceil(threads);
    std::thread::scope(|scope| {
        let workers: Vec<_> = items.chunks(chunk).map(|part| scope.spawn(|| work(part))).collect();
        workers.into_iter().flat_map(|w| w.join().unwrap_or_else(|panic| std::panic::resume_unwind(panic))).collect()
    })
}

/// What of a source's entities the registry is built from: its introductions, its institutions,
/// and the built-in entities it names in full (which give their short forms to the workspace).
fn registry_input(local: &LocalEntities) -> (Vec<IntroKey<'_>>, Vec<&str>) {
    let intros = local
        .introductions
        .iter()
        .map(|i| (i.kind, i.bare.as_str(), i.name_text.as_str(), i.alias.as_deref()))
        .collect();
    let institutions = local
        .mentions
        .iter()
        .filter(|m| m.how == How::Institution)
        .map(|m| &*m.id)
        .chain(local.bare_heads.iter().map(|h| &*h.key))
        .chain(local.bare_heads.iter().filter_map(|h| h.fallback.as_deref()))
        .chain(local.named_in_full.iter().map(|id| &**id))
        .collect::<std::collections::BTreeSet<&str>>()
        .into_iter()
        .collect();
    (intros, institutions)
}

/// A name less a last word that is a definite adjective («الاقتصادي»، «العسكرية»).
fn without_trailing_adjective(bare: &str) -> Option<&str> {
    let (rest, last) = bare.rsplit_once(' ')?;
    let adjective = last.starts_with("ال") && (last.ends_with('ي') || last.ends_with("يه")) && rest.contains(' ');
    adjective.then_some(rest)
}

/// The id a bare institution head gets: the one country the workspace qualifies it for, else
/// its article's country.
fn bare_head_id(institutions: &FxHashMap<Arc<str>, Option<Arc<str>>>, head: &BareHead) -> Option<Arc<str>> {
    let country = match institutions.get(&head.key) {
        Some(Some(c)) => c.clone(),
        Some(None) => return None,
        None => head.fallback.clone()?,
    };
    Some(format!("{country}-{}", head.emit).into())
}

/// An institution's entity, named as first written: «الشرطة» (Egypt's police).
fn institution_entity(gaz: &Gazetteer, id: &Arc<str>, name: &str) -> Entity {
    let (country, institution) = id.split_once('-').unwrap_or((id, ""));
    let country = gaz.get(country).map_or(country.to_string(), |c| c.name.clone());
    Entity {
        id: id.clone(),
        kind: EntityKind::Org,
        name: name.to_string(),
        aliases: Vec::new(),
        description: Some(format!("{institution} ({country})")),
        origin: Origin::Builtin,
    }
}

/// «وزير الدفاع لويد أوستن» and then «وزار أوستن بغداد»: where an article introduces a person
/// whose surname is also a known place's name, that word alone is the person in this article
/// (`short`: the registry's one-word matches), unless a preposition or noun of place puts it in
/// a place («في أوستن»). Other articles, which name no such person, keep the place.
fn own_surname_over_place<'a>(
    toks: &Tokens,
    local: &LocalEntities,
    mentions: &mut Vec<EntityMention>,
    short: &[EntityMention],
    intro_id: impl Fn(usize) -> Option<&'a Arc<str>>,
) {
    if !short.iter().any(|m| m.kind == EntityKind::Person) {
        return;
    }
    let own: Vec<&Arc<str>> = (0..local.introductions.len())
        .filter(|&k| local.introductions[k].kind == EntityKind::Person && local.introductions[k].alias.is_some())
        .filter_map(intro_id)
        .collect();
    if own.is_empty() {
        return;
    }
    for m in short.iter().filter(|m| m.kind == EntityKind::Person && own.contains(&&m.id)) {
        let i = toks.tokens.partition_point(|t| t.start < m.span.start);
        let placed = i > 0 && !toks.breaks_before(i) && crate::entities::recognise::locative(toks.folded(i - 1));
        if !placed && toks.tokens.get(i).is_some_and(|t| t.start == m.span.start) {
            mentions.retain(|k| !(k.span == m.span && k.kind == EntityKind::Place && k.how == How::Known));
        }
    }
}

/// Whether the word at token `i` is joined by «و» to a place named beside it: «أعلنت مالي
/// وبوركينا فاسو» lists countries, whoever «مالي» also names.
fn among_places(toks: &Tokens, i: usize, mentions: &[EntityMention]) -> bool {
    let place_at = |span: Span| {
        mentions.iter().any(|m| m.kind == EntityKind::Place && m.span.start < span.end && span.start < m.span.end)
    };
    let next = i + 1 < toks.len()
        && !toks.breaks_before(i + 1)
        && toks.folded(i + 1).starts_with('و')
        && place_at(Span::new(toks.tokens[i + 1].start, toks.tokens[i + 1].end));
    let before = i > 0
        && !toks.breaks_before(i)
        && toks.folded(i).starts_with('و')
        && place_at(Span::new(toks.tokens[i - 1].start, toks.tokens[i - 1].end));
    next || before
}

/// Whether a person's one-word name read at token `i` (`dropped` letters of clitics before it)
/// stands as a name: not through the article («الهدف الرئيسي» is no «رئيسي»; a surname with
/// the article has it in the name), and not with an indefinite adjective after it, which a
/// name never takes («إلى عون دولي» is aid).
fn surname_here(toks: &Tokens, i: usize, dropped: usize, name: Option<&str>) -> bool {
    let folded = toks.folded(i);
    let clitics: String = folded.chars().take(dropped).collect();
    if clitics.ends_with("ال") || clitics.ends_with("لل") {
        // «للأسد» is «الأسد» of «بشار الأسد»: the article is the name's own.
        let rest: String = folded.chars().skip(dropped).collect();
        let own = format!("ال{rest}");
        if !name.is_some_and(|n| crate::text::fold(n).split(' ').any(|w| w == own)) {
            return false;
        }
    }
    let j = i + 1;
    let adjective = j < toks.len()
        && !toks.breaks_before(j)
        && toks.is_word(j)
        && !["ال", "و", "ف", "بال", "لل", "كال"].iter().any(|c| toks.folded(j).starts_with(c))
        && (toks.folded(j).ends_with('ي') || toks.folded(j).ends_with("يه"))
        && toks.folded(j).chars().count() >= 4;
    !adjective
}

/// Whether token `j`, right after an organisation's head that refers back («الجبهة»، «المرصد»),
/// is a definite nisba adjective naming another organisation with that head («الجبهة الشامية»،
/// «المرصد الإخباري»، «المجلس التشريعي»). One that only describes («التنظيم الإرهابي»:
/// `describing` in grammar_words.tsv) still refers back.
fn heads_another_name(toks: &Tokens, j: usize) -> bool {
    let w = toks.folded(j);
    toks.is_word(j)
        && !toks.breaks_before(j)
        && w.starts_with("ال")
        && (w.ends_with("يه") || w.ends_with('ي'))
        && w.chars().count() >= 5
        && !crate::lexicon::words("describing").contains(&w)
}

/// Gives a short form to `id`, unless another entity has it: then it names neither.
fn claim_alias(owners: &mut FxHashMap<String, Option<Arc<str>>>, alias: &str, id: &Arc<str>) {
    // Looked up before the alias is copied: the same few are claimed again and again.
    match owners.get_mut(alias) {
        Some(owner) if owner.as_ref() != Some(id) => *owner = None,
        Some(_) => {}
        None => {
            owners.insert(alias.to_string(), Some(id.clone()));
        }
    }
}

/// Adds the mentions that overlap none already there.
fn add_unclaimed(mentions: &mut Vec<EntityMention>, new: Vec<EntityMention>) {
    for m in new {
        if !mentions.iter().any(|k| overlaps(k.span, m.span)) {
            mentions.push(m);
        }
    }
}

fn front_matter_end(text: &str) -> usize {
    crate::source::front_matter(text).map_or(0, |f| f.body_start)
}

fn sentence_of(sentences: &[Span], span: Span) -> Option<Span> {
    let at = sentences.partition_point(|s| s.end <= span.start);
    sentences.get(at).copied().filter(|s| s.start <= span.start)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_parallel_maps_give_every_result_once_in_the_items_order() {
        let items: Vec<u32> = (0..1000).collect();
        let twice: Vec<u32> = items.iter().map(|x| x * 2).collect();
        assert_eq!(par_map(&items, |x| x * 2), twice);
        assert_eq!(par_queue(&items, |x| x * 2), twice);
        assert_eq!(par_queue(&items[..1], |x| x * 2), [0]);
        assert!(par_queue(&[] as &[u32], |x| x * 2).is_empty());
        // A worker's state is made once and seen by each item it maps, in order: a count that
        // starts again only where a worker's share of the items starts.
        let counted = par_map_with(
            &items,
            || 0u32,
            |n, x| {
                *n += 1;
                (*n, *x)
            },
        );
        assert_eq!(counted.iter().map(|(_, x)| *x).collect::<Vec<_>>(), items);
        let starts = counted.iter().filter(|(n, _)| *n == 1).count();
        let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
        assert!((1..=cores).contains(&starts), "{starts} workers for {cores} cores");
        assert!(counted.windows(2).all(|w| w[1].0 == w[0].0 + 1 || w[1].0 == 1));
    }

    #[test]
    fn a_panic_in_a_queued_job_reaches_the_caller() {
        let items: Vec<u32> = (0..8).collect();
        let caught = std::panic::catch_unwind(|| par_queue(&items, |&x| if x == 5 { panic!("job {x}") } else { x }));
        let message = caught.expect_err("the panic comes through");
        assert_eq!(message.downcast_ref::<String>().map(String::as_str), Some("job 5"));
    }
}
