//! Page furniture: what a web page prints around the article it carries, told from the
//! article's prose by its structure.
//!
//! Copy pasted from a news site brings the site's stamps (the article's date and time, the
//! day the page was copied), lists of other articles each with its own date, menus of one or
//! two words a line, and copyright lines. Their dates are dates, but no claim of the article
//! stands in them: the rules leave them out ([`Page::contains`]). One of the stamps usually
//! dates the article itself, which gives relative dates something to count from
//! ([`Page::stamps`]).
//!
//! What marks furniture (none of it needs the site to be known):
//! - a **stamp**: a full date with a clock time beside it («الثلاثاء 5 ديسمبر 2017 09:53»،
//!   «2017 / 12 / 5 الساعة 07 : 27»), or with a label of `data/furniture.tsv` before or after
//!   it («آخر تحديث : 05 / 12 / 2017»، «… حجم الخط»), or a numeric date at the top of the page;
//! - a **list of dated items**: three or more full dates in a row, each a few words from the
//!   next with no sentence ending between them, at least two of them in a stamp's shape (a
//!   time, a weekday, month first, or digits only);
//! - **lines**: a copyright line; the header of a list of other articles («مواضيع ذات صلة»)
//!   with the short lines after it; three or more lines in a row of at most four words and
//!   no number (a menu).
//!
//! Prose is never furniture by length alone: a sentence ends, and a date in it stands after a
//! preposition («في 5 ديسمبر 2017 الساعة 10:30»), which no unlabelled stamp does.

use super::{Mention, MentionKind, Span};
use crate::lexicon::Calendar;
use crate::lexicon::{Index, LEXICON, Lex, PageLabel};
use crate::text::{TokenKind, Tokens};

/// What a pasted page carries around its article.
#[derive(Clone, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Page {
    /// Byte spans of furniture, sorted and disjoint.
    pub regions: Vec<Span>,
    /// Date mentions (indexes into the mentions read) that stamp the article itself, the most
    /// authoritative first: labelled publication or update stamps, then the stamps at the top
    /// of the page, then the article's own datelines.
    pub stamps: Vec<usize>,
    /// How many of the stamps, at their end, are the article's own datelines («بيروت - 9 أيلول
    /// 2025 (أ ف ب) -», a date line of its own at the top): the date the article gives itself,
    /// which its prose's «أمس الأحد» contradicts rather than moves.
    pub own: usize,
    /// The stamps (indexes into the mentions read) that fix their day: not an update's, and with
    /// a time of day from three in the morning on («2025/08/15 - 10:20») or no time at all
    /// («نشر في: الأحد 17 آب 2025»، «2025/08/15» on a line of its own). Copy filed before
    /// midnight and stamped after is one day behind a stamp stamped in the small hours, never
    /// behind one of these: a lead's «أمس الأربعاء» under a Friday's such stamp is the lead's
    /// slip (relative-date-mismatch), not a Thursday's copy.
    pub fixed: Vec<usize>,
    /// Share bars: lines of platforms to share the page on («شارك الخبر: فيسبوك | تويتر |
    /// واتساب»، «تابعونا على فيسبوك وإنستغرام»), furniture whose names are no entities of the
    /// article. Sorted.
    pub shares: Vec<Span>,
}

impl Page {
    /// Whether a mention at `span` stands in furniture.
    pub fn contains(&self, span: Span) -> bool {
        let k = self.regions.partition_point(|r| r.end <= span.start);
        self.regions.get(k).is_some_and(|r| r.start < span.end)
    }
}

/// Stamps within this many lines and bytes of the start are at the top of the page (a site's
/// menu of short lines often runs to eight or more above the article).
const TOP_LINES: usize = 12;
const TOP_BYTES: usize = 2000;

