//! Entities in one article: known names, a country's institutions, and names that the article
//! introduces the way news does — a title before a person («العميد نزيه جبور»), a head noun
//! before an organisation, place or operation («حركة العدل والمساواة»، «قاعدة بلد الجوية»،
//! عملية «درع الفرات»).
//!
//! Introduced names get their ids from the workspace, which sees every source: a name
//! introduced in one article is recognised, bare, in all of them.

use std::sync::Arc;

use super::gazetteer::{Institution, NameWord, Phrase, PlaceReading};
use super::{EntityKind, EntityMention, Gazetteer, How};
use crate::extract::Span;
use crate::lexicon::{Index as LexIndex, Lex, words};
use crate::phrases::{Gaps, Index, is_quote};
use crate::text::{TokenKind, Tokens, offset_after_letters};

/// A name the article introduces, with what identifies it elsewhere.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Introduction {
    pub kind: EntityKind,
    /// The whole introduction: «المتحدث باسم الجيش اللبناني العميد نزيه جبور».
    pub span: Span,
    /// The name as it will be matched in every source: «نزيه جبور»; for an organisation,
    /// with its head («حركة العدل والمساواة»); for a facility, with its head and adjective.
    pub name: Span,
    /// What the name is written as, folded words, for matching elsewhere.
    pub name_text: String,
    /// The name without its head or adjective, folded: what identifies the entity across
    /// spellings and gives its id («صلاح الدين» for «محافظة صلاح الدين»).
    pub bare: String,
    /// A shorter form that names it in later text: a surname («جبور»), a place's name
    /// without its head («دير الزور»), an operation's quoted name.
    pub alias: Option<String>,
}

#[derive(Clone, Debug, Default, serde::Serialize, serde::Deserialize)]
pub struct LocalEntities {
    /// Known names and institutions, in text order, never overlapping.
    pub mentions: Vec<EntityMention>,
    pub introductions: Vec<Introduction>,
    /// Sentences, in text order: a claim's context.
    pub sentences: Vec<Span>,
    /// Event words («انسحاب»، «تصويت») with their event key.
    #[serde(with = "crate::shared::pairs")]
    pub events: Vec<(Span, Arc<str>)>,
    /// Institution heads standing alone that this article does not qualify: the workspace
    /// resolves them.
    pub bare_heads: Vec<BareHead>,
    /// Known entities this article names in full: in more than one word, or in a short mention
    /// made sure of by the words after it («التحالف الذي تقوده واشنطن»). They give their short
    /// forms to the workspace.
    #[serde(with = "crate::shared::list")]
    pub named_in_full: Vec<Arc<str>>,
}

/// «الشرطة» alone in an article that names no country's police.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct BareHead {
    pub span: Span,
    /// The institution it names: `police`, `regime`.
    #[serde(with = "crate::shared::one")]
    pub key: Arc<str>,
    /// The institution to give it: `army` for «قوات النظام», else `key`.
    #[serde(with = "crate::shared::one")]
    pub emit: Arc<str>,
    /// The article's country, for an institution every country has.
    #[serde(with = "crate::shared::option")]
    pub fallback: Option<Arc<str>>,
}

struct Recogniser<'a, 't> {
    t: &'a Tokens<'t>,
    lex: &'a LexIndex<'static>,
    gaz: &'a Gazetteer,
    ix: Index<'a, Phrase>,
    /// The known name starting at each token, looked up once: titles, heads and name parts
    /// all ask.
    names: Vec<Option<crate::phrases::Hit<usize>>>,
    /// `region-heads` of grammar_words.tsv, looked up once per article: every definite word
    /// is asked.
    region_heads: &'static [&'static str],
    /// Whether the article writes the preposition «على» with its ى: then a «علي» it writes
    /// with ي is the given name Ali, which folding alone cannot tell from it.
    writes_ala: bool,
}

/// Entities in one article, given its tokens and what the language data says of them.
pub fn recognise(t: &Tokens, lex: &LexIndex<'static>, gaz: &Gazetteer) -> LocalEntities {
    let ix = gaz.phrases.index(t);
    let mut confirmed = Vec::new();
    let names = (0..t.len())
        .map(|j| {
            ix.knows(j)
                .then(|| {
                    // Not through a dropped article: «التركية» is the adjective, not «تركية».
                    ix.find_with(t, j, false, Gaps::Quotes, |p| match p {
                        Phrase::Name(e) => Some((*e, None)),
                        Phrase::NameBefore(e, words) => Some((*e, Some(*words as usize))),
                        _ => None,
                    })
                    .map(|h| {
                        if h.value.1.is_some() {
                            confirmed.push(j);
                        }
                        crate::phrases::Hit {
                            value: h.value.0,
                            end: h.value.1.map_or(h.end, |w| j + w),
                            dropped: h.dropped,
                        }
                    })
                })
                .flatten()
        })
        .collect();
    let writes_ala = (0..t.len()).any(|k| matches!(t.folded(k), "علي" | "وعلي") && written_bare(t, k) == "على");
    let r = Recogniser { t, lex, gaz, ix, names, region_heads: crate::lexicon::words("region-heads"), writes_ala };
    let mut candidates: Vec<(u8, EntityMention)> = Vec::new();
    let mut placed_ids: rustc_hash::FxHashSet<Arc<str>> = Default::default();
    let mut unplaced: Vec<EntityMention> = Vec::new();
    let mut introductions = Vec::new();
    for i in 0..t.len() {
        // Everything recognised starts with a word the entity data knows.
        if let Some(intro) = r.named_as(i).or_else(|| r.region(i)).or_else(|| r.credit(i)) {
            introductions.push(intro);
            continue;
        }
        if !(t.is_word(i) || t.kind(i) == Some(TokenKind::Latin)) || !r.ix.knows(i) {
            continue;
        }
        if let Some(m) = r.known(i) {
            candidates.push((3, m));
        } else {
            match r.place_phrase(i) {
                Some((m, Placed::Yes)) => {
                    placed_ids.insert(m.id.clone());
                    candidates.push((3, m));
                }
                unplaced_here => {
                    if let Some((m, Placed::ByPreposition)) = unplaced_here {
                        unplaced.push(m);
                    }
                    if let Some(m) = r.outlet_in_context(i) {
                        candidates.push((3, m));
                    }
                }
            }
        }
        if let Some(m) = r.institution(i) {
            // «وزارة الصحة السعودية»: the feminine adjective that is also the country's name
            // («السعودية») agrees with the institution; the institution wins over the country.
            let adjective_is_a_name = r.name(t.tokens.partition_point(|tk| tk.end < m.span.end)).is_some();
            candidates.push((if adjective_is_a_name { 4 } else { 2 }, m));
        }
        if let Some(intro) = r
            .numbered_unit(i)
            .or_else(|| r.person(i))
            .or_else(|| r.headed(i))
            .or_else(|| r.definite_headed(i))
            .or_else(|| r.other_body(i))
        {
            introductions.push(intro);
        } else if let Some(intro) = r.untitled_person(i)
            && !introductions.last().is_some_and(|l: &Introduction| overlaps(l.name, intro.name))
        {
            introductions.push(intro);
        }
        introductions.extend(r.place_list(i));
    }
    // «منطقة الحوز» then «وفي الحوز»: a place whose name is also an everyday word, once the
    // article has put it in a place (a head, a list…), is that place after a preposition of
    // place too, as the names that are only rarely words are anywhere («في دوما»).
    candidates.extend(unplaced.into_iter().filter(|m| placed_ids.contains(&m.id)).map(|m| (3, m)));
    let mut mentions = keep_non_overlapping(candidates);
    // «باب تدمر»، «شارع حلب»: a landmark named after a known place is a place of its own, and
    // the known name inside it is not the city; nor is it in a body named after it («جامعة
    // بغداد»: [`Recogniser::place_named`]). Places and bodies introduced, by start, with the
    // furthest end reached so far: one binary search per mention.
    let mut reach: Vec<(usize, usize)> = introductions
        .iter()
        .filter(|intro: &&Introduction| intro.kind == EntityKind::Place || r.named_after_place(intro))
        .map(|intro| (intro.name.start, intro.name.end))
        .collect();
    reach.sort_unstable();
    for k in 1..reach.len() {
        reach[k].1 = reach[k].1.max(reach[k - 1].1);
    }
    mentions.retain(|m| {
        let before = reach.partition_point(|&(start, _)| start < m.span.start);
        !(m.kind == EntityKind::Place && before > 0 && m.span.end <= reach[before - 1].1)
    });
    // «إيفانكا ترامب»: a person introduced around a known person's one-word name
    // ([`Recogniser::family_member`]) is someone else; the known name inside is not that person.
    // «لويد أوستن»: nor is a known place's name inside a titled name
    // ([`Recogniser::place_in_titled_name`]) that place.
    mentions.retain(|m| {
        !(matches!(m.kind, EntityKind::Person | EntityKind::Place)
            && m.how == How::Known
            && introductions.iter().any(|intro: &Introduction| {
                intro.kind == EntityKind::Person
                    && intro.name != m.span
                    && intro.name.start <= m.span.start
                    && m.span.end <= intro.name.end
            }))
    });
    let bare_heads = r.bare_institutions(&mut mentions);
    // An introduction of a name the gazetteer already knows is just that known name; the
    // newsroom's stop list names no entity.
    introductions.retain(|intro| {
        !mentions.iter().any(|m| overlaps(m.span, intro.name))
            && !gaz.stopped(&intro.name_text)
            && !gaz.stopped(&intro.bare)
    });
    introductions.dedup_by(|a, b| a.name == b.name);
    let events = r.events();
    // «التحالف الذي تقوده واشنطن» names the coalition in full, though the mention is short.
    let mut named_in_full: Vec<Arc<str>> = mentions
        .iter()
        .filter(|m| {
            let multiword =
                m.how == How::Known && t.text.get(m.span.start..m.span.end).is_some_and(|w| w.trim().contains(' '));
            multiword || confirmed.binary_search(&t.tokens.partition_point(|tk| tk.end <= m.span.start)).is_ok()
        })
        .map(|m| m.id.clone())
        .collect();
    named_in_full.sort();
    named_in_full.dedup();
    LocalEntities { mentions, introductions, sentences: sentences(t), events, bare_heads, named_in_full }
}

impl Recogniser<'_, '_> {
    fn span(&self, first: usize, dropped: usize, last: usize) -> Span {
        let t = self.t;
        Span::new(t.tokens[first].start + offset_after_letters(t.original(first), dropped), t.tokens[last].end)
    }

    fn continues(&self, j: usize) -> bool {
        j < self.t.len() && !self.t.breaks_before(j)
    }

    fn word(&self, j: usize) -> Option<NameWord> {
        self.word_hit(j, |_| true).map(|h| h.value)
    }

    fn word_hit(&self, j: usize, pick: impl Fn(NameWord) -> bool) -> Option<crate::phrases::Hit<NameWord>> {
        self.ix.find(self.t, j, |p| match p {
            Phrase::Word(w) if pick(*w) => Some(*w),
            _ => None,
        })
    }

    /// A known name at `j`: the entity's index, the token after it, clitic letters dropped.
    fn name(&self, j: usize) -> Option<crate::phrases::Hit<usize>> {
        self.names.get(j).copied().flatten()
    }

    fn events(&self) -> Vec<(Span, Arc<str>)> {
        let t = self.t;
        let mut out = Vec::new();
        let mut i = 0;
        while i < t.len() {
            if let Some(h) = self.ix.find(t, i, |p| if let Phrase::Event(e) = p { Some(e.clone()) } else { None }) {
                out.push((self.span(i, h.dropped, h.end - 1), h.value));
                i = h.end;
            } else {
                i += 1;
            }
        }
        out
    }

    /// A preposition, conjunction, particle or pronoun, also with clitics («بأن»، «بهذا»).
    fn function_word(&self, j: usize) -> bool {
        self.lex.find_indefinite(self.t, j, |l| matches!(l, Lex::FunctionWord).then_some(())).is_some()
    }

    /// «علي» written with a dotted ي in an article that writes the preposition «على» with ى:
    /// the given name Ali («النائب علي فضل الله»، «وقال علي حسن خليل»), not the preposition
    /// folding makes of both. An article that writes ي for both never has it.
    fn ali(&self, j: usize) -> bool {
        self.writes_ala && matches!(self.t.folded(j), "علي" | "وعلي") && written_bare(self.t, j) == "علي"
    }

    fn date_or_number_word(&self, j: usize) -> bool {
        self.lex.is(self.t, j, Lex::is_date_or_number_word)
    }

