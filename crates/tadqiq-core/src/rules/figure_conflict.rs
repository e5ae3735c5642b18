//! `figure-conflict`: another source gives the same quantity a different value.

use super::conflicts::conflicts_of;
use super::{Finding, Rule, Scope, Severity};
use crate::claims::Kind;
use crate::workspace::Workspace;

pub const RULE: Rule = Rule { code: "figure-conflict", default: Severity::Warning, check };

fn check(ws: &Workspace, scope: Scope, out: &mut Vec<Finding>) {
    conflicts_of(&RULE, ws, Kind::Figures, scope, out);
}

#[cfg(test)]
mod tests {
    use super::super::test_support::run;
    use super::*;

    const A: &str = "وفي عام 2014 نشرت واشنطن 3000 جندي لمحاربة تنظيم داعش.";
    const B: &str = "ومنذ 2014 ينتشر نحو 3000 جندي للتحالف ضد داعش.";
    const C: &str = "وفي عام 2014، تم نشر حوالي 5000 جندي في العراق لمحاربة تنظيم داعش.";

    /// The findings for two sources, unpublished: a.txt saying `a`, b.txt saying `b`.
    fn two(a: &str, b: &str) -> Vec<String> {
        run(&RULE, &[("a.txt", a, None), ("b.txt", b, None)])
    }

    #[test]
    fn seats_are_the_winners_named_last_before_them() {
        // Two parties' seats in one sentence: each is compared with its own.
        let a = "وحصد حزب التجديد الديمقراطي 41 مقعدا، فيما حصد حزب الوفاق المدني 17 مقعدا.";
        let b = "حصد حزب التجديد الديمقراطي 41 مقعدا، وحصد حزب الوفاق المدني 19 مقعدا.";
        assert_eq!(
            two(a, b),
            [
                "a.txt «17 مقعدا» (17) disagrees with 1 other source: 19 in b.txt. \
                 Compared: seats won involving «حزب الوفاق المدني».",
                "b.txt «19 مقعدا» (19) disagrees with 1 other source: 17 in a.txt. \
                 Compared: seats won involving «حزب الوفاق المدني».",
            ]
        );
    }

    #[test]
    fn totals_parts_and_an_earlier_council_are_no_count_of_the_seats_won() {
        let b = "وحصد حزب التجديد الديمقراطي 41 مقعدا في الانتخابات.";
        // The total the seats are of, and what the chamber holds.
        let a = "حصد حزب التجديد الديمقراطي 41 مقعدا من أصل 120 مقعدا في البرلمان المؤلف من 120 مقعدا.";
        assert!(two(a, b).is_empty(), "{:?}", two(a, b));
        // Parts of them, the second far from «منها».
        let a = "حصد حزب التجديد الديمقراطي 41 مقعدا، منها 25 مقعدا في الدائرة الوطنية المخصصة للقوائم \
                 و16 مقعدا في الدوائر المحلية.";
        assert!(two(a, b).is_empty(), "{:?}", two(a, b));
        // The previous council's, and the previous election's.
        let a = "حصد حزب التجديد الديمقراطي 41 مقعدا، بعد أن كان حصل على 29 مقعدا في المجلس السابق.";
        assert!(two(a, b).is_empty(), "{:?}", two(a, b));
        let a = "وفي الانتخابات السابقة التي جرت قبل أربع سنوات، حصل حزب التجديد الديمقراطي على 29 مقعدا.";
        assert!(two(a, b).is_empty(), "{:?}", two(a, b));
    }

    #[test]
    fn a_share_of_output_is_the_share_of_what_is_measured_against_it() {
        // Debt and the deficit, both against output, are two quantities.
        let debt = "وتتوقع الحكومة أن يبلغ الدين العام 78.2 في المئة من الناتج المحلي الإجمالي في 2027.";
        let deficit = "وتتوقع الحكومة أن يبلغ عجز الموازنة 4.4 في المئة من الناتج المحلي الإجمالي في 2027.";
        assert!(two(debt, deficit).is_empty(), "{:?}", two(debt, deficit));
        // The deficit against the deficit is one, the story's, whoever gives it.
        let other = "وقال وزير المالية إن عجز الموازنة سيتراجع إلى 4.9 في المئة من الناتج المحلي الإجمالي.";
        assert_eq!(
            two(deficit, other),
            [
                "a.txt «4.4 في المئة» (4.4) disagrees with 1 other source: 4.9 in b.txt. \
                 Compared: the percentage of «عجز» in this story.",
                "b.txt «4.9 في المئة» (4.9) disagrees with 1 other source: 4.4 in a.txt. \
                 Compared: the percentage of «عجز» in this story.",
            ]
        );
    }

