//! Dates: day–month–year in every month tradition, paired forms, Hijri dates, numeric dates,
//! years in date context, and relative dates.
//!
//! ```text
//! date    := [part] ["يوم"] [weekday ["،"] ["الموافق"]] core
//! core    := numeric | day ["من"] month-group [year] | ["شهر"] month-group [year | modifier [year]]
//!          | period (year | modifier [year]) | "هذا" period | deictic ["(" weekday ")"] | year
//! month-group := month [("/" | "-" | "(") month [")"]]
//! year    := digits [era] [("-" | "الموافق" | "(") core-in-the-other-calendar]
//! ```

use super::{DateMention, Grammar, Mention, MentionKind, Paired, Relative, Span};
use crate::calendar::{DateValue, hijri_to_gregorian, is_valid, is_valid_without_year};
use crate::lexicon::{Calendar, Lex, Part, PeriodUnit};

/// What the core of a date yielded.
struct Core {
    end: usize,
    calendar: Calendar,
    written: DateValue,
    relative: Option<Relative>,
    weekday: Option<u8>,
    paired: Option<Box<Paired>>,
    month_span: Option<Span>,
    dropped: usize,
}

impl Core {
    fn new(end: usize, calendar: Calendar, written: DateValue, dropped: usize) -> Self {
        Core { end, calendar, written, relative: None, weekday: None, paired: None, month_span: None, dropped }
    }
}

impl Grammar<'_, '_> {
    pub fn date(&self, i: usize) -> Option<(usize, Mention)> {
        let t = self.t;
        if !(t.is_word(i) || t.is_digits(i)) {
            return None;
        }
        let mut j = i;
        let mut dropped = None;
        let mut part = None;
        let mut context = self.context_before(i);
        // «نهاية»، «يوم» and «شهر» head a date without the article: «اليوم» is "today", not «يوم».
        if let Some(h) = self.ix.find_indefinite(t, j, |l| if let Lex::Part(p) = l { Some(*p) } else { None }) {
            part = Some(h.value);
            dropped.get_or_insert(h.dropped);
            j = h.end;
            context = true;
        }
        let mut day_noun = false;
        if self.continues(j)
            && let Some(h) = self.lex_indefinite(j, |l| matches!(l, Lex::DayNoun))
        {
            dropped.get_or_insert(h.dropped);
            j = h.end;
            day_noun = true;
        }
        let mut weekday = None;
        let mut weekday_end = j;
        if self.continues(j)
            && let Some(h) = self.ix.find(t, j, |l| if let Lex::Weekday(w) = l { Some(*w) } else { None })
        {
            weekday = Some(h.value);
            dropped.get_or_insert(h.dropped);
            weekday_end = h.end;
            j = h.end;
            if self.continues(j) && (t.is_punct(j, '،') || t.is_punct(j, ',')) {
                j += 1;
            }
            if self.continues(j)
                && let Some(h) = self.lex(j, |l| matches!(l, Lex::SameAs))
            {
                j = h.end;
            }
        }
        let core = if j < t.len() && (j == i || self.continues(j)) {
            self.core(j, context || day_noun || weekday.is_some())
        } else {
            None
        };
        let core = match core {
            Some(mut c) => {
                if j == i {
                    dropped = Some(c.dropped);
                }
                c.weekday = c.weekday.or(weekday);
                c
            }
            None => {
                let w = weekday?;
                self.lone_weekday(i, weekday_end, w, day_noun)?
            }
        };
        Some(self.finish(i, dropped.unwrap_or(0), part, core))
    }

    fn finish(&self, i: usize, dropped: usize, part: Option<Part>, core: Core) -> (usize, Mention) {
        let (value, invalid) = gregorian_value(core.calendar, core.written);
        // A relative date without a written year has no value until it is resolved against the
        // publication date: «26 جويلية الماضي» is not «--07-26».
        let value = if core.relative.is_some() && core.written.year.is_none() { None } else { value };
        let date = DateMention {
            calendar: core.calendar,
            written: core.written,
            relative: core.relative,
            weekday: core.weekday,
            part,
            month_span: core.month_span,
            paired: core.paired,
            value,
            invalid,
        };
        let span = self.span(i, dropped, core.end - 1);
        (core.end, Mention { span, kind: MentionKind::Date(date) })
    }

