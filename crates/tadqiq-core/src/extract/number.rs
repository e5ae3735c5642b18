//! Numbers: digit runs with their separators, and number words with their compounds.

use super::Grammar;
use crate::lexicon::{Lex, NumClass};
use crate::text::TokenKind;

/// A number read from the text.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Number {
    pub value: f64,
    /// The token after the number.
    pub end: usize,
    /// Clitic letters before the number's first word («وستة» drops و).
    pub dropped: usize,
    pub written_in_digits: bool,
    /// «عشرات»، «آلاف الجنود»، «بضعة»: a lower bound, not a count.
    pub vague: bool,
    /// The number was a single digit run with no separator or scale word.
    pub plain_digits: bool,
    /// «عشرات»، «آلاف» are nouns: what they count follows as a definite genitive
    /// («عشرات القتلى») or after «من», never as an indefinite word.
    pub needs_definite_noun: bool,
    /// A scale word is part of it («170 ألفا»، «ثلاثة آلاف»، «نصف مليون»): an amount of
    /// something whatever follows, never a clock time, a piece of a date or an id.
    pub scaled: bool,
    /// Only a count when its counted noun follows: a construct dual («ألفي لاجئ») or a bare
    /// fraction («ثلث السكان»).
    pub needs_noun: bool,
    /// A fraction alone («نصف»، «ثلث»): a share of what follows, not a count of it.
    pub fraction: bool,
}

impl Number {
    fn new(value: f64, end: usize) -> Number {
        Number {
            value,
            end,
            dropped: 0,
            written_in_digits: false,
            vague: false,
            plain_digits: false,
            needs_definite_noun: false,
            scaled: false,
            needs_noun: false,
            fraction: false,
        }
    }
}

const THOUSANDS: [char; 2] = [',', '٬'];
const DECIMAL: [char; 2] = ['.', '٫'];
/// Beyond this, a digit run is an identifier or noise, not a quantity.
const MAX_DIGITS: usize = 15;

/// How a separator joins two digit groups.
#[derive(Clone, Copy, PartialEq)]
enum Join {
    Thousands,
    Decimal,
}

/// What a text's unambiguous numbers say of its separators: «2.5» and «12,8» (one or two digits
/// after a single separator) show a decimal point or comma; «1.520.000» and «9,275,000» (two
/// groups of three) show thousands. A number with a single group of three («1,638 مليون»،
/// «42.195 كلم») is read by the text's own habit where the text shows one, and only one.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub(crate) struct Separators {
    /// The point is the decimal sign (`Some(true)`), the thousands sign (`Some(false)`), or the
    /// text does not say (or says both).
    pub point_decimal: Option<bool>,
    pub comma_decimal: Option<bool>,
}

impl Separators {
    /// One pass over the tokens: O(tokens).
    pub fn of(t: &crate::text::Tokens) -> Separators {
        let (mut point, mut comma) = ([false; 2], [false; 2]);
        let joined = |i: usize| t.touching(i - 1) && t.touching(i) && t.is_digits(i + 1);
        let mut i = 1;
        while i + 1 < t.len() {
            if !(t.is_digits(i - 1) && t.kind(i) == Some(TokenKind::Punct) && joined(i)) {
                i += 1;
                continue;
            }
            // The whole run of digit groups: «1.520.000», «21.03.2016», «2.5».
            let sep = t.folded(i).chars().next().unwrap_or(' ');
            let first = t.folded(i + 1).len();
            let (mut groups, mut threes, mut same) = (1, first == 3, true);
            let mut k = i + 2;
            while k + 1 < t.len() && t.kind(k) == Some(TokenKind::Punct) && joined(k) {
                same &= t.folded(k).starts_with(sep);
                threes &= t.folded(k + 1).len() == 3;
                groups += 1;
                k += 2;
            }
            let slot = match sep {
                '.' => Some(&mut point),
                ',' => Some(&mut comma),
                _ => None,
            };
            if let Some(slot) = slot
                && same
                && t.folded(i - 1).len() <= 3
            {
                match (groups, first) {
                    (1, 1 | 2) => slot[0] = true,
                    (2.., _) if threes => slot[1] = true,
                    _ => {}
                }
            }
            i = k;
        }
        let habit = |[decimal, thousands]: [bool; 2]| (decimal != thousands).then_some(decimal);
        Separators { point_decimal: habit(point), comma_decimal: habit(comma) }
    }
}

