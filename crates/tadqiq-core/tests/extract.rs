//! Extraction on real Arabic news sentences: every form the grammar promises, with exact spans
//! and values, and the things it must not take for dates or figures.

use tadqiq_core::analysis::{PublishedSource, analyse};
use tadqiq_core::calendar::{DateValue, hijri_to_gregorian};
use tadqiq_core::extract::{Mention, MentionKind, Span, extract};
use tadqiq_core::lexicon::{Bound, LEXICON};

/// Every mention in `text` as `kind «text» value`, in order. The text is the mention's span, so
/// a wrong span fails the comparison.
fn found(text: &str) -> Vec<String> {
    found_published(text, None)
}

fn found_published(text: &str, published: Option<&str>) -> Vec<String> {
    let given = published.map(|p| (DateValue::parse(p).expect("a date"), PublishedSource::Flag));
    analyse(text, given).mentions.iter().map(|m| render(text, m)).collect()
}

fn render(text: &str, m: &Mention) -> String {
    let t = &text[m.span.start..m.span.end];
    match &m.kind {
        MentionKind::Date(d) => {
            let value = match (d.value, d.invalid) {
                (_, true) => "invalid".to_string(),
                (Some(v), _) => v.to_string(),
                (None, _) => "null".to_string(),
            };
            let mut s = format!("date «{t}» {value}");
            if let Some(p) = &d.paired {
                let pv = p.value.map_or("null".into(), |v| v.to_string());
                s += &format!(" | «{}» {pv}", &text[p.span.start..p.span.end]);
            }
            s
        }
        MentionKind::Figure(f) => {
            let mut s = format!("figure «{t}» {}", f.amount());
            if let Some(u) = &f.unit {
                s += &format!(" {u}");
            }
            if f.bound != Bound::Exact {
                s += &format!(" ~{}", f.bound.as_str());
            }
            s
        }
        MentionKind::Duration(d) => {
            let mut s = format!("duration «{t}» {}", d.iso());
            if d.approx() {
                s += &format!(" ~{}", d.bound.as_str());
            }
            s
        }
    }
}

/// The figures and durations in `text`, as [`found`] renders them.
fn quantities(text: &str) -> Vec<String> {
    found(text).into_iter().filter(|m| !m.starts_with("date")).collect()
}

fn span_of(text: &str, needle: &str) -> Span {
    let start = text.find(needle).unwrap_or_else(|| panic!("{needle:?} not in {text:?}"));
    Span::new(start, start + needle.len())
}

// ---- dates -------------------------------------------------------------------------------

#[test]
fn every_gregorian_month_of_every_tradition() {
    for (form, month, tradition) in &LEXICON.months {
        let text = format!("وقع ذلك في 5 {form} 2020 بحسب المصادر");
        let want = format!("date «5 {form} 2020» 2020-{month:02}-05");
        assert_eq!(found(&text), [want], "{tradition} {form}");
        let text = format!("منذ {form} 2019");
        assert_eq!(found(&text), [format!("date «{form} 2019» 2019-{month:02}")], "{tradition} {form}");
    }
    let traditions: std::collections::BTreeSet<_> = LEXICON.months.iter().map(|m| m.2.as_str()).collect();
    assert_eq!(traditions.into_iter().collect::<Vec<_>>(), ["egyptian", "levantine", "maghrebi", "moroccan"]);
    for month in 1..=12 {
        for tradition in ["egyptian", "levantine"] {
            assert!(LEXICON.months.iter().any(|m| m.1 == month && m.2 == tradition), "{tradition} {month}");
        }
    }
}

#[test]
fn every_hijri_month_converts_with_umm_al_qura() {
    for (form, month) in &LEXICON.hijri_months {
        let text = format!("في 15 {form} 1442 هـ");
        let (y, m, d) = hijri_to_gregorian(1442, *month, 15).unwrap();
        assert_eq!(found(&text), [format!("date «15 {form} 1442 هـ» {y}-{m:02}-{d:02}")], "{form}");
    }
    assert_eq!(found("حلّ 15 رمضان 1442 هـ"), ["date «15 رمضان 1442 هـ» 2021-04-27"]);
    // «غرة» is the first day of a lunar month.
    assert_eq!(found("غرة شوال 1442هـ"), ["date «غرة شوال 1442هـ» 2021-05-13"]);
}

#[test]
fn hijri_and_gregorian_pairs_keep_both() {
    assert_eq!(
        found("صدر في 24 صفر 1439 هـ - 13 نوفمبر 2017 م."),
        ["date «24 صفر 1439 هـ - 13 نوفمبر 2017 م» 2017-11-13 | «13 نوفمبر 2017 م» 2017-11-13"]
    );
    assert_eq!(
        found("الثلاثاء 15 رمضان 1442 هـ الموافق 27 أبريل 2021 م"),
        ["date «الثلاثاء 15 رمضان 1442 هـ الموافق 27 أبريل 2021 م» 2021-04-27 | «27 أبريل 2021 م» 2021-04-27"]
    );
    // A stated equivalent that disagrees is kept as written, for calendar-mismatch.
    assert_eq!(
        found("15 رمضان 1442 هـ (27 مايو 2021)"),
        ["date «15 رمضان 1442 هـ (27 مايو 2021)» 2021-04-27 | «27 مايو 2021» 2021-05-27"]
    );
    // «الموافق لـ»: the preposition cut off before the equivalent.
    assert_eq!(
        found("الاثنين 19 محرم 1447 الموافق لـ 14 جويلية 2025"),
        ["date «الاثنين 19 محرم 1447 الموافق لـ 14 جويلية 2025» 2025-07-14 | «14 جويلية 2025» 2025-07-14"]
    );
}

#[test]
fn lamasa_is_no_yesterday() {
    // «لامس» (touched) folds as «ل» on «أمس»; yesterday never takes «ل».
    assert_eq!(found_published("إذ لامس الزئبق 43 درجة", Some("2025-09-08")), ["figure «43 درجة» 43 درجة"]);
    assert_eq!(found_published("وقال بالأمس إن", Some("2025-09-08")), ["date «الأمس» 2025-09-07"]);
}

#[test]
fn hijri_month_names_need_a_day_or_year() {
    assert_eq!(found("حصل على صفر من الأصوات"), Vec::<String>::new());
    assert_eq!(found("قال رمضان عبد الله إن"), Vec::<String>::new());
    // «شهر» before it makes it the month: of the year of publication, resolved like a holiday.
    assert_eq!(found("في شهر رمضان"), ["date «شهر رمضان» null"]);
    assert_eq!(found("في 27 رمضان"), ["date «27 رمضان» null"]);
}

#[test]
fn day_month_year_forms() {
    assert_eq!(found("وفي 3 يناير 2020، شنت"), ["date «3 يناير 2020» 2020-01-03"]);
    assert_eq!(found("حتى 31 من ديسمبر 2021"), ["date «31 من ديسمبر 2021» 2021-12-31"]);
    assert_eq!(found("في الخامس من كانون الأول 2021"), ["date «الخامس من كانون الأول 2021» 2021-12-05"]);
    assert_eq!(found("هجمات الحادي عشر من سبتمبر 2001"), ["date «الحادي عشر من سبتمبر 2001» 2001-09-11"]);
    assert_eq!(found("في 26 آب"), ["date «26 آب» --08-26"]);
    assert_eq!(found("وصل في 18 ديسمبر 2011م"), ["date «18 ديسمبر 2011م» 2011-12-18"]);
    // The era letter on the next line is not this date's, whatever ends the line.
    for brk in ["\n", "\r\n", "\r"] {
        let text = format!("وصل في 18 ديسمبر 2011{brk}م");
        assert_eq!(found(&text), ["date «18 ديسمبر 2011» 2011-12-18"], "{brk:?}");
    }
    assert_eq!(found("فِي 5 يَنَايِرَ 2020"), ["date «5 يَنَايِرَ 2020» 2020-01-05"]);
    assert_eq!(found("في 5 يـنـايـر 2020"), ["date «5 يـنـايـر 2020» 2020-01-05"]);
    assert_eq!(found("في ٥ يناير ٢٠٢٠"), ["date «٥ يناير ٢٠٢٠» 2020-01-05"]);
    assert_eq!(found("في ۵ اكتوبر ۲۰۲۰"), ["date «۵ اكتوبر ۲۰۲۰» 2020-10-05"]);
}

#[test]
fn the_month_noun_and_the_year_noun_stay_inside_a_date() {
    // «شهر» between the day and the month's name.
    assert_eq!(found("تنتهي المهلة في 20 من شهر تموز 2024"), ["date «20 من شهر تموز 2024» 2024-07-20"]);
    assert_eq!(found("وصل الخبراء في السابع من شهر فبراير"), ["date «السابع من شهر فبراير» --02-07"]);
    assert_eq!(found("بين 8 و9 من شهر مايو 2019"), ["date «8» 2019-05-08", "date «9 من شهر مايو 2019» 2019-05-09"]);
    // «عام»، «العام»، «سنة» and the year after a month, with or without «من».
    assert_eq!(found("تأسس الحزب في 4 نيسان عام 1947"), ["date «4 نيسان عام 1947» 1947-04-04"]);
    assert_eq!(found("افتتح الجسر في أكتوبر العام 2009"), ["date «أكتوبر العام 2009» 2009-10"]);
    assert_eq!(found("صدر الحكم في 30 يونيو سنة 2013"), ["date «30 يونيو سنة 2013» 2013-06-30"]);
    assert_eq!(
        found("بدأت المفاوضات في السادس من شهر آب من عام 2015"),
        ["date «السادس من شهر آب من عام 2015» 2015-08-06"]
    );
    let published = Some("2021-03-10");
    assert_eq!(
        found_published("زار المدينة في 3 أيلول العام الماضي", published),
        ["date «3 أيلول العام الماضي» 2020-09-03"]
    );
    // Not a year written on «و»: May, and then last year.
    assert_eq!(found_published("في أيار والعام الماضي", published), ["date «أيار» --05", "date «العام الماضي» 2020"]);
    // «شهر» not before a month's name is not a date's.
    assert_eq!(found("بعد 3 أشهر من شهر العسل"), ["duration «3 أشهر» P3M"]);
}

#[test]
fn weekday_with_a_date_is_one_mention() {
    let text = "أعلن الخميس 9 ديسمبر 2021 انتهاء المهمة";
    let ms = extract(text);
    assert_eq!(ms.len(), 1);
    assert_eq!(ms[0].span, span_of(text, "الخميس 9 ديسمبر 2021"));
    let MentionKind::Date(d) = &ms[0].kind else { panic!() };
    assert_eq!(d.weekday, Some(4));
    assert_eq!(d.value, Some(DateValue::ymd(2021, 12, 9)));
    assert_eq!(found("يوم الأحد، 5 يناير 2020"), ["date «يوم الأحد، 5 يناير 2020» 2020-01-05"]);
    assert_eq!(found("يوم 5 جانفي 2020"), ["date «يوم 5 جانفي 2020» 2020-01-05"]);
    // A weekday set off by commas after the date is the date's (not a Tuesday of its own).
    let text = "وفي 24 يناير 2023، يوم الثلاثاء، أعلنت الوزارة";
    let ms = extract(text);
    assert_eq!(ms.len(), 1);
    assert_eq!(ms[0].span, span_of(text, "24 يناير 2023، يوم الثلاثاء"));
    let MentionKind::Date(d) = &ms[0].kind else { panic!() };
    assert_eq!((d.weekday, d.value), (Some(2), Some(DateValue::ymd(2023, 1, 24))));
    // A new clause after the comma keeps its own weekday.
    assert_eq!(found("وصل في 24 يناير 2023، والثلاثاء غادر").len(), 2);
    // Two weekdays and two days: the second weekday is not the first day's.
    let text = "تهطل الأمطار يومي الجمعة والسبت 6 و7 سبتمبر 2024";
    let ms = extract(text);
    let dated: Vec<_> = ms
        .iter()
        .filter_map(|m| match &m.kind {
            MentionKind::Date(d) => Some((&text[m.span.start..m.span.end], d.weekday, d.value)),
            _ => None,
        })
        .collect();
    assert_eq!(
        dated,
        [
            ("يومي الجمعة", Some(5), None),
            ("السبت", Some(6), None),
            ("6", None, Some(DateValue::ymd(2024, 9, 6))),
            ("7 سبتمبر 2024", None, Some(DateValue::ymd(2024, 9, 7)))
        ]
    );
}

#[test]
fn paired_month_names() {
    assert_eq!(
        found("ومنذ ديسمبر/كانون الأول 2021، عندما"),
        ["date «ديسمبر/كانون الأول 2021» 2021-12 | «كانون الأول» 2021-12"]
    );
    assert_eq!(found("في 26 تموز (يوليو)، اتفقت"), ["date «26 تموز (يوليو)» --07-26 | «يوليو» --07-26"]);
    assert_eq!(found("في كانون الأول / ديسمبر 2021"), ["date «كانون الأول / ديسمبر 2021» 2021-12 | «ديسمبر» 2021-12"]);
    assert_eq!(
        found("في 7 أكتوبر/تشرين الأول 2023 في"),
        ["date «7 أكتوبر/تشرين الأول 2023» 2023-10-07 | «تشرين الأول» 2023-10-07"]
    );
    // Mismatched pairs are kept as written (calendar-mismatch reads both).
    assert_eq!(
        found("في ديسمبر/كانون الثاني 2021"),
        ["date «ديسمبر/كانون الثاني 2021» 2021-12 | «كانون الثاني» 2021-01"]
    );
    assert_eq!(found("26 تموز (يونيو)"), ["date «26 تموز (يونيو)» --07-26 | «يونيو» --06-26"]);
    // Two names of one tradition are the ends of a range, not a pair.
    assert_eq!(found("في الفترة يناير-مارس 2025 ارتفع"), ["date «يناير» 2025-01", "date «مارس 2025» 2025-03"]);
    assert!(found("خلال الربع الثالث (يوليو - سبتمبر) ارتفع").iter().all(|d| !d.contains('|')));
}

#[test]
fn numeric_dates_in_any_digits() {
    assert_eq!(found("بتاريخ 31/12/2021"), ["date «31/12/2021» 2021-12-31"]);
    assert_eq!(found("بتاريخ 2021-12-31"), ["date «2021-12-31» 2021-12-31"]);
    assert_eq!(found("بتاريخ 31.12.2021"), ["date «31.12.2021» 2021-12-31"]);
    assert_eq!(found("بتاريخ ٣١/١٢/٢٠٢١"), ["date «٣١/١٢/٢٠٢١» 2021-12-31"]);
    assert_eq!(found("بتاريخ ۵/۱/۲۰۲۰"), ["date «۵/۱/۲۰۲۰» 2020-01-05"]);
    assert_eq!(found("العنوان 10.0.0.1"), Vec::<String>::new());
}

#[test]
fn years_in_date_context() {
    assert_eq!(found("منذ الغزو الأمريكي للعراق عام 2003، للبحث"), ["date «عام 2003» 2003"]);
    assert_eq!(found("بدأ في العام 2011، وهو العام الذي"), ["date «العام 2011» 2011"]);
    assert_eq!(found("في 2014 عادت"), ["date «2014» 2014"]);
    assert_eq!(found("منذ 2014، تقود واشنطن"), ["date «2014» 2014"]);
    assert_eq!(found("في نهاية عام 2017، بقيت"), ["date «نهاية عام 2017» 2017"]);
    assert_eq!(found("سنة 1990 للميلاد"), ["date «سنة 1990 للميلاد» 1990"]);
    assert_eq!(found("عام 1442 هـ"), ["date «عام 1442 هـ» 2020"]);
    assert_eq!(found("في 2011م"), ["date «2011م» 2011"]);
    assert_eq!(found("في 1442هـ"), ["date «1442هـ» 2020"]);
    assert_eq!(found("سنة 1443 ه"), ["date «سنة 1443 ه» 2021"]);
    assert_eq!(found("عام 2011 ميلادي"), ["date «عام 2011 ميلادي» 2011"]);
    assert_eq!(found("في 5 مايو 2011 ميلادية"), ["date «5 مايو 2011 ميلادية» 2011-05-05"]);
    // A troop count is never a year, even in the year range or after «في».
    assert_eq!(found("نشرت 3000 جندي"), ["figure «3000 جندي» 3000 جندي"]);
    assert_eq!(found("نشرت 2000 جندي"), ["figure «2000 جندي» 2000 جندي"]);
    assert_eq!(found("الإشراف العام"), Vec::<String>::new());
}

