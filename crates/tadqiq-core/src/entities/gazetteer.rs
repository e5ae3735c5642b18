//! The entities tadqiq knows before reading a word: the built-in lists under
//! `data/gazetteer/` and the newsroom's own `[[entity]]` entries in `tadqiq.toml`, plus the
//! words that introduce names no list knows (titles, heads, national institutions).

use std::sync::Arc;

use rustc_hash::{FxHashMap, FxHashSet};

use super::{Entity, EntityKind, Origin, skeleton};
use crate::phrases::PhraseMap;
use crate::text::fold;

/// A word or phrase that shapes how names are read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NameWord {
    /// Introduces a person: «الرئيس»، «اللواء»، «مستشار».
    Title,
    /// Introduces an organisation, place or event name; `alias` says whether the bare name
    /// names the same thing; `definite` that only a definite name follows it; `landmark` that a
    /// known place's name after it names a new place («دوار القادسية»، «باب بغداد»); `only_known`
    /// that it introduces nothing else.
    /// `body_only` that it names a body only when definite, with an adjective and what the body
    /// is for («الجهاز المركزي للتعبئة العامة»), being a thing too («جهاز الهاتف»).
    Head { kind: EntityKind, alias: bool, definite: bool, landmark: bool, only_known: bool, body_only: bool },
    /// Joins the next word into one part of a name: «أبو»، «عبد»، «بن».
    Particle,
    /// An adjective after a title or head that is not a name: «السابق».
    Qualifier,
    /// Ends a place name: «غرب».
    Direction,
    /// Closes a facility's name: «الجوية».
    Facility,
    /// A verb that stands where a name could: «قال»، «أعلن».
    Verb,
    /// A plural or dual place head before a list of places: «بلدات»، «قريتي»، «مدن».
    PlaceList,
    /// The first word of a two-word place name: «كفر بطنا»، «تل أبيض».
    Compound,
    /// What an outlet is: «صحيفة»، «قناة»، «موقع».
    OutletHead,
    /// Never part of a name: «جميع»، «بعض».
    Common,
}

/// When a place name from the GeoNames list is read as the place (`geonames_places.tsv`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PlaceReading {
    /// A given name or frequent word: after a preposition of place, a head, another place.
    Place,
    /// An everyday word: only after a head, in a list of places, or with a direction after it.
    Head,
    /// Another place's name without its diacritics («عمّان» Amman, «عمان» Oman): where the
    /// text writes the shadda the list does, as a head's place, or opening a dateline.
    Spelled,
}

/// An institution head («البرلمان»، «وزارة الدفاع») and whether it alone, in an article that
/// qualifies exactly one country's, means that one.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Institution {
    pub key: Arc<str>,
    pub bare: bool,
    /// Whether, alone and qualified nowhere, it is the institution of the country the article
    /// is about («الشرطة» in a story set in Egyptian towns).
    pub local: bool,
}

/// An entity as `tadqiq.toml` writes it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ConfigEntity {
    pub id: String,
    pub name: String,
    pub kind: EntityKind,
    pub aliases: Vec<String>,
    pub description: Option<String>,
    /// Byte range of the entry's `id` value in `tadqiq.toml`, for go-to-definition.
    pub span: (usize, usize),
}

/// What a phrase of the entity data is. One map holds them all, so each word of an article
/// is looked up once for every question recognition asks.
#[derive(Clone, Debug)]
pub enum Phrase {
    /// A name or alias of the entity at this index.
    Name(usize),
    /// A short name of the entity at this index that the words after it make sure of: only its
    /// first `words` words are the mention («التحالف + الذي تقوده الولايات المتحدة»).
    NameBefore(usize, u8),
    /// A place's name that is the place only where the text puts a place there.
    Place(usize, PlaceReading),
    /// An outlet's name that is also an everyday word: the outlet only as a credit or after
    /// an outlet's head («المدن»، «الغد»).
    Outlet(usize),
    /// A given name that opens a person's name; `word` when it is also an everyday word.
    Given {
        word: bool,
    },
    /// A nationality adjective («عراقي»، «أمريكية»): the country's id.
    Adjective(Arc<str>),
    Institution(Institution),
    Word(NameWord),
    /// An event word («انسحاب»، «تصويت»): its event key.
    Event(Arc<str>),
}