/// Reads the furniture of a text from its tokens, its index in the language data, and the
/// mentions found in it.
pub fn read(toks: &Tokens, ix: &Index<'static>, mentions: &[Mention]) -> Page {
    let r = Reader { t: toks, ix };
    let mut regions = Vec::new();
    let mut labelled = Vec::new();
    let mut top = Vec::new();
    let dates: Vec<Dated> = mentions
        .iter()
        .enumerate()
        .filter_map(|(k, m)| match &m.kind {
            MentionKind::Date(d) if d.written.full().is_some() => Some(r.dated(k, m, d.weekday.is_some())),
            _ => None,
        })
        .collect();
    let in_list = r.lists(&dates, &mut regions);
    let mut datelines = Vec::new();
    let mut fixed = Vec::new();
    for (d, listed) in dates.iter().zip(&in_list) {
        let Some(stamp) = r.stamp(d) else {
            // A line with nothing but the date at the top: the article's own dateline, prose
            // (its weekday is checked like any other).
            if !*listed && r.at_top(d.first) && r.date_line(d) {
                datelines.push(d.mention);
            } else if !*listed && let Some(dash) = r.wire_dateline(d) {
                // «الرياض - 23 جمادى الأولى 1445 هـ الموافق 6 ديسمبر 2023 -»: the Gregorian
                // equivalent dates the article (a Hijri date may be a day off the calendar).
                let hijri =
                    |m: usize| matches!(&mentions[m].kind, MentionKind::Date(x) if x.calendar == Calendar::Hijri);
                // Its equivalent is before the dash, or right after it: «الدوحة - الاثنين 13 جمادى
                // الأولى 1445 هـ - 27 نوفمبر 2023 م».
                let gregorian = dates
                    .iter()
                    .find(|g| g.first > d.last && (g.last < dash || g.first <= dash + 2) && !hijri(g.mention));
                datelines.push(match gregorian {
                    Some(g) if hijri(d.mention) => g.mention,
                    _ => d.mention,
                });
            }
            continue;
        };
        regions.push(stamp.span);
        // In a list, only a labelled stamp dates the article: each item has its own date.
        if *listed && !matches!(stamp.label, Some(PageLabel::Published | PageLabel::Updated)) {
            continue;
        }
        // A time in the small hours unfixes a stamp: «الأربعاء 27 ديسمبر في 12 : 30 ص» stamps
        // Tuesday night's copy. An update is later than the copy, by any time.
        if stamp.label != Some(PageLabel::Updated) && stamp.daytime.unwrap_or(true) {
            fixed.push(d.mention);
        }
        match stamp.label {
            Some(PageLabel::Published | PageLabel::Updated) => labelled.push(d.mention),
            Some(PageLabel::Site) => {}
            _ if r.at_top(d.first) => top.push(d.mention),
            _ => {}
        }
    }
    // «القاهرة 16 نوفمبر تشرين الثاني (رويترز) -»: a wire dateline with no year, as Reuters'
    // Arabic copy writes it (`resolve::published_from_text` finds its year).
    if datelines.is_empty() && labelled.is_empty() && top.is_empty() {
        let yearless = mentions.iter().enumerate().find_map(|(k, m)| match &m.kind {
            MentionKind::Date(d)
                if d.relative.is_none()
                    && d.written.year.is_none()
                    && d.written.month.is_some()
                    && d.written.day.is_some() =>
            {
                let dated = r.dated(k, m, d.weekday.is_some());
                r.wire_dateline(&dated).map(|_| k)
            }
            _ => None,
        });
        datelines.extend(yearless);
    }
    let shares = r.lines(&mut regions);
    regions.sort_by_key(|s| (s.start, s.end));
    let mut merged: Vec<Span> = Vec::with_capacity(regions.len());
    for s in regions {
        match merged.last_mut() {
            Some(last) if s.start <= last.end => last.end = last.end.max(s.end),
            _ => merged.push(s),
        }
    }
    labelled.extend(top);
    // A wire dateline is no stamp of the page, so never one of those already kept.
    let own = datelines.len();
    labelled.extend(datelines);
    Page { regions: merged, stamps: labelled, own, fixed, shares }
}

/// A full date found in the text, by tokens.
struct Dated {
    mention: usize,
    span: Span,
    first: usize,
    /// The date's last token.
    last: usize,
    weekday: bool,
    /// Written in digits only («5 / 12 / 2017») or month first («يناير 20 , 2018»).
    stamp_shaped: bool,
}

/// A stamp: its span (label and time included), its label, and if it has a time, whether that
/// is of the day (three in the morning or later: see [`Page::fixed`]).
struct Stamp {
    span: Span,
    label: Option<PageLabel>,
    daytime: Option<bool>,
}

/// A label of page furniture found in the text: where it ends, what it says, and whether it is
/// also a verb of running text.
#[derive(Clone, Copy)]
struct Label {
    end: usize,
    kind: PageLabel,
    prose: bool,
}

struct Reader<'a, 't> {
    t: &'a Tokens<'t>,
    ix: &'a Index<'static>,
}

impl Reader<'_, '_> {
    fn dated(&self, mention: usize, m: &Mention, weekday: bool) -> Dated {
        let t = self.t;
        let first = t.tokens.partition_point(|x| x.start < m.span.start);
        let last = t.tokens.partition_point(|x| x.start < m.span.end).saturating_sub(1).max(first);
        // Digits only, or a month name before the day's digits.
        let words: Vec<usize> =
            (first..=last).filter(|&k| t.is_word(k) || t.kind(k) == Some(TokenKind::Latin)).collect();
        let digits_first_word = words.first().is_some_and(|&w| (first..w).any(|k| t.is_digits(k)));
        let numeric = (first..=last).all(|k| !t.is_word(k) || self.is_era(k));
        let month_first = !digits_first_word
            && words.iter().any(|&w| self.is_month(w) && w < last && t.is_digits(w + 1) && t.folded(w + 1).len() <= 2);
        Dated { mention, span: m.span, first, last, weekday, stamp_shaped: numeric || month_first }
    }

    fn is_month(&self, k: usize) -> bool {
        self.t.kind(k) == Some(TokenKind::Latin) && LEXICON.latin_month(self.t.folded(k)).is_some()
            || self.ix.is(self.t, k, |l| matches!(l, Lex::Month(_) | Lex::HijriMonth(_)))
    }

