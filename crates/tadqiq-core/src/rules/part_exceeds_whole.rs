//! `part-exceeds-whole`: a part larger than its whole, or parts that add up to more.

use super::{Finding, Related, Rule, Scope, Severity, quote};
use crate::claims::keys::{ClaimData, Kind, sentence_of};
use crate::claims::{said, work};
use crate::extract::{Figure, MentionKind, Span, format_number};
use crate::messages::msg;
use crate::text::fold;
use crate::workspace::Workspace;

pub const RULE: Rule = Rule { code: "part-exceeds-whole", default: Severity::Warning, check };

/// A figure of a source with what it measures (see [`crate::claims::keys`]), when known.
struct Counted<'d> {
    span: Span,
    figure: &'d Figure,
    event: Option<&'d str>,
    thing: Option<&'d str>,
}

/// A whole is a figure followed, in its clause, by «بينهم» (or another marker) and a figure: its
/// parts are that figure and the ones joined to it by «و» alone («بينهم 6 أطفال و5 نساء»). The
/// list ends where anything else stands between two figures: «أربعة قتلى، بينهم طفلتان، وإصابة
/// ثلاثين» lists one part, and the thirty injured are not part of the four killed.
///
/// Cost: each figure is looked at as a whole once and as a part of at most one list, with
/// the text between neighbours read once: linear in the source.
fn check(ws: &Workspace, scope: Scope, out: &mut Vec<Finding>) {
    for (path, doc) in scope.docs(ws) {
        let cached = crate::claims::keyed(ws, doc);
        let mut measured: rustc_hash::FxHashMap<usize, &ClaimData> = rustc_hash::FxHashMap::default();
        for c in cached.claims.iter().filter(|c| c.kind == Kind::Figures) {
            measured.insert(c.mention, c);
        }
        let figures: Vec<Counted> = doc
            .analysis
            .mentions
            .iter()
            .enumerate()
            .filter_map(|(k, m)| match &m.kind {
                MentionKind::Figure(f) => {
                    let c = measured.get(&k);
                    Some(Counted {
                        span: m.span,
                        figure: f,
                        event: c.and_then(|c| c.event.as_deref()),
                        thing: c.and_then(|c| c.thing.as_deref()),
                    })
                }
                _ => None,
            })
            .collect();
        let mut w = 0;
        while w < figures.len() {
            work(1);
            let whole = &figures[w];
            let Some(first) = figures.get(w + 1) else { break };
            let Some(sentence) = sentence_of(&doc.local, whole.span) else {
                w += 1;
                continue;
            };
            if first.span.end > sentence.end || !opens_parts(&doc.text[whole.span.end..first.span.start]) {
                w += 1;
                continue;
            }
            let mut end = w + 2;
            while end < figures.len()
                && figures[end].span.end <= sentence.end
                && joins(&doc.text[figures[end - 1].span.end..figures[end].span.start])
            {
                work(1);
                end += 1;
            }
            // «بحضور ثلاثين شاعرا من اثنتي عشرة دولة، بينهم 40 شاعرا»: the whole is the count of
            // the parts' own noun earlier in the sentence, not the countries next to them
            // (nouns no list knows; «في 2613 مركزا، بينهم 188 ألف مترشح» after «862 ألف مترشح»).
            // «12 ألف عداء من 70 جنسية، بينهم 3 آلاف امرأة»: a count right after «من» and
            // another count says where those come from; the whole is the count before it.
            let whole = match w.checked_sub(1).map(|p| &figures[p]) {
                Some(before)
                    if before.span.start >= sentence.start
                        && fold(doc.text[before.span.end..whole.span.start].trim()) == "من" =>
                {
                    before
                }
                _ => whole,
            };
            let whole = match (whole.thing, first.thing) {
                (None, None) if whole.figure.unit.is_some() && !same_noun(whole, first) => figures[..w]
                    .iter()
                    .rev()
                    .take_while(|e| e.span.start >= sentence.start)
                    .find(|e| e.thing.is_none() && same_noun(e, first))
                    .unwrap_or(whole),
                _ => whole,
            };
            // «ونقل المصابون إلى أربعة مستشفيات، بينهم ١٢ طفلا»: people are among the people the
            // sentence counted before, never among a count of things («ـات», a plural no person
            // has), which the marker does not point back to.
            let people = |c: &Counted| c.thing.is_some_and(|t| t.starts_with("people"));
            let whole = match (whole.thing, people(first)) {
                (None, true) if whole.figure.unit.is_some() => {
                    let earlier =
                        figures[..w].iter().rev().take_while(|e| e.span.start >= sentence.start).find(|e| people(e));
                    match earlier {
                        Some(e) => e,
                        None if whole.figure.unit.as_deref().is_some_and(|u| fold(u).ends_with("ات")) => {
                            w += 1;
                            continue;
                        }
                        None => whole,
                    }
                }
                _ => whole,
            };
            let parts: Vec<&Counted> = figures[w + 1..end].iter().filter(|p| one_measure(whole, p)).collect();
            judge(path, doc, whole, &parts, out);
            w += 1;
        }
    }
}