/// The [`Default`] gazetteer knows no entity: for a reading without entities, which never
/// asks it anything.
#[derive(Default)]
pub struct Gazetteer {
    pub entities: Vec<Entity>,
    by_id: FxHashMap<Arc<str>, usize>,
    pub phrases: PhraseMap<Phrase>,
    /// Entities by the consonant skeleton of their names, to recognise a transliteration
    /// variant («أنييس روماتيه» for «آنيس روماتيه»).
    by_skeleton: FxHashMap<String, usize>,
    /// The newsroom's stop list, folded: never an entity, however introduced.
    stop: FxHashSet<String>,
    /// Short forms of built-in entities, folded, valid once a source names the entity in full.
    short_forms: FxHashMap<Arc<str>, Vec<String>>,
    /// Definite heads that refer back to the one organisation of that head: «المرصد».
    back_references: FxHashSet<String>,
    /// The country of each built-in place, by id.
    countries: FxHashMap<Arc<str>, Arc<str>>,
}

/// The `[entities]` table of `tadqiq.toml`: phrases that are never entities, and built-in
/// entities the newsroom does not want.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct EntitySettings {
    /// Words and phrases never read as an entity («المصدر»، «الوكالة»).
    pub stop: Vec<String>,
    /// Ids of built-in entities to forget («al-bab-sy»).
    pub remove: Vec<String>,
}

const COUNTRIES: &str = include_str!("../../data/gazetteer/countries.tsv");
const PLACES: &str = include_str!("../../data/gazetteer/places.tsv");
const ORGANIZATIONS: &str = include_str!("../../data/gazetteer/organizations.tsv");
const PEOPLE: &str = include_str!("../../data/gazetteer/people.tsv");
const GIVEN_NAMES: &str = include_str!("../../data/gazetteer/given_names.tsv");
const SHORT_FORMS: &str = include_str!("../../data/gazetteer/short_forms.tsv");
const BACK_REFERENCES: &str = include_str!("../../data/gazetteer/back_references.txt");
const OUTLETS: &str = include_str!("../../data/gazetteer/outlets.tsv");
const GEONAMES_PLACES: &str = include_str!("../../data/gazetteer/geonames_places.tsv");
const TITLES: &str = include_str!("../../data/gazetteer/titles.txt");
const HEADS: &str = include_str!("../../data/gazetteer/heads.tsv");
const INSTITUTIONS: &str = include_str!("../../data/gazetteer/institutions.tsv");
const NAME_WORDS: &str = include_str!("../../data/gazetteer/name_words.tsv");
const VERBS: &str = include_str!("../../data/gazetteer/verbs.txt");
const EVENT_WORDS: &str = include_str!("../../data/event_words.tsv");

impl Gazetteer {
    /// The built-in entities, extended and overridden by the newsroom's own: an entry with a
    /// built-in id replaces that entity (its names, kind and description).
    pub fn new(own: &[ConfigEntity]) -> Gazetteer {
        Gazetteer::configured(own, &EntitySettings::default())
    }