    fn is_era(&self, k: usize) -> bool {
        self.ix.is(self.t, k, |l| matches!(l, Lex::Era(_)))
    }

    fn at_top(&self, k: usize) -> bool {
        let t = self.t;
        t.tokens[k].start - t.from < TOP_BYTES && (0..=k).filter(|&j| t.breaks_before(j)).count() < TOP_LINES
    }

    /// Whether a date is the wire dateline opening the lead, at the top of the page: a place
    /// (up to three words) and a separator before it, and after it, past a «الموافق» date and an
    /// agency in brackets, a dash: «القاهرة، 6 مارس 2024 (رويترز) -»، «دمشق - الأحد 16 نيسان 2017
    /// -». It is prose, not furniture (a stamp of the page is never one); it dates the article
    /// as a stamp does.
    /// Returns the dash's token.
    fn wire_dateline(&self, d: &Dated) -> Option<usize> {
        let t = self.t;
        if !self.at_top(d.first) {
            return None;
        }
        // A dash, or a lone tatweel drawn as one («القاهرة ـ 17 أبريل 2025 ـ»).
        // And an em dash («الخرطوم - 17 مارس 2025 — …»), which a dateline takes and a date
        // range never does.
        let dash = |k: usize| {
            super::date::DASHES.iter().any(|&c| t.is_punct(k, c))
                || t.is_punct(k, '—')
                || t.kind(k) == Some(TokenKind::Punct) && t.folded(k).is_empty() && t.original(k).starts_with('ـ')
        };
        // «بوابة الوسط | الأحد 9 صفر 1447 هـ»: a site's bar between its name and the date.
        let sep = |k: usize| ['،', ',', ':', '|'].iter().any(|&c| t.is_punct(k, c)) || dash(k);
        // Before: the line opens with the place and a separator, or with the date itself.
        let mut words = 0;
        let mut k = d.first;
        // «القاهرة في 17 أبريل 2025 (أ ش أ) -»: MENA's and MAP's «في» sets the date apart.
        let in_ = d.first > 1 && !t.breaks_before(d.first) && t.folded(d.first - 1) == "في";
        if in_ {
            k -= 1;
        }
        while k > 0 && !t.breaks_before(k) {
            k -= 1;
            // The paper's name in quotation marks between the place and the date: «الرباط -
            // «القدس العربي»: الأحد …»، «الجزائر - «الشروق» - 3 أوت 2025 -».
            if t.is_punct(k, '»') || t.is_punct(k, '"') {
                let close = t.folded(k).to_string();
                let opening = if close == "»" { "«" } else { "\"" };
                let open = (k.saturating_sub(6)..k).rev().find(|&o| t.folded(o) == opening);
                match open {
                    Some(o) if o > 0 && !(o + 1..=k).any(|j| t.breaks_before(j)) && !t.breaks_before(o) => {
                        k = o;
                        continue;
                    }
                    _ => return None,
                }
            }
            // A country or an agency in brackets after the place: «درنة (ليبيا) -»، «بيروت
            // (رويترز) -».
            if t.is_punct(k, ')') {
                let open = (k.saturating_sub(6)..k).rev().find(|&o| t.is_punct(o, '('));
                match open {
                    Some(o) if o > 0 && !(o + 1..=k).any(|j| t.breaks_before(j)) && !t.breaks_before(o) => {
                        k = o;
                        continue;
                    }
                    _ => return None,
                }
            }
            if t.is_word(k) {
                words += 1;
                // A function word never takes the article: «الله» of «رام الله» is no «له».
                let function =
                    self.ix.find_indefinite(t, k, |l| matches!(l, Lex::FunctionWord).then_some(())).is_some();
                // The paper's name between two dashes after the place, though its words name a
                // day («عمان - الغد - 16 آذار 2025»، «القاهرة - اليوم السابع - 16 مارس 2025»).
                let paper = || {
                    let from = (k.saturating_sub(3)..k).rev().find(|&j| !t.is_word(j));
                    from.is_some_and(|f| dash(f) && f > 0 && t.is_word(f - 1) && !t.breaks_before(f))
                        && (k + 1..d.first).find(|&j| !t.is_word(j)).is_some_and(|j| dash(j) && j + 1 == d.first)
                };
                // «الصباح نيوز - الاثنين 14 جويلية 2025»: an outlet's name, its date word in it.
                let outlet = self.ix.is(t, k, |l| matches!(l, Lex::Outlet { .. }));
                if words > 3 || function || self.ix.is(t, k, |l| l.is_date_or_number_word()) && !paper() && !outlet {
                    return None;
                }
            } else if !sep(k) && !t.is_punct(k, '/') {
                // «القدس/غزة - …»: two places of filing.
                return None;
            }
        }
        // «في» follows a place: «في 6 مارس 2024 (…) -» opening a line is a sentence's start.
        if in_ && words == 0 {
            return None;
        }
        // The place is set apart from the date by a mark, by its country in brackets, or (the
        // AFP's «بيروت 15 تموز/يوليو 2025 (أ ف ب) -») by nothing, with the agency after the date.
        let apart = d.first > 0 && (in_ || sep(d.first - 1) || t.is_punct(d.first - 1, ')'));
        // After: «، الموافق …», «( وكالات )», then the dash that opens the story; or, after a place
        // and its mark, the line's end («بيروت - 27 تشرين الثاني 2023» on a line of its own).
        let mut agency = false;
        let mut j = d.last + 1;
        let end = (j + 16).min(t.len());
        while j < end && !t.breaks_before(j) {
            if dash(j) {
                // With «في», only with the agency that files that way («(أ ش أ)»، «(ومع)»):
                // «وصل الوفد في 6 مارس 2024 - …» is a sentence.
                // «الرباط 9 جويلية 2025 - قال …»: a place of a word or two, the date and the dash
                // at once open the story too.
                let at_once = words <= 2 && !in_ && j == d.last + 1;
                return (words == 0 || agency || apart && !in_ || at_once).then_some(j);
            }
            // «القاهرة – 17 أبريل 2025: …»: a colon opens the story after a place set apart.
            if t.is_punct(j, ':') && words > 0 && apart && !in_ {
                return Some(j);
            }
            if t.is_punct(j, '(') {
                match (j + 1..end.min(j + 7)).find(|&c| t.is_punct(c, ')')) {
                    Some(close) => {
                        // An agency's name, not a source cited: «(بحسب الشرطة)». («(ومع)» is
                        // MAP, not «و» and «مع»; «(و م ع)» its letters.)
                        let cited = j + 1 < close
                            && t.folded(j + 1).chars().count() > 2
                            && self
                                .ix
                                .find_indefinite(t, j + 1, |l| matches!(l, Lex::FunctionWord).then_some(()))
                                .is_some_and(|h| h.dropped == 0);
                        agency |= !cited;
                        j = close + 1;
                    }
                    None => return None,
                }
                continue;
            }
            // «مكة المكرمة 05 يونيو 2025 م واس»: the agency's name without brackets, ending the
            // line.
            if self.ix.is(t, j, |l| matches!(l, Lex::Outlet { .. })) && (j + 1 == t.len() || t.breaks_before(j + 1)) {
                agency = true;
                j += 1;
                continue;
            }
            let folded = t.folded(j);
            if t.is_punct(j, '،') || t.is_punct(j, ',') || folded == "الموافق" {
                j += 1;
                continue;
            }
            // The date's equivalent after «الموافق»: digits, a month, an era.
            if t.is_digits(j) || self.is_month(j) || self.is_era(j) || t.is_punct(j, '/') || folded == "هـ" {
                j += 1;
                continue;
            }
            return None;
        }
        (words > 0 && (apart || agency) && !in_ && (j == t.len() || t.breaks_before(j))).then_some(j)
    }

