//! Phrases of folded words mapped to values, matched on tokens through clitics.
//!
//! The language data and the gazetteers are both phrase maps. Matching a document hashes each
//! word under each of its clitic readings once ([`PhraseMap::index`]); every later question
//! about a token scans the (usually empty) list of entries it can begin.

use rustc_hash::FxHashMap;

use crate::text::{Tokens, clitic_readings, fold};

struct Entry<V> {
    rest: Box<[Box<str>]>,
    value: V,
}

pub struct PhraseMap<V> {
    by_first: FxHashMap<Box<str>, Vec<Entry<V>>>,
}

impl<V> Default for PhraseMap<V> {
    fn default() -> Self {
        PhraseMap { by_first: FxHashMap::default() }
    }
}

/// A match: what it means, the token after it, and how many letters of clitics were dropped
/// from its first token.
#[derive(Clone, Copy, Debug)]
pub struct Hit<T> {
    pub value: T,
    pub end: usize,
    pub dropped: usize,
}

impl<V> PhraseMap<V> {
    /// Adds a phrase as written; it is folded and split into words here.
    pub fn add(&mut self, form: &str, value: V) {
        self.add_folded(&fold(form), value);
    }

    /// [`PhraseMap::add`] of a phrase already folded ([`fold`]).
    pub fn add_folded(&mut self, folded: &str, value: V) {
        let mut words = folded.split_whitespace();
        let Some(first) = words.next() else { return };
        let rest = words.map(Box::from).collect();
        self.by_first.entry(first.into()).or_default().push(Entry { rest, value });
    }

    pub fn is_empty(&self) -> bool {
        self.by_first.is_empty()
    }

    /// Whether a folded word, under one of its clitic readings, begins an entry.
    pub fn begins(&self, folded: &str) -> bool {
        clitic_readings(folded, |form, _, _| self.by_first.contains_key(form))
    }

    /// Every entry each token of `toks` could begin, under each of its clitic readings.
    pub fn index<'m>(&'m self, toks: &Tokens) -> Index<'m, V> {
        let mut starts = Vec::with_capacity(toks.len() + 1);
        let mut items = Vec::new();
        for i in 0..toks.len() {
            starts.push(items.len() as u32);
            // Latin words begin names too («BBC», «Reuters»); only entries that start with one match.
            if !toks.is_word(i) && toks.kind(i) != Some(crate::text::TokenKind::Latin) {
                continue;
            }
            let mut reading = 0u8;
            clitic_readings(toks.folded(i), |form, dropped, stripped_article| {
                if let Some(entries) = self.by_first.get(form) {
                    for entry in entries {
                        items.push(Candidate { entry, reading, dropped: dropped as u8, stripped_article });
                    }
                }
                reading += 1;
                false
            });
        }
        starts.push(items.len() as u32);
        Index { starts, items }
    }
}

/// The entries each token of one text could begin; see [`PhraseMap::index`].
pub struct Index<'m, V> {
    starts: Vec<u32>,
    items: Vec<Candidate<'m, V>>,
}

struct Candidate<'m, V> {
    entry: &'m Entry<V>,
    /// Which clitic reading of the word matched: earlier readings drop fewer clitics.
    reading: u8,
    dropped: u8,
    stripped_article: bool,
}

/// How far a phrase's words may stand apart.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Gaps {
    /// Word after word.
    None,
    /// Quotation marks may stand between words: «تنظيم “الدولة الإسلامية”».
    Quotes,
}

impl<V> Index<'_, V> {
    /// The longest phrase starting at token `i` whose value `pick` accepts. The first token
    /// may carry clitics (و ف ب ك ل ال); the following words must match as written. The reading
    /// that drops the fewest clitics wins.
    pub fn find<T>(&self, toks: &Tokens, i: usize, pick: impl Fn(&V) -> Option<T>) -> Option<Hit<T>> {
        self.find_with(toks, i, true, Gaps::None, pick)
    }

    /// As [`Index::find`], but the first token may not have lost the article ال.
    pub fn find_indefinite<T>(&self, toks: &Tokens, i: usize, pick: impl Fn(&V) -> Option<T>) -> Option<Hit<T>> {
        self.find_with(toks, i, false, Gaps::None, pick)
    }

    /// Whether token `i` begins an entry with a value `pick` accepts.
    pub fn is(&self, toks: &Tokens, i: usize, pick: impl Fn(&V) -> bool) -> bool {
        self.find(toks, i, |v| pick(v).then_some(())).is_some()
    }

    /// Whether anything is known of token `i`.
    pub fn knows(&self, i: usize) -> bool {
        matches!((self.starts.get(i), self.starts.get(i + 1)), (Some(a), Some(b)) if a < b)
    }

    pub fn find_with<T>(
        &self,
        toks: &Tokens,
        i: usize,
        article: bool,
        gaps: Gaps,
        pick: impl Fn(&V) -> Option<T>,
    ) -> Option<Hit<T>> {
        let range = self.starts.get(i).copied()? as usize..self.starts.get(i + 1).copied()? as usize;
        let mut best: Option<(u8, Hit<T>)> = None;
        for c in &self.items[range] {
            if !article && c.stripped_article {
                continue;
            }
            if best.as_ref().is_some_and(|b| b.0 != c.reading) {
                break;
            }
            // The value first: it is one comparison, and a word may begin many phrases.
            let Some(value) = pick(&c.entry.value) else { continue };
            let Some(end) = rest_end(toks, i + 1, &c.entry.rest, gaps) else { continue };
            if best.as_ref().is_some_and(|b| b.1.end >= end) {
                continue;
            }
            best = Some((c.reading, Hit { value, end, dropped: c.dropped as usize }));
        }
        best.map(|b| b.1)
    }
}

/// Where a phrase's remaining words end if they follow from token `j`.
fn rest_end(toks: &Tokens, mut j: usize, rest: &[Box<str>], gaps: Gaps) -> Option<usize> {
    for w in rest {
        if gaps == Gaps::Quotes {
            while j < toks.len() && is_quote(toks, j) && !toks.breaks_before(j) {
                j += 1;
            }
        }
        // Any word, Latin word or number the entry spells out: «فرانس 24»، «Sky News».
        let spelled = toks.kind(j).is_some_and(|k| k != crate::text::TokenKind::Punct);
        if !(spelled && !toks.breaks_before(j) && toks.folded(j) == &**w) {
            return None;
        }
        j += 1;
    }
    Some(j)
}

/// Quotation marks of every style Arabic copy uses.
pub fn is_quote(toks: &Tokens, j: usize) -> bool {
    toks.kind(j) == Some(crate::text::TokenKind::Punct)
        && matches!(
            toks.folded(j).chars().next(),
            Some('"' | '“' | '”' | '«' | '»' | '\'' | '‘' | '’' | '„' | '‹' | '›')
        )
}