    fn known(&self, i: usize) -> Option<EntityMention> {
        let h = self.name(i)?;
        let e = &self.gaz.entities[h.value];
        // «أبو فاس»، «عبد الرحمن»: after «أبو»، «عبد»، «بن» a word is part of a person's name.
        if e.kind == EntityKind::Place && i > 0 && !t_breaks(self.t, i) && h.end == i + 1 && self.is_particle(i - 1) {
            return None;
        }
        // «سورية» is Syria in some house styles and the adjective Syrian everywhere: after an
        // indefinite noun it agrees with («مصادر سورية»، «طائرة تركية») it is the adjective.
        if h.dropped == 0 && h.end == i + 1 && self.agrees_as_adjective(i) {
            return None;
        }
        // «التساقطات المطرية» (rainfall): a place's name shaped like a definite feminine nisba,
        // right after a definite common noun, is its adjective, not the place (El Matareya).
        if e.kind == EntityKind::Place && h.dropped == 0 && h.end == i + 1 && self.definite_nisba_after_noun(i, &e.id) {
            return None;
        }
        if self.gaz.stopped(&folded_words_from(self.t, i, h.dropped, h.end)) || self.clitic_word(i, h.dropped, h.end) {
            return None;
        }
        // «بعد صلاة المغرب»، «أذان المغرب»: the sunset prayer, not Morocco (`prayer-nouns`
        // before the prayer's name).
        if e.kind == EntityKind::Place
            && h.dropped == 0
            && h.end == i + 1
            && i > 0
            && !t_breaks(self.t, i)
            && self.t.folded(i) == "المغرب"
            && crate::text::clitic_readings(self.t.folded(i - 1), |w, _, _| words("prayer-nouns").contains(&w))
        {
            return None;
        }
        Some(EntityMention {
            span: self.span(i, h.dropped, h.end - 1),
            id: e.id.clone(),
            kind: e.kind,
            how: How::Known,
        })
    }

    /// Whether the one word at `i`, read as `dropped` clitic letters and a name, is an everyday
    /// word instead («وفدا» a delegation, not «و» + Fada).
    fn clitic_word(&self, i: usize, dropped: usize, end: usize) -> bool {
        if dropped == 0 || end != i + 1 {
            return false;
        }
        let word = self.t.folded(i);
        let name = word.char_indices().nth(dropped).map_or("", |(b, _)| &word[b..]);
        // «وبنوا»: the conjunction before a listed word («بنوا» they built).
        let after_conjunction = word.strip_prefix(['و', 'ف']).filter(|w| w.len() > name.len());
        super::gazetteer::clitic_word(word, name)
            || after_conjunction.is_some_and(|w| super::gazetteer::clitic_word(w, name))
    }

    /// Whether the word at `i`, the name of the place `id`, is a definite feminine nisba
    /// («المطرية») after a definite common noun it agrees with («التساقطات»): no function word, no
    /// word of names, no known name. A country's name is left as it is: «العاصمة السعودية» still
    /// mentions Saudi Arabia.
    fn definite_nisba_after_noun(&self, i: usize, id: &str) -> bool {
        let t = self.t;
        let f = t.folded(i);
        if !(f.starts_with("ال") && f.ends_with("يه")) || i == 0 || t.breaks_before(i) || !t.is_word(i - 1) {
            return false;
        }
        if self.gaz.country_of(id).is_none_or(|c| **c == *id) {
            return false;
        }
        let noun = t.folded(i - 1);
        noun.starts_with("ال")
            && noun.chars().count() >= 5
            && !self.function_word(i - 1)
            && !self.date_or_number_word(i - 1)
            && self.word(i - 1).is_none()
            && self.name(i - 1).is_none()
    }

    /// Whether the word at `i` is a nationality adjective agreeing with the noun before it.
    fn agrees_as_adjective(&self, i: usize) -> bool {
        let t = self.t;
        let adjective = self.ix.find_indefinite(t, i, |p| matches!(p, Phrase::Adjective(_)).then_some(()));
        let Some(adjective) = adjective else { return false };
        if i == 0 || t.breaks_before(i) || !t.is_word(i - 1) {
            return false;
        }
        let noun = t.folded(i - 1);
        // «طائرات روسية وسورية»: coordinated after another adjective.
        if adjective.dropped == 1 && t.folded(i).starts_with('و') {
            return is_indefinite_nisba(noun);
        }
        adjective.dropped == 0
            && !noun.starts_with("ال")
            && !self.function_word(i - 1)
            && !self.date_or_number_word(i - 1)
            && self.word_hit(i - 1, |w| !matches!(w, NameWord::Head { .. } | NameWord::Common)).is_none()
            && self.name(i - 1).is_none()
    }

    /// A place whose name is also a given name or an everyday word, where the text puts a place:
    /// «في دوما»، «بلدات حمورية وعربين»، «الباب شمال حلب»، «مدينة الباب».
    /// A place name whose reading needs a place around it, at `i`, and whether it has one: a
    /// head, a list, a direction… (`Placed::Yes`), or only a preposition of place, which the
    /// names that are everyday words need more than (`Placed::ByPreposition`).
    fn place_phrase(&self, i: usize) -> Option<(EntityMention, Placed)> {
        let t = self.t;
        let h = self.ix.find_with(t, i, false, Gaps::None, |p| match p {
            Phrase::Place(e, r) => Some((*e, *r)),
            _ => None,
        })?;
        let (e, reading) = h.value;
        if i > 0 && !t_breaks(t, i) && h.end == i + 1 && self.is_particle(i - 1) {
            return None;
        }
        if h.dropped == 0 && h.end == i + 1 && self.agrees_as_adjective(i) {
            return None;
        }
        // «التساقطات المطرية» (rainfall): a place's name shaped like a definite feminine nisba,
        // right after a definite common noun, is its adjective, not the place (El Matareya).
        if h.dropped == 0 && h.end == i + 1 && self.definite_nisba_after_noun(i, &self.gaz.entities[e].id) {
            return None;
        }
        if self.gaz.stopped(&folded_words_from(t, i, h.dropped, h.end)) || self.clitic_word(i, h.dropped, h.end) {
            return None;
        }
        // «في سيول جارفة» (in sweeping torrents): a name that is also a word, described by an
        // indefinite feminine adjective after it, is the word.
        if reading != PlaceReading::Spelled && !self.place_head_before(i) && self.described_after(h.end) {
            return None;
        }
        let clitic = &t.folded(i)[..t.folded(i).char_indices().nth(h.dropped).map_or(0, |(b, _)| b)];
        let placed = self.place_head_before(i)
            || self.in_place_list(i)
            || self.located_after(h.end)
            || (clitic.starts_with('و') && self.place_before(i))
            || (reading == PlaceReading::Place && (clitic.ends_with('ب') || self.locative_before(i)))
            || (reading == PlaceReading::Spelled
                && (self.shadda_in(i, h.end) || self.opens_dateline(i, h.end) || self.capital_before(i)));
        let placed = if placed {
            Placed::Yes
        } else if reading == PlaceReading::Spelled {
            // «في عمان» is Oman's as often as Amman's.
            Placed::No
        } else if clitic.ends_with('ب') || self.locative_before(i) || self.place_word_before(i) {
            Placed::ByPreposition
        } else {
            Placed::No
        };
        let entity = &self.gaz.entities[e];
        let mention = EntityMention {
            span: self.span(i, h.dropped, h.end - 1),
            id: entity.id.clone(),
            kind: entity.kind,
            how: How::Known,
        };
        Some((mention, placed))
    }

    /// Whether an indefinite feminine word that names nothing follows at `k`, on the same
    /// line: an adjective («جارفة»، «غزيرة»), not a second place («وحماة») or a name.
    fn described_after(&self, k: usize) -> bool {
        let t = self.t;
        if !self.content_word(k) {
            return false;
        }
        let f = t.folded(k);
        f.ends_with('ه')
            && f.chars().count() >= 4
            && !f.starts_with("ال")
            && !f.starts_with(['و', 'ف', 'ب', 'ل', 'ك'])
            && self.name(k).is_none()
            && self.ix.find(t, k, |p| matches!(p, Phrase::Place(..) | Phrase::Word(_)).then_some(())).is_none()
    }

    /// Whether `k` is a word on the line that no function, date or number word is: what the
    /// shape tests of adjectives and participles start from.
    fn content_word(&self, k: usize) -> bool {
        self.continues(k) && self.t.is_word(k) && !self.function_word(k) && !self.date_or_number_word(k)
    }

    /// Whether the text writes a shadda in the words `i..end` (the list's spelling of a
    /// [`PlaceReading::Spelled`] name).
    fn shadda_in(&self, i: usize, end: usize) -> bool {
        (i..end).any(|k| self.t.original(k).contains('\u{651}'))
    }

    /// «العاصمة عمان»، «العاصمة الأردنية عمان»: «العاصمة» (and a country's adjective) right
    /// before `i`, in apposition to the city.
    fn capital_before(&self, i: usize) -> bool {
        let t = self.t;
        let capital = |k: usize| t.is_word(k) && t.folded(k).trim_start_matches('و') == "العاصمه";
        let joined = |k: usize| !t.breaks_before(k);
        (i > 0 && joined(i) && capital(i - 1))
            || (i > 1 && joined(i) && joined(i - 1) && capital(i - 2) && self.gaz.country_adjective(t.folded(i - 1)))
    }

    /// Whether the words `i..end` open a line and a dash or an agency's bracket follows them: a
    /// dateline («عمان - »، «عمان (رويترز) -»), where an outlet files from a city.
    fn opens_dateline(&self, i: usize, end: usize) -> bool {
        let t = self.t;
        (i == 0 || t.breaks_before(i)) && end < t.len() && matches!(t.original(end), "-" | "–" | "—" | "(")
    }

    /// An outlet whose name is also an everyday word, where it stands as an outlet: after its
    /// head («صحيفة الوفد»), or as a credit or masthead set off by «|», «-», brackets or quotes
    /// («المدن - بيروت»، «( الجزيرة )»، «| الوفد»).
    fn outlet_in_context(&self, i: usize) -> Option<EntityMention> {
        let t = self.t;
        let h =
            self.ix.find_with(t, i, false, Gaps::None, |p| if let Phrase::Outlet(e) = p { Some(*e) } else { None })?;
        let end = h.end;
        let headed = i > 0
            && !t.breaks_before(i)
            && self.word_hit(i - 1, |w| w == NameWord::OutletHead).is_some_and(|w| w.end == i);
        let sep = |k: usize, closing: bool| -> Option<char> {
            let c = t.folded(k).chars().next()?;
            let ok = matches!(c, '|' | '-' | '–' | '—' | '/' | '"' | '“' | '”' | '«' | '»' | '•' | '.' | ':')
                || (closing && matches!(c, ')' | '،' | ',' | '؛'))
                || (!closing && c == '(');
            (t.kind(k) == Some(TokenKind::Punct) && ok).then_some(c)
        };
        let before = if i == 0 || t.breaks_before(i) { Some('\n') } else { sep(i - 1, false) };
        // A masthead runs into its date («- اليوم السابع الأحد 21 يناير»); a credit into its
        // verb («- صفا قالت»).
        let dated = end < t.len()
            && !t.breaks_before(end)
            && (t.is_digits(end)
                || self.date_or_number_word(end)
                || self.word_hit(end, |w| w == NameWord::Verb).is_some());
        let after = if end >= t.len() || t.breaks_before(end) {
            Some('\n')
        } else if dated {
            Some('\u{0}')
        } else {
            sep(end, true)
        };
        let credit = before == Some('|')
            || after == Some('|')
            || matches!((before, after), (Some(b), Some(a)) if b != '\n' || (a != '\n' && a != '.'));
        if !(headed || credit) || self.gaz.stopped(&folded_words_from(t, i, h.dropped, end)) {
            return None;
        }
        let e = &self.gaz.entities[h.value];
        Some(EntityMention { span: self.span(i, h.dropped, end - 1), id: e.id.clone(), kind: e.kind, how: How::Known })
    }

    /// A place head right before `i`: «مدينة الباب»، «بلدة دوما».
    fn place_head_before(&self, i: usize) -> bool {
        // «بلدة "شبعا"»: a quoted name after its head.
        let i = if i > 1 && is_quote(self.t, i - 1) && !self.t.breaks_before(i) { i - 1 } else { i };
        i > 0
            && !self.t.breaks_before(i)
            && self.t.is_word(i - 1)
            // «مدينة X» names a place; «المدينة» or «الوادي» before it is a noun already defined,
            // and what follows is no name.
            && self
                .ix
                .find_indefinite(self.t, i - 1, |p| match p {
                    Phrase::Word(NameWord::Head { kind: EntityKind::Place, .. } | NameWord::PlaceList) => Some(()),
                    _ => None,
                })
                .is_some_and(|h| h.end == i)
    }

    /// A preposition of place right before `i`: «في»، «إلى»، «قرب»، «من».
    /// Whether a word after which a place's name stands comes before `i`: «أهالي»، «سكان»، «حي»
    /// (`data/place_words.txt`).
    fn place_word_before(&self, i: usize) -> bool {
        let words = crate::claims::words::place_words();
        i > 0 && !self.t.breaks_before(i) && {
            let w = self.t.folded(i - 1);
            words.contains(w) || w.strip_prefix('و').is_some_and(|w| words.contains(w))
        }
    }

    fn locative_before(&self, i: usize) -> bool {
        i > 0 && !self.t.breaks_before(i) && locative(self.t.folded(i - 1))
    }

    /// A known place right before `i`, with «و» on `i`: «حرستا ودوما».
    fn place_before(&self, i: usize) -> bool {
        i > 0 && self.name(i - 1).is_some_and(|h| h.end == i && self.gaz.entities[h.value].kind == EntityKind::Place)
    }

    /// A direction, a district or a province after the name: «الباب شمال حلب»، «دوما بريف
    /// دمشق»، «الباب في ريف حلب».
    fn located_after(&self, j: usize) -> bool {
        let t = self.t;
        if !self.continues(j) || !t.is_word(j) {
            return false;
        }
        let f = t.folded(j);
        let direction = self.word_hit(j, |w| w == NameWord::Direction).is_some_and(|h| h.dropped == 0);
        direction
            || matches!(
                f,
                "بريف"
                    | "بمحافظه"
                    | "بمنطقه"
                    | "قرب"
                    | "بالقرب"
                    | "شمالي"
                    | "جنوبي"
                    | "شرقي"
                    | "غربي"
            )
            || (f == "في" && self.continues(j + 1) && matches!(t.folded(j + 1), "ريف" | "محافظه" | "منطقه"))
    }