    /// The stamp a date stands in, if it stands in one.
    fn stamp(&self, d: &Dated) -> Option<Stamp> {
        let t = self.t;
        let mut span = d.span;
        let mut label: Option<Label> = None;
        // A label before it: «آخر تحديث : 05 / 12 / 2017»، «نشر 15 تشرين الثاني 2017».
        if let Some((start, l)) = self.label_before(d.first) {
            span.start = start;
            label = Some(l);
        }
        // A time after it («… 2017 09 : 53 ص»، «… في 12 : 30»، «… الساعة 07 : 27») or before it
        // («GMT 14 : 50 2017 الأحد 4 يونيو»).
        let after = self.clock_after(d.last + 1);
        if let Some(end) = after {
            span.end = t.tokens[end - 1].end;
        }
        let before = self.clock_before(d.first);
        if let Some(start) = before
            && label.is_none()
        {
            span.start = t.tokens[start].start;
        }
        let resume = after.unwrap_or(d.last + 1);
        if label.is_none()
            && let Some(l) = self.label_after(resume)
        {
            span.end = t.tokens[l.end - 1].end;
            label = Some(l);
        }
        let timed = after.is_some() || before.is_some();
        let daytime = self.joined_clock(d.last + 1).or(before).map(|k| self.daytime(k));
        if let Some(l) = label {
            // «المكتب نشر في 5 مايو 2017 تقريرا» is prose: a label that is also a verb makes a
            // stamp only where a page puts one, opening a line or after a mark, or with a time.
            let s = t.tokens.partition_point(|x| x.start < span.start);
            let set_apart = s == 0
                || t.breaks_before(s)
                || matches!(t.kind(s - 1), Some(TokenKind::Punct | TokenKind::Latin | TokenKind::Digits));
            return (!l.prose || set_apart || timed).then_some(Stamp { span, label: Some(l.kind), daytime });
        }
        // Unlabelled, a date is a stamp only where prose would not put it: with nothing before
        // it that introduces a date («في»، «يوم»، «منذ»…), and with a time beside it or at the top
        // of the page in digits only.
        let introduced = d.first > 0
            && !t.breaks_before(d.first)
            && self.ix.is(t, d.first - 1, |l| matches!(l, Lex::DateContext | Lex::DayNoun | Lex::SameAs));
        (!introduced && (timed || (d.stamp_shaped && !d.weekday && self.at_top(d.first) && self.numeric_only(d))))
            .then_some(Stamp { span, label: None, daytime })
    }

