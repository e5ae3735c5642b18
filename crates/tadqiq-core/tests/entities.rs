//! Entities on sentences from stories beyond the sample: each recognition path, one id across
//! sources, clitics and spellings, and common words left alone.

use std::sync::Arc;

use tadqiq_core::config::Config;
use tadqiq_core::entities::{EntityKind, Gazetteer, How};
use tadqiq_core::workspace::Workspace;

fn workspace(sources: &[(&str, &str)]) -> Workspace {
    workspace_with(sources, Gazetteer::new(&[]))
}

fn workspace_with(sources: &[(&str, &str)], gazetteer: Gazetteer) -> Workspace {
    let mut ws = Workspace::new(Arc::new(gazetteer));
    ws.extend(sources.iter().map(|(p, t)| (p.to_string(), t.to_string(), None)));
    ws
}

/// Every entity mention of a source as `«text» id`, in order; the text is the span.
fn entities(ws: &Workspace, path: &str) -> Vec<String> {
    let doc = ws.doc(path).unwrap();
    doc.entities.iter().map(|m| format!("«{}» {}", &doc.text[m.span.start..m.span.end], m.id)).collect()
}

#[test]
fn gazetteer_names_with_clitics_and_spellings() {
    let ws = workspace(&[("a", "وصل الوفد إلى بغداد وبغداد تستعد، ثم توجه لداعش بالعراق وللعراق مع ایران.")]);
    assert_eq!(
        entities(&ws, "a"),
        ["«بغداد» baghdad", "«بغداد» baghdad", "«داعش» isis", "«العراق» iq", "«للعراق» iq", "«ایران» ir"]
    );
    let ws = workspace(&[("a", "أعلن حلف شمال الأطلسي وإسرائيل واسرائيل ومنظمة الأمم المتحدة")]);
    assert_eq!(
        entities(&ws, "a"),
        ["«حلف شمال الأطلسي» nato", "«إسرائيل» il", "«اسرائيل» il", "«منظمة الأمم المتحدة» un"]
    );
}

#[test]
fn a_body_named_by_coordinated_terms_keeps_them_all() {
    let ws = workspace(&[("a", "وقالت وزارة النقل والمواصلات والبنية التحتية إن الطريق أغلق.")]);
    assert_eq!(
        entities(&ws, "a"),
        ["«وزارة النقل والمواصلات والبنية التحتية» wzarh-al-nql-w-al-mwaslat-w-al-bnyh-al-thtyh"]
    );
    let ws = workspace(&[("a", "وحذرت الهيئة الوطنية للأرصاد الجوية والرصد البحري من العاصفة.")]);
    assert_eq!(
        entities(&ws, "a"),
        ["«الهيئة الوطنية للأرصاد الجوية والرصد البحري» al-hyh-al-wtnyh-llarsad-al-jwyh-w-al-rsd-al-bhry"]
    );
    // A known name after «و» is another entity.
    let ws = workspace(&[("a", "وقالت وزارة النقل والمواصلات والعراق إن الطريق أغلق.")]);
    assert_eq!(entities(&ws, "a"), ["«وزارة النقل والمواصلات» wzarh-al-nql-w-al-mwaslat", "«العراق» iq"]);
}

#[test]
fn a_hospital_or_school_is_a_body_and_its_head_named_after_it_a_person() {
    let ws = workspace(&[(
        "a",
        "قال مدير مستشفى الرحمة سليم أبو داود إن 30 جريحا وصلوا. وقال مدير مستشفى جمال عياش \
         هشام أبو زيد إن الكهرباء انقطعت. وقالت مديرة مدرسة الأمل منى الخطيب إن الدوام توقف. \
         وأكد مدير مستشفى يوسف طارق النمر أن الأسرّة امتلأت.",
    )]);
    assert_eq!(
        entities(&ws, "a"),
        [
            "«مستشفى الرحمة» mstshfy-al-rhmh",
            "«سليم أبو داود» slym-abw-dawd",
            "«مستشفى جمال عياش» mstshfy-jmal-ayash",
            "«هشام أبو زيد» hsham-abw-zyd",
            "«مدرسة الأمل» mdrsh-al-aml",
            "«منى الخطيب» mny-al-khtyb",
            "«مستشفى يوسف» mstshfy-ywsf",
            "«طارق النمر» tarq-al-nmr",
        ]
    );
    // An indefinite nisba after the head is what kind of hospital or school it is.
    let ws = workspace(&[("a", "وأقام الجيش مستشفى ميدانياً قرب الملعب، وافتتحت الوزارة مدرسة ابتدائية.")]);
    assert_eq!(entities(&ws, "a"), Vec::<String>::new());
}

#[test]
fn a_word_that_begins_with_kaf_is_no_head_read_through_a_clitic() {
    // «كتلة» (a bloc, a mass) is no «ك» and «تلة» (a hill): nothing here is a place.
    let ws = workspace(&[("a", "وارتفعت كتلة الأجور العام الماضي، وقالت الكتل النيابية إن كتلة الرواتب ستتراجع.")]);
    assert_eq!(entities(&ws, "a"), Vec::<String>::new());
    let ws = workspace(&[("a", "ووصل الوفد إلى تلة الصنوبر.")]);
    assert_eq!(entities(&ws, "a"), ["«تلة الصنوبر» al-snwbr"]);
}

#[test]
fn led_by_a_name_that_opens_with_a_particle_is_no_body() {
    let ws = workspace(&[("a", "وتقدمت القوات بقيادة عبد الرحيم الساعدي نحو الجسر.")]);
    assert_eq!(entities(&ws, "a"), ["«عبد الرحيم الساعدي» abd-al-rhym-al-saady"]);
}

#[test]
fn amman_is_told_from_oman_by_its_shadda_a_dateline_or_the_capital() {
    let ws = workspace(&[(
        "a",
        "عمّان - التقى الملك في عمّان وفدا زار سلطنة عمان، ثم عاد إلى العاصمة الأردنية عمان.\n\
         وجرت المحادثات في عمان بحضور وزير خارجية عمان.",
    )]);
    assert_eq!(entities(&ws, "a"), ["«عمّان» amman", "«عمّان» amman", "«سلطنة عمان» om", "«عمان» amman"]);
    let ws = workspace(&[("a", "عمان (رويترز) - قال مسؤول إن الاجتماع انتهى.")]);
    assert_eq!(entities(&ws, "a"), ["«عمان» amman", "«رويترز» reuters"]);
}

#[test]
fn the_amazigh_ait_joins_a_name_as_bin_does() {
    let ws = workspace(&[(
        "a",
        "وقال الدكتور يوسف أيت الحاج إن الهزات ستتواصل، وأكد المهندس حميد آيت باها أن الطريق مقطوع.",
    )]);
    assert_eq!(entities(&ws, "a"), ["«يوسف أيت الحاج» ywsf-ayt-al-haj", "«حميد آيت باها» hmyd-ayt-baha"]);
}

#[test]
fn a_preposition_of_place_ends_a_name() {
    let ws = workspace(&[("a", "واقتحم مسلحون سجن أبو غريب قرب بغداد، وقال أبو حسن قرب الجسر إن الطريق مغلق.")]);
    assert_eq!(entities(&ws, "a"), ["«أبو غريب» abu-ghurayb-iq", "«بغداد» baghdad", "«أبو حسن» abw-hsn"]);
}

#[test]
fn a_place_name_described_by_an_indefinite_adjective_is_the_word() {
    // «سيول» (torrents, and Seoul) with «جارفة» after it is the torrents.
    let ws = workspace(&[("a", "وتسببت الأمطار الغزيرة في سيول جارفة، ثم وصل الوزير إلى سيول في زيارة رسمية.")]);
    assert_eq!(entities(&ws, "a"), ["«سيول» seoul-kr"]);
    assert_eq!(
        ws.doc("a").unwrap().entities[0].span.start,
        "وتسببت الأمطار الغزيرة في سيول جارفة، ثم وصل الوزير إلى ".len()
    );
}

#[test]
fn a_rank_of_two_words_is_no_part_of_the_name() {
    let ws = workspace(&[("a", "وقال الملازم أول ياسين بوعلام إن فرق الإطفاء تدخلت.")]);
    assert_eq!(entities(&ws, "a"), ["«ياسين بوعلام» yasyn-bwalam"]);
    let ws = workspace(&[("a", "وأكد الرقيب أول منير الساعدي أن الطريق فتح.")]);
    assert_eq!(entities(&ws, "a"), ["«منير الساعدي» mnyr-al-saady"]);
}

#[test]
fn what_a_titled_subject_decided_is_no_name() {
    let ws = workspace(&[("a", "وقررت وزيرة الشؤون الاجتماعية، صرف منح عاجلة للأسر المتضررة.")]);
    assert!(entities(&ws, "a").is_empty(), "{:?}", entities(&ws, "a"));
    // A given name there opens the name still.
    let ws = workspace(&[("a", "وقرر وزير الداخلية، سامي الحلبي، تشكيل لجنة.")]);
    assert_eq!(entities(&ws, "a"), ["«سامي الحلبي» samy-al-hlby"]);
    // A verb that opens with «و» is the verb itself, not «و» and another word.
    let ws = workspace(&[("a", "وجه رئيس الجمهورية بإرسال فرق إنقاذ إلى المدينة.")]);
    assert!(entities(&ws, "a").is_empty(), "{:?}", entities(&ws, "a"));
}

#[test]
fn the_sunset_prayer_is_no_country() {
    let ws = workspace(&[("a", "وبعد صلاة المغرب أعلنت المحكمة ثبوت رؤية الهلال، فيما زار الوفد المغرب.")]);
    assert_eq!(entities(&ws, "a"), ["«المغرب» ma"]);
}

#[test]
fn the_platforms_of_a_share_bar_are_no_entities() {
    let text = "نشرت الوزارة مقطع الفيديو على فيسبوك وتويتر أمس.\nشارك الخبر: فيسبوك | تويتر | واتساب | نسخ الرابط\nتابعونا على فيسبوك وإنستغرام";
    let ws = workspace(&[("a", text)]);
    assert_eq!(entities(&ws, "a"), ["«فيسبوك» facebook", "«تويتر» twitter"]);
    // A line of prose that names two platforms is no share bar.
    let text = "وقال إن الحساب أغلق على فيسبوك وتويتر بعد نشر المقطع مباشرة، وإن الشركة لم توضح السبب";
    assert_eq!(entities(&workspace(&[("a", text)]), "a"), ["«فيسبوك» facebook", "«تويتر» twitter"]);
}

#[test]
fn a_surname_that_is_an_everyday_word_names_the_person_only_as_a_name() {
    let ws = workspace(&[
        ("a", "استقبل الرئيس الإيراني إبراهيم رئيسي المبعوث روبرت مالي والرئيس ميشال عون وبشار الأسد."),
        (
            "b",
            "وقال رئيسي إن الهدف الرئيسي هو الاتفاق، وأعلنت مالي وبوركينا فاسو انسحابهما، وطلب عون \
             عونا دوليا، ودعا إلى عون دولي، ووصف الأسد بالشجاع.",
        ),
    ]);
    assert_eq!(
        entities(&ws, "b"),
        ["«رئيسي» abrahym-rysy", "«بوركينا فاسو» bf", "«عون» myshal-awn", "«الأسد» bashar-al-assad",]
    );
}

