//! What one source's dated and counted statements are about, for comparing them with other
//! statements: the measure (what a number counts, what a date dates), the subjects that tell
//! two quantities of one measure apart (the incident, the place, the person), and the value with
//! what qualifies it ([`Said`]).
//!
//! Two keys are kept for each claim:
//! - the **measure** and its **anchors**, compared within a story (by default the sources of one
//!   folder): «وأصيب 500 آخرين … خلال تفجير» is `injured/people` with the anchor `i:blast`,
//!   and meets «200 جريحا … للتفجير الارهابي» in another source of the story without any year
//!   being written;
//! - the **strict key** of statements that can be compared across stories too: a figure's
//!   counted noun and the year it is about, a date's entity beside it, with a named entity that
//!   is not a country or a city shared.
//!
//! Computed per source from the source's own parts and cached on it (see
//! [`crate::workspace::Doc`]), so an edit to one article does not recompute every other's keys.
//! Cost: one pass of tokenizing and looking words up (O(n) in the text), then O(log n) per
//! claim to find its sentence and entities, and a bounded number of tokens around it.

use std::collections::BTreeSet;
use std::sync::Arc;

use crate::analysis::Analysis;
use crate::calendar::{DateValue, weekday};
use crate::claims::said::{Said, Value, When, interval, show_amount, show_years};
use crate::claims::words::{Measure, Stage, WORDS, Word, bare_forms};
use crate::claims::work;
use crate::entities::{Entity, EntityKind, EntityMention, LocalEntities, Origin, skeleton};
use crate::extract::{DateMention, Duration, Figure, MentionKind, Relative, Span};
use crate::lexicon::{Bound, Calendar, DurationUnit, MONEY, words};
use crate::messages::{msg, term, verbatim};
use crate::phrases::{Hit, Index};
use crate::shared::Interner;
use crate::text::{TokenKind, Tokens, fold};

/// How far, in bytes, the nearest entity may stand from a date to be what it dates: about
/// four words («مجلس النواب العراقي في 5 يناير 2020»، «البرلمان أعلن يوم 5 جانفي 2020»).
const NEAR: usize = 30;

/// How far, in bytes, a claim's context reaches either way inside its sentence: about 60
/// words, more than a long Arabic news sentence holds around one statement.
const CONTEXT: usize = 400;

/// At most this many subjects are kept per claim, the nearest first.
const MAX_ANCHORS: usize = 8;

/// What the keys of a source are computed from: its text and what was found in it.
#[derive(Clone, Copy)]
pub struct Parts<'d> {
    pub text: &'d str,
    pub analysis: &'d Analysis,
    pub local: &'d LocalEntities,
    pub entities: &'d [EntityMention],
}

/// What one source's claims are keyed by. Kept on the source and rebuilt only when it or its
/// entities change, so an edit to one article does not recompute every other's claims.
#[derive(Debug, Default, serde::Serialize, serde::Deserialize)]
pub struct DocClaims {
    pub claims: Vec<ClaimData>,
}

/// Which claims: dates, figures (counts, amounts, ages) or durations (and the start years
/// they are counted from).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize)]
pub enum Kind {
    Dates,
    Figures,
    Durations,
}

/// A subject of a claim: `i:blast`, `p:aleppo`, `e:houthis`, `who:mother`, and how a message
/// names it («in the blast («تفجير»)»). A strong subject (a place, a person, an organisation,
/// whose age) is enough for two claims of one measure to meet; weak ones (an incident, a
/// country, a thing) meet in pairs.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Anchor {
    #[serde(with = "crate::shared::one")]
    pub key: Arc<str>,
    #[serde(with = "crate::shared::one")]
    pub shown: Arc<str>,
    pub strong: bool,
}

/// Where a claim with these subjects meets others: each strong subject, and each pair of weak
/// ones (at most [`MAX_ANCHORS`] subjects, so at most 28 pairs).
fn meets(anchors: Vec<Anchor>, intern: impl Fn(&str) -> Arc<str>) -> Vec<Anchor> {
    let weak: Vec<&Anchor> = anchors.iter().filter(|a| !a.strong).collect();
    let mut out: Vec<Anchor> = anchors.iter().filter(|a| a.strong).cloned().collect();
    for (i, a) in weak.iter().enumerate() {
        for b in &weak[i + 1..] {
            // Two of a kind named together («غارات … ومواجهات»، «إيران» and «السعودية») say
            // what kind of day it was, not what happened where: a pair joins two kinds of
            // subject (an incident and a place, a country and a thing), or two named places.
            let kind = |k: &str| k.split(':').next().unwrap_or("").to_string();
            if kind(&a.key) == kind(&b.key) && !a.key.starts_with("p~") {
                continue;
            }
            let (x, y) = if a.key <= b.key { (a, b) } else { (b, a) };
            out.push(Anchor {
                key: intern(&format!("{}&{}", x.key, y.key)),
                shown: intern(&format!("{} {}", x.shown, y.shown)),
                strong: false,
            });
        }
    }
    out
}

#[derive(Debug, serde::Serialize, serde::Deserialize)]
pub struct ClaimData {
    /// The mention it is read from (`usize::MAX` for an age read from words the grammar does
    /// not take for a figure: «في الستين من عمرها»).
    pub mention: usize,
    /// Where it stands.
    pub span: Span,
    pub kind: Kind,
    /// What is compared within a story: `killed/people`, `age`, `date:launch`, `since:siege`;
    /// `None` when the claim is compared only by its strict key.
    #[serde(with = "crate::shared::option")]
    pub measure: Option<Arc<str>>,
    /// How a message names the measure: «killed», «the age».
    #[serde(with = "crate::shared::one")]
    pub measure_shown: Arc<str>,
    /// The subjects that tell two quantities of one measure apart, nearest first.
    pub anchors: Vec<Anchor>,
    /// The counted noun as written, for messages about the strict key.
    #[serde(with = "crate::shared::one")]
    pub noun: Arc<str>,
    /// The strict key, for comparing across stories: `جندي@2014`, or the entity a date stands
    /// beside.
    #[serde(with = "crate::shared::option")]
    pub key: Option<Arc<str>>,
    /// Entities (other than settings and the key) of the sentence, and its event words when
    /// they count as context: `(is an event word, id or event key)`.
    #[serde(with = "crate::shared::pairs")]
    pub context: Box<[(bool, Arc<str>)]>,
    /// What it says, as compared.
    pub said: Said,
    /// For a figure: what happened to what it counts, and what it counts, when known.
    #[serde(with = "crate::shared::option")]
    pub event: Option<Arc<str>>,
    #[serde(with = "crate::shared::option")]
    pub thing: Option<Arc<str>>,
    /// Whether it stands in the article's headline.
    pub headline: bool,
}

/// The keys of one source's claims. `entity` looks an entity up by id across the workspace;
/// `strings` holds one copy of each string the workspace's claims share.
pub fn compute<'e>(doc: Parts<'_>, entity: impl Fn(&str) -> Option<&'e Entity>, strings: &Interner) -> DocClaims {
    let toks = Tokens::new(doc.text);
    let ix = WORDS.map.index(&toks);
    // «القدس، 27 نوفمبر 2023 (رويترز) - أفرجت إسرائيل عن 39 أسيرا»: where the outlet files
    // from is no subject of what the lead says (two outlets file from two cities).
    let dateline = dateline(&doc);
    let kinds: Vec<Setting> = doc
        .entities
        .iter()
        .map(|e| match dateline {
            Some(d) if d.start <= e.span.start && e.span.end <= d.end => Setting::Dateline,
            _ => Setting::of(entity(&e.id), e),
        })
        .collect();
    let r = Reader::new(doc, &toks, ix, kinds, entity, strings);
    let mut out = DocClaims::default();
    // Page furniture (stamps, lists of other articles) makes no claim of the article.
    for (k, m) in doc.analysis.prose() {
        let Some(sentence) = sentence_of(doc.local, m.span) else { continue };
        // A "sentence" with no full stop can run for pages in pasted copy: what bears on a
        // claim is what stands near it, so context is read within a window of the sentence.
        let sentence = clip_at_bars(doc.text, window(sentence, m.span), m.span);
        match &m.kind {
            MentionKind::Figure(f) => out.claims.extend(r.figure(k, f, sentence)),
            MentionKind::Date(d) => {
                out.claims.extend(r.date(k, d, sentence));
                out.claims.extend(r.start_year(k, d, sentence));
            }
            MentionKind::Duration(d) => out.claims.extend(r.duration(k, d, sentence)),
        }
    }
    out.claims.extend(r.ages_in_words());
    out
}

/// What an entity mention is to a claim: where things happen (a country, a known city), or
/// what or who they happen to.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Setting {
    Country,
    /// A known city or region: where, and specific enough to tell two incidents apart.
    City,
    /// A place an article introduced («حي الراشدين»، «قاعدة عين الأسد»).
    Place,
    Other,
    /// Named in the article's dateline: where the outlet files from, no subject of anything.
    Dateline,
}

/// The line of the article's dateline up to its date («صنعاء 12 مارس 2024»، «الإسكندرية (مصر)
/// 15 يوليو 2025»): a stamp of the article's date that stands in its prose
/// ([`crate::extract::furniture`]), at the top.
fn dateline(doc: &Parts) -> Option<Span> {
    let a = doc.analysis;
    a.furniture.stamps.iter().map(|&k| &a.mentions[k]).find_map(|m| {
        if a.furniture.contains(m.span) {
            return None;
        }
        let start = doc.text[..m.span.start].rfind('\n').map_or(0, |n| n + 1);
        Some(Span::new(start, m.span.end))
    })
}

impl Setting {
    fn of(entity: Option<&Entity>, m: &EntityMention) -> Setting {
        let kind = entity.map_or(m.kind, |e| e.kind);
        if kind != EntityKind::Place {
            return Setting::Other;
        }
        match entity.map(|e| &e.origin) {
            // Countries carry their ISO 3166 code as id (data/gazetteer/countries.tsv).
            Some(Origin::Builtin) if m.id.len() == 2 && m.id.bytes().all(|b| b.is_ascii_lowercase()) => {
                Setting::Country
            }
            Some(Origin::Builtin) => Setting::City,
            _ => Setting::Place,
        }
    }

    /// Countries and known cities are where things happen, not what happened: two claims
    /// sharing only «العراق» or «بغداد» are not yet about the same thing across stories. Nor
    /// is where the outlet files from.
    fn is_setting(self) -> bool {
        matches!(self, Setting::Country | Setting::City | Setting::Dateline)
    }
}

struct Reader<'a, 't, 'e, F> {
    doc: Parts<'a>,
    toks: &'a Tokens<'t>,
    ix: Index<'static, Word>,
    kinds: Vec<Setting>,
    /// For each token, the mention it belongs to (`u32::MAX` for none).
    owner: Vec<u32>,
    /// The headline's span, when the article opens with one.
    headline: Option<Span>,
    /// One copy of each string the claims share (subjects, measures, values): a long article
    /// repeats them thousands of times, and ten thousand articles of one story as often.
    strings: &'a Interner,
    /// The clauses and named places around the claim last looked at, asked for twice.
    around: std::cell::RefCell<Option<(Span, Span, std::rc::Rc<Around>)>>,
    entity: F,
    _e: std::marker::PhantomData<&'e ()>,
}