    /// A weekday with nothing after it that makes a date: «قالت الحكومة، الأحد، إن…»،
    /// «الخميس الماضي». «الاثنين» is also "the two", so alone it needs «يوم», a direction, or
    /// punctuation beside it.
    fn lone_weekday(&self, i: usize, end: usize, weekday: u8, day_noun: bool) -> Option<Core> {
        let t = self.t;
        let mut core = Core::new(end, Calendar::Gregorian, DateValue::default(), 0);
        core.weekday = Some(weekday);
        let mut direction = 0;
        if self.continues(end)
            && let Some(h) = self.modifier(end)
        {
            direction = h.0.signum();
            core.end = h.1;
        }
        if weekday == 1 && !day_noun && direction == 0 {
            let punct_before = i > 0 && t.kind(i - 1) == Some(crate::text::TokenKind::Punct);
            let punct_after = t.kind(end) == Some(crate::text::TokenKind::Punct);
            if !(punct_before || punct_after || t.breaks_before(i)) {
                return None;
            }
        }
        core.relative = Some(Relative::Weekday(direction));
        Some(core)
    }

    /// The core of a date at `j`. `context` says whether a date word stands before it (في،
    /// منذ، يوم، a weekday…), which a bare month name or year needs.
    fn core(&self, j: usize, context: bool) -> Option<Core> {
        let t = self.t;
        if t.is_digits(j) {
            if let Some(c) = self.numeric(j) {
                return Some(c);
            }
            if let Some(day) = self.day_digits(j)
                && let Some(c) = self.after_day(j + 1, day, 0)
            {
                return Some(c);
            }
            return self.bare_year(j, context);
        }
        if let Some(h) = self.ix.find(t, j, |l| if let Lex::DayOrdinal(d) = l { Some(*d) } else { None })
            && let Some(c) = self.after_day(h.end, h.value, h.dropped)
        {
            return Some(c);
        }
        let mut k = j;
        let mut dropped = None;
        let mut month_noun = false;
        if let Some(h) = self.lex_indefinite(j, |l| matches!(l, Lex::MonthNoun)) {
            dropped = Some(h.dropped);
            k = h.end;
            month_noun = true;
        }
        if self.continues(k)
            && let Some(c) = self.month_group(k, None, context || month_noun)
        {
            let mut c = c;
            c.dropped = dropped.unwrap_or(c.dropped);
            return Some(c);
        }
        if month_noun {
            return None;
        }
        if let Some(c) = self.period(j) {
            return Some(c);
        }
        self.deictic(j)
    }

    /// After a day (digits or ordinal word) at `k`: «من»? then a month group.
    fn after_day(&self, mut k: usize, day: u8, dropped: usize) -> Option<Core> {
        if !self.continues(k) {
            return None;
        }
        if self.t.is_word(k) && self.t.folded(k) == "من" {
            k += 1;
        }
        if !self.continues(k) {
            return None;
        }
        let mut c = self.month_group(k, Some(day), true)?;
        c.dropped = dropped;
        Some(c)
    }

