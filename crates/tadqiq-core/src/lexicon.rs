//! The language data under `data/`, compiled in and indexed by folded first word.
//!
//! Each file is a readable list with a header saying where its entries come from; this module
//! only parses them. A malformed line is a bug in the data and fails the `lexicon_loads` test.

use std::sync::LazyLock;

use crate::phrases::PhraseMap;
use crate::text::{Tokens, fold};

#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum Calendar {
    Gregorian,
    Hijri,
}

impl Calendar {
    pub fn as_str(self) -> &'static str {
        match self {
            Calendar::Gregorian => "gregorian",
            Calendar::Hijri => "hijri",
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum PeriodUnit {
    Year,
    Month,
    Week,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum Part {
    Start,
    Mid,
    End,
}

impl Part {
    pub fn as_str(self) -> &'static str {
        match self {
            Part::Start => "start",
            Part::Mid => "mid",
            Part::End => "end",
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NumClass {
    Unit,
    TeenOnly,
    Tens,
    Hundreds,
    Scale,
    ScalePlural,
    ScaleDual,
    /// The construct dual of a scale word («ألفي لاجئ»، «مليوني يورو»): two of it, and only
    /// with the counted noun after it.
    ScaleDualConstruct,
    Vague,
    Few,
}

/// How an approximator bounds the number it stands beside.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum Bound {
    Exact,
    About,
    Above,
    Below,
    AtLeast,
    AtMost,
}

impl Bound {
    pub fn as_str(self) -> &'static str {
        match self {
            Bound::Exact => "exact",
            Bound::About => "about",
            Bound::Above => "above",
            Bound::Below => "below",
            Bound::AtLeast => "at-least",
            Bound::AtMost => "at-most",
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DurationCount {
    /// A singular or accusative singular: needs a number before it.
    One,
    /// A dual: counts two by itself.
    Two,
    /// A plural after a number of 3–10.
    Plural,
    /// A plural standing alone: at least two.
    Vague,
}

/// The ISO 8601 designator of a duration unit.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum DurationUnit {
    Year,
    Month,
    Week,
    Day,
    Hour,
    Minute,
    Second,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NounPlural {
    Broken,
    /// A broken plural in ـان («بلد» → «بلدان»): the nominative dual is also the plural.
    BrokenAn,
    Feminine,
    Sound,
}

/// What a word or phrase of the data means to the grammar.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Lex {
    Month(u8),
    HijriMonth(u8),
    Weekday(u8),
    Era(Calendar),
    DayOrdinal(u8),
    /// A day counted from publication: اليوم 0, أمس −1.
    Deictic(i32),
    Period {
        unit: PeriodUnit,
        bare: bool,
    },
    Modifier(i32),
    /// «ذاته»، «نفسه» after a period: the period of the date the text gave last.
    Same,
    This,
    Part(Part),
    MonthNoun,
    DayNoun,
    SameAs,
    DateContext,
    Number {
        value: u64,
        class: NumClass,
    },
    Approx {
        bound: Bound,
        after: bool,
    },
    Duration {
        unit: DurationUnit,
        per: u32,
        count: DurationCount,
    },
    /// The indefinite dual of a countable noun: two of it.
    Dual,
    /// The construct dual of a countable noun («منصتي صواريخ»): two of what follows it.
    DualConstruct,
    /// A countable noun in the singular (or its accusative), as a number's counted noun.
    Counted,
    /// «نصف»، «ثلث»، «ربع»: a fraction of what follows.
    Fraction {
        numerator: u8,
        denominator: u8,
    },
    /// A word before a number that makes it a count when no counted noun follows: «بلغ»،
    /// «عددهم»، «قتل»; with `to`, only through «إلى» («ارتفع عدد القتلى إلى 30»).
    CountFrame {
        to: bool,
    },
    Percent,
    FunctionWord,
    Designator,
    TimeOfDay,
    DurationContext,
    /// A noun that forms an idiom with a following «واحد»: «في آن واحد».
    NotCounted,
    /// A noun after which a bare year is the year of an event: «حرب 1973»، «انتخابات 2018».
    YearNoun,
    /// «قبل» before a length of time counted back from publication: «قبل يومين».
    Ago,
    /// A holiday on a fixed day of its calendar: «عيد الفطر» (1 Shawwal), «عيد الميلاد».
    Holiday {
        calendar: Calendar,
        month: u8,
        day: u8,
    },
    /// The name of a news outlet or programme (`data/outlets.tsv`); `framed` when the name is
    /// also an ordinary phrase and needs a head word or a title separator to be the outlet.
    Outlet {
        framed: bool,
    },
    /// A head noun before an outlet's name: «قناة»، «صحيفة».
    OutletHead,
    /// Words a web page prints around an article (`data/furniture.tsv`); `prose` when the
    /// words are also a verb of running text («نشر في»).
    PageLabel {
        label: PageLabel,
        prose: bool,
    },
    /// What a web page counts of itself: «1024 مشاهدة»، «10 مشاركة».
    PageCounter,
}

/// What a label of page furniture says about what stands beside it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PageLabel {
    /// «تاريخ النشر»، «نشر في»: the article's publication stamp.
    Published,
    /// «آخر تحديث»: the article's update stamp.
    Updated,
    /// «تحديث الموقع»: the site's stamp, the day the page was copied.
    Site,
    /// «حجم الخط»، «طباعة»: page tools beside a stamp.
    Tools,
    /// «مواضيع ذات صلة»: the header of a list of other articles.
    Related,
    /// «جميع الحقوق محفوظة»، «©».
    Copyright,
}

impl Lex {
    /// A word the date and number grammar owns: never a counted noun, never part of a name.
    pub fn is_date_or_number_word(&self) -> bool {
        matches!(
            self,
            Lex::Month(_)
                | Lex::HijriMonth(_)
                | Lex::Weekday(_)
                | Lex::Deictic(_)
                | Lex::Modifier(_)
                | Lex::Era(_)
                | Lex::Period { .. }
                | Lex::Number { .. }
                | Lex::Fraction { .. }
                | Lex::Duration { .. }
                | Lex::DateContext
                | Lex::Approx { .. }
                | Lex::TimeOfDay
                | Lex::Holiday { .. }
        )
    }
}

pub struct Lexicon {
    words: PhraseMap<Lex>,
    /// Single words the grammar asks about only beside a number it is reading: counted nouns,
    /// page counters, words that frame a count. Kept out of `words`, where every entry makes its
    /// tokens worth a look at every position.
    beside_numbers: rustc_hash::FxHashMap<Box<str>, Lex>,
    /// Every Gregorian month spelling with its tradition, in the data's order.
    pub months: Vec<(String, u8, String)>,
    /// Each spelling of `months` folded, with its place there.
    months_folded: rustc_hash::FxHashMap<String, usize>,
    pub hijri_months: Vec<(String, u8)>,
    /// Month names in Latin letters («January», «Jan»), lower-cased: Latin tokens are not in
    /// the phrase index, and only the date grammar asks about them.
    latin_months: rustc_hash::FxHashMap<String, u8>,
    /// Page labels in Latin letters («First Published»), as lower-cased words, and the symbols
    /// («©»): neither is in the phrase index.
    pub latin_labels: Vec<(Vec<String>, PageLabel, bool)>,
    pub label_symbols: Vec<(char, PageLabel)>,
}

pub use crate::phrases::Hit;

/// What the language data says of each token of one text.
pub type Index<'l> = crate::phrases::Index<'l, Lex>;

pub static LEXICON: LazyLock<Lexicon> = LazyLock::new(Lexicon::load);

impl Lexicon {
    fn load() -> Lexicon {
        let mut lx = Lexicon {
            words: PhraseMap::default(),
            months: Vec::new(),
            months_folded: Default::default(),
            hijri_months: Vec::new(),
            latin_months: Default::default(),
            latin_labels: Vec::new(),
            label_symbols: Vec::new(),
            beside_numbers: Default::default(),
        };
        for row in rows(include_str!("../data/months.tsv"), 3, "months.tsv") {
            let month = number(row[1], "months.tsv");
            lx.add(row[0], Lex::Month(month as u8));
            lx.months_folded.entry(crate::text::fold(row[0])).or_insert(lx.months.len());
            lx.months.push((row[0].to_string(), month as u8, row[2].to_string()));
        }
        for row in rows(include_str!("../data/hijri_months.tsv"), 2, "hijri_months.tsv") {
            let month = number(row[1], "hijri_months.tsv") as u8;
            lx.add(row[0], Lex::HijriMonth(month));
            lx.hijri_months.push((row[0].to_string(), month));
        }
        for row in rows(include_str!("../data/weekdays.tsv"), 2, "weekdays.tsv") {
            lx.add(row[0], Lex::Weekday(number(row[1], "weekdays.tsv") as u8));
        }
        for row in rows(include_str!("../data/eras.tsv"), 2, "eras.tsv") {
            let cal = match row[1] {
                "gregorian" => Calendar::Gregorian,
                "hijri" => Calendar::Hijri,
                other => panic!("eras.tsv: unknown calendar {other:?}"),
            };
            lx.add(row[0], Lex::Era(cal));
        }
        for row in rows(include_str!("../data/months_latin.tsv"), 2, "months_latin.tsv") {
            lx.latin_months.insert(row[0].to_lowercase(), number(row[1], "months_latin.tsv") as u8);
        }
        for row in rows(include_str!("../data/day_ordinals.tsv"), 2, "day_ordinals.tsv") {
            let day = Lex::DayOrdinal(number(row[1], "day_ordinals.tsv") as u8);
            lx.add(row[0], day);
            // «الحادي والعشرين» is also written «الحادي و العشرين».
            let spaced = row[0].replace(" و", " و ");
            if spaced != row[0] {
                lx.add(&spaced, day);
            }
        }
        for row in rows(include_str!("../data/holidays.tsv"), 4, "holidays.tsv") {
            let calendar = match row[1] {
                "gregorian" => Calendar::Gregorian,
                "hijri" => Calendar::Hijri,
                other => panic!("holidays.tsv: unknown calendar {other:?}"),
            };
            let (month, day) = (number(row[2], "holidays.tsv") as u8, number(row[3], "holidays.tsv") as u8);
            lx.add(row[0], Lex::Holiday { calendar, month, day });
        }
        for row in rows(include_str!("../data/furniture.tsv"), 3, "furniture.tsv") {
            let label = match row[1] {
                "published" => PageLabel::Published,
                "updated" => PageLabel::Updated,
                "site" => PageLabel::Site,
                "tools" => PageLabel::Tools,
                "related" => PageLabel::Related,
                "copyright" => PageLabel::Copyright,
                other => panic!("furniture.tsv: unknown kind {other:?}"),
            };
            let prose = match row[2] {
                "prose" => true,
                "" => false,
                other => panic!("furniture.tsv: unknown field {other:?}"),
            };
            let phrase = row[0];
            let mut chars = phrase.chars();
            if let (Some(c), None) = (chars.next(), chars.next())
                && !c.is_alphabetic()
            {
                lx.label_symbols.push((c, label));
            } else if phrase.chars().all(|c| c.is_ascii_alphabetic() || c == ' ') {
                lx.latin_labels.push((phrase.split_whitespace().map(str::to_lowercase).collect(), label, prose));
            } else {
                lx.add(phrase, Lex::PageLabel { label, prose });
            }
        }
        for row in rows(include_str!("../data/outlets.tsv"), 3, "outlets.tsv") {
            assert!(matches!(row[1], "outlet" | "programme"), "outlets.tsv: unknown kind {:?}", row[1]);
            let framed = match row[2] {
                "framed" => true,
                "" => false,
                other => panic!("outlets.tsv: unknown field {other:?}"),
            };
            lx.add(row[0], Lex::Outlet { framed });
        }
        for row in rows(include_str!("../data/date_words.tsv"), 3, "date_words.tsv") {
            let lex = match (row[1], row[2]) {
                ("deictic", v) => Lex::Deictic(signed(v, "date_words.tsv")),
                ("period", unit) => {
                    let (unit, bare) = match unit {
                        "year" => (PeriodUnit::Year, false),
                        "year-bare" => (PeriodUnit::Year, true),
                        "month" => (PeriodUnit::Month, false),
                        "week" => (PeriodUnit::Week, false),
                        other => panic!("date_words.tsv: unknown period {other:?}"),
                    };
                    Lex::Period { unit, bare }
                }
                ("modifier", v) => Lex::Modifier(signed(v, "date_words.tsv")),
                ("same", _) => Lex::Same,
                ("this", _) => Lex::This,
                ("part", p) => Lex::Part(match p {
                    "start" => Part::Start,
                    "mid" => Part::Mid,
                    "end" => Part::End,
                    other => panic!("date_words.tsv: unknown part {other:?}"),
                }),
                ("month-noun", _) => Lex::MonthNoun,
                ("day-noun", _) => Lex::DayNoun,
                ("same-as", _) => Lex::SameAs,
                ("context", _) => Lex::DateContext,
                ("year-noun", _) => Lex::YearNoun,
                ("ago", _) => Lex::Ago,
                (other, _) => panic!("date_words.tsv: unknown kind {other:?}"),
            };
            lx.add(row[0], lex);
        }
        for row in rows(include_str!("../data/numbers.tsv"), 3, "numbers.tsv") {
            let class = match row[2] {
                "unit" => NumClass::Unit,
                "teen-only" => NumClass::TeenOnly,
                "tens" => NumClass::Tens,
                "hundreds" => NumClass::Hundreds,
                "scale" => NumClass::Scale,
                "scale-plural" => NumClass::ScalePlural,
                "scale-dual" => NumClass::ScaleDual,
                "scale-dual-construct" => NumClass::ScaleDualConstruct,
                "vague" => NumClass::Vague,
                "few" => NumClass::Few,
                other => panic!("numbers.tsv: unknown class {other:?}"),
            };
            lx.add(row[0], Lex::Number { value: number(row[1], "numbers.tsv"), class });
        }
        for row in rows(include_str!("../data/approximators.tsv"), 3, "approximators.tsv") {
            let bound = match row[1] {
                "about" => Bound::About,
                "above" => Bound::Above,
                "below" => Bound::Below,
                "at-least" => Bound::AtLeast,
                "at-most" => Bound::AtMost,
                other => panic!("approximators.tsv: unknown bound {other:?}"),
            };
            lx.add(row[0], Lex::Approx { bound, after: row[2] == "after" });
        }
        for row in rows(include_str!("../data/durations.tsv"), 4, "durations.tsv") {
            let unit = match row[1] {
                "Y" => DurationUnit::Year,
                "M" => DurationUnit::Month,
                "W" => DurationUnit::Week,
                "D" => DurationUnit::Day,
                "H" => DurationUnit::Hour,
                "MIN" => DurationUnit::Minute,
                "S" => DurationUnit::Second,
                other => panic!("durations.tsv: unknown unit {other:?}"),
            };
            let count = match row[3] {
                "1" => DurationCount::One,
                "2" => DurationCount::Two,
                "plural" => DurationCount::Plural,
                "vague" => DurationCount::Vague,
                other => panic!("durations.tsv: unknown count {other:?}"),
            };
            let per = number(row[2], "durations.tsv") as u32;
            lx.add(row[0], Lex::Duration { unit, per, count });
        }
        for (singular, plural) in countable_nouns() {
            for dual in dual_forms(&singular, plural) {
                lx.add(&dual, Lex::Dual);
            }
            for construct in construct_dual_forms(&singular, plural) {
                lx.add(&construct, Lex::DualConstruct);
            }
            lx.beside_numbers.insert(singular.as_str().into(), Lex::Counted);
            if !singular.ends_with('ه') {
                lx.beside_numbers.insert(format!("{singular}ا").into(), Lex::Counted);
            }
        }
        // The nouns of what the claims measure («أسرى»، «مهاجرين»، «قذائف»): counted nouns as
        // well, in the plural forms the news writes after a number that could be a year
        // («أفرج عن 1904 أسرى»). Not units of money, length, area, weight or power: those are
        // not only ever counted whole («42.195 كيلومترا» may be decimals).
        for row in rows(include_str!("../data/measures.tsv"), 4, "measures.tsv") {
            let unit = MONEY.contains(&row[2]) || MEASURE_UNITS.contains(&row[2]);
            if !row[2].is_empty() && !unit && !row[0].contains(' ') {
                lx.beside_numbers.entry(fold(row[0]).into()).or_insert(Lex::Counted);
            }
        }
        for row in rows(include_str!("../data/fractions.tsv"), 3, "fractions.tsv") {
            let part = |s| number(s, "fractions.tsv") as u8;
            lx.add(row[0], Lex::Fraction { numerator: part(row[1]), denominator: part(row[2]) });
        }
        for row in rows(include_str!("../data/count_frames.tsv"), 2, "count_frames.tsv") {
            let to = match row[1] {
                "before" => false,
                "to" => true,
                other => panic!("count_frames.tsv: unknown position {other:?}"),
            };
            lx.beside_numbers.insert(fold(row[0]).into(), Lex::CountFrame { to });
        }
        for row in rows(include_str!("../data/percent.tsv"), 1, "percent.tsv") {
            lx.add(row[0], Lex::Percent);
        }
        let words = [
            (include_str!("../data/function_words.txt"), Lex::FunctionWord),
            (include_str!("../data/time_words.txt"), Lex::TimeOfDay),
            (include_str!("../data/duration_context.txt"), Lex::DurationContext),
            (include_str!("../data/not_counted.txt"), Lex::NotCounted),
            (include_str!("../data/outlet_heads.txt"), Lex::OutletHead),
        ];
        for (file, lex) in words {
            for row in rows(file, 1, "word list") {
                lx.add(row[0], lex);
            }
        }
        // A designator is only ever asked about right before a number: «القرار 2254»، «بي 52».
        for row in rows(include_str!("../data/designators.txt"), 1, "designators.txt") {
            lx.beside_numbers.insert(fold(row[0]).into(), Lex::Designator);
        }
        for row in rows(include_str!("../data/page_counters.txt"), 1, "page_counters.txt") {
            lx.beside_numbers.insert(fold(row[0]).into(), Lex::PageCounter);
        }
        lx
    }

    fn add(&mut self, form: &str, lex: Lex) {
        self.words.add(form, lex);
    }

    /// A Gregorian month name as written («كانون الثاني»، «جانفي»): its month and the tradition
    /// it belongs to.
    pub fn month_named(&self, written: &str) -> Option<(u8, &str)> {
        let (_, month, tradition) = &self.months[*self.months_folded.get(&crate::text::fold(written))?];
        Some((*month, tradition))
    }

    /// Every month spelling folded, with its tradition.
    pub fn months_folded(&self) -> impl Iterator<Item = (&str, &str)> {
        self.months_folded.iter().map(|(f, &i)| (f.as_str(), self.months[i].2.as_str()))
    }

    /// How a tradition names a month: its first spelling in the data.
    pub fn month_in(&self, month: u8, tradition: &str) -> Option<&str> {
        self.months.iter().find(|(_, m, t)| *m == month && t == tradition).map(|m| m.0.as_str())
    }

    /// The month of a month name in Latin letters, given lower-cased.
    pub fn latin_month(&self, folded: &str) -> Option<u8> {
        self.latin_months.get(folded).copied()
    }

    /// What the data says of a single folded word (no clitics) beside a number: a counted noun,
    /// a page counter, a word that frames a count.
    pub fn beside_number(&self, word: &str) -> Option<Lex> {
        self.beside_numbers.get(word).copied()
    }

    /// Whether the data knows a folded word (through clitics): a function word, a number, a
    /// date word…
    pub fn knows_word(&self, folded: &str) -> bool {
        self.words.begins(folded)
    }

    /// What the data says of each token of `toks`.
    pub fn index<'l>(&'l self, toks: &Tokens) -> Index<'l> {
        self.words.index(toks)
    }
}

/// The countable nouns of `nouns.tsv`: each singular, folded, and how it forms its plural.
fn countable_nouns() -> impl Iterator<Item = (String, NounPlural)> {
    rows(include_str!("../data/nouns.tsv"), 2, "nouns.tsv").into_iter().map(|row| {
        let plural = match row[1] {
            "broken" => NounPlural::Broken,
            "broken-an" => NounPlural::BrokenAn,
            "fem" => NounPlural::Feminine,
            "sound" => NounPlural::Sound,
            other => panic!("nouns.tsv: unknown plural {other:?}"),
        };
        (fold(row[0]), plural)
    })
}

/// Each countable noun of `nouns.tsv`, folded, with its indefinite dual forms: what counts two
/// of it («طفلان»، «سيدتين») and so measures what the singular measures.
pub(crate) fn noun_duals() -> impl Iterator<Item = (String, Vec<String>)> {
    countable_nouns().map(|(singular, plural)| {
        let duals = dual_forms(&singular, plural);
        (singular, duals)
    })
}

/// The indefinite dual forms of a folded singular noun.
fn dual_forms(singular: &str, plural: NounPlural) -> Vec<String> {
    let stem = match singular.strip_suffix('ه') {
        Some(s) if plural == NounPlural::Feminine => format!("{s}ت"),
        _ => singular.to_string(),
    };
    let mut forms = Vec::new();
    if plural != NounPlural::BrokenAn {
        forms.push(format!("{stem}ان"));
    }
    if plural != NounPlural::Sound {
        forms.push(format!("{stem}ين"));
    }
    forms
}

/// The construct dual forms of a folded singular noun («منصتي صواريخ»، «قاعدتا»). Only
/// feminine nouns in ـة: their ـتي/ـتا cannot be a plural, while a masculine ـي is also a
/// relative adjective («صاروخي»).
fn construct_dual_forms(singular: &str, plural: NounPlural) -> Vec<String> {
    match singular.strip_suffix('ه') {
        Some(s) if plural == NounPlural::Feminine => vec![format!("{s}تي"), format!("{s}تا")],
        _ => Vec::new(),
    }
}

/// The rows of a data file: tab-separated, `#` comments and blank lines skipped. Trailing empty
/// columns may be left off; more columns than expected is a bug in the data.
pub(crate) fn rows<'a>(file: &'a str, columns: usize, name: &str) -> Vec<Vec<&'a str>> {
    file.lines()
        .map(str::trim_end)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(|l| {
            let mut row: Vec<&str> = l.split('\t').collect();
            while row.len() < columns {
                row.push("");
            }
            assert_eq!(row.len(), columns, "{name}: expected {columns} columns in {l:?}");
            row
        })
        .collect()
}