    /// [`Gazetteer::new`] with the newsroom's stop list and the built-in entities it removes
    /// (`[entities]` in `tadqiq.toml`).
    pub fn configured(own: &[ConfigEntity], settings: &EntitySettings) -> Gazetteer {
        let (mut entities, readings, countries) = builtin_entities();
        let mut phrases = PhraseMap::default();
        for row in rows(COUNTRIES, 4) {
            let id: Arc<str> = row[0].into();
            for adj in split_list(row[3]) {
                phrases.add(adj, Phrase::Adjective(id.clone()));
                phrases.add(&format!("{adj}ة"), Phrase::Adjective(id.clone()));
            }
        }
        // The newsroom's entities replace built-in ones of the same id: found by a map, as a
        // tadqiq.toml may list tens of thousands.
        let mut position: FxHashMap<Arc<str>, usize> =
            entities.iter().enumerate().map(|(i, e)| (e.id.clone(), i)).collect();
        for e in own {
            let entity = Entity {
                id: e.id.as_str().into(),
                kind: e.kind,
                name: e.name.clone(),
                aliases: e.aliases.clone(),
                description: e.description.clone(),
                origin: Origin::Config { span: e.span },
            };
            match position.get(e.id.as_str()) {
                Some(&i) => entities[i] = entity,
                None => {
                    position.insert(entity.id.clone(), entities.len());
                    entities.push(entity);
                }
            }
        }
        // A removed built-in keeps its place in the list (ids index it) but loses its names.
        let removed: FxHashSet<&str> = settings.remove.iter().map(|s| s.trim()).collect();
        let stop: FxHashSet<String> = settings.stop.iter().map(|s| fold(s.trim())).collect();
        let mut by_id = FxHashMap::default();
        let mut by_skeleton = FxHashMap::default();
        for (i, e) in entities.iter().enumerate() {
            by_id.insert(e.id.clone(), i);
            if removed.contains(&*e.id) && !matches!(e.origin, Origin::Config { .. }) {
                continue;
            }
            for name in std::iter::once(&e.name).chain(&e.aliases) {
                // Folded once: the gazetteer is what a one-article run spends its time on.
                let folded = (i, fold(name));
                if stop.contains(&folded.1) {
                    continue;
                }
                if let Some((short, rest)) = name.split_once(" + ") {
                    let words = short.split_whitespace().count().min(u8::MAX as usize) as u8;
                    phrases.add(&format!("{short} {rest}"), Phrase::NameBefore(i, words));
                    continue;
                }
                let phrase = match readings.get(&folded) {
                    Some(&Reading::Place(r)) if e.origin == Origin::Builtin => Phrase::Place(i, r),
                    Some(&Reading::Outlet) if e.origin == Origin::Builtin => Phrase::Outlet(i),
                    _ => Phrase::Name(i),
                };
                phrases.add_folded(&folded.1, phrase);
                if let Some(k) = skeleton_key_of_folded(&folded.1) {
                    // «كفر بطنا» is also written «كفربطنا».
                    if k.contains(' ') {
                        by_skeleton.entry(k.replace(' ', "")).or_insert(i);
                    }
                    by_skeleton.entry(k).or_insert(i);
                }
            }
        }
        // A confirmed short name is not a spelling of the entity to show.
        for e in &mut entities {
            e.aliases.retain(|a| !a.contains(" + "));
        }
        for row in rows(INSTITUTIONS, 3) {
            let (bare, local) = match row[2] {
                "local" => (true, true),
                "yes" => (true, false),
                "no" => (false, false),
                other => panic!("institutions.tsv: unknown value {other:?}"),
            };
            phrases.add(row[0], Phrase::Institution(Institution { key: row[1].into(), bare, local }));
        }
        for row in rows(TITLES, 1) {
            phrases.add(row[0], Phrase::Word(NameWord::Title));
        }
        for row in rows(HEADS, 3) {
            if row[1] == "places" {
                phrases.add(row[0], Phrase::Word(NameWord::PlaceList));
                continue;
            }
            let kind = EntityKind::parse(row[1]).unwrap_or_else(|| panic!("heads.tsv: unknown kind {:?}", row[1]));
            let (alias, definite, landmark, only_known) = match row[2] {
                "yes" => (true, false, false, false),
                "no" | "body" => (false, false, false, false),
                "definite" => (true, true, false, false),
                "landmark" => (false, true, true, false),
                "named-after" => (false, false, true, true),
                "named" => (false, false, true, false),
                other => panic!("heads.tsv: unknown alias {other:?}"),
            };
            let body_only = row[2] == "body";
            phrases
                .add(row[0], Phrase::Word(NameWord::Head { kind, alias, definite, landmark, only_known, body_only }));
        }
        for row in rows(NAME_WORDS, 2) {
            let w = match row[1] {
                "particle" => NameWord::Particle,
                "qualifier" => NameWord::Qualifier,
                "direction" => NameWord::Direction,
                "facility" => NameWord::Facility,
                "compound" => NameWord::Compound,
                "outlet" => NameWord::OutletHead,
                "common" => NameWord::Common,
                other => panic!("name_words.tsv: unknown kind {other:?}"),
            };
            phrases.add(row[0], Phrase::Word(w));
        }
        for row in rows(GIVEN_NAMES, 2) {
            match row[1] {
                "name" => phrases.add(row[0], Phrase::Given { word: false }),
                "word" => phrases.add(row[0], Phrase::Given { word: true }),
                "particle" => {}
                other => panic!("given_names.tsv: unknown reading {other:?}"),
            }
        }
        for row in rows(VERBS, 1) {
            phrases.add(row[0], Phrase::Word(NameWord::Verb));
        }
        for row in rows(EVENT_WORDS, 2) {
            phrases.add(row[0], Phrase::Event(Arc::from(row[1])));
        }
        let mut short_forms: FxHashMap<Arc<str>, Vec<String>> = FxHashMap::default();
        for row in rows(SHORT_FORMS, 2) {
            let id = by_id.get_key_value(row[0]).map(|(k, _)| k.clone()).unwrap_or_else(|| row[0].into());
            short_forms.entry(id).or_default().extend(split_list(row[1]).map(fold));
        }
        let back_references = rows(BACK_REFERENCES, 1).iter().map(|r| fold(r[0])).collect();
        Gazetteer { entities, by_id, phrases, by_skeleton, stop, short_forms, back_references, countries }
    }

