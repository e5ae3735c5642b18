//! Figures and durations: a number (or a dual noun) and what it counts.
//!
//! ```text
//! quantity := [approximator] (range
//!                            | number [unit-of-time | "%" | counted-noun] [approximator-after]
//!                            | dual-noun | construct-dual noun | dual-or-vague-unit-of-time
//!                            | [context] unit-of-time)
//!           | noun ("واحد" | "اثنان" …)
//!           | definite-noun definite-cardinal          «المهاجمين الثلاثة»، «الأشهر الستة»
//! range    := [("ما" | "فيما")] "بين" number "و"number ("%" | counted-noun)
//!           | ["من"] number ("إلى" | "حتى" | dash) number ("%" | counted-noun)
//! ```
//!
//! A figure is a count of something: a number needs a counted noun after it («3 صواريخ»،
//! «3 من المسلحين»، «15 %») or a frame that makes it a count although the noun is left to the
//! clause: a hedge («نحو 300»)، a scale word («170 ألفا»), a verb of counting or reaching
//! («بلغ 25»، «ارتفع عدد القتلى إلى 30», `data/count_frames.tsv`). A bare number has none of
//! these and is not taken: in copy it is as often a clock time, a piece of a date, an id, a
//! page or view counter, or part of a name.

use super::number::Number;
use super::{Duration, Figure, Grammar, Mention, MentionKind};
use crate::lexicon::words;
use crate::lexicon::{Bound, DurationCount, LEXICON, Lex, NumClass};
use crate::text::TokenKind;

const DASHES: [char; 4] = ['-', '–', '—', '_'];

/// Kinds of entry the data has at a token ([`Grammar::kinds`]).
const NUMBER: u8 = 1;
const FRACTION: u8 = 2;
const DUAL: u8 = 4;
const DUAL_CONSTRUCT: u8 = 8;
const TIME: u8 = 16;
const HEDGE: u8 = 32;

impl Grammar<'_, '_> {
    /// The kinds of entry the data has starting at token `j` under any clitic reading, one bit
    /// each: a quantity is tried at most words of a text (every function word is known), so it
    /// asks only the questions that can succeed there.
    fn kinds(&self, j: usize) -> u8 {
        if !self.ix.knows(j) {
            return 0;
        }
        let bits = std::cell::Cell::new(0);
        self.ix.find_with(self.t, j, true, crate::phrases::Gaps::None, |l| {
            let bit = match l {
                Lex::Number { .. } => NUMBER,
                Lex::Fraction { .. } => FRACTION,
                Lex::Dual => DUAL,
                Lex::DualConstruct => DUAL_CONSTRUCT,
                Lex::Duration { .. } => TIME,
                Lex::Approx { .. } => HEDGE,
                _ => 0,
            };
            bits.set(bits.get() | bit);
            None::<()>
        });
        bits.get()
    }