    #[test]
    fn the_earthquake_named_as_a_tremor_with_its_article() {
        let a = "وضربت الهزة الأرضية التي بلغت قوتها 5,8 درجات ولاية باتنة فجر الأحد.";
        let b = "ضرب زلزال بقوة 5.3 درجات ولاية باتنة فجر الأحد.";
        assert_eq!(two(a, b).len(), 2, "{:?}", two(a, b));
    }

    #[test]
    fn a_quoted_name_between_an_amount_and_what_it_is_of() {
        let a = "وقال الرئيس التنفيذي كلاوديو ديسكالزي إن استثمارات «إيني» في حقل الغاز تبلغ 1.3 مليار يورو.";
        let b = "وقال الرئيس التنفيذي كلاوديو ديسكالزي إن استثمارات «إيني» في حقل الغاز تبلغ 1.5 مليار يورو.";
        assert_eq!(two(a, b).len(), 2);
    }

    #[test]
    fn a_wave_of_heat_or_cold_is_the_incident_of_its_toll() {
        // A large city alone tells no toll apart; with the wave that took the lives, it does.
        let a = "وأودت موجة الحر بحياة 9 أشخاص في مدينة الموصل خلال الأسبوع الماضي.";
        let b = "وتوفي 14 شخصا في مدينة الموصل جراء موجة حر غير مسبوقة.";
        assert_eq!(two(a, b).len(), 2);
        let c = "وأودت الموجة الحارة بحياة 9 أشخاص في مدينة الموصل.";
        assert_eq!(two(c, b).len(), 2);
        // A cold wave is not the heatwave.
        let d = "وأودت موجة البرد بحياة 14 شخصا في مدينة الموصل.";
        assert!(two(a, d).is_empty());
        // Nor is the same wave another city's toll.
        let e = "وأودت موجة الحر بحياة 14 شخصا في مدينة البصرة.";
        assert!(two(a, e).is_empty());
    }

    #[test]
    fn the_year_of_a_numbered_case_is_no_year_a_count_is_about() {
        // Convicted and acquitted of one case: not one count of the accused in 2022.
        let a = "وقضت المحكمة برئاسة المستشار سامي العلي بالسجن 10 سنوات لـ23 متهما في القضية رقم 1140 لسنة 2022.";
        let b = "وقضت المحكمة برئاسة المستشار سامي العلي ببراءة 12 متهما في القضية رقم 1140 لسنة 2022.";
        assert!(two(a, b).is_empty());
        // A year the statement is about still keys it.
        let c = "وقضت المحكمة برئاسة المستشار سامي العلي بالسجن 10 سنوات لـ23 متهما في قضايا عام 2022.";
        let d = "وقضت المحكمة برئاسة المستشار سامي العلي بالسجن 10 سنوات لـ32 متهما في قضايا عام 2022.";
        assert_eq!(two(c, d).len(), 2);
    }

    #[test]
    fn the_agency_of_a_dateline_is_no_subject() {
        // One agency's datelines over two counts of visitors: carried by train, treated.
        let a = "النجف - 15 آب 2025 (أ ف ب) - ونقلت القطارات 40 ألف زائر خلال يومين.";
        let b = "النجف - 16 آب 2025 (أ ف ب) - وعالجت الفرق الطبية 200 ألف زائر خلال يومين.";
        assert!(two(a, b).is_empty());
        let a = "القاهرة 12 مارس آذار 2025 (رويترز) - ونقلت الحافلات 3000 راكب في 2025.";
        let b = "القاهرة 13 مارس آذار 2025 (رويترز) - واستقبل المطار الجديد 9000 راكب في 2025.";
        assert!(two(a, b).is_empty());
        // Two agencies over one toll of one place are still compared.
        let a = "حلب - 15 آب 2025 (أ ف ب) - قتل 12 شخصا في انفجار في حي الشعار.";
        let b = "حلب 15 آب 2025 (رويترز) - قتل 15 شخصا في انفجار في حي الشعار.";
        assert_eq!(two(a, b).len(), 2);
    }

