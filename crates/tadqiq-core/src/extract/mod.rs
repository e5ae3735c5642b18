//! Finds every date, figure and duration in Arabic news text.
//!
//! The text is cut into tokens ([`crate::text::Tokens`]); at each token the grammar tries a
//! date, then a quantity (figure or duration), and moves past whatever it found. Relative dates
//! are resolved afterwards against the publication date ([`resolve`]). Every span is a byte
//! range of the text as given, never of its folded form.

mod date;
pub mod furniture;
mod number;
mod quantity;
pub mod resolve;

use crate::calendar::DateValue;
use crate::lexicon::{Bound, Calendar, Index, LEXICON, Part, PeriodUnit};
use crate::text::{Tokens, offset_after_letters};

/// A byte range `[start, end)` into the analysed text.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    pub fn new(start: usize, end: usize) -> Self {
        Span { start, end }
    }
}

#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Mention {
    pub span: Span,
    pub kind: MentionKind,
}

#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub enum MentionKind {
    Date(DateMention),
    Figure(Figure),
    Duration(Duration),
}

/// A date as written, and its Gregorian value once resolved.
#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct DateMention {
    /// The calendar the date was written in.
    pub calendar: Calendar,
    /// Day, month and year as written, in `calendar` (a Hijri year stays a Hijri year here).
    pub written: DateValue,
    /// Set when the date is counted from the publication date: «أمس»، «العام الماضي».
    pub relative: Option<Relative>,
    /// A weekday named with the date («الخميس 9 ديسمبر 2021»), ISO numbered.
    pub weekday: Option<u8>,
    /// «مطلع»، «منتصف»، «نهاية»: which part of the period is meant.
    pub part: Option<Part>,
    /// Where the month name is written («تموز» in «26 تموز (يوليو)»).
    pub month_span: Option<Span>,
    /// The second form of a paired date: «ديسمبر/كانون الأول»، «26 تموز (يوليو)», or a Hijri
    /// date's stated Gregorian equivalent.
    pub paired: Option<Box<Paired>>,
    /// The Gregorian value at the written precision; `None` until resolved, or when a relative
    /// date cannot be resolved, or when the date does not exist.
    pub value: Option<DateValue>,
    /// Set when the written date does not exist (30 فبراير، month 13, Hijri day 30 of a
    /// 29-day month).
    pub invalid: bool,
}

#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Paired {
    pub span: Span,
    pub calendar: Calendar,
    pub written: DateValue,
    pub value: Option<DateValue>,
    pub invalid: bool,
}

/// How a relative date is counted from the publication date.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum Relative {
    /// «اليوم» 0, «أمس» −1, «غدا» +1.
    Days(i32),
    /// A named weekday alone: −1 «الماضي», 0 the latest on or before publication, +1 «المقبل».
    Weekday(i32),
    /// «العام الماضي» (year, −1), «الشهر الجاري» (month, 0), «الأسبوع المقبل» (week, +1).
    Period(PeriodUnit, i32),
    /// «الشهر ذاته»، «العام نفسه»: the period of the date the text gave last before it (a
    /// month: that date's year and month; a year: its year).
    Same(PeriodUnit),
    /// A month name with a direction: «26 جويلية الماضي» (−1), «ديسمبر الجاري» (0).
    NamedMonth(i32),
    /// A length of time counted back: «قبل يومين» (2 days), «قبل شهرين» (2 months). Its
    /// value has the precision of the unit (a day for days and weeks).
    Ago(crate::lexicon::DurationUnit, u32),
    /// A day or month that comes back every year of its calendar, named without a year: a
    /// holiday («عيد الفطر»), a Hijri month («شهر رمضان»). 0 is the occurrence nearest the
    /// publication date, −1 the last one before it («الماضي»), +1 the next one («المقبل»).
    Recurring(i32),
}

#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Figure {
    /// The figure; for a range, its lower end.
    pub value: f64,
    /// The counted noun as written («جندي»، «قتيلا»), or «%».
    pub unit: Option<String>,
    pub bound: Bound,
    /// A range's upper end: «بين 3000 و5000 جندي» is 3000 up to 5000.
    pub upper: Option<f64>,
}

impl Figure {
    pub fn approx(&self) -> bool {
        self.bound != Bound::Exact || self.upper.is_some()
    }

    /// The figure as a person reads it: «3000», a range «3000–5000».
    pub fn amount(&self) -> String {
        match self.upper {
            Some(upper) => format!("{}–{}", format_number(self.value), format_number(upper)),
            None => format_number(self.value),
        }
    }
}

#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Duration {
    /// The amount in `unit` («18 عاما» → 18 years; «عقدين» → 20 years).
    pub amount: f64,
    pub unit: crate::lexicon::DurationUnit,
    pub bound: Bound,
}