    /// The country a built-in place is in (a country is in itself).
    pub fn country_of(&self, id: &str) -> Option<&Arc<str>> {
        self.countries.get(id)
    }

    /// The short forms that name a built-in entity once a source names it in full: the listed
    /// ones («المنظمة الدولية» for the UN), a person's surname, an organisation's head when it
    /// refers back («التحالف»), all folded.
    pub fn short_forms(&self, e: &Entity) -> Vec<String> {
        let mut out: Vec<String> = self.short_forms.get(&e.id).cloned().unwrap_or_default();
        let name = fold(&e.name);
        let words: Vec<&str> = name.split_whitespace().collect();
        if e.kind == EntityKind::Person && words.len() >= 2 {
            let last = words[words.len() - 1];
            let particle = words.len() >= 2 && matches!(words[words.len() - 2], "ابو" | "عبد" | "بن" | "ابن" | "ام");
            // «نصر الله»، «صلاح الدين»: a compound surname is two words.
            if matches!(last, "الله" | "الدين") && words.len() >= 3 && !particle {
                out.push(words[words.len() - 2..].join(" "));
            } else if last.chars().count() >= 3 && !particle {
                out.push(last.to_string());
            }
        }
        if e.kind == EntityKind::Org && words.len() >= 2 {
            out.extend(self.back_reference(words[0]));
        }
        out.retain(|f| !self.stopped(f));
        out
    }

    /// Whether a folded word is a country's adjective, with its article or without:
    /// «السوري»، «الليبية».
    pub fn country_adjective(&self, word: &str) -> bool {
        let toks = crate::text::Tokens::from(word, 0);
        toks.len() == 1
            && self
                .phrases
                .index(&toks)
                .find(&toks, 0, |p| matches!(p, Phrase::Adjective(_)).then_some(()))
                .is_some_and(|h| h.end == 1 && (h.dropped == 0 || word.starts_with("ال")))
    }

