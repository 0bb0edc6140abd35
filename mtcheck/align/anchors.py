"""Anchors for aligning two languages without a model: numbers and names.

Without a back-translation the aligner compares the original with the translation
through anyascii transliteration, whose character n-grams say little across languages.
What survives translation does: numbers by value ("11 млрд" = "11 billion", "15:00" =
"3 p.m."), names in scripts that capitalise (a capitalised word that does not start its
sentence, keyed by the consonants of its transliteration, so "Петренко" meets
"Petrenko" and "Київ" "Kyiv"). An abjad (Arabic, Hebrew) has no capitals and writes no
short vowels: against a cased script every one of its words is keyed by consonant sound
classes and meets the capitalised words of the other side keyed alike (ماكفيرسون and
"Macpherson" both key as MKBR). Question and exclamation marks were tried and left out:
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


# Sound classes for matching a name across an abjad and a cased script: Arabic writes no
# short vowels and has no p or v, so only consonant classes survive (Macpherson ↔
# ماكفيرسون: both K B R S N). Hand-written rather than mtcheck.names.translit, which the
# layer contract keeps out of align; a coarse key is enough here, since a shared key only
# adds to the similarity of two sentences.
_SOUND_DIGRAPHS = (("sh", "S"), ("ch", "S"), ("th", "T"), ("dh", "T"), ("kh", "K"), ("gh", "K"), ("ph", "B"))
# ...except that a Latin gh is mostly silent (Brighton ↔ برايتون), where Arabic غ romanises as gh
_LATIN_DIGRAPHS = (("gh", ""), *_SOUND_DIGRAPHS)
_SOUND_CLASSES = {
    **dict.fromkeys("bfpv", "B"),
    **dict.fromkeys("cgkq", "K"),
    **dict.fromkeys("sxz", "S"),
    **dict.fromkeys("dt", "T"),
    "j": "J",
    "l": "L",
    "m": "M",
    "n": "N",
    "r": "R",
}
# Arabic proclitics written joined to a name: "and", "by", "to", "as", "so", the article.
_ARABIC_PREFIXES = ("وال", "بال", "فال", "كال", "لل", "ال", "و", "ب", "ل", "ف", "ك")
# Keys of fewer sound classes match too many common words of an abjad (three-consonant roots).
_SOUND_KEY_MIN = 3


def abjad(text: str) -> bool:
    """True when most letters of the text are Arabic or Hebrew script (written without short vowels)."""
    letters = [c for c in text[:2000] if c.isalpha()]
    hits = sum(1 for c in letters if unicodedata.name(c, "").startswith(("ARABIC", "HEBREW")))
    return bool(letters) and hits >= 0.8 * len(letters)


def sound_key(word: str) -> str:
    """The first four consonant classes of a word's transliteration ("" when under three)."""
    from anyascii import anyascii

    latin = "".join(c for c in str(anyascii(word)).lower() if "a" <= c <= "z")
    digraphs = _SOUND_DIGRAPHS if abjad(word) else _LATIN_DIGRAPHS
    out: list[str] = []
    k = 0
    while k < len(latin):
        cls = next((c for graph, c in digraphs if latin.startswith(graph, k)), None)
        step = 2 if cls is not None else 1
        cls = cls if cls is not None else _SOUND_CLASSES.get(latin[k], "")
        if cls and (not out or out[-1] != cls):
            out.append(cls)
        k += step
    return "".join(out[:4]) if len(out) >= _SOUND_KEY_MIN else ""


def abjad_name_keys(text: str) -> list[str]:
    """Sound keys of every word of an uncased text (any word may be a name), clitics stripped."""
    found: list[str] = []
    for start, end in iter_words(text):
        word = text[start:end]
        forms = {word} | {word[len(p) :] for p in _ARABIC_PREFIXES if word.startswith(p) and len(word) - len(p) >= 3}
        found.extend(f"@{key}" for key in {sound_key(form) for form in forms} if key)
    return found


def cased_name_keys(text: str) -> list[str]:
    """Sound keys of the capitalised words of a cased text that do not open the sentence."""
    found: list[str] = []
    for k, (start, end) in enumerate(iter_words(text)):
        word = text[start:end]
        if k and unicodedata.category(word[0]) == "Lu" and len(word) > 2:
            key = sound_key(word)
            if key:
                found.append(f"@{key}")
    return found


def anchors(text: str, lang: str, names: bool | str = True) -> list[str]:
    """The anchors of one sentence: "#" + number value, "@" + name key.

    ``names``: True where both scripts capitalise (capitalised words, consonant key);
    ``"abjad"`` for the uncased side of a cased/uncased pair (every word's sound key) and
    ``"sound"`` for its cased side (capitalised words' sound keys); False for none.

    Measurements translators convert ("30 yards" → "27 метрів") and one-digit numbers
    (often spelled out) are no anchors."""
    found = [f"#{n.key}" for n in numbers_in(text, lang) if not (n.glued or n.measure) and (len(n.raw) > 1 or n.scaled)]
    if names == "abjad":
        return found + abjad_name_keys(text)
    if names == "sound":
        return found + cased_name_keys(text)
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