impl Duration {
    pub fn approx(&self) -> bool {
        self.bound != Bound::Exact
    }

    /// ISO 8601 duration: `P18Y`, `P3W`, `PT2H`, `PT30S`.
    pub fn iso(&self) -> String {
        use crate::lexicon::DurationUnit::*;
        let n = format_number(self.amount);
        match self.unit {
            Year => format!("P{n}Y"),
            Month => format!("P{n}M"),
            Week => format!("P{n}W"),
            Day => format!("P{n}D"),
            Hour => format!("PT{n}H"),
            Minute => format!("PT{n}M"),
            Second => format!("PT{n}S"),
        }
    }
}

/// A number as people write it: no trailing `.0`, and a fraction («ثلث») to four places.
pub fn format_number(v: f64) -> String {
    if v.fract() == 0.0 && v.abs() < 1e15 {
        format!("{}", v as i64)
    } else {
        format!("{v:.4}").trim_end_matches('0').trim_end_matches('.').to_string()
    }
}

/// Finds every date, figure and duration in `text`. Relative dates come back unresolved
/// (`value: None`); see [`resolve::resolve`].
pub fn extract(text: &str) -> Vec<Mention> {
    let toks = Tokens::new(text);
    extract_tokens(&toks, LEXICON.index(&toks))
}

/// As [`extract`], on a text already cut into tokens and looked up in the language data (so
/// entity recognition can share both).
pub fn extract_tokens(toks: &Tokens, ix: Index<'static>) -> Vec<Mention> {
    extract_keeping_index(toks, ix).0
}

/// As [`extract_tokens`], handing the index back for what reads the text after extraction
/// (page furniture).
pub fn extract_keeping_index(toks: &Tokens, ix: Index<'static>) -> (Vec<Mention>, Index<'static>) {
    let g = Grammar::new(toks, ix);
    let mut mentions = Vec::new();
    let mut i = 0;
    let toks = g.t;
    while i < toks.len() {
        // Every date or quantity that starts at a word starts with a word the data knows, or
        // (a postposed «واحد») has one right after it.
        if toks.is_word(i) && !g.ix.knows(i) && !g.ix.knows(i + 1) {
            i += 1;
            continue;
        }
        if let Some((end, m)) = g.date(i).or_else(|| g.quantity(i)) {
            if g.clock_minutes(i, &m) {
                i = end.max(i + 1);
                continue;
            }
            // «عام 1350 قبل الميلاد»، «سنة 332 ق.م»: a year before Christ, which no ISO year of
            // the output writes as the news means it; neither a date nor a count.
            if let Some(after) = g.before_christ(end, &m) {
                i = after;
                continue;
            }
            mentions.push(m);
            g.join_durations(&mut mentions, i);
            i = end.max(i + 1);
        } else {
            i += 1;
        }
    }
    (mentions, g.ix)
}

/// The grammar's view of one text: its tokens, what the language data says of each, and how
/// the text writes the separators of its numbers.
pub(crate) struct Grammar<'a, 't> {
    pub t: &'a Tokens<'t>,
    pub ix: Index<'static>,
    pub separators: number::Separators,
}

impl<'a, 't> Grammar<'a, 't> {
    pub fn new(t: &'a Tokens<'t>, ix: Index<'static>) -> Self {
        Grammar { t, ix, separators: number::Separators::of(t) }
    }
}

impl Grammar<'_, '_> {
    /// Where «قبل الميلاد» or «ق.م» ends, when it follows a date or a number that ends at
    /// token `end`, directly or after a second year of a range («بين عامي 1550 و1292 قبل
    /// الميلاد»، «1390 - 1352 ق.م»); a figure read as counting «ق» ends on the marker's first
    /// letter. None for anything else, or a duration («3000 عام قبل الميلاد» is how long ago).
    fn before_christ(&self, end: usize, m: &Mention) -> Option<usize> {
        let t = self.t;
        if matches!(m.kind, MentionKind::Duration(_)) {
            return None;
        }
        let word = |j: usize, w: &str| j < t.len() && !t.breaks_before(j) && t.folded(j) == w;
        let marker = |j: usize| -> Option<usize> {
            if word(j, "قبل") && (word(j + 1, "الميلاد") || word(j + 1, "الميلادي")) {
                return Some(j + 2);
            }
            if word(j, "ق") {
                let k = if j + 1 < t.len() && t.is_punct(j + 1, '.') { j + 2 } else { j + 1 };
                return word(k, "م").then_some(k + 1);
            }
            None
        };
        // «ق» taken as what «332» counts: the marker starts on the figure's last token.
        let last = t.tokens.partition_point(|tk| tk.end <= m.span.end).saturating_sub(1);
        if matches!(m.kind, MentionKind::Figure(_))
            && t.folded(last) == "ق"
            && let Some(after) = marker(last)
        {
            return Some(after);
        }
        if let Some(after) = marker(end) {
            return Some(after);
        }
        // A range's second year between: «و1292»، «- 1352».
        let mut j = end;
        if j < t.len() && !t.breaks_before(j) && (t.is_punct(j, '-') || t.folded(j) == "و") {
            j += 1;
        }
        if j < t.len() && !t.breaks_before(j) && t.is_digits(j) {
            return marker(j + 1);
        }
        None
    }

