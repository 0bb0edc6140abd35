"""Proper names in a text, with exact character spans.

Cased scripts (Latin, Cyrillic, Greek): a name is a run of capitalised words, joined across
name particles (al-, bin, ibn, von, van, de, la…), hyphens and apostrophes, with a
possessive 's left outside the span. Capitalisation alone over-reports, so three kinds of
capitalised word are handled on purpose:

* calendar words (Monday, January; from CLDR through babel, for the text's language) are
  never names;
* a capitalised common word (its lower-case form is frequent in the language, by wordfreq:
  Western, Congress, President, House) is a name only inside a run with a rare word
  ("Olaf Scholz", "Debra Kagan"); alone it is left to spelling checkers;
* the first word of a sentence is capitalised anyway, so it counts only when it is rare
  as a common word or starts a longer run.

Caseless scripts (Arabic, Hebrew…) have no such signal: their names come from termbase and
gazetteer matches (see :mod:`mtcheck.names.known`), and later from alignment projection.
"""

from __future__ import annotations

import functools
from collections.abc import Iterator
from dataclasses import dataclass

import regex

from mtcheck.languages import base_language
from mtcheck.types import Span

# Name particles that join capitalised words without being capitalised themselves.
PARTICLES = frozenset(
    [
        "al",
        "el",
        "ad",
        "ar",
        "as",
        "at",
        "az",
        "ash",
        "bin",
        "ibn",
        "bint",
        "ben",
        "abu",
        "abd",
        "da",
        "de",
        "del",
        "della",
        "der",
        "di",
        "dos",
        "du",
        "la",
        "le",
        "van",
        "von",
        "ten",
        "ter",
        "zu",
        "y",
        "e",
    ]
)
# A common word this frequent (wordfreq Zipf scale: 4 = once per 100,000 words) is taken as a
# capitalised common word when it stands alone ("Western", "Congress").
COMMON_ZIPF = 3.9
# Sentence-initial words more frequent than this are ordinary words capitalised by position.
SENTENCE_START_ZIPF = 3.0

_WORD = regex.compile(r"\p{Lu}[\p{L}\p{M}]*(?:['’\-]\p{L}[\p{L}\p{M}]*)*|[\p{Ll}][\p{L}\p{M}]*(?:['’\-][\p{L}\p{M}]+)*")
_POSSESSIVE = regex.compile(r"['’]s?$")
_SENTENCE_END = regex.compile(r"[.!?…:;\"“”«»()\[\]\n]\s*$|^\s*$")


@dataclass(frozen=True)
class Mention:
    """A name found in a text: its span and surface text."""

    span: Span
    text: str


@functools.lru_cache(maxsize=16)
def _calendar_words(lang: str) -> frozenset[str]:
    from babel import Locale, UnknownLocaleError

    try:
        locale = Locale.parse(lang)
    except (UnknownLocaleError, ValueError):
        locale = Locale.parse("en")
    words: set[str] = set()
    for context in ("format", "stand-alone"):
        for width in ("wide", "abbreviated"):
            words.update(str(v).lower().rstrip(".") for v in locale.days[context][width].values())
            words.update(str(v).lower().rstrip(".") for v in locale.months[context][width].values())
    return frozenset(words)


@functools.lru_cache(maxsize=16)
def _territories(lang: str) -> frozenset[str]:
    """Country and region names in ``lang`` (CLDR): names, however frequent ("Russia")."""
    from babel import Locale, UnknownLocaleError

    try:
        locale = Locale.parse(lang)
    except (UnknownLocaleError, ValueError):
        return frozenset()
    # Single-word names only: the words of "Western Sahara" or "French Guiana" are not names.
    return frozenset(str(name).lower() for name in locale.territories.values() if " " not in str(name))


@functools.lru_cache(maxsize=200000)
def zipf(word: str, lang: str) -> float:
    """wordfreq's Zipf frequency of ``word`` in ``lang`` (0 when unknown or unsupported)."""
    from wordfreq import zipf_frequency

    try:
        return float(zipf_frequency(word, lang))
    except (LookupError, ValueError):
        return 0.0


def is_cased(text: str) -> bool:
    return any(ch.isupper() or ch.islower() for ch in text if ch.isalpha())


def _strip_possessive(text: str, start: int, end: int) -> int:
    match = _POSSESSIVE.search(text[start:end])
    if match and end - start - len(match.group()) >= 2:
        return start + int(match.start())
    return end


def extract(text: str, lang: str) -> list[Mention]:
    """Names in ``text`` (a sentence or paragraph) in language ``lang``, in order."""
    lang = base_language(lang)
    calendar = _calendar_words(lang)
    tokens = [(m.start(), m.end(), m.group()) for m in _WORD.finditer(text)]
    mentions: list[Mention] = []
    i = 0
    while i < len(tokens):
        _start, _end, word = tokens[i]
        if not word[0].isupper() or word.lower() in calendar:
            i += 1
            continue
        run = [i]
        j = i + 1
        while j < len(tokens):
            gap = text[tokens[j - 1][1] : tokens[j][0]]
            if gap not in (" ", "-", "\u00a0"):
                break
            nxt = tokens[j][2]
            if nxt[0].isupper() and nxt.lower() not in calendar:
                run.append(j)
                j += 1
                continue
            # A particle joins only when a capitalised word follows it: "Osama bin Laden".
            if (
                nxt.lower() in PARTICLES
                and j + 1 < len(tokens)
                and tokens[j + 1][2][0].isupper()
                and text[tokens[j][1] : tokens[j + 1][0]] in (" ", "-")
            ):
                run.extend((j, j + 1))
                j += 2
                continue
            break
        i = j
        yield_run = _trim(run, tokens, text, lang)
        if yield_run:
            first, last = yield_run[0], yield_run[-1]
            s, e = tokens[first][0], _strip_possessive(text, tokens[last][0], tokens[last][1])
            mentions.append(Mention(Span(s, e), text[s:e]))
    return mentions


def _trim(run: list[int], tokens: list[tuple[int, int, str]], text: str, lang: str) -> list[int]:
    """Drop capitalised common words at the edges of a run ("French President Emmanuel Macron")."""

    def common(index: int) -> bool:
        word = tokens[index][2]
        base = _POSSESSIVE.sub("", word).lower()
        return base not in _territories(lang) and zipf(base, lang) >= COMMON_ZIPF

    def sentence_start(index: int) -> bool:
        return bool(_SENTENCE_END.search(text[: tokens[index][0]]))

    def ordinary_at_start(index: int) -> bool:
        return sentence_start(index) and zipf(tokens[index][2].lower(), lang) >= SENTENCE_START_ZIPF

    while run and (common(run[0]) or (len(run) == 1 and ordinary_at_start(run[0]))):
        run = run[1:]
    while run and common(run[-1]):
        run = run[:-1]
    while run and tokens[run[0]][2].lower() in PARTICLES:
        run = run[1:]
    return run


def iter_mentions(texts: list[str], lang: str) -> Iterator[tuple[int, Mention]]:
    for index, text in enumerate(texts):
        for mention in extract(text, lang):
            yield index, mention
