//! Figures and durations: a number (or a dual noun) and what it counts.
//!
//! ```text
//! quantity := [approximator] (range
//!                            | number [unit-of-time | "%" | counted-noun] [approximator-after]
//!                            | dual-noun | dual-or-vague-unit-of-time)
//!           | noun ("واحد" | "اثنان" …)
//! range    := [("ما" | "فيما")] "بين" number "و"number ("%" | counted-noun)
//!           | ["من"] number ("إلى" | "حتى" | dash) number ("%" | counted-noun)
//! ```

use super::number::Number;
use super::{Duration, Figure, Grammar, Mention, MentionKind};
use crate::lexicon::{Bound, DurationCount, Lex};
use crate::text::TokenKind;

const DASHES: [char; 4] = ['-', '–', '—', '_'];

impl Grammar<'_, '_> {
    pub fn quantity(&self, i: usize) -> Option<(usize, Mention)> {
        let t = self.t;
        if !(t.is_word(i) || t.is_digits(i)) {
            return None;
        }
        let mut j = i;
        let mut bound = Bound::Exact;
        let mut dropped = None;
        if let Some(h) = self.ix.find(t, i, |l| match l {
            Lex::Approx { bound, after: false } => Some(*bound),
            _ => None,
        }) && self.continues(h.end)
        {
            bound = h.value;
            dropped = Some(h.dropped);
            j = h.end;
        }
        if let Some(found) = self.range(i, j, bound, dropped) {
            return Some(found);
        }
        if let Some(found) = self.counted(i, j, bound, dropped) {
            return Some(found);
        }
        if j == i { self.postposed_count(i) } else { None }
    }

    /// A range of figures with one counted noun: «بين 3000 و5000 جندي»، «من 10 إلى 15 قتيلا»،
    /// «20-30 %». Both ends must count something: «بين 2003 و2011» is two years. A scale word
    /// on the upper end alone applies to both: «بين 3 و5 آلاف» is 3000 to 5000.
    fn range(&self, i: usize, j: usize, bound: Bound, dropped: Option<usize>) -> Option<(usize, Mention)> {
        let t = self.t;
        // Token `k` is one of `forms`, on the line of the range's first token `j`.
        let word =
            |k: usize, forms: &[&str]| t.is_word(k) && (k == j || self.continues(k)) && forms.contains(&t.folded(k));
        let (between, from) = (["بين", "وبين"], ["من", "ومن"]);
        // «إلى»، «حتى» or a dash: what joins the ends of a range not opened by «بين».
        let to = |m: usize| word(m, &["الي", "حتي"]) || (self.continues(m) && DASHES.iter().any(|&c| t.is_punct(m, c)));
        let mut k = j;
        if word(k, &["ما", "فيما", "وما"]) && word(k + 1, &between) {
            k += 1;
        }
        let opener = if word(k, &between) {
            Some(true)
        } else if word(k, &from) {
            Some(false)
        } else {
            None
        };
        if opener.is_some() {
            k += 1;
        } else if !t.is_digits(k) || !(k + 1..k + 4).any(to) {
            // Without «بين» or «من», only digits open a range («3-4»، «20 إلى 30»), and only
            // with a connector just after them: numbers are read once more, by `counted`.
            return None;
        }
        // A number is digits or words the lexicon knows: ask no more of «من جهة».
        if (k > j && !self.continues(k)) || !(t.is_digits(k) || self.ix.knows(k)) {
            return None;
        }
        let low = self.number(k)?;
        if low.vague || low.dropped > 0 || (low.written_in_digits && !self.digits_count_something(k, &low)) {
            return None;
        }
        let mut m = low.end;
        if !self.continues(m) {
            return None;
        }
        // The connector: «و» after «بين»; «إلى»، «حتى» or a dash otherwise.
        let high_at = match opener {
            Some(true) if word(m, &["و"]) => m + 1,
            Some(true) => m, // «وخمسة»: the conjunction is a clitic of the number word
            _ if to(m) => m + 1,
            _ => return None,
        };
        m = high_at;
        if !self.continues(m) {
            return None;
        }
        let high = self.number(m)?;
        let conjunction_clitic = high.dropped == 1 && t.folded(m).starts_with('و');
        if high.vague || (high_at == low.end && !(opener == Some(true) && conjunction_clitic)) {
            return None;
        }
        if high_at != low.end && high.dropped > 0 {
            return None;
        }
        // After a dash, the upper end is read on its own: «20-30» is not a digit group.
        if high.written_in_digits && !self.digits_end_here(&high) {
            return None;
        }
        // «بين 3 و5 سنوات» is a span of time, not a figure.
        if self.ix.is(t, high.end, |l| matches!(l, Lex::Duration { .. } | Lex::Period { .. })) {
            return None;
        }
        let (unit, end) = self.unit_at(high.end)?;
        if high.needs_definite_noun && !(t.folded(high.end) == "من" || t.folded(high.end).starts_with("ال")) {
            return None;
        }
        let mut value = low.value;
        if !high.plain_digits && high.value >= 1000.0 {
            let scale = 1000f64.powi((high.value.log10() / 3.0).floor() as i32);
            if value < scale && value * scale <= high.value {
                value *= scale;
            }
        }
        if value >= high.value {
            return None;
        }
        let (end, bound) = self.approx_after(end, bound);
        // A conjunction on the opener («وبين») stays outside the span.
        let dropped = dropped.unwrap_or(usize::from(opener.is_some() && t.folded(j).starts_with('و')));
        let span = self.span(i, dropped, end - 1);
        let figure = Figure { value, unit: Some(unit), bound, upper: Some(high.value) };
        Some((end, Mention { span, kind: MentionKind::Figure(figure) }))
    }