impl<'a, 't, 'e, F: Fn(&str) -> Option<&'e Entity>> Reader<'a, 't, 'e, F> {
    fn new(
        doc: Parts<'a>,
        toks: &'a Tokens<'t>,
        ix: Index<'static, Word>,
        kinds: Vec<Setting>,
        entity: F,
        strings: &'a Interner,
    ) -> Self {
        let mut owner = vec![u32::MAX; toks.len()];
        for (k, m) in doc.analysis.mentions.iter().enumerate() {
            let (a, b) = token_range(toks, m.span);
            owner[a..b].iter_mut().for_each(|o| *o = k as u32);
        }
        let headline = headline(doc.text);
        Reader {
            doc,
            toks,
            ix,
            kinds,
            owner,
            headline,
            strings,
            around: Default::default(),
            entity,
            _e: std::marker::PhantomData,
        }
    }

    /// One shared copy of a string.
    fn intern(&self, s: &str) -> Arc<str> {
        self.strings.get(s)
    }

    /// Whether a length of time at `span` is the span a count was made over: after «خلال»،
    /// «على مدى»، «في غضون»، «طيلة»، «طوال» (`period-scopes`).
    fn over_a_period(&self, span: Span) -> bool {
        let t = self.toks;
        let k = t.tokens.partition_point(|x| x.start < span.start);
        k > 0 && !t.breaks_before(k) && words("period-scopes").contains(&t.folded(k - 1).trim_start_matches('و'))
    }

    /// The clauses around a claim and the places named there, computed once per claim.
    fn around(&self, span: Span, sentence: Span) -> std::rc::Rc<Around> {
        if let Some((s, w, a)) = &*self.around.borrow()
            && *s == span
            && *w == sentence
        {
            return a.clone();
        }
        let chain = self.dated_clause(span, self.chain(span, sentence));
        let named = self
            .named_places(chain)
            .into_iter()
            .map(|(s, key, written)| (s, self.intern(&key), self.intern(&written)))
            .collect();
        let a = std::rc::Rc::new(Around { chain, named });
        *self.around.borrow_mut() = Some((span, sentence, a.clone()));
        a
    }

    fn said(&self, value: Value, sentence: Span, span: Span) -> Said {
        let around = self.around(span, sentence);
        let chain = around.chain;
        let mut places: Vec<Arc<str>> = Vec::new();
        let mut countries: Vec<Arc<str>> = Vec::new();
        let mut towns: Vec<Arc<str>> = Vec::new();
        for (e, kind) in self.entities_in(chain) {
            match kind {
                // A country locates a statement only when it is where things happened («في
                // سوريا»، «بتركيا»): «المعارضة السورية» names no place.
                Setting::Country if self.locative(e.span) => countries.push(e.id.clone()),
                Setting::Country => {}
                Setting::City => places.push(e.id.clone()),
                Setting::Place => towns.push(e.id.clone()),
                Setting::Other | Setting::Dateline => {}
            }
        }
        towns.extend(around.named.iter().map(|(_, key, _)| key.clone()));
        towns.sort();
        towns.dedup();
        places.extend(countries.iter().cloned());
        for v in [&mut places, &mut countries] {
            v.sort();
            v.dedup();
        }
        let events: BTreeSet<Arc<str>> =
            within(&self.doc.local.events, |e| e.0, sentence).map(|e| e.1.clone()).collect();
        // When the counted thing happened: the dates of its clauses (only figures keep it).
        let mentions = &self.doc.analysis.mentions;
        let when: Vec<When> = within(mentions, |m| m.span, chain)
            .filter_map(|m| match &m.kind {
                MentionKind::Date(d) if !d.invalid => when_of(d),
                // «خلال الـ24 ساعة الماضية»، «على مدى أسبوع»: a count over a span of time.
                MentionKind::Duration(d) if self.over_a_period(m.span) => Some(When::Period(self.intern(&d.iso()))),
                _ => None,
            })
            .take(4)
            .collect();
        let past = matches!(value, Value::Figure { .. }) && self.in_a_past_clause(span, chain);
        Said {
            when: when.into(),
            group: None,
            nation: None,
            value,
            stage: Stage::Plain,
            grows: false,
            published: self.doc.analysis.published.and_then(|p| fractional_year(&p.0)),
            year: year_about(self.doc, sentence),
            places: places.into(),
            countries: countries.into(),
            towns: towns.into(),
            events: events.into_iter().collect(),
            past,
        }
    }

    /// Whether the clause of a figure at `span` (within `chain`, between commas, «؛», or
    /// «فيما»، «بينما»، «في حين») dates it to a year before publication: a date of such a year not
    /// after «منذ» (since then, the toll is today's), or a length of time after «قبل» (ago).
    fn in_a_past_clause(&self, span: Span, chain: Span) -> bool {
        let Some(published) = self.doc.analysis.published.and_then(|p| p.0.year) else { return false };
        let t = self.toks;
        let joins = ["فيما", "بينما", "حين"];
        let clause = self.clause(span, chain, |i, _| self.clause_mark(i, &joins));
        let word_before = |s: Span| {
            let i = t.tokens.partition_point(|x| x.start < s.start);
            if i > 0 && !t.breaks_before(i) { t.folded(i - 1).trim_start_matches('و') } else { "" }
        };
        within(&self.doc.analysis.mentions, |m| m.span, clause).any(|m| match &m.kind {
            MentionKind::Date(d) => {
                !d.invalid
                    && d.relative.is_none()
                    && d.value.and_then(|v| v.year).is_some_and(|y| y < published)
                    && !matches!(word_before(m.span), "منذ" | "مذ")
            }
            MentionKind::Duration(_) => word_before(m.span) == "قبل",
            _ => false,
        })
    }

    /// Whether an entity mention at `span` follows a preposition of place: «في»، «على»، «داخل»،
    /// a direction («شمال»، «جنوبي»), or a clitic «ب».
    fn locative(&self, span: Span) -> bool {
        let before = &self.doc.text[..span.start];
        if before.ends_with('ب') || before.ends_with("بـ") {
            return true;
        }
        let word = fold(before.trim_end().rsplit(char::is_whitespace).next().unwrap_or(""));
        crate::text::as_written_or_joined(&word, &['و'], |w| words("locatives").contains(&w)).is_some()
    }

    /// Whether token `i` stands inside an organisation's name: «للانتخابات» of «السلطة
    /// الوطنية المستقلة للانتخابات» names the body, not an election.
    fn in_org_name(&self, i: usize) -> bool {
        self.in_name(i, EntityKind::Org)
    }

    /// Whether token `i` stands inside a mention of an entity of `kind`.
    fn in_name(&self, i: usize, kind: EntityKind) -> bool {
        let at = self.toks.tokens[i].start;
        let entities = self.doc.entities;
        let k = entities.partition_point(|e| e.span.start <= at);
        k > 0 && entities[k - 1].span.end > at && entities[k - 1].kind == kind
    }

    fn entities_in(&self, range: Span) -> impl Iterator<Item = (&'a EntityMention, Setting)> + '_ {
        let entities = self.doc.entities;
        let from = entities.partition_point(|e| e.span.start < range.start);
        entities[from..]
            .iter()
            .zip(&self.kinds[from..])
            .take_while(move |(e, _)| e.span.start < range.end)
            .filter(move |(e, _)| e.span.end <= range.end)
            .map(|(e, k)| (e, *k))
    }

    /// The subjects of a claim at `span` in `sentence`, nearest first: the places and the
    /// entities named around it (strong: each is enough to meet another claim of the measure),
    /// and the incidents, countries and things it names (weak: two are needed). A country is no
    /// subject of a toll («في سوريا» is where a thousand tolls are counted), a weak one of an
    /// event's date (a launch at «السعودية» of «الصاروخ»), and the subject of a siege's or a
    /// war's length («الحصار المفروض على قطر»). Those who report («وكالة رويترز») are never
    /// subjects.
    fn anchors(&self, span: Span, sentence: Span, of: Subjects, except: Option<&str>) -> Vec<Anchor> {
        self.anchors_with(span, sentence, of, except, None)
    }

    /// [`Reader::anchors`] with one more subject written at a span of its own.
    fn anchors_with(
        &self,
        span: Span,
        sentence: Span,
        of: Subjects,
        except: Option<&str>,
        extra: Option<(Span, Anchor)>,
    ) -> Vec<Anchor> {
        let dates = of == Subjects::Events;
        let around = self.around(span, sentence);
        let sentence = around.chain;
        let mut found: Vec<(usize, Anchor)> = Vec::new();
        let distance =
            |s: Span| if s.end <= span.start { span.start - s.end } else { s.start.saturating_sub(span.end) };
        for (e, kind) in self.entities_in(sentence) {
            let (key, shown, strong) = match kind {
                // «طائرة سورية»، «المعارضة السورية»: a nationality, not where it happened.
                Setting::Dateline => continue,
                Setting::Country if of == Subjects::Tolls || !self.locative(e.span) => continue,
                // The siege of a country is that country's: «الحصار المفروض على قطر».
                Setting::Country => (
                    format!("c:{}", e.id),
                    msg("phrase.in", &[("x", &self.entity_name(e))]),
                    matches!(of, Subjects::Spans | Subjects::Rates),
                ),
                // A region or a large city is, like a country, where many tolls are counted:
                // two tolls «في الرقة» weeks apart are different incidents. It tells a toll
                // apart only with another subject (a town, an incident); anything else it does
                // on its own.
                Setting::City | Setting::Place => {
                    let broad = of == Subjects::Tolls && (self.entity)(&e.id).is_some_and(is_broad_place);
                    (format!("p:{}", e.id), msg("phrase.in", &[("x", &self.entity_name(e))]), !broad)
                }
                Setting::Other => {
                    let known = (self.entity)(&e.id);
                    let name =
                        known.map_or_else(|| self.doc.text[e.span.start..e.span.end].to_string(), |x| x.name.clone());
                    if WORDS.is_outlet(&e.id)
                        || WORDS.is_reporter(&name)
                        || WORDS.is_reporter(&self.doc.text[e.span.start..e.span.end])
                    {
                        continue;
                    }
                    // A person, or a body an article introduced, is specific; the organisations
                    // every story names («الأمم المتحدة»، «الحوثيون») are weaker evidence.
                    let strong = e.kind == EntityKind::Person || !known.is_some_and(|x| x.origin == Origin::Builtin);
                    (format!("e:{}", e.id), msg("phrase.involving", &[("x", &self.entity_name(e))]), strong)
                }
            };
            found.push((distance(e.span), Anchor { key: self.intern(&key), shown: self.intern(&shown), strong }));
        }
        // Names read after «حي»، «أهالي»… are weaker evidence than names the entity lists or an
        // introduction know: a word after «منطقة» may be no name at all.
        for (s, key, written) in &around.named {
            let shown = self.intern(&msg("phrase.in", &[("x", &format!("«{}»", verbatim(written)))]));
            found.push((distance(*s), Anchor { key: key.clone(), shown, strong: false }));
        }
        // A toll or a date of the incident a story is about, where its clauses name no place, no
        // country and no earlier year: the incident is subject enough («لقي 12 شخصا مصرعهم في
        // الحادث»، «وبدأ التسرب يوم الأحد»). Named with a place it is that place's («296 قتيلا
        // في ملاطية» is not «29 في إدلب»).
        let alone = matches!(of, Subjects::Tolls | Subjects::Events)
            && found.is_empty()
            && !self.entities_in(sentence).any(|(_, k)| matches!(k, Setting::Country | Setting::City | Setting::Place))
            && year_written(self.doc, sentence, false)
                .is_none_or(|y| self.doc.analysis.published.and_then(|p| p.0.year).is_some_and(|p| y >= p));
        // The date of the leak a story is about, its sentence naming nothing else («وبدأ
        // التسرب يوم الأحد»): the story's.
        if dates && alone && except.is_some_and(|x| ONE_PER_STORY.contains(&x)) {
            found.push((usize::MAX, self.story_anchor()));
        }
        let (a, b) = token_range(self.toks, sentence);
        let mut i = a;
        while i < b {
            let word = self.ix.find(self.toks, i, |w| match w {
                Word::Incident(x, _) if !matches!(&**x, "start" | "end") && except != Some(&**x) => Some(Ok(x.clone())),
                Word::Measure(m) if dates && m.event.is_none() => {
                    m.thing.clone().filter(|t| !t.starts_with("people")).map(Err)
                }
                _ => None,
            });
            let Some(h) = word.filter(|h| h.end <= b) else {
                i += 1;
                continue;
            };
            let (end, dropped) = (h.end, h.dropped);
            // «أطلقت إسرائيل سراح …» is the release [`Reader::incident`] reads, here too.
            let value = h.value.map(|x| self.set_free(Hit { value: x, end, dropped }).value);
            if matches!(&value, Ok(x) if except == Some(&**x)) {
                i = end;
                continue;
            }
            let s = Span::new(self.toks.tokens[i].start, self.toks.tokens[end - 1].end);
            let written = &self.doc.text[s.start..s.end];
            let anchor = match value {
                Ok(incident) => Anchor {
                    key: self.intern(&format!("i:{incident}")),
                    shown: self.intern(&msg(
                        "phrase.in-incident",
                        &[("incident", &term("incident", &incident)), ("written", &verbatim(written))],
                    )),
                    strong: of == Subjects::Rates || alone && ONE_PER_STORY.contains(&&*incident),
                },
                Err(thing) => Anchor {
                    key: self.intern(&format!("o:{thing}")),
                    shown: self.intern(&msg(
                        "phrase.of-thing",
                        &[("thing", &term("thing", &thing)), ("written", &verbatim(written))],
                    )),
                    strong: false,
                },
            };
            found.push((distance(s), anchor));
            i = end;
        }
        found.extend(extra.map(|(s, anchor)| (distance(s), anchor)));
        work(b - a + found.len());
        found.sort_by_key(|(d, _)| *d);
        let mut out: Vec<Anchor> = Vec::new();
        for (_, a) in found {
            if !out.iter().any(|o| o.key == a.key) {
                out.push(a);
            }
            if out.len() == MAX_ANCHORS {
                break;
            }
        }
        meets(out, |k| self.intern(k))
    }

    /// The clauses around a claim that can say what it is about: its sentence, cut at quotation
    /// marks, colons and semicolons (reported speech and lists are other statements), at most 40
    /// tokens either way. Commas are crossed: «… أسفر عن مقتل 100 شخص، خلال تفجير استهدف …».
    fn chain(&self, span: Span, sentence: Span) -> Span {
        let t = self.toks;
        let (first, last) = token_range(t, sentence);
        let (a, b) = token_range(t, span);
        let hard = |i: usize| {
            t.kind(i) == Some(TokenKind::Punct)
                && matches!(
                    t.folded(i).chars().next(),
                    Some('.' | '!' | '?' | '؟' | ':' | ';' | '؛' | '|' | '"' | '«' | '»' | '“' | '”')
                )
                && !self.name_quote(i)
                && !t.joins_digits(i)
        };
        let mut lo = a;
        while lo > first && a - lo < 40 && !hard(lo - 1) {
            lo -= 1;
        }
        let mut hi = b;
        while hi < last && hi - b < 40 && !hard(hi) {
            hi += 1;
        }
        work(hi - lo);
        match (t.tokens.get(lo), hi.checked_sub(1).and_then(|h| t.tokens.get(h))) {
            (Some(x), Some(y)) if lo < hi => Span::new(x.start.min(span.start), y.end.max(span.end)),
            _ => span,
        }
    }

    /// The part of `chain` a date at `span` speaks of: up to the comma (or «؛»، «فيما»، «بينما»)
    /// beyond which another date that writes its year stands. A sentence that lists earlier
    /// disasters, each with its date and place («حريق قطار العياط في فبراير 2002، وتصادم قطاري
    /// كفر الدوار في أغسطس 2017، إضافة إلى تصادم قطاري طهطا في 26 مارس 2021»), gives each date the
    /// places of its own clause. Anything but a date keeps its chain. Cost: O(tokens of the
    /// chain), a binary search for the dates at each comma.
    fn dated_clause(&self, span: Span, chain: Span) -> Span {
        let mentions = &self.doc.analysis.mentions;
        let is_date =
            |m: &crate::extract::Mention| matches!(m.kind, MentionKind::Date(_)) && !self.doc.analysis.in_furniture(m);
        let k = mentions.partition_point(|m| m.span.start < span.start);
        if !mentions.get(k).is_some_and(|m| m.span == span && is_date(m)) {
            return chain;
        }
        let t = self.toks;
        let (lo, hi) = token_range(t, chain);
        let date_in = |from: usize, to: usize| {
            let (Some(x), Some(y)) = (t.tokens.get(from), to.checked_sub(1).and_then(|k| t.tokens.get(k))) else {
                return false;
            };
            // Another time of its own: a date that writes its year («الأربعاء» between commas
            // after «قالت هيلي» is the day of the news, not another clause's).
            let dated = |m: &crate::extract::Mention| {
                is_date(m) && matches!(&m.kind, MentionKind::Date(d) if d.written.year.is_some())
            };
            from < to && within(mentions, |m| m.span, Span::new(x.start, y.end)).any(dated)
        };
        let joins = ["فيما", "بينما"];
        self.clause(span, chain, |i, before| {
            self.clause_mark(i, &joins) && if before { date_in(lo, i) } else { date_in(i + 1, hi) }
        })
    }

    /// Whether token `i` ends a clause: a comma or «؛», or a word of `joins` (through «و»).
    fn clause_mark(&self, i: usize, joins: &[&str]) -> bool {
        let t = self.toks;
        (t.kind(i) == Some(TokenKind::Punct) && matches!(t.folded(i), "،" | "," | "؛" | ";"))
            || (t.is_word(i) && joins.contains(&t.folded(i).trim_start_matches('و')))
    }

    /// The part of `chain` around `span` out to the first token on each side that `ends` (a
    /// token and whether it stands before the span) takes for the clause's end; `chain` when
    /// nothing is left of it. O(tokens of the chain) calls of `ends`.
    fn clause(&self, span: Span, chain: Span, ends: impl Fn(usize, bool) -> bool) -> Span {
        let t = self.toks;
        let (lo, hi) = token_range(t, chain);
        let (a, b) = token_range(t, span);
        let mut l = a;
        while l > lo && !ends(l - 1, true) {
            l -= 1;
        }
        let mut r = b;
        while r < hi && !ends(r, false) {
            r += 1;
        }
        match (t.tokens.get(l), r.checked_sub(1).and_then(|k| t.tokens.get(k))) {
            (Some(x), Some(y)) if l < r => Span::new(x.start.min(span.start), y.end.max(span.end)),
            _ => chain,
        }
    }

    /// Places a sentence names after a word like «حي»، «بلدة»، «أهالي» that no entity covers:
    /// «أهالي كفريا والفوعة» names «كفريا» and «الفوعة». Keyed by the name's skeleton.
    fn named_places(&self, sentence: Span) -> Vec<(Span, String, String)> {
        let (a, b) = token_range(self.toks, sentence);
        let t = self.toks;
        let mut out = Vec::new();
        for i in a..b {
            // «مدينة الرقة» names a place; «المدينة ودمار …» is the city already named, and the
            // word after it is no name.
            let head = self.ix.find_indefinite(t, i, |w| matches!(w, Word::PlaceHead).then_some(()));
            if !t.is_word(i) || head.is_none_or(|h| h.end != i + 1) {
                continue;
            }
            for j in [i + 1, i + 2] {
                if j >= b || !t.is_word(j) || t.breaks_before(j) || self.names_nothing(j) {
                    break;
                }
                let folded = t.folded(j);
                let bare = folded.trim_start_matches('و');
                let bare = if j > i + 1 { bare } else { folded };
                let bare = bare.strip_prefix("ال").filter(|w| w.chars().count() >= 3).unwrap_or(bare);
                let s = Span::new(t.tokens[j].start, t.tokens[j].end);
                let written = t.original(j);
                let written = if j > i + 1 { written.strip_prefix('و').unwrap_or(written) } else { written };
                out.push((s, format!("p~{}", skeleton(bare)), written.to_string()));
                // «كفريا والفوعة»: a second name joined by «و».
                if !(t.folded(j + 1).starts_with('و') && t.folded(j + 1).chars().count() >= 4) {
                    break;
                }
            }
        }
        out
    }

    /// Whether the word at `j` cannot be a place's name: too short, a word of the data, or
    /// covered by an entity (which names the place itself).
    fn names_nothing(&self, j: usize) -> bool {
        let t = self.toks;
        let s = t.tokens[j];
        let covered = {
            let e = self.doc.entities;
            let at = e.partition_point(|m| m.span.end <= s.start);
            e.get(at).is_some_and(|m| m.span.start < s.end)
        };
        let bare = t.folded(j).trim_start_matches('و');
        covered
            || bare.chars().count() < 3
            || self.ix.knows(j)
            || crate::lexicon::LEXICON.knows_word(bare)
            || self.owner[j] != u32::MAX
    }

    /// The body or person named last before `span` in `sentence`, as a claim's only subject.
    fn winner_before(&self, span: Span, sentence: Span) -> Option<Anchor> {
        let from = sentence.start.max(span.start.saturating_sub(YEAR_REACH));
        let (e, _) = self
            .entities_in(Span::new(from, span.start))
            .filter(|(e, kind)| *kind == Setting::Other && matches!(e.kind, EntityKind::Org | EntityKind::Person))
            .filter(|(e, _)| !WORDS.is_outlet(&e.id))
            .last()?;
        let shown = msg("phrase.involving", &[("x", &self.entity_name(e))]);
        Some(Anchor { key: self.intern(&format!("e:{}", e.id)), shown: self.intern(&shown), strong: true })
    }

    fn entity_name(&self, e: &EntityMention) -> String {
        let written = &self.doc.text[e.span.start..e.span.end];
        match (self.entity)(&e.id) {
            Some(known) => format!("«{}»", verbatim(&known.name)),
            None => format!("«{}»", verbatim(written)),
        }
    }

    fn measure_at(&self, i: usize) -> Option<Hit<Measure>> {
        self.ix.find(self.toks, i, |w| if let Word::Measure(m) = w { Some(m.clone()) } else { None })
    }

    fn incident(&self, i: usize) -> Option<Hit<Arc<str>>> {
        let h = self.ix.find(self.toks, i, |w| if let Word::Incident(x, _) = w { Some(x.clone()) } else { None })?;
        Some(self.set_free(h))
    }

    /// An incident that happens at one time, which a date can date.
    fn dated_incident(&self, i: usize) -> Option<Hit<Arc<str>>> {
        let h = self.ix.find(self.toks, i, |w| match w {
            Word::Incident(x, true) => Some(x.clone()),
            _ => None,
        })?;
        Some(self.set_free(h))
    }

    /// «أطلقت إسرائيل سراح 33 أسيرا»، «وأطلقت السلطات، أمس الثلاثاء، سراح الصحفي»: the verb of
    /// launching with its subject (and a date set apart) between it and «سراح» is a release, as
    /// «إطلاق سراح» is.
    fn set_free(&self, mut h: Hit<Arc<str>>) -> Hit<Arc<str>> {
        let t = self.toks;
        if &*h.value == "launch"
            && let Some(j) = (h.end..(h.end + 10).min(t.len())).find(|&j| t.folded(j) == "سراح")
            && (h.end..=j).all(|k| !t.breaks_before(k) && !t.is_punct(k, '.'))
        {
            h.value = "release".into();
        }
        h
    }

    /// Whether token `i` is punctuation that closes or separates a clause. Quotation marks
    /// around a short name («أعلنت " قسد " في …») and an aside in brackets («وقتل ناجي الجرف
    /// (37 عاما) في …») are part of the clause.
    fn stop(&self, i: usize) -> bool {
        let t = self.toks;
        t.kind(i) == Some(TokenKind::Punct)
            && matches!(
                t.folded(i).chars().next(),
                Some('،' | ',' | '.' | '؛' | ';' | ':' | '!' | '?' | '؟' | '|' | '"' | '«' | '»' | '“' | '”')
            )
            && !self.name_quote(i)
            // The point or comma of «2.4 مليون» or «13,1» is inside a number.
            && !t.joins_digits(i)
    }

    /// Whether token `i` is a quotation mark of a pair that encloses one to three words.
    fn name_quote(&self, i: usize) -> bool {
        let t = self.toks;
        if !crate::phrases::is_quote(t, i) {
            return false;
        }
        let words = |range: &mut dyn Iterator<Item = usize>| {
            for (n, j) in range.enumerate() {
                if crate::phrases::is_quote(t, j) {
                    return (1..=3).contains(&n);
                }
                if !t.is_word(j) || t.breaks_before(j) {
                    return false;
                }
            }
            false
        };
        words(&mut (i + 1..(i + 5).min(t.len()))) || words(&mut (i.saturating_sub(4)..i).rev())
    }

    /// Whether a scan going back may step onto token `j` (from `j + 1`): no new line between
    /// them, and `j` does not end a clause.
    fn back_ok(&self, j: usize) -> bool {
        !self.toks.breaks_before(j + 1) && !self.stop(j)
    }

    /// Whether a scan going forward may step onto token `j` (from `j - 1`).
    fn fwd_ok(&self, j: usize) -> bool {
        j < self.toks.len() && !self.toks.breaks_before(j) && !self.stop(j)
    }

    /// Whether token `i` belongs to a figure or a duration other than mention `k`.
    fn other_quantity(&self, i: usize, k: usize) -> bool {
        let o = self.owner[i];
        o != u32::MAX
            && o as usize != k
            && matches!(self.doc.analysis.mentions[o as usize].kind, MentionKind::Figure(_) | MentionKind::Duration(_))
    }

    /// The event a verb or masdar gives the number at tokens `[a, b)`: the nearest before it in
    /// its clause («وأصيب 500»، «أسفر عن مقتل 100 شخص»), else one just after it («21 مدنيا
    /// قتلوا»، «100 شخص قد قتلوا»). Two events joined by «و» make one combined measure
    /// («مقتل وإصابة»، «الشهداء والجرحى»).
    fn governing_event(&self, k: usize, a: usize, b: usize) -> Option<(Arc<str>, bool)> {
        let mut j = a;
        let mut steps = 0;
        while j > 0 && steps < 6 {
            j -= 1;
            if !self.back_ok(j) || self.other_quantity(j, k) {
                break;
            }
            if let Some(h) = self.measure_at(j)
                && h.end <= a
                && let Some(event) = h.value.event.clone()
                // A noun governs a number only as «عدد الشهداء … 220» or «عدد قتلى التفجير …
                // 75»: definite, or annexed to «عدد/حصيلة». «شهداء وأعوام ثلاثة» counts years.
                && (h.value.thing.is_none()
                    || self.toks.folded(j).trim_start_matches('و').starts_with("ال")
                    || j > 0 && words("count-of").contains(&self.toks.folded(j - 1).trim_start_matches('و')))
            {
                let grows = h.value.grows;
                let joined = h.dropped > 0 && self.toks.folded(j).starts_with('و');
                // «نحو 100 شخص قد قتلوا وأصيب 500»: the first verb is the previous figure's.
                let earlier_figure = (j.saturating_sub(5)..j).any(|x| self.other_quantity(x, k));
                if joined
                    && !earlier_figure
                    && j > 0
                    && let Some(p) = self.measure_at(j - 1)
                    && p.end == j
                    // Two verbs joined, not the object of the one before: «انتشلوا الجثث
                    // وأنقذوا 23 شخصا» counts the rescued.
                    && p.value.thing.is_none()
                    && let Some(first) = p.value.event.clone()
                    && first != event
                {
                    return Some((combine(&first, &event), grows && p.value.grows));
                }
                return Some((event, grows));
            }
            steps += 1;
        }
        for j in b..b + 3 {
            if !self.fwd_ok(j) || self.other_quantity(j, k) {
                break;
            }
            if let Some(h) = self.measure_at(j)
                && let Some(event) = h.value.event.clone()
                && h.value.thing.is_none()
            {
                return Some((event, h.value.grows));
            }
        }
        None
    }

    /// What the figure at mention `k` measures: its counted noun's thing and event, a
    /// governing verb's event, the noun of a partitive. The key is set only when the measure is
    /// specific enough to compare within a story: an event (people killed, injured…), or a
    /// thing with what was done with it (missiles launched), or a percentage of something.
    fn figure_measure(&self, k: usize, f: &Figure, span: Span, sentence: Span, share: Share) -> Measured {
        let (a, b) = token_range(self.toks, span);
        let mut out = Measured::default();
        if matches!(share, Share::Earlier | Share::Capacity) {
            return out;
        }
        if f.unit.as_deref() == Some("%") {
            // «انتقل المعدل من 13,1 في المائة إلى 12,8 في المائة»: the rate is named before both.
            let from = self.changed_from(k, a).unwrap_or(a);
            let of = match self.rate_named(from) {
                Some(rate) => Some(rate),
                // «عجز الميزانية 3.6 في المئة من الناتج»: a share of output is the share of what
                // is measured against it, named before; with nothing named, of nothing known.
                None if self.of_output(b) => self.share_of_output(k, from),
                None => self.of_what(b),
            };
            if let Some(of) = of {
                out.key = Some((format!("percent/{}", of.0), format!("the percentage of {}", of.1)));
            }
            return out;
        }
        // «زلزال بقوة 6.8 درجات على مقياس ريختر»: the magnitude of the quake (or aftershock)
        // before it; degrees of anything else (heat, a slope) are no measure here.
        if let Some(incident) = self.magnitude_of(a, b, f) {
            // «وفي 6 شباط 2023، أودى زلزال بقوة 7,8 درجات»: a quake of a year before the
            // article's is another quake.
            let published = self.doc.analysis.published.and_then(|p| p.0.year);
            let then = year_written(self.doc, sentence, false)
                .filter(|&y| published.is_some_and(|p| y < p))
                .map_or(String::new(), |y| format!("@{y}"));
            out.key = Some((format!("magnitude/{incident}{then}"), msg("phrase.magnitude", &[])));
            return out;
        }
        // The counted noun: a word of the figure that counts something (a verb that the grammar
        // took for the noun, «قتل 3 وأصيب», governs the next figure, not this one).
        let mut own = (a..b)
            .filter_map(|i| self.measure_at(i).filter(|h| h.value.thing.is_some() && h.end <= b).map(|h| (i, h)))
            .next();
        // «وأصيب 40 آخرون»: «others» stands for the noun of the count before.
        let elided = f.unit.as_deref().is_some_and(|u| words("others").contains(&fold(u).trim_start_matches('و')));
        let cases = f.unit.as_deref().is_some_and(|u| words("case-nouns").contains(&fold(u).as_str()));
        // «مقتل 3 أمريكيين»: the nationals are the counted noun.
        let nationals_counted = match own {
            None if f.unit.is_some() && b > a => self.nationals(b - 1),
            _ => None,
        };
        if own.is_none()
            && f.unit.is_some()
            && !elided
            && !cases
            && nationals_counted.is_none()
            && (a..b).all(|i| self.measure_at(i).is_none())
        {
            // A noun the data does not know: compared by its strict key only.
            return out;
        }
        // «318 حالة وفاة»: the cases are of the word after them.
        if own.is_none() && cases && self.fwd_ok(b) {
            own = self.word_measure(b).map(|m| (b, Hit { value: m, end: b + 1, dropped: 0 }));
        }
        if own.is_none() && self.fwd_ok(b) && self.toks.folded(b) == "من" && self.fwd_ok(b + 1) {
            // «12 ألفا من عناصرها»: the partitive's noun, possessive and all.
            own = self.word_measure(b + 1).map(|m| (b + 1, Hit { value: m, end: b + 2, dropped: 0 }));
        }
        let (mut thing, mut event, mut grows) = match &own {
            Some((_, h)) => (h.value.thing.clone(), h.value.event.clone(), h.value.grows),
            None => (None, None, false),
        };
        let people = thing.as_deref().is_none_or(|t| t.starts_with("people"));
        if let Some((_, h)) = &own
            && let Some(e) = &event
            && self.toks.folded(h.end).starts_with('و')
            && let Some(n) = self.measure_at(h.end)
            && let Some(e2) = &n.value.event
            && e2 != e
            // A noun, not a masdar that governs the next count: «سقوط 17 قتيلا وإصابة 57».
            && n.value.thing.is_some()
        {
            // «300 قتيل وجريح»: one count of both.
            event = Some(combine(e, e2));
        }
        // «لقوا حتفهم وإن ستة آخرين في عداد المفقودين»، «وستة آخرون بجروح»، «وإن 18 آخرين ما
        // زالوا في عداد المفقودين»: what is said of the others after them is what they are
        // counted as, not what the count before says.
        if event.is_none()
            && elided
            && let Some((e, g)) = (b..b + 6)
                .take_while(|&j| self.fwd_ok(j) && !self.other_quantity(j, k))
                .find_map(|j| self.measure_at(j).and_then(|h| Some((h.value.event?, h.value.grows))))
        {
            event = Some(e);
            grows = g;
        }
        if event.is_none()
            && people
            && let Some((e, g)) = self.governing_event(k, a, b)
        {
            event = Some(e);
            grows = g;
        }
        let event = event.filter(|_| people);
        if thing.is_none() && event.is_some() {
            thing = Some("people".into());
        }
        // «21 قتيلا مدنيا»: an adjective names the group.
        if thing.as_deref() == Some("people")
            && let Some((_, h)) = &own
            && let Some(m) = self.word_measure(h.end)
            && m.event.is_none()
            && m.thing.as_deref().is_some_and(|t| t.starts_with("people:"))
        {
            thing = m.thing;
        }
        out.event = event.clone();
        out.thing = thing.clone();
        if people {
            // «5 جنود أمريكيين»، «99 حاجا أردنيا»، «21 قتيلا مدنيا سوريا»: after the counted
            // noun and an adjective of its group.
            out.nation = nationals_counted.or_else(|| {
                let (_, h) = own.as_ref()?;
                let group = self
                    .word_measure(h.end)
                    .is_some_and(|m| m.event.is_none() && m.thing.as_deref().is_some_and(|t| t.starts_with("people:")));
                self.nationals(h.end + usize::from(group))
            });
        }
        let Some(thing) = thing else { return out };
        let key = match (&event, people) {
            // Groups of people are one measure with the whole they belong to: «15 مدنيا قتلوا»
            // can be checked against «قتل 12 شخصا» (no more civilians than people).
            (Some(e), true) => {
                out.group = thing.strip_prefix("people:").map(Arc::from);
                (format!("{e}/people"), describe(e, &thing))
            }
            (Some(e), false) => (format!("{e}/{thing}"), describe(e, &thing)),
            (None, false) if MONEY.contains(&&*thing) => {
                // An amount is of something: «الموازنة العامة للعام 2020 بقيمة 150 مليار دولار».
                // «وحجزت الشرطة مبلغ 120 ألف درهم»: money seized, last in a list of what was
                // («ضبطت 2.4 مليون حبة ومبلغ 120 ألف درهم»).
                let seized = || self.nearest_incident(a, 12).filter(|i| &**i == "seizure").map(|_| Arc::from("seized"));
                let Some(of) = self.amount_of(a, 6).or_else(seized) else { return out };
                (
                    format!("{thing}/{of}"),
                    msg("phrase.amount-of", &[("of", &term("amount", &of)), ("thing", &term("thing", &thing))]),
                )
            }
            (None, false) => {
                // Things counted without an event of their own are told apart by what was done
                // with them: missiles launched or intercepted, aircraft shot down. Strikes are
                // only ever carried out: «نفذت الطائرات ثلاث غارات»، «شنت أربع غارات».
                // «18 طنا من الحشيش» is not «2 طن من الكوكايين»: what is weighed or measured,
                // when «من» names it, is part of the key.
                let weighed = if WEIGHED.contains(&&*thing) { self.of_what(b) } else { None };
                match (self.nearest_incident(a, 6), weighed) {
                    (Some(act), Some((of, shown))) => (
                        format!("{thing}:{of}/{act}"),
                        msg(
                            "phrase.act-of",
                            &[("thing", &term("thing", &thing)), ("of", &shown), ("act", &term("incident", &act))],
                        ),
                    ),
                    (Some(act), None) => (
                        format!("{thing}/{act}"),
                        msg("phrase.act", &[("thing", &term("thing", &thing)), ("act", &term("incident", &act))]),
                    ),
                    (None, _) if &*thing == "strikes" => (
                        format!("{thing}/carried-out"),
                        msg("phrase.carried-out", &[("thing", &term("thing", &thing))]),
                    ),
                    // Seats are only ever won («حصد الحزب 35 مقعدا»، «فاز بـ35 مقعدا»); the
                    // total they are of («من أصل 138») and what a chamber holds («المؤلف من 130
                    // مقعدا») are no count of them.
                    (None, _) if &*thing == "seats" => {
                        (format!("{thing}/won"), msg("phrase.won", &[("thing", &term("thing", &thing))]))
                    }
                    (None, _) => return out,
                }
            }
            (None, true) => return out,
        };
        out.grows = grows && event.is_some();
        out.key = match share {
            Share::Whole => Some(key),
            Share::Part => {
                out.grows = false;
                Some((format!("{}/part", key.0), msg("phrase.part", &[("measure", &key.1)])))
            }
            Share::Some | Share::Earlier | Share::Capacity => None,
        };
        out
    }

    /// How much of its count the figure at tokens `[a, b)` (mention `k`) is: the whole, a part
    /// after «بينهم/منها» ([`Reader::is_part`]), or some of the dead or injured
    /// ([`Reader::of_the_counted`], [`Reader::some_of_them`], [`Reader::more_of`]).
    fn share(&self, k: usize, a: usize, b: usize) -> Share {
        if self.of_the_counted(a, b)
            || self.some_of_them(k, a)
            || self.more_of(b)
            || self.in_a_state(a, b)
            || self.total_of_parts(a)
        {
            Share::Some
        } else if self.earlier_value(k, a, b) || self.of_an_earlier_one(k, a, b) {
            Share::Earlier
        } else if self.capacity(k, a) {
            Share::Capacity
        } else if self.is_part(k, a) || self.joined_to_part(k, a) {
            Share::Part
        } else {
            Share::Whole
        }
    }

    /// The country whose nationals the word at `i` names («أمريكيين»، «أردنيا»), with the
    /// span written; none when a second nationality is joined to it («عراقيين وأمريكيين»: the
    /// count is of both).
    fn nationals(&self, i: usize) -> Option<(Arc<str>, Span)> {
        let t = self.toks;
        if i >= t.len() || !t.is_word(i) || !self.fwd_ok(i) {
            return None;
        }
        let country = crate::entities::gazetteer::nationality(t.folded(i))?;
        let joined = i + 1 < t.len()
            && self.fwd_ok(i + 1)
            && t.folded(i + 1).starts_with('و')
            && crate::entities::gazetteer::nationality(t.folded(i + 1)).is_some_and(|c| c != country);
        (!joined).then(|| (self.intern(&country), Span::new(t.tokens[i].start, t.tokens[i].end)))
    }

    /// The measure a single word names, through clitics and a possessive suffix: «عناصرها»,
    /// «مدنيا».
    fn word_measure(&self, i: usize) -> Option<Measure> {
        if !self.toks.is_word(i) || !self.fwd_ok(i) {
            return None;
        }
        if let Some(h) = self.measure_at(i).filter(|h| h.end == i + 1) {
            return Some(h.value);
        }
        let folded = self.toks.folded(i);
        let mut found = None;
        crate::text::clitic_readings(folded, |form, _, _| {
            found = bare_forms(form).skip(1).find_map(|b| WORDS.measure_word(&b));
            found.is_some()
        });
        found
    }

    /// What a percentage is of: «80 % من مدينة الرقة» → the skeleton of «مدينة».
    fn of_what(&self, b: usize) -> Option<(String, String)> {
        let t = self.toks;
        if !self.fwd_ok(b) || t.folded(b) != "من" || !self.fwd_ok(b + 1) || !t.is_word(b + 1) {
            return None;
        }
        // «55 في المئة من نحو مليوني ناخب»: out of a number, which says of what after it.
        if self.owner[b + 1] != u32::MAX {
            return None;
        }
        Some(self.of_word(b + 1))
    }

    /// Whether «من» and a country's output follow the percentage ending at token `b`: «… في
    /// المئة من الناتج المحلي الإجمالي» (`output-bases`).
    fn of_output(&self, b: usize) -> bool {
        let t = self.toks;
        self.fwd_ok(b)
            && t.folded(b) == "من"
            && self.fwd_ok(b + 1)
            && words("output-bases").contains(&t.folded(b + 1).trim_start_matches('و'))
    }

    /// What a share of output before the percentage at token `a` (mention `k`) measures: the
    /// nearest noun of `output-shares` within six words of its clause («الدين العام»، «عجز
    /// الميزانية»), keyed with output.
    fn share_of_output(&self, k: usize, a: usize) -> Option<(String, String)> {
        let t = self.toks;
        let at = self.back_find(a, 6, |j| {
            let w = t.folded(j).trim_start_matches('و');
            let w = w.strip_prefix(['ب', 'ل']).filter(|r| words("output-shares").contains(r)).unwrap_or(w);
            (words("output-shares").contains(&w) && !self.other_quantity(j, k)).then_some(Hit {
                value: j,
                end: j + 1,
                dropped: 0,
            })
        })?;
        let (key, shown) = self.of_word(at);
        Some((format!("output:{key}"), shown))
    }

    /// The story itself as a subject, strong: what a story is about one of (its leak, its count
    /// of pilgrims) where the sentence names nothing else.
    fn story_anchor(&self) -> Anchor {
        Anchor { key: self.intern("s:story"), shown: self.intern(&msg("phrase.in-story", &[])), strong: true }
    }

    /// Whether the end word at token `j` follows a noun of work towards it: «أعمال احتواء
    /// التسرب» is the containment going on, not the day it was contained.
    fn ongoing_work(&self, j: usize) -> bool {
        j > 0 && self.back_ok(j - 1) && words("ongoing-work").contains(&self.toks.folded(j - 1).trim_start_matches('و'))
    }

    /// The count a figure at token `a` (mention `k`) is named as before it in its clause: «عدد»
    /// or «حصيلة» and the noun annexed to it with its definite adjectives («بلغ عدد المشتركين
    /// المتضررين 1.7 مليون»، «أعداد الزوار تجاوزت 21 مليونا»): its key (each word's skeleton,
    /// without the article) and how it is shown. A name in it is a subject, not part of the
    /// count («عدد زوار كربلاء» is the count of visitors, in Karbala); «عدد من» is «several».
    fn count_named(&self, k: usize, a: usize) -> Option<(String, String)> {
        let t = self.toks;
        let count_word = |j: usize| {
            let w = t.folded(j).trim_start_matches('و');
            let w = w.strip_prefix(['ب', 'ل']).filter(|r| r.chars().count() >= 3).unwrap_or(w);
            words("count-of").contains(&w) || matches!(w, "اعداد" | "الاعداد")
        };
        let at = self.back_find(a, 10, |j| {
            (count_word(j) && !self.other_quantity(j, k)).then_some(Hit { value: j, end: j + 1, dropped: 0 })
        })?;
        // No other figure between the count's name and this one: «عدد القتلى 12 والجرحى 40».
        if (at + 1..a).any(|j| self.other_quantity(j, k) || t.is_digits(j)) {
            return None;
        }
        // «تراجع عدد العاطلين بحوالي 42 ألفا» is by how much it changed; «ارتفع عدد الزوار إلى
        // 21 مليونا» is what it came to.
        let change = |j: usize| {
            let w = t.folded(j).trim_start_matches('و');
            words("change-verbs").contains(&w)
                || w.strip_prefix('ب').is_some_and(|r| words("change-verbs").contains(&r))
        };
        if (at.saturating_sub(1)..a).any(change) && !(at + 1..a).any(|j| t.folded(j) == "الى") {
            return None;
        }
        // The entity mention a token stands in: mentions are in text order and do not overlap,
        // so one binary search finds it (a long article's figures cost O(log n) each).
        let entity_at = |j: usize| {
            let (s, e) = (t.tokens[j].start, t.tokens[j].end);
            let entities = self.doc.entities;
            let i = entities.partition_point(|m| m.span.end <= s);
            entities.get(i).filter(|m| m.span.start < e)
        };
        let noun = |j: usize| {
            let w = t.folded(j);
            j < a
                && self.fwd_ok(j)
                && t.is_word(j)
                && self.owner[j] == u32::MAX
                && w.chars().count() >= 3
                && !crate::lexicon::LEXICON.knows_word(w)
                && entity_at(j).is_none()
        };
        let mut end = at + 1;
        while end < at + 4 && noun(end) && (end == at + 1 || t.folded(end).starts_with("ال")) {
            end += 1;
        }
        if end == at + 1 {
            return None;
        }
        let mut key = (at + 1..end)
            .map(|j| {
                let w = t.folded(j);
                skeleton(w.strip_prefix("ال").filter(|r| r.chars().count() >= 2).unwrap_or(w))
            })
            .collect::<Vec<_>>()
            .join(" ");
        // «عدد مشتركي شركة زين»: the body or person annexed is whose count it is; a place
        // annexed is where it was counted, a subject of its own.
        let mut last = end - 1;
        if end < a
            && self.fwd_ok(end)
            && let Some(e) = entity_at(end).filter(|m| m.kind != EntityKind::Place)
        {
            key = format!("{key} e:{}", e.id);
            last = t.tokens.partition_point(|tk| tk.end <= e.span.end).min(t.len() - 1);
            last = last.max(end);
        }
        let (from, to) = (t.tokens[at].start, t.tokens[last].end);
        Some((key, msg("phrase.count-named", &[("written", &verbatim(&self.doc.text[from..to]))])))
    }

    /// A word a percentage is of, as its key (the skeleton, without the article) and as shown.
    fn of_word(&self, k: usize) -> (String, String) {
        let word = self.toks.folded(k);
        let bare = word.strip_prefix("ال").filter(|w| w.chars().count() >= 2).unwrap_or(word);
        (skeleton(bare), format!("«{}»", verbatim(self.toks.original(k))))
    }

    /// The quake whose magnitude a number of degrees at tokens `[a, b)` is: «بقوة»، «بلغت قوة
    /// الزلزال» before it or «ريختر» just after it, and an earthquake or an aftershock before it
    /// in its sentence, at most twelve tokens back.
    fn magnitude_of(&self, a: usize, b: usize, f: &Figure) -> Option<Arc<str>> {
        let t = self.toks;
        let unit = fold(f.unit.as_deref()?);
        if !matches!(unit.trim_start_matches('و'), "درجه" | "درجات") {
            return None;
        }
        let strength = |j: usize| {
            words("magnitude-words").contains(&t.folded(j).trim_start_matches('و')).then_some(Hit {
                value: (),
                end: j + 1,
                dropped: 0,
            })
        };
        let marked = self.back_find(a, 8, strength).is_some()
            || (b..(b + 5).min(t.len())).take_while(|&j| self.fwd_ok(j)).any(|j| t.folded(j) == "ريختر");
        if !marked {
            return None;
        }
        // Across a comma: «وكان الزلزال، الذي بلغت قوته 6.4 درجة».
        let mut j = a;
        while j > a.saturating_sub(12) && j > 0 && !t.breaks_before(j) {
            j -= 1;
            if ['.', '!', '?', '؟', ':', '«', '»', '"'].iter().any(|&c| t.is_punct(j, c)) {
                break;
            }
            if let Some(h) = self.incident(j).filter(|h| h.end <= a && matches!(&*h.value, "earthquake" | "aftershock"))
            {
                return Some(h.value);
            }
        }
        None
    }

    /// The rate a percentage at token `a` gives, named before it in its clause: «بلغت نسبة
    /// المشاركة 11,4 في المئة» (turnout), «ارتفع معدل التضخم السنوي إلى 13,6 بالمئة»
    /// (inflation): the word after «نسبة/معدل», as what the percentage is of. «بنسبة 5 %» (by
    /// 5 %) names none.
    fn rate_named(&self, a: usize) -> Option<(String, String)> {
        let t = self.toks;
        let rates = words("rate-nouns");
        self.back_find(a, 8, |j| {
            // Through «و» and «ب/ل» and the article: «ونسبة»، «بنسبة»، «لمعدل»، «المعدل».
            let word = t.folded(j).trim_start_matches('و');
            let word = word.strip_prefix(['ب', 'ل']).filter(|_| !rates.contains(&word)).unwrap_or(word);
            let head = word.strip_prefix("ال").unwrap_or(word);
            // The nearest rate noun decides: «… بنسبة 5 %» is a rise by that much, whatever
            // rate was named before it.
            let named = j + 1 < a && t.is_word(j + 1) && !t.is_digits(j + 1);
            rates.contains(&head).then_some(crate::phrases::Hit {
                value: named.then_some(j + 1),
                end: j + 1,
                dropped: 0,
            })
        })
        .flatten()
        .map(|k| {
            let (mut key, mut shown) = self.of_word(k);
            if let Some((q, end)) = self.rate_scope(k, a) {
                key = format!("{key}/{q}");
                let (from, to) = (self.toks.tokens[k].start, self.toks.tokens[end - 1].end);
                shown = format!("«{}»", verbatim(&self.doc.text[from..to]));
            }
            (format!("rate:{key}"), shown)
        })
    }

    /// The part of the whole a rate named at token `k` is of, before the percentage at `a`:
    /// «معدل البطالة بين الإناث»، «لدى الشباب»، «في الريف» (`rate-scopes`), «نسبة ملء سد
    /// الوحدة» (one dam, named: an indefinite noun and its name after the rate's masdar) against
    /// «نسبة ملء السدود». Its key, and the token after it.
    fn rate_scope(&self, k: usize, a: usize) -> Option<(String, usize)> {
        let t = self.toks;
        let word = |j: usize| j < a && self.fwd_ok(j) && t.is_word(j);
        let q = k + 1;
        if !word(q) {
            return None;
        }
        // «وسط الشباب»: a scope that itself opens with «و»; other markers after «و».
        let listed = crate::text::as_written_or_joined(t.folded(q), &['و'], |w| words("rate-scopes").contains(&w));
        let marker = listed.unwrap_or_else(|| t.folded(q).strip_prefix('و').unwrap_or(t.folded(q)));
        if listed.is_some() && word(q + 1) {
            return Some((format!("{marker}:{}", skeleton(t.folded(q + 1))), q + 2));
        }
        let area = |j: usize| word(j) && words("rate-areas").contains(&t.folded(j));
        if marker == "في" && area(q + 1) {
            return Some((skeleton(t.folded(q + 1)), q + 2));
        }
        if let Some(rest) = marker.strip_prefix('ب')
            && words("rate-areas").contains(&rest)
        {
            return Some((skeleton(rest), q + 1));
        }
        // A masdar in construct says whose it is: «بطالة الشباب»، «ملء السدود»، «ملء سد
        // الوحدة» (one thing named).
        let definite = |j: usize| t.folded(j).trim_start_matches('و').starts_with("ال");
        if definite(k) {
            return None;
        }
        let bare = |j: usize| skeleton(t.folded(j).strip_prefix("ال").unwrap_or(t.folded(j)));
        if definite(q) {
            return Some((bare(q), q + 1));
        }
        (word(q + 1) && definite(q + 1)).then(|| (format!("{}:{}", bare(q), bare(q + 1)), q + 2))
    }

    /// The nearest incident within `reach` tokens before the quantity at `[a, b)`, in its
    /// clause.
    fn nearest_incident(&self, a: usize, reach: usize) -> Option<Arc<str>> {
        self.back_find(a, reach, |j| self.incident(j))
    }

    /// What an amount at token `a` is of: the nearest amount noun within `reach` tokens before
    /// it in its clause.
    fn amount_of(&self, a: usize, reach: usize) -> Option<Arc<str>> {
        self.back_find(a, reach, |j| {
            self.ix.find(self.toks, j, |w| if let Word::Amount(x) = w { Some(x.clone()) } else { None })
        })
    }

    /// The nearest phrase `found` reads at a token within `reach` tokens before token `a`
    /// (quotation marks not counted), in its clause, that ends before `a`.
    fn back_find<T>(
        &self,
        a: usize,
        reach: usize,
        found: impl Fn(usize) -> Option<crate::phrases::Hit<T>>,
    ) -> Option<T> {
        let mut j = a;
        let mut steps = 0;
        while steps < reach {
            if j == 0 || !self.back_ok(j - 1) {
                break;
            }
            j -= 1;
            // The quotation marks around a name («استثمارات «إيني» في …») take no step.
            if !crate::phrases::is_quote(self.toks, j) {
                steps += 1;
            }
            if let Some(h) = found(j).filter(|h| h.end <= a) {
                return Some(h.value);
            }
        }
        None
    }

    /// Whether the figure at token `a` follows «بينهم»، «منهم»، «من بينهم» in its clause: a part
    /// of a count stated before it, not a count of its own.
    fn is_part(&self, k: usize, a: usize) -> bool {
        let mut j = a;
        for _ in 0..4 {
            if j == 0 {
                return false;
            }
            j -= 1;
            if !self.back_ok(j) || self.other_quantity(j, k) && !words("parts").contains(&self.toks.folded(j)) {
                return false;
            }
            let w = self.toks.folded(j).trim_start_matches(['و', 'ف']);
            let w = w.strip_prefix('ب').filter(|r| words("parts").contains(r)).unwrap_or(w);
            if words("parts").contains(&w) {
                // «استفاد منها 2000 مواطن»، «يسدد منها المكتتب»: «منها» right after a word
                // of its clause that no count ends is what a verb takes, not «of which».
                let taken = self.toks.folded(j) == w
                    && j > 0
                    && self.back_ok(j - 1)
                    && self.toks.is_word(j - 1)
                    && self.owner[j - 1] == u32::MAX
                    && taken_from_it(self.toks.folded(j - 1), w);
                return !taken;
            }
        }
        false
    }

    /// Whether the figure at tokens `[a, b)` (mention `k`) is of an earlier one of its kind: an
    /// incident or a body called the previous one («الانتخابات السابقة التي جرت في 2024 …، وحصل
    /// فيها الحزب على 31 مقعدا»، «حصل على 31 مقعدا في المجلس السابق»; `previous` after an
    /// incident or a noun of `previous-of`), before the figure in its sentence or in its clause.
    fn of_an_earlier_one(&self, k: usize, a: usize, b: usize) -> bool {
        let t = self.toks;
        let mentions = &self.doc.analysis.mentions;
        let Some(sentence) = sentence_of(self.doc.local, mentions[k].span) else { return false };
        let (first, last) = token_range(t, sentence);
        // The clause after the figure, up to its mark, within the window.
        let reach = last.min(b + EARLIER_REACH);
        let clause_end = (b..reach).find(|&i| self.clause_mark(i, &[])).unwrap_or(reach);
        let previous = |i: usize| i > first && self.owner[i] == u32::MAX && self.called_previous(i, true);
        // Within a window of its sentence: a long sentence of figures costs each a bounded look.
        let from = first.max(a.saturating_sub(EARLIER_REACH));
        (from..a).any(previous) || (b..clause_end).any(previous)
    }

    /// Whether token `i` is a `previous` adjective that makes the incident before it (of up to
    /// three words) an earlier one («الانتخابات السابقة»، «الهزة الأرضية السابقة»), or with
    /// `bodies` a noun of `previous-of` too («المجلس السابق»).
    fn called_previous(&self, i: usize, bodies: bool) -> bool {
        let t = self.toks;
        i > 0
            && words("previous").contains(&t.folded(i))
            && self.owner[i - 1] == u32::MAX
            && ((i.saturating_sub(3)..i).any(|j| self.incident(j).is_some_and(|h| h.end == i))
                || (bodies && words("previous-of").contains(&t.folded(i - 1).trim_start_matches(['و', 'ف', 'ب', 'ل']))))
    }

    /// Whether the figure at token `a` (mention `k`) is joined by «و» to a part before it, of
    /// the same noun in its sentence: «منها 19 مقعدا في الدائرة العامة و16 مقعدا في الدوائر
    /// المحلية», where «منها» stands too far back for [`Reader::is_part`].
    fn joined_to_part(&self, k: usize, a: usize) -> bool {
        let t = self.toks;
        let mentions = &self.doc.analysis.mentions;
        let (mut k, mut a) = (k, a);
        // Back along the run of joined figures, a few at most (a list of parts is short).
        for _ in 0..JOINED_PARTS {
            let joined = t.folded(a).starts_with('و') || (a > 0 && self.back_ok(a - 1) && t.folded(a - 1) == "و");
            if !joined || k == 0 || !self.same_unit_before(k) {
                return false;
            }
            let Some(j) = (k.saturating_sub(4)..k).rev().find(|&j| matches!(mentions[j].kind, MentionKind::Figure(_)))
            else {
                return false;
            };
            let (before, _) = token_range(t, mentions[j].span);
            if self.is_part(j, before) {
                return true;
            }
            (k, a) = (j, before);
        }
        false
    }

    /// Whether «من» and a definite noun of what befell people follow the figure ending at token
    /// `b`: «أربعة من المصابين في حالة حرجة»، «تسعة من القتلى أطفال» count some of the injured
    /// or the dead, a part of the toll and never the toll itself.
    fn of_the_counted(&self, a: usize, b: usize) -> bool {
        let t = self.toks;
        // The partitive is the figure's own noun («4 من المصابين» is one mention), or after it.
        let of = (a + 1..b).find(|&j| t.folded(j) == "من").unwrap_or(b);
        (of < b || self.fwd_ok(of))
            && t.folded(of) == "من"
            && self.fwd_ok(of + 1)
            && t.folded(of + 1).trim_start_matches(['و', 'ف']).starts_with("ال")
            && self.word_measure(of + 1).is_some_and(|m| m.event.is_some())
    }

    /// Whether the figure at token `a` is the total of which the count before it is a part:
    /// «35 مقعدا من أصل 138»، «من إجمالي 500 منزل»، «من بين 76 محتجزا» (`out-of`).
    fn total_of_parts(&self, a: usize) -> bool {
        let t = self.toks;
        a > 1
            && self.back_ok(a - 1)
            && self.back_ok(a - 2)
            && words("out-of").contains(&t.folded(a - 1))
            && t.folded(a - 2).trim_start_matches('و') == "من"
    }

    /// Whether the figure at tokens `[a, b)` (mention `k`) is the value a statement compares
    /// with or changes from: after «مقابل»، «مقارنة بـ»، «بالمقارنة مع»، «قياسا إلى»
    /// (`compared-with`), or between «من» and «إلى» and the value it went to («انتقل المعدل
    /// من 13,1 في المائة إلى 12,8 في المائة»).
    fn earlier_value(&self, k: usize, a: usize, b: usize) -> bool {
        let t = self.toks;
        let compared = words("compared-with");
        let mut j = a;
        for _ in 0..3 {
            if j == 0 || !self.back_ok(j - 1) || self.other_quantity(j - 1, k) {
                break;
            }
            j -= 1;
            let w = t.folded(j).trim_start_matches(['و', 'ف']);
            let w = w.strip_prefix('ب').filter(|r| compared.contains(r)).unwrap_or(w);
            // «مقابل» is also "in exchange for" («630 أسيرا مقابل 9 محتجزين»): a comparison
            // only against a figure of the same noun before it, or with a time of its own after.
            if compared.contains(&w) && (w != "مقابل" || self.same_unit_before(k) || self.dated_after(k, b)) {
                return true;
            }
            // «مقارنة بـ 1985»، «مقارنة مع 27.5»، «بنحو»: a preposition or a hedge between.
            if !(matches!(w, "ب" | "بـ" | "مع" | "الي" | "ل" | "لـ" | "نحو" | "بنحو" | "حوالي" | "قرابه")
                || t.kind(j) == Some(crate::text::TokenKind::Punct))
            {
                break;
            }
        }
        // «من X إلى Y»: the figure after «من», «إلى» and a number after it.
        let from = a > 0 && self.back_ok(a - 1) && t.folded(a - 1).trim_start_matches('و') == "من";
        let next = self.doc.analysis.mentions.get(k + 1).filter(|m| matches!(m.kind, MentionKind::Figure(_)));
        from && next.is_some_and(|m| {
            (b..(b + 3).min(t.len()))
                .any(|i| t.folded(i) == "الي" && self.fwd_ok(i + 1) && token_range(t, m.span).0 <= i + 2)
        })
    }

    /// Whether the figure at token `a` (mention `k`) is what something holds: after «يتسع لـ»،
    /// «تستوعب»، «بسعة»، «بطاقة استيعابية» (`capacity-words`), up to three words before it.
    fn capacity(&self, k: usize, a: usize) -> bool {
        let t = self.toks;
        let list = words("capacity-words");
        let mut j = a;
        for _ in 0..3 {
            if j == 0 || !self.back_ok(j - 1) || self.other_quantity(j - 1, k) {
                return false;
            }
            j -= 1;
            if crate::text::clitic_readings(t.folded(j), |form, _, _| list.contains(&form)) {
                return true;
            }
        }
        false
    }

    /// Where «من» stands before the value the figure at token `a` (mention `k`) changed from,
    /// when it is the «إلى» of «من X إلى Y».
    fn changed_from(&self, k: usize, a: usize) -> Option<usize> {
        let t = self.toks;
        if k == 0 || a < 3 || t.folded(a - 1) != "الي" || !self.back_ok(a - 1) {
            return None;
        }
        let before = &self.doc.analysis.mentions[k - 1];
        let (x, y) = token_range(t, before.span);
        (matches!(before.kind, MentionKind::Figure(_)) && y == a - 1 && x > 0 && t.folded(x - 1) == "من")
            .then_some(x - 1)
    }

    /// Whether the figure before mention `k`, in its sentence, counts the same noun (or is a
    /// percentage as it is).
    fn same_unit_before(&self, k: usize) -> bool {
        let mentions = &self.doc.analysis.mentions;
        let MentionKind::Figure(f) = &mentions[k].kind else { return false };
        let Some(sentence) = sentence_of(self.doc.local, mentions[k].span) else { return false };
        mentions[..k]
            .iter()
            .rev()
            .take_while(|m| m.span.start >= sentence.start)
            .find_map(|m| match &m.kind {
                MentionKind::Figure(g) => Some(g),
                _ => None,
            })
            .is_some_and(|g| match (&f.unit, &g.unit) {
                (Some(a), Some(b)) => a == b || unit_key(a) == unit_key(b),
                _ => false,
            })
    }

    /// Whether a date follows the figure (mention `k`, ending at token `b`) in its clause:
    /// «مقابل 455 مليونا في 2023»، «مقابل 6.7% في الربع نفسه من العام الماضي».
    fn dated_after(&self, k: usize, b: usize) -> bool {
        let mentions = &self.doc.analysis.mentions;
        let mut j = b;
        let limit = (b + 8).min(self.toks.len());
        while j < limit && self.fwd_ok(j) {
            j += 1;
        }
        let end = self.toks.tokens.get(j.saturating_sub(1)).map_or(0, |t| t.end);
        mentions[k + 1..]
            .iter()
            .take_while(|m| m.span.start < end)
            .any(|m| matches!(&m.kind, MentionKind::Date(d) if !d.invalid))
    }

    /// Whether the figure at tokens `[a, b)` counts some of the casualties by where they are or
    /// how they fare: a state after it («11 مصابا في حالة حرجة»، «١١ حالة في العناية المركزة»;
    /// `in-a-state`), a verb of leaving or staying after its noun («40 مصابا غادروا المستشفيات»،
    /// «5 جرحى ما زالوا»; `part-verbs`), or «من بين» and the casualties before it («ومن بين
    /// المصابين ١١ حالة»).
    fn in_a_state(&self, a: usize, b: usize) -> bool {
        let t = self.toks;
        let mut after = Vec::new();
        let mut j = b;
        while after.len() < 4 && self.fwd_ok(j) {
            after.push(t.folded(j));
            j += 1;
        }
        let joined = after.join(" ");
        if words("in-a-state")
            .iter()
            .any(|p| joined == *p || joined.strip_prefix(p).is_some_and(|r| r.starts_with(' ')))
        {
            return true;
        }
        // «غادروا», or «ما زالوا» with its negation, after a noun of casualties («3000 جندي
        // غادروا العراق» is all who left).
        let verb = match after.first() {
            Some(&("ما" | "لا")) => after.get(1),
            first => first,
        };
        let casualties = b > a && self.word_measure(b - 1).is_some_and(|m| m.event.is_some());
        if casualties && verb.is_some_and(|v| words("part-verbs").contains(&v.trim_start_matches(['و', 'ف']))) {
            return true;
        }
        // «ومن بين المصابين ١١ حالة»: the casualties named just before, after «بين».
        a >= 2
            && self.back_ok(a - 1)
            && self.back_ok(a - 2)
            && t.folded(a - 2).trim_start_matches(['و', 'ف']) == "بين"
            && self.word_measure(a - 1).is_some_and(|m| m.event.is_some())
            && t.folded(a - 1).trim_start_matches(['و', 'ف']).starts_with("ال")
    }

    /// Whether the figure ending at token `b` is a count added to one given before: an
    /// adjective of more after its noun («ثماني جثث أخرى»، «5 قتلى جدد»; `more-of`).
    fn more_of(&self, b: usize) -> bool {
        self.fwd_ok(b) && words("more-of").contains(&self.toks.folded(b))
    }

    /// Whether a verb that leaves some of the counted where they were stands just before the
    /// figure at token `a` («وغادر 11 مصابا المستشفى»، «ولا يزال 5 جرحى يتلقون العلاج»;
    /// `part-verbs`): the discharged or those still in hospital are a part of the injured.
    fn some_of_them(&self, k: usize, a: usize) -> bool {
        let t = self.toks;
        let mut j = a;
        for _ in 0..2 {
            if j == 0 || !self.back_ok(j - 1) || self.other_quantity(j - 1, k) {
                return false;
            }
            j -= 1;
            let w = t.folded(j).trim_start_matches(['و', 'ف']);
            if words("part-verbs").contains(&w) {
                return true;
            }
            // «وغادر نحو 11 مصابا»: a hedge between them.
            if !matches!(w, "نحو" | "قرابه" | "حوالي" | "زهاء") {
                return false;
            }
        }
        false
    }

    /// Where a toll stands: the nearest stage word before it in its sentence, just after it, or
    /// after the words that credit it («بحسب حصيلة نهائية») later in its sentence.
    fn stage(&self, a: usize, b: usize, sentence: Span) -> Stage {
        let (first, last) = token_range(self.toks, sentence);
        let stage_at = |i: usize| self.ix.find(self.toks, i, |w| if let Word::Stage(s) = w { Some(*s) } else { None });
        let mut j = a;
        for _ in 0..12 {
            if j <= first {
                break;
            }
            j -= 1;
            if let Some(h) = stage_at(j).filter(|h| h.end <= a) {
                return h.value;
            }
        }
        if let Some(s) = (b..(b + 4).min(last)).find_map(|i| stage_at(i).map(|h| h.value)) {
            return s;
        }
        // «قتل 1200 شخص في الزلزال الذي ضرب المنطقة، بحسب حصيلة نهائية»: the toll credited at the
        // end of its clause, with no other number before the credit.
        let mut i = b;
        while i < (b + 16).min(last) {
            if self.toks.is_digits(i) {
                break;
            }
            if self.toks.is_word(i)
                && words("credited-to").contains(&self.toks.folded(i))
                && let Some(s) = (i + 1..(i + 3).min(last)).find_map(|k| stage_at(k).map(|h| h.value))
            {
                return s;
            }
            i += 1;
        }
        Stage::default()
    }

    fn figure(&self, k: usize, f: &Figure, sentence: Span) -> Option<ClaimData> {
        let span = self.doc.analysis.mentions[k].span;
        let (mut low, mut high) = interval(f.value, f.upper, f.bound);
        // «1.17 تريليون» is rounded at its last decimal: 1.172 trillion says the same.
        if f.bound == Bound::Exact && f.upper.is_none() {
            let half = rounding(&self.doc.text[span.start..span.end], f.value);
            (low, high) = (f.value - half, f.value + half);
        }
        let mut said = self.said(
            Value::Figure { low, high, shown: self.intern(&show_amount(&f.amount(), f.bound)) },
            sentence,
            span,
        );
        let (a, b) = token_range(self.toks, span);
        let share = self.share(k, a, b);
        let mut measured = self.figure_measure(k, f, span, sentence, share);
        // «بلغ عدد الحجاج هذا العام 1684210 حجاج»: a count the sentence names, of a noun the
        // measures do not know or of people with no event.
        if measured.key.is_none()
            && matches!(share, Share::Whole | Share::Part)
            && f.unit.as_deref() != Some("%")
            && let Some((key, shown)) = self.count_named(k, a)
        {
            let part = matches!(share, Share::Part);
            measured.key = Some(if part {
                (format!("count/{key}/part"), msg("phrase.part", &[("measure", &shown)]))
            } else {
                (format!("count/{key}"), shown)
            });
            // A count named so runs as news comes in: the visitors so far, the cases so far.
            measured.grows = !part;
        }
        // «12 فيلما، منها ستة أفلام مصرية»: a part after «منها/بينهم» is not the count of its
        // noun, only another part («منهم 1250 أميركي» against «بينهم 2500 أمريكي»); some of
        // the injured are no count at all.
        let key = strict_figure_key(self.doc, f, sentence).and_then(|key| match share {
            Share::Whole => Some(key),
            Share::Part => Some(key.replacen('@', "/part@", 1)),
            Share::Some | Share::Earlier | Share::Capacity => None,
        });
        if measured.key.is_none() && key.is_none() && measured.thing.is_none() {
            return None;
        }
        let (measure, measure_shown, anchors) = match measured.key {
            Some((m, shown)) => {
                said.grows = measured.grows;
                said.group = measured.group.clone();
                said.nation = measured.nation.as_ref().map(|(c, _)| c.clone());
                if measured.grows {
                    said.stage = self.stage(a, b, sentence);
                }
                // Whose nationals are counted is a subject like an incident: «99 حاجا أردنيا»
                // in «مكة» meets another count of them there.
                let nationals = measured.nation.as_ref().map(|(country, at)| {
                    let name = (self.entity)(country).map_or_else(|| country.to_string(), |c| c.name.clone());
                    let shown = msg(
                        "phrase.nationals",
                        &[
                            ("x", &format!("«{}»", verbatim(&name))),
                            ("written", &verbatim(&self.doc.text[at.start..at.end])),
                        ],
                    );
                    (
                        *at,
                        Anchor { key: self.intern(&format!("n:{country}")), shown: self.intern(&shown), strong: false },
                    )
                });
                // A rate named is one quantity of its incident or country: «نسبة المشاركة في
                // الانتخابات»، «معدل التضخم في مصر» (a toll is not: many are counted there).
                let rate = m.starts_with("percent/rate:") || m.starts_with("magnitude/");
                let counted = m.starts_with("count/");
                let of = if rate || counted { Subjects::Rates } else { Subjects::Tolls };
                // Seats are the body's that won them, named last before the count: «حصد حزب X 35
                // مقعدا، وحزب Y 21 مقعدا» gives Y's 21, not X's.
                let mut anchors = if m.starts_with("seats/") {
                    self.winner_before(span, sentence).into_iter().collect()
                } else {
                    self.anchors_with(span, sentence, of, None, nationals)
                };
                // «عدد الحجاج» with no place named is the story's own count, whoever gives it;
                // named with one, it is that place's («عدد الناخبين في عمان» is not the
                // country's).
                let placed = |a: &Anchor| ["p:", "c:", "p~"].iter().any(|p| a.key.starts_with(p));
                // So is a share of output: the story's country's deficit, whoever gives it.
                let output = m.starts_with("percent/output:");
                if (counted || output) && !anchors.iter().any(placed) {
                    anchors.push(self.story_anchor());
                }
                // A budget or a rate is of a year as much as of a place: «موازنة العام 2020».
                if (m.starts_with("percent/") || MONEY.iter().any(|c| m.starts_with(&format!("{c}/"))))
                    && let Some(year) = year_written(self.doc, sentence, false)
                {
                    let (key, shown) = (
                        self.intern(&format!("y:{year}")),
                        self.intern(&msg("phrase.in", &[("x", &year.to_string())])),
                    );
                    anchors.push(Anchor { key, shown, strong: true });
                }
                // «نسبة الاقتراع في محافظة المفرق» is that province's rate, never the vote's
                // overall one that another source gives with no place: a rate named with a
                // place or a town is measured there.
                let m = match anchors.iter().find(|a| a.key.starts_with("p:") || a.key.starts_with("p~")) {
                    Some(place) if m.starts_with("percent/rate:") => format!("{m}/{}", place.key),
                    _ => m,
                };
                (Some(Arc::from(m)), shown, anchors)
            }
            None => (None, String::new(), Vec::new()),
        };
        let mut claim = self.claim(k, Kind::Figures, measure, measure_shown, anchors, key, sentence, said);
        claim.event = measured.event;
        claim.thing = measured.thing;
        Some(claim)
    }

    #[allow(clippy::too_many_arguments)]
    fn claim(
        &self,
        k: usize,
        kind: Kind,
        measure: Option<Arc<str>>,
        measure_shown: String,
        anchors: Vec<Anchor>,
        key: Option<String>,
        sentence: Span,
        said: Said,
    ) -> ClaimData {
        let span = self.doc.analysis.mentions.get(k).map_or(sentence, |m| m.span);
        // The context of the strict key: only a claim with one needs it.
        let mut context: Vec<(bool, Arc<str>)> = match &key {
            Some(key) => self
                .entities_in(sentence)
                .filter(|(e, kind)| !kind.is_setting() && *e.id != **key && !WORDS.is_outlet(&e.id))
                .map(|(e, _)| (false, e.id.clone()))
                .collect(),
            None => Vec::new(),
        };
        // For dates an event word is context like an entity, and one source's «اغتيال» beside
        // another's «مقتل» does not make two different events. For figures, a count of soldiers
        // deployed is not a count of soldiers killed: event words must overlap ([`Said::relate`]).
        let mut said = said;
        if kind == Kind::Dates {
            if key.is_some() {
                context.extend(said.events.iter().map(|e| (true, e.clone())));
            }
            said.events = Box::default();
        }
        context.sort();
        context.dedup();
        if kind != Kind::Figures || measure.as_deref() == Some("age") {
            said.year = None;
            said.when = Box::default();
        }
        ClaimData {
            mention: k,
            span,
            kind,
            measure,
            measure_shown: self.intern(&measure_shown),
            anchors,
            noun: match self.doc.analysis.mentions.get(k).map(|m| &m.kind) {
                Some(MentionKind::Figure(f)) => self.intern(f.unit.as_deref().unwrap_or_default()),
                _ => self.intern(""),
            },
            key: key.map(|k| self.intern(&k)),
            context: context.into(),
            headline: self.headline.is_some_and(|h| h.start <= span.start && span.end <= h.end),
            said,
            event: None,
            thing: None,
        }
    }

    fn date(&self, k: usize, d: &DateMention, sentence: Span) -> Option<ClaimData> {
        let span = self.doc.analysis.mentions[k].span;
        let value = self.date_value(k, d, sentence)?;
        let mut said = self.said(value, sentence, span);
        // A date is its own year; its sentence's event words are context, not qualifiers (one
        // source's «اغتيال» beside another's «مقتل» is one event).
        said.year = None;
        let (a, b) = token_range(self.toks, span);
        // A year before 1000 is a misread date, not news; a stamp dates the page.
        let misread = matches!(&said.value, Value::Date { date, .. } if date.year.is_some_and(|y| y < 1000));
        // «… إلى 94 حالة حتى العاشر من مارس»: the day a count runs to dates nothing that happened.
        let cut_off = a > 0
            && !self.toks.breaks_before(a)
            && words("cut-offs").contains(&self.toks.folded(a - 1).trim_start_matches('و'));
        if misread || cut_off || self.is_stamp(b) || self.is_dateline(d, a) || self.earlier_instance(d, a, sentence) {
            return None;
        }
        // Across stories only a date the text writes out ties two statements: «أمس» and
        // «الجمعة» are days of each article's own week.
        let key = d
            .value
            .filter(|_| d.relative.is_none())
            .and_then(|_| nearest_entity(self.doc, &self.kinds, span).map(|id| id.to_string()));
        let event = self.date_event(k, a, b, sentence);
        let (measure, shown, anchors) = match event {
            Some((event, shown)) => {
                let anchors = self.anchors(span, sentence, Subjects::Events, event.split(':').next_back());
                (Some(Arc::from(format!("date:{event}"))), shown, anchors)
            }
            None => (None, String::new(), Vec::new()),
        };
        if measure.is_none() && key.is_none() {
            return None;
        }
        Some(self.claim(k, Kind::Dates, measure, shown, anchors, key, sentence, said))
    }

    /// Whether the date at token `a` dates an earlier event of the story's kind, in a year
    /// before publication: one named by its year («منذ حرائق عام 2022»، «زلزال 1980»، «حرائق صيف
    /// 2022»: the incident right before the date, or before its season) or called the previous
    /// one («الانتخابات السابقة التي جرت في سبتمبر 2024», before the date in its sentence).
    /// Background, not the story's date.
    fn earlier_instance(&self, d: &DateMention, a: usize, sentence: Span) -> bool {
        let Some(published) = self.doc.analysis.published.and_then(|p| p.0.year) else { return false };
        if d.relative.is_some() || d.value.and_then(|v| v.year).is_none_or(|y| y >= published) {
            return false;
        }
        let (first, _) = token_range(self.toks, sentence);
        let named = |j: usize| j >= first && self.incident(j).is_some_and(|h| h.end == j + 1);
        let season = a > first && words("seasons").contains(&self.toks.folded(a - 1));
        if (a > first && named(a - 1)) || (season && a > first + 1 && named(a - 2)) {
            return true;
        }
        (first.max(a.saturating_sub(EARLIER_REACH)) + 1..a).any(|i| self.called_previous(i, false))
    }

    /// A date's value as compared: its resolved value; else what the text fixes without the
    /// publication date: the month of «أبريل الماضي», the weekday of «الثلاثاء» or «اليوم
    /// الثلاثاء», and for a bare «اليوم» the weekday its sentence reports on («قالت … الأربعاء
    /// إن الصاروخ الذي أطلق اليوم»).
    fn date_value(&self, k: usize, d: &DateMention, sentence: Span) -> Option<Value> {
        if d.invalid || d.calendar != Calendar::Gregorian && d.value.is_none() {
            return None;
        }
        let deictic = matches!(d.relative, Some(Relative::Days(_) | Relative::Weekday(_)));
        // «في اليوم ذاته»: the day just named, not today.
        let (_, b) = token_range(self.toks, self.doc.analysis.mentions[k].span);
        if deictic && matches!(self.toks.folded(b), "ذاته" | "نفسه" | "عينه") {
            return None;
        }
        if let Some(v) = d.value {
            // «اليوم الثلاثاء» in an article dated a Wednesday was written on the Tuesday: the
            // weekday the writer named is what it says.
            let named = d
                .weekday
                .filter(|&w| d.relative.is_some() && v.full().and_then(|(y, m, dd)| weekday(y, m, dd)) != Some(w));
            if let Some(w) = named {
                return Some(Value::Date { date: DateValue::default(), weekday: Some(w), deictic });
            }
            return Some(Value::Date {
                date: self.in_year_of_publication(k, d, v, sentence),
                weekday: d.weekday,
                deictic,
            });
        }
        let weekday = d.weekday.or_else(|| match d.relative {
            Some(Relative::Days(0)) => self.reported_weekday(k, sentence),
            _ => None,
        });
        let date = match d.relative {
            // «6 أيار من العام الجاري» without a publication date: 6 May of a year unknown.
            Some(Relative::NamedMonth(_) | Relative::Period(crate::lexicon::PeriodUnit::Year, _)) => {
                DateValue { year: None, week: None, ..d.written }
            }
            _ => DateValue::default(),
        };
        (date != DateValue::default() || weekday.is_some()).then_some(Value::Date { date, weekday, deictic })
    }

    /// «أعلنت الهيئة النتائج الخميس 14 سبتمبر» in copy of 15 September 2028: a day and month
    /// with no year is compared as the day of the year nearest publication, when that is
    /// within a month of it ([`crate::calendar::nearest_to`]), its weekday (if named) fits and
    /// its sentence writes no year (in «في 5 مارس 2014 ثم في 7 أبريل» the year is the
    /// sentence's). Otherwise as written: a day of a year unknown, which agrees with any.
    fn in_year_of_publication(&self, k: usize, d: &DateMention, v: DateValue, sentence: Span) -> DateValue {
        let published = self.doc.analysis.published.and_then(|(p, _)| p.full());
        let Some((y, m, day)) =
            published.filter(|_| d.relative.is_none()).and_then(|p| crate::calendar::nearest_to(v, p))
        else {
            return v;
        };
        let fits = d.weekday.is_none_or(|w| weekday(y, m, day) == Some(w));
        // The sentence's other dates near it (a long sentence of dates costs each a bounded look).
        let mentions = &self.doc.analysis.mentions;
        let here = mentions[k].span;
        let near = Span::new(
            sentence.start.max(here.start.saturating_sub(YEAR_REACH)),
            sentence.end.min(here.end + YEAR_REACH),
        );
        let year_written = within(mentions, |m| m.span, near)
            .any(|m| m.span != here && matches!(&m.kind, MentionKind::Date(x) if x.written.year.is_some()));
        if fits && !year_written { DateValue::ymd(y, m, day) } else { v }
    }

    /// The weekday a sentence names alone, other than mention `k`: the day it reports on.
    fn reported_weekday(&self, k: usize, sentence: Span) -> Option<u8> {
        let mentions = &self.doc.analysis.mentions;
        let from = mentions.partition_point(|m| m.span.start < sentence.start);
        mentions[from..]
            .iter()
            .enumerate()
            .take_while(|(_, m)| m.span.start < sentence.end)
            .filter(|(j, _)| from + j != k)
            .find_map(|(_, m)| match &m.kind {
                MentionKind::Date(d) if matches!(d.relative, Some(Relative::Weekday(0))) => d.weekday,
                _ => None,
            })
    }

    /// Whether a date is a time stamp of the page: a clock time after it, past digits, slashes
    /// and «م» («الأحد 16 نيسان 2017 الساعة 10 : 53»، «السبت 10 / 06 / 2017 م ( آخر تحديث )
    /// الساعة 21 : 49»، «21 يناير 2018 - 10 : 34»). Stamps date the page, not an event.
    fn is_stamp(&self, b: usize) -> bool {
        let t = self.toks;
        for j in b..b + 10 {
            if j >= t.len() || t.breaks_before(j) {
                return false;
            }
            let w = t.folded(j);
            if w == "الساعه" || w == "gmt" || (t.is_digits(j) && t.is_punct(j + 1, ':') && t.is_digits(j + 2)) {
                return true;
            }
            let furniture = t.is_digits(j)
                || (t.kind(j) == Some(TokenKind::Punct) && !t.is_punct(j, '.'))
                || matches!(w, "م" | "ه" | "هـ" | "اخر" | "تحديث" | "ص" | "مساء" | "صباحا" | "بتوقيت");
            if !furniture {
                return false;
            }
        }
        false
    }

    /// Whether a date is the article's own dateline: its full publication date written bare,
    /// with no «في»، «يوم»، «منذ» before it (news calls the day it is published «اليوم»), after
    /// punctuation or the city opening the line («دمشق - الأحد 16 نيسان 2017»، «القاهرة 5
    /// مارس»). Inside a sentence («قتل 38 مدنيا صباح الاثنين 22 تموز 2019») it dates an event
    /// of the day of publication.
    fn is_dateline(&self, d: &DateMention, a: usize) -> bool {
        let Some(published) = self.doc.analysis.published.and_then(|p| p.0.full()) else { return false };
        let t = self.toks;
        let opens_line = |k: usize| (k.saturating_sub(2)..=k).any(|j| j == 0 || t.breaks_before(j));
        let bare = a == 0
            || !t.is_word(a - 1)
            || (!words("date-prepositions").contains(&t.folded(a - 1).trim_start_matches('و')) && opens_line(a - 1));
        d.relative.is_none() && d.value.and_then(|v| v.full()) == Some(published) && bare
    }

    /// Whether the incident at token `i` is one remembered: an anniversary word within four
    /// tokens before it in its clause (`anniversaries`: «الذكرى السنوية الأولى لانفجار»، «مرور
    /// عام على الزلزال»).
    fn remembered(&self, i: usize) -> bool {
        let list = words("anniversaries");
        (i.saturating_sub(4)..i)
            .rev()
            .take_while(|&j| self.back_ok(j))
            .any(|j| crate::text::clitic_readings(self.toks.folded(j), |form, _, _| list.contains(&form)))
    }

    /// What a date dates: the nearest incident or event word within eight tokens of it in its
    /// clause («بدء معركة الرقة في السادس من أيار» dates the start of the battle). A date
    /// standing alone between commas («قالت هيلي، الأربعاء، إن الصاروخ الذي أطلقته…»; «…على
    /// الرياض، الثلاثاء،») belongs to the clauses on either side. Reporting verbs are not events.
    fn date_event(&self, k: usize, a: usize, b: usize, sentence: Span) -> Option<(String, String)> {
        let (first, last) = token_range(self.toks, sentence);
        let clause_start = |from: usize| {
            let mut i = from;
            while i > first && self.back_ok(i - 1) {
                i -= 1;
            }
            i
        };
        let clause_end = |from: usize| {
            let mut i = from;
            while i < last && self.fwd_ok(i) {
                i += 1;
            }
            i
        };
        let (mut lo, mut hi) = (clause_start(a), clause_end(b));
        // Alone: nothing but dates in it («، اليوم الثلاثاء 19 ديسمبر،»).
        let mentions = &self.doc.analysis.mentions;
        let is_date = |i: usize| {
            self.owner[i] == k as u32
                || self.owner[i] != u32::MAX && matches!(mentions[self.owner[i] as usize].kind, MentionKind::Date(_))
        };
        let others = (lo..hi).filter(|&i| !is_date(i) && self.toks.is_word(i)).count();
        // «، في السادس من الشهر ذاته،»: a preposition or a time of day may stand with it.
        let alone = others <= 2 && (lo..hi).any(is_date);
        if alone {
            lo = if lo > first + 1 { clause_start(lo - 1) } else { lo };
            hi = if hi + 1 < last { clause_end(hi + 1) } else { hi };
        }
        work(hi - lo);
        // Incidents first: a date beside «تفجير» and «المصابين» dates the blast. Of the events
        // that happen to people, only one that befalls a person named right after it is dated
        // («وقتل ناجي الجرف … أواخر ديسمبر»): a toll's deaths run over days.
        let event_at = |i: usize, incidents: bool| -> Option<(usize, String)> {
            // «محمد ولد الغزواني»: the Mauritanian «son of» in a name is no birth.
            if self.stop(i) || self.in_org_name(i) || self.in_name(i, EntityKind::Person) {
                return None;
            }
            if incidents {
                let h = self.dated_incident(i)?;
                // «وقف إطلاق النار»: a longer name of what happened, begun a word or two before,
                // covers this one (a ceasefire is no shooting).
                if (i.saturating_sub(2)..i).any(|j| self.incident(j).is_some_and(|x| x.end > i)) {
                    return None;
                }
                // «أخمد حريق الغابة»: the end word up to two words before dates the end of it,
                // not the day it broke out. (The start of what happens at one time is its day:
                // «بدأ التصويت في الانتخابات» dates the vote.)
                if !matches!(&*h.value, "start" | "end")
                    && let Some(j) = (i.saturating_sub(3)..i).find(|&j| {
                        // In its clause: «انتهت بالانسحاب. وصوّت» is no end of the vote.
                        (j..i).all(|x| self.toks.is_word(x) && self.back_ok(x))
                            && self.incident(j).is_some_and(|x| &*x.value == "end" && x.end <= i)
                    })
                {
                    // «تفقد اليوم أعمال احتواء التسرب»: the work going on is dated, not the leak.
                    if self.ongoing_work(j) {
                        return None;
                    }
                    return Some((h.end, format!("end:{}", h.value)));
                }
                // «الذكرى الثالثة لانفجار المرفأ»: the date is the anniversary's, unless a
                // relative clause after the incident gives its own («… الذي وقع في 4 آب 2020»).
                let own_clause = h.end <= a && (h.end..a).any(|j| matches!(self.toks.folded(j), "الذي" | "التي"));
                if self.remembered(i) && !own_clause {
                    return None;
                }
                // «أدين باغتيال الصحافي …»: a masdar behind a preposition is what an earlier
                // verb is about (convicted of the killing); the verb is what happened that day.
                if h.dropped > 0
                    && matches!(self.toks.folded(i).chars().next(), Some('ب' | 'ل'))
                    && i > 0
                    && let Some(v) = self.incident(i - 1)
                {
                    return Some((i, v.value.to_string()));
                }
                if &*h.value == "end" && self.ongoing_work(i) {
                    return None;
                }
                if &*h.value == "start" || &*h.value == "end" {
                    // «إخماد آخر بؤر الحرائق»: an end up to two words before what ended.
                    let reach = if &*h.value == "end" { 3 } else { 2 };
                    let next = (h.end..(h.end + reach).min(hi)).find_map(|j| self.incident(j))?;
                    return Some((h.end, format!("{}:{}", h.value, next.value)));
                }
                return Some((h.end, h.value.to_string()));
            }
            let h = self.measure_at(i)?;
            let e = h.value.event.clone().filter(|_| h.value.thing.is_none())?;
            // «قتل» and «اغتيل» date one killing.
            let e: Arc<str> = if &*e == "killed" { "killing".into() } else { e };
            let person_next = {
                let after = self.toks.tokens.get(h.end)?.start;
                let reach = self.toks.tokens.get((h.end + 3).min(self.toks.len()) - 1)?.end;
                self.entities_in(Span::new(after, reach)).any(|(m, _)| m.kind == EntityKind::Person)
            };
            person_next.then(|| (h.end, e.to_string()))
        };
        let shown = |e: &str| msg("phrase.date-of", &[("event", &term("incident", e))]);
        // A date in a clause of its own after the event's («وأنشئ المجلس الذي يضم …، في أبريل
        // الماضي لإدارة المدينة») dates the event of the clause before, nearest first.
        let before = if lo > first + 1 { clause_start(lo - 1) } else { lo };
        let nearest = |from: usize, to: usize, incidents: bool| {
            (from..to).rev().take(40).find_map(|i| event_at(i, incidents).filter(|(end, _)| *end <= to).map(|(_, e)| e))
        };
        // Within eight words of it; a date alone between commas belongs to the whole clause
        // beside it («… أطلقته ميليشيات الحوثي الإيرانية على العاصمة السعودية الرياض، الثلاثاء،»).
        let reach = if alone { 40 } else { 8 };
        // «أعلن رئيس السلطة، مساء الأحد، فوز تبون في الانتخابات»، «أعلنت الشرطة الأربعاء ضبط 18
        // طنا»: a date after a verb of announcing in its clause dates the announcement; what was
        // announced, after it, happened before (an event before the date is still its own).
        // A weekday or «أمس» is the day of the news, after the verb and its subject («أعلنت
        // الشرطة المغربية الأربعاء»); a month («أعلنت في آب الماضي تشكيل المجلس») is when the
        // announced thing was done.
        let says = |i: usize| words("announcing").contains(&self.toks.folded(i).trim_start_matches(['و', 'ف']));
        let day_of_news = matches!(
            &mentions[k].kind,
            MentionKind::Date(d) if d.written.day.is_none() && matches!(d.relative, Some(Relative::Weekday(_) | Relative::Days(_)))
        );
        let announced =
            if alone { (lo..a).any(says) } else { day_of_news && (a.saturating_sub(4).max(lo)..a).any(says) };
        // «ولد في صفاقس عام 1898 وتوفي عام 1975»: a verb after the date that opens a clause of
        // its own with «و» dates what follows it; the date is the verb's before it, if any.
        let opens_clause =
            |i: usize| self.toks.folded(i).starts_with('و') && self.dated_incident(i).is_some_and(|h| h.dropped > 0);
        for incidents in [true, false] {
            let mut later = None;
            for d in 1..=reach {
                if a >= lo + d
                    && let Some((end, e)) = event_at(a - d, incidents)
                    && end <= a
                {
                    return Some((e.clone(), shown(&e)));
                }
                if later.is_none()
                    && b + d - 1 < hi
                    && !announced
                    && let Some((_, e)) = event_at(b + d - 1, incidents)
                {
                    if !opens_clause(b + d - 1) {
                        return Some((e.clone(), shown(&e)));
                    }
                    later = Some(e);
                }
            }
            if let Some(e) = later {
                return Some((e.clone(), shown(&e)));
            }
        }
        if announced {
            return None;
        }
        // Else what befell a person named at the head of its own clause («وقتل ناجي الجرف (37
        // عاما) في وضح النهار في محافظة غازي عنتاب أواخر ديسمبر»), or the event of the clause
        // before.
        // A birth is told with its date («ولد … عام 1938»): it never dates the clause after it
        // («، وبدأ الغناء عام 1956»).
        let e = nearest(lo, a, false)
            .or_else(|| nearest(before, lo.saturating_sub(1), true).filter(|e| e != "birth"))
            .or_else(|| nearest(before, lo.saturating_sub(1), false))?;
        Some((e.clone(), shown(&e)))
    }

    /// «منذ 2012» of an incident in its sentence: the year something began, compared with the
    /// durations counted from it.
    fn start_year(&self, k: usize, d: &DateMention, sentence: Span) -> Option<ClaimData> {
        let v = d.value?;
        let year = v.year.filter(|_| v.month.is_none() && d.relative.is_none())?;
        let span = self.doc.analysis.mentions[k].span;
        let (a, b) = token_range(self.toks, span);
        let since =
            (a..b.min(a + 1)).chain(a.checked_sub(1)).any(|i| self.toks.folded(i).trim_start_matches('و') == "منذ");
        if !since {
            return None;
        }
        let incident = self.duration_incident(a, b, sentence)?;
        let said = self.said(Value::Start { year }, sentence, span);
        let anchors = self.anchors(span, sentence, Subjects::Spans, Some(&incident));
        let shown = msg("phrase.lasting-since", &[("incident", &term("incident", &incident))]);
        Some(self.claim(
            k,
            Kind::Durations,
            Some(format!("since:{incident}").into()),
            shown,
            anchors,
            None,
            sentence,
            said,
        ))
    }

    /// The incident a duration is the length of: the nearest within eight tokens in its
    /// sentence («الحصار المفروض على المدينة منذ 3 سنوات»، «معارك ضارية استمرت أربعة أشهر»).
    fn duration_incident(&self, a: usize, b: usize, sentence: Span) -> Option<String> {
        let (first, last) = token_range(self.toks, sentence);
        for d in 1..=8 {
            if a >= first + d
                && let Some(h) = self.incident(a - d).filter(|h| h.end <= a && !matches!(&*h.value, "start" | "end"))
            {
                return Some(h.value.to_string());
            }
            if b + d - 1 < last
                && let Some(h) = self.incident(b + d - 1).filter(|h| !matches!(&*h.value, "start" | "end"))
            {
                return Some(h.value.to_string());
            }
        }
        None
    }

    fn duration(&self, k: usize, d: &Duration, sentence: Span) -> Option<ClaimData> {
        let span = self.doc.analysis.mentions[k].span;
        let (a, b) = token_range(self.toks, span);
        if d.unit == DurationUnit::Year
            && let Some(who) = self.age_of(a, b, sentence)
        {
            // An age said in whole years: «87 عاما» is 87 until 88; «نحو/يناهز 87» a year either
            // way (approaching 87, or just past it), not a tenth of a lifetime.
            let (low, high) = match d.bound {
                Bound::Exact => (d.amount, d.amount + 1.0),
                Bound::About => (d.amount - 1.0, d.amount + 1.0),
                _ => interval(d.amount, None, d.bound),
            };
            let shown = show_amount(&msg("count.years", &[("n", &crate::extract::format_number(d.amount))]), d.bound);
            let said = self.said(Value::Age { low, high, shown: self.intern(&shown) }, sentence, span);
            let measure_shown = msg("phrase.age-of", &[("who", &who.shown)]);
            return Some(self.claim(
                k,
                Kind::Figures,
                Some("age".into()),
                measure_shown,
                vec![who],
                None,
                sentence,
                said,
            ));
        }
        let per = match d.unit {
            DurationUnit::Year => 1.0,
            DurationUnit::Month => 1.0 / 12.0,
            DurationUnit::Week => 7.0 / 365.25,
            DurationUnit::Day => 1.0 / 365.25,
            DurationUnit::Hour | DurationUnit::Minute | DurationUnit::Second => return None,
        };
        let t = self.toks;
        let before = |n: usize| (1..=n).filter_map(|d| a.checked_sub(d)).map(|i| t.folded(i).trim_start_matches('و'));
        let since = before(1).any(|w| w == "منذ");
        let lasted =
            before(3).any(|w| words("lasted").contains(&w)) || (t.folded(b) == "من" && self.incident(b + 1).is_some());
        if !(since || lasted) {
            return None;
        }
        let incident = self.duration_incident(a, b, sentence)?;
        let years = d.amount * per;
        let (low, high) = match d.bound {
            // «منذ 3 سنوات» is said of three years and some months, or rounded up from a little
            // less.
            Bound::Exact => ((d.amount - 0.5) * per, (d.amount + 1.0) * per),
            Bound::About => (years * 0.8, years * 1.25),
            Bound::Above | Bound::AtLeast => (years, f64::INFINITY),
            Bound::Below | Bound::AtMost => (0.0, years),
        };
        let mut said =
            self.said(Value::Duration { low, high, unit: per, start: None, shown: self.intern("") }, sentence, span);
        let unit = match d.unit {
            DurationUnit::Year => "years",
            DurationUnit::Month => "months",
            DurationUnit::Week => "weeks",
            _ => "days",
        };
        let shown = show_amount(&show_years(years, per, unit), d.bound);
        let start = said.published.filter(|_| since).map(|p| (p - high, p - low));
        said.value = Value::Duration { low, high, unit: per, start, shown: self.intern(&shown) };
        let mode = if since { "since" } else { "lasted" };
        let anchors = self.anchors(span, sentence, Subjects::Spans, Some(&incident));
        let lasting = if since { "phrase.lasting-since" } else { "phrase.lasting" };
        let measure_shown = msg(lasting, &[("incident", &term("incident", &incident))]);
        Some(self.claim(
            k,
            Kind::Durations,
            Some(format!("{mode}:{incident}").into()),
            measure_shown,
            anchors,
            None,
            sentence,
            said,
        ))
    }

    /// Ages written as a definite number word before «من عمره»: «في الستين من عمرها» (60), «في
    /// الثامنة والثلاثين من عمره» (38), which the grammar does not read as a figure. Looked for
    /// only where the marker stands.
    fn ages_in_words(&self) -> Vec<ClaimData> {
        let t = self.toks;
        let mut out = Vec::new();
        for i in 1..t.len() {
            if self.ix.find(t, i, |w| matches!(w, Word::Age { before: false }).then_some(())).is_none() {
                continue;
            }
            let mut n = i - 1;
            if !t.is_word(n) || self.owner[n] != u32::MAX {
                continue;
            }
            let years = if let Some(tens) = t.folded(n).strip_prefix("وال") {
                // «في الثامنة والثلاثين من عمره»: an ordinal unit and «و» and the tens (38).
                let unit =
                    n.checked_sub(1).filter(|&u| t.is_word(u) && self.owner[u] == u32::MAX && !t.breaks_before(n));
                match (unit.and_then(|u| ordinal_unit(t.folded(u))), number_word(tens)) {
                    (Some(u), Some(d)) if (20.0..=90.0).contains(&d) => {
                        n -= 1;
                        d + u
                    }
                    _ => continue,
                }
            } else if let Some(word) = t.folded(n).strip_prefix("ال") {
                let Some(y) = number_word(word) else { continue };
                y
            } else {
                continue;
            };
            let span = Span::new(t.tokens[n].start, t.tokens[i - 1].end);
            let Some(sentence) = sentence_of(self.doc.local, span) else { continue };
            let sentence = window(sentence, span);
            let Some(who) = self.age_of(n, i, sentence) else { continue };
            let shown = msg("count.years", &[("n", &years.to_string())]);
            let said =
                self.said(Value::Age { low: years, high: years + 1.0, shown: self.intern(&shown) }, sentence, span);
            let mut c = self.claim(
                usize::MAX,
                Kind::Figures,
                Some("age".into()),
                msg("phrase.age-of", &[("who", &who.shown)]),
                vec![who],
                None,
                sentence,
                said,
            );
            c.span = span;
            out.push(c);
        }
        out
    }

    /// Whose age a number of years at tokens `[a, b)` is, when it is one: «والدتهما البالغة من
    /// العمر 67 عاما» (the mother), «نقل الأب وعمره 70 عاما» (the father), «ناجي الجرف (37 عاما)»,
    /// «ويبلغ من العمر 38 عاما» (the person the sentence is about).
    fn age_of(&self, a: usize, b: usize, sentence: Span) -> Option<Anchor> {
        let t = self.toks;
        let marker_before = (1..=3).filter_map(|d| a.checked_sub(d)).find_map(|i| {
            self.ix
                .find(t, i, |w| matches!(w, Word::Age { before: true }).then_some(()))
                .filter(|h| h.end == a)
                .map(|_| i)
        });
        // «توفي الفنان فؤاد المنصوري عن 86 عاما»: «عن» after a word of dying in the sentence.
        let died_at = || {
            let dying = words("death-verbs");
            a > 0
                && t.folded(a - 1) == "عن"
                && (token_range(t, sentence).0..a - 1)
                    .any(|i| t.is_word(i) && dying.contains(&t.folded(i).trim_start_matches(['و', 'ف'])))
        };
        let marker_before = marker_before.or_else(|| died_at().then(|| a - 1));
        let marker_after = self.ix.find(t, b, |w| matches!(w, Word::Age { before: false }).then_some(())).is_some();
        let bracketed = a > 0 && t.is_punct(a - 1, '(') && t.is_punct(b, ')');
        let from = match (marker_before, marker_after, bracketed) {
            (Some(i), _, _) => i,
            (None, true, _) => a,
            (None, false, true) => a - 1,
            _ => return None,
        };
        // The person just before: a kin role within four words, else a person named just
        // before, else the last person the sentence named.
        let start = t.tokens[from].start;
        let unnamed = words("unnamed-people");
        for i in (from.saturating_sub(4)..from).rev() {
            if !self.back_ok(i) {
                break;
            }
            // «طفلة تبلغ من العمر 9 سنوات»: someone unnamed, with no name between.
            if t.is_word(i)
                && crate::text::clitic_readings(t.folded(i), |form, _, _| unnamed.contains(&form))
                && !self.entities_in(Span::new(t.tokens[i].end, start)).any(|(e, _)| e.kind == EntityKind::Person)
            {
                return None;
            }
            if t.is_word(i)
                && let Some(role) = WORDS.role(t.original(i))
            {
                return Some(Anchor {
                    key: self.intern(&format!("who:{role}")),
                    shown: self.intern(&msg("phrase.role", &[("role", &term("role", &role))])),
                    strong: true,
                });
            }
        }
        let person = self
            .entities_in(Span::new(sentence.start, start))
            .filter(|(e, _)| e.kind == EntityKind::Person)
            .last()
            .map(|(e, _)| e)?;
        Some(Anchor {
            key: self.intern(&format!("who:{}", person.id)),
            shown: self.intern(&self.entity_name(person)),
            strong: true,
        })
    }
}

