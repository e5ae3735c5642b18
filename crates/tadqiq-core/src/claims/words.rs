//! The language data that says what a claim is about: what a number measures
//! (`data/measures.tsv`), what happened (`data/incidents.tsv`), whose age it is
//! (`data/roles.tsv`), where a toll stands in time (`data/tolls.tsv`) and what makes a number
//! of years an age (`data/ages.tsv`). Compiled in, matched on tokens through clitics.

use std::sync::{Arc, LazyLock};

use rustc_hash::FxHashMap;

use crate::lexicon::rows;
use crate::phrases::PhraseMap;
use crate::text::{Tokens, fold};

/// What a word says of the number it governs or counts.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Measure {
    /// What happened to what is counted: `killed`, `injured`, `arrested`…
    pub event: Option<Arc<str>>,
    /// What is counted: `people`, `people:soldiers`, `aircraft`, `usd`…
    pub thing: Option<Arc<str>>,
    /// Whether the count rises as news comes in (a toll).
    pub grows: bool,
}

impl Measure {
    /// Whether the thing counted is people, who can be killed, injured or arrested.
    pub fn counts_people(&self) -> bool {
        self.thing.as_deref().is_none_or(|t| t.starts_with("people"))
    }
}

/// Where a toll stands in time.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default, PartialOrd, Ord, serde::Serialize, serde::Deserialize)]
pub enum Stage {
    #[default]
    Plain,
    /// A first or earlier count.
    Early,
    /// A count that replaced an earlier one.
    Update,
    /// A count given as final.
    Final,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Word {
    Measure(Measure),
    /// What happened: `blast`, `strike`, `siege`, `founding`…; `start` and `end` mark the
    /// beginning or end of the incident beside them. `once`: it happens at one time, and a
    /// date of it can be compared with another source's.
    Incident(Arc<str>, bool),
    Stage(Stage),
    /// A word that makes a number of years an age, before the number or after its unit.
    Age {
        before: bool,
    },
    /// A word after which a place's name stands: «حي»، «بلدة»، «أهالي».
    PlaceHead,
    /// What an amount of money is: «موازنة» a budget, «قرض» a loan.
    Amount(Arc<str>),
}

pub struct Words {
    pub map: PhraseMap<Word>,
    /// Kin roles by their folded bare form.
    roles: FxHashMap<String, Arc<str>>,
    /// How the names of those who report news begin, folded.
    reporters: Vec<String>,
    /// The ids of the outlets the gazetteer knows (`data/gazetteer/outlets.tsv`).
    outlets: rustc_hash::FxHashSet<String>,
}

pub static WORDS: LazyLock<Words> = LazyLock::new(Words::load);

/// The words after which a place's name stands (`data/place_words.txt`: «حي»، «بلدة»،
/// «أهالي»), folded. Its own set, so that recognising entities does not load the claim words.
pub fn place_words() -> &'static rustc_hash::FxHashSet<String> {
    static SET: LazyLock<rustc_hash::FxHashSet<String>> = LazyLock::new(|| {
        rows(include_str!("../../data/place_words.txt"), 1, "place_words.txt").iter().map(|r| fold(r[0])).collect()
    });
    &SET
}

impl Words {
    fn load() -> Words {
        let mut map = PhraseMap::default();
        let mut singular_measures: FxHashMap<String, Measure> = FxHashMap::default();
        let mut interned: FxHashMap<String, Arc<str>> = FxHashMap::default();
        let mut intern = |s: &str| -> Option<Arc<str>> {
            (!s.is_empty()).then(|| interned.entry(s.to_string()).or_insert_with(|| s.into()).clone())
        };
        for row in rows(include_str!("../../data/measures.tsv"), 4, "measures.tsv") {
            let grows = match row[3] {
                "yes" => true,
                "" => false,
                other => panic!("measures.tsv: grows must be yes or empty, not {other:?}"),
            };
            let m = Measure { event: intern(row[1]), thing: intern(row[2]), grows };
            assert!(m.event.is_some() || m.thing.is_some(), "measures.tsv: {:?} measures nothing", row[0]);
            singular_measures.insert(fold(row[0]), m.clone());
            map.add(row[0], Word::Measure(m));
        }
        // «طفلان»، «سيدتين»: a countable noun's dual measures what its singular does.
        for (singular, duals) in crate::lexicon::noun_duals() {
            if let Some(m) = singular_measures.get(&singular) {
                for dual in duals.iter().filter(|d| !singular_measures.contains_key(*d)) {
                    map.add_folded(dual, Word::Measure(m.clone()));
                }
            }
        }
        for row in rows(include_str!("../../data/incidents.tsv"), 3, "incidents.tsv") {
            let once = match row[2] {
                "yes" => true,
                "" => false,
                other => panic!("incidents.tsv: once must be yes or empty, not {other:?}"),
            };
            map.add(row[0], Word::Incident(intern(row[1]).expect("incidents.tsv: an incident"), once));
        }
        for row in rows(include_str!("../../data/tolls.tsv"), 2, "tolls.tsv") {
            let stage = match row[1] {
                "early" => Stage::Early,
                "update" => Stage::Update,
                "final" => Stage::Final,
                other => panic!("tolls.tsv: unknown stage {other:?}"),
            };
            map.add(row[0], Word::Stage(stage));
        }
        for row in rows(include_str!("../../data/ages.tsv"), 2, "ages.tsv") {
            let before = match row[1] {
                "before" => true,
                "after" => false,
                other => panic!("ages.tsv: unknown position {other:?}"),
            };
            map.add(row[0], Word::Age { before });
        }
        let mut roles = FxHashMap::default();
        for row in rows(include_str!("../../data/roles.tsv"), 2, "roles.tsv") {
            roles.insert(fold(row[0]), intern(row[1]).expect("roles.tsv: a role"));
        }
        for row in rows(include_str!("../../data/amounts.tsv"), 2, "amounts.tsv") {
            map.add(row[0], Word::Amount(intern(row[1]).expect("amounts.tsv: what an amount is")));
        }
        for w in place_words() {
            map.add(w, Word::PlaceHead);
        }
        let reporters =
            rows(include_str!("../../data/reporters.txt"), 1, "reporters.txt").iter().map(|r| fold(r[0])).collect();
        let outlets = rows(include_str!("../../data/gazetteer/outlets.tsv"), 5, "outlets.tsv")
            .iter()
            .map(|r| r[0].to_string())
            .collect();
        Words { map, roles, reporters, outlets }
    }