fn number(s: &str, name: &str) -> u64 {
    s.parse().unwrap_or_else(|_| panic!("{name}: not a number: {s:?}"))
}

fn signed(s: &str, name: &str) -> i32 {
    s.parse().unwrap_or_else(|_| panic!("{name}: not a number: {s:?}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lexicon_loads() {
        let lx = &*LEXICON;
        assert!(lx.months.len() >= 40);
        assert_eq!(lx.hijri_months.iter().filter(|m| m.1 == 12).count(), 3);
    }

    #[test]
    fn finds_phrases_with_clitics() {
        let toks = Tokens::new("وكانون الثاني");
        let hit = LEXICON
            .index(&toks)
            .find(&toks, 0, |l| match l {
                Lex::Month(m) => Some(*m),
                _ => None,
            })
            .unwrap();
        assert_eq!((hit.value, hit.end, hit.dropped), (1, 2, 1));
    }

    #[test]
    fn duals_follow_the_plural() {
        assert_eq!(dual_forms("جندي", NounPlural::Broken), ["جنديان", "جنديين"]);
        assert_eq!(dual_forms("متعاقد", NounPlural::Sound), ["متعاقدان"]);
        assert_eq!(dual_forms("قاعده", NounPlural::Feminine), ["قاعدتان", "قاعدتين"]);
        // «بلدان» is the plural of «بلد» («بلدان الخليج»): only «بلدين» counts two.
        assert_eq!(dual_forms("بلد", NounPlural::BrokenAn), ["بلدين"]);
    }
}

/// The things of `data/measures.tsv` that are money: amounts, compared by currency.
pub const MONEY: [&str; 7] = ["usd", "eur", "pound", "riyal", "lira", "dinar", "dirham"];

/// The things of `data/measures.tsv` that are units of length, area, volume, weight or power:
/// like money, not only ever counted whole («42.195 كيلومترا» may be decimals).
const MEASURE_UNITS: [&str; 13] =
    ["km", "km2", "m", "m2", "m3", "miles", "kg", "tonnes", "barrels", "hectares", "feddans", "dunams", "mw"];

/// A closed list of grammar words from `data/grammar_words.tsv` (folded forms), by its name
/// there: `parts`, `locatives`, `date-prepositions`, `count-of`, `others`, `lasted`,
/// `possessives`, `cut-clitics`, `range-between`, `range-from`, `range-to`, `range-open`,
/// `named-as-self`, `known-as`, `apart-letters`, `joined-particles`, `cut-before`, `describing`,
/// `region-heads`, `led-by`, `rank-adjectives`, `foreign-particles`, `year-of`, `credited-to`,
/// `unit-heads`, `title-constructs`, `other-body-adjectives`, `regime-forces`, `verbal-heads`,
/// `period-scopes`, `anniversaries`, `change-verbs`, `announcing`, `date-named-heads`,
/// `future-markers`, `fraction-names`, `cut-offs`, `unnamed-people`, `not-future`, `case-nouns`,
/// `death-verbs`, `rate-nouns`, `magnitude-words`, `scheduled-verbs`, `part-verbs`, `ba-verbs`,
/// `ongoing-work`, `from-it`, `length-units`, `squared-cubed`, `more-of`, `share-platforms`,
/// `general-heads`, `month-parts`, `in-a-state`, `object-verbs`, `prayer-nouns`, `previous`, `seasons`,
/// `out-of`, `previous-of`, `output-bases`, `output-shares`.
/// Panics on a name the file does not have (a programming error the tests catch).
pub fn words(list: &str) -> &'static [&'static str] {
    static LISTS: std::sync::LazyLock<rustc_hash::FxHashMap<&'static str, Vec<&'static str>>> =
        std::sync::LazyLock::new(|| {
            let mut lists: rustc_hash::FxHashMap<&'static str, Vec<&'static str>> = Default::default();
            for row in rows(include_str!("../data/grammar_words.tsv"), 2, "grammar_words.tsv") {
                lists.entry(row[0]).or_default().push(row[1]);
            }
            lists
        });
    LISTS.get(list).unwrap_or_else(|| panic!("grammar_words.tsv has no list {list:?}"))
}