    #[test]
    fn a_count_named_by_its_noun() {
        // «عدد» and the noun annexed to it name the quantity, where the measures know no event.
        let a = "وبلغ عدد الحجاج هذا العام 1684210 حجاج وفق الهيئة العامة للإحصاء.";
        let b = "وقالت السلطات إن عدد الحجاج بلغ 1648210 حاجا.";
        assert_eq!(two(a, b).len(), 2);
        let a = "ووصل عدد المشتركين المتضررين من الاختراق إلى 1.7 مليون مشترك.";
        let b = "ووصل عدد المشتركين المتضررين من الاختراق إلى 2.1 مليون مشترك.";
        assert_eq!(two(a, b).len(), 2);
        // A name in it is where it was counted, not another count: «زوار كربلاء», «الزوار في كربلاء».
        let a = "وبلغ عدد زوار كربلاء خلال الزيارة 21 مليون زائر.";
        let b = "وقدر المسؤولون عدد الزوار في كربلاء بنحو 15 مليون زائر.";
        assert_eq!(two(a, b).len(), 2);
        // Counted in two places, or of a narrower group: different counts.
        let a = "وبلغ عدد الناخبين في إربد 300 ألف ناخب.";
        let b = "وبلغ عدد الناخبين في الزرقاء 200 ألف ناخب.";
        assert!(two(a, b).is_empty());
        let a = "وبلغ عدد المشتركين 2.8 مليون مشترك.";
        let b = "وبلغ عدد المشتركين المتضررين 1.7 مليون مشترك.";
        assert!(two(a, b).is_empty());
        // By how much it changed is no count of it; «عدد من» is «several».
        let a = "وتراجع عدد العاطلين عن العمل بحوالي 42 ألف شخص خلال الفصل.";
        let b = "وبلغ عدد العاطلين عن العمل مليونا و638 ألف شخص.";
        assert!(two(a, b).is_empty());
        let a = "وأصيب عدد من المشجعين بجروح، وقدر المنظمون الحضور بنحو 40 ألف متفرج.";
        let b = "وبلغ عدد المتفرجين 60 ألف متفرج.";
        assert!(two(a, b).is_empty());
    }

    #[test]
    fn a_rate_named_in_a_place_is_that_places() {
        // A province's turnout is not the vote's overall turnout another source gives.
        let province = "وبلغت نسبة الاقتراع في الانتخابات البلدية في محافظة المفرق 48.3 في المئة.";
        let overall = "وبلغت نسبة الاقتراع النهائية في الانتخابات البلدية 29.4 في المئة.";
        assert!(two(province, overall).is_empty());
        let other = "وبلغت نسبة الاقتراع في الانتخابات البلدية في محافظة المفرق 38.3 في المئة.";
        assert_eq!(two(province, other).len(), 2);
        let lower = "وبلغت نسبة الاقتراع النهائية في الانتخابات البلدية 24.9 في المئة.";
        assert_eq!(two(overall, lower).len(), 2);
    }

    #[test]
    fn agreements_signed() {
        let a = "وشهد الرئيس عبد المجيد تبون وولي العهد محمد بن سلمان توقيع 12 اتفاقية في الجزائر.";
        let b = "وشهد الرئيس عبد المجيد تبون وولي العهد محمد بن سلمان توقيع 14 اتفاقية في الجزائر.";
        assert_eq!(two(a, b).len(), 2);
    }

    #[test]
    fn the_maghreb_noun_of_arrest() {
        let a = "وأعلنت الداخلية إيقاف 214 شخصا خلال المواجهات في حي التضامن.";
        let b = "وأعلنت الداخلية إيقاف 241 شخصا خلال المواجهات في حي التضامن.";
        assert_eq!(two(a, b).len(), 2);
    }