    /// A month name (with its pair), then a year, a direction, or nothing.
    fn month_group(&self, k: usize, day: Option<u8>, context: bool) -> Option<Core> {
        let t = self.t;
        let (calendar, month, dropped, mut end) = self.month(k)?;
        let month_end = end;
        let mut written = DateValue { month: Some(month), day, ..Default::default() };
        let mut paired_span = None;
        let mut paired_month = None;
        // «ديسمبر/كانون الأول»، «تموز (يوليو)»، «كانون الأول - ديسمبر»
        if calendar == Calendar::Gregorian
            && self.continues(end)
            && (t.is_punct(end, '/') || t.is_punct(end, '(') || t.is_punct(end, '-') || t.is_punct(end, '\\'))
            && self.continues(end + 1)
            && let Some((Calendar::Gregorian, m2, 0, e2)) = self.month(end + 1)
        {
            let mut pair_end = e2;
            if t.is_punct(end, '(') {
                if !t.is_punct(e2, ')') {
                    return None;
                }
                pair_end = e2 + 1;
            }
            paired_span = Some(Span::new(t.tokens[end + 1].start, t.tokens[e2 - 1].end));
            paired_month = Some(m2);
            end = pair_end;
        }
        let mut relative = None;
        if let Some((year, e, _)) = self.year_after(end, calendar) {
            written.year = Some(year);
            end = e;
        } else if let Some((dir, e)) = self.modifier(end) {
            relative = Some(Relative::NamedMonth(dir.signum()));
            end = e;
            if let Some((year, e, _)) = self.year_after(end, calendar) {
                written.year = Some(year);
                end = e;
            }
        }
        let bare = written.year.is_none() && day.is_none() && relative.is_none() && paired_month.is_none();
        if bare && !context {
            return None;
        }
        // A Hijri month name is also a word («صفر» zero) or a given name («رمضان»): only a day,
        // a year or an era makes it a date.
        if calendar == Calendar::Hijri && written.year.is_none() && day.is_none() {
            return None;
        }
        let mut core = Core::new(end, calendar, written, dropped);
        core.relative = relative;
        core.month_span = Some(Span::new(
            t.tokens[k].start + crate::text::offset_after_letters(t.original(k), dropped),
            t.tokens[month_end - 1].end,
        ));
        if let (Some(span), Some(m2)) = (paired_span, paired_month) {
            let pw = DateValue { month: Some(m2), ..written };
            let (value, invalid) = gregorian_value(Calendar::Gregorian, pw);
            core.paired = Some(Box::new(Paired { span, calendar: Calendar::Gregorian, written: pw, value, invalid }));
        } else if written.year.is_some() && day.is_some() {
            core.paired = self.equivalent(&mut core.end, calendar);
        }
        Some(core)
    }

    /// A stated equivalent in the other calendar after a full date:
    /// «24 صفر 1439 هـ - 13 نوفمبر 2017 م»، «… الموافق 27 أبريل 2021»، «… (27 أبريل 2021)».
    fn equivalent(&self, end: &mut usize, calendar: Calendar) -> Option<Box<Paired>> {
        let t = self.t;
        let mut k = *end;
        if !self.continues(k) {
            return None;
        }
        let paren = t.is_punct(k, '(');
        if paren || t.is_punct(k, '-') || t.is_punct(k, '–') || t.is_punct(k, '/') || t.is_punct(k, '،') {
            k += 1;
        }
        if self.continues(k)
            && let Some(h) = self.lex(k, |l| matches!(l, Lex::SameAs))
        {
            k = h.end;
        }
        if k == *end || !self.continues(k) {
            return None;
        }
        let day = if t.is_digits(k) {
            self.day_digits(k).map(|d| (d, k + 1))
        } else {
            self.ix.find(t, k, |l| if let Lex::DayOrdinal(d) = l { Some(*d) } else { None }).map(|h| (h.value, h.end))
        };
        let (day, mut m) = day?;
        if self.continues(m) && t.is_word(m) && t.folded(m) == "من" {
            m += 1;
        }
        let (cal2, month, _, e) = self.month(m)?;
        let (year, mut e, _) = self.year_after(e, cal2)?;
        if cal2 == calendar {
            return None;
        }
        let span = Span::new(t.tokens[k].start, t.tokens[e - 1].end);
        if paren {
            if !t.is_punct(e, ')') {
                return None;
            }
            e += 1;
        }
        let written = DateValue::ymd(year, month, day);
        let (value, invalid) = gregorian_value(cal2, written);
        *end = e;
        Some(Box::new(Paired { span, calendar: cal2, written, value, invalid }))
    }

