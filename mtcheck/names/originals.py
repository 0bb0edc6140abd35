"""The original's names, and what is known of them in the target language.

Names of a cased original (English, Ukrainian, Russian…) come from
:func:`mtcheck.names.extract.extract`. A script without case (Arabic, Hebrew, Hindi…)
gives its names through what is known of them (termbase, CLDR exonyms, gazetteer), and
through tokens whose romanisation matches a name of the (cased) translation. Scripts
written without spaces between words (Chinese, Japanese, Thai…) give none: the run says
so in a note (:func:`names_note`) and every other check runs.

Known target forms of a name come from the termbase, then CLDR's region names and the
abbreviations table (:mod:`mtcheck.names.exonyms`), then the gazetteer.
"""

from __future__ import annotations

import functools
import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass

from mtcheck.names.caseless import caseless_names
from mtcheck.names.exonyms import exonyms, phrase_keys
from mtcheck.names.extract import LATIN_PEERS as LATIN_PEERS  # re-exported: checks import it from here
from mtcheck.names.extract import extract, is_cased, zipf
from mtcheck.names.gazetteer import Gazetteer
from mtcheck.names.morphology import common_word
from mtcheck.names.sources import NameSources
from mtcheck.names.termbase import Termbase
from mtcheck.names.tokens import name_words, variants
from mtcheck.names.translit import CROSS_SCRIPT_THRESHOLD, similarity
from mtcheck.read.languages import base_language, script_of
from mtcheck.read.words import iter_words
from mtcheck.types import Span

# A word of the original this frequent as a lower-case word (wordfreq Zipf) is not taken
# alone as evidence of a name: "Bank", "Party".
COMMON_WORD_ZIPF = 4.5
# A name is a *clear* mention, worth a warning when it is dropped, when one of its words is
# rarer than this (Elin Jones: elin 2.5; Boris Johnson: boris 3.9) and none is an everyday word
# (Supreme Court: court 5.4; White House: house 5.7), which a translator translates.
RARE_NAME_ZIPF = 4.0
EVERYDAY_ZIPF = 5.0
# How much rarer (Zipf) a Latin-script name may be in the other Latin-script languages
# (LATIN_PEERS) than in its own and still count as a name rather than a word of the language.
INTERNATIONAL_MARGIN = 0.8
# More capitalised words than this share of the common words (wordfreq Zipf >= 3.9, the
# extractor's bar for a common word) make a headline.
HEADLINE_SHARE = 0.6
HEADLINE_COMMON_ZIPF = 3.9
# A word of a caseless original this frequent (wordfreq Zipf) is more likely a word of the
# language than a name: it counts as a name only when its consonants spell a capitalised word
# of the translation almost exactly (news names are frequent words too: جونز Jones 4.4).
RARE_SINGLE_ZIPF = 3.0
FREQUENT_NAME_SIMILARITY = 0.95
# A word this frequent (wordfreq Zipf) is a function word of the language, not a name.
FUNCTION_WORD_ZIPF = 5.5
# Scripts written without spaces between words: no word tokens, so no names.
UNSPACED_SCRIPTS = frozenset({"Hani", "Jpan", "Thai", "Laoo", "Khmr", "Mymr", "Tibt"})
_UNSPACED_LANGUAGES = frozenset({"zh", "ja", "th", "lo", "km", "my", "bo"})


@dataclass(frozen=True)
class Name:
    """A name in one text: which text (segment index on its side), where, and what.

    ``clear``: a mention that is certainly a name that translators keep (a multi-word
    name with a rare word). A lone word is never clear: Llywydd, Judiciary, Levee are
    capitalised and rare, and translated.

    ``listed``: PERSON or PLACE where a lone word, frequent as a word, is a name by a stated
    source (:func:`mtcheck.names.extract.listed_name`: Trump, Arizona, Лондона, Індонезії).
    """

    index: int
    span: Span
    text: str
    clear: bool = False
    listed: str = ""


@dataclass(frozen=True)
class Known:
    """What the termbase, CLDR or gazetteer knows about an original name in the target language."""

    forms: tuple[str, ...]  # allowed target-language forms
    preferred: str | None
    source: str  # "termbase: FILE", "CLDR" or "gazetteer"
    ambiguous: bool = False  # the source form names several things with different target forms