#[test]
fn relative_dates_resolve_against_publication() {
    let p = Some("2021-12-09"); // a Thursday
    assert_eq!(found_published("قال اليوم إن", p), ["date «اليوم» 2021-12-09"]);
    assert_eq!(found_published("وصل أمس", p), ["date «أمس» 2021-12-08"]);
    // «في مثل هذا اليوم» is this day of another year (an anniversary), not today.
    assert_eq!(found_published("في مثل هذا اليوم من عام 2011 سقط النظام", p), ["date «عام 2011» 2011"]);
    assert_eq!(found_published("وبمثل هذا اليوم", p), Vec::<String>::new());
    assert_eq!(found_published("يصل غدا", p), ["date «غدا» 2021-12-10"]);
    // «يوم غد» is tomorrow, its weekday after it the next one, not the last.
    assert_eq!(found_published("وتعقد الجلسة يوم غد الجمعة", p), ["date «يوم غد الجمعة» 2021-12-10"]);
    assert_eq!(found_published("وتعقد الجلسة مساء غد", p), ["date «مساء غد» 2021-12-10"]);
    assert_eq!(found_published("وصل أول أمس", p), ["date «أول أمس» 2021-12-07"]);
    assert_eq!(found_published("وصل أول من أمس الثلاثاء", p), ["date «أول من أمس الثلاثاء» 2021-12-07"]);
    assert_eq!(found_published("ظهر اليوم (الخميس)", p), ["date «اليوم (الخميس)» 2021-12-09"]);
    assert_eq!(found_published("خلال العام الماضي على", p), ["date «العام الماضي» 2020"]);
    assert_eq!(found_published("الشهر المقبل", p), ["date «الشهر المقبل» 2022-01"]);
    assert_eq!(found_published("الأسبوع الجاري", p), ["date «الأسبوع الجاري» 2021-W49"]);
    assert_eq!(found_published("في العام المنصرم", p), ["date «العام المنصرم» 2020"]);
    assert_eq!(found_published("نهاية هذا العام", p), ["date «نهاية هذا العام» 2021"]);
    assert_eq!(found_published("بحلول 31 ديسمبر الجاري", p), ["date «31 ديسمبر الجاري» 2021-12-31"]);
    assert_eq!(found_published("وفي 26 جويلية الماضي، اتفقت", p), ["date «26 جويلية الماضي» 2021-07-26"]);
    assert_eq!(found_published("نهاية العام الجاري", p), ["date «نهاية العام الجاري» 2021"]);
    assert_eq!(found_published("في مطلع أكتوبر الماضي", p), ["date «مطلع أكتوبر الماضي» 2021-10"]);
    assert_eq!(found_published("في شهر جويلية المنقضي", p), ["date «شهر جويلية المنقضي» 2021-07"]);
    // Tunisian «الفارط».
    assert_eq!(found_published("منذ شهر ماي الفارط", p), ["date «شهر ماي الفارط» 2021-05"]);
    // The dual after two months; «شهري» before them.
    assert_eq!(found_published("في شهري جوان وجويلية الماضيين", p)[1], "date «جويلية الماضيين» 2021-07");
    assert_eq!(found_published("خلال شهري سبتمبر وأكتوبر", p)[0], "date «شهري سبتمبر» --09");
    assert_eq!(found_published("قالت الحكومة، الأحد، إن", p), ["date «الأحد» 2021-12-05"]);
    assert_eq!(found_published("السبت الماضي", p), ["date «السبت الماضي» 2021-12-04"]);
    // «اليوم» as "the day", not "today".
    assert_eq!(found_published("في اليوم العالمي للمرأة", p), Vec::<String>::new());
    assert_eq!(found_published("في ذلك اليوم", p), Vec::<String>::new());
    assert_eq!(found_published("وفي اليوم نفسه أعلنت الحكومة الحداد", p), Vec::<String>::new());
    assert_eq!(found_published("وفي اليوم ذاته قتل", p), Vec::<String>::new());
    // Per day: the rate of a count.
    let rate = found_published("تنتج المملكة 9 ملايين برميل في اليوم", p);
    assert_eq!(rate, ["figure «9 ملايين برميل» 9000000 برميل"]);
    assert_eq!(found_published("وقال في اليوم الوطني", p), Vec::<String>::new());
    assert_eq!(found_published("وتظاهر الآلاف في بغداد اليوم", p), ["date «اليوم» 2021-12-09"]);
    // «الاثنين» alone is also "the two" (as a subject, «الاثنان»): after «بين»، «كلا»… or
    // before «معا». After a verb it is the day: «اتفق الاثنين على» (they agreed on Monday).
    assert_eq!(found_published("اتفق الاثنان على", p), Vec::<String>::new());
    assert_eq!(found_published("وقع خلاف بين الاثنين", p), Vec::<String>::new());
    assert_eq!(found_published("سافر الاثنين معا", p), Vec::<String>::new());
    assert_eq!(found_published("اتفق الاثنين على", p), ["date «الاثنين» 2021-12-06"]);
    assert_eq!(found_published("قال يوم الاثنين إن", p), ["date «يوم الاثنين» 2021-12-06"]);
}

#[test]
fn a_weekday_and_its_date_in_brackets_are_one_date() {
    let p = Some("2024-12-10");
    assert_eq!(
        found_published("وقع الهجوم يوم الخميس (5 ديسمبر 2024) في", p),
        ["date «يوم الخميس (5 ديسمبر 2024)» 2024-12-05"]
    );
    assert_eq!(
        found_published("وقال الوزير الاثنين الماضي (27 يناير) إن", p),
        ["date «الاثنين الماضي (27 يناير)» --01-27"]
    );
    // Brackets that hold no date leave the weekday alone.
    assert_eq!(found_published("وقع الهجوم الخميس (بحسب الشرطة) في", p), ["date «الخميس» 2024-12-05"]);
}

#[test]
fn a_bare_weekday_said_to_lie_ahead_is_the_next_one() {
    // Published Monday 9 September 2024.
    let p = Some("2024-09-09");
    assert_eq!(found_published("ومن المقرر أن يؤدي الرئيس اليمين الدستورية الأحد", p), ["date «الأحد» 2024-09-15"]);
    assert_eq!(found_published("وسوف يصل الوفد إلى العاصمة الخميس", p), ["date «الخميس» 2024-09-12"]);
    assert_eq!(found_published("وأدى الرئيس اليمين الأحد", p), ["date «الأحد» 2024-09-08"]);
    assert_eq!(found_published("وكان من المقرر أن يصل الوفد الخميس", p), ["date «الخميس» 2024-09-05"]);
    // The future tense: «سـ» and an imperfect verb; not the words that only begin so.
    assert_eq!(found_published("وسيعود المنتخب إلى بلاده يوم الأربعاء", p), ["date «يوم الأربعاء» 2024-09-11"]);
    assert_eq!(found_published("وقال إن الوزير سيزور بغداد الخميس", p), ["date «الخميس» 2024-09-12"]);
    assert_eq!(found_published("وسيطرت القوات على المدينة الأربعاء", p), ["date «الأربعاء» 2024-09-04"]);
    assert_eq!(found_published("انفجرت سيارة مفخخة الخميس", p), ["date «الخميس» 2024-09-05"]);
}

#[test]
fn a_bare_weekday_after_a_verb_of_what_is_scheduled_is_the_next_one() {
    // Published Monday 9 September 2024. News writes what is scheduled in the imperfect.
    let p = Some("2024-09-09");
    assert_eq!(found_published("وتقام صلاة الجنازة على الفقيد الأربعاء في مسقط رأسه", p), ["date «الأربعاء» 2024-09-11"]);
    assert_eq!(found_published("ويزور وزير الخارجية الأردن الخميس لبحث الأزمة", p), ["date «الخميس» 2024-09-12"]);
    assert_eq!(found_published("وتنطلق الدورة الجديدة للمهرجان يوم السبت", p), ["date «يوم السبت» 2024-09-14"]);
    // Not after «لم» (past), nor «كان» (what was being done), nor when a verb of saying nearer
    // the weekday is what it dates.
    assert_eq!(found_published("ولم يصل الوفد الأحد كما كان متوقعا", p), ["date «الأحد» 2024-09-08"]);
    assert_eq!(found_published("وكانت تزور أقاربها الأحد حين وقع الحادث", p), ["date «الأحد» 2024-09-08"]);
    assert_eq!(found_published("ويزور الرئيس المدينة، وقال الأحد إن الزيارة مهمة", p), ["date «الأحد» 2024-09-08"]);
    // After «أن», the word that governs it decides.
    assert_eq!(found_published("وقررت اللجنة أن يعقد الاجتماع الخميس", p), ["date «الخميس» 2024-09-12"]);
    assert_eq!(found_published("وكان من المقرر أن يعقد الاجتماع الخميس", p), ["date «الخميس» 2024-09-05"]);
    // A sentence ended before the weekday does not reach it.
    assert_eq!(found_published("ويزور الرئيس المدينة قريبا. وانفجرت قنبلة الأحد", p), ["date «الأحد» 2024-09-08"]);
}

#[test]
fn a_count_of_thousands_after_this_year_is_no_year() {
    let p = Some("2025-07-19");
    assert_eq!(
        found_published("وتقدم للامتحان هذا العام 731 ألفا و205 مترشحين", p),
        ["date «هذا العام» 2025", "figure «731 ألفا و205 مترشحين» 731205 مترشحين"]
    );
    assert_eq!(
        found_published("وشارك في العام 2024 ألف متطوع", p),
        ["date «العام 2024» 2024", "figure «ألف متطوع» 1000 متطوع"]
    );
}

#[test]
fn relative_dates_without_publication_are_null() {
    assert_eq!(found("وصل أمس"), ["date «أمس» null"]);
    assert_eq!(found("في 26 جويلية الماضي"), ["date «26 جويلية الماضي» null"]);
}

#[test]
fn publication_inferred_when_the_text_pins_it() {
    let text = "بحلول نهاية العام الجاري 2021 وخلال العام الماضي";
    let a = analyse(text, None);
    assert_eq!(a.published, Some((DateValue::y(2021), PublishedSource::Inferred)));
    assert_eq!(found(text), ["date «نهاية العام الجاري 2021» 2021", "date «العام الماضي» 2020"]);
    let a = analyse("الخبر: اليوم الخميس 9 ديسمبر 2021 أمس", None);
    assert_eq!(a.published, Some((DateValue::ymd(2021, 12, 9), PublishedSource::Inferred)));
    let a = analyse("---\npublished: 2020-05-01\n---\nالعام الجاري 2021", None);
    assert_eq!(a.published, Some((DateValue::ymd(2020, 5, 1), PublishedSource::FrontMatter)));
}

#[test]
fn the_wire_dateline_opening_the_lead_dates_the_article() {
    // A place, the date, an agency in brackets or a «الموافق» date, then the dash.
    for lead in [
        "القاهرة، 6 مارس 2024 (رويترز) - قال مسؤول اليوم إن",
        "القاهرة , الأربعاء 6 آذار / مارس 2024 , الموافق 25 شعبان 1445 هـ ( وكالات ) - قال مسؤول اليوم إن",
        "عنوان الخبر\nدمشق - الأحد 3 مارس 2024 - قال مسؤول اليوم إن",
    ] {
        let a = analyse(lead, None);
        assert!(
            matches!(a.published, Some((v, PublishedSource::Dateline)) if v.year == Some(2024) && v.month == Some(3)),
            "{lead}: {:?}",
            a.published
        );
    }
    // A date inside a sentence, even with a dash after it, dates nothing about the article.
    assert_eq!(analyse("وصل الوفد في 6 مارس 2024 - قال مسؤول اليوم إن", None).published, None);
}

#[test]
fn datelines_and_date_lines_in_the_shapes_wires_and_sites_print() {
    let published = |text: &str| analyse(text, None).published.map(|(v, how)| (v.to_string(), how));
    let dateline = |iso: &str| Some((iso.to_string(), PublishedSource::Dateline));
    // A country or an agency in brackets after the place.
    assert_eq!(published("حمص (سوريا) - 14 آذار 2022 (أ ف ب) - قال مسؤول أمس إن"), dateline("2022-03-14"));
    assert_eq!(published("صنعاء (رويترز) - 2 أيار 2021 - أعلنت الجماعة اليوم"), dateline("2021-05-02"));
    // A Hijri date with its Gregorian equivalent: the Gregorian dates the article (the Hijri
    // one is a day past the tables here, and the weekday fits the Gregorian).
    let lead = "جدة - الخميس 16 رمضان 1444 هـ الموافق 6 أبريل 2023 - قال مسؤول اليوم إن";
    assert_eq!(published(lead), dateline("2023-04-06"));
    // A line with nothing but a date (its weekday, its other calendar) at the top of the page,
    // and one labelled «التاريخ».
    assert_eq!(published("السبت 8 تموز 2023\nقال مسؤول أمس إن"), dateline("2023-07-08"));
    assert_eq!(published("الأحد - 20 ذو الحجة 1444 هـ - 09 يوليو 2023 مـ\nقال مسؤول أمس إن"), dateline("2023-07-09"));
    assert_eq!(published("التاريخ: 12 أكتوبر/ تشرين الأول 2022\nقال مسؤول أمس إن"), dateline("2022-10-12"));
    // Below a site's menu of short lines (the top of a page runs to twelve lines).
    let page = "الرئيسية\nأخبار\nمحليات\nدولي\nاقتصاد\nرياضة\nمنوعات\nفيديو\nالأحد , 11 شباط , 2018\nقال مسؤول أمس إن";
    assert_eq!(published(page), dateline("2018-02-11"));
    // No mark between the place and the date (the AFP's shape), with the agency after it;
    // two places of filing; the place's country in brackets before the date.
    assert_eq!(published("حماة 3 تشرين الأول/أكتوبر 2021 (أ ف ب) - قال مسؤول أمس إن"), dateline("2021-10-03"));
    assert_eq!(published("المكلا 9 يونيو 2022 (رويترز) - قال مسؤول أمس إن"), dateline("2022-06-09"));
    assert_eq!(published("رام الله/غزة - 4 أيار 2022 (رويترز) - قال مسؤول أمس إن"), dateline("2022-05-04"));
    assert_eq!(published("صور (لبنان) 18 نيسان 2022 (أ ف ب) - قال مسؤول أمس إن"), dateline("2022-04-18"));
    // A place and a date on a line of their own; a Hijri date and its Gregorian one after a dash.
    assert_eq!(published("حلب - 19 كانون الأول 2021\nقال مسؤول أمس إن"), dateline("2021-12-19"));
    let lead = "أبها - الخميس 7 ذو القعدة 1443 هـ - 7 يوليو 2022 م\nقال مسؤول أمس إن";
    assert_eq!(published(lead), dateline("2022-07-07"));
    // MENA's and MAP's «في» between the place and the date; a colon opening the story; a
    // tatweel drawn as the dash; the paper's name in quotation marks before the date.
    assert_eq!(published("الإسماعيلية في 11 مايو 2022 (أ ش أ) - قال مسؤول أمس إن"), dateline("2022-05-11"));
    assert_eq!(published("طنجة في 11 مايو 2022 (ومع) - قال مسؤول أمس إن"), dateline("2022-05-11"));
    assert_eq!(published("أسوان – 11 مايو 2022: قال مسؤول أمس إن"), dateline("2022-05-11"));
    assert_eq!(published("أسوان ـ 11 مايو 2022 ـ قال مسؤول أمس إن"), dateline("2022-05-11"));
    assert_eq!(published("وهران - «الخبر» - 11 ماي 2022 - قال مسؤول أمس إن"), dateline("2022-05-11"));
    assert_eq!(published("وهران ـ «الخبر» ـ 11 ماي 2022: قال مسؤول أمس إن"), dateline("2022-05-11"));
    // The paper's name between dashes, though its words name a day; an em dash.
    assert_eq!(published("عمان - الغد - 11 أيار 2022\nقال مسؤول أمس إن"), dateline("2022-05-11"));
    assert_eq!(published("القاهرة - اليوم السابع - 11 مايو 2022 - قال مسؤول أمس إن"), dateline("2022-05-11"));
    assert_eq!(published("الخرطوم - 11 مايو 2022 — قال مسؤول أمس إن"), dateline("2022-05-11"));
    assert_eq!(published("النهار — الأربعاء 11 أيار 2022\nقال مسؤول أمس إن"), dateline("2022-05-11"));
    // In a sentence, none of them dates the article.
    assert_eq!(published("وصل الوزير في 11 مايو 2022 - وقال مسؤول"), None);
    assert_eq!(published("في 11 مايو 2022 (أ ش أ) - وقال مسؤول"), None);
    assert_eq!(published("وصل الوزير في 11 مايو 2022\nوقال مسؤول"), None);
    assert_eq!(published("قال مسؤول في 11 مايو 2022: إن الوضع هادئ"), None);
    assert_eq!(published("قتل 4 أشخاص 9 يونيو 2022 - في الهجوم."), None);
    assert_eq!(published("وقع الهجوم في 9 يونيو 2022 (بحسب الشرطة) - وقال مسؤول"), None);
    assert_eq!(published("وفي التاريخ 5 آب 2020 وقع الانفجار في المرفأ."), None);
    assert_eq!(published("قال مسؤول إن الاجتماع عقد السبت 8 تموز 2023 في الرياض."), None);
    // A site's name and its bar, or an outlet named for a time of day, before the date.
    let text = "بوابة الوسط | الأحد 9 صفر 1447 هـ الموافق 3 أغسطس 2025\nقال الوزير أمس إن";
    assert_eq!(published(text), Some(("2025-08-03".into(), PublishedSource::Dateline)));
    let text = "الصباح نيوز - الاثنين 14 جويلية 2025\nقال الوزير أمس إن";
    assert_eq!(published(text), Some(("2025-07-14".into(), PublishedSource::Dateline)));
}