/// When a date in a clause says something happened, as far as it is known without the
/// publication date: «الخميس» a weekday of this week, «الشهر الماضي» earlier.
fn when_of(d: &DateMention) -> Option<When> {
    if let Some(v) = d.value {
        return Some(When::Date(v, d.weekday));
    }
    match d.relative? {
        Relative::Days(n) if (-1..=0).contains(&n) => Some(When::Recent),
        Relative::Weekday(n) if n >= 0 => match d.weekday {
            Some(w) => Some(When::Date(DateValue::default(), Some(w))),
            None => Some(When::Recent),
        },
        Relative::Period(_, -1) | Relative::Weekday(-1) => Some(When::Earlier),
        Relative::NamedMonth(-1) => Some(When::Earlier),
        _ => None,
    }
}

/// The unit an ordinal word names, one to nine, either gender: «الثامنة» 8, «الحادي» 1.
fn ordinal_unit(folded: &str) -> Option<f64> {
    // «الحادية» and «الحادي» of «الحادية والثلاثين» are one, as «الأول» is not in a compound.
    if matches!(folded, "الحادي" | "الحاديه") {
        return Some(1.0);
    }
    whole_word(folded, |l| match l {
        crate::lexicon::Lex::DayOrdinal(d) if (1..=9).contains(d) => Some(*d as f64),
        _ => None,
    })
}