    /// A name in a list of places under a plural head: «بلدات حمورية وحزة وسقبا»، «قريتي الزيتونة
    /// ورسم العبد».
    fn in_place_list(&self, i: usize) -> bool {
        let t = self.t;
        let mut k = i;
        for _ in 0..10 {
            if self.place_head_before(k) {
                return self.word_hit(k - 1, |w| w == NameWord::PlaceList).is_some();
            }
            // Step back over one listed name (one or two words) and its «و» or «،».
            let mut back = k;
            if back > 0 && (t.is_punct(back - 1, '،') || t.is_punct(back - 1, ',')) {
                back -= 1;
            } else if !t.folded(k).starts_with('و') {
                return false;
            }
            let mut steps = 0;
            while back > 0 && steps < 2 && t.is_word(back - 1) && !t.breaks_before(back) {
                back -= 1;
                steps += 1;
                if self.place_head_before(back) || t.folded(back).starts_with('و') {
                    break;
                }
            }
            if back == k || steps == 0 {
                return false;
            }
            k = back;
        }
        false
    }

    /// «البرلمان العراقي»، «مجلس النواب العراقي»، «وزارة الدفاع العراقية»: `iq-parliament`…
    fn institution(&self, i: usize) -> Option<EntityMention> {
        let h = self.institution_head(i, |_| true)?;
        let country = self.adjective(h.end)?;
        if h.end == i + 1 && !self.stands_alone(i, h.dropped, country.1, &h.value) {
            return None;
        }
        Some(EntityMention {
            span: self.span(i, h.dropped, country.1 - 1),
            id: format!("{}-{}", country.0, h.value).into(),
            kind: EntityKind::Org,
            how: How::Institution,
        })
    }

    /// Whether a one-word institution head («الخارجية»، «الجيش») stands as the institution,
    /// not as the second term of another noun («وزير الخارجية المصري» is the minister: «المصري»
    /// agrees with «وزير», not with the feminine «الخارجية»).
    fn stands_alone(&self, i: usize, dropped: usize, end: usize, institution: &str) -> bool {
        let t = self.t;
        let head = t.folded(i);
        if head.ends_with('ه') && !t.folded(end - 1).ends_with('ه') {
            return false;
        }
        // «وزيرة الداخلية العراقية»، «وزير الدفاع الأمريكي»: after a title, a ministry's short
        // name makes one title with it. An institution named in full is named there too: «قائد
        // الجيش السوداني»، «رئيس البرلمان العراقي» speak of the army, the parliament.
        let titled = institution.starts_with("ministry-")
            && dropped == 0
            && i > 0
            && !t.breaks_before(i)
            && self.word_hit(i - 1, |w| w == NameWord::Title).is_some_and(|h| h.end == i);
        !titled
    }

    fn institution_head(&self, i: usize, pick: impl Fn(&Institution) -> bool) -> Option<crate::phrases::Hit<Arc<str>>> {
        self.ix.find(self.t, i, |p| match p {
            Phrase::Institution(inst) if pick(inst) => Some(inst.key.clone()),
            _ => None,
        })
    }

    /// A nationality adjective at `j` («العراقي»، «الأمريكية»): the country and the end.
    fn adjective(&self, j: usize) -> Option<(Arc<str>, usize)> {
        if !self.continues(j) {
            return None;
        }
        let h = self.ix.find(self.t, j, |p| if let Phrase::Adjective(c) = p { Some(c.clone()) } else { None })?;
        // «العراقي» reads as ال + «عراقي»: the article is fine, other clitics are not.
        let folded = self.t.folded(j);
        (h.dropped == 0 || folded.starts_with("ال")).then_some((h.value, h.end))
    }

    /// A person introduced by a title: title, what it is the title of, adjectives and
    /// qualifiers, an optional comma, then a name of two or three parts.
    fn person(&self, i: usize) -> Option<Introduction> {
        let t = self.t;
        let title = self.word_hit(i, |w| w == NameWord::Title)?;
        let mut j = title.end;
        let mut nisba_first = false;
        // «د. حسن نافعة»، «م. أحمد»: an abbreviated title is one letter and its full stop.
        if t.folded(i).chars().count() == 1 {
            if !(title.end == i + 1 && self.continues(j) && t.is_punct(j, '.')) {
                return None;
            }
            j += 1;
        }
        for _ in 0..12 {
            if !self.continues(j) {
                return None;
            }
            if t.is_punct(j, '،') || t.is_punct(j, ',') {
                j += 1;
                break;
            }
            if let Some(h) = self.word_hit(j, |w| matches!(w, NameWord::Title | NameWord::Qualifier)) {
                j = h.end;
                continue;
            }
            if let Some(h) = self.name(j) {
                // A known person here is the name itself: nothing new is introduced.
                if self.gaz.entities[h.value].kind == EntityKind::Person {
                    return None;
                }
                // «رئيسة الوزراء جورجيا ميلوني»: a place's name opening the person's.
                if self.place_in_titled_name(j, &[]) {
                    break;
                }
                // What the title is the title of: «قائد فيلق القدس»، «رئيس الوزراء العراقي».
                j = h.end;
                continue;
            }
            if let Some((_, end)) = self.adjective(j) {
                // «العقيد الركن تركي المالكي»: an indefinite nisba does not agree with the definite
                // title before it; a given name («تركي»), it opens the name.
                let definite_before = t.folded(j - 1).starts_with("ال") || t.folded(j - 1).starts_with("وال");
                if definite_before
                    && !t.folded(j).starts_with("ال")
                    && self.given_name(j).is_some_and(|h| h.end == j + 1)
                {
                    nisba_first = true;
                    break;
                }
                j = end;
                continue;
            }
            // «المبعوث الأممي إلى اليمن»، «السفير الأمريكي لدى العراق»: where the title is held.
            if t.is_word(j)
                && matches!(t.folded(j), "الي" | "لدي" | "في")
                && self.continues(j + 1)
                && let Some(h) = self.name(j + 1)
                && self.gaz.entities[h.value].kind == EntityKind::Place
            {
                j = h.end;
                continue;
            }
            // «المتحدث باسم وزارة الصحة»: an organisation the title belongs to.
            if let Some(org) = self.headed(j).filter(|o| o.kind == EntityKind::Org) {
                j = t.tokens.partition_point(|tk| tk.start < org.span.end);
                continue;
            }
            if t.is_word(j) && self.complement_word(j) {
                j += 1;
                continue;
            }
            break;
        }
        let mut units = self.name_units_with(j, true, nisba_first)?;
        // «أمر النائب العام بفتح تحقيق»، «وأمر اللواء أسامة عبد الحميد بتكثيف الدوريات»: after a
        // verb that takes «ب» («ordered», «demanded»: `ba-verbs`), a word with «ب» after the
        // titled subject is what the verb takes, not a part of the name (a given name such as
        // «بشار» still is one).
        // The verb as written or after «و/ف» («وجه» is itself a verb that opens with «و»).
        let verb_in = |list: &str| {
            crate::text::as_written_or_joined(t.folded(i - 1), &['و', 'ف'], |w| words(list).contains(&w)).is_some()
        };
        let governs_ba = i > 0 && !t.breaks_before(i) && verb_in("ba-verbs");
        if governs_ba
            && let Some(cut) = units.iter().position(|&(k, _)| {
                t.folded(k).starts_with('ب') && self.given_name(k).is_none() && !self.is_particle(k)
            })
        {
            units.truncate(cut);
            if units.len() < 2 {
                return None;
            }
        }
        // «قررت وزيرة التضامن الاجتماعي، صرف تعويضات»: after a verb that takes a noun of what is
        // decided (`object-verbs`), a first word that is no given name is what was decided.
        let governs_object = i > 0 && !t.breaks_before(i) && verb_in("object-verbs");
        if governs_object && self.given_name(units[0].0).is_none() && !self.is_particle(units[0].0) {
            return None;
        }
        // «وافق الوزير علي موافقة البرلمان»: where the preposition is written «علي» after all, a
        // feminine noun follows it («موافقة»، «خلفية»، «ضرورة»), as no part of a name after
        // Ali does.
        if self.ali(units[0].0)
            && units.get(1).is_some_and(|&(k, _)| !t.folded(k).starts_with("ال") && t.folded(k).ends_with('ه'))
        {
            return None;
        }
        let last = *units.last()?;
        let name = Span::new(t.tokens[units[0].0].start, t.tokens[last.1 - 1].end);
        // A surname names the person on its own later: «جبور».
        let alias = self.surname(&units);
        let name_text = folded_words(t, units[0].0, last.1);
        Some(Introduction {
            kind: EntityKind::Person,
            span: self.span(i, title.dropped, last.1 - 1),
            name,
            bare: nominative_kunya(&name_text),
            name_text,
            alias,
        })
    }

    /// A wire's credit at the foot of its copy: «(إعداد محمد اليماني للنشر العربي - تحرير سها
    /// جادو)», «(تغطية صحفية أحمد طلبة - تحرير محمد محمدين)». After a credit word
    /// (`credit-words`) that opens the brackets or follows a dash inside them, two to four words
    /// up to the bracket's end, a dash or «للنشر» are a person (not «جادو», the Libyan town),
    /// when the brackets close their line or say they are a credit («للنشر», a second credit
    /// word).
    fn credit(&self, i: usize) -> Option<Introduction> {
        let t = self.t;
        const DASHES: [char; 3] = ['-', '–', '—'];
        if i == 0 || t.breaks_before(i) || !t.is_word(i) || !words("credit-words").contains(&t.folded(i)) {
            return None;
        }
        let opens = t.is_punct(i - 1, '(');
        let after_dash = DASHES.iter().any(|&c| t.is_punct(i - 1, c))
            && (i.saturating_sub(16)..i - 1)
                .rev()
                .take_while(|&k| !t.breaks_before(k + 1) && !t.is_punct(k, ')'))
                .any(|k| t.is_punct(k, '('));
        if !(opens || after_dash) {
            return None;
        }
        let mut j = i + 1;
        // «تغطية صحفية أحمد طلبة»: the credit's own adjective.
        if self.continues(j) && t.folded(j) == "صحفيه" {
            j += 1;
        }
        let first = j;
        while self.continues(j) && t.is_word(j) && j - first < 5 && !t.folded(j).starts_with("للنشر") {
            j += 1;
        }
        let closes = !self.continues(j)
            || t.is_punct(j, ')')
            || DASHES.iter().any(|&c| t.is_punct(j, c))
            || t.folded(j).starts_with("للنشر");
        // A credit closes its line, or says it is one («للنشر العربي», a second credit word):
        // «(تحرير الأرض أولا) قبل سنوات» is prose in brackets.
        let mut end = j;
        while self.continues(end) && !t.is_punct(end, ')') && end - j < 16 {
            end += 1;
        }
        let mut open = i;
        while open > 0 && !t.is_punct(open, '(') && i - open < 16 {
            open -= 1;
        }
        let says_so = (open..end)
            .any(|k| t.folded(k).starts_with("للنشر") || k != i && words("credit-words").contains(&t.folded(k)));
        let last_on_line = t.is_punct(end, ')') && !self.continues(end + 1);
        if !(t.is_punct(end, ')') && (last_on_line || says_so)) {
            return None;
        }
        // «علي» opening a credited name is Ali, not «على».
        let function_word = |k: usize| self.function_word(k) && !(k == first && t.folded(k) == "علي");
        if !closes || !(2..=4).contains(&(j - first)) || (first..j).any(function_word) {
            return None;
        }
        let name = Span::new(t.tokens[first].start, t.tokens[j - 1].end);
        let name_text = folded_words(t, first, j);
        Some(Introduction {
            kind: EntityKind::Person,
            span: Span::new(t.tokens[i].start, t.tokens[j - 1].end),
            name,
            bare: name_text.clone(),
            name_text,
            alias: None,
        })
    }

    /// The part of a person's name that names them alone later: the last part of a name of two
    /// or more («جبور» of «نزيه جبور»), also when it is a particle's compound («عبد الرحمن» of
    /// «رامي عبد الرحمن»), unless it is an everyday word.
    fn surname(&self, units: &[(usize, usize)]) -> Option<String> {
        let t = self.t;
        let &last = units.last()?;
        if units.len() < 2 {
            return None;
        }
        let alias = match last.1 - last.0 {
            // «ترامب» of «إيفانكا ترامب» is still the known man alone; «أوستن» of «لويد أوستن»
            // is the man, where the article names him (`own_surname_over_place`).
            1 if !self.is_particle(last.0)
                && !self.everyday(last.0)
                && self.name(last.0).is_none_or(|h| self.gaz.entities[h.value].kind == EntityKind::Place) =>
            {
                t.folded(last.0).to_string()
            }
            2 if self.is_particle(last.0) && !self.everyday(last.0 + 1) => folded_words(t, last.0, last.1),
            _ => return None,
        };
        (alias.chars().count() >= 3).then_some(alias)
    }