#[test]
fn a_paper_named_by_a_day_is_no_date() {
    // «الغد» (tomorrow) and «اليوم» (today) are papers in brackets, quotation marks or between
    // a dateline's dashes, and «اليوم السابع» always; «غدا» and «الغد» in prose stay days.
    let p = Some("2022-05-11");
    assert_eq!(dates_published("عمان 11 أيار 2022 (الغد) - قال الوزير", p), ["date «11 أيار 2022» 2022-05-11"]);
    assert_eq!(dates_published("وقالت صحيفة \"الغد\" الأردنية إن", p), Vec::<String>::new());
    assert_eq!(dates_published("وكتب موقع «اليوم» أن", p), Vec::<String>::new());
    assert_eq!(dates_published("القاهرة - اليوم السابع - 11 مايو 2022", p), ["date «11 مايو 2022» 2022-05-11"]);
    assert_eq!(dates_published("ويصل الوفد في الغد", p), ["date «الغد» 2022-05-12"]);
}

#[test]
fn dates_that_do_not_exist_are_flagged() {
    assert_eq!(found("في 30 فبراير 2021"), ["date «30 فبراير 2021» invalid"]);
    assert_eq!(found("في 31 نيسان"), ["date «31 نيسان» invalid"]);
    assert_eq!(found("في 29 شباط 2021"), ["date «29 شباط 2021» invalid"]);
    assert_eq!(found("في 29 شباط 2020"), ["date «29 شباط 2020» 2020-02-29"]);
    assert_eq!(found("بتاريخ 12/13/2021"), ["date «12/13/2021» invalid"]);
    // Shawwal 1442 had 29 days under Umm al-Qura.
    assert_eq!(found("في 30 شوال 1442 هـ"), ["date «30 شوال 1442 هـ» invalid"]);
}

#[test]
fn bare_month_names_need_context() {
    assert_eq!(found("في مارس قال"), ["date «مارس» --03"]);
    // «مارس» is also the verb "exercised"; «نيسان» also the carmaker.
    assert_eq!(found("مارس الضغط على الحكومة"), Vec::<String>::new());
    assert_eq!(found("سيارة نيسان جديدة"), Vec::<String>::new());
}

// ---- figures -----------------------------------------------------------------------------

#[test]
fn the_first_month_of_a_range_or_list_takes_the_year_of_the_second() {
    assert_eq!(found("وبين جانفي وماي 2024 عبر البحر"), ["date «جانفي» 2024-01", "date «ماي 2024» 2024-05"]);
    assert_eq!(found("ومن يناير إلى مايو 2024 ارتفع"), ["date «يناير» 2024-01", "date «مايو 2024» 2024-05"]);
    assert_eq!(found("في شهري يناير وفبراير 2021 تراجع"), ["date «شهري يناير» 2021-01", "date «فبراير 2021» 2021-02"]);
    // Each day with its weekday: the first keeps its day and takes the month and year after.
    assert_eq!(
        found("وتجرى الامتحانات من الأحد 15 إلى الخميس 19 جوان 2025 في"),
        ["date «الأحد 15» 2025-06-15", "date «الخميس 19 جوان 2025» 2025-06-19"]
    );
    assert_eq!(
        found("من الأحد 15 جوان إلى الخميس 19 جوان 2025 في"),
        ["date «الأحد 15 جوان» 2025-06-15", "date «الخميس 19 جوان 2025» 2025-06-19"]
    );
    assert_eq!(
        found("وتجرى يومي الأحد 15 والاثنين 16 جوان 2025 في"),
        ["date «يومي الأحد 15» 2025-06-15", "date «الاثنين 16 جوان 2025» 2025-06-16"]
    );
    assert_eq!(
        found("ومن 5 مارس حتى 7 أبريل 2024 استمر"),
        ["date «5 مارس» 2024-03-05", "date «7 أبريل 2024» 2024-04-07"]
    );
    // Across the turn of the year: December of the year before.
    assert_eq!(found("بين ديسمبر وفبراير 2024 هطلت"), ["date «ديسمبر» 2023-12", "date «فبراير 2024» 2024-02"]);
    // Nothing joins a month to a verb after it, or across a comma.
    assert_eq!(found("ولد في مارس وتوفي عام 2020"), ["date «مارس» --03", "date «عام 2020» 2020"]);
}

#[test]
fn digit_scripts_and_separators() {
    assert_eq!(found("نشر 3,000 جندي"), ["figure «3,000 جندي» 3000 جندي"]);
    assert_eq!(found("نشر ٣٬٠٠٠ جندي"), ["figure «٣٬٠٠٠ جندي» 3000 جندي"]);
    assert_eq!(found("نشر ۳۰۰۰ جندي"), ["figure «۳۰۰۰ جندي» 3000 جندي"]);
    assert_eq!(found("بلغت 1.5 مليار دولار"), ["figure «1.5 مليار دولار» 1500000000 دولار"]);
    assert_eq!(found("بلغت ١٫٥ مليون درهم"), ["figure «١٫٥ مليون درهم» 1500000 درهم"]);
}

#[test]
fn scale_words() {
    assert_eq!(found("بلغ عدد القوات 170 ألف جندي"), ["figure «170 ألف جندي» 170000 جندي"]);
    assert_eq!(found("وصل إلى 170 ألفا، قبل"), ["figure «170 ألفا» 170000"]);
    assert_eq!(found("تقدر بنحو 5 آلاف جندي أمريكي"), ["figure «نحو 5 آلاف جندي» 5000 جندي ~about"]);
    assert_eq!(found("خسر مليون شخص"), ["figure «مليون شخص» 1000000 شخص"]);
    assert_eq!(found("تكلف ملياري دولار"), ["figure «ملياري دولار» 2000000000 دولار"]);
    assert_eq!(found("تكلف ملياران"), ["figure «ملياران» 2000000000"]);
    // A plural scale counts three to ten: after a year it is the noun of what follows.
    assert_eq!(found("وشارك في ثورة 25 يناير 2011 ملايين المصريين"), ["date «25 يناير 2011» 2011-01-25"]);
    assert_eq!(found("وسقط في ثورة 1919 آلاف الضحايا"), ["date «1919» 1919"]);
    assert_eq!(found("وحجزت مبلغ 210 آلاف درهم"), ["figure «210 آلاف درهم» 210000 درهم"]);
    // Square and cubic units written with their power.
    assert_eq!(found("أي ما يعادل 855 مليون م3 من المياه"), ["figure «855 مليون م3» 855000000 م3"]);
    assert_eq!(found("على مساحة 120 م² فقط"), ["figure «120 م²» 120 م²"]);
    assert_eq!(found("ولد في بغداد عام 855 م"), ["date «عام 855 م» 0855"]);
}

#[test]
fn number_words_in_gender_and_case() {
    assert_eq!(found("قتل خمسة آلاف جندي"), ["figure «خمسة آلاف جندي» 5000 جندي"]);
    assert_eq!(found("أصيب خمس وثمانين امرأة"), ["figure «خمس وثمانين امرأة» 85 امرأة"]);
    assert_eq!(found("اعتقل ثلاثة عشر شخصا"), ["figure «ثلاثة عشر شخصا» 13 شخصا"]);
    assert_eq!(found("نحو مئتين وخمسين مقاتلا"), ["figure «نحو مئتين وخمسين مقاتلا» 250 مقاتلا ~about"]);
    assert_eq!(found("ثلاثمائة ألف لاجئ"), ["figure «ثلاثمائة ألف لاجئ» 300000 لاجئ"]);
    assert_eq!(found("قتل العشرات من المدنيين"), ["figure «العشرات من المدنيين» 20 المدنيين ~at-least"]);
    assert_eq!(found("فر آلاف السكان"), ["figure «آلاف السكان» 2000 السكان ~at-least"]);
    assert_eq!(found("لكن آلافا من النازحين لم يعودوا"), ["figure «آلافا من النازحين» 2000 النازحين ~at-least"]);
    assert_eq!(found("خرج عشرات الآلاف من المتظاهرين"), ["figure «عشرات الآلاف من المتظاهرين» 20000 المتظاهرين ~at-least"]);
    assert_eq!(found("نزح مئات الآلاف"), Vec::<String>::new());
    assert_eq!(found("فر عشرات آلاف المدنيين"), ["figure «عشرات آلاف المدنيين» 20000 المدنيين ~at-least"]);
    assert_eq!(found("ظهر في مئات مقاطع الفيديو"), ["figure «مئات مقاطع» 200 مقاطع ~at-least"]);
    assert_eq!(found("عشرات الآلاف خرجوا"), Vec::<String>::new());
    assert_eq!(found("بعد بضعة أيام"), ["duration «بضعة أيام» P3D ~at-least"]);
    assert_eq!(found("اثنا عشر قتيلا"), ["figure «اثنا عشر قتيلا» 12 قتيلا"]);
}

#[test]
fn one_and_six_are_two_figures_never_seven() {
    let text = "مما أسفر عن مقتل أمريكي واحد وستة إصابات، وزعمت";
    assert_eq!(found(text), ["figure «أمريكي واحد» 1 أمريكي", "figure «ستة إصابات» 6 إصابات"]);
    assert_eq!(extract(text)[1].span, span_of(text, "ستة إصابات"));
    assert_eq!(found("في آن واحد"), Vec::<String>::new());
}

#[test]
fn dual_nouns_count_two() {
    let text = "أُصيب 5 عسكريين أمريكيين ومتعاقدان أمريكيان في الهجوم";
    assert_eq!(found(text), ["figure «5 عسكريين» 5 عسكريين", "figure «متعاقدان» 2 متعاقدان"]);
    assert_eq!(extract(text)[1].span, span_of(text, "متعاقدان"));
    assert_eq!(found("قتل جنديين"), ["figure «جنديين» 2 جنديين"]);
    assert_eq!(found("بقصف قاعدتين عسكريتين"), ["figure «قاعدتين» 2 قاعدتين"]);
    // Definite duals are known things, not counts; sound-plural -ين is not a dual.
    assert_eq!(found("بين الجانبين"), Vec::<String>::new());
    assert_eq!(found("قتل الجنديين"), Vec::<String>::new());
    assert_eq!(found("المتعاقدين"), Vec::<String>::new());
}

#[test]
fn approximators_set_approx() {
    for (hedge, bound) in [
        ("نحو", "about"),
        ("حوالي", "about"),
        ("قرابة", "about"),
        ("زهاء", "about"),
        ("ما يقرب من", "about"),
        ("أكثر من", "above"),
        ("أقل من", "below"),
        ("ما لا يقل عن", "at-least"),
    ] {
        let text = format!("ينتشر {hedge} 3000 جندي");
        assert_eq!(found(&text), [format!("figure «{hedge} 3000 جندي» 3000 جندي ~{bound}")]);
    }
    assert_eq!(found("قتل 5 أشخاص على الأقل"), ["figure «5 أشخاص على الأقل» 5 أشخاص ~at-least"]);
    assert_eq!(found("وبنحو 300 جندي"), ["figure «نحو 300 جندي» 300 جندي ~about"]);
    // Verbs of exceeding right before the number bound it from below; «لا تقل عن» agrees with
    // a feminine noun; «ما يصل إلى» is up to.
    assert_eq!(found("تجاوزت الخسائر 120 مليون دولار"), ["figure «120 مليون دولار» 120000000 دولار"]);
    assert_eq!(found("وقيمة العقود تجاوزت 120 مليون جنيه"), ["figure «تجاوزت 120 مليون جنيه» 120000000 جنيه ~above"]);
    assert_eq!(found("بغرامة لا تقل عن ألف جنيه"), ["figure «لا تقل عن ألف جنيه» 1000 جنيه ~at-least"]);
    assert_eq!(found("يفقد ما يصل إلى 250 ألف شخص منازلهم"), ["figure «ما يصل إلى 250 ألف شخص» 250000 شخص ~at-most"]);
    // A verb of exceeding denied is a most; a maximum; the feminine of «يزيد على».
    assert_eq!(found("بنسبة لم تتجاوز 40 بالمئة"), ["figure «لم تتجاوز 40 بالمئة» 40 % ~at-most"]);
    // Denied in the future tense too.
    assert_eq!(
        found("وقال إن الكلفة لن تتجاوز 3 مليارات دولار"),
        ["figure «لن تتجاوز 3 مليارات دولار» 3000000000 دولار ~at-most"]
    );
    assert_eq!(found("منحت الوزارة السكان مهلة أقصاها 10 أيام"), ["duration «أقصاها 10 أيام» P10D ~at-most"]);
    assert_eq!(found("لديه خبرة تزيد على 9 آلاف ساعة"), ["duration «تزيد على 9 آلاف ساعة» PT9000H ~above"]);
    // «دفعة واحدة» is «at once».
    assert_eq!(found("رفع الفائدة 600 نقطة دفعة واحدة"), ["figure «600 نقطة» 600 نقطة"]);
    // Above and below a level; «دون» is below unless it is «without».
    assert_eq!(found("ظل سعر الخام فوق مستوى 70 دولارا"), ["figure «فوق مستوى 70 دولارا» 70 دولارا ~above"]);
    assert_eq!(found("وتراجع التضخم إلى دون 3 بالمئة"), ["figure «دون 3 بالمئة» 3 % ~below"]);
    assert_eq!(found("وبيع النفط بسعر أدنى من 60 دولارا"), ["figure «أدنى من 60 دولارا» 60 دولارا ~below"]);
    assert_eq!(found("وخاض الفريق المباراة من دون 5 لاعبين"), ["figure «5 لاعبين» 5 لاعبين"]);
    assert_eq!(found("وخاض الفريق المباراة بدون 5 لاعبين"), ["figure «5 لاعبين» 5 لاعبين"]);
    // «More than», denied, is at most; «لا تزال» (still) denies nothing.
    assert_eq!(found("وقال إن الخزانات لن تصمد أكثر من عشرة أيام"), ["duration «أكثر من عشرة أيام» P10D ~at-most"]);
    assert_eq!(found("والمخزون لا يكفي لأكثر من أسبوع"), ["duration «أكثر من أسبوع» P1W ~at-most"]);
    assert_eq!(found("ولا تزال أكثر من 500 أسرة بلا مأوى"), ["figure «أكثر من 500 أسرة» 500 أسرة ~above"]);
    // A verb of exceeding before «عدد» and what it counts hedges the number after them.
    assert_eq!(found("ويتجاوز عدد سكان البلاد 107 ملايين نسمة"), ["figure «107 ملايين نسمة» 107000000 نسمة ~above"]);
    assert_eq!(found("ولم يتجاوز عدد القتلى 20 شخصا"), ["figure «20 شخصا» 20 شخصا ~at-most"]);
    assert_eq!(found("وبلغ عدد القتلى 20 شخصا"), ["figure «20 شخصا» 20 شخصا"]);
}