    #[test]
    fn cases_are_of_the_word_after_them() {
        let a = "وسجلت محافظة الحديدة 318 حالة وفاة بالكوليرا منذ بداية تفشي المرض.";
        let b = "وسجلت محافظة الحديدة 346 حالة وفاة بالكوليرا منذ بداية تفشي المرض.";
        assert_eq!(two(a, b).len(), 2);
        // Suspected cases are no deaths.
        let c = "وسجلت محافظة الحديدة 346 حالة اشتباه بالكوليرا منذ بداية تفشي المرض.";
        assert!(two(a, c).is_empty());
    }

    #[test]
    fn the_others_are_what_is_said_of_them() {
        // «ستة آخرين في عداد المفقودين» are missing, not six more of the dead.
        let a = "قال الدفاع المدني إن 27 شخصا لقوا حتفهم وإن ستة آخرين في عداد المفقودين بعد انهيار مبنى في حي الشيخ مقصود.";
        let b = "قال الدفاع المدني إن ستة أشخاص لقوا حتفهم بعد انهيار مبنى في حي الشيخ مقصود.";
        let found = two(a, b);
        assert!(found.iter().all(|f| !f.contains("«ستة آخرين»")), "{found:?}");
        let c = "قال الدفاع المدني إن 27 شخصا لقوا حتفهم وإن ستة آخرين في عداد المفقودين بعد انهيار مبنى في حي الشيخ مقصود.";
        let d = "قال الدفاع المدني إن 27 شخصا لقوا حتفهم وإن ثمانية آخرين في عداد المفقودين بعد انهيار مبنى في حي الشيخ مقصود.";
        assert!(two(c, d).iter().any(|f| f.contains("«ستة آخرين»")), "{:?}", two(c, d));
        // What is said of them may stand a few words after them.
        let e =
            "وقال المتحدث إن 30 شخصا لقوا حتفهم وإن 9 آخرين ما زالوا في عداد المفقودين بعد انهيار منجم في بلدة الصفا.";
        let f = "وقال المتحدث إن تسعة أشخاص لقوا حتفهم بعد انهيار منجم في بلدة الصفا.";
        assert!(two(e, f).iter().all(|x| !x.contains("«9 آخرين»")), "{:?}", two(e, f));
    }

    #[test]
    fn a_toll_its_clause_dates_to_an_earlier_year_is_another_disaster_s() {
        let today = "وقتل 23 شخصا في تصادم قطارين قرب مدينة طهطا.";
        let background = "ولقي 43 شخصا حتفهم في تصادم قطارين قرب الإسكندرية عام 2017، فيما قتل 18 شخصا في حادث \
                          مماثل قرب طهطا قبل أربع سنوات.";
        let found = run(&RULE, &[("a.txt", today, Some("2025-10-18")), ("b.txt", background, Some("2025-10-18"))]);
        assert!(found.is_empty(), "{found:?}");
        // «منذ 2017» is since then: the toll is today's.
        let since = "وقتل 32 شخصا في تصادم قطارين قرب مدينة طهطا، في أسوأ حادث منذ 2017.";
        let found = run(&RULE, &[("a.txt", today, Some("2025-10-18")), ("b.txt", since, Some("2025-10-18"))]);
        assert_eq!(found.len(), 2, "{found:?}");
    }

    #[test]
    fn casualties_in_a_state_or_leaving_are_some_of_them() {
        let all = "وأصيب 64 شخصا في تصادم قطارين قرب مدينة طهطا.";
        for some in [
            "وقال المتحدث إن 40 مصابا غادروا المستشفيات بعد تصادم قطارين قرب مدينة طهطا.",
            "وقال المتحدث إن 11 مصابا في حالة حرجة بعد تصادم قطارين قرب مدينة طهطا.",
            "ومن بين المصابين 11 حالة في العناية المركزة بعد تصادم قطارين قرب مدينة طهطا.",
            "وقال إن 9 جرحى ما زالوا في المستشفى بعد تصادم قطارين قرب مدينة طهطا.",
        ] {
            assert!(two(all, some).is_empty(), "{some}");
        }
    }

