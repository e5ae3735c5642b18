//! Numbers: digit runs with their separators, and number words with their compounds.

use super::Grammar;
use crate::lexicon::{Lex, NumClass};

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
}

const THOUSANDS: [char; 2] = [',', '٬'];
const DECIMAL: [char; 2] = ['.', '٫'];
/// Beyond this, a digit run is an identifier or noise, not a quantity.
const MAX_DIGITS: usize = 15;

impl Grammar<'_, '_> {
    /// A number at token `j`: digits (3,000 · 3٬000 · 1.5 · ١٫٥) optionally followed by a scale
    /// word («170 ألفا»), or number words («خمس وثمانين»، «ثلاثة آلاف»).
    pub fn number(&self, j: usize) -> Option<Number> {
        if self.t.is_digits(j) { self.digit_number(j) } else { self.word_number(j) }
    }

    fn digit_number(&self, j: usize) -> Option<Number> {
        let t = self.t;
        let mut int = t.folded(j).to_string();
        let mut frac = String::new();
        let mut k = j + 1;
        // Separators only count between touching digit runs: «3,000» but not «3، 000».
        while t.touching(k - 1) && t.touching(k) && t.is_digits(k + 1) {
            let sep = t.folded(k).chars().next().unwrap_or(' ');
            let group = t.folded(k + 1);
            if THOUSANDS.contains(&sep) && group.len() == 3 && frac.is_empty() {
                int.push_str(group);
            } else if DECIMAL.contains(&sep) && frac.is_empty() {
                // «1.500» is a thousand and a half in the European style some Maghrebi outlets
                // use, unless a scale word follows («1.500 مليون» reads as 1.5 million there too,
                // but a scale word after a 3-digit fraction is rarer than a decimal one).
                let european = sep == '.' && group.len() == 3 && int.len() <= 3 && !self.scale_at(k + 2);
                if european {
                    int.push_str(group);
                } else {
                    frac.push_str(group);
                }
            } else {
                break;
            }
            k += 2;
        }
        if int.trim_start_matches('0').len() > MAX_DIGITS {
            return None;
        }
        let plain = k == j + 1;
        let mut value: f64 = if frac.is_empty() { int.parse().ok()? } else { format!("{int}.{frac}").parse().ok()? };
        if let Some((scale, end)) = self.scale_word(k) {
            value *= scale;
            k = end;
        }
        Some(Number {
            value,
            end: k,
            dropped: 0,
            written_in_digits: true,
            vague: false,
            plain_digits: plain && k == j + 1,
            needs_definite_noun: false,
        })
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

    /// Number words, with Arabic's order of compounds: units before tens («خمس وثمانين»),
    /// hundreds and thousands before both. A conjunction only joins parts in that order, so
    /// «أمريكي واحد وستة» stays two numbers, 1 and 6.
    fn word_number(&self, j: usize) -> Option<Number> {
        let mut first = self.number_word(j)?;
        if first.class == NumClass::ScalePlural {
            if self.preceded_by_count(j) {
                return None;
            }
            first.class = NumClass::Vague;
        }
        if matches!(first.class, NumClass::Vague | NumClass::Few) {
            // «عشرات»، «مئات»: at least two of the base; «عشرات الآلاف»: at least two tens of
            // thousands.
            let mut value = first.value as f64 * if first.class == NumClass::Vague { 2.0 } else { 1.0 };
            let mut end = first.end;
            if first.class == NumClass::Vague
                && self.continues(end)
                && let Some(scale) = self.number_word(end)
                && scale.class == NumClass::Vague
                && scale.value >= 1000
            {
                value *= scale.value as f64;
                end = scale.end;
            }
            return Some(Number {
                value,
                end,
                dropped: first.dropped,
                written_in_digits: false,
                vague: true,
                plain_digits: false,
                needs_definite_noun: first.class == NumClass::Vague,
            });
        }
        let mut total: u64 = 0;
        let mut current: u64 = 0;
        let mut last: Option<NumClass> = None;
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
            let class = if teen_end.is_some() { NumClass::Unit } else { class };
            let allowed = match (last, joined, class) {
                (None, _, NumClass::TeenOnly) => teen_end.is_some(),
                (
                    None,
                    _,
                    NumClass::Unit | NumClass::Tens | NumClass::Hundreds | NumClass::Scale | NumClass::ScaleDual,
                ) => true,
                (Some(NumClass::Unit), true, NumClass::Tens) => current < 10,
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
                }
                NumClass::ScaleDual => total += 2 * word.value,
                NumClass::Vague | NumClass::Few => unreachable!("handled above"),
            }
            // After a teen the number is complete unless a scale word follows.
            last = Some(if teen_end.is_some() { NumClass::Tens } else { class });
            end = teen_end.map_or(word.end, |e| e + 1);
            k = end;
        }
        // A lone «واحد» or «اثنان» is an adjective after a noun, not a count of its own.
        if end == j + 1 && first.class == NumClass::Unit && first.value <= 2 {
            return None;
        }
        if end == j {
            return None;
        }
        Some(Number {
            value: (total + current) as f64,
            end,
            dropped: first.dropped,
            written_in_digits: false,
            vague: false,
            plain_digits: false,
            needs_definite_noun: false,
        })
    }

    /// Whether the word before `j` is a number that a plural scale word multiplies: the
    /// «آلاف» of «خمسة آلاف» is not a vague count of its own.
    fn preceded_by_count(&self, j: usize) -> bool {
        j > 0 && !self.t.breaks_before(j) && (self.t.is_digits(j - 1) || self.number_word(j - 1).is_some())
    }

    /// The next part of a compound number at `k`, joined by و («وثمانين» or «و ثمانين») or not.
    fn continuation(&self, k: usize) -> Option<(NumberWord, bool)> {
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
}

#[derive(Clone, Copy, Debug)]
struct NumberWord {
    value: u64,
    class: NumClass,
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
        let g = Grammar { t: &t, ix: LEXICON.index(&t) };
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