    fn counted(&self, i: usize, j: usize, bound: Bound, dropped: Option<usize>) -> Option<(usize, Mention)> {
        let t = self.t;
        if let Some(n) = self.number(j) {
            if n.written_in_digits && !self.digits_count_something(j, &n) {
                return None;
            }
            let dropped = dropped.unwrap_or(n.dropped);
            return self.after_number(i, dropped, n, bound);
        }
        // «ومتعاقدان»، «قاعدتين»: an indefinite dual counts two.
        if let Some(h) = self.ix.find_indefinite(t, j, |l| matches!(l, Lex::Dual).then_some(())) {
            let unit_start = t.tokens[j].start + crate::text::offset_after_letters(t.original(j), h.dropped);
            let unit = t.text[unit_start..t.tokens[j].end].to_string();
            let span = self.span(i, dropped.unwrap_or(h.dropped), h.end - 1);
            let figure = Figure { value: 2.0, unit: Some(unit), bound, upper: None };
            return Some((self.skip_dual_adjectives(h.end, j), Mention { span, kind: MentionKind::Figure(figure) }));
        }
        // «عقدين»، «ساعتين»; «بعد عقود» (at least two decades).
        let h = self.ix.find(t, j, |l| match l {
            Lex::Duration { unit, per, count: c @ (DurationCount::Two | DurationCount::Vague) } => {
                Some((*unit, *per, *c))
            }
            _ => None,
        })?;
        let (unit, per, count) = h.value;
        let amount = 2.0 * per as f64;
        let bound = match (count, bound) {
            (DurationCount::Vague, Bound::Exact) => {
                let clitic_li = h.dropped > 0 && t.folded(j).starts_with('ل');
                let context = j > 0 && self.lex(j - 1, |l| matches!(l, Lex::DurationContext)).is_some();
                if !(clitic_li || context) {
                    return None;
                }
                Bound::AtLeast
            }
            (_, b) => b,
        };
        let span = self.span(i, dropped.unwrap_or(h.dropped), h.end - 1);
        let duration = Duration { amount, unit, bound };
        Some((h.end, Mention { span, kind: MentionKind::Duration(duration) }))
    }