    /// Whether the date's line holds nothing else but its weekday and its equivalent in the
    /// other calendar: «الثلاثاء 31 آب 2021»، «الأحد - 13 شعبان 1444 هـ - 05 مارس 2023 مـ». At
    /// the top of a page such a line dates the article; prose always says more.
    fn date_line(&self, d: &Dated) -> bool {
        let t = self.t;
        let mut start = d.first;
        while start > 0 && !t.breaks_before(start) {
            start -= 1;
        }
        let mut end = d.last + 1;
        while end < t.len() && !t.breaks_before(end) {
            end += 1;
        }
        (start..end).filter(|&k| k < d.first || k > d.last).all(|k| {
            t.kind(k) == Some(TokenKind::Punct)
                || t.is_digits(k)
                || self.is_month(k)
                || self.is_era(k)
                || matches!(t.folded(k), "الموافق" | "م" | "مـ" | "هـ")
                || self.ix.is(t, k, |l| matches!(l, Lex::Weekday(_)))
        })
    }

    /// Written in digits only, day, month and year: a day alone («5» of «من 5 إلى 7 مارس
    /// 2023», its month and year taken from the range) is not.
    fn numeric_only(&self, d: &Dated) -> bool {
        (d.first..=d.last).all(|k| !self.t.is_word(k) || self.is_era(k))
            && (d.first..=d.last).filter(|&k| self.t.is_digits(k)).nth(1).is_some()
    }

    /// A label of page furniture ending at most two punctuation marks before token `first`: its
    /// start (bytes) and kind.
    fn label_before(&self, first: usize) -> Option<(usize, Label)> {
        let t = self.t;
        let mut end = first;
        while end > 0 && end + 2 >= first && t.kind(end - 1) == Some(TokenKind::Punct) && !t.breaks_before(end) {
            end -= 1;
        }
        if end == 0 || t.breaks_before(end) {
            return None;
        }
        // Labels run to four words: try each start.
        (end.saturating_sub(4)..end).find_map(|s| {
            let l = self.label_at(s)?;
            (l.end == end && !(s + 1..end).any(|k| t.breaks_before(k))).then(|| (t.tokens[s].start, l))
        })
    }

    /// A label of page furniture starting at most two punctuation marks after token `k`: its
    /// end (a token index) and kind.
    fn label_after(&self, mut k: usize) -> Option<Label> {
        let t = self.t;
        for _ in 0..2 {
            if k < t.len() && !t.breaks_before(k) && t.kind(k) == Some(TokenKind::Punct) {
                k += 1;
            }
        }
        if k >= t.len() || t.breaks_before(k) {
            return None;
        }
        self.label_at(k)
    }

    /// The label of page furniture starting at token `s`.
    fn label_at(&self, s: usize) -> Option<Label> {
        let t = self.t;
        match t.kind(s)? {
            TokenKind::Word => {
                let h = self.ix.find(t, s, |l| match l {
                    Lex::PageLabel { label, prose } => Some((*label, *prose)),
                    _ => None,
                })?;
                (h.dropped == 0).then_some(Label { end: h.end, kind: h.value.0, prose: h.value.1 })
            }
            TokenKind::Latin => LEXICON
                .latin_labels
                .iter()
                .filter_map(|(words, kind, prose)| {
                    let fits = words.iter().enumerate().all(|(n, w)| {
                        let k = s + n;
                        t.kind(k) == Some(TokenKind::Latin) && (n == 0 || !t.breaks_before(k)) && t.folded(k) == w
                    });
                    fits.then_some(Label { end: s + words.len(), kind: *kind, prose: *prose })
                })
                .max_by_key(|l| l.end),
            TokenKind::Punct => {
                let c = t.folded(s).chars().next()?;
                LEXICON.label_symbols.iter().find(|(m, _)| *m == c).map(|(_, kind)| Label {
                    end: s + 1,
                    kind: *kind,
                    prose: false,
                })
            }
            TokenKind::Digits => None,
        }
    }

    /// Where a clock time starts at `k` or after at most two joiners, if one does.
    fn joined_clock(&self, mut k: usize) -> Option<usize> {
        let t = self.t;
        for _ in 0..2 {
            if k < t.len() && !t.breaks_before(k) && self.joiner(k) {
                k += 1;
            }
        }
        self.clock(k).map(|_| k)
    }