#[test]
fn a_titled_name_of_three_words_no_list_knows() {
    let ws = workspace(&[(
        "a",
        "قال رئيس مجلس السيادة عبد الفتاح البرهان إن قائد قوات الدعم السريع محمد حمدان دقلو رفض \
         الاتفاق، فيما قال المدير العام تيدروس أدهانوم غيبريسوس إن المستشفيات خرجت عن الخدمة. \
         وأعلن وزير الدفاع سيرغي شويغو صدور الأوامر، وقتل الناشط ناجي الجرف برصاص مجهولين. \
         وقالت الهيئة إن الرئيس قيس سعيد حصل على 90 بالمئة.",
    )]);
    let found = entities(&ws, "a");
    assert!(found.contains(&"«محمد حمدان دقلو» mhmd-hmdan-dqlw".to_string()), "{found:?}");
    assert!(found.contains(&"«تيدروس أدهانوم غيبريسوس» tydrws-adhanwm-ghybrysws".to_string()), "{found:?}");
    // A masdar the titled subject governs, a noun behind a preposition: not a third part.
    assert!(found.contains(&"«سيرغي شويغو» syrghy-shwyghw".to_string()), "{found:?}");
    assert!(found.contains(&"«ناجي الجرف» najy-al-jrf".to_string()), "{found:?}");
    // A perfect verb and its preposition after a titled name of two words.
    assert!(found.contains(&"«قيس سعيد» qys-sayd".to_string()), "{found:?}");
}

#[test]
fn state_companies_named_after_their_country_are_the_companies() {
    let ws = workspace(&[(
        "a",
        "أعلنت أرامكو السعودية أرباحها، وقالت شركة قطر للطاقة إن الشحنات تأخرت، ووقعت أدنوك العقد.",
    )]);
    assert_eq!(entities(&ws, "a"), ["«أرامكو السعودية» aramco", "«شركة قطر للطاقة» qatarenergy", "«أدنوك» adnoc"]);
}

#[test]
fn un_agencies_are_not_the_un() {
    // «المنظمة الدولية» alone is the UN's short form; the agencies that open with it, or name
    // the UN inside theirs, are their own.
    let ws = workspace(&[(
        "a",
        "قالت الأمم المتحدة إن المنظمة الدولية للهجرة ومفوضية الأمم المتحدة لشؤون اللاجئين ومكتب \
         الأمم المتحدة لتنسيق الشؤون الإنسانية (أوتشا) يعملون في المخيم. وقالت منظمة الصحة إن قوات \
         الدعم السريع قصفت المستشفى، وإن الدعم السريع انسحب.",
    )]);
    assert_eq!(
        entities(&ws, "a"),
        [
            "«الأمم المتحدة» un",
            "«المنظمة الدولية للهجرة» iom",
            "«مفوضية الأمم المتحدة لشؤون اللاجئين» unhcr",
            "«مكتب الأمم المتحدة لتنسيق الشؤون الإنسانية» ocha",
            "«أوتشا» ocha",
            "«منظمة الصحة» who",
            "«قوات الدعم السريع» rsf-sudan",
            "«الدعم السريع» rsf-sudan",
        ]
    );
}

#[test]
fn quotation_marks_inside_a_known_name() {
    let ws = workspace(&[("a", "قاتل تنظيم “الدولة الإسلامية” في سوريا")]);
    assert_eq!(entities(&ws, "a"), ["«تنظيم “الدولة الإسلامية» isis", "«سوريا» sy"]);
}

#[test]
fn config_entities_extend_and_override() {
    let toml = r#"
[[entity]]
id = "houthis"
name = "أنصار الله"
kind = "org"
description = "Our style: أنصار الله"

[[entity]]
id = "abu-ali"
name = "أبو علي العسكري"
kind = "person"
aliases = ["العسكري"]
"#;
    let config = Config::parse(toml, "/ws".into()).unwrap();
    let ws =
        workspace_with(&[("a", "قال أبو علي العسكري إن جماعة أنصار الله والعسكري")], Gazetteer::new(&config.entities));
    assert_eq!(entities(&ws, "a"), ["«أبو علي العسكري» abu-ali", "«أنصار الله» houthis", "«العسكري» abu-ali"]);
    assert_eq!(ws.entity("houthis").unwrap().description.as_deref(), Some("Our style: أنصار الله"));
    // The overridden entity's other built-in names are gone with it.
    let ws = workspace_with(&[("a", "قال الحوثيون")], Gazetteer::new(&config.entities));
    assert_eq!(entities(&ws, "a"), Vec::<String>::new());
}

#[test]
fn titles_introduce_people() {
    let ws = workspace(&[(
        "a",
        "وقال وزير الخارجية المصري سامح شكري، إن القاهرة ترفض. وأكد العقيد الركن خالد المحمداوي أن الوضع مستقر.",
    )]);
    assert_eq!(entities(&ws, "a"), ["«سامح شكري» samh-shkry", "«القاهرة» cairo", "«خالد المحمداوي» khald-al-mhmdawy"]);
    let doc = ws.doc("a").unwrap();
    assert_eq!(doc.entities[0].how, How::Introduced);
    assert_eq!(doc.entities[0].kind, EntityKind::Person);
    // A title with no name after it introduces nobody.
    let ws = workspace(&[("a", "وقال وزير الخارجية إن بلاده تدعم. ويلتقي الرئيس الفرنسي نظيره الأمريكي.")]);
    assert_eq!(entities(&ws, "a"), Vec::<String>::new());
}

#[test]
fn a_name_introduced_in_one_source_is_recognised_bare_in_every_source() {
    let ws = workspace(&[
        ("wire", "وأعلن المتحدث باسم الجيش اللبناني العميد نزيه جبور أن الحدود هادئة."),
        ("report", "وقال جبور إن الجيش انتشر، وأكد نزيه جبور ذلك."),
    ]);
    // «الجيش» alone is the one army the workspace names: the Lebanese.
    assert_eq!(entities(&ws, "report"), ["«جبور» nzyh-jbwr", "«الجيش» lb-army", "«نزيه جبور» nzyh-jbwr"]);
    assert_eq!(ws.doc("report").unwrap().entities[0].how, How::Alias);
    assert_eq!(ws.entity("nzyh-jbwr").unwrap().name, "نزيه جبور");
    let (path, span) = ws.introduction("nzyh-jbwr").unwrap();
    assert_eq!(path, "wire");
    // The full, titled introduction.
    assert_eq!(&ws.doc("wire").unwrap().text[span.start..span.end], "المتحدث باسم الجيش اللبناني العميد نزيه جبور");
}

#[test]
fn organisation_place_and_operation_heads() {
    let ws = workspace(&[
        (
            "a",
            "وأعلنت وزارة الداخلية العراقية وحركة العدل والمساواة وقوع هجوم على قاعدة بلد الجوية في محافظة صلاح الدين ضمن عملية \"درع الفرات\".",
        ),
        ("b", "وعادت القوات إلى بلد الجوية، فيما انتهت درع الفرات وتواصل القتال في صلاح الدين."),
    ]);
    assert_eq!(
        entities(&ws, "a"),
        [
            "«وزارة الداخلية العراقية» iq-ministry-of-interior",
            "«حركة العدل والمساواة» hrkh-al-adl-w-al-msawah",
            "«قاعدة بلد الجوية» bld",
            "«صلاح الدين» salah-al-din-iq",
            "«درع الفرات» dra-al-frat"
        ]
    );
    // The place and the operation are named bare elsewhere; a one-word indefinite place
    // name (بلد, also "country") is not, and neither is an organisation without its head.
    // (Salah ad-Din is a governorate the GeoNames list knows: its head is not part of it.)
    assert_eq!(entities(&ws, "b"), ["«درع الفرات» dra-al-frat", "«صلاح الدين» salah-al-din-iq"]);
    assert_eq!(ws.entity("dra-al-frat").unwrap().kind, EntityKind::Event);
}

#[test]
fn institutions_of_a_country_and_their_bare_heads() {
    let ws = workspace(&[(
        "a",
        "صوت مجلس النواب الأردني على القانون. وكان البرلمان الأردني قد رفضه، ثم أقره البرلمان بالأغلبية.",
    )]);
    assert_eq!(
        entities(&ws, "a"),
        ["«مجلس النواب الأردني» jo-parliament", "«البرلمان الأردني» jo-parliament", "«البرلمان» jo-parliament"]
    );
    // Two countries' parliaments: a bare «البرلمان» could be either, so it is neither.
    let ws = workspace(&[("a", "البرلمان الأردني والبرلمان المصري. ثم صوت البرلمان.")]);
    assert_eq!(entities(&ws, "a"), ["«البرلمان الأردني» jo-parliament", "«البرلمان المصري» eg-parliament"]);
}

#[test]
fn transliteration_variants_share_an_id_and_keep_their_spellings() {
    let ws = workspace(&[
        ("a", "قالت وزيرة الخارجية الفرنسية آنيس روماتيه إن باريس تدعم الحوار."),
        ("b", "وصرحت أنييس روماتيه بأن فرنسا لن تتراجع."),
        ("c", "وفي إطار عملية \"نبع السلام\" تقدم الجيش. وانتهت عملية \"نبع والسلام\" رسميا."),
    ]);
    assert_eq!(entities(&ws, "b")[0], "«أنييس روماتيه» anys-rwmatyh");
    let spellings: Vec<String> = ws.spellings("anys-rwmatyh").into_iter().map(|s| s.0).collect();
    assert_eq!(spellings, ["انيس روماتيه", "انييس روماتيه"]);
    assert_eq!(entities(&ws, "c"), ["«نبع السلام» nba-al-slam", "«نبع والسلام» nba-al-slam"]);
}

#[test]
fn common_words_are_not_entities() {
    let ws = workspace(&[(
        "a",
        "وشدد على أهمية القاعدة الجوية والعملية السياسية، وقال إن الحكومة والجيش والشعب في حالة جيدة. \
         وفتح الباب أمام الجزيرة العربية، وجماعة مسلحة هاجمت 15 قاعدة عسكرية في إقليم اتحادي.",
    )]);
    assert_eq!(entities(&ws, "a"), Vec::<String>::new());
}

#[test]
fn omar_is_age_before_a_verb_of_reaching() {
    // «عمر» is a given name (Omar) and the noun "age": «عن عمر ناهز 87 عاما» (at the age of
    // nearly 87) names nobody.
    let ws = workspace(&[(
        "a",
        "توفي عن عمر ناهز 87 عاما، وتوفيت زوجته عن عمر يناهز 80 عاما وأخوه عن عمر بلغ 90 عاما. وقال عمر البشير إن الحكومة باقية.",
    )]);
    assert_eq!(entities(&ws, "a"), ["«عمر البشير» amr-al-bshyr"]);
}

#[test]
fn words_of_time_after_a_place_s_head_are_not_its_name() {
    // «سجن» (prison; also "was jailed"), «مطار», «مستشفى» introduce a place named by the word
    // after them; «طيلة»، «طوال»، «مدة» (throughout, for) name none.
    let ws = workspace(&[(
        "a",
        "سُجن طيلة عقدين، ثم احتجز في مطار طوال يومين، وبقي في مستشفى لمدة أسبوع قبل نقله إلى سجن صيدنايا.",
    )]);
    assert_eq!(entities(&ws, "a"), ["«صيدنايا» saydnaya-sy"]);
}

#[test]
fn an_everyday_word_is_not_a_clitic_and_a_place_s_name() {
    // «كهرباء» (electricity) is not «ك» + Iriba, «فصيلة» (a faction) not «ف» + Asilah, «وفدا» (a
    // delegation) not «و» + Fada, «بليون» (a billion) not «ب» + Lyon, «وبنوا» (and they built)
    // not «وب» + Nawa; the places themselves, and «و» + Lyon, still are.
    let ws = workspace(&[(
        "a",
        "قطعت فصيلة مسلحة كهرباء المدينة، فأرسلت الحكومة وفدا كلف إعادتها بليون دولار، وبنوا محطة جديدة.",
    )]);
    assert!(entities(&ws, "a").is_empty(), "{:?}", entities(&ws, "a"));
    let ws = workspace(&[("b", "زار الوفد فدا في تشاد ثم أصيلة في المغرب وليون في فرنسا.")]);
    assert_eq!(
        entities(&ws, "b"),
        ["«فدا» fada-td", "«تشاد» td", "«أصيلة» asilah-ma", "«المغرب» ma", "«ليون» lyon-fr", "«فرنسا» fr"]
    );
}