/// Findings for one whole and its parts.
fn judge(path: &str, doc: &crate::workspace::Doc, whole: &Counted, parts: &[&Counted], out: &mut Vec<Finding>) {
    let interval = |f: &Figure| said::interval(f.value, f.upper, f.bound);
    let (_, whole_max) = interval(whole.figure);
    let quote_whole = quote(doc, whole.span);
    for part in parts {
        if interval(part.figure).0 > whole_max {
            let message =
                msg("rule.part-exceeds-whole.part", &[("quote", &quote(doc, part.span)), ("whole", &quote_whole)]);
            let related = vec![Related::new(path, whole.span, msg("rule.part-exceeds-whole.the-whole", &[]))];
            out.push(Finding::of(&RULE, path, part.span, message, related));
        }
    }
    let sum: f64 = parts.iter().map(|p| interval(p.figure).0).sum();
    if parts.len() >= 2 && sum > whole_max && parts.iter().all(|p| interval(p.figure).0 <= whole_max) {
        let listed: Vec<String> = parts.iter().map(|p| format!("«{}»", quote(doc, p.span))).collect();
        let message = msg(
            "rule.part-exceeds-whole.whole",
            &[("quote", &quote_whole), ("parts", &listed.join(" + ")), ("sum", &format_number(sum))],
        );
        let related =
            parts.iter().map(|p| Related::new(path, p.span, msg("rule.part-exceeds-whole.a-part", &[]))).collect();
        out.push(Finding::of(&RULE, path, whole.span, message, related));
    }
}

/// Whether a part can be a part of a whole: the same event, if both name one (the injured are
/// not part of the killed), and things of one kind (people of any group among people; not
/// aircraft among soldiers).
fn one_measure(whole: &Counted, part: &Counted) -> bool {
    if let (Some(a), Some(b)) = (whole.event, part.event)
        && a != b
    {
        return false;
    }
    match (whole.thing, part.thing) {
        (Some(a), Some(b)) => a == b || (a.starts_with("people") && b.starts_with("people")),
        _ => true,
    }
}

/// A counted noun without its article, its case and number endings: «المترشحين» → «مترشح».
fn stem(unit: &str) -> String {
    let word = fold(unit.split_whitespace().next().unwrap_or(""));
    let word = word.strip_prefix("ال").filter(|w| w.chars().count() >= 2).unwrap_or(&word);
    let word = ["ين", "ون", "ات", "ا", "ه"].iter().find_map(|e| word.strip_suffix(e)).unwrap_or(word);
    word.to_string()
}

/// Whether two counted nouns are one noun, inflected or not («شاعرا»، «شعراء» aside).
fn same_noun(a: &Counted, b: &Counted) -> bool {
    match (&a.figure.unit, &b.figure.unit) {
        (Some(x), Some(y)) => {
            let (x, y) = (stem(x), stem(y));
            !x.is_empty() && !y.is_empty() && (x.starts_with(&y) || y.starts_with(&x))
        }
        _ => false,
    }
}