    /// A length of time of two units joined by «و», the larger first: «ثلاث سنوات وستة أشهر»
    /// (42 months), «عام وشهرين» (a bare singular unit is one: 14 months), «يوم و12 ساعة». The
    /// duration just found at token `i` takes in the part before it, counted in its own unit;
    /// units that do not divide exactly (months and weeks) stay apart.
    fn join_durations(&self, mentions: &mut Vec<Mention>, i: usize) {
        use crate::lexicon::{DurationCount, DurationUnit::*, Lex};
        let t = self.t;
        let Some(Mention { span, kind: MentionKind::Duration(second) }) = mentions.last() else { return };
        let (span, second) = (*span, second.clone());
        let Some(last) = self.before_and(i, span) else { return };
        let n = mentions.len();
        let earlier = (n >= 2).then(|| &mentions[n - 2]).filter(|m| m.span.end == t.tokens[last].end);
        let (first, start, joined) = match earlier {
            Some(Mention { kind: MentionKind::Duration(d), span }) => (d.clone(), span.start, true),
            Some(_) => return,
            None => {
                let Some(h) = self.ix.find(t, last, |l| match l {
                    Lex::Duration { unit, per, count: DurationCount::One } => Some((*unit, *per)),
                    _ => None,
                }) else {
                    return;
                };
                if h.end != last + 1 || h.dropped > 0 {
                    return;
                }
                (
                    Duration { amount: f64::from(h.value.1), unit: h.value.0, bound: Bound::Exact },
                    t.tokens[last].start,
                    false,
                )
            }
        };
        let factor = match (first.unit, second.unit) {
            (Year, Month) => 12.0,
            (Week, Day) => 7.0,
            (Day, Hour) => 24.0,
            (Hour, Minute) | (Minute, Second) => 60.0,
            _ => return,
        };
        let bound = if first.bound == Bound::Exact { second.bound } else { first.bound };
        let joined_span = Span::new(start, span.end);
        let duration = Duration { amount: first.amount * factor + second.amount, unit: second.unit, bound };
        mentions.truncate(if joined { n - 2 } else { n - 1 });
        mentions.push(Mention { span: joined_span, kind: MentionKind::Duration(duration) });
    }

    /// For a mention at `span` found at token `i` with «و» before it, glued («وشهرين») or
    /// standing alone («و شهرين»), on its line: the last token before the «و».
    fn before_and(&self, i: usize, span: Span) -> Option<usize> {
        let t = self.t;
        let glued = span.start > t.tokens[i].start && t.folded(i).starts_with('و');
        if glued && i > 0 && !t.breaks_before(i) {
            Some(i - 1)
        } else if !glued && i >= 2 && t.folded(i - 1) == "و" && !t.breaks_before(i) && !t.breaks_before(i - 1) {
            Some(i - 2)
        } else {
            None
        }
    }

    /// Whether minutes found at token `i` are the minutes of a clock time: «عند الساعة السادسة
    /// وأربعين دقيقة»، «في الساعة 6 و 40 دقيقة» (the hour word, its number, «و»).
    fn clock_minutes(&self, i: usize, m: &Mention) -> bool {
        let t = self.t;
        let MentionKind::Duration(d) = &m.kind else { return false };
        if d.unit != crate::lexicon::DurationUnit::Minute || i == 0 || t.breaks_before(i) {
            return false;
        }
        let Some(last) = self.before_and(i, m.span) else { return false };
        // The hour between «الساعة» and «و» (ending at `last`): digits or a number word (an
        // ordinal «السادسة» or «الحادية عشرة» too). «ساعة و30 دقيقة» has none: a length.
        let hour_word = |k: usize| matches!(t.folded(k).trim_start_matches(['و', 'ف', 'ب']), "الساعه" | "ساعه");
        last >= 1 && !hour_word(last) && (last.saturating_sub(2)..last).any(|k| !t.breaks_before(k + 1) && hour_word(k))
    }

    /// The span from token `first` (less `dropped` clitic letters) to the end of token `last`.
    pub fn span(&self, first: usize, dropped: usize, last: usize) -> Span {
        let start = self.t.tokens[first].start + offset_after_letters(self.t.original(first), dropped);
        Span::new(start, self.t.tokens[last].end)
    }

    /// Whether token `j` exists and continues the expression (no line break before it).
    pub fn continues(&self, j: usize) -> bool {
        j < self.t.len() && !self.t.breaks_before(j)
    }
}