/// What the language data reads a word (folded) as, when it reads the whole word, no clitic
/// taken off.
fn whole_word<T>(folded: &str, pick: impl Fn(&crate::lexicon::Lex) -> Option<T>) -> Option<T> {
    let toks = Tokens::new(folded);
    let ix = crate::lexicon::LEXICON.index(&toks);
    let h = ix.find(&toks, 0, pick)?;
    (h.end == toks.len() && h.dropped == 0).then_some(h.value)
}

/// The value of a number word of the data («ستين» → 60), for ages the grammar leaves.
fn number_word(folded: &str) -> Option<f64> {
    whole_word(folded, |l| match l {
        crate::lexicon::Lex::Number {
            value,
            class: crate::lexicon::NumClass::Unit | crate::lexicon::NumClass::Tens,
        } => Some(*value as f64),
        _ => None,
    })
}

/// Whose subjects: a toll's (or any figure's), an event's date, a length of time.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Subjects {
    Tolls,
    /// One value of its incident or country: a percentage a rate noun names («نسبة المشاركة»،
    /// «معدل التضخم»), an earthquake's magnitude. Its incident and the country it is in («في
    /// مصر») say which one.
    Rates,
    Events,
    Spans,
}

/// The clauses around a claim ([`Reader::chain`]) and the places named there.
struct Around {
    chain: Span,
    named: Vec<(Span, Arc<str>, Arc<str>)>,
}