    #[test]
    fn a_count_added_to_an_earlier_one_is_not_the_toll() {
        let toll = "وقتل 30 شخصا في انهيار المنجم في بلدة الصفا.";
        for more in [
            "وانتشلت فرق الإنقاذ 6 جثث أخرى من انهيار المنجم في بلدة الصفا.",
            "وانتشلت فرق الإنقاذ ست جثث جديدة من انهيار المنجم في بلدة الصفا.",
            "وقتل 4 أشخاص إضافيين في انهيار المنجم في بلدة الصفا.",
        ] {
            assert!(two(toll, more).is_empty(), "{more}");
        }
        // A count of the first day, recalled by a later article, is an early count.
        let first = "وكانت فرق الإنقاذ قد انتشلت 21 جثة في اليوم الأول لانهيار المنجم في بلدة الصفا.";
        let found = run(&RULE, &[("a.txt", toll, Some("2025-03-02")), ("b.txt", first, Some("2025-03-04"))]);
        assert!(found.is_empty(), "{found:?}");
        // Another lower count published later still contradicts.
        let lower = "وقتل 21 شخصا في انهيار المنجم في بلدة الصفا.";
        let found = run(&RULE, &[("a.txt", toll, Some("2025-03-02")), ("b.txt", lower, Some("2025-03-04"))]);
        assert_eq!(found.len(), 2, "{found:?}");
    }

    #[test]
    fn where_an_outlet_files_from_is_no_subject_of_its_lead() {
        // Two cities of filing: one release counted twice. The places in the dateline neither
        // tell the statements apart nor join them (nor does the agency or the dateline's year).
        let a = "القدس، 3 شباط 2022 (رويترز) - أفرجت إسرائيل عن 41 أسيرا فلسطينيا.";
        let b = "الدوحة، 3 شباط 2022 (أ ف ب) - أفرجت إسرائيل عن 44 أسيرا فلسطينيا.";
        assert_eq!(two(a, b).len(), 2);
        let c = "القدس، 3 شباط 2022 (رويترز) - أفرجت إسرائيل عن 41 أسيرا فلسطينيا.";
        let d = "القدس، 3 شباط 2022 (رويترز) - قتل 44 شخصا في غارة على سوق المدينة.";
        assert!(two(c, d).is_empty());
    }

    #[test]
    fn a_count_over_a_span_is_not_one_of_a_day() {
        // A week's toll against yesterday's: two counts; two counts over one span: one.
        let week = "قتل 20 شخصا في قصف على مدينة حلب خلال أسبوع.";
        let yesterday = "قتل 12 شخصا في قصف على مدينة حلب أمس.";
        assert!(two(week, yesterday).is_empty());
        let a = "قتل 20 شخصا في قصف على مدينة حلب خلال الـ24 ساعة الماضية.";
        let b = "قتل 12 شخصا في قصف على مدينة حلب خلال الـ24 ساعة الماضية.";
        assert_eq!(two(a, b).len(), 2);
    }

    #[test]
    fn one_country_s_nationals_are_not_another_s() {
        // Soldiers of two countries killed in one attack on one base: two counts.
        let base = |n: &str, who: &str| format!("قتل {n} جنود {who} في هجوم بطائرة مسيرة على قاعدة الشدادي العسكرية.");
        assert!(two(&base("5", "أمريكيين"), &base("3", "عراقيين")).is_empty());
        assert_eq!(two(&base("5", "أمريكيين"), &base("3", "أمريكيين")).len(), 2);
        // Nationals are a subject: pilgrims of one country dead in one city meet there.
        assert_eq!(
            two("توفي 99 حاجا أردنيا في المدينة المنورة بسبب الحر.", "توفي 75 حاجا أردنيا في المدينة المنورة."),
            [
                "a.txt «99 حاجا» (99) disagrees with 1 other source: 75 in b.txt. Compared: killed (pilgrims) \
                 in the death («توفي») among nationals of «الأردن» («أردنيا»).",
                "b.txt «75 حاجا» (75) disagrees with 1 other source: 99 in a.txt. Compared: killed (pilgrims) \
                 in the death («توفي») among nationals of «الأردن» («أردنيا»)."
            ]
        );
        // The nationals as the counted word.
        assert_eq!(
            two("أسفر الهجوم على القاعدة عن مقتل 3 أمريكيين.", "أسفر الهجوم على القاعدة عن مقتل 4 أمريكيين.").len(),
            2
        );
        // Two nationalities joined: a count of both, of which one country's can be a part but
        // not the larger.
        let mixed =
            |n: &str| format!("قتل {n} جنود عراقيين وأمريكيين في هجوم بطائرة مسيرة على قاعدة الشدادي العسكرية.");
        assert!(two(&base("5", "أمريكيين"), &mixed("7")).is_empty());
        assert_eq!(two(&base("9", "أمريكيين"), &mixed("7")).len(), 2);
    }