    /// Whether the clock time starting at `k` (its hour, or «GMT» before it) is of the day, three
    /// in the morning or later: «10 : 20»، «02 : 15 م», «12:30» (noon on either clock; «12 : 30
    /// ص» is past midnight). «01 : 30» may be past midnight, or half past one in the afternoon
    /// on a twelve-hour clock: not known to be.
    fn daytime(&self, k: usize) -> bool {
        let t = self.t;
        let k = if t.kind(k) == Some(TokenKind::Latin) { k + 1 } else { k };
        let Some(end) = self.clock(k) else { return false };
        let Ok(hour) = t.folded(k).parse::<u32>() else { return false };
        let marked = |words: &[&str]| end < t.len() && !t.breaks_before(end) && words.contains(&t.folded(end));
        let evening = marked(&["م", "مساء", "ليلا", "pm"]);
        let morning = marked(&["ص", "صباحا", "فجرا", "am"]);
        (3..=11).contains(&hour) || (13..=23).contains(&hour) || (evening && hour <= 12) || (hour == 12 && !morning)
    }

    /// A clock time at `k`, after at most two joiners («-»، «|»، «،»، «في»، «الساعة»، «GMT»): the
    /// token after it (and after «ص»، «مساء»، «GMT» that follow it).
    fn clock_after(&self, k: usize) -> Option<usize> {
        let t = self.t;
        let k = self.joined_clock(k)?;
        let mut end = self.clock(k)?;
        // «ص»، «مساء»، «صباحا»، «GMT»، «بتوقيت»
        while end < t.len()
            && !t.breaks_before(end)
            && (self.ix.is(t, end, |l| matches!(l, Lex::TimeOfDay))
                || (t.kind(end) == Some(TokenKind::Latin) && matches!(t.folded(end), "gmt" | "am" | "pm")))
        {
            end += 1;
        }
        Some(end)
    }

    /// Whether a clock time ends right before token `first` (after at most one joiner): the
    /// time's first token.
    fn clock_before(&self, first: usize) -> Option<usize> {
        let t = self.t;
        let mut e = first;
        if e > 0 && !t.breaks_before(e) && self.joiner(e - 1) && t.kind(e - 1) == Some(TokenKind::Punct) {
            e -= 1;
        }
        if t.breaks_before(e) {
            return None;
        }
        // hh : mm or hh : mm : ss, ending at e.
        for len in [3, 5] {
            if e >= len && self.clock(e - len) == Some(e) {
                let s = e - len;
                // «GMT 14 : 50»
                let s = if s > 0 && t.kind(s - 1) == Some(TokenKind::Latin) && t.folded(s - 1) == "gmt" {
                    s - 1
                } else {
                    s
                };
                return Some(s);
            }
        }
        None
    }

    /// «-»، «|»، «،»، «في»، «الساعة»، «GMT» between a date and its time.
    fn joiner(&self, k: usize) -> bool {
        let t = self.t;
        match t.kind(k) {
            Some(TokenKind::Punct) => matches!(t.folded(k), "-" | "–" | "|" | "،" | "," | "/" | "(" | ")"),
            Some(TokenKind::Word) => matches!(t.folded(k), "في" | "الساعه" | "الساعة" | "ساعه"),
            Some(TokenKind::Latin) => t.folded(k) == "gmt",
            _ => false,
        }
    }

    /// «09 : 53»، «13:41:00», at `k`: the token after it.
    fn clock(&self, k: usize) -> Option<usize> {
        let t = self.t;
        let two = |k: usize, max: u32| {
            t.is_digits(k) && t.folded(k).len() <= 2 && t.folded(k).parse::<u32>().is_ok_and(|v| v <= max)
        };
        let on_line = |k: usize| k < t.len() && !t.breaks_before(k);
        if !(two(k, 24) && on_line(k + 1) && t.is_punct(k + 1, ':') && on_line(k + 2) && two(k + 2, 59)) {
            return None;
        }
        let mut end = k + 3;
        if on_line(end) && t.is_punct(end, ':') && on_line(end + 1) && two(end + 1, 59) {
            end += 2;
        }
        Some(end)
    }

    /// Lists of dated items: three or more full dates, each at most `GAP` tokens from the next
    /// with no sentence ending between, at least two in a stamp's shape. Each list's span goes
    /// into `regions`; the answer says which dates are in one.
    fn lists(&self, dates: &[Dated], regions: &mut Vec<Span>) -> Vec<bool> {
        const GAP: usize = 25;
        let t = self.t;
        let mut listed = vec![false; dates.len()];
        let mut start = 0;
        while start < dates.len() {
            let mut end = start + 1;
            while end < dates.len() {
                let (a, b) = (&dates[end - 1], &dates[end]);
                let gap = b.first.saturating_sub(a.last + 1);
                let ends_sentence = (a.last + 1..b.first)
                    .any(|k| matches!(t.folded(k), "." | "؟" | "?" | "!") && t.kind(k) == Some(TokenKind::Punct));
                if gap > GAP || ends_sentence {
                    break;
                }
                end += 1;
            }
            let run = &dates[start..end];
            let shaped =
                run.iter().filter(|d| d.stamp_shaped || d.weekday || self.clock_after(d.last + 1).is_some()).count();
            if run.len() >= 3 && shaped >= 2 {
                let last = &run[run.len() - 1];
                let tail = self.clock_after(last.last + 1).map_or(last.span.end, |e| t.tokens[e - 1].end);
                regions.push(Span::new(run[0].span.start, tail));
                listed[start..end].iter_mut().for_each(|l| *l = true);
            }
            start = end;
        }
        listed
    }