#[test]
fn a_place_spelled_in_persian_letters_is_judged_as_the_word_it_folds_to() {
    // GeoNames spells El Jadida «الجدیدہ» and Tire «تیره» in Persian and Urdu letters, which
    // matching folds to «الجديدة» (the new) and, after «و», «وتيرة» (a pace); Magra «مقرة» folds
    // to «مقره» (its headquarters). Each is judged by its commonest spelling: everyday words.
    let ws = workspace(&[(
        "a",
        "وقال المرصد الذي يقع مقره في لندن إن وتيرة القصف ازدادت، وإن الحكومة الجديدة تعهدت بسوريا الجديدة.",
    )]);
    assert_eq!(entities(&ws, "a"), ["«لندن» london", "«سوريا» sy"]);
}

#[test]
fn a_persian_spelling_that_folds_to_a_plural_names_the_place_only_as_a_place() {
    // GeoNames spells Harbin «هاربین» and Nahrin «نهرین» in Persian letters; matching folds
    // them to «هاربين» (fugitives) and «نهرين» (two rivers). Written where a place stands they
    // are the city; as words, nothing. Their Arabic spellings are the places anywhere.
    let ws = workspace(&[(
        "a",
        "وقضت المحكمة بسجن ثلاثة متهمين هاربين، وعبرت القوات نهرين صغيرين. وفي مدينة هاربين الصينية زار الوفد مدينة هاربن.",
    )]);
    assert_eq!(entities(&ws, "a"), ["«هاربين» harbin-cn", "«هاربن» harbin-cn"]);
}

#[test]
fn a_word_and_allah_or_al_din_are_one_part_of_a_name() {
    // «فتح الله»، «نور الدين»، «عز الدين» are one part: the name runs on to the part after
    // them, and «السيد نصر الله» still names a man by his one compound.
    let ws = workspace(&[(
        "a",
        "وقال الوزير محمد فتح الله إن اللواء عز الدين خليل والعميد أحمد نور الدين وصلوا، فيما رحب المطران عطا الله حنا والسيد نصر الله بالاتفاق.",
    )]);
    assert_eq!(
        entities(&ws, "a"),
        [
            "«محمد فتح الله» mhmd-fth-al-lh",
            "«عز الدين خليل» az-al-dyn-khlyl",
            "«أحمد نور الدين» ahmd-nwr-al-dyn",
            "«عطا الله حنا» ata-al-lh-hna",
            "«نصر الله» nsr-al-lh"
        ]
    );
}

#[test]
fn a_direction_or_a_land_and_a_country_s_adjective_name_a_region() {
    // «الشمال السوري» is a region of Syria in every source that names it; a border is one
    // place whichever country's adjective comes first; «الحدود التركية» alone says not which.
    let ws = workspace(&[
        (
            "a",
            "تقدمت القوات في البادية السورية نحو الحدود العراقية السورية، وهدأت الجبهات في الشمال السوري وبالساحل اللبناني.",
        ),
        ("b", "وصلت التعزيزات إلى الحدود السورية العراقية قادمة من الشمال السوري ومن الحدود التركية."),
    ]);
    assert_eq!(
        entities(&ws, "a"),
        [
            "«البادية السورية» al-badyh-sy",
            "«الحدود العراقية السورية» al-hdwd-iq-sy",
            "«الشمال السوري» al-shmal-sy",
            "«الساحل اللبناني» al-sahl-lb"
        ]
    );
    assert_eq!(entities(&ws, "b"), ["«الحدود السورية العراقية» al-hdwd-iq-sy", "«الشمال السوري» al-shmal-sy"]);
    assert_eq!(ws.entity("al-shmal-sy").unwrap().kind, EntityKind::Place);
}

#[test]
fn ali_written_apart_from_the_preposition_is_a_name() {
    // The article writes the preposition «على» with ى, so its «علي» with ي is the name Ali;
    // a feminine noun after a «علي» still reads as the preposition typed with ي.
    let ws = workspace(&[(
        "a",
        "وقال النائب علي فضل الله إن الحكومة على وشك الاستقالة، وحصل الوزير علي موافقة البرلمان. وقال علي لاريجاني إن الاتفاق قريب.",
    )]);
    assert_eq!(entities(&ws, "a"), ["«علي فضل الله» aly-fdl-al-lh", "«علي لاريجاني» aly-laryjany"]);
    // Written with ي for both: no telling the name from the preposition.
    let ws = workspace(&[("b", "وقال النائب علي فضل الله إن الحكومة علي وشك الاستقالة.")]);
    assert_eq!(entities(&ws, "b"), Vec::<String>::new());
}

#[test]
fn a_letter_set_apart_is_no_part_of_a_name() {
    // Copy that sets a clitic apart («ل - "الفرقة السابعة"»، «ب - حلب») names no base «ل» and
    // no city «ب»: the division and Aleppo.
    let ws = workspace(&[("a", "انطلق الوفد من قاعدة ل - \"الفرقة السابعة\" التابعة للجيش، ومن مدينة ب - حلب.")]);
    assert_eq!(entities(&ws, "a"), ["«الفرقة السابعة» al-frqh-al-sabah", "«حلب» aleppo"]);
}

#[test]
fn feminine_titles_and_professions_introduce_people() {
    let ws = workspace(&[(
        "a",
        "وقالت السفيرة الأمريكية ليندا توماس إن الوزيرة سامية حسين والفنانة سلوى زكي ورجل الأعمال نجيب ساويرس حضروا، وكتب دكتور حازم الببلاوي مقالا.",
    )]);
    assert_eq!(
        entities(&ws, "a"),
        [
            "«ليندا توماس» lynda-twmas",
            "«سامية حسين» samyh-hsyn",
            "«سلوى زكي» slwy-zky",
            "«نجيب ساويرس» njyb-sawyrs",
            "«حازم الببلاوي» hazm-al-bblawy"
        ]
    );
    // After a title, «أنها» and «بنفس» begin what is said or how, not a name.
    let ws = workspace(&[("b", "وأضافت السفيرة الأمريكية أنها تستعرض الخيارات، فيما قتل التنظيم الناشط بنفس الطريقة.")]);
    assert_eq!(entities(&ws, "b"), Vec::<String>::new());
}

#[test]
fn a_place_head_before_what_the_place_is_for_names_no_place() {
    let ws =
        workspace(&[("a", "وأصبح المطار قاعدة لإطلاق الطائرات المسيرة، وأقيم مخيم لاجئين قرب مدينة اللاذقية وبلدة لاسا.")]);
    assert_eq!(entities(&ws, "a"), ["«اللاذقية» latakia-sy", "«بلدة لاسا» lasa"]);
}

#[test]
fn clergy_are_introduced_by_their_titles() {
    let ws = workspace(&[(
        "a",
        "واستقبل البطريرك بشارة الراعي وفدا، وقال المطران حنا عطا إن الحاخام شلومو عمار والقس منذر إسحق شاركوا.",
    )]);
    assert_eq!(
        entities(&ws, "a"),
        ["«بشارة الراعي» bsharh-al-raay", "«حنا عطا» hna-ata", "«شلومو عمار» shlwmw-amar", "«منذر إسحق» mndhr-ashq"]
    );
}

#[test]
fn a_hand_kept_place_and_its_geonames_spellings_are_one_place() {
    // GeoNames gives «النجف الأشرف»، «كربلاء المقدسة»، «استانبول» for places the hand-kept list
    // names otherwise: they are those places, not second ones.
    let ws = workspace(&[(
        "a",
        "زار الوزير النجف الأشرف وكربلاء المقدسة ثم عاد إلى النجف، وسافر بعدها من كربلاء إلى استانبول وإسطنبول، ومنها إلى كابل ومدينة كابول.",
    )]);
    assert_eq!(
        entities(&ws, "a"),
        [
            "«النجف الأشرف» najaf",
            "«كربلاء المقدسة» karbala",
            "«النجف» najaf",
            "«كربلاء» karbala",
            "«استانبول» istanbul",
            "«إسطنبول» istanbul",
            "«كابل» kabul",
            "«كابول» kabul"
        ]
    );
    // Cities whose names are also words («تعز» dear, «جنين» a fetus, «الخليل» a friend) are
    // kept by hand: the places wherever news names them.
    let ws = workspace(&[("b", "انتقل الوفد من تعز إلى مأرب، ثم إلى جنين والخليل وبيت لحم وكوباني.")]);
    assert_eq!(
        entities(&ws, "b"),
        [
            "«تعز» taiz",
            "«مأرب» marib",
            "«جنين» jenin",
            "«الخليل» al-khalil",
            "«بيت لحم» bethlehem",
            "«كوباني» ayn-al-arab"
        ]
    );
}

#[test]
fn a_head_with_an_adjective_of_its_own_names_another_organisation() {
    // «المرصد» refers back to the observatory named in full, «التنظيم الإرهابي» to the one
    // organisation of that head; «المرصد الإخباري» is another observatory.
    let ws = workspace(&[(
        "a",
        "قال المرصد السوري لحقوق الإنسان إن تنظيم داعش قتل 5 مدنيين. وأضاف المرصد أن التنظيم الإرهابي انسحب. ونقل المرصد الإخباري الرواية نفسها.",
    )]);
    assert_eq!(
        entities(&ws, "a"),
        ["«المرصد السوري لحقوق الإنسان» sohr", "«تنظيم داعش» isis", "«المرصد» sohr", "«التنظيم» isis"]
    );
}

#[test]
fn the_index_gives_each_entity_its_sentences_and_claims() {
    let ws = workspace(&[
        ("a", "نشرت الولايات المتحدة 3000 جندي في العراق عام 2014. وقال المسؤول إن الوضع هادئ."),
        ("b", "وفي عام 2014 أرسلت واشنطن حوالي 5000 جندي إلى العراق."),
    ]);
    let occ = ws.occurrences("iq");
    assert_eq!(occ.len(), 2);
    let a = ws.doc("a").unwrap();
    assert_eq!(
        &a.text[occ[0].sentence.start..occ[0].sentence.end],
        "نشرت الولايات المتحدة 3000 جندي في العراق عام 2014."
    );
    let claims: Vec<&str> = occ[0]
        .claims
        .iter()
        .map(|&k| &a.text[a.analysis.mentions[k].span.start..a.analysis.mentions[k].span.end])
        .collect();
    assert_eq!(claims, ["3000 جندي", "عام 2014"]);
    // For each figure: the entities and event words around it.
    let b = ws.doc("b").unwrap();
    let figure =
        b.analysis.mentions.iter().position(|m| &b.text[m.span.start..m.span.end] == "حوالي 5000 جندي").unwrap();
    let ctx = ws.claim_context("b", figure);
    assert_eq!(ctx.entities.iter().map(|e| &**e).collect::<Vec<_>>(), ["washington", "iq"]);
    let ctx = ws.claim_context("a", 0);
    assert_eq!(ctx.events.iter().map(|e| &**e).collect::<Vec<_>>(), ["deployment"]);
}