impl Grammar<'_, '_> {
    /// A number at token `j`: digits (3,000 · 3٬000 · 1.5 · ١٫٥ · «4 , 6» · «.5» · «4 فاصلة 6»)
    /// optionally followed by a scale word («170 ألفا») and the smaller parts of a compound
    /// («18 ألفا و 250»، «مليون ونصف»), or number words («خمس وثمانين»، «ثلاثة آلاف»، «نصف
    /// مليون»).
    pub fn number(&self, j: usize) -> Option<Number> {
        if self.t.is_digits(j) || self.leading_point(j) { self.digit_number(j) } else { self.word_number(j) }
    }

    /// A decimal point at `j` that opens a number: «.5»، «٫75», with no digits before it.
    pub fn leading_point(&self, j: usize) -> bool {
        let t = self.t;
        DECIMAL.iter().any(|&c| t.is_punct(j, c))
            && t.touching(j)
            && t.is_digits(j + 1)
            && !(j > 0 && t.touching(j - 1) && matches!(t.kind(j - 1), Some(TokenKind::Digits | TokenKind::Punct)))
    }

    fn digit_number(&self, j: usize) -> Option<Number> {
        let t = self.t;
        if self.leading_point(j) {
            let value: f64 = format!("0.{}", t.folded(j + 1)).parse().ok()?;
            return Some(self.scaled_digits(value, j + 2, false));
        }
        let mut int = t.folded(j).to_string();
        // «05»، «00»: clocks and dates pad with zeros; an amount never does.
        if int.len() > 1 && int.starts_with('0') {
            return None;
        }
        let mut frac = String::new();
        let mut k = j + 1;
        let mut last = None;
        while let Some(join) = self.join(k, &int, &frac, last) {
            let group = t.folded(k + 1);
            match join {
                Join::Thousands => int.push_str(group),
                Join::Decimal => frac.push_str(group),
            }
            last = Some((join, t.folded(k).chars().next().unwrap_or(' ')));
            k += 2;
        }
        // «4 فاصلة 6»: the decimal point said in words.
        if frac.is_empty()
            && k == j + 1
            && let Some((digits, end)) = self.said_point(k)
        {
            frac = digits;
            k = end;
        }
        if int.trim_start_matches('0').len() > MAX_DIGITS {
            return None;
        }
        let plain = k == j + 1;
        let value: f64 = if frac.is_empty() { int.parse().ok()? } else { format!("{int}.{frac}").parse().ok()? };
        // A plain zero counts nothing: «0» in copy is a stray counter or a clock's digit.
        if value == 0.0 && frac.is_empty() {
            return None;
        }
        Some(self.scaled_digits(value, k, plain))
    }

    /// Digits read as `value` up to token `k`, with a scale word and a compound's parts after
    /// them.
    fn scaled_digits(&self, mut value: f64, mut k: usize, plain: bool) -> Number {
        let start = k;
        let mut scaled = false;
        // A plural scale follows a number ending in three to ten («210 آلاف», two hundred and
        // ten thousand): «2011 ملايين المصريين» is a year and the millions who marched, «1919
        // آلاف الضحايا» a year and thousands of victims.
        let plural_after_many = plain
            && value >= 100.0
            && !(3.0..=10.0).contains(&(value % 100.0))
            && self
                .ix
                .find(self.t, k, |l| matches!(l, Lex::Number { class: NumClass::ScalePlural, .. }).then_some(()))
                .is_some();
        if !plural_after_many && let Some((scale, end)) = self.scale_word(k) {
            value *= scale;
            k = end;
            scaled = true;
            (value, k) = self.and_parts(k, value, scale);
        }
        Number { written_in_digits: true, plain_digits: plain && k == start, scaled, ..Number::new(value, k) }
    }