    /// A person named with no title: a given name and one or two more parts («حسن نافعة»،
    /// «عبد الباري عطوان»، «باتريك ستايغر»), or a kunya («أبو عزرائيل»). A given name that
    /// is also an everyday word («عادل»، «كمال») and a kunya alone count only after a verb of
    /// saying («وقال عادل العوفي») or inside quotes.
    fn untitled_person(&self, i: usize) -> Option<Introduction> {
        let t = self.t;
        // A name after «أبو»، «عبد» belongs to the kunya, read from the particle.
        if i > 0 && !t.breaks_before(i) && self.particle_dropped(i - 1).is_some() {
            return None;
        }
        let given = self.given_name(i);
        let kunya_dropped = if given.is_none() { self.particle_dropped(i) } else { None };
        // «دي ميستورا» after «وأضاف» is the surname of someone named in full, not a kunya.
        // «ولد» opens no name: the Mauritanian «son of» follows a given name; first, it is
        // «was born» («ولد الشاعر … في صفاقس»).
        let kunya = kunya_dropped.is_some()
            && !t.folded(i).ends_with("ام")
            && !matches!(t.folded(i), "ولد" | "وولد")
            && !words("foreign-particles").contains(&t.folded(i).trim_start_matches('و'));
        // «على» folds to «علي»: a preposition is no given name (unless written as the name).
        let ali = self.ali(i);
        if (given.is_none() && !kunya) || (self.function_word(i) && !ali) {
            return None;
        }
        // «وحسن»: a conjunction before a name is fine; «بحسن» (with good…) is not a name.
        if given.is_some_and(|g| g.dropped > 0 && !t.folded(i).starts_with('و')) {
            return None;
        }
        // «وقال عادل العوفي»، «بزعامة هادي العامري»: a verb of saying, a quote or a noun of
        // leading before the name.
        let said = i > 0
            && !t.breaks_before(i)
            && (self.word_hit(i - 1, |w| w == NameWord::Verb).is_some_and(|h| h.end == i)
                || is_quote(t, i - 1)
                || self.leads(i - 1));
        let dropped = given.map_or(kunya_dropped.unwrap_or(0), |g| g.dropped);
        let units = if dropped > 0 && !kunya {
            // «وحسن نافعة»: the name's first part is the word after the conjunction.
            let mut rest = if self.continues(i + 1) { self.name_units(i + 1).unwrap_or_default() } else { Vec::new() };
            if rest.is_empty() && self.family_member(i, i + 1) {
                rest.push((i + 1, i + 2));
            }
            rest.insert(0, (i, i + 1));
            rest.truncate(3);
            rest
        } else {
            self.name_units(i).unwrap_or_default()
        };
        let (first, last) = match units.as_slice() {
            [] | [_] if kunya => {
                // A kunya alone: «أبو عزرائيل», with an indefinite second word.
                let ok = self.continues(i + 1)
                    && self.name_word(i + 1, false)
                    && !t.folded(i + 1).starts_with("ال")
                    && (said || t.folded(i) == "ابو");
                if !ok {
                    return None;
                }
                ((i, i + 2), (i, i + 2))
            }
            // One part is a name only as a word and «الله» or «الدين» («نصر الله»).
            [(a, b)] if b - a == 2 && !self.is_particle(*a) => ((*a, *b), (*a, *b)),
            [] | [_] => return None,
            units => (units[0], *units.last()?),
        };
        // «حسن نافعة: …» opening a headline or a sentence: the speaker of what follows.
        let opens = i == 0 || t.breaks_before(i) || ['.', '!', '?', '؟', '|'].iter().any(|&p| t.is_punct(i - 1, p));
        let attributed = opens && self.continues(last.1) && (t.is_punct(last.1, ':') || t.is_punct(last.1, '：'));
        if (given.is_some_and(|g| g.value) || ali) && !said && !attributed {
            return None;
        }
        let name = Span::new(
            t.tokens[first.0].start + crate::text::offset_after_letters(t.original(first.0), dropped),
            t.tokens[last.1 - 1].end,
        );
        let alias = self.surname(&units);
        let name_text = folded_words_from(t, first.0, dropped, last.1);
        if self.gaz.stopped(&name_text) {
            return None;
        }
        Some(Introduction {
            kind: EntityKind::Person,
            span: name,
            name,
            bare: nominative_kunya(&name_text),
            name_text,
            alias,
        })
    }

    /// A word after a title that belongs to the title: «الأمن»، «القومي»، «الوزراء»، «باسم».
    fn complement_word(&self, j: usize) -> bool {
        let t = self.t;
        let f = t.folded(j);
        // «رئيس أركان الجيش»، «وزير خارجية النظام»، «وزير خارجية عمان»: a noun in construct
        // that the title is of, before a definite word or a place's name.
        let place_next = || {
            self.name(j + 1).is_some_and(|h| self.gaz.entities[h.value].kind == EntityKind::Place)
                || self.ix.find(t, j + 1, |p| matches!(p, Phrase::Place(..)).then_some(())).is_some()
        };
        if matches!(f, "باسم" | "لشؤون")
            || (words("title-constructs").contains(&f)
                && self.continues(j + 1)
                && (t.folded(j + 1).starts_with("ال") || place_next()))
        {
            return true;
        }
        // «وزير الداخلية والبلديات»، «وزير الصحة العامة والسكان»: a second complement joined by
        // «و» to a definite one before it.
        let joined = f.starts_with("وال") && j > 0 && self.t.folded(j - 1).starts_with("ال");
        let definite = f.starts_with("ال") || f.starts_with("لل") || joined;
        // «مدير المرصد السوري لحقوق الإنسان»: «ل» and a noun before a definite word.
        let lam_idafa =
            f.starts_with('ل') && f.chars().count() >= 4 && self.continues(j + 1) && t.folded(j + 1).starts_with("ال");
        (definite || lam_idafa)
            && !self.function_word(j)
            && self.word(j) != Some(NameWord::Verb)
            && !self.date_or_number_word(j)
    }

    /// A given name at `k` (not through the article), its value whether it is also an everyday
    /// word («عادل» just).
    fn given_name(&self, k: usize) -> Option<crate::phrases::Hit<bool>> {
        self.ix.find_indefinite(self.t, k, |p| if let Phrase::Given { word } = p { Some(*word) } else { None })
    }

    /// Whether the word at `k` is shaped like an indefinite nisba adjective, in any case:
    /// «ميداني»، «ميدانيا»، «ميدانياً»، «ابتدائية» (four letters or more before the ending).
    fn indefinite_nisba(&self, k: usize) -> bool {
        let f = self.t.folded(k);
        !f.starts_with("ال")
            && ["يه", "يا", "ي"].iter().find_map(|e| f.strip_suffix(e)).is_some_and(|stem| stem.chars().count() >= 4)
    }

    /// Whether a person's name opens at `k`: a given name that is no everyday word, then a name
    /// of two parts or more («عاطف الحوت») or a particle's («هشام أبو ريدة»).
    fn opens_person(&self, k: usize) -> bool {
        self.given_name(k).is_some_and(|g| !g.value && g.dropped == 0)
            && (self.name_units(k).is_some_and(|units| units.len() >= 2)
                || (self.continues(k + 1) && self.is_particle(k + 1)))
    }

    /// Whether a word is too everyday to name a person alone as a surname: «كامل» (complete),
    /// a preposition, a quantifier.
    fn everyday(&self, k: usize) -> bool {
        self.function_word(k)
            || matches!(self.t.folded(k), "الله" | "الدين")
            || self.word_hit(k, |w| w == NameWord::Common).is_some()
            || self.given_name(k).is_some_and(|g| g.value)
    }

    /// Two or three parts of a name from `j`: each part a word, a particle and a word («أبو
    /// مهدي»، «عبد الله»), or a word and «الله» or «الدين» («فتح الله»، «نور الدين»). The first
    /// part is indefinite, as given names are; a third part is a family nisba («السوداني») or a
    /// part of two words.
    fn name_units(&self, j: usize) -> Option<Vec<(usize, usize)>> {
        self.name_units_with(j, false, false)
    }

    /// [`Recogniser::name_units`] after a title (`titled`), where a grandfather's given name
    /// may be an everyday word after a first and second name neither definite («الرئيس عبد ربه
    /// منصور هادي»), and the first part may be a given name that is also a nisba
    /// (`nisba_first`: «العقيد الركن تركي المالكي»).
    fn name_units_with(&self, j: usize, titled: bool, nisba_first: bool) -> Option<Vec<(usize, usize)>> {
        let mut units: Vec<(usize, usize)> = Vec::new();
        // Whether a part is a word and «الله» or «الدين»: alone it is a name of two words, as
        // «السيد نصر الله» names a man.
        let mut theophoric = false;
        let mut k = j;
        // The name may open a line; its later parts may not cross one.
        while units.len() < 3 && (if k == j { k < self.t.len() } else { self.continues(k) }) {
            // «محمد العبد العالي»: a family name «العبد» and its word, as a particle and its word.
            let joins_next = self.is_particle(k) || (!units.is_empty() && self.t.folded(k) == "العبد");
            // «عبد الملك»، «عبد الرحمن»: after «عبد» a definite word is one of the divine names,
            // though «الملك» alone is a title; after «بن»، «أيت» it is a family's («بن الحاج»،
            // «أيت الحاج»).
            let servant_of = |k: usize| {
                matches!(self.t.folded(k).trim_start_matches('و'), "عبد" | "بن" | "ايت")
                    && self.t.is_word(k + 1)
                    && self.t.folded(k + 1).starts_with("ال")
                    && !self.function_word(k + 1)
                    && !self.date_or_number_word(k + 1)
            };
            let unit = if joins_next && self.continues(k + 1) && (self.name_word(k + 1, false) || servant_of(k)) {
                (k, k + 2)
            } else if units.len() == 1 && units[0].1 == units[0].0 + 1 && self.family_member(units[0].0, k) {
                units.push((k, k + 1));
                break;
            } else if (nisba_first && k == j)
                || self.name_word(k, !units.is_empty())
                || (titled && self.place_in_titled_name(k, &units))
                || (titled
                    && units.len() == 1
                    && (self.is_particle(units[0].0)
                        || self.given_name(units[0].0).is_some_and(|h| !h.value && h.end == units[0].1))
                    && self.verb_like_surname(k))
            {
                // «فتح الله»، «نور الدين»: a word and the «الله» or «الدين» after it are one part
                // of a name, as a particle and its word are.
                if self.continues(k + 1) && matches!(self.t.folded(k + 1), "الله" | "الدين") {
                    theophoric = true;
                    (k, k + 2)
                } else {
                    (k, k + 1)
                }
            } else {
                break;
            };
            let f = self.t.folded(unit.0);
            let particle = unit.1 - unit.0 == 2;
            let ok = match units.len() {
                // «الملك يصدر عفوه»، «الرئيس يترأس اجتماعا»: a word shaped as an imperfect verb
                // that no list gives as a name is the titled subject's verb.
                0 => {
                    particle
                        || !(f.starts_with("ال")
                            || f.starts_with("وال")
                            || (f.starts_with('ي') && f.chars().count() >= 4 && self.given_name(unit.0).is_none()))
                }
                1 => true,
                // «علي حسن خليل»: a grandfather's given name (not an everyday word) too.
                _ => {
                    let indefinite = |(k, _): (usize, usize)| !self.t.folded(k).starts_with("ال");
                    particle
                        || (f.starts_with("ال") && f.ends_with('ي'))
                        // «مولود جاويش أوغلو»: a Turkish surname's «son of» written apart.
                        || f == "اوغلو"
                        // «أحمد عبد الحميد فتوح»: after a father's compound name, the family's.
                        || (units[1].1 - units[1].0 == 2 && !f.starts_with("ال") && !self.everyday(unit.0))
                        // «خالد بن عبدالعزيز الفالح»: after «بن» and the father's name, the
                        // family's with the article, nisba or not.
                        || (units[1].1 - units[1].0 == 2
                            && matches!(self.t.folded(units[1].0), "بن" | "ابن")
                            && f.starts_with("ال")
                            && !self.everyday(unit.0))
                        // «تيدروس أدهانوم غيبريسوس»، «محمد حمدان دقلو»: after a title, a third
                        // word no list knows, indefinite, and not shaped as the object news puts
                        // after a titled subject («أصدر الرئيس … قرارا»، «… رسالة»).
                        // (Not after a family nisba, which ends a name: «رئيس الوزراء مصطفى
                        // مدبولي صرف 100 ألف» is his decision's masdar.)
                        || (titled
                            && self.foreign_surname(unit)
                            && !(units[1].1 == units[1].0 + 1 && {
                                let second = self.t.folded(units[1].0);
                                second.ends_with('ي') && second.chars().count() >= 5
                            }))
                        || self.given_name(unit.0).is_some_and(|h| {
                            h.dropped == 0
                                && h.end == unit.1
                                && (!h.value || (titled && indefinite(units[0]) && indefinite(units[1])))
                        })
                }
            };
            if !ok {
                break;
            }
            units.push(unit);
            k = unit.1;
        }
        (units.len() >= 2 || theophoric && !units.is_empty()).then_some(units)
    }

    /// A third part of a titled name that no list knows: one word, indefinite, not an
    /// everyday or given-name-as-word, not ending as an indefinite accusative («قرارا») or a
    /// feminine noun («رسالة»), of three letters or more, with no clitic preposition
    /// («برصاص»); and where the name ends, not before a word its own phrase would take: a
    /// masdar the titled subject governs is followed by its noun («أعلن الوزير سيرغي شويغو
    /// صدور موافقة»), a perfect verb by its preposition («حصل على»), a name by a mark, «إن»
    /// or «أن», a date, a verb or the line's end.
    fn foreign_surname(&self, unit: (usize, usize)) -> bool {
        let (k, end) = unit;
        end == k + 1 && self.name_closes(end) && self.surname_shaped(k)
    }