/// Whether the text between a figure and the next opens a list of its parts: a marker among
/// its last two words, and at most five words in all («، بينهم»، «في الهجوم، من بينهم»).
fn opens_parts(between: &str) -> bool {
    // Every marker is written with «بين»، «من»، «في» or «ضمن»: skip the folding where none is.
    if !["بين", "من", "في", "ضمن"].iter().any(|m| between.contains(m)) {
        return false;
    }
    // «10 سنوات لكل واحد منهم، و9 متهمين»: a comma after the marker ends its phrase.
    let after_marker = between.rsplit(['،', ',']).next().unwrap_or(between);
    if after_marker.len() < between.len() && words(after_marker).iter().all(|w| w == "و") {
        return false;
    }
    // «ويستفيد منها 100 ألف مواطن»، «استفاد منها 2000 مواطن»: «منها» right after another word
    // of its clause is what a verb takes, not «of which» (the claims read it so too); after a
    // comma it opens the parts («9,8 ملايين قنطار من الحبوب، منها 10,6 ملايين»).
    // So after a verb with a word after it: «ولم ينجُ منهم سوى 12» counts who survived of them.
    let clause = self::words(after_marker);
    if let [.., before, marker, _] | [.., before, marker] = clause.as_slice()
        && crate::claims::keys::taken_from_it(before, marker)
    {
        return false;
    }
    let words = words(between);
    words.len() <= 5
        && words.iter().rev().take(2).any(|w| {
            let w = w.trim_start_matches(['و', 'ف']);
            {
                // Words that open a list of parts: «بينهم»، «منهم»، «ضمنهم»، «بمن فيهم».
                let parts = crate::lexicon::words("parts");
                parts.contains(&w) || parts.iter().any(|m| w.strip_prefix('ب').or(w.strip_prefix('ل')) == Some(m))
            }
        })
}

/// Whether two figures of a list of parts are joined by «و» and nothing else.
fn joins(between: &str) -> bool {
    let words = words(between);
    match words.as_slice() {
        [] => between.trim_end().ends_with('و'),
        [w] => w == "و",
        _ => false,
    }
}