    /// How the separator at `k` joins the digits read so far (`int`, `frac`) to the group after
    /// it. Touching separators follow the usual conventions («3,000»، «1.5»، «٣٬٠٠٠»). Spaced
    /// ones («4 , 6»، «12 , 350»، «200 . 000»), as tokenised or hand-typed copy has them, are
    /// decided by the digit groups: a group of three digits continues the thousands, one or two
    /// digits are decimals («٫» always is); and only after at most three digits, so a year and a
    /// number beside it («2017 , 12») are never joined.
    ///
    /// A group of three after a single touching separator follows the text's habit
    /// ([`Separators`]) unless a noun counted only whole follows; after «0» it is always
    /// decimals («0.850 دينار»); after a group the same separator made thousands of, thousands
    /// again («1.520.000»).
    fn join(&self, k: usize, int: &str, frac: &str, last: Option<(Join, char)>) -> Option<Join> {
        let t = self.t;
        let first_group = last.is_none();
        if !(self.continues(k) && self.continues(k + 1) && t.is_digits(k + 1) && t.kind(k) == Some(TokenKind::Punct)) {
            return None;
        }
        let sep = t.folded(k).chars().next()?;
        let group = t.folded(k + 1);
        let touching = t.touching(k - 1) && t.touching(k);
        let spaced = !t.touching(k - 1) && !t.touching(k);
        if !frac.is_empty() || !(touching || spaced) || !(THOUSANDS.contains(&sep) || DECIMAL.contains(&sep)) {
            return None;
        }
        if spaced && first_group && int.len() > 3 {
            return None;
        }
        let single = touching && !(self.continues(k + 2) && t.joins_digits(k + 2));
        let habit = match sep {
            '.' => self.separators.point_decimal,
            ',' => self.separators.comma_decimal,
            _ => None,
        };
        if group.len() == 3 && touching && ['.', ','].contains(&sep) {
            if last == Some((Join::Thousands, sep)) {
                return Some(Join::Thousands);
            }
            // Not before what is only ever counted whole («1.500 جندي»).
            let whole = self.continues(k + 2) && self.listed_noun(k + 2);
            if first_group && single && (int == "0" || (habit == Some(true) && !whole)) {
                return Some(Join::Decimal);
            }
        }
        match (sep, group.len()) {
            ('٫', _) => Some(Join::Decimal),
            (',' | '٬', 3) => Some(Join::Thousands),
            (',', 1..=2) if first_group => Some(Join::Decimal),
            // «1.500» is a thousand and a half in the European style some Maghrebi outlets use,
            // unless a scale word follows («1.500 مليون» reads as 1.5 million there too, but a
            // scale word after a 3-digit fraction is rarer than a decimal one).
            ('.', 3) if int.len() <= 3 && !self.scale_at(k + 2) => Some(Join::Thousands),
            ('.', _) if !spaced || (group.len() <= 2 && first_group) => Some(Join::Decimal),
            _ => None,
        }
    }

    /// «فاصلة 6»، «فاصلة خمسة وعشرون»، «فاصل اثنين» at `k`: the digits after a decimal point said
    /// in words.
    fn said_point(&self, k: usize) -> Option<(String, usize)> {
        let t = self.t;
        if !(self.continues(k) && t.is_word(k) && matches!(t.folded(k), "فاصله" | "فاصل") && self.continues(k + 1))
        {
            return None;
        }
        if t.is_digits(k + 1) {
            return Some((t.folded(k + 1).to_string(), k + 2));
        }
        // The digits in words: units, tens and hundreds joined by و, never a scale word (that
        // multiplies the whole number: «ثلاثة فاصلة خمسة مليارات»).
        let mut value = 0;
        let mut end = k + 1;
        while let Some((w, joined)) = if end == k + 1 {
            self.number_word(end).filter(|w| w.dropped == 0).map(|w| (w, false))
        } else {
            self.continuation(end)
        } {
            if !matches!(w.class, NumClass::Unit | NumClass::Tens | NumClass::Hundreds) || (end > k + 1 && !joined) {
                break;
            }
            value += w.value;
            end = w.end;
        }
        (end > k + 1).then(|| (value.to_string(), end))
    }

    fn scale_at(&self, k: usize) -> bool {
        self.scale_word(k).is_some()
    }

    /// A scale word after digits: «ألف»، «آلاف»، «مليون»، «مليار».
    fn scale_word(&self, k: usize) -> Option<(f64, usize)> {
        if !self.continues(k) {
            return None;
        }
        let hit = self.ix.find(self.t, k, |l| match l {
            Lex::Number { value, class: NumClass::Scale | NumClass::ScalePlural } => Some(*value),
            _ => None,
        })?;
        (hit.dropped == 0).then_some((hit.value as f64, hit.end))
    }