    pub fn quantity(&self, i: usize) -> Option<(usize, Mention)> {
        let t = self.t;
        if !(t.is_word(i) || t.is_digits(i) || self.leading_point(i)) {
            return None;
        }
        // «في الثامنة عشرة من عمره»، «القرن التاسع عشر»: the teen's «عشر» closes an ordinal
        // that is no date, not a ten of its own.
        if i > 0
            && matches!(t.folded(i), "عشر" | "عشره")
            && self.continues(i)
            && self.ix.find(t, i - 1, |l| matches!(l, Lex::DayOrdinal(_)).then_some(())).is_some_and(|h| h.end > i)
        {
            return None;
        }
        let here = if t.is_word(i) { self.kinds(i) } else { 0 };
        // «الدور نصف النهائي»: a round's name.
        if here & FRACTION != 0
            && self.continues(i + 1)
            && t.is_word(i + 1)
            && crate::lexicon::words("fraction-names").contains(&t.folded(i + 1))
        {
            return None;
        }
        let mut j = i;
        let mut bound = Bound::Exact;
        let mut dropped = None;
        if here & HEDGE != 0
            && let Some(h) = self.ix.find(t, i, |l| match l {
                Lex::Approx { bound, after: false } => Some(*bound),
                _ => None,
            })
            && self.continues(h.end)
            && !self.without(i, h.dropped)
        {
            bound = h.value;
            if bound == Bound::Above && self.negated_before(i) {
                bound = Bound::AtMost;
            }
            dropped = Some(h.dropped);
            j = h.end;
            // «قرابة ال - 100 شخص»
            if let Some(d) = self.cut_clitic_digits(j) {
                j = d;
            }
        }
        if j == i
            && bound == Bound::Exact
            && let Some(b) = self.hedge_before_count_noun(i)
        {
            bound = b;
        }
        if let Some(found) = self.range(i, j, bound, dropped) {
            return Some(found);
        }
        if j == i
            && let Some(found) = self
                .definite_count(i)
                .or_else(|| (here & NUMBER != 0).then(|| self.definite_cardinal_alone(i)).flatten())
        {
            return Some(found);
        }
        let kinds = if j == i { here } else { self.kinds(j) };
        if let Some(found) = self.counted(i, j, kinds, bound, dropped) {
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
        let (between, from) = (words("range-between"), words("range-from"));
        // «إلى»، «حتى» or a dash: what joins the ends of a range not opened by «بين».
        let to =
            |m: usize| word(m, words("range-to")) || (self.continues(m) && DASHES.iter().any(|&c| t.is_punct(m, c)));
        let mut k = j;
        if word(k, words("range-open")) && word(k + 1, between) {
            k += 1;
        }
        let opener = if word(k, between) {
            Some(true)
        } else if word(k, from) {
            Some(false)
        } else {
            None
        };
        // «ارتفع التضخم من 35 إلى 40 بالمئة»، «رفع البنك المركزي سعر الفائدة من 35 إلى 40»: a
        // change from one value to the next, not a range (a change verb or its masdar within
        // six words before «من», on its line; the digits after «من» open no range either).
        let from_at = match opener {
            Some(false) => Some(k),
            None if k > 0 && !t.breaks_before(k) && from.contains(&t.folded(k - 1)) => Some(k - 1),
            _ => None,
        };
        if let Some(f) = from_at {
            let mut c = f;
            while c > 0 && f - c < 6 && !t.breaks_before(c) {
                c -= 1;
                if t.is_word(c) && words("change-verbs").contains(&t.folded(c).trim_start_matches('و')) {
                    return None;
                }
            }
        }
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
        let (unit, end) = match self.unit_at(high.end, high.needs_definite_noun) {
            Some((Some(unit), end)) => (Some(unit), end),
            // «ما بين 18 و20 ألفا»: a scale word counts on its own, as it does alone.
            _ if high.scaled => (None, high.end),
            _ => return None,
        };
        // Two numbers that could be years («الفترة 2015-2018»، «بين 2003 و2011») are a span of
        // years, not a count, unless a noun the data lists follows: «بين 1900 و2000 قتيل».
        if self.could_be_year(&low) && self.could_be_year(&high) && !self.listed_noun(high.end) {
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
        let figure = Figure { value, unit, bound, upper: Some(high.value) };
        Some((end, Mention { span, kind: MentionKind::Figure(figure) }))
    }

    fn counted(&self, i: usize, j: usize, kinds: u8, bound: Bound, dropped: Option<usize>) -> Option<(usize, Mention)> {
        let t = self.t;
        let number = t.is_digits(j) || self.leading_point(j) || kinds & (NUMBER | FRACTION) != 0;
        if number && let Some(n) = self.number(j) {
            if n.written_in_digits {
                if !self.digits_count_something(j, &n) {
                    return None;
                }
                if let Some((c, true)) = self.cut_clitic_before(j) {
                    return self.after_cut_article(i, j, c, n, bound, dropped);
                }
            }
            let dropped = dropped.unwrap_or(n.dropped);
            return self.after_number(i, dropped, n, bound);
        }
        // «ومتعاقدان»، «قاعدتين»: an indefinite dual counts two.
        if kinds & DUAL != 0
            && let Some(h) = self.ix.find_indefinite(t, j, |l| matches!(l, Lex::Dual).then_some(()))
        {
            let unit_start = t.tokens[j].start + crate::text::offset_after_letters(t.original(j), h.dropped);
            let unit = t.text[unit_start..t.tokens[j].end].to_string();
            let span = self.span(i, dropped.unwrap_or(h.dropped), h.end - 1);
            let figure = Figure { value: 2.0, unit: Some(unit), bound, upper: None };
            return Some((self.skip_dual_adjectives(h.end, j), Mention { span, kind: MentionKind::Figure(figure) }));
        }
        // «منصتي صواريخ»: a construct dual counts two, and needs what it counts after it. One
        // that names its two members («محافظتي إدلب وحماة») refers to them; it claims no count.
        if kinds & DUAL_CONSTRUCT != 0
            && let Some(h) = self.ix.find_indefinite(t, j, |l| matches!(l, Lex::DualConstruct).then_some(()))
            && self.continues(h.end)
            && t.is_word(h.end)
            && self.counts(h.end)
            && !self.names_two(h.end)
        {
            let unit_start = t.tokens[j].start + crate::text::offset_after_letters(t.original(j), h.dropped);
            let unit = t.text[unit_start..t.tokens[j].end].to_string();
            let span = self.span(i, dropped.unwrap_or(h.dropped), h.end - 1);
            let figure = Figure { value: 2.0, unit: Some(unit), bound, upper: None };
            return Some((h.end, Mention { span, kind: MentionKind::Figure(figure) }));
        }
        if kinds & TIME == 0 {
            return None;
        }
        let h = self.ix.find(t, j, |l| match l {
            Lex::Duration {
                unit,
                per,
                count: c @ (DurationCount::One | DurationCount::Two | DurationCount::Vague),
            } => Some((*unit, *per, *c)),
            _ => None,
        })?;
        let (unit, per, count) = h.value;
        let (mut amount, mut end) = (2.0 * per as f64, h.end);
        let bound = match (count, bound) {
            // «منذ عام»، «خلال شهر»، «أكثر من أسبوع»، «ساعة ونصف»: one of the unit.
            (DurationCount::One, _) => {
                if h.dropped > 0 {
                    return None;
                }
                amount = per as f64;
                if let Some((half, e)) = self.and_fraction(end) {
                    amount += half * per as f64;
                    end = e;
                } else if !(self.one_unit_elapses(i, j, bound)
                    && (self.ends_a_span_of_time(end) || (bound != Bound::Exact && self.hedged_unit_ends(end))))
                {
                    return None;
                }
                bound
            }
            // «بعد عقود» (at least two decades), «لسنوات»; not «وقعت عقود النفط».
            (DurationCount::Vague, Bound::Exact) => {
                let clitic_li = h.dropped > 0 && t.folded(j).starts_with('ل');
                if !(clitic_li || self.elapsed_context_before(j)) {
                    return None;
                }
                Bound::AtLeast
            }
            (_, b) => {
                if let Some((half, e)) = self.and_fraction(end) {
                    amount += half * per as f64;
                    end = e;
                }
                b
            }
        };
        let (end, bound) = self.approx_after(end, bound);
        let span = self.span(i, dropped.unwrap_or(h.dropped), end - 1);
        let duration = Duration { amount, unit, bound };
        Some((end, Mention { span, kind: MentionKind::Duration(duration) }))
    }

    /// Whether the words from `k` name two things joined by «و» before the clause goes on: the
    /// genitive of «محافظتي دير الزور والحسكة».
    fn names_two(&self, k: usize) -> bool {
        let t = self.t;
        (k + 1..k + 4)
            .take_while(|&m| self.continues(m) && t.is_word(m))
            .any(|m| t.folded(m).starts_with('و') && t.folded(m).chars().count() >= 3)
    }

    /// Whether a single unit of time at `j` (hedged from `i` with `bound`) is a span of time:
    /// after a hedge («أكثر من عام») or a word of elapsed time («منذ»، «خلال»، «طوال»).
    fn one_unit_elapses(&self, i: usize, j: usize, bound: Bound) -> bool {
        if bound != Bound::Exact {
            return true;
        }
        i == j && self.elapsed_context_before(j)
    }

    /// Whether the word before `j` is one of elapsed time: «منذ»، «بعد»، «خلال»، «طوال».
    fn elapsed_context_before(&self, j: usize) -> bool {
        j > 0
            && !self.t.breaks_before(j)
            && self
                .ix
                .find(self.t, j - 1, |l| matches!(l, Lex::DurationContext).then_some(()))
                .is_some_and(|h| h.end == j)
    }

    /// Whether a single unit of time ends at `end` and is not the head of a date or a phrase:
    /// «منذ عام ,»، «بعد عام على»، «منذ أسبوع تقريبا», but not «منذ عام 2014»، «خلال شهر رمضان»،
    /// «بعد عقد اجتماع» (the holding of a meeting).
    fn ends_a_span_of_time(&self, end: usize) -> bool {
        let t = self.t;
        if !self.continues(end) || !(t.is_word(end) || t.is_digits(end)) {
            return true;
        }
        t.is_word(end)
            && (self.ix.is(t, end, |l| matches!(l, Lex::FunctionWord | Lex::Approx { after: true, .. }))
                && !self.ix.is(t, end, |l| l.is_date_or_number_word() && !matches!(l, Lex::Approx { .. })))
    }

    /// After a hedge a single unit is a length of time whatever word follows it («منذ أكثر من
    /// عقد تعيش البلاد أزمة»، «نحو عقد كامل»: «أكثر من عقد» cannot be the verb «عقد», held),
    /// unless a number or a date word makes it the head of a date: «حوالي عام 2010»، «نحو شهر
    /// رمضان».
    fn hedged_unit_ends(&self, end: usize) -> bool {
        let t = self.t;
        t.is_word(end) && !self.ix.is(t, end, |l| l.is_date_or_number_word())
    }

    /// Whether the hedge at `i` is «دون» read as «without»: «من دون 5 لاعبين»، «بدون».
    fn without(&self, i: usize, dropped: usize) -> bool {
        let t = self.t;
        t.folded(i).ends_with("دون")
            && (t.folded(i).trim_start_matches('و').starts_with('ب')
                || dropped == 0 && i > 0 && matches!(t.folded(i - 1), "من" | "ومن"))
    }

    /// «ونصف»، «و نصف» at `k`: a fraction added to what precedes it.
    pub(super) fn and_fraction(&self, k: usize) -> Option<(f64, usize)> {
        let t = self.t;
        if !self.continues(k) || !t.is_word(k) {
            return None;
        }
        let (at, clitic) = if t.folded(k) == "و" { (k + 1, 0) } else { (k, 1) };
        if !self.continues(at) || (clitic == 1 && !t.folded(k).starts_with('و')) {
            return None;
        }
        self.fraction_at(at).filter(|h| h.dropped == clitic).map(|h| (h.value, h.end))
    }

    /// Digits after an article cut off by a dash or tatweel («ال - 100»، «الـ48»). The article
    /// makes the number definite, which Arabic reads as an ordinal («الدورة الـ15») unless it
    /// stands in a count: before a unit of time («ال - 48 ساعة»), after a hedge («قرابة ال -
    /// 100 شخص»), before a countable noun the data lists («الـ100 شخص»), or after a definite
    /// plural it counts («المعتقلين ال - 14»، «الساعات الـ24»).
    fn after_cut_article(
        &self,
        i: usize,
        j: usize,
        c: usize,
        n: Number,
        bound: Bound,
        dropped: Option<usize>,
    ) -> Option<(usize, Mention)> {
        let t = self.t;
        let start = if i == j { c } else { i };
        let dropped = dropped.unwrap_or(0);
        let k = n.end;
        let unit_of_time = self.continues(k)
            && self.ix.find(t, k, |l| matches!(l, Lex::Duration { .. }).then_some(())).is_some_and(|h| h.dropped == 0);
        // «تخطى ال - 220»: a verb of counting before the article.
        let framed = i == j && self.count_frame_before(c);
        let listed = self.continues(k) && self.listed_noun(k);
        if unit_of_time || listed || framed || bound != Bound::Exact {
            return self.after_number(start, dropped, n, bound);
        }
        if i != j || c == 0 || !self.continues(c) {
            return None;
        }
        let noun = c - 1;
        let (value, end) = (n.value, k);
        self.counted_before(noun, c, value, end)
    }

    /// A definite noun at `noun` counted by a definite cardinal ending before `end`:
    /// «المهاجمين الثلاثة» (figure), «الأشهر الستة» (duration). The span runs from `start`: the
    /// noun when the grammar stands on it, else the cut article («ال - 14»), since the noun may
    /// already be another mention's («5 مدنيين ال - 14»).
    fn counted_before(&self, noun: usize, start: usize, value: f64, end: usize) -> Option<(usize, Mention)> {
        let t = self.t;
        if !t.is_word(noun) || !(self.is_definite(noun) || self.is_possessed(noun)) {
            return None;
        }
        let time = self.ix.find(t, noun, |l| match l {
            Lex::Duration { unit, per, count: DurationCount::Plural | DurationCount::Vague } => Some((*unit, *per)),
            _ => None,
        });
        if let Some(h) = time {
            let (unit, per) = h.value;
            let span = self.span(start, if start == noun { self.clitics_before_article(noun) } else { 0 }, end - 1);
            let duration = Duration { amount: value * per as f64, unit, bound: Bound::Exact };
            return Some((end, Mention { span, kind: MentionKind::Duration(duration) }));
        }
        if t.is_digits(end - 1) && !self.sound_plural(noun) {
            return None;
        }
        if !self.counts(noun) {
            return None;
        }
        let drop = self.clitics_before_article(noun);
        let span = self.span(start, if start == noun { drop } else { 0 }, end - 1);
        let unit_start = t.tokens[noun].start + crate::text::offset_after_letters(t.original(noun), drop);
        let unit = t.text[unit_start..t.tokens[noun].end].to_string();
        let figure = Figure { value, unit: Some(unit), bound: Bound::Exact, upper: None };
        Some((end, Mention { span, kind: MentionKind::Figure(figure) }))
    }

    /// «للمهاجمين الثلاثة»، «المعتقلين الأربعة عشر»، «أعضائه الخمسة عشر»، «الأشهر الستة»:
    /// a definite noun and the definite cardinal after it.
    fn definite_count(&self, i: usize) -> Option<(usize, Mention)> {
        let t = self.t;
        // The number first: it is rarer than a definite word.
        if !t.is_word(i)
            || !self.continues(i + 1)
            || !t.folded(i + 1).starts_with("ال")
            || !self.ix.knows(i + 1)
            || !(self.is_definite(i) || self.is_possessed(i))
        {
            return None;
        }
        let time = self
            .ix
            .is(t, i, |l| matches!(l, Lex::Duration { count: DurationCount::Plural | DurationCount::Vague, .. }));
        let (value, end) = self.definite_cardinal(i + 1, time || self.sound_plural(i))?;
        self.counted_before(i, i, value, end)
    }

    /// A definite cardinal whose noun another mention already holds: in «ثمانية من أعضائه
    /// الخمسة عشر» the partitive takes «أعضائه», and «الخمسة عشر» still counts them.
    fn definite_cardinal_alone(&self, i: usize) -> Option<(usize, Mention)> {
        let t = self.t;
        if i == 0 || !t.folded(i).starts_with("ال") || !t.is_word(i) || t.breaks_before(i) {
            return None;
        }
        let noun = i - 1;
        if !t.is_word(noun) || !(self.is_definite(noun) || self.is_possessed(noun)) {
            return None;
        }
        let (value, end) = self.definite_cardinal(i, self.sound_plural(noun))?;
        if !self.counts(noun) {
            return None;
        }
        let drop = self.clitics_before_article(noun);
        let unit_start = t.tokens[noun].start + crate::text::offset_after_letters(t.original(noun), drop);
        let unit = t.text[unit_start..t.tokens[noun].end].to_string();
        let span = self.span(i, 0, end - 1);
        let figure = Figure { value, unit: Some(unit), bound: Bound::Exact, upper: None };
        Some((end, Mention { span, kind: MentionKind::Figure(figure) }))
    }

    /// Whether the word at `k` carries the article: «المعتقلين»، «للمهاجمين»، «والقتلى».
    fn is_definite(&self, k: usize) -> bool {
        let t = self.t;
        let f = t.folded(k);
        // Folded Arabic letters are two bytes each: at least two letters after the article. The
        // original, not the folded form, for «ال»: «آليات» folds to «اليات» but has none.
        (f.len() >= 8 && (t.original(k).starts_with("ال") || f.starts_with("لل")))
            || (f.len() >= 12 && ["وال", "بال", "فال", "كال"].iter().any(|p| f.starts_with(p)))
    }

    /// Whether the word at `k` ends in a possessive pronoun of the third person: «أعضائه»،
    /// «عناصرها»، «مقاتليهم» (the original letter ه, not a folded ة).
    fn is_possessed(&self, k: usize) -> bool {
        let o = self.t.original(k);
        o.len() >= 8 && ["ه", "ها", "هم", "هن", "هما"].iter().any(|s| o.ends_with(s))
    }

    /// A sound plural («المعتقلين»، «الطائرات»): the noun is a plural, so a definite number
    /// after it counts it.
    fn sound_plural(&self, k: usize) -> bool {
        let f = self.t.folded(k);
        f.len() >= 10 && (f.ends_with("ين") || f.ends_with("ون") || f.ends_with("ات"))
    }

    /// Letters of the conjunction and preposition before a word's article, which stay outside a
    /// span: «و» of «والمعتقلين», «ب» of «بالأشهر»; «لل» keeps all (its ل is the article's too).
    fn clitics_before_article(&self, k: usize) -> usize {
        let f = self.t.folded(k);
        let mut n = 0;
        let mut rest = f;
        if let Some(r) = rest.strip_prefix(['و', 'ف'])
            && (r.starts_with("ال") || r.starts_with("لل") || r.starts_with("بال") || r.starts_with("كال"))
        {
            n += 1;
            rest = r;
        }
        if let Some(r) = rest.strip_prefix(['ب', 'ك'])
            && r.starts_with("ال")
        {
            n += 1;
        }
        n
    }

    /// The digits an article or preposition cut off by a dash or tatweel (token `c`) stands
    /// before: «ال - 48»، «الـ15»، «ب - 60».
    fn cut_clitic_digits(&self, c: usize) -> Option<usize> {
        let t = self.t;
        if !t.is_word(c) || !words("cut-clitics").contains(&t.folded(c)) || !self.continues(c + 1) {
            return None;
        }
        if DASHES.iter().any(|&d| t.is_punct(c + 1, d)) && self.continues(c + 2) && t.is_digits(c + 2) {
            return Some(c + 2);
        }
        // «الـ15» (a tatweel holds the article to the digits); a bare «ال 15» is cut too, but a
        // bare «و 15» is just the conjunction.
        let article = t.folded(c).ends_with("ال") || t.folded(c).ends_with("لل");
        (t.is_digits(c + 1) && (article || t.original(c).ends_with('\u{0640}'))).then_some(c + 1)
    }

    /// The clitic cut off the digits at `j` («ال - 48»), and whether it holds the article.
    fn cut_clitic_before(&self, j: usize) -> Option<(usize, bool)> {
        let c = (1..=2).filter_map(|d| j.checked_sub(d)).find(|&c| self.cut_clitic_digits(c) == Some(j))?;
        let f = self.t.folded(c);
        Some((c, f.ends_with("ال") || f.ends_with("لل")))
    }

    fn after_number(&self, i: usize, dropped: usize, n: Number, mut bound: Bound) -> Option<(usize, Mention)> {
        let t = self.t;
        if n.vague && bound == Bound::Exact {
            bound = Bound::AtLeast;
        }
        let k = n.end;
        // A unit of time makes it a duration: «18 عاما»، «ثلاث سنوات»، «منذ ثلاثة أسابيع»;
        // «ستة عقود»، «ثلاثة قرون» (a plural that alone means some, after a number its count).
        if self.continues(k)
            && let Some(h) = self.ix.find(t, k, |l| match l {
                Lex::Duration {
                    unit,
                    per,
                    count: DurationCount::One | DurationCount::Plural | DurationCount::Vague,
                } => Some((*unit, *per)),
                _ => None,
            })
            && h.dropped == 0
        {
            let (unit, per) = h.value;
            let mut amount = n.value * per as f64;
            let mut end = h.end;
            if let Some((half, e)) = self.and_fraction(end) {
                amount += half * per as f64;
                end = e;
            }
            let (end, bound) = self.approx_after(end, bound);
            let span = self.span(i, dropped, end - 1);
            let duration = Duration { amount, unit, bound };
            return Some((end, Mention { span, kind: MentionKind::Duration(duration) }));
        }
        if n.fraction {
            return self.fraction_of(i, dropped, n, bound);
        }
        // «150 ألف متابع»: a page's counter, whatever the number looks like; in a sentence of
        // the story the noun is what it counts («ووصل عدد المشتركين المتضررين إلى 1.7 مليون
        // مشترك»).
        if self.continues(k)
            && matches!(LEXICON.beside_number(t.folded(k)), Some(Lex::PageCounter))
            && !self.in_prose(i)
        {
            return None;
        }
        let (unit, end, counted) = match self.unit_at(k, n.needs_definite_noun) {
            Some((unit, end)) => (unit, end, true),
            None if n.vague || n.needs_noun => return None,
            None => (None, k, false),
        };
        // Four digits that could be a year count something only with a noun the data lists:
        // «2015 قتيلا», not «2017 حجم الخط» or «الغزو الأمريكي 2003».
        if self.could_be_year(&n)
            && bound == Bound::Exact
            && !(unit.as_deref() == Some("%")
                || (unit.is_some() && n.value % 100.0 == 0.0)
                || (unit.is_some() && self.listed_noun(k)))
        {
            return None;
        }
        let (end, bound) = self.approx_after(end, bound);
        // A number with nothing counted after it is a figure only in a frame of counting.
        if !counted && bound == Bound::Exact && !n.scaled && !self.count_frame_before(i) {
            return None;
        }
        let span = self.span(i, dropped, end - 1);
        Some((end, Mention { span, kind: MentionKind::Figure(Figure { value: n.value, unit, bound, upper: None }) }))
    }

    /// A fraction alone: «ثلث السكان» (a third of them), «نصف ساعة» (a duration).
    fn fraction_of(&self, i: usize, dropped: usize, n: Number, bound: Bound) -> Option<(usize, Mention)> {
        let t = self.t;
        let k = n.end;
        if !self.continues(k) || !t.is_word(k) {
            return None;
        }
        if let Some(h) = self.ix.find(t, k, |l| match l {
            Lex::Duration { unit, per, count: DurationCount::One } => Some((*unit, *per)),
            _ => None,
        }) && (h.dropped == 0 || (h.dropped == 2 && self.is_definite(k)))
        {
            let (unit, per) = h.value;
            let span = self.span(i, dropped, h.end - 1);
            let duration = Duration { amount: n.value * per as f64, unit, bound };
            return Some((h.end, Mention { span, kind: MentionKind::Duration(duration) }));
        }
        let (Some(unit), end) = self.unit_at(k, true)? else {
            return None;
        };
        let span = self.span(i, dropped, end - 1);
        Some((
            end,
            Mention {
                span,
                kind: MentionKind::Figure(Figure { value: n.value, unit: Some(unit), bound, upper: None }),
            },
        ))
    }

    /// Whether token `i` stands in a line of prose, not a page's counter: more than seven words
    /// on its line (a counter stands alone or with a few words: «شوهد المقطع 1024 مشاهدة»،
    /// «تابعونا على تويتر 150 ألف متابع»). Looks at most eight words either way.
    fn in_prose(&self, i: usize) -> bool {
        let t = self.t;
        let mut n = 0;
        let mut j = i;
        while j > 0 && !t.breaks_before(j) && n < 8 {
            j -= 1;
            n += usize::from(t.is_word(j));
        }
        let mut j = i + 1;
        while j < t.len() && !t.breaks_before(j) && n < 8 {
            n += usize::from(t.is_word(j));
            j += 1;
        }
        n >= 8
    }

    /// Whether the words before a number at `i` make it a count with the noun left to the
    /// clause: «بلغ 25»، «عددهم 450»، «ارتفع عدد القتلى إلى 30» (`data/count_frames.tsv`).
    fn count_frame_before(&self, i: usize) -> bool {
        let t = self.t;
        if i == 0 || t.breaks_before(i) || !t.is_word(i - 1) {
            return false;
        }
        // Through a conjunction or «ل»: «وبلغ»، «ليصل».
        let frame = |k: usize, to: bool| {
            crate::text::clitic_readings(t.folded(k), |w, _, article| {
                !article && matches!(LEXICON.beside_number(w), Some(Lex::CountFrame { to: x }) if x == to)
            })
        };
        // The frame may stand before the counted thing's name: «بلغ عدد القتلى 25»، «بلغت
        // حصيلة الضحايا 45»، «عددهم 450».
        let mut k = i - 1;
        for _ in 0..3 {
            if frame(k, false) {
                return true;
            }
            let named = (self.is_definite(k) || self.is_possessed(k))
                && !self.ix.is(t, k, |l| l.is_date_or_number_word() || matches!(l, Lex::FunctionWord));
            if !named || k == 0 || t.breaks_before(k) || !t.is_word(k - 1) {
                break;
            }
            k -= 1;
        }
        if !matches!(t.folded(i - 1), "الي" | "حتي") {
            return false;
        }
        // The verb opens the clause, its subject between it and «إلى»: «ارتفع عدد القتلى في
        // المدينة إلى 30».
        let mut k = i - 1;
        for _ in 0..6 {
            if k == 0 || t.breaks_before(k) || !t.is_word(k - 1) {
                return false;
            }
            k -= 1;
            if frame(k, true) {
                return true;
            }
        }
        false
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

    /// «%»، «٪» or a word of per cent («في المئة»، «بالمائة») at `k`, on the line: where it ends.
    pub(crate) fn per_cent(&self, k: usize) -> Option<usize> {
        let t = self.t;
        if !self.continues(k) {
            return None;
        }
        if t.is_punct(k, '%') || t.is_punct(k, '٪') {
            return Some(k + 1);
        }
        self.lex(k, |l| matches!(l, Lex::Percent)).filter(|h| t.is_word(k) && h.dropped == 0).map(|h| h.end)
    }

    /// What a number at `k` counts: a noun («جندي»، «قتيلا») and the token after it; «%» for
    /// per cent; the noun after a partitive «من» («3 من المسلحين»، «ثمانية من أعضائه»), or no
    /// noun but a count all the same after a partitive pronoun or demonstrative («399 منهم»،
    /// «13 من هؤلاء»). A cardinal counts an indefinite noun; the nouns «عشرات»، «آلاف»
    /// (`definite`) count a definite one («عشرات القتلى»). Function words, date words and verbs
    /// the data knows count nothing.
    fn unit_at(&self, k: usize, definite: bool) -> Option<(Option<String>, usize)> {
        let t = self.t;
        if let Some(end) = self.per_cent(k) {
            return Some((Some("%".into()), end));
        }
        if !self.continues(k) || !t.is_word(k) {
            return None;
        }
        // «855 مليون م3»، «120 م²»: a metre's or a kilometre's abbreviation with its power.
        if matches!(t.folded(k), "م" | "كم")
            && t.power_after(k)
            && !(t.touching(k + 1) && matches!(t.kind(k + 2), Some(TokenKind::Word | TokenKind::Digits)))
        {
            let unit = &t.text[t.tokens[k].start..t.tokens[k + 1].end];
            return Some((Some(unit.to_string()), k + 2));
        }
        match t.folded(k) {
            "من" => {
                let n = k + 1;
                if !(self.continues(n) && t.is_word(n)) {
                    return None;
                }
                if matches!(t.folded(n), "هولاء" | "هذه" | "هذا" | "هذين" | "هاتين" | "اولئك")
                {
                    return Some((None, k));
                }
                let time = self.ix.is(t, n, |l| matches!(l, Lex::Period { .. } | Lex::Duration { .. }));
                // «من سكان القرية»: made definite by the noun it is annexed to.
                let annexed = self.continues(n + 1) && t.is_word(n + 1) && self.is_definite(n + 1);
                return ((self.is_definite(n) || self.is_possessed(n) || annexed) && !time && self.counts(n))
                    .then(|| (Some(t.original(n).to_string()), n + 1));
            }
            // «399 منهم»، «2200 بينهم 400 مقاتل»: of them, among them.
            "منهم" | "منها" | "منهن" | "منهما" | "بينهم" | "بينها" | "بينهن" | "ضمنهم" | "ضمنها" =>
            {
                return Some((None, k));
            }
            // «وأصيب 500 آخرين»: "others" stands for the noun the clause counts.
            "اخرين" | "اخرون" | "اخري" | "اخريات" => {
                return Some((Some(t.original(k).to_string()), k + 1));
            }
            _ => {}
        }
        // «عشرات القتلى»; «مئات مقاطع الفيديو»: a noun made definite by the one it is annexed to.
        let annexed = definite
            && !self.is_definite(k)
            && self.continues(k + 1)
            && t.is_word(k + 1)
            && self.is_definite(k + 1)
            && self.counts(k + 1);
        if (self.is_definite(k) != definite && !annexed) || !self.counts(k) || self.coordinates(k) {
            return None;
        }
        // «10 مشاركة»، «1024 مشاهدة»: a page's counters count its readers, not the news; «بركان
        // 2 إتش»: a letter of a model name.
        if (matches!(LEXICON.beside_number(t.folded(k)), Some(Lex::PageCounter)) && !self.in_prose(k))
            || (t.folded(k).len() <= 6 && self.designator(k))
        {
            return None;
        }
        // «120 مترا مربعا»، «800 كلم مربع»، «50 ألف متر مكعب»: a length squared or cubed is an
        // area or a volume, not the length.
        if self.continues(k + 1)
            && crate::lexicon::words("squared-cubed").contains(&t.folded(k + 1))
            && crate::lexicon::words("length-units").contains(&t.folded(k))
        {
            return Some((Some(t.text[t.tokens[k].start..t.tokens[k + 1].end].to_string()), k + 2));
        }
        Some((Some(t.original(k).to_string()), k + 1))
    }

    /// Whether the word at `k` opens a coordinated clause or name rather than being a counted
    /// noun: «قتل 3 وأصيب 5» (a verb the data knows after «و»), «فرانس 24 وعربي 21» (another
    /// name and its number). Nouns whose first letter is و («30 وفاة»، «5 وزراء») still count.
    fn coordinates(&self, k: usize) -> bool {
        let t = self.t;
        if !t.folded(k).starts_with('و') {
            return false;
        }
        let other = |l: &Lex| matches!(l, Lex::FunctionWord | Lex::Approx { .. }) || l.is_date_or_number_word();
        let rest = t.folded(k).strip_prefix('و').unwrap_or_default();
        self.ix.find(t, k, |l| other(l).then_some(())).is_some_and(|h| h.dropped == 1)
            || matches!(LEXICON.beside_number(rest), Some(Lex::CountFrame { .. }))
            || (self.continues(k + 1) && t.is_digits(k + 1))
    }

    /// Whether the word at `k` names what the number after it is the number of
    /// (`data/designators.txt`): «القرار»، «بالقرار»، «رقم»، «بي», or a letter of a model name.
    fn designator(&self, k: usize) -> bool {
        // «المرسوم عدد 54»، «الرحلة عدد 417»: «عدد» (No.) after a noun that takes a number.
        if self.t.folded(k) == "عدد" && k > 0 && !self.t.breaks_before(k) && self.t.is_word(k - 1) {
            return self.designator(k - 1);
        }
        !self.restatement(k)
            && crate::text::clitic_readings(self.t.folded(k), |w, _, _| {
                matches!(LEXICON.beside_number(w), Some(Lex::Designator))
            })
    }

    /// Whether the word at `k` is «أي» ("that is"), which restates what came before in other
    /// terms («قتل، أي 25 جنديا»، «أي 2.5 مليون دولار»), not the name of a letter in a model's
    /// name («آي»، «إي»), which folds to the same letters. The particle is written with the
    /// hamza above («أي»، «أى»، «وأي»), which a letter's name never is; bare («اي»), it is the
    /// particle after a comma or a stop, or before a number of something («اي 25 جنديا»).
    fn restatement(&self, k: usize) -> bool {
        let t = self.t;
        // Asked of every word a number stands beside: only these fold to «اي».
        if !matches!(t.folded(k), "اي" | "واي" | "فاي") {
            return false;
        }
        let written: String = t.original(k).chars().filter(|&c| !crate::text::is_arabic_mark(c) && c != 'ـ').collect();
        let word = written.strip_prefix(['و', 'ف']).filter(|rest| rest.starts_with('أ')).unwrap_or(&written);
        match word {
            "أي" | "أى" => true,
            "اي" | "اى" => {
                let after_stop = k > 0 && [',', '،', '.', ':', '؛', ';'].iter().any(|&c| t.is_punct(k - 1, c));
                // «اي 3 ملايين دولار»، «اي 25 جنديا»: a number that counts something.
                let counts = k + 2 < t.len()
                    && t.is_digits(k + 1)
                    && (self.counted_noun_after(k + 2)
                        || self
                            .ix
                            .find(t, k + 2, |l| l.is_date_or_number_word().then_some(()))
                            .is_some_and(|h| h.dropped == 0));
                after_stop || counts
            }
            _ => false,
        }
    }

    /// Four plain digits from 1900 to 2100, or a Hijri year of the same years (1380–1480, which
    /// Gulf copy writes without «هـ»: «خطة حج 1446 جاهزة»): a number that could be a year.
    fn could_be_year(&self, n: &Number) -> bool {
        n.plain_digits
            && self.t.folded(n.end - 1).len() == 4
            && ((1900.0..=2100.0).contains(&n.value) || (1380.0..=1480.0).contains(&n.value))
    }

    /// Whether the word at `k`, as written, is a countable noun `data/nouns.tsv` lists
    /// («شخص»، «قتيلا»).
    pub(super) fn listed_noun(&self, k: usize) -> bool {
        matches!(LEXICON.beside_number(self.t.folded(k)), Some(Lex::Counted))
    }

    /// Whether an indefinite counted noun stands at `k` («21 قتيلا»), not a letter of a model
    /// name («22 إم»).
    fn counted_noun_after(&self, k: usize) -> bool {
        self.continues(k) && self.t.is_word(k) && !self.is_definite(k) && self.counts(k) && !self.designator(k)
    }

    /// Whether the word at `k` can be what a number counts.
    fn counts(&self, k: usize) -> bool {
        let t = self.t;
        // A clitic standing alone («الـ»، «ب -») belongs to what follows it.
        if words("cut-clitics").contains(&t.folded(k)) {
            return false;
        }
        // A function word, also after «و» or «ف» («وفي»); «كلم» (kilometre) is not «ك» + «لم».
        if let Some(h) = self.ix.find(t, k, |l| matches!(l, Lex::FunctionWord).then_some(()))
            && t.folded(k).chars().take(h.dropped).all(|c| c == 'و' || c == 'ف')
        {
            return false;
        }
        // Units of time are counted too («يوم واحد»); they make a duration, not a figure.
        let owned = |l: &Lex| l.is_date_or_number_word() && !matches!(l, Lex::Duration { .. } | Lex::Period { .. });
        self.ix.find(t, k, |l| owned(l).then_some(())).is_none_or(|h| h.dropped > 0)
    }

    /// Whether digits at `j` count something, rather than name it («K-1»، «كوفيد – 19»،
    /// «القرار 2254»، «بي 52»), tell the time («10:30»، «10 : 15»، «الساعة 5»), stand in a date
    /// («5 / 12 / 2017») or a telephone number («( 514 ) 636 - 4004»).
    fn digits_count_something(&self, j: usize, n: &Number) -> bool {
        let t = self.t;
        if j > 0 && !t.breaks_before(j) && !self.leading_point(j) {
            let p = j - 1;
            let prev_is = |c: &[char]| c.iter().any(|&c| t.is_punct(p, c));
            if t.kind(p) == Some(TokenKind::Latin) && t.touching(p) {
                return false;
            }
            let cut = self.cut_clitic_before(j).is_some();
            // A dash between a name and a number: «K-1»، «إف-16»، «كوفيد – 19» (not «3-4», nor
            // a clitic cut off by the dash: «ب - 60 مرة»). A spaced dash before a count is a
            // dateline's or a headline's: «بيروت - 21 قتيلا»; one written on the word before it
            // and apart from the number closes an aside: «-التي يرتقب أن تكون الأكبر في أفريقيا-
            // 300 مليون».
            if !cut
                && prev_is(&DASHES)
                && p > 0
                && matches!(t.kind(p - 1), Some(TokenKind::Word | TokenKind::Latin))
                && !(!t.touching(p) && t.touching(p - 1) && self.aside_opened(p))
                && !(!t.touching(p) && !t.touching(p - 1) && self.counted_noun_after(n.end))
            {
                return false;
            }
            // The tail of «10:30», «3/4» or a longer digit group; spaced: «10 : 30»، «5 / 12»،
            // «636 - 4004» (a range is read from its first number, never from here).
            if t.kind(p) == Some(TokenKind::Punct) && p > 0 && t.is_digits(p - 1) {
                let touching = t.touching(p) && t.touching(p - 1);
                // A spaced comma or point joins only short groups («12 , 350»): after a year a
                // new number begins («في 2017 , 150 عاملا»).
                let short = t.folded(p - 1).len() <= 3;
                let spaced = !t.touching(p)
                    && !t.touching(p - 1)
                    && (prev_is(&[':', '/', '-', '–']) || (short && prev_is(&['.', ',', '٫', '٬'])));
                // «الدقيقة 90 + 3»، «90+3»: a sum, the minute of added time.
                if touching || spaced || prev_is(&['+']) {
                    return false;
                }
            }
            // «( 514 ) 636 - 4004»: an area code in brackets; «+961».
            if prev_is(&[')']) && p >= 2 && t.is_digits(p - 1) && t.is_punct(p - 2, '(') {
                return false;
            }
            if prev_is(&['+']) && t.touching(p) {
                return false;
            }
            if !cut && t.is_word(p) && self.designator(p) {
                return false;
            }
        }
        self.digits_end_here(n)
    }

    /// The hedge a verb of exceeding puts on a number from before the count noun and what it
    /// counts: «ويتجاوز عدد سكان مصر 107 ملايين نسمة»، «لم يتجاوز عدد القتلى 20» (`عدد` and at
    /// most three words between it and the number at `i`).
    fn hedge_before_count_noun(&self, i: usize) -> Option<Bound> {
        let t = self.t;
        let c = self.words_before(i, 5).find(|&c| t.folded(c).trim_start_matches(['و', 'ف']) == "عدد")?;
        if c + 1 == i {
            return None;
        }
        // The longest hedge ending at «عدد»: «لم يتجاوز» before «يتجاوز».
        (c.saturating_sub(3)..c).filter(|&s| (s + 1..=c).all(|x| !t.breaks_before(x))).find_map(|s| {
            self.ix
                .find(t, s, |l| match l {
                    Lex::Approx { bound, after: false } if *bound != Bound::About => Some(*bound),
                    _ => None,
                })
                .filter(|h| h.end == c)
                .map(|h| h.value)
        })
    }

    /// Whether a verb before the hedge at `i` is negated: «لن تصمد أكثر من عشرة أيام»، «لا يكفي
    /// لأكثر من أسبوع»، «لم يتجاوز عددهم أكثر من 20» (more than, denied: at most). Not «لا يزال»
    /// (still).
    fn negated_before(&self, i: usize) -> bool {
        let t = self.t;
        self.words_before(i, 4)
            .find(|&k| matches!(t.folded(k).trim_start_matches(['و', 'ف']), "لا" | "لم" | "لن" | "ليس" | "ليست"))
            .is_some_and(|k| !matches!(t.folded(k + 1), "يزال" | "تزال" | "يزالون" | "يزل" | "تزل" | "سيما"))
    }

    /// The words right before token `i` on its line, nearest first, at most `n` of them, up to
    /// the first token that is not a word.
    fn words_before(&self, i: usize, n: usize) -> impl Iterator<Item = usize> + '_ {
        let t = self.t;
        (i.saturating_sub(n)..i).rev().take_while(move |&k| !t.breaks_before(k + 1) && t.is_word(k))
    }

    /// Whether the dash at `close` ends an aside another dash opened earlier in its line: «-التي
    /// … أفريقيا- 300» (the opening one apart from the word before it, written on the next).
    fn aside_opened(&self, close: usize) -> bool {
        let t = self.t;
        let mut k = close;
        while k > 0 && close - k < 40 && !t.breaks_before(k) {
            k -= 1;
            if DASHES.iter().any(|&c| t.is_punct(k, c)) {
                return t.touching(k) && !(k > 0 && t.touching(k - 1));
            }
        }
        false
    }

    /// Whether a digit number stops where it was read: not «10:30», «3/4», «10 : 15», «5G»,
    /// «الساعة 5».
    fn digits_end_here(&self, n: &Number) -> bool {
        let t = self.t;
        let e = n.end;
        if t.touching(e - 1) && t.kind(e) == Some(TokenKind::Latin) {
            return false;
        }
        if !self.digits_stop(e) {
            return false;
        }
        // «م» of «م3» is a metre, not «مساءً».
        let power = t.folded(e).chars().count() == 1 && t.power_after(e);
        !(self.continues(e)
            && !power
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
        // «ستة فاصل اثنين»: the decimal point said in words, no noun counted.
        if matches!(t.folded(i), "فاصل" | "فاصله") {
            return None;
        }
        // «لمدة واحد وعشرين يوما»: «واحد» opens a compound number, read from it.
        if self.continuation(k + 1).is_some_and(|(w, joined)| joined && w.class == NumClass::Tens) {
            return None;
        }
        // «ما نسبته اثنان في المئة»: the number is a percentage, read from it.
        if self.per_cent(k + 1).is_some() {
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