    /// A month name at `k`: its calendar, number, clitic letters dropped, and end.
    fn month(&self, k: usize) -> Option<(Calendar, u8, usize, usize)> {
        let h = self.ix.find(self.t, k, |l| match l {
            Lex::Month(m) => Some((Calendar::Gregorian, *m)),
            Lex::HijriMonth(m) => Some((Calendar::Hijri, *m)),
            _ => None,
        })?;
        Some((h.value.0, h.value.1, h.dropped, h.end))
    }

    /// A year after a month: four digits, or fewer with an era marker; then the era marker.
    fn year_after(&self, k: usize, calendar: Calendar) -> Option<(i32, usize, Option<Calendar>)> {
        let t = self.t;
        if !self.continues(k) || !t.is_digits(k) || self.part_of_bigger_number(k) {
            return None;
        }
        let digits = t.folded(k);
        if digits.len() > 4 {
            return None;
        }
        let year: i32 = digits.parse().ok()?;
        let era = self.era(k + 1);
        let plausible = match calendar {
            Calendar::Gregorian => (1000..=2199).contains(&year),
            Calendar::Hijri => (1300..=1600).contains(&year),
        };
        if era.is_none() && (digits.len() != 4 || !plausible) {
            return None;
        }
        let end = era.map_or(k + 1, |e| e.1);
        Some((year, end, era.map(|e| e.0)))
    }

    fn era(&self, k: usize) -> Option<(Calendar, usize)> {
        if !self.continues(k) {
            return None;
        }
        let h = self.ix.find(self.t, k, |l| if let Lex::Era(c) = l { Some(*c) } else { None })?;
        let single_letter = self.t.folded(k).chars().count() == 1;
        (h.dropped == 0 && (!single_letter || !self.t.is_word(k + 1) || !self.t.touching(k)))
            .then_some((h.value, h.end))
    }

    /// A day of the month in digits: 1–31, at most two digits.
    fn day_digits(&self, k: usize) -> Option<u8> {
        let d = self.t.folded(k);
        if d.len() > 2 || self.part_of_bigger_number(k) {
            return None;
        }
        d.parse().ok().filter(|d| (1..=31).contains(d))
    }

    /// Whether digits at `k` sit inside «3,000» or «1.5» (a figure, not a day or year).
    fn part_of_bigger_number(&self, k: usize) -> bool {
        let t = self.t;
        let sep = |i: usize| ['.', ',', '٫', '٬', ':'].iter().any(|&c| t.is_punct(i, c));
        let after = t.touching(k) && sep(k + 1) && t.touching(k + 1) && t.is_digits(k + 2);
        let before = k >= 2 && t.touching(k - 1) && sep(k - 1) && t.touching(k - 2) && t.is_digits(k - 2);
        after || before
    }

    /// «31/12/2021»، «2021-12-31»، «31.12.2021», in any digits.
    fn numeric(&self, j: usize) -> Option<Core> {
        let t = self.t;
        let sep = t.folded(j + 1).chars().next()?;
        let shaped = ['/', '-', '.', '\\'].contains(&sep)
            && t.kind(j + 1) == Some(crate::text::TokenKind::Punct)
            && (j..j + 4).all(|k| t.touching(k))
            && t.is_digits(j + 2)
            && t.is_punct(j + 3, sep)
            && t.is_digits(j + 4);
        if !shaped {
            return None;
        }
        // «10.0.0.1» is not a date.
        if t.touching(j + 4) && t.is_punct(j + 5, sep) {
            return None;
        }
        let (a, b, c) = (t.folded(j), t.folded(j + 2), t.folded(j + 4));
        let (y, m, d) = if a.len() == 4 && b.len() <= 2 && c.len() <= 2 {
            (a, b, c)
        } else if a.len() <= 2 && b.len() <= 2 && c.len() == 4 {
            (c, b, a)
        } else {
            return None;
        };
        let written = DateValue { year: y.parse().ok(), month: m.parse().ok(), day: d.parse().ok(), week: None };
        Some(Core::new(j + 5, Calendar::Gregorian, written, 0))
    }