#[test]
fn updating_one_source_reanalyses_only_what_depends_on_it() {
    let mut ws = workspace(&[("a", "وقال جبور إن الحدود هادئة."), ("b", "وصل الوفد إلى بيروت.")]);
    assert_eq!(entities(&ws, "a"), Vec::<String>::new());
    // A new introduction changes the registry: every source is re-matched.
    let changed = ws.upsert("b", "وأعلن العميد نزيه جبور أن الحدود هادئة.".into(), None);
    assert_eq!(changed.len(), 2);
    assert_eq!(entities(&ws, "a"), ["«جبور» nzyh-jbwr"]);
    // An edit that introduces nothing new touches only its own source.
    let changed = ws.upsert("a", "وقال جبور إن الحدود هادئة في بيروت.".into(), None);
    assert_eq!(changed.iter().map(|p| &**p).collect::<Vec<_>>(), ["a"]);
    assert_eq!(entities(&ws, "a"), ["«جبور» nzyh-jbwr", "«بيروت» beirut"]);
    // Removing the introducing source forgets the name everywhere.
    ws.remove("b");
    assert_eq!(entities(&ws, "a"), ["«بيروت» beirut"]);
}

#[test]
fn places_from_geonames_are_found_without_a_head() {
    // Towns of the GeoNames list, bare and with clitics; «سورية» is Syria after a preposition
    // and the adjective Syrian after a noun it agrees with.
    let ws = workspace(&[("a", "قصفت الطائرات حرستا وعربين، وقالت مصادر سورية إن القصف امتد إلى سورية كلها.")]);
    assert_eq!(entities(&ws, "a"), ["«حرستا» harasta-sy", "«عربين» irbin-sy", "«سورية» sy"]);
    // «التركية» is the adjective, not the old spelling «تركية» of Turkey.
    let ws = workspace(&[("a", "وصل الوفد إلى مدينة غازي عنتاب التركية أمس.")]);
    assert!(entities(&ws, "a").iter().all(|e| !e.ends_with(" tr")), "{:?}", entities(&ws, "a"));
}

#[test]
fn a_place_name_that_is_also_a_word_needs_a_place_around_it() {
    // «دوما» is also "always"; «الباب» is also "the door".
    let ws = workspace(&[(
        "a",
        "كان دوما يطرق الباب. ثم سقطت قذائف في دوما، وتقدمت القوات نحو مدينة الباب والباب شمال حلب.",
    )]);
    assert_eq!(entities(&ws, "a"), ["«دوما» duma-sy", "«الباب» al-bab-sy", "«الباب» al-bab-sy", "«حلب» aleppo"]);
}

#[test]
fn a_place_name_placed_once_is_that_place_after_a_preposition() {
    // «الحوز» is also a word (possession): alone after «في» it needs the article to have put it
    // in a place first («إقليم الحوز»); then «في الحوز» and «أهالي الحوز» are the province.
    let ws = workspace(&[
        ("a", "ضرب الزلزال إقليم الحوز ليلا. وقال مسعفون في الحوز إن أهالي الحوز باتوا في العراء."),
        ("b", "وقال مسعفون في الحوز إن الطرق مقطوعة."),
    ]);
    assert_eq!(entities(&ws, "a"), ["«الحوز» al-haouz-ma", "«الحوز» al-haouz-ma", "«الحوز» al-haouz-ma"]);
    assert_eq!(entities(&ws, "b"), Vec::<String>::new());
}

#[test]
fn a_plural_head_introduces_every_place_it_lists() {
    let ws = workspace(&[("a", "وتعرضت بلدات كفرنبودة وعطشان والحويز لقصف مدفعي، فيما بقيت مدن العالم صامتة.")]);
    assert_eq!(entities(&ws, "a"), ["«كفرنبودة» kfrnbwdh", "«عطشان» atshan", "«الحويز» al-hwyz"]);
    assert!(ws.entity("atshan").is_some_and(|e| e.kind == EntityKind::Place));
}

#[test]
fn outlets_are_organisations_and_their_everyday_names_need_a_credit() {
    let ws = workspace(&[
        ("a", "المدن - بيروت\nوقالت رويترز وفرانس 24 وBBC إن المدن الكبرى هادئة، بحسب صحيفة الوفد."),
        ("b", "وأضاف المصدر لـ ( الجزيرة ) أن الجزيرة العربية تشهد حرا شديدا."),
    ]);
    assert_eq!(
        entities(&ws, "a"),
        [
            "«المدن» almodon",
            "«بيروت» beirut",
            "«رويترز» reuters",
            "«فرانس 24» france24",
            "«BBC» bbc",
            "«صحيفة الوفد» alwafd"
        ]
    );
    assert_eq!(entities(&ws, "b"), ["«الجزيرة» aljazeera"]);
    assert_eq!(ws.entity("almodon").unwrap().kind, EntityKind::Org);
}

#[test]
fn a_body_named_in_full_is_named_by_its_short_form_in_every_source() {
    let ws = workspace(&[
        ("a", "وأفاد المرصد السوري لحقوق الإنسان بمقتل 12 مدنيا. وأعلن التحالف الدولي ضربات جديدة."),
        ("b", "وقال المرصد إن التحالف نفذ الغارات، فيما دعت الأمم المتحدة إلى التهدئة وطالبت المنظمة الدولية بتحقيق."),
        ("c", "وأعلن مركز الرصد المستقل أن المركز سيصدر تقريرا."),
    ]);
    assert_eq!(
        entities(&ws, "b"),
        ["«المرصد» sohr", "«التحالف» coalition-against-isis", "«الأمم المتحدة» un", "«المنظمة الدولية» un"]
    );
    assert_eq!(entities(&ws, "c"), ["«مركز الرصد المستقل» mrkz-al-rsd-al-mstql", "«المركز» mrkz-al-rsd-al-mstql"]);
    // Without its full name anywhere, a head alone is a common noun.
    let ws = workspace(&[("a", "وقال المرصد إن التحالف والمنظمة الدولية والقوات والنظام بشأن الهدنة.")]);
    assert_eq!(entities(&ws, "a"), Vec::<String>::new());
    // Two organisations with one head: «المركز» could be either, so it is neither.
    let ws = workspace(&[("a", "أعلن مركز الرصد المستقل ومركز الدراسات الاستراتيجية أن المركز سيصدر تقريرا.")]);
    assert!(!entities(&ws, "a").iter().any(|e| e.starts_with("«المركز»")));
}

#[test]
fn a_person_named_in_full_is_found_by_the_surname_across_sources() {
    let ws = workspace(&[
        ("a", "والتقى الرئيس السوري بشار الأسد وفدا روسيا. وقال المستشار خالد العبيدي إن اللقاء مثمر."),
        ("b", "وأضاف العبيدي أن الأسد وافق على المقترح."),
    ]);
    assert_eq!(entities(&ws, "b"), ["«العبيدي» khald-al-abydy", "«الأسد» bashar-al-assad"]);
    // The lion is no one until the president is named.
    let ws = workspace(&[("a", "زأر الأسد في حديقة الحيوان.")]);
    assert_eq!(entities(&ws, "a"), Vec::<String>::new());
}

#[test]
fn people_without_a_title() {
    let ws = workspace(&[(
        "a",
        "وقال عادل المنصوري إن الاتفاق صامد. ويرى مصطفى الكردي أن الوضع معقد، وأعلن باتريك ستايغر الانسحاب. \
         ووصل أبو عزرائيل إلى الحدود. وقال عبد الله الحربي إن الحدود مغلقة.",
    )]);
    assert_eq!(
        entities(&ws, "a"),
        [
            "«عادل المنصوري» aadl-al-mnswry",
            "«مصطفى الكردي» mstfy-al-krdy",
            "«باتريك ستايغر» batryk-stayghr",
            "«أبو عزرائيل» abw-azrayl",
            "«عبد الله الحربي» abd-al-lh-al-hrby"
        ]
    );
    // A given name that is also a word («عادل» just) needs a verb of saying before it; «على»
    // is the preposition, though it folds to «علي».
    let ws = workspace(&[("a", "إنه حكم عادل المضمون. وعلى خلفية الهجوم تعطلت المدارس.")]);
    assert_eq!(entities(&ws, "a"), Vec::<String>::new());
}

#[test]
fn a_grandfather_s_given_name_is_the_third_part() {
    // A third part that is a given name (not an everyday word) belongs to the name; one that
    // is an everyday word («سعيد» happy) or a word of the sentence does not.
    let ws = workspace(&[(
        "a",
        "وقال مهند حسين يوسف إن الطريق مفتوح. وأكد تامر خالد أمس أن الحدود مغلقة. والتقى فراس أحمد سعيد الوفد.",
    )]);
    assert_eq!(
        entities(&ws, "a"),
        ["«مهند حسين يوسف» mhnd-hsyn-ywsf", "«تامر خالد» tamr-khald", "«فراس أحمد» fras-ahmd"]
    );
}

#[test]
fn a_definite_body_named_by_what_it_is_for() {
    // A definite head, an adjective and an «لل» phrase name a body (the head alone then
    // refers back to it); «ل» and a noun of purpose after an indefinite head names nothing.
    let ws = workspace(&[(
        "a",
        "وقالت الهيئة العامة للأرصاد الجوية إن الحرارة سترتفع، وأعلنت المفوضية العليا المستقلة للانتخابات النتائج. \
         وقالت الهيئة العامة إن الطرق مغلقة. وضع صندوق لجمع التبرعات قرب نقابة المعلمين.",
    )]);
    assert_eq!(
        entities(&ws, "a"),
        [
            "«الهيئة العامة للأرصاد الجوية» al-hyh-al-aamh-llarsad-al-jwyh",
            "«المفوضية العليا المستقلة للانتخابات» al-mfwdyh-al-alya-al-mstqlh-llantkhabat",
            "«الهيئة» al-hyh-al-aamh-llarsad-al-jwyh",
            "«نقابة المعلمين» nqabh-al-malmyn"
        ]
    );
    // What describes a body after its name is not part of it.
    let ws = workspace(&[("a", "وقالت مفوضية حقوق الإنسان التابعة للأمم المتحدة إن المدنيين قتلوا.")]);
    assert_eq!(entities(&ws, "a"), ["«مفوضية حقوق الإنسان» mfwdyh-hqwq-al-ansan", "«للأمم المتحدة» un"]);
}

#[test]
fn a_title_held_somewhere_and_a_european_particle() {
    // «إلى اليمن»، «لدى العراق» say where the title is held; «دي» joins «ميستورا» into one part,
    // which alone later is the same man, and «فإن» (folded like «فان») stays a conjunction.
    let ws = workspace(&[(
        "a",
        "وقال المبعوث الأممي إلى اليمن هانس غروندبرغ إن الهدنة صامدة. وقال المبعوث الأممي السابق إلى سوريا ستيفان دي ميستورا إن \
         المفاوضات ستستأنف. وأضاف دي ميستورا أن الوفود وصلت، فإن إيران مطالبة بالرد.",
    )]);
    assert_eq!(
        entities(&ws, "a"),
        [
            "«اليمن» ye",
            "«هانس غروندبرغ» hans-ghrwndbrgh",
            "«سوريا» sy",
            "«ستيفان دي ميستورا» styfan-dy-mystwra",
            "«دي ميستورا» styfan-dy-mystwra",
            "«إيران» ir"
        ]
    );
}

#[test]
fn led_by_before_a_name_is_no_organisation() {
    // «بقيادة» (led by) before a person's name: the person, not an organisation «قيادة …».
    let ws =
        workspace(&[("a", "وتقدمت قوات الدعم السريع بقيادة محمد يوسف نحو المدينة، وردت قيادة العمليات المشتركة.")]);
    assert_eq!(
        entities(&ws, "a"),
        [
            "«قوات الدعم السريع» rsf-sudan",
            "«محمد يوسف» mhmd-ywsf",
            "«قيادة العمليات المشتركة» qyadh-al-amlyat-al-mshtrkh"
        ]
    );
}

#[test]
fn boilerplate_and_common_words_are_not_entities() {
    let ws = workspace(&[(
        "a",
        "للكاتب جميع الحقوق محفوظة 2024. وأكد المسؤول بشأن الشؤون الداخلية أن القوات والنظام في حالة تأهب.",
    )]);
    assert_eq!(entities(&ws, "a"), Vec::<String>::new());
}