/// How far a figure written with decimals («1.17 تريليون»، «3,5 في المئة») may stand from its
/// value and still round to it: just under half its last decimal's unit, times the scale word
/// after it (so «35.1 مليار» and «35.2 مليار» still differ). 0 for a whole number, and for
/// «1,800» (a thousands separator: its value is no decimal reading of it).
fn rounding(written: &str, value: f64) -> f64 {
    let folded = crate::text::fold(written);
    let Some(start) = folded.find(|c: char| c.is_ascii_digit()) else { return 0.0 };
    let rest = &folded[start..];
    let whole_end = rest.find(|c: char| !c.is_ascii_digit()).unwrap_or(rest.len());
    let mut after = rest[whole_end..].chars();
    let Some(sep) = after.next().filter(|c| matches!(c, '.' | ',' | '٫')) else { return 0.0 };
    let fraction: String = after.take_while(char::is_ascii_digit).collect();
    if fraction.is_empty() {
        return 0.0;
    }
    let Ok(number) = format!("{}.{fraction}", &rest[..whole_end]).parse::<f64>() else { return 0.0 };
    let unit = 10f64.powi(-(fraction.len() as i32));
    [1.0, 1e3, 1e6, 1e9, 1e12]
        .into_iter()
        // «1,800»: a comma before three digits is read as decimal only where the value says so.
        .filter(|&scale| !(sep == ',' && fraction.len() == 3 && scale > 1.0))
        .find(|&scale| (number * scale - value).abs() <= 1e-9 * value.abs().max(1.0))
        .map_or(0.0, |scale| 0.49 * unit * scale)
}