    /// Whether an entity is an outlet the gazetteer knows: «رويترز» in a dateline, «(أ ف ب)»
    /// in a credit, «وقالت قناة الجزيرة» in an attribution report; they are no subject.
    pub fn is_outlet(&self, id: &str) -> bool {
        self.outlets.contains(id)
    }

    /// Whether a name is one of those who report news: «وكالة رويترز»، «المرصد السوري».
    pub fn is_reporter(&self, name: &str) -> bool {
        let name = fold(name);
        self.reporters
            .iter()
            .any(|r| name == *r || name.strip_prefix(r.as_str()).is_some_and(|rest| rest.starts_with(' ')))
    }

    /// The kin role a folded word names, through the article, a conjunction, a preposition and
    /// a possessive suffix: «والدتهما» → mother, «الأب» → father, «وشقيقهما» → brother.
    pub fn role(&self, word: &str) -> Option<Arc<str>> {
        // «ابنه» (his son) folds as «ابنة» (a daughter), «والده» (his father) as «والدة»: a word
        // written with a final ه, not ة, is a role with a pronoun, never a feminine one whole.
        let written_ha = word.ends_with('ه');
        let mut found = None;
        crate::text::clitic_readings(&fold(word), |form, _, _| {
            found = bare_forms(form).filter(|b| !(written_ha && b == form)).find_map(|b| self.roles.get(&b).cloned());
            found.is_some()
        });
        found
    }
}

impl Words {
    /// The measure of one folded word, whole (no clitics).
    pub fn measure_word(&self, folded: &str) -> Option<Measure> {
        let toks = Tokens::new(folded);
        if toks.len() != 1 {
            return None;
        }
        let ix = self.map.index(&toks);
        ix.find(&toks, 0, |w| if let Word::Measure(m) = w { Some(m.clone()) } else { None })
            .filter(|h| h.dropped == 0 && h.end == 1)
            .map(|h| h.value)
    }
}

/// A folded noun with and without a possessive suffix; a feminine ت before the suffix is
/// written back as the ة it stands for («والدته» → «والده» folded).
pub fn bare_forms(word: &str) -> impl Iterator<Item = String> + '_ {
    std::iter::once(word.to_string()).chain(crate::lexicon::words("possessives").iter().filter_map(move |s| {
        let stem = word.strip_suffix(s)?;
        (stem.chars().count() >= 2).then(|| match stem.strip_suffix('ت') {
            Some(base) => format!("{base}ه"),
            None => stem.to_string(),
        })
    }))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_data_loads() {
        let w = &*WORDS;
        assert!(!w.map.is_empty());
        assert_eq!(w.role("والدتهما").as_deref(), Some("mother"));
        assert_eq!(w.role("ووالدهما").as_deref(), Some("father"));
        assert_eq!(w.role("الأب").as_deref(), Some("father"));
        assert_eq!(w.role("وشقيقهما").as_deref(), Some("brother"));
        assert_eq!(w.role("المدينة"), None);
        // A final ه written is a pronoun: «ابنه» is his son, «ابنة» a daughter.
        assert_eq!(w.role("ابنه").as_deref(), Some("son"));
        assert_eq!(w.role("ابنة").as_deref(), Some("daughter"));
        assert_eq!(w.role("ابنته").as_deref(), Some("daughter"));
        assert_eq!(w.role("والده").as_deref(), Some("father"));
        assert_eq!(w.role("والدة").as_deref(), Some("mother"));
        assert!(w.is_reporter("وكالة رويترز") && w.is_reporter("المرصد السوري لحقوق الإنسان"));
        assert!(!w.is_reporter("وكالة المخابرات المركزية الأمريكية") && !w.is_reporter("قناطر"));
    }
}