    /// A year standing alone: «في 2014»، «منذ 2014»، «2011م»، «1442 هـ».
    fn bare_year(&self, j: usize, context: bool) -> Option<Core> {
        let t = self.t;
        let digits = t.folded(j);
        if digits.len() > 4 || self.part_of_bigger_number(j) {
            return None;
        }
        let year: i32 = digits.parse().ok()?;
        let era = self.era(j + 1);
        let (calendar, ok) = match era {
            Some((Calendar::Hijri, _)) => (Calendar::Hijri, year >= 1),
            Some((Calendar::Gregorian, _)) => (Calendar::Gregorian, year >= 1),
            None => (Calendar::Gregorian, context && digits.len() == 4 && (1900..=2100).contains(&year)),
        };
        if !ok {
            return None;
        }
        let end = era.map_or(j + 1, |e| e.1);
        Some(Core::new(end, calendar, DateValue::y(year), 0))
    }

    /// «العام 2011»، «عام 2003»، «العام الماضي»، «العام الجاري 2021»، «هذا العام»، «الشهر المقبل».
    fn period(&self, j: usize) -> Option<Core> {
        let t = self.t;
        let mut k = j;
        let mut dropped = None;
        let mut this = false;
        if let Some(h) = self.lex(j, |l| matches!(l, Lex::This)) {
            dropped = Some(h.dropped);
            k = h.end;
            this = true;
            if !self.continues(k) {
                return None;
            }
        }
        let h = self.ix.find(t, k, |l| if let Lex::Period { unit, bare } = l { Some((*unit, *bare)) } else { None })?;
        let (unit, bare) = h.value;
        let dropped = dropped.unwrap_or(h.dropped);
        let mut end = h.end;
        let mut relative = None;
        if this && !bare {
            relative = Some(Relative::Period(unit, 0));
        } else if this {
            return None;
        } else if !bare && let Some((dir, e)) = self.modifier(end) {
            relative = Some(Relative::Period(unit, dir));
            end = e;
        }
        let mut written = DateValue::default();
        let mut calendar = Calendar::Gregorian;
        if unit == PeriodUnit::Year && self.continues(end) && t.is_digits(end) {
            let digits = t.folded(end);
            let era = self.era(end + 1);
            if let Ok(year) = digits.parse::<i32>()
                && digits.len() <= 4
                && !self.part_of_bigger_number(end)
                && (era.is_some() || (digits.len() >= 3 && year >= 600))
            {
                written.year = Some(year);
                if let Some((c, e)) = era {
                    calendar = c;
                    end = e;
                } else {
                    end += 1;
                }
            }
        }
        if relative.is_none() && written.year.is_none() {
            return None;
        }
        let mut core = Core::new(end, calendar, written, dropped);
        core.relative = relative;
        Some(core)
    }

