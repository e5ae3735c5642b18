//! No input can make extraction panic or report a span that is not a piece of the text.
//! Generated text mixes the characters the grammar reacts to (Arabic letters and marks, every
//! digit script, separators, clitics, month and number words) with arbitrary Unicode.

use proptest::prelude::*;

const PIECES: &[&str] = &[
    "في ",
    "منذ ",
    "عام ",
    "العام ",
    "الماضي ",
    "الجاري ",
    "المقبل ",
    "اليوم ",
    "أمس ",
    "الخميس ",
    "يوم ",
    "نهاية ",
    "مطلع ",
    "شهر ",
    "يناير ",
    "كانون الثاني ",
    "جانفي ",
    "يوليوز ",
    "تموز ",
    "(يوليو) ",
    "/",
    "-",
    "(",
    ")",
    "رمضان ",
    "صفر ",
    "ذو الحجة ",
    "هـ ",
    "م ",
    "الموافق ",
    "نحو ",
    "أكثر من ",
    "على الأقل ",
    "خمسة ",
    "عشر ",
    "وثمانين ",
    "مئة ",
    "آلاف ",
    "ألفا ",
    "مليار ",
    "العشرات ",
    "واحد ",
    "جندي ",
    "جنديين ",
    "ومتعاقدان ",
    "عاما ",
    "عقدين ",
    "عقود ",
    "ساعتين ",
    "% ",
    "في المئة ",
    "الساعة ",
    "K-",
    "كوفيد – ",
    "القرار ",
    "الـ",
    "\r\n",
    "\n",
    "\u{feff}",
    "ـ",
    "َ",
    "ّ",
    "ایران ",
    "3,000 ",
    "1.5 ",
    "١٫٥ ",
    "٣٬٠٠٠ ",
    "31/12/2021 ",
    "2021-12-31 ",
    "31.12.2021 ",
    "۱۲ ",
    "٢٠٢٠ ",
    "2020 ",
    "30 ",
    "31 ",
    "29 ",
    "0 ",
    "99999999999999999999 ",
    ", ",
    "، ",
    ". ",
    ": ",
    "😀",
];

fn article() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        4 => proptest::sample::select(PIECES).prop_map(str::to_string),
        1 => "[0-9٠-٩۰-۹]{1,6}",
        1 => any::<String>(),
    ];
    proptest::collection::vec(piece, 0..60).prop_map(|p| p.concat())
}

use tadqiq_testkit::extraction as check;

proptest! {
    #![proptest_config(ProptestConfig { cases: 3000, ..ProptestConfig::default() })]

    #[test]
    fn extraction_never_panics_and_spans_are_pieces_of_the_text(text in article()) {
        check(&text);
    }

    #[test]
    fn decoding_any_bytes_never_panics(bytes in proptest::collection::vec(any::<u8>(), 0..400)) {
        tadqiq_testkit::article_bytes(&bytes);
    }
}

#[test]
fn hostile_shapes() {
    check(&"9".repeat(100_000));
    check(&"ـ".repeat(10_000));
    check(&"في ".repeat(20_000));
    check(&"و".repeat(10_000));
    check(&"١٫".repeat(10_000));
    check(&"31/".repeat(10_000));
    check(&"(يوليو) تموز ".repeat(2_000));
    // A list of months thousands long, and days and months in a range: each month looks a few
    // months ahead for a year, never down the whole list.
    check(&format!("{}2025", "يناير و".repeat(10_000)));
    check(&format!("{}2025", "من 5 مارس إلى ".repeat(5_000)));
    // Days with their weekdays, in a range and in a list, thousands long.
    check(&format!("{}جوان 2025", "من الأحد 15 إلى الخميس 19 ".repeat(3_000)));
    check(&format!("{}جوان 2025", "الأحد 15 والاثنين 16 ".repeat(3_000)));
}