    fn after_number(&self, i: usize, dropped: usize, n: Number, mut bound: Bound) -> Option<(usize, Mention)> {
        let t = self.t;
        if n.vague && bound == Bound::Exact {
            bound = Bound::AtLeast;
        }
        let k = n.end;
        // A unit of time makes it a duration: «18 عاما»، «ثلاث سنوات»، «منذ ثلاثة أسابيع».
        if self.continues(k)
            && let Some(h) = self.ix.find(t, k, |l| match l {
                Lex::Duration { unit, per, count: DurationCount::One | DurationCount::Plural } => Some((*unit, *per)),
                _ => None,
            })
            && h.dropped == 0
        {
            let (unit, per) = h.value;
            let (end, bound) = self.approx_after(h.end, bound);
            let span = self.span(i, dropped, end - 1);
            let duration = Duration { amount: n.value * per as f64, unit, bound };
            return Some((end, Mention { span, kind: MentionKind::Duration(duration) }));
        }
        let (unit, end) = match self.unit_at(k) {
            Some(_) if n.needs_definite_noun && !(t.folded(k) == "من" || t.folded(k).starts_with("ال")) => {
                return None;
            }
            Some((unit, end)) => (Some(unit), end),
            None if n.vague => return None,
            None => (None, k),
        };
        // Four digits with nothing counted read as a year, not a figure: «الغزو الأمريكي 2003».
        if unit.is_none() && n.plain_digits && t.folded(k - 1).len() == 4 && (1900.0..=2100.0).contains(&n.value) {
            return None;
        }
        let (end, bound) = self.approx_after(end, bound);
        let span = self.span(i, dropped, end - 1);
        Some((end, Mention { span, kind: MentionKind::Figure(Figure { value: n.value, unit, bound, upper: None }) }))
    }

    /// «3000 جندي تقريبا»، «5 قتلى على الأقل».
    fn approx_after(&self, end: usize, bound: Bound) -> (usize, Bound) {
        if bound == Bound::Exact
            && self.continues(end)
            && let Some(h) = self.ix.find(self.t, end, |l| match l {
                Lex::Approx { bound, after: true } => Some(*bound),
                _ => None,
            })
            && h.dropped == 0
        {
            return (h.end, h.value);
        }
        (end, bound)
    }

    /// The counted noun after a number at `k`: «جندي»، «قتيلا»; «%» for per cent; the noun after
    /// a partitive «من» («3 من المسلحين»). Function words and date words count nothing.
    fn unit_at(&self, k: usize) -> Option<(String, usize)> {
        let t = self.t;
        if !self.continues(k) {
            return None;
        }
        if t.is_punct(k, '%') || t.is_punct(k, '٪') {
            return Some(("%".into(), k + 1));
        }
        if !t.is_word(k) {
            return None;
        }
        if let Some(h) = self.lex(k, |l| matches!(l, Lex::Percent))
            && h.dropped == 0
        {
            return Some(("%".into(), h.end));
        }
        if t.folded(k) == "من" {
            let n = k + 1;
            return (self.continues(n) && t.is_word(n) && t.folded(n).starts_with("ال") && self.counts(n))
                .then(|| (t.original(n).to_string(), n + 1));
        }
        self.counts(k).then(|| (t.original(k).to_string(), k + 1))
    }

    /// Whether the word at `k` can be what a number counts.
    fn counts(&self, k: usize) -> bool {
        let t = self.t;
        if self.ix.is(t, k, |l| matches!(l, Lex::FunctionWord)) {
            return false;
        }
        // Units of time are counted too («يوم واحد»); they make a duration, not a figure.
        let owned = |l: &Lex| l.is_date_or_number_word() && !matches!(l, Lex::Duration { .. } | Lex::Period { .. });
        self.ix.find(t, k, |l| owned(l).then_some(())).is_none_or(|h| h.dropped > 0)
    }