    /// The definite head that refers back to an organisation named with this first word:
    /// «مرصد»/«المرصد» → «المرصد».
    pub fn back_reference(&self, first_word: &str) -> Option<String> {
        let definite =
            if first_word.starts_with("ال") { first_word.to_string() } else { format!("ال{first_word}") };
        self.back_references.contains(&definite).then_some(definite)
    }

    pub fn has_stop_list(&self) -> bool {
        !self.stop.is_empty()
    }

    /// Whether the newsroom's stop list says this folded phrase is no entity.
    pub fn stopped(&self, folded: &str) -> bool {
        !self.stop.is_empty() && self.stop.contains(folded)
    }

    pub fn get(&self, id: &str) -> Option<&Entity> {
        self.by_id.get(id).map(|&i| &self.entities[i])
    }

    /// The known entity whose name this is a transliteration variant of, if any.
    pub fn variant_of(&self, name: &str) -> Option<&Entity> {
        self.variant_with_skeleton(name, &skeleton_key(name)?)
    }

    /// [`Gazetteer::variant_of`] given the name's [`skeleton_key`].
    pub(crate) fn variant_with_skeleton(&self, name: &str, k: &str) -> Option<&Entity> {
        let e = self
            .by_skeleton
            .get(k)
            .or_else(|| self.by_skeleton.get(&k.replace(' ', "")))
            .map(|&i| &self.entities[i])?;
        let folded = fold(name);
        let joined = folded.replace(' ', "");
        std::iter::once(&e.name)
            .chain(&e.aliases)
            .any(|n| {
                let n = fold(n);
                super::vowel_variant(&folded, &n) || super::vowel_variant(&joined, &n.replace(' ', ""))
            })
            .then_some(e)
    }
}

/// The skeleton of a name, when it is distinctive enough to group spellings by: several
/// words, or one word of at least four consonants. «سالم» and «سليم» share a skeleton.
pub(crate) fn skeleton_key(name: &str) -> Option<String> {
    skeleton_key_of_folded(&fold(name))
}

/// [`skeleton_key`] of a name already folded ([`fold`]).
fn skeleton_key_of_folded(folded: &str) -> Option<String> {
    let words: Vec<String> =
        folded.split_whitespace().flat_map(joined_particle).map(skeleton).filter(|s| !s.is_empty()).collect();
    let distinctive = words.len() > 1 || words.first().is_some_and(|w| w.chars().count() >= 4);
    distinctive.then(|| words.join(" "))
}

/// A folded word of a name as its parts: a particle written joined to the word after it is
/// set apart, as news copy writes it as often («عبدالرحمن» for «عبد الرحمن», «أبوبكر» for «أبو
/// بكر»). «عبد» only before a divine name («عبدالله»، «عبدالرحمن»); «أبو» before a word of
/// three letters or more.
pub(crate) fn joined_particle(word: &str) -> impl Iterator<Item = &str> {
    let split = if word.starts_with("عبدال") && word.chars().count() >= 7 {
        Some("عبد".len())
    } else if word.starts_with("ابو") && word["ابو".len()..].chars().count() >= 3 {
        Some("ابو".len())
    } else {
        None
    };
    let (first, rest) = match split {
        Some(at) => (&word[..at], Some(&word[at..])),
        None => (word, None),
    };
    std::iter::once(first).chain(rest)
}

/// How a name that needs context is read.
#[derive(Clone, Copy)]
enum Reading {
    Place(PlaceReading),
    Outlet,
}

/// The places and outlets whose names need context, by (entity, folded name).
type Readings = FxHashMap<(usize, String), Reading>;

