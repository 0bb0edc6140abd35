"""Established names of countries, regions and blocs in another language (exonyms).

Гонконг ↔ Hong Kong, США ↔ United States, الدانمرك ↔ Denmark: translated, not
transliterated, so the transliteration matcher cannot pair them. The forms come from
CLDR, for every language it covers: the region display names in their long form (babel)
and their short form (ICU's ``LENGTH_SHORT`` display names: США, ООН, UK, US) and
CLDR's alternative names that ICU keeps (Turkey beside Türkiye), plus a
small table of bloc abbreviations CLDR lacks (``mtcheck/data/abbreviations.tsv``, source
in ``mtcheck/data/SOURCES.md``).

Forms are compared by a per-word key: Ukrainian and Russian words by their pymorphy3
lemma (Сполучених Штатах → сполучений штат), Arabic words without their proclitics
and hamza spellings (للولايات المتحدة ~ الولايات المتحدة), other words case-folded.
"""

from __future__ import annotations

import functools
from pathlib import Path
from typing import Any

from mtcheck.names.clitics import clitic_variants
from mtcheck.names.translit import is_abjad
from mtcheck.read.languages import base_language
from mtcheck.read.words import iter_words

ABBREVIATIONS = Path(__file__).resolve().parents[1] / "data" / "abbreviations.tsv"


# Hamza on alef and final ya / alef maqsura are written by several conventions. The long
# vowels stay: without them too many words meet (مرات "times" / إمارات, فريق "team" / أفريقيا);
# spellings that differ in them (الدانمرك / الدنمارك) are left to the transliteration matcher.
_ARABIC_FOLD = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ـ": None, "ى": "ي"})


def phrase_keys(text: str, lang: str) -> set[tuple[str, ...]]:
    """The per-word keys of a name in ``lang``, for looking it up whatever its inflection.

    An Arabic name gets one key per reading of its first word's proclitics (لبنان is
    Lebanon, not ل + بنان; only the table's side, not this rule, knows which is a name).
    """
    code = base_language(lang)
    words = [text[s:e] for s, e in iter_words(text)]
    if not words:
        return set()
    if code in ("uk", "ru"):
        from mtcheck.names.morphology import keyer

        lemmas = keyer(code)
        return {tuple(min(lemmas(w) - {w.casefold()} or {w.casefold()}) for w in words)}
    if is_abjad(text):
        if min(len(w) for w in words) < 3:
            return set()  # من "from" is not اليمن "Yemen" without its vowel letters
        rest = tuple(w.translate(_ARABIC_FOLD) for w in words[1:])
        # A place name either always takes the article or never does (المكسيك, مالي): the
        # article before one that never takes it makes another word (المالي "the financial").
        firsts = {
            first.translate(_ARABIC_FOLD)
            for first in clitic_variants(words[0])
            if not (words[0][: len(words[0]) - len(first)].endswith(("ال", "لل")) and not first.startswith("ال"))
        }
        return {(first, *rest) for first in firsts if len(first) >= 3}
    return {tuple(w.casefold() for w in words)}


def _region_names(lang: str) -> dict[str, set[str]]:
    """Region code → its CLDR names in ``lang`` (long and short forms)."""
    from babel import Locale, UnknownLocaleError

    out: dict[str, set[str]] = {}
    try:
        territories = Locale.parse(lang).territories
    except (UnknownLocaleError, ValueError):
        return out
    for code, name in territories.items():
        out.setdefault(str(code), set()).add(str(name))
    try:
        import icu

        names = icu.LocaleDisplayNames.createInstance(icu.Locale(lang), [icu.UDisplayContext.LENGTH_SHORT])
        for code in out:
            short = str(names.regionDisplayName(code))
            if short:
                out[code].add(short)
        out = _with_variants(icu, lang, out)
    except (ImportError, AttributeError):
        pass  # PyICU missing: the long forms alone
    # CLDR writes territories with qualifiers (Гонконг, ОАР Китаю): the part before them is the name in use.
    for forms in out.values():
        forms.update({f.split(",")[0].split(" (")[0].strip() for f in forms})
    return out


def _with_variants(icu: Any, lang: str, names: dict[str, set[str]]) -> dict[str, set[str]]:
    """``names`` with CLDR's alternative region names (alt="variant": Turkey beside Türkiye,
    Ivory Coast, Czech Republic), which babel leaves out and ICU keeps in its region data."""
    try:
        table = icu.ResourceBundle("ICUDATA-region", icu.Locale(lang)).get("Countries%variant")
    except icu.ICUError:
        return names  # a language whose CLDR data has no variants
    for k in range(table.getSize()):
        entry = table.get(k)
        names.setdefault(str(entry.getKey()), set()).add(str(entry.getString()))
    return names


def _abbreviations(lang: str) -> dict[str, set[str]]:
    out: dict[str, set[str]] = {}
    for line in ABBREVIATIONS.read_text(encoding="utf-8").splitlines():
        if line.startswith("#") or not line.strip():
            continue
        concept, code, form = line.split("\t")[:3]
        if code == lang:
            out.setdefault(concept, set()).add(form)
    return out


def _names(lang: str) -> dict[str, set[str]]:
    """Region or bloc code → its names in ``lang``: CLDR's, and the table's abbreviations (ЄС, EU)."""
    out = _region_names(lang)
    for code, forms in _abbreviations(lang).items():
        out.setdefault(code, set()).update(forms)
    return out


@functools.lru_cache(maxsize=32)
def exonym_table(src: str, tgt: str) -> dict[tuple[str, ...], tuple[str, ...]]:
    """Key of a name in ``src`` → its established forms in ``tgt``."""
    src, tgt = base_language(src), base_language(tgt)
    names_src, names_tgt = _names(src), _names(tgt)
    table: dict[tuple[str, ...], set[str]] = {}
    for code, forms in names_src.items():
        wanted = names_tgt.get(code)
        if not wanted:
            continue
        for form in forms:
            for found in phrase_keys(form, src):
                table.setdefault(found, set()).update(wanted)
    table.pop((), None)
    return {k: tuple(sorted(v, key=len, reverse=True)) for k, v in table.items()}


def exonyms(name: str, src: str, tgt: str) -> tuple[str, ...]:
    """Established ``tgt`` forms of the region or bloc ``name`` (in ``src``), or ()."""
    table = exonym_table(src, tgt)
    return tuple(dict.fromkeys(form for k in phrase_keys(name, src) for form in table.get(k, ())))
