"""Whether a sentence renders a one-word place name by something other than its name.

A translator may render a place by an adjective made of it (London → лондонських, Berlin →
берлінський, Bristol → Bristolian) or, a capital, by its country, which it stands for (Madrid
→ Испании, "the Spanish government"). Neither is a transliteration of the name, so no
transliteration comparison sees it; both share the stem of a word the sources give: the
name's own target-language forms (termbase, CLDR, gazetteer) or the CLDR name of a country
the gazetteer places it in. A lost frequent place with no such word in its sentence is lost
(:mod:`mtcheck.names.crossnames`, ``_judge_lost``).
"""

from __future__ import annotations

import functools
from collections.abc import Iterable

from mtcheck.names.exonyms import phrase_keys
from mtcheck.names.extract import principal_place
from mtcheck.read.languages import base_language
from mtcheck.read.words import iter_words

# Letters a derived word may change at the end of its stem: Ukrainian and Russian adjectives
# drop the final vowel and may alter the consonant before it (Москва → московський, Париж →
# паризький), English ones too (Texas → Texan); the rest of the stem is kept.
STEM_CHANGE = 2
# A stem shorter than this matches too many words by chance.
MIN_STEM = 4


def _stem(form: str) -> str:
    folded = form.casefold()
    return folded[: max(MIN_STEM, len(folded) - STEM_CHANGE)]


@functools.lru_cache(maxsize=4096)
def _country_names(codes: tuple[str, ...], lang: str) -> tuple[str, ...]:
    """CLDR's names (babel) in ``lang`` of the countries ``codes``."""
    from babel import Locale, UnknownLocaleError

    try:
        territories = Locale.parse(base_language(lang)).territories
    except (UnknownLocaleError, ValueError):
        return ()
    return tuple(str(territories[code]) for code in codes if code in territories)


def place_rendered(
    forms: Iterable[str], countries: Iterable[str], text: str, lang: str, original: str, src: str
) -> bool:
    """Whether ``text`` (a sentence in ``lang``) has a word sharing the stem of one of a place's
    target-language ``forms`` (an adjective made of it), or of the CLDR name of one of its
    ``countries`` (ISO codes: the country a capital stands for) that ``original`` (the sentence
    in ``src`` it translates) does not name itself: there the country renders the original's own
    mention (Turkey and Germany met in Berlin → Німеччини), not the place."""
    stems = {_stem(f) for f in forms if len(f) >= MIN_STEM and " " not in f}
    for code in sorted(set(countries)):
        named = _stems(_country_names((code,), src))
        if not (named and _has_stem(original, named)):
            stems |= _stems(_country_names((code,), lang))
    return _has_stem(text, {s for s in stems if len(s) >= MIN_STEM})


def _stems(names: Iterable[str]) -> set[str]:
    return {_stem(n) for n in names if " " not in n and len(n) >= MIN_STEM}


def _has_stem(text: str, stems: set[str]) -> bool:
    if not stems:
        return False
    words = {text[s:e].casefold() for s, e in iter_words(text)}
    return any(word.startswith(stem) for word in words for stem in stems)


def country_and_place(lost: Iterable[str], lost_lang: str, other: Iterable[str], other_lang: str) -> bool:
    """Whether two place names, each given by some of its forms (as written, its target-language
    forms) in its language, render one another: one of them a country and the other a place the
    gazetteer puts in it, as what each most likely names (:func:`principal_place`). A capital or
    another city stands for its country's government (Испании → Madrid) and a country for its
    capital (Madrid → Іспанії); neither is another name put in the place of the lost one.

    The gazetteer keeps GeoNames' country code of each place but no first-level admin codes,
    so a region and its cities (Texas, Houston) are not told apart: those stay two names.
    """
    one = _places(lost, lost_lang)
    two = _places(other, other_lang)
    return any((a[0] == "country") != (b[0] == "country") and a[1] == b[1] for a in one for b in two)


def _places(forms: Iterable[str], lang: str) -> set[tuple[str, str]]:
    """What the gazetteer takes each form, or its dictionary form (Мадриді → Мадрид), to name."""
    found: set[tuple[str, str]] = set()
    for form in forms:
        lemma = " ".join(w.capitalize() for k in phrase_keys(form, lang) for w in k)
        for written in dict.fromkeys((form, lemma)):
            place = principal_place(written) if written else None
            if place is not None:
                found.add(place)
    return found