#[test]
fn institutions_resolve_to_the_country_the_coverage_is_about() {
    // No country's police is named: «الشرطة» is the police of where the story happens.
    let ws = workspace(&[("a", "انفجرت عبوة في الجيزة، وقالت الشرطة إن الانفجار وقع قرب القاهرة.")]);
    assert_eq!(entities(&ws, "a"), ["«الجيزة» giza-eg", "«الشرطة» eg-police", "«القاهرة» cairo"]);
    // «النظام» alone is the regime an article names; «قوات النظام» its army.
    let ws = workspace(&[
        ("a", "واتهم الائتلاف النظام السوري بقصف المدينة."),
        ("b", "وتقدمت قوات النظام بعد أن قصف النظام المنطقة."),
    ]);
    assert_eq!(entities(&ws, "b"), ["«قوات النظام» sy-army", "«النظام» sy-regime"]);
    // «وزير الخارجية المصري» is the minister, not the ministry.
    let ws = workspace(&[("a", "وقال وزير الخارجية المصري إن الحدود مفتوحة.")]);
    assert_eq!(entities(&ws, "a"), Vec::<String>::new());
    let ws = workspace(&[("a", "وقال وزير الدفاع التركي إن الحدود مفتوحة.")]);
    assert_eq!(entities(&ws, "a"), Vec::<String>::new());
    // An institution named in full after a title is named there: the commander of the army.
    let ws = workspace(&[("a", "وقال قائد الجيش اللبناني إن الحدود مفتوحة، وأكد رئيس البرلمان الأردني ذلك.")]);
    assert_eq!(entities(&ws, "a"), ["«الجيش اللبناني» lb-army", "«البرلمان الأردني» jo-parliament"]);
}

#[test]
fn spelling_variants_share_an_id_but_other_words_do_not() {
    let ws = workspace(&[
        ("a", "وقال المتحدث باسم الكرملين ديمتري بيسكوف إن الرئيس دونالد ترامب سيزور موسكو."),
        ("b", "وأكد بسكوف أن ترمب سيصل الأحد."),
        ("c", "وأعلنت وزارة الخارجية الأردنية أن وزيرة الخارجية الأردنية ستسافر."),
    ]);
    assert_eq!(entities(&ws, "b"), ["«بسكوف» dymtry-byskwf", "«ترمب» donald-trump"]);
    let c = entities(&ws, "c");
    assert_eq!(c, ["«وزارة الخارجية الأردنية» jo-ministry-of-foreign-affairs"]);
}

#[test]
fn a_short_place_name_introduced_in_many_sources_is_one_entity() {
    let sources: Vec<(String, String)> =
        (0..5).map(|n| (format!("s{n}"), "ووصلت القافلة إلى مدينة زوربيلا أمس.".to_string())).collect();
    let refs: Vec<(&str, &str)> = sources.iter().map(|(p, t)| (p.as_str(), t.as_str())).collect();
    let ws = workspace(&refs);
    let ids: std::collections::BTreeSet<String> = (0..5).flat_map(|n| entities(&ws, &format!("s{n}"))).collect();
    assert_eq!(ids.into_iter().collect::<Vec<_>>(), ["«مدينة زوربيلا» zwrbyla"]);
}

#[test]
fn the_newsroom_stop_list_and_removed_built_ins() {
    let toml = "[entities]\nstop = [\"المرصد السوري\", \"عربين\"]\nremove = [\"harasta-sy\"]\n";
    let config = Config::parse(toml, "/ws".into()).unwrap();
    let ws = workspace_with(
        &[("a", "وقال المرصد السوري إن حرستا وعربين تعرضتا للقصف، وكذلك مدينة دوما.")],
        config.gazetteer(),
    );
    assert_eq!(entities(&ws, "a"), ["«دوما» duma-sy"]);
}

/// After front matter, every span (dates, figures, entities, sentences) points into the whole
/// file's text: the body is tokenized where it stands, nothing is shifted by hand.
#[test]
fn spans_after_front_matter_point_into_the_whole_text() {
    let text = "---\ntitle: «تقرير»\npublished: 2021-12-09\n---\nوقال المتحدث باسم الجيش اللبناني العميد نزيه جبور في 5 يناير 2020 إن 300 جندي انتشروا.\n";
    let mut ws = Workspace::new(Arc::new(Gazetteer::new(&[])));
    ws.extend([("a.md".to_string(), text.to_string(), None)]);
    let doc = ws.doc("a.md").unwrap();
    let quoted: Vec<&str> = doc.analysis.mentions.iter().map(|m| &text[m.span.start..m.span.end]).collect();
    assert_eq!(quoted, ["5 يناير 2020", "300 جندي"]);
    let names: Vec<&str> = doc.entities.iter().map(|e| &text[e.span.start..e.span.end]).collect();
    assert!(names.contains(&"نزيه جبور"), "{names:?}");
    let sentence = doc.local.sentences.last().unwrap();
    assert!(
        text[sentence.start..sentence.end].starts_with("وقال المتحدث"),
        "{:?}",
        &text[sentence.start..sentence.end]
    );
    assert_eq!(doc.analysis.published.map(|p| p.0.to_string()).as_deref(), Some("2021-12-09"));
}

#[test]
fn a_gate_or_street_named_after_a_city_is_not_that_city() {
    let ws = workspace(&[(
        "a",
        "تقدمت القوات في حمص إلى باب تدمر وشارع حلب، ثم إلى جسر الشغور، وفتحت باب الحوار مع مطار دمشق.",
    )]);
    let found = entities(&ws, "a");
    // The gate and the street are places of their own; «جسر الشغور» is the town; an airport
    // named after its city stands there.
    assert!(found.iter().any(|e| e.starts_with("«باب تدمر» ")), "{found:?}");
    assert!(found.iter().any(|e| e.starts_with("«شارع حلب» ")), "{found:?}");
    assert!(found.contains(&"«جسر الشغور» jisr-ash-shughur-sy".to_string()), "{found:?}");
    assert!(!found.iter().any(|e| e.contains("tadmur") || e.contains("aleppo")), "{found:?}");
    assert!(found.contains(&"«دمشق» damascus".to_string()), "{found:?}");
    // «باب الحوار» (an opening for dialogue) is no place.
    assert!(!found.iter().any(|e| e.contains("الحوار")), "{found:?}");
}

#[test]
fn landforms_and_abbreviated_titles_introduce_names() {
    let ws = workspace(&[(
        "a",
        "سيطرت القوات على تلة الصوان وجبل العرقوب ثم مزرعة الريحان. وقال د. منير حداد إن المعارك توقفت، \
         وإن «جبل من الأنقاض» بقي في الحي. وكتب كاتب عنوانه د مجهول.",
    )]);
    let found = entities(&ws, "a");
    for want in ["«تلة الصوان» ", "«جبل العرقوب» ", "«مزرعة الريحان» ", "«منير حداد» "]
    {
        assert!(found.iter().any(|e| e.starts_with(want)), "{want} in {found:?}");
    }
    // A mountain of rubble is no mountain; a lone «د» without its full stop is no title.
    assert!(!found.iter().any(|e| e.contains("الأنقاض") || e.contains("مجهول")), "{found:?}");
}

#[test]
fn the_coalition_described_by_who_leads_it_is_the_coalition() {
    let ws = workspace(&[
        ("a", "قصفت طائرات التحالف الذي تقوده الولايات المتحدة مواقع التنظيم."),
        ("b", "وقال متحدث إن التحالف نفذ 12 ضربة."),
    ]);
    let a = entities(&ws, "a");
    assert!(a.contains(&"«التحالف» coalition-against-isis".to_string()), "{a:?}");
    assert!(a.contains(&"«الولايات المتحدة» us".to_string()), "{a:?}");
    assert_eq!(
        entities(&ws, "b").iter().filter(|e| e.ends_with(" coalition-against-isis")).count(),
        1,
        "{:?}",
        entities(&ws, "b")
    );
}

#[test]
fn a_group_that_calls_itself_by_a_name_is_known_by_it_everywhere() {
    let ws = workspace(&[
        ("a", "قتل ثلاثة من أعضاء جماعة مسلحة تطلق على نفسها اسم \"درع الوادي\" في اشتباك."),
        ("b", "وتقول السلطات إن درع الوادي تلقى تمويلا من الخارج."),
    ]);
    assert!(entities(&ws, "a").iter().any(|e| e.starts_with("«درع الوادي» ")), "{:?}", entities(&ws, "a"));
    assert!(entities(&ws, "b").iter().any(|e| e.starts_with("«درع الوادي» ")), "{:?}", entities(&ws, "b"));
    // Introduced after its head, quoted, it is the same group.
    let ws = workspace(&[
        ("a", "أعلنت حركة \"درع الوادي\" مسؤوليتها."),
        ("b", "جماعة تطلق على نفسها اسم (درع الوادي) وتقول إن درع الوادي باقية."),
    ]);
    let ids: std::collections::BTreeSet<String> = ["a", "b"]
        .iter()
        .flat_map(|p| entities(&ws, p))
        .filter(|e| e.contains("درع الوادي"))
        .map(|e| e.rsplit(' ').next().unwrap().to_string())
        .collect();
    assert_eq!(ids.len(), 1, "{ids:?}");
    // Without the frame a quoted phrase is a quotation.
    let ws = workspace(&[("a", "ووصف القرار بأنه \"درع الوادي\" للبلاد.")]);
    assert_eq!(entities(&ws, "a"), Vec::<String>::new());
}

#[test]
fn a_speaker_named_before_a_colon_opening_a_headline() {
    let ws = workspace(&[(
        "a",
        "انتهى الاجتماع.\nكمال عيسى: الاتفاق لن يصمد طويلا\nوفي حديثه، قال إن كمال الأجسام رياضة: لا أكثر.",
    )]);
    let found = entities(&ws, "a");
    assert!(found.iter().any(|e| e.starts_with("«كمال عيسى» ")), "{found:?}");
    // An everyday word that is also a given name, mid-sentence, is not a speaker.
    assert!(!found.iter().any(|e| e.contains("الأجسام")), "{found:?}");
}

#[test]
fn a_kunya_written_as_one_word_is_the_same_person() {
    let ws = workspace(&[
        ("a", "وقال القيادي المعروف باسم أبو مهند الشامي إن المعركة مستمرة."),
        ("b", "وظهر أبومهند الشامي في تسجيل جديد."),
    ]);
    let a = entities(&ws, "a");
    let b = entities(&ws, "b");
    let id = |v: &[String]| v.iter().find(|e| e.contains("مهند")).map(|e| e.rsplit(' ').next().unwrap().to_string());
    assert!(id(&a).is_some(), "{a:?}");
    assert_eq!(id(&a), id(&b), "{a:?} {b:?}");
}

#[test]
fn a_quoted_place_name_after_its_head() {
    // «دوما» is also a given name and a parliament: after «بلدة» it is the town, quoted or not.
    let ws = workspace(&[("a", "سقطت قذائف على بلدة \"دوما\" وعلى بلدة دوما مجددا.")]);
    let found = entities(&ws, "a");
    assert_eq!(found.iter().filter(|e| e.starts_with("«دوما» ")).count(), 2, "{found:?}");
}