#[test]
fn the_maghreb_plural_of_billion() {
    assert_eq!(found("رصدت الحكومة 8 ملايير درهم للمشروع"), ["figure «8 ملايير درهم» 8000000000 درهم"]);
    assert_eq!(found("بكلفة تناهز 3 ملاير دينار"), ["figure «تناهز 3 ملاير دينار» 3000000000 دينار ~about"]);
}

#[test]
fn a_weekday_or_date_in_a_name_is_no_date() {
    let p = Some("2017-12-19");
    assert_eq!(found_published("قتل 20 شخصا في غارة على سوق الخميس بمديرية حيس", p), ["figure «20 شخصا» 20 شخصا"]);
    assert_eq!(found_published("وتظاهر المئات في شارع 26 سبتمبر وساحة 8 آذار", p), Vec::<String>::new());
    assert_eq!(found_published("دعت حركة 20 فبراير إلى التظاهر", p), Vec::<String>::new());
    // A definite head is the verb's object; the weekday after it dates the act.
    assert_eq!(found_published("قصف الطيران المستشفى الخميس", p), ["date «الخميس» 2017-12-14"]);
    // Cities, bridges and grounds named after a date, the whole date (its month and year too).
    assert_eq!(found_published("اندلع حريق في مصنع بمدينة 6 أكتوبر قرب كوبري 15 مايو", p), Vec::<String>::new());
    assert_eq!(found_published("أقيمت المباراة على ملعب 5 جويلية 1962", p), Vec::<String>::new());
    assert_eq!(found_published("وقع الحادث في مدينة العاشر من رمضان", p), Vec::<String>::new());
    assert_eq!(found_published("وقع الحادث في 5 جويلية 1962 في المدينة", p), ["date «5 جويلية 1962» 1962-07-05"]);
    // A revolution or uprising named by its day: with the year written, that day.
    assert_eq!(found_published("خرجت الحشود في ذكرى ثورة 23 تموز 1952", p), ["date «23 تموز 1952» 1952-07-23"]);
    assert_eq!(found_published("رفعوا شعارات ثورة 25 يناير", p), Vec::<String>::new());
}

#[test]
fn numbers_that_say_which_one_are_not_counts() {
    // The minute of a match (and its added time), a round, a session, a floor, a numbered law.
    assert_eq!(found("سجل اللاعب في الدقيقة 23 بتسديدة قوية"), Vec::<String>::new());
    assert_eq!(found("وأضاف الهدف الثاني في الدقيقة 90 + 3 من عمر اللقاء"), Vec::<String>::new());
    assert_eq!(found("تعادل الفريقان في الجولة 15 من الدوري"), Vec::<String>::new());
    assert_eq!(found("ناقش المجلس في الجلسة 17 من الدورة القانون المرقم 8 لسنة 2019"), ["date «سنة 2019» 2019"]);
    assert_eq!(found("اندلع الحريق في الطابق 14 من البرج وقتل 3 أشخاص"), ["figure «3 أشخاص» 3 أشخاص"]);
    // The Tunisian «عدد» (No.) after such a noun; elsewhere «عدد 5 متهمين» counts.
    assert_eq!(found("صدر المرسوم عدد 54 لسنة 2022"), ["date «سنة 2022» 2022"]);
    assert_eq!(found("ستحط الرحلة عدد 417 في المطار"), Vec::<String>::new());
    assert_eq!(found("ضبطت الشرطة عدد 5 متهمين"), ["figure «5 متهمين» 5 متهمين"]);
    // Models named by number after their maker or line.
    assert_eq!(found("تحطمت طائرة بوينغ 737-800 تابعة للشركة"), Vec::<String>::new());
    assert_eq!(found("أطلقت الشركة هاتف آيفون 15 برو بسعر 1200 دولار"), ["figure «1200 دولار» 1200 دولار"]);
    assert_eq!(found("أطلق صاروخ فالكون 9 من مجمع الإطلاق"), Vec::<String>::new());
    // «نصف النهائي»، «ربع النهائي»: rounds of a tournament.
    assert_eq!(found("تأهل المنتخب إلى الدور نصف النهائي بعد بلوغ ربع النهائي"), Vec::<String>::new());
    assert_eq!(found("قضى نصف ساعة في المطار"), ["duration «نصف ساعة» PT0.5H"]);
}

#[test]
fn one_and_two_in_words_before_per_cent_and_maghreb_month_days() {
    assert_eq!(found("تراجع النمو ما نسبته اثنان في المئة"), ["figure «اثنان في المئة» 2 %"]);
    assert_eq!(found("بانخفاض نحو اثنين بالمئة"), ["figure «نحو اثنين بالمئة» 2 % ~about"]);
    // Elsewhere a lone «واحد» is still the noun's adjective.
    assert_eq!(found("قتل جندي واحد"), ["figure «جندي واحد» 1 جندي"]);
    // «واحد»، «إحدى» and «أحد» before «و» and tens open the number: 21, not 1 and 20.
    assert_eq!(found("احتجز لمدة واحد وعشرين يوما"), ["duration «واحد وعشرين يوما» P21D"]);
    assert_eq!(found("قضت بسجنه إحدى وعشرين سنة"), ["duration «إحدى وعشرين سنة» P21Y"]);
    assert_eq!(found("وحوكم واحد وعشرون متهما"), ["figure «واحد وعشرون متهما» 21 متهما"]);
    assert_eq!(found("قتلت إحدى وثلاثون امرأة"), ["figure «إحدى وثلاثون امرأة» 31 امرأة"]);
    assert_eq!(found("في إحدى المدن"), Vec::<String>::new());
    // «فاتح» the first of a month, «متم» its end (Maghreb usage).
    assert_eq!(found("يدخل القانون حيز التنفيذ في فاتح يناير 2024"), ["date «فاتح يناير 2024» 2024-01-01"]);
    assert_eq!(found("حتى متم مارس 2024"), ["date «متم مارس 2024» 2024-03"]);
}

#[test]
fn ranges_with_a_scale_word_alone_and_changes_that_are_not_ranges() {
    // The scale word on the upper end counts on its own, as it does alone.
    assert_eq!(found("نزح ما بين 18 و20 ألفا"), ["figure «ما بين 18 و20 ألفا» 18000–20000"]);
    assert_eq!(found("نزح بين 10 آلاف و15 ألفا"), ["figure «بين 10 آلاف و15 ألفا» 10000–15000"]);
    // After a verb of change, «من X إلى Y» is the value before and after: the figure is Y.
    assert_eq!(found("ورفع البنك المركزي سعر الفائدة من 35 إلى 40 بالمئة"), ["figure «40 بالمئة» 40 %"]);
    assert_eq!(found("وارتفعت الصادرات من 20 إلى 25 مليار دولار"), ["figure «25 مليار دولار» 25000000000 دولار"]);
    assert_eq!(found("وقتل من 3 إلى 5 أشخاص"), ["figure «من 3 إلى 5 أشخاص» 3–5 أشخاص"]);
}

#[test]
fn ranges_are_one_figure() {
    assert_eq!(found("غادر ما بين 3000 و5000 جندي العراق"), ["figure «ما بين 3000 و5000 جندي» 3000–5000 جندي"]);
    assert_eq!(found("سقط من 10 إلى 15 قتيلا"), ["figure «من 10 إلى 15 قتيلا» 10–15 قتيلا"]);
    assert_eq!(found("سقط من 10 الى 15 قتيلا"), ["figure «من 10 الى 15 قتيلا» 10–15 قتيلا"]);
    assert_eq!(found("أصيب 3-4 أشخاص"), ["figure «3-4 أشخاص» 3–4 أشخاص"]);
    assert_eq!(found("ارتفعت الأسعار 20 – 30 %"), ["figure «20 – 30 %» 20–30 %"]);
    assert_eq!(found("أصيب بين ثلاثة وخمسة جنود"), ["figure «بين ثلاثة وخمسة جنود» 3–5 جنود"]);
    // A scale word on the upper end counts for both.
    assert_eq!(found("قتل بين 3 و5 آلاف شخص"), ["figure «بين 3 و5 آلاف شخص» 3000–5000 شخص"]);
    assert_eq!(found("قتل بين 300 و5 آلاف شخص"), ["figure «بين 300 و5 آلاف شخص» 300–5000 شخص"]);
    // A hedge before it widens it; a conjunction before «بين» stays outside the span.
    assert_eq!(found("ينتشر نحو 3000 إلى 5000 جندي"), ["figure «نحو 3000 إلى 5000 جندي» 3000–5000 جندي ~about"]);
    assert_eq!(found("وبين 200 و300 مقاتل"), ["figure «بين 200 و300 مقاتل» 200–300 مقاتل"]);
    assert_eq!(found("قتل بين 3 و5 آلاف شخص على الأقل"), ["figure «بين 3 و5 آلاف شخص على الأقل» 3000–5000 شخص ~at-least"]);
    // A range may open a line, but not run across one.
    assert_eq!(found("قالت\nبين 3000 و5000 جندي"), ["figure «بين 3000 و5000 جندي» 3000–5000 جندي"]);
    assert_eq!(found("قالت\n3-4 أشخاص"), ["figure «3-4 أشخاص» 3–4 أشخاص"]);
    assert_eq!(found("من 10\nإلى 15 قتيلا"), ["figure «15 قتيلا» 15 قتيلا"]);
    // Years, and ends in the wrong order, are not a range of anything: «بين 2003 و2011» is two
    // years.
    assert_eq!(found("بين 2003 و2011"), ["date «2003» 2003", "date «2011» 2011"]);
    assert_eq!(found("بين 5000 و3000 جندي"), ["figure «3000 جندي» 3000 جندي"]);
    // With a word after them that is no counted noun, two years are still two years; joined
    // by a dash or by «من … إلى» too.
    assert_eq!(found("وبين 2015 و2018 تراجع النمو"), ["date «2015» 2015", "date «2018» 2018"]);
    assert_eq!(found("وخلال الفترة 2015-2018 تراجع النمو"), ["date «2015» 2015", "date «2018» 2018"]);
    assert_eq!(found("وتراجع النمو من 2015 إلى 2018 ثم عاد"), ["date «2015» 2015", "date «2018» 2018"]);
    assert_eq!(found("قتل 2015-2018 شخصا"), ["figure «2015-2018 شخصا» 2015–2018 شخصا"]);
    // Not the years of a copyright, nor numbers of a longer run.
    assert!(found("جميع الحقوق محفوظة 2008 - 2018").is_empty());
    assert!(found("اتصلوا على 2015-2018-2020").is_empty());
}

#[test]
fn counted_noun_is_the_unit() {
    assert_eq!(found("قتل 12 قتيلا"), ["figure «12 قتيلا» 12 قتيلا"]);
    assert_eq!(found("ارتفع بنسبة 15%"), ["figure «15%» 15 %"]);
    assert_eq!(found("ارتفع 15 في المئة"), ["figure «15 في المئة» 15 %"]);
    assert_eq!(found("ارتفع ١٥٪"), ["figure «١٥٪» 15 %"]);
    assert_eq!(found("قتل 3 من المسلحين"), ["figure «3 من المسلحين» 3 المسلحين"]);
    assert_eq!(found("كان عددهم 450، وفق"), ["figure «450» 450"]);
}

#[test]
fn not_figures() {
    // Years and other parts of dates.
    assert_eq!(found("الغزو الأمريكي 2003"), Vec::<String>::new());
    // Times of day.
    assert_eq!(found("عند الساعة 10:30 صباحا"), Vec::<String>::new());
    assert_eq!(found("في الساعة 5 مساء"), Vec::<String>::new());
    assert_eq!(found("عند 10 صباحا"), Vec::<String>::new());
    // Numbers inside names.
    assert_eq!(found("فيروس كورونا كوفيد – 19 في العالم"), Vec::<String>::new());
    assert_eq!(found("هوجمت القاعدة K-1 مما"), Vec::<String>::new());
    assert_eq!(found("طائرات إف-16 الأمريكية"), Vec::<String>::new());
    assert_eq!(found("بموجب القرار 2254 الصادر"), Vec::<String>::new());
    assert_eq!(found("منظومة S400 الروسية"), Vec::<String>::new());
    // Ordinals.
    assert_eq!(found("الجولة الرابعة من المحادثات"), Vec::<String>::new());
    assert_eq!(found("الدورة الـ15 للمؤتمر"), Vec::<String>::new());
    // A 5,000-digit number is noise, not a quantity.
    assert_eq!(found(&format!("الرقم {} جندي", "7".repeat(5000))), Vec::<String>::new());
}

#[test]
fn spaced_separators_are_decided_by_digit_groups() {
    // Tokenised or hand-typed copy spaces its punctuation: one or two digits after the comma
    // are decimals, three continue the thousands.
    assert_eq!(found("بلغ العجز 4 , 6 مليار دولار وفق الوزارة"), ["figure «4 , 6 مليار دولار» 4600000000 دولار"]);
    assert_eq!(found("نزح 12 , 350 شخصا من المدينة"), ["figure «12 , 350 شخصا» 12350 شخصا"]);
    assert_eq!(found("يعيش أكثر من 200 . 000 لاجئ في المخيم"), ["figure «أكثر من 200 . 000 لاجئ» 200000 لاجئ ~above"]);
    assert_eq!(found("ارتفعت الأسعار 1 ٫ 5 %"), ["figure «1 ٫ 5 %» 1.5 %"]);
    assert_eq!(found("نزح 1 , 200 , 000 شخص"), ["figure «1 , 200 , 000 شخص» 1200000 شخص"]);
    // Never after four digits: a year and a new number.
    assert_eq!(found("قتل في 2017 , 150 عاملا"), ["date «2017» 2017", "figure «150 عاملا» 150 عاملا"]);
    // Touching, a comma before one or two digits is a decimal comma.
    assert_eq!(found("بلغ النمو 2,5 %"), ["figure «2,5 %» 2.5 %"]);
}

#[test]
fn decimals_in_words_and_with_a_leading_point() {
    assert_eq!(found("بلغ التضخم 4 فاصلة 6 في المئة"), ["figure «4 فاصلة 6 في المئة» 4.6 %"]);
    assert_eq!(
        found("بلغت الخسائر ثلاثة فاصلة خمسة مليارات دولار"),
        ["figure «ثلاثة فاصلة خمسة مليارات دولار» 3500000000 دولار"]
    );
    assert_eq!(found("بلغ العجز 2 فاصلة 25 مليون دينار"), ["figure «2 فاصلة 25 مليون دينار» 2250000 دينار"]);
    // The Maghreb's masculine «فاصل».
    assert_eq!(found("هزة بقوة خمسة فاصل ثلاثة درجات"), ["figure «خمسة فاصل ثلاثة درجات» 5.3 درجات"]);
    // With no noun after it, the point is no noun that «اثنين» counts.
    assert!(!found("إن زلزالا بقوة ستة فاصل اثنين في منطقة جبلية").iter().any(|f| f.contains("فاصل اثنين»")));
    assert_eq!(found("نما الاقتصاد بنسبة .5 % فقط"), ["figure «.5 %» 0.5 %"]);
    assert_eq!(found("نما الاقتصاد بنسبة ٫٧٥ ٪"), ["figure «٫٧٥ ٪» 0.75 %"]);
}

