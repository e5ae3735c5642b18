//! `date-conflict`: another source dates the same event differently.

use super::conflicts::conflicts_of;
use super::{Finding, Rule, Scope, Severity};
use crate::claims::Kind;
use crate::workspace::Workspace;

pub const RULE: Rule = Rule { code: "date-conflict", default: Severity::Warning, check };

fn check(ws: &Workspace, scope: Scope, out: &mut Vec<Finding>) {
    conflicts_of(&RULE, ws, Kind::Dates, scope, out);
}

#[cfg(test)]
mod tests {
    use super::super::test_support::run;
    use super::*;

    const A: &str = "وصوّت مجلس النواب العراقي في 5 يناير 2020 على إنهاء وجود القوات الأجنبية بعد مقتل قاسم سليماني.";
    const B: &str = "وكان مجلس النواب العراقي قد صوت في 5 جانفي 2020 على القرار إثر اغتيال قاسم سليماني.";
    const C: &str = "مجلس النواب العراقي في كانون الثاني 1998، عقب اغتيال قاسم سليماني، صوت على القرار.";

    #[test]
    fn the_minority_date_is_flagged_with_the_others_related() {
        assert_eq!(
            run(&RULE, &[("a.txt", A, None), ("b.txt", B, None), ("c.txt", C, None)]),
            ["c.txt «كانون الثاني 1998» (1998-01) disagrees with 2 other sources: 2020-01-05 in a.txt and b.txt. \
                 Compared: the date beside «مجلس النواب العراقي», with «قاسم سليماني» in both sentences."]
        );
    }

    #[test]
    fn each_date_of_a_list_of_earlier_disasters_has_the_places_of_its_clause() {
        // A background sentence lists earlier collapses, each with its year and town: the one
        // in another town is no date of the story's collapse.
        let a = "وانهار مبنى سكني في بلدة المروج صباح الأحد 9 آذار 2025.";
        let b = "ويعيد الحادث إلى الأذهان انهيار مبنى في بلدة الوادي في أيار 2019، وانهيار مبنى آخر في بلدة المروج في آب 2022.";
        let found = run(&RULE, &[("a.txt", a, Some("2025-03-10")), ("b.txt", b, Some("2025-03-10"))]);
        assert!(found.iter().all(|f| !f.contains("أيار 2019")), "{found:?}");
    }

    #[test]
    fn a_day_and_month_without_a_year_is_of_the_year_of_publication() {
        // Within a month of publication and on its weekday: 14 May 2025 was a Wednesday. A
        // day of a year unknown would agree with «أيار 2019» in the third source.
        let a = "انهار مبنى سكني في حي الوعر بمدينة حمص يوم الأربعاء 14 أيار، وقال الدفاع المدني إن الفرق تعمل.";
        let b = "انهار مبنى سكني في حي الوعر بمدينة حمص يوم الثلاثاء 13 أيار 2025.";
        let c = "انهار مبنى سكني في حي الوعر بمدينة حمص في أيار 2019.";
        let found =
            run(&RULE, &[("a.txt", a, Some("2025-05-16")), ("b.txt", b, Some("2025-05-15")), ("c.txt", c, None)]);
        assert!(found[0].starts_with("a.txt «يوم الأربعاء 14 أيار» (2025-05-14) disagrees"), "{found:?}");
        assert!(!found[0].contains(" agrees"), "{found:?}");
    }

    #[test]
    fn an_earlier_event_of_the_kind_is_no_date_of_the_story() {
        // The previous collapse, and fires named by their year: background, in years before
        // publication.
        let a = "انهار مبنى سكني في حي الوعر بمدينة حمص يوم الثلاثاء 13 أيار 2025، وكان الانهيار السابق \
                 في حي الوعر بمدينة حمص قد وقع في آذار 2019.";
        let b = "انهار مبنى سكني في حي الوعر بمدينة حمص يوم الثلاثاء 13 أيار 2025.";
        assert!(run(&RULE, &[("a.txt", a, Some("2025-05-14")), ("b.txt", b, Some("2025-05-14"))]).is_empty());
        // A source that dates the story's own collapse to another year is still flagged.
        let c = "انهار مبنى سكني في حي الوعر بمدينة حمص يوم الثلاثاء 14 أيار 2019.";
        let found = run(&RULE, &[("b.txt", b, Some("2025-05-14")), ("c.txt", c, Some("2025-05-14"))]);
        assert_eq!(found.len(), 2, "{found:?}");
        let a = "التهمت الحرائق غابات ولاية جيجل يوم السبت 9 آب 2025، في أسوأ موجة منذ حرائق صيف 2021 في جيجل.";
        let b = "اندلعت الحرائق في غابات ولاية جيجل يوم السبت 9 آب 2025.";
        assert!(run(&RULE, &[("a.txt", a, Some("2025-08-10")), ("b.txt", b, Some("2025-08-10"))]).is_empty());
    }

