"""The Arabic spellings a name stands for, to look it up in a word list that keeps them apart.

Matching (src/text.rs, `fold_arabic`) reads «مقرة» and «مقره», «الجدیدہ» (Persian and Urdu
letters, as GeoNames often has them) and «الجديدة», «أعمال» and «اعمال» as one word. A word
list such as wordfreq's counts each spelling on its own, and mostly the Arabic one: a name is
as common as the commonest spelling that matching would read as it.
"""

# The runtime's folding of letters (src/text.rs, `fold_arabic`): alef and hamza seats to ا,
# ى and Persian ی ې to ي, ة and its Persian and Urdu forms to ه, ک to ك, tatweel gone.
FOLD = str.maketrans(
    {
        **dict.fromkeys("أإآٱٲٳ", "ا"),
        **dict.fromkeys("ىیې", "ي"),
        **dict.fromkeys("ةۀہەۃ", "ه"),
        "ک": "ك",
        "ٶ": "ؤ",
        "ٸ": "ئ",
        "ـ": None,
    }
)
# Persian and Urdu letters as Arabic writes them (the runtime folds the same ones).
ARABIC = str.maketrans(
    {"ی": "ي", "ې": "ي", "ک": "ك", "ۀ": "ة", "ۃ": "ة", "ہ": "ه", "ە": "ه", "ٲ": "أ", "ٳ": "إ", "ٶ": "ؤ", "ٸ": "ئ"}
)
ALEFS = "اأإآ"
# The article, alone or after a clitic: its alef never carries hamza.
ARTICLES = ("وال", "فال", "بال", "كال", "ال")


def spellings(name):
    """`name` and the spellings matching does not tell from it: in Arabic letters, with a final
    ة or ه, a final ي or ى, and any hamza (or none) on its first alef among the first four
    letters after the article («الأعمال»، «وأسعار»)."""
    out = {name, name.translate(ARABIC)}
    for s in list(out):
        for a, b in (("ه", "ة"), ("ة", "ه"), ("ي", "ى"), ("ى", "ي")):
            if s.endswith(a):
                out.add(s[:-1] + b)
    for s in list(out):
        article = next((len(p) for p in ARTICLES if s.startswith(p) and len(s) > len(p) + 1), 0)
        at = next((article + i for i, c in enumerate(s[article : article + 4]) if c in ALEFS), None)
        if at is not None:
            out.update(s[:at] + a + s[at + 1 :] for a in ALEFS)
    return sorted(out)