/// What a figure measures: the key and how messages name it, when it can be compared within a
/// story; what happened to what it counts, and what it counts.
#[derive(Default)]
struct Measured {
    key: Option<(String, String)>,
    /// The group of people counted («مدنيين»، «أطفال»), when not people at large.
    group: Option<Arc<str>>,
    /// The country whose nationals are counted, and where that is written.
    nation: Option<(Arc<str>, Span)>,
    event: Option<Arc<str>>,
    thing: Option<Arc<str>>,
    grows: bool,
}

/// How much of its count a figure is ([`Reader::share`]).
#[derive(Clone, Copy)]
enum Share {
    Whole,
    /// A part after «بينهم/منها»: compared with other parts only.
    Part,
    /// Some of the dead or injured, told apart by words no key holds: never compared.
    Some,
    /// The value before a change or compared with («من 13,1 إلى 12,8»، «مقابل 455 مليونا في
    /// 2023»): of another time than the statement's, never compared.
    Earlier,
    /// What a place or a vessel holds («الملعب الذي يتسع لـ60 ألف متفرج»), not how many came:
    /// never compared.
    Capacity,
}

/// Whether «منها» (`word`, folded, any of `from-it`) after the word `before` is what a verb
/// takes («استفاد منها»، «يسدد منها»), not «of which»: after «من» («من بينهم»، «من منهم») it
/// is the parts' marker still. Shared with `part-exceeds-whole`.
pub(crate) fn taken_from_it(before: &str, word: &str) -> bool {
    words("from-it").contains(&word) && !matches!(before, "من" | "ومن")
}