    /// The parts of a compound after a scale word, joined by و and each smaller than the scale
    /// before it: «18 ألفا و 250» (18250), «4 مليارات و 300 مليون», «ألف و 500»; a fraction of
    /// the scale: «مليون ونصف». A part as large as the scale starts a new number: «3 آلاف و 5
    /// آلاف» are two.
    fn and_parts(&self, k: usize, value: f64, scale: f64) -> (f64, usize) {
        let t = self.t;
        if !self.continues(k) || !t.is_word(k) {
            return (value, k);
        }
        let (at, clitic) = if t.folded(k) == "و" { (k + 1, false) } else { (k, true) };
        if !self.continues(at) {
            return (value, k);
        }
        if let Some(h) = self.fraction_at(at)
            && h.dropped == usize::from(clitic)
        {
            // «مليون ونصف المليون»، «ثلاثة ملايين ونصف مليون»: the scale named again after its
            // fraction, with the article or without.
            let definite = self.continues(h.end) && t.folded(h.end).starts_with("ال");
            let again = self
                .continues(h.end)
                .then(|| {
                    self.ix.find(t, h.end, |l| match l {
                        Lex::Number { value, class: NumClass::Scale } => Some(*value),
                        _ => None,
                    })
                })
                .flatten()
                .filter(|s| s.dropped == if definite { 2 } else { 0 } && s.value as f64 == scale);
            return (value + h.value * scale, again.map_or(h.end, |s| s.end));
        }
        let part = if clitic {
            self.word_number(at).filter(|p| p.dropped == 1 && t.folded(at).starts_with('و'))
        } else if t.is_digits(at) {
            self.digit_number(at).filter(|p| self.digits_stop(p.end))
        } else {
            self.word_number(at).filter(|p| p.dropped == 0)
        };
        match part {
            Some(p) if !p.vague && !p.fraction && !p.needs_noun && p.value >= 1.0 && p.value < scale => {
                (value + p.value, p.end)
            }
            _ => (value, k),
        }
    }

    /// Whether digits read up to `e` stop there: not the first part of «10:30», «3/4»,
    /// «10 : 15», «20 . 10 . 2017». (A dash is left to ranges: «3-4 أشخاص».)
    pub fn digits_stop(&self, e: usize) -> bool {
        let t = self.t;
        let seps = [':', '/', '.', ',', '٫', '٬'];
        let more =
            seps.iter().any(|&c| t.is_punct(e, c)) && self.continues(e) && self.continues(e + 1) && t.is_digits(e + 1);
        let touching = t.touching(e - 1) && t.touching(e);
        let spaced = !t.touching(e - 1) && !t.touching(e);
        !(more && (touching || spaced))
    }

    /// A fraction word at `k`: «نصف»، «ثلث»، «ربع»، «ثلاثة أرباع».
    pub fn fraction_at(&self, k: usize) -> Option<crate::lexicon::Hit<f64>> {
        self.ix.find_indefinite(self.t, k, |l| match l {
            Lex::Fraction { numerator, denominator } => Some(f64::from(*numerator) / f64::from(*denominator)),
            _ => None,
        })
    }