    #[test]
    fn lives_claimed_are_deaths() {
        // «راح ضحيته» (fell its victims) counts the killed as «مقتل» does.
        let found = two(
            "أسفر انفجار مستودع الوقود في ميناء العقبة عن مقتل 13 شخصا.",
            "الانفجار في ميناء العقبة الذي راح ضحيته 10 أشخاص.",
        );
        assert_eq!(found.len(), 2, "{found:?}");
        assert!(found[0].contains("Compared: killed"), "{found:?}");
    }

    #[test]
    fn a_figure_rounded_at_its_last_decimal_agrees() {
        let budget = |amount: &str| format!("قدرت وزارة المالية الكويتية نفقات ميزانية 2025 بـ {amount} مليار دينار.");
        assert!(two(&budget("24.56"), &budget("24.6")).is_empty());
        assert!(two(&budget("24,56"), &budget("24.6")).is_empty());
        // One more in the last decimal is another figure.
        assert_eq!(two(&budget("24.5"), &budget("24.6")).len(), 2);
        assert_eq!(two(&budget("24.56"), &budget("24.5")).len(), 2);
    }

    #[test]
    fn percentages_of_unnamed_things_are_not_one_quantity() {
        // A deficit's share and a growth rate, of one ministry and one year.
        let deficit = "وقالت وزارة المالية الأردنية إن عجز الموازنة سيبلغ 2.9 في المئة من الناتج عام 2025.";
        let growth = "وتتوقع وزارة المالية الأردنية أن ينمو الاقتصاد 2.5 في المئة عام 2025.";
        assert!(two(deficit, growth).is_empty());
        // A share of a named whole is compared.
        let a = "ودمرت المعارك 80 % من مدينة الموصل القديمة.";
        let b = "ودمرت المعارك نحو 60 % من مدينة الموصل القديمة.";
        assert_eq!(two(a, b).len(), 2);
    }

    #[test]
    fn strikes_are_counted_as_carried_out() {
        // Strikes have no act but being carried out: three against four on one town.
        let found = two(
            "نفذت الطائرات الروسية ثلاث غارات على مدينة معرة النعمان.",
            "شنت الطائرات الروسية أربع غارات على مدينة معرة النعمان.",
        );
        assert_eq!(found.len(), 2, "{found:?}");
        assert!(found[0].contains("strikes carried out"), "{found:?}");
    }

    #[test]
    fn a_dual_counts_what_its_singular_counts() {
        // «طفلان» (two children) against «ثلاثة أطفال»: both children killed in one town.
        let found = two("قتل طفلان في قصف على بلدة الكرامة.", "قتل ثلاثة أطفال في قصف على بلدة الكرامة.");
        assert_eq!(found.len(), 2, "{found:?}");
        assert!(found[0].contains("killed (children)"), "{found:?}");
    }

    #[test]
    fn the_minority_figure_is_flagged() {
        assert_eq!(
            run(&RULE, &[("a.txt", A, None), ("b.txt", B, None), ("c.txt", C, None)]),
            [
                "c.txt «حوالي 5000 جندي» (about 5000) disagrees with 2 other sources: 3000 in a.txt; about 3000 in b.txt. \
                 Compared: the count of «جندي» in 2014, with «تنظيم الدولة الإسلامية» in both sentences."
            ]
        );
    }