/// Incidents a story is told about one of: a bus crash, a fire, a building's collapse, a
/// seizure, a leak, a ship run aground. Named with a toll or a date, such an incident is
/// subject enough within the story («لقي 12 شخصا مصرعهم في الحادث» against «15 شخصا»), where
/// a strike or a battle, of which a story tells many, needs a place too.
const ONE_PER_STORY: [&str; 12] = [
    "accident",
    "fire",
    "collapse",
    "crash",
    "sinking",
    "stampede",
    "earthquake",
    "flood",
    "storm",
    "seizure",
    "leak",
    "grounding",
];

/// How many tokens before a figure or a date (and after a figure, in its clause) an earlier
/// one of its kind is looked for («الانتخابات السابقة …، وحصل فيها الحزب على 31 مقعدا»).
const EARLIER_REACH: usize = 40;

/// How many figures joined by «و» are followed back to a part: a list of parts is short.
const JOINED_PARTS: usize = 8;

/// How far (bytes) from a date another date's written year is looked for, and from a count of
/// seats the body that won them.
const YEAR_REACH: usize = 400;

/// Things counted by weight or volume, whose «من X» names what was weighed («18 طنا من
/// الحشيش»).
const WEIGHED: [&str; 4] = ["tonnes", "kg", "m3", "barrels"];