    /// Number words, with Arabic's order of compounds: units before tens («خمس وثمانين»),
    /// hundreds and thousands before both. A conjunction only joins parts in that order, so
    /// «أمريكي واحد وستة» stays two numbers, 1 and 6.
    fn word_number(&self, j: usize) -> Option<Number> {
        let Some(mut first) = self.number_word(j) else {
            // «نصف مليون»، «ربع مليار»: a fraction of a scale; alone, a share of what follows.
            let h = self.fraction_at(j)?;
            if let Some((scale, end)) = self.scale_word(h.end) {
                let value = h.value * scale;
                return Some(Number { dropped: h.dropped, scaled: true, ..Number::new(value, end) });
            }
            return Some(Number {
                dropped: h.dropped,
                needs_noun: true,
                fraction: true,
                ..Number::new(h.value, h.end)
            });
        };
        // «ألفا جندي»، «مليونا دولار»: a scale word written with a final ا that opens a number
        // and stands before its noun is the nominative dual in construct, two of it. After a
        // count («ثلاثون ألفا») or with no noun after it («بلغ عددهم ألفا») it is the accusative
        // of one.
        if first.class == NumClass::Scale
            && self.t.folded(j).ends_with('ا')
            && !self.preceded_by_count(j)
            && self.continues(first.end)
            && self.t.is_word(first.end)
            && self.number_word(first.end).is_none()
            && self.t.folded(first.end) != "و"
            // «مليارا ونصف المليار»، «مليونا و200 ألف»: the accusative of one, and a part.
            && self.and_fraction(first.end).is_none()
            && self.continuation(first.end).is_none()
        {
            first.class = NumClass::ScaleDualConstruct;
        }
        if first.class == NumClass::ScalePlural {
            if self.preceded_by_count(j) {
                return None;
            }
            first.class = NumClass::Vague;
        }
        if matches!(first.class, NumClass::Vague | NumClass::Few) {
            // «عشرات»، «مئات»: at least two of the base; «عشرات الآلاف»، «عشرات آلاف»: at least
            // two tens of thousands.
            let mut value = first.value as f64 * if first.class == NumClass::Vague { 2.0 } else { 1.0 };
            let mut end = first.end;
            if first.class == NumClass::Vague
                && self.continues(end)
                && let Some(scale) = self.number_word(end)
                && matches!(scale.class, NumClass::Vague | NumClass::ScalePlural)
                && scale.value >= 1000
            {
                value *= scale.value as f64;
                end = scale.end;
            }
            return Some(Number {
                dropped: first.dropped,
                vague: true,
                needs_definite_noun: first.class == NumClass::Vague,
                ..Number::new(value, end)
            });
        }
        let mut total: u64 = 0;
        let mut current: u64 = 0;
        let mut last: Option<NumClass> = None;
        // The scale word last read («آلاف» in «ثلاثة آلاف»), for the parts after it.
        let mut scale: u64 = 0;
        let mut k = j;
        let mut end = j;
        loop {
            let (word, joined) = if k == j {
                (first, false)
            } else {
                match self.continuation(k) {
                    Some(c) => c,
                    None => break,
                }
            };
            let class = word.class;
            // A teen: a unit word followed by عشر/عشرة.
            let teen_end = (matches!(class, NumClass::Unit | NumClass::TeenOnly) && word.value < 10)
                .then_some(word.end)
                .filter(|&e| self.continues(e) && matches!(self.t.folded(e), "عشر" | "عشره"));
            // «إحدى وعشرون»، «أحد وثلاثين»: the feminine and short forms of one before «و» and tens.
            let before_tens = class == NumClass::TeenOnly
                && word.value == 1
                && self.continuation(word.end).is_some_and(|(w, joined)| joined && w.class == NumClass::Tens);
            let class = if teen_end.is_some() || before_tens { NumClass::Unit } else { class };
            let allowed = match (last, joined, class) {
                (None, _, NumClass::TeenOnly) => teen_end.is_some(),
                (
                    None,
                    _,
                    NumClass::Unit
                    | NumClass::Tens
                    | NumClass::Hundreds
                    | NumClass::Scale
                    | NumClass::ScaleDual
                    | NumClass::ScaleDualConstruct,
                ) => true,
                // «مئتان وخمسة وعشرون»: tens after the units of the last hundred.
                (Some(NumClass::Unit), true, NumClass::Tens) => current % 100 < 10,
                (Some(NumClass::Unit), false, NumClass::Hundreds) => word.value == 100 && current < 10,
                (Some(NumClass::Unit | NumClass::Tens | NumClass::Hundreds), false, NumClass::Scale) => true,
                (Some(NumClass::Unit), false, NumClass::ScalePlural) => (3..=10).contains(&current),
                (Some(NumClass::Hundreds), true, NumClass::Unit | NumClass::Tens) => true,
                (
                    Some(NumClass::Scale | NumClass::ScaleDual),
                    true,
                    NumClass::Unit | NumClass::Tens | NumClass::Hundreds,
                ) => true,
                _ => false,
            };
            if !allowed {
                break;
            }
            match class {
                NumClass::Unit | NumClass::TeenOnly | NumClass::Tens => {
                    current += word.value + if teen_end.is_some() { 10 } else { 0 };
                }
                NumClass::Hundreds if last == Some(NumClass::Unit) && !joined => current *= 100,
                NumClass::Hundreds => current += word.value,
                NumClass::Scale | NumClass::ScalePlural => {
                    total += current.max(1) * word.value;
                    current = 0;
                    scale = word.value;
                }
                NumClass::ScaleDual | NumClass::ScaleDualConstruct => {
                    total += 2 * word.value;
                    scale = word.value;
                }
                NumClass::Vague | NumClass::Few => unreachable!("handled above"),
            }
            // After a teen the number is complete unless a scale word follows.
            last = Some(if teen_end.is_some() { NumClass::Tens } else { class });
            end = teen_end.map_or(word.end, |e| e + 1);
            k = end;
            // A construct dual is followed by its noun, never by more of the number.
            if class == NumClass::ScaleDualConstruct {
                break;
            }
        }
        // A lone «واحد» or «اثنان» is an adjective after a noun, not a count of its own; before
        // «في المئة» it is the percentage («ما نسبته اثنان في المئة»).
        if end == j + 1 && first.class == NumClass::Unit && first.value <= 2 && self.per_cent(end).is_none() {
            return None;
        }
        if end == j {
            return None;
        }
        let construct = last == Some(NumClass::ScaleDualConstruct);
        let mut value = (total + current) as f64;
        if scale > 0 && current == 0 && !construct {
            (value, end) = self.and_parts(end, value, scale as f64);
        } else if scale == 0
            && let Some((digits, after)) = self.said_point(end)
            && let Ok(decimal) = format!("{value}.{digits}").parse::<f64>()
        {
            // «ثلاثة فاصلة خمسة مليارات»
            value = decimal;
            end = after;
            if let Some((by, after)) = self.scale_word(end) {
                value *= by;
                end = after;
                scale = by as u64;
            }
        }
        Some(Number { dropped: first.dropped, scaled: scale > 0, needs_noun: construct, ..Number::new(value, end) })
    }