#[test]
fn the_index_of_spellings_follows_each_edit() {
    let a = "قالت وزيرة الخارجية الفرنسية آنيس روماتيه إن باريس تدعم الحوار في بغداد.";
    let b = "وصرحت أنييس روماتيه بأن فرنسا لن تتراجع عن دعم العراق.";
    let c = "وزار الوفد بغداد والبصرة، وقال إن العراق يحتاج إلى دعم.";
    let mut ws = workspace(&[("a", a), ("b", b), ("c", c)]);
    let _ = ws.spelling_index();
    let mut texts = vec![("a", a.to_string()), ("b", b.to_string()), ("c", c.to_string())];
    // Typing that keeps who is introduced (the index is updated in place), a new spelling of
    // a known name, a source added, and one that introduces a new name (the index is rebuilt).
    let edits: [(&str, String); 5] = [
        ("c", format!("{c} وأكد أن بغداد مستعدة.")),
        ("b", b.replace("العراق", "للعراق")),
        ("c", format!("{c} وقالت أنييس روماتيه إن بغداد شريك.")),
        ("d", "وفي بغداد قال العميد نزيه جبور إن الوضع مستقر.".to_string()),
        ("c", c.to_string()),
    ];
    for (path, text) in edits {
        ws.upsert(path, text.clone(), None);
        match texts.iter_mut().find(|(p, _)| *p == path) {
            Some(t) => t.1 = text,
            None => texts.push((path, text)),
        }
        let fresh = workspace(&texts.iter().map(|(p, t)| (*p, t.as_str())).collect::<Vec<_>>());
        assert_eq!(ws.spelling_index(), fresh.spelling_index(), "after editing {path}");
        for (p, _) in &texts {
            let ids: Vec<&str> = ws.doc(p).unwrap().entities.iter().map(|m| &*m.id).collect();
            for id in ids {
                assert_eq!(ws.spellings(id), fresh.spellings(id), "{id} in {p}");
                // The sources naming it, as the index keeps them: those whose entities have it.
                let naming: Vec<&str> = texts
                    .iter()
                    .map(|(q, _)| *q)
                    .filter(|q| ws.doc(q).unwrap().entities.iter().any(|m| &*m.id == id))
                    .collect();
                let forms = ws.spelling_index().forms(id).unwrap();
                assert_eq!(forms.sources().map(|s| &**s).collect::<Vec<_>>(), naming, "{id}");
                assert_eq!(forms.source_count(), naming.len());
            }
        }
    }
}

#[test]
fn a_surname_with_a_particle_names_the_person_alone() {
    let ws = workspace(&[
        ("a", "وقال مدير المرصد السوري لحقوق الإنسان رامي عبد الرحمن إن الغارات استهدفت مواقع عدة."),
        ("b", "وأضاف عبد الرحمن أن الحصيلة مرشحة للارتفاع."),
    ]);
    let b = entities(&ws, "b");
    assert!(b.iter().any(|e| e.starts_with("«عبد الرحمن» ")), "{b:?}");
    // A hill named after its head, with no article: «تل غرين».
    let ws = workspace(&[("c", "تمركزت المدفعية قرب تل غرين جنوبا.")]);
    assert!(entities(&ws, "c").iter().any(|e| e.starts_with("«تل غرين» ")), "{:?}", entities(&ws, "c"));
    // «ق تل» is «قُتل» (killed) cut by a stripped diacritic, not a hill.
    let ws = workspace(&[("d", "الطيار الذي ق تل بسقوط الطائرة.")]);
    assert_eq!(entities(&ws, "d"), Vec::<String>::new());
}

#[test]
fn a_registry_kept_apart_from_its_sources_matches_as_the_whole_workspace() {
    // `tadqiq extract` reads an archive twice and keeps only what the registry reads of each
    // source in between: the entities it then matches must be the whole workspace's.
    let mut sources: Vec<(String, String)> = vec![
        // A bare introduction published first, the titled one later: the titled one counts.
        (
            "s/a.md".into(),
            "---\npublished: 2021-03-02\n---\nقال نزيه جبور إن الوضع في مدينة القائم مستقر، وإن الشرطة انتشرت.".into(),
        ),
        (
            "s/b.md".into(),
            "---\npublished: 2021-03-05\n---\nوأكد المتحدث باسم الجيش اللبناني العميد نزيه جبور أن الشرطة العراقية انتشرت في القائم.".into(),
        ),
        ("s/c.txt".into(), "وقالت وزيرة الخارجية الفرنسية آنيس روماتيه إن باريس تدعم حركة العدل والمساواة.".into()),
        ("t/d.txt".into(), "وصرحت أنييس روماتيه بأن الحركة لن تتراجع، وأن جبور التقى الوفد في بلدة الكرامة.".into()),
    ];
    let sample = concat!(env!("CARGO_MANIFEST_DIR"), "/../../examples/iraq-withdrawal");
    for entry in std::fs::read_dir(sample).unwrap() {
        let path = entry.unwrap().path();
        sources.push((path.display().to_string(), std::fs::read_to_string(&path).unwrap()));
    }
    let gazetteer = Arc::new(Gazetteer::new(&[]));
    let mut whole = Workspace::new(gazetteer.clone());
    whole.extend(sources.iter().map(|(p, t)| (p.clone(), t.clone(), None)));
    // Each source analysed alone, and only its registry part kept, in another order.
    let kept: Vec<_> = sources
        .iter()
        .rev()
        .map(|(p, t)| {
            let a = tadqiq_core::analysis::analyse_article(t, None, Some(&gazetteer));
            tadqiq_core::workspace::RegistrySource::new(p, t, a.analysis.published, &a.local)
        })
        .collect();
    let apart = Workspace::of_registry_sources(gazetteer.clone(), kept);
    let mut ids = std::collections::BTreeSet::new();
    for (path, text) in &sources {
        let doc = whole.doc(path).unwrap();
        let local = tadqiq_core::analysis::analyse_article(text, None, Some(&gazetteer)).local;
        assert_eq!(apart.entities_of(path, text, &local), doc.entities, "{path}");
        let shared: Arc<str> = path.as_str().into();
        let n = doc.local.introductions.len();
        assert_eq!(apart.match_key_of(&shared, n), whole.match_key_of(&shared, n), "{path}");
        ids.extend(doc.entities.iter().map(|m| m.id.clone()));
    }
    assert!(ids.len() > 20, "the sources name many entities: {ids:?}");
    for id in &ids {
        let (a, w) = (apart.entity(id).unwrap(), whole.entity(id).unwrap());
        assert_eq!((&a.name, a.kind, &a.aliases), (&w.name, w.kind, &w.aliases), "{id}");
    }
    // Names introduced in one source and found in another through the registry kept apart:
    // a surname alone, a transliteration variant.
    let text = &sources[3].1;
    let local = tadqiq_core::analysis::analyse_article(text, None, Some(&gazetteer)).local;
    let found: Vec<String> = apart
        .entities_of("t/d.txt", text, &local)
        .iter()
        .map(|m| format!("«{}» {}", &text[m.span.start..m.span.end], m.id))
        .collect();
    assert_eq!(found, ["«أنييس روماتيه» anys-rwmatyh", "«جبور» nzyh-jbwr", "«الكرامة» al-karamah-jo"]);
    assert_eq!(apart.entity("nzyh-jbwr").unwrap().name, "نزيه جبور");
}

#[test]
fn a_military_unit_named_by_its_number() {
    // A definite unit head and an ordinal or a number name a unit; «اللواء» before a name is
    // still the rank, and an indefinite head before a number counts what follows.
    let ws = workspace(&[(
        "a",
        "قالت مصادر إن الفرقة الرابعة دفعت بتعزيزات، وشارك الفيلق الأول والكتيبة الثالثة في الهجوم. \
         وقصفت الطائرات مقر اللواء 105 وقاد اللواء أحمد العلي الهجوم. وكانت الكتيبة 500 جندي ولواء 5 جنود. \
         وانتهت المعركة في الخامس من أيار.",
    )]);
    assert_eq!(
        entities(&ws, "a"),
        [
            "«الفرقة الرابعة» al-frqh-al-rabah",
            "«الفيلق الأول» al-fylq-al-awl",
            "«الكتيبة الثالثة» al-ktybh-al-thalthh",
            "«اللواء 105» al-lwa-105",
            "«أحمد العلي» ahmd-al-aly"
        ]
    );
}

#[test]
fn a_title_before_a_given_name_that_is_also_a_word() {
    // An indefinite nisba after a definite title is no adjective of it but a given name;
    // after a title a grandfather's name may be an everyday word; a Turkish «أوغلو» is a part.
    let ws = workspace(&[(
        "a",
        "وقال العقيد الركن تركي المالكي إن الصاروخ سقط، وأضاف المالكي أن أحدا لم يصب. \
         وقال الرئيس عبد ربه منصور هادي إن الحرب ستنتهي. والتقى الوزير التركي مولود جاويش أوغلو نظيره. \
         وقال مسؤول تركي إن جنديا تركي الجنسية قتل.",
    )]);
    assert_eq!(
        entities(&ws, "a"),
        [
            "«تركي المالكي» trky-al-malky",
            "«المالكي» trky-al-malky",
            "«عبد ربه منصور هادي» abd-rbh-mnswr-hady",
            "«مولود جاويش أوغلو» mwlwd-jawysh-awghlw"
        ]
    );
    // A definite surname before an everyday word: the word is not the grandfather's name.
    let ws = workspace(&[("b", "وقال الرئيس بشار الأسد حافظ على وحدة البلاد.")]);
    assert_eq!(entities(&ws, "b"), ["«بشار الأسد» bashar-al-assad"]);
}

#[test]
fn a_conjunction_before_a_hamza_is_no_valley_and_the_capital_is_its_city() {
    // «وأدى» (and led to) folds to «وادي» (valley); «العاصمة صنعاء» is the city Sanaa.
    let ws = workspace(&[("a", "وأدى النزاع إلى نزوح الآلاف من العاصمة صنعاء إلى وادي خالد.")]);
    assert_eq!(entities(&ws, "a"), ["«صنعاء» sanaa", "«وادي خالد» khald"]);
}

#[test]
fn a_given_name_before_a_known_surname_is_another_of_the_family() {
    // «ترامب» alone is the known man; after another listed given name it is a relative's
    // surname, and the relative's name does not take «ترامب» alone from him.
    let ws = workspace(&[(
        "a",
        "وقال الرئيس الأمريكي دونالد ترامب إن الاتفاق قريب. وحضرت ميلانيا ترامب الحفل مع جاريد كوشنر، \
         ثم قال ترامب إنه سعيد.",
    )]);
    assert_eq!(
        entities(&ws, "a"),
        [
            "«دونالد ترامب» donald-trump",
            "«ميلانيا ترامب» mylanya-tramb",
            "«جاريد كوشنر» jaryd-kwshnr",
            "«ترامب» donald-trump"
        ]
    );
}

#[test]
fn a_body_head_names_only_with_what_the_body_is_for() {
    // «جهاز»، «معهد»، «سلطة» name a body when definite with an adjective and an «لل» phrase;
    // a feminine participle after a feminine purpose is part of it, a masculine purpose's
    // object is not; indefinite, the words are things.
    let ws = workspace(&[(
        "a",
        "وقال الجهاز المركزي للتعبئة العامة إن الأسعار ارتفعت، وأصدر المجلس الأعلى للقوات المسلحة بيانا. \
         وأقرت الهيئة العامة للاستثمار الموازنة. وتعطل جهاز الهاتف، فسلطة القانون فوق الجميع.",
    )]);
    assert_eq!(
        entities(&ws, "a"),
        [
            "«الجهاز المركزي للتعبئة العامة» al-jhaz-al-mrkzy-lltabh-al-aamh",
            "«المجلس الأعلى للقوات المسلحة» al-mjls-al-aaly-llqwat-al-mslhh",
            "«الهيئة العامة للاستثمار» al-hyh-al-aamh-llastthmar"
        ]
    );
}