    /// The shape [`Recogniser::foreign_surname`] asks of a word, wherever the name ends.
    fn surname_shaped(&self, k: usize) -> bool {
        let t = self.t;
        let f = t.folded(k);
        let original = t.original(k);
        t.is_word(k)
            && !f.starts_with("ال")
            && !f.starts_with(['ب', 'ل', 'ك', 'ف', 'و'])
            && f.chars().count() >= 3
            && !f.ends_with('ا')
            && !original.ends_with('ة')
            && !self.everyday(k)
            && self.given_name(k).is_none()
    }

    /// Whether a name may end before `end`: the line ends, or a mark, «إن» or «أن», a date, a
    /// verb or a word joined by «و» follows. Not a preposition: «الرئيس قيس سعيد حصل على» is a
    /// verb and its preposition.
    fn name_closes(&self, end: usize) -> bool {
        let t = self.t;
        // «أعلن الوزير إبراهيم مراد توقيف ثلاثة أشخاص»: a count after the word is what the
        // masdar governs; a date still closes a name.
        if self.continues(end) && (t.is_digits(end) || self.lex.is(t, end, |l| matches!(l, Lex::Number { .. }))) {
            return false;
        }
        !self.continues(end)
            || !t.is_word(end)
            || matches!(t.folded(end), "ان" | "انه" | "انها" | "انهم" | "قد" | "لم" | "لن")
            || self.date_or_number_word(end)
            || self.word_hit(end, |w| w == NameWord::Verb).is_some()
            || t.folded(end).starts_with('و')
    }

    /// A known place's one-word name as a part of a person's name after a title: the surname
    /// after a given name that is no everyday word («وزير الدفاع لويد أوستن إن»), or the given
    /// name before a surname no list knows, after a definite title or adjective («رئيسة الوزراء
    /// الإيطالية جورجيا ميلوني»). Either way the name
    /// closes after the surname; the unknown surname is shaped as
    /// [`Recogniser::foreign_surname`] asks of a third part. A place the titled subject goes to
    /// is followed by what is not a name («زار الرئيس الفرنسي بيروت مساء الخميس»، «… بغداد
    /// قادما من عمّان»، «… دمشق لبحث»).
    fn place_in_titled_name(&self, k: usize, units: &[(usize, usize)]) -> bool {
        let place = |k: usize| {
            self.t.is_word(k)
                && self.name(k).is_some_and(|h| {
                    h.end == k + 1 && h.dropped == 0 && self.gaz.entities[h.value].kind == EntityKind::Place
                })
        };
        match units {
            // After a definite word only: an indefinite title is in construct with the place
            // («محافظ ديالى مثنى التميمي»، «وزير خارجية قطر»).
            [] => {
                k > 0
                    && self.t.folded(k - 1).starts_with("ال")
                    && place(k)
                    && self.continues(k + 1)
                    && self.surname_shaped(k + 1)
                    && self.name_word(k + 1, true)
            }
            [(g, end)] => {
                *end == k
                    && self.given_name(*g).is_some_and(|h| !h.value && h.dropped == 0 && h.end == k)
                    && place(k)
                    && self.name_closes(k + 1)
            }
            _ => false,
        }
    }

    /// A definite nisba by its form at `k`, on the line: «الدولية»، «التونسي»، «الكردستاني» (five
    /// letters or more with the article; no function, date or number word).
    fn definite_nisba(&self, k: usize) -> bool {
        let t = self.t;
        let w = t.folded(k);
        self.content_word(k) && w.starts_with("ال") && w.chars().count() >= 5 && (w.ends_with('ي') || w.ends_with("يه"))
    }

    /// Where a body's name ends that goes on with coordinated terms from `k`: «وزارة الكهرباء
    /// والماء والطاقة المتجددة»، «الهيئة العامة للأنواء الجوية والرصد الزلزالي». Each term is a
    /// definite word after «و» that is no known name, no head or title of another body and no
    /// date or number, with its definite nisba or, after a feminine term, its feminine
    /// participle («المتجددة»). At most `limit` tokens from `k`.
    fn coordinated_terms(&self, mut k: usize, limit: usize) -> usize {
        let t = self.t;
        let end = k + limit;
        while k < end
            && self.continues(k)
            && t.is_word(k)
            && t.folded(k).starts_with("وال")
            && t.folded(k).chars().count() >= 5
            && self.name(k).is_none()
            && self.org_word(k, false)
        {
            let feminine = t.folded(k).ends_with('ه') || t.folded(k).ends_with("ات");
            k += 1;
            while k < end
                && self.name(k).is_none()
                && (self.definite_nisba(k) || (feminine && self.feminine_participle(k)))
            {
                k += 1;
            }
        }
        k
    }

    /// Whether the word at `k` is a definite feminine participle that agrees with a feminine
    /// noun before it («للقوات المسلحة»، «والطاقة المتجددة»), not a known name.
    fn feminine_participle(&self, k: usize) -> bool {
        let t = self.t;
        let w = t.folded(k);
        self.content_word(k)
            && w.starts_with("الم")
            && w.ends_with('ه')
            && w.chars().count() >= 6
            && self.name(k).is_none()
    }

    /// Whether the word at `k` is a noun of leading, with its preposition: «بقيادة»، «بزعامة»
    /// (`led-by`).
    fn leads(&self, k: usize) -> bool {
        words("led-by").iter().any(|w| self.t.folded(k).ends_with(w))
    }

    /// «إيفانكا ترامب»، «ميلانيا ترامب»: a given name that is no everyday word, before a known
    /// person's one-word name (at `k`), names another of the family. The person's own given name
    /// is not asked about: «دونالد ترامب» is matched whole as the known name first.
    fn family_member(&self, given: usize, k: usize) -> bool {
        self.continues(k)
            && self.given_name(given).is_some_and(|h| !h.value && h.end == given + 1)
            && self.name(k).is_some_and(|h| {
                h.end == k + 1 && h.dropped == 0 && self.gaz.entities[h.value].kind == EntityKind::Person
            })
    }

    /// «الرئيس الجزائري عبد المجيد تبون»: after a title and a first name (a particle's compound
    /// or a listed given name, not a whole name such as «نصر الله»), a surname shaped like
    /// an imperfect verb («تبون») that [`Recogniser::name_word`] passes over elsewhere («جبور
    /// يقول»), when nothing else disqualifies it and no word of a sentence follows it.
    fn verb_like_surname(&self, k: usize) -> bool {
        let t = self.t;
        let f = t.folded(k);
        t.is_word(k)
            && f.starts_with(['ي', 'ت'])
            && (3..=4).contains(&f.chars().count())
            && !self.function_word(k)
            && !self.date_or_number_word(k)
            && self.word(k).is_none()
            && self.name(k).is_none()
            && (!self.continues(k + 1)
                || !t.is_word(k + 1)
                || self.function_word(k + 1)
                || self.date_or_number_word(k + 1)
                || self.word(k + 1).is_some())
    }

    /// A particle of a name at `k`, bare or after «و»: how many letters come before it.
    fn particle_dropped(&self, k: usize) -> Option<usize> {
        if !self.t.is_word(k) {
            return None;
        }
        let h = self.word_hit(k, |w| w == NameWord::Particle)?;
        // «بأبي محمد»، «لأبي بكر»: the genitive of the kunya after a preposition.
        let after_preposition = h.dropped == 1 && matches!(self.t.folded(k), "بابي" | "لابي");
        (h.dropped == 0 || (h.dropped == 1 && self.t.folded(k).starts_with('و')) || after_preposition)
            .then_some(h.dropped)
    }

    fn is_particle(&self, k: usize) -> bool {
        self.t.is_word(k) && self.word_hit(k, |w| w == NameWord::Particle).is_some_and(|h| h.dropped == 0)
    }

    /// Whether the word at `k` can be part of a name. `later` parts may not start with a
    /// conjunction («وقال» after «جبور» is "and said").
    fn name_word(&self, k: usize, later: bool) -> bool {
        let t = self.t;
        if !t.is_word(k) || (self.function_word(k) && !self.ali(k)) || self.date_or_number_word(k) {
            return false;
        }
        if self.word_hit(k, |w| w != NameWord::Compound).is_some() || self.adjective(k).is_some() {
            return false;
        }
        if self.name(k).is_some() {
            return false;
        }
        let f = t.folded(k);
        // A letter alone is a clitic or a preposition set apart («قاعدة ل - "الفرقة السابعة"»),
        // never a part of a name.
        if f.chars().nth(1).is_none() {
            return false;
        }
        if later && (f.starts_with('و') || f.starts_with("بال") || f.starts_with("لل") || f.starts_with("فال"))
        {
            return false;
        }
        // After a name, «يصل»، «تقول» (an imperfect verb) and «مؤكدا»، «مشيرا» (a participle in
        // the accusative, how news continues a sentence) are not its next part.
        let n = f.chars().count();
        let given = self.ix.find_indefinite(t, k, |p| matches!(p, Phrase::Given { .. }).then_some(())).is_some();
        // «وصل الوزير عمّان قادما من …»: nor «قادما»، «حاملا»، «قائلا» (فاعلًا, the same).
        let faailan = n == 5 && f.chars().nth(1) == Some('ا') && f.chars().nth(3) != Some('ي') && f.ends_with('ا');
        if later
            && !given
            && ((f.starts_with(['ي', 'ت']) && (3..=4).contains(&n))
                || (f.starts_with('م') && f.ends_with('ا') && n >= 5)
                || faailan)
        {
            return false;
        }
        // A pronoun suffix marks a common noun or a verb: «قراره»، «بلادهم». (A final ة folds
        // to ه too, so only a written ه counts; after ي it belongs to names like «نزيه»; never
        // on a definite word or one ending in «الله»: «عبد الله» and «عبدالله» end in the ه of
        // «الله»; and only on a first name:
        // transliterated surnames end in ـه, «روماتيه».)
        let original = t.original(k);
        let pronoun = ["هم", "ها", "هما", "كم"].iter().any(|s| f.ends_with(s) && f.chars().count() > 4)
            || (!later
                && original.ends_with('ه')
                && !f.ends_with("يه")
                // «عبدالله»، «عبدالإله»، «نصرالله»: «الله» written joined to the word before.
                && !f.ends_with("الله")
                && !f.ends_with("الاله")
                && !f.starts_with("ال")
                && f.chars().count() > 3);
        !pronoun
    }

    /// A group that calls itself by a name, or is known by one, written in quotes or brackets:
    /// «حركة مسلحة تطلق على نفسها اسم "حسم"»، «جماعة تعرف باسم (لواء الثورة)». The name names
    /// it on its own in every source.
    fn named_as(&self, i: usize) -> Option<Introduction> {
        let t = self.t;
        let f = t.folded(i);
        let before = |list: &str| i > 0 && words(list).contains(&t.folded(i - 1));
        let frame = match f {
            "اسم" => before("named-as-self"),
            "باسم" => before("known-as"),
            _ => false,
        };
        let open = i + 1;
        if !frame || !self.continues(open) || !(is_quote(t, open) || t.is_punct(open, '(')) {
            return None;
        }
        let first = open + 1;
        let mut k = first;
        while k < first + 4 && self.continues(k) && t.is_word(k) {
            k += 1;
        }
        if k == first || !(is_quote(t, k) || t.is_punct(k, ')')) || self.name(first).is_some() {
            return None;
        }
        if (first..k).any(|j| self.function_word(j) || self.date_or_number_word(j)) {
            return None;
        }
        let name = Span::new(t.tokens[first].start, t.tokens[k - 1].end);
        let name_text = folded_words(t, first, k);
        Some(Introduction {
            kind: EntityKind::Org,
            span: Span::new(t.tokens[i].start, t.tokens[k].end),
            name,
            bare: name_text.clone(),
            name_text: name_text.clone(),
            alias: Some(name_text),
        })
    }