    #[test]
    fn hedges_and_spellings_agree() {
        let d = "وفي عام 2014 أرسلت واشنطن 3,100 جندي لمحاربة داعش.";
        assert!(run(&RULE, &[("b.txt", B, None), ("d.txt", d, None)]).is_empty());
        let x = "في عام 2014 نشرت واشنطن 2500 أميركي ضد داعش.";
        let y = "في عام 2014 نشرت واشنطن 2500 أمريكي ضد داعش.";
        assert!(run(&RULE, &[("x.txt", x, None), ("y.txt", y, None)]).is_empty());
    }

    #[test]
    fn a_range_agrees_with_what_it_contains() {
        let range = "في عام 2014 نشرت واشنطن ما بين 2000 و4000 جندي لمحاربة داعش.";
        assert!(run(&RULE, &[("a.txt", A, None), ("b.txt", B, None), ("r.txt", range, None)]).is_empty());
        let above = "في عام 2014 نشرت واشنطن من 4000 إلى 6000 جندي لمحاربة داعش.";
        assert_eq!(
            run(&RULE, &[("a.txt", A, None), ("b.txt", B, None), ("r.txt", above, None)]),
            [
                "r.txt «من 4000 إلى 6000 جندي» (4000–6000) disagrees with 2 other sources: 3000 in a.txt; about 3000 in b.txt. \
                 Compared: the count of «جندي» in 2014, with «تنظيم الدولة الإسلامية» in both sentences."
            ]
        );
    }

    #[test]
    fn other_years_nouns_and_stories_are_not_compared() {
        let later = "وفي عام 2021 بقي في العراق 2500 جندي لمحاربة داعش.";
        assert!(run(&RULE, &[("a.txt", A, None), ("l.txt", later, None)]).is_empty());
        let bases = "وفي عام 2014 نشرت واشنطن 5000 مستشار لمحاربة داعش.";
        assert!(run(&RULE, &[("a.txt", A, None), ("s.txt", bases, None)]).is_empty());
        let elsewhere = "وفي عام 2014 نشرت فرنسا 5000 جندي في مالي.";
        assert!(run(&RULE, &[("a.txt", A, None), ("e.txt", elsewhere, None)]).is_empty());
    }

    #[test]
    fn a_verb_cut_where_a_stripped_diacritic_left_a_space_still_counts_the_dead() {
        // «وقُتل» copied as «وق تل»: the same killing, another count.
        let cut = "وق تل 12 مدنيا في قصف استهدف سوقا في مدينة إدلب يوم الثلاثاء 8 مارس 2016.";
        let whole = "وقتل 15 مدنيا في قصف استهدف سوقا في مدينة إدلب يوم الثلاثاء 8 مارس 2016.";
        assert_eq!(
            run(&RULE, &[("a.txt", cut, None), ("b.txt", whole, None)]),
            [
                "a.txt «12 مدنيا» (12) disagrees with 1 other source: 15 in b.txt. \
                 Compared: killed (civilians) in the strike («قصف») in «إدلب».",
                "b.txt «15 مدنيا» (15) disagrees with 1 other source: 12 in a.txt. \
                 Compared: killed (civilians) in the strike («قصف») in «إدلب»."
            ]
        );
    }

    #[test]
    fn a_figure_in_the_first_sentence_has_no_sentence_before() {
        let first = "قتل 1200 شخص، بينهم 300 طفل. وفي عام 2014 نشرت واشنطن 3000 جندي.";
        assert!(run(&RULE, &[("a.txt", first, None), ("b.txt", first, None)]).is_empty());
    }

    #[test]
    fn a_year_in_the_previous_sentence_of_the_paragraph() {
        let p = "دخلت القوات العراق عام 2014 لمحاربة داعش. ونشرت الولايات المتحدة 5000 جندي ضد داعش.";
        assert_eq!(run(&RULE, &[("a.txt", A, None), ("b.txt", B, None), ("p.txt", p, None)]).len(), 1);
    }
}