#[test]
fn a_clitic_cut_off_by_a_dash() {
    assert_eq!(found("خلال ال - 48 ساعة الماضية قصف الطيران"), ["duration «ال - 48 ساعة» PT48H"]);
    assert_eq!(found("خلال الـ48 ساعة الماضية"), ["duration «الـ48 ساعة» PT48H"]);
    assert_eq!(found("ارتفع سعر الخبز ب - 60 مرة"), ["figure «60 مرة» 60 مرة"]);
    assert_eq!(found("قتل قرابة ال - 100 شخص في الهجوم"), ["figure «قرابة ال - 100 شخص» 100 شخص ~about"]);
    assert_eq!(found("أفرج عن المعتقلين ال - 14 بعد التحقيق"), ["figure «ال - 14» 14 المعتقلين"]);
    // The noun may be another mention's already: the span starts at the article.
    assert_eq!(
        found("أفرج عن 5 من المعتقلين ال - 14"),
        ["figure «5 من المعتقلين» 5 المعتقلين", "figure «ال - 14» 14 المعتقلين"]
    );
    assert_eq!(found("تخطى عدد الجرحى ال - 220 ، وفق المصادر"), ["figure «ال - 220» 220"]);
    // The article on a number alone makes it an ordinal.
    assert_eq!(found("افتتحت الدورة الـ15 للمؤتمر"), Vec::<String>::new());
    assert_eq!(found("في الذكرى ال - 70 لتأسيس الحزب"), Vec::<String>::new());
    let text = "وقال إن ال - 48 ساعة المقبلة حاسمة";
    assert_eq!(extract(text)[0].span, span_of(text, "ال - 48 ساعة"));
    // The dash that closes an aside is not a model's («إف-16»): the number after it counts.
    assert_eq!(
        found("وتنتج المحطة -وهي الأكبر في أفريقيا- 300 مليون متر مكعب"),
        ["figure «300 مليون متر مكعب» 300000000 متر مكعب"]
    );
    assert_eq!(found("اشترت طائرات إف- 35 جديدة"), Vec::<String>::new());
}

#[test]
fn a_bare_number_is_not_a_figure() {
    // Clock times and pieces of dates, spaced as pasted pages have them.
    assert_eq!(found("آخر تحديث 10 : 15 صباحا"), Vec::<String>::new());
    assert_eq!(found("الأخبار المستمرة 09 : 13 09 : 26"), Vec::<String>::new());
    assert_eq!(found("وقع الانفجار عند الساعة 22 , 08 بتوقيت غرينتش"), Vec::<String>::new());
    // Spaced numeric dates are dates (their pieces are no figures).
    assert_eq!(found("تاريخ 20 . 10 . 2017 مواضيع"), ["date «20 . 10 . 2017» 2017-10-20"]);
    let stamp = found("نشر 2018 - 01 - 21 الأحد");
    assert!(stamp.iter().all(|m| m.starts_with("date")), "{stamp:?}");
    assert_eq!(found("الرئيسية 2017 حجم الخط"), Vec::<String>::new());
    // Telephone numbers, issue and page numbers, counters.
    assert_eq!(found("للاتصال : ( 514 ) 636 - 4004"), Vec::<String>::new());
    assert_eq!(found("جدة : 6760000"), Vec::<String>::new());
    assert_eq!(found("العدد 5858 من الصحيفة"), Vec::<String>::new());
    assert_eq!(found("شوهد المقطع 1024 مشاهدة"), Vec::<String>::new());
    assert_eq!(found("اقرأ أيضا 10 مشاركة"), Vec::<String>::new());
    assert_eq!(found("تابعونا على تويتر 150 ألف متابع"), Vec::<String>::new());
    // In a sentence of the story a counter's noun is what it counts.
    assert_eq!(
        found("وقالت الشركة إن بيانات 1.7 مليون مشترك تسربت بعد الهجوم على خوادمها في الكويت"),
        ["figure «1.7 مليون مشترك» 1700000 مشترك"]
    );
    assert_eq!(found("الصفحة 3 من 12"), Vec::<String>::new());
    // Versions and model designators.
    assert_eq!(found("صدرت نسخة أندرويد 4.4 الجديدة"), Vec::<String>::new());
    assert_eq!(found("حلقت قاذفات بي 52 وطائرات سو 24 وميغ 29 فوق المنطقة"), Vec::<String>::new());
    assert_eq!(found("القاذفات من طراز تي يو - 22 إم 3 أقلعت من روسيا"), Vec::<String>::new());
    assert_eq!(found("أطلق صاروخ بركان 2 إتش على المدينة"), Vec::<String>::new());
    // Numbers in names.
    assert_eq!(found("وفق فرانس 24 وعربي 21 فإن المفاوضات مستمرة"), Vec::<String>::new());
    assert_eq!(found("بيان جنيف 1 والقرار 2254"), Vec::<String>::new());
    // Zero-padded digits are a clock's or a date's.
    assert_eq!(found("نشر في 05 ثم حذف"), Vec::<String>::new());
}

#[test]
fn a_figure_restated_after_ay_is_read_whole() {
    // «أي» ("that is") restates a figure in other terms; it folds to the letters of «آي» and
    // «إي», letters of model names, but is not one.
    assert_eq!(found("خسر الجيش كتيبة كاملة، أي 600 جندي، في المعركة"), ["figure «600 جندي» 600 جندي"]);
    assert_eq!(found("بلغت كلفة المشروع أي 2.5 مليار دولار"), ["figure «2.5 مليار دولار» 2500000000 دولار"]);
    assert_eq!(found("وصلت المساعدات، أى 40 شاحنة"), ["figure «40 شاحنة» 40 شاحنة"]);
    assert_eq!(found("وأيّ 12 طالبا لم يحضروا"), ["figure «12 طالبا» 12 طالبا"]);
    // Bare, after a comma or before a number of something.
    assert_eq!(found("زاد العدد بالربع، اي 300 عامل"), ["figure «300 عامل» 300 عامل"]);
    assert_eq!(found("تضاعفت الديون اي 7 ملايين جنيه"), ["figure «7 ملايين جنيه» 7000000 جنيه"]);
    // The letters of a model's name still name it.
    assert_eq!(found("حلقت طائرات آي 25 فوق الحدود"), Vec::<String>::new());
    assert_eq!(found("هبطت طائرة إي 2 للإنذار المبكر"), Vec::<String>::new());
    assert_eq!(found("حلقت طائرات اي 2 فوق الحدود"), Vec::<String>::new());
}

#[test]
fn a_frame_of_counting_supplies_the_noun() {
    assert_eq!(found("بلغ عدد القتلى 25 حتى مساء"), ["figure «25» 25"]);
    assert_eq!(found("ارتفع عدد القتلى في المدينة إلى 30 ، بحسب المرصد"), ["figure «30» 30"]);
    assert_eq!(found("قتل 3 وأصيب 5 في القصف"), ["figure «3» 3", "figure «5» 5"]);
    assert_eq!(found("مقتل 3 وإصابة 5 في انفجار"), ["figure «3» 3", "figure «5» 5"]);
    assert_eq!(found("قدر المرصد العدد بنحو 300"), ["figure «نحو 300» 300 ~about"]);
    assert_eq!(found("قتلت القوات 399 منهم خلال العام"), ["figure «399» 399"]);
    assert_eq!(found("وصل 2200 بينهم 400 مقاتل"), ["figure «2200» 2200", "figure «400 مقاتل» 400 مقاتل"]);
    assert_eq!(found("وأصيب 500 آخرين"), ["figure «500 آخرين» 500 آخرين"]);
    assert_eq!(found("تم ضبط عدد 13 من هؤلاء"), ["figure «13» 13"]);
    assert_eq!(found("اعتقل ثمانية من عناصره"), ["figure «ثمانية من عناصره» 8 عناصره"]);
    assert_eq!(found("نزح 5000 من سكان القرية"), ["figure «5000 من سكان» 5000 سكان"]);
    assert_eq!(found("أيد 80 وعارض 20 وامتنع 5"), ["figure «80» 80", "figure «20» 20", "figure «5» 5"]);
    // A dateline's dash before a count.
    assert_eq!(found("بيروت - 21 قتيلا في غارات"), ["figure «21 قتيلا» 21 قتيلا"]);
    // A number that could be a year counts with a noun the data lists.
    assert_eq!(found("قتل 2015 شخصا في العام الماضي"), ["figure «2015 شخصا» 2015 شخصا", "date «العام الماضي» null"]);
}

#[test]
fn compounds_joined_by_wa_are_one_figure() {
    assert_eq!(found("نشر 18 ألفا و 250 جنديا"), ["figure «18 ألفا و 250 جنديا» 18250 جنديا"]);
    assert_eq!(found("خصص 4 مليارات و 300 مليون دولار"), ["figure «4 مليارات و 300 مليون دولار» 4300000000 دولار"]);
    assert_eq!(found("نزح ألف و 500 شخص"), ["figure «ألف و 500 شخص» 1500 شخص"]);
    assert_eq!(found("قتل ثلاثة آلاف وخمسمئة وعشرون شخصا"), ["figure «ثلاثة آلاف وخمسمئة وعشرون شخصا» 3520 شخصا"]);
    assert_eq!(found("سقط مئتان وخمسة وعشرون قتيلا"), ["figure «مئتان وخمسة وعشرون قتيلا» 225 قتيلا"]);
    assert_eq!(found("كان بين القتلى سيدتين"), ["figure «سيدتين» 2 سيدتين"]);
    assert_eq!(found("نزح مليون ونصف لاجئ"), ["figure «مليون ونصف لاجئ» 1500000 لاجئ"]);
    assert_eq!(found("تظاهر مليون ونصف المليون شخص"), ["figure «مليون ونصف المليون شخص» 1500000 شخص"]);
    assert_eq!(found("خصص 3 مليارات ونصف المليار دولار"), ["figure «3 مليارات ونصف المليار دولار» 3500000000 دولار"]);
    assert_eq!(found("نزح ألف ونصف الألف من سكانها"), ["figure «ألف ونصف الألف من سكانها» 1500 سكانها"]);
    assert_eq!(
        found("تلقى أكثر من ثلاثة ملايين ونصف مليون شخص اللقاح"),
        ["figure «أكثر من ثلاثة ملايين ونصف مليون شخص» 3500000 شخص ~above"]
    );
    assert_eq!(found("خسر مليار ونصف مليار دولار"), ["figure «مليار ونصف مليار دولار» 1500000000 دولار"]);
    // A part as large as the scale begins another figure.
    assert_eq!(
        found("نشر 3 آلاف جندي و 5 آلاف مدني"),
        ["figure «3 آلاف جندي» 3000 جندي", "figure «5 آلاف مدني» 5000 مدني"]
    );
    assert_eq!(found("بين ألفين و 3 آلاف شخص"), ["figure «بين ألفين و 3 آلاف شخص» 2000–3000 شخص"]);
}

#[test]
fn an_accusative_unit_opens_a_compound_number() {
    // «ثمانيا» is «ثمانية» in the accusative: the compound is 78, not its tens alone.
    assert_eq!(found("انتشلت فرق الإنقاذ ثمانيا وسبعين جثة"), ["figure «ثمانيا وسبعين جثة» 78 جثة"]);
    assert_eq!(found("وأحصت تسعا وعشرين إصابة"), ["figure «تسعا وعشرين إصابة» 29 إصابة"]);
    assert_eq!(found("واستمر البحث خمسا وعشرين ساعة"), ["duration «خمسا وعشرين ساعة» PT25H"]);
}

#[test]
fn construct_duals_count_two() {
    assert_eq!(found("استقبلت البلاد ألفي لاجئ"), ["figure «ألفي لاجئ» 2000 لاجئ"]);
    assert_eq!(found("تبرع بمليوني يورو"), ["figure «مليوني يورو» 2000000 يورو"]);
    // The nominative construct dual of «ألف», «مليون», «مليار» is written like their
    // accusative: it is two only opening a number, before its noun.
    assert_eq!(found("عبر الحدود ألفا لاجئ"), ["figure «ألفا لاجئ» 2000 لاجئ"]);
    assert_eq!(found("وخصص للمشروع مليارا دولار"), ["figure «مليارا دولار» 2000000000 دولار"]);
    assert_eq!(found("نشر ثلاثون ألفا من الجنود"), ["figure «ثلاثون ألفا من الجنود» 30000 الجنود"]);
    assert_eq!(found("بلغ عدد المعتقلين ألفا ."), ["figure «ألفا» 1000"]);
    assert_eq!(found("نشر الحرس منصتي صواريخ قرب الحدود"), ["figure «منصتي» 2 منصتي"]);
    // Not when the two are named, nor an adjective «مليوني» (a million strong).
    assert_eq!(found("سقطت قذائف على محافظتي إدلب وحماة"), Vec::<String>::new());
    assert_eq!(found("خرج حشد مليوني في العاصمة"), Vec::<String>::new());
}

#[test]
fn simple_fractions_are_values() {
    assert_eq!(found("نزح نصف مليون لاجئ"), ["figure «نصف مليون لاجئ» 500000 لاجئ"]);
    assert_eq!(found("تكلف المشروع ربع مليار دولار"), ["figure «ربع مليار دولار» 250000000 دولار"]);
    assert_eq!(found("يسيطر التنظيم على ثلث البلاد"), ["figure «ثلث البلاد» 0.3333 البلاد"]);
    assert_eq!(found("صوت ثلثا الأعضاء"), ["figure «ثلثا الأعضاء» 0.6667 الأعضاء"]);
    assert_eq!(found("استمر القصف نصف ساعة"), ["duration «نصف ساعة» PT0.5H"]);
    assert_eq!(found("استمر الاجتماع ساعة ونصف"), ["duration «ساعة ونصف» PT1.5H"]);
    assert_eq!(found("سجن ثلاث سنوات ونصف"), ["duration «ثلاث سنوات ونصف» P3.5Y"]);
    // «النصف» is a part of a period, not an amount.
    assert_eq!(found("في النصف الثاني من العام"), Vec::<String>::new());
}

#[test]
fn a_definite_cardinal_counts_the_noun_before_it() {
    assert_eq!(found("تصدى الأمن للمهاجمين الثلاثة"), ["figure «للمهاجمين الثلاثة» 3 للمهاجمين"]);
    assert_eq!(found("أفرج عن المعتقلين الأربعة عشر"), ["figure «المعتقلين الأربعة عشر» 14 المعتقلين"]);
    assert_eq!(found("وقعت الدول الثلاث الاتفاق"), ["figure «الدول الثلاث» 3 الدول"]);
    assert_eq!(
        found("صوت ستة من أعضائه الخمسة عشر"),
        ["figure «ستة من أعضائه» 6 أعضائه", "figure «الخمسة عشر» 15 أعضائه"]
    );
    // Tens are ordinals too: only after a plural.
    assert_eq!(found("في القرن العشرين نشبت الحرب"), Vec::<String>::new());
    assert_eq!(found("خلال السنوات العشرين الماضية"), ["duration «السنوات العشرين» P20Y"]);
    // «الاثنين» is Monday, «الأحد» Sunday.
    assert!(quantities("اجتمع الوزراء الاثنين").is_empty());
    assert!(quantities("اجتمع الوزراء الأحد").is_empty());
}

#[test]
fn the_ten_of_an_ordinal_teen_is_no_count() {
    // «الثامنة عشرة»، «التاسع عشر» are ordinals (no month follows: no date); their «عشر» is not
    // ten of the word after it.
    assert!(quantities("وهو في الثامنة عشرة من عمره انتقل إلى المدينة").is_empty());
    assert!(quantities("وولد في القرن التاسع عشر ورحل في القرن العشرين").is_empty());
    assert!(quantities("ومن شعراء القرن الثالث عشر مثل ابن الفارض").is_empty());
    // A cardinal teen still counts, and so does a bare ten after a definite noun.
    assert_eq!(found("وقتل خمسة عشر شخصا"), ["figure «خمسة عشر شخصا» 15 شخصا"]);
    assert_eq!(found("وأصيب عشرة أشخاص"), ["figure «عشرة أشخاص» 10 أشخاص"]);
}

// ---- durations ---------------------------------------------------------------------------