    /// An organisation, place or operation introduced by its head noun.
    fn headed(&self, i: usize) -> Option<Introduction> {
        let t = self.t;
        // «ق تل» is «قُتل» cut where a stripped diacritic left a space: a lone letter (other
        // than a conjunction or preposition written apart) begins the word, and what follows
        // it is no head noun.
        if i > 0
            && t.is_word(i - 1)
            && !t.breaks_before(i)
            && t.tokens[i - 1].end + 1 == t.tokens[i].start
            && t.original(i - 1).chars().count() == 1
            && !words("apart-letters").contains(&t.folded(i - 1))
        {
            return None;
        }
        let head = self.ix.find_indefinite(t, i, |p| match p {
            // A body's head only introduces with an adjective and what it is for
            // ([`Recogniser::definite_headed`]).
            Phrase::Word(NameWord::Head { kind, alias, definite, landmark, only_known, body_only: false }) => {
                Some((*kind, *alias, *definite, *landmark, *only_known))
            }
            _ => None,
        })?;
        let (kind, alias, definite, landmark, only_known) = head.value;
        // «قضت المحكمة بسجن المتهمين»: after «ب» a head that is also a verbal noun
        // (`verbal-heads`: to imprison) is the sentence passed, not a place.
        if head.dropped > 0
            && t.folded(i).trim_start_matches('و').starts_with('ب')
            && words("verbal-heads").iter().any(|w| t.folded(i).ends_with(w))
        {
            return None;
        }
        // «كتلة الأجور» (the wage bill), «كتل سياسية»: a head read through «ك» is most often a
        // word of its own that begins with the letter; «as a city» seldom introduces a name.
        if head.dropped > 0 && t.folded(i).trim_start_matches(['و', 'ف']).starts_with('ك') {
            return None;
        }
        // «وأدى النزاع»: folded, «و» and a word written with a hamza's alef («أدى» led to) is
        // «وادي» (valley); the head itself is written with a bare alef.
        if head.dropped == 0 && ["وأ", "وإ", "وآ"].iter().any(|p| t.original(i).starts_with(p)) {
            return None;
        }
        let j = head.end;
        if definite && self.continues(j) && !t.folded(j).starts_with("ال") && self.name(j).is_none() {
            return None;
        }
        // «15 قاعدة عسكرية»، «11 ألف مكتب اقتراع»: a counted noun, not a name's head.
        let counted = i > 0
            && !t.breaks_before(i)
            && (t.is_digits(i - 1) || self.lex.is(t, i - 1, |l| matches!(l, Lex::Number { .. })));
        if !self.continues(j) || counted {
            return None;
        }
        match kind {
            // «عملية "درع الفرات"» is always quoted; «منتدى دافوس»، «مؤتمر سوتشي» are not.
            EntityKind::Event if alias => self.operation(i, head.dropped, j),
            EntityKind::Org | EntityKind::Event => {
                // «جامعة بغداد»، «شرطة ديالى»، «مجلس محافظة البصرة»: a body named after the
                // place it serves is a body of its own, head and all (`named` heads).
                if landmark
                    && !self.led_by(i)
                    && self.institution_head(i, |_| true).is_none()
                    && let Some(end) = self.place_named(j, true)
                {
                    return Some(self.named_body(kind, i, head.dropped, self.body_tail(end)));
                }
                // «تنظيم الحشد الشعبي»: the known name is the mention; nothing new here. Nor is
                // a country's institution («وزارة الداخلية») a new organisation.
                if only_known || self.name(j).is_some() || self.institution_head(i, |_| true).is_some() {
                    return None;
                }
                // «بقيادة محمد حمدان دقلو»: a noun of leading before a person's given name says
                // who leads; the person is introduced from the name.
                if self.leads(i) && (self.given_name(j).is_some() || self.is_particle(j)) {
                    return None;
                }
                // «حركة "حسم"»: a name in quotes after its head.
                if is_quote(t, j) {
                    let first = j + 1;
                    let mut k = first;
                    while k < first + 4 && self.continues(k) && t.is_word(k) {
                        k += 1;
                    }
                    if k == first || !is_quote(t, k) || self.name(first).is_some() {
                        return None;
                    }
                    let span = self.span(i, head.dropped, k - 1);
                    let name_text = folded_words_from(t, i, head.dropped, k);
                    // The quoted name is what the group is called on its own: «حسم» later.
                    let bare = folded_words(t, first, k);
                    return Some(Introduction {
                        kind,
                        span,
                        name: span,
                        bare: bare.clone(),
                        name_text,
                        alias: Some(bare),
                    });
                }
                // An idafa chain runs indefinite to definite («وكالة أنباء فارس»، «وزارة الدفاع
                // العراقية»); an indefinite word after a definite one, or a word after a
                // coordinated one («العدل والمساواة»), starts something else.
                let mut k = j;
                let mut definite = false;
                let titled = i > 0 && !t.breaks_before(i) && self.word(i - 1) == Some(NameWord::Title);
                let named_inside =
                    |k: usize| k > j && landmark && !self.led_by(i) && self.place_named(k, false).is_some();
                while k < j + 4 && self.continues(k) && (self.org_word(k, k == j) || named_inside(k)) {
                    // «قيادة عمليات بغداد»، «هيئة تحرير الشام»: a known place inside ends the
                    // name of a body named after it.
                    if named_inside(k)
                        && let Some(end) = self.place_named(k, false)
                    {
                        return Some(self.named_body(kind, i, head.dropped, self.body_tail(end)));
                    }
                    // «وكالة أنباء الأناضول»: a known name inside is the organisation itself.
                    if k > j && self.name(k).is_some() {
                        return None;
                    }
                    let f = t.folded(k);
                    let coordinated = k > j && f.starts_with("وال");
                    if definite && !f.starts_with("ال") && !coordinated {
                        break;
                    }
                    // «مدير مستشفى كمال عدوان حسام أبو صفية»: after a title, the body is named
                    // and then its head is: a given name (no everyday word) that opens a name
                    // of two parts or more after the body's name starts the person.
                    if titled && k > j && self.opens_person(k) {
                        break;
                    }
                    // «هيئة الرقابة الإدارية المواطنين»: after the definite term a plural noun is
                    // the verb's object («قوات الدعم السريع»، «العمليات المشتركة» go on).
                    if definite && !coordinated && definite_plural_noun(f) {
                        break;
                    }
                    definite |= f.starts_with("ال");
                    k += 1;
                    if coordinated {
                        // «وزارة التموين والتجارة الداخلية»: the coordinated term's adjective,
                        // and more terms («وزارة الكهرباء والماء والطاقة المتجددة»).
                        if self.definite_nisba(k) {
                            k += 1;
                        }
                        k = self.coordinated_terms(k, 6);
                        break;
                    }
                }
                // «وكالة أنباء "الأناضول"»: the known name after a quote is the organisation.
                if k == j || (is_quote(t, k) && self.name(k + 1).is_some()) {
                    return None;
                }
                // «مستشفى ميدانياً»، «مدرسة ابتدائية»: an indefinite nisba alone after the head is
                // its adjective (a hospital, a school), not a name; a given name is still one.
                if k == j + 1 && self.indefinite_nisba(j) && self.given_name(j).is_none() {
                    return None;
                }
                let span = self.span(i, head.dropped, k - 1);
                let name_text = folded_words_from(t, i, head.dropped, k);
                Some(Introduction { kind, span, name: span, bare: name_text.clone(), name_text, alias: None })
            }
            EntityKind::Place => self.place(i, head.dropped, j, alias, landmark, only_known),
            EntityKind::Person => None,
        }
    }

    /// Whether an introduction is a body named after its place ([`Recogniser::place_named`]):
    /// an organisation opened by a `named` head that is not a noun of leading («بقيادة
    /// واشنطن» is led by it).
    fn named_after_place(&self, intro: &Introduction) -> bool {
        let i = self.t.tokens.partition_point(|tk| tk.end <= intro.name.start);
        intro.kind == EntityKind::Org
            && i < self.t.len()
            && self
                .ix
                .find_indefinite(self.t, i, |p| {
                    matches!(p, Phrase::Word(NameWord::Head { kind: EntityKind::Org, landmark: true, .. }))
                        .then_some(())
                })
                .is_some()
    }

    /// The end of a known place's name at `j`, or of a place head and one («محافظة البصرة»،
    /// «إقليم كردستان»): what a body named after its place ends its name with.
    fn place_named(&self, j: usize, listed: bool) -> Option<usize> {
        // «محكمة تركية»: an indefinite feminine nisba is the body's adjective, though «تركية»
        // also names the country («مجلس نينوى» is the place's).
        let known = |k: usize| {
            self.name(k)
                .filter(|h| {
                    self.continues(k)
                        && self.gaz.entities[h.value].kind == EntityKind::Place
                        && !(h.end == k + 1 && self.feminine_nisba(k))
                })
                .map(|h| h.end)
                // A place the GeoNames list knows, right after the head (`listed`) and ending
                // the name: «مجلس نينوى» (in «حركة نور الدين الزنكي» «الدين» is no place).
                .or_else(|| {
                    if !listed {
                        return None;
                    }
                    self.ix
                        .find_with(self.t, k, false, Gaps::None, |p| matches!(p, Phrase::Place(..)).then_some(()))
                        .filter(|h| {
                            // The name's end: a definite word after it that is no adjective goes
                            // on a longer name.
                            let goes_on = self.continues(h.end)
                                && self.t.folded(h.end).starts_with("ال")
                                && !self.definite_nisba(h.end);
                            let adjective = h.end == k + 1 && self.feminine_nisba(k);
                            !(goes_on || adjective)
                        })
                        .map(|h| h.end)
                })
        };
        if let Some(end) = known(j) {
            return Some(end);
        }
        let head = self
            .ix
            .find(self.t, j, |p| {
                matches!(p, Phrase::Word(NameWord::Head { kind: EntityKind::Place, .. })).then_some(())
            })
            .filter(|h| h.dropped == 0)?;
        known(head.end)
    }

    /// An indefinite feminine nisba at `k`: «تركية»، «سورية».
    fn feminine_nisba(&self, k: usize) -> bool {
        let f = self.t.folded(k);
        is_indefinite_nisba(f) && f.ends_with("يه")
    }

    /// Whether the noun of leading at `i` says who leads: «بقيادة واشنطن»، «تحت قيادة مصر»,
    /// not «قيادة عمليات بغداد».
    fn led_by(&self, i: usize) -> bool {
        let t = self.t;
        self.leads(i) && (t.folded(i).trim_start_matches('و').starts_with('ب') || (i > 0 && t.folded(i - 1) == "تحت"))
    }

    /// Where a body's name named after a place ends: its adjectives («مجلس الرقة المدني»،
    /// «مصرف سوريا المركزي») or what it is for after «لل» and its adjectives («شركة قطر
    /// للطاقة»، «صندوق أبوظبي للتنمية»).
    fn body_tail(&self, end: usize) -> usize {
        let t = self.t;
        let mut k = end;
        if self.continues(k)
            && t.is_word(k)
            && t.folded(k).starts_with("لل")
            && t.folded(k).chars().count() >= 5
            && !self.function_word(k)
            && !self.date_or_number_word(k)
            && self.name(k).is_none()
        {
            k += 1;
        }
        while k < end + 3 && self.definite_nisba(k) && self.name(k).is_none() {
            k += 1;
        }
        k
    }

    /// A body introduced by tokens `i..end`, less `dropped` clitic letters.
    fn named_body(&self, kind: EntityKind, i: usize, dropped: usize, end: usize) -> Introduction {
        let span = self.span(i, dropped, end - 1);
        let name_text = folded_words_from(self.t, i, dropped, end);
        Introduction { kind, span, name: span, bare: name_text.clone(), name_text, alias: None }
    }

    /// A body named by its definite head, an adjective or more, and what it is for after «لل»:
    /// «الهيئة العامة للأرصاد الجوية»، «المفوضية العليا المستقلة للانتخابات»، «النقابة الوطنية
    /// للصحفيين». The «لل» phrase is what makes it a name: «الهيئة العامة» alone is any
    /// authority. Adjectives after the phrase («الجوية») belong to it.
    fn definite_headed(&self, i: usize) -> Option<Introduction> {
        let t = self.t;
        let article = article_letters(t.folded(i))?;
        // An organisation's head, or a place's that heads an administration with an adjective
        // of rank: «المديرية العامة للأرصاد الجوية» (a district, «مديرية عبس», elsewhere).
        let head = self.ix.find(t, i, |p| match p {
            Phrase::Word(NameWord::Head { kind, .. }) => Some(*kind),
            _ => None,
        })?;
        let administration = head.value == EntityKind::Place
            && self.continues(head.end)
            && words("rank-adjectives").contains(&t.folded(head.end));
        if !(head.value == EntityKind::Org || administration)
            || head.dropped != article
            || self.institution_head(i, |_| true).is_some()
        {
            return None;
        }
        // A definite adjective by its form: a nisba («الدولية»، «التونسي») or one of rank.
        let adjective = |k: usize| {
            self.name(k).is_none()
                && (self.definite_nisba(k)
                    || (self.continues(k) && t.is_word(k) && words("rank-adjectives").contains(&t.folded(k))))
        };
        let mut k = head.end;
        while k < head.end + 3 && adjective(k) {
            k += 1;
        }
        if k == head.end || !self.continues(k) || !t.is_word(k) {
            return None;
        }
        let purpose = t.folded(k);
        if !purpose.starts_with("لل")
            || purpose.chars().count() < 5
            || self.function_word(k)
            || self.date_or_number_word(k)
            || self.name(k).is_some()
        {
            return None;
        }
        k += 1;
        // «للقوات المسلحة»: after a feminine noun of purpose (ـة, ـات) a feminine participle
        // agrees with it too; after a masculine one it is the verb's object («للاستثمار
        // الموازنة»).
        let feminine = purpose.ends_with('ه') || purpose.ends_with("ات");
        while k < head.end + 6 && (adjective(k) || (feminine && self.feminine_participle(k))) {
            k += 1;
        }
        // «للتعبئة العامة والإحصاء»: more of what it is for.
        let k = self.coordinated_terms(k, 6);
        let span = self.span(i, article - 2, k - 1);
        let name_text = folded_words_from(t, i, article - 2, k);
        Some(Introduction { kind: EntityKind::Org, span, name: span, bare: name_text.clone(), name_text, alias: None })
    }