    /// Whether digits at `j` count something, rather than name it («K-1»، «كوفيد – 19»،
    /// «القرار 2254»), order it («الـ15»), or tell the time («10:30»، «الساعة 5»).
    fn digits_count_something(&self, j: usize, n: &Number) -> bool {
        let t = self.t;
        if j > 0 && !t.breaks_before(j) {
            let p = j - 1;
            let prev_is = |c: &[char]| c.iter().any(|&c| t.is_punct(p, c));
            if t.kind(p) == Some(TokenKind::Latin) && t.touching(p) {
                return false;
            }
            // A dash between a name and a number: «K-1»، «إف-16»، «كوفيد – 19» (not «3-4»).
            if prev_is(&DASHES) && p > 0 && matches!(t.kind(p - 1), Some(TokenKind::Word | TokenKind::Latin)) {
                return false;
            }
            // The tail of «10:30», «3/4» or a longer digit group.
            if t.kind(p) == Some(TokenKind::Punct) && t.touching(p) && p > 0 && t.is_digits(p - 1) && t.touching(p - 1)
            {
                return false;
            }
            if t.is_word(p) && (t.folded(p) == "ال" || self.ix.is(t, p, |l| matches!(l, Lex::Designator))) {
                return false;
            }
        }
        self.digits_end_here(n)
    }

    /// Whether a digit number stops where it was read: not «10:30», «3/4», «5G», «الساعة 5».
    fn digits_end_here(&self, n: &Number) -> bool {
        let t = self.t;
        let touching_kind = |a: usize, kind: TokenKind| t.touching(a) && t.kind(a + 1) == Some(kind);
        let e = n.end;
        if touching_kind(e - 1, TokenKind::Latin) {
            return false;
        }
        // «10:30», «3/4», «10.0.0.1»: the number goes on past what was read.
        let more = [':', '/', '.', ',', '٫', '٬'].iter().any(|&c| t.is_punct(e, c));
        if t.touching(e - 1) && more && t.touching(e) && t.is_digits(e + 1) {
            return false;
        }
        !(self.continues(e)
            && self.ix.find(t, e, |l| matches!(l, Lex::TimeOfDay).then_some(())).is_some_and(|h| h.dropped == 0))
    }

    /// After a dual noun, agreeing dual adjectives («متعاقدان أمريكيان») are not more counts.
    fn skip_dual_adjectives(&self, mut k: usize, noun: usize) -> usize {
        let t = self.t;
        let suffix = if t.folded(noun).ends_with("ان") { "ان" } else { "ين" };
        while self.continues(k) && t.is_word(k) && t.folded(k).ends_with(suffix) && self.counts(k) {
            k += 1;
        }
        k
    }

    /// A noun with a postposed «واحد» or «اثنان»: «أمريكي واحد» (1), «يوم واحد» (P1D).
    fn postposed_count(&self, i: usize) -> Option<(usize, Mention)> {
        let t = self.t;
        let k = i + 1;
        if !t.is_word(i) || !self.continues(k) || !t.is_word(k) {
            return None;
        }
        let value = match t.folded(k) {
            "واحد" | "واحده" => 1.0,
            "اثنان" | "اثنين" | "اثنتان" | "اثنتين" => 2.0,
            _ => return None,
        };
        if !self.counts(i) || self.ix.is(t, i, |l| matches!(l, Lex::NotCounted | Lex::Dual)) {
            return None;
        }
        let h = self.ix.find(t, i, |l| match l {
            Lex::Duration { unit, per, count: DurationCount::One } => Some((*unit, *per)),
            _ => None,
        });
        let span = self.span(i, 0, k);
        let kind = match h {
            Some(h) if h.dropped == 0 => MentionKind::Duration(Duration {
                amount: value * h.value.1 as f64,
                unit: h.value.0,
                bound: Bound::Exact,
            }),
            _ => MentionKind::Figure(Figure {
                value,
                unit: Some(t.original(i).to_string()),
                bound: Bound::Exact,
                upper: None,
            }),
        };
        Some((k + 1, Mention { span, kind }))
    }
}