    /// Furniture told by whole lines: copyright lines, lists of other articles under their
    /// header, menus. (An article's own dateline on a line of its own is not furniture: its
    /// «اليوم الخميس 9 ديسمبر 2021» is checked against the publication date.)
    fn lines(&self, regions: &mut Vec<Span>) -> Vec<Span> {
        let t = self.t;
        // Each line as a token range.
        let mut lines = Vec::new();
        let mut s = 0;
        for k in 1..=t.len() {
            if k == t.len() || t.breaks_before(k) {
                lines.push(s..k);
                s = k;
            }
        }
        let words = |r: &std::ops::Range<usize>| {
            r.clone().filter(|&k| t.is_word(k) || t.kind(k) == Some(TokenKind::Latin)).count()
        };
        let ends_sentence = |r: &std::ops::Range<usize>| {
            r.clone()
                .rev()
                .find(|&k| t.kind(k) != Some(TokenKind::Punct) || !matches!(t.folded(k), "\"" | "»" | ")"))
                .is_some_and(|k| matches!(t.folded(k), "." | "؟" | "?" | "!" | ":"))
        };
        let span_of = |r: &std::ops::Range<usize>| Span::new(t.tokens[r.start].start, t.tokens[r.end - 1].end);
        let mut menu_run: Vec<usize> = Vec::new();
        let flush = |run: &mut Vec<usize>, regions: &mut Vec<Span>| {
            if run.len() >= 3 {
                regions.extend(run.iter().map(|&n| span_of(&lines[n])));
            }
            run.clear();
        };
        let mut related_until = None;
        let mut shares = Vec::new();
        for (n, line) in lines.iter().enumerate() {
            if line.is_empty() {
                continue;
            }
            let w = words(line);
            // A share bar: two names of platforms or more, few other words, no sentence.
            let platforms = line.clone().filter(|&k| self.platform(k)).count();
            if platforms >= 2 && w - platforms <= 6 && !ends_sentence(line) {
                regions.push(span_of(line));
                shares.push(span_of(line));
            }
            // A menu: lines of one to four words and no number, three or more in a row.
            if w <= 4 && !ends_sentence(line) && !line.clone().any(|k| t.is_digits(k)) {
                menu_run.push(n);
            } else {
                flush(&mut menu_run, regions);
            }
            let labels: Vec<(usize, Label)> = line
                .clone()
                .filter(|&k| !t.is_word(k) || self.ix.knows(k))
                .filter_map(|k| self.label_at(k).map(|l| (k, l)))
                .collect();
            for &(k, Label { end: e, kind, .. }) in &labels {
                match kind {
                    PageLabel::Copyright if w <= 30 => regions.push(span_of(line)),
                    PageLabel::Copyright => {
                        let from = k.saturating_sub(10).max(line.start);
                        let to = (e + 10).min(line.end);
                        regions.push(span_of(&(from..to)));
                    }
                    PageLabel::Related => {
                        // The header and, if its line is short, the short lines after it.
                        regions.push(span_of(&(k..e)));
                        if w <= 12 {
                            regions.push(span_of(line));
                            related_until = Some(n);
                        }
                    }
                    _ => {}
                }
            }
            if let Some(h) = related_until
                && h != n
            {
                if w <= 12 && !ends_sentence(line) {
                    regions.push(span_of(line));
                    related_until = Some(n);
                } else {
                    related_until = None;
                }
            }
        }
        flush(&mut menu_run, regions);
        shares
    }