    /// A body named by an institution's head and an adjective that makes another body of it
    /// (`other-body-adjectives`), with the adjectives after it: «الجيش الوطني السوري»، «الجيش
    /// الوطني الليبي»، «المجلس الوطني السوري». Not the country's institution (see
    /// [`Recogniser::bare_institutions`]).
    fn other_body(&self, i: usize) -> Option<Introduction> {
        let t = self.t;
        let article = article_letters(t.folded(i))?;
        // An institution's head is listed with its article («الجيش»); an organisation's without.
        let institution = self.institution_head(i, |_| true).filter(|h| h.dropped == article - 2).map(|h| h.end);
        let head = institution.or_else(|| {
            self.ix
                .find(t, i, |p| matches!(p, Phrase::Word(NameWord::Head { kind: EntityKind::Org, .. })).then_some(()))
                .filter(|h| h.dropped == article)
                .map(|h| h.end)
        })?;
        if head != i + 1 {
            return None;
        }
        let j = head;
        if !self.continues(j) || !words("other-body-adjectives").contains(&t.folded(j)) {
            return None;
        }
        // More adjectives: a nisba («الكردستاني»), a country's («السوري»).
        let mut k = j + 1;
        while k < j + 3 && self.definite_nisba(k) {
            k += 1;
        }
        // «الجيش الحر» alone is a known name; a head and the one adjective name nothing new
        // unless a country's or another adjective follows.
        if k == j + 1 || self.name(i).is_some_and(|h| h.end >= k) {
            return None;
        }
        let span = self.span(i, article - 2, k - 1);
        let name_text = folded_words_from(t, i, article - 2, k);
        Some(Introduction { kind: EntityKind::Org, span, name: span, bare: name_text.clone(), name_text, alias: None })
    }

    /// A military unit named by its number: a definite head of `unit-heads` and an ordinal or up
    /// to three digits, «الفرقة الرابعة»، «الفيلق الخامس»، «اللواء 105». Not a count («لواء 5
    /// جنود»، «الكتيبة 500 جندي»), nor an ordinal that dates («الخامس من أيار»). Without it,
    /// «اللواء» was read as the rank and the unit named nothing.
    fn numbered_unit(&self, i: usize) -> Option<Introduction> {
        let t = self.t;
        let head = self.ix.find(t, i, |p| match p {
            Phrase::Word(NameWord::Head { kind: EntityKind::Org, .. }) => Some(()),
            _ => None,
        })?;
        let f = t.folded(i);
        let stem: String = f.chars().skip(head.dropped).collect();
        if head.end != i + 1 || !words("unit-heads").contains(&stem.as_str()) {
            return None;
        }
        let prefix: String = f.chars().take(head.dropped).collect();
        let definite = prefix.ends_with("ال");
        let j = head.end;
        if !self.continues(j) || (i > 0 && t.is_digits(i - 1)) {
            return None;
        }
        let end = if t.is_digits(j) {
            let counted = self.continues(j + 1)
                && (matches!(crate::lexicon::LEXICON.beside_number(t.folded(j + 1)), Some(Lex::Counted))
                    || self.lex.is(t, j + 1, |l| matches!(l, Lex::Duration { .. } | Lex::Month(_))));
            // An indefinite head before a number counts what follows it («لواء 5 جنود»).
            if !definite || t.original(j).len() > 3 || counted {
                return None;
            }
            j + 1
        } else {
            let ordinal = self.lex.find(t, j, |l| matches!(l, Lex::DayOrdinal(_)).then_some(()))?;
            if !definite || ordinal.dropped != 0 || !t.folded(j).starts_with("ال") {
                return None;
            }
            let after = ordinal.end;
            let month =
                |k: usize| self.continues(k) && self.lex.is(t, k, |l| matches!(l, Lex::Month(_) | Lex::HijriMonth(_)));
            let dates = month(after) || (self.continues(after) && t.folded(after) == "من" && month(after + 1));
            if dates {
                return None;
            }
            after
        };
        // The article stays part of the name; a conjunction or preposition on it does not.
        let kept = if definite { head.dropped - 2 } else { head.dropped };
        let span = self.span(i, kept, end - 1);
        // The number is part of the name («اللواء 105»), though not a word.
        let mut name_text = folded_words_from(t, i, kept, j);
        for k in j..end {
            name_text.push(' ');
            name_text.push_str(t.folded(k));
        }
        Some(Introduction { kind: EntityKind::Org, span, name: span, bare: name_text.clone(), name_text, alias: None })
    }

    /// A word of an organisation's name after its head: «الدفاع»، «العراقية»، «أنباء فارس»،
    /// and «والتنمية» in «حزب العدالة والتنمية».
    fn org_word(&self, k: usize, first: bool) -> bool {
        let t = self.t;
        if !t.is_word(k) || self.function_word(k) || self.date_or_number_word(k) {
            return false;
        }
        // A head that names nothing alone («شرطة»: only «شرطة ديالى») goes on a name:
        // «قوات الشرطة الاتحادية».
        if matches!(
            self.word(k),
            Some(NameWord::Verb | NameWord::Title | NameWord::Qualifier | NameWord::Head { only_known: false, .. })
        ) {
            return false;
        }
        let f = t.folded(k);
        if starts_new_phrase(f) || (first && (f.starts_with('و') || self.adjective(k).is_some())) {
            return false;
        }
        // «قوات حفتر بـ»: a letter alone is a clitic set apart. «قوات حفتر غارة»: an indefinite
        // word of an event (a strike, a battle) after the first is the verb's object, not a name.
        if f.chars().nth(1).is_none()
            || (!first
                && !f.starts_with("ال")
                && self.ix.find(t, k, |p| matches!(p, Phrase::Event(_)).then_some(())).is_some_and(|h| h.dropped == 0))
        {
            return false;
        }
        // «صندوق لتأكيد …»: «ل» and an indefinite noun says what it is for; «التابعة لـ»،
        // «الذي» describe the body after its name.
        if first && f.starts_with('ل') && !f.starts_with("لل") && f.chars().count() > 3 {
            return false;
        }
        if matches!(f, "التابع" | "التابعه" | "التابعين" | "التابعون" | "الذي" | "التي")
        {
            return false;
        }
        // «تنظيم إرهابي»، «جماعة مسلحة»: an indefinite adjective, agreeing with a feminine head
        // by its ة, makes a common phrase, not a name.
        let before = if k > 0 { t.folded(k - 1) } else { "" };
        let agrees = (before.ends_with('ه') || before.ends_with("ات")) && f.ends_with('ه') && !f.starts_with("ال");
        // «قوات أمنه»، «قوات بلادهم»: a pronoun makes a common phrase.
        let original = t.original(k);
        let pronoun = !f.starts_with("ال")
            && f.chars().count() > 3
            && (original.ends_with('ه') || ["هم", "ها", "هما", "كم"].iter().any(|p| f.ends_with(p)));
        !(first && (is_indefinite_nisba(f) || agrees)) && !pronoun
    }

    /// «محافظة صلاح الدين»، «قاعدة بلد الجوية»، «باب بغداد».
    /// `only_known`: «باب»، «بوابة» name a place only when named after one («باب بغداد»).
    fn place(
        &self,
        i: usize,
        dropped: usize,
        j: usize,
        alias: bool,
        landmark: bool,
        only_known: bool,
    ) -> Option<Introduction> {
        let t = self.t;
        let listed =
            self.ix.find_with(t, j, false, Gaps::None, |p| matches!(p, Phrase::Place(..)).then_some(())).map(|h| h.end);
        let known = self.name(j).filter(|h| self.gaz.entities[h.value].kind == EntityKind::Place).map(|h| h.end);
        // A landmark named after a known place is its own entity, head and all; a region or a
        // facility named so («إقليم كردستان»، «مطار بغداد») is the known place, and a place the
        // GeoNames list knows needs no introduction: it is its own mention.
        if let Some(end) = known.or(listed) {
            if !landmark {
                return None;
            }
            let mut end = end;
            if self.continues(end)
                && let Some(f) = self.word_hit(end, |w| w == NameWord::Facility)
            {
                end = f.end;
            }
            return Some(self.place_intro(i, dropped, end, None, None));
        }
        if only_known || self.name(j).is_some() {
            return None;
        }
        // «قاعدة عسكرية»، «إقليم اتحادي»: an adjective agreeing with the head; «مقاطعة
        // يايلاداغي» (a masculine shape after a feminine head) is a name.
        let nisba = is_indefinite_nisba(t.folded(j));
        // «قاعدة لإطلاق الطائرات»، «مخيم لاجئين»: «ل» and a noun with a hamza's alef says what
        // the place is for; no place's name the lists do not know starts so.
        if t.folded(j).starts_with("لا") && t.folded(j).chars().count() >= 5 {
            return None;
        }
        let feminine_head = t.folded(i).ends_with('ه');
        let agrees = nisba && (!feminine_head || t.folded(j).ends_with("يه"));
        if !self.name_word(j, false) || agrees || starts_new_phrase(t.folded(j)) {
            return None;
        }
        // «منطقة آمنة»، «منطقة عازلة»: an indefinite adjective agreeing with a feminine head.
        let head = t.folded(i);
        let f = t.folded(j);
        if head.ends_with('ه') && f.ends_with('ه') && !f.starts_with("ال") && !self.is_compound(j) {
            return None;
        }
        let mut end = j + 1;
        // A second word only in an idafa name («دير الزور»، «رأس العين») or after a compound's
        // first word («تل أبيض»).
        if self.continues(end) && (t.folded(end).starts_with("ال") || self.is_compound(j)) && self.name_word(end, true)
        {
            end += 1;
        }
        let name_end = end;
        if self.continues(end)
            && let Some(h) = self.word_hit(end, |w| w == NameWord::Facility)
        {
            end = h.end;
        }
        let bare = folded_words(t, j, name_end);
        // A one-word indefinite name alone is too often a common word («بلد» also means country).
        let alias = (alias && (name_end - j >= 2 || t.folded(j).starts_with("ال"))).then(|| bare.clone());
        Some(self.place_intro(i, dropped, end, Some(bare), alias))
    }

    /// A place introduced by tokens `i..end`, less `dropped` clitic letters: all of it is its
    /// name; `bare` identifies it across sources (its folded words when `None`).
    fn place_intro(
        &self,
        i: usize,
        dropped: usize,
        end: usize,
        bare: Option<String>,
        alias: Option<String>,
    ) -> Introduction {
        let span = self.span(i, dropped, end - 1);
        let name_text = folded_words_from(self.t, i, dropped, end);
        Introduction {
            kind: EntityKind::Place,
            span,
            name: span,
            bare: bare.unwrap_or_else(|| name_text.clone()),
            name_text,
            alias,
        }
    }

    fn is_compound(&self, j: usize) -> bool {
        self.word_hit(j, |w| w == NameWord::Compound).is_some_and(|h| h.dropped == 0 && h.end == j + 1)
    }

    /// A region of a country named by a direction or a kind of land and the country's
    /// adjective («الشمال السوري»، «البادية السورية»، «بالساحل اللبناني»), or a border by the
    /// adjectives of the two countries it divides («الحدود العراقية السورية», the same border as
    /// «الحدود السورية العراقية»).
    fn region(&self, i: usize) -> Option<Introduction> {
        let t = self.t;
        // Asked of every word: first whether the next one starts anything the entity data
        // knows (an adjective does), one look in the index.
        if !self.ix.knows(i + 1) || !t.is_word(i) {
            return None;
        }
        let f = t.folded(i);
        // The article, after at most a conjunction and a preposition: «والشمال»، «بالبادية».
        let b = f.as_bytes();
        let mut at = 0;
        if b.starts_with("و".as_bytes()) || b.starts_with("ف".as_bytes()) {
            at += 2;
        }
        if b[at..].starts_with("ب".as_bytes()) || b[at..].starts_with("ك".as_bytes()) {
            at += 2;
        }
        if !b[at..].starts_with("ال".as_bytes()) {
            return None;
        }
        let (clitics, head) = f.split_at(at);
        if !self.region_heads.contains(&head) {
            return None;
        }
        let (first, mut end) = self.adjective(i + 1)?;
        let mut countries = vec![first];
        if head == "الحدود" {
            let (second, after) = self.adjective(end)?;
            if second == countries[0] {
                return None;
            }
            countries.push(second);
            end = after;
            countries.sort();
        }
        // By the countries' ids («الحدود iq sy»): one id however the adjectives are ordered or
        // spelled, and no shorter form («الحدود السورية») to share.
        let bare = format!("{head} {}", countries.join(" "));
        Some(self.place_intro(i, clitics.chars().count(), end, Some(bare), None))
    }

