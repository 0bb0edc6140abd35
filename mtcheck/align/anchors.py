"""Anchors for aligning two languages without a model: numbers and names.

Without a back-translation the aligner compares the original with the translation
through anyascii transliteration, whose character n-grams say little across languages.
What survives translation does: numbers by value ("11 млрд" = "11 billion", "15:00" =
"3 p.m."), names in scripts that capitalise (a capitalised word that does not start its
sentence, keyed by the consonants of its transliteration, so "Петренко" meets
"Petrenko" and "Київ" "Kyiv"). Question and exclamation marks were tried and left out:
translators move them between sentences (on clean NTREX they raised the unaligned
warnings from 22 to 26 in Arabic and from 22 to 29 in Russian). A sentence the
translator split in two shares its anchors with the pair of target sentences, and a
dropped sentence shares none with its neighbour, so splits align 1:2 and omissions stay
1:0 (see ``bench/align_bench.py``).
"""

from __future__ import annotations

import unicodedata
import zlib
from collections.abc import Sequence
from functools import cache
from typing import TYPE_CHECKING

from mtcheck.read.languages import base_language
from mtcheck.read.numerals import numbers_in
from mtcheck.read.words import iter_words

if TYPE_CHECKING:
    import numpy as np
    from numpy.typing import NDArray

_VOWELS = str.maketrans("", "", "aeiouy")


def cased(text: str) -> bool:
    """True when the text's letters are of a script with capital letters (Latin, Cyrillic, Greek…)."""
    letters = [c for c in text[:2000] if c.isalpha()]
    return bool(letters) and sum(c.upper() != c.lower() for c in letters) >= 0.8 * len(letters)


def _name_key(word: str) -> str:
    from anyascii import anyascii

    latin = "".join(c for c in str(anyascii(word)).lower() if c.isalpha())
    skeleton = latin[:1] + latin[1:].translate(_VOWELS)
    return skeleton[:4] if len(skeleton) >= 3 else ""


def anchors(text: str, lang: str, names: bool = True) -> list[str]:
    """The anchors of one sentence: "#" + number value, "@" + name key.

    Measurements translators convert ("30 yards" → "27 метрів") and one-digit numbers
    (often spelled out) are no anchors."""
    found = [f"#{n.key}" for n in numbers_in(text, lang) if not (n.glued or n.measure) and (len(n.raw) > 1 or n.scaled)]
    if names:
        for k, (start, end) in enumerate(iter_words(text)):
            word = text[start:end]
            if k and word[:1].isupper() and unicodedata.category(word[0]) == "Lu" and len(word) > 2:
                key = _name_key(word)
                if key:
                    found.append(f"@{key}")
    return found


def anchor_vectors(groups: Sequence[Sequence[str]], dims: int) -> NDArray[np.float32]:
    """One row per sentence: its anchors counted in ``dims`` hashed slots (crc32: stable across runs)."""
    import numpy as np

    out = np.zeros((len(groups), dims), dtype=np.float32)
    for row, keys in enumerate(groups):
        for key in keys:
            out[row, zlib.crc32(key.encode("utf-8")) % dims] += 1.0
    return out


@cache
def conjunctions(lang: str) -> frozenset[str]:
    """The language's words for "and" and "or" (CLDR list patterns, via babel), case-folded.

    A conjunction CLDR writes glued to the next word (Arabic و, Hebrew ו) is left out:
    Arabic opens most sentences of running prose with و, continuation or not.
    """
    try:
        from babel import Locale, UnknownLocaleError

        patterns = Locale.parse(base_language(lang) or "en").list_patterns
    except (ImportError, ValueError, UnknownLocaleError):
        return frozenset()
    words = set()
    for kind in ("standard", "or"):
        end = (patterns.get(kind) or {}).get("end", "").replace("\u00a0", " ")
        between = end.replace("{0}", "").replace("{1}", "").strip(" ,\u00a0\u060c\u3001")
        if between and " " not in between and end.endswith(" {1}") and between.isalpha():
            words.add(between.casefold())
    return frozenset(words)


def continues(text: str, lang: str) -> bool:
    """Whether a sentence opens as the continuation of the one before it.

    Its first word is the language's "and" or "or" (CLDR), or, in a script with letter
    case, starts with a lower-case letter: a sentence opened so cannot stand alone, and a
    translator who cuts a long sentence in two cuts it at such a joint ("…, and the
    second…" → "… . And the second…").
    """
    first = next(iter_words(text), None)
    if first is None:
        return False
    word = text[first[0] : first[1]]
    if word.casefold() in conjunctions(lang):
        return True
    return word[0].islower() and word[0].upper() != word[0]