@functools.lru_cache(maxsize=65536)
def gazetteer_known(gazetteer: Gazetteer, form: str, src: str, tgt: str) -> Known | None:
    """Target-language forms of the places written ``form`` in the source language.

    A phrase of everyday words that is only another name's alternate is that name translated
    word for word (GeoNames lists White House for Casablanca), not a form of it: no forms, as
    the phrase means something else in running text. A place's own name stays (New York).
    """
    words = form.split()
    if (
        len(words) > 1
        and all(zipf(w.casefold(), src) >= EVERYDAY_ZIPF for w in words)
        and not any(p.preferred.casefold() == form.casefold() for p in gazetteer.lookup(form))
    ):
        return None
    try:
        per_entity = [(list(t.forms), t.preferred, t.country) for t in gazetteer.translations(form, src, tgt)]
    except sqlite3.Error:
        return None
    with_forms = [(f, p) for f, p, _c in per_entity if f]
    if not with_forms:
        return None
    all_forms = tuple(dict.fromkeys(x for f, _p in with_forms for x in f))
    preferreds = {p for _f, p in with_forms if p}
    # Kharkiv the city, the oblast and the KATOTTG settlement are one place with one form;
    # Georgia the country and the US state are not, though only one has a Ukrainian form.
    countries_with = {c for f, _p, c in per_entity if f}
    ambiguous = len(preferreds) > 1 or any(not f and c not in countries_with for f, _p, c in per_entity)
    return Known(all_forms, next(iter(preferreds)) if len(preferreds) == 1 else None, "gazetteer", ambiguous)


def known_forms(name: str, sources: NameSources) -> Known | None:
    """Target-language forms of ``name`` (source language): termbase, else exonyms and gazetteer.

    A declined Ukrainian or Russian name is looked up by its lemmas too (Москве → Москва).
    """
    src = base_language(sources.document.source_lang)
    tgt = base_language(sources.document.target_lang)
    termbase = sources.termbase if isinstance(sources.termbase, Termbase) else None
    if termbase is not None:
        for _term, concept in termbase.lookup(name, src):
            forms = tuple(t.text for t in concept.terms_in(tgt) if t.allowed)
            if forms:
                preferred = concept.preferred(tgt)
                return Known(forms, preferred.text if preferred else None, f"termbase: {concept.origin or concept.id}")
    found = gazetteer_known(sources.gazetteer, name, src, tgt) if sources.gazetteer is not None else None
    if found is None and sources.gazetteer is not None and src in ("uk", "ru"):
        lemma = " ".join(w.capitalize() for k in phrase_keys(name, src) for w in k)
        if lemma and lemma.casefold() != name.casefold():
            found = gazetteer_known(sources.gazetteer, lemma, src, tgt)
    established = exonyms(name, src, tgt)
    if not established:
        return found
    if found is None:
        return Known(established, established[-1], "CLDR")
    return Known(tuple(dict.fromkeys((*found.forms, *established))), found.preferred, found.source, found.ambiguous)


def names_extractable(lang: str) -> bool:
    """Whether names can be extracted from text in ``lang`` (not from unspaced scripts)."""
    return base_language(lang) not in _UNSPACED_LANGUAGES and script_of(lang) not in UNSPACED_SCRIPTS


def names_note(lang: str) -> str | None:
    """The report's note when the original's names cannot be extracted, else None."""
    if names_extractable(lang):
        return None
    return (
        f"names of the {base_language(lang)} original are not extracted (its script has no word spaces): "
        "name-missing, name-mismatch and name-transliteration did not look at it"
    )