    /// Whether the word before `j` is a number that a plural scale word multiplies: the
    /// «آلاف» of «خمسة آلاف» is not a vague count of its own.
    fn preceded_by_count(&self, j: usize) -> bool {
        j > 0 && !self.t.breaks_before(j) && (self.t.is_digits(j - 1) || self.number_word(j - 1).is_some())
    }

    /// The next part of a compound number at `k`, joined by و («وثمانين» or «و ثمانين») or not.
    pub(super) fn continuation(&self, k: usize) -> Option<(NumberWord, bool)> {
        if !self.continues(k) {
            return None;
        }
        if self.t.is_word(k) && self.t.folded(k) == "و" {
            return self
                .continues(k + 1)
                .then(|| self.number_word(k + 1))
                .flatten()
                .filter(|w| w.dropped == 0)
                .map(|w| (w, true));
        }
        let w = self.number_word(k)?;
        match w.dropped {
            0 => Some((w, false)),
            1 if self.t.folded(k).starts_with('و') => Some((w, true)),
            _ => None,
        }
    }

    fn number_word(&self, k: usize) -> Option<NumberWord> {
        // Indefinite only: «الثلاثة» is "the three" (known ones); the vague plurals that take the
        // article («العشرات») are listed with it.
        let hit = self.ix.find_indefinite(self.t, k, |l| match l {
            Lex::Number { value, class } => Some((*value, *class)),
            _ => None,
        })?;
        Some(NumberWord { value: hit.value.0, class: hit.value.1, end: hit.end, dropped: hit.dropped })
    }