    /// Whether token `k` names a platform to share a page on (`share-platforms`, through «و»;
    /// «X» in Latin letters).
    fn platform(&self, k: usize) -> bool {
        let t = self.t;
        match t.kind(k) {
            Some(TokenKind::Word) => {
                let w = t.folded(k);
                let list = crate::lexicon::words("share-platforms");
                list.contains(&w) || w.strip_prefix('و').is_some_and(|r| list.contains(&r))
            }
            Some(TokenKind::Latin) => crate::lexicon::words("share-platforms").contains(&t.folded(k)),
            _ => false,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::extract_keeping_index;

    /// The page read from `text`: the texts of its regions and of its stamps.
    fn page(text: &str) -> (Vec<&str>, Vec<&str>) {
        let toks = Tokens::new(text);
        let (mentions, ix) = extract_keeping_index(&toks, LEXICON.index(&toks));
        let p = read(&toks, &ix, &mentions);
        let regions = p.regions.iter().map(|s| &text[s.start..s.end]).collect();
        let stamps = p.stamps.iter().map(|&k| &text[mentions[k].span.start..mentions[k].span.end]).collect();
        (regions, stamps)
    }

    #[test]
    fn a_date_with_a_time_is_a_stamp() {
        let (regions, stamps) = page("عنوان\nالثلاثاء 9 نوفمبر 2021 14 : 05 ص\nقال الوزير إن");
        assert_eq!(regions, ["الثلاثاء 9 نوفمبر 2021 14 : 05 ص"]);
        assert_eq!(stamps, ["الثلاثاء 9 نوفمبر 2021"]);
        // The time before the date, as a copied page may reorder it.
        let (regions, _) = page("GMT 14 : 50 2017 الأحد 4 يونيو");
        assert_eq!(regions, ["GMT 14 : 50 2017 الأحد 4 يونيو"]);
        // «الساعة» between them.
        let (regions, _) = page("2021 / 11 / 9 الساعة 07 : 27 ( مكة المكرمة )");
        assert_eq!(regions, ["2021 / 11 / 9 الساعة 07 : 27"]);
    }

    #[test]
    fn a_labelled_date_is_a_stamp_and_dates_the_article_first() {
        let (regions, stamps) = page("الأحد 14 نوفمبر 2021 09:12 مقالات آخر تحديث : 12 / 11 / 2021 قال");
        assert_eq!(regions, ["الأحد 14 نوفمبر 2021 09:12", "آخر تحديث : 12 / 11 / 2021"]);
        assert_eq!(stamps, ["12 / 11 / 2021", "الأحد 14 نوفمبر 2021"]);
        let (regions, stamps) = page("First Published: March 5, 2021");
        assert_eq!((regions, stamps), (vec!["First Published: March 5, 2021"], vec!["March 5, 2021"]));
        // A label after the date and its time.
        let (regions, stamps) = page("2022 - 01 - 21 الأحد , 10 : 38 ص اخر تحديث للموقع : منذ 23 دقيقة");
        assert_eq!(regions, ["2022 - 01 - 21 الأحد , 10 : 38 ص اخر تحديث للموقع"]);
        // The site's stamp is the day the page was copied: no stamp of the article.
        assert!(stamps.is_empty());
    }

    #[test]
    fn a_verb_of_publishing_in_prose_is_no_label() {
        assert_eq!(page("قال إن المكتب نشر في 5 مايو 2021 تقريرا."), (vec![], vec![]));
        assert_eq!(page("نشر في 5 مايو 2021"), (vec!["نشر في 5 مايو 2021"], vec!["5 مايو 2021"]));
    }

    #[test]
    fn numbers_only_at_the_top_are_a_stamp_but_not_in_prose() {
        assert_eq!(page("عنوان الخبر 05 / 12 / 2017 0 قال"), (vec!["05 / 12 / 2017"], vec!["05 / 12 / 2017"]));
        assert_eq!(page("صدر الحكم في 05 / 12 / 2017 عن المحكمة"), (vec![], vec![]));
    }

    #[test]
    fn lists_of_dated_items_are_furniture_and_date_nothing() {
        let text = "مقالات ذات صلة\nمقتل جنديين في هجوم يناير 20 , 2018 وصول مساعدات إلى المدينة يناير 19 , 2018 \
            افتتاح معبر حدودي يناير 17 , 2018";
        let (regions, stamps) = page(text);
        assert_eq!(
            regions,
            [
                "مقالات ذات صلة",
                "يناير 20 , 2018 وصول مساعدات إلى المدينة يناير 19 , 2018 افتتاح معبر حدودي يناير 17 , 2018"
            ]
        );
        assert!(stamps.is_empty());
        // Dates in running prose are not a list: the sentence goes on through them.
        assert_eq!(page("جرت في 5 مارس 2014 ثم في 7 مارس 2015 ثم في 9 مارس 2016."), (vec![], vec![]));
    }

    #[test]
    fn lines_copyright_menus_and_related_lists() {
        let (regions, _) = page("وصل الوفد.\nجميع الحقوق محفوظة 2021");
        assert_eq!(regions, ["جميع الحقوق محفوظة 2021"]);
        let (regions, _) = page("الرئيسية\nسياسة\nاقتصاد\nرياضة\nقال الوزير إن الخطة جاهزة وإنها ستعلن قريبا.");
        assert_eq!(regions, ["الرئيسية", "سياسة", "اقتصاد", "رياضة"]);
        let (regions, _) = page(
            "قال الوزير إن الخطة جاهزة.\nاقرأ أيضا\nمقتل جنديين في هجوم\nافتتاح معبر حدودي\nوأضاف الوزير أن الخطة ستعلن قريبا وأن التمويل متوفر.",
        );
        assert_eq!(regions, ["اقرأ أيضا", "مقتل جنديين في هجوم", "افتتاح معبر حدودي"]);
        // A title and a short line are not a menu.
        assert_eq!(page("مقتل جنديين\nبغداد\nقال الوزير إن الخطة جاهزة."), (vec![], vec![]));
        // A share bar, its counter and all.
        let (regions, _) = page("قال الوزير إن الخطة جاهزة.\nمشاركة: فيسبوك | X | واتساب | 1.2 ألف مشاركة");
        assert_eq!(regions, ["مشاركة: فيسبوك | X | واتساب | 1.2 ألف مشاركة"]);
        let (regions, _) = page("وقال إنه نشر البيان على فيسبوك وتويتر.");
        assert!(regions.is_empty());
    }
}