def original_names(text: str, index: int, sources: NameSources, target_names: Sequence[str]) -> list[Name]:
    """The names of one sentence of the original (``target_names``: the aligned translation's)."""
    src = base_language(sources.document.source_lang)
    if not names_extractable(src):
        return []
    if is_cased(text):
        headline = _headline(text, src)
        return [
            Name(
                index,
                m.span,
                m.text,
                not headline and _clear(m.text, src),
                m.listed if not headline else "",
            )
            for m in extract(text, src, frequent=True)
            if not acronym(m.text)
        ]
    # Caseless (Arabic): known names, and words that sound like a name of the translation.
    names: list[Name] = []
    words = list(iter_words(text))
    used: set[int] = set()
    for size in (3, 2, 1):
        for k in range(len(words) - size + 1):
            if any(x in used for x in range(k, k + size)):
                continue
            s, e = words[k][0], words[k + size - 1][1]
            phrase = text[s:e]
            if size == 1 and zipf(phrase, src) >= FUNCTION_WORD_ZIPF:
                continue  # إلى "to", من "from": never a name, whatever its consonants spell
            for variant in variants(phrase) if size == 1 else (phrase,):
                if _article_added(phrase, variant):
                    continue
                if known_forms(variant, sources) is not None:
                    offset = e - len(variant)
                    names.append(Name(index, Span(offset, e), variant))
                    used.update(range(k, k + size))
                    break
    # A word of the original is one word of a name: compared with the translation's names
    # word by word too ("Matt Damon" holds the Damon that دامون spells, which the whole name,
    # two words against one, does not match).
    target_words = list(dict.fromkeys([*target_names, *(w for t in target_names for w in name_words(t))]))
    for k, (s, e) in enumerate(words):
        if k in used or len(text[s:e]) < 3:
            continue
        forms = variants(text[s:e])
        frequent = any(zipf(v, src) >= RARE_SINGLE_ZIPF for v in forms)
        bar = FREQUENT_NAME_SIMILARITY if frequent else CROSS_SCRIPT_THRESHOLD
        for variant in forms:
            if any(similarity(variant, t) >= bar for t in target_words):
                names.append(Name(index, Span(e - len(variant), e), variant))
                used.add(k)
                break
    # Names the aligned translation dropped or replaced, found from the original alone.
    names += [Name(index, c.span, c.text, c.clear) for c in caseless_names(text, sources, used)]
    names.sort(key=lambda n: n.span.start)
    return names


def _article_added(word: str, variant: str) -> bool:
    """``variant`` is ``word`` without its article ال (لل is ل + ال), and has none of its own.

    An Arabic place name either always takes the article (المكسيك, العراق) or never does
    (مالي, مصر): the article before one that never takes it makes another word, mostly an
    adjective or noun of the language (المالي "the financial", not Mali).
    """
    prefix = word[: len(word) - len(variant)]
    return bool(prefix) and prefix.endswith(("ال", "لل")) and not variant.startswith("ال")


def _clear(name: str, lang: str) -> bool:
    """A mention that is surely a name a translator keeps: see :class:`Name`."""
    words = name_words(name)
    if len(words) < 2 or not all(international(w, lang) for w in words):
        return False
    frequencies = [zipf(w.casefold(), lang) for w in words]
    return min(frequencies) < RARE_NAME_ZIPF and max(frequencies) < EVERYDAY_ZIPF


def international(word: str, lang: str) -> bool:
    """A word of a name, not of the language: a name is written alike in the Latin-script
    languages and about as frequent in each (Jones: en 4.7, others 4.2), a word of the
    language is rarer elsewhere (Drought 3.9 / 1.5, Scottish 4.6 / 2.7). Ukrainian and Russian
    ask their dictionary (pymorphy3), which tags given names and surnames."""
    code = base_language(lang)
    if code in ("uk", "ru"):
        return not common_word(word, code)
    if script_of(code) != "Latn":
        return False  # no test of the kind: never a clear mention
    peers = [p for p in LATIN_PEERS if p != code]
    return max(zipf(word.casefold(), p) for p in peers) >= zipf(word.casefold(), code) - INTERNATIONAL_MARGIN


def _headline(text: str, lang: str) -> bool:
    """Title Case headline ("Analysts Warn Of Slowdown"): its capitals mark no names.

    Told by the common words after the first: in running text they are lower case, however
    many names the sentence holds.
    """
    words = [text[s:e] for s, e in iter_words(text)][1:]
    common = [w for w in words if zipf(w.casefold(), lang) >= HEADLINE_COMMON_ZIPF]
    return len(common) >= 2 and sum(w[0].isupper() for w in common) > HEADLINE_SHARE * len(common)


def acronym(text: str) -> bool:
    """NHS, AMs, TVs: acronyms are expanded or translated as often as kept (NHS, ООН)."""
    return text.rstrip("s").isupper() and len(text) <= 6


def worth_checking(name: str, lang: str) -> bool:
    """Not a lone capitalised common word ("Bank"), which a translation may well render as a word."""
    words = name_words(name)
    return len(words) > 1 or zipf(words[0].casefold(), lang) < COMMON_WORD_ZIPF