    #[test]
    fn an_event_on_the_day_of_publication_is_no_dateline() {
        // The blast's date is the day the article appeared: inside the sentence it still dates
        // the blast; at the head of the line it is the dateline, which dates nothing.
        let a = "إدلب - قتل 38 مدنيا في انفجار سيارة مفخخة في سوق مدينة معرة النعمان صباح الاثنين 22 تموز 2019.";
        let b = "بيروت - قتل 38 مدنيا في انفجار سيارة مفخخة في سوق مدينة معرة النعمان صباح الأحد 21 تموز 2019.";
        let found = run(&RULE, &[("a.txt", a, Some("2019-07-22")), ("b.txt", b, Some("2019-07-23"))]);
        assert_eq!(found.len(), 2, "{found:?}");
        let dateline = "إدلب - الاثنين 22 تموز 2019 - قتل 38 مدنيا في انفجار سيارة مفخخة في سوق مدينة معرة النعمان.";
        assert!(run(&RULE, &[("a.txt", dateline, Some("2019-07-22")), ("b.txt", b, Some("2019-07-23"))]).is_empty());
    }

    #[test]
    fn a_death_told_by_its_idioms() {
        // «رحيله»، «وافته المنية» date a death as «توفي» does.
        let a = "أعلنت عائلة الرسام وليد سليم رحيله في 2 آذار 2019 في بيروت.";
        let b = "توفي الرسام وليد سليم في 2 آذار 2019 في بيروت.";
        let c = "الرسام وليد سليم وافته المنية في 3 آذار 2019 في بيروت.";
        assert_eq!(
            run(&RULE, &[("a.txt", a, None), ("b.txt", b, None), ("c.txt", c, None)]),
            ["c.txt «3 آذار 2019» (2019-03-03) disagrees with 2 other sources: 2019-03-02 in a.txt and b.txt. \
                 Compared: the date of the death in «بيروت»."]
        );
    }

    #[test]
    fn a_birth_is_dated_by_the_verb_before_the_date() {
        // «ولد … عام 1931 وتوفي …»: the year is the birth's, not the death's after it; a
        // Mauritanian «ولد» in a name is no birth.
        let a = "ولد الرسام وليد سليم في حمص عام 1931 وتوفي عام 2019.";
        let b = "وولد الرسام وليد سليم في حمص، وتحديدا عام 1931، وتوفي في بيروت.";
        let c = "الرسام وليد سليم من مواليد حمص عام 1932.";
        assert_eq!(
            run(&RULE, &[("a.txt", a, None), ("b.txt", b, None), ("c.txt", c, None)]),
            ["c.txt «عام 1932» (1932) disagrees with 2 other sources: 1931 in a.txt and b.txt. \
                 Compared: the date of the birth in «حمص»."]
        );
        // A birth dates no clause after its own.
        let career = "ولد الرسام وليد سليم في حمص عام 1931، وبدأ الرسم في دمشق عام 1950.";
        assert!(run(&RULE, &[("a.txt", a, None), ("b.txt", career, None)]).is_empty());
        let sworn = "وأدى سيدي محمد ولد بوبكر اليمين رئيسا في نواكشوط في 1 أغسطس 2019.";
        let later = "وأدى سيدي محمد ولد بوبكر اليمين رئيسا في نواكشوط في 2 أغسطس 2019.";
        let found = run(&RULE, &[("s.txt", sworn, None), ("t.txt", later, None)]);
        assert!(found.iter().all(|f| !f.contains("birth")), "{found:?}");
    }