fn builtin_entities() -> (Vec<Entity>, Readings, FxHashMap<Arc<str>, Arc<str>>) {
    let mut out = Vec::new();
    let mut readings = Readings::default();
    let mut countries: FxHashMap<Arc<str>, Arc<str>> = FxHashMap::default();
    let entity = |id: &str, kind, name: &str, aliases: &str, description: &str| Entity {
        id: id.into(),
        kind,
        name: name.to_string(),
        aliases: split_list(aliases).map(|a| framed_alias(a).unwrap_or(a).to_string()).collect(),
        description: (!description.is_empty()).then(|| description.to_string()),
        origin: Origin::Builtin,
    };
    for row in rows(COUNTRIES, 4) {
        out.push(entity(row[0], EntityKind::Place, row[1], row[2], ""));
        countries.insert(row[0].into(), row[0].into());
    }
    // The hand-kept places by (id, country), with their names folded: GeoNames' rows of the same
    // place join them (below).
    let mut hand: FxHashMap<(&str, &str), (usize, FxHashSet<String>)> = FxHashMap::default();
    for row in rows(PLACES, 4) {
        out.push(entity(row[0], EntityKind::Place, row[1], row[2], ""));
        if !row[3].is_empty() {
            countries.insert(row[0].into(), row[3].into());
        }
        // A name the list writes with a shadda is another's without it: read as `Spelled`.
        let i = out.len() - 1;
        for name in std::iter::once(row[1]).chain(split_list(row[2])).filter(|n| n.contains('\u{651}')) {
            readings.insert((i, fold(name)), Reading::Place(PlaceReading::Spelled));
        }
        let names = std::iter::once(row[1]).chain(split_list(row[2])).map(fold).collect();
        hand.insert((row[0], row[3]), (i, names));
    }
    for row in rows(ORGANIZATIONS, 5) {
        let kind = EntityKind::parse(row[1]).unwrap_or_else(|| panic!("organizations.tsv: unknown kind {:?}", row[1]));
        out.push(entity(row[0], kind, row[2], row[3], row[4]));
    }
    for row in rows(PEOPLE, 4) {
        out.push(entity(row[0], EntityKind::Person, row[1], row[2], row[3]));
    }
    for row in rows(OUTLETS, 5) {
        let outlet = match row[3] {
            "bare" => false,
            "outlet" => true,
            other => panic!("outlets.tsv: unknown reading {other:?}"),
        };
        out.push(entity(row[0], EntityKind::Org, row[1], row[2], row[4]));
        let i = out.len() - 1;
        for name in std::iter::once(row[1]).chain(split_list(row[2])) {
            // An alias in brackets is framed whatever the row's reading: «(ومع)» of the Maghreb
            // Arab Press is «and with» anywhere else.
            if let Some(framed) = framed_alias(name) {
                readings.insert((i, fold(framed)), Reading::Outlet);
                continue;
            }
            // A name with the outlet's own head («قناة الجزيرة») is the outlet anywhere.
            let f = fold(name);
            if outlet && (name == row[1] || !f.contains(' ')) {
                readings.insert((i, f), Reading::Outlet);
            }
        }
    }
    // GeoNames places: one entity per id, its rows (one per reading) in a run.
    for row in rows(GEONAMES_PLACES, 7) {
        let reading = match row[6] {
            "bare" => None,
            "place" => Some(PlaceReading::Place),
            "head" => Some(PlaceReading::Head),
            other => panic!("geonames_places.tsv: unknown reading {other:?}"),
        };
        let names = std::iter::once(row[1]).chain(split_list(row[2]));
        // GeoNames' row of a hand-kept place («kabul-af-1138958» of «kabul»: its other
        // spellings, «كابول»، «النجف الأشرف»، «تل الربيع») is that place, not a second one; a
        // spelling the hand list gives keeps the hand list's reading.
        if let Some((i, listed)) = hand.get_mut(&(hand_id(row[0], row[3]), row[3])) {
            for name in names {
                let folded = fold(name);
                if listed.insert(folded.clone()) {
                    if let Some(r) = reading {
                        readings.insert((*i, folded), Reading::Place(r));
                    }
                    out[*i].aliases.push(name.to_string());
                }
            }
            continue;
        }
        let same = out.last().is_some_and(|e: &Entity| *e.id == *row[0]);
        if !same {
            let level = match row[5] {
                "region" => "region",
                "district" => "district",
                _ => "city",
            };
            let description = match row[4].parse::<u64>() {
                Ok(p) if p > 0 => format!("{level} ({}), population {p} (GeoNames)", row[3].to_uppercase()),
                _ => format!("{level} ({}) (GeoNames)", row[3].to_uppercase()),
            };
            out.push(Entity {
                id: row[0].into(),
                kind: EntityKind::Place,
                name: row[1].to_string(),
                aliases: Vec::new(),
                description: Some(description),
                origin: Origin::Builtin,
            });
        }
        let i = out.len() - 1;
        countries.insert(out[i].id.clone(), row[3].into());
        for name in names {
            if let Some(r) = reading {
                readings.insert((i, fold(name)), Reading::Place(r));
            }
            if same || name != row[1] {
                out[i].aliases.push(name.to_string());
            }
        }
    }
    (out, readings, countries)
}