#[test]
fn durations() {
    assert_eq!(found("18 عاما من الغزو"), ["duration «18 عاما» P18Y"]);
    assert_eq!(found("بعد ثلاث سنوات عندما"), ["duration «ثلاث سنوات» P3Y"]);
    assert_eq!(found("استمر عقدين"), ["duration «عقدين» P20Y"]);
    assert_eq!(found("بعد عقود من الغزو"), ["duration «عقود» P20Y ~at-least"]);
    assert_eq!(found("وصل منذ ثلاثة أسابيع"), ["duration «ثلاثة أسابيع» P3W"]);
    assert_eq!(found("استضافت القوات لأكثر من عقدين"), ["duration «أكثر من عقدين» P20Y ~above"]);
    assert_eq!(found("واستمر القصف نحو ساعتين"), ["duration «نحو ساعتين» PT2H ~about"]);
    assert_eq!(found("خلال 24 ساعة"), ["duration «24 ساعة» PT24H"]);
    assert_eq!(found("بعد يوم واحد"), ["duration «يوم واحد» P1D"]);
    assert_eq!(found("منذ 1.5 عام"), ["duration «1.5 عام» P1.5Y"]);
    // «عقود» is also "contracts", and «عقد» "held".
    assert_eq!(found("وقعت عقود النفط"), Vec::<String>::new());
    assert_eq!(found("عقد جلسة"), Vec::<String>::new());
}

#[test]
fn durations_of_two_units() {
    // The larger unit first, joined by «و»: one length, counted in the smaller unit.
    assert_eq!(found("سجن ثلاث سنوات وستة أشهر"), ["duration «ثلاث سنوات وستة أشهر» P42M"]);
    assert_eq!(found("وقع قبل عام وشهرين"), ["duration «عام وشهرين» P14M"]);
    assert_eq!(found("استمر الحصار يوما و12 ساعة"), ["duration «يوما و12 ساعة» PT36H"]);
    assert_eq!(found("منذ نحو ساعتين و 30 دقيقة"), ["duration «نحو ساعتين و 30 دقيقة» PT150M ~about"]);
    // Months and weeks do not divide: two lengths; a smaller unit first is a list.
    assert_eq!(found("خلال شهر وأسبوعين"), ["duration «أسبوعين» P2W"]);
    assert_eq!(found("بعد ستة أشهر وثلاث سنوات"), ["duration «ستة أشهر» P6M", "duration «ثلاث سنوات» P3Y"]);
}

#[test]
fn the_minutes_of_a_clock_time_are_no_length() {
    assert_eq!(found("وقع الانفجار عند الساعة السادسة وأربعين دقيقة صباحا"), Vec::<String>::new());
    assert_eq!(found("وفي الساعة 6 و 40 دقيقة"), Vec::<String>::new());
    assert_eq!(found("واستمر القصف ساعة و30 دقيقة"), ["duration «ساعة و30 دقيقة» PT90M"]);
    assert_eq!(found("واستمر القصف 40 دقيقة"), ["duration «40 دقيقة» PT40M"]);
}

#[test]
fn durations_definite_seconds_and_a_single_unit() {
    assert_eq!(found("خلال الأسابيع الثلاثة الماضية تقدم الجيش"), ["duration «الأسابيع الثلاثة» P3W"]);
    assert_eq!(found("قتلوا في الدقائق الثماني الأولى"), ["duration «الدقائق الثماني» PT8M"]);
    assert_eq!(found("في الأشهر الستة الأخيرة"), ["duration «الأشهر الستة» P6M"]);
    assert_eq!(found("في الساعات الأربع والعشرين الأولى"), ["duration «الساعات الأربع والعشرين» PT24H"]);
    assert_eq!(found("أفرج عن المعتقلين الخمسة والعشرين"), ["figure «المعتقلين الخمسة والعشرين» 25 المعتقلين"]);
    // A plural of some after a number counts: «ستة عقود» is sixty years.
    assert_eq!(found("تحكم البلاد منذ ستة عقود"), ["duration «ستة عقود» P60Y"]);
    assert_eq!(found("بعد عقود من الحرب"), ["duration «عقود» P20Y ~at-least"]);
    assert_eq!(found("خلال الساعات الـ24 الماضية"), ["duration «الـ24» PT24H"]);
    assert_eq!(found("خلال الساعات ال - 24 الماضية"), ["duration «ال - 24» PT24H"]);
    assert_eq!(found("اعترض الصاروخ خلال 30 ثانية"), ["duration «30 ثانية» PT30S"]);
    assert_eq!(found("دوى الانفجار بعد ثانيتين"), ["duration «ثانيتين» PT2S"]);
    assert_eq!(found("خلال 36 ساعة"), ["duration «36 ساعة» PT36H"]);
    assert_eq!(found("طوال أربع سنوات حكم الحزب"), ["duration «أربع سنوات» P4Y"]);
    assert_eq!(found("استمر نحو 6 سنوات"), ["duration «نحو 6 سنوات» P6Y ~about"]);
    // One unit after a word of elapsed time or a hedge.
    assert_eq!(found("يعيش فيها منذ عام ، ولم يغادرها"), ["duration «عام» P1Y"]);
    assert_eq!(found("بعد عام على وصوله"), ["duration «عام» P1Y"]);
    assert_eq!(found("منذ أسبوع تقريبا"), ["duration «أسبوع تقريبا» P1W ~about"]);
    assert_eq!(found("استمر الحصار أكثر من عام"), ["duration «أكثر من عام» P1Y ~above"]);
    // After a hedge, whatever word follows: «عقد» there cannot be the verb (held).
    assert_eq!(found("ومنذ أكثر من عقد تعيش البلاد أزمة"), ["duration «أكثر من عقد» P10Y ~above"]);
    assert_eq!(found("واستمرت الحرب نحو عقد كامل"), ["duration «نحو عقد» P10Y ~about"]);
    assert_eq!(found("وبدأ حوالي عام 2010"), ["date «عام 2010» 2010"]);
    // Not a date, not «عقد» (held), not a number after it.
    assert_eq!(found("يعيش هنا منذ عام 2014"), ["date «عام 2014» 2014"]);
    assert_eq!(found("بعد عقد اجتماع طارئ"), Vec::<String>::new());
    assert!(quantities("خلال شهر رمضان").is_empty());
    // Durations are never figures.
    assert!(extract("خلال 36 ساعة").iter().all(|m| !matches!(m.kind, MentionKind::Figure(_))));
}

// ---- spans ---------------------------------------------------------------------------------

#[test]
fn clitics_stay_outside_the_span() {
    let text = "وفي 3 يناير 2020";
    assert_eq!(extract(text)[0].span, span_of(text, "3 يناير 2020"));
    let text = "ولأكثر من عقدين";
    assert_eq!(extract(text)[0].span, span_of(text, "أكثر من عقدين"));
    let text = "وبمئتي جندي";
    assert_eq!(found(text), ["figure «مئتي جندي» 200 جندي"]);
}

#[test]
fn spans_are_byte_exact_with_crlf() {
    let text = "سطر أول\r\nوفي 5 يناير 2020\r\n170 ألف جندي\r\n";
    let ms = extract(text);
    assert_eq!(ms[0].span, span_of(text, "5 يناير 2020"));
    assert_eq!(ms[1].span, span_of(text, "170 ألف جندي"));
    // A date never runs across a line break.
    assert_eq!(found("في 5 يناير\n2020 جندي"), ["date «5 يناير» --01-05", "figure «2020 جندي» 2020 جندي"]);
}

// ---- dates as wire copy and pasted pages write them ----------------------------------------

/// Only the dates of `found_published`.
fn dates_published(text: &str, published: Option<&str>) -> Vec<String> {
    found_published(text, published).into_iter().filter(|m| m.starts_with("date")).collect()
}

fn dates(text: &str) -> Vec<String> {
    dates_published(text, None)
}

#[test]
fn separators_may_stand_apart_from_the_digits() {
    assert_eq!(dates("صدر الحكم بتاريخ 14 / 02 / 2019 عن المحكمة"), ["date «14 / 02 / 2019» 2019-02-14"]);
    assert_eq!(dates("افتتح المعرض في 2022 - 11 - 03 بحضور الوزير"), ["date «2022 - 11 - 03» 2022-11-03"]);
    assert_eq!(dates("وثيقة مؤرخة في 07 . 09 . 2020 وصلت"), ["date «07 . 09 . 2020» 2020-09-07"]);
    assert_eq!(dates("آخر تعديل 2019 / 03 / 15 ميلادي"), ["date «2019 / 03 / 15 ميلادي» 2019-03-15"]);
    // A year of 1300–1600 is a Hijri year, with or without its era.
    let (y, m, d) = hijri_to_gregorian(1443, 5, 12).unwrap();
    assert_eq!(dates("صدر التعميم في 1443 / 5 / 12 هـ"), [format!("date «1443 / 5 / 12 هـ» {y}-{m:02}-{d:02}")]);
    // A weekday written after the digits belongs to the date.
    let text = "نشر في 2019 - 03 - 15 الجمعة";
    let MentionKind::Date(d) = &extract(text)[0].kind else { panic!() };
    assert_eq!((d.weekday, d.value), (Some(5), Some(DateValue::ymd(2019, 3, 15))));
    // Spaced, a month or day that does not exist is not a date but three numbers.
    assert!(dates("النتيجة 3 / 15 / 2020 في المباراة").is_empty());
}

#[test]
fn a_time_of_day_is_not_a_date_and_its_m_is_evening() {
    assert!(dates("هبطت الطائرة عند الساعة 10 : 15 م في المطار").is_empty());
    assert!(dates("هبطت الطائرة عند الساعة 7 م في المطار").is_empty());
    assert!(dates("بدأ الاجتماع 9:30 م واستمر").is_empty());
    // A real year keeps its era.
    assert_eq!(dates("ولد عام 1950 م في القاهرة"), ["date «عام 1950 م» 1950"]);
}

#[test]
fn the_month_may_come_first_and_a_comma_before_the_year() {
    assert_eq!(dates("وقع الاتفاق مارس 7 , 2019 بعد مفاوضات"), ["date «مارس 7 , 2019» 2019-03-07"]);
    assert_eq!(dates("وقع الاتفاق في مارس 7، 2019"), ["date «مارس 7، 2019» 2019-03-07"]);
    assert_eq!(dates("الخميس , أغسطس 6 , 2020 تسجيل الدخول"), ["date «الخميس , أغسطس 6 , 2020» 2020-08-06"]);
    assert_eq!(dates("الأربعاء 14 , أكتوبر 2020 في"), ["date «الأربعاء 14 , أكتوبر 2020» 2020-10-14"]);
    // English month names inside Arabic copy.
    assert_eq!(dates("نشرت الوكالة June 3, 2021 خبرا"), ["date «June 3, 2021» 2021-06-03"]);
    assert_eq!(dates("في 12 March 2020 اجتمع المجلس"), ["date «12 March 2020» 2020-03-12"]);
    // A month alone after a number is not a date in month-first order without a year.
    assert_eq!(dates("قتل في مارس 15 شخصا"), ["date «مارس» --03"]);
    // A comma between day and month needs the year after the month.
    assert!(dates("وصل 27 , ديسمبر").is_empty());
    // A comma before the year, where the year counts nothing.
    assert_eq!(dates("في 5 يناير، 2020 - 10:30"), ["date «5 يناير، 2020» 2020-01-05"]);
    assert_eq!(dates("في 5 يناير، 2000 شخص تظاهروا"), ["date «5 يناير» --01-05"]);
}

#[test]
fn a_date_may_open_a_line() {
    assert_eq!(dates("قال المتحدث:\nيونيو 2021 شهد ارتفاعا"), ["date «يونيو 2021» 2021-06"]);
    assert_eq!(dates("بيان\nالأحد 5 يناير 2020 أعلنت الوزارة"), ["date «الأحد 5 يناير 2020» 2020-01-05"]);
    assert_eq!(dates("ثم\n5 يناير 2020"), ["date «5 يناير 2020» 2020-01-05"]);
}

#[test]
fn weekday_and_date_joined_across_brackets_dashes_slashes() {
    // 16 August 2021 was a Monday.
    assert_eq!(dates("أعلن الجيش يوم الاثنين (16 أغسطس 2021) أن"), ["date «يوم الاثنين (16 أغسطس 2021)» 2021-08-16"]);
    assert_eq!(dates("وقع الانفجار الثلاثاء - 17 أغسطس 2021 في"), ["date «الثلاثاء - 17 أغسطس 2021» 2021-08-17"]);
    assert_eq!(dates("الأربعاء الموافق 18 أغسطس 2021"), ["date «الأربعاء الموافق 18 أغسطس 2021» 2021-08-18"]);
    assert_eq!(dates("وصل في 19 أغسطس (الخميس)"), ["date «19 أغسطس (الخميس)» --08-19"]);
    let (y, m, d) = hijri_to_gregorian(1443, 5, 9).unwrap();
    assert_eq!(
        dates("الخميس / 9 / جمادى الأولى / 1443 هـ - الخميس 16 ديسمبر 2021"),
        [
            format!("date «الخميس / 9 / جمادى الأولى / 1443 هـ» {y}-{m:02}-{d:02}"),
            "date «الخميس 16 ديسمبر 2021» 2021-12-16".into()
        ]
    );
    // «اليوم» or «أمس» with the date in brackets: the date is the value, its year from the
    // publication date when it has none.
    assert_eq!(
        dates("قالت الحكومة أمس السبت ( 11 سبتمبر أيلول ) إن"),
        ["date «أمس السبت ( 11 سبتمبر أيلول )» --09-11 | «أيلول» --09-11"]
    );
    assert_eq!(
        dates_published("قالت الحكومة اليوم الأحد (12 سبتمبر) إن", Some("2021-09-12")),
        ["date «اليوم الأحد (12 سبتمبر)» 2021-09-12"]
    );
    assert_eq!(
        dates("اليوم الجمعة ( 20 أكتوبر / تشرين الأول 2017 ) أعلنت"),
        ["date «اليوم الجمعة ( 20 أكتوبر / تشرين الأول 2017 )» 2017-10-20 | «تشرين الأول» 2017-10-20"]
    );
}

#[test]
fn hijri_and_gregorian_joined_by_doubled_dash_or_bar() {
    let (y, m, d) = hijri_to_gregorian(1442, 8, 15).unwrap();
    assert_eq!(
        dates("صدر في 15 شعبان 1442 هـ - - 28 مارس 2021 م"),
        [format!("date «15 شعبان 1442 هـ - - 28 مارس 2021 م» {y}-{m:02}-{d:02} | «28 مارس 2021 م» 2021-03-28")]
    );
    let (y, m, d) = hijri_to_gregorian(1442, 11, 3).unwrap();
    assert_eq!(
        dates("صدر في 3 ذو القعدة 1442 هـ | 13 يونيو 2021"),
        [format!("date «3 ذو القعدة 1442 هـ | 13 يونيو 2021» {y}-{m:02}-{d:02} | «13 يونيو 2021» 2021-06-13")]
    );
}

#[test]
fn coordinated_days_and_years_are_a_date_each() {
    // Each day of «يومي 12 و 13 أبريل» is a date of its own in the month they share.
    assert_eq!(
        dates("عقدت الجلسات يومي 12 و 13 أبريل 2022 في جنيف"),
        ["date «يومي 12» 2022-04-12", "date «13 أبريل 2022» 2022-04-13"]
    );
    assert_eq!(dates("في 3 و4 و5 مايو"), ["date «3» --05-03", "date «4» --05-04", "date «5 مايو» --05-05"]);
    assert_eq!(
        dates("في الخامس والسادس من يونيو 2019"),
        ["date «الخامس» 2019-06-05", "date «السادس من يونيو 2019» 2019-06-06"]
    );
    assert_eq!(dates("من 10 إلى 12 نوفمبر"), ["date «10» --11-10", "date «12 نوفمبر» --11-12"]);
    assert_eq!(dates("بين عامي 2005 و 2009 تضاعف"), ["date «عامي 2005» 2005", "date «2009» 2009"]);
    assert_eq!(dates("في 2014 و2018 جرت"), ["date «2014» 2014", "date «2018» 2018"]);
    // A day that does not exist in the shared month is not read.
    assert_eq!(dates("في 30 و 31 فبراير"), ["date «31 فبراير» invalid"]);
    // Numbers joined by «و» before a counted noun are not days.
    assert!(dates("قتل 3 و 4 أصيبوا").is_empty());
}

