"""Arabic proclitics: the one rule every name and term matcher strips them by.

Arabic writes conjunctions, prepositions and the article joined to the next word:
وترامب "and Trump", بلندن "in London", الأردن "the Jordan", للكاتدرائية "for the cathedral".
A name or term is compared without them, on both sides, by the cross-language name
matcher (:mod:`mtcheck.names.tokens`), the termbase matcher of caseless text
(:func:`mtcheck.names.extract.extract_known`), ``suspect-rendering``, ``deprecated-term``
and ``term-adherence``.

The set is a closed class of Arabic grammar (conjunction و ف, then a preposition ب ك ل,
then the article ال; ل + ال is written لل), so it is written out here: Snowball's Arabic
stemmer also cuts suffixes and plural patterns, which would merge different names.
"""

from __future__ import annotations

from mtcheck.names.translit import is_abjad

_CONJUNCTIONS = ("", "و", "ف")
_PREPOSITIONS = ("", "ب", "ك", "ل")
# Every proclitic sequence, longest first: وبال, فلل, ال, و…
ARABIC_PROCLITICS: tuple[str, ...] = tuple(
    sorted(
        {c + p + a for c in _CONJUNCTIONS for p in _PREPOSITIONS for a in ("", "ال") if c + p + a and p + a != "لال"}
        | {c + "لل" for c in _CONJUNCTIONS},
        key=len,
        reverse=True,
    )
)
# A stripped word shorter than this is not a name or term: ولز (Wales) keeps three letters.
MIN_STEM = 3


def clitic_variants(word: str) -> tuple[str, ...]:
    """``word`` and every form of it without a joined proclitic, most stripped last.

    All of them, because a name may itself start with a clitic's letters: لبنان (Lebanon)
    is not ل + بنان, and the matcher, not this rule, knows which form is a name.
    """
    if not is_abjad(word):
        return (word,)
    out = [word]
    for clitic in reversed(ARABIC_PROCLITICS):  # shortest first, so the most stripped ends last
        if word.startswith(clitic) and len(word) - len(clitic) >= MIN_STEM:
            out.append(word[len(clitic) :])
    return tuple(dict.fromkeys(out))


def strip_clitics(word: str) -> str:
    """``word`` without its longest joined proclitic: للكاتدرائية → كاتدرائية."""
    return clitic_variants(word)[-1]


def proclitic_length(word: str) -> int:
    """Length of the longest Arabic proclitic at the start of ``word`` (0 when none)."""
    return len(word) - len(strip_clitics(word))