/// The id a GeoNames row's place has in the hand-kept list, if it is there: its id without the
/// country and GeoNames number the build gives it («kabul-af-1138958» → «kabul»).
fn hand_id<'a>(id: &'a str, country: &str) -> &'a str {
    let numbered = id.rsplit_once('-').filter(|(_, n)| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()));
    let unnumbered = numbered.map_or(id, |(base, _)| base);
    unnumbered.strip_suffix(country).and_then(|b| b.strip_suffix('-')).unwrap_or(id)
}

/// The country whose nationals a word names: a country's nisba (countries.tsv) in its regular
/// inflections, through «و» and the article: «أمريكيين»، «الأردنيين»، «أردنيا»، «عراقيتين»،
/// «سوريات» → the country's id. A country's own name is not its nationals («سوريا»، «تركيا»
/// end as an accusative nisba would); broken plurals («الأتراك») are not read. Built-in data
/// only: a newsroom's entities add places, not nationalities. Cost: a few hash lookups.
pub fn nationality(word: &str) -> Option<Arc<str>> {
    struct Nations {
        nisbas: FxHashMap<String, Arc<str>>,
        names: FxHashSet<String>,
    }
    static NATIONS: std::sync::LazyLock<Nations> = std::sync::LazyLock::new(|| {
        let mut nations = Nations { nisbas: FxHashMap::default(), names: FxHashSet::default() };
        for row in rows(COUNTRIES, 4) {
            let id: Arc<str> = row[0].into();
            nations.names.extend(std::iter::once(row[1]).chain(split_list(row[2])).map(fold));
            for adj in split_list(row[3]) {
                nations.nisbas.insert(fold(adj), id.clone());
            }
        }
        nations
    });
    // Folded: «ة» is «ه».
    const ENDINGS: [&str; 9] = ["", "ه", "ا", "ين", "ون", "ان", "تين", "تان", "ات"];
    let nations = &*NATIONS;
    let word = fold(word);
    let bare = word.strip_prefix('و').filter(|w| w.chars().count() > 3).unwrap_or(&word);
    let bare = bare.strip_prefix("ال").filter(|w| w.chars().count() > 2).unwrap_or(bare);
    if nations.names.contains(bare) || nations.names.contains(&word) {
        return None;
    }
    ENDINGS.iter().find_map(|e| {
        let stem = bare.strip_suffix(e)?;
        stem.ends_with('ي').then(|| nations.nisbas.get(stem)).flatten().cloned()
    })
}

/// An alias written in brackets in `outlets.tsv`: a name that is the outlet only framed.
fn framed_alias(alias: &str) -> Option<&str> {
    alias.strip_prefix('(')?.strip_suffix(')')
}

fn split_list(s: &str) -> impl Iterator<Item = &str> {
    s.split('|').map(str::trim).filter(|a| !a.is_empty())
}

const CLITIC_WORDS: &str = include_str!("../../data/gazetteer/clitic_words.txt");