#[test]
fn years_of_events_and_parts_of_months() {
    assert_eq!(dates("منذ حرب 1973 لم تتغير"), ["date «1973» 1973"]);
    // A part of a year, or a word of starting, and «من»: the number after it is a year.
    assert_eq!(dates("وفي الربع الأخير من 2021 ارتفعت الأسعار"), ["date «2021» 2021"]);
    assert_eq!(dates("ويطبق القرار اعتبارا من 2022"), ["date «2022» 2022"]);
    // The Maghreb's quarter and half-year, and a part counted in months.
    assert_eq!(dates("وانكمش الاقتصاد في الثلاثي الثاني من 2020"), ["date «2020» 2020"]);
    assert_eq!(dates("وتحسنت المداخيل خلال السداسي الأول من 2023"), ["date «2023» 2023"]);
    assert_eq!(dates("وتضاعفت المبيعات في الأشهر الستة الأولى من 2019"), ["date «2019» 2019"]);
    assert!(dates("وارتفع العدد بأكثر من 2021 شخصا").is_empty());
    assert_eq!(dates("في انتخابات 2018 فاز"), ["date «2018» 2018"]);
    // A season's year.
    assert_eq!(dates("وهو أسوأ جفاف منذ صيف 2007"), ["date «2007» 2007"]);
    assert_eq!(dates("وفي شتاء 2012 انقطعت الطرق"), ["date «2012» 2012"]);
    assert_eq!(dates("في ربيع الآخر 1440"), ["date «ربيع الآخر 1440» 2018-12"]);
    // «حرب أكتوبر» is a name, not a month.
    assert!(dates("ذكرى حرب أكتوبر").is_empty());
    assert_eq!(dates("في أوائل مارس 2020 أغلقت"), ["date «أوائل مارس 2020» 2020-03"]);
    assert_eq!(dates("حتى منتصف يوليو"), ["date «منتصف يوليو» --07"]);
    // A half, a week or ten days of a month are parts of it, not the day their ordinal says.
    assert_eq!(dates("خلال النصف الثاني من مارس"), ["date «النصف الثاني من مارس» --03"]);
    assert_eq!(dates("في الأسبوع الأول من يونيو"), ["date «الأسبوع الأول من يونيو» --06"]);
    assert!(dates("في الشطر الثاني من مايو").iter().all(|d| !d.contains("--05-02")));
    // «أول» before a month is its first day.
    assert_eq!(dates("اعتبارا من أول يناير 2026"), ["date «أول يناير 2026» 2026-01-01"]);
    assert_eq!(dates_published("في أواخر ديسمبر الماضي", Some("2021-03-01")), ["date «أواخر ديسمبر الماضي» 2020-12"]);
    assert_eq!(dates_published("مطلع الشهر المقبل", Some("2021-03-10")), ["date «مطلع الشهر المقبل» 2021-04"]);
    let text = "في أواسط أغسطس 2019";
    let MentionKind::Date(d) = &extract(text)[0].kind else { panic!() };
    assert_eq!(d.part, Some(tadqiq_core::lexicon::Part::Mid));
}

#[test]
fn ordinal_days_in_every_gender_and_compound() {
    assert_eq!(dates("في الحادي و العشرين من مارس 2019"), ["date «الحادي و العشرين من مارس 2019» 2019-03-21"]);
    assert_eq!(dates("في الثالث والعشرون من يوليو 1952"), ["date «الثالث والعشرون من يوليو 1952» 1952-07-23"]);
    assert_eq!(dates("حتى الواحد والثلاثين من ديسمبر"), ["date «الواحد والثلاثين من ديسمبر» --12-31"]);
    assert_eq!(dates("في الحادية عشرة من نوفمبر 2018"), ["date «الحادية عشرة من نوفمبر 2018» 2018-11-11"]);
    assert_eq!(dates("في الثانية من مايو 2016"), ["date «الثانية من مايو 2016» 2016-05-02"]);
    let (y, m, d) = hijri_to_gregorian(1443, 9, 1).unwrap();
    assert_eq!(dates("يبدأ الصوم غرة رمضان 1443 هـ"), [format!("date «غرة رمضان 1443 هـ» {y}-{m:02}-{d:02}")]);
    // An ordinal hour is not a day: no month follows.
    assert!(dates("في الحادية عشرة من صباح الخميس").iter().all(|d| !d.contains("الحادية")));
}

#[test]
fn relative_dates_as_news_writes_them() {
    let p = Some("2021-11-18"); // a Thursday
    assert_eq!(dates_published("وقال الخميس إن المفاوضات", p), ["date «الخميس» 2021-11-18"]);
    assert_eq!(dates_published("منذ الثلاثاء الماضي", p), ["date «الثلاثاء الماضي» 2021-11-16"]);
    assert_eq!(dates_published("وصل الثلثاء إلى", p), ["date «الثلثاء» 2021-11-16"]);
    assert_eq!(dates_published("خلال الشهر الماضي", p), ["date «الشهر الماضي» 2021-10"]);
    assert_eq!(dates_published("في السنة السابقة", p), ["date «السنة السابقة» 2020"]);
    assert_eq!(dates_published("في السنة القادمة", p), ["date «السنة القادمة» 2022"]);
    assert_eq!(dates_published("وصل قبل أسبوع", p), ["date «قبل أسبوع» 2021-11-11"]);
    assert_eq!(dates_published("وصل وقبل يومين غادر", p), ["date «قبل يومين» 2021-11-16"]);
    assert_eq!(dates_published("بدأ قبل ثلاثة أشهر", p), ["date «قبل ثلاثة أشهر» 2021-08"]);
    // Years back, or a hedged length, are too coarse to date anything: lengths of time.
    assert!(dates_published("انتخب قبل عامين", p).is_empty());
    assert!(dates_published("وصل قبل نحو شهرين", p).is_empty());
    assert_eq!(dates_published("قتل الليلة الماضية", p), ["date «الليلة الماضية» 2021-11-17"]);
    assert_eq!(dates_published("في 11 من الشهر الجاري", p), ["date «11 من الشهر الجاري» 2021-11-11"]);
    assert_eq!(dates_published("في أكتوبر من العام الماضي", p), ["date «أكتوبر من العام الماضي» 2020-10"]);
    assert_eq!(dates_published("في مارس من عام 2015", p), ["date «مارس من عام 2015» 2015-03"]);
    // The night between two days is the first one's.
    assert_eq!(dates_published("قصفت ليل الأحد الاثنين", p), ["date «الأحد الاثنين» 2021-11-14"]);
    assert_eq!(dates_published("قصفت ليل الأحد - الاثنين", p), ["date «الأحد - الاثنين» 2021-11-14"]);
    assert_eq!(dates_published("قصفت منتصف ليل الأحد الاثنين", p), ["date «الأحد الاثنين» 2021-11-15"]);
    // Before an event, not before publication; an hour ago is a time, not a day.
    assert!(dates_published("وصل قبل يومين من الانتخابات", p).is_empty());
    assert!(dates_published("ويأتي الهجوم قبل عشرة أيام فقط من مؤتمر وطني", p).is_empty());
    assert!(dates_published("نشر قبل ساعة", p).is_empty());
    assert!(dates_published("منذ يومين", p).is_empty());
}

#[test]
fn holidays_through_their_calendar() {
    assert_eq!(dates("حل عيد الفطر 2022 في"), ["date «عيد الفطر 2022» 2022-05-02"]);
    let (y, m, d) = hijri_to_gregorian(1442, 12, 10).unwrap();
    assert_eq!(dates("في عيد الأضحى 1442 هـ"), [format!("date «عيد الأضحى 1442 هـ» {y}-{m:02}-{d:02}")]);
    assert_eq!(dates("احتفالات عيد الميلاد 2020"), ["date «عيد الميلاد 2020» 2020-12-25"]);
    // Without a year: the nearest one to publication, or the last or next one.
    let p = Some("2021-07-01");
    assert_eq!(dates_published("قبل عيد الأضحى بأيام", p), ["date «عيد الأضحى» 2021-07-20"]);
    assert_eq!(dates_published("منذ عيد الميلاد الماضي", p), ["date «عيد الميلاد الماضي» 2020-12-25"]);
    assert_eq!(dates_published("مع رأس السنة الهجرية", p), ["date «رأس السنة الهجرية» 2021-08-09"]);
    assert_eq!(dates_published("خلال شهر رمضان", p), ["date «شهر رمضان» 2021-04"]);
    assert_eq!(dates_published("في رمضان الماضي", Some("2021-03-01")), ["date «رمضان الماضي» 2020-04"]);
    assert_eq!(dates("قبل عيد الفطر"), ["date «عيد الفطر» null"]);
    // A Hijri day with no year, likewise («27 رمضان» 1442 is 9 May 2021).
    assert_eq!(dates_published("وصل الوفد في 27 رمضان", Some("2021-05-02")), ["date «27 رمضان» 2021-05-09"]);
    assert_eq!(
        dates_published("في الرابع عشر من رمضان", Some("2021-05-02")),
        ["date «الرابع عشر من رمضان» 2021-04-26"]
    );
    // Ramadan is a Hijri month: with a Gregorian year, the one that begins in it; after a
    // preposition, alone; never the given name or the first name of «رجب طيب أردوغان».
    assert_eq!(dates("في رمضان 2021 ارتفعت الأسعار"), ["date «رمضان 2021» 2021-04"]);
    assert_eq!(dates_published("ارتفعت الأسعار خلال رمضان.", p), ["date «رمضان» 2021-04"]);
    assert!(dates("ثقة في رجب طيب أردوغان").is_empty());
    assert!(dates("قال رمضان عبد الله").is_empty());
    // «عيد ميلاده» is his birthday.
    assert!(dates("احتفل بعيد ميلاده").is_empty());
}

#[test]
fn outlet_and_programme_names_are_not_dates() {
    let p = Some("2021-11-18");
    assert!(dates_published("ذكرت قناة روسيا اليوم أن", p).is_empty());
    assert!(dates_published("نقلت صحيفة رأي اليوم عن مصادر", p).is_empty());
    assert!(dates_published("بحسب موقع اليوم السابع", p).is_empty());
    assert!(dates_published("وقالت قناة الغد إن", p).is_empty());
    assert!(dates_published("عنوان الخبر | روسيا اليوم", p).is_empty());
    assert!(dates_published("في برنامج ضيف اليوم", p).is_empty());
    // Unframed, «روسيا اليوم» is also "Russia today".
    assert_eq!(dates_published("تواجه روسيا اليوم عقوبات جديدة", p), ["date «اليوم» 2021-11-18"]);
    // «اليوم» before the next constituent is today; before a description it is "the day".
    assert_eq!(dates_published("تناقش اللجنة اليوم الاقتراح", p), ["date «اليوم» 2021-11-18"]);
    assert!(dates_published("في اليوم التالي للهجوم", p).is_empty());
    assert!(dates_published("في اليوم الوطني", p).is_empty());
    // A rate per day, of two written as a dual.
    assert!(dates_published("انخفضت التغذية إلى نحو ساعتين في اليوم", p).is_empty());
    assert!(dates_published("وتوزع الحصص مرتين في اليوم", p).is_empty());
}

// ---- publication date from the page and page furniture -----------------------------------

fn published(text: &str) -> Option<(String, PublishedSource)> {
    analyse(text, None).published.map(|(p, s)| (p.to_string(), s))
}

/// The texts of the dates that stand in furniture.
fn furniture(text: &str) -> Vec<String> {
    let a = analyse(text, None);
    a.mentions
        .iter()
        .filter(|m| a.in_furniture(m) && matches!(m.kind, MentionKind::Date(_)))
        .map(|m| text[m.span.start..m.span.end].to_string())
        .collect()
}

#[test]
fn a_wire_dateline_with_no_year_takes_the_year_its_weekday_fits() {
    // 9 March 2025 was a Sunday; 2024 and 2026 would put it on a Saturday and a Monday.
    let text = "الرباط 9 مارس آذار (رويترز) - قال البنك المركزي يوم الأحد إن التضخم بلغ 2 بالمئة \
                في فبراير شباط 2025، ويتوقع أن يتراجع في 2026 و2027.";
    assert_eq!(published(text), Some(("2025-03-09".into(), PublishedSource::Dateline)));
    // No weekday in the lead, or no year of the text that fits it: no publication date.
    let text = "الرباط 9 مارس آذار (رويترز) - قال البنك المركزي إن التضخم بلغ 2 بالمئة في 2025.";
    assert_eq!(published(text), None);
    let text = "الرباط 9 مارس آذار (رويترز) - قال البنك المركزي يوم الثلاثاء إن التضخم بلغ 2 بالمئة في 2025.";
    assert_eq!(published(text), None);
    let text = "الرباط 9 مارس آذار (رويترز) - قال البنك المركزي يوم الأحد إن التضخم تراجع.";
    assert_eq!(published(text), None);
}

#[test]
fn a_stamp_on_the_page_dates_the_article() {
    let text = "تاريخ النشر : 12 / 03 / 2021\nقال الوزير أمس إن الخطة جاهزة.";
    assert_eq!(published(text), Some(("2021-03-12".into(), PublishedSource::Dateline)));
    assert_eq!(found(text)[1], "date «أمس» 2021-03-11");
    let text = "نشر في 4 أبريل 2021 - 10:30\nأعلنت الشركة الشهر الماضي نتائجها.";
    assert_eq!(published(text), Some(("2021-04-04".into(), PublishedSource::Dateline)));
    let text = "First Published: March 5, 2021\nوصل الوفد أمس.";
    assert_eq!(published(text), Some(("2021-03-05".into(), PublishedSource::Dateline)));
    let text = "آخر تحديث : 05 / 12 / 2017\nقال المصدر أمس الاثنين إن";
    assert_eq!(published(text), Some(("2017-12-05".into(), PublishedSource::Dateline)));
    // A date and a time at the top of the page.
    let text = "عنوان الخبر\nالثلاثاء 9 نوفمبر 2021 14 : 05\nقال المتحدث اليوم الثلاثاء إن";
    assert_eq!(published(text), Some(("2021-11-09".into(), PublishedSource::Dateline)));
    // The prose stating the day outright wins over a stamp.
    let text = "الثلاثاء 9 نوفمبر 2021 14:05\nقال اليوم الأربعاء 10 نوفمبر 2021 إن";
    assert_eq!(published(text), Some(("2021-11-10".into(), PublishedSource::Inferred)));
}

#[test]
fn a_stamp_must_fit_the_weekday_the_lead_gives() {
    // The day the page was copied: a Sunday, while the article says today is Tuesday.
    let text = "الأحد 14 نوفمبر 2021 09 : 12\nقال المتحدث اليوم الثلاثاء إن الاتفاق قريب.";
    assert_eq!(published(text), None);
    // Stamped after midnight: the article's today is the day before the stamp.
    let text = "الأربعاء 10 نوفمبر 2021 00 : 40\nقال المتحدث اليوم الثلاثاء إن الاتفاق قريب.";
    assert_eq!(published(text), Some(("2021-11-09".into(), PublishedSource::Dateline)));
    // The site's own stamp is the day the page was copied, never the article's.
    assert_eq!(published("تحديث الموقع 2022 / 01 / 21\nقال المتحدث أمس إن"), None);
    // A verb of publishing in prose is not a stamp.
    let text = "قال المتحدث إن المكتب نشر في 5 مايو 2021 تقريرا عن الأزمة.";
    assert_eq!(published(text), None);
    assert!(furniture(text).is_empty());
    // The first day of a range in the lead is a day of the range, not a stamp in digits.
    let text = "تنطلق القمة من 5 إلى 7 مارس 2023 في الرياض.";
    assert_eq!(published(text), None);
    assert!(furniture(text).is_empty());
    assert_eq!(published("20 / 01 / 2022\nقال المتحدث أمس إن"), Some(("2022-01-20".into(), PublishedSource::Dateline)));
    // The article's own dateline is the day it gives itself: a lead's «أمس الأحد» that does not
    // fit it (9 September 2025 was a Tuesday) is the lead's error, not a day to move it by.
    let text = "بيروت - 9 أيلول 2025 (أ ف ب) - اندلع الحريق أمس الأحد في الأحراج.";
    assert_eq!(published(text), Some(("2025-09-09".into(), PublishedSource::Dateline)));
    let text = "بيروت - 10 أيلول 2025 (أ ف ب) - اندلع الحريق أمس الأحد في الأحراج.";
    assert_eq!(published(text), Some(("2025-09-10".into(), PublishedSource::Dateline)));
}