    #[test]
    fn leaks_finds_and_openings_are_dated_once() {
        // A leak a story is about is dated alike with nothing else named beside it.
        let a = "وبدأ التسرب صباح الأحد 9 آذار 2025 من أحد الخزانات.";
        let b = "وبدأ التسرب فجر السبت 8 آذار 2025 من أحد الخزانات.";
        let on = Some("2025-03-11");
        assert_eq!(
            run(&RULE, &[("a.txt", a, on), ("b.txt", b, on)]),
            [
                "a.txt «الأحد 9 آذار 2025» (2025-03-09) disagrees with 1 other source: 2025-03-08 in b.txt. \
                 Compared: the date of the leak in this story.",
                "b.txt «السبت 8 آذار 2025» (2025-03-08) disagrees with 1 other source: 2025-03-09 in a.txt. \
                 Compared: the date of the leak in this story.",
            ]
        );
        // The day the works to contain it were inspected is not the leak's.
        let works = "وتفقد المحافظ يوم الاثنين 10 آذار 2025 أعمال احتواء التسرب من الخزانات.";
        assert!(run(&RULE, &[("a.txt", a, on), ("c.txt", works, on)]).is_empty());
        let a = "وأعلنت البعثة الأثرية اكتشاف المقبرة في الأقصر يوم 3 فبراير 2025.";
        let b = "وأعلنت البعثة الأثرية اكتشاف المقبرة في الأقصر يوم 13 فبراير 2025.";
        assert_eq!(run(&RULE, &[("a.txt", a, None), ("b.txt", b, None)]).len(), 2);
        let a = "وافتتح الرئيس المتحف الجديد في الجيزة يوم 3 يوليو 2025.";
        let b = "وافتتح الرئيس المتحف الجديد في الجيزة يوم 13 يوليو 2025.";
        assert_eq!(run(&RULE, &[("a.txt", a, None), ("b.txt", b, None)]).len(), 2);
    }

    #[test]
    fn a_ceasefire_is_no_shooting_and_setting_free_is_a_release() {
        // A ceasefire starts one Friday and collapses the next: two days of a state, not two
        // dates of one shooting.
        let start = "بدأ وقف إطلاق النار في إدلب صباح الجمعة 6 آذار 2020 بين الطرفين.";
        let collapse = "انهار وقف إطلاق النار في إدلب صباح الجمعة 13 آذار 2020 بين الطرفين.";
        assert!(run(&RULE, &[("a.txt", start, None), ("b.txt", collapse, None)]).is_empty());
        let shot = "قتل رجل بإطلاق النار عليه في إدلب صباح الجمعة 6 آذار 2020 قرب السوق.";
        let shot_later = "قتل رجل بإطلاق النار عليه في إدلب صباح الجمعة 13 آذار 2020 قرب السوق.";
        assert_eq!(run(&RULE, &[("a.txt", shot, None), ("b.txt", shot_later, None)]).len(), 2);
        // «أطلقت السلطات سراح …» is the release «أفرجت … عن» dates, not a launch.
        let freed = "أطلقت السلطات سراح الصحفي في الخرطوم يوم الأحد 5 أيار 2019 بعد احتجازه.";
        let other = "أفرجت السلطات عن الصحفي في الخرطوم يوم الاثنين 6 أيار 2019 بعد احتجازه.";
        let found = run(&RULE, &[("a.txt", freed, None), ("b.txt", other, None)]);
        assert_eq!(found.len(), 2, "{found:?}");
        assert!(found[0].contains("release"), "{found:?}");
        // With the date set apart between the verb and «سراح».
        let apart = "وأطلقت السلطات في الخرطوم، الأحد 5 أيار 2019، سراح الصحفي بعد احتجازه.";
        assert_eq!(run(&RULE, &[("a.txt", apart, None), ("b.txt", other, None)]).len(), 2);
    }

    #[test]
    fn the_day_a_fire_was_put_out_is_not_the_day_it_broke_out() {
        let out = "أخمدت فرق الإطفاء حريق غابة الأرز في بلدة الكرامة مساء الجمعة 8 آب 2025.";
        let broke = "اندلع حريق غابة الأرز في بلدة الكرامة مساء الأربعاء 6 آب 2025.";
        let last = "وتمكن الدفاع المدني من إخماد آخر بؤر الحريق في بلدة الكرامة يوم 8 آب 2025.";
        assert!(run(&RULE, &[("a.txt", out, None), ("b.txt", broke, None), ("c.txt", last, None)]).is_empty());
        // Two days it was put out on are compared.
        let other = "وأخمد الحريق في بلدة الكرامة يوم السبت 9 آب 2025.";
        assert_eq!(run(&RULE, &[("a.txt", out, None), ("d.txt", other, None)]).len(), 2);
        // An end word of the sentence before ends nothing of this one.
        let a = "وقال إن الحرب انتهت. وصوّت مجلس النواب العراقي في 5 يناير 2020 على القرار.";
        let b = "وصوّت مجلس النواب العراقي في 6 يناير 2020 على القرار.";
        assert_eq!(run(&RULE, &[("a.txt", a, None), ("b.txt", b, None)]).len(), 2);
    }

