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
  as a common word or starts a longer run;
* an original's names are read with ``frequent``: a lone frequent word is a name where a
  stated source lists it as one (US Census names, the gazetteer, pymorphy3's name tags:
  Trump, Arizona, Лондона; see :func:`listed_name`).

Caseless scripts (Arabic, Hebrew…) have no such signal: their names come from termbase and
gazetteer matches (see :mod:`mtcheck.names.known`), and later from alignment projection.
"""

from __future__ import annotations

import functools
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any

import regex

from mtcheck.names.clitics import clitic_variants
from mtcheck.names.keyindex import FormIndex
from mtcheck.names.morphology import PERSON as PERSON_GRAMMEMES
from mtcheck.names.morphology import common_word, noun_lemma, proper_noun
from mtcheck.names.romanise import is_census_name
from mtcheck.read.languages import base_language, script_of
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


# What a stated source says a lone frequent word names (:func:`listed_name`).
PERSON, PLACE = "person", "place"


@dataclass(frozen=True)
class Mention:
    """A name found in a text: its span and surface text; ``listed``: PERSON or PLACE where a
    lone word frequent as a word is a name by a stated source (:func:`listed_name`)."""

    span: Span
    text: str
    listed: str = ""


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


def calendar_words(lang: str) -> frozenset[str]:
    """Day and month names of ``lang`` (CLDR), lower case: capitalised, and never names."""
    return _calendar_words(base_language(lang))


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
    from mtcheck.names.frequency import looked_up

    # a plain word from the cached copy of wordfreq's list: loading wordfreq costs more
    # than the rest of a model-free check of an article
    found = looked_up(word, lang)
    if found is not None:
        return found
    from wordfreq import zipf_frequency

    try:
        return float(zipf_frequency(word, lang))
    except (LookupError, ValueError, ImportError):
        # ImportError: Chinese and Japanese need jieba / MeCab for wordfreq's tokenizer,
        # which mtcheck does not require; without them the word counts as unknown.
        return 0.0


def _particle_joined(word: str) -> bool:
    """al-Sisi, bin-Salman: a particle written joined to a capitalised name."""
    head, _sep, rest = word.partition("-")
    return bool(rest) and head.lower() in PARTICLES and rest[0].isupper()


def is_cased(text: str) -> bool:
    return any(ch.isupper() or ch.islower() for ch in text if ch.isalpha())


def _strip_possessive(text: str, start: int, end: int) -> int:
    match = _POSSESSIVE.search(text[start:end])
    if match and end - start - len(match.group()) >= 2:
        return start + int(match.start())
    return end


def extract(text: str, lang: str, known: frozenset[str] = frozenset(), *, frequent: bool = False) -> list[Mention]:
    """Names in ``text`` (a sentence or paragraph) in language ``lang``, in order.

    ``known``: words already seen as part of a longer name in the same document ("Cameron"
    after "David Cameron"); standing alone they are still names, however frequent as words.
    ``frequent``: a lone frequent word is a name too where a name list or the dictionary says
    so (:func:`listed_name`: Trump, Arizona, Лондона); an original's names are read so.
    """
    lang = base_language(lang)
    if not any(ch.isupper() for ch in text):
        return []  # no capital letter, no name: most of a long text's lines in cased scripts
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
            if (nxt[0].isupper() and nxt.lower() not in calendar) or _particle_joined(nxt):
                run.append(j)
                j += 1
                continue
            # Particles join only when a capitalised word follows them: "Osama bin Laden",
            # "Ursula von der Leyen".
            k = j
            while (
                k < len(tokens)
                and tokens[k][2].lower() in PARTICLES
                and text[tokens[k - 1][1] : tokens[k][0]]
                in (
                    " ",
                    "-",
                )
            ):
                k += 1
            if (
                k > j
                and k < len(tokens)
                and tokens[k][2][0].isupper()
                and text[tokens[k - 1][1] : tokens[k][0]]
                in (
                    " ",
                    "-",
                )
            ):
                run.extend(range(j, k + 1))
                j = k + 1
                continue
            break
        i = j
        yield_run, listed = _trim(run, tokens, text, lang, known, frequent)
        if yield_run:
            first, last = yield_run[0], yield_run[-1]
            s, e = tokens[first][0], _strip_possessive(text, tokens[last][0], tokens[last][1])
            mentions.append(Mention(Span(s, e), text[s:e], listed))
    return mentions


# Titles and offices before a name are a closed class of words; no package lists them, so the
# English ones are written out here. A run is cut after the last of them: "Saudi Crown Prince
# Mohammed bin Salman" → "Mohammed bin Salman". Other languages fall back to word frequency.
TITLES = {
    "en": frozenset(
        {
            "acting",
            "admiral",
            "ambassador",
            "archbishop",
            "assistant",
            "attorney",
            "bishop",
            "brig",
            "captain",
            "cardinal",
            "chairman",
            "chairwoman",
            "chancellor",
            "chief",
            "colonel",
            "commander",
            "commissioner",
            "congressman",
            "congresswoman",
            "councillor",
            "crown",
            "defence",
            "defense",
            "deputy",
            "det",
            "detective",
            "dr",
            "emir",
            "envoy",
            "finance",
            "foreign",
            "former",
            "general",
            "gen",
            "governor",
            "health",
            "insp",
            "inspector",
            "interior",
            "judge",
            "justice",
            "king",
            "lady",
            "lieutenant",
            "lord",
            "mayor",
            "minister",
            "mr",
            "mrs",
            "ms",
            "president",
            "premier",
            "pope",
            "prime",
            "prince",
            "princess",
            "professor",
            "prof",
            "queen",
            "rabbi",
            "rep",
            "secretary",
            "senator",
            "sen",
            "sergeant",
            "sgt",
            "sheikh",
            "sir",
            "speaker",
            "spokesman",
            "spokeswoman",
            "sultan",
            "superintendent",
            "supt",
            "vice",
        }
    )
}
# A capitalised leading word this frequent is a function word capitalised by position ("At",
# "The", "Both"), not part of the name: "al" (5.2) or "de" (5.2) stay, "as" (6.8) goes.
FUNCTION_ZIPF = 5.5
# A single capitalised word that the gazetteer knows as a country, or as a city this large, is a
# name however frequent the word (Moscow, Washington); at the start of a sentence the bar is higher
# (Reading, Mobile).
PLACE_POPULATION = 100_000
PLACE_POPULATION_AT_START = 500_000


@functools.lru_cache(maxsize=1)
def _gazetteer() -> Any:
    from mtcheck.errors import ConfigError
    from mtcheck.names.gazetteer import load_gazetteer

    try:
        return load_gazetteer()
    except ConfigError:
        return None


@functools.lru_cache(maxsize=65536)
def _place_size(name: str) -> int:
    """Population of the largest place written ``name`` (a country counts as very large), 0 if none."""
    gazetteer = _gazetteer()
    if gazetteer is None:
        return 0
    best = 0
    for place in gazetteer.lookup(name):
        if place.kind == "country":
            return 10**9
        if place.kind != "subdivision":  # "Western", "Central": provinces named by common words
            best = max(best, place.population)
    return best


@functools.lru_cache(maxsize=65536)
def _notable_place(name: str) -> bool:
    """Whether the gazetteer has a country, a state or province, or a city of PLACE_POPULATION
    written ``name``. A village named after a common word (Свобода "freedom", Перемога
    "victory": GeoNames lists hundreds, with no population) is that word far more often."""
    gazetteer = _gazetteer()
    places = gazetteer.lookup(name) if gazetteer is not None else []
    return any(p.kind in ("country", "subdivision") or p.population >= PLACE_POPULATION for p in places)


def place_countries(name: str) -> tuple[str, ...]:
    """ISO codes of the countries the gazetteer has a place written ``name`` in."""
    gazetteer = _gazetteer()
    if gazetteer is None:
        return ()
    return tuple(sorted({p.country for p in gazetteer.lookup(name) if p.country}))


@functools.lru_cache(maxsize=65536)
def principal_place(name: str) -> tuple[str, str] | None:
    """What a place name most likely names, as (kind, ISO country code): a country where the
    gazetteer has one written ``name`` (Georgia), else its most populous entry (GeoNames
    population: Madrid, Spain, not Madrid, Colombia; Paris, France, not Paris, Texas); None
    where the gazetteer knows no place written so."""
    gazetteer = _gazetteer()
    places = [p for p in gazetteer.lookup(name) if p.country] if gazetteer is not None else []
    if not places:
        return None
    country = next((p for p in places if p.kind == "country"), None)
    best = country or max(places, key=lambda p: p.population)
    return best.kind, best.country


def own_place_name(name: str) -> bool:
    """Whether ``name`` is the primary name of a populated place (Brookline): a rendering that
    names a place of its own is that place, not a misspelling of another (Бруклин, Brooklyn)."""
    gazetteer = _gazetteer()
    if gazetteer is None:
        return False
    return any(p.kind == "city" and p.preferred.casefold() == name.casefold() for p in gazetteer.lookup(name))


def deprecated_place_form(name: str, lang: str) -> bool:
    """Whether the gazetteer marks ``name`` deprecated in ``lang`` (Kiev): ``deprecated-term`` reports it."""
    gazetteer = _gazetteer()
    return gazetteer is not None and any(p.status == "deprecated" for p in gazetteer.lookup(name, lang))


def place_size(name: str) -> int:
    """Population of the largest place written ``name`` (a country counts as very large), 0 if none."""
    return _place_size(name)


def _is_acronym(word: str, text: str) -> bool:
    """NATO, KCNA; but not the words of an all-capitals headline."""
    if not (2 <= len(word) <= 6 and word.isupper()):
        return False
    letters = [ch for ch in text if ch.isalpha()]
    return sum(ch.isupper() for ch in letters) <= 0.6 * len(letters)  # else a shouted headline


def _trim(
    run: list[int], tokens: list[tuple[int, int, str]], text: str, lang: str, known: frozenset[str], frequent: bool
) -> tuple[list[int], str]:
    """Drop titles, function words and lone capitalised common words from a run; with
    ``frequent``, say what a lone word is by :func:`listed_name` (PERSON, PLACE or "")."""
    titles = TITLES.get(lang)

    def base(index: int) -> str:
        return str(_POSSESSIVE.sub("", tokens[index][2]))

    def sentence_start(index: int) -> bool:
        return bool(_SENTENCE_END.search(text[: tokens[index][0]]))

    def span_text(indexes: list[int]) -> str:
        return str(_POSSESSIVE.sub("", text[tokens[indexes[0]][0] : tokens[indexes[-1]][1]]))

    def common(index: int) -> bool:
        word = base(index).lower()
        return word not in _territories(lang) and zipf(word, lang) >= COMMON_ZIPF

    if titles is not None:
        cut = max((k for k, index in enumerate(run) if base(index).lower().rstrip(".") in titles), default=-1)
        run = run[cut + 1 :]
        alone = len(run) == 1  # "Trump", "President Trump"
        while len(run) > 1 and zipf(base(run[0]).lower(), lang) >= FUNCTION_ZIPF and _place_size(span_text(run)) == 0:
            run = run[1:]  # "Both Democrats", "At Davos"; but "The Hague" is a place
    else:
        # Not what is left of a longer run: Славы of Зал Славы ("Hall of Fame") is a name
        # translated with its common words; a first word capitalised by position does not count
        # (Влада Індонезії, "Indonesia's government").
        alone = len(run) == 1 or (len(run) == 2 and sentence_start(run[0]) and common(run[0]))
        while run and common(run[0]) and len(run) > 1:
            run = run[1:]
        while len(run) > 1 and common(run[-1]):
            run = run[:-1]
    while run and tokens[run[0]][2].lower() in PARTICLES and len(run) > 1 and tokens[run[0]][2][0].islower():
        run = run[1:]
    if len(run) != 1:
        return run, ""
    # One capitalised word alone: a name unless it is a common word capitalised by position or
    # for emphasis ("Western", "Congress"), with the exceptions above.
    word = base(run[0])
    listed = listed_name(word, lang, text[: tokens[run[0]][0]]) if frequent and alone else ""
    if word in known or _is_acronym(word, text):
        return run, listed
    start = sentence_start(run[0])
    size = _place_size(word)
    if size >= (PLACE_POPULATION_AT_START if start else PLACE_POPULATION) or listed:
        return run, listed
    if start and zipf(word.lower(), lang) >= SENTENCE_START_ZIPF and word.lower() not in _territories(lang):
        return [], ""
    if start and common_word(word, lang):
        return [], ""  # a dictionary word capitalised by position: Подчеркиваю "I emphasise"
    return ([], "") if common(run[0]) else (run, "")


# Languages a Latin-script name is compared in (see :func:`listed_name` and
# :func:`mtcheck.names.originals.international`).
LATIN_PEERS = ("en", "de", "fr", "es", "it")
# A lone capitalised word as frequent as an everyday word (wordfreq Zipf: Court 5.4, Street 5.3,
# Bill 5.2) is translated as a word as often as it names someone, whatever the name lists say.
LISTED_EVERYDAY_ZIPF = 5.0
# A name is written alike in the other Latin-script languages and read there on average at most
# this much rarer (Zipf; 1 is a tenth as often) than in its own (Arizona 4.4 / 3.6, Trump 4.9 /
# 4.5, Massachusetts 4.3 / 3.4); a word of the language is not (Easter 4.1 / 2.8, Olympic 4.5 /
# 2.7, Derbyshire 3.3 / 2.1, Hope 5.4 / 3.7).
LISTED_PEER_SPREAD = 1.0
# The article before a lone capitalised word marks an office or an institution (the Chair, the
# Bench), not a person or a place.
_THE = regex.compile(r"(?i:\bthe)\s+$")


def listed_name(word: str, lang: str, before: str) -> str:
    """PERSON or PLACE where a lone capitalised word, frequent as a word, is a name by a stated
    source rather than by its capital, else "" (``before``: the text before it, which tells the
    start of a sentence).

    Ukrainian and Russian: inside a sentence, a dictionary noun whose readings are mostly a given
    name, surname or patronymic (pymorphy3: Трампа, Кларк: PERSON), or a place or organisation
    (Лондона), or whose dictionary form is a country, a state or province or a large city of the
    gazetteer (Індонезії, which the Ukrainian dictionary does not tag; not a village named
    Свобода): PLACE; at the start of a sentence only a word
    with no common reading (Трамп, not Кларк "clerk"), or a country or large place. Latin-script
    languages: inside a sentence and not after "the", a country or large city (London: PLACE),
    or a word that is no everyday word, is read alike in the other Latin-script languages (not
    Olympic, Western, Court, Easter), and is a US Census name (Trump, Clark: PERSON) or a
    country, state or large city of the gazetteer (Arizona, Massachusetts: PLACE).
    Other scripts: never.
    """
    code = base_language(lang)
    start = bool(_SENTENCE_END.search(before))
    if code in ("uk", "ru"):
        if proper_noun(word, code, only=start, kinds=PERSON_GRAMMEMES):
            return PERSON
        if proper_noun(word, code, only=start):
            return PLACE
        lemma = noun_lemma(word, code)
        if lemma is None:
            return ""
        place = lemma.capitalize()
        if start:
            found = lemma in _territories(code) or _place_size(place) >= PLACE_POPULATION_AT_START
        else:
            found = lemma in _territories(code) or _notable_place(place)
        return PLACE if found else ""
    if start or script_of(code) != "Latn" or _THE.search(before):
        return ""
    if _place_size(word) >= PLACE_POPULATION:
        return PLACE  # a name however frequent (see PLACE_POPULATION): London, Washington
    folded = word.casefold()
    own = zipf(folded, code)
    if own >= LISTED_EVERYDAY_ZIPF:
        return ""
    peers = [zipf(folded, peer) for peer in LATIN_PEERS if peer != code]
    if sum(peers) / len(peers) < own - LISTED_PEER_SPREAD:
        return ""
    if is_census_name(word):
        return PERSON
    return PLACE if _notable_place(word) else ""


_CASELESS_WORD = regex.compile(r"[\p{L}\p{M}]+(?:['’\-][\p{L}\p{M}]+)*")


def extract_known(text: str, forms: Sequence[str] | FormIndex, threshold: float) -> list[Mention]:
    """Names in a text without letter case (Arabic, Hebrew…): runs of words that are, or sound
    like (:func:`mtcheck.names.translit.similarity` >= ``threshold``), one of ``forms`` (names the
    caller knows: termbase terms, gazetteer forms). A joined proclitic stays outside the span:
    every reading of the first word's proclitics is tried, the best-scoring one wins and, at
    equal score, the most stripped (لكاتدرائية ولز is كاتدرائية ولز after ل)."""
    index = forms if isinstance(forms, FormIndex) else FormIndex(forms)
    tokens = [(m.start(), m.end(), m.group()) for m in _CASELESS_WORD.finditer(text)]
    mentions: list[Mention] = []
    i = 0
    while i < len(tokens):
        found = None
        for n in index.lengths:
            if i + n > len(tokens):
                continue
            start, end = tokens[i][0], tokens[i + n - 1][1]
            best = (0.0, "")
            for first in clitic_variants(tokens[i][2]):
                candidate = text[start + len(tokens[i][2]) - len(first) : end]
                score = index.best(candidate, n, threshold)[1]
                if score >= threshold and score >= best[0]:
                    best = (score, candidate)
            if best[1]:
                found = (n, Mention(Span(end - len(best[1]), end), best[1]))
                break
        if found:
            mentions.append(found[1])
            i += found[0]
        else:
            i += 1
    return mentions


def name_words(texts: list[str], lang: str) -> frozenset[str]:
    """Words of the multi-word names of a whole document, for :func:`extract`'s ``known``."""
    words: set[str] = set()
    for text in texts:
        for mention in extract(text, lang):
            parts = mention.text.split()
            if len(parts) > 1:
                words.update(p for p in parts if p[0].isupper())
    return frozenset(words)


def iter_mentions(texts: list[str], lang: str) -> Iterator[tuple[int, Mention]]:
    known = name_words(texts, lang)
    for index, text in enumerate(texts):
        for mention in extract(text, lang, known):
            yield index, mention