    /// A definite cardinal after a definite noun, «المهاجمين الثلاثة»، «الأعضاء الأربعة عشر»،
    /// «السنوات العشرين»: its value and the token after it. Units of 3–10 and teens have
    /// cardinal forms distinct from the ordinals (الثلاثة / الثالث); tens do not («القرن
    /// العشرين» is the twentieth), so they are taken only when `plural` says the noun is one.
    pub fn definite_cardinal(&self, k: usize, plural: bool) -> Option<(f64, usize)> {
        let t = self.t;
        let hit = self.ix.find(t, k, |l| match l {
            Lex::Number { value, class } => Some((*value, *class)),
            _ => None,
        })?;
        if hit.dropped != 2 || !t.folded(k).starts_with("ال") {
            return None;
        }
        let (value, class) = hit.value;
        let teen = self.continues(hit.end) && matches!(t.folded(hit.end), "عشر" | "عشره");
        // «الساعات الأربع والعشرين»: a unit and the definite tens joined by «و». A cardinal of
        // three to nine has a form of its own («الطاقم الثلاثة والعشرين» are twenty-three;
        // the twenty-third is «الثالث والعشرين»); one and two («القرن الواحد والعشرين») are
        // ordinals too, and count only after a plural.
        let cardinal = plural || (class == NumClass::Unit && (3..10).contains(&value));
        if cardinal && matches!(class, NumClass::Unit | NumClass::TeenOnly) && value < 10 && self.continues(hit.end) {
            let tens = self.ix.find(t, hit.end, |l| match l {
                Lex::Number { value, class: NumClass::Tens } => Some(*value),
                _ => None,
            });
            if let Some(tens) = tens.filter(|h| h.dropped == 3 && t.folded(hit.end).starts_with("وال")) {
                return Some(((tens.value + value) as f64, tens.end));
            }
        }
        match class {
            NumClass::Unit | NumClass::TeenOnly if value < 10 && teen => Some((value as f64 + 10.0, hit.end + 1)),
            NumClass::Unit if (3..=10).contains(&value) => Some((value as f64, hit.end)),
            NumClass::Tens if plural => Some((value as f64, hit.end)),
            _ => None,
        }
    }
}

#[derive(Clone, Copy, Debug)]
pub(super) struct NumberWord {
    value: u64,
    pub(super) class: NumClass,
    end: usize,
    dropped: usize,
}

#[cfg(test)]
mod tests {
    use crate::lexicon::LEXICON;
    use crate::text::Tokens;

    use super::*;

    fn read(text: &str) -> Option<(f64, String)> {
        let t = Tokens::new(text);
        let g = Grammar::new(&t, LEXICON.index(&t));
        let n = g.number(0)?;
        let end = if n.end == 0 { 0 } else { t.tokens[n.end - 1].end };
        Some((n.value, text[..end].to_string()))
    }

    #[test]
    fn digits_and_separators() {
        assert_eq!(read("3,000 جندي"), Some((3000.0, "3,000".into())));
        assert_eq!(read("٣٬٠٠٠"), Some((3000.0, "٣٬٠٠٠".into())));
        assert_eq!(read("1.5 مليار دولار"), Some((1.5e9, "1.5 مليار".into())));
        assert_eq!(read("١٫٥ مليون"), Some((1.5e6, "١٫٥ مليون".into())));
        assert_eq!(read("۱۲"), Some((12.0, "۱۲".into())));
        assert_eq!(read("170 ألفا"), Some((170000.0, "170 ألفا".into())));
        assert_eq!(read("5 آلاف"), Some((5000.0, "5 آلاف".into())));
        assert_eq!(read("1.500 جندي"), Some((1500.0, "1.500".into())));
        assert_eq!(read("3، 000"), Some((3.0, "3".into())));
        assert_eq!(read(&"9".repeat(5000)), None);
    }

    #[test]
    fn separators_by_the_texts_habit() {
        // Dotted thousands run on; a zero before a point has decimals after it.
        assert_eq!(read("36.828.330 نسمة"), Some((36828330.0, "36.828.330".into())));
        assert_eq!(read("1.520.000 ليرة"), Some((1520000.0, "1.520.000".into())));
        assert_eq!(read("0.850 دينار"), Some((0.85, "0.850".into())));
        // A single group of three: the text's own decimals decide.
        assert_eq!(read("1,638 مليون شخص، والنسبة 12,8 في المائة"), Some((1638000.0, "1,638 مليون".into())));
        assert_eq!(read("1,638 مليون شخص"), Some((1.638e9, "1,638 مليون".into())));
        assert_eq!(read("42.195 كيلومترا، بزيادة 2.5 في المئة"), Some((42.195, "42.195".into())));
        assert_eq!(read("42.195 كيلومترا"), Some((42195.0, "42.195".into())));
        assert_eq!(read("3,500 جندي و2,5 مليون دولار"), Some((3500.0, "3,500".into())));
        // Both habits, or a date's groups: no habit.
        assert_eq!(read("1.500 دينار في 21.03.2016"), Some((1500.0, "1.500".into())));
        assert_eq!(read("1.500 دينار و2.5 و1.520.000"), Some((1500.0, "1.500".into())));
    }