#[test]
fn the_knesset_is_israel_s_parliament() {
    let ws = workspace(&[("a", "وصوت الكنيست على القانون، وقال البرلمان الإسرائيلي إن السلطة الفلسطينية رفضته.")]);
    assert_eq!(
        entities(&ws, "a"),
        ["«الكنيست» il-parliament", "«البرلمان الإسرائيلي» il-parliament", "«السلطة الفلسطينية» palestinian-authority"]
    );
}

#[test]
fn a_title_in_construct_with_what_it_is_the_title_of() {
    // «رئيس أركان الجيش»، «وزير خارجية النظام»: the construct noun belongs to the title; the
    // name after it is the person, not «أركان الجيش».
    let ws = workspace(&[(
        "a",
        "وقال رئيس أركان الجيش الفريق أحمد قايد صالح إن الجيش وفي، وصرح وزير خارجية النظام وليد المعلم بأن الحل قريب، \
         والتقى رئيس حكومة الوفاق فايز السراج.",
    )]);
    assert_eq!(
        entities(&ws, "a"),
        ["«أحمد قايد صالح» ahmd-qayd-salh", "«وليد المعلم» wlyd-al-malm", "«فايز السراج» fayz-al-sraj"]
    );
}

#[test]
fn courts_councils_and_cabinets_are_a_country_s_institutions() {
    let ws = workspace(&[(
        "a",
        "أعلن المجلس الدستوري الجزائري رفض الملفات، وقضت المحكمة الدستورية التركية بالإفراج عنه، \
         وصوت مجلس الشيوخ الأمريكي على القرار.",
    )]);
    assert_eq!(
        entities(&ws, "a"),
        [
            "«المجلس الدستوري الجزائري» dz-constitutional-council",
            "«المحكمة الدستورية التركية» tr-constitutional-court",
            "«مجلس الشيوخ الأمريكي» us-senate"
        ]
    );
}

#[test]
fn an_institution_s_adjective_that_is_also_the_country_s_name() {
    // «السعودية» is Saudi Arabia and the feminine adjective Saudi: after an institution head it
    // is the adjective, and the institution is named; after a verb it is the country.
    let ws = workspace(&[(
        "a",
        "أعلنت وزارة الصحة السعودية تسجيل إصابات، وقالت الحكومة السعودية إن الوضع مستقر، وزار الوزير السعودية.",
    )]);
    assert_eq!(
        entities(&ws, "a"),
        ["«وزارة الصحة السعودية» sa-ministry-of-health", "«الحكومة السعودية» sa-government", "«السعودية» sa"]
    );
}

#[test]
fn a_family_name_with_al_abd() {
    let ws = workspace(&[("a", "وأوضح المتحدث باسم الوزارة الدكتور محمد العبد العالي أن العدد ارتفع.")]);
    assert_eq!(entities(&ws, "a"), ["«محمد العبد العالي» mhmd-al-abd-al-aaly"]);
}

#[test]
fn a_national_army_is_another_body_than_the_country_s_army() {
    // «الجيش الوطني السوري» (the opposition's) is neither the bare «الجيش» of the article's
    // country nor the Libyan National Army: each its own body.
    let ws = workspace(&[(
        "a",
        "وقال المتحدث باسم \" الجيش الوطني السوري \" إن قوات النظام تقدمت في إدلب، وقال المتحدث باسم \
         \"الجيش الوطني الليبي\" إن قواته تقدمت، وأكد الجيش العربي السوري أن النظام السوري صامد.",
    )]);
    let found = entities(&ws, "a");
    assert!(found.contains(&"«الجيش الوطني السوري» al-jysh-al-wtny-al-swry".to_string()), "{found:?}");
    assert!(found.contains(&"«الجيش الوطني الليبي» al-jysh-al-wtny-al-lyby".to_string()), "{found:?}");
    assert!(!found.iter().any(|m| m == "«الجيش» sy-army"), "{found:?}");
    // The regime's forces are its army, which is named after them when nothing names it in full.
    assert!(found.contains(&"«قوات النظام» sy-army".to_string()), "{found:?}");
    assert_eq!(ws.entity("sy-army").map(|e| e.name.as_str()), Some("قوات النظام"));
}

#[test]
fn an_event_word_after_an_organisation_s_name_is_no_part_of_it() {
    // «قوات حفتر» then the strike it carried out, and a letter set apart: neither is the name.
    let ws = workspace(&[(
        "a",
        "وشنت طائرة تابعة لقوات حفتر غارة على المطار، وقالت قوات حفتر بـ بيان إنها تقدمت. وقالت وكالة أنباء فارس إن الهجوم فشل.",
    )]);
    assert_eq!(entities(&ws, "a"), ["«قوات حفتر» qwat-hftr", "«قوات حفتر» qwat-hftr", "«وكالة أنباء فارس» fars"]);
}

#[test]
fn names_after_titles_that_other_readings_cut() {
    // A surname shaped like an imperfect verb after a title and a first name; «عبد» and a
    // definite word, though «الملك» alone is a title; a family name after a father's compound;
    // an everyday given name after a noun of leading; new titles (منسقة، البروفيسور).
    let ws = workspace(&[(
        "a",
        "وهنأ الرئيس الجزائري عبد المجيد تبون نظيره، والتقى زعيم الجماعة عبد الملك الحوثي الوفد. \
         وقال المتحدث أحمد عبد الحميد فتوح إن الأضرار كبيرة، وفاز تحالف الفتح بزعامة هادي العامري. \
         وقالت منسقة الشؤون الإنسانية ليز غراندي إن الوضع كارثي، وقال البروفيسور رياض مهياوي إنه مستقر.",
    )]);
    assert_eq!(
        entities(&ws, "a"),
        [
            "«عبد المجيد تبون» abd-al-mjyd-tbwn",
            "«عبد الملك الحوثي» abd-al-mlk-al-hwthy",
            "«أحمد عبد الحميد فتوح» ahmd-abd-al-hmyd-ftwh",
            "«تحالف الفتح» thalf-al-fth",
            "«هادي العامري» hady-al-aamry",
            "«ليز غراندي» lyz-ghrandy",
            "«رياض مهياوي» ryad-mhyawy"
        ]
    );
    // Not a verb after a whole name, nor one a sentence goes on after.
    let ws = workspace(&[("b", "وقال السيد نصر الله يحذر، وقال الوزير أحمد يقول الحق.")]);
    assert!(!entities(&ws, "b").iter().any(|m| m.contains("يحذر") || m.contains("يقول")), "{:?}", entities(&ws, "b"));
}

#[test]
fn after_the_definite_term_of_a_name_only_adjectives_follow() {
    // The verb's object after the name is no part of it; adjectives, a coordinated term and its
    // nisba are. «بسجن» (to imprison) after a court's verdict is no prison.
    let ws = workspace(&[(
        "a",
        "ودعت هيئة الرقابة الإدارية المواطنين إلى الإبلاغ، وقالت وزارة التموين والتجارة الداخلية إن الأسعار مستقرة، \
         وقالت قيادة العمليات المشتركة ونقابة الصحفيين المصريين إن الوضع هادئ. وقضت المحكمة بسجن المتهمين.",
    )]);
    assert_eq!(
        entities(&ws, "a"),
        [
            "«هيئة الرقابة الإدارية» hyh-al-rqabh-al-adaryh",
            "«وزارة التموين والتجارة الداخلية» wzarh-al-tmwyn-w-al-tjarh-al-dakhlyh",
            "«قيادة العمليات المشتركة» qyadh-al-amlyat-al-mshtrkh",
            "«نقابة الصحفيين المصريين» nqabh-al-shfyyn-al-msryyn"
        ]
    );
}

#[test]
fn a_place_s_name_that_is_a_noun_s_adjective() {
    // «المطرية» is a district of Cairo and the adjective «rainy»: after a definite noun it is
    // the adjective; after a preposition or «حي» the place. A country's name is kept.
    let ws = workspace(&[(
        "a",
        "وشهدت المنطقة التساقطات المطرية الاستثنائية، وأغلقت الطرق في المطرية، وقصفت العاصمة السعودية.",
    )]);
    assert_eq!(entities(&ws, "a"), ["«المطرية» al-matariyah-eg", "«السعودية» sa"]);
}

#[test]
fn a_head_counted_by_a_number_word_names_nothing() {
    // «11 ألف مكتب اقتراع»: polling stations counted, not an office named «اقتراع».
    let ws = workspace(&[("a", "وتوزع الناخبون على أكثر من 11 ألف مكتب اقتراع، وعلى ثلاث قواعد عسكرية.")]);
    assert_eq!(entities(&ws, "a"), Vec::<String>::new());
}

#[test]
fn a_directorate_general_and_maghreb_civil_protection() {
    // A place head with an adjective of rank and what it is for heads an administration; the
    // same head before a name is a district. «الوقاية المدنية» is a country's civil defence.
    let ws = workspace(&[(
        "a",
        "وقالت المديرية العامة للأرصاد الجوية إن الأمطار ستستمر في مديرية عبس، وقالت الوقاية المدنية المغربية إنها تدخلت.",
    )]);
    assert_eq!(
        entities(&ws, "a"),
        [
            "«المديرية العامة للأرصاد الجوية» al-mdyryh-al-aamh-llarsad-al-jwyh",
            "«عبس» abs-ye",
            "«الوقاية المدنية المغربية» ma-civil-defence"
        ]
    );
}

#[test]
fn a_titled_name_with_a_place_s_name_in_it() {
    // A place's one-word name as a surname after a given name, or as a given name before an
    // unknown surname: the person, in the name and alone later in the article. A place the
    // titled subject goes to stays a place.
    let ws = workspace(&[
        (
            "a",
            "قال وزير الدفاع الأمريكي لويد أوستن إن بلاده سترسل مساعدات. والتقت رئيسة الوزراء الإيطالية \
             جورجيا ميلوني نظيرها في روما. وزار أوستن بغداد، وقالت ميلوني إن إيطاليا ستستضيف القمة.",
        ),
        (
            "b",
            "زار الرئيس الفرنسي بيروت مساء الخميس، ووصل وزير الخارجية الأمريكي القاهرة قادما من عمان، \
             وزار وزير الخارجية التركي طهران وبغداد. وعقد المؤتمر في أوستن بولاية تكساس. وقال محافظ \
             ديالى مثنى التميمي إن الوضع مستقر.",
        ),
    ]);
    assert_eq!(
        entities(&ws, "a"),
        [
            "«لويد أوستن» lwyd-awstn",
            "«جورجيا ميلوني» jwrjya-mylwny",
            "«روما» rome",
            "«أوستن» lwyd-awstn",
            "«بغداد» baghdad",
            "«ميلوني» jwrjya-mylwny",
            "«إيطاليا» it",
        ]
    );
    let b = entities(&ws, "b");
    // An indefinite title is in construct with the place it is of.
    assert!(b.contains(&"«مثنى التميمي» mthny-al-tmymy".to_string()), "{b:?}");
    for place in [
        "«بيروت» beirut",
        "«القاهرة» cairo",
        "«طهران» tehran",
        "«بغداد» baghdad",
        "«أوستن» austin-us",
        "«ديالى» diyala-iq",
    ] {
        assert!(b.contains(&place.to_string()), "{place}: {b:?}");
    }
    assert!(!b.iter().any(|m| m.contains("qadma")), "{b:?}");
}

#[test]
fn a_title_of_two_joined_complements_and_allah_written_joined() {
    // «وزير الداخلية والبلديات»: the second complement, joined by «و», is the title's, never
    // the first part of the name after it.
    let ws = workspace(&[(
        "a",
        "وقال وزير الداخلية والبلديات سامر الخطيب إن الحادث وقع ليلا، وأعلن وزير الصحة العامة والسكان \
         عبد الله العمري تسجيل إصابات، وقال الوزير الدكتور عبدالله الهاشمي إن المساعدات وصلت.",
    )]);
    assert_eq!(
        entities(&ws, "a"),
        ["«سامر الخطيب» samr-al-khtyb", "«عبد الله العمري» abd-al-lh-al-amry", "«عبدالله الهاشمي» abdallh-al-hashmy"]
    );
}

