//! People, organisations, places and events: recognised in one article by the gazetteer, by a
//! country's institutions, and by how news introduces names (titles and head nouns); carried
//! across articles by the workspace's [`crate::workspace::Workspace`].

pub mod gazetteer;
pub mod recognise;

use std::sync::Arc;

pub use gazetteer::{ConfigEntity, EntitySettings, Gazetteer, PlaceReading};
pub use recognise::{Introduction, LocalEntities, recognise};

use crate::extract::Span;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize)]
pub enum EntityKind {
    Person,
    Org,
    Place,
    Event,
}

impl EntityKind {
    pub fn as_str(self) -> &'static str {
        match self {
            EntityKind::Person => "person",
            EntityKind::Org => "org",
            EntityKind::Place => "place",
            EntityKind::Event => "event",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Some(match s {
            "person" => EntityKind::Person,
            "org" => EntityKind::Org,
            "place" => EntityKind::Place,
            "event" => EntityKind::Event,
            _ => return None,
        })
    }
}

/// Where an entity's definition lives.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Origin {
    /// The built-in gazetteer under `data/gazetteer/`.
    Builtin,
    /// An `[[entity]]` in `tadqiq.toml`; `span` is the byte range of its `id` value there.
    Config { span: (usize, usize) },
    /// Introduced by an article: «المتحدث باسم الجيش اللبناني العميد نزيه جبور».
    Discovered,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Entity {
    pub id: Arc<str>,
    pub kind: EntityKind,
    /// The canonical name: the gazetteer's, the config's, or the first full introduction's.
    pub name: String,
    pub aliases: Vec<String>,
    pub description: Option<String>,
    pub origin: Origin,
}

/// How a mention was recognised.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum How {
    /// A name or alias in the gazetteer or `tadqiq.toml`.
    Known,
    /// A country's institution: «البرلمان العراقي».
    Institution,
    /// A bare institution head in an article that names exactly one such institution.
    BareInstitution,
    /// Introduced here by a title or a head noun.
    Introduced,
    /// A name introduced elsewhere (in this or another source), or its short form.
    Alias,
}

#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct EntityMention {
    pub span: Span,
    #[serde(with = "crate::shared::one")]
    pub id: Arc<str>,
    pub kind: EntityKind,
    pub how: How,
}

/// The consonant skeleton of a folded word: long vowels and hamza seats dropped, doubled
/// letters merged, the last letter kept. Transliterations of one foreign name differ mostly in
/// their vowels («آنيس»/«أنييس»), and a conjunction glued to a word («نبع والسلام») adds
/// only a و; the last letter carries the nisba ending («عثماني» is not «عثمان»).
pub fn skeleton(word: &str) -> String {
    let mut out = String::new();
    skeleton_into(word, &mut out);
    out
}

/// [`skeleton`] into a buffer, replacing what it held.
pub fn skeleton_into(word: &str, out: &mut String) {
    out.clear();
    let last = word.chars().count().saturating_sub(1);
    let mut previous = None;
    for (k, c) in word.chars().enumerate() {
        if k != last && matches!(c, 'ا' | 'و' | 'ي' | 'ى' | 'ء' | 'ئ' | 'ؤ' | 'أ' | 'إ' | 'آ') {
            continue;
        }
        // «غ»، «ج» and «گ» all write a foreign g: «أفيغدور» / «أفيجدور».
        let c = if matches!(c, 'غ' | 'گ') { 'ج' } else { c };
        if previous == Some(c) {
            continue;
        }
        out.push(c);
        previous = Some(c);
    }
}

/// Whether two folded spellings with one skeleton are a transliteration's variants: one is the
/// other with long vowels or hamza seats added or dropped («ترمب»/«ترامب»، «بسكوف»/«بيسكوف»,
/// «نبع السلام»/«نبع والسلام»), never with one vowel put for another: «وزيرة»/«وزارة» (minister,
/// ministry) are two words.
pub fn vowel_variant(a: &str, b: &str) -> bool {
    let norm = |s: &str| -> Vec<char> {
        s.chars().filter(|c| !c.is_whitespace()).map(|c| if matches!(c, 'غ' | 'گ') { 'ج' } else { c }).collect()
    };
    let (a, b) = (norm(a), norm(b));
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    let vowel = |c: char| matches!(c, 'ا' | 'و' | 'ي' | 'ى' | 'ء' | 'ئ' | 'ؤ' | 'أ' | 'إ' | 'آ');
    let mut k = 0;
    for &c in &long {
        if k < short.len() && short[k] == c {
            k += 1;
        } else if !vowel(c) {
            return false;
        }
    }
    k == short.len()
}

/// A readable ASCII id for a name no list knows: «نزيه جبور» → `nzyh-jbwr`.
pub fn slug(name: &str) -> String {
    let mut out = String::new();
    for word in crate::text::fold(name).split_whitespace() {
        if !out.is_empty() {
            out.push('-');
        }
        let word = match word.strip_prefix("وال") {
            Some(rest) if rest.chars().count() >= 2 => {
                out.push_str("w-al-");
                rest
            }
            _ => match word.strip_prefix("ال") {
                Some(rest) if rest.chars().count() >= 2 => {
                    out.push_str("al-");
                    rest
                }
                _ => word,
            },
        };
        for c in word.chars() {
            out.push_str(match c {
                'ا' | 'ع' => "a",
                'ب' => "b",
                'ت' | 'ط' => "t",
                'ث' => "th",
                'ج' => "j",
                'ح' | 'ه' => "h",
                'خ' => "kh",
                'د' | 'ض' => "d",
                'ذ' => "dh",
                'ر' => "r",
                'ز' | 'ظ' => "z",
                'س' | 'ص' => "s",
                'ش' => "sh",
                'غ' => "gh",
                'ف' => "f",
                'ق' => "q",
                'ك' => "k",
                'ل' => "l",
                'م' => "m",
                'ن' => "n",
                'و' => "w",
                'ي' => "y",
                'پ' => "p",
                'چ' => "ch",
                'گ' => "g",
                _ => "",
            });
            if c.is_ascii_alphanumeric() {
                out.push(c.to_ascii_lowercase());
            } else if c == '-' {
                out.push('-');
            }
        }
    }
    let collapsed: Vec<&str> = out.split('-').filter(|p| !p.is_empty()).collect();
    if collapsed.is_empty() { "entity".to_string() } else { collapsed.join("-") }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_are_readable_ascii() {
        assert_eq!(slug("نزيه جبور"), "nzyh-jbwr");
        assert_eq!(slug("خالد الأعظمي"), "khald-al-aazmy");
        assert_eq!(slug("رأس العين"), "ras-al-ayn");
        assert_eq!(slug("K-1"), "k-1");
        assert_eq!(slug("«»"), "entity");
    }

    #[test]
    fn vowel_variants() {
        assert!(vowel_variant("ترمب", "ترامب"));
        assert!(vowel_variant("بسكوف", "بيسكوف"));
        assert!(vowel_variant("نبع السلام", "نبع والسلام"));
        assert!(vowel_variant("افيجدور ليبرمان", "افيغدور ليبرمان"));
        assert!(!vowel_variant("وزيره الخارجيه", "وزاره الخارجيه"));
        assert!(!vowel_variant("سالم", "سليم"));
    }

    #[test]
    fn skeletons() {
        assert_eq!(skeleton("انيس"), skeleton("انييس"));
        assert_eq!(skeleton("والصلب"), skeleton("الصلب"));
        assert_ne!(skeleton("عثماني"), skeleton("عثمان"));
    }
}
