//! Dates: day–month–year in every month tradition, paired forms, Hijri dates, numeric dates,
//! years in date context, holidays, and relative dates.
//!
//! ```text
//! date    := "قبل" length-of-time | year weekday core-without-year
//!          | [part] ["يوم"] [weekday [joiner] ["الموافق"]] core [")"] ["(" weekday ")"]
//! joiner  := "،" | "," | "-" | "/" | "("
//! core    := numeric [era] | day ("و" day)* ["من"] month-group [year]
//!          | day ["من"] "الشهر" modifier | day "/" month "/" year
//!          | ["شهر"] month-group [year | modifier [year] | "من" year-period]
//!          | month day [","] year | holiday [year | modifier]
//!          | period (year | modifier [year]) | "هذا" period | deictic ["(" weekday ")"] | year
//! month-group := month [("/" | "-" | "(" | nothing) month [")"]]
//! year    := digits [era] [("-" | "الموافق" | "(") core-in-the-other-calendar]
//! ```
//!
//! Separators may stand apart from the digits they join («21 / 03 / 2016»): copy tokenised by
//! a machine, or typed carelessly, spaces its punctuation.

use super::{DateMention, Grammar, Mention, MentionKind, Paired, Relative, Span};
use crate::calendar::{DateValue, hijri_to_gregorian, is_valid, is_valid_without_year};
use crate::lexicon::{Calendar, DurationUnit, Lex, NumClass, PageLabel, Part, PeriodUnit, words};
use crate::text::TokenKind;

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

/// What stands before a core and licenses a bare month name or year in it.
#[derive(Clone, Copy, Default)]
struct Licence {
    /// A preposition, «يوم», a weekday or a part word: a bare month name or year is a date.
    context: bool,
    /// «شهر» or a part word («منتصف»): even a Hijri month name alone («شهر رمضان») is one.
    month: bool,
}

/// Dashes that join the parts of a date.
pub(crate) const DASHES: [char; 2] = ['-', '–'];

/// How far into a text a line of a name alone is its masthead («المشرق اليوم»).
const MASTHEAD_BYTES: usize = 600;

impl Grammar<'_, '_> {
    pub fn date(&self, i: usize) -> Option<(usize, Mention)> {
        let t = self.t;
        if t.kind(i) == Some(TokenKind::Latin) {
            // «January 20, 2018»: a month name in Latin letters opens a date only in full.
            let c = self.month_group(i, None, Licence::default())?;
            return c.written.day.is_some().then(|| self.finish(i, 0, None, c));
        }
        if !(t.is_digits(i) || (t.is_word(i) && self.starts_date(i))) {
            return None;
        }
        // «السابع» of «اليوم السابع» opens no day of the month.
        if t.is_word(i) && self.in_outlet_name(i) {
            return None;
        }
        if let Some(found) = self.ago(i) {
            return Some(found);
        }
        if let Some(found) = self.year_before_weekday(i) {
            return Some(found);
        }
        let (dropped, part, core) = self.dated(i)?;
        // Asked of a date found, not of every word that could open one.
        if self.names_a_place_or_movement(i, core.written.year.is_some()) {
            return None;
        }
        Some(self.finish(i, dropped, part, core))
    }

    /// Whether the date-like words at `i` follow a head that makes them a name: «سوق الخميس»،
    /// «شارع 26 سبتمبر»، «ساحة 8 آذار»، «حركة 20 فبراير»، «قوى 14 آذار» (`date-named-heads`);
    /// not one that names what happened that day, with its year (`date-named-events`).
    fn names_a_place_or_movement(&self, i: usize, with_year: bool) -> bool {
        let t = self.t;
        if i == 0 || t.breaks_before(i) {
            return false;
        }
        let heads = crate::lexicon::words("date-named-heads");
        let events = crate::lexicon::words("date-named-events");
        // Indefinite, in construct with the name: «قصف المستشفى الثلاثاء» dates the shelling.
        let head = |k: usize| {
            t.is_word(k)
                && crate::text::clitic_readings(t.folded(k), |form, _, article| {
                    !article && heads.contains(&form) && !(with_year && events.contains(&form))
                })
        };
        // The rest of such a name read on its own: the month (and year) of «ملعب 19 ماي 1956»,
        // «مدينة العاشر من رمضان» after the day and «من».
        let mut k = i - 1;
        for _ in 0..3 {
            if head(k) {
                return true;
            }
            let day = t.is_digits(k) || self.ix.is(t, k, |l| matches!(l, Lex::DayOrdinal(_)));
            if k == 0 || t.breaks_before(k) || !(day || t.folded(k) == "من") {
                return false;
            }
            k -= 1;
        }
        false
    }

    /// Whether the word at `i` can open a date: every date that starts at a word starts with
    /// one of these (one look at the word before the many the grammar would take).
    fn starts_date(&self, i: usize) -> bool {
        self.ix.is(self.t, i, |l| {
            matches!(
                l,
                Lex::Month(_)
                    | Lex::HijriMonth(_)
                    | Lex::Weekday(_)
                    | Lex::DayOrdinal(_)
                    | Lex::Deictic(_)
                    | Lex::Period { .. }
                    | Lex::This
                    | Lex::Part(_)
                    | Lex::MonthNoun
                    | Lex::DayNoun
                    | Lex::Holiday { .. }
                    | Lex::Ago
            )
        })
    }

    /// The date at `i` before it is finished: clitic letters dropped, its part, its core.
    fn dated(&self, i: usize) -> Option<(usize, Option<Part>, Core)> {
        let t = self.t;
        let mut j = i;
        let mut dropped = None;
        let mut part = None;
        let mut licence = Licence { context: self.context_before(i), month: false };
        // «نهاية»، «يوم» and «شهر» head a date without the article: «اليوم» is "today", not «يوم».
        if let Some(h) = self.ix.find_indefinite(t, j, |l| if let Lex::Part(p) = l { Some(*p) } else { None }) {
            part = Some(h.value);
            dropped.get_or_insert(h.dropped);
            j = h.end;
            licence = Licence { context: true, month: true };
        }
        // Each word after the first must be on the first one's line; the first may open a line.
        let on_line = |j: usize| j == i || self.continues(j);
        let mut day_noun = false;
        // «يوم غد الأربعاء» is the deictic «يوم غد», not «يوم» before a weekday.
        if on_line(j)
            && !self.holiday_at(j)
            && self.ix.find(t, j, |l| matches!(l, Lex::Deictic(_)).then_some(())).is_none()
            && let Some(h) = self.lex_indefinite(j, |l| matches!(l, Lex::DayNoun))
        {
            dropped.get_or_insert(h.dropped);
            j = h.end;
            day_noun = true;
        }
        let mut weekday = None;
        let mut weekday_end = j;
        let mut paren = false;
        if on_line(j)
            && let Some(h) = self.ix.find(t, j, |l| if let Lex::Weekday(w) = l { Some(*w) } else { None })
        {
            weekday = Some(h.value);
            dropped.get_or_insert(h.dropped);
            weekday_end = h.end;
            j = h.end;
            // «الأحد، 5 يناير»، «الأربعاء - 20 ديسمبر»، «الأربعاء / 2 / ربيع الثاني»، «الجمعة (20 أكتوبر)».
            if self.continues(j) && self.is_joiner(j) {
                paren = t.is_punct(j, '(');
                j += 1;
            }
            if self.continues(j)
                && let Some(h) = self.lex(j, |l| matches!(l, Lex::SameAs))
            {
                j = h.end;
            }
        }
        let licence = Licence { context: licence.context || day_noun || weekday.is_some(), ..licence };
        // «يومي الجمعة والسبت 6 و7 سبتمبر»، «الاثنين والثلاثاء 31 مارس و1 أبريل»: two weekdays
        // and two days, each of its own; the second weekday is not the first day's.
        // «و» and a day in digits at `k` (the «و» of «و7» is a token of its own).
        let and_a_day =
            |k: usize| self.continues(k) && t.folded(k) == "و" && self.continues(k + 1) && t.is_digits(k + 1);
        let paired_lists = weekday.is_some()
            && dropped == Some(1)
            && t.folded(i).starts_with('و')
            && i > 0
            && self.ix.find(t, i - 1, |l| if let Lex::Weekday(w) = l { Some(*w) } else { None }).is_some()
            && t.is_digits(j)
            && (and_a_day(j + 1) || and_a_day(j + 2));
        let core = if j < t.len() && on_line(j) && !paired_lists { self.core(j, licence) } else { None };
        let core = match core {
            Some(mut c) if !paren || (self.continues(c.end) && t.is_punct(c.end, ')')) => {
                if paren {
                    c.end += 1;
                }
                if j == i {
                    dropped = Some(c.dropped);
                }
                c.weekday = c.weekday.or(weekday);
                c
            }
            _ => {
                let w = weekday?;
                self.lone_weekday(i, weekday_end, w, day_noun)?
            }
        };
        Some((dropped.unwrap_or(0), part, self.weekday_after(core)))
    }