    #[test]
    fn an_accident_told_by_its_verb_and_a_signing_are_dated() {
        for (a, b) in [
            (
                "تحطمت طائرة الشحن قرب مطار أربيل يوم الثلاثاء 15 تموز 2025.",
                "تحطمت طائرة الشحن قرب مطار أربيل يوم الاثنين 14 تموز 2025.",
            ),
            (
                "غرقت العبارة في نهر دجلة قرب الموصل يوم 21 آذار 2019.",
                "غرقت العبارة في نهر دجلة قرب الموصل يوم 22 آذار 2019.",
            ),
            ("اصطدمت حافلة بشاحنة قرب الرمادي يوم 3 أيار 2022.", "اصطدمت حافلة بشاحنة قرب الرمادي يوم 4 أيار 2022."),
            (
                "وجرى توقيع الاتفاق في الجزائر يوم 3 نوفمبر 2024 بحضور الرئيس عبد المجيد تبون.",
                "وجرى توقيع الاتفاق في الجزائر يوم 4 نوفمبر 2024 بحضور الرئيس عبد المجيد تبون.",
            ),
        ] {
            assert_eq!(run(&RULE, &[("a.txt", a, None), ("b.txt", b, None)]).len(), 2, "{a}");
        }
    }

    #[test]
    fn the_day_a_count_runs_to_is_no_date_of_what_happened() {
        let a = "وارتفع عدد الوفيات في محافظة الحديدة إلى 94 حالة وفاة حتى العاشر من آذار 2024.";
        let b = "وبلغ عدد الوفيات في محافظة الحديدة 90 حالة وفاة لغاية الثامن من آذار 2024.";
        assert!(run(&RULE, &[("a.txt", a, None), ("b.txt", b, None)]).is_empty());
        // The day itself of a death is still dated.
        let c = "وبلغ عدد الوفيات في محافظة الحديدة 90 حالة وفاة في الثامن من آذار 2024.";
        let d = "وبلغ عدد الوفيات في محافظة الحديدة 90 حالة وفاة في العاشر من آذار 2024.";
        assert_eq!(run(&RULE, &[("a.txt", c, None), ("b.txt", d, None)]).len(), 2);
    }

    #[test]
    fn an_anniversary_s_date_is_not_the_incident_s() {
        // The day the blast is remembered, three years on, is not the day of the blast; a
        // relative clause after it still dates the blast itself.
        let blast = "وقع انفجار مرفأ اللاذقية يوم الثلاثاء 4 آب 2020 وأسفر عن مقتل 30 شخصا.";
        let remembered = [
            "يحيي السوريون اليوم الجمعة 4 آب 2023 الذكرى الثالثة لانفجار مرفأ اللاذقية.",
            "وفي الذكرى السنوية الأولى لانفجار مرفأ اللاذقية، الأربعاء 4 آب 2021، تظاهر المئات.",
            "وبمناسبة مرور عام على انفجار مرفأ اللاذقية في 4 آب 2021 أقيمت صلاة.",
        ];
        for text in remembered {
            assert!(run(&RULE, &[("a.txt", blast, None), ("b.txt", text, None)]).is_empty(), "{text}");
        }
        let wrong = "يحيي السوريون اليوم الذكرى الثالثة لانفجار مرفأ اللاذقية الذي وقع في 5 آب 2020.";
        assert_eq!(run(&RULE, &[("a.txt", blast, None), ("b.txt", wrong, None)]).len(), 2);
    }

    #[test]
    fn a_collapse_and_a_summit_are_dated_once() {
        let collapse = |day: &str| format!("انهار سد وادي الجنان فجر {day} أيلول 2023 وجرفت المياه أحياء البلدة.");
        assert_eq!(
            run(&RULE, &[("a.txt", &collapse("الاثنين 11"), None), ("b.txt", &collapse("الثلاثاء 12"), None)]).len(),
            2
        );
        let summit = |day: &str| format!("عقدت قمة جامعة الدول العربية في المنامة يوم {day} مايو 2024.");
        assert_eq!(
            run(&RULE, &[("a.txt", &summit("الخميس 16"), None), ("b.txt", &summit("الأربعاء 15"), None)]).len(),
            2
        );
        assert!(run(&RULE, &[("a.txt", &summit("الخميس 16"), None), ("b.txt", &summit("الخميس 16"), None)]).is_empty());
    }