    /// The places a plural head lists, each introduced: «بلدات حمورية وحزة وسقبا»، «قريتي
    /// الزيتونة ورسم العبد»، «مدن دوما، حرستا وعربين».
    fn place_list(&self, i: usize) -> Vec<Introduction> {
        let t = self.t;
        let mut out = Vec::new();
        let Some(head) =
            self.ix.find_indefinite(t, i, |p| matches!(p, Phrase::Word(NameWord::PlaceList)).then_some(()))
        else {
            return out;
        };
        if i > 0 && t.is_digits(i - 1) {
            return out;
        }
        let mut j = head.end;
        let mut listed = 0;
        for n in 0..10 {
            if !self.continues(j) || !t.is_word(j) {
                break;
            }
            // Later items carry «و» («وحزة») or follow a comma.
            let f = t.folded(j);
            let dropped = usize::from(n > 0 && f.starts_with('و') && f.chars().count() > 2);
            if n > 0 && dropped == 0 && !(j > 0 && (t.is_punct(j - 1, '،') || t.is_punct(j - 1, ','))) {
                break;
            }
            let word = &f[f.char_indices().nth(dropped).map_or(f.len(), |(b, _)| b)..];
            if self.name(j).is_some() || self.ix.find(t, j, |p| matches!(p, Phrase::Place(..)).then_some(())).is_some()
            {
                // A place the gazetteer knows is its own mention.
                j = self.name(j).map_or(j + 1, |h| h.end);
            } else {
                // «بلدات حدودية» is border towns; «بلدات حمورية وحزة» names two: a word shaped
                // like an adjective is a name only in a list that goes on.
                let listed = self.continues(j + 1)
                    && (t.folded(j + 1).starts_with('و') || t.is_punct(j + 1, '،') || t.is_punct(j + 1, ','));
                let plain = !self.function_word(j)
                    && !self.date_or_number_word(j)
                    && self.word_hit(j, |w| w != NameWord::Compound).is_none()
                    && self.adjective(j).is_none()
                    && (!is_indefinite_nisba(word) || listed || n > 0)
                    && !starts_new_phrase(word)
                    && word.chars().count() >= 3;
                if !plain {
                    break;
                }
                let mut end = j + 1;
                let compound = self.word_hit(j, |w| w == NameWord::Compound).is_some();
                if self.continues(end)
                    && t.is_word(end)
                    && (compound || t.folded(end).starts_with("ال"))
                    && !t.folded(end).starts_with('و')
                    && self.name_word(end, true)
                {
                    end += 1;
                }
                let span = self.span(j, dropped, end - 1);
                let bare = folded_words_from(t, j, dropped, end);
                let alias = (end - j >= 2 || bare.starts_with("ال")).then(|| bare.clone());
                out.push(Introduction {
                    kind: EntityKind::Place,
                    span,
                    name: span,
                    name_text: bare.clone(),
                    bare,
                    alias,
                });
                j = end;
            }
            if j < t.len() && (t.is_punct(j, '،') || t.is_punct(j, ',')) {
                j += 1;
            }
            listed += 1;
        }
        // «مدن العالم»، «قرى المنطقة»: one word after a plural head is no list of names.
        if listed < 2 {
            out.clear();
        }
        out
    }

    /// An operation's name is always quoted: «“عملية درع الفرات”» or «عملية "نبع السلام"».
    fn operation(&self, i: usize, dropped: usize, j: usize) -> Option<Introduction> {
        let t = self.t;
        let quoted_before = i > 0 && is_quote(t, i - 1) && t.touching(i - 1);
        let quoted_after = is_quote(t, j);
        if !(quoted_before || quoted_after) {
            return None;
        }
        let first = if quoted_after { j + 1 } else { j };
        let mut k = first;
        while k < first + 5 && self.continues(k) && t.is_word(k) {
            k += 1;
        }
        if k == first || !is_quote(t, k) {
            return None;
        }
        let name = Span::new(t.tokens[first].start, t.tokens[k - 1].end);
        let bare = folded_words(t, first, k);
        Some(Introduction {
            kind: EntityKind::Event,
            span: self.span(i, dropped, k - 1),
            name,
            name_text: bare.clone(),
            alias: Some(bare.clone()),
            bare,
        })
    }

    /// «البرلمان» alone, in an article whose only qualified parliament is Iraq's, is Iraq's.
    fn bare_institutions(&self, mentions: &mut Vec<EntityMention>) -> Vec<BareHead> {
        let t = self.t;
        let mut found = Vec::new();
        let mut unresolved = Vec::new();
        let country = self.article_country(mentions);
        for i in 0..t.len() {
            let Some(h) = self.ix.find(t, i, |p| match p {
                Phrase::Institution(inst) if inst.bare => Some(inst.clone()),
                _ => None,
            }) else {
                continue;
            };
            let inst = h.value;
            let mut span = self.span(i, h.dropped, h.end - 1);
            if mentions.iter().any(|m| overlaps(m.span, span)) || self.adjective(h.end).is_some() {
                continue;
            }
            // «الجيش الوطني السوري»، «الجيش الشعبي»: an adjective that makes another body of it
            // (`other-body-adjectives`); it is not the country's army.
            if self.continues(h.end) && words("other-body-adjectives").contains(&t.folded(h.end)) {
                continue;
            }
            // «الشؤون الداخلية»، «السياسة الخارجية»: a definite adjective after its noun.
            if h.end == i + 1 && i > 0 && !t.breaks_before(i) && t.is_word(i - 1) && h.dropped == 0 {
                let before = t.folded(i - 1);
                if before.starts_with("ال") && !self.function_word(i - 1) && self.word(i - 1).is_none() {
                    continue;
                }
            }
            // «قوات النظام»: the regime's forces are its country's army.
            let mut emit = inst.key.clone();
            if &*inst.key == "regime" && i > 0 && !t.breaks_before(i) && h.dropped == 0 {
                let before = t.folded(i - 1).trim_start_matches('و');
                if words("regime-forces").contains(&before) {
                    span = self.span(i - 1, usize::from(t.folded(i - 1).starts_with('و')), h.end - 1);
                    emit = "army".into();
                }
            }
            let suffix = format!("-{}", inst.key);
            let mut countries = mentions.iter().filter(|m| m.how == How::Institution && m.id.ends_with(&suffix));
            let resolved = match countries.next() {
                Some(only) if !countries.any(|m| m.id != only.id) => {
                    Some(only.id[..only.id.len() - suffix.len()].to_string())
                }
                Some(_) => continue,
                None => None,
            };
            match resolved {
                Some(c) => found.push(EntityMention {
                    span,
                    id: format!("{c}-{emit}").into(),
                    kind: EntityKind::Org,
                    how: How::BareInstitution,
                }),
                // Qualified nowhere here: the workspace may qualify it, else the article's country.
                None => unresolved.push(BareHead {
                    span,
                    key: inst.key.clone(),
                    emit,
                    fallback: inst.local.then(|| country.clone()).flatten(),
                }),
            }
        }
        mentions.extend(found);
        mentions.sort_by_key(|m| m.span.start);
        unresolved
    }

    /// The country an article is about: the one most of its named places are in, when it has
    /// at least two of them and more than half.
    fn article_country(&self, mentions: &[EntityMention]) -> Option<Arc<str>> {
        let mut counts: Vec<(Arc<str>, usize)> = Vec::new();
        let mut total = 0;
        for m in mentions.iter().filter(|m| m.kind == EntityKind::Place) {
            let Some(c) = self.gaz.country_of(&m.id) else { continue };
            total += 1;
            match counts.iter_mut().find(|(k, _)| k == c) {
                Some((_, n)) => *n += 1,
                None => counts.push((c.clone(), 1)),
            }
        }
        let (c, n) = counts.into_iter().max_by_key(|(_, n)| *n)?;
        (n >= 2 && 2 * n > total).then_some(c)
    }
}

/// A preposition or noun of place before a name (folded): «في»، «إلى»، «قرب»، «ريف»،
/// «شمال»…: what follows it is a place.
pub(crate) fn locative(folded: &str) -> bool {
    matches!(
        folded,
        "في" | "وفي"
            | "الي"
            | "والي"
            | "من"
            | "ومن"
            | "علي"
            | "وعلي"
            | "قرب"
            | "بقرب"
            | "وقرب"
            | "نحو"
            | "داخل"
            | "حول"
            | "عند"
            | "اطراف"
            | "محيط"
            | "ضواحي"
            | "ريف"
            | "بريف"
            | "وريف"
            | "مدخل"
            | "جنوبي"
            | "شمالي"
            | "شرقي"
            | "غربي"
            | "شمال"
            | "جنوب"
            | "شرق"
            | "غرب"
            | "وسط"
            | "بين"
    )
}

/// How many letters the article takes at the start of a folded word, with a conjunction before
/// it: «الهيئة» 2, «والهيئة» 3; `None` for an indefinite word.
fn article_letters(folded: &str) -> Option<usize> {
    if folded.starts_with("ال") {
        Some(2)
    } else if folded.starts_with("وال") {
        Some(3)
    } else {
        None
    }
}

/// Whether a definite word is a plural noun, which after a name's definite term is the verb's
/// object, not an adjective of the name: «المواطنين»، «المتهمين»، «الانتخابات». A nisba's
/// plural («المصريين») is an adjective still.
fn definite_plural_noun(folded: &str) -> bool {
    let Some(stem) = folded.strip_prefix("ال") else { return false };
    stem.chars().count() >= 4
        && ["ين", "ون", "ات"].iter().any(|p| stem.ends_with(p))
        && !stem.ends_with("يين")
        && !stem.ends_with("يون")
}

/// A word that opens a new phrase rather than continuing a name: a conjunction before a
/// preposition («وبالتنسيق»), or a preposition before the article («للقوات»، «بالعراق»).
fn starts_new_phrase(folded: &str) -> bool {
    let rest = folded.trim_start_matches(['و', 'ف']);
    let conjunction = rest.len() < folded.len();
    let preposition = ['ب', 'ل', 'ك'].iter().any(|&p| rest.starts_with(p));
    (conjunction && preposition) || ["بال", "لل", "كال"].iter().any(|p| rest.starts_with(p))
}

/// An indefinite word with a nisba ending (ـي، ـية): «عسكرية»، «اتحادي» — an adjective, where
/// a name would be expected.
fn is_indefinite_nisba(folded: &str) -> bool {
    // «خطاي»: a long vowel before the final ي is no nisba.
    !folded.starts_with("ال")
        && folded.chars().count() >= 4
        && ((folded.ends_with('ي') && !folded.ends_with("اي")) || folded.ends_with("يه"))
}

/// Token `k` as written, without a conjunction «و» before it or any diacritic: «وعليّ» → «علي».
fn written_bare(t: &Tokens, k: usize) -> String {
    let w = t.original(k);
    let w = w.strip_prefix('و').unwrap_or(w);
    w.chars().filter(|&c| !crate::text::is_arabic_mark(c)).collect()
}

fn folded_words(t: &Tokens, from: usize, to: usize) -> String {
    folded_words_from(t, from, 0, to)
}

/// The folded words of tokens `from..to`, less `dropped` clitic letters of the first.
fn folded_words_from(t: &Tokens, from: usize, dropped: usize, to: usize) -> String {
    let mut words: Vec<&str> = (from..to).filter(|&k| t.is_word(k)).map(|k| t.folded(k)).collect();
    if let Some(first) = words.first_mut() {
        let cut = first.char_indices().nth(dropped).map_or(first.len(), |(b, _)| b);
        *first = &first[cut..];
    }
    words.join(" ")
}

fn t_breaks(t: &Tokens, i: usize) -> bool {
    t.breaks_before(i)
}

pub(crate) fn overlaps(a: Span, b: Span) -> bool {
    a.start < b.end && b.start < a.end
}

/// The highest-priority, then longest, candidates that do not overlap, in text order.
fn keep_non_overlapping(mut candidates: Vec<(u8, EntityMention)>) -> Vec<EntityMention> {
    candidates
        .sort_by_key(|(p, m)| (std::cmp::Reverse(*p), std::cmp::Reverse(m.span.end - m.span.start), m.span.start));
    let mut kept: Vec<EntityMention> = Vec::new();
    for (_, m) in candidates {
        let at = kept.partition_point(|k| k.span.start < m.span.start);
        let clash = kept.get(at).is_some_and(|k| overlaps(k.span, m.span))
            || at.checked_sub(1).and_then(|p| kept.get(p)).is_some_and(|k| overlaps(k.span, m.span));
        if !clash {
            kept.insert(at, m);
        }
    }
    kept
}

/// How firmly the words around a place name that is also an everyday word make it a place.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Placed {
    /// Enough for its reading: a head, a list of places, a direction after it…
    Yes,
    /// A preposition of place, or «أهالي»، «حي»… only: enough once the article has placed the
    /// name elsewhere.
    ByPreposition,
    No,
}

/// Sentences end at . ! ? ؟ ؛ (not a decimal point) and at line breaks.
fn sentences(t: &Tokens) -> Vec<Span> {
    let mut out = Vec::new();
    let mut start: Option<usize> = None;
    for i in 0..t.len() {
        if t.breaks_before(i)
            && let Some(s) = start.take()
        {
            out.push(Span::new(t.tokens[s].start, t.tokens[i - 1].end));
        }
        start.get_or_insert(i);
        let ends = t.kind(i) == Some(TokenKind::Punct)
            && matches!(t.folded(i).chars().next(), Some('.' | '!' | '?' | '؟' | '؛' | '…'))
            && !(t.touching(i) && i > 0 && t.touching(i - 1) && t.is_digits(i - 1) && t.is_digits(i + 1));
        if ends && let Some(s) = start.take() {
            out.push(Span::new(t.tokens[s].start, t.tokens[i].end));
        }
    }
    if let Some(s) = start {
        out.push(Span::new(t.tokens[s].start, t.tokens[t.len() - 1].end));
    }
    out
}

/// A person's name with its kunya in the nominative, folded: «أبا محمد الجولاني» and «أبي
/// محمد الجولاني» (after a verb or a preposition) are «أبو محمد الجولاني», one person.
fn nominative_kunya(name: &str) -> String {
    let mut words: Vec<&str> = name.split(' ').collect();
    let last = words.len().saturating_sub(1);
    for w in &mut words[..last] {
        if matches!(*w, "ابي" | "ابا") {
            *w = "ابو";
        }
    }
    words.join(" ")
}