    /// «اليوم»، «أمس»، «غدا»، «أول أمس»; «اليوم (الخميس)» keeps the weekday, and
    /// «اليوم الخميس 9 ديسمبر 2021» is a dateline that states the day in full.
    fn deictic(&self, j: usize) -> Option<Core> {
        let t = self.t;
        let h = self.ix.find(t, j, |l| if let Lex::Deictic(n) = l { Some(*n) } else { None })?;
        let mut end = h.end;
        if h.value == 0 {
            // «اليوم الأول»، «اليوم العالمي»: "the day", not "today"; «ذلك اليوم»: that day.
            let before = j.checked_sub(1).map(|p| t.folded(p)).unwrap_or("");
            if matches!(before, "ذلك" | "تلك") {
                return None;
            }
            if self.continues(end)
                && t.is_word(end)
                && t.folded(end).starts_with("ال")
                && self.lex(end, |l| matches!(l, Lex::Weekday(_) | Lex::Modifier(_))).is_none()
            {
                return None;
            }
        }
        let mut core = Core::new(end, Calendar::Gregorian, DateValue::default(), h.dropped);
        core.relative = Some(Relative::Days(h.value));
        let paren = self.continues(end) && t.is_punct(end, '(');
        let k = if paren { end + 1 } else { end };
        if self.continues(k)
            && let Some(w) = self.ix.find(t, k, |l| if let Lex::Weekday(w) = l { Some(*w) } else { None })
            && (!paren || t.is_punct(w.end, ')'))
        {
            core.weekday = Some(w.value);
            end = if paren { w.end + 1 } else { w.end };
            core.end = end;
            // A full date after the weekday states today's date.
            let mut k = end;
            if self.continues(k) && (t.is_punct(k, '،') || t.is_punct(k, ',')) {
                k += 1;
            }
            if self.continues(k)
                && let Some(full) = self.core(k, true)
                && full.relative.is_none()
                && full.written.day.is_some()
                && full.written.year.is_some()
            {
                core.end = full.end;
                core.calendar = full.calendar;
                core.written = full.written;
                core.paired = full.paired;
            }
        }
        Some(core)
    }

    /// A direction after a period or month name: «الماضي» −1, «الجاري» 0, «المقبل» +1.
    fn modifier(&self, k: usize) -> Option<(i32, usize)> {
        if !self.continues(k) {
            return None;
        }
        let h = self.ix.find(self.t, k, |l| if let Lex::Modifier(d) = l { Some(*d) } else { None })?;
        (h.dropped == 0).then_some((h.value, h.end))
    }

    /// Whether the word before token `i` is a preposition that introduces a date.
    fn context_before(&self, i: usize) -> bool {
        i > 0 && !self.t.breaks_before(i) && self.lex(i - 1, |l| matches!(l, Lex::DateContext)).is_some()
    }

    pub(crate) fn lex(&self, k: usize, pick: impl Fn(&Lex) -> bool) -> Option<crate::lexicon::Hit<()>> {
        self.ix.find(self.t, k, |l| pick(l).then_some(()))
    }

    fn lex_indefinite(&self, k: usize, pick: impl Fn(&Lex) -> bool) -> Option<crate::lexicon::Hit<()>> {
        self.ix.find_indefinite(self.t, k, |l| pick(l).then_some(()))
    }
}

/// The Gregorian value of a date as written, and whether the written date does not exist.
pub(crate) fn gregorian_value(calendar: Calendar, w: DateValue) -> (Option<DateValue>, bool) {
    if w.month.is_some_and(|m| !(1..=12).contains(&m)) || w.day.is_some_and(|d| !(1..=31).contains(&d)) {
        return (None, true);
    }
    match calendar {
        Calendar::Gregorian => match (w.year, w.month, w.day) {
            (Some(y), Some(m), Some(d)) if !is_valid(y, m, d) => (None, true),
            (None, Some(m), Some(d)) if !is_valid_without_year(m, d) => (None, true),
            (None, None, None) => (None, false),
            _ => (Some(w), false),
        },
        Calendar::Hijri => match (w.year, w.month, w.day) {
            (Some(y), Some(m), Some(d)) => match hijri_to_gregorian(y, m, d) {
                Ok((gy, gm, gd)) => (Some(DateValue::ymd(gy, gm, gd)), false),
                Err(_) => (None, true),
            },
            // A Hijri month or year straddles two Gregorian ones: the value is the Gregorian
            // month (or year) in which it begins.
            (Some(y), Some(m), None) => {
                (hijri_to_gregorian(y, m, 1).ok().map(|(gy, gm, _)| DateValue::ym(gy, gm)), false)
            }
            (Some(y), None, None) => (hijri_to_gregorian(y, 1, 1).ok().map(|(gy, _, _)| DateValue::y(gy)), false),
            (None, _, Some(d)) => (None, d > 30),
            _ => (None, false),
        },
    }
}