fn combine(a: &str, b: &str) -> Arc<str> {
    let (a, b) = if a <= b { (a, b) } else { (b, a) };
    format!("{a}+{b}").into()
}

/// A measure as a message says it: «killed», «injured (civilians)».
fn describe(event: &str, thing: &str) -> String {
    let event = term("event", event);
    match thing {
        "people" => event,
        _ => msg("phrase.group", &[("event", &event), ("group", &term("thing", thing))]),
    }
}

/// The tokens `[a, b)` a span covers.
fn token_range(toks: &Tokens, span: Span) -> (usize, usize) {
    let a = toks.tokens.partition_point(|t| t.end <= span.start);
    let b = toks.tokens.partition_point(|t| t.start < span.end);
    (a, b.max(a))
}

/// The article's headline: its first line, when that line is short enough to be one (a
/// Markdown heading, or at most twenty words with no full stop before its end).
fn headline(text: &str) -> Option<Span> {
    let body = crate::source::front_matter(text).map_or(0, |f| f.body_start);
    let mut offset = body;
    for line in text[body..].split_inclusive('\n') {
        let trimmed = line.trim();
        if trimmed.is_empty() {
            offset += line.len();
            continue;
        }
        let words = trimmed.split_whitespace().count();
        let heading = trimmed.starts_with('#');
        let inner = trimmed.trim_end_matches(['.', '!', '؟', '?']);
        let one_sentence = !inner.contains(['.', '!', '؟', '?']);
        return ((heading || words <= 20) && one_sentence).then(|| Span::new(offset, offset + line.trim_end().len()));
    }
    None
}

fn fractional_year(d: &DateValue) -> Option<f64> {
    let y = f64::from(d.year?);
    let m = f64::from(d.month.unwrap_or(1)) - 1.0;
    let day = f64::from(d.day.unwrap_or(1)) - 1.0;
    Some(y + m / 12.0 + day / 365.25)
}

/// The part of `sentence` within [`CONTEXT`] bytes of `span`. Spans are compared, never
/// sliced, so the ends need not fall on character boundaries.
fn window(sentence: Span, span: Span) -> Span {
    Span::new(sentence.start.max(span.start.saturating_sub(CONTEXT)), sentence.end.min(span.end + CONTEXT))
}

/// `range` cut at the nearest «|» on either side of `span`: a bar separates a page's headlines
/// and menus, never the parts of one statement.
fn clip_at_bars(text: &str, range: Span, span: Span) -> Span {
    let before =
        text.get(range.start..span.start).and_then(|t| t.rfind('|')).map_or(range.start, |i| range.start + i + 1);
    let after = text.get(span.end..range.end).and_then(|t| t.find('|')).map_or(range.end, |i| span.end + i);
    Span::new(before, after)
}

/// The sentence holding a span (sentences are in text order: a binary search).
pub fn sentence_of(local: &LocalEntities, span: Span) -> Option<Span> {
    let sentences = &local.sentences;
    let at = sentences.partition_point(|s| s.end < span.end);
    sentences.get(at).copied().filter(|s| s.start <= span.start && span.end <= s.end)
}

/// The items (in text order by start) that lie within `range`.
pub fn within<T>(items: &[T], span: impl Fn(&T) -> Span, range: Span) -> impl Iterator<Item = &T> {
    let from = items.partition_point(|x| span(x).start < range.start);
    let to = items.partition_point(|x| span(x).start < range.end);
    items[from..to.max(from)].iter().filter(move |x| span(x).end <= range.end)
}

/// The entity nearest a span in its clause (preceding ones win ties), if close enough;
/// settings (known countries and cities) and outlets (a dateline's agency) are skipped, and so
/// is anything past a comma: in
/// «… موفى العام الجاري، مع العلم أنّ البرلمان أعلن …» the date is not the parliament's.
///
/// Only entity mentions within [`NEAR`] bytes are looked at (found by binary search), so a
/// sentence of any length costs the same per claim.
fn nearest_entity(doc: Parts<'_>, kinds: &[Setting], span: Span) -> Option<Arc<str>> {
    let entities = doc.entities;
    // Mentions are in text order and do not overlap: those ending before `span.start - NEAR`
    // are too far, and so are those starting after `span.end + NEAR`.
    let from = entities.partition_point(|e| e.span.end + NEAR < span.start);
    let to = entities.partition_point(|e| e.span.start <= span.end + NEAR);
    (from..to.max(from))
        .filter(|&i| !kinds[i].is_setting() && !WORDS.is_outlet(&entities[i].id))
        .filter_map(|i| {
            let e = &entities[i];
            let (gap, between) = if e.span.end <= span.start {
                (span.start - e.span.end, doc.text.get(e.span.end..span.start)?)
            } else if e.span.start >= span.end {
                (e.span.start - span.end + 1, doc.text.get(span.end..e.span.start)?)
            } else {
                return None;
            };
            let same_clause = !between.contains(CLAUSE_BREAKS);
            (gap <= NEAR && same_clause).then_some((gap, e.id.clone()))
        })
        .min_by_key(|(gap, _)| *gap)
        .map(|(_, id)| id)
}

/// What ends a clause between a date and the entity it dates: a comma or a quote, and
/// whatever ends a sentence or a line («… للتنظيم.ومنذ ديسمبر 2021» dates nothing of the
/// organisation).
const CLAUSE_BREAKS: [char; 18] =
    ['،', ',', '؛', ';', ':', '(', ')', '«', '»', '"', '“', '”', '.', '؟', '?', '!', '\n', '\r'];

/// A first-level division or a city of more than 250,000 people (by the gazetteer's GeoNames
/// description), or a city of the hand-kept list of capitals and major cities.
fn is_broad_place(e: &Entity) -> bool {
    if e.kind != EntityKind::Place || e.origin != Origin::Builtin {
        return false;
    }
    let Some(d) = e.description.as_deref() else { return true };
    if d.starts_with("region") {
        return true;
    }
    let population = d.split("population ").nth(1).and_then(|p| p.split(|c: char| !c.is_ascii_digit()).next());
    population.and_then(|p| p.parse::<u64>().ok()).is_some_and(|p| p > 250_000)
}

/// Whether two dates can be the same day: equal at the precision both give.
pub fn dates_agree(a: &DateValue, b: &DateValue) -> bool {
    let same = |x: Option<i64>, y: Option<i64>| x.zip(y).is_none_or(|(x, y)| x == y);
    same(a.year.map(i64::from), b.year.map(i64::from))
        && same(a.month.map(i64::from), b.month.map(i64::from))
        && same(a.day.map(i64::from), b.day.map(i64::from))
        && same(a.week.map(i64::from), b.week.map(i64::from))
}

/// A figure's strict key: its counted noun and the year it is about.
fn strict_figure_key(doc: Parts<'_>, f: &Figure, sentence: Span) -> Option<String> {
    // A percentage says nothing of what it is a share of: growth, a deficit, inflation and a
    // rate of one ministry in one year are different numbers. It is compared by what it is
    // of («80 % من مدينة الرقة»), never by its sign.
    if f.unit.as_deref() == Some("%") {
        return None;
    }
    let unit = unit_key(f.unit.as_deref()?);
    let year = year_written(doc, sentence, false)?;
    Some(format!("{unit}@{year}"))
}

/// Whether two figures can be the same quantity: their intervals overlap.
pub fn figures_agree(a: &Option<Figure>, b: &Option<Figure>) -> bool {
    match (a, b) {
        (Some(a), Some(b)) => {
            let (a, b) = (interval(a.value, a.upper, a.bound), interval(b.value, b.upper, b.bound));
            a.0 <= b.1 && b.0 <= a.1
        }
        _ => true,
    }
}

/// A figure as the messages show it: `3000`, `about 3000`.
pub fn show_figure(f: &Option<Figure>) -> String {
    f.as_ref().map_or(String::new(), |f| show_amount(&f.amount(), f.bound))
}

/// A counted noun as compared: folded, the accusative ending dropped («قتيلا» = «قتيل»),
/// reduced to its skeleton («أميركي» = «أمريكي»).
fn unit_key(unit: &str) -> String {
    let folded = fold(unit);
    let bare = folded.strip_suffix('ا').filter(|b| b.chars().count() >= 3).unwrap_or(&folded);
    skeleton(bare)
}

/// The year a statement is about: a year in its sentence, else in the sentence before it on
/// the same line.
///
/// Cost: O(log n) to find each sentence's claims, plus the claims inside it.
fn year_about(doc: Parts<'_>, sentence: Span) -> Option<i32> {
    year_written(doc, sentence, true)
}

/// The year a statement is about, as [`year_about`]; with `relative` unset, only a year the
/// text writes («عام 2014»), not one counted from the publication date («العام الماضي»): the
/// strict key ties statements of different stories, which a publication date does not.
fn year_written(doc: Parts<'_>, sentence: Span, relative: bool) -> Option<i32> {
    // «القضية رقم 1140 لسنة 2022»، «المرسوم عدد 54 لسنة 2022»: the year of a numbered case or
    // law cites it; it is not the year the statement is about.
    let cites = |m: &crate::extract::Mention| {
        let written = doc.text[m.span.start..m.span.end].trim_start_matches('ل');
        let before = doc.text[..m.span.start].trim_end_matches('ل').trim_end();
        (written.starts_with("سنة") || written.starts_with("عام"))
            && before.ends_with(|c: char| c.is_ascii_digit() || ('٠'..='٩').contains(&c))
    };
    let year_in = |s: Span| {
        within(&doc.analysis.mentions, |m| m.span, s).filter(|m| !doc.analysis.in_furniture(m) && !cites(m)).find_map(
            |m| match &m.kind {
                MentionKind::Date(d) if relative || d.relative.is_none() => d.value.and_then(|v| v.year),
                _ => None,
            },
        )
    };
    year_in(sentence).or_else(|| {
        let sentences = &doc.local.sentences;
        let at = sentences.partition_point(|s| s.start < sentence.start);
        let before = *sentences.get(at.checked_sub(1)?)?;
        let between = doc.text.get(before.end..sentence.start)?;
        let tail = Span::new(before.start.max(before.end.saturating_sub(CONTEXT)), before.end);
        (!between.contains(['\n', '\r'])).then(|| year_in(tail)).flatten()
    })
}