    #[test]
    fn spaced_separators_and_said_points() {
        assert_eq!(read("4 , 6 مليار"), Some((4.6e9, "4 , 6 مليار".into())));
        assert_eq!(read("12 , 350 شخصا"), Some((12350.0, "12 , 350".into())));
        assert_eq!(read("200 . 000"), Some((200000.0, "200 . 000".into())));
        assert_eq!(read("2017 , 12"), Some((2017.0, "2017".into())));
        assert_eq!(read("20 , 2018"), Some((20.0, "20".into())));
        assert_eq!(read("4 فاصلة 6"), Some((4.6, "4 فاصلة 6".into())));
        assert_eq!(read("5 فاصل 8"), Some((5.8, "5 فاصل 8".into())));
        assert_eq!(read(".5 %"), Some((0.5, ".5".into())));
        assert_eq!(read("05"), None);
        assert_eq!(read("0"), None);
        assert_eq!(read("0.5"), Some((0.5, "0.5".into())));
    }

    #[test]
    fn compounds_after_a_scale() {
        assert_eq!(read("18 ألفا و 250"), Some((18250.0, "18 ألفا و 250".into())));
        assert_eq!(read("4 مليارات و 300 مليون"), Some((4.3e9, "4 مليارات و 300 مليون".into())));
        assert_eq!(read("مليون و 200 ألف"), Some((1.2e6, "مليون و 200 ألف".into())));
        assert_eq!(read("مليونان ونصف"), Some((2.5e6, "مليونان ونصف".into())));
        assert_eq!(read("3 آلاف و 5 آلاف"), Some((3000.0, "3 آلاف".into())));
        assert_eq!(read("نصف مليون"), Some((5e5, "نصف مليون".into())));
        // The accusative of one, and a half of it: not the dual «مليارا دولار».
        assert_eq!(read("مليارا ونصف المليار"), Some((1.5e9, "مليارا ونصف المليار".into())));
        assert_eq!(read("مليونا و 200 ألف"), Some((1.2e6, "مليونا و 200 ألف".into())));
        assert_eq!(read("ألفي لاجئ"), Some((2000.0, "ألفي".into())));
        assert_eq!(read("مئة وخمسة وعشرين ألفا"), Some((125000.0, "مئة وخمسة وعشرين ألفا".into())));
    }

    #[test]
    fn number_words() {
        assert_eq!(read("خمس وثمانين"), Some((85.0, "خمس وثمانين".into())));
        assert_eq!(read("خمسة آلاف جندي"), Some((5000.0, "خمسة آلاف".into())));
        assert_eq!(read("ثلاثة عشر"), Some((13.0, "ثلاثة عشر".into())));
        assert_eq!(read("إحدى عشرة"), Some((11.0, "إحدى عشرة".into())));
        assert_eq!(read("اثنا عشر ألفا"), Some((12000.0, "اثنا عشر ألفا".into())));
        assert_eq!(read("مئتان وخمسون ألفا"), Some((250000.0, "مئتان وخمسون ألفا".into())));
        assert_eq!(read("ثلاث مئة"), Some((300.0, "ثلاث مئة".into())));
        assert_eq!(read("ثلاثمائة وخمسة"), Some((305.0, "ثلاثمائة وخمسة".into())));
        assert_eq!(read("ألفان"), Some((2000.0, "ألفان".into())));
        assert_eq!(read("مليون"), Some((1e6, "مليون".into())));
        assert_eq!(read("ألف و مئتان"), Some((1200.0, "ألف و مئتان".into())));
        assert_eq!(read("عشرة آلاف"), Some((10000.0, "عشرة آلاف".into())));
    }

    #[test]
    fn conjunction_does_not_join_two_counts() {
        // A lone «واحد» is an adjective after a noun; «ستة» after it is a count of its own.
        assert_eq!(read("واحد وستة"), None);
        assert_eq!(read("ثلاثة وستة"), Some((3.0, "ثلاثة".into())));
        assert_eq!(read("ثلاثين وخمسة"), Some((30.0, "ثلاثين".into())));
        assert_eq!(read("أحد"), None);
    }
}