    /// Whether token `j` joins a weekday to its date.
    fn is_joiner(&self, j: usize) -> bool {
        let t = self.t;
        ['،', ',', '/', '('].iter().chain(&DASHES).any(|&c| t.is_punct(j, c))
    }

    /// «5 ديسمبر (الثلاثاء)»: a weekday in brackets after a written day belongs to it; so does
    /// one set off by commas, «في 24 يناير 2023، يوم الثلاثاء، أعلنت» (an apposition: the
    /// comma after it closes it, or the line ends).
    fn weekday_after(&self, mut core: Core) -> Core {
        let t = self.t;
        let k = core.end;
        if core.weekday.is_none()
            && core.written.day.is_some()
            && self.continues(k)
            && (t.is_punct(k, '،') || t.is_punct(k, ','))
            && self.continues(k + 1)
        {
            let w = if self.lex(k + 1, |l| matches!(l, Lex::DayNoun)).is_some_and(|h| h.dropped == 0) {
                k + 2
            } else {
                k + 1
            };
            if self.continues(w)
                && let Some(h) = self.ix.find(t, w, |l| if let Lex::Weekday(w) = l { Some(*w) } else { None })
                && h.dropped == 0
                && (!self.continues(h.end)
                    || t.is_punct(h.end, '،')
                    || t.is_punct(h.end, ',')
                    || t.is_punct(h.end, '.'))
            {
                core.weekday = Some(h.value);
                core.end = h.end;
                return core;
            }
        }
        if core.weekday.is_none()
            && core.written.day.is_some()
            && self.continues(k)
            && t.is_punct(k, '(')
            && self.continues(k + 1)
            && let Some(h) = self.ix.find(t, k + 1, |l| if let Lex::Weekday(w) = l { Some(*w) } else { None })
            && h.dropped == 0
            && t.is_punct(h.end, ')')
        {
            core.weekday = Some(h.value);
            core.end = h.end + 1;
        }
        core
    }