#[test]
fn a_union_a_press_freedom_body_and_a_lawyer() {
    let ws = workspace(&[(
        "a",
        "دعا الاتحاد العام التونسي للشغل إلى الإضراب، وقالت منظمة مراسلون بلا حدود إن الصحفي محتجز، \
         وقالت المحامية سلمى الورتاني إن الجلسة أجلت، وقالت النيابة العمومية التونسية إنها استأنفت.",
    )]);
    assert_eq!(
        entities(&ws, "a"),
        [
            "«الاتحاد العام التونسي للشغل» ugtt",
            "«منظمة مراسلون بلا حدود» rwb",
            "«سلمى الورتاني» slmy-al-wrtany",
            "«النيابة العمومية التونسية» tn-prosecution"
        ]
    );
}

#[test]
fn gulf_rulers_and_names_with_bin() {
    // A ruler titled by the country he rules; a family name with the article after «بن» and
    // the father's name, nisba or not.
    let ws = workspace(&[(
        "a",
        "وقال أمير قطر تميم بن حمد إن الدوحة مستعدة، وقال الوزير خالد بن عبدالعزيز الفالح إن \
         الاستثمارات كبيرة. وقال وزير الخارجية حسين أمير عبد اللهيان إن طهران مستعدة.",
    )]);
    let found = entities(&ws, "a");
    for person in ["«تميم بن حمد» tmym-bn-hmd", "«خالد بن عبدالعزيز الفالح» khald-bn-abdalazyz-al-falh"]
    {
        assert!(found.contains(&person.to_string()), "{person}: {found:?}");
    }
    // «أمير» alone is as often a given name.
    assert!(found.iter().any(|m| m.starts_with("«حسين أمير عبد اللهيان»")), "{found:?}");
}

#[test]
fn acronyms_without_the_article_and_regions_named_by_a_country() {
    // «أونروا»، «ناتو»، «يونيسف» are written bare as often as with «ال»; «المغرب العربي» is the
    // Maghreb, not Morocco.
    let ws = workspace(&[(
        "a",
        "وقالت أونروا إن حلف ناتو ويونيسف والمفوضية الأوروبية تتابع الوضع في المغرب العربي ومنطقة الساحل والمغرب.",
    )]);
    assert_eq!(
        entities(&ws, "a"),
        [
            "«أونروا» unrwa",
            "«حلف ناتو» nato",
            "«يونيسف» unicef",
            "«المفوضية الأوروبية» european-commission",
            "«المغرب العربي» maghreb",
            "«منطقة الساحل» sahel",
            "«المغرب» ma"
        ]
    );
}

#[test]
fn a_kunya_in_any_case_is_one_person() {
    // «أبو» after a verb is «أبا», after a preposition «أبي»: one man, and his surname alone
    // names him still.
    let ws = workspace(&[
        ("a", "وقال أبو عمر الشامي إن القوات تقدمت."),
        ("b", "والتقى الوزير أبا عمر الشامي في حلب. وكان الشامي قد قاد الهجوم."),
        ("c", "وأشاد الوزير بأبي عمر الشامي."),
    ]);
    assert_eq!(entities(&ws, "a"), ["«أبو عمر الشامي» abw-amr-al-shamy"]);
    assert_eq!(entities(&ws, "b"), ["«أبا عمر الشامي» abw-amr-al-shamy", "«حلب» aleppo", "«الشامي» abw-amr-al-shamy"]);
    assert!(entities(&ws, "c").iter().all(|e| e.ends_with(" abw-amr-al-shamy")), "{:?}", entities(&ws, "c"));
    assert!(!entities(&ws, "c").is_empty());
}

#[test]
fn was_born_opens_no_name() {
    // «ولد» first is «was born»; after a given name it is the Mauritanian «son of».
    let ws = workspace(&[("a", "ولد الشاعر سامي حداد في حمص، وقال سيدي محمد ولد بوبكر إن الحفل انتهى.")]);
    assert_eq!(entities(&ws, "a"), ["«سامي حداد» samy-hdad", "«حمص» homs", "«محمد ولد بوبكر» mhmd-wld-bwbkr"]);
}

#[test]
fn what_an_order_asks_for_is_no_name() {
    // After a verb that takes «ب», a word with «ب» after the titled subject is what was ordered.
    let ws = workspace(&[("a", "وأمر النائب العام بفتح تحقيق عاجل في الحادث، وطالب وزير النقل بسرعة إنجاز الطريق.")]);
    assert_eq!(entities(&ws, "a"), Vec::<String>::new());
    let ws = workspace(&[("a", "وأمر اللواء سالم عبد الكريم بتكثيف الدوريات في المدينة.")]);
    assert_eq!(entities(&ws, "a"), ["«سالم عبد الكريم» salm-abd-al-krym"]);
    // A given name with «ب» is still one.
    let ws = workspace(&[("a", "وأمر الرئيس بسام الخطيب بإغلاق المعابر.")]);
    assert_eq!(entities(&ws, "a"), ["«بسام الخطيب» bsam-al-khtyb"]);
    // A family nisba ends a name: the masdar after it is the decision.
    let ws = workspace(&[("a", "وقرر رئيس الوزراء كمال الزيداني صرف 100 ألف جنيه لكل أسرة.")]);
    assert_eq!(entities(&ws, "a"), ["«كمال الزيداني» kmal-al-zydany"]);
}

#[test]
fn a_place_is_shown_by_the_spelling_arabic_writes() {
    // GeoNames lists transliterations first for some places («تنجه», «القامشلو»): the name
    // shown is one in Arabic's own letters that Arabic writes.
    let ws = workspace(&[("a", "وصل الوفد إلى طنجة ثم إلى القامشلي.")]);
    let names: Vec<String> =
        ws.doc("a").unwrap().entities.iter().map(|m| ws.entity(&m.id).unwrap().name.clone()).collect();
    assert_eq!(names, ["طنجة", "القامشلي"]);
}

#[test]
fn the_jordan_news_agency_is_no_place() {
    let ws = workspace(&[("a", "عمان 16 آذار 2025 (بترا) - قال وزير المياه إن السد امتلأ.")]);
    assert!(entities(&ws, "a").contains(&"«بترا» petra".to_string()), "{:?}", entities(&ws, "a"));
}

#[test]
fn an_agency_acronym_that_is_an_everyday_word_is_the_agency_only_framed() {
    let ws = workspace(&[(
        "a",
        "الرباط 10 مارس 2025 (ومع) - قال الوزير، ومع ذلك، إن الموسم جيد.\n\
         المنامة (بنا) - وصل الوفد بنا إلى الفندق.",
    )]);
    assert_eq!(entities(&ws, "a"), ["«الرباط» rabat", "«ومع» map", "«المنامة» manama", "«بنا» bna"]);
}

#[test]
fn weekdays_and_the_capital_are_no_places_of_their_own() {
    // «الأحد» is a Yemeni village in GeoNames, «العاصمة» Kuwait's Capital Governorate, «أويل» a
    // town in South Sudan: in copy they are Sunday, the capital of the story's country, fuel oil.
    let ws = workspace(&[("a", "اندلع الحريق الأحد في عكار، وتسرب الفيول أويل إلى أحياء العاصمة.")]);
    assert_eq!(entities(&ws, "a"), ["«عكار» akkar-lb"]);
}

#[test]
fn the_people_a_wire_credits_at_the_foot_of_its_copy() {
    let ws = workspace(&[(
        "a",
        "بغداد 9 مارس آذار (رويترز) - قال الوزير إن الخطة جاهزة.\n\
         (إعداد علي الراوي للنشر العربي - تحرير سها جادو)\n\
         وتم تحرير المدينة (تحرير الأرض أولا) قبل سنوات.",
    )]);
    assert_eq!(
        entities(&ws, "a"),
        ["«بغداد» baghdad", "«رويترز» reuters", "«علي الراوي» aly-al-rawy", "«سها جادو» sha-jadw"]
    );
    // A page that runs its furniture on after the credit.
    let ws = workspace(&[("a", "قال الوزير إن الخطة جاهزة. ( إعداد منى الحلبي للنشرة العربية ) شارك الخبر")]);
    assert_eq!(entities(&ws, "a"), ["«منى الحلبي» mny-al-hlby"]);
}

#[test]
fn a_titled_subjects_verb_and_object_are_no_name() {
    // «يصدر» after «الملك» is his verb; «توقيف» before a count is what the minister announced.
    let ws =
        workspace(&[("a", "وأعلن وزير الداخلية إبراهيم مراد توقيف ثلاثة أشخاص.\nومعلوم أن الملك يصدر عفوه كل عام.")]);
    assert_eq!(entities(&ws, "a"), ["«إبراهيم مراد» abrahym-mrad"]);
    // A given name the list knows still opens a name after a title.
    let ws = workspace(&[("a", "وقال الوزير يوسف العتيبي إن الخطة جاهزة.")]);
    assert_eq!(entities(&ws, "a"), ["«يوسف العتيبي» ywsf-al-atyby"]);
}

#[test]
fn a_prisoner_titled_as_one() {
    // «دعاء» (a prayer) and «خالدة» (eternal) are everyday words: the title introduces them.
    let ws = workspace(&[("a", "أفرج عن الأسيرة دعاء حمدان والمعتقلة خالدة جرار، وقال نادي الأسير إن الإفراج تم.")]);
    assert_eq!(entities(&ws, "a"), ["«دعاء حمدان» daa-hmdan", "«خالدة جرار» khaldh-jrar"]);
}

#[test]
fn bodies_named_after_their_place_are_bodies_not_the_place() {
    let ws = workspace(&[(
        "a",
        "قالت شرطة كركوك إن الطريق أغلق، وأعلنت جامعة الموصل تعليق الدوام، وقال مجلس محافظة \
         نينوى إن الوضع هادئ، وخفض مصرف لبنان المركزي الفائدة، وفاز منتخب تونس على منتخب الأردن، \
         وقالت قيادة عمليات البصرة إن الطرق فتحت.",
    )]);
    assert_eq!(
        entities(&ws, "a"),
        [
            "«شرطة كركوك» shrth-krkwk",
            "«جامعة الموصل» jamah-al-mwsl",
            "«مجلس محافظة نينوى» mjls-mhafzh-nynwy",
            "«مصرف لبنان المركزي» msrf-lbnan-al-mrkzy",
            "«منتخب تونس» mntkhb-twns",
            "«منتخب الأردن» mntkhb-al-ardn",
            "«قيادة عمليات البصرة» qyadh-amlyat-al-bsrh",
        ]
    );
    // A head that names only so is no name before anything else; led by a place is led by it;
    // an indefinite nisba is the body's adjective.
    let ws =
        workspace(&[("a", "انتشرت شرطة المرور في كركوك، وتقدمت قوات التحالف بقيادة واشنطن، وأصدرت محكمة تركية حكما.")]);
    assert_eq!(entities(&ws, "a"), ["«كركوك» kirkuk", "«التحالف» coalition-against-isis", "«واشنطن» washington"]);
}

#[test]
fn waters_and_dams_named_after_a_place_are_not_the_place() {
    let ws = workspace(&[(
        "a",
        "عبرت السفينة خليج عدن قبل أن تصل، وارتفع منسوب سد الموصل، ونظمت رحلات في بحيرة طبريا. \
         وقال إن الحكومة ستسد العجز وإن سد الفجوة ضروري.",
    )]);
    assert_eq!(entities(&ws, "a"), ["«خليج عدن» khlyj-adn", "«سد الموصل» sd-al-mwsl", "«بحيرة طبريا» bhyrh-tbrya"]);
}