/// Whether `word` (folded) is an everyday word and never a clitic before the place name `name`
/// it ends in (`data/gazetteer/clitic_words.txt`, built by `scripts/build_clitic_words.py`):
/// «وفدا» is a delegation, not «و» + Fada; «كهرباء» electricity, not «ك» + Iriba.
pub fn clitic_word(word: &str, name: &str) -> bool {
    static PAIRS: std::sync::LazyLock<FxHashSet<(&'static str, &'static str)>> =
        std::sync::LazyLock::new(|| rows(CLITIC_WORDS, 2).into_iter().map(|r| (r[0], r[1])).collect());
    PAIRS.contains(&(word, name))
}

fn rows(file: &str, columns: usize) -> Vec<Vec<&str>> {
    crate::lexicon::rows(file, columns, "gazetteer data")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_nisba_in_any_regular_inflection_names_its_country() {
        let read = |w: &str| nationality(w).map(|c| c.to_string());
        for (word, country) in [
            ("أمريكيين", "us"),
            ("الأميركيون", "us"),
            ("أردنيا", "jo"),
            ("وأردنيتين", "jo"),
            ("العراقيات", "iq"),
            ("سوريان", "sy"),
            ("سعودية", "sa"),
            ("اللبنانيين", "lb"),
            ("السعودي", "sa"),
        ] {
            assert_eq!(read(word).as_deref(), Some(country), "{word}");
        }
        // A country's own name, a broken plural, a word that only looks like a nisba.
        for word in ["سوريا", "تركيا", "وروسيا", "الأتراك", "مدنيين", "عسكريين"] {
            assert_eq!(read(word), None, "{word}");
        }
    }

    #[test]
    fn builtin_data_loads_with_unique_ids() {
        let g = Gazetteer::new(&[]);
        assert!(g.entities.len() > 400);
        assert!(clitic_word("كهرباء", "هرباء") && !clitic_word("وحلب", "حلب"));
        let mut ids: Vec<&str> = g.entities.iter().map(|e| &*e.id).collect();
        ids.sort();
        let before = ids.len();
        ids.dedup();
        assert_eq!(before, ids.len(), "duplicate ids in the gazetteer");
        assert_eq!(g.get("iq").unwrap().name, "العراق");
        assert_eq!(g.get("isis").unwrap().kind, EntityKind::Org);
    }

    #[test]
    fn config_entities_extend_and_override() {
        let own = [
            ConfigEntity {
                id: "isis".into(),
                name: "داعش".into(),
                kind: EntityKind::Org,
                aliases: vec![],
                description: Some("house style: داعش".into()),
                span: (10, 16),
            },
            ConfigEntity {
                id: "jane-doe".into(),
                name: "جين دو".into(),
                kind: EntityKind::Person,
                aliases: vec!["دو".into()],
                description: None,
                span: (40, 50),
            },
        ];
        let g = Gazetteer::new(&own);
        assert_eq!(g.get("isis").unwrap().description.as_deref(), Some("house style: داعش"));
        assert_eq!(g.get("isis").unwrap().origin, Origin::Config { span: (10, 16) });
        assert_eq!(g.get("jane-doe").unwrap().kind, EntityKind::Person);
    }

    #[test]
    fn skeletons_group_transliterations() {
        assert_eq!(skeleton_key("آنيس روماتيه"), skeleton_key("أنييس روماتيه"));
        assert_eq!(skeleton_key("نبع السلام"), skeleton_key("نبع والسلام"));
        assert_eq!(skeleton_key("سالم"), None);
        // A particle joined to the word after it.
        assert_eq!(skeleton_key("عبدالأمير الشمري"), skeleton_key("عبد الأمير الشمري"));
        assert_eq!(skeleton_key("أبوبكر سالم"), skeleton_key("أبو بكر سالم"));
        assert_eq!(skeleton_key("عبدالله الخطيب"), skeleton_key("عبد الله الخطيب"));
    }
}