    #[test]
    fn the_day_an_outcome_was_announced_is_not_the_day_of_the_event() {
        // Results announced on the 8th of an election held on the 7th; the election word in
        // the announcing body's name is the body, not the election.
        let held = "فاز الرئيس قيس سعيد في الانتخابات الرئاسية التي جرت في 6 أكتوبر 2024.";
        let announced = "تونس - أعلن رئيس الهيئة العليا المستقلة للانتخابات فاروق بوعسكر، مساء الاثنين 7 \
                         أكتوبر 2024، فوز الرئيس قيس سعيد في الانتخابات الرئاسية.";
        assert!(run(&RULE, &[("a.txt", held, None), ("b.txt", announced, None)]).is_empty());
        let other = "فاز الرئيس قيس سعيد في الانتخابات الرئاسية التي جرت في 5 أكتوبر 2024.";
        assert_eq!(run(&RULE, &[("a.txt", held, None), ("b.txt", other, None)]).len(), 2);
    }

    #[test]
    fn the_weekday_a_seizure_was_announced_is_the_news_day() {
        // «أعلنت الشرطة الأربعاء ضبط …»: Wednesday is when it was said; the seizure, told with
        // its own day in the next sentence, was the evening before.
        let said = "أعلنت الشرطة الأربعاء ضبط 12 طنا من الحشيش في ميناء مدينة الكرامة.";
        let done = "وكانت الشرطة قد ضبطت مساء الثلاثاء 12 طنا من الحشيش في ميناء مدينة الكرامة.";
        let published = Some("2025-03-12");
        assert!(run(&RULE, &[("a.txt", said, published), ("b.txt", done, published)]).is_empty());
        // Two days of the seizure itself disagree.
        let other = "وكانت الشرطة قد ضبطت مساء الاثنين 12 طنا من الحشيش في ميناء مدينة الكرامة.";
        assert_eq!(run(&RULE, &[("b.txt", done, published), ("c.txt", other, published)]).len(), 2);
    }

    #[test]
    fn precision_and_agreement() {
        let month = "وصوت مجلس النواب العراقي في كانون الثاني 2020 عقب اغتيال قاسم سليماني.";
        assert!(run(&RULE, &[("a.txt", A, None), ("b.txt", month, None)]).is_empty());
        // One against one: both are flagged, neither is known to be right.
        assert_eq!(run(&RULE, &[("a.txt", A, None), ("c.txt", C, None)]).len(), 2);
    }

    #[test]
    fn a_verb_cut_where_a_stripped_diacritic_left_a_space_still_dates_its_event() {
        // «وأُنشئ» copied as «وأ نشئ»: the founding of the same council, another month.
        let cut = "وأ نشئ المجلس المحلي في حلب في نيسان 2016 لإدارة المدينة.";
        let whole = "وأنشئ المجلس المحلي في حلب في آب 2016.";
        assert_eq!(
            run(&RULE, &[("a.txt", cut, None), ("b.txt", whole, None)]),
            [
                "a.txt «نيسان 2016» (2016-04) disagrees with 1 other source: 2016-08 in b.txt. \
                 Compared: the date of the founding in «حلب».",
                "b.txt «آب 2016» (2016-08) disagrees with 1 other source: 2016-04 in a.txt. \
                 Compared: the date of the founding in «حلب»."
            ]
        );
    }

    #[test]
    fn different_events_of_the_same_entity_are_not_compared() {
        // Same parliament, but nothing else in common: two different sessions.
        let other = "وعقد مجلس النواب العراقي في 3 مارس 2021 جلسة لمناقشة الموازنة.";
        assert!(run(&RULE, &[("a.txt", A, None), ("b.txt", other, None)]).is_empty());
        // A shared country is only the setting.
        let x = "دخلت القوات العراق في 5 مارس 2014.";
        let y = "غادرت القوات العراق في 9 يونيو 2019.";
        assert!(run(&RULE, &[("x.txt", x, None), ("y.txt", y, None)]).is_empty());
    }
}