    fn finish(&self, i: usize, dropped: usize, part: Option<Part>, core: Core) -> (usize, Mention) {
        let (mut value, invalid) = gregorian_value(core.calendar, core.written);
        // «منتصف رمضان 1446»، «نهاية ربيع الأول 1447»: the Gregorian month the part falls in.
        if let (Calendar::Hijri, Some(y), Some(m), None, Some(Part::Mid | Part::End)) =
            (core.calendar, core.written.year, core.written.month, core.written.day, part)
        {
            value = hijri_to_gregorian(y, m, super::resolve::hijri_day_of(part))
                .ok()
                .map(|(gy, gm, _)| DateValue::ym(gy, gm))
                .or(value);
        }
        // «فاتح شوال 1446 الموافق 31 مارس 2025»: where the month began a day off the tables (the
        // moon seen where it was written), the Gregorian day the writer pairs with it is the day.
        // Further off, the table's stands and calendar-mismatch says so.
        if core.calendar == Calendar::Hijri
            && let Some(p) = core.paired.as_ref().filter(|p| p.calendar == Calendar::Gregorian && !p.invalid)
            && let (Some(a), Some(b)) = (value.and_then(|v| v.full()), p.value.and_then(|v| v.full()))
            && crate::calendar::days_between(a, b).is_some_and(|d| d.abs() == 1)
        {
            value = p.value;
        }
        // A relative date without a written year has no value until it is resolved against the
        // publication date: «26 جويلية الماضي» is not «--07-26». A day written beside «اليوم»
        // or «أمس» is the date itself: «أمس الاثنين (4 ديسمبر)» is --12-04.
        let dated_deictic = matches!(core.relative, Some(Relative::Days(_))) && core.written.day.is_some();
        let value = if core.relative.is_some() && core.written.year.is_none() && !dated_deictic { None } else { value };
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

    /// «قبل يومين»، «قبل أسبوع»، «وقبل شهرين»: a length of time counted back from publication.
    /// «قبل يومين من الانتخابات» counts back from the elections, not from publication. Hours
    /// and minutes («قبل ساعة») give a time of day; years («قبل خمس سنوات») and hedged lengths
    /// («قبل نحو شهرين») are too coarse to date anything and stay lengths of time.
    fn ago(&self, i: usize) -> Option<(usize, Mention)> {
        let t = self.t;
        let h = self.lex(i, |l| matches!(l, Lex::Ago))?;
        let k = h.end;
        if !self.continues(k) {
            return None;
        }
        let (amount, unit, end) = self.length_of_time(k)?;
        // «قبل عشرة أيام (فقط) من المؤتمر»: counted back from something else.
        let from = |j: usize| self.continues(j) && t.is_word(j) && matches!(t.folded(j), "من" | "علي" | "عن");
        let only = self.continues(end) && matches!(t.folded(end), "فقط" | "تقريبا" | "تحديدا" | "بالضبط");
        if from(end) || (only && from(end + 1)) {
            return None;
        }
        let mut core = Core::new(end, Calendar::Gregorian, DateValue::default(), h.dropped);
        core.relative = Some(Relative::Ago(unit, amount));
        Some(self.finish(i, h.dropped, None, core))
    }

    /// A whole number of days, weeks or months at `k`: «يومين»، «ثلاثة أسابيع»، «شهرين», or a
    /// unit alone («أسبوع»، «شهر»: one of it).
    fn length_of_time(&self, k: usize) -> Option<(u32, DurationUnit, usize)> {
        let t = self.t;
        let whole = |unit: DurationUnit, amount: f64, end: usize| {
            let fits = matches!(unit, DurationUnit::Month | DurationUnit::Week | DurationUnit::Day);
            (fits && amount >= 1.0 && amount.fract() == 0.0 && amount <= 1000.0).then_some((amount as u32, unit, end))
        };
        if let Some((end, m)) = self.quantity(k)
            && let MentionKind::Duration(d) = &m.kind
            && m.span.start == t.tokens[k].start
            && d.bound == crate::lexicon::Bound::Exact
        {
            return whole(d.unit, d.amount, end);
        }
        // «أسبوع» (one), «يومين» (two): a unit that counts itself.
        let h = self.ix.find(t, k, |l| match l {
            Lex::Duration { unit, per, count: crate::lexicon::DurationCount::One } => Some((*unit, *per)),
            Lex::Duration { unit, per, count: crate::lexicon::DurationCount::Two } => Some((*unit, 2 * *per)),
            _ => None,
        })?;
        if h.dropped > 0 {
            return None;
        }
        whole(h.value.0, h.value.1 as f64, h.end)
    }

    /// «2017 الأحد 4 يونيو»: a page stamp whose year was moved before the weekday (right-to-left
    /// and left-to-right runs reordered when the page was copied).
    fn year_before_weekday(&self, i: usize) -> Option<(usize, Mention)> {
        let t = self.t;
        if !t.is_digits(i) || t.folded(i).len() != 4 || !self.continues(i + 1) || self.part_of_bigger_number(i) {
            return None;
        }
        let year: i32 = t.folded(i).parse().ok()?;
        if !(1900..=2100).contains(&year) || self.lex(i + 1, |l| matches!(l, Lex::Weekday(_))).is_none() {
            return None;
        }
        let (_, part, mut core) = self.dated(i + 1)?;
        let w = core.written;
        if core.weekday.is_none()
            || w.year.is_some()
            || w.day.is_none()
            || core.relative.is_some()
            || core.calendar != Calendar::Gregorian
        {
            return None;
        }
        core.written.year = Some(year);
        Some(self.finish(i, 0, part, core))
    }

    /// A weekday with nothing after it that makes a date: «قالت الحكومة، الأحد، إن…»،
    /// «الخميس الماضي»; the night between two days, «ليل الجمعة السبت», is the first one's
    /// (and its midnight, «منتصف ليل الجمعة السبت», the second one's).
    /// «الاثنين» is also "the two": after «بين»، «كلا»… or before «معا» it is not a day.
    fn lone_weekday(&self, i: usize, end: usize, weekday: u8, day_noun: bool) -> Option<Core> {
        let t = self.t;
        let mut core = Core::new(end, Calendar::Gregorian, DateValue::default(), 0);
        core.weekday = Some(weekday);
        let mut next = end;
        if self.continues(next) && (t.is_punct(next, '/') || DASHES.iter().any(|&c| t.is_punct(next, c))) {
            next += 1;
        }
        if self.continues(next)
            && let Some(h) = self.ix.find(t, next, |l| if let Lex::Weekday(w) = l { Some(*w) } else { None })
            && h.dropped == 0
            && h.value == weekday % 7 + 1
        {
            core.end = h.end;
            // «منتصف ليل الجمعة السبت»: midnight of that night is the start of the second day.
            let midnight = i >= 2
                && !t.breaks_before(i)
                && !t.breaks_before(i - 1)
                && matches!(t.folded(i - 1), "ليل" | "ليله")
                && t.folded(i - 2) == "منتصف";
            if midnight {
                core.weekday = Some(h.value);
            }
        }
        let mut direction = 0;
        if self.continues(core.end)
            && let Some(h) = self.modifier(core.end)
        {
            direction = h.0.signum();
            core.end = h.1;
        }
        // «الاثنين الماضي (27 يناير)»: the day in brackets after the weekday is the weekday's.
        let open = core.end;
        if self.continues(open)
            && t.is_punct(open, '(')
            && self.continues(open + 1)
            && let Some(mut dated) = self.core(open + 1, Licence { context: true, month: false })
            && dated.written.day.is_some()
            && dated.weekday.is_none()
            && dated.relative.is_none()
            && self.continues(dated.end)
            && t.is_punct(dated.end, ')')
        {
            dated.weekday = Some(weekday);
            dated.end += 1;
            return Some(dated);
        }
        if weekday == 1 && !day_noun && direction == 0 && self.the_two(i, end) {
            return None;
        }
        // «من المقرر أن يؤدي الرئيس اليمين الأحد»: a weekday in a clause said to lie ahead is
        // the next one (`future-markers`, within eight words before it in its sentence).
        if direction == 0 && self.said_ahead(i) {
            direction = 1;
        }
        core.relative = Some(Relative::Weekday(direction));
        Some(core)
    }

    /// Whether a future marker («من المقرر أن»، «من المتوقع أن»، «سوف»، «يعتزم»), a verb in
    /// the future tense («وسيعود المنتخب … الأربعاء») or one in the imperfect that news writes
    /// of what is scheduled («وتقام الجنازة الاثنين»، `scheduled-verbs`) stands within eight
    /// words before `i`, on its line and in its sentence, with no verb of saying nearer
    /// («يزور الوزير عمّان، وقال الأحد إن …»: the saying is what the weekday dates).
    fn said_ahead(&self, i: usize) -> bool {
        let t = self.t;
        let markers = crate::lexicon::words("future-markers");
        let was = |j: usize| matches!(t.folded(j).trim_start_matches(['و', 'ف']), "كان" | "كانت");
        let mut scheduled = false;
        let mut k = i;
        while k > 0 && i - k < 8 && !t.breaks_before(k) {
            k -= 1;
            if t.is_punct(k, '.') || t.is_punct(k, '؟') || t.is_punct(k, '!') {
                return scheduled;
            }
            if !t.is_word(k) {
                continue;
            }
            if self.future_verb(k) {
                return true;
            }
            let bare = t.folded(k).strip_prefix(['و', 'ف']).filter(|r| r.chars().count() >= 3).unwrap_or(t.folded(k));
            if crate::lexicon::words("announcing").contains(&bare) && !bare.starts_with(['ي', 'ت']) {
                return scheduled;
            }
            if crate::lexicon::words("scheduled-verbs").contains(&bare) {
                // «لم يصل الوفد الأحد» is past; «كان يزور … الثلاثاء», what was being done.
                let before = if k > 0 && !t.breaks_before(k) { t.folded(k - 1) } else { "" };
                if matches!(before, "لم" | "ولم" | "فلم" | "لما") || k >= 1 && was(k - 1) {
                    return false;
                }
                // After «أن» the verb is what a word before it governs («كان من المقرر أن
                // يصل»: was planned): that word decides, and the verb if none does.
                if !matches!(before, "ان" | "وان") {
                    return true;
                }
                scheduled = true;
            }
            if markers.contains(&t.folded(k).trim_start_matches(['و', 'ف'])) {
                // «كان من المقرر أن …» was planned, and is past.
                return !(k >= 1 && was(k - 1) || k >= 2 && t.folded(k - 1) == "من" && was(k - 2));
            }
        }
        scheduled
    }

    /// Whether the word at `k` is an imperfect verb in the future tense: «سـ» and the prefix of
    /// the imperfect, then a stem of three letters or more («سيعود»، «وستعقد»، «سنواصل»), not
    /// a noun's plural or feminine ending (ات، ة) and none of the words that only look so
    /// (`not-future`: «سيطرت»، «سيارة»، «سنوات»).
    fn future_verb(&self, k: usize) -> bool {
        let t = self.t;
        let w = t.folded(k).strip_prefix(['و', 'ف']).filter(|r| r.starts_with('س')).unwrap_or(t.folded(k));
        let mut chars = w.chars();
        let opens = chars.next() == Some('س') && matches!(chars.next(), Some('ي' | 'ت' | 'ن'));
        opens
            && w.chars().count() >= 5
            && !t.original(k).ends_with('ة')
            && !w.ends_with("ات")
            && !crate::lexicon::words("not-future").iter().any(|s| w.starts_with(s))
            && !self.ix.knows(k)
    }

    /// Whether «الاثنين» at `i` (ending at `end`) is the numeral "the two".
    fn the_two(&self, i: usize, end: usize) -> bool {
        let t = self.t;
        let before = if i > 0 && !t.breaks_before(i) && t.is_word(i - 1) { t.folded(i - 1) } else { "" };
        // «وبين الاثنين»: a conjunction on the word before does not change it.
        let before = before.strip_prefix(['و', 'ف']).filter(|r| r.chars().count() >= 2).unwrap_or(before);
        let after = if self.continues(end) && t.is_word(end) { t.folded(end) } else { "" };
        matches!(before, "بين" | "كلا" | "احد" | "هذين" | "لهذين" | "كل" | "اي")
            || matches!(after, "معا" | "منهما" | "كليهما" | "كلاهما")
    }

    /// The core of a date at `j`, as far as what stands before it licenses.
    fn core(&self, j: usize, licence: Licence) -> Option<Core> {
        let t = self.t;
        if t.is_digits(j) {
            if let Some(mut c) = self.numeric(j) {
                c.paired = self.equivalent(&mut c.end, c.calendar);
                // «2018 - 01 - 21 الأحد»: a page stamp writes the weekday after the digits.
                if self.continues(c.end)
                    && let Some(h) = self.ix.find(t, c.end, |l| if let Lex::Weekday(w) = l { Some(*w) } else { None })
                    && h.dropped == 0
                {
                    c.weekday = Some(h.value);
                    c.end = h.end;
                }
                return Some(c);
            }
            if let Some(day) = self.day_digits(j) {
                if let Some(c) = self.coordinated_day(j + 1, day) {
                    return Some(c);
                }
                if let Some(c) = self.after_day(j + 1, day, 0) {
                    return Some(c);
                }
            }
            let context = licence.context || self.year_licensed(j);
            return self.bare_year(j, context);
        }
        if let Some(c) = self.holiday(j) {
            return Some(c);
        }
        // «النصف الثاني من أكتوبر»، «الأسبوع الأول من نوفمبر»: the ordinal of a part of the
        // month (`month-parts`), not a day; the month is read on its own.
        let of_a_part = j > 0
            && !t.breaks_before(j)
            && t.is_word(j - 1)
            && words("month-parts").contains(&t.folded(j - 1).trim_start_matches(['و', 'ف']));
        if !of_a_part && let Some(h) = self.ix.find(t, j, |l| if let Lex::DayOrdinal(d) = l { Some(*d) } else { None })
        {
            if let Some(c) = self.coordinated_day(h.end, h.value) {
                return Some(Core { dropped: h.dropped, ..c });
            }
            if let Some(c) = self.after_day(h.end, h.value, h.dropped) {
                return Some(c);
            }
        }
        let mut k = j;
        let mut dropped = None;
        let mut month_noun = false;
        if let Some(h) = self.lex_indefinite(j, |l| matches!(l, Lex::MonthNoun)) {
            dropped = Some(h.dropped);
            k = h.end;
            month_noun = true;
        }
        let licence = Licence { context: licence.context || month_noun, month: licence.month || month_noun };
        if (k == j || self.continues(k))
            && let Some(c) = self.month_group(k, None, licence)
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

    /// After a day (digits or ordinal word) at `k`: «من»? then a month group; «، ديسمبر 2017»
    /// (a comma before a month that has its year); «/ ربيع الثاني / 1439» (slashes all along);
    /// or «من الشهر الجاري».
    fn after_day(&self, mut k: usize, day: u8, dropped: usize) -> Option<Core> {
        let t = self.t;
        if !self.continues(k) {
            return None;
        }
        let comma = t.is_punct(k, '،') || t.is_punct(k, ',');
        if t.is_punct(k, '/') {
            return self.slashed(k + 1, day, dropped);
        }
        if comma || (t.is_word(k) && t.folded(k) == "من") {
            k += 1;
        }
        if !self.continues(k) {
            return None;
        }
        if !comma {
            k = self.past_month_noun(k);
        }
        if let Some(mut c) = self.month_group(k, Some(day), Licence { context: true, month: true }) {
            if comma && c.written.year.is_none() {
                return None;
            }
            c.dropped = dropped;
            return Some(c);
        }
        // «11 من الشهر الجاري»، «الخامس من الشهر الماضي»
        if comma {
            return None;
        }
        let mut c = self.period(k)?;
        if !matches!(c.relative, Some(Relative::Period(PeriodUnit::Month, _) | Relative::Same(PeriodUnit::Month))) {
            return None;
        }
        c.written.day = Some(day);
        c.dropped = dropped;
        Some(c)
    }

    /// After a day, the token after the word «شهر» at `k` when a month's name follows it
    /// («15 من شهر آذار»، «الخامس من شهر يونيو»); else `k`.
    fn past_month_noun(&self, k: usize) -> usize {
        match self.lex_indefinite(k, |l| matches!(l, Lex::MonthNoun)) {
            Some(h) if h.dropped == 0 && self.continues(h.end) && self.month(h.end).is_some() => h.end,
            _ => k,
        }
    }

    /// «2 / ربيع الثاني / 1439 ه»: day, month name and year, each after a slash.
    fn slashed(&self, k: usize, day: u8, dropped: usize) -> Option<Core> {
        let t = self.t;
        if !self.continues(k) {
            return None;
        }
        let (calendar, month, _, e) = self.month(k)?;
        if !(self.continues(e) && t.is_punct(e, '/')) {
            return None;
        }
        let (year, end, era) = self.year_after(e + 1, calendar)?;
        let calendar = era.unwrap_or(calendar);
        let mut c = Core::new(end, calendar, DateValue::ymd(year, month, day), dropped);
        c.month_span = Some(Span::new(t.tokens[k].start, t.tokens[e - 1].end));
        Some(c)
    }

    /// «29 و 30 يناير 2018»، «يومي 12 و13 مارس»، «الخامس والسادس من مايو»: the first of days
    /// that share one month is a date of its own, in that month. `k` is the token after it.
    fn coordinated_day(&self, mut k: usize, first: u8) -> Option<Core> {
        let t = self.t;
        let first_end = k;
        for _ in 0..6 {
            let (day, after) = self.next_day(k)?;
            let licence = Licence { context: true, month: true };
            let of = self.continues(after) && t.is_word(after) && t.folded(after) == "من";
            let joined = self.past_month_noun(if of { after + 1 } else { after });
            if self.continues(joined)
                && let Some(c) = self.month_group(joined, Some(day), licence)
            {
                let written = DateValue { day: Some(first), ..c.written };
                if !is_valid_without_year(written.month?, first) {
                    return None;
                }
                let mut core = Core::new(first_end, c.calendar, written, 0);
                core.relative = c.relative;
                return Some(core);
            }
            k = after;
        }
        None
    }

    /// The next day of a list at `k`: «و 30»، «و30»، «- 30»، «إلى 30»، «والسادس».
    fn next_day(&self, k: usize) -> Option<(u8, usize)> {
        let t = self.t;
        if !self.continues(k) {
            return None;
        }
        let joined =
            (t.is_word(k) && matches!(t.folded(k), "و" | "الي" | "حتي")) || DASHES.iter().any(|&c| t.is_punct(k, c));
        let weekday = |i: usize| self.ix.find(t, i, |l| if let Lex::Weekday(w) = l { Some(*w) } else { None });
        if joined {
            let mut d = k + 1;
            if !self.continues(d) {
                return None;
            }
            // «من الأحد 15 إلى الخميس 19 جوان»: the next day's weekday before it.
            if let Some(h) = weekday(d).filter(|h| h.dropped == 0 && self.continues(h.end) && t.is_digits(h.end)) {
                d = h.end;
            }
            if t.is_digits(d) {
                return self.day_digits(d).map(|day| (day, d + 1));
            }
            let h = self.ix.find(t, d, |l| if let Lex::DayOrdinal(d) = l { Some(*d) } else { None })?;
            return (h.dropped == 0).then_some((h.value, h.end));
        }
        // «يومي الأحد 15 والاثنين 16 جوان»: the conjunction written on the weekday.
        if let Some(h) = weekday(k).filter(|h| h.dropped == 1 && t.folded(k).starts_with('و'))
            && self.continues(h.end)
            && t.is_digits(h.end)
        {
            return self.day_digits(h.end).map(|day| (day, h.end + 1));
        }
        // «والسادس»: the conjunction written on the ordinal.
        let h = self.ix.find(t, k, |l| if let Lex::DayOrdinal(d) = l { Some(*d) } else { None })?;
        (h.dropped == 1 && t.folded(k).starts_with('و')).then_some((h.value, h.end))
    }

    /// A month name (with its pair), then a year, a direction, «من» and a year, or nothing;
    /// with no day yet, a day and a year after it («يناير 20، 2018»).
    fn month_group(&self, k: usize, mut day: Option<u8>, licence: Licence) -> Option<Core> {
        let t = self.t;
        let (calendar, month, dropped, mut end) = self.month(k)?;
        let month_end = end;
        let mut paired_span = None;
        let mut paired_month = None;
        if calendar == Calendar::Gregorian
            && let Some(other) = self.other_name((k, dropped), end, month)
        {
            let (second, e2, pair_end, m2) = other?;
            paired_span = Some(Span::new(t.tokens[second].start, t.tokens[e2 - 1].end));
            paired_month = Some(m2);
            end = pair_end;
        }
        // «يناير 20، 2018»، «January 20, 2018»: month first, then the day, then the year.
        if day.is_none()
            && self.continues(end)
            && t.is_digits(end)
            && let Some(d) = self.day_digits(end)
        {
            let mut y = end + 1;
            if self.continues(y) && (t.is_punct(y, ',') || t.is_punct(y, '،')) {
                y += 1;
            }
            if self.year_after(y, calendar).is_some() {
                day = Some(d);
                end = y;
            }
        }
        let mut written = DateValue { month: Some(month), day, ..Default::default() };
        let mut relative = None;
        if let Some((year, e, _)) = self.year_after(end, calendar) {
            written.year = Some(year);
            end = e;
        } else if let Some((dir, e)) = self.modifier(end) {
            relative = Some(if calendar == Calendar::Hijri {
                Relative::Recurring(dir.signum())
            } else {
                Relative::NamedMonth(dir.signum())
            });
            end = e;
            if let Some((year, e, _)) = self.year_after(end, calendar) {
                written.year = Some(year);
                end = e;
            }
        } else if calendar == Calendar::Gregorian
            && let Some((year, rel, e)) = self.of_year(end)
        {
            // «نوفمبر من السنة الماضية»، «مارس من العام 2015»
            written.year = year;
            relative = rel;
            end = e;
        } else if let Some((year, e)) = self.comma_year(end, calendar) {
            written.year = Some(year);
            end = e;
        } else if calendar == Calendar::Hijri
            && let Some((year, e)) = self.gregorian_year(end, month, day)
        {
            written.year = Some(year);
            end = e;
        }
        // «بين جانفي وماي 2025»، «من 5 مارس إلى 7 أبريل 2025»، «ديسمبر ويناير 2025»: the first of
        // two months in a range or a list is of the year written on the second (the year before
        // it when its month comes later).
        if written.year.is_none()
            && relative.is_none()
            && calendar == Calendar::Gregorian
            && let Some(year) = self.range_year(end, month)
        {
            written.year = Some(year);
        }
        let bare = written.year.is_none() && day.is_none() && relative.is_none() && paired_month.is_none();
        if bare && !licence.context {
            return None;
        }
        // A Hijri month name is also a word («صفر» zero) or a given name («رمضان»، «رجب طيب
        // أردوغان»): only a day, a year, a direction, «شهر» before it, or a preposition before it
        // with nothing after it that could be the rest of a name («خلال رمضان،») makes it a date.
        if calendar == Calendar::Hijri && written.year.is_none() && day.is_none() && relative.is_none() {
            let alone = end >= t.len() || t.breaks_before(end) || t.kind(end) == Some(TokenKind::Punct);
            if !(licence.month || (licence.context && alone)) {
                return None;
            }
            relative = Some(Relative::Recurring(0));
        }
        // «يوم السبت 9 شعبان»: a Hijri day with no year is, as its month alone is, the occurrence
        // nearest the publication date (a Gregorian one keeps its day and month: `--02-09`).
        if calendar == Calendar::Hijri && written.year.is_none() && day.is_some() && relative.is_none() {
            relative = Some(Relative::Recurring(0));
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
            // «16 مارس/آذار 2025 الموافق 19 رمضان 1446 هـ»: where the two names agree, the
            // equivalent in the other calendar is the pair worth checking.
            if m2 == month
                && written.year.is_some()
                && day.is_some()
                && let Some(equivalent) = self.equivalent(&mut core.end, calendar)
            {
                core.paired = Some(equivalent);
            }
        } else if written.year.is_some() && day.is_some() {
            core.paired = self.equivalent(&mut core.end, calendar);
        } else if calendar == Calendar::Gregorian && day.is_some() && relative.is_none() && self.same_as_after(core.end)
        {
            // «يوم الإثنين 3 مارس الموافق 5 رمضان 1446»: the Hijri date «الموافق» gives writes the
            // year, the one that puts the Gregorian day nearest it.
            if let Some(eq) = self.equivalent(&mut core.end, calendar) {
                if let (Some((gy, gm, gd)), Some(m), Some(d)) =
                    (eq.value.and_then(|v| v.full()), written.month, written.day)
                {
                    core.written.year =
                        [gy - 1, gy, gy + 1].into_iter().filter(|&y| is_valid(y, m, d)).min_by_key(|&y| {
                            crate::calendar::days_between((y, m, d), (gy, gm, gd)).map_or(i64::MAX, i64::abs)
                        });
                }
                core.paired = Some(eq);
            }
        }
        Some(core)
    }

    /// Whether «الموافق» follows at `k`, after a comma or a bracket at most.
    fn same_as_after(&self, k: usize) -> bool {
        let t = self.t;
        let k = if self.continues(k) && (t.is_punct(k, '،') || t.is_punct(k, ',') || t.is_punct(k, '(')) {
            k + 1
        } else {
            k
        };
        self.continues(k) && self.lex(k, |l| matches!(l, Lex::SameAs)).is_some()
    }

    /// The other name of a Gregorian month `month` ending at `end`, right after it: «ديسمبر/كانون
    /// الأول»، «تموز (يوليو)»، «كانون الأول - ديسمبر»، «ديسمبر كانون الأول» (side by side with
    /// nothing between, only the same month). Its first and last-but-one tokens, where the pair
    /// ends and its month; `Some(None)` for a bracket it leaves open, which no date is.
    ///
    /// Two names of one tradition («يوليو - سبتمبر»، «(يناير-مارس)»، «آذار/أيار») are not a pair
    /// but the ends of a range: a month's other name is the Levantine one (or the other way).
    fn other_name(&self, first: (usize, usize), end: usize, month: u8) -> Option<Option<(usize, usize, usize, u8)>> {
        let t = self.t;
        if !self.continues(end) {
            return None;
        }
        let sep = t.is_punct(end, '/') || t.is_punct(end, '(') || t.is_punct(end, '-') || t.is_punct(end, '\\');
        let second = if sep { end + 1 } else { end };
        if sep && !self.continues(second) {
            return None;
        }
        let (Calendar::Gregorian, m2, 0, e2) = self.month(second)? else { return None };
        if !(sep || m2 == month) {
            return None;
        }
        if m2 != month && self.levantine(first.0, first.1, end) == self.levantine(second, 0, e2) {
            return None;
        }
        if t.is_punct(end, '(') {
            return Some(t.is_punct(e2, ')').then_some((second, e2, e2 + 1, m2)));
        }
        Some(Some((second, e2, e2, m2)))
    }

    /// Whether the month name on tokens `k..end` (`dropped` letters of clitics before it) is a
    /// Levantine one («كانون الثاني»، «آذار»), not one from the Latin names («يناير»، «جانفي»).
    fn levantine(&self, k: usize, dropped: usize, end: usize) -> bool {
        let t = self.t;
        let mut name: String = t.folded(k).chars().skip(dropped).collect();
        for i in k + 1..end {
            name.push(' ');
            name.push_str(t.folded(i));
        }
        crate::lexicon::LEXICON.month_named(&name).is_some_and(|(_, tradition)| tradition == "levantine")
    }

    /// The year of the month after `k` when a range or list joins it to the month ending at `k`
    /// («و»، «إلى»، «حتى»، a dash; a day before the next month), for a first month `month`: the
    /// first year written along the list («يناير وفبراير ومارس 2025»), at most eight months on.
    /// Read forward, a month at a time (never by [`Grammar::month_group`], which asks this).
    fn range_year(&self, mut k: usize, month: u8) -> Option<i32> {
        let t = self.t;
        for _ in 0..8 {
            if !self.continues(k) {
                return None;
            }
            let joiner = (t.is_word(k) && matches!(t.folded(k), "و" | "الي" | "حتي"))
                || DASHES.iter().any(|&c| t.is_punct(k, c));
            // The next day of the list, its weekday before it («… إلى الخميس 19 جوان 2025»),
            // as [`Grammar::next_day`] reads it; else the next month right after the joiner.
            let day = self.next_day(k);
            let next = match day {
                Some((_, after)) => after,
                None if joiner => k + 1,
                None => k,
            };
            if !self.continues(next) {
                return None;
            }
            let (Calendar::Gregorian, m2, dropped, mut end) = self.month(next)? else { return None };
            // Without a joiner, only «وماي»: the conjunction written on the month.
            if !(joiner || day.is_some() || dropped == 1 && t.folded(next).starts_with('و')) {
                return None;
            }
            // Its other name: «مايو/أيار»، «مايو (أيار)»، «مايو أيار».
            if let Some(other) = self.other_name((next, dropped), end, m2) {
                (_, _, end, _) = other?;
            }
            if let Some((year, _, _)) = self.year_after(end, Calendar::Gregorian) {
                return Some(if month > m2 { year - 1 } else { year });
            }
            k = end;
        }
        None
    }

    /// «5 يناير، 2020»: a comma before the year. Only where nothing follows the year that it
    /// could be counting («في 5 يناير، 2000 شخص تظاهروا»): a mark, a time, a line's end.
    fn comma_year(&self, k: usize, calendar: Calendar) -> Option<(i32, usize)> {
        let t = self.t;
        if !(self.continues(k) && (t.is_punct(k, ',') || t.is_punct(k, '،'))) {
            return None;
        }
        let (year, end, _) = self.year_after(k + 1, calendar)?;
        (!self.continues(end) || !t.is_word(end)).then_some((year, end))
    }

    /// «رمضان 2021»، «15 رمضان 2021»: a Hijri month with the Gregorian year it falls in; the
    /// written year is the Hijri one whose month begins (or whose day falls) in that year.
    fn gregorian_year(&self, k: usize, month: u8, day: Option<u8>) -> Option<(i32, usize)> {
        let t = self.t;
        if !(self.continues(k) && t.is_digits(k) && t.folded(k).len() == 4) || self.part_of_bigger_number(k) {
            return None;
        }
        let year: i32 = t.folded(k).parse().ok()?;
        let era = self.era(k + 1);
        if !(1900..=2100).contains(&year) || era.is_some_and(|e| e.0 == Calendar::Hijri) {
            return None;
        }
        Some((hijri_year_in(year, month, day.unwrap_or(1))?, era.map_or(k + 1, |e| e.1)))
    }

    /// «من السنة الماضية»، «من العام 2015»، «من عام 2015» after a month: its year; also with
    /// no «من», the year's noun written on nothing: «آذار عام 2011»، «3 أيار العام الماضي»،
    /// «أيار سنة 2018» (not «أيار والعام الماضي»: May, and last year).
    fn of_year(&self, k: usize) -> Option<(Option<i32>, Option<Relative>, usize)> {
        let t = self.t;
        if !self.continues(k) {
            return None;
        }
        let of = t.is_word(k) && t.folded(k) == "من";
        let at = if of { k + 1 } else { k };
        if !self.continues(at) {
            return None;
        }
        let c = self.period(at)?;
        if !of && c.dropped != 0 {
            return None;
        }
        match c.relative {
            Some(r @ (Relative::Period(PeriodUnit::Year, _) | Relative::Same(PeriodUnit::Year))) => {
                Some((c.written.year, Some(r), c.end))
            }
            None if c.calendar == Calendar::Gregorian && c.written.year.is_some() => {
                Some((c.written.year, None, c.end))
            }
            _ => None,
        }
    }

    /// A stated equivalent in the other calendar after a full date:
    /// «24 صفر 1439 هـ - 13 نوفمبر 2017 م»، «… الموافق 27 أبريل 2021»، «… (27 أبريل 2021)»،
    /// «… - - 13 نوفمبر 2017»، «… | 13 نوفمبر 2017».
    fn equivalent(&self, end: &mut usize, calendar: Calendar) -> Option<Box<Paired>> {
        let t = self.t;
        let mut k = *end;
        if !self.continues(k) {
            return None;
        }
        let paren = t.is_punct(k, '(');
        let joiner = |k: usize| ['/', '،', '|'].iter().chain(&DASHES).any(|&c| t.is_punct(k, c));
        if paren || joiner(k) {
            k += 1;
            // «- -»: a doubled dash where a word was lost between the two forms.
            if !paren && self.continues(k) && DASHES.iter().any(|&c| t.is_punct(k, c)) {
                k += 1;
            }
        }
        if self.continues(k)
            && let Some(h) = self.lex(k, |l| matches!(l, Lex::SameAs))
        {
            k = h.end;
            // «الموافق لـ 14 جويلية 2025»: the preposition cut off before the date.
            if self.continues(k) && matches!(t.folded(k), "ل" | "لـ") {
                k += 1;
            }
        }
        if k == *end || !self.continues(k) {
            return None;
        }
        if t.is_digits(k)
            && let Some(c) = self.numeric(k)
        {
            // «… 1439 هـ - 2017/11/13»
            let e = c.end;
            if c.calendar == calendar || (paren && !t.is_punct(e, ')')) {
                return None;
            }
            let (value, invalid) = gregorian_value(c.calendar, c.written);
            let span = Span::new(t.tokens[k].start, t.tokens[e - 1].end);
            *end = if paren { e + 1 } else { e };
            return Some(Box::new(Paired { span, calendar: c.calendar, written: c.written, value, invalid }));
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
        let t = self.t;
        if t.kind(k) == Some(TokenKind::Latin) {
            let m = crate::lexicon::LEXICON.latin_month(t.folded(k))?;
            return Some((Calendar::Gregorian, m, 0, k + 1));
        }
        let h = self.ix.find(t, k, |l| match l {
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
        // «وصل في مارس 2000 لاجئ»: a number before a counted noun counts it.
        if era.is_none() && self.continues(k + 1) && self.listed_noun(k + 1) {
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
        // A letter written on what follows is not an era: «م» of «855 م3» is a metre.
        let single_letter = self.t.folded(k).chars().count() == 1;
        let attached = self.t.touching(k) && self.t.is_word(k + 1) || self.t.power_after(k);
        (h.dropped == 0 && (!single_letter || !attached)).then_some((h.value, h.end))
    }

    /// A day of the month in digits: 1–31, at most two digits, not part of a clock time.
    fn day_digits(&self, k: usize) -> Option<u8> {
        let d = self.t.folded(k);
        if d.len() > 2 || self.part_of_bigger_number(k) || self.in_clock_time(k) {
            return None;
        }
        d.parse().ok().filter(|d| (1..=31).contains(d))
    }

    /// Whether digits at `k` are the hours or minutes of «10 : 15» (touching or spaced).
    fn in_clock_time(&self, k: usize) -> bool {
        let t = self.t;
        let colon_after =
            self.continues(k + 1) && t.is_punct(k + 1, ':') && self.continues(k + 2) && t.is_digits(k + 2);
        let colon_before =
            k >= 2 && !t.breaks_before(k) && t.is_punct(k - 1, ':') && !t.breaks_before(k - 1) && t.is_digits(k - 2);
        colon_after || colon_before
    }

    /// Whether digits at `k` sit inside «3,000» or «1.5» (a figure, not a day or year).
    fn part_of_bigger_number(&self, k: usize) -> bool {
        self.t.joins_digits(k + 1) || k >= 1 && self.t.joins_digits(k - 1)
    }

    /// «31/12/2021»، «2021-12-31»، «31.12.2021», «21 / 03 / 2016», «1439 / 3 / 17 ه», in any
    /// digits. Spaced separators are taken only for a day and month that exist.
    fn numeric(&self, j: usize) -> Option<Core> {
        let t = self.t;
        let sep = t.folded(j + 1).chars().next()?;
        let shaped = ['/', '-', '.', '\\'].contains(&sep)
            && t.kind(j + 1) == Some(TokenKind::Punct)
            && (j + 1..=j + 4).all(|k| self.continues(k))
            && t.is_digits(j + 2)
            && t.is_punct(j + 3, sep)
            && t.is_digits(j + 4);
        if !shaped {
            return None;
        }
        let spaced = !(j..j + 4).all(|k| t.touching(k));
        // «10.0.0.1» is not a date.
        if self.continues(j + 5) && t.is_punct(j + 5, sep) && t.is_digits(j + 6) {
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
        if spaced
            && !(written.month.is_some_and(|m| (1..=12).contains(&m))
                && written.day.is_some_and(|d| (1..=31).contains(&d)))
        {
            return None;
        }
        let era = self.era(j + 5);
        let hijri_range = written.year.is_some_and(|y| (1300..=1600).contains(&y));
        let calendar = match era {
            Some((c, _)) => c,
            None if hijri_range => Calendar::Hijri,
            None => Calendar::Gregorian,
        };
        let end = era.map_or(j + 5, |e| e.1);
        Some(Core::new(end, calendar, written, 0))
    }

    /// A year standing alone: «في 2014»، «منذ 2014»، «2011م»، «1442 هـ».
    fn bare_year(&self, j: usize, context: bool) -> Option<Core> {
        let t = self.t;
        let digits = t.folded(j);
        if digits.len() > 4 || self.part_of_bigger_number(j) || self.in_clock_time(j) {
            return None;
        }
        let year: i32 = digits.parse().ok()?;
        let era = self.era(j + 1);
        // «10 : 15 م»، «الساعة 5 م»: «م» after a time is مساءً, so an era needs a real year.
        let (calendar, ok) = match era {
            Some((c, _)) => (c, digits.len() >= 3 && year >= 1),
            None => (Calendar::Gregorian, context && digits.len() == 4 && (1900..=2100).contains(&year)),
        };
        if !ok {
            return None;
        }
        let end = era.map_or(j + 1, |e| e.1);
        Some(Core::new(end, calendar, DateValue::y(year), 0))
    }

    /// Whether a bare year at `j` is licensed by what stands before it other than a preposition:
    /// a noun of an event («حرب 1973»), a year it is coordinated with («عامي 2005 و2009»، «في
    /// 2005 و2009»), or «بين» opening two years («بين 2003 و2011»).
    fn year_licensed(&self, j: usize) -> bool {
        let t = self.t;
        if t.breaks_before(j) || j == 0 {
            return false;
        }
        if self.lex(j - 1, |l| matches!(l, Lex::YearNoun)).is_some() {
            return true;
        }
        let plausible = |k: usize| {
            t.is_digits(k)
                && t.folded(k).len() == 4
                && t.folded(k).parse::<i32>().is_ok_and(|y| (1900..=2100).contains(&y))
                && !self.part_of_bigger_number(k)
        };
        // «بين 2003 و2011»: two years, both plausible, in order.
        if t.is_word(j - 1) && matches!(t.folded(j - 1), "بين" | "وبين") {
            let next = j + 2;
            return self.continues(j + 1)
                && t.is_word(j + 1)
                && t.folded(j + 1) == "و"
                && self.continues(next)
                && plausible(next)
                && t.folded(next) > t.folded(j);
        }
        // «الفترة 2015-2018»، «2015 - 2018»، «من 2015 إلى 2018»: two years in order, at most a
        // century apart, joined by a dash (or by «إلى»، «حتى» after «من») are a span of years:
        // each end is a year. Not part of a longer run of numbers («2015-2018-2020»), nor before
        // a counted noun.
        let dash = |k: usize| DASHES.iter().any(|&c| t.is_punct(k, c));
        let to = |k: usize| t.is_word(k) && words("range-to").contains(&t.folded(k));
        let from = |k: usize| t.is_word(k) && words("range-from").contains(&t.folded(k));
        let span_of_years = |a: usize, b: usize| {
            let year = |k: usize| t.folded(k).parse::<i32>().unwrap_or(0);
            plausible(a)
                && plausible(b)
                && (1..=100).contains(&(year(b) - year(a)))
                && (a == 0 || !dash(a - 1) || t.breaks_before(a))
                && !(self.continues(b + 1) && dash(b + 1))
                && (a + 1..=b).all(|k| self.continues(k))
                // «من 2015 إلى 2018 طالبا» counts students.
                && !(self.continues(b + 1) && self.listed_noun(b + 1))
                // «جميع الحقوق محفوظة 2008 - 2018»، «© 2008-2018»: the years of a copyright.
                && !(a.saturating_sub(4)..a).any(|k| {
                    (k + 1..=a).all(|x| !t.breaks_before(x))
                        && (self.lex(k, |l| matches!(l, Lex::PageLabel { label: PageLabel::Copyright, .. })).is_some()
                            || crate::lexicon::LEXICON
                                .label_symbols
                                .iter()
                                .any(|(c, l)| *l == PageLabel::Copyright && t.is_punct(k, *c)))
                })
        };
        // «الربع الأخير من 2021»، «الثلاثي الأول من 2024»، «الأشهر التسعة الأولى من 2019»،
        // «اعتبارا من 2022»: a part of a year, or a word of starting, and «من» before it.
        if plausible(j)
            && t.is_word(j - 1)
            && t.folded(j - 1) == "من"
            && (j.saturating_sub(4)..j - 1).any(|k| {
                (k + 1..j).all(|x| !t.breaks_before(x)) && t.is_word(k) && words("year-of").contains(&t.folded(k))
            })
            && !(self.continues(j + 1) && self.listed_noun(j + 1))
        {
            return true;
        }
        let opens = j + 2 < t.len() && (dash(j + 1) || (to(j + 1) && from(j - 1))) && span_of_years(j, j + 2);
        let closes = j >= 2 && (dash(j - 1) || (to(j - 1) && j >= 3 && from(j - 3))) && span_of_years(j - 2, j);
        if opens || closes {
            return true;
        }
        // Back over «2005 و» (and more of them) to what licensed the first year.
        let mut k = j;
        for _ in 0..4 {
            if k < 2 || t.breaks_before(k) || t.breaks_before(k - 1) {
                return false;
            }
            if !(t.is_word(k - 1) && t.folded(k - 1) == "و" && plausible(k - 2)) {
                return false;
            }
            k -= 2;
            if k == 0 || t.breaks_before(k) {
                return false;
            }
            let licensed =
                self.lex(k - 1, |l| matches!(l, Lex::DateContext | Lex::YearNoun | Lex::Period { .. })).is_some()
                    || (t.is_word(k - 1) && matches!(t.folded(k - 1), "بين" | "وبين"));
            if licensed {
                return true;
            }
        }
        false
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
        // «المدير العام السابق»، «الأمين العام»: «العام» after a noun it qualifies is "general"
        // (`general-heads`), and «السابق» after it "former", not the year before.
        if !this
            && h.dropped == 0
            && k > 0
            && !t.breaks_before(k)
            && t.is_word(k - 1)
            && crate::text::clitic_readings(t.folded(k - 1), |w, _, _| words("general-heads").contains(&w))
        {
            return None;
        }
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
        } else if !bare
            && unit != PeriodUnit::Week
            && self.continues(end)
            && let Some(h) = self.lex(end, |l| matches!(l, Lex::Same))
        {
            relative = Some(Relative::Same(unit));
            end = h.end;
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
                // «هذا العام 862 ألفا و411 مرشحا»: the count of thousands, not a year (a
                // year this side of 1900 is not followed by «ألف» or «مليون» in the news).
                && !(era.is_none()
                    && !(1900..=2100).contains(&year)
                    && self.continues(end + 1)
                    && self
                        .lex(end + 1, |l| {
                            matches!(l, Lex::Number { class: NumClass::Scale | NumClass::ScalePlural, .. })
                        })
                        .is_some())
                // «بلغ عددهم هذا العام 1260 طالبا»: this year is a year of these centuries, and
                // a number before a counted noun counts it.
                && (era.is_some() || relative.is_none() || (1900..=2100).contains(&year))
                && !(era.is_none() && self.continues(end + 1) && self.listed_noun(end + 1))
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

    /// Whether a holiday's name starts at `j`.
    fn holiday_at(&self, j: usize) -> bool {
        self.lex(j, |l| matches!(l, Lex::Holiday { .. })).is_some()
    }

    /// «عيد الفطر»، «عيد الأضحى 2021»، «رأس السنة الهجرية 1443»، «عيد الميلاد الماضي»: a fixed
    /// day of its calendar, in the year written after it or recurring around publication.
    fn holiday(&self, j: usize) -> Option<Core> {
        let t = self.t;
        let h = self.ix.find(t, j, |l| match l {
            Lex::Holiday { calendar, month, day } => Some((*calendar, *month, *day)),
            _ => None,
        })?;
        let (calendar, month, day) = h.value;
        let mut core = Core::new(
            h.end,
            calendar,
            DateValue { month: Some(month), day: Some(day), ..Default::default() },
            h.dropped,
        );
        let k = h.end;
        if self.continues(k) && t.is_digits(k) && !self.part_of_bigger_number(k) && t.folded(k).len() == 4 {
            let year: i32 = t.folded(k).parse().ok()?;
            let era = self.era(k + 1);
            let written_in = match era {
                Some((c, _)) => Some(c),
                None if (1300..=1600).contains(&year) => Some(Calendar::Hijri),
                None if (1900..=2100).contains(&year) => Some(Calendar::Gregorian),
                None => None,
            };
            if let Some(written_in) = written_in {
                let end = era.map_or(k + 1, |e| e.1);
                let year = match (calendar, written_in) {
                    (Calendar::Hijri, Calendar::Gregorian) => hijri_year_in(year, month, day)?,
                    (Calendar::Gregorian, Calendar::Hijri) => return None,
                    _ => year,
                };
                core.written.year = Some(year);
                core.end = end;
                return Some(core);
            }
        }
        let direction = self.modifier(k).map_or(0, |(d, e)| {
            core.end = e;
            d.signum()
        });
        core.relative = Some(Relative::Recurring(direction));
        Some(core)
    }

    /// «اليوم»، «أمس»، «غدا»، «أول أمس»; «اليوم (الخميس)» keeps the weekday, and
    /// «اليوم الخميس 9 ديسمبر 2021»، «أمس الاثنين (4 ديسمبر)» state the day in full.
    fn deictic(&self, j: usize) -> Option<Core> {
        let t = self.t;
        let h = self.ix.find(t, j, |l| if let Lex::Deictic(n) = l { Some(*n) } else { None })?;
        let mut end = h.end;
        if self.in_outlet_name(j) || self.ends_a_name(j, h.end) {
            return None;
        }
        // «لامس» (touched) is no «ل» on «أمس»: yesterday takes «و»، «ف»، «ب» («بالأمس»), never «ل».
        let clitics: String = t.folded(j).chars().take(h.dropped).collect();
        if clitics.trim_start_matches(['و', 'ف']) == "ل" && t.folded(j).ends_with("امس") {
            return None;
        }
        if h.value == 0 && !self.today(j, end) {
            return None;
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
            // A date after the weekday states that day: «اليوم الخميس 9 ديسمبر 2021»،
            // «أمس الاثنين (4 ديسمبر كانون الأول)».
            let mut k = end;
            let mut open = false;
            if self.continues(k) && self.is_joiner(k) {
                open = t.is_punct(k, '(');
                k += 1;
            }
            if self.continues(k)
                && let Some(full) = self.core(k, Licence { context: true, month: false })
                && full.relative.is_none()
                && full.written.day.is_some()
                && full.written.month.is_some()
                && (!open || (self.continues(full.end) && t.is_punct(full.end, ')')))
            {
                core.end = if open { full.end + 1 } else { full.end };
                core.calendar = full.calendar;
                core.written = full.written;
                core.paired = full.paired;
            }
        }
        Some(core)
    }

    /// Whether «اليوم» at `j` (ending at `end`) is "today": not «ذلك اليوم» (that day), nor
    /// «في مثل هذا اليوم» (on this day, of another year: an anniversary), nor a day described
    /// by what follows: «اليوم الأول»، «اليوم العالمي»، «اليوم التالي»، «اليوم الذي»، nor «اليوم
    /// نفسه» (the same day as the date before), nor a rate («9 ملايين برميل في اليوم»). A definite
    /// word after it that is none of those is the next constituent: «تناقش اليوم الاقتراح».
    fn today(&self, j: usize, end: usize) -> bool {
        let t = self.t;
        let before = j.checked_sub(1).map(|p| t.folded(p)).unwrap_or("");
        if matches!(before, "ذلك" | "تلك") {
            return false;
        }
        if before == "هذا" && j >= 2 && t.is_word(j - 2) && t.folded(j - 2).ends_with("مثل") {
            return false;
        }
        // «تنتج 9 ملايين برميل في اليوم»: per day, a rate of the count before it; also of two
        // written as a dual («ساعتين في اليوم»، «مرتين في اليوم»).
        let two = |k: usize| {
            self.lex(k, |l| matches!(l, Lex::Dual | Lex::Duration { count: crate::lexicon::DurationCount::Two, .. }))
                .is_some()
                || matches!(t.folded(k), "مرتين" | "مرتان")
        };
        if before == "في"
            && (j.saturating_sub(5)..j - 1).any(|k| {
                !t.breaks_before(k + 1)
                    && (t.is_digits(k) || self.lex(k, |l| matches!(l, Lex::Number { .. })).is_some() || two(k))
            })
        {
            return false;
        }
        if !(self.continues(end) && t.is_word(end)) {
            return true;
        }
        // «في اليوم نفسه»: the day of the date before it, not today.
        if self.lex(end, |l| matches!(l, Lex::Same)).is_some() {
            return false;
        }
        let next = t.folded(end);
        if !next.starts_with("ال") || self.lex(end, |l| matches!(l, Lex::Weekday(_) | Lex::Modifier(_))).is_some() {
            return true;
        }
        let describes = self.lex(end, |l| matches!(l, Lex::DayOrdinal(_))).is_some()
            // a relative adjective (nisba): «العالمي»، «الوطني»، «الدراسي»
            || next.ends_with('ي')
            || next.ends_with("يه")
            || matches!(
                next,
                "التالي" | "الاخير" | "الذي" | "نفسه" | "ذاته" | "السابق" | "الموالي" | "المحدد" | "المقرر" | "الموعود"
                    | "المشهود" | "الحاسم" | "الفاصل" | "الطويل" | "الاول"
            );
        !describes
    }

    /// Whether «اليوم» at `j` (ending at token `end`) ends a name no list knows, an
    /// outlet's most often: the last of at most three words in quotation marks after «لـ» or an
    /// outlet's head («في تصريح لـ"الاقتصاد اليوم"»، «صحيفة "الخليج اليوم"»), or of a line of
    /// two or three words alone at the top, the masthead («المشرق اليوم»). Quoted speech
    /// («قال: "سنعلن النتائج اليوم"») follows neither.
    fn ends_a_name(&self, j: usize, end: usize) -> bool {
        let t = self.t;
        let quote = |k: usize| matches!(t.folded(k), "\"" | "«" | "»" | "“" | "”");
        let quoted = self.continues(end) && quote(end) && {
            let open = (j.saturating_sub(3)..j).rev().find(|&k| quote(k) || t.breaks_before(k + 1));
            open.is_some_and(|o| {
                quote(o)
                    && o > 0
                    && o + 1 < j
                    && (o + 1..j).all(|k| t.is_word(k) && !t.breaks_before(k))
                    && !t.breaks_before(o)
                    && (matches!(t.folded(o - 1), "ل" | "لـ")
                        || self.lex(o - 1, |l| matches!(l, Lex::OutletHead)).is_some())
            })
        };
        // The line's start, within the two words a masthead has before «اليوم».
        let line_start = (j.saturating_sub(2)..=j).rev().find(|&k| k == 0 || t.breaks_before(k)).unwrap_or(j);
        let masthead = j > line_start
            && j - line_start <= 2
            && (end >= t.len() || t.breaks_before(end))
            && (line_start..j).all(|k| t.is_word(k))
            && t.tokens[line_start].start - t.from < MASTHEAD_BYTES;
        t.folded(j) == "اليوم" && (quoted || masthead)
    }

    /// Whether the token at `j` lies inside an outlet's or programme's name («روسيا اليوم»،
    /// «قناة الغد»، «حدث اليوم»).
    fn in_outlet_name(&self, j: usize) -> bool {
        let t = self.t;
        (j.saturating_sub(3)..=j).any(|s| {
            if !t.is_word(s) || (s + 1..=j).any(|k| t.breaks_before(k)) {
                return false;
            }
            let Some(h) = self.ix.find(t, s, |l| if let Lex::Outlet { framed } = l { Some(*framed) } else { None })
            else {
                return false;
            };
            if h.end <= j {
                return false;
            }
            if !h.value {
                return true;
            }
            let headed = s > 0 && !t.breaks_before(s) && self.lex(s - 1, |l| matches!(l, Lex::OutletHead)).is_some();
            let titled = (s > 0 && !t.breaks_before(s) && t.is_punct(s - 1, '|'))
                || (self.continues(h.end) && t.is_punct(h.end, '|'));
            // Alone in brackets or quotation marks («(الغد)»، «صحيفة "الغد"»), or between the
            // dashes of a dateline («عمان - الغد - 16 آذار 2025»): a name, as a credit is.
            let set_apart = s > 0 && !t.breaks_before(s) && self.continues(h.end) && {
                let (open, close) = (t.folded(s - 1), t.folded(h.end));
                let punct = t.kind(s - 1) == Some(TokenKind::Punct) && t.kind(h.end) == Some(TokenKind::Punct);
                punct
                    && (open == "(" && close == ")"
                        || matches!((open, close), ("\"", "\"") | ("«", "»") | ("“", "”"))
                        || DASHES.iter().any(|&c| open.starts_with(c)) && DASHES.iter().any(|&c| close.starts_with(c)))
            };
            // Opening a line before a dash: the paper's byline («الغد - الأربعاء 10 أيلول 2025»).
            let byline = (s == 0 || t.breaks_before(s))
                && self.continues(h.end)
                && t.kind(h.end) == Some(TokenKind::Punct)
                && DASHES.iter().any(|&c| t.folded(h.end).starts_with(c));
            headed || titled || set_apart || byline
        })
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

/// The Hijri year in which a Hijri day falls in Gregorian `year` (the first, when a Hijri day
/// comes round twice in one Gregorian year).
pub(crate) fn hijri_year_in(year: i32, month: u8, day: u8) -> Option<i32> {
    // A Hijri year is about 354 days: it runs 33 to every 32 Gregorian ones, from 622.
    let estimate = (year - 622) * 33 / 32;
    (estimate - 2..=estimate + 2).find(|&hy| hijri_to_gregorian(hy, month, day).is_ok_and(|(gy, _, _)| gy == year))
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