#[cfg(test)]
mod grammar_words_tests {
    #[test]
    fn every_list_the_code_asks_for_is_in_the_data() {
        for list in [
            "parts",
            "locatives",
            "date-prepositions",
            "count-of",
            "others",
            "lasted",
            "possessives",
            "cut-clitics",
            "range-between",
            "range-from",
            "range-to",
            "range-open",
            "named-as-self",
            "known-as",
            "apart-letters",
            "joined-particles",
            "cut-before",
            "describing",
            "region-heads",
            "led-by",
            "rank-adjectives",
            "foreign-particles",
            "year-of",
            "credited-to",
            "unit-heads",
            "title-constructs",
            "other-body-adjectives",
            "regime-forces",
            "verbal-heads",
            "period-scopes",
            "anniversaries",
            "change-verbs",
            "compared-with",
            "capacity-words",
            "credit-words",
            "rate-scopes",
            "rate-areas",
            "announcing",
            "date-named-heads",
            "date-named-events",
            "fraction-names",
            "cut-offs",
            "unnamed-people",
            "death-verbs",
            "rate-nouns",
            "magnitude-words",
            "not-future",
            "case-nouns",
            "future-markers",
            "scheduled-verbs",
            "part-verbs",
            "ba-verbs",
            "ongoing-work",
            "from-it",
            "length-units",
            "squared-cubed",
            "more-of",
            "share-platforms",
            "general-heads",
            "month-parts",
            "in-a-state",
            "object-verbs",
            "prayer-nouns",
            "previous",
            "seasons",
            "out-of",
            "previous-of",
            "output-bases",
            "output-shares",
        ] {
            assert!(!super::words(list).is_empty(), "{list}");
            // Folded forms only: what the tokens are compared in.
            for w in super::words(list) {
                assert_eq!(crate::text::fold(w), *w, "{list}");
            }
        }
    }
}