#[test]
fn page_furniture_is_told_from_prose() {
    // A stamp with its time.
    let text = "الثلاثاء 9 نوفمبر 2021 14 : 05\nقال المتحدث إن 3 جنود قتلوا في 5 نوفمبر 2021.";
    assert_eq!(furniture(text), ["الثلاثاء 9 نوفمبر 2021"]);
    // A list of other articles, each with its date.
    let list = "وقال إن الهجوم وقع في 3 مارس 2021.\n\
        مقتل جنديين في هجوم الأحد 7 مارس 2021 10 : 20 وصول مساعدات إلى المدينة الاثنين 8 مارس 2021 \
        11 : 05 افتتاح معبر حدودي الثلاثاء 9 مارس 2021 09 : 40";
    assert_eq!(furniture(list), ["الأحد 7 مارس 2021", "الاثنين 8 مارس 2021", "الثلاثاء 9 مارس 2021"]);
    // A copyright line.
    assert_eq!(furniture("وصل الوفد في 2020.\nجميع الحقوق محفوظة 2021"), Vec::<String>::new());
    let a = analyse("وصل الوفد عام 2020.\n© جميع الحقوق محفوظة لعام 2021", None);
    let inside: Vec<bool> = a.mentions.iter().map(|m| a.in_furniture(m)).collect();
    assert_eq!(inside, [false, true]);
    // Prose dates, however many, are prose.
    let prose = "جرت الانتخابات في 5 مارس 2014 ثم في 7 مارس 2015 وفي 9 مارس 2016 وفي 2 مارس 2017.";
    assert!(furniture(prose).is_empty());
}

#[test]
fn years_before_christ_are_neither_dates_nor_counts() {
    assert_eq!(found("يعود المعبد إلى نحو عام 1350 قبل الميلاد"), Vec::<String>::new());
    assert_eq!(found("وتأسست المدينة سنة 332 ق.م على الساحل"), Vec::<String>::new());
    assert_eq!(found("حكمها بين عامي 1550 و1292 قبل الميلاد ملوك الأسرة"), Vec::<String>::new());
    assert_eq!(found("الملك أمنحتب الثالث (1390 - 1352 ق. م)"), Vec::<String>::new());
    // How long ago is a length of time; a year of our era is a date.
    assert_eq!(found("ويعود إلى 3000 عام قبل الميلاد"), ["duration «3000 عام» P3000Y"]);
    assert_eq!(found("وبني المسجد عام 1350 في القاهرة"), ["date «عام 1350» 1350"]);
}

#[test]
fn a_definite_unit_and_tens_after_the_counted_noun() {
    assert_eq!(found("وأفرج عن أفراد الطاقم الثلاثة والعشرين"), ["figure «الطاقم الثلاثة والعشرين» 23 الطاقم"]);
    assert_eq!(found("وقال إن البحارة الخمسة والعشرين بخير"), ["figure «البحارة الخمسة والعشرين» 25 البحارة"]);
    // One and two are ordinals too: the century is the twenty-first.
    assert_eq!(found("في القرن الواحد والعشرين"), Vec::<String>::new());
}

#[test]
fn datelines_without_a_mark_after_the_place_or_with_the_agency_bare() {
    let dateline = |d: &str| Some((d.to_string(), PublishedSource::Dateline));
    // The place, the date and the dash at once.
    assert_eq!(published("الرباط 9 جويلية 2025 - قال مسؤول أمس إن العمل استؤنف."), dateline("2025-07-09"));
    // The agency's abbreviation ending the line, without brackets, and a Hijri date's equivalent.
    assert_eq!(published("مكة المكرمة 05 يونيو 2025 م واس\nوقف الحجاج اليوم على صعيد عرفات."), dateline("2025-06-05"));
    assert_eq!(
        published("الرياض 10 ذو الحجة 1446 هـ الموافق 06 يونيو 2025 م واس\nقال مسؤول أمس إن العمل استؤنف."),
        dateline("2025-06-06")
    );
    // A sentence that opens with a place and a date is no dateline.
    assert_eq!(published("وصل الوفد في 6 مارس 2024 - بعد تأخير - إلى العاصمة"), None);
}

#[test]
fn a_name_no_list_knows_that_ends_with_today_is_no_date() {
    // In quotation marks after «لـ» or an outlet's head, and a masthead alone on its line.
    assert_eq!(found("وقال الخبير في تصريح لـ\"الأطلس اليوم\" إن الوضع صعب."), Vec::<String>::new());
    assert_eq!(found("ونقلت صحيفة «الواحة اليوم» عن مصدر أن الوفد وصل."), Vec::<String>::new());
    assert_eq!(found("الواحة اليوم\n\nقال مسؤول إن الوفد وصل."), Vec::<String>::new());
    // Quoted speech and prose keep their today.
    assert_eq!(found("وقال الوزير: \"سنعلن النتائج اليوم\" في مؤتمر صحفي."), ["date «اليوم» null"]);
    assert_eq!(found("وتبدأ الامتحانات اليوم في كل المدارس."), ["date «اليوم» null"]);
}

#[test]
fn a_paper_named_on_its_byline_is_no_tomorrow() {
    assert_eq!(found("الغد - الأربعاء 10 أيلول 2025"), ["date «الأربعاء 10 أيلول 2025» 2025-09-10"]);
    assert_eq!(found("عمان - الغد - قال مسؤول إن العمل استؤنف"), Vec::<String>::new());
}

#[test]
fn a_stamp_the_lead_confirms_stands_beside_a_slip() {
    // «اليوم الأربعاء» confirms the Wednesday stamp; «أمس الإثنين» is the lead's slip, not a
    // reason to date the article a day earlier.
    let text = "الأربعاء، 05 مارس 2025 04:30 م\nأعلنت الشركة اليوم الأربعاء أنها تعرضت لهجوم أمس الإثنين.";
    assert_eq!(published(text), Some(("2025-03-05".into(), PublishedSource::Dateline)));
}

#[test]
fn a_stamp_that_fixes_its_day_is_not_moved_by_the_lead() {
    // Stamped in the morning: «أمس الثلاثاء» under a Thursday is the lead's slip, not copy
    // filed on Wednesday night.
    let text = "تاريخ النشر: 2024/02/15 - 09:45\nأعلن الدفاع المدني أمس الثلاثاء انتشال جثتين.";
    assert_eq!(published(text), Some(("2024-02-15".into(), PublishedSource::Dateline)));
    let text = "نشر في: الخميس 15 شباط 2024\nأعلن الدفاع المدني أمس الثلاثاء انتشال جثتين.";
    assert_eq!(published(text), Some(("2024-02-15".into(), PublishedSource::Dateline)));
    // A stamp with no time, in digits or with its label, is the day the page gives itself.
    let text = "انتشال جثتين من تحت الأنقاض\n\n2024/02/15\n\nأعلن الدفاع المدني أمس الثلاثاء انتشال جثتين.";
    assert_eq!(published(text), Some(("2024-02-15".into(), PublishedSource::Dateline)));
    let text = "نشر في: 2024/02/15\nأعلن الدفاع المدني أمس الثلاثاء انتشال جثتين.";
    assert_eq!(published(text), Some(("2024-02-15".into(), PublishedSource::Dateline)));
    // Half past twelve with no «ص» is noon, on either clock.
    let text = "الخميس 15 شباط 2024 - 12:30\nأعلن الدفاع المدني أمس الثلاثاء انتشال جثتين.";
    assert_eq!(published(text), Some(("2024-02-15".into(), PublishedSource::Dateline)));
    // A time in the small hours, even beside a weekday: Wednesday night's copy.
    let text = "الخميس 15 شباط 2024 في 12 : 20 ص\nأعلن الدفاع المدني أمس الثلاثاء انتشال جثتين.";
    assert_eq!(published(text), Some(("2024-02-14".into(), PublishedSource::Dateline)));
    let text = "تاريخ النشر: 2024/02/15 - 01:10\nأعلن الدفاع المدني أمس الثلاثاء انتشال جثتين.";
    assert_eq!(published(text), Some(("2024-02-14".into(), PublishedSource::Dateline)));
    // A stamp in digits alone, the day the article's own date line repeats with its weekday.
    let text = "2024/02/15\nالخميس 15 شباط 2024\nأعلن الدفاع المدني أمس الثلاثاء انتشال جثتين.";
    assert_eq!(published(text), Some(("2024-02-15".into(), PublishedSource::Dateline)));
    // An update is later than the copy, by any time.
    let text = "آخر تحديث: الخميس 15 شباط 2024 - 4 : 18 مساء\nأعلن الدفاع المدني اليوم الأربعاء انتشال جثتين.";
    assert_eq!(published(text), Some(("2024-02-14".into(), PublishedSource::Dateline)));
    // The slip is then found.
    let text = "تاريخ النشر: 2024/02/15 - 09:45\nأعلن الدفاع المدني أمس الثلاثاء انتشال جثتين.";
    assert_eq!(
        found(text).into_iter().filter(|m| m.contains("أمس")).collect::<Vec<_>>(),
        ["date «أمس الثلاثاء» 2024-02-14"]
    );
}

#[test]
fn a_number_that_could_be_a_year_before_a_counted_plural_counts_it() {
    // The plural nouns of what claims measure, as news copy writes them after any number.
    assert_eq!(found("وأفرجت السلطات عن 1904 أسرى"), ["figure «1904 أسرى» 1904 أسرى"]);
    assert_eq!(found("وأطلق المسلحون 2010 قذائف"), ["figure «2010 قذائف» 2010 قذائف"]);
    // «هذا العام» is a year of these centuries: the number after it counts what follows.
    assert_eq!(
        found_published("وبلغ عدد الناجحين هذا العام 1260 طالبا", Some("2025-07-30")),
        ["date «هذا العام» 2025", "figure «1260 طالبا» 1260 طالبا"]
    );
    assert_eq!(
        found_published("واستقبلت الجامعة العام الماضي 1500 طالب", Some("2025-07-30")),
        ["date «العام الماضي» 2024", "figure «1500 طالب» 1500 طالب"]
    );
    assert_eq!(
        found_published("وتخرج هذا العام 2025 نحو ألف طالب", Some("2025-07-30"))[0],
        "date «هذا العام 2025» 2025"
    );
    // After a month, too.
    assert_eq!(found("ووصل في مارس 2000 لاجئ إلى المخيم"), ["date «مارس» --03", "figure «2000 لاجئ» 2000 لاجئ"]);
    // A year still, with nothing counted after it.
    assert_eq!(found("في الغزو عام 2003 سقطت بغداد"), ["date «عام 2003» 2003"]);
    assert_eq!(found("وفي مارس 2000 وقعت الاتفاقية"), ["date «مارس 2000» 2000-03"]);
}

#[test]
fn the_general_of_a_title_is_no_year() {
    let p = Some("2025-10-12");
    // «العام» after the noun it qualifies is "general"; «السابق» after it "former".
    assert!(found_published("وقال المدير العام السابق للشركة إن المشروع تعثر", p).is_empty());
    assert!(found_published("وطالب الأمين العام للأمم المتحدة بالتهدئة", p).is_empty());
    assert!(found_published("وأحال النائب العام الملف إلى القضاء", p).is_empty());
    // After any other noun it is still the year.
    assert_eq!(found_published("وجرت الانتخابات العام الماضي", p), ["date «العام الماضي» 2024"]);
    assert_eq!(found_published("وارتفعت الصادرات مقارنة بالعام السابق", p), ["date «العام السابق» 2024"]);
}

#[test]
fn a_hijri_day_takes_the_gregorian_day_written_beside_it_a_day_off_the_tables() {
    // 1 Shawwal 1446 is 30 March 2025 by the tables; where the month began a day later the
    // writer pairs it with 31 March, and that is the day.
    assert_eq!(
        found("وصلى المغاربة العيد فاتح شوال 1446 الموافق 31 مارس 2025"),
        ["date «فاتح شوال 1446 الموافق 31 مارس 2025» 2025-03-31 | «31 مارس 2025» 2025-03-31"]
    );
    assert_eq!(
        found("وصلى السعوديون العيد فاتح شوال 1446 الموافق 30 مارس 2025"),
        ["date «فاتح شوال 1446 الموافق 30 مارس 2025» 2025-03-30 | «30 مارس 2025» 2025-03-30"]
    );
    // Further off, the tables' day stands (and calendar-mismatch flags the pair).
    assert_eq!(
        found("وصلى المغاربة العيد فاتح شوال 1446 الموافق 3 أبريل 2025"),
        ["date «فاتح شوال 1446 الموافق 3 أبريل 2025» 2025-03-30 | «3 أبريل 2025» 2025-04-03"]
    );
}

#[test]
fn a_length_squared_or_cubed_is_an_area_or_a_volume() {
    assert_eq!(found("على مساحة 120 مترا مربعا"), ["figure «120 مترا مربعا» 120 مترا مربعا"]);
    assert_eq!(found("غطت البقعة 800 كلم مربع"), ["figure «800 كلم مربع» 800 كلم مربع"]);
    assert_eq!(found("ضخ 50 ألف متر مكعب"), ["figure «50 ألف متر مكعب» 50000 متر مكعب"]);
    assert_eq!(found("برج بارتفاع 385 مترا"), ["figure «385 مترا» 385 مترا"]);
    // «تقارب» before a number hedges it as «يقارب» does.
    assert_eq!(found("بتكلفة تقارب 800 مليار جنيه"), ["figure «تقارب 800 مليار جنيه» 800000000000 جنيه ~about"]);
}

#[test]
fn the_end_of_a_hijri_month_is_in_the_gregorian_month_it_ends_in() {
    // Rabi' I 1447 ran from late August to late September 2025.
    let published = Some("2025-09-04");
    assert_eq!(
        found_published("وتستمر الاحتفالات حتى نهاية شهر ربيع الأول", published),
        ["date «نهاية شهر ربيع الأول» 2025-09"]
    );
    assert_eq!(found("وتنتهي في نهاية ربيع الأول 1447 هـ"), ["date «نهاية ربيع الأول 1447 هـ» 2025-09"]);
    assert_eq!(found("وبدأت مطلع ربيع الأول 1447 هـ"), ["date «مطلع ربيع الأول 1447 هـ» 2025-08"]);
}

#[test]
fn a_gregorian_day_takes_its_year_from_the_hijri_date_it_is_said_to_be() {
    assert_eq!(
        found("وقالت الشركة يوم الإثنين 3 مارس الموافق 5 رمضان 1446 إن"),
        ["date «يوم الإثنين 3 مارس الموافق 5 رمضان 1446» 2025-03-03 | «5 رمضان 1446» 2025-03-05"]
    );
    // Across the new year: the year that puts the day nearest its equivalent.
    assert_eq!(
        found("يوم 31 ديسمبر الموافق 1 رجب 1446"),
        ["date «يوم 31 ديسمبر الموافق 1 رجب 1446» 2024-12-31 | «1 رجب 1446» 2025-01-01"]
    );
}

#[test]
fn the_preceding_year_counts_from_the_year_its_sentence_gave() {
    let published = Some("2025-03-05");
    assert_eq!(
        found_published("وارتفعت الهجمات خلال 2024، بزيادة 20% عن العام السابق", published),
        ["date «2024» 2024", "figure «20%» 20 %", "date «العام السابق» 2023"]
    );
    assert_eq!(
        found_published("وبلغت الإيرادات ذروتها في فبراير 2023 بعد تراجع في الشهر السابق", published),
        ["date «فبراير 2023» 2023-02", "date «الشهر السابق» 2023-01"]
    );
    // With no date before it in its sentence, it is the year before publication, as «الماضي».
    assert_eq!(found_published("وقال إن العام السابق كان صعبا", published), ["date «العام السابق» 2024"]);
}