fn words(text: &str) -> Vec<String> {
    text.split(|c: char| c.is_whitespace() || c.is_ascii_punctuation() || c == '،')
        .filter(|w| !w.is_empty())
        .map(fold)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::super::test_support::run;
    use super::*;

    #[test]
    fn a_part_larger_than_the_whole() {
        assert_eq!(
            run(&RULE, &[("a", "ينتشر 3000 جندي، بينهم 3500 أمريكي في البلاد.", None)]),
            ["a «3500 أمريكي» is more than the whole it belongs to, «3000 جندي»."]
        );
    }

    #[test]
    fn from_it_after_a_verb_is_no_list_of_parts() {
        // Those who benefit from the plots are not some of the plots.
        let benefit = "خصصت الوزارة 500 قطعة أرض، استفاد منها 2000 مواطن.";
        assert!(run(&RULE, &[("a", benefit, None)]).is_empty());
        let flats = "تتراوح مساحة الشقق بين 75 و90 مترا مربعا، ويستفيد منها قرابة 100 ألف مواطن.";
        assert!(run(&RULE, &[("a", flats, None)]).is_empty());
        // Nor after a verb with an exception between: who survived of them all.
        let survived = "وكانت العبارة تقل 90 شخصا، بينهم 84 راكبا و6 من البحارة، ولم ينجُ منهم سوى عشرة أشخاص.";
        assert!(run(&RULE, &[("a", survived, None)]).is_empty());
        // «منهم» after the count, or a comma, opens the parts.
        assert_eq!(run(&RULE, &[("a", "قتل 12 شخصا منهم 15 طفلا.", None)]).len(), 1);
        assert_eq!(run(&RULE, &[("a", "وأصيب 30 شخصا، منهم 40 امرأة.", None)]).len(), 1);
        let grain = "تم تجميع 9 ملايين قنطار من الحبوب، منها 11 مليون قنطار من القمح.";
        assert_eq!(run(&RULE, &[("a", grain, None)]).len(), 1);
    }

    #[test]
    fn the_whole_is_the_count_of_the_parts_own_noun() {
        // Poets from twelve countries, forty of them from abroad: more than the thirty poets.
        let poets = "بحضور ثلاثين شاعرا من اثنتي عشرة دولة، بينهم 40 شاعرا من خارج البلاد.";
        assert_eq!(
            run(&RULE, &[("a", poets, None)]),
            ["a «40 شاعرا» is more than the whole it belongs to, «ثلاثين شاعرا»."]
        );
        // Where the whole comes from is no whole: runners of 70 nationalities, 3,000 of them women.
        let runners = "شارك في السباق نحو 12 ألف عداء من 70 جنسية، بينهم قرابة 3 آلاف امرأة.";
        assert!(run(&RULE, &[("a", runners, None)]).is_empty());
        let runners = "شارك في السباق نحو 12 ألف عداء من 70 جنسية، بينهم 15 ألف امرأة.";
        assert_eq!(run(&RULE, &[("a", runners, None)]).len(), 1);
        // Defendants held and at large are defendants, though the nouns differ.
        let defendants = "وأحالت النيابة 31 متهما إلى المحاكمة، بينهم 24 محبوسا و9 هاربين.";
        assert_eq!(run(&RULE, &[("a", defendants, None)]).len(), 1);
    }

    #[test]
    fn parts_that_add_up_to_more() {
        assert_eq!(
            run(&RULE, &[("a", "قتل 10 أشخاص، من بينهم 6 أطفال و5 نساء.", None)]),
            ["a «10 أشخاص» is less than its parts: «6 أطفال» + «5 نساء» add up to 11."]
        );
    }

    #[test]
    fn consistent_parts_and_unrelated_figures_pass() {
        assert!(run(&RULE, &[("a", "ينتشر نحو 3000 جندي للتحالف، بينهم 2500 أمريكي.", None)]).is_empty());
        assert!(run(&RULE, &[("a", "قتل 10 أشخاص وأصيب 30 آخرون.", None)]).is_empty());
        assert!(run(&RULE, &[("a", "قتل 10 أشخاص. وبينهم وبين الحدود 30 كيلومترا.", None)]).is_empty());
        // Nouns no list knows: centres, then candidates among all of them.
        let centres = "اجتاز الامتحان 540 ألف مترشح في 1900 مركز، بينهم نحو 120 ألف مترشح حر.";
        assert!(run(&RULE, &[("a", centres, None)]).is_empty());
        // «منهم» ended by a comma opens no list.
        let each = "وقضت بسجن أربعة متهمين 5 سنوات لكل واحد منهم، و7 متهمين بسنة حبسا.";
        assert!(run(&RULE, &[("a", each, None)]).is_empty());
    }

    #[test]
    fn a_list_of_parts_ends_where_its_clause_does() {
        // The thirty injured are not among the four killed.
        let injured = "وأسفر الانفجار عن سقوط أربعة قتلى، بينهم طفلتان، وإصابة ثلاثين شخصا بجروح.";
        assert!(run(&RULE, &[("a", injured, None)]).is_empty());
        // Three perpetrators' tolls, each with its own parts: no part of one is of another.
        let tolls = "ووثق المرصد مقتل 500 مدني بينهم 100 طفل على يد قوات النظام، و300 مدني بينهم 50 طفلا على يد \
                     الطيران الروسي، و200 على يد الفصائل.";
        assert!(run(&RULE, &[("a", tolls, None)]).is_empty());
        // Parts of another measure: aircraft are not among soldiers.
        // «بينهم» points back to people, never to a count of things.
        let hospitals = "ونقل المصابون إلى أربعة مستشفيات في المدينة، بينهم 12 طفلا و9 نساء.";
        assert!(run(&RULE, &[("a", hospitals, None)]).is_empty());
        let injured = "ونقل 64 مصابا إلى أربعة مستشفيات، بينهم 70 طفلا.";
        assert_eq!(run(&RULE, &[("a", injured, None)]).len(), 1);
        let aircraft = "ونشرت الدولة 40 جنديا بينهم 60 طائرة.";
        assert!(run(&RULE, &[("a", aircraft, None)]).is_empty());
        // Parts joined by «و» still add up.
        assert_eq!(
            run(&RULE, &[("a", "أجلي 5000 شخص بينهم 3000 طفل و2500 امرأة من البلدة.", None)]),
            ["a «5000 شخص» is less than its parts: «3000 طفل» + «2500 امرأة» add up to 5500."]
        );
    }
}
